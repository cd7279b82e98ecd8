package amitytest

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPolls(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	alice, bob, carol := srv.UserToken("alice"), srv.UserToken("bob"), srv.UserToken("carol")

	m := ok(t, call(t, srv, alice, "POST", "/api/v3/polls", map[string]any{
		"question": "Best season?", "answerType": "multiple", "closedIn": 60000,
		"answers": []map[string]any{{"dataType": "text", "data": "Spring"}, {"dataType": "text", "data": "Summer"}, {"dataType": "text", "data": "Autumn"}},
	}))
	p := list(t, m, "polls")[0]
	pollID := p["pollId"].(string)
	assert.Equal(t, "open", p["status"])
	assert.Equal(t, "multiple", p["answerType"])
	answers := p["answers"].([]any)
	require.Len(t, answers, 3)
	a0 := answers[0].(map[string]any)["id"].(string)
	a1 := answers[1].(map[string]any)["id"].(string)

	m = ok(t, call(t, srv, bob, "POST", "/api/v3/polls/"+pollID+"/votes", map[string]any{"answerIds": []string{a0, a1}}))
	p = list(t, m, "polls")[0]
	assert.Equal(t, true, p["isVoted"])
	assert.Equal(t, 1.0, p["answers"].([]any)[0].(map[string]any)["voteCount"])
	assert.Equal(t, true, p["answers"].([]any)[0].(map[string]any)["isVotedByUser"])
	ok(t, call(t, srv, carol, "POST", "/api/v3/polls/"+pollID+"/votes", map[string]any{"answerIds": []string{a0}}))

	m = ok(t, call(t, srv, alice, "GET", "/api/v3/polls/"+pollID, nil))
	p = list(t, m, "polls")[0]
	assert.Equal(t, false, p["isVoted"])
	assert.Equal(t, 2.0, p["answers"].([]any)[0].(map[string]any)["voteCount"])

	m = ok(t, call(t, srv, alice, "GET", "/api/v3/polls/"+pollID+"/answers/"+a0+"?options[limit]=1&sortBy=firstCreated", nil))
	answered := list(t, m, "UsersAnswered")
	require.Len(t, answered, 1)
	assert.Equal(t, "bob", answered[0]["userId"])
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/polls/"+pollID+"/answers/"+a0+"?sortBy=firstCreated&options[token]="+q(next), nil))
	assert.Equal(t, "carol", list(t, m, "UsersAnswered")[0]["userId"])

	// Closing: only the creator; closed polls refuse votes.
	r := call(t, srv, bob, "PUT", "/api/v3/polls/"+pollID, map[string]any{"status": "closed"})
	r.isError(t, http.StatusForbidden, 400300)
	m = ok(t, call(t, srv, alice, "PUT", "/api/v3/polls/"+pollID, map[string]any{"status": "closed"}))
	assert.Equal(t, "closed", list(t, m, "polls")[0]["status"])
	r = call(t, srv, carol, "POST", "/api/v3/polls/"+pollID+"/votes", map[string]any{"answerIds": []string{a1}})
	assert.Equal(t, http.StatusBadRequest, r.status)

	// A poll also closes by itself after closedIn.
	m = ok(t, call(t, srv, alice, "POST", "/api/v3/polls", map[string]any{
		"question": "Quick?", "closedIn": 1000,
		"answers": []map[string]any{{"dataType": "text", "data": "Yes"}, {"dataType": "text", "data": "No"}},
	}))
	quick := list(t, m, "polls")[0]
	quickID := quick["pollId"].(string)
	yes := quick["answers"].([]any)[0].(map[string]any)["id"].(string)
	no := quick["answers"].([]any)[1].(map[string]any)["id"].(string)
	r = call(t, srv, bob, "POST", "/api/v3/polls/"+quickID+"/votes", map[string]any{"answerIds": []string{yes, no}})
	assert.Equal(t, http.StatusBadRequest, r.status, "single-answer polls take one answer")
	clock.Advance(2 * time.Second)
	r = call(t, srv, bob, "POST", "/api/v3/polls/"+quickID+"/votes", map[string]any{"answerIds": []string{yes}})
	assert.Equal(t, http.StatusBadRequest, r.status)
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/polls/"+quickID, nil))
	assert.Equal(t, "closed", list(t, m, "polls")[0]["status"])

	// Delete.
	assert.Equal(t, http.StatusForbidden, call(t, srv, bob, "DELETE", "/api/v3/polls/"+quickID, nil).status)
	m = ok(t, call(t, srv, alice, "DELETE", "/api/v3/polls/"+quickID, nil))
	assert.Equal(t, true, m["data"].(map[string]any)["success"])
	assert.Equal(t, http.StatusNotFound, call(t, srv, alice, "GET", "/api/v3/polls/"+quickID, nil).status)

	// Validation.
	r = call(t, srv, alice, "POST", "/api/v3/polls", map[string]any{"question": "One?", "answers": []map[string]any{{"dataType": "text", "data": "only"}}})
	assert.Equal(t, 400000, r.code(t))
}

