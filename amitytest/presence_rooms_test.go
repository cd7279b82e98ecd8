package amitytest

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoomPresenceCountsHeartbeats(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now), WithoutRateLimit())
	alice, bob, carol, admin := srv.UserToken("alice"), srv.UserToken("bob"), srv.UserToken("carol"), srv.AdminToken()
	id := createRoom(t, srv, alice, map[string]any{"title": "Show"})["roomId"].(string)
	other := createRoom(t, srv, alice, map[string]any{"title": "Other"})["roomId"].(string)
	beat := func(tok, room string) resp {
		return call(t, srv, tok, "POST", "/api/v1/presence/rooms/"+room+"/heartbeat", nil)
	}
	count := func(room string) float64 {
		return ok(t, call(t, srv, admin, "GET", "/api/v1/presence/rooms/"+room+"/users/count", nil))["count"].(float64)
	}

	r := beat(bob, id)
	assert.Equal(t, http.StatusAccepted, r.status)
	assert.Equal(t, true, r.obj(t)["success"])
	assert.Equal(t, http.StatusForbidden, beat(admin, id).status, "only users send heartbeats")
	assert.Equal(t, http.StatusNotFound, beat(bob, "nope").status)
	clock.Advance(10 * time.Second)
	assert.Equal(t, http.StatusAccepted, beat(carol, id).status)
	assert.Equal(t, http.StatusAccepted, beat(carol, other).status)

	assert.Equal(t, 2.0, count(id), "heartbeats are counted per room")
	assert.Equal(t, 1.0, count(other))
	m := ok(t, call(t, srv, bob, "GET", "/api/v1/presence/rooms/"+id+"/users/count", nil))
	assert.Equal(t, "2024-05-01T12:00:10.000Z", m["referenceTimestamp"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/presence/rooms/"+id+"/users", nil))
	assert.Equal(t, []string{"carol", "bob"}, ids(list(t, m, "viewers"), "userId"), "latest heartbeat first")
	assert.Equal(t, 2.0, m["total"])
	assert.Equal(t, 200.0, m["limit"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/presence/rooms/"+id+"/users?orderBy=asc&limit=1", nil))
	assert.Equal(t, []string{"bob"}, ids(list(t, m, "viewers"), "userId"))
	assert.Equal(t, 1.0, m["total"])
	assert.Equal(t, 1.0, m["limit"])
	assert.Equal(t, http.StatusBadRequest, call(t, srv, bob, "GET", "/api/v1/presence/rooms/"+id+"/users?limit=201", nil).status)

	// A viewer stays while its heartbeats keep coming; joinedAt is when it started watching.
	clock.Advance(40 * time.Second)
	assert.Equal(t, http.StatusAccepted, beat(bob, id).status)
	clock.Advance(30 * time.Second)
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/presence/rooms/"+id+"/users", nil))
	viewers := list(t, m, "viewers")
	require.Len(t, viewers, 1, "carol's last heartbeat is 70 s old, past the window of two 30 s intervals")
	assert.Equal(t, "bob", viewers[0]["userId"])
	assert.Equal(t, "2024-05-01T12:00:00.000Z", viewers[0]["joinedAt"])
	clock.Advance(time.Minute)
	assert.Equal(t, 0.0, count(id))
	assert.Equal(t, http.StatusAccepted, beat(bob, id).status)
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/presence/rooms/"+id+"/users", nil))
	assert.Equal(t, "2024-05-01T12:02:20.000Z", list(t, m, "viewers")[0]["joinedAt"], "back after a gap: a new join")

	// An ended room has no viewers.
	ok(t, call(t, srv, alice, "POST", "/api/v1/rooms/"+id+"/stop", nil))
	assert.Equal(t, 0.0, count(id))
	assert.Equal(t, http.StatusBadRequest, beat(bob, id).status)
}
