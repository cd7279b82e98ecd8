package amity_test

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPresenceRooms(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	ctx := context.Background()
	beats := record(t, mt, "POST", "/api/v1/presence/rooms/room-launch/heartbeat", `{"success":true}`, 503, 202)
	require.NoError(t, u.Presence.SendRoomHeartbeat(ctx, "room-launch"))
	assert.Len(t, beats.all(), 2, "a heartbeat only refreshes a time: retried after a 503")
	assert.Equal(t, "Bearer user-tok", beats.last(t).Header.Get("Authorization"), "the viewer's heartbeat")
	assert.Empty(t, beats.last(t).Body)

	viewers := record(t, mt, "GET", "/api/v1/presence/rooms/room-launch/users", fixture(t, "presence_room_viewers.json"))
	out, err := c.Presence.GetRoomViewers(ctx, "room-launch", &amity.GetRoomViewersParams{OrderBy: amity.PresenceOrderAsc, Limit: 50})
	require.NoError(t, err)
	assert.Equal(t, "limit=50&orderBy=asc", viewers.last(t).Query)
	assert.Equal(t, 2, out.Total)
	assert.Equal(t, 50, out.Limit)
	require.Len(t, out.Viewers, 2)
	assert.Equal(t, amity.RoomViewer{UserID: "bob", JoinedAt: atTime(t, "2024-05-01T12:01:00.000Z")}, out.Viewers[0])
	assert.Equal(t, atTime(t, "2024-05-01T12:02:00.000Z"), out.ViewerByID("carol").JoinedAt)
	assert.Nil(t, out.ViewerByID("dave"))
	assert.Contains(t, string(out.Raw), "viewersFutureField")
	_, err = c.Presence.GetRoomViewers(ctx, "room-launch", nil)
	require.NoError(t, err)
	assert.Empty(t, viewers.last(t).Query, "nothing is sent unset")

	record(t, mt, "GET", "/api/v1/presence/rooms/room-launch/users/count", fixture(t, "presence_room_count.json"))
	n, err := c.Presence.CountRoomViewers(ctx, "room-launch")
	require.NoError(t, err)
	assert.Equal(t, 42, n.Count)
	assert.Equal(t, atTime(t, "2024-05-01T12:05:00.000Z"), n.ReferenceTimestamp)

	record(t, mt, "GET", "/api/v1/presence/rooms/r2/users/count", `{"referenceTimestamp":"2024-05-01T12:05:00.000Z"}`)
	_, err = c.Presence.CountRoomViewers(ctx, "r2")
	assert.ErrorIs(t, err, amity.ErrMalformedResponse, "an answer without a count is not a count of 0")
}

func TestPresenceRoomsBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	assertInvalidCases(t, map[string]invalidCase{
		"heartbeat room": {"Presence.SendRoomHeartbeat: roomID", func() error { return c.Presence.SendRoomHeartbeat(ctx, "") }},
		"heartbeat long": {"roomID", func() error { return c.Presence.SendRoomHeartbeat(ctx, longString(51)) }},
		"viewers room":   {"Presence.GetRoomViewers: roomID", func() error { return errOf(c.Presence.GetRoomViewers(ctx, "..", nil)) }},
		"viewers limit": {"Limit", func() error {
			return errOf(c.Presence.GetRoomViewers(ctx, "r", &amity.GetRoomViewersParams{Limit: 201}))
		}},
		"viewers negative": {"Limit", func() error {
			return errOf(c.Presence.GetRoomViewers(ctx, "r", &amity.GetRoomViewersParams{Limit: -1}))
		}},
		"count room": {"Presence.CountRoomViewers: roomID", func() error { return errOf(c.Presence.CountRoomViewers(ctx, " ")) }},
	})
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

// TestPresenceRoomsUnknownEnumsAreSent: an order the SDK does not know is sent as given.
func TestPresenceRoomsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"order", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Presence.GetRoomViewers(ctx, "r", &amity.GetRoomViewersParams{OrderBy: "joined"}))
		}, []string{"orderBy=joined"}},
	})
}

func TestPresenceRoomsShape(t *testing.T) {
	type fn = func(context.Context, *amity.Client) error
	badID := func(f func(ctx context.Context, c *amity.Client, id string) error) []fn {
		var out []fn
		for _, id := range []string{"", " ", "..", longString(51)} {
			out = append(out, func(ctx context.Context, c *amity.Client) error { return f(ctx, c, id) })
		}
		return out
	}
	runShapeCases(t, []shapeCase{
		{name: "SendRoomHeartbeat", method: "POST", path: "/api/v1/presence/rooms/r%2F1/heartbeat", answer: `{"success":true}`,
			unsuccessful: successFalse, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Presence.SendRoomHeartbeat(ctx, "r/1"))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return c.Presence.SendRoomHeartbeat(ctx, id)
			})},
		{name: "GetRoomViewers", method: "GET", path: "/api/v1/presence/rooms/r1/users", query: "orderBy=desc",
			answer: fixture(t, "presence_room_viewers.json"), attempts: 3,
			check: func(t *testing.T, out any) { assert.Len(t, out.(*amity.RoomViewersPayload).Viewers, 2) },
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Presence.GetRoomViewers(ctx, "r1", &amity.GetRoomViewersParams{OrderBy: amity.PresenceOrderDesc})
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Presence.GetRoomViewers(ctx, id, nil))
			})},
		{name: "CountRoomViewers", method: "GET", path: "/api/v1/presence/rooms/r1/users/count", answer: fixture(t, "presence_room_count.json"),
			empty: `{}`, attempts: 3,
			check: func(t *testing.T, out any) { assert.Equal(t, 42, out.(*amity.RoomViewersCountPayload).Count) },
			call:  func(ctx context.Context, c *amity.Client) (any, error) { return c.Presence.CountRoomViewers(ctx, "r1") },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Presence.CountRoomViewers(ctx, id))
			})},
	})
}
