package amity_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/amity-go/amity"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testJobID = "65a0c0ffee65a0c0ffee00c1"

func TestProductsCreate(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v1/products", fixture(t, "products_product.json"), 503, 200)
	params := &amity.CreateProductParams{ProductID: "sku-mug", ProductName: "Mug", ProductURL: "https://shop.example/mug",
		Status: amity.ProductActive, Price: amity.Ptr(0.0), Currency: "EUR", ThumbnailURL: "https://shop.example/mug.png",
		ThumbnailMode: amity.ProductThumbnailFill}
	_, err := c.Products.Create(context.Background(), params)
	require.Error(t, err)
	assert.Len(t, rec.all(), 1, "a create is not retried after a 503")

	out, err := c.Products.Create(context.Background(), params)
	require.NoError(t, err)
	assert.JSONEq(t, `{"productId":"sku-mug","productName":"Mug","productUrl":"https://shop.example/mug","status":"active","price":0,
		"currency":"EUR","thumbnailUrl":"https://shop.example/mug.png","thumbnailMode":"fill"}`, rec.last(t).Body, "a price of 0 is sent")
	assert.Equal(t, "success", out.Status)
	p := out.Product()
	require.NotNil(t, p)
	assert.Equal(t, amity.Product{ProductID: "sku-mug", NetworkID: "net-1", ProductName: "Mug", ProductURL: "https://shop.example/mug",
		Status: amity.ProductActive, Price: amity.Ptr(12.5), Currency: "EUR", ThumbnailURL: "https://shop.example/mug.png",
		ThumbnailMode: amity.ProductThumbnailFill, ImportSource: amity.ProductImportManual, CreatedBy: "admin", UpdatedBy: "admin",
		CreatedAt: atTime(t, "2024-05-01T09:00:00.000Z"), UpdatedAt: atTime(t, "2024-05-01T09:30:00.000Z")}, *p)
	assert.Contains(t, string(out.Raw), "productFutureField")
}

// TestProductsReadEveryAnswerForm: the spec's {status, data} (one product or a list) and the
// clients' {products} decode alike.
func TestProductsReadEveryAnswerForm(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	record(t, mt, "GET", "/api/v1/products/sku-mug", fixture(t, "products_clients.json"))
	out, err := c.Products.Get(ctx, "sku-mug")
	require.NoError(t, err)
	p := out.Product()
	assert.Equal(t, "65a0c0ffee65a0c0ffee00b1", p.ID)
	assert.Equal(t, amity.ProductImportImport, p.ImportSource)
	assert.Nil(t, p.Price, "no price")
	assert.Equal(t, "products-2", out.Paging.Next)
	assert.Equal(t, "Mug", out.ProductByID("65a0c0ffee65a0c0ffee00b1").ProductName, "by internal ID")

	record(t, mt, "GET", "/api/v1/products/sku-2", `{"status":"success","data":null,"products":[{"productId":"sku-2"}]}`)
	out, err = c.Products.Get(ctx, "sku-2")
	require.NoError(t, err)
	assert.Equal(t, "sku-2", out.Product().ProductID)

	for name, body := range map[string]string{
		"no product":     `{"status":"success","data":{}}`,
		"empty list":     `{"status":"success","data":[]}`,
		"nothing at all": `{"status":"success"}`,
	} {
		record(t, mt, "GET", "/api/v1/products/sku-x", body)
		_, err = c.Products.Get(ctx, "sku-x")
		if name == "no product" {
			assert.NoError(t, err, "an object is a product, however empty")
			continue
		}
		assert.ErrorIs(t, err, amity.ErrMalformedResponse, name)
	}
	for name, body := range map[string]string{
		"data a string": `{"status":"success","data":"sku-x"}`,
		"paging broken": `{"status":"success","data":[{"productId":"a"}],"paging":{"next":7}}`,
		"not an object": `["sku-x"]`,
	} {
		record(t, mt, "GET", "/api/v1/products", body)
		_, err = c.Products.ListPage(ctx, nil)
		assert.ErrorIs(t, err, amity.ErrMalformedResponse, name)
	}
}

