package amitytest

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCommunityJoinRequests: a community created with requiresJoinApproval turns joins into
// requests a moderator approves (making a member) or rejects; requestors cancel their own;
// a pending invitation, or a community without approval, lets a join through at once;
// listings and counts agree, and each change sends its webhook event.
func TestCommunityJoinRequests(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	got := webhookReceiver(t, srv)
	alice, bob, carol, dave, erin := srv.UserToken("alice"), srv.UserToken("bob"), srv.UserToken("carol"), srv.UserToken("dave"), srv.UserToken("erin")
	gophers := createCommunity(t, srv, alice, map[string]any{"displayName": "Gophers", "requiresJoinApproval": true})
	open := createCommunity(t, srv, alice, map[string]any{"displayName": "Open"})
	base := "/api/v4/communities/" + gophers + "/join"
	join := func(token, communityID string) map[string]any {
		t.Helper()
		m := ok(t, call(t, srv, token, "POST", "/api/v4/communities/"+communityID+"/join", nil))
		jrs := list(t, m, "joinRequests")
		require.Len(t, jrs, 1)
		return jrs[0]
	}
	listQ := base + "?type=communityJoinRequest&targetType=community"
	listed := func(query string) []string {
		t.Helper()
		return ids(list(t, ok(t, call(t, srv, alice, "GET", listQ+query, nil)), "joinRequests"), "userId")
	}
	pending := func() float64 {
		t.Helper()
		return ok(t, call(t, srv, alice, "GET", base+"/count", nil))["count"].(float64)
	}

	// A join is a pending request; the requestor is not a member until approved.
	jr := join(bob, gophers)
	assert.Equal(t, "pending", jr["status"])
	assert.Equal(t, "bob", jr["requestorPublicId"])
	assert.Nil(t, jr["respondedAt"])
	assert.Nil(t, jr["responderId"])
	assert.False(t, isJoined(t, srv, bob, gophers))
	assert.Equal(t, jr["joinRequestId"], join(bob, gophers)["joinRequestId"], "a second join answers the pending request")
	m := ok(t, call(t, srv, bob, "GET", base+"/me", nil))
	assert.Equal(t, []string{"pending"}, ids(list(t, m, "joinRequests"), "status"))
	m = ok(t, call(t, srv, bob, "GET", base+"/requests", nil))
	assert.Equal(t, []string{jr["joinRequestId"].(string)}, ids(list(t, m, "joinRequests"), "joinRequestId"))

	// Cancelling: the requestor's pending request.
	ok(t, call(t, srv, bob, "DELETE", base, nil))
	call(t, srv, bob, "DELETE", base, nil).isError(t, http.StatusNotFound, codeNotFound)
	clock.Advance(time.Minute)
	again := join(bob, gophers)
	assert.NotEqual(t, jr["joinRequestId"], again["joinRequestId"])
	m = ok(t, call(t, srv, bob, "GET", base+"/me", nil))
	assert.Equal(t, []string{"pending", "cancelled"}, ids(list(t, m, "joinRequests"), "status"), "the latest first")
	m = ok(t, call(t, srv, bob, "GET", base+"/requests", nil))
	assert.Equal(t, []string{"pending"}, ids(list(t, m, "joinRequests"), "status"), "the latest only")
	clock.Advance(time.Minute)
	join(carol, gophers)
	clock.Advance(time.Minute)
	join(dave, gophers)

	// The moderators list and count them.
	assert.Equal(t, []string{"bob", "bob", "carol", "dave"}, listed(""))
	assert.Equal(t, []string{"dave", "carol", "bob", "bob"}, listed("&sortOrder=desc"))
	assert.Equal(t, []string{"bob", "carol", "dave"}, listed("&statuses[]=pending"))
	assert.EqualValues(t, 3, pending())
	m = ok(t, call(t, srv, alice, "GET", listQ+"&options[limit]=3", nil))
	assert.Len(t, list(t, m, "joinRequests"), 3)
	m = ok(t, call(t, srv, alice, "GET", listQ+"&options[token]="+q(m["paging"].(map[string]any)["next"].(string)), nil))
	assert.Equal(t, []string{"dave"}, ids(list(t, m, "joinRequests"), "userId"))
	call(t, srv, bob, "GET", listQ, nil).isError(t, http.StatusForbidden, codePermission)
	call(t, srv, bob, "GET", base+"/count", nil).isError(t, http.StatusForbidden, codePermission)
	call(t, srv, alice, "GET", base, nil).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, alice, "GET", listQ+"&sortBy=displayName", nil).isError(t, http.StatusBadRequest, codeBadRequest)

	// Approving (by the requestor's internal ID, as the vendor clients send it) makes a member;
	// rejecting does not.
	answer := func(token, verb, userID string) resp {
		return call(t, srv, token, "POST", base+"/"+verb, map[string]any{"userId": userID})
	}
	answer(bob, "approve", "carol").isError(t, http.StatusForbidden, codePermission)
	clock.Advance(time.Minute)
	ok(t, answer(alice, "approve", again["requestorInternalId"].(string)))
	assert.True(t, isJoined(t, srv, bob, gophers), "an approved request makes a member")
	assert.True(t, memberOf(t, srv, alice, gophers, "bob"))
	m = ok(t, call(t, srv, bob, "GET", base+"/me", nil))
	approved := list(t, m, "joinRequests")[0]
	assert.Equal(t, "approved", approved["status"])
	assert.Equal(t, "alice", approved["responderPublicId"])
	assert.NotNil(t, approved["respondedAt"])
	clock.Advance(time.Minute)
	ok(t, answer(alice, "reject", "carol"))
	assert.False(t, memberOf(t, srv, alice, gophers, "carol"))
	answer(alice, "approve", "carol").isError(t, http.StatusNotFound, codeNotFound)
	answer(alice, "reject", "nobody").isError(t, http.StatusNotFound, codeNotFound)
	assert.Equal(t, http.StatusBadRequest, answer(alice, "approve", "").status)
	assert.EqualValues(t, 1, pending())
	assert.Equal(t, []string{"dave"}, listed("&statuses[]=pending"))
	assert.Equal(t, []string{"carol", "bob"}, listed("&statuses[]=approved&statuses[]=rejected&sortBy=respondedAt&sortOrder=desc"))
	call(t, srv, bob, "POST", "/api/v4/communities/"+gophers+"/join", nil).isError(t, http.StatusForbidden, codeDuplicate)

	// A pending invitation lets the join through, and is accepted with it.
	ok(t, call(t, srv, alice, "POST", "/api/v1/invitations", map[string]any{"type": "communityMemberInvite",
		"targetType": "community", "targetId": gophers, "userIds": []string{"erin"}}))
	assert.Equal(t, "approved", join(erin, gophers)["status"])
	assert.True(t, isJoined(t, srv, erin, gophers))
	m = ok(t, call(t, srv, erin, "GET", "/api/v1/invitations/me", nil))
	assert.Equal(t, "approved", list(t, m, "invitations")[0]["status"])

	// Without join approval, a join is approved at once; switching it on later turns joins
	// into requests.
	assert.Equal(t, "approved", join(carol, open)["status"])
	assert.True(t, isJoined(t, srv, carol, open))
	ok(t, call(t, srv, alice, "PUT", "/api/v3/communities/"+open, map[string]any{"requiresJoinApproval": true}))
	assert.Equal(t, "pending", join(dave, open)["status"])
	ok(t, call(t, srv, alice, "PUT", "/api/v3/communities/"+open, map[string]any{"displayName": "Open again"}))
	assert.Equal(t, "pending", join(dave, open)["status"], "an update without the field keeps the setting")

	// Banned users and deleted communities.
	ok(t, call(t, srv, alice, "PUT", "/api/v3/communities/"+gophers+"/users/ban", map[string]any{"userIds": []string{"dave"}}))
	answer(alice, "approve", "dave").isError(t, http.StatusForbidden, codeBanned)
	call(t, srv, dave, "POST", base, nil).isError(t, http.StatusForbidden, codeBanned)
	call(t, srv, bob, "POST", "/api/v4/communities/nope/join", nil).isError(t, http.StatusNotFound, codeNotFound)

	events := checkSpecDeliveries(t, srv, got, []string{
		"v3.communityJoinRequest.didCreate", "v3.communityJoinRequest.didCreate", "v3.communityJoinRequest.didCreate",
		"v3.communityJoinRequest.didCreate", "v3.communityJoinRequest.didAccept", "v3.communityJoinRequest.didReject",
		"v3.communityMemberInvitation.didCreate", "v3.communityJoinRequest.didCreate", "v3.communityMemberInvitation.didAccept",
		"v3.communityJoinRequest.didCreate", "v3.communityJoinRequest.didCreate", "v3.community.didBan",
	})
	requestor := func(e specEvent) string { return list(t, e.data, "joinRequests")[0]["requestorId"].(string) }
	status := func(e specEvent) string { return list(t, e.data, "joinRequests")[0]["status"].(string) }
	assert.Equal(t, "bob", requestor(events[0]))
	assert.Equal(t, "pending", status(events[0]))
	assert.Equal(t, "bob", requestor(events[4]))
	assert.Equal(t, "approved", status(events[4]))
	assert.Equal(t, "alice", list(t, events[4].data, "joinRequests")[0]["responderId"])
	assert.Equal(t, "carol", requestor(events[5]))
	assert.Equal(t, "rejected", status(events[5]))
	assert.Equal(t, "erin", requestor(events[7]))
	assert.Equal(t, "approved", status(events[7]))
	assert.ElementsMatch(t, []string{"bob"}, ids(list(t, events[0].data, "users"), "userId"))
}
