package amitytest

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestStoriesExpireAndModeration(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	owner, viewer, outsider := srv.UserToken("owner"), srv.UserToken("viewer"), srv.UserToken("outsider")
	cid := createCommunity(t, srv, owner, map[string]any{"displayName": "Hikers", "isPublic": true})
	ok(t, call(t, srv, viewer, "POST", "/api/v3/communities/"+cid+"/join", nil))

	old := createStory(t, srv, owner, cid, "old")
	clock.Advance(time.Hour)
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
	clock.Advance(23*time.Hour + time.Minute)
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
	checkFlagClearing(t, srv, "/api/v4/stories/"+fresh+"/flags", "/api/v4/stories/"+fresh+"/flags/all", "stories", outsider, viewer, owner)
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
