package amity_test

import (
	"context"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	created := amity.Time{Time: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}
	registerConformance(
		conformanceCase{Method: "Posts.V3.Create", Op: "POST /api/v3/posts", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.V3.Create(ctx, &amity.V3CreatePostParams{Data: amity.V3CreatePostData{Text: "hello"}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Posts.V3.Create(ctx, &amity.V3CreatePostParams{
					Text:     amity.Ptr("hello"),
					Data:     amity.V3CreatePostData{Title: "Hello", Text: "hello", Images: []string{"f1"}, Files: []string{"f2"}},
					DataType: amity.PostDataTypeImage, TargetType: amity.PostTargetUser, TargetID: "alice",
					Metadata: map[string]any{"k": "v"}, PostID: "post-1", Tags: []string{"a"}, CreatedAt: &created,
				})
				return err
			}},
		conformanceCase{Method: "Posts.V3.ListPage", Op: "GET /api/v3/posts",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.V3.ListPage(ctx, &amity.V3ListPostsParams{TargetType: amity.PostTargetCommunity}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.V3.ListPage(ctx, postsFullListV3()))
			}},
		conformanceCase{Method: "Posts.V3.List", Op: "GET /api/v3/posts",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Posts.V3.List(ctx, &amity.V3ListPostsParams{TargetType: amity.PostTargetCommunity})))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Posts.V3.List(ctx, postsFullListV3())))
			}},
		conformanceCase{Method: "Posts.V3.ListPages", Op: "GET /api/v3/posts",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Posts.V3.ListPages(ctx, &amity.V3ListPostsParams{TargetType: amity.PostTargetCommunity})))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Posts.V3.ListPages(ctx, postsFullListV3())))
			}},
		conformanceCase{Method: "Posts.V3.Update", Op: "PUT /api/v3/posts/{postId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.V3.Update(ctx, "p1", &amity.V3UpdatePostParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Posts.V3.Update(ctx, "p1", &amity.V3UpdatePostParams{
					Text: amity.Ptr("edited"),
					Data: &amity.UpdatePostData{Title: amity.Ptr("Hello"), Text: amity.Ptr("edited"), FileID: amity.Ptr("f1"), StreamID: amity.Ptr("s1"),
						ThumbnailFileID: amity.Ptr("f2")},
					Metadata: map[string]any{"k": "v"}, Tags: []string{"a"}, KeepEditTime: amity.Ptr(true),
				})
				return err
			}},
		conformanceCase{Method: "Posts.V3.Delete", Op: "DELETE /api/v3/posts/{postId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Posts.V3.Delete(ctx, "p1") }},
	)
}
