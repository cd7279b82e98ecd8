// Package amity is a typed Go client for the Amity / social.plus REST API: users, sessions,
// communities, posts, comments, channels, messages, polls, files and moderation.
//
// A Client holds one transport shared by all its services: region endpoints, admin and user
// token auth, a client-side limiter for the API's 100 calls per user per 5 seconds, retries
// that never repeat a write the server may have applied, and next-token pagination.
//
//	c, err := amity.NewClient(amity.WithRegion(amity.RegionEU), amity.WithAdminToken(token))
//	u, err := c.Users.Get(ctx, "alice")
//
// Acting as a user (a session registered with the API key, renewed when needed):
//
//	alice, err := c.AsUser("alice")
//	post, err := alice.Posts.Create(ctx, &amity.CreatePostParams{...})
package amity

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/amity-go/amity/internal/ratelimit"
	"github.com/hashicorp/go-retryablehttp"
)

// Version is the SDK's version, sent in the User-Agent.
const Version = "0.1.0"

// Region is an Amity data region. A network lives in one region for good.
type Region string

// The API's regions. The long names us-east-1, eu-central-1 and ap-southeast-1 are accepted
// as aliases by WithRegion.
const (
	RegionUS Region = "us"
	RegionEU Region = "eu"
	RegionSG Region = "sg"
)

var regionAliases = map[string]Region{
	"us": RegionUS, "us-east-1": RegionUS,
	"eu": RegionEU, "eu-central-1": RegionEU,
	"sg": RegionSG, "ap-southeast-1": RegionSG,
}

// BaseURL returns the region's API endpoint, e.g. https://apix.eu.amity.co, or an error for
// an unknown region.
func (r Region) BaseURL() (string, error) {
	canon, ok := regionAliases[strings.ToLower(strings.TrimSpace(string(r)))]
	if !ok {
		return "", fmt.Errorf("amity: unknown region %q (want us, eu or sg)", string(r))
	}
	return "https://apix." + string(canon) + ".amity.co", nil
}

// Option configures a Client in NewClient.
type Option func(*config)

type config struct {
	region     Region
	baseURL    string
	adminToken string
	apiKey     string
	serverKey  string
	httpClient *http.Client
	userAgent  string
	logger     *slog.Logger

	maxRetries   int
	retryWaitMin time.Duration
	retryWaitMax time.Duration

	rateCalls  int
	rateWindow time.Duration
	rateOff    bool

	now func() time.Time
}

// WithRegion sets the API region (RegionUS, RegionEU, RegionSG or their long names).
func WithRegion(r Region) Option { return func(c *config) { c.region = r } }

// WithBaseURL sets the API endpoint explicitly (a test server, a proxy); it wins over
// WithRegion. It must be an absolute http or https URL without query or fragment.
func WithBaseURL(u string) Option { return func(c *config) { c.baseURL = u } }

// WithAdminToken sets the admin token from the console (Settings → Admin Users), sent as
// "Authorization: Bearer". It never appears in errors, logs or formatted values.
func WithAdminToken(token string) Option { return func(c *config) { c.adminToken = token } }

// WithAPIKey sets the network's API key, sent as X-API-Key when registering sessions and on
// the operations whose spec security is ApiKeyAuth. Needed by Client.AsUser.
func WithAPIKey(key string) Option { return func(c *config) { c.apiKey = key } }

// WithServerKey sets the secure-mode server key (x-server-key). When set, Client.AsUser first
// gets an auth token for the user with it, as a network in secure mode requires.
func WithServerKey(key string) Option { return func(c *config) { c.serverKey = key } }

// WithHTTPClient sets the HTTP client whose transport carries the requests. The client is
// copied, not changed: the SDK wraps its transport with the limiter and refuses redirects to
// another host. Its Timeout, if any, bounds each attempt.
func WithHTTPClient(hc *http.Client) Option { return func(c *config) { c.httpClient = hc } }

