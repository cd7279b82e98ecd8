package amity_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	eventStart = time.Date(2031, 5, 1, 18, 0, 0, 0, time.UTC)
	eventEnd   = eventStart.Add(2 * time.Hour)
)

func TestEventsCreate(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v1/events", fixture(t, "events_event.json"), 503, 200)
	params := &amity.CreateEventParams{Title: "Go meetup", Type: amity.EventTypeInPerson, Location: "Main hall",
		StartTime: eventStart, EndTime: eventEnd, OriginID: "c-gophers", Tags: []string{"go"},
		IsLocationVisible: amity.Ptr(false), Metadata: map[string]any{"timezone": "Europe/Paris"}}
	_, err := c.Events.Create(context.Background(), params)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae, "creating an event is not retried after a 503")
	assert.Len(t, rec.all(), 1)

	out, err := c.Events.Create(context.Background(), params)
	require.NoError(t, err)
	assert.JSONEq(t, `{"title":"Go meetup","type":"in_person","location":"Main hall","startTime":"2031-05-01T18:00:00Z",
		"endTime":"2031-05-01T20:00:00Z","originType":"community","originId":"c-gophers","tags":["go"],
		"isLocationVisible":false,"metadata":{"timezone":"Europe/Paris"}}`, rec.last(t).Body,
		"an empty origin type is sent as community, the spec's default; unset fields are not sent")
	assert.Empty(t, params.OriginType, "the caller's params are not changed")

	ev := out.Event()
	require.NotNil(t, ev)
	assert.Equal(t, amity.Event{
		EventID: "ev-meetup-7", UserID: "alice", UserInternalID: "65f0a1b2c3d4e5f601234567", UserPublicID: "alice",
		PublisherID: "brand", PublisherInternalID: "65f0a1b2c3d4e5f60123beef", PublisherPublicID: "brand",
		Title: "Go meetup", Description: "Talks and pizza", Type: amity.EventTypeInPerson, Status: amity.EventStatusScheduled,
		StartTime: atTime(t, "2031-05-01T18:00:00.000Z"), EndTime: atTime(t, "2031-05-01T20:00:00.000Z"),
		Location: "Main hall", ExternalURL: "https://meet.example.com/go", CoverImageFileID: "file-cover-1",
		OriginID: "c-gophers", OriginType: amity.EventOriginCommunity, DiscussionCommunityID: "c-meetup-talk",
		PostID: "post-live-1", Path: "net/community/c-gophers/event/ev-meetup-7", IsOriginPublic: true,
		RSVPCount: 12, InterestedCount: 4, Tags: []string{"go", "meetup"}, Metadata: amity.RawJSON(`{"timezone": "Europe/Paris"}`),
		CreatedAt: atTime(t, "2031-04-01T09:00:00.000Z"), UpdatedAt: atTime(t, "2031-04-02T09:00:00.000Z"),
	}, *ev)
	assert.Contains(t, string(out.Raw), "eventFutureField", "unknown fields stay reachable in the payload's Raw")
	assert.Equal(t, "Alice", out.Creator(ev).DisplayName)
	assert.Equal(t, "cover.png", out.CoverImage(ev).Attributes.Name)
	assert.Equal(t, "Gophers", out.Community(ev).DisplayName)
	assert.Equal(t, "post-live-1", out.Post(ev).PostID)
	require.NotNil(t, out.MyRSVP(ev))
	assert.Equal(t, amity.EventRSVPInterested, out.MyRSVP(ev).Status)
	assert.Same(t, ev, out.EventByID("ev-meetup-7"))
	assert.Equal(t, "Alice", out.UserByID("alice").DisplayName)
	require.Len(t, out.Rooms, 1)
	assert.Equal(t, "room-1", out.RoomByID("room-1").RoomID, "the rooms of the events")
	assert.Equal(t, "events-2", out.Paging.Next)

	user := &amity.Event{OriginType: amity.EventOriginUser, OriginID: "c-gophers"}
	assert.Nil(t, out.Community(user), "a user's event has no community")
	for _, none := range []any{out.Creator(nil), out.CoverImage(nil), out.CoverImage(&amity.Event{}), out.Community(nil),
		out.Post(nil), out.Post(&amity.Event{}), out.MyRSVP(nil), out.EventByID("nope"), out.UserByID("nobody")} {
		assert.Nil(t, none)
	}
}

