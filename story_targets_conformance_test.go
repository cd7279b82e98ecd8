package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	targets := []amity.StoryRef{{TargetType: amity.StoryTargetCommunity, TargetID: "c1"}, {TargetType: amity.StoryTargetUser, TargetID: "u1"}}
	registerConformance(
		conformanceCase{Method: "Stories.ListByTargetsPage", Op: "GET /api/v4/stories-by-targets",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Stories.ListByTargetsPage(ctx, &amity.ListStoriesByTargetsParams{Targets: targets[:1]}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Stories.ListByTargetsPage(ctx, &amity.ListStoriesByTargetsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
					Targets: targets, Order: amity.StoryOrderDesc}))
			}},
		conformanceCase{Method: "Stories.GetTargets", Op: "GET /api/v4/stories/seen", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Stories.GetTargets(ctx, &amity.GetTargetsParams{Targets: targets}))
			}},
		conformanceCase{Method: "Stories.ListGlobalTargetsPage", Op: "GET /api/v5/me/global-story-targets", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Stories.ListGlobalTargetsPage(ctx, nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Stories.ListGlobalTargetsPage(ctx, &amity.ListGlobalTargetsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}, SeenState: amity.StorySeenAll}))
			}},
	)
}
