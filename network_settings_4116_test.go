package amity_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNetworkSettings4116Shapes(t *testing.T) {
	const base = "/api/v3/network-settings/"
	bad := func(call func(ctx context.Context, c *amity.Client) error) []func(ctx context.Context, c *amity.Client) error {
		return []func(ctx context.Context, c *amity.Client) error{call}
	}
	runShapeCases(t, []shapeCase{
		{name: "GetEnhanceModeration", method: "GET", path: base + "enhance-moderation", answer: fixture(t, "network_settings_enhance_moderation.json"), attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.GetEnhanceModeration(ctx)
			},
			check: func(t *testing.T, out any) {
				s := out.(*amity.EnhanceModerationSettings)
				assert.True(t, s.Enabled)
				assert.Equal(t, amity.CommentDeletionAttachmentOnly, s.CommentDeletionBehavior)
				require.Len(t, s.Confidences, 3)
				assert.Equal(t, amity.EnhanceModerationConfidence{Category: "nudity", FlagConfidence: 40.5, BlockConfidence: 80,
					ModerationType: amity.EnhanceModerationMedia}, s.Confidences[1])
				assert.Equal(t, 90.0, s.ConfidenceByCategory("gore", "video").BlockConfidence)
				assert.Nil(t, s.ConfidenceByCategory("gore", "text"))
				assert.Equal(t, []string{"^admin_", "^bot-"}, s.UserModerationExclusionPatterns)
				assert.Contains(t, string(s.Raw), "moderationFutureField", "unknown fields stay in Raw")
			}},
		{name: "UpdateEnhanceModeration", method: "PUT", path: base + "enhance-moderation", answer: fixture(t, "network_settings_enhance_moderation.json"), attempts: 3,
			body: `{"enabled":false,"commentDeletionBehavior":"delete_whole_comment","confidences":[{"category":"hate","flagConfidence":0,"blockConfidence":5,"moderationType":"image"}],"userModerationExclusionPatterns":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.UpdateEnhanceModeration(ctx, &amity.UpdateEnhanceModerationParams{Enabled: amity.Ptr(false),
					CommentDeletionBehavior:         amity.CommentDeletionWholeComment,
					Confidences:                     []amity.EnhanceModerationConfidence{{Category: "hate", BlockConfidence: 5, ModerationType: amity.EnhanceModerationImage}},
					UserModerationExclusionPatterns: []string{}, // an empty list clears the patterns
				})
			},
			invalid: []func(ctx context.Context, c *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.NetworkSettings.UpdateEnhanceModeration(ctx, nil))
				},
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.NetworkSettings.UpdateEnhanceModeration(ctx, &amity.UpdateEnhanceModerationParams{Confidences: []amity.EnhanceModerationConfidence{}}))
				},
			}},
		{name: "GetProductCatalogue", method: "GET", path: base + "product", answer: `{"product":{"enabled":true},"productFutureField":1}`, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.GetProductCatalogue(ctx)
			},
			check: func(t *testing.T, out any) { assert.True(t, out.(*amity.ProductCatalogueSettings).Product.Enabled) }},
		{name: "UpdateProductCatalogue", method: "PUT", path: base + "product", answer: `{"product":{"enabled":false}}`, attempts: 3,
			body: `{"enabled":false}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.UpdateProductCatalogue(ctx, &amity.UpdateProductCatalogueParams{})
			},
			check: func(t *testing.T, out any) { assert.False(t, out.(*amity.ProductCatalogueSettings).Product.Enabled) },
			invalid: bad(func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateProductCatalogue(ctx, nil))
			})},
		{name: "GetPublicUsers", method: "GET", path: base + "public-users", answer: `{"visitorEnabled":true,"botEnabled":false,"secure":true,"x":1}`, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.NetworkSettings.GetPublicUsers(ctx) },
			check: func(t *testing.T, out any) {
				s := out.(*amity.PublicUsersSettings)
				assert.True(t, s.VisitorEnabled)
				assert.False(t, s.BotEnabled)
				assert.True(t, s.Secure)
			}},
		{name: "UpdatePublicUsers", method: "PUT", path: base + "public-users", answer: `{"visitorEnabled":false,"botEnabled":true,"secure":false}`, attempts: 3,
			body: `{"publicUserVisitorEnabled":false,"publicUserBotEnabled":true}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.UpdatePublicUsers(ctx, &amity.UpdatePublicUsersParams{VisitorEnabled: amity.Ptr(false), BotEnabled: amity.Ptr(true)})
			},
			check: func(t *testing.T, out any) { assert.True(t, out.(*amity.PublicUsersSettings).BotEnabled) },
			invalid: bad(func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdatePublicUsers(ctx, nil))
			})},
		{name: "GetPushNotification", method: "GET", path: base + "push-notification", answer: `{"iOSMutableContent":true,"notifyWhenLiveStart":false}`, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.GetPushNotification(ctx)
			},
			check: func(t *testing.T, out any) {
				s := out.(*amity.PushNotificationSettings)
				assert.True(t, s.IOSMutableContent)
				assert.False(t, s.NotifyWhenLiveStart)
			}},
		{name: "UpdatePushNotification", method: "PUT", path: base + "push-notification", answer: `{"iOSMutableContent":false,"notifyWhenLiveStart":true}`, attempts: 3,
			body: `{"notifyWhenLiveStart":true}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.UpdatePushNotification(ctx, &amity.UpdatePushNotificationParams{NotifyWhenLiveStart: amity.Ptr(true)})
			},
			check: func(t *testing.T, out any) { assert.True(t, out.(*amity.PushNotificationSettings).NotifyWhenLiveStart) },
			invalid: bad(func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdatePushNotification(ctx, nil))
			})},
		{name: "GetRoom", method: "GET", path: base + "room", answer: `{"roomSettings":{"maxCoHostParticipants":3,"maxStreamingDurationHours":1.5},"roomFutureField":1}`, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.NetworkSettings.GetRoom(ctx) },
			check: func(t *testing.T, out any) {
				assert.Equal(t, amity.RoomLimits{MaxCoHostParticipants: 3, MaxStreamingDurationHours: 1.5}, out.(*amity.RoomNetworkSettings).RoomSettings)
			}},
		{name: "GetSecurityConfigs", method: "GET", path: base + "security-configs", answer: fixture(t, "network_settings_security.json"), attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.GetSecurityConfigs(ctx)
			},
			check: func(t *testing.T, out any) {
				s := out.(*amity.SecuritySettings).SecurityConfigs
				assert.Equal(t, &amity.ServerKeySecurity{ExpiresInHours: 168, APIScopeEnabled: true}, s.ServerKey)
				assert.Equal(t, &amity.AdminTokenSecurity{ExpiresInHours: 24}, s.AdminToken)
			}},
		{name: "UpdateSecurityConfigs", method: "PUT", path: base + "security-configs", answer: fixture(t, "network_settings_security.json"), attempts: 3,
			body: `{"serverKey":{"apiScopeEnabled":false},"adminToken":{"expiresInHours":12}}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.UpdateSecurityConfigs(ctx, &amity.UpdateSecurityConfigsParams{
					ServerKey: &amity.ServerKeySecurityParams{}, AdminToken: &amity.AdminTokenSecurityParams{ExpiresInHours: amity.Ptr(12.0)}})
			},
			invalid: []func(ctx context.Context, c *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.NetworkSettings.UpdateSecurityConfigs(ctx, nil))
				},
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.NetworkSettings.UpdateSecurityConfigs(ctx, &amity.UpdateSecurityConfigsParams{}))
				},
			}},
		{name: "GetShareableDeepLinks", method: "GET", path: base + "shareable-deep-links", answer: fixture(t, "network_settings_deep_links.json"), attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.GetShareableDeepLinks(ctx)
			},
			check: func(t *testing.T, out any) {
				s := out.(*amity.ShareableDeepLinkSettings)
				assert.Equal(t, "myapp.com", s.Domain)
				assert.Equal(t, amity.DeepLinkPatterns{Posts: "/posts/{postId}", Communities: "/c/{communityId}", Users: "/u/{userId}",
					Livestreams: "/live/{livestreamId}"}, s.Patterns)
			}},
		{name: "UpdateShareableDeepLinks", method: "PUT", path: base + "shareable-deep-links", answer: fixture(t, "network_settings_deep_links.json"), attempts: 3,
			body: `{"domain":"myapp.com","patterns":{"posts":"/p/{postId}"}}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NetworkSettings.UpdateShareableDeepLinks(ctx, &amity.UpdateShareableDeepLinksParams{Domain: "myapp.com",
					Patterns: amity.DeepLinkPatterns{Posts: "/p/{postId}"}})
			},
			invalid: bad(func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateShareableDeepLinks(ctx, &amity.UpdateShareableDeepLinksParams{}))
			})},
		{name: "GetUIKit", method: "GET", path: base + "uikit", answer: fixture(t, "network_settings_uikit.json"), attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.NetworkSettings.GetUIKit(ctx) },
			check: func(t *testing.T, out any) {
				cfg := out.(*amity.UIKitSettings).Config.Map()
				assert.Equal(t, "dark", cfg["preferred_theme"])
				assert.Contains(t, cfg, "excludes")
			}},
		{name: "UpdateUIKit", method: "PUT", path: base + "uikit", answer: fixture(t, "network_settings_uikit.json"), attempts: 3,
			body: `{"config":{"preferred_theme":"dark","theme":{"dark":{"primary_color":"#1054DE"}}}}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				type theme struct {
					Dark map[string]string `json:"dark"`
				}
				return c.NetworkSettings.UpdateUIKit(ctx, &amity.UpdateUIKitParams{Config: struct {
					PreferredTheme string `json:"preferred_theme"`
					Theme          theme  `json:"theme"`
				}{"dark", theme{map[string]string{"primary_color": "#1054DE"}}}})
			},
			invalid: bad(func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NetworkSettings.UpdateUIKit(ctx, nil))
			})},
	})
}

func TestNetworkSettings4116EmptyAnswers(t *testing.T) {
	// A network that never set a configuration answers its defaults: {} decodes to zero values,
	// not an error.
	c, mt := mockClient(t)
	recordAny(t, mt, `{}`)
	ctx := context.Background()
	ui, err := c.NetworkSettings.GetUIKit(ctx)
	require.NoError(t, err)
	assert.Nil(t, ui.Config)
	sec, err := c.NetworkSettings.GetSecurityConfigs(ctx)
	require.NoError(t, err)
	assert.Nil(t, sec.SecurityConfigs.ServerKey)
	assert.Nil(t, sec.SecurityConfigs.AdminToken)
}

func TestNetworkSettings4116BodiesLeaveUnsetFieldsOut(t *testing.T) {
	c, mt := mockClient(t)
	rec := recordAny(t, mt, `{}`)
	ctx := context.Background()
	_, err := c.NetworkSettings.UpdateEnhanceModeration(ctx, &amity.UpdateEnhanceModerationParams{})
	require.NoError(t, err)
	assert.JSONEq(t, `{}`, rec.last(t).Body, "an empty update writes nothing; a nil pattern list is not sent")
	_, err = c.NetworkSettings.UpdateSecurityConfigs(ctx, &amity.UpdateSecurityConfigsParams{ServerKey: &amity.ServerKeySecurityParams{APIScopeEnabled: true}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"serverKey":{"apiScopeEnabled":true}}`, rec.last(t).Body)
	_, err = c.NetworkSettings.UpdateUIKit(ctx, &amity.UpdateUIKitParams{Config: json.RawMessage(`{"preferred_theme":"default"}`)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"config":{"preferred_theme":"default"}}`, rec.last(t).Body)
	_, err = c.NetworkSettings.UpdatePublicUsers(ctx, &amity.UpdatePublicUsersParams{Secure: amity.Ptr(false)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"publicUserSecure":false}`, rec.last(t).Body)
}

