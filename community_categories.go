package amity

import (
	"context"
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
}

// CommunityCategoryPayload is the category bundle: categories and their avatar files, and
// the cursors of a list page. The API wraps it as {"status", "data"}; the SDK unwraps it
// (Raw is the whole answer, wrapper included).
type CommunityCategoryPayload struct {
	rawJSON
	Categories []CommunityCategory `json:"categories"`
	Files      []File              `json:"files"`
	// Paging holds the cursors of CommunityCategories.ListPage. The spec declares none for this
	// endpoint; they are read from data.paging or a top-level paging, and when the server
	// sends neither the listing ends after the first page.
	Paging Paging `json:"paging"`
}

// UnmarshalJSON unwraps the {"status", "data"} answer, in one decoding.
func (p *CommunityCategoryPayload) UnmarshalJSON(b []byte) error {
	var wire struct {
		Data struct {
			Categories []CommunityCategory `json:"categories"`
			Files      []File              `json:"files"`
			Paging     Paging              `json:"paging"`
		} `json:"data"`
		Paging *Paging `json:"paging"`
	}
	if err := decodeJSON(b, &wire); err != nil {
		return err
	}
	p.Categories, p.Files, p.Paging = wire.Data.Categories, wire.Data.Files, wire.Data.Paging
	if p.Paging.Next == "" && p.Paging.Previous == "" && wire.Paging != nil {
		p.Paging = *wire.Paging
	}
	return nil
}

func (p *CommunityCategoryPayload) pageItems() []CommunityCategory { return p.Categories }
func (p *CommunityCategoryPayload) pageInfo() Paging               { return p.Paging }

// Category returns the answer's first category, or nil.
func (p *CommunityCategoryPayload) Category() *CommunityCategory { return firstOf(p.Categories) }

// CategoryByID returns the category with the given ID, or nil.
func (p *CommunityCategoryPayload) CategoryByID(categoryID string) *CommunityCategory {
	return byID(p.Categories, categoryID, communityCategoryID)
}

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *CommunityCategoryPayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// Avatar returns category's avatar file, or nil when it has none or the payload lacks it.
func (p *CommunityCategoryPayload) Avatar(category *CommunityCategory) *File {
	if category == nil || category.AvatarFileID == "" {
		return nil
	}
	return p.FileByID(category.AvatarFileID)
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
	p = orZero(p)
	q, err := p.PageParams.optionsQuery(op, 1000)
	if err != nil {
		return nil, err
	}
	q.str("sortBy", string(p.SortBy))
	q.boolean("isDeleted", p.IsDeleted)
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

// communityCategoryPath is the idPath of a category: an ID of 1 to 50 characters.
var communityCategoryPath = maxLenPath("categoryID", 50)

// GetManyCommunityCategoriesParams names the categories of CommunityCategories.GetMany.
type GetManyCommunityCategoriesParams struct {
	// CategoryIDs (required, 1 to 100, each 1 to 50 characters) are the categories.
	CategoryIDs []string
}

// Create creates a category and returns it (Categories[0]) with its avatar file.
// POST /api/v3/community-categories. Not retried after it may have reached the server: a
// repeat would create a second category.
func (s *CommunityCategoriesService) Create(ctx context.Context, params *CreateCommunityCategoryParams, opts ...CallOption) (*CommunityCategoryPayload, error) {
	const op = "CommunityCategories.Create"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		required(op, "Name", params.Name),
		maxLen(op, "Name", params.Name, 1000),
		maxLen(op, "AvatarFileID", params.AvatarFileID, 50),
	); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v3/community-categories", body: params, opts: opts}, "category", (*CommunityCategoryPayload).pageItems)
}

// Get returns one category (Categories[0]) with its avatar file.
// GET /api/v3/community-categories/{categoryId}.
func (s *CommunityCategoriesService) Get(ctx context.Context, categoryID string, opts ...CallOption) (*CommunityCategoryPayload, error) {
	const op = "CommunityCategories.Get"
	path, err := communityCategoryPath(op, "/api/v3/community-categories/%s", categoryID)
	if err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts}, "category", (*CommunityCategoryPayload).pageItems)
}

// GetMany returns the categories with the given IDs, with their avatar files; categories
// that do not exist are left out. GET /api/v3/community-categories/list, each ID as the
// required categoryId of spec 4.116.1 (4.92.0 named the list categoryIds[]): one ID is the
// spec's one string, several repeat the parameter, which the API's query parser reads as a
// list (docs/wire-notes.md, row 55).
func (s *CommunityCategoriesService) GetMany(ctx context.Context, params *GetManyCommunityCategoriesParams, opts ...CallOption) (*CommunityCategoryPayload, error) {
	const op = "CommunityCategories.GetMany"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := idList(op, "CategoryIDs", params.CategoryIDs, 100, 50); err != nil {
		return nil, err
	}
	q := url.Values{"categoryId": params.CategoryIDs}
	return call[CommunityCategoryPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/community-categories/list", query: q, opts: opts})
}

// List returns an iterator over the categories matching params, fetching pages as it goes.
// GET /api/v3/community-categories.
func (s *CommunityCategoriesService) List(ctx context.Context, params *ListCommunityCategoriesParams, opts ...CallOption) iter.Seq2[CommunityCategory, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of categories matching params, with their
// avatar files and cursors. GET /api/v3/community-categories.
func (s *CommunityCategoriesService) ListPages(ctx context.Context, params *ListCommunityCategoriesParams, opts ...CallOption) iter.Seq2[*CommunityCategoryPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of categories with their avatar files and cursors.
// GET /api/v3/community-categories.
func (s *CommunityCategoriesService) ListPage(ctx context.Context, params *ListCommunityCategoriesParams, opts ...CallOption) (*CommunityCategoryPayload, error) {
	const op = "CommunityCategories.ListPage"
	return listPage[CommunityCategoryPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/community-categories", opts: opts}, params)
}

// Update changes a category and returns it (Categories[0]).
// PUT /api/v3/community-categories/{categoryId}. Idempotent by construction: it sets the
// given fields to the given values, so a repeat leaves the same state, and it is retried
// like a read.
func (s *CommunityCategoriesService) Update(ctx context.Context, categoryID string, params *UpdateCommunityCategoryParams, opts ...CallOption) (*CommunityCategoryPayload, error) {
	const op = "CommunityCategories.Update"
	path, err := communityCategoryPath(op, "/api/v3/community-categories/%s", categoryID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
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
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPut, path: path,
		body: updateCommunityCategoryBody{CategoryID: categoryID, UpdateCommunityCategoryParams: params}, idempotent: true, opts: opts}, "category", (*CommunityCategoryPayload).pageItems)
}

// Delete deletes a category. DELETE /api/v3/community-categories/{categoryId} (the spec
// also wants the ID as the categoryId query parameter; both are sent). An answer of
// data.success false is an *Error matching ErrUnsuccessful.
// Idempotent by construction: a deleted category stays deleted, so it is retried like a
// read; a retry of a delete that was applied may answer an error matching ErrNotFound.
func (s *CommunityCategoriesService) Delete(ctx context.Context, categoryID string, opts ...CallOption) error {
	const op = "CommunityCategories.Delete"
	path, err := communityCategoryPath(op, "/api/v3/community-categories/%s", categoryID)
	if err != nil {
		return err
	}
	q := query{}
	q.str("categoryId", categoryID)
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, query: url.Values(q), idempotent: true, opts: opts}, nil)
}
