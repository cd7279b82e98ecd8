package amity

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"net/http"
	"time"
)

// ScheduledPostsService manages posts that publish at a set time. Reach it as
// Client.ScheduledPosts. A scheduled post is a post's content and a time: until then it is
// listed here with status WAIT (and nowhere else); at its time the API creates the post in
// its target feed (status DONE) or fails to (FAIL, with a description).
type ScheduledPostsService struct{ c *Client }

// ScheduledPostStatusCode is the state of a scheduled post.
type ScheduledPostStatusCode string

// Scheduled post states. A state the SDK does not know passes through.
const (
	// ScheduledPostWaiting: the post is waiting for its time.
	ScheduledPostWaiting ScheduledPostStatusCode = "WAIT"
	// ScheduledPostFailed: the post could not be published (see the description).
	ScheduledPostFailed ScheduledPostStatusCode = "FAIL"
	// ScheduledPostDone: the post was published.
	ScheduledPostDone ScheduledPostStatusCode = "DONE"
)

// ScheduledPostStatus is where a scheduled post stands.
type ScheduledPostStatus struct {
	// Code is WAIT, FAIL or DONE.
	Code ScheduledPostStatusCode `json:"code,omitempty"`
	// Description says why a post failed, or describes the state.
	Description string `json:"description,omitempty"`
}

// ScheduledPost is a post waiting for its time, or one that was published or failed.
type ScheduledPost struct {
	// ID is the scheduled post's ID, the one Update and Delete take.
	ID string `json:"_id"`
	// ScheduledAt is when the post publishes.
	ScheduledAt Time `json:"scheduledAt"`
	// Status is WAIT, FAIL or DONE.
	Status ScheduledPostStatus `json:"status"`
	// PostData is the post to publish: its target, data type, content, tags and mentions.
	PostData Post `json:"postData"`
	// UserID is who scheduled the post; UserDisplayName their display name.
	UserID          string `json:"userId,omitempty"`
	UserDisplayName string `json:"userDisplayName,omitempty"`
	// CreatedAt and UpdatedAt are when it was scheduled and last changed.
	CreatedAt Time `json:"createdAt"`
	UpdatedAt Time `json:"updatedAt"`
	// Files and Communities are the post's files and target community, as the answer
	// carries them with each scheduled post.
	Files       []File      `json:"files,omitempty"`
	Communities []Community `json:"communities,omitempty"`
}

// ScheduledPostPayload is the answer of ScheduledPosts.List and Update: the scheduled posts
// (under the answer's "data") with the users, files, communities and polls they refer to.
type ScheduledPostPayload struct {
	rawJSON
	// ScheduledPosts are the scheduled posts (the answer's "data"; one for an update).
	ScheduledPosts []ScheduledPost `json:"data"`
	// NetworkID is the network's ID.
	NetworkID string `json:"networkId,omitempty"`
	// Users are the users who scheduled the posts (see Scheduler, UserByID).
	Users []User `json:"users"`
	// Files, Communities and Polls are what the posts refer to.
	Files       []File      `json:"files"`
	Communities []Community `json:"communities"`
	Polls       []Poll      `json:"polls"`
	// Paging holds the cursors of a list answer.
	Paging Paging `json:"paging"`
}

func (p *ScheduledPostPayload) pageItems() []ScheduledPost { return p.ScheduledPosts }
func (p *ScheduledPostPayload) pageInfo() Paging           { return p.Paging }

// ScheduledPost returns the answer's first scheduled post (the one an update changed), or nil.
func (p *ScheduledPostPayload) ScheduledPost() *ScheduledPost { return firstOf(p.ScheduledPosts) }

// ScheduledPostByID returns the scheduled post with the given ID, or nil.
func (p *ScheduledPostPayload) ScheduledPostByID(scheduledPostID string) *ScheduledPost {
	return byID(p.ScheduledPosts, scheduledPostID, func(s *ScheduledPost) string { return s.ID })
}

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *ScheduledPostPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// FileByID returns the sideloaded file with the given ID (of the answer, else of the
// scheduled posts), or nil.
func (p *ScheduledPostPayload) FileByID(fileID string) *File {
	if f := findFile(p.Files, fileID); f != nil {
		return f
	}
	for i := range p.ScheduledPosts {
		if f := findFile(p.ScheduledPosts[i].Files, fileID); f != nil {
			return f
		}
	}
	return nil
}

