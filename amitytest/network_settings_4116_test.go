package amitytest

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The network settings of spec 4.116.1 read back what was written, start at the spec's
// defaults, refuse what the spec refuses, and are the admin's except where every user reads
// them (product catalogue, room, shareable deep links, UIKit).
func TestNetworkSettings4116ReadBack(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin, alice := srv.AdminToken(), srv.UserToken("alice")
	const base = "/api/v3/network-settings/"

	// Defaults.
	m := ok(t, call(t, srv, admin, "GET", base+"enhance-moderation", nil))
	assert.Equal(t, map[string]any{"enabled": false, "commentDeletionBehavior": "delete_whole_comment", "confidences": []any{},
		"userModerationExclusionPatterns": []any{}}, m)
	assert.Equal(t, map[string]any{"product": map[string]any{"enabled": false}}, ok(t, call(t, srv, alice, "GET", base+"product", nil)))
	assert.Equal(t, map[string]any{"visitorEnabled": false, "botEnabled": false, "secure": false}, ok(t, call(t, srv, admin, "GET", base+"public-users", nil)))
	assert.Equal(t, map[string]any{"iOSMutableContent": false, "notifyWhenLiveStart": true}, ok(t, call(t, srv, admin, "GET", base+"push-notification", nil)))
	assert.Equal(t, map[string]any{"roomSettings": map[string]any{"maxCoHostParticipants": 2.0, "maxStreamingDurationHours": 6.0}},
		ok(t, call(t, srv, alice, "GET", base+"room", nil)))
	assert.Equal(t, map[string]any{"securityConfigs": map[string]any{}}, ok(t, call(t, srv, admin, "GET", base+"security-configs", nil)))
	assert.Equal(t, map[string]any{"domain": "", "patterns": map[string]any{}}, ok(t, call(t, srv, alice, "GET", base+"shareable-deep-links", nil)))
	assert.Equal(t, map[string]any{}, ok(t, call(t, srv, alice, "GET", base+"uikit", nil)))

	// Enhanced moderation: a partial update, and nothing else in the body.
	ok(t, call(t, srv, admin, "PUT", base+"enhance-moderation", map[string]any{"enabled": true,
		"confidences": []map[string]any{{"category": "hate", "flagConfidence": 3, "blockConfidence": 5, "moderationType": "text"}}}))
	m = ok(t, call(t, srv, admin, "PUT", base+"enhance-moderation", map[string]any{"userModerationExclusionPatterns": []string{"^admin_"}}))
	assert.Equal(t, true, m["enabled"])
	assert.Len(t, m["confidences"], 1)
	m = ok(t, call(t, srv, admin, "GET", base+"enhance-moderation", nil))
	assert.Equal(t, []any{"^admin_"}, m["userModerationExclusionPatterns"])
	assert.Equal(t, "delete_whole_comment", m["commentDeletionBehavior"])
	assert.Equal(t, "hate", list(t, m, "confidences")[0]["category"])
	ok(t, call(t, srv, admin, "PUT", base+"enhance-moderation", map[string]any{}))
	assert.Equal(t, m, ok(t, call(t, srv, admin, "GET", base+"enhance-moderation", nil)), "an empty update changes nothing")
	for name, body := range map[string]map[string]any{
		"unknown member":  {"enabledd": true},
		"behaviour":       {"commentDeletionBehavior": "hide"},
		"no confidences":  {"confidences": []any{}},
		"content kind":    {"confidences": []map[string]any{{"category": "hate", "flagConfidence": 1, "blockConfidence": 2, "moderationType": "audio"}}},
		"negative":        {"confidences": []map[string]any{{"category": "hate", "flagConfidence": -1, "blockConfidence": 2, "moderationType": "text"}}},
		"bad expression":  {"userModerationExclusionPatterns": []string{"(unclosed"}},
		"empty pattern":   {"userModerationExclusionPatterns": []string{""}},
		"wrong JSON type": {"enabled": "yes"},
	} {
		assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "PUT", base+"enhance-moderation", body).status, name)
	}

	// Product catalogue: enabled is required.
	ok(t, call(t, srv, admin, "PUT", base+"product", map[string]any{"enabled": true}))
	assert.Equal(t, true, ok(t, call(t, srv, alice, "GET", base+"product", nil))["product"].(map[string]any)["enabled"])
	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "PUT", base+"product", map[string]any{}).status)

	// Public users: the body's names differ from the answer's.
	m = ok(t, call(t, srv, admin, "PUT", base+"public-users", map[string]any{"publicUserBotEnabled": true, "publicUserSecure": true}))
	assert.Equal(t, map[string]any{"visitorEnabled": false, "botEnabled": true, "secure": true}, m)
	assert.Equal(t, m, ok(t, call(t, srv, admin, "GET", base+"public-users", nil)))

	ok(t, call(t, srv, admin, "PUT", base+"push-notification", map[string]any{"iOSMutableContent": true}))
	assert.Equal(t, map[string]any{"iOSMutableContent": true, "notifyWhenLiveStart": true}, ok(t, call(t, srv, admin, "GET", base+"push-notification", nil)))

	// Security: serverKey or adminToken; a lifetime left out keeps the one set.
	ok(t, call(t, srv, admin, "PUT", base+"security-configs", map[string]any{"serverKey": map[string]any{"expiresInHours": 168, "apiScopeEnabled": true}}))
	m = ok(t, call(t, srv, admin, "PUT", base+"security-configs", map[string]any{"serverKey": map[string]any{"apiScopeEnabled": false}, "adminToken": map[string]any{"expiresInHours": 24}}))
	want := map[string]any{"securityConfigs": map[string]any{"serverKey": map[string]any{"expiresInHours": 168.0, "apiScopeEnabled": false},
		"adminToken": map[string]any{"expiresInHours": 24.0}}}
	assert.Equal(t, want, m)
	assert.Equal(t, want, ok(t, call(t, srv, admin, "GET", base+"security-configs", nil)))
	for name, body := range map[string]map[string]any{
		"neither":         {},
		"no scope":        {"serverKey": map[string]any{"expiresInHours": 5}},
		"zero hours":      {"adminToken": map[string]any{"expiresInHours": 0}},
		"too many hours":  {"serverKey": map[string]any{"expiresInHours": 1001, "apiScopeEnabled": true}},
		"wrong JSON type": {"adminToken": "24"},
	} {
		assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "PUT", base+"security-configs", body).status, name)
	}

	// Shareable deep links: replaced whole; each pattern holds its placeholder.
	ok(t, call(t, srv, admin, "PUT", base+"shareable-deep-links", map[string]any{"domain": "myapp.com",
		"patterns": map[string]any{"posts": "/posts/{postId}", "users": "/u/{userId}"}}))
	m = ok(t, call(t, srv, admin, "PUT", base+"shareable-deep-links", map[string]any{"domain": "app.example", "patterns": map[string]any{"communities": "/c/{communityId}"}}))
	assert.Equal(t, map[string]any{"domain": "app.example", "patterns": map[string]any{"communities": "/c/{communityId}"}}, m)
	assert.Equal(t, m, ok(t, call(t, srv, alice, "GET", base+"shareable-deep-links", nil)), "users read the links")
	for name, body := range map[string]map[string]any{
		"no domain":      {"patterns": map[string]any{}},
		"no patterns":    {"domain": "a.com"},
		"no placeholder": {"domain": "a.com", "patterns": map[string]any{"livestreams": "/live/{id}"}},
		"long domain":    {"domain": string(make([]byte, 101)), "patterns": map[string]any{}},
	} {
		assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "PUT", base+"shareable-deep-links", body).status, name)
	}

	// UIKit: the configuration as set.
	cfg := map[string]any{"config": map[string]any{"preferred_theme": "dark", "theme": map[string]any{"dark": map[string]any{"primary_color": "#1054DE"}}}}
	assert.Equal(t, cfg, ok(t, call(t, srv, admin, "PUT", base+"uikit", cfg)))
	assert.Equal(t, cfg, ok(t, call(t, srv, alice, "GET", base+"uikit", nil)), "the UIKits read it with a user's token")
	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "PUT", base+"uikit", `["not","an","object"]`).status)

	// The admin's settings: a user is refused.
	for _, r := range []struct{ method, path string }{
		{"GET", "enhance-moderation"}, {"PUT", "enhance-moderation"}, {"PUT", "product"}, {"GET", "public-users"},
		{"PUT", "public-users"}, {"GET", "push-notification"}, {"PUT", "push-notification"}, {"GET", "security-configs"},
		{"PUT", "security-configs"}, {"PUT", "shareable-deep-links"}, {"PUT", "uikit"},
	} {
		assert.Equal(t, http.StatusForbidden, call(t, srv, alice, r.method, base+r.path, map[string]any{}).status, r.method+" "+r.path)
	}
}

