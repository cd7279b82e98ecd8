package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Sessions.CreateAdminToken", Op: "POST /api/v1/admin-token",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Sessions.CreateAdminToken(ctx)) }},
	)
}