// Scheduler returns the sideloaded user who scheduled sp, or nil.
func (p *ScheduledPostPayload) Scheduler(sp *ScheduledPost) *User {
	if sp == nil {
		return nil
	}
	return findUser(p.Users, sp.UserID)
}

// Community returns the community a scheduled post will publish in, or nil (for a post on a
// user's feed or content, or when the answer does not hold it).
func (p *ScheduledPostPayload) Community(sp *ScheduledPost) *Community {
	if sp == nil || sp.PostData.TargetType != PostTargetCommunity {
		return nil
	}
	for _, list := range [][]Community{sp.Communities, p.Communities} {
		if c := byID(list, sp.PostData.TargetID, communityKey); c != nil {
			return c
		}
	}
	return nil
}

// CreateScheduledPostParams is a post to publish later: Posts.Create's params and the time.
type CreateScheduledPostParams struct {
	// ScheduledAt (required) is when the post publishes.
	ScheduledAt time.Time
	// Post (required) is the post, as for Posts.Create (checked the same way; at most 2
	// mentionees).
	Post *CreatePostParams
}

// MarshalJSON encodes the params as the API's body: {scheduledAt, postData}.
func (p CreateScheduledPostParams) MarshalJSON() ([]byte, error) {
	return json.Marshal(scheduledPostBody{ScheduledAt: scheduledAt(p.ScheduledAt), PostData: p.Post})
}

// UpdateScheduledPostParams changes a scheduled post: its time, its post, or both.
type UpdateScheduledPostParams struct {
	// ScheduledAt moves the post to another time; zero leaves it.
	ScheduledAt time.Time
	// Post replaces the post (the whole of it, checked as for Posts.Create); nil leaves it.
	Post *CreatePostParams
}

// MarshalJSON encodes the params as the API's body: {scheduledAt, postData}, each when set.
func (p UpdateScheduledPostParams) MarshalJSON() ([]byte, error) {
	return json.Marshal(scheduledPostBody{ScheduledAt: scheduledAt(p.ScheduledAt), PostData: p.Post})
}

// scheduledPostBody is the body of a create or update of a scheduled post.
type scheduledPostBody struct {
	ScheduledAt string            `json:"scheduledAt,omitempty"`
	PostData    *CreatePostParams `json:"postData,omitempty"`
}

// scheduledAt formats a time of a scheduled post (RFC 3339 in UTC; "" for the zero time).
func scheduledAt(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// scheduledPostsMaxMentionees is the spec's bound on the mentionees of a scheduled post.
const scheduledPostsMaxMentionees = 2

// validatePost checks the post of a scheduled post as Posts.Create checks one, naming the
// fields under Post.
func validatePost(op string, p *CreatePostParams) error {
	if p == nil {
		return nil
	}
	if err := p.validate(op); err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) {
			ve.Field = "Post." + ve.Field
		}
		return err
	}
	return maxItems(op, "Post.Mentionees", len(p.Mentionees), scheduledPostsMaxMentionees)
}

// Create schedules a post and returns its scheduled post's ID (the payload's ID). POST
// /api/v1/posts/schedule. The post is checked as Posts.Create checks one, except that the
// API also refuses a time that is not in the future. Not retried after it may have reached the
// server (a repeat would schedule the post twice).
func (s *ScheduledPostsService) Create(ctx context.Context, params *CreateScheduledPostParams, opts ...CallOption) (*ScheduledPostIDPayload, error) {
	const op = "ScheduledPosts.Create"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if params.ScheduledAt.IsZero() {
		return nil, &ValidationError{Op: op, Field: "ScheduledAt", Reason: "is required"}
	}
	if params.Post == nil {
		return nil, &ValidationError{Op: op, Field: "Post", Reason: "is required"}
	}
	if err := validatePost(op, params.Post); err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodPost, path: "/api/v1/posts/schedule", body: params, opts: opts}
	out, err := callData[ScheduledPostIDPayload](ctx, s.c, r)
	if err != nil {
		return nil, err
	}
	if out.ID == "" {
		return nil, malformedAnswer(r, "the answer holds no scheduled post ID")
	}
	return out, nil
}

// ScheduledPostIDPayload is the answer of ScheduledPosts.Create: the new scheduled post's ID
// (the answer's data.id). Raw is the whole answer.
type ScheduledPostIDPayload struct {
	rawJSON
	// ID is the scheduled post's ID, the one Update and Delete take.
	ID string `json:"id"`
}

