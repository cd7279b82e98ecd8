package amity_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInvitationsCreate(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v1/invitations", fixture(t, "invitations_invitations.json"), 503, 200)
	params := &amity.CreateInvitationsParams{TargetID: "c-gophers", UserIDs: []string{"bob", "carol"}}
	_, err := c.Invitations.Create(context.Background(), params)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae, "inviting is not retried after a 503")
	assert.Len(t, rec.all(), 1)

	out, err := c.Invitations.Create(context.Background(), params)
	require.NoError(t, err)
	assert.JSONEq(t, `{"type":"communityMemberInvite","targetType":"community","targetId":"c-gophers","userIds":["bob","carol"]}`,
		rec.last(t).Body, "an empty type and target type are sent as the spec's only values")
	assert.Empty(t, params.Type, "the caller's params are not changed")

	inv := out.Invitation()
	require.NotNil(t, inv)
	assert.Equal(t, amity.Invitation{
		ID: "65f0a1b2c3d4e5f60000a001", InvitationID: "inv-bob-1", NetworkID: "net-1", Type: amity.InvitationCommunityMember,
		TargetType: amity.InvitationTargetCommunity, TargetID: "c-gophers", CommunityID: "c-gophers", UserID: "bob",
		Status: amity.InvitationPending, CreatedBy: "alice", InvitedUserID: "bob", InvitedUserPublicID: "bob",
		InvitedUserInternalID: "65f0a1b2c3d4e5f60123cafe", InviterUserID: "alice", InviterUserPublicID: "alice",
		InviterUserInternalID: "65f0a1b2c3d4e5f601234567",
		CreatedAt:             atTime(t, "2031-04-01T09:00:00.000Z"), UpdatedAt: atTime(t, "2031-04-01T09:00:00.000Z"),
	}, *inv, "a null respondedAt is the zero time")
	assert.Contains(t, string(out.Raw), "invitationFutureField", "unknown fields stay reachable in the payload's Raw")
	assert.Equal(t, "Bob", out.Invitee(inv).DisplayName)
	assert.Equal(t, "Alice", out.Inviter(inv).DisplayName)
	rejected := out.InvitationByID("inv-carol-1")
	require.NotNil(t, rejected, "found by public ID")
	assert.Same(t, rejected, out.InvitationByID("65f0a1b2c3d4e5f60000a002"), "and by private ID")
	assert.Equal(t, atTime(t, "2031-04-02T09:00:00.000Z"), rejected.RespondedAt)
	assert.Equal(t, "Carol", out.Invitee(rejected).DisplayName)
	assert.Equal(t, "Carol", out.UserByID("carol").DisplayName)
	for _, none := range []any{out.Invitee(nil), out.Inviter(nil), out.InvitationByID("nope"), out.UserByID("nobody")} {
		assert.Nil(t, none)
	}
}

func TestInvitationsListPages(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v1/invitations", "options[token]", "invitations-2",
		fixture(t, "invitations_invitations.json"), fixture(t, "invitations_page2.json"))
	ctx := context.Background()
	params := &amity.ListInvitationsParams{PageParams: amity.PageParams{Limit: 2}, TargetID: "c-gophers",
		Statuses: []amity.InvitationStatus{amity.InvitationPending, amity.InvitationApproved}, SortBy: amity.InvitationSortRespondedAt, Order: amity.InvitationSortAsc}
	var who []string
	for inv, err := range c.Invitations.List(ctx, params) {
		require.NoError(t, err)
		who = append(who, inv.UserID+":"+string(inv.Status))
	}
	assert.Equal(t, []string{"bob:pending", "carol:rejected", "dave:approved"}, who)
	reqs := listing.all()
	require.Len(t, reqs, 2)
	assert.Equal(t, url.Values{"options[limit]": {"2"}, "type": {"communityMemberInvite"}, "targetType": {"community"},
		"targetId": {"c-gophers"}, "statuses[]": {"pending", "approved"}, "sortBy": {"respondedAt"}, "sortOrder": {"asc"}}, reqs[0].Values(),
		"the statuses go as statuses[]")
	assert.Equal(t, "invitations-2", reqs[1].Values().Get("options[token]"))

	u := asAlice(t, c, mt)
	mine := recordPages(t, mt, "/api/v1/invitations/me", "options[token]", "invitations-2",
		fixture(t, "invitations_invitations.json"), fixture(t, "invitations_page2.json"))
	n := 0
	for page, err := range u.Invitations.ListMinePages(ctx, &amity.ListMyInvitationsParams{TargetType: amity.InvitationTargetCommunity}) {
		require.NoError(t, err)
		n += len(page.Invitations)
	}
	assert.Equal(t, 3, n)
	assert.Equal(t, []string{"targetType=community", "options%5Btoken%5D=invitations-2&targetType=community"}, mine.queries(),
		"ListMine sends only the filters given")
	assert.Equal(t, "Bearer user-tok", mine.last(t).Header.Get("Authorization"))
}

