package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		// v3
		conformanceCase{Method: "Messages.V3.Create", Op: "POST /api/v3/messages", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.V3.Create(ctx, &amity.V3CreateMessageParams{ChannelID: "ch1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.V3.Create(ctx, &amity.V3CreateMessageParams{ChannelID: "ch1", MessageID: "m1", Type: amity.MessageDataTypeText,
					Data: map[string]any{"text": "hi"}, FileID: "f1", ParentID: "m0", Metadata: map[string]any{"k": "v"}, Tags: []string{"t"},
					Mentionees: []amity.V3MessageMentionee{{Type: amity.MessageMentionUser, UserIDs: []string{"u2"}}, {Type: amity.MessageMentionChannel}}}))
			}},
		conformanceCase{Method: "Messages.V3.Get", Op: "GET /api/v3/messages/{messageId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Messages.V3.Get(ctx, "m1")) }},
		conformanceCase{Method: "Messages.V3.GetMany", Op: "GET /api/v3/messages/list",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.V3.GetMany(ctx, &amity.V3GetManyMessagesParams{MessageIDs: []string{"m1", "m2"}}))
			}},
		conformanceCase{Method: "Messages.V3.ListPage", Op: "GET /api/v3/messages",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.V3.ListPage(ctx, &amity.V3ListMessagesParams{ChannelID: "ch1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.V3.ListPage(ctx, &amity.V3ListMessagesParams{ChannelID: "ch1", Type: amity.MessageDataTypeText, ParentID: "m0",
					FilterByParentID: amity.Ptr(true), HasFlags: amity.Ptr(true), IsDeleted: amity.Ptr(false), Tags: []string{"a"},
					ExcludeTags: []string{"b"}, First: 0, Last: 20, After: 0, Before: 100}))
			}},
		conformanceCase{Method: "Messages.V3.Update", Op: "PUT /api/v3/messages/{messageId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.V3.Update(ctx, "m1", &amity.V3UpdateMessageParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.V3.Update(ctx, "m1", &amity.V3UpdateMessageParams{Data: map[string]any{"text": "edited"},
					Metadata: map[string]any{"k": "v"}, Tags: []string{"t"},
					Mentionees: []amity.V3MessageMentionee{{Type: amity.MessageMentionUser, UserIDs: []string{"u2"}}}}))
			}},
		conformanceCase{Method: "Messages.V3.Delete", Op: "DELETE /api/v3/messages/{messageId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Messages.V3.Delete(ctx, "m1") }},
		conformanceCase{Method: "Messages.V3.Flag", Op: "POST /api/v3/messages/{messageId}/flag", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Messages.V3.Flag(ctx, "m1")) }},
		conformanceCase{Method: "Messages.V3.Unflag", Op: "DELETE /api/v3/messages/{messageId}/unflag", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Messages.V3.Unflag(ctx, "m1")) }},
		conformanceCase{Method: "Messages.V3.ClearFlags", Op: "DELETE /api/v3/messages/{messageId}/clearFlags",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Messages.V3.ClearFlags(ctx, "m1")) }},
		conformanceCase{Method: "Messages.V3.IsFlaggedByMe", Op: "GET /api/v3/messages/{messageId}/isFlaggedByMe", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Messages.V3.IsFlaggedByMe(ctx, "m1")) }},
	)
}
