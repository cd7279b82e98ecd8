package amity

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
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

// regionAliases are the names WithRegion accepts for each region.
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

// config is what the Options of NewClient set.
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

	tracerProvider trace.TracerProvider
	meterProvider  metric.MeterProvider

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
	// Search: semantic search of posts and communities (search by words: Posts.Search, Messages.Search, ...).
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

	// Events: community and user events, and their RSVPs.
	Events *EventsService
	// Invitations: invitations to join communities.
	Invitations *InvitationsService
	// Rooms: live rooms, their participants and co-hosts, viewer bans and recordings.
	Rooms *RoomsService
	// Products: the network's product catalogue and its bulk imports.
	Products *ProductsService
	// ScheduledPosts: posts that publish at a set time.
	ScheduledPosts *ScheduledPostsService
	// NotificationTray: the in-app notification tray of a user.
	NotificationTray *NotificationTrayService
	// Archives: archived chat channels.
	Archives *ArchivesService
	// Reports: moderation activity, users' last activity, the first-party data export and
	// community metrics.
	Reports *ReportsService
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
	port, _ := strconv.Atoi(portOf(base))
	if t.tel, err = newTelemetry(cfg.tracerProvider, cfg.meterProvider, strings.ToLower(base.Scheme), base.Hostname(), port); err != nil {
		return nil, fmt.Errorf("amity: WithMeterProvider: %w", err)
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

// endpoint is the API's base URL: WithBaseURL, else the region's.
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
	c.Sessions = &SessionsService{c: c, V4: &SessionsV4Service{c: c}, V3: &SessionsV3Service{c: c}}
	c.Posts = &PostsService{c: c, V4: &PostsV4Service{c: c}, V3: &PostsV3Service{c: c}}
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
	c.Events = &EventsService{c: c}
	c.Invitations = &InvitationsService{c: c}
	c.Rooms = &RoomsService{c: c}
	c.Products = &ProductsService{c: c}
	c.ScheduledPosts = &ScheduledPostsService{c: c}
	c.NotificationTray = &NotificationTrayService{c: c}
	c.Archives = &ArchivesService{c: c}
	c.Reports = &ReportsService{c: c}
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

// discardHandler is a slog.Handler that drops everything (slog.DiscardHandler needs Go 1.24).
type discardHandler struct{}

func (discardHandler) Enabled(context.Context, slog.Level) bool  { return false }
func (discardHandler) Handle(context.Context, slog.Record) error { return nil }
func (d discardHandler) WithAttrs([]slog.Attr) slog.Handler      { return d }
func (d discardHandler) WithGroup(string) slog.Handler           { return d }
