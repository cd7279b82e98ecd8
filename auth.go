package amity

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
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

// sessionKey is the key of a cached user session: one per user, device and display name.
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

// current returns the session's token while it needs no renewal, else "".
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
		return "", malformedAnswer(&request{op: "Sessions.Register", method: http.MethodPost, path: "/api/v5/sessions"}, "the session holds no access token")
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
// and retries. The view registers a session (POST /api/v5/sessions with the API key, after
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
