package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Roles.ListPage", Op: "GET /api/v3/roles",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Roles.ListPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Roles.ListPage(ctx, &amity.ListRolesParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
					Keyword: "mod", SortBy: amity.RoleSortDisplayName}))
			}},
		conformanceCase{Method: "Roles.List", Op: "GET /api/v3/roles",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(drain(c.Roles.List(ctx, nil)))
			}},
		conformanceCase{Method: "Roles.ListPages", Op: "GET /api/v3/roles",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(drain(c.Roles.ListPages(ctx, nil)))
			}},
		conformanceCase{Method: "Roles.Create", Op: "POST /api/v3/roles",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Roles.Create(ctx, &amity.CreateRoleParams{RoleID: "editor"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Roles.Create(ctx, &amity.CreateRoleParams{RoleID: "editor", DisplayName: "Editor",
					Permissions: []amity.Permission{amity.PermissionEditUser, amity.PermissionCreateCommunityCategory}}))
			}},
		conformanceCase{Method: "Roles.Get", Op: "GET /api/v3/roles/{roleId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Roles.Get(ctx, "editor")) }},
		conformanceCase{Method: "Roles.Update", Op: "PUT /api/v3/roles/{roleId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Roles.Update(ctx, "editor", &amity.UpdateRoleParams{Permissions: []amity.Permission{}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Roles.Update(ctx, "editor", &amity.UpdateRoleParams{DisplayName: amity.Ptr("Editors"),
					Permissions: []amity.Permission{amity.PermissionBanUser}}))
			}},
		conformanceCase{Method: "Roles.Delete", Op: "DELETE /api/v3/roles/{roleId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				err := c.Roles.Delete(ctx, "editor")
				return err
			}},
		conformanceCase{Method: "Roles.V2.GetRoles", Op: "GET /api/v2/roles",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Roles.V2.GetRoles(ctx)) }},
		conformanceCase{Method: "Roles.V2.AddPermissions", Op: "PUT /api/v2/roles",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Roles.V2.AddPermissions(ctx, &amity.V2AddPermissionsParams{PublicIDs: []string{"editor"},
					Permissions: []amity.Permission{amity.PermissionEditMessage}})
			}},
	)
}
