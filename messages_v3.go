package amity

// This file is the v3 messages API: Messages.V3 (MessagesV3Service) and its V3... types.

import (
	"context"
	"fmt"
	"iter"
	"net/http"
)

// MessagesV3Service holds the v3 message operations, which have current v5 forms on
// MessagesService. Reach it as Client.Messages.V3.
type MessagesV3Service struct{ c *Client }

// V3MessageMentionee is a mention in a v3 message: users (at most 30 IDs) or the whole
// channel. UserPublicIDs and UserInternalIDs are filled in answers only.
type V3MessageMentionee struct {
	// Type (required) is user or channel.
	Type MessageMentionType `json:"type"`
	// UserIDs are the mentioned users; leave empty for a channel mention.
	UserIDs         []string `json:"userIds,omitempty"`
	UserPublicIDs   []string `json:"userPublicIds,omitempty"`
	UserInternalIDs []string `json:"userInternalIds,omitempty"`
}

// V3MessageReaction is the latest reaction to a v3 message, sent with real-time events.
type V3MessageReaction struct {
	ReferenceID     string `json:"referenceId,omitempty"`
	ReferenceType   string `json:"referenceType,omitempty"`
	ReactionName    string `json:"reactionName,omitempty"`
	UserID          string `json:"userId,omitempty"`
	UserDisplayName string `json:"userDisplayName,omitempty"`
	ReactionID      string `json:"reactionId,omitempty"`
	EventName       string `json:"eventName,omitempty"`
	CreatedAt       Time   `json:"createdAt"`
}

// V3Message is a v3 chat message: it belongs to a channel and is ordered by ChannelSegment.
type V3Message struct {
	// ID is the message's private ID; Path its real-time event path.
	ID        string `json:"_id,omitempty"`
	Path      string `json:"path,omitempty"`
	MessageID string `json:"messageId"`
	ChannelID string `json:"channelId,omitempty"`
	// UserID is the author (see V3MessagePayload.Author).
	UserID string `json:"userId,omitempty"`
	// Type is text, image, file, custom, video, audio or imagemap.
	Type MessageDataType `json:"type,omitempty"`
	// Data is the content as the API sent it, e.g. {"text": "hi"} (see Message.Data).
	Data RawJSON `json:"data,omitempty"`
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
	LatestReaction *V3MessageReaction   `json:"latestReaction,omitempty"`
	IsDeleted      bool                 `json:"isDeleted,omitempty"`
	CreatedAt      Time                 `json:"createdAt"`
	UpdatedAt      Time                 `json:"updatedAt"`
	EditedAt       Time                 `json:"editedAt"`
	Mentionees     []V3MessageMentionee `json:"mentionees,omitempty"`
}

// V3MessagePayload is the API's v3 message bundle: messages with their users and files, and
// the cursors of list calls (Paging.Previous holds the API's "prev"). Raw is the whole
// answer.
type V3MessagePayload struct {
	rawJSON
	Messages []V3Message `json:"messages"`
	Users    []User      `json:"users"`
	Files    []File      `json:"files"`
	Paging   Paging      `json:"paging"`
}

func (p *V3MessagePayload) pageItems() []V3Message { return p.Messages }
func (p *V3MessagePayload) pageInfo() Paging       { return p.Paging }

// Message returns the payload's first message (the one a Get, Create, Update or Flag is
// about), or nil.
func (p *V3MessagePayload) Message() *V3Message { return firstOf(p.Messages) }

// MessageByID returns the message with the given ID, or nil.
func (p *V3MessagePayload) MessageByID(messageID string) *V3Message {
	return byID(p.Messages, messageID, func(m *V3Message) string { return m.MessageID })
}

// Author returns the sideloaded author of m, or nil.
func (p *V3MessagePayload) Author(m *V3Message) *User {
	if m == nil {
		return nil
	}
	return findUser(p.Users, m.UserID)
}

// UserByID returns the sideloaded user with the given ID (public, internal or private), or
// nil.
func (p *V3MessagePayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *V3MessagePayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// MessageFiles returns the sideloaded file of m, if any.
func (p *V3MessagePayload) MessageFiles(m *V3Message) []File {
	if m == nil {
		return nil
	}
	return messagesFiles(p.Files, m.FileID)
}

// messagesV3Content checks the data, tags and mentionees of a v3 create or update.
func messagesV3Content(op string, data map[string]any, tags []string, mentionees []V3MessageMentionee) error {
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
		stringList(op, "Tags", tags, 10, 0, 30),
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
			maxItems(op, field+".UserIDs", len(m.UserIDs), 30),
		); err != nil {
			return err
		}
	}
	return nil
}

