package amitytest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// resp is a decoded HTTP response.
type resp struct {
	status int
	header http.Header
	body   []byte
}

// json decodes the body into a generic map.
func (r resp) obj(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(r.body, &m), "body: %s", r.body)
	return m
}

// code returns the error code of an error body.
func (r resp) code(t testing.TB) int {
	t.Helper()
	m := r.obj(t)
	require.Equal(t, "error", m["status"], "body: %s", r.body)
	return int(m["code"].(float64))
}

// hook is called with every response the helpers receive (the spec test
// validates them).
var hook func(t testing.TB, method, path string, r resp)

// call sends a request; body may be nil, a string (sent as is) or a value
// encoded as JSON.
func call(t testing.TB, srv *Server, token, method, path string, body any, headers ...string) resp {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		require.NoError(t, err)
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, srv.URL()+path, rd)
	require.NoError(t, err)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	r := resp{status: res.StatusCode, header: res.Header, body: raw}
	if hook != nil {
		p := path
		if i := strings.IndexByte(p, '?'); i >= 0 {
			p = p[:i]
		}
		hook(t, method, p, r)
	}
	return r
}

// ok asserts a 200 answer and decodes it.
func ok(t testing.TB, r resp) map[string]any {
	t.Helper()
	require.Equal(t, http.StatusOK, r.status, "body: %s", r.body)
	return r.obj(t)
}

// list returns m[key] as a slice of objects.
func list(t testing.TB, m map[string]any, key string) []map[string]any {
	t.Helper()
	raw, okk := m[key].([]any)
	require.True(t, okk, "%s is not an array in %v", key, m)
	out := make([]map[string]any, len(raw))
	for i, v := range raw {
		out[i] = v.(map[string]any)
	}
	return out
}

// ids collects field from each object.
func ids(items []map[string]any, field string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i], _ = it[field].(string)
	}
	return out
}

// register registers userID on deviceID and returns the access token.
func register(t testing.TB, srv *Server, userID, deviceID string) string {
	t.Helper()
	r := call(t, srv, "", "POST", "/api/v4/sessions", map[string]any{"userId": userID, "deviceId": deviceID}, "x-api-key", srv.APIKey())
	m := ok(t, r)
	return m["accessToken"].(string)
}

// newServer starts a server closed at the end of the test.
func newServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	srv := NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

// fakeClock is a settable clock for WithClock.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}
}

func (f *fakeClock) now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeClock) advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.t = f.t.Add(d)
}

// q escapes a query value.
func q(s string) string { return url.QueryEscape(s) }

// jsonUnmarshal is json.Unmarshal.
func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
