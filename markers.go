package amity

import (
	"context"
	"net/http"
	"time"
)

// MarkersService reads and moves the caller's read markers: how far it has read each
// message feed (by segment), its unread counts per channel and in total, and who has read
// or received a message. Reach it as Client.Markers; markers are the caller's, so call it on
// a user view (Client.AsUser).
//
// Every ID the marker calls take or return is an internal ID (Channel.ChannelInternalID,
// the message feed's and message's _id / internal IDs), not the public channel ID.
type MarkersService struct{ c *Client }

// MarkerMembership is the caller's membership of a channel, as its marker reports it.
type MarkerMembership string

// Memberships.
const (
	MarkerMember    MarkerMembership = "member"
	MarkerBanned    MarkerMembership = "banned"
	MarkerMuted     MarkerMembership = "muted"
	MarkerNonMember MarkerMembership = "non-member"
	MarkerDeleted   MarkerMembership = "deleted"
)

// UserMarker is the caller's total: its unread count over every channel.
type UserMarker struct {
	// UserID is the user's internal ID.
	UserID      string `json:"userId"`
	LastSyncAt  Time   `json:"lastSyncAt"`
	UnreadCount int    `json:"unreadCount"`
	IsMentioned bool   `json:"isMentioned"`
	CreatedAt   Time   `json:"createdAt"`
	UpdatedAt   Time   `json:"updatedAt"`
}

// UserEntityMarker is the caller's marker of one channel.
type UserEntityMarker struct {
	UserID string `json:"userId"`
	// EntityID is the channel's internal ID.
	EntityID    string           `json:"entityId"`
	UnreadCount int              `json:"unreadCount"`
	IsDeleted   bool             `json:"isDeleted"`
	IsMentioned bool             `json:"isMentioned"`
	Membership  MarkerMembership `json:"membership,omitempty"`
	CreatedAt   Time             `json:"createdAt"`
	UpdatedAt   Time             `json:"updatedAt"`
}

// UserFeedMarker is the caller's marker of one message feed: how far it has read and
// received it.
type UserFeedMarker struct {
	UserID string `json:"userId"`
	// EntityID is the channel's internal ID, FeedID the message feed's.
	EntityID string `json:"entityId"`
	FeedID   string `json:"feedId"`
	// ReadToSegment and DeliveredToSegment are the last segments read and received.
	ReadToSegment      int64 `json:"readToSegment"`
	DeliveredToSegment int64 `json:"deliveredToSegment"`
	UnreadCount        int   `json:"unreadCount"`
	// LastMentionSegment is the segment of the last message mentioning the caller.
	LastMentionSegment int64 `json:"lastMentionSegment"`
	IsMentioned        bool  `json:"isMentioned"`
	CreatedAt          Time  `json:"createdAt"`
	UpdatedAt          Time  `json:"updatedAt"`
}

// FeedMarker is a message feed's own marker: its last segment.
type FeedMarker struct {
	EntityID    string `json:"entityId"`
	FeedID      string `json:"feedId"`
	LastSegment int64  `json:"lastSegment"`
	IsDeleted   bool   `json:"isDeleted"`
	CreatedAt   Time   `json:"createdAt"`
	UpdatedAt   Time   `json:"updatedAt"`
}

// ContentMarker is a message's marker: how many users have read and received it.
type ContentMarker struct {
	// ContentID is the message's internal ID.
	ContentID      string `json:"contentId"`
	FeedID         string `json:"feedId"`
	Segment        int64  `json:"segment"`
	CreatorID      string `json:"creatorId"`
	ReadCount      int    `json:"readCount"`
	DeliveredCount int    `json:"deliveredCount"`
	CreatedAt      Time   `json:"createdAt"`
	UpdatedAt      Time   `json:"updatedAt"`
}

