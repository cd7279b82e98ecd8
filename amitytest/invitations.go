package amitytest

import (
	"errors"
	"net/http"
	"time"
)

// invitation is an invitation of a user to become a member of a community.
type invitation struct {
	id          string // the private _id, which the vendor clients pass in paths
	publicID    string // invitationId
	communityID string
	userID      string // the invitee
	createdBy   string // the inviter
	status      string // pending, approved, rejected or cancelled
	respondedAt time.Time
	createdAt   time.Time
	updatedAt   time.Time
	seq         int64
}

// invitationStore holds the invitations, by private ID.
type invitationStore struct {
	byID map[string]*invitation
}

// invitationStore returns the invitations, made on first use.
func (st *state) invitationStore() *invitationStore {
	if st.invitations == nil {
		st.invitations = &invitationStore{byID: map[string]*invitation{}}
	}
	return st.invitations
}

// find returns the invitation with the private or public ID id, or nil.
func (is *invitationStore) find(id string) *invitation {
	if inv := is.byID[id]; inv != nil {
		return inv
	}
	for _, inv := range is.byID {
		if inv.publicID == id {
			return inv
		}
	}
	return nil
}

// pendingFor returns userID's pending invitation to communityID, or nil.
func (is *invitationStore) pendingFor(communityID, userID string) *invitation {
	for _, inv := range is.byID {
		if inv.communityID == communityID && inv.userID == userID && inv.status == "pending" {
			return inv
		}
	}
	return nil
}

type invitationJSON struct {
	ID                    string  `json:"_id"`
	NetworkID             string  `json:"networkId"`
	Type                  string  `json:"type"`
	TargetID              string  `json:"targetId"`
	TargetType            string  `json:"targetType"`
	UserID                string  `json:"userId"`
	Status                string  `json:"status"`
	CreatedBy             string  `json:"createdBy"`
	RespondedAt           *string `json:"respondedAt"`
	UpdatedAt             string  `json:"updatedAt"`
	CreatedAt             string  `json:"createdAt"`
	InvitationID          string  `json:"invitationId"`
	InvitedUserID         string  `json:"invitedUserId"`
	InvitedUserPublicID   string  `json:"invitedUserPublicId"`
	InvitedUserInternalID string  `json:"invitedUserInternalId"`
	InviterUserID         string  `json:"inviterUserId"`
	InviterUserPublicID   string  `json:"inviterUserPublicId"`
	InviterUserInternalID string  `json:"inviterUserInternalId"`
	CommunityID           string  `json:"communityId"`
}

type invitationsResponse struct {
	Invitations []invitationJSON    `json:"invitations"`
	Users       []userJSON          `json:"users"`
	Paging      *pagingNextPrevious `json:"paging,omitempty"`
}

func (c *request) invitationJSON(inv *invitation) invitationJSON {
	return invitationJSON{
		ID: inv.id, NetworkID: networkID, Type: "communityMemberInvite", TargetID: inv.communityID, TargetType: "community",
		UserID: inv.userID, Status: inv.status, CreatedBy: inv.createdBy, RespondedAt: tsPtr(inv.respondedAt),
		UpdatedAt: ts(inv.updatedAt), CreatedAt: ts(inv.createdAt), InvitationID: inv.publicID,
		InvitedUserID: inv.userID, InvitedUserPublicID: inv.userID, InvitedUserInternalID: c.internalIDOf(inv.userID),
		InviterUserID: inv.createdBy, InviterUserPublicID: inv.createdBy, InviterUserInternalID: c.internalIDOf(inv.createdBy),
		CommunityID: inv.communityID,
	}
}

// invitationsBody renders invitations with their invitees and inviters.
func (c *request) invitationsBody(list []*invitation) invitationsResponse {
	b := c.sideload()
	out := invitationsResponse{Invitations: []invitationJSON{}}
	for _, inv := range list {
		out.Invitations = append(out.Invitations, c.invitationJSON(inv))
		b.addUser(inv.userID)
		b.addUser(inv.createdBy)
	}
	out.Users = b.users()
	return out
}

// emitInvitation sends a v3.communityMemberInvitation.* event with the invitations and their
// users (the spec's body of the event is the create answer's).
func (c *request) emitInvitation(event string, list ...*invitation) {
	if !c.s.webhookOn() {
		return
	}
	c.emit(event, c.invitationsBody(list))
}

// invitationTarget reads the type, targetType and targetId of the invitation listings, which
// are required (optional: all three may be left out, for the caller's own invitations), and
// returns the community named, or "" when none is.
func (c *request) invitationTarget(optional bool) (string, error) {
	typ, targetType, targetID := c.q("type"), c.q("targetType"), c.q("targetId")
	if !optional && (typ == "" || targetType == "" || targetID == "") {
		return "", errBadRequest("Parameters validation error: type, targetType and targetId are required")
	}
	if err := firstErr(
		enum("type", typ, "communityMemberInvite"),
		enum("targetType", targetType, "community"),
		maxLen("targetId", targetID, 900),
	); err != nil {
		return "", err
	}
	return targetID, nil
}

