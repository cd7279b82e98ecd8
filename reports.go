package amity

import (
	"context"
	"io"
	"iter"
	"net/http"
	"net/url"
	"time"
)

// ReportsService reads the network's reports: moderation activity, users' last activity, the
// first-party data export and community metrics. Reach it as Client.Reports.
type ReportsService struct{ c *Client }

// ReportFile is one moderation activity report file.
type ReportFile struct {
	// FileID identifies the file for DownloadModerationActivity (base64 text).
	FileID string `json:"fileId"`
	// FileName is the file's readable name.
	FileName string `json:"fileName"`
	// FileSize is its size in bytes.
	FileSize Int `json:"fileSize"`
	// LastModified is when the file last changed.
	LastModified Time `json:"lastModified"`
}

// ModerationActivityPayload is one page of the moderation activity report files.
type ModerationActivityPayload struct {
	rawJSON
	// Reports are the report files of this page.
	Reports []ReportFile `json:"reports"`
	// Paging holds the cursors.
	Paging Paging `json:"paging"`
}

func (p *ModerationActivityPayload) pageItems() []ReportFile { return p.Reports }
func (p *ModerationActivityPayload) pageInfo() Paging        { return p.Paging }

// ReportByID returns the report file with the given FileID, or nil.
func (p *ModerationActivityPayload) ReportByID(fileID string) *ReportFile {
	return byID(p.Reports, fileID, func(r *ReportFile) string { return r.FileID })
}

// ListModerationActivityParams pages Reports.ListModerationActivity. The zero value lists
// from the first page.
type ListModerationActivityParams struct {
	PageParams
}

func (p *ListModerationActivityParams) query(op string) (query, error) {
	return orZero(p).flatQuery(op, 1000)
}

// ListModerationActivity returns an iterator over the moderation activity report files
// (flags, bans, deleted posts and comments, ...), fetching pages as it goes. GET
// /api/v1/reports/moderation-activity (admin; moderation reporting must be enabled, else
// the API answers 403 or 422).
func (s *ReportsService) ListModerationActivity(ctx context.Context, params *ListModerationActivityParams, opts ...CallOption) iter.Seq2[ReportFile, error] {
	return listAll(ctx, params, opts, s.ListModerationActivityPage)
}

// ListModerationActivityPages returns an iterator over the pages of ListModerationActivity.
// GET /api/v1/reports/moderation-activity.
func (s *ReportsService) ListModerationActivityPages(ctx context.Context, params *ListModerationActivityParams, opts ...CallOption) iter.Seq2[*ModerationActivityPayload, error] {
	return pages(ctx, params, opts, s.ListModerationActivityPage)
}

// ListModerationActivityPage returns one page of the moderation activity report files. GET
// /api/v1/reports/moderation-activity, paged by limit and token.
func (s *ReportsService) ListModerationActivityPage(ctx context.Context, params *ListModerationActivityParams, opts ...CallOption) (*ModerationActivityPayload, error) {
	return listPage[ModerationActivityPayload](ctx, s.c, &request{op: "Reports.ListModerationActivityPage", method: http.MethodGet,
		path: "/api/v1/reports/moderation-activity", opts: opts}, params)
}

// DownloadModerationActivityParams names the report file to download: FileID or FileName
// (each at most 1,000 characters), at least one of them.
type DownloadModerationActivityParams struct {
	FileID   string
	FileName string
}

// DownloadModerationActivity returns the content of a moderation activity report file (CSV)
// as a stream, which the caller must close; ctx bounds the whole download. GET
// /api/v1/reports/moderation-activity/download (admin). The spec answers with a redirect to
// the file's signed URL: one on the API's own host is followed; one to another host is
// refused like every cross-host redirect (no credential may follow it), and the call fails
// with an error naming it.
func (s *ReportsService) DownloadModerationActivity(ctx context.Context, params *DownloadModerationActivityParams, opts ...CallOption) (io.ReadCloser, error) {
	const op = "Reports.DownloadModerationActivity"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(maxLen(op, "FileID", params.FileID, 1000), maxLen(op, "FileName", params.FileName, 1000)); err != nil {
		return nil, err
	}
	if params.FileID == "" && params.FileName == "" {
		return nil, &ValidationError{Op: op, Field: "FileID", Reason: "or FileName is required"}
	}
	q := query{}
	q.str("fileId", params.FileID)
	q.str("fileName", params.FileName)
	return s.download(ctx, &request{op: op, method: http.MethodGet, path: "/api/v1/reports/moderation-activity/download", query: url.Values(q), opts: opts})
}

