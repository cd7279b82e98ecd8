package amity

// This file is the bulk read marker of chat channels: POST /api/v3/channels/seen.

import (
	"context"
	"fmt"
	"net/http"
)

// ChannelSeen is how far the caller has read one channel.
type ChannelSeen struct {
	// ChannelID (required, at most 128 characters) is the channel's ID.
	ChannelID string `json:"channelId"`
	// ReadToSegment (required, at least 1) is the segment of the last message read.
	ReadToSegment int64 `json:"readToSegment"`
}

// MarkManySeenParams are the channels of Channels.MarkManySeen.
type MarkManySeenParams struct {
	// Channels (at least one) are the channels read, each with its last segment read.
	Channels []ChannelSeen `json:"channels"`
}

// MarkManySeen marks several channels read by the calling user, each up to a segment (use a
// view from Client.AsUser), as the clients' read-receipt sync does; Channels.MarkSeen marks
// one. POST /api/v3/channels/seen. The
// API answers no body. Idempotent by construction (it sets read positions; a repeat leaves the
// same state), so it is retried like a read.
func (s *ChannelsService) MarkManySeen(ctx context.Context, params *MarkManySeenParams, opts ...CallOption) error {
	const op = "Channels.MarkManySeen"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	if len(params.Channels) == 0 {
		return &ValidationError{Op: op, Field: "Channels", Reason: "must not be empty"}
	}
	for i, ch := range params.Channels {
		field := fmt.Sprintf("Channels[%d]", i)
		if err := firstErr(
			required(op, field+".ChannelID", ch.ChannelID),
			maxLen(op, field+".ChannelID", ch.ChannelID, 128),
		); err != nil {
			return err
		}
		if ch.ReadToSegment < 1 {
			return &ValidationError{Op: op, Field: field + ".ReadToSegment", Reason: "must be at least 1"}
		}
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v3/channels/seen", body: params, idempotent: true,
		optionalAnswer: true, opts: opts}, nil)
}
