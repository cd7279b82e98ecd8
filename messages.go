package amity

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"math"
	"net/http"
	"net/url"
)

// MessagesService manages chat messages (v5 message feeds and v3) and their flags. Reach it as Client.Messages.
//
// The plain methods (Create, Get, List, Flag, ...) use the current v5 API, where a message
// belongs to a message feed (a sub-channel; a channel's default message feed has the
// channel's ID as its ID). The V3 methods use the older v3 API, where a message belongs to a
// channel directly and lists page by channel segment.
type MessagesService struct{ c *Client }

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
	// ChannelID and ChannelType are the channel of the message feed.
	ChannelID     string      `json:"channelId,omitempty"`
	ChannelType   ChannelType `json:"channelType,omitempty"`
	MessageFeedID string      `json:"messageFeedId,omitempty"`
	// Segment is the message's sequence number in its message feed.
	Segment  int             `json:"segment,omitempty"`
	DataType MessageDataType `json:"dataType,omitempty"`
	// Data is the content (less than 10 KB), e.g. {"text": "hi"}.
	Data map[string]any `json:"data,omitempty"`
	// FileID and ThumbnailFileID are attached files (see MessagePayload.MessageFiles).
	FileID          string `json:"fileId,omitempty"`
	ThumbnailFileID string `json:"thumbnailFileId,omitempty"`
	// Metadata is free-form JSON (less than 20 KB).
	Metadata map[string]any `json:"metadata,omitempty"`
	// Tags, at most 10.
	Tags []string `json:"tags,omitempty"`
	// CreatorID is the author (see MessagePayload.Author).
	CreatorID      string           `json:"creatorId,omitempty"`
	MentionedUsers []MessageMention `json:"mentionedUsers,omitempty"`
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

	// Raw is the message's JSON as received, with any field this type does not know.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes a message and keeps its raw JSON.
func (m *Message) UnmarshalJSON(b []byte) error {
	type plain Message
	return decodeRaw(b, (*plain)(m), &m.Raw)
}

// MessageFeed is a v5 message feed: a sub-channel of a channel that holds messages.
type MessageFeed struct {
	MessageFeedID string `json:"messageFeedId"`
	// ChannelID is the channel's internal ID; ChannelPublicID its public ID.
	ChannelID       string      `json:"channelId,omitempty"`
	ChannelPublicID string      `json:"channelPublicId,omitempty"`
	ChannelType     ChannelType `json:"channelType,omitempty"`
	Name            string      `json:"name,omitempty"`
	// LastMessageID and LastMessageTimestamp are the feed's latest message.
	LastMessageID        string `json:"lastMessageId,omitempty"`
	LastMessageTimestamp Time   `json:"lastMessageTimestamp"`
	CreatorID            string `json:"creatorId,omitempty"`
	Path                 string `json:"path,omitempty"`
	// ChildCount is the number of messages in the feed.
	ChildCount       int    `json:"childCount,omitempty"`
	IsDeleted        bool   `json:"isDeleted,omitempty"`
	EditedAt         Time   `json:"editedAt"`
	CreatedAt        Time   `json:"createdAt"`
	UpdatedAt        Time   `json:"updatedAt"`
	MessagePreviewID string `json:"messagePreviewId,omitempty"`

	// Raw is the message feed's JSON as received, with any field this type does not know.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes a message feed and keeps its raw JSON.
func (f *MessageFeed) UnmarshalJSON(b []byte) error {
	type plain MessageFeed
	return decodeRaw(b, (*plain)(f), &f.Raw)
}

// MessagePayload is the API's v5 message bundle: messages with their message feeds, files
// and users, and the cursors of list calls (Paging.Total is the number of matches).
type MessagePayload struct {
	Messages     []Message     `json:"messages"`
	MessageFeeds []MessageFeed `json:"messageFeeds"`
	Files        []File        `json:"files"`
	Users        []User        `json:"users"`
	Paging       Paging        `json:"paging"`
}

func (p *MessagePayload) pageItems() []Message { return p.Messages }
func (p *MessagePayload) pageInfo() Paging     { return p.Paging }

// Message returns the message with the given ID, or nil.
func (p *MessagePayload) Message(messageID string) *Message {
	for i := range p.Messages {
		if p.Messages[i].MessageID == messageID {
			return &p.Messages[i]
		}
	}
	return nil
}

// Author returns the sideloaded author of m, or nil.
func (p *MessagePayload) Author(m *Message) *User {
	if m == nil {
		return nil
	}
	return findUser(p.Users, m.CreatorID)
}

// User returns the sideloaded user with the given ID (public, internal or private), or nil.
func (p *MessagePayload) User(userID string) *User { return findUser(p.Users, userID) }

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

// File returns the sideloaded file with the given ID, or nil.
func (p *MessagePayload) File(fileID string) *File { return findFile(p.Files, fileID) }

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

func messagesFindFeed(feeds []MessageFeed, messageFeedID string) *MessageFeed {
	if messageFeedID == "" {
		return nil
	}
	for i := range feeds {
		if feeds[i].MessageFeedID == messageFeedID {
			return &feeds[i]
		}
	}
	return nil
}

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

// messagesOne checks that a single-message answer holds its message.
func messagesOne(p *MessagePayload, method, path string) (*MessagePayload, error) {
	if _, err := first(&request{method: method, path: path}, p.Messages, "message"); err != nil {
		return nil, err
	}
	return p, nil
}

// The v5 size limits of Data and Metadata ("less than 10 KB" and "less than 20 KB").
const (
	messagesDataLimit     = 10 * 1024
	messagesMetadataLimit = 20 * 1024
)

func messagesMentions(op string, mentions []MessageMention) error {
	for i, m := range mentions {
		field := fmt.Sprintf("MentionedUsers[%d]", i)
		if err := firstErr(
			oneOf(op, field+".Type", m.Type, MessageMentionUser, MessageMentionChannel),
			channelsStrings(op, field+".UserIDs", m.UserIDs, 50, 1, 24),
		); err != nil {
			return err
		}
	}
	return nil
}

// messagesID builds a v5 message path: IDs are at most 30 characters.
func messagesID(op, format, messageID string) (string, error) {
	path, err := pathf(op, format, id("messageID", messageID))
	if err != nil {
		return "", err
	}
	if err := maxLen(op, "messageID", messageID, 30); err != nil {
		return "", err
	}
	return path, nil
}

// ---- v5 messages ----

// CreateMessageParams describe a new v5 message. MessageFeedID, ReferenceID and DataType are
// required.
type CreateMessageParams struct {
	// MessageFeedID (required, at most 30 characters) is the feed to post in; a channel's
	// default feed has the channel's ID.
	MessageFeedID string `json:"messageFeedId"`
	// ParentID makes the message a reply (at most 30 characters).
	ParentID string `json:"parentId,omitempty"`
	// ReferenceID (required, at most 30 characters) is the caller's own reference for the
	// message, echoed in the answer.
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
	if p == nil {
		return &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	return firstErr(
		required(op, "MessageFeedID", p.MessageFeedID),
		maxLen(op, "MessageFeedID", p.MessageFeedID, 30),
		maxLen(op, "ParentID", p.ParentID, 30),
		required(op, "ReferenceID", p.ReferenceID),
		maxLen(op, "ReferenceID", p.ReferenceID, 30),
		required(op, "DataType", string(p.DataType)),
		maxLen(op, "DataType", string(p.DataType), 20),
		metadataSize(op, "Data", p.Data, messagesDataLimit),
		maxLen(op, "FileID", p.FileID, 30),
		metadataSize(op, "Metadata", p.Metadata, messagesMetadataLimit),
		channelsStrings(op, "Tags", p.Tags, 10, 0, 30),
		messagesMentions(op, p.MentionedUsers),
	)
}

// Create posts a message to a message feed and returns it (Messages[0] of the payload).
// POST /api/v5/messages. Not retried once it may have reached the server: a repeat would
// post the message twice.
func (s *MessagesService) Create(ctx context.Context, params *CreateMessageParams) (*MessagePayload, error) {
	const op = "Messages.Create"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	var p MessagePayload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v5/messages", body: params}, &p); err != nil {
		return nil, err
	}
	return messagesOne(&p, "POST", "/api/v5/messages")
}

// Get returns a message (Messages[0] of the payload) with its feed, files and users.
// GET /api/v5/messages/{messageId}.
func (s *MessagesService) Get(ctx context.Context, messageID string) (*MessagePayload, error) {
	const op = "Messages.Get"
	path, err := messagesID(op, "/api/v5/messages/%s", messageID)
	if err != nil {
		return nil, err
	}
	var p MessagePayload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: path}, &p); err != nil {
		return nil, err
	}
	return messagesOne(&p, "GET", path)
}

