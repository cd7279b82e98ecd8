package amity

// This file holds the RSVPs of events (who is going, who is interested); events.go the events.

import (
	"context"
	"iter"
	"net/http"
)

// EventRSVP is one user's answer to an event (an "event response").
type EventRSVP struct {
	// EventID is the event answered.
	EventID string `json:"eventId"`
	// UserID is the user's public ID; UserInternalID and UserPublicID are its two forms.
	UserID         string `json:"userId,omitempty"`
	UserInternalID string `json:"userInternalId,omitempty"`
	UserPublicID   string `json:"userPublicId,omitempty"`
	// Status is going, interested or not_going.
	Status EventRSVPStatus `json:"status,omitempty"`
	// RespondedAt is when the user answered.
	RespondedAt Time `json:"respondedAt"`
	CreatedAt   Time `json:"createdAt"`
	UpdatedAt   Time `json:"updatedAt"`
	// Event and User are the event and the user, resolved from the answer's sideloads by
	// the calls that answer RSVPs (nil when the answer did not include them).
	Event *Event `json:"-"`
	User  *User  `json:"-"`
}

// EventRSVPPayload is the answer of the RSVP calls: the RSVPs, their events and users, and
// the cursors of a listing. Each RSVP's Event and User are resolved from the sideloads.
type EventRSVPPayload struct {
	rawJSON
	// RSVPs are the answers (the API's eventResponses).
	RSVPs []EventRSVP `json:"eventResponses"`
	// Events are the events answered (see Event, EventByID).
	Events []Event `json:"events"`
	// Users are the users who answered (see UserByID); Files the files they refer to.
	Users []User `json:"users"`
	Files []File `json:"files"`
	// Paging holds the cursors of a listing.
	Paging Paging `json:"paging"`
}

func (p *EventRSVPPayload) pageItems() []EventRSVP { return p.RSVPs }
func (p *EventRSVPPayload) pageInfo() Paging       { return p.Paging }

// RSVP returns the payload's first RSVP (the one a create, update or GetMyRSVP is about), or
// nil: GetMyRSVP answers none when the caller has not answered.
func (p *EventRSVPPayload) RSVP() *EventRSVP { return firstOf(p.RSVPs) }

// Event returns the payload's first event (the event of an RSVP call on one event), or nil.
func (p *EventRSVPPayload) Event() *Event { return firstOf(p.Events) }

// EventByID returns the sideloaded event with the given ID, or nil.
func (p *EventRSVPPayload) EventByID(eventID string) *Event {
	return byID(p.Events, eventID, func(e *Event) string { return e.EventID })
}

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *EventRSVPPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// resolve fills in each RSVP's Event and User from the sideloads.
func (p *EventRSVPPayload) resolve() {
	for i := range p.RSVPs {
		r := &p.RSVPs[i]
		r.Event = p.EventByID(r.EventID)
		r.User = findUserOf(p.Users, r.UserID, r.UserPublicID, r.UserInternalID)
	}
}

// ListMyRSVPsParams filters and pages Events.ListMyRSVPs. The zero value lists every answer.
type ListMyRSVPsParams struct {
	PageParams
	// Statuses lists the answers of these statuses only (status[]); empty lists all.
	Statuses []EventRSVPStatus
	// Before and After are cursors (options[before], options[after]).
	Before string
	After  string
}

func (p *ListMyRSVPsParams) query(op string) (query, error) {
	p = orZero(p)
	q, err := p.PageParams.optionsQuery(op, 0)
	if err != nil {
		return nil, err
	}
	enums(q, "status", p.Statuses)
	q.str("options[before]", p.Before)
	q.str("options[after]", p.After)
	return q, nil
}

// ListMyRSVPs returns an iterator over the calling user's RSVPs, each with its event (the
// events the user answered), fetching pages as it goes. GET /api/v1/events/me/rsvp. Call it
// on a view from Client.AsUser.
func (s *EventsService) ListMyRSVPs(ctx context.Context, params *ListMyRSVPsParams, opts ...CallOption) iter.Seq2[EventRSVP, error] {
	return listAll(ctx, params, opts, s.ListMyRSVPsPage)
}

// ListMyRSVPsPages returns an iterator over the pages of ListMyRSVPs.
// GET /api/v1/events/me/rsvp.
func (s *EventsService) ListMyRSVPsPages(ctx context.Context, params *ListMyRSVPsParams, opts ...CallOption) iter.Seq2[*EventRSVPPayload, error] {
	return pages(ctx, params, opts, s.ListMyRSVPsPage)
}

