package amity

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// This file holds the live reactions of ReactionsService: reactions sent to a room or live
// stream while it broadcasts, shown to its viewers as they come (they are not kept on the
// post like the reactions of Reactions.Add).

// LiveReaction is one live reaction, as the API processed it.
type LiveReaction struct {
	// UserID is the public ID of the user who reacted.
	UserID string `json:"userId,omitempty"`
	// LiveStreamID is the stream reacted to.
	LiveStreamID string `json:"liveStreamId,omitempty"`
	// TargetID and TargetType are the user or community the stream's post is in.
	TargetID   string           `json:"targetId,omitempty"`
	TargetType StreamTargetType `json:"targetType,omitempty"`
	// ReferencePublicID and ReferenceID are the public and internal IDs of the post reacted
	// to; ReferenceType is post.
	ReferencePublicID string                `json:"referencePublicId,omitempty"`
	ReferenceID       string                `json:"referenceId,omitempty"`
	ReferenceType     ReactionReferenceType `json:"referenceType,omitempty"`
	ReactionName      string                `json:"reactionName,omitempty"`
	// OccurredAt is when the user reacted.
	OccurredAt Time `json:"occurredAt"`
}

// LiveReactionsPayload is the answer of Reactions.SendLive (202 Accepted): the reactions as
// processed.
type LiveReactionsPayload struct {
	rawJSON
	// LiveStreamID is the stream reacted to.
	LiveStreamID string `json:"liveStreamId"`
	// Reactions are the processed reactions.
	Reactions []LiveReaction `json:"reactions"`
	// AddedIDs are the IDs of the added reactions, which the vendor's clients read; the spec
	// does not list them.
	AddedIDs []string `json:"addedIds"`
}

// LiveReactionParams is one live reaction of Reactions.SendLive.
type LiveReactionParams struct {
	// ReferencePublicID is the public ID of the room's or stream's post (what the vendor's
	// clients send); ReferenceID its internal ID. One of them is required.
	ReferencePublicID string
	ReferenceID       string
	// ReferenceType is what is reacted to: post (ReactionOnPost), which empty stands for.
	ReferenceType ReactionReferenceType
	// ReactionName (required) is the reaction, e.g. "like" (at most 100 characters).
	ReactionName string
	// OccurredAt is when the user reacted; the zero time sends the time of the call, as the
	// vendor's clients do.
	OccurredAt time.Time
	// UserID is the public ID of the user who reacted; the API takes the caller when it is
	// empty.
	UserID string
}

// liveReactionWire is a LiveReactionParams as sent.
type liveReactionWire struct {
	UserID            string                `json:"userId,omitempty"`
	ReferenceID       string                `json:"referenceId,omitempty"`
	ReferencePublicID string                `json:"referencePublicId,omitempty"`
	ReferenceType     ReactionReferenceType `json:"referenceType"`
	ReactionName      string                `json:"reactionName"`
	OccurredAt        string                `json:"occurredAt"`
}

// SendLiveReactionsParams is the body of Reactions.SendLive: reactions to one room or one
// live stream (set one of RoomID and StreamID).
type SendLiveReactionsParams struct {
	// RoomID is the room reacted to (at most 50 characters).
	RoomID string
	// StreamID is the live stream reacted to (sent as liveStreamId, at most 50 characters).
	StreamID string
	// Reactions (required) are the reactions, at least one.
	Reactions []LiveReactionParams
}

// sendLiveReactionsBody is the body of Reactions.SendLive: the spec's reactions, with the
// room or stream the vendor's clients name beside them (docs/wire-notes.md).
type sendLiveReactionsBody struct {
	RoomID       string             `json:"roomId,omitempty"`
	LiveStreamID string             `json:"liveStreamId,omitempty"`
	Reactions    []liveReactionWire `json:"reactions"`
}

func (p *SendLiveReactionsParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	switch {
	case p.RoomID == "" && p.StreamID == "":
		return &ValidationError{Op: op, Field: "RoomID", Reason: "or StreamID is required"}
	case p.RoomID != "" && p.StreamID != "":
		return &ValidationError{Op: op, Field: "StreamID", Reason: "must not be set with RoomID"}
	}
	if err := firstErr(maxLen(op, "RoomID", p.RoomID, 50), maxLen(op, "StreamID", p.StreamID, 50)); err != nil {
		return err
	}
	if len(p.Reactions) == 0 {
		return &ValidationError{Op: op, Field: "Reactions", Reason: "must hold at least 1 reaction"}
	}
	for i, r := range p.Reactions {
		field := fmt.Sprintf("Reactions[%d]", i)
		if r.ReferencePublicID == "" && r.ReferenceID == "" {
			return &ValidationError{Op: op, Field: field + ".ReferencePublicID", Reason: "or ReferenceID is required"}
		}
		if err := firstErr(
			required(op, field+".ReactionName", r.ReactionName),
			maxLen(op, field+".ReactionName", r.ReactionName, 100),
		); err != nil {
			return err
		}
	}
	return nil
}

// body is the request body of params, with the zero OccurredAt times set to now.
func (p *SendLiveReactionsParams) body(now time.Time) *sendLiveReactionsBody {
	out := &sendLiveReactionsBody{RoomID: p.RoomID, LiveStreamID: p.StreamID, Reactions: make([]liveReactionWire, len(p.Reactions))}
	for i, r := range p.Reactions {
		at := r.OccurredAt
		if at.IsZero() {
			at = now
		}
		typ := r.ReferenceType
		if typ == "" {
			typ = ReactionOnPost
		}
		out.Reactions[i] = liveReactionWire{
			UserID: r.UserID, ReferenceID: r.ReferenceID, ReferencePublicID: r.ReferencePublicID, ReferenceType: typ,
			ReactionName: r.ReactionName, OccurredAt: at.UTC().Format("2006-01-02T15:04:05.000Z07:00"),
		}
	}
	return out
}

// SendLive sends the calling user's live reactions to a room or a live stream, shown to its
// viewers as they come, and returns them as the API processed them. POST
// /api/v1/reactions/live (answered 202). Call it on the viewer's view (Client.AsUser). Not
// retried once it may have reached the server (a repeat would show the reactions twice).
func (s *ReactionsService) SendLive(ctx context.Context, params *SendLiveReactionsParams, opts ...CallOption) (*LiveReactionsPayload, error) {
	const op = "Reactions.SendLive"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	r := &request{op: op, method: http.MethodPost, path: "/api/v1/reactions/live", body: params.body(time.Now()), opts: opts}
	return call[LiveReactionsPayload](ctx, s.c, r)
}