// GetMany returns the messages with the given IDs (1 to 10 IDs of at most 30 characters).
// GET /api/v5/messages/list.
func (s *MessagesService) GetMany(ctx context.Context, messageIDs []string) (*MessagePayload, error) {
	const op = "Messages.GetMany"
	if err := idList(op, "messageIDs", messageIDs, 10, 30); err != nil {
		return nil, err
	}
	q := query{}
	q.list("messageIds", messageIDs)
	var p MessagePayload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v5/messages/list", query: url.Values(q)}, &p); err != nil {
		return nil, err
	}
	return &p, nil
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
	// channel's ID.
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
	if p == nil {
		return nil, &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	if err := firstErr(
		p.PageParams.validate(op),
		channelsToken(op, p.PageToken, 100),
		required(op, "MessageFeedID", p.MessageFeedID),
		maxLen(op, "MessageFeedID", p.MessageFeedID, 30),
		maxLen(op, "ParentID", p.ParentID, 30),
		channelsStrings(op, "IncludeTags", p.IncludeTags, 10, 0, 30),
		channelsStrings(op, "ExcludeTags", p.ExcludeTags, 10, 0, 30),
		maxLen(op, "DataType", string(p.DataType), 20),
		maxLen(op, "After", p.After, 30),
		maxLen(op, "Before", p.Before, 30),
		maxLen(op, "Around", p.Around, 30),
		oneOf(op, "SortBy", p.SortBy, MessageSortSegmentDesc, MessageSortSegmentAsc),
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
func (s *MessagesService) List(ctx context.Context, params *ListMessagesParams) iter.Seq2[Message, error] {
	return listAllLegacy(ctx, params, s.ListPage)
}

// ListPage returns one page of a message feed's messages with their sideloads and cursors.
// GET /api/v5/messages.
func (s *MessagesService) ListPage(ctx context.Context, params *ListMessagesParams) (*MessagePayload, error) {
	const op = "Messages.ListPage"
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	var p MessagePayload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v5/messages", query: url.Values(q)}, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// ListByCreatorParams filter and page Messages.ListByCreator.
type ListByCreatorParams struct {
	// PageParams: Limit 1 to 100 (server default 10); PageToken at most 100 characters. With
	// a PageToken, After and Before are not sent.
	PageParams
	// ChannelID keeps the messages of one channel (at most 24 characters).
	ChannelID string
	// HasFlags true lists flagged messages only.
	HasFlags *bool
	// After and Before start the page after or before a message ID (at most 30 characters).
	After, Before string
}

func (p *ListByCreatorParams) query(op string) (query, error) {
	if p == nil {
		p = &ListByCreatorParams{}
	}
	if err := firstErr(
		p.PageParams.validate(op),
		channelsToken(op, p.PageToken, 100),
		maxLen(op, "ChannelID", p.ChannelID, 24),
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

// ListByCreator returns an iterator over the messages of one user across feeds, fetching
// pages as it goes; admins only. GET /api/v5/messages/user/{creatorId}.
func (s *MessagesService) ListByCreator(ctx context.Context, creatorID string, params *ListByCreatorParams) iter.Seq2[Message, error] {
	return listAllLegacy(ctx, params, func(ctx context.Context, p *ListByCreatorParams) (*MessagePayload, error) {
		return s.ListByCreatorPage(ctx, creatorID, p)
	})
}

// ListByCreatorPage returns one page of a user's messages (creatorID at most 24
// characters); admins only. GET /api/v5/messages/user/{creatorId}.
func (s *MessagesService) ListByCreatorPage(ctx context.Context, creatorID string, params *ListByCreatorParams) (*MessagePayload, error) {
	const op = "Messages.ListByCreatorPage"
	path, err := pathf(op, "/api/v5/messages/user/%s", id("creatorID", creatorID))
	if err != nil {
		return nil, err
	}
	if err := maxLen(op, "creatorID", creatorID, 24); err != nil {
		return nil, err
	}
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	var p MessagePayload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: path, query: url.Values(q)}, &p); err != nil {
		return nil, err
	}
	return &p, nil
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

// Update changes a message and returns it (Messages[0] of the payload).
// PUT /api/v5/messages/{messageId}. Idempotent by construction (it sets fields to the given
// values), so it is retried like a read.
func (s *MessagesService) Update(ctx context.Context, messageID string, params *UpdateMessageParams) (*MessagePayload, error) {
	const op = "Messages.Update"
	path, err := messagesID(op, "/api/v5/messages/%s", messageID)
	if err != nil {
		return nil, err
	}
	if params == nil {
		return nil, &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	if err := firstErr(
		metadataSize(op, "Data", params.Data, messagesDataLimit),
		metadataSize(op, "Metadata", params.Metadata, messagesMetadataLimit),
		channelsStrings(op, "Tags", params.Tags, 10, 0, 30),
		messagesMentions(op, params.MentionedUsers),
	); err != nil {
		return nil, err
	}
	var p MessagePayload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true}, &p); err != nil {
		return nil, err
	}
	return messagesOne(&p, "PUT", path)
}

// DeleteMessageParams qualify a deletion.
type DeleteMessageParams struct {
	// Permanent deletes the message for good instead of marking it deleted (the default).
	Permanent *bool
}

// Delete deletes a message; params may be nil. DELETE /api/v5/messages/{messageId}.
// Idempotent by construction (a deleted message stays deleted), so it is retried like a
// read; a retry after a permanent deletion succeeded may answer ErrNotFound.
func (s *MessagesService) Delete(ctx context.Context, messageID string, params *DeleteMessageParams) error {
	const op = "Messages.Delete"
	path, err := messagesID(op, "/api/v5/messages/%s", messageID)
	if err != nil {
		return err
	}
	q := query{}
	if params != nil {
		q.boolean("permanent", params.Permanent)
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, query: url.Values(q), idempotent: true}, nil)
}

// Flag flags a message as the caller (a user: call it on a Client.AsUser view) and returns
// it. POST /api/v5/messages/{messageId}/flags. Not retried once it may have reached the
// server: each flag counts.
func (s *MessagesService) Flag(ctx context.Context, messageID string) (*MessagePayload, error) {
	return s.flags(ctx, "Messages.Flag", http.MethodPost, "/api/v5/messages/%s/flags", messageID, false)
}

// Unflag removes the caller's flag from a message and returns it.
// DELETE /api/v5/messages/{messageId}/flags. Idempotent by construction (the caller's flag
// stays removed), so it is retried like a read.
func (s *MessagesService) Unflag(ctx context.Context, messageID string) (*MessagePayload, error) {
	return s.flags(ctx, "Messages.Unflag", http.MethodDelete, "/api/v5/messages/%s/flags", messageID, true)
}

// ClearFlags removes every flag of a message (a moderator's dismissal) and returns it.
// DELETE /api/v5/messages/{messageId}/flags/all. Idempotent by construction (the flags stay
// removed), so it is retried like a read.
func (s *MessagesService) ClearFlags(ctx context.Context, messageID string) (*MessagePayload, error) {
	return s.flags(ctx, "Messages.ClearFlags", http.MethodDelete, "/api/v5/messages/%s/flags/all", messageID, true)
}

func (s *MessagesService) flags(ctx context.Context, op, method, format, messageID string, idempotent bool) (*MessagePayload, error) {
	path, err := messagesID(op, format, messageID)
	if err != nil {
		return nil, err
	}
	var p MessagePayload
	if err := s.c.do(ctx, &request{op: op, method: method, path: path, idempotent: idempotent}, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// IsFlaggedByMe reports whether the caller flagged a message.
// GET /api/v5/messages/{messageId}/flags.
func (s *MessagesService) IsFlaggedByMe(ctx context.Context, messageID string) (bool, error) {
	const op = "Messages.IsFlaggedByMe"
	path, err := messagesID(op, "/api/v5/messages/%s/flags", messageID)
	if err != nil {
		return false, err
	}
	var out struct {
		Result bool `json:"result"`
	}
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: path}, &out); err != nil {
		return false, err
	}
	return out.Result, nil
}

// ---- v3 messages ----

// MessageV3Mentionee is a mention in a v3 message: users (at most 30 IDs) or the whole
// channel. UserPublicIDs and UserInternalIDs are filled in answers only.
type MessageV3Mentionee struct {
	// Type (required) is user or channel.
	Type MessageMentionType `json:"type"`
	// UserIDs are the mentioned users; leave empty for a channel mention.
	UserIDs         []string `json:"userIds,omitempty"`
	UserPublicIDs   []string `json:"userPublicIds,omitempty"`
	UserInternalIDs []string `json:"userInternalIds,omitempty"`
}

// MessageV3Reaction is the latest reaction to a v3 message, sent with real-time events.
type MessageV3Reaction struct {
	ReferenceID     string `json:"referenceId,omitempty"`
	ReferenceType   string `json:"referenceType,omitempty"`
	ReactionName    string `json:"reactionName,omitempty"`
	UserID          string `json:"userId,omitempty"`
	UserDisplayName string `json:"userDisplayName,omitempty"`
	ReactionID      string `json:"reactionId,omitempty"`
	EventName       string `json:"eventName,omitempty"`
	CreatedAt       Time   `json:"createdAt"`
}

// MessageV3 is a v3 chat message: it belongs to a channel and is ordered by ChannelSegment.
type MessageV3 struct {
	// ID is the message's private ID; Path its real-time event path.
	ID        string `json:"_id,omitempty"`
	Path      string `json:"path,omitempty"`
	MessageID string `json:"messageId"`
	ChannelID string `json:"channelId,omitempty"`
	// UserID is the author (see MessageV3Payload.Author).
	UserID string `json:"userId,omitempty"`
	// Type is text, image, file, custom, video, audio or imagemap.
	Type MessageDataType `json:"type,omitempty"`
	// Data is the content, e.g. {"text": "hi"}.
	Data map[string]any `json:"data,omitempty"`
	// ChannelSegment is the message's sequence number in the channel.
	ChannelSegment int      `json:"channelSegment,omitempty"`
	ParentID       string   `json:"parentId,omitempty"`
	FileID         string   `json:"fileId,omitempty"`
	Tags           []string `json:"tags,omitempty"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
	// FlagCount is how many users flagged the message; HashFlag is the bloom filter of who.
	FlagCount int       `json:"flagCount,omitempty"`
	HashFlag  *HashFlag `json:"hashFlag,omitempty"`
	// ChildrenNumber counts the replies.
	ChildrenNumber int `json:"childrenNumber,omitempty"`
	// Reactions counts the reactions by name; ReactionsCount is their total; MyReactions are
	// the caller's.
	ReactionsCount int                   `json:"reactionsCount,omitempty"`
	Reactions      MessageReactionCounts `json:"reactions,omitempty"`
	MyReactions    []string              `json:"myReactions,omitempty"`
	// LatestReaction is set in real-time events only.
	LatestReaction *MessageV3Reaction   `json:"latestReaction,omitempty"`
	IsDeleted      bool                 `json:"isDeleted,omitempty"`
	CreatedAt      Time                 `json:"createdAt"`
	UpdatedAt      Time                 `json:"updatedAt"`
	EditedAt       Time                 `json:"editedAt"`
	Mentionees     []MessageV3Mentionee `json:"mentionees,omitempty"`

	// Raw is the message's JSON as received, with any field this type does not know.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes a v3 message and keeps its raw JSON.
func (m *MessageV3) UnmarshalJSON(b []byte) error {
	type plain MessageV3
	return decodeRaw(b, (*plain)(m), &m.Raw)
}

// MessageV3Payload is the API's v3 message bundle: messages with their users and files, and
// the cursors of list calls (Paging.Previous holds the API's "prev").
type MessageV3Payload struct {
	Messages []MessageV3 `json:"messages"`
	Users    []User      `json:"users"`
	Files    []File      `json:"files"`
	Paging   Paging      `json:"paging"`
}

func (p *MessageV3Payload) pageItems() []MessageV3 { return p.Messages }
func (p *MessageV3Payload) pageInfo() Paging       { return p.Paging }

// Message returns the message with the given ID, or nil.
func (p *MessageV3Payload) Message(messageID string) *MessageV3 {
	for i := range p.Messages {
		if p.Messages[i].MessageID == messageID {
			return &p.Messages[i]
		}
	}
	return nil
}

// Author returns the sideloaded author of m, or nil.
func (p *MessageV3Payload) Author(m *MessageV3) *User {
	if m == nil {
		return nil
	}
	return findUser(p.Users, m.UserID)
}

// User returns the sideloaded user with the given ID (public, internal or private), or nil.
func (p *MessageV3Payload) User(userID string) *User { return findUser(p.Users, userID) }

// File returns the sideloaded file with the given ID, or nil.
func (p *MessageV3Payload) File(fileID string) *File { return findFile(p.Files, fileID) }

// MessageFiles returns the sideloaded file of m, if any.
func (p *MessageV3Payload) MessageFiles(m *MessageV3) []File {
	if m == nil {
		return nil
	}
	return messagesFiles(p.Files, m.FileID)
}

func messagesV3One(p *MessageV3Payload, method, path string) (*MessageV3Payload, error) {
	if _, err := first(&request{method: method, path: path}, p.Messages, "message"); err != nil {
		return nil, err
	}
	return p, nil
}

// messagesV3ID builds a v3 message path: IDs are at most 150 characters.
func messagesV3ID(op, format, messageID string) (string, error) {
	path, err := pathf(op, format, id("messageID", messageID))
	if err != nil {
		return "", err
	}
	if err := maxLen(op, "messageID", messageID, 150); err != nil {
		return "", err
	}
	return path, nil
}

func messagesV3Type(op string, t MessageDataType) error {
	return oneOf(op, "Type", t, MessageDataTypeText, MessageDataTypeImage, MessageDataTypeFile, MessageDataTypeCustom,
		MessageDataTypeVideo, MessageDataTypeAudio, MessageDataTypeImageMap)
}

// messagesV3Content checks the data, tags and mentionees of a v3 create or update.
func messagesV3Content(op string, data map[string]any, tags []string, mentionees []MessageV3Mentionee) error {
	if text, ok := data["text"]; ok {
		s, isString := text.(string)
		if !isString {
			return &ValidationError{Op: op, Field: "Data.text", Reason: "must be a string"}
		}
		if err := maxLen(op, "Data.text", s, 20000); err != nil {
			return err
		}
	}
	if err := firstErr(
		channelsStrings(op, "Tags", tags, 10, 0, 30),
		maxItems(op, "Mentionees", len(mentionees), 2),
	); err != nil {
		return err
	}
	for i, m := range mentionees {
		field := fmt.Sprintf("Mentionees[%d]", i)
		if m.Type == "" {
			return &ValidationError{Op: op, Field: field + ".Type", Reason: "is required"}
		}
		if err := firstErr(
			oneOf(op, field+".Type", m.Type, MessageMentionUser, MessageMentionChannel),
			maxItems(op, field+".UserIDs", len(m.UserIDs), 30),
		); err != nil {
			return err
		}
	}
	return nil
}

// CreateMessageV3Params describe a new v3 message. ChannelID is required.
type CreateMessageV3Params struct {
	// ChannelID (required, at most 150 characters) is the channel to post in.
	ChannelID string `json:"channelId"`
	// MessageID sets the new message's ID (at most 150 characters); empty lets the server
	// pick one.
	MessageID string `json:"messageId,omitempty"`
	// Type is text (the server's default), image, file, custom, video, audio or imagemap.
	Type MessageDataType `json:"type,omitempty"`
	// Data is the content; for text, {"text": "..."} with at most 20,000 characters.
	Data map[string]any `json:"data,omitempty"`
	// FileID attaches an uploaded file (at most 50 characters).
	FileID string `json:"fileId,omitempty"`
	// ParentID makes the message a reply (at most 150 characters).
	ParentID string `json:"parentId,omitempty"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
	// Tags, at most 10 of at most 30 characters.
	Tags []string `json:"tags,omitempty"`
	// Mentionees (at most 2) notify users or the whole channel.
	Mentionees []MessageV3Mentionee `json:"mentionees,omitempty"`
}

// CreateV3 posts a message to a channel with the v3 API and returns it (Messages[0] of the
// payload). POST /api/v3/messages. It differs from Create (v5) in addressing a channel
// rather than a message feed, in its typed Type and in its mentionees. Not retried once it
// may have reached the server: a repeat would post the message twice.
func (s *MessagesService) CreateV3(ctx context.Context, params *CreateMessageV3Params) (*MessageV3Payload, error) {
	const op = "Messages.CreateV3"
	if params == nil {
		return nil, &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	if err := firstErr(
		required(op, "ChannelID", params.ChannelID),
		maxLen(op, "ChannelID", params.ChannelID, 150),
		maxLen(op, "MessageID", params.MessageID, 150),
		messagesV3Type(op, params.Type),
		maxLen(op, "FileID", params.FileID, 50),
		maxLen(op, "ParentID", params.ParentID, 150),
		messagesV3Content(op, params.Data, params.Tags, params.Mentionees),
	); err != nil {
		return nil, err
	}
	var p MessageV3Payload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v3/messages", body: params}, &p); err != nil {
		return nil, err
	}
	return messagesV3One(&p, "POST", "/api/v3/messages")
}

// GetV3 returns a message with the v3 API (Messages[0] of the payload).
// GET /api/v3/messages/{messageId}. See Get for the v5 form.
func (s *MessagesService) GetV3(ctx context.Context, messageID string) (*MessageV3Payload, error) {
	const op = "Messages.GetV3"
	path, err := messagesV3ID(op, "/api/v3/messages/%s", messageID)
	if err != nil {
		return nil, err
	}
	var p MessageV3Payload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: path}, &p); err != nil {
		return nil, err
	}
	return messagesV3One(&p, "GET", path)
}