// moderatedCommunity finds a live community the caller moderates (or any, for the admin).
func (c *request) moderatedCommunity(id string) (*community, error) {
	cm, err := c.liveCommunity(id)
	if err != nil {
		return nil, err
	}
	if !c.canModerate(cm) {
		return nil, errPermission("You are not allowed to do this.")
	}
	return cm, nil
}

// unprocessable answers h's bad-request errors as the invitation operations declare them:
// 422 with code 500000 (all but the resend declare no 400).
func unprocessable(h handler) handler {
	return func(c *request) error {
		err := h(c)
		var ae *apiError
		if errors.As(err, &ae) && ae.status == http.StatusBadRequest {
			return &apiError{http.StatusUnprocessableEntity, codeBusiness, ae.message}
		}
		return err
	}
}

// routesInvitations registers the invitation operations.
func (s *Server) routesInvitations() {
	s.route("POST /api/v1/invitations", authUser, unprocessable(s.createInvitations))
	s.route("GET /api/v1/invitations", authUser, unprocessable(func(c *request) error { return s.queryInvitations(c, false) }))
	s.route("GET /api/v1/invitations/count", authUser, unprocessable(func(c *request) error { return s.queryInvitations(c, true) }))
	s.route("GET /api/v1/invitations/me", authUser, unprocessable(s.myInvitations))
	s.route("DELETE /api/v1/invitations/{invitationId}", authUser, unprocessable(func(c *request) error {
		inv, err := c.pendingInvitation()
		if err != nil {
			return err
		}
		if inv.createdBy != c.identity {
			if _, err := c.moderatedCommunity(inv.communityID); err != nil {
				return err
			}
		}
		inv.status, inv.updatedAt = "cancelled", c.now()
		return c.ok(successBody)
	}))
	s.route("POST /api/v1/invitations/{invitationId}/accept", authUser, unprocessable(func(c *request) error {
		inv, err := c.inviteesInvitation()
		if err != nil {
			return err
		}
		cm, err := c.liveCommunity(inv.communityID)
		if err != nil {
			return err
		}
		if cm.isBanned(inv.userID) {
			return errBanned()
		}
		now := c.now()
		inv.status, inv.respondedAt, inv.updatedAt = "approved", now, now
		c.st.setMember(cm.members, inv.userID, "member", now)
		c.emitInvitation("v3.communityMemberInvitation.didAccept", inv)
		return c.ok(successBody)
	}))
	s.route("POST /api/v1/invitations/{invitationId}/reject", authUser, unprocessable(func(c *request) error {
		inv, err := c.inviteesInvitation()
		if err != nil {
			return err
		}
		now := c.now()
		inv.status, inv.respondedAt, inv.updatedAt = "rejected", now, now
		c.emitInvitation("v3.communityMemberInvitation.didReject", inv)
		return c.ok(successBody)
	}))
	s.route("POST /api/v1/invitations/{invitationId}/resend", authUser, func(c *request) error {
		communityID := c.q("communityId")
		if communityID == "" {
			return errBadRequest("Parameters validation error: communityId is required")
		}
		if err := maxLen("communityId", communityID, 900); err != nil {
			return err
		}
		inv := c.st.invitationStore().find(c.path("invitationId"))
		if inv == nil || inv.communityID != communityID {
			return errNotFound("Invitation not found.")
		}
		if inv.createdBy != c.identity {
			if _, err := c.moderatedCommunity(communityID); err != nil {
				return err
			}
		}
		if inv.status != "rejected" {
			return errBadRequest("Only a rejected invitation can be sent again.")
		}
		if cm := c.st.communities[communityID]; cm == nil || cm.deleted || cm.isMember(inv.userID) {
			return errBadRequest("The user cannot be invited to this community.")
		}
		inv.status, inv.respondedAt, inv.updatedAt = "pending", time.Time{}, c.now()
		return c.ok(successBody)
	})
}

// pendingInvitation finds the pending invitation of the path.
func (c *request) pendingInvitation() (*invitation, error) {
	inv := c.st.invitationStore().find(c.path("invitationId"))
	if inv == nil {
		return nil, errNotFound("Invitation not found.")
	}
	if inv.status != "pending" {
		return nil, errBadRequest("The invitation is %s.", inv.status)
	}
	return inv, nil
}

// inviteesInvitation is pendingInvitation for its invitee's answer.
func (c *request) inviteesInvitation() (*invitation, error) {
	inv := c.st.invitationStore().find(c.path("invitationId"))
	if inv == nil || inv.userID != c.identity {
		return nil, errNotFound("Invitation not found.")
	}
	return c.pendingInvitation()
}

