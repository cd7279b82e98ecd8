package amity

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
)

// This file holds the live-stream calls of StreamsService that spec 4.116.1 added: the
// listing of the streams live now, and the viewer bans of a stream.

// StreamTargetType is where a live stream is posted: a community, a user's feed, or all.
type StreamTargetType string

// Stream targets of Streams.ListLive.
const (
	StreamTargetAll       StreamTargetType = "all"
	StreamTargetCommunity StreamTargetType = "community"
	StreamTargetUser      StreamTargetType = "user"
)

// LiveStreamsPayload is one page of the streams live now: the streams and their moderation
// records, broadcasters and thumbnails (promoted from StreamPayload, with its lookups), their
// child streams, the communities they are posted in, and the cursors.
type LiveStreamsPayload struct {
	StreamPayload
	// VideoStreamingChildren are the child streams of the page's streams.
	VideoStreamingChildren []VideoStreaming `json:"videoStreamingChildren"`
	// Communities, CommunityUsers, Categories and Feeds are the communities the streams are
	// posted in, the caller's memberships, their categories and feeds.
	Communities    []Community         `json:"communities"`
	CommunityUsers []CommunityUser     `json:"communityUsers"`
	Categories     []CommunityCategory `json:"categories"`
	Feeds          []Feed              `json:"feeds"`
	Paging         Paging              `json:"paging"`
}

func (p *LiveStreamsPayload) pageItems() []VideoStreaming { return p.VideoStreamings }
func (p *LiveStreamsPayload) pageInfo() Paging            { return p.Paging }

// CommunityByID returns the sideloaded community with the given ID, or nil.
func (p *LiveStreamsPayload) CommunityByID(communityID string) *Community {
	return byID(p.Communities, communityID, communityKey)
}

// ListLiveStreamsParams filters and pages Streams.ListLive. The zero value lists every live
// stream.
type ListLiveStreamsParams struct {
	PageParams
	// TargetTypes keeps the streams posted to these kinds of target: community, user or all
	// (the server's default).
	TargetTypes []StreamTargetType
	// TargetIDs keeps the streams posted to these communities or users.
	TargetIDs []string
}

func (p *ListLiveStreamsParams) query(op string) (query, error) {
	v := *orZero(p)
	if err := v.PageParams.validate(op, 0); err != nil {
		return nil, err
	}
	for _, t := range v.TargetTypes {
		if t == "" {
			return nil, &ValidationError{Op: op, Field: "TargetTypes", Reason: "must not hold an empty target type"}
		}
	}
	if err := stringList(op, "TargetIDs", v.TargetIDs, len(v.TargetIDs), 1, 900); err != nil {
		return nil, err
	}
	q := query{}
	enums(q, "targetType", v.TargetTypes)
	q.list("targetIds", v.TargetIDs)
	q.options(v.Limit, v.PageToken)
	return q, nil
}

// ListLive returns an iterator over the streams live now, fetching pages as it goes.
// GET /api/v3/video-streaming/live.
func (s *StreamsService) ListLive(ctx context.Context, params *ListLiveStreamsParams, opts ...CallOption) iter.Seq2[VideoStreaming, error] {
	return listAll(ctx, params, opts, s.ListLivePage)
}

// ListLivePages returns an iterator over the pages of ListLive, each with its sideloads.
// GET /api/v3/video-streaming/live.
func (s *StreamsService) ListLivePages(ctx context.Context, params *ListLiveStreamsParams, opts ...CallOption) iter.Seq2[*LiveStreamsPayload, error] {
	return pages(ctx, params, opts, s.ListLivePage)
}

// ListLivePage returns one page of the streams live now. GET /api/v3/video-streaming/live.
func (s *StreamsService) ListLivePage(ctx context.Context, params *ListLiveStreamsParams, opts ...CallOption) (*LiveStreamsPayload, error) {
	r := &request{op: "Streams.ListLivePage", method: http.MethodGet, path: "/api/v3/video-streaming/live", opts: opts}
	return listPage[LiveStreamsPayload](ctx, s.c, r, params)
}

// checkStreamViewers checks the viewers of a stream's bans: at least one ID, none blank (the
// spec bounds neither their number nor their length; a user ID has at most 900 characters).
func (p *ViewerBansParams) checkStreamViewers(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	return idList(op, "UserIDs", p.UserIDs, len(p.UserIDs), 900)
}

// BanViewers bans viewers from a live stream: they can no longer watch it or react to it.
// POST /api/v3/video-streaming/{streamId}/viewer-bans. Idempotent by construction (banning a
// banned viewer changes nothing), so it is retried like a read. An answer of success: false
// is an *Error matching ErrUnsuccessful.
func (s *StreamsService) BanViewers(ctx context.Context, streamID string, params *ViewerBansParams, opts ...CallOption) error {
	return s.viewerBans(ctx, "Streams.BanViewers", http.MethodPost, streamID, params, opts)
}