// GetManyV3 returns the messages with the given IDs (1 to 10 IDs of at most 150
// characters) with the v3 API. GET /api/v3/messages/list. See GetMany for the v5 form.
func (s *MessagesService) GetManyV3(ctx context.Context, messageIDs []string) (*MessageV3Payload, error) {
	const op = "Messages.GetManyV3"
	if err := idList(op, "messageIDs", messageIDs, 10, 150); err != nil {
		return nil, err
	}
	q := query{}
	q.list("messageIds", messageIDs)
	var p MessageV3Payload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v3/messages/list", query: url.Values(q)}, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// ListMessagesV3Params filter and page Messages.ListV3. ChannelID is required. The v3 API
// pages by channel segment: First or Last take the oldest or newest messages (1 to 100),
// After or Before start after or before a segment; then PageToken (at most 1,000
// characters) carries the position and the segment options are not sent with it.
type ListMessagesV3Params struct {
	// ChannelID (required, at most 100 characters).
	ChannelID string
	// Type keeps messages of one type.
	Type MessageDataType
	// ParentID lists the replies to a message (at most 150 characters); FilterByParentID
	// applies it even when empty (top-level messages only).
	ParentID         string
	FilterByParentID *bool
	// HasFlags true lists flagged messages only (sent as hasFlag).
	HasFlags *bool
	// IsDeleted: nil lists both, true deleted messages only, false live ones only.
	IsDeleted *bool
	// Tags: messages having all of them; ExcludeTags: messages having none of them (each at
	// most 10 tags of at most 100 characters).
	Tags        []string
	ExcludeTags []string
	// First and Last: the oldest or newest messages, 1 to 100.
	First, Last int
	// After and Before: segment numbers (1 or more).
	After, Before int
	// PageToken is a Paging.Next or Paging.Previous from an earlier page.
	PageToken string
}

func (p *ListMessagesV3Params) token() *string { return &p.PageToken }

func (p *ListMessagesV3Params) query(op string) (query, error) {
	if p == nil {
		return nil, &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	checks := []error{
		required(op, "ChannelID", p.ChannelID),
		maxLen(op, "ChannelID", p.ChannelID, 100),
		messagesV3Type(op, p.Type),
		maxLen(op, "ParentID", p.ParentID, 150),
		channelsStrings(op, "Tags", p.Tags, 10, 0, 100),
		channelsStrings(op, "ExcludeTags", p.ExcludeTags, 10, 0, 100),
		PageParams{PageToken: p.PageToken}.validate(op),
		channelsToken(op, p.PageToken, 1000),
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"First", p.First}, {"Last", p.Last}} {
		if f.v < 0 || f.v > 100 {
			checks = append(checks, &ValidationError{Op: op, Field: f.name, Reason: "must be between 1 and 100 (0 to leave it out)"})
		}
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"After", p.After}, {"Before", p.Before}} {
		if f.v < 0 {
			checks = append(checks, &ValidationError{Op: op, Field: f.name, Reason: "must be a segment number of 1 or more (0 to leave it out)"})
		}
	}
	if err := firstErr(checks...); err != nil {
		return nil, err
	}
	q := query{}
	q.str("channelId", p.ChannelID)
	q.str("type", string(p.Type))
	q.str("parentId", p.ParentID)
	q.boolean("filterByParentId", p.FilterByParentID)
	q.boolean("hasFlag", p.HasFlags)
	q.boolean("isDeleted", p.IsDeleted)
	q.list("tags", p.Tags)
	q.list("excludeTags", p.ExcludeTags)
	if p.PageToken == "" {
		q.integer("options[first]", p.First)
		q.integer("options[last]", p.Last)
		q.integer("options[after]", p.After)
		q.integer("options[before]", p.Before)
	}
	q.str("options[token]", p.PageToken)
	return q, nil
}

