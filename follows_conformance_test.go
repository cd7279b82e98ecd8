package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	full := &amity.ListFollowsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}, Status: amity.FollowFilterAccepted}
	registerConformance(
		conformanceCase{Method: "Follows.Follow", Op: "POST /api/v4/me/following/{userId}", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Follows.Follow(ctx, "u2")) }},
		conformanceCase{Method: "Follows.Unfollow", Op: "DELETE /api/v4/me/following/{userId}", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Follows.Unfollow(ctx, "u2")) }},
		conformanceCase{Method: "Follows.Accept", Op: "POST /api/v4/me/followers/{userId}", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Follows.Accept(ctx, "u2")) }},
		conformanceCase{Method: "Follows.RemoveFollower", Op: "DELETE /api/v4/me/followers/{userId}", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Follows.RemoveFollower(ctx, "u2")) }},
		conformanceCase{Method: "Follows.GetMyInfo", Op: "GET /api/v4/me/followInfo", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Follows.GetMyInfo(ctx)) }},
		conformanceCase{Method: "Follows.GetInfo", Op: "GET /api/v5/users/{userId}/followInfo",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Follows.GetInfo(ctx, "u2")) }},
		conformanceCase{Method: "Follows.V4.GetInfo", Op: "GET /api/v4/users/{userId}/followInfo",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Follows.V4.GetInfo(ctx, "u2")) }},
		conformanceCase{Method: "Follows.ListMyFollowersPage", Op: "GET /api/v4/me/followers", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Follows.ListMyFollowersPage(ctx, nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Follows.ListMyFollowersPage(ctx, full))
			}},
		conformanceCase{Method: "Follows.ListMyFollowingPage", Op: "GET /api/v4/me/following", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Follows.ListMyFollowingPage(ctx, nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Follows.ListMyFollowingPage(ctx, full))
			}},
		conformanceCase{Method: "Follows.ListFollowersPage", Op: "GET /api/v4/users/{userId}/followers",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Follows.ListFollowersPage(ctx, "u2", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Follows.ListFollowersPage(ctx, "u2", full))
			}},
		conformanceCase{Method: "Follows.ListFollowingPage", Op: "GET /api/v4/users/{userId}/following",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Follows.ListFollowingPage(ctx, "u2", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Follows.ListFollowingPage(ctx, "u2", full))
			}},
	)
}
