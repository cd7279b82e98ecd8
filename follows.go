package amity

import (
	"context"
	"iter"
	"net/http"
)

// FollowsService manages the follow graph: following and unfollowing users, follow
// requests, followers and follow counts. The calls under /me act as the calling user (use a
// view from Client.AsUser). The v4 follow info is on V4. Reach it as Client.Follows.
type FollowsService struct {
	c *Client
	// V4 holds GET /api/v4/users/{userId}/followInfo.
	V4 *FollowsV4Service
}

// FollowsV4Service holds the v4 follow calls that have a newer version. Reach it as
// Client.Follows.V4.
type FollowsV4Service struct{ c *Client }

// FollowStatus is the state of a follow relation.
type FollowStatus string

// Follow states. A follow is pending until the followed user accepts it, on networks that
// require approval; blocked appears in v5 follow info when one user blocked the other.
const (
	FollowPending  FollowStatus = "pending"
	FollowAccepted FollowStatus = "accepted"
	FollowNone     FollowStatus = "none"
	FollowBlocked  FollowStatus = "blocked"
)

// FollowStatusFilter selects the follows a listing returns.
type FollowStatusFilter string

// Follow listing filters.
const (
	FollowFilterAll      FollowStatusFilter = "all"
	FollowFilterPending  FollowStatusFilter = "pending"
	FollowFilterAccepted FollowStatusFilter = "accepted"
)

// Follow is one follow relation: From follows (or asked to follow) To.
type Follow struct {
	// From is the follower's user ID; FromUserPublicID and FromUserInternalID its forms.
	From               string `json:"from"`
	FromUserPublicID   string `json:"fromUserPublicId,omitempty"`
	FromUserInternalID string `json:"fromUserInternalId,omitempty"`
	// To is the followed user's ID; ToUserPublicID and ToUserInternalID its forms.
	To               string `json:"to"`
	ToUserPublicID   string `json:"toUserPublicId,omitempty"`
	ToUserInternalID string `json:"toUserInternalId,omitempty"`
	// Status is pending, accepted, none or (v5 follow info) blocked.
	Status    FollowStatus `json:"status,omitempty"`
	CreatedAt Time         `json:"createdAt"`
	UpdatedAt Time         `json:"updatedAt"`
}

// FollowCount is a user's follow counts.
type FollowCount struct {
	UserID         string `json:"userId"`
	FollowerCount  int    `json:"followerCount"`
	FollowingCount int    `json:"followingCount"`
	// PendingCount is the number of follow requests waiting for the user's answer.
	PendingCount int `json:"pendingCount"`
}

// FollowPayload is the answer of the follow calls and listings: the follows and the users
// they name.
type FollowPayload struct {
	rawJSON
	Follows []Follow `json:"follows"`
	Users   []User   `json:"users"`
	Files   []File   `json:"files"`
	Paging  Paging   `json:"paging"`
}

func (p *FollowPayload) pageItems() []Follow { return p.Follows }
func (p *FollowPayload) pageInfo() Paging    { return p.Paging }

// Follow returns the first follow of the answer (the one a follow call changed), or nil.
func (p *FollowPayload) Follow() *Follow { return firstOf(p.Follows) }

// UserByID returns the sideloaded user with the given ID, or nil.
func (p *FollowPayload) UserByID(id string) *User { return findUser(p.Users, id) }

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *FollowPayload) FileByID(id string) *File { return findFile(p.Files, id) }

// Follower returns the sideloaded user who follows in f, or nil.
func (p *FollowPayload) Follower(f *Follow) *User {
	if f == nil {
		return nil
	}
	return findUser(p.Users, f.From)
}

// Followee returns the sideloaded user followed in f, or nil.
func (p *FollowPayload) Followee(f *Follow) *User {
	if f == nil {
		return nil
	}
	return findUser(p.Users, f.To)
}

// FollowInfoPayload is the answer of the follow-info calls: a user's counts and, for another
// user, the relation between the caller and that user.
type FollowInfoPayload struct {
	rawJSON
	// Follows holds the caller's follow of the user, when asked about another user.
	Follows      []Follow      `json:"follows"`
	FollowCounts []FollowCount `json:"followCounts"`
}

// Count returns the first follow counts of the answer (the user asked about), or nil.
func (p *FollowInfoPayload) Count() *FollowCount { return firstOf(p.FollowCounts) }

// CountByID returns the follow counts of the given user, or nil.
func (p *FollowInfoPayload) CountByID(userID string) *FollowCount {
	return byID(p.FollowCounts, userID, func(c *FollowCount) string { return c.UserID })
}

// Status returns the status of the caller's follow of the user asked about (FollowNone
// when the answer carries none).
func (p *FollowInfoPayload) Status() FollowStatus {
	if len(p.Follows) == 0 || p.Follows[0].Status == "" {
		return FollowNone
	}
	return p.Follows[0].Status
}

