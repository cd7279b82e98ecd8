package amitytest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// Credentials of a Server started without options.
const (
	defaultAdminToken = "amitytest-admin-token"
	defaultAPIKey     = "amitytest-api-key"
)

// defaultUploadLimit caps the bytes an upload request may carry.
const defaultUploadLimit = 32 << 20

// Option configures a Server created by NewServer.
type Option func(*config)

type config struct {
	adminToken  string
	apiKey      string
	serverKey   string
	rateCalls   int
	rateWindow  time.Duration
	rateEnabled bool
	clock       func() time.Time
	uploadLimit int64
}

// WithAdminToken sets the admin token the server accepts (default "amitytest-admin-token").
func WithAdminToken(token string) Option { return func(c *config) { c.adminToken = token } }

// WithAPIKey sets the API key that POST /api/v4/sessions requires in the
// x-api-key header (default "amitytest-api-key").
func WithAPIKey(key string) Option { return func(c *config) { c.apiKey = key } }

// WithServerKey turns on secure mode: auth tokens can be issued with this
// server key and session registration then requires a valid authToken.
func WithServerKey(key string) Option { return func(c *config) { c.serverKey = key } }

// WithRateLimit allows at most calls requests per identity (the admin, or
// each user) within any window (default 100 per 5 s).
func WithRateLimit(calls int, window time.Duration) Option {
	return func(c *config) {
		c.rateCalls, c.rateWindow, c.rateEnabled = calls, window, true
	}
}

// WithoutRateLimit disables the per-identity rate limit.
func WithoutRateLimit() Option { return func(c *config) { c.rateEnabled = false } }

// WithClock replaces time.Now for timestamps, token expiry and rate limiting.
func WithClock(now func() time.Time) Option { return func(c *config) { c.clock = now } }

// WithUploadLimit sets the largest upload request body, in bytes, that the
// file endpoints accept before answering 413 (default 32 MiB).
func WithUploadLimit(bytes int64) Option { return func(c *config) { c.uploadLimit = bytes } }

// Server is an in-process, stateful fake of the Amity (social.plus) REST API
// listening on a loopback address. Create it with NewServer and stop it with
// Close. All methods are safe for concurrent use.
type Server struct {
	cfg     config
	ts      *httptest.Server
	mux     *http.ServeMux
	limiter *limiter
	faults  faults

	mu sync.Mutex // guards st
	st *state

	webhooks webhooks // webhook and pre-hook delivery (webhooks.go)
}

// NewServer starts a fake Amity API server on a loopback address.
func NewServer(opts ...Option) *Server {
	s := buildServer(opts)
	s.start(httptest.NewServer(http.HandlerFunc(s.serveHTTP)))
	return s
}

// buildServer builds a Server that serves nothing yet; start gives it its listener.
func buildServer(opts []Option) *Server {
	cfg := config{
		adminToken:  defaultAdminToken,
		apiKey:      defaultAPIKey,
		rateCalls:   100,
		rateWindow:  5 * time.Second,
		rateEnabled: true,
		clock:       time.Now,
		uploadLimit: defaultUploadLimit,
	}
	for _, o := range opts {
		o(&cfg)
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux()}
	s.limiter = newLimiter(cfg.rateCalls, cfg.rateWindow, cfg.rateEnabled)
	s.st = newState(s.now())
	s.routes()
	return s
}

// start records the running server ts (NewServer's, or the one StartMock listens with).
func (s *Server) start(ts *httptest.Server) {
	s.ts = ts
	s.mu.Lock()
	s.st.baseURL = s.ts.URL
	s.mu.Unlock()
}

// URL returns the base URL of the server, e.g. http://127.0.0.1:41234.
func (s *Server) URL() string { return s.ts.URL }

// Close shuts the server down and blocks until all requests have finished.
func (s *Server) Close() {
	s.ts.Close()
	s.closeWebhooks()
}

// AdminToken returns the admin token the server accepts: the configured one (WithAdminToken),
// or the one POST /api/v1/admin-token issued last, which replaces it.
func (s *Server) AdminToken() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.currentAdminToken(s.cfg.adminToken)
}

// APIKey returns the API key required by session registration.
func (s *Server) APIKey() string { return s.cfg.apiKey }

// ServerKey returns the server key of secure mode, or "" when secure mode is off.
func (s *Server) ServerKey() string { return s.cfg.serverKey }

