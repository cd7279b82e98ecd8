package amity

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"net/http"
	"strconv"
	"time"
)

// NotificationTrayService reads a user's in-app notification tray and marks it seen. Reach it
// as Client.NotificationTray (on a view from Client.AsUser: the tray is the token's user's).
//
// The spec (4.116.1) and the API's shipping clients describe the tray's answers differently
// (docs/wire-notes.md): the models hold the fields of both, and methods such as
// NotificationTrayItem.OccurredAt read whichever the server sent.
type NotificationTrayService struct{ c *Client }

// NotificationTrayAction is what happened in a tray item.
type NotificationTrayAction string

// Tray item actions: the spec's, then those only the API's clients know.
const (
	TrayActionPost        NotificationTrayAction = "post"
	TrayActionPoll        NotificationTrayAction = "poll"
	TrayActionComment     NotificationTrayAction = "comment"
	TrayActionReaction    NotificationTrayAction = "reaction"
	TrayActionMention     NotificationTrayAction = "mention"
	TrayActionReply       NotificationTrayAction = "reply"
	TrayActionJoinRequest NotificationTrayAction = "join_request"
	TrayActionUser        NotificationTrayAction = "user"
)

// NotificationTrayCategory refines a tray item's action (a mention or a reaction of what).
type NotificationTrayCategory string

// Tray item categories: the spec's four, then those of the API's clients.
const (
	TrayMentionInPost        NotificationTrayCategory = "mention_in_post"
	TrayMentionInComment     NotificationTrayCategory = "mention_in_comment"
	TrayReactToPost          NotificationTrayCategory = "react_to_post"
	TrayReactToComment       NotificationTrayCategory = "react_to_comment"
	TrayMentionInReply       NotificationTrayCategory = "mention_in_reply"
	TrayMentionInPoll        NotificationTrayCategory = "mention_in_poll"
	TrayReactionOnPost       NotificationTrayCategory = "reaction_on_post"
	TrayReactionOnComment    NotificationTrayCategory = "reaction_on_comment"
	TrayReactionOnReply      NotificationTrayCategory = "reaction_on_reply"
	TrayRespondOnJoinRequest NotificationTrayCategory = "respond_on_join_request"
	TrayFollow               NotificationTrayCategory = "follow"
	TrayEventReminder        NotificationTrayCategory = "event_reminder"
	TrayEventStarted         NotificationTrayCategory = "event_started"
	TrayEventCreated         NotificationTrayCategory = "event_created"
	TrayRoomCohostInvite     NotificationTrayCategory = "room_cohost_invite"
	TrayUserProfileReset     NotificationTrayCategory = "user_profile_reset"
)

// NotificationTrayActor is one actor of a tray item, as the API's clients read it.
type NotificationTrayActor struct {
	// ID is the actor's internal user ID; PublicID its public one.
	ID       string `json:"_id"`
	PublicID string `json:"publicId"`
	// LastActedAt is when the actor last acted.
	LastActedAt Time `json:"lastActedAt"`
}

// NotificationTrayData is the data of a tray item: the community's name, or the names of
// the reactions of a reaction item.
type NotificationTrayData struct {
	CommunityName string   `json:"communityName,omitempty"`
	ReactionName  []string `json:"reactionName,omitempty"`
}

