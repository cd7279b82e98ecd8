package amity

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"strconv"
)

// StreamsService manages live video streams: creating them (which yields the broadcaster's
// streamer URL), reading, listing, updating, ending and deleting them, and the watch events
// that count viewing time. A stream goes idle (created), live (broadcasting), ended, then
// recorded. The stream entity is VideoStreaming, the type liveStream posts refer to. Reach
// it as Client.Streams.
type StreamsService struct{ c *Client }

// VideoStreamingStatus is the state of a live stream.
type VideoStreamingStatus string

// Live stream states.
const (
	VideoStreamingIdle     VideoStreamingStatus = "idle"
	VideoStreamingLive     VideoStreamingStatus = "live"
	VideoStreamingEnded    VideoStreamingStatus = "ended"
	VideoStreamingRecorded VideoStreamingStatus = "recorded"
)

// VideoStreaming is a live stream, referred to by a liveStream post (PostData.StreamID).
type VideoStreaming struct {
	// StreamID is the stream's ID.
	StreamID string `json:"streamId"`
	// UserID is the broadcaster's public ID; UserInternalID and UserPublicID its two forms.
	UserID          string `json:"userId,omitempty"`
	UserInternalID  string `json:"userInternalId,omitempty"`
	UserPublicID    string `json:"userPublicId,omitempty"`
	ThumbnailFileID string `json:"thumbnailFileId,omitempty"`
	Title           string `json:"title,omitempty"`
	Description     string `json:"description,omitempty"`
	// Status is idle, live, ended or recorded.
	Status    VideoStreamingStatus    `json:"status,omitempty"`
	IsLive    bool                    `json:"isLive,omitempty"`
	IsDeleted bool                    `json:"isDeleted,omitempty"`
	Platform  *VideoStreamingPlatform `json:"platform,omitempty"`
	// ModerationID refers to the stream's moderation record.
	ModerationID string         `json:"moderationId,omitempty"`
	StartedAt    Time           `json:"startedAt"`
	EndedAt      Time           `json:"endedAt"`
	CreatedAt    Time           `json:"createdAt"`
	UpdatedAt    Time           `json:"updatedAt"`
	Metadata     map[string]any `json:"metadata,omitempty"`
	// Resolution is SD (the default), HD or FHD.
	Resolution string `json:"resolution,omitempty"`
	// StreamerURL is where the broadcaster sends the stream.
	StreamerURL *VideoStreamingURL `json:"streamerUrl,omitempty"`
	// Recordings are the recorded files of an ended stream.
	Recordings []VideoStreamingRecording `json:"recordings,omitempty"`
	// WatcherURL holds the playback URLs.
	WatcherURL *VideoStreamingWatcherURLs `json:"watcherUrl,omitempty"`
	// PostID is the post the stream belongs to; ChannelID its live chat channel, which
	// ChannelEnabled says is on (live chat and live reactions).
	PostID         string `json:"postId,omitempty"`
	ChannelID      string `json:"channelId,omitempty"`
	ChannelEnabled bool   `json:"channelEnabled,omitempty"`
	// IsParent reports a stream with child streams (ChildStreamIDs, the streams of its
	// co-hosts); ParentStreamID is set on a child stream.
	IsParent       bool     `json:"isParent,omitempty"`
	ParentStreamID string   `json:"parentStreamId,omitempty"`
	ChildStreamIDs []string `json:"childStreamIds,omitempty"`
}

// VideoStreamingPlatform names the broadcasting client.
type VideoStreamingPlatform struct {
	Name    string `json:"name,omitempty"`
	Version string `json:"version,omitempty"`
}

// VideoStreamingURL is a streaming URL and its parts.
type VideoStreamingURL struct {
	URL        string                       `json:"url,omitempty"`
	Components *VideoStreamingURLComponents `json:"components,omitempty"`
}

// VideoStreamingURLComponents are the parts of a streaming URL.
type VideoStreamingURLComponents struct {
	Origin     string `json:"origin,omitempty"`
	AppName    string `json:"appName,omitempty"`
	StreamName string `json:"streamName,omitempty"`
	Query      string `json:"query,omitempty"`
}

