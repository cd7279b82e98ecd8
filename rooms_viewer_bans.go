package amity

// This file holds the viewer bans of rooms (and the ban entity live streams share); rooms.go the rooms.

import (
	"context"
	"iter"
	"net/http"
)

// ViewerBan is a viewer banned from a room or a live stream.
type ViewerBan struct {
	// UserID is the banned user's internal ID, UserPublicID its public ID.
	UserID       string `json:"userId"`
	UserPublicID string `json:"userPublicId,omitempty"`
	// BanBy is the internal ID of the user who banned the viewer, BanByPublicID its public ID.
	BanBy         string `json:"banBy,omitempty"`
	BanByPublicID string `json:"banByPublicId,omitempty"`
	CreatedAt     Time   `json:"createdAt"`
}

// ViewerBansParams are the viewers Rooms.BanViewers, Rooms.UnbanViewers, Streams.BanViewers
// and Streams.UnbanViewers ban or unban.
type ViewerBansParams struct {
	// UserIDs (required) are the viewers: for a room 1 to 100 IDs of at most 50 characters.
	UserIDs []string `json:"userIds"`
}

// checkRoomViewers checks the viewers of a room's bans: 1 to 100 IDs of 1 to 50 characters.
func (p *ViewerBansParams) checkRoomViewers(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	return idList(op, "UserIDs", p.UserIDs, 100, 50)
}

// BanViewers bans viewers from a room: they can no longer watch it, send presence heartbeats
// or react in it. POST /api/v1/rooms/{roomId}/viewer-bans. Idempotent by construction
// (banning a banned viewer changes nothing), so it is retried like a read. An answer of
// success: false is an *Error matching ErrUnsuccessful.
func (s *RoomsService) BanViewers(ctx context.Context, roomID string, params *ViewerBansParams, opts ...CallOption) error {
	return s.viewerBans(ctx, "Rooms.BanViewers", http.MethodPost, roomID, params, opts)
}

// UnbanViewers lifts the room bans of viewers. DELETE /api/v1/rooms/{roomId}/viewer-bans with
// {"userIds"}. Idempotent by construction (unbanning a viewer who is not banned changes
// nothing), so it is retried like a read. An answer of success: false is an *Error matching
// ErrUnsuccessful.
func (s *RoomsService) UnbanViewers(ctx context.Context, roomID string, params *ViewerBansParams, opts ...CallOption) error {
	return s.viewerBans(ctx, "Rooms.UnbanViewers", http.MethodDelete, roomID, params, opts)
}

// viewerBans sends the ban (POST) or unban (DELETE) of params' viewers in a room.
func (s *RoomsService) viewerBans(ctx context.Context, op, method, roomID string, params *ViewerBansParams, opts []CallOption) error {
	path, err := roomPath(op, "/api/v1/rooms/%s/viewer-bans", roomID)
	if err != nil {
		return err
	}
	if err := params.checkRoomViewers(op); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: method, path: path, body: params, idempotent: true, opts: opts}, nil)
}

// RoomViewerBansPayload is one page of a room's banned viewers, with the room and the users.
type RoomViewerBansPayload struct {
	rawJSON
	// RoomBannedUsers are the bans of this page.
	RoomBannedUsers []ViewerBan `json:"roomBannedUsers"`
	Rooms           []Room      `json:"rooms"`
	// RoomChildren are the room's child rooms (the API's key is "roomChildrens").
	RoomChildren []Room `json:"roomChildrens"`
	// Users are the banned viewers and the users who banned them (see Viewer, BanningUser).
	Users  []User `json:"users"`
	Files  []File `json:"files"`
	Paging Paging `json:"paging"`
}

func (p *RoomViewerBansPayload) pageItems() []ViewerBan { return p.RoomBannedUsers }
func (p *RoomViewerBansPayload) pageInfo() Paging       { return p.Paging }

// Room returns the sideloaded room, or nil.
func (p *RoomViewerBansPayload) Room() *Room { return firstOf(p.Rooms) }

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *RoomViewerBansPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *RoomViewerBansPayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// Viewer returns the sideloaded user ban is about, or nil.
func (p *RoomViewerBansPayload) Viewer(ban *ViewerBan) *User { return banViewer(p.Users, ban) }

// BanningUser returns the sideloaded user who made ban, or nil.
func (p *RoomViewerBansPayload) BanningUser(ban *ViewerBan) *User { return banAuthor(p.Users, ban) }

// banViewer finds the banned user of ban in users.
func banViewer(users []User, ban *ViewerBan) *User {
	if ban == nil {
		return nil
	}
	return findUserOf(users, ban.UserPublicID, ban.UserID)
}

// banAuthor finds the user who made ban in users.
func banAuthor(users []User, ban *ViewerBan) *User {
	if ban == nil {
		return nil
	}
	return findUserOf(users, ban.BanByPublicID, ban.BanBy)
}

// ListRoomViewerBansParams pages Rooms.ListViewerBans (flat limit and token, as the spec
// declares them here).
type ListRoomViewerBansParams struct {
	PageParams
}

func (p *ListRoomViewerBansParams) query(op string) (query, error) {
	return orZero(p).flatQuery(op, 1000)
}

// ListViewerBans returns an iterator over the banned viewers of a room, fetching pages as it
// goes. GET /api/v1/rooms/{roomId}/viewer-bans.
func (s *RoomsService) ListViewerBans(ctx context.Context, roomID string, params *ListRoomViewerBansParams, opts ...CallOption) iter.Seq2[ViewerBan, error] {
	return listAll(ctx, params, opts, pageOn(roomID, s.ListViewerBansPage))
}

// ListViewerBansPages returns an iterator over the pages of ListViewerBans, each with its
// sideloads. GET /api/v1/rooms/{roomId}/viewer-bans.
func (s *RoomsService) ListViewerBansPages(ctx context.Context, roomID string, params *ListRoomViewerBansParams, opts ...CallOption) iter.Seq2[*RoomViewerBansPayload, error] {
	return pages(ctx, params, opts, pageOn(roomID, s.ListViewerBansPage))
}

// ListViewerBansPage returns one page of the banned viewers of a room.
// GET /api/v1/rooms/{roomId}/viewer-bans.
func (s *RoomsService) ListViewerBansPage(ctx context.Context, roomID string, params *ListRoomViewerBansParams, opts ...CallOption) (*RoomViewerBansPayload, error) {
	const op = "Rooms.ListViewerBansPage"
	path, err := roomPath(op, "/api/v1/rooms/%s/viewer-bans", roomID)
	if err != nil {
		return nil, err
	}
	return listPage[RoomViewerBansPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, params)
}
