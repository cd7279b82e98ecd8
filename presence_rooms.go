package amity

import (
	"context"
	"net/http"
	"net/url"
)

// This file holds the room presence calls of PresenceService: a room's viewers are the users
// whose clients send its heartbeat (SendRoomHeartbeat), counted and listed while their last
// heartbeat is recent. The network needs the room presence feature on.

// SendRoomHeartbeat tells the API the caller is watching a room.
// POST /api/v1/presence/rooms/{roomId}/heartbeat (answered 202 {success}). Call it on the
// viewer's view (Client.AsUser), every heartbeat interval of the presence settings. Retried:
// a heartbeat only refreshes the caller's last-seen time in the room.
func (s *PresenceService) SendRoomHeartbeat(ctx context.Context, roomID string, opts ...CallOption) error {
	const op = "Presence.SendRoomHeartbeat"
	path, err := roomPath(op, "/api/v1/presence/rooms/%s/heartbeat", roomID)
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: path, idempotent: true, opts: opts}, nil)
}

// RoomViewer is a user watching a room.
type RoomViewer struct {
	UserID string `json:"userId"`
	// JoinedAt is when the user started watching.
	JoinedAt Time `json:"joinedAt"`
}

// RoomViewersPayload is the answer of Presence.GetRoomViewers: the viewers, latest heartbeat
// first unless asked otherwise.
type RoomViewersPayload struct {
	rawJSON
	Viewers []RoomViewer `json:"viewers"`
	// Total is the number of viewers in this answer; Limit the most that were asked for.
	Total int `json:"total"`
	Limit int `json:"limit"`
}

// ViewerByID returns the viewer with the given user ID, or nil.
func (p *RoomViewersPayload) ViewerByID(userID string) *RoomViewer {
	return byID(p.Viewers, userID, func(v *RoomViewer) string { return v.UserID })
}

// GetRoomViewersParams orders and bounds Presence.GetRoomViewers.
type GetRoomViewersParams struct {
	// OrderBy orders by latest heartbeat: asc or desc.
	OrderBy PresenceOrder
	// Limit is the most viewers to return, 1 to 200; 0 leaves it to the server (200).
	Limit int
}

// GetRoomViewers returns the users watching a room (at most 200).
// GET /api/v1/presence/rooms/{roomId}/users.
func (s *PresenceService) GetRoomViewers(ctx context.Context, roomID string, params *GetRoomViewersParams, opts ...CallOption) (*RoomViewersPayload, error) {
	const op = "Presence.GetRoomViewers"
	path, err := roomPath(op, "/api/v1/presence/rooms/%s/users", roomID)
	if err != nil {
		return nil, err
	}
	params = orZero(params)
	if err := intRange(op, "Limit", params.Limit, 1, 200); err != nil {
		return nil, err
	}
	q := query{}
	q.str("orderBy", string(params.OrderBy))
	q.integer("limit", params.Limit)
	return call[RoomViewersPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, query: url.Values(q), opts: opts})
}

// RoomViewersCountPayload is the number of users watching a room. An answer without a count
// is an *Error matching ErrMalformedResponse, never a count of 0.
type RoomViewersCountPayload struct {
	rawJSON
	Count int `json:"count"`
	// ReferenceTimestamp is the moment the count was taken.
	ReferenceTimestamp Time `json:"referenceTimestamp"`
}

// CountRoomViewers returns the number of users watching a room.
// GET /api/v1/presence/rooms/{roomId}/users/count.
func (s *PresenceService) CountRoomViewers(ctx context.Context, roomID string, opts ...CallOption) (*RoomViewersCountPayload, error) {
	const op = "Presence.CountRoomViewers"
	path, err := roomPath(op, "/api/v1/presence/rooms/%s/users/count", roomID)
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodGet, path: path, opts: opts}
	out, err := call[RoomViewersCountPayload](ctx, s.c, r)
	if err != nil {
		return nil, err
	}
	if !hasMember(out.Raw, "count") {
		return nil, malformedAnswer(r, "the answer holds no count")
	}
	return out, nil
}
