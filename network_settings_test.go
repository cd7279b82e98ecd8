package amity_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNetworkSettingsUpdate(t *testing.T) {
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "network_settings_all.json"))
	out, err := c.NetworkSettings.Update(context.Background(), &amity.UpdateNetworkSettingsParams{TierHandler: "gold", ChatEnabled: amity.Ptr(false), IsWhitelistEnabled: amity.Ptr(true)})
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "PUT", req.Method)
	assert.Equal(t, "/api/v3/network-settings", req.Path)
	assert.JSONEq(t, `{"tierHandler":"gold","chatEnabled":false,"isWhitelistEnabled":true}`, req.Body)
	assert.False(t, out.VideoStreaming.Enabled)
	assert.True(t, out.Chat.MessagePreview.Enabled)
	assert.True(t, out.Chat.AllowMemberToUpdateConversationChannel)
	assert.Equal(t, amity.UserPrivacyPublic, out.Social.UserPrivacySetting)
	assert.True(t, out.Webhook.Enabled)
	assert.True(t, out.Moderation.IsWhitelistEnabled)
	assert.Equal(t, "gold", out.TierHandler)
	assert.Contains(t, string(out.Raw), `"billing"`)

	_, err = c.NetworkSettings.Update(context.Background(), &amity.UpdateNetworkSettingsParams{TierHandler: string(make([]byte, 201))})
	assertInvalid(t, err, "NetworkSettings.Update: TierHandler")
	_, err = c.NetworkSettings.Update(context.Background(), nil)
	assertInvalid(t, err, "NetworkSettings.Update: params")
	assert.Len(t, rec.all(), 1, "bad input sends nothing")
}

func TestNetworkSettingsGetters(t *testing.T) {
	notNull := func(t *testing.T, out any) {
		b, err := json.Marshal(out)
		require.NoError(t, err)
		assert.NotEqual(t, "null", string(b))
	}
	runShapeCases(t, []shapeCase{
		{name: "Chat", method: "GET", path: "/api/v3/network-settings/chat", answer: `{"enabled":true,"mention":{"isAllowMentionedChannelEnabled":false}}`, check: notNull,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.NetworkSettings.GetChat(ctx) }},
		{name: "FeedSettings", method: "GET", path: "/api/v3/network-settings/feed-setting", answer: fixture(t, "network_settings_feed.json"), check: notNull,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.NetworkSettings.GetFeed(ctx) }},
		{name: "Prehook", method: "GET", path: "/api/v3/network-settings/prehook", answer: `{"enabled":false,"defaultAction":"allow"}`, check: notNull,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.NetworkSettings.GetPrehook(ctx) }},
		{name: "SemanticSearch", method: "GET", path: "/api/v3/network-settings/semantic-search", answer: `{"semanticSearch":{"post":{"enabled":true,"minScore":0.4}}}`, check: notNull,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.GetSemanticSearch(ctx)
			}},
		{name: "Social", method: "GET", path: "/api/v3/network-settings/social", answer: fixture(t, "network_settings_social.json"), check: notNull,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.NetworkSettings.GetSocial(ctx) }},
		{name: "Users", method: "GET", path: "/api/v3/network-settings/users", answer: `{"isAllowUpdateDisplayName":false}`, check: notNull,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.NetworkSettings.GetUsers(ctx) }},
		{name: "VideoStreaming", method: "GET", path: "/api/v3/network-settings/video-streaming", answer: `{"enabled":true,"moderation":{"enabled":true,"categories":[{"category":"violence","flagThreshold":0.4}]}}`, check: notNull,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.GetVideoStreaming(ctx)
			}},
		{name: "Webhook", method: "GET", path: "/api/v3/network-settings/webhook", answer: `{"enabled":true}`, check: notNull,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.NetworkSettings.GetWebhook(ctx) }},
	})
}

func TestNetworkSettingsDecodes(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	recordAny(t, mt, fixture(t, "network_settings_social.json"))
	so, err := c.NetworkSettings.GetSocial(ctx)
	require.NoError(t, err)
	assert.Equal(t, amity.UserPrivacyPrivate, so.UserPrivacySetting)
	assert.True(t, so.IsFollowWithRequestEnabled)
	assert.True(t, so.AllowJoinPrivateCommunity)
	assert.Equal(t, 5, so.GlobalFeed.MaxGlobalPinnedPost)
	assert.Equal(t, 720, so.Story.ExpiryTimeMinutes)
	assert.Contains(t, string(so.Raw), "futureSetting")

	c, mt = mockClient(t)
	recordAny(t, mt, fixture(t, "network_settings_feed.json"))
	fs, err := c.NetworkSettings.GetFeed(ctx)
	require.NoError(t, err)
	story := fs.FeedByType("story")
	require.NotNil(t, story)
	assert.False(t, story.ContentSettings[0].Allowed)
	assert.Equal(t, amity.TranscodeResolution720p, story.ContentSettings[0].TranscodeConfig.MaxResolution)
	assert.Nil(t, fs.FeedByType("message"))
}

