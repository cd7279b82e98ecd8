package amity_test

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFeedsV3Feeds(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	rec.route("GET", "/api/v3/user-feeds/alice", fixture(t, "feeds_v3.json"))
	rec.route("GET", "/api/v3/community-feeds/c-news", fixture(t, "feeds_v3.json"))
	rec.route("GET", "/api/v3/content-feeds", fixture(t, "feeds_v3.json"))
	rec.route("GET", "/api/v3/user-feeds/alice/count", `{"postsCount":12}`)
	params := &amity.ListFeedParams{PageParams: amity.PageParams{Limit: 2, PageToken: "tok"}, SortBy: amity.FeedSortFirstCreated,
		HasFlag: amity.Ptr(true), IsDeleted: amity.Ptr(false), DataTypes: []amity.FeedDataType{amity.FeedDataImage, amity.FeedDataVideo}}

	page, err := c.Feeds.ListUserPage(ctx, "alice", params)
	require.NoError(t, err)
	q := rec.last(t).Values()
	assert.Equal(t, "firstCreated", q.Get("sortBy"))
	assert.Equal(t, "true", q.Get("hasFlag"))
	assert.Equal(t, "false", q.Get("isDeleted"))
	assert.Equal(t, []string{"image", "video"}, q["dataTypes[]"])
	assert.Equal(t, "2", q.Get("options[limit]"))
	assert.Equal(t, "tok", q.Get("options[token]"))
	assert.Equal(t, "success", page.Status)
	require.Len(t, page.Posts, 2)
	assert.Equal(t, "post-img", page.Posts[0].PostID)
	assert.Equal(t, "feed-page-2", page.Paging.Next, "data.paging is the page's cursor")
	assert.Contains(t, string(page.Raw), "feedFutureField")
	assert.NotEmpty(t, page.Users)

	_, err = c.Feeds.ListCommunityPage(ctx, "c-news", nil)
	require.NoError(t, err)
	assert.Empty(t, rec.last(t).Values(), "nil params send no query")

	_, err = c.Feeds.ListContentPage(ctx, &amity.ListFeedParams{SortBy: amity.FeedSortLastUpdated})
	require.NoError(t, err)
	assert.Equal(t, "lastUpdated", rec.last(t).Values().Get("sortBy"))

	count, err := c.Feeds.CountUserPosts(ctx, "alice", &amity.CountUserPostsParams{IsDeleted: amity.Ptr(true)})
	require.NoError(t, err)
	assert.Equal(t, 12, count.PostsCount)
	assert.Equal(t, "true", rec.last(t).Values().Get("isDeleted"))

	// Iterators: the second page has no next cursor.
	mt.RegisterResponderWithQuery("GET", "https://api.test/api/v3/user-feeds/alice", "options[token]=feed-page-2", jsonResponder(200, `{"status":"success","data":{"posts":[]}}`))
	mt.RegisterResponderWithQuery("GET", "https://api.test/api/v3/community-feeds/c-news", "options[token]=feed-page-2", jsonResponder(200, `{"status":"success","data":{"posts":[]}}`))
	mt.RegisterResponderWithQuery("GET", "https://api.test/api/v3/content-feeds", "options[token]=feed-page-2", jsonResponder(200, `{"status":"success","data":{"posts":[]}}`))
	posts, err := drain(c.Feeds.ListUser(ctx, "alice", nil))
	require.NoError(t, err)
	assert.Len(t, posts, 2)
	pgs, err := drain(c.Feeds.ListUserPages(ctx, "alice", nil))
	require.NoError(t, err)
	assert.Len(t, pgs, 2)
	posts, err = drain(c.Feeds.ListCommunity(ctx, "c-news", nil))
	require.NoError(t, err)
	assert.Len(t, posts, 2)
	cpgs, err := drain(c.Feeds.ListCommunityPages(ctx, "c-news", nil))
	require.NoError(t, err)
	assert.Len(t, cpgs, 2)
	posts, err = drain(c.Feeds.ListContent(ctx, nil))
	require.NoError(t, err)
	assert.Len(t, posts, 2)
	tpgs, err := drain(c.Feeds.ListContentPages(ctx, nil))
	require.NoError(t, err)
	assert.Len(t, tpgs, 2)
}

