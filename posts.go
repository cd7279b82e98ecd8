package amity

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"net/url"
	"regexp"
	"time"
)

// PostsService manages posts, their review (approve / decline), flags and feeds. Reach it as
// Client.Posts; the v3 variants of its create, update, delete and list calls are on V3.
type PostsService struct {
	c *Client
	// V3 holds the v3 API's create, list, update and delete of posts (Client.Posts.V3).
	V3 *PostsV3Service
}

// init creates the sub-services; Client.init calls it.
// PostDataType is the kind of a post. Besides the system types below, a custom type is any
// dot-separated name such as "com.example.birthday"; its data is free-form (see
// CreatePostParams.CustomData). A type the SDK does not know is sent as given.
type PostDataType string

// System post data types. Clip, audio and room are the types the API's clients post
// (createClipPost, createAudioPost, createRoomPost) beyond spec 4.92.0's list.
const (
	PostDataTypeText       PostDataType = "text"
	PostDataTypeImage      PostDataType = "image"
	PostDataTypeFile       PostDataType = "file"
	PostDataTypeVideo      PostDataType = "video"
	PostDataTypeLiveStream PostDataType = "liveStream"
	PostDataTypePoll       PostDataType = "poll"
	PostDataTypeClip       PostDataType = "clip"
	PostDataTypeAudio      PostDataType = "audio"
	PostDataTypeRoom       PostDataType = "room"
)

// postsCustomType matches a custom data type: at least two dot-separated name parts.
var postsCustomType = regexp.MustCompile(`^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$`)

// IsCustom reports whether t is a custom (dot-separated) data type such as "com.example.birthday".
func (t PostDataType) IsCustom() bool { return postsCustomType.MatchString(string(t)) }

// PostTargetType is where a post lives: a user's feed, a community's feed, or a piece of
// content.
type PostTargetType string

// Post targets.
const (
	PostTargetUser      PostTargetType = "user"
	PostTargetCommunity PostTargetType = "community"
	PostTargetContent   PostTargetType = "content"
)

// PostAttachmentType is the kind of a file attached to a post.
type PostAttachmentType string

// Attachment types. Clip is a short video uploaded as a clip (the product documents' clip
// posts) and audio a sound file (the clients' audio posts); the spec lists image, file and
// video. A type the SDK does not know is sent as given.
const (
	PostAttachmentImage PostAttachmentType = "image"
	PostAttachmentFile  PostAttachmentType = "file"
	PostAttachmentVideo PostAttachmentType = "video"
	PostAttachmentClip  PostAttachmentType = "clip"
	PostAttachmentAudio PostAttachmentType = "audio"
)

// PostSortBy orders post listings.
type PostSortBy string

// Post orders. With the Updated orders, ListPostsParams.UpdatedAt positions the page.
const (
	PostSortLastCreated  PostSortBy = "lastCreated"
	PostSortFirstCreated PostSortBy = "firstCreated"
	PostSortLastUpdated  PostSortBy = "lastUpdated"
	PostSortFirstUpdated PostSortBy = "firstUpdated"
)

// MentionType is the kind of a mention; the API knows "user".
type MentionType string

// Mention types.
const (
	MentionTypeUser MentionType = "user"
)

// Mentionee is a mention in a post or comment: the users notified by it. In requests set Type
// and UserIDs; the API fills UserPublicIDs and UserInternalIDs in its answers.
type Mentionee struct {
	// Type is "user".
	Type MentionType `json:"type,omitempty"`
	// UserIDs are the public IDs of the mentioned users.
	UserIDs []string `json:"userIds,omitempty"`
	// UserPublicIDs and UserInternalIDs are the two forms of the mentioned users' IDs, in
	// answers only.
	UserPublicIDs   []string `json:"userPublicIds,omitempty"`
	UserInternalIDs []string `json:"userInternalIds,omitempty"`
}

