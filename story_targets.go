package amity

// This file is the story targets (the communities and users that have stories): their listing
// and payloads.

import (
	"context"
	"iter"
	"net/http"
	"net/url"
)

// StorySeenState filters the global story targets by whether the caller has seen their
// stories.
type StorySeenState string

// Seen states.
const (
	StorySeenAll    StorySeenState = "all"
	StorySeenSeen   StorySeenState = "seen"
	StorySeenUnseen StorySeenState = "unseen"
)

// StoryTarget is a community or user that holds stories, with when its latest story expires
// and when the latest one the caller has seen expires (an unseen story exists when the
// first is later).
type StoryTarget struct {
	TargetID       string          `json:"targetId"`
	TargetPublicID string          `json:"targetPublicId,omitempty"`
	TargetType     StoryTargetType `json:"targetType"`
	// LastStoryExpiresAt is the expiry of the target's latest story (zero without one).
	LastStoryExpiresAt Time `json:"lastStoryExpiresAt"`
	// LastStorySeenExpiresAt is the expiry of the latest story the caller saw.
	LastStorySeenExpiresAt Time `json:"lastStorySeenExpiresAt"`
	// TargetUpdatedAt is when the target last changed.
	TargetUpdatedAt Time `json:"targetUpdatedAt"`
}

// HasUnseen reports whether the target holds a story the caller has not seen.
func (t *StoryTarget) HasUnseen() bool {
	return !t.LastStoryExpiresAt.IsZero() && t.LastStoryExpiresAt.After(t.LastStorySeenExpiresAt.Time)
}

// StoryTargetPayload is the answer of the story-target calls: the targets and what they
// refer to.
type StoryTargetPayload struct {
	rawJSON
	StoryTargets   []StoryTarget       `json:"storyTargets"`
	Files          []File              `json:"files"`
	Users          []User              `json:"users"`
	Communities    []Community         `json:"communities"`
	CommunityUsers []CommunityUser     `json:"communityUsers"`
	Categories     []CommunityCategory `json:"categories"`
	Paging         Paging              `json:"paging"`
}

func (p *StoryTargetPayload) pageItems() []StoryTarget { return p.StoryTargets }
func (p *StoryTargetPayload) pageInfo() Paging         { return p.Paging }

// TargetByID returns the target of the given type and public (or internal) ID, or nil.
func (p *StoryTargetPayload) TargetByID(targetType StoryTargetType, targetID string) *StoryTarget {
	for i := range p.StoryTargets {
		t := &p.StoryTargets[i]
		if t.TargetType == targetType && (t.TargetPublicID == targetID || t.TargetID == targetID) {
			return t
		}
	}
	return nil
}

// CommunityByID returns the sideloaded community with the given ID, or nil.
func (p *StoryTargetPayload) CommunityByID(id string) *Community {
	return byID(p.Communities, id, communityKey)
}

// UserByID returns the sideloaded user with the given ID, or nil.
func (p *StoryTargetPayload) UserByID(id string) *User { return findUser(p.Users, id) }

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *StoryTargetPayload) FileByID(id string) *File { return findFile(p.Files, id) }

// GetTargetsParams names the targets of Stories.GetTargets.
type GetTargetsParams struct {
	// Targets (required) are 1 to 10 targets.
	Targets []StoryRef
}

// GetTargets returns the story state (latest expiry, latest seen expiry) of up to 10
// targets. GET /api/v4/stories/seen.
func (s *StoriesService) GetTargets(ctx context.Context, params *GetTargetsParams, opts ...CallOption) (*StoryTargetPayload, error) {
	const op = "Stories.GetTargets"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	q := query{}
	if err := storyTargets(op, q, params.Targets); err != nil {
		return nil, err
	}
	return call[StoryTargetPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v4/stories/seen", query: url.Values(q), opts: opts})
}

// ListGlobalTargetsParams filters Stories.ListGlobalTargets.
type ListGlobalTargetsParams struct {
	PageParams
	// SeenState is unseen (the default), seen or all.
	SeenState StorySeenState
}

func (p *ListGlobalTargetsParams) query(op string) (query, error) {
	v := *orZero(p)
	q, err := v.PageParams.flatQuery(op, 900)
	if err != nil {
		return nil, err
	}
	q.str("seenState", string(v.SeenState))
	return q, nil
}

// ListGlobalTargets iterates over the targets with active stories the calling user can see
// (use a view from Client.AsUser), fetching pages as needed.
func (s *StoriesService) ListGlobalTargets(ctx context.Context, params *ListGlobalTargetsParams, opts ...CallOption) iter.Seq2[StoryTarget, error] {
	return listAll(ctx, params, opts, s.ListGlobalTargetsPage)
}

// ListGlobalTargetsPages iterates over the pages of Stories.ListGlobalTargets.
func (s *StoriesService) ListGlobalTargetsPages(ctx context.Context, params *ListGlobalTargetsParams, opts ...CallOption) iter.Seq2[*StoryTargetPayload, error] {
	return pages(ctx, params, opts, s.ListGlobalTargetsPage)
}

// ListGlobalTargetsPage returns one page of the calling user's story targets, newest story
// first. GET /api/v5/me/global-story-targets.
func (s *StoriesService) ListGlobalTargetsPage(ctx context.Context, params *ListGlobalTargetsParams, opts ...CallOption) (*StoryTargetPayload, error) {
	const op = "Stories.ListGlobalTargetsPage"
	return listPage[StoryTargetPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v5/me/global-story-targets", opts: opts}, params)
}
