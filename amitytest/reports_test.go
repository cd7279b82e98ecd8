package amitytest

import (
	"encoding/base64"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The moderation activity reports are the flags, deletions and bans the fake holds, one CSV
// file per UTC day, newest day first.
func TestModerationActivityReports(t *testing.T) {
	t.Parallel()
	clock := newFakeClock() // 2024-05-01 12:00 UTC
	srv := newServer(t, WithClock(clock.Now))
	admin, alice, bob := srv.AdminToken(), srv.UserToken("alice"), srv.UserToken("bob")

	m := ok(t, call(t, srv, admin, "GET", "/api/v1/reports/moderation-activity", nil))
	assert.Empty(t, list(t, m, "reports"), "no moderation yet")

	pid := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "spam?"}}))
	ok(t, call(t, srv, bob, "POST", "/api/v3/posts/"+pid+"/flag", nil))
	clock.Advance(24 * time.Hour) // May 2
	cid := commentID(t, ok(t, call(t, srv, bob, "POST", "/api/v3/comments", map[string]any{"referenceId": pid, "referenceType": "post",
		"data": map[string]any{"text": "rude"}})))
	ok(t, call(t, srv, bob, "DELETE", "/api/v3/comments/"+cid, nil))
	ok(t, call(t, srv, admin, "POST", "/api/v2/users/ban", map[string]any{"userId": "bob"}))

	m = ok(t, call(t, srv, admin, "GET", "/api/v1/reports/moderation-activity?limit=1", nil))
	reports := list(t, m, "reports")
	require.Len(t, reports, 1)
	assert.Equal(t, "moderation-activity-2024-05-02.csv", reports[0]["fileName"])
	assert.Equal(t, base64.StdEncoding.EncodeToString([]byte("moderation-activity-2024-05-02.csv")), reports[0]["fileId"])
	assert.Equal(t, "2024-05-02T12:00:00.000Z", reports[0]["lastModified"])
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, admin, "GET", "/api/v1/reports/moderation-activity?limit=1&token="+q(next), nil))
	assert.Equal(t, "moderation-activity-2024-05-01.csv", list(t, m, "reports")[0]["fileName"])
	assert.NotContains(t, m["paging"], "next", "the last page")

	r := call(t, srv, admin, "GET", "/api/v1/reports/moderation-activity/download?fileId="+q(reports[0]["fileId"].(string)), nil)
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, "text/csv; charset=utf-8", r.header.Get("Content-Type"))
	assert.Contains(t, r.header.Get("Content-Disposition"), "moderation-activity-2024-05-02.csv")
	assert.Equal(t, float64(len(r.body)), reports[0]["fileSize"])
	assert.Equal(t, "occurredAt,activity,targetType,targetId,userId,scope\n"+
		"2024-05-02T12:00:00.000Z,delete,comment,"+cid+",bob,\n"+
		"2024-05-02T12:00:00.000Z,global_ban,user,bob,bob,network\n", string(r.body))
	r = call(t, srv, admin, "GET", "/api/v1/reports/moderation-activity/download?fileName=moderation-activity-2024-05-01.csv", nil)
	assert.Equal(t, "occurredAt,activity,targetType,targetId,userId,scope\n2024-05-01T12:00:00.000Z,flag,post,"+pid+",bob,\n", string(r.body))

	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "GET", "/api/v1/reports/moderation-activity/download", nil).status)
	assert.Equal(t, http.StatusNotFound, call(t, srv, admin, "GET", "/api/v1/reports/moderation-activity/download?fileName=nope.csv", nil).status)
	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "GET", "/api/v1/reports/moderation-activity", nil).status)
	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "GET", "/api/v1/reports/moderation-activity?token=garbage", nil).status)
}

