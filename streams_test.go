package amity_test

import (
	"context"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStreamsCRUD(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	rec.route("POST", "/api/v3/video-streaming", fixture(t, "streams_one.json"), 503, 200)
	rec.route("GET", "/api/v3/video-streaming/stream-1", fixture(t, "streams_one.json"))
	rec.route("PUT", "/api/v3/video-streaming/stream-1", fixture(t, "streams_one.json"), 502, 200)
	rec.route("DELETE", "/api/v3/video-streaming/stream-1", `{"status":"success","data":{"success":true}}`, 502, 200)
	rec.route("DELETE", "/api/v3/video-streaming/stream-1/streaming-url", fixture(t, "streams_one.json"), 502, 200)

	params := &amity.CreateStreamParams{Title: "Launch", Description: "Product launch", ThumbnailFileID: "file-thumb", IsSecure: amity.Ptr(true), Resolution: amity.StreamHD, Metadata: map[string]any{"k": "v"}}
	_, err := c.Streams.Create(ctx, params)
	require.Error(t, err, "a create is not retried after a 503")
	assert.Len(t, rec.all(), 1)
	out, err := c.Streams.Create(ctx, params)
	require.NoError(t, err)
	assert.JSONEq(t, `{"title":"Launch","description":"Product launch","thumbnailFileId":"file-thumb","metadata":{"k":"v"},"isSecure":true,"resolution":"HD"}`, rec.last(t).Body)
	s := out.Stream()
	require.NotNil(t, s)
	assert.Equal(t, amity.VideoStreamingLive, s.Status)
	assert.Equal(t, "rtmp://live.test/app/stream-1?key=x", s.StreamerURL.URL)
	assert.Equal(t, "app", s.StreamerURL.Components.AppName)
	assert.Equal(t, "https://live.test/stream-1.m3u8", s.WatcherURL.HLS.URL)
	assert.Equal(t, "obs", s.Platform.Name)
	assert.Equal(t, "Alice", out.Broadcaster(s).DisplayName)
	m := out.Moderation(s)
	require.NotNil(t, m)
	assert.Equal(t, amity.StreamModerationViolence, m.FlagLabels[0].Category)
	assert.Equal(t, 0.8, m.FlagLabels[0].Threshold)
	assert.Equal(t, "https://files.test/thumb.jpg", out.FileByID(s.ThumbnailFileID).FileURL)
	assert.Same(t, s, out.StreamByID("stream-1"))
	assert.NotNil(t, out.UserByID("alice"))
	assert.Nil(t, out.Broadcaster(nil))
	assert.Nil(t, out.Moderation(nil))
	assert.Contains(t, string(out.Raw), "streamFutureField")

	_, err = c.Streams.Get(ctx, "stream-1")
	require.NoError(t, err)
	assert.Equal(t, "GET", rec.last(t).Method)

	n := len(rec.all())
	_, err = c.Streams.Update(ctx, "stream-1", &amity.UpdateStreamParams{Title: "Launch v2", Resolution: amity.StreamFHD})
	require.NoError(t, err)
	assert.Len(t, rec.all(), n+2, "an update is retried")
	assert.JSONEq(t, `{"title":"Launch v2","resolution":"FHD"}`, rec.last(t).Body)

	n = len(rec.all())
	require.NoError(t, c.Streams.Delete(ctx, "stream-1"))
	assert.Len(t, rec.all(), n+2)

	n = len(rec.all())
	ended, err := c.Streams.DisposeURL(ctx, "stream-1")
	require.NoError(t, err)
	assert.Len(t, rec.all(), n+2)
	assert.Equal(t, apiKey, rec.last(t).Header.Get("X-API-Key"), "the API key the spec asks for")
	assert.Equal(t, "Bearer "+adminToken, rec.last(t).Header.Get("Authorization"))
	assert.NotNil(t, ended.Stream())
}

func TestStreamsList(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v3/video-streaming", fixture(t, "streams_page.json"))
	mt.RegisterResponderWithQuery("GET", "https://api.test/api/v3/video-streaming", "options[token]=streams-2", jsonResponder(200, `{"results":{"videoStreamings":[]},"paging":{}}`))
	page, err := c.Streams.ListPage(ctx, &amity.ListStreamsParams{PageParams: amity.PageParams{Limit: 5}, Skip: 10, IsLive: amity.Ptr(true),
		Statuses: []amity.VideoStreamingStatus{amity.VideoStreamingLive, amity.VideoStreamingEnded}, UserPublicIDs: []string{"alice", "bob"},
		SortBy: amity.StreamSortFirstCreated, IsDeleted: amity.Ptr(false)})
	require.NoError(t, err)
	q := rec.last(t).Values()
	assert.Equal(t, "true", q.Get("isLive"))
	assert.Equal(t, []string{"live", "ended"}, q["statuses[]"])
	assert.Equal(t, []string{"alice", "bob"}, q["userPublicIds[]"])
	assert.Equal(t, "firstCreated", q.Get("sortBy"))
	assert.Equal(t, "false", q.Get("isDeleted"))
	assert.Equal(t, "10", q.Get("options[skip]"))
	assert.Equal(t, "5", q.Get("options[limit]"))
	require.Len(t, page.VideoStreamings, 1, "the bundle under results")
	assert.Equal(t, "streams-2", page.Paging.Next)
	assert.Equal(t, "Launch", page.Stream().Title)
	assert.Contains(t, string(page.Raw), "listFutureField")
	assert.Equal(t, 1, countItems(t, c.Streams.List(ctx, nil)))
	assert.Equal(t, 2, countItems(t, c.Streams.ListPages(ctx, nil)))
}

func TestStreamsWatchEvents(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v3/user-event/video-streaming", `{"ok":true}`, 503, 200)
	params := &amity.RecordWatchEventsParams{Signature: "sig", NonceStr: "n1", Timestamp: "2026-01-02T03:04:05Z",
		Streams: []amity.StreamWatchEvent{{SessionID: "s", StreamID: "stream-1", StartTime: "2026-01-02T03:00:00Z", EndTime: "2026-01-02T03:04:00Z", WatchSeconds: 240}}}
	_, err := c.Streams.RecordWatchEvents(ctx, params)
	require.Error(t, err, "watch events are not retried")
	out, err := c.Streams.RecordWatchEvents(ctx, params)
	require.NoError(t, err)
	assert.True(t, out.OK)
	assert.JSONEq(t, `{"signature":"sig","nonceStr":"n1","timestamp":"2026-01-02T03:04:05Z","streams":[{"sessionId":"s","streamId":"stream-1",
		"startTime":"2026-01-02T03:00:00Z","endTime":"2026-01-02T03:04:00Z","watchSeconds":240}]}`, rec.last(t).Body)
}

func TestStreamsErrorsAndValidation(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", "https://api.test/api/v3/video-streaming/ghost", jsonResponder(404, notFoundBody))
	mt.RegisterResponder("DELETE", "https://api.test/api/v3/video-streaming/s2", jsonResponder(200, `{"status":"success","data":{"success":false}}`))
	_, err := c.Streams.Get(ctx, "ghost")
	assertNotFound(t, err)
	assert.ErrorIs(t, c.Streams.Delete(ctx, "s2"), amity.ErrUnsuccessful)

	before := mt.GetTotalCallCount()
	for _, bad := range []string{"", "..", strings.Repeat("s", 51)} {
		_, err := c.Streams.Get(ctx, bad)
		assertInvalid(t, err, "streamID")
		_, err = c.Streams.Update(ctx, bad, &amity.UpdateStreamParams{Title: "t"})
		assertInvalid(t, err, "streamID")
		assertInvalid(t, c.Streams.Delete(ctx, bad), "streamID")
		_, err = c.Streams.DisposeURL(ctx, bad)
		assertInvalid(t, err, "streamID")
	}
	_, err = c.Streams.Create(ctx, nil)
	assertInvalid(t, err, "params")
	_, err = c.Streams.Create(ctx, &amity.CreateStreamParams{})
	assertInvalid(t, err, "Title")
	_, err = c.Streams.Create(ctx, &amity.CreateStreamParams{Title: "t", ThumbnailFileID: strings.Repeat("f", 51)})
	assertInvalid(t, err, "ThumbnailFileID")
	_, err = c.Streams.Update(ctx, "s1", nil)
	assertInvalid(t, err, "params")
	_, err = c.Streams.Update(ctx, "s1", &amity.UpdateStreamParams{Title: "t", Description: strings.Repeat("d", 5001)})
	assertInvalid(t, err, "Description")
	_, err = c.Streams.ListPage(ctx, &amity.ListStreamsParams{Statuses: []amity.VideoStreamingStatus{""}})
	assertInvalid(t, err, "Statuses")
	_, err = c.Streams.ListPage(ctx, &amity.ListStreamsParams{UserPublicIDs: []string{""}})
	assertInvalid(t, err, "UserPublicIDs[0]")
	_, err = c.Streams.ListPage(ctx, &amity.ListStreamsParams{Skip: -1})
	assertInvalid(t, err, "Skip")
	for _, tc := range map[string]struct {
		p     *amity.RecordWatchEventsParams
		field string
	}{
		"nil":       {nil, "params"},
		"signature": {&amity.RecordWatchEventsParams{NonceStr: "n", Timestamp: "t", Streams: []amity.StreamWatchEvent{{StreamID: "s", StartTime: "a", EndTime: "b"}}}, "Signature"},
		"nonce":     {&amity.RecordWatchEventsParams{Signature: "s", NonceStr: strings.Repeat("n", 51), Timestamp: "t"}, "NonceStr"},
		"streams":   {&amity.RecordWatchEventsParams{Signature: "s", NonceStr: "n", Timestamp: "t"}, "Streams"},
		"stream id": {&amity.RecordWatchEventsParams{Signature: "s", NonceStr: "n", Timestamp: "t", Streams: []amity.StreamWatchEvent{{StartTime: "a", EndTime: "b"}}}, "Streams[0].StreamID"},
		"end":       {&amity.RecordWatchEventsParams{Signature: "s", NonceStr: "n", Timestamp: "t", Streams: []amity.StreamWatchEvent{{StreamID: "s", StartTime: "a"}}}, "Streams[0].EndTime"},
		"seconds":   {&amity.RecordWatchEventsParams{Signature: "s", NonceStr: "n", Timestamp: "t", Streams: []amity.StreamWatchEvent{{StreamID: "s", StartTime: "a", EndTime: "b", WatchSeconds: -1}}}, "Streams[0].WatchSeconds"},
	} {
		_, err := c.Streams.RecordWatchEvents(ctx, tc.p)
		assertInvalid(t, err, tc.field)
	}
	assert.Equal(t, before, mt.GetTotalCallCount())
}

// TestStreamsUnknownEnumsAreSent: a resolution, status or order the SDK does not know is sent
// as given.
func TestStreamsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"create resolution", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Streams.Create(ctx, &amity.CreateStreamParams{Title: "t", Resolution: "4K"}))
		}, []string{`"resolution":"4K"`}},
		{"list statuses and sort", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Streams.ListPage(ctx, &amity.ListStreamsParams{Statuses: []amity.VideoStreamingStatus{"paused"}, SortBy: "popular"}))
		}, []string{"statuses[]=paused", "sortBy=popular"}},
	})
}
