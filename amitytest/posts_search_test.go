package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// GET /api/v1/search/posts finds posts by the hashtags of their text, tags, target and kind,
// with the paging and filters of the post listings.
func TestPostsSearchByHashtags(t *testing.T) {
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	comm := createCommunity(t, srv, alice, map[string]any{"displayName": "Gophers", "isPublic": true})
	ok(t, call(t, srv, bob, "POST", "/api/v3/communities/"+comm+"/join", nil))
	post := func(token, text string, extra map[string]any) string {
		body := map[string]any{"data": map[string]any{"text": text}, "targetType": "community", "targetId": comm}
		for k, v := range extra {
			body[k] = v
		}
		return postID(t, createPost(t, srv, token, body))
	}
	img := uploadImage(t, srv, alice)
	p1 := post(alice, "Shipping #GoLang 1.23 today #release", map[string]any{"tags": []string{"news"}})
	p2 := post(bob, "More #golang", map[string]any{"attachments": []map[string]any{{"fileId": img, "type": "image"}}})
	p3 := post(bob, "nothing tagged", nil)
	mine := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "on my feed #golang"}}))

	search := func(query string) []string {
		return ids(list(t, ok(t, call(t, srv, bob, "GET", "/api/v1/search/posts?"+query, nil)), "posts"), "postId")
	}
	assert.Equal(t, []string{p2, p1}, search("targetType=community&targetId="+comm+"&hashtags[]=golang"), "case aside, newest first")
	assert.Equal(t, []string{p1, p2}, search("targetType=community&targetId="+comm+"&hashtags[]=GOLANG&sortBy=firstCreated"))
	assert.Equal(t, []string{p1}, search("targetType=community&hashtags[]=release&hashtags[]=nope"))
	assert.Equal(t, []string{mine}, search("targetType=user&hashtags[]=golang"))
	assert.Equal(t, []string{p1}, search("targetType=community&targetId="+comm+"&tags[]=news"))
	assert.Equal(t, []string{p3, p2, p1}, search("targetType=community&targetId="+comm))
	assert.Equal(t, []string{p3, p2, p1}, search("targetType=community&targetId="+comm+"&checkStatus=to-check"))
	assert.Empty(t, search("targetType=community&targetId="+comm+"&checkStatus=checked"), "the fake checks no post")
	m := ok(t, call(t, srv, bob, "GET", "/api/v1/search/posts?targetType=community&targetId="+comm+"&dataTypes[]=image&matchingOnlyParentPost=false", nil))
	require.Len(t, list(t, m, "posts"), 1, "the image child post")
	assert.Equal(t, p2, list(t, m, "posts")[0]["parentPostId"])

	m = ok(t, call(t, srv, bob, "GET", "/api/v1/search/posts?targetType=community&targetId="+comm+"&options[limit]=2", nil))
	assert.Equal(t, []string{p3, p2}, ids(list(t, m, "posts"), "postId"))
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/search/posts?targetType=community&targetId="+comm+"&options[limit]=2&options[token]="+q(next), nil))
	assert.Equal(t, []string{p1}, ids(list(t, m, "posts"), "postId"))

	call(t, srv, bob, "GET", "/api/v1/search/posts?hashtags[]=golang", nil).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, bob, "GET", "/api/v1/search/posts?targetType=user&hashtags[]=no%20space", nil).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, bob, "GET", "/api/v1/search/posts?targetType=user&checkStatus=maybe", nil).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, bob, "GET", "/api/v1/search/posts?targetType=user&feedType=draft", nil).isError(t, http.StatusBadRequest, codeBadRequest)
}

