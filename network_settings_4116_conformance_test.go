package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	get := func(method, op string, call func(ctx context.Context, c *amity.Client) error) conformanceCase {
		return conformanceCase{Method: method, Op: "GET " + op, Required: call}
	}
	registerConformance(
		get("NetworkSettings.GetEnhanceModeration", "/api/v3/network-settings/enhance-moderation", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.NetworkSettings.GetEnhanceModeration(ctx))
		}),
		conformanceCase{Method: "NetworkSettings.UpdateEnhanceModeration", Op: "PUT /api/v3/network-settings/enhance-moderation",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateEnhanceModeration(ctx, &amity.UpdateEnhanceModerationParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateEnhanceModeration(ctx, &amity.UpdateEnhanceModerationParams{
					Enabled: amity.Ptr(true), CommentDeletionBehavior: amity.CommentDeletionAttachmentOnly,
					Confidences: []amity.EnhanceModerationConfidence{
						{Category: "hate", FlagConfidence: 3, BlockConfidence: 5, ModerationType: amity.EnhanceModerationText},
						{Category: "nudity", FlagConfidence: 40, BlockConfidence: 80, ModerationType: amity.EnhanceModerationMedia},
					},
					UserModerationExclusionPatterns: []string{"^admin_"},
				}))
			}},
		get("NetworkSettings.GetProductCatalogue", "/api/v3/network-settings/product", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.NetworkSettings.GetProductCatalogue(ctx))
		}),
		conformanceCase{Method: "NetworkSettings.UpdateProductCatalogue", Op: "PUT /api/v3/network-settings/product",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateProductCatalogue(ctx, &amity.UpdateProductCatalogueParams{Enabled: true}))
			}},
		get("NetworkSettings.GetPublicUsers", "/api/v3/network-settings/public-users", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.NetworkSettings.GetPublicUsers(ctx))
		}),
		conformanceCase{Method: "NetworkSettings.UpdatePublicUsers", Op: "PUT /api/v3/network-settings/public-users",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdatePublicUsers(ctx, &amity.UpdatePublicUsersParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdatePublicUsers(ctx, &amity.UpdatePublicUsersParams{
					VisitorEnabled: amity.Ptr(true), BotEnabled: amity.Ptr(false), Secure: amity.Ptr(true)}))
			}},
		get("NetworkSettings.GetPushNotification", "/api/v3/network-settings/push-notification", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.NetworkSettings.GetPushNotification(ctx))
		}),
		conformanceCase{Method: "NetworkSettings.UpdatePushNotification", Op: "PUT /api/v3/network-settings/push-notification",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdatePushNotification(ctx, &amity.UpdatePushNotificationParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdatePushNotification(ctx, &amity.UpdatePushNotificationParams{
					IOSMutableContent: amity.Ptr(true), NotifyWhenLiveStart: amity.Ptr(false)}))
			}},
		get("NetworkSettings.GetRoom", "/api/v3/network-settings/room", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.NetworkSettings.GetRoom(ctx))
		}),
		get("NetworkSettings.GetSecurityConfigs", "/api/v3/network-settings/security-configs", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.NetworkSettings.GetSecurityConfigs(ctx))
		}),
		conformanceCase{Method: "NetworkSettings.UpdateSecurityConfigs", Op: "PUT /api/v3/network-settings/security-configs",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateSecurityConfigs(ctx, &amity.UpdateSecurityConfigsParams{
					AdminToken: &amity.AdminTokenSecurityParams{}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateSecurityConfigs(ctx, &amity.UpdateSecurityConfigsParams{
					ServerKey:  &amity.ServerKeySecurityParams{ExpiresInHours: amity.Ptr(168.0), APIScopeEnabled: true},
					AdminToken: &amity.AdminTokenSecurityParams{ExpiresInHours: amity.Ptr(24.0)}}))
			}},
		get("NetworkSettings.GetShareableDeepLinks", "/api/v3/network-settings/shareable-deep-links", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.NetworkSettings.GetShareableDeepLinks(ctx))
		}),
		conformanceCase{Method: "NetworkSettings.UpdateShareableDeepLinks", Op: "PUT /api/v3/network-settings/shareable-deep-links",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateShareableDeepLinks(ctx, &amity.UpdateShareableDeepLinksParams{Domain: "myapp.com"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateShareableDeepLinks(ctx, &amity.UpdateShareableDeepLinksParams{Domain: "myapp.com",
					Patterns: amity.DeepLinkPatterns{Posts: "/posts/{postId}", Communities: "/communities/{communityId}",
						Users: "/users/{userId}", Livestreams: "/livestreams/{livestreamId}"}}))
			}},
		get("NetworkSettings.GetUIKit", "/api/v3/network-settings/uikit", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.NetworkSettings.GetUIKit(ctx))
		}),
		conformanceCase{Method: "NetworkSettings.UpdateUIKit", Op: "PUT /api/v3/network-settings/uikit",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateUIKit(ctx, &amity.UpdateUIKitParams{Config: map[string]any{
					"preferred_theme": "default", "theme": map[string]any{"light": map[string]string{"primary_color": "#1054DF"}}}}))
			}},
	)
}
