package amity

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"math"
	"net/http"
)

// MessagesService manages chat messages, message feeds and their flags. Reach it as
// Client.Messages.
//
// Its methods (Create, Get, List, Flag, ...) use the current v5 API, where a message belongs
// to a message feed (a sub-channel). A channel's default message feed has the channel's
// INTERNAL ID as its ID (Channel.DefaultMessageFeedID), not the public channel ID the
// channel calls take. The older v3 API, where a message belongs to a channel directly and
// lists page by channel segment, is on its V3 field.
//
// Which ID each call takes: message calls take message IDs; message-feed IDs are internal
// channel IDs (or sub-channel IDs); channel calls, channel bans and mutes take the public
// channel ID (Message.ChannelPublicID) and public user IDs (Message.CreatorPublicID): to ban
// a message's author, pass CreatorPublicID, not CreatorID, which is the internal ID.
type MessagesService struct {
	c *Client
	// V3 holds the v3 message operations (Client.Messages.V3).
	V3 *MessagesV3Service
}

// MessageDataType is the kind of a message's content. In v5 it is a free string of at most
// 20 characters (the constants are the common values); in v3 it must be one of the
// constants.
type MessageDataType string

// Message data types.
const (
	MessageDataTypeText     MessageDataType = "text"
	MessageDataTypeImage    MessageDataType = "image"
	MessageDataTypeFile     MessageDataType = "file"
	MessageDataTypeVideo    MessageDataType = "video"
	MessageDataTypeAudio    MessageDataType = "audio"
	MessageDataTypeCustom   MessageDataType = "custom"
	MessageDataTypeImageMap MessageDataType = "imagemap"
)

// MessageMentionType says whether a mention names users or the whole channel.
type MessageMentionType string

// Message mention types.
const (
	MessageMentionUser    MessageMentionType = "user"
	MessageMentionChannel MessageMentionType = "channel"
)

// MessageMention is a mention in a v5 message: users (at most 50 IDs of at most 24
// characters) or the whole channel.
type MessageMention struct {
	// Type is user (the server's default) or channel.
	Type MessageMentionType `json:"type,omitempty"`
	// UserIDs are the mentioned users; leave empty for a channel mention.
	UserIDs []string `json:"userIds,omitempty"`
}

// MessageReactionCounts maps a reaction name to how many users reacted with it. It decodes
// the API's {"like": 1} and, as the spec's schema also allows, a list of such objects.
type MessageReactionCounts map[string]int

// UnmarshalJSON decodes an object of counts or a list of them; anything else is ignored
// rather than failing the whole answer.
func (m *MessageReactionCounts) UnmarshalJSON(b []byte) error {
	out := MessageReactionCounts{}
	add := func(raw json.RawMessage) {
		var obj map[string]json.RawMessage
		if json.Unmarshal(raw, &obj) != nil {
			return
		}
		for k, v := range obj {
			var f float64
			if json.Unmarshal(v, &f) == nil && !math.IsNaN(f) && math.Abs(f) < math.MaxInt32 {
				out[k] += int(f)
			}
		}
	}
	var list []json.RawMessage
	if json.Unmarshal(b, &list) == nil {
		for _, raw := range list {
			add(raw)
		}
	} else {
		add(b)
	}
	*m = out
	return nil
}

