package amity

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/amity-go/amity/internal/ratelimit"
)

// Secret is a credential (an access or auth token). It formats as "[redacted]" with every
// fmt verb, in slog (text and JSON handlers, nested in any value) and in JSON and text
// encodings, so printing, logging or encoding a value that holds one does not leak it. Use
// string(s) to get the token itself, e.g. to store a session. It decodes from JSON as a plain
// string.
type Secret string

// MarshalJSON encodes "[redacted]": a Secret never leaves through JSON.
func (Secret) MarshalJSON() ([]byte, error) { return []byte(`"[redacted]"`), nil }

// MarshalText encodes "[redacted]".
func (Secret) MarshalText() ([]byte, error) { return []byte("[redacted]"), nil }

// String returns "[redacted]".
func (Secret) String() string { return "[redacted]" }

// GoString returns "[redacted]".
func (Secret) GoString() string { return "[redacted]" }

// Format writes "[redacted]" whatever the verb.
func (Secret) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte("[redacted]")) }

// LogValue keeps the secret out of slog output, JSON handlers included.
func (Secret) LogValue() slog.Value { return slog.StringValue("[redacted]") }

// authenticator supplies the bearer token of a Client view.
type authenticator interface {
	// token returns the bearer token to send ("" for none); c is the calling view.
	token(ctx context.Context, c *Client) (Secret, error)
	// invalidate drops tok if it is still the current token.
	invalidate(tok Secret)
	// renewable reports whether a 401 may be cured by getting a new token.
	renewable() bool
	// identity names this view in String and logs.
	identity() string
	// limitKey is the limiter key of this view (see transport.limiterKey), computed once.
	limitKey(t *transport) string
}

// adminAuth sends the admin token.
type adminAuth struct{}

// adminIdentity is the identity of the admin token.
const adminIdentity = "admin"

func (adminAuth) token(_ context.Context, c *Client) (Secret, error) {
	return Secret(c.t.creds.adminToken), nil
}
func (adminAuth) invalidate(Secret)            {}
func (adminAuth) renewable() bool              { return false }
func (adminAuth) identity() string             { return adminIdentity }
func (adminAuth) limitKey(t *transport) string { return t.adminKey }

// noAuth is the root view of a client configured with only an API key: it can register
// sessions and act as users, but sends no bearer token itself.
type noAuth struct{}

func (noAuth) token(context.Context, *Client) (Secret, error) { return "", nil }
func (noAuth) invalidate(Secret)                              {}
func (noAuth) renewable() bool                                { return false }
func (noAuth) identity() string                               { return "api-key" }
func (noAuth) limitKey(t *transport) string                   { return t.apiKeyKey }

// sessionSetup is the view a user's session is registered on: no bearer token, and the
// user's own limiter window, so that a user's registration never queues behind the admin's
// calls (the API bills it to the user).
type sessionSetup struct{ s *userSession }

func (sessionSetup) token(context.Context, *Client) (Secret, error) { return "", nil }
func (sessionSetup) invalidate(Secret)                              {}
func (sessionSetup) renewable() bool                                { return false }
func (v sessionSetup) identity() string                             { return v.s.identity() }
func (v sessionSetup) limitKey(*transport) string                   { return v.s.lkey }

// UserOption configures Client.AsUser.
type UserOption func(*sessionKey)

// WithDeviceID sets the device ID of the user's session (1–150 characters). Registering a
// session on a device ID invalidates the user's older token on that device, so two processes
// must never share one. The default is random per Client ("amity-go-" and 24 hex digits),
// which is safe for any number of processes on one host; set a stable ID only when a single
// process acts as the user at a time and should keep one session across restarts.
func WithDeviceID(deviceID string) UserOption { return func(k *sessionKey) { k.deviceID = deviceID } }

// WithDisplayName sets the display name sent with the session registration, which updates
// the user (or names a user created by it).
func WithDisplayName(name string) UserOption { return func(k *sessionKey) { k.displayName = name } }

