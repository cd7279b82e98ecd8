package amity_test

import (
	"context"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	at := time.Date(2030, 1, 2, 9, 0, 0, 0, time.UTC)
	fullPost := func() *amity.CreatePostParams {
		return &amity.CreatePostParams{PostID: "launch-post", Data: &amity.CreatePostData{Text: "We launch today", Title: "Launch"},
			Attachments: []amity.PostAttachment{{FileID: "f1", Type: amity.PostAttachmentImage}},
			DataType:    amity.PostDataTypeImage, TargetType: amity.PostTargetCommunity, TargetID: "c1",
			Metadata: map[string]any{"campaign": "q1"}, Tags: []string{"launch"}, Hashtags: []string{"launch"},
			Mentionees:     []amity.Mentionee{{Type: amity.MentionTypeUser, UserIDs: []string{"u2"}}},
			Links:          []amity.PostLink{{URL: "https://example.com", Index: amity.Ptr(0), Length: amity.Ptr(19), RenderPreview: amity.Ptr(true)}},
			IsDiscoverable: amity.Ptr(true), EventID: "65a0c0ffee0123456789abcd",
			CreatedAt: &amity.Time{Time: at}}
	}
	listFull := func() *amity.ListScheduledPostsParams {
		return &amity.ListScheduledPostsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}, NotPostedOnly: amity.Ptr(true),
			SortBy: amity.PostSortFirstUpdated, Before: "65a0c0ffee", After: "659fc0ffee", UpdatedAt: at}
	}
	registerConformance(
		conformanceCase{Method: "ScheduledPosts.Create", Op: "POST /api/v1/posts/schedule",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.ScheduledPosts.Create(ctx, &amity.CreateScheduledPostParams{ScheduledAt: at,
					Post: &amity.CreatePostParams{Data: &amity.CreatePostData{Text: "later"}}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.ScheduledPosts.Create(ctx, &amity.CreateScheduledPostParams{ScheduledAt: at, Post: fullPost()}))
			}},
		conformanceCase{Method: "ScheduledPosts.ListPage", Op: "GET /api/v1/posts/schedule",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.ScheduledPosts.ListPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.ScheduledPosts.ListPage(ctx, listFull()))
			}},
		conformanceCase{Method: "ScheduledPosts.List", Op: "GET /api/v1/posts/schedule",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.ScheduledPosts.List(ctx, nil))) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.ScheduledPosts.List(ctx, listFull())))
			}},
		conformanceCase{Method: "ScheduledPosts.ListPages", Op: "GET /api/v1/posts/schedule",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.ScheduledPosts.ListPages(ctx, nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.ScheduledPosts.ListPages(ctx, listFull())))
			}},
		conformanceCase{Method: "ScheduledPosts.Update", Op: "PUT /api/v1/posts/schedule/{id}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.ScheduledPosts.Update(ctx, "sp1", &amity.UpdateScheduledPostParams{ScheduledAt: at}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.ScheduledPosts.Update(ctx, "sp1", &amity.UpdateScheduledPostParams{ScheduledAt: at, Post: fullPost()}))
			}},
		conformanceCase{Method: "ScheduledPosts.Delete", Op: "DELETE /api/v1/posts/schedule/{id}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.ScheduledPosts.Delete(ctx, "sp1") }},
	)
}
