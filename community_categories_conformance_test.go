package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "CommunityCategories.Create", Op: "POST /api/v3/community-categories",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.CommunityCategories.Create(ctx, &amity.CreateCommunityCategoryParams{Name: "Books"})
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.CommunityCategories.Create(ctx, &amity.CreateCommunityCategoryParams{Name: "Books",
					Metadata: map[string]any{"icon": "book"}, AvatarFileID: "f1"})
				return err
			}},
		conformanceCase{Method: "CommunityCategories.Get", Op: "GET /api/v3/community-categories/{categoryId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.CommunityCategories.Get(ctx, "cat1")
				return err
			}},
		conformanceCase{Method: "CommunityCategories.GetMany", Op: "GET /api/v3/community-categories/list",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.CommunityCategories.GetMany(ctx, &amity.GetManyCommunityCategoriesParams{CategoryIDs: []string{"cat1", "cat2"}})
				return err
			}},
		conformanceCase{Method: "CommunityCategories.ListPage", Op: "GET /api/v3/community-categories",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.CommunityCategories.ListPage(ctx, nil)
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.CommunityCategories.ListPage(ctx, &amity.ListCommunityCategoriesParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
					SortBy: amity.CommunityCategorySortFirstCreated, IsDeleted: amity.Ptr(true)})
				return err
			}},
		conformanceCase{Method: "CommunityCategories.ListPages", Op: "GET /api/v3/community-categories",
			Required: func(ctx context.Context, c *amity.Client) error {
				for _, err := range c.CommunityCategories.ListPages(ctx, nil) {
					if err != nil {
						return err
					}
					break // one page: the synthesized answer repeats its cursor
				}
				return nil
			}},
		conformanceCase{Method: "CommunityCategories.List", Op: "GET /api/v3/community-categories",
			Required: func(ctx context.Context, c *amity.Client) error {
				for _, err := range c.CommunityCategories.List(ctx, nil) {
					if err != nil {
						return err
					}
				}
				return nil
			}},
		conformanceCase{Method: "CommunityCategories.Update", Op: "PUT /api/v3/community-categories/{categoryId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.CommunityCategories.Update(ctx, "cat1", &amity.UpdateCommunityCategoryParams{})
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.CommunityCategories.Update(ctx, "cat1", &amity.UpdateCommunityCategoryParams{Name: amity.Ptr("Novels"),
					Metadata: map[string]any{"icon": "book"}, AvatarFileID: amity.Ptr("f1")})
				return err
			}},
		conformanceCase{Method: "CommunityCategories.Delete", Op: "DELETE /api/v3/community-categories/{categoryId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.CommunityCategories.Delete(ctx, "cat1") }},
	)
}
