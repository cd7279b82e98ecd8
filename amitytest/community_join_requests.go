package amitytest

import (
	"time"
)

// joinRequest is a user's request to join a community.
type joinRequest struct {
	id          string // the private _id
	publicID    string // joinRequestId
	communityID string
	userID      string // the requestor
	status      string // pending, approved, rejected or cancelled
	responderID string
	respondedAt time.Time
	createdAt   time.Time
	updatedAt   time.Time
	seq         int64
}

// joinRequestStore holds the join requests, by private ID.
type joinRequestStore struct {
	byID map[string]*joinRequest
}

// joinRequestStore returns the join requests, made on first use.
func (st *state) joinRequestStore() *joinRequestStore {
	if st.joinRequests == nil {
		st.joinRequests = &joinRequestStore{byID: map[string]*joinRequest{}}
	}
	return st.joinRequests
}

// requestsOf returns userID's join requests to communityID (all users' for ""), the latest
// first.
func (js *joinRequestStore) requestsOf(communityID, userID string) []*joinRequest {
	var out []*joinRequest
	for _, jr := range js.byID {
		if jr.communityID == communityID && (userID == "" || jr.userID == userID) {
			out = append(out, jr)
		}
	}
	sortByCreated(out, func(jr *joinRequest) (time.Time, int64) { return jr.createdAt, jr.seq }, true)
	return out
}

// pendingOf returns userID's pending request to communityID, or nil.
func (js *joinRequestStore) pendingOf(communityID, userID string) *joinRequest {
	for _, jr := range js.requestsOf(communityID, userID) {
		if jr.status == "pending" {
			return jr
		}
	}
	return nil
}

type joinRequestJSON struct {
	ID                  string  `json:"_id"`
	NetworkID           string  `json:"networkId"`
	TargetID            string  `json:"targetId"`
	TargetType          string  `json:"targetType"`
	Type                string  `json:"type"`
	UserID              string  `json:"userId"`
	Status              string  `json:"status"`
	RespondedAt         *string `json:"respondedAt"`
	UpdatedAt           string  `json:"updatedAt"`
	CreatedAt           string  `json:"createdAt"`
	JoinRequestID       string  `json:"joinRequestId"`
	RequestorID         string  `json:"requestorId"`
	RequestorPublicID   string  `json:"requestorPublicId"`
	RequestorInternalID string  `json:"requestorInternalId"`
	ResponderID         *string `json:"responderId"`
	ResponderPublicID   *string `json:"responderPublicId"`
	ResponderInternalID *string `json:"responderInternalId"`
}

type joinRequestsResponse struct {
	JoinRequests []joinRequestJSON   `json:"joinRequests"`
	Users        []userJSON          `json:"users"`
	Files        []fileJSON          `json:"files"`
	Roles        []roleJSON          `json:"roles"`
	Paging       *pagingNextPrevious `json:"paging,omitempty"`
}

func (c *request) joinRequestJSON(jr *joinRequest) joinRequestJSON {
	out := joinRequestJSON{
		ID: jr.id, NetworkID: networkID, TargetID: jr.communityID, TargetType: "community", Type: "communityJoinRequest",
		UserID: jr.userID, Status: jr.status, RespondedAt: tsPtr(jr.respondedAt), UpdatedAt: ts(jr.updatedAt),
		CreatedAt: ts(jr.createdAt), JoinRequestID: jr.publicID, RequestorID: jr.userID, RequestorPublicID: jr.userID,
		RequestorInternalID: c.internalIDOf(jr.userID),
	}
	if jr.responderID != "" {
		internal := c.internalIDOf(jr.responderID)
		out.ResponderID, out.ResponderPublicID, out.ResponderInternalID = &jr.responderID, &jr.responderID, &internal
	}
	return out
}

