package amity

// This file holds the bulk import of products (CSV jobs); products.go the products.

import (
	"context"
	"io"
	"iter"
	"net/http"
	"strings"
)

// DownloadBulkSample returns the sample CSV of a bulk import (its header and an example row)
// as a stream, which the caller must close; ctx bounds the whole download.
// GET /api/v1/products/bulk/sample, which redirects to the file: the SDK follows it on the
// API's own host and refuses it to another host (no credential leaves for another host),
// which fails the call.
func (s *ProductsService) DownloadBulkSample(ctx context.Context, opts ...CallOption) (io.ReadCloser, error) {
	return s.c.downloadStream(ctx, "Products.DownloadBulkSample", "/api/v1/products/bulk/sample", opts)
}

// BulkJobStatus is the state of a bulk import: pending until started, running while its rows
// are processed, done when all are.
type BulkJobStatus string

// Bulk job states.
const (
	BulkJobPending BulkJobStatus = "pending"
	BulkJobRunning BulkJobStatus = "running"
	BulkJobDone    BulkJobStatus = "done"
)

// BulkJobOperation is what a bulk import does with its rows.
type BulkJobOperation string

// Bulk operations: insert new products, or update existing ones.
const (
	BulkJobInsert BulkJobOperation = "insert"
	BulkJobUpdate BulkJobOperation = "update"
)

// BulkJob is a bulk import of products from an uploaded CSV file.
type BulkJob struct {
	// ID is the job's internal ID; JobID the same ID, the one the calls take.
	ID        string `json:"_id,omitempty"`
	JobID     string `json:"jobId"`
	NetworkID string `json:"networkId,omitempty"`
	// UserID is the admin who created the job.
	UserID string `json:"userId,omitempty"`
	// FileID is the uploaded CSV file.
	FileID string `json:"fileId,omitempty"`
	// Status is pending, running or done.
	Status BulkJobStatus `json:"status,omitempty"`
	// EntityType is what the job imports: product.
	EntityType string `json:"entityType,omitempty"`
	// Operation is insert or update (set when the job is started).
	Operation BulkJobOperation `json:"operation,omitempty"`
	// Summary is the job's progress and result.
	Summary   *BulkJobSummary `json:"summary,omitempty"`
	CreatedAt Time            `json:"createdAt"`
	UpdatedAt Time            `json:"updatedAt"`
	// ExpiredAt is when a pending job expires (3 days after its creation).
	ExpiredAt Time `json:"expiredAt"`
}

// BulkJobSummary is the progress and result of a bulk import.
type BulkJobSummary struct {
	// TotalRows is the number of rows of the CSV file, ProcessedRows how many are processed
	// so far, SuccessfulRows and FailedRows how they went.
	TotalRows      int `json:"totalRows"`
	ProcessedRows  int `json:"processedRows"`
	SuccessfulRows int `json:"successfulRows"`
	FailedRows     int `json:"failedRows"`
	// ErrorReportFileID is a file listing the failed rows, when some failed (download it with
	// Files.Download).
	ErrorReportFileID string `json:"errorReportFileId,omitempty"`
	// Metadata is free-form information about the job.
	Metadata map[string]any `json:"metadata,omitempty"`
	// ProcessingStartedAt and ProcessingCompletedAt bound the processing;
	// ProcessingDurationMs is its length in milliseconds.
	ProcessingStartedAt   Time  `json:"processingStartedAt"`
	ProcessingCompletedAt Time  `json:"processingCompletedAt"`
	ProcessingDurationMs  int64 `json:"processingDurationMs,omitempty"`
}

// BulkJobPayload is the answer of the bulk job calls: {status, data}, data a job or a list of
// jobs; every form decodes to Jobs.
type BulkJobPayload struct {
	rawJSON
	// Status is the answer's status ("success"), when it has one.
	Status string
	// Jobs are the jobs (one for a create, get or start).
	Jobs []BulkJob
	// Paging holds the cursors of a listing.
	Paging Paging
}

// UnmarshalJSON decodes the answer forms, under the decoding policy.
func (p *BulkJobPayload) UnmarshalJSON(b []byte) error {
	*p = BulkJobPayload{}
	var err error
	p.Jobs, err = dataItems[BulkJob](b, "jobs", &p.Status, &p.Paging)
	return err
}

func (p *BulkJobPayload) pageItems() []BulkJob { return p.Jobs }
func (p *BulkJobPayload) pageInfo() Paging     { return p.Paging }

// Job returns the first job of the answer (the one a call about one job is about), or nil.
func (p *BulkJobPayload) Job() *BulkJob { return firstOf(p.Jobs) }

// JobByID returns the job with the given ID, or nil.
func (p *BulkJobPayload) JobByID(jobID string) *BulkJob {
	return byID(p.Jobs, jobID, func(j *BulkJob) string { return j.JobID })
}

// bulkJobsCall sends r and decodes a bulk job answer holding at least one job.
func bulkJobsCall(ctx context.Context, c *Client, r *request) (*BulkJobPayload, error) {
	return callOne(ctx, c, r, "bulk job", func(p *BulkJobPayload) []BulkJob { return p.Jobs })
}

