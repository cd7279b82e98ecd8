package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	required := &amity.SearchMessagesParams{Query: "lunch"}
	full := func() *amity.SearchMessagesParams {
		return &amity.SearchMessagesParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}, Query: "lunch plans",
			ExactMatch: amity.Ptr(true), ChannelID: "ch1", MessageFeedID: "mf1", UserIDs: []string{"u1", "u2"},
			Types: []amity.MessageDataType{amity.MessageDataTypeText, amity.MessageDataTypeImage}, Tags: []string{"team"},
			SortBy: amity.MessageSearchByRelevance, OrderBy: amity.MessageSearchAsc}
	}
	registerConformance(
		conformanceCase{Method: "Messages.SearchPage", Op: "GET /api/v2/search/messages",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Messages.SearchPage(ctx, required)) },
			Full:     func(ctx context.Context, c *amity.Client) error { return errOf(c.Messages.SearchPage(ctx, full())) }},
		conformanceCase{Method: "Messages.Search", Op: "GET /api/v2/search/messages",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Messages.Search(ctx, required)))
			},
			Full: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Messages.Search(ctx, full()))) }},
		conformanceCase{Method: "Messages.SearchPages", Op: "GET /api/v2/search/messages",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Messages.SearchPages(ctx, required)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Messages.SearchPages(ctx, full())))
			}},
	)
}