// Message is a v5 chat message in a message feed.
type Message struct {
	// MessageID is the message's ID.
	MessageID string `json:"messageId"`
	// ReferenceID is the caller's reference given to Messages.Create (create answers only).
	ReferenceID string `json:"referenceId,omitempty"`
	NetworkID   string `json:"networkId,omitempty"`
	// ChannelID is the INTERNAL ID of the message feed's channel and ChannelPublicID its
	// public ID, the one channel calls (bans, mutes, members) take; ChannelType its type.
	ChannelID       string      `json:"channelId,omitempty"`
	ChannelPublicID string      `json:"channelPublicId,omitempty"`
	ChannelType     ChannelType `json:"channelType,omitempty"`
	MessageFeedID   string      `json:"messageFeedId,omitempty"`
	// Segment is the message's sequence number in its message feed.
	Segment  int             `json:"segment,omitempty"`
	DataType MessageDataType `json:"dataType,omitempty"`
	// Data is the content as the API sent it: an object ({"text": "hi"}, an image's
	// caption) or, for custom messages, any JSON, a string included. Data.Text() reads the
	// text; Data.Map() or Data.Decode the rest.
	Data RawJSON `json:"data,omitempty"`
	// FileID and ThumbnailFileID are attached files (see MessagePayload.MessageFiles).
	FileID          string `json:"fileId,omitempty"`
	ThumbnailFileID string `json:"thumbnailFileId,omitempty"`
	// Metadata is free-form JSON (less than 20 KB).
	Metadata map[string]any `json:"metadata,omitempty"`
	// Tags, at most 10.
	Tags []string `json:"tags,omitempty"`
	// CreatorID is the author's INTERNAL user ID and CreatorPublicID the public one, which
	// user calls and bans take (see MessagePayload.Author).
	CreatorID       string           `json:"creatorId,omitempty"`
	CreatorPublicID string           `json:"creatorPublicId,omitempty"`
	MentionedUsers  []MessageMention `json:"mentionedUsers,omitempty"`
	// Reactions counts the reactions by name; ReactionCount is their total; MyReactions are
	// the caller's.
	Reactions     MessageReactionCounts `json:"reactions,omitempty"`
	ReactionCount int                   `json:"reactionCount,omitempty"`
	MyReactions   []string              `json:"myReactions,omitempty"`
	// ParentID is the message this one replies to; ChildCount counts the replies.
	ParentID   string `json:"parentId,omitempty"`
	ChildCount int    `json:"childCount,omitempty"`
	Path       string `json:"path,omitempty"`
	// FlagCount is how many users flagged the message.
	FlagCount int  `json:"flagCount,omitempty"`
	IsDeleted bool `json:"isDeleted,omitempty"`
	// EditedAt is the last change of Data.
	EditedAt  Time `json:"editedAt"`
	CreatedAt Time `json:"createdAt"`
	UpdatedAt Time `json:"updatedAt"`
}

// MessagePayload is the API's v5 message bundle: messages with their message feeds, files
// and users, and the cursors of list calls (Paging.Total is the number of matches). Raw is
// the whole answer.
type MessagePayload struct {
	rawJSON
	Messages     []Message     `json:"messages"`
	MessageFeeds []MessageFeed `json:"messageFeeds"`
	Files        []File        `json:"files"`
	Users        []User        `json:"users"`
	// Roles are the roles of the users (see RoleByID).
	Roles  []Role `json:"roles"`
	Paging Paging `json:"paging"`
}

// RoleByID returns the sideloaded role with the given ID, or nil.
func (p *MessagePayload) RoleByID(roleID string) *Role { return roleByID(p.Roles, roleID) }

func (p *MessagePayload) pageItems() []Message { return p.Messages }
func (p *MessagePayload) pageInfo() Paging     { return p.Paging }

// Message returns the payload's first message (the one a Get, Create, Update or Flag is
// about), or nil.
func (p *MessagePayload) Message() *Message { return firstOf(p.Messages) }

// MessageByID returns the message with the given ID, or nil.
func (p *MessagePayload) MessageByID(messageID string) *Message {
	return byID(p.Messages, messageID, func(m *Message) string { return m.MessageID })
}

// Author returns the sideloaded author of m, or nil.
func (p *MessagePayload) Author(m *Message) *User {
	if m == nil {
		return nil
	}
	return findUserOf(p.Users, m.CreatorPublicID, m.CreatorID)
}

