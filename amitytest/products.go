package amitytest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The product catalogue: products an admin creates, updates and deletes (a delete marks them
// deleted), which every user reads, lists, searches and looks up by IDs, and bulk imports of
// products from an uploaded CSV file. A bulk job is pending when created (it expires 3 days
// later), running once started, and processes one row of its file per second of the server's
// clock (WithClock), inserting or updating products as it goes; it is done when every row is,
// with an error report file listing the rows that failed.

// Bulk import timing.
const (
	bulkRowInterval = time.Second    // the time one row of a bulk import takes
	bulkJobLifetime = 72 * time.Hour // how long a pending job may wait to be started
)

// bulkSampleCSV is the sample of GET /api/v1/products/bulk/sample: the columns a bulk import
// reads (productId is required; insert needs productName, productUrl and status too).
const bulkSampleCSV = "productId,productName,productUrl,status,price,currency,thumbnailUrl,thumbnailMode\n" +
	"sku-001,Sample mug,https://shop.example/mug,active,12.50,USD,https://shop.example/mug.png,fit\n"

// product is a product of the catalogue.
type product struct {
	id, internalID string
	name, url      string
	status         string // active or archived
	price          *float64
	currency       string
	thumbnailURL   string
	thumbnailMode  string // fit or fill
	importSource   string // manual or csv
	createdBy      string
	updatedBy      string
	createdAt      time.Time
	updatedAt      time.Time
	deleted        bool
	seq            int64
}

// productJSON is the spec's product, with the _id the clients and post sideloads carry.
type productJSON struct {
	ID            string   `json:"_id"`
	ProductID     string   `json:"productId"`
	NetworkID     string   `json:"networkId"`
	ProductName   string   `json:"productName"`
	ProductURL    string   `json:"productUrl"`
	Status        string   `json:"status"`
	Price         *float64 `json:"price,omitempty"`
	Currency      string   `json:"currency,omitempty"`
	ThumbnailURL  string   `json:"thumbnailUrl,omitempty"`
	ThumbnailMode string   `json:"thumbnailMode,omitempty"`
	ImportSource  string   `json:"importSource"`
	CreatedBy     string   `json:"createdBy"`
	UpdatedBy     string   `json:"updatedBy,omitempty"`
	CreatedAt     string   `json:"createdAt"`
	UpdatedAt     string   `json:"updatedAt"`
	IsDeleted     bool     `json:"isDeleted"`
}

func (p *product) json() productJSON {
	return productJSON{ID: p.internalID, ProductID: p.id, NetworkID: networkID, ProductName: p.name, ProductURL: p.url,
		Status: p.status, Price: p.price, Currency: p.currency, ThumbnailURL: p.thumbnailURL, ThumbnailMode: p.thumbnailMode,
		ImportSource: p.importSource, CreatedBy: p.createdBy, UpdatedBy: p.updatedBy, CreatedAt: ts(p.createdAt),
		UpdatedAt: ts(p.updatedAt), IsDeleted: p.deleted}
}

// productsJSON renders products.
func productsJSON(list []*product) []productJSON {
	out := []productJSON{}
	for _, p := range list {
		out = append(out, p.json())
	}
	return out
}

// productFields are the fields of a product's create, update or CSV row; nil is not given.
type productFields struct {
	ProductID     *string  `json:"productId"`
	ProductName   *string  `json:"productName"`
	ProductURL    *string  `json:"productUrl"`
	Status        *string  `json:"status"`
	Price         *float64 `json:"price"`
	Currency      *string  `json:"currency"`
	ThumbnailURL  *string  `json:"thumbnailUrl"`
	ThumbnailMode *string  `json:"thumbnailMode"`
}

// check validates the given fields; create requires productId, productName, productUrl and
// status.
func (f *productFields) check(create bool) error {
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	if create {
		for _, v := range []struct {
			name string
			v    *string
		}{{"productId", f.ProductID}, {"productName", f.ProductName}, {"productUrl", f.ProductURL}, {"status", f.Status}} {
			if v.v == nil || *v.v == "" {
				return errBadRequest("Parameters validation error: %s is required", v.name)
			}
		}
	}
	if f.ProductName != nil && *f.ProductName == "" {
		return errBadRequest("Parameters validation error: productName must not be empty")
	}
	if err := firstErr(maxLen("productId", str(f.ProductID), 100), maxLen("productName", str(f.ProductName), 200),
		enum("status", str(f.Status), "active", "archived"), enum("thumbnailMode", str(f.ThumbnailMode), "fit", "fill")); err != nil {
		return err
	}
	for _, v := range []struct {
		name string
		v    *string
	}{{"productUrl", f.ProductURL}, {"thumbnailUrl", f.ThumbnailURL}} {
		if v.v == nil {
			continue
		}
		if u, err := url.Parse(*v.v); err != nil || u.Scheme == "" || u.Host == "" {
			return errBadRequest("Parameters validation error: %s must be a URL", v.name)
		}
	}
	if f.Price != nil && *f.Price < 0 {
		return errBadRequest("Parameters validation error: price must not be negative")
	}
	if f.Currency != nil && len(*f.Currency) != 3 {
		return errBadRequest("Parameters validation error: currency must be an ISO 4217 code of 3 letters")
	}
	return nil
}

// apply sets the given fields of p.
func (f *productFields) apply(p *product) {
	setOpt(&p.name, f.ProductName)
	setOpt(&p.url, f.ProductURL)
	setOpt(&p.status, f.Status)
	if f.Price != nil {
		v := *f.Price
		p.price = &v
	}
	setOptWith(&p.currency, f.Currency, strings.ToUpper)
	setOpt(&p.thumbnailURL, f.ThumbnailURL)
	setOpt(&p.thumbnailMode, f.ThumbnailMode)
}

// addProduct creates a product of checked fields, or fails when its ID is taken (deleted
// products keep theirs).
func (c *request) addProduct(f *productFields, source, by string, now time.Time) (*product, error) {
	ls := c.live()
	if ls.products[*f.ProductID] != nil {
		return nil, errBadRequest("Product %s already exists", *f.ProductID)
	}
	p := &product{id: *f.ProductID, internalID: c.st.newID(), importSource: source, createdBy: by, updatedBy: by,
		createdAt: now, updatedAt: now, seq: c.st.nextSeq()}
	f.apply(p)
	ls.products[p.id] = p
	return p, nil
}

// product finds the live product of the path.
func (c *request) product() (*product, error) {
	id := c.path("productId")
	p := c.live().products[id]
	if p == nil || p.deleted {
		return nil, errNotFound("Product %s not found", id)
	}
	return p, nil
}

// productFilter reads the keyword, isActive and isDeleted filters (deleted products are left
// out unless isDeleted is true) and returns the matching products.
func (c *request) filteredProducts() ([]*product, error) {
	keyword := c.q("keyword")
	if err := maxLen("keyword", keyword, 200); err != nil {
		return nil, err
	}
	var isActive, isDeleted *bool
	if err := c.qBools([]string{"isActive", "isDeleted"}, &isActive, &isDeleted); err != nil {
		return nil, err
	}
	keyword = strings.ToLower(keyword)
	var list []*product
	for _, p := range c.live().products {
		if deletedFilter(isDeleted, p.deleted, liveByDefault) && (isActive == nil || *isActive == (p.status == "active")) &&
			strings.Contains(strings.ToLower(p.name), keyword) {
			list = append(list, p)
		}
	}
	return list, nil
}

// sortProducts orders products by sortBy (createdAt, the default; updatedAt; productName) in
// sortOrder (desc by default, asc for productName).
func sortProducts(list []*product, sortBy, sortOrder string) {
	asc := sortOrder == "asc" || (sortOrder == "" && sortBy == "productName")
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		var less, equal bool
		switch sortBy {
		case "productName":
			x, y := strings.ToLower(a.name), strings.ToLower(b.name)
			less, equal = x < y, x == y
		case "updatedAt":
			less, equal = a.updatedAt.Before(b.updatedAt), a.updatedAt.Equal(b.updatedAt)
		default:
			less, equal = a.createdAt.Before(b.createdAt), a.createdAt.Equal(b.createdAt)
		}
		if equal {
			less = a.seq < b.seq
		}
		return less == asc
	})
}