func TestEventsUpdateDelete(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("PUT", "/api/v1/events/ev-meetup-7", fixture(t, "events_event.json"), 502, 200)
	rec.route("DELETE", "/api/v1/events/ev-meetup-7", `{"success":true}`)

	later := eventEnd.Add(time.Hour)
	out, err := c.Events.Update(ctx, "ev-meetup-7", &amity.UpdateEventParams{Title: amity.Ptr("Go meetup 2"),
		EndTime: &later, ExternalURL: amity.Ptr(""), Status: amity.EventStatusCancelled})
	require.NoError(t, err)
	assert.Len(t, rec.all(), 2, "an update sets fields: retried after a 502")
	assert.JSONEq(t, `{"title":"Go meetup 2","endTime":"2031-05-01T21:00:00Z","externalUrl":"","status":"cancelled"}`, rec.last(t).Body,
		"Ptr(\"\") clears a field; nil fields are not sent")
	assert.Equal(t, "ev-meetup-7", out.Event().EventID)

	require.NoError(t, c.Events.Delete(ctx, "ev-meetup-7"))
	assert.Equal(t, "DELETE", rec.last(t).Method)
	assert.Empty(t, rec.last(t).Body)
}

func TestEventsListPages(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v1/events", "options[token]", "events-2",
		fixture(t, "events_event.json"), fixture(t, "events_page2.json"))
	ctx := context.Background()
	params := &amity.ListEventsParams{PageParams: amity.PageParams{Limit: 1},
		EventFilter: amity.EventFilter{OriginID: "c-gophers", Tags: []string{"go", "meetup"}, StartTimeGte: eventStart},
		SortBy:      amity.EventSortCreatedAt, Order: amity.EventOrderDesc}
	var titles []string
	for ev, err := range c.Events.List(ctx, params) {
		require.NoError(t, err)
		titles = append(titles, ev.Title)
	}
	assert.Equal(t, []string{"Go meetup", "Online Q&A"}, titles)
	reqs := listing.all()
	require.Len(t, reqs, 2)
	assert.Equal(t, url.Values{"options[limit]": {"1"}, "originId": {"c-gophers"}, "tags[]": {"go", "meetup"},
		"startTimeGte": {"2031-05-01T18:00:00Z"}, "sortBy": {"createdAt"}, "orderBy": {"desc"}}, reqs[0].Values(),
		"tags go as tags[]; times as RFC 3339")
	assert.Equal(t, "events-2", reqs[1].Values().Get("options[token]"))

	listing.reset()
	n := 0
	for page, err := range c.Events.ListPages(ctx, &amity.ListEventsParams{PageParams: amity.PageParams{PageToken: "events-2"}}) {
		require.NoError(t, err)
		assert.Equal(t, amity.EventOriginUser, page.Event().OriginType)
		n++
	}
	assert.Equal(t, 1, n, "a walk resumes at a page's cursor")
	assert.Equal(t, []string{"options%5Btoken%5D=events-2"}, listing.queries())
}

