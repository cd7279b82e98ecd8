package amity

// This file is the keyword-less post search of the Posts service: GET /api/v1/search/posts,
// posts filtered by hashtags, tags, target and kind. (Search by meaning is Client.Search.)

import (
	"context"
	"iter"
	"net/http"
	"regexp"
	"time"
)

// PostCheckStatus is where a post stands in a moderator's review (the checkStatus filter of
// Posts.Search). A status the SDK does not know is sent as given.
type PostCheckStatus string

// Post check states.
const (
	PostCheckToCheck        PostCheckStatus = "to-check"
	PostCheckFollowUpNeeded PostCheckStatus = "follow-up-needed"
	PostCheckChecked        PostCheckStatus = "checked"
)

// SearchPostsByTagsParams filters and pages Posts.Search: the posts of one kind of target
// (TargetType is required) carrying hashtags or tags, of some data types, in a feed. Every
// filter is optional but TargetType.
type SearchPostsByTagsParams struct {
	PageParams
	// TargetType (required) is community, user or content.
	TargetType PostTargetType
	// TargetID limits the search to one community, user or content (at most 900
	// characters); empty searches every target of TargetType.
	TargetID string
	// Hashtags keeps posts with one of these hashtags (at most 30, each 1 to 100 letters,
	// digits or underscores, matched without regard to case). Hashtags are the keywords of
	// a post's text; Tags are the labels a post is filed under.
	Hashtags []string
	// Tags keeps posts with one of these tags (at most 5, each at most 24 characters).
	Tags []string
	// DataTypes keeps posts with a child post of these kinds: video, image, file,
	// liveStream, poll or clip (at most 6).
	DataTypes []FeedDataType
	// MatchingOnlyParentPost: true matches parent posts only, false child posts too. Nil
	// sends false when DataTypes is set (the kinds are those of child posts) and nothing
	// otherwise (the server's default, true), as the API's clients do.
	MatchingOnlyParentPost *bool
	// FeedType keeps the posts of one feed: published, reviewing or declined.
	FeedType FeedType
	// SortBy is lastCreated (the default), firstCreated, lastUpdated or firstUpdated.
	SortBy PostSortBy
	// HasFlag keeps flagged posts (true) or unflagged ones (false); nil keeps both.
	HasFlag *bool
	// IsDeleted keeps deleted posts (true) or live ones (false); nil keeps both.
	IsDeleted *bool
	// CheckStatus keeps the posts in one review state (moderators).
	CheckStatus PostCheckStatus
	// IncludeModerationDetails adds the posts' flags, AI moderation and check notes to the
	// answer (moderators; the server's default is false).
	IncludeModerationDetails *bool
	// Before and After (post IDs, at most 24 characters) start the page at a post.
	Before, After string
	// UpdatedAt starts the page at a time, for the Updated orders (zero: unset).
	UpdatedAt time.Time
}

// postsHashtag is the form of a hashtag the API accepts: letters, digits and underscores.
var postsHashtag = regexp.MustCompile(`^[\p{L}\p{N}_]+$`)

// postsCheckHashtagFilter checks a hashtag filter: the hashtags of a post (postsCheckHashtags),
// each of letters, digits or underscores only.
func postsCheckHashtagFilter(op string, hashtags []string) error {
	if err := postsCheckHashtags(op, hashtags); err != nil {
		return err
	}
	for _, h := range hashtags {
		if !postsHashtag.MatchString(h) {
			return &ValidationError{Op: op, Field: "Hashtags[]", Reason: "must be letters, digits and underscores only"}
		}
	}
	return nil
}

func (p *SearchPostsByTagsParams) query(op string) (query, error) {
	if err := notNil(op, "params", p); err != nil {
		return nil, err
	}
	q, err := p.PageParams.optionsQuery(op, 1000)
	if err != nil {
		return nil, err
	}
	if err := firstErr(
		required(op, "TargetType", string(p.TargetType)),
		maxLen(op, "TargetID", p.TargetID, postsMaxIDLen),
		postsCheckHashtagFilter(op, p.Hashtags),
		postsCheckTags(op, p.Tags),
		feedQuery(op, q, p.DataTypes, p.MatchingOnlyParentPost, string(p.SortBy), p.Before, p.After, p.UpdatedAt),
	); err != nil {
		return nil, err
	}
	q.str("targetType", string(p.TargetType))
	q.str("targetId", p.TargetID)
	q.list("hashtags", p.Hashtags)
	q.list("tags", p.Tags)
	q.str("feedType", string(p.FeedType))
	q.boolean("hasFlag", p.HasFlag)
	q.boolean("isDeleted", p.IsDeleted)
	q.str("checkStatus", string(p.CheckStatus))
	q.boolean("includeModerationDetails", p.IncludeModerationDetails)
	return q, nil
}

// Search returns an iterator over the posts matching params (by hashtags, tags, target,
// kind), fetching pages as it goes. GET /api/v1/search/posts.
func (s *PostsService) Search(ctx context.Context, params *SearchPostsByTagsParams, opts ...CallOption) iter.Seq2[Post, error] {
	return listAll(ctx, params, opts, s.SearchPage)
}

// SearchPages returns an iterator over the pages of Search, each with everything its posts
// refer to. GET /api/v1/search/posts.
func (s *PostsService) SearchPages(ctx context.Context, params *SearchPostsByTagsParams, opts ...CallOption) iter.Seq2[*PostPayload, error] {
	return pages(ctx, params, opts, s.SearchPage)
}

// SearchPage returns one page of the posts matching params, newest first by default, with
// everything they refer to and the cursors. GET /api/v1/search/posts. The search matches
// hashtags and tags exactly; to search posts by the meaning of a text, use
// Client.Search.SearchPosts.
func (s *PostsService) SearchPage(ctx context.Context, params *SearchPostsByTagsParams, opts ...CallOption) (*PostPayload, error) {
	const op = "Posts.SearchPage"
	return listPage[PostPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/search/posts", opts: opts}, params)
}