// listProducts answers the list and search operations: a page of the filtered products in
// order.
func (c *request) listProducts() error {
	c.live().advanceJobs(c)
	list, err := c.filteredProducts()
	if err != nil {
		return err
	}
	sortBy, sortOrder := c.q("sortBy"), c.q("sortOrder")
	if err := firstErr(enum("sortBy", sortBy, "createdAt", "updatedAt", "productName"), enum("sortOrder", sortOrder, "asc", "desc")); err != nil {
		return err
	}
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	sortProducts(list, sortBy, sortOrder)
	win, cur := paginate(list, p)
	return c.ok(map[string]any{"status": "success", "data": productsJSON(win), "paging": cur.nextPrevious()})
}

func (s *Server) routesProducts() {
	s.route("POST /api/v1/products", authAdmin, func(c *request) error {
		var f productFields
		if err := c.decode(&f, true); err != nil {
			return err
		}
		if err := f.check(true); err != nil {
			return err
		}
		c.live().advanceJobs(c)
		p, err := c.addProduct(&f, "manual", c.me().id, c.now())
		if err != nil {
			return err
		}
		return c.ok(statusData{Status: "success", Data: p.json()})
	})
	s.route("GET /api/v1/products/{productId}", authUser, func(c *request) error {
		c.live().advanceJobs(c)
		p, err := c.product()
		if err != nil {
			return err
		}
		return c.ok(statusData{Status: "success", Data: p.json()})
	})
	s.route("PUT /api/v1/products/{productId}", authAdmin, func(c *request) error {
		c.live().advanceJobs(c)
		p, err := c.product()
		if err != nil {
			return err
		}
		var f productFields
		if err := c.decode(&f, true); err != nil {
			return err
		}
		if f.ProductID != nil && *f.ProductID != p.id {
			return errBadRequest("Parameters validation error: productId cannot change")
		}
		if err := f.check(false); err != nil {
			return err
		}
		f.apply(p)
		p.updatedBy, p.updatedAt = c.me().id, c.now()
		return c.ok(statusData{Status: "success", Data: p.json()})
	})
	s.route("DELETE /api/v1/products", authAdmin, func(c *request) error {
		c.live().advanceJobs(c)
		ids, err := c.idsParam("productIds", 100)
		if err != nil {
			return err
		}
		ls := c.live()
		for _, id := range ids {
			if ls.products[id] == nil {
				return errNotFound("Product %s not found", id)
			}
		}
		now := c.now()
		for _, id := range ids {
			if p := ls.products[id]; !p.deleted {
				p.deleted, p.updatedBy, p.updatedAt = true, c.me().id, now
			}
		}
		return c.ok(successData())
	})
	s.route("GET /api/v1/products", authUser, func(c *request) error { return c.listProducts() })
	s.route("GET /api/v1/products/search", authUser, func(c *request) error { return c.listProducts() })
	s.route("GET /api/v1/products/count", authAdmin, func(c *request) error {
		c.live().advanceJobs(c)
		list, err := c.filteredProducts()
		if err != nil {
			return err
		}
		return c.ok(statusData{Status: "success", Data: map[string]int{"count": len(list)}})
	})
	s.route("GET /api/v1/products/list", authUser, func(c *request) error {
		c.live().advanceJobs(c)
		ls := c.live()
		return listByIDs(c, "productIds", 100, func(id string) *product {
			if p := ls.products[id]; p != nil && !p.deleted {
				return p
			}
			return nil
		}, func(list []*product) any { return statusData{Status: "success", Data: productsJSON(list)} })
	})
	s.route("GET /api/v1/products/bulk/sample", authAdmin, func(c *request) error {
		c.w.Header().Set("Location", c.mediaURL("bulk-sample.csv", "text/csv", []byte(bulkSampleCSV)))
		c.w.WriteHeader(http.StatusFound)
		return nil
	})
	s.routesBulkJobs()
}

