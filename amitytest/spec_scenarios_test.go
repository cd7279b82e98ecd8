package amitytest

import "testing"

// specAreas are the groups of scenarios that the spec tests replay, each with
// the operations whose responses its scenarios must validate (okOnly: with a
// successful answer).
var specAreas = []struct {
	name      string
	scenarios map[string]func(*testing.T)
	ops       []string
	okOnly    bool
}{
	{name: "Core", scenarios: coreScenarios},
	{name: "Network", scenarios: networkScenarios, ops: networkOps},
	{name: "Social", scenarios: socialScenarios, ops: socialOps, okOnly: true},
	{name: "EventsAndJoins", scenarios: eventsAndJoinsScenarios, ops: eventsAndJoinsOps, okOnly: true},
	{name: "Live", scenarios: liveScenarios, ops: liveOps, okOnly: true}, // rooms_test.go
	{name: "AdminReports", scenarios: adminReportsScenarios, ops: adminReportsOps, okOnly: true},
	{name: "Misc4116", scenarios: miscScenarios, ops: miscOps, okOnly: true}, // spec_misc_test.go
}

// coreScenarios are the scenarios of the users, sessions, files, posts,
// comments, reactions, communities, categories, channels, messages, polls,
// moderation lists, seed, rate limit and fault areas.
var coreScenarios = map[string]func(*testing.T){
	"Sessions":     TestSessionRegistration,
	"SessionsV5":   TestSessionRegistrationV5,
	"SessionsV3":   TestSessionRegistrationV3,
	"Revoke":       TestRevokeSessions,
	"SecureMode":   TestSecureMode,
	"Users":        TestUsersQueryFilters,
	"UserUpdate":   TestUserUpdate,
	"UserFlags":    TestUserFlags,
	"GlobalBan":    TestGlobalBan,
	"UserBlocks":   TestUserBlocks,
	"DeleteUser":   TestDeleteUser,
	"Files":        TestFilesV4,
	"FilesV3":      TestFilesV3AndUploadLimit,
	"Posts":        TestPostCRUD,
	"PostImages":   TestImageAndPollPosts,
	"PostBans":     TestBannedUserCannotPost,
	"Feeds":        TestDeletedPostDisappearsFromFeeds,
	"Review":       TestPostReview,
	"PostFlags":    TestPostFlags,
	"PostPaging":   TestPostPagingAndCursors,
	"PrivatePosts": TestPrivateCommunityPostsHidden,
	"Moderation":   TestModerationOnPosts,
	"Comments":     TestCommentCRUD,
	"CommentPages": TestCommentPagingAndFlags,
	"Reactions":    TestReactions,
	"Communities":  TestCommunityCRUD,
	"Members":      TestCommunityMembership,
	"Trending":     TestRecommendedAndTrendingCommunities,
	"Categories":   TestCommunityCategories,
	"Channels":     TestChannelCRUD,
	"ChannelUsers": TestChannelMembership,
	"Conversation": TestConversationChannels,
	"Mute":         TestChannelMuteAndClose,
	"Messages":     TestMessageCRUD,
	"MsgPaging":    TestMessagePaging,
	"MsgFlags":     TestMessageFlags,
	"MsgFeeds":     TestMessageFeeds,
	"MsgModerate":  TestMessageModeration,
	"MessagesV3":   TestMessagesV3,
	"Polls":        TestPolls,
	"Lists":        TestModerationLists,
	"Seed":         TestSeed,
	"RateLimit":    TestRateLimit,
	"Faults":       TestFailNext,
	"FeedIDs":      TestDefaultFeedIsTheChannelInternalID,
	"IsDeleted":    TestIsDeletedDefaultsFollowTheSpec,
	"ArrayQuery":   TestArrayQueryParametersInEveryForm,
	"UserCreate":   TestUserUpdateCreateNewUserWhenNotFound,
	"ClientReacts": TestReactionsAsTheVendorClientsSendThem,
	"ClientValues": TestValuesTheVendorClientsSendBeyondTheSpec,
	"FlagReplies":  TestFlaggedRepliesAsTheVendorClientsFindThem,
	"ClientShapes": TestShapesOfTheLookupsTheVendorClientsRead,
	"DeleteBodies": TestDeleteParametersInAJSONBody,
}

