package amity

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strings"
)

// UsersService manages users: reading, listing, updating. Reach it as Client.Users.
type UsersService struct{ c *Client }

// User is an Amity user.
type User struct {
	// ID is the user's private ID (used in real-time events).
	ID string `json:"_id,omitempty"`
	// Path is the user's real-time event path.
	Path string `json:"path,omitempty"`
	// UserID is the public ID your application chose.
	UserID         string `json:"userId"`
	UserInternalID string `json:"userInternalId,omitempty"`
	UserPublicID   string `json:"userPublicId,omitempty"`
	// Roles are role IDs held network-wide.
	Roles       []string `json:"roles,omitempty"`
	Permissions []string `json:"permissions,omitempty"`
	DisplayName string   `json:"displayName,omitempty"`
	Description string   `json:"description,omitempty"`
	// AvatarFileID is a file from Files; AvatarCustomURL an external image.
	AvatarFileID    string `json:"avatarFileId,omitempty"`
	AvatarCustomURL string `json:"avatarCustomUrl,omitempty"`
	// FlagCount is how many times users flagged this user.
	FlagCount int       `json:"flagCount,omitempty"`
	HashFlag  *HashFlag `json:"hashFlag,omitempty"`
	// Metadata is free-form JSON (at most 5,000 bytes).
	Metadata map[string]any `json:"metadata,omitempty"`
	// IsGlobalBan reports a global ban (see Users.Ban).
	IsGlobalBan bool `json:"isGlobalBan,omitempty"`
	IsBrand     bool `json:"isBrand,omitempty"`
	CreatedAt   Time `json:"createdAt"`
	UpdatedAt   Time `json:"updatedAt"`

	// Raw is the user's JSON as received, with any field this type does not know.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes a user and keeps its raw JSON.
func (u *User) UnmarshalJSON(b []byte) error {
	type plain User
	return decodeRaw(b, (*plain)(u), &u.Raw)
}

// HashFlag is the bloom filter of who flagged an entity.
type HashFlag struct {
	Bits   int      `json:"bits,omitempty"`
	Hashes int      `json:"hashes,omitempty"`
	Hash   []string `json:"hash,omitempty"`
}

// UserPage is one page of users with the files they refer to (avatars).
type UserPage struct {
	Users  []User `json:"users"`
	Files  []File `json:"files"`
	Paging Paging `json:"paging"`
}

func (p *UserPage) pageItems() []User { return p.Users }
func (p *UserPage) pageInfo() Paging  { return p.Paging }

// File returns the sideloaded file with the given ID, or nil.
func (p *UserPage) File(fileID string) *File { return findFile(p.Files, fileID) }

// UserFilter selects users in Users.List.
type UserFilter string

// User filters.
const (
	UserFilterAll     UserFilter = "all"
	UserFilterFlagged UserFilter = "flagged"
)

// UserSortBy orders Users.List.
type UserSortBy string

// User orders.
const (
	UserSortFirstCreated UserSortBy = "firstCreated"
	UserSortLastCreated  UserSortBy = "lastCreated"
	UserSortDisplayName  UserSortBy = "displayName"
)

// ListUsersParams filters and pages Users.List. The zero value lists all users.
type ListUsersParams struct {
	PageParams
	// Keyword matches display names (or IDs); ExactMatchKeyword makes it exact.
	Keyword           string
	ExactMatchKeyword *bool
	// Filter: all (default) or flagged.
	Filter UserFilter
	// SortBy: firstCreated, lastCreated or displayName.
	SortBy    UserSortBy
	IsDeleted *bool
}

func (p *ListUsersParams) query(op string) (query, error) {
	if p == nil {
		p = &ListUsersParams{}
	}
	if err := p.PageParams.validate(op); err != nil {
		return nil, err
	}
	if err := oneOf(op, "Filter", p.Filter, UserFilterAll, UserFilterFlagged); err != nil {
		return nil, err
	}
	if err := oneOf(op, "SortBy", p.SortBy, UserSortFirstCreated, UserSortLastCreated, UserSortDisplayName); err != nil {
		return nil, err
	}
	q := query{}
	q.str("keyword", p.Keyword)
	q.boolean("exactMatchKeyword", p.ExactMatchKeyword)
	q.str("filter", string(p.Filter))
	q.str("sortBy", string(p.SortBy))
	q.boolean("isDeleted", p.IsDeleted)
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// Get returns one user by public ID. GET /api/v3/users/{userId}.
func (s *UsersService) Get(ctx context.Context, userID string) (*User, error) {
	return s.get(ctx, "Users.Get", userID, "")
}

// GetByInternalID returns one user by internal ID. GET /api/v3/users/{userId}?type=internal.
func (s *UsersService) GetByInternalID(ctx context.Context, internalID string) (*User, error) {
	return s.get(ctx, "Users.GetByInternalID", internalID, "internal")
}

func (s *UsersService) get(ctx context.Context, op, userID, typ string) (*User, error) {
	path, err := pathf(op, "/api/v3/users/%s", id("userID", userID))
	if err != nil {
		return nil, err
	}
	q := query{}
	q.str("type", typ)
	var page UserPage
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: path, query: url.Values(q)}, &page); err != nil {
		return nil, err
	}
	return first(page.Users, "GET", path, "user")
}

