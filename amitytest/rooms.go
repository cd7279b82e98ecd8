package amitytest

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"strings"
	"time"
)

// liveState is the data of spec 4.116.1's live areas: rooms with their participants, viewer
// bans and viewers (room presence), the viewer bans of video streams, live reactions, room
// watch events, products and their bulk imports, and the media the fake serves for them
// (recordings, thumbnails, the bulk sample). It is one field of state (state.live), made on
// first use; Server.mu guards it like the rest of state.
type liveState struct {
	rooms      map[string]*room                 // by room ID
	streamBans map[string]map[string]*viewerBan // stream ID -> user ID -> ban
	reactions  map[string]map[string]int        // room or stream ID -> reaction name -> count
	roomWatch  map[string]float64               // room ID -> seconds watched (POST /api/v3/user-event/room)
	roomNonces map[string]bool                  // the nonces of those events
	products   map[string]*product              // by product ID
	jobs       map[string]*bulkJob              // by job ID
	media      map[string]media                 // by key: the bytes behind /amitytest/media/{key}
}

// liveData returns the live areas' data, made on first use. s.mu is held.
func (st *state) liveData() *liveState {
	if st.live == nil {
		st.live = &liveState{
			rooms: map[string]*room{}, streamBans: map[string]map[string]*viewerBan{}, reactions: map[string]map[string]int{},
			roomWatch: map[string]float64{}, roomNonces: map[string]bool{}, products: map[string]*product{},
			jobs: map[string]*bulkJob{}, media: map[string]media{},
		}
	}
	return st.live
}

// live is the request's liveData.
func (c *request) live() *liveState { return c.st.liveData() }

// media is a file the fake serves at /amitytest/media/{key}: where the API's redirects
// (recordings, thumbnails, the bulk sample) lead.
type media struct {
	contentType string
	data        []byte
}

// mediaURL registers data under key and returns its URL on the server.
func (c *request) mediaURL(key, contentType string, data []byte) string {
	c.live().media[key] = media{contentType, data}
	return c.st.baseURL + "/amitytest/media/" + key
}

// room is a live room. Its status goes idle (created), live (Server.StartRoom),
// waitingReconnect (Server.DisconnectRoom) and back, ended (POST .../stop, or deleting a
// live room), recorded (Server.RecordRoom).
type room struct {
	id, internalID  string
	kind            string // directStreaming or coHosts
	title           string
	description     string
	thumbnailFileID string
	metadata        map[string]any
	liveChatEnabled bool
	liveChannelID   string
	parentID        string
	childIDs        []string
	status          string
	participants    []roomParticipant // the host first
	bans            map[string]*viewerBan
	viewers         map[string]*roomViewer
	createdBy       string
	createdAt       time.Time
	updatedAt       time.Time
	liveAt          time.Time
	endedAt         time.Time
	recordedAt      time.Time
	deleted         bool
	deletedAt       time.Time
	deletedBy       string
	seq             int64
}

type roomParticipant struct {
	kind   string // host or coHost
	userID string
}

// viewerBan is a viewer banned from a room or a stream.
type viewerBan struct {
	userID, bannedBy string
	createdAt        time.Time
	seq              int64
}

// roomViewer is a user whose heartbeats say it watches a room.
type roomViewer struct {
	joinedAt, lastHeartbeat time.Time
}

// ended reports whether the room's broadcast is over.
func (r *room) ended() bool { return r.status == "ended" || r.status == "recorded" }

// host is the user ID of the room's host.
func (r *room) host() string { return r.createdBy }

// isParticipant reports whether userID broadcasts in the room.
func (r *room) isParticipant(userID string) bool {
	for _, p := range r.participants {
		if p.userID == userID {
			return true
		}
	}
	return false
}

// playbackID is the ID of the room's one recording.
func (r *room) playbackID() string { return stableID("room-playback:" + r.id) }

type roomParticipantJSON struct {
	Type           string `json:"type"`
	UserID         string `json:"userId"`
	UserInternalID string `json:"userInternalId"`
}

type roomPlaybackJSON struct {
	URL          string `json:"url"`
	ThumbnailURL string `json:"thumbnailUrl"`
}

type roomModerationJSON struct {
	FlagLabels      []any  `json:"flagLabels"`
	TerminateLabels []any  `json:"terminateLabels"`
	UpdatedAt       string `json:"updatedAt"`
}

