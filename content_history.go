package amity

// This file is the edit history of posts and comments (GET /api/v1/content-histories). The
// one operation serves both kinds of content; it is offered where a caller holding a post or
// a comment looks for it, as Posts.GetEditHistory and Comments.GetEditHistory, each sending
// its own contentType.

import (
	"context"
	"net/http"
	"net/url"
)

// EditHistoryContentType is the kind of content an edit history is about.
type EditHistoryContentType string

// Content types of edit histories.
const (
	EditHistoryPost    EditHistoryContentType = "post"
	EditHistoryComment EditHistoryContentType = "comment"
)

// ContentEditHistory is one version of an edited post or comment: the content as it was at
// that version, who made the edit, when and why.
type ContentEditHistory struct {
	// ID is the history record's ID; NetworkID the network's.
	ID        string `json:"_id"`
	NetworkID string `json:"networkId,omitempty"`
	// ContentID is the post's or comment's ID; ContentType says which.
	ContentID   string                 `json:"contentId"`
	ContentType EditHistoryContentType `json:"contentType"`
	// Version is the version number (0 is the content as first created).
	Version int `json:"version"`
	// Data is the content at this version: the API's post bundle (posts, users, ...) for a
	// post and its comment bundle (comments, users, ...) for a comment. Decode it into a
	// PostPayload or CommentPayload with Data.Decode.
	Data RawJSON `json:"data"`
	// EditedBy is the user who made the edit (an administrator); EditedAt when.
	EditedBy string `json:"editedBy,omitempty"`
	EditedAt Time   `json:"editedAt"`
	// EditReason is the reason the editor gave (at most 500 characters), when any.
	EditReason string `json:"editReason,omitempty"`
	// CreatedAt and UpdatedAt are when the record was made and last changed.
	CreatedAt Time `json:"createdAt"`
	UpdatedAt Time `json:"updatedAt"`
}

// EditHistoryPayload is the answer of Posts.GetEditHistory and Comments.GetEditHistory: the
// versions of the content, as the API orders them.
type EditHistoryPayload struct {
	rawJSON
	// Histories are the versions of the content.
	Histories []ContentEditHistory `json:"histories"`
}

// Original returns the record of version 0, the content as first created, or nil.
func (p *EditHistoryPayload) Original() *ContentEditHistory {
	for i := range p.Histories {
		if p.Histories[i].Version == 0 {
			return &p.Histories[i]
		}
	}
	return nil
}

// editHistory sends the GET of the edit history of one post or comment.
func editHistory(ctx context.Context, c *Client, op string, typ EditHistoryContentType, field, contentID string, opts []CallOption) (*EditHistoryPayload, error) {
	if err := firstErr(required(op, field, contentID), maxLen(op, field, contentID, 900)); err != nil {
		return nil, err
	}
	q := url.Values{"contentId": {contentID}, "contentType": {string(typ)}}
	return call[EditHistoryPayload](ctx, c, &request{op: op, method: http.MethodGet, path: "/api/v1/content-histories", query: q, opts: opts})
}

// GetEditHistory returns the edit history of a post: its versions, each with the content at
// that version and who edited it, when and why. GET
// /api/v1/content-histories?contentType=post, with the post's ID as contentId (in the query:
// the spec declares it a path parameter of a path without one; docs/wire-notes.md).
// Administrators with EDIT_POST_AND_COMMENT only.
func (s *PostsService) GetEditHistory(ctx context.Context, postID string, opts ...CallOption) (*EditHistoryPayload, error) {
	return editHistory(ctx, s.c, "Posts.GetEditHistory", EditHistoryPost, "postID", postID, opts)
}

// GetEditHistory returns the edit history of a comment: its versions, each with the content
// at that version and who edited it, when and why. GET
// /api/v1/content-histories?contentType=comment, with the comment's ID as contentId (see
// Posts.GetEditHistory). Administrators with EDIT_POST_AND_COMMENT only.
func (s *CommentsService) GetEditHistory(ctx context.Context, commentID string, opts ...CallOption) (*EditHistoryPayload, error) {
	return editHistory(ctx, s.c, "Comments.GetEditHistory", EditHistoryComment, "commentID", commentID, opts)
}
