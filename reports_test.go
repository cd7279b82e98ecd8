package amity_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReportsListModerationActivity(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "reports_moderation_page1.json"), fixture(t, "reports_moderation_page2.json")
	listing := recordPages(t, mt, "/api/v1/reports/moderation-activity", "token", "reports-2", p1, p2)
	ctx := context.Background()
	var names []string
	for f, err := range c.Reports.ListModerationActivity(ctx, &amity.ListModerationActivityParams{PageParams: amity.PageParams{Limit: 2}}) {
		require.NoError(t, err)
		names = append(names, f.FileName)
	}
	assert.Equal(t, []string{"moderation-activity-2024-05-01.csv", "moderation-activity-2024-04-30.csv", "moderation-activity-2024-04-29.csv"}, names)
	assert.Equal(t, []string{"limit=2", "limit=2&token=reports-2"}, listing.queries(), "paged flat, by limit and token")

	page, err := c.Reports.ListModerationActivityPage(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, "reports-2", page.Paging.Next)
	assert.Empty(t, page.Paging.Previous, "a null cursor is no cursor")
	f := page.ReportByID("bW9kLTIwMjQtMDUtMDEuY3N2")
	require.NotNil(t, f)
	assert.Equal(t, amity.ReportFile{FileID: "bW9kLTIwMjQtMDUtMDEuY3N2", FileName: "moderation-activity-2024-05-01.csv", FileSize: 2048,
		LastModified: atTime(t, "2024-05-01T23:59:00.000Z")}, *f)
	assert.Nil(t, page.ReportByID("nope"))
	assert.Contains(t, string(page.Raw), "reportFutureField")
	assert.Equal(t, 2, countItems(t, c.Reports.ListModerationActivityPages(ctx, nil)))
}