// Post is a post. Image, file, video and poll content lives in child posts (see
// PostPayload.Children), each with one file or poll.
type Post struct {
	// ID is the post's private ID; Path its real-time event path (v3 answers).
	ID   string `json:"_id,omitempty"`
	Path string `json:"path,omitempty"`
	// PostID is the post's public ID.
	PostID string `json:"postId"`
	// ParentPostID is set on a child post: the post it belongs to.
	ParentPostID string `json:"parentPostId,omitempty"`
	// PostedUserID is the author's public ID; PostedUserPublicID and PostedUserInternalID
	// are its two forms.
	PostedUserID         string `json:"postedUserId,omitempty"`
	PostedUserPublicID   string `json:"postedUserPublicId,omitempty"`
	PostedUserInternalID string `json:"postedUserInternalId,omitempty"`
	// PublisherID and PublisherPublicID name who published the post (v4 answers).
	PublisherID       string `json:"publisherId,omitempty"`
	PublisherPublicID string `json:"publisherPublicId,omitempty"`
	SharedUserID      string `json:"sharedUserId,omitempty"`
	SharedCount       int    `json:"sharedCount,omitempty"`
	// TargetID is the feed owner (a user or community ID, or a content ID), per TargetType.
	TargetID         string         `json:"targetId,omitempty"`
	TargetPublicID   string         `json:"targetPublicId,omitempty"`
	TargetInternalID string         `json:"targetInternalId,omitempty"`
	TargetType       PostTargetType `json:"targetType,omitempty"`
	// DataType is text, image, file, video, liveStream, poll or a custom type.
	DataType PostDataType `json:"dataType,omitempty"`
	// Data is the post's content.
	Data PostData `json:"data"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
	// FlagCount is how many times users flagged the post.
	FlagCount int       `json:"flagCount,omitempty"`
	HashFlag  *HashFlag `json:"hashFlag,omitempty"`
	// EditedAt is when the text was last edited.
	EditedAt  Time `json:"editedAt"`
	CreatedAt Time `json:"createdAt"`
	UpdatedAt Time `json:"updatedAt"`
	// Reactions counts the reactions by name, e.g. {"like": 3}.
	Reactions      map[string]int `json:"reactions,omitempty"`
	ReactionsCount int            `json:"reactionsCount,omitempty"`
	// MyReactions are the calling user's reaction names.
	MyReactions   []string `json:"myReactions,omitempty"`
	CommentsCount int      `json:"commentsCount,omitempty"`
	// Comments are the IDs of the latest comments (in PostPayload.Comments).
	Comments []string `json:"comments,omitempty"`
	// Children are the IDs of the child posts (in PostPayload.PostChildren).
	Children  []string `json:"children,omitempty"`
	IsDeleted bool     `json:"isDeleted,omitempty"`
	// HasFlaggedComment and HasFlaggedChildren report flags below the post.
	HasFlaggedComment  bool `json:"hasFlaggedComment,omitempty"`
	HasFlaggedChildren bool `json:"hasFlaggedChildren,omitempty"`
	// FeedID is the feed the post is in (in PostPayload.Feeds).
	FeedID string `json:"feedId,omitempty"`
	// Tags are at most 5 tags of at most 24 characters.
	Tags       []string    `json:"tags,omitempty"`
	Mentionees []Mentionee `json:"mentionees,omitempty"`
	// Impression and Reach are view counts.
	Impression int `json:"impression,omitempty"`
	Reach      int `json:"reach,omitempty"`
	// Hashtags and StructureType are documented by the product but not by the spec.
	// StructureType describes the media composition of a post with attachments.
	Hashtags      []string `json:"hashtags,omitempty"`
	StructureType string   `json:"structureType,omitempty"`
}

// PostData is the content of a post. Which fields are set depends on the data type: Text on
// a parent post, FileID on an image or file child, VideoFileID on a video child, StreamID on
// a live stream post, PollID on a poll post. A custom post's data is free-form: read it from
// Raw.
type PostData struct {
	// Text is the text of a parent post.
	Text string `json:"text,omitempty"`
	// FileID is the file of an image or file child post; ThumbnailFileID a video's
	// thumbnail; VideoFileID the renditions of a video child post.
	FileID          string            `json:"fileId,omitempty"`
	ThumbnailFileID string            `json:"thumbnailFileId,omitempty"`
	VideoFileID     *PostVideoFileIDs `json:"videoFileId,omitempty"`
	// StreamID is the live stream of a liveStream post; PollID the poll of a poll post.
	StreamID string `json:"streamId,omitempty"`
	PollID   string `json:"pollId,omitempty"`
	// Title, RoomID, IsMuted and DisplayMode are documented by the product but not by the
	// spec (titled posts, live rooms, clip children).
	Title       string `json:"title,omitempty"`
	RoomID      string `json:"roomId,omitempty"`
	IsMuted     bool   `json:"isMuted,omitempty"`
	DisplayMode string `json:"displayMode,omitempty"`

	// Raw is the data's JSON as received: the whole content of a custom post.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes post data in one pass. Data that is not an object (a custom post may
// hold anything) leaves the fields empty, and a member of another type than PostData's
// leaves that field empty, instead of failing; Raw always holds it (a copy: the decoder's
// buffer is not kept).
func (d *PostData) UnmarshalJSON(b []byte) error {
	type plain PostData
	*d = PostData{}
	if !decodeLenient(b, (*plain)(d)) {
		*d = PostData{}
	}
	d.Raw = append(json.RawMessage(nil), b...)
	return nil
}

// PostVideoFileIDs are the file IDs of a video's renditions.
type PostVideoFileIDs struct {
	Original string `json:"original,omitempty"`
	Low      string `json:"low,omitempty"`
	Medium   string `json:"medium,omitempty"`
	High     string `json:"high,omitempty"`
}

// CreatePostParams describes a post for Posts.Create. Data (or CustomData, for a custom data
// type) is required; a text, image, file or video post needs Data.Text or at least one
// attachment.
type CreatePostParams struct {
	// PostID sets the new post's public ID; empty lets the API choose.
	PostID string `json:"postId,omitempty"`
	// Data is the post's content. Required unless CustomData is set.
	Data *CreatePostData `json:"data,omitempty"`
	// CustomData is the free-form content of a post with a custom DataType (such as
	// "com.example.birthday"), at most 100 KB as JSON; it is sent as "data" in place of Data.
	// The API ignores Attachments on custom posts.
	CustomData map[string]any `json:"-"`
	// Attachments are the files of an image, file, video or clip post (at most 10), each
	// becoming a child post.
	Attachments []PostAttachment `json:"attachments,omitempty"`
	// DataType is a system type (text, image, file, video, liveStream, poll) or a custom
	// dot-separated type. Empty lets the API derive it.
	DataType PostDataType `json:"dataType,omitempty"`
	// TargetType is where to post: user (the default), community or content.
	TargetType PostTargetType `json:"targetType,omitempty"`
	// TargetID is the user, community or content ID per TargetType; required for community
	// and content, empty on a user target meaning the caller's own feed.
	TargetID string `json:"targetId,omitempty"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
	// Tags: at most 5, each at most 24 characters.
	Tags []string `json:"tags,omitempty"`
	// Mentionees are the users the post mentions (and notifies).
	Mentionees []Mentionee `json:"mentionees,omitempty"`
	// CreatedAt backdates the post (imports).
	CreatedAt *Time `json:"createdAt,omitempty"`

	// The fields below are documented by the product but not (yet) by the spec.

	// Hashtags: at most 30.
	Hashtags []string `json:"hashtags,omitempty"`
	// Links are the links in the text, with their preview.
	Links []PostLink `json:"links,omitempty"`
	// IsDiscoverable controls whether the post shows up in discovery and search.
	IsDiscoverable *bool `json:"isDiscoverable,omitempty"`
	// EventID attaches the post to an event.
	EventID string `json:"eventId,omitempty"`
}

