package amity_test

import (
	"context"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFollowsChanges(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	one := `{"follows":[{"from":"me","to":"bob","status":"pending","createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-01T00:00:00.000Z"}]}`
	rec.route("POST", "/api/v4/me/following/bob", one, 503, 200)
	rec.route("DELETE", "/api/v4/me/following/bob", one, 502, 200)
	rec.route("POST", "/api/v4/me/followers/bob", one, 502, 200)
	rec.route("DELETE", "/api/v4/me/followers/bob", one, 502, 200)

	_, err := c.Follows.Follow(ctx, "bob")
	require.Error(t, err, "a follow is not retried after a 503")
	assert.Len(t, rec.all(), 1)
	f, err := c.Follows.Follow(ctx, "bob")
	require.NoError(t, err)
	assert.Equal(t, "POST", rec.last(t).Method)
	assert.Empty(t, rec.last(t).Body)
	assert.Equal(t, amity.FollowPending, f.Follow().Status)
	assert.Equal(t, "bob", f.Follow().To)

	for _, tc := range []struct {
		name, method, path string
		call               func() (*amity.FollowPayload, error)
	}{
		{"unfollow", "DELETE", "/api/v4/me/following/bob", func() (*amity.FollowPayload, error) { return c.Follows.Unfollow(ctx, "bob") }},
		{"accept", "POST", "/api/v4/me/followers/bob", func() (*amity.FollowPayload, error) { return c.Follows.Accept(ctx, "bob") }},
		{"remove", "DELETE", "/api/v4/me/followers/bob", func() (*amity.FollowPayload, error) { return c.Follows.RemoveFollower(ctx, "bob") }},
	} {
		n := len(rec.all())
		out, err := tc.call()
		require.NoError(t, err, tc.name)
		assert.Len(t, rec.all(), n+2, "%s is retried after a 502", tc.name)
		assert.Equal(t, tc.method, rec.last(t).Method, tc.name)
		assert.Equal(t, tc.path, rec.last(t).Path, tc.name)
		assert.NotNil(t, out.Follow())
	}
}

func TestFollowsListsAndInfo(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	for _, p := range []string{"/api/v4/me/followers", "/api/v4/me/following", "/api/v4/users/alice/followers", "/api/v4/users/alice/following"} {
		rec.route("GET", p, fixture(t, "follows_page.json"))
		mt.RegisterResponderWithQuery("GET", "https://api.test"+p, "token=follow-page-2", jsonResponder(200, `{"follows":[],"paging":{}}`))
	}
	rec.route("GET", "/api/v4/me/followInfo", fixture(t, "follows_info.json"))
	rec.route("GET", "/api/v5/users/alice/followInfo", fixture(t, "follows_info.json"))
	rec.route("GET", "/api/v4/users/alice/followInfo", `{"follows":[],"followCounts":[{"userId":"alice","followerCount":1}]}`)

	page, err := c.Follows.ListFollowersPage(ctx, "alice", &amity.ListFollowsParams{Status: amity.FollowFilterPending, PageParams: amity.PageParams{Limit: 2, PageToken: "t"}})
	require.NoError(t, err)
	q := rec.last(t).Values()
	assert.Equal(t, "pending", q.Get("status"))
	assert.Equal(t, "2", q.Get("limit"))
	assert.Equal(t, "t", q.Get("token"))
	require.Len(t, page.Follows, 2)
	f := &page.Follows[0]
	assert.Equal(t, amity.FollowAccepted, f.Status)
	assert.Equal(t, "int-bob", f.FromUserInternalID)
	assert.Equal(t, "Bob", page.Follower(f).DisplayName)
	assert.Equal(t, "Alice", page.Followee(f).DisplayName)
	assert.Equal(t, "https://files.test/bob.png", page.FileByID(page.UserByID("bob").AvatarFileID).FileURL)
	assert.Equal(t, "follow-page-2", page.Paging.Next, "paging.next")
	assert.Contains(t, string(page.Raw), "followFutureField")
	assert.Nil(t, page.Follower(nil))
	assert.Nil(t, page.Followee(nil))

	// An export of a user's followers: every follower, over the pages.
	mt.RegisterResponderWithQuery("GET", "https://api.test/api/v4/users/alice/followers", "status=accepted&token=follow-page-2", jsonResponder(200, `{"follows":[],"paging":{}}`))
	var followers []string
	for f, err := range c.Follows.ListFollowers(ctx, "alice", &amity.ListFollowsParams{Status: amity.FollowFilterAccepted}) {
		require.NoError(t, err)
		followers = append(followers, f.From)
	}
	assert.Equal(t, []string{"bob", "carol"}, followers)
	assert.Equal(t, 2, countItems(t, c.Follows.ListFollowersPages(ctx, "alice", nil)))
	assert.Equal(t, 2, countItems(t, c.Follows.ListFollowing(ctx, "alice", nil)))
	assert.Equal(t, 2, countItems(t, c.Follows.ListFollowingPages(ctx, "alice", nil)))
	assert.Equal(t, 2, countItems(t, c.Follows.ListMyFollowers(ctx, nil)))
	assert.Equal(t, 2, countItems(t, c.Follows.ListMyFollowersPages(ctx, nil)))
	assert.Equal(t, 2, countItems(t, c.Follows.ListMyFollowing(ctx, nil)))
	assert.Equal(t, 2, countItems(t, c.Follows.ListMyFollowingPages(ctx, nil)))
	_, err = c.Follows.ListMyFollowingPage(ctx, &amity.ListFollowsParams{Status: amity.FollowFilterAll})
	require.NoError(t, err)
	assert.Equal(t, "all", rec.last(t).Values().Get("status"))

	mine, err := c.Follows.GetMyInfo(ctx)
	require.NoError(t, err)
	assert.Equal(t, amity.FollowCount{UserID: "alice", FollowerCount: 12, FollowingCount: 3, PendingCount: 1}, *mine.Count())
	assert.Contains(t, string(mine.Raw), "countFutureField")
	info, err := c.Follows.GetInfo(ctx, "alice")
	require.NoError(t, err)
	assert.Equal(t, amity.FollowBlocked, info.Status())
	assert.Equal(t, 12, info.CountByID("alice").FollowerCount)
	assert.Nil(t, info.CountByID("nobody"))
	v4, err := c.Follows.V4.GetInfo(ctx, "alice")
	require.NoError(t, err)
	assert.Equal(t, amity.FollowNone, v4.Status(), "no follow: none")
	assert.Equal(t, "/api/v4/users/alice/followInfo", rec.last(t).Path)
}

func TestFollowsErrorsAndValidation(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	mt.RegisterResponder("POST", "https://api.test/api/v4/me/following/ghost", jsonResponder(404, notFoundBody))
	mt.RegisterResponder("GET", "https://api.test/api/v4/me/followInfo", jsonResponder(200, `{"followCounts":[]}`))
	_, err := c.Follows.Follow(ctx, "ghost")
	assertNotFound(t, err)
	_, err = c.Follows.GetMyInfo(ctx)
	assert.ErrorIs(t, err, amity.ErrMalformedResponse, "an answer without counts")

	before := mt.GetTotalCallCount()
	long := strings.Repeat("u", 901)
	for _, bad := range []string{"", " ", ".", "..", long} {
		_, err := c.Follows.Follow(ctx, bad)
		assertInvalid(t, err, "userID")
		_, err = c.Follows.Unfollow(ctx, bad)
		assertInvalid(t, err, "userID")
		_, err = c.Follows.Accept(ctx, bad)
		assertInvalid(t, err, "userID")
		_, err = c.Follows.RemoveFollower(ctx, bad)
		assertInvalid(t, err, "userID")
		_, err = c.Follows.GetInfo(ctx, bad)
		assertInvalid(t, err, "userID")
		_, err = c.Follows.V4.GetInfo(ctx, bad)
		assertInvalid(t, err, "userID")
		_, err = c.Follows.ListFollowersPage(ctx, bad, nil)
		assertInvalid(t, err, "userID")
		_, err = c.Follows.ListFollowingPage(ctx, bad, nil)
		assertInvalid(t, err, "userID")
	}
	_, err = c.Follows.ListMyFollowingPage(ctx, &amity.ListFollowsParams{PageParams: amity.PageParams{PageToken: strings.Repeat("t", 101)}})
	assertInvalid(t, err, "PageToken")
	_, err = drain(c.Follows.ListFollowers(ctx, "", nil))
	assertInvalid(t, err, "userID")
	assert.Equal(t, before, mt.GetTotalCallCount())
}

// TestFollowsUnknownEnumsAreSent: a status filter the SDK does not know is sent as given.
func TestFollowsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"status", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Follows.ListMyFollowersPage(ctx, &amity.ListFollowsParams{Status: "blocked"}))
		}, []string{"status=blocked"}},
	})
}
