package amity

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
)

// StoriesService manages stories: short-lived image, video or text posts in a community,
// the targets that hold them and their moderation (flags, clearing flags, deletion). Reach
// it as Client.Stories.
//
// Spec 4.92.0 declares most story operations without any security scheme; the API needs
// the caller's token like every other call (API-FACTS §1), so it is sent.
type StoriesService struct{ c *Client }

// StoryDataType is the kind of a story.
type StoryDataType string

// Story data types.
const (
	StoryDataText  StoryDataType = "text"
	StoryDataImage StoryDataType = "image"
	StoryDataVideo StoryDataType = "video"
)

// StoryTargetType is the kind of entity a story belongs to.
type StoryTargetType string

// Story target types. Stories are created in communities only; user targets can be read.
const (
	StoryTargetCommunity StoryTargetType = "community"
	StoryTargetUser      StoryTargetType = "user"
)

// StoryImageDisplayMode says how an image story fills the screen.
type StoryImageDisplayMode string

// Image display modes.
const (
	StoryImageFit  StoryImageDisplayMode = "fit"
	StoryImageFill StoryImageDisplayMode = "fill"
)

// StoryItemType is the kind of an interactive item on a story; the API supports hyperlinks.
type StoryItemType string

// Story item types.
const (
	StoryItemHyperlink StoryItemType = "hyperlink"
)

// StoryOrder orders a story listing by creation time.
type StoryOrder string

// Story orders.
const (
	StoryOrderAsc  StoryOrder = "asc"
	StoryOrderDesc StoryOrder = "desc"
)

// Story is a story: an image, video or text shown for a limited time in its target.
type Story struct {
	// StoryID is the story's ID (24 hex digits).
	StoryID string `json:"storyId"`
	// Path is the story's real-time event path.
	Path string `json:"path,omitempty"`
	// CreatorID is the creator's internal ID; CreatorPublicID the public one.
	CreatorID       string `json:"creatorId,omitempty"`
	CreatorPublicID string `json:"creatorPublicId,omitempty"`
	// TargetID is the target's internal ID; TargetPublicID the public one.
	TargetID       string          `json:"targetId,omitempty"`
	TargetPublicID string          `json:"targetPublicId,omitempty"`
	TargetType     StoryTargetType `json:"targetType,omitempty"`
	// ReferenceID is the caller's reference of a created story (create answers only).
	ReferenceID string        `json:"referenceId,omitempty"`
	DataType    StoryDataType `json:"dataType,omitempty"`
	// Data is the story's content.
	Data StoryData `json:"data"`
	// Items are the interactive items shown over the story (at most 10).
	Items    []StoryItem    `json:"items,omitempty"`
	Metadata map[string]any `json:"metadata,omitempty"`
	// FlagCount is how many users flagged the story.
	FlagCount int       `json:"flagCount,omitempty"`
	HashFlag  *HashFlag `json:"hashFlag,omitempty"`
	CreatedAt Time      `json:"createdAt"`
	UpdatedAt Time      `json:"updatedAt"`
	// ExpiresAt is when the story stops being listed.
	ExpiresAt Time `json:"expiresAt"`
	// Reactions counts reactions by name; MyReactions are the caller's.
	Reactions      map[string]int `json:"reactions,omitempty"`
	ReactionsCount int            `json:"reactionsCount,omitempty"`
	MyReactions    []string       `json:"myReactions,omitempty"`
	CommentsCount  int            `json:"commentsCount,omitempty"`
	IsDeleted      bool           `json:"isDeleted,omitempty"`
	// HasFlaggedComment reports a flagged comment on the story.
	HasFlaggedComment bool `json:"hasFlaggedComment,omitempty"`
	// MentionedUsers are the users mentioned in the story.
	MentionedUsers []StoryMention `json:"mentionedUsers,omitempty"`
	// Impression counts views (not unique); Reach counts unique viewers.
	Impression int `json:"impression,omitempty"`
	Reach      int `json:"reach,omitempty"`
}

// StoryData is the content of a story.
type StoryData struct {
	// Text is the text of a text story.
	Text string `json:"text,omitempty"`
	// FileID is the image or video of the story.
	FileID string `json:"fileId,omitempty"`
	// ImageDisplayMode is fit (the default) or fill, for image stories.
	ImageDisplayMode StoryImageDisplayMode `json:"imageDisplayMode,omitempty"`
	// ThumbnailFileID is a video story's thumbnail.
	ThumbnailFileID string `json:"thumbnailFileId,omitempty"`
	// VideoFileID holds the file IDs of a video story's renditions.
	VideoFileID *PostVideoFileIDs `json:"videoFileId,omitempty"`
}

