package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Ads.Get", Op: "GET /api/v1/ads/me",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Ads.Get(ctx)) }},
	)
}
