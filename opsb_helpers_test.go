package amity_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"sync"
	"testing"

	"github.com/amity-go/amity"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bCall is one request seen by a bRecorder.
type bCall struct {
	Method string
	Path   string
	Query  url.Values
	Body   string
	Header http.Header
}

// bRecorder records the requests of the B-area unit tests.
type bRecorder struct {
	mu    sync.Mutex
	calls []bCall
}

func (r *bRecorder) all() []bCall {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bCall(nil), r.calls...)
}

func (r *bRecorder) last(t *testing.T) bCall {
	t.Helper()
	calls := r.all()
	require.NotEmpty(t, calls, "no request recorded")
	return calls[len(calls)-1]
}

// answer registers a responder for method on https://api.test+path answering body with the
// statuses in turn (the last one repeats), recording every request.
func (r *bRecorder) answer(mt *httpmock.MockTransport, method, path, body string, statuses ...int) {
	if len(statuses) == 0 {
		statuses = []int{200}
	}
	n := 0
	mt.RegisterResponder(method, "https://api.test"+path, func(req *http.Request) (*http.Response, error) {
		var b []byte
		if req.Body != nil {
			b, _ = io.ReadAll(req.Body)
		}
		r.mu.Lock()
		r.calls = append(r.calls, bCall{Method: req.Method, Path: req.URL.EscapedPath(), Query: req.URL.Query(), Body: string(b), Header: req.Header.Clone()})
		st := statuses[min(n, len(statuses)-1)]
		n++
		r.mu.Unlock()
		if st >= 300 {
			return jsonResponder(st, `{"status":"error","code":500000,"message":"Unexpected error"}`)(req)
		}
		return jsonResponder(st, body)(req)
	})
}

// assertInvalidB asserts a *ValidationError naming field.
func assertInvalidB(t *testing.T, err error, field string) {
	t.Helper()
	var ve *amity.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	assert.Equal(t, field, ve.Field, "error: %v", err)
}

// assertNotFoundB asserts an API error with code 400400 decoded as ErrNotFound.
func assertNotFoundB(t *testing.T, err error) {
	t.Helper()
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.ErrorIs(t, err, amity.ErrNotFound)
	assert.Equal(t, amity.CodeItemNotFound, ae.Code)
	assert.Equal(t, "Story not found.", ae.Message)
}

const notFoundBodyB = `{"status":"error","code":400400,"message":"Story not found."}`

// drainB ranges over seq and returns its items and first error.
func drainB[T any](seq func(func(T, error) bool)) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// ctxB is the context of the B-area unit tests.
var ctxB = context.Background()

// countB ranges over seq, failing t on an error, and returns the number of items.
func countB[T any](t *testing.T, seq func(func(T, error) bool)) int {
	t.Helper()
	items, err := drainB(seq)
	require.NoError(t, err)
	return len(items)
}

type (
	httpReq  = http.Request
	httpResp = http.Response
)

// readBody reads a request's body for a recorder.
func readBody(r *http.Request) string {
	if r.Body == nil {
		return ""
	}
	b, _ := io.ReadAll(r.Body)
	return string(b)
}

// emptyResponse is an answer without a body.
func emptyResponse(status int) *http.Response {
	return httpmock.NewStringResponse(status, "")
}
