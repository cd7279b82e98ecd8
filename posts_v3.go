package amity

// This file is the v3 post calls that have a v4 one: Posts.V3 (PostsV3Service) and its V3... types.

import (
	"context"
	"iter"
	"net/http"
)

// PostsV3Service holds the v3 variants of the post calls that have a v4 one. Reach it as
// Client.Posts.V3.
type PostsV3Service struct{ c *Client }

// V3CreatePostParams describes a post for Posts.V3.Create.
type V3CreatePostParams struct {
	// Text is the post's text.
	//
	// Deprecated: use Data.Text.
	Text *string `json:"text,omitempty"`
	// Data is the post's content; Data.Text is required.
	Data V3CreatePostData `json:"data"`
	// DataType is a system or custom (dot-separated) type.
	DataType PostDataType `json:"dataType,omitempty"`
	// TargetType is user (the default), community or content; TargetID the target's ID.
	TargetType PostTargetType `json:"targetType,omitempty"`
	TargetID   string         `json:"targetId,omitempty"`
	Metadata   map[string]any `json:"metadata,omitempty"`
	// PostID sets the new post's public ID.
	PostID string `json:"postId,omitempty"`
	// Tags: at most 5, each at most 24 characters.
	Tags      []string `json:"tags,omitempty"`
	CreatedAt *Time    `json:"createdAt,omitempty"`
}

// V3CreatePostData is the content of a v3 post: text and the IDs of image and file uploads.
type V3CreatePostData struct {
	// Title is the post's title (at most 150 characters).
	Title string `json:"title,omitempty"`
	// Text is required.
	Text string `json:"text"`
	// Images and Files are uploaded file IDs (at most 10 together).
	Images []string `json:"images,omitempty"`
	Files  []string `json:"files,omitempty"`
}