func TestFeedsGlobalAndFollowing(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	rec.route("GET", "/api/v5/me/global-feeds", fixture(t, "feeds_v3.json"))
	rec.route("GET", "/api/v4/me/global-feeds", fixture(t, "feeds_v3.json"))
	rec.route("GET", "/api/v3/global-feeds", fixture(t, "feeds_v3.json"))
	rec.route("GET", "/api/v1/me/following-feeds", fixture(t, "feeds_following.json"))
	empty := `{"status":"success","data":{"posts":[]}}`
	mt.RegisterResponderWithQuery("GET", "https://api.test/api/v5/me/global-feeds", "token=feed-page-2&options[token]=feed-page-2", jsonResponder(200, empty))
	mt.RegisterResponderWithQuery("GET", "https://api.test/api/v4/me/global-feeds", "token=feed-page-2&options[token]=feed-page-2", jsonResponder(200, empty))
	mt.RegisterResponderWithQuery("GET", "https://api.test/api/v3/global-feeds", "options[token]=feed-page-2", jsonResponder(200, empty))
	mt.RegisterResponderWithQuery("GET", "https://api.test/api/v1/me/following-feeds", "token=following-2", jsonResponder(200, `{"posts":[]}`))

	_, err := c.Feeds.ListGlobalPage(ctx, &amity.ListGlobalParams{PageParams: amity.PageParams{Limit: 3, PageToken: "t"}})
	require.NoError(t, err)
	// The spec's flat paging and the clients' options[...], both (docs/wire-notes.md).
	assert.Equal(t, "3", rec.last(t).Values().Get("limit"))
	assert.Equal(t, "t", rec.last(t).Values().Get("token"))
	assert.Equal(t, "3", rec.last(t).Values().Get("options[limit]"))
	assert.Equal(t, "t", rec.last(t).Values().Get("options[token]"))
	_, err = c.Feeds.V4.ListGlobalPage(ctx, &amity.V4ListGlobalParams{DataTypes: []amity.FeedDataType{amity.FeedDataLiveStream}, PageParams: amity.PageParams{Limit: 4}})
	require.NoError(t, err)
	assert.Equal(t, "liveStream", rec.last(t).Values().Get("dataTypes[]"))
	assert.Equal(t, "4", rec.last(t).Values().Get("limit"))
	assert.Equal(t, "4", rec.last(t).Values().Get("options[limit]"))
	_, err = c.Feeds.V3.ListGlobalPage(ctx, &amity.V3ListGlobalParams{ShowOnlyMyFeed: amity.Ptr(true), DataTypes: []amity.FeedDataType{amity.FeedDataFile}, PageParams: amity.PageParams{Limit: 5}})
	require.NoError(t, err)
	q := rec.last(t).Values()
	assert.Equal(t, "true", q.Get("showOnlyMyFeed"))
	assert.Equal(t, "file", q.Get("dataTypes[]"))
	assert.Equal(t, "5", q.Get("options[limit]"))
	following, err := c.Feeds.ListFollowingPage(ctx, &amity.ListFollowingParams{SortBy: amity.FollowingFeedLastCreated, PageParams: amity.PageParams{Limit: 6}})
	require.NoError(t, err)
	assert.Equal(t, "lastCreated", rec.last(t).Values().Get("sortBy"))
	assert.Equal(t, "6", rec.last(t).Values().Get("limit"))
	assert.Equal(t, "following-2", following.Paging.Next)
	assert.Len(t, following.Posts, 2)

	for name, n := range map[string]int{
		"v5": countItems(t, c.Feeds.ListGlobal(ctx, nil)), "v4": countItems(t, c.Feeds.V4.ListGlobal(ctx, nil)),
		"v3": countItems(t, c.Feeds.V3.ListGlobal(ctx, nil)), "following": countItems(t, c.Feeds.ListFollowing(ctx, nil)),
	} {
		assert.Equal(t, 2, n, name)
	}
	for name, n := range map[string]int{
		"v5": countItems(t, c.Feeds.ListGlobalPages(ctx, nil)), "v4": countItems(t, c.Feeds.V4.ListGlobalPages(ctx, nil)),
		"v3": countItems(t, c.Feeds.V3.ListGlobalPages(ctx, nil)), "following": countItems(t, c.Feeds.ListFollowingPages(ctx, nil)),
	} {
		assert.Equal(t, 2, n, name)
	}
}