type sessionKey struct {
	userID, deviceID, displayName string
}

// A user token is replaced a tenth of its lifetime before it expires, at most an hour
// before: a 30-day token an hour early, a 10-minute token a minute early.
const (
	renewFraction  = 10
	maxRenewBefore = time.Hour
)

// fallbackLifetime is assumed when the server's expiresAt cannot be read.
const fallbackLifetime = 24 * time.Hour

// userSession caches one user's access token. At most one registration runs at a time
// however many goroutines need the token; the others wait for it (or for their ctx). The
// token lives behind a pointer, so that no formatting of a struct that reaches a session
// (a Client value printed with a bad verb) prints it.
type userSession struct {
	key      sessionKey
	lkey     string        // the limiter key of the user
	sem      chan struct{} // holds the right to register
	lastUsed atomic.Int64  // the transport clock's UnixNano at the latest token ask
	mu       sync.Mutex
	cur      *sessionToken // nil before the first registration and after dropping
	regs     int           // registrations made, for tests and logs
}

// sessionToken is a registered session's token and when to replace it.
type sessionToken struct {
	tok   Secret
	renew time.Time
}

func (s *userSession) current(now time.Time) Secret {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur != nil && now.Before(s.cur.renew) {
		return s.cur.tok
	}
	return ""
}

func (s *userSession) token(ctx context.Context, c *Client) (Secret, error) {
	now := c.t.now()
	s.lastUsed.Store(now.UnixNano())
	if tok := s.current(now); tok != "" {
		return tok, nil
	}
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return "", ctx.Err()
	}
	defer func() { <-s.sem }()
	if tok := s.current(c.t.now()); tok != "" {
		return tok, nil // another goroutine registered while this one waited
	}
	setup := &Client{t: c.t, auth: sessionSetup{s}}
	setup.init()
	params := &RegisterSessionParams{UserID: s.key.userID, DeviceID: s.key.deviceID, DisplayName: s.key.displayName}
	if c.t.creds.serverKey != "" {
		at, err := setup.Sessions.CreateAuthToken(ctx, s.key.userID)
		if err != nil {
			return "", err
		}
		params.AuthToken = at
	}
	sess, err := setup.Sessions.Register(ctx, params)
	if err != nil {
		return "", err
	}
	if sess.AccessToken == "" {
		return "", malformedAnswer(&request{op: "Sessions.Register", method: http.MethodPost, path: "/api/v4/sessions"}, "the session holds no access token")
	}
	now = c.t.now()
	exp := sess.ExpiresAt.Time
	if !exp.After(now) {
		exp = now.Add(fallbackLifetime)
	}
	s.mu.Lock()
	s.cur = &sessionToken{tok: sess.AccessToken, renew: exp.Add(-min(exp.Sub(now)/renewFraction, maxRenewBefore))}
	s.regs++
	s.mu.Unlock()
	return sess.AccessToken, nil
}

func (s *userSession) invalidate(tok Secret) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur != nil && s.cur.tok == tok {
		s.cur = nil
	}
}

func (s *userSession) identity() string { return "user:" + s.key.userID }

// sessionIdle is how long a user's session is kept unused: then the transport's janitor
// drops it (and its token), so that a job acting as many users one after another does not
// hold a session for each of them. The next call as that user registers again.
const sessionIdle = 15 * time.Minute

// session returns the cached session of key, creating it on first use.
func (t *transport) session(key sessionKey) *userSession {
	t.sessionsMu.Lock()
	s, ok := t.sessions[key]
	if !ok {
		s = &userSession{key: key, sem: make(chan struct{}, 1)}
		s.lkey = t.limiterKey(s.identity())
		s.lastUsed.Store(t.now().UnixNano())
		t.sessions[key] = s
	}
	t.sessionsMu.Unlock()
	if !ok {
		t.wakeJanitor()
	}
	return s
}

