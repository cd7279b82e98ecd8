package amity

import (
	"context"
	"iter"
	"net/http"
	"net/url"
)

// InvitationsService manages invitations to join a community: sending, listing, accepting,
// rejecting and cancelling them. Reach it as Client.Invitations.
type InvitationsService struct{ c *Client }

// InvitationType is the kind of an invitation.
type InvitationType string

// Invitation types.
const (
	// InvitationCommunityMember invites a user to become a member of a community.
	InvitationCommunityMember InvitationType = "communityMemberInvite"
)

// InvitationTargetType is what an invitation is to.
type InvitationTargetType string

// Invitation targets.
const (
	InvitationTargetCommunity InvitationTargetType = "community"
)

// InvitationStatus is the state of an invitation.
type InvitationStatus string

// Invitation states: pending until the invitee accepts (approved) or rejects it, or the
// inviter cancels it.
const (
	InvitationPending   InvitationStatus = "pending"
	InvitationApproved  InvitationStatus = "approved"
	InvitationRejected  InvitationStatus = "rejected"
	InvitationCancelled InvitationStatus = "cancelled"
)

// InvitationSortBy orders Invitations.List.
type InvitationSortBy string

// Invitation orders.
const (
	InvitationSortID          InvitationSortBy = "_id"
	InvitationSortCreatedAt   InvitationSortBy = "createdAt"
	InvitationSortRespondedAt InvitationSortBy = "respondedAt"
)

// InvitationSortOrder is the direction of Invitations.List's order.
type InvitationSortOrder string

// Invitation order directions.
const (
	InvitationSortAsc  InvitationSortOrder = "asc"
	InvitationSortDesc InvitationSortOrder = "desc"
)

// Invitation is an invitation of a user to a community.
type Invitation struct {
	// ID is the invitation's private ID: the one the API's clients pass to Accept, Reject
	// and Delete (docs/wire-notes.md); InvitationID is its public ID.
	ID           string `json:"_id"`
	InvitationID string `json:"invitationId"`
	NetworkID    string `json:"networkId,omitempty"`
	// Type is communityMemberInvite.
	Type InvitationType `json:"type,omitempty"`
	// TargetType and TargetID are what the invitation is to: a community.
	TargetType InvitationTargetType `json:"targetType,omitempty"`
	TargetID   string               `json:"targetId,omitempty"`
	// CommunityID is the community of a community invitation.
	CommunityID string `json:"communityId,omitempty"`
	// UserID is the invitee.
	UserID string `json:"userId,omitempty"`
	// Status is pending, approved, rejected or cancelled.
	Status InvitationStatus `json:"status,omitempty"`
	// CreatedBy is the inviter.
	CreatedBy string `json:"createdBy,omitempty"`
	// InvitedUserID is the invitee's ID; InvitedUserPublicID and InvitedUserInternalID are
	// its two forms.
	InvitedUserID         string `json:"invitedUserId,omitempty"`
	InvitedUserPublicID   string `json:"invitedUserPublicId,omitempty"`
	InvitedUserInternalID string `json:"invitedUserInternalId,omitempty"`
	// InviterUserID is the inviter's ID; InviterUserPublicID and InviterUserInternalID are
	// its two forms.
	InviterUserID         string `json:"inviterUserId,omitempty"`
	InviterUserPublicID   string `json:"inviterUserPublicId,omitempty"`
	InviterUserInternalID string `json:"inviterUserInternalId,omitempty"`
	// RespondedAt is when the invitee accepted or rejected it (zero until then).
	RespondedAt Time `json:"respondedAt"`
	CreatedAt   Time `json:"createdAt"`
	UpdatedAt   Time `json:"updatedAt"`
}

// InvitationPayload is the answer of the invitation calls: the invitations and the users they
// refer to, and the cursors of a listing.
type InvitationPayload struct {
	rawJSON
	// Invitations are the invitations created or listed.
	Invitations []Invitation `json:"invitations"`
	// Users are the invitees and inviters (see Invitee, Inviter, UserByID).
	Users []User `json:"users"`
	// Paging holds the cursors of a listing.
	Paging Paging `json:"paging"`
}

func (p *InvitationPayload) pageItems() []Invitation { return p.Invitations }
func (p *InvitationPayload) pageInfo() Paging        { return p.Paging }

