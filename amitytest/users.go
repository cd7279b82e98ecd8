package amitytest

import (
	"net/http"
	"strings"
	"time"
)

// user is a network user.
type user struct {
	id              string // public userId
	internalID      string
	displayName     string
	profileHandle   string // set by a v5 session registration
	description     string
	avatarFileID    string
	avatarCustomURL string
	roles           []string
	metadata        map[string]any
	flags           flagSet               // one entry per report: the reporter, or reporter and report type
	reports         map[string]userReport // the details of the reports, by the key of flags
	globalBan       bool
	deleted         bool
	createdAt       time.Time
	updatedAt       time.Time
	seq             int64
}

// userJSON is the spec's user (UserV3) shape.
type userJSON struct {
	ID              string         `json:"_id"`
	Path            string         `json:"path"`
	UserID          string         `json:"userId"`
	UserInternalID  string         `json:"userInternalId"`
	UserPublicID    string         `json:"userPublicId"`
	Roles           []string       `json:"roles"`
	DisplayName     string         `json:"displayName"`
	ProfileHandle   string         `json:"profileHandle,omitempty"`
	Description     string         `json:"description"`
	AvatarFileID    string         `json:"avatarFileId,omitempty"`
	AvatarCustomURL string         `json:"avatarCustomUrl,omitempty"`
	FlagCount       int            `json:"flagCount"`
	Metadata        map[string]any `json:"metadata"`
	IsGlobalBan     bool           `json:"isGlobalBan"`
	IsBrand         bool           `json:"isBrand"`
	IsDeleted       bool           `json:"isDeleted"`
	CreatedAt       string         `json:"createdAt"`
	UpdatedAt       string         `json:"updatedAt"`
}

func (u *user) json() userJSON {
	return userJSON{
		ID:              u.internalID,
		Path:            networkID + "/user/" + u.internalID,
		UserID:          u.id,
		UserInternalID:  u.internalID,
		UserPublicID:    u.id,
		Roles:           nonNil(append([]string(nil), u.roles...)),
		DisplayName:     u.displayName,
		ProfileHandle:   u.profileHandle,
		Description:     u.description,
		AvatarFileID:    u.avatarFileID,
		AvatarCustomURL: u.avatarCustomURL,
		FlagCount:       u.flags.count(),
		Metadata:        obj(u.metadata),
		IsGlobalBan:     u.globalBan,
		IsDeleted:       u.deleted,
		CreatedAt:       ts(u.createdAt),
		UpdatedAt:       ts(u.updatedAt),
	}
}

// addUser creates a user.
func (st *state) addUser(id, displayName string, now time.Time) *user {
	u := &user{
		id:          id,
		internalID:  st.newID(),
		displayName: displayName,
		roles:       []string{},
		metadata:    map[string]any{},
		flags:       flagSet{},
		createdAt:   now,
		updatedAt:   now,
		seq:         st.nextSeq(),
	}
	st.users[id] = u
	return u
}

// adminUser returns the user the admin token acts as, creating it on first use.
func (st *state) adminUser(now time.Time) *user {
	if u := st.users[adminUserID]; u != nil {
		return u
	}
	u := st.addUser(adminUserID, "Administrator", now)
	u.roles = []string{"global-admin"}
	return u
}

// liveUser returns a user that exists and is not deleted.
func (st *state) liveUser(id string) *user {
	if u := st.users[id]; u != nil && !u.deleted {
		return u
	}
	return nil
}

// userByInternalID finds a user by internal id.
func (st *state) userByInternalID(id string) *user {
	for _, u := range st.users {
		if u.internalID == id {
			return u
		}
	}
	return nil
}

// userByParam finds a user by public id, or by internal id when isPublic is
// "false".
func (c *request) userByParam(id, isPublic string) (*user, error) {
	var u *user
	if isPublic == "false" {
		u = c.st.userByInternalID(id)
	} else {
		u = c.st.users[id]
	}
	if u == nil {
		return nil, errNotFound("User Not Found.")
	}
	return u, nil
}

// AddUser creates a user (or renames an existing one) without a session.
func (s *Server) AddUser(userID, displayName string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.st.users[userID]; u != nil {
		u.displayName = displayName
		u.updatedAt = s.now()
		return
	}
	s.st.addUser(userID, displayName, s.now())
}

