package amity

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"time"
)

// EventsService manages events (a community's or a user's, online or in person) and their
// RSVPs. Reach it as Client.Events.
type EventsService struct{ c *Client }

// EventType says whether an event is online or in person.
type EventType string

// Event types.
const (
	// EventTypeVirtual is an online event: an external URL or a livestream.
	EventTypeVirtual EventType = "virtual"
	// EventTypeInPerson is a physical event; it needs a location.
	EventTypeInPerson EventType = "in_person"
)

// EventStatus is the state of an event.
type EventStatus string

// Event states. An event is scheduled until it starts, live until it ends, then ended;
// cancelled is set by Events.Update (EventStatusCancelled, the only status it sets).
const (
	EventStatusScheduled EventStatus = "scheduled"
	EventStatusLive      EventStatus = "live"
	EventStatusEnded     EventStatus = "ended"
	EventStatusCancelled EventStatus = "cancelled"
)

// EventOriginType is what an event belongs to.
type EventOriginType string

// Event origins.
const (
	EventOriginCommunity EventOriginType = "community"
	EventOriginUser      EventOriginType = "user"
)

// EventStreamType is the kind of livestream a virtual event gets.
type EventStreamType string

// Event livestream types.
const (
	// EventStreamDirect is one broadcaster streaming directly.
	EventStreamDirect EventStreamType = "directStreaming"
	// EventStreamCoHosts is a room with co-hosts (the server's default).
	EventStreamCoHosts EventStreamType = "coHosts"
)

// EventRSVPStatus is a user's answer to an event.
type EventRSVPStatus string

// RSVP answers.
const (
	// EventRSVPGoing counts in Event.RSVPCount.
	EventRSVPGoing EventRSVPStatus = "going"
	// EventRSVPInterested counts in Event.InterestedCount.
	EventRSVPInterested EventRSVPStatus = "interested"
	EventRSVPNotGoing   EventRSVPStatus = "not_going"
)

// EventSortBy orders Events.List.
type EventSortBy string

// Event orders.
const (
	EventSortStartTime EventSortBy = "startTime"
	EventSortCreatedAt EventSortBy = "createdAt"
)

// EventOrder is the direction of Events.List's order.
type EventOrder string

// Event order directions.
const (
	EventOrderAsc  EventOrder = "asc"
	EventOrderDesc EventOrder = "desc"
)

// Event is an event of a community or a user.
type Event struct {
	// EventID is the event's ID, the one the API's paths take.
	EventID string `json:"eventId"`
	// UserID is the creator's public ID; UserInternalID and UserPublicID are its two forms.
	UserID         string `json:"userId,omitempty"`
	UserInternalID string `json:"userInternalId,omitempty"`
	UserPublicID   string `json:"userPublicId,omitempty"`
	// PublisherID is the user the event was published on behalf of, when it was; its two
	// forms follow.
	PublisherID         string `json:"publisherId,omitempty"`
	PublisherInternalID string `json:"publisherInternalId,omitempty"`
	PublisherPublicID   string `json:"publisherPublicId,omitempty"`
	// Title is 1 to 60 characters; Description at most 1,000.
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	// Type is virtual or in_person.
	Type EventType `json:"type,omitempty"`
	// Status is scheduled, live, ended or cancelled.
	Status EventStatus `json:"status,omitempty"`
	// StartTime and EndTime bound the event.
	StartTime Time `json:"startTime"`
	EndTime   Time `json:"endTime"`
	// Location is the address of an in-person event (at most 200 characters).
	Location string `json:"location,omitempty"`
	// ExternalURL is the link of a virtual event (a video call, say).
	ExternalURL string `json:"externalUrl,omitempty"`
	// CoverImageFileID is a file of the payload's Files (see EventPayload.CoverImage).
	CoverImageFileID string `json:"coverImageFileId,omitempty"`
	// OriginType and OriginID are what the event belongs to: a community, or a user.
	OriginID   string          `json:"originId,omitempty"`
	OriginType EventOriginType `json:"originType,omitempty"`
	// DiscussionCommunityID is the event's discussion community, which going joins.
	DiscussionCommunityID string `json:"discussionCommunityId,omitempty"`
	// PostID is the livestream post of a virtual event (none for an in-person one).
	PostID string `json:"postId,omitempty"`
	// Path is the event's place in the hierarchy (real-time events).
	Path string `json:"path,omitempty"`
	// IsOriginPublic reports whether the origin community is public.
	IsOriginPublic bool `json:"isOriginPublic,omitempty"`
	// RSVPCount is how many users are going; InterestedCount how many are interested.
	RSVPCount       int `json:"rsvpCount,omitempty"`
	InterestedCount int `json:"interestedCount,omitempty"`
	// Tags categorise the event (at most 10, each at most 100 characters).
	Tags []string `json:"tags,omitempty"`
	// Metadata is free-form JSON.
	Metadata  RawJSON `json:"metadata,omitempty"`
	IsDeleted bool    `json:"isDeleted,omitempty"`
	CreatedAt Time    `json:"createdAt"`
	UpdatedAt Time    `json:"updatedAt"`
}

