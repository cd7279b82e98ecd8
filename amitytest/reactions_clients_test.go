package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestReactionsAsTheVendorClientsSendThem reacts to a message the way the vendor clients do
// (ts-sdk reactionRepository/api/addReaction.ts and removeReaction.ts): the body carries
// referenceVersion 5 for messages, and the removal is a DELETE whose parameters travel in a
// JSON body (axios' delete(url, {data})) rather than in the query the spec declares. Both
// forms are accepted, and so are body fields the fake does not know.
func TestReactionsAsTheVendorClientsSendThem(t *testing.T) {
	t.Parallel()
	srv, alice, bob, _, feed := newChat(t)
	mid := sendMessage(t, srv, alice, feed, "hi")

	react := map[string]any{"referenceId": mid, "referenceType": "message", "reactionName": "like", "referenceVersion": 5,
		"clientSentAt": "2024-01-01T00:00:00Z"}
	added := ok(t, call(t, srv, bob, "POST", "/api/v2/reactions", react))["addedId"]
	assert.NotEmpty(t, added)
	m := ok(t, call(t, srv, bob, "GET", "/api/v5/messages/"+mid, nil))
	msg := list(t, m, "messages")[0]
	assert.Equal(t, map[string]any{"like": 1.0}, msg["reactions"])
	assert.Equal(t, []any{"like"}, msg["myReactions"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/reactions?referenceId="+mid+"&referenceType=message&referenceVersion=5", nil))
	assert.Equal(t, []string{"bob"}, ids(list(t, list(t, m, "reactions")[0], "reactors"), "userId"))
	r := call(t, srv, bob, "POST", "/api/v2/reactions", map[string]any{"referenceId": mid, "referenceType": "message",
		"reactionName": "love", "referenceVersion": "five"})
	assert.Equal(t, http.StatusBadRequest, r.status, "referenceVersion is an integer")

	// Removing: the parameters in a JSON body (the vendor clients) or in the query (the spec).
	m = ok(t, call(t, srv, bob, "DELETE", "/api/v2/reactions", map[string]any{"referenceId": mid, "referenceType": "message",
		"reactionName": "like", "referenceVersion": 5}))
	assert.Equal(t, added, m["removedId"])
	ok(t, call(t, srv, bob, "POST", "/api/v2/reactions", react))
	ok(t, call(t, srv, bob, "DELETE", "/api/v2/reactions?referenceId="+mid+"&referenceType=message&reactionName=like&referenceVersion=5", nil))
	m = ok(t, call(t, srv, bob, "GET", "/api/v5/messages/"+mid, nil))
	assert.Empty(t, list(t, m, "messages")[0]["reactions"])
	r = call(t, srv, bob, "DELETE", "/api/v2/reactions", map[string]any{"referenceId": mid, "referenceType": "message",
		"reactionName": "like", "referenceVersion": 5})
	assert.Equal(t, http.StatusNotFound, r.status, "nothing left to remove")
	assert.Equal(t, 400000, call(t, srv, bob, "DELETE", "/api/v2/reactions", map[string]any{"referenceId": mid}).code(t))
}
