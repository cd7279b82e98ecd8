package amity

// This file is the read-only sessions of spec 4.116.1: bot sessions for search engine
// crawlers and visitor sessions for signed-out readers (POST /api/v5/sessions/bot and
// /visitor).

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// RegisterBotParams is the body of a bot session registration.
type RegisterBotParams struct {
	// DeviceID (required, 1–150 characters) identifies the crawler's device.
	DeviceID string `json:"deviceId"`
	// DeviceInfo is optional (model at most 300 characters here).
	DeviceInfo *DeviceInfo `json:"deviceInfo,omitempty"`
}

// RegisterVisitorParams is the body of a visitor session registration.
type RegisterVisitorParams struct {
	// DeviceID (required, 1–150 characters) identifies the visitor's device.
	DeviceID string `json:"deviceId"`
	// DeviceInfo is optional (model at most 300 characters here).
	DeviceInfo *DeviceInfo `json:"deviceInfo,omitempty"`
	// AuthSignature (64 characters) and AuthSignatureExpiresAt, from the caller's backend,
	// are required when the network is in secure mode.
	AuthSignature          Secret    `json:"-"`
	AuthSignatureExpiresAt time.Time `json:"-"`
}

// MarshalJSON encodes the registration body, auth signature included (a Secret alone
// encodes as "[redacted]").
func (p RegisterVisitorParams) MarshalJSON() ([]byte, error) {
	type wire RegisterVisitorParams
	body := struct {
		wire
		AuthSignature          string `json:"authSignature,omitempty"`
		AuthSignatureExpiresAt string `json:"authSignatureExpiresAt,omitempty"`
	}{wire: wire(p), AuthSignature: string(p.AuthSignature)}
	if !p.AuthSignatureExpiresAt.IsZero() {
		body.AuthSignatureExpiresAt = p.AuthSignatureExpiresAt.UTC().Format(time.RFC3339Nano)
	}
	return json.Marshal(body)
}

// Format formats the params with the auth signature redacted.
func (p RegisterVisitorParams) Format(f fmt.State, verb rune) {
	type plain RegisterVisitorParams
	p.AuthSignature = "[redacted]"
	formatAs(f, verb, plain(p), "amity.RegisterVisitorParams")
}

// LogValue logs the params without the auth signature.
func (p RegisterVisitorParams) LogValue() slog.Value {
	return slog.GroupValue(slog.String("deviceId", p.DeviceID), slog.String("authSignature", "[redacted]"))
}

// checkDevice checks the device of a read-only session registration.
func checkDevice(op, deviceID string, di *DeviceInfo) error {
	if strings.TrimSpace(deviceID) == "" || len(deviceID) > 150 {
		return &ValidationError{Op: op, Field: "DeviceID", Reason: "must be 1 to 150 characters"}
	}
	if di != nil && (len(di.Model) > 300 || len(di.SDKVersion) > 30) {
		return &ValidationError{Op: op, Field: "DeviceInfo", Reason: "model must be at most 300 and sdkVersion 30 characters"}
	}
	return nil
}

// RegisterBot registers a bot session, read-only access for a search engine crawler, and
// returns its access token (redacted when printed, logged or encoded). POST
// /api/v5/sessions/bot, with the API key. The session's user is the network's bot user
// (SessionPayload.Users). Not retried after it may have reached the server (each call
// issues a token).
func (s *SessionsService) RegisterBot(ctx context.Context, params *RegisterBotParams, opts ...CallOption) (*SessionPayload, error) {
	const op = "Sessions.RegisterBot"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := checkDevice(op, params.DeviceID, params.DeviceInfo); err != nil {
		return nil, err
	}
	return call[SessionPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v5/sessions/bot", body: params, auth: authKeyOnly, opts: opts})
}

// RegisterVisitor registers a visitor session, read-only access to public content for a
// signed-out reader, and returns its access token (redacted when printed, logged or
// encoded). POST /api/v5/sessions/visitor, with the API key. A visitor cannot write
// (post, comment, react, ...). Not retried after it may have reached the server (each call
// issues a token).
func (s *SessionsService) RegisterVisitor(ctx context.Context, params *RegisterVisitorParams, opts ...CallOption) (*SessionPayload, error) {
	const op = "Sessions.RegisterVisitor"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := checkDevice(op, params.DeviceID, params.DeviceInfo); err != nil {
		return nil, err
	}
	if sig := params.AuthSignature; sig != "" && len(sig) != 64 {
		return nil, &ValidationError{Op: op, Field: "AuthSignature", Reason: "must be 64 characters"}
	}
	if params.AuthSignature == "" && !params.AuthSignatureExpiresAt.IsZero() {
		return nil, &ValidationError{Op: op, Field: "AuthSignatureExpiresAt", Reason: "is sent only with AuthSignature"}
	}
	return call[SessionPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v5/sessions/visitor", body: params, auth: authKeyOnly,
		opts: opts, carried: []Secret{params.AuthSignature}})
}