// WithUserAgent sets the User-Agent; the SDK's own name and version are appended.
func WithUserAgent(ua string) Option { return func(c *config) { c.userAgent = ua } }

// WithLogger sets the logger for request tracing (method, path, status, attempt, duration at
// Debug; retries at Info). No header, query or body is logged. Default: no logging.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// WithMaxRetries sets how many times a failed attempt may be retried (default 4; 0 turns
// retries off). See the package documentation for what is retried.
func WithMaxRetries(n int) Option { return func(c *config) { c.maxRetries = n } }

// WithRetryWait sets the bounds of the exponential backoff between attempts (default 500ms
// and 30s). A Retry-After header from the server wins over both.
func WithRetryWait(min, max time.Duration) Option {
	return func(c *config) { c.retryWaitMin, c.retryWaitMax = min, max }
}

// WithRateLimit sets the client-side limit per identity (the admin token is one identity,
// each user acting through AsUser another): at most calls in any window, with a safety margin
// of window/25 added because the server counts arrivals, not sends. The default, 100 per 5s,
// is the API's limit; the sustained rate is 96% of it.
func WithRateLimit(calls int, window time.Duration) Option {
	return func(c *config) { c.rateCalls, c.rateWindow, c.rateOff = calls, window, false }
}

// WithoutRateLimit turns the client-side limiter off (the server still enforces its limit).
func WithoutRateLimit() Option { return func(c *config) { c.rateOff = true } }

// Client is an Amity API client. Its services share one transport; a Client is safe for
// concurrent use. Client.AsUser returns a view acting as a user over the same transport.
type Client struct {
	t    *transport
	auth authenticator

	// Users: users, flags on users, global bans, blocks.
	Users *UsersService
	// Sessions: session registration and revocation, secure-mode auth tokens.
	Sessions *SessionsService
	// Posts: posts, their review, flags and feeds.
	Posts *PostsService
	// Comments: comments on posts and content, and their flags.
	Comments *CommentsService
	// Reactions: reactions on posts, comments and messages.
	Reactions *ReactionsService
	// Communities: communities, members, roles, bans.
	Communities *CommunitiesService
	// CommunityCategories: the categories communities are filed under.
	CommunityCategories *CommunityCategoriesService
	// Channels: chat channels, members, roles, bans, mutes.
	Channels *ChannelsService
	// Messages: chat messages (v5 message feeds and v3) and their flags.
	Messages *MessagesService
	// Moderation: blocklists, allowlists, moderation settings.
	Moderation *ModerationService
	// Polls: polls and votes.
	Polls *PollsService
	// Files: uploads and downloads of files, images and videos.
	Files *FilesService
}

// transport is what every view of a Client shares.
type transport struct {
	base       *url.URL
	http       *retryablehttp.Client
	creds      *credentials
	userAgent  string
	logger     *slog.Logger
	limiter    *ratelimit.Limiter // nil when off
	now        func() time.Time
	sessionsMu sync.Mutex
	sessions   map[sessionKey]*userSession
}

// credentials are kept behind a pointer so that no formatting of a Client prints them.
type credentials struct {
	adminToken, apiKey, serverKey string
}

