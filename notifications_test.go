package amity_test

import (
	"context"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNotificationsSettings(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "notification_settings.json"))
	s, err := c.Notifications.GetSettings(ctx, &amity.GetNotificationSettingsParams{Level: amity.NotificationLevelCommunity, CommunityID: "cm1"})
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "GET", req.Method)
	assert.Equal(t, "/api/v3/notification/setting", req.Path)
	assert.Equal(t, "communityId=cm1&level=community", req.Query)
	assert.True(t, s.IsPushNotifiable)
	assert.True(t, s.IsUserEnabled)
	require.Len(t, s.NotifiableEvents, 1)
	e := s.NotifiableEvents[0]
	assert.Equal(t, amity.NotificationPostCreated, e.Name)
	assert.Equal(t, amity.NotificationModuleSocial, e.ModuleName)
	assert.False(t, e.IsPushNotifiable)
	assert.Equal(t, []string{"moderator"}, e.ListenFromRoleIDs)
	assert.Equal(t, []string{"userDisplayName"}, e.Parameters)
	assert.True(t, e.IsNetworkEnabled)
	assert.Contains(t, string(s.Raw), `"priority"`)

	_, err = c.Notifications.GetSettings(ctx, &amity.GetNotificationSettingsParams{Level: amity.NotificationLevelChannel})
	assertInvalid(t, err, "Notifications.GetSettings: ChannelID")
	_, err = c.Notifications.GetSettings(ctx, &amity.GetNotificationSettingsParams{})
	assertInvalid(t, err, "Notifications.GetSettings: Level")
	_, err = c.Notifications.GetSettings(ctx, nil)
	assertInvalid(t, err, "Notifications.GetSettings: params")
	assert.Len(t, rec.all(), 1)
}

func TestNotificationsUpdateSettings(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, `{"status":"success"}`)
	require.NoError(t, c.Notifications.UpdateSettings(ctx, &amity.UpdateNotificationSettingsParams{Level: amity.NotificationLevelUser, IsPushNotifiable: amity.Ptr(true),
		NotifiableEvents: []amity.NotifiableEventSetting{{ModuleName: amity.NotificationModuleChat, IsPushNotifiable: amity.Ptr(false)}}}))
	req := rec.only(t)
	assert.Equal(t, "POST", req.Method)
	assert.Equal(t, "/api/v3/notification/setting", req.Path)
	assert.JSONEq(t, `{"level":"user","isPushNotifiable":true,"notifiableEvents":[{"moduleName":"chat","isPushNotifiable":false}]}`, req.Body)

	events := make([]amity.NotifiableEventSetting, 8)
	for _, tc := range []struct {
		p     *amity.UpdateNotificationSettingsParams
		field string
	}{
		{nil, "params"},
		{&amity.UpdateNotificationSettingsParams{Level: amity.NotificationLevelCommunity}, "CommunityID"},
		{&amity.UpdateNotificationSettingsParams{Level: amity.NotificationLevelUser, NotifiableEvents: events}, "NotifiableEvents"},
		{&amity.UpdateNotificationSettingsParams{Level: amity.NotificationLevelUser, NotifiableEvents: []amity.NotifiableEventSetting{{TitleTemplate: strings.Repeat("t", 1001)}}}, "NotifiableEvents[].TitleTemplate"},
		{&amity.UpdateNotificationSettingsParams{Level: amity.NotificationLevelUser, NotifiableEvents: []amity.NotifiableEventSetting{{ListenFromRoleIDs: make([]string, 11)}}}, "NotifiableEvents[].ListenFromRoleIDs"},
	} {
		assertInvalid(t, c.Notifications.UpdateSettings(ctx, tc.p), "Notifications.UpdateSettings: "+tc.field)
	}
	assert.Len(t, rec.all(), 1)

	c, mt = mockClient(t)
	recordAny(t, mt, `{"status":"error","code":400319,"message":"Network notification is off"}`)
	err := c.Notifications.UpdateSettings(ctx, &amity.UpdateNotificationSettingsParams{Level: amity.NotificationLevelUser})
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 400319, ae.Code)
}

