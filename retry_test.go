package amity_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scripted answers each request with the next status of its script (the last one repeats)
// and counts requests.
type scripted struct {
	hits     atomic.Int32
	statuses []int
	body     func(status int) string
	header   http.Header
	times    chan time.Time
}

func (s *scripted) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := int(s.hits.Add(1))
	if s.times != nil {
		s.times <- time.Now()
	}
	st := s.statuses[min(n, len(s.statuses))-1]
	for k, v := range s.header {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(st)
	switch {
	case s.body != nil:
		fmt.Fprint(w, s.body(st))
	case st < 300:
		fmt.Fprint(w, `{"users":[{"userId":"u"}],"success":true}`)
	default:
		fmt.Fprintf(w, `{"status":"error","code":%d,"message":"status %d"}`, st*1000, st)
	}
}

func retryClient(t *testing.T, url string, opts ...amity.Option) *amity.Client {
	t.Helper()
	c, err := amity.NewClient(append([]amity.Option{amity.WithBaseURL(url), amity.WithAdminToken(adminToken), amity.WithAPIKey(apiKey),
		amity.WithMaxRetries(3), amity.WithRetryWait(time.Millisecond, 4*time.Millisecond)}, opts...)...)
	require.NoError(t, err)
	return c
}

func TestRetryPolicy(t *testing.T) {
	ctx := context.Background()
	read := func(c *amity.Client) error { return errOf(c.Users.Get(ctx, "u")) }
	write := func(c *amity.Client) error { // a POST: not idempotent
		_, err := c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: "u", DeviceID: "d"})
		return err
	}
	cases := []struct {
		name     string
		call     func(*amity.Client) error
		statuses []int
		wantHits int32
		wantErr  bool
	}{
		{"read retried on 500 then ok", read, []int{500, 502, 200}, 3, false},
		{"read retried on 503 up to the limit", read, []int{503}, 4, true},
		{"read not retried on 501", read, []int{501}, 1, true},
		{"read not retried on 404", read, []int{404}, 1, true},
		{"read retried on 429", read, []int{429, 200}, 2, false},
		{"write not retried on 500", write, []int{500}, 1, true},
		{"write not retried on 502", write, []int{502}, 1, true},
		{"write retried on 429", write, []int{429, 429, 200}, 3, false},
		{"idempotent write retried on 503", func(c *amity.Client) error {
			return errOf(c.Users.Update(ctx, &amity.UpdateUserParams{UserID: "u", DisplayName: amity.Ptr("x")}))
		}, []int{503, 200}, 2, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := &scripted{statuses: tc.statuses}
			srv := httptest.NewServer(s)
			defer srv.Close()
			err := tc.call(retryClient(t, srv.URL))
			assert.Equal(t, tc.wantHits, s.hits.Load())
			if tc.wantErr {
				assert.Error(t, err)
			} else {
				assert.NoError(t, err)
			}
		})
	}
}

func TestRetryOnRateLimitBody(t *testing.T) {
	// The FAQ says 400311 comes "e.g. with HTTP 429"; a 400 carrying it is rejected
	// unprocessed too, so even a write is sent again.
	s := &scripted{statuses: []int{400, 200}, body: func(st int) string {
		if st == 400 {
			return `{"status":"error","code":"400311","message":"RateLimit Exceed."}`
		}
		return `{"accessToken":"a"}`
	}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	_, err := retryClient(t, srv.URL).Sessions.Register(context.Background(), &amity.RegisterSessionParams{UserID: "u", DeviceID: "d"})
	require.NoError(t, err)
	assert.EqualValues(t, 2, s.hits.Load())
}

func TestRateLimitedErrorAfterRetries(t *testing.T) {
	s := &scripted{statuses: []int{429}, body: func(int) string { return `{"status":"error","code":400311,"message":"RateLimit Exceed."}` }}
	srv := httptest.NewServer(s)
	defer srv.Close()
	_, err := retryClient(t, srv.URL, amity.WithMaxRetries(2)).Users.Get(context.Background(), "u")
	assert.ErrorIs(t, err, amity.ErrRateLimited)
	assert.EqualValues(t, 3, s.hits.Load())
}

func TestRetryAfterHonoured(t *testing.T) {
	s := &scripted{statuses: []int{429, 200}, header: http.Header{"Retry-After": {"1"}}, times: make(chan time.Time, 4)}
	srv := httptest.NewServer(s)
	defer srv.Close()
	// Backoff bounds far below one second: only Retry-After can explain a 1 s gap.
	_, err := retryClient(t, srv.URL, amity.WithRetryWait(time.Millisecond, 2*time.Second)).Users.Get(context.Background(), "u")
	require.NoError(t, err)
	first, second := <-s.times, <-s.times
	assert.GreaterOrEqual(t, second.Sub(first), 990*time.Millisecond)
}

func TestNoDuplicateWriteWhenConnectionDropsAfterSend(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		// The request arrived whole; the connection dies before any answer.
		conn, _, err := w.(http.Hijacker).Hijack()
		require.NoError(t, err)
		conn.Close()
	}))
	defer srv.Close()
	c := retryClient(t, srv.URL)
	_, err := c.Sessions.Register(context.Background(), &amity.RegisterSessionParams{UserID: "u", DeviceID: "d"})
	require.Error(t, err)
	assert.EqualValues(t, 1, hits.Load(), "a write that reached the server must not be sent again")

	hits.Store(0)
	_, err = c.Users.Get(context.Background(), "u")
	require.Error(t, err)
	assert.EqualValues(t, 4, hits.Load(), "a read is retried after a dropped connection")
}

