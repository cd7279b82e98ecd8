package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPostCRUD(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")

	m := createPost(t, srv, alice, map[string]any{
		"data": map[string]any{"text": "Hello world"}, "tags": []string{"intro"},
		"metadata": map[string]any{"k": "v"}, "mentionees": []map[string]any{{"type": "user", "userIds": []string{"bob"}}},
	})
	p := list(t, m, "posts")[0]
	id := p["postId"].(string)
	assert.Equal(t, "text", p["dataType"])
	assert.Equal(t, "user", p["targetType"])
	assert.Equal(t, "alice", p["targetId"])
	assert.Equal(t, "alice", p["postedUserId"])
	assert.Equal(t, map[string]any{"text": "Hello world"}, p["data"])
	assert.ElementsMatch(t, []string{"alice", "bob"}, ids(list(t, m, "users"), "userId"))
	assert.Len(t, list(t, m, "feeds"), 1)
	assert.Equal(t, "published", list(t, m, "feeds")[0]["feedType"])

	// Read back by id, v3 list and v4 query.
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/posts/"+id, nil))
	assert.Equal(t, id, postID(t, m))
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/posts/list?postIds="+id, nil))
	assert.Len(t, list(t, m, "posts"), 1)
	m = ok(t, call(t, srv, bob, "GET", "/api/v4/posts?targetType=user&targetId=alice", nil))
	assert.Equal(t, []string{id}, ids(list(t, m, "posts"), "postId"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/posts?targetType=user&targetId=alice&tags=intro", nil))
	assert.Equal(t, []string{id}, ids(list(t, m, "posts"), "postId"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/posts?targetType=user&targetId=alice&tags=other", nil))
	assert.Empty(t, list(t, m, "posts"))

	// Update: only the author (or a moderator/admin).
	r := call(t, srv, bob, "PUT", "/api/v4/posts/"+id, map[string]any{"data": map[string]any{"text": "hacked"}})
	assert.Equal(t, http.StatusForbidden, r.status)
	m = ok(t, call(t, srv, alice, "PUT", "/api/v4/posts/"+id, map[string]any{"data": map[string]any{"text": "Hello again"}, "tags": []string{"a", "b"}}))
	p = list(t, m, "posts")[0]
	assert.Equal(t, "Hello again", p["data"].(map[string]any)["text"])
	assert.Equal(t, []any{"a", "b"}, p["tags"])
	m = ok(t, call(t, srv, srv.AdminToken(), "PUT", "/api/v3/posts/"+id, map[string]any{"postId": id, "data": map[string]any{"text": "moderated"}}))
	assert.Equal(t, "moderated", list(t, m, "posts")[0]["data"].(map[string]any)["text"])

	// Soft delete keeps it readable (isDeleted), hard delete removes it.
	assert.Equal(t, http.StatusForbidden, call(t, srv, bob, "DELETE", "/api/v4/posts/"+id, nil).status)
	m = ok(t, call(t, srv, alice, "DELETE", "/api/v4/posts/"+id, nil))
	assert.Equal(t, true, m["data"].(map[string]any)["success"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/posts/"+id, nil))
	assert.Equal(t, true, list(t, m, "posts")[0]["isDeleted"])
	ok(t, call(t, srv, alice, "DELETE", "/api/v4/posts/"+id+"?permanent=true", nil))
	r = call(t, srv, alice, "GET", "/api/v3/posts/"+id, nil)
	r.isError(t, http.StatusNotFound, 400400)

	// Validation.
	r = call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{}})
	assert.Equal(t, 400000, r.code(t))
	r = call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"tags": []string{"x"}})
	assert.Equal(t, 400000, r.code(t))
	r = call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "x"}, "targetType": "user", "targetId": "ghost"})
	assert.Equal(t, 400400, r.code(t))
}

