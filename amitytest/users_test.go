package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUsersPagingWithTokens(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	res := srv.Seed(SeedOptions{Users: 25})
	admin := srv.AdminToken()

	var seen []string
	path := "/api/v3/users?sortBy=firstCreated&options[limit]=10"
	pages := 0
	for {
		m := ok(t, call(t, srv, admin, "GET", path, nil))
		users := list(t, m, "users")
		seen = append(seen, ids(users, "userId")...)
		pages++
		paging := m["paging"].(map[string]any)
		assert.NotContains(t, paging, "previous", "/api/v3/users declares paging{next} only")
		next, _ := paging["next"].(string)
		if next == "" {
			break
		}
		assert.LessOrEqual(t, len(next), 100)
		// The token goes with the same query parameters.
		path = "/api/v3/users?sortBy=firstCreated&options[token]=" + q(next)
	}
	assert.Equal(t, 3, pages)
	assert.Equal(t, res.UserIDs, seen)

	// A garbage token and a token of another query are refused.
	r := call(t, srv, admin, "GET", "/api/v3/users?options[token]=garbage", nil)
	r.isError(t, http.StatusBadRequest, 400000)
	assert.Equal(t, "Query Token is invalid", r.obj(t)["message"])
	m := ok(t, call(t, srv, admin, "GET", "/api/v3/users?options[limit]=5", nil))
	next := m["paging"].(map[string]any)["next"].(string)
	r = call(t, srv, admin, "GET", "/api/v3/users?keyword=x&options[token]="+q(next), nil)
	assert.Equal(t, 400000, r.code(t))

	// Limits are validated.
	r = call(t, srv, admin, "GET", "/api/v3/users?options[limit]=101", nil)
	assert.Equal(t, http.StatusBadRequest, r.status)
	// The default page size is 20.
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/users", nil))
	assert.Len(t, list(t, m, "users"), 20)
}

func TestUsersQueryFilters(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	res := srv.Seed(SeedOptions{})
	admin := srv.AdminToken()
	srv.AddUser("zed", "Zed Zebra")

	m := ok(t, call(t, srv, admin, "GET", "/api/v3/users?keyword=zebra", nil))
	assert.Equal(t, []string{"zed"}, ids(list(t, m, "users"), "userId"))

	m = ok(t, call(t, srv, admin, "GET", "/api/v3/users?filter=flagged&options[limit]=100", nil))
	assert.ElementsMatch(t, res.FlaggedUserIDs, ids(list(t, m, "users"), "userId"))
	for _, u := range list(t, m, "users") {
		assert.Greater(t, u["flagCount"].(float64), 0.0)
		assert.NotEmpty(t, u["metadata"])
	}

	m = ok(t, call(t, srv, admin, "GET", "/api/v3/users/list?userIds=user-01&userIds=zed&userIds=ghost", nil))
	assert.ElementsMatch(t, []string{"user-01", "zed"}, ids(list(t, m, "users"), "userId"))

	r := call(t, srv, admin, "GET", "/api/v3/users/ghost", nil)
	r.isError(t, http.StatusNotFound, 400400)
	r = call(t, srv, admin, "GET", "/api/v3/users?filter=weird", nil)
	assert.Equal(t, 400000, r.code(t))
}

func TestUserUpdate(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	srv.UserToken("bob")

	m := ok(t, call(t, srv, alice, "PUT", "/api/v3/users", map[string]any{
		"displayName": "Alice A.", "description": "hello", "metadata": map[string]any{"team": "blue"},
	}))
	u := list(t, m, "users")[0]
	assert.Equal(t, "Alice A.", u["displayName"])
	assert.Equal(t, "hello", u["description"])
	assert.Equal(t, map[string]any{"team": "blue"}, u["metadata"])

	// Users cannot touch others or set roles.
	r := call(t, srv, alice, "PUT", "/api/v3/users", map[string]any{"userId": "bob", "displayName": "x"})
	assert.Equal(t, http.StatusUnauthorized, r.status)
	r = call(t, srv, alice, "PUT", "/api/v3/users", map[string]any{"roles": []string{"boss"}})
	assert.Equal(t, http.StatusForbidden, r.status)

	// The admin can, and must name the user.
	m = ok(t, call(t, srv, srv.AdminToken(), "PUT", "/api/v3/users", map[string]any{"userId": "bob", "roles": []string{"moderator"}}))
	assert.Equal(t, []any{"moderator"}, list(t, m, "users")[0]["roles"])
	r = call(t, srv, srv.AdminToken(), "PUT", "/api/v3/users", map[string]any{"displayName": "x"})
	assert.Equal(t, 400000, r.code(t))
	r = call(t, srv, alice, "PUT", "/api/v3/users", map[string]any{"avatarFileId": "missing"})
	assert.Equal(t, http.StatusNotFound, r.status)
}

