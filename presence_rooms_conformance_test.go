package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Presence.SendRoomHeartbeat", Op: "POST /api/v1/presence/rooms/{roomId}/heartbeat", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return c.Presence.SendRoomHeartbeat(ctx, "r1") }},
		conformanceCase{Method: "Presence.GetRoomViewers", Op: "GET /api/v1/presence/rooms/{roomId}/users",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Presence.GetRoomViewers(ctx, "r1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Presence.GetRoomViewers(ctx, "r1", &amity.GetRoomViewersParams{OrderBy: amity.PresenceOrderAsc, Limit: 50}))
			}},
		conformanceCase{Method: "Presence.CountRoomViewers", Op: "GET /api/v1/presence/rooms/{roomId}/users/count",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Presence.CountRoomViewers(ctx, "r1")) }},
	)
}
