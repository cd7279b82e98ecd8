package amitytest

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestPresenceHeartbeats(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now), WithoutRateLimit())
	alice, bob, admin := srv.UserToken("alice"), srv.UserToken("bob"), srv.AdminToken()

	m := ok(t, call(t, srv, alice, "GET", "/api/v1/presence/settings", nil))
	assert.Equal(t, false, m["user"].(map[string]any)["enabled"], "presence is off for a user until turned on")
	assert.Equal(t, 30.0, m["network"].(map[string]any)["heartbeatInterval"])
	// A user with presence off is refused.
	assert.Equal(t, 400300, call(t, srv, alice, "POST", "/api/v1/presence/heartbeat", nil).code(t))
	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "GET", "/api/v1/presence/network/users", nil).status)

	for _, tok := range []string{alice, bob} {
		m = ok(t, call(t, srv, tok, "PUT", "/api/v1/presence/settings/user", map[string]any{"enabled": true}))
		assert.Equal(t, true, m["enabled"])
	}
	assert.NotEmpty(t, ok(t, call(t, srv, alice, "GET", "/api/v1/presence/settings", nil))["user"].(map[string]any)["enabledAt"])
	r := call(t, srv, alice, "POST", "/api/v1/presence/heartbeat", nil)
	assert.Equal(t, http.StatusAccepted, r.status)
	assert.Equal(t, true, r.obj(t)["success"])
	clock.Advance(10 * time.Second)
	assert.Equal(t, http.StatusAccepted, call(t, srv, bob, "POST", "/api/v1/presence/heartbeat", nil).status)

	m = ok(t, call(t, srv, admin, "GET", "/api/v1/presence/network/users?orderBy=asc", nil))
	assert.Equal(t, []string{"alice", "bob"}, ids(list(t, m, "presences"), "userId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/presence/network/users", nil))
	assert.Equal(t, []string{"bob", "alice"}, ids(list(t, m, "presences"), "userId"))
	assert.Equal(t, 2.0, ok(t, call(t, srv, admin, "GET", "/api/v1/presence/network/users/count", nil))["count"])
	assert.Equal(t, []string{"alice", "bob"}, srv.OnlineUsers())

	// Alice stops sending heartbeats: a minute later she is offline, bob still online.
	clock.Advance(55 * time.Second)
	assert.Equal(t, http.StatusAccepted, call(t, srv, bob, "POST", "/api/v1/presence/heartbeat", nil).status)
	m = ok(t, call(t, srv, admin, "GET", "/api/v1/presence/network/users", nil))
	assert.Equal(t, []string{"bob"}, ids(list(t, m, "presences"), "userId"))
	assert.Equal(t, 1.0, ok(t, call(t, srv, admin, "GET", "/api/v1/presence/network/users/count", nil))["count"])
	// Her last heartbeat is still reported.
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/presence/users/list?userIds=alice&userIds=bob&userIds=ghost", nil))
	assert.Equal(t, []string{"alice", "bob"}, ids(list(t, m, "presences"), "userId"))

	// Turning presence off hides the user.
	ok(t, call(t, srv, bob, "PUT", "/api/v1/presence/settings/user", map[string]any{"enabled": false}))
	assert.Equal(t, 0.0, ok(t, call(t, srv, admin, "GET", "/api/v1/presence/network/users/count", nil))["count"])
	assert.Equal(t, 400000, call(t, srv, admin, "GET", "/api/v1/presence/users/list", nil).code(t))
	assert.Equal(t, 400000, call(t, srv, alice, "PUT", "/api/v1/presence/settings/user", map[string]any{}).code(t))
}