// NotificationTrayItem is one item of the tray: what happened (Action), to what (TargetID,
// TargetType) and by whom (the actors), grouped (Alice and 2 others reacted to your post).
type NotificationTrayItem struct {
	// ID is the item's ID, to pass to MarkItemsSeen.
	ID string `json:"_id"`
	// LastOccurredAt (the clients' spelling) and LastOccuredAt (the spec's) are when the item
	// last occurred; OccurredAt reads either.
	LastOccurredAt Time `json:"lastOccurredAt"`
	LastOccuredAt  Time `json:"lastOccuredAt"`
	// LastSeenAt is when the caller last saw the item (the clients read it on the item; the
	// spec lists it in NotificationTrayPayload.NotificationTrayItemSeens).
	LastSeenAt Time `json:"lastSeenAt"`
	// ActorIDs (the spec's, at most 3) and Actors (the clients') are the latest actors;
	// ActorsCount is how many there are in all.
	ActorIDs    []string                `json:"actorIds"`
	Actors      []NotificationTrayActor `json:"actors"`
	ActorsCount int                     `json:"actorsCount"`
	// Action (the spec's name) and ActionType (the clients') are what happened; Kind reads
	// either.
	Action     NotificationTrayAction `json:"action,omitempty"`
	ActionType NotificationTrayAction `json:"actionType,omitempty"`
	// TrayItemCategory refines a mention or a reaction.
	TrayItemCategory NotificationTrayCategory `json:"trayItemCategory,omitempty"`
	// TargetID and TargetType are what the item is about (a post, a community, ...).
	TargetID   string `json:"targetId"`
	TargetType string `json:"targetType"`
	// ReferenceID and ReferenceType are what the action made (a comment, a reaction, ...).
	ReferenceID   string `json:"referenceId,omitempty"`
	ReferenceType string `json:"referenceType,omitempty"`
	// ActionReferenceID is the clients' reference of the action (the reaction or comment).
	ActionReferenceID string `json:"actionReferenceId,omitempty"`
	// SelfID (the spec's) is the item's own content; ParentID its parent comment; RootID the
	// root comment of a thread and LatestCommentID the newest comment (the clients').
	SelfID          string `json:"selfId,omitempty"`
	ParentID        string `json:"parentId,omitempty"`
	RootID          string `json:"rootId,omitempty"`
	LatestCommentID string `json:"latestCommentId,omitempty"`
	// Data names the community, or the reactions of a reaction item.
	Data NotificationTrayData `json:"data"`
	// Text is ready to show; TemplatedText holds placeholders a client fills in.
	Text          string `json:"text"`
	TemplatedText string `json:"templatedText"`
	// DaySegment is the day the clients group the item under.
	DaySegment Time `json:"daySegment"`
}

// OccurredAt returns when the item last occurred, in whichever spelling the server sent it.
func (it *NotificationTrayItem) OccurredAt() Time {
	if !it.LastOccurredAt.IsZero() {
		return it.LastOccurredAt
	}
	return it.LastOccuredAt
}

// Kind returns what happened, from Action or else ActionType.
func (it *NotificationTrayItem) Kind() NotificationTrayAction {
	if it.Action != "" {
		return it.Action
	}
	return it.ActionType
}

// ActorUserIDs returns the IDs of the item's actors: ActorIDs, else the Actors' IDs.
func (it *NotificationTrayItem) ActorUserIDs() []string {
	if len(it.ActorIDs) > 0 {
		return it.ActorIDs
	}
	ids := make([]string, 0, len(it.Actors))
	for _, a := range it.Actors {
		id := a.PublicID
		if id == "" {
			id = a.ID
		}
		ids = append(ids, id)
	}
	return ids
}

// NotificationTrayItemSeen is when the caller last saw one tray item.
type NotificationTrayItemSeen struct {
	// ID is the item's ID (sent as _id in a listing, id in MarkItemsSeen's answer).
	ID string
	// LastSeenAt is when the caller last saw it.
	LastSeenAt Time
}

// UnmarshalJSON reads the item's ID from _id (the spec's listing) or id (the clients' answer
// of MarkItemsSeen).
func (s *NotificationTrayItemSeen) UnmarshalJSON(b []byte) error {
	var w struct {
		ID         string `json:"_id"`
		AltID      string `json:"id"`
		LastSeenAt Time   `json:"lastSeenAt"`
	}
	if !decodeLenient(b, &w) {
		return errors.New("amity: a seen tray item is not a JSON object")
	}
	*s = NotificationTrayItemSeen{ID: w.ID, LastSeenAt: w.LastSeenAt}
	if s.ID == "" {
		s.ID = w.AltID
	}
	return nil
}