func TestNetworkSettings4116BadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	enh := func(p *amity.UpdateEnhanceModerationParams) func() error {
		return func() error { return errOf(c.NetworkSettings.UpdateEnhanceModeration(ctx, p)) }
	}
	row := amity.EnhanceModerationConfidence{Category: "hate", ModerationType: amity.EnhanceModerationText}
	rows := func(n int) []amity.EnhanceModerationConfidence {
		out := make([]amity.EnhanceModerationConfidence, n)
		for i := range out {
			out[i] = row
		}
		return out
	}
	sec := func(p *amity.UpdateSecurityConfigsParams) func() error {
		return func() error { return errOf(c.NetworkSettings.UpdateSecurityConfigs(ctx, p)) }
	}
	links := func(p *amity.UpdateShareableDeepLinksParams) func() error {
		return func() error { return errOf(c.NetworkSettings.UpdateShareableDeepLinks(ctx, p)) }
	}
	uikit := func(cfg any) func() error {
		return func() error { return errOf(c.NetworkSettings.UpdateUIKit(ctx, &amity.UpdateUIKitParams{Config: cfg})) }
	}
	assertInvalidCases(t, map[string]invalidCase{
		"enhance nil":          {"NetworkSettings.UpdateEnhanceModeration: params", enh(nil)},
		"enhance no rows":      {"Confidences", enh(&amity.UpdateEnhanceModerationParams{Confidences: rows(0)})},
		"enhance 101 rows":     {"Confidences", enh(&amity.UpdateEnhanceModerationParams{Confidences: rows(101)})},
		"enhance no category":  {"Confidences[0].Category", enh(&amity.UpdateEnhanceModerationParams{Confidences: []amity.EnhanceModerationConfidence{{ModerationType: "text"}}})},
		"enhance no type":      {"Confidences[1].ModerationType", enh(&amity.UpdateEnhanceModerationParams{Confidences: []amity.EnhanceModerationConfidence{row, {Category: "x"}}})},
		"enhance negative":     {"Confidences[0]", enh(&amity.UpdateEnhanceModerationParams{Confidences: []amity.EnhanceModerationConfidence{{Category: "x", ModerationType: "text", FlagConfidence: -1}}})},
		"enhance empty regexp": {"UserModerationExclusionPatterns", enh(&amity.UpdateEnhanceModerationParams{UserModerationExclusionPatterns: []string{"^a", ""}})},
		"product nil":          {"NetworkSettings.UpdateProductCatalogue: params", func() error { return errOf(c.NetworkSettings.UpdateProductCatalogue(ctx, nil)) }},
		"public nil":           {"NetworkSettings.UpdatePublicUsers: params", func() error { return errOf(c.NetworkSettings.UpdatePublicUsers(ctx, nil)) }},
		"push nil":             {"NetworkSettings.UpdatePushNotification: params", func() error { return errOf(c.NetworkSettings.UpdatePushNotification(ctx, nil)) }},
		"security nil":         {"NetworkSettings.UpdateSecurityConfigs: params", sec(nil)},
		"security empty":       {"ServerKey", sec(&amity.UpdateSecurityConfigsParams{})},
		"server key 0 hours": {"ServerKey.ExpiresInHours", sec(&amity.UpdateSecurityConfigsParams{
			ServerKey: &amity.ServerKeySecurityParams{ExpiresInHours: amity.Ptr(0.5)}})},
		"admin token 1001 hours": {"AdminToken.ExpiresInHours", sec(&amity.UpdateSecurityConfigsParams{
			AdminToken: &amity.AdminTokenSecurityParams{ExpiresInHours: amity.Ptr(1001.0)}})},
		"links nil":       {"NetworkSettings.UpdateShareableDeepLinks: params", links(nil)},
		"links no domain": {"Domain", links(&amity.UpdateShareableDeepLinksParams{Domain: " "})},
		"links long":      {"Domain", links(&amity.UpdateShareableDeepLinksParams{Domain: longString(101)})},
		"links no placeholder": {"Patterns.Users", links(&amity.UpdateShareableDeepLinksParams{Domain: "a.com",
			Patterns: amity.DeepLinkPatterns{Posts: "/p/{postId}", Users: "/u/{id}"}})},
		"links long pattern": {"Patterns.Livestreams", links(&amity.UpdateShareableDeepLinksParams{Domain: "a.com",
			Patterns: amity.DeepLinkPatterns{Livestreams: "/l/{livestreamId}" + strings.Repeat("x", 90)}})},
		"uikit nil":        {"NetworkSettings.UpdateUIKit: params", func() error { return errOf(c.NetworkSettings.UpdateUIKit(ctx, nil)) }},
		"uikit no config":  {"Config", uikit(nil)},
		"uikit not object": {"Config", uikit([]string{"a"})},
		"uikit not JSON":   {"Config", uikit(func() {})},
	})
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