func TestNetworkSettingsUpdates(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "UpdateChat", method: "PUT", path: "/api/v3/network-settings/chat", body: `{"messagePreviewSetting":{"enabled":true},"isAllowAdminViewConversationMessage":false}`, answer: `{}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.UpdateChat(ctx, &amity.UpdateChatSettingsParams{MessagePreviewSetting: &amity.MessagePreviewSetting{Enabled: true}, IsAllowAdminViewConversationMessage: amity.Ptr(false)})
			}},
		{name: "UpdateFeed", method: "PUT", path: "/api/v3/network-settings/feed-setting", body: `{"story":{"video":{"allowed":false,"maxDurationSeconds":60}}}`, answer: `{}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.UpdateFeed(ctx, &amity.UpdateFeedParams{Story: &amity.FeedTypeCheck{Video: &amity.VideoCheck{Allowed: amity.Ptr(false), MaxDurationSeconds: amity.Ptr(60)}}})
			}},
		{name: "UpdateSemanticSearch", method: "PUT", path: "/api/v3/network-settings/semantic-search", body: `{"postMinScore":0.3}`, answer: `{}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.UpdateSemanticSearch(ctx, &amity.UpdateSemanticSearchSettingsParams{PostMinScore: amity.Ptr(0.3)})
			}},
		{name: "UpdateSocial", method: "PUT", path: "/api/v3/network-settings/social", body: `{"userPrivacySetting":"private","storyExpiryTimeMinutes":60}`, answer: `{}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.UpdateSocial(ctx, &amity.UpdateSocialSettingsParams{UserPrivacySetting: amity.UserPrivacyPrivate, StoryExpiryTimeMinutes: amity.Ptr(60)})
			}},
		{name: "UpdateUsers", method: "PUT", path: "/api/v3/network-settings/users", body: `{"isAllowUpdateDisplayName":false}`, answer: `{}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.UpdateUsers(ctx, &amity.UpdateUserSettingsParams{IsAllowUpdateDisplayName: amity.Ptr(false)})
			}},
		{name: "UpdateVideoStreaming", method: "PUT", path: "/api/v3/network-settings/video-streaming", body: `{"moderation":{"categories":[{"category":"profanity","terminateThreshold":0.9}]}}`, answer: `{}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.UpdateVideoStreaming(ctx, &amity.UpdateVideoStreamingSettingsParams{Moderation: &amity.UpdateLiveModerationParams{
					Categories: []amity.LiveModerationThreshold{{Category: amity.LiveModerationProfanity, TerminateThreshold: amity.Ptr(0.9)}}}})
			}},
		{name: "UpdateWebhook", method: "PUT", path: "/api/v3/network-settings/webhook", body: `{"webhookEnabled":true}`, answer: `{}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.UpdateWebhook(ctx, &amity.UpdateWebhookParams{WebhookEnabled: amity.Ptr(true)})
			}},
	})
}

func TestNetworkSettingsValidation(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, `{}`)
	_, err := c.NetworkSettings.UpdateFeed(ctx, &amity.UpdateFeedParams{Message: &amity.FeedTypeCheck{Video: &amity.VideoCheck{MaxDurationSeconds: amity.Ptr(601)}}})
	assertInvalid(t, err, "NetworkSettings.UpdateFeed: Message.Video.MaxDurationSeconds")
	_, err = c.NetworkSettings.UpdateSemanticSearch(ctx, &amity.UpdateSemanticSearchSettingsParams{CommunityMinScore: amity.Ptr(1.5)})
	assertInvalid(t, err, "NetworkSettings.UpdateSemanticSearch: CommunityMinScore")
	_, err = c.NetworkSettings.UpdateSocial(ctx, &amity.UpdateSocialSettingsParams{MaxGlobalPinnedPost: amity.Ptr(21)})
	assertInvalid(t, err, "NetworkSettings.UpdateSocial: MaxGlobalPinnedPost")
	_, err = c.NetworkSettings.UpdateVideoStreaming(ctx, &amity.UpdateVideoStreamingSettingsParams{Moderation: &amity.UpdateLiveModerationParams{
		Categories: []amity.LiveModerationThreshold{{}}}})
	assertInvalid(t, err, "NetworkSettings.UpdateVideoStreaming: Moderation.Categories[].Category")
	for name, call := range map[string]func() error{
		"UpdateChat":           func() error { return errOf(c.NetworkSettings.UpdateChat(ctx, nil)) },
		"UpdateFeed":           func() error { return errOf(c.NetworkSettings.UpdateFeed(ctx, nil)) },
		"UpdatePrehook":        func() error { return errOf(c.NetworkSettings.UpdatePrehook(ctx, nil)) },
		"UpdateSemanticSearch": func() error { return errOf(c.NetworkSettings.UpdateSemanticSearch(ctx, nil)) },
		"UpdateSocial":         func() error { return errOf(c.NetworkSettings.UpdateSocial(ctx, nil)) },
		"UpdateUsers":          func() error { return errOf(c.NetworkSettings.UpdateUsers(ctx, nil)) },
		"UpdateVideoStreaming": func() error { return errOf(c.NetworkSettings.UpdateVideoStreaming(ctx, nil)) },
		"UpdateWebhook":        func() error { return errOf(c.NetworkSettings.UpdateWebhook(ctx, nil)) },
	} {
		assertInvalid(t, call(), "NetworkSettings."+name+": params")
	}
	assert.Empty(t, rec.all())
}

func TestNetworkSettingsPrehookSecret(t *testing.T) {
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "network_settings_prehook.json"))
	out, err := c.NetworkSettings.UpdatePrehook(context.Background(), &amity.UpdatePrehookParams{Enabled: amity.Ptr(true),
		CallbackURL: amity.Ptr("https://hooks.example.com/pre"), DefaultAction: amity.PrehookDeny, RegenerateKey: true})
	require.NoError(t, err)
	req := rec.only(t)
	assert.JSONEq(t, `{"enabled":true,"callbackUrl":"https://hooks.example.com/pre","defaultAction":"deny","regenerateKey":true}`, req.Body)
	assert.True(t, out.Enabled)
	assert.Equal(t, amity.PrehookDeny, out.DefaultAction)
	assert.Equal(t, "phk_SECRET_0123456789", string(out.SecretKey))
	// The key never leaves through formatting, JSON or Raw.
	assert.NotContains(t, fmt.Sprintf("%v %+v %s", out.SecretKey, out.SecretKey, out.SecretKey), "SECRET")
	b, err := json.Marshal(out)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "SECRET")
	assert.NotContains(t, string(out.Raw), "SECRET")
	assert.Contains(t, string(out.Raw), `"unknownField"`)
}

func TestNetworkSettingsRetries(t *testing.T) {
	ctx := context.Background()
	// A plain setting change is retried after a 500; a key regeneration or an enable is not.
	c, mt := mockClient(t)
	rec := recordAny(t, mt, "", 500)
	_, err := c.NetworkSettings.UpdatePrehook(ctx, &amity.UpdatePrehookParams{DefaultAction: amity.PrehookAllow})
	require.Error(t, err)
	assert.Greater(t, len(rec.all()), 1)
	for _, p := range []*amity.UpdatePrehookParams{{RegenerateKey: true}, {Enabled: amity.Ptr(true)}} {
		c, mt = mockClient(t)
		rec = recordAny(t, mt, "", 500)
		_, err = c.NetworkSettings.UpdatePrehook(ctx, p)
		var ae *amity.Error
		require.True(t, errors.As(err, &ae))
		assert.Equal(t, 500000, ae.Code)
		assert.Len(t, rec.all(), 1, "a write that may issue the secret key is not repeated")
	}
}

func TestNetworkSettingsAPIError(t *testing.T) {
	c, mt := mockClient(t)
	recordAny(t, mt, `{"status":"error","code":400300,"message":"Forbidden error."}`, 403)
	_, err := c.NetworkSettings.GetPrehook(context.Background())
	var ae *amity.Error
	require.True(t, errors.As(err, &ae))
	assert.Equal(t, 403, ae.StatusCode)
	assert.Equal(t, 400300, ae.Code)
	assert.ErrorIs(t, err, amity.ErrForbidden)
}

// TestNetworkSettingsUnknownEnumsAreSent: a resolution, privacy setting, moderation category
// or pre-hook action the SDK does not know is sent as given.
func TestNetworkSettingsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"transcode resolution", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.NetworkSettings.UpdateFeed(ctx, &amity.UpdateFeedParams{Post: &amity.FeedTypeCheck{Video: &amity.VideoCheck{
				TranscodeConfig: &amity.TranscodeConfig{MinResolution: "4k"}}}}))
		}, []string{`"4k"`}},
		{"privacy setting", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.NetworkSettings.UpdateSocial(ctx, &amity.UpdateSocialSettingsParams{UserPrivacySetting: "friends"}))
		}, []string{`"userPrivacySetting":"friends"`}},
		{"moderation category", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.NetworkSettings.UpdateVideoStreaming(ctx, &amity.UpdateVideoStreamingSettingsParams{Moderation: &amity.UpdateLiveModerationParams{
				Categories: []amity.LiveModerationThreshold{{Category: "gore"}}}}))
		}, []string{`"gore"`}},
		{"pre-hook action", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.NetworkSettings.UpdatePrehook(ctx, &amity.UpdatePrehookParams{DefaultAction: "maybe"}))
		}, []string{`"defaultAction":"maybe"`}},
	})
}
