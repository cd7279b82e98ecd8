package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLiveReactions(t *testing.T) {
	t.Parallel()
	srv := newServer(t, WithoutRateLimit())
	alice, bob, admin := srv.UserToken("alice"), srv.UserToken("bob"), srv.AdminToken()
	room := createRoom(t, srv, alice, map[string]any{"title": "Show"})["roomId"].(string)
	post := createRoomPost(t, srv, alice, map[string]any{"roomId": room})
	react := func(tok string, body map[string]any) resp {
		return call(t, srv, tok, "POST", "/api/v1/reactions/live", body)
	}
	like := []map[string]any{{"referencePublicId": post, "referenceType": "post", "reactionName": "like", "occurredAt": "2024-05-01T12:00:00.000Z"}}

	assert.Equal(t, http.StatusBadRequest, react(bob, map[string]any{"roomId": room, "reactions": like}).status, "an idle room takes no reactions")
	require.NoError(t, srv.StartRoom(room))
	assert.Equal(t, http.StatusBadRequest, react(bob, map[string]any{"reactions": like}).status, "neither room nor stream")
	assert.Equal(t, http.StatusBadRequest, react(bob, map[string]any{"roomId": room, "liveStreamId": "s", "reactions": like}).status, "both")
	assert.Equal(t, http.StatusBadRequest, react(bob, map[string]any{"roomId": room}).status, "no reactions")
	assert.Equal(t, http.StatusNotFound, react(bob, map[string]any{"roomId": "nope", "reactions": like}).status)
	assert.Equal(t, http.StatusNotFound, react(bob, map[string]any{"roomId": room,
		"reactions": []map[string]any{{"referencePublicId": "nope", "reactionName": "like"}}}).status)
	assert.Equal(t, http.StatusBadRequest, react(bob, map[string]any{"roomId": room,
		"reactions": []map[string]any{{"referencePublicId": post, "referenceType": "comment", "reactionName": "like"}}}).status)
	assert.Equal(t, http.StatusForbidden, react(bob, map[string]any{"roomId": room,
		"reactions": []map[string]any{{"referencePublicId": post, "reactionName": "like", "userId": "alice"}}}).status, "a reaction is the caller's")

	r := react(bob, map[string]any{"roomId": room, "reactions": append(like, map[string]any{"referenceId": post, "reactionName": "love"})})
	require.Equal(t, http.StatusAccepted, r.status, "body: %s", r.body)
	got := list(t, r.obj(t), "reactions")
	require.Len(t, got, 2)
	assert.Equal(t, map[string]any{"userId": "bob", "targetId": "alice", "targetType": "user", "referencePublicId": post, "referenceId": post,
		"referenceType": "post", "reactionName": "like", "occurredAt": "2024-05-01T12:00:00.000Z"}, got[0])
	assert.Equal(t, "post", got[1]["referenceType"], "post when unset")
	assert.NotEmpty(t, got[1]["occurredAt"], "the time of receipt when unset")
	assert.Equal(t, http.StatusAccepted, react(admin, map[string]any{"roomId": room,
		"reactions": []map[string]any{{"referencePublicId": post, "reactionName": "like", "userId": "bob"}}}).status, "the admin reacts for a user")
	assert.Equal(t, map[string]int{"like": 2, "love": 1}, srv.LiveReactionCounts(room))

	// A live stream.
	stream := list(t, ok(t, call(t, srv, alice, "POST", "/api/v3/video-streaming", map[string]any{"title": "Live"})), "videoStreamings")[0]["streamId"].(string)
	spost := postID(t, createPost(t, srv, alice, map[string]any{"dataType": "liveStream", "data": map[string]any{"streamId": stream}}))
	slike := []map[string]any{{"referencePublicId": spost, "reactionName": "wow"}}
	assert.Equal(t, http.StatusBadRequest, react(bob, map[string]any{"liveStreamId": stream, "reactions": slike}).status, "not live yet")
	require.NoError(t, srv.StartStream(stream))
	r = react(bob, map[string]any{"liveStreamId": stream, "reactions": slike})
	require.Equal(t, http.StatusAccepted, r.status, "body: %s", r.body)
	assert.Equal(t, stream, r.obj(t)["liveStreamId"])
	assert.Equal(t, stream, list(t, r.obj(t), "reactions")[0]["liveStreamId"])
	ok(t, call(t, srv, alice, "POST", "/api/v3/video-streaming/"+stream+"/viewer-bans", map[string]any{"userIds": []string{"bob"}}))
	assert.Equal(t, http.StatusForbidden, react(bob, map[string]any{"liveStreamId": stream, "reactions": slike}).status, "banned from the stream")
	assert.Equal(t, map[string]int{"wow": 1}, srv.LiveReactionCounts(stream))
	assert.Empty(t, srv.LiveReactionCounts("nothing"))
}
