package amity

// This file holds the review and flag calls of posts; posts.go the entity, params and other calls.

import (
	"context"
	"net/http"
)

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

// FlagReason is why content is flagged (reported). The constants are the reasons the API's
// clients offer (ContentFlagReasonEnum); another is sent as given. The clients send
// FlagReasonOthers with the reason in the detail when the user wrote their own.
type FlagReason string

// Flag reasons.
const (
	FlagReasonCommunityGuidelines   FlagReason = "Against community guidelines"
	FlagReasonHarassmentOrBullying  FlagReason = "Harassment or bullying"
	FlagReasonSelfHarmOrSuicide     FlagReason = "Self-harm or suicide"
	FlagReasonViolence              FlagReason = "Violence or threatening content"
	FlagReasonRestrictedItems       FlagReason = "Selling and promoting restricted items"
	FlagReasonSexualContentOrNudity FlagReason = "Sexual content or nudity"
	FlagReasonSpamOrScams           FlagReason = "Spam or scams"
	FlagReasonFalseInformation      FlagReason = "False information or misinformation"
	FlagReasonOthers                FlagReason = "Others"
)

// FlagPostParams is the body of Posts.Flag.
type FlagPostParams struct {
	// Reason is why the post is flagged (at most 300 characters); empty leaves it to the
	// server, which records Others.
	Reason FlagReason `json:"reason,omitempty"`
	// Detail is more about it, e.g. the user's own words (at most 300 characters).
	Detail string `json:"detail,omitempty"`
}

// Flag reports a post as the calling user (use a view from Client.AsUser) and returns it.
// POST /api/v3/posts/{postId}/flag, with the body spec 4.116.1 requires (an empty object when
// params is nil). Not retried once it may have reached the server.
func (s *PostsService) Flag(ctx context.Context, postID string, params *FlagPostParams, opts ...CallOption) (*PostPayload, error) {
	const op = "Posts.Flag"
	params = orZero(params)
	if err := firstErr(maxLen(op, "Reason", string(params.Reason), postsMaxReason), maxLen(op, "Detail", params.Detail, postsMaxReason)); err != nil {
		return nil, err
	}
	return s.onPost(ctx, postID, &request{op: op, method: http.MethodPost, path: "/api/v3/posts/%s/flag", body: params, opts: opts})
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
