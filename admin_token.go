package amity

// This file is the admin token rotation, with the other auth calls on SessionsService.

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
)

// AdminTokenPayload is a new admin token and its lifetime. The token is a Secret: it prints,
// logs and encodes as [redacted], and Raw holds the answer with the token redacted too; use
// string(p.AdminToken) to store it.
type AdminTokenPayload struct {
	rawJSON
	// AdminToken is the new admin token.
	AdminToken Secret `json:"adminToken"`
	// IssuedAt is when it was issued.
	IssuedAt Time `json:"issuedAt"`
	// ExpiresAt is when it expires, after the network's admin-token lifetime
	// (NetworkSettings.GetSecurityConfigs); zero when the answer gives none.
	ExpiresAt Time `json:"expiresAt"`
}

// setRaw keeps the answer with the token redacted, so that logging Raw leaks nothing.
func (p *AdminTokenPayload) setRaw(b []byte) { p.Raw = redactMembers(b, "adminToken") }

// LogValue logs the payload without its token.
func (p AdminTokenPayload) LogValue() slog.Value {
	return slog.GroupValue(slog.String("adminToken", "[redacted]"), slog.Time("issuedAt", p.IssuedAt.Time), slog.Time("expiresAt", p.ExpiresAt.Time))
}

// Format formats the payload with its token redacted, whatever the verb.
func (p AdminTokenPayload) Format(f fmt.State, verb rune) {
	type plain AdminTokenPayload
	p.AdminToken = "[redacted]"
	formatAs(f, verb, plain(p), "amity.AdminTokenPayload")
}

// CreateAdminToken issues a new admin token with the client's admin token and returns it.
// POST /api/v1/admin-token. The API then invalidates the previous admin token, and the new
// one lives as long as the network's security settings say (AdminTokenSecurity). The client
// keeps sending the token it was built with: build a new one with
// WithAdminToken(string(p.AdminToken)) to go on. Not retried after it may have reached the
// server: a repeat would issue another token and invalidate this one.
func (s *SessionsService) CreateAdminToken(ctx context.Context, opts ...CallOption) (*AdminTokenPayload, error) {
	r := &request{op: "Sessions.CreateAdminToken", method: http.MethodPost, path: "/api/v1/admin-token", opts: opts}
	out, err := call[AdminTokenPayload](ctx, s.c, r)
	if err != nil {
		return nil, err
	}
	if out.AdminToken == "" {
		return nil, malformedAnswer(r, "the answer holds no admin token")
	}
	return out, nil
}
