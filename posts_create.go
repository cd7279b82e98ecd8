package amity

// This file holds the creation of posts: CreatePostParams, its checks and Posts.Create.

import (
	"context"
	"encoding/json"
	"net/http"
)

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

	// Hashtags: at most 30, each at most 100 characters.
	Hashtags []string `json:"hashtags,omitempty"`
	// Links are the links in the text, with their preview (at most 100).
	Links []PostLink `json:"links,omitempty"`
	// IsDiscoverable controls whether the post shows up in search and hashtag feeds (the
	// server's default is true).
	IsDiscoverable *bool `json:"isDiscoverable,omitempty"`
	// EventID attaches a room post to an event (at most 24 characters).
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

	// Title is the post's title (at most 150 characters). FileID is the file of a
	// file-backed post; RoomID the live room of a room post (DataType room needs it); at most
	// 100 characters each.
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
	// DisplayMode (fill or fit, the server's default) and IsMuted (default false) set how a
	// clip is shown.
	DisplayMode *string `json:"displayMode,omitempty"`
	IsMuted     *bool   `json:"isMuted,omitempty"`
}

// PostLink is a link in a post's text and its preview.
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
		postsCheckHashtags(op, p.Hashtags),
		postsCheckLinks(op, p.Links),
		maxItems(op, "Mentionees", len(p.Mentionees), postsMaxMentionees),
		checkMentionees(op, p.Mentionees),
		maxLen(op, "EventID", p.EventID, postsMaxEventID),
	}
	if p.TargetType == PostTargetCommunity || p.TargetType == PostTargetContent {
		checks = append(checks, required(op, "TargetID", p.TargetID))
	}
	if d := p.Data; d != nil {
		checks = append(checks, maxLen(op, "Data.Text", d.Text, postsMaxText), maxLen(op, "Data.Title", d.Title, postsMaxTitle),
			maxLen(op, "Data.FileID", d.FileID, postsMaxDataFileLen), maxLen(op, "Data.RoomID", d.RoomID, postsMaxDataFileLen))
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

// postsCheckHashtags checks the hashtags of a post: at most postsMaxHashtags of at most
// postsMaxHashtagLen characters.
func postsCheckHashtags(op string, hashtags []string) error {
	if err := maxItems(op, "Hashtags", len(hashtags), postsMaxHashtags); err != nil {
		return err
	}
	for _, h := range hashtags {
		if err := maxLen(op, "Hashtags[]", h, postsMaxHashtagLen); err != nil {
			return err
		}
	}
	return nil
}

// postsCheckLinks checks the links of a post: at most postsMaxLinks, each with a URL.
func postsCheckLinks(op string, links []PostLink) error {
	if err := maxItems(op, "Links", len(links), postsMaxLinks); err != nil {
		return err
	}
	for _, l := range links {
		if err := required(op, "Links[].URL", l.URL); err != nil {
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