// roomJSON is the spec's room.
type roomJSON struct {
	ID                    string                `json:"_id"`
	RoomID                string                `json:"roomId"`
	Type                  string                `json:"type"`
	TargetID              string                `json:"targetId,omitempty"`
	TargetType            string                `json:"targetType,omitempty"`
	ReferenceType         string                `json:"referenceType,omitempty"`
	ReferenceID           string                `json:"referenceId,omitempty"`
	LiveChannelID         string                `json:"liveChannelId,omitempty"`
	LiveChatEnabled       bool                  `json:"liveChatEnabled"`
	Title                 string                `json:"title"`
	Description           string                `json:"description"`
	ThumbnailFileID       string                `json:"thumbnailFileId,omitempty"`
	Status                string                `json:"status"`
	Participants          []roomParticipantJSON `json:"participants"`
	LivePlaybackURL       string                `json:"livePlaybackUrl,omitempty"`
	LiveThumbnailURL      string                `json:"liveThumbnailUrl,omitempty"`
	RecordedPlaybackInfos []roomPlaybackJSON    `json:"recordedPlaybackInfos"`
	DurationSeconds       *float64              `json:"durationSeconds,omitempty"`
	Moderation            roomModerationJSON    `json:"moderation"`
	ParentRoomID          string                `json:"parentRoomId,omitempty"`
	ChildRoomIDs          []string              `json:"childRoomIds"`
	CreatedAt             string                `json:"createdAt"`
	CreatedBy             string                `json:"createdBy"`
	CreatorInternalID     string                `json:"creatorInternalId"`
	UpdatedAt             string                `json:"updatedAt"`
	LiveAt                *string               `json:"liveAt,omitempty"`
	EndedAt               *string               `json:"endedAt,omitempty"`
	RecordedAt            *string               `json:"recordedAt,omitempty"`
	IsDeleted             bool                  `json:"isDeleted"`
	DeletedAt             *string               `json:"deletedAt,omitempty"`
	DeletedBy             string                `json:"deletedBy,omitempty"`
	Path                  string                `json:"path"`
	Metadata              map[string]any        `json:"metadata"`
}

// roomsResponse is the spec's room bundle.
type roomsResponse struct {
	Rooms         []roomJSON `json:"rooms"`
	RoomChildrens []roomJSON `json:"roomChildrens"`
	Users         []userJSON `json:"users"`
	Files         []fileJSON `json:"files"`
	Paging        any        `json:"paging,omitempty"`
}

// internalIDOf is a user's internal ID ("" for an unknown user).
func (st *state) internalIDOf(userID string) string {
	if u := st.users[userID]; u != nil {
		return u.internalID
	}
	return ""
}

// roomPost is the live room post that shows r in a feed (dataType room, data.roomId), or nil.
func (st *state) roomPost(r *room) *post {
	var found *post
	for _, p := range st.posts {
		if id, _ := p.data["roomId"].(string); id == r.id && p.dataType == "room" && !p.deleted && (found == nil || p.seq < found.seq) {
			found = p
		}
	}
	return found
}

func (c *request) roomJSON(r *room) roomJSON {
	out := roomJSON{
		ID: r.internalID, RoomID: r.id, Type: r.kind, LiveChannelID: r.liveChannelID, LiveChatEnabled: r.liveChatEnabled,
		Title: r.title, Description: r.description, ThumbnailFileID: r.thumbnailFileID, Status: r.status,
		Participants: []roomParticipantJSON{}, RecordedPlaybackInfos: []roomPlaybackJSON{},
		Moderation:   roomModerationJSON{FlagLabels: []any{}, TerminateLabels: []any{}, UpdatedAt: ts(r.updatedAt)},
		ParentRoomID: r.parentID, ChildRoomIDs: nonNil(r.childIDs), CreatedAt: ts(r.createdAt), CreatedBy: r.createdBy,
		CreatorInternalID: c.st.internalIDOf(r.createdBy), UpdatedAt: ts(r.updatedAt), LiveAt: tsPtr(r.liveAt),
		EndedAt: tsPtr(r.endedAt), RecordedAt: tsPtr(r.recordedAt), IsDeleted: r.deleted, DeletedAt: tsPtr(r.deletedAt),
		DeletedBy: r.deletedBy, Path: "rooms/" + r.id, Metadata: obj(r.metadata),
	}
	for _, p := range r.participants {
		out.Participants = append(out.Participants, roomParticipantJSON{Type: p.kind, UserID: p.userID, UserInternalID: c.st.internalIDOf(p.userID)})
	}
	if p := c.st.roomPost(r); p != nil {
		out.TargetID, out.TargetType, out.ReferenceType, out.ReferenceID = p.targetID, p.targetType, "post", p.id
	}
	if r.status == "live" || r.status == "waitingReconnect" {
		out.LivePlaybackURL = c.st.baseURL + "/live/rooms/" + r.id + ".m3u8"
		out.LiveThumbnailURL = c.st.baseURL + "/live/rooms/" + r.id + ".jpg"
	}
	if !r.liveAt.IsZero() && !r.endedAt.IsZero() {
		d := r.endedAt.Sub(r.liveAt).Seconds()
		out.DurationSeconds = &d
	}
	if r.status == "recorded" {
		base := c.st.baseURL + "/api/v1/rooms/" + r.id + "/recorded/" + r.playbackID()
		out.RecordedPlaybackInfos = append(out.RecordedPlaybackInfos, roomPlaybackJSON{URL: base + "/watch", ThumbnailURL: base + "/thumbnail"})
	}
	return out
}

