package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// POST /api/v3/channels/seen moves the caller's read position in several channels (by public
// or internal ID), never back, and changes nothing when one of them is not the caller's.
func TestChannelsBulkSeen(t *testing.T) {
	srv, alice, bob, chat, feed := newChat(t)
	for _, text := range []string{"a", "b", "c"} {
		sendMessage(t, srv, alice, feed, text)
	}
	other := createChannel(t, srv, alice, map[string]any{"displayName": "Other", "userIds": []string{"bob"}})
	private := createChannel(t, srv, alice, map[string]any{"displayName": "Private"})
	readTo := func(channelID string) float64 {
		m := ok(t, call(t, srv, bob, "GET", "/api/v3/channels/"+channelID, nil))
		for _, cu := range list(t, m, "channelUsers") {
			if cu["userId"] == "bob" {
				return cu["readToSegment"].(float64)
			}
		}
		require.Fail(t, "bob is not in the answer")
		return 0
	}
	seen := func(channels ...map[string]any) resp {
		return call(t, srv, bob, "POST", "/api/v3/channels/seen", map[string]any{"channels": channels})
	}
	r := seen(map[string]any{"channelId": chat, "readToSegment": 2}, map[string]any{"channelId": channelInternalID(t, srv, bob, other), "readToSegment": 1})
	require.Equal(t, http.StatusOK, r.status, "body: %s", r.body)
	assert.EqualValues(t, 2, readTo(chat))
	assert.EqualValues(t, 1, readTo(other), "by internal ID")
	require.Equal(t, http.StatusOK, seen(map[string]any{"channelId": chat, "readToSegment": 1}).status)
	assert.EqualValues(t, 2, readTo(chat), "never back")

	seen(map[string]any{"channelId": chat, "readToSegment": 3}, map[string]any{"channelId": private, "readToSegment": 1}).
		isError(t, http.StatusForbidden, codePermission)
	assert.EqualValues(t, 2, readTo(chat), "nothing changes when one fails")
	seen(map[string]any{"channelId": "nope", "readToSegment": 1}).isError(t, http.StatusNotFound, codeNotFound)
	seen(map[string]any{"channelId": chat, "readToSegment": 0}).isError(t, http.StatusBadRequest, codeBadRequest)
	seen().isError(t, http.StatusBadRequest, codeBadRequest)
}
