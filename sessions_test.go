package amity_test

import (
	"context"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSessionsRegister(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("POST", "/api/v5/sessions", fixture(t, "users_session_v5.json"), 503, 200)
	_, err := c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: "alice", DeviceID: "d1", DisplayName: "Alice",
		AuthToken: "at-SECRET", DeviceInfo: &amity.DeviceInfo{Kind: "node"}}, amity.WithCallHeader("X-Trace", "t1"))
	var ae *amity.Error
	require.ErrorAs(t, err, &ae, "a registration is not retried")
	assert.Equal(t, 503, ae.StatusCode)
	require.Len(t, rec.all(), 1)

	// The current registration is v5 (spec 4.116.1; the API's own clients use it).
	rec2 := record(t, mt, "POST", "/api/v5/sessions", fixture(t, "users_session_v5.json"))
	sess, err := c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: "alice", DeviceID: "d1", DisplayName: "Alice",
		ProfileHandle: "alice.h", AuthToken: "at-SECRET", DeviceInfo: &amity.DeviceInfo{Kind: "node", Model: strings.Repeat("m", 300)}},
		amity.WithCallHeader("X-Trace", "t1"))
	require.NoError(t, err)
	last := rec2.last(t)
	assert.JSONEq(t, `{"userId":"alice","deviceId":"d1","displayName":"Alice","profileHandle":"alice.h","authToken":"at-SECRET",
		"deviceInfo":{"kind":"node","model":"`+strings.Repeat("m", 300)+`"}}`, last.Body)
	assert.Equal(t, apiKey, last.Header.Get("X-API-Key"))
	assert.Empty(t, last.Header.Get("Authorization"), "registration carries the API key alone")
	assert.Equal(t, "t1", last.Header.Get("X-Trace"))
	assert.Equal(t, amity.Secret("acc-SECRET-tok5"), sess.AccessToken)
	assert.Empty(t, sess.RefreshToken, "v5 sends no refresh token")
	assert.Equal(t, atTime(t, "2024-05-31T10:00:00.000Z"), sess.ExpiresAt)
	assert.Equal(t, "2024-04-30T00:00:00.000Z", sess.LastCachePurge)
	assert.Equal(t, amity.SessionUserSignedIn, sess.UserType)
	require.Len(t, sess.Users, 1)
	assert.Equal(t, "alice", sess.Users[0].UserID)
	assert.Len(t, sess.Files, 1)
	require.NotNil(t, sess.RoleByID("moderator"))
	assert.True(t, sess.RoleByID("moderator").Grants(amity.Permission("BAN_USER")))
	assert.Nil(t, sess.RoleByID("admin"))
}

// TestSessionsV4Register: the older v4 registration answers a refresh token and no roles.
func TestSessionsV4Register(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("POST", "/api/v4/sessions", fixture(t, "users_session.json"), 503, 200)
	_, err := c.Sessions.V4.Register(ctx, &amity.RegisterSessionParams{UserID: "alice", DeviceID: "d1"})
	var ae *amity.Error
	require.ErrorAs(t, err, &ae, "a registration is not retried")
	require.Len(t, rec.all(), 1)

	sess, err := c.Sessions.V4.Register(ctx, &amity.RegisterSessionParams{UserID: "alice", DeviceID: "d1", DisplayName: "Alice",
		AuthToken: "at-SECRET", DeviceInfo: &amity.DeviceInfo{Kind: "node"}})
	require.NoError(t, err)
	last := rec.last(t)
	assert.Equal(t, "/api/v4/sessions", last.Path)
	assert.JSONEq(t, `{"userId":"alice","deviceId":"d1","displayName":"Alice","authToken":"at-SECRET","deviceInfo":{"kind":"node"}}`, last.Body)
	assert.Equal(t, apiKey, last.Header.Get("X-API-Key"))
	assert.Equal(t, amity.Secret("acc-SECRET-tok"), sess.AccessToken)
	assert.Equal(t, amity.Secret("ref-SECRET-tok"), sess.RefreshToken)
	assert.Empty(t, sess.Roles)
}

