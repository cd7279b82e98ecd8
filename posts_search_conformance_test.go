package amity_test

import (
	"context"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	full := func() *amity.SearchPostsByTagsParams {
		return &amity.SearchPostsByTagsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
			TargetType: amity.PostTargetCommunity, TargetID: "c1", Hashtags: []string{"golang", "AI_trends"}, Tags: []string{"news"},
			DataTypes: []amity.FeedDataType{amity.FeedDataImage, amity.FeedDataClip}, MatchingOnlyParentPost: amity.Ptr(true),
			FeedType: amity.FeedTypePublished, SortBy: amity.PostSortLastUpdated, HasFlag: amity.Ptr(false), IsDeleted: amity.Ptr(false),
			CheckStatus: amity.PostCheckFollowUpNeeded, IncludeModerationDetails: amity.Ptr(true),
			Before: "65a0c0ffee", After: "659fc0ffee", UpdatedAt: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}
	}
	required := &amity.SearchPostsByTagsParams{TargetType: amity.PostTargetUser}
	registerConformance(
		conformanceCase{Method: "Posts.SearchPage", Op: "GET /api/v1/search/posts",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.SearchPage(ctx, required)) },
			Full:     func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.SearchPage(ctx, full())) }},
		conformanceCase{Method: "Posts.Search", Op: "GET /api/v1/search/posts",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Posts.Search(ctx, required))) },
			Full:     func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Posts.Search(ctx, full()))) }},
		conformanceCase{Method: "Posts.SearchPages", Op: "GET /api/v1/search/posts",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Posts.SearchPages(ctx, required)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Posts.SearchPages(ctx, full())))
			}},
	)
}