func TestNotificationsDevices(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, `{"status":"success","data":{}}`)
	require.NoError(t, c.Notifications.RegisterDevice(ctx, &amity.RegisterDeviceParams{DeviceID: "d1", Platform: amity.DevicePlatformIOS, Token: "ab12", UserID: "alice", Provider: "apns"}))
	req := rec.only(t)
	assert.Equal(t, "POST", req.Method)
	assert.Equal(t, "/v1/notification", req.Path, "no /api prefix")
	assert.JSONEq(t, `{"deviceId":"d1","platform":"ios","token":"ab12","userId":"alice","provider":"apns"}`, req.Body)
	assert.Equal(t, apiKey, req.Header.Get("X-API-Key"))

	c, mt = mockClient(t)
	rec = recordAny(t, mt, `{"status":"success","data":{}}`)
	require.NoError(t, c.Notifications.UnregisterDevice(ctx, &amity.UnregisterDeviceParams{DeviceID: "d1", UserID: "alice"}))
	req = rec.only(t)
	assert.Equal(t, "DELETE", req.Method)
	assert.Equal(t, "/v1/notification", req.Path)
	assert.Equal(t, "deviceId=d1&userId=alice", req.Query)
	assert.JSONEq(t, `{"deviceId":"d1"}`, req.Body, "the client's body beside the spec's query")

	for _, tc := range []struct {
		p     *amity.RegisterDeviceParams
		field string
	}{
		{nil, "params"},
		{&amity.RegisterDeviceParams{Platform: amity.DevicePlatformAndroid, Token: "t", UserID: "u"}, "DeviceID"},
		{&amity.RegisterDeviceParams{DeviceID: "d", Platform: amity.DevicePlatformAndroid, UserID: "u"}, "Token"},
		{&amity.RegisterDeviceParams{DeviceID: "d", Platform: amity.DevicePlatformIOS, Token: "xyz", UserID: "u"}, "Token"},
		{&amity.RegisterDeviceParams{DeviceID: "d", Platform: amity.DevicePlatformAndroid, Token: "t"}, "UserID"},
	} {
		assertInvalid(t, c.Notifications.RegisterDevice(ctx, tc.p), "Notifications.RegisterDevice: "+tc.field)
	}
	assertInvalid(t, c.Notifications.UnregisterDevice(ctx, &amity.UnregisterDeviceParams{}), "Notifications.UnregisterDevice: DeviceID")
	assert.Len(t, rec.all(), 1)

	c, mt = mockClient(t)
	recordAny(t, mt, `{"status":"error","code":400100,"message":"Invalid API key"}`, 401)
	err := c.Notifications.RegisterDevice(ctx, &amity.RegisterDeviceParams{DeviceID: "d1", Platform: amity.DevicePlatformAndroid, Token: "t", UserID: "alice"})
	assert.ErrorIs(t, err, amity.ErrUnauthorized)
}

// TestNotificationsUnknownEnumsAreSent: a level, module or platform the SDK does not know is
// sent as given.
func TestNotificationsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"settings level and module", func(ctx context.Context, c *amity.Client) error {
			return c.Notifications.UpdateSettings(ctx, &amity.UpdateNotificationSettingsParams{Level: "network",
				NotifiableEvents: []amity.NotifiableEventSetting{{ModuleName: "email"}}})
		}, []string{`"level":"network"`, `"moduleName":"email"`}},
		{"device platform", func(ctx context.Context, c *amity.Client) error {
			return c.Notifications.RegisterDevice(ctx, &amity.RegisterDeviceParams{DeviceID: "d", Platform: "windows", Token: "t", UserID: "u"})
		}, []string{`"platform":"windows"`}},
	})
}