func TestInvitationsActions(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	ctx := context.Background()
	rec := newRecorder(t, mt)
	rec.route("POST", "/api/v1/invitations/65f0a1b2c3d4e5f60000a001/accept", `{"success":true}`, 502, 200)
	rec.route("POST", "/api/v1/invitations/65f0a1b2c3d4e5f60000a001/reject", `{"success":true}`, 502, 200)
	rec.route("POST", "/api/v1/invitations/65f0a1b2c3d4e5f60000a002/resend", "", 502, 200)

	require.NoError(t, u.Invitations.Accept(ctx, "65f0a1b2c3d4e5f60000a001"))
	assert.Len(t, rec.all(), 2, "accepting is retried after a 502")
	assert.Empty(t, rec.last(t).Body)
	assert.Equal(t, "Bearer user-tok", rec.last(t).Header.Get("Authorization"))
	rec.reset()
	require.NoError(t, u.Invitations.Reject(ctx, "65f0a1b2c3d4e5f60000a001"))
	assert.Len(t, rec.all(), 2, "rejecting is retried after a 502")
	rec.reset()
	err := c.Invitations.Resend(ctx, "65f0a1b2c3d4e5f60000a002", &amity.ResendInvitationParams{CommunityID: "c-gophers"})
	require.Error(t, err)
	assert.Len(t, rec.all(), 1, "sending again is never repeated")
	assert.Equal(t, "communityId=c-gophers", rec.last(t).Query)
}