// joinRequestsBody renders join requests with their requestors and responders (and their
// avatars) and the network roles those users hold.
func (c *request) joinRequestsBody(list []*joinRequest) joinRequestsResponse {
	b := c.sideload()
	out := joinRequestsResponse{JoinRequests: []joinRequestJSON{}, Roles: []roleJSON{}}
	for _, jr := range list {
		out.JoinRequests = append(out.JoinRequests, c.joinRequestJSON(jr))
		b.addUser(jr.userID)
		b.addUser(jr.responderID)
	}
	var roles orderedSet
	for _, id := range b.userIDs.list {
		if u := c.st.users[id]; u != nil {
			for _, r := range u.roles {
				if rl := c.st.roles[r]; rl != nil && !rl.deleted && roles.add(r) {
					out.Roles = append(out.Roles, rl.json())
				}
			}
		}
	}
	out.Users, out.Files = b.users(), b.files()
	return out
}

// emitJoinRequest sends a v3.communityJoinRequest.* event with the request and its users (the
// spec's body of the event is the join answer's).
func (c *request) emitJoinRequest(event string, jr *joinRequest) {
	if !c.s.webhookOn() {
		return
	}
	c.emit(event, c.joinRequestsBody([]*joinRequest{jr}))
}

// routesCommunityJoinRequests registers the join request operations of spec 4.116.1.
func (s *Server) routesCommunityJoinRequests() {
	s.route("POST /api/v4/communities/{communityId}/join", authUser, s.requestToJoin)
	s.route("DELETE /api/v4/communities/{communityId}/join", authUser, func(c *request) error {
		cm, err := c.liveCommunity(c.path("communityId"))
		if err != nil {
			return err
		}
		jr := c.st.joinRequestStore().pendingOf(cm.id, c.identity)
		if jr == nil {
			return errNotFound("Join request not found.")
		}
		jr.status, jr.updatedAt = "cancelled", c.now()
		return c.ok(successBody)
	})
	s.route("GET /api/v4/communities/{communityId}/join", authUser, s.queryJoinRequests)
	s.route("GET /api/v4/communities/{communityId}/join/count", authUser, func(c *request) error {
		cm, err := c.moderatedCommunity(c.path("communityId")) // invitations.go
		if err != nil {
			return err
		}
		n := 0
		for _, jr := range c.st.joinRequestStore().requestsOf(cm.id, "") {
			if jr.status == "pending" {
				n++
			}
		}
		return c.ok(map[string]int{"count": n})
	})
	s.route("GET /api/v4/communities/{communityId}/join/me", authUser, func(c *request) error {
		cm, err := c.liveCommunity(c.path("communityId"))
		if err != nil {
			return err
		}
		body := c.joinRequestsBody(c.st.joinRequestStore().requestsOf(cm.id, c.identity))
		body.Paging = &pagingNextPrevious{}
		return c.ok(body)
	})
	s.route("GET /api/v4/communities/{communityId}/join/requests", authUser, func(c *request) error {
		cm, err := c.liveCommunity(c.path("communityId"))
		if err != nil {
			return err
		}
		mine := c.st.joinRequestStore().requestsOf(cm.id, c.identity)
		return c.ok(c.joinRequestsBody(mine[:min(len(mine), 1)]))
	})
	s.route("POST /api/v4/communities/{communityId}/join/approve", authUser, func(c *request) error {
		return s.answerJoinRequest(c, "approved", "v3.communityJoinRequest.didAccept")
	})
	s.route("POST /api/v4/communities/{communityId}/join/reject", authUser, func(c *request) error {
		return s.answerJoinRequest(c, "rejected", "v3.communityJoinRequest.didReject")
	})
}

