package amity_test

import (
	"context"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Reactions.SendLive", Op: "POST /api/v1/reactions/live", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reactions.SendLive(ctx, &amity.SendLiveReactionsParams{RoomID: "r1",
					Reactions: []amity.LiveReactionParams{{ReferencePublicID: "p1", ReactionName: "like"}}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reactions.SendLive(ctx, &amity.SendLiveReactionsParams{StreamID: "s1",
					Reactions: []amity.LiveReactionParams{{ReferencePublicID: "p1", ReferenceID: "65a0c0ffee65a0c0ffee65a0",
						ReferenceType: amity.ReactionOnPost, ReactionName: "love", UserID: "conformance-user",
						OccurredAt: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)}}}))
			}},
	)
}
