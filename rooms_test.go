package amity_test

import (
	"context"
	"errors"
	"fmt"
	"image/png"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/amity-go/amity/internal/spectest"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoomsCreate(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	rec := record(t, mt, "POST", "/api/v1/rooms", fixture(t, "rooms_room.json"), 503, 200)
	params := &amity.CreateRoomParams{Title: "Launch day", Description: "We go live at noon", ThumbnailFileID: "file-thumb",
		Metadata: map[string]any{"campaign": "spring"}, LiveChatEnabled: amity.Ptr(false), ParentRoomID: "room-0", Type: amity.RoomTypeCoHosts}
	_, err := u.Rooms.Create(context.Background(), params)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae, "creating a room is not retried after a 503")
	assert.Len(t, rec.all(), 1)

	out, err := u.Rooms.Create(context.Background(), params)
	require.NoError(t, err)
	req := rec.last(t)
	assert.JSONEq(t, `{"title":"Launch day","description":"We go live at noon","thumbnailFileId":"file-thumb","metadata":{"campaign":"spring"},
		"liveChatEnabled":false,"parentRoomId":"room-0","type":"coHosts"}`, req.Body)
	assert.Equal(t, "Bearer user-tok", req.Header.Get("Authorization"), "the caller is the host")

	r := out.Room()
	require.NotNil(t, r)
	assert.Equal(t, "room-launch", r.RoomID)
	assert.Equal(t, "65a0c0ffee65a0c0ffee0001", r.ID)
	assert.Equal(t, amity.RoomTypeCoHosts, r.Type)
	assert.Equal(t, amity.RoomStatusRecorded, r.Status)
	assert.Equal(t, amity.RoomTargetCommunity, r.TargetType)
	assert.Equal(t, "c-makers", r.TargetID)
	assert.Equal(t, amity.RoomReferencePost, r.ReferenceType)
	assert.Equal(t, "post-launch", r.ReferenceID)
	assert.Equal(t, "ch-live-launch", r.LiveChannelID)
	assert.True(t, r.LiveChatEnabled)
	assert.Equal(t, "We go live at noon", r.Description)
	assert.Equal(t, "https://cdn.example/live/room-launch.m3u8", r.LivePlaybackURL)
	assert.Equal(t, "https://cdn.example/live/room-launch.jpg", r.LiveThumbnailURL)
	assert.InDelta(t, 3600.5, r.DurationSeconds, 1e-9)
	assert.Equal(t, []string{"room-launch-b"}, r.ChildRoomIDs)
	assert.Equal(t, "alice", r.CreatedBy)
	assert.Equal(t, atTime(t, "2024-05-01T12:00:00.000Z"), r.LiveAt)
	assert.Equal(t, atTime(t, "2024-05-01T13:00:00.000Z"), r.EndedAt)
	assert.Equal(t, atTime(t, "2024-05-01T13:05:00.000Z"), r.RecordedAt)
	assert.True(t, r.DeletedAt.IsZero())
	assert.Equal(t, "rooms/room-launch", r.Path)
	assert.Equal(t, map[string]any{"campaign": "spring"}, r.Metadata)
	require.NotNil(t, r.Moderation)
	require.Len(t, r.Moderation.FlagLabels, 1)
	assert.Equal(t, amity.StreamModerationProfanity, r.Moderation.FlagLabels[0].Category)
	assert.InDelta(t, 0.8, r.Moderation.FlagLabels[0].Threshold, 1e-9)
	require.Len(t, r.RecordedPlaybackInfos, 1)
	assert.Equal(t, "pb-1", r.RecordedPlaybackInfos[0].PlaybackID())
	require.Len(t, r.Participants, 2)
	assert.Equal(t, amity.RoomParticipant{Type: amity.RoomParticipantCoHost, UserID: "bob", UserInternalID: "64be1f6cb9b4106b5a6bbf40"}, *r.Participant("bob"))
	assert.Equal(t, amity.RoomParticipantHost, r.Participant("64be1f6cb9b4106b5a6bbf3f").Type, "a participant by internal ID")
	assert.Nil(t, r.Participant("nobody"))
	assert.Nil(t, r.Participant(""))
	assert.Contains(t, string(out.Raw), "roomFutureField", "unknown fields stay reachable in the payload's Raw")

	assert.Equal(t, "Alice", out.Creator(r).DisplayName)
	assert.Equal(t, "Alice", out.Host(r).DisplayName)
	assert.Equal(t, "thumb.png", out.Thumbnail(r).Attributes.Name)
	children := out.Children(r)
	require.Len(t, children, 1)
	assert.Equal(t, "Backstage", children[0].Title)
	assert.Equal(t, "room-launch", children[0].ParentRoomID)
	assert.Equal(t, "Backstage", out.RoomByID("65a0c0ffee65a0c0ffee0002").Title, "a child room by internal ID")
	assert.Equal(t, "Launch day", out.RoomByID("room-launch").Title)
	assert.Nil(t, out.RoomByID("nope"))
	assert.Equal(t, "Bob", out.UserByID("bob").DisplayName)
	assert.Equal(t, "file-thumb", out.FileByID("file-thumb").FileID)
	assert.Nil(t, out.Creator(nil))
	assert.Nil(t, out.Host(nil))
	assert.Nil(t, out.Thumbnail(nil))
	assert.Nil(t, out.Children(nil))
	assert.Nil(t, out.Host(&children[0]), "a room without participants has no host")
}

