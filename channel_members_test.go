package amity_test

// The members of a channel: listing them, adding and removing them, bans, mutes and roles.

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChannelsListMembers(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "channels_members_page1.json"), fixture(t, "channels_members_page2.json")
	listing := recordPages(t, mt, "/api/v4/channels/support/users", "options[token]", "mtok-2", p1, p2)
	ctx := context.Background()
	params := &amity.ListChannelMembersParams{PageParams: amity.PageParams{Limit: 2}, Roles: []string{"member"},
		Memberships: []amity.ChannelMembership{amity.ChannelMembershipBanned, amity.ChannelMembershipMuted}, Search: "la",
		SortBy: amity.ChannelMemberSortFirstCreated, IsDeleted: amity.Ptr(false)}
	var got []string
	for cu, err := range c.Channels.ListMembers(ctx, "support", params) {
		require.NoError(t, err)
		got = append(got, cu.UserID+":"+string(cu.Membership))
	}
	assert.Equal(t, []string{"spammer1:banned", "loud:member", "troll:banned"}, got)
	require.Len(t, listing.all(), 2)
	assert.Equal(t, url.Values{"roles[]": {"member"}, "role[]": {"member"}, "memberships[]": {"banned", "muted"}, "search": {"la"}, "sortBy": {"firstCreated"},
		"isDeleted": {"false"}, "options[limit]": {"2"}}, listing.all()[0].Values())
	assert.Equal(t, "mtok-2", listing.all()[1].Values().Get("options[token]"))

	page, err := c.Channels.ListMembersPage(ctx, "support", nil)
	require.NoError(t, err)
	require.Len(t, page.ChannelUsers, 2)
	loud := page.ChannelUsers[1]
	assert.True(t, loud.IsMuted)
	assert.Equal(t, 2024, loud.MuteTimeout.Year())
	assert.Equal(t, "Loud Larry", page.MemberUser(&loud).DisplayName)
	assert.Len(t, page.Members(page.Channel()), 2)
}

func TestChannelsListMembersV3(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v3/channels/support/users", fixture(t, "channels_members_page2.json"))
	var got []string
	for cu, err := range c.Channels.V3.ListMembers(context.Background(), "support", &amity.V3ListChannelMembersParams{
		Filter: amity.V3ChannelMemberFilterMemberAndBanned, Roles: []string{"a", "b"}, SortBy: amity.ChannelMemberSortLastCreated}) {
		require.NoError(t, err)
		got = append(got, cu.UserID)
	}
	assert.Equal(t, []string{"troll"}, got)
	q := rec.last(t)
	assert.Equal(t, url.Values{"filter": {"member&banned"}, "roles[]": {"a", "b"}, "sortBy": {"lastCreated"}}, q.Values())
	assert.Contains(t, q.Query, "filter=member%26banned")
}

func TestChannelsMemberWrites(t *testing.T) {
	one := fixture(t, "channels_one.json")
	runShapeCases(t, []shapeCase{
		{name: "AddMembers", method: "POST", path: "/api/v3/channels/support/users", body: `{"userIds":["u1","u2"]}`, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.AddMembers(ctx, "support", &amity.ChannelMembersParams{UserIDs: []string{"u1", "u2"}})
			}},
		{name: "RemoveMembers", method: "DELETE", path: "/api/v3/channels/support/users", values: url.Values{"userIds[]": {"u1", "u2"}}, body: `{"channelId":"support","userIds":["u1","u2"]}`, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.RemoveMembers(ctx, "support", &amity.ChannelMembersParams{UserIDs: []string{"u1", "u2"}})
			}},
		{name: "BanMembers", method: "PUT", path: "/api/v3/channels/support/users/ban", body: `{"userIds":["spammer1"]}`, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.BanMembers(ctx, "support", &amity.ChannelMembersParams{UserIDs: []string{"spammer1"}})
			}},
		{name: "UnbanMembers", method: "PUT", path: "/api/v3/channels/support/users/unban", body: `{"userIds":["spammer1"]}`, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.UnbanMembers(ctx, "support", &amity.ChannelMembersParams{UserIDs: []string{"spammer1"}})
			}},
		{name: "AddRole", method: "POST", path: "/api/v3/channels/support/users/roles", body: `{"role":"channel-moderator","userIds":["alice"]}`, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.AddRole(ctx, "support", &amity.ChannelRoleParams{Role: "channel-moderator", UserIDs: []string{"alice"}})
			}},
		{name: "RemoveRole", method: "DELETE", path: "/api/v3/channels/support/users/roles", values: url.Values{"userIds[]": {"alice"}, "role": {"channel-moderator"}}, body: `{"channelId":"support","role":"channel-moderator","userIds":["alice"]}`, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.RemoveRole(ctx, "support", &amity.ChannelRoleParams{Role: "channel-moderator", UserIDs: []string{"alice"}})
			}},
		{name: "MuteMembers", method: "PUT", path: "/api/v2/channel/support/users/mute", body: `{"userIds":["loud"],"mutePeriod":3600000}`, answer: `{"success":true}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Channels.MuteMembers(ctx, "support", &amity.MuteChannelMembersParams{UserIDs: []string{"loud"}, Period: time.Hour}))
			}},
		{name: "UnmuteMembers", method: "PUT", path: "/api/v2/channel/support/users/mute", body: `{"userIds":["loud"],"mutePeriod":0}`, answer: `{"success":true}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Channels.UnmuteMembers(ctx, "support", &amity.ChannelMembersParams{UserIDs: []string{"loud"}}))
			}},
	})
}

func TestChannelsMemberRetryPolicy(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "AddMembers", method: "POST", path: "/api/v3/channels/ch/users", attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.AddMembers(ctx, "ch", &amity.ChannelMembersParams{UserIDs: []string{"u"}})
			}},
		{name: "BanMembers", method: "PUT", path: "/api/v3/channels/ch/users/ban", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.BanMembers(ctx, "ch", &amity.ChannelMembersParams{UserIDs: []string{"u"}})
			}},
		{name: "UnbanMembers", method: "PUT", path: "/api/v3/channels/ch/users/unban", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.UnbanMembers(ctx, "ch", &amity.ChannelMembersParams{UserIDs: []string{"u"}})
			}},
		{name: "MuteMembers", method: "PUT", path: "/api/v2/channel/ch/users/mute", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Channels.MuteMembers(ctx, "ch", &amity.MuteChannelMembersParams{UserIDs: []string{"u"}, Period: time.Minute}))
			}},
	})
}

func TestChannelsMemberUnsuccessful(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "MuteMembers", method: "PUT", path: "/api/v2/channel/ch/users/mute", unsuccessful: []string{`{"success":false}`},
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Channels.MuteMembers(ctx, "ch", &amity.MuteChannelMembersParams{UserIDs: []string{"u"}, Period: time.Minute}))
			}},
		{name: "UnmuteMembers", method: "PUT", path: "/api/v2/channel/ch/users/mute", unsuccessful: []string{`{"success":false}`},
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Channels.UnmuteMembers(ctx, "ch", &amity.ChannelMembersParams{UserIDs: []string{"u"}}))
			}},
	})
}
