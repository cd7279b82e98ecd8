package amitytest

import (
	"strings"
	"time"
)

type communityUserJSON struct {
	UserID              string   `json:"userId"`
	UserPublicID        string   `json:"userPublicId"`
	UserInternalID      string   `json:"userInternalId"`
	ChannelID           string   `json:"channelId"`
	CommunityID         string   `json:"communityId"`
	CommunityMembership string   `json:"communityMembership"`
	IsBanned            bool     `json:"isBanned"`
	LastActivity        string   `json:"lastActivity"`
	Roles               []string `json:"roles"`
	CreatedAt           string   `json:"createdAt"`
	UpdatedAt           string   `json:"updatedAt"`
}

// isMember reports whether userID is a member.
func (cm *community) isMember(userID string) bool { return cm.members.status(userID) == "member" }

// isBanned reports whether userID is banned.
func (cm *community) isBanned(userID string) bool { return cm.members.status(userID) == "banned" }

// isModerator reports whether userID is a member with a moderator role.
func (cm *community) isModerator(userID string) bool {
	return cm.members.isModerator(userID, roleCommunityModerator)
}

func (c *request) communityUserJSON(cm *community, m *membership) communityUserJSON {
	internal := ""
	if u := c.st.users[m.userID]; u != nil {
		internal = u.internalID
	}
	return communityUserJSON{
		UserID: m.userID, UserPublicID: m.userID, UserInternalID: internal,
		ChannelID: cm.channelID, CommunityID: cm.id, CommunityMembership: m.status,
		IsBanned: m.status == "banned", LastActivity: ts(m.lastActivity),
		Roles: nonNil(append([]string(nil), m.roles...)), CreatedAt: ts(m.createdAt), UpdatedAt: ts(m.updatedAt),
	}
}