// MarshalJSON encodes the params, sending CustomData as "data" when it is set.
func (p CreatePostParams) MarshalJSON() ([]byte, error) {
	type plain CreatePostParams
	if p.CustomData == nil {
		return json.Marshal(plain(p))
	}
	return json.Marshal(struct {
		plain
		Data map[string]any `json:"data"`
	}{plain(p), p.CustomData})
}

// CreatePostData is the content of a new post.
type CreatePostData struct {
	// Text is the post's text (at most 50,000 characters).
	Text string `json:"text,omitempty"`
	// StreamID makes a liveStream post of a video stream.
	StreamID string `json:"streamId,omitempty"`
	// PollID makes a poll post of a poll (see Polls).
	PollID string `json:"pollId,omitempty"`

	// Title, FileID and RoomID are documented by the product but not (yet) by the spec. A room
	// post (DataType room) needs RoomID.
	Title  string `json:"title,omitempty"`
	FileID string `json:"fileId,omitempty"`
	RoomID string `json:"roomId,omitempty"`
}

// PostAttachment is a file attached to a post.
type PostAttachment struct {
	// FileID is an uploaded file (see Files). Required.
	FileID string `json:"fileId"`
	// Type is image, file, video, clip or audio (another is sent as given). Required.
	Type PostAttachmentType `json:"type"`
	// DisplayMode (fill or fit) and IsMuted set how a clip is shown; documented by the
	// product for clip posts, not by the spec.
	DisplayMode *string `json:"displayMode,omitempty"`
	IsMuted     *bool   `json:"isMuted,omitempty"`
}

