package amity

import (
	"context"
	"iter"
	"net/http"
	"net/url"
)

// CommunitiesService manages communities, their members, roles and bans. Reach it as
// Client.Communities; the older v3 role calls are on its V3 field.
type CommunitiesService struct {
	c *Client
	// V3 holds the older single-role calls (POST and DELETE
	// /api/v3/communities/{communityId}/users/roles); AddRoles and RemoveRoles are current.
	V3 *CommunitiesV3Service
}

// CommunitiesV3Service holds the v3 community role calls, which take one role at a time.
// Reach it as Client.Communities.V3.
type CommunitiesV3Service struct{ c *Client }

// Community is an Amity community: a group with its own feed, members and roles.
type Community struct {
	// ID is the community's private ID (used in real-time events).
	ID string `json:"_id,omitempty"`
	// Path is the community's real-time event path.
	Path string `json:"path,omitempty"`
	// CommunityID is the community's ID, the one the API's paths take.
	CommunityID string `json:"communityId"`
	// ChannelID is the community's underlying channel.
	ChannelID string `json:"channelId"`
	// UserID is the creator's ID; UserPublicID and UserInternalID its two forms.
	UserID         string `json:"userId,omitempty"`
	UserPublicID   string `json:"userPublicId,omitempty"`
	UserInternalID string `json:"userInternalId,omitempty"`
	DisplayName    string `json:"displayName"`
	// AvatarFileID is a file from the payload's Files (see CommunityPayload.Avatar).
	AvatarFileID string `json:"avatarFileId,omitempty"`
	Description  string `json:"description,omitempty"`
	IsOfficial   bool   `json:"isOfficial,omitempty"`
	IsPublic     bool   `json:"isPublic,omitempty"`
	// OnlyAdminCanPost restricts posting to admins and moderators.
	OnlyAdminCanPost bool `json:"onlyAdminCanPost,omitempty"`
	// Tags are used for searching.
	Tags []string `json:"tags,omitempty"`
	// Metadata is free-form JSON for custom fields.
	Metadata     map[string]any `json:"metadata,omitempty"`
	PostsCount   int            `json:"postsCount,omitempty"`
	MembersCount int            `json:"membersCount,omitempty"`
	// IsJoined reports whether the caller is a member.
	IsJoined bool `json:"isJoined,omitempty"`
	// CategoryIDs are categories from the payload's Categories (see CommunityPayload.CategoriesOf).
	CategoryIDs []string `json:"categoryIds,omitempty"`
	IsDeleted   bool     `json:"isDeleted,omitempty"`
	CreatedAt   Time     `json:"createdAt"`
	// UpdatedAt is when the community was last updated or deleted.
	UpdatedAt Time `json:"updatedAt"`
	// HasFlaggedComment and HasFlaggedPost report flagged content inside the community.
	HasFlaggedComment bool `json:"hasFlaggedComment,omitempty"`
	HasFlaggedPost    bool `json:"hasFlaggedPost,omitempty"`
	// NeedApprovalOnPostCreation sends new posts to review before they are published.
	NeedApprovalOnPostCreation bool `json:"needApprovalOnPostCreation,omitempty"`
	ModeratorMemberCount       int  `json:"moderatorMemberCount,omitempty"`
	// AllowCommentInStory is nil when the server left it out (its default is true).
	AllowCommentInStory *bool                     `json:"allowCommentInStory,omitempty"`
	NotificationMode    CommunityNotificationMode `json:"notificationMode,omitempty"`
	// IsDiscoverable reports a private community that listings show (with
	// IncludeDiscoverablePrivateCommunity); a private one that is not can still be read by
	// ID.
	IsDiscoverable bool `json:"isDiscoverable,omitempty"`
	// RequiresJoinApproval reports that joining takes a moderator's approval of a join
	// request.
	RequiresJoinApproval bool `json:"requiresJoinApproval,omitempty"`
	// Type is default or event (the community of an event).
	Type CommunityType `json:"type,omitempty"`
}

// CommunityType is the kind of a community.
type CommunityType string

// Community types.
const (
	CommunityTypeDefault CommunityType = "default"
	CommunityTypeEvent   CommunityType = "event"
)

// CommunityNotificationMode says who gets push notifications of a community.
type CommunityNotificationMode string

