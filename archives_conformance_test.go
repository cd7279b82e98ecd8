package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	const channelID = "60e4b1b4b3b2b5c4c4b3b2b5"
	registerConformance(
		conformanceCase{Method: "Archives.GetChannels", Op: "GET /api/v1/archives/channels", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Archives.GetChannels(ctx)) }},
		conformanceCase{Method: "Archives.AddChannel", Op: "POST /api/v1/archives/channels/{channelId}", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Archives.AddChannel(ctx, channelID)) }},
		conformanceCase{Method: "Archives.RemoveChannel", Op: "DELETE /api/v1/archives/channels/{channelId}", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return c.Archives.RemoveChannel(ctx, channelID) }},
	)
}