// PostLink is a link in a post's text and its preview (documented by the product, not by the
// spec).
type PostLink struct {
	// URL is the link. Required.
	URL string `json:"url"`
	// Index and Length locate the link in the text.
	Index  *int `json:"index,omitempty"`
	Length *int `json:"length,omitempty"`
	// RenderPreview asks clients to show a preview card.
	RenderPreview *bool `json:"renderPreview,omitempty"`
	// Domain, Title and ImageURL describe the preview.
	Domain   *string `json:"domain,omitempty"`
	Title    *string `json:"title,omitempty"`
	ImageURL *string `json:"imageUrl,omitempty"`
}

// Limits on posts, from the spec and the product documents.
const (
	postsMaxAttachments = 10      // "10 images or videos per post"
	postsMaxTags        = 5       // spec: tags maxItems 5
	postsMaxTagLen      = 24      // spec: tag items "maximum: 24" (a length)
	postsMaxHashtags    = 30      // product documents
	postsMaxText        = 50000   // spec: data.text maximum 50000 on update
	postsMaxCustomData  = 100_000 // "data payload size will be limit to 100kb"
	postsMaxIDLen       = 900     // spec: postId / targetId maxLength 900
	postsMaxDataFileLen = 100     // spec: data.fileId / streamId / thumbnailFileId "maximum: 100"
)

