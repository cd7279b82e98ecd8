package amitytest

import (
	"strings"
	"time"
)

// socialEvent is an event of a community or a user, with its RSVPs.
type socialEvent struct {
	id                string
	creatorID         string
	title             string
	description       string
	kind              string // virtual or in_person
	streamType        string
	start, end        time.Time
	location          string
	externalURL       string
	coverImageFileID  string
	originType        string // community or user
	originID          string
	tags              []string
	metadata          map[string]any
	isLocationVisible bool
	liveChatEnabled   bool
	cancelled         bool
	deleted           bool
	rsvps             map[string]*eventRSVP // by user ID
	createdAt         time.Time
	updatedAt         time.Time
	seq               int64
}

// eventRSVP is one user's answer to an event.
type eventRSVP struct {
	userID      string
	status      string // going, interested or not_going
	respondedAt time.Time
	createdAt   time.Time
	seq         int64
}

// eventStore holds the events, by ID.
type eventStore struct {
	byID map[string]*socialEvent
}

// eventStore returns the events, made on first use.
func (st *state) eventStore() *eventStore {
	if st.events == nil {
		st.events = &eventStore{byID: map[string]*socialEvent{}}
	}
	return st.events
}

// status is the event's state at now: cancelled, else scheduled before its start, live until
// its end, then ended.
func (ev *socialEvent) status(now time.Time) string {
	switch {
	case ev.cancelled:
		return "cancelled"
	case now.Before(ev.start):
		return "scheduled"
	case now.Before(ev.end):
		return "live"
	}
	return "ended"
}

// counts returns how many users are going and how many are interested.
func (ev *socialEvent) counts() (going, interested int) {
	for _, r := range ev.rsvps {
		switch r.status {
		case "going":
			going++
		case "interested":
			interested++
		}
	}
	return going, interested
}

type eventJSON struct {
	EventID          string         `json:"eventId"`
	UserID           string         `json:"userId"`
	UserInternalID   string         `json:"userInternalId"`
	UserPublicID     string         `json:"userPublicId"`
	Title            string         `json:"title"`
	Description      string         `json:"description,omitempty"`
	Type             string         `json:"type"`
	Status           string         `json:"status"`
	StartTime        string         `json:"startTime"`
	EndTime          string         `json:"endTime"`
	Location         string         `json:"location,omitempty"`
	ExternalURL      string         `json:"externalUrl,omitempty"`
	CoverImageFileID string         `json:"coverImageFileId,omitempty"`
	OriginID         string         `json:"originId"`
	OriginType       string         `json:"originType"`
	Path             string         `json:"path"`
	IsOriginPublic   bool           `json:"isOriginPublic"`
	RSVPCount        int            `json:"rsvpCount"`
	InterestedCount  int            `json:"interestedCount"`
	Tags             []string       `json:"tags"`
	Metadata         map[string]any `json:"metadata"`
	IsDeleted        bool           `json:"isDeleted"`
	CreatedAt        string         `json:"createdAt"`
	UpdatedAt        string         `json:"updatedAt"`
}

type rsvpJSON struct {
	EventID        string `json:"eventId"`
	UserID         string `json:"userId"`
	UserInternalID string `json:"userInternalId"`
	UserPublicID   string `json:"userPublicId"`
	Status         string `json:"status"`
	RespondedAt    string `json:"respondedAt"`
	CreatedAt      string `json:"createdAt"`
	UpdatedAt      string `json:"updatedAt"`
}

// eventsResponse is the answer of the event calls; EventResponses is left out where the spec
// has none (nil) and sent as a list where it has (Get).
type eventsResponse struct {
	Events         []eventJSON         `json:"events"`
	EventResponses *[]rsvpJSON         `json:"eventResponses,omitempty"`
	Users          []userJSON          `json:"users"`
	Files          []fileJSON          `json:"files"`
	Communities    []communityJSON     `json:"communities"`
	Posts          []any               `json:"posts"`
	Rooms          []any               `json:"rooms"`
	Paging         *pagingNextPrevious `json:"paging,omitempty"`
}

