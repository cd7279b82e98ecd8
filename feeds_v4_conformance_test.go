package amity_test

import (
	"context"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	full := func() *amity.ListUserPostsParams {
		return &amity.ListUserPostsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
			FeedSources: []amity.UserFeedSource{amity.UserFeedSourceUser, amity.UserFeedSourceCommunity}, SortBy: amity.FeedSortFirstUpdated,
			IsDeleted: amity.Ptr(false), DataTypes: []amity.FeedDataType{amity.FeedDataText, amity.FeedDataVideo}, MatchingOnlyParentPost: amity.Ptr(false),
			Before: "65a0c0ffee", After: "659fc0ffee", UpdatedAt: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}
	}
	registerConformance(
		conformanceCase{Method: "Feeds.ListUserPostsPage", Op: "GET /api/v4/user-feeds/{userId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.ListUserPostsPage(ctx, "u1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.ListUserPostsPage(ctx, "u1", full()))
			}},
		conformanceCase{Method: "Feeds.ListUserPosts", Op: "GET /api/v4/user-feeds/{userId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Feeds.ListUserPosts(ctx, "u1", nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Feeds.ListUserPosts(ctx, "u1", full())))
			}},
		conformanceCase{Method: "Feeds.ListUserPostsPages", Op: "GET /api/v4/user-feeds/{userId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Feeds.ListUserPostsPages(ctx, "u1", nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Feeds.ListUserPostsPages(ctx, "u1", full())))
			}},
	)
}