// NotificationTrayPaging holds the paging of a tray page in either form: the cursors of the
// API's clients (Next, Previous) or the page numbers of the spec.
type NotificationTrayPaging struct {
	Next     string `json:"next,omitempty"`
	Previous string `json:"previous,omitempty"`
	// CurrentPage, TotalPages, TotalItems and PageSize are the spec's page numbers.
	CurrentPage int `json:"currentPage,omitempty"`
	TotalPages  int `json:"totalPages,omitempty"`
	TotalItems  int `json:"totalItems,omitempty"`
	PageSize    int `json:"pageSize,omitempty"`
}

// NotificationTrayPayload is one page of the caller's tray, newest first, with the actors.
type NotificationTrayPayload struct {
	rawJSON
	NotificationTrayItems []NotificationTrayItem `json:"notificationTrayItems"`
	// NotificationTrayItemSeens are when the caller last saw the items (the spec's form; see
	// SeenAt).
	NotificationTrayItemSeens []NotificationTrayItemSeen `json:"notificationTrayItemSeens"`
	// Users are the actors (see Actors, UserByID).
	Users []User `json:"users"`
	// Files are the actors' avatars, when the answer includes them.
	Files []File `json:"files"`
	// Paging holds the cursors or page numbers; ListPage takes them through PageToken.
	Paging NotificationTrayPaging `json:"paging"`
}

func (p *NotificationTrayPayload) pageItems() []NotificationTrayItem { return p.NotificationTrayItems }

// pageInfo returns the clients' cursors, or else page numbers (as text) for the spec's
// paging.
func (p *NotificationTrayPayload) pageInfo() Paging {
	pg := p.Paging
	if pg.Next != "" || pg.Previous != "" {
		return Paging{Next: pg.Next, Previous: pg.Previous}
	}
	var out Paging
	if pg.CurrentPage > 0 && pg.CurrentPage < pg.TotalPages {
		out.Next = strconv.Itoa(pg.CurrentPage + 1)
	}
	if pg.CurrentPage > 1 {
		out.Previous = strconv.Itoa(pg.CurrentPage - 1)
	}
	if pg.TotalItems > 0 {
		total := pg.TotalItems
		out.Total = &total
	}
	return out
}

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *NotificationTrayPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// Actors returns the sideloaded users who acted in item, in its order.
func (p *NotificationTrayPayload) Actors(item *NotificationTrayItem) []User {
	if item == nil {
		return nil
	}
	if len(item.ActorIDs) > 0 {
		return lookupAll(item.ActorIDs, p.UserByID)
	}
	var out []User
	for _, a := range item.Actors {
		if u := findUserOf(p.Users, a.PublicID, a.ID); u != nil {
			out = append(out, *u)
		}
	}
	return out
}

// SeenAt returns when the caller last saw item: its LastSeenAt, else its entry of
// NotificationTrayItemSeens; zero when never.
func (p *NotificationTrayPayload) SeenAt(item *NotificationTrayItem) Time {
	if item == nil {
		return Time{}
	}
	if !item.LastSeenAt.IsZero() {
		return item.LastSeenAt
	}
	if s := byID(p.NotificationTrayItemSeens, item.ID, func(s *NotificationTrayItemSeen) string { return s.ID }); s != nil {
		return s.LastSeenAt
	}
	return Time{}
}

// ListNotificationTrayParams pages NotificationTray.List. The zero value lists from the
// newest item, 20 a page.
type ListNotificationTrayParams struct {
	// PageParams: Limit is the page size (1 to 100); PageToken a Paging.Next or
	// Paging.Previous of an earlier page.
	PageParams
}

func (p *ListNotificationTrayParams) query(op string) (query, error) {
	p = orZero(p)
	if err := p.PageParams.validate(op, 0); err != nil {
		return nil, err
	}
	q := query{}
	q.integer("pageSize", p.Limit)
	q.integer("options[limit]", p.Limit)
	if n, err := strconv.Atoi(p.PageToken); err == nil && n > 0 && strconv.Itoa(n) == p.PageToken {
		q.integer("page", n) // a page number of the spec's paging (pageInfo)
	} else {
		q.str("options[token]", p.PageToken)
	}
	return q, nil
}