// dropIdleSessions forgets the sessions unused since before now − sessionIdle and reports
// how many are left.
func (t *transport) dropIdleSessions(now time.Time) int {
	t.sessionsMu.Lock()
	defer t.sessionsMu.Unlock()
	dropped := 0
	for key, s := range t.sessions {
		if now.UnixNano()-s.lastUsed.Load() >= int64(sessionIdle) {
			delete(t.sessions, key)
			dropped++
		}
	}
	if dropped > len(t.sessions) { // a map never gives memory back: copy what is left
		t.sessions = ratelimit.Shrink(t.sessions)
	}
	return len(t.sessions)
}

// userView is the authenticator of a view from AsUser. It holds the user's key, not the
// session: the session is looked up (or registered again) on each call, so the janitor can
// drop an idle one while views of it live on.
type userView struct {
	t    *transport
	key  sessionKey
	lkey string
}

func (v userView) token(ctx context.Context, c *Client) (Secret, error) {
	return v.t.session(v.key).token(ctx, c)
}

func (v userView) invalidate(tok Secret) {
	v.t.sessionsMu.Lock()
	s := v.t.sessions[v.key]
	v.t.sessionsMu.Unlock()
	if s != nil {
		s.invalidate(tok)
	}
}

func (userView) renewable() bool              { return true }
func (v userView) identity() string           { return "user:" + v.key.userID }
func (v userView) limitKey(*transport) string { return v.lkey }

// AsUser returns a view of c that calls the API as userID, over the same transport, limiter
// and retries. The view registers a session (POST /api/v4/sessions with the API key, after
// getting an auth token with the server key when one is set) on its first call, caches the
// access token, renews it a tenth of its lifetime (at most an hour) before it expires and
// once when the API answers 401. The registration counts against the user's own rate-limit
// window, never the admin's. Views of the same user and device share one cached session, so
// AsUser is cheap to call; a session unused for 15 minutes is dropped, and the next call
// registers again.
func (c *Client) AsUser(userID string, opts ...UserOption) (*Client, error) {
	if strings.TrimSpace(userID) == "" {
		return nil, &ValidationError{Op: "AsUser", Field: "userID", Reason: "must not be empty"}
	}
	if len(userID) > 50 {
		return nil, &ValidationError{Op: "AsUser", Field: "userID", Reason: "must be at most 50 characters"}
	}
	if c.t.creds.apiKey == "" {
		return nil, &ValidationError{Op: "AsUser", Field: "API key", Reason: "is not set (use WithAPIKey)"}
	}
	key := sessionKey{userID: userID, deviceID: c.t.deviceID}
	for _, o := range opts {
		o(&key)
	}
	if n := len(key.deviceID); n < 1 || n > 150 {
		return nil, &ValidationError{Op: "AsUser", Field: "deviceID", Reason: "must be 1 to 150 characters"}
	}
	if len(key.displayName) > 100 {
		return nil, &ValidationError{Op: "AsUser", Field: "displayName", Reason: "must be at most 100 characters"}
	}
	v := &Client{t: c.t, auth: userView{t: c.t, key: key, lkey: c.t.limiterKey("user:" + userID)}}
	v.init()
	return v, nil
}

// newDeviceID is the default device ID of a Client's user sessions: random, so that no two
// processes (or Clients) invalidate each other's tokens.
func newDeviceID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return "amity-go-" + hex.EncodeToString(b[:])
}