// networkOps are the operations whose responses networkScenarios must validate at least
// once: the network settings, roles, notifications, presence and markers, the v1/v2 word
// lists, the v2 moderation settings and the v2 channel search. PUT /api/v3/network-settings,
// which spec 4.116.1 no longer has (the fake still serves it, as the SDK still sends it), has
// no schema to validate its answer against; TestNetworkSettingsPersist checks it.
var networkOps = []string{
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
	"PUT /api/v2/blacklist/records/{ruleId}",
	"GET /api/v2/whitelist/records", "POST /api/v2/whitelist/records", "PUT /api/v2/whitelist/records", "DELETE /api/v2/whitelist/records",
	"PUT /api/v2/whitelist/records/{ruleId}",
	"POST /v1/blacklist/records", "PUT /v1/blacklist/records", "DELETE /v1/blacklist/records",
	"GET /api/v2/moderation-settings", "PUT /api/v2/moderation-settings",
	"GET /api/v2/search/channels",
}

// networkScenarios are the scenarios of the network settings, roles,
// notifications, presence, markers, legacy word lists and v2 channel search.
var networkScenarios = map[string]func(*testing.T){
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

// socialOps are the operations of the stories, feeds, follows, analytics, video
// streaming, pins, global featured posts, semantic search and ads, each of which
// socialScenarios must answer successfully with a validated response.
var socialOps = []string{
	"GET /api/v1/ads/me",
	"POST /api/v1/analytics/activities",
	"GET /api/v1/analytics/views/posts/{postId}/users",
	"GET /api/v1/analytics/views/stories/{storyId}/users",
	"GET /api/v1/me/following-feeds",
	"GET /api/v3/community-feeds/{communityId}",
	"GET /api/v3/content-feeds",
	"GET /api/v3/global-feeds",
	"GET /api/v3/user-feeds/{userId}",
	"GET /api/v3/user-feeds/{userId}/count",
	"GET /api/v4/me/global-feeds",
	"GET /api/v5/me/global-feeds",
	"GET /api/v4/me/followInfo",
	"GET /api/v4/me/followers",
	"DELETE /api/v4/me/followers/{userId}",
	"POST /api/v4/me/followers/{userId}",
	"GET /api/v4/me/following",
	"DELETE /api/v4/me/following/{userId}",
	"POST /api/v4/me/following/{userId}",
	"GET /api/v4/users/{userId}/followInfo",
	"GET /api/v4/users/{userId}/followers",
	"GET /api/v4/users/{userId}/following",
	"GET /api/v5/users/{userId}/followInfo",
	"DELETE /api/v1/pinned-posts/global",
	"GET /api/v1/pinned-posts/global",
	"DELETE /api/v1/pinned-posts/global/{postId}",
	"POST /api/v1/pinned-posts/global/{postId}",
	"DELETE /api/v1/pinned-posts/communities/{communityId}",
	"GET /api/v1/pinned-posts/communities/{communityId}",
	"DELETE /api/v1/pinned-posts/communities/{communityId}/{placement}",
	"GET /api/v1/pinned-posts/communities/{communityId}/{placement}",
	"DELETE /api/v1/pinned-posts/communities/{communityId}/{placement}/{postId}",
	"POST /api/v1/pinned-posts/communities/{communityId}/{placement}/{postId}",
	"GET /api/v1/semantic-search/communities",
	"GET /api/v1/semantic-search/posts",
	"GET /api/v4/stories",
	"POST /api/v4/stories",
	"GET /api/v4/stories-by-targets",
	"GET /api/v4/stories/count",
	"GET /api/v4/stories/seen",
	"DELETE /api/v4/stories/{storyId}",
	"GET /api/v4/stories/{storyId}",
	"DELETE /api/v4/stories/{storyId}/flags",
	"POST /api/v4/stories/{storyId}/flags",
	"DELETE /api/v4/stories/{storyId}/flags/all",
	"GET /api/v5/me/global-story-targets",
	"POST /api/v3/user-event/video-streaming",
	"GET /api/v3/video-streaming",
	"POST /api/v3/video-streaming",
	"DELETE /api/v3/video-streaming/{streamId}",
	"GET /api/v3/video-streaming/{streamId}",
	"PUT /api/v3/video-streaming/{streamId}",
	"DELETE /api/v3/video-streaming/{streamId}/streaming-url",
}

// socialScenarios are the scenarios of the stories, follows, pins, analytics,
// video streams, semantic search, ads and feeds.
var socialScenarios = map[string]func(*testing.T){
	"Stories":   TestStoriesExpireAndModeration,
	"Follows":   TestFollowsFeedTheFollowingFeed,
	"Pins":      TestCommunityPinsAndGlobalFeatured,
	"Analytics": TestAnalyticsViewsAndReach,
	"Streams":   TestStreamStatusTransitions,
	"Search":    TestSemanticSearchRanksByRelevance,
	"Ads":       TestAdsShowLiveAdsWhenEnabled,
	"Feeds":     TestGlobalContentUserAndCommunityFeeds,
}

// eventsAndJoinsOps are the operations of the events, invitations and community join requests
// (spec 4.116.1), each of which eventsAndJoinsScenarios must answer successfully with a
// validated response.
var eventsAndJoinsOps = []string{
	"GET /api/v1/events", "POST /api/v1/events", "GET /api/v1/events/count", "GET /api/v1/events/me/rsvp",
	"DELETE /api/v1/events/{eventId}", "GET /api/v1/events/{eventId}", "PUT /api/v1/events/{eventId}",
	"GET /api/v1/events/{eventId}/me/rsvp", "GET /api/v1/events/{eventId}/rsvp", "POST /api/v1/events/{eventId}/rsvp",
	"PUT /api/v1/events/{eventId}/rsvp",
	"GET /api/v1/invitations", "POST /api/v1/invitations", "GET /api/v1/invitations/count", "GET /api/v1/invitations/me",
	"DELETE /api/v1/invitations/{invitationId}", "POST /api/v1/invitations/{invitationId}/accept",
	"POST /api/v1/invitations/{invitationId}/reject", "POST /api/v1/invitations/{invitationId}/resend",
	"DELETE /api/v4/communities/{communityId}/join", "GET /api/v4/communities/{communityId}/join",
	"POST /api/v4/communities/{communityId}/join", "POST /api/v4/communities/{communityId}/join/approve",
	"GET /api/v4/communities/{communityId}/join/count", "GET /api/v4/communities/{communityId}/join/me",
	"POST /api/v4/communities/{communityId}/join/reject", "GET /api/v4/communities/{communityId}/join/requests",
}

// eventsAndJoinsScenarios are the scenarios of the events, invitations and join requests.
var eventsAndJoinsScenarios = map[string]func(*testing.T){
	"Events":       TestEvents,
	"Invitations":  TestInvitations,
	"JoinRequests": TestCommunityJoinRequests,
}

// adminReportsOps are the operations of spec 4.116.1's network settings, admin token, reports,
// community metrics, archives and notification tray, each of which adminReportsScenarios must
// answer successfully with a validated response.
var adminReportsOps = []string{
	"GET /api/v3/network-settings/enhance-moderation", "PUT /api/v3/network-settings/enhance-moderation",
	"GET /api/v3/network-settings/product", "PUT /api/v3/network-settings/product",
	"GET /api/v3/network-settings/public-users", "PUT /api/v3/network-settings/public-users",
	"GET /api/v3/network-settings/push-notification", "PUT /api/v3/network-settings/push-notification",
	"GET /api/v3/network-settings/room",
	"GET /api/v3/network-settings/security-configs", "PUT /api/v3/network-settings/security-configs",
	"GET /api/v3/network-settings/shareable-deep-links", "PUT /api/v3/network-settings/shareable-deep-links",
	"GET /api/v3/network-settings/uikit", "PUT /api/v3/network-settings/uikit",
	"POST /api/v1/admin-token",
	"GET /api/v1/reports/moderation-activity", "GET /api/v1/reports/moderation-activity/download",
	"GET /api/v1/reports/user-last-activity", "GET /api/v1/reports/1p/download",
	"GET /api/v1/analytics/community-metrics/{communityId}/activities", "GET /api/v1/analytics/community-metrics/{communityId}/members",
	"GET /api/v1/analytics/community-metrics/{communityId}/most-active-day", "GET /api/v1/analytics/community-metrics/{communityId}/most-active-time",
	"GET /api/v1/archives/channels", "POST /api/v1/archives/channels/{channelId}", "DELETE /api/v1/archives/channels/{channelId}",
	"GET /api/v1/notification-tray", "POST /api/v1/notification-tray/items/seen",
	"GET /api/v1/notification-tray/tray/seen", "POST /api/v1/notification-tray/tray/seen",
}

// adminReportsScenarios are the scenarios of those operations.
var adminReportsScenarios = map[string]func(*testing.T){
	"NetworkSettings4116": TestNetworkSettings4116ReadBack,
	"AdminToken":          TestAdminTokenRotation,
	"ModerationActivity":  TestModerationActivityReports,
	"UserLastActivity":    TestUserLastActivityReport,
	"FirstPartyData":      TestFirstPartyDataExport,
	"CommunityMetrics":    TestCommunityMetrics,
	"Archives":            TestArchivedChannels,
	"TrayItems":           TestNotificationTrayItemsFromActions,
	"TraySeen":            TestNotificationTraySeen,
}