func TestSessionsV3Register(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v3/sessions", "")
	sess, err := c.Sessions.V3.Register(context.Background(), &amity.RegisterSessionParams{UserID: "alice", DeviceID: "d1"})
	require.NoError(t, err, "the v3 answer is not described: an empty one is not an error")
	assert.Empty(t, sess.AccessToken)
	assert.Equal(t, "/api/v3/sessions", rec.last(t).Path)
	assert.Equal(t, apiKey, rec.last(t).Header.Get("X-API-Key"))
}

func TestSessionsAuthTokens(t *testing.T) {
	c, mt := mockClient(t, amity.WithServerKey(serverKey))
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("POST", "/api/v4/authentication/token", `"tok-SECRET"`)
	rec.route("GET", "/api/v3/authentication/token", `tok-v3`)

	tok, err := c.Sessions.CreateAuthToken(ctx, "alice")
	require.NoError(t, err)
	assert.Equal(t, amity.Secret("tok-SECRET"), tok)
	last := rec.last(t)
	assert.JSONEq(t, `{"userId":"alice"}`, last.Body)
	assert.Equal(t, serverKey, last.Header.Get("X-Server-Key"))
	assert.Empty(t, last.Header.Get("X-API-Key"))

	tok, err = c.Sessions.V3.GetAuthToken(ctx, "alice", amity.WithCallHeader("X-Trace", "t"))
	require.NoError(t, err)
	assert.Equal(t, amity.Secret("tok-v3"), tok)
	assert.Equal(t, "userId=alice", rec.last(t).Query)
	assert.Equal(t, "t", rec.last(t).Header.Get("X-Trace"))

	n := len(rec.all())
	_, err = c.Sessions.CreateAuthToken(ctx, " ")
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	_, err = c.Sessions.V3.GetAuthToken(ctx, strings.Repeat("u", 101))
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	assert.Len(t, rec.all(), n, "bad input sends nothing")
}

func TestSessionsVerify(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v3/sessions", `{"lastCachePurge":"2024-05-01T00:00:00.000Z","more":1}`)
	st, err := c.Sessions.GetStatus(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "2024-05-01T00:00:00.000Z", st.LastCachePurge)
	assert.Contains(t, string(st.Raw), `"more"`)
	assert.Equal(t, "GET", rec.last(t).Method)
}

func TestSessionsRevoke(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("DELETE", "/api/v4/sessions", `{"success":true}`)
	rec.route("DELETE", "/api/v4/sessions/users/bob", `{"success":true}`, 502, 200)

	require.NoError(t, u.Sessions.Revoke(ctx))
	assert.Equal(t, "Bearer user-tok", rec.last(t).Header.Get("Authorization"))

	require.NoError(t, c.Sessions.RevokeUser(ctx, "bob", &amity.RevokeUserParams{IsPublic: amity.Ptr(false)}))
	assert.Equal(t, "isPublic=false", rec.last(t).Query)
	assert.Len(t, rec.all(), 3, "a revocation is idempotent: retried after a 502")

	require.NoError(t, c.Sessions.RevokeUserByQuery(ctx, "bob", nil))
	assert.Equal(t, "userId=bob", rec.last(t).Query)

	n := len(rec.all())
	assert.ErrorIs(t, c.Sessions.RevokeUser(ctx, "..", nil), amity.ErrInvalidArgument)
	assert.ErrorIs(t, c.Sessions.RevokeUserByQuery(ctx, strings.Repeat("u", 51), nil), amity.ErrInvalidArgument)
	assert.Len(t, rec.all(), n, "bad input sends nothing")
}