// ListV3 returns an iterator over a channel's messages with the v3 API, fetching pages as
// it goes. GET /api/v3/messages. It differs from List (v5) in addressing a channel rather
// than a message feed and in paging by segment (see ListMessagesV3Params).
func (s *MessagesService) ListV3(ctx context.Context, params *ListMessagesV3Params) iter.Seq2[MessageV3, error] {
	return listAllLegacy(ctx, params, s.ListV3Page)
}

// ListV3Page returns one page of a channel's messages with the v3 API.
// GET /api/v3/messages. See ListV3.
func (s *MessagesService) ListV3Page(ctx context.Context, params *ListMessagesV3Params) (*MessageV3Payload, error) {
	const op = "Messages.ListV3Page"
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	var p MessageV3Payload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v3/messages", query: url.Values(q)}, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// UpdateMessageV3Params change a v3 message. Nil fields are left as they are.
type UpdateMessageV3Params struct {
	// Data replaces the content; for text, {"text": "..."} with at most 20,000 characters.
	Data map[string]any `json:"data,omitempty"`
	// Metadata replaces the metadata.
	Metadata map[string]any `json:"metadata,omitempty"`
	// Tags replaces the tags (at most 10 of at most 30 characters).
	Tags []string `json:"tags,omitempty"`
	// Mentionees (at most 2) replaces the mentions.
	Mentionees []MessageV3Mentionee `json:"mentionees,omitempty"`
}

// UpdateV3 changes a message with the v3 API and returns it (Messages[0] of the payload).
// PUT /api/v3/messages/{messageId}. See Update for the v5 form. Idempotent by construction
// (it sets fields to the given values), so it is retried like a read.
func (s *MessagesService) UpdateV3(ctx context.Context, messageID string, params *UpdateMessageV3Params) (*MessageV3Payload, error) {
	const op = "Messages.UpdateV3"
	path, err := messagesV3ID(op, "/api/v3/messages/%s", messageID)
	if err != nil {
		return nil, err
	}
	if params == nil {
		return nil, &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	if err := messagesV3Content(op, params.Data, params.Tags, params.Mentionees); err != nil {
		return nil, err
	}
	var p MessageV3Payload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true}, &p); err != nil {
		return nil, err
	}
	return messagesV3One(&p, "PUT", path)
}

