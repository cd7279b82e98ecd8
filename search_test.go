package amity_test

import (
	"context"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSearchPosts(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v1/semantic-search/posts", fixture(t, "search_posts.json"))
	mt.RegisterResponderWithQuery("GET", "https://api.test/api/v1/semantic-search/posts", "query=lunch&options[token]=search-2", jsonResponder(200, `{"searchResults":[],"posts":[]}`))
	page, err := c.Search.SearchPostsPage(ctx, &amity.SearchPostsParams{PageParams: amity.PageParams{Limit: 2}, Query: "lunch", TargetType: amity.SearchTargetCommunity,
		TargetID: "c-news", DataTypes: []amity.SearchDataType{amity.SearchDataImage}, Tags: []string{"food", "team"}, MatchingOnlyParentPost: amity.Ptr(false)})
	require.NoError(t, err)
	q := rec.last(t).Values()
	assert.Equal(t, "lunch", q.Get("query"))
	assert.Equal(t, "community", q.Get("targetType"))
	assert.Equal(t, "c-news", q.Get("targetId"))
	assert.Equal(t, []string{"image"}, q["dataTypes[]"])
	assert.Equal(t, []string{"food", "team"}, q["tags[]"])
	assert.Equal(t, "false", q.Get("matchingOnlyParentPost"))
	assert.Equal(t, "2", q.Get("options[limit]"))
	require.Len(t, page.SearchResults, 2)
	assert.Equal(t, "post-poll", page.SearchResults[0].PostID, "best first")
	score, ok := page.ScoreByID("post-poll")
	assert.True(t, ok)
	assert.Equal(t, 0.92, score)
	_, ok = page.ScoreByID("nope")
	assert.False(t, ok)
	assert.Len(t, page.Posts, 2)
	assert.Contains(t, string(page.Raw), "resultFutureField")
	assert.Equal(t, 2, countItems(t, c.Search.SearchPosts(ctx, &amity.SearchPostsParams{Query: "lunch"})))
	assert.Equal(t, 2, countItems(t, c.Search.SearchPostsPages(ctx, &amity.SearchPostsParams{Query: "lunch"})))
}

func TestSearchCommunities(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v1/semantic-search/communities", fixture(t, "search_communities.json"))
	page, err := c.Search.SearchCommunitiesPage(ctx, &amity.SearchCommunitiesParams{PageParams: amity.PageParams{Limit: 3, PageToken: "t"}, Query: "hiking",
		Filter: amity.SearchMember, Tags: []string{"outdoor"}, CategoryIDs: []string{"cat1", "cat2"}})
	require.NoError(t, err)
	q := rec.last(t).Values()
	assert.Equal(t, "hiking", q.Get("query"))
	assert.Equal(t, "member", q.Get("filter"))
	assert.Equal(t, "outdoor", q.Get("tags[]"))
	assert.Equal(t, []string{"cat1", "cat2"}, q["categoryIds[]"], "a list, as the API's clients send it (was one comma-joined string)")
	assert.Equal(t, "t", q.Get("options[token]"))
	score, ok := page.ScoreByID("c-hikers")
	assert.True(t, ok)
	assert.Equal(t, 0.8, score)
	assert.Equal(t, "c-hikers", page.Communities[0].CommunityID)
	assert.Equal(t, 2, countItems(t, c.Search.SearchCommunities(ctx, &amity.SearchCommunitiesParams{Query: "hiking"})))
	assert.Equal(t, 1, countItems(t, c.Search.SearchCommunitiesPages(ctx, &amity.SearchCommunitiesParams{Query: "hiking"})))
}

func TestSearchErrorsAndValidation(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", "https://api.test/api/v1/semantic-search/posts", jsonResponder(403, `{"status":"error","code":400300,"message":"Semantic search is disabled"}`))
	_, err := c.Search.SearchPostsPage(ctx, &amity.SearchPostsParams{Query: "x"})
	assert.ErrorIs(t, err, amity.ErrForbidden)

	before := mt.GetTotalCallCount()
	for name, p := range map[string]*amity.SearchPostsParams{
		"params": nil, "Query": {}, "DataTypes": {Query: "x", DataTypes: []amity.SearchDataType{""}},
		"Tags": {Query: "x", Tags: make([]string, 6)}, "Tags[0]": {Query: "x", Tags: []string{strings.Repeat("t", 25)}},
	} {
		_, err := c.Search.SearchPostsPage(ctx, p)
		assertInvalid(t, err, name)
	}
	_, err = c.Search.SearchPostsPage(ctx, &amity.SearchPostsParams{Query: strings.Repeat("q", 1025)})
	assertInvalid(t, err, "Query")
	for name, p := range map[string]*amity.SearchCommunitiesParams{
		"params": nil, "Query": {}, "CategoryIDs": {Query: "x", CategoryIDs: make([]string, 11)},
		"CategoryIDs[]": {Query: "x", CategoryIDs: []string{strings.Repeat("c", 129)}},
	} {
		_, err := c.Search.SearchCommunitiesPage(ctx, p)
		assertInvalid(t, err, name)
	}
	assert.Equal(t, before, mt.GetTotalCallCount())
}

// TestSearchUnknownEnumsAreSent: a target type, data type or membership filter the SDK does
// not know is sent as given.
func TestSearchUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"posts", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Search.SearchPostsPage(ctx, &amity.SearchPostsParams{Query: "x", TargetType: "channel", DataTypes: []amity.SearchDataType{"video"}}))
		}, []string{"targetType=channel", "dataTypes[]=video"}},
		{"communities", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Search.SearchCommunitiesPage(ctx, &amity.SearchCommunitiesParams{Query: "x", Filter: "owner"}))
		}, []string{"filter=owner"}},
	})
}
