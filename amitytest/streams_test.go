package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStreamStatusTransitions(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	m := ok(t, call(t, srv, alice, "POST", "/api/v3/video-streaming", map[string]any{"title": "Launch", "resolution": "HD", "isSecure": true}))
	s := list(t, m, "videoStreamings")[0]
	id := s["streamId"].(string)
	assert.Equal(t, "idle", s["status"])
	assert.Contains(t, s["streamerUrl"].(map[string]any)["url"], "token=", "a secure stream has a signed URL")
	assert.Equal(t, http.StatusBadRequest, call(t, srv, alice, "POST", "/api/v3/video-streaming", map[string]any{"description": "no title"}).status)

	require.NoError(t, srv.StartStream(id))
	require.Error(t, srv.StartStream(id), "only an idle stream goes live")
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/video-streaming?isLive=true", nil))
	assert.Equal(t, []string{id}, ids(list(t, m["results"].(map[string]any), "videoStreamings"), "streamId"))
	assert.Equal(t, http.StatusForbidden, call(t, srv, bob, "PUT", "/api/v3/video-streaming/"+id, map[string]any{"title": "Mine"}).status)
	m = ok(t, call(t, srv, alice, "PUT", "/api/v3/video-streaming/"+id, map[string]any{"title": "Launch day", "description": "v2"}))
	assert.Equal(t, "Launch day", list(t, m, "videoStreamings")[0]["title"])

	assert.Equal(t, http.StatusUnauthorized, call(t, srv, alice, "DELETE", "/api/v3/video-streaming/"+id+"/streaming-url", nil).status, "the API key is required")
	m = ok(t, call(t, srv, alice, "DELETE", "/api/v3/video-streaming/"+id+"/streaming-url", nil, "X-API-Key", srv.APIKey()))
	s = list(t, m, "videoStreamings")[0]
	assert.Equal(t, "ended", s["status"])
	assert.Nil(t, s["streamerUrl"], "the streamer URL is disposed")
	require.NoError(t, srv.RecordStream(id))
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/video-streaming/"+id, nil))
	s = list(t, m, "videoStreamings")[0]
	assert.Equal(t, "recorded", s["status"])
	assert.Len(t, s["recordings"], 1)

	m = ok(t, call(t, srv, bob, "POST", "/api/v3/user-event/video-streaming", map[string]any{"signature": "s", "nonceStr": "n1", "timestamp": "2026-01-01T00:00:00Z",
		"streams": []map[string]any{{"streamId": id, "startTime": "2026-01-01T00:00:00Z", "endTime": "2026-01-01T00:01:00Z", "watchSeconds": 60}}}))
	assert.Equal(t, true, m["ok"])
	assert.Equal(t, 60.0, srv.WatchSeconds(id))
	assert.Equal(t, http.StatusBadRequest, call(t, srv, bob, "POST", "/api/v3/user-event/video-streaming", map[string]any{"signature": "s", "nonceStr": "n1", "timestamp": "t",
		"streams": []map[string]any{{"streamId": id, "startTime": "a", "endTime": "b", "watchSeconds": 1}}}).status, "a nonce is used once")

	other := list(t, ok(t, call(t, srv, bob, "POST", "/api/v3/video-streaming", map[string]any{"title": "Bob live"})), "videoStreamings")[0]["streamId"].(string)
	// A liveStream post carries its stream in the post bundle.
	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"dataType": "liveStream", "data": map[string]any{"streamId": other}}).status, "another user's stream")
	m = createPost(t, srv, bob, map[string]any{"dataType": "liveStream", "data": map[string]any{"text": "Watch me", "streamId": other}})
	assert.Equal(t, "liveStream", list(t, m, "posts")[0]["dataType"])
	assert.Equal(t, []string{other}, ids(list(t, m, "videoStreamings"), "streamId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/video-streaming?statuses=idle&sortBy=firstCreated&options[limit]=5", nil))
	assert.Equal(t, []string{other}, ids(list(t, m["results"].(map[string]any), "videoStreamings"), "streamId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/video-streaming?userPublicIds=alice", nil))
	assert.Equal(t, []string{id}, ids(list(t, m["results"].(map[string]any), "videoStreamings"), "streamId"))
	m = ok(t, call(t, srv, bob, "DELETE", "/api/v3/video-streaming/"+other, nil))
	assert.Equal(t, true, m["data"].(map[string]any)["success"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/video-streaming?isDeleted=false", nil))
	assert.Equal(t, []string{id}, ids(list(t, m["results"].(map[string]any), "videoStreamings"), "streamId"))
}
