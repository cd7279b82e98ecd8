package amity_test

import (
	"context"
	"time"

	"github.com/amity-go/amity"
)

const confPostID = "65a0c0ffee65a0c0ffee0002"

func init() {
	registerConformance(
		conformanceCase{Method: "Analytics.Record", Op: "POST /api/v1/analytics/activities", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Analytics.Record(ctx, &amity.RecordActivitiesParams{Activities: []amity.AnalyticsActivity{
					{ContentID: confPostID, ContentType: amity.AnalyticsPost, ActivityType: amity.AnalyticsView}}})
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Analytics.Record(ctx, &amity.RecordActivitiesParams{Activities: []amity.AnalyticsActivity{
					{ContentID: confPostID, ContentType: amity.AnalyticsPost, ActivityType: amity.AnalyticsView, Timestamp: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
					{ContentID: confStoryID, ContentType: amity.AnalyticsStory, ActivityType: amity.AnalyticsLinkClicked, Timestamp: time.Date(2026, 1, 2, 3, 4, 6, 0, time.UTC)}}})
			}},
		conformanceCase{Method: "Analytics.ListPostViewersPage", Op: "GET /api/v1/analytics/views/posts/{postId}/users",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Analytics.ListPostViewersPage(ctx, confStoryID, nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Analytics.ListPostViewersPage(ctx, confStoryID, &amity.ListViewersParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}}))
			}},
		conformanceCase{Method: "Analytics.ListStoryViewersPage", Op: "GET /api/v1/analytics/views/stories/{storyId}/users",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Analytics.ListStoryViewersPage(ctx, confStoryID, nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Analytics.ListStoryViewersPage(ctx, confStoryID, &amity.ListViewersParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}}))
			}},
	)
}