// UserByID returns the sideloaded user with the given ID (public, internal or private), or
// nil.
func (p *MessagePayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// MentionedUsers returns the sideloaded users m mentions by ID.
func (p *MessagePayload) MentionedUsers(m *Message) []User {
	if m == nil {
		return nil
	}
	var out []User
	for _, mention := range m.MentionedUsers {
		for _, id := range mention.UserIDs {
			if u := findUser(p.Users, id); u != nil {
				out = append(out, *u)
			}
		}
	}
	return out
}

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *MessagePayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// MessageFiles returns the sideloaded files of m: its file, then its thumbnail.
func (p *MessagePayload) MessageFiles(m *Message) []File {
	if m == nil {
		return nil
	}
	return messagesFiles(p.Files, m.FileID, m.ThumbnailFileID)
}

// MessageFeed returns the message feed of m, or nil.
func (p *MessagePayload) MessageFeed(m *Message) *MessageFeed {
	if m == nil {
		return nil
	}
	return messagesFindFeed(p.MessageFeeds, m.MessageFeedID)
}

// MessageFeedByID returns the sideloaded message feed with the given ID, or nil.
func (p *MessagePayload) MessageFeedByID(messageFeedID string) *MessageFeed {
	return messagesFindFeed(p.MessageFeeds, messageFeedID)
}

// messagesFiles returns the sideloaded files with the given IDs, in order.
func messagesFiles(files []File, ids ...string) []File {
	var out []File
	for _, fid := range ids {
		if fid == "" {
			continue
		}
		if f := findFile(files, fid); f != nil {
			out = append(out, *f)
		}
	}
	return out
}

// The v5 size limits of Data and Metadata ("less than 10 KB" and "less than 20 KB").
const (
	messagesDataLimit     = 10 * 1024
	messagesMetadataLimit = 20 * 1024
)

// messagesMentions checks the user IDs of each mention of a message (at most 50 of 1 to 24
// characters).
func messagesMentions(op string, mentions []MessageMention) error {
	for i, m := range mentions {
		field := fmt.Sprintf("MentionedUsers[%d]", i)
		if err := firstErr(
			stringList(op, field+".UserIDs", m.UserIDs, 50, 1, 24),
		); err != nil {
			return err
		}
	}
	return nil
}

// messagesPath returns the idPath of an ID of the message calls, named name, of at most
// maxLength characters. pathf's checks come first (an ID of only spaces over the bound is
// "must not be empty"), as they always have for these calls; maxLenPath checks the length
// first.
func messagesPath(name string, maxLength int) idPath {
	return func(op, format, v string) (string, error) {
		path, err := pathf(op, format, id(name, v))
		if err != nil {
			return "", err
		}
		if err := maxLen(op, name, v, maxLength); err != nil {
			return "", err
		}
		return path, nil
	}
}

// The idPaths of the message calls.
var (
	messagesID       = messagesPath("messageID", 30)     // a v5 message
	messagesV3ID     = messagesPath("messageID", 150)    // a v3 message
	messageFeedPath  = messagesPath("messageFeedID", 30) // a message feed
	channelFeedsPath = messagesPath("channelID", 30)     // the message feeds of a channel
	creatorFeedsPath = messagesPath("creatorID", 30)     // the message feeds a user created
)

// ---- v5 messages ----

// CreateMessageParams describe a new v5 message. MessageFeedID, ReferenceID and DataType are
// required.
type CreateMessageParams struct {
	// MessageFeedID (required, at most 30 characters) is the feed to post in; a channel's
	// default feed has the channel's internal ID (Channel.DefaultMessageFeedID).
	MessageFeedID string `json:"messageFeedId"`
	// ParentID makes the message a reply (at most 30 characters).
	ParentID string `json:"parentId,omitempty"`
	// ReferenceID (required) is the caller's own reference for the message, echoed in the
	// answer: the vendor's clients give each message a fresh one ("LOCAL_" and a UUID) to
	// match the server's answer to the message they already display. It is a correlation
	// key, not an idempotency key: neither the spec nor the clients say the server
	// deduplicates by it, so sending the same message twice may post it twice, and Create is
	// never retried once the request may have reached the server. After an error matching
	// ErrMalformedResponse, or a transport error after the request was sent, look for the
	// message in the feed (List) before sending it again. The spec caps it at 30 characters,
	// but the clients send 42, so the SDK sends it as given.
	ReferenceID string `json:"referenceId"`
	// DataType (required, at most 20 characters), e.g. text, image or custom.
	DataType MessageDataType `json:"dataType"`
	// Data is the content (less than 10 KB as JSON), e.g. {"text": "hi"}.
	Data map[string]any `json:"data,omitempty"`
	// FileID attaches an uploaded file (at most 30 characters).
	FileID string `json:"fileId,omitempty"`
	// Metadata is free-form JSON (less than 20 KB).
	Metadata map[string]any `json:"metadata,omitempty"`
	// Tags, at most 10 of at most 30 characters.
	Tags []string `json:"tags,omitempty"`
	// MentionedUsers notifies users or the whole channel.
	MentionedUsers []MessageMention `json:"mentionedUsers,omitempty"`
	// CreatedAt backdates the message (e.g. when importing history).
	CreatedAt *Time `json:"createdAt,omitempty"`
}

func (p *CreateMessageParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	return firstErr(
		required(op, "MessageFeedID", p.MessageFeedID),
		maxLen(op, "MessageFeedID", p.MessageFeedID, 30),
		maxLen(op, "ParentID", p.ParentID, 30),
		required(op, "ReferenceID", p.ReferenceID),
		required(op, "DataType", string(p.DataType)),
		maxLen(op, "DataType", string(p.DataType), 20),
		metadataSize(op, "Data", p.Data, messagesDataLimit),
		maxLen(op, "FileID", p.FileID, 30),
		metadataSize(op, "Metadata", p.Metadata, messagesMetadataLimit),
		stringList(op, "Tags", p.Tags, 10, 0, 30),
		messagesMentions(op, p.MentionedUsers),
	)
}

// Create posts a message to a message feed and returns it (the payload's Message()).
// POST /api/v5/messages. Not retried once it may have reached the server: a repeat may post
// the message twice (see CreateMessageParams.ReferenceID).
func (s *MessagesService) Create(ctx context.Context, params *CreateMessageParams, opts ...CallOption) (*MessagePayload, error) {
	const op = "Messages.Create"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v5/messages", body: params, opts: opts}, "message", (*MessagePayload).pageItems)
}

// Get returns a message (the payload's Message()) with its feed, files and users.
// GET /api/v5/messages/{messageId}.
func (s *MessagesService) Get(ctx context.Context, messageID string, opts ...CallOption) (*MessagePayload, error) {
	const op = "Messages.Get"
	path, err := messagesID(op, "/api/v5/messages/%s", messageID)
	if err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, "message", (*MessagePayload).pageItems)
}