// Notification modes.
const (
	// CommunityNotificationDefault registers members for push notifications automatically.
	CommunityNotificationDefault CommunityNotificationMode = "default"
	// CommunityNotificationSilent sends no notification.
	CommunityNotificationSilent CommunityNotificationMode = "silent"
	// CommunityNotificationSubscribe notifies subscribed users only.
	CommunityNotificationSubscribe CommunityNotificationMode = "subscribe"
)

// Permission is a permission a role grants, e.g. BAN_COMMUNITY_USER.
type Permission string

// Permissions.
const (
	PermissionMuteChannel             Permission = "MUTE_CHANNEL"
	PermissionCloseChannel            Permission = "CLOSE_CHANNEL"
	PermissionEditChannel             Permission = "EDIT_CHANNEL"
	PermissionEditChannelRateLimit    Permission = "EDIT_CHANNEL_RATELIMIT"
	PermissionEditMessage             Permission = "EDIT_MESSAGE"
	PermissionDeleteMessage           Permission = "DELETE_MESSAGE"
	PermissionBanUserFromChannel      Permission = "BAN_USER_FROM_CHANNEL"
	PermissionMuteUserInsideChannel   Permission = "MUTE_USER_INSIDE_CHANNEL"
	PermissionAddChannelUser          Permission = "ADD_CHANNEL_USER"
	PermissionRemoveChannelUser       Permission = "REMOVE_CHANNEL_USER"
	PermissionEditChannelUser         Permission = "EDIT_CHANNEL_USER"
	PermissionAssignChannelUserRole   Permission = "ASSIGN_CHANNEL_USER_ROLE"
	PermissionBanUser                 Permission = "BAN_USER"
	PermissionEditUser                Permission = "EDIT_USER"
	PermissionAssignUserRole          Permission = "ASSIGN_USER_ROLE"
	PermissionEditUserFeedPost        Permission = "EDIT_USER_FEED_POST"
	PermissionDeleteUserFeedPost      Permission = "DELETE_USER_FEED_POST"
	PermissionEditUserFeedComment     Permission = "EDIT_USER_FEED_COMMENT"
	PermissionDeleteUserFeedComment   Permission = "DELETE_USER_FEED_COMMENT"
	PermissionAddCommunityUser        Permission = "ADD_COMMUNITY_USER"
	PermissionRemoveCommunityUser     Permission = "REMOVE_COMMUNITY_USER"
	PermissionEditCommunityUser       Permission = "EDIT_COMMUNITY_USER"
	PermissionBanCommunityUser        Permission = "BAN_COMMUNITY_USER"
	PermissionMuteCommunityUser       Permission = "MUTE_COMMUNITY_USER"
	PermissionEditCommunity           Permission = "EDIT_COMMUNITY"
	PermissionDeleteCommunity         Permission = "DELETE_COMMUNITY"
	PermissionEditCommunityPost       Permission = "EDIT_COMMUNITY_POST"
	PermissionDeleteCommunityPost     Permission = "DELETE_COMMUNITY_POST"
	PermissionPinCommunityPost        Permission = "PIN_COMMUNITY_POST"
	PermissionEditCommunityComment    Permission = "EDIT_COMMUNITY_COMMENT"
	PermissionDeleteCommunityComment  Permission = "DELETE_COMMUNITY_COMMENT"
	PermissionAssignCommunityUserRole Permission = "ASSIGN_COMMUNITY_USER_ROLE"
	PermissionCreateCommunityCategory Permission = "CREATE_COMMUNITY_CATEGORY"
	PermissionEditCommunityCategory   Permission = "EDIT_COMMUNITY_CATEGORY"
	PermissionDeleteCommunityCategory Permission = "DELETE_COMMUNITY_CATEGORY"
	PermissionCreateRole              Permission = "CREATE_ROLE"
	PermissionEditRole                Permission = "EDIT_ROLE"
	PermissionDeleteRole              Permission = "DELETE_ROLE"
	PermissionManageCommunityStory    Permission = "MANAGE_COMMUNITY_STORY"
)

// Feed is a feed of posts belonging to a community or a user.
type Feed struct {
	// FeedID is the feed's public ID.
	FeedID string `json:"feedId,omitempty"`
	// TargetID is the public ID of the community or user the feed belongs to.
	TargetID   string         `json:"targetId,omitempty"`
	TargetType FeedTargetType `json:"targetType,omitempty"`
	// FeedType is published (the main feed), reviewing or declined.
	FeedType  FeedType `json:"feedType,omitempty"`
	PostCount int      `json:"postCount,omitempty"`
	CreatedAt Time     `json:"createdAt"`
	UpdatedAt Time     `json:"updatedAt"`
}

