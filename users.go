package amity

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strconv"
)

// UsersService manages users: reading, listing, updating and deleting them, global bans,
// flags (reports) on users and the blocks between users. Reach it as Client.Users.
//
// The API has no call that only creates a user: registering a session
// (Client.Sessions.Register, or the first call of a view from Client.AsUser) creates a user
// that does not exist yet. See Example_createUsers for a bulk import, and the README's
// Throughput section for how long one takes.
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
	// ProfileHandle is the user's handle, unique in the network (spec 4.116.1).
	ProfileHandle string `json:"profileHandle,omitempty"`
	Description   string `json:"description,omitempty"`
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
	// IsDeleted reports a deleted user (see Users.Delete).
	IsDeleted bool `json:"isDeleted,omitempty"`
	CreatedAt Time `json:"createdAt"`
	UpdatedAt Time `json:"updatedAt"`
}

// HashFlag is the bloom filter of who flagged an entity. The server sends its bits in
// several forms (a string, a list of strings, a list of numbers), and nothing in the API
// reads them back: Hash keeps them as sent.
type HashFlag struct {
	Bits   int     `json:"bits,omitempty"`
	Hashes int     `json:"hashes,omitempty"`
	Hash   RawJSON `json:"hash,omitempty"`
}

// UserPayload is the users answer: users with the files they refer to (avatars), and the
// cursors of a list page.
type UserPayload struct {
	rawJSON
	Users []User `json:"users"`
	Files []File `json:"files"`
	// Roles are the roles the users hold (see RoleByID).
	Roles  []Role `json:"roles"`
	Paging Paging `json:"paging"`
}

// RoleByID returns the sideloaded role with the given ID, or nil.
func (p *UserPayload) RoleByID(roleID string) *Role { return roleByID(p.Roles, roleID) }

func (p *UserPayload) pageItems() []User { return p.Users }
func (p *UserPayload) pageInfo() Paging  { return p.Paging }

// User returns the answer's first user, or nil.
func (p *UserPayload) User() *User { return firstOf(p.Users) }

// UserByID returns the user with the given public (else internal or private) ID, or nil.
func (p *UserPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *UserPayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// Avatar returns user's avatar file, or nil when it has none or the payload lacks it.
func (p *UserPayload) Avatar(user *User) *File {
	if user == nil || user.AvatarFileID == "" {
		return nil
	}
	return p.FileByID(user.AvatarFileID)
}

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
	UserSortFirstCreated  UserSortBy = "firstCreated"
	UserSortLastCreated   UserSortBy = "lastCreated"
	UserSortDisplayName   UserSortBy = "displayName"
	UserSortProfileHandle UserSortBy = "profileHandle"
)

// UserSearchField is a field of a user that a search matches (the SearchBy of the user and
// member listings).
type UserSearchField string

// User search fields. A search with no SearchBy matches all three.
const (
	UserSearchDisplayName   UserSearchField = "displayName"
	UserSearchProfileHandle UserSearchField = "profileHandle"
	UserSearchUserID        UserSearchField = "userId"
)

// checkSearchBy checks a SearchBy list: at most 3 fields, none empty.
func checkSearchBy(op string, fields []UserSearchField) error {
	if err := maxItems(op, "SearchBy", len(fields), 3); err != nil {
		return err
	}
	for _, f := range fields {
		if err := required(op, "SearchBy[]", string(f)); err != nil {
			return err
		}
	}
	return nil
}

// ListUsersParams filters and pages Users.List. The zero value lists all users.
type ListUsersParams struct {
	PageParams
	// Keyword matches display names, profile handles and IDs (at most 100 characters);
	// ExactMatchKeyword makes it exact.
	Keyword           string
	ExactMatchKeyword *bool
	// SearchBy says which fields Keyword matches (at most 3): displayName, profileHandle,
	// userId; empty matches all three.
	SearchBy []UserSearchField
	// Filter: all (default) or flagged.
	Filter UserFilter
	// SortBy: firstCreated, lastCreated, displayName or profileHandle.
	SortBy UserSortBy
	// IsDeleted: true lists deleted users only; nil or false live ones only (the server's
	// default is false).
	IsDeleted *bool
}

