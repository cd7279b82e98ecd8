package amitytest

import (
	"math/rand/v2"
	"net/http"
	"sync"
	"time"
)

// RecordedRequest is one request the server received, in arrival order.
type RecordedRequest struct {
	Method   string
	Path     string
	RawQuery string
	// Identity is "admin" for the admin token, the userId for a user's
	// access token, and "" when the request carried no valid token.
	Identity string
}

// faults holds the fault-injection knobs and the request log.
type faults struct {
	mu        sync.Mutex
	failN     int
	failCode  int
	dropN     int
	malformed int
	failRate  float64 // the probability of failing a request with 500 (SetFailRate)
	delay     time.Duration
	requests  []RecordedRequest // a ring of the last requestLogSize requests
	total     int               // the requests received, all of them
}

// requestLogSize is how many requests Requests keeps: a server that a load test or a
// long-running stack talks to must not grow without bound.
const requestLogSize = 10_000

// FailNext makes the next n requests fail with the given HTTP status and a
// spec-shaped error body (429 uses code 400311 "RateLimit Exceed.").
func (s *Server) FailNext(n int, status int) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.failN, s.faults.failCode = n, status
}

// SetFailRate makes each following request fail with 500 and a spec-shaped error body
// (code 500000) with probability p, after FailNext, DropNext and MalformedNext have had their
// turn; 0 turns it off. The request is recorded like any other.
func (s *Server) SetFailRate(p float64) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.failRate = p
}

// SetDelay delays every following request by d before it is handled (0 turns
// the delay off). A request whose context ends during the delay gets no answer.
func (s *Server) SetDelay(d time.Duration) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.delay = d
}

// DropNext makes the server close the connection of the next n requests
// without writing a response.
func (s *Server) DropNext(n int) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.dropN = n
}

// MalformedNext makes the next n requests get 200 with a truncated JSON body.
func (s *Server) MalformedNext(n int) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.malformed = n
}

// Requests returns a copy of the requests received so far, in arrival order: all of them,
// or the last 10,000 once more have come (RequestCount counts them all).
func (s *Server) Requests() []RecordedRequest {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	f := &s.faults
	if f.total <= len(f.requests) {
		return append([]RecordedRequest(nil), f.requests...)
	}
	at := f.total % len(f.requests) // the oldest kept
	out := make([]RecordedRequest, 0, len(f.requests))
	out = append(out, f.requests[at:]...)
	return append(out, f.requests[:at]...)
}

// RequestCount returns the number of requests received so far.
func (s *Server) RequestCount() int {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	return s.faults.total
}

func (f *faults) record(r RecordedRequest) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.requests) < requestLogSize {
		f.requests = append(f.requests, r)
	} else {
		f.requests[f.total%requestLogSize] = r
	}
	f.total++
}

type faultKind int

const (
	faultNone faultKind = iota
	faultDrop
	faultFail
	faultMalformed
)

// take consumes one pending fault, if any, and returns the delay to apply.
func (f *faults) take() (faultKind, int, time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case f.dropN > 0:
		f.dropN--
		return faultDrop, 0, f.delay
	case f.failN > 0:
		f.failN--
		return faultFail, f.failCode, f.delay
	case f.malformed > 0:
		f.malformed--
		return faultMalformed, 0, f.delay
	case f.failRate > 0 && rand.Float64() < f.failRate:
		return faultFail, http.StatusInternalServerError, f.delay
	}
	return faultNone, 0, f.delay
}

// apply injects the configured faults; it reports whether the request has
// been answered (or dropped) already.
func (f *faults) apply(w http.ResponseWriter, r *http.Request) bool {
	kind, status, delay := f.take()
	if delay > 0 {
		t := time.NewTimer(delay)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return true
		}
	}
	switch kind {
	case faultDrop:
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return true
			}
		}
		panic(http.ErrAbortHandler)
	case faultFail:
		code, msg := codeForStatus(status)
		writeJSON(w, status, errorBody{Status: "error", Code: code, Message: msg})
		return true
	case faultMalformed:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"status":"success","data":{"users":[{"userId":`))
		return true
	}
	return false
}
