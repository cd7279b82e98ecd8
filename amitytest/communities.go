package amitytest

import (
	"sort"
	"strings"
	"time"
)

// Roles the fake gives moderation rights to.
const (
	roleCommunityModerator = "community-moderator"
	roleChannelModerator   = "channel-moderator"
)

// membership is a user's relation to a community or channel.
type membership struct {
	userID        string
	status        string // member, banned or none
	roles         []string
	muted         bool
	muteTimeout   time.Time
	readToSegment int
	createdAt     time.Time
	updatedAt     time.Time
	lastActivity  time.Time
	seq           int64
}

// community is a social community.
type community struct {
	id                  string
	channelID           string
	creatorID           string
	displayName         string
	description         string
	avatarFileID        string
	isOfficial          bool
	isPublic            bool
	onlyAdminCanPost    bool
	needApproval        bool
	allowCommentInStory bool
	notificationMode    string
	tags                []string
	metadata            map[string]any
	categoryIDs         []string
	members             map[string]*membership
	deleted             bool
	createdAt           time.Time
	updatedAt           time.Time
	seq                 int64
}

// category is a community category.
type category struct {
	id           string
	name         string
	metadata     map[string]any
	avatarFileID string
	deleted      bool
	createdAt    time.Time
	updatedAt    time.Time
	seq          int64
}

type communityJSON struct {
	ID                         string         `json:"_id"`
	Path                       string         `json:"path"`
	CommunityID                string         `json:"communityId"`
	ChannelID                  string         `json:"channelId"`
	UserID                     string         `json:"userId"`
	UserPublicID               string         `json:"userPublicId"`
	UserInternalID             string         `json:"userInternalId"`
	DisplayName                string         `json:"displayName"`
	AvatarFileID               string         `json:"avatarFileId,omitempty"`
	Description                string         `json:"description"`
	IsOfficial                 bool           `json:"isOfficial"`
	IsPublic                   bool           `json:"isPublic"`
	OnlyAdminCanPost           bool           `json:"onlyAdminCanPost"`
	Tags                       []string       `json:"tags"`
	Metadata                   map[string]any `json:"metadata"`
	PostsCount                 int            `json:"postsCount"`
	MembersCount               int            `json:"membersCount"`
	IsJoined                   bool           `json:"isJoined"`
	CategoryIDs                []string       `json:"categoryIds"`
	IsDeleted                  bool           `json:"isDeleted"`
	CreatedAt                  string         `json:"createdAt"`
	UpdatedAt                  string         `json:"updatedAt"`
	HasFlaggedComment          bool           `json:"hasFlaggedComment"`
	HasFlaggedPost             bool           `json:"hasFlaggedPost"`
	NeedApprovalOnPostCreation bool           `json:"needApprovalOnPostCreation"`
	ModeratorMemberCount       int            `json:"moderatorMemberCount"`
	AllowCommentInStory        bool           `json:"allowCommentInStory"`
	NotificationMode           string         `json:"notificationMode"`
}

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

type categoryJSON struct {
	CategoryID   string         `json:"categoryId"`
	Name         string         `json:"name"`
	Metadata     map[string]any `json:"metadata"`
	AvatarFileID string         `json:"avatarFileId,omitempty"`
	IsDeleted    bool           `json:"isDeleted"`
	CreatedAt    string         `json:"createdAt"`
	UpdatedAt    string         `json:"updatedAt"`
}

type feedJSON struct {
	TargetID   string `json:"targetId"`
	TargetType string `json:"targetType"`
	PostCount  int    `json:"postCount"`
	FeedType   string `json:"feedType"`
	FeedID     string `json:"feedId"`
	CreatedAt  string `json:"createdAt"`
	UpdatedAt  string `json:"updatedAt"`
}

type communitiesResponse struct {
	Communities    []communityJSON     `json:"communities"`
	CommunityUsers []communityUserJSON `json:"communityUsers"`
	Files          []fileJSON          `json:"files"`
	Users          []userJSON          `json:"users"`
	Categories     []categoryJSON      `json:"categories"`
	Feeds          []feedJSON          `json:"feeds"`
	Paging         *pagingNextPrevious `json:"paging,omitempty"`
}

