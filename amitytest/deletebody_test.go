package amitytest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDeleteParametersInAJSONBody sends the parameters of DELETE operations in a JSON body, as
// the vendor clients do (axios delete(url, {data}): calls-ts-sdk-*.tsv, e.g.
// channelRepository/channelMembership/api/removeMembers.ts:33), where the spec declares query
// parameters. Each is accepted like its query form.
func TestDeleteParametersInAJSONBody(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin, alice := srv.AdminToken(), srv.UserToken("alice")
	for _, u := range []string{"bob", "carol", "dave"} {
		srv.AddUser(u, u)
	}
	members := func(path, key string) []string {
		t.Helper()
		return ids(list(t, ok(t, call(t, srv, alice, "GET", path, nil)), key), "userId")
	}
	roles := func(path, key, user string) []any {
		t.Helper()
		for _, m := range list(t, ok(t, call(t, srv, alice, "GET", path, nil)), key) {
			if m["userId"] == user {
				return m["roles"].([]any)
			}
		}
		return nil
	}

	// Channel members and roles.
	ok(t, call(t, srv, alice, "POST", "/api/v3/channels", map[string]any{"channelId": "room", "type": "community",
		"userIds": []string{"bob", "carol", "dave"}}))
	ok(t, call(t, srv, alice, "DELETE", "/api/v3/channels/room/users", map[string]any{"channelId": "room", "userIds": []string{"bob"}}))
	ok(t, call(t, srv, alice, "DELETE", "/api/v3/channels/room/users?userIds[]=dave", nil))
	assert.ElementsMatch(t, []string{"alice", "carol"}, members("/api/v4/channels/room/users", "channelUsers"))
	ok(t, call(t, srv, alice, "POST", "/api/v3/channels/room/users/roles", map[string]any{"role": "helper", "userIds": []string{"carol"}}))
	assert.Equal(t, []any{"helper"}, roles("/api/v4/channels/room/users", "channelUsers", "carol"))
	ok(t, call(t, srv, alice, "DELETE", "/api/v3/channels/room/users/roles", map[string]any{"channelId": "room", "role": "helper",
		"userIds": []string{"carol"}}))
	assert.Empty(t, roles("/api/v4/channels/room/users", "channelUsers", "carol"))

	// Community members and roles (v4).
	cm := list(t, ok(t, call(t, srv, alice, "POST", "/api/v3/communities", map[string]any{"displayName": "Club", "isPublic": true,
		"userIds": []string{"bob", "carol"}})), "communities")[0]["communityId"].(string)
	ok(t, call(t, srv, alice, "DELETE", "/api/v3/communities/"+cm+"/users", map[string]any{"communityId": cm, "userIds": []string{"bob"}}))
	assert.ElementsMatch(t, []string{"alice", "carol"}, members("/api/v3/communities/"+cm+"/users", "communityUsers"))
	ok(t, call(t, srv, alice, "POST", "/api/v4/communities/"+cm+"/users/roles", map[string]any{"roles": []string{"helper"}, "userIds": []string{"carol"}}))
	assert.Equal(t, []any{"helper"}, roles("/api/v3/communities/"+cm+"/users", "communityUsers", "carol"))
	ok(t, call(t, srv, alice, "DELETE", "/api/v4/communities/"+cm+"/users/roles", map[string]any{"communityId": cm,
		"roles": []string{"helper"}, "userIds": []string{"carol"}}))
	assert.Empty(t, roles("/api/v3/communities/"+cm+"/users", "communityUsers", "carol"))

	// A push device (DELETE /v1/notification, body {deviceId}).
	ok(t, call(t, srv, alice, "POST", "/v1/notification", map[string]any{"deviceId": "d1", "platform": "android", "token": "t",
		"userId": "alice"}, "X-API-Key", srv.APIKey()))
	assert.Len(t, srv.PushDevices("alice"), 1)
	ok(t, call(t, srv, alice, "DELETE", "/v1/notification", map[string]any{"deviceId": "d1"}, "X-API-Key", srv.APIKey()))
	assert.Empty(t, srv.PushDevices("alice"))

	// The query wins over a body.
	ok(t, call(t, srv, admin, "DELETE", "/api/v3/channels/room/users?userIds=carol", map[string]any{"userIds": []string{"alice"}}))
	assert.Equal(t, []string{"alice"}, members("/api/v4/channels/room/users", "channelUsers"))
}
