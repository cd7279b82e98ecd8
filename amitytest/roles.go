package amitytest

import (
	"sort"
	"strings"
	"time"
)

// role is a network role and the permissions it grants.
type role struct {
	id          string
	displayName string
	permissions []string
	deleted     bool
	createdAt   time.Time
	updatedAt   time.Time
	seq         int64
}

type roleJSON struct {
	RoleID      string   `json:"roleId"`
	DisplayName string   `json:"displayName"`
	Permissions []string `json:"permissions"`
	CreatedAt   string   `json:"createdAt"`
	UpdatedAt   string   `json:"updatedAt"`
	IsDeleted   bool     `json:"isDeleted"`
}

func (r *role) json() roleJSON {
	return roleJSON{RoleID: r.id, DisplayName: r.displayName, Permissions: nonNil(append([]string(nil), r.permissions...)),
		CreatedAt: ts(r.createdAt), UpdatedAt: ts(r.updatedAt), IsDeleted: r.deleted}
}

// permissions are the permissions the spec lists.
var permissions = []string{
	"MUTE_CHANNEL", "CLOSE_CHANNEL", "EDIT_CHANNEL", "EDIT_CHANNEL_RATELIMIT", "EDIT_MESSAGE", "DELETE_MESSAGE",
	"BAN_USER_FROM_CHANNEL", "MUTE_USER_INSIDE_CHANNEL", "ADD_CHANNEL_USER", "REMOVE_CHANNEL_USER", "EDIT_CHANNEL_USER",
	"ASSIGN_CHANNEL_USER_ROLE", "BAN_USER", "EDIT_USER", "ASSIGN_USER_ROLE", "EDIT_USER_FEED_POST", "DELETE_USER_FEED_POST",
	"EDIT_USER_FEED_COMMENT", "DELETE_USER_FEED_COMMENT", "ADD_COMMUNITY_USER", "REMOVE_COMMUNITY_USER", "EDIT_COMMUNITY_USER",
	"BAN_COMMUNITY_USER", "MUTE_COMMUNITY_USER", "EDIT_COMMUNITY", "DELETE_COMMUNITY", "EDIT_COMMUNITY_POST",
	"DELETE_COMMUNITY_POST", "PIN_COMMUNITY_POST", "EDIT_COMMUNITY_COMMENT", "DELETE_COMMUNITY_COMMENT",
	"ASSIGN_COMMUNITY_USER_ROLE", "CREATE_COMMUNITY_CATEGORY", "EDIT_COMMUNITY_CATEGORY", "DELETE_COMMUNITY_CATEGORY",
	"CREATE_ROLE", "EDIT_ROLE", "DELETE_ROLE", "MANAGE_COMMUNITY_STORY",
}

func validPermissions(list []string) error {
	for _, p := range list {
		if !containsString(permissions, p) {
			return errBadRequest("Parameters validation error: unknown permission %q", p)
		}
	}
	return nil
}

// can reports whether the caller holds perm network-wide: the admin holds every permission,
// a user those of its roles (User.roles, set with PUT /api/v3/users) that exist and are not
// deleted.
func (c *request) can(perm string) bool {
	if c.isAdmin {
		return true
	}
	u := c.st.users[c.identity]
	if u == nil {
		return false
	}
	roles := c.st.roles
	for _, id := range u.roles {
		if r := roles[id]; r != nil && !r.deleted && containsString(r.permissions, perm) {
			return true
		}
	}
	return false
}

// requirePermission refuses a caller without perm (400301).
func (c *request) requirePermission(perm string) error {
	if !c.can(perm) {
		return errPermission("Permission denied: " + perm + " is required")
	}
	return nil
}

// roleUserIDs returns the users holding a role, in ID order (Server.RoleUsers).
func (st *state) roleUserIDs(roleID string) []string {
	out := []string{}
	for _, u := range st.users {
		if !u.deleted && containsString(u.roles, roleID) {
			out = append(out, u.id)
		}
	}
	sort.Strings(out)
	return out
}

// RoleUsers returns the IDs of the users holding a network role (given with
// PUT /api/v3/users roles), sorted.
func (s *Server) RoleUsers(roleID string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.roleUserIDs(roleID)
}

type roleRequest struct {
	RoleID      *string   `json:"roleId"`
	DisplayName *string   `json:"displayName"`
	Permissions *[]string `json:"permissions"`
}

func (req *roleRequest) validate() error {
	if req.Permissions == nil {
		return errBadRequest("Parameters validation error: permissions is required")
	}
	if req.DisplayName != nil {
		if err := maxLen("displayName", *req.DisplayName, 100); err != nil {
			return err
		}
	}
	return validPermissions(*req.Permissions)
}

func rolesBody(list ...*role) statusData {
	out := []roleJSON{}
	for _, r := range list {
		out = append(out, r.json())
	}
	return statusData{Status: "success", Data: out}
}

