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
// Client.Posts. Its listing is the current (v5) one; the older v4 listing is on V4, and the v3
// variants of its create, update, delete and list calls are on V3.
type PostsService struct {
	c *Client
	// V4 holds the older v4 listing of posts (Client.Posts.V4), which List (v5) replaces.
	V4 *PostsV4Service
	// V3 holds the v3 API's create, list, update and delete of posts (Client.Posts.V3).
	V3 *PostsV3Service
}

// PostDataType is the kind of a post. Besides the system types below, a custom type is any
// dot-separated name such as "com.example.birthday"; its data is free-form (see
// CreatePostParams.CustomData). A type the SDK does not know is sent as given.
type PostDataType string

// System post data types. Clip is in spec 4.116.1's list; audio and room are types the API's
// clients post too (createAudioPost, createRoomPost; spec 4.116.1's room posts carry
// data.roomId).
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

// Post targets. PostTargetAll is a filter of Posts.V3.List only (every target type).
const (
	PostTargetUser      PostTargetType = "user"
	PostTargetCommunity PostTargetType = "community"
	PostTargetContent   PostTargetType = "content"
	PostTargetAll       PostTargetType = "all"
)

// PostStructureType is the media composition of a post: the kind of its content, or mixed
// when its children are of several kinds.
type PostStructureType string

// Post structure types (spec 4.116.1's StructureType).
const (
	PostStructureText       PostStructureType = "text"
	PostStructureImage      PostStructureType = "image"
	PostStructureFile       PostStructureType = "file"
	PostStructureVideo      PostStructureType = "video"
	PostStructureAudio      PostStructureType = "audio"
	PostStructureLiveStream PostStructureType = "liveStream"
	PostStructurePoll       PostStructureType = "poll"
	PostStructureClip       PostStructureType = "clip"
	PostStructureRoom       PostStructureType = "room"
	PostStructureMixed      PostStructureType = "mixed"
)

// PostKind says whether Posts.Get reads a post or a story.
type PostKind string

// Post kinds.
const (
	PostKindPost  PostKind = "post"
	PostKindStory PostKind = "story"
)

// PostAttachmentType is the kind of a file attached to a post.
type PostAttachmentType string

// Attachment types. Clip is a short video uploaded as a clip (the product documents' clip
// posts) and audio a sound file (the clients' audio posts); spec 4.116.1 lists image, file
// and video. A type the SDK does not know is sent as given.
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

// Mentionee is a mention in a post or comment: the users notified by it. In requests set
// UserIDs (and Type, sent as user when empty: spec 4.116.1 requires it); the API fills
// UserPublicIDs and UserInternalIDs in its answers.
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

// MarshalJSON sends an empty Type as user, the only mention type.
func (m Mentionee) MarshalJSON() ([]byte, error) {
	type plain Mentionee
	if m.Type == "" {
		m.Type = MentionTypeUser
	}
	return json.Marshal(plain(m))
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
	// Hashtags are the post's hashtags (at most 30).
	Hashtags []string `json:"hashtags,omitempty"`
	// StructureType is the media composition of the post (text, image, ..., mixed).
	StructureType PostStructureType `json:"structureType,omitempty"`
	// ChildrenNumber is how many child posts the post has.
	ChildrenNumber int `json:"childrenNumber,omitempty"`
}

// PostData is the content of a post, decoded by its data type: Text (and Title) on a text or
// parent post, FileID on an image, file or audio child, VideoFileID (with ThumbnailFileID)
// on a video child, FileID with ThumbnailID on a clip child, StreamID on a liveStream post,
// PollID on a poll post, RoomID on a room post. Every data type spec 4.116.1 describes
// (text, image, file, video, liveStream, clip, poll, room) and the clients' audio decode
// into these fields; a custom post's data is free-form: read it from Raw. Data of another
// shape never fails an answer (see UnmarshalJSON).
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
	// Title is the post's title (spec 4.116.1). RoomID is the live room of a room post;
	// IsMuted and DisplayMode how a clip child is shown, ThumbnailID its thumbnail file
	// (spec 4.116.1's clip post data).
	Title       string `json:"title,omitempty"`
	RoomID      string `json:"roomId,omitempty"`
	IsMuted     bool   `json:"isMuted,omitempty"`
	DisplayMode string `json:"displayMode,omitempty"`
	ThumbnailID string `json:"thumbnailId,omitempty"`

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
	postsMaxTitle       = 150     // spec 4.116.1: data.title maxLength 150
	postsMaxHashtagLen  = 100     // spec 4.116.1: hashtags items maxLength 100
	postsMaxLinks       = 100     // spec 4.116.1: links maxItems 100
	postsMaxMentionees  = 2       // spec 4.116.1: mentionees maxItems 2 on create
	postsMaxEventID     = 24      // spec 4.116.1: eventId maxLength 24
	postsMaxReason      = 300     // spec 4.116.1: flag reason and detail, edit reason maxLength 300
)