func TestUserFlags(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")

	m := ok(t, call(t, srv, alice, "POST", "/api/v4/me/flags/bob", nil))
	assert.Equal(t, 1.0, list(t, m, "users")[0]["flagCount"])
	ok(t, call(t, srv, srv.AdminToken(), "POST", "/api/v4/me/flags/bob", nil))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/users/bob/isFlagByMe", nil))
	assert.Equal(t, true, m["isFlagByMe"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/users/bob/isFlagByMe", nil))
	assert.Equal(t, false, m["isFlagByMe"])

	m = ok(t, call(t, srv, alice, "DELETE", "/api/v4/me/flags/bob", nil))
	assert.Equal(t, 1.0, list(t, m, "users")[0]["flagCount"])

	r := call(t, srv, alice, "DELETE", "/api/v2/users/bob/flags", nil)
	assert.Equal(t, http.StatusForbidden, r.status)
	m = ok(t, call(t, srv, srv.AdminToken(), "DELETE", "/api/v2/users/bob/flags", nil))
	assert.Equal(t, "bob", m["userId"])
	assert.Equal(t, 0.0, m["flagCount"])
	assert.Equal(t, http.StatusNotFound, call(t, srv, alice, "POST", "/api/v4/me/flags/ghost", nil).status)
}

func TestGlobalBan(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	tok := register(t, srv, "mallory", "d1")
	admin := srv.AdminToken()

	r := call(t, srv, tok, "POST", "/api/v2/users/ban", map[string]any{"userId": "mallory"})
	assert.Equal(t, http.StatusForbidden, r.status)
	ok(t, call(t, srv, admin, "POST", "/api/v2/users/ban", map[string]any{"userId": "mallory"}))
	m := ok(t, call(t, srv, admin, "GET", "/api/v3/users/mallory", nil))
	assert.Equal(t, true, list(t, m, "users")[0]["isGlobalBan"])

	// New sessions are refused, writes fail.
	r = call(t, srv, "", "POST", "/api/v4/sessions", map[string]any{"userId": "mallory", "deviceId": "d2"}, "x-api-key", srv.APIKey())
	r.isError(t, http.StatusForbidden, 400312)
	r = call(t, srv, tok, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "spam"}})
	r.isError(t, http.StatusForbidden, 400312)

	ok(t, call(t, srv, admin, "POST", "/api/v2/users/unban", map[string]any{"userId": "mallory"}))
	ok(t, call(t, srv, tok, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "sorry"}}))
	assert.Equal(t, http.StatusNotFound, call(t, srv, admin, "POST", "/api/v2/users/ban", map[string]any{"userId": "ghost"}).status)
}

