package amity_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChannelsListIteratesPagesAndEncodesFilters(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "channels_page1.json"), fixture(t, "channels_page2.json")
	listing := recordPages(t, mt, "/api/v3/channels", "options[token]", "tok-2", p1, p2)
	params := &amity.ListChannelsParams{PageParams: amity.PageParams{Limit: 2}, Keyword: "sup", IsDeleted: amity.Ptr(false),
		Tags: []string{"a", "b"}, ExcludeTags: []string{"c"}, Filter: amity.ChannelFilterMember,
		Types: []amity.ChannelType{amity.ChannelTypeCommunity, amity.ChannelTypeLive}, UserID: "alice", SortBy: amity.ChannelSortLastCreated}
	var ids []string
	for ch, err := range c.Channels.List(context.Background(), params) {
		require.NoError(t, err)
		ids = append(ids, ch.ChannelID)
	}
	assert.Equal(t, []string{"support", "dm-alice-bob", "announcements"}, ids)
	require.Len(t, listing.all(), 2)
	want := url.Values{"keyword": {"sup"}, "isDeleted": {"false"}, "tags[]": {"a", "b"}, "excludeTags[]": {"c"}, "filter": {"member"},
		"types[]": {"community", "live"}, "userId": {"alice"}, "sortBy": {"lastCreated"}, "options[limit]": {"2"}}
	assert.Equal(t, want, listing.all()[0].Values())
	want.Set("options[token]", "tok-2")
	assert.Equal(t, want, listing.all()[1].Values())
	assert.Empty(t, params.PageToken, "the caller's params are not changed")
}

func TestChannelsListPageDecodesBundle(t *testing.T) {
	c, mt := mockClient(t)
	record(t, mt, "GET", "/api/v3/channels", fixture(t, "channels_page1.json"))
	p, err := c.Channels.ListPage(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, "tok-2", p.Paging.Next)
	require.Len(t, p.Channels, 2)

	ch := &p.Channels[0]
	assert.Equal(t, "support", ch.ChannelID)
	assert.Equal(t, "64f0a1b2c3d4e5f6a7b8c9d0", ch.ID)
	assert.Equal(t, amity.ChannelTypeCommunity, ch.Type)
	assert.Equal(t, map[string]any{"team": "care"}, ch.Metadata)
	assert.Equal(t, []string{"help", "care"}, ch.Tags)
	assert.True(t, ch.IsMuted)
	assert.Equal(t, time.Date(2024, 7, 1, 10, 0, 0, 0, time.UTC), ch.MuteTimeout.Time)
	assert.Equal(t, 1000, ch.RateLimitWindow)
	assert.True(t, ch.MessageAutoDeleteEnabled)
	assert.Equal(t, 5, ch.AutoDeleteMessageByFlagLimit)
	assert.Equal(t, 42, ch.MemberCount)
	assert.Equal(t, 1234, ch.MessageCount)
	assert.Equal(t, 123*time.Millisecond, time.Duration(ch.LastActivity.Nanosecond()))
	assert.True(t, ch.IsPublic)
	assert.Equal(t, amity.ChannelNotifyDefault, ch.NotificationMode)
	assert.Contains(t, string(p.Raw), `"futureField"`, "unknown fields stay reachable in the payload's Raw")
	assert.JSONEq(t, fixture(t, "channels_page1.json"), string(p.Raw), "Raw is the whole answer")

	// Lookups resolve the sideloads without another request.
	assert.Same(t, ch, p.Channel(), "the primary channel is the first")
	assert.Same(t, ch, p.ChannelByID("64f0a1b2c3d4e5f6a7b8c9d0"), "found by internal ID too")
	assert.Nil(t, p.ChannelByID("nope"))
	assert.Nil(t, (&amity.ChannelPayload{}).Channel())
	members := p.Members(ch)
	require.Len(t, members, 1)
	assert.Equal(t, amity.ChannelMembershipMember, members[0].Membership)
	assert.Equal(t, []string{"BAN_USER_FROM_CHANNEL", "MUTE_USER_INSIDE_CHANNEL"}, members[0].Permissions)
	assert.Equal(t, 1200, members[0].ReadToSegment)
	dm := &p.Channels[1]
	require.NotNil(t, p.Member(dm, "alice"), "membership keyed by the channel's internal ID")
	assert.Nil(t, p.Member(dm, "bob"))
	alice := p.MemberUser(p.Member(ch, "u-int-alice"))
	require.NotNil(t, alice)
	assert.Equal(t, "Alice", alice.DisplayName)
	assert.Equal(t, "Bob", p.UserByID("u-priv-bob").DisplayName, "users found by private ID too")
	avatar := p.Avatar(ch)
	require.NotNil(t, avatar)
	assert.Equal(t, "image/png", avatar.Attributes.MimeType)
	assert.Same(t, avatar, p.FileByID("file-avatar-1"))
	assert.Nil(t, p.Avatar(dm))
	preview := p.MessagePreview(ch)
	require.NotNil(t, preview)
	assert.Equal(t, map[string]any{"text": "How can we help?"}, preview.Data)
	assert.Equal(t, amity.MessageDataTypeText, preview.DataType)
	assert.Equal(t, 1234, preview.Segment)
	assert.Nil(t, p.MessagePreview(dm))
	info := p.MessageFeedInfoByID("support")
	require.NotNil(t, info)
	assert.Equal(t, "default", info.Name)
	assert.Nil(t, p.Members(nil))
	assert.Nil(t, p.MemberUser(nil))
}

