package amitytest

import (
	"net/http"
	"strings"
)

// guestSessionResponse is the answer of the bot and visitor session registrations.
type guestSessionResponse struct {
	AccessToken    string     `json:"accessToken"`
	IssuedAt       string     `json:"issuedAt"`
	ExpiresAt      string     `json:"expiresAt"`
	Users          []userJSON `json:"users"`
	Roles          []any      `json:"roles"`
	Files          []fileJSON `json:"files"`
	LastCachePurge string     `json:"lastCachePurge"`
	UserType       string     `json:"userType"`
}

// routesGuestSessions registers POST /api/v5/sessions/bot and /visitor: read-only sessions of
// the user "bot-…" or "visitor-…" of the device (the same device is the same user, made on
// first use). Their tokens read like any other; every write with them is refused
// (refuseGuestWrite, misc_state.go). In secure mode a visitor needs an authSignature of 64
// characters and an authSignatureExpiresAt in the future (the fake does not check how the
// signature was made).
func (s *Server) routesGuestSessions() {
	s.route("POST /api/v5/sessions/bot", authNone, func(c *request) error { return s.registerGuest(c, "bot") })
	s.route("POST /api/v5/sessions/visitor", authNone, func(c *request) error { return s.registerGuest(c, "visitor") })
}

func (s *Server) registerGuest(c *request, kind string) error {
	if !secureEqual(c.r.Header.Get("x-api-key"), s.cfg.apiKey) {
		return errUnauthorized("Invalid API key")
	}
	var req struct {
		DeviceID               string      `json:"deviceId"`
		DeviceInfo             *deviceInfo `json:"deviceInfo"`
		AuthSignature          string      `json:"authSignature"`
		AuthSignatureExpiresAt string      `json:"authSignatureExpiresAt"`
	}
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if strings.TrimSpace(req.DeviceID) == "" || len(req.DeviceID) > 150 {
		return &apiError{http.StatusUnprocessableEntity, codeBadRequest, "Parameters validation error: deviceId must be 1 to 150 characters"}
	}
	if req.DeviceInfo != nil {
		if err := enum("deviceInfo.kind", req.DeviceInfo.Kind, "ios", "android", "web", "node"); err != nil {
			return err
		}
	}
	now := c.now()
	if kind == "visitor" && s.cfg.serverKey != "" {
		if len(req.AuthSignature) != 64 || req.AuthSignatureExpiresAt == "" {
			return errUnauthorized("Invalid authentication signature")
		}
		at, err := miscTime("authSignatureExpiresAt", req.AuthSignatureExpiresAt)
		if err != nil {
			return err
		}
		if !now.Before(at) {
			return errUnauthorized("The authentication signature has expired")
		}
	}
	userID := kind + "-" + stableID(kind + "\x00" + req.DeviceID)[:16]
	u := c.st.users[userID]
	if u == nil {
		u = c.st.addUser(userID, strings.ToUpper(kind[:1])+kind[1:], now)
	}
	sess := c.st.newSession(u.id, req.DeviceID, now)
	if c.st.misc.guests == nil {
		c.st.misc.guests = map[string]string{}
	}
	c.st.misc.guests[sess.token] = kind
	b := c.sideload()
	b.addUser(u.id)
	return c.ok(guestSessionResponse{
		AccessToken: sess.token, IssuedAt: ts(sess.issuedAt), ExpiresAt: ts(sess.expiresAt),
		Users: b.users(), Roles: []any{}, Files: b.files(), LastCachePurge: ts(c.st.started), UserType: kind,
	})
}
