package amity_test

import (
	"context"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	start := time.Date(2031, 5, 1, 18, 0, 0, 0, time.UTC)
	end := start.Add(2 * time.Hour)
	filter := amity.EventFilter{OriginType: amity.EventOriginCommunity, OriginID: "c1", UserID: "u1",
		ExcludeOwnEvents: amity.Ptr(true), Status: amity.EventStatusScheduled, Type: amity.EventTypeInPerson,
		Tags: []string{"meetup", "go"}, StartTimeGte: start, StartTimeLte: end}
	registerConformance(
		conformanceCase{Method: "Events.Create", Op: "POST /api/v1/events", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Events.Create(ctx, &amity.CreateEventParams{Title: "Go meetup", Type: amity.EventTypeVirtual,
					StartTime: start, EndTime: end, OriginID: "c1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Events.Create(ctx, &amity.CreateEventParams{Title: "Go meetup", Description: "Talks and pizza",
					Type: amity.EventTypeInPerson, StreamType: amity.EventStreamDirect, StartTime: start, EndTime: end,
					Location: "Main hall", ExternalURL: "https://meet.example.com/go", CoverImageFileID: "f1",
					OriginType: amity.EventOriginCommunity, OriginID: "c1", Tags: []string{"meetup"},
					IsLocationVisible: amity.Ptr(false), LiveChatEnabled: amity.Ptr(true), Metadata: map[string]any{"timezone": "UTC"}}))
			}},
		conformanceCase{Method: "Events.Get", Op: "GET /api/v1/events/{eventId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Events.Get(ctx, "e1")) }},
		conformanceCase{Method: "Events.Update", Op: "PUT /api/v1/events/{eventId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Events.Update(ctx, "e1", &amity.UpdateEventParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Events.Update(ctx, "e1", &amity.UpdateEventParams{Title: amity.Ptr("Go meetup 2"),
					Description: amity.Ptr("More talks"), Type: amity.EventTypeVirtual, StreamType: amity.EventStreamCoHosts,
					StartTime: &start, EndTime: &end, Location: amity.Ptr("Room 2"), ExternalURL: amity.Ptr(""),
					CoverImageFileID: amity.Ptr("f2"), Tags: []string{"go"}, Status: amity.EventStatusCancelled,
					Metadata: map[string]any{"timezone": "UTC"}}))
			}},
		conformanceCase{Method: "Events.Delete", Op: "DELETE /api/v1/events/{eventId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Events.Delete(ctx, "e1") }},
		conformanceCase{Method: "Events.ListPage", Op: "GET /api/v1/events",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Events.ListPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Events.ListPage(ctx, &amity.ListEventsParams{PageParams: amity.PageParams{Limit: 50, PageToken: "tok"},
					EventFilter: filter, OnlyAttendee: amity.Ptr(true), SortBy: amity.EventSortCreatedAt, Order: amity.EventOrderDesc,
					Before: "e9", After: "e1"}))
			}},
		conformanceCase{Method: "Events.List", Op: "GET /api/v1/events",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Events.List(ctx, nil))) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Events.List(ctx, &amity.ListEventsParams{EventFilter: filter, SortBy: amity.EventSortStartTime, Order: amity.EventOrderAsc})))
			}},
		conformanceCase{Method: "Events.ListPages", Op: "GET /api/v1/events",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Events.ListPages(ctx, nil))) }},
		conformanceCase{Method: "Events.Count", Op: "GET /api/v1/events/count",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Events.Count(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Events.Count(ctx, &amity.CountEventsParams{EventFilter: filter}))
			}},
		conformanceCase{Method: "Events.ListMyRSVPsPage", Op: "GET /api/v1/events/me/rsvp", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Events.ListMyRSVPsPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Events.ListMyRSVPsPage(ctx, &amity.ListMyRSVPsParams{PageParams: amity.PageParams{Limit: 10, PageToken: "tok"},
					Statuses: []amity.EventRSVPStatus{amity.EventRSVPGoing, amity.EventRSVPInterested}, Before: "r9", After: "r1"}))
			}},
		conformanceCase{Method: "Events.ListMyRSVPs", Op: "GET /api/v1/events/me/rsvp", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Events.ListMyRSVPs(ctx, nil))) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Events.ListMyRSVPs(ctx, &amity.ListMyRSVPsParams{Statuses: []amity.EventRSVPStatus{amity.EventRSVPNotGoing}})))
			}},
		conformanceCase{Method: "Events.ListMyRSVPsPages", Op: "GET /api/v1/events/me/rsvp", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Events.ListMyRSVPsPages(ctx, nil)))
			}},
		conformanceCase{Method: "Events.GetMyRSVP", Op: "GET /api/v1/events/{eventId}/me/rsvp", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Events.GetMyRSVP(ctx, "e1")) }},
		conformanceCase{Method: "Events.ListRSVPsPage", Op: "GET /api/v1/events/{eventId}/rsvp",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Events.ListRSVPsPage(ctx, "e1", nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Events.ListRSVPsPage(ctx, "e1", &amity.ListEventRSVPsParams{PageParams: amity.PageParams{Limit: 10, PageToken: "tok"},
					Status: amity.EventRSVPGoing, Before: "r9", After: "r1"}))
			}},
		conformanceCase{Method: "Events.ListRSVPs", Op: "GET /api/v1/events/{eventId}/rsvp",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Events.ListRSVPs(ctx, "e1", nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Events.ListRSVPs(ctx, "e1", &amity.ListEventRSVPsParams{Status: amity.EventRSVPInterested})))
			}},
		conformanceCase{Method: "Events.ListRSVPsPages", Op: "GET /api/v1/events/{eventId}/rsvp",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Events.ListRSVPsPages(ctx, "e1", nil)))
			}},
		conformanceCase{Method: "Events.CreateRSVP", Op: "POST /api/v1/events/{eventId}/rsvp", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Events.CreateRSVP(ctx, "e1", &amity.CreateEventRSVPParams{Status: amity.EventRSVPGoing}))
			}},
		conformanceCase{Method: "Events.UpdateRSVP", Op: "PUT /api/v1/events/{eventId}/rsvp", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Events.UpdateRSVP(ctx, "e1", &amity.UpdateEventRSVPParams{Status: amity.EventRSVPNotGoing}))
			}},
	)
}
