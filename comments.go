package amity

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// CommentsService manages comments on posts, content and stories, and their flags. Reach it
// as Client.Comments; the deprecated v3 delete is on V3.
type CommentsService struct {
	c *Client
	// V3 holds the v3 API's delete of comments (Client.Comments.V3).
	V3 *CommentsV3Service
}

// CommentsV3Service holds the v3 variants of the comment calls that have a v4 one. Reach it
// as Client.Comments.V3.
type CommentsV3Service struct{ c *Client }

// CommentReferenceType is what a comment is on.
type CommentReferenceType string

// Comment references.
const (
	CommentOnPost    CommentReferenceType = "post"
	CommentOnContent CommentReferenceType = "content"
	CommentOnStory   CommentReferenceType = "story"
)

// CommentDataType is a kind of comment content.
type CommentDataType string

// Comment data types.
const (
	CommentDataTypeText  CommentDataType = "text"
	CommentDataTypeImage CommentDataType = "image"
	CommentDataTypeVideo CommentDataType = "video"
)

// CommentAttachmentType is the kind of an attachment of a comment: an image or video file
// (spec 4.116.1), or a link (the API's clients attach links). A type the SDK does not know is
// sent as given.
type CommentAttachmentType string

// Comment attachment types.
const (
	CommentAttachmentImage CommentAttachmentType = "image"
	CommentAttachmentVideo CommentAttachmentType = "video"
	CommentAttachmentLink  CommentAttachmentType = "link"
)

