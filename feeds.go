package amity

import (
	"context"
	"iter"
	"net/http"
	"net/url"
)

// FeedsService reads the post feeds: a user's feed, a community's feed, the content feed,
// the calling user's following feed and the global feed. Older versions of the global feed
// are on V3 and V4. Every feed answers with the post bundle (PostPayload) and its lookups.
// Reach it as Client.Feeds.
type FeedsService struct {
	c *Client
	// V4 is the chronological global feed, GET /api/v4/me/global-feeds.
	V4 *FeedsV4Service
	// V3 is the first global feed, GET /api/v3/global-feeds.
	V3 *FeedsV3Service
}

// FeedsV4Service holds the v4 feed calls. Reach it as Client.Feeds.V4.
type FeedsV4Service struct{ c *Client }

// FeedsV3Service holds the v3 feed calls that have a newer version. Reach it as
// Client.Feeds.V3.
type FeedsV3Service struct{ c *Client }

// FeedPayload is the answer of the v3, v4 and v5 feeds: {"status", "data": post bundle}.
// The bundle's fields and lookups (Posts, Users, Paging, ...) are promoted from PostPayload.
type FeedPayload struct {
	rawJSON
	// Status is "success".
	Status string `json:"status"`
	// PostPayload is the answer's data: the posts and what they refer to.
	PostPayload `json:"data"`
}

// FeedSortBy orders the user, community and content feeds.
type FeedSortBy string

// Feed orders.
const (
	FeedSortLastCreated  FeedSortBy = "lastCreated"
	FeedSortFirstCreated FeedSortBy = "firstCreated"
	FeedSortLastUpdated  FeedSortBy = "lastUpdated"
	FeedSortFirstUpdated FeedSortBy = "firstUpdated"
)

// FeedDataType keeps the posts with a child post of a kind.
type FeedDataType string

// Feed data types. Text, audio, clip, poll and room are the further kinds the API's clients
// filter feeds by; spec 4.116.1 lists the first four, and clip on the v4 global feed. A type
// the SDK does not know is sent as given.
const (
	FeedDataVideo      FeedDataType = "video"
	FeedDataImage      FeedDataType = "image"
	FeedDataFile       FeedDataType = "file"
	FeedDataLiveStream FeedDataType = "liveStream"
	FeedDataText       FeedDataType = "text"
	FeedDataAudio      FeedDataType = "audio"
	FeedDataClip       FeedDataType = "clip"
	FeedDataPoll       FeedDataType = "poll"
	FeedDataRoom       FeedDataType = "room"
)

// FollowingFeedSortBy orders the following feed.
type FollowingFeedSortBy string

// Following-feed orders.
const (
	FollowingFeedCustomRanking FollowingFeedSortBy = "customRanking"
	FollowingFeedLastCreated   FollowingFeedSortBy = "lastCreated"
)

// feedDataTypes checks the data-type filter of a feed (at most maxTypes) and adds it to q.
func feedDataTypes(op string, q query, types []FeedDataType, maxTypes int) error {
	if err := maxItems(op, "DataTypes", len(types), maxTypes); err != nil {
		return err
	}
	for _, t := range types {
		if t == "" {
			return &ValidationError{Op: op, Field: "DataTypes", Reason: "must not hold an empty data type"}
		}
		enums(q, "dataTypes", []FeedDataType{t})
	}
	return nil
}

// ListFeedParams filters the user and community feeds.
type ListFeedParams struct {
	PageParams
	// SortBy is lastCreated (the default), firstCreated, lastUpdated or firstUpdated.
	SortBy FeedSortBy
	// HasFlag keeps flagged posts (true) or unflagged ones (false); nil keeps both.
	HasFlag *bool
	// IsDeleted keeps deleted posts (true) or live ones (false); nil keeps both (the spec
	// gives no default; the vendor's clients leave it out exactly when they want both).
	IsDeleted *bool
	// DataTypes keeps posts with a child of these kinds (at most 4).
	DataTypes []FeedDataType
}

func (p *ListFeedParams) query(op string, withDataTypes bool) (query, error) {
	v := *orZero(p)
	q, err := v.PageParams.optionsQuery(op, 1000)
	if err != nil {
		return nil, err
	}
	q.str("sortBy", string(v.SortBy))
	q.boolean("hasFlag", v.HasFlag)
	q.boolean("isDeleted", v.IsDeleted)
	if withDataTypes {
		if err := feedDataTypes(op, q, v.DataTypes, 4); err != nil {
			return nil, err
		}
	} else if len(v.DataTypes) > 0 {
		return nil, &ValidationError{Op: op, Field: "DataTypes", Reason: "is not a filter of this feed"}
	}
	return q, nil
}

