package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "PinnedPosts.Pin", Op: "POST /api/v1/pinned-posts/communities/{communityId}/{placement}/{postId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.PinnedPosts.Pin(ctx, "c1", "p1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.PinnedPosts.Pin(ctx, "c1", "p1", &amity.PinParams{Placement: amity.PinAnnouncement}))
			}},
		conformanceCase{Method: "PinnedPosts.Unpin", Op: "DELETE /api/v1/pinned-posts/communities/{communityId}/{placement}/{postId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.PinnedPosts.Unpin(ctx, "c1", "p1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.PinnedPosts.Unpin(ctx, "c1", "p1", &amity.PinParams{Placement: amity.PinAnnouncement}))
			}},
		conformanceCase{Method: "PinnedPosts.GetCommunity", Op: "GET /api/v1/pinned-posts/communities/{communityId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.PinnedPosts.GetCommunity(ctx, "c1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.PinnedPosts.GetCommunity(ctx, "c1", &amity.GetCommunityPinsParams{Order: amity.PinOrderAsc}))
			}},
		conformanceCase{Method: "PinnedPosts.GetCommunity", Op: "GET /api/v1/pinned-posts/communities/{communityId}/{placement}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.PinnedPosts.GetCommunity(ctx, "c1", &amity.GetCommunityPinsParams{Placement: amity.PinDefault}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.PinnedPosts.GetCommunity(ctx, "c1", &amity.GetCommunityPinsParams{Placement: amity.PinAnnouncement, Order: amity.PinOrderDesc}))
			}},
		conformanceCase{Method: "PinnedPosts.ClearCommunity", Op: "DELETE /api/v1/pinned-posts/communities/{communityId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.PinnedPosts.ClearCommunity(ctx, "c1", nil) }},
		conformanceCase{Method: "PinnedPosts.ClearCommunity", Op: "DELETE /api/v1/pinned-posts/communities/{communityId}/{placement}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.PinnedPosts.ClearCommunity(ctx, "c1", &amity.ClearCommunityParams{Placement: amity.PinAnnouncement})
			}},
		conformanceCase{Method: "PinnedPosts.PinGlobal", Op: "POST /api/v1/pinned-posts/global/{postId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.PinnedPosts.PinGlobal(ctx, "p1")) }},
		conformanceCase{Method: "PinnedPosts.UnpinGlobal", Op: "DELETE /api/v1/pinned-posts/global/{postId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.PinnedPosts.UnpinGlobal(ctx, "p1")) }},
		conformanceCase{Method: "PinnedPosts.GetGlobal", Op: "GET /api/v1/pinned-posts/global",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.PinnedPosts.GetGlobal(ctx)) }},
		conformanceCase{Method: "PinnedPosts.ClearGlobal", Op: "DELETE /api/v1/pinned-posts/global",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.PinnedPosts.ClearGlobal(ctx)) }},
	)
}
