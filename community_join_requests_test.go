package amity_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCommunityJoinRequestsCreate(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	rec := record(t, mt, "POST", "/api/v4/communities/c-gophers/join", fixture(t, "community_join_requests.json"), 503, 200)
	ctx := context.Background()
	_, err := u.Communities.CreateJoinRequest(ctx, "c-gophers")
	var ae *amity.Error
	require.ErrorAs(t, err, &ae, "a join request is not retried after a 503")
	assert.Len(t, rec.all(), 1)

	out, err := u.Communities.CreateJoinRequest(ctx, "c-gophers")
	require.NoError(t, err)
	req := rec.last(t)
	assert.Empty(t, req.Body)
	assert.Equal(t, "Bearer user-tok", req.Header.Get("Authorization"), "the request is the user's")

	jr := out.JoinRequest()
	require.NotNil(t, jr)
	assert.Equal(t, amity.CommunityJoinRequest{
		ID: "65f0a1b2c3d4e5f60000b001", JoinRequestID: "jr-bob-1", NetworkID: "net-1", TargetType: "community",
		TargetID: "c-gophers", Type: "communityJoinRequest", UserID: "bob", Status: amity.CommunityJoinRequestApproved,
		RequestorID: "bob", RequestorPublicID: "bob", RequestorInternalID: "65f0a1b2c3d4e5f60123cafe",
		ResponderID: "alice", ResponderPublicID: "alice", ResponderInternalID: "65f0a1b2c3d4e5f601234567",
		RespondedAt: atTime(t, "2031-04-02T09:00:00.000Z"), CreatedAt: atTime(t, "2031-04-01T09:00:00.000Z"),
		UpdatedAt: atTime(t, "2031-04-02T09:00:00.000Z"),
	}, *jr)
	assert.Contains(t, string(out.Raw), "joinRequestFutureField", "unknown fields stay reachable in the payload's Raw")
	assert.Equal(t, "Bob", out.Requestor(jr).DisplayName)
	assert.Equal(t, "Alice", out.Responder(jr).DisplayName)
	pending := out.JoinRequestByID("jr-carol-1")
	require.NotNil(t, pending)
	assert.Same(t, pending, out.JoinRequestByID("65f0a1b2c3d4e5f60000b002"), "found by private ID too")
	assert.Equal(t, amity.CommunityJoinRequestPending, pending.Status)
	assert.True(t, pending.RespondedAt.IsZero(), "null decodes to the zero time")
	assert.Empty(t, pending.ResponderID, "null decodes to empty")
	assert.Nil(t, out.Responder(pending), "nobody answered yet")
	assert.Equal(t, "Carol", out.Requestor(pending).DisplayName)
	assert.True(t, out.RoleByID("community-moderator").Grants(amity.PermissionAddCommunityUser))
	assert.Equal(t, "bob.png", out.Files[0].Attributes.Name)
	assert.Equal(t, "Alice", out.UserByID("alice").DisplayName)
	for _, none := range []any{out.Requestor(nil), out.Responder(nil), out.JoinRequestByID("nope"), out.UserByID("nobody"), out.RoleByID("nope")} {
		assert.Nil(t, none)
	}
}

func TestCommunityJoinRequestsListPages(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v4/communities/c-gophers/join", "options[token]", "join-2",
		fixture(t, "community_join_requests.json"), fixture(t, "community_join_requests_page2.json"))
	ctx := context.Background()
	params := &amity.ListJoinRequestsParams{PageParams: amity.PageParams{Limit: 2},
		Statuses: []amity.CommunityJoinRequestStatus{amity.CommunityJoinRequestPending, amity.CommunityJoinRequestRejected},
		SortBy:   amity.CommunityJoinRequestSortRespondedAt, Order: amity.CommunityJoinRequestDesc}
	var who []string
	for jr, err := range c.Communities.ListJoinRequests(ctx, "c-gophers", params) {
		require.NoError(t, err)
		who = append(who, jr.UserID+":"+string(jr.Status))
	}
	assert.Equal(t, []string{"bob:approved", "carol:pending", "dave:rejected"}, who)
	reqs := listing.all()
	require.Len(t, reqs, 2)
	assert.Equal(t, url.Values{"options[limit]": {"2"}, "type": {"communityJoinRequest"}, "targetType": {"community"},
		"statuses[]": {"pending", "rejected"}, "sortBy": {"respondedAt"}, "sortOrder": {"desc"}}, reqs[0].Values(),
		"the type and target type the spec requires are always sent; the statuses go as statuses[]")
	assert.Equal(t, "join-2", reqs[1].Values().Get("options[token]"))
}

