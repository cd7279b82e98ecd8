package amity_test

import (
	"context"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMarkersQueries(t *testing.T) {
	ids := &amity.MarkerIDsParams{IDs: []string{"a", "b"}}
	answer := fixture(t, "markers_messages.json")
	unread := func(t *testing.T, out any) { assert.Equal(t, 7, out.(*amity.MarkerPayload).UserMarker().UnreadCount) }
	runShapeCases(t, []shapeCase{
		{name: "Channels", method: "GET", path: "/api/v1/markers/channels", query: "channelIds%5B%5D=a&channelIds%5B%5D=b", answer: answer, check: unread,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Markers.GetChannels(ctx, ids) }},
		{name: "MessageFeeds", method: "GET", path: "/api/v1/markers/message-feeds", query: "messageFeedIds%5B%5D=a&messageFeedIds%5B%5D=b", answer: answer, check: unread,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Markers.GetMessageFeeds(ctx, ids) }},
		{name: "Messages", method: "GET", path: "/api/v1/markers/messages", query: "messageIds%5B%5D=a&messageIds%5B%5D=b", answer: answer, check: unread,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Markers.GetMessages(ctx, ids) }},
		{name: "UserMessageFeeds", method: "GET", path: "/api/v1/markers/user-message-feed", query: "channelIds%5B%5D=a&channelIds%5B%5D=b", answer: answer, check: unread,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Markers.GetUserMessageFeeds(ctx, ids)
			}},
		{name: "UserMarker", method: "GET", path: "/api/v1/markers/userMarker", answer: answer, check: unread,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Markers.GetUserMarker(ctx) }},
		{name: "ReadUsers", method: "GET", path: "/api/v1/markers/messages/m%2F1/read-users", answer: answer, check: unread,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Markers.GetReadUsers(ctx, "m/1") }},
		{name: "DeliveredUsers", method: "GET", path: "/api/v1/markers/messages/m1/delivered-users", answer: answer, check: unread,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Markers.GetDeliveredUsers(ctx, "m1") }},
	})
}

func TestMarkersDecode(t *testing.T) {
	c, mt := mockClient(t)
	recordAny(t, mt, fixture(t, "markers_messages.json"))
	p, err := c.Markers.GetMessages(context.Background(), &amity.MarkerIDsParams{IDs: []string{"m1"}})
	require.NoError(t, err)
	um := p.UserMarker()
	assert.True(t, um.IsMentioned)
	assert.Equal(t, 2024, um.LastSyncAt.Year())
	fm := p.UserFeedMarkerByID("f1")
	require.NotNil(t, fm)
	assert.Equal(t, int64(2), fm.ReadToSegment)
	assert.Equal(t, int64(3), fm.DeliveredToSegment)
	assert.Equal(t, int64(3), fm.LastMentionSegment)
	em := p.UserEntityMarkerByID("c1")
	require.NotNil(t, em)
	assert.Equal(t, amity.MarkerMuted, em.Membership)
	assert.Equal(t, int64(3), p.FeedMarkerByID("f1").LastSegment)
	cm := p.ContentMarkerByID("m1")
	require.NotNil(t, cm)
	assert.Equal(t, 2, cm.ReadCount)
	assert.Equal(t, 4, cm.DeliveredCount)
	assert.Equal(t, "u-alice", cm.CreatorID)
	assert.Equal(t, []string{"bob", "carol"}, p.PublicUserIDs)
	assert.Nil(t, p.FeedMarkerByID("none"))
	assert.Contains(t, string(p.Raw), `"serverTime"`)
	var empty amity.MarkerPayload
	assert.Nil(t, empty.UserMarker())
}