type usersResponse struct {
	Users  []userJSON  `json:"users"`
	Files  []fileJSON  `json:"files"`
	Roles  []roleJSON  `json:"roles"`
	Paging *pagingNext `json:"paging,omitempty"`
}

func (c *request) usersBody(users []*user) usersResponse {
	b := c.sideload()
	for _, u := range users {
		b.addUser(u.id)
	}
	return usersResponse{Users: b.users(), Files: b.files(), Roles: b.roles()}
}

func (s *Server) routesUsers() {
	s.route("GET /api/v3/users", authUser, s.queryUsers)
	s.route("PUT /api/v3/users", authUser, s.updateUser)
	s.route("GET /api/v3/users/list", authUser, func(c *request) error {
		return listByIDs(c, "userIds", 100, lookup(c.st.users), func(users []*user) any { return c.usersBody(users) })
	})
	s.route("GET /api/v3/users/{userId}", authUser, func(c *request) error {
		var u *user
		if c.q("type") == "internal" {
			u = c.st.userByInternalID(c.path("userId"))
		} else {
			u = c.st.users[c.path("userId")]
		}
		if u == nil {
			return errNotFound("User Not Found.")
		}
		return c.ok(c.usersBody([]*user{u}))
	})
	s.route("DELETE /api/v4/users/{userId}", authAdmin, s.deleteUser)
	s.route("POST /api/v4/me/flags/{userId}", authUser, s.flagUser)
	s.route("DELETE /api/v4/me/flags/{userId}", authUser, func(c *request) error {
		u := c.st.liveUser(c.path("userId"))
		if u == nil {
			return errNotFound("User Not Found.")
		}
		for key := range u.flags {
			if reporterOf(key) == c.identity {
				delete(u.flags, key)
				delete(u.reports, key)
			}
		}
		c.emitUser("user.didUnflag", u)
		return c.ok(c.usersBody([]*user{u}))
	})
	s.route("DELETE /api/v2/users/{userId}/flags", authAdmin, func(c *request) error {
		u := c.st.users[c.path("userId")]
		if u == nil {
			return errNotFound("User Not Found.")
		}
		u.flags, u.reports = flagSet{}, nil
		return c.ok(u.json())
	})
	isFlagByMe := func(c *request) error {
		u := c.st.users[c.path("userId")]
		if u == nil {
			return errNotFound("User Not Found.")
		}
		flagged := false
		for key := range u.flags {
			flagged = flagged || reporterOf(key) == c.identity
		}
		return c.ok(map[string]bool{"isFlagByMe": flagged})
	}
	s.route("GET /api/v3/users/{userId}/isFlagByMe", authUser, isFlagByMe)
	// The vendor clients call it in lower case (ts-sdk report/api/isReportedByMe.ts:42), as
	// they do the post and comment checks; the service's routes ignore case.
	s.route("GET /api/v3/users/{userId}/isflagbyme", authUser, isFlagByMe)
	s.route("POST /api/v2/users/ban", authAdmin, func(c *request) error { return s.setGlobalBan(c, true) })
	s.route("POST /api/v2/users/unban", authAdmin, func(c *request) error { return s.setGlobalBan(c, false) })
	s.route("GET /api/v4/me/user-blocks", authUser, s.listBlocks)
	s.route("POST /api/v4/me/user-blocks/{userId}", authUser, func(c *request) error { return s.setBlock(c, true) })
	s.route("DELETE /api/v4/me/user-blocks/{userId}", authUser, func(c *request) error { return s.setBlock(c, false) })
}

func (s *Server) queryUsers(c *request) error {
	keyword := strings.ToLower(c.q("keyword"))
	filter, sortBy := c.q("filter"), c.q("sortBy")
	if err := enum("filter", filter, "all", "flagged"); err != nil {
		return err
	}
	if err := enum("sortBy", sortBy, "firstCreated", "lastCreated", "displayName", "profileHandle"); err != nil {
		return err
	}
	searchBy, err := c.searchBy()
	if err != nil {
		return err
	}
	exact, err := c.qBool("exactMatchKeyword")
	if err != nil {
		return err
	}
	isDeleted, p, err := c.deletedAndPage()
	if err != nil {
		return err
	}
	var list []*user
	for _, u := range c.st.users {
		if !deletedFilter(isDeleted, u.deleted, liveByDefault) || (filter == "flagged" && u.flags.count() == 0) {
			continue
		}
		if keyword != "" && !u.matches(keyword, searchBy, exact != nil && *exact) {
			continue
		}
		list = append(list, u)
	}
	switch sortBy {
	case "firstCreated", "lastCreated":
		sortByCreated(list, func(u *user) (time.Time, int64) { return u.createdAt, u.seq }, sortBy == "lastCreated")
	case "profileHandle":
		sortByName(list, func(x *user) string { return x.profileHandle }, func(x, y *user) bool { return x.id < y.id })
	default:
		sortByName(list, func(x *user) string { return x.displayName }, func(x, y *user) bool { return x.id < y.id })
	}
	win, cur := paginate(list, p)
	body := c.usersBody(win)
	body.Paging = &pagingNext{Next: cur.next}
	return c.ok(body)
}