func TestUserBlocks(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	for _, id := range []string{"b1", "b2", "b3"} {
		srv.AddUser(id, "Blocked "+id)
		m := ok(t, call(t, srv, alice, "POST", "/api/v4/me/user-blocks/"+id, nil))
		f := list(t, m, "follows")[0]
		assert.Equal(t, "alice", f["from"])
		assert.Equal(t, id, f["to"])
		assert.Len(t, list(t, m, "followCounts"), 1)
	}
	m := ok(t, call(t, srv, alice, "GET", "/api/v4/me/user-blocks?limit=2", nil))
	assert.Len(t, list(t, m, "follows"), 2)
	paging := m["paging"].(map[string]any)
	assert.Equal(t, 3.0, paging["total"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/me/user-blocks?token="+q(paging["next"].(string)), nil))
	assert.Len(t, list(t, m, "follows"), 1)
	assert.Equal(t, "blocked", list(t, m, "follows")[0]["status"])

	ok(t, call(t, srv, alice, "DELETE", "/api/v4/me/user-blocks/b1", nil))
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/me/user-blocks", nil))
	assert.ElementsMatch(t, []string{"b2", "b3"}, ids(list(t, m, "follows"), "to"))
	assert.Equal(t, http.StatusBadRequest, call(t, srv, alice, "POST", "/api/v4/me/user-blocks/alice", nil).status)
}

func TestDeleteUser(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	tok := srv.UserToken("gone")
	m := ok(t, call(t, srv, tok, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "bye"}}))
	postID := list(t, m, "posts")[0]["postId"].(string)

	assert.Equal(t, http.StatusForbidden, call(t, srv, tok, "DELETE", "/api/v4/users/gone", nil).status)
	m = ok(t, call(t, srv, srv.AdminToken(), "DELETE", "/api/v4/users/gone?deleteAll=true", nil))
	assert.Equal(t, true, m["success"])
	assert.Equal(t, http.StatusUnauthorized, call(t, srv, tok, "GET", "/api/v3/sessions", nil).status)
	assert.Equal(t, http.StatusNotFound, call(t, srv, srv.AdminToken(), "GET", "/api/v3/posts/"+postID, nil).status)

	m = ok(t, call(t, srv, srv.AdminToken(), "GET", "/api/v3/users?isDeleted=true", nil))
	require.Len(t, list(t, m, "users"), 1)
	m = ok(t, call(t, srv, srv.AdminToken(), "GET", "/api/v3/users", nil))
	assert.NotContains(t, ids(list(t, m, "users"), "userId"), "gone")
	r := call(t, srv, srv.AdminToken(), "DELETE", "/api/v4/users/gone", nil)
	assert.Equal(t, http.StatusBadRequest, r.status)
}

// TestUserUpdateCreateNewUserWhenNotFound checks PUT /api/v3/users on a user that does not
// exist: every vendor client sends createNewUserWhenNotFound false (and gets 404 for an
// unknown user); true creates the user, once the update is valid; absent is like false.
func TestUserUpdateCreateNewUserWhenNotFound(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin, alice := srv.AdminToken(), srv.UserToken("alice")
	exists := func(id string) bool {
		return call(t, srv, admin, "GET", "/api/v3/users/"+id, nil).status == http.StatusOK
	}
	for _, body := range []map[string]any{
		{"userId": "ghost", "displayName": "Ghost", "createNewUserWhenNotFound": false},
		{"userId": "ghost", "displayName": "Ghost"},
	} {
		r := call(t, srv, admin, "PUT", "/api/v3/users", body)
		assert.Equal(t, http.StatusNotFound, r.status, "%v: %s", body, r.body)
		assert.Equal(t, 400400, r.code(t))
		assert.False(t, exists("ghost"))
	}

	// An invalid update creates nothing; a user may not create others.
	r := call(t, srv, admin, "PUT", "/api/v3/users", map[string]any{"userId": "ghost", "avatarFileId": "missing",
		"createNewUserWhenNotFound": true})
	assert.Equal(t, http.StatusNotFound, r.status)
	assert.False(t, exists("ghost"))
	r = call(t, srv, alice, "PUT", "/api/v3/users", map[string]any{"userId": "ghost", "createNewUserWhenNotFound": true})
	assert.Equal(t, http.StatusUnauthorized, r.status)
	assert.False(t, exists("ghost"))

	m := ok(t, call(t, srv, admin, "PUT", "/api/v3/users", map[string]any{"userId": "ghost", "displayName": "Ghost",
		"metadata": map[string]any{"k": "v"}, "createNewUserWhenNotFound": true}))
	u := list(t, m, "users")[0]
	assert.Equal(t, "ghost", u["userId"])
	assert.Equal(t, "Ghost", u["displayName"])
	assert.Equal(t, map[string]any{"k": "v"}, u["metadata"])
	assert.True(t, exists("ghost"))

	// An existing user is updated whatever the flag; a deleted one is not brought back.
	m = ok(t, call(t, srv, admin, "PUT", "/api/v3/users", map[string]any{"userId": "ghost", "displayName": "Casper",
		"createNewUserWhenNotFound": false}))
	assert.Equal(t, "Casper", list(t, m, "users")[0]["displayName"])
	deleted(t, call(t, srv, admin, "DELETE", "/api/v4/users/ghost", nil))
	r = call(t, srv, admin, "PUT", "/api/v3/users", map[string]any{"userId": "ghost", "createNewUserWhenNotFound": true})
	assert.Equal(t, http.StatusNotFound, r.status)
}
