package amity_test

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeClient returns an admin client of a fresh amitytest server.
func fakeClient(t *testing.T) (*amity.Client, *amitytest.Server) {
	t.Helper()
	srv := amitytest.NewServer()
	t.Cleanup(srv.Close)
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(srv.AdminToken()), amity.WithAPIKey(srv.APIKey()))
	require.NoError(t, err)
	return c, srv
}

// Network settings, roles, presence, markers and notifications against the fake: every
// answer decodes and behaves.
func TestServicesAgainstFake(t *testing.T) {
	ctx := context.Background()
	c, srv := fakeClient(t)

	// Settings persist; the pre-hook key comes once.
	ph, err := c.NetworkSettings.UpdatePrehook(ctx, &amity.UpdatePrehookParams{Enabled: amity.Ptr(true), CallbackURL: amity.Ptr("https://hooks.example.com/pre")})
	require.NoError(t, err)
	assert.NotEmpty(t, string(ph.SecretKey))
	ph, err = c.NetworkSettings.GetPrehook(ctx)
	require.NoError(t, err)
	assert.True(t, ph.Enabled)
	assert.Empty(t, string(ph.SecretKey))
	so, err := c.NetworkSettings.UpdateSocial(ctx, &amity.UpdateSocialSettingsParams{StoryExpiryTimeMinutes: amity.Ptr(90)})
	require.NoError(t, err)
	assert.Equal(t, 90, so.Story.ExpiryTimeMinutes)
	all, err := c.NetworkSettings.Update(ctx, &amity.UpdateNetworkSettingsParams{VideoStreamingEnabled: amity.Ptr(false)})
	require.NoError(t, err)
	assert.False(t, all.VideoStreaming.Enabled)
	vs, err := c.NetworkSettings.GetVideoStreaming(ctx)
	require.NoError(t, err)
	assert.False(t, vs.Enabled)
	fs, err := c.NetworkSettings.UpdateFeed(ctx, &amity.UpdateFeedParams{Post: &amity.FeedTypeCheck{Video: &amity.VideoCheck{MaxDurationSeconds: amity.Ptr(60)}}})
	require.NoError(t, err)
	assert.Equal(t, 60.0, fs.FeedByType("post").ContentSettings[0].MaxDurationSeconds)

	// Roles.
	_, err = c.Roles.Create(ctx, &amity.CreateRoleParams{RoleID: "editor", Permissions: []amity.Permission{amity.PermissionEditUser}})
	require.NoError(t, err)
	require.NoError(t, c.Roles.V2.AddPermissions(ctx, &amity.V2AddPermissionsParams{PublicIDs: []string{"editor"}, Permissions: []amity.Permission{amity.PermissionBanUser}}))
	r, err := c.Roles.Get(ctx, "editor")
	require.NoError(t, err)
	assert.True(t, r.Role().Grants(amity.PermissionBanUser))
	v2, err := c.Roles.V2.GetRoles(ctx)
	require.NoError(t, err)
	assert.NotNil(t, v2.RoleByID("editor"))
	var roles []string
	for role, err := range c.Roles.List(ctx, &amity.ListRolesParams{PageParams: amity.PageParams{Limit: 1}}) {
		require.NoError(t, err)
		roles = append(roles, role.RoleID)
	}
	assert.Equal(t, []string{"editor"}, roles)
	require.NoError(t, c.Roles.Delete(ctx, "editor"))
	_, err = c.Roles.Get(ctx, "editor")
	assert.ErrorIs(t, err, amity.ErrNotFound)

	// Presence and markers act as users.
	srv.AddUser("bob", "Bob")
	alice, err := c.AsUser("alice", amity.WithDeviceID("d1"))
	require.NoError(t, err)
	bob, err := c.AsUser("bob", amity.WithDeviceID("d1"))
	require.NoError(t, err)
	_, err = alice.Presence.UpdateUserSetting(ctx, &amity.UpdatePresenceUserSettingParams{Enabled: true})
	require.NoError(t, err)
	require.NoError(t, alice.Presence.SendHeartbeat(ctx))
	online, err := c.Presence.GetOnlineUsers(ctx, nil)
	require.NoError(t, err)
	assert.NotNil(t, online.PresenceByID("alice"))
	n, err := c.Presence.CountOnlineUsers(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, n.Count)
	ps, err := alice.Presence.GetSettings(ctx)
	require.NoError(t, err)
	assert.True(t, ps.User.Enabled)

	ch, err := alice.Channels.Create(ctx, &amity.CreateChannelParams{ChannelID: "chat", DisplayName: "Chat", UserIDs: []string{"bob"}})
	require.NoError(t, err)
	internal := ch.Channel().DefaultMessageFeedID() // the feed of v5 messages and markers: the internal ID
	for _, ref := range []string{"r1", "r2"} {
		_, err := alice.Messages.Create(ctx, &amity.CreateMessageParams{MessageFeedID: internal, ReferenceID: ref, DataType: "text", Data: map[string]any{"text": ref}})
		require.NoError(t, err)
	}
	mk, err := bob.Markers.GetChannels(ctx, &amity.MarkerIDsParams{IDs: []string{internal}})
	require.NoError(t, err)
	assert.Equal(t, 2, mk.UserEntityMarkerByID(internal).UnreadCount)
	mk, err = bob.Markers.MarkRead(ctx, internal, &amity.MarkReadParams{ReadToSegment: 1})
	require.NoError(t, err)
	assert.Equal(t, 1, mk.UserFeedMarkerByID(internal).UnreadCount)
	assert.Equal(t, 1, mk.UserMarker().UnreadCount)
	mk, err = bob.Markers.MarkChannelRead(ctx, internal)
	require.NoError(t, err)
	assert.Equal(t, 0, mk.UserEntityMarkerByID(internal).UnreadCount)

	// Notifications.
	require.NoError(t, alice.Notifications.UpdateSettings(ctx, &amity.UpdateNotificationSettingsParams{Level: amity.NotificationLevelChannel, ChannelID: "chat", IsPushNotifiable: amity.Ptr(false)}))
	ns, err := alice.Notifications.GetSettings(ctx, &amity.GetNotificationSettingsParams{Level: amity.NotificationLevelChannel, ChannelID: "chat"})
	require.NoError(t, err)
	assert.False(t, ns.IsPushNotifiable)
	require.NoError(t, alice.Notifications.RegisterDevice(ctx, &amity.RegisterDeviceParams{DeviceID: "d1", Platform: amity.DevicePlatformAndroid, Token: "fcm", UserID: "alice"}))
	assert.Len(t, srv.PushDevices("alice"), 1)
	require.NoError(t, alice.Notifications.UnregisterDevice(ctx, &amity.UnregisterDeviceParams{DeviceID: "d1"}))
	assert.Empty(t, srv.PushDevices("alice"))
}