func TestEventsRSVPs(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	ctx := context.Background()
	listing := recordPages(t, mt, "/api/v1/events/ev-meetup-7/rsvp", "options[token]", "rsvps-2",
		fixture(t, "events_rsvps_page1.json"), fixture(t, "events_rsvps_page2.json"))
	var who []string
	for r, err := range c.Events.ListRSVPs(ctx, "ev-meetup-7", &amity.ListEventRSVPsParams{Status: amity.EventRSVPGoing}) {
		require.NoError(t, err)
		require.NotNil(t, r.User, "each RSVP carries its user")
		require.NotNil(t, r.Event, "and its event")
		assert.Equal(t, "Go meetup", r.Event.Title)
		who = append(who, r.User.DisplayName+":"+string(r.Status))
	}
	assert.Equal(t, []string{"Bob:going", "Carol:interested", "Dave:not_going"}, who)
	assert.Equal(t, []string{"status=going", "options%5Btoken%5D=rsvps-2&status=going"}, listing.queries())

	mine := recordPages(t, mt, "/api/v1/events/me/rsvp", "options[token]", "rsvps-2",
		fixture(t, "events_rsvps_page1.json"), fixture(t, "events_rsvps_page2.json"))
	page, err := u.Events.ListMyRSVPsPage(ctx, &amity.ListMyRSVPsParams{Statuses: []amity.EventRSVPStatus{amity.EventRSVPGoing, amity.EventRSVPInterested}})
	require.NoError(t, err)
	req := mine.only(t)
	assert.Equal(t, url.Values{"status[]": {"going", "interested"}}, req.Values(), "the statuses go as status[]")
	assert.Equal(t, "Bearer user-tok", req.Header.Get("Authorization"), "the RSVPs are the user's")
	assert.Equal(t, "bob", page.RSVP().UserID)
	assert.Equal(t, atTime(t, "2031-04-03T10:00:00.000Z"), page.RSVP().RespondedAt)
	assert.Equal(t, "ev-meetup-7", page.Event().EventID)
	assert.Same(t, page.Event(), page.RSVPs[1].Event)
	assert.Equal(t, "Carol", page.UserByID("carol").DisplayName)
	assert.Nil(t, page.EventByID("nope"))
	assert.Contains(t, string(page.Raw), "rsvpFutureField")

	rec := record(t, mt, "POST", "/api/v1/events/ev-meetup-7/rsvp", fixture(t, "events_rsvps_page1.json"), 502, 200)
	_, err = u.Events.CreateRSVP(ctx, "ev-meetup-7", &amity.CreateEventRSVPParams{Status: amity.EventRSVPGoing})
	require.Error(t, err)
	assert.Len(t, rec.all(), 1, "an RSVP is never created twice")

	none := record(t, mt, "GET", "/api/v1/events/ev-online-8/me/rsvp", `{"events":[{"eventId":"ev-online-8"}],"eventResponses":[],"users":[],"files":[]}`)
	got, err := u.Events.GetMyRSVP(ctx, "ev-online-8")
	require.NoError(t, err, "no answer yet is not an error")
	assert.Nil(t, got.RSVP())
	assert.Equal(t, "ev-online-8", got.Event().EventID)
	none.only(t)
}

