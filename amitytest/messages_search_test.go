package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// GET /api/v2/search/messages finds the messages of the channels the caller may read whose
// text holds every word of the query.
func TestMessageSearch(t *testing.T) {
	srv, alice, bob, channelID, feed := newChat(t)
	carol := srv.UserToken("carol")
	m1 := sendMessage(t, srv, alice, feed, "Lunch at noon?")
	m2 := sendMessage(t, srv, bob, feed, "lunch lunch lunch!")
	sendMessage(t, srv, bob, feed, "dinner later")
	m4 := sendMessage(t, srv, alice, feed, "after lunch, a nap")

	search := func(token, query string) map[string]any {
		t.Helper()
		m := ok(t, call(t, srv, token, "GET", "/api/v2/search/messages?"+query, nil))
		assert.Equal(t, "success", m["status"])
		return m["data"].(map[string]any)
	}
	d := search(bob, "query=lunch")
	assert.Equal(t, []string{m4, m2, m1}, ids(list(t, d, "messages"), "messageId"), "newest first")
	assert.EqualValues(t, 3, d["totalCount"])
	assert.Equal(t, []string{channelID}, ids(list(t, d, "channels"), "channelId"))
	assert.Equal(t, []string{feed}, ids(list(t, d, "messageFeeds"), "messageFeedId"))
	assert.ElementsMatch(t, []string{"alice", "bob"}, ids(list(t, d, "users"), "userId"))
	assert.Equal(t, map[string]any{"query": "lunch", "limit": float64(20), "sortBy": "createdAt", "orderBy": "desc"}, d["search"])
	assert.Equal(t, "text", list(t, d, "messages")[0]["type"], "the v3 message shape")

	assert.Equal(t, []string{m2, m4, m1}, ids(list(t, search(bob, "query=lunch&options[sortBy]=relevance"), "messages"), "messageId"),
		"the most occurrences first, then the newest")
	assert.Equal(t, []string{m1, m2, m4}, ids(list(t, search(bob, "query=LUNCH&options[orderBy]=asc"), "messages"), "messageId"))
	assert.Equal(t, []string{m4}, ids(list(t, search(bob, "query=lunch+nap"), "messages"), "messageId"), "every word")
	assert.Equal(t, []string{m4}, ids(list(t, search(bob, "query=after+lunch&exactMatch=true"), "messages"), "messageId"))
	assert.Empty(t, list(t, search(bob, "query=lunch+after&exactMatch=true"), "messages"))
	assert.Equal(t, []string{m4, m1}, ids(list(t, search(bob, "query=lunch&userIds[]=alice"), "messages"), "messageId"))
	assert.Equal(t, []string{m4, m2, m1}, ids(list(t, search(bob, "query=lunch&channelId="+channelID), "messages"), "messageId"))
	assert.Empty(t, list(t, search(bob, "query=lunch&types[]=image"), "messages"))
	dm := list(t, ok(t, call(t, srv, alice, "POST", "/api/v3/channels/conversation", map[string]any{"userIds": []string{"bob"}})), "messageFeedsInfo")
	secret := sendMessage(t, srv, alice, dm[0]["messageFeedId"].(string), "lunch, just us")
	assert.Contains(t, ids(list(t, search(bob, "query=lunch"), "messages"), "messageId"), secret)
	assert.NotContains(t, ids(list(t, search(carol, "query=lunch"), "messages"), "messageId"), secret, "carol cannot read the conversation")

	d = search(bob, "query=lunch&channelId="+channelID+"&options[limit]=2")
	require.Len(t, list(t, d, "messages"), 2)
	next := d["paging"].(map[string]any)["next"].(string)
	assert.Equal(t, []string{m1}, ids(list(t, search(bob, "query=lunch&channelId="+channelID+"&options[limit]=2&options[token]="+q(next)), "messages"), "messageId"))

	call(t, srv, bob, "GET", "/api/v2/search/messages", nil).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, bob, "GET", "/api/v2/search/messages?query=x&types[]=sticker", nil).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, bob, "GET", "/api/v2/search/messages?query=x&options[sortBy]=loud", nil).isError(t, http.StatusBadRequest, codeBadRequest)
}
