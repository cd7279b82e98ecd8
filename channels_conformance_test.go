package amity_test

import (
	"context"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Channels.Create", Op: "POST /api/v3/channels",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.Create(ctx, &amity.CreateChannelParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.Create(ctx, &amity.CreateChannelParams{ChannelID: "support", Type: amity.ChannelTypeLive,
					DisplayName: "Support", AvatarFileID: "f1", Metadata: map[string]any{"team": "blue"}, Tags: []string{"help"},
					UserIDs: []string{"u1", "u2"}, IsMuted: amity.Ptr(false), MessageAutoDeleteEnabled: amity.Ptr(true),
					AutoDeleteMessageByFlagLimit: amity.Ptr(5), IsPublic: amity.Ptr(true), NotificationMode: amity.ChannelNotifySilent,
					VideoStreamID: "vs1", PostID: "p1"}))
			}},
		conformanceCase{Method: "Channels.CreateConversation", Op: "POST /api/v3/channels/conversation", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.CreateConversation(ctx, &amity.CreateConversationParams{UserIDs: []string{"u2"}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.CreateConversation(ctx, &amity.CreateConversationParams{UserIDs: []string{"u2", "u3"},
					IsDistinct: amity.Ptr(true), DisplayName: "Trio", AvatarFileID: "f1", Metadata: map[string]any{"k": "v"}, Tags: []string{"dm"}}))
			}},
		conformanceCase{Method: "Channels.Get", Op: "GET /api/v3/channels/{channelId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Channels.Get(ctx, "ch1")) }},
		conformanceCase{Method: "Channels.GetMany", Op: "GET /api/v3/channels/list",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.GetMany(ctx, &amity.GetManyChannelsParams{ChannelIDs: []string{"ch1", "ch2"}}))
			}},
		conformanceCase{Method: "Channels.ListPage", Op: "GET /api/v3/channels",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Channels.ListPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.ListPage(ctx, &amity.ListChannelsParams{PageParams: amity.PageParams{Limit: 50, PageToken: "tok"},
					Keyword: "sup", IsDeleted: amity.Ptr(false), Tags: []string{"a", "b"}, ExcludeTags: []string{"c"},
					Filter: amity.ChannelFilterMember, Types: []amity.ChannelType{amity.ChannelTypeCommunity, amity.ChannelTypeLive},
					UserID: "u1", SortBy: amity.ChannelSortDisplayName, ExcludeArchives: amity.Ptr(true)}))
			}},
		conformanceCase{Method: "Channels.SearchPage", Op: "GET /api/v2/search/channels",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.SearchPage(ctx, &amity.SearchChannelsParams{Query: "sup"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.SearchPage(ctx, &amity.SearchChannelsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
					Query: "sup", ExactMatch: amity.Ptr(true), IsMemberOnly: amity.Ptr(false),
					Types: []amity.ChannelType{amity.ChannelTypeConversation, amity.ChannelTypeBroadcast}, Tags: []string{"help"},
					SortBy: amity.ChannelSearchSortLastActivity, OrderBy: amity.ChannelSearchAsc}))
			}},
		conformanceCase{Method: "Channels.Update", Op: "PUT /api/v3/channels/{channelId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.Update(ctx, "ch1", &amity.UpdateChannelParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.Update(ctx, "ch1", &amity.UpdateChannelParams{DisplayName: amity.Ptr("Support"), AvatarFileID: amity.Ptr("f2"),
					Metadata: map[string]any{"x": 1}, Tags: []string{"t"}, MessageAutoDeleteEnabled: amity.Ptr(true),
					AutoDeleteMessageByFlagLimit: amity.Ptr(3), NotificationMode: amity.ChannelNotifySubscribe}))
			}},
		conformanceCase{Method: "Channels.Delete", Op: "DELETE /api/v3/channels/{channelId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Channels.Delete(ctx, "ch1") }},
		conformanceCase{Method: "Channels.Join", Op: "POST /api/v3/channels/{channelId}/join", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Channels.Join(ctx, "ch1")) }},
		conformanceCase{Method: "Channels.Leave", Op: "DELETE /api/v3/channels/{channelId}/leave", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Channels.Leave(ctx, "ch1")) }},
		conformanceCase{Method: "Channels.MarkSeen", Op: "POST /api/v3/channels/{channelId}/seen", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Channels.MarkSeen(ctx, "ch1", &amity.MarkSeenParams{ReadToSegment: 42})
			}},
		conformanceCase{Method: "Channels.Mute", Op: "PUT /api/v2/channel/{channelId}/mute",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Channels.Mute(ctx, "ch1", &amity.MuteChannelParams{Period: 10 * time.Minute})
			}},
		conformanceCase{Method: "Channels.Unmute", Op: "PUT /api/v2/channel/{channelId}/mute",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Channels.Unmute(ctx, "ch1") }},
		conformanceCase{Method: "Channels.Close", Op: "POST /api/v2/channels/{channelId}/close",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Channels.Close(ctx, "ch1") }},
	)
}