func TestEventsShape(t *testing.T) {
	event := fixture(t, "events_event.json")
	rsvps := fixture(t, "events_rsvps_page1.json")
	type fn = func(context.Context, *amity.Client) error
	checkEvent := func(t *testing.T, out any) {
		p := out.(*amity.EventPayload)
		assert.Equal(t, "Alice", p.Creator(p.Event()).DisplayName, "sideloads kept")
	}
	checkRSVP := func(t *testing.T, out any) {
		p := out.(*amity.EventRSVPPayload)
		require.NotNil(t, p.RSVP())
		assert.Equal(t, "Bob", p.RSVP().User.DisplayName, "RSVPs resolved")
	}
	listed := func(t *testing.T, out any) {
		switch v := out.(type) {
		case amity.Event:
			assert.Equal(t, "ev-meetup-7", v.EventID)
		case *amity.EventPayload:
			assert.Equal(t, "events-2", v.Paging.Next)
		case amity.EventRSVP:
			require.NotNil(t, v.User)
			assert.Equal(t, "Bob", v.User.DisplayName)
		case *amity.EventRSVPPayload:
			assert.Equal(t, "rsvps-2", v.Paging.Next)
			assert.Equal(t, "Carol", v.RSVPs[1].User.DisplayName)
		default:
			t.Fatalf("unexpected %T", out)
		}
	}
	badID := func(f func(ctx context.Context, c *amity.Client, id string) error) []fn {
		var out []fn
		for _, id := range []string{"", " ", ".."} {
			out = append(out, func(ctx context.Context, c *amity.Client) error { return f(ctx, c, id) })
		}
		return out
	}
	create := &amity.CreateEventParams{Title: "Q&A", Type: amity.EventTypeVirtual, StartTime: eventStart, EndTime: eventEnd,
		OriginType: amity.EventOriginUser, OriginID: "alice"}
	going := &amity.CreateEventRSVPParams{Status: amity.EventRSVPGoing}
	notGoing := &amity.UpdateEventRSVPParams{Status: amity.EventRSVPNotGoing}
	runShapeCases(t, []shapeCase{
		{name: "Create", method: "POST", path: "/api/v1/events", answer: event, empty: `{"events":[]}`, attempts: 1, check: checkEvent,
			body: `{"title":"Q&A","type":"virtual","startTime":"2031-05-01T18:00:00Z","endTime":"2031-05-01T20:00:00Z","originType":"user","originId":"alice"}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Events.Create(ctx, create) },
			invalid: []fn{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Events.Create(ctx, nil)) },
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Events.Create(ctx, &amity.CreateEventParams{Type: amity.EventTypeVirtual, OriginID: "c1", StartTime: eventStart, EndTime: eventEnd}))
				},
			}},
		{name: "Get", method: "GET", path: "/api/v1/events/ev%2F7", answer: event, empty: `{"events":[]}`, attempts: 3, check: checkEvent,
			call:    func(ctx context.Context, c *amity.Client) (any, error) { return c.Events.Get(ctx, "ev/7") },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return errOf(c.Events.Get(ctx, id)) })},
		{name: "Update", method: "PUT", path: "/api/v1/events/ev-meetup-7", body: `{"tags":["go"]}`, answer: event, empty: `{"events":[]}`,
			attempts: 3, check: checkEvent,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Events.Update(ctx, "ev-meetup-7", &amity.UpdateEventParams{Tags: []string{"go"}})
			},
			invalid: append(badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Events.Update(ctx, id, &amity.UpdateEventParams{}))
			}), func(ctx context.Context, c *amity.Client) error { return errOf(c.Events.Update(ctx, "e", nil)) })},
		{name: "Delete", method: "DELETE", path: "/api/v1/events/ev-meetup-7", answer: `{"success":true}`, unsuccessful: successFalse, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Events.Delete(ctx, "ev-meetup-7"))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return c.Events.Delete(ctx, id) })},
		{name: "List", method: "GET", path: "/api/v1/events", answer: event, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return first(c.Events.List(ctx, nil)) },
			invalid: []fn{func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Events.List(ctx, &amity.ListEventsParams{PageParams: amity.PageParams{Limit: 101}})))
			}}},
		{name: "ListPages", method: "GET", path: "/api/v1/events", query: "type=virtual", answer: event, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Events.ListPages(ctx, &amity.ListEventsParams{EventFilter: amity.EventFilter{Type: amity.EventTypeVirtual}}))
			}},
		{name: "ListPage", method: "GET", path: "/api/v1/events", answer: event, check: listed, attempts: 3,
			values: url.Values{"options[limit]": {"5"}, "options[before]": {"ev-9"}, "options[after]": {"ev-1"}, "onlyAttendee": {"true"},
				"userId": {"bob"}, "status": {"live"}, "excludeOwnEvents": {"false"}, "originType": {"user"}, "originId": {"bob"},
				"startTimeLte": {"2031-05-01T20:00:00Z"}},
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Events.ListPage(ctx, &amity.ListEventsParams{PageParams: amity.PageParams{Limit: 5}, Before: "ev-9", After: "ev-1",
					OnlyAttendee: amity.Ptr(true), EventFilter: amity.EventFilter{UserID: "bob", Status: amity.EventStatusLive,
						ExcludeOwnEvents: amity.Ptr(false), OriginType: amity.EventOriginUser, OriginID: "bob", StartTimeLte: eventEnd}})
			}},
		{name: "Count", method: "GET", path: "/api/v1/events/count", query: "originId=c1&status=ended", answer: `{"count":7}`, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Events.Count(ctx, &amity.CountEventsParams{EventFilter: amity.EventFilter{OriginID: "c1", Status: amity.EventStatusEnded}})
			},
			check: func(t *testing.T, out any) { assert.Equal(t, 7, out.(*amity.EventCountPayload).Count) },
			invalid: []fn{func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Events.Count(ctx, &amity.CountEventsParams{EventFilter: amity.EventFilter{Tags: strings.Split("a b c d e f", " ")}}))
			}}},
		{name: "ListMyRSVPs", method: "GET", path: "/api/v1/events/me/rsvp", answer: rsvps, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return first(c.Events.ListMyRSVPs(ctx, nil)) }},
		{name: "ListMyRSVPsPages", method: "GET", path: "/api/v1/events/me/rsvp", query: "status%5B%5D=not_going", answer: rsvps, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Events.ListMyRSVPsPages(ctx, &amity.ListMyRSVPsParams{Statuses: []amity.EventRSVPStatus{amity.EventRSVPNotGoing}}))
			}},
		{name: "ListMyRSVPsPage", method: "GET", path: "/api/v1/events/me/rsvp", answer: rsvps, check: listed,
			query: "options%5Bafter%5D=r1&options%5Bbefore%5D=r9&options%5Blimit%5D=2&options%5Btoken%5D=t",
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Events.ListMyRSVPsPage(ctx, &amity.ListMyRSVPsParams{PageParams: amity.PageParams{Limit: 2, PageToken: "t"}, Before: "r9", After: "r1"})
			},
			invalid: []fn{func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Events.ListMyRSVPsPage(ctx, &amity.ListMyRSVPsParams{PageParams: amity.PageParams{PageToken: "a\nb"}}))
			}}},
		{name: "GetMyRSVP", method: "GET", path: "/api/v1/events/ev-meetup-7/me/rsvp", answer: rsvps, check: checkRSVP, attempts: 3,
			call:    func(ctx context.Context, c *amity.Client) (any, error) { return c.Events.GetMyRSVP(ctx, "ev-meetup-7") },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return errOf(c.Events.GetMyRSVP(ctx, id)) })},
		{name: "ListRSVPs", method: "GET", path: "/api/v1/events/ev-meetup-7/rsvp", answer: rsvps, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Events.ListRSVPs(ctx, "ev-meetup-7", nil))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(first(c.Events.ListRSVPs(ctx, id, nil)))
			})},
		{name: "ListRSVPsPages", method: "GET", path: "/api/v1/events/ev-meetup-7/rsvp", answer: rsvps, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Events.ListRSVPsPages(ctx, "ev-meetup-7", nil))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(first(c.Events.ListRSVPsPages(ctx, id, nil)))
			})},
		{name: "ListRSVPsPage", method: "GET", path: "/api/v1/events/ev-meetup-7/rsvp", answer: rsvps, check: listed,
			query: "options%5Bafter%5D=r1&options%5Bbefore%5D=r9&options%5Blimit%5D=3&status=interested",
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Events.ListRSVPsPage(ctx, "ev-meetup-7", &amity.ListEventRSVPsParams{PageParams: amity.PageParams{Limit: 3},
					Status: amity.EventRSVPInterested, Before: "r9", After: "r1"})
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Events.ListRSVPsPage(ctx, id, nil))
			})},
		{name: "CreateRSVP", method: "POST", path: "/api/v1/events/ev-meetup-7/rsvp", body: `{"status":"going"}`, answer: rsvps,
			empty: `{"eventResponses":[]}`, attempts: 1, check: checkRSVP,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Events.CreateRSVP(ctx, "ev-meetup-7", going)
			},
			invalid: append(badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Events.CreateRSVP(ctx, id, going))
			}), func(ctx context.Context, c *amity.Client) error { return errOf(c.Events.CreateRSVP(ctx, "e", nil)) },
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Events.CreateRSVP(ctx, "e", &amity.CreateEventRSVPParams{}))
				})},
		{name: "UpdateRSVP", method: "PUT", path: "/api/v1/events/ev-meetup-7/rsvp", body: `{"status":"not_going"}`, answer: rsvps,
			empty: `{"eventResponses":[]}`, attempts: 3, check: checkRSVP,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Events.UpdateRSVP(ctx, "ev-meetup-7", notGoing)
			},
			invalid: append(badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Events.UpdateRSVP(ctx, id, notGoing))
			}), func(ctx context.Context, c *amity.Client) error { return errOf(c.Events.UpdateRSVP(ctx, "e", nil)) },
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Events.UpdateRSVP(ctx, "e", &amity.UpdateEventRSVPParams{Status: " "}))
				})},
	})
}

func TestEventsBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	valid := func() *amity.CreateEventParams {
		return &amity.CreateEventParams{Title: "t", Type: amity.EventTypeVirtual, StartTime: eventStart, EndTime: eventEnd, OriginID: "c1"}
	}
	create := func(edit func(p *amity.CreateEventParams)) func() error {
		return func() error {
			p := valid()
			edit(p)
			return errOf(c.Events.Create(ctx, p))
		}
	}
	update := func(p *amity.UpdateEventParams) func() error {
		return func() error { return errOf(c.Events.Update(ctx, "e1", p)) }
	}
	before := eventStart.Add(-time.Hour)
	assertInvalidCases(t, map[string]invalidCase{
		"create nil":         {"Events.Create: params", func() error { return errOf(c.Events.Create(ctx, nil)) }},
		"no title":           {"Title", create(func(p *amity.CreateEventParams) { p.Title = " " })},
		"long title":         {"Title", create(func(p *amity.CreateEventParams) { p.Title = longString(61) })},
		"long description":   {"Description", create(func(p *amity.CreateEventParams) { p.Description = longString(1001) })},
		"no type":            {"Type", create(func(p *amity.CreateEventParams) { p.Type = "" })},
		"in person, nowhere": {"Location", create(func(p *amity.CreateEventParams) { p.Type = amity.EventTypeInPerson })},
		"long location":      {"Location", create(func(p *amity.CreateEventParams) { p.Location = longString(201) })},
		"no origin":          {"OriginID", create(func(p *amity.CreateEventParams) { p.OriginID = "" })},
		"six tags":           {"Tags", create(func(p *amity.CreateEventParams) { p.Tags = strings.Split("a b c d e f", " ") })},
		"blank tag":          {"Tags", create(func(p *amity.CreateEventParams) { p.Tags = []string{"a", ""} })},
		"long tag":           {"Tags[]", create(func(p *amity.CreateEventParams) { p.Tags = []string{longString(101)} })},
		"no start":           {"StartTime", create(func(p *amity.CreateEventParams) { p.StartTime = time.Time{} })},
		"no end":             {"EndTime", create(func(p *amity.CreateEventParams) { p.EndTime = time.Time{} })},
		"end before start":   {"EndTime", create(func(p *amity.CreateEventParams) { p.EndTime = before })},
		"update nil":         {"Events.Update: params", update(nil)},
		"update blank title": {"Title", update(&amity.UpdateEventParams{Title: amity.Ptr("")})},
		"update empty desc":  {"Description", update(&amity.UpdateEventParams{Description: amity.Ptr("")})},
		"update long desc":   {"Description", update(&amity.UpdateEventParams{Description: amity.Ptr(longString(1001))})},
		"update 11 tags":     {"Tags", update(&amity.UpdateEventParams{Tags: strings.Split("a b c d e f g h i j k", " ")})},
		"update end first":   {"EndTime", update(&amity.UpdateEventParams{StartTime: &eventStart, EndTime: &before})},
		"update long place":  {"Location", update(&amity.UpdateEventParams{Location: amity.Ptr(longString(201))})},
		"update no event":    {"eventID", func() error { return errOf(c.Events.Update(ctx, "", &amity.UpdateEventParams{})) }},
		"list inverted": {"StartTimeLte", func() error {
			return errOf(c.Events.ListPage(ctx, &amity.ListEventsParams{EventFilter: amity.EventFilter{StartTimeGte: eventEnd, StartTimeLte: eventStart}}))
		}},
		"attendee of nobody": {"OnlyAttendee", func() error {
			return errOf(c.Events.ListPage(ctx, &amity.ListEventsParams{OnlyAttendee: amity.Ptr(true)}))
		}},
		"list limit": {"Events.ListPage: Limit", func() error {
			return errOf(c.Events.ListPage(ctx, &amity.ListEventsParams{PageParams: amity.PageParams{Limit: -1}}))
		}},
		"iterator limit": {"Events.List: Limit", func() error {
			return errOf(first(c.Events.List(ctx, &amity.ListEventsParams{PageParams: amity.PageParams{Limit: 101}})))
		}},
		"rsvp no event": {"eventID", func() error {
			return errOf(c.Events.CreateRSVP(ctx, "..", &amity.CreateEventRSVPParams{Status: "going"}))
		}},
		"rsvp no status": {"Status", func() error { return errOf(c.Events.UpdateRSVP(ctx, "e1", &amity.UpdateEventRSVPParams{})) }},
		"my rsvp blank":  {"eventID", func() error { return errOf(c.Events.GetMyRSVP(ctx, "")) }},
		"delete dot":     {"eventID", func() error { return c.Events.Delete(ctx, ".") }},
	})
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

// TestEventsUnknownEnumsAreSent: a type, stream type, origin, status, order or RSVP answer the
// SDK does not know is sent as given.
func TestEventsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"create", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Events.Create(ctx, &amity.CreateEventParams{Title: "t", Type: "hybrid", StreamType: "radio",
				OriginType: "channel", OriginID: "c1", StartTime: eventStart, EndTime: eventEnd}))
		}, []string{`"type":"hybrid"`, `"streamType":"radio"`, `"originType":"channel"`}},
		{"update", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Events.Update(ctx, "e1", &amity.UpdateEventParams{Status: "postponed"}))
		}, []string{`"status":"postponed"`}},
		{"list", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Events.ListPage(ctx, &amity.ListEventsParams{SortBy: "popularity", Order: "random",
				EventFilter: amity.EventFilter{Status: "postponed", Type: "hybrid"}}))
		}, []string{"sortBy=popularity", "orderBy=random", "status=postponed", "type=hybrid"}},
		{"rsvp", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Events.UpdateRSVP(ctx, "e1", &amity.UpdateEventRSVPParams{Status: "maybe"}))
		}, []string{`"status":"maybe"`}},
		{"my rsvps", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Events.ListMyRSVPsPage(ctx, &amity.ListMyRSVPsParams{Statuses: []amity.EventRSVPStatus{"maybe"}}))
		}, []string{"status[]=maybe"}},
	})
}

// TestEventsFixturesMatchSpec: the hand-written answers are valid answers of their operations.
func TestEventsFixturesMatchSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"events_event.json":       {"GET", "/api/v1/events/ev-meetup-7"},
		"events_page2.json":       {"GET", "/api/v1/events"},
		"events_rsvps_page1.json": {"GET", "/api/v1/events/ev-meetup-7/rsvp"},
		"events_rsvps_page2.json": {"GET", "/api/v1/events/me/rsvp"},
	})
}

// TestEventsAgainstFake: an event's life against amitytest, with its RSVPs and counts: every
// answer decodes and behaves.
func TestEventsAgainstFake(t *testing.T) {
	ctx := context.Background()
	c, srv := fakeClient(t)
	srv.UserToken("bob")
	srv.UserToken("carol")
	bob, err := c.AsUser("bob")
	require.NoError(t, err)
	carol, err := c.AsUser("carol")
	require.NoError(t, err)
	community, err := c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "Gophers", UserIDs: []string{"bob"}})
	require.NoError(t, err)
	gophers := community.Community().CommunityID

	start := time.Now().Add(24 * time.Hour).Truncate(time.Millisecond)
	created, err := bob.Events.Create(ctx, &amity.CreateEventParams{Title: "Go meetup", Type: amity.EventTypeInPerson,
		Location: "Main hall", StartTime: start, EndTime: start.Add(2 * time.Hour), OriginID: gophers, Tags: []string{"go"}})
	require.NoError(t, err)
	ev := created.Event()
	assert.Equal(t, amity.EventStatusScheduled, ev.Status)
	assert.True(t, start.Equal(ev.StartTime.Time))
	assert.Equal(t, "bob", created.Creator(ev).UserID)
	assert.Equal(t, "Gophers", created.Community(ev).DisplayName)

	answer, err := carol.Events.CreateRSVP(ctx, ev.EventID, &amity.CreateEventRSVPParams{Status: amity.EventRSVPGoing})
	require.NoError(t, err)
	assert.Equal(t, amity.EventRSVPGoing, answer.RSVP().Status)
	assert.Equal(t, 1, answer.RSVP().Event.RSVPCount)
	assert.Equal(t, "carol", answer.RSVP().User.UserID)
	answer, err = carol.Events.UpdateRSVP(ctx, ev.EventID, &amity.UpdateEventRSVPParams{Status: amity.EventRSVPInterested})
	require.NoError(t, err)
	assert.Equal(t, 0, answer.Event().RSVPCount)
	assert.Equal(t, 1, answer.Event().InterestedCount)
	mine, err := carol.Events.GetMyRSVP(ctx, ev.EventID)
	require.NoError(t, err)
	assert.Equal(t, amity.EventRSVPInterested, mine.RSVP().Status)
	none, err := bob.Events.GetMyRSVP(ctx, ev.EventID)
	require.NoError(t, err)
	assert.Nil(t, none.RSVP())
	rsvps, err := drain(carol.Events.ListMyRSVPs(ctx, &amity.ListMyRSVPsParams{Statuses: []amity.EventRSVPStatus{amity.EventRSVPInterested}}))
	require.NoError(t, err)
	require.Len(t, rsvps, 1)
	assert.Equal(t, "Go meetup", rsvps[0].Event.Title)
	attendees, err := drain(c.Events.ListRSVPs(ctx, ev.EventID, nil))
	require.NoError(t, err)
	require.Len(t, attendees, 1)
	got, err := carol.Events.Get(ctx, ev.EventID)
	require.NoError(t, err)
	assert.Equal(t, amity.EventRSVPInterested, got.MyRSVP(got.Event()).Status)

	listed, err := drain(c.Events.List(ctx, &amity.ListEventsParams{EventFilter: amity.EventFilter{OriginID: gophers, Tags: []string{"go"}}}))
	require.NoError(t, err)
	require.Len(t, listed, 1)
	n, err := c.Events.Count(ctx, &amity.CountEventsParams{EventFilter: amity.EventFilter{OriginID: gophers}})
	require.NoError(t, err)
	assert.Equal(t, len(listed), n.Count)
	_, err = bob.Events.Count(ctx, nil)
	assert.ErrorIs(t, err, amity.ErrForbidden, "counting is the admin's")

	cancelled, err := bob.Events.Update(ctx, ev.EventID, &amity.UpdateEventParams{Status: amity.EventStatusCancelled})
	require.NoError(t, err)
	assert.Equal(t, amity.EventStatusCancelled, cancelled.Event().Status)
	require.NoError(t, bob.Events.Delete(ctx, ev.EventID))
	_, err = c.Events.Get(ctx, ev.EventID)
	assert.ErrorIs(t, err, amity.ErrNotFound)
}