func TestSessionsUnsuccessful(t *testing.T) {
	c, mt := mockClient(t, amity.WithMaxRetries(0))
	ctx := context.Background()
	mt.RegisterResponder("DELETE", "https://api.test/api/v4/sessions/users/bob", jsonResponder(200, `{"success":false}`))
	mt.RegisterResponder("DELETE", "https://api.test/api/v4/sessions", jsonResponder(200, `{"success":false}`))
	assert.ErrorIs(t, c.Sessions.RevokeUser(ctx, "bob", nil), amity.ErrUnsuccessful)
	assert.ErrorIs(t, c.Sessions.RevokeUserByQuery(ctx, "bob", nil), amity.ErrUnsuccessful)
	assert.ErrorIs(t, c.Sessions.Revoke(ctx), amity.ErrUnsuccessful)
}

func TestSessionsRegisterBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	cases := map[string]struct {
		params *amity.RegisterSessionParams
		field  string
	}{
		"nil":         {nil, "params"},
		"no user":     {&amity.RegisterSessionParams{DeviceID: "d"}, "UserID"},
		"long user":   {&amity.RegisterSessionParams{UserID: strings.Repeat("u", 51), DeviceID: "d"}, "UserID"},
		"no device":   {&amity.RegisterSessionParams{UserID: "u", DeviceID: " "}, "DeviceID"},
		"long device": {&amity.RegisterSessionParams{UserID: "u", DeviceID: strings.Repeat("d", 151)}, "DeviceID"},
		"long name":   {&amity.RegisterSessionParams{UserID: "u", DeviceID: "d", DisplayName: strings.Repeat("n", 101)}, "DisplayName"},
		"long token":  {&amity.RegisterSessionParams{UserID: "u", DeviceID: "d", AuthToken: amity.Secret(strings.Repeat("t", 101))}, "AuthToken"},
		"long model":  {&amity.RegisterSessionParams{UserID: "u", DeviceID: "d", DeviceInfo: &amity.DeviceInfo{Model: strings.Repeat("m", 301)}}, "DeviceInfo"},
		"long sdk":    {&amity.RegisterSessionParams{UserID: "u", DeviceID: "d", DeviceInfo: &amity.DeviceInfo{SDKVersion: strings.Repeat("s", 31)}}, "DeviceInfo"},
		"long handle": {&amity.RegisterSessionParams{UserID: "u", DeviceID: "d", ProfileHandle: strings.Repeat("h", 101)}, "ProfileHandle"},
	}
	for name, tc := range cases {
		for _, register := range []func(context.Context, *amity.RegisterSessionParams, ...amity.CallOption) (*amity.SessionPayload, error){
			c.Sessions.Register, c.Sessions.V4.Register, c.Sessions.V3.Register,
		} {
			_, err := register(ctx, tc.params)
			assertInvalid(t, err, tc.field, name)
		}
	}
	// The older registrations take a shorter device model and no profile handle.
	older := map[string]struct {
		params *amity.RegisterSessionParams
		field  string
	}{
		"v4 model":  {&amity.RegisterSessionParams{UserID: "u", DeviceID: "d", DeviceInfo: &amity.DeviceInfo{Model: strings.Repeat("m", 101)}}, "DeviceInfo"},
		"v4 handle": {&amity.RegisterSessionParams{UserID: "u", DeviceID: "d", ProfileHandle: "h"}, "ProfileHandle"},
	}
	for name, tc := range older {
		_, err := c.Sessions.V4.Register(ctx, tc.params)
		assertInvalid(t, err, "Sessions.V4.Register: "+tc.field, name)
		_, err = c.Sessions.V3.Register(ctx, tc.params)
		assertInvalid(t, err, "Sessions.V3.Register: "+tc.field, name)
	}
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

// TestSessionsUnknownEnumsAreSent: a device kind the SDK does not know is sent as given.
func TestSessionsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"device kind", func(ctx context.Context, c *amity.Client) error {
			_, err := c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: "u", DeviceID: "d", DeviceInfo: &amity.DeviceInfo{Kind: "tv"}})
			return err
		}, []string{`"kind":"tv"`}},
	})
}
