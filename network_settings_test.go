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
	ctx := context.Background()
	for _, tc := range []struct {
		name, path, body string
		call             func(c *amity.Client) (any, error)
	}{
		{"Chat", "/api/v3/network-settings/chat", `{"enabled":true,"mention":{"isAllowMentionedChannelEnabled":false}}`, func(c *amity.Client) (any, error) { return c.NetworkSettings.GetChat(ctx) }},
		{"FeedSettings", "/api/v3/network-settings/feed-setting", fixture(t, "network_settings_feed.json"), func(c *amity.Client) (any, error) { return c.NetworkSettings.GetFeed(ctx) }},
		{"Prehook", "/api/v3/network-settings/prehook", `{"enabled":false,"defaultAction":"allow"}`, func(c *amity.Client) (any, error) { return c.NetworkSettings.GetPrehook(ctx) }},
		{"SemanticSearch", "/api/v3/network-settings/semantic-search", `{"semanticSearch":{"post":{"enabled":true,"minScore":0.4}}}`, func(c *amity.Client) (any, error) { return c.NetworkSettings.GetSemanticSearch(ctx) }},
		{"Social", "/api/v3/network-settings/social", fixture(t, "network_settings_social.json"), func(c *amity.Client) (any, error) { return c.NetworkSettings.GetSocial(ctx) }},
		{"Users", "/api/v3/network-settings/users", `{"isAllowUpdateDisplayName":false}`, func(c *amity.Client) (any, error) { return c.NetworkSettings.GetUsers(ctx) }},
		{"VideoStreaming", "/api/v3/network-settings/video-streaming", `{"enabled":true,"moderation":{"enabled":true,"categories":[{"category":"violence","flagThreshold":0.4}]}}`, func(c *amity.Client) (any, error) { return c.NetworkSettings.GetVideoStreaming(ctx) }},
		{"Webhook", "/api/v3/network-settings/webhook", `{"enabled":true}`, func(c *amity.Client) (any, error) { return c.NetworkSettings.GetWebhook(ctx) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := mockClient(t)
			rec := recordAny(t, mt, tc.body)
			out, err := tc.call(c)
			require.NoError(t, err)
			req := rec.only(t)
			assert.Equal(t, "GET", req.Method)
			assert.Equal(t, tc.path, req.Path)
			b, err := json.Marshal(out)
			require.NoError(t, err)
			assert.NotEqual(t, "null", string(b))
		})
	}
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
	ctx := context.Background()
	for _, tc := range []struct {
		name, path, want string
		call             func(c *amity.Client) error
	}{
		{"UpdateChat", "/api/v3/network-settings/chat", `{"messagePreviewSetting":{"enabled":true},"isAllowAdminViewConversationMessage":false}`, func(c *amity.Client) error {
			return errOf(c.NetworkSettings.UpdateChat(ctx, &amity.UpdateChatSettingsParams{MessagePreviewSetting: &amity.MessagePreviewSetting{Enabled: true}, IsAllowAdminViewConversationMessage: amity.Ptr(false)}))
		}},
		{"UpdateFeed", "/api/v3/network-settings/feed-setting", `{"story":{"video":{"allowed":false,"maxDurationSeconds":60}}}`, func(c *amity.Client) error {
			return errOf(c.NetworkSettings.UpdateFeed(ctx, &amity.UpdateFeedParams{Story: &amity.FeedTypeCheck{Video: &amity.VideoCheck{Allowed: amity.Ptr(false), MaxDurationSeconds: amity.Ptr(60)}}}))
		}},
		{"UpdateSemanticSearch", "/api/v3/network-settings/semantic-search", `{"postMinScore":0.3}`, func(c *amity.Client) error {
			return errOf(c.NetworkSettings.UpdateSemanticSearch(ctx, &amity.UpdateSemanticSearchSettingsParams{PostMinScore: amity.Ptr(0.3)}))
		}},
		{"UpdateSocial", "/api/v3/network-settings/social", `{"userPrivacySetting":"private","storyExpiryTimeMinutes":60}`, func(c *amity.Client) error {
			return errOf(c.NetworkSettings.UpdateSocial(ctx, &amity.UpdateSocialSettingsParams{UserPrivacySetting: amity.UserPrivacyPrivate, StoryExpiryTimeMinutes: amity.Ptr(60)}))
		}},
		{"UpdateUsers", "/api/v3/network-settings/users", `{"isAllowUpdateDisplayName":false}`, func(c *amity.Client) error {
			return errOf(c.NetworkSettings.UpdateUsers(ctx, &amity.UpdateUserSettingsParams{IsAllowUpdateDisplayName: amity.Ptr(false)}))
		}},
		{"UpdateVideoStreaming", "/api/v3/network-settings/video-streaming", `{"moderation":{"categories":[{"category":"profanity","terminateThreshold":0.9}]}}`, func(c *amity.Client) error {
			return errOf(c.NetworkSettings.UpdateVideoStreaming(ctx, &amity.UpdateVideoStreamingSettingsParams{Moderation: &amity.UpdateLiveModerationParams{
				Categories: []amity.LiveModerationThreshold{{Category: amity.LiveModerationProfanity, TerminateThreshold: amity.Ptr(0.9)}}}}))
		}},
		{"UpdateWebhook", "/api/v3/network-settings/webhook", `{"webhookEnabled":true}`, func(c *amity.Client) error {
			return errOf(c.NetworkSettings.UpdateWebhook(ctx, &amity.UpdateWebhookParams{WebhookEnabled: amity.Ptr(true)}))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := mockClient(t)
			rec := recordAny(t, mt, `{}`)
			require.NoError(t, tc.call(c))
			req := rec.only(t)
			assert.Equal(t, "PUT", req.Method)
			assert.Equal(t, tc.path, req.Path)
			assert.JSONEq(t, tc.want, req.Body)
		})
	}
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
