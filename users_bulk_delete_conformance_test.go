package amity_test

import (
	"context"
	"strings"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Users.CreateBulkDeleteJob", Op: "POST /api/v1/users/bulk-delete/jobs",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Users.CreateBulkDeleteJob(ctx, &amity.CreateBulkDeleteJobParams{UserIDs: []string{"u1", "u2"}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Users.CreateBulkDeleteJob(ctx, &amity.CreateBulkDeleteJobParams{CSV: strings.NewReader("u1\nu2\n"),
					Options: &amity.DeleteUserParams{DeleteAll: amity.Ptr(true), MarkMessageDeleted: amity.Ptr(false),
						HardDeletePost: amity.Ptr(false), HardDeleteComment: amity.Ptr(false)}}))
			}},
		conformanceCase{Method: "Users.GetBulkDeleteJobs", Op: "GET /api/v1/users/bulk-delete/jobs",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Users.GetBulkDeleteJobs(ctx)) }},
		conformanceCase{Method: "Users.ListBlockersPage", Op: "GET /api/v4/me/blockers", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Users.ListBlockersPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Users.ListBlockersPage(ctx, &amity.ListBlockersParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}}))
			}},
		conformanceCase{Method: "Users.ListBlockers", Op: "GET /api/v4/me/blockers", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Users.ListBlockers(ctx, nil))) }},
		conformanceCase{Method: "Users.ListBlockersPages", Op: "GET /api/v4/me/blockers", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Users.ListBlockersPages(ctx, nil)))
			}},
	)
}