type updateUserRequest struct {
	UserID          string          `json:"userId"`
	DisplayName     *string         `json:"displayName"`
	Roles           *[]string       `json:"roles"`
	Metadata        *map[string]any `json:"metadata"`
	AvatarFileID    *string         `json:"avatarFileId"`
	AvatarCustomURL *string         `json:"avatarCustomUrl"`
	Description     *string         `json:"description"`
	// CreateNewUserWhenNotFound (not in spec 4.92.0; every vendor client sends it false)
	// creates an unknown userId when true; false or absent answer 404 for it.
	CreateNewUserWhenNotFound *bool `json:"createNewUserWhenNotFound"`
}

// updateUser is PUT /api/v3/users. An unknown (or deleted) user is 404 unless
// createNewUserWhenNotFound is true, which creates an unknown one once the update is valid.
func (s *Server) updateUser(c *request) error {
	var req updateUserRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	target := req.UserID
	if target == "" {
		if c.isAdmin {
			return errBadRequest("Parameters validation error: userId is required")
		}
		target = c.identity
	}
	if target != c.identity && !c.can("EDIT_USER") { // roles.go (EDIT_USER)
		return errUnauthorized("Only administrator can update user")
	}
	u := c.st.liveUser(target)
	create := u == nil && c.st.users[target] == nil && req.CreateNewUserWhenNotFound != nil && *req.CreateNewUserWhenNotFound
	if u == nil && !create {
		return errNotFound("User Not Found.")
	}
	if err := maxLen("userId", target, 50); err != nil {
		return err
	}
	if req.Roles != nil && !c.can("ASSIGN_USER_ROLE") { // roles.go (ASSIGN_USER_ROLE)
		return errPermission("Only administrator can do this")
	}
	if req.DisplayName != nil {
		if err := maxLen("displayName", *req.DisplayName, 100); err != nil {
			return err
		}
		if err := c.displayNameLocked(); err != nil { // network_settings.go
			return err
		}
	}
	if req.Description != nil {
		if err := maxLen("description", *req.Description, 500); err != nil {
			return err
		}
	}
	if req.Roles != nil && len(*req.Roles) > 10 {
		return errBadRequest("Parameters validation error: at most 10 roles")
	}
	if err := c.st.checkAvatar(req.AvatarFileID); err != nil {
		return err
	}
	if create {
		u = c.st.addUser(target, target, c.now())
	}
	setOpt(&u.displayName, req.DisplayName)
	setOptWith(&u.roles, req.Roles, uniq)
	setOptWith(&u.metadata, req.Metadata, obj)
	setOpt(&u.avatarFileID, req.AvatarFileID)
	setOpt(&u.avatarCustomURL, req.AvatarCustomURL)
	setOpt(&u.description, req.Description)
	u.updatedAt = c.now()
	return c.ok(c.usersBody([]*user{u}))
}

func (s *Server) deleteUser(c *request) error {
	u := c.st.users[c.path("userId")]
	if u == nil {
		return errNotFound("User Not Found.")
	}
	if u.deleted {
		return errBadRequest("User is already deleted")
	}
	c.wipeUser(u, func(name string) bool { v, _ := c.qBool(name); return v != nil && *v })
	return c.ok(map[string]bool{"success": true})
}