// DeleteV3 deletes a message with the v3 API. DELETE /api/v3/messages/{messageId}. See
// Delete for the v5 form, which can also delete permanently. Idempotent by construction (a
// deleted message stays deleted), so it is retried like a read.
func (s *MessagesService) DeleteV3(ctx context.Context, messageID string) error {
	const op = "Messages.DeleteV3"
	path, err := messagesV3ID(op, "/api/v3/messages/%s", messageID)
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, idempotent: true}, &channelsStatus{})
}

// FlagV3 flags a message as the caller with the v3 API and returns it.
// POST /api/v3/messages/{messageId}/flag. See Flag for the v5 form. Not retried once it may
// have reached the server: each flag counts.
func (s *MessagesService) FlagV3(ctx context.Context, messageID string) (*MessageV3Payload, error) {
	return s.flagsV3(ctx, "Messages.FlagV3", http.MethodPost, "/api/v3/messages/%s/flag", messageID, false)
}

// UnflagV3 removes the caller's flag from a message with the v3 API and returns it.
// DELETE /api/v3/messages/{messageId}/unflag. See Unflag for the v5 form. Idempotent by
// construction (the caller's flag stays removed), so it is retried like a read.
func (s *MessagesService) UnflagV3(ctx context.Context, messageID string) (*MessageV3Payload, error) {
	return s.flagsV3(ctx, "Messages.UnflagV3", http.MethodDelete, "/api/v3/messages/%s/unflag", messageID, true)
}