func (p *CreatePostParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	custom := p.DataType.IsCustom()
	switch {
	case p.Data == nil && p.CustomData == nil:
		return &ValidationError{Op: op, Field: "Data", Reason: "is required"}
	case p.Data != nil && p.CustomData != nil:
		return &ValidationError{Op: op, Field: "CustomData", Reason: "must not be set together with Data"}
	case p.CustomData != nil && !custom:
		return &ValidationError{Op: op, Field: "CustomData", Reason: "needs a custom (dot-separated) DataType"}
	}
	checks := []error{
		maxLen(op, "PostID", p.PostID, postsMaxIDLen),
		maxLen(op, "TargetID", p.TargetID, postsMaxIDLen),
		metadataSize(op, "CustomData", p.CustomData, postsMaxCustomData),
		postsCheckAttachments(op, p.Attachments),
		postsCheckTags(op, p.Tags),
		maxItems(op, "Hashtags", len(p.Hashtags), postsMaxHashtags),
		checkMentionees(op, p.Mentionees),
	}
	if p.TargetType == PostTargetCommunity || p.TargetType == PostTargetContent {
		checks = append(checks, required(op, "TargetID", p.TargetID))
	}
	for _, l := range p.Links {
		checks = append(checks, required(op, "Links[].URL", l.URL))
	}
	if d := p.Data; d != nil {
		checks = append(checks, maxLen(op, "Data.Text", d.Text, postsMaxText))
		switch {
		case p.DataType == PostDataTypeLiveStream:
			checks = append(checks, required(op, "Data.StreamID", d.StreamID))
		case p.DataType == PostDataTypePoll:
			checks = append(checks, required(op, "Data.PollID", d.PollID))
		case p.DataType == PostDataTypeRoom:
			checks = append(checks, required(op, "Data.RoomID", d.RoomID))
		case !custom && d.StreamID == "" && d.PollID == "" && d.RoomID == "" && d.FileID == "" && d.Text == "" && len(p.Attachments) == 0:
			checks = append(checks, &ValidationError{Op: op, Field: "Data.Text", Reason: "is required when there are no attachments"})
		}
	}
	return firstErr(checks...)
}

// postsCheckAttachments checks the attachments of a post: at most postsMaxAttachments, each
// with a type and a file.
func postsCheckAttachments(op string, atts []PostAttachment) error {
	if err := maxItems(op, "Attachments", len(atts), postsMaxAttachments); err != nil {
		return err
	}
	for _, a := range atts {
		if err := firstErr(
			required(op, "Attachments[].FileID", a.FileID),
			required(op, "Attachments[].Type", string(a.Type)),
		); err != nil {
			return err
		}
	}
	return nil
}

// postsCheckTags checks the tags of a post: at most postsMaxTags of at most postsMaxTagLen
// characters.
func postsCheckTags(op string, tags []string) error {
	if err := maxItems(op, "Tags", len(tags), postsMaxTags); err != nil {
		return err
	}
	for _, t := range tags {
		if err := maxLen(op, "Tags[]", t, postsMaxTagLen); err != nil {
			return err
		}
	}
	return nil
}

// Create creates a post and returns it with its children, files and poll. POST /api/v4/posts.
// Not retried once it may have reached the server: a repeat would create a second post
// (unless PostID is set).
func (s *PostsService) Create(ctx context.Context, params *CreatePostParams, opts ...CallOption) (*PostPayload, error) {
	const op = "Posts.Create"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return postsCall(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v4/posts", body: params, opts: opts})
}

// Get returns a post with its children, comments, author, files and poll.
// GET /api/v3/posts/{postId}. (There is no v4 variant.)
func (s *PostsService) Get(ctx context.Context, postID string, opts ...CallOption) (*PostPayload, error) {
	const op = "Posts.Get"
	path, err := postPath(op, "/api/v3/posts/%s", postID)
	if err != nil {
		return nil, err
	}
	return postsCall(ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts})
}

// GetManyPostsParams names the posts of Posts.GetMany.
type GetManyPostsParams struct {
	// PostIDs are the posts' public IDs: 1 to 100, each at most 50 characters. Required.
	PostIDs []string
}

// ids is the list getMany sends.
func (p *GetManyPostsParams) ids() []string { return p.PostIDs }

// GetMany returns the posts with the given IDs, with everything they refer to.
// GET /api/v3/posts/list. Unknown IDs are left out of the answer (which may then hold no
// post).
func (s *PostsService) GetMany(ctx context.Context, params *GetManyPostsParams, opts ...CallOption) (*PostPayload, error) {
	return getMany[PostPayload](ctx, s.c, &request{op: "Posts.GetMany", method: http.MethodGet, path: "/api/v3/posts/list", opts: opts},
		params, idsQuery{field: "PostIDs", name: "postIds", maxIDs: 100, maxLen: 50})
}