// FeedTargetType is what a feed belongs to.
type FeedTargetType string

// Feed targets.
const (
	FeedTargetCommunity FeedTargetType = "community"
	FeedTargetUser      FeedTargetType = "user"
)

// FeedType is the kind of a feed.
type FeedType string

// Feed types.
const (
	// FeedTypePublished is the main feed.
	FeedTypePublished FeedType = "published"
	// FeedTypeReviewing holds posts waiting for review.
	FeedTypeReviewing FeedType = "reviewing"
	// FeedTypeDeclined holds posts declined in review.
	FeedTypeDeclined FeedType = "declined"
)

// CommunityPayload is the API's community bundle: communities with the memberships, users,
// files, categories and feeds they refer to, and the paging cursors of list answers. Its
// lookup methods resolve those relations without another request.
type CommunityPayload struct {
	rawJSON
	Communities    []Community         `json:"communities"`
	CommunityUsers []CommunityUser     `json:"communityUsers"`
	Files          []File              `json:"files"`
	Users          []User              `json:"users"`
	Categories     []CommunityCategory `json:"categories"`
	Feeds          []Feed              `json:"feeds"`
	// JoinRequests are the join requests a role change settled (the v4 role calls; see
	// JoinRequestByID).
	JoinRequests []CommunityJoinRequest `json:"joinRequests"`
	Paging       Paging                 `json:"paging"`
}

// JoinRequestByID returns the sideloaded join request with the given public or private ID, or
// nil.
func (p *CommunityPayload) JoinRequestByID(joinRequestID string) *CommunityJoinRequest {
	return findJoinRequest(p.JoinRequests, joinRequestID)
}

func (p *CommunityPayload) pageItems() []Community { return p.Communities }
func (p *CommunityPayload) pageInfo() Paging       { return p.Paging }

// Community returns the answer's first community, or nil.
func (p *CommunityPayload) Community() *Community { return firstOf(p.Communities) }

// CommunityByID returns the community with the given ID (communityId or _id), or nil.
func (p *CommunityPayload) CommunityByID(communityID string) *Community {
	if c := byID(p.Communities, communityID, func(c *Community) string { return c.CommunityID }); c != nil {
		return c
	}
	return byID(p.Communities, communityID, func(c *Community) string { return c.ID })
}

// Members returns the memberships of community held in the payload (members, banned users
// and others, as the answer carried them), in the answer's order.
func (p *CommunityPayload) Members(community *Community) []CommunityUser {
	if community == nil {
		return nil
	}
	var out []CommunityUser
	for _, m := range p.CommunityUsers {
		if m.CommunityID == community.CommunityID {
			out = append(out, m)
		}
	}
	return out
}

// Member returns the membership of userID (public ID) in community, or nil when the payload
// has none.
func (p *CommunityPayload) Member(community *Community, userID string) *CommunityUser {
	if community == nil || userID == "" {
		return nil
	}
	for i := range p.CommunityUsers {
		m := &p.CommunityUsers[i]
		if m.CommunityID == community.CommunityID && (m.UserID == userID || m.UserPublicID == userID) {
			return m
		}
	}
	return nil
}