// rsvpsResponse is the answer of the RSVP calls.
type rsvpsResponse struct {
	Events         []eventJSON         `json:"events"`
	EventResponses []rsvpJSON          `json:"eventResponses"`
	Users          []userJSON          `json:"users"`
	Files          []fileJSON          `json:"files"`
	Paging         *pagingNextPrevious `json:"paging,omitempty"`
}

func (c *request) internalIDOf(userID string) string {
	if u := c.st.users[userID]; u != nil {
		return u.internalID
	}
	return ""
}

func (c *request) eventJSON(ev *socialEvent) eventJSON {
	going, interested := ev.counts()
	public := true
	if cm := c.st.communities[ev.originID]; ev.originType == "community" && cm != nil {
		public = cm.isPublic
	}
	return eventJSON{
		EventID: ev.id, UserID: ev.creatorID, UserInternalID: c.internalIDOf(ev.creatorID), UserPublicID: ev.creatorID,
		Title: ev.title, Description: ev.description, Type: ev.kind, Status: ev.status(c.now()),
		StartTime: ts(ev.start), EndTime: ts(ev.end), Location: ev.location, ExternalURL: ev.externalURL,
		CoverImageFileID: ev.coverImageFileID, OriginID: ev.originID, OriginType: ev.originType,
		Path: networkID + "/" + ev.originType + "/" + ev.originID + "/event/" + ev.id, IsOriginPublic: public,
		RSVPCount: going, InterestedCount: interested, Tags: nonNil(append([]string(nil), ev.tags...)),
		Metadata: obj(ev.metadata), IsDeleted: ev.deleted, CreatedAt: ts(ev.createdAt), UpdatedAt: ts(ev.updatedAt),
	}
}

func (c *request) rsvpJSON(ev *socialEvent, r *eventRSVP) rsvpJSON {
	return rsvpJSON{
		EventID: ev.id, UserID: r.userID, UserInternalID: c.internalIDOf(r.userID), UserPublicID: r.userID,
		Status: r.status, RespondedAt: ts(r.respondedAt), CreatedAt: ts(r.createdAt), UpdatedAt: ts(r.respondedAt),
	}
}

// eventsBody renders events with their creators, cover images and origin communities; with
// mine, the caller's RSVPs to them as eventResponses.
func (c *request) eventsBody(list []*socialEvent, mine bool) eventsResponse {
	b := c.sideload()
	cb := c.newCommunityBundle(b)
	out := eventsResponse{Events: []eventJSON{}, Posts: []any{}, Rooms: []any{}}
	var rsvps []rsvpJSON
	for _, ev := range list {
		out.Events = append(out.Events, c.eventJSON(ev))
		b.addUser(ev.creatorID)
		b.addFile(ev.coverImageFileID)
		if cm := c.st.communities[ev.originID]; ev.originType == "community" && cm != nil {
			cb.add(cm)
		}
		if r := ev.rsvps[c.identity]; mine && r != nil {
			rsvps = append(rsvps, c.rsvpJSON(ev, r))
		}
	}
	if mine {
		rsvps = nonNil(rsvps)
		out.EventResponses = &rsvps
	}
	out.Users, out.Files, out.Communities = b.users(), b.files(), cb.communities()
	return out
}

// rsvpsBody renders RSVPs (each with its event) and their users.
func (c *request) rsvpsBody(items []rsvpOf) rsvpsResponse {
	b := c.sideload()
	out := rsvpsResponse{Events: []eventJSON{}, EventResponses: []rsvpJSON{}}
	var seen orderedSet
	for _, it := range items {
		out.EventResponses = append(out.EventResponses, c.rsvpJSON(it.ev, it.r))
		b.addUser(it.r.userID)
		if seen.add(it.ev.id) {
			out.Events = append(out.Events, c.eventJSON(it.ev))
		}
	}
	out.Users, out.Files = b.users(), b.files()
	return out
}

// rsvpOf is an RSVP and its event.
type rsvpOf struct {
	ev *socialEvent
	r  *eventRSVP
}

// canSeeEvent reports whether the caller may see ev: the admin, its creator, anyone for a
// user's event or one of a public community, and the members of a private community.
func (c *request) canSeeEvent(ev *socialEvent) bool {
	if c.isAdmin || ev.creatorID == c.identity || ev.originType != "community" {
		return true
	}
	cm := c.st.communities[ev.originID]
	return cm == nil || cm.isPublic || cm.isMember(c.identity)
}

