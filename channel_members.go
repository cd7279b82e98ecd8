package amity

// This file is the membership calls of channels: the caller's membership (Join, Leave, MarkSeen),
// members, roles, bans and mutes, and their types.

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"time"
)

// ChannelMembership is a user's standing in a channel.
type ChannelMembership string

// Channel memberships.
const (
	ChannelMembershipNone   ChannelMembership = "none"
	ChannelMembershipMember ChannelMembership = "member"
	ChannelMembershipBanned ChannelMembership = "banned"
	// ChannelMembershipMuted selects muted members in Channels.ListMembers (a filter; a
	// membership itself reports muting in ChannelUser.IsMuted).
	ChannelMembershipMuted ChannelMembership = "muted"
)

// ChannelUser is a user's membership of a channel: standing, roles, mute and read position.
type ChannelUser struct {
	UserID         string `json:"userId,omitempty"`
	UserInternalID string `json:"userInternalId,omitempty"`
	UserPublicID   string `json:"userPublicId,omitempty"`
	// ChannelID is the channel; ChannelInternalID and ChannelPublicID are its two forms.
	ChannelID         string `json:"channelId,omitempty"`
	ChannelInternalID string `json:"channelInternalId,omitempty"`
	ChannelPublicID   string `json:"channelPublicId,omitempty"`
	// Membership is none, member or banned.
	Membership   ChannelMembership `json:"membership,omitempty"`
	IsBanned     bool              `json:"isBanned,omitempty"`
	LastActivity Time              `json:"lastActivity"`
	// Roles are the user's role IDs in the channel; Permissions what they allow
	// (e.g. "BAN_USER_FROM_CHANNEL").
	Roles       []string `json:"roles,omitempty"`
	Permissions []string `json:"permissions,omitempty"`
	// ReadToSegment is the user's read position (see Channels.MarkSeen);
	// LastMentionedSegment the last message that mentioned them.
	ReadToSegment        int `json:"readToSegment,omitempty"`
	LastMentionedSegment int `json:"lastMentionedSegment,omitempty"`
	// IsMuted reports a mute of the user in the channel, until MuteTimeout.
	IsMuted     bool `json:"isMuted,omitempty"`
	MuteTimeout Time `json:"muteTimeout"`
	CreatedAt   Time `json:"createdAt"`
	UpdatedAt   Time `json:"updatedAt"`
}

// channelsUserIDs checks the user IDs of a membership operation: 1 to 100 IDs of 1 to 50
// characters.
func channelsUserIDs(op string, userIDs []string) error {
	return idList(op, "UserIDs", userIDs, 100, 50)
}

// ---- Membership of the caller ----

// Join makes the caller a member of a channel and returns the channel (the payload's
// Channel()) with the membership. POST /api/v3/channels/{channelId}/join. Not retried once it
// may have reached the server (each join is an event members are notified of).
func (s *ChannelsService) Join(ctx context.Context, channelID string, opts ...CallOption) (*ChannelPayload, error) {
	const op = "Channels.Join"
	path, err := pathf(op, "/api/v3/channels/%s/join", id("channelID", channelID))
	if err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPost, path: path, opts: opts}, "channel", (*ChannelPayload).pageItems)
}

// Leave ends the caller's membership of a channel and returns the channel bundle the API
// answers with. DELETE /api/v3/channels/{channelId}/leave. Not retried once it may have
// reached the server (each leave is an event members are notified of).
func (s *ChannelsService) Leave(ctx context.Context, channelID string, opts ...CallOption) (*ChannelPayload, error) {
	const op = "Channels.Leave"
	path, err := pathf(op, "/api/v3/channels/%s/leave", id("channelID", channelID))
	if err != nil {
		return nil, err
	}
	return call[ChannelPayload](ctx, s.c, &request{op: op, method: http.MethodDelete, path: path, opts: opts})
}

// MarkSeenParams give the caller's new read position of Channels.MarkSeen.
type MarkSeenParams struct {
	// ReadToSegment (0 or more) is the segment of the last message read.
	ReadToSegment int `json:"readToSegment"`
}

