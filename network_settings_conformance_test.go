package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "NetworkSettings.Update", Op: "PUT /api/v3/network-settings",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.Update(ctx, &amity.UpdateNetworkSettingsParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.Update(ctx, &amity.UpdateNetworkSettingsParams{NetworkID: "net1", TierHandler: "tier",
					SocialEnabled: amity.Ptr(true), VideoStreamingEnabled: amity.Ptr(false), ChatEnabled: amity.Ptr(true), IsWhitelistEnabled: amity.Ptr(true)}))
			}},
		conformanceCase{Method: "NetworkSettings.GetChat", Op: "GET /api/v3/network-settings/chat",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.NetworkSettings.GetChat(ctx)) }},
		conformanceCase{Method: "NetworkSettings.UpdateChat", Op: "PUT /api/v3/network-settings/chat",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateChat(ctx, &amity.UpdateChatSettingsParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateChat(ctx, &amity.UpdateChatSettingsParams{IsAllowMentionedChannelEnabled: amity.Ptr(true),
					MessagePreviewSetting:               &amity.MessagePreviewSetting{Enabled: true, IsIncludeDeleted: amity.Ptr(false)},
					IsAllowAdminViewConversationMessage: amity.Ptr(true), IsAllowAdminManageConversationMessage: amity.Ptr(false),
					AllowMemberToUpdateConversationChannel: amity.Ptr(true)}))
			}},
		conformanceCase{Method: "NetworkSettings.GetFeed", Op: "GET /api/v3/network-settings/feed-setting",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.NetworkSettings.GetFeed(ctx)) }},
		conformanceCase{Method: "NetworkSettings.UpdateFeed", Op: "PUT /api/v3/network-settings/feed-setting",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateFeed(ctx, &amity.UpdateFeedParams{}))
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
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.NetworkSettings.GetPrehook(ctx)) }},
		conformanceCase{Method: "NetworkSettings.UpdatePrehook", Op: "PUT /api/v3/network-settings/prehook",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdatePrehook(ctx, &amity.UpdatePrehookParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdatePrehook(ctx, &amity.UpdatePrehookParams{Enabled: amity.Ptr(true),
					CallbackURL: amity.Ptr("https://hooks.example.com/amity"), DefaultAction: amity.PrehookDeny, RegenerateKey: true}))
			}},
		conformanceCase{Method: "NetworkSettings.GetSemanticSearch", Op: "GET /api/v3/network-settings/semantic-search",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.GetSemanticSearch(ctx))
			}},
		conformanceCase{Method: "NetworkSettings.UpdateSemanticSearch", Op: "PUT /api/v3/network-settings/semantic-search",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateSemanticSearch(ctx, &amity.UpdateSemanticSearchSettingsParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateSemanticSearch(ctx, &amity.UpdateSemanticSearchSettingsParams{PostMinScore: amity.Ptr(0.5), CommunityMinScore: amity.Ptr(0.7)}))
			}},
		conformanceCase{Method: "NetworkSettings.GetSocial", Op: "GET /api/v3/network-settings/social",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.NetworkSettings.GetSocial(ctx)) }},
		conformanceCase{Method: "NetworkSettings.UpdateSocial", Op: "PUT /api/v3/network-settings/social",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateSocial(ctx, &amity.UpdateSocialSettingsParams{}))
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
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.NetworkSettings.GetUsers(ctx)) }},
		conformanceCase{Method: "NetworkSettings.UpdateUsers", Op: "PUT /api/v3/network-settings/users",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateUsers(ctx, &amity.UpdateUserSettingsParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateUsers(ctx, &amity.UpdateUserSettingsParams{IsAllowUpdateDisplayName: amity.Ptr(false),
					FallbackRoleIDs: []string{"member"}}))
			}},
		conformanceCase{Method: "NetworkSettings.GetVideoStreaming", Op: "GET /api/v3/network-settings/video-streaming",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.GetVideoStreaming(ctx))
			}},
		conformanceCase{Method: "NetworkSettings.UpdateVideoStreaming", Op: "PUT /api/v3/network-settings/video-streaming",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateVideoStreaming(ctx, &amity.UpdateVideoStreamingSettingsParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateVideoStreaming(ctx, &amity.UpdateVideoStreamingSettingsParams{Enabled: amity.Ptr(true),
					Moderation: &amity.UpdateLiveModerationParams{Enabled: amity.Ptr(true), Categories: []amity.LiveModerationThreshold{
						{Category: amity.LiveModerationViolence, FlagThreshold: amity.Ptr(0.4), TerminateThreshold: amity.Ptr(0.9)}}}}))
			}},
		conformanceCase{Method: "NetworkSettings.GetWebhook", Op: "GET /api/v3/network-settings/webhook",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.NetworkSettings.GetWebhook(ctx)) }},
		conformanceCase{Method: "NetworkSettings.UpdateWebhook", Op: "PUT /api/v3/network-settings/webhook",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateWebhook(ctx, &amity.UpdateWebhookParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateWebhook(ctx, &amity.UpdateWebhookParams{WebhookEnabled: amity.Ptr(true)}))
			}},
	)
}