// V3CreateMessageParams describe a new v3 message (Messages.V3.Create). ChannelID is
// required.
type V3CreateMessageParams struct {
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
	Mentionees []V3MessageMentionee `json:"mentionees,omitempty"`
}

// Create posts a message to a channel with the v3 API and returns it (the payload's
// Message()). POST /api/v3/messages. It differs from Messages.Create (v5) in addressing a
// channel rather than a message feed, in its typed Type and in its mentionees. Not retried
// once it may have reached the server: a repeat would post the message twice.
func (s *MessagesV3Service) Create(ctx context.Context, params *V3CreateMessageParams, opts ...CallOption) (*V3MessagePayload, error) {
	const op = "Messages.V3.Create"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		required(op, "ChannelID", params.ChannelID),
		maxLen(op, "ChannelID", params.ChannelID, 150),
		maxLen(op, "MessageID", params.MessageID, 150),
		maxLen(op, "FileID", params.FileID, 50),
		maxLen(op, "ParentID", params.ParentID, 150),
		messagesV3Content(op, params.Data, params.Tags, params.Mentionees),
	); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v3/messages", body: params, opts: opts}, "message", (*V3MessagePayload).pageItems)
}

// Get returns a message with the v3 API (the payload's Message()).
// GET /api/v3/messages/{messageId}. See Messages.Get for the v5 form.
func (s *MessagesV3Service) Get(ctx context.Context, messageID string, opts ...CallOption) (*V3MessagePayload, error) {
	const op = "Messages.V3.Get"
	path, err := messagesV3ID(op, "/api/v3/messages/%s", messageID)
	if err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, "message", (*V3MessagePayload).pageItems)
}

// V3GetManyMessagesParams name the messages of Messages.V3.GetMany.
type V3GetManyMessagesParams struct {
	// MessageIDs (required) are 1 to 10 IDs of at most 150 characters.
	MessageIDs []string
}

// ids is the list getMany sends.
func (p *V3GetManyMessagesParams) ids() []string { return p.MessageIDs }

// GetMany returns the messages with the given IDs with the v3 API; the answer holds those
// that exist. GET /api/v3/messages/list. See Messages.GetMany for the v5 form.
func (s *MessagesV3Service) GetMany(ctx context.Context, params *V3GetManyMessagesParams, opts ...CallOption) (*V3MessagePayload, error) {
	return getMany[V3MessagePayload](ctx, s.c, &request{op: "Messages.V3.GetMany", method: http.MethodGet, path: "/api/v3/messages/list", opts: opts},
		params, idsQuery{field: "MessageIDs", name: "messageIds", maxIDs: 10, maxLen: 150})
}