func TestMarkersWrites(t *testing.T) {
	answer := fixture(t, "markers_messages.json")
	runShapeCases(t, []shapeCase{
		{name: "MarkChannelRead", method: "PUT", path: "/api/v1/markers/channels/c1/mark-read", answer: answer,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Markers.MarkChannelRead(ctx, "c1") }},
		{name: "MarkRead", method: "PUT", path: "/api/v1/markers/message-feeds/f1/mark-read", body: `{"readToSegment":0}`, answer: answer,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Markers.MarkRead(ctx, "f1", &amity.MarkReadParams{})
			}},
		{name: "MarkDelivering", method: "PUT", path: "/api/v1/markers/message-feeds/f1/mark-delivering", body: `{"messageId":"m1"}`, answer: answer,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Markers.MarkDelivering(ctx, "f1", &amity.MarkDeliveringParams{MessageID: "m1"})
			}},
		{name: "Reading", method: "POST", path: "/api/v1/markers/message-feeds/reading", body: `{"messageFeedIds":["f1","f2"]}`, answer: answer,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Markers.MarkFeedsRead(ctx, &amity.MarkFeedsReadParams{MessageFeedIDs: []string{"f1", "f2"}})
			}},
		{name: "StartReading", method: "POST", path: "/api/v1/markers/message-feeds/f1/start-reading", answer: answer,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Markers.StartReading(ctx, "f1") }},
		{name: "StopReading", method: "POST", path: "/api/v1/markers/message-feeds/f1/stop-readings", answer: answer,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Markers.StopReading(ctx, "f1") }},
		{name: "Sync", method: "POST", path: "/api/v1/markers/sync", body: `{"deviceLastSyncAt":"2024-05-01T12:00:00Z"}`, answer: answer,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Markers.Sync(ctx, &amity.SyncParams{DeviceLastSyncAt: amity.Ptr(time.Date(2024, 5, 1, 14, 0, 0, 0, time.FixedZone("x", 7200)))})
			}},
		{name: "SyncAll", method: "POST", path: "/api/v1/markers/sync", body: `{}`, answer: answer,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Markers.Sync(ctx, nil) }},
	})
}

func TestMarkersValidationAndErrors(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, `{}`)
	_, err := c.Markers.GetChannels(ctx, &amity.MarkerIDsParams{})
	assertInvalid(t, err, "Markers.GetChannels: IDs")
	_, err = c.Markers.GetMessages(ctx, nil)
	assertInvalid(t, err, "Markers.GetMessages: params")
	_, err = c.Markers.GetMessageFeeds(ctx, &amity.MarkerIDsParams{IDs: make([]string, 101)})
	assertInvalid(t, err, "Markers.GetMessageFeeds: IDs")
	_, err = c.Markers.MarkChannelRead(ctx, "")
	assertInvalid(t, err, "Markers.MarkChannelRead: channelID")
	_, err = c.Markers.MarkRead(ctx, "f1", &amity.MarkReadParams{ReadToSegment: -1})
	assertInvalid(t, err, "Markers.MarkRead: ReadToSegment")
	_, err = c.Markers.MarkRead(ctx, "f1", nil)
	assertInvalid(t, err, "Markers.MarkRead: params")
	_, err = c.Markers.MarkDelivering(ctx, "f1", &amity.MarkDeliveringParams{})
	assertInvalid(t, err, "Markers.MarkDelivering: MessageID")
	_, err = c.Markers.StartReading(ctx, "..")
	assertInvalid(t, err, "Markers.StartReading: messageFeedID")
	_, err = c.Markers.GetReadUsers(ctx, " ")
	assertInvalid(t, err, "Markers.GetReadUsers: messageID")
	_, err = c.Markers.MarkFeedsRead(ctx, &amity.MarkFeedsReadParams{})
	assertInvalid(t, err, "Markers.MarkFeedsRead: MessageFeedIDs")
	assert.Empty(t, rec.all())

	c, mt = mockClient(t)
	recordAny(t, mt, `{"status":"error","code":400301,"message":"User is not a member of a channel"}`, 403)
	_, err = c.Markers.MarkChannelRead(ctx, "c1")
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 400301, ae.Code)
	assert.ErrorIs(t, err, amity.ErrForbidden)
}
