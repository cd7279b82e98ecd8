package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	users := []string{"u1", "u2"}
	registerConformance(
		conformanceCase{Method: "Communities.ListMembersPage", Op: "GET /api/v3/communities/{communityId}/users",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.ListMembersPage(ctx, "c1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.ListMembersPage(ctx, "c1", &amity.ListCommunityMembersParams{PageParams: amity.PageParams{Limit: 100, PageToken: "tok"},
					Memberships: []amity.CommunityMembership{amity.CommunityMembershipMember, amity.CommunityMembershipBanned},
					Roles:       []string{"community-moderator"}, Search: "al", SortBy: amity.CommunitySortLastJoin,
					SearchBy: []amity.UserSearchField{amity.UserSearchProfileHandle, amity.UserSearchUserID},
					IDType:   amity.CommunityIDInternal, IsDeleted: amity.Ptr(false)}))
			}},
		iteratorCase("Communities.ListMembers", "GET /api/v3/communities/{communityId}/users", false, "c1", nil),
		iteratorCase("Communities.ListMembersPages", "GET /api/v3/communities/{communityId}/users", false, "c1", nil),
		conformanceCase{Method: "Communities.AddMembers", Op: "POST /api/v3/communities/{communityId}/users",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.AddMembers(ctx, "c1", &amity.CommunityMembersParams{UserIDs: users}))
			}},
		conformanceCase{Method: "Communities.RemoveMembers", Op: "DELETE /api/v3/communities/{communityId}/users",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.RemoveMembers(ctx, "c1", &amity.CommunityMembersParams{UserIDs: users}))
			}},
		conformanceCase{Method: "Communities.BanMembers", Op: "PUT /api/v3/communities/{communityId}/users/ban",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.BanMembers(ctx, "c1", &amity.CommunityMembersParams{UserIDs: users}))
			}},
		conformanceCase{Method: "Communities.UnbanMembers", Op: "PUT /api/v3/communities/{communityId}/users/unban",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.UnbanMembers(ctx, "c1", &amity.CommunityMembersParams{UserIDs: users}))
			}},
		conformanceCase{Method: "Communities.AddRoles", Op: "POST /api/v4/communities/{communityId}/users/roles",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.AddRoles(ctx, "c1", &amity.CommunityRolesParams{UserIDs: users, Roles: []string{"community-moderator", "editor"}}))
			}},
		conformanceCase{Method: "Communities.RemoveRoles", Op: "DELETE /api/v4/communities/{communityId}/users/roles",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.RemoveRoles(ctx, "c1", &amity.CommunityRolesParams{UserIDs: users, Roles: []string{"community-moderator", "editor"}}))
			}},
		conformanceCase{Method: "Communities.V3.AddRole", Op: "POST /api/v3/communities/{communityId}/users/roles",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.V3.AddRole(ctx, "c1", &amity.V3CommunityRoleParams{UserIDs: users, Role: "community-moderator"}))
			}},
		conformanceCase{Method: "Communities.V3.RemoveRole", Op: "DELETE /api/v3/communities/{communityId}/users/roles",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.V3.RemoveRole(ctx, "c1", &amity.V3CommunityRoleParams{UserIDs: users, Role: "community-moderator"}))
			}},
	)
}
