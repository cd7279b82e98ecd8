package amity

import (
	"bytes"
	"context"
	"iter"
	"net/http"
	"net/url"
)

// RolesService manages the network's roles: named sets of permissions that users hold
// network-wide (User.Roles, set with Users.Update) or in a community or channel (the
// AddRole methods of Communities and Channels). Reach it as Client.Roles; the older v2 calls
// are on Client.Roles.V2.
type RolesService struct {
	c *Client
	// V2 holds the v2 role calls (the API key is sent with them).
	V2 *RolesV2Service
}

// Role is a role and the permissions it grants.
type Role struct {
	RoleID      string       `json:"roleId"`
	DisplayName string       `json:"displayName,omitempty"`
	Permissions []Permission `json:"permissions"`
	// CreatedAt is when the role was created (spec 4.116.1); UpdatedAt when it was last
	// changed or deleted.
	CreatedAt Time `json:"createdAt"`
	UpdatedAt Time `json:"updatedAt"`
	IsDeleted bool `json:"isDeleted"`
}

// Grants reports whether the role grants p.
func (r *Role) Grants(p Permission) bool {
	for _, x := range r.Permissions {
		if x == p {
			return true
		}
	}
	return false
}

// RolePayload is the answer of the role calls: {status, data: [roles]} by the spec; the
// vendor's clients read a listing as {roles, paging} and a Get as a bare list of roles
// (docs/wire-notes.md). All three decode.
type RolePayload struct {
	rawJSON
	Status string `json:"status,omitempty"`
	Roles  []Role `json:"data"`
	// Paging holds the cursors of a listing. The spec declares none for GET /api/v3/roles
	// although the operation takes a page token; it is decoded when the API sends one.
	Paging Paging `json:"paging"`
}

// UnmarshalJSON decodes the three answer forms, under the decoding policy.
func (p *RolePayload) UnmarshalJSON(b []byte) error {
	*p = RolePayload{}
	if b = bytes.TrimSpace(b); len(b) > 0 && b[0] == '[' {
		return decodeJSON(b, &p.Roles)
	}
	var w struct {
		Status string `json:"status"`
		Data   []Role `json:"data"`
		Roles  []Role `json:"roles"`
		Paging Paging `json:"paging"`
	}
	if err := decodeJSON(b, &w); err != nil {
		return err
	}
	p.Status, p.Roles, p.Paging = w.Status, w.Data, w.Paging
	if p.Roles == nil {
		p.Roles = w.Roles
	}
	return nil
}

func (p *RolePayload) pageItems() []Role { return p.Roles }
func (p *RolePayload) pageInfo() Paging  { return p.Paging }

// Role returns the first role of the answer, or nil.
func (p *RolePayload) Role() *Role { return firstOf(p.Roles) }

// RoleByID returns the role with the given ID, or nil.
func (p *RolePayload) RoleByID(roleID string) *Role { return roleByID(p.Roles, roleID) }

// RoleSortBy orders a role listing.
type RoleSortBy string

// Role orders.
const (
	RoleSortLastCreated  RoleSortBy = "lastCreated"
	RoleSortFirstCreated RoleSortBy = "firstCreated"
	RoleSortDisplayName  RoleSortBy = "displayName"
)

// ListRolesParams filters and pages List. The zero value lists every role, newest first.
type ListRolesParams struct {
	PageParams
	// Keyword keeps the roles whose ID or display name holds it (at most 100 characters;
	// empty matches every role). The API requires the parameter, so it is always sent.
	Keyword string
	// SortBy: lastCreated (the server's default), firstCreated or displayName.
	SortBy RoleSortBy
}

