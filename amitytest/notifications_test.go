package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNotificationSettings(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	cid := createChannel(t, srv, alice, map[string]any{"displayName": "Chat"})
	cm := ok(t, call(t, srv, alice, "POST", "/api/v3/communities", map[string]any{"displayName": "Club"}))
	cmID := list(t, cm, "communities")[0]["communityId"].(string)

	m := ok(t, call(t, srv, alice, "GET", "/api/v3/notification/setting?level=user", nil))
	assert.Equal(t, true, m["isPushNotifiable"])
	assert.Len(t, list(t, m, "notifiableEvents"), 3)

	m = ok(t, call(t, srv, alice, "POST", "/api/v3/notification/setting", map[string]any{"level": "user", "isPushNotifiable": true,
		"notifiableEvents": []map[string]any{{"moduleName": "chat", "isPushNotifiable": false}}}))
	assert.Equal(t, "success", m["status"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/notification/setting?level=user", nil))
	for _, e := range list(t, m, "notifiableEvents") {
		assert.Equal(t, e["moduleName"] != "chat", e["isPushNotifiable"], e["moduleName"])
	}
	assert.False(t, srv.Pushable("alice", "chat", "", ""))
	assert.True(t, srv.Pushable("alice", "social", "", ""))

	ok(t, call(t, srv, alice, "POST", "/api/v3/notification/setting", map[string]any{"level": "channel", "channelId": cid, "isPushNotifiable": false}))
	assert.Equal(t, false, ok(t, call(t, srv, alice, "GET", "/api/v3/notification/setting?level=channel&channelId="+cid, nil))["isPushNotifiable"])
	assert.False(t, srv.Pushable("alice", "social", cid, ""))

	ok(t, call(t, srv, alice, "POST", "/api/v3/notification/setting", map[string]any{"level": "community", "communityId": cmID,
		"notifiableEvents": []map[string]any{{"name": "post.created", "isPushNotifiable": false, "listenFromRoleIds": []string{"moderator"}}}}))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/notification/setting?level=community&communityId="+cmID, nil))
	assert.Equal(t, true, m["isUserEnabled"])
	for _, e := range list(t, m, "notifiableEvents") {
		if e["name"] == "post.created" {
			assert.Equal(t, false, e["isPushNotifiable"])
			assert.Equal(t, []any{"moderator"}, e["listenFromRoleIds"])
		}
	}

	assert.Equal(t, 400000, call(t, srv, alice, "GET", "/api/v3/notification/setting", nil).code(t))
	assert.Equal(t, 400000, call(t, srv, alice, "GET", "/api/v3/notification/setting?level=channel", nil).code(t))
	assert.Equal(t, http.StatusNotFound, call(t, srv, alice, "GET", "/api/v3/notification/setting?level=channel&channelId=ghost", nil).status)
	assert.Equal(t, 400000, call(t, srv, alice, "POST", "/api/v3/notification/setting", map[string]any{"level": "user", "notifiableEvents": []map[string]any{}}).code(t))
}

func TestPushDevices(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, key := srv.UserToken("alice"), srv.APIKey()
	srv.AddUser("bob", "Bob")

	m := ok(t, call(t, srv, alice, "POST", "/v1/notification", map[string]any{"deviceId": "d1", "platform": "android", "token": "fcm", "userId": "alice"}, "x-api-key", key))
	assert.Equal(t, "success", m["status"])
	ok(t, call(t, srv, alice, "POST", "/v1/notification", map[string]any{"deviceId": "d2", "platform": "ios", "token": "abcdef", "userId": "alice", "provider": "apns"}, "x-api-key", key))
	assert.Equal(t, []PushDevice{{DeviceID: "d1", Platform: "android", Token: "fcm", UserID: "alice"},
		{DeviceID: "d2", Platform: "ios", Token: "abcdef", UserID: "alice", Provider: "apns"}}, srv.PushDevices("alice"))

	assert.Equal(t, 400000, call(t, srv, alice, "POST", "/v1/notification", map[string]any{"deviceId": "d3", "platform": "ios", "token": "not-hex", "userId": "alice"}, "x-api-key", key).code(t))
	assert.Equal(t, 400301, call(t, srv, alice, "POST", "/v1/notification", map[string]any{"deviceId": "d3", "platform": "android", "token": "t", "userId": "bob"}, "x-api-key", key).code(t))
	assert.Equal(t, http.StatusUnauthorized, call(t, srv, alice, "POST", "/v1/notification", map[string]any{"deviceId": "d3", "platform": "android", "token": "t", "userId": "alice"}).status)

	ok(t, call(t, srv, alice, "DELETE", "/v1/notification?deviceId=d1", nil, "x-api-key", key))
	ok(t, call(t, srv, alice, "DELETE", "/v1/notification?deviceId=d1&userId=alice", nil, "x-api-key", key))
	assert.Len(t, srv.PushDevices("alice"), 1)
	assert.Equal(t, 400000, call(t, srv, alice, "DELETE", "/v1/notification", nil, "x-api-key", key).code(t))
}