// liveEvent finds an event the caller may see; a deleted one is not found.
func (c *request) liveEvent(id string) (*socialEvent, error) {
	ev := c.st.eventStore().byID[id]
	if ev == nil || ev.deleted {
		return nil, errNotFound("Event not found.")
	}
	if !c.canSeeEvent(ev) {
		return nil, errForbidden("You are not allowed to see this event.")
	}
	return ev, nil
}

// ownEvent is liveEvent for its creator's (or the admin's) writes.
func (c *request) ownEvent(id string) (*socialEvent, error) {
	ev, err := c.liveEvent(id)
	if err != nil {
		return nil, err
	}
	if !c.isAdmin && ev.creatorID != c.identity {
		return nil, errPermission("Only the creator of the event can do this.")
	}
	return ev, nil
}

// eventRequest is the body of an event create or update.
type eventRequest struct {
	Title             *string         `json:"title"`
	Description       *string         `json:"description"`
	Type              *string         `json:"type"`
	StreamType        *string         `json:"streamType"`
	StartTime         *string         `json:"startTime"`
	EndTime           *string         `json:"endTime"`
	Location          *string         `json:"location"`
	ExternalURL       *string         `json:"externalUrl"`
	CoverImageFileID  *string         `json:"coverImageFileId"`
	OriginType        string          `json:"originType"`
	OriginID          string          `json:"originId"`
	Tags              *[]string       `json:"tags"`
	IsLocationVisible *bool           `json:"isLocationVisible"`
	LiveChatEnabled   *bool           `json:"liveChatEnabled"`
	Status            *string         `json:"status"`
	Metadata          *map[string]any `json:"metadata"`
}

// parseTime reads a date-time body field or parameter.
func parseTime(name, v string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, errBadRequest("Parameters validation error: %s must be a date-time", name)
	}
	return t.UTC(), nil
}

// apply checks the request's fields and copies them onto ev (maxTags: the create's 5 or the
// update's 10).
func (req *eventRequest) apply(c *request, ev *socialEvent, maxTags int) error {
	if req.Title != nil {
		if strings.TrimSpace(*req.Title) == "" {
			return errBadRequest("Parameters validation error: title must not be empty")
		}
		if err := maxLen("title", *req.Title, 60); err != nil {
			return err
		}
	}
	if req.Description != nil {
		if err := maxLen("description", *req.Description, 1000); err != nil {
			return err
		}
	}
	if req.Type != nil {
		if err := enum("type", *req.Type, "virtual", "in_person"); err != nil {
			return err
		}
	}
	if req.StreamType != nil {
		if err := enum("streamType", *req.StreamType, "directStreaming", "coHosts"); err != nil {
			return err
		}
	}
	if req.Location != nil {
		if err := maxLen("location", *req.Location, 200); err != nil {
			return err
		}
	}
	if req.Tags != nil {
		if len(*req.Tags) > maxTags {
			return errBadRequest("Parameters validation error: at most %d tags", maxTags)
		}
		for _, t := range *req.Tags {
			if err := maxLen("tags", t, 100); err != nil {
				return err
			}
		}
	}
	if err := c.st.checkAvatar(req.CoverImageFileID); err != nil {
		return err
	}
	texts := []string{}
	for _, s := range []*string{req.Title, req.Description} {
		if s != nil {
			texts = append(texts, *s)
		}
	}
	if err := c.st.checkText(texts...); err != nil {
		return err
	}
	start, end := ev.start, ev.end
	if req.StartTime != nil {
		t, err := parseTime("startTime", *req.StartTime)
		if err != nil {
			return err
		}
		if !t.After(c.now()) {
			return errBadRequest("Start time must be in the future")
		}
		start = t
	}
	if req.EndTime != nil {
		t, err := parseTime("endTime", *req.EndTime)
		if err != nil {
			return err
		}
		end = t
	}
	if !end.After(start) {
		return errBadRequest("End time must be after start time")
	}
	kind, location := ev.kind, ev.location
	setOpt(&kind, req.Type)
	setOpt(&location, req.Location)
	if kind == "in_person" && strings.TrimSpace(location) == "" {
		return errBadRequest("Location is required for in-person events")
	}
	ev.start, ev.end, ev.kind, ev.location = start, end, kind, location
	setOpt(&ev.title, req.Title)
	setOpt(&ev.description, req.Description)
	setOpt(&ev.streamType, req.StreamType)
	setOpt(&ev.externalURL, req.ExternalURL)
	setOpt(&ev.coverImageFileID, req.CoverImageFileID)
	setOptWith(&ev.tags, req.Tags, uniq)
	setOpt(&ev.isLocationVisible, req.IsLocationVisible)
	setOpt(&ev.liveChatEnabled, req.LiveChatEnabled)
	setOptWith(&ev.metadata, req.Metadata, obj)
	return nil
}