// ClearFlagsV3 removes every flag of a message with the v3 API and returns it.
// DELETE /api/v3/messages/{messageId}/clearFlags. See ClearFlags for the v5 form.
// Idempotent by construction (the flags stay removed), so it is retried like a read.
func (s *MessagesService) ClearFlagsV3(ctx context.Context, messageID string) (*MessageV3Payload, error) {
	return s.flagsV3(ctx, "Messages.ClearFlagsV3", http.MethodDelete, "/api/v3/messages/%s/clearFlags", messageID, true)
}

func (s *MessagesService) flagsV3(ctx context.Context, op, method, format, messageID string, idempotent bool) (*MessageV3Payload, error) {
	path, err := messagesV3ID(op, format, messageID)
	if err != nil {
		return nil, err
	}
	var p MessageV3Payload
	if err := s.c.do(ctx, &request{op: op, method: method, path: path, idempotent: idempotent}, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// IsFlaggedByMeV3 reports whether the caller flagged a message, with the v3 API.
// GET /api/v3/messages/{messageId}/isFlaggedByMe. See IsFlaggedByMe for the v5 form.
func (s *MessagesService) IsFlaggedByMeV3(ctx context.Context, messageID string) (bool, error) {
	const op = "Messages.IsFlaggedByMeV3"
	path, err := messagesV3ID(op, "/api/v3/messages/%s/isFlaggedByMe", messageID)
	if err != nil {
		return false, err
	}
	var out struct {
		Status string `json:"status"`
		Data   struct {
			Result bool `json:"result"`
		} `json:"data"`
	}
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: path}, &out); err != nil {
		return false, err
	}
	return out.Data.Result, nil
}

