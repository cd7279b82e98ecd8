package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Channels.MarkManySeen", Op: "POST /api/v3/channels/seen", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Channels.MarkManySeen(ctx, &amity.MarkManySeenParams{Channels: []amity.ChannelSeen{{ChannelID: "ch1", ReadToSegment: 12}}})
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Channels.MarkManySeen(ctx, &amity.MarkManySeenParams{Channels: []amity.ChannelSeen{
					{ChannelID: "ch1", ReadToSegment: 12}, {ChannelID: "ch2", ReadToSegment: 1}}})
			}},
	)
}