// requestToJoin answers a join: a pending request where the community requires approval and
// the user holds no pending invitation to it; else an approved one that makes the user a
// member (accepting the invitation, if any). A private community without approval is joined
// only as POST /api/v3/communities/{communityId}/join allows.
func (s *Server) requestToJoin(c *request) error {
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
	case cm.isMember(me.id):
		return errDuplicate() // the spec's 403 example of the operation
	}
	store := c.st.joinRequestStore()
	if jr := store.pendingOf(cm.id, me.id); jr != nil {
		return c.ok(c.joinRequestsBody([]*joinRequest{jr}))
	}
	inv := c.st.invitationStore().pendingFor(cm.id, me.id)
	needsApproval := cm.joinApproval && inv == nil
	if !needsApproval && inv == nil && !cm.isPublic && !c.isAdmin && !c.privateJoinAllowed() {
		return errForbidden("You are not allowed to do this")
	}
	now := c.now()
	jr := &joinRequest{id: c.st.newID(), publicID: c.st.newID(), communityID: cm.id, userID: me.id, status: "pending",
		createdAt: now, updatedAt: now, seq: c.st.nextSeq()}
	store.byID[jr.id] = jr
	if !needsApproval {
		jr.status, jr.respondedAt = "approved", now
		c.st.setMember(cm.members, me.id, "member", now)
	}
	c.emitJoinRequest("v3.communityJoinRequest.didCreate", jr)
	if inv != nil {
		inv.status, inv.respondedAt, inv.updatedAt = "approved", now, now
		c.emitInvitation("v3.communityMemberInvitation.didAccept", inv) // invitations.go
	}
	return c.ok(c.joinRequestsBody([]*joinRequest{jr}))
}

// queryJoinRequests answers the join requests of a community, for its moderators and the
// admin.
func (s *Server) queryJoinRequests(c *request) error {
	typ, targetType := c.q("type"), c.q("targetType")
	if typ == "" || targetType == "" {
		return errBadRequest("Parameters validation error: type and targetType are required")
	}
	sortBy, order := c.q("sortBy"), c.q("sortOrder")
	if err := firstErr(
		enum("type", typ, "communityJoinRequest"),
		enum("targetType", targetType, "community"),
		enum("sortBy", sortBy, "_id", "respondedAt"),
		enum("sortOrder", order, "asc", "desc"),
	); err != nil {
		return err
	}
	statuses := c.qList("statuses")
	for _, st := range statuses {
		if err := enum("statuses", st, "pending", "approved", "rejected", "cancelled"); err != nil {
			return err
		}
	}
	cm, err := c.moderatedCommunity(c.path("communityId"))
	if err != nil {
		return err
	}
	p, err := c.pageParams(10)
	if err != nil {
		return err
	}
	var list []*joinRequest
	for _, jr := range c.st.joinRequestStore().requestsOf(cm.id, "") {
		if len(statuses) == 0 || containsString(statuses, jr.status) {
			list = append(list, jr)
		}
	}
	// The fake's IDs are not ordered: the order the requests were made in stands for _id.
	key := func(jr *joinRequest) (time.Time, int64) { return time.Time{}, jr.seq }
	if sortBy == "respondedAt" {
		key = func(jr *joinRequest) (time.Time, int64) { return jr.respondedAt, jr.seq }
	}
	sortByCreated(list, key, order == "desc")
	win, cur := paginate(list, p)
	body := c.joinRequestsBody(win)
	body.Paging = cur.nextPrevious()
	return c.ok(body)
}

// answerJoinRequest approves (making the user a member) or rejects the pending request of the
// body's userId (a public or an internal ID: the vendor clients send the requestor's internal
// one), for a moderator or the admin.
func (s *Server) answerJoinRequest(c *request, status, event string) error {
	var req struct {
		UserID string `json:"userId"`
	}
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.UserID == "" {
		return errBadRequest("Parameters validation error: userId is required")
	}
	cm, err := c.moderatedCommunity(c.path("communityId"))
	if err != nil {
		return err
	}
	userID := req.UserID
	if u := c.st.userByInternalID(req.UserID); u != nil && c.st.users[req.UserID] == nil {
		userID = u.id
	}
	store := c.st.joinRequestStore()
	jr := store.pendingOf(cm.id, userID)
	if jr == nil {
		return errNotFound("Join request not found.")
	}
	if status == "approved" && cm.isBanned(userID) {
		return errBanned()
	}
	now := c.now()
	jr.status, jr.responderID, jr.respondedAt, jr.updatedAt = status, c.me().id, now, now
	if status == "approved" {
		c.st.setMember(cm.members, userID, "member", now)
	}
	c.emitJoinRequest(event, jr)
	return c.ok(successBody)
}
