package amity

import (
	"context"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/url"
	"strings"
)

// RoomsService manages live rooms: creating and ending them, their participants and co-hosts,
// viewer bans, ingest tokens and recordings. Reach it as Client.Rooms.
//
// A room is a live broadcast, by one host (a directStreaming room) or by a host and co-hosts
// (a coHosts room). It is idle when created, live while it broadcasts (waitingReconnect when
// the broadcaster dropped out and may come back), ended once stopped, and recorded when its
// recordings are ready. A room post (PostDataTypeRoom, data.roomId) shows it in a feed. Its
// viewers' presence is counted by Presence.SendRoomHeartbeat, their reactions sent with
// Reactions.SendLive.
type RoomsService struct{ c *Client }

// RoomType says who broadcasts a room.
type RoomType string

// Room types.
const (
	// RoomTypeDirectStreaming is a room one participant streams to (the default).
	RoomTypeDirectStreaming RoomType = "directStreaming"
	// RoomTypeCoHosts is a room a host and co-hosts broadcast together.
	RoomTypeCoHosts RoomType = "coHosts"
)

// RoomStatus is the state of a room.
type RoomStatus string

// Room states. The spec lists idle to recorded; the vendor's clients also know terminated and
// error (docs/wire-notes.md).
const (
	RoomStatusIdle             RoomStatus = "idle"
	RoomStatusLive             RoomStatus = "live"
	RoomStatusWaitingReconnect RoomStatus = "waitingReconnect"
	RoomStatusEnded            RoomStatus = "ended"
	RoomStatusRecorded         RoomStatus = "recorded"
	RoomStatusTerminated       RoomStatus = "terminated"
	RoomStatusError            RoomStatus = "error"
)

// RoomTargetType is where a room is posted: a community or a user's feed.
type RoomTargetType string

// Room targets.
const (
	RoomTargetCommunity RoomTargetType = "community"
	RoomTargetUser      RoomTargetType = "user"
)

// RoomReferenceType is the kind of entity a room belongs to.
type RoomReferenceType string

// Room references: a post (the spec), or an event (the vendor's clients).
const (
	RoomReferencePost  RoomReferenceType = "post"
	RoomReferenceEvent RoomReferenceType = "event"
)

// RoomParticipantType is a participant's part in a room's broadcast.
type RoomParticipantType string

// Participant types.
const (
	RoomParticipantHost   RoomParticipantType = "host"
	RoomParticipantCoHost RoomParticipantType = "coHost"
)