// MarkerPayload is the answer of the marker calls; each fills the lists it is about.
type MarkerPayload struct {
	rawJSON
	UserMarkers       []UserMarker       `json:"userMarkers,omitempty"`
	UserEntityMarkers []UserEntityMarker `json:"userEntityMarkers,omitempty"`
	UserFeedMarkers   []UserFeedMarker   `json:"userFeedMarkers,omitempty"`
	FeedMarkers       []FeedMarker       `json:"feedMarkers,omitempty"`
	ContentMarkers    []ContentMarker    `json:"contentMarkers,omitempty"`
	// PublicUserIDs are the users of ReadUsers and DeliveredUsers (public IDs).
	PublicUserIDs []string `json:"publicUserIds,omitempty"`
}

// UserMarker returns the caller's total marker, or nil.
func (p *MarkerPayload) UserMarker() *UserMarker { return firstOf(p.UserMarkers) }

// UserEntityMarkerByID returns the caller's marker of a channel (internal ID), or nil.
func (p *MarkerPayload) UserEntityMarkerByID(channelID string) *UserEntityMarker {
	return byID(p.UserEntityMarkers, channelID, func(m *UserEntityMarker) string { return m.EntityID })
}

// UserFeedMarkerByID returns the caller's marker of a message feed, or nil.
func (p *MarkerPayload) UserFeedMarkerByID(feedID string) *UserFeedMarker {
	return byID(p.UserFeedMarkers, feedID, func(m *UserFeedMarker) string { return m.FeedID })
}

// FeedMarkerByID returns the marker of a message feed, or nil.
func (p *MarkerPayload) FeedMarkerByID(feedID string) *FeedMarker {
	return byID(p.FeedMarkers, feedID, func(m *FeedMarker) string { return m.FeedID })
}

// ContentMarkerByID returns the marker of a message (internal ID), or nil.
func (p *MarkerPayload) ContentMarkerByID(messageID string) *ContentMarker {
	return byID(p.ContentMarkers, messageID, func(m *ContentMarker) string { return m.ContentID })
}

// maxMarkerIDs bounds the ID lists of the marker calls (the spec sets no bound; the SDK
// keeps queries to the size of the API's other ID lists).
const maxMarkerIDs = 100

// MarkerIDsParams lists the channels, message feeds or messages (internal IDs) a marker
// query is about.
type MarkerIDsParams struct {
	// IDs (required) are 1 to 100 internal IDs.
	IDs []string
}

// ids is the list getMany sends.
func (p *MarkerIDsParams) ids() []string { return p.IDs }

// byIDs sends r, a marker query about params' IDs, sent as name[].
func (s *MarkersService) byIDs(ctx context.Context, name string, params *MarkerIDsParams, r *request) (*MarkerPayload, error) {
	return getMany[MarkerPayload](ctx, s.c, r, params, idsQuery{field: "IDs", name: name, maxIDs: maxMarkerIDs, maxLen: 900})
}

// GetChannels returns the caller's total and its markers of the given channels (internal
// IDs). GET /api/v1/markers/channels.
func (s *MarkersService) GetChannels(ctx context.Context, params *MarkerIDsParams, opts ...CallOption) (*MarkerPayload, error) {
	return s.byIDs(ctx, "channelIds", params, &request{op: "Markers.GetChannels", method: http.MethodGet, path: "/api/v1/markers/channels", opts: opts})
}

// GetMessageFeeds returns the caller's markers of the given message feeds and of their
// channels. GET /api/v1/markers/message-feeds.
func (s *MarkersService) GetMessageFeeds(ctx context.Context, params *MarkerIDsParams, opts ...CallOption) (*MarkerPayload, error) {
	return s.byIDs(ctx, "messageFeedIds", params, &request{op: "Markers.GetMessageFeeds", method: http.MethodGet, path: "/api/v1/markers/message-feeds", opts: opts})
}

// GetMessages returns the markers of the given messages (read and delivered counts).
// GET /api/v1/markers/messages.
func (s *MarkersService) GetMessages(ctx context.Context, params *MarkerIDsParams, opts ...CallOption) (*MarkerPayload, error) {
	return s.byIDs(ctx, "messageIds", params, &request{op: "Markers.GetMessages", method: http.MethodGet, path: "/api/v1/markers/messages", opts: opts})
}

