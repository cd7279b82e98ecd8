package amitytest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestValuesTheVendorClientsSendBeyondTheSpec sends what the vendor clients send although spec
// 4.92.0 lacks it, and expects it accepted and stored as given: posts of dataType room, clip
// and audio with clip and audio attachments (ts-sdk-react-native 7.20.0 createRoomPost,
// createClipPost, createAudioPost, createMixedMediaPost), a link comment attachment (the
// clients' Amity.Attachment type 'image' | 'link'), and the muted membership filter of the
// channel member lists.
func TestValuesTheVendorClientsSendBeyondTheSpec(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	clip := uploadOne(t, srv, alice, "/api/v4/videos", "clip.mp4", "video/mp4", []byte("....ftypmp42"))
	audio := uploadOne(t, srv, alice, "/api/v4/files", "song.mp3", "audio/mpeg", []byte("ID3...."))
	image := uploadImage(t, srv, alice)

	children := func(m map[string]any) map[string]map[string]any {
		out := map[string]map[string]any{}
		for _, ch := range list(t, m, "postChildren") {
			out[ch["dataType"].(string)] = ch["data"].(map[string]any)
		}
		return out
	}

	// A room post keeps its data; clip and audio posts make clip and audio children.
	m := ok(t, call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"targetType": "user", "targetId": "alice",
		"dataType": "room", "data": map[string]any{"text": "join us", "title": "Live room", "roomId": "room-1"}}))
	p := list(t, m, "posts")[0]
	assert.Equal(t, "room", p["dataType"])
	assert.Equal(t, map[string]any{"text": "join us", "title": "Live room", "roomId": "room-1"}, p["data"])
	roomPost := p["postId"].(string)
	m = ok(t, call(t, srv, alice, "PUT", "/api/v4/posts/"+roomPost, map[string]any{"data": map[string]any{"text": "still on"}}))
	assert.Equal(t, "room-1", list(t, m, "posts")[0]["data"].(map[string]any)["roomId"], "an edit keeps the room")

	m = ok(t, call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"targetType": "user", "targetId": "alice",
		"dataType": "clip", "data": map[string]any{"text": "watch"},
		"attachments": []map[string]any{{"type": "clip", "fileId": clip, "displayMode": "fill", "isMuted": true}}}))
	assert.Equal(t, map[string]any{"fileId": clip, "displayMode": "fill", "isMuted": true}, children(m)["clip"])

	m = ok(t, call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"targetType": "user", "targetId": "alice",
		"data":        map[string]any{"text": "Audio Post", "title": "Audio Post Title"},
		"attachments": []map[string]any{{"type": "audio", "fileId": audio}}}))
	p = list(t, m, "posts")[0]
	assert.Equal(t, "Audio Post Title", p["data"].(map[string]any)["title"])
	assert.Equal(t, map[string]any{"fileId": audio}, children(m)["audio"])

	m = ok(t, call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"targetType": "user", "targetId": "alice",
		"dataType": "audio", "data": map[string]any{"text": "mixed", "title": "Mixed"},
		"attachments": []map[string]any{{"type": "image", "fileId": image}, {"type": "video", "fileId": clip},
			{"type": "audio", "fileId": audio}, {"type": "file", "fileId": audio}}}))
	assert.Len(t, children(m), 4, "a mixed media post has a child per attachment type")
	// The clients list with GET /api/v5/posts (rn 7.20.0); spec 4.116.1's dataTypes enum
	// lacks audio on both listings and clip on v4.
	for _, v := range []string{"v5", "v4"} {
		m = ok(t, call(t, srv, alice, "GET", "/api/"+v+"/posts?targetType=user&targetId=alice&matchingOnlyParentPost=false&dataTypes[]=clip&dataTypes[]=audio", nil))
		assert.Len(t, list(t, m, "posts"), 3, "%s: the clip and the two audio children are found by dataTypes", v)
	}

	r := call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "x"},
		"attachments": []map[string]any{{"type": "clip", "fileId": image}}})
	assert.Equal(t, 400000, r.code(t), "a clip is a video")
	r = call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "x"},
		"attachments": []map[string]any{{"type": "hologram", "fileId": image}}})
	assert.Equal(t, 400000, r.code(t))

	// A link comment attachment.
	m = ok(t, call(t, srv, bob, "POST", "/api/v3/comments", map[string]any{"referenceId": roomPost, "referenceType": "post",
		"data": map[string]any{"text": "see"}, "attachments": []map[string]any{{"type": "link", "url": "https://example.com/a"}}}))
	c := list(t, m, "comments")[0]
	assert.Equal(t, []any{map[string]any{"type": "link", "url": "https://example.com/a"}}, c["attachments"])
	assert.Contains(t, c["dataTypes"], "link")
	r = call(t, srv, bob, "POST", "/api/v3/comments", map[string]any{"referenceId": roomPost, "referenceType": "post",
		"data": map[string]any{"text": "see"}, "attachments": []map[string]any{{"type": "link"}}})
	assert.Equal(t, 400000, r.code(t), "a link needs its url")

	// The muted membership filter of the channel member lists (v4 memberships[]=muted, v3
	// filter=muted).
	ok(t, call(t, srv, alice, "POST", "/api/v3/channels", map[string]any{"channelId": "room", "type": "community",
		"userIds": []string{"bob"}}))
	ok(t, call(t, srv, alice, "PUT", "/api/v2/channel/room/users/mute", map[string]any{"userIds": []string{"bob"}, "mutePeriod": 60000}))
	for _, path := range []string{"/api/v4/channels/room/users?memberships[]=muted", "/api/v4/channels/room/users?memberships=muted",
		"/api/v3/channels/room/users?filter=muted"} {
		m = ok(t, call(t, srv, alice, "GET", path, nil))
		assert.Equal(t, []string{"bob"}, ids(list(t, m, "channelUsers"), "userId"), path)
	}
}