// Room is a live room.
type Room struct {
	// ID is the room's internal ID; RoomID its public ID, the one the calls take.
	ID     string `json:"_id,omitempty"`
	RoomID string `json:"roomId"`
	// Type is directStreaming or coHosts.
	Type RoomType `json:"type,omitempty"`
	// TargetID and TargetType are the community or user the room is posted to.
	TargetID   string         `json:"targetId,omitempty"`
	TargetType RoomTargetType `json:"targetType,omitempty"`
	// TargetVisibility is public or private: the vendor's clients read it; the spec does not
	// list it.
	TargetVisibility string `json:"targetVisibility,omitempty"`
	// ReferenceType and ReferenceID are the entity the room belongs to (its post).
	ReferenceType RoomReferenceType `json:"referenceType,omitempty"`
	ReferenceID   string            `json:"referenceId,omitempty"`
	// LiveChannelID is the live channel of the room's chat.
	LiveChannelID string `json:"liveChannelId,omitempty"`
	// LiveChatEnabled reports whether the chat is on (the spec's name);
	// LiveChannelEnabled is the name the vendor's clients read.
	LiveChatEnabled    bool   `json:"liveChatEnabled,omitempty"`
	LiveChannelEnabled bool   `json:"liveChannelEnabled,omitempty"`
	Title              string `json:"title,omitempty"`
	Description        string `json:"description,omitempty"`
	ThumbnailFileID    string `json:"thumbnailFileId,omitempty"`
	// Status is idle, live, waitingReconnect, ended or recorded.
	Status RoomStatus `json:"status,omitempty"`
	// Participants are the broadcasters: the host and the co-hosts.
	Participants []RoomParticipant `json:"participants,omitempty"`
	// LivePlaybackURL and LiveThumbnailURL show the room while it is live.
	LivePlaybackURL  string `json:"livePlaybackUrl,omitempty"`
	LiveThumbnailURL string `json:"liveThumbnailUrl,omitempty"`
	// LiveResolution and RecordedResolution are read by the vendor's clients; the spec does
	// not list them.
	LiveResolution *RoomResolution `json:"liveResolution,omitempty"`
	// RecordedPlaybackInfos are the recordings of an ended room (see Rooms.DownloadRecording).
	RecordedPlaybackInfos []RoomPlaybackInfo `json:"recordedPlaybackInfos,omitempty"`
	RecordedResolution    *RoomResolution    `json:"recordedResolution,omitempty"`
	// DurationSeconds is how long the room broadcast (ended and recorded rooms).
	DurationSeconds float64 `json:"durationSeconds,omitempty"`
	// ModerationID refers to the room's moderation record (the vendor's clients read it).
	ModerationID string `json:"moderationId,omitempty"`
	// Moderation holds the labels that flagged or terminated the broadcast.
	Moderation *RoomModeration `json:"moderation,omitempty"`
	// ParentRoomID is the room a child stream belongs to; ChildRoomIDs the children of a
	// parent room.
	ParentRoomID string   `json:"parentRoomId,omitempty"`
	ChildRoomIDs []string `json:"childRoomIds,omitempty"`
	CreatedAt    Time     `json:"createdAt"`
	// CreatedBy is the creator's public ID, CreatorInternalID its internal ID.
	CreatedBy         string `json:"createdBy,omitempty"`
	CreatorInternalID string `json:"creatorInternalId,omitempty"`
	UpdatedAt         Time   `json:"updatedAt"`
	// LiveAt is when the broadcast started, EndedAt when it ended, RecordedAt when its
	// recording became available.
	LiveAt     Time `json:"liveAt"`
	EndedAt    Time `json:"endedAt"`
	RecordedAt Time `json:"recordedAt"`
	IsDeleted  bool `json:"isDeleted,omitempty"`
	DeletedAt  Time `json:"deletedAt"`
	// DeletedBy is the user who deleted the room.
	DeletedBy string `json:"deletedBy,omitempty"`
	// Path is the room's path for realtime events.
	Path string `json:"path,omitempty"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
}

// Participant returns the room's participant with the given user ID (public or internal), or
// nil.
func (r *Room) Participant(userID string) *RoomParticipant {
	if userID == "" {
		return nil
	}
	for i := range r.Participants {
		if p := &r.Participants[i]; p.UserID == userID || p.UserInternalID == userID {
			return p
		}
	}
	return nil
}

// RoomParticipant is one broadcaster of a room.
type RoomParticipant struct {
	// Type is host or coHost.
	Type           RoomParticipantType `json:"type,omitempty"`
	UserID         string              `json:"userId,omitempty"`
	UserInternalID string              `json:"userInternalId,omitempty"`
	// CanManageProductTags reports whether a co-host may tag products (the vendor's clients
	// read it; the spec does not list it).
	CanManageProductTags bool `json:"canManageProductTags,omitempty"`
}

// RoomPlaybackInfo is one recording of a room.
type RoomPlaybackInfo struct {
	// URL plays the recording; ThumbnailURL is its thumbnail image.
	URL          string `json:"url,omitempty"`
	ThumbnailURL string `json:"thumbnailUrl,omitempty"`
}

// PlaybackID returns the playback ID in the recording's URL (the {playbackId} of
// .../recorded/{playbackId}/watch, which Rooms.DownloadRecording takes), or "" when the URL
// is not of that form.
func (i RoomPlaybackInfo) PlaybackID() string {
	for _, raw := range []string{i.URL, i.ThumbnailURL} {
		u, err := url.Parse(raw)
		if err != nil {
			continue
		}
		segs := strings.Split(u.EscapedPath(), "/")
		for j := 0; j+1 < len(segs); j++ {
			if segs[j] == "recorded" && segs[j+1] != "" {
				if id, err := url.PathUnescape(segs[j+1]); err == nil {
					return id
				}
			}
		}
	}
	return ""
}

// RoomResolution is the size of a room's video.
type RoomResolution struct {
	AspectRatio string `json:"aspectRatio,omitempty"`
	Width       int    `json:"width,omitempty"`
	Height      int    `json:"height,omitempty"`
}

// RoomModeration is the moderation record of a room's broadcast: the labels that flagged it
// and the ones that terminated it.
type RoomModeration struct {
	FlagLabels      []StreamModerationLabel `json:"flagLabels,omitempty"`
	TerminateLabels []StreamModerationLabel `json:"terminateLabels,omitempty"`
	UpdatedAt       Time                    `json:"updatedAt"`
}

// RoomPayload is the answer of the room calls: the rooms, their child rooms, and the users and
// files they refer to.
type RoomPayload struct {
	rawJSON
	// Rooms are the rooms asked for (one for a create, get, update, stop or participant
	// removal).
	Rooms []Room `json:"rooms"`
	// RoomChildren are the child rooms of those rooms (the API's key is "roomChildrens").
	RoomChildren []Room `json:"roomChildrens"`
	// Users are the creators and participants (see Creator, Host, UserByID).
	Users []User `json:"users"`
	// Files are the thumbnails (see Thumbnail, FileByID).
	Files []File `json:"files"`
	// Paging holds the cursors of a listing.
	Paging Paging `json:"paging"`
}

func (p *RoomPayload) pageItems() []Room { return p.Rooms }
func (p *RoomPayload) pageInfo() Paging  { return p.Paging }

// Room returns the first room of the answer (the one a call about one room is about), or nil.
func (p *RoomPayload) Room() *Room { return firstOf(p.Rooms) }

// RoomByID returns the room, or child room, with the given public or internal ID, or nil.
func (p *RoomPayload) RoomByID(roomID string) *Room { return findRoom(roomID, p.Rooms, p.RoomChildren) }

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *RoomPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *RoomPayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// Creator returns the sideloaded user who created room, or nil.
func (p *RoomPayload) Creator(room *Room) *User {
	if room == nil {
		return nil
	}
	return findUserOf(p.Users, room.CreatedBy, room.CreatorInternalID)
}

// Host returns the sideloaded user of room's host participant, or nil.
func (p *RoomPayload) Host(room *Room) *User {
	if room == nil {
		return nil
	}
	for _, part := range room.Participants {
		if part.Type == RoomParticipantHost {
			return findUserOf(p.Users, part.UserID, part.UserInternalID)
		}
	}
	return nil
}

// Thumbnail returns the sideloaded thumbnail file of room, or nil.
func (p *RoomPayload) Thumbnail(room *Room) *File {
	if room == nil || room.ThumbnailFileID == "" {
		return nil
	}
	return findFile(p.Files, room.ThumbnailFileID)
}

// Children returns the sideloaded child rooms of room, in the order of its ChildRoomIDs.
func (p *RoomPayload) Children(room *Room) []Room {
	if room == nil {
		return nil
	}
	return lookupAll(room.ChildRoomIDs, func(id string) *Room { return findRoom(id, p.RoomChildren, p.Rooms) })
}

// findRoom finds a room by public, else internal ID in lists, in order.
func findRoom(roomID string, lists ...[]Room) *Room {
	for _, key := range []func(*Room) string{
		func(r *Room) string { return r.RoomID },
		func(r *Room) string { return r.ID },
	} {
		for _, rooms := range lists {
			if r := byID(rooms, roomID, key); r != nil {
				return r
			}
		}
	}
	return nil
}

// roomPath is the idPath of a room: an ID of at most 50 characters.
var roomPath = maxLenPath("roomID", 50)

// roomsCall sends r and decodes a room bundle holding at least one room.
func roomsCall(ctx context.Context, c *Client, r *request) (*RoomPayload, error) {
	return callOne(ctx, c, r, "room", func(p *RoomPayload) []Room { return p.Rooms })
}

// CreateRoomParams is the body of Rooms.Create.
type CreateRoomParams struct {
	// Title (required) is at most 1,000 characters.
	Title string `json:"title"`
	// Description is at most 5,000 characters.
	Description string `json:"description,omitempty"`
	// ThumbnailFileID is an uploaded image (at most 50 characters).
	ThumbnailFileID string `json:"thumbnailFileId,omitempty"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
	// LiveChatEnabled turns the room's live chat on or off; nil leaves it to the server (on).
	LiveChatEnabled *bool `json:"liveChatEnabled,omitempty"`
	// ParentRoomID makes the room a child stream of another room (at most 50 characters).
	ParentRoomID string `json:"parentRoomId,omitempty"`
	// Type is directStreaming (the server's default) or coHosts.
	Type RoomType `json:"type,omitempty"`
}