// ListPostsParams filters and pages Posts.List (GET /api/v4/posts). TargetID is required.
type ListPostsParams struct {
	PageParams
	// TargetID is the feed owner: a user, community or content ID. Required (at most 900
	// characters).
	TargetID string
	// TargetType is community, user or content.
	TargetType PostTargetType
	// SortBy is lastCreated (the default), firstCreated, lastUpdated or firstUpdated.
	SortBy PostSortBy
	// HasFlag: nil lists all posts; true only flagged posts (or posts with flagged children
	// or comments); false only posts without flags.
	HasFlag *bool
	// IsDeleted: nil lists both; true only deleted posts; false only live ones.
	IsDeleted *bool
	// Before and After (post IDs, at most 24 characters) start the page at a post.
	Before, After string
	// UpdatedAt starts the page at a time, for the Updated orders (zero: unset).
	UpdatedAt time.Time
	// FeedTypes selects feeds: published, reviewing (at most 4 values).
	FeedTypes []FeedType
	// DataTypes selects child post types when MatchingOnlyParentPost is false: video, image,
	// file, liveStream, poll (at most 4).
	DataTypes []PostDataType
	// Tags selects posts with these tags (at most 5, each at most 24 characters).
	Tags []string
	// MatchingOnlyParentPost: true (the default) lists parent posts only; false lists child
	// posts too.
	MatchingOnlyParentPost *bool
}

func (p *ListPostsParams) query(op string) (query, error) {
	p = orZero(p)
	checks := []error{
		p.PageParams.validate(op, 1000),
		required(op, "TargetID", p.TargetID),
		maxLen(op, "TargetID", p.TargetID, postsMaxIDLen),
		maxLen(op, "Before", p.Before, 24),
		maxLen(op, "After", p.After, 24),
		maxItems(op, "FeedTypes", len(p.FeedTypes), 4),
		maxItems(op, "DataTypes", len(p.DataTypes), 4),
		postsCheckTags(op, p.Tags),
	}
	for _, f := range p.FeedTypes {
		checks = append(checks, required(op, "FeedTypes[]", string(f)))
	}
	for _, t := range p.DataTypes {
		checks = append(checks, required(op, "DataTypes[]", string(t)))
	}
	if err := firstErr(checks...); err != nil {
		return nil, err
	}
	q := query{}
	q.str("targetId", p.TargetID)
	q.str("targetType", string(p.TargetType))
	q.str("sortBy", string(p.SortBy))
	q.boolean("hasFlag", p.HasFlag)
	q.boolean("isDeleted", p.IsDeleted)
	q.options(p.Limit, p.PageToken)
	q.str("options[before]", p.Before)
	q.str("options[after]", p.After)
	if !p.UpdatedAt.IsZero() {
		q.str("options[updatedAt]", p.UpdatedAt.UTC().Format(time.RFC3339Nano))
	}
	// One feed type goes as the API's clients send it, feedType=reviewing (a scalar, as spec
	// 4.116 declares it); several go repeated, the 4.92 spec's array (docs/wire-notes.md).
	for _, f := range p.FeedTypes {
		url.Values(q).Add("feedType", string(f))
	}
	enums(q, "dataTypes", p.DataTypes)
	q.list("tags", p.Tags)
	q.boolean("matchingOnlyParentPost", p.MatchingOnlyParentPost)
	return q, nil
}

