package amitytest

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// createStory creates a text story in a community and returns its id.
func createStory(t testing.TB, srv *Server, token, communityID, text string) string {
	t.Helper()
	m := ok(t, call(t, srv, token, "POST", "/api/v4/stories", map[string]any{
		"targetType": "community", "targetId": communityID, "dataType": "text", "data": map[string]any{"text": text}, "referenceId": "ref-" + text,
	}))
	s := list(t, m, "stories")[0]
	assert.Equal(t, "ref-"+text, s["referenceId"])
	return s["storyId"].(string)
}

func TestStoriesExpireAndModeration(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.now))
	owner := srv.UserToken("owner")
	viewer := srv.UserToken("viewer")
	outsider := srv.UserToken("outsider")
	cid := createCommunity(t, srv, owner, map[string]any{"displayName": "Hikers", "isPublic": true})
	ok(t, call(t, srv, viewer, "POST", "/api/v3/communities/"+cid+"/join", nil))

	old := createStory(t, srv, owner, cid, "old")
	clock.advance(time.Hour)
	fresh := createStory(t, srv, owner, cid, "fresh")
	assert.Equal(t, http.StatusForbidden, call(t, srv, outsider, "POST", "/api/v4/stories", map[string]any{
		"targetType": "community", "targetId": cid, "dataType": "text", "data": map[string]any{"text": "x"}, "referenceId": "r"}).status, "non-members cannot post stories")
	assert.Equal(t, http.StatusBadRequest, call(t, srv, owner, "POST", "/api/v4/stories", map[string]any{
		"targetType": "community", "targetId": cid, "dataType": "image", "data": map[string]any{"fileId": "nope"}, "referenceId": "r"}).status, "an image story needs an uploaded image")

	m := ok(t, call(t, srv, viewer, "GET", "/api/v4/stories?targetType=community&targetId="+cid, nil))
	assert.Equal(t, []string{fresh, old}, ids(list(t, m, "stories"), "storyId"), "newest first")
	target := list(t, m, "storyTargets")[0]
	assert.Equal(t, cid, target["targetPublicId"])
	m = ok(t, call(t, srv, viewer, "GET", "/api/v4/stories?targetType=community&targetId="+cid+"&options[orderBy]=asc&options[sortBy]=createdAt&options[limit]=1", nil))
	assert.Equal(t, []string{old}, ids(list(t, m, "stories"), "storyId"))
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, viewer, "GET", "/api/v4/stories?targetType=community&targetId="+cid+"&options[token]="+q(next), nil))
	assert.Equal(t, []string{fresh}, ids(list(t, m, "stories"), "storyId"))

	// The unseen state follows the viewer's views.
	m = ok(t, call(t, srv, viewer, "GET", "/api/v5/me/global-story-targets", nil))
	assert.Equal(t, []string{cid}, ids(list(t, m, "storyTargets"), "targetPublicId"), "unseen by default")
	assert.Equal(t, http.StatusAccepted, call(t, srv, viewer, "POST", "/api/v1/analytics/activities", map[string]any{"activities": []map[string]any{
		{"contentId": fresh, "contentType": "story", "activityType": "view"}}}).status)
	m = ok(t, call(t, srv, viewer, "GET", "/api/v5/me/global-story-targets", nil))
	assert.Empty(t, list(t, m, "storyTargets"), "seen up to the latest story")
	m = ok(t, call(t, srv, viewer, "GET", "/api/v5/me/global-story-targets?seenState=seen&limit=5", nil))
	assert.Len(t, list(t, m, "storyTargets"), 1)
	m = ok(t, call(t, srv, viewer, "GET", "/api/v4/stories/seen?targets[0][targetId]="+cid+"&targets[0][targetType]=community", nil))
	tg := list(t, m, "storyTargets")[0]
	assert.Equal(t, tg["lastStoryExpiresAt"], tg["lastStorySeenExpiresAt"])
	m = ok(t, call(t, srv, owner, "GET", "/api/v1/analytics/views/stories/"+fresh+"/users", nil))
	assert.Equal(t, []string{"viewer"}, ids(list(t, m, "users"), "userId"))
	m = ok(t, call(t, srv, owner, "GET", "/api/v4/stories/"+fresh, nil))
	assert.EqualValues(t, 1, list(t, m, "stories")[0]["reach"])

	// A story past its expiry is not listed; it is still counted and readable by id.
	clock.advance(23*time.Hour + time.Minute)
	m = ok(t, call(t, srv, viewer, "GET", "/api/v4/stories?targetType=community&targetId="+cid, nil))
	assert.Equal(t, []string{fresh}, ids(list(t, m, "stories"), "storyId"), "the first story expired")
	m = ok(t, call(t, srv, viewer, "GET", "/api/v4/stories?targetType=community&targetId="+cid+"&isExpired=true", nil))
	assert.Equal(t, []string{old}, ids(list(t, m, "stories"), "storyId"))
	m = ok(t, call(t, srv, viewer, "GET", "/api/v4/stories-by-targets?targets[0][targetId]="+cid+"&targets[0][targetType]=community&targets[1][targetId]=owner&targets[1][targetType]=user", nil))
	assert.Equal(t, []string{fresh}, ids(list(t, m, "stories"), "storyId"))
	assert.Len(t, list(t, m, "storyTargets"), 2)
	m = ok(t, call(t, srv, srv.AdminToken(), "GET", "/api/v4/stories/count?targetType=community&targetId="+cid, nil))
	assert.EqualValues(t, 2, m["count"])
	assert.Equal(t, http.StatusForbidden, call(t, srv, viewer, "GET", "/api/v4/stories/count?targetType=community&targetId="+cid, nil).status, "admin only")
	ok(t, call(t, srv, viewer, "GET", "/api/v4/stories/"+old, nil))

	// Flags, clearing them (moderators), deletion.
	m = ok(t, call(t, srv, viewer, "POST", "/api/v4/stories/"+fresh+"/flags", nil))
	assert.EqualValues(t, 1, list(t, m, "stories")[0]["flagCount"])
	assert.Equal(t, codeDuplicate, call(t, srv, viewer, "POST", "/api/v4/stories/"+fresh+"/flags", nil).code(t))
	m = ok(t, call(t, srv, viewer, "DELETE", "/api/v4/stories/"+fresh+"/flags", nil))
	assert.EqualValues(t, 0, list(t, m, "stories")[0]["flagCount"])
	ok(t, call(t, srv, outsider, "POST", "/api/v4/stories/"+fresh+"/flags", nil))
	assert.Equal(t, http.StatusForbidden, call(t, srv, viewer, "DELETE", "/api/v4/stories/"+fresh+"/flags/all", nil).status)
	m = ok(t, call(t, srv, owner, "DELETE", "/api/v4/stories/"+fresh+"/flags/all", nil))
	assert.EqualValues(t, 0, list(t, m, "stories")[0]["flagCount"])
	assert.Equal(t, http.StatusForbidden, call(t, srv, viewer, "DELETE", "/api/v4/stories/"+fresh, nil).status)
	m = ok(t, call(t, srv, srv.AdminToken(), "DELETE", "/api/v4/stories/"+fresh, nil))
	assert.Equal(t, true, m["success"])
	m = ok(t, call(t, srv, owner, "GET", "/api/v4/stories/"+fresh, nil))
	assert.Equal(t, true, list(t, m, "stories")[0]["isDeleted"])
	m = ok(t, call(t, srv, viewer, "GET", "/api/v4/stories?targetType=community&targetId="+cid, nil))
	assert.Empty(t, list(t, m, "stories"), "a deleted story is not listed")
	ok(t, call(t, srv, owner, "DELETE", "/api/v4/stories/"+old+"?permanent=true", nil))
	assert.Equal(t, http.StatusNotFound, call(t, srv, owner, "GET", "/api/v4/stories/"+old, nil).status)
	assert.Equal(t, http.StatusBadRequest, call(t, srv, owner, "GET", "/api/v4/stories-by-targets", nil).status)
}