// NewClient returns a client configured by opts. It fails on an unknown region, a malformed
// base URL, bad retry or rate settings, or when neither an admin token nor an API key is set.
func NewClient(opts ...Option) (*Client, error) {
	cfg := config{
		maxRetries:   4,
		retryWaitMin: 500 * time.Millisecond,
		retryWaitMax: 30 * time.Second,
		rateCalls:    100,
		rateWindow:   5 * time.Second,
		now:          time.Now,
	}
	for _, o := range opts {
		o(&cfg)
	}
	base, err := cfg.endpoint()
	if err != nil {
		return nil, err
	}
	if cfg.adminToken == "" && cfg.apiKey == "" {
		return nil, errors.New("amity: no credential: set WithAdminToken or WithAPIKey")
	}
	if cfg.maxRetries < 0 || cfg.retryWaitMin < 0 || cfg.retryWaitMax < cfg.retryWaitMin {
		return nil, errors.New("amity: invalid retry settings")
	}
	t := &transport{
		base:      base,
		creds:     &credentials{adminToken: cfg.adminToken, apiKey: cfg.apiKey, serverKey: cfg.serverKey},
		userAgent: strings.TrimSpace(cfg.userAgent + " amity-go/" + Version),
		logger:    cfg.logger,
		now:       cfg.now,
		sessions:  make(map[sessionKey]*userSession),
	}
	if t.logger == nil {
		t.logger = slog.New(discardHandler{})
	}
	if !cfg.rateOff {
		if cfg.rateCalls < 1 || cfg.rateWindow <= 0 {
			return nil, errors.New("amity: invalid rate limit: need calls >= 1 and window > 0")
		}
		t.limiter = ratelimit.New(cfg.rateCalls, cfg.rateWindow+cfg.rateWindow/25, cfg.now)
	}
	t.http = &retryablehttp.Client{
		HTTPClient:   t.httpClient(cfg.httpClient),
		RetryWaitMin: cfg.retryWaitMin,
		RetryWaitMax: cfg.retryWaitMax,
		RetryMax:     cfg.maxRetries,
		CheckRetry:   checkRetry,
		Backoff:      backoff,
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
		Logger:       nil, // it would log URLs; the transport logs method and path itself
	}
	c := &Client{t: t}
	if cfg.adminToken != "" {
		c.auth = adminAuth{}
	} else {
		c.auth = noAuth{}
	}
	c.init()
	return c, nil
}

func (cfg *config) endpoint() (*url.URL, error) {
	raw := cfg.baseURL
	if raw == "" {
		if cfg.region == "" {
			return nil, errors.New("amity: no endpoint: set WithRegion or WithBaseURL")
		}
		var err error
		if raw, err = cfg.region.BaseURL(); err != nil {
			return nil, err
		}
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, fmt.Errorf("amity: malformed base URL %q: want http(s)://host[:port][/prefix]", raw)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// init (re)creates the services of a view.
func (c *Client) init() {
	c.Users = &UsersService{c: c}
	c.Sessions = &SessionsService{c: c}
	c.Posts = &PostsService{c: c}
	c.Comments = &CommentsService{c: c}
	c.Reactions = &ReactionsService{c: c}
	c.Communities = &CommunitiesService{c: c}
	c.CommunityCategories = &CommunityCategoriesService{c: c}
	c.Channels = &ChannelsService{c: c}
	c.Messages = &MessagesService{c: c}
	c.Moderation = &ModerationService{c: c}
	c.Polls = &PollsService{c: c}
	c.Files = &FilesService{c: c}
}

// String describes the client without credentials.
func (c *Client) String() string {
	return fmt.Sprintf("amity.Client{endpoint: %s, identity: %s}", c.t.base, c.auth.identity())
}

// GoString is String, so %#v shows no credential either.
func (c *Client) GoString() string { return c.String() }

// httpClient copies hc (or a default), wrapping its transport with the limiter and refusing
// redirects to another origin: Go strips only Authorization, and only for another hostname,
// while X-API-Key and x-server-key would travel on.
func (t *transport) httpClient(hc *http.Client) *http.Client {
	var out http.Client
	if hc != nil {
		out = *hc
	} else {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.ResponseHeaderTimeout = 2 * time.Minute // a server that never answers is an error, not a hang
		out.Transport = tr
	}
	base := out.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	out.Transport = &roundTripper{base: base, t: t}
	userCheck := out.CheckRedirect
	out.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if !sameOrigin(req.URL, via[0].URL) {
			return fmt.Errorf("%w: %s to %s", errRedirect, via[0].URL.Host, req.URL.Host)
		}
		if userCheck != nil {
			return userCheck(req, via)
		}
		if len(via) >= 10 {
			return errors.New("amity: stopped after 10 redirects")
		}
		return nil
	}
	return &out
}

var errRedirect = errors.New("amity: refused redirect to another host")

func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && portOf(a) == portOf(b)
}

