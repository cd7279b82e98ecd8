package amitytest

import (
	"testing"

	"github.com/amity-go/amity/internal/spectest"
)

// opsB are the operations of helper B's areas (stories, feeds, follows, analytics, video
// streaming, pins, global featured posts, semantic search, ads); TestSpecConformanceB
// validates a response of every one of them.
var opsB = []string{
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

// TestSpecConformanceB replays the scenarios of the stories, feeds, follows, analytics, streams, pins, search and ads with every response validated against
// the official OpenAPI spec, and checks that each B operation answered at least once
// (skipped when the spec file is absent).
func TestSpecConformanceB(t *testing.T) {
	spec := spectest.Load(t)
	rec := validateResponses(t, spec)
	t.Run("scenarios", func(t *testing.T) { runScenarios(t, specScenariosB) })
	missing := rec.missing(opsB, true)
	if len(missing) > 0 {
		t.Errorf("no successful, validated response for %d B operations: %v", len(missing), missing)
	}
	t.Logf("validated successful responses of %d B operations", len(opsB)-len(missing))
}

// specScenariosB are the scenarios of the stories, follows, pins, analytics,
// video streams, semantic search, ads and feeds.
var specScenariosB = map[string]func(*testing.T){
	"Stories":   TestStoriesExpireAndModeration,
	"Follows":   TestFollowsFeedTheFollowingFeed,
	"Pins":      TestCommunityPinsAndGlobalFeatured,
	"Analytics": TestAnalyticsViewsAndReach,
	"Streams":   TestStreamStatusTransitions,
	"Search":    TestSemanticSearchRanksByRelevance,
	"Ads":       TestAdsShowLiveAdsWhenEnabled,
	"Feeds":     TestGlobalContentUserAndCommunityFeeds,
}
