package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "NetworkSettings.Update", Op: "PUT /api/v3/network-settings",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.Update(ctx, &amity.UpdateNetworkSettingsParams{})
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.Update(ctx, &amity.UpdateNetworkSettingsParams{NetworkID: "net1", TierHandler: "tier",
					SocialEnabled: amity.Ptr(true), VideoStreamingEnabled: amity.Ptr(false), ChatEnabled: amity.Ptr(true), IsWhitelistEnabled: amity.Ptr(true)})
				return err
			}},
		conformanceCase{Method: "NetworkSettings.GetChat", Op: "GET /api/v3/network-settings/chat",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.GetChat(ctx)
				return err
			}},
		conformanceCase{Method: "NetworkSettings.UpdateChat", Op: "PUT /api/v3/network-settings/chat",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.UpdateChat(ctx, &amity.UpdateChatSettingsParams{})
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.UpdateChat(ctx, &amity.UpdateChatSettingsParams{IsAllowMentionedChannelEnabled: amity.Ptr(true),
					MessagePreviewSetting:               &amity.MessagePreviewSetting{Enabled: true, IsIncludeDeleted: amity.Ptr(false)},
					IsAllowAdminViewConversationMessage: amity.Ptr(true), IsAllowAdminManageConversationMessage: amity.Ptr(false),
					AllowMemberToUpdateConversationChannel: amity.Ptr(true)})
				return err
			}},
		conformanceCase{Method: "NetworkSettings.GetFeed", Op: "GET /api/v3/network-settings/feed-setting",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.GetFeed(ctx)
				return err
			}},
		conformanceCase{Method: "NetworkSettings.UpdateFeed", Op: "PUT /api/v3/network-settings/feed-setting",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.UpdateFeed(ctx, &amity.UpdateFeedParams{})
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				video := func(d int) *amity.FeedTypeCheck {
					return &amity.FeedTypeCheck{Video: &amity.VideoCheck{Allowed: amity.Ptr(true), MaxDurationSeconds: amity.Ptr(d),
						TranscodeConfig: &amity.TranscodeConfig{MaxResolution: amity.TranscodeResolution1080p, MinResolution: amity.TranscodeResolution360p}}}
				}
				_, err := c.NetworkSettings.UpdateFeed(ctx, &amity.UpdateFeedParams{Post: video(7200), Message: video(600), Story: video(90)})
				return err
			}},
		conformanceCase{Method: "NetworkSettings.GetPrehook", Op: "GET /api/v3/network-settings/prehook",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.GetPrehook(ctx)
				return err
			}},
		conformanceCase{Method: "NetworkSettings.UpdatePrehook", Op: "PUT /api/v3/network-settings/prehook",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.UpdatePrehook(ctx, &amity.UpdatePrehookParams{})
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.UpdatePrehook(ctx, &amity.UpdatePrehookParams{Enabled: amity.Ptr(true),
					CallbackURL: amity.Ptr("https://hooks.example.com/amity"), DefaultAction: amity.PrehookDeny, RegenerateKey: true})
				return err
			}},
		conformanceCase{Method: "NetworkSettings.GetSemanticSearch", Op: "GET /api/v3/network-settings/semantic-search",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.GetSemanticSearch(ctx)
				return err
			}},
		conformanceCase{Method: "NetworkSettings.UpdateSemanticSearch", Op: "PUT /api/v3/network-settings/semantic-search",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.UpdateSemanticSearch(ctx, &amity.UpdateSemanticSearchSettingsParams{})
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.UpdateSemanticSearch(ctx, &amity.UpdateSemanticSearchSettingsParams{PostMinScore: amity.Ptr(0.5), CommunityMinScore: amity.Ptr(0.7)})
				return err
			}},
		conformanceCase{Method: "NetworkSettings.GetSocial", Op: "GET /api/v3/network-settings/social",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.GetSocial(ctx)
				return err
			}},
		conformanceCase{Method: "NetworkSettings.UpdateSocial", Op: "PUT /api/v3/network-settings/social",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.UpdateSocial(ctx, &amity.UpdateSocialSettingsParams{})
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				t := amity.Ptr(true)
				_, err := c.NetworkSettings.UpdateSocial(ctx, &amity.UpdateSocialSettingsParams{UserPrivacySetting: amity.UserPrivacyPrivate,
					IsFollowWithRequestEnabled: t, IsAllowEditPostWhenReviewingEnabled: t, ShowOnlyMyFeed: amity.Ptr(false), ShowMyPost: t,
					ShowEveryonePost: t, ShowCommunityPost: t, ShowFollowingPost: t, IsAllowMentionedChannelEnabled: t,
					DisallowNonMemberInteractInCommunity: t, StoryExpiryTimeMinutes: amity.Ptr(120), AllowAllUserToCreateStory: t,
					AllowJoinPrivateCommunity: t, MaxGlobalPinnedPost: amity.Ptr(5)})
				return err
			}},
		conformanceCase{Method: "NetworkSettings.GetUsers", Op: "GET /api/v3/network-settings/users",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.GetUsers(ctx)
				return err
			}},
		conformanceCase{Method: "NetworkSettings.UpdateUsers", Op: "PUT /api/v3/network-settings/users",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.UpdateUsers(ctx, &amity.UpdateUserSettingsParams{})
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.UpdateUsers(ctx, &amity.UpdateUserSettingsParams{IsAllowUpdateDisplayName: amity.Ptr(false)})
				return err
			}},
		conformanceCase{Method: "NetworkSettings.GetVideoStreaming", Op: "GET /api/v3/network-settings/video-streaming",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.GetVideoStreaming(ctx)
				return err
			}},
		conformanceCase{Method: "NetworkSettings.UpdateVideoStreaming", Op: "PUT /api/v3/network-settings/video-streaming",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.UpdateVideoStreaming(ctx, &amity.UpdateVideoStreamingSettingsParams{})
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.UpdateVideoStreaming(ctx, &amity.UpdateVideoStreamingSettingsParams{Enabled: amity.Ptr(true),
					Moderation: &amity.UpdateLiveModerationParams{Enabled: amity.Ptr(true), Categories: []amity.LiveModerationThreshold{
						{Category: amity.LiveModerationViolence, FlagThreshold: amity.Ptr(0.4), TerminateThreshold: amity.Ptr(0.9)}}}})
				return err
			}},
		conformanceCase{Method: "NetworkSettings.GetWebhook", Op: "GET /api/v3/network-settings/webhook",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.GetWebhook(ctx)
				return err
			}},
		conformanceCase{Method: "NetworkSettings.UpdateWebhook", Op: "PUT /api/v3/network-settings/webhook",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.UpdateWebhook(ctx, &amity.UpdateWebhookParams{})
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.NetworkSettings.UpdateWebhook(ctx, &amity.UpdateWebhookParams{WebhookEnabled: amity.Ptr(true)})
				return err
			}},
	)
}