func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "https") {
		return "443"
	}
	return "80"
}

// authKind says which credentials a request carries.
type authKind int

const (
	authBearer    authKind = iota // the view's token: admin token or the user's access token
	authAPIKey                    // X-API-Key, plus the view's token when it has one
	authKeyOnly                   // X-API-Key alone (session registration)
	authServerKey                 // x-server-key alone (secure-mode auth tokens)
)

// request is one API call, described before it is sent.
type request struct {
	op     string // SDK method, for logs
	method string
	path   string // escaped, from pathf
	query  url.Values
	body   any      // encoded as JSON when non-nil
	stream *payload // a streamed body (uploads) instead of body
	auth   authKind
	// accept overrides the Accept header (default application/json), e.g. for downloads.
	accept string
	// header holds the operation's own header parameters (never credentials).
	header http.Header
	// idempotent marks a write that is safe to repeat after it may have been applied. GET
	// and HEAD are always idempotent.
	idempotent bool
}

// payload is a streamed request body. open returns a fresh reader for each attempt; when the
// source cannot be rewound, open fails on the second call and the call is not retried.
type payload struct {
	contentType string
	open        func() (io.Reader, error)
}

type ctxKey int

const (
	identityKey ctxKey = iota
	policyKey
)

// policy travels in the request context to the round tripper and retry check.
type policy struct {
	identity   string
	idempotent bool
	attempt    atomic.Int32
	op         string
}

// do sends r and decodes a JSON answer into out (when non-nil).
func (c *Client) do(ctx context.Context, r *request, out any) error {
	resp, err := c.send(ctx, r)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if out == nil {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
		return nil
	}
	if s, ok := out.(*string); ok && !strings.Contains(resp.Header.Get("Content-Type"), "json") {
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return c.transportError(r, err)
		}
		*s = strings.TrimSpace(string(b))
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("amity: %s %s: decoding response: %w", r.method, r.path, err)
	}
	return nil
}

// send is the one request path: auth, limiter, retries, error decoding. It returns a 2xx
// response whose body the caller must close, or an error (an *Error for API answers).
func (c *Client) send(ctx context.Context, r *request) (*http.Response, error) {
	if ctx == nil {
		return nil, &ValidationError{Op: r.op, Field: "ctx", Reason: "must not be nil"}
	}
	resp, tok, err := c.attempt(ctx, r)
	if err == nil && resp.StatusCode == http.StatusUnauthorized && tok != "" && c.auth.renewable() {
		// The user's token was revoked or replaced (a new session on the same device): the
		// server refused the call unprocessed, so renewing once and resending is safe.
		resp.Body.Close()
		c.auth.invalidate(tok)
		resp, _, err = c.attempt(ctx, r)
	}
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 300 {
		return nil, decodeError(resp, r.method, r.path)
	}
	return resp, nil
}

func (c *Client) attempt(ctx context.Context, r *request) (*http.Response, string, error) {
	req, tok, err := c.newRequest(ctx, r)
	if err != nil {
		return nil, "", err
	}
	resp, err := c.t.http.Do(req)
	if err != nil {
		return nil, "", c.transportError(r, err)
	}
	return resp, tok, nil
}

// transportError names the call without its URL: url.Error would print the query.
func (c *Client) transportError(r *request, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("amity: %s %s: %w", r.method, r.path, err)
}