// StoryItem is an interactive item over a story.
type StoryItem struct {
	// Type is hyperlink, the only type the API supports.
	Type StoryItemType `json:"type,omitempty"`
	// Data is the item's content.
	Data StoryHyperlink `json:"data"`
	// Placement is where the item sits on the story.
	Placement *StoryItemPlacement `json:"placement,omitempty"`
}

// StoryHyperlink is the content of a hyperlink item.
type StoryHyperlink struct {
	// URL is the link (at most 1,000 characters).
	URL string `json:"url"`
	// CustomText is the link's label (at most 30 characters).
	CustomText string `json:"customText,omitempty"`
}

// StoryItemPlacement is the size and transform of an item on a story.
type StoryItemPlacement struct {
	Width     float64             `json:"width,omitempty"`
	Height    float64             `json:"height,omitempty"`
	Transform *StoryItemTransform `json:"transform,omitempty"`
}

// StoryItemTransform moves, scales and rotates an item.
type StoryItemTransform struct {
	// TranslateX and TranslateY move the item, in pixels.
	TranslateX float64 `json:"translate_x,omitempty"`
	TranslateY float64 `json:"translate_y,omitempty"`
	// ScaleX and ScaleY scale it.
	ScaleX float64 `json:"scale_x,omitempty"`
	ScaleY float64 `json:"scale_y,omitempty"`
	// Rotate rotates it, in degrees.
	Rotate float64 `json:"rotate,omitempty"`
}

// StoryMentionType is the kind of a story mention.
type StoryMentionType string

// Story mention types: named users, or everyone in the channel.
const (
	StoryMentionUser    StoryMentionType = "user"
	StoryMentionChannel StoryMentionType = "channel"
)

// StoryMention is a mention in a story.
type StoryMention struct {
	// Type is user or channel.
	Type          StoryMentionType `json:"type,omitempty"`
	UserIDs       []string         `json:"userIds,omitempty"`
	UserPublicIDs []string         `json:"userPublicIds,omitempty"`
}

// StoryRef names a story target in a query.
type StoryRef struct {
	// TargetType is community or user.
	TargetType StoryTargetType
	// TargetID is the target's public ID (at most 900 characters).
	TargetID string
}

// StoryPayload is the answer of the story calls: the stories and what they refer to.
type StoryPayload struct {
	rawJSON
	Stories        []Story             `json:"stories"`
	Comments       []Comment           `json:"comments"`
	Files          []File              `json:"files"`
	Users          []User              `json:"users"`
	Communities    []Community         `json:"communities"`
	CommunityUsers []CommunityUser     `json:"communityUsers"`
	Categories     []CommunityCategory `json:"categories"`
	// StoryTargets are the targets of the stories, on the listings.
	StoryTargets []StoryTarget `json:"storyTargets"`
	// Roles are the roles of the users (see RoleByID).
	Roles  []Role `json:"roles"`
	Paging Paging `json:"paging"`
}

// RoleByID returns the sideloaded role with the given ID, or nil.
func (p *StoryPayload) RoleByID(roleID string) *Role { return roleByID(p.Roles, roleID) }

func (p *StoryPayload) pageItems() []Story { return p.Stories }
func (p *StoryPayload) pageInfo() Paging   { return p.Paging }

// Story returns the first story of the answer (the one a call about one story is about), or
// nil.
func (p *StoryPayload) Story() *Story { return firstOf(p.Stories) }

// StoryByID returns the story with the given ID, or nil.
func (p *StoryPayload) StoryByID(id string) *Story {
	return byID(p.Stories, id, func(s *Story) string { return s.StoryID })
}

// UserByID returns the sideloaded user with the given public or internal ID, or nil.
func (p *StoryPayload) UserByID(id string) *User { return findUser(p.Users, id) }

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *StoryPayload) FileByID(id string) *File { return findFile(p.Files, id) }

// CommunityByID returns the sideloaded community with the given ID, or nil.
func (p *StoryPayload) CommunityByID(id string) *Community {
	return byID(p.Communities, id, communityKey)
}

// Creator returns the sideloaded user who created story, or nil.
func (p *StoryPayload) Creator(story *Story) *User {
	if story == nil {
		return nil
	}
	if u := findUser(p.Users, story.CreatorPublicID); u != nil {
		return u
	}
	return findUser(p.Users, story.CreatorID)
}