// feedPage sends the GET of one page of a feed with query q.
func (s *FeedsService) feedPage(ctx context.Context, op, path string, q query, opts []CallOption) (*FeedPayload, error) {
	return call[FeedPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, query: url.Values(q), opts: opts})
}

// targetFeedPage is one page of the feed of one user or community: field names the ID.
func (s *FeedsService) targetFeedPage(ctx context.Context, op, format, field, targetID string, params *ListFeedParams, opts []CallOption) (*FeedPayload, error) {
	path, err := pathf(op, format, id(field, targetID))
	if err != nil {
		return nil, err
	}
	q, err := params.query(op, true)
	if err != nil {
		return nil, err
	}
	return s.feedPage(ctx, op, path, q, opts)
}

// ListUser iterates over the posts of a user's feed, fetching pages as needed.
func (s *FeedsService) ListUser(ctx context.Context, userID string, params *ListFeedParams, opts ...CallOption) iter.Seq2[Post, error] {
	return listAll(ctx, params, opts, pageOn(userID, s.ListUserPage))
}

// ListUserPages iterates over the pages of Feeds.ListUser.
func (s *FeedsService) ListUserPages(ctx context.Context, userID string, params *ListFeedParams, opts ...CallOption) iter.Seq2[*FeedPayload, error] {
	return pages(ctx, params, opts, pageOn(userID, s.ListUserPage))
}

// ListUserPage returns one page of the posts on a user's feed (posted to the user),
// newest first by default. GET /api/v3/user-feeds/{userId}.
func (s *FeedsService) ListUserPage(ctx context.Context, userID string, params *ListFeedParams, opts ...CallOption) (*FeedPayload, error) {
	return s.targetFeedPage(ctx, "Feeds.ListUserPage", "/api/v3/user-feeds/%s", "userID", userID, params, opts)
}

// CountUserPostsParams filters Feeds.CountUserPosts.
type CountUserPostsParams struct {
	// IsDeleted counts deleted posts (true) or live ones (false); nil counts both.
	IsDeleted *bool
}

// UserFeedCountPayload is the answer of Feeds.CountUserPosts.
type UserFeedCountPayload struct {
	rawJSON
	// PostsCount is the number of posts on the user's feed.
	PostsCount int `json:"postsCount"`
}

// CountUserPosts returns how many posts a user's feed holds.
// GET /api/v3/user-feeds/{userId}/count.
func (s *FeedsService) CountUserPosts(ctx context.Context, userID string, params *CountUserPostsParams, opts ...CallOption) (*UserFeedCountPayload, error) {
	const op = "Feeds.CountUserPosts"
	path, err := pathf(op, "/api/v3/user-feeds/%s/count", id("userID", userID))
	if err != nil {
		return nil, err
	}
	q := query{}
	if params != nil {
		q.boolean("isDeleted", params.IsDeleted)
	}
	return call[UserFeedCountPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, query: url.Values(q), opts: opts})
}

// ListCommunity iterates over the posts of a community's feed, fetching pages as needed.
//
// Deprecated: spec 4.116.1 deprecates GET /api/v3/community-feeds/{communityId}; list a
// community's posts with Posts.List (TargetType community), as the API's clients do.
func (s *FeedsService) ListCommunity(ctx context.Context, communityID string, params *ListFeedParams, opts ...CallOption) iter.Seq2[Post, error] {
	return listAll(ctx, params, opts, pageOn(communityID, s.ListCommunityPage))
}

// ListCommunityPages iterates over the pages of Feeds.ListCommunity.
//
// Deprecated: use Posts.ListPages (TargetType community); see ListCommunity.
func (s *FeedsService) ListCommunityPages(ctx context.Context, communityID string, params *ListFeedParams, opts ...CallOption) iter.Seq2[*FeedPayload, error] {
	return pages(ctx, params, opts, pageOn(communityID, s.ListCommunityPage))
}

