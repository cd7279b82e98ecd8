package amity

import (
	"context"
	"iter"
	"net/http"
	"net/url"
)

// ChannelsService manages chat channels, their members, roles, bans and mutes. Reach it as
// Client.Channels. The older v3 member listing is on its V3 field.
type ChannelsService struct {
	c *Client
	// V3 holds the v3 forms of operations that have a current one.
	V3 *ChannelsV3Service
}

// ChannelsV3Service holds the v3 channel operations that have a current form. Reach it as
// Client.Channels.V3.
type ChannelsV3Service struct{ c *Client }

// ChannelType is the kind of a channel.
type ChannelType string

// Channel types. Standard and private are the deprecated names of community and live.
const (
	// ChannelTypeCommunity: public, anyone can find and join it (formerly standard).
	ChannelTypeCommunity ChannelType = "community"
	// ChannelTypeLive: private, only members can find it (formerly private).
	ChannelTypeLive ChannelType = "live"
	// ChannelTypeBroadcast: only admins send messages.
	ChannelTypeBroadcast ChannelType = "broadcast"
	// ChannelTypeConversation: a direct chat between users (see Channels.CreateConversation).
	ChannelTypeConversation ChannelType = "conversation"
	// ChannelTypeStandard is the deprecated name of ChannelTypeCommunity.
	ChannelTypeStandard ChannelType = "standard"
	// ChannelTypePrivate is the deprecated name of ChannelTypeLive.
	ChannelTypePrivate ChannelType = "private"
)

// ChannelNotificationMode says who gets push notifications of a channel.
type ChannelNotificationMode string

// Channel notification modes.
const (
	// ChannelNotifyDefault registers members for push notifications automatically.
	ChannelNotifyDefault ChannelNotificationMode = "default"
	// ChannelNotifySilent sends no notification.
	ChannelNotifySilent ChannelNotificationMode = "silent"
	// ChannelNotifySubscribe notifies subscribed users only.
	ChannelNotifySubscribe ChannelNotificationMode = "subscribe"
)

