package amitytest

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

// MockPrefix is the path prefix of a Mock's admin endpoints; no path of the Amity API
// starts with it.
const MockPrefix = "/_mock/"

// maxSeedBody caps the body of POST /_mock/seed.
const maxSeedBody = 64 << 20

// MockOption configures a Mock started by StartMock.
type MockOption func(*mockConfig)

type mockConfig struct {
	server        []Option
	seed          *SeedFile
	seedDefault   bool
	failRate      float64
	latency       time.Duration
	webhookURL    string
	webhookSecret []byte
	preURL        string
	preSecret     []byte
	logger        *slog.Logger
	publicURL     string
}

// WithServerOptions passes options to the Server the Mock runs (credentials, rate limit,
// clock, upload limit).
func WithServerOptions(opts ...Option) MockOption {
	return func(c *mockConfig) { c.server = append(c.server, opts...) }
}

// WithSeedFile loads f at start and on every reset to the seed (after the built-in seed
// when WithDefaultSeed is given too).
func WithSeedFile(f *SeedFile) MockOption { return func(c *mockConfig) { c.seed = f } }

// WithDefaultSeed loads the built-in seed (Server.Seed with SeedOptions{}) at start and on
// every reset to the seed.
func WithDefaultSeed() MockOption { return func(c *mockConfig) { c.seedDefault = true } }

// WithFailRate makes each API request fail with 500 (code 500000) with probability p
// (Server.SetFailRate); the admin endpoints never fail.
func WithFailRate(p float64) MockOption { return func(c *mockConfig) { c.failRate = p } }

// WithLatency delays every API request by d before it is handled (Server.SetDelay).
func WithLatency(d time.Duration) MockOption { return func(c *mockConfig) { c.latency = d } }

// WithMockWebhook makes the Mock deliver its webhooks to url signed with secret
// (Server.SetWebhook); a reset keeps it.
func WithMockWebhook(url string, secret []byte) MockOption {
	return func(c *mockConfig) { c.webhookURL, c.webhookSecret = url, secret }
}

// WithMockPreHook makes the Mock ask the pre-hook at url, signing with secret
// (Server.SetPreHook with the default timeout and action); a reset keeps it.
func WithMockPreHook(url string, secret []byte) MockOption {
	return func(c *mockConfig) { c.preURL, c.preSecret = url, secret }
}

// WithPublicURL sets the base URL the Mock reports (Server.URL) and uses in the links its
// answers carry (file URLs), for a Mock that others reach by another name than its listen
// address (a container's service name). By default it is http://host:port of the listener
// (127.0.0.1 for an unspecified host).
func WithPublicURL(u string) MockOption {
	return func(c *mockConfig) { c.publicURL = strings.TrimRight(u, "/") }
}

// WithMockLogger logs the Mock's admin actions (resets, seeds, redeliveries) to l; by
// default nothing is logged. No token or secret is ever logged.
func WithMockLogger(l *slog.Logger) MockOption { return func(c *mockConfig) { c.logger = l } }

// Mock is a Server listening on an address of one's choice, as `amity mock` runs it for
// programs that are not Go tests, with admin endpoints under MockPrefix. Every endpoint but
// GET /_mock/health requires the admin token (Authorization: Bearer <token>):
//
//	GET  /_mock/health                        200 {"status":"ok"} once serving
//	POST /_mock/reset[?to=seed]               empty the data, or reset it to the seed
//	POST /_mock/seed[?builtin=true]           add a seed file (the body) or the built-in seed
//	GET  /_mock/webhooks                      the webhook deliveries, in order
//	POST /_mock/webhooks/{index}/redeliver    deliver the index-th delivery again
//	POST /_mock/follow-approval?required=B    Server.SetFollowApproval (follow requests)
//	POST /_mock/streams/{streamId}/start      Server.StartStream (video-streaming.didStart)
//	POST /_mock/streams/{streamId}/record     Server.RecordStream (video-streaming.didRecord)
//
// A reset keeps the webhook and pre-hook configuration given at start, the request log and
// the delivery log. Errors are answered as {"status":"error","message":...}.
type Mock struct {
	*Server
	cfg   mockConfig
	admin *http.ServeMux
	log   *slog.Logger

	resetMu sync.Mutex // one reset or seed load at a time
}

// StartMock starts a Mock listening on addr (host:port; port 0 picks a free one).
func StartMock(addr string, opts ...MockOption) (*Mock, error) {
	var cfg mockConfig
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.failRate < 0 || cfg.failRate > 1 {
		return nil, fmt.Errorf("amitytest: fail rate %v is not within [0, 1]", cfg.failRate)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	m := &Mock{Server: buildServer(cfg.server), cfg: cfg, admin: http.NewServeMux(), log: cfg.logger}
	if m.log == nil {
		m.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	m.adminRoutes()
	ts := httptest.NewUnstartedServer(http.HandlerFunc(m.serveHTTP))
	_ = ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && tcp.IP.IsUnspecified() {
		ts.URL = "http://" + net.JoinHostPort("127.0.0.1", strconv.Itoa(tcp.Port))
	}
	if cfg.publicURL != "" {
		ts.URL = cfg.publicURL
	}
	m.start(ts)
	m.SetDelay(cfg.latency)
	m.SetFailRate(cfg.failRate)
	m.configureHooks()
	if err := m.loadSeed(); err != nil {
		m.Close()
		return nil, err
	}
	return m, nil
}

// configureHooks applies the webhook and pre-hook of the configuration.
func (m *Mock) configureHooks() {
	if m.cfg.webhookURL != "" {
		m.SetWebhook(m.cfg.webhookURL, m.cfg.webhookSecret)
	}
	if m.cfg.preURL != "" {
		m.SetPreHook(m.cfg.preURL, m.cfg.preSecret, 0, "")
	}
}

// loadSeed loads the configured seed: the built-in one, then the seed file.
func (m *Mock) loadSeed() error {
	if m.cfg.seedDefault {
		m.Seed(SeedOptions{})
	}
	if m.cfg.seed != nil {
		return m.LoadSeedFile(m.cfg.seed)
	}
	return nil
}

// Reset replaces the data with an empty fake's (toSeed false) or with the seed the Mock was
// started with (toSeed true). The credentials, webhook and pre-hook stay; the rate limit's
// counts restart.
func (m *Mock) Reset(toSeed bool) error {
	m.resetMu.Lock()
	defer m.resetMu.Unlock()
	m.mu.Lock()
	st := newState(m.now())
	st.baseURL = m.ts.URL
	m.st = st
	m.mu.Unlock()
	m.limiter.mu.Lock()
	m.limiter.log = map[string][]time.Time{}
	m.limiter.mu.Unlock()
	m.configureHooks()
	m.log.Info("amity mock: reset", "toSeed", toSeed)
	if toSeed {
		return m.loadSeed()
	}
	return nil
}

// serveHTTP routes the admin endpoints and serves the API.
func (m *Mock) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, MockPrefix) {
		m.admin.ServeHTTP(w, r)
		return
	}
	m.Server.serveHTTP(w, r)
}