// isMember reports whether userID is a member.
func (cm *community) isMember(userID string) bool {
	m := cm.members[userID]
	return m != nil && m.status == "member"
}

// isBanned reports whether userID is banned.
func (cm *community) isBanned(userID string) bool {
	m := cm.members[userID]
	return m != nil && m.status == "banned"
}

// isModerator reports whether userID is a member with a moderator role.
func (cm *community) isModerator(userID string) bool {
	m := cm.members[userID]
	return m != nil && m.status == "member" && (containsString(m.roles, roleCommunityModerator) || containsString(m.roles, "moderator"))
}

// canModerate reports whether the caller may moderate the community.
func (c *request) canModerate(cm *community) bool { return c.isAdmin || cm.isModerator(c.identity) }

func (st *state) communityCounts(cm *community) (posts, members, moderators int, flaggedPost, flaggedComment bool) {
	for _, m := range cm.members {
		if m.status == "member" {
			members++
			if cm.isModerator(m.userID) {
				moderators++
			}
		}
	}
	for _, p := range st.posts {
		if p.targetType != "community" || p.targetID != cm.id || p.deleted {
			continue
		}
		if p.parentID == "" && p.feedType == "published" {
			posts++
		}
		if p.flags.count() > 0 {
			flaggedPost = true
		}
	}
	for _, cmt := range st.comments {
		if !cmt.deleted && cmt.flags.count() > 0 && cmt.targetType == "community" && cmt.targetID == cm.id {
			flaggedComment = true
		}
	}
	return
}

