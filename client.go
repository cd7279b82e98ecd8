package amity

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
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

	"github.com/hashicorp/go-retryablehttp"
)

// Version is the SDK's version, sent in the User-Agent. It is the top version of
// CHANGELOG.md: "X.Y.Z-dev" while that entry is "Unreleased (vX.Y.Z)", "X.Y.Z" once released
// (TestVersionMatchesChangelog).
const Version = "0.2.0-dev"

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
	limiter    Limiter

	maxResponse int64

	now func() time.Time
}

// WithRegion sets the API region (RegionUS, RegionEU, RegionSG or their long names).
func WithRegion(r Region) Option { return func(c *config) { c.region = r } }

// WithBaseURL sets the API endpoint explicitly (a test server, a proxy); it wins over
// WithRegion. It must be an absolute http or https URL without user info, query or fragment.
// Its path, if any, prefixes every operation's path exactly as written (escapes kept).
func WithBaseURL(u string) Option { return func(c *config) { c.baseURL = u } }

// WithAdminToken sets the admin token from the console (Settings → Admin Users), sent as
// "Authorization: Bearer". It never appears in errors, logs or formatted values. A token with
// white space or control characters (a trailing newline read from a file) is refused by
// NewClient.
func WithAdminToken(token string) Option { return func(c *config) { c.adminToken = token } }

// WithAPIKey sets the network's API key, sent as X-API-Key when registering sessions and on
// the operations whose spec security is ApiKeyAuth. Needed by Client.AsUser.
func WithAPIKey(key string) Option { return func(c *config) { c.apiKey = key } }

// WithServerKey sets the secure-mode server key (x-server-key). When set, Client.AsUser first
// gets an auth token for the user with it, as a network in secure mode requires.
func WithServerKey(key string) Option { return func(c *config) { c.serverKey = key } }

// WithHTTPClient sets the HTTP client whose transport carries the requests. The client is
// copied, not changed: the SDK wraps its transport with the limiter and refuses redirects to
// another host and every redirect of a write. Its Timeout, if any, bounds each attempt. An
// *http.Transport is cloned (settings kept, its own pool of connections), so that it never
// resends a request by itself: every send waits for the limiter and counts against the
// call's retries. Another http.RoundTripper is used as it is and must not resend requests.
func WithHTTPClient(hc *http.Client) Option { return func(c *config) { c.httpClient = hc } }

// WithUserAgent sets the User-Agent; the SDK's own name and version are appended.
func WithUserAgent(ua string) Option { return func(c *config) { c.userAgent = ua } }

// WithLogger sets the logger for request tracing: each attempt (operation, method, path,
// status, attempt, duration) at Debug, each retry at Info. No header, query or body is
// logged. Default: no logging.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// WithMaxRetries sets how many times a failed attempt may be retried (default 4; 0 turns
// retries off). WithCallRetries changes it for one call. See the package documentation for what
// is retried.
func WithMaxRetries(n int) Option { return func(c *config) { c.maxRetries = n } }

// WithRetryWait sets the bounds of the exponential backoff between attempts (default 500ms
// and 30s). A Retry-After header from the server wins over both; a Retry-After longer than
// max (or than the time left before the ctx deadline) is not waited for: the call fails at
// once with an *Error matching ErrRateLimited whose RetryAfter says how long to wait.
func WithRetryWait(min, max time.Duration) Option {
	return func(c *config) { c.retryWaitMin, c.retryWaitMax = min, max }
}

// WithRateLimit sets the client-side limit per identity (the admin token is one identity,
// each user acting through AsUser another): at most calls in any window, with a safety margin
// of window/25 added because the server counts arrivals, not sends. The default, 100 per 5s,
// is the API's limit; the sustained rate is 96% of it. It configures the in-process limiter;
// WithLimiter replaces that limiter altogether.
func WithRateLimit(calls int, window time.Duration) Option {
	return func(c *config) { c.rateCalls, c.rateWindow, c.rateOff = calls, window, false }
}

// WithoutRateLimit turns the client-side limiter off (the server still enforces its limit).
func WithoutRateLimit() Option { return func(c *config) { c.rateOff = true } }

// WithLimiter sets the limiter that paces every call, e.g. one shared by several processes
// (package redislimit). The default is NewWindowLimiter(100, 5*time.Second), or the limit set
// by WithRateLimit.
func WithLimiter(l Limiter) Option { return func(c *config) { c.limiter, c.rateOff = l, false } }