// mockDelivery is a webhook delivery as GET /_mock/webhooks lists it.
type mockDelivery struct {
	Index     int             `json:"index"`
	Event     string          `json:"event"`
	Status    int             `json:"status"`
	Error     string          `json:"error,omitempty"`
	Signature string          `json:"signature"`
	Body      json.RawMessage `json:"body"`
}

func (m *Mock) adminRoutes() {
	m.admin.HandleFunc("GET "+MockPrefix+"health", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	m.handleAdmin("POST "+MockPrefix+"reset", func(r *http.Request) (any, error) {
		to := r.URL.Query().Get("to")
		if to != "" && to != "seed" && to != "empty" {
			return nil, fmt.Errorf("to must be seed or empty, not %q", to)
		}
		return nil, m.Reset(to == "seed")
	})
	m.handleAdmin("POST "+MockPrefix+"seed", func(r *http.Request) (any, error) {
		m.resetMu.Lock()
		defer m.resetMu.Unlock()
		if r.URL.Query().Get("builtin") == "true" {
			m.Seed(SeedOptions{})
			m.log.Info("amity mock: built-in seed loaded")
			return nil, nil
		}
		f, err := ReadSeedFile(http.MaxBytesReader(nil, r.Body, maxSeedBody))
		if err != nil {
			return nil, err
		}
		if err := m.LoadSeedFile(f); err != nil {
			return nil, err
		}
		m.log.Info("amity mock: seed file loaded", "users", len(f.Users), "posts", len(f.Posts))
		return nil, nil
	})
	m.handleAdmin("GET "+MockPrefix+"webhooks", func(*http.Request) (any, error) {
		out := []mockDelivery{}
		for i, d := range m.WebhookDeliveries() {
			md := mockDelivery{Index: i, Event: d.Event, Status: d.Status, Signature: d.Signature, Body: d.Body}
			if d.Err != nil {
				md.Error = d.Err.Error()
			}
			if !json.Valid(md.Body) {
				md.Body = nil
			}
			out = append(out, md)
		}
		return map[string]any{"deliveries": out}, nil
	})
	m.handleAdmin("POST "+MockPrefix+"webhooks/{index}/redeliver", func(r *http.Request) (any, error) {
		i, err := strconv.Atoi(r.PathValue("index"))
		if err != nil {
			return nil, fmt.Errorf("index %q is not a number", r.PathValue("index"))
		}
		ds := m.WebhookDeliveries()
		if i < 0 || i >= len(ds) {
			return nil, fmt.Errorf("no webhook delivery %d (%d recorded)", i, len(ds))
		}
		if _, err := m.RedeliverWebhooks(r.Context(), ds[i]); err != nil { // webhooks_burst.go
			return nil, err
		}
		m.log.Info("amity mock: webhook redelivered", "index", i)
		return nil, nil
	})
	m.handleAdmin("POST "+MockPrefix+"follow-approval", func(r *http.Request) (any, error) {
		required, err := strconv.ParseBool(r.URL.Query().Get("required"))
		if err != nil {
			return nil, errors.New("required must be true or false")
		}
		m.SetFollowApproval(required)
		return nil, nil
	})
	m.handleAdmin("POST "+MockPrefix+"streams/{streamId}/start", func(r *http.Request) (any, error) {
		return nil, m.StartStream(r.PathValue("streamId"))
	})
	m.handleAdmin("POST "+MockPrefix+"streams/{streamId}/record", func(r *http.Request) (any, error) {
		return nil, m.RecordStream(r.PathValue("streamId"))
	})
}

// handleAdmin registers an admin endpoint: it requires the admin token and answers h's
// result (or {"status":"ok"}) with 200, or its error with 400.
func (m *Mock) handleAdmin(pattern string, h func(*http.Request) (any, error)) {
	m.admin.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		tok := bearerToken(r)
		if tok == "" || subtle.ConstantTimeCompare([]byte(tok), []byte(m.AdminToken())) != 1 {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"status": "error", "message": "the admin token is required"})
			return
		}
		v, err := h(r)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"status": "error", "message": err.Error()})
			return
		}
		if v == nil {
			v = map[string]string{"status": "ok"}
		}
		writeJSON(w, http.StatusOK, v)
	})
}

// Shutdown stops the Mock like Close, giving up waiting when ctx ends.
func (m *Mock) Shutdown(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		m.Close()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
