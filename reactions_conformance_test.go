package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Reactions.Add", Op: "POST /api/v2/reactions", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reactions.Add(ctx, &amity.ReactionParams{ReferenceID: "p1", ReferenceType: amity.ReactionOnPost, ReactionName: "like"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reactions.Add(ctx, &amity.ReactionParams{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage,
					ReactionName: "love", ReferenceVersion: amity.Ptr(2)}))
			}},
		conformanceCase{Method: "Reactions.Remove", Op: "DELETE /api/v2/reactions", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reactions.Remove(ctx, &amity.ReactionParams{ReferenceID: "p1", ReferenceType: amity.ReactionOnPost}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reactions.Remove(ctx, &amity.ReactionParams{ReferenceID: "cm1", ReferenceType: amity.ReactionOnComment,
					ReactionName: "like", ReferenceVersion: amity.Ptr(2)}))
			}},
		conformanceCase{Method: "Reactions.ListPage", Op: "GET /api/v3/reactions",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reactions.ListPage(ctx, &amity.ListReactionsParams{ReferenceID: "p1", ReferenceType: amity.ReactionOnPost}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reactions.ListPage(ctx, &amity.ListReactionsParams{PageParams: amity.PageParams{Limit: 50, PageToken: "tok"},
					ReferenceID: "s1", ReferenceType: amity.ReactionOnStory, ReferenceVersion: amity.Ptr(1), ReactionName: "like"}))
			}},
		conformanceCase{Method: "Reactions.List", Op: "GET /api/v3/reactions",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Reactions.List(ctx, &amity.ListReactionsParams{ReferenceID: "p1", ReferenceType: amity.ReactionOnPost})))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Reactions.List(ctx, &amity.ListReactionsParams{PageParams: amity.PageParams{Limit: 50, PageToken: "tok"},
					ReferenceID: "p1", ReferenceType: amity.ReactionOnPost, ReferenceVersion: amity.Ptr(1), ReactionName: "like"})))
			}},
		conformanceCase{Method: "Reactions.ListPages", Op: "GET /api/v3/reactions",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Reactions.ListPages(ctx, &amity.ListReactionsParams{ReferenceID: "p1", ReferenceType: amity.ReactionOnPost})))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Reactions.ListPages(ctx, &amity.ListReactionsParams{PageParams: amity.PageParams{Limit: 50, PageToken: "tok"},
					ReferenceID: "p1", ReferenceType: amity.ReactionOnPost, ReferenceVersion: amity.Ptr(1), ReactionName: "like"})))
			}},
		conformanceCase{Method: "Reactions.V2.ListPage", Op: "GET /api/v2/reactions",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reactions.V2.ListPage(ctx, &amity.V2ListReactionsParams{ReferenceID: "p1", ReferenceType: amity.ReactionOnPost}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reactions.V2.ListPage(ctx, &amity.V2ListReactionsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
					ReferenceID: "cm1", ReferenceType: amity.ReactionOnComment, ReactionName: "like", Skip: 20}))
			}},
		conformanceCase{Method: "Reactions.V2.ListPages", Op: "GET /api/v2/reactions",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Reactions.V2.ListPages(ctx, &amity.V2ListReactionsParams{ReferenceID: "p1", ReferenceType: amity.ReactionOnPost})))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Reactions.V2.ListPages(ctx, &amity.V2ListReactionsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
					ReferenceID: "cm1", ReferenceType: amity.ReactionOnComment, ReactionName: "like", Skip: 20})))
			}},
		conformanceCase{Method: "Reactions.V2.List", Op: "GET /api/v2/reactions",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Reactions.V2.List(ctx, &amity.V2ListReactionsParams{ReferenceID: "p1", ReferenceType: amity.ReactionOnPost})))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Reactions.V2.List(ctx, &amity.V2ListReactionsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
					ReferenceID: "cm1", ReferenceType: amity.ReactionOnComment, ReactionName: "like", Skip: 20})))
			}},
		conformanceCase{Method: "Reactions.GetMostReactedMessages", Op: "GET /api/v2/reactions/messages/most",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reactions.GetMostReactedMessages(ctx, nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reactions.GetMostReactedMessages(ctx, &amity.GetMostReactedMessagesParams{Limit: 5, ReactionName: "like"}))
			}},
	)
}