// WithMaxResponseSize bounds the size of a 2xx JSON answer (default 32 MiB); a larger one
// fails with an *Error matching ErrMalformedResponse instead of being read into memory.
// Downloads are streamed and not bounded by it.
func WithMaxResponseSize(n int64) Option { return func(c *config) { c.maxResponse = n } }

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

	// Stories: stories, their targets, flags and deletion.
	Stories *StoriesService
	// Feeds: user, community, content, following and global feeds.
	Feeds *FeedsService
	// Follows: the follow graph, follow requests and follow counts.
	Follows *FollowsService
	// Analytics: views and link clicks on posts and stories, and their viewers.
	Analytics *AnalyticsService
	// Streams: live video streams and their watch events.
	Streams *StreamsService
	// PinnedPosts: community pins and globally featured posts.
	PinnedPosts *PinnedPostsService
	// Search: semantic search of posts and communities.
	Search *SearchService
	// Ads: the network's ads and ad settings.
	Ads *AdsService
	// NetworkSettings: feature switches and the chat, social, user, feed, video-streaming,
	// semantic-search, webhook and pre-hook settings.
	NetworkSettings *NetworkSettingsService
	// Roles: roles and the permissions they grant (v2 calls on Roles.V2).
	Roles *RolesService
	// Notifications: push notification settings and device registration.
	Notifications *NotificationsService
	// Presence: heartbeats and who is online.
	Presence *PresenceService
	// Markers: read markers and unread counts of chat.
	Markers *MarkersService
}

// transport is what every view of a Client shares.
type transport struct {
	base         *url.URL
	basePath     string // the base URL's escaped path, without a trailing slash
	http         *retryablehttp.Client
	creds        *credentials
	userAgent    string
	logger       *slog.Logger
	limiter      Limiter // nil when off
	maxRetries   int
	retryWaitMax time.Duration
	maxResponse  int64
	deviceID     string // the default device ID of this client's user sessions
	adminKey     string // the limiter keys of the admin and of the API key alone
	apiKeyKey    string
	now          func() time.Time
	sessionsMu   sync.Mutex
	sessions     map[sessionKey]*userSession

	closed    atomic.Bool
	janitorOn atomic.Bool
	janitorMu sync.Mutex
	janitor   *time.Timer // runs sweep while idle windows or sessions may be left
}

// janitorEvery is how often the janitor drops idle limiter windows and sessions while the
// client holds any.
const janitorEvery = time.Minute

// wakeJanitor starts the janitor unless it runs: it is called when a call is made and when a
// session is created. Between its runs no goroutine waits.
func (t *transport) wakeJanitor() {
	if t.janitorOn.Load() || t.closed.Load() {
		return
	}
	t.janitorMu.Lock()
	defer t.janitorMu.Unlock()
	if t.janitor == nil && !t.closed.Load() {
		t.janitorOn.Store(true)
		t.janitor = time.AfterFunc(janitorEvery, t.sweep)
	}
}

// sweep drops the limiter windows that are idle (no reservation left in their span) and the
// sessions unused for sessionIdle; it runs again while any is left.
func (t *transport) sweep() {
	now := t.now()
	left := t.dropIdleSessions(now)
	if wl, ok := t.limiter.(*windowLimiter); ok {
		left += wl.l.Sweep(now)
	}
	t.janitorMu.Lock()
	defer t.janitorMu.Unlock()
	if t.janitor == nil {
		return // Close stopped it
	}
	if left > 0 {
		t.janitor.Reset(janitorEvery)
		return
	}
	t.janitor = nil
	t.janitorOn.Store(false)
}

// ErrClientClosed is the error of a call made after Client.Close.
var ErrClientClosed = errors.New("amity: the client is closed")

// Close ends what the client owns: it closes its idle connections, drops its rate-limit
// windows (the default limiter's; one set with WithLimiter is the caller's) and its users'
// sessions, and stops its janitor. Calls in flight finish, and their connections are closed
// as they do; calls made after Close fail with ErrClientClosed. Views from AsUser share the
// client's transport: closing any of them closes them all. Close may be called more than
// once; it always returns nil.
func (c *Client) Close() error {
	t := c.t
	if !t.closed.CompareAndSwap(false, true) {
		return nil
	}
	t.janitorMu.Lock()
	if t.janitor != nil {
		t.janitor.Stop()
		t.janitor = nil
	}
	t.janitorMu.Unlock()
	t.sessionsMu.Lock()
	t.sessions = make(map[sessionKey]*userSession)
	t.sessionsMu.Unlock()
	if wl, ok := t.limiter.(*windowLimiter); ok {
		wl.l.Reset()
	}
	t.http.HTTPClient.CloseIdleConnections()
	return nil
}

// credentials are kept behind a pointer so that no formatting of a Client prints them.
type credentials struct {
	adminToken, apiKey, serverKey string
}

// defaultMaxResponse is WithMaxResponseSize's default.
const defaultMaxResponse = 32 << 20