// MarkSeen sets the caller's read position in a channel to the message of segment
// params.ReadToSegment. POST /api/v3/channels/{channelId}/seen. Idempotent by construction
// (it sets the position to an absolute value), so it is retried like a read.
func (s *ChannelsService) MarkSeen(ctx context.Context, channelID string, params *MarkSeenParams, opts ...CallOption) error {
	const op = "Channels.MarkSeen"
	path, err := pathf(op, "/api/v3/channels/%s/seen", id("channelID", channelID))
	if err != nil {
		return err
	}
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	if params.ReadToSegment < 0 {
		return &ValidationError{Op: op, Field: "ReadToSegment", Reason: "must not be negative"}
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: path, body: params, idempotent: true, opts: opts}, nil)
}

// ---- Members ----

// ChannelMemberSortBy orders channel members.
type ChannelMemberSortBy string

// Channel member orders. DisplayName orders the v3 listing only (Channels.V3.ListMembers).
const (
	ChannelMemberSortLastCreated  ChannelMemberSortBy = "lastCreated"
	ChannelMemberSortFirstCreated ChannelMemberSortBy = "firstCreated"
	ChannelMemberSortDisplayName  ChannelMemberSortBy = "displayName"
)

// ChannelMembersPayload is one page of channel members: the channel bundle whose
// ChannelUsers are the page's items.
type ChannelMembersPayload struct {
	ChannelPayload
}

func (p *ChannelMembersPayload) pageItems() []ChannelUser { return p.ChannelUsers }
func (p *ChannelMembersPayload) pageInfo() Paging         { return p.Paging }

// ListChannelMembersParams filter and page Channels.ListMembers. The zero value lists members
// (the server's default membership filter), newest first.
type ListChannelMembersParams struct {
	// PageParams: Limit 1 to 100 (server default 10); PageToken at most 1,000 characters.
	PageParams
	// Roles keeps members holding one of these roles (1 to 20 of 1 to 900 characters); sent
	// as roles[] (the API's clients' name) and as role[] (the spec's), so that the filter
	// holds whichever the server reads.
	Roles []string
	// Memberships keeps members of these standings (1 to 3 of member, banned, muted); the
	// server's default is member.
	Memberships []ChannelMembership
	// Search matches members' display names, profile handles and user IDs (at most 10,000
	// characters).
	Search string
	// SearchBy says which fields Search matches (at most 3): displayName, profileHandle,
	// userId; empty matches all three.
	SearchBy []UserSearchField
	// SortBy: lastCreated (default) or firstCreated.
	SortBy ChannelMemberSortBy
	// IsDeleted: nil lists both, true deleted users only, false others only.
	IsDeleted *bool
	// IsBrand: true lists brand users only, false the others; nil both.
	IsBrand *bool
}