// roomsBody bundles rooms with their child rooms, users (creators, participants and the
// extra users) and thumbnails.
func (c *request) roomsBody(list []*room, extraUsers ...string) roomsResponse {
	b := c.sideload()
	for _, id := range extraUsers {
		b.addUser(id)
	}
	out := roomsResponse{Rooms: []roomJSON{}, RoomChildrens: []roomJSON{}}
	seen := map[string]bool{}
	add := func(r *room) {
		b.addUser(r.createdBy)
		for _, p := range r.participants {
			b.addUser(p.userID)
		}
		if r.thumbnailFileID != "" {
			b.addFile(r.thumbnailFileID)
		}
	}
	for _, r := range list {
		out.Rooms = append(out.Rooms, c.roomJSON(r))
		add(r)
		seen[r.id] = true
	}
	for _, r := range list {
		for _, id := range r.childIDs {
			if ch := c.live().rooms[id]; ch != nil && !seen[id] {
				seen[id] = true
				out.RoomChildrens = append(out.RoomChildrens, c.roomJSON(ch))
				add(ch)
			}
		}
	}
	out.Users, out.Files = b.users(), b.files()
	return out
}

// room finds the room of the path (deleted ones too).
func (c *request) room() (*room, error) {
	id := c.path("roomId")
	r := c.live().rooms[id]
	if r == nil {
		return nil, errNotFound("Room %s not found", id)
	}
	return r, nil
}

// liveRoom finds the room of the path, unless it is deleted.
func (c *request) liveRoom() (*room, error) {
	r, err := c.room()
	if err != nil {
		return nil, err
	}
	if r.deleted {
		return nil, errNotFound("Room %s not found", r.id)
	}
	return r, nil
}

// ownRoom finds a room the caller may manage: its host's, or any for the admin.
func (c *request) ownRoom() (*room, error) {
	r, err := c.liveRoom()
	if err != nil {
		return nil, err
	}
	if !c.isAdmin && r.host() != c.identity {
		return nil, errPermission("Only the host of the room can do this.")
	}
	return r, nil
}

type roomRequest struct {
	Title           *string        `json:"title"`
	Description     *string        `json:"description"`
	ThumbnailFileID *string        `json:"thumbnailFileId"`
	Metadata        map[string]any `json:"metadata"`
	LiveChatEnabled *bool          `json:"liveChatEnabled"`
	ChannelEnabled  *bool          `json:"channelEnabled"`
	ParentRoomID    string         `json:"parentRoomId"`
	Type            string         `json:"type"`
}

// checkRoomRequest checks the fields a room's create and update share.
func (c *request) checkRoomRequest(req *roomRequest) error {
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	if err := firstErr(maxLen("title", str(req.Title), 1000), maxLen("description", str(req.Description), 5000),
		maxLen("thumbnailFileId", str(req.ThumbnailFileID), 50), maxLen("parentRoomId", req.ParentRoomID, 50),
		enum("type", req.Type, "directStreaming", "coHosts")); err != nil {
		return err
	}
	if req.Title != nil && strings.TrimSpace(*req.Title) == "" {
		return errBadRequest("Parameters validation error: title must not be empty")
	}
	if id := str(req.ThumbnailFileID); id != "" {
		if f := c.st.files[id]; f == nil || f.kind != "image" {
			return errBadRequest("Parameters validation error: thumbnailFileId is not an image")
		}
	}
	return nil
}