// NewClient returns a client configured by opts. It fails on an unknown region, a malformed
// base URL, a credential holding white space, bad retry or rate settings, or when neither an
// admin token nor an API key is set.
func NewClient(opts ...Option) (*Client, error) {
	cfg := config{
		maxRetries:   4,
		retryWaitMin: 500 * time.Millisecond,
		retryWaitMax: 30 * time.Second,
		rateCalls:    100,
		rateWindow:   5 * time.Second,
		maxResponse:  defaultMaxResponse,
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
	for _, cred := range []struct{ name, v string }{{"WithAdminToken", cfg.adminToken}, {"WithAPIKey", cfg.apiKey}, {"WithServerKey", cfg.serverKey}} {
		if strings.ContainsFunc(cred.v, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
			return nil, fmt.Errorf("amity: %s: the credential holds white space or control characters (a trailing newline read from a file?)", cred.name)
		}
	}
	if cfg.maxRetries < 0 || cfg.retryWaitMin < 0 || cfg.retryWaitMax < cfg.retryWaitMin {
		return nil, errors.New("amity: invalid retry settings")
	}
	if cfg.maxResponse <= 0 {
		return nil, errors.New("amity: invalid maximum response size")
	}
	t := &transport{
		base:         base,
		basePath:     strings.TrimRight(base.EscapedPath(), "/"),
		creds:        &credentials{adminToken: cfg.adminToken, apiKey: cfg.apiKey, serverKey: cfg.serverKey},
		userAgent:    strings.TrimSpace(cfg.userAgent + " amity-go/" + Version),
		logger:       cfg.logger,
		maxRetries:   cfg.maxRetries,
		retryWaitMax: cfg.retryWaitMax,
		maxResponse:  cfg.maxResponse,
		deviceID:     newDeviceID(),
		now:          cfg.now,
		sessions:     make(map[sessionKey]*userSession),
	}
	t.adminKey, t.apiKeyKey = t.limiterKey(adminIdentity), t.limiterKey(noAuth{}.identity())
	if t.logger == nil {
		t.logger = slog.New(discardHandler{})
	}
	switch {
	case cfg.rateOff:
	case cfg.limiter != nil:
		t.limiter = cfg.limiter
	default:
		if cfg.rateCalls < 1 || cfg.rateWindow <= 0 {
			return nil, errors.New("amity: invalid rate limit: need calls >= 1 and window > 0")
		}
		t.limiter = newWindowLimiter(cfg.rateCalls, cfg.rateWindow, cfg.now)
	}
	t.http = &retryablehttp.Client{
		HTTPClient:   t.httpClient(cfg.httpClient),
		RetryWaitMin: cfg.retryWaitMin,
		RetryWaitMax: cfg.retryWaitMax,
		RetryMax:     math.MaxInt32, // checkRetry enforces each call's own limit
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
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil || u.Opaque != "" {
		shown := ""
		if err == nil && u.User == nil && u.Host != "" {
			shown = fmt.Sprintf(" %q", u.Scheme+"://"+u.Host+u.EscapedPath())
		}
		return nil, fmt.Errorf("amity: malformed base URL%s: want http(s)://host[:port][/prefix], without user info, query or fragment", shown)
	}
	return u, nil
}

// init (re)creates the services of a view. Older API versions hang off their service as
// V1..V4, wired here and nowhere else.
func (c *Client) init() {
	c.Users = &UsersService{c: c}
	c.Sessions = &SessionsService{c: c, V3: &SessionsV3Service{c: c}}
	c.Posts = &PostsService{c: c, V3: &PostsV3Service{c: c}}
	c.Comments = &CommentsService{c: c, V3: &CommentsV3Service{c: c}}
	c.Reactions = &ReactionsService{c: c, V2: &ReactionsV2Service{c: c}}
	c.Communities = &CommunitiesService{c: c, V3: &CommunitiesV3Service{c: c}}
	c.CommunityCategories = &CommunityCategoriesService{c: c}
	c.Channels = &ChannelsService{c: c, V3: &ChannelsV3Service{c: c}}
	c.Messages = &MessagesService{c: c, V3: &MessagesV3Service{c: c}}
	c.Moderation = &ModerationService{c: c, V1: &ModerationV1Service{c: c}, V2: &ModerationV2Service{c: c}}
	c.Polls = &PollsService{c: c}
	c.Files = &FilesService{c: c, V3: &FilesV3Service{c: c}}
	c.Stories = &StoriesService{c: c}
	c.Feeds = &FeedsService{c: c, V3: &FeedsV3Service{c: c}, V4: &FeedsV4Service{c: c}}
	c.Follows = &FollowsService{c: c, V4: &FollowsV4Service{c: c}}
	c.Analytics = &AnalyticsService{c: c}
	c.Streams = &StreamsService{c: c}
	c.PinnedPosts = &PinnedPostsService{c: c}
	c.Search = &SearchService{c: c}
	c.Ads = &AdsService{c: c}
	c.NetworkSettings = &NetworkSettingsService{c: c}
	c.Roles = &RolesService{c: c, V2: &RolesV2Service{c: c}}
	c.Notifications = &NotificationsService{c: c}
	c.Presence = &PresenceService{c: c}
	c.Markers = &MarkersService{c: c}
}

// String describes the client without credentials.
func (c *Client) String() string {
	if c == nil || c.t == nil {
		return "amity.Client{}"
	}
	return fmt.Sprintf("amity.Client{endpoint: %s, identity: %s}", c.t.base.Redacted(), c.auth.identity())
}

// GoString is String, so %#v shows no credential either.
func (c *Client) GoString() string { return c.String() }

// Format writes String whatever the verb, so no fmt verb (%t, %d, %x of a Client or a
// pointer to one) walks into its fields.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// LogValue logs the client as String does.
func (c *Client) LogValue() slog.Value { return slog.StringValue(c.String()) }

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
		// One API host under concurrency: keep as many idle connections as a bulk job runs
		// goroutines, so a warm pool never pays a new TLS handshake (Go's default keeps 2).
		tr.MaxIdleConns = 256
		tr.MaxIdleConnsPerHost = 256
		tr.ForceAttemptHTTP2 = true
		out.Transport = tr
	}
	base := out.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	if tr, ok := base.(*http.Transport); ok {
		tr = tr.Clone()
		refuseResends(tr)
		base = tr
	}
	out.Transport = &roundTripper{base: base, t: t}
	userCheck := out.CheckRedirect
	out.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if m := via[0].Method; m != http.MethodGet && m != http.MethodHead {
			return http.ErrUseLastResponse // a write is never turned into a read, nor sent again
		}
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

// errResend is an attempt that net/http would have sent again by itself: the server closed a
// kept-alive connection before answering (or before the request was written). The SDK's retry
// loop decides instead, after a limiter turn, within the call's retries.
var errResend = errors.New("the server closed a kept-alive connection before answering")

// refuseResends stops tr from sending a request a second time by itself. net/http resends a
// read (and a request it had not yet written) when the server closes a reused connection
// without answering; that resend bypassed the limiter and WithCallRetries(0), so the server saw
// more calls than the limiter admitted. Transport.Proxy is asked before every send of the
// transport's own loop, and an error from it ends the loop: the second ask of one attempt
// refuses. The attempt then fails with errResend and checkRetry treats it as any other
// connection failure (a read, or a request provably not written, is retried through the limiter).
func refuseResends(tr *http.Transport) {
	proxy := tr.Proxy
	tr.Proxy = func(req *http.Request) (*url.URL, error) {
		if pol, _ := req.Context().Value(policyKey).(*policy); pol != nil && pol.sends.Add(1) > 1 {
			return nil, errResend
		}
		if proxy == nil {
			return nil, nil
		}
		return proxy(req)
	}
}

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
	// streamAnswer leaves a 2xx body unread for the caller (downloads); every other answer
	// is read whole, bounded, inside the retry loop.
	streamAnswer bool
	// optionalAnswer marks an operation whose spec declares no answer body: an empty one is
	// not an error.
	optionalAnswer bool
	// opts are the caller's per-call options.
	opts []CallOption
	// carried are the secrets the call sent (its bearer tokens, a secure-mode auth token in
	// its body): an error body that echoes one is redacted.
	carried []Secret
}