// ListCommunityPage returns one page of the published posts of a community, newest first by
// default. GET /api/v3/community-feeds/{communityId}.
//
// Deprecated: use Posts.ListPage (TargetType community); see ListCommunity.
func (s *FeedsService) ListCommunityPage(ctx context.Context, communityID string, params *ListFeedParams, opts ...CallOption) (*FeedPayload, error) {
	return s.targetFeedPage(ctx, "Feeds.ListCommunityPage", "/api/v3/community-feeds/%s", "communityID", communityID, params, opts)
}

// ListContent iterates over the posts of the content feed (posts on content targets),
// fetching pages as needed. ListFeedParams.DataTypes is not a filter of this feed.
func (s *FeedsService) ListContent(ctx context.Context, params *ListFeedParams, opts ...CallOption) iter.Seq2[Post, error] {
	return listAll(ctx, params, opts, s.ListContentPage)
}

// ListContentPages iterates over the pages of Feeds.ListContent.
func (s *FeedsService) ListContentPages(ctx context.Context, params *ListFeedParams, opts ...CallOption) iter.Seq2[*FeedPayload, error] {
	return pages(ctx, params, opts, s.ListContentPage)
}

// ListContentPage returns one page of the content feed. GET /api/v3/content-feeds.
func (s *FeedsService) ListContentPage(ctx context.Context, params *ListFeedParams, opts ...CallOption) (*FeedPayload, error) {
	const op = "Feeds.ListContentPage"
	q, err := params.query(op, false)
	if err != nil {
		return nil, err
	}
	return s.feedPage(ctx, op, "/api/v3/content-feeds", q, opts)
}

// ListFollowingParams orders Feeds.ListFollowing.
type ListFollowingParams struct {
	PageParams
	// SortBy is customRanking (the default) or lastCreated.
	SortBy FollowingFeedSortBy
}

func (p *ListFollowingParams) query(op string) (query, error) {
	v := *orZero(p)
	q, err := v.PageParams.flatQuery(op, 100)
	if err != nil {
		return nil, err
	}
	q.str("sortBy", string(v.SortBy))
	return q, nil
}

// ListFollowing iterates over the calling user's following feed (use a view from
// Client.AsUser): the posts on their own feed, of the users they follow and of the
// communities they joined, fetching pages as needed.
func (s *FeedsService) ListFollowing(ctx context.Context, params *ListFollowingParams, opts ...CallOption) iter.Seq2[Post, error] {
	return listAll(ctx, params, opts, s.ListFollowingPage)
}

// ListFollowingPages iterates over the pages of Feeds.ListFollowing.
func (s *FeedsService) ListFollowingPages(ctx context.Context, params *ListFollowingParams, opts ...CallOption) iter.Seq2[*PostPayload, error] {
	return pages(ctx, params, opts, s.ListFollowingPage)
}