// ---- v5 message feeds ----

// MessageFeedPayload is the API's message-feed bundle: message feeds with their latest
// messages and users, and the cursors of list calls (Paging.Total is the number of matches).
type MessageFeedPayload struct {
	MessageFeeds []MessageFeed `json:"messageFeeds"`
	Messages     []Message     `json:"messages"`
	Users        []User        `json:"users"`
	Paging       Paging        `json:"paging"`
}

func (p *MessageFeedPayload) pageItems() []MessageFeed { return p.MessageFeeds }
func (p *MessageFeedPayload) pageInfo() Paging         { return p.Paging }

// MessageFeed returns the message feed with the given ID, or nil.
func (p *MessageFeedPayload) MessageFeed(messageFeedID string) *MessageFeed {
	return messagesFindFeed(p.MessageFeeds, messageFeedID)
}

// Creator returns the sideloaded creator of f, or nil.
func (p *MessageFeedPayload) Creator(f *MessageFeed) *User {
	if f == nil {
		return nil
	}
	return findUser(p.Users, f.CreatorID)
}

// LastMessage returns the sideloaded latest message of f, or nil.
func (p *MessageFeedPayload) LastMessage(f *MessageFeed) *Message {
	if f == nil || f.LastMessageID == "" {
		return nil
	}
	for i := range p.Messages {
		if p.Messages[i].MessageID == f.LastMessageID {
			return &p.Messages[i]
		}
	}
	return nil
}

// User returns the sideloaded user with the given ID (public, internal or private), or nil.
func (p *MessageFeedPayload) User(userID string) *User { return findUser(p.Users, userID) }

func messagesFeedOne(p *MessageFeedPayload, method, path string) (*MessageFeedPayload, error) {
	if _, err := first(&request{method: method, path: path}, p.MessageFeeds, "message feed"); err != nil {
		return nil, err
	}
	return p, nil
}

// messagesFeedPath builds a message-feed path from an ID of at most 30 characters.
func messagesFeedPath(op, format, name, value string) (string, error) {
	path, err := pathf(op, format, id(name, value))
	if err != nil {
		return "", err
	}
	if err := maxLen(op, name, value, 30); err != nil {
		return "", err
	}
	return path, nil
}

// CreateMessageFeedParams describe a new message feed (sub-channel). ChannelID and Name are
// required.
type CreateMessageFeedParams struct {
	// ChannelID (required, at most 30 characters) is the channel's internal ID
	// (Channel.ChannelInternalID).
	ChannelID string `json:"channelId"`
	// Name (required, at most 100 characters).
	Name string `json:"name"`
	// CreatedAt backdates the feed (e.g. when importing history).
	CreatedAt *Time `json:"createdAt,omitempty"`
}

// CreateFeed adds a message feed to a channel and returns it (MessageFeeds[0] of the
// payload). POST /api/v5/message-feeds. Not retried once it may have reached the server: a
// repeat would add a second feed.
func (s *MessagesService) CreateFeed(ctx context.Context, params *CreateMessageFeedParams) (*MessageFeedPayload, error) {
	const op = "Messages.CreateFeed"
	if params == nil {
		return nil, &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	if err := firstErr(
		required(op, "ChannelID", params.ChannelID),
		maxLen(op, "ChannelID", params.ChannelID, 30),
		required(op, "Name", params.Name),
		maxLen(op, "Name", params.Name, 100),
	); err != nil {
		return nil, err
	}
	const path = "/api/v5/message-feeds"
	var p MessageFeedPayload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodPost, path: path, body: params}, &p); err != nil {
		return nil, err
	}
	return messagesFeedOne(&p, "POST", path)
}

// GetFeed returns a message feed (MessageFeeds[0] of the payload) with its latest message.
// GET /api/v5/message-feeds/{messageFeedId}.
func (s *MessagesService) GetFeed(ctx context.Context, messageFeedID string) (*MessageFeedPayload, error) {
	const op = "Messages.GetFeed"
	path, err := messagesFeedPath(op, "/api/v5/message-feeds/%s", "messageFeedID", messageFeedID)
	if err != nil {
		return nil, err
	}
	var p MessageFeedPayload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: path}, &p); err != nil {
		return nil, err
	}
	return messagesFeedOne(&p, "GET", path)
}

// GetFeeds returns the message feeds with the given IDs (1 to 10 IDs of at most 30
// characters). GET /api/v5/message-feeds/list.
func (s *MessagesService) GetFeeds(ctx context.Context, messageFeedIDs []string) (*MessageFeedPayload, error) {
	const op = "Messages.GetFeeds"
	if err := idList(op, "messageFeedIDs", messageFeedIDs, 10, 30); err != nil {
		return nil, err
	}
	q := query{}
	q.list("messageFeedIds", messageFeedIDs)
	var p MessageFeedPayload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v5/message-feeds/list", query: url.Values(q)}, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// UpdateMessageFeedParams change a message feed.
type UpdateMessageFeedParams struct {
	// Name (required, at most 100 characters).
	Name string `json:"name"`
}

// UpdateFeed renames a message feed (not a channel's default feed) and returns it
// (MessageFeeds[0] of the payload). PUT /api/v5/message-feeds/{messageFeedId}. Idempotent
// by construction (it sets the name), so it is retried like a read.
func (s *MessagesService) UpdateFeed(ctx context.Context, messageFeedID string, params *UpdateMessageFeedParams) (*MessageFeedPayload, error) {
	const op = "Messages.UpdateFeed"
	path, err := messagesFeedPath(op, "/api/v5/message-feeds/%s", "messageFeedID", messageFeedID)
	if err != nil {
		return nil, err
	}
	if params == nil {
		return nil, &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	if err := firstErr(required(op, "Name", params.Name), maxLen(op, "Name", params.Name, 100)); err != nil {
		return nil, err
	}
	var p MessageFeedPayload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true}, &p); err != nil {
		return nil, err
	}
	return messagesFeedOne(&p, "PUT", path)
}