func TestReportsShapes(t *testing.T) {
	const metrics = "/api/v1/analytics/community-metrics/"
	from, to := time.Date(2024, 4, 29, 23, 0, 0, 0, time.UTC), time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	runShapeCases(t, []shapeCase{
		{name: "ListModerationActivityPage", method: "GET", path: "/api/v1/reports/moderation-activity", attempts: 3,
			query:  "limit=50&token=tok",
			answer: fixture(t, "reports_moderation_page1.json"),
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Reports.ListModerationActivityPage(ctx, &amity.ListModerationActivityParams{PageParams: amity.PageParams{Limit: 50, PageToken: "tok"}})
			},
			invalid: []func(ctx context.Context, c *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Reports.ListModerationActivityPage(ctx, &amity.ListModerationActivityParams{PageParams: amity.PageParams{Limit: 101}}))
				},
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Reports.ListModerationActivityPage(ctx, &amity.ListModerationActivityParams{PageParams: amity.PageParams{PageToken: longString(1001)}}))
				},
			}},
		{name: "GetUserLastActivity", method: "GET", path: "/api/v1/reports/user-last-activity", attempts: 3,
			answer: `{"networkId":"net-1","downloadUrl":"https://files.example/report.csv?sig=abc","x":1}`,
			call:   func(ctx context.Context, c *amity.Client) (any, error) { return c.Reports.GetUserLastActivity(ctx) },
			check: func(t *testing.T, out any) {
				p := out.(*amity.UserLastActivityPayload)
				assert.Equal(t, "net-1", p.NetworkID)
				assert.Equal(t, "https://files.example/report.csv?sig=abc", p.DownloadURL)
			}},
		{name: "GetCommunityActivityMetrics daily", method: "GET", path: metrics + "c%2F1/activities", attempts: 3,
			query:  "from=2024-04-29&granularity=daily&to=2024-05-01",
			answer: fixture(t, "reports_activity_daily.json"),
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Reports.GetCommunityActivityMetrics(ctx, "c/1", &amity.CommunityMetricsParams{From: from, To: to, Granularity: amity.MetricsDaily})
			},
			check: func(t *testing.T, out any) {
				p := out.(*amity.CommunityActivityMetricsPayload)
				assert.Equal(t, amity.MetricsDaily, p.Granularity)
				assert.Equal(t, "2024-04-29", p.From)
				assert.Equal(t, "2024-05-01", p.To)
				require.Len(t, p.Data, 3)
				assert.Nil(t, p.Value)
				assert.Equal(t, amity.CommunityActivityCounts{TotalPosts: 3, TotalComments: 7, TotalReactions: 12}, p.DayByDate("2024-04-30").CommunityActivityCounts)
				assert.Nil(t, p.DayByDate("2024-05-02"))
			},
			invalid: []func(ctx context.Context, c *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Reports.GetCommunityActivityMetrics(ctx, "", nil))
				},
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Reports.GetCommunityActivityMetrics(ctx, "c1", &amity.CommunityMetricsParams{From: to, To: from}))
				},
			}},
		{name: "GetCommunityActivityMetrics aggregate", method: "GET", path: metrics + "c1/activities",
			query:  "granularity=aggregate",
			answer: fixture(t, "reports_activity_aggregate.json"),
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Reports.GetCommunityActivityMetrics(ctx, "c1", &amity.CommunityMetricsParams{Granularity: amity.MetricsAggregate})
			},
			check: func(t *testing.T, out any) {
				p := out.(*amity.CommunityActivityMetricsPayload)
				assert.Equal(t, amity.MetricsAggregate, p.Granularity)
				assert.Empty(t, p.Data)
				assert.Equal(t, &amity.CommunityActivityCounts{TotalPosts: 4, TotalComments: 9, TotalReactions: 16}, p.Value)
			}},
		{name: "GetCommunityMemberMetrics", method: "GET", path: metrics + "c1/members", attempts: 3,
			answer: fixture(t, "reports_members_daily.json"),
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Reports.GetCommunityMemberMetrics(ctx, "c1", nil)
			},
			check: func(t *testing.T, out any) {
				p := out.(*amity.CommunityMemberMetricsPayload)
				assert.Equal(t, amity.CommunityMemberCounts{TotalMembers: 11, NewMembers: 2, LostMembers: 1}, p.DayByDate("2024-05-01").CommunityMemberCounts)
			},
			invalid: []func(ctx context.Context, c *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Reports.GetCommunityMemberMetrics(ctx, "..", nil))
				},
			}},
		{name: "GetCommunityMostActiveDays", method: "GET", path: metrics + "c1/most-active-day", attempts: 3,
			query:  "from=2024-04-24&to=2024-04-30",
			answer: fixture(t, "reports_most_active_day.json"),
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Reports.GetCommunityMostActiveDays(ctx, "c1", &amity.CommunityEngagementParams{
					From: time.Date(2024, 4, 24, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 4, 30, 0, 0, 0, 0, time.UTC)})
			},
			check: func(t *testing.T, out any) {
				p := out.(*amity.CommunityMostActiveDaysPayload)
				require.Len(t, p.MostActiveDays, 3)
				assert.Equal(t, amity.CommunityWeekdayEngagement{Weekday: "Tuesday", SumEngagements: 9, DaysCount: 2, AvgEngagements: 4.5}, *p.DayByWeekday("Tuesday"))
				assert.Nil(t, p.DayByWeekday("Funday"))
			},
			invalid: []func(ctx context.Context, c *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Reports.GetCommunityMostActiveDays(ctx, "c1", &amity.CommunityEngagementParams{From: to, To: from}))
				},
			}},
		{name: "GetCommunityMostActiveTimes", method: "GET", path: metrics + "c1/most-active-time", attempts: 3,
			query:  "to=2024-05-01",
			answer: fixture(t, "reports_most_active_time.json"),
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Reports.GetCommunityMostActiveTimes(ctx, "c1", &amity.CommunityEngagementParams{To: to})
			},
			check: func(t *testing.T, out any) {
				p := out.(*amity.CommunityMostActiveTimesPayload)
				require.Len(t, p.MostActiveTimes, 2)
				assert.Equal(t, amity.CommunityHourEngagement{Hour: 13, HourDisplay: "13:00", SumEngagements: 21, AvgEngagements: 10.5}, p.MostActiveTimes[1])
			},
			invalid: []func(ctx context.Context, c *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Reports.GetCommunityMostActiveTimes(ctx, " ", nil))
				},
			}},
	})
}