// Invitation returns the payload's first invitation, or nil.
func (p *InvitationPayload) Invitation() *Invitation { return firstOf(p.Invitations) }

// InvitationByID returns the invitation with the given private or public ID, or nil.
func (p *InvitationPayload) InvitationByID(invitationID string) *Invitation {
	if inv := byID(p.Invitations, invitationID, func(i *Invitation) string { return i.ID }); inv != nil {
		return inv
	}
	return byID(p.Invitations, invitationID, func(i *Invitation) string { return i.InvitationID })
}

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *InvitationPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// Invitee returns the sideloaded user inv invites, or nil.
func (p *InvitationPayload) Invitee(inv *Invitation) *User {
	if inv == nil {
		return nil
	}
	return findUserOf(p.Users, inv.InvitedUserPublicID, inv.InvitedUserID, inv.UserID, inv.InvitedUserInternalID)
}

// Inviter returns the sideloaded user who sent inv, or nil.
func (p *InvitationPayload) Inviter(inv *Invitation) *User {
	if inv == nil {
		return nil
	}
	return findUserOf(p.Users, inv.InviterUserPublicID, inv.InviterUserID, inv.CreatedBy, inv.InviterUserInternalID)
}

// InvitationCountPayload is the answer of Invitations.Count.
type InvitationCountPayload struct {
	rawJSON
	// Count is the number of invitations matching the filters.
	Count int `json:"count"`
}

// invitationTarget is the type and target every invitation call names; empty Type and
// TargetType send the only values the spec has.
func invitationTarget(op string, q query, typ InvitationType, targetType InvitationTargetType, targetID string) error {
	if err := firstErr(required(op, "TargetID", targetID), maxLen(op, "TargetID", targetID, 900)); err != nil {
		return err
	}
	if typ == "" {
		typ = InvitationCommunityMember
	}
	if targetType == "" {
		targetType = InvitationTargetCommunity
	}
	q.str("type", string(typ))
	q.str("targetType", string(targetType))
	q.str("targetId", targetID)
	return nil
}

// CreateInvitationsParams is the body of Invitations.Create.
type CreateInvitationsParams struct {
	// Type is communityMemberInvite; empty sends it, the only type the spec has.
	Type InvitationType `json:"type"`
	// TargetType is community; empty sends it, the only target the spec has.
	TargetType InvitationTargetType `json:"targetType"`
	// TargetID (required, at most 900 characters) is the community.
	TargetID string `json:"targetId"`
	// UserIDs (required: 1 to 1,000, each 1 to 50 characters) are the users to invite.
	UserIDs []string `json:"userIds"`
}

// Create invites users to a community and returns the invitations with the users.
// POST /api/v1/invitations. The caller needs the right to add members (a moderator, or the
// admin token). Not retried after it may have reached the server (each invitation notifies
// its invitee).
func (s *InvitationsService) Create(ctx context.Context, params *CreateInvitationsParams, opts ...CallOption) (*InvitationPayload, error) {
	const op = "Invitations.Create"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		required(op, "TargetID", params.TargetID),
		maxLen(op, "TargetID", params.TargetID, 900),
		idList(op, "UserIDs", params.UserIDs, 1000, 50),
	); err != nil {
		return nil, err
	}
	body := *params
	if body.Type == "" {
		body.Type = InvitationCommunityMember
	}
	if body.TargetType == "" {
		body.TargetType = InvitationTargetCommunity
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v1/invitations", body: &body, opts: opts},
		"invitation", (*InvitationPayload).pageItems)
}

// ListInvitationsParams names the community of Invitations.List and filters, orders and
// pages its invitations.
type ListInvitationsParams struct {
	PageParams
	// Type is communityMemberInvite; empty sends it, the only type the spec has.
	Type InvitationType
	// TargetType is community; empty sends it, the only target the spec has.
	TargetType InvitationTargetType
	// TargetID (required, at most 900 characters) is the community.
	TargetID string
	// Statuses lists the invitations of these states only (statuses[]); empty lists all.
	Statuses []InvitationStatus
	// SortBy is _id, createdAt (the default) or respondedAt; Order desc (the default) or asc.
	SortBy InvitationSortBy
	Order  InvitationSortOrder
	// Before and After are invitation cursors (options[before], options[after]; each at
	// most 24 characters).
	Before string
	After  string
}