// ListFollowingPage returns one page of the calling user's following feed. Unlike the other
// feeds it answers with the bare post bundle. GET /api/v1/me/following-feeds.
func (s *FeedsService) ListFollowingPage(ctx context.Context, params *ListFollowingParams, opts ...CallOption) (*PostPayload, error) {
	const op = "Feeds.ListFollowingPage"
	return listPage[PostPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/me/following-feeds", opts: opts}, params)
}

// ListGlobalParams pages Feeds.ListGlobal. Limit and PageToken go both flat (limit, token:
// the spec) and as options[limit] / options[token] (the API's clients).
type ListGlobalParams struct {
	PageParams
}

func (p *ListGlobalParams) query(op string) (query, error) {
	v := *orZero(p)
	if err := v.PageParams.validate(op, 1000); err != nil {
		return nil, err
	}
	q := query{}
	q.flatAndOptions(v.Limit, v.PageToken)
	return q, nil
}

// ListGlobal iterates over the calling user's global feed (use a view from Client.AsUser),
// ranked by the network's custom ranking, fetching pages as needed.
func (s *FeedsService) ListGlobal(ctx context.Context, params *ListGlobalParams, opts ...CallOption) iter.Seq2[Post, error] {
	return listAll(ctx, params, opts, s.ListGlobalPage)
}

// ListGlobalPages iterates over the pages of Feeds.ListGlobal.
func (s *FeedsService) ListGlobalPages(ctx context.Context, params *ListGlobalParams, opts ...CallOption) iter.Seq2[*FeedPayload, error] {
	return pages(ctx, params, opts, s.ListGlobalPage)
}

// ListGlobalPage returns one page of the calling user's ranked global feed: posts on their
// feed, of the users they follow and of the communities they joined.
// GET /api/v5/me/global-feeds.
func (s *FeedsService) ListGlobalPage(ctx context.Context, params *ListGlobalParams, opts ...CallOption) (*FeedPayload, error) {
	const op = "Feeds.ListGlobalPage"
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	return s.feedPage(ctx, op, "/api/v5/me/global-feeds", q, opts)
}

// V4ListGlobalParams filters Feeds.V4.ListGlobal. Limit and PageToken go both flat (limit,
// token: the spec) and as options[limit] / options[token] (the API's clients).
type V4ListGlobalParams struct {
	PageParams
	// DataTypes keeps posts with a child of these kinds (at most 5: video, image, file,
	// liveStream, clip).
	DataTypes []FeedDataType
	// ResolveParent, when true, answers the parent posts of the children DataTypes matched
	// (the API's React Native client sends true whenever it filters by DataTypes).
	ResolveParent *bool
}

func (p *V4ListGlobalParams) query(op string) (query, error) {
	v := *orZero(p)
	if err := v.PageParams.validate(op, 100); err != nil {
		return nil, err
	}
	q := query{}
	if err := feedDataTypes(op, q, v.DataTypes, 5); err != nil {
		return nil, err
	}
	q.boolean("resolveParent", v.ResolveParent)
	q.flatAndOptions(v.Limit, v.PageToken)
	return q, nil
}

// ListGlobal iterates over the calling user's chronological global feed, fetching pages as
// needed.
func (s *FeedsV4Service) ListGlobal(ctx context.Context, params *V4ListGlobalParams, opts ...CallOption) iter.Seq2[Post, error] {
	return listAll(ctx, params, opts, s.ListGlobalPage)
}

// ListGlobalPages iterates over the pages of Feeds.V4.ListGlobal.
func (s *FeedsV4Service) ListGlobalPages(ctx context.Context, params *V4ListGlobalParams, opts ...CallOption) iter.Seq2[*FeedPayload, error] {
	return pages(ctx, params, opts, s.ListGlobalPage)
}

// ListGlobalPage returns one page of the calling user's global feed, newest first (the
// active posts of the users and communities they follow or joined, and their own).
// GET /api/v4/me/global-feeds.
func (s *FeedsV4Service) ListGlobalPage(ctx context.Context, params *V4ListGlobalParams, opts ...CallOption) (*FeedPayload, error) {
	const op = "Feeds.V4.ListGlobalPage"
	return listPage[FeedPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v4/me/global-feeds", opts: opts}, params)
}

// V3ListGlobalParams filters Feeds.V3.ListGlobal.
type V3ListGlobalParams struct {
	PageParams
	// ShowOnlyMyFeed keeps the calling user's own posts.
	ShowOnlyMyFeed *bool
	// DataTypes keeps posts with a child of these kinds (at most 4).
	DataTypes []FeedDataType
}

func (p *V3ListGlobalParams) query(op string) (query, error) {
	v := *orZero(p)
	if err := v.PageParams.validate(op, 1000); err != nil {
		return nil, err
	}
	q := query{}
	q.boolean("showOnlyMyFeed", v.ShowOnlyMyFeed)
	if err := feedDataTypes(op, q, v.DataTypes, 4); err != nil {
		return nil, err
	}
	q.options(v.Limit, v.PageToken)
	return q, nil
}

// ListGlobal iterates over the v3 global feed, fetching pages as needed.
func (s *FeedsV3Service) ListGlobal(ctx context.Context, params *V3ListGlobalParams, opts ...CallOption) iter.Seq2[Post, error] {
	return listAll(ctx, params, opts, s.ListGlobalPage)
}

// ListGlobalPages iterates over the pages of Feeds.V3.ListGlobal.
func (s *FeedsV3Service) ListGlobalPages(ctx context.Context, params *V3ListGlobalParams, opts ...CallOption) iter.Seq2[*FeedPayload, error] {
	return pages(ctx, params, opts, s.ListGlobalPage)
}

// ListGlobalPage returns one page of the v3 global feed: the active posts of users and
// communities, newest first. GET /api/v3/global-feeds.
func (s *FeedsV3Service) ListGlobalPage(ctx context.Context, params *V3ListGlobalParams, opts ...CallOption) (*FeedPayload, error) {
	const op = "Feeds.V3.ListGlobalPage"
	return listPage[FeedPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/global-feeds", opts: opts}, params)
}