// download sends r, a GET of a file, and returns the answer's body as a stream.
func (s *ReportsService) download(ctx context.Context, r *request) (io.ReadCloser, error) {
	r.accept, r.streamAnswer = "*/*", true
	//nolint:bodyclose // the body is the download: the caller reads and closes it
	resp, cancel, err := s.c.send(ctx, r)
	if err != nil {
		return nil, err
	}
	return &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}, nil
}

// FirstPartyDataType is a first-party data export.
type FirstPartyDataType string

// First-party data exports.
const (
	FirstPartyComments90d      FirstPartyDataType = "comments_last_90d"
	FirstPartyCommunities      FirstPartyDataType = "communities"
	FirstPartyCommunityMembers FirstPartyDataType = "community_members"
	FirstPartyPosts90d         FirstPartyDataType = "posts_last_90d"
	FirstPartyReactions90d     FirstPartyDataType = "reactions_last_90d"
	FirstPartyRoles            FirstPartyDataType = "roles"
	FirstPartyUsers            FirstPartyDataType = "users"
)

// DownloadFirstPartyDataParams selects the export of Reports.DownloadFirstPartyData.
type DownloadFirstPartyDataParams struct {
	// DataType (required) is the export: users, communities, community_members, roles,
	// posts_last_90d, comments_last_90d or reactions_last_90d.
	DataType FirstPartyDataType
}

// DownloadFirstPartyData returns a first-party data export of the network (CSV) as a
// stream, which the caller must close; ctx bounds the whole download. GET
// /api/v1/reports/1p/download (admin). Its redirect is followed as DownloadModerationActivity
// says: on the API's own host only.
func (s *ReportsService) DownloadFirstPartyData(ctx context.Context, params *DownloadFirstPartyDataParams, opts ...CallOption) (io.ReadCloser, error) {
	const op = "Reports.DownloadFirstPartyData"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := required(op, "DataType", string(params.DataType)); err != nil {
		return nil, err
	}
	q := url.Values{"dataType": {string(params.DataType)}}
	return s.download(ctx, &request{op: op, method: http.MethodGet, path: "/api/v1/reports/1p/download", query: q, opts: opts})
}

// UserLastActivityPayload is where the users' last activity report can be downloaded.
type UserLastActivityPayload struct {
	rawJSON
	NetworkID string `json:"networkId"`
	// DownloadURL is the report's URL (a CSV of each user's last activity). It needs no
	// credentials; fetch it with any HTTP client.
	DownloadURL string `json:"downloadUrl"`
}

// GetUserLastActivity returns the URL of the users' last activity report (admin). GET
// /api/v1/reports/user-last-activity.
func (s *ReportsService) GetUserLastActivity(ctx context.Context, opts ...CallOption) (*UserLastActivityPayload, error) {
	return call[UserLastActivityPayload](ctx, s.c, &request{op: "Reports.GetUserLastActivity", method: http.MethodGet,
		path: "/api/v1/reports/user-last-activity", opts: opts})
}

// MetricsGranularity says whether community metrics come per day or as totals.
type MetricsGranularity string

// Metrics granularities.
const (
	MetricsDaily     MetricsGranularity = "daily"
	MetricsAggregate MetricsGranularity = "aggregate"
)

// CommunityMetricsParams select the dates and granularity of the activity and membership
// metrics of a community. The zero value is the API's default: the 7 days before
// yesterday through yesterday, per day.
type CommunityMetricsParams struct {
	// From and To bound the dates, both included; only the date of each (in its own
	// location) is sent, as YYYY-MM-DD. Zero leaves a bound to the server.
	From, To time.Time
	// Granularity is daily (one entry per date, zero-filled) or aggregate (totals).
	Granularity MetricsGranularity
}

func (p *CommunityMetricsParams) query(op string) (query, error) {
	p = orZero(p)
	q, err := dateRange(op, p.From, p.To)
	if err != nil {
		return nil, err
	}
	q.str("granularity", string(p.Granularity))
	return q, nil
}