func (c *request) communityJSON(cm *community) communityJSON {
	posts, members, mods, fp, fc := c.st.communityCounts(cm)
	creator := c.st.users[cm.creatorID]
	internal := ""
	if creator != nil {
		internal = creator.internalID
	}
	mode := cm.notificationMode
	if mode == "" {
		mode = "default"
	}
	return communityJSON{
		ID: cm.id, Path: networkID + "/community/" + cm.id, CommunityID: cm.id, ChannelID: cm.channelID,
		UserID: cm.creatorID, UserPublicID: cm.creatorID, UserInternalID: internal,
		DisplayName: cm.displayName, AvatarFileID: cm.avatarFileID, Description: cm.description,
		IsOfficial: cm.isOfficial, IsPublic: cm.isPublic, OnlyAdminCanPost: cm.onlyAdminCanPost,
		Tags: nonNil(append([]string(nil), cm.tags...)), Metadata: obj(cm.metadata),
		PostsCount: posts, MembersCount: members, IsJoined: cm.isMember(c.identity),
		CategoryIDs: nonNil(append([]string(nil), cm.categoryIDs...)), IsDeleted: cm.deleted,
		CreatedAt: ts(cm.createdAt), UpdatedAt: ts(cm.updatedAt),
		HasFlaggedComment: fc, HasFlaggedPost: fp, NeedApprovalOnPostCreation: cm.needApproval,
		ModeratorMemberCount: mods, AllowCommentInStory: cm.allowCommentInStory, NotificationMode: mode,
	}
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

func (cat *category) json() categoryJSON {
	return categoryJSON{
		CategoryID: cat.id, Name: cat.name, Metadata: obj(cat.metadata), AvatarFileID: cat.avatarFileID,
		IsDeleted: cat.deleted, CreatedAt: ts(cat.createdAt), UpdatedAt: ts(cat.updatedAt),
	}
}

// feedOf renders the feed object of a target.
func (st *state) feedOf(targetType, targetID, feedType string, created time.Time) feedJSON {
	n := 0
	for _, p := range st.posts {
		if p.targetType == targetType && p.targetID == targetID && p.parentID == "" && !p.deleted && p.feedType == feedType {
			n++
		}
	}
	return feedJSON{
		TargetID: targetID, TargetType: targetType, PostCount: n, FeedType: feedType,
		FeedID:    stableID("feed:" + targetType + ":" + targetID + ":" + feedType),
		CreatedAt: ts(created), UpdatedAt: ts(created),
	}
}

// communityBundle collects communities with their sideloads.
type communityBundle struct {
	c       *request
	b       *sideload
	comms   orderedSet
	cats    orderedSet
	members []communityUserJSON
	seenMem map[string]bool
	// noViewer leaves the caller's own membership out (member listings).
	noViewer bool
}

func (c *request) newCommunityBundle(b *sideload) *communityBundle {
	return &communityBundle{c: c, b: b, seenMem: map[string]bool{}}
}

// add adds a community, its creator, its categories and the caller's membership.
func (cb *communityBundle) add(cm *community) {
	if !cb.comms.add(cm.id) {
		return
	}
	cb.b.addUser(cm.creatorID)
	cb.b.addFile(cm.avatarFileID)
	for _, id := range cm.categoryIDs {
		if cb.cats.add(id) {
			if cat := cb.c.st.categories[id]; cat != nil {
				cb.b.addFile(cat.avatarFileID)
			}
		}
	}
	if m := cm.members[cb.c.identity]; m != nil && !cb.noViewer {
		cb.addMember(cm, m)
	}
}

// addMember adds one membership record and its user.
func (cb *communityBundle) addMember(cm *community, m *membership) {
	key := cm.id + "\x00" + m.userID
	if cb.seenMem[key] {
		return
	}
	cb.seenMem[key] = true
	cb.members = append(cb.members, cb.c.communityUserJSON(cm, m))
	cb.b.addUser(m.userID)
}

func (cb *communityBundle) communities() []communityJSON {
	out := []communityJSON{}
	for _, id := range cb.comms.list {
		if cm := cb.c.st.communities[id]; cm != nil {
			out = append(out, cb.c.communityJSON(cm))
		}
	}
	return out
}

func (cb *communityBundle) categories() []categoryJSON {
	out := []categoryJSON{}
	for _, id := range cb.cats.list {
		if cat := cb.c.st.categories[id]; cat != nil {
			out = append(out, cat.json())
		}
	}
	return out
}

func (cb *communityBundle) feeds() []feedJSON {
	out := []feedJSON{}
	for _, id := range cb.comms.list {
		if cm := cb.c.st.communities[id]; cm != nil {
			out = append(out, cb.c.st.feedOf("community", cm.id, "published", cm.createdAt))
			if cm.needApproval {
				out = append(out, cb.c.st.feedOf("community", cm.id, "reviewing", cm.createdAt))
			}
		}
	}
	return out
}

func (c *request) communitiesBody(comms []*community, members []*membership) communitiesResponse {
	return c.communitiesBodyOpt(comms, members, false)
}

// communitiesBodyOpt is communitiesBody; with onlyMembers the communityUsers
// are exactly members.
func (c *request) communitiesBodyOpt(comms []*community, members []*membership, onlyMembers bool) communitiesResponse {
	b := c.sideload()
	cb := c.newCommunityBundle(b)
	cb.noViewer = onlyMembers
	for _, cm := range comms {
		cb.add(cm)
	}
	if len(comms) == 1 {
		for _, m := range members {
			cb.addMember(comms[0], m)
		}
	}
	return communitiesResponse{
		Communities: cb.communities(), CommunityUsers: nonNil(cb.members), Users: b.users(),
		Files: b.files(), Categories: cb.categories(), Feeds: cb.feeds(),
	}
}

// community finds a community by id; deleted ones are found too.
func (c *request) community(id string) (*community, error) {
	cm := c.st.communities[id]
	if cm == nil {
		return nil, errNotFound("CommunityId %s not found", id)
	}
	return cm, nil
}

// liveCommunity is community for operations a deleted community refuses.
func (c *request) liveCommunity(id string) (*community, error) {
	cm, err := c.community(id)
	if err == nil && cm.deleted {
		return nil, errNotFound("CommunityId %s not found", id)
	}
	return cm, err
}

// setMember makes userID a member (keeping a ban), creating the record.
func (st *state) setMember(members map[string]*membership, userID, status string, now time.Time) *membership {
	m := members[userID]
	if m == nil {
		m = &membership{userID: userID, roles: []string{}, createdAt: now, seq: st.nextSeq()}
		members[userID] = m
	}
	if status == "member" && m.status == "banned" {
		return m
	}
	if status == "member" && m.status != "member" {
		m.createdAt = now
		m.seq = st.nextSeq()
	}
	if status == "none" {
		m.roles = []string{}
	}
	m.status = status
	m.updatedAt, m.lastActivity = now, now
	return m
}

type communityRequest struct {
	CommunityID                string          `json:"communityId"`
	DisplayName                *string         `json:"displayName"`
	IsPublic                   *bool           `json:"isPublic"`
	IsOfficial                 *bool           `json:"isOfficial"`
	OnlyAdminCanPost           *bool           `json:"onlyAdminCanPost"`
	Description                *string         `json:"description"`
	Tags                       *[]string       `json:"tags"`
	Metadata                   *map[string]any `json:"metadata"`
	AvatarFileID               *string         `json:"avatarFileId"`
	UserIDs                    []string        `json:"userIds"`
	CategoryIDs                *[]string       `json:"categoryIds"`
	IsUniqueDisplayName        bool            `json:"isUniqueDisplayName"`
	NeedApprovalOnPostCreation *bool           `json:"needApprovalOnPostCreation"`
	AllowCommentInStory        *bool           `json:"allowCommentInStory"`
	NotificationMode           *string         `json:"notificationMode"`
}

// validate checks the fields shared by create and update.
func (req *communityRequest) validate(c *request, self *community) error {
	if req.DisplayName != nil {
		if *req.DisplayName == "" {
			return errBadRequest("Parameters validation error: displayName must not be empty")
		}
		if err := maxLen("displayName", *req.DisplayName, 1000); err != nil {
			return err
		}
		if req.IsUniqueDisplayName {
			for _, other := range c.st.communities {
				if other != self && !other.deleted && strings.EqualFold(other.displayName, *req.DisplayName) {
					return errDuplicate()
				}
			}
		}
	}
	if req.Description != nil {
		if err := maxLen("description", *req.Description, 5000); err != nil {
			return err
		}
	}
	if req.Tags != nil && len(*req.Tags) > 10 {
		return errBadRequest("Parameters validation error: at most 10 tags")
	}
	if req.CategoryIDs != nil {
		if len(*req.CategoryIDs) > 10 {
			return errBadRequest("Parameters validation error: at most 10 categoryIds")
		}
		for _, id := range *req.CategoryIDs {
			if cat := c.st.categories[id]; cat == nil || cat.deleted {
				return errNotFound("Category %s not found", id)
			}
		}
	}
	if req.AvatarFileID != nil && *req.AvatarFileID != "" {
		f := c.st.files[*req.AvatarFileID]
		if f == nil {
			return errNotFound("File not found.")
		}
		if f.kind != "image" {
			return errForbidden("Avatar must be an image.")
		}
	}
	if req.NotificationMode != nil {
		return enum("notificationMode", *req.NotificationMode, "default", "silent", "subscribe")
	}
	return nil
}

// apply copies the request's fields onto a community.
func (req *communityRequest) apply(cm *community) {
	if req.DisplayName != nil {
		cm.displayName = *req.DisplayName
	}
	if req.IsPublic != nil {
		cm.isPublic = *req.IsPublic
	}
	if req.IsOfficial != nil {
		cm.isOfficial = *req.IsOfficial
	}
	if req.OnlyAdminCanPost != nil {
		cm.onlyAdminCanPost = *req.OnlyAdminCanPost
	}
	if req.Description != nil {
		cm.description = *req.Description
	}
	if req.Tags != nil {
		cm.tags = uniq(*req.Tags)
	}
	if req.Metadata != nil {
		cm.metadata = obj(*req.Metadata)
	}
	if req.AvatarFileID != nil {
		cm.avatarFileID = *req.AvatarFileID
	}
	if req.CategoryIDs != nil {
		cm.categoryIDs = uniq(*req.CategoryIDs)
	}
	if req.NeedApprovalOnPostCreation != nil {
		cm.needApproval = *req.NeedApprovalOnPostCreation
	}
	if req.AllowCommentInStory != nil {
		cm.allowCommentInStory = *req.AllowCommentInStory
	}
	if req.NotificationMode != nil {
		cm.notificationMode = *req.NotificationMode
	}
}

// routesCommunities registers the operations on communities themselves (see
// routesCommunityMembers and routesCategories).
func (s *Server) routesCommunities() {
	s.route("GET /api/v3/communities", authUser, s.queryCommunities)
	s.route("POST /api/v3/communities", authUser, s.createCommunity)
	s.route("GET /api/v3/communities/list", authUser, func(c *request) error {
		ids, err := c.idsParam("communityIds", 100)
		if err != nil {
			return err
		}
		var out []*community
		for _, id := range ids {
			if cm := c.st.communities[id]; cm != nil {
				out = append(out, cm)
			}
		}
		return c.ok(c.communitiesBody(out, nil))
	})
	s.route("GET /api/v3/communities/recommended", authUser, func(c *request) error { return s.rankCommunities(c, true) })
	s.route("GET /api/v3/communities/top-trending", authUser, func(c *request) error { return s.rankCommunities(c, false) })
	s.route("GET /api/v3/communities/{communityId}", authUser, func(c *request) error {
		cm, err := c.community(c.path("communityId"))
		if err != nil {
			return err
		}
		return c.ok(c.communitiesBody([]*community{cm}, nil))
	})
	s.route("PUT /api/v3/communities/{communityId}", authUser, s.updateCommunity)
	s.route("DELETE /api/v3/communities/{communityId}", authUser, func(c *request) error {
		cm, err := c.liveCommunity(c.path("communityId"))
		if err != nil {
			return err
		}
		if !c.canModerate(cm) {
			return errPermission("You are not allowed to do this.")
		}
		cm.deleted, cm.updatedAt = true, c.now()
		return c.ok(successBody)
	})
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
		return s.changeCommunityRoles(c, req.UserIDs, []string{req.Role}, true)
	})
	s.route("DELETE /api/v3/communities/{communityId}/users/roles", authUser, func(c *request) error {
		return s.changeCommunityRoles(c, c.qList("userIds"), []string{c.q("role")}, false)
	})
	s.route("POST /api/v4/communities/{communityId}/users/roles", authUser, func(c *request) error {
		var req struct {
			Roles   []string `json:"roles"`
			UserIDs []string `json:"userIds"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		return s.changeCommunityRoles(c, req.UserIDs, req.Roles, true)
	})
	s.route("DELETE /api/v4/communities/{communityId}/users/roles", authUser, func(c *request) error {
		return s.changeCommunityRoles(c, c.qList("userIds"), c.qList("roles"), false)
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

func (s *Server) createCommunity(c *request) error {
	if err := c.socialDisabled(); err != nil { // hook of A: network settings
		return err
	}
	var req communityRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.DisplayName == nil {
		return errBadRequest("Parameters validation error: displayName is required")
	}
	if err := req.validate(c, nil); err != nil {
		return err
	}
	if len(req.UserIDs) > 1000 {
		return errBadRequest("Parameters validation error: at most 1000 userIds")
	}
	for _, id := range req.UserIDs {
		if c.st.liveUser(id) == nil {
			return errNotFound("User Not Found.")
		}
	}
	me := c.me()
	if me.globalBan {
		return errGlobalBan()
	}
	now := c.now()
	cm := &community{
		id: c.st.newID(), channelID: c.st.newID(), creatorID: me.id, isPublic: true,
		allowCommentInStory: true, notificationMode: "default", tags: []string{}, metadata: map[string]any{},
		categoryIDs: []string{}, members: map[string]*membership{}, createdAt: now, updatedAt: now, seq: c.st.nextSeq(),
	}
	req.apply(cm)
	c.st.communities[cm.id] = cm
	m := c.st.setMember(cm.members, me.id, "member", now)
	m.roles = []string{roleCommunityModerator}
	for _, id := range req.UserIDs {
		c.st.setMember(cm.members, id, "member", now)
	}
	return c.ok(c.communitiesBody([]*community{cm}, nil))
}

func (s *Server) updateCommunity(c *request) error {
	cm, err := c.liveCommunity(c.path("communityId"))
	if err != nil {
		return err
	}
	var req communityRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.CommunityID != "" && req.CommunityID != cm.id {
		return errBadRequest("Parameters validation error: communityId does not match the path")
	}
	if !c.canModerate(cm) {
		return errPermission("You are not allowed to do this.")
	}
	if err := req.validate(c, cm); err != nil {
		return err
	}
	req.apply(cm)
	cm.updatedAt = c.now()
	return c.ok(c.communitiesBody([]*community{cm}, nil))
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
	case !cm.isPublic && !c.isAdmin && !cm.isMember(me.id) && !c.privateJoinAllowed(): // hook of A: social settings
		return errForbidden("You are not allowed to do this")
	}
	m := c.st.setMember(cm.members, me.id, "member", c.now())
	c.emitCommunity("v3.community.didJoin", cm, []*membership{m})
	return c.ok(c.communitiesBody([]*community{cm}, nil))
}

func (s *Server) queryCommunities(c *request) error {
	filter, sortBy := c.q("filter"), c.q("sortBy")
	if err := enum("filter", filter, "all", "member", "notMember"); err != nil {
		return err
	}
	if err := enum("sortBy", sortBy, "firstCreated", "lastCreated", "displayName"); err != nil {
		return err
	}
	isDeleted, err := c.qBool("isDeleted")
	if err != nil {
		return err
	}
	hasFlag, err := c.qBool("hasFlag")
	if err != nil {
		return err
	}
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	keyword := strings.ToLower(c.q("keyword"))
	tags := c.qList("tags")
	categoryID := c.q("categoryId")
	var list []*community
	for _, cm := range c.st.communities {
		if !deletedFilter(isDeleted, cm.deleted, bothByDefault) {
			continue
		}
		if keyword != "" && !strings.Contains(strings.ToLower(cm.displayName), keyword) {
			continue
		}
		if categoryID != "" && !containsString(cm.categoryIDs, categoryID) {
			continue
		}
		if len(tags) > 0 && !anyShared(tags, cm.tags) {
			continue
		}
		joined := cm.isMember(c.identity)
		if (filter == "member" && !joined) || (filter == "notMember" && joined) {
			continue
		}
		if hasFlag != nil {
			_, _, _, fp, fc := c.st.communityCounts(cm)
			if *hasFlag != (fp || fc) {
				continue
			}
		}
		list = append(list, cm)
	}
	if sortBy == "displayName" {
		sort.Slice(list, func(i, j int) bool {
			a, b := strings.ToLower(list[i].displayName), strings.ToLower(list[j].displayName)
			if a != b {
				return a < b
			}
			return list[i].seq < list[j].seq
		})
	} else {
		sortByCreated(list, func(cm *community) (time.Time, int64) { return cm.createdAt, cm.seq }, sortBy != "firstCreated")
	}
	win, cur := paginate(list, p)
	body := c.communitiesBody(win, nil)
	body.Paging = cur.nextPrevious()
	return c.ok(body)
}

// rankCommunities answers the recommended (public communities the caller has
// not joined) and top-trending lists, by member count.
func (s *Server) rankCommunities(c *request, recommended bool) error {
	limit, has, err := c.optInt("limit", 1, maxPageSize)
	if err != nil {
		return err
	}
	if !has {
		limit = 5
	}
	type ranked struct {
		cm      *community
		members int
	}
	var list []ranked
	for _, cm := range c.st.communities {
		if cm.deleted || !cm.isPublic || (recommended && cm.isMember(c.identity)) {
			continue
		}
		_, members, _, _, _ := c.st.communityCounts(cm)
		list = append(list, ranked{cm, members})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].members != list[j].members {
			return list[i].members > list[j].members
		}
		return list[i].cm.seq < list[j].cm.seq
	})
	var out []*community
	for i := 0; i < len(list) && i < limit; i++ {
		out = append(out, list[i].cm)
	}
	return c.ok(c.communitiesBody(out, nil))
}

func (s *Server) queryCommunityUsers(c *request) error {
	cm, err := c.community(c.path("communityId"))
	if err != nil {
		return err
	}
	sortBy := c.q("sortBy")
	if err := enum("sortBy", sortBy, "firstCreated", "lastCreated", "displayName"); err != nil {
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
	var list []*membership
	for _, m := range cm.members {
		if !containsString(memberships, m.status) || (len(roles) > 0 && !anyShared(roles, m.roles)) {
			continue
		}
		u := c.st.users[m.userID]
		if u == nil || !deletedFilter(isDeleted, u.deleted, bothByDefault) {
			continue
		}
		if search != "" && !strings.Contains(strings.ToLower(u.displayName), search) && !strings.Contains(strings.ToLower(u.id), search) {
			continue
		}
		list = append(list, m)
	}
	if sortBy == "displayName" {
		sort.Slice(list, func(i, j int) bool {
			a, b := strings.ToLower(c.st.users[list[i].userID].displayName), strings.ToLower(c.st.users[list[j].userID].displayName)
			if a != b {
				return a < b
			}
			return list[i].userID < list[j].userID
		})
	} else {
		sortByCreated(list, func(m *membership) (time.Time, int64) { return m.createdAt, m.seq }, sortBy != "firstCreated")
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
	var ids []string
	if op == "none" {
		ids = c.qList("userIds")
	} else {
		var req struct {
			UserIDs []string `json:"userIds"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		ids = req.UserIDs
	}
	ids = uniq(ids)
	if len(ids) == 0 || len(ids) > 100 {
		return errBadRequest("Parameters validation error: userIds must have 1 to 100 items")
	}
	if !c.canModerate(cm) {
		return errPermission("You are not allowed to do this.")
	}
	for _, id := range ids {
		if c.st.users[id] == nil {
			return errNotFound("User Not Found.")
		}
	}
	now := c.now()
	var changed []*membership
	for _, id := range ids {
		switch op {
		case "unban":
			if cm.isBanned(id) {
				cm.members[id].status = "none"
				cm.members[id].updatedAt = now
			}
		case "banned":
			m := c.st.setMember(cm.members, id, "banned", now)
			m.roles = []string{}
		default:
			c.st.setMember(cm.members, id, op, now)
		}
		if m := cm.members[id]; m != nil {
			changed = append(changed, m)
		}
	}
	cm.updatedAt = now
	c.emitCommunity(map[string]string{
		"member": "v3.community.didAddUsers", "none": "v3.community.didRemoveUsers",
		"banned": "v3.community.didBan", "unban": "v3.community.didUnban",
	}[op], cm, changed)
	return c.ok(c.communitiesBody([]*community{cm}, changed))
}

func (s *Server) changeCommunityRoles(c *request, userIDs, roles []string, add bool) error {
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
	now := c.now()
	var changed []*membership
	for _, id := range userIDs {
		m := cm.members[id]
		for _, r := range roles {
			if add {
				m.roles = addUnique(m.roles, r)
			} else {
				m.roles = removeString(m.roles, r)
			}
		}
		m.updatedAt = now
		changed = append(changed, m)
	}
	return c.ok(c.communitiesBody([]*community{cm}, changed))
}

// anyShared reports whether the lists share an element.
func anyShared(a, b []string) bool {
	for _, x := range a {
		if containsString(b, x) {
			return true
		}
	}
	return false
}

type categoriesData struct {
	Categories []categoryJSON      `json:"categories"`
	Files      []fileJSON          `json:"files"`
	Paging     *pagingNextPrevious `json:"paging,omitempty"`
}

func (c *request) categoriesBody(cats []*category) categoriesData {
	b := c.sideload()
	out := []categoryJSON{}
	for _, cat := range cats {
		out = append(out, cat.json())
		b.addFile(cat.avatarFileID)
	}
	return categoriesData{Categories: out, Files: b.files()}
}

type categoryRequest struct {
	CategoryID   string          `json:"categoryId"`
	Name         *string         `json:"name"`
	Metadata     *map[string]any `json:"metadata"`
	AvatarFileID *string         `json:"avatarFileId"`
}

func (s *Server) routesCategories() {
	s.route("GET /api/v3/community-categories", authUser, func(c *request) error {
		sortBy := c.q("sortBy")
		if err := enum("sortBy", sortBy, "firstCreated", "lastCreated", "name"); err != nil {
			return err
		}
		isDeleted, err := c.qBool("isDeleted")
		if err != nil {
			return err
		}
		p, err := c.pageParams(defaultPageSize)
		if err != nil {
			return err
		}
		var list []*category
		for _, cat := range c.st.categories {
			if deletedFilter(isDeleted, cat.deleted, bothByDefault) {
				list = append(list, cat)
			}
		}
		if sortBy == "firstCreated" || sortBy == "lastCreated" {
			sortByCreated(list, func(cat *category) (time.Time, int64) { return cat.createdAt, cat.seq }, sortBy == "lastCreated")
		} else {
			sort.Slice(list, func(i, j int) bool {
				a, b := strings.ToLower(list[i].name), strings.ToLower(list[j].name)
				if a != b {
					return a < b
				}
				return list[i].seq < list[j].seq
			})
		}
		win, cur := paginate(list, p)
		data := c.categoriesBody(win)
		data.Paging = cur.nextPrevious()
		return c.ok(statusData{Status: "success", Data: data})
	})
	s.route("POST /api/v3/community-categories", authUser, func(c *request) error {
		if err := c.requirePermission("CREATE_COMMUNITY_CATEGORY"); err != nil { // hook of A: roles
			return err
		}
		var req categoryRequest
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.Name == nil || *req.Name == "" {
			return errBadRequest("Parameters validation error: name is required")
		}
		if err := req.validate(c); err != nil {
			return err
		}
		now := c.now()
		cat := &category{id: c.st.newID(), metadata: map[string]any{}, createdAt: now, updatedAt: now, seq: c.st.nextSeq()}
		req.apply(cat)
		c.st.categories[cat.id] = cat
		return c.ok(statusData{Status: "success", Data: c.categoriesBody([]*category{cat})})
	})
	s.route("GET /api/v3/community-categories/list", authUser, func(c *request) error {
		ids, err := c.idsParam("categoryIds", 100)
		if err != nil {
			return err
		}
		var out []*category
		for _, id := range ids {
			if cat := c.st.categories[id]; cat != nil {
				out = append(out, cat)
			}
		}
		return c.ok(statusData{Status: "success", Data: c.categoriesBody(out)})
	})
	s.route("GET /api/v3/community-categories/{categoryId}", authUser, func(c *request) error {
		cat := c.st.categories[c.path("categoryId")]
		if cat == nil {
			return errNotFound("Category not found.")
		}
		return c.ok(statusData{Status: "success", Data: c.categoriesBody([]*category{cat})})
	})
	s.route("PUT /api/v3/community-categories/{categoryId}", authUser, func(c *request) error {
		if err := c.requirePermission("EDIT_COMMUNITY_CATEGORY"); err != nil { // hook of A: roles
			return err
		}
		cat := c.st.categories[c.path("categoryId")]
		if cat == nil || cat.deleted {
			return errNotFound("Category not found.")
		}
		var req categoryRequest
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.CategoryID != "" && req.CategoryID != cat.id {
			return errBadRequest("Parameters validation error: categoryId does not match the path")
		}
		if req.Name != nil && *req.Name == "" {
			return errBadRequest("Parameters validation error: name must not be empty")
		}
		if err := req.validate(c); err != nil {
			return err
		}
		req.apply(cat)
		cat.updatedAt = c.now()
		return c.ok(statusData{Status: "success", Data: c.categoriesBody([]*category{cat})})
	})
	s.route("DELETE /api/v3/community-categories/{categoryId}", authUser, func(c *request) error {
		if err := c.requirePermission("DELETE_COMMUNITY_CATEGORY"); err != nil { // hook of A: roles
			return err
		}
		cat := c.st.categories[c.path("categoryId")]
		if cat == nil || cat.deleted {
			return errNotFound("Category not found.")
		}
		cat.deleted, cat.updatedAt = true, c.now()
		return c.ok(successData())
	})
}

func (req *categoryRequest) validate(c *request) error {
	if req.Name != nil {
		if err := maxLen("name", *req.Name, 1000); err != nil {
			return err
		}
	}
	if req.AvatarFileID != nil && *req.AvatarFileID != "" && c.st.files[*req.AvatarFileID] == nil {
		return errNotFound("File not found.")
	}
	return nil
}

func (req *categoryRequest) apply(cat *category) {
	if req.Name != nil {
		cat.name = *req.Name
	}
	if req.Metadata != nil {
		cat.metadata = obj(*req.Metadata)
	}
	if req.AvatarFileID != nil {
		cat.avatarFileID = *req.AvatarFileID
	}
}
