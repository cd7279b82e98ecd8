package amitytest

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEvents: events of public and private communities and of users, their RSVPs and counts,
// their states over time, and who may change them.
func TestEvents(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	admin := srv.AdminToken()
	alice, bob, carol, dave := srv.UserToken("alice"), srv.UserToken("bob"), srv.UserToken("carol"), srv.UserToken("dave")
	gophers := createCommunity(t, srv, alice, map[string]any{"displayName": "Gophers", "userIds": []string{"bob"}})
	secret := createCommunity(t, srv, alice, map[string]any{"displayName": "Secret", "isPublic": false})
	at := func(d time.Duration) string { return ts(clock.Now().Add(d)) }
	meetup := map[string]any{"title": "Go meetup", "type": "in_person", "location": "Main hall", "startTime": at(24 * time.Hour),
		"endTime": at(26 * time.Hour), "originId": gophers, "tags": []string{"go", "meetup"}, "metadata": map[string]any{"timezone": "UTC"}}
	with := func(m map[string]any, k string, v any) map[string]any {
		out := map[string]any{}
		for kk, vv := range m {
			out[kk] = vv
		}
		if v == nil {
			delete(out, k)
		} else {
			out[k] = v
		}
		return out
	}

	// Creating: the body is checked, and only members create events in a community.
	for name, body := range map[string]map[string]any{
		"no location":     with(meetup, "location", nil),
		"past start":      with(meetup, "startTime", at(-time.Hour)),
		"end before":      with(meetup, "endTime", at(23*time.Hour)),
		"long title":      with(meetup, "title", strings.Repeat("t", 61)),
		"bad type":        with(meetup, "type", "hybrid"),
		"six tags":        with(meetup, "tags", []string{"a", "b", "c", "d", "e", "f"}),
		"no origin":       with(meetup, "originId", nil),
		"bad origin type": with(meetup, "originType", "channel"),
	} {
		assert.Equal(t, http.StatusBadRequest, call(t, srv, alice, "POST", "/api/v1/events", body).status, name)
	}
	call(t, srv, carol, "POST", "/api/v1/events", meetup).isError(t, http.StatusForbidden, codeForbidden)
	call(t, srv, carol, "POST", "/api/v1/events", with(meetup, "originId", "nope")).isError(t, http.StatusNotFound, codeNotFound)
	m := ok(t, call(t, srv, alice, "POST", "/api/v1/events", meetup))
	ev := list(t, m, "events")[0]
	eventID := ev["eventId"].(string)
	assert.Equal(t, "scheduled", ev["status"])
	assert.Equal(t, "community", ev["originType"], "community is the default origin")
	assert.Equal(t, true, ev["isOriginPublic"])
	assert.EqualValues(t, 0, ev["rsvpCount"])
	assert.Equal(t, []any{"go", "meetup"}, ev["tags"])
	assert.Equal(t, "alice", list(t, m, "users")[0]["userId"])
	assert.Equal(t, gophers, list(t, m, "communities")[0]["communityId"])
	assert.NotContains(t, m, "eventResponses", "a create answers no RSVPs")

	online := ok(t, call(t, srv, carol, "POST", "/api/v1/events", map[string]any{"title": "Carol live", "type": "virtual",
		"startTime": at(48 * time.Hour), "endTime": at(49 * time.Hour), "originType": "user", "originId": "carol", "tags": []string{"go"}}))
	onlineID := list(t, online, "events")[0]["eventId"].(string)
	call(t, srv, carol, "POST", "/api/v1/events", map[string]any{"title": "Not mine", "type": "virtual", "startTime": at(time.Hour),
		"endTime": at(2 * time.Hour), "originType": "user", "originId": "bob"}).isError(t, http.StatusForbidden, codeForbidden)
	hidden := ok(t, call(t, srv, alice, "POST", "/api/v1/events", with(with(meetup, "originId", secret), "title", "Secret plans")))
	hiddenID := list(t, hidden, "events")[0]["eventId"].(string)
	assert.Equal(t, false, list(t, hidden, "events")[0]["isOriginPublic"])

	// Reading: a private community's events are its members' (and the creator's).
	call(t, srv, bob, "GET", "/api/v1/events/"+hiddenID, nil).isError(t, http.StatusForbidden, codeForbidden)
	ok(t, call(t, srv, alice, "GET", "/api/v1/events/"+hiddenID, nil))
	call(t, srv, bob, "GET", "/api/v1/events/nope", nil).isError(t, http.StatusNotFound, codeNotFound)
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/events/"+eventID, nil))
	assert.Empty(t, list(t, m, "eventResponses"), "bob has not answered yet")

	// RSVPs: one answer per user, created once, then changed; the counts follow.
	rsvp := func(token, method, status string) resp {
		return call(t, srv, token, method, "/api/v1/events/"+eventID+"/rsvp", map[string]any{"status": status})
	}
	counts := func(m map[string]any) [2]float64 {
		e := list(t, m, "events")[0]
		return [2]float64{e["rsvpCount"].(float64), e["interestedCount"].(float64)}
	}
	m = ok(t, rsvp(bob, "POST", "going"))
	assert.Equal(t, "going", list(t, m, "eventResponses")[0]["status"])
	assert.Equal(t, [2]float64{1, 0}, counts(m))
	rsvp(bob, "POST", "interested").isError(t, http.StatusBadRequest, codeBadRequest)
	rsvp(carol, "PUT", "going").isError(t, http.StatusNotFound, codeNotFound)
	rsvp(carol, "POST", "maybe").isError(t, http.StatusBadRequest, codeBadRequest)
	m = ok(t, rsvp(bob, "PUT", "interested"))
	assert.Equal(t, [2]float64{0, 1}, counts(m))
	clock.Advance(time.Minute)
	m = ok(t, rsvp(carol, "POST", "going"))
	assert.Equal(t, [2]float64{1, 1}, counts(m))
	clock.Advance(time.Minute)
	ok(t, rsvp(dave, "POST", "not_going"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/events/"+eventID, nil))
	assert.Equal(t, "interested", list(t, m, "eventResponses")[0]["status"], "Get carries the caller's RSVP")
	assert.Equal(t, [2]float64{1, 1}, counts(m))

	// The attendees, the latest answer first, paged; and filtered by status.
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/events/"+eventID+"/rsvp?options[limit]=2", nil))
	assert.Equal(t, []string{"dave", "carol"}, ids(list(t, m, "eventResponses"), "userId"))
	assert.Equal(t, []string{"dave", "carol"}, ids(list(t, m, "users"), "userId"), "the page's users")
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/events/"+eventID+"/rsvp?options[token]="+q(next), nil))
	assert.Equal(t, []string{"bob"}, ids(list(t, m, "eventResponses"), "userId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/events/"+eventID+"/rsvp?status=going", nil))
	assert.Equal(t, []string{"carol"}, ids(list(t, m, "eventResponses"), "userId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/events/"+eventID+"/rsvp?options[after]=carol", nil))
	assert.Equal(t, []string{"dave"}, ids(list(t, m, "eventResponses"), "userId"), "the cursor of an RSVP is its user")

	// The caller's own RSVPs.
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/events/me/rsvp?status[]=interested&status[]=going", nil))
	assert.Equal(t, []string{eventID}, ids(list(t, m, "eventResponses"), "eventId"))
	assert.Equal(t, []string{eventID}, ids(list(t, m, "events"), "eventId"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/events/me/rsvp?status=going", nil))
	assert.Empty(t, list(t, m, "eventResponses"), "a single status, as the vendor clients send it, filters too")
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/events/"+eventID+"/me/rsvp", nil))
	assert.Equal(t, "bob", list(t, m, "eventResponses")[0]["userId"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/events/"+eventID+"/me/rsvp", nil))
	assert.Empty(t, list(t, m, "eventResponses"), "alice has not answered")
	assert.Equal(t, eventID, list(t, m, "events")[0]["eventId"])

	// Listing: users see scheduled events by default, of the communities they may see; the
	// admin every state. Counts (the admin's only) match the listings.
	listIDs := func(token, query string) []string {
		t.Helper()
		return ids(list(t, ok(t, call(t, srv, token, "GET", "/api/v1/events"+query, nil)), "events"), "eventId")
	}
	countOf := func(query string) float64 {
		t.Helper()
		return ok(t, call(t, srv, admin, "GET", "/api/v1/events/count"+query, nil))["count"].(float64)
	}
	assert.Equal(t, []string{eventID}, listIDs(bob, ""), "community events by default; the private one is hidden")
	assert.ElementsMatch(t, []string{eventID, hiddenID}, listIDs(alice, ""))
	assert.Equal(t, []string{onlineID}, listIDs(bob, "?originType=user"))
	assert.Equal(t, []string{onlineID}, listIDs(bob, "?originType=user&originId=carol&type=virtual&tags[]=go"))
	assert.Empty(t, listIDs(bob, "?originType=user&type=in_person"))
	assert.Equal(t, []string{hiddenID, eventID}, listIDs(admin, "?sortBy=createdAt&orderBy=desc"))
	assert.Equal(t, []string{eventID}, listIDs(admin, "?originId="+gophers+"&startTimeGte="+q(at(time.Hour))+"&startTimeLte="+q(at(25*time.Hour))))
	assert.Empty(t, listIDs(admin, "?startTimeGte="+q(at(25*time.Hour))))
	assert.Equal(t, []string{eventID}, listIDs(bob, "?userId=bob&onlyAttendee=true"), "bob is interested")
	assert.Empty(t, listIDs(dave, "?userId=dave&onlyAttendee=true"), "not going is no attendance")
	assert.Empty(t, listIDs(alice, "?excludeOwnEvents=true"))
	call(t, srv, bob, "GET", "/api/v1/events?onlyAttendee=true", nil).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, bob, "GET", "/api/v1/events?userId=alice", nil).isError(t, http.StatusForbidden, codeForbidden)
	call(t, srv, bob, "GET", "/api/v1/events?status=postponed", nil).isError(t, http.StatusBadRequest, codeBadRequest)
	assert.EqualValues(t, 2, countOf(""))
	assert.EqualValues(t, 1, countOf("?originType=user"))
	assert.EqualValues(t, 1, countOf("?originId="+gophers+"&tags[]=meetup"))
	call(t, srv, alice, "GET", "/api/v1/events/count", nil).isError(t, http.StatusForbidden, codePermission)

	// Over time: live, then ended; an ended event takes no answer and leaves the users'
	// default listing.
	clock.Advance(25 * time.Hour)
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/events/"+eventID, nil))
	assert.Equal(t, "live", list(t, m, "events")[0]["status"])
	assert.Equal(t, []string{eventID}, listIDs(bob, "?status=live"))
	clock.Advance(2 * time.Hour)
	assert.Equal(t, "ended", list(t, ok(t, call(t, srv, bob, "GET", "/api/v1/events/"+eventID, nil)), "events")[0]["status"])
	rsvp(bob, "PUT", "going").isError(t, http.StatusBadRequest, codeBadRequest)
	assert.Empty(t, listIDs(bob, ""))
	assert.EqualValues(t, 2, countOf("?status=ended"))

	// Updating and cancelling: the creator's (or the admin's).
	upd := "/api/v1/events/" + onlineID
	call(t, srv, bob, "PUT", upd, map[string]any{"title": "Mine now"}).isError(t, http.StatusForbidden, codePermission)
	call(t, srv, carol, "PUT", upd, map[string]any{"description": ""}).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, carol, "PUT", upd, map[string]any{"status": "live"}).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, carol, "PUT", upd, map[string]any{"endTime": at(-time.Hour)}).isError(t, http.StatusBadRequest, codeBadRequest)
	m = ok(t, call(t, srv, carol, "PUT", upd, map[string]any{"title": "Carol live again", "tags": []string{"go", "live"}, "externalUrl": "https://x.test"}))
	e := list(t, m, "events")[0]
	assert.Equal(t, "Carol live again", e["title"])
	assert.Equal(t, "scheduled", e["status"])
	assert.Equal(t, "https://x.test", e["externalUrl"])
	m = ok(t, call(t, srv, admin, "PUT", upd, map[string]any{"status": "cancelled"}))
	assert.Equal(t, "cancelled", list(t, m, "events")[0]["status"])
	call(t, srv, bob, "POST", upd+"/rsvp", map[string]any{"status": "going"}).isError(t, http.StatusBadRequest, codeBadRequest)
	assert.Equal(t, []string{onlineID}, listIDs(bob, "?originType=user&status=cancelled"))

	// Deleting: the creator's; a deleted event is gone.
	call(t, srv, bob, "DELETE", "/api/v1/events/"+hiddenID, nil).isError(t, http.StatusForbidden, codeForbidden)
	call(t, srv, carol, "DELETE", "/api/v1/events/"+eventID, nil).isError(t, http.StatusForbidden, codePermission)
	m = ok(t, call(t, srv, alice, "DELETE", "/api/v1/events/"+eventID, nil))
	assert.Equal(t, true, m["success"])
	call(t, srv, alice, "GET", "/api/v1/events/"+eventID, nil).isError(t, http.StatusNotFound, codeNotFound)
	call(t, srv, alice, "DELETE", "/api/v1/events/"+eventID, nil).isError(t, http.StatusNotFound, codeNotFound)
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/events/me/rsvp", nil))
	assert.Empty(t, list(t, m, "eventResponses"), "the RSVPs of a deleted event are gone")
	assert.EqualValues(t, 1, countOf(""))
	require.Equal(t, []string{hiddenID}, listIDs(admin, ""))
}
