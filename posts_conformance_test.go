package amity_test

import (
	"context"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	created := amity.Time{Time: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}
	registerConformance(
		conformanceCase{Method: "Posts.Create", Op: "POST /api/v4/posts", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.Create(ctx, &amity.CreatePostParams{Data: &amity.CreatePostData{Text: "hello"}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Posts.Create(ctx, &amity.CreatePostParams{
					PostID: "post-1",
					Data: &amity.CreatePostData{Text: "hello #go", StreamID: "s1", PollID: "p1",
						Title: "Launch", FileID: "f0", RoomID: "r1"},
					Attachments: []amity.PostAttachment{
						{FileID: "f1", Type: amity.PostAttachmentImage},
						{FileID: "f2", Type: amity.PostAttachmentVideo, DisplayMode: amity.Ptr("fill"), IsMuted: amity.Ptr(true)},
					},
					DataType:   amity.PostDataTypeText,
					TargetType: amity.PostTargetCommunity, TargetID: "c1",
					Metadata:   map[string]any{"source": "import"},
					Tags:       []string{"news", "go"},
					Mentionees: []amity.Mentionee{{Type: amity.MentionTypeUser, UserIDs: []string{"bob"}}},
					CreatedAt:  &created,
					Hashtags:   []string{"go"},
					Links: []amity.PostLink{{URL: "https://go.dev", Index: amity.Ptr(0), Length: amity.Ptr(14), RenderPreview: amity.Ptr(true),
						Domain: amity.Ptr("go.dev"), Title: amity.Ptr("Go"), ImageURL: amity.Ptr("https://go.dev/logo.png")}},
					IsDiscoverable: amity.Ptr(true),
					EventID:        "e1",
				})
				return err
			}},
		conformanceCase{Method: "Posts.Get", Op: "GET /api/v3/posts/{postId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.Get(ctx, "p1", nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.Get(ctx, "p1", &amity.GetPostParams{PostType: amity.PostKindStory, IgnoreBlockList: amity.Ptr(true),
					IncludeModerationDetails: amity.Ptr(true)}))
			}},
		conformanceCase{Method: "Posts.GetMany", Op: "GET /api/v3/posts/list",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.GetMany(ctx, &amity.GetManyPostsParams{PostIDs: []string{"p1", "p2"}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.GetMany(ctx, &amity.GetManyPostsParams{PostIDs: []string{"p1", "p2"}, IgnoreBlockList: amity.Ptr(true),
					IncludeModerationDetails: amity.Ptr(false)}))
			}},
		conformanceCase{Method: "Posts.ListPage", Op: "GET /api/v5/posts",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.ListPage(ctx, &amity.ListPostsParams{TargetType: amity.PostTargetUser}))
			},
			Full: func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.ListPage(ctx, postsFullList())) }},
		conformanceCase{Method: "Posts.List", Op: "GET /api/v5/posts",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Posts.List(ctx, &amity.ListPostsParams{TargetType: amity.PostTargetUser})))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Posts.List(ctx, postsFullList())))
			}},
		conformanceCase{Method: "Posts.ListPages", Op: "GET /api/v5/posts",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Posts.ListPages(ctx, &amity.ListPostsParams{TargetType: amity.PostTargetUser})))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Posts.ListPages(ctx, postsFullList())))
			}},
		conformanceCase{Method: "Posts.V4.ListPage", Op: "GET /api/v4/posts",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.V4.ListPage(ctx, &amity.V4ListPostsParams{TargetType: amity.PostTargetUser}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.V4.ListPage(ctx, postsFullListV4()))
			}},
		conformanceCase{Method: "Posts.V4.List", Op: "GET /api/v4/posts",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Posts.V4.List(ctx, &amity.V4ListPostsParams{TargetType: amity.PostTargetUser})))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Posts.V4.List(ctx, postsFullListV4())))
			}},
		conformanceCase{Method: "Posts.V4.ListPages", Op: "GET /api/v4/posts",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Posts.V4.ListPages(ctx, &amity.V4ListPostsParams{TargetType: amity.PostTargetUser})))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Posts.V4.ListPages(ctx, postsFullListV4())))
			}},
		conformanceCase{Method: "Posts.Update", Op: "PUT /api/v4/posts/{postId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.Update(ctx, "p1", &amity.UpdatePostParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Posts.Update(ctx, "p1", &amity.UpdatePostParams{
					Text: amity.Ptr("edited"),
					Data: &amity.UpdatePostData{Title: amity.Ptr("Launch"), Text: amity.Ptr("edited"), FileID: amity.Ptr("f1"), StreamID: amity.Ptr("s1"),
						ThumbnailFileID: amity.Ptr("f2")},
					Metadata:    map[string]any{"k": "v"},
					Tags:        []string{"a", "b"},
					Mentionees:  []amity.Mentionee{{Type: amity.MentionTypeUser, UserIDs: []string{"bob"}}},
					Attachments: []amity.PostAttachment{{FileID: "f1", Type: amity.PostAttachmentFile}},
					Hashtags:    []string{"go", "release"},
					Links: []amity.PostLink{{URL: "https://go.dev", Index: amity.Ptr(0), Length: amity.Ptr(14), RenderPreview: amity.Ptr(false),
						Domain: amity.Ptr("go.dev"), Title: amity.Ptr("Go"), ImageURL: amity.Ptr("https://go.dev/logo.png")}},
					Reason:       "typo",
					KeepEditTime: amity.Ptr(true),
				})
				return err
			}},
		conformanceCase{Method: "Posts.Delete", Op: "DELETE /api/v4/posts/{postId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Posts.Delete(ctx, "p1", nil) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Posts.Delete(ctx, "p1", &amity.DeletePostParams{Permanent: amity.Ptr(true)})
			}},
		conformanceCase{Method: "Posts.Approve", Op: "POST /api/v3/posts/{postId}/approve",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.Approve(ctx, "p1")) }},
		conformanceCase{Method: "Posts.Decline", Op: "POST /api/v3/posts/{postId}/decline",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.Decline(ctx, "p1")) }},
		conformanceCase{Method: "Posts.Flag", Op: "POST /api/v3/posts/{postId}/flag", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.Flag(ctx, "p1", nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.Flag(ctx, "p1", &amity.FlagPostParams{Reason: amity.FlagReasonOthers, Detail: "looks like spam"}))
			}},
		conformanceCase{Method: "Posts.Unflag", Op: "DELETE /api/v3/posts/{postId}/unflag", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.Unflag(ctx, "p1")) }},
		conformanceCase{Method: "Posts.ClearFlags", Op: "DELETE /api/v3/posts/{postId}/flags",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.ClearFlags(ctx, "p1")) }},
		conformanceCase{Method: "Posts.IsFlaggedByMe", Op: "GET /api/v3/posts/{postId}/isflagbyme", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.IsFlaggedByMe(ctx, "p1")) }},
	)
}