func (s *Server) routesRoles() {
	s.route("GET /api/v3/roles", authUser, func(c *request) error {
		// The spec marks keyword required, but the vendor clients leave it out to list every
		// role (ts-sdk role/api/queryRoles.ts:53 sends keyword: displayName, undefined when
		// not given, which axios drops), so it is optional.
		keyword := strings.ToLower(c.q("keyword"))
		if err := maxLen("keyword", keyword, 100); err != nil {
			return err
		}
		sortBy := c.q("sortBy")
		if err := enum("sortBy", sortBy, "lastCreated", "firstCreated", "displayName"); err != nil {
			return err
		}
		p, err := c.pageParams(10)
		if err != nil {
			return err
		}
		var list []*role
		for _, r := range c.st.roles {
			if !r.deleted && (keyword == "" || strings.Contains(strings.ToLower(r.id), keyword) || strings.Contains(strings.ToLower(r.displayName), keyword)) {
				list = append(list, r)
			}
		}
		if sortBy == "displayName" {
			sortByName(list, func(x *role) string { return x.displayName }, func(x, y *role) bool { return x.id < y.id })
		} else {
			sortByCreated(list, func(r *role) (time.Time, int64) { return r.createdAt, r.seq }, sortBy != "firstCreated")
		}
		win, cur := paginate(list, p)
		body := rolesBody(win...)
		// The spec declares no paging for this operation although it takes a page token; the
		// cursors are sent beside data, as the paged v3 listings send them.
		return c.ok(map[string]any{"status": body.Status, "data": body.Data, "paging": cur.nextPrevious()})
	})
	s.route("POST /api/v3/roles", authUser, func(c *request) error {
		if err := c.requirePermission("CREATE_ROLE"); err != nil {
			return err
		}
		var req roleRequest
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.RoleID == nil || *req.RoleID == "" || len(*req.RoleID) > 100 {
			return errBadRequest("Parameters validation error: roleId must have 1 to 100 characters")
		}
		if err := req.validate(); err != nil {
			return err
		}
		roles := c.st.roles
		if r := roles[*req.RoleID]; r != nil && !r.deleted {
			return errDuplicate()
		}
		now := c.now()
		r := &role{id: *req.RoleID, permissions: uniq(*req.Permissions), createdAt: now, updatedAt: now, seq: c.st.nextSeq()}
		setOpt(&r.displayName, req.DisplayName)
		roles[r.id] = r
		return c.ok(rolesBody(r))
	})
	s.route("GET /api/v3/roles/{roleId}", authUser, func(c *request) error {
		r := c.st.roles[c.path("roleId")]
		if r == nil || r.deleted {
			return errNotFound("Role not found.")
		}
		return c.ok(rolesBody(r))
	})
	s.route("PUT /api/v3/roles/{roleId}", authUser, func(c *request) error {
		if err := c.requirePermission("EDIT_ROLE"); err != nil {
			return err
		}
		r := c.st.roles[c.path("roleId")]
		if r == nil || r.deleted {
			return errNotFound("Role not found.")
		}
		var req roleRequest
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.RoleID != nil && *req.RoleID != r.id {
			return errBadRequest("Parameters validation error: roleId does not match the path")
		}
		if err := req.validate(); err != nil {
			return err
		}
		r.permissions = uniq(*req.Permissions)
		setOpt(&r.displayName, req.DisplayName)
		r.updatedAt = c.now()
		return c.ok(rolesBody(r))
	})
	s.route("DELETE /api/v3/roles/{roleId}", authUser, func(c *request) error {
		if err := c.requirePermission("DELETE_ROLE"); err != nil {
			return err
		}
		id := c.path("roleId")
		if q := c.q("roleId"); q != "" && q != id {
			return errBadRequest("Parameters validation error: roleId does not match the path")
		}
		r := c.st.roles[id]
		if r == nil || r.deleted {
			return errNotFound("Role not found.")
		}
		r.deleted, r.updatedAt = true, c.now()
		return c.ok(rolesBody(r))
	})
	s.route("GET /api/v2/roles", authAdmin, withAPIKey(func(c *request) error {
		var list []*role
		for _, r := range c.st.roles {
			if !r.deleted {
				list = append(list, r)
			}
		}
		sortByCreated(list, func(r *role) (time.Time, int64) { return r.createdAt, r.seq }, false)
		out := []map[string]any{}
		for _, r := range list {
			out = append(out, map[string]any{"publicId": r.id, "permissions": nonNil(append([]string(nil), r.permissions...))})
		}
		return c.ok(statusData{Status: "success", Data: map[string]any{"moderatonSettings": []any{c.st.modV2.json()}, "roles": out}})
	}))
	s.route("PUT /api/v2/roles", authAdmin, withAPIKey(func(c *request) error {
		var req struct {
			PublicIDs   []string `json:"publicIds"`
			Permissions []string `json:"permissions"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if len(req.PublicIDs) == 0 || req.Permissions == nil {
			return errBadRequest("Parameters validation error: publicIds and permissions are required")
		}
		if err := validPermissions(req.Permissions); err != nil {
			return err
		}
		roles := c.st.roles
		for _, id := range req.PublicIDs {
			if r := roles[id]; r == nil || r.deleted {
				return errNotFound("Role not found: %s", id)
			}
		}
		now := c.now()
		for _, id := range req.PublicIDs {
			r := roles[id]
			for _, p := range req.Permissions {
				r.permissions = addUnique(r.permissions, p)
			}
			r.updatedAt = now
		}
		return c.noContent()
	}))
}
