package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Posts.GetEditHistory", Op: "GET /api/v1/content-histories",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.GetEditHistory(ctx, "p1")) }},
		conformanceCase{Method: "Comments.GetEditHistory", Op: "GET /api/v1/content-histories",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Comments.GetEditHistory(ctx, "cm1")) }},
	)
}