// UnbanViewers lifts the bans of viewers of a live stream.
// DELETE /api/v3/video-streaming/{streamId}/viewer-bans with {"userIds"}. Idempotent by
// construction (unbanning a viewer who is not banned changes nothing), so it is retried like
// a read. An answer of success: false is an *Error matching ErrUnsuccessful.
func (s *StreamsService) UnbanViewers(ctx context.Context, streamID string, params *ViewerBansParams, opts ...CallOption) error {
	return s.viewerBans(ctx, "Streams.UnbanViewers", http.MethodDelete, streamID, params, opts)
}

// viewerBans sends the ban (POST) or unban (DELETE) of params' viewers of a stream.
func (s *StreamsService) viewerBans(ctx context.Context, op, method, streamID string, params *ViewerBansParams, opts []CallOption) error {
	path, err := streamPath(op, "/api/v3/video-streaming/%s/viewer-bans", streamID)
	if err != nil {
		return err
	}
	if err := params.checkStreamViewers(op); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: method, path: path, body: params, idempotent: true, opts: opts}, nil)
}

// StreamViewerBansPayload is the answer of Streams.GetViewerBans: the banned viewers of a
// stream, with the stream, its moderation record and post, and the users.
//
// Spec 4.116.1 declares each sideload of this answer (users, videoStreamings, posts, ...) a
// single object where every other answer has a list, a slip of the spec (docs/wire-notes.md);
// both forms decode here, an object as a list of one.
type StreamViewerBansPayload struct {
	rawJSON
	// VideoStreamingBannedUsers are the bans.
	VideoStreamingBannedUsers []ViewerBan
	VideoStreamings           []VideoStreaming
	VideoStreamingChildren    []VideoStreaming
	VideoStreamingModerations []StreamModeration
	// Users are the banned viewers and the users who banned them (see Viewer, BanningUser).
	Users       []User
	Communities []Community
	Posts       []Post
	Files       []File
	// Paging holds a cursor when the API sends one; the spec declares no paging parameter
	// for this call.
	Paging Paging
}

// UnmarshalJSON decodes the answer, each sideload a list or a single object, under the
// decoding policy.
func (p *StreamViewerBansPayload) UnmarshalJSON(b []byte) error {
	var w struct {
		Bans        listOrOne[ViewerBan]        `json:"videoStreamingBannedUsers"`
		Streams     listOrOne[VideoStreaming]   `json:"videoStreamings"`
		Children    listOrOne[VideoStreaming]   `json:"videoStreamingChildren"`
		Moderations listOrOne[StreamModeration] `json:"videoStreamingModerations"`
		Users       listOrOne[User]             `json:"users"`
		Communities listOrOne[Community]        `json:"communities"`
		Posts       listOrOne[Post]             `json:"posts"`
		Files       listOrOne[File]             `json:"files"`
		Paging      Paging                      `json:"paging"`
	}
	if err := decodeJSON(b, &w); err != nil {
		return err
	}
	*p = StreamViewerBansPayload{
		VideoStreamingBannedUsers: w.Bans, VideoStreamings: w.Streams, VideoStreamingChildren: w.Children,
		VideoStreamingModerations: w.Moderations, Users: w.Users, Communities: w.Communities, Posts: w.Posts,
		Files: w.Files, Paging: w.Paging,
	}
	return nil
}

// Stream returns the sideloaded stream, or nil.
func (p *StreamViewerBansPayload) Stream() *VideoStreaming { return firstOf(p.VideoStreamings) }

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *StreamViewerBansPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// Viewer returns the sideloaded user ban is about, or nil.
func (p *StreamViewerBansPayload) Viewer(ban *ViewerBan) *User { return banViewer(p.Users, ban) }

// BanningUser returns the sideloaded user who made ban, or nil.
func (p *StreamViewerBansPayload) BanningUser(ban *ViewerBan) *User { return banAuthor(p.Users, ban) }

// GetViewerBans returns the banned viewers of a live stream, with the users.
// GET /api/v3/video-streaming/{streamId}/viewer-bans. The spec declares no paging
// parameters for this call, so it is one request (its Paging is kept as sent).
func (s *StreamsService) GetViewerBans(ctx context.Context, streamID string, opts ...CallOption) (*StreamViewerBansPayload, error) {
	const op = "Streams.GetViewerBans"
	path, err := streamPath(op, "/api/v3/video-streaming/%s/viewer-bans", streamID)
	if err != nil {
		return nil, err
	}
	return call[StreamViewerBansPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts})
}

// listOrOne is a list member of an answer that may come as a single object: it decodes a
// list, an object as a list of one, and null as nothing; another JSON type fails the answer
// (a list read from it could silently hold nothing).
type listOrOne[T any] []T

// UnmarshalJSON implements json.Unmarshaler, under the decoding policy.
func (l *listOrOne[T]) UnmarshalJSON(b []byte) error {
	*l = nil
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || b[0] == 'n':
		return nil
	case b[0] == '[':
		var items []T
		if err := decodeJSON(b, &items); err != nil {
			return err
		}
		*l = items
		return nil
	case b[0] == '{':
		var one T
		decodeLenient(b, &one)
		*l = []T{one}
		return nil
	}
	return fmt.Errorf("amity: a list member is %s, neither a list nor an object", jsonKind(b))
}

// jsonKind names the JSON type of the value b, for errors.
func jsonKind(b []byte) string {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return "not JSON"
	}
	switch v.(type) {
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "JSON"
}
