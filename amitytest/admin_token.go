package amitytest

import (
	"time"
)

// adminTokenState is the admin token rotation: once POST /api/v1/admin-token has issued a
// token, it is the only admin token the server accepts (the spec: issuing one "will
// invalidate previous token"), until it expires or the next rotation replaces it.
type adminTokenState struct {
	current   string    // the token issued last; "" while the configured one is in use
	issuedAt  time.Time // when current was issued
	expiresAt time.Time // when current expires (zero: never)
}

// isAdminToken reports whether tok is the admin token the server accepts at now: the
// configured one (WithAdminToken) until the first rotation, then the token issued last,
// while it lives. s.mu is held.
func (st *state) isAdminToken(tok, configured string, now time.Time) bool {
	if st.nsx != nil && st.nsx.admin.current != "" {
		a := st.nsx.admin
		return secureEqual(tok, a.current) && (a.expiresAt.IsZero() || now.Before(a.expiresAt))
	}
	return configured != "" && secureEqual(tok, configured)
}

// currentAdminToken is the admin token the server accepts now: the one issued last, or the
// configured one. s.mu is held.
func (st *state) currentAdminToken(configured string) string {
	if st.nsx != nil && st.nsx.admin.current != "" {
		return st.nsx.admin.current
	}
	return configured
}

type adminTokenJSON struct {
	AdminToken string  `json:"adminToken"`
	IssuedAt   string  `json:"issuedAt"`
	ExpiresAt  *string `json:"expiresAt,omitempty"`
}

func (s *Server) routesAdminToken() {
	// POST /api/v1/admin-token issues a new admin token with the current one and invalidates
	// the current one. The new token lives as long as the security settings' adminToken
	// expiresInHours says (PUT /api/v3/network-settings/security-configs); without it, it
	// does not expire and the answer has no expiresAt.
	s.route("POST /api/v1/admin-token", authAdmin, func(c *request) error {
		ns := c.st.ns4116()
		now := c.now()
		ns.admin = adminTokenState{current: randomToken("amadm_"), issuedAt: now}
		if d := ns.adminTokenLifetime(); d > 0 {
			ns.admin.expiresAt = now.Add(d)
		}
		return c.ok(adminTokenJSON{AdminToken: ns.admin.current, IssuedAt: ts(now), ExpiresAt: tsPtr(ns.admin.expiresAt)})
	})
}
