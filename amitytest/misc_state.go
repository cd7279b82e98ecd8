package amitytest

import (
	"net/http"
	"strings"
	"time"
)

// miscState is the state of the operations spec 4.116.1 added to the posts, files, users,
// sessions and chat areas: scheduled posts (scheduled_posts.go), bulk delete jobs
// (users_bulk_delete.go), edit histories (content_history.go) and the read-only sessions of
// bots and visitors (sessions_v5.go). Its zero value is ready: each map is made on first use.
type miscState struct {
	scheduled map[string]*scheduledPost // by scheduled post ID
	jobs      []*bulkDeleteJob          // oldest first
	histories map[string]*editHistory   // by contentType \x00 contentId
	guests    map[string]string         // access token -> "bot" or "visitor"
}

// runDue does what the server's clock has made due before it answers a request: it publishes
// the scheduled posts whose time has come and moves the bulk delete jobs on. Server.authenticate
// calls it, with s.mu held, for every request.
func (s *Server) runDue() {
	s.publishDue()
	s.runJobs()
}

// refuseGuestWrite refuses a write made with the token of a bot or visitor session: those
// sessions are read-only. Revoking the session itself is allowed. s.mu is held.
func (s *Server) refuseGuestWrite(r *http.Request, tok string) error {
	kind := s.st.misc.guests[tok]
	if kind == "" || r.Method == http.MethodGet || r.Method == http.MethodHead {
		return nil
	}
	if r.Method == http.MethodDelete && strings.TrimSuffix(r.URL.Path, "/") == "/api/v4/sessions" {
		return nil
	}
	return errPermission(strings.ToUpper(kind[:1]) + kind[1:] + " users have read-only access.")
}

// miscTime parses an RFC 3339 time of a request field (name for the error).
func miscTime(name, v string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, errBadRequest("Parameters validation error: %s must be a date-time", name)
	}
	return t.UTC(), nil
}