func postsFullList() *amity.ListPostsParams {
	return &amity.ListPostsParams{
		PageParams: amity.PageParams{Limit: 50, PageToken: "tok"},
		TargetID:   "c1", TargetType: amity.PostTargetCommunity, SortBy: amity.PostSortLastUpdated,
		HasFlag: amity.Ptr(true), IsDeleted: amity.Ptr(false),
		Before: "65a0c0ffee", After: "659fc0ffee", UpdatedAt: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC),
		FeedType:               amity.FeedTypeReviewing,
		DataTypes:              []amity.PostDataType{amity.PostDataTypeImage, amity.PostDataTypePoll, amity.PostDataTypeClip},
		Tags:                   []string{"news"},
		MatchingOnlyParentPost: amity.Ptr(false),
	}
}

// postsFullListV4 is postsFullList for the v4 listing, whose data types have no clip.
func postsFullListV4() *amity.V4ListPostsParams {
	p := amity.V4ListPostsParams(*postsFullList())
	p.FeedType = amity.FeedTypeDeclined
	p.DataTypes = []amity.PostDataType{amity.PostDataTypeImage, amity.PostDataTypePoll, amity.PostDataTypeLiveStream}
	return &p
}

func postsFullListV3() *amity.V3ListPostsParams {
	return &amity.V3ListPostsParams{
		PageParams: amity.PageParams{Limit: 50, PageToken: "tok"},
		TargetType: amity.PostTargetCommunity, TargetID: "c1", SortBy: amity.PostSortFirstCreated,
		DataType: "com.example.birthday", HasFlag: amity.Ptr(true), IsDeleted: amity.Ptr(false), FeedType: amity.FeedTypePublished,
		// DataTypes is left out: the spec types its items as a oneOf of two string schemas,
		// which every value matches, so the validator rejects any value (a spec fault).
		Tags:                   []string{"news"},
		MatchingOnlyParentPost: amity.Ptr(false),
	}
}
