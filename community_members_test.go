package amity_test

// The members of a community: listing them, adding and removing them, bans and roles.

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCommunitiesListMembers(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "communities_members_page1.json"), fixture(t, "communities_members_page2.json")
	listing := recordPages(t, mt, "/api/v3/communities/c-hikers/users", "options[token]", "mtok-2", p1, p2)
	params := &amity.ListCommunityMembersParams{
		PageParams:  amity.PageParams{Limit: 2},
		Memberships: []amity.CommunityMembership{amity.CommunityMembershipBanned},
		Roles:       []string{"community-moderator", "editor"}, Search: "mal", SortBy: amity.CommunitySortFirstCreated,
		IDType: amity.CommunityIDPublic, IsDeleted: amity.Ptr(false),
	}
	var banned []string
	for m, err := range c.Communities.ListMembers(context.Background(), "c-hikers", params) {
		require.NoError(t, err)
		assert.Equal(t, amity.CommunityMembershipBanned, m.CommunityMembership)
		banned = append(banned, m.UserID)
	}
	assert.Equal(t, []string{"mallory", "trent", "eve"}, banned)
	require.Len(t, listing.all(), 2)
	const base = "isDeleted=false&memberships%5B%5D=banned&options%5Blimit%5D=2"
	const rest = "&roles%5B%5D=community-moderator&roles%5B%5D=editor&search=mal&sortBy=firstCreated&type=public"
	assert.Equal(t, base+rest, listing.queries()[0])
	assert.Equal(t, base+"&options%5Btoken%5D=mtok-2"+rest, listing.queries()[1])

	page, err := c.Communities.ListMembersPage(context.Background(), "c-hikers", &amity.ListCommunityMembersParams{Memberships: []amity.CommunityMembership{amity.CommunityMembershipMember, amity.CommunityMembershipBanned}})
	require.NoError(t, err)
	assert.Equal(t, "memberships%5B%5D=member&memberships%5B%5D=banned", listing.queries()[2])
	assert.Equal(t, "mtok-2", page.Paging.Next)
	require.Len(t, page.CommunityUsers, 2)
	m := page.CommunityUsers[0]
	assert.Equal(t, "Mallory", page.UserByID(m.UserID).DisplayName, "members resolve to their users")
	assert.Contains(t, string(page.Raw), `"banReason"`)
	assert.Equal(t, "Weekend Hikers", page.CommunityByID("c-hikers").DisplayName)
	assert.Len(t, page.Members(page.Community()), 2)
}

func TestCommunitiesMembership(t *testing.T) {
	users := []string{"mallory", "trent"}
	members := fixture(t, "communities_members_page1.json")
	noAPIKey := map[string]string{"X-API-Key": ""}
	banned := func(t *testing.T, out any) {
		p := out.(*amity.CommunityPayload)
		require.NotNil(t, p.Member(&amity.Community{CommunityID: "c-hikers"}, "mallory"))
		assert.True(t, p.Member(&amity.Community{CommunityID: "c-hikers"}, "mallory").IsBanned)
	}
	runShapeCases(t, []shapeCase{
		{name: "AddMembers", method: "POST", path: "/api/v3/communities/c-hikers/users", body: `{"userIds":["mallory","trent"]}`, answer: members, header: noAPIKey,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.AddMembers(ctx, "c-hikers", &amity.CommunityMembersParams{UserIDs: users})
			},
			check: banned},
		{name: "RemoveMembers", method: "DELETE", path: "/api/v3/communities/c-hikers/users", query: "userIds%5B%5D=mallory&userIds%5B%5D=trent", body: `{"communityId":"c-hikers","userIds":["mallory","trent"]}`, answer: members, header: noAPIKey,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.RemoveMembers(ctx, "c-hikers", &amity.CommunityMembersParams{UserIDs: users})
			},
			check: banned},
		{name: "BanMembers", method: "PUT", path: "/api/v3/communities/c-hikers/users/ban", body: `{"userIds":["mallory","trent"]}`, answer: members, header: noAPIKey,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.BanMembers(ctx, "c-hikers", &amity.CommunityMembersParams{UserIDs: users})
			},
			check: banned},
		{name: "UnbanMembers", method: "PUT", path: "/api/v3/communities/c-hikers/users/unban", body: `{"userIds":["mallory","trent"]}`, answer: members, header: noAPIKey,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.UnbanMembers(ctx, "c-hikers", &amity.CommunityMembersParams{UserIDs: users})
			},
			check: banned},
	})
}

