package amity_test

import (
	"context"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	ids := &amity.MarkerIDsParams{IDs: []string{"65166ee3e95ee48b93eed245", "65166ee3e95ee48b93eed246"}}
	const feed = "65166ee3e95ee48b93eed247"
	registerConformance(
		conformanceCase{Method: "Markers.GetChannels", Op: "GET /api/v1/markers/channels", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Markers.GetChannels(ctx, ids)) }},
		conformanceCase{Method: "Markers.GetMessageFeeds", Op: "GET /api/v1/markers/message-feeds", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Markers.GetMessageFeeds(ctx, ids)) }},
		conformanceCase{Method: "Markers.GetMessages", Op: "GET /api/v1/markers/messages", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Markers.GetMessages(ctx, ids)) }},
		conformanceCase{Method: "Markers.GetUserMessageFeeds", Op: "GET /api/v1/markers/user-message-feed", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Markers.GetUserMessageFeeds(ctx, ids))
			}},
		conformanceCase{Method: "Markers.GetUserMarker", Op: "GET /api/v1/markers/userMarker", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Markers.GetUserMarker(ctx)) }},
		conformanceCase{Method: "Markers.MarkChannelRead", Op: "PUT /api/v1/markers/channels/{channelId}/mark-read", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Markers.MarkChannelRead(ctx, feed)) }},
		conformanceCase{Method: "Markers.MarkRead", Op: "PUT /api/v1/markers/message-feeds/{messageFeedId}/mark-read", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Markers.MarkRead(ctx, feed, &amity.MarkReadParams{ReadToSegment: 12}))
			}},
		conformanceCase{Method: "Markers.MarkDelivering", Op: "PUT /api/v1/markers/message-feeds/{messageFeedId}/mark-delivering", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Markers.MarkDelivering(ctx, feed, &amity.MarkDeliveringParams{MessageID: "65166ee3e95ee48b93eed248"}))
			}},
		conformanceCase{Method: "Markers.MarkFeedsRead", Op: "POST /api/v1/markers/message-feeds/reading", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Markers.MarkFeedsRead(ctx, &amity.MarkFeedsReadParams{MessageFeedIDs: []string{feed}}))
			}},
		conformanceCase{Method: "Markers.StartReading", Op: "POST /api/v1/markers/message-feeds/{messageFeedId}/start-reading", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Markers.StartReading(ctx, feed)) }},
		conformanceCase{Method: "Markers.StopReading", Op: "POST /api/v1/markers/message-feeds/{messageFeedId}/stop-readings", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Markers.StopReading(ctx, feed)) }},
		conformanceCase{Method: "Markers.GetReadUsers", Op: "GET /api/v1/markers/messages/{messageId}/read-users", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Markers.GetReadUsers(ctx, "65166ee3e95ee48b93eed248"))
			}},
		conformanceCase{Method: "Markers.GetDeliveredUsers", Op: "GET /api/v1/markers/messages/{messageId}/delivered-users", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Markers.GetDeliveredUsers(ctx, "65166ee3e95ee48b93eed248"))
			}},
		conformanceCase{Method: "Markers.Sync", Op: "POST /api/v1/markers/sync", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Markers.Sync(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Markers.Sync(ctx, &amity.SyncParams{DeviceLastSyncAt: amity.Ptr(time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC))}))
			}},
	)
}
