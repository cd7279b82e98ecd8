package amity

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strconv"
)

// ReactionsService manages reactions on posts, comments, messages and stories. Reach it as
// Client.Reactions; the v2 listing of reactions is on V2.
type ReactionsService struct {
	c *Client
	// V2 holds the v2 API's listing of reactions (Client.Reactions.V2).
	V2 *ReactionsV2Service
}

// ReactionsV2Service holds the v2 variants of the reaction calls that have a v3 one. Reach it
// as Client.Reactions.V2.
type ReactionsV2Service struct{ c *Client }

// init creates the sub-services; Client.init calls it.
// ReactionReferenceType is what a reaction is on.
type ReactionReferenceType string

// Reaction references.
const (
	ReactionOnMessage ReactionReferenceType = "message"
	ReactionOnPost    ReactionReferenceType = "post"
	ReactionOnComment ReactionReferenceType = "comment"
	ReactionOnStory   ReactionReferenceType = "story"
)

// Reaction groups the reactions on one post, comment, message or story: who reacted, with
// which reaction.
type Reaction struct {
	// ReferenceID and ReferenceType name what was reacted to.
	ReferenceID   string                `json:"referenceId"`
	ReferenceType ReactionReferenceType `json:"referenceType"`
	// Reactors are the users' reactions.
	Reactors []Reactor `json:"reactors,omitempty"`
}

// Reactor is one user's reaction.
type Reactor struct {
	// ReactionID is the reaction's ID; ReactionName its name, e.g. "like".
	ReactionID   string `json:"reactionId,omitempty"`
	ReactionName string `json:"reactionName,omitempty"`
	// UserID is the user's public ID; UserPublicID and UserInternalID its two forms.
	UserID         string `json:"userId,omitempty"`
	UserPublicID   string `json:"userPublicId,omitempty"`
	UserInternalID string `json:"userInternalId,omitempty"`
	CreatedAt      Time   `json:"createdAt"`
	UpdatedAt      Time   `json:"updatedAt"`
}

// UnmarshalJSON decodes a reactor in one pass. The spec names the public ID "userPublicIdId"; both that
// and "userPublicId" are read.
func (r *Reactor) UnmarshalJSON(b []byte) error {
	type plain Reactor
	var w struct {
		plain
		UserPublicIDID string `json:"userPublicIdId"`
	}
	decodeLenient(b, &w) // a member of another type is left zero, as in any entity
	*r = Reactor(w.plain)
	if r.UserPublicID == "" {
		r.UserPublicID = w.UserPublicIDID
	}
	return nil
}

// ReactionPayload is one page of reactions with the users who reacted and their files.
type ReactionPayload struct {
	rawJSON
	// Reactions group the reactors by what they reacted to (see Reactors).
	Reactions []Reaction `json:"reactions"`
	// Users are the users who reacted (see User, UserByID); Files their avatars.
	Users []User `json:"users"`
	Files []File `json:"files"`
	// Roles are the roles of the users (see RoleByID).
	Roles []Role `json:"roles"`
	// Paging holds the cursors.
	Paging Paging `json:"paging"`
}

// RoleByID returns the sideloaded role with the given ID, or nil.
func (p *ReactionPayload) RoleByID(roleID string) *Role { return roleByID(p.Roles, roleID) }

func (p *ReactionPayload) pageItems() []Reactor { return reactorsOf(p.Reactions) }
func (p *ReactionPayload) pageInfo() Paging     { return p.Paging }

// Reaction returns the first reaction group of the page, or nil.
func (p *ReactionPayload) Reaction() *Reaction { return firstOf(p.Reactions) }

// Reactors returns the reactors of every reaction of the page, in order.
func (p *ReactionPayload) Reactors() []Reactor { return reactorsOf(p.Reactions) }

