package amitytest

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// stream is a live video stream. Its status goes idle (created), live (StartStream:
// the broadcaster connected), ended (DELETE .../streaming-url), recorded (RecordStream).
type stream struct {
	id              string
	userID          string
	title           string
	description     string
	thumbnailFileID string
	metadata        map[string]any
	isSecure        bool
	resolution      string
	status          string
	deleted         bool
	urlDisposed     bool
	startedAt       time.Time
	endedAt         time.Time
	createdAt       time.Time
	updatedAt       time.Time
	seq             int64
}

type streamURLJSON struct {
	URL        string         `json:"url"`
	Components map[string]any `json:"components"`
}

type streamJSON struct {
	StreamID        string                   `json:"streamId"`
	UserID          string                   `json:"userId"`
	UserInternalID  string                   `json:"userInternalId"`
	UserPublicID    string                   `json:"userPublicId"`
	ThumbnailFileID string                   `json:"thumbnailFileId,omitempty"`
	Title           string                   `json:"title"`
	Status          string                   `json:"status"`
	IsLive          bool                     `json:"isLive"`
	IsDeleted       bool                     `json:"isDeleted"`
	Description     string                   `json:"description"`
	Platform        map[string]string        `json:"platform"`
	ModerationID    string                   `json:"moderationId"`
	StartedAt       *string                  `json:"startedAt,omitempty"`
	EndedAt         *string                  `json:"endedAt,omitempty"`
	CreatedAt       string                   `json:"createdAt"`
	UpdatedAt       string                   `json:"updatedAt"`
	Metadata        map[string]any           `json:"metadata"`
	Resolution      string                   `json:"resolution"`
	StreamerURL     *streamURLJSON           `json:"streamerUrl,omitempty"`
	Recordings      []map[string]any         `json:"recordings"`
	WatcherURL      map[string]streamURLJSON `json:"watcherUrl"`
}

type streamModerationJSON struct {
	ModerationID    string `json:"moderationId"`
	StreamID        string `json:"streamId"`
	FlagLabels      []any  `json:"flagLabels"`
	TerminateLabels []any  `json:"terminateLabels"`
	CreatedAt       string `json:"createdAt"`
	UpdatedAt       string `json:"updatedAt"`
}

type streamsResponse struct {
	VideoStreamings        []streamJSON           `json:"videoStreamings"`
	VideoStreamModerations []streamModerationJSON `json:"videoStreamModerations"`
	Users                  []userJSON             `json:"users"`
	Files                  []fileJSON             `json:"files"`
}

func (c *request) streamURL(protocol string, s *stream, ext string) streamURLJSON {
	host := strings.TrimPrefix(strings.TrimPrefix(c.st.baseURL, "http://"), "https://")
	origin := protocol + "://" + host
	query := ""
	if s.isSecure {
		query = "token=" + stableID("stream-key:"+s.id)
	}
	u := origin + "/live/" + s.id + ext
	if query != "" {
		u += "?" + query
	}
	return streamURLJSON{URL: u, Components: map[string]any{"origin": origin, "appName": "live", "streamName": s.id + ext, "query": query}}
}

func (c *request) streamJSON(s *stream) streamJSON {
	internal := ""
	if u := c.st.users[s.userID]; u != nil {
		internal = u.internalID
	}
	out := streamJSON{
		StreamID: s.id, UserID: s.userID, UserInternalID: internal, UserPublicID: s.userID, ThumbnailFileID: s.thumbnailFileID,
		Title: s.title, Status: s.status, IsLive: s.status == "live", IsDeleted: s.deleted, Description: s.description,
		Platform: map[string]string{"name": "amitytest", "version": "1"}, ModerationID: stableID("stream-moderation:" + s.id),
		StartedAt: tsPtr(s.startedAt), EndedAt: tsPtr(s.endedAt), CreatedAt: ts(s.createdAt), UpdatedAt: ts(s.updatedAt),
		Metadata: obj(s.metadata), Resolution: s.resolution, Recordings: []map[string]any{}, WatcherURL: map[string]streamURLJSON{},
	}
	if !s.urlDisposed {
		su := c.streamURL("rtmp", s, "")
		out.StreamerURL = &su
		out.WatcherURL["flv"] = c.streamURL("http", s, ".flv")
		out.WatcherURL["hls"] = c.streamURL("http", s, ".m3u8")
		out.WatcherURL["rtmp"] = c.streamURL("rtmp", s, "")
	}
	if s.status == "recorded" {
		dur := s.endedAt.Sub(s.startedAt).Seconds()
		rec := func(ext string) map[string]any {
			return map[string]any{"url": c.st.baseURL + "/recordings/" + s.id + "." + ext, "duration": dur,
				"startTime": float64(s.startedAt.UnixMilli()), "stopTime": float64(s.endedAt.UnixMilli())}
		}
		out.Recordings = append(out.Recordings, map[string]any{"mp4": rec("mp4"), "m3u8": rec("m3u8"), "flv": rec("flv")})
	}
	return out
}