// wipeUser deletes u and, as flag says of each option (deleteAll, hardDeletePost,
// hardDeleteComment, markMessageDeleted), its content: the one deletion of a user, by DELETE
// /api/v4/users/{userId} and by the bulk delete jobs (users_bulk_delete.go).
func (c *request) wipeUser(u *user, flag func(name string) bool) {
	deleteAll := flag("deleteAll")
	now := c.now()
	u.deleted = true
	u.updatedAt = now
	c.st.revokeUser(u.id)
	for _, p := range c.st.posts {
		if p.postedUserID != u.id || p.parentID != "" {
			continue
		}
		if deleteAll || flag("hardDeletePost") {
			c.st.purgePost(p)
		}
	}
	for _, cm := range c.st.comments {
		if cm.userID == u.id && (deleteAll || flag("hardDeleteComment")) {
			c.st.purgeComment(cm)
		}
	}
	for _, m := range c.st.messages {
		if m.creatorID != u.id {
			continue
		}
		switch {
		case deleteAll:
			c.st.purgeMessage(m)
		case flag("markMessageDeleted"):
			m.deleted, m.updatedAt = true, now
		}
	}
	if deleteAll {
		for _, pl := range c.st.polls {
			if pl.userID == u.id {
				delete(c.st.polls, pl.id)
			}
		}
		c.st.removeReactionsBy(u.id)
	}
}

func (s *Server) setGlobalBan(c *request, banned bool) error {
	var req struct {
		UserID string `json:"userId"`
	}
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.UserID == "" {
		return errBadRequest("Parameters validation error: userId is required")
	}
	u := c.st.users[req.UserID]
	if u == nil {
		return errNotFound("Resource Not Found.")
	}
	u.globalBan = banned
	u.updatedAt = c.now()
	if banned {
		c.emitGlobalBan(u)
	}
	return c.ok(successBody)
}

// followJSON is the spec's follow-relation shape used by the block endpoints.
type followJSON struct {
	From               string `json:"from"`
	FromUserPublicID   string `json:"fromUserPublicId"`
	FromUserInternalID string `json:"fromUserInternalId"`
	To                 string `json:"to"`
	ToUserPublicID     string `json:"toUserPublicId"`
	ToUserInternalID   string `json:"toUserInternalId"`
	Status             string `json:"status"`
	CreatedAt          string `json:"createdAt"`
	UpdatedAt          string `json:"updatedAt"`
}

type followCountJSON struct {
	UserID         string `json:"userId"`
	FollowerCount  int    `json:"followerCount"`
	FollowingCount int    `json:"followingCount"`
	PendingCount   int    `json:"pendingCount"`
}

func follow(from, to *user, status string, at time.Time) followJSON {
	return followJSON{
		From: from.id, FromUserPublicID: from.id, FromUserInternalID: from.internalID,
		To: to.id, ToUserPublicID: to.id, ToUserInternalID: to.internalID,
		Status: status, CreatedAt: ts(at), UpdatedAt: ts(at),
	}
}

func (s *Server) setBlock(c *request, block bool) error {
	me := c.me()
	other := c.st.liveUser(c.path("userId"))
	if other == nil {
		return errNotFound("User Not Found.")
	}
	if other.id == me.id {
		return errBadRequest("You cannot block yourself")
	}
	now := c.now()
	if block {
		if c.st.blocks[me.id] == nil {
			c.st.blocks[me.id] = map[string]time.Time{}
		}
		if _, ok := c.st.blocks[me.id][other.id]; !ok {
			c.st.blocks[me.id][other.id] = now
			c.emitBlock("user.didBlock", me, other, now) // webhooks.go
		}
	} else if _, ok := c.st.blocks[me.id][other.id]; ok {
		delete(c.st.blocks[me.id], other.id)
		c.emitBlock("user.didUnblock", me, other, now)
	}
	return c.ok(map[string]any{
		"follows":      []followJSON{follow(me, other, "none", now)},
		"followCounts": []followCountJSON{{UserID: other.id}},
	})
}

func (s *Server) listBlocks(c *request) error {
	c.bareOpts = true
	me := c.me()
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	type blocked struct {
		u  *user
		at time.Time
	}
	var list []blocked
	for id, at := range c.st.blocks[me.id] {
		if u := c.st.users[id]; u != nil {
			list = append(list, blocked{u, at})
		}
	}
	sortByCreated(list, func(b blocked) (time.Time, int64) { return b.at, b.u.seq }, true)
	win, cur := paginate(list, p)
	b := c.sideload()
	follows := []followJSON{}
	for _, bl := range win {
		follows = append(follows, follow(me, bl.u, "blocked", bl.at))
		b.addUser(bl.u.id)
	}
	return c.ok(map[string]any{
		"follows": follows,
		"users":   b.users(),
		"files":   b.files(),
		"paging":  cur.withTotal(),
	})
}

