package amity

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"time"
)

// AnalyticsService records views and link clicks on posts and stories and lists who viewed
// them (their reach). Reach it as Client.Analytics.
type AnalyticsService struct{ c *Client }

// AnalyticsContentType is the kind of content an activity is about.
type AnalyticsContentType string

// Analytics content types.
const (
	AnalyticsPost  AnalyticsContentType = "post"
	AnalyticsStory AnalyticsContentType = "story"
)

// AnalyticsActivityType is what the user did.
type AnalyticsActivityType string

// Analytics activity types: a view of a post or story, a click on a story's link.
const (
	AnalyticsView        AnalyticsActivityType = "view"
	AnalyticsLinkClicked AnalyticsActivityType = "linkClicked"
)

// AnalyticsActivity is one activity to record.
type AnalyticsActivity struct {
	// ContentID (required) is the post's or story's ID (24 hex digits).
	ContentID string
	// ContentType (required) is post or story.
	ContentType AnalyticsContentType
	// ActivityType (required) is view or linkClicked.
	ActivityType AnalyticsActivityType
	// Timestamp is when it happened; zero leaves it to the server (the time it arrives).
	Timestamp time.Time
}

// MarshalJSON encodes the activity as the API expects, Timestamp as RFC 3339 in UTC.
func (a AnalyticsActivity) MarshalJSON() ([]byte, error) {
	w := struct {
		ContentID    string                `json:"contentId"`
		ContentType  AnalyticsContentType  `json:"contentType"`
		ActivityType AnalyticsActivityType `json:"activityType"`
		Timestamp    string                `json:"timestamp,omitempty"`
	}{ContentID: a.ContentID, ContentType: a.ContentType, ActivityType: a.ActivityType}
	if !a.Timestamp.IsZero() {
		w.Timestamp = a.Timestamp.UTC().Format(time.RFC3339Nano)
	}
	return json.Marshal(w)
}

// RecordActivitiesParams is the body of Analytics.Record.
type RecordActivitiesParams struct {
	// Activities (required) are 1 to 1,000 activities.
	Activities []AnalyticsActivity `json:"activities"`
}

func (p *RecordActivitiesParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	if len(p.Activities) == 0 {
		return &ValidationError{Op: op, Field: "Activities", Reason: "must hold at least 1 activity"}
	}
	if err := maxItems(op, "Activities", len(p.Activities), 1000); err != nil {
		return err
	}
	for i, a := range p.Activities {
		field := fmt.Sprintf("Activities[%d]", i)
		if a.ContentType == "" {
			return &ValidationError{Op: op, Field: field + ".ContentType", Reason: "is required"}
		}
		if a.ActivityType == "" {
			return &ValidationError{Op: op, Field: field + ".ActivityType", Reason: "is required"}
		}
		if err := objectID(op, field+".ContentID", a.ContentID); err != nil {
			return err
		}
		if a.ActivityType == AnalyticsLinkClicked && a.ContentType != AnalyticsStory {
			return &ValidationError{Op: op, Field: field + ".ActivityType", Reason: "linkClicked is an activity on stories only"}
		}
	}
	return nil
}

// Record sends a batch of activities of the calling user (use a view from Client.AsUser):
// views update the content's impression and reach and its viewer list, link clicks count on
// the story. POST /api/v1/analytics/activities; the API answers 202 without a body. Not
// retried once it may have reached the server (a repeat would count the views twice).
func (s *AnalyticsService) Record(ctx context.Context, params *RecordActivitiesParams, opts ...CallOption) error {
	const op = "Analytics.Record"
	if err := params.validate(op); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v1/analytics/activities", body: params, optionalAnswer: true, opts: opts}, nil)
}

// ViewerPayload is the answer of the viewer listings: the users who viewed the content.
type ViewerPayload struct {
	rawJSON
	// Users are the viewers; global-banned, community-banned and deleted users are left out.
	Users  []User `json:"users"`
	Files  []File `json:"files"`
	Paging Paging `json:"paging"`
}