// A date is sent as the calendar date of the time's own location, not converted to UTC.
func TestReportsDatesAreCalendarDates(t *testing.T) {
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "reports_most_active_time.json"))
	tokyo := time.FixedZone("JST", 9*3600)
	_, err := c.Reports.GetCommunityMostActiveTimes(context.Background(), "c1", &amity.CommunityEngagementParams{
		From: time.Date(2024, 5, 1, 1, 0, 0, 0, tokyo), To: time.Date(2024, 5, 1, 8, 0, 0, 0, tokyo)})
	require.NoError(t, err)
	assert.Equal(t, "from=2024-05-01&to=2024-05-01", rec.only(t).Query, "one day, although From is April 30 in UTC")
}

func TestReportsDownloads(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	const csv = "occurredAt,activity\n2024-05-01T12:00:00Z,flag\n"
	rec := newRecorder(t, mt).
		route("GET", "/api/v1/reports/moderation-activity/download", csv).
		route("GET", "/api/v1/reports/1p/download", "userId,displayName\nalice,Alice\n")
	body, err := c.Reports.DownloadModerationActivity(ctx, &amity.DownloadModerationActivityParams{FileName: "moderation activity.csv"})
	require.NoError(t, err)
	got, err := io.ReadAll(body)
	require.NoError(t, err)
	require.NoError(t, body.Close())
	assert.Equal(t, csv, string(got))
	req := rec.last(t)
	assert.Equal(t, url.Values{"fileName": {"moderation activity.csv"}}, req.Values())
	assert.Equal(t, "*/*", req.Header.Get("Accept"))
	assert.Equal(t, "Bearer "+adminToken, req.Header.Get("Authorization"))

	body, err = c.Reports.DownloadModerationActivity(ctx, &amity.DownloadModerationActivityParams{FileID: "Zmls", FileName: "f.csv"})
	require.NoError(t, err)
	require.NoError(t, body.Close())
	assert.Equal(t, "fileId=Zmls&fileName=f.csv", rec.last(t).Query)

	body, err = c.Reports.DownloadFirstPartyData(ctx, &amity.DownloadFirstPartyDataParams{DataType: amity.FirstPartyCommunityMembers})
	require.NoError(t, err)
	got, err = io.ReadAll(body)
	require.NoError(t, err)
	require.NoError(t, body.Close())
	assert.Equal(t, "userId,displayName\nalice,Alice\n", string(got))
	assert.Equal(t, "dataType=community_members", rec.last(t).Query)

	n := len(rec.all())
	assertInvalidCases(t, map[string]invalidCase{
		"moderation nil": {"Reports.DownloadModerationActivity: params", func() error { return errOf(c.Reports.DownloadModerationActivity(ctx, nil)) }},
		"moderation neither": {"FileID", func() error {
			return errOf(c.Reports.DownloadModerationActivity(ctx, &amity.DownloadModerationActivityParams{}))
		}},
		"moderation long": {"FileName", func() error {
			return errOf(c.Reports.DownloadModerationActivity(ctx, &amity.DownloadModerationActivityParams{FileName: longString(1001)}))
		}},
		"1p nil": {"Reports.DownloadFirstPartyData: params", func() error { return errOf(c.Reports.DownloadFirstPartyData(ctx, nil)) }},
		"1p no type": {"DataType", func() error {
			return errOf(c.Reports.DownloadFirstPartyData(ctx, &amity.DownloadFirstPartyDataParams{}))
		}},
	})
	assert.Len(t, rec.all(), n, "bad input sends nothing")
}

