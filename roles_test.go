package amity_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRolesListPage(t *testing.T) {
	c, mt := mockClient(t)
	seen := recordA(t, mt, 200, fixture(t, "roles_page.json"))
	page, err := c.Roles.ListPage(context.Background(), &amity.ListRolesParams{PageParams: amity.PageParams{Limit: 2, PageToken: "rtok-1"},
		Keyword: "ed", SortBy: amity.RoleSortDisplayName})
	require.NoError(t, err)
	req := onlyA(t, seen)
	assert.Equal(t, "GET", req.method)
	assert.Equal(t, "/api/v3/roles", req.path)
	assert.Equal(t, "keyword=ed&options%5Blimit%5D=2&options%5Btoken%5D=rtok-1&sortBy=displayName", req.query)
	require.Len(t, page.Roles, 2)
	editor := page.Role()
	assert.Equal(t, "editor", editor.RoleID)
	assert.Equal(t, []amity.Permission{amity.PermissionEditUser, amity.PermissionCreateCommunityCategory}, editor.Permissions)
	assert.True(t, editor.Grants(amity.PermissionEditUser))
	assert.False(t, editor.Grants(amity.PermissionBanUser))
	assert.Equal(t, 2024, editor.UpdatedAt.Year())
	assert.Same(t, &page.Roles[1], page.RoleByID("auditor"))
	assert.Equal(t, "rtok-2", page.Paging.Next)
	assert.Contains(t, string(page.Raw), `"color"`)

	// The keyword is required by the API: it is sent even when empty.
	c, mt = mockClient(t)
	seen = recordA(t, mt, 200, `{"status":"success","data":[]}`)
	_, err = c.Roles.ListPage(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, "keyword=", onlyA(t, seen).query)
}

func TestRolesListIterates(t *testing.T) {
	c, mt := mockClient(t)
	var queries []string
	mt.RegisterResponder("GET", "https://api.test/api/v3/roles", func(r *http.Request) (*http.Response, error) {
		queries = append(queries, r.URL.RawQuery)
		if r.URL.Query().Get("options[token]") == "rtok-2" {
			return jsonResponder(200, `{"status":"success","data":[{"roleId":"viewer","permissions":[],"updatedAt":"2024-05-03T00:00:00Z","isDeleted":false}]}`)(r)
		}
		return jsonResponder(200, fixture(t, "roles_page.json"))(r)
	})
	var got []string
	for r, err := range c.Roles.List(context.Background(), nil) {
		require.NoError(t, err)
		got = append(got, r.RoleID)
	}
	assert.Equal(t, []string{"editor", "auditor", "viewer"}, got)
	assert.Equal(t, []string{"keyword=", "keyword=&options%5Btoken%5D=rtok-2"}, queries)
	n := 0
	for _, err := range c.Roles.ListPages(context.Background(), nil) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 2, n)
}

func TestRolesCreateGetUpdateDelete(t *testing.T) {
	ctx := context.Background()
	body := fixture(t, "roles_page.json")

	c, mt := mockClient(t)
	seen := recordA(t, mt, 200, body)
	p, err := c.Roles.Create(ctx, &amity.CreateRoleParams{RoleID: "editor", DisplayName: "Editor"})
	require.NoError(t, err)
	req := onlyA(t, seen)
	assert.Equal(t, "POST", req.method)
	assert.Equal(t, "/api/v3/roles", req.path)
	assert.JSONEq(t, `{"roleId":"editor","displayName":"Editor","permissions":[]}`, req.body, "permissions are required: nil goes as []")
	assert.Equal(t, "editor", p.Role().RoleID)

	c, mt = mockClient(t)
	seen = recordA(t, mt, 200, body)
	_, err = c.Roles.Get(ctx, "ed/itor")
	require.NoError(t, err)
	req = onlyA(t, seen)
	assert.Equal(t, "GET", req.method)
	assert.Equal(t, "/api/v3/roles/ed%2Fitor", req.path)

	c, mt = mockClient(t)
	seen = recordA(t, mt, 200, body)
	_, err = c.Roles.Update(ctx, "editor", &amity.UpdateRoleParams{DisplayName: amity.Ptr("Editors"), Permissions: []amity.Permission{amity.PermissionBanUser}})
	require.NoError(t, err)
	req = onlyA(t, seen)
	assert.Equal(t, "PUT", req.method)
	assert.Equal(t, "/api/v3/roles/editor", req.path)
	assert.JSONEq(t, `{"roleId":"editor","displayName":"Editors","permissions":["BAN_USER"]}`, req.body)

	c, mt = mockClient(t)
	seen = recordA(t, mt, 200, `{"status":"success","data":[{"roleId":"editor","permissions":[],"updatedAt":"2024-05-03T00:00:00Z","isDeleted":true}]}`)
	require.NoError(t, c.Roles.Delete(ctx, "editor"))
	req = onlyA(t, seen)
	assert.Equal(t, "DELETE", req.method)
	assert.Equal(t, "/api/v3/roles/editor", req.path)
	assert.Equal(t, "roleId=editor", req.query)

	// An answer without the role is malformed.
	c, mt = mockClient(t)
	recordA(t, mt, 200, `{"status":"success","data":[]}`)
	_, err = c.Roles.Get(ctx, "editor")
	assert.ErrorIs(t, err, amity.ErrMalformedResponse)
	// An API error decodes.
	c, mt = mockClient(t)
	recordA(t, mt, 404, `{"status":"error","code":400400,"message":"Role not found."}`)
	_, err = c.Roles.Get(ctx, "editor")
	assert.ErrorIs(t, err, amity.ErrNotFound)
}

