package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCommentCRUD(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	pid := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "post"}}))

	m := ok(t, call(t, srv, bob, "POST", "/api/v3/comments", map[string]any{
		"referenceId": pid, "referenceType": "post", "data": map[string]any{"text": "first!"},
	}))
	c1 := commentID(t, m)
	c := list(t, m, "comments")[0]
	assert.Equal(t, "bob", c["userId"])
	assert.Equal(t, pid, c["referenceId"])
	assert.Equal(t, 1.0, c["segmentNumber"])
	reply := commentID(t, ok(t, call(t, srv, alice, "POST", "/api/v3/comments", map[string]any{
		"referenceId": pid, "parentId": c1, "data": map[string]any{"text": "thanks"},
	})))
	c2 := commentID(t, ok(t, call(t, srv, alice, "POST", "/api/v3/comments", map[string]any{
		"referenceId": pid, "data": map[string]any{"text": "second"},
	})))

	// Top-level comments, newest first, replies sideloaded.
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/comments?referenceId="+pid+"&referenceType=post", nil))
	assert.Equal(t, []string{c2, c1}, ids(list(t, m, "comments"), "commentId"))
	assert.Equal(t, []string{reply}, ids(list(t, m, "commentChildren"), "commentId"))
	assert.Equal(t, 1.0, list(t, m, "comments")[1]["childrenNumber"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/comments?referenceId="+pid+"&parentId="+c1, nil))
	assert.Equal(t, []string{reply}, ids(list(t, m, "comments"), "commentId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/comments?referenceId="+pid+"&filterByParentId=false&sortBy=firstCreated", nil))
	assert.Equal(t, []string{c1, reply, c2}, ids(list(t, m, "comments"), "commentId"))

	// The post counts and lists its comments.
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/posts/"+pid, nil))
	assert.Equal(t, 3.0, list(t, m, "posts")[0]["commentsCount"])
	assert.Len(t, list(t, m, "comments"), 2)

	// Get, list, update.
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/comments/"+c1, nil))
	assert.Equal(t, "first!", list(t, m, "comments")[0]["data"].(map[string]any)["text"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/comments/list?commentIds="+c1+","+c2, nil))
	assert.Len(t, list(t, m, "comments"), 2)
	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "PUT", "/api/v3/comments/"+c1, map[string]any{"data": map[string]any{"text": "x"}}).status)
	m = ok(t, call(t, srv, bob, "PUT", "/api/v3/comments/"+c1, map[string]any{"data": map[string]any{"text": "edited"}}))
	assert.Equal(t, "edited", list(t, m, "comments")[0]["data"].(map[string]any)["text"])

	// Delete (v4 soft, v4 permanent, v3).
	ok(t, call(t, srv, alice, "DELETE", "/api/v4/comments/"+c2, nil))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/comments?referenceId="+pid+"&isDeleted=false", nil))
	assert.Equal(t, []string{c1}, ids(list(t, m, "comments"), "commentId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/comments?referenceId="+pid, nil))
	assert.ElementsMatch(t, []string{c1, c2}, ids(list(t, m, "comments"), "commentId"), "without isDeleted, deleted comments are listed too")
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/comments?referenceId="+pid+"&isDeleted=true", nil))
	assert.Equal(t, []string{c2}, ids(list(t, m, "comments"), "commentId"))
	ok(t, call(t, srv, alice, "DELETE", "/api/v4/comments/"+c2+"?permanent=true", nil))
	assert.Equal(t, http.StatusNotFound, call(t, srv, alice, "GET", "/api/v3/comments/"+c2, nil).status)
	ok(t, call(t, srv, bob, "DELETE", "/api/v3/comments/"+c1, nil))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/comments/"+c1, nil))
	assert.Equal(t, true, list(t, m, "comments")[0]["isDeleted"])

	// Validation.
	r := call(t, srv, bob, "POST", "/api/v3/comments", map[string]any{"data": map[string]any{"text": "x"}})
	assert.Equal(t, 400000, r.code(t))
	r = call(t, srv, bob, "POST", "/api/v3/comments", map[string]any{"referenceId": "nope", "data": map[string]any{"text": "x"}})
	assert.Equal(t, 400400, r.code(t))
}

func TestCommentPagingAndFlags(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	pid := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "post"}}))
	var created []string
	for i := 0; i < 5; i++ {
		created = append(created, commentID(t, ok(t, call(t, srv, bob, "POST", "/api/v3/comments", map[string]any{
			"referenceId": pid, "data": map[string]any{"text": "c"},
		}))))
	}
	base := "/api/v3/comments?referenceId=" + pid + "&sortBy=firstCreated"
	m := ok(t, call(t, srv, alice, "GET", base+"&options[limit]=2", nil))
	got := ids(list(t, m, "comments"), "commentId")
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, alice, "GET", base+"&options[token]="+q(next), nil))
	got = append(got, ids(list(t, m, "comments"), "commentId")...)
	assert.Equal(t, created[:4], got)

	// Offset paging and segment windows.
	m = ok(t, call(t, srv, alice, "GET", base+"&options[type]=pagination&options[skip]=3&options[limit]=5", nil))
	assert.Equal(t, created[3:], ids(list(t, m, "comments"), "commentId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/comments?referenceId="+pid+"&options[last]=2", nil))
	assert.Equal(t, []string{created[4], created[3]}, ids(list(t, m, "comments"), "commentId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/comments?referenceId="+pid+"&options[after]=3&options[first]=10", nil))
	assert.Equal(t, created[3:], ids(list(t, m, "comments"), "commentId"))
	r := call(t, srv, alice, "GET", base+"&options[token]=zzz", nil)
	assert.Equal(t, "Query Token is invalid", r.obj(t)["message"])

	// Flags.
	c := created[0]
	m = ok(t, call(t, srv, alice, "POST", "/api/v3/comments/"+c+"/flag", map[string]any{"commentId": c}))
	assert.Equal(t, 1.0, list(t, m, "comments")[0]["flagCount"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/comments/"+c+"/isflagbyme", nil))
	assert.Equal(t, true, m["data"].(map[string]any)["result"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/comments?referenceId="+pid+"&hasFlag=true", nil))
	assert.Equal(t, []string{c}, ids(list(t, m, "comments"), "commentId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/posts/"+pid, nil))
	assert.Equal(t, true, list(t, m, "posts")[0]["hasFlaggedComment"])
	ok(t, call(t, srv, alice, "DELETE", "/api/v3/comments/"+c+"/unflag", nil))
	checkFlagClearing(t, srv, "/api/v3/comments/"+c+"/flag", "/api/v3/comments/"+c+"/flags", "comments", bob, bob, srv.AdminToken())
}

func TestReactions(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	pid := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "react"}}))
	cid := commentID(t, ok(t, call(t, srv, bob, "POST", "/api/v3/comments", map[string]any{"referenceId": pid, "data": map[string]any{"text": "c"}})))

	m := ok(t, call(t, srv, bob, "POST", "/api/v2/reactions", map[string]any{"referenceId": pid, "referenceType": "post", "reactionName": "like"}))
	added := m["addedId"].(string)
	require.NotEmpty(t, added)
	ok(t, call(t, srv, alice, "POST", "/api/v2/reactions", map[string]any{"referenceId": pid, "referenceType": "post", "reactionName": "love"}))
	ok(t, call(t, srv, alice, "POST", "/api/v2/reactions", map[string]any{"referenceId": cid, "referenceType": "comment", "reactionName": "like"}))

	m = ok(t, call(t, srv, bob, "GET", "/api/v3/posts/"+pid, nil))
	p := list(t, m, "posts")[0]
	assert.Equal(t, 2.0, p["reactionsCount"])
	assert.Equal(t, map[string]any{"like": 1.0, "love": 1.0}, p["reactions"])
	assert.Equal(t, []any{"like"}, p["myReactions"])

	m = ok(t, call(t, srv, bob, "GET", "/api/v3/reactions?referenceId="+pid+"&referenceType=post&options[limit]=1", nil))
	rs := list(t, m, "reactions")
	require.Len(t, rs, 1)
	assert.Len(t, rs[0]["reactors"], 1)
	assert.NotEmpty(t, m["paging"].(map[string]any)["next"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v2/reactions?referenceId="+pid+"&referenceType=post&reactionName=like", nil))
	data := m["data"].(map[string]any)
	assert.Equal(t, "bob", list(t, data, "reactions")[0]["reactors"].([]any)[0].(map[string]any)["userId"])

	m = ok(t, call(t, srv, bob, "DELETE", "/api/v2/reactions?referenceId="+pid+"&referenceType=post&reactionName=like", nil))
	assert.Equal(t, added, m["removedId"])
	assert.Equal(t, http.StatusNotFound, call(t, srv, bob, "DELETE", "/api/v2/reactions?referenceId="+pid+"&referenceType=post&reactionName=like", nil).status)
	assert.Equal(t, http.StatusNotFound, call(t, srv, bob, "POST", "/api/v2/reactions", map[string]any{"referenceId": "x", "referenceType": "post", "reactionName": "like"}).status)
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/comments/"+cid, nil))
	assert.Equal(t, 1.0, list(t, m, "comments")[0]["reactionsCount"])
}

// TestFlaggedRepliesAsTheVendorClientsFindThem checks how a moderator finds flagged comments.
// A comment list is a list of top-level comments unless it names a parent: without parentId
// it leaves replies out (the vendor clients' comment collection expects exactly that,
// CommentQueryStreamController.ts:75), so hasFlag=true alone finds flagged top-level comments
// only. The vendor clients find flagged replies per parent, with parentId and hasFlag; the
// spec's filterByParentId=false (which the vendor clients never send) lists top-level
// comments and replies together. The post itself says it has a flagged comment, reply or not.
func TestFlaggedRepliesAsTheVendorClientsFindThem(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob, carol := srv.UserToken("alice"), srv.UserToken("bob"), srv.UserToken("carol")
	pid := list(t, ok(t, call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "p"}})),
		"posts")[0]["postId"].(string)
	comment := func(token, parent, text string) string {
		body := map[string]any{"referenceId": pid, "referenceType": "post", "data": map[string]any{"text": text}}
		if parent != "" {
			body["parentId"] = parent
		}
		return list(t, ok(t, call(t, srv, token, "POST", "/api/v3/comments", body)), "comments")[0]["commentId"].(string)
	}
	top := comment(bob, "", "top")
	reply := comment(carol, top, "reply")
	comment(bob, top, "clean reply")
	m := ok(t, call(t, srv, alice, "GET", "/api/v3/posts/"+pid, nil))
	assert.Equal(t, false, list(t, m, "posts")[0]["hasFlaggedComment"])
	ok(t, call(t, srv, alice, "POST", "/api/v3/comments/"+reply+"/flag", nil))

	query := func(q string) []string {
		t.Helper()
		m := ok(t, call(t, srv, alice, "GET", "/api/v3/comments?referenceId="+pid+"&referenceType=post&"+q, nil))
		return ids(list(t, m, "comments"), "commentId")
	}
	assert.Equal(t, []string{top}, query("isDeleted=false"), "without parentId: top-level comments only")
	assert.Empty(t, query("hasFlag=true&isDeleted=false"), "the flagged reply is no top-level comment")
	assert.Equal(t, []string{reply}, query("parentId="+top+"&hasFlag=true&isDeleted=false"), "the vendor clients' way: per parent")
	assert.Equal(t, []string{reply}, query("filterByParentId=false&hasFlag=true"), "the spec's way: every comment of the post")
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/posts/"+pid, nil))
	assert.Equal(t, true, list(t, m, "posts")[0]["hasFlaggedComment"], "a flagged reply flags its post")
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/posts?targetType=user&targetId=alice&hasFlag=true", nil))
	assert.Equal(t, []string{pid}, ids(list(t, m, "posts"), "postId"), "the post of a flagged reply is a flagged post")
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/comments/"+top, nil))
	assert.Contains(t, ids(list(t, m, "commentChildren"), "commentId"), reply, "the parent sideloads its replies")
}