// redact replaces in s every credential of the transport, every cached user token and every
// other secret the call carried (the bearer tokens it sent, a secure-mode auth token in its
// body).
func (t *transport) redact(s string, carried []Secret) string {
	if s == "" {
		return s
	}
	secrets := []string{t.creds.adminToken, t.creds.apiKey, t.creds.serverKey}
	for _, sec := range carried {
		secrets = append(secrets, string(sec))
	}
	t.sessionsMu.Lock()
	for _, us := range t.sessions {
		us.mu.Lock()
		if us.cur != nil {
			secrets = append(secrets, string(us.cur.tok))
		}
		us.mu.Unlock()
	}
	t.sessionsMu.Unlock()
	for _, sec := range secrets {
		if len(sec) >= 4 && strings.Contains(s, sec) {
			s = strings.ReplaceAll(s, sec, "[redacted]")
		}
	}
	return s
}

// SessionsService registers and revokes user sessions and gets secure-mode auth tokens.
// Client.AsUser does all of this for you; use it directly to hand tokens to other programs.
// The deprecated v3 calls are on its V3 field.
type SessionsService struct {
	c *Client
	// V3 holds the deprecated v3 session calls.
	V3 *SessionsV3Service
}

// SessionsV3Service holds the deprecated v3 session calls. Reach it as Client.Sessions.V3.
type SessionsV3Service struct{ c *Client }

// DeviceInfo describes the device of a session.
type DeviceInfo struct {
	// Kind is "ios", "android", "web" or "node" (the spec's values; another is sent as
	// given). The API's JavaScript client sends "web" even on Node.js, noting that the server
	// did not accept "node" (docs/wire-notes.md).
	Kind string `json:"kind,omitempty"`
	// Model, at most 100 characters.
	Model string `json:"model,omitempty"`
	// SDKVersion, at most 30 characters.
	SDKVersion string `json:"sdkVersion,omitempty"`
}

// RegisterSessionParams is the body of a session registration.
type RegisterSessionParams struct {
	// UserID (required, 1–50 characters). An unknown user is created.
	UserID string `json:"userId"`
	// DeviceID (required, 1–150 characters).
	DeviceID string `json:"deviceId"`
	// DeviceInfo is optional.
	DeviceInfo *DeviceInfo `json:"deviceInfo,omitempty"`
	// DisplayName, when set (at most 100 characters), updates the user's display name.
	DisplayName string `json:"displayName,omitempty"`
	// AuthToken from CreateAuthToken; required when the network is in secure mode.
	AuthToken Secret `json:"authToken,omitempty"`
}

func (p *RegisterSessionParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	switch {
	case strings.TrimSpace(p.UserID) == "" || len(p.UserID) > 50:
		return &ValidationError{Op: op, Field: "UserID", Reason: "must be 1 to 50 characters"}
	case strings.TrimSpace(p.DeviceID) == "" || len(p.DeviceID) > 150:
		return &ValidationError{Op: op, Field: "DeviceID", Reason: "must be 1 to 150 characters"}
	case len(p.DisplayName) > 100:
		return &ValidationError{Op: op, Field: "DisplayName", Reason: "must be at most 100 characters"}
	case len(p.AuthToken) > 100:
		return &ValidationError{Op: op, Field: "AuthToken", Reason: "must be at most 100 characters"}
	}
	if di := p.DeviceInfo; di != nil {
		if len(di.Model) > 100 || len(di.SDKVersion) > 30 {
			return &ValidationError{Op: op, Field: "DeviceInfo", Reason: "model must be at most 100 and sdkVersion 30 characters"}
		}
	}
	return nil
}

// SessionPayload is a registered session: an access token valid 30 days, and the user.
type SessionPayload struct {
	AccessToken  Secret `json:"accessToken"`
	RefreshToken Secret `json:"refreshToken"`
	// IssuedAt and ExpiresAt bound the access token.
	IssuedAt  Time   `json:"issuedAt"`
	ExpiresAt Time   `json:"expiresAt"`
	Users     []User `json:"users"`
	Files     []File `json:"files"`
	// LastCachePurge is the date of the network's last cache purge, as the server sent it.
	LastCachePurge string `json:"lastCachePurge,omitempty"`
}

