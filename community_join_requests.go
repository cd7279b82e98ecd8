package amity

import (
	"context"
	"iter"
	"net/http"
)

// CommunityJoinRequestStatus is the state of a request to join a community.
type CommunityJoinRequestStatus string

// Join request states: pending until a moderator approves or rejects it, or its requestor
// cancels it. A community that needs no approval answers a join with an approved request.
const (
	CommunityJoinRequestPending   CommunityJoinRequestStatus = "pending"
	CommunityJoinRequestApproved  CommunityJoinRequestStatus = "approved"
	CommunityJoinRequestRejected  CommunityJoinRequestStatus = "rejected"
	CommunityJoinRequestCancelled CommunityJoinRequestStatus = "cancelled"
)

// CommunityJoinRequestSortBy orders Communities.ListJoinRequests.
type CommunityJoinRequestSortBy string

// Join request orders.
const (
	CommunityJoinRequestSortID          CommunityJoinRequestSortBy = "_id"
	CommunityJoinRequestSortRespondedAt CommunityJoinRequestSortBy = "respondedAt"
)

// CommunityJoinRequestOrder is the direction of Communities.ListJoinRequests' order.
type CommunityJoinRequestOrder string

// Join request order directions.
const (
	CommunityJoinRequestAsc  CommunityJoinRequestOrder = "asc"
	CommunityJoinRequestDesc CommunityJoinRequestOrder = "desc"
)

// CommunityJoinRequest is a user's request to join a community. Besides the join request
// calls, the community role calls of spec 4.116.1 sideload them (joinRequests).
type CommunityJoinRequest struct {
	// ID is the request's private ID; JoinRequestID its public ID.
	ID            string `json:"_id,omitempty"`
	JoinRequestID string `json:"joinRequestId,omitempty"`
	NetworkID     string `json:"networkId,omitempty"`
	// TargetType and TargetID are the community asked to join.
	TargetType string `json:"targetType,omitempty"`
	TargetID   string `json:"targetId,omitempty"`
	// Type is communityJoinRequest.
	Type string `json:"type,omitempty"`
	// UserID is the user who asked.
	UserID string `json:"userId,omitempty"`
	// Status is pending, approved, rejected or cancelled.
	Status CommunityJoinRequestStatus `json:"status,omitempty"`
	// RequestorID is the requestor's public ID; RequestorPublicID and RequestorInternalID
	// are its two forms (the API's clients approve and reject with the internal one).
	RequestorID         string `json:"requestorId,omitempty"`
	RequestorPublicID   string `json:"requestorPublicId,omitempty"`
	RequestorInternalID string `json:"requestorInternalId,omitempty"`
	// ResponderID is the moderator who approved or rejected the request (empty until
	// then); ResponderPublicID and ResponderInternalID are its two forms.
	ResponderID         string `json:"responderId,omitempty"`
	ResponderPublicID   string `json:"responderPublicId,omitempty"`
	ResponderInternalID string `json:"responderInternalId,omitempty"`
	// RespondedAt is when it was approved or rejected (zero until then).
	RespondedAt Time `json:"respondedAt"`
	CreatedAt   Time `json:"createdAt"`
	UpdatedAt   Time `json:"updatedAt"`
}

// CommunityJoinRequestPayload is the answer of the join request calls: the requests, the
// users and files they refer to, the roles, and the cursors of a listing.
type CommunityJoinRequestPayload struct {
	rawJSON
	// JoinRequests are the requests made or listed.
	JoinRequests []CommunityJoinRequest `json:"joinRequests"`
	// Users are the requestors and responders (see Requestor, Responder, UserByID); Files
	// their avatars.
	Users []User `json:"users"`
	Files []File `json:"files"`
	// Roles are the roles the users hold.
	Roles []Role `json:"roles"`
	// Paging holds the cursors of a listing.
	Paging Paging `json:"paging"`
}

func (p *CommunityJoinRequestPayload) pageItems() []CommunityJoinRequest { return p.JoinRequests }
func (p *CommunityJoinRequestPayload) pageInfo() Paging                  { return p.Paging }

// JoinRequest returns the payload's first join request (the one a join made), or nil.
func (p *CommunityJoinRequestPayload) JoinRequest() *CommunityJoinRequest {
	return firstOf(p.JoinRequests)
}

// JoinRequestByID returns the join request with the given public or private ID, or nil.
func (p *CommunityJoinRequestPayload) JoinRequestByID(joinRequestID string) *CommunityJoinRequest {
	return findJoinRequest(p.JoinRequests, joinRequestID)
}