func TestFeedsErrorsAndValidation(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", "https://api.test/api/v3/user-feeds/ghost", jsonResponder(404, notFoundBody))
	mt.RegisterResponder("GET", "https://api.test/api/v3/content-feeds", jsonResponder(200, `{"status":"error","code":400300,"message":"Feature disabled"}`))
	_, err := c.Feeds.ListUserPage(ctx, "ghost", nil)
	assertNotFound(t, err)
	_, err = c.Feeds.ListContentPage(ctx, nil)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae, "status error in a 200 is an API error")
	assert.Equal(t, 400300, ae.Code)

	before := mt.GetTotalCallCount()
	for _, bad := range []string{"", " ", ".", ".."} {
		_, err := c.Feeds.ListUserPage(ctx, bad, nil)
		assertInvalid(t, err, "userID")
		_, err = c.Feeds.CountUserPosts(ctx, bad, nil)
		assertInvalid(t, err, "userID")
		_, err = c.Feeds.ListCommunityPage(ctx, bad, nil)
		assertInvalid(t, err, "communityID")
	}
	_, err = c.Feeds.ListUserPage(ctx, "u", &amity.ListFeedParams{DataTypes: []amity.FeedDataType{"image", "video", "file", "liveStream", "image"}})
	assertInvalid(t, err, "DataTypes")
	_, err = c.Feeds.ListContentPage(ctx, &amity.ListFeedParams{DataTypes: []amity.FeedDataType{"image"}})
	assertInvalid(t, err, "DataTypes")
	_, err = c.Feeds.ListFollowingPage(ctx, &amity.ListFollowingParams{PageParams: amity.PageParams{PageToken: string(make([]byte, 101))}})
	assertInvalid(t, err, "PageToken")
	_, err = c.Feeds.ListGlobalPage(ctx, &amity.ListGlobalParams{PageParams: amity.PageParams{Limit: 101}})
	assertInvalid(t, err, "Limit")
	_, err = c.Feeds.V4.ListGlobalPage(ctx, &amity.V4ListGlobalParams{DataTypes: []amity.FeedDataType{""}})
	assertInvalid(t, err, "DataTypes")
	_, err = c.Feeds.V3.ListGlobalPage(ctx, &amity.V3ListGlobalParams{PageParams: amity.PageParams{Limit: -1}})
	assertInvalid(t, err, "Limit")
	assert.Equal(t, before, mt.GetTotalCallCount())
}

// TestFeedsUnknownEnumsAreSent: an order or data type the SDK does not know is sent as given.
func TestFeedsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"user feed sort and data types", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Feeds.ListUserPage(ctx, "u", &amity.ListFeedParams{SortBy: "random", DataTypes: []amity.FeedDataType{amity.FeedDataClip, "sticker"}}))
		}, []string{"sortBy=random", "dataTypes[]=clip&dataTypes[]=sticker"}},
		{"following feed sort", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Feeds.ListFollowingPage(ctx, &amity.ListFollowingParams{SortBy: "oldest"}))
		}, []string{"oldest"}},
	})
}
