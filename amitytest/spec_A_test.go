package amitytest

import (
	"testing"

	"github.com/amity-go/amity/internal/spectest"
)

// specOpsA are the operations whose responses TestSpecConformanceA must validate at least
// once: the network settings, roles, notifications, presence and markers, and the v1/v2 word
// lists and v2 moderation settings.
var specOpsA = []string{
	"PUT /api/v3/network-settings",
	"GET /api/v3/network-settings/chat", "PUT /api/v3/network-settings/chat",
	"GET /api/v3/network-settings/feed-setting", "PUT /api/v3/network-settings/feed-setting",
	"GET /api/v3/network-settings/prehook", "PUT /api/v3/network-settings/prehook",
	"GET /api/v3/network-settings/semantic-search", "PUT /api/v3/network-settings/semantic-search",
	"GET /api/v3/network-settings/social", "PUT /api/v3/network-settings/social",
	"GET /api/v3/network-settings/users", "PUT /api/v3/network-settings/users",
	"GET /api/v3/network-settings/video-streaming", "PUT /api/v3/network-settings/video-streaming",
	"GET /api/v3/network-settings/webhook", "PUT /api/v3/network-settings/webhook",
	"GET /api/v2/roles", "PUT /api/v2/roles",
	"GET /api/v3/roles", "POST /api/v3/roles", "GET /api/v3/roles/{roleId}", "PUT /api/v3/roles/{roleId}", "DELETE /api/v3/roles/{roleId}",
	"GET /api/v3/notification/setting", "POST /api/v3/notification/setting", "POST /v1/notification", "DELETE /v1/notification",
	"POST /api/v1/presence/heartbeat", "GET /api/v1/presence/network/users", "GET /api/v1/presence/network/users/count",
	"GET /api/v1/presence/settings", "PUT /api/v1/presence/settings/user", "GET /api/v1/presence/users/list",
	"GET /api/v1/markers/channels", "PUT /api/v1/markers/channels/{channelId}/mark-read", "GET /api/v1/markers/message-feeds",
	"POST /api/v1/markers/message-feeds/reading", "PUT /api/v1/markers/message-feeds/{messageFeedId}/mark-delivering",
	"PUT /api/v1/markers/message-feeds/{messageFeedId}/mark-read", "POST /api/v1/markers/message-feeds/{messageFeedId}/start-reading",
	"POST /api/v1/markers/message-feeds/{messageFeedId}/stop-readings", "GET /api/v1/markers/messages",
	"GET /api/v1/markers/messages/{messageId}/delivered-users", "GET /api/v1/markers/messages/{messageId}/read-users",
	"POST /api/v1/markers/sync", "GET /api/v1/markers/user-message-feed", "GET /api/v1/markers/userMarker",
	"GET /api/v2/blacklist/records", "POST /api/v2/blacklist/records", "PUT /api/v2/blacklist/records", "DELETE /api/v2/blacklist/records",
	"PUT /api/v2/blacklist/records/:ruleId",
	"GET /api/v2/whitelist/records", "POST /api/v2/whitelist/records", "PUT /api/v2/whitelist/records", "DELETE /api/v2/whitelist/records",
	"PUT /api/v2/whitelist/records/:ruleId",
	"POST /v1/blacklist/records", "PUT /v1/blacklist/records", "DELETE /v1/blacklist/records",
	"GET /api/v2/moderation-settings", "PUT /api/v2/moderation-settings",
	"GET /api/v2/search/channels",
}

// TestSpecConformanceA replays the scenarios of the network settings, roles, notifications,
// presence, markers, legacy word lists and v2 channel search with every response validated against the spec,
// as TestSpecConformance does for the other areas, and checks that each of specOpsA was
// validated.
func TestSpecConformanceA(t *testing.T) {
	spec := spectest.Load(t)
	rec := validateResponses(t, spec)
	t.Cleanup(func() {
		if missing := rec.missing(specOpsA, false); len(missing) > 0 {
			t.Errorf("operations never validated: %v", missing)
		}
		t.Logf("validated responses of %d operations", rec.operations())
	})
	runScenarios(t, specScenariosA)
}

// specScenariosA are the scenarios of the network settings, roles,
// notifications, presence, markers, legacy word lists and v2 channel search.
var specScenariosA = map[string]func(*testing.T){
	"NetworkSettings":  TestNetworkSettingsPersist,
	"DisabledFeatures": TestNetworkSettingsRefuseDisabledFeatures,
	"Hooks":            TestWebhookAndPrehookSettings,
	"HookDelivery":     TestHookSettingsDriveDelivery,
	"Roles":            TestRolesCRUD,
	"RolePermissions":  TestRolesGrantPermissions,
	"Notifications":    TestNotificationSettings,
	"PushDevices":      TestPushDevices,
	"Presence":         TestPresenceHeartbeats,
	"Markers":          TestMarkersCountReads,
	"LegacyLists":      TestLegacyWordLists,
	"ModerationV2":     TestModerationSettingsV2,
	"ChannelSearch":    TestChannelSearchV2,
}