// Channel is a chat channel.
type Channel struct {
	// ID is the channel's private ID (used in real-time events); Path its event path.
	ID   string `json:"_id,omitempty"`
	Path string `json:"path,omitempty"`
	// ChannelID is the channel's public ID, the one channel, member and moderation calls take;
	// ChannelInternalID and ChannelPublicID are its two forms. A channel's default message
	// feed (v5 messages) has the channel's INTERNAL ID as its ID: see DefaultMessageFeedID.
	ChannelID         string `json:"channelId"`
	ChannelInternalID string `json:"channelInternalId,omitempty"`
	ChannelPublicID   string `json:"channelPublicId,omitempty"`
	// IsDistinct marks a conversation that is the one channel of its set of users.
	IsDistinct bool `json:"isDistinct,omitempty"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
	// Type is community, live, broadcast or conversation (standard and private are legacy).
	Type ChannelType `json:"type,omitempty"`
	// Tags are used for searching.
	Tags []string `json:"tags,omitempty"`
	// IsMuted reports a mute of the whole channel (see Channels.Mute), computed from MuteTimeout.
	IsMuted     bool `json:"isMuted,omitempty"`
	MuteTimeout Time `json:"muteTimeout"`
	// IsRateLimited reports a limit on the sending rate: at most RateLimit messages per
	// RateLimitWindow, until RateLimitTimeout.
	IsRateLimited    bool   `json:"isRateLimited,omitempty"`
	RateLimit        int    `json:"rateLimit,omitempty"`
	RateLimitWindow  int    `json:"rateLimitWindow,omitempty"`
	RateLimitTimeout Time   `json:"rateLimitTimeout"`
	DisplayName      string `json:"displayName,omitempty"`
	// MessageAutoDeleteEnabled deletes a message once it has AutoDeleteMessageByFlagLimit flags.
	MessageAutoDeleteEnabled     bool `json:"messageAutoDeleteEnabled,omitempty"`
	AutoDeleteMessageByFlagLimit int  `json:"autoDeleteMessageByFlagLimit,omitempty"`
	MemberCount                  int  `json:"memberCount,omitempty"`
	MessageCount                 int  `json:"messageCount,omitempty"`
	// LastActivity is when a user last did something in the channel (e.g. added members).
	LastActivity Time   `json:"lastActivity"`
	CreatedAt    Time   `json:"createdAt"`
	UpdatedAt    Time   `json:"updatedAt"`
	AvatarFileID string `json:"avatarFileId,omitempty"`
	// Avatar is the avatar file, when the API embeds it (see ChannelPayload.Avatar).
	Avatar    *File `json:"avatar,omitempty"`
	IsDeleted bool  `json:"isDeleted,omitempty"`
	// MessagePreviewID is the latest message's preview (see ChannelPayload.MessagePreview);
	// empty when message previews are off for the network.
	MessagePreviewID string                  `json:"messagePreviewId,omitempty"`
	IsPublic         bool                    `json:"isPublic,omitempty"`
	NotificationMode ChannelNotificationMode `json:"notificationMode,omitempty"`
	// AttachedTo names what a live channel belongs to (its live chat and reactions): a post
	// and its video stream, or a room. Nil for other channels.
	AttachedTo *ChannelAttachment `json:"attachedTo,omitempty"`
}

// ChannelAttachment is what a live channel is attached to.
type ChannelAttachment struct {
	PostID        string `json:"postId,omitempty"`
	VideoStreamID string `json:"videoStreamId,omitempty"`
	RoomID        string `json:"roomId,omitempty"`
}

// MessagePreview is the latest message of a channel (or of one of its message feeds), sent
// with channels when message previews are on for the network.
type MessagePreview struct {
	MessageID     string `json:"messageId,omitempty"`
	ChannelID     string `json:"channelId,omitempty"`
	MessageFeedID string `json:"messageFeedId,omitempty"`
	// Segment is the message's sequence number in its message feed.
	Segment  int             `json:"segment,omitempty"`
	DataType MessageDataType `json:"dataType,omitempty"`
	// Data is the message's content (less than 10 KB), e.g. {"text": "hi"}.
	Data      map[string]any `json:"data,omitempty"`
	CreatorID string         `json:"creatorId,omitempty"`
	ParentID  string         `json:"parentId,omitempty"`
	IsDeleted bool           `json:"isDeleted,omitempty"`
	CreatedAt Time           `json:"createdAt"`
	UpdatedAt Time           `json:"updatedAt"`
}

// MessageFeedInfo summarizes a message feed of a channel, sent with message previews.
type MessageFeedInfo struct {
	MessageFeedID    string `json:"messageFeedId,omitempty"`
	Name             string `json:"name,omitempty"`
	CreatedAt        Time   `json:"createdAt"`
	UpdatedAt        Time   `json:"updatedAt"`
	MessagePreviewID string `json:"messagePreviewId,omitempty"`
}

// ChannelPayload is the API's channel bundle: channels with the memberships, message
// previews, message feeds, users and files they refer to, and the paging cursors of list
// calls (Paging.Previous holds the API's "prev"). Raw is the whole answer.
type ChannelPayload struct {
	rawJSON
	Channels         []Channel         `json:"channels"`
	ChannelUsers     []ChannelUser     `json:"channelUsers"`
	MessagePreviews  []MessagePreview  `json:"messagePreviews"`
	MessageFeedsInfo []MessageFeedInfo `json:"messageFeedsInfo"`
	Users            []User            `json:"users"`
	Files            []File            `json:"files"`
	Paging           Paging            `json:"paging"`
}

func (p *ChannelPayload) pageItems() []Channel { return p.Channels }
func (p *ChannelPayload) pageInfo() Paging     { return p.Paging }

// Channel returns the payload's first channel (the one a Get, Create, Update or Join is
// about), or nil.
func (p *ChannelPayload) Channel() *Channel { return firstOf(p.Channels) }

// ChannelByID returns the channel with the given ID (public or internal), or nil.
func (p *ChannelPayload) ChannelByID(channelID string) *Channel {
	for i := range p.Channels {
		if channelsSame(channelID, &p.Channels[i]) {
			return &p.Channels[i]
		}
	}
	return nil
}

// Members returns the memberships of ch held in the payload. Most calls return only the
// caller's own membership; Channels.ListMembersPage returns a page of them.
func (p *ChannelPayload) Members(ch *Channel) []ChannelUser {
	if ch == nil {
		return nil
	}
	var out []ChannelUser
	for _, cu := range p.ChannelUsers {
		if channelsSame(cu.ChannelID, ch) || channelsSame(cu.ChannelInternalID, ch) || channelsSame(cu.ChannelPublicID, ch) {
			out = append(out, cu)
		}
	}
	return out
}

// Member returns the membership of userID in ch, or nil.
func (p *ChannelPayload) Member(ch *Channel, userID string) *ChannelUser {
	if ch == nil || userID == "" {
		return nil
	}
	for i := range p.ChannelUsers {
		cu := &p.ChannelUsers[i]
		if cu.UserID != userID && cu.UserPublicID != userID && cu.UserInternalID != userID {
			continue
		}
		if channelsSame(cu.ChannelID, ch) || channelsSame(cu.ChannelInternalID, ch) || channelsSame(cu.ChannelPublicID, ch) {
			return cu
		}
	}
	return nil
}

// UserByID returns the sideloaded user with the given ID (public, internal or private), or
// nil.
func (p *ChannelPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// MemberUser returns the user of a membership, or nil.
func (p *ChannelPayload) MemberUser(cu *ChannelUser) *User {
	if cu == nil {
		return nil
	}
	if u := findUser(p.Users, cu.UserID); u != nil {
		return u
	}
	if u := findUser(p.Users, cu.UserPublicID); u != nil {
		return u
	}
	return findUser(p.Users, cu.UserInternalID)
}

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *ChannelPayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// Avatar returns the avatar file of ch: the one embedded in the channel, else the sideloaded
// file of its AvatarFileID, or nil.
func (p *ChannelPayload) Avatar(ch *Channel) *File {
	if ch == nil {
		return nil
	}
	if ch.Avatar != nil {
		return ch.Avatar
	}
	if ch.AvatarFileID == "" {
		return nil
	}
	return findFile(p.Files, ch.AvatarFileID)
}

// MessagePreview returns the preview of ch's latest message, or nil (previews off, or no
// message yet).
func (p *ChannelPayload) MessagePreview(ch *Channel) *MessagePreview {
	if ch == nil {
		return nil
	}
	return byID(p.MessagePreviews, ch.MessagePreviewID, func(m *MessagePreview) string { return m.MessageID })
}

// MessageFeedInfoByID returns the summary of the message feed with the given ID, or nil.
func (p *ChannelPayload) MessageFeedInfoByID(messageFeedID string) *MessageFeedInfo {
	return byID(p.MessageFeedsInfo, messageFeedID, func(f *MessageFeedInfo) string { return f.MessageFeedID })
}

// channelsSame reports whether id names ch in any of its forms.
func channelsSame(id string, ch *Channel) bool {
	return id != "" && (id == ch.ChannelID || id == ch.ChannelInternalID || id == ch.ChannelPublicID)
}

// channelsTypes checks a channel type filter: no empty type (a type the SDK does not know is
// sent as given).
func channelsTypes(op, field string, types []ChannelType) ([]string, error) {
	out := make([]string, 0, len(types))
	for _, t := range types {
		if t == "" {
			return nil, &ValidationError{Op: op, Field: field, Reason: "must not hold an empty type"}
		}
		out = append(out, string(t))
	}
	return out, nil
}

// channelsFlagLimit checks AutoDeleteMessageByFlagLimit: 1 to 1000 when set.
func channelsFlagLimit(op string, v *int) error {
	if v != nil && (*v < 1 || *v > 1000) {
		return &ValidationError{Op: op, Field: "AutoDeleteMessageByFlagLimit", Reason: "must be between 1 and 1000"}
	}
	return nil
}

// ---- Create, get, update, delete ----

// CreateChannelParams describe a new channel. Only Type has a default (community); every
// other field is optional.
type CreateChannelParams struct {
	// ChannelID is the new channel's ID (at most 100 characters); empty lets the server pick
	// one. An ID that exists already fails with code 400315 (DuplicateEntry).
	ChannelID string `json:"channelId,omitempty"`
	// Type is community (default), live or broadcast. Conversations are created with
	// Channels.CreateConversation.
	Type ChannelType `json:"type,omitempty"`
	// DisplayName, at most 100 characters.
	DisplayName string `json:"displayName,omitempty"`
	// AvatarFileID is an uploaded image (at most 50 characters).
	AvatarFileID string `json:"avatarFileId,omitempty"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
	// Tags, at most 10 of at most 100 characters.
	Tags []string `json:"tags,omitempty"`
	// UserIDs are the first members (at most 1,000 IDs of at most 50 characters).
	UserIDs []string `json:"userIds,omitempty"`
	// IsMuted mutes the channel for all users from the start.
	IsMuted *bool `json:"isMuted,omitempty"`
	// MessageAutoDeleteEnabled deletes a message once it has AutoDeleteMessageByFlagLimit
	// flags (1 to 1,000).
	MessageAutoDeleteEnabled     *bool `json:"messageAutoDeleteEnabled,omitempty"`
	AutoDeleteMessageByFlagLimit *int  `json:"autoDeleteMessageByFlagLimit,omitempty"`
	// IsPublic makes the channel visible to all users.
	IsPublic *bool `json:"isPublic,omitempty"`
	// NotificationMode is default, silent or subscribe.
	NotificationMode ChannelNotificationMode `json:"notificationMode,omitempty"`
	// VideoStreamID and PostID attach the channel to a live stream and the post it belongs to,
	// for its live chat and reactions: both or neither.
	VideoStreamID string `json:"videoStreamId,omitempty"`
	PostID        string `json:"postId,omitempty"`
}