// GetUserMessageFeeds returns the caller's latest 100 message-feed markers in the given
// channels (internal IDs). GET /api/v1/markers/user-message-feed.
func (s *MarkersService) GetUserMessageFeeds(ctx context.Context, params *MarkerIDsParams, opts ...CallOption) (*MarkerPayload, error) {
	return s.byIDs(ctx, "channelIds", params, &request{op: "Markers.GetUserMessageFeeds", method: http.MethodGet, path: "/api/v1/markers/user-message-feed", opts: opts})
}

// GetUserMarker returns the caller's total marker (its unread count over every channel).
// GET /api/v1/markers/userMarker.
func (s *MarkersService) GetUserMarker(ctx context.Context, opts ...CallOption) (*MarkerPayload, error) {
	return call[MarkerPayload](ctx, s.c, &request{op: "Markers.GetUserMarker", method: http.MethodGet, path: "/api/v1/markers/userMarker", opts: opts})
}

// MarkChannelRead marks every message of a channel (internal ID) read by the caller.
// PUT /api/v1/markers/channels/{channelId}/mark-read. Retried: marking read what is read
// changes nothing.
func (s *MarkersService) MarkChannelRead(ctx context.Context, channelID string, opts ...CallOption) (*MarkerPayload, error) {
	const op = "Markers.MarkChannelRead"
	path, err := pathf(op, "/api/v1/markers/channels/%s/mark-read", idArg{"channelID", channelID})
	if err != nil {
		return nil, err
	}
	return call[MarkerPayload](ctx, s.c, &request{op: op, method: http.MethodPut, path: path, idempotent: true, opts: opts})
}

// MarkReadParams is the body of MarkRead.
type MarkReadParams struct {
	// ReadToSegment is the last segment the caller has read (0 or more; always sent).
	ReadToSegment int64 `json:"readToSegment"`
}

// MarkRead moves the caller's read marker of a message feed to a segment.
// PUT /api/v1/markers/message-feeds/{messageFeedId}/mark-read. Retried: it sets the marker.
func (s *MarkersService) MarkRead(ctx context.Context, messageFeedID string, params *MarkReadParams, opts ...CallOption) (*MarkerPayload, error) {
	const op = "Markers.MarkRead"
	path, err := pathf(op, "/api/v1/markers/message-feeds/%s/mark-read", idArg{"messageFeedID", messageFeedID})
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if params.ReadToSegment < 0 {
		return nil, &ValidationError{Op: op, Field: "ReadToSegment", Reason: "must not be negative"}
	}
	return call[MarkerPayload](ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true, opts: opts})
}

// MarkDeliveringParams is the body of MarkDelivering.
type MarkDeliveringParams struct {
	// MessageID (required) is the last message (internal ID) the caller's device received.
	MessageID string `json:"messageId"`
}

// MarkDelivering moves the caller's delivered marker of a message feed to a message.
// PUT /api/v1/markers/message-feeds/{messageFeedId}/mark-delivering. Retried: it sets the
// marker.
func (s *MarkersService) MarkDelivering(ctx context.Context, messageFeedID string, params *MarkDeliveringParams, opts ...CallOption) (*MarkerPayload, error) {
	const op = "Markers.MarkDelivering"
	path, err := pathf(op, "/api/v1/markers/message-feeds/%s/mark-delivering", idArg{"messageFeedID", messageFeedID})
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := required(op, "MessageID", params.MessageID); err != nil {
		return nil, err
	}
	return call[MarkerPayload](ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true, opts: opts})
}

// MarkFeedsReadParams is the body of Reading.
type MarkFeedsReadParams struct {
	// MessageFeedIDs (required) are the message feeds the caller is reading.
	MessageFeedIDs []string `json:"messageFeedIds"`
}