func (p *ListUsersParams) query(op string) (query, error) {
	p = orZero(p)
	if err := firstErr(maxLen(op, "Keyword", p.Keyword, 100), checkSearchBy(op, p.SearchBy)); err != nil {
		return nil, err
	}
	q, err := p.PageParams.optionsQuery(op, 0)
	if err != nil {
		return nil, err
	}
	q.str("keyword", p.Keyword)
	q.boolean("exactMatchKeyword", p.ExactMatchKeyword)
	enums(q, "searchBy", p.SearchBy)
	q.str("filter", string(p.Filter))
	q.str("sortBy", string(p.SortBy))
	q.boolean("isDeleted", p.IsDeleted)
	return q, nil
}

// Get returns one user by public ID, with its avatar file. GET /api/v3/users/{userId}.
func (s *UsersService) Get(ctx context.Context, userID string, opts ...CallOption) (*UserPayload, error) {
	return s.get(ctx, "Users.Get", userID, "", opts)
}

// GetByInternalID returns one user by internal ID, with its avatar file.
// GET /api/v3/users/{userId}?type=internal.
func (s *UsersService) GetByInternalID(ctx context.Context, internalID string, opts ...CallOption) (*UserPayload, error) {
	return s.get(ctx, "Users.GetByInternalID", internalID, "internal", opts)
}

// get is Get and GetByInternalID: typ says which kind of ID userID is.
func (s *UsersService) get(ctx context.Context, op, userID, typ string, opts []CallOption) (*UserPayload, error) {
	path, err := pathf(op, "/api/v3/users/%s", id("userID", userID))
	if err != nil {
		return nil, err
	}
	q := query{}
	q.str("type", typ)
	return callOne(ctx, s.c, &request{op: op, method: http.MethodGet, path: path, query: url.Values(q), opts: opts}, "user", (*UserPayload).pageItems)
}