// routesCommunityMembers registers the operations on a community's members: joining,
// leaving, listing, adding, removing, banning, roles and the caller's permissions.
func (s *Server) routesCommunityMembers() {
	s.route("POST /api/v3/communities/{communityId}/join", authUser, s.joinCommunity)
	s.route("DELETE /api/v3/communities/{communityId}/leave", authUser, func(c *request) error {
		cm, err := c.liveCommunity(c.path("communityId"))
		if err != nil {
			return err
		}
		if cm.isBanned(c.identity) {
			return errBanned()
		}
		if !cm.isMember(c.identity) {
			return errForbidden("You are not a member of this community")
		}
		m := c.st.setMember(cm.members, c.identity, "none", c.now())
		c.emitCommunity("v3.community.didLeave", cm, []*membership{m})
		return c.ok(c.communitiesBody([]*community{cm}, nil))
	})
	s.route("GET /api/v3/communities/{communityId}/users", authUser, s.queryCommunityUsers)
	s.route("POST /api/v3/communities/{communityId}/users", authUser, func(c *request) error {
		return s.changeCommunityMembers(c, "member")
	})
	s.route("DELETE /api/v3/communities/{communityId}/users", authUser, func(c *request) error {
		return s.changeCommunityMembers(c, "none")
	})
	s.route("PUT /api/v3/communities/{communityId}/users/ban", authUser, func(c *request) error {
		return s.changeCommunityMembers(c, "banned")
	})
	s.route("PUT /api/v3/communities/{communityId}/users/unban", authUser, func(c *request) error {
		return s.changeCommunityMembers(c, "unban")
	})
	s.route("POST /api/v3/communities/{communityId}/users/roles", authUser, func(c *request) error {
		var req struct {
			Role    string   `json:"role"`
			UserIDs []string `json:"userIds"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		return s.changeCommunityRoles(c, req.UserIDs, []string{req.Role}, true, false)
	})
	s.route("DELETE /api/v3/communities/{communityId}/users/roles", authUser, func(c *request) error {
		return s.changeCommunityRoles(c, c.qList("userIds"), []string{c.q("role")}, false, false)
	})
	s.route("POST /api/v4/communities/{communityId}/users/roles", authUser, func(c *request) error {
		var req struct {
			Roles   []string `json:"roles"`
			UserIDs []string `json:"userIds"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		return s.changeCommunityRoles(c, req.UserIDs, req.Roles, true, true)
	})
	s.route("DELETE /api/v4/communities/{communityId}/users/roles", authUser, func(c *request) error {
		return s.changeCommunityRoles(c, c.qList("userIds"), c.qList("roles"), false, true)
	})
	s.route("GET /api/v3/communities/{communityId}/permissions/me", authUser, func(c *request) error {
		cm, err := c.community(c.path("communityId"))
		if err != nil {
			return err
		}
		perms := []string{}
		if c.canModerate(cm) {
			perms = append(perms, communityModeratorPermissions...)
		}
		return c.ok(map[string]any{"isCreator": cm.creatorID == c.identity, "permissions": perms})
	})
}

// communityModeratorPermissions are the permissions of a community moderator.
var communityModeratorPermissions = []string{
	"ADD_COMMUNITY_USER", "REMOVE_COMMUNITY_USER", "EDIT_COMMUNITY_USER", "BAN_COMMUNITY_USER",
	"MUTE_COMMUNITY_USER", "EDIT_COMMUNITY", "DELETE_COMMUNITY", "EDIT_COMMUNITY_POST",
	"DELETE_COMMUNITY_POST", "PIN_COMMUNITY_POST", "EDIT_COMMUNITY_COMMENT", "DELETE_COMMUNITY_COMMENT",
	"ASSIGN_COMMUNITY_USER_ROLE", "MANAGE_COMMUNITY_STORY",
}

func (s *Server) joinCommunity(c *request) error {
	cm, err := c.liveCommunity(c.path("communityId"))
	if err != nil {
		return err
	}
	me := c.me()
	switch {
	case me.globalBan:
		return errGlobalBan()
	case cm.isBanned(me.id):
		return errBanned()
	case !cm.isPublic && !c.isAdmin && !cm.isMember(me.id) && !c.privateJoinAllowed(): // the social settings (network_settings.go)
		return errForbidden("You are not allowed to do this")
	}
	m := c.st.setMember(cm.members, me.id, "member", c.now())
	c.emitCommunity("v3.community.didJoin", cm, []*membership{m})
	return c.ok(c.communitiesBody([]*community{cm}, nil))
}

func (s *Server) queryCommunityUsers(c *request) error {
	cm, err := c.community(c.path("communityId"))
	if err != nil {
		return err
	}
	sortBy := c.q("sortBy")
	if err := enum("sortBy", sortBy, "firstCreated", "lastCreated", "displayName", "profileHandle", "lastJoin", "firstJoin"); err != nil {
		return err
	}
	searchBy, err := c.searchBy() // users.go
	if err != nil {
		return err
	}
	memberships := c.qList("memberships")
	for _, m := range memberships {
		if err := enum("memberships", m, "banned", "member"); err != nil {
			return err
		}
	}
	if len(memberships) == 0 {
		memberships = []string{"member"}
	}
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	// isDeleted is about the members' users: null (the default) lists deleted and live ones.
	isDeleted, err := c.qBool("isDeleted")
	if err != nil {
		return err
	}
	roles := c.qList("roles")
	search := strings.ToLower(c.q("search"))
	list := c.filterMembers(cm.members, memberships, roles, isDeleted, search, searchBy, nil)
	switch sortBy {
	case "displayName":
		sortByName(list, func(x *membership) string { return c.st.users[x.userID].displayName }, func(x, y *membership) bool { return x.userID < y.userID })
	case "profileHandle":
		sortByName(list, func(x *membership) string { return c.st.users[x.userID].profileHandle }, func(x, y *membership) bool { return x.userID < y.userID })
	default:
		// A membership's creation is its (latest) join: the created and join orders agree.
		sortByCreated(list, func(m *membership) (time.Time, int64) { return m.createdAt, m.seq }, sortBy != "firstCreated" && sortBy != "firstJoin")
	}
	win, cur := paginate(list, p)
	body := c.communitiesBodyOpt([]*community{cm}, win, true)
	body.Paging = cur.nextPrevious()
	return c.ok(body)
}

// changeCommunityMembers adds ("member"), removes ("none"), bans ("banned")
// or unbans ("unban") users.
func (s *Server) changeCommunityMembers(c *request, op string) error {
	cm, err := c.liveCommunity(c.path("communityId"))
	if err != nil {
		return err
	}
	ids, err := c.memberChangeIDs(op)
	if err != nil {
		return err
	}
	if !c.canModerate(cm) {
		return errPermission("You are not allowed to do this.")
	}
	changed, err := c.changeMembers(cm.members, ids, op)
	if err != nil {
		return err
	}
	now := c.now()
	cm.updatedAt = now
	c.emitCommunity(map[string]string{
		"member": "v3.community.didAddUsers", "none": "v3.community.didRemoveUsers",
		"banned": "v3.community.didBan", "unban": "v3.community.didUnban",
	}[op], cm, changed)
	return c.ok(c.communitiesBody([]*community{cm}, changed))
}

func (s *Server) changeCommunityRoles(c *request, userIDs, roles []string, add, v4 bool) error {
	cm, err := c.liveCommunity(c.path("communityId"))
	if err != nil {
		return err
	}
	userIDs, roles = uniq(userIDs), uniq(roles)
	if len(userIDs) == 0 || len(userIDs) > 100 || len(roles) == 0 || len(roles) > 20 {
		return errBadRequest("Parameters validation error: userIds and roles are required")
	}
	if !c.canModerate(cm) {
		return errPermission("You are not allowed to do this.")
	}
	for _, id := range userIDs {
		if !cm.isMember(id) {
			return errForbidden("User " + id + " is not community " + cm.id + " member")
		}
	}
	changed := c.changeRoles(cm.members, userIDs, roles, add)
	if v4 {
		// Spec 4.116.1: the v4 answers carry the join requests the change settled; a role
		// change settles none.
		return c.ok(struct {
			communitiesResponse
			JoinRequests []any `json:"joinRequests"`
		}{c.communitiesBody([]*community{cm}, changed), []any{}})
	}
	return c.ok(c.communitiesBody([]*community{cm}, changed))
}
