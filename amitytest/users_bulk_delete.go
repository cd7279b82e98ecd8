package amitytest

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"
)

// bulkDeleteJob is a job deleting the users of a CSV file. It is WAITING when created, RUNNING
// from the next request the server answers, and at the request after that it deletes its
// users and is DONE (FAIL when none of its users exists): it moves on as the server works,
// whatever its clock says.
type bulkDeleteJob struct {
	id        string
	userIDs   []string
	options   map[string]bool // deleteAll, markMessageDeleted, hardDeletePost, hardDeleteComment
	status    string          // WAITING, RUNNING, DONE or FAIL
	deleted   []string        // the users it deleted
	createdAt time.Time
	updatedAt time.Time
}

// bulkDeleteOptions are the delete options a job takes (those of DELETE
// /api/v4/users/{userId}).
var bulkDeleteOptions = []string{"deleteAll", "markMessageDeleted", "hardDeletePost", "hardDeleteComment"}

// maxBulkDeleteCSV bounds the CSV file of a job.
const maxBulkDeleteCSV = 8 << 20

func (s *Server) routesBulkDelete() {
	s.routeUnlocked("POST /api/v1/users/bulk-delete/jobs", authAdmin, s.createBulkDeleteJob)
	s.route("GET /api/v1/users/bulk-delete/jobs", authAdmin, func(c *request) error {
		out := map[string]any{"statuses": []map[string]string{}}
		jobs := c.st.misc.jobs
		if len(jobs) == 0 {
			return c.ok(out)
		}
		statuses := []map[string]string{}
		var updated time.Time
		for i := len(jobs) - 1; i >= 0; i-- { // newest first
			j := jobs[i]
			statuses = append(statuses, map[string]string{"_id": j.id, "status": j.status})
			if j.updatedAt.After(updated) {
				updated = j.updatedAt
			}
		}
		last := jobs[len(jobs)-1]
		out["id"], out["statuses"], out["lastCreatedAt"], out["lastUpdatedAt"] = last.id, statuses, ts(last.createdAt), ts(updated)
		return c.ok(out)
	})
	s.route("GET /api/v4/me/blockers", authUser, s.listBlockers)
}

// createBulkDeleteJob reads the multipart body (the file field, a CSV of user IDs, one per
// row in its first column; a first row "userId" is a header; and deleteOptions, a JSON
// object) and queues a job. It answers 202 with the job's ID.
func (s *Server) createBulkDeleteJob(c *request) error {
	c.r.Body = http.MaxBytesReader(c.w, c.r.Body, maxBulkDeleteCSV)
	mr, err := c.r.MultipartReader()
	if err != nil {
		return errBadRequest("Request must be multipart/form-data")
	}
	var file []byte
	var hasFile bool
	options := map[string]bool{}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return uploadErr(err)
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return uploadErr(err)
		}
		switch part.FormName() {
		case "file":
			file, hasFile = data, true
		case "deleteOptions":
			var raw map[string]any
			if json.Unmarshal(data, &raw) != nil {
				return errBadRequest("Parameters validation error: deleteOptions must be a JSON object")
			}
			for k, v := range raw {
				b, isBool := v.(bool)
				if !isBool || !containsString(bulkDeleteOptions, k) {
					return errBadRequest("Parameters validation error: deleteOptions.%s is not a delete option", k)
				}
				options[k] = b
			}
		}
	}
	if !hasFile {
		return errBadRequest("Parameters validation error: file is required")
	}
	ids, err := bulkDeleteCSV(file)
	if err != nil {
		return err
	}
	c.lock()
	defer c.unlock()
	now := c.now()
	job := &bulkDeleteJob{id: c.st.newID(), userIDs: ids, options: options, status: "WAITING", createdAt: now, updatedAt: now}
	c.st.misc.jobs = append(c.st.misc.jobs, job)
	writeJSON(c.w, http.StatusAccepted, map[string]string{"id": job.id})
	return nil
}

// bulkDeleteCSV reads the user IDs of a job's CSV file: the first column of each row, without
// a "userId" header.
func bulkDeleteCSV(file []byte) ([]string, error) {
	r := csv.NewReader(bytes.NewReader(file))
	r.FieldsPerRecord = -1
	var ids []string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, errBadRequest("The file is not a CSV file: %v", err)
		}
		if id := strings.TrimSpace(rec[0]); id != "" && !(len(ids) == 0 && strings.EqualFold(id, "userId")) {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil, errBadRequest("The file holds no user ID")
	}
	return uniq(ids), nil
}

// runJobs moves each unfinished bulk delete job one step: WAITING to RUNNING, RUNNING to DONE
// (or FAIL) after deleting its users as the admin, with the job's options. s.mu is held.
func (s *Server) runJobs() {
	for _, j := range s.st.misc.jobs {
		switch j.status {
		case "WAITING":
			j.status, j.updatedAt = "RUNNING", s.now()
		case "RUNNING":
			c := s.asUser(adminUserID)
			c.isAdmin = true
			for _, id := range j.userIDs {
				if u := s.st.users[id]; u != nil && !u.deleted {
					c.wipeUser(u, func(name string) bool { return j.options[name] })
					j.deleted = append(j.deleted, id)
				}
			}
			j.status, j.updatedAt = "DONE", s.now()
			if len(j.deleted) == 0 {
				j.status = "FAIL"
			}
		}
	}
}

// listBlockers is GET /api/v4/me/blockers: the users who blocked the caller, the latest
// first, each with the relation from them to the caller.
func (s *Server) listBlockers(c *request) error {
	c.bareOpts = true
	me := c.me()
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	type blocker struct {
		u  *user
		at time.Time
	}
	var list []blocker
	for from, blocked := range c.st.blocks {
		at, ok := blocked[me.id]
		if u := c.st.users[from]; ok && u != nil && !u.deleted {
			list = append(list, blocker{u, at})
		}
	}
	sortByCreated(list, func(b blocker) (time.Time, int64) { return b.at, b.u.seq }, true)
	win, cur := paginate(list, p)
	b := c.sideload()
	follows := []followJSON{}
	for _, bl := range win {
		follows = append(follows, follow(bl.u, me, "blocked", bl.at))
		b.addUser(bl.u.id)
	}
	return c.ok(map[string]any{"follows": follows, "users": b.users(), "files": b.files(), "paging": cur.withTotal()})
}
