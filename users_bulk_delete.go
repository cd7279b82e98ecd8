package amity

// This file is the Users calls of spec 4.116.1: bulk delete jobs (POST and GET
// /api/v1/users/bulk-delete/jobs) and the users who blocked the caller (GET
// /api/v4/me/blockers).

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"iter"
	"mime/multipart"
	"net/http"
	"strings"
	"unicode"
)

// BulkDeleteJobStatusCode is the state of a bulk delete job.
type BulkDeleteJobStatusCode string

// Bulk delete job states. A state the SDK does not know passes through.
const (
	BulkDeleteJobWaiting BulkDeleteJobStatusCode = "WAITING"
	BulkDeleteJobRunning BulkDeleteJobStatusCode = "RUNNING"
	BulkDeleteJobDone    BulkDeleteJobStatusCode = "DONE"
	BulkDeleteJobFailed  BulkDeleteJobStatusCode = "FAIL"
)

// BulkDeleteJobStatus is the state of one bulk delete job.
type BulkDeleteJobStatus struct {
	// ID is the job's ID.
	ID string `json:"_id"`
	// Status is WAITING, RUNNING, DONE or FAIL.
	Status BulkDeleteJobStatusCode `json:"status,omitempty"`
}

// BulkDeleteJobsPayload is the answer of Users.GetBulkDeleteJobs: the network's bulk delete
// jobs with their states.
type BulkDeleteJobsPayload struct {
	rawJSON
	// ID is the latest job's ID.
	ID string `json:"id"`
	// Statuses are the jobs and their states.
	Statuses []BulkDeleteJobStatus `json:"statuses"`
	// LastCreatedAt is when the latest job was created; LastUpdatedAt when a job last
	// changed state.
	LastCreatedAt Time `json:"lastCreatedAt"`
	LastUpdatedAt Time `json:"lastUpdatedAt"`
}

// StatusByID returns the state of the job with the given ID, or nil.
func (p *BulkDeleteJobsPayload) StatusByID(jobID string) *BulkDeleteJobStatus {
	return byID(p.Statuses, jobID, func(s *BulkDeleteJobStatus) string { return s.ID })
}

// IsDone reports whether every job listed has finished (DONE or FAIL).
func (p *BulkDeleteJobsPayload) IsDone() bool {
	for _, s := range p.Statuses {
		if s.Status != BulkDeleteJobDone && s.Status != BulkDeleteJobFailed {
			return false
		}
	}
	return true
}

// BulkDeleteJobPayload is the answer of Users.CreateBulkDeleteJob: the new job's ID.
type BulkDeleteJobPayload struct {
	rawJSON
	// ID is the job's ID (see BulkDeleteJobsPayload.StatusByID).
	ID string `json:"id"`
}

// CreateBulkDeleteJobParams names the users of a bulk delete job, by list or as a CSV file,
// and what is deleted with them.
type CreateBulkDeleteJobParams struct {
	// UserIDs are the public IDs of the users to delete, sent as a CSV file of one ID per
	// line. Set UserIDs or CSV, not both.
	UserIDs []string
	// CSV is a CSV file of the user IDs to delete, sent as it is (read whole before the
	// call). Set UserIDs or CSV, not both.
	CSV io.Reader
	// Options chooses what is deleted with the users, as for Users.Delete (sent as the
	// deleteOptions field, a JSON object); nil leaves the server's defaults.
	Options *DeleteUserParams
}

// bulkDeleteMaxCSV bounds the CSV of a bulk delete job read into memory (32 MiB: over a
// million user IDs).
const bulkDeleteMaxCSV = 32 << 20

