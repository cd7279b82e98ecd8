package amity_test

// Tests of what reaches the server: every arrival passes the limiter, even when the server
// closes kept-alive connections under the client.

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/internal/testkit"
	"github.com/amity-go/amity/internal/testlock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keepAliveServer speaks HTTP/1.1 with keep-alive and lets drop decide, for each request read
// whole, whether to close the connection instead of answering (n counts arrivals, reused says
// whether the request came on a connection that served an earlier one). It answers sessions
// with a token per user and everything else with a user.
type keepAliveServer struct {
	ln   net.Listener
	drop func(n int, reused bool) bool
	wg   sync.WaitGroup

	mu       sync.Mutex
	conns    map[net.Conn]bool
	arrivals map[string][]time.Time // by Authorization header
	count    atomic.Int32
}

func newKeepAliveServer(t *testing.T, drop func(n int, reused bool) bool) *keepAliveServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s := &keepAliveServer{ln: ln, drop: drop, arrivals: map[string][]time.Time{}, conns: map[net.Conn]bool{}}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			s.mu.Lock()
			s.conns[conn] = true
			s.mu.Unlock()
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				s.serve(conn)
			}()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		s.mu.Lock()
		for conn := range s.conns {
			conn.Close() // the client's idle connections
		}
		s.mu.Unlock()
		s.wg.Wait()
	})
	return s
}

func (s *keepAliveServer) serve(conn net.Conn) {
	defer conn.Close()
	br := bufio.NewReader(conn)
	for served := 0; ; served++ {
		req, err := http.ReadRequest(br)
		if err != nil {
			return
		}
		body, err := io.ReadAll(req.Body)
		if err != nil {
			return
		}
		n := int(s.count.Add(1))
		auth := req.Header.Get("Authorization")
		if req.URL.Path == "/api/v5/sessions" {
			auth = "register"
		}
		s.mu.Lock()
		s.arrivals[auth] = append(s.arrivals[auth], time.Now())
		s.mu.Unlock()
		if s.drop(n, served > 0) {
			return // close without answering
		}
		answer := `{"users":[{"userId":"u1"}]}`
		if req.URL.Path == "/api/v5/sessions" {
			user := strings.Split(string(body), `"userId":"`)
			id := "x"
			if len(user) > 1 {
				id, _, _ = strings.Cut(user[1], `"`)
			}
			answer = `{"accessToken":"tok-` + id + `","expiresAt":"2999-01-01T00:00:00Z"}`
		}
		if _, err := fmt.Fprintf(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(answer), answer); err != nil {
			return
		}
	}
}

func (s *keepAliveServer) URL() string { return "http://" + s.ln.Addr().String() }

// countingLimiter counts the turns a Limiter hands out.
type countingLimiter struct {
	amity.Limiter
	turns atomic.Int32
}

func (l *countingLimiter) Wait(ctx context.Context, key string) error {
	if err := l.Limiter.Wait(ctx, key); err != nil {
		return err
	}
	l.turns.Add(1)
	return nil
}

// Go's transport resends a read by itself when the server closes a reused connection without
// answering. Every such arrival must pass the limiter, and WithCallRetries(0) must mean one send.
func TestEveryArrivalPassesTheLimiter(t *testing.T) {
	for _, retries := range []int{0, 4} {
		t.Run(fmt.Sprintf("retries=%d", retries), func(t *testing.T) {
			// Close every second request's connection instead of answering it.
			srv := newKeepAliveServer(t, func(n int, reused bool) bool { return n%2 == 0 })
			lim := &countingLimiter{Limiter: amity.NewWindowLimiter(1000, time.Second)}
			c := serverClient(t, srv.URL(), amity.WithLimiter(lim))
			failed := 0
			for i := 0; i < 50; i++ {
				if _, err := c.Users.Get(context.Background(), "u1", amity.WithCallRetries(retries)); err != nil {
					failed++
				}
			}
			arrivals := int(srv.count.Load())
			t.Logf("retries=%d: 50 calls, %d failed, %d limiter turns, %d arrivals", retries, failed, lim.turns.Load(), arrivals)
			assert.Equal(t, int(lim.turns.Load()), arrivals, "every arrival at the server must pass the limiter")
			if retries == 0 {
				assert.LessOrEqual(t, arrivals, 50, "WithCallRetries(0): at most one send per call")
			} else {
				assert.Zero(t, failed, "the SDK's retries cure a connection closed before answering")
			}
		})
	}
}

var loadFor = flag.Duration("amity.load", 0, "run TestLoadArrivalsPerIdentity this long (default: a short run)")

