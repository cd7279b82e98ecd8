package amitytest

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSessionRegistration(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))

	// Wrong API key.
	r := call(t, srv, "", "POST", "/api/v4/sessions", map[string]any{"userId": "u1", "deviceId": "d"}, "x-api-key", "bad")
	r.isError(t, http.StatusUnauthorized, 400100)
	// Missing deviceId.
	r = call(t, srv, "", "POST", "/api/v4/sessions", map[string]any{"userId": "u1"}, "x-api-key", srv.APIKey())
	r.isError(t, http.StatusBadRequest, 400000)

	r = call(t, srv, "", "POST", "/api/v4/sessions", map[string]any{
		"userId": "u1", "deviceId": "d1", "displayName": "User One",
		"deviceInfo": map[string]any{"kind": "node", "model": "ci", "sdkVersion": "1.0"},
	}, "x-api-key", srv.APIKey())
	m := ok(t, r)
	tok := m["accessToken"].(string)
	assert.NotEmpty(t, m["refreshToken"])
	issued, err := time.Parse(time.RFC3339, m["issuedAt"].(string))
	require.NoError(t, err)
	expires, err := time.Parse(time.RFC3339, m["expiresAt"].(string))
	require.NoError(t, err)
	assert.Equal(t, clock.Now(), issued)
	assert.Equal(t, 30*24*time.Hour, expires.Sub(issued))
	users := list(t, m, "users")
	require.Len(t, users, 1)
	assert.Equal(t, "u1", users[0]["userId"])
	assert.Equal(t, "User One", users[0]["displayName"])
	assert.NotNil(t, m["files"])

	// The token works, and the unknown user has been created.
	me := ok(t, call(t, srv, tok, "GET", "/api/v3/users/u1", nil))
	assert.Equal(t, "User One", list(t, me, "users")[0]["displayName"])

	// Tokens expire after 30 days.
	clock.Advance(30*24*time.Hour + time.Second)
	r = call(t, srv, tok, "GET", "/api/v3/sessions", nil)
	assert.Equal(t, http.StatusUnauthorized, r.status)
}

// TestSessionRegistrationV5: POST /api/v5/sessions, the current registration (spec 4.116.1),
// answers the user's roles and userType instead of a refresh token, takes a profile handle
// and a longer device model, and refuses reserved user ID prefixes; v4 refuses what v5 adds.
func TestSessionRegistrationV5(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin := srv.AdminToken()
	register := func(version string, body map[string]any) resp {
		return call(t, srv, "", "POST", "/api/"+version+"/sessions", body, "x-api-key", srv.APIKey())
	}
	ok(t, register("v5", map[string]any{"userId": "u5", "deviceId": "d1"}))
	ok(t, call(t, srv, admin, "POST", "/api/v3/roles", map[string]any{"roleId": "editor", "displayName": "Editor", "permissions": []string{"EDIT_USER"}}))
	ok(t, call(t, srv, admin, "PUT", "/api/v3/users", map[string]any{"userId": "u5", "roles": []string{"editor"}}))

	model := strings.Repeat("m", 300)
	m := ok(t, register("v5", map[string]any{"userId": "u5", "deviceId": "d1", "profileHandle": "u.five",
		"deviceInfo": map[string]any{"kind": "web", "model": model}}))
	assert.NotEmpty(t, m["accessToken"])
	assert.NotContains(t, m, "refreshToken", "v5 answers no refresh token")
	assert.Equal(t, "signed-in", m["userType"])
	users := list(t, m, "users")
	require.Len(t, users, 1)
	assert.Equal(t, "u.five", users[0]["profileHandle"])
	assert.Equal(t, []string{"editor"}, ids(list(t, m, "roles"), "roleId"))
	me := ok(t, call(t, srv, m["accessToken"].(string), "GET", "/api/v3/users/u5", nil))
	assert.Equal(t, "u.five", list(t, me, "users")[0]["profileHandle"], "the handle is stored")

	for _, id := range []string{"ADMIN_x", "DELETED_y"} {
		register("v5", map[string]any{"userId": id, "deviceId": "d"}).isError(t, http.StatusBadRequest, 400000)
	}
	register("v5", map[string]any{"userId": "u5", "deviceId": "d", "deviceInfo": map[string]any{"model": model + "m"}}).isError(t, http.StatusBadRequest, 400000)

	// v4: a refresh token, no roles; no profile handle, a model of at most 100 characters.
	m = ok(t, register("v4", map[string]any{"userId": "u5", "deviceId": "d2"}))
	assert.NotEmpty(t, m["refreshToken"])
	assert.NotContains(t, m, "userType")
	register("v4", map[string]any{"userId": "u5", "deviceId": "d", "profileHandle": "h"}).isError(t, http.StatusBadRequest, 400000)
	register("v4", map[string]any{"userId": "u5", "deviceId": "d", "deviceInfo": map[string]any{"model": strings.Repeat("m", 101)}}).isError(t, http.StatusBadRequest, 400000)
}

func TestNewSessionOnSameDeviceInvalidatesOldToken(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	first := register(t, srv, "bob", "phone")
	other := register(t, srv, "bob", "laptop")
	second := register(t, srv, "bob", "phone")
	assert.NotEqual(t, first, second)

	r := call(t, srv, first, "GET", "/api/v3/sessions", nil)
	r.isError(t, http.StatusUnauthorized, 400100)
	ok(t, call(t, srv, second, "GET", "/api/v3/sessions", nil))
	ok(t, call(t, srv, other, "GET", "/api/v3/sessions", nil))
}

