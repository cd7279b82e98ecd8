package amitytest

import (
	"time"
)

// category is a community category.
type category struct {
	id           string
	name         string
	metadata     map[string]any
	avatarFileID string
	deleted      bool
	createdAt    time.Time
	updatedAt    time.Time
	seq          int64
}

type categoryJSON struct {
	CategoryID   string         `json:"categoryId"`
	Name         string         `json:"name"`
	Metadata     map[string]any `json:"metadata"`
	AvatarFileID string         `json:"avatarFileId,omitempty"`
	IsDeleted    bool           `json:"isDeleted"`
	CreatedAt    string         `json:"createdAt"`
	UpdatedAt    string         `json:"updatedAt"`
}

func (cat *category) json() categoryJSON {
	return categoryJSON{
		CategoryID: cat.id, Name: cat.name, Metadata: obj(cat.metadata), AvatarFileID: cat.avatarFileID,
		IsDeleted: cat.deleted, CreatedAt: ts(cat.createdAt), UpdatedAt: ts(cat.updatedAt),
	}
}

type categoriesData struct {
	Categories []categoryJSON      `json:"categories"`
	Files      []fileJSON          `json:"files"`
	Paging     *pagingNextPrevious `json:"paging,omitempty"`
}

func (c *request) categoriesBody(cats []*category) categoriesData {
	b := c.sideload()
	out := []categoryJSON{}
	for _, cat := range cats {
		out = append(out, cat.json())
		b.addFile(cat.avatarFileID)
	}
	return categoriesData{Categories: out, Files: b.files()}
}

type categoryRequest struct {
	CategoryID   string          `json:"categoryId"`
	Name         *string         `json:"name"`
	Metadata     *map[string]any `json:"metadata"`
	AvatarFileID *string         `json:"avatarFileId"`
}

func (s *Server) routesCategories() {
	s.route("GET /api/v3/community-categories", authUser, func(c *request) error {
		sortBy := c.q("sortBy")
		if err := enum("sortBy", sortBy, "firstCreated", "lastCreated", "name"); err != nil {
			return err
		}
		isDeleted, p, err := c.deletedAndPage()
		if err != nil {
			return err
		}
		var list []*category
		for _, cat := range c.st.categories {
			if deletedFilter(isDeleted, cat.deleted, bothByDefault) {
				list = append(list, cat)
			}
		}
		if sortBy == "firstCreated" || sortBy == "lastCreated" {
			sortByCreated(list, func(cat *category) (time.Time, int64) { return cat.createdAt, cat.seq }, sortBy == "lastCreated")
		} else {
			sortByName(list, func(x *category) string { return x.name }, func(x, y *category) bool { return x.seq < y.seq })
		}
		win, cur := paginate(list, p)
		data := c.categoriesBody(win)
		data.Paging = cur.nextPrevious()
		return c.ok(statusData{Status: "success", Data: data})
	})
	s.route("POST /api/v3/community-categories", authUser, func(c *request) error {
		if err := c.requirePermission("CREATE_COMMUNITY_CATEGORY"); err != nil { // roles.go
			return err
		}
		var req categoryRequest
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.Name == nil || *req.Name == "" {
			return errBadRequest("Parameters validation error: name is required")
		}
		if err := req.validate(c); err != nil {
			return err
		}
		now := c.now()
		cat := &category{id: c.st.newID(), metadata: map[string]any{}, createdAt: now, updatedAt: now, seq: c.st.nextSeq()}
		req.apply(cat)
		c.st.categories[cat.id] = cat
		return c.ok(statusData{Status: "success", Data: c.categoriesBody([]*category{cat})})
	})
	// Spec 4.116.1 names the required parameter categoryId (one string); several IDs repeat
	// it (categoryId=a&categoryId=b, read as a list), and 4.92.0's categoryIds[] is still read.
	s.route("GET /api/v3/community-categories/list", authUser, func(c *request) error {
		ids := uniq(append(c.qList("categoryId"), c.qList("categoryIds")...))
		if len(ids) == 0 {
			return errBadRequest("Parameters validation error: categoryId is required")
		}
		if len(ids) > 100 {
			return errBadRequest("Parameters validation error: at most 100 categoryId")
		}
		var cats []*category
		for _, id := range ids {
			if cat := c.st.categories[id]; cat != nil {
				cats = append(cats, cat)
			}
		}
		return c.ok(statusData{Status: "success", Data: c.categoriesBody(cats)})
	})
	s.route("GET /api/v3/community-categories/{categoryId}", authUser, func(c *request) error {
		cat := c.st.categories[c.path("categoryId")]
		if cat == nil {
			return errNotFound("Category not found.")
		}
		return c.ok(statusData{Status: "success", Data: c.categoriesBody([]*category{cat})})
	})
	s.route("PUT /api/v3/community-categories/{categoryId}", authUser, func(c *request) error {
		if err := c.requirePermission("EDIT_COMMUNITY_CATEGORY"); err != nil { // roles.go
			return err
		}
		cat := c.st.categories[c.path("categoryId")]
		if cat == nil || cat.deleted {
			return errNotFound("Category not found.")
		}
		var req categoryRequest
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.CategoryID != "" && req.CategoryID != cat.id {
			return errBadRequest("Parameters validation error: categoryId does not match the path")
		}
		if req.Name != nil && *req.Name == "" {
			return errBadRequest("Parameters validation error: name must not be empty")
		}
		if err := req.validate(c); err != nil {
			return err
		}
		req.apply(cat)
		cat.updatedAt = c.now()
		return c.ok(statusData{Status: "success", Data: c.categoriesBody([]*category{cat})})
	})
	s.route("DELETE /api/v3/community-categories/{categoryId}", authUser, func(c *request) error {
		if err := c.requirePermission("DELETE_COMMUNITY_CATEGORY"); err != nil { // roles.go
			return err
		}
		cat := c.st.categories[c.path("categoryId")]
		if cat == nil || cat.deleted {
			return errNotFound("Category not found.")
		}
		cat.deleted, cat.updatedAt = true, c.now()
		return c.ok(successData())
	})
}

func (req *categoryRequest) validate(c *request) error {
	if req.Name != nil {
		if err := maxLen("name", *req.Name, 1000); err != nil {
			return err
		}
	}
	if req.AvatarFileID != nil && *req.AvatarFileID != "" && c.st.files[*req.AvatarFileID] == nil {
		return errNotFound("File not found.")
	}
	return nil
}

func (req *categoryRequest) apply(cat *category) {
	setOpt(&cat.name, req.Name)
	setOptWith(&cat.metadata, req.Metadata, obj)
	setOpt(&cat.avatarFileID, req.AvatarFileID)
}