// countingTransport counts the attempts that reach the network layer.
type countingTransport struct {
	n    atomic.Int32
	base http.RoundTripper
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.base.RoundTrip(r)
}

func TestWriteRetriedWhenNotSent(t *testing.T) {
	ct := &countingTransport{base: http.DefaultTransport}
	c := retryClient(t, "http://"+deadAddr(t), amity.WithHTTPClient(&http.Client{Transport: ct}))
	_, err := c.Sessions.Register(context.Background(), &amity.RegisterSessionParams{UserID: "u", DeviceID: "d"})
	require.Error(t, err)
	assert.EqualValues(t, 4, ct.n.Load(), "a write whose connection was refused never reached the server and is retried")
	assert.Contains(t, err.Error(), "POST /api/v5/sessions")
}

func TestContextCancelStopsRetries(t *testing.T) {
	s := &scripted{statuses: []int{503}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	c := retryClient(t, srv.URL, amity.WithRetryWait(time.Hour, time.Hour))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := c.Users.Get(ctx, "u") // would sleep an hour before its retry if ctx were ignored
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.EqualValues(t, 1, s.hits.Load())
}

// A Retry-After longer than the time left, or than the longest retry wait, fails at once
// with the wait in the error; a shorter one is waited for.
func TestRetryAfterBeyondBounds(t *testing.T) {
	serve := func(retryAfter string) (*httptest.Server, *atomic.Int32) {
		var hits atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if hits.Add(1) == 1 {
				w.Header().Set("Retry-After", retryAfter)
				writeJSON(w, 429, `{"status":"error","code":400311,"message":"Too many requests"}`)
				return
			}
			writeJSON(w, 200, userAnswer("u1"))
		}))
		t.Cleanup(srv.Close)
		return srv, &hits
	}
	check := func(t *testing.T, err error, hits *atomic.Int32, wait time.Duration) {
		t.Helper()
		require.ErrorIs(t, err, amity.ErrRateLimited)
		assert.NotErrorIs(t, err, context.DeadlineExceeded)
		var e *amity.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, wait, e.RetryAfter)
		assert.Contains(t, err.Error(), "retry after")
		assert.Equal(t, int32(1), hits.Load())
	}

	t.Run("past the ctx deadline", func(t *testing.T) {
		srv, hits := serve("30")
		c := serverClient(t, srv.URL, amity.WithRetryWait(time.Millisecond, time.Minute))
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		start := time.Now()
		err := getUser(ctx, c, "u1")
		assert.Less(t, time.Since(start), 900*time.Millisecond, "fails at once, not at the deadline")
		check(t, err, hits, 30*time.Second)
	})
	t.Run("past the longest retry wait", func(t *testing.T) {
		srv, hits := serve("5")
		c := serverClient(t, srv.URL, amity.WithRetryWait(time.Millisecond, 2*time.Second))
		start := time.Now()
		err := getUser(context.Background(), c, "u1")
		assert.Less(t, time.Since(start), 2*time.Second)
		check(t, err, hits, 5*time.Second)
	})
	t.Run("past the deadline on a write", func(t *testing.T) {
		srv, hits := serve("30")
		c := serverClient(t, srv.URL, amity.WithRetryWait(time.Millisecond, time.Minute))
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		check(t, createPost(ctx, c, "p1"), hits, 30*time.Second)
	})
	t.Run("within bounds is waited for", func(t *testing.T) {
		srv, hits := serve("1")
		c := serverClient(t, srv.URL, amity.WithRetryWait(time.Millisecond, 5*time.Second), amity.WithoutRateLimit())
		start := time.Now()
		require.NoError(t, getUser(context.Background(), c, "u1"))
		assert.GreaterOrEqual(t, time.Since(start), 900*time.Millisecond)
		assert.Equal(t, int32(2), hits.Load())
	})
}