func (p *ListRolesParams) query(op string) (query, error) {
	p = orZero(p)
	if err := firstErr(
		p.PageParams.validate(op, 0),
		maxLen(op, "Keyword", p.Keyword, 100),
	); err != nil {
		return nil, err
	}
	q := query{}
	url.Values(q).Set("keyword", p.Keyword)
	q.str("sortBy", string(p.SortBy))
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// List returns an iterator over the roles, fetching pages as it goes. GET /api/v3/roles.
func (s *RolesService) List(ctx context.Context, params *ListRolesParams, opts ...CallOption) iter.Seq2[Role, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of roles. GET /api/v3/roles.
func (s *RolesService) ListPages(ctx context.Context, params *ListRolesParams, opts ...CallOption) iter.Seq2[*RolePayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of roles. GET /api/v3/roles.
func (s *RolesService) ListPage(ctx context.Context, params *ListRolesParams, opts ...CallOption) (*RolePayload, error) {
	const op = "Roles.ListPage"
	return listPage[RolePayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/roles", opts: opts}, params)
}

// CreateRoleParams is the body of Create.
type CreateRoleParams struct {
	// RoleID (required) is the new role's ID, 1 to 100 characters.
	RoleID string `json:"roleId"`
	// DisplayName is at most 100 characters.
	DisplayName string `json:"displayName,omitempty"`
	// Permissions are what the role grants (none is allowed).
	Permissions []Permission `json:"permissions"`
}

// Create creates a role and returns it. POST /api/v3/roles. Not retried after it may have
// reached the server (a repeat would find the role already there).
func (s *RolesService) Create(ctx context.Context, params *CreateRoleParams, opts ...CallOption) (*RolePayload, error) {
	const op = "Roles.Create"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		required(op, "RoleID", params.RoleID),
		maxLen(op, "RoleID", params.RoleID, 100),
		maxLen(op, "DisplayName", params.DisplayName, 100),
		permissionList(op, "Permissions", params.Permissions),
	); err != nil {
		return nil, err
	}
	body := *params
	body.Permissions = nonNilPermissions(params.Permissions)
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v3/roles", body: &body, opts: opts}, "role", (*RolePayload).pageItems)
}

// Get returns a role. GET /api/v3/roles/{roleId}.
func (s *RolesService) Get(ctx context.Context, roleID string, opts ...CallOption) (*RolePayload, error) {
	const op = "Roles.Get"
	path, err := pathf(op, "/api/v3/roles/%s", idArg{"roleID", roleID})
	if err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, "role", (*RolePayload).pageItems)
}

// UpdateRoleParams is the body of Update.
type UpdateRoleParams struct {
	// DisplayName, when set, is the new display name (at most 100 characters).
	DisplayName *string `json:"displayName,omitempty"`
	// Permissions (required) replaces the role's permissions; an empty, non-nil slice takes
	// them all away.
	Permissions []Permission `json:"permissions"`
}

// Update changes a role's display name and permissions and returns it.
// PUT /api/v3/roles/{roleId}. Retried: it sets the given values, so a repeat is harmless.
func (s *RolesService) Update(ctx context.Context, roleID string, params *UpdateRoleParams, opts ...CallOption) (*RolePayload, error) {
	const op = "Roles.Update"
	path, err := pathf(op, "/api/v3/roles/%s", idArg{"roleID", roleID})
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if params.Permissions == nil {
		return nil, &ValidationError{Op: op, Field: "Permissions", Reason: "is required (an empty slice removes every permission)"}
	}
	if err := firstErr(
		maxLen(op, "roleID", roleID, 100),
		maxLenPtr(op, "DisplayName", params.DisplayName, 100),
		permissionList(op, "Permissions", params.Permissions),
	); err != nil {
		return nil, err
	}
	body := struct {
		RoleID string `json:"roleId"`
		*UpdateRoleParams
	}{roleID, params}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: body, idempotent: true, opts: opts}, "role", (*RolePayload).pageItems)
}

// Delete deletes a role. DELETE /api/v3/roles/{roleId} (the role ID is sent in the query as
// well, as the spec declares). Retried: deleting a deleted role changes nothing. Like every
// Delete it returns only an error (the API answers the role as deleted; Raw is not kept).
func (s *RolesService) Delete(ctx context.Context, roleID string, opts ...CallOption) error {
	const op = "Roles.Delete"
	path, err := pathf(op, "/api/v3/roles/%s", idArg{"roleID", roleID})
	if err != nil {
		return err
	}
	if err := maxLen(op, "roleID", roleID, 100); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, query: url.Values{"roleId": {roleID}}, idempotent: true, opts: opts}, nil)
}

// permissionList checks that no permission is blank.
func permissionList(op, field string, ps []Permission) error {
	for _, p := range ps {
		if err := required(op, field+"[]", string(p)); err != nil {
			return err
		}
	}
	return nil
}

// nonNilPermissions sends an empty list as [] rather than null.
func nonNilPermissions(ps []Permission) []Permission {
	if ps == nil {
		return []Permission{}
	}
	return ps
}

// RolesV2Service holds the v2 role calls. Reach it as Client.Roles.V2.
type RolesV2Service struct{ c *Client }

// V2Role is a role as the v2 API lists it.
type V2Role struct {
	PublicID    string       `json:"publicId"`
	Permissions []Permission `json:"permissions,omitempty"`
}

// V2RolesPayload is the answer of GetRoles: the roles and the network's v2 moderation
// settings.
type V2RolesPayload struct {
	rawJSON
	Status string `json:"status,omitempty"`
	Data   struct {
		// ModerationSettings is spelt "moderatonSettings" on the wire (sic).
		ModerationSettings []V2ModerationSettings `json:"moderatonSettings"`
		Roles              []V2Role               `json:"roles"`
	} `json:"data"`
}

// RoleByID returns the role with the given public ID, or nil.
func (p *V2RolesPayload) RoleByID(publicID string) *V2Role {
	return byID(p.Data.Roles, publicID, func(r *V2Role) string { return r.PublicID })
}

// GetRoles returns every role with its permissions. GET /api/v2/roles, with the API key.
func (s *RolesV2Service) GetRoles(ctx context.Context, opts ...CallOption) (*V2RolesPayload, error) {
	return call[V2RolesPayload](ctx, s.c, &request{op: "Roles.V2.GetRoles", method: http.MethodGet, path: "/api/v2/roles", auth: authAPIKey, opts: opts})
}

// V2AddPermissionsParams is the body of AddPermissions.
type V2AddPermissionsParams struct {
	// PublicIDs (required) are the roles to change.
	PublicIDs []string `json:"publicIds"`
	// Permissions (required) are added to each role.
	Permissions []Permission `json:"permissions"`
}

// AddPermissions adds permissions to roles. PUT /api/v2/roles, with the API key; the answer
// has no body. Retried: adding a permission a role already has changes nothing.
func (s *RolesV2Service) AddPermissions(ctx context.Context, params *V2AddPermissionsParams, opts ...CallOption) error {
	const op = "Roles.V2.AddPermissions"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	if err := idList(op, "PublicIDs", params.PublicIDs, 100, 100); err != nil {
		return err
	}
	if len(params.Permissions) == 0 {
		return &ValidationError{Op: op, Field: "Permissions", Reason: "must not be empty"}
	}
	if err := permissionList(op, "Permissions", params.Permissions); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPut, path: "/api/v2/roles", body: params, auth: authAPIKey, idempotent: true, optionalAnswer: true, opts: opts}, nil)
}