func TestChannelsWrites(t *testing.T) {
	one := fixture(t, "channels_one.json")
	runShapeCases(t, []shapeCase{
		{name: "Create", method: "POST", path: "/api/v3/channels", body: `{"channelId":"support","type":"community","displayName":"Support","metadata":{"k":"v"},"tags":["help"],"userIds":["alice"],
			"autoDeleteMessageByFlagLimit":5,"isPublic":true,"notificationMode":"silent"}`, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.Create(ctx, &amity.CreateChannelParams{ChannelID: "support", Type: amity.ChannelTypeCommunity, DisplayName: "Support",
					Tags: []string{"help"}, UserIDs: []string{"alice"}, IsPublic: amity.Ptr(true), AutoDeleteMessageByFlagLimit: amity.Ptr(5),
					NotificationMode: amity.ChannelNotifySilent, Metadata: map[string]any{"k": "v"}})
			},
			check: func(t *testing.T, out any) {
				assert.Equal(t, "support", out.(*amity.ChannelPayload).Channel().ChannelID)
			}},
		{name: "CreateConversation", method: "POST", path: "/api/v3/channels/conversation", body: `{"userIds":["bob"],"isDistinct":false}`, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.CreateConversation(ctx, &amity.CreateConversationParams{UserIDs: []string{"bob"}, IsDistinct: amity.Ptr(false)})
			}},
		{name: "Get", method: "GET", path: "/api/v3/channels/a%2Fb", answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Channels.Get(ctx, "a/b") },
			check: func(t *testing.T, out any) {
				p := out.(*amity.ChannelPayload)
				assert.Equal(t, "channel-moderator", p.Members(p.Channel())[0].Roles[0])
				assert.Equal(t, "file-avatar-1", p.Avatar(p.Channel()).FileID, "the embedded avatar")
				assert.Contains(t, string(p.Raw), `"channelUsers"`)
			}},
		{name: "GetMany", method: "GET", path: "/api/v3/channels/list", values: url.Values{"channelIds[]": {"a", "b"}}, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.GetMany(ctx, &amity.GetManyChannelsParams{ChannelIDs: []string{"a", "b"}})
			}},
		{name: "Update", method: "PUT", path: "/api/v3/channels/support", body: `{"displayName":"","tags":["x"],"messageAutoDeleteEnabled":false}`, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.Update(ctx, "support", &amity.UpdateChannelParams{DisplayName: amity.Ptr(""), Tags: []string{"x"},
					MessageAutoDeleteEnabled: amity.Ptr(false)})
			}},
		{name: "Delete", method: "DELETE", path: "/api/v3/channels/support", answer: `{"status":"success","data":{"success":true}}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Channels.Delete(ctx, "support"))
			}},
		{name: "Join", method: "POST", path: "/api/v3/channels/support/join", answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Channels.Join(ctx, "support") }},
		{name: "Leave", method: "DELETE", path: "/api/v3/channels/support/leave", answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Channels.Leave(ctx, "support") }},
		{name: "MarkSeen", method: "POST", path: "/api/v3/channels/support/seen", body: `{"readToSegment":0}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Channels.MarkSeen(ctx, "support", &amity.MarkSeenParams{}))
			}},
		{name: "Mute", method: "PUT", path: "/api/v2/channel/support/mute", body: `{"mutePeriod":90000}`, answer: `{"success":true}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Channels.Mute(ctx, "support", &amity.MuteChannelParams{Period: 90 * time.Second}))
			}},
		{name: "Mute forever", method: "PUT", path: "/api/v2/channel/support/mute", body: `{"mutePeriod":-1}`, answer: `{"success":true}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Channels.Mute(ctx, "support", &amity.MuteChannelParams{Period: amity.ChannelMuteForever}))
			}},
		{name: "Unmute", method: "PUT", path: "/api/v2/channel/support/mute", body: `{"mutePeriod":0}`, answer: `{"success":true}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Channels.Unmute(ctx, "support"))
			}},
		{name: "Close", method: "POST", path: "/api/v2/channels/support/close",
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Channels.Close(ctx, "support"))
			}},
	})
}

// TestChannelsRetryPolicy checks which writes are retried after a 5xx: the set-state ones
// (ban, unban, mute, update, ...) are, the ones that create or notify are not.
func TestChannelsRetryPolicy(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "Create", method: "POST", path: "/api/v3/channels", attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.Create(ctx, &amity.CreateChannelParams{})
			}},
		{name: "Join", method: "POST", path: "/api/v3/channels/ch/join", attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Channels.Join(ctx, "ch") }},
		{name: "Close", method: "POST", path: "/api/v2/channels/ch/close", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return shapeErr(c.Channels.Close(ctx, "ch")) }},
		{name: "Update", method: "PUT", path: "/api/v3/channels/ch", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.Update(ctx, "ch", &amity.UpdateChannelParams{})
			}},
		{name: "Get", method: "GET", path: "/api/v3/channels/ch", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Channels.Get(ctx, "ch") }},
	})
}

func TestChannelsSearch(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "channels_search.json"), fixture(t, "channels_search_page2.json")
	listing := recordPages(t, mt, "/api/v2/search/channels", "options[token]", "stok-2", p1, p2)
	ctx := context.Background()
	params := &amity.SearchChannelsParams{PageParams: amity.PageParams{Limit: 2}, Query: "support", ExactMatch: amity.Ptr(false),
		IsMemberOnly: amity.Ptr(true), Types: []amity.ChannelType{amity.ChannelTypeCommunity, amity.ChannelTypeLive}, Tags: []string{"help"},
		SortBy: amity.ChannelSearchSortRelevance, OrderBy: amity.ChannelSearchDesc}
	page, err := c.Channels.SearchPage(ctx, params)
	require.NoError(t, err)
	assert.Equal(t, url.Values{"query": {"support"}, "exactMatch": {"false"}, "isMemberOnly": {"true"}, "types[]": {"community", "live"},
		"tags[]": {"help"}, "options[sortBy]": {"relevance"}, "options[orderBy]": {"desc"}, "options[limit]": {"2"}}, listing.all()[0].Values())
	assert.Equal(t, 3, page.TotalCount)
	assert.Equal(t, "support", page.Search.Query)
	assert.Equal(t, "stok-2", page.Paging.Next)
	require.Len(t, page.Channels, 2)
	assert.Equal(t, amity.ChannelTypeLive, page.Channels[1].Type)

	var names []string
	for ch, err := range c.Channels.Search(ctx, params) {
		require.NoError(t, err)
		names = append(names, ch.DisplayName)
	}
	assert.Equal(t, []string{"Support", "Support EU", "Support US"}, names)
	require.Len(t, listing.all(), 3)
	assert.Equal(t, "stok-2", listing.all()[2].Values().Get("options[token]"))
}

func TestChannelsAPIErrors(t *testing.T) {
	c, mt := mockClient(t, amity.WithMaxRetries(0))
	ctx := context.Background()
	mt.RegisterResponder("GET", "https://api.test/api/v3/channels/gone",
		jsonResponder(404, `{"status":"error","code":400400,"message":"Channel not found"}`))
	mt.RegisterResponder("PUT", "https://api.test/api/v3/channels/support/users/ban",
		jsonResponder(403, `{"status":"error","code":400301,"message":"Only administrator can do this"}`))
	mt.RegisterResponder("GET", "https://api.test/api/v3/channels/empty", jsonResponder(200, `{"channels":[]}`))
	mt.RegisterResponder("PUT", "https://api.test/api/v2/channel/support/users/mute",
		jsonResponder(400, `{"status":"error","code":400304,"message":"User is banned"}`))
	mt.RegisterResponder("GET", "https://api.test/api/v3/channels",
		jsonResponder(400, `{"status":"error","code":400000,"message":"Query Token is invalid"}`))

	_, err := c.Channels.Get(ctx, "gone")
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 400400, ae.Code)
	assert.Equal(t, "/api/v3/channels/gone", ae.Path)
	assert.ErrorIs(t, err, amity.ErrNotFound)

	_, err = c.Channels.BanMembers(ctx, "support", &amity.ChannelMembersParams{UserIDs: []string{"u1"}})
	assert.ErrorIs(t, err, amity.ErrForbidden)
	assert.False(t, errors.Is(err, amity.ErrNotFound))

	_, err = c.Channels.Get(ctx, "empty")
	assert.ErrorIs(t, err, amity.ErrMalformedResponse, "an answer without the channel is not a success")

	err = c.Channels.MuteMembers(ctx, "support", &amity.MuteChannelMembersParams{UserIDs: []string{"u1"}, Period: time.Minute})
	assert.ErrorIs(t, err, amity.ErrBanned)

	var errs []error
	for _, err := range c.Channels.List(ctx, &amity.ListChannelsParams{PageParams: amity.PageParams{PageToken: "stale"}}) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 1, "the iterator yields the error once and stops")
	assert.ErrorIs(t, errs[0], amity.ErrInvalidPageToken)
}

func TestChannelsBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	many := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "u" + strings.Repeat("1", i%5)
		}
		return out
	}
	cases := map[string]invalidCase{
		"Get blank":    {"channelID", func() error { return errOf(c.Channels.Get(ctx, " ")) }},
		"Get dot":      {"channelID", func() error { return errOf(c.Channels.Get(ctx, "..")) }},
		"GetMany nil":  {"params", func() error { return errOf(c.Channels.GetMany(ctx, nil)) }},
		"GetMany none": {"ChannelIDs", func() error { return errOf(c.Channels.GetMany(ctx, &amity.GetManyChannelsParams{})) }},
		"GetMany 11": {"ChannelIDs", func() error {
			return errOf(c.Channels.GetMany(ctx, &amity.GetManyChannelsParams{ChannelIDs: many(11)}))
		}},
		"Create nil": {"params", func() error { return errOf(c.Channels.Create(ctx, nil)) }},
		"Create id length": {"ChannelID", func() error {
			return errOf(c.Channels.Create(ctx, &amity.CreateChannelParams{ChannelID: longString(101)}))
		}},
		"Create tags": {"Tags", func() error { return errOf(c.Channels.Create(ctx, &amity.CreateChannelParams{Tags: many(11)})) }},
		"Create flag limit": {"AutoDeleteMessageByFlagLimit", func() error {
			return errOf(c.Channels.Create(ctx, &amity.CreateChannelParams{AutoDeleteMessageByFlagLimit: amity.Ptr(0)}))
		}},
		"Create user IDs": {"UserIDs[]", func() error {
			return errOf(c.Channels.Create(ctx, &amity.CreateChannelParams{UserIDs: []string{longString(51)}}))
		}},
		"Conversation none": {"UserIDs", func() error { return errOf(c.Channels.CreateConversation(ctx, &amity.CreateConversationParams{})) }},
		"Conversation 11": {"UserIDs", func() error {
			return errOf(c.Channels.CreateConversation(ctx, &amity.CreateConversationParams{UserIDs: many(11)}))
		}},
		"Update nil": {"params", func() error { return errOf(c.Channels.Update(ctx, "ch", nil)) }},
		"Update name": {"DisplayName", func() error {
			return errOf(c.Channels.Update(ctx, "ch", &amity.UpdateChannelParams{DisplayName: amity.Ptr(longString(101))}))
		}},
		"Update flag limit": {"AutoDeleteMessageByFlagLimit", func() error {
			return errOf(c.Channels.Update(ctx, "ch", &amity.UpdateChannelParams{AutoDeleteMessageByFlagLimit: amity.Ptr(1001)}))
		}},
		"Delete blank": {"channelID", func() error { return c.Channels.Delete(ctx, "") }},
		"List limit": {"Limit", func() error {
			return errOf(c.Channels.ListPage(ctx, &amity.ListChannelsParams{PageParams: amity.PageParams{Limit: 101}}))
		}},
		"List token": {"PageToken", func() error {
			return errOf(c.Channels.ListPage(ctx, &amity.ListChannelsParams{PageParams: amity.PageParams{PageToken: longString(101)}}))
		}},
		"Search nil":      {"params", func() error { return errOf(c.Channels.SearchPage(ctx, nil)) }},
		"Search query":    {"Query", func() error { return errOf(c.Channels.SearchPage(ctx, &amity.SearchChannelsParams{})) }},
		"Members channel": {"channelID", func() error { return errOf(c.Channels.ListMembersPage(ctx, "", nil)) }},
		"Members roles": {"Roles", func() error {
			return errOf(c.Channels.ListMembersPage(ctx, "ch", &amity.ListChannelMembersParams{Roles: []string{""}}))
		}},
		"Members 4 memberships": {"Memberships", func() error {
			return errOf(c.Channels.ListMembersPage(ctx, "ch", &amity.ListChannelMembersParams{Memberships: []amity.ChannelMembership{"member", "banned", "muted", "member"}}))
		}},
		"Add nil":  {"params", func() error { return errOf(c.Channels.AddMembers(ctx, "ch", nil)) }},
		"Add none": {"UserIDs", func() error { return errOf(c.Channels.AddMembers(ctx, "ch", &amity.ChannelMembersParams{})) }},
		"Add 101": {"UserIDs", func() error {
			return errOf(c.Channels.AddMembers(ctx, "ch", &amity.ChannelMembersParams{UserIDs: many(101)}))
		}},
		"Remove blank ID": {"UserIDs", func() error {
			return errOf(c.Channels.RemoveMembers(ctx, "ch", &amity.ChannelMembersParams{UserIDs: []string{"u", " "}}))
		}},
		"Ban channel": {"channelID", func() error {
			return errOf(c.Channels.BanMembers(ctx, "", &amity.ChannelMembersParams{UserIDs: []string{"u"}}))
		}},
		"Ban long ID": {"UserIDs", func() error {
			return errOf(c.Channels.BanMembers(ctx, "ch", &amity.ChannelMembersParams{UserIDs: []string{longString(51)}}))
		}},
		"Unban none": {"UserIDs", func() error {
			return errOf(c.Channels.UnbanMembers(ctx, "ch", &amity.ChannelMembersParams{UserIDs: []string{}}))
		}},
		"AddRole nil": {"params", func() error { return errOf(c.Channels.AddRole(ctx, "ch", nil)) }},
		"AddRole role": {"Role", func() error {
			return errOf(c.Channels.AddRole(ctx, "ch", &amity.ChannelRoleParams{UserIDs: []string{"u"}}))
		}},
		"AddRole long role": {"Role", func() error {
			return errOf(c.Channels.AddRole(ctx, "ch", &amity.ChannelRoleParams{Role: longString(101), UserIDs: []string{"u"}}))
		}},
		"RemoveRole users":  {"UserIDs", func() error { return errOf(c.Channels.RemoveRole(ctx, "ch", &amity.ChannelRoleParams{Role: "r"})) }},
		"RemoveRole nil":    {"params", func() error { return errOf(c.Channels.RemoveRole(ctx, "ch", nil)) }},
		"MarkSeen nil":      {"params", func() error { return c.Channels.MarkSeen(ctx, "ch", nil) }},
		"MarkSeen negative": {"ReadToSegment", func() error { return c.Channels.MarkSeen(ctx, "ch", &amity.MarkSeenParams{ReadToSegment: -1}) }},
		"MarkSeen channel":  {"channelID", func() error { return c.Channels.MarkSeen(ctx, "", &amity.MarkSeenParams{}) }},
		"Mute nil":          {"params", func() error { return c.Channels.Mute(ctx, "ch", nil) }},
		"Mute zero":         {"Period", func() error { return c.Channels.Mute(ctx, "ch", &amity.MuteChannelParams{}) }},
		"Mute negative":     {"Period", func() error { return c.Channels.Mute(ctx, "ch", &amity.MuteChannelParams{Period: -time.Second}) }},
		"Mute sub-millisecond": {"Period", func() error {
			return c.Channels.Mute(ctx, "ch", &amity.MuteChannelParams{Period: time.Microsecond})
		}},
		"Mute channel":    {"channelID", func() error { return c.Channels.Mute(ctx, "", &amity.MuteChannelParams{Period: time.Second}) }},
		"Unmute channel":  {"channelID", func() error { return c.Channels.Unmute(ctx, "..") }},
		"MuteMembers nil": {"params", func() error { return c.Channels.MuteMembers(ctx, "ch", nil) }},
		"MuteMembers none": {"UserIDs", func() error {
			return c.Channels.MuteMembers(ctx, "ch", &amity.MuteChannelMembersParams{Period: time.Second})
		}},
		"MuteMembers period": {"Period", func() error {
			return c.Channels.MuteMembers(ctx, "ch", &amity.MuteChannelMembersParams{UserIDs: []string{"u"}})
		}},
		"UnmuteMembers nil":  {"params", func() error { return c.Channels.UnmuteMembers(ctx, "ch", nil) }},
		"UnmuteMembers none": {"UserIDs", func() error { return c.Channels.UnmuteMembers(ctx, "ch", &amity.ChannelMembersParams{}) }},
		"Join blank":         {"channelID", func() error { return errOf(c.Channels.Join(ctx, "")) }},
		"Leave blank":        {"channelID", func() error { return errOf(c.Channels.Leave(ctx, " ")) }},
		"Update channel":     {"channelID", func() error { return errOf(c.Channels.Update(ctx, "", &amity.UpdateChannelParams{})) }},
		"MembersV3 channel":  {"channelID", func() error { return errOf(c.Channels.V3.ListMembersPage(ctx, "", nil)) }},
		"Close blank":        {"channelID", func() error { return c.Channels.Close(ctx, "\t") }},
	}
	assertInvalidCases(t, cases)
	n := 0
	for _, err := range c.Channels.ListMembers(ctx, "ch", &amity.ListChannelMembersParams{PageParams: amity.PageParams{Limit: 101}}) {
		assert.ErrorIs(t, err, amity.ErrInvalidArgument)
		n++
	}
	assert.Equal(t, 1, n)
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

// TestChannelsUnknownEnumsAreSent: an enum value the SDK does not know (a channel type,
// filter, order, membership, notification mode) is sent as given; the API decides.
func TestChannelsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"Create type and notification mode", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Channels.Create(ctx, &amity.CreateChannelParams{Type: amity.ChannelTypeConversation, NotificationMode: "loud"}))
		}, []string{`"type":"conversation"`, `"notificationMode":"loud"`}},
		{"Update notification mode", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Channels.Update(ctx, "ch", &amity.UpdateChannelParams{NotificationMode: "loud"}))
		}, []string{`"notificationMode":"loud"`}},
		{"List filter, types, sort", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Channels.ListPage(ctx, &amity.ListChannelsParams{Filter: "some", Types: []amity.ChannelType{"weird"}, SortBy: "size"}))
		}, []string{"filter=some", "types[]=weird", "sortBy=size"}},
		{"Search types, sort, order", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Channels.SearchPage(ctx, &amity.SearchChannelsParams{Query: "q", Types: []amity.ChannelType{amity.ChannelTypeStandard},
				SortBy: "size", OrderBy: "up"}))
		}, []string{"types[]=standard", "options[sortBy]=size", "options[orderBy]=up"}},
		{"Members memberships and sort", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Channels.ListMembersPage(ctx, "ch", &amity.ListChannelMembersParams{Memberships: []amity.ChannelMembership{"none"}, SortBy: "random"}))
		}, []string{"memberships[]=none", "sortBy=random"}},
		{"V3 members filter and sort", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Channels.V3.ListMembersPage(ctx, "ch", &amity.V3ListChannelMembersParams{Filter: "member", SortBy: "random"}))
		}, []string{"filter=member", "sortBy=random"}},
	})
}

// TestChannelsFixturesMatchSpec keeps the hand-written fixtures honest: each must be a valid
// answer of its operation.
func TestChannelsFixturesMatchSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"channels_page1.json":         {"GET", "/api/v3/channels"},
		"channels_page2.json":         {"GET", "/api/v3/channels"},
		"channels_one.json":           {"GET", "/api/v3/channels/support"},
		"channels_members_page1.json": {"GET", "/api/v4/channels/support/users"},
		"channels_members_page2.json": {"GET", "/api/v4/channels/support/users"},
		"channels_search.json":        {"GET", "/api/v2/search/channels"},
		"channels_search_page2.json":  {"GET", "/api/v2/search/channels"},
	})
}

// TestChannelsUnsuccessful checks that every {success} answer of false is an error matching
// ErrUnsuccessful, for each method whose answer is only {success}.
func TestChannelsUnsuccessful(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "Delete", method: "DELETE", path: "/api/v3/channels/ch", unsuccessful: []string{`{"status":"success","data":{"success":false}}`},
			call: func(ctx context.Context, c *amity.Client) (any, error) { return shapeErr(c.Channels.Delete(ctx, "ch")) }},
		{name: "Mute", method: "PUT", path: "/api/v2/channel/ch/mute", unsuccessful: []string{`{"success":false}`},
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Channels.Mute(ctx, "ch", &amity.MuteChannelParams{Period: time.Minute}))
			}},
		{name: "Unmute", method: "PUT", path: "/api/v2/channel/ch/mute", unsuccessful: []string{`{"success":false}`},
			call: func(ctx context.Context, c *amity.Client) (any, error) { return shapeErr(c.Channels.Unmute(ctx, "ch")) }},
		{name: "Close", method: "POST", path: "/api/v2/channels/ch/close", unsuccessful: []string{`{"success":false}`},
			call: func(ctx context.Context, c *amity.Client) (any, error) { return shapeErr(c.Channels.Close(ctx, "ch")) }},
		{name: "MarkSeen", method: "POST", path: "/api/v3/channels/ch/seen", unsuccessful: []string{`{"success":false}`},
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Channels.MarkSeen(ctx, "ch", &amity.MarkSeenParams{ReadToSegment: 3}))
			}},
	})
}

// TestChannelsEntityAnswersMustHoldTheChannel checks that the single-channel answers are
// malformed without their channel.
func TestChannelsEntityAnswersMustHoldTheChannel(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "Create", method: "POST", path: "/api/v3/channels", empty: `{"channels":[],"users":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.Create(ctx, &amity.CreateChannelParams{})
			}},
		{name: "CreateConversation", method: "POST", path: "/api/v3/channels/conversation", empty: `{"channels":[],"users":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.CreateConversation(ctx, &amity.CreateConversationParams{UserIDs: []string{"u"}})
			}},
		{name: "Update", method: "PUT", path: "/api/v3/channels/ch", empty: `{"channels":[],"users":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Channels.Update(ctx, "ch", &amity.UpdateChannelParams{})
			}},
		{name: "Join", method: "POST", path: "/api/v3/channels/ch/join", empty: `{"channels":[],"users":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Channels.Join(ctx, "ch") }},
	})
}

// TestChannelsListPages checks the page iterators of every channel list: each page with its
// sideloads, the cursors followed, per-call options on every request.
func TestChannelsListPages(t *testing.T) {
	ctx := context.Background()
	t.Run("List", func(t *testing.T) {
		c, mt := mockClient(t)
		listing := recordPages(t, mt, "/api/v3/channels", "options[token]", "tok-2", fixture(t, "channels_page1.json"), fixture(t, "channels_page2.json"))
		var sizes []int
		for p, err := range c.Channels.ListPages(ctx, nil, amity.WithCallHeader("X-Trace", "t1")) {
			require.NoError(t, err)
			sizes = append(sizes, len(p.Channels))
			assert.NotEmpty(t, p.Raw)
		}
		assert.Equal(t, []int{2, 1}, sizes)
		require.Len(t, listing.all(), 2)
		for _, r := range listing.all() {
			assert.Equal(t, "t1", r.Header.Get("X-Trace"), "per-call options reach every page")
		}
	})
	t.Run("Search", func(t *testing.T) {
		c, mt := mockClient(t)
		recordPages(t, mt, "/api/v2/search/channels", "options[token]", "stok-2", fixture(t, "channels_search.json"), fixture(t, "channels_search_page2.json"))
		var totals []int
		for p, err := range c.Channels.SearchPages(ctx, &amity.SearchChannelsParams{Query: "support"}) {
			require.NoError(t, err)
			totals = append(totals, p.TotalCount)
			assert.Contains(t, string(p.Raw), `"status"`, "Raw is the whole answer, envelope included")
		}
		assert.Equal(t, []int{3, 3}, totals)
	})
	t.Run("ListMembers", func(t *testing.T) {
		c, mt := mockClient(t)
		recordPages(t, mt, "/api/v4/channels/support/users", "options[token]", "mtok-2", fixture(t, "channels_members_page1.json"), fixture(t, "channels_members_page2.json"))
		var sizes []int
		for p, err := range c.Channels.ListMembersPages(ctx, "support", nil) {
			require.NoError(t, err)
			sizes = append(sizes, len(p.ChannelUsers))
		}
		assert.Equal(t, []int{2, 1}, sizes)
	})
	t.Run("V3.ListMembers", func(t *testing.T) {
		c, mt := mockClient(t)
		recordPages(t, mt, "/api/v3/channels/support/users", "options[token]", "mtok-2", fixture(t, "channels_members_page1.json"), fixture(t, "channels_members_page2.json"))
		var sizes []int
		for p, err := range c.Channels.V3.ListMembersPages(ctx, "support", nil) {
			require.NoError(t, err)
			sizes = append(sizes, len(p.ChannelUsers))
		}
		assert.Equal(t, []int{2, 1}, sizes)
		var ids []string
		for cu, err := range c.Channels.V3.ListMembers(ctx, "support", nil) {
			require.NoError(t, err)
			ids = append(ids, cu.UserID)
		}
		assert.Equal(t, []string{"spammer1", "loud", "troll"}, ids)
	})
	t.Run("errors", func(t *testing.T) {
		c, mt := mockClient(t)
		n := 0
		for p, err := range c.Channels.ListMembersPages(ctx, "", nil) {
			assert.Nil(t, p)
			assert.ErrorIs(t, err, amity.ErrInvalidArgument)
			n++
		}
		for p, err := range c.Channels.SearchPages(ctx, nil) {
			assert.Nil(t, p)
			assert.ErrorIs(t, err, amity.ErrInvalidArgument)
			n++
		}
		assert.Equal(t, 2, n)
		assert.Zero(t, mt.GetTotalCallCount())
	})
}
