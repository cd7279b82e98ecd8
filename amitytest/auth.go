package amitytest

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strings"
	"time"
)

// Lifetimes of the credentials the server issues.
const (
	accessTokenTTL = 30 * 24 * time.Hour
	authTokenTTL   = 10 * time.Minute
)

// session is a registered device session of a user.
type session struct {
	token     string
	refresh   string
	userID    string
	deviceID  string
	issuedAt  time.Time
	expiresAt time.Time
}

// authToken is a secure-mode token issued with the server key.
type authToken struct {
	userID    string
	expiresAt time.Time
}

func randomToken(prefix string) string {
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return prefix + hex.EncodeToString(b)
}

func secureEqual(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// resolveToken maps a bearer token to an identity.
func (st *state) resolveToken(tok, adminToken string, now time.Time) (identity string, admin, ok bool) {
	if tok == "" {
		return "", false, false
	}
	if st.isAdminToken(tok, adminToken, now) {
		return adminUserID, true, true
	}
	s := st.sessions[tok]
	if s == nil || !now.Before(s.expiresAt) {
		return "", false, false
	}
	if u := st.users[s.userID]; u == nil || u.deleted {
		return "", false, false
	}
	return s.userID, false, true
}

// newSession registers a session, replacing any older one on the same device.
func (st *state) newSession(userID, deviceID string, now time.Time) *session {
	key := userID + "\x00" + deviceID
	if old, ok := st.deviceTokens[key]; ok {
		delete(st.sessions, old)
	}
	s := &session{
		token:     randomToken("amt_"),
		refresh:   randomToken("amr_"),
		userID:    userID,
		deviceID:  deviceID,
		issuedAt:  now,
		expiresAt: now.Add(accessTokenTTL),
	}
	st.sessions[s.token] = s
	st.deviceTokens[key] = s.token
	return s
}

// revokeToken removes one access token.
func (st *state) revokeToken(tok string) {
	if s := st.sessions[tok]; s != nil {
		delete(st.sessions, tok)
		key := s.userID + "\x00" + s.deviceID
		if st.deviceTokens[key] == tok {
			delete(st.deviceTokens, key)
		}
	}
}

// revokeUser removes all access tokens of a user.
func (st *state) revokeUser(userID string) {
	for tok, s := range st.sessions {
		if s.userID == userID {
			st.revokeToken(tok)
		}
	}
}

type deviceInfo struct {
	Kind       string `json:"kind"`
	Model      string `json:"model"`
	SDKVersion string `json:"sdkVersion"`
}

type sessionRequest struct {
	UserID        string      `json:"userId"`
	DeviceID      string      `json:"deviceId"`
	DeviceInfo    *deviceInfo `json:"deviceInfo"`
	DisplayName   *string     `json:"displayName"`
	ProfileHandle *string     `json:"profileHandle"` // v5
	AuthToken     string      `json:"authToken"`
}

// sessionResponse is the answer of the registrations: v4 and v3 with a refresh token, v5
// with the user's roles and its userType instead.
type sessionResponse struct {
	AccessToken    string     `json:"accessToken"`
	RefreshToken   string     `json:"refreshToken,omitempty"`
	IssuedAt       string     `json:"issuedAt"`
	ExpiresAt      string     `json:"expiresAt"`
	Users          []userJSON `json:"users"`
	Files          []fileJSON `json:"files"`
	Roles          []roleJSON `json:"roles,omitempty"`
	UserType       string     `json:"userType,omitempty"`
	LastCachePurge string     `json:"lastCachePurge"`
}

func (s *Server) routesAuth() {
	s.route("POST /api/v5/sessions", authNone, func(c *request) error { return s.registerSession(c, 5) })
	s.route("POST /api/v4/sessions", authNone, func(c *request) error { return s.registerSession(c, 4) })
	s.route("POST /api/v3/sessions", authNone, func(c *request) error { return s.registerSession(c, 3) })
	s.route("GET /api/v3/sessions", authUser, func(c *request) error {
		return c.ok(map[string]string{"lastCachePurge": ts(c.st.started)})
	})
	s.route("DELETE /api/v4/sessions", authUser, s.revokeSessions)
	s.route("DELETE /api/v4/sessions/users/{userId}", authAdmin, func(c *request) error {
		u, err := c.userByParam(c.path("userId"), c.q("isPublic"))
		if err != nil {
			return err
		}
		c.st.revokeUser(u.id)
		return c.ok(successBody)
	})
	s.route("POST /api/v4/authentication/token", authNone, s.issueAuthTokenV4)
	s.route("GET /api/v3/authentication/token", authNone, s.issueAuthTokenV3)
}

// registerSession is POST /api/v{version}/sessions. v5 (spec 4.116.1) also takes a
// profileHandle, allows a device model of 300 characters (v4 and v3: 100), refuses user IDs
// starting with ADMIN_ or DELETED_, and answers the user's roles and its userType
// (signed-in) instead of a refresh token.
func (s *Server) registerSession(c *request, version int) error {
	if !secureEqual(c.r.Header.Get("x-api-key"), s.cfg.apiKey) {
		return errUnauthorized("Invalid API key")
	}
	var req sessionRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	req.UserID = strings.TrimSpace(req.UserID)
	switch {
	case req.UserID == "" || req.DeviceID == "":
		return errBadRequest("Parameters validation error: userId and deviceId are required")
	case len(req.UserID) > 50:
		return errBadRequest("Parameters validation error: userId must be at most 50 characters")
	case len(req.DeviceID) > 150:
		return errBadRequest("Parameters validation error: deviceId must be at most 150 characters")
	case version >= 5 && (strings.HasPrefix(req.UserID, "ADMIN_") || strings.HasPrefix(req.UserID, "DELETED_")):
		return errBadRequest("Parameters validation error: userId cannot start with ADMIN_ or DELETED_")
	case version < 5 && req.ProfileHandle != nil:
		return errBadRequest("Parameters validation error: \"profileHandle\" is not allowed")
	}
	if req.DisplayName != nil {
		if err := maxLen("displayName", *req.DisplayName, 100); err != nil {
			return err
		}
	}
	if req.ProfileHandle != nil {
		if err := maxLen("profileHandle", *req.ProfileHandle, 100); err != nil {
			return err
		}
	}
	if req.DeviceInfo != nil {
		if err := enum("deviceInfo.kind", req.DeviceInfo.Kind, "ios", "android", "web", "node"); err != nil {
			return err
		}
		maxModel := 100
		if version >= 5 {
			maxModel = 300
		}
		if err := maxLen("deviceInfo.model", req.DeviceInfo.Model, maxModel); err != nil {
			return err
		}
	}
	now := c.now()
	if s.cfg.serverKey != "" {
		at := c.st.authTokens[req.AuthToken]
		if req.AuthToken == "" || at == nil || at.userID != req.UserID || !now.Before(at.expiresAt) {
			return errUnauthorized("Invalid authentication token")
		}
	}
	u := c.st.users[req.UserID]
	switch {
	case u != nil && u.deleted:
		return errUnauthorized("User has been deleted.")
	case u != nil && u.globalBan:
		return errGlobalBan()
	case u == nil:
		name := req.UserID
		setOpt(&name, req.DisplayName)
		u = c.st.addUser(req.UserID, name, now)
		c.emitUser("user.didCreate", u)
	case req.DisplayName != nil && *req.DisplayName != u.displayName:
		u.displayName = *req.DisplayName
		u.updatedAt = now
	}
	if req.ProfileHandle != nil && *req.ProfileHandle != u.profileHandle {
		u.profileHandle = *req.ProfileHandle
		u.updatedAt = now
	}
	sess := c.st.newSession(u.id, req.DeviceID, now)
	b := c.sideload()
	b.addUser(u.id)
	out := sessionResponse{
		AccessToken:    sess.token,
		RefreshToken:   sess.refresh,
		IssuedAt:       ts(sess.issuedAt),
		ExpiresAt:      ts(sess.expiresAt),
		Users:          b.users(),
		Files:          b.files(),
		LastCachePurge: ts(c.st.started),
	}
	if version >= 5 {
		out.RefreshToken, out.Roles, out.UserType = "", b.roles(), "signed-in"
	}
	return c.ok(out)
}

func (s *Server) revokeSessions(c *request) error {
	if uid := c.q("userId"); uid != "" {
		if !c.isAdmin {
			return errPermission("Only administrator can do this")
		}
		u, err := c.userByParam(uid, c.q("isPublic"))
		if err != nil {
			return err
		}
		c.st.revokeUser(u.id)
		return c.ok(successBody)
	}
	if c.isAdmin {
		return errBadRequest("Parameters validation error: userId is required with the admin token")
	}
	c.st.revokeToken(c.token)
	return c.ok(successBody)
}

// issueAuthToken validates the server key and creates an auth token.
func (s *Server) issueAuthToken(c *request, userID string) (string, error) {
	if s.cfg.serverKey == "" {
		return "", errForbidden("Secure mode is not enabled")
	}
	if userID == "" || len(userID) > 100 {
		return "", &apiError{http.StatusUnprocessableEntity, codeBusiness, "Parameters validation error"}
	}
	tok := randomToken("ama_")
	c.st.authTokens[tok] = &authToken{userID: userID, expiresAt: c.now().Add(authTokenTTL)}
	return tok, nil
}

func (s *Server) issueAuthTokenV4(c *request) error {
	if s.cfg.serverKey != "" && !secureEqual(c.r.Header.Get("x-server-key"), s.cfg.serverKey) {
		c.w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		c.w.WriteHeader(http.StatusUnauthorized)
		_, _ = c.w.Write([]byte("Unauthorized. Server key is invalid."))
		return nil
	}
	var req struct {
		UserID string `json:"userId"`
	}
	if err := c.decode(&req, false); err != nil {
		return err
	}
	tok, err := s.issueAuthToken(c, req.UserID)
	if err != nil {
		return err
	}
	c.w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write([]byte(tok))
	return nil
}

func (s *Server) issueAuthTokenV3(c *request) error {
	if s.cfg.serverKey != "" && !secureEqual(c.r.Header.Get("x-server-key"), s.cfg.serverKey) {
		return errForbidden("Server key is invalid")
	}
	tok, err := s.issueAuthToken(c, c.q("userId"))
	if err != nil {
		return err
	}
	return c.ok(tok)
}

// UserToken registers a session for userID (creating the user if needed) on
// the device "amitytest" and returns its access token, as POST
// /api/v4/sessions would. It ignores secure mode and bans.
func (s *Server) UserToken(userID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if s.st.users[userID] == nil {
		s.st.addUser(userID, userID, now)
	}
	return s.st.newSession(userID, "amitytest", now).token
}