// GetManyMessagesParams name the messages of Messages.GetMany.
type GetManyMessagesParams struct {
	// MessageIDs (required) are 1 to 10 IDs of at most 30 characters.
	MessageIDs []string
}

// ids is the list getMany sends.
func (p *GetManyMessagesParams) ids() []string { return p.MessageIDs }

// GetMany returns the messages with the given IDs; the answer holds those that exist.
// GET /api/v5/messages/list.
func (s *MessagesService) GetMany(ctx context.Context, params *GetManyMessagesParams, opts ...CallOption) (*MessagePayload, error) {
	return getMany[MessagePayload](ctx, s.c, &request{op: "Messages.GetMany", method: http.MethodGet, path: "/api/v5/messages/list", opts: opts},
		params, idsQuery{field: "MessageIDs", name: "messageIds", maxIDs: 10, maxLen: 30})
}

// MessageSortBy orders Messages.List.
type MessageSortBy string

// Message orders.
const (
	MessageSortSegmentDesc MessageSortBy = "segmentDesc"
	MessageSortSegmentAsc  MessageSortBy = "segmentAsc"
)

// ListMessagesParams filter and page Messages.List. MessageFeedID is required.
type ListMessagesParams struct {
	// PageParams: Limit 1 to 100 (server default 10), even when Around is set; PageToken at
	// most 100 characters. A page token carries the position and order, so with a
	// PageToken After, Before, Around and SortBy are not sent.
	PageParams
	// MessageFeedID (required, at most 30 characters); a channel's default feed has the
	// channel's internal ID (Channel.DefaultMessageFeedID).
	MessageFeedID string
	// ParentID lists the replies to a message (at most 30 characters).
	ParentID string
	// IsDeleted: the server's default is false (live messages only).
	IsDeleted *bool
	// IncludeTags: messages having all of them; ExcludeTags: messages having none of them
	// (each at most 10 tags of at most 30 characters).
	IncludeTags []string
	ExcludeTags []string
	// HasFlags true lists flagged messages only: the queue of a moderation job.
	HasFlags *bool
	// DataType keeps messages of this type (at most 20 characters).
	DataType MessageDataType
	// After, Before and Around start the page after, before or around a message ID (at most
	// 30 characters).
	After, Before, Around string
	// SortBy: segmentDesc (default, newest first) or segmentAsc.
	SortBy MessageSortBy
}

