package amitytest

import (
	"sort"
	"strings"
	"time"
)

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
	discoverable        bool // a private community that listings show on request (spec 4.116.1)
	joinApproval        bool // joining takes a moderator's approval (spec 4.116.1)
	notificationMode    string
	tags                []string
	metadata            map[string]any
	categoryIDs         []string
	members             memberSet
	deleted             bool
	createdAt           time.Time
	updatedAt           time.Time
	seq                 int64
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
	IsDiscoverable             bool           `json:"isDiscoverable"`
	RequiresJoinApproval       bool           `json:"requiresJoinApproval"`
	Type                       string         `json:"type"`
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
	pc := st.targetCounts("community", cm.id)
	posts, flaggedPost = pc.parents["published"], pc.flagged > 0
	flaggedComment = st.flaggedCommentsOfTarget("community", cm.id) > 0
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
		IsDiscoverable: cm.discoverable, RequiresJoinApproval: cm.joinApproval, Type: "default",
	}
}

// listable reports whether a community listing (and the ranked lists) shows cm to the caller:
// an admin sees every community, a user the public ones, those it is a member of, and the
// discoverable private ones when the request asks for them (includeDiscoverablePrivateCommunity,
// spec 4.116.1).
func (c *request) listable(cm *community, includeDiscoverable bool) bool {
	return c.isAdmin || cm.isPublic || cm.isMember(c.identity) || (includeDiscoverable && cm.discoverable)
}

// feedOf renders the feed object of a target.
func (st *state) feedOf(targetType, targetID, feedType string, created time.Time) feedJSON {
	n := st.targetCounts(targetType, targetID).parents[feedType]
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
	return lookupIn(c.st.communities, id, "CommunityId %s not found")
}

// liveCommunity is community for operations a deleted community refuses.
func (c *request) liveCommunity(id string) (*community, error) {
	return liveIn(c.st.communities, id, "CommunityId %s not found")
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
	IsDiscoverable             *bool           `json:"isDiscoverable"`
	RequiresJoinApproval       *bool           `json:"requiresJoinApproval"`
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
	if err := c.st.checkAvatar(req.AvatarFileID); err != nil {
		return err
	}
	if req.NotificationMode != nil {
		return enum("notificationMode", *req.NotificationMode, "default", "silent", "subscribe")
	}
	return nil
}

// apply copies the request's fields onto a community.
func (req *communityRequest) apply(cm *community) {
	setOpt(&cm.displayName, req.DisplayName)
	setOpt(&cm.isPublic, req.IsPublic)
	setOpt(&cm.isOfficial, req.IsOfficial)
	setOpt(&cm.onlyAdminCanPost, req.OnlyAdminCanPost)
	setOpt(&cm.description, req.Description)
	setOptWith(&cm.tags, req.Tags, uniq)
	setOptWith(&cm.metadata, req.Metadata, obj)
	setOpt(&cm.avatarFileID, req.AvatarFileID)
	setOptWith(&cm.categoryIDs, req.CategoryIDs, uniq)
	setOpt(&cm.needApproval, req.NeedApprovalOnPostCreation)
	setOpt(&cm.allowCommentInStory, req.AllowCommentInStory)
	setOpt(&cm.notificationMode, req.NotificationMode)
	setOpt(&cm.discoverable, req.IsDiscoverable)
	setOpt(&cm.joinApproval, req.RequiresJoinApproval)
}

// routesCommunities registers the operations on communities themselves (see
// routesCommunityMembers and routesCategories).
func (s *Server) routesCommunities() {
	s.route("GET /api/v3/communities", authUser, s.queryCommunities)
	s.route("POST /api/v3/communities", authUser, s.createCommunity)
	s.route("GET /api/v3/communities/list", authUser, func(c *request) error {
		return listByIDs(c, "communityIds", 100, lookup(c.st.communities), func(cms []*community) any { return c.communitiesBody(cms, nil) })
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

func (s *Server) createCommunity(c *request) error {
	if err := c.socialDisabled(); err != nil { // network_settings.go
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

func (s *Server) queryCommunities(c *request) error {
	filter, sortBy := c.q("filter"), c.q("sortBy")
	if err := enum("filter", filter, "all", "member", "notMember"); err != nil {
		return err
	}
	if err := enum("sortBy", sortBy, "firstCreated", "lastCreated", "displayName"); err != nil {
		return err
	}
	var isDeleted, hasFlag, discoverable *bool
	if err := c.qBools([]string{"isDeleted", "hasFlag", "includeDiscoverablePrivateCommunity"}, &isDeleted, &hasFlag, &discoverable); err != nil {
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
		if !deletedFilter(isDeleted, cm.deleted, bothByDefault) || !c.listable(cm, discoverable != nil && *discoverable) {
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
		sortByName(list, func(x *community) string { return x.displayName }, func(x, y *community) bool { return x.seq < y.seq })
	} else {
		sortByCreated(list, func(cm *community) (time.Time, int64) { return cm.createdAt, cm.seq }, sortBy != "firstCreated")
	}
	win, cur := paginate(list, p)
	body := c.communitiesBody(win, nil)
	body.Paging = cur.nextPrevious()
	return c.ok(body)
}

// rankCommunities answers the recommended (public communities the caller has
// not joined) and top-trending lists, by member count; the discoverable private
// communities too when the request asks for them.
func (s *Server) rankCommunities(c *request, recommended bool) error {
	limit, has, err := c.optInt("limit", 1, maxPageSize)
	if err != nil {
		return err
	}
	discoverable, err := c.qBool("includeDiscoverablePrivateCommunity")
	if err != nil {
		return err
	}
	withDiscoverable := discoverable != nil && *discoverable
	if !has {
		limit = 5
	}
	type ranked struct {
		cm      *community
		members int
	}
	var list []ranked
	for _, cm := range c.st.communities {
		if cm.deleted || !(cm.isPublic || withDiscoverable && cm.discoverable) || (recommended && cm.isMember(c.identity)) {
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