func (p *ListChannelMembersParams) query(op string) (query, error) {
	p = orZero(p)
	if err := firstErr(
		p.PageParams.validate(op, 1000),
		stringList(op, "Roles", p.Roles, 20, 1, 900),
		maxItems(op, "Memberships", len(p.Memberships), 3),
		maxLen(op, "Search", p.Search, 10000),
		checkSearchBy(op, p.SearchBy),
	); err != nil {
		return nil, err
	}
	memberships := make([]string, 0, len(p.Memberships))
	for _, m := range p.Memberships {
		if m == "" {
			return nil, &ValidationError{Op: op, Field: "Memberships", Reason: "must not hold an empty value"}
		}
		memberships = append(memberships, string(m))
	}
	q := query{}
	// The clients send roles (as the v3 listing's spec names it); spec 4.92 and 4.116 name it
	// role here. A filter the server ignored would list every member, so both are sent
	// (docs/wire-notes.md).
	q.list("roles", p.Roles)
	q.list("role", p.Roles)
	q.str("sortBy", string(p.SortBy))
	q.list("memberships", memberships)
	q.str("search", p.Search)
	enums(q, "searchBy", p.SearchBy)
	q.boolean("isDeleted", p.IsDeleted)
	q.boolean("isBrand", p.IsBrand)
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// ListMembers returns an iterator over a channel's members, fetching pages as it goes.
// GET /api/v4/channels/{channelId}/users. For a moderation view, filter with
// Memberships: banned or muted.
func (s *ChannelsService) ListMembers(ctx context.Context, channelID string, params *ListChannelMembersParams, opts ...CallOption) iter.Seq2[ChannelUser, error] {
	return listAll(ctx, params, opts, pageOn(channelID, s.ListMembersPage))
}

// ListMembersPages returns an iterator over the pages of a channel's members, with their
// users and files. GET /api/v4/channels/{channelId}/users.
func (s *ChannelsService) ListMembersPages(ctx context.Context, channelID string, params *ListChannelMembersParams, opts ...CallOption) iter.Seq2[*ChannelMembersPayload, error] {
	return pages(ctx, params, opts, pageOn(channelID, s.ListMembersPage))
}

// ListMembersPage returns one page of a channel's members with their users and files.
// GET /api/v4/channels/{channelId}/users.
func (s *ChannelsService) ListMembersPage(ctx context.Context, channelID string, params *ListChannelMembersParams, opts ...CallOption) (*ChannelMembersPayload, error) {
	const op = "Channels.ListMembersPage"
	path, err := pathf(op, "/api/v4/channels/%s/users", id("channelID", channelID))
	if err != nil {
		return nil, err
	}
	if err := maxLen(op, "channelID", channelID, 900); err != nil {
		return nil, err
	}
	return listPage[ChannelMembersPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, params)
}

// V3ChannelMemberFilter selects members by standing in Channels.V3.ListMembers.
type V3ChannelMemberFilter string

// Channel member filters of the v3 listing.
const (
	V3ChannelMemberFilterAll             V3ChannelMemberFilter = "all"
	V3ChannelMemberFilterMuted           V3ChannelMemberFilter = "muted"
	V3ChannelMemberFilterBanned          V3ChannelMemberFilter = "banned"
	V3ChannelMemberFilterMemberAndBanned V3ChannelMemberFilter = "member&banned"
)

// V3ListChannelMembersParams filter and page Channels.V3.ListMembers.
type V3ListChannelMembersParams struct {
	// PageParams: Limit 1 to 100 (server default 10); PageToken at most 100 characters.
	PageParams
	// Roles keeps members holding one of these roles (1 to 20 of 1 to 900 characters).
	Roles []string
	// Filter: all (default), muted, banned or member&banned.
	Filter V3ChannelMemberFilter
	// SortBy: lastCreated (default), firstCreated or displayName.
	SortBy ChannelMemberSortBy
	// IsDeleted: nil lists both, true deleted users only, false others only.
	IsDeleted *bool
}

func (p *V3ListChannelMembersParams) query(op string) (query, error) {
	p = orZero(p)
	if err := firstErr(
		p.PageParams.validate(op, 100),
		stringList(op, "Roles", p.Roles, 20, 1, 900),
	); err != nil {
		return nil, err
	}
	q := query{}
	q.list("roles", p.Roles)
	q.str("filter", string(p.Filter))
	q.str("sortBy", string(p.SortBy))
	q.boolean("isDeleted", p.IsDeleted)
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// ListMembers returns an iterator over a channel's members with the v3 listing, fetching
// pages as it goes. GET /api/v3/channels/{channelId}/users. It differs from
// Channels.ListMembers (v4) in its filters: one Filter value instead of Memberships, no
// Search.
func (s *ChannelsV3Service) ListMembers(ctx context.Context, channelID string, params *V3ListChannelMembersParams, opts ...CallOption) iter.Seq2[ChannelUser, error] {
	return listAll(ctx, params, opts, pageOn(channelID, s.ListMembersPage))
}

// ListMembersPages returns an iterator over the pages of a channel's members with the v3
// listing. GET /api/v3/channels/{channelId}/users.
func (s *ChannelsV3Service) ListMembersPages(ctx context.Context, channelID string, params *V3ListChannelMembersParams, opts ...CallOption) iter.Seq2[*ChannelMembersPayload, error] {
	return pages(ctx, params, opts, pageOn(channelID, s.ListMembersPage))
}

// ListMembersPage returns one page of a channel's members with the v3 listing.
// GET /api/v3/channels/{channelId}/users. See ListMembers.
func (s *ChannelsV3Service) ListMembersPage(ctx context.Context, channelID string, params *V3ListChannelMembersParams, opts ...CallOption) (*ChannelMembersPayload, error) {
	const op = "Channels.V3.ListMembersPage"
	path, err := pathf(op, "/api/v3/channels/%s/users", id("channelID", channelID))
	if err != nil {
		return nil, err
	}
	return listPage[ChannelMembersPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, params)
}

// ChannelMembersParams name the users of a membership operation (Channels.AddMembers,
// RemoveMembers, BanMembers, UnbanMembers, UnmuteMembers).
type ChannelMembersParams struct {
	// UserIDs (required) are 1 to 100 IDs of at most 50 characters.
	UserIDs []string `json:"userIds"`
}

// members sends r, a membership call on /api/v3/channels/{channelId}/users... whose path is
// still a format holding channelID, with params' users: as the body, and for a DELETE in the
// query and a channelsDeleteBody.
func (s *ChannelsService) members(ctx context.Context, channelID string, params *ChannelMembersParams, r *request) (*ChannelPayload, error) {
	op := r.op
	path, err := pathf(op, r.path, id("channelID", channelID))
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := channelsUserIDs(op, params.UserIDs); err != nil {
		return nil, err
	}
	r.path = path
	if r.method == http.MethodDelete {
		q := query{}
		q.list("userIds", params.UserIDs)
		r.query = url.Values(q)
		r.body = channelsDeleteBody{ChannelID: channelID, UserIDs: params.UserIDs}
	} else {
		r.body = params
	}
	return call[ChannelPayload](ctx, s.c, r)
}

// channelsDeleteBody is the JSON body of the channel DELETE calls that name members. The spec
// puts their parameters in the query; the API's clients send them as this body (axios's
// DELETE data), {channelId, role, userIds}. Both are sent, so the call works whichever the
// server reads (docs/wire-notes.md).
type channelsDeleteBody struct {
	ChannelID string   `json:"channelId"`
	Role      string   `json:"role,omitempty"`
	UserIDs   []string `json:"userIds"`
}

// AddMembers adds users to a channel and returns the channel bundle.
// POST /api/v3/channels/{channelId}/users. Not retried once it may have reached the server
// (members are notified of each addition).
func (s *ChannelsService) AddMembers(ctx context.Context, channelID string, params *ChannelMembersParams, opts ...CallOption) (*ChannelPayload, error) {
	return s.members(ctx, channelID, params, &request{op: "Channels.AddMembers", method: http.MethodPost, path: "/api/v3/channels/%s/users", opts: opts})
}

// RemoveMembers removes users from a channel and returns the channel bundle.
// DELETE /api/v3/channels/{channelId}/users, with the user IDs in the query (as the spec says)
// and in a JSON body (as the API's clients send them). Idempotent by construction (removed users stay
// removed), so it is retried like a read.
func (s *ChannelsService) RemoveMembers(ctx context.Context, channelID string, params *ChannelMembersParams, opts ...CallOption) (*ChannelPayload, error) {
	return s.members(ctx, channelID, params, &request{op: "Channels.RemoveMembers", method: http.MethodDelete, path: "/api/v3/channels/%s/users", idempotent: true, opts: opts})
}

// BanMembers bans users from a channel: they are removed and cannot rejoin until unbanned.
// PUT /api/v3/channels/{channelId}/users/ban. Idempotent by construction (it sets the users'
// standing to banned; banning twice leaves the same state), so it is retried like a read.
func (s *ChannelsService) BanMembers(ctx context.Context, channelID string, params *ChannelMembersParams, opts ...CallOption) (*ChannelPayload, error) {
	return s.members(ctx, channelID, params, &request{op: "Channels.BanMembers", method: http.MethodPut, path: "/api/v3/channels/%s/users/ban", idempotent: true, opts: opts})
}

// UnbanMembers lifts the channel ban of users; they may join again but are not made
// members. PUT /api/v3/channels/{channelId}/users/unban. Idempotent by construction (it sets
// the users' standing to not banned), so it is retried like a read.
func (s *ChannelsService) UnbanMembers(ctx context.Context, channelID string, params *ChannelMembersParams, opts ...CallOption) (*ChannelPayload, error) {
	return s.members(ctx, channelID, params, &request{op: "Channels.UnbanMembers", method: http.MethodPut, path: "/api/v3/channels/%s/users/unban", idempotent: true, opts: opts})
}

// ChannelRoleParams name a role and the members of Channels.AddRole and RemoveRole.
type ChannelRoleParams struct {
	// Role (required) is the role ID: at most 100 characters for AddRole, 900 for
	// RemoveRole.
	Role string `json:"role"`
	// UserIDs (required) are 1 to 100 IDs of at most 50 characters.
	UserIDs []string `json:"userIds"`
}

func (p *ChannelRoleParams) validate(op string, maxRole int) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	return firstErr(required(op, "Role", p.Role), maxLen(op, "Role", p.Role, maxRole), channelsUserIDs(op, p.UserIDs))
}

// AddRole gives a role to members of a channel and returns the channel bundle.
// POST /api/v3/channels/{channelId}/users/roles. Idempotent by construction (it sets the role
// on a set of users; holding a role twice is holding it), so it is retried like a read.
func (s *ChannelsService) AddRole(ctx context.Context, channelID string, params *ChannelRoleParams, opts ...CallOption) (*ChannelPayload, error) {
	const op = "Channels.AddRole"
	path, err := pathf(op, "/api/v3/channels/%s/users/roles", id("channelID", channelID))
	if err != nil {
		return nil, err
	}
	if err := params.validate(op, 100); err != nil {
		return nil, err
	}
	return call[ChannelPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: path, body: params, idempotent: true, opts: opts})
}