func (c *request) streamsBody(list []*stream) streamsResponse {
	b := c.sideload()
	out := streamsResponse{VideoStreamings: []streamJSON{}, VideoStreamModerations: []streamModerationJSON{}}
	for _, s := range list {
		out.VideoStreamings = append(out.VideoStreamings, c.streamJSON(s))
		out.VideoStreamModerations = append(out.VideoStreamModerations, streamModerationJSON{
			ModerationID: stableID("stream-moderation:" + s.id), StreamID: s.id, FlagLabels: []any{}, TerminateLabels: []any{},
			CreatedAt: ts(s.createdAt), UpdatedAt: ts(s.updatedAt)})
		b.addUser(s.userID)
		if s.thumbnailFileID != "" {
			b.addFile(s.thumbnailFileID)
		}
	}
	out.Users, out.Files = b.users(), b.files()
	return out
}

// existingStream is the stream streamID, unless it is unknown or deleted, for the Server
// methods that drive streams; s.mu is held.
func (s *Server) existingStream(streamID string) (*stream, error) {
	st := s.st.streams[streamID]
	if st == nil || st.deleted {
		return nil, fmt.Errorf("amitytest: no stream %q", streamID)
	}
	return st, nil
}

// StartStream marks an idle stream live, as when its broadcaster connects to the streamer
// URL, and sends video-streaming.didStart. It fails for an unknown stream or one that is not
// idle.
func (s *Server) StartStream(streamID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := s.existingStream(streamID)
	if err != nil {
		return err
	}
	if st.status != "idle" {
		return fmt.Errorf("amitytest: stream %q is %s, not idle", streamID, st.status)
	}
	now := s.now()
	st.status, st.startedAt, st.updatedAt = "live", now, now
	s.asUser(st.userID).emitStream("video-streaming.didStart", st)
	return nil
}

// RecordStream marks an ended stream recorded, giving it recordings, and sends
// video-streaming.didRecord. It fails for an unknown stream or one that has not ended.
func (s *Server) RecordStream(streamID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := s.existingStream(streamID)
	if err != nil {
		return err
	}
	if st.status != "ended" || st.startedAt.IsZero() {
		return fmt.Errorf("amitytest: stream %q is %s, not ended after being live", streamID, st.status)
	}
	st.status, st.updatedAt = "recorded", s.now()
	s.asUser(st.userID).emitStream("video-streaming.didRecord", st)
	return nil
}

// WatchSeconds returns the watching time recorded for a stream by the user-event endpoint.
func (s *Server) WatchSeconds(streamID string) float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.watchSeconds[streamID]
}

type streamRequest struct {
	Title           *string        `json:"title"`
	Description     string         `json:"description"`
	ThumbnailFileID string         `json:"thumbnailFileId"`
	Metadata        map[string]any `json:"metadata"`
	IsSecure        bool           `json:"isSecure"`
	Resolution      string         `json:"resolution"`
}

