package amitytest

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLegacyWordLists(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin, key, alice := srv.AdminToken(), srv.APIKey(), srv.UserToken("alice")
	feed := defaultFeed(t, srv, alice, createChannel(t, srv, alice, map[string]any{"displayName": "Chat"}))
	n := 0
	send := func(text string) resp {
		n++
		return call(t, srv, alice, "POST", "/api/v5/messages", map[string]any{"messageFeedId": feed, "referenceId": fmt.Sprint("ref", n),
			"dataType": "text", "data": map[string]any{"text": text}})
	}

	r := call(t, srv, admin, "POST", "/api/v2/blacklist/records", map[string]any{"regexs": []string{"darn", "heck"}, "isMatchExactWord": true}, "x-api-key", key)
	require.Equal(t, http.StatusOK, r.status)
	// The v2 blacklist is the v3 blocklist.
	assert.Equal(t, 400308, send("oh darn").code(t))
	m := ok(t, call(t, srv, admin, "GET", "/api/v2/blacklist/records", nil, "x-api-key", key))
	rules := list(t, m["data"].(map[string]any), "results")
	require.Len(t, rules, 2)
	assert.Equal(t, true, rules[0]["isMatchExactWord"])
	darn := rules[0]["ruleId"].(string)
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/blocklists", nil))
	assert.Len(t, list(t, m, "results"), 2)

	// Disabling a rule takes it out of force.
	m = ok(t, call(t, srv, admin, "PUT", "/api/v2/blacklist/records/"+darn, map[string]any{"ruleId": darn, "isEnabled": false}, "x-api-key", key))
	assert.Equal(t, false, m["data"].(map[string]any)["isEnabled"])
	ok(t, send("oh darn"))
	m = ok(t, call(t, srv, admin, "GET", "/api/v2/blacklist/records?regexs=darn", nil, "x-api-key", key))
	assert.Equal(t, false, list(t, m["data"].(map[string]any), "results")[0]["isEnabled"])
	ok(t, call(t, srv, admin, "PUT", "/api/v2/blacklist/records/"+darn, map[string]any{"ruleId": darn, "isEnabled": true}, "x-api-key", key))
	assert.Equal(t, 400308, send("darn it").code(t))

	// v1: add, refresh and delete.
	require.Equal(t, http.StatusOK, call(t, srv, admin, "POST", "/v1/blacklist/records", map[string]any{"regexs": []string{"rats"}}, "x-api-key", key).status)
	assert.Equal(t, 400308, send("rats").code(t))
	require.Equal(t, http.StatusOK, call(t, srv, admin, "PUT", "/v1/blacklist/records", map[string]any{"regexs": []string{"blast"}}, "x-api-key", key).status)
	ok(t, send("rats and darn"))
	assert.Equal(t, 400308, send("blast").code(t))
	require.Equal(t, http.StatusOK, call(t, srv, admin, "DELETE", "/v1/blacklist/records?ruleIds=blast", nil, "x-api-key", key).status)
	ok(t, send("blast"))
	require.Equal(t, http.StatusOK, call(t, srv, admin, "PUT", "/api/v2/blacklist/records", map[string]any{"regexs": []string{"drat"}}, "x-api-key", key).status)
	m = ok(t, call(t, srv, admin, "GET", "/api/v2/blacklist/records", nil, "x-api-key", key))
	rules = list(t, m["data"].(map[string]any), "results")
	require.Len(t, rules, 1)
	require.Equal(t, http.StatusOK, call(t, srv, admin, "DELETE", "/api/v2/blacklist/records?ruleIds="+rules[0]["ruleId"].(string), nil, "x-api-key", key).status)
	assert.Empty(t, list(t, ok(t, call(t, srv, admin, "GET", "/api/v2/blacklist/records", nil, "x-api-key", key))["data"].(map[string]any), "results"))

	// The v2 whitelist is the v3 allowlist.
	require.Equal(t, http.StatusOK, call(t, srv, admin, "POST", "/api/v2/whitelist/records", map[string]any{"regexs": []string{"example.com"}}, "x-api-key", key).status)
	assert.Equal(t, 400309, send("see https://evil.test/x").code(t))
	ok(t, send("see https://example.com/x"))
	m = ok(t, call(t, srv, admin, "GET", "/api/v2/whitelist/records?regexs=example.com", nil, "x-api-key", key))
	wl := list(t, m["data"].(map[string]any), "results")
	require.Len(t, wl, 1)
	wid := wl[0]["ruleId"].(string)
	ok(t, call(t, srv, admin, "PUT", "/api/v2/whitelist/records/"+wid, map[string]any{"ruleId": wid, "isEnabled": false}, "x-api-key", key))
	ok(t, send("see https://evil.test/x")) // no rule in force: links are not restricted
	ok(t, call(t, srv, admin, "PUT", "/api/v2/whitelist/records/"+wid, map[string]any{"ruleId": wid, "isEnabled": true}, "x-api-key", key))
	require.Equal(t, http.StatusOK, call(t, srv, admin, "PUT", "/api/v2/whitelist/records", map[string]any{"regexs": []string{"example.org"}}, "x-api-key", key).status)
	ok(t, send("see https://example.org/x"))
	m = ok(t, call(t, srv, admin, "GET", "/api/v2/whitelist/records?regexs=example.org", nil, "x-api-key", key))
	org := list(t, m["data"].(map[string]any), "results")[0]["ruleId"].(string)
	require.Equal(t, http.StatusOK, call(t, srv, admin, "DELETE", "/api/v2/whitelist/records?ruleIds="+org, nil, "x-api-key", key).status)
	assert.Equal(t, 400000, call(t, srv, admin, "GET", "/api/v2/whitelist/records", nil, "x-api-key", key).code(t), "regexs is required")
	assert.Equal(t, http.StatusNotFound, call(t, srv, admin, "PUT", "/api/v2/whitelist/records/ghost", map[string]any{"ruleId": "ghost", "isEnabled": true}, "x-api-key", key).status)
	assert.Equal(t, http.StatusUnauthorized, call(t, srv, admin, "GET", "/api/v2/blacklist/records", nil).status)
}

func TestModerationSettingsV2(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin, key := srv.AdminToken(), srv.APIKey()
	m := ok(t, call(t, srv, admin, "GET", "/api/v2/moderation-settings", nil, "x-api-key", key))
	assert.Equal(t, 5.0, m["data"].(map[string]any)["maxRepetition"])
	m = ok(t, call(t, srv, admin, "PUT", "/api/v2/moderation-settings", map[string]any{"maxRepetition": 3, "blacklistMuteTimeout": 60,
		"enableImageModeration": true, "imageModeration": map[string]any{"nudity": 0.5}}, "x-api-key", key))
	assert.Equal(t, "success", m["status"])
	data := ok(t, call(t, srv, admin, "GET", "/api/v2/moderation-settings", nil, "x-api-key", key))["data"].(map[string]any)
	assert.Equal(t, 3.0, data["maxRepetition"])
	assert.Equal(t, 60.0, data["blacklistMuteTimeout"])
	assert.Equal(t, true, data["enableImageModeration"])
	assert.Equal(t, 0.5, data["imageModeration"].(map[string]any)["nudity"])
	assert.Equal(t, 400000, call(t, srv, admin, "PUT", "/api/v2/moderation-settings", map[string]any{"maxRepetition": -1}, "x-api-key", key).code(t))
	assert.Equal(t, http.StatusForbidden, call(t, srv, srv.UserToken("alice"), "GET", "/api/v2/moderation-settings", nil, "x-api-key", key).status)
}
