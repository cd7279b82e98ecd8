package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Streams.Create", Op: "POST /api/v3/video-streaming",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Streams.Create(ctx, &amity.CreateStreamParams{Title: "Launch"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Streams.Create(ctx, &amity.CreateStreamParams{Title: "Launch", Description: "Product launch", ThumbnailFileID: "f1",
					Metadata: map[string]any{"k": "v"}, IsSecure: amity.Ptr(true), Resolution: amity.StreamFHD, ChannelEnabled: amity.Ptr(true)}))
			}},
		conformanceCase{Method: "Streams.Get", Op: "GET /api/v3/video-streaming/{streamId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Streams.Get(ctx, "s1")) }},
		conformanceCase{Method: "Streams.Update", Op: "PUT /api/v3/video-streaming/{streamId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Streams.Update(ctx, "s1", &amity.UpdateStreamParams{Title: "Launch"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Streams.Update(ctx, "s1", &amity.UpdateStreamParams{Title: "Launch", Description: "Product launch", ThumbnailFileID: "f1",
					Metadata: map[string]any{"k": "v"}, Resolution: amity.StreamHD, ChannelEnabled: amity.Ptr(false)}))
			}},
		conformanceCase{Method: "Streams.Delete", Op: "DELETE /api/v3/video-streaming/{streamId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Streams.Delete(ctx, "s1") }},
		conformanceCase{Method: "Streams.DisposeURL", Op: "DELETE /api/v3/video-streaming/{streamId}/streaming-url",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Streams.DisposeURL(ctx, "s1")) }},
		conformanceCase{Method: "Streams.ListPage", Op: "GET /api/v3/video-streaming",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Streams.ListPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Streams.ListPage(ctx, &amity.ListStreamsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}, Skip: 10,
					IsLive: amity.Ptr(true), Statuses: []amity.VideoStreamingStatus{amity.VideoStreamingLive, amity.VideoStreamingIdle},
					UserPublicIDs: []string{"u1", "u2"}, SortBy: amity.StreamSortLastCreated, IsDeleted: amity.Ptr(false)}))
			}},
		conformanceCase{Method: "Streams.RecordWatchEvents", Op: "POST /api/v3/user-event/video-streaming", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Streams.RecordWatchEvents(ctx, &amity.RecordWatchEventsParams{Signature: "sig", NonceStr: "n1", Timestamp: "2026-01-02T03:04:05Z",
					Streams: []amity.StreamWatchEvent{{StreamID: "s1", StartTime: "2026-01-02T03:00:00Z", EndTime: "2026-01-02T03:04:00Z", WatchSeconds: 240}}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Streams.RecordWatchEvents(ctx, &amity.RecordWatchEventsParams{Signature: "sig", NonceStr: "n1", Timestamp: "2026-01-02T03:04:05Z",
					Streams: []amity.StreamWatchEvent{{SessionID: "sess1", StreamID: "s1", StartTime: "2026-01-02T03:00:00Z", EndTime: "2026-01-02T03:04:00Z", WatchSeconds: 240}}}))
			}},
	)
}
