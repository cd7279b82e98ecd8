package amitytest

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/amity-go/amity/internal/webhookspec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// memberOf reports, as userToken sees it, whether userID is a member of the community: in the
// member listing, and (for the user's own token) the community's isJoined.
func memberOf(t *testing.T, srv *Server, token, communityID, userID string) bool {
	t.Helper()
	m := ok(t, call(t, srv, token, "GET", "/api/v3/communities/"+communityID+"/users", nil))
	return slices.Contains(ids(list(t, m, "communityUsers"), "userId"), userID)
}

// isJoined is the community's isJoined as token sees it.
func isJoined(t *testing.T, srv *Server, token, communityID string) bool {
	t.Helper()
	m := ok(t, call(t, srv, token, "GET", "/api/v3/communities/"+communityID, nil))
	return list(t, m, "communities")[0]["isJoined"].(bool)
}

// specEvent is one webhook delivery: its event name and data.
type specEvent struct {
	name string
	data map[string]any
}

// checkSpecDeliveries waits for srv's webhooks and checks what the receiver got: the event
// names, in order, are want, each delivery is signed with webhookSecret and answered 200, and
// its data matches the spec's schema of its event (the 4.116.1 join request and invitation
// events, whose typed structs the webhook package gains separately; checkDeliveries decodes
// them once it has them; other events are checked whole). It returns the deliveries.
func checkSpecDeliveries(t *testing.T, srv *Server, got func() []captured, want []string) []specEvent {
	t.Helper()
	spec := webhookspec.ForTest(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	require.NoError(t, srv.FlushWebhooks(ctx))
	var out []specEvent
	var names []string
	for i, r := range got() {
		assert.Equal(t, sig(r.body, webhookSecret), r.header.Get("X-Amity-Signature"), "signature of #%d", i)
		var body struct {
			Event string          `json:"event"`
			Data  json.RawMessage `json:"data"`
		}
		require.NoError(t, json.Unmarshal(r.body, &body), "delivery #%d", i)
		var data map[string]any
		require.NoError(t, json.Unmarshal(body.Data, &data), "delivery #%d: %s", i, r.body)
		switch {
		case !slices.Contains(spec.Names(), body.Event): // 4.92.0 lacks the 4.116.1 events
		default:
			assert.NoError(t, spec.Check(body.Event, r.body), "%s body: %s", body.Event, r.body)
		}
		names = append(names, body.Event)
		out = append(out, specEvent{body.Event, data})
	}
	deliveries := srv.WebhookDeliveries()
	require.Equal(t, want, names, "%d deliveries", len(deliveries))
	for _, d := range deliveries {
		assert.Equal(t, http.StatusOK, d.Status, d.Event)
		assert.NoError(t, d.Err, d.Event)
	}
	return out
}

// TestInvitations: a moderator invites users to a community; an accepted invitation makes
// the invitee a member; rejected ones can be sent again, pending ones cancelled; listings and
// counts agree, and each change sends its webhook event.
func TestInvitations(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	got := webhookReceiver(t, srv)
	alice, bob, carol := srv.UserToken("alice"), srv.UserToken("bob"), srv.UserToken("carol")
	srv.UserToken("dave")
	gophers := createCommunity(t, srv, alice, map[string]any{"displayName": "Gophers", "isPublic": false, "userIds": []string{"dave"}})
	invite := func(token string, userIDs ...string) resp {
		return call(t, srv, token, "POST", "/api/v1/invitations", map[string]any{"type": "communityMemberInvite",
			"targetType": "community", "targetId": gophers, "userIds": userIDs})
	}

	// Inviting: a moderator's, of existing users who are not members yet.
	invite(bob, "carol").isError(t, http.StatusForbidden, codePermission)
	invite(alice, "nobody").isError(t, http.StatusNotFound, codeNotFound)
	invite(alice, "dave").isError(t, http.StatusUnprocessableEntity, codeBusiness) // the spec declares 422, no 400
	call(t, srv, alice, "POST", "/api/v1/invitations", map[string]any{"type": "groupInvite", "targetType": "community",
		"targetId": gophers, "userIds": []string{"bob"}}).isError(t, http.StatusUnprocessableEntity, codeBusiness)
	m := ok(t, invite(alice, "bob", "carol", "dave"))
	invs := list(t, m, "invitations")
	require.Len(t, invs, 2, "the member dave is not invited")
	assert.Equal(t, []string{"bob", "carol"}, ids(invs, "invitedUserId"))
	assert.Equal(t, []string{"pending", "pending"}, ids(invs, "status"))
	assert.Nil(t, invs[0]["respondedAt"])
	assert.Equal(t, "alice", invs[0]["inviterUserId"])
	assert.ElementsMatch(t, []string{"alice", "bob", "carol"}, ids(list(t, m, "users"), "userId"))
	bobInv, carolInv := invs[0]["_id"].(string), invs[1]["invitationId"].(string)
	clock.Advance(time.Minute)
	m = ok(t, invite(alice, "bob"))
	assert.Equal(t, bobInv, list(t, m, "invitations")[0]["_id"], "a pending invitation is not made twice")

	// Listing and counting: the moderators'; the invitee sees their own.
	listQ := "/api/v1/invitations?type=communityMemberInvite&targetType=community&targetId=" + gophers
	countQ := "/api/v1/invitations/count?type=communityMemberInvite&targetType=community&targetId=" + gophers
	listed := func(query string) []string {
		t.Helper()
		return ids(list(t, ok(t, call(t, srv, alice, "GET", listQ+query, nil)), "invitations"), "invitedUserId")
	}
	counted := func(query string) float64 {
		t.Helper()
		return ok(t, call(t, srv, alice, "GET", countQ+query, nil))["count"].(float64)
	}
	assert.Equal(t, []string{"carol", "bob"}, listed(""), "the latest first")
	assert.Equal(t, []string{"bob", "carol"}, listed("&sortOrder=asc"))
	assert.EqualValues(t, 2, counted(""))
	call(t, srv, bob, "GET", listQ, nil).isError(t, http.StatusForbidden, codePermission)
	call(t, srv, alice, "GET", "/api/v1/invitations?targetId="+gophers, nil).isError(t, http.StatusUnprocessableEntity, codeBusiness)
	call(t, srv, alice, "GET", countQ+"&statuses[]=lost", nil).isError(t, http.StatusUnprocessableEntity, codeBusiness)
	m = ok(t, call(t, srv, alice, "GET", listQ+"&options[limit]=1", nil))
	assert.Equal(t, []string{"carol"}, ids(list(t, m, "invitations"), "invitedUserId"))
	m = ok(t, call(t, srv, alice, "GET", listQ+"&options[token]="+q(m["paging"].(map[string]any)["next"].(string)), nil))
	assert.Equal(t, []string{"bob"}, ids(list(t, m, "invitations"), "invitedUserId"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/invitations/me", nil))
	assert.Equal(t, []string{bobInv}, ids(list(t, m, "invitations"), "_id"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/invitations/me?targetType=community&targetId=nope", nil))
	assert.Empty(t, list(t, m, "invitations"))

	// Accepting (with the private _id, as the vendor clients do): bob is a member.
	assert.False(t, isJoined(t, srv, bob, gophers))
	call(t, srv, carol, "POST", "/api/v1/invitations/"+bobInv+"/accept", nil).isError(t, http.StatusNotFound, codeNotFound)
	m = ok(t, call(t, srv, bob, "POST", "/api/v1/invitations/"+bobInv+"/accept", nil))
	assert.Equal(t, true, m["success"])
	assert.True(t, isJoined(t, srv, bob, gophers), "an accepted invitation makes a member")
	assert.True(t, memberOf(t, srv, alice, gophers, "bob"))
	call(t, srv, bob, "POST", "/api/v1/invitations/"+bobInv+"/accept", nil).isError(t, http.StatusUnprocessableEntity, codeBusiness)

	// Rejecting (with the public invitationId): carol is not a member; the invitation can be
	// sent again, then cancelled.
	clock.Advance(time.Minute)
	ok(t, call(t, srv, carol, "POST", "/api/v1/invitations/"+carolInv+"/reject", nil))
	assert.False(t, memberOf(t, srv, alice, gophers, "carol"))
	m = ok(t, call(t, srv, carol, "GET", "/api/v1/invitations/me", nil))
	assert.Equal(t, "rejected", list(t, m, "invitations")[0]["status"])
	assert.NotNil(t, list(t, m, "invitations")[0]["respondedAt"])
	assert.Equal(t, []string{"carol"}, listed("&statuses[]=rejected"))
	assert.Equal(t, []string{"carol", "bob"}, listed("&sortBy=respondedAt&sortOrder=desc"))
	assert.EqualValues(t, 1, counted("&statuses[]=approved"))
	resend := "/api/v1/invitations/" + carolInv + "/resend"
	call(t, srv, alice, "POST", resend, nil).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, alice, "POST", resend+"?communityId=other", nil).isError(t, http.StatusNotFound, codeNotFound)
	call(t, srv, bob, "POST", resend+"?communityId="+gophers, nil).isError(t, http.StatusForbidden, codePermission)
	call(t, srv, alice, "POST", "/api/v1/invitations/"+bobInv+"/resend?communityId="+gophers, nil).isError(t, http.StatusBadRequest, codeBadRequest)
	ok(t, call(t, srv, alice, "POST", resend+"?communityId="+gophers, nil))
	m = ok(t, call(t, srv, carol, "GET", "/api/v1/invitations/me?statuses[]=pending", nil))
	assert.Equal(t, []string{carolInv}, ids(list(t, m, "invitations"), "invitationId"), "pending again (statuses[], as the vendor clients filter)")
	call(t, srv, carol, "DELETE", "/api/v1/invitations/"+carolInv, nil).isError(t, http.StatusForbidden, codePermission)
	ok(t, call(t, srv, alice, "DELETE", "/api/v1/invitations/"+carolInv, nil))
	call(t, srv, carol, "POST", "/api/v1/invitations/"+carolInv+"/accept", nil).isError(t, http.StatusUnprocessableEntity, codeBusiness)
	assert.False(t, memberOf(t, srv, alice, gophers, "carol"))
	assert.EqualValues(t, 1, counted("&statuses[]=cancelled"))
	assert.EqualValues(t, 0, counted("&statuses[]=pending"))
	assert.Equal(t, len(listed("")), int(counted("")), "the count is the listing's length")

	events := checkSpecDeliveries(t, srv, got, []string{
		"v3.communityMemberInvitation.didCreate", "v3.communityMemberInvitation.didAccept", "v3.communityMemberInvitation.didReject",
	})
	assert.Equal(t, []string{"bob", "carol"}, ids(list(t, events[0].data, "invitations"), "invitedUserId"))
	assert.Equal(t, "approved", list(t, events[1].data, "invitations")[0]["status"])
	assert.Equal(t, "rejected", list(t, events[2].data, "invitations")[0]["status"])
}
