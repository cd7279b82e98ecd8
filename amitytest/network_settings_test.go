package amitytest

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNetworkSettingsPersist(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin := srv.AdminToken()

	m := ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings", map[string]any{"tierHandler": "gold", "videoStreamingEnabled": false, "isWhitelistEnabled": false}))
	assert.Equal(t, "gold", m["tierHandler"])
	assert.Equal(t, false, m["videoStreaming"].(map[string]any)["enabled"])
	assert.Equal(t, true, m["chat"].(map[string]any)["enabled"])
	assert.Equal(t, false, m["moderation"].(map[string]any)["isWhitelistEnabled"])
	assert.Equal(t, false, ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/moderation", nil))["isWhitelistEnabled"])
	assert.Equal(t, false, ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/video-streaming", nil))["enabled"])

	m = ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/chat", map[string]any{
		"isAllowMentionedChannelEnabled": false, "messagePreviewSetting": map[string]any{"enabled": true, "isIncludeDeleted": true},
		"isAllowAdminViewConversationMessage": false, "allowMemberToUpdateConversationChannel": true}))
	assert.Equal(t, true, m["messagePreview"].(map[string]any)["enabled"])
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/chat", nil))
	assert.Equal(t, false, m["mention"].(map[string]any)["isAllowMentionedChannelEnabled"])
	assert.Equal(t, true, m["messagePreview"].(map[string]any)["isIncludeDeleted"])
	assert.Equal(t, false, m["isAllowAdminViewConversationMessage"])
	assert.Equal(t, true, m["isAllowAdminManageConversationMessage"])
	assert.Equal(t, true, m["allowMemberToUpdateConversationChannel"])
	r := call(t, srv, admin, "PUT", "/api/v3/network-settings/chat", map[string]any{"messagePreviewSetting": map[string]any{}})
	assert.Equal(t, http.StatusBadRequest, r.status)

	ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/feed-setting", map[string]any{
		"story": map[string]any{"video": map[string]any{"allowed": false, "maxDurationSeconds": 30, "transcodeConfig": map[string]any{"maxResolution": "720p"}}}}))
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/feed-setting", nil))
	feeds := list(t, m, "feedSettings")
	require.Len(t, feeds, 3)
	story := feeds[2]["contentSettings"].([]any)[0].(map[string]any)
	assert.Equal(t, "story", feeds[2]["feedType"])
	assert.Equal(t, false, story["allowed"])
	assert.Equal(t, 30.0, story["maxDurationSeconds"])
	assert.Equal(t, "720p", story["transcodeConfig"].(map[string]any)["maxResolution"])
	r = call(t, srv, admin, "PUT", "/api/v3/network-settings/feed-setting", map[string]any{"message": map[string]any{"video": map[string]any{"maxDurationSeconds": 601}}})
	assert.Equal(t, 400000, r.code(t))

	ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/semantic-search", map[string]any{"postMinScore": 0.25}))
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/semantic-search", nil))
	assert.Equal(t, 0.25, m["semanticSearch"].(map[string]any)["post"].(map[string]any)["minScore"])
	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "PUT", "/api/v3/network-settings/semantic-search", map[string]any{"communityMinScore": 2}).status)

	ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/social", map[string]any{
		"userPrivacySetting": "private", "isFollowWithRequestEnabled": true, "showOnlyMyFeed": true, "storyExpiryTimeMinutes": 120,
		"allowAllUserToCreateStory": true, "allowJoinPrivateCommunity": true, "maxGlobalPinnedPost": 5, "disallowNonMemberInteractInCommunity": true}))
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/social", nil))
	assert.Equal(t, "private", m["userPrivacySetting"])
	assert.Equal(t, true, m["isFollowWithRequestEnabled"])
	assert.Equal(t, true, m["allowJoinPrivateCommunity"])
	assert.Equal(t, 120.0, m["story"].(map[string]any)["expiryTimeMinutes"])
	assert.Equal(t, 5.0, m["globalFeed"].(map[string]any)["maxGlobalPinnedPost"])
	assert.Equal(t, true, m["globalFeed"].(map[string]any)["showOnlyMyFeed"])
	assert.Equal(t, 400000, call(t, srv, admin, "PUT", "/api/v3/network-settings/social", map[string]any{"storyExpiryTimeMinutes": 30}).code(t))

	ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/video-streaming", map[string]any{"enabled": true,
		"moderation": map[string]any{"enabled": true, "categories": []map[string]any{{"category": "violence", "flagThreshold": 0.4, "terminateThreshold": 0.9}}}}))
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/video-streaming", nil))
	assert.Equal(t, true, m["enabled"])
	assert.Equal(t, "violence", m["moderation"].(map[string]any)["categories"].([]any)[0].(map[string]any)["category"])
	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "PUT", "/api/v3/network-settings/video-streaming",
		map[string]any{"moderation": map[string]any{"categories": []map[string]any{{"category": "gore"}}}}).status)

	// Settings are the admin's: a user is refused.
	assert.Equal(t, http.StatusForbidden, call(t, srv, srv.UserToken("alice"), "GET", "/api/v3/network-settings/social", nil).status)
}