// List returns an iterator over the caller's tray items, newest first, fetching pages as it
// goes. GET /api/v1/notification-tray.
func (s *NotificationTrayService) List(ctx context.Context, params *ListNotificationTrayParams, opts ...CallOption) iter.Seq2[NotificationTrayItem, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of List. GET /api/v1/notification-tray.
func (s *NotificationTrayService) ListPages(ctx context.Context, params *ListNotificationTrayParams, opts ...CallOption) iter.Seq2[*NotificationTrayPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of the caller's tray with the actors. GET
// /api/v1/notification-tray, paged as the API's clients page it (options[limit],
// options[token]) and as the spec does (pageSize, page): see docs/wire-notes.md.
func (s *NotificationTrayService) ListPage(ctx context.Context, params *ListNotificationTrayParams, opts ...CallOption) (*NotificationTrayPayload, error) {
	return listPage[NotificationTrayPayload](ctx, s.c, &request{op: "NotificationTray.ListPage", method: http.MethodGet,
		path: "/api/v1/notification-tray", opts: opts}, params)
}

// NotificationTrayItemSeenParams marks one tray item seen.
type NotificationTrayItemSeenParams struct {
	// ItemID (required) is the item's ID (NotificationTrayItem.ID).
	ItemID string
	// LastSeenAt (required) is when the caller saw it.
	LastSeenAt time.Time
}

// MarkNotificationTrayItemsSeenParams are the items of NotificationTray.MarkItemsSeen.
type MarkNotificationTrayItemsSeenParams struct {
	// Items (required) are the items seen, at least one.
	Items []NotificationTrayItemSeenParams
}

// MarshalJSON encodes the body, {"trayItems": [{"id", "lastSeenAt"}]}, times in UTC.
func (p MarkNotificationTrayItemsSeenParams) MarshalJSON() ([]byte, error) {
	type item struct {
		ID         string `json:"id"`
		LastSeenAt string `json:"lastSeenAt"`
	}
	items := make([]item, len(p.Items))
	for i, it := range p.Items {
		items[i] = item{it.ItemID, it.LastSeenAt.UTC().Format(time.RFC3339Nano)}
	}
	return json.Marshal(struct {
		TrayItems []item `json:"trayItems"`
	}{items})
}

// NotificationTrayItemsSeenPayload is the answer of MarkItemsSeen: the spec gives when the
// tray was seen (LastTraySeenAt, LastSeenAt), the API's clients read the items marked
// (TrayItems).
type NotificationTrayItemsSeenPayload struct {
	rawJSON
	LastTraySeenAt Time                       `json:"lastTraySeenAt"`
	LastSeenAt     Time                       `json:"lastSeenAt"`
	TrayItems      []NotificationTrayItemSeen `json:"trayItems"`
}

// ItemByID returns the marked item with the given ID, or nil.
func (p *NotificationTrayItemsSeenPayload) ItemByID(itemID string) *NotificationTrayItemSeen {
	return byID(p.TrayItems, itemID, func(s *NotificationTrayItemSeen) string { return s.ID })
}

// MarkItemsSeen marks tray items seen at the given times and returns the answer. POST
// /api/v1/notification-tray/items/seen. Retried: it sets each item's seen time, so a repeat
// leaves the same state.
func (s *NotificationTrayService) MarkItemsSeen(ctx context.Context, params *MarkNotificationTrayItemsSeenParams, opts ...CallOption) (*NotificationTrayItemsSeenPayload, error) {
	const op = "NotificationTray.MarkItemsSeen"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if len(params.Items) == 0 {
		return nil, &ValidationError{Op: op, Field: "Items", Reason: "must hold at least 1 item"}
	}
	for i, it := range params.Items {
		field := "Items[" + strconv.Itoa(i) + "]"
		if err := required(op, field+".ItemID", it.ItemID); err != nil {
			return nil, err
		}
		if it.LastSeenAt.IsZero() {
			return nil, &ValidationError{Op: op, Field: field + ".LastSeenAt", Reason: "is required"}
		}
	}
	return call[NotificationTrayItemsSeenPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v1/notification-tray/items/seen",
		body: params, idempotent: true, opts: opts})
}

// NotificationTraySeenPayload is when the caller last saw the tray and when its newest item
// occurred (GetSeen), or when the tray was marked seen (MarkSeen). The spec and the API's
// clients spell some members differently; SeenAt, OccurredAt and IsSeen read either.
type NotificationTraySeenPayload struct {
	rawJSON
	// LastTraySeenAt is when the tray was last seen (LastSeenAt in the clients' reading of
	// MarkSeen's answer).
	LastTraySeenAt Time `json:"lastTraySeenAt"`
	LastSeenAt     Time `json:"lastSeenAt"`
	// LastTrayOccurredAt (the clients' spelling) and LastTrayOccuredAt (the spec's) are when
	// the newest item occurred.
	LastTrayOccurredAt Time `json:"lastTrayOccurredAt"`
	LastTrayOccuredAt  Time `json:"lastTrayOccuredAt"`
}

// SeenAt returns when the tray was last seen; zero when never.
func (p *NotificationTraySeenPayload) SeenAt() Time {
	if !p.LastTraySeenAt.IsZero() {
		return p.LastTraySeenAt
	}
	return p.LastSeenAt
}

// OccurredAt returns when the tray's newest item occurred; zero when there is none.
func (p *NotificationTraySeenPayload) OccurredAt() Time {
	if !p.LastTrayOccurredAt.IsZero() {
		return p.LastTrayOccurredAt
	}
	return p.LastTrayOccuredAt
}

// IsSeen reports whether the caller saw the tray after its newest item occurred (true for an
// empty tray), as the API's clients compute it.
func (p *NotificationTraySeenPayload) IsSeen() bool {
	occurred := p.OccurredAt()
	if occurred.IsZero() {
		return true
	}
	seen := p.SeenAt()
	return !seen.IsZero() && seen.After(occurred.Time)
}

// GetSeen returns when the caller last saw the tray and when its newest item occurred. GET
// /api/v1/notification-tray/tray/seen.
func (s *NotificationTrayService) GetSeen(ctx context.Context, opts ...CallOption) (*NotificationTraySeenPayload, error) {
	return call[NotificationTraySeenPayload](ctx, s.c, &request{op: "NotificationTray.GetSeen", method: http.MethodGet,
		path: "/api/v1/notification-tray/tray/seen", opts: opts})
}

// MarkNotificationTraySeenParams is the body of NotificationTray.MarkSeen.
type MarkNotificationTraySeenParams struct {
	// LastSeenAt (required) is when the caller saw the tray.
	LastSeenAt time.Time
}

// MarshalJSON encodes the body, {"lastSeenAt"}, in UTC.
func (p MarkNotificationTraySeenParams) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		LastSeenAt string `json:"lastSeenAt"`
	}{p.LastSeenAt.UTC().Format(time.RFC3339Nano)})
}

// MarkSeen marks the whole tray seen at LastSeenAt and returns the answer. POST
// /api/v1/notification-tray/tray/seen. Retried: it sets the tray's seen time, so a repeat
// leaves the same state.
func (s *NotificationTrayService) MarkSeen(ctx context.Context, params *MarkNotificationTraySeenParams, opts ...CallOption) (*NotificationTraySeenPayload, error) {
	const op = "NotificationTray.MarkSeen"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if params.LastSeenAt.IsZero() {
		return nil, &ValidationError{Op: op, Field: "LastSeenAt", Reason: "is required"}
	}
	return call[NotificationTraySeenPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v1/notification-tray/tray/seen",
		body: params, idempotent: true, opts: opts})
}