// findJoinRequest finds a join request by public, else private ID.
func findJoinRequest(requests []CommunityJoinRequest, joinRequestID string) *CommunityJoinRequest {
	if jr := byID(requests, joinRequestID, func(r *CommunityJoinRequest) string { return r.JoinRequestID }); jr != nil {
		return jr
	}
	return byID(requests, joinRequestID, func(r *CommunityJoinRequest) string { return r.ID })
}

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *CommunityJoinRequestPayload) UserByID(userID string) *User {
	return findUser(p.Users, userID)
}

// Requestor returns the sideloaded user who made jr, or nil.
func (p *CommunityJoinRequestPayload) Requestor(jr *CommunityJoinRequest) *User {
	if jr == nil {
		return nil
	}
	return findUserOf(p.Users, jr.RequestorPublicID, jr.RequestorID, jr.UserID, jr.RequestorInternalID)
}

// Responder returns the sideloaded moderator who approved or rejected jr, or nil.
func (p *CommunityJoinRequestPayload) Responder(jr *CommunityJoinRequest) *User {
	if jr == nil {
		return nil
	}
	return findUserOf(p.Users, jr.ResponderPublicID, jr.ResponderID, jr.ResponderInternalID)
}

// RoleByID returns the sideloaded role with the given ID, or nil.
func (p *CommunityJoinRequestPayload) RoleByID(roleID string) *Role {
	return byID(p.Roles, roleID, func(r *Role) string { return r.RoleID })
}

// CommunityJoinRequestCountPayload is the answer of Communities.CountJoinRequests.
type CommunityJoinRequestCountPayload struct {
	rawJSON
	// Count is the number of pending join requests.
	Count int `json:"count"`
}

// CreateJoinRequest asks for the calling user to join a community and returns the request:
// approved at once (the user is a member) where the community does not require join
// approval or the user holds a pending invitation to it, pending until a moderator answers
// otherwise. POST /api/v4/communities/{communityId}/join. Call it on a view from
// Client.AsUser. Not retried after it may have reached the server (a request notifies the
// moderators).
func (s *CommunitiesService) CreateJoinRequest(ctx context.Context, communityID string, opts ...CallOption) (*CommunityJoinRequestPayload, error) {
	const op = "Communities.CreateJoinRequest"
	return callOneOn(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v4/communities/%s/join", opts: opts},
		communityPath, communityID, "join request", (*CommunityJoinRequestPayload).pageItems)
}

// DeleteJoinRequest cancels the calling user's pending request to join a community.
// DELETE /api/v4/communities/{communityId}/join. Idempotent by construction (a cancelled
// request stays cancelled; a repeat may answer an error), so it is retried like a read. An
// answer of success: false is an *Error matching ErrUnsuccessful.
func (s *CommunitiesService) DeleteJoinRequest(ctx context.Context, communityID string, opts ...CallOption) error {
	r := &request{op: "Communities.DeleteJoinRequest", method: http.MethodDelete, path: "/api/v4/communities/%s/join", idempotent: true, opts: opts}
	if err := r.setPath(communityPath, communityID); err != nil {
		return err
	}
	return s.c.do(ctx, r, nil)
}

// ListJoinRequestsParams filters, orders and pages Communities.ListJoinRequests. The zero
// value lists every request.
type ListJoinRequestsParams struct {
	PageParams
	// Statuses lists the requests of these states only (statuses[]); empty lists all.
	Statuses []CommunityJoinRequestStatus
	// SortBy is _id (the default) or respondedAt; Order asc (the default) or desc.
	SortBy CommunityJoinRequestSortBy
	Order  CommunityJoinRequestOrder
}

func (p *ListJoinRequestsParams) query(op string) (query, error) {
	p = orZero(p)
	q, err := p.PageParams.optionsQuery(op, 1000)
	if err != nil {
		return nil, err
	}
	q.str("type", "communityJoinRequest")
	q.str("targetType", "community")
	enums(q, "statuses", p.Statuses)
	q.str("sortBy", string(p.SortBy))
	q.str("sortOrder", string(p.Order))
	return q, nil
}

// ListJoinRequests returns an iterator over the requests to join a community (for its
// moderators), fetching pages as it goes. GET /api/v4/communities/{communityId}/join.
// Page tokens are offsets: approving or rejecting the pending requests while ranging over
// them skips some; use Sweep to act on every one.
func (s *CommunitiesService) ListJoinRequests(ctx context.Context, communityID string, params *ListJoinRequestsParams, opts ...CallOption) iter.Seq2[CommunityJoinRequest, error] {
	return listAll(ctx, params, opts, pageOn(communityID, s.ListJoinRequestsPage))
}

// ListJoinRequestsPages returns an iterator over the pages of ListJoinRequests.
// GET /api/v4/communities/{communityId}/join.
func (s *CommunitiesService) ListJoinRequestsPages(ctx context.Context, communityID string, params *ListJoinRequestsParams, opts ...CallOption) iter.Seq2[*CommunityJoinRequestPayload, error] {
	return pages(ctx, params, opts, pageOn(communityID, s.ListJoinRequestsPage))
}

