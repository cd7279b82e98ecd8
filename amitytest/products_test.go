package amitytest

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// createProduct creates a product as the admin and returns it.
func createProduct(t testing.TB, srv *Server, body map[string]any) map[string]any {
	t.Helper()
	return ok(t, call(t, srv, srv.AdminToken(), "POST", "/api/v1/products", body))["data"].(map[string]any)
}

func TestProductsCRUD(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now), WithoutRateLimit())
	admin, alice := srv.AdminToken(), srv.UserToken("alice")
	mug := map[string]any{"productId": "sku-mug", "productName": "Blue mug", "productUrl": "https://shop.example/mug", "status": "active",
		"price": 12.5, "currency": "eur", "thumbnailUrl": "https://shop.example/mug.png", "thumbnailMode": "fit"}

	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "POST", "/api/v1/products", mug).status, "writes are the admin's")
	for name, bad := range map[string]map[string]any{
		"no id":     {"productName": "x", "productUrl": "https://x.example", "status": "active"},
		"bad url":   {"productId": "p", "productName": "x", "productUrl": "x.example", "status": "active"},
		"status":    {"productId": "p", "productName": "x", "productUrl": "https://x.example", "status": "sold"},
		"price":     {"productId": "p", "productName": "x", "productUrl": "https://x.example", "status": "active", "price": -1},
		"currency":  {"productId": "p", "productName": "x", "productUrl": "https://x.example", "status": "active", "currency": "EURO"},
		"long name": {"productId": "p", "productName": strings.Repeat("x", 201), "productUrl": "https://x.example", "status": "active"},
	} {
		assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "POST", "/api/v1/products", bad).status, name)
	}
	p := createProduct(t, srv, mug)
	assert.Equal(t, "sku-mug", p["productId"])
	assert.Equal(t, "EUR", p["currency"])
	assert.Equal(t, "manual", p["importSource"])
	assert.Equal(t, "admin", p["createdBy"])
	assert.NotEmpty(t, p["_id"])
	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "POST", "/api/v1/products", mug).status, "a product ID is unique")
	for _, pr := range []map[string]any{
		{"productId": "sku-cap", "productName": "Red cap", "productUrl": "https://shop.example/cap", "status": "archived"},
		{"productId": "sku-tee", "productName": "Blue tee", "productUrl": "https://shop.example/tee", "status": "active"},
	} {
		clock.Advance(time.Minute)
		createProduct(t, srv, pr)
	}

	// Every user reads, lists, searches and looks up products.
	m := ok(t, call(t, srv, alice, "GET", "/api/v1/products/sku-mug", nil))
	assert.Equal(t, "success", m["status"])
	assert.Equal(t, 12.5, m["data"].(map[string]any)["price"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/products", nil))
	assert.Equal(t, []string{"sku-tee", "sku-cap", "sku-mug"}, ids(list(t, m, "data"), "productId"), "newest first")
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/products?isActive=true&sortBy=productName", nil))
	assert.Equal(t, []string{"sku-mug", "sku-tee"}, ids(list(t, m, "data"), "productId"), "by name, A to Z")
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/products?options[limit]=2&sortBy=createdAt&sortOrder=asc", nil))
	assert.Equal(t, []string{"sku-mug", "sku-cap"}, ids(list(t, m, "data"), "productId"))
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/products?sortBy=createdAt&sortOrder=asc&options[token]="+q(next), nil))
	assert.Equal(t, []string{"sku-tee"}, ids(list(t, m, "data"), "productId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/products/search?keyword=BLUE", nil))
	assert.Equal(t, []string{"sku-tee", "sku-mug"}, ids(list(t, m, "data"), "productId"), "the keyword matches names, any case")
	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "GET", "/api/v1/products/count", nil).status, "counts are the admin's")
	m = ok(t, call(t, srv, admin, "GET", "/api/v1/products/count?keyword=blue&isActive=true", nil))
	assert.Equal(t, 2.0, m["data"].(map[string]any)["count"], "the count matches the search")
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/products/list?productIds[]=sku-tee&productIds[]=nope&productIds[]=sku-mug", nil))
	assert.Equal(t, []string{"sku-tee", "sku-mug"}, ids(list(t, m, "data"), "productId"), "in the order asked, unknown IDs left out")
	assert.Equal(t, http.StatusBadRequest, call(t, srv, alice, "GET", "/api/v1/products/list", nil).status)

	// Update: only the given fields; the ID cannot change.
	clock.Advance(time.Minute)
	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "PUT", "/api/v1/products/sku-cap", map[string]any{"status": "active"}).status)
	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "PUT", "/api/v1/products/sku-cap", map[string]any{"productId": "other"}).status)
	m = ok(t, call(t, srv, admin, "PUT", "/api/v1/products/sku-cap", map[string]any{"status": "active", "price": 9}))
	cap := m["data"].(map[string]any)
	assert.Equal(t, "active", cap["status"])
	assert.Equal(t, 9.0, cap["price"])
	assert.Equal(t, "Red cap", cap["productName"])
	assert.Equal(t, "2024-05-01T12:03:00.000Z", cap["updatedAt"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/products?sortBy=updatedAt", nil))
	assert.Equal(t, "sku-cap", list(t, m, "data")[0]["productId"])

	// Delete marks products deleted: gone from reads, listed with isDeleted=true.
	assert.Equal(t, http.StatusNotFound, call(t, srv, admin, "DELETE", "/api/v1/products", map[string]any{"productIds": []string{"sku-mug", "nope"}}).status)
	m = ok(t, call(t, srv, admin, "DELETE", "/api/v1/products", map[string]any{"productIds": []string{"sku-mug", "sku-tee"}}))
	assert.Equal(t, true, m["data"].(map[string]any)["success"])
	ok(t, call(t, srv, admin, "DELETE", "/api/v1/products", map[string]any{"productIds": []string{"sku-mug"}}))
	assert.Equal(t, http.StatusNotFound, call(t, srv, alice, "GET", "/api/v1/products/sku-mug", nil).status)
	assert.Equal(t, http.StatusNotFound, call(t, srv, admin, "PUT", "/api/v1/products/sku-mug", map[string]any{"status": "active"}).status)
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/products", nil))
	assert.Equal(t, []string{"sku-cap"}, ids(list(t, m, "data"), "productId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/products/search?isDeleted=true&sortBy=productName", nil))
	deleted := list(t, m, "data")
	assert.Equal(t, []string{"sku-mug", "sku-tee"}, ids(deleted, "productId"))
	assert.Equal(t, true, deleted[0]["isDeleted"])
	m = ok(t, call(t, srv, admin, "GET", "/api/v1/products/count", nil))
	assert.Equal(t, 1.0, m["data"].(map[string]any)["count"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/products/list?productIds=sku-mug,sku-cap", nil))
	assert.Equal(t, []string{"sku-cap"}, ids(list(t, m, "data"), "productId"), "a deleted product is left out")
}

func TestProductBulkImports(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now), WithoutRateLimit())
	admin, alice := srv.AdminToken(), srv.UserToken("alice")
	createProduct(t, srv, map[string]any{"productId": "sku-old", "productName": "Old", "productUrl": "https://shop.example/old", "status": "active"})

	// The sample: a redirect to a CSV the fake serves.
	res := getNoRedirect(t, srv, admin, "/api/v1/products/bulk/sample")
	assert.Equal(t, http.StatusFound, res.StatusCode)
	sample := call(t, srv, admin, "GET", "/api/v1/products/bulk/sample", nil)
	require.Equal(t, http.StatusOK, sample.status)
	assert.True(t, strings.HasPrefix(string(sample.body), "productId,productName,productUrl,status"))
	assert.Equal(t, http.StatusForbidden, getNoRedirect(t, srv, alice, "/api/v1/products/bulk/sample").StatusCode)

	csvFile := "productId,productName,productUrl,status,price\n" +
		"sku-a,Alpha,https://shop.example/a,active,1.5\n" +
		"sku-old,Clash,https://shop.example/old,active,\n" + // already exists
		"sku-b,Beta,not-a-url,active,\n" +
		"sku-c,\"Gamma, the third\",https://shop.example/c,archived,3\n"
	file := uploadOne(t, srv, admin, "/api/v4/files", "products.csv", "text/csv", []byte(csvFile))
	assert.Equal(t, http.StatusForbidden, call(t, srv, alice, "POST", "/api/v1/products/bulk/jobs", map[string]any{"fileId": file}).status)
	assert.Equal(t, http.StatusNotFound, call(t, srv, admin, "POST", "/api/v1/products/bulk/jobs", map[string]any{"fileId": "nope"}).status)
	job := ok(t, call(t, srv, admin, "POST", "/api/v1/products/bulk/jobs", map[string]any{"fileId": file}))["data"].(map[string]any)
	id := job["jobId"].(string)
	assert.Equal(t, "pending", job["status"])
	assert.Equal(t, "2024-05-04T12:00:00.000Z", job["expiredAt"], "a pending job expires in 3 days")
	jobPath := "/api/v1/products/bulk/jobs/" + id

	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "POST", jobPath, map[string]any{"operation": "upsert"}).status)
	job = ok(t, call(t, srv, admin, "POST", jobPath, map[string]any{"operation": "insert"}))["data"].(map[string]any)
	assert.Equal(t, "running", job["status"])
	assert.Equal(t, 4.0, job["summary"].(map[string]any)["totalRows"])
	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "POST", jobPath, map[string]any{"operation": "insert"}).status, "a job starts once")

	// One row a second.
	clock.Advance(2500 * time.Millisecond)
	summary := ok(t, call(t, srv, admin, "GET", jobPath, nil))["data"].(map[string]any)["summary"].(map[string]any)
	assert.Equal(t, 2.0, summary["processedRows"])
	assert.Equal(t, 1.0, summary["successfulRows"])
	assert.Equal(t, 1.0, summary["failedRows"])
	m := ok(t, call(t, srv, alice, "GET", "/api/v1/products/sku-a", nil))
	assert.Equal(t, "csv", m["data"].(map[string]any)["importSource"], "imported rows are products at once")
	assert.Equal(t, http.StatusNotFound, call(t, srv, alice, "GET", "/api/v1/products/sku-c", nil).status, "not yet")
	m = ok(t, call(t, srv, admin, "GET", "/api/v1/products/bulk/jobs?status[]=running", nil))
	assert.Equal(t, []string{id}, ids(list(t, m, "data"), "jobId"))

	clock.Advance(10 * time.Second)
	job = ok(t, call(t, srv, admin, "GET", jobPath, nil))["data"].(map[string]any)
	summary = job["summary"].(map[string]any)
	assert.Equal(t, "done", job["status"])
	assert.Equal(t, 4.0, summary["processedRows"])
	assert.Equal(t, 2.0, summary["successfulRows"])
	assert.Equal(t, 2.0, summary["failedRows"])
	assert.Equal(t, 4000.0, summary["processingDurationMs"])
	assert.Equal(t, "2024-05-01T12:00:04.000Z", summary["processingCompletedAt"])
	report := call(t, srv, admin, "GET", "/api/v3/files/"+summary["errorReportFileId"].(string)+"/download", nil)
	require.Equal(t, http.StatusOK, report.status)
	assert.Equal(t, "row,productId,error\n3,sku-old,Product sku-old already exists\n4,sku-b,Parameters validation error: productUrl must be a URL\n", string(report.body))
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/products/sku-c", nil))
	assert.Equal(t, "Gamma, the third", m["data"].(map[string]any)["productName"])

	// An update job changes existing products.
	update := uploadOne(t, srv, admin, "/api/v4/files", "update.csv", "text/csv", []byte("productId,status\nsku-a,archived\nsku-zzz,active\n"))
	id2 := ok(t, call(t, srv, admin, "POST", "/api/v1/products/bulk/jobs", map[string]any{"fileId": update}))["data"].(map[string]any)["jobId"].(string)
	ok(t, call(t, srv, admin, "POST", "/api/v1/products/bulk/jobs/"+id2, map[string]any{"operation": "update"}))
	clock.Advance(5 * time.Second)
	m = ok(t, call(t, srv, alice, "GET", "/api/v1/products/sku-a", nil))
	assert.Equal(t, "archived", m["data"].(map[string]any)["status"])
	assert.Equal(t, "Alpha", m["data"].(map[string]any)["productName"], "the other fields are kept")
	m = ok(t, call(t, srv, admin, "GET", "/api/v1/products/bulk/jobs/"+id2, nil))
	assert.Equal(t, 1.0, m["data"].(map[string]any)["summary"].(map[string]any)["failedRows"], "an unknown product fails its row")

	// A pending job expires; a file that is not a product CSV is refused at the start.
	stale := ok(t, call(t, srv, admin, "POST", "/api/v1/products/bulk/jobs", map[string]any{"fileId": update}))["data"].(map[string]any)["jobId"].(string)
	notCSV := uploadOne(t, srv, admin, "/api/v4/files", "notes.txt", "text/plain", []byte("name\nno product IDs here\n"))
	bad := ok(t, call(t, srv, admin, "POST", "/api/v1/products/bulk/jobs", map[string]any{"fileId": notCSV}))["data"].(map[string]any)["jobId"].(string)
	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "POST", "/api/v1/products/bulk/jobs/"+bad, map[string]any{"operation": "insert"}).status)
	clock.Advance(73 * time.Hour)
	assert.Equal(t, http.StatusBadRequest, call(t, srv, admin, "POST", "/api/v1/products/bulk/jobs/"+stale, map[string]any{"operation": "update"}).status)
	m = ok(t, call(t, srv, admin, "GET", "/api/v1/products/bulk/jobs?status[]=pending&sortOrder=asc", nil))
	assert.Equal(t, []string{stale, bad}, ids(list(t, m, "data"), "jobId"))
	m = ok(t, call(t, srv, admin, "GET", "/api/v1/products/bulk/jobs?options[limit]=1", nil))
	assert.Len(t, list(t, m, "data"), 1)
	assert.NotEmpty(t, m["paging"].(map[string]any)["next"])
	assert.Equal(t, http.StatusNotFound, call(t, srv, admin, "GET", "/api/v1/products/bulk/jobs/"+strings.Repeat("0", 24), nil).status)
}