// routesEvents registers the event and RSVP operations.
func (s *Server) routesEvents() {
	s.route("POST /api/v1/events", authUser, s.createEvent)
	s.route("GET /api/v1/events", authUser, func(c *request) error { return s.queryEvents(c, false) })
	s.route("GET /api/v1/events/count", authAdmin, func(c *request) error { return s.queryEvents(c, true) })
	s.route("GET /api/v1/events/me/rsvp", authUser, s.myRSVPs)
	s.route("GET /api/v1/events/{eventId}", authUser, func(c *request) error {
		ev, err := c.liveEvent(c.path("eventId"))
		if err != nil {
			return err
		}
		return c.ok(c.eventsBody([]*socialEvent{ev}, true))
	})
	s.route("PUT /api/v1/events/{eventId}", authUser, func(c *request) error {
		ev, err := c.ownEvent(c.path("eventId"))
		if err != nil {
			return err
		}
		var req eventRequest
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.Description != nil && *req.Description == "" {
			return errBadRequest("Parameters validation error: description must not be empty")
		}
		if req.Status != nil {
			if err := enum("status", *req.Status, "cancelled"); err != nil {
				return err
			}
		}
		edited := *ev
		if err := req.apply(c, &edited, 10); err != nil {
			return err
		}
		if req.Status != nil {
			edited.cancelled = true
		}
		edited.updatedAt = c.now()
		*ev = edited
		return c.ok(c.eventsBody([]*socialEvent{ev}, false))
	})
	s.route("DELETE /api/v1/events/{eventId}", authUser, func(c *request) error {
		ev, err := c.ownEvent(c.path("eventId"))
		if err != nil {
			return err
		}
		ev.deleted, ev.updatedAt = true, c.now()
		return c.ok(successBody)
	})
	s.route("GET /api/v1/events/{eventId}/me/rsvp", authUser, func(c *request) error {
		ev, err := c.liveEvent(c.path("eventId"))
		if err != nil {
			return err
		}
		body := c.rsvpsBody(nil)
		if r := ev.rsvps[c.identity]; r != nil {
			body = c.rsvpsBody([]rsvpOf{{ev, r}})
		} else {
			body.Events = []eventJSON{c.eventJSON(ev)}
		}
		return c.ok(body)
	})
	s.route("GET /api/v1/events/{eventId}/rsvp", authUser, s.eventRSVPs)
	s.route("POST /api/v1/events/{eventId}/rsvp", authUser, func(c *request) error { return s.answerEvent(c, true) })
	s.route("PUT /api/v1/events/{eventId}/rsvp", authUser, func(c *request) error { return s.answerEvent(c, false) })
}