// bulkJob is a bulk import of products from a CSV file.
type bulkJob struct {
	id          string
	userID      string
	fileID      string
	status      string // pending, running or done
	operation   string // insert or update, once started
	rows        []bulkRow
	processed   int
	succeeded   int
	failures    []string // "row,productId,reason" lines of the error report
	errorReport string   // the error report's file ID, once done with failures
	createdAt   time.Time
	updatedAt   time.Time
	expiredAt   time.Time
	startedAt   time.Time
	completedAt time.Time
	seq         int64
}

// bulkRow is one row of a bulk import: its line and its fields.
type bulkRow struct {
	line   int
	fields productFields
}

type bulkSummaryJSON struct {
	TotalRows             int            `json:"totalRows"`
	ProcessedRows         int            `json:"processedRows"`
	SuccessfulRows        int            `json:"successfulRows"`
	FailedRows            int            `json:"failedRows"`
	ErrorReportFileID     string         `json:"errorReportFileId,omitempty"`
	Metadata              map[string]any `json:"metadata"`
	ProcessingStartedAt   *string        `json:"processingStartedAt,omitempty"`
	ProcessingCompletedAt *string        `json:"processingCompletedAt,omitempty"`
	ProcessingDurationMs  *int64         `json:"processingDurationMs,omitempty"`
}

type bulkJobJSON struct {
	ID         string          `json:"_id"`
	JobID      string          `json:"jobId"`
	NetworkID  string          `json:"networkId"`
	UserID     string          `json:"userId"`
	FileID     string          `json:"fileId"`
	Status     string          `json:"status"`
	EntityType string          `json:"entityType"`
	Operation  string          `json:"operation,omitempty"`
	Summary    bulkSummaryJSON `json:"summary"`
	CreatedAt  string          `json:"createdAt"`
	UpdatedAt  string          `json:"updatedAt"`
	ExpiredAt  string          `json:"expiredAt"`
}

