package amity_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Per-call options: headers, the answer, retries and timeouts of one call.
func TestCallOptions(t *testing.T) {
	ctx := context.Background()
	type seen struct {
		header http.Header
		path   string
	}
	var mu sync.Mutex
	var arrivals []seen
	status := atomic.Int32{}
	status.Store(200)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body) // so that the server notices a client that gave up
		mu.Lock()
		arrivals = append(arrivals, seen{r.Header.Clone(), r.URL.Path})
		mu.Unlock()
		w.Header().Set("X-Request-Id", "req-42")
		w.Header().Set("X-Custom", "yes")
		switch st := int(status.Load()); st {
		case 200:
			if r.URL.Path == "/api/v4/authentication/token" {
				w.Header().Set("Content-Type", "text/plain")
				_, _ = io.WriteString(w, "authtok")
				return
			}
			writeJSON(w, 200, userAnswer("u1"))
		case 299: // slow
			select {
			case <-r.Context().Done():
			case <-time.After(3 * time.Second):
			}
			writeJSON(w, 200, userAnswer("u1"))
		default:
			writeJSON(w, st, `{"status":"error","code":400300,"message":"nope"}`)
		}
	}))
	defer srv.Close()
	reset := func(st int) {
		mu.Lock()
		arrivals = nil
		mu.Unlock()
		status.Store(int32(st))
	}
	count := func() int { mu.Lock(); defer mu.Unlock(); return len(arrivals) }
	c := serverClient(t, srv.URL, amity.WithServerKey(leakServerKey), amity.WithoutRateLimit())

	t.Run("WithCallHeader reaches the server", func(t *testing.T) {
		reset(200)
		_, err := createAuthToken(ctx, c, "alice", amity.WithCallHeader("X-Trace-Id", "trace-1"), amity.WithCallHeader("x-tenant", "t9"))
		require.NoError(t, err)
		mu.Lock()
		defer mu.Unlock()
		require.Len(t, arrivals, 1)
		assert.Equal(t, "trace-1", arrivals[0].header.Get("X-Trace-Id"))
		assert.Equal(t, "t9", arrivals[0].header.Get("X-Tenant"))
		assert.Equal(t, leakServerKey, arrivals[0].header.Get("X-Server-Key"))
	})
	t.Run("reserved and malformed headers refused before sending", func(t *testing.T) {
		reset(200)
		for _, h := range []string{"Authorization", "authorization", "X-API-Key", "x-server-key", "Cookie", "Content-Type",
			"Content-Length", "Host", "Transfer-Encoding", "", "X-A B", "X-A:B", "X-Ok\r\nX-Evil"} {
			_, err := createAuthToken(ctx, c, "alice", amity.WithCallHeader(h, "v"))
			assert.ErrorIs(t, err, amity.ErrInvalidArgument, "%q", h)
		}
		_, err := createAuthToken(ctx, c, "alice", amity.WithCallHeader("X-Ok", "a\r\nX-Evil: 1"))
		assert.ErrorIs(t, err, amity.ErrInvalidArgument)
		for _, o := range []amity.CallOption{amity.WithCallRetries(-1), amity.WithCallTimeout(0), amity.WithCallResponse(nil)} {
			_, err := createAuthToken(ctx, c, "alice", o)
			assert.ErrorIs(t, err, amity.ErrInvalidArgument)
		}
		assert.Zero(t, count(), "nothing sent")
	})
	t.Run("WithCallResponse on success and on an API error", func(t *testing.T) {
		reset(200)
		var resp *http.Response
		_, err := createAuthToken(ctx, c, "alice", amity.WithCallResponse(&resp))
		require.NoError(t, err)
		require.NotNil(t, resp)
		assert.Equal(t, 200, resp.StatusCode)
		assert.Equal(t, "yes", resp.Header.Get("X-Custom"))
		reset(403)
		resp = nil
		_, err = createAuthToken(ctx, c, "alice", amity.WithCallResponse(&resp))
		require.ErrorIs(t, err, amity.ErrForbidden)
		require.NotNil(t, resp)
		assert.Equal(t, 403, resp.StatusCode)
		assert.Equal(t, "req-42", resp.Header.Get("X-Request-Id"))
		var e *amity.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, "req-42", e.RequestID)
	})
	t.Run("WithCallRetries on a 429 write (rejected unprocessed, so retried)", func(t *testing.T) {
		for retries, want := range map[int]int{0: 1, 2: 3} {
			reset(429)
			_, err := createAuthToken(ctx, c, "alice", amity.WithCallRetries(retries))
			require.ErrorIs(t, err, amity.ErrRateLimited)
			assert.Equal(t, want, count(), "WithCallRetries(%d)", retries)
		}
	})
	t.Run("WithCallRetries on a 503 read", func(t *testing.T) {
		for retries, want := range map[int]int{0: 1, 2: 3} {
			reset(503)
			err := getUser(ctx, c, "u1", amity.WithCallRetries(retries))
			require.Error(t, err)
			assert.Equal(t, want, count(), "WithCallRetries(%d)", retries)
		}
	})
	t.Run("WithCallTimeout bounds a slow call", func(t *testing.T) {
		reset(299)
		start := time.Now()
		_, err := createAuthToken(ctx, c, "alice", amity.WithCallTimeout(200*time.Millisecond))
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Less(t, time.Since(start), 2*time.Second)
	})
	t.Run("RequestID from X-Request-Id", func(t *testing.T) {
		reset(500)
		err := getUser(ctx, serverClient(t, srv.URL, amity.WithMaxRetries(0)), "u1")
		var e *amity.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, "req-42", e.RequestID)
	})
}