// Create creates a room, idle until its host broadcasts, and returns it.
// POST /api/v1/rooms. The caller is the host: call it on a user view (Client.AsUser) to
// create a user's room. Not retried after it may have reached the server (a repeat would
// create a second room).
func (s *RoomsService) Create(ctx context.Context, params *CreateRoomParams, opts ...CallOption) (*RoomPayload, error) {
	const op = "Rooms.Create"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		required(op, "Title", params.Title),
		maxLen(op, "Title", params.Title, 1000),
		maxLen(op, "Description", params.Description, 5000),
		maxLen(op, "ThumbnailFileID", params.ThumbnailFileID, 50),
		maxLen(op, "ParentRoomID", params.ParentRoomID, 50),
	); err != nil {
		return nil, err
	}
	return roomsCall(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v1/rooms", body: params, opts: opts})
}

// Get returns a room with its creator, participants and thumbnail. GET /api/v1/rooms/{roomId}.
func (s *RoomsService) Get(ctx context.Context, roomID string, opts ...CallOption) (*RoomPayload, error) {
	r := &request{op: "Rooms.Get", method: http.MethodGet, path: "/api/v1/rooms/%s", opts: opts}
	return callOneOn(ctx, s.c, r, roomPath, roomID, "room", func(p *RoomPayload) []Room { return p.Rooms })
}