// userInternalID returns the internal ID of the user with public ID id (id itself for an
// unknown user).
func (st *state) userInternalID(id string) string {
	if u := st.users[id]; u != nil {
		return u.internalID
	}
	return id
}

// userPublicID returns the public ID of the user with public or internal ID id (id itself
// for an unknown user).
func (st *state) userPublicID(id string) string {
	if st.users[id] != nil {
		return id
	}
	if u := st.userByInternalID(id); u != nil {
		return u.id
	}
	return id
}

// userReport is the detail of a report on a user (spec 4.116.1): what it is about and why.
type userReport struct {
	reportType, reason, comment string
}

// userReportRequest is the optional body of POST /api/v4/me/flags/{userId}.
type userReportRequest struct {
	ReportType *string `json:"reportType"`
	Reason     *string `json:"reason"`
	Comment    *string `json:"comment"`
}

// reporterOf is the reporter of a key of user.flags: "reporter" or "reporter\x00reportType".
func reporterOf(key string) string {
	reporter, _, _ := strings.Cut(key, "\x00")
	return reporter
}

// flagUser is POST /api/v4/me/flags/{userId}, with the report rules of spec 4.116.1: no body
// is a typeless report; reportType (displayName, description, avatarFileId, behavior) takes a
// reason exactly when it is behavior, and a comment on any report (each at most 300
// characters; a broken rule is 422). A reporter holds one report per type on a user (and one
// typeless): a repeat of the same type updates the reason and comment it gives and keeps the
// others, and counts once; the flag count is the number of reports.
func (s *Server) flagUser(c *request) error {
	u := c.st.liveUser(c.path("userId"))
	if u == nil {
		return errNotFound("User Not Found.")
	}
	var req userReportRequest
	if err := c.decode(&req, false); err != nil {
		return err
	}
	invalid := func(msg string) error {
		return &apiError{http.StatusUnprocessableEntity, codeBadRequest, "ValidationError: " + msg}
	}
	typ := deref(req.ReportType)
	switch {
	case typ != "" && !containsString([]string{"displayName", "description", "avatarFileId", "behavior"}, typ):
		return invalid("reportType must be one of displayName, description, avatarFileId, behavior")
	case len(deref(req.Reason)) > 300 || len(deref(req.Comment)) > 300:
		return invalid("reason and comment must be at most 300 characters")
	case typ == "behavior" && deref(req.Reason) == "":
		return invalid("reason is required for a behavior report")
	case typ != "behavior" && req.Reason != nil:
		return invalid("reason is only allowed for a behavior report")
	}
	key := c.identity
	if typ != "" {
		key += "\x00" + typ
	}
	if u.reports == nil {
		u.reports = map[string]userReport{}
	}
	rep := u.reports[key]
	rep.reportType = typ
	setOpt(&rep.reason, req.Reason)
	setOpt(&rep.comment, req.Comment)
	u.reports[key] = rep
	if _, again := u.flags[key]; !again {
		u.flags[key] = c.now()
	}
	c.emitUser("user.didFlag", u)
	return c.ok(c.usersBody([]*user{u}))
}

// deref is *p, or "" for nil.
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// searchBy reads the searchBy list of a user or member search (spec 4.116.1): at most three
// of displayName, profileHandle and userId; none searches all three.
func (c *request) searchBy() ([]string, error) {
	fields := c.qList("searchBy")
	if len(fields) > 3 {
		return nil, errBadRequest("Parameters validation error: searchBy takes at most 3 fields")
	}
	for _, f := range fields {
		if err := enum("searchBy", f, "displayName", "profileHandle", "userId"); err != nil {
			return nil, err
		}
	}
	if len(fields) == 0 {
		fields = []string{"displayName", "profileHandle", "userId"}
	}
	return fields, nil
}

// matches reports whether the fields of u that searchBy names hold keyword (lower case), or
// equal it when exact.
func (u *user) matches(keyword string, searchBy []string, exact bool) bool {
	for _, f := range searchBy {
		var v string
		switch f {
		case "displayName":
			v = u.displayName
		case "profileHandle":
			v = u.profileHandle
		case "userId":
			v = u.id
		}
		v = strings.ToLower(v)
		if v != "" && (v == keyword || !exact && strings.Contains(v, keyword)) {
			return true
		}
	}
	return false
}