// DeleteMessageFeedParams qualify the deletion of a message feed.
type DeleteMessageFeedParams struct {
	// Permanent deletes the feed for good instead of marking it deleted (the default).
	Permanent *bool
}

// DeleteFeed deletes a message feed (not a channel's default feed); params may be nil.
// DELETE /api/v5/message-feeds/{messageFeedId}. Idempotent by construction (a deleted feed
// stays deleted), so it is retried like a read.
func (s *MessagesService) DeleteFeed(ctx context.Context, messageFeedID string, params *DeleteMessageFeedParams) error {
	const op = "Messages.DeleteFeed"
	path, err := messagesFeedPath(op, "/api/v5/message-feeds/%s", "messageFeedID", messageFeedID)
	if err != nil {
		return err
	}
	q := query{}
	if params != nil {
		q.boolean("permanent", params.Permanent)
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, query: url.Values(q), idempotent: true}, nil)
}

// MessageFeedSortBy orders message feeds.
type MessageFeedSortBy string

// Message feed orders.
const (
	MessageFeedSortLastMessageDesc MessageFeedSortBy = "lastMessageTimestampDesc"
	MessageFeedSortLastMessageAsc  MessageFeedSortBy = "lastMessageTimestampAsc"
)

// ListMessageFeedsParams filter and page Messages.ListFeeds and Messages.ListFeedsByCreator.
type ListMessageFeedsParams struct {
	// PageParams: Limit 1 to 100 (server default 10); PageToken at most 100 characters. With
	// a PageToken, After, Before and SortBy are not sent.
	PageParams
	// IsDeleted: the server's default is false (live feeds only).
	IsDeleted *bool
	// After and Before start the page after or before a message feed ID (at most 30
	// characters).
	After, Before string
	// SortBy: lastMessageTimestampDesc (default) or lastMessageTimestampAsc.
	SortBy MessageFeedSortBy
}

func (p *ListMessageFeedsParams) query(op string) (query, error) {
	if p == nil {
		p = &ListMessageFeedsParams{}
	}
	if err := firstErr(
		p.PageParams.validate(op),
		channelsToken(op, p.PageToken, 100),
		maxLen(op, "After", p.After, 30),
		maxLen(op, "Before", p.Before, 30),
		oneOf(op, "SortBy", p.SortBy, MessageFeedSortLastMessageDesc, MessageFeedSortLastMessageAsc),
	); err != nil {
		return nil, err
	}
	q := query{}
	q.boolean("isDeleted", p.IsDeleted)
	if p.PageToken == "" {
		q.str("options[after]", p.After)
		q.str("options[before]", p.Before)
		q.str("options[sortBy]", string(p.SortBy))
	}
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// ListFeeds returns an iterator over the message feeds of a channel, fetching pages as it
// goes. GET /api/v5/message-feeds/channel/{channelId}; channelID is the channel's internal
// ID (at most 30 characters).
func (s *MessagesService) ListFeeds(ctx context.Context, channelID string, params *ListMessageFeedsParams) iter.Seq2[MessageFeed, error] {
	return listAllLegacy(ctx, params, func(ctx context.Context, p *ListMessageFeedsParams) (*MessageFeedPayload, error) {
		return s.ListFeedsPage(ctx, channelID, p)
	})
}

// ListFeedsPage returns one page of a channel's message feeds.
// GET /api/v5/message-feeds/channel/{channelId}. See ListFeeds.
func (s *MessagesService) ListFeedsPage(ctx context.Context, channelID string, params *ListMessageFeedsParams) (*MessageFeedPayload, error) {
	return s.listFeedsPage(ctx, "Messages.ListFeedsPage", "/api/v5/message-feeds/channel/%s", "channelID", channelID, params)
}

// ListFeedsByCreator returns an iterator over the message feeds a user created, fetching
// pages as it goes. GET /api/v5/message-feeds/user/{creatorId}; creatorID is at most 30
// characters. The spec declares no paging for this answer: when the server sends none, the
// iteration ends after the first page.
func (s *MessagesService) ListFeedsByCreator(ctx context.Context, creatorID string, params *ListMessageFeedsParams) iter.Seq2[MessageFeed, error] {
	return listAllLegacy(ctx, params, func(ctx context.Context, p *ListMessageFeedsParams) (*MessageFeedPayload, error) {
		return s.ListFeedsByCreatorPage(ctx, creatorID, p)
	})
}

// ListFeedsByCreatorPage returns one page of the message feeds a user created.
// GET /api/v5/message-feeds/user/{creatorId}. See ListFeedsByCreator.
func (s *MessagesService) ListFeedsByCreatorPage(ctx context.Context, creatorID string, params *ListMessageFeedsParams) (*MessageFeedPayload, error) {
	return s.listFeedsPage(ctx, "Messages.ListFeedsByCreatorPage", "/api/v5/message-feeds/user/%s", "creatorID", creatorID, params)
}

func (s *MessagesService) listFeedsPage(ctx context.Context, op, format, name, value string, params *ListMessageFeedsParams) (*MessageFeedPayload, error) {
	path, err := messagesFeedPath(op, format, name, value)
	if err != nil {
		return nil, err
	}
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	var p MessageFeedPayload
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: path, query: url.Values(q)}, &p); err != nil {
		return nil, err
	}
	return &p, nil
}
