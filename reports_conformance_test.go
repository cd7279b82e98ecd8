package amity_test

import (
	"context"
	"io"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	from, to := time.Date(2024, 4, 24, 0, 0, 0, 0, time.UTC), time.Date(2024, 4, 30, 0, 0, 0, 0, time.UTC)
	read := func(rc io.ReadCloser, err error) error {
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, rc)
		if cerr := rc.Close(); err == nil {
			err = cerr
		}
		return err
	}
	fullPage := &amity.ListModerationActivityParams{PageParams: amity.PageParams{Limit: 50, PageToken: "tok"}}
	registerConformance(
		conformanceCase{Method: "Reports.ListModerationActivityPage", Op: "GET /api/v1/reports/moderation-activity",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reports.ListModerationActivityPage(ctx, nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reports.ListModerationActivityPage(ctx, fullPage))
			}},
		conformanceCase{Method: "Reports.ListModerationActivity", Op: "GET /api/v1/reports/moderation-activity",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Reports.ListModerationActivity(ctx, nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Reports.ListModerationActivity(ctx, fullPage)))
			}},
		conformanceCase{Method: "Reports.ListModerationActivityPages", Op: "GET /api/v1/reports/moderation-activity",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Reports.ListModerationActivityPages(ctx, nil)))
			}},
		conformanceCase{Method: "Reports.DownloadModerationActivity", Op: "GET /api/v1/reports/moderation-activity/download",
			Required: func(ctx context.Context, c *amity.Client) error {
				return read(c.Reports.DownloadModerationActivity(ctx, &amity.DownloadModerationActivityParams{FileID: "bW9kZXJhdGlvbi5jc3Y="}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return read(c.Reports.DownloadModerationActivity(ctx, &amity.DownloadModerationActivityParams{
					FileID: "bW9kZXJhdGlvbi5jc3Y=", FileName: "moderation-report-2024-01-15.csv"}))
			}},
		conformanceCase{Method: "Reports.GetUserLastActivity", Op: "GET /api/v1/reports/user-last-activity",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Reports.GetUserLastActivity(ctx)) }},
		conformanceCase{Method: "Reports.DownloadFirstPartyData", Op: "GET /api/v1/reports/1p/download",
			Required: func(ctx context.Context, c *amity.Client) error {
				return read(c.Reports.DownloadFirstPartyData(ctx, &amity.DownloadFirstPartyDataParams{DataType: amity.FirstPartyUsers}))
			}},
		conformanceCase{Method: "Reports.GetCommunityActivityMetrics", Op: "GET /api/v1/analytics/community-metrics/{communityId}/activities",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reports.GetCommunityActivityMetrics(ctx, "c1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reports.GetCommunityActivityMetrics(ctx, "c1", &amity.CommunityMetricsParams{From: from, To: to, Granularity: amity.MetricsAggregate}))
			}},
		conformanceCase{Method: "Reports.GetCommunityMemberMetrics", Op: "GET /api/v1/analytics/community-metrics/{communityId}/members",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reports.GetCommunityMemberMetrics(ctx, "c1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reports.GetCommunityMemberMetrics(ctx, "c1", &amity.CommunityMetricsParams{From: from, To: to, Granularity: amity.MetricsDaily}))
			}},
		conformanceCase{Method: "Reports.GetCommunityMostActiveDays", Op: "GET /api/v1/analytics/community-metrics/{communityId}/most-active-day",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reports.GetCommunityMostActiveDays(ctx, "c1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reports.GetCommunityMostActiveDays(ctx, "c1", &amity.CommunityEngagementParams{From: from, To: to}))
			}},
		conformanceCase{Method: "Reports.GetCommunityMostActiveTimes", Op: "GET /api/v1/analytics/community-metrics/{communityId}/most-active-time",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reports.GetCommunityMostActiveTimes(ctx, "c1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reports.GetCommunityMostActiveTimes(ctx, "c1", &amity.CommunityEngagementParams{From: from, To: to}))
			}},
	)
}