// EventPayload is the answer of the event calls: the events, the caller's RSVPs to them
// (Events.Get), and the users, files, communities, livestream posts and rooms they refer to.
type EventPayload struct {
	rawJSON
	// Events are the events asked for (one for a create, get or update).
	Events []Event `json:"events"`
	// RSVPs are the caller's answers to the events (the API's eventResponses), when it has
	// answered: see MyRSVP.
	RSVPs []EventRSVP `json:"eventResponses"`
	// Users are the creators (see Creator, UserByID); Files the cover images (CoverImage).
	Users []User `json:"users"`
	Files []File `json:"files"`
	// Communities are the origin communities (see Community).
	Communities []Community `json:"communities"`
	// Posts are the livestream posts of virtual events (see Post).
	Posts []Post `json:"posts"`
	// Rooms are the livestream rooms of virtual events (see Room).
	Rooms []Room `json:"rooms"`
	// Paging holds the cursors of a listing.
	Paging Paging `json:"paging"`
}

func (p *EventPayload) pageItems() []Event { return p.Events }
func (p *EventPayload) pageInfo() Paging   { return p.Paging }

// Event returns the payload's first event (the one a call about a single event is about), or
// nil.
func (p *EventPayload) Event() *Event { return firstOf(p.Events) }

// EventByID returns the event with the given ID, or nil.
func (p *EventPayload) EventByID(eventID string) *Event {
	return byID(p.Events, eventID, func(e *Event) string { return e.EventID })
}

// RoomByID returns the sideloaded livestream room with the given public or internal ID, or
// nil.
func (p *EventPayload) RoomByID(roomID string) *Room { return findRoom(roomID, p.Rooms) }

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *EventPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// Creator returns the sideloaded user who created ev, or nil.
func (p *EventPayload) Creator(ev *Event) *User {
	if ev == nil {
		return nil
	}
	return findUserOf(p.Users, ev.UserID, ev.UserPublicID, ev.UserInternalID)
}

// CoverImage returns the sideloaded cover image of ev, or nil.
func (p *EventPayload) CoverImage(ev *Event) *File {
	if ev == nil || ev.CoverImageFileID == "" {
		return nil
	}
	return findFile(p.Files, ev.CoverImageFileID)
}

// Community returns the sideloaded community ev belongs to (its origin, when it is a
// community), or nil.
func (p *EventPayload) Community(ev *Event) *Community {
	if ev == nil || ev.OriginType == EventOriginUser {
		return nil
	}
	return byID(p.Communities, ev.OriginID, communityKey)
}

// Post returns the sideloaded livestream post of ev, or nil.
func (p *EventPayload) Post(ev *Event) *Post {
	if ev == nil {
		return nil
	}
	return byID(p.Posts, ev.PostID, func(x *Post) string { return x.PostID })
}

// MyRSVP returns the caller's answer to ev when the payload carries it (Events.Get), or nil.
func (p *EventPayload) MyRSVP(ev *Event) *EventRSVP {
	if ev == nil {
		return nil
	}
	return byID(p.RSVPs, ev.EventID, func(r *EventRSVP) string { return r.EventID })
}

