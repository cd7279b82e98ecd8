package amity

// This file is the membership calls of communities: the caller's membership (Join, Leave,
// GetMyPermissions), members, roles and bans, and their types.

import (
	"context"
	"iter"
	"net/http"
	"net/url"
)

// CommunityMembership is a user's standing in a community.
type CommunityMembership string

// Community memberships. Muted is a standing the API's clients know (a member who may not
// post); spec 4.92.0 does not list it.
const (
	CommunityMembershipNone   CommunityMembership = "none"
	CommunityMembershipMember CommunityMembership = "member"
	CommunityMembershipBanned CommunityMembership = "banned"
	CommunityMembershipMuted  CommunityMembership = "muted"
)

// CommunityUser is a user's membership of a community: standing, roles and permissions.
type CommunityUser struct {
	// UserID is the user's ID; UserPublicID and UserInternalID its two forms.
	UserID         string `json:"userId,omitempty"`
	UserPublicID   string `json:"userPublicId,omitempty"`
	UserInternalID string `json:"userInternalId,omitempty"`
	ChannelID      string `json:"channelId,omitempty"`
	CommunityID    string `json:"communityId,omitempty"`
	// CommunityMembership is none, member or banned.
	CommunityMembership CommunityMembership `json:"communityMembership,omitempty"`
	IsBanned            bool                `json:"isBanned,omitempty"`
	// NotMemberReason says why the user is not a member (as the server words it).
	NotMemberReason string `json:"notMemberReason,omitempty"`
	// LastActivity is when the user last did something related to the community (such as
	// adding or removing members).
	LastActivity Time `json:"lastActivity"`
	// Roles are the role IDs the user holds in the community.
	Roles       []string     `json:"roles,omitempty"`
	Permissions []Permission `json:"permissions,omitempty"`
	CreatedAt   Time         `json:"createdAt"`
	UpdatedAt   Time         `json:"updatedAt"`
}

// CommunityMembersPayload is one page of a community's memberships (CommunityUsers), with
// the community, users and files they refer to. Its lookups are CommunityPayload's.
type CommunityMembersPayload struct {
	CommunityPayload
}

func (p *CommunityMembersPayload) pageItems() []CommunityUser { return p.CommunityUsers }
func (p *CommunityMembersPayload) pageInfo() Paging           { return p.Paging }

// ListCommunityMembersParams filters and pages Communities.ListMembers. The zero value lists the
// community's members and banned users, newest first.
type ListCommunityMembersParams struct {
	PageParams
	// Memberships selects by standing: member, banned or both (the default). Give
	// CommunityMembershipBanned alone to list the banned users.
	Memberships []CommunityMembership
	// Roles selects members holding any of these roles (at most 20, each 1 to 100
	// characters).
	Roles []string
	// Search matches display names, profile handles and user IDs (at most 10,000
	// characters).
	Search string
	// SearchBy says which fields Search matches (at most 3): displayName, profileHandle,
	// userId; empty matches all three.
	SearchBy []UserSearchField
	// SortBy: firstCreated, lastCreated, displayName, profileHandle, lastJoin or firstJoin.
	// The server's default is lastCreated, or displayName when Search is set.
	SortBy CommunitySortBy
	// IDType says which form the communityID argument is: public (default) or internal.
	IDType CommunityIDType
	// IsDeleted: nil lists deleted and other members, true only deleted ones, false only the
	// others.
	IsDeleted *bool
}

func (p *ListCommunityMembersParams) query(op string) (query, error) {
	p = orZero(p)
	checks := []error{
		p.PageParams.validate(op, 1000),
		maxItems(op, "Memberships", len(p.Memberships), 2),
		stringList(op, "Roles", p.Roles, 20, 1, 100),
		maxLen(op, "Search", p.Search, 10000),
		checkSearchBy(op, p.SearchBy),
	}
	for _, m := range p.Memberships {
		if m == "" {
			checks = append(checks, &ValidationError{Op: op, Field: "Memberships[]", Reason: "must not be empty"})
		}
	}
	if err := firstErr(checks...); err != nil {
		return nil, err
	}
	q := query{}
	enums(q, "memberships", p.Memberships)
	q.list("roles", p.Roles)
	q.str("search", p.Search)
	enums(q, "searchBy", p.SearchBy)
	q.str("sortBy", string(p.SortBy))
	q.str("type", string(p.IDType))
	q.boolean("isDeleted", p.IsDeleted)
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// CommunityPermissionsPayload is the answer of Communities.GetMyPermissions: the caller's permissions
// in a community.
type CommunityPermissionsPayload struct {
	rawJSON
	// IsCreator reports whether the caller created the community.
	IsCreator   bool         `json:"isCreator"`
	Permissions []Permission `json:"permissions"`
}

// Has reports whether perm is among the permissions.
func (p *CommunityPermissionsPayload) Has(perm Permission) bool {
	for _, v := range p.Permissions {
		if v == perm {
			return true
		}
	}
	return false
}

// CommunityRolesParams names community roles and the members to grant them to or take them
// from (Communities.AddRoles and RemoveRoles).
type CommunityRolesParams struct {
	// UserIDs (required, 1 to 100, each 1 to 50 characters) are the members.
	UserIDs []string `json:"userIds"`
	// Roles (required, each 1 to 100 characters) are role IDs: at most 20 to add, 100 to
	// remove.
	Roles []string `json:"roles"`
}

func (p *CommunityRolesParams) validate(op string, maxRoles int) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	return firstErr(
		idList(op, "UserIDs", p.UserIDs, 100, 50),
		idList(op, "Roles", p.Roles, maxRoles, 100),
	)
}