// TestRoomsClientFields: the room fields the vendor's clients read beyond the spec decode.
func TestRoomsClientFields(t *testing.T) {
	c, mt := mockClient(t)
	record(t, mt, "GET", "/api/v1/rooms/r1", `{"rooms":[{"roomId":"r1","status":"terminated","referenceType":"event","targetVisibility":"private",
		"liveChannelEnabled":true,"moderationId":"m1","liveResolution":{"aspectRatio":"16:9","width":1280,"height":720},
		"recordedResolution":{"width":640,"height":360},"participants":[{"type":"coHost","userId":"bob","canManageProductTags":true}]}]}`)
	out, err := c.Rooms.Get(context.Background(), "r1")
	require.NoError(t, err)
	r := out.Room()
	assert.Equal(t, amity.RoomStatusTerminated, r.Status)
	assert.Equal(t, amity.RoomReferenceEvent, r.ReferenceType)
	assert.Equal(t, "private", r.TargetVisibility)
	assert.True(t, r.LiveChannelEnabled)
	assert.Equal(t, "m1", r.ModerationID)
	assert.Equal(t, &amity.RoomResolution{AspectRatio: "16:9", Width: 1280, Height: 720}, r.LiveResolution)
	assert.Equal(t, 360, r.RecordedResolution.Height)
	assert.True(t, r.Participant("bob").CanManageProductTags)
}

