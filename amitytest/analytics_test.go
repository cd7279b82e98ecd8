package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAnalyticsViewsAndReach(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob, carol := srv.UserToken("alice"), srv.UserToken("bob"), srv.UserToken("carol")
	pid := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "Read me"}}))
	view := map[string]any{"activities": []map[string]any{{"contentId": pid, "contentType": "post", "activityType": "view"}}}
	for _, tok := range []string{bob, carol, bob} {
		assert.Equal(t, http.StatusAccepted, call(t, srv, tok, "POST", "/api/v1/analytics/activities", view).status)
	}
	impression, reach := srv.Views("post", pid)
	assert.Equal(t, 3, impression)
	assert.Equal(t, 2, reach)
	p := list(t, ok(t, call(t, srv, alice, "GET", "/api/v3/posts/"+pid, nil)), "posts")[0]
	assert.EqualValues(t, 3, p["impression"], "the post carries its impression and reach")
	assert.EqualValues(t, 2, p["reach"])
	m := ok(t, call(t, srv, alice, "GET", "/api/v1/analytics/views/posts/"+pid+"/users?limit=1", nil))
	assert.Equal(t, []string{"bob"}, ids(list(t, m, "users"), "userId"), "latest viewer first")
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/analytics/views/posts/"+pid+"/users?token="+q(next), nil))
	assert.Equal(t, []string{"carol"}, ids(list(t, m, "users"), "userId"))

	ok(t, call(t, srv, srv.AdminToken(), "POST", "/api/v2/users/ban", map[string]any{"userId": "carol"}))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/analytics/views/posts/"+pid+"/users", nil))
	assert.Equal(t, []string{"bob"}, ids(list(t, m, "users"), "userId"), "global-banned viewers are left out")
	ok(t, call(t, srv, alice, "DELETE", "/api/v3/posts/"+pid, nil))
	assert.Equal(t, http.StatusNotFound, call(t, srv, bob, "GET", "/api/v1/analytics/views/posts/"+pid+"/users", nil).status, "only the owner reads a deleted post's viewers")
	ok(t, call(t, srv, alice, "GET", "/api/v1/analytics/views/posts/"+pid+"/users", nil))
	assert.Equal(t, http.StatusBadRequest, call(t, srv, bob, "POST", "/api/v1/analytics/activities", map[string]any{"activities": []map[string]any{{"contentId": "p1", "contentType": "post", "activityType": "view"}}}).status)
}