// Comment is a comment, or a reply to one (ParentID set).
type Comment struct {
	// ID is the comment's private ID; Path its real-time event path.
	ID   string `json:"_id,omitempty"`
	Path string `json:"path,omitempty"`
	// CommentID is the comment's public ID.
	CommentID string `json:"commentId"`
	// UserID is the author's public ID; UserPublicID and UserInternalID its two forms.
	UserID         string `json:"userId,omitempty"`
	UserPublicID   string `json:"userPublicId,omitempty"`
	UserInternalID string `json:"userInternalId,omitempty"`
	// ParentID is the comment replied to; RootID the top comment of the thread.
	ParentID string `json:"parentId,omitempty"`
	RootID   string `json:"rootId,omitempty"`
	// ReferenceID is the post, content or story commented on, per ReferenceType.
	ReferenceID   string               `json:"referenceId,omitempty"`
	ReferenceType CommentReferenceType `json:"referenceType,omitempty"`
	// DataType is the content's kind; DataTypes lists the kinds it holds (text, image,
	// video).
	DataType  CommentDataType   `json:"dataType,omitempty"`
	DataTypes []CommentDataType `json:"dataTypes,omitempty"`
	// Data is the content.
	Data CommentData `json:"data"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
	// ChildrenNumber is how many replies the comment has; Children their IDs.
	ChildrenNumber int      `json:"childrenNumber,omitempty"`
	Children       []string `json:"children,omitempty"`
	// FlagCount is how many times users flagged the comment.
	FlagCount int       `json:"flagCount,omitempty"`
	HashFlag  *HashFlag `json:"hashFlag,omitempty"`
	// Reactions counts the reactions by name, e.g. {"like": 3}.
	Reactions      map[string]int `json:"reactions,omitempty"`
	ReactionsCount int            `json:"reactionsCount,omitempty"`
	// MyReactions are the calling user's reaction names.
	MyReactions []string `json:"myReactions,omitempty"`
	IsDeleted   bool     `json:"isDeleted,omitempty"`
	EditedAt    Time     `json:"editedAt"`
	CreatedAt   Time     `json:"createdAt"`
	UpdatedAt   Time     `json:"updatedAt"`
	// SegmentNumber is the comment's position for segment paging.
	SegmentNumber int                 `json:"segmentNumber,omitempty"`
	Mentionees    []Mentionee         `json:"mentionees,omitempty"`
	Attachments   []CommentAttachment `json:"attachments,omitempty"`
	// TargetID and TargetType name the feed owner of the post commented on.
	TargetID   string         `json:"targetId,omitempty"`
	TargetType PostTargetType `json:"targetType,omitempty"`
}

// CommentData is the content of a comment. The spec leaves it free-form; Raw holds it as
// received.
type CommentData struct {
	Text string `json:"text,omitempty"`

	// Raw is the data's JSON as received.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes comment data in one pass; data of another shape leaves Text empty
// instead of failing, and Raw always holds it (a copy: the decoder's buffer is not kept).
func (d *CommentData) UnmarshalJSON(b []byte) error {
	var v struct {
		Text string `json:"text"`
	}
	*d = CommentData{}
	if json.Unmarshal(b, &v) == nil {
		d.Text = v.Text
	}
	d.Raw = append(json.RawMessage(nil), b...)
	return nil
}

// CommentAttachment is a file or a link attached to a comment.
type CommentAttachment struct {
	// Type is image, video or link. Required.
	Type CommentAttachmentType `json:"type"`
	// FileID is an uploaded image or video (see Files); URL the link of a link attachment.
	// One of them is required.
	FileID string `json:"fileId,omitempty"`
	URL    string `json:"url,omitempty"`
}

// CommentPayload is the API's comment bundle: comments, their replies, authors, files and
// the authors' community memberships. Lists fill Paging.
type CommentPayload struct {
	rawJSON
	// Comments are the comments asked for (one for a create, get or update).
	Comments []Comment `json:"comments"`
	// CommentChildren are their replies (see Children).
	CommentChildren []Comment `json:"commentChildren"`
	// CommunityUsers are the authors' community memberships (see Membership).
	CommunityUsers []CommunityUser `json:"communityUsers"`
	// Users are the authors and mentioned users (see Author, UserByID).
	Users []User `json:"users"`
	// Files are the attached images and videos (see CommentFiles, FileByID).
	Files []File `json:"files"`
	// Roles are the roles of the users (see RoleByID).
	Roles []Role `json:"roles"`
	// Paging holds the cursors of a list answer.
	Paging Paging `json:"paging"`
}

// RoleByID returns the sideloaded role with the given ID, or nil.
func (p *CommentPayload) RoleByID(roleID string) *Role { return roleByID(p.Roles, roleID) }

func (p *CommentPayload) pageItems() []Comment { return p.Comments }
func (p *CommentPayload) pageInfo() Paging     { return p.Paging }

// Comment returns the first comment of the answer (the one created, read or changed), or nil.
func (p *CommentPayload) Comment() *Comment { return firstOf(p.Comments) }

// UserByID returns the sideloaded user with the given ID (public, else internal), or nil.
func (p *CommentPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *CommentPayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// CommentByID returns the comment or reply with the given public ID, or nil.
func (p *CommentPayload) CommentByID(commentID string) *Comment {
	key := func(c *Comment) string { return c.CommentID }
	if c := byID(p.CommentChildren, commentID, key); c != nil {
		return c
	}
	return byID(p.Comments, commentID, key)
}

// Author returns the user who wrote comment, or nil when the answer does not hold it.
func (p *CommentPayload) Author(comment *Comment) *User {
	if comment == nil {
		return nil
	}
	return findUserOf(p.Users, comment.UserID, comment.UserPublicID, comment.UserInternalID)
}

// Children returns the sideloaded replies of comment, in the order of comment.Children.
func (p *CommentPayload) Children(comment *Comment) []Comment {
	if comment == nil {
		return nil
	}
	return lookupAll(comment.Children, p.CommentByID)
}

// CommentFiles returns the sideloaded files attached to comment, in order.
func (p *CommentPayload) CommentFiles(comment *Comment) []File {
	if comment == nil {
		return nil
	}
	ids := make([]string, len(comment.Attachments))
	for i, a := range comment.Attachments {
		ids[i] = a.FileID
	}
	return lookupAll(ids, p.FileByID)
}

// Membership returns the author's membership of the community a comment was made in (when
// the post commented on is in a community), or nil.
func (p *CommentPayload) Membership(comment *Comment) *CommunityUser {
	if comment == nil || comment.TargetType != PostTargetCommunity {
		return nil
	}
	for i := range p.CommunityUsers {
		m := &p.CommunityUsers[i]
		if m.CommunityID == comment.TargetID && m.UserID == comment.UserID {
			return m
		}
	}
	return nil
}

// CommentListType is the paging mode of Comments.List: scrollable (cursor, the default) or
// pagination (offset, with Skip).
type CommentListType string

// Comment paging modes.
const (
	CommentListScrollable CommentListType = "scrollable"
	CommentListPagination CommentListType = "pagination"
)

// CommentMatchType says how CommentDataTypesFilter.Values match: any of them, or exactly.
type CommentMatchType string

// Data type matching.
const (
	CommentMatchAny   CommentMatchType = "any"
	CommentMatchExact CommentMatchType = "exact"
)

// CommentDataTypesFilter selects comments by the kinds of content they hold.
type CommentDataTypesFilter struct {
	// Values are data types such as text and image.
	Values []CommentDataType
	// MatchType is any or exact.
	MatchType CommentMatchType
}

// ListCommentsParams filters and pages Comments.List.
type ListCommentsParams struct {
	PageParams
	// ReferenceID is the post, content or story whose comments to list (at most 900
	// characters). Spec 4.116.1 makes it optional (4.92.0 required it): empty lists across
	// references, e.g. every flagged comment with HasFlag.
	ReferenceID string
	// ReferenceType is post, content or story.
	ReferenceType CommentReferenceType
	// FilterByParentID: true (the default) lists only the comments whose parent is ParentID
	// (top-level comments when ParentID is empty); false lists replies too. The spec declares
	// it, but the API's own client leaves it out, noting the server does not support it
	// (docs/wire-notes.md): do not rely on false.
	FilterByParentID *bool
	// ParentID lists the replies of a comment (at most 900 characters).
	ParentID string
	// HasFlag: true lists only flagged comments (the default, false, lists all).
	HasFlag *bool
	// IsDeleted: nil lists both; true only deleted comments; false only live ones.
	IsDeleted *bool
	// SortBy is lastCreated (the default), firstCreated, lastUpdated or firstUpdated.
	SortBy PostSortBy
	// Type is the paging mode: scrollable (the default) or pagination.
	Type CommentListType
	// Skip (0 to 100) skips comments in pagination mode.
	Skip int
	// First and Last (1 to 100) take the first or last comments; After and Before (at least
	// 1) are segment numbers to start after or before. 0 leaves each unset.
	First, Last, After, Before int
	// DataTypes selects comments by content kind.
	DataTypes *CommentDataTypesFilter
}

func (p *ListCommentsParams) query(op string) (query, error) {
	p = orZero(p)
	checks := []error{
		p.PageParams.validate(op, 1000),
		maxLen(op, "ReferenceID", p.ReferenceID, 900),
		maxLen(op, "ParentID", p.ParentID, 900),
		intRange(op, "Skip", p.Skip, 0, 100),
		intRange(op, "First", p.First, 0, 100),
		intRange(op, "Last", p.Last, 0, 100),
		intRange(op, "After", p.After, 0, -1),
		intRange(op, "Before", p.Before, 0, -1),
	}
	if f := p.DataTypes; f != nil {
		for _, v := range f.Values {
			checks = append(checks, required(op, "DataTypes.Values[]", string(v)))
		}
	}
	if err := firstErr(checks...); err != nil {
		return nil, err
	}
	q := query{}
	q.str("referenceId", p.ReferenceID)
	q.str("referenceType", string(p.ReferenceType))
	q.boolean("filterByParentId", p.FilterByParentID)
	q.str("parentId", p.ParentID)
	q.boolean("hasFlag", p.HasFlag)
	q.boolean("isDeleted", p.IsDeleted)
	q.str("sortBy", string(p.SortBy))
	q.str("options[type]", string(p.Type))
	q.options(p.Limit, p.PageToken)
	q.integer("options[skip]", p.Skip)
	q.integer("options[first]", p.First)
	q.integer("options[last]", p.Last)
	q.integer("options[after]", p.After)
	q.integer("options[before]", p.Before)
	if f := p.DataTypes; f != nil {
		// deepObject with an array member, sent as the API's clients send it:
		// dataTypes[values][]=text&dataTypes[values][]=image (see query.list).
		enums(q, "dataTypes[values]", f.Values)
		q.str("dataTypes[matchType]", string(f.MatchType))
	}
	return q, nil
}

// List returns an iterator over the comments on a post, content or story matching params,
// fetching pages as it goes. GET /api/v3/comments (sent with the API key, as the spec's
// security asks, and the bearer token). A moderation job lists flagged comments with
// HasFlag: amity.Ptr(true).
func (s *CommentsService) List(ctx context.Context, params *ListCommentsParams, opts ...CallOption) iter.Seq2[Comment, error] {
	return listAll(ctx, params, opts, s.ListPage)
}

// ListPages returns an iterator over the pages of List, each with its comments' replies,
// authors and files. GET /api/v3/comments.
func (s *CommentsService) ListPages(ctx context.Context, params *ListCommentsParams, opts ...CallOption) iter.Seq2[*CommentPayload, error] {
	return pages(ctx, params, opts, s.ListPage)
}

// ListPage returns one page of comments with their replies, authors and files, and its
// cursors. GET /api/v3/comments.
func (s *CommentsService) ListPage(ctx context.Context, params *ListCommentsParams, opts ...CallOption) (*CommentPayload, error) {
	const op = "Comments.ListPage"
	return listPage[CommentPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/comments", auth: authAPIKey, opts: opts}, params)
}

// CreateCommentParams describes a comment for Comments.Create.
type CreateCommentParams struct {
	// ReferenceID is the post, content or story to comment on (at most 900 characters).
	// Required.
	ReferenceID string `json:"referenceId"`
	// ReferenceType is post (the default), content or story.
	ReferenceType CommentReferenceType `json:"referenceType,omitempty"`
	// Data is the content.
	Data *CommentDataParams `json:"data,omitempty"`
	// Metadata is free-form JSON.
	Metadata map[string]any `json:"metadata,omitempty"`
	// CommentID sets the new comment's public ID (at most 900 characters).
	CommentID string `json:"commentId,omitempty"`
	// ParentID makes the comment a reply to another (at most 900 characters).
	ParentID string `json:"parentId,omitempty"`
	// Mentionees are the users the comment mentions (and notifies).
	Mentionees []Mentionee `json:"mentionees,omitempty"`
	// CreatedAt backdates the comment (imports).
	CreatedAt *Time `json:"createdAt,omitempty"`
	// Attachments are images attached to the comment.
	Attachments []CommentAttachment `json:"attachments,omitempty"`
}

// CommentDataParams is the content of a new comment.
type CommentDataParams struct {
	// Text, at most 50,000 characters.
	Text string `json:"text,omitempty"`
}

// UpdateCommentParams changes a comment in Comments.Update. Nil fields are left as they are.
type UpdateCommentParams struct {
	// Data changes the content.
	Data *UpdateCommentData `json:"data,omitempty"`
	// Metadata replaces the metadata.
	Metadata map[string]any `json:"metadata,omitempty"`
	// Mentionees replaces the mentions.
	Mentionees []Mentionee `json:"mentionees,omitempty"`
	// Attachments replaces the attached images, videos and links.
	Attachments []CommentAttachment `json:"attachments,omitempty"`
	// EditReason is why the comment was edited (at most 300 characters); the server keeps it
	// for an admin's edit and ignores it for a user's.
	EditReason string `json:"editReason,omitempty"`
	// KeepEditTime, when true, keeps the comment's editedAt as it was (sent as the
	// preserve-edited-at header; the server's default is false: editedAt moves).
	KeepEditTime *bool `json:"-"`
}

// UpdateCommentData changes a comment's content.
type UpdateCommentData struct {
	// Text, at most 50,000 characters.
	Text *string `json:"text,omitempty"`
}

const commentsMaxText = 50000 // spec: data.text maxLength 50000

// commentsCheckAttachments checks the attachments of a comment: each has a type and a file ID
// or a URL.
func commentsCheckAttachments(op string, atts []CommentAttachment) error {
	for _, a := range atts {
		if err := required(op, "Attachments[].Type", string(a.Type)); err != nil {
			return err
		}
		if a.FileID == "" && a.URL == "" {
			return &ValidationError{Op: op, Field: "Attachments[].FileID", Reason: "is required (or URL, for a link)"}
		}
	}
	return nil
}

// Create creates a comment (or a reply, with ParentID) and returns it.
// POST /api/v3/comments. Not retried once it may have reached the server: a repeat would
// create a second comment (unless CommentID is set).
func (s *CommentsService) Create(ctx context.Context, params *CreateCommentParams, opts ...CallOption) (*CommentPayload, error) {
	const op = "Comments.Create"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	checks := []error{
		required(op, "ReferenceID", params.ReferenceID),
		maxLen(op, "ReferenceID", params.ReferenceID, 900),
		maxLen(op, "CommentID", params.CommentID, 900),
		maxLen(op, "ParentID", params.ParentID, 900),
		checkMentionees(op, params.Mentionees),
		commentsCheckAttachments(op, params.Attachments),
	}
	if params.Data != nil {
		checks = append(checks, maxLen(op, "Data.Text", params.Data.Text, commentsMaxText))
	}
	if err := firstErr(checks...); err != nil {
		return nil, err
	}
	return commentsCall(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v3/comments", body: params, opts: opts})
}

// Get returns a comment with its replies, author and files. GET /api/v3/comments/{commentId}.
func (s *CommentsService) Get(ctx context.Context, commentID string, opts ...CallOption) (*CommentPayload, error) {
	const op = "Comments.Get"
	path, err := commentPath(op, "/api/v3/comments/%s", commentID)
	if err != nil {
		return nil, err
	}
	return commentsCall(ctx, s.c, &request{op: op, method: http.MethodGet, path: path, opts: opts})
}

// GetManyCommentsParams names the comments of Comments.GetMany.
type GetManyCommentsParams struct {
	// CommentIDs are the comments' public IDs: 1 to 10, each at most 50 characters. Required.
	CommentIDs []string
}

// ids is the list getMany sends.
func (p *GetManyCommentsParams) ids() []string { return p.CommentIDs }

// GetMany returns the comments with the given IDs, with their replies, authors and files.
// GET /api/v3/comments/list. Unknown IDs are left out of the answer (which may then hold no
// comment).
func (s *CommentsService) GetMany(ctx context.Context, params *GetManyCommentsParams, opts ...CallOption) (*CommentPayload, error) {
	return getMany[CommentPayload](ctx, s.c, &request{op: "Comments.GetMany", method: http.MethodGet, path: "/api/v3/comments/list", opts: opts},
		params, idsQuery{field: "CommentIDs", name: "commentIds", maxIDs: 10, maxLen: 50})
}

// Update changes a comment's text, metadata, mentions or attachments and returns it.
// PUT /api/v3/comments/{commentId}. Idempotent by construction (it sets the given fields to
// the given values), so it is retried like a read.
func (s *CommentsService) Update(ctx context.Context, commentID string, params *UpdateCommentParams, opts ...CallOption) (*CommentPayload, error) {
	const op = "Comments.Update"
	path, err := commentPath(op, "/api/v3/comments/%s", commentID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	checks := []error{
		checkMentionees(op, params.Mentionees),
		commentsCheckAttachments(op, params.Attachments),
		maxLen(op, "EditReason", params.EditReason, postsMaxReason),
	}
	if params.Data != nil {
		checks = append(checks, maxLenPtr(op, "Data.Text", params.Data.Text, commentsMaxText))
	}
	if err := firstErr(checks...); err != nil {
		return nil, err
	}
	return commentsCall(ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: params, idempotent: true,
		header: preserveEditedAt(params.KeepEditTime), opts: opts})
}

// DeleteCommentParams are the options of Comments.Delete.
type DeleteCommentParams struct {
	// Permanent deletes the comment for good (hard delete) instead of marking it deleted.
	Permanent *bool
}

// Delete deletes a comment (soft by default; see DeleteCommentParams.Permanent).
// DELETE /api/v4/comments/{commentId}. Idempotent by construction (deleting a deleted
// comment leaves it deleted), so it is retried like a read; a retry after a first attempt
// that was applied may answer an error matching ErrNotFound, which a caller can treat as done.
// An answer of success: false is an *Error matching ErrUnsuccessful.
func (s *CommentsService) Delete(ctx context.Context, commentID string, params *DeleteCommentParams, opts ...CallOption) error {
	return softDelete(ctx, s.c, &request{op: "Comments.Delete", path: "/api/v4/comments/%s", opts: opts}, commentPath, commentID, (*softDeleteParams)(params))
}

// Delete soft-deletes a comment with the v3 API. DELETE /api/v3/comments/{commentId}.
// Unlike Comments.Delete (v4) it cannot delete permanently. Idempotent by construction
// (deleting a deleted comment leaves it deleted). An answer of success: false is an *Error
// matching ErrUnsuccessful.
//
// Deprecated: use Comments.Delete (DELETE /api/v4/comments/{commentId}).
func (s *CommentsV3Service) Delete(ctx context.Context, commentID string, opts ...CallOption) error {
	const op = "Comments.V3.Delete"
	path, err := commentPath(op, "/api/v3/comments/%s", commentID)
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, idempotent: true, opts: opts}, nil)
}

// FlagCommentParams are the reason and detail of Comments.Flag.
type FlagCommentParams struct {
	// Reason is why the comment is flagged (at most 300 characters); empty leaves it to the
	// server, which records Others.
	Reason FlagReason
	// Detail is more about it, e.g. the user's own words (at most 300 characters).
	Detail string
}

// Flag reports a comment as the calling user (use a view from Client.AsUser) and returns it.
// POST /api/v3/comments/{commentId}/flag, with the body {commentId, reason, detail} (the ID
// repeated, as the spec requires). params may be nil. Not retried once it may have reached
// the server.
func (s *CommentsService) Flag(ctx context.Context, commentID string, params *FlagCommentParams, opts ...CallOption) (*CommentPayload, error) {
	const op = "Comments.Flag"
	params = orZero(params)
	if err := firstErr(maxLen(op, "Reason", string(params.Reason), postsMaxReason), maxLen(op, "Detail", params.Detail, postsMaxReason)); err != nil {
		return nil, err
	}
	body := struct {
		CommentID string     `json:"commentId"`
		Reason    FlagReason `json:"reason,omitempty"`
		Detail    string     `json:"detail,omitempty"`
	}{commentID, params.Reason, params.Detail}
	return s.onComment(ctx, commentID, &request{op: op, method: http.MethodPost, path: "/api/v3/comments/%s/flag", body: body, opts: opts})
}

// Unflag withdraws the calling user's flag on a comment and returns it.
// DELETE /api/v3/comments/{commentId}/unflag. Idempotent by construction (removing one's own
// flag twice leaves it removed), so it is retried like a read.
func (s *CommentsService) Unflag(ctx context.Context, commentID string, opts ...CallOption) (*CommentPayload, error) {
	return s.onComment(ctx, commentID, &request{op: "Comments.Unflag", method: http.MethodDelete, path: "/api/v3/comments/%s/unflag", idempotent: true, opts: opts})
}

// ClearFlags removes every flag on a comment (moderators) and returns it.
// DELETE /api/v3/comments/{commentId}/flags. Idempotent by construction (clearing cleared
// flags changes nothing), so it is retried like a read.
func (s *CommentsService) ClearFlags(ctx context.Context, commentID string, opts ...CallOption) (*CommentPayload, error) {
	return s.onComment(ctx, commentID, &request{op: "Comments.ClearFlags", method: http.MethodDelete, path: "/api/v3/comments/%s/flags", idempotent: true, opts: opts})
}

// IsFlaggedByMe reports whether the calling user flagged a comment.
// GET /api/v3/comments/{commentId}/isflagbyme.
func (s *CommentsService) IsFlaggedByMe(ctx context.Context, commentID string, opts ...CallOption) (bool, error) {
	return isFlaggedByMe(ctx, s.c, &request{op: "Comments.IsFlaggedByMe", method: http.MethodGet, path: "/api/v3/comments/%s/isflagbyme", opts: opts}, commentPath, commentID)
}

// onComment sends r, a call on one comment (its path a format holding commentID), and decodes
// the comment bundle.
func (s *CommentsService) onComment(ctx context.Context, commentID string, r *request) (*CommentPayload, error) {
	return callOneOn(ctx, s.c, r, commentPath, commentID, "comment", (*CommentPayload).pageItems)
}

// commentPath is the idPath of a comment: an ID of at most 900 characters, as the spec states.
var commentPath = maxLenPath("commentID", 900)

// commentsCall sends r and decodes a comment bundle holding at least one comment.
func commentsCall(ctx context.Context, c *Client, r *request) (*CommentPayload, error) {
	return callOne(ctx, c, r, "comment", (*CommentPayload).pageItems)
}
