package amity

import (
	"context"
	"fmt"
	"iter"
	"net/http"
)

// SearchService searches posts and communities by meaning (semantic search), when the
// network has it enabled. Results come best match first, each with its score. Reach it as
// Client.Search. Search by words and hashtags lives with what it finds: Posts.Search,
// Messages.Search, Channels.Search and Products.Search.
type SearchService struct{ c *Client }

// SearchTargetType limits a post search to one kind of target.
type SearchTargetType string

// Post search target types.
const (
	SearchTargetCommunity SearchTargetType = "community"
	SearchTargetUser      SearchTargetType = "user"
	SearchTargetContent   SearchTargetType = "content"
)

// SearchDataType keeps child posts of a kind in a post search.
type SearchDataType string

// Post search data types.
const (
	SearchDataText  SearchDataType = "text"
	SearchDataImage SearchDataType = "image"
)

// SearchMembership filters a community search by the caller's membership.
type SearchMembership string

// Community search filters.
const (
	SearchAllCommunities SearchMembership = "all"
	SearchMember         SearchMembership = "member"
	SearchNotMember      SearchMembership = "notMember"
)

// PostSearchResult is one match of a post search.
type PostSearchResult struct {
	// PostID is the matching post.
	PostID string `json:"postId"`
	// Score is how well it matches the query (higher is better).
	Score float64 `json:"score"`
}

// CommunitySearchResult is one match of a community search.
type CommunitySearchResult struct {
	// CommunityID is the matching community.
	CommunityID string `json:"communityId"`
	// Score is how well it matches the query (higher is better).
	Score float64 `json:"score"`
}

// PostSearchPayload is the answer of a post search: the matches, best first, and the post
// bundle of the matching posts (its fields and lookups are promoted from PostPayload).
type PostSearchPayload struct {
	rawJSON
	SearchResults []PostSearchResult `json:"searchResults"`
	PostPayload
}

// ScoreByID returns the score of the given post, and whether it is among the matches.
func (p *PostSearchPayload) ScoreByID(postID string) (float64, bool) {
	r := byID(p.SearchResults, postID, func(r *PostSearchResult) string { return r.PostID })
	if r == nil {
		return 0, false
	}
	return r.Score, true
}

// CommunitySearchPayload is the answer of a community search: the matches, best first, and
// the community bundle of the matching communities (promoted from CommunityPayload).
type CommunitySearchPayload struct {
	rawJSON
	SearchResults []CommunitySearchResult `json:"searchResults"`
	CommunityPayload
}

// ScoreByID returns the score of the given community, and whether it is among the matches.
func (p *CommunitySearchPayload) ScoreByID(communityID string) (float64, bool) {
	r := byID(p.SearchResults, communityID, func(r *CommunitySearchResult) string { return r.CommunityID })
	if r == nil {
		return 0, false
	}
	return r.Score, true
}

// searchQuery starts the query of a semantic search: the paging and the text to match
// (required, at most 1,024 characters), checked first.
func searchQuery(op string, pp PageParams, text string) (query, error) {
	if err := firstErr(
		pp.validate(op, 1000),
		required(op, "Query", text),
		maxLen(op, "Query", text, 1024),
	); err != nil {
		return nil, err
	}
	q := query{}
	q.str("query", text)
	q.options(pp.Limit, pp.PageToken)
	return q, nil
}

// checkSearchTags checks the tags of a semantic search (at most 5 of 1 to 24 characters)
// and adds them to q.
func checkSearchTags(op string, q query, tags []string) error {
	if err := maxItems(op, "Tags", len(tags), 5); err != nil {
		return err
	}
	for i, t := range tags {
		if err := firstErr(required(op, fmt.Sprintf("Tags[%d]", i), t), maxLen(op, fmt.Sprintf("Tags[%d]", i), t, 24)); err != nil {
			return err
		}
	}
	q.list("tags", tags)
	return nil
}

// SearchPostsParams is a post search.
type SearchPostsParams struct {
	PageParams
	// Query (required) is the text to match (at most 1,024 characters).
	Query string
	// TargetType and TargetID limit the search to one target's posts.
	TargetType SearchTargetType
	TargetID   string
	// DataTypes keeps child posts of these kinds (at most 10); it applies when
	// MatchingOnlyParentPost is false.
	DataTypes []SearchDataType
	// Tags keeps posts with one of these tags (at most 5, each at most 24 characters).
	Tags []string
	// MatchingOnlyParentPost returns parent posts only (true, the default) or child posts too.
	MatchingOnlyParentPost *bool
}