func TestRevokeSessions(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	a1 := register(t, srv, "carol", "d1")
	a2 := register(t, srv, "carol", "d2")
	b := register(t, srv, "dave", "d1")

	// A user revokes their own token only.
	m := ok(t, call(t, srv, a1, "DELETE", "/api/v4/sessions", nil))
	assert.Equal(t, true, m["success"])
	assert.Equal(t, http.StatusUnauthorized, call(t, srv, a1, "GET", "/api/v3/sessions", nil).status)
	ok(t, call(t, srv, a2, "GET", "/api/v3/sessions", nil))

	// Only the admin may revoke another user's tokens.
	r := call(t, srv, b, "DELETE", "/api/v4/sessions?userId=carol", nil)
	assert.Equal(t, http.StatusForbidden, r.status)
	ok(t, call(t, srv, srv.AdminToken(), "DELETE", "/api/v4/sessions?userId=carol", nil))
	assert.Equal(t, http.StatusUnauthorized, call(t, srv, a2, "GET", "/api/v3/sessions", nil).status)

	// DELETE /api/v4/sessions/users/{userId}.
	ok(t, call(t, srv, srv.AdminToken(), "DELETE", "/api/v4/sessions/users/dave", nil))
	assert.Equal(t, http.StatusUnauthorized, call(t, srv, b, "GET", "/api/v3/sessions", nil).status)
	r = call(t, srv, srv.AdminToken(), "DELETE", "/api/v4/sessions/users/nobody", nil)
	r.isError(t, http.StatusNotFound, 400400)
}

func TestSecureMode(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithServerKey("server-key"), WithClock(clock.Now))
	reg := func(body map[string]any) resp {
		return call(t, srv, "", "POST", "/api/v4/sessions", body, "x-api-key", srv.APIKey())
	}

	// Without an auth token registration is refused.
	r := reg(map[string]any{"userId": "erin", "deviceId": "d"})
	r.isError(t, http.StatusUnauthorized, 400100)

	// A bad server key gets 401 text/plain.
	r = call(t, srv, "", "POST", "/api/v4/authentication/token", map[string]any{"userId": "erin"}, "x-server-key", "wrong")
	assert.Equal(t, http.StatusUnauthorized, r.status)
	assert.Contains(t, r.header.Get("Content-Type"), "text/plain")

	r = call(t, srv, "", "POST", "/api/v4/authentication/token", map[string]any{"userId": "erin"}, "x-server-key", "server-key")
	require.Equal(t, http.StatusOK, r.status)
	assert.Contains(t, r.header.Get("Content-Type"), "text/plain")
	authToken := string(r.body)
	require.NotEmpty(t, authToken)

	// The token is bound to its user.
	r = reg(map[string]any{"userId": "frank", "deviceId": "d", "authToken": authToken})
	assert.Equal(t, http.StatusUnauthorized, r.status)
	ok(t, reg(map[string]any{"userId": "erin", "deviceId": "d", "authToken": authToken}))

	// The v3 variant answers a JSON string.
	r = call(t, srv, "", "GET", "/api/v3/authentication/token?userId=frank", nil, "x-server-key", "server-key")
	require.Equal(t, http.StatusOK, r.status)
	var v3 string
	require.NoError(t, jsonUnmarshal(r.body, &v3))
	ok(t, reg(map[string]any{"userId": "frank", "deviceId": "d", "authToken": v3}))

	// Auth tokens expire after 10 minutes.
	clock.Advance(10*time.Minute + time.Second)
	r = reg(map[string]any{"userId": "erin", "deviceId": "d2", "authToken": authToken})
	assert.Equal(t, http.StatusUnauthorized, r.status)

	// Outside secure mode the auth token endpoint is forbidden.
	plain := newServer(t)
	r = call(t, plain, "", "POST", "/api/v4/authentication/token", map[string]any{"userId": "x"}, "x-server-key", "k")
	assert.Equal(t, http.StatusForbidden, r.status)
}

// TestSessionRegistrationV3 registers through the deprecated POST
// /api/v3/sessions, which answers as POST /api/v4/sessions does: the token
// works, a display name updates the user, and a wrong API key or a bad
// device kind is refused.
func TestSessionRegistrationV3(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	body := map[string]any{
		"userId": "v3user", "deviceId": "d1", "displayName": "V3 User",
		"deviceInfo": map[string]any{"kind": "web", "model": "browser", "sdkVersion": "1.0"},
	}
	m := ok(t, call(t, srv, "", "POST", "/api/v3/sessions", body, "x-api-key", srv.APIKey()))
	token, _ := m["accessToken"].(string)
	require.NotEmpty(t, token)
	require.Equal(t, []string{"v3user"}, ids(list(t, m, "users"), "userId"))
	require.Equal(t, "V3 User", list(t, m, "users")[0]["displayName"])
	ok(t, call(t, srv, token, "GET", "/api/v3/sessions", nil))

	body["displayName"] = "Renamed"
	m = ok(t, call(t, srv, "", "POST", "/api/v3/sessions", body, "x-api-key", srv.APIKey()))
	require.Equal(t, "Renamed", list(t, m, "users")[0]["displayName"])

	r := call(t, srv, "", "POST", "/api/v3/sessions", body, "x-api-key", "wrong")
	require.Equal(t, http.StatusUnauthorized, r.status, "body: %s", r.body)
	body["deviceInfo"] = map[string]any{"kind": "toaster"}
	r = call(t, srv, "", "POST", "/api/v3/sessions", body, "x-api-key", srv.APIKey())
	require.Equal(t, http.StatusBadRequest, r.status, "body: %s", r.body)
}