// ListJoinRequestsPage returns one page of the requests to join a community, with their users
// and the page's cursors. GET /api/v4/communities/{communityId}/join, with the type
// (communityJoinRequest) and target type (community) the spec requires.
func (s *CommunitiesService) ListJoinRequestsPage(ctx context.Context, communityID string, params *ListJoinRequestsParams, opts ...CallOption) (*CommunityJoinRequestPayload, error) {
	const op = "Communities.ListJoinRequestsPage"
	path, err := communityPath(op, "/api/v4/communities/%s/join", communityID)
	if err != nil {
		return nil, err
	}
	return listPage[CommunityJoinRequestPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, params)
}

// CountJoinRequests returns how many requests to join a community are pending.
// GET /api/v4/communities/{communityId}/join/count.
func (s *CommunitiesService) CountJoinRequests(ctx context.Context, communityID string, opts ...CallOption) (*CommunityJoinRequestCountPayload, error) {
	const op = "Communities.CountJoinRequests"
	path, err := communityPath(op, "/api/v4/communities/%s/join/count", communityID)
	if err != nil {
		return nil, err
	}
	return call[CommunityJoinRequestCountPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts})
}

// GetMyJoinRequest returns the calling user's requests to join a community: JoinRequest() is
// the one the API's clients show (none when the user never asked).
// GET /api/v4/communities/{communityId}/join/me. Call it on a view from Client.AsUser.
func (s *CommunitiesService) GetMyJoinRequest(ctx context.Context, communityID string, opts ...CallOption) (*CommunityJoinRequestPayload, error) {
	const op = "Communities.GetMyJoinRequest"
	path, err := communityPath(op, "/api/v4/communities/%s/join/me", communityID)
	if err != nil {
		return nil, err
	}
	return call[CommunityJoinRequestPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts})
}

// GetLatestJoinRequests returns the latest of the calling user's requests to join a community
// (the spec: "a list of latest join requests associated with the user's account that belong
// to a specific community"; none when the user never asked).
// GET /api/v4/communities/{communityId}/join/requests. Call it on a view from Client.AsUser.
func (s *CommunitiesService) GetLatestJoinRequests(ctx context.Context, communityID string, opts ...CallOption) (*CommunityJoinRequestPayload, error) {
	const op = "Communities.GetLatestJoinRequests"
	path, err := communityPath(op, "/api/v4/communities/%s/join/requests", communityID)
	if err != nil {
		return nil, err
	}
	return call[CommunityJoinRequestPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts})
}

// CommunityJoinRequestParams names the requestor whose request Communities.ApproveJoinRequest
// or RejectJoinRequest answers.
type CommunityJoinRequestParams struct {
	// UserID (required) is the requestor: its public or internal ID (the API's clients send
	// the request's RequestorInternalID).
	UserID string `json:"userId"`
}

// ApproveJoinRequest approves a user's pending request to join a community (a moderator's
// call), which makes the user a member. POST /api/v4/communities/{communityId}/join/approve.
// Idempotent by construction (an approved request stays approved and the user a member; a
// repeat may answer an error), so it is retried like a read. An answer of success: false is
// an *Error matching ErrUnsuccessful.
func (s *CommunitiesService) ApproveJoinRequest(ctx context.Context, communityID string, params *CommunityJoinRequestParams, opts ...CallOption) error {
	const op = "Communities.ApproveJoinRequest"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	return s.answerJoinRequest(ctx, communityID, params.UserID,
		&request{op: op, method: http.MethodPost, path: "/api/v4/communities/%s/join/approve", body: params, idempotent: true, opts: opts})
}

// RejectJoinRequest rejects a user's pending request to join a community (a moderator's
// call). POST /api/v4/communities/{communityId}/join/reject. Idempotent by construction (a
// rejected request stays rejected; a repeat may answer an error), so it is retried like a
// read. An answer of success: false is an *Error matching ErrUnsuccessful.
func (s *CommunitiesService) RejectJoinRequest(ctx context.Context, communityID string, params *CommunityJoinRequestParams, opts ...CallOption) error {
	const op = "Communities.RejectJoinRequest"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	return s.answerJoinRequest(ctx, communityID, params.UserID,
		&request{op: op, method: http.MethodPost, path: "/api/v4/communities/%s/join/reject", body: params, idempotent: true, opts: opts})
}

// answerJoinRequest sends r, a moderator's answer to the join request of userID (r's path a
// format holding communityID), whose answer is {success}.
func (s *CommunitiesService) answerJoinRequest(ctx context.Context, communityID, userID string, r *request) error {
	if err := required(r.op, "UserID", userID); err != nil {
		return err
	}
	if err := r.setPath(communityPath, communityID); err != nil {
		return err
	}
	return s.c.do(ctx, r, nil)
}
