package amity

// This file is the message feeds (sub-channels) of the v5 messages API.

import (
	"context"
	"iter"
	"net/http"
)

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
}

// messagesFindFeed finds a message feed by ID.
func messagesFindFeed(feeds []MessageFeed, messageFeedID string) *MessageFeed {
	return byID(feeds, messageFeedID, func(f *MessageFeed) string { return f.MessageFeedID })
}

// MessageFeedPayload is the API's message-feed bundle: message feeds with their latest
// messages and users, and the cursors of list calls (Paging.Total is the number of matches).
// Raw is the whole answer.
type MessageFeedPayload struct {
	rawJSON
	MessageFeeds []MessageFeed `json:"messageFeeds"`
	Messages     []Message     `json:"messages"`
	Users        []User        `json:"users"`
	Paging       Paging        `json:"paging"`
}

func (p *MessageFeedPayload) pageItems() []MessageFeed { return p.MessageFeeds }
func (p *MessageFeedPayload) pageInfo() Paging         { return p.Paging }

// MessageFeed returns the payload's first message feed (the one a GetFeed, CreateFeed or
// UpdateFeed is about), or nil.
func (p *MessageFeedPayload) MessageFeed() *MessageFeed { return firstOf(p.MessageFeeds) }

// MessageFeedByID returns the message feed with the given ID, or nil.
func (p *MessageFeedPayload) MessageFeedByID(messageFeedID string) *MessageFeed {
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
	if f == nil {
		return nil
	}
	return p.MessageByID(f.LastMessageID)
}

// MessageByID returns the sideloaded message with the given ID, or nil.
func (p *MessageFeedPayload) MessageByID(messageID string) *Message {
	return byID(p.Messages, messageID, func(m *Message) string { return m.MessageID })
}

// UserByID returns the sideloaded user with the given ID (public, internal or private), or
// nil.
func (p *MessageFeedPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

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

// CreateFeed adds a message feed to a channel and returns it (the payload's MessageFeed()).
// POST /api/v5/message-feeds. Not retried once it may have reached the server: a repeat
// would add a second feed.
func (s *MessagesService) CreateFeed(ctx context.Context, params *CreateMessageFeedParams, opts ...CallOption) (*MessageFeedPayload, error) {
	const op = "Messages.CreateFeed"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		required(op, "ChannelID", params.ChannelID),
		maxLen(op, "ChannelID", params.ChannelID, 30),
		required(op, "Name", params.Name),
		maxLen(op, "Name", params.Name, 100),
	); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v5/message-feeds", body: params, opts: opts}, "message feed", (*MessageFeedPayload).pageItems)
}

// GetFeed returns a message feed (the payload's MessageFeed()) with its latest message.
// GET /api/v5/message-feeds/{messageFeedId}.
func (s *MessagesService) GetFeed(ctx context.Context, messageFeedID string, opts ...CallOption) (*MessageFeedPayload, error) {
	const op = "Messages.GetFeed"
	path, err := messageFeedPath(op, "/api/v5/message-feeds/%s", messageFeedID)
	if err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, "message feed", (*MessageFeedPayload).pageItems)
}

// GetManyFeedsParams name the message feeds of Messages.GetManyFeeds.
type GetManyFeedsParams struct {
	// MessageFeedIDs (required) are 1 to 10 IDs of at most 30 characters.
	MessageFeedIDs []string
}

// ids is the list getMany sends.
func (p *GetManyFeedsParams) ids() []string { return p.MessageFeedIDs }

// GetManyFeeds returns the message feeds with the given IDs; the answer holds those that exist.
// GET /api/v5/message-feeds/list.
func (s *MessagesService) GetManyFeeds(ctx context.Context, params *GetManyFeedsParams, opts ...CallOption) (*MessageFeedPayload, error) {
	return getMany[MessageFeedPayload](ctx, s.c, &request{op: "Messages.GetManyFeeds", method: http.MethodGet, path: "/api/v5/message-feeds/list", opts: opts},
		params, idsQuery{field: "MessageFeedIDs", name: "messageFeedIds", maxIDs: 10, maxLen: 30})
}

// UpdateMessageFeedParams change a message feed.
type UpdateMessageFeedParams struct {
	// Name (required, at most 100 characters).
	Name string `json:"name"`
}

// UpdateFeed renames a message feed (not a channel's default feed) and returns it (the
// payload's MessageFeed()). PUT /api/v5/message-feeds/{messageFeedId}. Idempotent by
// construction (it sets the name), so it is retried like a read.
func (s *MessagesService) UpdateFeed(ctx context.Context, messageFeedID string, params *UpdateMessageFeedParams, opts ...CallOption) (*MessageFeedPayload, error) {
	const op = "Messages.UpdateFeed"
	path, err := messageFeedPath(op, "/api/v5/message-feeds/%s", messageFeedID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(required(op, "Name", params.Name), maxLen(op, "Name", params.Name, 100)); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true, opts: opts}, "message feed", (*MessageFeedPayload).pageItems)
}