func (s *Server) createInvitations(c *request) error {
	var req struct {
		Type       string   `json:"type"`
		TargetType string   `json:"targetType"`
		TargetID   string   `json:"targetId"`
		UserIDs    []string `json:"userIds"`
	}
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.Type == "" || req.TargetType == "" || req.TargetID == "" {
		return errBadRequest("Parameters validation error: type, targetType and targetId are required")
	}
	if err := firstErr(
		enum("type", req.Type, "communityMemberInvite"),
		enum("targetType", req.TargetType, "community"),
		maxLen("targetId", req.TargetID, 900),
	); err != nil {
		return err
	}
	ids := uniq(req.UserIDs)
	if len(ids) == 0 || len(req.UserIDs) > 1000 {
		return errBadRequest("Parameters validation error: userIds must have 1 to 1000 items")
	}
	cm, err := c.moderatedCommunity(req.TargetID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := maxLen("userIds", id, 50); err != nil {
			return err
		}
		if c.st.liveUser(id) == nil {
			return errNotFound("User Not Found.")
		}
	}
	me, now, store := c.me(), c.now(), c.st.invitationStore()
	var answer, created []*invitation
	for _, id := range ids {
		if cm.isMember(id) {
			continue // a member needs no invitation
		}
		if inv := store.pendingFor(cm.id, id); inv != nil {
			answer = append(answer, inv)
			continue
		}
		inv := &invitation{id: c.st.newID(), publicID: c.st.newID(), communityID: cm.id, userID: id, createdBy: me.id,
			status: "pending", createdAt: now, updatedAt: now, seq: c.st.nextSeq()}
		store.byID[inv.id] = inv
		answer, created = append(answer, inv), append(created, inv)
	}
	if len(answer) == 0 {
		return errBadRequest("The users are already members of the community.")
	}
	if len(created) > 0 {
		c.emitInvitation("v3.communityMemberInvitation.didCreate", created...)
	}
	return c.ok(c.invitationsBody(answer))
}

// queryInvitations answers the invitations of a community (its moderators' and the admin's
// listing) and, with count, how many there are.
func (s *Server) queryInvitations(c *request, count bool) error {
	communityID, err := c.invitationTarget(false)
	if err != nil {
		return err
	}
	statuses, err := c.invitationStatuses()
	if err != nil {
		return err
	}
	if _, err := c.moderatedCommunity(communityID); err != nil {
		return err
	}
	var list []*invitation
	for _, inv := range c.st.invitationStore().byID {
		if inv.communityID == communityID && (len(statuses) == 0 || containsString(statuses, inv.status)) {
			list = append(list, inv)
		}
	}
	if count {
		return c.ok(map[string]int{"count": len(list)})
	}
	return c.invitationPage(list, true)
}

// myInvitations answers the invitations the caller received. The vendor clients filter them
// by statuses[] too, which the spec does not declare here; it is honoured.
func (s *Server) myInvitations(c *request) error {
	communityID, err := c.invitationTarget(true)
	if err != nil {
		return err
	}
	statuses, err := c.invitationStatuses()
	if err != nil {
		return err
	}
	var list []*invitation
	for _, inv := range c.st.invitationStore().byID {
		if inv.userID == c.identity && (communityID == "" || inv.communityID == communityID) &&
			(len(statuses) == 0 || containsString(statuses, inv.status)) {
			list = append(list, inv)
		}
	}
	return c.invitationPage(list, false)
}

// invitationStatuses reads the statuses filter.
func (c *request) invitationStatuses() ([]string, error) {
	statuses := c.qList("statuses")
	for _, st := range statuses {
		if err := enum("statuses", st, "pending", "approved", "rejected", "cancelled"); err != nil {
			return nil, err
		}
	}
	return statuses, nil
}

// invitationPage orders invitations (by sortBy and sortOrder where sorted: createdAt, desc by
// default; else the latest first), cuts them at the before/after cursors (private IDs) and
// answers the page (10 by default).
func (c *request) invitationPage(list []*invitation, sorted bool) error {
	sortBy, order := "createdAt", "desc"
	if sorted {
		if v := c.q("sortBy"); v != "" {
			sortBy = v
		}
		if v := c.q("sortOrder"); v != "" {
			order = v
		}
		if err := firstErr(enum("sortBy", sortBy, "_id", "createdAt", "respondedAt"), enum("sortOrder", order, "asc", "desc")); err != nil {
			return err
		}
	}
	if err := firstErr(maxLen("options.before", c.opt("before"), 24), maxLen("options.after", c.opt("after"), 24)); err != nil {
		return err
	}
	p, err := c.pageParams(10)
	if err != nil {
		return err
	}
	key := func(inv *invitation) (time.Time, int64) { return inv.createdAt, inv.seq }
	switch sortBy {
	case "_id": // the fake's IDs are not ordered: the order they were made in stands for it
		key = func(inv *invitation) (time.Time, int64) { return time.Time{}, inv.seq }
	case "respondedAt":
		key = func(inv *invitation) (time.Time, int64) { return inv.respondedAt, inv.seq }
	}
	sortByCreated(list, key, order == "desc")
	list = cutAround(list, func(inv *invitation) string { return inv.id }, key, c.opt("before"), c.opt("after"))
	win, cur := paginate(list, p)
	body := c.invitationsBody(win)
	body.Paging = cur.nextPrevious()
	return c.ok(body)
}
