package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMarkersCountReads(t *testing.T) {
	t.Parallel()
	srv, alice, bob, cid, _ := newChat(t)
	internal := channelInternalID(t, srv, alice, cid)
	feed := internal // the default message feed has the channel's internal ID
	m1 := sendMessage(t, srv, alice, feed, "one")
	sendMessage(t, srv, alice, feed, "two")
	ok(t, call(t, srv, alice, "POST", "/api/v5/messages", map[string]any{"messageFeedId": feed, "referenceId": "r3", "dataType": "text",
		"data": map[string]any{"text": "hey bob"}, "mentionedUsers": []map[string]any{{"type": "user", "userIds": []string{"bob"}}}}))

	m := ok(t, call(t, srv, bob, "GET", "/api/v1/markers/channels?channelIds="+internal, nil))
	assert.Equal(t, 3.0, list(t, m, "userMarkers")[0]["unreadCount"])
	em := list(t, m, "userEntityMarkers")[0]
	assert.Equal(t, internal, em["entityId"])
	assert.Equal(t, 3.0, em["unreadCount"])
	assert.Equal(t, true, em["isMentioned"])
	assert.Equal(t, "member", em["membership"])
	// The author has nothing unread.
	assert.Equal(t, 0.0, list(t, ok(t, call(t, srv, alice, "GET", "/api/v1/markers/userMarker", nil)), "userMarkers")[0]["unreadCount"])

	// Bob reads up to segment 1, then receives up to message 1.
	m = ok(t, call(t, srv, bob, "PUT", "/api/v1/markers/message-feeds/"+feed+"/mark-read", map[string]any{"readToSegment": 1}))
	fm := list(t, m, "userFeedMarkers")[0]
	assert.Equal(t, 1.0, fm["readToSegment"])
	assert.Equal(t, 2.0, fm["unreadCount"])
	assert.Equal(t, 3.0, fm["lastMentionSegment"])
	assert.Equal(t, 3.0, list(t, m, "feedMarkers")[0]["lastSegment"])
	assert.Equal(t, 2.0, list(t, m, "userMarkers")[0]["unreadCount"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/markers/messages?messageIds="+m1, nil))
	cm := list(t, m, "contentMarkers")[0]
	assert.Equal(t, 1.0, cm["readCount"])
	assert.Equal(t, 1.0, cm["deliveredCount"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/markers/messages/"+m1+"/read-users", nil))
	assert.Equal(t, []any{"bob"}, m["publicUserIds"])

	// A marker never moves back.
	m = ok(t, call(t, srv, bob, "PUT", "/api/v1/markers/message-feeds/"+feed+"/mark-read", map[string]any{"readToSegment": 0}))
	assert.Equal(t, 1.0, list(t, m, "userFeedMarkers")[0]["readToSegment"])

	// Delivered, not read.
	msgs := ok(t, call(t, srv, bob, "GET", "/api/v5/messages?messageFeedId="+feed, nil))
	var last string
	for _, msg := range list(t, msgs, "messages") {
		if msg["segment"] == 3.0 {
			last = msg["messageId"].(string)
		}
	}
	require.NotEmpty(t, last)
	m = ok(t, call(t, srv, bob, "PUT", "/api/v1/markers/message-feeds/"+feed+"/mark-delivering", map[string]any{"messageId": last}))
	assert.Equal(t, 3.0, list(t, m, "userFeedMarkers")[0]["deliveredToSegment"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/markers/messages/"+last+"/delivered-users", nil))
	assert.Equal(t, []any{"bob"}, m["publicUserIds"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/markers/messages/"+last+"/read-users", nil))
	assert.Equal(t, []any{}, m["publicUserIds"])

	// Marking the channel read clears every count.
	m = ok(t, call(t, srv, bob, "PUT", "/api/v1/markers/channels/"+internal+"/mark-read", nil))
	assert.Equal(t, 0.0, list(t, m, "userEntityMarkers")[0]["unreadCount"])
	assert.Equal(t, false, list(t, m, "userEntityMarkers")[0]["isMentioned"])
	assert.Equal(t, 0.0, list(t, ok(t, call(t, srv, bob, "GET", "/api/v1/markers/userMarker", nil)), "userMarkers")[0]["unreadCount"])

	// While bob reads the feed, new messages count as read; after he stops they count again.
	ok(t, call(t, srv, bob, "POST", "/api/v1/markers/message-feeds/"+feed+"/start-reading", nil))
	sendMessage(t, srv, alice, feed, "four")
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/markers/message-feeds?messageFeedIds="+feed, nil))
	assert.Equal(t, 0.0, list(t, m, "userFeedMarkers")[0]["unreadCount"])
	ok(t, call(t, srv, bob, "POST", "/api/v1/markers/message-feeds/"+feed+"/stop-readings", nil))
	sendMessage(t, srv, alice, feed, "five")
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/markers/user-message-feed?channelIds="+internal, nil))
	assert.Equal(t, 1.0, list(t, m, "userFeedMarkers")[0]["unreadCount"])
	assert.Equal(t, 5.0, list(t, m, "feedMarkers")[0]["lastSegment"])
	m = ok(t, call(t, srv, bob, "POST", "/api/v1/markers/message-feeds/reading", map[string]any{"messageFeedIds": []string{feed}}))
	assert.Equal(t, 0.0, list(t, m, "userFeedMarkers")[0]["unreadCount"])

	// Sync returns the markers of the caller's channels.
	m = ok(t, call(t, srv, bob, "POST", "/api/v1/markers/sync", map[string]any{}))
	assert.Equal(t, []string{feed}, ids(list(t, m, "userFeedMarkers"), "feedId"))
	m = ok(t, call(t, srv, bob, "POST", "/api/v1/markers/sync", map[string]any{"deviceLastSyncAt": "2999-01-01T00:00:00Z"}))
	assert.Empty(t, list(t, m, "userFeedMarkers"))

	// The channel's seen endpoint and the markers are one read marker.
	sendMessage(t, srv, alice, feed, "six")
	assert.Equal(t, 1.0, list(t, ok(t, call(t, srv, bob, "GET", "/api/v1/markers/userMarker", nil)), "userMarkers")[0]["unreadCount"])

	// Errors.
	carol := srv.UserToken("carol")
	assert.Equal(t, 400301, call(t, srv, carol, "PUT", "/api/v1/markers/channels/"+internal+"/mark-read", nil).code(t))
	assert.Equal(t, http.StatusNotFound, call(t, srv, bob, "PUT", "/api/v1/markers/message-feeds/ghost/mark-read", map[string]any{"readToSegment": 1}).status)
	assert.Equal(t, 400000, call(t, srv, bob, "PUT", "/api/v1/markers/message-feeds/"+feed+"/mark-read", map[string]any{}).code(t))
	assert.Equal(t, 400000, call(t, srv, bob, "GET", "/api/v1/markers/channels", nil).code(t))
	assert.Equal(t, http.StatusNotFound, call(t, srv, bob, "PUT", "/api/v1/markers/message-feeds/"+feed+"/mark-delivering", map[string]any{"messageId": "ghost"}).status)
}
