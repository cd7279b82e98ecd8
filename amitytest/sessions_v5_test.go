package amitytest

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// Bot and visitor sessions give a user of the device a token that reads like any other and
// is refused every write but its own revocation.
func TestGuestSessions(t *testing.T) {
	srv := newServer(t)
	alice := srv.UserToken("alice")
	comm := createCommunity(t, srv, alice, map[string]any{"displayName": "Open", "isPublic": true})
	post := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "public"}, "targetType": "community", "targetId": comm}))
	register := func(kind, deviceID string) map[string]any {
		t.Helper()
		return ok(t, call(t, srv, "", "POST", "/api/v5/sessions/"+kind, map[string]any{"deviceId": deviceID,
			"deviceInfo": map[string]any{"kind": "web", "model": "crawler"}}, "x-api-key", srv.APIKey()))
	}
	for _, kind := range []string{"bot", "visitor"} {
		m := register(kind, "device-1")
		assert.Equal(t, kind, m["userType"])
		user := list(t, m, "users")[0]["userId"].(string)
		assert.True(t, strings.HasPrefix(user, kind+"-"), user)
		assert.Equal(t, user, list(t, register(kind, "device-1"), "users")[0]["userId"], "the same device, the same user")
		tok := register(kind, "device-1")["accessToken"].(string)
		assert.Equal(t, []string{post}, ids(list(t, ok(t, call(t, srv, tok, "GET", "/api/v4/posts?targetType=community&targetId="+comm, nil)), "posts"), "postId"))
		call(t, srv, tok, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "spam"}}).isError(t, http.StatusForbidden, codePermission)
		call(t, srv, tok, "POST", "/api/v3/communities/"+comm+"/join", nil).isError(t, http.StatusForbidden, codePermission)
		deleted(t, call(t, srv, tok, "DELETE", "/api/v4/sessions", nil))
		assert.Equal(t, http.StatusUnauthorized, call(t, srv, tok, "GET", "/api/v3/posts/"+post, nil).status, "revoked")
	}
	call(t, srv, "", "POST", "/api/v5/sessions/bot", map[string]any{"deviceId": "d"}).isError(t, http.StatusUnauthorized, codeUnauthorized)
	r := call(t, srv, "", "POST", "/api/v5/sessions/visitor", map[string]any{"deviceId": ""}, "x-api-key", srv.APIKey())
	assert.Equal(t, http.StatusUnprocessableEntity, r.status)
	call(t, srv, "", "POST", "/api/v5/sessions/bot", map[string]any{"deviceId": "d", "deviceInfo": map[string]any{"kind": "tv"}}, "x-api-key", srv.APIKey()).
		isError(t, http.StatusBadRequest, codeBadRequest)
}

// In secure mode a visitor needs an unexpired signature of 64 characters.
func TestVisitorSessionsInSecureMode(t *testing.T) {
	clock := newFakeClock()
	srv := newServer(t, WithServerKey("server-key"), WithClock(clock.Now))
	visitor := func(body map[string]any) resp {
		body["deviceId"] = "browser-1"
		return call(t, srv, "", "POST", "/api/v5/sessions/visitor", body, "x-api-key", srv.APIKey())
	}
	sig := strings.Repeat("ab", 32)
	expires := clock.Now().Add(time.Minute).Format(time.RFC3339)
	visitor(map[string]any{}).isError(t, http.StatusUnauthorized, codeUnauthorized)
	visitor(map[string]any{"authSignature": "short", "authSignatureExpiresAt": expires}).isError(t, http.StatusUnauthorized, codeUnauthorized)
	visitor(map[string]any{"authSignature": sig, "authSignatureExpiresAt": clock.Now().Add(-time.Minute).Format(time.RFC3339)}).
		isError(t, http.StatusUnauthorized, codeUnauthorized)
	m := ok(t, visitor(map[string]any{"authSignature": sig, "authSignatureExpiresAt": expires}))
	assert.NotEmpty(t, m["accessToken"])
	assert.NotEmpty(t, ok(t, call(t, srv, "", "POST", "/api/v5/sessions/bot", map[string]any{"deviceId": "b"}, "x-api-key", srv.APIKey()))["accessToken"],
		"a bot needs no signature")
}