// bulkJobPath is the idPath of a bulk job: 24 hexadecimal digits.
var bulkJobPath = checkedPath("jobID", objectID)

// CreateBulkJobParams is the body of Products.CreateBulkJob.
type CreateBulkJobParams struct {
	// FileID (required, at most 100 characters) is the uploaded CSV file of products (upload
	// it with Files.Upload; DownloadBulkSample shows its columns).
	FileID string `json:"fileId"`
}

// CreateBulkJob creates a bulk import of the products of an uploaded CSV file and returns the
// job, pending until StartBulkJob (it expires 3 days after its creation).
// POST /api/v1/products/bulk/jobs. Not retried after it may have reached the server (a repeat
// would create a second job).
func (s *ProductsService) CreateBulkJob(ctx context.Context, params *CreateBulkJobParams, opts ...CallOption) (*BulkJobPayload, error) {
	const op = "Products.CreateBulkJob"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(required(op, "FileID", params.FileID), maxLen(op, "FileID", params.FileID, 100)); err != nil {
		return nil, err
	}
	return bulkJobsCall(ctx, s.c, &request{op: op, method: http.MethodPost, path: "/api/v1/products/bulk/jobs", body: params, opts: opts})
}

// GetBulkJob returns a bulk import with its progress (Summary).
// GET /api/v1/products/bulk/jobs/{jobId}.
func (s *ProductsService) GetBulkJob(ctx context.Context, jobID string, opts ...CallOption) (*BulkJobPayload, error) {
	r := &request{op: "Products.GetBulkJob", method: http.MethodGet, path: "/api/v1/products/bulk/jobs/%s", opts: opts}
	if err := r.setPath(bulkJobPath, jobID); err != nil {
		return nil, err
	}
	return bulkJobsCall(ctx, s.c, r)
}

// StartBulkJobParams is the body of Products.StartBulkJob.
type StartBulkJobParams struct {
	// Operation (required) is insert (add the file's products) or update (change existing
	// ones).
	Operation BulkJobOperation `json:"operation"`
}

// StartBulkJob starts a pending bulk import and returns the job, now running: its rows are
// processed in the background (poll GetBulkJob for its Summary).
// POST /api/v1/products/bulk/jobs/{jobId}. Not retried after it may have reached the server (a
// job starts once: a repeat would be refused as not pending, hiding the first start's
// success).
func (s *ProductsService) StartBulkJob(ctx context.Context, jobID string, params *StartBulkJobParams, opts ...CallOption) (*BulkJobPayload, error) {
	const op = "Products.StartBulkJob"
	path, err := bulkJobPath(op, "/api/v1/products/bulk/jobs/%s", jobID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := required(op, "Operation", string(params.Operation)); err != nil {
		return nil, err
	}
	return bulkJobsCall(ctx, s.c, &request{op: op, method: http.MethodPost, path: path, body: params, opts: opts})
}

// ListBulkJobsParams filters, orders and pages Products.ListBulkJobs. The zero value lists
// every job.
type ListBulkJobsParams struct {
	PageParams
	// Statuses keeps the jobs in these states (at most 3; sent as status[]).
	Statuses []BulkJobStatus
	// SortBy is createdAt or updatedAt; SortOrder asc or desc.
	SortBy    ProductSortBy
	SortOrder ProductSortOrder
}

func (p *ListBulkJobsParams) query(op string) (query, error) {
	v := *orZero(p)
	if err := maxItems(op, "Statuses", len(v.Statuses), 3); err != nil {
		return nil, err
	}
	for _, st := range v.Statuses {
		if strings.TrimSpace(string(st)) == "" {
			return nil, &ValidationError{Op: op, Field: "Statuses", Reason: "must not hold an empty status"}
		}
	}
	q, err := v.PageParams.optionsQuery(op, 1000)
	if err != nil {
		return nil, err
	}
	enums(q, "status", v.Statuses)
	q.str("sortBy", string(v.SortBy))
	q.str("sortOrder", string(v.SortOrder))
	return q, nil
}

// ListBulkJobs returns an iterator over the bulk imports, fetching pages as it goes.
// GET /api/v1/products/bulk/jobs.
func (s *ProductsService) ListBulkJobs(ctx context.Context, params *ListBulkJobsParams, opts ...CallOption) iter.Seq2[BulkJob, error] {
	return listAll(ctx, params, opts, s.ListBulkJobsPage)
}

// ListBulkJobsPages returns an iterator over the pages of ListBulkJobs.
// GET /api/v1/products/bulk/jobs.
func (s *ProductsService) ListBulkJobsPages(ctx context.Context, params *ListBulkJobsParams, opts ...CallOption) iter.Seq2[*BulkJobPayload, error] {
	return pages(ctx, params, opts, s.ListBulkJobsPage)
}

// ListBulkJobsPage returns one page of bulk imports. GET /api/v1/products/bulk/jobs.
func (s *ProductsService) ListBulkJobsPage(ctx context.Context, params *ListBulkJobsParams, opts ...CallOption) (*BulkJobPayload, error) {
	return listPage[BulkJobPayload](ctx, s.c, &request{op: "Products.ListBulkJobsPage", method: http.MethodGet, path: "/api/v1/products/bulk/jobs", opts: opts}, params)
}