// V3CommunityRoleParams names one community role and the members to grant it to or take it
// from (Communities.V3.AddRole and RemoveRole).
type V3CommunityRoleParams struct {
	// UserIDs (required, 1 to 100, each 1 to 50 characters) are the members.
	UserIDs []string `json:"userIds"`
	// Role (required, 1 to 100 characters; 900 for RemoveRole) is a role ID.
	Role string `json:"role"`
}

func (p *V3CommunityRoleParams) validate(op string, maxRole int) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	return firstErr(
		idList(op, "UserIDs", p.UserIDs, 100, 50),
		required(op, "Role", p.Role),
		maxLen(op, "Role", p.Role, maxRole),
	)
}

// CommunityMembersParams names the users of Communities.AddMembers, RemoveMembers,
// BanMembers and UnbanMembers.
type CommunityMembersParams struct {
	// UserIDs (required, 1 to 100) are the users: each 1 to 50 characters to add or remove,
	// 1 to 900 to ban or unban.
	UserIDs []string `json:"userIds"`
}

func (p *CommunityMembersParams) validate(op string, maxLength int) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	return idList(op, "UserIDs", p.UserIDs, 100, maxLength)
}

// Join makes the caller (a view from Client.AsUser) a member of a community and returns it.
// POST /api/v3/communities/{communityId}/join. A banned user gets an error matching
// ErrBanned. Not retried after it may have reached the server: a join is an action on the
// server (a member event and notifications, refused for private communities), not a
// stated end state, and the spec does not say that a repeat is harmless. Spec 4.116.1 marks
// this endpoint deprecated (for UIKit v3) in favour of POST
// /api/v4/communities/{communityId}/join, Communities.CreateJoinRequest, which also asks to
// join a community that requires approval.
func (s *CommunitiesService) Join(ctx context.Context, communityID string, opts ...CallOption) (*CommunityPayload, error) {
	const op = "Communities.Join"
	path, err := communityPath(op, "/api/v3/communities/%s/join", communityID)
	if err != nil {
		return nil, err
	}
	return call[CommunityPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: path, opts: opts})
}

// Leave ends the caller's (a view from Client.AsUser) membership of a community and returns
// it. DELETE /api/v3/communities/{communityId}/leave. Idempotent by construction: its end
// state is "not a member", which a repeat cannot change, so it is retried like a read; a
// retry of a leave that was applied may answer an error saying the caller is not a member.
func (s *CommunitiesService) Leave(ctx context.Context, communityID string, opts ...CallOption) (*CommunityPayload, error) {
	const op = "Communities.Leave"
	path, err := communityPath(op, "/api/v3/communities/%s/leave", communityID)
	if err != nil {
		return nil, err
	}
	return call[CommunityPayload](ctx, s.c, &request{op: op, method: http.MethodDelete, path: path, idempotent: true, opts: opts})
}

// GetMyPermissions returns the caller's permissions in a community and whether the caller
// created it. GET /api/v3/communities/{communityId}/permissions/me.
func (s *CommunitiesService) GetMyPermissions(ctx context.Context, communityID string, opts ...CallOption) (*CommunityPermissionsPayload, error) {
	const op = "Communities.GetMyPermissions"
	path, err := communityPath(op, "/api/v3/communities/%s/permissions/me", communityID)
	if err != nil {
		return nil, err
	}
	return call[CommunityPermissionsPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts})
}

// ListMembers returns an iterator over a community's memberships matching params (members
// and banned users; see ListCommunityMembersParams.Memberships), fetching pages as it goes.
// GET /api/v3/communities/{communityId}/users.
func (s *CommunitiesService) ListMembers(ctx context.Context, communityID string, params *ListCommunityMembersParams, opts ...CallOption) iter.Seq2[CommunityUser, error] {
	return listAll(ctx, params, opts, pageOn(communityID, s.ListMembersPage))
}