// VideoStreamingWatcherURLs are the playback URLs of a stream by protocol.
type VideoStreamingWatcherURLs struct {
	FLV  *VideoStreamingURL `json:"flv,omitempty"`
	HLS  *VideoStreamingURL `json:"hls,omitempty"`
	RTMP *VideoStreamingURL `json:"rtmp,omitempty"`
}

// VideoStreamingRecording is one recording of a stream, by container format.
type VideoStreamingRecording struct {
	FLV  *VideoStreamingRecordingFile `json:"flv,omitempty"`
	MP4  *VideoStreamingRecordingFile `json:"mp4,omitempty"`
	M3U8 *VideoStreamingRecordingFile `json:"m3u8,omitempty"`
}

// VideoStreamingRecordingFile is a recorded file: its URL, duration and time span (as the
// API sends them, in seconds or milliseconds per the stream service).
type VideoStreamingRecordingFile struct {
	URL       string  `json:"url,omitempty"`
	Duration  float64 `json:"duration,omitempty"`
	StartTime float64 `json:"startTime,omitempty"`
	StopTime  float64 `json:"stopTime,omitempty"`
}

// StreamResolution is the resolution of a stream.
type StreamResolution string

// Stream resolutions.
const (
	StreamSD  StreamResolution = "SD"
	StreamHD  StreamResolution = "HD"
	StreamFHD StreamResolution = "FHD"
)

// StreamSortBy orders the stream listing.
type StreamSortBy string

// Stream orders.
const (
	StreamSortFirstCreated StreamSortBy = "firstCreated"
	StreamSortLastCreated  StreamSortBy = "lastCreated"
)

// StreamModerationCategory is a category of content the stream moderation detects.
type StreamModerationCategory string

// Stream moderation categories.
const (
	StreamModerationPornography   StreamModerationCategory = "pornography"
	StreamModerationViolence      StreamModerationCategory = "violence"
	StreamModerationProhibited    StreamModerationCategory = "prohibited"
	StreamModerationInappropriate StreamModerationCategory = "inappropriate"
	StreamModerationProfanity     StreamModerationCategory = "profanity"
)

// StreamModeration is the moderation record of a stream: the labels that flagged it and
// the ones that terminated it.
type StreamModeration struct {
	ModerationID    string                  `json:"moderationId"`
	StreamID        string                  `json:"streamId,omitempty"`
	FlagLabels      []StreamModerationLabel `json:"flagLabels,omitempty"`
	TerminateLabels []StreamModerationLabel `json:"terminateLabels,omitempty"`
	CreatedAt       Time                    `json:"createdAt"`
	UpdatedAt       Time                    `json:"updatedAt"`
}

// StreamModerationLabel is one detection: its category, threshold and time.
type StreamModerationLabel struct {
	Category   StreamModerationCategory `json:"category,omitempty"`
	Threshold  float64                  `json:"threshold,omitempty"`
	DetectedAt Time                     `json:"detectedAt"`
}

// StreamPayload is the answer of the stream calls: the streams, their child streams, their
// moderation records and their broadcasters.
type StreamPayload struct {
	rawJSON
	VideoStreamings []VideoStreaming `json:"videoStreamings"`
	// VideoStreamingChildren are the child streams of those streams (see ChildStreams).
	VideoStreamingChildren []VideoStreaming   `json:"videoStreamingChildren"`
	VideoStreamModerations []StreamModeration `json:"videoStreamModerations"`
	Users                  []User             `json:"users"`
	Files                  []File             `json:"files"`
}

// ChildStreams returns the child streams of stream (its ChildStreamIDs, in
// VideoStreamingChildren, else VideoStreamings), in order.
func (p *StreamPayload) ChildStreams(stream *VideoStreaming) []VideoStreaming {
	if stream == nil {
		return nil
	}
	return lookupAll(stream.ChildStreamIDs, func(id string) *VideoStreaming {
		if v := byID(p.VideoStreamingChildren, id, streamKey); v != nil {
			return v
		}
		return byID(p.VideoStreamings, id, streamKey)
	})
}

// streamKey is the ID a stream is found by.
func streamKey(v *VideoStreaming) string { return v.StreamID }

// Stream returns the first stream of the answer (the one a call about one stream is about),
// or nil.
func (p *StreamPayload) Stream() *VideoStreaming { return firstOf(p.VideoStreamings) }