func TestCommunityJoinRequestsAnswers(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	ctx := context.Background()
	rec := newRecorder(t, mt)
	rec.route("POST", "/api/v4/communities/c-gophers/join/approve", `{"success":true}`, 502, 200)
	rec.route("POST", "/api/v4/communities/c-gophers/join/reject", `{"success":true}`, 502, 200)
	rec.route("DELETE", "/api/v4/communities/c-gophers/join", `{"success":true}`, 502, 200)

	require.NoError(t, c.Communities.ApproveJoinRequest(ctx, "c-gophers", &amity.CommunityJoinRequestParams{UserID: "65f0a1b2c3d4e5f60123f00d"}))
	assert.Len(t, rec.all(), 2, "approving is retried after a 502")
	assert.JSONEq(t, `{"userId":"65f0a1b2c3d4e5f60123f00d"}`, rec.last(t).Body)
	rec.reset()
	require.NoError(t, c.Communities.RejectJoinRequest(ctx, "c-gophers", &amity.CommunityJoinRequestParams{UserID: "dave"}))
	assert.Len(t, rec.all(), 2, "rejecting is retried after a 502")
	assert.JSONEq(t, `{"userId":"dave"}`, rec.last(t).Body)
	rec.reset()
	require.NoError(t, u.Communities.DeleteJoinRequest(ctx, "c-gophers"))
	assert.Len(t, rec.all(), 2, "cancelling is retried after a 502")
	assert.Empty(t, rec.last(t).Body)
	assert.Equal(t, "Bearer user-tok", rec.last(t).Header.Get("Authorization"))

	empty := record(t, mt, "GET", "/api/v4/communities/c-new/join/me", `{"joinRequests":[],"users":[],"files":[],"roles":[],"paging":{}}`)
	mine, err := u.Communities.GetMyJoinRequest(ctx, "c-new")
	require.NoError(t, err, "no request is not an error")
	assert.Nil(t, mine.JoinRequest())
	empty.only(t)
}