func (c *request) checkStreamRequest(req *streamRequest) error {
	if req.Title == nil || *req.Title == "" {
		return errBadRequest("Parameters validation error: title is required")
	}
	if err := firstErr(maxLen("title", *req.Title, 1000), maxLen("description", req.Description, 5000),
		maxLen("thumbnailFileId", req.ThumbnailFileID, 50), enum("resolution", req.Resolution, "SD", "HD", "FHD")); err != nil {
		return err
	}
	if req.ThumbnailFileID != "" && c.st.files[req.ThumbnailFileID] == nil {
		return errBadRequest("Parameters validation error: thumbnailFileId is not a file")
	}
	if req.Resolution == "" {
		req.Resolution = "SD"
	}
	return nil
}

// firstErr returns the first non-nil error of errs.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// stream finds a stream (deleted ones too).
func (c *request) stream() (*stream, error) {
	id := c.path("streamId")
	st := c.st.streams[id]
	if st == nil {
		return nil, errNotFound("Stream %s not found", id)
	}
	return st, nil
}

// ownStream finds a live stream the caller may change (its broadcaster or the admin).
func (c *request) ownStream() (*stream, error) {
	st, err := c.stream()
	if err != nil {
		return nil, err
	}
	if st.deleted {
		return nil, errNotFound("Stream %s not found", st.id)
	}
	if !c.isAdmin && st.userID != c.identity {
		return nil, errPermission("You are not allowed to do this.")
	}
	return st, nil
}

type watchEventRequest struct {
	Signature string `json:"signature"`
	NonceStr  string `json:"nonceStr"`
	Timestamp string `json:"timestamp"`
	Streams   []struct {
		SessionID    string  `json:"sessionId"`
		StreamID     string  `json:"streamId"`
		StartTime    string  `json:"startTime"`
		EndTime      string  `json:"endTime"`
		WatchSeconds float64 `json:"watchSeconds"`
	} `json:"streams"`
}

func (s *Server) routesStreams() {
	s.route("POST /api/v3/video-streaming", authUser, func(c *request) error {
		var req streamRequest
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if err := c.checkStreamRequest(&req); err != nil {
			return err
		}
		now := c.now()
		st := &stream{id: c.st.newID(), userID: c.me().id, title: *req.Title, description: req.Description,
			thumbnailFileID: req.ThumbnailFileID, metadata: req.Metadata, isSecure: req.IsSecure, resolution: req.Resolution,
			status: "idle", createdAt: now, updatedAt: now, seq: c.st.nextSeq()}
		c.st.streams[st.id] = st
		return c.ok(c.streamsBody([]*stream{st}))
	})
	s.route("GET /api/v3/video-streaming/{streamId}", authUser, func(c *request) error {
		st, err := c.stream()
		if err != nil {
			return err
		}
		return c.ok(c.streamsBody([]*stream{st}))
	})
	s.route("PUT /api/v3/video-streaming/{streamId}", authUser, func(c *request) error {
		st, err := c.ownStream()
		if err != nil {
			return err
		}
		var req streamRequest
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if err := c.checkStreamRequest(&req); err != nil {
			return err
		}
		st.title, st.description, st.thumbnailFileID, st.metadata, st.resolution = *req.Title, req.Description, req.ThumbnailFileID, req.Metadata, req.Resolution
		st.updatedAt = c.now()
		return c.ok(c.streamsBody([]*stream{st}))
	})
	s.route("DELETE /api/v3/video-streaming/{streamId}", authUser, func(c *request) error {
		st, err := c.ownStream()
		if err != nil {
			return err
		}
		st.deleted, st.updatedAt = true, c.now()
		c.endStream(st)
		return c.ok(successData())
	})
	s.route("DELETE /api/v3/video-streaming/{streamId}/streaming-url", authUser, func(c *request) error {
		if c.r.Header.Get("X-API-Key") != c.s.cfg.apiKey {
			return errUnauthorized("A valid X-API-Key is required")
		}
		st, err := c.ownStream()
		if err != nil {
			return err
		}
		c.endStream(st)
		return c.ok(c.streamsBody([]*stream{st}))
	})
	s.route("GET /api/v3/video-streaming", authUser, func(c *request) error {
		var isLive, isDeleted *bool
		if err := c.qBools([]string{"isLive", "isDeleted"}, &isLive, &isDeleted); err != nil {
			return err
		}
		statuses := c.qList("statuses")
		for _, st := range statuses {
			if err := enum("statuses", st, "idle", "live", "ended", "recorded"); err != nil {
				return err
			}
		}
		users := c.qList("userPublicIds")
		sortBy := c.q("sortBy")
		if err := enum("sortBy", sortBy, "firstCreated", "lastCreated"); err != nil {
			return err
		}
		var list []*stream
		for _, st := range c.st.streams {
			if !deletedFilter(isDeleted, st.deleted, bothByDefault) {
				continue
			}
			if isLive != nil && *isLive != (st.status == "live") {
				continue
			}
			if len(statuses) > 0 && !containsString(statuses, st.status) {
				continue
			}
			if len(users) > 0 && !containsString(users, st.userID) {
				continue
			}
			list = append(list, st)
		}
		sortByCreated(list, func(s *stream) (time.Time, int64) { return s.createdAt, s.seq }, sortBy != "firstCreated")
		p, err := c.pageParams(defaultPageSize)
		if err != nil {
			return err
		}
		win, cur := paginate(list, p)
		return c.ok(struct {
			Results streamsResponse `json:"results"`
			Paging  *pagingNextPrev `json:"paging"`
		}{c.streamsBody(win), cur.nextPrev()})
	})
	s.route("POST /api/v3/user-event/video-streaming", authUser, func(c *request) error {
		var req watchEventRequest
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.Signature == "" || req.NonceStr == "" || req.Timestamp == "" || len(req.Streams) == 0 {
			return errBadRequest("Parameters validation error: signature, nonceStr, timestamp and streams are required")
		}
		if err := maxLen("nonceStr", req.NonceStr, 50); err != nil {
			return err
		}
		if c.st.nonces[req.NonceStr] {
			return errBadRequest("nonceStr was already used")
		}
		for _, e := range req.Streams {
			if e.StreamID == "" || e.StartTime == "" || e.EndTime == "" || e.WatchSeconds < 0 {
				return errBadRequest("Parameters validation error: streams need streamId, startTime, endTime and watchSeconds")
			}
			if c.st.streams[e.StreamID] == nil {
				return errNotFound("Stream %s not found", e.StreamID)
			}
		}
		c.st.nonces[req.NonceStr] = true
		for _, e := range req.Streams {
			c.st.watchSeconds[e.StreamID] += e.WatchSeconds
		}
		writeJSON(c.w, http.StatusOK, map[string]bool{"ok": true})
		return nil
	})
}