// onFollow sends r, a call on the caller's follow of a user (its path a format holding
// userID), and decodes the follow bundle.
func (s *FollowsService) onFollow(ctx context.Context, userID string, r *request) (*FollowPayload, error) {
	return callOneOn(ctx, s.c, r, userPath, userID, "follow", (*FollowPayload).pageItems)
}

// Follow makes the calling user follow a user, or asks to when the network requires
// approval (the follow is then pending). POST /api/v4/me/following/{userId}. Not retried
// once it may have reached the server (a repeat could send a second request notification).
func (s *FollowsService) Follow(ctx context.Context, userID string, opts ...CallOption) (*FollowPayload, error) {
	return s.onFollow(ctx, userID, &request{op: "Follows.Follow", method: http.MethodPost, path: "/api/v4/me/following/%s", opts: opts})
}

// Unfollow stops the calling user following a user, or withdraws a pending request.
// DELETE /api/v4/me/following/{userId}. Idempotent by construction (an ended follow stays
// ended), so it is retried like a read.
func (s *FollowsService) Unfollow(ctx context.Context, userID string, opts ...CallOption) (*FollowPayload, error) {
	return s.onFollow(ctx, userID, &request{op: "Follows.Unfollow", method: http.MethodDelete, path: "/api/v4/me/following/%s", idempotent: true, opts: opts})
}

// Accept accepts a user's pending request to follow the calling user.
// POST /api/v4/me/followers/{userId}. Idempotent by construction (an accepted follow stays
// accepted), so it is retried like a read.
func (s *FollowsService) Accept(ctx context.Context, userID string, opts ...CallOption) (*FollowPayload, error) {
	return s.onFollow(ctx, userID, &request{op: "Follows.Accept", method: http.MethodPost, path: "/api/v4/me/followers/%s", idempotent: true, opts: opts})
}

// RemoveFollower removes a follower of the calling user, or declines their pending request.
// DELETE /api/v4/me/followers/{userId}. Idempotent by construction (a removed follower stays
// removed), so it is retried like a read.
func (s *FollowsService) RemoveFollower(ctx context.Context, userID string, opts ...CallOption) (*FollowPayload, error) {
	return s.onFollow(ctx, userID, &request{op: "Follows.RemoveFollower", method: http.MethodDelete, path: "/api/v4/me/followers/%s", idempotent: true, opts: opts})
}