// The v1/v2 word lists and v2 moderation settings through the SDK against the fake.
func TestLegacyModerationAgainstFake(t *testing.T) {
	ctx := context.Background()
	c, _ := fakeClient(t)
	v2 := c.Moderation.V2
	require.NoError(t, v2.AddBlacklistRecords(ctx, &amity.V2AddBlacklistRecordsParams{Regexs: []string{"darn"}, IsMatchExactWord: amity.Ptr(true)}))
	list, err := v2.GetBlacklistRecords(ctx, nil)
	require.NoError(t, err)
	require.Len(t, list.Rules(), 1)
	rule := list.Rules()[0]
	assert.True(t, rule.IsEnabled)
	assert.True(t, rule.IsMatchExactWord)
	up, err := v2.UpdateBlacklistRecord(ctx, rule.RuleID, &amity.V2UpdateRecordParams{IsEnabled: false})
	require.NoError(t, err)
	assert.False(t, up.Rule().IsEnabled)
	require.NoError(t, v2.DeleteBlacklistRecords(ctx, &amity.V2DeleteRecordsParams{RuleIDs: []string{rule.RuleID}}))
	require.NoError(t, c.Moderation.V1.AddBlacklistRecords(ctx, &amity.V1RecordsParams{Regexs: []string{"heck"}}))
	require.NoError(t, c.Moderation.V1.RefreshBlacklist(ctx, &amity.V1RecordsParams{Regexs: []string{"blast"}}))
	list, err = v2.GetBlacklistRecords(ctx, &amity.V2GetRecordsParams{Regexs: []string{"blast"}})
	require.NoError(t, err)
	require.Len(t, list.Rules(), 1)
	require.NoError(t, c.Moderation.V1.DeleteBlacklistRecords(ctx, &amity.V1DeleteRecordsParams{RuleIDs: []string{list.Rules()[0].RuleID}}))

	require.NoError(t, v2.AddWhitelistRecords(ctx, &amity.V2RecordsParams{Regexs: []string{"example.com"}}))
	require.NoError(t, v2.RefreshWhitelist(ctx, &amity.V2RecordsParams{Regexs: []string{"example.org"}}))
	wl, err := v2.GetWhitelistRecords(ctx, &amity.V2GetRecordsParams{Regexs: []string{"example.org"}})
	require.NoError(t, err)
	require.Len(t, wl.Rules(), 1)
	_, err = v2.UpdateWhitelistRecord(ctx, wl.Rules()[0].RuleID, &amity.V2UpdateRecordParams{IsEnabled: false})
	require.NoError(t, err)
	require.NoError(t, v2.DeleteWhitelistRecords(ctx, &amity.V2DeleteRecordsParams{RuleIDs: []string{wl.Rules()[0].RuleID}}))

	require.NoError(t, v2.UpdateSettings(ctx, &amity.V2UpdateModerationSettingsParams{MaxRepetition: amity.Ptr(3)}))
	s, err := v2.GetSettings(ctx)
	require.NoError(t, err)
	assert.Equal(t, 3, s.Settings().MaxRepetition)

	// The v2 channel search.
	_, err = c.Channels.Create(ctx, &amity.CreateChannelParams{ChannelID: "garden", DisplayName: "Garden"})
	require.NoError(t, err)
	found, err := c.Channels.SearchPage(ctx, &amity.SearchChannelsParams{Query: "gard"})
	require.NoError(t, err)
	require.Len(t, found.Channels, 1)
	assert.Equal(t, 1, found.TotalCount)
}