func TestImageAndPollPosts(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	f1, f2 := uploadImage(t, srv, alice), uploadImage(t, srv, alice)

	m := createPost(t, srv, alice, map[string]any{
		"data":        map[string]any{"text": "Two pictures"},
		"attachments": []map[string]any{{"fileId": f1, "type": "image"}, {"fileId": f2, "type": "image"}},
	})
	parent := list(t, m, "posts")[0]
	children := list(t, m, "postChildren")
	require.Len(t, children, 2)
	assert.Len(t, parent["children"], 2)
	for _, ch := range children {
		assert.Equal(t, "image", ch["dataType"])
		assert.Equal(t, parent["postId"], ch["parentPostId"])
	}
	assert.ElementsMatch(t, []string{f1, f2}, ids(list(t, m, "files"), "fileId"))

	// Filtering by child data type.
	createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "plain"}})
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/posts?targetType=user&targetId=alice&dataTypes=image", nil))
	assert.Equal(t, []string{parent["postId"].(string)}, ids(list(t, m, "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/posts?targetType=user&targetId=alice&dataTypes=image&matchingOnlyParentPost=false", nil))
	assert.Len(t, list(t, m, "posts"), 2)

	// Attachments must exist and match their type.
	r := call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{}, "attachments": []map[string]any{{"fileId": "nope", "type": "image"}}})
	assert.Equal(t, http.StatusNotFound, r.status)
	r = call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{}, "attachments": []map[string]any{{"fileId": f1, "type": "video"}}})
	assert.Equal(t, http.StatusBadRequest, r.status)

	// A poll post.
	pm := ok(t, call(t, srv, alice, "POST", "/api/v3/polls", map[string]any{
		"question": "Tea or coffee?", "answerType": "single",
		"answers": []map[string]any{{"dataType": "text", "data": "Tea"}, {"dataType": "text", "data": "Coffee"}},
	}))
	pollID := list(t, pm, "polls")[0]["pollId"].(string)
	m = createPost(t, srv, alice, map[string]any{"dataType": "poll", "data": map[string]any{"text": "Vote!", "pollId": pollID}})
	assert.Equal(t, "poll", list(t, m, "postChildren")[0]["dataType"])
	assert.Equal(t, pollID, list(t, m, "polls")[0]["pollId"])

	// v3 create with images.
	m = ok(t, call(t, srv, alice, "POST", "/api/v3/posts", map[string]any{"data": map[string]any{"text": "v3", "images": []string{f1}}}))
	assert.Len(t, list(t, m, "postChildren"), 1)
}

func TestBannedUserCannotPost(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	owner, troll := srv.UserToken("owner"), srv.UserToken("troll")
	cid := createCommunity(t, srv, owner, map[string]any{"displayName": "Garden"})
	ok(t, call(t, srv, troll, "POST", "/api/v3/communities/"+cid+"/join", nil))
	ok(t, createPostResp(t, srv, troll, cid))

	// Banned from the community: 403 / 400304.
	ok(t, call(t, srv, owner, "PUT", "/api/v3/communities/"+cid+"/users/ban", map[string]any{"userIds": []string{"troll"}}))
	r := createPostResp(t, srv, troll, cid)
	r.isError(t, http.StatusForbidden, 400304)
	r = call(t, srv, troll, "POST", "/api/v3/communities/"+cid+"/join", nil)
	assert.Equal(t, 400304, r.code(t))

	// Globally banned: 403 / 400312 everywhere.
	ok(t, call(t, srv, srv.AdminToken(), "POST", "/api/v2/users/ban", map[string]any{"userId": "troll"}))
	r = call(t, srv, troll, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "x"}})
	assert.Equal(t, 400312, r.code(t))
	m := ok(t, call(t, srv, owner, "GET", "/api/v4/posts?targetType=community&targetId="+cid, nil))
	pid := postID(t, m)
	r = call(t, srv, troll, "POST", "/api/v3/comments", map[string]any{"referenceId": pid, "data": map[string]any{"text": "x"}})
	assert.Equal(t, 400312, r.code(t))

	// Non-members cannot post in a community.
	stranger := srv.UserToken("stranger")
	r = createPostResp(t, srv, stranger, cid)
	r.isError(t, http.StatusForbidden, 400300)
}

