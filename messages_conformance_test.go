package amity_test

import (
	"context"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	createdAt := amity.Time{Time: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)}
	registerConformance(
		// v5
		conformanceCase{Method: "Messages.Create", Op: "POST /api/v5/messages", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.Create(ctx, &amity.CreateMessageParams{MessageFeedID: "ch1", ReferenceID: "ref-1", DataType: amity.MessageDataTypeText}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.Create(ctx, &amity.CreateMessageParams{MessageFeedID: "ch1", ParentID: "m0", ReferenceID: "ref-1",
					DataType: amity.MessageDataTypeImage, Data: map[string]any{"text": "look"}, FileID: "f1", Metadata: map[string]any{"k": "v"},
					Tags: []string{"t1"}, MentionedUsers: []amity.MessageMention{{Type: amity.MessageMentionUser, UserIDs: []string{"u2"}}},
					CreatedAt: &createdAt}))
			}},
		conformanceCase{Method: "Messages.Get", Op: "GET /api/v5/messages/{messageId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Messages.Get(ctx, "m1")) }},
		conformanceCase{Method: "Messages.GetMany", Op: "GET /api/v5/messages/list",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.GetMany(ctx, &amity.GetManyMessagesParams{MessageIDs: []string{"m1", "m2"}}))
			}},
		conformanceCase{Method: "Messages.ListPage", Op: "GET /api/v5/messages",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.ListPage(ctx, &amity.ListMessagesParams{MessageFeedID: "ch1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.ListPage(ctx, &amity.ListMessagesParams{PageParams: amity.PageParams{Limit: 20},
					MessageFeedID: "ch1", ParentID: "m0", IsDeleted: amity.Ptr(false), IncludeTags: []string{"a"}, ExcludeTags: []string{"b"},
					HasFlags: amity.Ptr(true), DataType: amity.MessageDataTypeText, After: "m1", Before: "m9", Around: "m5",
					SortBy: amity.MessageSortSegmentAsc}))
			}},
		conformanceCase{Method: "Messages.ListByCreatorPage", Op: "GET /api/v5/messages/user/{creatorId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.ListByCreatorPage(ctx, "u1", &amity.ListByCreatorParams{ChannelID: "ch1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.ListByCreatorPage(ctx, "u1", &amity.ListByCreatorParams{PageParams: amity.PageParams{Limit: 5},
					ChannelID: "ch1", HasFlags: amity.Ptr(true), After: "m1", Before: "m9"}))
			}},
		conformanceCase{Method: "Messages.Update", Op: "PUT /api/v5/messages/{messageId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.Update(ctx, "m1", &amity.UpdateMessageParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.Update(ctx, "m1", &amity.UpdateMessageParams{Data: map[string]any{"text": "edited"},
					Metadata: map[string]any{"k": "v"}, Tags: []string{"t"},
					MentionedUsers: []amity.MessageMention{{Type: amity.MessageMentionChannel}}}))
			}},
		conformanceCase{Method: "Messages.Delete", Op: "DELETE /api/v5/messages/{messageId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Messages.Delete(ctx, "m1", nil) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Messages.Delete(ctx, "m1", &amity.DeleteMessageParams{Permanent: amity.Ptr(true)})
			}},
		conformanceCase{Method: "Messages.Flag", Op: "POST /api/v5/messages/{messageId}/flags", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Messages.Flag(ctx, "m1")) }},
		conformanceCase{Method: "Messages.Unflag", Op: "DELETE /api/v5/messages/{messageId}/flags", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Messages.Unflag(ctx, "m1")) }},
		conformanceCase{Method: "Messages.IsFlaggedByMe", Op: "GET /api/v5/messages/{messageId}/flags", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Messages.IsFlaggedByMe(ctx, "m1")) }},
		conformanceCase{Method: "Messages.ClearFlags", Op: "DELETE /api/v5/messages/{messageId}/flags/all",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Messages.ClearFlags(ctx, "m1")) }},
	)
}