func (c *Client) newRequest(ctx context.Context, r *request) (*retryablehttp.Request, string, error) {
	u := *c.t.base
	u.RawPath = u.Path + r.path
	p, err := url.PathUnescape(u.RawPath)
	if err != nil {
		return nil, "", &ValidationError{Op: r.op, Field: "path", Reason: "is malformed"}
	}
	u.Path = p
	u.RawQuery = r.query.Encode()

	var body retryablehttp.ReaderFunc
	contentType := ""
	switch {
	case r.stream != nil:
		body, contentType = r.stream.open, r.stream.contentType
	case r.body != nil:
		b, err := json.Marshal(r.body)
		if err != nil {
			return nil, "", fmt.Errorf("amity: %s: encoding request: %w", r.op, err)
		}
		body = func() (io.Reader, error) { return bytes.NewReader(b), nil }
		contentType = "application/json"
	}
	pol := &policy{
		identity:   c.auth.identity(),
		idempotent: r.idempotent || r.method == http.MethodGet || r.method == http.MethodHead,
		op:         r.op,
	}
	ctx = context.WithValue(ctx, policyKey, pol)
	var rawBody any
	if body != nil {
		rawBody = body
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, r.method, u.String(), rawBody)
	if err != nil {
		return nil, "", fmt.Errorf("amity: %s: %w", r.op, err)
	}
	h := req.Header
	h.Set("User-Agent", c.t.userAgent)
	h.Set("Accept", "application/json")
	if r.accept != "" {
		h.Set("Accept", r.accept)
	}
	for k, vs := range r.header {
		h[http.CanonicalHeaderKey(k)] = vs
	}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	var tok string
	switch r.auth {
	case authBearer, authAPIKey:
		if tok, err = c.auth.token(ctx, c); err != nil {
			return nil, "", err
		}
		if tok != "" {
			h.Set("Authorization", "Bearer "+tok)
		}
		if r.auth == authAPIKey && c.t.creds.apiKey != "" {
			h.Set("X-API-Key", c.t.creds.apiKey)
		}
	case authKeyOnly:
		if c.t.creds.apiKey == "" {
			return nil, "", &ValidationError{Op: r.op, Field: "API key", Reason: "is not set (use WithAPIKey)"}
		}
		h.Set("X-API-Key", c.t.creds.apiKey)
	case authServerKey:
		if c.t.creds.serverKey == "" {
			return nil, "", &ValidationError{Op: r.op, Field: "server key", Reason: "is not set (use WithServerKey)"}
		}
		h.Set("X-Server-Key", c.t.creds.serverKey)
	}
	return req, tok, nil
}

// roundTripper waits for the limiter before every attempt, marks failures that provably
// happened before the request reached the server, and logs each attempt.
type roundTripper struct {
	base http.RoundTripper
	t    *transport
}

// errNotSent wraps a transport failure that happened before any byte of the request was
// written: the server cannot have seen it, so even a write may be sent again.
type errNotSent struct{ err error }

func (e *errNotSent) Error() string { return e.err.Error() }
func (e *errNotSent) Unwrap() error { return e.err }

func (rt *roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	pol, _ := ctx.Value(policyKey).(*policy)
	if pol == nil {
		pol = &policy{identity: "anonymous"}
	}
	attempt := pol.attempt.Add(1)
	if rt.t.limiter != nil {
		if err := rt.t.limiter.Wait(ctx, pol.identity); err != nil {
			return nil, err
		}
	}
	var asked, wrote atomic.Bool
	trace := &httptrace.ClientTrace{
		GetConn:      func(string) { asked.Store(true) },
		WroteHeaders: func() { wrote.Store(true) },
	}
	start := time.Now()
	resp, err := rt.base.RoundTrip(req.WithContext(httptrace.WithClientTrace(ctx, trace)))
	lg := rt.t.logger
	if err != nil {
		if (asked.Load() && !wrote.Load()) || isDialError(err) {
			err = &errNotSent{err}
		}
		lg.LogAttrs(ctx, slog.LevelDebug, "amity request failed", slog.String("op", pol.op), slog.String("method", req.Method),
			slog.String("path", req.URL.EscapedPath()), slog.Int("attempt", int(attempt)), slog.Duration("duration", time.Since(start)),
			slog.String("error", errorText(err)))
		return nil, err
	}
	lg.LogAttrs(ctx, slog.LevelDebug, "amity request", slog.String("op", pol.op), slog.String("method", req.Method),
		slog.String("path", req.URL.EscapedPath()), slog.Int("attempt", int(attempt)), slog.Int("status", resp.StatusCode),
		slog.Duration("duration", time.Since(start)))
	return resp, nil
}