// ListMembersPages returns an iterator over the pages of a community's memberships matching
// params, with the users and files they refer to. GET /api/v3/communities/{communityId}/users.
func (s *CommunitiesService) ListMembersPages(ctx context.Context, communityID string, params *ListCommunityMembersParams, opts ...CallOption) iter.Seq2[*CommunityMembersPayload, error] {
	return pages(ctx, params, opts, pageOn(communityID, s.ListMembersPage))
}

// ListMembersPage returns one page of a community's memberships, with the users and files
// they refer to and the page's cursors. GET /api/v3/communities/{communityId}/users.
func (s *CommunitiesService) ListMembersPage(ctx context.Context, communityID string, params *ListCommunityMembersParams, opts ...CallOption) (*CommunityMembersPayload, error) {
	const op = "Communities.ListMembersPage"
	path, err := communityPath(op, "/api/v3/communities/%s/users", communityID)
	if err != nil {
		return nil, err
	}
	return listPage[CommunityMembersPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, params)
}

// AddMembers adds users (params.UserIDs: 1 to 100, each 1 to 50 characters) to a community
// and returns the community with the new memberships.
// POST /api/v3/communities/{communityId}/users. Not retried after it may have reached the
// server: adding is an action (each applied add emits a member-added event and
// notifications) and the spec does not say that adding existing members is a no-op.
func (s *CommunitiesService) AddMembers(ctx context.Context, communityID string, params *CommunityMembersParams, opts ...CallOption) (*CommunityPayload, error) {
	const op = "Communities.AddMembers"
	path, err := communityPath(op, "/api/v3/communities/%s/users", communityID)
	if err != nil {
		return nil, err
	}
	if err := params.validate(op, 50); err != nil {
		return nil, err
	}
	return call[CommunityPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: path, body: params, opts: opts})
}

// RemoveMembers removes users (params.UserIDs: 1 to 100, each 1 to 50 characters) from a
// community. DELETE /api/v3/communities/{communityId}/users, with the user IDs in the query
// (as the spec says) and in a JSON body (as the API's clients send them). Idempotent by construction: its
// end state is "these users are not members", which a repeat cannot change, so it is
// retried like a read.
func (s *CommunitiesService) RemoveMembers(ctx context.Context, communityID string, params *CommunityMembersParams, opts ...CallOption) (*CommunityPayload, error) {
	const op = "Communities.RemoveMembers"
	path, err := communityPath(op, "/api/v3/communities/%s/users", communityID)
	if err != nil {
		return nil, err
	}
	if err := params.validate(op, 50); err != nil {
		return nil, err
	}
	q := query{}
	q.list("userIds", params.UserIDs)
	body := communitiesDeleteBody{CommunityID: communityID, UserIDs: params.UserIDs}
	return call[CommunityPayload](ctx, s.c, &request{op: op, method: http.MethodDelete, path: path, query: url.Values(q), body: body, idempotent: true, opts: opts})
}

// communitiesDeleteBody is the JSON body of the community DELETE calls that name members. The
// spec puts their parameters in the query; the API's clients send them as this body (axios's
// DELETE data), {communityId, roles, userIds}. Both are sent, so the call works whichever the
// server reads (docs/wire-notes.md).
type communitiesDeleteBody struct {
	CommunityID string   `json:"communityId"`
	Roles       []string `json:"roles,omitempty"`
	UserIDs     []string `json:"userIds"`
}

// BanMembers bans users (params.UserIDs: 1 to 100, each 1 to 900 characters) from a
// community: they lose membership and roles and cannot rejoin until unbanned. PUT
// /api/v3/communities/{communityId}/users/ban. Users exempt from bans fail the call (code
// 400306). Idempotent by construction: it sets the users' state to banned, and banning a
// banned user changes nothing, so it is retried like a read.
func (s *CommunitiesService) BanMembers(ctx context.Context, communityID string, params *CommunityMembersParams, opts ...CallOption) (*CommunityPayload, error) {
	return s.ban(ctx, "Communities.BanMembers", "/api/v3/communities/%s/users/ban", communityID, params, opts)
}

// UnbanMembers lifts the community ban of users (params.UserIDs: 1 to 100, each 1 to 900
// characters); they may join again. PUT /api/v3/communities/{communityId}/users/unban.
// Idempotent by construction: it sets the users' state to not banned, and unbanning a user
// who is not banned changes nothing, so it is retried like a read.
func (s *CommunitiesService) UnbanMembers(ctx context.Context, communityID string, params *CommunityMembersParams, opts ...CallOption) (*CommunityPayload, error) {
	return s.ban(ctx, "Communities.UnbanMembers", "/api/v3/communities/%s/users/unban", communityID, params, opts)
}

