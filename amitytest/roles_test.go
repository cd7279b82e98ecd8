package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRolesCRUD(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin := srv.AdminToken()

	m := ok(t, call(t, srv, admin, "POST", "/api/v3/roles", map[string]any{"roleId": "editor", "displayName": "Editor", "permissions": []string{"EDIT_USER"}}))
	role := list(t, m, "data")[0]
	assert.Equal(t, "editor", role["roleId"])
	assert.Equal(t, []any{"EDIT_USER"}, role["permissions"])
	ok(t, call(t, srv, admin, "POST", "/api/v3/roles", map[string]any{"roleId": "auditor", "displayName": "Auditor", "permissions": []string{}}))
	assert.Equal(t, 400315, call(t, srv, admin, "POST", "/api/v3/roles", map[string]any{"roleId": "editor", "permissions": []string{}}).code(t))
	assert.Equal(t, 400000, call(t, srv, admin, "POST", "/api/v3/roles", map[string]any{"roleId": "x", "permissions": []string{"FLY"}}).code(t))
	assert.Equal(t, 400000, call(t, srv, admin, "POST", "/api/v3/roles", map[string]any{"roleId": "x"}).code(t))

	m = ok(t, call(t, srv, admin, "GET", "/api/v3/roles?keyword=&sortBy=displayName", nil))
	assert.Equal(t, []string{"auditor", "editor"}, ids(list(t, m, "data"), "roleId"))
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/roles?keyword=edi", nil))
	assert.Equal(t, []string{"editor"}, ids(list(t, m, "data"), "roleId"))
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/roles?keyword=&sortBy=firstCreated&options[limit]=1", nil))
	assert.Equal(t, []string{"editor"}, ids(list(t, m, "data"), "roleId"))
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/roles?keyword=&sortBy=firstCreated&options[token]="+q(next), nil))
	assert.Equal(t, []string{"auditor"}, ids(list(t, m, "data"), "roleId"))
	assert.Equal(t, http.StatusOK, call(t, srv, admin, "GET", "/api/v3/roles", nil).status, "keyword is optional (the vendor clients leave it out)")

	m = ok(t, call(t, srv, admin, "PUT", "/api/v3/roles/editor", map[string]any{"roleId": "editor", "displayName": "Editors", "permissions": []string{"BAN_USER", "EDIT_USER"}}))
	assert.Equal(t, "Editors", list(t, m, "data")[0]["displayName"])
	m = ok(t, call(t, srv, admin, "GET", "/api/v3/roles/editor", nil))
	assert.Equal(t, []any{"BAN_USER", "EDIT_USER"}, list(t, m, "data")[0]["permissions"])
	assert.Equal(t, 400000, call(t, srv, admin, "PUT", "/api/v3/roles/editor", map[string]any{"roleId": "other", "permissions": []string{}}).code(t))

	// v2: the same roles, and permissions added to them.
	r := call(t, srv, admin, "PUT", "/api/v2/roles", map[string]any{"publicIds": []string{"auditor"}, "permissions": []string{"EDIT_MESSAGE"}}, "x-api-key", srv.APIKey())
	assert.Equal(t, http.StatusOK, r.status)
	assert.Empty(t, r.body)
	m = ok(t, call(t, srv, admin, "GET", "/api/v2/roles", nil, "x-api-key", srv.APIKey()))
	data := m["data"].(map[string]any)
	roles := list(t, data, "roles")
	assert.Equal(t, []string{"editor", "auditor"}, ids(roles, "publicId"))
	assert.Equal(t, []any{"EDIT_MESSAGE"}, roles[1]["permissions"])
	assert.Len(t, list(t, data, "moderatonSettings"), 1)
	assert.Equal(t, http.StatusUnauthorized, call(t, srv, admin, "GET", "/api/v2/roles", nil).status, "the API key is required")
	assert.Equal(t, http.StatusNotFound, call(t, srv, admin, "PUT", "/api/v2/roles", map[string]any{"publicIds": []string{"ghost"}, "permissions": []string{"EDIT_MESSAGE"}}, "x-api-key", srv.APIKey()).status)

	m = ok(t, call(t, srv, admin, "DELETE", "/api/v3/roles/auditor?roleId=auditor", nil))
	assert.Equal(t, true, list(t, m, "data")[0]["isDeleted"])
	assert.Equal(t, http.StatusNotFound, call(t, srv, admin, "GET", "/api/v3/roles/auditor", nil).status)
	assert.Equal(t, http.StatusNotFound, call(t, srv, admin, "DELETE", "/api/v3/roles/auditor", nil).status)
}

