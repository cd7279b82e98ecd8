package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Notifications.GetSettings", Op: "GET /api/v3/notification/setting",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Notifications.GetSettings(ctx, &amity.GetNotificationSettingsParams{Level: amity.NotificationLevelUser}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Notifications.GetSettings(ctx, &amity.GetNotificationSettingsParams{Level: amity.NotificationLevelCommunity,
					ChannelID: "ch1", CommunityID: "cm1"}))
			}},
		conformanceCase{Method: "Notifications.UpdateSettings", Op: "POST /api/v3/notification/setting",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Notifications.UpdateSettings(ctx, &amity.UpdateNotificationSettingsParams{Level: amity.NotificationLevelUser})
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Notifications.UpdateSettings(ctx, &amity.UpdateNotificationSettingsParams{Level: amity.NotificationLevelCommunity,
					IsPushNotifiable: amity.Ptr(true), ChannelID: "ch1", CommunityID: "cm1",
					NotifiableEvents: []amity.NotifiableEventSetting{{Name: amity.NotificationPostCreated, ModuleName: amity.NotificationModuleSocial,
						IsPushNotifiable: amity.Ptr(true), TitleTemplate: "New post", BodyTemplate: "{{userDisplayName}} posted",
						ListenFromRoleIDs: []string{"moderator"}, IgnoreFromRoleIDs: []string{"bot"}}}})
			}},
		conformanceCase{Method: "Notifications.RegisterDevice", Op: "POST /v1/notification",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Notifications.RegisterDevice(ctx, &amity.RegisterDeviceParams{DeviceID: "dev1", Platform: amity.DevicePlatformAndroid,
					Token: "fcm-token", UserID: "alice"})
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Notifications.RegisterDevice(ctx, &amity.RegisterDeviceParams{DeviceID: "dev1", Platform: amity.DevicePlatformIOS,
					Token: "a1b2c3d4", UserID: "alice", Provider: "apns"})
			}},
		conformanceCase{Method: "Notifications.UnregisterDevice", Op: "DELETE /v1/notification",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Notifications.UnregisterDevice(ctx, &amity.UnregisterDeviceParams{DeviceID: "dev1"})
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Notifications.UnregisterDevice(ctx, &amity.UnregisterDeviceParams{DeviceID: "dev1", UserID: "alice"})
			}},
	)
}
