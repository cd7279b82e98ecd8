package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFollowsFeedTheFollowingFeed(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob, carol := srv.UserToken("alice"), srv.UserToken("bob"), srv.UserToken("carol")

	bobPost := postID(t, createPost(t, srv, bob, map[string]any{"data": map[string]any{"text": "Bob's trip"}}))
	ownPost := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "Alice's note"}}))
	carolPost := postID(t, createPost(t, srv, carol, map[string]any{"data": map[string]any{"text": "Carol's cat"}}))

	m := ok(t, call(t, srv, alice, "GET", "/api/v1/me/following-feeds?sortBy=lastCreated", nil))
	assert.Equal(t, []string{ownPost}, ids(list(t, m, "posts"), "postId"), "only the own feed before following anyone")

	m = ok(t, call(t, srv, alice, "POST", "/api/v4/me/following/bob", nil))
	assert.Equal(t, "accepted", list(t, m, "follows")[0]["status"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/me/following-feeds?sortBy=lastCreated", nil))
	assert.Equal(t, []string{ownPost, bobPost}, ids(list(t, m, "posts"), "postId"), "following bob brings in his posts")
	assert.NotContains(t, ids(list(t, m, "posts"), "postId"), carolPost)
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/me/global-feeds?limit=1", nil))
	data := m["data"].(map[string]any)
	assert.Len(t, list(t, data, "posts"), 1)
	next := data["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/me/global-feeds?token="+q(next), nil))
	assert.Len(t, list(t, m["data"].(map[string]any), "posts"), 1)
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/me/global-feeds", nil))
	assert.ElementsMatch(t, []string{ownPost, bobPost}, ids(list(t, m["data"].(map[string]any), "posts"), "postId"))

	// Follow approval: a request waits for the followed user.
	srv.SetFollowApproval(true)
	m = ok(t, call(t, srv, alice, "POST", "/api/v4/me/following/carol", nil))
	assert.Equal(t, "pending", list(t, m, "follows")[0]["status"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/me/following-feeds", nil))
	assert.NotContains(t, ids(list(t, m, "posts"), "postId"), carolPost, "a pending follow brings nothing")
	m = ok(t, call(t, srv, carol, "GET", "/api/v4/me/followInfo", nil))
	assert.EqualValues(t, 1, list(t, m, "followCounts")[0]["pendingCount"])
	m = ok(t, call(t, srv, carol, "GET", "/api/v4/me/followers?status=pending", nil))
	assert.Equal(t, []string{"alice"}, ids(list(t, m, "follows"), "from"))
	m = ok(t, call(t, srv, carol, "POST", "/api/v4/me/followers/alice", nil))
	assert.Equal(t, "accepted", list(t, m, "follows")[0]["status"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/me/following-feeds", nil))
	assert.Contains(t, ids(list(t, m, "posts"), "postId"), carolPost)
	assert.Equal(t, http.StatusNotFound, call(t, srv, carol, "POST", "/api/v4/me/followers/bob", nil).status, "no request from bob")

	// Counts, lists and info.
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/me/following?limit=1", nil))
	assert.Len(t, list(t, m, "follows"), 1)
	assert.NotEmpty(t, m["paging"].(map[string]any)["next"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v4/users/alice/following", nil))
	assert.ElementsMatch(t, []string{"bob", "carol"}, ids(list(t, m, "follows"), "to"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/users/bob/followers", nil))
	assert.Equal(t, []string{"alice"}, ids(list(t, m, "follows"), "from"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/users/bob/followInfo", nil))
	assert.Equal(t, "accepted", list(t, m, "follows")[0]["status"])
	assert.EqualValues(t, 1, list(t, m, "followCounts")[0]["followerCount"])
	ok(t, call(t, srv, bob, "POST", "/api/v4/me/user-blocks/alice", nil))
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/users/bob/followInfo", nil))
	assert.Equal(t, "blocked", list(t, m, "follows")[0]["status"], "v5 reports blocks")
	assert.Equal(t, http.StatusForbidden, call(t, srv, bob, "POST", "/api/v4/me/following/alice", nil).status)
	assert.Equal(t, http.StatusBadRequest, call(t, srv, alice, "POST", "/api/v4/me/following/alice", nil).status)

	// Unfollow and remove a follower.
	m = ok(t, call(t, srv, alice, "DELETE", "/api/v4/me/following/bob", nil))
	assert.Equal(t, "none", list(t, m, "follows")[0]["status"])
	ok(t, call(t, srv, carol, "DELETE", "/api/v4/me/followers/alice", nil))
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/me/followInfo", nil))
	assert.EqualValues(t, 0, list(t, m, "followCounts")[0]["followingCount"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/me/following-feeds", nil))
	assert.Equal(t, []string{ownPost}, ids(list(t, m, "posts"), "postId"))
}