// The downloads answer with a redirect: one to the API's own origin is followed with the
// call's credentials; one to another host is refused (as for Files.Download), so no
// credential follows it.
func TestReportsDownloadFollowsRedirects(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "elsewhere") }))
	defer other.Close()
	var api *httptest.Server
	api = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v1/reports/1p/download":
			http.Redirect(w, r, api.URL+"/signed/users.csv", http.StatusFound)
		case "/api/v1/reports/moderation-activity/download":
			http.Redirect(w, r, other.URL+"/signed/m.csv", http.StatusFound)
		case "/signed/users.csv":
			_, _ = io.WriteString(w, "userId\nalice\n")
		}
	}))
	defer api.Close()
	c := serverClient(t, api.URL, amity.WithMaxRetries(0))
	ctx := context.Background()
	body, err := c.Reports.DownloadFirstPartyData(ctx, &amity.DownloadFirstPartyDataParams{DataType: amity.FirstPartyUsers})
	require.NoError(t, err)
	got, err := io.ReadAll(body)
	require.NoError(t, err)
	require.NoError(t, body.Close())
	assert.Equal(t, "userId\nalice\n", string(got))

	_, err = c.Reports.DownloadModerationActivity(ctx, &amity.DownloadModerationActivityParams{FileID: "x"})
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), "redirect"), "%v", err)
}

func TestReportsErrorPath(t *testing.T) {
	c, mt := mockClient(t)
	record(t, mt, "GET", "/api/v1/reports/moderation-activity/download",
		`{"status":"error","code":400400,"message":"Resource Not Found."}`, http.StatusNotFound)
	_, err := c.Reports.DownloadModerationActivity(context.Background(), &amity.DownloadModerationActivityParams{FileID: "gone"})
	assert.ErrorIs(t, err, amity.ErrNotFound)
	record(t, mt, "GET", "/api/v1/reports/moderation-activity", `{"status":"error","code":400300,"message":"Moderation report is disabled"}`, http.StatusForbidden)
	_, err = c.Reports.ListModerationActivityPage(context.Background(), nil)
	assert.ErrorIs(t, err, amity.ErrForbidden)
}

// TestReportsUnknownEnumsAreSent: a data type or granularity the SDK does not know is sent as
// given.
func TestReportsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"1p data type", func(ctx context.Context, c *amity.Client) error {
			rc, err := c.Reports.DownloadFirstPartyData(ctx, &amity.DownloadFirstPartyDataParams{DataType: "stories_last_90d"})
			if err == nil {
				rc.Close()
			}
			return err
		}, []string{"dataType=stories_last_90d"}},
		{"granularity", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Reports.GetCommunityMemberMetrics(ctx, "c1", &amity.CommunityMetricsParams{Granularity: "weekly"}))
		}, []string{"granularity=weekly"}},
	})
}

func TestReportsFixturesMatchSpec(t *testing.T) {
	const metrics = "/api/v1/analytics/community-metrics/c1/"
	assertFixturesMatchSpec(t, map[string][2]string{
		"reports_moderation_page1.json":   {"GET", "/api/v1/reports/moderation-activity"},
		"reports_moderation_page2.json":   {"GET", "/api/v1/reports/moderation-activity"},
		"reports_activity_daily.json":     {"GET", metrics + "activities"},
		"reports_activity_aggregate.json": {"GET", metrics + "activities"},
		"reports_members_daily.json":      {"GET", metrics + "members"},
		"reports_most_active_day.json":    {"GET", metrics + "most-active-day"},
		"reports_most_active_time.json":   {"GET", metrics + "most-active-time"},
	})
}