// TestNetworkSettings4116UnknownEnumsAreSent: a deletion behaviour or content kind the SDK does
// not know is sent as given.
func TestNetworkSettings4116UnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"enhance moderation", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.NetworkSettings.UpdateEnhanceModeration(ctx, &amity.UpdateEnhanceModerationParams{CommentDeletionBehavior: "hide_comment",
				Confidences: []amity.EnhanceModerationConfidence{{Category: "spam", ModerationType: "audio"}}}))
		}, []string{`"commentDeletionBehavior":"hide_comment"`, `"moderationType":"audio"`}},
	})
}

func TestNetworkSettings4116FixturesMatchSpec(t *testing.T) {
	const base = "/api/v3/network-settings/"
	assertFixturesMatchSpec(t, map[string][2]string{
		"network_settings_enhance_moderation.json": {"GET", base + "enhance-moderation"},
		"network_settings_security.json":           {"GET", base + "security-configs"},
		"network_settings_deep_links.json":         {"GET", base + "shareable-deep-links"},
		"network_settings_uikit.json":              {"GET", base + "uikit"},
	})
}

// Against the fake: each setting reads back what was written.
func TestNetworkSettings4116AgainstFake(t *testing.T) {
	ctx := context.Background()
	c, _ := fakeClient(t)
	ns := c.NetworkSettings

	em, err := ns.UpdateEnhanceModeration(ctx, &amity.UpdateEnhanceModerationParams{Enabled: amity.Ptr(true),
		Confidences: []amity.EnhanceModerationConfidence{{Category: "hate", FlagConfidence: 3, BlockConfidence: 5, ModerationType: amity.EnhanceModerationText}}})
	require.NoError(t, err)
	assert.Equal(t, amity.CommentDeletionWholeComment, em.CommentDeletionBehavior, "the default stays")
	_, err = ns.UpdateEnhanceModeration(ctx, &amity.UpdateEnhanceModerationParams{UserModerationExclusionPatterns: []string{"^bot"}})
	require.NoError(t, err)
	em, err = ns.GetEnhanceModeration(ctx)
	require.NoError(t, err)
	assert.True(t, em.Enabled)
	assert.Equal(t, 5.0, em.ConfidenceByCategory("hate", "text").BlockConfidence)
	assert.Equal(t, []string{"^bot"}, em.UserModerationExclusionPatterns)
	_, err = ns.UpdateEnhanceModeration(ctx, &amity.UpdateEnhanceModerationParams{UserModerationExclusionPatterns: []string{}})
	require.NoError(t, err)
	em, err = ns.GetEnhanceModeration(ctx)
	require.NoError(t, err)
	assert.Empty(t, em.UserModerationExclusionPatterns, "an empty list clears the patterns")

	_, err = ns.UpdateProductCatalogue(ctx, &amity.UpdateProductCatalogueParams{Enabled: true})
	require.NoError(t, err)
	pc, err := ns.GetProductCatalogue(ctx)
	require.NoError(t, err)
	assert.True(t, pc.Product.Enabled)

	_, err = ns.UpdatePublicUsers(ctx, &amity.UpdatePublicUsersParams{VisitorEnabled: amity.Ptr(true)})
	require.NoError(t, err)
	pu, err := ns.GetPublicUsers(ctx)
	require.NoError(t, err)
	assert.Equal(t, amity.PublicUsersSettings{VisitorEnabled: true}, amity.PublicUsersSettings{VisitorEnabled: pu.VisitorEnabled, BotEnabled: pu.BotEnabled, Secure: pu.Secure})

	_, err = ns.UpdatePushNotification(ctx, &amity.UpdatePushNotificationParams{NotifyWhenLiveStart: amity.Ptr(false)})
	require.NoError(t, err)
	pn, err := ns.GetPushNotification(ctx)
	require.NoError(t, err)
	assert.False(t, pn.NotifyWhenLiveStart)

	room, err := ns.GetRoom(ctx)
	require.NoError(t, err)
	assert.Equal(t, amity.RoomLimits{MaxCoHostParticipants: 2, MaxStreamingDurationHours: 6}, room.RoomSettings)

	_, err = ns.UpdateSecurityConfigs(ctx, &amity.UpdateSecurityConfigsParams{ServerKey: &amity.ServerKeySecurityParams{ExpiresInHours: amity.Ptr(168.0), APIScopeEnabled: true}})
	require.NoError(t, err)
	sec, err := ns.GetSecurityConfigs(ctx)
	require.NoError(t, err)
	assert.Equal(t, &amity.ServerKeySecurity{ExpiresInHours: 168, APIScopeEnabled: true}, sec.SecurityConfigs.ServerKey)
	assert.Nil(t, sec.SecurityConfigs.AdminToken)

	_, err = ns.UpdateShareableDeepLinks(ctx, &amity.UpdateShareableDeepLinksParams{Domain: "myapp.com", Patterns: amity.DeepLinkPatterns{Posts: "/p/{postId}"}})
	require.NoError(t, err)
	dl, err := ns.GetShareableDeepLinks(ctx)
	require.NoError(t, err)
	assert.Equal(t, "/p/{postId}", dl.Patterns.Posts)

	_, err = ns.UpdateUIKit(ctx, &amity.UpdateUIKitParams{Config: map[string]any{"preferred_theme": "light"}})
	require.NoError(t, err)
	ui, err := ns.GetUIKit(ctx)
	require.NoError(t, err)
	assert.Equal(t, "light", ui.Config.Map()["preferred_theme"])
}