func TestInvitationsShape(t *testing.T) {
	invitations := fixture(t, "invitations_invitations.json")
	type fn = func(context.Context, *amity.Client) error
	listed := func(t *testing.T, out any) {
		switch v := out.(type) {
		case amity.Invitation:
			assert.Equal(t, "inv-bob-1", v.InvitationID)
		case *amity.InvitationPayload:
			assert.Equal(t, "invitations-2", v.Paging.Next)
			assert.Equal(t, "Bob", v.Invitee(v.Invitation()).DisplayName)
		default:
			t.Fatalf("unexpected %T", out)
		}
	}
	badID := func(f func(ctx context.Context, c *amity.Client, id string) error) []fn {
		var out []fn
		for _, id := range []string{"", " ", "..", strings.Repeat("i", 51)} {
			out = append(out, func(ctx context.Context, c *amity.Client) error { return f(ctx, c, id) })
		}
		return out
	}
	target := &amity.ListInvitationsParams{TargetID: "c-gophers"}
	const targetQuery = "targetId=c-gophers&targetType=community&type=communityMemberInvite"
	noTarget := func(call func(ctx context.Context, c *amity.Client, p *amity.ListInvitationsParams) error) []fn {
		return []fn{
			func(ctx context.Context, c *amity.Client) error { return call(ctx, c, nil) },
			func(ctx context.Context, c *amity.Client) error { return call(ctx, c, &amity.ListInvitationsParams{}) },
			func(ctx context.Context, c *amity.Client) error {
				return call(ctx, c, &amity.ListInvitationsParams{TargetID: longString(901)})
			},
		}
	}
	runShapeCases(t, []shapeCase{
		{name: "Create", method: "POST", path: "/api/v1/invitations", answer: invitations, empty: `{"invitations":[],"users":[]}`, attempts: 1,
			body: `{"type":"communityMemberInvite","targetType":"community","targetId":"c1","userIds":["bob"]}`, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Invitations.Create(ctx, &amity.CreateInvitationsParams{TargetID: "c1", UserIDs: []string{"bob"}})
			},
			invalid: []fn{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Invitations.Create(ctx, nil)) },
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Invitations.Create(ctx, &amity.CreateInvitationsParams{UserIDs: []string{"bob"}}))
				},
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Invitations.Create(ctx, &amity.CreateInvitationsParams{TargetID: "c1"}))
				},
			}},
		{name: "List", method: "GET", path: "/api/v1/invitations", query: targetQuery, answer: invitations, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return first(c.Invitations.List(ctx, target)) },
			invalid: noTarget(func(ctx context.Context, c *amity.Client, p *amity.ListInvitationsParams) error {
				return errOf(first(c.Invitations.List(ctx, p)))
			})},
		{name: "ListPages", method: "GET", path: "/api/v1/invitations", query: targetQuery, answer: invitations, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Invitations.ListPages(ctx, target))
			},
			invalid: noTarget(func(ctx context.Context, c *amity.Client, p *amity.ListInvitationsParams) error {
				return errOf(first(c.Invitations.ListPages(ctx, p)))
			})},
		{name: "ListPage", method: "GET", path: "/api/v1/invitations", answer: invitations, check: listed, attempts: 3,
			values: url.Values{"type": {"communityMemberInvite"}, "targetType": {"community"}, "targetId": {"c1"},
				"options[before]": {"65a0"}, "options[after]": {"659f"}, "options[token]": {"t"}, "sortBy": {"_id"}, "sortOrder": {"desc"}},
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Invitations.ListPage(ctx, &amity.ListInvitationsParams{PageParams: amity.PageParams{PageToken: "t"}, TargetID: "c1",
					Before: "65a0", After: "659f", SortBy: amity.InvitationSortID, Order: amity.InvitationSortDesc})
			},
			invalid: append(noTarget(func(ctx context.Context, c *amity.Client, p *amity.ListInvitationsParams) error {
				return errOf(c.Invitations.ListPage(ctx, p))
			}), func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Invitations.ListPage(ctx, &amity.ListInvitationsParams{TargetID: "c1", Before: longString(25)}))
			}, func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Invitations.ListPage(ctx, &amity.ListInvitationsParams{TargetID: "c1", PageParams: amity.PageParams{PageToken: longString(1001)}}))
			})},
		{name: "Count", method: "GET", path: "/api/v1/invitations/count", answer: `{"count":4}`, attempts: 3,
			query: "statuses%5B%5D=pending&" + targetQuery,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Invitations.Count(ctx, &amity.CountInvitationsParams{TargetID: "c-gophers", Statuses: []amity.InvitationStatus{amity.InvitationPending}})
			},
			check: func(t *testing.T, out any) { assert.Equal(t, 4, out.(*amity.InvitationCountPayload).Count) },
			invalid: []fn{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Invitations.Count(ctx, nil)) },
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Invitations.Count(ctx, &amity.CountInvitationsParams{TargetID: " "}))
				},
			}},
		{name: "ListMine", method: "GET", path: "/api/v1/invitations/me", answer: invitations, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Invitations.ListMine(ctx, nil))
			}},
		{name: "ListMinePages", method: "GET", path: "/api/v1/invitations/me", query: "type=communityMemberInvite", answer: invitations, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Invitations.ListMinePages(ctx, &amity.ListMyInvitationsParams{Type: amity.InvitationCommunityMember}))
			}},
		{name: "ListMinePage", method: "GET", path: "/api/v1/invitations/me", answer: invitations, check: listed,
			query: "options%5Bafter%5D=659f&options%5Bbefore%5D=65a0&options%5Blimit%5D=3&targetId=c1",
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Invitations.ListMinePage(ctx, &amity.ListMyInvitationsParams{PageParams: amity.PageParams{Limit: 3}, TargetID: "c1", Before: "65a0", After: "659f"})
			},
			invalid: []fn{
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Invitations.ListMinePage(ctx, &amity.ListMyInvitationsParams{TargetID: longString(901)}))
				},
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Invitations.ListMinePage(ctx, &amity.ListMyInvitationsParams{After: longString(25)}))
				},
			}},
		{name: "Delete", method: "DELETE", path: "/api/v1/invitations/inv%2F1", answer: `{"success":true}`, unsuccessful: successFalse, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Invitations.Delete(ctx, "inv/1"))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return c.Invitations.Delete(ctx, id) })},
		{name: "Accept", method: "POST", path: "/api/v1/invitations/inv1/accept", answer: `{"success":true}`, unsuccessful: successFalse, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Invitations.Accept(ctx, "inv1"))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return c.Invitations.Accept(ctx, id) })},
		{name: "Reject", method: "POST", path: "/api/v1/invitations/inv1/reject", answer: `{"success":true}`, unsuccessful: successFalse, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Invitations.Reject(ctx, "inv1"))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return c.Invitations.Reject(ctx, id) })},
		{name: "Resend", method: "POST", path: "/api/v1/invitations/inv1/resend", query: "communityId=c1", answer: `{"success":true}`,
			unsuccessful: successFalse, attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Invitations.Resend(ctx, "inv1", &amity.ResendInvitationParams{CommunityID: "c1"}))
			},
			invalid: append(badID(func(ctx context.Context, c *amity.Client, id string) error {
				return c.Invitations.Resend(ctx, id, &amity.ResendInvitationParams{CommunityID: "c1"})
			}), func(ctx context.Context, c *amity.Client) error { return c.Invitations.Resend(ctx, "inv1", nil) },
				func(ctx context.Context, c *amity.Client) error {
					return c.Invitations.Resend(ctx, "inv1", &amity.ResendInvitationParams{})
				},
				func(ctx context.Context, c *amity.Client) error {
					return c.Invitations.Resend(ctx, "inv1", &amity.ResendInvitationParams{CommunityID: longString(901)})
				})},
	})
}

func TestInvitationsBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	create := func(p *amity.CreateInvitationsParams) func() error {
		return func() error { return errOf(c.Invitations.Create(ctx, p)) }
	}
	many := make([]string, 1001)
	for i := range many {
		many[i] = "u"
	}
	assertInvalidCases(t, map[string]invalidCase{
		"nil":             {"Invitations.Create: params", create(nil)},
		"no target":       {"TargetID", create(&amity.CreateInvitationsParams{UserIDs: []string{"bob"}})},
		"long target":     {"TargetID", create(&amity.CreateInvitationsParams{TargetID: longString(901), UserIDs: []string{"bob"}})},
		"no users":        {"UserIDs", create(&amity.CreateInvitationsParams{TargetID: "c1"})},
		"too many users":  {"UserIDs", create(&amity.CreateInvitationsParams{TargetID: "c1", UserIDs: many})},
		"blank user":      {"UserIDs", create(&amity.CreateInvitationsParams{TargetID: "c1", UserIDs: []string{"bob", " "}})},
		"long user":       {"UserIDs", create(&amity.CreateInvitationsParams{TargetID: "c1", UserIDs: []string{longString(51)}})},
		"list no target":  {"Invitations.ListPage: TargetID", func() error { return errOf(c.Invitations.ListPage(ctx, &amity.ListInvitationsParams{})) }},
		"iterator nil":    {"Invitations.List: TargetID", func() error { return errOf(first(c.Invitations.List(ctx, nil))) }},
		"count no target": {"Invitations.Count: TargetID", func() error { return errOf(c.Invitations.Count(ctx, &amity.CountInvitationsParams{})) }},
		"mine long cursor": {"Before", func() error {
			return errOf(c.Invitations.ListMinePage(ctx, &amity.ListMyInvitationsParams{Before: longString(25)}))
		}},
		"accept long": {"invitationID", func() error { return c.Invitations.Accept(ctx, longString(51)) }},
		"resend no community": {"CommunityID", func() error {
			return c.Invitations.Resend(ctx, "inv1", &amity.ResendInvitationParams{CommunityID: " "})
		}},
	})
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

// TestInvitationsUnknownEnumsAreSent: a type, target type, status or order the SDK does not
// know is sent as given.
func TestInvitationsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"create", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Invitations.Create(ctx, &amity.CreateInvitationsParams{Type: "livestreamCohostInvite", TargetType: "room",
				TargetID: "r1", UserIDs: []string{"bob"}}))
		}, []string{`"type":"livestreamCohostInvite"`, `"targetType":"room"`}},
		{"list", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Invitations.ListPage(ctx, &amity.ListInvitationsParams{TargetID: "c1", Statuses: []amity.InvitationStatus{"expired"},
				SortBy: "lastCreated", Order: "random"}))
		}, []string{"statuses[]=expired", "sortBy=lastCreated", "sortOrder=random"}},
		{"count", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Invitations.Count(ctx, &amity.CountInvitationsParams{TargetID: "r1", TargetType: "room"}))
		}, []string{"targetType=room"}},
	})
}

// TestInvitationsFixturesMatchSpec: the hand-written answers are valid answers of their
// operations.
func TestInvitationsFixturesMatchSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"invitations_invitations.json": {"POST", "/api/v1/invitations"},
		"invitations_page2.json":       {"GET", "/api/v1/invitations/me"},
	})
}
