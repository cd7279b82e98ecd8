package amity_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSessionsV5FixtureMatchesSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"sessions_visitor.json": {"POST", "/api/v5/sessions/visitor"},
	})
}

func TestSessionsRegisterBot(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	rec := record(t, mt, "POST", "/api/v5/sessions/bot", fixture(t, "sessions_visitor.json"), 503, 200)
	params := &amity.RegisterBotParams{DeviceID: "googlebot-1", DeviceInfo: &amity.DeviceInfo{Kind: "web", Model: strings.Repeat("m", 300)}}
	_, err := c.Sessions.RegisterBot(ctx, params)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae, "a registration is not retried")
	require.Len(t, rec.all(), 1)

	sess, err := c.Sessions.RegisterBot(ctx, params)
	require.NoError(t, err)
	last := rec.last(t)
	assert.JSONEq(t, `{"deviceId":"googlebot-1","deviceInfo":{"kind":"web","model":"`+strings.Repeat("m", 300)+`"}}`, last.Body)
	assert.Equal(t, apiKey, last.Header.Get("X-API-Key"))
	assert.Empty(t, last.Header.Get("Authorization"), "registration carries the API key alone")
	assert.Equal(t, amity.Secret("visitor-SECRET-token"), sess.AccessToken)
	assert.Equal(t, atTime(t, "2024-05-31T12:00:00.000Z"), sess.ExpiresAt)
	require.Len(t, sess.Users, 1)
	assert.Equal(t, "visitor-7f3a", sess.Users[0].UserID)
	assert.NotContains(t, fmt.Sprintf("%v %+v %#v %s", sess, sess, sess, sess), "visitor-SECRET-token", "the token is redacted when printed")
}

func TestSessionsRegisterVisitor(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v5/sessions/visitor", fixture(t, "sessions_visitor.json"))
	sig := amity.Secret(strings.Repeat("5e", 32))
	params := &amity.RegisterVisitorParams{DeviceID: "browser-1", AuthSignature: sig,
		AuthSignatureExpiresAt: time.Date(2030, 1, 1, 1, 0, 0, 0, time.FixedZone("CET", 3600))}
	sess, err := c.Sessions.RegisterVisitor(context.Background(), params)
	require.NoError(t, err)
	assert.JSONEq(t, `{"deviceId":"browser-1","authSignature":"`+string(sig)+`","authSignatureExpiresAt":"2030-01-01T00:00:00Z"}`, rec.last(t).Body)
	assert.Equal(t, amity.Secret("visitor-SECRET-token"), sess.AccessToken)

	for _, s := range []string{fmt.Sprintf("%v", params), fmt.Sprintf("%+v", *params), fmt.Sprintf("%#v", params)} {
		assert.NotContains(t, s, string(sig), "the signature is redacted when printed")
	}
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("register", "params", *params)
	assert.NotContains(t, logs.String(), string(sig))
	assert.Contains(t, logs.String(), "browser-1")

	_, err = c.Sessions.RegisterVisitor(context.Background(), &amity.RegisterVisitorParams{DeviceID: "browser-2"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"deviceId":"browser-2"}`, rec.last(t).Body, "no signature, none sent")
}

// An error answer that echoes the registration body must not carry the auth signature.
func TestRegisterVisitorErrorRedactsTheSignature(t *testing.T) {
	sig := strings.Repeat("Zq", 32)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		writeJSON(w, http.StatusUnprocessableEntity, fmt.Sprintf(`{"status":"error","code":400000,"message":%q,"data":{"body":%s}}`, "bad: "+string(body), body))
	}))
	defer srv.Close()
	c := serverClient(t, srv.URL, amity.WithMaxRetries(0))
	_, err := c.Sessions.RegisterVisitor(context.Background(), &amity.RegisterVisitorParams{DeviceID: "d1", AuthSignature: amity.Secret(sig)})
	var e *amity.Error
	require.ErrorAs(t, err, &e)
	assert.NotContains(t, err.Error(), sig)
	assert.NotContains(t, string(e.Data), sig)
	assert.Contains(t, e.Message, "[redacted]", "the echo is there, redacted")
}

func TestSessionsV5BadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	bot := func(p *amity.RegisterBotParams) func() error {
		return func() error { return errOf(c.Sessions.RegisterBot(ctx, p)) }
	}
	visitor := func(p *amity.RegisterVisitorParams) func() error {
		return func() error { return errOf(c.Sessions.RegisterVisitor(ctx, p)) }
	}
	assertInvalidCases(t, map[string]invalidCase{
		"bot nil":           {"Sessions.RegisterBot: params", bot(nil)},
		"bot no device":     {"DeviceID", bot(&amity.RegisterBotParams{})},
		"bot long device":   {"DeviceID", bot(&amity.RegisterBotParams{DeviceID: longString(151)})},
		"bot long model":    {"DeviceInfo", bot(&amity.RegisterBotParams{DeviceID: "d", DeviceInfo: &amity.DeviceInfo{Model: longString(301)}})},
		"bot long sdk":      {"DeviceInfo", bot(&amity.RegisterBotParams{DeviceID: "d", DeviceInfo: &amity.DeviceInfo{SDKVersion: longString(31)}})},
		"visitor nil":       {"Sessions.RegisterVisitor: params", visitor(nil)},
		"visitor no device": {"DeviceID", visitor(&amity.RegisterVisitorParams{DeviceID: " "})},
		"short signature":   {"AuthSignature", visitor(&amity.RegisterVisitorParams{DeviceID: "d", AuthSignature: "abc"})},
		"expiry alone":      {"AuthSignatureExpiresAt", visitor(&amity.RegisterVisitorParams{DeviceID: "d", AuthSignatureExpiresAt: time.Now()})},
	})
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestSessionsV5WithoutAPIKey(t *testing.T) {
	c, err := amity.NewClient(amity.WithBaseURL(apiBase), amity.WithAdminToken(adminToken))
	require.NoError(t, err)
	_, err = c.Sessions.RegisterBot(context.Background(), &amity.RegisterBotParams{DeviceID: "d"})
	assertInvalid(t, err, "Sessions.RegisterBot: API key")
}
