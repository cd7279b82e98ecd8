package amitytest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIsDeletedDefaultsFollowTheSpec lists, for every operation that declares an isDeleted
// parameter, one live and one soft-deleted item, without isDeleted and with each value. The
// spec documents the default per operation: null (the parameter left out) lists live and
// deleted items alike on most, false on the v5 messages, the v5 message feeds and the users.
// Where the spec declares default null without a word (comments, categories, posts and the
// v3 feeds), the vendor clients leave isDeleted out precisely to include deleted items
// (inferIsDeleted: includeDeleted true → undefined, else false), so the fake lists both. On
// the member lists isDeleted is about deleted users.
func TestIsDeletedDefaultsFollowTheSpec(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin, alice, bob := srv.AdminToken(), srv.UserToken("alice"), srv.UserToken("bob")
	srv.AddUser("gone", "Gone")

	// Channels, their members (one of them deleted below), their messages and feeds.
	ok(t, call(t, srv, alice, "POST", "/api/v3/channels", map[string]any{"channelId": "live", "type": "community",
		"userIds": []string{"bob", "gone"}}))
	ok(t, call(t, srv, alice, "POST", "/api/v3/channels", map[string]any{"channelId": "dead", "type": "community"}))
	deleted(t, call(t, srv, alice, "DELETE", "/api/v3/channels/dead", nil))
	feed := defaultFeed(t, srv, alice, "live")
	liveMsg := sendMessage(t, srv, alice, feed, "kept")
	deadMsg := sendMessage(t, srv, alice, feed, "dropped")
	deleted(t, call(t, srv, alice, "DELETE", "/api/v5/messages/"+deadMsg, nil))
	side := list(t, ok(t, call(t, srv, alice, "POST", "/api/v5/message-feeds", map[string]any{"channelId": "live", "name": "side"})),
		"messageFeeds")[0]["messageFeedId"].(string)
	deleted(t, call(t, srv, alice, "DELETE", "/api/v5/message-feeds/"+side, nil))

	// Communities (with the deleted user a member), categories, posts and comments.
	cm := list(t, ok(t, call(t, srv, alice, "POST", "/api/v3/communities", map[string]any{"displayName": "Live",
		"isPublic": true, "userIds": []string{"gone"}})), "communities")[0]["communityId"].(string)
	deadCm := list(t, ok(t, call(t, srv, alice, "POST", "/api/v3/communities", map[string]any{"displayName": "Dead",
		"isPublic": true})), "communities")[0]["communityId"].(string)
	deleted(t, call(t, srv, alice, "DELETE", "/api/v3/communities/"+deadCm, nil))
	category := func(name string) string {
		m := ok(t, call(t, srv, admin, "POST", "/api/v3/community-categories", map[string]any{"name": name}))
		return list(t, m["data"].(map[string]any), "categories")[0]["categoryId"].(string)
	}
	cat, deadCat := category("Live"), category("Dead")
	deleted(t, call(t, srv, admin, "DELETE", "/api/v3/community-categories/"+deadCat, nil))
	post := func(target string, text string) string {
		body := map[string]any{"data": map[string]any{"text": text}}
		if target != "" {
			body["targetType"], body["targetId"] = "community", target
		}
		return list(t, ok(t, call(t, srv, alice, "POST", "/api/v4/posts", body)), "posts")[0]["postId"].(string)
	}
	livePost, deadPost := post("", "kept"), post("", "dropped")
	deleted(t, call(t, srv, alice, "DELETE", "/api/v4/posts/"+deadPost, nil))
	liveCmPost, deadCmPost := post(cm, "kept"), post(cm, "dropped")
	deleted(t, call(t, srv, alice, "DELETE", "/api/v4/posts/"+deadCmPost, nil))
	comment := func(text string) string {
		return list(t, ok(t, call(t, srv, bob, "POST", "/api/v3/comments", map[string]any{"referenceId": livePost,
			"referenceType": "post", "data": map[string]any{"text": text}})), "comments")[0]["commentId"].(string)
	}
	liveCom, deadCom := comment("kept"), comment("dropped")
	deleted(t, call(t, srv, bob, "DELETE", "/api/v4/comments/"+deadCom, nil))

	// Streams and users.
	stream := func(title string) string {
		return list(t, ok(t, call(t, srv, alice, "POST", "/api/v3/video-streaming", map[string]any{"title": title})),
			"videoStreamings")[0]["streamId"].(string)
	}
	liveStream, deadStream := stream("kept"), stream("dropped")
	deleted(t, call(t, srv, alice, "DELETE", "/api/v3/video-streaming/"+deadStream, nil))
	deleted(t, call(t, srv, admin, "DELETE", "/api/v4/users/gone", nil))

	cases := []struct {
		path, key, field string
		token            string
		live, deleted    string
		bothByDefault    bool
	}{
		{"/api/v3/channels?", "channels", "channelId", alice, "live", "dead", true},
		{"/api/v3/channels/live/users?filter=all&", "channelUsers", "userId", alice, "bob", "gone", true},
		{"/api/v4/channels/live/users?", "channelUsers", "userId", alice, "bob", "gone", true},
		{"/api/v3/messages?channelId=live&", "messages", "messageId", alice, liveMsg, deadMsg, true},
		{"/api/v5/messages?messageFeedId=" + feed + "&", "messages", "messageId", alice, liveMsg, deadMsg, false},
		{"/api/v5/message-feeds/channel/live?", "messageFeeds", "messageFeedId", alice, feed, side, false},
		{"/api/v5/message-feeds/user/alice?", "messageFeeds", "messageFeedId", alice, feed, side, false},
		{"/api/v3/communities?", "communities", "communityId", alice, cm, deadCm, true},
		{"/api/v3/communities/" + cm + "/users?", "communityUsers", "userId", alice, "alice", "gone", true},
		{"/api/v3/community-categories?", "categories", "categoryId", admin, cat, deadCat, true},
		{"/api/v3/comments?referenceId=" + livePost + "&", "comments", "commentId", alice, liveCom, deadCom, true},
		{"/api/v3/posts?targetType=user&targetId=alice&", "posts", "postId", alice, livePost, deadPost, true},
		{"/api/v4/posts?targetType=user&targetId=alice&", "posts", "postId", alice, livePost, deadPost, true},
		{"/api/v3/user-feeds/alice?", "posts", "postId", alice, livePost, deadPost, true},
		{"/api/v3/community-feeds/" + cm + "?", "posts", "postId", alice, liveCmPost, deadCmPost, true},
		{"/api/v3/video-streaming?", "videoStreamings", "streamId", alice, liveStream, deadStream, true},
		{"/api/v3/users?", "users", "userId", admin, "bob", "gone", false},
	}
	for _, tc := range cases {
		listed := func(query string) (live, deleted bool) {
			t.Helper()
			m := ok(t, call(t, srv, tc.token, "GET", tc.path+query, nil))
			for _, wrapper := range []string{"data", "results"} { // {status, data} and {results} answers
				if d, isMap := m[wrapper].(map[string]any); isMap && m[tc.key] == nil {
					m = d
				}
			}
			got := ids(list(t, m, tc.key), tc.field)
			return containsString(got, tc.live), containsString(got, tc.deleted)
		}
		live, deleted := listed("")
		assert.True(t, live, "%s: live item listed by default", tc.path)
		assert.Equal(t, tc.bothByDefault, deleted, "%s: deleted item listed by default", tc.path)
		live, deleted = listed("isDeleted=false")
		assert.True(t, live, "%s isDeleted=false: live", tc.path)
		assert.False(t, deleted, "%s isDeleted=false: no deleted", tc.path)
		live, deleted = listed("isDeleted=true")
		assert.False(t, live, "%s isDeleted=true: no live", tc.path)
		assert.True(t, deleted, "%s isDeleted=true: deleted", tc.path)
	}

	// The post count of a user feed counts like its listing.
	count := func(query string) float64 {
		return ok(t, call(t, srv, alice, "GET", "/api/v3/user-feeds/alice/count"+query, nil))["postsCount"].(float64)
	}
	require.Equal(t, 2.0, count(""))
	assert.Equal(t, 1.0, count("?isDeleted=false"))
	assert.Equal(t, 1.0, count("?isDeleted=true"))
}