// CommunityEngagementParams select the dates of the most-active-day and -time metrics of a
// community. The zero value is the API's default: the 7 days before yesterday through
// yesterday.
type CommunityEngagementParams struct {
	// From and To bound the dates, both included, as in CommunityMetricsParams.
	From, To time.Time
}

func (p *CommunityEngagementParams) query(op string) (query, error) {
	p = orZero(p)
	return dateRange(op, p.From, p.To)
}

// dateLayout is the API's date format (YYYY-MM-DD).
const dateLayout = "2006-01-02"

// dateRange checks a from-to range of dates and starts a query with it.
func dateRange(op string, from, to time.Time) (query, error) {
	q := query{}
	if !from.IsZero() {
		q.str("from", from.Format(dateLayout))
	}
	if !to.IsZero() {
		q.str("to", to.Format(dateLayout))
	}
	if !from.IsZero() && !to.IsZero() && from.Format(dateLayout) > to.Format(dateLayout) {
		return nil, &ValidationError{Op: op, Field: "From", Reason: "must not be after To"}
	}
	return q, nil
}

// CommunityActivityCounts are the posts, comments and reactions of a community in a day or
// a range of days.
type CommunityActivityCounts struct {
	TotalPosts     int `json:"total_posts"`
	TotalComments  int `json:"total_comments"`
	TotalReactions int `json:"total_reactions"`
}

// CommunityActivityDay is the activity of one day.
type CommunityActivityDay struct {
	// Date is the day, YYYY-MM-DD.
	Date string `json:"date"`
	CommunityActivityCounts
}

// CommunityActivityMetricsPayload is the activity of a community: per day (Data) when
// Granularity is daily, totals (Value) when it is aggregate.
type CommunityActivityMetricsPayload struct {
	rawJSON
	Granularity MetricsGranularity `json:"granularity"`
	// From and To are the dates covered, YYYY-MM-DD, both included.
	From string `json:"from"`
	To   string `json:"to"`
	// Data holds one entry per date (daily).
	Data []CommunityActivityDay `json:"data"`
	// Value holds the totals (aggregate); nil for daily metrics.
	Value *CommunityActivityCounts `json:"value"`
}

// DayByDate returns the activity of date (YYYY-MM-DD), or nil.
func (p *CommunityActivityMetricsPayload) DayByDate(date string) *CommunityActivityDay {
	return byID(p.Data, date, func(d *CommunityActivityDay) string { return d.Date })
}

// CommunityMemberCounts are the membership figures of a community in a day or a range of
// days.
type CommunityMemberCounts struct {
	TotalMembers int `json:"total_members"`
	NewMembers   int `json:"new_members"`
	LostMembers  int `json:"lost_members"`
}

// CommunityMemberDay is the membership of one day.
type CommunityMemberDay struct {
	// Date is the day, YYYY-MM-DD.
	Date string `json:"date"`
	CommunityMemberCounts
}

// CommunityMemberMetricsPayload is the membership of a community: per day (Data) when
// Granularity is daily, totals (Value) when it is aggregate.
type CommunityMemberMetricsPayload struct {
	rawJSON
	Granularity MetricsGranularity `json:"granularity"`
	// From and To are the dates covered, YYYY-MM-DD, both included.
	From string `json:"from"`
	To   string `json:"to"`
	// Data holds one entry per date (daily).
	Data []CommunityMemberDay `json:"data"`
	// Value holds the totals (aggregate); nil for daily metrics.
	Value *CommunityMemberCounts `json:"value"`
}

// DayByDate returns the membership of date (YYYY-MM-DD), or nil.
func (p *CommunityMemberMetricsPayload) DayByDate(date string) *CommunityMemberDay {
	return byID(p.Data, date, func(d *CommunityMemberDay) string { return d.Date })
}

// CommunityWeekdayEngagement is the engagement (posts, comments and reactions) of one
// weekday over a range of dates.
type CommunityWeekdayEngagement struct {
	// Weekday is the day's name as the API gives it (such as "Monday").
	Weekday string `json:"weekday"`
	// SumEngagements is the engagement of every such day of the range.
	SumEngagements int `json:"sum_engagements"`
	// DaysCount is how many such days had any engagement.
	DaysCount int `json:"days_count"`
	// AvgEngagements is the engagement per such active day.
	AvgEngagements float64 `json:"avg_engagements"`
}