// UserByID returns the sideloaded user with the given public (else internal or private) ID,
// or nil.
func (p *CommunityPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// MemberUser returns the user of a membership, or nil when the payload does not hold it.
func (p *CommunityPayload) MemberUser(member *CommunityUser) *User {
	if member == nil {
		return nil
	}
	if u := p.UserByID(member.UserID); u != nil {
		return u
	}
	if member.UserPublicID != "" {
		return p.UserByID(member.UserPublicID)
	}
	return nil
}

// Creator returns the user who created community, or nil when the payload does not hold it.
func (p *CommunityPayload) Creator(community *Community) *User {
	if community == nil || community.UserID == "" {
		return nil
	}
	return p.UserByID(community.UserID)
}

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *CommunityPayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// CategoryByID returns the sideloaded category with the given ID, or nil.
func (p *CommunityPayload) CategoryByID(categoryID string) *CommunityCategory {
	return byID(p.Categories, categoryID, communityCategoryID)
}

// Avatar returns community's avatar file, or nil when it has none or the payload lacks it.
func (p *CommunityPayload) Avatar(community *Community) *File {
	if community == nil || community.AvatarFileID == "" {
		return nil
	}
	return p.FileByID(community.AvatarFileID)
}

// CategoriesOf returns the categories of community found in the payload, in the order of
// its CategoryIDs (the payload's own Categories field holds every sideloaded one).
func (p *CommunityPayload) CategoriesOf(community *Community) []CommunityCategory {
	if community == nil {
		return nil
	}
	return lookupAll(community.CategoryIDs, p.CategoryByID)
}

// FeedsOf returns the feeds of community found in the payload (its Feeds field holds every
// sideloaded one).
func (p *CommunityPayload) FeedsOf(community *Community) []Feed {
	if community == nil {
		return nil
	}
	var out []Feed
	for _, f := range p.Feeds {
		if f.TargetID == community.CommunityID && (f.TargetType == "" || f.TargetType == FeedTargetCommunity) {
			out = append(out, f)
		}
	}
	return out
}

// CommunityIDType says which form of a community ID a call takes.
type CommunityIDType string

// Community ID types.
const (
	// CommunityIDPublic is the communityId (the default).
	CommunityIDPublic CommunityIDType = "public"
	// CommunityIDInternal is the internal ID.
	CommunityIDInternal CommunityIDType = "internal"
)

// CommunityFilter selects communities by the caller's membership in Communities.List.
type CommunityFilter string

// Community filters.
const (
	CommunityFilterAll       CommunityFilter = "all"
	CommunityFilterMember    CommunityFilter = "member"
	CommunityFilterNotMember CommunityFilter = "notMember"
)

// CommunitySortBy orders Communities.List and Communities.ListMembers.
type CommunitySortBy string

// Community and member orders. ProfileHandle, LastJoin and FirstJoin order members only.
const (
	CommunitySortFirstCreated  CommunitySortBy = "firstCreated"
	CommunitySortLastCreated   CommunitySortBy = "lastCreated"
	CommunitySortDisplayName   CommunitySortBy = "displayName"
	CommunitySortProfileHandle CommunitySortBy = "profileHandle"
	CommunitySortLastJoin      CommunitySortBy = "lastJoin"
	CommunitySortFirstJoin     CommunitySortBy = "firstJoin"
)

// ListCommunitiesParams filters and pages Communities.List. The zero value lists all
// communities, newest first.
type ListCommunitiesParams struct {
	PageParams
	// Keyword matches display names (at most 100 characters).
	Keyword string
	// Tags selects communities having all of these tags (at most 10, each 1 to 1,000
	// characters).
	Tags []string
	// Filter: all (default), member or notMember, by the caller's membership.
	Filter CommunityFilter
	// CategoryID selects the communities of a category (the spec gives category IDs as 50
	// characters; longer ones are refused).
	CategoryID string
	// SortBy: firstCreated, lastCreated (default) or displayName.
	SortBy CommunitySortBy
	// IsDeleted: nil lists both, true only deleted communities, false only active ones.
	IsDeleted *bool
	// HasFlag: nil lists all, true only communities with flagged posts or comments, false
	// only those without.
	HasFlag *bool
	// IncludeDiscoverablePrivateCommunity, when true, lists the discoverable private
	// communities too (the server's default is false; the API's React Native client sends
	// true unless told otherwise).
	IncludeDiscoverablePrivateCommunity *bool
}

func (p *ListCommunitiesParams) query(op string) (query, error) {
	p = orZero(p)
	if err := firstErr(
		p.PageParams.validate(op, 1000),
		maxLen(op, "Keyword", p.Keyword, 100),
		stringList(op, "Tags", p.Tags, 10, 1, 1000),
		maxLen(op, "CategoryID", p.CategoryID, 50),
	); err != nil {
		return nil, err
	}
	q := query{}
	q.str("keyword", p.Keyword)
	q.list("tags", p.Tags)
	q.str("filter", string(p.Filter))
	q.str("categoryId", p.CategoryID)
	q.str("sortBy", string(p.SortBy))
	q.boolean("isDeleted", p.IsDeleted)
	q.boolean("hasFlag", p.HasFlag)
	q.boolean("includeDiscoverablePrivateCommunity", p.IncludeDiscoverablePrivateCommunity)
	// options[limit] and options[token]: 4.116.1 declares them as two flat parameters (4.92.0
	// as the deepObject options); the wire is the same.
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// CreateCommunityParams describes a new community. Only DisplayName is required; nil and
// empty fields are not sent and take the server's defaults.
type CreateCommunityParams struct {
	// DisplayName (required, 1 to 1,000 characters).
	DisplayName string `json:"displayName"`
	// IsPublic: anyone may join a public community (server default true).
	IsPublic *bool `json:"isPublic,omitempty"`
	// IsOfficial marks an official community (default false).
	IsOfficial *bool `json:"isOfficial,omitempty"`
	// OnlyAdminCanPost restricts posting to admins and moderators (default false).
	OnlyAdminCanPost *bool `json:"onlyAdminCanPost,omitempty"`
	// Description, at most 5,000 characters.
	Description string `json:"description,omitempty"`
	// Tags, at most 10, each 1 to 100 characters.
	Tags []string `json:"tags,omitempty"`
	// Metadata is free-form JSON for custom fields.
	Metadata map[string]any `json:"metadata,omitempty"`
	// AvatarFileID is an uploaded image (at most 50 characters).
	AvatarFileID string `json:"avatarFileId,omitempty"`
	// UserIDs are the first members (at most 1,000, each 1 to 900 characters).
	UserIDs []string `json:"userIds,omitempty"`
	// CategoryIDs, at most 10, each 1 to 50 characters.
	CategoryIDs []string `json:"categoryIds,omitempty"`
	// IsUniqueDisplayName refuses a display name another community has (default false).
	IsUniqueDisplayName *bool `json:"isUniqueDisplayName,omitempty"`
	// NeedApprovalOnPostCreation sends new posts to review first (default false).
	NeedApprovalOnPostCreation *bool `json:"needApprovalOnPostCreation,omitempty"`
	// AllowCommentInStory (default true).
	AllowCommentInStory *bool `json:"allowCommentInStory,omitempty"`
	// NotificationMode: default, silent or subscribe.
	NotificationMode CommunityNotificationMode `json:"notificationMode,omitempty"`
	// IsDiscoverable lets a private community show in listings (default false).
	IsDiscoverable *bool `json:"isDiscoverable,omitempty"`
	// RequiresJoinApproval makes joining take a moderator's approval (default false).
	RequiresJoinApproval *bool `json:"requiresJoinApproval,omitempty"`
}

func (p *CreateCommunityParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	return firstErr(
		required(op, "DisplayName", p.DisplayName),
		maxLen(op, "DisplayName", p.DisplayName, 1000),
		maxLen(op, "Description", p.Description, 5000),
		stringList(op, "Tags", p.Tags, 10, 1, 100),
		maxLen(op, "AvatarFileID", p.AvatarFileID, 50),
		stringList(op, "UserIDs", p.UserIDs, 1000, 1, 900),
		stringList(op, "CategoryIDs", p.CategoryIDs, 10, 1, 50),
	)
}

// UpdateCommunityParams changes a community. Nil fields are left as they are.
type UpdateCommunityParams struct {
	// DisplayName, 1 to 1,000 characters.
	DisplayName      *string `json:"displayName,omitempty"`
	IsPublic         *bool   `json:"isPublic,omitempty"`
	IsOfficial       *bool   `json:"isOfficial,omitempty"`
	OnlyAdminCanPost *bool   `json:"onlyAdminCanPost,omitempty"`
	// Description, at most 5,000 characters; Ptr("") clears it.
	Description *string `json:"description,omitempty"`
	// Tags replaces the tags (1 to 10, each 1 to 100 characters).
	Tags []string `json:"tags,omitempty"`
	// Metadata replaces the metadata.
	Metadata map[string]any `json:"metadata,omitempty"`
	// AvatarFileID, 1 to 50 characters.
	AvatarFileID *string `json:"avatarFileId,omitempty"`
	// CategoryIDs replaces the categories (1 to 10, each 1 to 50 characters).
	CategoryIDs                []string                  `json:"categoryIds,omitempty"`
	IsUniqueDisplayName        *bool                     `json:"isUniqueDisplayName,omitempty"`
	NeedApprovalOnPostCreation *bool                     `json:"needApprovalOnPostCreation,omitempty"`
	AllowCommentInStory        *bool                     `json:"allowCommentInStory,omitempty"`
	NotificationMode           CommunityNotificationMode `json:"notificationMode,omitempty"`
	// IsDiscoverable lets a private community show in listings.
	IsDiscoverable *bool `json:"isDiscoverable,omitempty"`
	// RequiresJoinApproval makes joining take a moderator's approval.
	RequiresJoinApproval *bool `json:"requiresJoinApproval,omitempty"`
}

func (p *UpdateCommunityParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	checks := []error{
		maxLenPtr(op, "DisplayName", p.DisplayName, 1000),
		maxLenPtr(op, "Description", p.Description, 5000),
		stringList(op, "Tags", p.Tags, 10, 1, 100),
		maxLenPtr(op, "AvatarFileID", p.AvatarFileID, 50),
		stringList(op, "CategoryIDs", p.CategoryIDs, 10, 1, 50),
	}
	if p.DisplayName != nil {
		checks = append(checks, required(op, "DisplayName", *p.DisplayName))
	}
	if p.AvatarFileID != nil {
		checks = append(checks, required(op, "AvatarFileID", *p.AvatarFileID))
	}
	return firstErr(checks...)
}

// updateCommunityBody is the PUT body: the spec wants the communityId of the path in the body
// too.
type updateCommunityBody struct {
	CommunityID string `json:"communityId"`
	*UpdateCommunityParams
}

// GetManyCommunitiesParams names the communities of Communities.GetMany and
// GetManyByInternalID.
type GetManyCommunitiesParams struct {
	// CommunityIDs (required, 1 to 100, each 1 to 50 characters) are the communities.
	CommunityIDs []string
}

// ids is the list getMany sends.
func (p *GetManyCommunitiesParams) ids() []string { return p.CommunityIDs }

// TopCommunitiesParams sizes Communities.GetRecommended and TopTrending. The zero value takes
// the server's default of 5 communities.
type TopCommunitiesParams struct {
	// Limit is how many communities to return, 1 to 100; 0 leaves it to the server.
	Limit int
	// IncludeDiscoverablePrivateCommunity, when true, includes the discoverable private
	// communities (the server's default is false).
	IncludeDiscoverablePrivateCommunity *bool
}

// communityPath is the idPath of a community: an ID of 1 to 900 characters.
var communityPath = maxLenPath("communityID", 900)

// Create creates a community and returns it (Communities[0]) with its sideloads.
// POST /api/v3/communities. Not retried after it may have reached the server: a repeat
// would create a second community.
func (s *CommunitiesService) Create(ctx context.Context, params *CreateCommunityParams, opts ...CallOption) (*CommunityPayload, error) {
	const op = "Communities.Create"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v3/communities", body: params, opts: opts}, "community", (*CommunityPayload).pageItems)
}

// Get returns one community by ID (Communities[0]) with its sideloads.
// GET /api/v3/communities/{communityId}.
func (s *CommunitiesService) Get(ctx context.Context, communityID string, opts ...CallOption) (*CommunityPayload, error) {
	return s.get(ctx, "Communities.Get", communityID, "", opts)
}

// GetByInternalID returns one community by internal ID with its sideloads.
// GET /api/v3/communities/{communityId}?type=internal.
func (s *CommunitiesService) GetByInternalID(ctx context.Context, internalID string, opts ...CallOption) (*CommunityPayload, error) {
	return s.get(ctx, "Communities.GetByInternalID", internalID, CommunityIDInternal, opts)
}

// get is Get and GetByInternalID: typ says which kind of ID communityID is.
func (s *CommunitiesService) get(ctx context.Context, op, communityID string, typ CommunityIDType, opts []CallOption) (*CommunityPayload, error) {
	path, err := communityPath(op, "/api/v3/communities/%s", communityID)
	if err != nil {
		return nil, err
	}
	q := query{}
	q.str("type", string(typ))
	return callOne(ctx, s.c, &request{op: op, method: http.MethodGet, path: path, query: url.Values(q), opts: opts}, "community", (*CommunityPayload).pageItems)
}

// GetMany returns the communities with the given IDs, with their sideloads; communities that
// do not exist are left out. GET /api/v3/communities/list.
func (s *CommunitiesService) GetMany(ctx context.Context, params *GetManyCommunitiesParams, opts ...CallOption) (*CommunityPayload, error) {
	return getMany[CommunityPayload](ctx, s.c, &request{op: "Communities.GetMany", method: http.MethodGet, path: "/api/v3/communities/list", opts: opts},
		params, communitiesIDs)
}

// GetManyByInternalID returns the communities with the given internal IDs, with their
// sideloads. GET /api/v3/communities/list?type=internal.
func (s *CommunitiesService) GetManyByInternalID(ctx context.Context, params *GetManyCommunitiesParams, opts ...CallOption) (*CommunityPayload, error) {
	return getMany[CommunityPayload](ctx, s.c, &request{op: "Communities.GetManyByInternalID", method: http.MethodGet, path: "/api/v3/communities/list",
		query: url.Values{"type": {string(CommunityIDInternal)}}, opts: opts}, params, communitiesIDs)
}

// communitiesIDs is the list of IDs of Communities.GetMany and GetManyByInternalID.
var communitiesIDs = idsQuery{field: "CommunityIDs", name: "communityIds", maxIDs: 100, maxLen: 50}

// List returns an iterator over the communities matching params, fetching pages as it goes.
// GET /api/v3/communities.
func (s *CommunitiesService) List(ctx context.Context, params *ListCommunitiesParams, opts ...CallOption) iter.Seq2[Community, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of communities matching params, with their
// sideloads and cursors. GET /api/v3/communities.
func (s *CommunitiesService) ListPages(ctx context.Context, params *ListCommunitiesParams, opts ...CallOption) iter.Seq2[*CommunityPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of communities with their sideloads and cursors.
// GET /api/v3/communities.
func (s *CommunitiesService) ListPage(ctx context.Context, params *ListCommunitiesParams, opts ...CallOption) (*CommunityPayload, error) {
	const op = "Communities.ListPage"
	return listPage[CommunityPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/communities", opts: opts}, params)
}

// GetRecommended returns the communities recommended to the caller (params.Limit of them; nil
// for the server's default of 5). GET /api/v3/communities/recommended. The list has no
// further pages.
func (s *CommunitiesService) GetRecommended(ctx context.Context, params *TopCommunitiesParams, opts ...CallOption) (*CommunityPayload, error) {
	return s.top(ctx, "Communities.GetRecommended", "/api/v3/communities/recommended", params, opts)
}

// GetTopTrending returns the trending communities (params.Limit of them; nil for the server's
// default of 5). GET /api/v3/communities/top-trending. The list has no further pages.
func (s *CommunitiesService) GetTopTrending(ctx context.Context, params *TopCommunitiesParams, opts ...CallOption) (*CommunityPayload, error) {
	return s.top(ctx, "Communities.GetTopTrending", "/api/v3/communities/top-trending", params, opts)
}

// top is GetRecommended and GetTopTrending.
func (s *CommunitiesService) top(ctx context.Context, op, path string, params *TopCommunitiesParams, opts []CallOption) (*CommunityPayload, error) {
	params = orZero(params)
	if params.Limit < 0 || params.Limit > 100 {
		return nil, &ValidationError{Op: op, Field: "Limit", Reason: "must be between 1 and 100 (0 for the default)"}
	}
	q := query{}
	q.integer("options[limit]", params.Limit)
	q.boolean("includeDiscoverablePrivateCommunity", params.IncludeDiscoverablePrivateCommunity)
	return call[CommunityPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: path, query: url.Values(q), opts: opts})
}

// Update changes a community and returns it (Communities[0]) with its sideloads.
// PUT /api/v3/communities/{communityId}. Idempotent by construction: it sets the given fields
// to the given values, so a repeat leaves the same state, and it is retried like a read.
func (s *CommunitiesService) Update(ctx context.Context, communityID string, params *UpdateCommunityParams, opts ...CallOption) (*CommunityPayload, error) {
	const op = "Communities.Update"
	path, err := communityPath(op, "/api/v3/communities/%s", communityID)
	if err != nil {
		return nil, err
	}
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPut, path: path,
		body: updateCommunityBody{CommunityID: communityID, UpdateCommunityParams: params}, idempotent: true, opts: opts}, "community", (*CommunityPayload).pageItems)
}

// Delete deletes a community. DELETE /api/v3/communities/{communityId}. An answer of
// success false is an *Error matching ErrUnsuccessful.
// Idempotent by construction: a deleted community stays deleted, so it is retried like a
// read; a retry of a delete that was applied may answer an error matching ErrNotFound.
func (s *CommunitiesService) Delete(ctx context.Context, communityID string, opts ...CallOption) error {
	const op = "Communities.Delete"
	path, err := communityPath(op, "/api/v3/communities/%s", communityID)
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, idempotent: true, opts: opts}, nil)
}
