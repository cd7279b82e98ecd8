package amity

// This file is the keyword search of chat messages, GET /api/v2/search/messages. It is on the
// Messages service, with the chat calls it belongs with (it filters by channel and message
// feed and answers the v3 message bundle); the Search service is the semantic search of posts
// and communities.

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
)

// MessageSearchSortBy orders the matches of Messages.Search.
type MessageSearchSortBy string

// Message search orders. An order the SDK does not know is sent as given.
const (
	MessageSearchByCreatedAt MessageSearchSortBy = "createdAt"
	MessageSearchByRelevance MessageSearchSortBy = "relevance"
)

// MessageSearchOrder is the direction of a message search's order.
type MessageSearchOrder string

// Message search directions.
const (
	MessageSearchDesc MessageSearchOrder = "desc"
	MessageSearchAsc  MessageSearchOrder = "asc"
)

// MessageSearchQuery is the search as the API ran it (echoed in its answer).
type MessageSearchQuery struct {
	Query   string              `json:"query,omitempty"`
	Limit   int                 `json:"limit,omitempty"`
	SortBy  MessageSearchSortBy `json:"sortBy,omitempty"`
	OrderBy MessageSearchOrder  `json:"orderBy,omitempty"`
}

// MessageSearchPayload is one page of a message search: the matching messages (in the v3
// message shape) with their message feeds, channels, users, files and roles, the number of
// matches and the cursors. The API wraps it in {status, data}; Raw is the whole answer.
type MessageSearchPayload struct {
	rawJSON
	Messages     []V3Message   `json:"messages"`
	MessageFeeds []MessageFeed `json:"messageFeeds"`
	Channels     []Channel     `json:"channels"`
	Users        []User        `json:"users"`
	Files        []File        `json:"files"`
	Roles        []Role        `json:"roles"`
	// TotalCount is the number of matches of the whole search.
	TotalCount int `json:"totalCount"`
	// Paging holds the cursors (Previous holds the API's "prev").
	Paging Paging `json:"paging"`
	// Search is the search as the API ran it.
	Search MessageSearchQuery `json:"search"`
}

func (p *MessageSearchPayload) pageItems() []V3Message { return p.Messages }
func (p *MessageSearchPayload) pageInfo() Paging       { return p.Paging }

// MessageByID returns the matching message with the given ID, or nil.
func (p *MessageSearchPayload) MessageByID(messageID string) *V3Message {
	return byID(p.Messages, messageID, func(m *V3Message) string { return m.MessageID })
}

// UserByID returns the sideloaded user with the given ID (public, internal or private), or
// nil.
func (p *MessageSearchPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *MessageSearchPayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// ChannelByID returns the sideloaded channel with the given ID (public, internal or
// private), or nil.
func (p *MessageSearchPayload) ChannelByID(channelID string) *Channel {
	for i := range p.Channels {
		if ch := &p.Channels[i]; channelID != "" && (ch.ChannelID == channelID || ch.ChannelPublicID == channelID ||
			ch.ChannelInternalID == channelID || ch.ID == channelID) {
			return ch
		}
	}
	return nil
}

// Author returns the sideloaded author of m, or nil.
func (p *MessageSearchPayload) Author(m *V3Message) *User {
	if m == nil {
		return nil
	}
	return findUser(p.Users, m.UserID)
}

// Channel returns the sideloaded channel of m, or nil.
func (p *MessageSearchPayload) Channel(m *V3Message) *Channel {
	if m == nil {
		return nil
	}
	return p.ChannelByID(m.ChannelID)
}

// SearchMessagesParams is a search of chat messages by their text.
type SearchMessagesParams struct {
	// PageParams: Limit 1 to 100 (server default 20); PageToken at most 100 characters.
	PageParams
	// Query (required, 1 to 1,024 characters) is the text to find.
	Query string
	// ExactMatch matches the whole query as written (the server's default is false).
	ExactMatch *bool
	// ChannelID and MessageFeedID limit the search to one channel or message feed.
	ChannelID     string
	MessageFeedID string
	// UserIDs keeps the messages of these authors (at most 10).
	UserIDs []string
	// Types keeps messages of these types: text (the server's default), image, video,
	// audio, file (at most 10, no repeats).
	Types []MessageDataType
	// Tags keeps messages with these tags (at most 10 of 1 to 30 characters, no repeats).
	Tags []string
	// SortBy is createdAt (the default) or relevance; OrderBy desc (the default) or asc.
	SortBy  MessageSearchSortBy
	OrderBy MessageSearchOrder
}

// distinct checks that a list sent as a set holds no value twice.
func distinct[T comparable](op, field string, vs []T) error {
	seen := map[T]bool{}
	for _, v := range vs {
		if seen[v] {
			return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf("holds %v twice", v)}
		}
		seen[v] = true
	}
	return nil
}

func (p *SearchMessagesParams) query(op string) (query, error) {
	if err := notNil(op, "params", p); err != nil {
		return nil, err
	}
	checks := []error{
		p.PageParams.validate(op, 100),
		required(op, "Query", p.Query),
		maxLen(op, "Query", p.Query, 1024),
		stringList(op, "UserIDs", p.UserIDs, 10, 1, 900),
		maxItems(op, "Types", len(p.Types), 10),
		distinct(op, "Types", p.Types),
		stringList(op, "Tags", p.Tags, 10, 1, 30),
		distinct(op, "Tags", p.Tags),
	}
	for _, t := range p.Types {
		checks = append(checks, required(op, "Types[]", string(t)))
	}
	if err := firstErr(checks...); err != nil {
		return nil, err
	}
	q := query{}
	q.str("query", p.Query)
	q.boolean("exactMatch", p.ExactMatch)
	q.str("channelId", p.ChannelID)
	q.str("messageFeedId", p.MessageFeedID)
	q.list("userIds", p.UserIDs)
	enums(q, "types", p.Types)
	q.list("tags", p.Tags)
	q.options(p.Limit, p.PageToken)
	q.str("options[sortBy]", string(p.SortBy))
	q.str("options[orderBy]", string(p.OrderBy))
	return q, nil
}

// Search returns an iterator over the chat messages matching a text, fetching pages as it
// goes. GET /api/v2/search/messages.
func (s *MessagesService) Search(ctx context.Context, params *SearchMessagesParams, opts ...CallOption) iter.Seq2[V3Message, error] {
	return listAll(ctx, params, opts, s.SearchPage)
}

// SearchPages returns an iterator over the pages of Search, each with the channels, feeds
// and users of its messages. GET /api/v2/search/messages.
func (s *MessagesService) SearchPages(ctx context.Context, params *SearchMessagesParams, opts ...CallOption) iter.Seq2[*MessageSearchPayload, error] {
	return pages(ctx, params, opts, s.SearchPage)
}

// SearchPage returns one page of the chat messages matching a text (newest first by
// default), with what they refer to, the number of matches and the cursors.
// GET /api/v2/search/messages.
func (s *MessagesService) SearchPage(ctx context.Context, params *SearchMessagesParams, opts ...CallOption) (*MessageSearchPayload, error) {
	const op = "Messages.SearchPage"
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	return callData[MessageSearchPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v2/search/messages", query: url.Values(q), opts: opts})
}