func (r *request) isRead() bool { return r.method == http.MethodGet || r.method == http.MethodHead }

// preserveEditedAt is the preserve-edited-at header of the post and comment update calls,
// when set.
func preserveEditedAt(v *bool) http.Header {
	if v == nil {
		return nil
	}
	return http.Header{"Preserve-Edited-At": {strconv.FormatBool(*v)}}
}

// payload is a streamed request body. open returns a fresh reader for each attempt; when the
// source cannot be rewound, open fails on the second call and the call is not retried.
type payload struct {
	contentType string
	open        func() (io.Reader, error)
}

type ctxKey int

const policyKey ctxKey = iota

// policy travels in the request context to the round tripper and retry check. It carries
// the httptrace hooks that tell whether an attempt's request was written (reset by each
// attempt: attempts of a call never overlap).
type policy struct {
	identity     string // the limiter key
	idempotent   bool
	attempt      atomic.Int32
	maxRetries   int
	retryWaitMax time.Duration
	op           string
	streamAnswer bool
	limited      *http.Response // the last rate-limited answer (its body buffered)

	asked, wrote atomic.Bool
	sends        atomic.Int32 // the transport's sends of this attempt (refuseResends)
	trace        httptrace.ClientTrace
}

func (p *policy) gotConn(string) { p.asked.Store(true) }
func (p *policy) wroteHeaders()  { p.wrote.Store(true) }
func (p *policy) resetTrace()    { p.asked.Store(false); p.wrote.Store(false); p.sends.Store(0) }
func (p *policy) notSent() bool  { return p.asked.Load() && !p.wrote.Load() }

// do sends r and decodes the answer into out (nil: the answer is only checked; a *string:
// a text answer). It is the path of every call but downloads.
func (c *Client) do(ctx context.Context, r *request, out any) error {
	resp, cancel, err := c.send(ctx, r)
	if err != nil {
		return err
	}
	defer cancel()
	defer resp.Body.Close()
	return c.decodeAnswer(r, resp, out)
}

