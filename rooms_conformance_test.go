package amity_test

import (
	"context"
	"io"

	"github.com/amity-go/amity"
)

// readAll reads a download stream to its end and closes it.
func readAll(rc io.ReadCloser, err error) error {
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(io.Discard, rc)
	return err
}

func init() {
	fullRoom := &amity.CreateRoomParams{Title: "Launch", Description: "Our launch", ThumbnailFileID: "f1",
		Metadata: map[string]any{"k": "v"}, LiveChatEnabled: amity.Ptr(true), ParentRoomID: "r0", Type: amity.RoomTypeCoHosts}
	fullUpdate := &amity.UpdateRoomParams{Title: amity.Ptr("Launch day"), Description: amity.Ptr("Day one"), ThumbnailFileID: amity.Ptr("f2"),
		Metadata: map[string]any{"k": "v2"}, LiveChatEnabled: amity.Ptr(false)}
	fullList := &amity.ListRoomsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
		Statuses: []amity.RoomStatus{amity.RoomStatusLive, amity.RoomStatusEnded}, Type: amity.RoomTypeDirectStreaming,
		SortBy: amity.RoomSortLastCreated, IsDeleted: amity.Ptr(false)}
	bansPage := &amity.ListRoomViewerBansParams{PageParams: amity.PageParams{Limit: 10, PageToken: "tok"}}
	watch := &amity.RecordRoomWatchEventsParams{Signature: "c2ln", NonceStr: "n1", Timestamp: "2026-01-01T00:00:00.000Z",
		Rooms: []amity.RoomWatchEvent{{RoomID: "r1", StartTime: "2026-01-01T00:00:00.000Z", EndTime: "2026-01-01T00:01:00.000Z", WatchSeconds: 60}}}
	fullWatch := *watch
	fullWatch.Rooms = []amity.RoomWatchEvent{{SessionID: "s1", RoomID: "r1", StartTime: "2026-01-01T00:00:00.000Z", EndTime: "2026-01-01T00:01:00.000Z", WatchSeconds: 60}}
	registerConformance(
		conformanceCase{Method: "Rooms.Create", Op: "POST /api/v1/rooms", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Rooms.Create(ctx, &amity.CreateRoomParams{Title: "Launch"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error { return errOf(c.Rooms.Create(ctx, fullRoom)) }},
		conformanceCase{Method: "Rooms.Get", Op: "GET /api/v1/rooms/{roomId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Rooms.Get(ctx, "r1")) }},
		conformanceCase{Method: "Rooms.Update", Op: "PUT /api/v1/rooms/{roomId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Rooms.Update(ctx, "r1", &amity.UpdateRoomParams{Title: amity.Ptr("Launch day")}))
			},
			Full: func(ctx context.Context, c *amity.Client) error { return errOf(c.Rooms.Update(ctx, "r1", fullUpdate)) }},
		conformanceCase{Method: "Rooms.Delete", Op: "DELETE /api/v1/rooms/{roomId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Rooms.Delete(ctx, "r1") }},
		conformanceCase{Method: "Rooms.Stop", Op: "POST /api/v1/rooms/{roomId}/stop",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Rooms.Stop(ctx, "r1")) }},
		conformanceCase{Method: "Rooms.ListPage", Op: "GET /api/v1/rooms",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Rooms.ListPage(ctx, nil)) },
			Full:     func(ctx context.Context, c *amity.Client) error { return errOf(c.Rooms.ListPage(ctx, fullList)) }},
		conformanceCase{Method: "Rooms.List", Op: "GET /api/v1/rooms",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Rooms.List(ctx, nil))) },
			Full:     func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Rooms.List(ctx, fullList))) }},
		conformanceCase{Method: "Rooms.ListPages", Op: "GET /api/v1/rooms",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Rooms.ListPages(ctx, nil))) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Rooms.ListPages(ctx, fullList)))
			}},
		conformanceCase{Method: "Rooms.RemoveParticipant", Op: "DELETE /api/v1/rooms/{roomId}/participants",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Rooms.RemoveParticipant(ctx, "r1", &amity.RemoveRoomParticipantParams{UserID: "bob"}))
			}},
		conformanceCase{Method: "Rooms.GetIngestData", Op: "GET /api/v1/rooms/{roomId}/token", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Rooms.GetIngestData(ctx, "r1")) }},
		conformanceCase{Method: "Rooms.DownloadRecording", Op: "GET /api/v1/rooms/{roomId}/recorded/{playbackId}/watch",
			Required: func(ctx context.Context, c *amity.Client) error {
				return readAll(c.Rooms.DownloadRecording(ctx, "r1", "p1"))
			}},
		conformanceCase{Method: "Rooms.DownloadRecordingThumbnail", Op: "GET /api/v1/rooms/{roomId}/recorded/{playbackId}/thumbnail",
			Required: func(ctx context.Context, c *amity.Client) error {
				return readAll(c.Rooms.DownloadRecordingThumbnail(ctx, "r1", "p1"))
			}},
		conformanceCase{Method: "Rooms.BanViewers", Op: "POST /api/v1/rooms/{roomId}/viewer-bans",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Rooms.BanViewers(ctx, "r1", &amity.ViewerBansParams{UserIDs: []string{"bob"}})
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Rooms.BanViewers(ctx, "r1", &amity.ViewerBansParams{UserIDs: []string{"bob", "carol"}})
			}},
		conformanceCase{Method: "Rooms.UnbanViewers", Op: "DELETE /api/v1/rooms/{roomId}/viewer-bans",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Rooms.UnbanViewers(ctx, "r1", &amity.ViewerBansParams{UserIDs: []string{"bob"}})
			}},
		conformanceCase{Method: "Rooms.ListViewerBansPage", Op: "GET /api/v1/rooms/{roomId}/viewer-bans",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Rooms.ListViewerBansPage(ctx, "r1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Rooms.ListViewerBansPage(ctx, "r1", bansPage))
			}},
		conformanceCase{Method: "Rooms.ListViewerBans", Op: "GET /api/v1/rooms/{roomId}/viewer-bans",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Rooms.ListViewerBans(ctx, "r1", nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Rooms.ListViewerBans(ctx, "r1", bansPage)))
			}},
		conformanceCase{Method: "Rooms.ListViewerBansPages", Op: "GET /api/v1/rooms/{roomId}/viewer-bans",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Rooms.ListViewerBansPages(ctx, "r1", nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Rooms.ListViewerBansPages(ctx, "r1", bansPage)))
			}},
		conformanceCase{Method: "Rooms.RecordWatchEvents", Op: "POST /api/v3/user-event/room", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Rooms.RecordWatchEvents(ctx, watch)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Rooms.RecordWatchEvents(ctx, &fullWatch))
			}},
	)
}