// TestLoadArrivalsPerIdentity sends calls for 20 identities (the admin and 19 users) through a
// server that closes reused connections at random instead of answering, and counts arrivals
// at the server: no identity may pass 100 in any 5 s window. The short run covers two
// windows; -amity.load=3m runs it long.
func TestLoadArrivalsPerIdentity(t *testing.T) {
	testlock.RealTime(t)
	if testing.Short() {
		t.Skip("real-time load test skipped in -short mode")
	}
	d := *loadFor
	if d <= 0 {
		d = 6 * time.Second
	}
	srv := newKeepAliveServer(t, func(n int, reused bool) bool { return reused && rand.IntN(5) == 0 })
	c := serverClient(t, srv.URL())
	views := []*amity.Client{c}
	for i := 1; i < 20; i++ {
		v, err := c.AsUser(fmt.Sprintf("user%02d", i))
		require.NoError(t, err)
		views = append(views, v)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(d, cancel)
	defer cancel()
	var wg sync.WaitGroup
	var calls, failures atomic.Int32
	for _, v := range views {
		for g := 0; g < 3; g++ { // three goroutines per identity: they share its window
			wg.Add(1)
			go func() {
				defer wg.Done()
				for ctx.Err() == nil {
					_, err := v.Users.Get(ctx, "u1")
					calls.Add(1)
					if err != nil && ctx.Err() == nil {
						failures.Add(1)
					}
				}
			}()
		}
	}
	wg.Wait()
	srv.mu.Lock()
	defer srv.mu.Unlock()
	worst, worstID, total := 0, "", 0
	for id, times := range srv.arrivals {
		if id == "register" {
			continue
		}
		total += len(times)
		if n := testkit.MaxInWindow(times, 5*time.Second); n > worst {
			worst, worstID = n, id
		}
	}
	ids := make([]string, 0, len(srv.arrivals))
	for id := range srv.arrivals {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	t.Logf("%v: %d identities, %d calls (%d failed), %d arrivals, busiest identity %d arrivals in a 5 s window",
		d, len(ids)-1, calls.Load(), failures.Load(), total, worst)
	assert.Len(t, ids, 21, "20 identities and the session registrations")
	assert.LessOrEqual(t, worst, 100, "identity %s passed 100 arrivals in a 5 s window", worstID)
	// A call fails only when all 5 of its sends are dropped (1 in 5 of those on a reused
	// connection): about one in 3,000.
	assert.Less(t, int(failures.Load()), max(int(calls.Load())/100, 1), "the retries cure almost every dropped connection")
}

// A 401 to a user's upload renews the session and would send the body again: a body that
// cannot be rewound fails with ErrNotReplayable, not with an unmatchable "building the request".
func TestUploadRenewalOfNonSeekableBodyIsNotReplayable(t *testing.T) {
	var uploads atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/api/v5/sessions" {
			fmt.Fprint(w, `{"accessToken":"tok","expiresAt":"2999-01-01T00:00:00Z"}`)
			return
		}
		uploads.Add(1)
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"status":"error","code":400100,"message":"Unauthorized"}`)
	}))
	defer srv.Close()
	alice, err := serverClient(t, srv.URL).AsUser("alice")
	require.NoError(t, err)
	_, err = alice.Files.UploadFile(context.Background(), &amity.UploadParams{Name: "a.bin", Body: io.MultiReader(strings.NewReader("one-shot"))})
	require.Error(t, err)
	assert.ErrorIs(t, err, amity.ErrNotReplayable)
	assert.Contains(t, err.Error(), "POST /api/v4/files")
	assert.EqualValues(t, 1, uploads.Load(), "the body went once")
}

// A 429 with an explicit "Retry-After: 0" means again now; a wait for a turn that cannot fit
// the deadline fails at once with ErrRateLimited and RetryAfter, never with a deadline error
// before the deadline.
func TestRateLimitedWaitsAndDeadlines(t *testing.T) {
	limited := func(retryAfter string) http.HandlerFunc {
		var n atomic.Int32
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			if n.Add(1) == 1 {
				if retryAfter != "" {
					w.Header().Set("Retry-After", retryAfter)
				}
				w.WriteHeader(http.StatusTooManyRequests)
				fmt.Fprint(w, `{"status":"error","code":400311,"message":"Rate limit exceeded"}`)
				return
			}
			fmt.Fprint(w, `{"users":[{"userId":"u1"}]}`)
		}
	}
	deadline := func() (context.Context, context.CancelFunc) {
		return context.WithTimeout(context.Background(), 5*time.Second)
	}

	t.Run("Retry-After 0 is again now", func(t *testing.T) {
		srv := httptest.NewServer(limited("0"))
		defer srv.Close()
		ctx, cancel := deadline()
		defer cancel()
		start := time.Now()
		_, err := serverClient(t, srv.URL).Users.Get(ctx, "u1")
		require.NoError(t, err)
		assert.Less(t, time.Since(start), 2*time.Second, "no window-long hold")
	})
	t.Run("no Retry-After: the window's hold does not fit the deadline", func(t *testing.T) {
		srv := httptest.NewServer(limited(""))
		defer srv.Close()
		ctx, cancel := deadline()
		defer cancel()
		_, err := serverClient(t, srv.URL).Users.Get(ctx, "u1")
		require.Error(t, err)
		require.NoError(t, ctx.Err(), "failed before the deadline")
		assert.NotErrorIs(t, err, context.DeadlineExceeded)
		assert.ErrorIs(t, err, amity.ErrRateLimited)
		var ae *amity.Error
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, http.StatusTooManyRequests, ae.StatusCode)
		assert.Equal(t, amity.CodeRateLimited, ae.Code)
		assert.Greater(t, ae.RetryAfter, 4*time.Second, "the wait for the window")
	})
	t.Run("the client's own window is full", func(t *testing.T) {
		srv := httptest.NewServer(limited("0"))
		defer srv.Close()
		c := serverClient(t, srv.URL, amity.WithRateLimit(2, time.Minute))
		_, err := c.Users.Get(context.Background(), "u1") // 429, then 200: the window's two turns
		require.NoError(t, err)
		ctx, cancel := deadline()
		defer cancel()
		_, err = c.Users.Get(ctx, "u1")
		require.Error(t, err)
		require.NoError(t, ctx.Err(), "failed before the deadline")
		assert.NotErrorIs(t, err, context.DeadlineExceeded)
		assert.ErrorIs(t, err, amity.ErrRateLimited)
		var ae *amity.Error
		require.ErrorAs(t, err, &ae)
		assert.Zero(t, ae.StatusCode, "not sent")
		assert.Greater(t, ae.RetryAfter, 50*time.Second)
		assert.Contains(t, err.Error(), "GET /api/v3/users/u1: not sent")
	})
}

// Close ends what the client owns: its idle connections at once, the connection of a call in
// flight when that call ends, and every later call fails with ErrClientClosed.
func TestCloseClosesConnections(t *testing.T) {
	var open atomic.Int32
	arrived, release := make(chan struct{}), make(chan struct{})
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/slow") {
			close(arrived)
			<-release
		}
		writeJSON(w, 200, userAnswer("u1"))
	}))
	srv.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		switch st {
		case http.StateNew:
			open.Add(1)
		case http.StateClosed, http.StateHijacked:
			open.Add(-1)
		}
	}
	srv.Start()
	defer srv.Close()
	c := serverClient(t, srv.URL)
	alice, err := c.AsUser("alice")
	require.NoError(t, err)

	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Users.Get(context.Background(), "u1")
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	inFlight := make(chan error, 1)
	go func() {
		_, err := c.Users.Get(context.Background(), "slow")
		inFlight <- err
	}()
	<-arrived

	require.NoError(t, alice.Close(), "closing a view closes the client")
	require.NoError(t, c.Close(), "Close twice is fine")
	require.Eventually(t, func() bool { return open.Load() == 1 }, 2*time.Second, 5*time.Millisecond,
		"only the call in flight keeps its connection")
	close(release)
	require.NoError(t, <-inFlight)
	require.Eventually(t, func() bool { return open.Load() == 0 }, 2*time.Second, 5*time.Millisecond,
		"the call in flight at Close leaves no connection behind")

	_, err = c.Users.Get(context.Background(), "u1")
	assert.ErrorIs(t, err, amity.ErrClientClosed)
	_, err = alice.Users.Get(context.Background(), "u1")
	assert.ErrorIs(t, err, amity.ErrClientClosed)
	assert.Zero(t, open.Load(), "no call after Close opens a connection")
}

// A redirect of a write is never followed, even to the same origin.
func TestRedirectOfWriteNotFollowed(t *testing.T) {
	for _, status := range []int{301, 302, 303, 307, 308} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			var origin, target atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/elsewhere" {
					target.Add(1)
					writeJSON(w, 200, postAnswer("p1"))
					return
				}
				origin.Add(1)
				w.Header().Set("Location", "/elsewhere")
				w.WriteHeader(status)
			}))
			defer srv.Close()
			err := createPost(context.Background(), serverClient(t, srv.URL), "p1")
			var e *amity.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, status, e.StatusCode)
			assert.Equal(t, int32(1), origin.Load())
			assert.Zero(t, target.Load())
		})
	}
}

func TestCrossHostRedirectRefused(t *testing.T) {
	var leaked atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked.Add(1)
		fmt.Fprint(w, `{"users":[{"userId":"evil"}]}`)
	}))
	defer other.Close()
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v3/users/same":
			http.Redirect(w, r, "/api/v3/users/moved", http.StatusFound)
		case "/api/v3/users/moved":
			assert.Equal(t, "Bearer "+adminToken, r.Header.Get("Authorization"))
			fmt.Fprint(w, `{"users":[{"userId":"moved"}]}`)
		default: // another port on the same host is another origin
			http.Redirect(w, r, other.URL+"/steal", http.StatusTemporaryRedirect)
		}
	}))
	defer api.Close()
	c, err := amity.NewClient(amity.WithBaseURL(api.URL), amity.WithAdminToken(adminToken), amity.WithAPIKey(apiKey))
	require.NoError(t, err)
	ctx := context.Background()
	u, err := c.Users.Get(ctx, "same")
	require.NoError(t, err, "a redirect within the API's origin is followed")
	assert.Equal(t, "moved", u.User().UserID)
	_, err = c.Users.Get(ctx, "elsewhere")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "refused redirect")
	_, err = c.Users.ListPage(ctx, nil) // also for calls carrying X-API-Key
	require.Error(t, err)
	assert.Zero(t, leaked.Load(), "no request may reach another host")
}
