package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Search.SearchPostsPage", Op: "GET /api/v1/semantic-search/posts", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Search.SearchPostsPage(ctx, &amity.SearchPostsParams{Query: "hiking trips"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Search.SearchPostsPage(ctx, &amity.SearchPostsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}, Query: "hiking trips",
					TargetType: amity.SearchTargetCommunity, TargetID: "c1", DataTypes: []amity.SearchDataType{amity.SearchDataText, amity.SearchDataImage},
					Tags: []string{"outdoor", "travel"}, MatchingOnlyParentPost: amity.Ptr(false)}))
			}},
		conformanceCase{Method: "Search.SearchCommunitiesPage", Op: "GET /api/v1/semantic-search/communities", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Search.SearchCommunitiesPage(ctx, &amity.SearchCommunitiesParams{Query: "hiking"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Search.SearchCommunitiesPage(ctx, &amity.SearchCommunitiesParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}, Query: "hiking",
					Filter: amity.SearchNotMember, Tags: []string{"outdoor"}, CategoryIDs: []string{"cat1", "cat2"},
					IncludeDiscoverablePrivateCommunity: amity.Ptr(true)}))
			}},
	)
}