func TestProductsUpdateDelete(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	rec := record(t, mt, "PUT", "/api/v1/products/sku-mug", fixture(t, "products_product.json"), 502, 200)
	_, err := c.Products.Update(ctx, "sku-mug", &amity.UpdateProductParams{ProductName: amity.Ptr("Big mug"), Price: amity.Ptr(15.0),
		Status: amity.ProductArchived, ThumbnailMode: amity.ProductThumbnailFit})
	require.NoError(t, err)
	assert.Len(t, rec.all(), 2, "an update sets values: retried after a 502")
	assert.JSONEq(t, `{"productName":"Big mug","price":15,"status":"archived","thumbnailMode":"fit"}`, rec.last(t).Body)

	del := record(t, mt, "DELETE", "/api/v1/products", `{"status":"success","data":{"success":true}}`)
	require.NoError(t, c.Products.Delete(ctx, &amity.DeleteProductsParams{ProductIDs: []string{"sku-mug", "sku-cap"}}))
	assert.JSONEq(t, `{"productIds":["sku-mug","sku-cap"]}`, del.last(t).Body, "the spec puts the IDs in a JSON body")
	assert.Empty(t, del.last(t).Query)
}

func TestProductsListSearchCount(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	p1, p2 := fixture(t, "products_page1.json"), fixture(t, "products_page2.json")
	listing := recordPages(t, mt, "/api/v1/products", "options[token]", "products-2", p1, p2)
	var names []string
	for p, err := range c.Products.List(ctx, &amity.ListProductsParams{PageParams: amity.PageParams{Limit: 2}, IsActive: amity.Ptr(true),
		IsDeleted: amity.Ptr(false), SortBy: amity.ProductSortProductName, SortOrder: amity.ProductSortAsc}) {
		require.NoError(t, err)
		names = append(names, p.ProductName)
	}
	assert.Equal(t, []string{"Mug", "Cap", "Tee"}, names)
	assert.Equal(t, "isActive=true&isDeleted=false&options%5Blimit%5D=2&sortBy=productName&sortOrder=asc", listing.queries()[0])

	search := recordPages(t, mt, "/api/v1/products/search", "options[token]", "products-2", p1, p2)
	names = nil
	for page, err := range c.Products.SearchPages(ctx, &amity.SearchProductsParams{Keyword: "m u g"}) {
		require.NoError(t, err)
		for _, p := range page.Products {
			names = append(names, p.ProductName)
		}
	}
	assert.Equal(t, []string{"Mug", "Cap", "Tee"}, names)
	assert.Equal(t, "keyword=m+u+g", search.queries()[0])
	page, err := c.Products.SearchPage(ctx, &amity.SearchProductsParams{PageParams: amity.PageParams{PageToken: "products-2"}})
	require.NoError(t, err)
	assert.Equal(t, amity.ProductImportCSV, page.Product().ImportSource)
	assert.Equal(t, "products-1", page.Paging.Previous)

	count := record(t, mt, "GET", "/api/v1/products/count", fixture(t, "products_count.json"))
	n, err := c.Products.Count(ctx, &amity.CountProductsParams{Keyword: "mug", IsActive: amity.Ptr(false), IsDeleted: amity.Ptr(true)})
	require.NoError(t, err)
	assert.Equal(t, 7, n.Count)
	assert.Equal(t, "isActive=false&isDeleted=true&keyword=mug", count.last(t).Query)
	record(t, mt, "GET", "/api/v1/products/count", `{"count":3}`)
	n, err = c.Products.Count(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, 3, n.Count, "a bare count")
	record(t, mt, "GET", "/api/v1/products/count", `{"status":"success","data":{}}`)
	_, err = c.Products.Count(ctx, nil)
	assert.ErrorIs(t, err, amity.ErrMalformedResponse, "an answer without a count is not a count of 0")

	many := record(t, mt, "GET", "/api/v1/products/list", p1)
	out, err := c.Products.GetMany(ctx, &amity.GetManyProductsParams{ProductIDs: []string{"sku-mug", "sku-cap"}})
	require.NoError(t, err)
	assert.Equal(t, "productIds%5B%5D=sku-mug&productIds%5B%5D=sku-cap", many.last(t).Query)
	assert.Equal(t, "Cap", out.ProductByID("sku-cap").ProductName)
	assert.Nil(t, out.ProductByID("sku-none"))
}