func TestRolesGrantPermissions(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin, alice := srv.AdminToken(), srv.UserToken("alice")

	// Without a role, alice may neither create categories nor roles.
	assert.Equal(t, 400301, call(t, srv, alice, "POST", "/api/v3/community-categories", map[string]any{"name": "Books"}).code(t))
	assert.Equal(t, 400301, call(t, srv, alice, "POST", "/api/v3/roles", map[string]any{"roleId": "x", "permissions": []string{}}).code(t))

	ok(t, call(t, srv, admin, "POST", "/api/v3/roles", map[string]any{"roleId": "curator",
		"permissions": []string{"CREATE_COMMUNITY_CATEGORY", "EDIT_COMMUNITY_CATEGORY", "CREATE_ROLE"}}))
	// A user cannot give itself roles; the admin grants it.
	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "PUT", "/api/v3/users", map[string]any{"roles": []string{"curator"}}).status)
	ok(t, call(t, srv, admin, "PUT", "/api/v3/users", map[string]any{"userId": "alice", "roles": []string{"curator"}}))
	assert.Equal(t, []string{"alice"}, srv.RoleUsers("curator"))

	m := ok(t, call(t, srv, alice, "POST", "/api/v3/community-categories", map[string]any{"name": "Books"}))
	cat := m["data"].(map[string]any)["categories"].([]any)[0].(map[string]any)["categoryId"].(string)
	ok(t, call(t, srv, alice, "PUT", "/api/v3/community-categories/"+cat, map[string]any{"name": "Novels"}))
	// The role does not grant deletion.
	assert.Equal(t, 400301, call(t, srv, alice, "DELETE", "/api/v3/community-categories/"+cat, nil).code(t))
	ok(t, call(t, srv, alice, "POST", "/api/v3/roles", map[string]any{"roleId": "helper", "permissions": []string{}}))
	assert.Equal(t, 400301, call(t, srv, alice, "DELETE", "/api/v3/roles/helper", nil).code(t))

	// EDIT_USER lets a user update others, ASSIGN_USER_ROLE give roles.
	srv.AddUser("bob", "Bob")
	assert.Equal(t, http.StatusUnauthorized, call(t, srv, alice, "PUT", "/api/v3/users", map[string]any{"userId": "bob", "description": "x"}).status)
	ok(t, call(t, srv, admin, "POST", "/api/v3/roles", map[string]any{"roleId": "manager", "permissions": []string{"EDIT_USER", "ASSIGN_USER_ROLE"}}))
	carol := srv.UserToken("carol")
	assert.Equal(t, http.StatusForbidden, call(t, srv, carol, "PUT", "/api/v3/users", map[string]any{"roles": []string{"manager"}}).status)
	ok(t, call(t, srv, admin, "PUT", "/api/v3/users", map[string]any{"userId": "carol", "roles": []string{"manager"}}))
	ok(t, call(t, srv, carol, "PUT", "/api/v3/users", map[string]any{"userId": "bob", "description": "edited by carol"}))
	ok(t, call(t, srv, carol, "PUT", "/api/v3/users", map[string]any{"userId": "bob", "roles": []string{"curator"}}))
	assert.Equal(t, []string{"alice", "bob"}, srv.RoleUsers("curator"))

	// Taking a permission away takes effect at once; so does deleting the role.
	ok(t, call(t, srv, admin, "PUT", "/api/v3/roles/curator", map[string]any{"permissions": []string{"EDIT_COMMUNITY_CATEGORY"}}))
	assert.Equal(t, 400301, call(t, srv, alice, "POST", "/api/v3/community-categories", map[string]any{"name": "Films"}).code(t))
	ok(t, call(t, srv, alice, "PUT", "/api/v3/community-categories/"+cat, map[string]any{"name": "Stories"}))
	ok(t, call(t, srv, admin, "DELETE", "/api/v3/roles/curator", nil))
	r := call(t, srv, alice, "PUT", "/api/v3/community-categories/"+cat, map[string]any{"name": "Tales"})
	require.Equal(t, http.StatusForbidden, r.status)
}