// List returns an iterator over users matching params, fetching pages as it goes.
// GET /api/v3/users.
func (s *UsersService) List(ctx context.Context, params *ListUsersParams) iter.Seq2[User, error] {
	token := ""
	if params != nil {
		token = params.PageToken
	}
	return iterate(ctx, token, func(ctx context.Context, token string) (*UserPage, error) {
		p := ListUsersParams{}
		if params != nil {
			p = *params
		}
		p.PageToken = token
		return s.ListPage(ctx, &p)
	})
}

// ListPage returns one page of users, with its cursors. GET /api/v3/users.
func (s *UsersService) ListPage(ctx context.Context, params *ListUsersParams) (*UserPage, error) {
	const op = "Users.ListPage"
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	var page UserPage
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v3/users", query: url.Values(q)}, &page); err != nil {
		return nil, err
	}
	return &page, nil
}

// GetMany returns the users with the given public IDs (at most 100), with their files.
// GET /api/v3/users/list.
func (s *UsersService) GetMany(ctx context.Context, userIDs []string) (*UserPage, error) {
	const op = "Users.GetMany"
	if err := idList(op, "userIDs", userIDs, 100, 900); err != nil {
		return nil, err
	}
	q := query{}
	q.list("userIds", userIDs)
	var page UserPage
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v3/users/list", query: url.Values(q)}, &page); err != nil {
		return nil, err
	}
	return &page, nil
}

// UpdateUserParams changes a user. Nil fields are left as they are.
type UpdateUserParams struct {
	// UserID (required, at most 50 characters) is the user to change.
	UserID string `json:"userId"`
	// DisplayName, at most 100 characters.
	DisplayName *string `json:"displayName,omitempty"`
	// Roles replaces the user's roles (at most 10); only an admin may set system roles.
	Roles []string `json:"roles,omitempty"`
	// Metadata replaces the user's metadata (at most 5,000 bytes as JSON).
	Metadata        map[string]any `json:"metadata,omitempty"`
	AvatarFileID    *string        `json:"avatarFileId,omitempty"`
	AvatarCustomURL *string        `json:"avatarCustomUrl,omitempty"`
	// Description, at most 500 characters.
	Description *string `json:"description,omitempty"`
}

func (p *UpdateUserParams) validate(op string) error {
	if p == nil {
		return &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	checks := []error{
		required(op, "UserID", p.UserID),
		maxLen(op, "UserID", p.UserID, 50),
		maxLenPtr(op, "DisplayName", p.DisplayName, 100),
		maxLenPtr(op, "AvatarFileID", p.AvatarFileID, 50),
		maxLenPtr(op, "AvatarCustomURL", p.AvatarCustomURL, 1000),
		maxLenPtr(op, "Description", p.Description, 500),
		maxItems(op, "Roles", len(p.Roles), 10),
		metadataSize(op, "Metadata", p.Metadata, 5000),
	}
	for _, r := range p.Roles {
		checks = append(checks, maxLen(op, "Roles[]", r, 100))
	}
	return firstErr(checks...)
}

// Update changes a user's display name, roles, metadata, avatar or description and returns
// the user. PUT /api/v3/users. Idempotent by construction (it sets fields to the given
// values; sending it twice leaves the same state), so it is retried like a read.
func (s *UsersService) Update(ctx context.Context, params *UpdateUserParams) (*User, error) {
	const op = "Users.Update"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	var page UserPage
	if err := s.c.do(ctx, &request{op: op, method: http.MethodPut, path: "/api/v3/users", body: params, idempotent: true}, &page); err != nil {
		return nil, err
	}
	return first(page.Users, "PUT", "/api/v3/users", "user")
}

// first returns the first item of a one-item answer, or an error matching ErrNotFound.
func first[T any](items []T, method, path, what string) (*T, error) {
	if len(items) == 0 {
		return nil, fmt.Errorf("amity: %s %s: the answer holds no %s: %w", method, path, what, ErrNotFound)
	}
	return &items[0], nil
}

func findFile(files []File, fileID string) *File {
	for i := range files {
		if files[i].FileID == fileID {
			return &files[i]
		}
	}
	return nil
}

// idList checks a list of IDs sent in a query.
func idList(op, field string, ids []string, maxN, maxLength int) error {
	if len(ids) == 0 {
		return &ValidationError{Op: op, Field: field, Reason: "must not be empty"}
	}
	if len(ids) > maxN {
		return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf("must hold at most %d IDs", maxN)}
	}
	for _, v := range ids {
		if strings.TrimSpace(v) == "" || len(v) > maxLength {
			return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf("must hold IDs of 1 to %d characters", maxLength)}
		}
	}
	return nil
}