func (s *Server) createEvent(c *request) error {
	if err := c.socialDisabled(); err != nil { // network_settings.go
		return err
	}
	var req eventRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	switch {
	case req.Title == nil:
		return errBadRequest("Parameters validation error: title is required")
	case req.Type == nil:
		return errBadRequest("Parameters validation error: type is required")
	case req.StartTime == nil || req.EndTime == nil:
		return errBadRequest("Parameters validation error: startTime and endTime are required")
	case req.OriginID == "":
		return errBadRequest("Parameters validation error: originId is required")
	case req.Status != nil:
		return errBadRequest("Parameters validation error: status is not allowed")
	}
	if req.OriginType == "" {
		req.OriginType = "community"
	}
	if err := enum("originType", req.OriginType, "community", "user"); err != nil {
		return err
	}
	me := c.me()
	if me.globalBan {
		return errGlobalBan()
	}
	if req.OriginType == "community" {
		cm, err := c.liveCommunity(req.OriginID)
		if err != nil {
			return err
		}
		if !c.isAdmin && !cm.isMember(me.id) {
			return errForbidden("Only community members can create events in a community")
		}
	} else {
		if c.st.liveUser(req.OriginID) == nil {
			return errNotFound("User Not Found.")
		}
		if !c.isAdmin && req.OriginID != me.id {
			return errForbidden("An event of a user is created by that user")
		}
	}
	now := c.now()
	ev := &socialEvent{
		id: c.st.newID(), creatorID: me.id, originType: req.OriginType, originID: req.OriginID, streamType: "coHosts",
		isLocationVisible: true, liveChatEnabled: true, tags: []string{}, metadata: map[string]any{},
		rsvps: map[string]*eventRSVP{}, createdAt: now, updatedAt: now, seq: c.st.nextSeq(),
	}
	if err := req.apply(c, ev, 5); err != nil {
		return err
	}
	c.st.eventStore().byID[ev.id] = ev
	return c.ok(c.eventsBody([]*socialEvent{ev}, false))
}

// queryEvents answers GET /api/v1/events (the events, paged) and, with count, GET
// /api/v1/events/count (how many; the admin's only), which takes the same filters but
// onlyAttendee, sorting and paging.
func (s *Server) queryEvents(c *request, count bool) error {
	originType, status, kind := c.q("originType"), c.q("status"), c.q("type")
	sortBy, orderBy := c.q("sortBy"), c.q("orderBy")
	if err := firstErr(
		enum("originType", originType, "community", "user"),
		enum("status", status, "scheduled", "live", "ended", "cancelled"),
		enum("type", kind, "virtual", "in_person"),
		enum("sortBy", sortBy, "startTime", "createdAt"),
		enum("orderBy", orderBy, "asc", "desc"),
	); err != nil {
		return err
	}
	var excludeOwn, onlyAttendee *bool
	if err := c.qBools([]string{"excludeOwnEvents", "onlyAttendee"}, &excludeOwn, &onlyAttendee); err != nil {
		return err
	}
	userID := c.q("userId")
	if userID != "" && !c.isAdmin && userID != c.identity {
		return errForbidden("Only an admin filters the events of another user")
	}
	if onlyAttendee != nil && *onlyAttendee && userID == "" {
		return errBadRequest("Parameters validation error: onlyAttendee requires userId")
	}
	var gte, lte time.Time
	for _, b := range []struct {
		name string
		at   *time.Time
	}{{"startTimeGte", &gte}, {"startTimeLte", &lte}} {
		if v := c.q(b.name); v != "" {
			t, err := parseTime(b.name, v)
			if err != nil {
				return err
			}
			*b.at = t
		}
	}
	tags := c.qList("tags")
	if len(tags) > 5 {
		return errBadRequest("Parameters validation error: at most 5 tags")
	}
	if status == "" && !c.isAdmin {
		status = "scheduled"
	}
	if originType == "" {
		originType = "community" // the spec's default
	}
	originID := c.q("originId")
	now := c.now()
	var list []*socialEvent
	for _, ev := range c.st.eventStore().byID {
		switch {
		case ev.deleted || !c.canSeeEvent(ev),
			ev.originType != originType,
			originID != "" && ev.originID != originID,
			status != "" && ev.status(now) != status,
			kind != "" && ev.kind != kind,
			len(tags) > 0 && !anyShared(tags, ev.tags),
			!gte.IsZero() && ev.start.Before(gte),
			!lte.IsZero() && ev.start.After(lte),
			excludeOwn != nil && *excludeOwn && ev.creatorID == c.identity:
			continue
		}
		if onlyAttendee != nil && *onlyAttendee {
			r := ev.rsvps[userID]
			if ev.creatorID != userID && (r == nil || r.status == "not_going") {
				continue
			}
		} else if userID != "" && ev.creatorID != userID {
			continue
		}
		list = append(list, ev)
	}
	if count {
		return c.ok(map[string]int{"count": len(list)})
	}
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	key := func(ev *socialEvent) (time.Time, int64) { return ev.start, ev.seq }
	if sortBy == "createdAt" {
		key = func(ev *socialEvent) (time.Time, int64) { return ev.createdAt, ev.seq }
	}
	sortByCreated(list, key, orderBy == "desc")
	list = cutAround(list, func(ev *socialEvent) string { return ev.id }, key, c.opt("before"), c.opt("after"))
	win, cur := paginate(list, p)
	body := c.eventsBody(win, false)
	body.Paging = cur.nextPrevious()
	return c.ok(body)
}