// GetMyInfo returns the calling user's follow counts. GET /api/v4/me/followInfo.
func (s *FollowsService) GetMyInfo(ctx context.Context, opts ...CallOption) (*FollowInfoPayload, error) {
	const op = "Follows.GetMyInfo"
	return followInfoCall(ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v4/me/followInfo", opts: opts})
}

// GetInfo returns a user's follow counts and the calling user's follow of them (its status
// may be blocked). GET /api/v5/users/{userId}/followInfo.
func (s *FollowsService) GetInfo(ctx context.Context, userID string, opts ...CallOption) (*FollowInfoPayload, error) {
	return getFollowInfo(ctx, s.c, userID, &request{op: "Follows.GetInfo", method: http.MethodGet, path: "/api/v5/users/%s/followInfo", opts: opts})
}

// GetInfo returns a user's follow counts and the calling user's follow of them.
// GET /api/v4/users/{userId}/followInfo. Follows.GetInfo (v5) also reports blocks.
func (s *FollowsV4Service) GetInfo(ctx context.Context, userID string, opts ...CallOption) (*FollowInfoPayload, error) {
	return getFollowInfo(ctx, s.c, userID, &request{op: "Follows.V4.GetInfo", method: http.MethodGet, path: "/api/v4/users/%s/followInfo", opts: opts})
}

// getFollowInfo sends r, the GET of a user's follow info (its path a format holding userID).
func getFollowInfo(ctx context.Context, c *Client, userID string, r *request) (*FollowInfoPayload, error) {
	if err := r.setPath(userPath, userID); err != nil {
		return nil, err
	}
	return followInfoCall(ctx, c, r)
}

// followInfoCall sends r and decodes a follow-info answer holding at least one user's counts.
func followInfoCall(ctx context.Context, c *Client, r *request) (*FollowInfoPayload, error) {
	return callOne(ctx, c, r, "follow count", func(p *FollowInfoPayload) []FollowCount { return p.FollowCounts })
}

// ListFollowsParams filters the follower and following listings.
type ListFollowsParams struct {
	PageParams
	// Status is all (the default), pending or accepted.
	Status FollowStatusFilter
}

func (p *ListFollowsParams) query(op string) (query, error) {
	v := *orZero(p)
	q, err := v.PageParams.flatQuery(op, 100)
	if err != nil {
		return nil, err
	}
	q.str("status", string(v.Status))
	return q, nil
}

// listPage sends the GET of one page of the caller's followers or following.
func (s *FollowsService) listPage(ctx context.Context, op, path string, params *ListFollowsParams, opts []CallOption) (*FollowPayload, error) {
	return listPage[FollowPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, params)
}

// ListMyFollowers iterates over the calling user's followers and follow requests, fetching
// pages as needed.
func (s *FollowsService) ListMyFollowers(ctx context.Context, params *ListFollowsParams, opts ...CallOption) iter.Seq2[Follow, error] {
	return listAll(ctx, params, opts, s.ListMyFollowersPage)
}

// ListMyFollowersPages iterates over the pages of Follows.ListMyFollowers.
func (s *FollowsService) ListMyFollowersPages(ctx context.Context, params *ListFollowsParams, opts ...CallOption) iter.Seq2[*FollowPayload, error] {
	return pages(ctx, params, opts, s.ListMyFollowersPage)
}

// ListMyFollowersPage returns one page of the calling user's followers, with their users.
// GET /api/v4/me/followers.
func (s *FollowsService) ListMyFollowersPage(ctx context.Context, params *ListFollowsParams, opts ...CallOption) (*FollowPayload, error) {
	return s.listPage(ctx, "Follows.ListMyFollowersPage", "/api/v4/me/followers", params, opts)
}

// ListMyFollowing iterates over the users the calling user follows or asked to follow,
// fetching pages as needed.
func (s *FollowsService) ListMyFollowing(ctx context.Context, params *ListFollowsParams, opts ...CallOption) iter.Seq2[Follow, error] {
	return listAll(ctx, params, opts, s.ListMyFollowingPage)
}

// ListMyFollowingPages iterates over the pages of Follows.ListMyFollowing.
func (s *FollowsService) ListMyFollowingPages(ctx context.Context, params *ListFollowsParams, opts ...CallOption) iter.Seq2[*FollowPayload, error] {
	return pages(ctx, params, opts, s.ListMyFollowingPage)
}

// ListMyFollowingPage returns one page of the calling user's follows, with their users.
// GET /api/v4/me/following.
func (s *FollowsService) ListMyFollowingPage(ctx context.Context, params *ListFollowsParams, opts ...CallOption) (*FollowPayload, error) {
	return s.listPage(ctx, "Follows.ListMyFollowingPage", "/api/v4/me/following", params, opts)
}

// ListFollowers iterates over a user's followers, fetching pages as needed (an export of
// a user's followers: range over it).
func (s *FollowsService) ListFollowers(ctx context.Context, userID string, params *ListFollowsParams, opts ...CallOption) iter.Seq2[Follow, error] {
	return listAll(ctx, params, opts, pageOn(userID, s.ListFollowersPage))
}

// ListFollowersPages iterates over the pages of Follows.ListFollowers.
func (s *FollowsService) ListFollowersPages(ctx context.Context, userID string, params *ListFollowsParams, opts ...CallOption) iter.Seq2[*FollowPayload, error] {
	return pages(ctx, params, opts, pageOn(userID, s.ListFollowersPage))
}

// ListFollowersPage returns one page of a user's followers, with their users.
// GET /api/v4/users/{userId}/followers.
func (s *FollowsService) ListFollowersPage(ctx context.Context, userID string, params *ListFollowsParams, opts ...CallOption) (*FollowPayload, error) {
	const op = "Follows.ListFollowersPage"
	path, err := userPath(op, "/api/v4/users/%s/followers", userID)
	if err != nil {
		return nil, err
	}
	return s.listPage(ctx, op, path, params, opts)
}

// ListFollowing iterates over the users a user follows, fetching pages as needed.
func (s *FollowsService) ListFollowing(ctx context.Context, userID string, params *ListFollowsParams, opts ...CallOption) iter.Seq2[Follow, error] {
	return listAll(ctx, params, opts, pageOn(userID, s.ListFollowingPage))
}

// ListFollowingPages iterates over the pages of Follows.ListFollowing.
func (s *FollowsService) ListFollowingPages(ctx context.Context, userID string, params *ListFollowsParams, opts ...CallOption) iter.Seq2[*FollowPayload, error] {
	return pages(ctx, params, opts, pageOn(userID, s.ListFollowingPage))
}

// ListFollowingPage returns one page of the users a user follows, with their users.
// GET /api/v4/users/{userId}/following.
func (s *FollowsService) ListFollowingPage(ctx context.Context, userID string, params *ListFollowsParams, opts ...CallOption) (*FollowPayload, error) {
	const op = "Follows.ListFollowingPage"
	path, err := userPath(op, "/api/v4/users/%s/following", userID)
	if err != nil {
		return nil, err
	}
	return s.listPage(ctx, op, path, params, opts)
}
