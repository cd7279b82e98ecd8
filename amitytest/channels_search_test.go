package amitytest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChannelSearchV2(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	garden := createChannel(t, srv, alice, map[string]any{"channelId": "garden", "displayName": "Garden", "tags": []string{"green"}})
	createChannel(t, srv, bob, map[string]any{"channelId": "gardening", "displayName": "Gardening tips"})
	createChannel(t, srv, bob, map[string]any{"channelId": "my-garden", "displayName": "My garden", "type": "live"})
	createChannel(t, srv, bob, map[string]any{"channelId": "kitchen", "displayName": "Kitchen"})

	m := ok(t, call(t, srv, alice, "GET", "/api/v2/search/channels?query=garden", nil))
	data := m["data"].(map[string]any)
	assert.Equal(t, "success", m["status"])
	got := ids(list(t, data, "channels"), "channelId")
	assert.Equal(t, []string{garden, "gardening", "my-garden"}, got, "exact name first, then prefix, then the rest")
	assert.Equal(t, 3.0, data["totalCount"])
	assert.Equal(t, "relevance", data["search"].(map[string]any)["sortBy"])

	m = ok(t, call(t, srv, alice, "GET", "/api/v2/search/channels?query=garden&exactMatch=true", nil))
	assert.Equal(t, []string{garden}, ids(list(t, m["data"].(map[string]any), "channels"), "channelId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v2/search/channels?query=garden&isMemberOnly=true&tags=green&types=community", nil))
	assert.Equal(t, []string{garden}, ids(list(t, m["data"].(map[string]any), "channels"), "channelId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v2/search/channels?query=garden&options[sortBy]=relevance&options[orderBy]=asc&options[limit]=1", nil))
	data = m["data"].(map[string]any)
	assert.Equal(t, []string{"my-garden"}, ids(list(t, data, "channels"), "channelId"))
	next := data["paging"].(map[string]any)["next"].(string)
	require.NotEmpty(t, next)
	m = ok(t, call(t, srv, alice, "GET", "/api/v2/search/channels?query=garden&options[token]="+q(next), nil))
	assert.Equal(t, []string{"gardening"}, ids(list(t, m["data"].(map[string]any), "channels"), "channelId"))

	assert.Equal(t, 400000, call(t, srv, alice, "GET", "/api/v2/search/channels", nil).code(t))
	assert.Equal(t, 400000, call(t, srv, alice, "GET", "/api/v2/search/channels?query=x&types=standard", nil).code(t))
}
