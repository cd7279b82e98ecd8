package amitytest

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLiveStreamsAndTheirBans(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now), WithoutRateLimit())
	alice, bob, carol := srv.UserToken("alice"), srv.UserToken("bob"), srv.UserToken("carol")
	comm := createCommunity(t, srv, alice, map[string]any{"displayName": "Makers", "isPublic": true})
	newStream := func(tok, title string) string {
		return list(t, ok(t, call(t, srv, tok, "POST", "/api/v3/video-streaming", map[string]any{"title": title})), "videoStreamings")[0]["streamId"].(string)
	}
	inCommunity, onFeed, unposted, idle := newStream(alice, "Community show"), newStream(bob, "Bob live"), newStream(carol, "Unposted"), newStream(carol, "Idle")
	createPost(t, srv, alice, map[string]any{"dataType": "liveStream", "targetType": "community", "targetId": comm,
		"data": map[string]any{"streamId": inCommunity}})
	createPost(t, srv, bob, map[string]any{"dataType": "liveStream", "data": map[string]any{"streamId": onFeed}})
	for _, id := range []string{inCommunity, onFeed, unposted} {
		require.NoError(t, srv.StartStream(id))
		clock.Advance(time.Second)
	}

	m := ok(t, call(t, srv, carol, "GET", "/api/v3/video-streaming/live", nil))
	assert.Equal(t, []string{unposted, onFeed, inCommunity}, ids(list(t, m, "videoStreamings"), "streamId"), "live now, latest first; not the idle one")
	assert.NotContains(t, ids(list(t, m, "videoStreamings"), "streamId"), idle)
	assert.Equal(t, []string{comm}, ids(list(t, m, "communities"), "communityId"))
	assert.Len(t, list(t, m, "videoStreamModerations"), 3)
	m = ok(t, call(t, srv, carol, "GET", "/api/v3/video-streaming/live?targetType[]=community", nil))
	assert.Equal(t, []string{inCommunity}, ids(list(t, m, "videoStreamings"), "streamId"))
	m = ok(t, call(t, srv, carol, "GET", "/api/v3/video-streaming/live?targetType[]=user&targetIds[]=bob", nil))
	assert.Equal(t, []string{onFeed}, ids(list(t, m, "videoStreamings"), "streamId"))
	m = ok(t, call(t, srv, carol, "GET", "/api/v3/video-streaming/live?targetType[]=all&options[limit]=2", nil))
	assert.Len(t, list(t, m, "videoStreamings"), 2)
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, carol, "GET", "/api/v3/video-streaming/live?targetType[]=all&options[token]="+q(next), nil))
	assert.Equal(t, []string{inCommunity}, ids(list(t, m, "videoStreamings"), "streamId"))
	assert.Equal(t, http.StatusBadRequest, call(t, srv, carol, "GET", "/api/v3/video-streaming/live?targetType[]=channel", nil).status)

	// Viewer bans: the broadcaster (or the admin) bans and lifts them.
	path := "/api/v3/video-streaming/" + onFeed + "/viewer-bans"
	assert.Equal(t, http.StatusForbidden, call(t, srv, carol, "POST", path, map[string]any{"userIds": []string{"alice"}}).status)
	assert.Equal(t, http.StatusBadRequest, call(t, srv, bob, "POST", path, map[string]any{"userIds": []string{"bob"}}).status, "the broadcaster")
	assert.Equal(t, true, ok(t, call(t, srv, bob, "POST", path, map[string]any{"userIds": []string{"carol", "alice"}}))["success"])
	ok(t, call(t, srv, srv.AdminToken(), "POST", path, map[string]any{"userIds": []string{"carol"}}))
	m = ok(t, call(t, srv, bob, "GET", path, nil))
	bans := list(t, m, "videoStreamingBannedUsers")
	assert.ElementsMatch(t, []string{"carol", "alice"}, ids(bans, "userPublicId"))
	assert.Equal(t, "bob", bans[0]["banByPublicId"])
	assert.Equal(t, true, ok(t, call(t, srv, bob, "DELETE", path, map[string]any{"userIds": []string{"carol"}}))["success"])
	m = ok(t, call(t, srv, bob, "GET", path, nil))
	assert.Equal(t, []string{"alice"}, ids(list(t, m, "videoStreamingBannedUsers"), "userPublicId"))
	assert.Equal(t, http.StatusForbidden, call(t, srv, carol, "GET", path, nil).status)
	assert.Equal(t, http.StatusNotFound, call(t, srv, bob, "GET", "/api/v3/video-streaming/nope/viewer-bans", nil).status)
}