// RemoveRole takes a role from members of a channel and returns the channel bundle.
// DELETE /api/v3/channels/{channelId}/users/roles, with the role and user IDs in the query (as
// the spec says) and in a JSON body (as the API's clients send them). Idempotent by construction (the role stays
// removed), so it is retried like a read.
func (s *ChannelsService) RemoveRole(ctx context.Context, channelID string, params *ChannelRoleParams, opts ...CallOption) (*ChannelPayload, error) {
	const op = "Channels.RemoveRole"
	path, err := pathf(op, "/api/v3/channels/%s/users/roles", id("channelID", channelID))
	if err != nil {
		return nil, err
	}
	if err := params.validate(op, 900); err != nil {
		return nil, err
	}
	q := query{}
	q.list("userIds", params.UserIDs)
	q.str("role", params.Role)
	body := channelsDeleteBody{ChannelID: channelID, Role: params.Role, UserIDs: params.UserIDs}
	return call[ChannelPayload](ctx, s.c, &request{op: op, method: http.MethodDelete, path: path, query: url.Values(q), body: body, idempotent: true, opts: opts})
}

// ChannelMuteForever is the mute period of Channels.Mute and Channels.MuteMembers that lasts
// until an unmute.
const ChannelMuteForever time.Duration = -1

// channelsMutePeriod turns a period into the API's milliseconds: -1 for ChannelMuteForever.
func channelsMutePeriod(op string, period time.Duration) (int64, error) {
	switch {
	case period == ChannelMuteForever:
		return -1, nil
	case period < 0:
		return 0, &ValidationError{Op: op, Field: "Period", Reason: "must be positive or ChannelMuteForever"}
	case period == 0:
		return 0, &ValidationError{Op: op, Field: "Period", Reason: "must not be zero (use the Unmute call)"}
	case period < time.Millisecond:
		return 0, &ValidationError{Op: op, Field: "Period", Reason: "must be at least one millisecond"}
	}
	return period.Milliseconds(), nil
}