// V3ListMessagesParams filter and page Messages.V3.List. ChannelID is required. The v3 API
// pages by channel segment: First or Last take the oldest or newest messages (1 to 100),
// After or Before start after or before a segment; then PageToken (at most 1,000
// characters) carries the position and the segment options are not sent with it.
type V3ListMessagesParams struct {
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

func (p *V3ListMessagesParams) token() *string { return &p.PageToken }

func (p *V3ListMessagesParams) query(op string) (query, error) {
	if err := notNil(op, "params", p); err != nil {
		return nil, err
	}
	checks := []error{
		required(op, "ChannelID", p.ChannelID),
		maxLen(op, "ChannelID", p.ChannelID, 100),
		maxLen(op, "ParentID", p.ParentID, 150),
		stringList(op, "Tags", p.Tags, 10, 0, 100),
		stringList(op, "ExcludeTags", p.ExcludeTags, 10, 0, 100),
		PageParams{PageToken: p.PageToken}.validate(op, 1000),
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

// List returns an iterator over a channel's messages with the v3 API, fetching pages as it
// goes. GET /api/v3/messages. It differs from Messages.List (v5) in addressing a channel
// rather than a message feed and in paging by segment (see V3ListMessagesParams).
func (s *MessagesV3Service) List(ctx context.Context, params *V3ListMessagesParams, opts ...CallOption) iter.Seq2[V3Message, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of a channel's messages with the v3 API.
// GET /api/v3/messages.
func (s *MessagesV3Service) ListPages(ctx context.Context, params *V3ListMessagesParams, opts ...CallOption) iter.Seq2[*V3MessagePayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of a channel's messages with the v3 API.
// GET /api/v3/messages. See List.
func (s *MessagesV3Service) ListPage(ctx context.Context, params *V3ListMessagesParams, opts ...CallOption) (*V3MessagePayload, error) {
	const op = "Messages.V3.ListPage"
	return listPage[V3MessagePayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/messages", opts: opts}, params)
}

// V3UpdateMessageParams change a v3 message. Nil fields are left as they are.
type V3UpdateMessageParams struct {
	// Data replaces the content; for text, {"text": "..."} with at most 20,000 characters.
	Data map[string]any `json:"data,omitempty"`
	// Metadata replaces the metadata.
	Metadata map[string]any `json:"metadata,omitempty"`
	// Tags replaces the tags (at most 10 of at most 30 characters).
	Tags []string `json:"tags,omitempty"`
	// Mentionees (at most 2) replaces the mentions.
	Mentionees []V3MessageMentionee `json:"mentionees,omitempty"`
}

// Update changes a message with the v3 API and returns it (the payload's Message()).
// PUT /api/v3/messages/{messageId}. See Messages.Update for the v5 form. Idempotent by
// construction (it sets fields to the given values), so it is retried like a read.
func (s *MessagesV3Service) Update(ctx context.Context, messageID string, params *V3UpdateMessageParams, opts ...CallOption) (*V3MessagePayload, error) {
	const op = "Messages.V3.Update"
	path, err := messagesV3ID(op, "/api/v3/messages/%s", messageID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := messagesV3Content(op, params.Data, params.Tags, params.Mentionees); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true, opts: opts}, "message", (*V3MessagePayload).pageItems)
}

// Delete deletes a message with the v3 API. DELETE /api/v3/messages/{messageId}. See
// Messages.Delete for the v5 form, which can also delete permanently. Idempotent by
// construction (a deleted message stays deleted), so it is retried like a read. An answer of
// success: false is an error matching ErrUnsuccessful.
func (s *MessagesV3Service) Delete(ctx context.Context, messageID string, opts ...CallOption) error {
	const op = "Messages.V3.Delete"
	path, err := messagesV3ID(op, "/api/v3/messages/%s", messageID)
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, idempotent: true, opts: opts}, nil)
}

// Flag flags a message as the caller with the v3 API and returns it (the payload's
// Message()). POST /api/v3/messages/{messageId}/flag. See Messages.Flag for the v5 form. Not
// retried once it may have reached the server: each flag counts.
func (s *MessagesV3Service) Flag(ctx context.Context, messageID string, opts ...CallOption) (*V3MessagePayload, error) {
	return s.onMessage(ctx, messageID, &request{op: "Messages.V3.Flag", method: http.MethodPost, path: "/api/v3/messages/%s/flag", opts: opts})
}

// Unflag removes the caller's flag from a message with the v3 API and returns it.
// DELETE /api/v3/messages/{messageId}/unflag. See Messages.Unflag for the v5 form.
// Idempotent by construction (the caller's flag stays removed), so it is retried like a read.
func (s *MessagesV3Service) Unflag(ctx context.Context, messageID string, opts ...CallOption) (*V3MessagePayload, error) {
	return s.onMessage(ctx, messageID, &request{op: "Messages.V3.Unflag", method: http.MethodDelete, path: "/api/v3/messages/%s/unflag", idempotent: true, opts: opts})
}

// ClearFlags removes every flag of a message with the v3 API and returns it.
// DELETE /api/v3/messages/{messageId}/clearFlags. See Messages.ClearFlags for the v5 form.
// Idempotent by construction (the flags stay removed), so it is retried like a read.
func (s *MessagesV3Service) ClearFlags(ctx context.Context, messageID string, opts ...CallOption) (*V3MessagePayload, error) {
	return s.onMessage(ctx, messageID, &request{op: "Messages.V3.ClearFlags", method: http.MethodDelete, path: "/api/v3/messages/%s/clearFlags", idempotent: true, opts: opts})
}

// onMessage sends r, a call on one message (its path a format holding messageID), and decodes
// the v3 message bundle.
func (s *MessagesV3Service) onMessage(ctx context.Context, messageID string, r *request) (*V3MessagePayload, error) {
	return callOneOn(ctx, s.c, r, messagesV3ID, messageID, "message", (*V3MessagePayload).pageItems)
}

// IsFlaggedByMe reports whether the caller flagged a message, with the v3 API.
// GET /api/v3/messages/{messageId}/isFlaggedByMe. See Messages.IsFlaggedByMe for the v5
// form.
func (s *MessagesV3Service) IsFlaggedByMe(ctx context.Context, messageID string, opts ...CallOption) (bool, error) {
	return isFlaggedByMe(ctx, s.c, &request{op: "Messages.V3.IsFlaggedByMe", method: http.MethodGet, path: "/api/v3/messages/%s/isFlaggedByMe", opts: opts}, messagesV3ID, messageID)
}