// DeleteMessageFeedParams qualify the deletion of a message feed.
type DeleteMessageFeedParams struct {
	// Permanent deletes the feed for good instead of marking it deleted (the default).
	Permanent *bool
}

// DeleteFeed deletes a message feed (not a channel's default feed); params may be nil.
// DELETE /api/v5/message-feeds/{messageFeedId}. Idempotent by construction (a deleted feed
// stays deleted), so it is retried like a read.
func (s *MessagesService) DeleteFeed(ctx context.Context, messageFeedID string, params *DeleteMessageFeedParams, opts ...CallOption) error {
	return softDelete(ctx, s.c, &request{op: "Messages.DeleteFeed", path: "/api/v5/message-feeds/%s", opts: opts}, messageFeedPath, messageFeedID, (*softDeleteParams)(params))
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
	p = orZero(p)
	if err := firstErr(
		p.PageParams.validate(op, 100),
		maxLen(op, "After", p.After, 30),
		maxLen(op, "Before", p.Before, 30),
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
func (s *MessagesService) ListFeeds(ctx context.Context, channelID string, params *ListMessageFeedsParams, opts ...CallOption) iter.Seq2[MessageFeed, error] {
	return listAll(ctx, params, opts, pageOn(channelID, s.ListFeedsPage))
}

// ListFeedsPages returns an iterator over the pages of a channel's message feeds.
// GET /api/v5/message-feeds/channel/{channelId}. See ListFeeds.
func (s *MessagesService) ListFeedsPages(ctx context.Context, channelID string, params *ListMessageFeedsParams, opts ...CallOption) iter.Seq2[*MessageFeedPayload, error] {
	return pages(ctx, params, opts, pageOn(channelID, s.ListFeedsPage))
}

// ListFeedsPage returns one page of a channel's message feeds.
// GET /api/v5/message-feeds/channel/{channelId}. See ListFeeds.
func (s *MessagesService) ListFeedsPage(ctx context.Context, channelID string, params *ListMessageFeedsParams, opts ...CallOption) (*MessageFeedPayload, error) {
	return s.listFeedsPage(ctx, channelFeedsPath, channelID, params, &request{op: "Messages.ListFeedsPage", method: http.MethodGet, path: "/api/v5/message-feeds/channel/%s", opts: opts})
}

// ListFeedsByCreator returns an iterator over the message feeds a user created, fetching
// pages as it goes. GET /api/v5/message-feeds/user/{creatorId}; creatorID is at most 30
// characters. The spec declares no paging for this answer: when the server sends none, the
// iteration ends after the first page.
func (s *MessagesService) ListFeedsByCreator(ctx context.Context, creatorID string, params *ListMessageFeedsParams, opts ...CallOption) iter.Seq2[MessageFeed, error] {
	return listAll(ctx, params, opts, pageOn(creatorID, s.ListFeedsByCreatorPage))
}

// ListFeedsByCreatorPages returns an iterator over the pages of the message feeds a user
// created. GET /api/v5/message-feeds/user/{creatorId}. See ListFeedsByCreator.
func (s *MessagesService) ListFeedsByCreatorPages(ctx context.Context, creatorID string, params *ListMessageFeedsParams, opts ...CallOption) iter.Seq2[*MessageFeedPayload, error] {
	return pages(ctx, params, opts, pageOn(creatorID, s.ListFeedsByCreatorPage))
}

// ListFeedsByCreatorPage returns one page of the message feeds a user created.
// GET /api/v5/message-feeds/user/{creatorId}. See ListFeedsByCreator.
func (s *MessagesService) ListFeedsByCreatorPage(ctx context.Context, creatorID string, params *ListMessageFeedsParams, opts ...CallOption) (*MessageFeedPayload, error) {
	return s.listFeedsPage(ctx, creatorFeedsPath, creatorID, params, &request{op: "Messages.ListFeedsByCreatorPage", method: http.MethodGet, path: "/api/v5/message-feeds/user/%s", opts: opts})
}

// listFeedsPage sends r, the listing of the message feeds of one channel or creator (its path
// a format holding ownerID, checked by pathOf).
func (s *MessagesService) listFeedsPage(ctx context.Context, pathOf idPath, ownerID string, params *ListMessageFeedsParams, r *request) (*MessageFeedPayload, error) {
	if err := r.setPath(pathOf, ownerID); err != nil {
		return nil, err
	}
	return listPage[MessageFeedPayload](ctx, s.c, r, params)
}