func TestCommunityJoinRequestsShape(t *testing.T) {
	requests := fixture(t, "community_join_requests.json")
	type fn = func(context.Context, *amity.Client) error
	check := func(t *testing.T, out any) {
		switch v := out.(type) {
		case amity.CommunityJoinRequest:
			assert.Equal(t, "jr-bob-1", v.JoinRequestID)
		case *amity.CommunityJoinRequestPayload:
			require.NotNil(t, v.JoinRequest())
			assert.Equal(t, "Bob", v.Requestor(v.JoinRequest()).DisplayName, "sideloads kept")
		default:
			t.Fatalf("unexpected %T", out)
		}
	}
	badID := func(f func(ctx context.Context, c *amity.Client, id string) error) []fn {
		var out []fn
		for _, id := range []string{"", " ", "..", strings.Repeat("c", 901)} {
			out = append(out, func(ctx context.Context, c *amity.Client) error { return f(ctx, c, id) })
		}
		return out
	}
	carol := &amity.CommunityJoinRequestParams{UserID: "carol"}
	badAnswer := func(f func(ctx context.Context, c *amity.Client, id string, p *amity.CommunityJoinRequestParams) error) []fn {
		return append(badID(func(ctx context.Context, c *amity.Client, id string) error { return f(ctx, c, id, carol) }),
			func(ctx context.Context, c *amity.Client) error { return f(ctx, c, "c1", nil) },
			func(ctx context.Context, c *amity.Client) error {
				return f(ctx, c, "c1", &amity.CommunityJoinRequestParams{UserID: " "})
			})
	}
	const listQuery = "targetType=community&type=communityJoinRequest"
	runShapeCases(t, []shapeCase{
		{name: "CreateJoinRequest", method: "POST", path: "/api/v4/communities/c%2F1/join", answer: requests,
			empty: `{"joinRequests":[]}`, attempts: 1, check: check,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.CreateJoinRequest(ctx, "c/1")
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Communities.CreateJoinRequest(ctx, id))
			})},
		{name: "DeleteJoinRequest", method: "DELETE", path: "/api/v4/communities/c1/join", answer: `{"success":true}`,
			unsuccessful: successFalse, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Communities.DeleteJoinRequest(ctx, "c1"))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return c.Communities.DeleteJoinRequest(ctx, id)
			})},
		{name: "ListJoinRequests", method: "GET", path: "/api/v4/communities/c1/join", query: listQuery, answer: requests, check: check,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Communities.ListJoinRequests(ctx, "c1", nil))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(first(c.Communities.ListJoinRequests(ctx, id, nil)))
			})},
		{name: "ListJoinRequestsPages", method: "GET", path: "/api/v4/communities/c1/join", query: "statuses%5B%5D=pending&" + listQuery,
			answer: requests, check: check,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Communities.ListJoinRequestsPages(ctx, "c1", &amity.ListJoinRequestsParams{
					Statuses: []amity.CommunityJoinRequestStatus{amity.CommunityJoinRequestPending}}))
			}},
		{name: "ListJoinRequestsPage", method: "GET", path: "/api/v4/communities/c1/join", answer: requests, check: check, attempts: 3,
			query: "options%5Blimit%5D=5&options%5Btoken%5D=t&sortBy=_id&sortOrder=asc&" + listQuery,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.ListJoinRequestsPage(ctx, "c1", &amity.ListJoinRequestsParams{PageParams: amity.PageParams{Limit: 5, PageToken: "t"},
					SortBy: amity.CommunityJoinRequestSortID, Order: amity.CommunityJoinRequestAsc})
			},
			invalid: append(badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Communities.ListJoinRequestsPage(ctx, id, nil))
			}), func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.ListJoinRequestsPage(ctx, "c1", &amity.ListJoinRequestsParams{PageParams: amity.PageParams{PageToken: longString(1001)}}))
			})},
		{name: "CountJoinRequests", method: "GET", path: "/api/v4/communities/c1/join/count", answer: `{"count":2}`, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.CountJoinRequests(ctx, "c1")
			},
			check: func(t *testing.T, out any) { assert.Equal(t, 2, out.(*amity.CommunityJoinRequestCountPayload).Count) },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Communities.CountJoinRequests(ctx, id))
			})},
		{name: "GetMyJoinRequest", method: "GET", path: "/api/v4/communities/c1/join/me", answer: requests, check: check, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.GetMyJoinRequest(ctx, "c1")
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Communities.GetMyJoinRequest(ctx, id))
			})},
		{name: "GetLatestJoinRequests", method: "GET", path: "/api/v4/communities/c1/join/requests", answer: requests, check: check, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.GetLatestJoinRequests(ctx, "c1")
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Communities.GetLatestJoinRequests(ctx, id))
			})},
		{name: "ApproveJoinRequest", method: "POST", path: "/api/v4/communities/c1/join/approve", body: `{"userId":"carol"}`,
			answer: `{"success":true}`, unsuccessful: successFalse, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Communities.ApproveJoinRequest(ctx, "c1", carol))
			},
			invalid: badAnswer(func(ctx context.Context, c *amity.Client, id string, p *amity.CommunityJoinRequestParams) error {
				return c.Communities.ApproveJoinRequest(ctx, id, p)
			})},
		{name: "RejectJoinRequest", method: "POST", path: "/api/v4/communities/c1/join/reject", body: `{"userId":"carol"}`,
			answer: `{"success":true}`, unsuccessful: successFalse, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Communities.RejectJoinRequest(ctx, "c1", carol))
			},
			invalid: badAnswer(func(ctx context.Context, c *amity.Client, id string, p *amity.CommunityJoinRequestParams) error {
				return c.Communities.RejectJoinRequest(ctx, id, p)
			})},
	})
}

func TestCommunityJoinRequestsBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	assertInvalidCases(t, map[string]invalidCase{
		"join empty":      {"Communities.CreateJoinRequest: communityID", func() error { return errOf(c.Communities.CreateJoinRequest(ctx, "")) }},
		"cancel long":     {"Communities.DeleteJoinRequest: communityID", func() error { return c.Communities.DeleteJoinRequest(ctx, longString(901)) }},
		"approve nil":     {"Communities.ApproveJoinRequest: params", func() error { return c.Communities.ApproveJoinRequest(ctx, "c1", nil) }},
		"approve no user": {"Communities.ApproveJoinRequest: UserID", func() error { return c.Communities.ApproveJoinRequest(ctx, "c1", &amity.CommunityJoinRequestParams{}) }},
		"reject no user":  {"Communities.RejectJoinRequest: UserID", func() error { return c.Communities.RejectJoinRequest(ctx, "c1", &amity.CommunityJoinRequestParams{}) }},
		"list limit": {"Communities.ListJoinRequests: Limit", func() error {
			return errOf(first(c.Communities.ListJoinRequests(ctx, "c1", &amity.ListJoinRequestsParams{PageParams: amity.PageParams{Limit: 101}})))
		}},
		"count dot": {"communityID", func() error { return errOf(c.Communities.CountJoinRequests(ctx, "..")) }},
	})
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

// TestCommunityJoinRequestsUnknownEnumsAreSent: a status or order the SDK does not know is
// sent as given.
func TestCommunityJoinRequestsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"list", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Communities.ListJoinRequestsPage(ctx, "c1", &amity.ListJoinRequestsParams{
				Statuses: []amity.CommunityJoinRequestStatus{"expired"}, SortBy: "lastCreated", Order: "random"}))
		}, []string{"statuses[]=expired", "sortBy=lastCreated", "sortOrder=random"}},
	})
}

// TestCommunityJoinRequestsFixturesMatchSpec: the hand-written answers are valid answers of
// their operations.
func TestCommunityJoinRequestsFixturesMatchSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"community_join_requests.json":       {"GET", "/api/v4/communities/c-gophers/join"},
		"community_join_requests_page2.json": {"GET", "/api/v4/communities/c-gophers/join/me"},
	})
}