func TestProductsBulkJobs(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	create := record(t, mt, "POST", "/api/v1/products/bulk/jobs", fixture(t, "products_bulk_job.json"), 503, 200)
	_, err := c.Products.CreateBulkJob(ctx, &amity.CreateBulkJobParams{FileID: "file-csv"})
	require.Error(t, err)
	assert.Len(t, create.all(), 1, "a create is never repeated")
	out, err := c.Products.CreateBulkJob(ctx, &amity.CreateBulkJobParams{FileID: "file-csv"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"fileId":"file-csv"}`, create.last(t).Body)
	j := out.Job()
	require.NotNil(t, j)
	assert.Equal(t, amity.BulkJob{ID: testJobID, JobID: testJobID, NetworkID: "net-1", UserID: "admin", FileID: "file-csv",
		Status: amity.BulkJobDone, EntityType: "product", Operation: amity.BulkJobInsert,
		Summary: &amity.BulkJobSummary{TotalRows: 10, ProcessedRows: 10, SuccessfulRows: 9, FailedRows: 1, ErrorReportFileID: "file-errors",
			Metadata: map[string]any{"source": "spring.csv"}, ProcessingStartedAt: atTime(t, "2024-05-01T10:00:00.000Z"),
			ProcessingCompletedAt: atTime(t, "2024-05-01T10:00:10.000Z"), ProcessingDurationMs: 10000},
		CreatedAt: atTime(t, "2024-05-01T09:59:00.000Z"), UpdatedAt: atTime(t, "2024-05-01T10:00:10.000Z"),
		ExpiredAt: atTime(t, "2024-05-04T09:59:00.000Z")}, *j)
	assert.Equal(t, j, out.JobByID(testJobID))
	assert.Nil(t, out.JobByID("nope"))

	start := record(t, mt, "POST", "/api/v1/products/bulk/jobs/"+testJobID, fixture(t, "products_bulk_job.json"), 502, 200)
	_, err = c.Products.StartBulkJob(ctx, testJobID, &amity.StartBulkJobParams{Operation: amity.BulkJobUpdate})
	require.Error(t, err)
	assert.Len(t, start.all(), 1, "a job starts once: a start is never repeated")
	_, err = c.Products.StartBulkJob(ctx, testJobID, &amity.StartBulkJobParams{Operation: amity.BulkJobUpdate})
	require.NoError(t, err)
	assert.JSONEq(t, `{"operation":"update"}`, start.last(t).Body)

	listing := recordPages(t, mt, "/api/v1/products/bulk/jobs", "options[token]", "jobs-2",
		fixture(t, "products_bulk_jobs_page1.json"), fixture(t, "products_bulk_jobs_page2.json"))
	var statuses []amity.BulkJobStatus
	for j, err := range c.Products.ListBulkJobs(ctx, &amity.ListBulkJobsParams{Statuses: []amity.BulkJobStatus{amity.BulkJobPending, amity.BulkJobDone},
		SortBy: amity.ProductSortUpdatedAt, SortOrder: amity.ProductSortDesc}) {
		require.NoError(t, err)
		statuses = append(statuses, j.Status)
	}
	assert.Equal(t, []amity.BulkJobStatus{amity.BulkJobDone, amity.BulkJobPending, amity.BulkJobRunning}, statuses)
	assert.Equal(t, "sortBy=updatedAt&sortOrder=desc&status%5B%5D=pending&status%5B%5D=done", listing.queries()[0])
}

func TestProductsDownloadBulkSample(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", apiBase+"/api/v1/products/bulk/sample", func(r *http.Request) (*http.Response, error) {
		assert.Equal(t, "Bearer "+adminToken, r.Header.Get("Authorization"))
		resp := httpmock.NewStringResponse(http.StatusFound, "")
		resp.Header.Set("Location", "/static/bulk-sample.csv")
		return resp, nil
	})
	const csv = "productId,productName,productUrl,status\nsku-1,Mug,https://shop.example/mug,active\n"
	mt.RegisterResponder("GET", apiBase+"/static/bulk-sample.csv", httpmock.NewStringResponder(200, csv))
	rc, err := c.Products.DownloadBulkSample(context.Background())
	require.NoError(t, err)
	defer rc.Close()
	b, err := io.ReadAll(rc)
	require.NoError(t, err)
	assert.Equal(t, csv, string(b))
}

// TestProductsUnknownEnumsAreSent: a status, mode, order or operation the SDK does not know is
// sent as given.
func TestProductsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"create", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Products.Create(ctx, &amity.CreateProductParams{ProductID: "p", ProductName: "n", ProductURL: "https://x.example",
				Status: "draft", ThumbnailMode: "stretch"}))
		}, []string{`"status":"draft"`, `"thumbnailMode":"stretch"`}},
		{"list order", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Products.ListPage(ctx, &amity.ListProductsParams{SortBy: "price", SortOrder: "random"}))
		}, []string{"sortBy=price", "sortOrder=random"}},
		{"job status", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Products.ListBulkJobsPage(ctx, &amity.ListBulkJobsParams{Statuses: []amity.BulkJobStatus{"failed"}}))
		}, []string{"status[]=failed"}},
		{"start operation", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Products.StartBulkJob(ctx, testJobID, &amity.StartBulkJobParams{Operation: "upsert"}))
		}, []string{`"operation":"upsert"`}},
	})
}

func TestProductsBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	create := func(mut func(p *amity.CreateProductParams)) func() error {
		p := &amity.CreateProductParams{ProductID: "p", ProductName: "n", ProductURL: "https://x.example/p", Status: amity.ProductActive}
		mut(p)
		return func() error { return errOf(c.Products.Create(ctx, p)) }
	}
	update := func(p *amity.UpdateProductParams) func() error {
		return func() error { return errOf(c.Products.Update(ctx, "p", p)) }
	}
	ids := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("p%d", i)
		}
		return out
	}
	assertInvalidCases(t, map[string]invalidCase{
		"create nil":        {"Products.Create: params", func() error { return errOf(c.Products.Create(ctx, nil)) }},
		"create id":         {"ProductID", create(func(p *amity.CreateProductParams) { p.ProductID = "" })},
		"create long id":    {"ProductID", create(func(p *amity.CreateProductParams) { p.ProductID = longString(101) })},
		"create name":       {"ProductName", create(func(p *amity.CreateProductParams) { p.ProductName = " " })},
		"create long name":  {"ProductName", create(func(p *amity.CreateProductParams) { p.ProductName = longString(201) })},
		"create url":        {"ProductURL", create(func(p *amity.CreateProductParams) { p.ProductURL = "" })},
		"create bad url":    {"ProductURL", create(func(p *amity.CreateProductParams) { p.ProductURL = "shop.example/mug" })},
		"create ftp url":    {"ProductURL", create(func(p *amity.CreateProductParams) { p.ProductURL = "ftp://shop.example/mug" })},
		"create status":     {"Status", create(func(p *amity.CreateProductParams) { p.Status = "" })},
		"create price":      {"Price", create(func(p *amity.CreateProductParams) { p.Price = amity.Ptr(-0.01) })},
		"create currency":   {"Currency", create(func(p *amity.CreateProductParams) { p.Currency = "EURO" })},
		"create thumbnail":  {"ThumbnailURL", create(func(p *amity.CreateProductParams) { p.ThumbnailURL = "mug.png" })},
		"get empty":         {"Products.Get: productID", func() error { return errOf(c.Products.Get(ctx, "")) }},
		"get long":          {"productID", func() error { return errOf(c.Products.Get(ctx, longString(101))) }},
		"update nil":        {"Products.Update: params", update(nil)},
		"update id":         {"Products.Update: productID", func() error { return errOf(c.Products.Update(ctx, "..", &amity.UpdateProductParams{})) }},
		"update empty name": {"ProductName", update(&amity.UpdateProductParams{ProductName: amity.Ptr("")})},
		"update empty url":  {"ProductURL", update(&amity.UpdateProductParams{ProductURL: amity.Ptr("")})},
		"update bad url":    {"ProductURL", update(&amity.UpdateProductParams{ProductURL: amity.Ptr("nope")})},
		"update currency":   {"Currency", update(&amity.UpdateProductParams{Currency: amity.Ptr("")})},
		"update price":      {"Price", update(&amity.UpdateProductParams{Price: amity.Ptr(-1.0)})},
		"delete nil":        {"Products.Delete: params", func() error { return c.Products.Delete(ctx, nil) }},
		"delete none":       {"ProductIDs", func() error { return c.Products.Delete(ctx, &amity.DeleteProductsParams{}) }},
		"delete too many":   {"ProductIDs", func() error { return c.Products.Delete(ctx, &amity.DeleteProductsParams{ProductIDs: ids(101)}) }},
		"list token": {"Products.ListPage: PageToken", func() error {
			return errOf(c.Products.ListPage(ctx, &amity.ListProductsParams{PageParams: amity.PageParams{PageToken: longString(1001)}}))
		}},
		"search keyword": {"Products.SearchPage: Keyword", func() error {
			return errOf(c.Products.SearchPage(ctx, &amity.SearchProductsParams{Keyword: longString(201)}))
		}},
		"count keyword": {"Products.Count: Keyword", func() error {
			return errOf(c.Products.Count(ctx, &amity.CountProductsParams{Keyword: longString(201)}))
		}},
		"many nil":  {"Products.GetMany: params", func() error { return errOf(c.Products.GetMany(ctx, nil)) }},
		"many none": {"ProductIDs", func() error { return errOf(c.Products.GetMany(ctx, &amity.GetManyProductsParams{})) }},
		"many long": {"ProductIDs", func() error {
			return errOf(c.Products.GetMany(ctx, &amity.GetManyProductsParams{ProductIDs: []string{longString(101)}}))
		}},
		"job nil":  {"Products.CreateBulkJob: params", func() error { return errOf(c.Products.CreateBulkJob(ctx, nil)) }},
		"job file": {"FileID", func() error { return errOf(c.Products.CreateBulkJob(ctx, &amity.CreateBulkJobParams{})) }},
		"job long file": {"FileID", func() error {
			return errOf(c.Products.CreateBulkJob(ctx, &amity.CreateBulkJobParams{FileID: longString(101)}))
		}},
		"get job id": {"Products.GetBulkJob: jobID", func() error { return errOf(c.Products.GetBulkJob(ctx, "job-1")) }},
		"start job id": {"Products.StartBulkJob: jobID", func() error {
			return errOf(c.Products.StartBulkJob(ctx, "zz"+testJobID[2:], &amity.StartBulkJobParams{Operation: amity.BulkJobInsert}))
		}},
		"start nil":          {"Products.StartBulkJob: params", func() error { return errOf(c.Products.StartBulkJob(ctx, testJobID, nil)) }},
		"start no operation": {"Operation", func() error { return errOf(c.Products.StartBulkJob(ctx, testJobID, &amity.StartBulkJobParams{})) }},
		"jobs statuses": {"Products.ListBulkJobsPage: Statuses", func() error {
			return errOf(c.Products.ListBulkJobsPage(ctx, &amity.ListBulkJobsParams{Statuses: make([]amity.BulkJobStatus, 4)}))
		}},
		"jobs empty status": {"Statuses", func() error {
			return errOf(c.Products.ListBulkJobsPage(ctx, &amity.ListBulkJobsParams{Statuses: []amity.BulkJobStatus{" "}}))
		}},
	})
	_, err := first(c.Products.Search(ctx, &amity.SearchProductsParams{PageParams: amity.PageParams{Limit: 101}}))
	assertInvalid(t, err, "Products.Search: Limit")
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestProductsShape(t *testing.T) {
	product := fixture(t, "products_product.json")
	page := fixture(t, "products_page1.json")
	job := fixture(t, "products_bulk_job.json")
	jobs := fixture(t, "products_bulk_jobs_page1.json")
	const empty = `{"status":"success","data":[]}`
	type fn = func(context.Context, *amity.Client) error
	checkProduct := func(t *testing.T, out any) {
		p := out.(*amity.ProductPayload)
		require.NotNil(t, p.Product())
		assert.Equal(t, "sku-mug", p.Product().ProductID)
	}
	listed := func(t *testing.T, out any) {
		switch v := out.(type) {
		case amity.Product:
			assert.Equal(t, "sku-mug", v.ProductID)
		case *amity.ProductPayload:
			assert.Equal(t, "products-2", v.Paging.Next)
			assert.Len(t, v.Products, 2)
		default:
			t.Fatalf("unexpected %T", out)
		}
	}
	checkJob := func(t *testing.T, out any) {
		assert.Equal(t, testJobID, out.(*amity.BulkJobPayload).Job().JobID)
	}
	listedJobs := func(t *testing.T, out any) {
		switch v := out.(type) {
		case amity.BulkJob:
			assert.Equal(t, testJobID, v.JobID)
		case *amity.BulkJobPayload:
			assert.Equal(t, "jobs-2", v.Paging.Next)
		default:
			t.Fatalf("unexpected %T", out)
		}
	}
	badProductID := func(f func(ctx context.Context, c *amity.Client, id string) error) []fn {
		var out []fn
		for _, id := range []string{"", " ", "..", longString(101)} {
			out = append(out, func(ctx context.Context, c *amity.Client) error { return f(ctx, c, id) })
		}
		return out
	}
	badJobID := func(f func(ctx context.Context, c *amity.Client, id string) error) []fn {
		var out []fn
		for _, id := range []string{"", "..", "65a0c0ffee", testJobID + "0", "g5a0c0ffee65a0c0ffee00c1"} {
			out = append(out, func(ctx context.Context, c *amity.Client) error { return f(ctx, c, id) })
		}
		return out
	}
	create := &amity.CreateProductParams{ProductID: "sku-mug", ProductName: "Mug", ProductURL: "https://shop.example/mug", Status: amity.ProductActive}
	runShapeCases(t, []shapeCase{
		{name: "Create", method: "POST", path: "/api/v1/products", answer: product, empty: empty, check: checkProduct, attempts: 1,
			body: `{"productId":"sku-mug","productName":"Mug","productUrl":"https://shop.example/mug","status":"active"}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Products.Create(ctx, create) },
			invalid: []fn{func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Products.Create(ctx, &amity.CreateProductParams{}))
			}}},
		{name: "Get", method: "GET", path: "/api/v1/products/sku%2Fmug", answer: product, empty: empty, check: checkProduct, attempts: 3,
			call:    func(ctx context.Context, c *amity.Client) (any, error) { return c.Products.Get(ctx, "sku/mug") },
			invalid: badProductID(func(ctx context.Context, c *amity.Client, id string) error { return errOf(c.Products.Get(ctx, id)) })},
		{name: "Update", method: "PUT", path: "/api/v1/products/sku-mug", body: `{"status":"archived"}`, answer: product, empty: empty,
			check: checkProduct, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Products.Update(ctx, "sku-mug", &amity.UpdateProductParams{Status: amity.ProductArchived})
			},
			invalid: badProductID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Products.Update(ctx, id, &amity.UpdateProductParams{}))
			})},
		{name: "Delete", method: "DELETE", path: "/api/v1/products", body: `{"productIds":["sku-mug"]}`,
			answer: `{"status":"success","data":{"success":true}}`, unsuccessful: successFalse, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Products.Delete(ctx, &amity.DeleteProductsParams{ProductIDs: []string{"sku-mug"}}))
			},
			invalid: []fn{func(ctx context.Context, c *amity.Client) error {
				return c.Products.Delete(ctx, &amity.DeleteProductsParams{ProductIDs: []string{" "}})
			}}},
		{name: "List", method: "GET", path: "/api/v1/products", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return first(c.Products.List(ctx, nil)) }},
		{name: "ListPages", method: "GET", path: "/api/v1/products", query: "isActive=true", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Products.ListPages(ctx, &amity.ListProductsParams{IsActive: amity.Ptr(true)}))
			}},
		{name: "ListPage", method: "GET", path: "/api/v1/products", query: "options%5Blimit%5D=2", answer: page, check: listed, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Products.ListPage(ctx, &amity.ListProductsParams{PageParams: amity.PageParams{Limit: 2}})
			}},
		{name: "Search", method: "GET", path: "/api/v1/products/search", query: "keyword=mug", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Products.Search(ctx, &amity.SearchProductsParams{Keyword: "mug"}))
			}},
		{name: "SearchPages", method: "GET", path: "/api/v1/products/search", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Products.SearchPages(ctx, nil))
			}},
		{name: "SearchPage", method: "GET", path: "/api/v1/products/search", query: "sortBy=createdAt&sortOrder=desc", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Products.SearchPage(ctx, &amity.SearchProductsParams{SortBy: amity.ProductSortCreatedAt, SortOrder: amity.ProductSortDesc})
			}},
		{name: "Count", method: "GET", path: "/api/v1/products/count", answer: fixture(t, "products_count.json"), empty: `{"status":"success"}`, attempts: 3,
			check: func(t *testing.T, out any) { assert.Equal(t, 7, out.(*amity.ProductCountPayload).Count) },
			call:  func(ctx context.Context, c *amity.Client) (any, error) { return c.Products.Count(ctx, nil) }},
		{name: "GetMany", method: "GET", path: "/api/v1/products/list", query: "productIds%5B%5D=sku-mug", answer: page, attempts: 3,
			check: func(t *testing.T, out any) { assert.Len(t, out.(*amity.ProductPayload).Products, 2) },
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Products.GetMany(ctx, &amity.GetManyProductsParams{ProductIDs: []string{"sku-mug"}})
			},
			invalid: []fn{func(ctx context.Context, c *amity.Client) error { return errOf(c.Products.GetMany(ctx, nil)) }}},
		{name: "DownloadBulkSample", method: "GET", path: "/api/v1/products/bulk/sample", answer: "productId,productName", attempts: 3,
			header: map[string]string{"Accept": "*/*"},
			check:  func(t *testing.T, out any) { assert.Equal(t, "productId,productName", out) },
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				rc, err := c.Products.DownloadBulkSample(ctx)
				if err != nil {
					return nil, err
				}
				defer rc.Close()
				b, err := io.ReadAll(rc)
				return string(b), err
			}},
		{name: "CreateBulkJob", method: "POST", path: "/api/v1/products/bulk/jobs", body: `{"fileId":"file-csv"}`, answer: job, empty: `{"status":"success","data":[]}`,
			check: checkJob, attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Products.CreateBulkJob(ctx, &amity.CreateBulkJobParams{FileID: "file-csv"})
			},
			invalid: []fn{func(ctx context.Context, c *amity.Client) error { return errOf(c.Products.CreateBulkJob(ctx, nil)) }}},
		{name: "GetBulkJob", method: "GET", path: "/api/v1/products/bulk/jobs/" + testJobID, answer: job, empty: `{"status":"success"}`,
			check: checkJob, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Products.GetBulkJob(ctx, testJobID) },
			invalid: badJobID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Products.GetBulkJob(ctx, id))
			})},
		{name: "StartBulkJob", method: "POST", path: "/api/v1/products/bulk/jobs/" + testJobID, body: `{"operation":"insert"}`, answer: job,
			empty: `{"status":"success"}`, check: checkJob, attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Products.StartBulkJob(ctx, testJobID, &amity.StartBulkJobParams{Operation: amity.BulkJobInsert})
			},
			invalid: badJobID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Products.StartBulkJob(ctx, id, &amity.StartBulkJobParams{Operation: amity.BulkJobInsert}))
			})},
		{name: "ListBulkJobs", method: "GET", path: "/api/v1/products/bulk/jobs", answer: jobs, check: listedJobs,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Products.ListBulkJobs(ctx, nil))
			}},
		{name: "ListBulkJobsPages", method: "GET", path: "/api/v1/products/bulk/jobs", query: "status%5B%5D=running", answer: jobs, check: listedJobs,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Products.ListBulkJobsPages(ctx, &amity.ListBulkJobsParams{Statuses: []amity.BulkJobStatus{amity.BulkJobRunning}}))
			}},
		{name: "ListBulkJobsPage", method: "GET", path: "/api/v1/products/bulk/jobs", query: "options%5Btoken%5D=jobs-2", answer: jobs, check: listedJobs, attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Products.ListBulkJobsPage(ctx, &amity.ListBulkJobsParams{PageParams: amity.PageParams{PageToken: "jobs-2"}})
			}},
	})
}
