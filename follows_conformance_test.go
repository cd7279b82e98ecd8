package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	full := &amity.ListFollowsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}, Status: amity.FollowFilterAccepted}
	registerConformance(
		conformanceCase{Method: "Follows.Follow", Op: "POST /api/v4/me/following/{userId}", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { _, err := c.Follows.Follow(ctx, "u2"); return err }},
		conformanceCase{Method: "Follows.Unfollow", Op: "DELETE /api/v4/me/following/{userId}", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { _, err := c.Follows.Unfollow(ctx, "u2"); return err }},
		conformanceCase{Method: "Follows.Accept", Op: "POST /api/v4/me/followers/{userId}", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { _, err := c.Follows.Accept(ctx, "u2"); return err }},
		conformanceCase{Method: "Follows.RemoveFollower", Op: "DELETE /api/v4/me/followers/{userId}", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Follows.RemoveFollower(ctx, "u2")
				return err
			}},
		conformanceCase{Method: "Follows.GetMyInfo", Op: "GET /api/v4/me/followInfo", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { _, err := c.Follows.GetMyInfo(ctx); return err }},
		conformanceCase{Method: "Follows.GetInfo", Op: "GET /api/v5/users/{userId}/followInfo",
			Required: func(ctx context.Context, c *amity.Client) error { _, err := c.Follows.GetInfo(ctx, "u2"); return err }},
		conformanceCase{Method: "Follows.V4.GetInfo", Op: "GET /api/v4/users/{userId}/followInfo",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Follows.V4.GetInfo(ctx, "u2")
				return err
			}},
		conformanceCase{Method: "Follows.ListMyFollowersPage", Op: "GET /api/v4/me/followers", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Follows.ListMyFollowersPage(ctx, nil)
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Follows.ListMyFollowersPage(ctx, full)
				return err
			}},
		conformanceCase{Method: "Follows.ListMyFollowingPage", Op: "GET /api/v4/me/following", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Follows.ListMyFollowingPage(ctx, nil)
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Follows.ListMyFollowingPage(ctx, full)
				return err
			}},
		conformanceCase{Method: "Follows.ListFollowersPage", Op: "GET /api/v4/users/{userId}/followers",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Follows.ListFollowersPage(ctx, "u2", nil)
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Follows.ListFollowersPage(ctx, "u2", full)
				return err
			}},
		conformanceCase{Method: "Follows.ListFollowingPage", Op: "GET /api/v4/users/{userId}/following",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Follows.ListFollowingPage(ctx, "u2", nil)
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Follows.ListFollowingPage(ctx, "u2", full)
				return err
			}},
	)
}
