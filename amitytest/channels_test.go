package amitytest

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChannelCRUD(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	srv.AddUser("carol", "Carol")

	m := ok(t, call(t, srv, alice, "POST", "/api/v3/channels", map[string]any{
		"channelId": "general", "type": "community", "displayName": "General", "tags": []string{"main"},
		"userIds": []string{"carol"}, "metadata": map[string]any{"topic": "all"},
	}))
	ch := list(t, m, "channels")[0]
	assert.Equal(t, "general", ch["channelId"])
	assert.Equal(t, "community", ch["type"])
	assert.Equal(t, 2.0, ch["memberCount"])
	assert.Len(t, list(t, m, "messageFeedsInfo"), 1)
	assert.Equal(t, ch["channelInternalId"], list(t, m, "messageFeedsInfo")[0]["messageFeedId"], "the default feed's ID is the channel's internal ID")

	r := call(t, srv, bob, "POST", "/api/v3/channels", map[string]any{"channelId": "general"})
	assert.Equal(t, 400315, r.code(t))
	r = call(t, srv, bob, "POST", "/api/v3/channels", map[string]any{"type": "standard"})
	assert.Equal(t, 400000, r.code(t))
	createChannel(t, srv, bob, map[string]any{"channelId": "random", "displayName": "Random", "type": "live"})

	m = ok(t, call(t, srv, bob, "GET", "/api/v3/channels/general", nil))
	assert.Equal(t, "General", list(t, m, "channels")[0]["displayName"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/channels/list?channelIds=general&channelIds=random", nil))
	assert.Len(t, list(t, m, "channels"), 2)

	query := func(tok, qs string) []string {
		m := ok(t, call(t, srv, tok, "GET", "/api/v3/channels?"+qs, nil))
		_, hasPrev := m["paging"].(map[string]any)["previous"]
		assert.False(t, hasPrev, "channels declare paging{next,prev}")
		return ids(list(t, m, "channels"), "channelId")
	}
	assert.ElementsMatch(t, []string{"general", "random"}, query(bob, ""))
	assert.Equal(t, []string{"random"}, query(bob, "filter=member"))
	assert.Equal(t, []string{"general"}, query(bob, "keyword=gen"))
	assert.Equal(t, []string{"random"}, query(bob, "types=live"))
	assert.Equal(t, []string{"random"}, query(bob, "excludeTags=main"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/channels?options[limit]=1&sortBy=firstCreated", nil))
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/channels?sortBy=firstCreated&options[token]="+q(next), nil))
	assert.Equal(t, []string{"random"}, ids(list(t, m, "channels"), "channelId"))
	assert.Empty(t, m["paging"].(map[string]any)["next"])
	assert.NotEmpty(t, m["paging"].(map[string]any)["prev"])

	assert.Equal(t, http.StatusForbidden, call(t, srv, bob, "PUT", "/api/v3/channels/general", map[string]any{"displayName": "x"}).status)
	m = ok(t, call(t, srv, alice, "PUT", "/api/v3/channels/general", map[string]any{"displayName": "Lobby"}))
	assert.Equal(t, "Lobby", list(t, m, "channels")[0]["displayName"])

	assert.Equal(t, http.StatusForbidden, call(t, srv, bob, "DELETE", "/api/v3/channels/general", nil).status)
	m = ok(t, call(t, srv, alice, "DELETE", "/api/v3/channels/general", nil))
	assert.Equal(t, true, m["data"].(map[string]any)["success"])
	assert.Equal(t, []string{"random"}, query(bob, "isDeleted=false"))
	assert.Equal(t, []string{"general"}, query(bob, "isDeleted=true"))
	assert.ElementsMatch(t, []string{"general", "random"}, query(bob, ""), "isDeleted null (the default) lists both")
}

func TestChannelMembership(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	owner, joiner := srv.UserToken("owner"), srv.UserToken("joiner")
	for _, id := range []string{"m1", "m2"} {
		srv.AddUser(id, id)
	}
	cid := createChannel(t, srv, owner, map[string]any{"displayName": "Room"})

	m := ok(t, call(t, srv, joiner, "POST", "/api/v3/channels/"+cid+"/join", nil))
	assert.Equal(t, "member", list(t, m, "channelUsers")[0]["membership"])
	r := call(t, srv, joiner, "POST", "/api/v3/channels/"+cid+"/seen", map[string]any{"readToSegment": 3})
	assert.Equal(t, http.StatusOK, r.status)
	ok(t, call(t, srv, joiner, "DELETE", "/api/v3/channels/"+cid+"/leave", nil))
	assert.Equal(t, http.StatusForbidden, call(t, srv, joiner, "DELETE", "/api/v3/channels/"+cid+"/leave", nil).status)

	ok(t, call(t, srv, owner, "POST", "/api/v3/channels/"+cid+"/users", map[string]any{"userIds": []string{"m1", "m2"}}))
	m = ok(t, call(t, srv, owner, "GET", "/api/v3/channels/"+cid+"/users", nil))
	assert.ElementsMatch(t, []string{"owner", "m1", "m2"}, ids(list(t, m, "channelUsers"), "userId"))
	assert.Contains(t, m, "paging")

	ok(t, call(t, srv, owner, "DELETE", "/api/v3/channels/"+cid+"/users?userIds=m2", nil))
	ok(t, call(t, srv, owner, "PUT", "/api/v3/channels/"+cid+"/users/ban", map[string]any{"userIds": []string{"joiner"}}))
	r = call(t, srv, joiner, "POST", "/api/v3/channels/"+cid+"/join", nil)
	assert.Equal(t, 400304, r.code(t))
	m = ok(t, call(t, srv, owner, "GET", "/api/v3/channels/"+cid+"/users?filter=banned", nil))
	assert.Equal(t, []string{"joiner"}, ids(list(t, m, "channelUsers"), "userId"))
	m = ok(t, call(t, srv, owner, "GET", "/api/v4/channels/"+cid+"/users?memberships=banned&memberships=member&options[limit]=2", nil))
	assert.Len(t, list(t, m, "channelUsers"), 2)
	assert.NotEmpty(t, m["paging"].(map[string]any)["next"])
	ok(t, call(t, srv, owner, "PUT", "/api/v3/channels/"+cid+"/users/unban", map[string]any{"userIds": []string{"joiner"}}))
	ok(t, call(t, srv, joiner, "POST", "/api/v3/channels/"+cid+"/join", nil))

	// Roles.
	ok(t, call(t, srv, owner, "POST", "/api/v3/channels/"+cid+"/users/roles", map[string]any{"role": "channel-moderator", "userIds": []string{"m1"}}))
	m = ok(t, call(t, srv, owner, "GET", "/api/v4/channels/"+cid+"/users?role=channel-moderator", nil))
	assert.ElementsMatch(t, []string{"owner", "m1"}, ids(list(t, m, "channelUsers"), "userId"))
	ok(t, call(t, srv, owner, "DELETE", "/api/v3/channels/"+cid+"/users/roles?userIds=m1&role=channel-moderator", nil))
	m = ok(t, call(t, srv, owner, "GET", "/api/v4/channels/"+cid+"/users?role=channel-moderator&search=own", nil))
	assert.Equal(t, []string{"owner"}, ids(list(t, m, "channelUsers"), "userId"))
}

func TestConversationChannels(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob, eve := srv.UserToken("alice"), srv.UserToken("bob"), srv.UserToken("eve")
	m := ok(t, call(t, srv, alice, "POST", "/api/v3/channels/conversation", map[string]any{"userIds": []string{"bob"}}))
	cid := list(t, m, "channels")[0]["channelId"].(string)
	feed := list(t, m, "messageFeedsInfo")[0]["messageFeedId"].(string)
	assert.Equal(t, "conversation", list(t, m, "channels")[0]["type"])
	// Distinct conversations are reused.
	m = ok(t, call(t, srv, bob, "POST", "/api/v3/channels/conversation", map[string]any{"userIds": []string{"alice"}}))
	assert.Equal(t, cid, list(t, m, "channels")[0]["channelId"])

	// Outsiders neither see nor join it.
	assert.Equal(t, http.StatusForbidden, call(t, srv, eve, "GET", "/api/v3/channels/"+cid, nil).status)
	assert.Equal(t, http.StatusForbidden, call(t, srv, eve, "POST", "/api/v3/channels/"+cid+"/join", nil).status)
	m = ok(t, call(t, srv, eve, "GET", "/api/v3/channels", nil))
	assert.Empty(t, list(t, m, "channels"))
	r := call(t, srv, eve, "POST", "/api/v5/messages", map[string]any{"messageFeedId": feed, "referenceId": "r1", "dataType": "text", "data": map[string]any{"text": "hi"}})
	assert.Equal(t, 400301, r.code(t))
}

func TestChannelMuteAndClose(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	owner, member := srv.UserToken("owner"), srv.UserToken("member")
	cid := createChannel(t, srv, owner, map[string]any{"displayName": "Room", "userIds": []string{"member"}})
	feed := defaultFeed(t, srv, owner, cid)
	send := func(tok, ref string) resp {
		return call(t, srv, tok, "POST", "/api/v5/messages", map[string]any{
			"messageFeedId": feed, "referenceId": ref, "dataType": "text", "data": map[string]any{"text": "hello"},
		})
	}
	ok(t, send(member, "a"))

	assert.Equal(t, http.StatusForbidden, call(t, srv, member, "PUT", "/api/v2/channel/"+cid+"/users/mute", map[string]any{"userIds": []string{"owner"}, "mutePeriod": 1000}).status)
	m := ok(t, call(t, srv, owner, "PUT", "/api/v2/channel/"+cid+"/users/mute", map[string]any{"userIds": []string{"member"}, "mutePeriod": 60000}))
	assert.Equal(t, true, m["success"])
	r := send(member, "b")
	assert.Equal(t, 400302, r.code(t))
	m = ok(t, call(t, srv, owner, "GET", "/api/v4/channels/"+cid+"/users?memberships=muted", nil))
	assert.Equal(t, []string{"member"}, ids(list(t, m, "channelUsers"), "userId"))
	clock.Advance(61 * time.Second)
	ok(t, send(member, "c"))

	ok(t, call(t, srv, owner, "PUT", "/api/v2/channel/"+cid+"/mute", map[string]any{"mutePeriod": -1}))
	r = send(member, "d")
	assert.Equal(t, 400303, r.code(t))
	ok(t, send(owner, "e")) // moderators may still speak
	m = ok(t, call(t, srv, member, "GET", "/api/v3/channels/"+cid, nil))
	assert.Equal(t, true, list(t, m, "channels")[0]["isMuted"])
	ok(t, call(t, srv, owner, "PUT", "/api/v2/channel/"+cid+"/mute", map[string]any{"mutePeriod": 0}))
	ok(t, send(member, "f"))

	r = call(t, srv, owner, "POST", "/api/v2/channels/"+cid+"/close", nil)
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, http.StatusForbidden, send(member, "g").status)
}