func TestFollowsFeedTheFollowingFeed(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	bob := srv.UserToken("bob")
	carol := srv.UserToken("carol")

	bobPost := postID(t, createPost(t, srv, bob, map[string]any{"data": map[string]any{"text": "Bob's trip"}}))
	ownPost := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "Alice's note"}}))
	carolPost := postID(t, createPost(t, srv, carol, map[string]any{"data": map[string]any{"text": "Carol's cat"}}))

	m := ok(t, call(t, srv, alice, "GET", "/api/v1/me/following-feeds?sortBy=lastCreated", nil))
	assert.Equal(t, []string{ownPost}, ids(list(t, m, "posts"), "postId"), "only the own feed before following anyone")

	m = ok(t, call(t, srv, alice, "POST", "/api/v4/me/following/bob", nil))
	assert.Equal(t, "accepted", list(t, m, "follows")[0]["status"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/me/following-feeds?sortBy=lastCreated", nil))
	assert.Equal(t, []string{ownPost, bobPost}, ids(list(t, m, "posts"), "postId"), "following bob brings in his posts")
	assert.NotContains(t, ids(list(t, m, "posts"), "postId"), carolPost)
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/me/global-feeds?limit=1", nil))
	data := m["data"].(map[string]any)
	assert.Len(t, list(t, data, "posts"), 1)
	next := data["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/me/global-feeds?token="+q(next), nil))
	assert.Len(t, list(t, m["data"].(map[string]any), "posts"), 1)
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/me/global-feeds", nil))
	assert.ElementsMatch(t, []string{ownPost, bobPost}, ids(list(t, m["data"].(map[string]any), "posts"), "postId"))

	// Follow approval: a request waits for the followed user.
	srv.SetFollowApproval(true)
	m = ok(t, call(t, srv, alice, "POST", "/api/v4/me/following/carol", nil))
	assert.Equal(t, "pending", list(t, m, "follows")[0]["status"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/me/following-feeds", nil))
	assert.NotContains(t, ids(list(t, m, "posts"), "postId"), carolPost, "a pending follow brings nothing")
	m = ok(t, call(t, srv, carol, "GET", "/api/v4/me/followInfo", nil))
	assert.EqualValues(t, 1, list(t, m, "followCounts")[0]["pendingCount"])
	m = ok(t, call(t, srv, carol, "GET", "/api/v4/me/followers?status=pending", nil))
	assert.Equal(t, []string{"alice"}, ids(list(t, m, "follows"), "from"))
	m = ok(t, call(t, srv, carol, "POST", "/api/v4/me/followers/alice", nil))
	assert.Equal(t, "accepted", list(t, m, "follows")[0]["status"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/me/following-feeds", nil))
	assert.Contains(t, ids(list(t, m, "posts"), "postId"), carolPost)
	assert.Equal(t, http.StatusNotFound, call(t, srv, carol, "POST", "/api/v4/me/followers/bob", nil).status, "no request from bob")

	// Counts, lists and info.
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/me/following?limit=1", nil))
	assert.Len(t, list(t, m, "follows"), 1)
	assert.NotEmpty(t, m["paging"].(map[string]any)["next"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v4/users/alice/following", nil))
	assert.ElementsMatch(t, []string{"bob", "carol"}, ids(list(t, m, "follows"), "to"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/users/bob/followers", nil))
	assert.Equal(t, []string{"alice"}, ids(list(t, m, "follows"), "from"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/users/bob/followInfo", nil))
	assert.Equal(t, "accepted", list(t, m, "follows")[0]["status"])
	assert.EqualValues(t, 1, list(t, m, "followCounts")[0]["followerCount"])
	ok(t, call(t, srv, bob, "POST", "/api/v4/me/user-blocks/alice", nil))
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/users/bob/followInfo", nil))
	assert.Equal(t, "blocked", list(t, m, "follows")[0]["status"], "v5 reports blocks")
	assert.Equal(t, http.StatusForbidden, call(t, srv, bob, "POST", "/api/v4/me/following/alice", nil).status)
	assert.Equal(t, http.StatusBadRequest, call(t, srv, alice, "POST", "/api/v4/me/following/alice", nil).status)

	// Unfollow and remove a follower.
	m = ok(t, call(t, srv, alice, "DELETE", "/api/v4/me/following/bob", nil))
	assert.Equal(t, "none", list(t, m, "follows")[0]["status"])
	ok(t, call(t, srv, carol, "DELETE", "/api/v4/me/followers/alice", nil))
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/me/followInfo", nil))
	assert.EqualValues(t, 0, list(t, m, "followCounts")[0]["followingCount"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/me/following-feeds", nil))
	assert.Equal(t, []string{ownPost}, ids(list(t, m, "posts"), "postId"))
}

func TestCommunityPinsAndGlobalFeatured(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	owner := srv.UserToken("owner")
	member := srv.UserToken("member")
	admin := srv.AdminToken()
	cid := createCommunity(t, srv, owner, map[string]any{"displayName": "News", "isPublic": true})
	ok(t, call(t, srv, member, "POST", "/api/v3/communities/"+cid+"/join", nil))
	var posts []string
	for _, text := range []string{"first", "second", "third"} {
		posts = append(posts, postID(t, createPost(t, srv, owner, map[string]any{"data": map[string]any{"text": text}, "targetType": "community", "targetId": cid})))
	}
	elsewhere := postID(t, createPost(t, srv, owner, map[string]any{"data": map[string]any{"text": "elsewhere"}}))

	base := "/api/v1/pinned-posts/communities/" + cid
	assert.Equal(t, http.StatusForbidden, call(t, srv, member, "POST", base+"/default/"+posts[0], nil).status, "members cannot pin")
	assert.Equal(t, http.StatusBadRequest, call(t, srv, owner, "POST", base+"/default/"+elsewhere, nil).status, "a post of another feed")
	ok(t, call(t, srv, owner, "POST", base+"/default/"+posts[0], nil))
	ok(t, call(t, srv, owner, "POST", base+"/default/"+posts[1], nil))
	m := ok(t, call(t, srv, owner, "POST", base+"/announcement/"+posts[2], nil))
	assert.Equal(t, "announcement", list(t, m, "pins")[0]["placement"])

	m = ok(t, call(t, srv, member, "GET", base, nil))
	assert.Equal(t, []string{posts[2], posts[1], posts[0]}, ids(list(t, m, "pins"), "referenceId"), "latest pinned first")
	assert.Len(t, list(t, m, "posts"), 3)
	m = ok(t, call(t, srv, member, "GET", base+"/default?options[orderBy]=asc", nil))
	assert.Equal(t, []string{posts[0], posts[1]}, ids(list(t, m, "pins"), "referenceId"))
	ok(t, call(t, srv, owner, "POST", base+"/default/"+posts[0], nil))
	m = ok(t, call(t, srv, member, "GET", base+"/default", nil))
	assert.Equal(t, []string{posts[0], posts[1]}, ids(list(t, m, "pins"), "referenceId"), "pinning again moves a post to the top")

	m = ok(t, call(t, srv, owner, "DELETE", base+"/default/"+posts[0], nil))
	assert.Equal(t, []string{posts[1]}, ids(list(t, m, "pins"), "referenceId"))
	ok(t, call(t, srv, owner, "DELETE", "/api/v3/posts/"+posts[1], nil))
	m = ok(t, call(t, srv, member, "GET", base, nil))
	assert.Equal(t, []string{posts[2]}, ids(list(t, m, "pins"), "referenceId"), "a deleted post drops out")
	m = ok(t, call(t, srv, owner, "DELETE", base+"/announcement", nil))
	assert.Equal(t, true, m["success"])
	ok(t, call(t, srv, owner, "POST", base+"/default/"+posts[2], nil))
	ok(t, call(t, srv, owner, "DELETE", base, nil))
	m = ok(t, call(t, srv, member, "GET", base, nil))
	assert.Empty(t, list(t, m, "pins"))

	// Global featured posts: admin only, listed in pin order, first in the global feed.
	assert.Equal(t, http.StatusForbidden, call(t, srv, owner, "POST", "/api/v1/pinned-posts/global/"+posts[0], nil).status)
	ok(t, call(t, srv, admin, "POST", "/api/v1/pinned-posts/global/"+elsewhere, nil))
	m = ok(t, call(t, srv, admin, "POST", "/api/v1/pinned-posts/global/"+posts[2], nil))
	assert.Equal(t, "network", list(t, m, "pinTargets")[0]["targetType"])
	m = ok(t, call(t, srv, member, "GET", "/api/v1/pinned-posts/global", nil))
	assert.Equal(t, []string{posts[2], elsewhere}, ids(list(t, m, "pins"), "referenceId"))
	m = ok(t, call(t, srv, member, "GET", "/api/v5/me/global-feeds", nil))
	feed := ids(list(t, m["data"].(map[string]any), "posts"), "postId")
	require.GreaterOrEqual(t, len(feed), 2)
	assert.Equal(t, []string{posts[2], elsewhere}, feed[:2], "featured posts lead the global feed")
	m = ok(t, call(t, srv, admin, "DELETE", "/api/v1/pinned-posts/global/"+posts[2], nil))
	assert.Equal(t, []string{elsewhere}, ids(list(t, m, "pins"), "referenceId"))
	m = ok(t, call(t, srv, admin, "DELETE", "/api/v1/pinned-posts/global", nil))
	assert.Empty(t, list(t, m, "pins"))
}

func TestAnalyticsViewsAndReach(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	bob := srv.UserToken("bob")
	carol := srv.UserToken("carol")
	pid := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "Read me"}}))
	view := map[string]any{"activities": []map[string]any{{"contentId": pid, "contentType": "post", "activityType": "view"}}}
	for _, tok := range []string{bob, carol, bob} {
		assert.Equal(t, http.StatusAccepted, call(t, srv, tok, "POST", "/api/v1/analytics/activities", view).status)
	}
	impression, reach := srv.Views("post", pid)
	assert.Equal(t, 3, impression)
	assert.Equal(t, 2, reach)
	p := list(t, ok(t, call(t, srv, alice, "GET", "/api/v3/posts/"+pid, nil)), "posts")[0]
	assert.EqualValues(t, 3, p["impression"], "the post carries its impression and reach")
	assert.EqualValues(t, 2, p["reach"])
	m := ok(t, call(t, srv, alice, "GET", "/api/v1/analytics/views/posts/"+pid+"/users?limit=1", nil))
	assert.Equal(t, []string{"bob"}, ids(list(t, m, "users"), "userId"), "latest viewer first")
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/analytics/views/posts/"+pid+"/users?token="+q(next), nil))
	assert.Equal(t, []string{"carol"}, ids(list(t, m, "users"), "userId"))

	ok(t, call(t, srv, srv.AdminToken(), "POST", "/api/v2/users/ban", map[string]any{"userId": "carol"}))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/analytics/views/posts/"+pid+"/users", nil))
	assert.Equal(t, []string{"bob"}, ids(list(t, m, "users"), "userId"), "global-banned viewers are left out")
	ok(t, call(t, srv, alice, "DELETE", "/api/v3/posts/"+pid, nil))
	assert.Equal(t, http.StatusNotFound, call(t, srv, bob, "GET", "/api/v1/analytics/views/posts/"+pid+"/users", nil).status, "only the owner reads a deleted post's viewers")
	ok(t, call(t, srv, alice, "GET", "/api/v1/analytics/views/posts/"+pid+"/users", nil))
	assert.Equal(t, http.StatusBadRequest, call(t, srv, bob, "POST", "/api/v1/analytics/activities", map[string]any{"activities": []map[string]any{{"contentId": "p1", "contentType": "post", "activityType": "view"}}}).status)
}

func TestStreamStatusTransitions(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	bob := srv.UserToken("bob")
	m := ok(t, call(t, srv, alice, "POST", "/api/v3/video-streaming", map[string]any{"title": "Launch", "resolution": "HD", "isSecure": true}))
	s := list(t, m, "videoStreamings")[0]
	id := s["streamId"].(string)
	assert.Equal(t, "idle", s["status"])
	assert.Contains(t, s["streamerUrl"].(map[string]any)["url"], "token=", "a secure stream has a signed URL")
	assert.Equal(t, http.StatusBadRequest, call(t, srv, alice, "POST", "/api/v3/video-streaming", map[string]any{"description": "no title"}).status)

	require.NoError(t, srv.StartStream(id))
	require.Error(t, srv.StartStream(id), "only an idle stream goes live")
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/video-streaming?isLive=true", nil))
	assert.Equal(t, []string{id}, ids(list(t, m["results"].(map[string]any), "videoStreamings"), "streamId"))
	assert.Equal(t, http.StatusForbidden, call(t, srv, bob, "PUT", "/api/v3/video-streaming/"+id, map[string]any{"title": "Mine"}).status)
	m = ok(t, call(t, srv, alice, "PUT", "/api/v3/video-streaming/"+id, map[string]any{"title": "Launch day", "description": "v2"}))
	assert.Equal(t, "Launch day", list(t, m, "videoStreamings")[0]["title"])

	assert.Equal(t, http.StatusUnauthorized, call(t, srv, alice, "DELETE", "/api/v3/video-streaming/"+id+"/streaming-url", nil).status, "the API key is required")
	m = ok(t, call(t, srv, alice, "DELETE", "/api/v3/video-streaming/"+id+"/streaming-url", nil, "X-API-Key", srv.APIKey()))
	s = list(t, m, "videoStreamings")[0]
	assert.Equal(t, "ended", s["status"])
	assert.Nil(t, s["streamerUrl"], "the streamer URL is disposed")
	require.NoError(t, srv.RecordStream(id))
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/video-streaming/"+id, nil))
	s = list(t, m, "videoStreamings")[0]
	assert.Equal(t, "recorded", s["status"])
	assert.Len(t, s["recordings"], 1)

	m = ok(t, call(t, srv, bob, "POST", "/api/v3/user-event/video-streaming", map[string]any{"signature": "s", "nonceStr": "n1", "timestamp": "2026-01-01T00:00:00Z",
		"streams": []map[string]any{{"streamId": id, "startTime": "2026-01-01T00:00:00Z", "endTime": "2026-01-01T00:01:00Z", "watchSeconds": 60}}}))
	assert.Equal(t, true, m["ok"])
	assert.Equal(t, 60.0, srv.WatchSeconds(id))
	assert.Equal(t, http.StatusBadRequest, call(t, srv, bob, "POST", "/api/v3/user-event/video-streaming", map[string]any{"signature": "s", "nonceStr": "n1", "timestamp": "t",
		"streams": []map[string]any{{"streamId": id, "startTime": "a", "endTime": "b", "watchSeconds": 1}}}).status, "a nonce is used once")

	other := list(t, ok(t, call(t, srv, bob, "POST", "/api/v3/video-streaming", map[string]any{"title": "Bob live"})), "videoStreamings")[0]["streamId"].(string)
	// A liveStream post carries its stream in the post bundle.
	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"dataType": "liveStream", "data": map[string]any{"streamId": other}}).status, "another user's stream")
	m = createPost(t, srv, bob, map[string]any{"dataType": "liveStream", "data": map[string]any{"text": "Watch me", "streamId": other}})
	assert.Equal(t, "liveStream", list(t, m, "posts")[0]["dataType"])
	assert.Equal(t, []string{other}, ids(list(t, m, "videoStreamings"), "streamId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/video-streaming?statuses=idle&sortBy=firstCreated&options[limit]=5", nil))
	assert.Equal(t, []string{other}, ids(list(t, m["results"].(map[string]any), "videoStreamings"), "streamId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/video-streaming?userPublicIds=alice", nil))
	assert.Equal(t, []string{id}, ids(list(t, m["results"].(map[string]any), "videoStreamings"), "streamId"))
	m = ok(t, call(t, srv, bob, "DELETE", "/api/v3/video-streaming/"+other, nil))
	assert.Equal(t, true, m["data"].(map[string]any)["success"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/video-streaming?isDeleted=false", nil))
	assert.Equal(t, []string{id}, ids(list(t, m["results"].(map[string]any), "videoStreamings"), "streamId"))
}

func TestSemanticSearchB(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	hikers := createCommunity(t, srv, alice, map[string]any{"displayName": "Mountain Hikers", "description": "Trails and summits", "isPublic": true, "tags": []string{"outdoor"}})
	createCommunity(t, srv, alice, map[string]any{"displayName": "Home Bakers", "description": "Bread and cakes", "isPublic": true})
	best := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "Best summit hiking trails this spring"}, "targetType": "community", "targetId": hikers}))
	some := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "Hiking boots on sale"}}))
	postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "Sourdough starter tips"}}))

	m := ok(t, call(t, srv, alice, "GET", "/api/v1/semantic-search/posts?query="+q("summit hiking trails"), nil))
	assert.Equal(t, []string{best, some}, ids(list(t, m, "searchResults"), "postId"), "best match first")
	assert.Equal(t, []string{best, some}, ids(list(t, m, "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/semantic-search/posts?query=hiking&targetType=community&targetId="+hikers+"&options[limit]=5", nil))
	assert.Equal(t, []string{best}, ids(list(t, m, "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/semantic-search/communities?query="+q("hiking summits"), nil))
	assert.Equal(t, []string{hikers}, ids(list(t, m, "searchResults"), "communityId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/semantic-search/communities?query=hikers&filter=notMember", nil))
	assert.Empty(t, list(t, m, "communities"), "alice is a member")
	assert.Equal(t, http.StatusBadRequest, call(t, srv, alice, "GET", "/api/v1/semantic-search/posts", nil).status)
}

func TestAdsB(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	m := ok(t, call(t, srv, alice, "GET", "/api/v1/ads/me", nil))
	assert.Empty(t, list(t, m, "ads"))
	assert.Equal(t, false, m["settings"].(map[string]any)["enabled"])
	srv.AddAd(Ad{Advertiser: "Trail Co", Name: "Boots", Placements: []string{"feed", "story"}, Headline: "New boots"})
	srv.AddAd(Ad{Advertiser: "Trail Co", Name: "Old", EndAt: time.Now().Add(-time.Hour)})
	srv.EnableAds(true, 0)
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/ads/me", nil))
	assert.Equal(t, []string{"Boots"}, ids(list(t, m, "ads"), "name"), "ended ads are left out")
	adv := list(t, m, "advertisers")[0]
	assert.Equal(t, "Trail Co", adv["name"])
	assert.EqualValues(t, 2, adv["adsCount"])
	assert.Equal(t, true, m["settings"].(map[string]any)["enabled"])
}

func TestFeedsB(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	bob := srv.UserToken("bob")
	pa := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "a"}}))
	pb := postID(t, createPost(t, srv, bob, map[string]any{"data": map[string]any{"text": "b"}}))
	pc := postID(t, createPost(t, srv, bob, map[string]any{"data": map[string]any{"text": "c"}, "targetType": "content", "targetId": "article-1"}))
	m := ok(t, call(t, srv, alice, "GET", "/api/v3/global-feeds", nil))
	assert.Equal(t, []string{pb, pa}, ids(list(t, m["data"].(map[string]any), "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/global-feeds?showOnlyMyFeed=true&options[limit]=5", nil))
	assert.Equal(t, []string{pa}, ids(list(t, m["data"].(map[string]any), "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/content-feeds?sortBy=lastCreated", nil))
	assert.Equal(t, []string{pc}, ids(list(t, m["data"].(map[string]any), "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/user-feeds/bob", nil))
	assert.Equal(t, []string{pb}, ids(list(t, m["data"].(map[string]any), "posts"), "postId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/user-feeds/bob/count", nil))
	assert.EqualValues(t, 1, m["postsCount"])
	cid := createCommunity(t, srv, alice, map[string]any{"displayName": "C", "isPublic": true})
	pcm := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "in c"}, "targetType": "community", "targetId": cid}))
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/community-feeds/"+cid, nil))
	assert.Equal(t, []string{pcm}, ids(list(t, m["data"].(map[string]any), "posts"), "postId"))
}
