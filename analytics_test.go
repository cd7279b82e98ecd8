package amity_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const viewedPostID = "65a0c0ffee65a0c0ffee0002"

func TestAnalyticsRecord(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v1/analytics/activities", "", 503, 202)
	params := &amity.RecordActivitiesParams{Activities: []amity.AnalyticsActivity{
		{ContentID: viewedPostID, ContentType: amity.AnalyticsPost, ActivityType: amity.AnalyticsView, Timestamp: time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("x", 3600))},
		{ContentID: storyID, ContentType: amity.AnalyticsStory, ActivityType: amity.AnalyticsLinkClicked},
	}}
	require.Error(t, c.Analytics.Record(ctx, params), "views are not retried after a 503")
	assert.Len(t, rec.all(), 1)
	require.NoError(t, c.Analytics.Record(ctx, params), "a 202 without a body is the answer")
	assert.JSONEq(t, `{"activities":[{"contentId":"`+viewedPostID+`","contentType":"post","activityType":"view","timestamp":"2026-01-02T02:04:05Z"},
		{"contentId":"`+storyID+`","contentType":"story","activityType":"linkClicked"}]}`, rec.last(t).Body, "timestamps go in UTC; a zero one is left out")

	before := mt.GetTotalCallCount()
	for _, tc := range map[string]struct {
		p     *amity.RecordActivitiesParams
		field string
	}{
		"nil":            {nil, "params"},
		"empty":          {&amity.RecordActivitiesParams{}, "Activities"},
		"too many":       {&amity.RecordActivitiesParams{Activities: make([]amity.AnalyticsActivity, 1001)}, "Activities"},
		"bad id":         {&amity.RecordActivitiesParams{Activities: []amity.AnalyticsActivity{{ContentID: "p1", ContentType: amity.AnalyticsPost, ActivityType: amity.AnalyticsView}}}, "Activities[0].ContentID"},
		"no type":        {&amity.RecordActivitiesParams{Activities: []amity.AnalyticsActivity{{ContentID: viewedPostID, ActivityType: amity.AnalyticsView}}}, "Activities[0].ContentType"},
		"no activity":    {&amity.RecordActivitiesParams{Activities: []amity.AnalyticsActivity{{ContentID: viewedPostID, ContentType: amity.AnalyticsPost}}}, "Activities[0].ActivityType"},
		"click on posts": {&amity.RecordActivitiesParams{Activities: []amity.AnalyticsActivity{{ContentID: viewedPostID, ContentType: amity.AnalyticsPost, ActivityType: amity.AnalyticsLinkClicked}}}, "Activities[0].ActivityType"},
	} {
		assertInvalid(t, c.Analytics.Record(ctx, tc.p), tc.field)
	}
	assert.Equal(t, before, mt.GetTotalCallCount())
}

// TestAnalyticsUnknownEnumsAreSent: a content or activity type the SDK does not know is
// sent as given (the API may know it).
func TestAnalyticsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"content and activity types", func(ctx context.Context, c *amity.Client) error {
			return c.Analytics.Record(ctx, &amity.RecordActivitiesParams{Activities: []amity.AnalyticsActivity{
				{ContentID: viewedPostID, ContentType: "comment", ActivityType: "share"}}})
		}, []string{`"contentType":"comment"`, `"activityType":"share"`}},
	})
}

func TestAnalyticsViewers(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	for _, p := range []string{"/api/v1/analytics/views/posts/" + viewedPostID + "/users", "/api/v1/analytics/views/stories/" + storyID + "/users"} {
		rec.route("GET", p, fixture(t, "analytics_viewers.json"))
		mt.RegisterResponderWithQuery("GET", "https://api.test"+p, "token=viewers-2", jsonResponder(200, `{"users":[],"paging":{}}`))
	}
	page, err := c.Analytics.ListPostViewersPage(ctx, viewedPostID, &amity.ListViewersParams{PageParams: amity.PageParams{Limit: 2, PageToken: "t"}})
	require.NoError(t, err)
	assert.Equal(t, "2", rec.last(t).Values().Get("limit"))
	assert.Equal(t, "t", rec.last(t).Values().Get("token"))
	require.Len(t, page.Users, 2)
	assert.Equal(t, "Bob", page.UserByID("bob").DisplayName)
	assert.Equal(t, "https://files.test/bob.png", page.FileByID("file-bob").FileURL)
	assert.Equal(t, "viewers-2", page.Paging.Next)
	assert.Contains(t, string(page.Raw), "viewerFutureField")

	var viewers []string
	for u, err := range c.Analytics.ListPostViewers(ctx, viewedPostID, nil) {
		require.NoError(t, err)
		viewers = append(viewers, u.UserID)
	}
	assert.Equal(t, []string{"bob", "carol"}, viewers)
	assert.Equal(t, 2, countItems(t, c.Analytics.ListPostViewersPages(ctx, viewedPostID, nil)))
	assert.Equal(t, 2, countItems(t, c.Analytics.ListStoryViewers(ctx, storyID, nil)))
	assert.Equal(t, 2, countItems(t, c.Analytics.ListStoryViewersPages(ctx, storyID, nil)))
	_, err = c.Analytics.ListStoryViewersPage(ctx, storyID, nil)
	require.NoError(t, err)
	assert.Equal(t, "/api/v1/analytics/views/stories/"+storyID+"/users", rec.last(t).Path)

	mt.RegisterResponder("GET", "https://api.test/api/v1/analytics/views/posts/"+storyID+"/users", jsonResponder(404, notFoundBody))
	_, err = c.Analytics.ListPostViewersPage(ctx, storyID, nil)
	assertNotFound(t, err)

	before := mt.GetTotalCallCount()
	for _, bad := range []string{"", "..", "post-1", strings.Repeat("a", 25)} {
		_, err := c.Analytics.ListPostViewersPage(ctx, bad, nil)
		assertInvalid(t, err, "postID")
		_, err = c.Analytics.ListStoryViewersPage(ctx, bad, nil)
		assertInvalid(t, err, "storyID")
	}
	_, err = c.Analytics.ListPostViewersPage(ctx, viewedPostID, &amity.ListViewersParams{PageParams: amity.PageParams{PageToken: strings.Repeat("t", 1001)}})
	assertInvalid(t, err, "PageToken")
	assert.Equal(t, before, mt.GetTotalCallCount())
}
