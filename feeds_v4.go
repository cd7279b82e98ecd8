package amity

// This file is the v4 user feed of the Feeds service (GET /api/v4/user-feeds/{userId}), and
// the feed filters it shares with Posts.Search.

import (
	"context"
	"iter"
	"net/http"
	"time"
)

// UserFeedSource is a kind of feed whose posts the v4 user feed includes: the user's own feed
// (user), or the communities the user posted in (community).
type UserFeedSource string

// User feed sources. A source the SDK does not know is sent as given.
const (
	UserFeedSourceUser      UserFeedSource = "user"
	UserFeedSourceCommunity UserFeedSource = "community"
)

// ListUserPostsParams filters and pages Feeds.ListUserPosts. The zero value lists the live
// posts of the user's own feed, newest first.
type ListUserPostsParams struct {
	PageParams
	// FeedSources are the feeds to include (includePostedFeed): the user's own feed (user,
	// the server's default) and the user's posts in communities (community).
	FeedSources []UserFeedSource
	// SortBy is lastCreated (the default), firstCreated, lastUpdated or firstUpdated.
	SortBy FeedSortBy
	// IsDeleted lists deleted posts (true) or live ones (false, the server's default).
	IsDeleted *bool
	// DataTypes keeps posts with a child of these kinds: video, image, file, liveStream,
	// poll, clip or text (at most 6).
	DataTypes []FeedDataType
	// MatchingOnlyParentPost: true matches parent posts only, false child posts too. Nil
	// sends false when DataTypes is set and nothing otherwise (the server's default, true), as
	// the API's clients do.
	MatchingOnlyParentPost *bool
	// Before and After (post IDs, at most 24 characters) start the page at a post.
	Before, After string
	// UpdatedAt starts the page at a time, for the Updated orders (zero: unset).
	UpdatedAt time.Time
}

func (p *ListUserPostsParams) query(op string) (query, error) {
	p = orZero(p)
	q, err := p.PageParams.optionsQuery(op, 1000)
	if err != nil {
		return nil, err
	}
	for _, s := range p.FeedSources {
		if err := required(op, "FeedSources[]", string(s)); err != nil {
			return nil, err
		}
	}
	if err := feedQuery(op, q, p.DataTypes, p.MatchingOnlyParentPost, string(p.SortBy), p.Before, p.After, p.UpdatedAt); err != nil {
		return nil, err
	}
	enums(q, "includePostedFeed", p.FeedSources)
	q.boolean("isDeleted", p.IsDeleted)
	return q, nil
}

// feedQuery adds the filters the post feeds of 4.116 share (Feeds.ListUserPosts,
// Posts.Search) to q: the data types (at most 6, none empty), matchingOnlyParentPost (false
// when data types are set and the caller said nothing, as the clients send it), the order and
// the cursors of options.
func feedQuery(op string, q query, types []FeedDataType, parentOnly *bool, sortBy, before, after string, updatedAt time.Time) error {
	checks := []error{
		maxItems(op, "DataTypes", len(types), 6),
		maxLen(op, "Before", before, 24),
		maxLen(op, "After", after, 24),
	}
	for _, t := range types {
		checks = append(checks, required(op, "DataTypes[]", string(t)))
	}
	if err := firstErr(checks...); err != nil {
		return err
	}
	enums(q, "dataTypes", types)
	if parentOnly == nil && len(types) > 0 {
		parentOnly = Ptr(false)
	}
	q.boolean("matchingOnlyParentPost", parentOnly)
	q.str("sortBy", sortBy)
	q.str("options[before]", before)
	q.str("options[after]", after)
	if !updatedAt.IsZero() {
		q.str("options[updatedAt]", updatedAt.UTC().Format(time.RFC3339Nano))
	}
	return nil
}

// ListUserPosts returns an iterator over the posts of a user's feed (and, with FeedSources,
// the user's posts in communities), fetching pages as it goes. GET /api/v4/user-feeds/{userId}.
func (s *FeedsService) ListUserPosts(ctx context.Context, userID string, params *ListUserPostsParams, opts ...CallOption) iter.Seq2[Post, error] {
	return listAll(ctx, params, opts, pageOn(userID, s.ListUserPostsPage))
}

// ListUserPostsPages returns an iterator over the pages of ListUserPosts, each with
// everything its posts refer to. GET /api/v4/user-feeds/{userId}.
func (s *FeedsService) ListUserPostsPages(ctx context.Context, userID string, params *ListUserPostsParams, opts ...CallOption) iter.Seq2[*PostPayload, error] {
	return pages(ctx, params, opts, pageOn(userID, s.ListUserPostsPage))
}

// ListUserPostsPage returns one page of the posts of a user's feed, newest first by default,
// with everything they refer to and the cursors. GET /api/v4/user-feeds/{userId}, the v4
// user feed: unlike ListUserPage (v3) it answers the bare post bundle and can include the
// user's community posts (FeedSources).
func (s *FeedsService) ListUserPostsPage(ctx context.Context, userID string, params *ListUserPostsParams, opts ...CallOption) (*PostPayload, error) {
	const op = "Feeds.ListUserPostsPage"
	path, err := pathf(op, "/api/v4/user-feeds/%s", id("userID", userID))
	if err != nil {
		return nil, err
	}
	return listPage[PostPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, params)
}
