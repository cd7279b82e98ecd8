package amity_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newAdminToken is the token of testdata/admin_token.json.
const newAdminToken = "adm-NEW-SECRET-7f3c9e1b"

func TestSessionsCreateAdminToken(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "CreateAdminToken", method: "POST", path: "/api/v1/admin-token", answer: fixture(t, "admin_token.json"),
			// The payload's Raw is the answer with the token redacted, so it is checked below
			// rather than by the harness's Raw rule.
			attempts: 1,
			empty:    `{"issuedAt":"2024-05-01T12:00:00.000Z"}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				p, err := c.Sessions.CreateAdminToken(ctx)
				return struct{ P *amity.AdminTokenPayload }{p}, err
			},
			check: func(t *testing.T, out any) {
				p := out.(struct{ P *amity.AdminTokenPayload }).P
				assert.Equal(t, newAdminToken, string(p.AdminToken))
				assert.Equal(t, atTime(t, "2024-05-01T12:00:00.000Z"), p.IssuedAt)
				assert.Equal(t, atTime(t, "2024-05-02T12:00:00.000Z"), p.ExpiresAt)
				assert.NotContains(t, string(p.Raw), newAdminToken, "Raw holds the token redacted")
				assert.Contains(t, string(p.Raw), `"adminToken":"[redacted]"`)
				assert.Contains(t, string(p.Raw), "adminTokenFutureField", "unknown fields stay in Raw")
			}},
	})
}

// The new admin token never leaves through fmt, slog or encoding/json, nested or not.
func TestAdminTokenNeverPrinted(t *testing.T) {
	c, mt := mockClient(t)
	record(t, mt, "POST", "/api/v1/admin-token", fixture(t, "admin_token.json"))
	p, err := c.Sessions.CreateAdminToken(context.Background())
	require.NoError(t, err)
	type holder struct {
		Name string
		V    amity.AdminTokenPayload
		P    *amity.AdminTokenPayload
	}
	values := map[string]any{"payload": *p, "*payload": p, "[]payload": []amity.AdminTokenPayload{*p}, "holder": holder{"h", *p, p},
		"*holder": &holder{"h", *p, p}, "map": map[string]*amity.AdminTokenPayload{"a": p}}
	for name, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%t", "%d", "%x", "%X"} {
			assert.NotContains(t, fmt.Sprintf(verb, v), newAdminToken, "%s with %s", name, verb)
		}
		var out testkit.SyncBuffer
		for _, h := range []slog.Handler{slog.NewJSONHandler(&out, nil), slog.NewTextHandler(&out, nil)} {
			slog.New(h).Info("rotated", "v", v)
			slog.New(h).Info("rotated", slog.Any("v", v), slog.Group("g", slog.Any("v", v)))
		}
		assert.NotContains(t, out.String(), newAdminToken, "%s through slog", name)
		j, err := json.Marshal(v)
		require.NoError(t, err)
		assert.NotContains(t, string(j), newAdminToken, "%s through encoding/json", name)
	}
	assert.Contains(t, fmt.Sprintf("%#v", *p), "amity.AdminTokenPayload{")
}

// An error answer that echoes the admin token the call was made with is redacted.
func TestCreateAdminTokenErrorRedactsTheToken(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusForbidden, fmt.Sprintf(`{"status":"error","code":400300,"message":"token %s may not rotate","data":{"auth":%q}}`,
			leakAdminToken, r.Header.Get("Authorization")))
	}))
	defer srv.Close()
	_, err := serverClient(t, srv.URL, amity.WithMaxRetries(0)).Sessions.CreateAdminToken(context.Background())
	var e *amity.Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, amity.ErrForbidden)
	assert.NotContains(t, err.Error(), leakAdminToken)
	assert.NotContains(t, string(e.Data), leakAdminToken)
	assert.Contains(t, e.Message, "[redacted]", "the echo is there, redacted")
}

// A user view is refused by the API (admin only); the SDK sends the user's token as any call.
func TestCreateAdminTokenSendsTheViewsToken(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	rec := record(t, mt, "POST", "/api/v1/admin-token", `{"status":"error","code":400300,"message":"Forbidden error."}`, http.StatusForbidden)
	_, err := u.Sessions.CreateAdminToken(context.Background())
	assert.ErrorIs(t, err, amity.ErrForbidden)
	assert.Equal(t, "Bearer user-tok", rec.only(t).Header.Get("Authorization"))
	assert.Empty(t, rec.only(t).Body)
}

func TestAdminTokenFixtureMatchesSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{"admin_token.json": {"POST", "/api/v1/admin-token"}})
}

// Against the fake: the rotated token replaces the client's, which the API then refuses; a
// client built with the new token goes on.
func TestCreateAdminTokenAgainstFake(t *testing.T) {
	ctx := context.Background()
	c, srv := fakeClient(t)
	_, err := c.NetworkSettings.UpdateSecurityConfigs(ctx, &amity.UpdateSecurityConfigsParams{AdminToken: &amity.AdminTokenSecurityParams{ExpiresInHours: amity.Ptr(24.0)}})
	require.NoError(t, err)
	p, err := c.Sessions.CreateAdminToken(ctx)
	require.NoError(t, err)
	assert.Equal(t, srv.AdminToken(), string(p.AdminToken))
	assert.Equal(t, 24*time.Hour, p.ExpiresAt.Sub(p.IssuedAt.Time))

	_, err = c.NetworkSettings.GetPushNotification(ctx)
	assert.ErrorIs(t, err, amity.ErrUnauthorized, "the old token is invalidated")
	next, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(string(p.AdminToken)))
	require.NoError(t, err)
	_, err = next.NetworkSettings.GetPushNotification(ctx)
	require.NoError(t, err)
}