// send is the one request path: call options, auth, limiter, retries, error decoding. It
// returns a 2xx response whose body the caller must close and then call cancel (which ends
// a per-call timeout), or an error (an *Error for API answers). The body is already read
// into memory unless r.streamAnswer is set.
func (c *Client) send(ctx context.Context, r *request) (*http.Response, context.CancelFunc, error) {
	if ctx == nil {
		return nil, nil, &ValidationError{Op: r.op, Field: "ctx", Reason: "must not be nil"}
	}
	var co callConfig
	for _, o := range r.opts {
		if o != nil {
			o(&co)
		}
	}
	if co.err != nil {
		return nil, nil, &ValidationError{Op: r.op, Field: "CallOption", Reason: co.err.Error()}
	}
	if c.t.closed.Load() {
		return nil, nil, fmt.Errorf("amity: %s: %w", r.op, ErrClientClosed)
	}
	c.t.wakeJanitor()
	cancel := context.CancelFunc(func() {})
	if co.timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, co.timeout)
	}
	resp, tok, err := c.attempt(ctx, r, &co)
	if err == nil && resp.StatusCode == http.StatusUnauthorized && tok != "" && c.auth.renewable() {
		// The user's token was revoked or replaced (a new session on the same device): the
		// server refused the call unprocessed, so renewing once and resending is safe.
		resp.Body.Close()
		c.auth.invalidate(tok)
		resp, _, err = c.attempt(ctx, r, &co)
	}
	if err != nil {
		cancel()
		return nil, nil, err
	}
	if co.response != nil {
		*co.response = resp
	}
	if resp.StatusCode >= 300 {
		cancel()
		return nil, nil, c.decodeError(resp, r)
	}
	return resp, cancel, nil
}

func (c *Client) attempt(ctx context.Context, r *request, co *callConfig) (*http.Response, Secret, error) {
	req, tok, err := c.newRequest(ctx, r, co)
	if err != nil {
		return nil, "", err
	}
	if tok != "" {
		r.carried = append(r.carried, tok)
	}
	resp, err := c.t.http.Do(req)
	if err != nil {
		var noTurn *errNoTurn
		if errors.As(err, &noTurn) {
			pol, _ := req.Context().Value(policyKey).(*policy)
			return nil, "", c.noTurnError(r, pol, noTurn)
		}
		return nil, "", c.transportError(r, err)
	}
	return resp, tok, nil
}

// noTurnError is the error of a call whose limiter turn would come after its deadline: the
// API's rate-limited answer that led to the wait when there was one, else an *Error of the
// client's own limit (StatusCode 0); either matches ErrRateLimited, with RetryAfter at least
// the wait.
func (c *Client) noTurnError(r *request, pol *policy, noTurn *errNoTurn) *Error {
	var e *Error
	if pol != nil && pol.limited != nil {
		e = c.decodeError(pol.limited, r)
	} else {
		e = &Error{Op: r.op, Method: r.method, Path: r.path, Message: "the client's rate limit gives this call no turn before its deadline"}
		e.limited = true
	}
	var lw *LimitWaitError
	if errors.As(noTurn.err, &lw) && lw.Wait > e.RetryAfter {
		e.RetryAfter = lw.Wait
	}
	return e
}

// transportError names the call without its URL: url.Error would print the query.
func (c *Client) transportError(r *request, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var tooLarge *errTooLarge
	if errors.As(err, &tooLarge) {
		e := malformed(r, &http.Response{StatusCode: tooLarge.status}, tooLarge.Error())
		return e
	}
	var cut *errCutShort
	if errors.As(err, &cut) && cut.status < 300 && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return malformed(r, &http.Response{StatusCode: cut.status}, "the answer was cut short: "+errorText(cut.err))
	}
	return fmt.Errorf("amity: %s: %s %s: %w", r.op, r.method, r.path, err)
}

