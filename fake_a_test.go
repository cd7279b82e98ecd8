package amity_test

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeA returns an admin client of a fresh amitytest server.
func fakeA(t *testing.T) (*amity.Client, *amitytest.Server) {
	t.Helper()
	srv := amitytest.NewServer()
	t.Cleanup(srv.Close)
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(srv.AdminToken()), amity.WithAPIKey(srv.APIKey()))
	require.NoError(t, err)
	return c, srv
}

// The services of this branch against the fake: every answer decodes and behaves.
func TestServicesAAgainstFake(t *testing.T) {
	ctx := context.Background()
	c, srv := fakeA(t)

	// Settings persist; the pre-hook key comes once.
	ph, err := c.NetworkSettings.UpdatePrehook(ctx, &amity.UpdatePrehookParams{Enabled: amity.Ptr(true), CallbackURL: amity.Ptr("https://hooks.example.com/pre")})
	require.NoError(t, err)
	assert.NotEmpty(t, string(ph.SecretKey))
	ph, err = c.NetworkSettings.Prehook(ctx)
	require.NoError(t, err)
	assert.True(t, ph.Enabled)
	assert.Empty(t, string(ph.SecretKey))
	so, err := c.NetworkSettings.UpdateSocial(ctx, &amity.UpdateSocialSettingsParams{StoryExpiryTimeMinutes: amity.Ptr(90)})
	require.NoError(t, err)
	assert.Equal(t, 90, so.Story.ExpiryTimeMinutes)
	all, err := c.NetworkSettings.Update(ctx, &amity.UpdateNetworkSettingsParams{VideoStreamingEnabled: amity.Ptr(false)})
	require.NoError(t, err)
	assert.False(t, all.VideoStreaming.Enabled)
	vs, err := c.NetworkSettings.VideoStreaming(ctx)
	require.NoError(t, err)
	assert.False(t, vs.Enabled)
	fs, err := c.NetworkSettings.UpdateFeedSettings(ctx, &amity.UpdateFeedSettingsParams{Post: &amity.FeedTypeCheck{Video: &amity.VideoCheck{MaxDurationSeconds: amity.Ptr(60)}}})
	require.NoError(t, err)
	assert.Equal(t, 60.0, fs.Feed("post").ContentSettings[0].MaxDurationSeconds)

	// Roles.
	_, err = c.Roles.Create(ctx, &amity.CreateRoleParams{RoleID: "editor", Permissions: []amity.Permission{amity.PermissionEditUser}})
	require.NoError(t, err)
	require.NoError(t, c.Roles.V2.AddPermissions(ctx, &amity.V2AddPermissionsParams{PublicIDs: []string{"editor"}, Permissions: []amity.Permission{amity.PermissionBanUser}}))
	r, err := c.Roles.Get(ctx, "editor")
	require.NoError(t, err)
	assert.True(t, r.Role().Grants(amity.PermissionBanUser))
	v2, err := c.Roles.V2.GetAll(ctx)
	require.NoError(t, err)
	assert.NotNil(t, v2.RoleByID("editor"))
	var roles []string
	for role, err := range c.Roles.List(ctx, &amity.ListRolesParams{PageParams: amity.PageParams{Limit: 1}}) {
		require.NoError(t, err)
		roles = append(roles, role.RoleID)
	}
	assert.Equal(t, []string{"editor"}, roles)
	d, err := c.Roles.Delete(ctx, "editor")
	require.NoError(t, err)
	assert.True(t, d.Role().IsDeleted)

	// Presence and markers act as users.
	srv.AddUser("bob", "Bob")
	alice, err := c.AsUser("alice", amity.WithDeviceID("d1"))
	require.NoError(t, err)
	bob, err := c.AsUser("bob", amity.WithDeviceID("d1"))
	require.NoError(t, err)
	_, err = alice.Presence.UpdateUserSetting(ctx, &amity.UpdatePresenceUserSettingParams{Enabled: true})
	require.NoError(t, err)
	require.NoError(t, alice.Presence.Heartbeat(ctx))
	online, err := c.Presence.OnlineUsers(ctx, nil)
	require.NoError(t, err)
	assert.NotNil(t, online.PresenceByID("alice"))
	n, err := c.Presence.CountOnlineUsers(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, n.Count)
	ps, err := alice.Presence.Settings(ctx)
	require.NoError(t, err)
	assert.True(t, ps.User.Enabled)

	ch, err := alice.Channels.Create(ctx, &amity.CreateChannelParams{ChannelID: "chat", DisplayName: "Chat", UserIDs: []string{"bob"}})
	require.NoError(t, err)
	internal := ch.Channels[0].ChannelInternalID
	for _, ref := range []string{"r1", "r2"} {
		_, err := alice.Messages.Create(ctx, &amity.CreateMessageParams{MessageFeedID: "chat", ReferenceID: ref, DataType: "text", Data: map[string]any{"text": ref}})
		require.NoError(t, err)
	}
	mk, err := bob.Markers.Channels(ctx, &amity.MarkerIDsParams{IDs: []string{internal}})
	require.NoError(t, err)
	assert.Equal(t, 2, mk.UserEntityMarkerByID(internal).UnreadCount)
	mk, err = bob.Markers.MarkRead(ctx, "chat", &amity.MarkReadParams{ReadToSegment: 1})
	require.NoError(t, err)
	assert.Equal(t, 1, mk.UserFeedMarkerByID("chat").UnreadCount)
	assert.Equal(t, 1, mk.UserMarker().UnreadCount)
	mk, err = bob.Markers.MarkChannelRead(ctx, internal)
	require.NoError(t, err)
	assert.Equal(t, 0, mk.UserEntityMarkerByID(internal).UnreadCount)

	// Notifications.
	require.NoError(t, alice.Notifications.UpdateSettings(ctx, &amity.UpdateNotificationSettingsParams{Level: amity.NotificationLevelChannel, ChannelID: "chat", IsPushNotifiable: amity.Ptr(false)}))
	ns, err := alice.Notifications.Settings(ctx, &amity.NotificationSettingsParams{Level: amity.NotificationLevelChannel, ChannelID: "chat"})
	require.NoError(t, err)
	assert.False(t, ns.IsPushNotifiable)
	require.NoError(t, alice.Notifications.RegisterDevice(ctx, &amity.RegisterDeviceParams{DeviceID: "d1", Platform: amity.DevicePlatformAndroid, Token: "fcm", UserID: "alice"}))
	assert.Len(t, srv.PushDevices("alice"), 1)
	require.NoError(t, alice.Notifications.UnregisterDevice(ctx, &amity.UnregisterDeviceParams{DeviceID: "d1"}))
	assert.Empty(t, srv.PushDevices("alice"))
}