func TestModerationLists(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin := srv.AdminToken()
	user := srv.UserToken("user")

	assert.Equal(t, http.StatusForbidden, call(t, srv, user, "POST", "/api/v3/blocklists", map[string]any{"regexs": []string{"x"}}).status)
	assert.Equal(t, http.StatusForbidden, call(t, srv, user, "GET", "/api/v3/blocklists", nil).status)
	ok(t, call(t, srv, admin, "POST", "/api/v3/blocklists", map[string]any{"regexs": []string{"spam", "scam", "junk"}, "isMatchExactWord": true}))
	r := call(t, srv, admin, "POST", "/api/v3/blocklists", map[string]any{"regexs": []string{"(unclosed"}})
	assert.Equal(t, 400000, r.code(t))
	r = call(t, srv, admin, "POST", "/api/v3/blocklists", map[string]any{"regexs": []string{}})
	assert.Equal(t, 400000, r.code(t))

	m := ok(t, call(t, srv, admin, "GET", "/api/v3/blocklists?options[limit]=2&sortBy=firstCreated", nil))
	res := list(t, m, "results")
	assert.Equal(t, []string{"spam", "scam"}, ids(res, "regex"))
	assert.Equal(t, true, res[0]["isMatchExactWord"])
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/blocklists?sortBy=firstCreated&options[token]="+q(next), nil))
	assert.Equal(t, []string{"junk"}, ids(list(t, m, "results"), "regex"))
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/blocklists?regex=am", nil))
	assert.ElementsMatch(t, []string{"spam", "scam"}, ids(list(t, m, "results"), "regex"))

	m = ok(t, call(t, srv, user, "POST", "/api/v3/blocklists/verify", map[string]any{"data": []string{"hello", "spammer"}}))
	assert.Equal(t, true, m["success"])
	r = call(t, srv, user, "POST", "/api/v3/blocklists/verify", map[string]any{"data": []string{"hello", "pure SPAM!"}})
	r.isError(t, http.StatusForbidden, 400308)

	ok(t, call(t, srv, admin, "POST", "/api/v3/allowlists", map[string]any{"regexs": []string{"example.org", `.*\.trusted\.net`}}))
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/allowlists", nil))
	assert.Len(t, list(t, m, "results"), 2)
	_, hasExact := list(t, m, "results")[0]["isMatchExactWord"]
	assert.False(t, hasExact)
	ok(t, call(t, srv, user, "POST", "/api/v3/allowlists/verify", map[string]any{"data": []string{"https://example.org/a", "http://cdn.trusted.net/x"}}))
	r = call(t, srv, user, "POST", "/api/v3/allowlists/verify", map[string]any{"data": []string{"https://other.org"}})
	assert.Equal(t, 400309, r.code(t))
	r = call(t, srv, user, "POST", "/api/v3/allowlists/verify", map[string]any{"data": []string{"not a url"}})
	assert.Equal(t, 400000, r.code(t))

	m = ok(t, call(t, srv, admin, "GET", "/api/v3/network-settings/moderation", nil))
	assert.Equal(t, true, m["isWhitelistEnabled"])
	m = ok(t, call(t, srv, admin, "PUT", "/api/v3/network-settings/moderation", map[string]any{"isWhitelistEnabled": false}))
	assert.Equal(t, false, m["isWhitelistEnabled"])
	ok(t, call(t, srv, user, "POST", "/api/v3/allowlists/verify", map[string]any{"data": []string{"https://other.org"}}))
}