// body builds the multipart body of the job: the CSV file and the delete options.
func (p *CreateBulkDeleteJobParams) body(op string) (contentType string, body []byte, err error) {
	if err := notNil(op, "params", p); err != nil {
		return "", nil, err
	}
	var csv []byte
	switch {
	case len(p.UserIDs) > 0 && p.CSV != nil:
		return "", nil, &ValidationError{Op: op, Field: "CSV", Reason: "must not be set together with UserIDs"}
	case p.CSV != nil:
		if csv, err = io.ReadAll(io.LimitReader(p.CSV, bulkDeleteMaxCSV+1)); err != nil {
			return "", nil, &ValidationError{Op: op, Field: "CSV", Reason: "cannot be read: " + err.Error()}
		}
		if len(csv) > bulkDeleteMaxCSV {
			return "", nil, &ValidationError{Op: op, Field: "CSV", Reason: "is larger than 32 MiB"}
		}
		if len(bytes.TrimSpace(csv)) == 0 {
			return "", nil, &ValidationError{Op: op, Field: "CSV", Reason: "is empty"}
		}
	case len(p.UserIDs) > 0:
		var b strings.Builder
		for _, id := range p.UserIDs {
			if strings.TrimSpace(id) == "" || strings.ContainsFunc(id, func(r rune) bool { return r == ',' || r == '"' || unicode.IsControl(r) }) {
				return "", nil, &ValidationError{Op: op, Field: "UserIDs", Reason: "must hold IDs without commas, quotes or control characters"}
			}
			b.WriteString(id)
			b.WriteString("\n")
		}
		csv = []byte(b.String())
	default:
		return "", nil, &ValidationError{Op: op, Field: "UserIDs", Reason: "must not be empty (or set CSV)"}
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreatePart(map[string][]string{
		"Content-Disposition": {`form-data; name="file"; filename="users.csv"`},
		"Content-Type":        {"text/csv"},
	})
	if err == nil {
		_, err = fw.Write(csv)
	}
	if err == nil && p.Options != nil {
		opts, merr := json.Marshal(p.Options.wire())
		if merr != nil {
			return "", nil, merr
		}
		err = mw.WriteField("deleteOptions", string(opts))
	}
	if err == nil {
		err = mw.Close()
	}
	if err != nil {
		return "", nil, err
	}
	return mw.FormDataContentType(), buf.Bytes(), nil
}

// wire is the JSON form of the delete options of a bulk delete job.
func (p *DeleteUserParams) wire() map[string]bool {
	m := map[string]bool{}
	for name, v := range map[string]*bool{"deleteAll": p.DeleteAll, "markMessageDeleted": p.MarkMessageDeleted,
		"hardDeletePost": p.HardDeletePost, "hardDeleteComment": p.HardDeleteComment} {
		if v != nil {
			m[name] = *v
		}
	}
	return m
}

// CreateBulkDeleteJob starts a job that deletes many users (admin only) and returns its ID;
// the job runs in the background (see GetBulkDeleteJobs). POST
// /api/v1/users/bulk-delete/jobs, a multipart body of the CSV file of user IDs and the
// delete options. Not retried after it may have reached the server (a repeat would start a
// second job).
func (s *UsersService) CreateBulkDeleteJob(ctx context.Context, params *CreateBulkDeleteJobParams, opts ...CallOption) (*BulkDeleteJobPayload, error) {
	const op = "Users.CreateBulkDeleteJob"
	ct, body, err := params.body(op)
	if err != nil {
		return nil, err
	}
	open := func() (io.Reader, error) { return bytes.NewReader(body), nil }
	r := &request{op: op, method: http.MethodPost, path: "/api/v1/users/bulk-delete/jobs", stream: &payload{contentType: ct, open: open}, opts: opts}
	out, err := call[BulkDeleteJobPayload](ctx, s.c, r)
	if err != nil {
		return nil, err
	}
	if out.ID == "" {
		return nil, malformedAnswer(r, "the answer holds no job ID")
	}
	return out, nil
}

// GetBulkDeleteJobs returns the network's bulk delete jobs and their states (admin only).
// GET /api/v1/users/bulk-delete/jobs.
func (s *UsersService) GetBulkDeleteJobs(ctx context.Context, opts ...CallOption) (*BulkDeleteJobsPayload, error) {
	return call[BulkDeleteJobsPayload](ctx, s.c, &request{op: "Users.GetBulkDeleteJobs", method: http.MethodGet, path: "/api/v1/users/bulk-delete/jobs", opts: opts})
}

// BlockersPayload is one page of the users who blocked the calling user.
type BlockersPayload struct {
	rawJSON
	// Follows are the block relations of this page, from each blocker to the caller.
	Follows []UserFollow `json:"follows"`
	Users   []User       `json:"users"`
	Files   []File       `json:"files"`
	// Paging holds the cursors and Total, the number of blockers.
	Paging Paging `json:"paging"`
}

// Blockers returns the users of the page who blocked the caller, in the order of Follows. A
// relation whose user is not sideloaded gives a User holding only its ID.
func (p *BlockersPayload) Blockers() []User {
	return relationUsers(p.Follows, p.Users, p.Blocker, func(f *UserFollow) (string, string, string) {
		return f.FromUserPublicID, f.FromUserInternalID, f.From
	})
}

// Blocker returns the sideloaded user a block relation comes from, or nil.
func (p *BlockersPayload) Blocker(f *UserFollow) *User {
	if f == nil {
		return nil
	}
	return findUserOf(p.Users, f.FromUserPublicID, f.FromUserInternalID, f.From)
}

func (p *BlockersPayload) pageItems() []User { return p.Blockers() }
func (p *BlockersPayload) pageInfo() Paging  { return p.Paging }

// UserByID returns the sideloaded user with the given public (else internal or private) ID,
// or nil.
func (p *BlockersPayload) UserByID(userID string) *User { return findUser(p.Users, userID) }

// FileByID returns the sideloaded file with the given ID, or nil.
func (p *BlockersPayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// ListBlockersParams pages Users.ListBlockers (flat limit and token on this endpoint).
type ListBlockersParams struct {
	PageParams
}

func (p *ListBlockersParams) query(op string) (query, error) {
	return orZero(p).PageParams.flatQuery(op, 0)
}

// ListBlockers returns an iterator over the users who blocked the calling user, fetching
// pages as it goes. Call it on a view from Client.AsUser. GET /api/v4/me/blockers.
func (s *UsersService) ListBlockers(ctx context.Context, params *ListBlockersParams, opts ...CallOption) iter.Seq2[User, error] {
	return listAll(ctx, params, opts, s.ListBlockersPage)
}

// ListBlockersPages returns an iterator over the pages of ListBlockers, with the block
// relations. Call it on a view from Client.AsUser. GET /api/v4/me/blockers.
func (s *UsersService) ListBlockersPages(ctx context.Context, params *ListBlockersParams, opts ...CallOption) iter.Seq2[*BlockersPayload, error] {
	return pages(ctx, params, opts, s.ListBlockersPage)
}

// ListBlockersPage returns one page of the users who blocked the calling user, with the block
// relations and the total. Call it on a view from Client.AsUser. GET /api/v4/me/blockers.
func (s *UsersService) ListBlockersPage(ctx context.Context, params *ListBlockersParams, opts ...CallOption) (*BlockersPayload, error) {
	const op = "Users.ListBlockersPage"
	return listPage[BlockersPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v4/me/blockers", opts: opts}, params)
}