// LogValue logs a session without its tokens (slog's JSON handler would otherwise encode
// them as JSON does).
func (s SessionPayload) LogValue() slog.Value {
	return slog.GroupValue(slog.String("accessToken", "[redacted]"), slog.Time("expiresAt", s.ExpiresAt.Time), slog.Int("users", len(s.Users)))
}

// Format formats the session with its tokens redacted. Without it, a bad verb (%s of a
// struct holding a *Session) makes fmt print the pointed-to fields raw, tokens included.
func (s SessionPayload) Format(f fmt.State, verb rune) {
	type plain SessionPayload
	s.AccessToken, s.RefreshToken = "[redacted]", "[redacted]"
	formatAs(f, verb, plain(s), "amity.Session")
}

// Format formats the params with the auth token redacted, as Session.Format does.
func (p RegisterSessionParams) Format(f fmt.State, verb rune) {
	type plain RegisterSessionParams
	p.AuthToken = "[redacted]"
	formatAs(f, verb, plain(p), "amity.RegisterSessionParams")
}

// formatAs formats v, a method-less copy of a struct, as f and verb ask; %#v names it name.
func formatAs(f fmt.State, verb rune, v any, name string) {
	s := fmt.Sprintf(fmt.FormatString(f, verb), v)
	if i := strings.IndexByte(s, '{'); verb == 'v' && f.Flag('#') && i > 0 {
		s = name + s[i:]
	}
	_, _ = f.Write([]byte(s))
}

// MarshalJSON encodes the registration body, auth token included (a Secret alone encodes as
// "[redacted]").
func (p RegisterSessionParams) MarshalJSON() ([]byte, error) {
	type wire RegisterSessionParams
	return json.Marshal(struct {
		wire
		AuthToken string `json:"authToken,omitempty"`
	}{wire(p), string(p.AuthToken)})
}

// LogValue logs the params without the auth token.
func (p RegisterSessionParams) LogValue() slog.Value {
	return slog.GroupValue(slog.String("userId", p.UserID), slog.String("deviceId", p.DeviceID), slog.String("authToken", "[redacted]"))
}

// Register registers a session for a user and device and returns its access token.
// POST /api/v4/sessions, with the API key. A new session on the same device invalidates the
// user's older token there. Not retried after it may have reached the server.
func (s *SessionsService) Register(ctx context.Context, params *RegisterSessionParams, opts ...CallOption) (*SessionPayload, error) {
	const op = "Sessions.Register"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return call[SessionPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v4/sessions", body: params, auth: authKeyOnly,
		opts: opts, carried: []Secret{params.AuthToken}})
}

// Register registers a session with the older endpoint POST /api/v3/sessions. Not retried
// after it may have reached the server.
//
// Deprecated: use Client.Sessions.Register (POST /api/v4/sessions); the v3 endpoint is
// deprecated in the spec, which does not describe its answer, so fields may be empty.
func (s *SessionsV3Service) Register(ctx context.Context, params *RegisterSessionParams, opts ...CallOption) (*SessionPayload, error) {
	const op = "Sessions.V3.Register"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return call[SessionPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v3/sessions", body: params, auth: authKeyOnly,
		optionalAnswer: true, opts: opts, carried: []Secret{params.AuthToken}})
}

// CreateAuthToken gets a secure-mode auth token for userID (valid about 10 minutes), to pass
// as RegisterSessionParams.AuthToken. POST /api/v4/authentication/token, with the server key;
// the user's ID, the one field of the body, is the argument. 403 means the network is not in
// secure mode. Not retried after it may have reached the server (each call issues a token).
func (s *SessionsService) CreateAuthToken(ctx context.Context, userID string, opts ...CallOption) (Secret, error) {
	const op = "Sessions.CreateAuthToken"
	if strings.TrimSpace(userID) == "" {
		return "", &ValidationError{Op: op, Field: "userID", Reason: "must not be empty"}
	}
	var tok string
	err := s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v4/authentication/token",
		body: map[string]string{"userId": userID}, auth: authServerKey, accept: "text/plain", opts: opts}, &tok)
	return Secret(tok), err
}