// errorText strips the URL (and so the query) from a transport error for logging.
func errorText(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}

func isDialError(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}

// checkRetry decides whether to try again. Reads (GET/HEAD) are retried on connection
// failures, 429, 400311 and 5xx but 501. Writes are retried only when the server provably did
// not process them: the connection failed before the request was written, or the answer was
// 429 / 400311 (rejected unprocessed); a write marked idempotent is retried like a read.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	pol, _ := ctx.Value(policyKey).(*policy)
	idempotent := pol != nil && pol.idempotent
	if err != nil {
		if errors.Is(err, errRedirect) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return false, nil
		}
		var notSent *errNotSent
		if errors.As(err, &notSent) {
			return true, nil
		}
		var ue *url.Error
		if errors.As(err, &ue) && strings.Contains(ue.Err.Error(), "certificate") {
			return false, nil
		}
		return idempotent, nil
	}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return true, nil
	case resp.StatusCode >= 400 && peekRateLimited(resp):
		return true, nil
	case resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented:
		return idempotent, nil
	}
	return false, nil
}

// peekRateLimited reads the start of an error body to look for code 400311 and puts it back.
func peekRateLimited(resp *http.Response) bool {
	head, err := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(head), resp.Body), resp.Body}
	return err == nil && rateLimitCode(head)
}

// maxRetryAfter bounds how long a Retry-After header can make a call wait.
const maxRetryAfter = 10 * time.Minute

// backoff honours Retry-After (seconds or an HTTP date) and otherwise waits min·2^attempt,
// capped at max, with "equal jitter" (between half and all of it) so that goroutines that
// failed together do not retry together.
func backoff(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return d
		}
	}
	d := max
	if attempt < 30 && min<<attempt > 0 && min<<attempt < max {
		d = min << attempt
	}
	half := d / 2
	if half <= 0 {
		return d
	}
	return half + rand.N(half+1)
}

func retryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	var d time.Duration
	if secs, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	} else {
		return 0, false
	}
	return min(max(d, 0), maxRetryAfter), true
}

// discardHandler is a slog.Handler that drops everything (slog.DiscardHandler needs Go 1.24).
type discardHandler struct{}

func (discardHandler) Enabled(context.Context, slog.Level) bool  { return false }
func (discardHandler) Handle(context.Context, slog.Record) error { return nil }
func (d discardHandler) WithAttrs([]slog.Attr) slog.Handler      { return d }
func (d discardHandler) WithGroup(string) slog.Handler           { return d }

// pathf builds an escaped request path: each %s in format takes one ID, which must not be
// blank, "." or "..", and is escaped with url.PathEscape so that it stays one segment
// ("a/../b?x#y" becomes "a%2F..%2Fb%3Fx%23y").
func pathf(op, format string, ids ...idArg) (string, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		v := strings.TrimSpace(id.value)
		switch {
		case v == "":
			return "", &ValidationError{Op: op, Field: id.name, Reason: "must not be empty"}
		case id.value == "." || id.value == "..":
			return "", &ValidationError{Op: op, Field: id.name, Reason: "must not be a dot segment"}
		}
		args[i] = url.PathEscape(id.value)
	}
	return fmt.Sprintf(format, args...), nil
}

// idArg is a named ID for pathf; the name appears in validation errors.
type idArg struct{ name, value string }

func id(name, value string) idArg { return idArg{name, value} }