// UpdateRoomParams changes a room. Nil fields are left as they are.
type UpdateRoomParams struct {
	// Title is 1 to 1,000 characters.
	Title *string `json:"title,omitempty"`
	// Description is at most 5,000 characters; Ptr("") clears it. The spec's update does not
	// list it; the vendor's clients send it (docs/wire-notes.md).
	Description *string `json:"description,omitempty"`
	// ThumbnailFileID is an uploaded image, 1 to 50 characters.
	ThumbnailFileID *string `json:"thumbnailFileId,omitempty"`
	// Metadata replaces the metadata.
	Metadata map[string]any `json:"metadata,omitempty"`
	// LiveChatEnabled turns the live chat on or off. It is sent under both names the API
	// uses for it, the clients' liveChatEnabled and the spec's channelEnabled.
	LiveChatEnabled *bool `json:"liveChatEnabled,omitempty"`
}

// updateRoomBody is the PUT body: the params, and the chat switch under the spec's name too.
type updateRoomBody struct {
	*UpdateRoomParams
	ChannelEnabled *bool `json:"channelEnabled,omitempty"`
}

// Update changes a room's details and returns it. PUT /api/v1/rooms/{roomId}. Idempotent by
// construction (it sets the given values; a repeat sets them again), so it is retried like a
// read.
func (s *RoomsService) Update(ctx context.Context, roomID string, params *UpdateRoomParams, opts ...CallOption) (*RoomPayload, error) {
	const op = "Rooms.Update"
	path, err := roomPath(op, "/api/v1/rooms/%s", roomID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	checks := []error{
		maxLenPtr(op, "Title", params.Title, 1000),
		maxLenPtr(op, "Description", params.Description, 5000),
		maxLenPtr(op, "ThumbnailFileID", params.ThumbnailFileID, 50),
	}
	if params.Title != nil {
		checks = append(checks, required(op, "Title", *params.Title))
	}
	if params.ThumbnailFileID != nil {
		checks = append(checks, required(op, "ThumbnailFileID", *params.ThumbnailFileID))
	}
	if err := firstErr(checks...); err != nil {
		return nil, err
	}
	body := updateRoomBody{UpdateRoomParams: params, ChannelEnabled: params.LiveChatEnabled}
	return roomsCall(ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: body, idempotent: true, opts: opts})
}

