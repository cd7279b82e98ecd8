package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSemanticSearchRanksByRelevance: semantic search answers the posts and communities that
// match the query best first, narrowed by target and membership, and needs a query.
func TestSemanticSearchRanksByRelevance(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	hikers := createCommunity(t, srv, alice, map[string]any{"displayName": "Mountain Hikers", "description": "Trails and summits", "isPublic": true, "tags": []string{"outdoor"}})
	createCommunity(t, srv, alice, map[string]any{"displayName": "Home Bakers", "description": "Bread and cakes", "isPublic": true})
	best := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "Best summit hiking trails this spring"}, "targetType": "community", "targetId": hikers}))
	some := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "Hiking boots on sale"}}))
	postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "Sourdough starter tips"}}))

	m := ok(t, call(t, srv, alice, "GET", "/api/v1/semantic-search/posts?query="+q("summit hiking trails"), nil))
	assert.Equal(t, []string{best, some}, ids(list(t, m, "searchResults"), "postId"), "best match first")
	assert.Equal(t, []string{best, some}, ids(list(t, m, "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/semantic-search/posts?query=hiking&targetType=community&targetId="+hikers+"&options[limit]=5", nil))
	assert.Equal(t, []string{best}, ids(list(t, m, "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/semantic-search/communities?query="+q("hiking summits"), nil))
	assert.Equal(t, []string{hikers}, ids(list(t, m, "searchResults"), "communityId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/semantic-search/communities?query=hikers&filter=notMember", nil))
	assert.Empty(t, list(t, m, "communities"), "alice is a member")
	assert.Equal(t, http.StatusBadRequest, call(t, srv, alice, "GET", "/api/v1/semantic-search/posts", nil).status)
}