func (p *ViewerPayload) pageItems() []User { return p.Users }
func (p *ViewerPayload) pageInfo() Paging  { return p.Paging }

// UserByID returns the viewer with the given ID, or nil.
func (p *ViewerPayload) UserByID(id string) *User { return findUser(p.Users, id) }

// FileByID returns the sideloaded file (an avatar) with the given ID, or nil.
func (p *ViewerPayload) FileByID(id string) *File { return findFile(p.Files, id) }

// ListViewersParams pages the viewer listings.
type ListViewersParams struct {
	PageParams
}

func (p *ListViewersParams) query(op string) (query, error) {
	return orZero(p).PageParams.flatQuery(op, 1000)
}

// viewedPostPath is the idPath of the analytics of a post: an ID of 24 hexadecimal digits.
var viewedPostPath = checkedPath("postID", objectID)

// viewersPage sends r, the listing of the viewers of one post or story (its path a format
// holding contentID, checked by pathOf).
func (s *AnalyticsService) viewersPage(ctx context.Context, pathOf idPath, contentID string, params *ListViewersParams, r *request) (*ViewerPayload, error) {
	if err := r.setPath(pathOf, contentID); err != nil {
		return nil, err
	}
	return listPage[ViewerPayload](ctx, s.c, r, params)
}

// ListPostViewers iterates over the users who viewed a post, fetching pages as needed.
func (s *AnalyticsService) ListPostViewers(ctx context.Context, postID string, params *ListViewersParams, opts ...CallOption) iter.Seq2[User, error] {
	return listAll(ctx, params, opts, pageOn(postID, s.ListPostViewersPage))
}

// ListPostViewersPages iterates over the pages of Analytics.ListPostViewers.
func (s *AnalyticsService) ListPostViewersPages(ctx context.Context, postID string, params *ListViewersParams, opts ...CallOption) iter.Seq2[*ViewerPayload, error] {
	return pages(ctx, params, opts, pageOn(postID, s.ListPostViewersPage))
}

// ListPostViewersPage returns one page of the users who viewed a post (postID: 24 hex
// digits). Only the post's owner may read it once the post is soft-deleted.
// GET /api/v1/analytics/views/posts/{postId}/users.
func (s *AnalyticsService) ListPostViewersPage(ctx context.Context, postID string, params *ListViewersParams, opts ...CallOption) (*ViewerPayload, error) {
	return s.viewersPage(ctx, viewedPostPath, postID, params, &request{op: "Analytics.ListPostViewersPage", method: http.MethodGet, path: "/api/v1/analytics/views/posts/%s/users", opts: opts})
}

// ListStoryViewers iterates over the users who viewed a story, fetching pages as needed.
func (s *AnalyticsService) ListStoryViewers(ctx context.Context, storyID string, params *ListViewersParams, opts ...CallOption) iter.Seq2[User, error] {
	return listAll(ctx, params, opts, pageOn(storyID, s.ListStoryViewersPage))
}

// ListStoryViewersPages iterates over the pages of Analytics.ListStoryViewers.
func (s *AnalyticsService) ListStoryViewersPages(ctx context.Context, storyID string, params *ListViewersParams, opts ...CallOption) iter.Seq2[*ViewerPayload, error] {
	return pages(ctx, params, opts, pageOn(storyID, s.ListStoryViewersPage))
}

// ListStoryViewersPage returns one page of the users who viewed a story (storyID: 24 hex
// digits). GET /api/v1/analytics/views/stories/{storyId}/users.
func (s *AnalyticsService) ListStoryViewersPage(ctx context.Context, storyID string, params *ListViewersParams, opts ...CallOption) (*ViewerPayload, error) {
	return s.viewersPage(ctx, storyPath, storyID, params, &request{op: "Analytics.ListStoryViewersPage", method: http.MethodGet, path: "/api/v1/analytics/views/stories/%s/users", opts: opts})
}
