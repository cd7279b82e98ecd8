package amity_test

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRolesListPage(t *testing.T) {
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "roles_page.json"))
	page, err := c.Roles.ListPage(context.Background(), &amity.ListRolesParams{PageParams: amity.PageParams{Limit: 2, PageToken: "rtok-1"},
		Keyword: "ed", SortBy: amity.RoleSortDisplayName})
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "GET", req.Method)
	assert.Equal(t, "/api/v3/roles", req.Path)
	assert.Equal(t, "keyword=ed&options%5Blimit%5D=2&options%5Btoken%5D=rtok-1&sortBy=displayName", req.Query)
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
	rec = recordAny(t, mt, `{"status":"success","data":[]}`)
	_, err = c.Roles.ListPage(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, "keyword=", rec.only(t).Query)
}

func TestRolesListIterates(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v3/roles", "options[token]", "rtok-2", fixture(t, "roles_page.json"), `{"status":"success","data":[{"roleId":"viewer","permissions":[],"updatedAt":"2024-05-03T00:00:00Z","isDeleted":false}]}`)
	var got []string
	for r, err := range c.Roles.List(context.Background(), nil) {
		require.NoError(t, err)
		got = append(got, r.RoleID)
	}
	assert.Equal(t, []string{"editor", "auditor", "viewer"}, got)
	assert.Equal(t, []string{"keyword=", "keyword=&options%5Btoken%5D=rtok-2"}, listing.queries())
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
	rec := recordAny(t, mt, body)
	p, err := c.Roles.Create(ctx, &amity.CreateRoleParams{RoleID: "editor", DisplayName: "Editor"})
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "POST", req.Method)
	assert.Equal(t, "/api/v3/roles", req.Path)
	assert.JSONEq(t, `{"roleId":"editor","displayName":"Editor","permissions":[]}`, req.Body, "permissions are required: nil goes as []")
	assert.Equal(t, "editor", p.Role().RoleID)

	c, mt = mockClient(t)
	rec = recordAny(t, mt, body)
	_, err = c.Roles.Get(ctx, "ed/itor")
	require.NoError(t, err)
	req = rec.only(t)
	assert.Equal(t, "GET", req.Method)
	assert.Equal(t, "/api/v3/roles/ed%2Fitor", req.Path)

	c, mt = mockClient(t)
	rec = recordAny(t, mt, body)
	_, err = c.Roles.Update(ctx, "editor", &amity.UpdateRoleParams{DisplayName: amity.Ptr("Editors"), Permissions: []amity.Permission{amity.PermissionBanUser}})
	require.NoError(t, err)
	req = rec.only(t)
	assert.Equal(t, "PUT", req.Method)
	assert.Equal(t, "/api/v3/roles/editor", req.Path)
	assert.JSONEq(t, `{"roleId":"editor","displayName":"Editors","permissions":["BAN_USER"]}`, req.Body)

	c, mt = mockClient(t)
	rec = recordAny(t, mt, `{"status":"success","data":[{"roleId":"editor","permissions":[],"updatedAt":"2024-05-03T00:00:00Z","isDeleted":true}]}`)
	require.NoError(t, c.Roles.Delete(ctx, "editor"))
	req = rec.only(t)
	assert.Equal(t, "DELETE", req.Method)
	assert.Equal(t, "/api/v3/roles/editor", req.Path)
	assert.Equal(t, "roleId=editor", req.Query)

	// An answer without the role is malformed.
	c, mt = mockClient(t)
	recordAny(t, mt, `{"status":"success","data":[]}`)
	_, err = c.Roles.Get(ctx, "editor")
	assert.ErrorIs(t, err, amity.ErrMalformedResponse)
	// An API error decodes.
	c, mt = mockClient(t)
	recordAny(t, mt, `{"status":"error","code":400400,"message":"Role not found."}`, 404)
	_, err = c.Roles.Get(ctx, "editor")
	assert.ErrorIs(t, err, amity.ErrNotFound)
}

func TestRolesValidation(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, `{}`)
	_, err := c.Roles.Create(ctx, &amity.CreateRoleParams{})
	assertInvalid(t, err, "Roles.Create: RoleID")
	_, err = c.Roles.Create(ctx, nil)
	assertInvalid(t, err, "Roles.Create: params")
	_, err = c.Roles.Create(ctx, &amity.CreateRoleParams{RoleID: "r", Permissions: []amity.Permission{""}})
	assertInvalid(t, err, "Roles.Create: Permissions[]")
	_, err = c.Roles.Get(ctx, " ")
	assertInvalid(t, err, "Roles.Get: roleID")
	_, err = c.Roles.Update(ctx, "editor", &amity.UpdateRoleParams{})
	assertInvalid(t, err, "Roles.Update: Permissions")
	_, err = c.Roles.Update(ctx, "..", &amity.UpdateRoleParams{Permissions: []amity.Permission{}})
	assertInvalid(t, err, "Roles.Update: roleID")
	err = c.Roles.Delete(ctx, "")
	assertInvalid(t, err, "Roles.Delete: roleID")
	err = c.Roles.V2.AddPermissions(ctx, &amity.V2AddPermissionsParams{PublicIDs: []string{"editor"}})
	assertInvalid(t, err, "Roles.V2.AddPermissions: Permissions")
	err = c.Roles.V2.AddPermissions(ctx, &amity.V2AddPermissionsParams{Permissions: []amity.Permission{amity.PermissionBanUser}})
	assertInvalid(t, err, "Roles.V2.AddPermissions: PublicIDs")
	assert.Empty(t, rec.all())
}

func TestRolesV2(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "roles_v2.json"))
	p, err := c.Roles.V2.GetRoles(ctx)
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "GET", req.Method)
	assert.Equal(t, "/api/v2/roles", req.Path)
	assert.Equal(t, apiKey, req.Header.Get("X-API-Key"))
	assert.Equal(t, "Bearer "+adminToken, req.Header.Get("Authorization"))
	require.NotNil(t, p.RoleByID("editor"))
	assert.Equal(t, []amity.Permission{amity.PermissionEditMessage}, p.RoleByID("editor").Permissions)
	require.Len(t, p.Data.ModerationSettings, 1)
	assert.Equal(t, 5, p.Data.ModerationSettings[0].MaxRepetition)

	c, mt = mockClient(t)
	rec = recordAny(t, mt, "")
	require.NoError(t, c.Roles.V2.AddPermissions(ctx, &amity.V2AddPermissionsParams{PublicIDs: []string{"editor"}, Permissions: []amity.Permission{amity.PermissionEditMessage}}))
	req = rec.only(t)
	assert.Equal(t, "PUT", req.Method)
	assert.Equal(t, "/api/v2/roles", req.Path)
	assert.JSONEq(t, `{"publicIds":["editor"],"permissions":["EDIT_MESSAGE"]}`, req.Body)
	assert.Equal(t, apiKey, req.Header.Get("X-API-Key"))

	c, mt = mockClient(t)
	recordAny(t, mt, `{"success":false}`)
	err = c.Roles.V2.AddPermissions(ctx, &amity.V2AddPermissionsParams{PublicIDs: []string{"editor"}, Permissions: []amity.Permission{amity.PermissionEditMessage}})
	assert.ErrorIs(t, err, amity.ErrUnsuccessful)
}

// TestRolesUnknownEnumsAreSent: an order the SDK does not know is sent as given.
func TestRolesUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"list sort", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Roles.ListPage(ctx, &amity.ListRolesParams{SortBy: "random"}))
		}, []string{"sortBy=random"}},
	})
}
