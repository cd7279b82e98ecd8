package amity_test

import (
	"context"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	createdAt := amity.Time{Time: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)}
	registerConformance(
		// v5 message feeds
		conformanceCase{Method: "Messages.CreateFeed", Op: "POST /api/v5/message-feeds",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.CreateFeed(ctx, &amity.CreateMessageFeedParams{ChannelID: "64f0a1b2c3d4e5f6a7b8c9d0", Name: "topic"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.CreateFeed(ctx, &amity.CreateMessageFeedParams{ChannelID: "64f0a1b2c3d4e5f6a7b8c9d0", Name: "topic",
					CreatedAt: &createdAt}))
			}},
		conformanceCase{Method: "Messages.GetFeed", Op: "GET /api/v5/message-feeds/{messageFeedId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Messages.GetFeed(ctx, "mf1")) }},
		conformanceCase{Method: "Messages.GetManyFeeds", Op: "GET /api/v5/message-feeds/list",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.GetManyFeeds(ctx, &amity.GetManyFeedsParams{MessageFeedIDs: []string{"mf1", "mf2"}}))
			}},
		conformanceCase{Method: "Messages.UpdateFeed", Op: "PUT /api/v5/message-feeds/{messageFeedId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.UpdateFeed(ctx, "mf1", &amity.UpdateMessageFeedParams{Name: "renamed"}))
			}},
		conformanceCase{Method: "Messages.DeleteFeed", Op: "DELETE /api/v5/message-feeds/{messageFeedId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Messages.DeleteFeed(ctx, "mf1", nil) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Messages.DeleteFeed(ctx, "mf1", &amity.DeleteMessageFeedParams{Permanent: amity.Ptr(false)})
			}},
		conformanceCase{Method: "Messages.ListFeedsPage", Op: "GET /api/v5/message-feeds/channel/{channelId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.ListFeedsPage(ctx, "64f0a1b2c3d4e5f6a7b8c9d0", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.ListFeedsPage(ctx, "64f0a1b2c3d4e5f6a7b8c9d0", &amity.ListMessageFeedsParams{PageParams: amity.PageParams{Limit: 10},
					IsDeleted: amity.Ptr(false), After: "mf1", Before: "mf9", SortBy: amity.MessageFeedSortLastMessageAsc}))
			}},
		conformanceCase{Method: "Messages.ListFeedsByCreatorPage", Op: "GET /api/v5/message-feeds/user/{creatorId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.ListFeedsByCreatorPage(ctx, "u1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.ListFeedsByCreatorPage(ctx, "u1", &amity.ListMessageFeedsParams{PageParams: amity.PageParams{Limit: 10, PageToken: "tok"},
					IsDeleted: amity.Ptr(true)}))
			}},
	)
}
