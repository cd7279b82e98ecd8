package amity

// This file is the older v4 listing of posts (Posts.V4); Posts.List is the current (v5) one.

import (
	"context"
	"iter"
	"net/http"
)

// PostsV4Service holds the older v4 listing of posts, which Posts.List (GET /api/v5/posts)
// replaces. Reach it as Client.Posts.V4.
type PostsV4Service struct{ c *Client }

// V4ListPostsParams filters and pages Posts.V4.List (GET /api/v4/posts): the fields of
// ListPostsParams, with at most 5 DataTypes and without clip (the v4 listing's data types are
// video, image, file, liveStream and poll).
type V4ListPostsParams ListPostsParams

func (p *V4ListPostsParams) query(op string) (query, error) {
	return (*ListPostsParams)(orZero(p)).build(op, 5)
}

// List returns an iterator over the posts of a feed matching params with the v4 API, fetching
// pages as it goes. GET /api/v4/posts.
func (s *PostsV4Service) List(ctx context.Context, params *V4ListPostsParams, opts ...CallOption) iter.Seq2[Post, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of List, each with everything its posts refer
// to. GET /api/v4/posts.
func (s *PostsV4Service) ListPages(ctx context.Context, params *V4ListPostsParams, opts ...CallOption) iter.Seq2[*PostPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of posts with everything they refer to, and its cursors, with the
// v4 API. GET /api/v4/posts.
func (s *PostsV4Service) ListPage(ctx context.Context, params *V4ListPostsParams, opts ...CallOption) (*PostPayload, error) {
	const op = "Posts.V4.ListPage"
	return listPage[PostPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v4/posts", opts: opts}, params)
}
