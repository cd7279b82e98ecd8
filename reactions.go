package amity

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"net/url"
	"strconv"
)

// ReactionsService manages reactions on posts, comments, messages and stories. Reach it as Client.Reactions.
type ReactionsService struct{ c *Client }

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

	// Raw is the reaction's JSON as received, with any field this type does not know.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes a reaction and keeps its raw JSON.
func (r *Reaction) UnmarshalJSON(b []byte) error {
	type plain Reaction
	return decodeRaw(b, (*plain)(r), &r.Raw)
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

// UnmarshalJSON decodes a reactor. The spec names the public ID "userPublicIdId"; both that
// and "userPublicId" are read.
func (r *Reactor) UnmarshalJSON(b []byte) error {
	type plain Reactor
	var w struct {
		plain
		UserPublicIDID string `json:"userPublicIdId"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*r = Reactor(w.plain)
	if r.UserPublicID == "" {
		r.UserPublicID = w.UserPublicIDID
	}
	return nil
}

// ReactionPage is one page of reactions with the users who reacted and their files.
type ReactionPage struct {
	// Reactions group the reactors by what they reacted to (see Reactors).
	Reactions []Reaction `json:"reactions"`
	// Users are the users who reacted (see User); Files their avatars.
	Users []User `json:"users"`
	Files []File `json:"files"`
	// Paging holds the cursors.
	Paging Paging `json:"paging"`
}

func (p *ReactionPage) pageItems() []Reactor { return reactionsReactors(p.Reactions) }
func (p *ReactionPage) pageInfo() Paging     { return p.Paging }

// Reactors returns the reactors of every reaction of the page, in order.
func (p *ReactionPage) Reactors() []Reactor { return reactionsReactors(p.Reactions) }

// User returns the sideloaded user who reacted, or nil.
func (p *ReactionPage) User(r *Reactor) *User { return reactionsUser(p.Users, r) }

// File returns the sideloaded file with the given ID (e.g. a user's avatar), or nil.
func (p *ReactionPage) File(fileID string) *File { return findFile(p.Files, fileID) }

func reactionsReactors(rs []Reaction) []Reactor {
	var out []Reactor
	for _, r := range rs {
		out = append(out, r.Reactors...)
	}
	return out
}

func reactionsUser(users []User, r *Reactor) *User {
	if r == nil {
		return nil
	}
	for _, id := range []string{r.UserID, r.UserPublicID} {
		if u := findUser(users, id); u != nil {
			return u
		}
	}
	if r.UserInternalID != "" {
		for i := range users {
			if users[i].UserInternalID == r.UserInternalID || users[i].ID == r.UserInternalID {
				return &users[i]
			}
		}
	}
	return nil
}

// ReactionParams names a reaction to add or remove.
type ReactionParams struct {
	// ReferenceID is the post, comment, message or story (at most 900 characters). Required.
	ReferenceID string `json:"referenceId"`
	// ReferenceType is message, post, comment or story. Required.
	ReferenceType ReactionReferenceType `json:"referenceType"`
	// ReactionName is the reaction, e.g. "like" (at most 100 characters). Required.
	ReactionName string `json:"reactionName"`
	// ReferenceVersion is the version of the referenced item, where it has one.
	ReferenceVersion *int `json:"referenceVersion,omitempty"`
}

func (p *ReactionParams) validate(op string) error {
	if p == nil {
		return &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	return firstErr(
		required(op, "ReferenceID", p.ReferenceID),
		maxLen(op, "ReferenceID", p.ReferenceID, 900),
		required(op, "ReferenceType", string(p.ReferenceType)),
		reactionsCheckType(op, p.ReferenceType),
		required(op, "ReactionName", p.ReactionName),
		maxLen(op, "ReactionName", p.ReactionName, 100),
	)
}

func reactionsCheckType(op string, t ReactionReferenceType) error {
	return oneOf(op, "ReferenceType", t, ReactionOnMessage, ReactionOnPost, ReactionOnComment, ReactionOnStory)
}

// Add adds the calling user's reaction (use a view from Client.AsUser) and returns the new
// reaction's ID. POST /api/v2/reactions. Not retried once it may have reached the server:
// adding is not idempotent (reaction counts would move twice).
func (s *ReactionsService) Add(ctx context.Context, params *ReactionParams) (string, error) {
	const op = "Reactions.Add"
	if err := params.validate(op); err != nil {
		return "", err
	}
	var out struct {
		AddedID string `json:"addedId"`
	}
	if err := s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v2/reactions", body: params}, &out); err != nil {
		return "", err
	}
	return out.AddedID, nil
}

// Remove removes the calling user's reaction and returns the removed reaction's ID.
// DELETE /api/v2/reactions. Idempotent by construction (removing a removed reaction leaves
// it removed), so it is retried like a read; a retry after a first attempt that was applied
// may answer an error matching ErrNotFound.
func (s *ReactionsService) Remove(ctx context.Context, params *ReactionParams) (string, error) {
	const op = "Reactions.Remove"
	if err := params.validate(op); err != nil {
		return "", err
	}
	q := query{}
	q.str("referenceId", params.ReferenceID)
	q.str("referenceType", string(params.ReferenceType))
	q.str("reactionName", params.ReactionName)
	if params.ReferenceVersion != nil {
		url.Values(q).Set("referenceVersion", strconv.Itoa(*params.ReferenceVersion))
	}
	var out struct {
		RemovedID string `json:"removedId"`
	}
	if err := s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: "/api/v2/reactions", query: url.Values(q), idempotent: true}, &out); err != nil {
		return "", err
	}
	return out.RemovedID, nil
}

// ListReactionsParams selects the reactions of Reactions.List (GET /api/v3/reactions).
type ListReactionsParams struct {
	PageParams
	// ReferenceID is the post, comment, message or story (at most 900 characters). Required.
	ReferenceID string
	// ReferenceType is message, post, comment or story. Required.
	ReferenceType ReactionReferenceType
	// ReferenceVersion is the version of the referenced item, where it has one.
	ReferenceVersion *int
	// ReactionName lists only this reaction (at most 100 characters).
	ReactionName string
}

func (p *ListReactionsParams) query(op string) (query, error) {
	if p == nil {
		p = &ListReactionsParams{}
	}
	if err := firstErr(
		p.PageParams.validate(op),
		maxLen(op, "PageToken", p.PageToken, 200),
		required(op, "ReferenceID", p.ReferenceID),
		maxLen(op, "ReferenceID", p.ReferenceID, 900),
		required(op, "ReferenceType", string(p.ReferenceType)),
		reactionsCheckType(op, p.ReferenceType),
		maxLen(op, "ReactionName", p.ReactionName, 100),
	); err != nil {
		return nil, err
	}
	q := query{}
	q.str("referenceId", p.ReferenceID)
	q.str("referenceType", string(p.ReferenceType))
	if p.ReferenceVersion != nil {
		url.Values(q).Set("referenceVersion", strconv.Itoa(*p.ReferenceVersion))
	}
	q.str("reactionName", p.ReactionName)
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// List returns an iterator over who reacted to a post, comment, message or story, fetching
// pages as it goes. GET /api/v3/reactions.
func (s *ReactionsService) List(ctx context.Context, params *ListReactionsParams) iter.Seq2[Reactor, error] {
	return listAllLegacy(ctx, params, s.ListPage)
}

// ListPage returns one page of reactions with the users who reacted, and its cursors.
// GET /api/v3/reactions.
func (s *ReactionsService) ListPage(ctx context.Context, params *ListReactionsParams) (*ReactionPage, error) {
	const op = "Reactions.ListPage"
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	var out ReactionPage
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v3/reactions", query: url.Values(q)}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListReactionsV2Params selects the reactions of Reactions.ListV2 (GET /api/v2/reactions),
// which pages by offset.
type ListReactionsV2Params struct {
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

func (p *ListReactionsV2Params) query(op string) (query, error) {
	if p == nil {
		p = &ListReactionsV2Params{}
	}
	if err := firstErr(
		p.PageParams.validate(op),
		maxLen(op, "PageToken", p.PageToken, 1000),
		required(op, "ReferenceID", p.ReferenceID),
		maxLen(op, "ReferenceID", p.ReferenceID, 900),
		required(op, "ReferenceType", string(p.ReferenceType)),
		reactionsCheckType(op, p.ReferenceType),
		maxLen(op, "ReactionName", p.ReactionName, 100),
		commentsRange(op, "Skip", p.Skip, 0, -1),
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

// ReactionV2Page is one page of Reactions.ListV2: reactions with the users who reacted. The
// v2 answer has no cursors; NextSkip is the Skip of the following page.
type ReactionV2Page struct {
	// Reactions group the reactors by what they reacted to (see Reactors).
	Reactions []Reaction
	// Users are the users who reacted (see User); Files their avatars.
	Users []User
	Files []File
	// NextSkip is the params' Skip plus the reactors on this page: pass it as Skip to get
	// the next page. A page with no reactors (or fewer than Limit) is the last.
	NextSkip int

	last bool
}

func (p *ReactionV2Page) pageItems() []Reactor { return reactionsReactors(p.Reactions) }
func (p *ReactionV2Page) pageInfo() Paging {
	if p.last {
		return Paging{}
	}
	return Paging{Next: strconv.Itoa(p.NextSkip)}
}

// Reactors returns the reactors of every reaction of the page, in order.
func (p *ReactionV2Page) Reactors() []Reactor { return reactionsReactors(p.Reactions) }

// User returns the sideloaded user who reacted, or nil.
func (p *ReactionV2Page) User(r *Reactor) *User { return reactionsUser(p.Users, r) }

// File returns the sideloaded file with the given ID, or nil.
func (p *ReactionV2Page) File(fileID string) *File { return findFile(p.Files, fileID) }

// ListV2 returns an iterator over who reacted, with the v2 API, fetching pages as it goes
// (by offset: each page starts at the previous page's NextSkip). GET /api/v2/reactions.
// Unlike List (v3), it pages by skip and its answer carries no cursor; prefer List.
func (s *ReactionsService) ListV2(ctx context.Context, params *ListReactionsV2Params) iter.Seq2[Reactor, error] {
	p := ListReactionsV2Params{}
	if params != nil {
		p = *params
	}
	return items[*ReactionV2Page](iterate[*ReactionV2Page](ctx, "", func(ctx context.Context, token string) (*ReactionV2Page, error) {
		page := p
		if token != "" {
			skip, err := strconv.Atoi(token)
			if err != nil {
				return nil, &ValidationError{Op: "Reactions.ListV2", Field: "Skip", Reason: "is not a number"}
			}
			page.Skip = skip
		}
		return s.ListV2Page(ctx, &page)
	}))
}

// ListV2Page returns one page of reactions with the v2 API (see ListV2).
// GET /api/v2/reactions.
func (s *ReactionsService) ListV2Page(ctx context.Context, params *ListReactionsV2Params) (*ReactionV2Page, error) {
	const op = "Reactions.ListV2Page"
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	var out postsEnvelope[struct {
		Reactions []Reaction `json:"reactions"`
		Users     []User     `json:"users"`
		Files     []File     `json:"files"`
	}]
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v2/reactions", query: url.Values(q)}, &out); err != nil {
		return nil, err
	}
	page := &ReactionV2Page{Reactions: out.Data.Reactions, Users: out.Data.Users, Files: out.Data.Files}
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

// MostReactedMessagesParams are the options of Reactions.MostReactedMessages.
type MostReactedMessagesParams struct {
	// Limit is how many messages to return (at least 1; 0 leaves it to the server).
	Limit int
	// ReactionName counts only this reaction.
	ReactionName string
}

// MostReactedMessages returns the IDs of the messages with the most reactions, most first.
// GET /api/v2/reactions/messages/most.
func (s *ReactionsService) MostReactedMessages(ctx context.Context, params *MostReactedMessagesParams) ([]MessageReactionCount, error) {
	const op = "Reactions.MostReactedMessages"
	if params == nil {
		params = &MostReactedMessagesParams{}
	}
	if params.Limit < 0 {
		return nil, &ValidationError{Op: op, Field: "Limit", Reason: "must be at least 1 (0 for the default)"}
	}
	q := query{}
	q.integer("limit", params.Limit)
	q.str("reactionName", params.ReactionName)
	var out []MessageReactionCount
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v2/reactions/messages/most", query: url.Values(q)}, &out); err != nil {
		return nil, err
	}
	return out, nil
}
