package amity_test

import (
	"context"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	created := amity.Time{Time: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}
	fullList := func() *amity.ListCommentsParams {
		return &amity.ListCommentsParams{
			PageParams:  amity.PageParams{Limit: 50, PageToken: "tok"},
			ReferenceID: "p1", ReferenceType: amity.CommentOnPost,
			FilterByParentID: amity.Ptr(true), ParentID: "c0",
			HasFlag: amity.Ptr(true), IsDeleted: amity.Ptr(false), SortBy: amity.PostSortFirstCreated,
			Type: amity.CommentListPagination, Skip: 10, First: 5, Last: 5, After: 3, Before: 9,
			DataTypes: &amity.CommentDataTypesFilter{Values: []amity.CommentDataType{amity.CommentDataTypeText, amity.CommentDataTypeImage},
				MatchType: amity.CommentMatchAny},
		}
	}
	registerConformance(
		conformanceCase{Method: "Comments.ListPage", Op: "GET /api/v3/comments",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Comments.ListPage(ctx, nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error { return errOf(c.Comments.ListPage(ctx, fullList())) }},
		conformanceCase{Method: "Comments.List", Op: "GET /api/v3/comments",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Comments.List(ctx, nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Comments.List(ctx, fullList())))
			}},
		conformanceCase{Method: "Comments.ListPages", Op: "GET /api/v3/comments",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Comments.ListPages(ctx, nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Comments.ListPages(ctx, fullList())))
			}},
		conformanceCase{Method: "Comments.Create", Op: "POST /api/v3/comments", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Comments.Create(ctx, &amity.CreateCommentParams{ReferenceID: "p1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Comments.Create(ctx, &amity.CreateCommentParams{
					ReferenceID: "p1", ReferenceType: amity.CommentOnPost,
					Data:     &amity.CommentDataParams{Text: "nice"},
					Metadata: map[string]any{"k": "v"}, CommentID: "cm1", ParentID: "cm0",
					Mentionees:  []amity.Mentionee{{Type: amity.MentionTypeUser, UserIDs: []string{"bob"}}},
					CreatedAt:   &created,
					Attachments: []amity.CommentAttachment{{Type: amity.CommentAttachmentImage, FileID: "f1"}, {Type: amity.CommentAttachmentVideo, FileID: "f2"}},
				})
				return err
			}},
		conformanceCase{Method: "Comments.GetMany", Op: "GET /api/v3/comments/list",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Comments.GetMany(ctx, &amity.GetManyCommentsParams{CommentIDs: []string{"cm1", "cm2"}}))
			}},
		conformanceCase{Method: "Comments.Get", Op: "GET /api/v3/comments/{commentId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Comments.Get(ctx, "cm1")) }},
		conformanceCase{Method: "Comments.Update", Op: "PUT /api/v3/comments/{commentId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Comments.Update(ctx, "cm1", &amity.UpdateCommentParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Comments.Update(ctx, "cm1", &amity.UpdateCommentParams{
					Data:         &amity.UpdateCommentData{Text: amity.Ptr("edited")},
					Metadata:     map[string]any{"k": "v"},
					Mentionees:   []amity.Mentionee{{Type: amity.MentionTypeUser, UserIDs: []string{"bob"}}},
					Attachments:  []amity.CommentAttachment{{Type: amity.CommentAttachmentVideo, FileID: "f1"}},
					EditReason:   "typo",
					KeepEditTime: amity.Ptr(true),
				})
				return err
			}},
		conformanceCase{Method: "Comments.Delete", Op: "DELETE /api/v4/comments/{commentId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Comments.Delete(ctx, "cm1", nil) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Comments.Delete(ctx, "cm1", &amity.DeleteCommentParams{Permanent: amity.Ptr(true)})
			}},
		conformanceCase{Method: "Comments.V3.Delete", Op: "DELETE /api/v3/comments/{commentId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Comments.V3.Delete(ctx, "cm1")
			}},
		conformanceCase{Method: "Comments.Flag", Op: "POST /api/v3/comments/{commentId}/flag", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Comments.Flag(ctx, "cm1", nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Comments.Flag(ctx, "cm1", &amity.FlagCommentParams{Reason: amity.FlagReasonFalseInformation, Detail: "not true"}))
			}},
		conformanceCase{Method: "Comments.Unflag", Op: "DELETE /api/v3/comments/{commentId}/unflag", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Comments.Unflag(ctx, "cm1")) }},
		conformanceCase{Method: "Comments.ClearFlags", Op: "DELETE /api/v3/comments/{commentId}/flags",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Comments.ClearFlags(ctx, "cm1")) }},
		conformanceCase{Method: "Comments.IsFlaggedByMe", Op: "GET /api/v3/comments/{commentId}/isflagbyme", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Comments.IsFlaggedByMe(ctx, "cm1")) }},
	)
}