// GetPostParams are the options of Posts.Get.
type GetPostParams struct {
	// PostType says whether the ID is a post's (post, the server's default) or a story's.
	PostType PostKind
	// IgnoreBlockList, when true, returns content of users the caller blocked too (the
	// server's default is false).
	IgnoreBlockList *bool
	// IncludeModerationDetails, when true, adds the moderation details to the answer (the
	// server's default is false; read them from Raw).
	IncludeModerationDetails *bool
}

// query is the query of Posts.Get.
func (p *GetPostParams) query() url.Values {
	p = orZero(p)
	q := query{}
	q.str("postType", string(p.PostType))
	q.boolean("ignoreBlockList", p.IgnoreBlockList)
	q.boolean("includeModerationDetails", p.IncludeModerationDetails)
	return url.Values(q)
}

// Get returns a post with its children, comments, author, files and poll.
// GET /api/v3/posts/{postId}. (There is no v4 variant.) params may be nil.
func (s *PostsService) Get(ctx context.Context, postID string, params *GetPostParams, opts ...CallOption) (*PostPayload, error) {
	const op = "Posts.Get"
	path, err := postPath(op, "/api/v3/posts/%s", postID)
	if err != nil {
		return nil, err
	}
	return postsCall(ctx, s.c, &request{op: op, method: http.MethodGet, path: path, query: params.query(), opts: opts})
}

// GetManyPostsParams names the posts of Posts.GetMany.
type GetManyPostsParams struct {
	// PostIDs are the posts' public IDs: 1 to 100, each at most 128 characters. Required.
	PostIDs []string
	// IgnoreBlockList, when true, returns content of users the caller blocked too (the
	// server's default is false).
	IgnoreBlockList *bool
	// IncludeModerationDetails, when true, adds the moderation details to the answer (the
	// server's default is false; read them from Raw).
	IncludeModerationDetails *bool
}

// ids is the list getMany sends.
func (p *GetManyPostsParams) ids() []string { return p.PostIDs }

// GetMany returns the posts with the given IDs, with everything they refer to.
// GET /api/v3/posts/list. Unknown IDs are left out of the answer (which may then hold no
// post).
func (s *PostsService) GetMany(ctx context.Context, params *GetManyPostsParams, opts ...CallOption) (*PostPayload, error) {
	q := query{}
	if params != nil {
		q.boolean("ignoreBlockList", params.IgnoreBlockList)
		q.boolean("includeModerationDetails", params.IncludeModerationDetails)
	}
	return getMany[PostPayload](ctx, s.c, &request{op: "Posts.GetMany", method: http.MethodGet, path: "/api/v3/posts/list", query: url.Values(q), opts: opts},
		params, idsQuery{field: "PostIDs", name: "postIds", maxIDs: 100, maxLen: 128})
}

// ListPostsParams filters and pages Posts.List (GET /api/v5/posts). TargetType is required;
// Posts.V4.List takes the same fields (V4ListPostsParams).
type ListPostsParams struct {
	PageParams
	// TargetType is community, user or content. Required.
	TargetType PostTargetType
	// TargetID is the feed owner: a user, community or content ID (at most 900 characters).
	// The spec makes it optional; the API's clients always send it.
	TargetID string
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
	// FeedType selects one feed: published, reviewing or declined (empty: the server's
	// default).
	FeedType FeedType
	// DataTypes selects child post types when MatchingOnlyParentPost is false: video, image,
	// file, liveStream, poll or clip (at most 6; the v4 listing at most 5, without clip).
	DataTypes []PostDataType
	// Tags selects posts with these tags (at most 5, each at most 24 characters).
	Tags []string
	// MatchingOnlyParentPost: true (the default) lists parent posts only; false lists child
	// posts too.
	MatchingOnlyParentPost *bool
}

