package amity

import (
	"context"
	"net/http"
	"net/url"
)

// PinnedPostsService pins posts: in a community (at the default or the announcement
// placement) and network-wide at the top of the global feed (globally featured posts).
// Reach it as Client.PinnedPosts.
type PinnedPostsService struct{ c *Client }

// PinPlacement is where a pinned post shows.
type PinPlacement string

// Pin placements. Community pins are default or announcement; global pins are global.
const (
	PinDefault      PinPlacement = "default"
	PinAnnouncement PinPlacement = "announcement"
	PinGlobal       PinPlacement = "global"
)

// PinOrder orders a community's pins by when they were pinned.
type PinOrder string

// Pin orders.
const (
	PinOrderAsc  PinOrder = "asc"
	PinOrderDesc PinOrder = "desc"
)

// PinTargetType is the kind of entity pins belong to.
type PinTargetType string

// Pin target types: a community's pins, a message feed's, the network's (global pins).
const (
	PinTargetCommunity   PinTargetType = "community"
	PinTargetMessageFeed PinTargetType = "messageFeed"
	PinTargetNetwork     PinTargetType = "network"
)

// PinReferenceType is the kind of content pinned.
type PinReferenceType string

// Pinned content types.
const (
	PinReferencePost PinReferenceType = "post"
)

// Pin is one pinned post.
type Pin struct {
	// ReferenceID is the pinned post's ID; ReferenceType is post.
	ReferenceID   string           `json:"referenceId"`
	ReferenceType PinReferenceType `json:"referenceType,omitempty"`
	// Placement is default, announcement or global.
	Placement PinPlacement `json:"placement,omitempty"`
	// PinnedBy is the user who pinned it.
	PinnedBy string `json:"pinnedBy,omitempty"`
	PinnedAt Time   `json:"pinnedAt"`
}

// PinTarget is where pins live (a community, or the network for global pins) and when its
// pins last changed.
type PinTarget struct {
	TargetID          string        `json:"targetId"`
	TargetType        PinTargetType `json:"targetType,omitempty"`
	LastPinsUpdatedAt Time          `json:"lastPinsUpdatedAt"`
}

// PinnedPostPayload is the answer of the pin calls: the pins in order, their targets and the
// post bundle of the pinned posts (its fields and lookups are promoted from PostPayload).
type PinnedPostPayload struct {
	rawJSON
	PinTargets []PinTarget `json:"pinTargets"`
	// Pins are the pins in the listing's order.
	Pins []Pin `json:"pins"`
	PostPayload
}

// PinnedPost returns the sideloaded post pin refers to, or nil.
func (p *PinnedPostPayload) PinnedPost(pin *Pin) *Post {
	if pin == nil {
		return nil
	}
	return byID(p.Posts, pin.ReferenceID, func(post *Post) string { return post.PostID })
}

// PinnedPosts returns the pinned posts in the pins' order (a pin whose post the answer
// lacks is left out).
func (p *PinnedPostPayload) PinnedPosts() []Post {
	out := make([]Post, 0, len(p.Pins))
	for i := range p.Pins {
		if post := p.PinnedPost(&p.Pins[i]); post != nil {
			out = append(out, *post)
		}
	}
	return out
}

// PinByPostID returns the pin of the given post, or nil.
func (p *PinnedPostPayload) PinByPostID(postID string) *Pin {
	return byID(p.Pins, postID, func(pin *Pin) string { return pin.ReferenceID })
}

// PinParams chooses the placement of Pin and Unpin.
type PinParams struct {
	// Placement is default (used when empty) or announcement.
	Placement PinPlacement
}

// communityPlacement refuses the global placement on a community's pins: global pins have
// their own calls (PinGlobal, UnpinGlobal, Global, ClearGlobal) and paths. Any other
// placement, one the SDK does not know included, is sent as given.
func communityPlacement(op string, p PinPlacement) error {
	if p == PinGlobal {
		return &ValidationError{Op: op, Field: "Placement", Reason: "global pins have their own calls (PinGlobal, UnpinGlobal, Global, ClearGlobal)"}
	}
	return nil
}

// communityPinPath builds the path of a community pin of postID, in params' placement
// (default: the default placement).
func communityPinPath(op, communityID, postID string, params *PinParams) (string, error) {
	placement := PinDefault
	if params != nil && params.Placement != "" {
		placement = params.Placement
	}
	if err := firstErr(
		communityPlacement(op, placement),
		maxLen(op, "communityID", communityID, 900),
		maxLen(op, "postID", postID, 900),
	); err != nil {
		return "", err
	}
	return pathf(op, "/api/v1/pinned-posts/communities/%s/%s/%s", id("communityID", communityID), id("Placement", string(placement)), id("postID", postID))
}

// Pin pins a post of a community at a placement (default unless params say announcement)
// and returns the community's pins. POST
// /api/v1/pinned-posts/communities/{communityId}/{placement}/{postId}. Not retried once it
// may have reached the server.
func (s *PinnedPostsService) Pin(ctx context.Context, communityID, postID string, params *PinParams, opts ...CallOption) (*PinnedPostPayload, error) {
	const op = "PinnedPosts.Pin"
	path, err := communityPinPath(op, communityID, postID, params)
	if err != nil {
		return nil, err
	}
	return call[PinnedPostPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: path, opts: opts})
}