// StreamByID returns the stream with the given ID, or nil.
func (p *StreamPayload) StreamByID(id string) *VideoStreaming {
	return byID(p.VideoStreamings, id, streamKey)
}

// UserByID returns the sideloaded user with the given ID, or nil.
func (p *StreamPayload) UserByID(id string) *User { return findUser(p.Users, id) }

// FileByID returns the sideloaded file (a thumbnail) with the given ID, or nil.
func (p *StreamPayload) FileByID(id string) *File { return findFile(p.Files, id) }

// Broadcaster returns the sideloaded user who created stream, or nil.
func (p *StreamPayload) Broadcaster(stream *VideoStreaming) *User {
	if stream == nil {
		return nil
	}
	return findUser(p.Users, stream.UserID)
}

// Moderation returns the moderation record of stream, or nil.
func (p *StreamPayload) Moderation(stream *VideoStreaming) *StreamModeration {
	if stream == nil {
		return nil
	}
	if m := byID(p.VideoStreamModerations, stream.ModerationID, func(m *StreamModeration) string { return m.ModerationID }); m != nil {
		return m
	}
	return byID(p.VideoStreamModerations, stream.StreamID, func(m *StreamModeration) string { return m.StreamID })
}

// StreamListPayload is the answer of the stream listing: the bundle under "results" (its
// fields and lookups are promoted from StreamPayload) and the cursors.
type StreamListPayload struct {
	rawJSON
	StreamPayload `json:"results"`
	Paging        Paging `json:"paging"`
}

func (p *StreamListPayload) pageItems() []VideoStreaming { return p.VideoStreamings }
func (p *StreamListPayload) pageInfo() Paging            { return p.Paging }

// CreateStreamParams is the body of Streams.Create.
type CreateStreamParams struct {
	// Title (required) is at most 1,000 characters.
	Title string `json:"title"`
	// Description is at most 5,000 characters.
	Description string `json:"description,omitempty"`
	// ThumbnailFileID is an uploaded image (at most 50 characters).
	ThumbnailFileID string `json:"thumbnailFileId,omitempty"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
	// IsSecure asks for a signed streamer URL.
	IsSecure *bool `json:"isSecure,omitempty"`
	// Resolution is SD (the default), HD or FHD.
	Resolution StreamResolution `json:"resolution,omitempty"`
	// ChannelEnabled turns the stream's channel (live chat and live reactions) on or off.
	ChannelEnabled *bool `json:"channelEnabled,omitempty"`
}

// checkStreamFields checks the fields of a stream's create or update.
func checkStreamFields(op, title, description, thumbnail string, res StreamResolution) error {
	return firstErr(
		required(op, "Title", title),
		maxLen(op, "Title", title, 1000),
		maxLen(op, "Description", description, 5000),
		maxLen(op, "ThumbnailFileID", thumbnail, 50),
	)
}

// Create creates a stream (idle until the broadcaster connects to its streamer URL) and
// returns it. POST /api/v3/video-streaming. Not retried after it may have reached the
// server (a repeat would create a second stream).
func (s *StreamsService) Create(ctx context.Context, params *CreateStreamParams, opts ...CallOption) (*StreamPayload, error) {
	const op = "Streams.Create"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := checkStreamFields(op, params.Title, params.Description, params.ThumbnailFileID, params.Resolution); err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodPost, path: "/api/v3/video-streaming", body: params, opts: opts}
	return streamsCall(ctx, s.c, r)
}

// streamsCall sends r and decodes a stream bundle holding at least one stream.
func streamsCall(ctx context.Context, c *Client, r *request) (*StreamPayload, error) {
	return callOne(ctx, c, r, "stream", func(p *StreamPayload) []VideoStreaming { return p.VideoStreamings })
}

// streamPath is the idPath of a stream: an ID of at most 50 characters.
var streamPath = maxLenPath("streamID", 50)

// Get returns a stream with its moderation record and broadcaster.
// GET /api/v3/video-streaming/{streamId}.
func (s *StreamsService) Get(ctx context.Context, streamID string, opts ...CallOption) (*StreamPayload, error) {
	const op = "Streams.Get"
	path, err := streamPath(op, "/api/v3/video-streaming/%s", streamID)
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodGet, path: path, opts: opts}
	return streamsCall(ctx, s.c, r)
}

// UpdateStreamParams is the body of Streams.Update: the stream's new details. Fields left
// empty are cleared, as the API replaces them all.
type UpdateStreamParams struct {
	// Title (required) is at most 1,000 characters.
	Title string `json:"title"`
	// Description is at most 5,000 characters.
	Description string `json:"description,omitempty"`
	// ThumbnailFileID is an uploaded image (at most 50 characters).
	ThumbnailFileID string `json:"thumbnailFileId,omitempty"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
	// Resolution is SD, HD or FHD.
	Resolution StreamResolution `json:"resolution,omitempty"`
	// ChannelEnabled turns the stream's channel (live chat and live reactions) on or off;
	// nil leaves it as it is.
	ChannelEnabled *bool `json:"channelEnabled,omitempty"`
}