// Against the fake: reports of what happened, and a community's metrics.
func TestReportsAgainstFake(t *testing.T) {
	ctx := context.Background()
	c, _ := fakeClient(t)
	alice, err := c.AsUser("alice")
	require.NoError(t, err)
	bob, err := c.AsUser("bob")
	require.NoError(t, err)
	cm, err := alice.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "Gardeners", IsPublic: amity.Ptr(true)})
	require.NoError(t, err)
	cid := cm.Community().CommunityID
	post, err := alice.Posts.Create(ctx, &amity.CreatePostParams{Data: &amity.CreatePostData{Text: "hi"}, TargetType: amity.PostTargetCommunity, TargetID: cid})
	require.NoError(t, err)
	_, err = bob.Posts.Flag(ctx, post.Post().PostID, nil)
	require.NoError(t, err)

	var files []amity.ReportFile
	for f, err := range c.Reports.ListModerationActivity(ctx, nil) {
		require.NoError(t, err)
		files = append(files, f)
	}
	require.Len(t, files, 1)
	body, err := c.Reports.DownloadModerationActivity(ctx, &amity.DownloadModerationActivityParams{FileID: files[0].FileID})
	require.NoError(t, err)
	csv, err := io.ReadAll(body)
	require.NoError(t, err)
	require.NoError(t, body.Close())
	assert.EqualValues(t, len(csv), files[0].FileSize)
	assert.Contains(t, string(csv), ",flag,post,"+post.Post().PostID+",bob,")

	la, err := c.Reports.GetUserLastActivity(ctx)
	require.NoError(t, err)
	res, err := http.Get(la.DownloadURL) // a signed URL: no credentials
	require.NoError(t, err)
	report, err := io.ReadAll(res.Body)
	res.Body.Close()
	require.NoError(t, err)
	assert.Contains(t, string(report), "\nbob,bob,")

	body, err = c.Reports.DownloadFirstPartyData(ctx, &amity.DownloadFirstPartyDataParams{DataType: amity.FirstPartyCommunities})
	require.NoError(t, err)
	export, err := io.ReadAll(body)
	require.NoError(t, err)
	require.NoError(t, body.Close())
	assert.Contains(t, string(export), cid+",Gardeners,")

	// A range around today, so that midnight passing during the test changes nothing.
	today := time.Now().UTC()
	from, to := today.AddDate(0, 0, -1), today.AddDate(0, 0, 1)
	act, err := c.Reports.GetCommunityActivityMetrics(ctx, cid, &amity.CommunityMetricsParams{From: from, To: to, Granularity: amity.MetricsAggregate})
	require.NoError(t, err)
	assert.Equal(t, &amity.CommunityActivityCounts{TotalPosts: 1}, act.Value)
	mem, err := c.Reports.GetCommunityMemberMetrics(ctx, cid, &amity.CommunityMetricsParams{From: from, To: to})
	require.NoError(t, err)
	require.Len(t, mem.Data, 3)
	assert.Equal(t, 1, mem.Data[2].TotalMembers, "alice, the creator")
	days, err := c.Reports.GetCommunityMostActiveDays(ctx, cid, &amity.CommunityEngagementParams{From: from, To: to})
	require.NoError(t, err)
	require.Len(t, days.MostActiveDays, 7)
	hours, err := c.Reports.GetCommunityMostActiveTimes(ctx, cid, &amity.CommunityEngagementParams{From: from, To: to})
	require.NoError(t, err)
	require.Len(t, hours.MostActiveTimes, 24)
	sumDays, sumHours := 0, 0
	for _, d := range days.MostActiveDays {
		sumDays += d.SumEngagements
	}
	for _, h := range hours.MostActiveTimes {
		sumHours += h.SumEngagements
	}
	assert.Equal(t, 1, sumDays, "the post")
	assert.Equal(t, 1, sumHours, "the post")
	_, err = c.Reports.GetCommunityActivityMetrics(ctx, "no-such-community", nil)
	assert.ErrorIs(t, err, amity.ErrNotFound)
}
