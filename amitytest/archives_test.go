package amitytest

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A member archives a channel for itself: the archive lists it, GET /api/v3/channels leaves it
// out with excludeArchives=true (and lists it otherwise), and other members are not affected.
func TestArchivedChannels(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	alice, bob, eve := srv.UserToken("alice"), srv.UserToken("bob"), srv.UserToken("eve")
	m := ok(t, call(t, srv, alice, "POST", "/api/v3/channels/conversation", map[string]any{"userIds": []string{"bob"}}))
	dm := list(t, m, "channels")[0]
	dmID, dmInternal := dm["channelId"].(string), dm["channelInternalId"].(string)
	team := createChannel(t, srv, alice, map[string]any{"channelId": "team", "type": "community", "displayName": "Team"})

	assert.Equal(t, map[string]any{"archives": []any{}}, ok(t, call(t, srv, alice, "GET", "/api/v1/archives/channels", nil)))
	m = ok(t, call(t, srv, alice, "POST", "/api/v1/archives/channels/"+dmInternal, nil))
	assert.Equal(t, map[string]any{"channelId": dmID, "archivedAt": "2024-05-01T12:00:00.000Z"}, m, "by the internal ID the spec's pattern asks for")
	clock.Advance(time.Minute)
	ok(t, call(t, srv, alice, "POST", "/api/v1/archives/channels/"+team, nil))
	m = ok(t, call(t, srv, alice, "POST", "/api/v1/archives/channels/"+dmID, nil))
	assert.Equal(t, "2024-05-01T12:00:00.000Z", m["archivedAt"], "archiving again keeps the first time")

	m = ok(t, call(t, srv, alice, "GET", "/api/v1/archives/channels", nil))
	assert.Equal(t, []string{team, dmID}, ids(list(t, m, "archives"), "channelId"), "newest first")

	channels := func(token, query string) []string {
		return ids(list(t, ok(t, call(t, srv, token, "GET", "/api/v3/channels"+query, nil)), "channels"), "channelId")
	}
	assert.ElementsMatch(t, []string{dmID, team}, channels(alice, ""), "listed by default")
	assert.ElementsMatch(t, []string{dmID, team}, channels(alice, "?excludeArchives=false"))
	assert.Empty(t, channels(alice, "?excludeArchives=true"))
	assert.ElementsMatch(t, []string{dmID, team}, channels(bob, "?excludeArchives=true"), "bob archived nothing")
	assert.Equal(t, http.StatusBadRequest, call(t, srv, alice, "GET", "/api/v3/channels?excludeArchives=maybe", nil).status)

	ok(t, call(t, srv, alice, "DELETE", "/api/v1/archives/channels/"+dmID, nil))
	assert.Equal(t, []string{dmID}, channels(alice, "?excludeArchives=true"))
	ok(t, call(t, srv, alice, "DELETE", "/api/v1/archives/channels/"+dmID, nil)) // unarchiving again is harmless
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/archives/channels", nil))
	assert.Equal(t, []string{team}, ids(list(t, m, "archives"), "channelId"))

	// Only members archive; unknown and deleted channels are not found.
	assert.Equal(t, http.StatusForbidden, call(t, srv, eve, "POST", "/api/v1/archives/channels/"+dmID, nil).status)
	assert.Equal(t, http.StatusNotFound, call(t, srv, alice, "POST", "/api/v1/archives/channels/60e4b1b4b3b2b5c4c4b3b2b5", nil).status)
	assert.Equal(t, http.StatusNotFound, call(t, srv, alice, "DELETE", "/api/v1/archives/channels/60e4b1b4b3b2b5c4c4b3b2b5", nil).status)
	ok(t, call(t, srv, alice, "DELETE", "/api/v3/channels/"+team, nil))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/archives/channels", nil))
	require.Empty(t, list(t, m, "archives"), "a deleted channel leaves the archive")
}
