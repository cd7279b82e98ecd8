package amitytest

import "testing"

// miscOps are the operations spec 4.116.1 added to the posts, files, users, feeds, chat and
// sessions areas, each of which miscScenarios must answer successfully with a validated
// response.
var miscOps = []string{
	"GET /api/v1/search/posts",
	"PATCH /api/v4/posts/{postId}/kv",
	"GET /api/v1/posts/schedule", "POST /api/v1/posts/schedule",
	"PUT /api/v1/posts/schedule/{id}", "DELETE /api/v1/posts/schedule/{id}",
	"PUT /api/v3/files/{fileId}", "POST /api/v4/clips",
	"POST /api/v4/files/from-url", "POST /api/v4/images/from-url", "POST /api/v4/videos/from-url",
	"GET /api/v1/users/bulk-delete/jobs", "POST /api/v1/users/bulk-delete/jobs", "GET /api/v4/me/blockers",
	"GET /api/v1/content-histories",
	"GET /api/v4/user-feeds/{userId}",
	"GET /api/v2/search/messages",
	"POST /api/v3/channels/seen",
	"POST /api/v5/sessions/bot", "POST /api/v5/sessions/visitor",
}

// miscScenarios are the scenarios of those operations.
var miscScenarios = map[string]func(*testing.T){
	"ScheduledPosts":   TestScheduledPostsPublishAtTheirTime,
	"ScheduledChanges": TestScheduledPostsFailAndChange,
	"BulkDelete":       TestBulkDeleteJobsProgress,
	"Blockers":         TestBlockersAndBlockEvents,
	"ContentHistory":   TestContentHistoryRecordsEdits,
	"PostSearch":       TestPostsSearchByHashtags,
	"PostKV":           TestPostsKVPatch,
	"UserFeedV4":       TestUserFeedV4,
	"FilesFromURL":     TestFilesFromURLClipsAndAltText,
	"MessageSearch":    TestMessageSearch,
	"ChannelsSeen":     TestChannelsBulkSeen,
	"GuestSessions":    TestGuestSessions,
	"SecureVisitors":   TestVisitorSessionsInSecureMode,
}