// SetRateLimitEnabled turns the per-identity rate limit on or off.
func (s *Server) SetRateLimitEnabled(enabled bool) { s.limiter.setEnabled(enabled) }

func (s *Server) now() time.Time { return s.cfg.clock().UTC() }

// authMode says what a route requires from the Authorization header.
type authMode int

const (
	authNone  authMode = iota // no token needed
	authUser                  // any valid token (admin or user)
	authAdmin                 // the admin token
)

// request carries one API request through its handler: the caller, the
// response writer and what has been read of the request so far.
type request struct {
	s        *Server
	st       *state
	w        http.ResponseWriter
	r        *http.Request
	identity string // "admin" or a userId; "" when unauthenticated
	isAdmin  bool
	token    string

	bareOpts  bool // options may come without the options[...] wrapper
	tokLoaded bool
	tok       *pageTok
	tokOK     bool

	body       []byte         // the request body, once read (see readBody)
	bodyRead   bool           // body has been read
	bodyErr    error          // the error of reading it
	bodyParams map[string]any // a DELETE's JSON body object, once decoded (see bodyParam)
	bodyParsed bool
}

type handler func(c *request) error

// route registers h for pattern ("METHOD /path") with the given auth mode.
// The state lock is held while h runs.
func (s *Server) route(pattern string, mode authMode, h handler) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		c, err := s.authenticate(w, r, mode)
		if err == nil {
			err = h(c)
		}
		if err != nil {
			writeError(w, err)
		}
	})
}

// routeUnlocked is like route but h runs without the state lock (it must take
// it itself with c.lock); used by uploads, which read large bodies first.
func (s *Server) routeUnlocked(pattern string, mode authMode, h handler) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		c, err := s.authenticate(w, r, mode)
		s.mu.Unlock()
		if err == nil {
			err = h(c)
		}
		if err != nil {
			writeError(w, err)
		}
	})
}

// authenticate resolves the caller and applies the rate limit. s.mu is held.
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request, mode authMode) (*request, error) {
	c := &request{s: s, st: s.st, w: w, r: r}
	s.runDue() // scheduled posts and bulk delete jobs (misc_state.go)
	if mode == authNone {
		return c, nil
	}
	tok := bearerToken(r)
	id, admin, ok := s.st.resolveToken(tok, s.cfg.adminToken, s.now())
	if !ok {
		return nil, errUnauthorized("Unauthorized")
	}
	c.identity, c.isAdmin, c.token = id, admin, tok
	s.st.noteCall(id, s.now())
	key := "user:" + id
	if admin {
		key = "admin"
	}
	if !s.limiter.allow(key, s.now()) {
		return nil, errRateLimit()
	}
	if mode == authAdmin && !admin {
		return nil, errPermission("Only administrator can do this")
	}
	if err := s.refuseGuestWrite(r, tok); err != nil { // bot and visitor sessions read (misc_state.go)
		return nil, err
	}
	return c, nil
}

// bearerToken extracts the token from "Authorization: Bearer <t>" or, as the
// product documents also show, an "x-admin-token" header.
func bearerToken(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return strings.TrimSpace(r.Header.Get("x-admin-token"))
}

// serveHTTP records the request, applies fault injection and dispatches.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	id, _, _ := s.st.resolveToken(bearerToken(r), s.cfg.adminToken, s.now())
	s.mu.Unlock()
	s.faults.record(RecordedRequest{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Identity: id})
	if s.faults.apply(w, r) {
		return
	}
	s.mux.ServeHTTP(w, r)
}

// lock takes the state lock in an unlocked route.
func (c *request) lock() { c.s.mu.Lock() }

// unlock releases the state lock in an unlocked route.
func (c *request) unlock() { c.s.mu.Unlock() }

// asUser is the request of an operation of userID that a Server method causes instead of an
// HTTP request (e.g. StartStream), so it can build bodies and send events; s.mu is held.
func (s *Server) asUser(userID string) *request { return &request{s: s, st: s.st, identity: userID} }

// now is the server clock.
func (c *request) now() time.Time { return c.s.now() }

// me returns the caller's user record, creating the admin's user on first use.
func (c *request) me() *user {
	if c.isAdmin {
		return c.st.adminUser(c.now())
	}
	return c.st.users[c.identity]
}