func (j *bulkJob) json() bulkJobJSON {
	out := bulkJobJSON{ID: j.id, JobID: j.id, NetworkID: networkID, UserID: j.userID, FileID: j.fileID, Status: j.status,
		EntityType: "product", Operation: j.operation, CreatedAt: ts(j.createdAt), UpdatedAt: ts(j.updatedAt), ExpiredAt: ts(j.expiredAt),
		Summary: bulkSummaryJSON{TotalRows: len(j.rows), ProcessedRows: j.processed, SuccessfulRows: j.succeeded,
			FailedRows: len(j.failures), ErrorReportFileID: j.errorReport, Metadata: map[string]any{},
			ProcessingStartedAt: tsPtr(j.startedAt), ProcessingCompletedAt: tsPtr(j.completedAt)}}
	if !j.completedAt.IsZero() {
		ms := j.completedAt.Sub(j.startedAt).Milliseconds()
		out.Summary.ProcessingDurationMs = &ms
	}
	return out
}

// advanceJobs processes the rows of the running jobs that the server's clock says are due:
// one per bulkRowInterval since the job started.
func (ls *liveState) advanceJobs(c *request) {
	now := c.now()
	var running []*bulkJob
	for _, j := range ls.jobs {
		if j.status == "running" {
			running = append(running, j)
		}
	}
	sort.Slice(running, func(a, b int) bool { return running[a].seq < running[b].seq })
	for _, j := range running {
		due := int(now.Sub(j.startedAt) / bulkRowInterval)
		for j.processed < len(j.rows) && j.processed < due {
			row := j.rows[j.processed]
			j.processed++
			at := j.startedAt.Add(time.Duration(j.processed) * bulkRowInterval)
			if err := c.importRow(j, row, at); err != nil {
				id := ""
				if row.fields.ProductID != nil {
					id = *row.fields.ProductID
				}
				j.failures = append(j.failures, fmt.Sprintf("%d,%s,%s", row.line, csvField(id), csvField(errMessage(err))))
			} else {
				j.succeeded++
			}
			j.updatedAt = at
		}
		if j.processed == len(j.rows) {
			j.status = "done"
			j.completedAt = j.startedAt.Add(time.Duration(len(j.rows)) * bulkRowInterval)
			j.updatedAt = j.completedAt
			if len(j.failures) > 0 {
				report := "row,productId,error\n" + strings.Join(j.failures, "\n") + "\n"
				f := c.st.storeFile(upload{name: "bulk-job-" + j.id + "-errors.csv", mimeType: "text/csv", data: []byte(report)},
					"file", "", j.userID, j.completedAt)
				j.errorReport = f.id
			}
		}
	}
}

// importRow inserts or updates the product of one row.
func (c *request) importRow(j *bulkJob, row bulkRow, at time.Time) error {
	f := row.fields
	if f.ProductID == nil || *f.ProductID == "" {
		return errBadRequest("productId is required")
	}
	if err := f.check(j.operation == "insert"); err != nil {
		return err
	}
	if j.operation == "insert" {
		_, err := c.addProduct(&f, "csv", j.userID, at)
		return err
	}
	p := c.live().products[*f.ProductID]
	if p == nil || p.deleted {
		return errNotFound("Product %s not found", *f.ProductID)
	}
	f.apply(p)
	p.updatedBy, p.updatedAt = j.userID, at
	return nil
}

// errMessage is the message of an API error.
func errMessage(err error) string {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae.message
	}
	return err.Error()
}

// csvField quotes a CSV field when it needs it.
func csvField(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// parseBulkCSV reads the rows of a bulk import: a header naming the columns (productId
// required), then one product a row; empty cells are not given.
func parseBulkCSV(data []byte) ([]bulkRow, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, errBadRequest("The file is not a CSV file of products")
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	if _, ok := col["productId"]; !ok {
		return nil, errBadRequest("The CSV file has no productId column")
	}
	var rows []bulkRow
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, errBadRequest("The CSV file is malformed at line %d", line)
		}
		cell := func(name string) *string {
			i, ok := col[name]
			if !ok || i >= len(rec) || strings.TrimSpace(rec[i]) == "" {
				return nil
			}
			v := strings.TrimSpace(rec[i])
			return &v
		}
		row := bulkRow{line: line, fields: productFields{ProductID: cell("productId"), ProductName: cell("productName"),
			ProductURL: cell("productUrl"), Status: cell("status"), Currency: cell("currency"), ThumbnailURL: cell("thumbnailUrl"),
			ThumbnailMode: cell("thumbnailMode")}}
		if v := cell("price"); v != nil {
			n, err := strconv.ParseFloat(*v, 64)
			if err != nil {
				n = -1 // refused as a negative price when the row is processed
			}
			row.fields.Price = &n
		}
		rows = append(rows, row)
	}
}