// The users' last activity report lists each user's last authenticated call, behind a URL
// that needs no credentials and expires.
func TestUserLastActivityReport(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	admin, alice := srv.AdminToken(), srv.UserToken("alice")
	srv.UserToken("carol") // never calls
	clock.Advance(time.Hour)
	ok(t, call(t, srv, alice, "GET", "/api/v3/users/alice", nil))

	m := ok(t, call(t, srv, admin, "GET", "/api/v1/reports/user-last-activity", nil))
	assert.Equal(t, networkID, m["networkId"])
	url := m["downloadUrl"].(string)
	require.True(t, strings.HasPrefix(url, srv.URL()+"/"), url)
	res, err := http.Get(url)
	require.NoError(t, err)
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "userId,displayName,lastActivityAt\nalice,alice,2024-05-01T13:00:00.000Z\ncarol,carol,\n", string(body))

	clock.Advance(time.Hour + time.Second)
	res, err = http.Get(url)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusNotFound, res.StatusCode, "the URL expires")
	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "GET", "/api/v1/reports/user-last-activity", nil).status)
}

func TestFirstPartyDataExport(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	admin, alice, bob := srv.AdminToken(), srv.UserToken("alice"), srv.UserToken("bob")
	cm := createCommunity(t, srv, alice, map[string]any{"displayName": "Gardeners", "isPublic": true})
	ok(t, call(t, srv, bob, "POST", "/api/v3/communities/"+cm+"/join", nil))
	old := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "old"}}))
	clock.Advance(91 * 24 * time.Hour)
	alice, bob = srv.UserToken("alice"), srv.UserToken("bob") // the old sessions expired
	pid := postID(t, createPost(t, srv, bob, map[string]any{"data": map[string]any{"text": "new"}, "targetType": "community", "targetId": cm}))
	ok(t, call(t, srv, alice, "POST", "/api/v2/reactions", map[string]any{"referenceId": pid, "referenceType": "post", "reactionName": "like"}))

	export := func(dataType string) []string {
		r := call(t, srv, admin, "GET", "/api/v1/reports/1p/download?dataType="+dataType, nil)
		require.Equal(t, http.StatusOK, r.status, "%s: %s", dataType, r.body)
		assert.Equal(t, "text/csv; charset=utf-8", r.header.Get("Content-Type"))
		return strings.Split(strings.TrimSpace(string(r.body)), "\n")
	}
	users := export("users")
	assert.Equal(t, "userId,userInternalId,displayName,roles,isGlobalBan,isDeleted,createdAt,updatedAt", users[0])
	assert.Len(t, users, 3, "alice, bob")
	posts := export("posts_last_90d")
	require.Len(t, posts, 2, "the old post is out of the last 90 days")
	assert.True(t, strings.HasPrefix(posts[1], pid+",bob,community,"+cm+","), posts[1])
	assert.NotContains(t, strings.Join(posts, "\n"), old)
	assert.Equal(t, []string{"referenceType,referenceId,reactionName,userId,createdAt", "post," + pid + ",like,alice,2024-07-31T12:00:00.000Z"}, export("reactions_last_90d"))
	members := export("community_members")
	assert.Len(t, members, 3)
	assert.Contains(t, members[2], cm+",bob,member,")
	assert.True(t, strings.HasPrefix(export("communities")[1], cm+",Gardeners,true,false,2,false,"))
	assert.Len(t, export("comments_last_90d"), 1, "header only")
	assert.Equal(t, "roleId,displayName,permissions,createdAt", export("roles")[0])

	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "GET", "/api/v1/reports/1p/download?dataType=stories", nil).status)
	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "GET", "/api/v1/reports/1p/download", nil).status)
	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "GET", "/api/v1/reports/1p/download?dataType=users", nil).status)
}