// TestDeletedPostDisappearsFromFeeds checks that a deleted post leaves the feeds that are asked
// for live posts (isDeleted=false), is listed alone with isDeleted=true and, as the spec's
// default null says, is listed with the live ones when isDeleted is left out.
func TestDeletedPostDisappearsFromFeeds(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	cid := createCommunity(t, srv, alice, map[string]any{"displayName": "Club"})
	keep := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "keep"}, "targetType": "community", "targetId": cid}))
	drop := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "drop"}, "targetType": "community", "targetId": cid}))
	mine := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "mine"}}))

	var m map[string]any
	feed := func(path string) []string {
		m := ok(t, call(t, srv, alice, "GET", path, nil))
		assert.Equal(t, "success", m["status"])
		return ids(list(t, m["data"].(map[string]any), "posts"), "postId")
	}
	assert.Equal(t, []string{drop, keep}, feed("/api/v3/community-feeds/"+cid))
	ok(t, call(t, srv, alice, "DELETE", "/api/v4/posts/"+drop, nil))
	assert.Equal(t, []string{keep}, feed("/api/v3/community-feeds/"+cid+"?isDeleted=false"))
	assert.Equal(t, []string{drop}, feed("/api/v3/community-feeds/"+cid+"?isDeleted=true"))
	assert.Equal(t, []string{drop, keep}, feed("/api/v3/community-feeds/"+cid), "isDeleted null (the default) lists both")
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/posts?targetType=community&targetId="+cid+"&isDeleted=false", nil))
	assert.Equal(t, []string{keep}, ids(list(t, m, "posts"), "postId"))

	assert.Equal(t, []string{mine}, feed("/api/v3/user-feeds/alice"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/user-feeds/alice/count", nil))
	assert.Equal(t, 1.0, m["postsCount"])
	ok(t, call(t, srv, alice, "DELETE", "/api/v3/posts/"+mine, nil))
	assert.Empty(t, feed("/api/v3/user-feeds/alice?isDeleted=false"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/user-feeds/alice/count?isDeleted=false", nil))
	assert.Equal(t, 0.0, m["postsCount"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/user-feeds/alice/count", nil))
	assert.Equal(t, 1.0, m["postsCount"], "isDeleted null (the default) counts both")
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/communities/"+cid, nil))
	assert.Equal(t, 1.0, list(t, m, "communities")[0]["postsCount"])
}

func TestPostReview(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	mod, member := srv.UserToken("mod"), srv.UserToken("member")
	cid := createCommunity(t, srv, mod, map[string]any{"displayName": "Moderated", "needApprovalOnPostCreation": true})
	ok(t, call(t, srv, member, "POST", "/api/v3/communities/"+cid+"/join", nil))

	m := ok(t, createPostResp(t, srv, member, cid))
	id := postID(t, m)
	assert.Equal(t, "reviewing", list(t, m, "feeds")[0]["feedType"])

	published := func() []string {
		m := ok(t, call(t, srv, mod, "GET", "/api/v4/posts?targetType=community&targetId="+cid, nil))
		return ids(list(t, m, "posts"), "postId")
	}
	assert.Empty(t, published())
	m = ok(t, call(t, srv, mod, "GET", "/api/v4/posts?targetType=community&targetId="+cid+"&feedType=reviewing", nil))
	assert.Equal(t, []string{id}, ids(list(t, m, "posts"), "postId"))

	assert.Equal(t, http.StatusForbidden, call(t, srv, member, "POST", "/api/v3/posts/"+id+"/approve", nil).status)
	ok(t, call(t, srv, mod, "POST", "/api/v3/posts/"+id+"/approve", nil))
	assert.Equal(t, []string{id}, published())

	// Declined posts leave every feed.
	id2 := postID(t, ok(t, createPostResp(t, srv, member, cid)))
	ok(t, call(t, srv, mod, "POST", "/api/v3/posts/"+id2+"/decline", nil))
	assert.Equal(t, []string{id}, published())
	assert.Equal(t, http.StatusBadRequest, call(t, srv, mod, "POST", "/api/v3/posts/"+id2+"/approve", nil).status)

	// Moderators' own posts are published directly.
	m = ok(t, createPostResp(t, srv, mod, cid))
	assert.Equal(t, "published", list(t, m, "feeds")[0]["feedType"])
}

func TestPostFlags(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	id := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "hmm"}}))
	createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "fine"}})

	m := ok(t, call(t, srv, bob, "POST", "/api/v3/posts/"+id+"/flag", nil))
	assert.Equal(t, 1.0, list(t, m, "posts")[0]["flagCount"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/posts/"+id+"/isflagbyme", nil))
	assert.Equal(t, true, m["data"].(map[string]any)["result"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/posts?targetType=user&targetId=alice&hasFlag=true", nil))
	assert.Equal(t, []string{id}, ids(list(t, m, "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/posts?targetType=user&targetId=alice&hasFlag=false", nil))
	assert.NotContains(t, ids(list(t, m, "posts"), "postId"), id)

	m = ok(t, call(t, srv, bob, "DELETE", "/api/v3/posts/"+id+"/unflag", nil))
	assert.Equal(t, 0.0, list(t, m, "posts")[0]["flagCount"])
	checkFlagClearing(t, srv, "/api/v3/posts/"+id+"/flag", "/api/v3/posts/"+id+"/flags", "posts", bob, bob, srv.AdminToken())
}

func TestPostPagingAndCursors(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	var created []string
	for i := 0; i < 7; i++ {
		created = append(created, postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "p"}})))
	}
	// Newest first by default.
	var got []string
	path := "/api/v4/posts?targetType=user&targetId=alice&options[limit]=3"
	for path != "" {
		m := ok(t, call(t, srv, alice, "GET", path, nil))
		got = append(got, ids(list(t, m, "posts"), "postId")...)
		next, _ := m["paging"].(map[string]any)["next"].(string)
		path = ""
		if next != "" {
			path = "/api/v4/posts?targetType=user&targetId=alice&options[token]=" + q(next)
		}
	}
	for i, j := 0, len(created)-1; i < j; i, j = i+1, j-1 {
		created[i], created[j] = created[j], created[i]
	}
	assert.Equal(t, created, got)

	// The previous token leads back.
	m := ok(t, call(t, srv, alice, "GET", "/api/v4/posts?targetType=user&targetId=alice&options[limit]=3", nil))
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/posts?targetType=user&targetId=alice&options[token]="+q(next), nil))
	prev := m["paging"].(map[string]any)["previous"].(string)
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/posts?targetType=user&targetId=alice&options[token]="+q(prev), nil))
	assert.Equal(t, got[:3], ids(list(t, m, "posts"), "postId"))

	// options[after] and options[before] are id cursors (newer / older).
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/posts?targetType=user&targetId=alice&options[after]="+got[4], nil))
	assert.Equal(t, got[:4], ids(list(t, m, "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/posts?targetType=user&targetId=alice&options[before]="+got[2], nil))
	assert.Equal(t, got[3:], ids(list(t, m, "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/posts?targetType=user&targetId=alice&sortBy=firstCreated&options[limit]=2", nil))
	assert.Equal(t, []string{got[6], got[5]}, ids(list(t, m, "posts"), "postId"))

	r := call(t, srv, alice, "GET", "/api/v4/posts?targetType=user&targetId=alice&options[token]=AAAA", nil)
	assert.Equal(t, "Query Token is invalid", r.obj(t)["message"])
}

func TestModerationOnPosts(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin := srv.AdminToken()
	alice := srv.UserToken("alice")

	ok(t, call(t, srv, admin, "POST", "/api/v3/blocklists", map[string]any{"regexs": []string{"darn"}, "isMatchExactWord": true}))
	r := call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "Darn it"}})
	r.isError(t, http.StatusForbidden, 400308)
	createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "darning socks"}})

	// Links are free until an allowlist exists.
	createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "see https://evil.example/x"}})
	ok(t, call(t, srv, admin, "POST", "/api/v3/allowlists", map[string]any{"regexs": []string{"example.com"}}))
	r = call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "see https://evil.example/x"}})
	r.isError(t, http.StatusForbidden, 400309)
	createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "docs at https://docs.example.com/a and www.example.com"}})

	id := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "ok"}}))
	r = call(t, srv, alice, "PUT", "/api/v4/posts/"+id, map[string]any{"data": map[string]any{"text": "darn"}})
	assert.Equal(t, 400308, r.code(t))

	// Turning the allowlist off lets links through again.
	ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/moderation", map[string]any{"isWhitelistEnabled": false}))
	createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "see https://evil.example/x"}})
}

func TestPrivateCommunityPostsHidden(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	owner, outsider := srv.UserToken("owner"), srv.UserToken("outsider")
	cid := createCommunity(t, srv, owner, map[string]any{"displayName": "Secret", "isPublic": false})
	ok(t, createPostResp(t, srv, owner, cid))
	m := ok(t, call(t, srv, owner, "GET", "/api/v3/posts?targetType=community", nil))
	assert.Len(t, list(t, m, "posts"), 1)
	m = ok(t, call(t, srv, outsider, "GET", "/api/v3/posts?targetType=community", nil))
	assert.Empty(t, list(t, m, "posts"))
	r := call(t, srv, outsider, "GET", "/api/v4/posts?targetType=community&targetId="+cid, nil)
	r.isError(t, http.StatusForbidden, 400300)
	m = ok(t, call(t, srv, srv.AdminToken(), "GET", "/api/v4/posts?targetType=community&targetId="+cid, nil))
	assert.Len(t, list(t, m, "posts"), 1)
}