func TestCommunitiesRoles(t *testing.T) {
	users := []string{"alice", "bob"}
	one := fixture(t, "communities_one.json")
	// The token is sent on every call; the API key where the spec's security is ApiKeyAuth.
	noAPIKey, withAPIKey := map[string]string{"X-API-Key": ""}, map[string]string{"X-API-Key": apiKey}
	moderator := func(t *testing.T, out any) {
		assert.Equal(t, []string{"community-moderator"}, out.(*amity.CommunityPayload).Member(&amity.Community{CommunityID: "c-hikers"}, "alice").Roles)
	}
	runShapeCases(t, []shapeCase{
		{name: "AddRoles", method: "POST", path: "/api/v4/communities/c-hikers/users/roles", body: `{"userIds":["alice","bob"],"roles":["community-moderator","editor"]}`, answer: one, header: noAPIKey,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.AddRoles(ctx, "c-hikers", &amity.CommunityRolesParams{UserIDs: users, Roles: []string{"community-moderator", "editor"}})
			},
			check: moderator},
		{name: "RemoveRoles", method: "DELETE", path: "/api/v4/communities/c-hikers/users/roles", query: "roles%5B%5D=community-moderator&roles%5B%5D=editor&userIds%5B%5D=alice&userIds%5B%5D=bob", body: `{"communityId":"c-hikers","roles":["community-moderator","editor"],"userIds":["alice","bob"]}`, answer: one, header: withAPIKey,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.RemoveRoles(ctx, "c-hikers", &amity.CommunityRolesParams{UserIDs: users, Roles: []string{"community-moderator", "editor"}})
			},
			check: moderator},
		{name: "V3.AddRole", method: "POST", path: "/api/v3/communities/c-hikers/users/roles", body: `{"userIds":["alice","bob"],"role":"community-moderator"}`, answer: one, header: withAPIKey,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.V3.AddRole(ctx, "c-hikers", &amity.V3CommunityRoleParams{UserIDs: users, Role: "community-moderator"})
			},
			check: moderator},
		{name: "V3.RemoveRole", method: "DELETE", path: "/api/v3/communities/c-hikers/users/roles", query: "role=community-moderator&userIds%5B%5D=alice&userIds%5B%5D=bob", answer: one, header: noAPIKey,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.V3.RemoveRole(ctx, "c-hikers", &amity.V3CommunityRoleParams{UserIDs: users, Role: "community-moderator"})
			},
			check: moderator},
	})
}

func TestCommunitiesListMembersPages(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v3/communities/c-hikers/users", "options[token]", "mtok-2", fixture(t, "communities_members_page1.json"), fixture(t, "communities_members_page2.json"))
	var members int
	for p, err := range c.Communities.ListMembersPages(context.Background(), "c-hikers", &amity.ListCommunityMembersParams{Search: "m"}) {
		require.NoError(t, err)
		members += len(p.CommunityUsers)
		assert.NotEmpty(t, p.Raw)
	}
	assert.Equal(t, 3, members)
	assert.Equal(t, []string{"search=m", "options%5Btoken%5D=mtok-2&search=m"}, listing.queries())

	for _, err := range c.Communities.ListMembersPages(context.Background(), "", nil) {
		assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	}
	assert.Len(t, listing.all(), 2, "a bad community ID sends nothing")
}

func TestCommunitiesMemberWriteRetries(t *testing.T) {
	ids := []string{"u1"}
	runShapeCases(t, []shapeCase{
		{name: "AddMembers", attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.AddMembers(ctx, "c1", &amity.CommunityMembersParams{UserIDs: ids})
			}},
		{name: "RemoveMembers", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.RemoveMembers(ctx, "c1", &amity.CommunityMembersParams{UserIDs: ids})
			}},
		{name: "BanMembers", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.BanMembers(ctx, "c1", &amity.CommunityMembersParams{UserIDs: ids})
			}},
		{name: "UnbanMembers", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.UnbanMembers(ctx, "c1", &amity.CommunityMembersParams{UserIDs: ids})
			}},
		{name: "AddRoles", attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.AddRoles(ctx, "c1", &amity.CommunityRolesParams{UserIDs: ids, Roles: []string{"r"}})
			}},
		{name: "RemoveRoles", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.RemoveRoles(ctx, "c1", &amity.CommunityRolesParams{UserIDs: ids, Roles: []string{"r"}})
			}},
		{name: "V3.AddRole", attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.V3.AddRole(ctx, "c1", &amity.V3CommunityRoleParams{UserIDs: ids, Role: "r"})
			}},
		{name: "V3.RemoveRole", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.V3.RemoveRole(ctx, "c1", &amity.V3CommunityRoleParams{UserIDs: ids, Role: "r"})
			}},
	})
}
