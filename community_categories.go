package amity

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
)

// CommunityCategoriesService manages community categories. Reach it as Client.CommunityCategories.
type CommunityCategoriesService struct{ c *Client }

// CommunityCategory is a category communities are filed under.
type CommunityCategory struct {
	CategoryID string `json:"categoryId"`
	// Name is the category's display name.
	Name string `json:"name,omitempty"`
	// Metadata is free-form JSON for custom fields.
	Metadata map[string]any `json:"metadata,omitempty"`
	// AvatarFileID is a file from the payload's Files.
	AvatarFileID string `json:"avatarFileId,omitempty"`
	IsDeleted    bool   `json:"isDeleted,omitempty"`
	CreatedAt    Time   `json:"createdAt"`
	// UpdatedAt is when the category was last updated or deleted.
	UpdatedAt Time `json:"updatedAt"`

	// Raw is the category's JSON as received, with any field this type does not know.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes a category and keeps its raw JSON.
func (c *CommunityCategory) UnmarshalJSON(b []byte) error {
	type plain CommunityCategory
	return decodeRaw(b, (*plain)(c), &c.Raw)
}

func findCommunityCategory(cats []CommunityCategory, categoryID string) *CommunityCategory {
	for i := range cats {
		if cats[i].CategoryID == categoryID {
			return &cats[i]
		}
	}
	return nil
}

// CommunityCategoryPayload is the category bundle: categories and their avatar files, and
// the cursors of a list page. The API wraps it as {"status", "data"}; the SDK unwraps it.
type CommunityCategoryPayload struct {
	Categories []CommunityCategory `json:"categories"`
	Files      []File              `json:"files"`
	// Paging holds the cursors of CommunityCategories.ListPage. The spec declares none for this
	// endpoint; they are read from data.paging or a top-level paging, and when the server
	// sends neither the listing ends after the first page.
	Paging Paging `json:"paging"`
}

func (p *CommunityCategoryPayload) pageItems() []CommunityCategory { return p.Categories }
func (p *CommunityCategoryPayload) pageInfo() Paging               { return p.Paging }

// Category returns the category with the given ID, or nil.
func (p *CommunityCategoryPayload) Category(categoryID string) *CommunityCategory {
	return findCommunityCategory(p.Categories, categoryID)
}

// File returns the sideloaded file with the given ID, or nil.
func (p *CommunityCategoryPayload) File(fileID string) *File { return findFile(p.Files, fileID) }

// Avatar returns category's avatar file, or nil when it has none or the payload lacks it.
func (p *CommunityCategoryPayload) Avatar(category *CommunityCategory) *File {
	if category == nil || category.AvatarFileID == "" {
		return nil
	}
	return p.File(category.AvatarFileID)
}

// communityCategoriesEnvelope is the {status, data} wrapper of every category answer.
type communityCategoriesEnvelope struct {
	Status string                   `json:"status"`
	Data   CommunityCategoryPayload `json:"data"`
	Paging *Paging                  `json:"paging"`
}

// CommunityCategorySortBy orders CommunityCategories.List.
type CommunityCategorySortBy string

// Category orders.
const (
	CommunityCategorySortFirstCreated CommunityCategorySortBy = "firstCreated"
	CommunityCategorySortLastCreated  CommunityCategorySortBy = "lastCreated"
	CommunityCategorySortName         CommunityCategorySortBy = "name"
)

// ListCommunityCategoriesParams filters and pages CommunityCategories.List. The zero value
// lists all categories by name.
type ListCommunityCategoriesParams struct {
	PageParams
	// SortBy: firstCreated, lastCreated or name (default).
	SortBy CommunityCategorySortBy
	// IsDeleted: nil lists both, true only deleted categories, false only the others.
	IsDeleted *bool
}

func (p *ListCommunityCategoriesParams) query(op string) (query, error) {
	if p == nil {
		p = &ListCommunityCategoriesParams{}
	}
	if err := firstErr(
		communitiesPageParams(op, p.PageParams),
		oneOf(op, "SortBy", p.SortBy, CommunityCategorySortFirstCreated, CommunityCategorySortLastCreated, CommunityCategorySortName),
	); err != nil {
		return nil, err
	}
	q := query{}
	q.str("sortBy", string(p.SortBy))
	q.boolean("isDeleted", p.IsDeleted)
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// CreateCommunityCategoryParams describes a new category.
type CreateCommunityCategoryParams struct {
	// Name (required, at most 1,000 characters).
	Name string `json:"name"`
	// Metadata is free-form JSON for custom fields.
	Metadata map[string]any `json:"metadata,omitempty"`
	// AvatarFileID is an uploaded image (at most 50 characters).
	AvatarFileID string `json:"avatarFileId,omitempty"`
}

// UpdateCommunityCategoryParams changes a category. Nil fields are left as they are.
type UpdateCommunityCategoryParams struct {
	// Name, 1 to 1,000 characters.
	Name *string `json:"name,omitempty"`
	// Metadata replaces the metadata.
	Metadata map[string]any `json:"metadata,omitempty"`
	// AvatarFileID, at most 50 characters.
	AvatarFileID *string `json:"avatarFileId,omitempty"`
}

// updateCommunityCategoryBody is the PUT body: the spec wants the categoryId of the path in
// the body too.
type updateCommunityCategoryBody struct {
	CategoryID string `json:"categoryId"`
	*UpdateCommunityCategoryParams
}

// communityCategoryPath builds a path holding a categoryId (1 to 50 characters).
func communityCategoryPath(op, format, categoryID string) (string, error) {
	if err := maxLen(op, "categoryID", categoryID, 50); err != nil {
		return "", err
	}
	return pathf(op, format, id("categoryID", categoryID))
}

// send sends one category call and unwraps the bundle.
func (s *CommunityCategoriesService) send(ctx context.Context, r *request) (*CommunityCategoryPayload, error) {
	var env communityCategoriesEnvelope
	if err := s.c.do(ctx, r, &env); err != nil {
		return nil, err
	}
	out := env.Data
	if out.Paging.Next == "" && out.Paging.Previous == "" && env.Paging != nil {
		out.Paging = *env.Paging
	}
	return &out, nil
}

// one sends a call whose answer must hold the category.
func (s *CommunityCategoriesService) one(ctx context.Context, r *request) (*CommunityCategoryPayload, error) {
	p, err := s.send(ctx, r)
	if err != nil {
		return nil, err
	}
	if len(p.Categories) == 0 {
		return nil, fmt.Errorf("amity: %s %s: the answer holds no category: %w", r.method, r.path, ErrNotFound)
	}
	return p, nil
}

// Create creates a category and returns it (Categories[0]) with its avatar file.
// POST /api/v3/community-categories. Not retried after it may have reached the server: a
// repeat would create a second category.
func (s *CommunityCategoriesService) Create(ctx context.Context, params *CreateCommunityCategoryParams) (*CommunityCategoryPayload, error) {
	const op = "CommunityCategories.Create"
	if params == nil {
		return nil, &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	if err := firstErr(
		required(op, "Name", params.Name),
		maxLen(op, "Name", params.Name, 1000),
		maxLen(op, "AvatarFileID", params.AvatarFileID, 50),
	); err != nil {
		return nil, err
	}
	return s.one(ctx, &request{op: op, method: http.MethodPost, path: "/api/v3/community-categories", body: params})
}

// Get returns one category (Categories[0]) with its avatar file.
// GET /api/v3/community-categories/{categoryId}.
func (s *CommunityCategoriesService) Get(ctx context.Context, categoryID string) (*CommunityCategoryPayload, error) {
	const op = "CommunityCategories.Get"
	path, err := communityCategoryPath(op, "/api/v3/community-categories/%s", categoryID)
	if err != nil {
		return nil, err
	}
	return s.one(ctx, &request{op: op, method: http.MethodGet, path: path})
}

// GetMany returns the categories with the given IDs (1 to 100, each 1 to 50 characters).
// GET /api/v3/community-categories/list.
func (s *CommunityCategoriesService) GetMany(ctx context.Context, categoryIDs []string) (*CommunityCategoryPayload, error) {
	const op = "CommunityCategories.GetMany"
	if err := idList(op, "categoryIDs", categoryIDs, 100, 50); err != nil {
		return nil, err
	}
	q := query{}
	q.list("categoryIds", categoryIDs)
	return s.send(ctx, &request{op: op, method: http.MethodGet, path: "/api/v3/community-categories/list", query: url.Values(q)})
}

// List returns an iterator over the categories matching params, fetching pages as it goes.
// GET /api/v3/community-categories.
func (s *CommunityCategoriesService) List(ctx context.Context, params *ListCommunityCategoriesParams) iter.Seq2[CommunityCategory, error] {
	return listAllLegacy(ctx, params, s.ListPage)
}

// ListPage returns one page of categories with their avatar files and cursors.
// GET /api/v3/community-categories.
func (s *CommunityCategoriesService) ListPage(ctx context.Context, params *ListCommunityCategoriesParams) (*CommunityCategoryPayload, error) {
	const op = "CommunityCategories.ListPage"
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	return s.send(ctx, &request{op: op, method: http.MethodGet, path: "/api/v3/community-categories", query: url.Values(q)})
}

// Update changes a category and returns it (Categories[0]).
// PUT /api/v3/community-categories/{categoryId}. Idempotent by construction: it sets the
// given fields to the given values, so a repeat leaves the same state, and it is retried
// like a read.
func (s *CommunityCategoriesService) Update(ctx context.Context, categoryID string, params *UpdateCommunityCategoryParams) (*CommunityCategoryPayload, error) {
	const op = "CommunityCategories.Update"
	path, err := communityCategoryPath(op, "/api/v3/community-categories/%s", categoryID)
	if err != nil {
		return nil, err
	}
	if params == nil {
		return nil, &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	checks := []error{
		maxLenPtr(op, "Name", params.Name, 1000),
		maxLenPtr(op, "AvatarFileID", params.AvatarFileID, 50),
	}
	if params.Name != nil {
		checks = append(checks, required(op, "Name", *params.Name))
	}
	if err := firstErr(checks...); err != nil {
		return nil, err
	}
	return s.one(ctx, &request{op: op, method: http.MethodPut, path: path,
		body: updateCommunityCategoryBody{CategoryID: categoryID, UpdateCommunityCategoryParams: params}, idempotent: true})
}

// Delete deletes a category. DELETE /api/v3/community-categories/{categoryId} (the spec
// also wants the ID as the categoryId query parameter; both are sent).
// Idempotent by construction: a deleted category stays deleted, so it is retried like a
// read; a retry of a delete that was applied may answer an error matching ErrNotFound.
func (s *CommunityCategoriesService) Delete(ctx context.Context, categoryID string) error {
	const op = "CommunityCategories.Delete"
	path, err := communityCategoryPath(op, "/api/v3/community-categories/%s", categoryID)
	if err != nil {
		return err
	}
	q := query{}
	q.str("categoryId", categoryID)
	var out struct {
		Data struct{} `json:"data"`
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, query: url.Values(q), idempotent: true}, &out)
}