func (c *Client) newRequest(ctx context.Context, r *request, co *callConfig) (*retryablehttp.Request, Secret, error) {
	u := *c.t.base
	// The base path is kept as written (escapes included) and the operation path is already
	// escaped: joining the escaped forms keeps "a%2F..%2Fb" one segment under any base.
	u.RawPath = c.t.basePath + r.path
	p, err := url.PathUnescape(u.RawPath)
	if err != nil {
		return nil, "", &ValidationError{Op: r.op, Field: "path", Reason: "is malformed"}
	}
	u.Path = p
	if len(r.query) > 0 {
		u.RawQuery = r.query.Encode()
	}

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
		identity:     c.auth.limitKey(c.t),
		idempotent:   r.idempotent || r.isRead(),
		maxRetries:   c.t.maxRetries,
		retryWaitMax: c.t.retryWaitMax,
		op:           r.op,
		streamAnswer: r.streamAnswer,
	}
	if co.retries != nil {
		pol.maxRetries = *co.retries
	}
	pol.trace = httptrace.ClientTrace{GetConn: pol.gotConn, WroteHeaders: pol.wroteHeaders}
	ctx = httptrace.WithClientTrace(context.WithValue(ctx, policyKey, pol), &pol.trace)
	hreq := &http.Request{Method: r.method, URL: &u, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: make(http.Header, 8), Host: u.Host}
	req := &retryablehttp.Request{Request: hreq.WithContext(ctx)}
	if body != nil {
		if err := req.SetBody(body); err != nil {
			return nil, "", c.transportError(r, err) // ErrNotReplayable: a second send of a one-shot upload
		}
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
	for k, vs := range co.header {
		h[k] = vs
	}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	var tok Secret
	switch r.auth {
	case authBearer, authAPIKey:
		if tok, err = c.auth.token(ctx, c); err != nil {
			return nil, "", err
		}
		if tok != "" {
			h.Set("Authorization", "Bearer "+string(tok))
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

// CallOption changes one call: pass any number of them last to any method.
type CallOption func(*callConfig)

type callConfig struct {
	header   http.Header
	response **http.Response
	retries  *int
	timeout  time.Duration
	err      error
}

// reservedHeaders are set by the SDK and cannot be set with WithCallHeader.
var reservedHeaders = map[string]bool{
	"Authorization": true, "X-Api-Key": true, "X-Server-Key": true, "Cookie": true,
	"Content-Type": true, "Content-Length": true, "Host": true, "Transfer-Encoding": true,
}

// WithCallHeader adds a header to the request of one call, e.g. a tracing header. Credential
// and framing headers (Authorization, X-API-Key, X-Server-Key, Cookie, Content-Type,
// Content-Length, Host, Transfer-Encoding) are the SDK's: setting one fails the call before
// anything is sent.
func WithCallHeader(key, value string) CallOption {
	return func(c *callConfig) {
		k := http.CanonicalHeaderKey(strings.TrimSpace(key))
		switch {
		case k == "" || strings.ContainsAny(k, " :\r\n") || strings.ContainsAny(value, "\r\n"):
			c.err = fmt.Errorf("header %q is malformed", key)
		case reservedHeaders[k]:
			c.err = fmt.Errorf("header %s is set by the SDK", k)
		default:
			if c.header == nil {
				c.header = http.Header{}
			}
			c.header.Add(k, value)
		}
	}
}

// WithCallResponse stores the call's final *http.Response in *dst (status, headers; its
// body has been read and closed), also when the call fails with an API error. It is left
// unset when no answer came (a transport error, a call refused before sending).
func WithCallResponse(dst **http.Response) CallOption {
	return func(c *callConfig) {
		if dst == nil {
			c.err = errors.New("WithCallResponse needs a non-nil pointer")
			return
		}
		c.response = dst
	}
}

// WithCallRetries sets how many times this call may be retried (0 turns retries off), in place
// of the client's WithMaxRetries. What is retried does not change: a write the server may
// have applied is never sent again.
func WithCallRetries(n int) CallOption {
	return func(c *callConfig) {
		if n < 0 {
			c.err = errors.New("WithCallRetries needs n >= 0")
			return
		}
		c.retries = &n
	}
}

// WithCallTimeout bounds the whole call (every attempt, backoff and limiter wait, and reading
// the answer) by d, on top of ctx's own deadline.
func WithCallTimeout(d time.Duration) CallOption {
	return func(c *callConfig) {
		if d <= 0 {
			c.err = errors.New("WithCallTimeout needs d > 0")
			return
		}
		c.timeout = d
	}
}

// roundTripper waits for the limiter before every attempt, marks failures that provably
// happened before the request reached the server, reads answers whole (bounded) so that a
// body cut short is a failed attempt, feeds rate-limited answers back to the limiter, and
// logs each attempt.
type roundTripper struct {
	base http.RoundTripper
	t    *transport
}

// errNotSent wraps a transport failure that happened before any byte of the request was
// written: the server cannot have seen it, so even a write may be sent again.
type errNotSent struct{ err error }

func (e *errNotSent) Error() string { return e.err.Error() }
func (e *errNotSent) Unwrap() error { return e.err }

// errNoTurn is a limiter's refusal to wait past the call's deadline (a *LimitWaitError from
// the default limiter). It is final; the call fails with an *Error matching ErrRateLimited.
type errNoTurn struct{ err error }

func (e *errNoTurn) Error() string { return e.err.Error() }
func (e *errNoTurn) Unwrap() error { return e.err }

// errTooLarge is an answer larger than the transport reads; it is never retried.
type errTooLarge struct {
	status int
	limit  int64
}

func (e *errTooLarge) Error() string {
	return fmt.Sprintf("the answer is larger than %d bytes (see WithMaxResponseSize)", e.limit)
}

// errCutShort is an answer whose body could not be read whole. A read may retry it; a
// 2xx one that ends a call is ErrMalformedResponse (after a write, the write may be applied).
type errCutShort struct {
	status int
	err    error
}

func (e *errCutShort) Error() string { return "reading the answer: " + e.err.Error() }
func (e *errCutShort) Unwrap() error { return e.err }

// cancelOnClose ends a call's per-call timeout when its streamed body is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

// bufferedBody is an answer read whole; decodeAnswer takes its bytes without a copy.
type bufferedBody struct {
	bytes.Reader
	b []byte
}

func (*bufferedBody) Close() error { return nil }

// bodyBytes returns a buffered answer's bytes (reading an unbuffered one, bounded).
func bodyBytes(resp *http.Response) []byte {
	if bb, ok := resp.Body.(*bufferedBody); ok {
		return bb.b
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	return b
}

func (rt *roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	pol, _ := ctx.Value(policyKey).(*policy)
	if pol == nil {
		pol = &policy{identity: "anonymous"}
	}
	attempt := pol.attempt.Add(1)
	lg := rt.t.logger
	if attempt > 1 {
		lg.LogAttrs(ctx, slog.LevelInfo, "amity retry", slog.String("op", pol.op), slog.String("method", req.Method),
			slog.String("path", req.URL.EscapedPath()), slog.Int("attempt", int(attempt)))
	}
	if rt.t.limiter != nil {
		if err := rt.t.limiter.Wait(ctx, pol.identity); err != nil {
			if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
				return nil, &errNoTurn{err} // the turn comes after the deadline: ErrRateLimited now
			}
			return nil, err
		}
	}
	pol.resetTrace()
	start := time.Now()
	resp, err := rt.base.RoundTrip(req)
	if err == nil && !(pol.streamAnswer && resp.StatusCode < 300) {
		err = rt.readBody(resp)
	}
	if err != nil {
		if pol.notSent() || isDialError(err) {
			err = &errNotSent{err}
		}
		lg.LogAttrs(ctx, slog.LevelDebug, "amity request failed", slog.String("op", pol.op), slog.String("method", req.Method),
			slog.String("path", req.URL.EscapedPath()), slog.Int("attempt", int(attempt)), slog.Duration("duration", time.Since(start)),
			slog.String("error", errorText(err)))
		return nil, err
	}
	if rt.t.limiter != nil && isRateLimited(resp) {
		pol.limited = resp // its error, should the limiter give the retry no turn in time
		switch d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); {
		case !ok:
			rt.t.limiter.Pause(ctx, pol.identity, 0) // no Retry-After: a whole window
		case d > 0:
			rt.t.limiter.Pause(ctx, pol.identity, d)
		} // an explicit Retry-After: 0 means again now
	}
	lg.LogAttrs(ctx, slog.LevelDebug, "amity request", slog.String("op", pol.op), slog.String("method", req.Method),
		slog.String("path", req.URL.EscapedPath()), slog.Int("attempt", int(attempt)), slog.Int("status", resp.StatusCode),
		slog.Duration("duration", time.Since(start)))
	if rt.t.closed.Load() && !pol.streamAnswer {
		rt.CloseIdleConnections() // a call in flight at Close: its connection is not kept
	}
	return resp, nil
}

// CloseIdleConnections closes the idle connections of the wrapped transport, for
// http.Client.CloseIdleConnections.
func (rt *roundTripper) CloseIdleConnections() {
	if ci, ok := rt.base.(interface{ CloseIdleConnections() }); ok {
		ci.CloseIdleConnections()
	}
}

// readBody replaces resp.Body with its content, read whole: at most maxResponse bytes of a
// 2xx answer, maxErrorBody of any other. A read that fails (a body cut short) is the
// attempt's error.
func (rt *roundTripper) readBody(resp *http.Response) error {
	limit := rt.t.maxResponse
	if resp.StatusCode >= 300 {
		limit = maxErrorBody
	}
	size := int64(512)
	if n := resp.ContentLength; n > 0 {
		size = min(n, limit) + 1 // one more byte, so that reading to EOF does not grow it
	}
	b, err := readAll(resp.Body, make([]byte, 0, size), limit+1)
	if err == nil && resp.ContentLength > 0 && int64(len(b)) < resp.ContentLength && int64(len(b)) <= limit {
		err = io.ErrUnexpectedEOF // the connection ended before Content-Length bytes
	}
	if err == nil && int64(len(b)) > limit {
		if resp.StatusCode < 300 {
			resp.Body.Close()
			return &errTooLarge{status: resp.StatusCode, limit: limit}
		}
		b = b[:limit] // an error body: its start is enough
	}
	resp.Body.Close()
	if err != nil {
		return &errCutShort{status: resp.StatusCode, err: err}
	}
	bb := &bufferedBody{b: b}
	bb.Reset(b)
	resp.Body = bb
	return nil
}

// readAll is io.ReadAll into buf, reading at most limit bytes.
func readAll(r io.Reader, buf []byte, limit int64) ([]byte, error) {
	for int64(len(buf)) < limit {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		room := buf[len(buf):min(int64(cap(buf)), limit)]
		n, err := r.Read(room)
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
	return buf, nil
}

// isRateLimited reports whether an answer refuses a call as rate limited.
func isRateLimited(resp *http.Response) bool {
	return resp.StatusCode == http.StatusTooManyRequests || (resp.StatusCode >= 400 && rateLimitCode(bodyBytes(resp)))
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

// isFinal reports transport errors that no retry can cure: a refused redirect, a
// certificate the client does not trust, an answer too large to read.
func isFinal(err error) bool {
	var (
		unknownAuthority x509.UnknownAuthorityError
		hostname         x509.HostnameError
		invalid          x509.CertificateInvalidError
		verify           *tls.CertificateVerificationError
		tooLarge         *errTooLarge
		noTurn           *errNoTurn
	)
	return errors.Is(err, errRedirect) || errors.As(err, &unknownAuthority) || errors.As(err, &hostname) ||
		errors.As(err, &invalid) || errors.As(err, &verify) || errors.As(err, &tooLarge) || errors.As(err, &noTurn)
}

// checkRetry decides whether to try again. Reads (GET/HEAD) are retried on connection
// failures, a body cut short, 429, 400311 and 5xx but 501. Writes are retried only when the
// server provably did not process them: the connection failed before the request was
// written, or the answer was 429 / 400311 (rejected unprocessed); a write marked idempotent
// is retried like a read. A certificate error is final. No call is retried past its retry
// limit, and a rate-limited call whose Retry-After passes the deadline or the longest retry
// wait is not retried at all (its error carries the Retry-After).
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	pol, _ := ctx.Value(policyKey).(*policy)
	if pol == nil {
		pol = &policy{}
	}
	if int(pol.attempt.Load()) > pol.maxRetries {
		return false, nil
	}
	if err != nil {
		if isFinal(err) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return false, nil
		}
		var notSent *errNotSent
		if errors.As(err, &notSent) {
			return true, nil
		}
		return pol.idempotent, nil
	}
	switch {
	case isRateLimited(resp):
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			if d > pol.retryWaitMax {
				return false, nil
			}
			if dl, ok := ctx.Deadline(); ok && time.Now().Add(d).After(dl) {
				return false, nil
			}
		}
		return true, nil
	case resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented:
		return pol.idempotent, nil
	}
	return false, nil
}

// backoff honours Retry-After (seconds or an HTTP date; checkRetry has already refused one
// longer than max) and otherwise waits min·2^attempt, capped at max, with "equal jitter"
// (between half and all of it) so that goroutines that failed together do not retry
// together.
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

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	var d time.Duration
	if secs, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
		if secs > 1<<31 {
			secs = 1 << 31
		}
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	} else {
		return 0, false
	}
	return max(d, 0), true
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
	var b strings.Builder
	b.Grow(len(format) + 32)
	for _, id := range ids {
		v := strings.TrimSpace(id.value)
		switch {
		case v == "":
			return "", &ValidationError{Op: op, Field: id.name, Reason: "must not be empty"}
		case id.value == "." || id.value == "..":
			return "", &ValidationError{Op: op, Field: id.name, Reason: "must not be a dot segment"}
		}
		at := strings.Index(format, "%s")
		if at < 0 {
			panic("amity: pathf: more IDs than %s in " + format)
		}
		b.WriteString(format[:at])
		b.WriteString(url.PathEscape(id.value))
		format = format[at+2:]
	}
	b.WriteString(format)
	return b.String(), nil
}

