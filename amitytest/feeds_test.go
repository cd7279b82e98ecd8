package amitytest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestGlobalContentUserAndCommunityFeeds: the global, content, user and community feeds list
// the posts of their targets, newest first.
func TestGlobalContentUserAndCommunityFeeds(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	pa := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "a"}}))
	pb := postID(t, createPost(t, srv, bob, map[string]any{"data": map[string]any{"text": "b"}}))
	pc := postID(t, createPost(t, srv, bob, map[string]any{"data": map[string]any{"text": "c"}, "targetType": "content", "targetId": "article-1"}))
	m := ok(t, call(t, srv, alice, "GET", "/api/v3/global-feeds", nil))
	assert.Equal(t, []string{pb, pa}, ids(list(t, m["data"].(map[string]any), "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/global-feeds?showOnlyMyFeed=true&options[limit]=5", nil))
	assert.Equal(t, []string{pa}, ids(list(t, m["data"].(map[string]any), "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/content-feeds?sortBy=lastCreated", nil))
	assert.Equal(t, []string{pc}, ids(list(t, m["data"].(map[string]any), "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/user-feeds/bob", nil))
	assert.Equal(t, []string{pb}, ids(list(t, m["data"].(map[string]any), "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/user-feeds/bob/count", nil))
	assert.EqualValues(t, 1, m["postsCount"])
	cid := createCommunity(t, srv, alice, map[string]any{"displayName": "C", "isPublic": true})
	pcm := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "in c"}, "targetType": "community", "targetId": cid}))
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/community-feeds/"+cid, nil))
	assert.Equal(t, []string{pcm}, ids(list(t, m["data"].(map[string]any), "posts"), "postId"))
}