func (p *ListInvitationsParams) query(op string) (query, error) {
	if err := notNil(op, "params", p); err != nil {
		return nil, err
	}
	q, err := p.PageParams.optionsQuery(op, 1000)
	if err != nil {
		return nil, err
	}
	if err := firstErr(maxLen(op, "Before", p.Before, 24), maxLen(op, "After", p.After, 24)); err != nil {
		return nil, err
	}
	if err := invitationTarget(op, q, p.Type, p.TargetType, p.TargetID); err != nil {
		return nil, err
	}
	enums(q, "statuses", p.Statuses)
	q.str("sortBy", string(p.SortBy))
	q.str("sortOrder", string(p.Order))
	q.str("options[before]", p.Before)
	q.str("options[after]", p.After)
	return q, nil
}

// List returns an iterator over the invitations of a community, fetching pages as it goes.
// GET /api/v1/invitations.
func (s *InvitationsService) List(ctx context.Context, params *ListInvitationsParams, opts ...CallOption) iter.Seq2[Invitation, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of List. GET /api/v1/invitations.
func (s *InvitationsService) ListPages(ctx context.Context, params *ListInvitationsParams, opts ...CallOption) iter.Seq2[*InvitationPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of the invitations of a community, with their users and the
// page's cursors. GET /api/v1/invitations.
func (s *InvitationsService) ListPage(ctx context.Context, params *ListInvitationsParams, opts ...CallOption) (*InvitationPayload, error) {
	const op = "Invitations.ListPage"
	return listPage[InvitationPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/invitations", opts: opts}, params)
}

// CountInvitationsParams names the community of Invitations.Count and filters its
// invitations.
type CountInvitationsParams struct {
	// Type is communityMemberInvite; empty sends it, the only type the spec has.
	Type InvitationType
	// TargetType is community; empty sends it, the only target the spec has.
	TargetType InvitationTargetType
	// TargetID (required, at most 900 characters) is the community.
	TargetID string
	// Statuses counts the invitations of these states only (statuses[]); empty counts all.
	Statuses []InvitationStatus
}

// Count returns how many invitations of a community match params.
// GET /api/v1/invitations/count.
func (s *InvitationsService) Count(ctx context.Context, params *CountInvitationsParams, opts ...CallOption) (*InvitationCountPayload, error) {
	const op = "Invitations.Count"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	q := query{}
	if err := invitationTarget(op, q, params.Type, params.TargetType, params.TargetID); err != nil {
		return nil, err
	}
	enums(q, "statuses", params.Statuses)
	return call[InvitationCountPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/invitations/count", query: url.Values(q), opts: opts})
}

// ListMyInvitationsParams filters and pages Invitations.ListMine. The zero value lists every
// invitation of the calling user.
type ListMyInvitationsParams struct {
	PageParams
	// Type, TargetType and TargetID narrow the listing to one kind, or one target (at most
	// 900 characters).
	Type       InvitationType
	TargetType InvitationTargetType
	TargetID   string
	// Before and After are invitation cursors (options[before], options[after]; each at
	// most 24 characters).
	Before string
	After  string
}

func (p *ListMyInvitationsParams) query(op string) (query, error) {
	p = orZero(p)
	q, err := p.PageParams.optionsQuery(op, 1000)
	if err != nil {
		return nil, err
	}
	if err := firstErr(
		maxLen(op, "TargetID", p.TargetID, 900),
		maxLen(op, "Before", p.Before, 24),
		maxLen(op, "After", p.After, 24),
	); err != nil {
		return nil, err
	}
	q.str("type", string(p.Type))
	q.str("targetType", string(p.TargetType))
	q.str("targetId", p.TargetID)
	q.str("options[before]", p.Before)
	q.str("options[after]", p.After)
	return q, nil
}

// ListMine returns an iterator over the invitations the calling user received, fetching
// pages as it goes. GET /api/v1/invitations/me. Call it on a view from Client.AsUser.
func (s *InvitationsService) ListMine(ctx context.Context, params *ListMyInvitationsParams, opts ...CallOption) iter.Seq2[Invitation, error] {
	return listAll(ctx, params, opts, s.ListMinePage)
}

// ListMinePages returns an iterator over the pages of ListMine. GET /api/v1/invitations/me.
func (s *InvitationsService) ListMinePages(ctx context.Context, params *ListMyInvitationsParams, opts ...CallOption) iter.Seq2[*InvitationPayload, error] {
	return pages(ctx, params, opts, s.ListMinePage)
}

// ListMinePage returns one page of the invitations the calling user received, with their
// users and the page's cursors. GET /api/v1/invitations/me.
func (s *InvitationsService) ListMinePage(ctx context.Context, params *ListMyInvitationsParams, opts ...CallOption) (*InvitationPayload, error) {
	const op = "Invitations.ListMinePage"
	return listPage[InvitationPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/invitations/me", opts: opts}, params)
}

// Delete cancels a pending invitation (its inviter's, or any with the right to add members).
// DELETE /api/v1/invitations/{invitationId}: pass Invitation.ID, as the API's clients do.
// Idempotent by construction (a cancelled invitation stays cancelled; a repeat may answer an
// error), so it is retried like a read. An answer of success: false is an *Error matching
// ErrUnsuccessful.
func (s *InvitationsService) Delete(ctx context.Context, invitationID string, opts ...CallOption) error {
	return s.onInvitation(ctx, invitationID, &request{op: "Invitations.Delete", method: http.MethodDelete, path: "/api/v1/invitations/%s", idempotent: true, opts: opts})
}

// Accept accepts an invitation the calling user received, which makes the user a member of
// the community. POST /api/v1/invitations/{invitationId}/accept: pass Invitation.ID, as the
// API's clients do. Call it on a view from Client.AsUser. Idempotent by construction (an
// accepted invitation stays accepted and the user a member; a repeat may answer an error), so
// it is retried like a read. An answer of success: false is an *Error matching
// ErrUnsuccessful.
func (s *InvitationsService) Accept(ctx context.Context, invitationID string, opts ...CallOption) error {
	return s.onInvitation(ctx, invitationID, &request{op: "Invitations.Accept", method: http.MethodPost, path: "/api/v1/invitations/%s/accept", idempotent: true, opts: opts})
}

// Reject rejects an invitation the calling user received.
// POST /api/v1/invitations/{invitationId}/reject: pass Invitation.ID, as the API's clients
// do. Call it on a view from Client.AsUser. Idempotent by construction (a rejected
// invitation stays rejected; a repeat may answer an error), so it is retried like a read. An
// answer of success: false is an *Error matching ErrUnsuccessful.
func (s *InvitationsService) Reject(ctx context.Context, invitationID string, opts ...CallOption) error {
	return s.onInvitation(ctx, invitationID, &request{op: "Invitations.Reject", method: http.MethodPost, path: "/api/v1/invitations/%s/reject", idempotent: true, opts: opts})
}

// ResendInvitationParams names the community of Invitations.Resend.
type ResendInvitationParams struct {
	// CommunityID (required, at most 900 characters) is the invitation's community, for the
	// permission check.
	CommunityID string
}

// Resend sends again an invitation its invitee rejected (its inviter, or one with the
// right to add members): it is pending again. POST /api/v1/invitations/{invitationId}/resend.
// Not retried after it may have reached the server (each send notifies the invitee). An
// answer of success: false is an *Error matching ErrUnsuccessful.
func (s *InvitationsService) Resend(ctx context.Context, invitationID string, params *ResendInvitationParams, opts ...CallOption) error {
	const op = "Invitations.Resend"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	if err := firstErr(required(op, "CommunityID", params.CommunityID), maxLen(op, "CommunityID", params.CommunityID, 900)); err != nil {
		return err
	}
	q := query{}
	q.str("communityId", params.CommunityID)
	return s.onInvitation(ctx, invitationID, &request{op: op, method: http.MethodPost, path: "/api/v1/invitations/%s/resend", query: url.Values(q), opts: opts})
}

// onInvitation sends r, a call on one invitation whose answer is {success}.
func (s *InvitationsService) onInvitation(ctx context.Context, invitationID string, r *request) error {
	if err := r.setPath(invitationPath, invitationID); err != nil {
		return err
	}
	return s.c.do(ctx, r, nil)
}

// invitationPath is the idPath of an invitation: an ID of at most 50 characters.
var invitationPath = maxLenPath("invitationID", 50)