// GetAuthToken gets a secure-mode auth token for userID with GET /api/v3/authentication/token.
//
// Deprecated: use Client.Sessions.CreateAuthToken (POST /api/v4/authentication/token).
func (s *SessionsV3Service) GetAuthToken(ctx context.Context, userID string, opts ...CallOption) (Secret, error) {
	const op = "Sessions.V3.GetAuthToken"
	if strings.TrimSpace(userID) == "" || len(userID) > 100 {
		return "", &ValidationError{Op: op, Field: "userID", Reason: "must be 1 to 100 characters"}
	}
	var tok string
	err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v3/authentication/token",
		query: url.Values{"userId": {userID}}, auth: authServerKey, opts: opts}, &tok)
	return Secret(tok), err
}

// SessionStatusPayload is the answer of Verify.
type SessionStatusPayload struct {
	rawJSON
	// LastCachePurge is the date of the network's last cache purge, as the server sent it
	// (the spec gives it as a string without a format).
	LastCachePurge string `json:"lastCachePurge"`
}

// GetStatus checks the view's token: an *Error matching ErrUnauthorized means it is invalid or
// expired. GET /api/v3/sessions.
func (s *SessionsService) GetStatus(ctx context.Context, opts ...CallOption) (*SessionStatusPayload, error) {
	return call[SessionStatusPayload](ctx, s.c, &request{op: "Sessions.GetStatus", method: http.MethodGet, path: "/api/v3/sessions", opts: opts})
}

// Revoke revokes the view's own access token (DELETE /api/v4/sessions); on a view from
// AsUser the cached token is dropped too, so the next call registers a new session.
// Idempotent by construction: revoking a revoked token changes nothing.
func (s *SessionsService) Revoke(ctx context.Context, opts ...CallOption) error {
	tok, err := s.c.auth.token(ctx, s.c)
	if err != nil {
		return err
	}
	err = s.c.do(ctx, &request{op: "Sessions.Revoke", method: http.MethodDelete, path: "/api/v4/sessions", idempotent: true, opts: opts}, nil)
	s.c.auth.invalidate(tok)
	return err
}

// RevokeUserParams qualifies a revocation of all of a user's tokens.
type RevokeUserParams struct {
	// IsPublic says whether the userID is the public ID (the server's default, true) or the
	// internal one.
	IsPublic *bool
}

// RevokeUser revokes every access token of userID (admin). DELETE
// /api/v4/sessions/users/{userId}. Idempotent by construction, so it is retried like a read.
func (s *SessionsService) RevokeUser(ctx context.Context, userID string, params *RevokeUserParams, opts ...CallOption) error {
	path, err := pathf("Sessions.RevokeUser", "/api/v4/sessions/users/%s", id("userID", userID))
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: "Sessions.RevokeUser", method: http.MethodDelete, path: path, query: params.query(), idempotent: true, opts: opts}, nil)
}

// RevokeUserByQuery revokes every access token of userID with DELETE
// /api/v4/sessions?userId=, the query form of RevokeUser; both do the same.
func (s *SessionsService) RevokeUserByQuery(ctx context.Context, userID string, params *RevokeUserParams, opts ...CallOption) error {
	const op = "Sessions.RevokeUserByQuery"
	if strings.TrimSpace(userID) == "" || len(userID) > 50 {
		return &ValidationError{Op: op, Field: "userID", Reason: "must be 1 to 50 characters"}
	}
	q := params.query()
	q.Set("userId", userID)
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: "/api/v4/sessions", query: q, idempotent: true, opts: opts}, nil)
}

func (p *RevokeUserParams) query() url.Values {
	q := url.Values{}
	if p != nil && p.IsPublic != nil {
		q.Set("isPublic", strconv.FormatBool(*p.IsPublic))
	}
	return q
}