// List returns an iterator over the posts of a feed matching params, fetching pages as it
// goes. GET /api/v4/posts. A moderation job lists flagged posts with HasFlag: amity.Ptr(true).
func (s *PostsService) List(ctx context.Context, params *ListPostsParams, opts ...CallOption) iter.Seq2[Post, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of List, each with everything its posts refer
// to (authors, children, files, ...). GET /api/v4/posts.
func (s *PostsService) ListPages(ctx context.Context, params *ListPostsParams, opts ...CallOption) iter.Seq2[*PostPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of posts with everything they refer to, and its cursors.
// GET /api/v4/posts.
func (s *PostsService) ListPage(ctx context.Context, params *ListPostsParams, opts ...CallOption) (*PostPayload, error) {
	const op = "Posts.ListPage"
	return listPage[PostPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v4/posts", opts: opts}, params)
}

// UpdatePostParams changes a post in Posts.Update. Nil fields are left as they are.
type UpdatePostParams struct {
	// Text is the post's text.
	//
	// Deprecated: use Data.Text.
	Text *string `json:"text,omitempty"`
	// Data changes the content.
	Data *UpdatePostData `json:"data,omitempty"`
	// Metadata replaces the metadata.
	Metadata map[string]any `json:"metadata,omitempty"`
	// Tags replaces the tags (at most 5, each at most 24 characters).
	Tags []string `json:"tags,omitempty"`
	// Mentionees replaces the mentions.
	Mentionees []Mentionee `json:"mentionees,omitempty"`
	// Attachments replaces the attached files (at most 10).
	Attachments []PostAttachment `json:"attachments,omitempty"`
	// KeepEditTime, when true, keeps the post's editedAt as it was (sent as the
	// preserve-edited-at header; the server's default is false: editedAt moves).
	KeepEditTime *bool `json:"-"`
}

// UpdatePostData changes a post's content. Nil fields are left as they are.
type UpdatePostData struct {
	// Text, at most 50,000 characters.
	Text *string `json:"text,omitempty"`
	// FileID, StreamID and ThumbnailFileID, at most 100 characters each.
	FileID          *string `json:"fileId,omitempty"`
	StreamID        *string `json:"streamId,omitempty"`
	ThumbnailFileID *string `json:"thumbnailFileId,omitempty"`
}

func (d *UpdatePostData) validate(op string) error {
	if d == nil {
		return nil
	}
	return firstErr(
		maxLenPtr(op, "Data.Text", d.Text, postsMaxText),
		maxLenPtr(op, "Data.FileID", d.FileID, postsMaxDataFileLen),
		maxLenPtr(op, "Data.StreamID", d.StreamID, postsMaxDataFileLen),
		maxLenPtr(op, "Data.ThumbnailFileID", d.ThumbnailFileID, postsMaxDataFileLen),
	)
}

// Update changes a post's text, data, metadata, tags, mentions or attachments and returns it.
// PUT /api/v4/posts/{postId}. Idempotent by construction (it sets the given fields to the
// given values; sending it twice leaves the same state), so it is retried like a read.
func (s *PostsService) Update(ctx context.Context, postID string, params *UpdatePostParams, opts ...CallOption) (*PostPayload, error) {
	const op = "Posts.Update"
	path, err := postPath(op, "/api/v4/posts/%s", postID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		maxLenPtr(op, "Text", params.Text, postsMaxText),
		params.Data.validate(op),
		postsCheckTags(op, params.Tags),
		checkMentionees(op, params.Mentionees),
		postsCheckAttachments(op, params.Attachments),
	); err != nil {
		return nil, err
	}
	return postsCall(ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true,
		header: preserveEditedAt(params.KeepEditTime), opts: opts})
}

// DeletePostParams are the options of Posts.Delete.
type DeletePostParams struct {
	// Permanent deletes the post for good (hard delete) instead of marking it deleted.
	Permanent *bool
}

// Delete deletes a post (soft by default; see DeletePostParams.Permanent).
// DELETE /api/v4/posts/{postId}. Idempotent by construction (deleting a deleted post leaves
// it deleted), so it is retried like a read; a retry after a first attempt that was applied
// may answer an error matching ErrNotFound, which a caller deleting posts can treat as done.
// An answer of success: false is an *Error matching ErrUnsuccessful.
func (s *PostsService) Delete(ctx context.Context, postID string, params *DeletePostParams, opts ...CallOption) error {
	return softDelete(ctx, s.c, &request{op: "Posts.Delete", path: "/api/v4/posts/%s", opts: opts}, postPath, postID, (*softDeleteParams)(params))
}

// Approve publishes a post waiting for review in a community that requires approval of
// posts, and returns it. POST /api/v3/posts/{postId}/approve. Moderators only. Not retried
// once it may have reached the server (a repeat would answer an error for a post no longer
// under review).
func (s *PostsService) Approve(ctx context.Context, postID string, opts ...CallOption) (*PostPayload, error) {
	return s.onPost(ctx, postID, &request{op: "Posts.Approve", method: http.MethodPost, path: "/api/v3/posts/%s/approve", opts: opts})
}

// Decline rejects a post waiting for review (it moves to the declined feed) and returns it.
// POST /api/v3/posts/{postId}/decline. Moderators only. Not retried once it may have reached
// the server.
func (s *PostsService) Decline(ctx context.Context, postID string, opts ...CallOption) (*PostPayload, error) {
	return s.onPost(ctx, postID, &request{op: "Posts.Decline", method: http.MethodPost, path: "/api/v3/posts/%s/decline", opts: opts})
}

// Flag reports a post as the calling user (use a view from Client.AsUser) and returns it.
// POST /api/v3/posts/{postId}/flag. Not retried once it may have reached the server.
func (s *PostsService) Flag(ctx context.Context, postID string, opts ...CallOption) (*PostPayload, error) {
	return s.onPost(ctx, postID, &request{op: "Posts.Flag", method: http.MethodPost, path: "/api/v3/posts/%s/flag", opts: opts})
}

// Unflag withdraws the calling user's flag on a post and returns it.
// DELETE /api/v3/posts/{postId}/unflag. Idempotent by construction (removing one's own flag
// twice leaves it removed), so it is retried like a read.
func (s *PostsService) Unflag(ctx context.Context, postID string, opts ...CallOption) (*PostPayload, error) {
	return s.onPost(ctx, postID, &request{op: "Posts.Unflag", method: http.MethodDelete, path: "/api/v3/posts/%s/unflag", idempotent: true, opts: opts})
}

// ClearFlags removes every flag on a post (moderators) and returns it.
// DELETE /api/v3/posts/{postId}/flags. Idempotent by construction (clearing cleared flags
// changes nothing), so it is retried like a read.
func (s *PostsService) ClearFlags(ctx context.Context, postID string, opts ...CallOption) (*PostPayload, error) {
	return s.onPost(ctx, postID, &request{op: "Posts.ClearFlags", method: http.MethodDelete, path: "/api/v3/posts/%s/flags", idempotent: true, opts: opts})
}

// IsFlaggedByMe reports whether the calling user flagged a post.
// GET /api/v3/posts/{postId}/isflagbyme.
func (s *PostsService) IsFlaggedByMe(ctx context.Context, postID string, opts ...CallOption) (bool, error) {
	return isFlaggedByMe(ctx, s.c, &request{op: "Posts.IsFlaggedByMe", method: http.MethodGet, path: "/api/v3/posts/%s/isflagbyme", opts: opts}, postPath, postID)
}

// onPost sends r, a call on one post (its path a format holding postID), and decodes the post
// bundle.
func (s *PostsService) onPost(ctx context.Context, postID string, r *request) (*PostPayload, error) {
	return callOneOn(ctx, s.c, r, postPath, postID, "post", (*PostPayload).pageItems)
}

// postPath is the idPath of a post: an ID of at most 900 characters, as the spec states.
var postPath = maxLenPath("postID", postsMaxIDLen)

// postsCall sends r and decodes a post bundle holding at least one post.
func postsCall(ctx context.Context, c *Client, r *request) (*PostPayload, error) {
	return callOne(ctx, c, r, "post", (*PostPayload).pageItems)
}