// channelsMuteBody is the JSON body of the channel mute calls.
type channelsMuteBody struct {
	UserIDs    []string `json:"userIds,omitempty"`
	MutePeriod int64    `json:"mutePeriod"`
}

// MuteChannelParams give the period of Channels.Mute.
type MuteChannelParams struct {
	// Period (required) is at least a millisecond (sent in milliseconds), or
	// ChannelMuteForever.
	Period time.Duration
}

// MuteChannelMembersParams name the users and period of Channels.MuteMembers.
type MuteChannelMembersParams struct {
	// UserIDs (required) are 1 to 100 IDs of at most 50 characters.
	UserIDs []string
	// Period (required) is at least a millisecond (sent in milliseconds), or
	// ChannelMuteForever.
	Period time.Duration
}

// mute sets the mute period (ms; 0 unmutes) of a whole channel.
func (s *ChannelsService) mute(ctx context.Context, op, channelID string, ms int64, opts []CallOption) error {
	path, err := pathf(op, "/api/v2/channel/%s/mute", id("channelID", channelID))
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPut, path: path, body: channelsMuteBody{MutePeriod: ms}, idempotent: true, opts: opts}, nil)
}

// muteMembers sets the mute period (ms; 0 unmutes) of members of a channel.
func (s *ChannelsService) muteMembers(ctx context.Context, op, channelID string, userIDs []string, ms int64, opts []CallOption) error {
	path, err := pathf(op, "/api/v2/channel/%s/users/mute", id("channelID", channelID))
	if err != nil {
		return err
	}
	if err := channelsUserIDs(op, userIDs); err != nil {
		return err
	}
	body := channelsMuteBody{UserIDs: userIDs, MutePeriod: ms}
	return s.c.do(ctx, &request{op: op, method: http.MethodPut, path: path, body: body, idempotent: true, opts: opts}, nil)
}