// List returns an iterator over users matching params, fetching pages as it goes.
// GET /api/v3/users.
func (s *UsersService) List(ctx context.Context, params *ListUsersParams, opts ...CallOption) iter.Seq2[User, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of users matching params, with their files
// and cursors. GET /api/v3/users.
func (s *UsersService) ListPages(ctx context.Context, params *ListUsersParams, opts ...CallOption) iter.Seq2[*UserPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of users, with its cursors. GET /api/v3/users.
func (s *UsersService) ListPage(ctx context.Context, params *ListUsersParams, opts ...CallOption) (*UserPayload, error) {
	const op = "Users.ListPage"
	return listPage[UserPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/users", opts: opts}, params)
}

// GetManyUsersParams names the users of Users.GetMany.
type GetManyUsersParams struct {
	// UserIDs (required, 1 to 100, each 1 to 900 characters) are public user IDs.
	UserIDs []string
}

// ids is the list getMany sends.
func (p *GetManyUsersParams) ids() []string { return p.UserIDs }

// GetMany returns the users with the given public IDs, with their files. Users that do not
// exist are left out. GET /api/v3/users/list.
func (s *UsersService) GetMany(ctx context.Context, params *GetManyUsersParams, opts ...CallOption) (*UserPayload, error) {
	return getMany[UserPayload](ctx, s.c, &request{op: "Users.GetMany", method: http.MethodGet, path: "/api/v3/users/list", opts: opts},
		params, idsQuery{field: "UserIDs", name: "userIds", maxIDs: 100, maxLen: 900})
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
	// CreateIfNotFound makes the call an upsert: a user that does not exist is created with
	// these fields. False, the default, is sent as createNewUserWhenNotFound: false, as the
	// API's own clients always send it, so that a mistyped or stale UserID fails instead of
	// creating a user (docs/wire-notes.md).
	CreateIfNotFound bool `json:"createNewUserWhenNotFound"`
}

func (p *UpdateUserParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
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
// the user with its files. PUT /api/v3/users. It never creates a user unless
// params.CreateIfNotFound is set. Idempotent by construction (it sets fields to the given
// values; sending it twice leaves the same state), so it is retried like a read.
func (s *UsersService) Update(ctx context.Context, params *UpdateUserParams, opts ...CallOption) (*UserPayload, error) {
	const op = "Users.Update"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/users", body: params, idempotent: true, opts: opts}, "user", (*UserPayload).pageItems)
}

// Ban bans a user globally: the user can no longer log in or call the API (answers match
// ErrBanned) until Unban. POST /api/v2/users/ban, with the API key. The user's ID, the one
// field of the body, is the argument. Idempotent by construction (it sets the user's ban
// state; banning a banned user changes nothing), so it is retried like a read.
func (s *UsersService) Ban(ctx context.Context, userID string, opts ...CallOption) error {
	return s.setBan(ctx, userID, &request{op: "Users.Ban", method: http.MethodPost, path: "/api/v2/users/ban", auth: authAPIKey, idempotent: true, opts: opts})
}

// Unban lifts a global ban. POST /api/v2/users/unban. Idempotent by construction (it sets
// the user's ban state; unbanning a user who is not banned changes nothing), so it is
// retried like a read.
func (s *UsersService) Unban(ctx context.Context, userID string, opts ...CallOption) error {
	return s.setBan(ctx, userID, &request{op: "Users.Unban", method: http.MethodPost, path: "/api/v2/users/unban", idempotent: true, opts: opts})
}

// setBan sends r, a global ban or unban of userID (the body's one field).
func (s *UsersService) setBan(ctx context.Context, userID string, r *request) error {
	if err := usersID(r.op, userID); err != nil {
		return err
	}
	r.body = struct {
		UserID string `json:"userId"`
	}{userID}
	return s.c.do(ctx, r, nil)
}

// userAnswer is an answer that is one bare user object.
type userAnswer struct {
	rawJSON
	User
}

// ClearFlags removes every flag (report) on a user and returns the user, its flag count
// reset, as the payload's only user (the API answers the bare user; the payload holds no
// files). DELETE /api/v2/users/{userId}/flags. Idempotent by construction (a user without
// flags stays without), so it is retried like a read.
func (s *UsersService) ClearFlags(ctx context.Context, userID string, opts ...CallOption) (*UserPayload, error) {
	const op = "Users.ClearFlags"
	path, err := pathf(op, "/api/v2/users/%s/flags", id("userID", userID))
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodDelete, path: path, idempotent: true, opts: opts}
	out, err := call[userAnswer](ctx, s.c, r)
	if err != nil {
		return nil, err
	}
	if !hasMember(out.Raw, "userId") { // present: a userId of another JSON type is the policy's
		return nil, malformedAnswer(r, "the answer holds no user")
	}
	return &UserPayload{rawJSON: out.rawJSON, Users: []User{out.User}}, nil
}

// IsFlaggedByMe reports whether the calling user has flagged userID. Call it on a view from
// Client.AsUser. GET /api/v3/users/{userId}/isFlagByMe.
func (s *UsersService) IsFlaggedByMe(ctx context.Context, userID string, opts ...CallOption) (bool, error) {
	return isFlaggedByMe(ctx, s.c, &request{op: "Users.IsFlaggedByMe", method: http.MethodGet, path: "/api/v3/users/%s/isFlagByMe", opts: opts}, userPath, userID)
}

// UserReportType is the part of a user's profile a report is about, or their behavior.
type UserReportType string

// User report types (the labels the product shows: Username, Bio, Avatar, Behavior).
const (
	UserReportDisplayName  UserReportType = "displayName"
	UserReportDescription  UserReportType = "description"
	UserReportAvatarFileID UserReportType = "avatarFileId"
	UserReportBehavior     UserReportType = "behavior"
)

// FlagUserParams details a report of Users.Flag. Without it (nil, or a zero value) the flag
// is a typeless report, as before spec 4.116.1.
type FlagUserParams struct {
	// ReportType is what is reported. A reporter holds one report per type on a user: a
	// repeat of the same type updates it.
	ReportType UserReportType `json:"reportType,omitempty"`
	// Reason (at most 300 characters) is required with UserReportBehavior and refused with
	// every other type and without a type (the server answers 422).
	Reason FlagReason `json:"reason,omitempty"`
	// Comment is a free note, allowed on every report (at most 300 characters).
	Comment string `json:"comment,omitempty"`
}

// Flag reports (flags) a user as the calling user, which must be a view from Client.AsUser,
// and returns the flagged user with its files (UserByID(userID); the payload may hold no
// user, which is not an error once the flag was applied). POST /api/v4/me/flags/{userId},
// with params as the body (none when params is nil: a typeless report). Not retried after it
// may have reached the server (a flag adds to the user's flag count).
func (s *UsersService) Flag(ctx context.Context, userID string, params *FlagUserParams, opts ...CallOption) (*UserPayload, error) {
	const op = "Users.Flag"
	r := &request{op: op, method: http.MethodPost, opts: opts}
	if params != nil && *params != (FlagUserParams{}) {
		if err := firstErr(
			maxLen(op, "Reason", string(params.Reason), postsMaxReason),
			maxLen(op, "Comment", params.Comment, postsMaxReason),
		); err != nil {
			return nil, err
		}
		switch t := params.ReportType; {
		case t == UserReportBehavior && params.Reason == "":
			return nil, &ValidationError{Op: op, Field: "Reason", Reason: "is required with ReportType behavior"}
		case params.Reason != "" && (t == "" || t == UserReportDisplayName || t == UserReportDescription || t == UserReportAvatarFileID):
			return nil, &ValidationError{Op: op, Field: "Reason", Reason: "is only sent with ReportType behavior"}
		}
		r.body = params
	}
	return s.flag(ctx, userID, r)
}

// Unflag withdraws the calling user's flag on a user and returns the user with its files
// (the payload may hold no user). Call it on a view from Client.AsUser.
// DELETE /api/v4/me/flags/{userId}. Idempotent by construction (it removes the caller's one
// flag; a repeat leaves the same state, though it may answer an error), so it is retried
// like a read.
func (s *UsersService) Unflag(ctx context.Context, userID string, opts ...CallOption) (*UserPayload, error) {
	return s.flag(ctx, userID, &request{op: "Users.Unflag", method: http.MethodDelete, idempotent: true, opts: opts})
}

// flag sends r, a call on the caller's flag of a user (POST or DELETE
// /api/v4/me/flags/{userId}), and decodes the answer, which may hold no user.
func (s *UsersService) flag(ctx context.Context, userID string, r *request) (*UserPayload, error) {
	if err := usersID(r.op, userID); err != nil {
		return nil, err
	}
	path, err := pathf(r.op, "/api/v4/me/flags/%s", id("userID", userID))
	if err != nil {
		return nil, err
	}
	r.path = path
	return call[UserPayload](ctx, s.c, r)
}

// UserFollowStatus is the state of a relation between two users.
type UserFollowStatus string

// Relation states; a block is a relation in state blocked.
const (
	UserFollowBlocked  UserFollowStatus = "blocked"
	UserFollowPending  UserFollowStatus = "pending"
	UserFollowAccepted UserFollowStatus = "accepted"
	UserFollowNone     UserFollowStatus = "none"
)

// UserFollow is a relation from one user to another: a follow, a follow request or, with
// status blocked, a block.
type UserFollow struct {
	// From is the user the relation starts from (the blocker), To the other one (the
	// blocked user), each also given as public and internal ID.
	From               string           `json:"from"`
	FromUserPublicID   string           `json:"fromUserPublicId,omitempty"`
	FromUserInternalID string           `json:"fromUserInternalId,omitempty"`
	To                 string           `json:"to"`
	ToUserPublicID     string           `json:"toUserPublicId,omitempty"`
	ToUserInternalID   string           `json:"toUserInternalId,omitempty"`
	Status             UserFollowStatus `json:"status,omitempty"`
	CreatedAt          Time             `json:"createdAt"`
	UpdatedAt          Time             `json:"updatedAt"`
}

// UserFollowCount holds a user's follow counters.
type UserFollowCount struct {
	UserID         string `json:"userId"`
	FollowerCount  int    `json:"followerCount"`
	FollowingCount int    `json:"followingCount"`
	PendingCount   int    `json:"pendingCount"`
}

// UserBlockPayload is the answer of Block and Unblock: the relation as it now is and the
// follow counters it changed.
type UserBlockPayload struct {
	rawJSON
	Follows      []UserFollow      `json:"follows"`
	FollowCounts []UserFollowCount `json:"followCounts"`
}

// BlockedUsersPayload is one page of the users the calling user blocked.
type BlockedUsersPayload struct {
	rawJSON
	// Follows are the block relations of this page, from the caller to each blocked user.
	Follows []UserFollow `json:"follows"`
	Users   []User       `json:"users"`
	Files   []File       `json:"files"`
	// Paging holds the cursors and, on this endpoint, Total (the number of blocked users).
	Paging Paging `json:"paging"`
}

// Blocked returns the blocked users of the page, in the order of Follows. A relation whose
// user is not sideloaded gives a User holding only its ID.
func (p *BlockedUsersPayload) Blocked() []User {
	return relationUsers(p.Follows, p.Users, p.BlockedUser, func(f *UserFollow) (string, string, string) {
		return f.ToUserPublicID, f.ToUserInternalID, f.To
	})
}

// relationUsers lists the users at one end of follows, in order: lookup's sideloaded user,
// else a User holding only the IDs end gives (public, internal, and the relation's own ID
// of that end, used when the public one is missing); users when there are no follows.
func relationUsers(follows []UserFollow, users []User, lookup func(*UserFollow) *User, end func(*UserFollow) (public, internal, id string)) []User {
	if len(follows) == 0 {
		return users
	}
	out := make([]User, 0, len(follows))
	for i := range follows {
		f := &follows[i]
		if u := lookup(f); u != nil {
			out = append(out, *u)
			continue
		}
		public, internal, id := end(f)
		if public == "" {
			public = id
		}
		out = append(out, User{UserID: public, UserInternalID: internal})
	}
	return out
}

// BlockedUser returns the sideloaded user a block relation points to, or nil.
func (p *BlockedUsersPayload) BlockedUser(f *UserFollow) *User {
	if f == nil {
		return nil
	}
	for i := range p.Users {
		u := &p.Users[i]
		switch {
		case f.ToUserPublicID != "" && u.UserID == f.ToUserPublicID,
			f.ToUserInternalID != "" && (u.UserInternalID == f.ToUserInternalID || u.ID == f.ToUserInternalID),
			f.To != "" && (u.UserID == f.To || u.UserInternalID == f.To || u.ID == f.To):
			return u
		}
	}
	return nil
}

func (p *BlockedUsersPayload) pageItems() []User { return p.Blocked() }
func (p *BlockedUsersPayload) pageInfo() Paging  { return p.Paging }

// UserByID returns the sideloaded user with the given public (else internal or private) ID,
// or nil.
func (p *BlockedUsersPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *BlockedUsersPayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// ListBlockedUsersParams pages Users.ListBlocked (flat limit and token on this endpoint).
type ListBlockedUsersParams struct {
	PageParams
}

func (p *ListBlockedUsersParams) query(op string) (query, error) {
	return orZero(p).PageParams.flatQuery(op, 0)
}

// ListBlocked returns an iterator over the users the calling user blocked, fetching pages
// as it goes. Call it on a view from Client.AsUser. GET /api/v4/me/user-blocks.
func (s *UsersService) ListBlocked(ctx context.Context, params *ListBlockedUsersParams, opts ...CallOption) iter.Seq2[User, error] {
	return listAll(ctx, params, opts, s.ListBlockedPage)
}

// ListBlockedPages returns an iterator over the pages of the users the calling user blocked,
// with the block relations. Call it on a view from Client.AsUser. GET /api/v4/me/user-blocks.
func (s *UsersService) ListBlockedPages(ctx context.Context, params *ListBlockedUsersParams, opts ...CallOption) iter.Seq2[*BlockedUsersPayload, error] {
	return pages(ctx, params, opts, s.ListBlockedPage)
}

// ListBlockedPage returns one page of the users the calling user blocked, with the block
// relations and the total. Call it on a view from Client.AsUser. GET /api/v4/me/user-blocks.
func (s *UsersService) ListBlockedPage(ctx context.Context, params *ListBlockedUsersParams, opts ...CallOption) (*BlockedUsersPayload, error) {
	const op = "Users.ListBlockedPage"
	return listPage[BlockedUsersPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v4/me/user-blocks", opts: opts}, params)
}

// Block makes the calling user block userID: neither sees the other's content and any
// follow between them ends. Call it on a view from Client.AsUser.
// POST /api/v4/me/user-blocks/{userId}. Idempotent by construction (it sets the relation to
// blocked; a repeat leaves the same state), so it is retried like a read.
func (s *UsersService) Block(ctx context.Context, userID string, opts ...CallOption) (*UserBlockPayload, error) {
	return s.block(ctx, userID, &request{op: "Users.Block", method: http.MethodPost, idempotent: true, opts: opts})
}

// Unblock lifts the calling user's block on userID. Call it on a view from Client.AsUser.
// DELETE /api/v4/me/user-blocks/{userId}. Idempotent by construction (it removes the block;
// a repeat leaves the same state), so it is retried like a read.
func (s *UsersService) Unblock(ctx context.Context, userID string, opts ...CallOption) (*UserBlockPayload, error) {
	return s.block(ctx, userID, &request{op: "Users.Unblock", method: http.MethodDelete, idempotent: true, opts: opts})
}

// block sends r, a call on the caller's block of a user (POST or DELETE
// /api/v4/me/user-blocks/{userId}).
func (s *UsersService) block(ctx context.Context, userID string, r *request) (*UserBlockPayload, error) {
	path, err := pathf(r.op, "/api/v4/me/user-blocks/%s", id("userID", userID))
	if err != nil {
		return nil, err
	}
	r.path = path
	return call[UserBlockPayload](ctx, s.c, r)
}

// DeleteUserParams chooses what Users.Delete wipes besides the user. Nil fields leave the
// server's default (false).
type DeleteUserParams struct {
	// DeleteAll hard-deletes the channels, messages, comments, posts, polls and reactions the
	// user created.
	DeleteAll *bool
	// MarkMessageDeleted hard-deletes the user's messages.
	MarkMessageDeleted *bool
	// HardDeletePost hard-deletes the user's posts.
	HardDeletePost *bool
	// HardDeleteComment hard-deletes the user's comments.
	HardDeleteComment *bool
}

func (p *DeleteUserParams) query() query {
	q := query{}
	if p == nil {
		return q
	}
	for _, f := range []struct {
		name string
		v    *bool
	}{{"deleteAll", p.DeleteAll}, {"markMessageDeleted", p.MarkMessageDeleted}, {"hardDeletePost", p.HardDeletePost}, {"hardDeleteComment", p.HardDeleteComment}} {
		if f.v != nil {
			url.Values(q).Set(f.name, strconv.FormatBool(*f.v))
		}
	}
	return q
}

// Delete deletes a user (admin only): the display name becomes "Deleted user", and params
// choose which of the user's content is hard-deleted too. DELETE /api/v4/users/{userId}.
// Idempotent by construction (a deleted user stays deleted; a repeat may answer an error),
// so it is retried like a read.
func (s *UsersService) Delete(ctx context.Context, userID string, params *DeleteUserParams, opts ...CallOption) error {
	const op = "Users.Delete"
	if err := usersID(op, userID); err != nil {
		return err
	}
	path, err := pathf(op, "/api/v4/users/%s", id("userID", userID))
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, query: url.Values(params.query()), idempotent: true, opts: opts}, nil)
}

// userPath is the idPath of the follow and flag calls: a user ID of at most 900 characters.
var userPath = maxLenPath("userID", 900)

// usersID checks a public user ID given in a body or a v4 path: 1 to 50 characters.
func usersID(op, userID string) error {
	return firstErr(required(op, "userID", userID), maxLen(op, "userID", userID, 50))
}
