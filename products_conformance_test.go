package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	const jobID = "65a0c0ffee65a0c0ffee65a0"
	fullCreate := &amity.CreateProductParams{ProductID: "sku-1", ProductName: "Mug", ProductURL: "https://shop.example/mug",
		Status: amity.ProductActive, Price: amity.Ptr(12.5), Currency: "EUR", ThumbnailURL: "https://shop.example/mug.png",
		ThumbnailMode: amity.ProductThumbnailFill}
	fullUpdate := &amity.UpdateProductParams{ProductName: amity.Ptr("Big mug"), ProductURL: amity.Ptr("https://shop.example/big-mug"),
		Status: amity.ProductArchived, Price: amity.Ptr(15.0), Currency: amity.Ptr("USD"),
		ThumbnailURL: amity.Ptr("https://shop.example/big-mug.png"), ThumbnailMode: amity.ProductThumbnailFit}
	fullList := &amity.ListProductsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}, IsActive: amity.Ptr(true),
		IsDeleted: amity.Ptr(false), SortBy: amity.ProductSortProductName, SortOrder: amity.ProductSortAsc}
	fullSearch := &amity.SearchProductsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}, Keyword: "mug",
		IsActive: amity.Ptr(true), IsDeleted: amity.Ptr(false), SortBy: amity.ProductSortUpdatedAt, SortOrder: amity.ProductSortDesc}
	fullJobs := &amity.ListBulkJobsParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
		Statuses: []amity.BulkJobStatus{amity.BulkJobPending, amity.BulkJobDone}, SortBy: amity.ProductSortCreatedAt, SortOrder: amity.ProductSortAsc}
	registerConformance(
		conformanceCase{Method: "Products.Create", Op: "POST /api/v1/products",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Products.Create(ctx, &amity.CreateProductParams{ProductID: "sku-1", ProductName: "Mug",
					ProductURL: "https://shop.example/mug", Status: amity.ProductActive}))
			},
			Full: func(ctx context.Context, c *amity.Client) error { return errOf(c.Products.Create(ctx, fullCreate)) }},
		conformanceCase{Method: "Products.Get", Op: "GET /api/v1/products/{productId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Products.Get(ctx, "sku-1")) }},
		conformanceCase{Method: "Products.Update", Op: "PUT /api/v1/products/{productId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Products.Update(ctx, "sku-1", &amity.UpdateProductParams{Status: amity.ProductArchived}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Products.Update(ctx, "sku-1", fullUpdate))
			}},
		conformanceCase{Method: "Products.Delete", Op: "DELETE /api/v1/products",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Products.Delete(ctx, &amity.DeleteProductsParams{ProductIDs: []string{"sku-1"}})
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Products.Delete(ctx, &amity.DeleteProductsParams{ProductIDs: []string{"sku-1", "sku-2"}})
			}},
		conformanceCase{Method: "Products.ListPage", Op: "GET /api/v1/products",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Products.ListPage(ctx, nil)) },
			Full:     func(ctx context.Context, c *amity.Client) error { return errOf(c.Products.ListPage(ctx, fullList)) }},
		conformanceCase{Method: "Products.List", Op: "GET /api/v1/products",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Products.List(ctx, nil))) },
			Full:     func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Products.List(ctx, fullList))) }},
		conformanceCase{Method: "Products.ListPages", Op: "GET /api/v1/products",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Products.ListPages(ctx, nil))) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Products.ListPages(ctx, fullList)))
			}},
		conformanceCase{Method: "Products.SearchPage", Op: "GET /api/v1/products/search", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Products.SearchPage(ctx, nil)) },
			Full:     func(ctx context.Context, c *amity.Client) error { return errOf(c.Products.SearchPage(ctx, fullSearch)) }},
		conformanceCase{Method: "Products.Search", Op: "GET /api/v1/products/search", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Products.Search(ctx, nil))) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Products.Search(ctx, fullSearch)))
			}},
		conformanceCase{Method: "Products.SearchPages", Op: "GET /api/v1/products/search", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Products.SearchPages(ctx, nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Products.SearchPages(ctx, fullSearch)))
			}},
		conformanceCase{Method: "Products.Count", Op: "GET /api/v1/products/count",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Products.Count(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Products.Count(ctx, &amity.CountProductsParams{Keyword: "mug", IsActive: amity.Ptr(true), IsDeleted: amity.Ptr(false)}))
			}},
		conformanceCase{Method: "Products.GetMany", Op: "GET /api/v1/products/list",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Products.GetMany(ctx, &amity.GetManyProductsParams{ProductIDs: []string{"sku-1"}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Products.GetMany(ctx, &amity.GetManyProductsParams{ProductIDs: []string{"sku-1", "sku-2"}}))
			}},
		conformanceCase{Method: "Products.DownloadBulkSample", Op: "GET /api/v1/products/bulk/sample",
			Required: func(ctx context.Context, c *amity.Client) error { return readAll(c.Products.DownloadBulkSample(ctx)) }},
		conformanceCase{Method: "Products.CreateBulkJob", Op: "POST /api/v1/products/bulk/jobs",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Products.CreateBulkJob(ctx, &amity.CreateBulkJobParams{FileID: "f1"}))
			}},
		conformanceCase{Method: "Products.GetBulkJob", Op: "GET /api/v1/products/bulk/jobs/{jobId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Products.GetBulkJob(ctx, jobID)) }},
		conformanceCase{Method: "Products.StartBulkJob", Op: "POST /api/v1/products/bulk/jobs/{jobId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Products.StartBulkJob(ctx, jobID, &amity.StartBulkJobParams{Operation: amity.BulkJobInsert}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Products.StartBulkJob(ctx, jobID, &amity.StartBulkJobParams{Operation: amity.BulkJobUpdate}))
			}},
		conformanceCase{Method: "Products.ListBulkJobsPage", Op: "GET /api/v1/products/bulk/jobs",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Products.ListBulkJobsPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Products.ListBulkJobsPage(ctx, fullJobs))
			}},
		conformanceCase{Method: "Products.ListBulkJobs", Op: "GET /api/v1/products/bulk/jobs",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Products.ListBulkJobs(ctx, nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Products.ListBulkJobs(ctx, fullJobs)))
			}},
		conformanceCase{Method: "Products.ListBulkJobsPages", Op: "GET /api/v1/products/bulk/jobs",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Products.ListBulkJobsPages(ctx, nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Products.ListBulkJobsPages(ctx, fullJobs)))
			}},
	)
}