// Mute silences a whole channel for params.Period, or until unmuted with
// ChannelMuteForever: no member can send messages. PUT /api/v2/channel/{channelId}/mute.
// Idempotent by construction (it sets the channel's mute state), so it is retried like a
// read. An answer of success: false is an error matching ErrUnsuccessful.
func (s *ChannelsService) Mute(ctx context.Context, channelID string, params *MuteChannelParams, opts ...CallOption) error {
	const op = "Channels.Mute"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	ms, err := channelsMutePeriod(op, params.Period)
	if err != nil {
		return err
	}
	return s.mute(ctx, op, channelID, ms, opts)
}

// Unmute lifts the mute of a channel (a mute period of 0).
// PUT /api/v2/channel/{channelId}/mute. Idempotent by construction (it sets the channel's
// mute state), so it is retried like a read. An answer of success: false is an error
// matching ErrUnsuccessful.
func (s *ChannelsService) Unmute(ctx context.Context, channelID string, opts ...CallOption) error {
	return s.mute(ctx, "Channels.Unmute", channelID, 0, opts)
}

// MuteMembers silences users in a channel for params.Period, or until unmuted with
// ChannelMuteForever: they can read but not send. PUT /api/v2/channel/{channelId}/users/mute.
// Idempotent by construction (it sets the users' mute state), so it is retried like a read.
// An answer of success: false is an error matching ErrUnsuccessful.
func (s *ChannelsService) MuteMembers(ctx context.Context, channelID string, params *MuteChannelMembersParams, opts ...CallOption) error {
	const op = "Channels.MuteMembers"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	ms, err := channelsMutePeriod(op, params.Period)
	if err != nil {
		return err
	}
	return s.muteMembers(ctx, op, channelID, params.UserIDs, ms, opts)
}

// UnmuteMembers lifts the mute of users in a channel (a mute period of 0).
// PUT /api/v2/channel/{channelId}/users/mute. Idempotent by construction (it sets the users'
// mute state), so it is retried like a read. An answer of success: false is an error
// matching ErrUnsuccessful.
func (s *ChannelsService) UnmuteMembers(ctx context.Context, channelID string, params *ChannelMembersParams, opts ...CallOption) error {
	const op = "Channels.UnmuteMembers"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	return s.muteMembers(ctx, op, channelID, params.UserIDs, 0, opts)
}
