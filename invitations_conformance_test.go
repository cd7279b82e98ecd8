package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Invitations.Create", Op: "POST /api/v1/invitations",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Invitations.Create(ctx, &amity.CreateInvitationsParams{TargetID: "c1", UserIDs: []string{"u1"}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Invitations.Create(ctx, &amity.CreateInvitationsParams{Type: amity.InvitationCommunityMember,
					TargetType: amity.InvitationTargetCommunity, TargetID: "c1", UserIDs: []string{"u1", "u2"}}))
			}},
		conformanceCase{Method: "Invitations.ListPage", Op: "GET /api/v1/invitations",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Invitations.ListPage(ctx, &amity.ListInvitationsParams{TargetID: "c1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Invitations.ListPage(ctx, &amity.ListInvitationsParams{PageParams: amity.PageParams{Limit: 10, PageToken: "tok"},
					Type: amity.InvitationCommunityMember, TargetType: amity.InvitationTargetCommunity, TargetID: "c1",
					Statuses: []amity.InvitationStatus{amity.InvitationPending, amity.InvitationRejected},
					SortBy:   amity.InvitationSortRespondedAt, Order: amity.InvitationSortAsc, Before: "65a0c0ffee", After: "659fc0ffee"}))
			}},
		conformanceCase{Method: "Invitations.List", Op: "GET /api/v1/invitations",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Invitations.List(ctx, &amity.ListInvitationsParams{TargetID: "c1"})))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Invitations.List(ctx, &amity.ListInvitationsParams{TargetID: "c1",
					Statuses: []amity.InvitationStatus{amity.InvitationApproved}, SortBy: amity.InvitationSortID, Order: amity.InvitationSortDesc})))
			}},
		conformanceCase{Method: "Invitations.ListPages", Op: "GET /api/v1/invitations",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Invitations.ListPages(ctx, &amity.ListInvitationsParams{TargetID: "c1"})))
			}},
		conformanceCase{Method: "Invitations.Count", Op: "GET /api/v1/invitations/count",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Invitations.Count(ctx, &amity.CountInvitationsParams{TargetID: "c1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Invitations.Count(ctx, &amity.CountInvitationsParams{Type: amity.InvitationCommunityMember,
					TargetType: amity.InvitationTargetCommunity, TargetID: "c1", Statuses: []amity.InvitationStatus{amity.InvitationCancelled}}))
			}},
		conformanceCase{Method: "Invitations.ListMinePage", Op: "GET /api/v1/invitations/me", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Invitations.ListMinePage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Invitations.ListMinePage(ctx, &amity.ListMyInvitationsParams{PageParams: amity.PageParams{Limit: 10, PageToken: "tok"},
					Type: amity.InvitationCommunityMember, TargetType: amity.InvitationTargetCommunity, TargetID: "c1",
					Before: "65a0c0ffee", After: "659fc0ffee"}))
			}},
		conformanceCase{Method: "Invitations.ListMine", Op: "GET /api/v1/invitations/me", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Invitations.ListMine(ctx, nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Invitations.ListMine(ctx, &amity.ListMyInvitationsParams{TargetType: amity.InvitationTargetCommunity, TargetID: "c1"})))
			}},
		conformanceCase{Method: "Invitations.ListMinePages", Op: "GET /api/v1/invitations/me", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Invitations.ListMinePages(ctx, nil)))
			}},
		conformanceCase{Method: "Invitations.Delete", Op: "DELETE /api/v1/invitations/{invitationId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Invitations.Delete(ctx, "inv1") }},
		conformanceCase{Method: "Invitations.Accept", Op: "POST /api/v1/invitations/{invitationId}/accept", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return c.Invitations.Accept(ctx, "inv1") }},
		conformanceCase{Method: "Invitations.Reject", Op: "POST /api/v1/invitations/{invitationId}/reject", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return c.Invitations.Reject(ctx, "inv1") }},
		conformanceCase{Method: "Invitations.Resend", Op: "POST /api/v1/invitations/{invitationId}/resend",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Invitations.Resend(ctx, "inv1", &amity.ResendInvitationParams{CommunityID: "c1"})
			}},
	)
}
