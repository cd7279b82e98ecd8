package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Presence.SendHeartbeat", Op: "POST /api/v1/presence/heartbeat", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return c.Presence.SendHeartbeat(ctx) }},
		conformanceCase{Method: "Presence.GetOnlineUsers", Op: "GET /api/v1/presence/network/users",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Presence.GetOnlineUsers(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Presence.GetOnlineUsers(ctx, &amity.GetOnlineUsersParams{OrderBy: amity.PresenceOrderDesc}))
			}},
		conformanceCase{Method: "Presence.CountOnlineUsers", Op: "GET /api/v1/presence/network/users/count",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Presence.CountOnlineUsers(ctx)) }},
		conformanceCase{Method: "Presence.GetSettings", Op: "GET /api/v1/presence/settings", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Presence.GetSettings(ctx)) }},
		conformanceCase{Method: "Presence.UpdateUserSetting", Op: "PUT /api/v1/presence/settings/user", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Presence.UpdateUserSetting(ctx, &amity.UpdatePresenceUserSettingParams{Enabled: true}))
			}},
		conformanceCase{Method: "Presence.GetMany", Op: "GET /api/v1/presence/users/list",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Presence.GetMany(ctx, &amity.GetManyPresencesParams{UserIDs: []string{"alice", "bob"}}))
			}},
	)
}