// ban is BanMembers and UnbanMembers.
func (s *CommunitiesService) ban(ctx context.Context, op, format, communityID string, params *CommunityMembersParams, opts []CallOption) (*CommunityPayload, error) {
	path, err := communityPath(op, format, communityID)
	if err != nil {
		return nil, err
	}
	if err := params.validate(op, 900); err != nil {
		return nil, err
	}
	return call[CommunityPayload](ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true, opts: opts})
}

// AddRoles grants community roles (1 to 20) to members (1 to 100). POST
// /api/v4/communities/{communityId}/users/roles, the current role call, which takes several
// roles at once (V3.AddRole takes one). Not retried after it may have reached the server: it
// is a POST that adds (each applied grant emits a role-change event) and the spec does not
// say a repeat is a no-op.
func (s *CommunitiesService) AddRoles(ctx context.Context, communityID string, params *CommunityRolesParams, opts ...CallOption) (*CommunityPayload, error) {
	const op = "Communities.AddRoles"
	path, err := communityPath(op, "/api/v4/communities/%s/users/roles", communityID)
	if err != nil {
		return nil, err
	}
	if err := params.validate(op, 20); err != nil {
		return nil, err
	}
	return call[CommunityPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: path, body: params, opts: opts})
}

// RemoveRoles takes community roles (1 to 100) from members (1 to 100). DELETE
// /api/v4/communities/{communityId}/users/roles, the current role call, which takes several
// roles at once (V3.RemoveRole takes one); the roles and user IDs go in the query (as the spec
// says) and in a JSON body (as the API's clients send them), with the API key, as the spec's
// ApiKeyAuth asks, besides the view's token. Idempotent by construction: its end state is "these
// members do not hold these roles", which a repeat cannot change, so it is retried like a
// read.
func (s *CommunitiesService) RemoveRoles(ctx context.Context, communityID string, params *CommunityRolesParams, opts ...CallOption) (*CommunityPayload, error) {
	const op = "Communities.RemoveRoles"
	path, err := communityPath(op, "/api/v4/communities/%s/users/roles", communityID)
	if err != nil {
		return nil, err
	}
	if err := params.validate(op, 100); err != nil {
		return nil, err
	}
	q := query{}
	q.list("roles", params.Roles)
	q.list("userIds", params.UserIDs)
	body := communitiesDeleteBody{CommunityID: communityID, Roles: params.Roles, UserIDs: params.UserIDs}
	return call[CommunityPayload](ctx, s.c, &request{op: op, method: http.MethodDelete, path: path, query: url.Values(q), body: body, auth: authAPIKey, idempotent: true, opts: opts})
}

// AddRole grants one community role to members (1 to 100) with the older call POST
// /api/v3/communities/{communityId}/users/roles; sent with the API key, as the spec's
// ApiKeyAuth asks, besides the view's token. Communities.AddRoles (v4) grants several roles
// in one call. Not retried after it may have reached the server, like AddRoles.
func (s *CommunitiesV3Service) AddRole(ctx context.Context, communityID string, params *V3CommunityRoleParams, opts ...CallOption) (*CommunityPayload, error) {
	const op = "Communities.V3.AddRole"
	path, err := communityPath(op, "/api/v3/communities/%s/users/roles", communityID)
	if err != nil {
		return nil, err
	}
	if err := params.validate(op, 100); err != nil {
		return nil, err
	}
	return call[CommunityPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: path, body: params, auth: authAPIKey, opts: opts})
}

// RemoveRole takes one community role from members (1 to 100) with the older call DELETE
// /api/v3/communities/{communityId}/users/roles (the role may be up to 900 characters
// there). Communities.RemoveRoles (v4) takes several roles in one call. Idempotent by
// construction: its end state is "these members do not hold this role", which a repeat
// cannot change, so it is retried like a read.
func (s *CommunitiesV3Service) RemoveRole(ctx context.Context, communityID string, params *V3CommunityRoleParams, opts ...CallOption) (*CommunityPayload, error) {
	const op = "Communities.V3.RemoveRole"
	path, err := communityPath(op, "/api/v3/communities/%s/users/roles", communityID)
	if err != nil {
		return nil, err
	}
	if err := params.validate(op, 900); err != nil {
		return nil, err
	}
	q := query{}
	q.list("userIds", params.UserIDs)
	q.str("role", params.Role)
	return call[CommunityPayload](ctx, s.c, &request{op: op, method: http.MethodDelete, path: path, query: url.Values(q), idempotent: true, opts: opts})
}
