package amitytest

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// schedule schedules a post as token and returns the scheduled post's ID.
func schedule(t testing.TB, srv *Server, token string, at time.Time, postData map[string]any) string {
	t.Helper()
	r := call(t, srv, token, "POST", "/api/v1/posts/schedule", map[string]any{"scheduledAt": at.Format(time.RFC3339), "postData": postData})
	require.Equal(t, http.StatusCreated, r.status, "body: %s", r.body)
	id, _ := r.obj(t)["data"].(map[string]any)["id"].(string)
	require.NotEmpty(t, id)
	return id
}

// A scheduled post is listed as WAIT and is nowhere else until the fake's clock reaches its
// time; the next request then publishes it into its feed (DONE), as its author.
func TestScheduledPostsPublishAtTheirTime(t *testing.T) {
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	got := webhookReceiver(t, srv)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	comm := createCommunity(t, srv, alice, map[string]any{"displayName": "News", "isPublic": true})

	at := clock.Now().Add(time.Hour)
	id := schedule(t, srv, alice, at, map[string]any{"data": map[string]any{"text": "We launch today"}, "targetType": "community",
		"targetId": comm, "tags": []string{"launch"}, "hashtags": []string{"launch"}})
	later := schedule(t, srv, alice, at.Add(time.Hour), map[string]any{"data": map[string]any{"text": "Later on my feed"}})

	m := ok(t, call(t, srv, alice, "GET", "/api/v1/posts/schedule?sortBy=firstCreated", nil))
	items := list(t, m, "data")
	require.Len(t, items, 2)
	assert.Equal(t, []string{id, later}, ids(items, "_id"))
	assert.Equal(t, "WAIT", items[0]["status"].(map[string]any)["code"])
	postData := items[0]["postData"].(map[string]any)
	reserved := postData["postId"].(string)
	assert.NotEmpty(t, reserved, "the post's ID is reserved")
	assert.Equal(t, "We launch today", postData["data"].(map[string]any)["text"])
	assert.Equal(t, []any{"launch"}, postData["hashtags"])
	assert.Equal(t, "alice", items[0]["userDisplayName"])
	assert.Equal(t, []string{comm}, ids(list(t, items[0], "communities"), "communityId"))
	assert.Equal(t, []string{"alice"}, ids(list(t, m, "users"), "userId"))
	assert.Empty(t, list(t, ok(t, call(t, srv, bob, "GET", "/api/v1/posts/schedule", nil)), "data"), "bob sees his own only")
	assert.Len(t, list(t, ok(t, call(t, srv, srv.AdminToken(), "GET", "/api/v1/posts/schedule", nil)), "data"), 2, "the admin sees all")
	feed := func() []string {
		return ids(list(t, ok(t, call(t, srv, bob, "GET", "/api/v4/posts?targetType=community&targetId="+comm, nil)), "posts"), "postId")
	}
	assert.Empty(t, feed(), "not published before its time")

	clock.Advance(time.Hour)
	assert.Equal(t, []string{reserved}, feed(), "published at its time, under its reserved ID")
	p := list(t, ok(t, call(t, srv, bob, "GET", "/api/v3/posts/"+reserved, nil)), "posts")[0]
	assert.Equal(t, "alice", p["postedUserId"])
	assert.Equal(t, []any{"launch"}, p["tags"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/posts/schedule?sortBy=firstCreated", nil))
	items = list(t, m, "data")
	assert.Equal(t, "DONE", items[0]["status"].(map[string]any)["code"])
	assert.Equal(t, reserved, items[0]["postData"].(map[string]any)["postId"])
	assert.Equal(t, "WAIT", items[1]["status"].(map[string]any)["code"])
	assert.Equal(t, []string{later}, ids(list(t, ok(t, call(t, srv, alice, "GET", "/api/v1/posts/schedule?notPostedOnly=true", nil)), "data"), "_id"))
	r := call(t, srv, alice, "PUT", "/api/v1/posts/schedule/"+id, map[string]any{"scheduledAt": clock.Now().Add(time.Hour).Format(time.RFC3339)})
	r.isError(t, http.StatusBadRequest, codeBadRequest)

	clock.Advance(2 * time.Hour)
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/user-feeds/alice", nil))
	assert.Equal(t, "Later on my feed", list(t, m["data"].(map[string]any), "posts")[0]["data"].(map[string]any)["text"])
	checkDeliveries(t, srv, got, []string{"v3.post.didCreate", "v3.post.didCreate"})
}

// A post that cannot be published when its time comes fails with the reason, and nothing is
// posted.
func TestScheduledPostsFailAndChange(t *testing.T) {
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	comm := createCommunity(t, srv, alice, map[string]any{"displayName": "Club", "isPublic": true})
	ok(t, call(t, srv, bob, "POST", "/api/v3/communities/"+comm+"/join", nil))
	at := clock.Now().Add(time.Minute)
	id := schedule(t, srv, bob, at, map[string]any{"data": map[string]any{"text": "hello club"}, "targetType": "community", "targetId": comm})
	ok(t, call(t, srv, alice, "PUT", "/api/v3/communities/"+comm+"/users/ban", map[string]any{"userIds": []string{"bob"}}))

	// Changes: the author (or the admin) only; a time in the future; postData replaced whole.
	to := clock.Now().Add(2 * time.Minute).Format(time.RFC3339)
	call(t, srv, alice, "PUT", "/api/v1/posts/schedule/"+id, map[string]any{"scheduledAt": to}).isError(t, http.StatusForbidden, codePermission)
	call(t, srv, bob, "PUT", "/api/v1/posts/schedule/"+id, map[string]any{"scheduledAt": clock.Now().Add(-time.Minute).Format(time.RFC3339)}).
		isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, bob, "PUT", "/api/v1/posts/schedule/"+id, map[string]any{}).isError(t, http.StatusBadRequest, codeBadRequest)
	m := ok(t, call(t, srv, srv.AdminToken(), "PUT", "/api/v1/posts/schedule/"+id, map[string]any{"scheduledAt": to}))
	assert.Equal(t, to[:19], list(t, m, "data")[0]["scheduledAt"].(string)[:19])
	call(t, srv, bob, "PUT", "/api/v1/posts/schedule/nope", map[string]any{"scheduledAt": to}).isError(t, http.StatusNotFound, codeNotFound)

	clock.Advance(3 * time.Minute)
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/posts/schedule", nil))
	status := list(t, m, "data")[0]["status"].(map[string]any)
	assert.Equal(t, "FAIL", status["code"], "bob was banned before its time")
	assert.Contains(t, status["description"], "banned")
	assert.Empty(t, list(t, ok(t, call(t, srv, alice, "GET", "/api/v4/posts?targetType=community&targetId="+comm, nil)), "posts"))

	// Bad requests and deletion.
	call(t, srv, bob, "POST", "/api/v1/posts/schedule", map[string]any{"postData": map[string]any{"data": map[string]any{"text": "x"}}}).
		isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, bob, "POST", "/api/v1/posts/schedule", map[string]any{"scheduledAt": clock.Now().Format(time.RFC3339),
		"postData": map[string]any{"data": map[string]any{"text": "x"}}}).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, bob, "POST", "/api/v1/posts/schedule", map[string]any{"scheduledAt": clock.Now().Add(time.Hour).Format(time.RFC3339),
		"postData": map[string]any{"data": map[string]any{"text": "x"}, "targetType": "community", "targetId": comm}}).
		isError(t, http.StatusForbidden, codeBanned)
	call(t, srv, alice, "DELETE", "/api/v1/posts/schedule/"+id, nil).isError(t, http.StatusForbidden, codePermission)
	m = ok(t, call(t, srv, bob, "DELETE", "/api/v1/posts/schedule/"+id, nil))
	assert.Equal(t, "Scheduled post deleted successfully", m["message"])
	assert.Empty(t, list(t, ok(t, call(t, srv, bob, "GET", "/api/v1/posts/schedule", nil)), "data"))
	call(t, srv, bob, "DELETE", "/api/v1/posts/schedule/"+id, nil).isError(t, http.StatusNotFound, codeNotFound)
}
