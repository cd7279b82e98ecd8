package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDefaultFeedIsTheChannelInternalID checks the IDs of the chat API the way the service
// gives them: a channel's default message feed is identified by the channel's internal ID
// (channelInternalId), messages and message feeds carry the internal channel and creator IDs
// in channelId and creatorId and the public ones in channelPublicId and creatorPublicId, and
// an operation that takes a messageFeedId refuses a public channel ID (404), so a client
// that confuses the two is caught.
func TestDefaultFeedIsTheChannelInternalID(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	m := ok(t, call(t, srv, alice, "POST", "/api/v3/channels", map[string]any{
		"channelId": "room", "type": "community", "displayName": "Room", "userIds": []string{"bob"}}))
	ch := list(t, m, "channels")[0]
	internal := ch["channelInternalId"].(string)
	assert.Equal(t, "room", ch["channelId"])
	assert.Equal(t, "room", ch["channelPublicId"])
	assert.Regexp(t, `^[0-9a-f]{24}$`, internal)
	feed := list(t, m, "messageFeedsInfo")[0]["messageFeedId"]
	assert.Equal(t, internal, feed, "the default feed's ID is the channel's internal ID")
	users := ok(t, call(t, srv, alice, "GET", "/api/v3/users/alice", nil))
	aliceInternal := list(t, users, "users")[0]["userInternalId"].(string)
	require.NotEqual(t, "alice", aliceInternal)

	// Sending: the internal ID works, the public channel ID is no message feed.
	m = ok(t, call(t, srv, alice, "POST", "/api/v5/messages", map[string]any{
		"messageFeedId": internal, "referenceId": "r1", "dataType": "text", "data": map[string]any{"text": "hi"}}))
	msg := list(t, m, "messages")[0]
	assert.Equal(t, internal, msg["messageFeedId"])
	assert.Equal(t, internal, msg["channelId"], "a message's channelId is the internal channel ID")
	assert.Equal(t, "room", msg["channelPublicId"])
	assert.Equal(t, aliceInternal, msg["creatorId"], "a message's creatorId is the creator's internal ID")
	assert.Equal(t, "alice", msg["creatorPublicId"])
	assert.Contains(t, msg["path"], "/chat/"+internal+"/"+internal+"/")
	mf := list(t, m, "messageFeeds")[0]
	assert.Equal(t, internal, mf["messageFeedId"])
	assert.Equal(t, internal, mf["channelId"])
	assert.Equal(t, "room", mf["channelPublicId"])
	r := call(t, srv, alice, "POST", "/api/v5/messages", map[string]any{
		"messageFeedId": "room", "referenceId": "r2", "dataType": "text", "data": map[string]any{"text": "x"}})
	assert.Equal(t, http.StatusNotFound, r.status, "a public channel ID is not a message feed ID: %s", r.body)
	assert.Equal(t, 400400, r.code(t))

	// Reading and managing feeds take the feed ID only.
	m = ok(t, call(t, srv, bob, "GET", "/api/v5/messages?messageFeedId="+internal, nil))
	assert.Len(t, list(t, m, "messages"), 1)
	assert.Equal(t, http.StatusNotFound, call(t, srv, bob, "GET", "/api/v5/messages?messageFeedId=room", nil).status)
	ok(t, call(t, srv, bob, "GET", "/api/v5/message-feeds/"+internal, nil))
	assert.Equal(t, http.StatusNotFound, call(t, srv, bob, "GET", "/api/v5/message-feeds/room", nil).status)
	m = ok(t, call(t, srv, bob, "GET", "/api/v5/message-feeds/list?messageFeedIds[]=room&messageFeedIds[]="+internal, nil))
	assert.Equal(t, []string{internal}, ids(list(t, m, "messageFeeds"), "messageFeedId"))
	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "DELETE", "/api/v5/message-feeds/"+internal, nil).status,
		"the default feed cannot be deleted")

	// The channel-level feed operations take the channel's public ID (the clients send it)
	// or its internal one.
	for _, id := range []string{"room", internal} {
		m = ok(t, call(t, srv, bob, "GET", "/api/v5/message-feeds/channel/"+id, nil))
		assert.Equal(t, []string{internal}, ids(list(t, m, "messageFeeds"), "messageFeedId"), id)
	}
	m = ok(t, call(t, srv, alice, "POST", "/api/v5/message-feeds", map[string]any{"channelId": "room", "name": "side"}))
	side := list(t, m, "messageFeeds")[0]
	assert.Equal(t, internal, side["channelId"])
	assert.Equal(t, "room", side["channelPublicId"])
	assert.Equal(t, aliceInternal, side["creatorId"])
	assert.Equal(t, "alice", side["creatorPublicId"])
	assert.NotEqual(t, internal, side["messageFeedId"])

	// The creator filter takes the public user ID, the channel filter either channel ID.
	for _, path := range []string{"/api/v5/messages/user/alice", "/api/v5/messages/user/alice?channelId=room",
		"/api/v5/messages/user/alice?channelId=" + internal, "/api/v5/messages/user/" + aliceInternal} {
		m = ok(t, call(t, srv, bob, "GET", path, nil))
		assert.Len(t, list(t, m, "messages"), 1, path)
	}

	// Markers: message feed IDs only; channels by internal (or public) ID.
	ok(t, call(t, srv, bob, "PUT", "/api/v1/markers/message-feeds/"+internal+"/mark-read", map[string]any{"readToSegment": 1}))
	assert.Equal(t, http.StatusNotFound, call(t, srv, bob, "PUT", "/api/v1/markers/message-feeds/room/mark-read",
		map[string]any{"readToSegment": 1}).status)
	m = ok(t, call(t, srv, bob, "GET", "/api/v1/markers/message-feeds?messageFeedIds="+internal, nil))
	assert.Equal(t, []string{internal}, ids(list(t, m, "userFeedMarkers"), "feedId"))

	// The channel answer's preview is the message, with the same IDs.
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/channels/room", nil))
	pv := list(t, m, "messagePreviews")[0]
	assert.Equal(t, internal, pv["messageFeedId"])
	assert.Equal(t, internal, pv["channelId"])
	assert.Equal(t, "room", pv["channelPublicId"])
	assert.Equal(t, aliceInternal, pv["creatorId"])
	assert.Equal(t, "alice", pv["creatorPublicId"])

	// Moderation takes public IDs: bob banned from "room" cannot send into its feed.
	ok(t, call(t, srv, alice, "PUT", "/api/v3/channels/room/users/ban", map[string]any{"userIds": []string{"bob"}}))
	r = call(t, srv, bob, "POST", "/api/v5/messages", map[string]any{
		"messageFeedId": internal, "referenceId": "b1", "dataType": "text", "data": map[string]any{"text": "x"}})
	assert.Equal(t, 400304, r.code(t))

	// The v3 API is channel-level: public channel and user IDs, the same default feed.
	m = ok(t, call(t, srv, alice, "POST", "/api/v3/messages", map[string]any{"channelId": "room", "type": "text",
		"data": map[string]any{"text": "v3"}}))
	v3 := list(t, m, "messages")[0]
	assert.Equal(t, "room", v3["channelId"])
	assert.Equal(t, "alice", v3["userId"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/messages/"+v3["messageId"].(string), nil))
	assert.Equal(t, internal, list(t, m, "messages")[0]["messageFeedId"])
}