func (p *ListMessagesParams) query(op string) (query, error) {
	if err := notNil(op, "params", p); err != nil {
		return nil, err
	}
	if err := firstErr(
		p.PageParams.validate(op, 100),
		required(op, "MessageFeedID", p.MessageFeedID),
		maxLen(op, "MessageFeedID", p.MessageFeedID, 30),
		maxLen(op, "ParentID", p.ParentID, 30),
		stringList(op, "IncludeTags", p.IncludeTags, 10, 0, 30),
		stringList(op, "ExcludeTags", p.ExcludeTags, 10, 0, 30),
		maxLen(op, "DataType", string(p.DataType), 20),
		maxLen(op, "After", p.After, 30),
		maxLen(op, "Before", p.Before, 30),
		maxLen(op, "Around", p.Around, 30),
	); err != nil {
		return nil, err
	}
	if p.Around != "" && p.Limit%2 != 0 {
		return nil, &ValidationError{Op: op, Field: "Limit", Reason: "must be even when Around is set"}
	}
	q := query{}
	q.str("messageFeedId", p.MessageFeedID)
	q.str("parentId", p.ParentID)
	q.boolean("isDeleted", p.IsDeleted)
	q.list("includeTags", p.IncludeTags)
	q.list("excludeTags", p.ExcludeTags)
	q.boolean("hasFlags", p.HasFlags)
	q.str("dataType", string(p.DataType))
	if p.PageToken == "" {
		q.str("options[after]", p.After)
		q.str("options[before]", p.Before)
		q.str("options[around]", p.Around)
		q.str("options[sortBy]", string(p.SortBy))
	}
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// List returns an iterator over the messages of a message feed matching params, fetching
// pages as it goes. GET /api/v5/messages. To work through flagged messages (a moderation
// queue), set HasFlags, then Delete or ClearFlags each one.
func (s *MessagesService) List(ctx context.Context, params *ListMessagesParams, opts ...CallOption) iter.Seq2[Message, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of a message feed's messages, with their
// sideloads. GET /api/v5/messages.
func (s *MessagesService) ListPages(ctx context.Context, params *ListMessagesParams, opts ...CallOption) iter.Seq2[*MessagePayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of a message feed's messages with their sideloads and cursors.
// GET /api/v5/messages.
func (s *MessagesService) ListPage(ctx context.Context, params *ListMessagesParams, opts ...CallOption) (*MessagePayload, error) {
	const op = "Messages.ListPage"
	return listPage[MessagePayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v5/messages", opts: opts}, params)
}

// ListByCreatorParams filter and page Messages.ListByCreator. ChannelID is required.
type ListByCreatorParams struct {
	// PageParams: Limit 1 to 100 (server default 10); PageToken at most 100 characters. With
	// a PageToken, After and Before are not sent.
	PageParams
	// ChannelID is the channel whose messages to list (at most 30 characters). Required
	// (spec 4.116.1; 4.92.0 made it optional).
	ChannelID string
	// HasFlags true lists flagged messages only.
	HasFlags *bool
	// After and Before start the page after or before a message ID (at most 30 characters).
	After, Before string
}

func (p *ListByCreatorParams) query(op string) (query, error) {
	p = orZero(p)
	if err := firstErr(
		p.PageParams.validate(op, 100),
		required(op, "ChannelID", p.ChannelID),
		maxLen(op, "ChannelID", p.ChannelID, 30),
		maxLen(op, "After", p.After, 30),
		maxLen(op, "Before", p.Before, 30),
	); err != nil {
		return nil, err
	}
	q := query{}
	q.str("channelId", p.ChannelID)
	q.boolean("hasFlags", p.HasFlags)
	if p.PageToken == "" {
		q.str("options[after]", p.After)
		q.str("options[before]", p.Before)
	}
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// ListByCreator returns an iterator over the messages of one user in a channel, fetching
// pages as it goes; admins only. GET /api/v5/messages/user/{creatorId}.
func (s *MessagesService) ListByCreator(ctx context.Context, creatorID string, params *ListByCreatorParams, opts ...CallOption) iter.Seq2[Message, error] {
	return listAll(ctx, params, opts, pageOn(creatorID, s.ListByCreatorPage))
}

// ListByCreatorPages returns an iterator over the pages of one user's messages in a
// channel; admins only. GET /api/v5/messages/user/{creatorId}.
func (s *MessagesService) ListByCreatorPages(ctx context.Context, creatorID string, params *ListByCreatorParams, opts ...CallOption) iter.Seq2[*MessagePayload, error] {
	return pages(ctx, params, opts, pageOn(creatorID, s.ListByCreatorPage))
}

// ListByCreatorPage returns one page of a user's messages (creatorID at most 24
// characters); admins only. GET /api/v5/messages/user/{creatorId}.
func (s *MessagesService) ListByCreatorPage(ctx context.Context, creatorID string, params *ListByCreatorParams, opts ...CallOption) (*MessagePayload, error) {
	const op = "Messages.ListByCreatorPage"
	path, err := pathf(op, "/api/v5/messages/user/%s", id("creatorID", creatorID))
	if err != nil {
		return nil, err
	}
	if err := maxLen(op, "creatorID", creatorID, 24); err != nil {
		return nil, err
	}
	return listPage[MessagePayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, params)
}

// UpdateMessageParams change a v5 message. Nil fields are left as they are.
type UpdateMessageParams struct {
	// Data replaces the content (less than 10 KB as JSON).
	Data map[string]any `json:"data,omitempty"`
	// Metadata replaces the metadata (less than 20 KB as JSON).
	Metadata map[string]any `json:"metadata,omitempty"`
	// Tags replaces the tags (at most 10 of at most 30 characters).
	Tags []string `json:"tags,omitempty"`
	// MentionedUsers replaces the mentions.
	MentionedUsers []MessageMention `json:"mentionedUsers,omitempty"`
}

// Update changes a message and returns it (the payload's Message()).
// PUT /api/v5/messages/{messageId}. Idempotent by construction (it sets fields to the given
// values), so it is retried like a read.
func (s *MessagesService) Update(ctx context.Context, messageID string, params *UpdateMessageParams, opts ...CallOption) (*MessagePayload, error) {
	const op = "Messages.Update"
	path, err := messagesID(op, "/api/v5/messages/%s", messageID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		metadataSize(op, "Data", params.Data, messagesDataLimit),
		metadataSize(op, "Metadata", params.Metadata, messagesMetadataLimit),
		stringList(op, "Tags", params.Tags, 10, 0, 30),
		messagesMentions(op, params.MentionedUsers),
	); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true, opts: opts}, "message", (*MessagePayload).pageItems)
}

// DeleteMessageParams qualify a deletion.
type DeleteMessageParams struct {
	// Permanent deletes the message for good instead of marking it deleted (the default).
	Permanent *bool
}

// Delete deletes a message; params may be nil. DELETE /api/v5/messages/{messageId}.
// Idempotent by construction (a deleted message stays deleted), so it is retried like a
// read; a retry after a permanent deletion succeeded may answer ErrNotFound.
func (s *MessagesService) Delete(ctx context.Context, messageID string, params *DeleteMessageParams, opts ...CallOption) error {
	return softDelete(ctx, s.c, &request{op: "Messages.Delete", path: "/api/v5/messages/%s", opts: opts}, messagesID, messageID, (*softDeleteParams)(params))
}

// Flag flags a message as the caller (a user: call it on a Client.AsUser view) and returns
// it. POST /api/v5/messages/{messageId}/flags. Not retried once it may have reached the
// server: each flag counts.
func (s *MessagesService) Flag(ctx context.Context, messageID string, opts ...CallOption) (*MessagePayload, error) {
	return s.onMessage(ctx, messageID, &request{op: "Messages.Flag", method: http.MethodPost, path: "/api/v5/messages/%s/flags", opts: opts})
}

// Unflag removes the caller's flag from a message and returns it.
// DELETE /api/v5/messages/{messageId}/flags. Idempotent by construction (the caller's flag
// stays removed), so it is retried like a read.
func (s *MessagesService) Unflag(ctx context.Context, messageID string, opts ...CallOption) (*MessagePayload, error) {
	return s.onMessage(ctx, messageID, &request{op: "Messages.Unflag", method: http.MethodDelete, path: "/api/v5/messages/%s/flags", idempotent: true, opts: opts})
}

// ClearFlags removes every flag of a message (a moderator's dismissal) and returns it.
// DELETE /api/v5/messages/{messageId}/flags/all. Idempotent by construction (the flags stay
// removed), so it is retried like a read.
func (s *MessagesService) ClearFlags(ctx context.Context, messageID string, opts ...CallOption) (*MessagePayload, error) {
	return s.onMessage(ctx, messageID, &request{op: "Messages.ClearFlags", method: http.MethodDelete, path: "/api/v5/messages/%s/flags/all", idempotent: true, opts: opts})
}

// onMessage sends r, a call on one message (its path a format holding messageID), and decodes
// the message bundle.
func (s *MessagesService) onMessage(ctx context.Context, messageID string, r *request) (*MessagePayload, error) {
	return callOneOn(ctx, s.c, r, messagesID, messageID, "message", (*MessagePayload).pageItems)
}

// IsFlaggedByMe reports whether the caller flagged a message.
// GET /api/v5/messages/{messageId}/flags.
func (s *MessagesService) IsFlaggedByMe(ctx context.Context, messageID string, opts ...CallOption) (bool, error) {
	return isFlaggedByMe(ctx, s.c, &request{op: "Messages.IsFlaggedByMe", method: http.MethodGet, path: "/api/v5/messages/%s/flags", opts: opts}, messagesID, messageID)
}
