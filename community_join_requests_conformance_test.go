package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Communities.CreateJoinRequest", Op: "POST /api/v4/communities/{communityId}/join", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.CreateJoinRequest(ctx, "c1"))
			}},
		conformanceCase{Method: "Communities.DeleteJoinRequest", Op: "DELETE /api/v4/communities/{communityId}/join", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return c.Communities.DeleteJoinRequest(ctx, "c1") }},
		conformanceCase{Method: "Communities.ListJoinRequestsPage", Op: "GET /api/v4/communities/{communityId}/join",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.ListJoinRequestsPage(ctx, "c1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.ListJoinRequestsPage(ctx, "c1", &amity.ListJoinRequestsParams{PageParams: amity.PageParams{Limit: 10, PageToken: "tok"},
					Statuses: []amity.CommunityJoinRequestStatus{amity.CommunityJoinRequestPending, amity.CommunityJoinRequestRejected},
					SortBy:   amity.CommunityJoinRequestSortRespondedAt, Order: amity.CommunityJoinRequestDesc}))
			}},
		conformanceCase{Method: "Communities.ListJoinRequests", Op: "GET /api/v4/communities/{communityId}/join",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Communities.ListJoinRequests(ctx, "c1", nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Communities.ListJoinRequests(ctx, "c1", &amity.ListJoinRequestsParams{
					Statuses: []amity.CommunityJoinRequestStatus{amity.CommunityJoinRequestApproved},
					SortBy:   amity.CommunityJoinRequestSortID, Order: amity.CommunityJoinRequestAsc})))
			}},
		conformanceCase{Method: "Communities.ListJoinRequestsPages", Op: "GET /api/v4/communities/{communityId}/join",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Communities.ListJoinRequestsPages(ctx, "c1", nil)))
			}},
		conformanceCase{Method: "Communities.CountJoinRequests", Op: "GET /api/v4/communities/{communityId}/join/count",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.CountJoinRequests(ctx, "c1"))
			}},
		conformanceCase{Method: "Communities.GetMyJoinRequest", Op: "GET /api/v4/communities/{communityId}/join/me", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.GetMyJoinRequest(ctx, "c1"))
			}},
		conformanceCase{Method: "Communities.GetLatestJoinRequests", Op: "GET /api/v4/communities/{communityId}/join/requests", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.GetLatestJoinRequests(ctx, "c1"))
			}},
		conformanceCase{Method: "Communities.ApproveJoinRequest", Op: "POST /api/v4/communities/{communityId}/join/approve",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Communities.ApproveJoinRequest(ctx, "c1", &amity.CommunityJoinRequestParams{UserID: "u1"})
			}},
		conformanceCase{Method: "Communities.RejectJoinRequest", Op: "POST /api/v4/communities/{communityId}/join/reject",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Communities.RejectJoinRequest(ctx, "c1", &amity.CommunityJoinRequestParams{UserID: "u1"})
			}},
	)
}