// Delete deletes a room (a live one stops broadcasting). DELETE /api/v1/rooms/{roomId}.
// Idempotent by construction (a deleted room stays deleted; a repeat may answer an error), so
// it is retried like a read. An answer of success: false is an *Error matching
// ErrUnsuccessful.
func (s *RoomsService) Delete(ctx context.Context, roomID string, opts ...CallOption) error {
	const op = "Rooms.Delete"
	path, err := roomPath(op, "/api/v1/rooms/%s", roomID)
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, idempotent: true, opts: opts}, nil)
}

// Stop ends a room's broadcast and returns the room, now ended. POST /api/v1/rooms/{roomId}/stop.
// Idempotent by construction (an ended room stays ended; a repeat changes nothing, though it
// may answer an error), so it is retried like a read.
func (s *RoomsService) Stop(ctx context.Context, roomID string, opts ...CallOption) (*RoomPayload, error) {
	r := &request{op: "Rooms.Stop", method: http.MethodPost, path: "/api/v1/rooms/%s/stop", idempotent: true, opts: opts}
	return callOneOn(ctx, s.c, r, roomPath, roomID, "room", func(p *RoomPayload) []Room { return p.Rooms })
}

// RoomSortBy orders the room listing.
type RoomSortBy string

// Room orders.
const (
	RoomSortFirstCreated RoomSortBy = "firstCreated"
	RoomSortLastCreated  RoomSortBy = "lastCreated"
)

// ListRoomsParams filters and pages Rooms.List. The zero value lists every room.
type ListRoomsParams struct {
	PageParams
	// Statuses keeps the rooms in these states (at most 10).
	Statuses []RoomStatus
	// Type keeps the rooms of one type.
	Type RoomType
	// SortBy is firstCreated or lastCreated.
	SortBy RoomSortBy
	// IsDeleted keeps deleted rooms (true) or the others (false); nil keeps both.
	IsDeleted *bool
}

func (p *ListRoomsParams) query(op string) (query, error) {
	v := *orZero(p)
	if err := firstErr(
		v.PageParams.validate(op, 1000),
		maxItems(op, "Statuses", len(v.Statuses), 10),
	); err != nil {
		return nil, err
	}
	for _, st := range v.Statuses {
		if st == "" {
			return nil, &ValidationError{Op: op, Field: "Statuses", Reason: "must not hold an empty status"}
		}
	}
	q := query{}
	enums(q, "statuses", v.Statuses)
	q.str("type", string(v.Type))
	q.str("sortBy", string(v.SortBy))
	q.boolean("isDeleted", v.IsDeleted)
	q.options(v.Limit, v.PageToken)
	return q, nil
}