func TestRolesValidation(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	seen := recordA(t, mt, 200, `{}`)
	_, err := c.Roles.Create(ctx, &amity.CreateRoleParams{})
	validationA(t, err, "Roles.Create", "RoleID")
	_, err = c.Roles.Create(ctx, nil)
	validationA(t, err, "Roles.Create", "params")
	_, err = c.Roles.Create(ctx, &amity.CreateRoleParams{RoleID: "r", Permissions: []amity.Permission{""}})
	validationA(t, err, "Roles.Create", "Permissions[]")
	_, err = c.Roles.Get(ctx, " ")
	validationA(t, err, "Roles.Get", "roleID")
	_, err = c.Roles.Update(ctx, "editor", &amity.UpdateRoleParams{})
	validationA(t, err, "Roles.Update", "Permissions")
	_, err = c.Roles.Update(ctx, "..", &amity.UpdateRoleParams{Permissions: []amity.Permission{}})
	validationA(t, err, "Roles.Update", "roleID")
	err = c.Roles.Delete(ctx, "")
	validationA(t, err, "Roles.Delete", "roleID")
	err = c.Roles.V2.AddPermissions(ctx, &amity.V2AddPermissionsParams{PublicIDs: []string{"editor"}})
	validationA(t, err, "Roles.V2.AddPermissions", "Permissions")
	err = c.Roles.V2.AddPermissions(ctx, &amity.V2AddPermissionsParams{Permissions: []amity.Permission{amity.PermissionBanUser}})
	validationA(t, err, "Roles.V2.AddPermissions", "PublicIDs")
	assert.Empty(t, *seen)
}

func TestRolesV2(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	seen := recordA(t, mt, 200, fixture(t, "roles_v2.json"))
	p, err := c.Roles.V2.GetRoles(ctx)
	require.NoError(t, err)
	req := onlyA(t, seen)
	assert.Equal(t, "GET", req.method)
	assert.Equal(t, "/api/v2/roles", req.path)
	assert.Equal(t, apiKey, req.header.Get("X-API-Key"))
	assert.Equal(t, "Bearer "+adminToken, req.header.Get("Authorization"))
	require.NotNil(t, p.RoleByID("editor"))
	assert.Equal(t, []amity.Permission{amity.PermissionEditMessage}, p.RoleByID("editor").Permissions)
	require.Len(t, p.Data.ModerationSettings, 1)
	assert.Equal(t, 5, p.Data.ModerationSettings[0].MaxRepetition)

	c, mt = mockClient(t)
	seen = recordA(t, mt, 200, "")
	require.NoError(t, c.Roles.V2.AddPermissions(ctx, &amity.V2AddPermissionsParams{PublicIDs: []string{"editor"}, Permissions: []amity.Permission{amity.PermissionEditMessage}}))
	req = onlyA(t, seen)
	assert.Equal(t, "PUT", req.method)
	assert.Equal(t, "/api/v2/roles", req.path)
	assert.JSONEq(t, `{"publicIds":["editor"],"permissions":["EDIT_MESSAGE"]}`, req.body)
	assert.Equal(t, apiKey, req.header.Get("X-API-Key"))

	c, mt = mockClient(t)
	recordA(t, mt, 200, `{"success":false}`)
	err = c.Roles.V2.AddPermissions(ctx, &amity.V2AddPermissionsParams{PublicIDs: []string{"editor"}, Permissions: []amity.Permission{amity.PermissionEditMessage}})
	assert.ErrorIs(t, err, amity.ErrUnsuccessful)
}

// TestRolesUnknownEnumsAreSent: an order the SDK does not know is sent as given.
func TestRolesUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"list sort", func(ctx context.Context, c *amity.Client) error {
			_, err := c.Roles.ListPage(ctx, &amity.ListRolesParams{SortBy: "random"})
			return err
		}, []string{"sortBy=random"}},
	})
}