func (s *Server) routesBulkJobs() {
	s.route("POST /api/v1/products/bulk/jobs", authAdmin, func(c *request) error {
		var req struct {
			FileID string `json:"fileId"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.FileID == "" {
			return errBadRequest("Parameters validation error: fileId is required")
		}
		if err := maxLen("fileId", req.FileID, 100); err != nil {
			return err
		}
		if c.st.files[req.FileID] == nil {
			return errNotFound("File %s not found", req.FileID)
		}
		now := c.now()
		j := &bulkJob{id: c.st.newID(), userID: c.me().id, fileID: req.FileID, status: "pending", createdAt: now, updatedAt: now,
			expiredAt: now.Add(bulkJobLifetime), seq: c.st.nextSeq()}
		c.live().jobs[j.id] = j
		return c.ok(statusData{Status: "success", Data: j.json()})
	})
	s.route("GET /api/v1/products/bulk/jobs/{jobId}", authAdmin, func(c *request) error {
		c.live().advanceJobs(c)
		j, err := c.bulkJob()
		if err != nil {
			return err
		}
		return c.ok(statusData{Status: "success", Data: j.json()})
	})
	s.route("POST /api/v1/products/bulk/jobs/{jobId}", authAdmin, func(c *request) error {
		c.live().advanceJobs(c)
		j, err := c.bulkJob()
		if err != nil {
			return err
		}
		var req struct {
			Operation string `json:"operation"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.Operation == "" {
			return errBadRequest("Parameters validation error: operation is required")
		}
		if err := enum("operation", req.Operation, "insert", "update"); err != nil {
			return err
		}
		now := c.now()
		switch {
		case j.status != "pending":
			return errBadRequest("Bulk job %s is %s, not pending.", j.id, j.status)
		case !now.Before(j.expiredAt):
			return errBadRequest("Bulk job %s has expired.", j.id)
		}
		f := c.st.files[j.fileID]
		if f == nil {
			return errNotFound("File %s not found", j.fileID)
		}
		rows, err := parseBulkCSV(f.data)
		if err != nil {
			return err
		}
		j.rows, j.operation, j.status, j.startedAt, j.updatedAt = rows, req.Operation, "running", now, now
		c.live().advanceJobs(c) // a file without rows is done at once
		return c.ok(statusData{Status: "success", Data: j.json()})
	})
	s.route("GET /api/v1/products/bulk/jobs", authAdmin, func(c *request) error {
		c.live().advanceJobs(c)
		statuses := c.qList("status")
		if len(statuses) > 3 {
			return errBadRequest("Parameters validation error: at most 3 statuses")
		}
		for _, st := range statuses {
			if err := enum("status", st, "pending", "running", "done"); err != nil {
				return err
			}
		}
		sortBy, sortOrder := c.q("sortBy"), c.q("sortOrder")
		if err := firstErr(enum("sortBy", sortBy, "createdAt", "updatedAt", "productName"), enum("sortOrder", sortOrder, "asc", "desc")); err != nil {
			return err
		}
		p, err := c.pageParams(defaultPageSize)
		if err != nil {
			return err
		}
		var list []*bulkJob
		for _, j := range c.live().jobs {
			if len(statuses) == 0 || containsString(statuses, j.status) {
				list = append(list, j)
			}
		}
		key := func(j *bulkJob) (time.Time, int64) { return j.createdAt, j.seq }
		if sortBy == "updatedAt" {
			key = func(j *bulkJob) (time.Time, int64) { return j.updatedAt, j.seq }
		}
		sortByCreated(list, key, sortOrder != "asc")
		win, cur := paginate(list, p)
		data := []bulkJobJSON{}
		for _, j := range win {
			data = append(data, j.json())
		}
		return c.ok(map[string]any{"status": "success", "data": data, "paging": cur.nextPrevious()})
	})
}

// bulkJob finds the bulk job of the path.
func (c *request) bulkJob() (*bulkJob, error) {
	id := c.path("jobId")
	j := c.live().jobs[id]
	if j == nil {
		return nil, errNotFound("Bulk job %s not found", id)
	}
	return j, nil
}