// StoryFile returns the sideloaded image or video of story, or nil.
func (p *StoryPayload) StoryFile(story *Story) *File {
	if story == nil {
		return nil
	}
	return p.FileByID(story.Data.FileID)
}

// StoryCountPayload is the answer of Stories.Count.
type StoryCountPayload struct {
	rawJSON
	// Count is the number of stories, active and expired.
	Count int `json:"count"`
}

// storyPath is the idPath of a story: an ID of 24 hexadecimal digits.
var storyPath = checkedPath("storyID", objectID)

// CreateStoryParams is the body of Stories.Create.
type CreateStoryParams struct {
	// TargetType is where the story goes; the API supports community only (empty means
	// community).
	TargetType StoryTargetType `json:"targetType"`
	// TargetID (required) is the community's public ID.
	TargetID string `json:"targetId"`
	// DataType (required) is text, image or video.
	DataType StoryDataType `json:"dataType"`
	// Data is the content: Text for a text story, FileID (an uploaded image or video) for
	// the others, ImageDisplayMode for an image.
	Data StoryDataParams `json:"data"`
	// Items are interactive items over the story (at most 10).
	Items []StoryItem `json:"items,omitempty"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
	// ReferenceID (required) is your reference for the story, echoed in the answer.
	ReferenceID string `json:"referenceId"`
}

// StoryDataParams is the content of a new story.
type StoryDataParams struct {
	// Text is required for a text story.
	Text string `json:"text,omitempty"`
	// FileID is required for an image or video story.
	FileID string `json:"fileId,omitempty"`
	// ImageDisplayMode is fit or fill, for image stories.
	ImageDisplayMode StoryImageDisplayMode `json:"imageDisplayMode,omitempty"`
}

func (p *CreateStoryParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	if p.DataType == "" {
		return &ValidationError{Op: op, Field: "DataType", Reason: "is required"}
	}
	if err := firstErr(
		required(op, "TargetID", p.TargetID),
		maxLen(op, "TargetID", p.TargetID, 900),
		required(op, "ReferenceID", p.ReferenceID),
		maxItems(op, "Items", len(p.Items), 10),
	); err != nil {
		return err
	}
	switch p.DataType {
	case StoryDataText:
		if err := required(op, "Data.Text", p.Data.Text); err != nil {
			return err
		}
	default:
		if err := required(op, "Data.FileID", p.Data.FileID); err != nil {
			return err
		}
	}
	for i, it := range p.Items {
		field := fmt.Sprintf("Items[%d]", i)
		if err := firstErr(
			required(op, field+".Data.URL", it.Data.URL),
			maxLen(op, field+".Data.URL", it.Data.URL, 1000),
			maxLen(op, field+".Data.CustomText", it.Data.CustomText, 30),
		); err != nil {
			return err
		}
	}
	return nil
}

// MarshalJSON sends an empty TargetType as community and an empty item type as hyperlink.
func (p CreateStoryParams) MarshalJSON() ([]byte, error) {
	type plain CreateStoryParams
	if p.TargetType == "" {
		p.TargetType = StoryTargetCommunity
	}
	if len(p.Items) > 0 {
		items := make([]StoryItem, len(p.Items))
		copy(items, p.Items)
		for i := range items {
			if items[i].Type == "" {
				items[i].Type = StoryItemHyperlink
			}
		}
		p.Items = items
	}
	return json.Marshal(plain(p))
}

// Create creates a story in a community and returns it. POST /api/v4/stories. Not retried
// after it may have reached the server (a repeat would create a second story).
func (s *StoriesService) Create(ctx context.Context, params *CreateStoryParams, opts ...CallOption) (*StoryPayload, error) {
	const op = "Stories.Create"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodPost, path: "/api/v4/stories", body: params, opts: opts}
	return callOne(ctx, s.c, r, "story", (*StoryPayload).pageItems)
}

// Get returns a story with what it refers to. GET /api/v4/stories/{storyId}.
func (s *StoriesService) Get(ctx context.Context, storyID string, opts ...CallOption) (*StoryPayload, error) {
	const op = "Stories.Get"
	path, err := storyPath(op, "/api/v4/stories/%s", storyID)
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodGet, path: path, opts: opts}
	return callOne(ctx, s.c, r, "story", (*StoryPayload).pageItems)
}

// DeleteStoryParams are the options of Stories.Delete.
type DeleteStoryParams struct {
	// Permanent deletes the story for good instead of marking it deleted.
	Permanent *bool
}

// Delete deletes a story (a moderator's or the creator's call), softly unless
// params.Permanent. DELETE /api/v4/stories/{storyId}. Idempotent by construction (a deleted
// story stays deleted; a repeat may answer ErrNotFound), so it is retried like a read.
func (s *StoriesService) Delete(ctx context.Context, storyID string, params *DeleteStoryParams, opts ...CallOption) error {
	return softDelete(ctx, s.c, &request{op: "Stories.Delete", path: "/api/v4/stories/%s", opts: opts}, storyPath, storyID, (*softDeleteParams)(params))
}

// Flag reports a story as the calling user (use a view from Client.AsUser) and returns it.
// POST /api/v4/stories/{storyId}/flags. Not retried once it may have reached the server.
func (s *StoriesService) Flag(ctx context.Context, storyID string, opts ...CallOption) (*StoryPayload, error) {
	return s.onStory(ctx, storyID, &request{op: "Stories.Flag", method: http.MethodPost, path: "/api/v4/stories/%s/flags", opts: opts})
}

// Unflag withdraws the calling user's flag on a story and returns it.
// DELETE /api/v4/stories/{storyId}/flags. Idempotent by construction (removing one's own
// flag twice leaves it removed), so it is retried like a read.
func (s *StoriesService) Unflag(ctx context.Context, storyID string, opts ...CallOption) (*StoryPayload, error) {
	return s.onStory(ctx, storyID, &request{op: "Stories.Unflag", method: http.MethodDelete, path: "/api/v4/stories/%s/flags", idempotent: true, opts: opts})
}

// ClearFlags removes every flag on a story (admin only) and returns it.
// DELETE /api/v4/stories/{storyId}/flags/all. Idempotent by construction (clearing twice
// leaves no flags), so it is retried like a read.
func (s *StoriesService) ClearFlags(ctx context.Context, storyID string, opts ...CallOption) (*StoryPayload, error) {
	return s.onStory(ctx, storyID, &request{op: "Stories.ClearFlags", method: http.MethodDelete, path: "/api/v4/stories/%s/flags/all", idempotent: true, opts: opts})
}

// onStory sends r, a call on one story (its path a format holding storyID), and decodes the
// story bundle.
func (s *StoriesService) onStory(ctx context.Context, storyID string, r *request) (*StoryPayload, error) {
	return callOneOn(ctx, s.c, r, storyPath, storyID, "story", (*StoryPayload).pageItems)
}

// ListStoriesParams selects the stories of one target for Stories.List.
type ListStoriesParams struct {
	PageParams
	// TargetType (required) is community or user.
	TargetType StoryTargetType
	// TargetID (required) is the target's public ID (at most 900 characters).
	TargetID string
	// DataType keeps image or video stories only.
	DataType StoryDataType
	// IsExpired lists the expired stories instead of the active ones (false, the default).
	IsExpired *bool
	// Order is desc (newest first, the default) or asc, by creation time.
	Order StoryOrder
}

func (p *ListStoriesParams) query(op string) (query, error) {
	if err := notNil(op, "params", p); err != nil {
		return nil, err
	}
	if err := firstErr(
		p.PageParams.validate(op, 0),
		required(op, "TargetType", string(p.TargetType)),
		required(op, "TargetID", p.TargetID),
		maxLen(op, "TargetID", p.TargetID, 900),
	); err != nil {
		return nil, err
	}
	q := query{}
	q.str("targetType", string(p.TargetType))
	q.str("targetId", p.TargetID)
	q.str("dataType", string(p.DataType))
	q.boolean("isExpired", p.IsExpired)
	storyOptions(q, p.Order, p.PageParams)
	return q, nil
}

// storyOptions sets the options of the story listings; the one sort key is createdAt.
func storyOptions(q query, order StoryOrder, pp PageParams) {
	if order != "" {
		q.str("options[sortBy]", "createdAt")
		q.str("options[orderBy]", string(order))
	}
	q.options(pp.Limit, pp.PageToken)
}

// List iterates over the stories of a target, fetching pages as needed.
func (s *StoriesService) List(ctx context.Context, params *ListStoriesParams, opts ...CallOption) iter.Seq2[Story, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages iterates over the pages of Stories.List.
func (s *StoriesService) ListPages(ctx context.Context, params *ListStoriesParams, opts ...CallOption) iter.Seq2[*StoryPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of a target's stories, active ones unless params.IsExpired,
// with the target's StoryTargets entry. GET /api/v4/stories.
func (s *StoriesService) ListPage(ctx context.Context, params *ListStoriesParams, opts ...CallOption) (*StoryPayload, error) {
	const op = "Stories.ListPage"
	return listPage[StoryPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v4/stories", opts: opts}, params)
}

// ListStoriesByTargetsParams selects the stories of several targets.
type ListStoriesByTargetsParams struct {
	PageParams
	// Targets (required) are 1 to 10 targets; the answer keeps their order.
	Targets []StoryRef
	// Order is desc (newest first, the default) or asc, within each target.
	Order StoryOrder
}

// storyTargets checks targets and sends them as targets[i][targetId] and
// targets[i][targetType], the nested-array encoding the API's query parser reads (and its
// JavaScript SDK sends). The spec declares the array without a style, which OpenAPI leaves
// undefined for arrays of objects.
func storyTargets(op string, q query, targets []StoryRef) error {
	if len(targets) == 0 {
		return &ValidationError{Op: op, Field: "Targets", Reason: "must hold at least 1 target"}
	}
	if err := maxItems(op, "Targets", len(targets), 10); err != nil {
		return err
	}
	for i, t := range targets {
		field := fmt.Sprintf("Targets[%d]", i)
		if err := firstErr(
			required(op, field+".TargetType", string(t.TargetType)),
			required(op, field+".TargetID", t.TargetID),
			maxLen(op, field+".TargetID", t.TargetID, 900),
		); err != nil {
			return err
		}
		key := "targets[" + strconv.Itoa(i) + "]"
		q.str(key+"[targetId]", t.TargetID)
		q.str(key+"[targetType]", string(t.TargetType))
	}
	return nil
}

func (p *ListStoriesByTargetsParams) query(op string) (query, error) {
	if err := notNil(op, "params", p); err != nil {
		return nil, err
	}
	if err := p.PageParams.validate(op, 0); err != nil {
		return nil, err
	}
	q := query{}
	if err := storyTargets(op, q, p.Targets); err != nil {
		return nil, err
	}
	storyOptions(q, p.Order, p.PageParams)
	return q, nil
}

// ListByTargets iterates over the active stories of several targets, fetching pages as
// needed.
func (s *StoriesService) ListByTargets(ctx context.Context, params *ListStoriesByTargetsParams, opts ...CallOption) iter.Seq2[Story, error] {
	return listAll(ctx, params, opts, s.ListByTargetsPage)
}

// ListByTargetsPages iterates over the pages of Stories.ListByTargets.
func (s *StoriesService) ListByTargetsPages(ctx context.Context, params *ListStoriesByTargetsParams, opts ...CallOption) iter.Seq2[*StoryPayload, error] {
	return pages(ctx, params, opts, s.ListByTargetsPage)
}

// ListByTargetsPage returns one page of the active stories of several targets, sorted by
// the targets' order, with their StoryTargets. GET /api/v4/stories-by-targets. The spec
// takes options[token] but declares no paging in the answer; Paging is read when the API
// sends it, and an answer without a next cursor ends ListByTargets.
func (s *StoriesService) ListByTargetsPage(ctx context.Context, params *ListStoriesByTargetsParams, opts ...CallOption) (*StoryPayload, error) {
	const op = "Stories.ListByTargetsPage"
	return listPage[StoryPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v4/stories-by-targets", opts: opts}, params)
}

// CountStoriesParams names the target of Stories.Count.
type CountStoriesParams struct {
	// TargetType (required) is community or user.
	TargetType StoryTargetType
	// TargetID (required) is the target's public ID.
	TargetID string
}

// Count returns how many stories a target holds, active and expired (admin only).
// GET /api/v4/stories/count.
func (s *StoriesService) Count(ctx context.Context, params *CountStoriesParams, opts ...CallOption) (*StoryCountPayload, error) {
	const op = "Stories.Count"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		required(op, "TargetType", string(params.TargetType)),
		required(op, "TargetID", params.TargetID),
		maxLen(op, "TargetID", params.TargetID, 900),
	); err != nil {
		return nil, err
	}
	q := query{}
	q.str("targetType", string(params.TargetType))
	q.str("targetId", params.TargetID)
	return call[StoryCountPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v4/stories/count", query: url.Values(q), opts: opts})
}
