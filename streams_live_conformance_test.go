package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	fullLive := &amity.ListLiveStreamsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
		TargetTypes: []amity.StreamTargetType{amity.StreamTargetCommunity, amity.StreamTargetUser}, TargetIDs: []string{"c1", "alice"}}
	registerConformance(
		conformanceCase{Method: "Streams.ListLivePage", Op: "GET /api/v3/video-streaming/live",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Streams.ListLivePage(ctx, nil)) },
			Full:     func(ctx context.Context, c *amity.Client) error { return errOf(c.Streams.ListLivePage(ctx, fullLive)) }},
		conformanceCase{Method: "Streams.ListLive", Op: "GET /api/v3/video-streaming/live",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Streams.ListLive(ctx, nil))) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Streams.ListLive(ctx, fullLive)))
			}},
		conformanceCase{Method: "Streams.ListLivePages", Op: "GET /api/v3/video-streaming/live",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Streams.ListLivePages(ctx, nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Streams.ListLivePages(ctx, fullLive)))
			}},
		conformanceCase{Method: "Streams.BanViewers", Op: "POST /api/v3/video-streaming/{streamId}/viewer-bans",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Streams.BanViewers(ctx, "s1", &amity.ViewerBansParams{UserIDs: []string{"bob"}})
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Streams.BanViewers(ctx, "s1", &amity.ViewerBansParams{UserIDs: []string{"bob", "carol"}})
			}},
		conformanceCase{Method: "Streams.UnbanViewers", Op: "DELETE /api/v3/video-streaming/{streamId}/viewer-bans",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Streams.UnbanViewers(ctx, "s1", &amity.ViewerBansParams{UserIDs: []string{"bob"}})
			}},
		conformanceCase{Method: "Streams.GetViewerBans", Op: "GET /api/v3/video-streaming/{streamId}/viewer-bans",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Streams.GetViewerBans(ctx, "s1")) }},
	)
}