// endStream ends an idle or live stream and disposes its URLs (those of an ended or
// recorded stream are already disposed). Ending a live stream sends video-streaming.didStop;
// an idle one never started, so it does not stop.
func (c *request) endStream(st *stream) {
	wasLive := st.status == "live"
	if st.status == "idle" || wasLive {
		now := c.now()
		st.status, st.endedAt, st.updatedAt = "ended", now, now
	}
	st.urlDisposed = true
	if wasLive {
		c.emitStream("video-streaming.didStop", st)
	}
}

// checkStreamPost checks the data of a liveStream post: a stream of the caller's (or any,
// for the admin) that is not deleted.
func (c *request) checkStreamPost(dataType string, data map[string]any) error {
	if dataType != "liveStream" {
		return errBadRequest("Parameters validation error: a post with data.streamId has dataType liveStream")
	}
	id, _ := data["streamId"].(string)
	st := c.st.streams[id]
	if st == nil || st.deleted {
		return errNotFound("Stream %s not found", id)
	}
	if !c.isAdmin && st.userID != c.identity {
		return errPermission("The stream is not yours")
	}
	return nil
}

// postStreams renders the streams that liveStream posts refer to, for the post bundle.
func (c *request) postStreams(posts, children []postJSON, b *sideload) []any {
	out := []any{}
	seen := map[string]bool{}
	for _, list := range [][]postJSON{posts, children} {
		for _, p := range list {
			id, _ := p.Data["streamId"].(string)
			if st := c.st.streams[id]; st != nil && !seen[id] {
				seen[id] = true
				out = append(out, c.streamJSON(st))
				b.addUser(st.userID)
			}
		}
	}
	return out
}
