package amity_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFeedsListUserPosts(t *testing.T) {
	answer := fixture(t, "feeds_v4_user.json")
	page := func(userID string, p *amity.ListUserPostsParams) func(context.Context, *amity.Client) (any, error) {
		return func(ctx context.Context, c *amity.Client) (any, error) {
			return c.Feeds.ListUserPostsPage(ctx, userID, p)
		}
	}
	runShapeCases(t, []shapeCase{
		{name: "zero value", method: "GET", path: "/api/v4/user-feeds/alice", answer: answer, call: page("alice", nil),
			check: func(t *testing.T, out any) {
				p := out.(*amity.PostPayload)
				require.Len(t, p.Posts, 2)
				assert.Equal(t, "In a community", p.PostByID("up-2").Data.Text)
				assert.Equal(t, "News", p.Community(&p.Posts[1]).DisplayName)
				assert.Equal(t, "Alice", p.Author(&p.Posts[0]).DisplayName)
				assert.Equal(t, "ufeed-2", p.Paging.Next)
				assert.Contains(t, string(p.Raw), "userFeedFutureField")
			}},
		{name: "full", method: "GET", path: "/api/v4/user-feeds/a%2Fb", answer: answer,
			call: page("a/b", &amity.ListUserPostsParams{PageParams: amity.PageParams{Limit: 5, PageToken: "t1"},
				FeedSources: []amity.UserFeedSource{amity.UserFeedSourceUser, amity.UserFeedSourceCommunity}, SortBy: amity.FeedSortFirstCreated,
				IsDeleted: amity.Ptr(true), DataTypes: []amity.FeedDataType{amity.FeedDataText}, MatchingOnlyParentPost: amity.Ptr(true),
				Before: "b1", After: "a1", UpdatedAt: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}),
			values: url.Values{"options[limit]": {"5"}, "options[token]": {"t1"}, "includePostedFeed[]": {"user", "community"},
				"sortBy": {"firstCreated"}, "isDeleted": {"true"}, "dataTypes[]": {"text"}, "matchingOnlyParentPost": {"true"},
				"options[before]": {"b1"}, "options[after]": {"a1"}, "options[updatedAt]": {"2024-05-01T12:00:00Z"}}},
		{name: "data types match child posts unless told", method: "GET", path: "/api/v4/user-feeds/alice", answer: answer,
			call:  page("alice", &amity.ListUserPostsParams{DataTypes: []amity.FeedDataType{amity.FeedDataClip}}),
			query: "dataTypes%5B%5D=clip&matchingOnlyParentPost=false"},
		{name: "bad input", attempts: 3, call: page("alice", nil), invalid: []func(context.Context, *amity.Client) error{
			func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.ListUserPostsPage(ctx, "", nil))
			},
			func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.ListUserPostsPage(ctx, "..", nil))
			},
			func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.ListUserPostsPage(ctx, "u", &amity.ListUserPostsParams{FeedSources: []amity.UserFeedSource{""}}))
			},
			func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.ListUserPostsPage(ctx, "u", &amity.ListUserPostsParams{After: longString(25)}))
			},
			func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.ListUserPostsPage(ctx, "u", &amity.ListUserPostsParams{PageParams: amity.PageParams{PageToken: longString(1001)}}))
			},
		}},
	})
}

func TestFeedsListUserPostsPaging(t *testing.T) {
	c, mt := mockClient(t)
	last := `{"posts":[{"postId":"up-3","createdAt":"2024-04-01T00:00:00Z"}],"paging":{}}`
	rec := recordPages(t, mt, "/api/v4/user-feeds/alice", "options[token]", "ufeed-2", fixture(t, "feeds_v4_user.json"), last)
	var ids []string
	for p, err := range c.Feeds.ListUserPosts(context.Background(), "alice", nil) {
		require.NoError(t, err)
		ids = append(ids, p.PostID)
	}
	assert.Equal(t, []string{"up-1", "up-2", "up-3"}, ids)
	assert.Equal(t, []string{"", "options%5Btoken%5D=ufeed-2"}, rec.queries())
	n := 0
	for pg, err := range c.Feeds.ListUserPostsPages(context.Background(), "alice", nil) {
		require.NoError(t, err)
		n += len(pg.Posts)
	}
	assert.Equal(t, 3, n)
	_, err := first(c.Feeds.ListUserPosts(context.Background(), " ", nil))
	assertInvalid(t, err, "Feeds.ListUserPosts: userID")
}