func TestNetworkSettingsRefuseDisabledFeatures(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin, alice := srv.AdminToken(), srv.UserToken("alice")

	// Chat off: channels cannot be created.
	ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings", map[string]any{"chatEnabled": false}))
	assert.Equal(t, false, ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/chat", nil))["enabled"])
	r := call(t, srv, alice, "POST", "/api/v3/channels", map[string]any{"displayName": "Chat"})
	r.isError(t, http.StatusForbidden, 400300)
	assert.Equal(t, 400300, call(t, srv, alice, "POST", "/api/v3/channels/conversation", map[string]any{"userIds": []string{"bob"}}).code(t))
	ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings", map[string]any{"chatEnabled": true}))
	createChannel(t, srv, alice, map[string]any{"displayName": "Chat"})

	// Social off: communities cannot be created.
	ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings", map[string]any{"socialEnabled": false}))
	assert.Equal(t, false, ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/social", nil))["enabled"])
	assert.Equal(t, 400300, call(t, srv, alice, "POST", "/api/v3/communities", map[string]any{"displayName": "Club"}).code(t))
	ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings", map[string]any{"socialEnabled": true}))
	ok(t, call(t, srv, alice, "POST", "/api/v3/communities", map[string]any{"displayName": "Club"}))

	// Private communities: joined only by invitation, unless allowJoinPrivateCommunity.
	m0 := ok(t, call(t, srv, admin, "POST", "/api/v3/communities", map[string]any{"displayName": "Secret", "isPublic": false}))
	secret := list(t, m0, "communities")[0]["communityId"].(string)
	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "POST", "/api/v3/communities/"+secret+"/join", nil).status)
	ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/social", map[string]any{"allowJoinPrivateCommunity": true}))
	ok(t, call(t, srv, alice, "POST", "/api/v3/communities/"+secret+"/join", nil))

	// Display names locked: a user cannot rename itself, the admin still can.
	m := ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/users", map[string]any{"isAllowUpdateDisplayName": false}))
	assert.Equal(t, false, m["isAllowUpdateDisplayName"])
	assert.Equal(t, false, ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/users", nil))["isAllowUpdateDisplayName"])
	assert.Equal(t, 400300, call(t, srv, alice, "PUT", "/api/v3/users", map[string]any{"displayName": "Al"}).code(t))
	ok(t, call(t, srv, alice, "PUT", "/api/v3/users", map[string]any{"description": "hi"}))
	ok(t, call(t, srv, admin, "PUT", "/api/v3/users", map[string]any{"userId": "alice", "displayName": "Al"}))
	ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/users", map[string]any{"isAllowUpdateDisplayName": true}))
	ok(t, call(t, srv, alice, "PUT", "/api/v3/users", map[string]any{"displayName": "Alice"}))
}

func TestWebhookAndPrehookSettings(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin := srv.AdminToken()

	assert.Equal(t, false, ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/webhook", nil))["enabled"])
	assert.Equal(t, true, ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/webhook", map[string]any{"webhookEnabled": true}))["enabled"])
	assert.Equal(t, true, ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/webhook", nil))["enabled"])
	srv.mu.Lock()
	assert.True(t, srv.st.webhookSettings().enabled)
	srv.mu.Unlock()

	m := ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/prehook", nil))
	assert.Equal(t, false, m["enabled"])
	assert.Equal(t, "allow", m["defaultAction"])
	// Enabling needs a callback URL.
	assert.Equal(t, 400000, call(t, srv, admin, "PUT", "/api/v3/network-settings/prehook", map[string]any{"enabled": true}).code(t))
	// The first enable returns the secret key, once.
	m = ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/prehook", map[string]any{"enabled": true, "callbackUrl": "https://hooks.example.com/pre", "defaultAction": "deny"}))
	key, _ := m["secretKey"].(string)
	assert.NotEmpty(t, key)
	assert.Equal(t, "deny", m["defaultAction"])
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/prehook", nil))
	assert.NotContains(t, m, "secretKey")
	assert.Equal(t, "https://hooks.example.com/pre", m["callbackUrl"])
	m = ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/prehook", map[string]any{"enabled": false}))
	assert.NotContains(t, m, "secretKey")
	m = ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/prehook", map[string]any{"enabled": true}))
	assert.NotContains(t, m, "secretKey", "the key is sent only on the first enable")
	m = ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/prehook", map[string]any{"regenerateKey": true}))
	assert.NotEqual(t, key, m["secretKey"])
	srv.mu.Lock()
	ph := srv.st.prehookSettings()
	srv.mu.Unlock()
	assert.True(t, ph.enabled)
	assert.Equal(t, m["secretKey"], ph.secretKey)
	assert.Equal(t, "deny", ph.defaultAction)
	assert.Equal(t, 400000, call(t, srv, admin, "PUT", "/api/v3/network-settings/prehook", map[string]any{"defaultAction": "maybe"}).code(t))
}

// The webhook switch and the pre-hook settings drive the delivery of webhooks.go.
func TestHookSettingsDriveDelivery(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin, alice := srv.AdminToken(), srv.UserToken("alice")
	ctx := context.Background()

	hooks, got := receiver(t, nil)
	srv.SetWebhook(hooks.URL, []byte("k"))
	assert.Equal(t, true, ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/webhook", nil))["enabled"], "a set webhook turns the switch on")
	one := defaultFeed(t, srv, alice, createChannel(t, srv, alice, map[string]any{"channelId": "one"}))
	require.NoError(t, srv.FlushWebhooks(ctx))
	require.Len(t, got(), 1)
	ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/webhook", map[string]any{"webhookEnabled": false}))
	createChannel(t, srv, alice, map[string]any{"channelId": "two"})
	require.NoError(t, srv.FlushWebhooks(ctx))
	assert.Len(t, got(), 1, "no delivery while webhooks are disabled")
	ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/webhook", map[string]any{"webhookEnabled": true}))
	createChannel(t, srv, alice, map[string]any{"channelId": "three"})
	require.NoError(t, srv.FlushWebhooks(ctx))
	assert.Len(t, got(), 2)

	// The pre-hook configured through the API is called, signed with the key it returned.
	pre, calls := receiver(t, func([]byte) (int, string) { return http.StatusOK, `{"action":"deny","message":"held"}` })
	m := ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/prehook", map[string]any{"enabled": true, "callbackUrl": pre.URL}))
	key := m["secretKey"].(string)
	send := func(ref string) resp {
		return call(t, srv, alice, "POST", "/api/v5/messages", map[string]any{"messageFeedId": one, "referenceId": ref, "dataType": "text", "data": map[string]any{"text": "x"}})
	}
	r := send("r1")
	assert.Equal(t, "held", r.obj(t)["message"])
	require.Len(t, calls(), 1)
	assert.Equal(t, sig(calls()[0].body, []byte(key)), calls()[0].header.Get("X-Amity-Signature"))
	ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/prehook", map[string]any{"enabled": false}))
	ok(t, send("r2"))
	assert.Len(t, calls(), 1, "a disabled pre-hook is not called")

	// A pre-hook set with SetPreHook shows in the settings.
	srv.SetPreHook(pre.URL, []byte("s"), 0, "deny")
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/prehook", nil))
	assert.Equal(t, true, m["enabled"])
	assert.Equal(t, pre.URL, m["callbackUrl"])
	assert.Equal(t, "deny", m["defaultAction"])
}
