package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "CommunityCategories.Create", Op: "POST /api/v3/community-categories",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.CommunityCategories.Create(ctx, &amity.CreateCommunityCategoryParams{Name: "Books"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.CommunityCategories.Create(ctx, &amity.CreateCommunityCategoryParams{Name: "Books",
					Metadata: map[string]any{"icon": "book"}, AvatarFileID: "f1"}))
			}},
		conformanceCase{Method: "CommunityCategories.Get", Op: "GET /api/v3/community-categories/{categoryId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.CommunityCategories.Get(ctx, "cat1")) }},
		conformanceCase{Method: "CommunityCategories.GetMany", Op: "GET /api/v3/community-categories/list",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.CommunityCategories.GetMany(ctx, &amity.GetManyCommunityCategoriesParams{CategoryIDs: []string{"cat1", "cat2"}}))
			}},
		conformanceCase{Method: "CommunityCategories.ListPage", Op: "GET /api/v3/community-categories",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.CommunityCategories.ListPage(ctx, nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.CommunityCategories.ListPage(ctx, &amity.ListCommunityCategoriesParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
					SortBy: amity.CommunityCategorySortFirstCreated, IsDeleted: amity.Ptr(true)}))
			}},
		iteratorCase("CommunityCategories.ListPages", "GET /api/v3/community-categories", false, nil),
		conformanceCase{Method: "CommunityCategories.List", Op: "GET /api/v3/community-categories",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(drain(c.CommunityCategories.List(ctx, nil)))
			}},
		conformanceCase{Method: "CommunityCategories.Update", Op: "PUT /api/v3/community-categories/{categoryId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.CommunityCategories.Update(ctx, "cat1", &amity.UpdateCommunityCategoryParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.CommunityCategories.Update(ctx, "cat1", &amity.UpdateCommunityCategoryParams{Name: amity.Ptr("Novels"),
					Metadata: map[string]any{"icon": "book"}, AvatarFileID: amity.Ptr("f1")}))
			}},
		conformanceCase{Method: "CommunityCategories.Delete", Op: "DELETE /api/v3/community-categories/{categoryId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.CommunityCategories.Delete(ctx, "cat1") }},
	)
}