// User returns the sideloaded user who reacted, or nil.
func (p *ReactionPayload) User(r *Reactor) *User { return reactorUser(p.Users, r) }

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *ReactionPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// FileByID returns the sideloaded file with the given ID (e.g. a user's avatar), or nil.
func (p *ReactionPayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// reactorsOf lists the reactors of reactions, in order.
func reactorsOf(rs []Reaction) []Reactor {
	var out []Reactor
	for _, r := range rs {
		out = append(out, r.Reactors...)
	}
	return out
}

// reactorUser finds a reactor's sideloaded user.
func reactorUser(users []User, r *Reactor) *User {
	if r == nil {
		return nil
	}
	return findUserOf(users, r.UserID, r.UserPublicID, r.UserInternalID)
}

// ReactionParams names a reaction to add or remove.
type ReactionParams struct {
	// ReferenceID is the post, comment, message or story (at most 900 characters). Required.
	ReferenceID string `json:"referenceId"`
	// ReferenceType is message, post, comment or story. Required.
	ReferenceType ReactionReferenceType `json:"referenceType"`
	// ReactionName is the reaction, e.g. "like" (at most 100 characters). Required by Add;
	// optional for Remove since spec 4.116.1 (empty: not sent).
	ReactionName string `json:"reactionName,omitempty"`
	// ReferenceVersion is the API version of the referenced item. Nil on a message sends 5
	// (MessageReferenceVersion), as the API's clients always do for the v5 messages of
	// Client.Messages; set it to send another version. Nil on anything else sends none.
	ReferenceVersion *int `json:"referenceVersion,omitempty"`
}

// MessageReferenceVersion is the referenceVersion the reaction calls send for a message when
// the params leave it unset: the version of the messages of Client.Messages (v5), which the
// API's clients send with every reaction on a message.
const MessageReferenceVersion = 5

// referenceVersion is the version a reaction call sends: v when set, else
// MessageReferenceVersion for a message, else none.
func referenceVersion(t ReactionReferenceType, v *int) *int {
	if v == nil && t == ReactionOnMessage {
		n := MessageReferenceVersion
		return &n
	}
	return v
}

// wire is the body of Reactions.Add and Remove: params with the version they send.
func (p *ReactionParams) wire() *ReactionParams {
	w := *p
	w.ReferenceVersion = referenceVersion(p.ReferenceType, p.ReferenceVersion)
	return &w
}

// validate checks the params of Add (needName) or Remove.
func (p *ReactionParams) validate(op string, needName bool) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	checks := []error{
		required(op, "ReferenceID", p.ReferenceID),
		maxLen(op, "ReferenceID", p.ReferenceID, 900),
		required(op, "ReferenceType", string(p.ReferenceType)),
		maxLen(op, "ReactionName", p.ReactionName, 100),
	}
	if needName {
		checks = append(checks, required(op, "ReactionName", p.ReactionName))
	}
	return firstErr(checks...)
}

// AddReactionPayload is the answer of Reactions.Add.
type AddReactionPayload struct {
	rawJSON
	// AddedID is the new reaction's ID.
	AddedID string `json:"addedId"`
}

// RemoveReactionPayload is the answer of Reactions.Remove.
type RemoveReactionPayload struct {
	rawJSON
	// RemovedID is the removed reaction's ID.
	RemovedID string `json:"removedId"`
}