func (p *ListPostsParams) query(op string) (query, error) {
	return orZero(p).build(op, 6)
}

// build checks the params of a v5 or v4 listing (maxDataTypes: 6 or 5) and returns its query.
// v4 declares the cursors as the deepObject options, v5 as flat options[...] parameters: both
// are options[limit]=... on the wire.
func (p *ListPostsParams) build(op string, maxDataTypes int) (query, error) {
	checks := []error{
		p.PageParams.validate(op, 1000),
		required(op, "TargetType", string(p.TargetType)),
		maxLen(op, "TargetID", p.TargetID, postsMaxIDLen),
		maxLen(op, "Before", p.Before, 24),
		maxLen(op, "After", p.After, 24),
		maxItems(op, "DataTypes", len(p.DataTypes), maxDataTypes),
		postsCheckTags(op, p.Tags),
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
	// One feed type, a scalar, as spec 4.116.1 declares it and the API's clients send it
	// (docs/wire-notes.md, row 5).
	q.str("feedType", string(p.FeedType))
	enums(q, "dataTypes", p.DataTypes)
	q.list("tags", p.Tags)
	q.boolean("matchingOnlyParentPost", p.MatchingOnlyParentPost)
	return q, nil
}

// List returns an iterator over the posts of a feed matching params, fetching pages as it
// goes. GET /api/v5/posts, the listing the API's clients use. A moderation job lists flagged
// posts with HasFlag: amity.Ptr(true).
func (s *PostsService) List(ctx context.Context, params *ListPostsParams, opts ...CallOption) iter.Seq2[Post, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of List, each with everything its posts refer
// to (authors, children, files, ...). GET /api/v5/posts.
func (s *PostsService) ListPages(ctx context.Context, params *ListPostsParams, opts ...CallOption) iter.Seq2[*PostPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of posts with everything they refer to, and its cursors.
// GET /api/v5/posts.
func (s *PostsService) ListPage(ctx context.Context, params *ListPostsParams, opts ...CallOption) (*PostPayload, error) {
	const op = "Posts.ListPage"
	return listPage[PostPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v5/posts", opts: opts}, params)
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
	// Hashtags replaces the hashtags (at most 30, each at most 100 characters).
	Hashtags []string `json:"hashtags,omitempty"`
	// Links replaces the links in the text and their previews (at most 100).
	Links []PostLink `json:"links,omitempty"`
	// Reason is why the post was edited (at most 300 characters); the server keeps it for an
	// admin's edit and ignores it for a user's.
	Reason string `json:"reason,omitempty"`
	// KeepEditTime, when true, keeps the post's editedAt as it was (sent as the
	// preserve-edited-at header; the server's default is false: editedAt moves).
	KeepEditTime *bool `json:"-"`
}

// UpdatePostData changes a post's content. Nil fields are left as they are.
type UpdatePostData struct {
	// Title, at most 150 characters.
	Title *string `json:"title,omitempty"`
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
		maxLenPtr(op, "Data.Title", d.Title, postsMaxTitle),
		maxLenPtr(op, "Data.Text", d.Text, postsMaxText),
		maxLenPtr(op, "Data.FileID", d.FileID, postsMaxDataFileLen),
		maxLenPtr(op, "Data.StreamID", d.StreamID, postsMaxDataFileLen),
		maxLenPtr(op, "Data.ThumbnailFileID", d.ThumbnailFileID, postsMaxDataFileLen),
	)
}

// Update changes a post's text, data, metadata, tags, hashtags, links, mentions or attachments
// and returns it.
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
		postsCheckHashtags(op, params.Hashtags),
		postsCheckLinks(op, params.Links),
		checkMentionees(op, params.Mentionees),
		postsCheckAttachments(op, params.Attachments),
		maxLen(op, "Reason", params.Reason, postsMaxReason),
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