// idPath checks the ID of one entity and builds a path holding it from a format with one %s:
// the path builders of the areas (postPath, storyPath, messagesID, ...).
type idPath func(op, format, id string) (string, error)

// setPath puts entityID, checked and escaped by pathOf, in r.path, a format with one %s: the
// one step from a request description to its path for the calls on one entity.
func (r *request) setPath(pathOf idPath, entityID string) error {
	path, err := pathOf(r.op, r.path, entityID)
	if err != nil {
		return err
	}
	r.path = path
	return nil
}

// checkedPath returns the idPath of an entity whose ID, named name in errors, passes check
// (maxLen, objectID, ...) and then pathf's checks.
func checkedPath(name string, check func(op, field, v string) error) idPath {
	return func(op, format, v string) (string, error) {
		if err := check(op, name, v); err != nil {
			return "", err
		}
		return pathf(op, format, id(name, v))
	}
}

// maxLenPath is the checkedPath of an ID of at most maxLength characters.
func maxLenPath(name string, maxLength int) idPath {
	return checkedPath(name, func(op, field, v string) error { return maxLen(op, field, v, maxLength) })
}

// idArg is a named ID for pathf; the name appears in validation errors.
type idArg struct{ name, value string }

func id(name, value string) idArg { return idArg{name, value} }
