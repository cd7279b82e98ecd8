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
				return errOf(c.Messages.ListByCreatorPage(ctx, "u1", nil))
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
		// v5 message feeds
		conformanceCase{Method: "Messages.CreateFeed", Op: "POST /api/v5/message-feeds",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.CreateFeed(ctx, &amity.CreateMessageFeedParams{ChannelID: "64f0a1b2c3d4e5f6a7b8c9d0", Name: "topic"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.CreateFeed(ctx, &amity.CreateMessageFeedParams{ChannelID: "64f0a1b2c3d4e5f6a7b8c9d0", Name: "topic",
					CreatedAt: &createdAt}))
			}},
		conformanceCase{Method: "Messages.GetFeed", Op: "GET /api/v5/message-feeds/{messageFeedId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Messages.GetFeed(ctx, "mf1")) }},
		conformanceCase{Method: "Messages.GetManyFeeds", Op: "GET /api/v5/message-feeds/list",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.GetManyFeeds(ctx, &amity.GetManyFeedsParams{MessageFeedIDs: []string{"mf1", "mf2"}}))
			}},
		conformanceCase{Method: "Messages.UpdateFeed", Op: "PUT /api/v5/message-feeds/{messageFeedId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.UpdateFeed(ctx, "mf1", &amity.UpdateMessageFeedParams{Name: "renamed"}))
			}},
		conformanceCase{Method: "Messages.DeleteFeed", Op: "DELETE /api/v5/message-feeds/{messageFeedId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Messages.DeleteFeed(ctx, "mf1", nil) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Messages.DeleteFeed(ctx, "mf1", &amity.DeleteMessageFeedParams{Permanent: amity.Ptr(false)})
			}},
		conformanceCase{Method: "Messages.ListFeedsPage", Op: "GET /api/v5/message-feeds/channel/{channelId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.ListFeedsPage(ctx, "64f0a1b2c3d4e5f6a7b8c9d0", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.ListFeedsPage(ctx, "64f0a1b2c3d4e5f6a7b8c9d0", &amity.ListMessageFeedsParams{PageParams: amity.PageParams{Limit: 10},
					IsDeleted: amity.Ptr(false), After: "mf1", Before: "mf9", SortBy: amity.MessageFeedSortLastMessageAsc}))
			}},
		conformanceCase{Method: "Messages.ListFeedsByCreatorPage", Op: "GET /api/v5/message-feeds/user/{creatorId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.ListFeedsByCreatorPage(ctx, "u1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Messages.ListFeedsByCreatorPage(ctx, "u1", &amity.ListMessageFeedsParams{PageParams: amity.PageParams{Limit: 10, PageToken: "tok"},
					IsDeleted: amity.Ptr(true)}))
			}},
	)
}
