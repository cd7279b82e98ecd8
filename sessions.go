package amity

// This file is the Sessions service: session registration and revocation, secure-mode auth tokens.

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// SessionsService registers and revokes user sessions and gets secure-mode auth tokens.
// Client.AsUser does all of this for you; use it directly to hand tokens to other programs.
// Register is the current (v5) registration; the older v4 one is on its V4 field and the
// deprecated v3 calls on its V3 field.
type SessionsService struct {
	c *Client
	// V4 holds the older v4 session registration.
	V4 *SessionsV4Service
	// V3 holds the deprecated v3 session calls.
	V3 *SessionsV3Service
}

// SessionsV4Service holds the older v4 session registration, which Sessions.Register (v5)
// replaces. Reach it as Client.Sessions.V4.
type SessionsV4Service struct{ c *Client }

// SessionsV3Service holds the deprecated v3 session calls. Reach it as Client.Sessions.V3.
type SessionsV3Service struct{ c *Client }

// DeviceInfo describes the device of a session.
type DeviceInfo struct {
	// Kind is "ios", "android", "web" or "node" (the spec's values; another is sent as
	// given). The API's JavaScript client sends "web" even on Node.js, noting that the server
	// did not accept "node" (docs/wire-notes.md).
	Kind string `json:"kind,omitempty"`
	// Model, at most 300 characters (100 on the older v4 and v3 registrations).
	Model string `json:"model,omitempty"`
	// SDKVersion, at most 30 characters.
	SDKVersion string `json:"sdkVersion,omitempty"`
}

// RegisterSessionParams is the body of a session registration.
type RegisterSessionParams struct {
	// UserID (required, 1–50 characters). An unknown user is created. It must not start
	// with ADMIN_ or DELETED_ (the server refuses such IDs).
	UserID string `json:"userId"`
	// DeviceID (required, 1–150 characters).
	DeviceID string `json:"deviceId"`
	// DeviceInfo is optional.
	DeviceInfo *DeviceInfo `json:"deviceInfo,omitempty"`
	// DisplayName, when set (at most 100 characters), updates the user's display name.
	DisplayName string `json:"displayName,omitempty"`
	// ProfileHandle, when set (at most 100 characters), updates the user's profile handle.
	// Sessions.Register (v5) only: the older registrations refuse it before sending.
	ProfileHandle string `json:"profileHandle,omitempty"`
	// AuthToken from CreateAuthToken; required when the network is in secure mode.
	AuthToken Secret `json:"authToken,omitempty"`
}

// validate checks the params of a registration: current (v5) or one of the older ones, whose
// body has no profileHandle and a shorter device model.
func (p *RegisterSessionParams) validate(op string, current bool) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	maxModel := 300
	if !current {
		maxModel = 100
	}
	switch {
	case strings.TrimSpace(p.UserID) == "" || len(p.UserID) > 50:
		return &ValidationError{Op: op, Field: "UserID", Reason: "must be 1 to 50 characters"}
	case strings.TrimSpace(p.DeviceID) == "" || len(p.DeviceID) > 150:
		return &ValidationError{Op: op, Field: "DeviceID", Reason: "must be 1 to 150 characters"}
	case len(p.DisplayName) > 100:
		return &ValidationError{Op: op, Field: "DisplayName", Reason: "must be at most 100 characters"}
	case len(p.ProfileHandle) > 100:
		return &ValidationError{Op: op, Field: "ProfileHandle", Reason: "must be at most 100 characters"}
	case p.ProfileHandle != "" && !current:
		return &ValidationError{Op: op, Field: "ProfileHandle", Reason: "is only sent by Sessions.Register (POST /api/v5/sessions)"}
	case len(p.AuthToken) > 100:
		return &ValidationError{Op: op, Field: "AuthToken", Reason: "must be at most 100 characters"}
	}
	if di := p.DeviceInfo; di != nil {
		if len(di.Model) > maxModel || len(di.SDKVersion) > 30 {
			return &ValidationError{Op: op, Field: "DeviceInfo", Reason: fmt.Sprintf("model must be at most %d and sdkVersion 30 characters", maxModel)}
		}
	}
	return nil
}

// SessionUserType is the kind of user a session is for.
type SessionUserType string

// Session user types (POST /api/v5/sessions answers signed-in; the bot and visitor
// registrations the others).
const (
	SessionUserSignedIn SessionUserType = "signed-in"
	SessionUserVisitor  SessionUserType = "visitor"
	SessionUserBot      SessionUserType = "bot"
)

// SessionPayload is a registered session: an access token valid 30 days, and the user.
type SessionPayload struct {
	AccessToken Secret `json:"accessToken"`
	// RefreshToken is sent by the older v4 and v3 registrations only.
	RefreshToken Secret `json:"refreshToken"`
	// IssuedAt and ExpiresAt bound the access token.
	IssuedAt  Time   `json:"issuedAt"`
	ExpiresAt Time   `json:"expiresAt"`
	Users     []User `json:"users"`
	Files     []File `json:"files"`
	// Roles are the roles the user holds (v5).
	Roles []Role `json:"roles"`
	// UserType is the kind of user the session is for (v5): signed-in for Register.
	UserType SessionUserType `json:"userType,omitempty"`
	// LastCachePurge is the date of the network's last cache purge, as the server sent it.
	LastCachePurge string `json:"lastCachePurge,omitempty"`
}

// RoleByID returns the sideloaded role with the given ID (v5), or nil.
func (s SessionPayload) RoleByID(roleID string) *Role { return roleByID(s.Roles, roleID) }

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

// Register registers a session for a user and device and returns its access token, the
// user and the roles it holds. POST /api/v5/sessions, with the API key (the registration the
// API's own clients make). A new session on the same device invalidates the user's older
// token there. Not retried after it may have reached the server.
func (s *SessionsService) Register(ctx context.Context, params *RegisterSessionParams, opts ...CallOption) (*SessionPayload, error) {
	const op = "Sessions.Register"
	if err := params.validate(op, true); err != nil {
		return nil, err
	}
	return call[SessionPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v5/sessions", body: params, auth: authKeyOnly,
		opts: opts, carried: []Secret{params.AuthToken}})
}

// Register registers a session with the older endpoint POST /api/v4/sessions, which
// Sessions.Register (v5) replaces; its answer has a refresh token and no roles, and its
// body no profile handle. Not retried after it may have reached the server.
func (s *SessionsV4Service) Register(ctx context.Context, params *RegisterSessionParams, opts ...CallOption) (*SessionPayload, error) {
	const op = "Sessions.V4.Register"
	if err := params.validate(op, false); err != nil {
		return nil, err
	}
	return call[SessionPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v4/sessions", body: params, auth: authKeyOnly,
		opts: opts, carried: []Secret{params.AuthToken}})
}

// Register registers a session with the older endpoint POST /api/v3/sessions. Not retried
// after it may have reached the server.
//
// Deprecated: use Client.Sessions.Register (POST /api/v5/sessions); the v3 endpoint is
// deprecated in the spec. Spec 4.116.1 describes its answer as the v4 one's; an empty answer
// is still accepted (4.92.0 did not describe it), so fields may be empty.
func (s *SessionsV3Service) Register(ctx context.Context, params *RegisterSessionParams, opts ...CallOption) (*SessionPayload, error) {
	const op = "Sessions.V3.Register"
	if err := params.validate(op, false); err != nil {
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