// Community metrics count the community's posts, the comments on them and the reactions on
// both, per day or in total, and the members who joined and left.
func TestCommunityMetrics(t *testing.T) {
	t.Parallel()
	clock := newFakeClock() // Wednesday 2024-05-01 12:00 UTC
	srv := newServer(t, WithClock(clock.Now))
	admin, alice, bob, carol := srv.AdminToken(), srv.UserToken("alice"), srv.UserToken("bob"), srv.UserToken("carol")
	cm := createCommunity(t, srv, alice, map[string]any{"displayName": "Gardeners", "isPublic": true})
	ok(t, call(t, srv, bob, "POST", "/api/v3/communities/"+cm+"/join", nil))
	pid := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "hi"}, "targetType": "community", "targetId": cm}))
	createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "elsewhere"}}) // not the community's
	clock.Advance(25 * time.Hour)                                                          // Thursday 13:00
	cid := commentID(t, ok(t, call(t, srv, bob, "POST", "/api/v3/comments", map[string]any{"referenceId": pid, "referenceType": "post",
		"data": map[string]any{"text": "hello"}})))
	ok(t, call(t, srv, alice, "POST", "/api/v2/reactions", map[string]any{"referenceId": cid, "referenceType": "comment", "reactionName": "like"}))
	ok(t, call(t, srv, bob, "POST", "/api/v2/reactions", map[string]any{"referenceId": pid, "referenceType": "post", "reactionName": "love"}))
	ok(t, call(t, srv, carol, "POST", "/api/v3/communities/"+cm+"/join", nil))
	ok(t, call(t, srv, bob, "DELETE", "/api/v3/communities/"+cm+"/leave", nil))
	clock.Advance(24 * time.Hour) // Friday: the default range ends yesterday, Thursday

	const base = "/api/v1/analytics/community-metrics/"
	m := ok(t, call(t, srv, admin, "GET", base+cm+"/activities", nil))
	assert.Equal(t, "daily", m["granularity"])
	assert.Equal(t, "2024-04-25", m["from"], "7 days before yesterday")
	assert.Equal(t, "2024-05-02", m["to"], "yesterday")
	data := list(t, m, "data")
	require.Len(t, data, 8, "zero-filled")
	assert.Equal(t, map[string]any{"date": "2024-05-01", "total_posts": 1.0, "total_comments": 0.0, "total_reactions": 0.0}, data[6])
	assert.Equal(t, map[string]any{"date": "2024-05-02", "total_posts": 0.0, "total_comments": 1.0, "total_reactions": 2.0}, data[7])
	m = ok(t, call(t, srv, admin, "GET", base+cm+"/activities?granularity=aggregate&from=2024-05-02&to=2024-05-03", nil))
	assert.Equal(t, map[string]any{"total_posts": 0.0, "total_comments": 1.0, "total_reactions": 2.0}, m["value"])
	assert.NotContains(t, m, "data")

	m = ok(t, call(t, srv, admin, "GET", base+cm+"/members?from=2024-05-01&to=2024-05-02", nil))
	assert.Equal(t, []map[string]any{
		{"date": "2024-05-01", "total_members": 2.0, "new_members": 2.0, "lost_members": 0.0},
		{"date": "2024-05-02", "total_members": 2.0, "new_members": 1.0, "lost_members": 1.0},
	}, list(t, m, "data"))
	m = ok(t, call(t, srv, admin, "GET", base+cm+"/members?from=2024-05-01&to=2024-05-02&granularity=aggregate", nil))
	assert.Equal(t, map[string]any{"total_members": 2.0, "new_members": 3.0, "lost_members": 1.0}, m["value"])

	m = ok(t, call(t, srv, admin, "GET", base+cm+"/most-active-day?from=2024-04-29&to=2024-05-05", nil))
	days := list(t, m, "most_active_days")
	require.Len(t, days, 7)
	assert.Equal(t, "Monday", days[0]["weekday"])
	assert.Equal(t, map[string]any{"weekday": "Thursday", "sum_engagements": 3.0, "days_count": 1.0, "avg_engagements": 3.0}, days[3])
	assert.Equal(t, 1.0, days[2]["sum_engagements"], "Wednesday: the post")
	m = ok(t, call(t, srv, admin, "GET", base+cm+"/most-active-time?from=2024-04-29&to=2024-05-05", nil))
	hours := list(t, m, "most_active_times")
	require.Len(t, hours, 24)
	assert.Equal(t, map[string]any{"hour": 13.0, "hour_display": "13:00", "sum_engagements": 3.0, "avg_engagements": 3.0}, hours[13])
	assert.Equal(t, 1.0, hours[12]["sum_engagements"])

	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "GET", base+cm+"/activities?from=May", nil).status)
	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "GET", base+cm+"/members?granularity=weekly", nil).status)
	assert.Equal(t, http.StatusUnprocessableEntity, call(t, srv, admin, "GET", base+cm+"/most-active-day?from=2024-05-02&to=2024-05-01", nil).status)
	assert.Equal(t, http.StatusNotFound, call(t, srv, admin, "GET", base+"nope/most-active-time", nil).status)
	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "GET", base+cm+"/activities", nil).status)
}