// ListMyRSVPsPage returns one page of the calling user's RSVPs with their events and the
// page's cursors. GET /api/v1/events/me/rsvp (the API's clients call /me/rsvps:
// docs/wire-notes.md).
func (s *EventsService) ListMyRSVPsPage(ctx context.Context, params *ListMyRSVPsParams, opts ...CallOption) (*EventRSVPPayload, error) {
	const op = "Events.ListMyRSVPsPage"
	page, err := listPage[EventRSVPPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/events/me/rsvp", opts: opts}, params)
	if err != nil {
		return nil, err
	}
	page.resolve()
	return page, nil
}

// GetMyRSVP returns the calling user's answer to an event, with the event: RSVP() is nil
// when the user has not answered. GET /api/v1/events/{eventId}/me/rsvp.
func (s *EventsService) GetMyRSVP(ctx context.Context, eventID string, opts ...CallOption) (*EventRSVPPayload, error) {
	const op = "Events.GetMyRSVP"
	return rsvpCall(ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/events/%s/me/rsvp", opts: opts}, eventID, false)
}

// ListEventRSVPsParams filters and pages Events.ListRSVPs. The zero value lists every answer.
type ListEventRSVPsParams struct {
	PageParams
	// Status lists the answers of one status only; empty lists all.
	Status EventRSVPStatus
	// Before and After are cursors (options[before], options[after]).
	Before string
	After  string
}

func (p *ListEventRSVPsParams) query(op string) (query, error) {
	p = orZero(p)
	q, err := p.PageParams.optionsQuery(op, 0)
	if err != nil {
		return nil, err
	}
	q.str("status", string(p.Status))
	q.str("options[before]", p.Before)
	q.str("options[after]", p.After)
	return q, nil
}

// ListRSVPs returns an iterator over the answers to an event (its attendees), each with its
// user, fetching pages as it goes. GET /api/v1/events/{eventId}/rsvp.
func (s *EventsService) ListRSVPs(ctx context.Context, eventID string, params *ListEventRSVPsParams, opts ...CallOption) iter.Seq2[EventRSVP, error] {
	return listAll(ctx, params, opts, pageOn(eventID, s.ListRSVPsPage))
}

// ListRSVPsPages returns an iterator over the pages of ListRSVPs.
// GET /api/v1/events/{eventId}/rsvp.
func (s *EventsService) ListRSVPsPages(ctx context.Context, eventID string, params *ListEventRSVPsParams, opts ...CallOption) iter.Seq2[*EventRSVPPayload, error] {
	return pages(ctx, params, opts, pageOn(eventID, s.ListRSVPsPage))
}

// ListRSVPsPage returns one page of the answers to an event, with the users and the event,
// and the page's cursors. GET /api/v1/events/{eventId}/rsvp.
func (s *EventsService) ListRSVPsPage(ctx context.Context, eventID string, params *ListEventRSVPsParams, opts ...CallOption) (*EventRSVPPayload, error) {
	const op = "Events.ListRSVPsPage"
	path, err := eventPath(op, "/api/v1/events/%s/rsvp", eventID)
	if err != nil {
		return nil, err
	}
	page, err := listPage[EventRSVPPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, params)
	if err != nil {
		return nil, err
	}
	page.resolve()
	return page, nil
}

// CreateEventRSVPParams is the body of Events.CreateRSVP.
type CreateEventRSVPParams struct {
	// Status (required) is going (which joins the event's discussion community), interested
	// or not_going.
	Status EventRSVPStatus `json:"status"`
}

// CreateRSVP records the calling user's first answer to an event and returns it with the
// event (and its new counts). POST /api/v1/events/{eventId}/rsvp. Call it on a view from
// Client.AsUser; change the answer with UpdateRSVP. Not retried after it may have reached the
// server (a create is not repeated).
func (s *EventsService) CreateRSVP(ctx context.Context, eventID string, params *CreateEventRSVPParams, opts ...CallOption) (*EventRSVPPayload, error) {
	const op = "Events.CreateRSVP"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := required(op, "Status", string(params.Status)); err != nil {
		return nil, err
	}
	return rsvpCall(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v1/events/%s/rsvp", body: params, opts: opts}, eventID, true)
}

// UpdateEventRSVPParams is the body of Events.UpdateRSVP.
type UpdateEventRSVPParams struct {
	// Status (required) is going, interested or not_going (leaving going leaves the event's
	// discussion community).
	Status EventRSVPStatus `json:"status"`
}

// UpdateRSVP changes the calling user's answer to an event and returns it with the event.
// PUT /api/v1/events/{eventId}/rsvp. Idempotent by construction: it sets the answer, so a
// repeat leaves the same state, and it is retried like a read.
func (s *EventsService) UpdateRSVP(ctx context.Context, eventID string, params *UpdateEventRSVPParams, opts ...CallOption) (*EventRSVPPayload, error) {
	const op = "Events.UpdateRSVP"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := required(op, "Status", string(params.Status)); err != nil {
		return nil, err
	}
	return rsvpCall(ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v1/events/%s/rsvp", body: params, idempotent: true, opts: opts}, eventID, true)
}

// eventPath is the idPath of an event (the spec bounds its ID nowhere).
var eventPath = checkedPath("eventID", func(string, string, string) error { return nil })

// eventsCall sends r and decodes an event answer holding at least one event.
func eventsCall(ctx context.Context, c *Client, r *request) (*EventPayload, error) {
	return callOne(ctx, c, r, "event", (*EventPayload).pageItems)
}

// rsvpCall sends r, an RSVP call on one event (its path a format holding eventID), and
// decodes the answer, which must hold an RSVP when must is set, and resolves it.
func rsvpCall(ctx context.Context, c *Client, r *request, eventID string, must bool) (*EventRSVPPayload, error) {
	if err := r.setPath(eventPath, eventID); err != nil {
		return nil, err
	}
	var out *EventRSVPPayload
	var err error
	if must {
		out, err = callOne(ctx, c, r, "RSVP", (*EventRSVPPayload).pageItems)
	} else {
		out, err = call[EventRSVPPayload](ctx, c, r)
	}
	if err != nil {
		return nil, err
	}
	out.resolve()
	return out, nil
}