// Unpin unpins a post of a community from a placement and returns the community's pins.
// DELETE /api/v1/pinned-posts/communities/{communityId}/{placement}/{postId}. Idempotent by
// construction (an unpinned post stays unpinned), so it is retried like a read.
func (s *PinnedPostsService) Unpin(ctx context.Context, communityID, postID string, params *PinParams, opts ...CallOption) (*PinnedPostPayload, error) {
	const op = "PinnedPosts.Unpin"
	path, err := communityPinPath(op, communityID, postID, params)
	if err != nil {
		return nil, err
	}
	return call[PinnedPostPayload](ctx, s.c, &request{op: op, method: http.MethodDelete, path: path, idempotent: true, opts: opts})
}

// GetCommunityPinsParams filters PinnedPosts.GetCommunity.
type GetCommunityPinsParams struct {
	// Placement keeps the pins of one placement (default or announcement); empty keeps all.
	Placement PinPlacement
	// Order is desc (latest pinned first, the default) or asc.
	Order PinOrder
}

// communityPinsPath is /{communityId} or, with a placement, /{communityId}/{placement}.
func communityPinsPath(op, communityID string, placement PinPlacement) (string, error) {
	if err := firstErr(communityPlacement(op, placement), maxLen(op, "communityID", communityID, 900)); err != nil {
		return "", err
	}
	if placement == "" {
		return pathf(op, "/api/v1/pinned-posts/communities/%s", id("communityID", communityID))
	}
	return pathf(op, "/api/v1/pinned-posts/communities/%s/%s", id("communityID", communityID), id("Placement", string(placement)))
}

// GetCommunity returns a community's pinned posts, of every placement or of one, in pin order.
// GET /api/v1/pinned-posts/communities/{communityId}, or
// GET /api/v1/pinned-posts/communities/{communityId}/{placement} when params.Placement is
// set. The API does not page this list.
func (s *PinnedPostsService) GetCommunity(ctx context.Context, communityID string, params *GetCommunityPinsParams, opts ...CallOption) (*PinnedPostPayload, error) {
	const op = "PinnedPosts.GetCommunity"
	v := *orZero(params)
	path, err := communityPinsPath(op, communityID, v.Placement)
	if err != nil {
		return nil, err
	}
	q := query{}
	if v.Order != "" {
		q.str("options[sortBy]", "createdAt")
		q.str("options[orderBy]", string(v.Order))
	}
	return call[PinnedPostPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, query: url.Values(q), opts: opts})
}

// ClearCommunityParams chooses the placement PinnedPosts.ClearCommunity clears.
type ClearCommunityParams struct {
	// Placement clears one placement (default or announcement); empty clears all.
	Placement PinPlacement
}

// ClearCommunity unpins every post of a community, or of one placement.
// DELETE /api/v1/pinned-posts/communities/{communityId}, or
// DELETE /api/v1/pinned-posts/communities/{communityId}/{placement} when params.Placement is
// set. Idempotent by construction (clearing twice leaves no pins), so it is retried like a
// read.
func (s *PinnedPostsService) ClearCommunity(ctx context.Context, communityID string, params *ClearCommunityParams, opts ...CallOption) error {
	const op = "PinnedPosts.ClearCommunity"
	var placement PinPlacement
	if params != nil {
		placement = params.Placement
	}
	path, err := communityPinsPath(op, communityID, placement)
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, idempotent: true, opts: opts}, nil)
}

// globalPinPath builds the path of a global pin of postID (at most 900 characters).
func globalPinPath(op, postID string) (string, error) {
	if err := maxLen(op, "postID", postID, 900); err != nil {
		return "", err
	}
	return pathf(op, "/api/v1/pinned-posts/global/%s", id("postID", postID))
}

// PinGlobal features a post at the top of the global feed (admin only) and returns the
// global pins. POST /api/v1/pinned-posts/global/{postId}. Not retried once it may have
// reached the server.
func (s *PinnedPostsService) PinGlobal(ctx context.Context, postID string, opts ...CallOption) (*PinnedPostPayload, error) {
	const op = "PinnedPosts.PinGlobal"
	path, err := globalPinPath(op, postID)
	if err != nil {
		return nil, err
	}
	return call[PinnedPostPayload](ctx, s.c, &request{op: op, method: http.MethodPost, path: path, opts: opts})
}

// UnpinGlobal stops featuring a post in the global feed and returns the global pins.
// DELETE /api/v1/pinned-posts/global/{postId}. Idempotent by construction, so it is retried
// like a read.
func (s *PinnedPostsService) UnpinGlobal(ctx context.Context, postID string, opts ...CallOption) (*PinnedPostPayload, error) {
	const op = "PinnedPosts.UnpinGlobal"
	path, err := globalPinPath(op, postID)
	if err != nil {
		return nil, err
	}
	return call[PinnedPostPayload](ctx, s.c, &request{op: op, method: http.MethodDelete, path: path, idempotent: true, opts: opts})
}

// GetGlobal returns the globally featured posts, in pin order. GET /api/v1/pinned-posts/global.
// The API does not page this list.
func (s *PinnedPostsService) GetGlobal(ctx context.Context, opts ...CallOption) (*PinnedPostPayload, error) {
	const op = "PinnedPosts.GetGlobal"
	return call[PinnedPostPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/pinned-posts/global", opts: opts})
}

// ClearGlobal stops featuring every post in the global feed and returns the (empty) global
// pins. DELETE /api/v1/pinned-posts/global. Idempotent by construction, so it is retried
// like a read.
func (s *PinnedPostsService) ClearGlobal(ctx context.Context, opts ...CallOption) (*PinnedPostPayload, error) {
	const op = "PinnedPosts.ClearGlobal"
	return call[PinnedPostPayload](ctx, s.c, &request{op: op, method: http.MethodDelete, path: "/api/v1/pinned-posts/global", idempotent: true, opts: opts})
}