// rsvpStatuses reads the RSVP status filter name (a list, or one value); empty: every status.
func (c *request) rsvpStatuses(name string) ([]string, error) {
	statuses := c.qList(name)
	for _, st := range statuses {
		if err := enum(name, st, "going", "interested", "not_going"); err != nil {
			return nil, err
		}
	}
	return statuses, nil
}

// myRSVPs answers the caller's RSVPs (with their events), the latest answer first.
func (s *Server) myRSVPs(c *request) error {
	statuses, err := c.rsvpStatuses("status")
	if err != nil {
		return err
	}
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	var list []rsvpOf
	for _, ev := range c.st.eventStore().byID {
		r := ev.rsvps[c.identity]
		if r == nil || ev.deleted || (len(statuses) > 0 && !containsString(statuses, r.status)) {
			continue
		}
		list = append(list, rsvpOf{ev, r})
	}
	return s.rsvpPage(c, list, p)
}

// eventRSVPs answers the RSVPs of an event, the latest answer first.
func (s *Server) eventRSVPs(c *request) error {
	ev, err := c.liveEvent(c.path("eventId"))
	if err != nil {
		return err
	}
	status := c.q("status")
	if err := enum("status", status, "going", "interested", "not_going"); err != nil {
		return err
	}
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	var list []rsvpOf
	for _, r := range ev.rsvps {
		if status == "" || r.status == status {
			list = append(list, rsvpOf{ev, r})
		}
	}
	return s.rsvpPage(c, list, p)
}

// rsvpPage orders RSVPs (the latest answer first), cuts them at the before/after cursors (an
// RSVP's cursor is its user ID) and answers the page p of them.
func (s *Server) rsvpPage(c *request, list []rsvpOf, p page) error {
	key := func(x rsvpOf) (time.Time, int64) { return x.r.respondedAt, x.r.seq }
	sortByCreated(list, key, true)
	list = cutAround(list, func(x rsvpOf) string { return x.r.userID }, key, c.opt("before"), c.opt("after"))
	win, cur := paginate(list, p)
	body := c.rsvpsBody(win)
	body.Paging = cur.nextPrevious()
	return c.ok(body)
}

// answerEvent records (create) or changes the caller's RSVP to an event: an answer is created
// once and then changed; a cancelled or ended event takes none.
func (s *Server) answerEvent(c *request, create bool) error {
	ev, err := c.liveEvent(c.path("eventId"))
	if err != nil {
		return err
	}
	var req struct {
		Status string `json:"status"`
	}
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.Status == "" {
		return errBadRequest("Parameters validation error: status is required")
	}
	if err := enum("status", req.Status, "going", "interested", "not_going"); err != nil {
		return err
	}
	me := c.me()
	if me.globalBan {
		return errGlobalBan()
	}
	if st := ev.status(c.now()); st == "cancelled" || st == "ended" {
		return errBadRequest("The event is %s.", st)
	}
	now := c.now()
	r := ev.rsvps[me.id]
	switch {
	case create && r != nil:
		return errBadRequest("You already answered this event; update your RSVP instead.")
	case !create && r == nil:
		return errNotFound("RSVP not found.")
	case create:
		r = &eventRSVP{userID: me.id, createdAt: now}
		ev.rsvps[me.id] = r
	}
	r.status, r.respondedAt, r.seq = req.Status, now, c.st.nextSeq()
	return c.ok(c.rsvpsBody([]rsvpOf{{ev, r}}))
}
