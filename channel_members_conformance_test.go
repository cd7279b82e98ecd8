package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Channels.ListMembersPage", Op: "GET /api/v4/channels/{channelId}/users",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.ListMembersPage(ctx, "ch1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.ListMembersPage(ctx, "ch1", &amity.ListChannelMembersParams{PageParams: amity.PageParams{Limit: 10, PageToken: "tok"},
					Roles: []string{"moderator"}, Memberships: []amity.ChannelMembership{amity.ChannelMembershipBanned, amity.ChannelMembershipMuted},
					Search: "al", SearchBy: []amity.UserSearchField{amity.UserSearchDisplayName}, SortBy: amity.ChannelMemberSortFirstCreated,
					IsDeleted: amity.Ptr(false), IsBrand: amity.Ptr(true)}))
			}},
		conformanceCase{Method: "Channels.V3.ListMembersPage", Op: "GET /api/v3/channels/{channelId}/users",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.V3.ListMembersPage(ctx, "ch1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.V3.ListMembersPage(ctx, "ch1", &amity.V3ListChannelMembersParams{PageParams: amity.PageParams{Limit: 10, PageToken: "tok"},
					Roles: []string{"moderator"}, Filter: amity.V3ChannelMemberFilterMemberAndBanned, SortBy: amity.ChannelMemberSortDisplayName,
					IsDeleted: amity.Ptr(true)}))
			}},
		conformanceCase{Method: "Channels.AddMembers", Op: "POST /api/v3/channels/{channelId}/users",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.AddMembers(ctx, "ch1", &amity.ChannelMembersParams{UserIDs: []string{"u1", "u2"}}))
			}},
		conformanceCase{Method: "Channels.RemoveMembers", Op: "DELETE /api/v3/channels/{channelId}/users",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.RemoveMembers(ctx, "ch1", &amity.ChannelMembersParams{UserIDs: []string{"u1", "u2"}}))
			}},
		conformanceCase{Method: "Channels.BanMembers", Op: "PUT /api/v3/channels/{channelId}/users/ban",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.BanMembers(ctx, "ch1", &amity.ChannelMembersParams{UserIDs: []string{"spammer"}}))
			}},
		conformanceCase{Method: "Channels.UnbanMembers", Op: "PUT /api/v3/channels/{channelId}/users/unban",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.UnbanMembers(ctx, "ch1", &amity.ChannelMembersParams{UserIDs: []string{"spammer"}}))
			}},
		conformanceCase{Method: "Channels.AddRole", Op: "POST /api/v3/channels/{channelId}/users/roles",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.AddRole(ctx, "ch1", &amity.ChannelRoleParams{Role: "moderator", UserIDs: []string{"u1"}}))
			}},
		conformanceCase{Method: "Channels.RemoveRole", Op: "DELETE /api/v3/channels/{channelId}/users/roles",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Channels.RemoveRole(ctx, "ch1", &amity.ChannelRoleParams{Role: "moderator", UserIDs: []string{"u1"}}))
			}},
		conformanceCase{Method: "Channels.MuteMembers", Op: "PUT /api/v2/channel/{channelId}/users/mute",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Channels.MuteMembers(ctx, "ch1", &amity.MuteChannelMembersParams{UserIDs: []string{"u1"}, Period: amity.ChannelMuteForever})
			}},
		conformanceCase{Method: "Channels.UnmuteMembers", Op: "PUT /api/v2/channel/{channelId}/users/mute",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Channels.UnmuteMembers(ctx, "ch1", &amity.ChannelMembersParams{UserIDs: []string{"u1"}})
			}},
	)
}