// List returns an iterator over the rooms, fetching pages as it goes. GET /api/v1/rooms.
func (s *RoomsService) List(ctx context.Context, params *ListRoomsParams, opts ...CallOption) iter.Seq2[Room, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of List, each with its sideloads.
// GET /api/v1/rooms.
func (s *RoomsService) ListPages(ctx context.Context, params *ListRoomsParams, opts ...CallOption) iter.Seq2[*RoomPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of rooms. GET /api/v1/rooms.
func (s *RoomsService) ListPage(ctx context.Context, params *ListRoomsParams, opts ...CallOption) (*RoomPayload, error) {
	return listPage[RoomPayload](ctx, s.c, &request{op: "Rooms.ListPage", method: http.MethodGet, path: "/api/v1/rooms", opts: opts}, params)
}

// RemoveRoomParticipantParams names the participant Rooms.RemoveParticipant removes.
type RemoveRoomParticipantParams struct {
	// UserID (required, at most 50 characters) is the participant's user ID.
	UserID string `json:"participantUserId"`
}

// RemoveParticipant removes a co-host from a room's broadcast and returns the room.
// DELETE /api/v1/rooms/{roomId}/participants with {"participantUserId"} (the spec's form;
// see docs/wire-notes.md for the clients' other path). Idempotent by construction (a removed
// participant stays removed; a repeat may answer an error), so it is retried like a read.
func (s *RoomsService) RemoveParticipant(ctx context.Context, roomID string, params *RemoveRoomParticipantParams, opts ...CallOption) (*RoomPayload, error) {
	const op = "Rooms.RemoveParticipant"
	path, err := roomPath(op, "/api/v1/rooms/%s/participants", roomID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(required(op, "UserID", params.UserID), maxLen(op, "UserID", params.UserID, 50)); err != nil {
		return nil, err
	}
	return roomsCall(ctx, s.c, &request{op: op, method: http.MethodDelete, path: path, body: params, idempotent: true, opts: opts})
}

// RoomIngestPayload is what a broadcaster needs to go live in a room: the stream URL of a
// directStreaming room, or the co-host token and URL of a coHosts room (a LiveKit token).
// Raw holds the answer with both secrets redacted.
type RoomIngestPayload struct {
	rawJSON
	// DirectStreamURL is where the host of a directStreaming room sends the stream. It holds
	// the stream key, so it is a Secret: it prints as [redacted]; use string(u).
	DirectStreamURL Secret `json:"directStreamUrl"`
	// CoHostToken is the access token of a coHosts room's broadcaster (a Secret).
	CoHostToken Secret `json:"coHostToken"`
	// CoHostURL is the server the co-hosts connect to with CoHostToken.
	CoHostURL string `json:"coHostUrl"`
}

// setRaw keeps the answer with the stream URL and co-host token redacted, so that logging Raw
// leaks neither.
func (p *RoomIngestPayload) setRaw(b []byte) {
	p.Raw = redactMembers(b, "directStreamUrl", "coHostToken")
}

// GetIngestData returns what the caller needs to broadcast in a room: a stream URL with its
// key (directStreaming) or a co-host token (coHosts). GET /api/v1/rooms/{roomId}/token. Call
// it on the view of the broadcaster (Client.AsUser).
func (s *RoomsService) GetIngestData(ctx context.Context, roomID string, opts ...CallOption) (*RoomIngestPayload, error) {
	const op = "Rooms.GetIngestData"
	path, err := roomPath(op, "/api/v1/rooms/%s/token", roomID)
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodGet, path: path, opts: opts}
	out, err := call[RoomIngestPayload](ctx, s.c, r)
	if err != nil {
		return nil, err
	}
	if out.DirectStreamURL == "" && out.CoHostToken == "" {
		return nil, malformedAnswer(r, "the answer holds neither a stream URL nor a co-host token")
	}
	return out, nil
}

// recordingPath builds the path of one recording of a room: roomID and playbackID, each at
// most 50 characters.
func recordingPath(op, format, roomID, playbackID string) (string, error) {
	if err := firstErr(maxLen(op, "roomID", roomID, 50), maxLen(op, "playbackID", playbackID, 50)); err != nil {
		return "", err
	}
	return pathf(op, format, id("roomID", roomID), id("playbackID", playbackID))
}

// downloadStream sends the GET of a download at path and returns its body as a stream, which
// the caller must close; ctx bounds the whole download, reading included. Rooms and Products
// use it.
func (c *Client) downloadStream(ctx context.Context, op, path string, opts []CallOption) (io.ReadCloser, error) {
	//nolint:bodyclose // the body is the download: the caller reads and closes it
	resp, cancel, err := c.send(ctx, &request{op: op, method: http.MethodGet, path: path, accept: "*/*", streamAnswer: true, opts: opts})
	if err != nil {
		return nil, err
	}
	return &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}, nil
}

// DownloadRecording returns a recording of a room as a stream, which the caller must close;
// ctx bounds the whole download, reading the stream included. GET
// /api/v1/rooms/{roomId}/recorded/{playbackId}/watch, sent with the view's token and Accept:
// */*. The API answers with a redirect to the recording's signed URL: the SDK follows it on
// the API's own host, and refuses it to another host (no credential leaves for another host),
// which fails the call. playbackID is RoomPlaybackInfo.PlaybackID of one of the room's
// RecordedPlaybackInfos.
func (s *RoomsService) DownloadRecording(ctx context.Context, roomID, playbackID string, opts ...CallOption) (io.ReadCloser, error) {
	const op = "Rooms.DownloadRecording"
	path, err := recordingPath(op, "/api/v1/rooms/%s/recorded/%s/watch", roomID, playbackID)
	if err != nil {
		return nil, err
	}
	return s.c.downloadStream(ctx, op, path, opts)
}

// DownloadRecordingThumbnail returns the thumbnail image of a room's recording as a stream,
// which the caller must close; ctx bounds the whole download. GET
// /api/v1/rooms/{roomId}/recorded/{playbackId}/thumbnail, followed like DownloadRecording.
func (s *RoomsService) DownloadRecordingThumbnail(ctx context.Context, roomID, playbackID string, opts ...CallOption) (io.ReadCloser, error) {
	const op = "Rooms.DownloadRecordingThumbnail"
	path, err := recordingPath(op, "/api/v1/rooms/%s/recorded/%s/thumbnail", roomID, playbackID)
	if err != nil {
		return nil, err
	}
	return s.c.downloadStream(ctx, op, path, opts)
}

// RoomWatchEvent is one viewer's watching session of a room.
type RoomWatchEvent struct {
	// SessionID is unique per watch session (at most 50 characters).
	SessionID string `json:"sessionId,omitempty"`
	// RoomID (required) is the room watched (at most 50 characters).
	RoomID string `json:"roomId"`
	// StartTime and EndTime (required) bound the session, as UTC timestamp strings, exactly
	// as signed.
	StartTime string `json:"startTime"`
	EndTime   string `json:"endTime"`
	// WatchSeconds is the time watched, in seconds.
	WatchSeconds float64 `json:"watchSeconds"`
}

// RecordRoomWatchEventsParams is the body of Rooms.RecordWatchEvents: a signed batch of watch
// sessions.
type RecordRoomWatchEventsParams struct {
	// Signature (required) is the RSA-SHA256 signature of the batch, base64: each room's keys
	// sorted, as key=value pairs joined by &, rooms joined by ;, signed as
	// nonceStr={nonceStr}&timestamp={timestamp}&data={data}== with the network's private key.
	Signature string `json:"signature"`
	// NonceStr (required) is unique per request (at most 50 characters).
	NonceStr string `json:"nonceStr"`
	// Timestamp (required) is the request's time, as a UTC timestamp string.
	Timestamp string `json:"timestamp"`
	// Rooms (required) are the watch sessions.
	Rooms []RoomWatchEvent `json:"rooms"`
}

func (p *RecordRoomWatchEventsParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	if err := firstErr(
		required(op, "Signature", p.Signature),
		required(op, "NonceStr", p.NonceStr),
		maxLen(op, "NonceStr", p.NonceStr, 50),
		required(op, "Timestamp", p.Timestamp),
	); err != nil {
		return err
	}
	if len(p.Rooms) == 0 {
		return &ValidationError{Op: op, Field: "Rooms", Reason: "must hold at least 1 session"}
	}
	for i, e := range p.Rooms {
		field := fmt.Sprintf("Rooms[%d]", i)
		if err := firstErr(
			maxLen(op, field+".SessionID", e.SessionID, 50),
			required(op, field+".RoomID", e.RoomID),
			maxLen(op, field+".RoomID", e.RoomID, 50),
			required(op, field+".StartTime", e.StartTime),
			required(op, field+".EndTime", e.EndTime),
		); err != nil {
			return err
		}
		if e.WatchSeconds < 0 {
			return &ValidationError{Op: op, Field: field + ".WatchSeconds", Reason: "must not be negative"}
		}
	}
	return nil
}

// RecordWatchEvents sends a signed batch of the calling user's watch sessions of rooms, for
// the rooms' viewing analytics. POST /api/v3/user-event/room. Call it on a user view
// (Client.AsUser). Not retried once it may have reached the server (a repeat would count the
// watching time twice).
func (s *RoomsService) RecordWatchEvents(ctx context.Context, params *RecordRoomWatchEventsParams, opts ...CallOption) (*StreamEventPayload, error) {
	const op = "Rooms.RecordWatchEvents"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return call[StreamEventPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v3/user-event/room", body: params, opts: opts})
}