func (p *CreateChannelParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	if (p.VideoStreamID == "") != (p.PostID == "") {
		return &ValidationError{Op: op, Field: "PostID", Reason: "and VideoStreamID go together: set both or neither"}
	}
	return firstErr(
		maxLen(op, "ChannelID", p.ChannelID, 100),
		maxLen(op, "DisplayName", p.DisplayName, 100),
		maxLen(op, "AvatarFileID", p.AvatarFileID, 50),
		stringList(op, "Tags", p.Tags, 10, 0, 100),
		stringList(op, "UserIDs", p.UserIDs, 1000, 1, 50),
		channelsFlagLimit(op, p.AutoDeleteMessageByFlagLimit),
	)
}

// Create creates a channel and returns it (the payload's Channel()) with the caller's
// membership. POST /api/v3/channels. Not retried once it may have reached the server.
func (s *ChannelsService) Create(ctx context.Context, params *CreateChannelParams, opts ...CallOption) (*ChannelPayload, error) {
	const op = "Channels.Create"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v3/channels", body: params, opts: opts}, "channel", (*ChannelPayload).pageItems)
}

// CreateConversationParams describe a conversation (direct chat) channel.
type CreateConversationParams struct {
	// UserIDs (required, 1 to 10 IDs of at most 50 characters) are the other participants.
	UserIDs []string `json:"userIds"`
	// IsDistinct (the server's default: true) makes the conversation the one channel of its
	// set of users: creating it again returns the existing one.
	IsDistinct *bool `json:"isDistinct,omitempty"`
	// DisplayName, at most 100 characters.
	DisplayName string `json:"displayName,omitempty"`
	// AvatarFileID, at most 50 characters.
	AvatarFileID string `json:"avatarFileId,omitempty"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
	// Tags, at most 10 of at most 100 characters.
	Tags []string `json:"tags,omitempty"`
}

// CreateConversation creates a conversation channel between the caller and UserIDs and
// returns it (the payload's Channel()). POST /api/v3/channels/conversation. Not retried
// once it may have reached the server.
func (s *ChannelsService) CreateConversation(ctx context.Context, params *CreateConversationParams, opts ...CallOption) (*ChannelPayload, error) {
	const op = "Channels.CreateConversation"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		idList(op, "UserIDs", params.UserIDs, 10, 50),
		maxLen(op, "DisplayName", params.DisplayName, 100),
		maxLen(op, "AvatarFileID", params.AvatarFileID, 50),
		stringList(op, "Tags", params.Tags, 10, 0, 100),
	); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v3/channels/conversation", body: params, opts: opts}, "channel", (*ChannelPayload).pageItems)
}

// Get returns a channel (the payload's Channel()) with the caller's membership and the
// message preview. GET /api/v3/channels/{channelId}.
func (s *ChannelsService) Get(ctx context.Context, channelID string, opts ...CallOption) (*ChannelPayload, error) {
	const op = "Channels.Get"
	path, err := pathf(op, "/api/v3/channels/%s", id("channelID", channelID))
	if err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, "channel", (*ChannelPayload).pageItems)
}

// GetManyChannelsParams name the channels of Channels.GetMany.
type GetManyChannelsParams struct {
	// ChannelIDs (required) are 1 to 10 IDs of at most 50 characters.
	ChannelIDs []string
}

// ids is the list getMany sends.
func (p *GetManyChannelsParams) ids() []string { return p.ChannelIDs }

// GetMany returns the channels with the given IDs; the answer holds those that exist.
// GET /api/v3/channels/list.
func (s *ChannelsService) GetMany(ctx context.Context, params *GetManyChannelsParams, opts ...CallOption) (*ChannelPayload, error) {
	return getMany[ChannelPayload](ctx, s.c, &request{op: "Channels.GetMany", method: http.MethodGet, path: "/api/v3/channels/list", opts: opts},
		params, idsQuery{field: "ChannelIDs", name: "channelIds", maxIDs: 10, maxLen: 50})
}

// UpdateChannelParams change a channel. Nil fields are left as they are.
type UpdateChannelParams struct {
	// DisplayName, at most 100 characters.
	DisplayName *string `json:"displayName,omitempty"`
	// AvatarFileID, at most 50 characters.
	AvatarFileID *string `json:"avatarFileId,omitempty"`
	// Metadata replaces the channel's metadata.
	Metadata map[string]any `json:"metadata,omitempty"`
	// Tags replaces the channel's tags (at most 10 of at most 100 characters).
	Tags []string `json:"tags,omitempty"`
	// MessageAutoDeleteEnabled and AutoDeleteMessageByFlagLimit (1 to 1,000) set the
	// automatic deletion of flagged messages.
	MessageAutoDeleteEnabled     *bool `json:"messageAutoDeleteEnabled,omitempty"`
	AutoDeleteMessageByFlagLimit *int  `json:"autoDeleteMessageByFlagLimit,omitempty"`
	// NotificationMode is default, silent or subscribe.
	NotificationMode ChannelNotificationMode `json:"notificationMode,omitempty"`
}

// Update changes a channel and returns it (the payload's Channel()).
// PUT /api/v3/channels/{channelId}. Idempotent by construction (it sets fields to the given
// values; sending it twice leaves the same state), so it is retried like a read.
func (s *ChannelsService) Update(ctx context.Context, channelID string, params *UpdateChannelParams, opts ...CallOption) (*ChannelPayload, error) {
	const op = "Channels.Update"
	path, err := pathf(op, "/api/v3/channels/%s", id("channelID", channelID))
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		maxLenPtr(op, "DisplayName", params.DisplayName, 100),
		maxLenPtr(op, "AvatarFileID", params.AvatarFileID, 50),
		stringList(op, "Tags", params.Tags, 10, 0, 100),
		channelsFlagLimit(op, params.AutoDeleteMessageByFlagLimit),
	); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true, opts: opts}, "channel", (*ChannelPayload).pageItems)
}

// Delete deletes a channel. DELETE /api/v3/channels/{channelId}. Idempotent by construction
// (a deleted channel stays deleted), so it is retried like a read; a retry after the first
// attempt succeeded may answer ErrNotFound. An answer of success: false is an error matching
// ErrUnsuccessful.
func (s *ChannelsService) Delete(ctx context.Context, channelID string, opts ...CallOption) error {
	const op = "Channels.Delete"
	path, err := pathf(op, "/api/v3/channels/%s", id("channelID", channelID))
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, idempotent: true, opts: opts}, nil)
}

// ---- Listing and search ----

// ChannelFilter selects channels by the caller's membership in Channels.List.
type ChannelFilter string

// Channel filters.
const (
	ChannelFilterAll       ChannelFilter = "all"
	ChannelFilterMember    ChannelFilter = "member"
	ChannelFilterNotMember ChannelFilter = "notMember"
	ChannelFilterFlagged   ChannelFilter = "flagged"
)

// ChannelSortBy orders Channels.List.
type ChannelSortBy string

// Channel orders.
const (
	ChannelSortLastActivity ChannelSortBy = "lastActivity"
	ChannelSortLastCreated  ChannelSortBy = "lastCreated"
	ChannelSortFirstCreated ChannelSortBy = "firstCreated"
	ChannelSortDisplayName  ChannelSortBy = "displayName"
)

// ListChannelsParams filter and page Channels.List. The zero value lists all channels,
// most recently active first.
type ListChannelsParams struct {
	// PageParams: Limit 1 to 100 (server default 10); PageToken at most 100 characters.
	PageParams
	// Keyword matches display names (at most 100 characters).
	Keyword string
	// IsDeleted: nil lists both, true deleted channels only, false live ones only.
	IsDeleted *bool
	// Tags: channels having all of them; ExcludeTags: channels having none of them (each at
	// most 10 tags of at most 100 characters).
	Tags        []string
	ExcludeTags []string
	// Filter: all (default), member, notMember or flagged.
	Filter ChannelFilter
	// Types: at most 10 channel types.
	Types []ChannelType
	// UserID lists the channels of this user (at most 100 characters).
	UserID string
	// SortBy: lastActivity (default), lastCreated, firstCreated or displayName.
	SortBy ChannelSortBy
	// ExcludeArchives, when true, leaves out the channels the caller archived (the server's
	// default is false: all channels).
	ExcludeArchives *bool
}

func (p *ListChannelsParams) query(op string) (query, error) {
	p = orZero(p)
	if err := firstErr(
		p.PageParams.validate(op, 100),
		maxLen(op, "Keyword", p.Keyword, 100),
		stringList(op, "Tags", p.Tags, 10, 0, 100),
		stringList(op, "ExcludeTags", p.ExcludeTags, 10, 0, 100),
		maxItems(op, "Types", len(p.Types), 10),
		maxLen(op, "UserID", p.UserID, 100),
	); err != nil {
		return nil, err
	}
	types, err := channelsTypes(op, "Types", p.Types)
	if err != nil {
		return nil, err
	}
	q := query{}
	q.str("keyword", p.Keyword)
	q.boolean("isDeleted", p.IsDeleted)
	q.list("tags", p.Tags)
	q.list("excludeTags", p.ExcludeTags)
	q.str("filter", string(p.Filter))
	q.list("types", types)
	q.str("userId", p.UserID)
	q.str("sortBy", string(p.SortBy))
	q.boolean("excludeArchives", p.ExcludeArchives)
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// List returns an iterator over the channels matching params, fetching pages as it goes.
// GET /api/v3/channels.
func (s *ChannelsService) List(ctx context.Context, params *ListChannelsParams, opts ...CallOption) iter.Seq2[Channel, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of channels matching params, with their
// sideloads. GET /api/v3/channels.
func (s *ChannelsService) ListPages(ctx context.Context, params *ListChannelsParams, opts ...CallOption) iter.Seq2[*ChannelPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of channels with their sideloads and cursors.
// GET /api/v3/channels.
func (s *ChannelsService) ListPage(ctx context.Context, params *ListChannelsParams, opts ...CallOption) (*ChannelPayload, error) {
	const op = "Channels.ListPage"
	return listPage[ChannelPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/channels", opts: opts}, params)
}

// ChannelSearchSortBy orders Channels.Search.
type ChannelSearchSortBy string

// Channel search orders.
const (
	ChannelSearchSortRelevance    ChannelSearchSortBy = "relevance"
	ChannelSearchSortLastActivity ChannelSearchSortBy = "lastActivity"
)

// ChannelSearchOrder is the direction of a channel search's order.
type ChannelSearchOrder string

// Channel search directions.
const (
	ChannelSearchDesc ChannelSearchOrder = "desc"
	ChannelSearchAsc  ChannelSearchOrder = "asc"
)

// SearchChannelsParams describe a channel search. Query is required.
type SearchChannelsParams struct {
	// PageParams: Limit 1 to 100 (server default 20); PageToken at most 100 characters.
	PageParams
	// Query (required) is the keyword searched for.
	Query string
	// ExactMatch requires the whole keyword to match.
	ExactMatch *bool
	// IsMemberOnly restricts the search to channels the caller is a member of.
	IsMemberOnly *bool
	// Types: community, conversation, live or broadcast.
	Types []ChannelType
	// Tags: at most 10 of at most 100 characters.
	Tags []string
	// SortBy: relevance (default) or lastActivity; OrderBy: desc (default) or asc.
	SortBy  ChannelSearchSortBy
	OrderBy ChannelSearchOrder
}

func (p *SearchChannelsParams) query(op string) (query, error) {
	if err := notNil(op, "params", p); err != nil {
		return nil, err
	}
	if err := firstErr(
		p.PageParams.validate(op, 100),
		required(op, "Query", p.Query),
		stringList(op, "Tags", p.Tags, 10, 0, 100),
	); err != nil {
		return nil, err
	}
	types, err := channelsTypes(op, "Types", p.Types)
	if err != nil {
		return nil, err
	}
	q := query{}
	q.str("query", p.Query)
	q.boolean("exactMatch", p.ExactMatch)
	q.boolean("isMemberOnly", p.IsMemberOnly)
	q.list("types", types)
	q.list("tags", p.Tags)
	q.str("options[sortBy]", string(p.SortBy))
	q.str("options[orderBy]", string(p.OrderBy))
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// ChannelSearchPayload is one page of a channel search: the channel bundle plus the total
// count and the search as the server understood it, taken out of the answer's {status, data}
// envelope (Raw is the whole answer, envelope included).
type ChannelSearchPayload struct {
	ChannelPayload
	// TotalCount is the number of matching channels.
	TotalCount int `json:"totalCount,omitempty"`
	// Search echoes the query and its options.
	Search ChannelSearchInfo `json:"search"`
}

// ChannelSearchInfo echoes a search's query and options.
type ChannelSearchInfo struct {
	Query   string `json:"query,omitempty"`
	Limit   int    `json:"limit,omitempty"`
	SortBy  string `json:"sortBy,omitempty"`
	OrderBy string `json:"orderBy,omitempty"`
}

// Search returns an iterator over the channels matching params, fetching pages as it goes.
// GET /api/v2/search/channels.
func (s *ChannelsService) Search(ctx context.Context, params *SearchChannelsParams, opts ...CallOption) iter.Seq2[Channel, error] {
	return listAll(ctx, params, opts, s.SearchPage)
}

// SearchPages returns an iterator over the pages of a channel search.
// GET /api/v2/search/channels.
func (s *ChannelsService) SearchPages(ctx context.Context, params *SearchChannelsParams, opts ...CallOption) iter.Seq2[*ChannelSearchPayload, error] {
	return pages(ctx, params, opts, s.SearchPage)
}

// SearchPage returns one page of a channel search. GET /api/v2/search/channels. Paging comes
// from data.paging.
func (s *ChannelsService) SearchPage(ctx context.Context, params *SearchChannelsParams, opts ...CallOption) (*ChannelSearchPayload, error) {
	const op = "Channels.SearchPage"
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	return callData[ChannelSearchPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v2/search/channels", query: url.Values(q), opts: opts})
}

// Close closes a channel: no more messages can be sent to it.
// POST /api/v2/channels/{channelId}/close. Idempotent by construction (a closed channel
// stays closed), so it is retried like a read.
func (s *ChannelsService) Close(ctx context.Context, channelID string, opts ...CallOption) error {
	const op = "Channels.Close"
	path, err := pathf(op, "/api/v2/channels/%s/close", id("channelID", channelID))
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: path, idempotent: true, opts: opts}, nil)
}

// DefaultMessageFeedID returns the ID of the channel's default message feed, the feed v5
// messages are posted in and listed from (CreateMessageParams.MessageFeedID,
// ListMessagesParams.MessageFeedID): the channel's internal ID, not its public ChannelID.
// It is "" when the answer did not carry the internal ID.
func (ch *Channel) DefaultMessageFeedID() string { return ch.ChannelInternalID }