// EventCountPayload is the answer of Events.Count.
type EventCountPayload struct {
	rawJSON
	// Count is the number of events matching the filters.
	Count int `json:"count"`
}

// CreateEventParams is the body of Events.Create.
type CreateEventParams struct {
	// Title (required) is 1 to 60 characters.
	Title string `json:"title"`
	// Description is at most 1,000 characters.
	Description string `json:"description,omitempty"`
	// Type (required) is virtual or in_person.
	Type EventType `json:"type"`
	// StreamType is the livestream of a virtual event; empty leaves it to the server
	// (coHosts).
	StreamType EventStreamType `json:"streamType,omitempty"`
	// StartTime and EndTime (required) bound the event: the start in the future, the end
	// after it.
	StartTime time.Time `json:"startTime"`
	EndTime   time.Time `json:"endTime"`
	// Location (at most 200 characters) is required for an in-person event.
	Location string `json:"location,omitempty"`
	// ExternalURL is the link of a virtual event.
	ExternalURL string `json:"externalUrl,omitempty"`
	// CoverImageFileID is an uploaded image.
	CoverImageFileID string `json:"coverImageFileId,omitempty"`
	// OriginType is community or user; empty sends community, the spec's default.
	OriginType EventOriginType `json:"originType"`
	// OriginID (required) is the community (or, for a user event, the user) the event
	// belongs to. Only a community's members may create events in it.
	OriginID string `json:"originId"`
	// Tags are at most 5, each at most 100 characters.
	Tags []string `json:"tags,omitempty"`
	// IsLocationVisible hides the location from non-attendees when false; nil leaves the
	// server's default (true).
	IsLocationVisible *bool `json:"isLocationVisible,omitempty"`
	// LiveChatEnabled turns the live chat of a virtual event's livestream off when false;
	// nil leaves the server's default (true).
	LiveChatEnabled *bool `json:"liveChatEnabled,omitempty"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
}

func (p *CreateEventParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	if err := firstErr(
		required(op, "Title", p.Title),
		maxLen(op, "Title", p.Title, 60),
		maxLen(op, "Description", p.Description, 1000),
		required(op, "Type", string(p.Type)),
		maxLen(op, "Location", p.Location, 200),
		required(op, "OriginID", p.OriginID),
		stringList(op, "Tags", p.Tags, 5, 1, 100),
	); err != nil {
		return err
	}
	if p.Type == EventTypeInPerson {
		if err := required(op, "Location", p.Location); err != nil {
			return &ValidationError{Op: op, Field: "Location", Reason: "is required for an in-person event"}
		}
	}
	return eventTimes(op, &p.StartTime, &p.EndTime, true)
}

// eventTimes checks an event's start and end: both set when required, and the end after the
// start when both are.
func eventTimes(op string, start, end *time.Time, required bool) error {
	if required {
		if start.IsZero() {
			return &ValidationError{Op: op, Field: "StartTime", Reason: "is required"}
		}
		if end.IsZero() {
			return &ValidationError{Op: op, Field: "EndTime", Reason: "is required"}
		}
	}
	if start != nil && end != nil && !start.IsZero() && !end.IsZero() && !end.After(*start) {
		return &ValidationError{Op: op, Field: "EndTime", Reason: "must be after StartTime"}
	}
	return nil
}

// Create creates an event and returns it with its sideloads. POST /api/v1/events. Not
// retried after it may have reached the server (a repeat would create a second event).
func (s *EventsService) Create(ctx context.Context, params *CreateEventParams, opts ...CallOption) (*EventPayload, error) {
	const op = "Events.Create"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	body := *params
	if body.OriginType == "" {
		body.OriginType = EventOriginCommunity
	}
	return eventsCall(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v1/events", body: &body, opts: opts})
}

// Get returns an event with its sideloads and the caller's RSVP (see EventPayload.MyRSVP).
// GET /api/v1/events/{eventId}. The events of a private community are found by its members
// and the creator only.
func (s *EventsService) Get(ctx context.Context, eventID string, opts ...CallOption) (*EventPayload, error) {
	const op = "Events.Get"
	return callOneOn(ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/events/%s", opts: opts},
		eventPath, eventID, "event", (*EventPayload).pageItems)
}

// UpdateEventParams changes an event (its creator's, or any with the admin token). Nil and
// empty fields are left as they are.
type UpdateEventParams struct {
	// Title is 1 to 60 characters.
	Title *string `json:"title,omitempty"`
	// Description is 1 to 1,000 characters.
	Description *string `json:"description,omitempty"`
	// Type is virtual or in_person.
	Type EventType `json:"type,omitempty"`
	// StreamType is the livestream of a virtual event.
	StreamType EventStreamType `json:"streamType,omitempty"`
	// StartTime (in the future) and EndTime (after the start) move the event.
	StartTime *time.Time `json:"startTime,omitempty"`
	EndTime   *time.Time `json:"endTime,omitempty"`
	// Location is at most 200 characters.
	Location *string `json:"location,omitempty"`
	// ExternalURL and CoverImageFileID are cleared by Ptr("").
	ExternalURL      *string `json:"externalUrl,omitempty"`
	CoverImageFileID *string `json:"coverImageFileId,omitempty"`
	// Tags replaces the tags (at most 10, each at most 100 characters).
	Tags []string `json:"tags,omitempty"`
	// Status cancelled (EventStatusCancelled) cancels the event and its reminders; it is the
	// only status the API sets.
	Status EventStatus `json:"status,omitempty"`
	// Metadata replaces the metadata.
	Metadata map[string]any `json:"metadata,omitempty"`
}

func (p *UpdateEventParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	checks := []error{
		maxLenPtr(op, "Title", p.Title, 60),
		maxLenPtr(op, "Description", p.Description, 1000),
		maxLenPtr(op, "Location", p.Location, 200),
		stringList(op, "Tags", p.Tags, 10, 1, 100),
	}
	if p.Title != nil {
		checks = append(checks, required(op, "Title", *p.Title))
	}
	if p.Description != nil {
		checks = append(checks, required(op, "Description", *p.Description))
	}
	if err := firstErr(checks...); err != nil {
		return err
	}
	return eventTimes(op, p.StartTime, p.EndTime, false)
}

// Update changes an event and returns it with its sideloads. PUT /api/v1/events/{eventId}.
// Idempotent by construction: it sets the given fields to the given values (cancelling a
// cancelled event leaves it cancelled), so a repeat leaves the same state, and it is retried
// like a read.
func (s *EventsService) Update(ctx context.Context, eventID string, params *UpdateEventParams, opts ...CallOption) (*EventPayload, error) {
	const op = "Events.Update"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return callOneOn(ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v1/events/%s", body: params, idempotent: true, opts: opts},
		eventPath, eventID, "event", (*EventPayload).pageItems)
}

// Delete deletes an event (soft: it is kept as deleted) and its reminders.
// DELETE /api/v1/events/{eventId}. Idempotent by construction (a deleted event stays
// deleted; a repeat may answer ErrNotFound), so it is retried like a read. An answer of
// success: false is an *Error matching ErrUnsuccessful.
func (s *EventsService) Delete(ctx context.Context, eventID string, opts ...CallOption) error {
	const op = "Events.Delete"
	r := &request{op: op, method: http.MethodDelete, path: "/api/v1/events/%s", idempotent: true, opts: opts}
	if err := r.setPath(eventPath, eventID); err != nil {
		return err
	}
	return s.c.do(ctx, r, nil)
}

// EventFilter is the filters Events.List and Events.Count share. The zero value filters
// nothing (but see Status).
type EventFilter struct {
	// OriginType is community or user; empty leaves it to the server (community).
	OriginType EventOriginType
	// OriginID is the community (or user) whose events to list.
	OriginID string
	// UserID lists the events a user created (admin, or the user themselves).
	UserID string
	// ExcludeOwnEvents leaves out the events the caller created.
	ExcludeOwnEvents *bool
	// Status is scheduled, live, ended or cancelled. Empty lists every status for the admin
	// token and scheduled events only for a user.
	Status EventStatus
	// Type is virtual or in_person.
	Type EventType
	// Tags lists events with one of these tags (at most 5, each at most 100 characters).
	Tags []string
	// StartTimeGte and StartTimeLte bound the start time (zero: unbounded).
	StartTimeGte time.Time
	StartTimeLte time.Time
}

// query checks the filter and adds it to q.
func (f *EventFilter) query(op string, q query) error {
	if err := stringList(op, "Tags", f.Tags, 5, 1, 100); err != nil {
		return err
	}
	if !f.StartTimeGte.IsZero() && !f.StartTimeLte.IsZero() && f.StartTimeLte.Before(f.StartTimeGte) {
		return &ValidationError{Op: op, Field: "StartTimeLte", Reason: "must not be before StartTimeGte"}
	}
	q.str("originType", string(f.OriginType))
	q.str("originId", f.OriginID)
	q.str("userId", f.UserID)
	q.boolean("excludeOwnEvents", f.ExcludeOwnEvents)
	q.str("status", string(f.Status))
	q.str("type", string(f.Type))
	q.list("tags", f.Tags)
	if !f.StartTimeGte.IsZero() {
		q.str("startTimeGte", f.StartTimeGte.UTC().Format(time.RFC3339Nano))
	}
	if !f.StartTimeLte.IsZero() {
		q.str("startTimeLte", f.StartTimeLte.UTC().Format(time.RFC3339Nano))
	}
	return nil
}

// ListEventsParams filters, orders and pages Events.List. The zero value lists the events the
// caller may see (scheduled ones only for a user: see EventFilter.Status).
type ListEventsParams struct {
	PageParams
	EventFilter
	// OnlyAttendee lists only the events UserID (required with it) hosts or answered going
	// or interested.
	OnlyAttendee *bool
	// SortBy is startTime (the default) or createdAt; Order asc (the default) or desc.
	SortBy EventSortBy
	Order  EventOrder
	// Before and After are cursors (options[before], options[after]).
	Before string
	After  string
}

func (p *ListEventsParams) query(op string) (query, error) {
	p = orZero(p)
	q, err := p.PageParams.optionsQuery(op, 0)
	if err != nil {
		return nil, err
	}
	if err := p.EventFilter.query(op, q); err != nil {
		return nil, err
	}
	if p.OnlyAttendee != nil && *p.OnlyAttendee && p.UserID == "" {
		return nil, &ValidationError{Op: op, Field: "OnlyAttendee", Reason: "needs UserID"}
	}
	q.boolean("onlyAttendee", p.OnlyAttendee)
	q.str("sortBy", string(p.SortBy))
	q.str("orderBy", string(p.Order))
	q.str("options[before]", p.Before)
	q.str("options[after]", p.After)
	return q, nil
}

// List returns an iterator over the events matching params, fetching pages as it goes.
// GET /api/v1/events. The events of private communities are listed for their members only.
func (s *EventsService) List(ctx context.Context, params *ListEventsParams, opts ...CallOption) iter.Seq2[Event, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of List, each with its sideloads.
// GET /api/v1/events.
func (s *EventsService) ListPages(ctx context.Context, params *ListEventsParams, opts ...CallOption) iter.Seq2[*EventPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of the events matching params, with their sideloads and the
// page's cursors. GET /api/v1/events.
func (s *EventsService) ListPage(ctx context.Context, params *ListEventsParams, opts ...CallOption) (*EventPayload, error) {
	const op = "Events.ListPage"
	return listPage[EventPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/events", opts: opts}, params)
}

// CountEventsParams filters Events.Count. The zero value counts every event.
type CountEventsParams struct {
	EventFilter
}

// Count returns how many events match params (admin only: a user's call answers
// ErrForbidden). GET /api/v1/events/count.
func (s *EventsService) Count(ctx context.Context, params *CountEventsParams, opts ...CallOption) (*EventCountPayload, error) {
	const op = "Events.Count"
	params = orZero(params)
	q := query{}
	if err := params.EventFilter.query(op, q); err != nil {
		return nil, err
	}
	return call[EventCountPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/events/count", query: url.Values(q), opts: opts})
}