// POST /api/v1/admin-token issues a new admin token, which replaces the current one (the
// spec: it "will invalidate previous token") and lives as the security settings say.
func TestAdminTokenRotation(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	first := srv.AdminToken()
	const probe = "/api/v3/network-settings/push-notification"

	m := ok(t, call(t, srv, first, "POST", "/api/v1/admin-token", nil))
	second, _ := m["adminToken"].(string)
	require.NotEmpty(t, second)
	assert.NotEqual(t, first, second)
	assert.Equal(t, "2024-05-01T12:00:00.000Z", m["issuedAt"])
	assert.NotContains(t, m, "expiresAt", "without an admin-token lifetime the token does not expire")
	assert.Equal(t, second, srv.AdminToken(), "AdminToken follows the rotation")

	assert.Equal(t, http.StatusUnauthorized, call(t, srv, first, "GET", probe, nil).status, "the previous token no longer works")
	ok(t, call(t, srv, second, "GET", probe, nil))

	// With a lifetime, the next token expires.
	ok(t, call(t, srv, second, "PUT", "/api/v3/network-settings/security-configs", map[string]any{"adminToken": map[string]any{"expiresInHours": 2}}))
	m = ok(t, call(t, srv, second, "POST", "/api/v1/admin-token", nil))
	third := m["adminToken"].(string)
	assert.Equal(t, "2024-05-01T14:00:00.000Z", m["expiresAt"])
	assert.Equal(t, http.StatusUnauthorized, call(t, srv, second, "GET", probe, nil).status)
	clock.Advance(119 * time.Minute)
	ok(t, call(t, srv, third, "GET", probe, nil))
	clock.Advance(time.Minute)
	assert.Equal(t, http.StatusUnauthorized, call(t, srv, third, "GET", probe, nil).status, "expired")

	// Users may not rotate it.
	srv2 := newServer(t)
	r := call(t, srv2, srv2.UserToken("alice"), "POST", "/api/v1/admin-token", nil)
	assert.Equal(t, http.StatusForbidden, r.status)
	assert.Equal(t, srv2.AdminToken(), defaultAdminToken, "a refused rotation changes nothing")
}