func (p *SearchPostsParams) query(op string) (query, error) {
	if err := notNil(op, "params", p); err != nil {
		return nil, err
	}
	q, err := searchQuery(op, p.PageParams, p.Query)
	if err != nil {
		return nil, err
	}
	if err := firstErr(
		maxLen(op, "TargetID", p.TargetID, 900),
		maxItems(op, "DataTypes", len(p.DataTypes), 10),
	); err != nil {
		return nil, err
	}
	q.str("targetType", string(p.TargetType))
	q.str("targetId", p.TargetID)
	for _, t := range p.DataTypes {
		if t == "" {
			return nil, &ValidationError{Op: op, Field: "DataTypes", Reason: "must not hold an empty data type"}
		}
		enums(q, "dataTypes", []SearchDataType{t})
	}
	if err := checkSearchTags(op, q, p.Tags); err != nil {
		return nil, err
	}
	q.boolean("matchingOnlyParentPost", p.MatchingOnlyParentPost)
	return q, nil
}

// SearchPosts iterates over the posts matching a query, best first, fetching pages as needed.
func (s *SearchService) SearchPosts(ctx context.Context, params *SearchPostsParams, opts ...CallOption) iter.Seq2[Post, error] {
	return listAll(ctx, params, opts, s.SearchPostsPage)
}

// SearchPostsPages iterates over the pages of Search.SearchPosts.
func (s *SearchService) SearchPostsPages(ctx context.Context, params *SearchPostsParams, opts ...CallOption) iter.Seq2[*PostSearchPayload, error] {
	return pages(ctx, params, opts, s.SearchPostsPage)
}

// SearchPostsPage returns one page of the posts matching a query, with their scores.
// GET /api/v1/semantic-search/posts.
func (s *SearchService) SearchPostsPage(ctx context.Context, params *SearchPostsParams, opts ...CallOption) (*PostSearchPayload, error) {
	const op = "Search.SearchPostsPage"
	return listPage[PostSearchPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/semantic-search/posts", opts: opts}, params)
}

// SearchCommunitiesParams is a community search.
type SearchCommunitiesParams struct {
	PageParams
	// Query (required) is the text to match (at most 1,024 characters).
	Query string
	// Filter is all (the default), member or notMember.
	Filter SearchMembership
	// Tags keeps communities with one of these tags (at most 5, each at most 24 characters).
	Tags []string
	// CategoryIDs keeps communities in these categories (at most 10, each at most 128
	// characters), sent as categoryIds[] like every list (a list in spec 4.116.1 and the
	// API's clients; 4.92.0 declared one string).
	CategoryIDs []string
	// IncludeDiscoverablePrivateCommunity, when true, includes the discoverable private
	// communities (the server's default is false).
	IncludeDiscoverablePrivateCommunity *bool
}

func (p *SearchCommunitiesParams) query(op string) (query, error) {
	if err := notNil(op, "params", p); err != nil {
		return nil, err
	}
	q, err := searchQuery(op, p.PageParams, p.Query)
	if err != nil {
		return nil, err
	}
	if err := stringList(op, "CategoryIDs", p.CategoryIDs, 10, 1, 128); err != nil {
		return nil, err
	}
	q.str("filter", string(p.Filter))
	if err := checkSearchTags(op, q, p.Tags); err != nil {
		return nil, err
	}
	q.list("categoryIds", p.CategoryIDs)
	q.boolean("includeDiscoverablePrivateCommunity", p.IncludeDiscoverablePrivateCommunity)
	return q, nil
}

// SearchCommunities iterates over the communities matching a query, best first, fetching pages
// as needed.
func (s *SearchService) SearchCommunities(ctx context.Context, params *SearchCommunitiesParams, opts ...CallOption) iter.Seq2[Community, error] {
	return listAll(ctx, params, opts, s.SearchCommunitiesPage)
}

// SearchCommunitiesPages iterates over the pages of Search.SearchCommunities.
func (s *SearchService) SearchCommunitiesPages(ctx context.Context, params *SearchCommunitiesParams, opts ...CallOption) iter.Seq2[*CommunitySearchPayload, error] {
	return pages(ctx, params, opts, s.SearchCommunitiesPage)
}

// SearchCommunitiesPage returns one page of the communities matching a query, with their scores.
// GET /api/v1/semantic-search/communities.
func (s *SearchService) SearchCommunitiesPage(ctx context.Context, params *SearchCommunitiesParams, opts ...CallOption) (*CommunitySearchPayload, error) {
	const op = "Search.SearchCommunitiesPage"
	return listPage[CommunitySearchPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/semantic-search/communities", opts: opts}, params)
}
