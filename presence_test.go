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
	seen := recordA(t, mt, 202, `{"success":true}`)
	require.NoError(t, c.Presence.SendHeartbeat(ctx))
	req := onlyA(t, seen)
	assert.Equal(t, "POST", req.method)
	assert.Equal(t, "/api/v1/presence/heartbeat", req.path)

	c, mt = mockClient(t)
	recordA(t, mt, 202, `{"success":false}`)
	assert.ErrorIs(t, c.Presence.SendHeartbeat(ctx), amity.ErrUnsuccessful)
	c, mt = mockClient(t)
	recordA(t, mt, 403, `{"status":"error","code":400300,"message":"Presence is disabled for this user."}`)
	assert.ErrorIs(t, c.Presence.SendHeartbeat(ctx), amity.ErrForbidden)
}

func TestPresenceOnlineUsers(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	seen := recordA(t, mt, 200, fixture(t, "presence_users.json"))
	p, err := c.Presence.GetOnlineUsers(ctx, &amity.GetOnlineUsersParams{OrderBy: amity.PresenceOrderDesc})
	require.NoError(t, err)
	req := onlyA(t, seen)
	assert.Equal(t, "GET", req.method)
	assert.Equal(t, "/api/v1/presence/network/users", req.path)
	assert.Equal(t, "orderBy=desc", req.query)
	require.Len(t, p.Presences, 2)
	assert.Equal(t, 30, p.PresenceByID("alice").LastHeartbeat.Second())
	assert.Nil(t, p.PresenceByID("carol"))
	assert.Contains(t, string(p.Raw), `"device"`)

	c, mt = mockClient(t)
	seen = recordA(t, mt, 200, `{"count":2,"referenceTimeStamp":"2024-05-01T12:00:00.000Z"}`)
	n, err := c.Presence.CountOnlineUsers(ctx)
	require.NoError(t, err)
	assert.Equal(t, "/api/v1/presence/network/users/count", onlyA(t, seen).path)
	assert.Equal(t, 2, n.Count)
	assert.Equal(t, "2024-05-01T12:00:00.000Z", n.ReferenceTimestamp)

	c, mt = mockClient(t)
	seen = recordA(t, mt, 200, fixture(t, "presence_users.json"))
	_, err = c.Presence.GetMany(ctx, &amity.GetManyPresencesParams{UserIDs: []string{"alice", "bob"}})
	require.NoError(t, err)
	req = onlyA(t, seen)
	assert.Equal(t, "/api/v1/presence/users/list", req.path)
	assert.Equal(t, "userIds%5B%5D=alice&userIds%5B%5D=bob", req.query)
	_, err = c.Presence.GetMany(ctx, &amity.GetManyPresencesParams{})
	validationA(t, err, "Presence.GetMany", "UserIDs")
	_, err = c.Presence.GetMany(ctx, &amity.GetManyPresencesParams{UserIDs: make([]string, 221)})
	validationA(t, err, "Presence.GetMany", "UserIDs")
	_, err = c.Presence.GetMany(ctx, nil)
	validationA(t, err, "Presence.GetMany", "params")
	assert.Len(t, *seen, 1)
}

func TestPresenceSettings(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	seen := recordA(t, mt, 200, fixture(t, "presence_settings.json"))
	s, err := c.Presence.GetSettings(ctx)
	require.NoError(t, err)
	assert.Equal(t, "/api/v1/presence/settings", onlyA(t, seen).path)
	assert.True(t, s.User.Enabled)
	assert.Equal(t, 11, s.User.EnabledAt.Hour())
	assert.Equal(t, 30, s.Network.HeartbeatInterval)
	assert.Equal(t, 40, s.Network.PresenceSyncInterval)
	assert.Contains(t, string(s.Raw), `"region"`)

	c, mt = mockClient(t)
	seen = recordA(t, mt, 200, `{"enabled":false}`)
	u, err := c.Presence.UpdateUserSetting(ctx, &amity.UpdatePresenceUserSettingParams{Enabled: false})
	require.NoError(t, err)
	req := onlyA(t, seen)
	assert.Equal(t, "PUT", req.method)
	assert.Equal(t, "/api/v1/presence/settings/user", req.path)
	assert.JSONEq(t, `{"enabled":false}`, req.body, "enabled is always sent")
	assert.False(t, u.Enabled)
	_, err = c.Presence.UpdateUserSetting(ctx, nil)
	validationA(t, err, "Presence.UpdateUserSetting", "params")
	assert.Len(t, *seen, 1)
}

// TestPresenceUnknownEnumsAreSent: an order the SDK does not know is sent as given.
func TestPresenceUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"online users order", func(ctx context.Context, c *amity.Client) error {
			_, err := c.Presence.GetOnlineUsers(ctx, &amity.GetOnlineUsersParams{OrderBy: "up"})
			return err
		}, []string{"orderBy=up"}},
	})
}