func TestSeed(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	res := srv.Seed(SeedOptions{})
	assert.Len(t, res.UserIDs, 12)
	assert.NotEmpty(t, res.FlaggedUserIDs)
	assert.Len(t, res.CommunityIDs, 3)
	assert.Len(t, res.CategoryIDs, 3)
	assert.Len(t, res.PostIDs, 3*6+3+1)
	assert.NotEmpty(t, res.ImagePostIDs)
	assert.NotEmpty(t, res.FlaggedPostIDs)
	assert.NotEmpty(t, res.CommentIDs)
	assert.NotEmpty(t, res.FlaggedCommentIDs)
	assert.Len(t, res.ChannelIDs, 2)
	assert.Len(t, res.MessageIDs, 30)
	assert.NotEmpty(t, res.FlaggedMessageIDs)
	assert.NotEmpty(t, res.FileIDs)
	assert.NotEmpty(t, res.PollID)
	assert.NotEmpty(t, res.PollPostID)

	// Deterministic: a fresh server with the same options gets the same ids.
	again := newServer(t).Seed(SeedOptions{})
	assert.Equal(t, res, again)
	other := newServer(t).Seed(SeedOptions{Seed: 2})
	assert.Equal(t, res.UserIDs, other.UserIDs)
	assert.NotEqual(t, res.FlaggedPostIDs, other.FlaggedPostIDs)

	// Everything seeded is readable through the API, and in the past.
	admin := srv.AdminToken()
	m := ok(t, call(t, srv, admin, "GET", "/api/v3/users?filter=flagged", nil))
	assert.ElementsMatch(t, res.FlaggedUserIDs, ids(list(t, m, "users"), "userId"))
	for _, u := range list(t, m, "users") {
		assert.Equal(t, true, u["metadata"].(map[string]any)["seeded"])
	}
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/posts/list?postIds="+res.ImagePostIDs[0], nil))
	assert.NotEmpty(t, list(t, m, "postChildren"))
	assert.NotEmpty(t, list(t, m, "files"))
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/posts/"+res.PollPostID, nil))
	assert.Equal(t, res.PollID, list(t, m, "polls")[0]["pollId"])
	for _, cid := range res.CommunityIDs {
		m = ok(t, call(t, srv, admin, "GET", "/api/v4/posts?targetType=community&targetId="+cid+"&hasFlag=true", nil))
		for _, p := range list(t, m, "posts") {
			created, err := time.Parse(time.RFC3339, p["createdAt"].(string))
			require.NoError(t, err)
			assert.True(t, created.Before(time.Now()))
		}
	}
	m = ok(t, call(t, srv, admin, "GET", "/api/v5/messages?messageFeedId="+res.MessageFeedIDs[0]+"&hasFlags=true", nil))
	assert.NotEmpty(t, list(t, m, "messages"))
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/comments/list?commentIds="+res.FlaggedCommentIDs[0], nil))
	assert.Greater(t, list(t, m, "comments")[0]["flagCount"].(float64), 0.0)
	r := call(t, srv, admin, "GET", "/api/v3/files/"+res.FileIDs[0]+"/download", nil)
	assert.Equal(t, "image/png", r.header.Get("Content-Type"))

	// Seeded users can sign in and act.
	tok := register(t, srv, res.UserIDs[0], "d")
	m = ok(t, call(t, srv, tok, "GET", "/api/v3/communities?filter=member", nil))
	for _, c := range list(t, m, "communities") {
		assert.Equal(t, true, c["isJoined"])
	}
}
