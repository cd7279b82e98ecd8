package amity_test

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStreamsListLive(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v3/video-streaming/live", "options[token]", "live-2",
		fixture(t, "streams_live.json"), fixture(t, "streams_live_page2.json"))
	ctx := context.Background()
	params := &amity.ListLiveStreamsParams{PageParams: amity.PageParams{Limit: 2},
		TargetTypes: []amity.StreamTargetType{amity.StreamTargetCommunity}, TargetIDs: []string{"c-makers", "c-other"}}
	var ids []string
	for s, err := range c.Streams.ListLive(ctx, params) {
		require.NoError(t, err)
		ids = append(ids, s.StreamID)
	}
	assert.Equal(t, []string{"stream-1", "stream-2", "stream-3"}, ids)
	assert.Equal(t, "options%5Blimit%5D=2&targetIds%5B%5D=c-makers&targetIds%5B%5D=c-other&targetType%5B%5D=community", listing.queries()[0])
	assert.Equal(t, "live-2", listing.all()[1].Values().Get("options[token]"))

	page, err := c.Streams.ListLivePage(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, listing.last(t).Query, "nothing is sent unset")
	assert.Equal(t, "live-2", page.Paging.Next)
	s := page.Stream()
	require.NotNil(t, s)
	assert.Equal(t, amity.VideoStreamingLive, s.Status)
	assert.Equal(t, "Alice", page.Broadcaster(s).DisplayName, "StreamPayload's lookups are promoted")
	assert.Equal(t, "mod-1", page.Moderation(s).ModerationID)
	assert.Equal(t, "file-thumb", page.FileByID(s.ThumbnailFileID).FileID)
	require.Len(t, page.VideoStreamingChildren, 1)
	assert.Equal(t, "stream-1b", page.VideoStreamingChildren[0].StreamID)
	assert.Equal(t, "Makers", page.CommunityByID("c-makers").DisplayName)
	assert.Nil(t, page.CommunityByID("nope"))
	require.Len(t, page.CommunityUsers, 1)
	require.Len(t, page.Categories, 1)
	assert.Equal(t, "Crafts", page.Categories[0].Name)
	require.Len(t, page.Feeds, 1)
	assert.Contains(t, string(page.Raw), "liveFutureField")

	var pages int
	for p, err := range c.Streams.ListLivePages(ctx, nil) {
		require.NoError(t, err)
		pages++
		assert.NotEmpty(t, p.VideoStreamings)
	}
	assert.Equal(t, 2, pages)
}

func TestStreamsViewerBans(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	bans := record(t, mt, "POST", "/api/v3/video-streaming/stream-1/viewer-bans", `{"success":true}`, 502, 200)
	require.NoError(t, c.Streams.BanViewers(ctx, "stream-1", &amity.ViewerBansParams{UserIDs: []string{"mallory"}}))
	assert.Len(t, bans.all(), 2, "a ban sets a state: retried after a 502")
	assert.JSONEq(t, `{"userIds":["mallory"]}`, bans.last(t).Body)
	unbans := record(t, mt, "DELETE", "/api/v3/video-streaming/stream-1/viewer-bans", `{"success":true}`)
	require.NoError(t, c.Streams.UnbanViewers(ctx, "stream-1", &amity.ViewerBansParams{UserIDs: []string{"mallory", "trudy"}}))
	assert.JSONEq(t, `{"userIds":["mallory","trudy"]}`, unbans.last(t).Body)

	// The spec's form: every sideload a single object.
	record(t, mt, "GET", "/api/v3/video-streaming/stream-1/viewer-bans", fixture(t, "streams_viewer_bans.json"))
	out, err := c.Streams.GetViewerBans(ctx, "stream-1")
	require.NoError(t, err)
	require.Len(t, out.VideoStreamingBannedUsers, 1)
	ban := &out.VideoStreamingBannedUsers[0]
	assert.Equal(t, "Mallory", out.Viewer(ban).DisplayName)
	assert.Nil(t, out.BanningUser(ban), "the spec's form sideloads one user")
	assert.Equal(t, "stream-1", out.Stream().StreamID)
	require.Len(t, out.VideoStreamingModerations, 1)
	require.Len(t, out.Posts, 1)
	assert.Equal(t, "post-show", out.Posts[0].PostID)
	assert.Empty(t, out.Communities)
	assert.Contains(t, string(out.Raw), "bansFutureField")

	// Lists, as every other answer sends its sideloads.
	record(t, mt, "GET", "/api/v3/video-streaming/stream-2/viewer-bans", fixture(t, "streams_viewer_bans_lists.json"))
	out, err = c.Streams.GetViewerBans(ctx, "stream-2")
	require.NoError(t, err)
	require.Len(t, out.VideoStreamingBannedUsers, 2)
	assert.Equal(t, "Trudy", out.Viewer(&out.VideoStreamingBannedUsers[1]).DisplayName)
	assert.Equal(t, "Alice", out.BanningUser(&out.VideoStreamingBannedUsers[1]).DisplayName)
	assert.Equal(t, "Mallory", out.UserByID("mallory").DisplayName)
	assert.Nil(t, out.Viewer(nil))

	record(t, mt, "GET", "/api/v3/video-streaming/stream-3/viewer-bans", `{"videoStreamingBannedUsers":"mallory"}`)
	_, err = c.Streams.GetViewerBans(ctx, "stream-3")
	assert.ErrorIs(t, err, amity.ErrMalformedResponse, "a list that is neither a list nor an object fails the answer")
}

func TestStreamsLiveBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	assertInvalidCases(t, map[string]invalidCase{
		"live limit": {"Streams.ListLivePage: Limit", func() error {
			return errOf(c.Streams.ListLivePage(ctx, &amity.ListLiveStreamsParams{PageParams: amity.PageParams{Limit: 101}}))
		}},
		"live target type": {"TargetTypes", func() error {
			return errOf(c.Streams.ListLivePage(ctx, &amity.ListLiveStreamsParams{TargetTypes: []amity.StreamTargetType{""}}))
		}},
		"live target id": {"TargetIDs", func() error {
			return errOf(c.Streams.ListLivePage(ctx, &amity.ListLiveStreamsParams{TargetIDs: []string{"c1", " "}}))
		}},
		"ban nil":    {"Streams.BanViewers: params", func() error { return c.Streams.BanViewers(ctx, "s", nil) }},
		"ban none":   {"UserIDs", func() error { return c.Streams.BanViewers(ctx, "s", &amity.ViewerBansParams{}) }},
		"ban blank":  {"UserIDs", func() error { return c.Streams.BanViewers(ctx, "s", &amity.ViewerBansParams{UserIDs: []string{""}}) }},
		"ban stream": {"streamID", func() error { return c.Streams.BanViewers(ctx, "..", &amity.ViewerBansParams{UserIDs: []string{"u"}}) }},
		"unban stream": {"Streams.UnbanViewers: streamID", func() error {
			return c.Streams.UnbanViewers(ctx, longString(51), &amity.ViewerBansParams{UserIDs: []string{"u"}})
		}},
		"unban long id": {"UserIDs", func() error {
			return c.Streams.UnbanViewers(ctx, "s", &amity.ViewerBansParams{UserIDs: []string{longString(901)}})
		}},
		"get bans": {"Streams.GetViewerBans: streamID", func() error { return errOf(c.Streams.GetViewerBans(ctx, " ")) }},
	})
	_, err := first(c.Streams.ListLive(ctx, &amity.ListLiveStreamsParams{PageParams: amity.PageParams{Limit: -1}}))
	assertInvalid(t, err, "Streams.ListLive: Limit")
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

// TestStreamsLiveUnknownEnumsAreSent: a target type the SDK does not know is sent as given.
func TestStreamsLiveUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"target type", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Streams.ListLivePage(ctx, &amity.ListLiveStreamsParams{TargetTypes: []amity.StreamTargetType{"event"}}))
		}, []string{"targetType[]=event"}},
	})
}

func TestStreamsLiveShape(t *testing.T) {
	live := fixture(t, "streams_live.json")
	bans := fixture(t, "streams_viewer_bans_lists.json")
	type fn = func(context.Context, *amity.Client) error
	listed := func(t *testing.T, out any) {
		switch v := out.(type) {
		case amity.VideoStreaming:
			assert.Equal(t, "stream-1", v.StreamID)
		case *amity.LiveStreamsPayload:
			assert.Equal(t, "live-2", v.Paging.Next)
			assert.Equal(t, "Alice", v.Broadcaster(v.Stream()).DisplayName)
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
	viewers := &amity.ViewerBansParams{UserIDs: []string{"mallory"}}
	runShapeCases(t, []shapeCase{
		{name: "ListLive", method: "GET", path: "/api/v3/video-streaming/live", answer: live, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return first(c.Streams.ListLive(ctx, nil)) }},
		{name: "ListLivePages", method: "GET", path: "/api/v3/video-streaming/live", query: "targetType%5B%5D=all", answer: live, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Streams.ListLivePages(ctx, &amity.ListLiveStreamsParams{TargetTypes: []amity.StreamTargetType{amity.StreamTargetAll}}))
			}},
		{name: "ListLivePage", method: "GET", path: "/api/v3/video-streaming/live", query: "options%5Btoken%5D=live-2", answer: live, check: listed, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Streams.ListLivePage(ctx, &amity.ListLiveStreamsParams{PageParams: amity.PageParams{PageToken: "live-2"}})
			}},
		{name: "BanViewers", method: "POST", path: "/api/v3/video-streaming/stream-1/viewer-bans", body: `{"userIds":["mallory"]}`,
			answer: `{"success":true}`, unsuccessful: successFalse, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Streams.BanViewers(ctx, "stream-1", viewers))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return c.Streams.BanViewers(ctx, id, viewers)
			})},
		{name: "UnbanViewers", method: "DELETE", path: "/api/v3/video-streaming/stream-1/viewer-bans", body: `{"userIds":["mallory"]}`,
			answer: `{"success":true}`, unsuccessful: successFalse, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Streams.UnbanViewers(ctx, "stream-1", viewers))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return c.Streams.UnbanViewers(ctx, id, viewers)
			})},
		{name: "GetViewerBans", method: "GET", path: "/api/v3/video-streaming/stream-1/viewer-bans", answer: bans, attempts: 3,
			check: func(t *testing.T, out any) {
				p := out.(*amity.StreamViewerBansPayload)
				assert.Equal(t, "Mallory", p.Viewer(&p.VideoStreamingBannedUsers[0]).DisplayName)
			},
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Streams.GetViewerBans(ctx, "stream-1")
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Streams.GetViewerBans(ctx, id))
			})},
	})
}