// ListScheduledPostsParams filters and pages ScheduledPosts.List. The zero value lists every
// scheduled post, newest first.
type ListScheduledPostsParams struct {
	PageParams
	// NotPostedOnly lists the posts still waiting for their time (the server's default is
	// false: every scheduled post, published and failed ones included).
	NotPostedOnly *bool
	// SortBy is lastCreated (the default), firstCreated, lastUpdated or firstUpdated.
	SortBy PostSortBy
	// Before and After (scheduled post IDs, at most 24 characters) start the page at one.
	Before, After string
	// UpdatedAt starts the page at a time, for the Updated orders (zero: unset).
	UpdatedAt time.Time
}

func (p *ListScheduledPostsParams) query(op string) (query, error) {
	p = orZero(p)
	q, err := p.PageParams.optionsQuery(op, 1000)
	if err != nil {
		return nil, err
	}
	if err := firstErr(maxLen(op, "Before", p.Before, 24), maxLen(op, "After", p.After, 24)); err != nil {
		return nil, err
	}
	q.boolean("notPostedOnly", p.NotPostedOnly)
	q.str("sortBy", string(p.SortBy))
	q.str("options[before]", p.Before)
	q.str("options[after]", p.After)
	if !p.UpdatedAt.IsZero() {
		q.str("options[updatedAt]", p.UpdatedAt.UTC().Format(time.RFC3339Nano))
	}
	return q, nil
}

// List returns an iterator over the scheduled posts matching params, fetching pages as it
// goes. GET /api/v1/posts/schedule. A user sees their own scheduled posts; the admin sees
// every user's.
func (s *ScheduledPostsService) List(ctx context.Context, params *ListScheduledPostsParams, opts ...CallOption) iter.Seq2[ScheduledPost, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of List, each with the users, files,
// communities and polls its posts refer to. GET /api/v1/posts/schedule.
func (s *ScheduledPostsService) ListPages(ctx context.Context, params *ListScheduledPostsParams, opts ...CallOption) iter.Seq2[*ScheduledPostPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of scheduled posts, with what they refer to and the cursors.
// GET /api/v1/posts/schedule.
func (s *ScheduledPostsService) ListPage(ctx context.Context, params *ListScheduledPostsParams, opts ...CallOption) (*ScheduledPostPayload, error) {
	const op = "ScheduledPosts.ListPage"
	return listPage[ScheduledPostPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/posts/schedule", opts: opts}, params)
}

// Update moves a scheduled post to another time or replaces its post, and returns it. PUT
// /api/v1/posts/schedule/{id}. Users update their own scheduled posts; the admin its own and
// any brand user's. Idempotent by construction (it sets the given fields; a repeat leaves the
// same state), so it is retried like a read.
func (s *ScheduledPostsService) Update(ctx context.Context, scheduledPostID string, params *UpdateScheduledPostParams, opts ...CallOption) (*ScheduledPostPayload, error) {
	const op = "ScheduledPosts.Update"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if params.ScheduledAt.IsZero() && params.Post == nil {
		return nil, &ValidationError{Op: op, Field: "params", Reason: "must change ScheduledAt or Post"}
	}
	if err := validatePost(op, params.Post); err != nil {
		return nil, err
	}
	return callOneOn(ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v1/posts/schedule/%s", body: params, idempotent: true, opts: opts},
		scheduledPostPath, scheduledPostID, "scheduled post", (*ScheduledPostPayload).pageItems)
}

// Delete deletes a scheduled post before its time. DELETE /api/v1/posts/schedule/{id}. Users
// delete their own; the admin any. Idempotent by construction (a deleted scheduled post stays
// deleted; a repeat may answer ErrNotFound), so it is retried like a read.
func (s *ScheduledPostsService) Delete(ctx context.Context, scheduledPostID string, opts ...CallOption) error {
	r := &request{op: "ScheduledPosts.Delete", method: http.MethodDelete, path: "/api/v1/posts/schedule/%s", idempotent: true, opts: opts}
	if err := r.setPath(scheduledPostPath, scheduledPostID); err != nil {
		return err
	}
	return s.c.do(ctx, r, nil)
}

// scheduledPostPath is the idPath of a scheduled post.
var scheduledPostPath = maxLenPath("scheduledPostID", 900)