// roomRoutes are the room operations. The lifecycle: POST /api/v1/rooms creates an idle room
// (the caller its host, a live channel for its chat unless liveChatEnabled is false); a host
// of a coHosts room gets co-hosts with Server.AddRoomCoHost; Server.StartRoom puts it live; POST
// .../stop ends it; Server.RecordRoom makes its recording available.
func (s *Server) routesRooms() {
	s.route("POST /api/v1/rooms", authUser, s.createRoom)
	s.route("GET /api/v1/rooms/{roomId}", authUser, func(c *request) error {
		r, err := c.room()
		if err != nil {
			return err
		}
		return c.ok(c.roomsBody([]*room{r}))
	})
	s.route("PUT /api/v1/rooms/{roomId}", authUser, func(c *request) error {
		r, err := c.ownRoom()
		if err != nil {
			return err
		}
		var req roomRequest
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if err := c.checkRoomRequest(&req); err != nil {
			return err
		}
		setOpt(&r.title, req.Title)
		setOpt(&r.description, req.Description)
		setOpt(&r.thumbnailFileID, req.ThumbnailFileID)
		if req.Metadata != nil {
			r.metadata = req.Metadata
		}
		chat := req.LiveChatEnabled // the clients' name; the spec's channelEnabled otherwise
		if chat == nil {
			chat = req.ChannelEnabled
		}
		if chat != nil {
			c.setRoomChat(r, *chat)
		}
		r.updatedAt = c.now()
		return c.ok(c.roomsBody([]*room{r}))
	})
	s.route("DELETE /api/v1/rooms/{roomId}", authUser, func(c *request) error {
		r, err := c.ownRoom()
		if err != nil {
			return err
		}
		now := c.now()
		c.endRoom(r)
		r.deleted, r.deletedAt, r.deletedBy, r.updatedAt = true, now, c.me().id, now
		return c.ok(successBody)
	})
	s.route("POST /api/v1/rooms/{roomId}/stop", authUser, func(c *request) error {
		r, err := c.ownRoom()
		if err != nil {
			return err
		}
		c.endRoom(r) // an ended room stays as it is
		return c.ok(c.roomsBody([]*room{r}))
	})
	s.route("GET /api/v1/rooms", authUser, listRooms)
	s.route("DELETE /api/v1/rooms/{roomId}/participants", authUser, func(c *request) error {
		var req struct {
			ParticipantUserID string `json:"participantUserId"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		return c.removeParticipant(req.ParticipantUserID)
	})
	// The vendor clients' form (ts-sdk-react-native 7.20.0 removeParticipant): the user in the
	// path, no body. No spec declares it.
	s.route("DELETE /api/v1/rooms/{roomId}/participants/{participantUserId}", authUser, func(c *request) error {
		return c.removeParticipant(c.path("participantUserId"))
	})
	s.route("GET /api/v1/rooms/{roomId}/token", authUser, func(c *request) error {
		r, err := c.liveRoom()
		if err != nil {
			return err
		}
		if !c.isAdmin && !r.isParticipant(c.identity) {
			return errPermission("Only the room's broadcasters get its ingest data.")
		}
		if r.ended() {
			return errBadRequest("Room %s has ended.", r.id)
		}
		host := strings.TrimPrefix(strings.TrimPrefix(c.st.baseURL, "http://"), "https://")
		if r.kind == "coHosts" {
			who := c.identity
			if c.isAdmin {
				who = r.host()
			}
			return c.ok(map[string]string{"coHostToken": "lk." + stableID("room-cohost:"+r.id+":"+who), "coHostUrl": "ws://" + host + "/livekit"})
		}
		return c.ok(map[string]string{"directStreamUrl": "rtmp://" + host + "/live/" + r.id + "?key=" + stableID("room-key:"+r.id)})
	})
	s.route("GET /api/v1/rooms/{roomId}/recorded/{playbackId}/watch", authNone, func(c *request) error {
		return c.redirectToRecording(func(r *room) (string, string, []byte) {
			return "video/mp4", ".mp4", []byte("\x00\x00\x00\x18ftypmp42 amitytest recording of room " + r.id)
		})
	})
	s.route("GET /api/v1/rooms/{roomId}/recorded/{playbackId}/thumbnail", authNone, func(c *request) error {
		return c.redirectToRecording(func(r *room) (string, string, []byte) { return "image/png", ".png", roomThumbnail(r) })
	})
	s.routesRoomViewerBans() // rooms_viewer_bans.go
	s.route("POST /api/v3/user-event/room", authUser, s.roomWatchEvents)
	s.route("GET /amitytest/media/{key}", authNone, func(c *request) error {
		m, ok := c.live().media[c.path("key")]
		if !ok {
			return errNotFound("Resource Not Found.")
		}
		c.w.Header().Set("Content-Type", m.contentType)
		c.w.WriteHeader(http.StatusOK)
		_, _ = c.w.Write(m.data)
		return nil
	})
}

func (s *Server) createRoom(c *request) error {
	var req roomRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.Title == nil {
		return errBadRequest("Parameters validation error: title is required")
	}
	if err := c.checkRoomRequest(&req); err != nil {
		return err
	}
	me := c.me()
	if me.globalBan {
		return errGlobalBan()
	}
	if err := c.st.checkText(*req.Title); err != nil {
		return err
	}
	var parent *room
	if req.ParentRoomID != "" {
		if parent = c.live().rooms[req.ParentRoomID]; parent == nil || parent.deleted {
			return errNotFound("Room %s not found", req.ParentRoomID)
		}
		if parent.host() != me.id && !c.isAdmin {
			return errPermission("Only the host of the parent room can add child rooms.")
		}
	}
	if req.Type == "" {
		req.Type = "directStreaming"
	}
	now := c.now()
	r := &room{
		id: c.st.newID(), internalID: c.st.newID(), kind: req.Type, title: *req.Title, metadata: req.Metadata,
		status: "idle", participants: []roomParticipant{{kind: "host", userID: me.id}},
		bans: map[string]*viewerBan{}, viewers: map[string]*roomViewer{}, createdBy: me.id, createdAt: now, updatedAt: now,
		seq: c.st.nextSeq(),
	}
	setOpt(&r.description, req.Description)
	setOpt(&r.thumbnailFileID, req.ThumbnailFileID)
	chat := true
	setOpt(&chat, req.LiveChatEnabled)
	c.setRoomChat(r, chat)
	if parent != nil {
		r.parentID = parent.id
		parent.childIDs = append(parent.childIDs, r.id)
		parent.updatedAt = now
	}
	c.live().rooms[r.id] = r
	return c.ok(c.roomsBody([]*room{r}))
}

// setRoomChat turns the room's live chat on (making its live channel the first time) or off.
func (c *request) setRoomChat(r *room, on bool) {
	r.liveChatEnabled = on
	if on && r.liveChannelID == "" {
		ch := c.st.newChannel("", "live", r.createdBy, c.now())
		ch.displayName = r.title
		r.liveChannelID = ch.id
	}
}

// endRoom ends the broadcast of a room that has not ended: an idle room ends without having
// been live.
func (c *request) endRoom(r *room) {
	if r.ended() {
		return
	}
	now := c.now()
	r.status, r.endedAt, r.updatedAt = "ended", now, now
	r.viewers = map[string]*roomViewer{}
}

func listRooms(c *request) error {
	statuses := c.qList("statuses")
	if len(statuses) > 10 {
		return errBadRequest("Parameters validation error: at most 10 statuses")
	}
	for _, st := range statuses {
		if err := enum("statuses", st, "idle", "live", "waitingReconnect", "ended", "recorded"); err != nil {
			return err
		}
	}
	kind, sortBy := c.q("type"), c.q("sortBy")
	if err := firstErr(enum("type", kind, "directStreaming", "coHosts"), enum("sortBy", sortBy, "firstCreated", "lastCreated")); err != nil {
		return err
	}
	isDeleted, p, err := c.deletedAndPage()
	if err != nil {
		return err
	}
	var list []*room
	for _, r := range c.live().rooms {
		if deletedFilter(isDeleted, r.deleted, bothByDefault) && (len(statuses) == 0 || containsString(statuses, r.status)) &&
			(kind == "" || r.kind == kind) {
			list = append(list, r)
		}
	}
	sortByCreated(list, func(r *room) (time.Time, int64) { return r.createdAt, r.seq }, sortBy != "firstCreated")
	win, cur := paginate(list, p)
	body := c.roomsBody(win)
	body.Paging = cur.nextPrev()
	return c.ok(body)
}

// removeParticipant removes a co-host from the room of the path.
func (c *request) removeParticipant(userID string) error {
	r, err := c.ownRoom()
	if err != nil {
		return err
	}
	if userID == "" {
		return errBadRequest("Parameters validation error: participantUserId is required")
	}
	if userID == r.host() {
		return errBadRequest("The host cannot be removed from the room.")
	}
	kept := r.participants[:0:0]
	for _, p := range r.participants {
		if p.userID != userID {
			kept = append(kept, p)
		}
	}
	if len(kept) == len(r.participants) {
		return errNotFound("%s is not a participant of room %s", userID, r.id)
	}
	r.participants, r.updatedAt = kept, c.now()
	return c.ok(c.roomsBody([]*room{r}))
}

// redirectToRecording answers the watch and thumbnail operations: for a viewer with a valid
// token (Authorization or the _ascSession cookie) of a recorded room, 302 to the file's signed
// URL, which the fake serves.
func (c *request) redirectToRecording(file func(r *room) (contentType, ext string, data []byte)) error {
	tok := bearerToken(c.r)
	if ck, err := c.r.Cookie("_ascSession"); tok == "" && err == nil {
		tok = ck.Value
	}
	id, _, ok := c.st.resolveToken(tok, c.s.cfg.adminToken, c.now())
	if !ok {
		return errUnauthorized("Unauthorized")
	}
	r, err := c.liveRoom()
	if err != nil {
		return err
	}
	if r.status != "recorded" || c.path("playbackId") != r.playbackID() {
		return errNotFound("Recording %s not found", c.path("playbackId"))
	}
	if r.bans[id] != nil {
		return errForbidden("You are banned from this room.")
	}
	contentType, ext, data := file(r)
	url := c.mediaURL(stableID("room-media:"+r.id+ext)+ext, contentType, data)
	c.w.Header().Set("Location", url)
	c.w.WriteHeader(http.StatusFound)
	return nil
}

// roomThumbnail is a small PNG for a room's recording.
func roomThumbnail(r *room) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 36))
	shade := stableID(r.id)[0]
	for y := 0; y < 36; y++ {
		for x := 0; x < 64; x++ {
			img.Set(x, y, color.RGBA{shade, uint8(x * 4), uint8(y * 7), 255})
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img) // an in-memory RGBA image always encodes
	return buf.Bytes()
}

// roomWatchEvents stores the watching time of POST /api/v3/user-event/room. The signature is
// required but not checked (the fake has no network key); a nonce is used once.
func (s *Server) roomWatchEvents(c *request) error {
	var req struct {
		Signature string `json:"signature"`
		NonceStr  string `json:"nonceStr"`
		Timestamp string `json:"timestamp"`
		Rooms     []struct {
			SessionID    string   `json:"sessionId"`
			RoomID       string   `json:"roomId"`
			StartTime    string   `json:"startTime"`
			EndTime      string   `json:"endTime"`
			WatchSeconds *float64 `json:"watchSeconds"`
		} `json:"rooms"`
	}
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.Signature == "" || req.NonceStr == "" || req.Timestamp == "" || len(req.Rooms) == 0 {
		return errBadRequest("Parameters validation error: signature, nonceStr, timestamp and rooms are required")
	}
	if err := maxLen("nonceStr", req.NonceStr, 50); err != nil {
		return err
	}
	ls := c.live()
	if ls.roomNonces[req.NonceStr] {
		return errBadRequest("nonceStr was already used")
	}
	for _, e := range req.Rooms {
		if e.RoomID == "" || e.StartTime == "" || e.EndTime == "" || e.WatchSeconds == nil || *e.WatchSeconds < 0 {
			return errBadRequest("Parameters validation error: rooms need roomId, startTime, endTime and watchSeconds")
		}
		if ls.rooms[e.RoomID] == nil {
			return errNotFound("Room %s not found", e.RoomID)
		}
	}
	ls.roomNonces[req.NonceStr] = true
	for _, e := range req.Rooms {
		ls.roomWatch[e.RoomID] += *e.WatchSeconds
	}
	return c.ok(map[string]bool{"ok": true})
}
