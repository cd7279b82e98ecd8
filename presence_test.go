package amity_test

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPresenceHeartbeat(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, `{"success":true}`, 202)
	require.NoError(t, c.Presence.SendHeartbeat(ctx))
	req := rec.only(t)
	assert.Equal(t, "POST", req.Method)
	assert.Equal(t, "/api/v1/presence/heartbeat", req.Path)

	c, mt = mockClient(t)
	recordAny(t, mt, `{"success":false}`, 202)
	assert.ErrorIs(t, c.Presence.SendHeartbeat(ctx), amity.ErrUnsuccessful)
	c, mt = mockClient(t)
	recordAny(t, mt, `{"status":"error","code":400300,"message":"Presence is disabled for this user."}`, 403)
	assert.ErrorIs(t, c.Presence.SendHeartbeat(ctx), amity.ErrForbidden)
}

func TestPresenceOnlineUsers(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "presence_users.json"))
	p, err := c.Presence.GetOnlineUsers(ctx, &amity.GetOnlineUsersParams{OrderBy: amity.PresenceOrderDesc})
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "GET", req.Method)
	assert.Equal(t, "/api/v1/presence/network/users", req.Path)
	assert.Equal(t, "orderBy=desc", req.Query)
	require.Len(t, p.Presences, 2)
	assert.Equal(t, 30, p.PresenceByID("alice").LastHeartbeat.Second())
	assert.Nil(t, p.PresenceByID("carol"))
	assert.Contains(t, string(p.Raw), `"device"`)

	c, mt = mockClient(t)
	rec = recordAny(t, mt, `{"count":2,"referenceTimeStamp":"2024-05-01T12:00:00.000Z"}`)
	n, err := c.Presence.CountOnlineUsers(ctx)
	require.NoError(t, err)
	assert.Equal(t, "/api/v1/presence/network/users/count", rec.only(t).Path)
	assert.Equal(t, 2, n.Count)
	assert.Equal(t, "2024-05-01T12:00:00.000Z", n.ReferenceTimestamp)

	c, mt = mockClient(t)
	rec = recordAny(t, mt, fixture(t, "presence_users.json"))
	_, err = c.Presence.GetMany(ctx, &amity.GetManyPresencesParams{UserIDs: []string{"alice", "bob"}})
	require.NoError(t, err)
	req = rec.only(t)
	assert.Equal(t, "/api/v1/presence/users/list", req.Path)
	assert.Equal(t, "userIds%5B%5D=alice&userIds%5B%5D=bob", req.Query)
	_, err = c.Presence.GetMany(ctx, &amity.GetManyPresencesParams{})
	assertInvalid(t, err, "Presence.GetMany: UserIDs")
	_, err = c.Presence.GetMany(ctx, &amity.GetManyPresencesParams{UserIDs: make([]string, 221)})
	assertInvalid(t, err, "Presence.GetMany: UserIDs")
	_, err = c.Presence.GetMany(ctx, nil)
	assertInvalid(t, err, "Presence.GetMany: params")
	assert.Len(t, rec.all(), 1)
}

func TestPresenceSettings(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "presence_settings.json"))
	s, err := c.Presence.GetSettings(ctx)
	require.NoError(t, err)
	assert.Equal(t, "/api/v1/presence/settings", rec.only(t).Path)
	assert.True(t, s.User.Enabled)
	assert.Equal(t, 11, s.User.EnabledAt.Hour())
	assert.Equal(t, 30, s.Network.HeartbeatInterval)
	assert.Equal(t, 40, s.Network.PresenceSyncInterval)
	assert.Contains(t, string(s.Raw), `"region"`)

	c, mt = mockClient(t)
	rec = recordAny(t, mt, `{"enabled":false}`)
	u, err := c.Presence.UpdateUserSetting(ctx, &amity.UpdatePresenceUserSettingParams{Enabled: false})
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "PUT", req.Method)
	assert.Equal(t, "/api/v1/presence/settings/user", req.Path)
	assert.JSONEq(t, `{"enabled":false}`, req.Body, "enabled is always sent")
	assert.False(t, u.Enabled)
	_, err = c.Presence.UpdateUserSetting(ctx, nil)
	assertInvalid(t, err, "Presence.UpdateUserSetting: params")
	assert.Len(t, rec.all(), 1)
}

// TestPresenceUnknownEnumsAreSent: an order the SDK does not know is sent as given.
func TestPresenceUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"online users order", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Presence.GetOnlineUsers(ctx, &amity.GetOnlineUsersParams{OrderBy: "up"}))
		}, []string{"orderBy=up"}},
	})
}