// Update changes a stream's details and returns it. PUT /api/v3/video-streaming/{streamId}.
// Idempotent by construction (it sets the same values again), so it is retried like a read.
func (s *StreamsService) Update(ctx context.Context, streamID string, params *UpdateStreamParams, opts ...CallOption) (*StreamPayload, error) {
	const op = "Streams.Update"
	path, err := streamPath(op, "/api/v3/video-streaming/%s", streamID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := checkStreamFields(op, params.Title, params.Description, params.ThumbnailFileID, params.Resolution); err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true, opts: opts}
	return streamsCall(ctx, s.c, r)
}

// Delete deletes a stream. DELETE /api/v3/video-streaming/{streamId}. Idempotent by
// construction (a deleted stream stays deleted; a repeat may answer ErrNotFound), so it is
// retried like a read.
func (s *StreamsService) Delete(ctx context.Context, streamID string, opts ...CallOption) error {
	const op = "Streams.Delete"
	path, err := streamPath(op, "/api/v3/video-streaming/%s", streamID)
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, idempotent: true, opts: opts}, nil)
}

// DisposeURL ends a stream: its status becomes ended and its streamer URL stops accepting
// the broadcast. DELETE /api/v3/video-streaming/{streamId}/streaming-url, which the spec
// authorizes with the API key (X-API-Key, sent with the admin token). Idempotent by
// construction (an ended stream stays ended), so it is retried like a read.
func (s *StreamsService) DisposeURL(ctx context.Context, streamID string, opts ...CallOption) (*StreamPayload, error) {
	const op = "Streams.DisposeURL"
	path, err := streamPath(op, "/api/v3/video-streaming/%s/streaming-url", streamID)
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodDelete, path: path, auth: authAPIKey, idempotent: true, opts: opts}
	return streamsCall(ctx, s.c, r)
}

// ListStreamsParams filters Streams.List.
type ListStreamsParams struct {
	PageParams
	// Skip skips that many streams (offset paging, with Limit).
	Skip int
	// IsLive keeps live streams (true) or the others (false).
	IsLive *bool
	// Statuses keeps streams in these states (at most 10).
	Statuses []VideoStreamingStatus
	// UserPublicIDs keeps the streams of these broadcasters (at most 100).
	UserPublicIDs []string
	// SortBy is firstCreated or lastCreated.
	SortBy StreamSortBy
	// IsDeleted keeps deleted streams (true) or the others (false); nil keeps both.
	IsDeleted *bool
}

func (p *ListStreamsParams) query(op string) (query, error) {
	v := *orZero(p)
	if err := firstErr(
		v.PageParams.validate(op, 1000),
		maxItems(op, "Statuses", len(v.Statuses), 10),
		maxItems(op, "UserPublicIDs", len(v.UserPublicIDs), 100),
	); err != nil {
		return nil, err
	}
	if v.Skip < 0 {
		return nil, &ValidationError{Op: op, Field: "Skip", Reason: "must not be negative"}
	}
	q := query{}
	q.boolean("isLive", v.IsLive)
	for _, st := range v.Statuses {
		if st == "" {
			return nil, &ValidationError{Op: op, Field: "Statuses", Reason: "must not hold an empty status"}
		}
		enums(q, "statuses", []VideoStreamingStatus{st})
	}
	for i, u := range v.UserPublicIDs {
		if err := firstErr(required(op, fmt.Sprintf("UserPublicIDs[%d]", i), u), maxLen(op, fmt.Sprintf("UserPublicIDs[%d]", i), u, 50)); err != nil {
			return nil, err
		}
	}
	q.list("userPublicIds", v.UserPublicIDs)
	q.str("sortBy", string(v.SortBy))
	q.boolean("isDeleted", v.IsDeleted)
	if v.Skip > 0 {
		q.str("options[skip]", strconv.Itoa(v.Skip))
	}
	q.options(v.Limit, v.PageToken)
	return q, nil
}