// Create creates a post with the v3 API and returns it. POST /api/v3/posts. Unlike
// Posts.Create (v4), it takes image and file IDs in Data instead of typed attachments,
// requires text, and knows no mentions, videos, live streams or polls. Not retried once it
// may have reached the server.
func (s *PostsV3Service) Create(ctx context.Context, params *V3CreatePostParams, opts ...CallOption) (*PostPayload, error) {
	const op = "Posts.V3.Create"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	checks := []error{
		required(op, "Data.Text", params.Data.Text),
		maxLen(op, "Data.Text", params.Data.Text, postsMaxText),
		maxLen(op, "Data.Title", params.Data.Title, postsMaxTitle),
		maxItems(op, "Data.Images+Data.Files", len(params.Data.Images)+len(params.Data.Files), postsMaxAttachments),
		maxLen(op, "TargetID", params.TargetID, postsMaxIDLen),
		maxLen(op, "PostID", params.PostID, postsMaxIDLen),
		postsCheckTags(op, params.Tags),
	}
	for _, id := range append(append([]string(nil), params.Data.Images...), params.Data.Files...) {
		checks = append(checks, required(op, "Data.Images/Files[]", id))
	}
	if params.TargetType == PostTargetCommunity || params.TargetType == PostTargetContent {
		checks = append(checks, required(op, "TargetID", params.TargetID))
	}
	if err := firstErr(checks...); err != nil {
		return nil, err
	}
	return postsCall(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v3/posts", body: params, opts: opts})
}

// V3ListPostsParams filters and pages Posts.V3.List (GET /api/v3/posts). TargetType is
// required; TargetID is optional.
type V3ListPostsParams struct {
	PageParams
	// TargetType is community, user, content or all (PostTargetAll: every target type).
	// Required.
	TargetType PostTargetType
	// TargetID is the feed owner (at most 900 characters); empty lists across targets of
	// TargetType.
	TargetID string
	// FeedType selects one feed: published (the server's default), reviewing or declined.
	FeedType FeedType
	// SortBy is lastCreated (the default), firstCreated, lastUpdated or firstUpdated.
	SortBy PostSortBy
	// DataType selects parent posts of one data type (at most 900 characters).
	DataType PostDataType
	// HasFlag: nil lists all posts; true only flagged posts; false only posts without flags.
	HasFlag *bool
	// IsDeleted: nil lists both; true only deleted posts; false only live ones.
	IsDeleted *bool
	// DataTypes selects child post types when MatchingOnlyParentPost is false: video,
	// image, file, liveStream or custom types (at most 10).
	DataTypes []PostDataType
	// Tags selects posts with these tags (at most 5, each at most 24 characters).
	Tags []string
	// MatchingOnlyParentPost: true (the default) lists parent posts only.
	MatchingOnlyParentPost *bool
}

func (p *V3ListPostsParams) query(op string) (query, error) {
	p = orZero(p)
	checks := []error{
		p.PageParams.validate(op, 1000),
		required(op, "TargetType", string(p.TargetType)),
		maxLen(op, "TargetID", p.TargetID, postsMaxIDLen),
		maxLen(op, "DataType", string(p.DataType), postsMaxIDLen),
		maxItems(op, "DataTypes", len(p.DataTypes), 10),
		postsCheckTags(op, p.Tags),
	}
	for _, t := range p.DataTypes {
		checks = append(checks, required(op, "DataTypes[]", string(t)))
	}
	if err := firstErr(checks...); err != nil {
		return nil, err
	}
	q := query{}
	q.str("targetType", string(p.TargetType))
	q.str("targetId", p.TargetID)
	q.str("sortBy", string(p.SortBy))
	q.str("dataType", string(p.DataType))
	q.boolean("hasFlag", p.HasFlag)
	q.boolean("isDeleted", p.IsDeleted)
	q.options(p.Limit, p.PageToken)
	enums(q, "dataTypes", p.DataTypes)
	q.list("tags", p.Tags)
	q.boolean("matchingOnlyParentPost", p.MatchingOnlyParentPost)
	q.str("feedType", string(p.FeedType))
	return q, nil
}

// List returns an iterator over posts matching params with the v3 API, fetching pages as it
// goes. GET /api/v3/posts. Unlike Posts.List (v5), it can list across every target type
// (TargetType all), filters by one parent DataType, and knows no before/after cursors.
func (s *PostsV3Service) List(ctx context.Context, params *V3ListPostsParams, opts ...CallOption) iter.Seq2[Post, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of List, each with everything its posts refer
// to. GET /api/v3/posts.
func (s *PostsV3Service) ListPages(ctx context.Context, params *V3ListPostsParams, opts ...CallOption) iter.Seq2[*PostPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of posts with the v3 API (see List), and its cursors.
// GET /api/v3/posts.
func (s *PostsV3Service) ListPage(ctx context.Context, params *V3ListPostsParams, opts ...CallOption) (*PostPayload, error) {
	const op = "Posts.V3.ListPage"
	return listPage[PostPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/posts", opts: opts}, params)
}

// V3UpdatePostParams changes a post in Posts.V3.Update. Nil fields are left as they are.
type V3UpdatePostParams struct {
	// Text is the post's text.
	//
	// Deprecated: use Data.Text.
	Text *string `json:"text,omitempty"`
	// Data changes the content.
	Data *UpdatePostData `json:"data,omitempty"`
	// Metadata replaces the metadata.
	Metadata map[string]any `json:"metadata,omitempty"`
	// Tags replaces the tags (at most 5, each at most 24 characters).
	Tags []string `json:"tags,omitempty"`
	// KeepEditTime, when true, keeps the post's editedAt as it was (sent as the
	// preserve-edited-at header; the server's default is false: editedAt moves).
	KeepEditTime *bool `json:"-"`
}

// Update changes a post with the v3 API and returns it. PUT /api/v3/posts/{postId}. Unlike
// Posts.Update (v4) it cannot change mentions or attachments. Idempotent by construction (it
// sets fields to the given values), so it is retried like a read.
func (s *PostsV3Service) Update(ctx context.Context, postID string, params *V3UpdatePostParams, opts ...CallOption) (*PostPayload, error) {
	const op = "Posts.V3.Update"
	path, err := postPath(op, "/api/v3/posts/%s", postID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		maxLenPtr(op, "Text", params.Text, postsMaxText),
		params.Data.validate(op),
		postsCheckTags(op, params.Tags),
	); err != nil {
		return nil, err
	}
	return postsCall(ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true,
		header: preserveEditedAt(params.KeepEditTime), opts: opts})
}

// Delete soft-deletes a post with the v3 API. DELETE /api/v3/posts/{postId}. Unlike
// Posts.Delete (v4) it cannot delete permanently. Idempotent by construction (deleting a
// deleted post leaves it deleted); a retried call may answer ErrNotFound. An answer of
// success: false is an *Error matching ErrUnsuccessful.
func (s *PostsV3Service) Delete(ctx context.Context, postID string, opts ...CallOption) error {
	const op = "Posts.V3.Delete"
	path, err := postPath(op, "/api/v3/posts/%s", postID)
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, idempotent: true, opts: opts}, nil)
}