func TestRoomsUpdateSendsBothChatSwitchNames(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "PUT", "/api/v1/rooms/room-launch", fixture(t, "rooms_room.json"), 502, 200)
	_, err := c.Rooms.Update(context.Background(), "room-launch", &amity.UpdateRoomParams{Title: amity.Ptr("Day two"),
		Description: amity.Ptr(""), ThumbnailFileID: amity.Ptr("f2"), Metadata: map[string]any{"k": 1}, LiveChatEnabled: amity.Ptr(false)})
	require.NoError(t, err)
	assert.Len(t, rec.all(), 2, "an update sets values: retried after a 502")
	assert.JSONEq(t, `{"title":"Day two","description":"","thumbnailFileId":"f2","metadata":{"k":1},"liveChatEnabled":false,"channelEnabled":false}`,
		rec.last(t).Body, "the chat switch goes under the clients' and the spec's names; Ptr(\"\") clears the description")

	_, err = c.Rooms.Update(context.Background(), "room-launch", &amity.UpdateRoomParams{Title: amity.Ptr("Day three")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"title":"Day three"}`, rec.last(t).Body, "nil fields are not sent")
}

func TestRoomsList(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v1/rooms", "options[token]", "rooms-2", fixture(t, "rooms_page1.json"), fixture(t, "rooms_page2.json"))
	ctx := context.Background()
	params := &amity.ListRoomsParams{PageParams: amity.PageParams{Limit: 2}, Statuses: []amity.RoomStatus{amity.RoomStatusLive, amity.RoomStatusIdle},
		Type: amity.RoomTypeDirectStreaming, SortBy: amity.RoomSortLastCreated, IsDeleted: amity.Ptr(false)}
	var titles []string
	for r, err := range c.Rooms.List(ctx, params) {
		require.NoError(t, err)
		titles = append(titles, r.Title)
	}
	assert.Equal(t, []string{"A", "B", "C"}, titles)
	require.Len(t, listing.all(), 2)
	assert.Equal(t, "isDeleted=false&options%5Blimit%5D=2&sortBy=lastCreated&statuses%5B%5D=live&statuses%5B%5D=idle&type=directStreaming", listing.queries()[0])
	assert.Equal(t, "rooms-2", listing.all()[1].Values().Get("options[token]"))

	var hosts []string
	for page, err := range c.Rooms.ListPages(ctx, nil) {
		require.NoError(t, err)
		for i := range page.Rooms {
			hosts = append(hosts, page.Host(&page.Rooms[i]).DisplayName)
		}
	}
	assert.Equal(t, []string{"Alice", "Bob", "Carol"}, hosts)
	page, err := c.Rooms.ListPage(ctx, &amity.ListRoomsParams{PageParams: amity.PageParams{PageToken: "rooms-2"}})
	require.NoError(t, err)
	assert.Equal(t, "rooms-1", page.Paging.Previous, "the API's prev cursor")
	assert.Empty(t, page.Paging.Next)
}

func TestRoomsViewerBans(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	listing := recordPages(t, mt, "/api/v1/rooms/room-launch/viewer-bans", "token", "bans-2",
		fixture(t, "rooms_viewer_bans.json"), fixture(t, "rooms_viewer_bans_page2.json"))
	var banned []string
	for ban, err := range c.Rooms.ListViewerBans(ctx, "room-launch", &amity.ListRoomViewerBansParams{PageParams: amity.PageParams{Limit: 2}}) {
		require.NoError(t, err)
		banned = append(banned, ban.UserPublicID)
	}
	assert.Equal(t, []string{"mallory", "trudy", "eve"}, banned)
	assert.Equal(t, []string{"limit=2", "limit=2&token=bans-2"}, listing.queries(), "the spec pages this listing flat")

	page, err := c.Rooms.ListViewerBansPage(ctx, "room-launch", nil)
	require.NoError(t, err)
	assert.Equal(t, "bans-2", page.Paging.Next)
	assert.Equal(t, "room-launch", page.Room().RoomID)
	ban := &page.RoomBannedUsers[0]
	assert.Equal(t, amity.ViewerBan{UserID: "64be1f6cb9b4106b5a6bbf41", UserPublicID: "mallory", BanBy: "64be1f6cb9b4106b5a6bbf3f",
		BanByPublicID: "alice", CreatedAt: atTime(t, "2024-05-01T12:10:00.000Z")}, *ban)
	assert.Equal(t, "Mallory", page.Viewer(ban).DisplayName)
	assert.Equal(t, "Alice", page.BanningUser(ban).DisplayName)
	assert.Equal(t, "Trudy", page.UserByID("trudy").DisplayName)
	assert.Nil(t, page.FileByID("none"))
	assert.Nil(t, page.Viewer(nil))
	assert.Nil(t, page.BanningUser(nil))

	bans := record(t, mt, "POST", "/api/v1/rooms/room-launch/viewer-bans", `{"success":true}`, 503, 200)
	require.NoError(t, c.Rooms.BanViewers(ctx, "room-launch", &amity.ViewerBansParams{UserIDs: []string{"mallory", "trudy"}}))
	assert.Len(t, bans.all(), 2, "a ban sets a state: retried after a 503")
	assert.JSONEq(t, `{"userIds":["mallory","trudy"]}`, bans.last(t).Body)
	unbans := record(t, mt, "DELETE", "/api/v1/rooms/room-launch/viewer-bans", `{"success":true}`)
	require.NoError(t, c.Rooms.UnbanViewers(ctx, "room-launch", &amity.ViewerBansParams{UserIDs: []string{"mallory"}}))
	assert.JSONEq(t, `{"userIds":["mallory"]}`, unbans.last(t).Body, "the spec puts the unban's users in a JSON body")
	assert.Empty(t, unbans.last(t).Query)
}

func TestRoomsIngestDataIsSecret(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	record(t, mt, "GET", "/api/v1/rooms/r1/token", fixture(t, "rooms_ingest.json"))
	out, err := c.Rooms.GetIngestData(ctx, "r1")
	require.NoError(t, err)
	assert.Equal(t, "rtmps://ingest.example:443/live/sk_live_SECRET-key-42", string(out.DirectStreamURL))
	assert.NotContains(t, fmt.Sprintf("%v %+v %s", out.DirectStreamURL, *out, out.DirectStreamURL), "SECRET", "the stream key never prints")
	assert.NotContains(t, string(out.Raw), "SECRET", "Raw holds the stream URL redacted")
	assert.Contains(t, string(out.Raw), `"directStreamUrl":"[redacted]"`)

	record(t, mt, "GET", "/api/v1/rooms/r2/token", fixture(t, "rooms_ingest_cohost.json"))
	out, err = c.Rooms.GetIngestData(ctx, "r2")
	require.NoError(t, err)
	assert.Equal(t, "lk-token-SECRET-77", string(out.CoHostToken))
	assert.Equal(t, "wss://livekit.example", out.CoHostURL)
	assert.NotContains(t, fmt.Sprint(out.CoHostToken), "SECRET")
	assert.NotContains(t, string(out.Raw), "SECRET", "Raw holds the co-host token redacted")

	record(t, mt, "GET", "/api/v1/rooms/r3/token", `{"coHostUrl":"wss://livekit.example"}`)
	_, err = c.Rooms.GetIngestData(ctx, "r3")
	assert.ErrorIs(t, err, amity.ErrMalformedResponse, "an answer without a stream URL or token")
}

func TestRoomsDownloads(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	mt.RegisterResponder("GET", apiBase+"/api/v1/rooms/room-launch/recorded/pb-1/watch", func(r *http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(http.StatusFound, "")
		resp.Header.Set("Location", apiBase+"/media/pb-1.mp4?sig=abc")
		return resp, nil
	})
	mt.RegisterResponder("GET", apiBase+"/media/pb-1.mp4", httpmock.NewStringResponder(200, "MP4-BYTES"))
	rc, err := c.Rooms.DownloadRecording(ctx, "room-launch", "pb-1")
	require.NoError(t, err)
	b, err := io.ReadAll(rc)
	require.NoError(t, err)
	require.NoError(t, rc.Close())
	assert.Equal(t, "MP4-BYTES", string(b), "a redirect on the API's host is followed")

	mt.RegisterResponder("GET", apiBase+"/api/v1/rooms/room-launch/recorded/pb-1/thumbnail", func(r *http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(http.StatusFound, "")
		resp.Header.Set("Location", "https://cdn.elsewhere.example/pb-1.png")
		return resp, nil
	})
	_, err = c.Rooms.DownloadRecordingThumbnail(ctx, "room-launch", "pb-1")
	require.Error(t, err, "a redirect to another host is refused: the credentials would follow it")
	assert.Contains(t, err.Error(), "refused redirect")
	assert.Zero(t, mt.GetCallCountInfo()["GET https://cdn.elsewhere.example/pb-1.png"])
}

func TestRoomsRecordWatchEvents(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	rec := record(t, mt, "POST", "/api/v3/user-event/room", `{"ok":true}`, 503, 200)
	params := &amity.RecordRoomWatchEventsParams{Signature: "c2ln", NonceStr: "n1", Timestamp: "2024-05-01T12:00:00.000Z",
		Rooms: []amity.RoomWatchEvent{{SessionID: "s1", RoomID: "room-launch", StartTime: "2024-05-01T11:00:00.000Z", EndTime: "2024-05-01T11:01:00.000Z", WatchSeconds: 60}}}
	_, err := u.Rooms.RecordWatchEvents(context.Background(), params)
	require.Error(t, err)
	assert.Len(t, rec.all(), 1, "watching time is never sent twice")
	out, err := u.Rooms.RecordWatchEvents(context.Background(), params)
	require.NoError(t, err)
	assert.True(t, out.OK)
	assert.JSONEq(t, `{"signature":"c2ln","nonceStr":"n1","timestamp":"2024-05-01T12:00:00.000Z","rooms":[{"sessionId":"s1","roomId":"room-launch",
		"startTime":"2024-05-01T11:00:00.000Z","endTime":"2024-05-01T11:01:00.000Z","watchSeconds":60}]}`, rec.last(t).Body)
}

func TestRoomPlaybackID(t *testing.T) {
	for url, want := range map[string]string{
		"https://api.test/api/v1/rooms/r1/recorded/pb-1/watch":       "pb-1",
		"https://api.test/api/v1/rooms/r1/recorded/pb%2F2/thumbnail": "pb/2",
		"https://cdn.example/recordings/pb-3.mp4":                    "",
		"": "",
	} {
		assert.Equal(t, want, amity.RoomPlaybackInfo{URL: url}.PlaybackID(), url)
	}
	assert.Equal(t, "pb-4", amity.RoomPlaybackInfo{ThumbnailURL: "https://api.test/api/v1/rooms/r1/recorded/pb-4/thumbnail"}.PlaybackID(),
		"the thumbnail's URL when the recording's has none")
}

// TestRoomsUnknownEnumsAreSent: a room type, status or order the SDK does not know is sent as
// given.
func TestRoomsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"create type", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Rooms.Create(ctx, &amity.CreateRoomParams{Title: "t", Type: "audioOnly"}))
		}, []string{`"type":"audioOnly"`}},
		{"list filters", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Rooms.ListPage(ctx, &amity.ListRoomsParams{Statuses: []amity.RoomStatus{"paused"}, Type: "audioOnly", SortBy: "loudest"}))
		}, []string{"statuses[]=paused", "type=audioOnly", "sortBy=loudest"}},
	})
}

func TestRoomsBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	ids := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("u%d", i)
		}
		return out
	}
	watch := func(mut func(p *amity.RecordRoomWatchEventsParams)) func() error {
		p := &amity.RecordRoomWatchEventsParams{Signature: "s", NonceStr: "n", Timestamp: "t",
			Rooms: []amity.RoomWatchEvent{{RoomID: "r", StartTime: "a", EndTime: "b"}}}
		mut(p)
		return func() error { return errOf(c.Rooms.RecordWatchEvents(ctx, p)) }
	}
	assertInvalidCases(t, map[string]invalidCase{
		"create nil":        {"Rooms.Create: params", func() error { return errOf(c.Rooms.Create(ctx, nil)) }},
		"create no title":   {"Title", func() error { return errOf(c.Rooms.Create(ctx, &amity.CreateRoomParams{Title: " "})) }},
		"create long title": {"Title", func() error { return errOf(c.Rooms.Create(ctx, &amity.CreateRoomParams{Title: longString(1001)})) }},
		"create long description": {"Description", func() error {
			return errOf(c.Rooms.Create(ctx, &amity.CreateRoomParams{Title: "t", Description: longString(5001)}))
		}},
		"create long thumbnail": {"ThumbnailFileID", func() error {
			return errOf(c.Rooms.Create(ctx, &amity.CreateRoomParams{Title: "t", ThumbnailFileID: longString(51)}))
		}},
		"create long parent": {"ParentRoomID", func() error {
			return errOf(c.Rooms.Create(ctx, &amity.CreateRoomParams{Title: "t", ParentRoomID: longString(51)}))
		}},
		"get empty":  {"Rooms.Get: roomID", func() error { return errOf(c.Rooms.Get(ctx, "")) }},
		"get long":   {"roomID", func() error { return errOf(c.Rooms.Get(ctx, longString(51))) }},
		"get dot":    {"roomID", func() error { return errOf(c.Rooms.Get(ctx, "..")) }},
		"update nil": {"Rooms.Update: params", func() error { return errOf(c.Rooms.Update(ctx, "r", nil)) }},
		"update id":  {"Rooms.Update: roomID", func() error { return errOf(c.Rooms.Update(ctx, " ", &amity.UpdateRoomParams{})) }},
		"update title": {"Title", func() error {
			return errOf(c.Rooms.Update(ctx, "r", &amity.UpdateRoomParams{Title: amity.Ptr("")}))
		}},
		"update thumbnail": {"ThumbnailFileID", func() error {
			return errOf(c.Rooms.Update(ctx, "r", &amity.UpdateRoomParams{ThumbnailFileID: amity.Ptr("")}))
		}},
		"update description": {"Description", func() error {
			return errOf(c.Rooms.Update(ctx, "r", &amity.UpdateRoomParams{Description: amity.Ptr(longString(5001))}))
		}},
		"delete": {"Rooms.Delete: roomID", func() error { return c.Rooms.Delete(ctx, "") }},
		"stop":   {"Rooms.Stop: roomID", func() error { return errOf(c.Rooms.Stop(ctx, ".")) }},
		"ingest": {"Rooms.GetIngestData: roomID", func() error { return errOf(c.Rooms.GetIngestData(ctx, "")) }},
		"list statuses": {"Statuses", func() error {
			return errOf(c.Rooms.ListPage(ctx, &amity.ListRoomsParams{Statuses: make([]amity.RoomStatus, 11)}))
		}},
		"list empty": {"Statuses", func() error {
			return errOf(c.Rooms.ListPage(ctx, &amity.ListRoomsParams{Statuses: []amity.RoomStatus{""}}))
		}},
		"list token": {"PageToken", func() error {
			return errOf(c.Rooms.ListPage(ctx, &amity.ListRoomsParams{PageParams: amity.PageParams{PageToken: longString(1001)}}))
		}},
		"remove nil":     {"Rooms.RemoveParticipant: params", func() error { return errOf(c.Rooms.RemoveParticipant(ctx, "r", nil)) }},
		"remove no user": {"UserID", func() error { return errOf(c.Rooms.RemoveParticipant(ctx, "r", &amity.RemoveRoomParticipantParams{})) }},
		"remove long": {"UserID", func() error {
			return errOf(c.Rooms.RemoveParticipant(ctx, "r", &amity.RemoveRoomParticipantParams{UserID: longString(51)}))
		}},
		"remove room": {"roomID", func() error {
			return errOf(c.Rooms.RemoveParticipant(ctx, "", &amity.RemoveRoomParticipantParams{UserID: "u"}))
		}},
		"watch room":     {"Rooms.DownloadRecording: roomID", func() error { return errOf(c.Rooms.DownloadRecording(ctx, "", "p")) }},
		"watch playback": {"playbackID", func() error { return errOf(c.Rooms.DownloadRecording(ctx, "r", "..")) }},
		"thumb playback": {"Rooms.DownloadRecordingThumbnail: playbackID", func() error { return errOf(c.Rooms.DownloadRecordingThumbnail(ctx, "r", longString(51))) }},
		"ban nil":        {"Rooms.BanViewers: params", func() error { return c.Rooms.BanViewers(ctx, "r", nil) }},
		"ban none":       {"UserIDs", func() error { return c.Rooms.BanViewers(ctx, "r", &amity.ViewerBansParams{}) }},
		"ban too many":   {"UserIDs", func() error { return c.Rooms.BanViewers(ctx, "r", &amity.ViewerBansParams{UserIDs: ids(101)}) }},
		"ban long id": {"UserIDs", func() error {
			return c.Rooms.BanViewers(ctx, "r", &amity.ViewerBansParams{UserIDs: []string{longString(51)}})
		}},
		"ban room": {"roomID", func() error { return c.Rooms.BanViewers(ctx, " ", &amity.ViewerBansParams{UserIDs: []string{"u"}}) }},
		"unban blank": {"Rooms.UnbanViewers: UserIDs", func() error {
			return c.Rooms.UnbanViewers(ctx, "r", &amity.ViewerBansParams{UserIDs: []string{"u", ""}})
		}},
		"bans room": {"Rooms.ListViewerBansPage: roomID", func() error { return errOf(c.Rooms.ListViewerBansPage(ctx, "", nil)) }},
		"bans limit": {"Limit", func() error {
			return errOf(c.Rooms.ListViewerBansPage(ctx, "r", &amity.ListRoomViewerBansParams{PageParams: amity.PageParams{Limit: -1}}))
		}},
		"events nil":      {"Rooms.RecordWatchEvents: params", func() error { return errOf(c.Rooms.RecordWatchEvents(ctx, nil)) }},
		"events sig":      {"Signature", watch(func(p *amity.RecordRoomWatchEventsParams) { p.Signature = "" })},
		"events nonce":    {"NonceStr", watch(func(p *amity.RecordRoomWatchEventsParams) { p.NonceStr = longString(51) })},
		"events time":     {"Timestamp", watch(func(p *amity.RecordRoomWatchEventsParams) { p.Timestamp = "" })},
		"events none":     {"Rooms", watch(func(p *amity.RecordRoomWatchEventsParams) { p.Rooms = nil })},
		"events room":     {"Rooms[0].RoomID", watch(func(p *amity.RecordRoomWatchEventsParams) { p.Rooms[0].RoomID = "" })},
		"events session":  {"Rooms[0].SessionID", watch(func(p *amity.RecordRoomWatchEventsParams) { p.Rooms[0].SessionID = longString(51) })},
		"events start":    {"Rooms[0].StartTime", watch(func(p *amity.RecordRoomWatchEventsParams) { p.Rooms[0].StartTime = "" })},
		"events end":      {"Rooms[0].EndTime", watch(func(p *amity.RecordRoomWatchEventsParams) { p.Rooms[0].EndTime = "" })},
		"events negative": {"Rooms[0].WatchSeconds", watch(func(p *amity.RecordRoomWatchEventsParams) { p.Rooms[0].WatchSeconds = -1 })},
	})
	for range c.Rooms.ListViewerBans(ctx, "..", nil) {
	}
	_, err := first(c.Rooms.List(ctx, &amity.ListRoomsParams{PageParams: amity.PageParams{Limit: 101}}))
	assertInvalid(t, err, "Rooms.List: Limit")
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestRoomsShape(t *testing.T) {
	room := fixture(t, "rooms_room.json")
	page := fixture(t, "rooms_page1.json")
	bans := fixture(t, "rooms_viewer_bans.json")
	const empty = `{"rooms":[],"users":[]}`
	type fn = func(context.Context, *amity.Client) error
	checkRoom := func(t *testing.T, out any) {
		p := out.(*amity.RoomPayload)
		require.NotNil(t, p.Room())
		assert.Equal(t, "room-launch", p.Room().RoomID)
		assert.Equal(t, "Alice", p.Creator(p.Room()).DisplayName, "sideloads kept")
	}
	listed := func(t *testing.T, out any) {
		switch v := out.(type) {
		case amity.Room:
			assert.Equal(t, "room-a", v.RoomID)
		case *amity.RoomPayload:
			assert.Equal(t, "rooms-2", v.Paging.Next)
			assert.Equal(t, "Bob", v.Creator(&v.Rooms[1]).DisplayName)
		default:
			t.Fatalf("unexpected %T", out)
		}
	}
	listedBans := func(t *testing.T, out any) {
		switch v := out.(type) {
		case amity.ViewerBan:
			assert.Equal(t, "mallory", v.UserPublicID)
		case *amity.RoomViewerBansPayload:
			assert.Equal(t, "bans-2", v.Paging.Next)
			assert.Equal(t, "Mallory", v.Viewer(&v.RoomBannedUsers[0]).DisplayName)
		default:
			t.Fatalf("unexpected %T", out)
		}
	}
	badID := func(f func(ctx context.Context, c *amity.Client, id string) error) []fn {
		var out []fn
		for _, id := range []string{"", " ", "..", longString(51)} {
			out = append(out, func(ctx context.Context, c *amity.Client) error { return f(ctx, c, id) })
		}
		return out
	}
	download := func(f func(ctx context.Context, c *amity.Client) (io.ReadCloser, error)) func(ctx context.Context, c *amity.Client) (any, error) {
		return func(ctx context.Context, c *amity.Client) (any, error) {
			rc, err := f(ctx, c)
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			return string(b), err
		}
	}
	const mp4 = "\x00\x00\x00\x18ftypmp42"
	viewers := &amity.ViewerBansParams{UserIDs: []string{"mallory", "trudy"}}
	runShapeCases(t, []shapeCase{
		{name: "Create", method: "POST", path: "/api/v1/rooms", body: `{"title":"Launch"}`, answer: room, empty: empty, check: checkRoom, attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Rooms.Create(ctx, &amity.CreateRoomParams{Title: "Launch"})
			},
			invalid: []fn{func(ctx context.Context, c *amity.Client) error { return errOf(c.Rooms.Create(ctx, nil)) }}},
		{name: "Get", method: "GET", path: "/api/v1/rooms/room-launch", answer: room, empty: empty, check: checkRoom, attempts: 3,
			call:    func(ctx context.Context, c *amity.Client) (any, error) { return c.Rooms.Get(ctx, "room-launch") },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return errOf(c.Rooms.Get(ctx, id)) })},
		{name: "GetEscapes", method: "GET", path: "/api/v1/rooms/a%2F..%2Fb", answer: room,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Rooms.Get(ctx, "a/../b") }},
		{name: "Update", method: "PUT", path: "/api/v1/rooms/room-launch", body: `{"title":"T","liveChatEnabled":true,"channelEnabled":true}`,
			answer: room, empty: empty, check: checkRoom, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Rooms.Update(ctx, "room-launch", &amity.UpdateRoomParams{Title: amity.Ptr("T"), LiveChatEnabled: amity.Ptr(true)})
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Rooms.Update(ctx, id, &amity.UpdateRoomParams{}))
			})},
		{name: "Delete", method: "DELETE", path: "/api/v1/rooms/room-launch", answer: `{"success":true}`, unsuccessful: successFalse, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Rooms.Delete(ctx, "room-launch"))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return c.Rooms.Delete(ctx, id) })},
		{name: "Stop", method: "POST", path: "/api/v1/rooms/room-launch/stop", answer: room, empty: empty, check: checkRoom, attempts: 3,
			call:    func(ctx context.Context, c *amity.Client) (any, error) { return c.Rooms.Stop(ctx, "room-launch") },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return errOf(c.Rooms.Stop(ctx, id)) })},
		{name: "List", method: "GET", path: "/api/v1/rooms", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return first(c.Rooms.List(ctx, nil)) }},
		{name: "ListPages", method: "GET", path: "/api/v1/rooms", query: "sortBy=firstCreated", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Rooms.ListPages(ctx, &amity.ListRoomsParams{SortBy: amity.RoomSortFirstCreated}))
			}},
		{name: "ListPage", method: "GET", path: "/api/v1/rooms", query: "isDeleted=true&options%5Btoken%5D=t", answer: page, check: listed, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Rooms.ListPage(ctx, &amity.ListRoomsParams{IsDeleted: amity.Ptr(true), PageParams: amity.PageParams{PageToken: "t"}})
			}},
		{name: "RemoveParticipant", method: "DELETE", path: "/api/v1/rooms/room-launch/participants", body: `{"participantUserId":"bob"}`,
			answer: room, empty: empty, check: checkRoom, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Rooms.RemoveParticipant(ctx, "room-launch", &amity.RemoveRoomParticipantParams{UserID: "bob"})
			},
			invalid: append(badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Rooms.RemoveParticipant(ctx, id, &amity.RemoveRoomParticipantParams{UserID: "bob"}))
			}), func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Rooms.RemoveParticipant(ctx, "r", nil))
			})},
		{name: "GetIngestData", method: "GET", path: "/api/v1/rooms/room-launch/token", answer: fixture(t, "rooms_ingest.json"), empty: `{}`,
			// The payload's Raw is the answer with the secrets redacted (TestRoomsIngestDataIsSecret),
			// so the harness's Raw rule does not apply.
			check: func(t *testing.T, out any) {
				p := out.(struct{ P *amity.RoomIngestPayload }).P
				assert.Equal(t, "rtmps://ingest.example:443/live/sk_live_SECRET-key-42", string(p.DirectStreamURL))
				assert.Contains(t, string(p.Raw), "ingestFutureField", "unknown fields stay in Raw")
			},
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				p, err := c.Rooms.GetIngestData(ctx, "room-launch")
				return struct{ P *amity.RoomIngestPayload }{p}, err
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Rooms.GetIngestData(ctx, id))
			})},
		{name: "DownloadRecording", method: "GET", path: "/api/v1/rooms/room-launch/recorded/pb-1/watch", answer: mp4, attempts: 3,
			header: map[string]string{"Accept": "*/*"},
			check:  func(t *testing.T, out any) { assert.Equal(t, mp4, out) },
			call: download(func(ctx context.Context, c *amity.Client) (io.ReadCloser, error) {
				return c.Rooms.DownloadRecording(ctx, "room-launch", "pb-1")
			}),
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Rooms.DownloadRecording(ctx, "room-launch", id))
			})},
		{name: "DownloadRecordingThumbnail", method: "GET", path: "/api/v1/rooms/room-launch/recorded/pb-1/thumbnail", answer: "PNG", attempts: 3,
			check: func(t *testing.T, out any) { assert.Equal(t, "PNG", out) },
			call: download(func(ctx context.Context, c *amity.Client) (io.ReadCloser, error) {
				return c.Rooms.DownloadRecordingThumbnail(ctx, "room-launch", "pb-1")
			}),
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Rooms.DownloadRecordingThumbnail(ctx, id, "pb-1"))
			})},
		{name: "BanViewers", method: "POST", path: "/api/v1/rooms/room-launch/viewer-bans", body: `{"userIds":["mallory","trudy"]}`,
			answer: `{"success":true}`, unsuccessful: successFalse, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Rooms.BanViewers(ctx, "room-launch", viewers))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return c.Rooms.BanViewers(ctx, id, viewers)
			})},
		{name: "UnbanViewers", method: "DELETE", path: "/api/v1/rooms/room-launch/viewer-bans", body: `{"userIds":["mallory","trudy"]}`,
			answer: `{"success":true}`, unsuccessful: successFalse, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Rooms.UnbanViewers(ctx, "room-launch", viewers))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return c.Rooms.UnbanViewers(ctx, id, viewers)
			})},
		{name: "ListViewerBans", method: "GET", path: "/api/v1/rooms/room-launch/viewer-bans", answer: bans, check: listedBans,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Rooms.ListViewerBans(ctx, "room-launch", nil))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(first(c.Rooms.ListViewerBans(ctx, id, nil)))
			})},
		{name: "ListViewerBansPages", method: "GET", path: "/api/v1/rooms/room-launch/viewer-bans", query: "limit=5", answer: bans, check: listedBans,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Rooms.ListViewerBansPages(ctx, "room-launch", &amity.ListRoomViewerBansParams{PageParams: amity.PageParams{Limit: 5}}))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(first(c.Rooms.ListViewerBansPages(ctx, id, nil)))
			})},
		{name: "ListViewerBansPage", method: "GET", path: "/api/v1/rooms/room-launch/viewer-bans", query: "token=bans-2", answer: bans, check: listedBans,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Rooms.ListViewerBansPage(ctx, "room-launch", &amity.ListRoomViewerBansParams{PageParams: amity.PageParams{PageToken: "bans-2"}})
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Rooms.ListViewerBansPage(ctx, id, nil))
			})},
		{name: "RecordWatchEvents", method: "POST", path: "/api/v3/user-event/room", answer: `{"ok":true}`, attempts: 1,
			body:  `{"signature":"s","nonceStr":"n","timestamp":"t","rooms":[{"roomId":"r","startTime":"a","endTime":"b","watchSeconds":1}]}`,
			check: func(t *testing.T, out any) { assert.True(t, out.(*amity.StreamEventPayload).OK) },
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Rooms.RecordWatchEvents(ctx, &amity.RecordRoomWatchEventsParams{Signature: "s", NonceStr: "n", Timestamp: "t",
					Rooms: []amity.RoomWatchEvent{{RoomID: "r", StartTime: "a", EndTime: "b", WatchSeconds: 1}}})
			},
			invalid: []fn{func(ctx context.Context, c *amity.Client) error { return errOf(c.Rooms.RecordWatchEvents(ctx, nil)) }}},
	})
}

// TestRoomsAnswersNotFound: an API error reaches the caller as an *Error naming the call.
func TestRoomsAnswersNotFound(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", apiBase+"/api/v1/rooms/gone", jsonResponder(404, `{"status":"error","code":400400,"message":"Room not found."}`))
	_, err := c.Rooms.Get(context.Background(), "gone")
	assert.ErrorIs(t, err, amity.ErrNotFound)
	var ae *amity.Error
	require.True(t, errors.As(err, &ae))
	assert.Equal(t, "Room not found.", ae.Message)
	assert.Equal(t, "Rooms.Get", ae.Op)
	assert.True(t, strings.HasSuffix(ae.Path, "/api/v1/rooms/gone"))
}

// TestLiveFixturesMatchSpec checks the hand-written fixtures of rooms, products, room
// presence, live reactions and live streams against the spec; spec 4.116.1 added these
// operations, so an older spec skips it.
func TestLiveFixturesMatchSpec(t *testing.T) {
	spec := spectest.Load(t)
	if _, _, err := spec.FindOperation("GET", "/api/v1/rooms"); err != nil {
		t.Skipf("the spec (%s) has no rooms: %v", spec.Version(), err)
	}
	assertFixturesMatchSpec(t, map[string][2]string{
		"rooms_room.json":               {"GET", "/api/v1/rooms/room-launch"},
		"rooms_page1.json":              {"GET", "/api/v1/rooms"},
		"rooms_page2.json":              {"GET", "/api/v1/rooms"},
		"rooms_viewer_bans.json":        {"GET", "/api/v1/rooms/room-launch/viewer-bans"},
		"rooms_viewer_bans_page2.json":  {"GET", "/api/v1/rooms/room-launch/viewer-bans"},
		"rooms_ingest.json":             {"GET", "/api/v1/rooms/room-launch/token"},
		"rooms_ingest_cohost.json":      {"GET", "/api/v1/rooms/room-launch/token"},
		"streams_live.json":             {"GET", "/api/v3/video-streaming/live"},
		"streams_live_page2.json":       {"GET", "/api/v3/video-streaming/live"},
		"streams_viewer_bans.json":      {"GET", "/api/v3/video-streaming/stream-1/viewer-bans"},
		"presence_room_viewers.json":    {"GET", "/api/v1/presence/rooms/room-launch/users"},
		"presence_room_count.json":      {"GET", "/api/v1/presence/rooms/room-launch/users/count"},
		"products_product.json":         {"GET", "/api/v1/products/sku-mug"},
		"products_page1.json":           {"GET", "/api/v1/products"},
		"products_page2.json":           {"GET", "/api/v1/products/search"},
		"products_count.json":           {"GET", "/api/v1/products/count"},
		"products_bulk_job.json":        {"GET", "/api/v1/products/bulk/jobs/65a0c0ffee65a0c0ffee00c1"},
		"products_bulk_jobs_page1.json": {"GET", "/api/v1/products/bulk/jobs"},
		"products_bulk_jobs_page2.json": {"GET", "/api/v1/products/bulk/jobs"},
	})
	// Live reactions answer 202, which assertFixturesMatchSpec (200) does not cover.
	h := http.Header{"Content-Type": {"application/json"}}
	assert.NoError(t, spec.ValidateResponse("POST", "/api/v1/reactions/live", http.StatusAccepted, h, []byte(fixture(t, "reactions_live.json"))))
}

// TestLiveAreasAgainstFake drives rooms, room presence, live reactions, viewer bans and
// products through the SDK against amitytest: every answer decodes and the fake's state
// shows through.
func TestLiveAreasAgainstFake(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	srv := amitytest.NewServer(amitytest.WithClock(clock), amitytest.WithoutRateLimit())
	t.Cleanup(srv.Close)
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(srv.AdminToken()), amity.WithAPIKey(srv.APIKey()))
	require.NoError(t, err)
	alice, err := c.AsUser("alice")
	require.NoError(t, err)
	bob, err := c.AsUser("bob")
	require.NoError(t, err)

	// A room: created, live, watched, reacted to, stopped, recorded.
	created, err := alice.Rooms.Create(ctx, &amity.CreateRoomParams{Title: "Launch", Type: amity.RoomTypeDirectStreaming})
	require.NoError(t, err)
	room := created.Room()
	assert.Equal(t, amity.RoomStatusIdle, room.Status)
	assert.Equal(t, "alice", created.Host(room).UserID)
	ingest, err := alice.Rooms.GetIngestData(ctx, room.RoomID)
	require.NoError(t, err)
	assert.Contains(t, string(ingest.DirectStreamURL), "?key=")
	require.NoError(t, srv.StartRoom(room.RoomID))
	require.NoError(t, bob.Presence.SendRoomHeartbeat(ctx, room.RoomID))
	n, err := c.Presence.CountRoomViewers(ctx, room.RoomID)
	require.NoError(t, err)
	assert.Equal(t, 1, n.Count)
	viewers, err := c.Presence.GetRoomViewers(ctx, room.RoomID, nil)
	require.NoError(t, err)
	assert.NotNil(t, viewers.ViewerByID("bob"))
	post, err := alice.Posts.Create(ctx, &amity.CreatePostParams{DataType: amity.PostDataTypeRoom, Data: &amity.CreatePostData{RoomID: room.RoomID}})
	require.NoError(t, err)
	sent, err := bob.Reactions.SendLive(ctx, &amity.SendLiveReactionsParams{RoomID: room.RoomID,
		Reactions: []amity.LiveReactionParams{{ReferencePublicID: post.Post().PostID, ReactionName: "like"}}})
	require.NoError(t, err)
	assert.Equal(t, "bob", sent.Reactions[0].UserID)
	assert.Equal(t, map[string]int{"like": 1}, srv.LiveReactionCounts(room.RoomID))

	require.NoError(t, alice.Rooms.BanViewers(ctx, room.RoomID, &amity.ViewerBansParams{UserIDs: []string{"bob"}}))
	var banned []string
	for ban, err := range alice.Rooms.ListViewerBans(ctx, room.RoomID, nil) {
		require.NoError(t, err)
		banned = append(banned, ban.UserPublicID)
	}
	assert.Equal(t, []string{"bob"}, banned)
	assertNotAllowed := func(err error) {
		var ae *amity.Error
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, http.StatusForbidden, ae.StatusCode)
	}
	assertNotAllowed(bob.Presence.SendRoomHeartbeat(ctx, room.RoomID))
	require.NoError(t, alice.Rooms.UnbanViewers(ctx, room.RoomID, &amity.ViewerBansParams{UserIDs: []string{"bob"}}))

	advance(time.Hour)
	stopped, err := alice.Rooms.Stop(ctx, room.RoomID)
	require.NoError(t, err)
	assert.Equal(t, amity.RoomStatusEnded, stopped.Room().Status)
	assert.InDelta(t, 3600, stopped.Room().DurationSeconds, 1e-9)
	require.NoError(t, srv.RecordRoom(room.RoomID))
	got, err := bob.Rooms.Get(ctx, room.RoomID)
	require.NoError(t, err)
	assert.Equal(t, "post", string(got.Room().ReferenceType))
	require.Len(t, got.Room().RecordedPlaybackInfos, 1)
	playback := got.Room().RecordedPlaybackInfos[0].PlaybackID()
	rc, err := bob.Rooms.DownloadRecording(ctx, room.RoomID, playback)
	require.NoError(t, err)
	video, err := io.ReadAll(rc)
	require.NoError(t, err)
	require.NoError(t, rc.Close())
	assert.Contains(t, string(video), "ftypmp4", "the redirect on the API's host is followed")
	rc, err = bob.Rooms.DownloadRecordingThumbnail(ctx, room.RoomID, playback)
	require.NoError(t, err)
	_, err = png.Decode(rc)
	require.NoError(t, err)
	require.NoError(t, rc.Close())
	list, err := c.Rooms.ListPage(ctx, &amity.ListRoomsParams{Statuses: []amity.RoomStatus{amity.RoomStatusRecorded}})
	require.NoError(t, err)
	assert.Equal(t, room.RoomID, list.Room().RoomID)
	require.NoError(t, alice.Rooms.Delete(ctx, room.RoomID))

	// Products and a bulk import under the fake's clock.
	_, err = c.Products.Create(ctx, &amity.CreateProductParams{ProductID: "sku-mug", ProductName: "Mug", ProductURL: "https://shop.example/mug", Status: amity.ProductActive})
	require.NoError(t, err)
	up, err := c.Files.UploadFile(ctx, &amity.UploadParams{Name: "p.csv", ContentType: "text/csv",
		Body: strings.NewReader("productId,productName,productUrl,status\nsku-cap,Cap,https://shop.example/cap,active\n")})
	require.NoError(t, err)
	job, err := c.Products.CreateBulkJob(ctx, &amity.CreateBulkJobParams{FileID: up.File().FileID})
	require.NoError(t, err)
	started, err := c.Products.StartBulkJob(ctx, job.Job().JobID, &amity.StartBulkJobParams{Operation: amity.BulkJobInsert})
	require.NoError(t, err)
	assert.Equal(t, amity.BulkJobRunning, started.Job().Status)
	advance(2 * time.Second)
	done, err := c.Products.GetBulkJob(ctx, job.Job().JobID)
	require.NoError(t, err)
	assert.Equal(t, amity.BulkJobDone, done.Job().Status)
	assert.Equal(t, 1, done.Job().Summary.SuccessfulRows)
	var names []string
	for p, err := range bob.Products.Search(ctx, &amity.SearchProductsParams{SortBy: amity.ProductSortProductName}) {
		require.NoError(t, err)
		names = append(names, p.ProductName)
	}
	assert.Equal(t, []string{"Cap", "Mug"}, names)
	count, err := c.Products.Count(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, count.Count)
	many, err := bob.Products.GetMany(ctx, &amity.GetManyProductsParams{ProductIDs: []string{"sku-mug", "sku-cap"}})
	require.NoError(t, err)
	assert.Equal(t, []string{"sku-mug", "sku-cap"}, []string{many.Products[0].ProductID, many.Products[1].ProductID})
	require.NoError(t, c.Products.Delete(ctx, &amity.DeleteProductsParams{ProductIDs: []string{"sku-mug"}}))
	_, err = bob.Products.Get(ctx, "sku-mug")
	assert.ErrorIs(t, err, amity.ErrNotFound)
	sample, err := c.Products.DownloadBulkSample(ctx)
	require.NoError(t, err)
	b, err := io.ReadAll(sample)
	require.NoError(t, err)
	require.NoError(t, sample.Close())
	assert.True(t, strings.HasPrefix(string(b), "productId,"))
}