// List iterates over the streams, fetching pages as needed.
func (s *StreamsService) List(ctx context.Context, params *ListStreamsParams, opts ...CallOption) iter.Seq2[VideoStreaming, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages iterates over the pages of Streams.List.
func (s *StreamsService) ListPages(ctx context.Context, params *ListStreamsParams, opts ...CallOption) iter.Seq2[*StreamListPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of streams. GET /api/v3/video-streaming.
func (s *StreamsService) ListPage(ctx context.Context, params *ListStreamsParams, opts ...CallOption) (*StreamListPayload, error) {
	const op = "Streams.ListPage"
	return listPage[StreamListPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/video-streaming", opts: opts}, params)
}

// StreamWatchEvent is one viewer's watching session of a stream.
type StreamWatchEvent struct {
	// SessionID is unique per watch event (at most 50 characters).
	SessionID string `json:"sessionId,omitempty"`
	// StreamID (required) is the stream watched (at most 50 characters).
	StreamID string `json:"streamId"`
	// StartTime and EndTime (required) bound the session, as UTC timestamp strings.
	StartTime string `json:"startTime"`
	EndTime   string `json:"endTime"`
	// WatchSeconds is the time watched, in seconds.
	WatchSeconds float64 `json:"watchSeconds"`
}

// RecordWatchEventsParams is the body of Streams.RecordWatchEvents: a signed batch of watch
// events.
type RecordWatchEventsParams struct {
	// Signature (required) signs the batch with the network's stream-event key.
	Signature string `json:"signature"`
	// NonceStr (required) is unique per request (at most 50 characters).
	NonceStr string `json:"nonceStr"`
	// Timestamp (required) is the request's time, as a UTC timestamp string.
	Timestamp string `json:"timestamp"`
	// Streams (required) are the watch events.
	Streams []StreamWatchEvent `json:"streams"`
}

// StreamEventPayload is the answer of Streams.RecordWatchEvents.
type StreamEventPayload struct {
	rawJSON
	// OK reports that the events were processed.
	OK bool `json:"ok"`
}

// RecordWatchEvents sends a signed batch of watch events of the calling user.
// POST /api/v3/user-event/video-streaming. Not retried once it may have reached the server
// (a repeat would count the watching time twice).
func (s *StreamsService) RecordWatchEvents(ctx context.Context, params *RecordWatchEventsParams, opts ...CallOption) (*StreamEventPayload, error) {
	const op = "Streams.RecordWatchEvents"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		required(op, "Signature", params.Signature),
		required(op, "NonceStr", params.NonceStr),
		maxLen(op, "NonceStr", params.NonceStr, 50),
		required(op, "Timestamp", params.Timestamp),
	); err != nil {
		return nil, err
	}
	if len(params.Streams) == 0 {
		return nil, &ValidationError{Op: op, Field: "Streams", Reason: "must hold at least 1 event"}
	}
	for i, e := range params.Streams {
		field := fmt.Sprintf("Streams[%d]", i)
		if err := firstErr(
			maxLen(op, field+".SessionID", e.SessionID, 50),
			required(op, field+".StreamID", e.StreamID),
			maxLen(op, field+".StreamID", e.StreamID, 50),
			required(op, field+".StartTime", e.StartTime),
			required(op, field+".EndTime", e.EndTime),
		); err != nil {
			return nil, err
		}
		if e.WatchSeconds < 0 {
			return nil, &ValidationError{Op: op, Field: field + ".WatchSeconds", Reason: "must not be negative"}
		}
	}
	return call[StreamEventPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v3/user-event/video-streaming", body: params, opts: opts})
}
