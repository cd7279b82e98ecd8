package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCommunityPinsAndGlobalFeatured(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	owner, member := srv.UserToken("owner"), srv.UserToken("member")
	admin := srv.AdminToken()
	cid := createCommunity(t, srv, owner, map[string]any{"displayName": "News", "isPublic": true})
	ok(t, call(t, srv, member, "POST", "/api/v3/communities/"+cid+"/join", nil))
	var posts []string
	for _, text := range []string{"first", "second", "third"} {
		posts = append(posts, postID(t, createPost(t, srv, owner, map[string]any{"data": map[string]any{"text": text}, "targetType": "community", "targetId": cid})))
	}
	elsewhere := postID(t, createPost(t, srv, owner, map[string]any{"data": map[string]any{"text": "elsewhere"}}))

	base := "/api/v1/pinned-posts/communities/" + cid
	assert.Equal(t, http.StatusForbidden, call(t, srv, member, "POST", base+"/default/"+posts[0], nil).status, "members cannot pin")
	assert.Equal(t, http.StatusBadRequest, call(t, srv, owner, "POST", base+"/default/"+elsewhere, nil).status, "a post of another feed")
	ok(t, call(t, srv, owner, "POST", base+"/default/"+posts[0], nil))
	ok(t, call(t, srv, owner, "POST", base+"/default/"+posts[1], nil))
	m := ok(t, call(t, srv, owner, "POST", base+"/announcement/"+posts[2], nil))
	assert.Equal(t, "announcement", list(t, m, "pins")[0]["placement"])

	m = ok(t, call(t, srv, member, "GET", base, nil))
	assert.Equal(t, []string{posts[2], posts[1], posts[0]}, ids(list(t, m, "pins"), "referenceId"), "latest pinned first")
	assert.Len(t, list(t, m, "posts"), 3)
	m = ok(t, call(t, srv, member, "GET", base+"/default?options[orderBy]=asc", nil))
	assert.Equal(t, []string{posts[0], posts[1]}, ids(list(t, m, "pins"), "referenceId"))
	ok(t, call(t, srv, owner, "POST", base+"/default/"+posts[0], nil))
	m = ok(t, call(t, srv, member, "GET", base+"/default", nil))
	assert.Equal(t, []string{posts[0], posts[1]}, ids(list(t, m, "pins"), "referenceId"), "pinning again moves a post to the top")

	m = ok(t, call(t, srv, owner, "DELETE", base+"/default/"+posts[0], nil))
	assert.Equal(t, []string{posts[1]}, ids(list(t, m, "pins"), "referenceId"))
	ok(t, call(t, srv, owner, "DELETE", "/api/v3/posts/"+posts[1], nil))
	m = ok(t, call(t, srv, member, "GET", base, nil))
	assert.Equal(t, []string{posts[2]}, ids(list(t, m, "pins"), "referenceId"), "a deleted post drops out")
	m = ok(t, call(t, srv, owner, "DELETE", base+"/announcement", nil))
	assert.Equal(t, true, m["success"])
	ok(t, call(t, srv, owner, "POST", base+"/default/"+posts[2], nil))
	ok(t, call(t, srv, owner, "DELETE", base, nil))
	m = ok(t, call(t, srv, member, "GET", base, nil))
	assert.Empty(t, list(t, m, "pins"))

	// Global featured posts: admin only, listed in pin order, first in the global feed.
	assert.Equal(t, http.StatusForbidden, call(t, srv, owner, "POST", "/api/v1/pinned-posts/global/"+posts[0], nil).status)
	ok(t, call(t, srv, admin, "POST", "/api/v1/pinned-posts/global/"+elsewhere, nil))
	m = ok(t, call(t, srv, admin, "POST", "/api/v1/pinned-posts/global/"+posts[2], nil))
	assert.Equal(t, "network", list(t, m, "pinTargets")[0]["targetType"])
	m = ok(t, call(t, srv, member, "GET", "/api/v1/pinned-posts/global", nil))
	assert.Equal(t, []string{posts[2], elsewhere}, ids(list(t, m, "pins"), "referenceId"))
	m = ok(t, call(t, srv, member, "GET", "/api/v5/me/global-feeds", nil))
	feed := ids(list(t, m["data"].(map[string]any), "posts"), "postId")
	require.GreaterOrEqual(t, len(feed), 2)
	assert.Equal(t, []string{posts[2], elsewhere}, feed[:2], "featured posts lead the global feed")
	m = ok(t, call(t, srv, admin, "DELETE", "/api/v1/pinned-posts/global/"+posts[2], nil))
	assert.Equal(t, []string{elsewhere}, ids(list(t, m, "pins"), "referenceId"))
	m = ok(t, call(t, srv, admin, "DELETE", "/api/v1/pinned-posts/global", nil))
	assert.Empty(t, list(t, m, "pins"))
}