// MarkFeedsRead marks the given message feeds read by the caller (up to their last segments).
// POST /api/v1/markers/message-feeds/reading. Retried: marking read what is read changes
// nothing.
func (s *MarkersService) MarkFeedsRead(ctx context.Context, params *MarkFeedsReadParams, opts ...CallOption) (*MarkerPayload, error) {
	const op = "Markers.MarkFeedsRead"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := idList(op, "MessageFeedIDs", params.MessageFeedIDs, maxMarkerIDs, 900); err != nil {
		return nil, err
	}
	return call[MarkerPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v1/markers/message-feeds/reading", body: params, idempotent: true, opts: opts})
}

// StartReading tells the API the caller has a message feed open: new messages in it count
// as read until StopReading. POST /api/v1/markers/message-feeds/{messageFeedId}/start-reading.
// Retried: it sets a state, so a repeat is harmless.
func (s *MarkersService) StartReading(ctx context.Context, messageFeedID string, opts ...CallOption) (*MarkerPayload, error) {
	return s.feedAction(ctx, "Markers.StartReading", "/api/v1/markers/message-feeds/%s/start-reading", messageFeedID, opts)
}

// StopReading tells the API the caller has closed a message feed.
// POST /api/v1/markers/message-feeds/{messageFeedId}/stop-readings. Retried: it sets a
// state, so a repeat is harmless.
func (s *MarkersService) StopReading(ctx context.Context, messageFeedID string, opts ...CallOption) (*MarkerPayload, error) {
	return s.feedAction(ctx, "Markers.StopReading", "/api/v1/markers/message-feeds/%s/stop-readings", messageFeedID, opts)
}

// feedAction sends a marker call on one message feed.
func (s *MarkersService) feedAction(ctx context.Context, op, format, messageFeedID string, opts []CallOption) (*MarkerPayload, error) {
	path, err := pathf(op, format, idArg{"messageFeedID", messageFeedID})
	if err != nil {
		return nil, err
	}
	return call[MarkerPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: path, idempotent: true, opts: opts})
}

// GetReadUsers returns the users who have read a message (internal ID), as public user IDs.
// GET /api/v1/markers/messages/{messageId}/read-users. (The spec names the path parameter
// channelId; it is the message's ID, as the path says.)
func (s *MarkersService) GetReadUsers(ctx context.Context, messageID string, opts ...CallOption) (*MarkerPayload, error) {
	return s.messageUsers(ctx, "Markers.GetReadUsers", "/api/v1/markers/messages/%s/read-users", messageID, opts)
}

// GetDeliveredUsers returns the users whose devices have received a message (internal ID), as
// public user IDs. GET /api/v1/markers/messages/{messageId}/delivered-users. (The spec names
// the path parameter channelId; it is the message's ID, as the path says.)
func (s *MarkersService) GetDeliveredUsers(ctx context.Context, messageID string, opts ...CallOption) (*MarkerPayload, error) {
	return s.messageUsers(ctx, "Markers.GetDeliveredUsers", "/api/v1/markers/messages/%s/delivered-users", messageID, opts)
}

// messageUsers sends a marker call listing the users of one message.
func (s *MarkersService) messageUsers(ctx context.Context, op, format, messageID string, opts []CallOption) (*MarkerPayload, error) {
	path, err := pathf(op, format, idArg{"messageID", messageID})
	if err != nil {
		return nil, err
	}
	return call[MarkerPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts})
}

// SyncParams is the body of Sync.
type SyncParams struct {
	// DeviceLastSyncAt is when the caller's device last synced; nil asks for every marker.
	DeviceLastSyncAt *time.Time
}

// Sync returns the caller's markers changed since its device last synced.
// POST /api/v1/markers/sync. Retried: it only reads markers.
func (s *MarkersService) Sync(ctx context.Context, params *SyncParams, opts ...CallOption) (*MarkerPayload, error) {
	body := struct {
		DeviceLastSyncAt string `json:"deviceLastSyncAt,omitempty"`
	}{}
	if params != nil && params.DeviceLastSyncAt != nil {
		body.DeviceLastSyncAt = params.DeviceLastSyncAt.UTC().Format(time.RFC3339Nano)
	}
	return call[MarkerPayload](ctx, s.c, &request{op: "Markers.Sync", method: http.MethodPost, path: "/api/v1/markers/sync", body: body, idempotent: true, opts: opts})
}
