package amity_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPostsSearchFixturesMatchSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"posts_search_page1.json": {"GET", "/api/v1/search/posts"},
		"posts_search_page2.json": {"GET", "/api/v1/search/posts"},
		"feeds_v4_user.json":      {"GET", "/api/v4/user-feeds/u1"},
	})
}

func TestPostsSearchPages(t *testing.T) {
	c, mt := mockClient(t)
	rec := recordPages(t, mt, "/api/v1/search/posts", "options[token]", "search-2",
		fixture(t, "posts_search_page1.json"), fixture(t, "posts_search_page2.json"))
	ctx := context.Background()
	params := &amity.SearchPostsByTagsParams{TargetType: amity.PostTargetCommunity, TargetID: "c-news", Hashtags: []string{"golang"},
		PageParams: amity.PageParams{Limit: 1}}
	var ids []string
	for p, err := range c.Posts.Search(ctx, params) {
		require.NoError(t, err)
		ids = append(ids, p.PostID)
	}
	assert.Equal(t, []string{"hash-1", "hash-2"}, ids)
	assert.Equal(t, []string{
		"hashtags%5B%5D=golang&options%5Blimit%5D=1&targetId=c-news&targetType=community",
		"hashtags%5B%5D=golang&options%5Blimit%5D=1&options%5Btoken%5D=search-2&targetId=c-news&targetType=community",
	}, rec.queries())
	assert.Equal(t, "", params.PageToken, "the caller's params are not changed")

	page, err := c.Posts.SearchPage(ctx, params)
	require.NoError(t, err)
	post := page.Post()
	require.NotNil(t, post)
	assert.Equal(t, []string{"golang"}, post.Hashtags)
	assert.Equal(t, amity.PostStructureImage, post.StructureType)
	assert.Equal(t, "Alice", page.Author(post).DisplayName)
	require.Len(t, page.Children(post), 1)
	assert.Equal(t, "img.png", page.PostFiles(post)[0].Attributes.Name)
	assert.Equal(t, "News", page.Community(post).DisplayName)
	assert.Equal(t, atTime(t, "2024-05-01T12:00:00.000Z"), post.CreatedAt)
	assert.Contains(t, string(page.Raw), "searchFutureField", "unknown fields stay in Raw")
	assert.Equal(t, "search-2", page.Paging.Next)
}

func TestPostsSearchQuery(t *testing.T) {
	full := &amity.SearchPostsByTagsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
		TargetType: amity.PostTargetCommunity, TargetID: "c1", Hashtags: []string{"golang", "AI_trends"}, Tags: []string{"news"},
		DataTypes: []amity.FeedDataType{amity.FeedDataImage, amity.FeedDataClip}, MatchingOnlyParentPost: amity.Ptr(true),
		FeedType: amity.FeedTypeReviewing, SortBy: amity.PostSortLastUpdated, HasFlag: amity.Ptr(false), IsDeleted: amity.Ptr(true),
		CheckStatus: amity.PostCheckToCheck, IncludeModerationDetails: amity.Ptr(true),
		Before: "65a0c0ffee", After: "659fc0ffee", UpdatedAt: time.Date(2024, 5, 1, 14, 0, 0, 0, time.FixedZone("x", 7200))}
	search := func(p *amity.SearchPostsByTagsParams) func(context.Context, *amity.Client) (any, error) {
		return func(ctx context.Context, c *amity.Client) (any, error) { return c.Posts.SearchPage(ctx, p) }
	}
	answer := fixture(t, "posts_search_page1.json")
	runShapeCases(t, []shapeCase{
		{name: "full", method: "GET", path: "/api/v1/search/posts", answer: answer, call: search(full), values: url.Values{
			"options[limit]": {"20"}, "options[token]": {"tok"}, "targetType": {"community"}, "targetId": {"c1"},
			"hashtags[]": {"golang", "AI_trends"}, "tags[]": {"news"}, "dataTypes[]": {"image", "clip"}, "matchingOnlyParentPost": {"true"},
			"feedType": {"reviewing"}, "sortBy": {"lastUpdated"}, "hasFlag": {"false"}, "isDeleted": {"true"}, "checkStatus": {"to-check"},
			"includeModerationDetails": {"true"}, "options[before]": {"65a0c0ffee"}, "options[after]": {"659fc0ffee"},
			"options[updatedAt]": {"2024-05-01T12:00:00Z"},
		}},
		{name: "data types match child posts unless told", method: "GET", path: "/api/v1/search/posts", answer: answer,
			call:  search(&amity.SearchPostsByTagsParams{TargetType: amity.PostTargetUser, DataTypes: []amity.FeedDataType{amity.FeedDataVideo}}),
			query: "dataTypes%5B%5D=video&matchingOnlyParentPost=false&targetType=user"},
		{name: "required only", method: "GET", path: "/api/v1/search/posts", answer: answer,
			call: search(&amity.SearchPostsByTagsParams{TargetType: amity.PostTargetContent}), query: "targetType=content"},
		{name: "bad input", attempts: 3, invalid: []func(context.Context, *amity.Client) error{
			func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.SearchPage(ctx, nil)) },
			func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.SearchPage(ctx, &amity.SearchPostsByTagsParams{}))
			},
		}, call: search(&amity.SearchPostsByTagsParams{TargetType: amity.PostTargetUser})},
	})
}

func TestPostsSearchBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	search := func(p *amity.SearchPostsByTagsParams) func() error {
		return func() error { return errOf(c.Posts.SearchPage(ctx, p)) }
	}
	user := amity.PostTargetUser
	assertInvalidCases(t, map[string]invalidCase{
		"nil":            {"Posts.SearchPage: params", search(nil)},
		"no target type": {"TargetType", search(&amity.SearchPostsByTagsParams{Hashtags: []string{"go"}})},
		"long target":    {"TargetID", search(&amity.SearchPostsByTagsParams{TargetType: user, TargetID: longString(901)})},
		"hashtag space":  {"Hashtags[]", search(&amity.SearchPostsByTagsParams{TargetType: user, Hashtags: []string{"two words"}})},
		"hashtag hash":   {"Hashtags[]", search(&amity.SearchPostsByTagsParams{TargetType: user, Hashtags: []string{"#go"}})},
		"hashtag empty":  {"Hashtags[]", search(&amity.SearchPostsByTagsParams{TargetType: user, Hashtags: []string{""}})},
		"hashtag long":   {"Hashtags[]", search(&amity.SearchPostsByTagsParams{TargetType: user, Hashtags: []string{longString(101)}})},
		"31 hashtags":    {"Hashtags", search(&amity.SearchPostsByTagsParams{TargetType: user, Hashtags: strings.Split(strings.Repeat("a,", 30)+"a", ",")})},
		"6 tags":         {"Tags", search(&amity.SearchPostsByTagsParams{TargetType: user, Tags: []string{"a", "b", "c", "d", "e", "f"}})},
		"7 data types": {"DataTypes", search(&amity.SearchPostsByTagsParams{TargetType: user,
			DataTypes: []amity.FeedDataType{"a", "b", "c", "d", "e", "f", "g"}})},
		"empty data type": {"DataTypes[]", search(&amity.SearchPostsByTagsParams{TargetType: user, DataTypes: []amity.FeedDataType{""}})},
		"long before":     {"Before", search(&amity.SearchPostsByTagsParams{TargetType: user, Before: longString(25)})},
		"limit":           {"Limit", search(&amity.SearchPostsByTagsParams{TargetType: user, PageParams: amity.PageParams{Limit: 101}})},
	})
	_, err := first(c.Posts.Search(ctx, nil))
	assertInvalid(t, err, "Posts.Search: TargetType", "nil params are the zero value to the iterator")
	_, err = first(c.Posts.SearchPages(ctx, &amity.SearchPostsByTagsParams{}))
	assertInvalid(t, err, "Posts.SearchPages: TargetType")
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestPostsSearchUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"search", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Posts.SearchPage(ctx, &amity.SearchPostsByTagsParams{TargetType: "event", FeedType: "archived",
				CheckStatus: "escalated", SortBy: "hottest", DataTypes: []amity.FeedDataType{"room"}}))
		}, []string{"targetType=event", "feedType=archived", "checkStatus=escalated", "sortBy=hottest", "dataTypes[]=room"}},
		{"user feed", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Feeds.ListUserPostsPage(ctx, "u1", &amity.ListUserPostsParams{FeedSources: []amity.UserFeedSource{"event"},
				DataTypes: []amity.FeedDataType{"room"}, SortBy: "hottest"}))
		}, []string{"includePostedFeed[]=event", "dataTypes[]=room", "sortBy=hottest"}},
	})
}