// CommunityMostActiveDaysPayload is the engagement of a community per weekday.
type CommunityMostActiveDaysPayload struct {
	rawJSON
	// From and To are the dates covered, YYYY-MM-DD, both included.
	From string `json:"from"`
	To   string `json:"to"`
	// MostActiveDays holds the seven weekdays.
	MostActiveDays []CommunityWeekdayEngagement `json:"most_active_days"`
}

// DayByWeekday returns the engagement of weekday (its name, such as "Monday"), or nil.
func (p *CommunityMostActiveDaysPayload) DayByWeekday(weekday string) *CommunityWeekdayEngagement {
	return byID(p.MostActiveDays, weekday, func(d *CommunityWeekdayEngagement) string { return d.Weekday })
}

// CommunityHourEngagement is the engagement of one UTC hour of the day over a range of
// dates.
type CommunityHourEngagement struct {
	// Hour is the UTC hour, 0 to 23; HourDisplay is how the API writes it.
	Hour        int    `json:"hour"`
	HourDisplay string `json:"hour_display"`
	// SumEngagements is the engagement in this hour over the range.
	SumEngagements int `json:"sum_engagements"`
	// AvgEngagements is the engagement per day that had any in this hour.
	AvgEngagements float64 `json:"avg_engagements"`
}

// CommunityMostActiveTimesPayload is the engagement of a community per UTC hour.
type CommunityMostActiveTimesPayload struct {
	rawJSON
	// From and To are the dates covered, YYYY-MM-DD, both included.
	From string `json:"from"`
	To   string `json:"to"`
	// MostActiveTimes holds the 24 hours.
	MostActiveTimes []CommunityHourEngagement `json:"most_active_times"`
}

// GetCommunityActivityMetrics returns the posts, comments and reactions of a community per
// day or in total. GET /api/v1/analytics/community-metrics/{communityId}/activities.
func (s *ReportsService) GetCommunityActivityMetrics(ctx context.Context, communityID string, params *CommunityMetricsParams, opts ...CallOption) (*CommunityActivityMetricsPayload, error) {
	return communityMetrics[CommunityActivityMetricsPayload](ctx, s.c, "Reports.GetCommunityActivityMetrics", "activities", communityID, params, opts)
}

// GetCommunityMemberMetrics returns the members, new members and lost members of a
// community per day or in total. GET
// /api/v1/analytics/community-metrics/{communityId}/members.
func (s *ReportsService) GetCommunityMemberMetrics(ctx context.Context, communityID string, params *CommunityMetricsParams, opts ...CallOption) (*CommunityMemberMetricsPayload, error) {
	return communityMetrics[CommunityMemberMetricsPayload](ctx, s.c, "Reports.GetCommunityMemberMetrics", "members", communityID, params, opts)
}

// GetCommunityMostActiveDays returns the engagement of a community per weekday. GET
// /api/v1/analytics/community-metrics/{communityId}/most-active-day.
func (s *ReportsService) GetCommunityMostActiveDays(ctx context.Context, communityID string, params *CommunityEngagementParams, opts ...CallOption) (*CommunityMostActiveDaysPayload, error) {
	return communityMetrics[CommunityMostActiveDaysPayload](ctx, s.c, "Reports.GetCommunityMostActiveDays", "most-active-day", communityID, params, opts)
}

// GetCommunityMostActiveTimes returns the engagement of a community per UTC hour. GET
// /api/v1/analytics/community-metrics/{communityId}/most-active-time.
func (s *ReportsService) GetCommunityMostActiveTimes(ctx context.Context, communityID string, params *CommunityEngagementParams, opts ...CallOption) (*CommunityMostActiveTimesPayload, error) {
	return communityMetrics[CommunityMostActiveTimesPayload](ctx, s.c, "Reports.GetCommunityMostActiveTimes", "most-active-time", communityID, params, opts)
}

// communityMetrics is the one body of the community metrics calls: GET
// /api/v1/analytics/community-metrics/{communityId}/{metric} with params' query.
func communityMetrics[P any, Q interface {
	query(op string) (query, error)
}](ctx context.Context, c *Client, op, metric, communityID string, params Q, opts []CallOption) (*P, error) {
	path, err := pathf(op, "/api/v1/analytics/community-metrics/%s/"+metric, id("communityID", communityID))
	if err != nil {
		return nil, err
	}
	return listPage[P](ctx, c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, params)
}