// PATCH /api/v4/posts/{postId}/kv sets and deletes keys of any post's metadata, leaving the
// other keys; data only of a custom post (TestPostsKVPatchCustomData).
func TestPostsKVPatch(t *testing.T) {
	srv := newServer(t)
	got := webhookReceiver(t, srv)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	text := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "hi"}, "metadata": map[string]any{"tempField": 1, "k": "v"}}))

	m := ok(t, call(t, srv, alice, "PATCH", "/api/v4/posts/"+text+"/kv", map[string]any{
		"metadata": map[string]any{"set": map[string]any{"category": "updated", "pinned": true}, "delete": []string{"tempField"}}}))
	p := list(t, m, "posts")[0]
	assert.Equal(t, map[string]any{"category": "updated", "pinned": true, "k": "v"}, p["metadata"])
	assert.Equal(t, map[string]any{"text": "hi"}, p["data"])

	call(t, srv, alice, "PATCH", "/api/v4/posts/"+text+"/kv", map[string]any{"data": map[string]any{"set": map[string]any{"text": "x"}}}).
		isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, bob, "PATCH", "/api/v4/posts/"+text+"/kv", map[string]any{"metadata": map[string]any{"set": map[string]any{"a": 1}}}).
		isError(t, http.StatusForbidden, codePermission)
	call(t, srv, alice, "PATCH", "/api/v4/posts/"+text+"/kv", map[string]any{}).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, alice, "PATCH", "/api/v4/posts/"+text+"/kv", map[string]any{"metadata": map[string]any{"set": map[string]any{"o": map[string]any{}}}}).
		isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, alice, "PATCH", "/api/v4/posts/nope/kv", map[string]any{"metadata": map[string]any{"set": map[string]any{"a": 1}}}).
		isError(t, http.StatusNotFound, codeNotFound)
	checkDeliveries(t, srv, got, []string{"v3.post.didCreate", "v3.post.didUpdate"})
}

// The data of a custom post is patched key by key. (Not a spec scenario: spec 4.116.1's post
// schema leaves custom data types out of its enum.)
func TestPostsKVPatchCustomData(t *testing.T) {
	srv := newServer(t)
	alice := srv.UserToken("alice")
	custom := postID(t, createPost(t, srv, alice, map[string]any{"dataType": "com.example.birthday",
		"data": map[string]any{"age": 29, "draft": true, "name": "Alice"}}))
	m := ok(t, call(t, srv, alice, "PATCH", "/api/v4/posts/"+custom+"/kv", map[string]any{
		"data": map[string]any{"set": map[string]any{"age": 30, "public": true}, "delete": []string{"draft"}}}))
	assert.Equal(t, map[string]any{"age": float64(30), "public": true, "name": "Alice"}, list(t, m, "posts")[0]["data"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/posts/"+custom, nil))
	assert.Equal(t, map[string]any{"age": float64(30), "public": true, "name": "Alice"}, list(t, m, "posts")[0]["data"])
}

// GET /api/v4/user-feeds/{userId} lists the user's own feed and, with includePostedFeed
// community, the user's posts in communities; live posts unless isDeleted says otherwise.
func TestUserFeedV4(t *testing.T) {
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	comm := createCommunity(t, srv, alice, map[string]any{"displayName": "Club", "isPublic": true})
	own := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "mine"}}))
	onMe := postID(t, createPost(t, srv, bob, map[string]any{"data": map[string]any{"text": "to alice"}, "targetType": "user", "targetId": "alice"}))
	inComm := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "club"}, "targetType": "community", "targetId": comm}))
	gone := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "oops"}}))
	ok(t, call(t, srv, alice, "DELETE", "/api/v4/posts/"+gone, nil))

	feed := func(query string) []string {
		return ids(list(t, ok(t, call(t, srv, bob, "GET", "/api/v4/user-feeds/alice"+query, nil)), "posts"), "postId")
	}
	assert.Equal(t, []string{onMe, own}, feed(""), "the user's feed, live posts, newest first")
	assert.Equal(t, []string{inComm}, feed("?includePostedFeed[]=community"))
	assert.Equal(t, []string{inComm, onMe, own}, feed("?includePostedFeed[]=user&includePostedFeed[]=community"))
	assert.Equal(t, []string{gone}, feed("?isDeleted=true"))
	assert.Equal(t, []string{own, onMe}, feed("?sortBy=firstCreated"))
	m := ok(t, call(t, srv, bob, "GET", "/api/v4/user-feeds/alice?options[limit]=1", nil))
	assert.Equal(t, []string{onMe}, ids(list(t, m, "posts"), "postId"))
	assert.NotEmpty(t, m["paging"].(map[string]any)["next"])
	call(t, srv, bob, "GET", "/api/v4/user-feeds/nobody", nil).isError(t, http.StatusNotFound, codeNotFound)
	call(t, srv, bob, "GET", "/api/v4/user-feeds/alice?includePostedFeed[]=story", nil).isError(t, http.StatusBadRequest, codeBadRequest)
}