// TestCommunityJoinRequestsAgainstFake: joining a community that requires approval, and
// inviting to it, against amitytest: every answer decodes, and approvals and accepted
// invitations make members.
func TestCommunityJoinRequestsAgainstFake(t *testing.T) {
	ctx := context.Background()
	c, srv := fakeClient(t)
	for _, id := range []string{"bob", "carol", "dave"} {
		srv.UserToken(id) // the users exist
	}
	as := func(userID string) *amity.Client {
		u, err := c.AsUser(userID)
		require.NoError(t, err)
		return u
	}
	bob, carol, dave := as("bob"), as("carol"), as("dave")
	// The SDK's CreateCommunityParams gains requiresJoinApproval with spec 4.116.1's changed
	// operations; the body is sent here as the API takes it.
	req, err := http.NewRequest("POST", srv.URL()+"/api/v3/communities", strings.NewReader(`{"displayName":"Gophers","requiresJoinApproval":true}`))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+srv.AdminToken())
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	var created struct {
		Communities []amity.Community `json:"communities"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&created))
	resp.Body.Close()
	require.Len(t, created.Communities, 1)
	gophers := created.Communities[0].CommunityID

	// A join is a request until a moderator approves it.
	out, err := bob.Communities.CreateJoinRequest(ctx, gophers)
	require.NoError(t, err)
	jr := out.JoinRequest()
	assert.Equal(t, amity.CommunityJoinRequestPending, jr.Status)
	assert.Equal(t, "bob", out.Requestor(jr).UserID)
	n, err := c.Communities.CountJoinRequests(ctx, gophers)
	require.NoError(t, err)
	assert.Equal(t, 1, n.Count)
	pending, err := drain(c.Communities.ListJoinRequests(ctx, gophers, &amity.ListJoinRequestsParams{
		Statuses: []amity.CommunityJoinRequestStatus{amity.CommunityJoinRequestPending}}))
	require.NoError(t, err)
	require.Len(t, pending, 1)
	require.NoError(t, c.Communities.ApproveJoinRequest(ctx, gophers, &amity.CommunityJoinRequestParams{UserID: jr.RequestorInternalID}))
	got, err := bob.Communities.Get(ctx, gophers)
	require.NoError(t, err)
	assert.True(t, got.Community().IsJoined, "an approved request makes a member")
	mine, err := bob.Communities.GetMyJoinRequest(ctx, gophers)
	require.NoError(t, err)
	assert.Equal(t, amity.CommunityJoinRequestApproved, mine.JoinRequest().Status)
	assert.NotNil(t, mine.Responder(mine.JoinRequest()))
	latest, err := bob.Communities.GetLatestJoinRequests(ctx, gophers)
	require.NoError(t, err)
	assert.Len(t, latest.JoinRequests, 1)

	// Cancelled and rejected requests make no member.
	_, err = carol.Communities.CreateJoinRequest(ctx, gophers)
	require.NoError(t, err)
	require.NoError(t, carol.Communities.DeleteJoinRequest(ctx, gophers))
	assert.ErrorIs(t, carol.Communities.DeleteJoinRequest(ctx, gophers), amity.ErrNotFound, "nothing left to cancel")
	_, err = carol.Communities.CreateJoinRequest(ctx, gophers)
	require.NoError(t, err)
	require.NoError(t, c.Communities.RejectJoinRequest(ctx, gophers, &amity.CommunityJoinRequestParams{UserID: "carol"}))
	got, err = carol.Communities.Get(ctx, gophers)
	require.NoError(t, err)
	assert.False(t, got.Community().IsJoined)

	// Invitations: an accepted one makes a member; a rejected one is sent again, then cancelled.
	invs, err := c.Invitations.Create(ctx, &amity.CreateInvitationsParams{TargetID: gophers, UserIDs: []string{"carol", "dave"}})
	require.NoError(t, err)
	require.Len(t, invs.Invitations, 2)
	assert.Equal(t, "carol", invs.Invitee(invs.Invitation()).UserID)
	carolsInv, err := first(carol.Invitations.ListMine(ctx, nil))
	require.NoError(t, err)
	require.NoError(t, carol.Invitations.Accept(ctx, carolsInv.ID))
	got, err = carol.Communities.Get(ctx, gophers)
	require.NoError(t, err)
	assert.True(t, got.Community().IsJoined, "an accepted invitation makes a member")
	davesInv := invs.InvitationByID(invs.Invitations[1].InvitationID)
	require.NoError(t, dave.Invitations.Reject(ctx, davesInv.InvitationID))
	require.NoError(t, c.Invitations.Resend(ctx, davesInv.ID, &amity.ResendInvitationParams{CommunityID: gophers}))
	count, err := c.Invitations.Count(ctx, &amity.CountInvitationsParams{TargetID: gophers, Statuses: []amity.InvitationStatus{amity.InvitationPending}})
	require.NoError(t, err)
	assert.Equal(t, 1, count.Count)
	require.NoError(t, c.Invitations.Delete(ctx, davesInv.ID))
	cancelled, err := drain(c.Invitations.List(ctx, &amity.ListInvitationsParams{TargetID: gophers, Statuses: []amity.InvitationStatus{amity.InvitationCancelled}}))
	require.NoError(t, err)
	require.Len(t, cancelled, 1)
	assert.Equal(t, "dave", cancelled[0].InvitedUserID)
}