// Add adds the calling user's reaction (use a view from Client.AsUser) and returns the new
// reaction's ID. POST /api/v2/reactions (current: there is no v3); a reaction on a message
// carries referenceVersion 5 unless params say otherwise. Not retried once it may have
// reached the server: adding is not idempotent (reaction counts would move twice).
func (s *ReactionsService) Add(ctx context.Context, params *ReactionParams, opts ...CallOption) (*AddReactionPayload, error) {
	const op = "Reactions.Add"
	if err := params.validate(op, true); err != nil {
		return nil, err
	}
	return call[AddReactionPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v2/reactions", body: params.wire(), opts: opts})
}

// Remove removes the calling user's reaction and returns the removed reaction's ID.
// params.ReactionName names the reaction; spec 4.116.1 makes it optional.
// DELETE /api/v2/reactions (current: there is no v3), with the parameters in the query (as
// the spec says) and in a JSON body (as the API's clients send them); a message carries
// referenceVersion 5 unless params say otherwise. Idempotent by construction (removing a removed reaction leaves
// it removed), so it is retried like a read; a retry after a first attempt that was applied
// may answer an error matching ErrNotFound.
func (s *ReactionsService) Remove(ctx context.Context, params *ReactionParams, opts ...CallOption) (*RemoveReactionPayload, error) {
	const op = "Reactions.Remove"
	if err := params.validate(op, false); err != nil {
		return nil, err
	}
	w := params.wire()
	q := query{}
	q.str("referenceId", w.ReferenceID)
	q.str("referenceType", string(w.ReferenceType))
	q.str("reactionName", w.ReactionName)
	if w.ReferenceVersion != nil {
		url.Values(q).Set("referenceVersion", strconv.Itoa(*w.ReferenceVersion))
	}
	// The spec puts the parameters in the query; the API's clients send them as a JSON body
	// (axios's DELETE data). Both are sent, so the call works whichever the server reads
	// (docs/wire-notes.md).
	return call[RemoveReactionPayload](ctx, s.c, &request{op: op, method: http.MethodDelete, path: "/api/v2/reactions", query: url.Values(q),
		body: w, idempotent: true, opts: opts})
}

// ListReactionsParams selects the reactions of Reactions.List (GET /api/v3/reactions).
type ListReactionsParams struct {
	PageParams
	// ReferenceID is the post, comment, message or story (at most 900 characters). Required.
	ReferenceID string
	// ReferenceType is message, post, comment or story. Required.
	ReferenceType ReactionReferenceType
	// ReferenceVersion is the API version of the referenced item; nil on a message sends 5
	// (MessageReferenceVersion), as the API's clients do (see ReactionParams).
	ReferenceVersion *int
	// ReactionName lists only this reaction (at most 100 characters).
	ReactionName string
}

func (p *ListReactionsParams) query(op string) (query, error) {
	p = orZero(p)
	if err := firstErr(
		p.PageParams.validate(op, 200),
		required(op, "ReferenceID", p.ReferenceID),
		maxLen(op, "ReferenceID", p.ReferenceID, 900),
		required(op, "ReferenceType", string(p.ReferenceType)),
		maxLen(op, "ReactionName", p.ReactionName, 100),
	); err != nil {
		return nil, err
	}
	q := query{}
	q.str("referenceId", p.ReferenceID)
	q.str("referenceType", string(p.ReferenceType))
	if v := referenceVersion(p.ReferenceType, p.ReferenceVersion); v != nil {
		url.Values(q).Set("referenceVersion", strconv.Itoa(*v))
	}
	q.str("reactionName", p.ReactionName)
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// List returns an iterator over who reacted to a post, comment, message or story, fetching
// pages as it goes. GET /api/v3/reactions.
func (s *ReactionsService) List(ctx context.Context, params *ListReactionsParams, opts ...CallOption) iter.Seq2[Reactor, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of List, each with the users who reacted and
// their files. GET /api/v3/reactions.
func (s *ReactionsService) ListPages(ctx context.Context, params *ListReactionsParams, opts ...CallOption) iter.Seq2[*ReactionPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of reactions with the users who reacted, and its cursors.
// GET /api/v3/reactions.
func (s *ReactionsService) ListPage(ctx context.Context, params *ListReactionsParams, opts ...CallOption) (*ReactionPayload, error) {
	const op = "Reactions.ListPage"
	return listPage[ReactionPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/reactions", opts: opts}, params)
}

// V2ListReactionsParams selects the reactions of Reactions.V2.List (GET /api/v2/reactions),
// which pages by offset.
type V2ListReactionsParams struct {
	// PageParams.Limit is the page size; PageParams.PageToken is sent as options[token].
	PageParams
	// ReferenceID is the post, comment, message or story (at most 900 characters). Required.
	ReferenceID string
	// ReferenceType is message, post, comment or story. Required.
	ReferenceType ReactionReferenceType
	// ReactionName lists only this reaction (at most 100 characters).
	ReactionName string
	// Skip is how many reactors to skip (the offset of the page).
	Skip int
}

func (p *V2ListReactionsParams) query(op string) (query, error) {
	p = orZero(p)
	if err := firstErr(
		p.PageParams.validate(op, 1000),
		required(op, "ReferenceID", p.ReferenceID),
		maxLen(op, "ReferenceID", p.ReferenceID, 900),
		required(op, "ReferenceType", string(p.ReferenceType)),
		maxLen(op, "ReactionName", p.ReactionName, 100),
		intRange(op, "Skip", p.Skip, 0, -1),
	); err != nil {
		return nil, err
	}
	q := query{}
	q.str("referenceId", p.ReferenceID)
	q.str("referenceType", string(p.ReferenceType))
	q.str("reactionName", p.ReactionName)
	q.options(p.Limit, p.PageToken)
	q.integer("options[skip]", p.Skip)
	return q, nil
}

// V2ReactionPayload is one page of Reactions.V2.List: reactions with the users who reacted.
// The v2 answer ({status, data}) has no cursors; NextSkip is the Skip of the following page.
// Raw is the whole answer, envelope included.
type V2ReactionPayload struct {
	rawJSON
	// Reactions group the reactors by what they reacted to (see Reactors).
	Reactions []Reaction `json:"reactions"`
	// Users are the users who reacted (see User, UserByID); Files their avatars.
	Users []User `json:"users"`
	Files []File `json:"files"`
	// NextSkip is the params' Skip plus the reactors on this page: pass it as Skip to get
	// the next page. A page with no reactors (or fewer than Limit) is the last.
	NextSkip int `json:"-"`

	last bool
}

func (p *V2ReactionPayload) pageItems() []Reactor { return reactorsOf(p.Reactions) }
func (p *V2ReactionPayload) pageInfo() Paging {
	if p.last {
		return Paging{}
	}
	return Paging{Next: strconv.Itoa(p.NextSkip)}
}

// Reaction returns the first reaction group of the page, or nil.
func (p *V2ReactionPayload) Reaction() *Reaction { return firstOf(p.Reactions) }

// Reactors returns the reactors of every reaction of the page, in order.
func (p *V2ReactionPayload) Reactors() []Reactor { return reactorsOf(p.Reactions) }

// User returns the sideloaded user who reacted, or nil.
func (p *V2ReactionPayload) User(r *Reactor) *User { return reactorUser(p.Users, r) }

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *V2ReactionPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *V2ReactionPayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// List returns an iterator over who reacted, with the v2 API, fetching pages as it goes (by
// offset: each page starts at the previous page's NextSkip). GET /api/v2/reactions. Unlike
// Reactions.List (v3), it pages by skip and its answer carries no cursor; prefer that.
func (s *ReactionsV2Service) List(ctx context.Context, params *V2ListReactionsParams, opts ...CallOption) iter.Seq2[Reactor, error] {
	return items[*V2ReactionPayload](s.ListPages(ctx, params, opts...))
}

// ListPages returns an iterator over the pages of List, starting at params.Skip; to resume
// a walk, pass a page's NextSkip as Skip. GET /api/v2/reactions.
func (s *ReactionsV2Service) ListPages(ctx context.Context, params *V2ListReactionsParams, opts ...CallOption) iter.Seq2[*V2ReactionPayload, error] {
	p := V2ListReactionsParams{}
	if params != nil {
		p = *params
	}
	return iterate[*V2ReactionPayload](ctx, "", func(ctx context.Context, token string) (*V2ReactionPayload, error) {
		page := p
		if token != "" {
			skip, err := strconv.Atoi(token)
			if err != nil {
				return nil, &ValidationError{Op: "Reactions.V2.ListPages", Field: "Skip", Reason: "is not a number"}
			}
			page.Skip = skip
		}
		return s.ListPage(ctx, &page, opts...)
	})
}

// ListPage returns one page of reactions with the v2 API (see List). GET /api/v2/reactions.
func (s *ReactionsV2Service) ListPage(ctx context.Context, params *V2ListReactionsParams, opts ...CallOption) (*V2ReactionPayload, error) {
	const op = "Reactions.V2.ListPage"
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	page, err := callData[V2ReactionPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v2/reactions", query: url.Values(q), opts: opts})
	if err != nil {
		return nil, err
	}
	n := len(page.Reactors())
	page.NextSkip = params.Skip + n
	page.last = n == 0 || (params.Limit > 0 && n < params.Limit)
	return page, nil
}

// MessageReactionCount is a message and its number of reactions.
type MessageReactionCount struct {
	// MessageID is the message.
	MessageID string `json:"messageId"`
	// ReactionsCount is its number of reactions (of the asked reaction, if one was named).
	ReactionsCount int `json:"reactionsCount"`
}

// GetMostReactedMessagesParams are the options of Reactions.GetMostReactedMessages.
type GetMostReactedMessagesParams struct {
	// Limit is how many messages to return (at least 1; 0 leaves it to the server).
	Limit int
	// ReactionName counts only this reaction.
	ReactionName string
}

// MostReactedMessagesPayload is the answer of Reactions.GetMostReactedMessages.
type MostReactedMessagesPayload struct {
	rawJSON
	// Messages are the messages, most reacted first.
	Messages []MessageReactionCount
}

// UnmarshalJSON decodes the answer, a JSON array, into Messages.
func (p *MostReactedMessagesPayload) UnmarshalJSON(b []byte) error {
	return decodeJSON(b, &p.Messages)
}

// GetMostReactedMessages returns the IDs of the messages with the most reactions, most first.
// GET /api/v2/reactions/messages/most (current: there is no v3).
func (s *ReactionsService) GetMostReactedMessages(ctx context.Context, params *GetMostReactedMessagesParams, opts ...CallOption) (*MostReactedMessagesPayload, error) {
	const op = "Reactions.GetMostReactedMessages"
	params = orZero(params)
	if params.Limit < 0 {
		return nil, &ValidationError{Op: op, Field: "Limit", Reason: "must be at least 1 (0 for the default)"}
	}
	q := query{}
	q.integer("limit", params.Limit)
	q.str("reactionName", params.ReactionName)
	return call[MostReactedMessagesPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v2/reactions/messages/most",
		query: url.Values(q), opts: opts})
}
