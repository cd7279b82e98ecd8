package amity_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
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

// TestLimiterAgainstCountingServer drives the default limiter (100 calls per 5 s per
// identity) from 16 goroutines and checks, at the server, that no 5-second window of
// arrivals ever holds more than 100 calls of one identity, while another identity is not
// slowed by the first. It takes about 10 s of real time; -short skips it (the fake-clock
// tests in internal/ratelimit prove the same rule and the sustained rate).
func TestLimiterAgainstCountingServer(t *testing.T) {
	testlock.RealTime(t)
	if testing.Short() {
		t.Skip("real-time limiter test skipped in -short mode")
	}
	var mu sync.Mutex
	arrivals := map[string][]time.Time{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrivals[r.Header.Get("Authorization")] = append(arrivals[r.Header.Get("Authorization")], time.Now())
		mu.Unlock()
		switch r.URL.Path {
		case "/api/v5/sessions":
			fmt.Fprint(w, `{"accessToken":"user-tok","expiresAt":"2999-01-01T00:00:00Z"}`)
		default:
			fmt.Fprint(w, `{"users":[{"userId":"u"}]}`)
		}
	}))
	defer srv.Close()
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL), amity.WithAdminToken(adminToken), amity.WithAPIKey(apiKey))
	require.NoError(t, err)
	user, err := c.AsUser("worker")
	require.NoError(t, err)

	const calls = 250
	var wg sync.WaitGroup
	work := make(chan struct{}, calls)
	for i := 0; i < calls; i++ {
		work <- struct{}{}
	}
	close(work)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range work {
				_, err := c.Users.Get(context.Background(), "u")
				assert.NoError(t, err)
			}
		}()
	}
	// The user identity runs beside the admin's and is not held up by it.
	for i := 0; i < 50; i++ {
		_, err := user.Users.Get(context.Background(), "u")
		require.NoError(t, err)
	}
	wg.Wait()

	admin := arrivals["Bearer "+adminToken]
	require.Len(t, admin, calls)
	assert.LessOrEqual(t, testkit.MaxInWindow(admin, 5*time.Second), 100)
	assert.Len(t, arrivals["Bearer user-tok"], 50)
	sort.Slice(admin, func(i, j int) bool { return admin[i].Before(admin[j]) })
	span := admin[200].Sub(admin[0]) // two full windows
	t.Logf("admin: calls 1..201 took %v: %.2f calls/s sustained (the API allows 20/s)", span, 200/span.Seconds())
}

func TestRateLimitCanBeTurnedOffAndHonoursContext(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"users":[{"userId":"u"}]}`)
	}))
	defer srv.Close()
	off, err := amity.NewClient(amity.WithBaseURL(srv.URL), amity.WithAdminToken("t"), amity.WithoutRateLimit())
	require.NoError(t, err)
	for i := 0; i < 150; i++ { // past 100 with no wait at all
		_, err := off.Users.Get(context.Background(), "u")
		require.NoError(t, err)
	}
	tight, err := amity.NewClient(amity.WithBaseURL(srv.URL), amity.WithAdminToken("t"), amity.WithRateLimit(2, time.Hour))
	require.NoError(t, err)
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		_, err := tight.Users.Get(ctx, "u")
		require.NoError(t, err)
	}
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	_, err = tight.Users.Get(short, "u")
	// The third call would wait an hour: it fails at once, rate limited, before its deadline.
	assert.ErrorIs(t, err, amity.ErrRateLimited)
	assert.NotErrorIs(t, err, context.DeadlineExceeded)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Greater(t, ae.RetryAfter, 59*time.Minute)
}

// arrivalCounter counts arrivals per identity (the bearer token, or "none") with their times.
type arrivalCounter struct {
	*httptest.Server
	mu       sync.Mutex
	arrivals map[string][]time.Time
	regs     atomic.Int32
}

func newArrivalCounter(t *testing.T) *arrivalCounter {
	s := &arrivalCounter{arrivals: map[string][]time.Time{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		who := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if r.Method == http.MethodPost && r.URL.Path == "/api/v5/sessions" {
			var reg registration
			_ = json.NewDecoder(r.Body).Decode(&reg)
			who = "user:" + reg.UserID
			s.regs.Add(1)
			s.note(who)
			writeSession(w, reg.UserID, "user:"+reg.UserID, 30*24*time.Hour)
			return
		}
		s.note(who)
		writeJSON(w, 200, userAnswer("u1"))
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *arrivalCounter) note(who string) {
	s.mu.Lock()
	s.arrivals[who] = append(s.arrivals[who], time.Now())
	s.mu.Unlock()
}

func (s *arrivalCounter) count(who string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.arrivals[who])
}

// maxInWindow is the largest number of arrivals of who in any window.
func (s *arrivalCounter) maxInWindow(who string, window time.Duration) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return testkit.MaxInWindow(s.arrivals[who], window)
}

// Each identity has its own window: a user's first call (its registration included) does
// not queue behind the admin's, and three identities at full speed take one window, not three.
func TestRateLimitPerIdentity(t *testing.T) {
	testlock.RealTime(t)
	t.Run("new user under 300 queued admin calls", func(t *testing.T) {
		srv := newArrivalCounter(t)
		c := serverClient(t, srv.URL) // default limiter: 100 per 5 s per identity
		adminCtx, stopAdmin := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		for range 300 {
			wg.Add(1)
			go func() { defer wg.Done(); _ = getUser(adminCtx, c, "u1") }()
		}
		require.Eventually(t, func() bool { return srv.count(leakAdminToken) >= 100 }, 5*time.Second, 5*time.Millisecond)
		newbie, err := c.AsUser("newbie")
		require.NoError(t, err)
		start := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = getUser(ctx, newbie, "u1")
		elapsed := time.Since(start)
		cancel()
		require.NoError(t, err)
		t.Logf("new user's first call (registration + call) under 300 queued admin calls: %v", elapsed)
		assert.Less(t, elapsed, 2500*time.Millisecond, "well under one 5.2 s window")
		assert.Equal(t, 100, srv.count(leakAdminToken), "the admin's calls are still queued")
		stopAdmin()
		wg.Wait()
	})

	t.Run("3 identities x 120 calls", func(t *testing.T) {
		srv := newArrivalCounter(t)
		c := serverClient(t, srv.URL)
		u1, err := c.AsUser("one")
		require.NoError(t, err)
		u2, err := c.AsUser("two")
		require.NoError(t, err)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		start := time.Now()
		var wg sync.WaitGroup
		var failed atomic.Int32
		for _, view := range []*amity.Client{c, u1, u2} {
			calls := make(chan struct{}, 120)
			for range 120 {
				calls <- struct{}{}
			}
			close(calls)
			for range 10 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range calls {
						if getUser(ctx, view, "u1") != nil {
							failed.Add(1)
						}
					}
				}()
			}
		}
		wg.Wait()
		elapsed := time.Since(start)
		t.Logf("3 identities x 120 calls: %v (one window is 5.2 s)", elapsed)
		assert.Zero(t, failed.Load())
		assert.Less(t, elapsed, 9*time.Second, "about one window, not three")
		assert.GreaterOrEqual(t, elapsed, 5*time.Second, "the limiter did hold each identity to 100 per window")
		assert.Equal(t, 120, srv.count(leakAdminToken))
		for _, u := range []string{"user:one", "user:two"} {
			assert.Equal(t, 121, srv.count(u), "120 calls and the registration, billed to the user")
		}
		for _, who := range []string{leakAdminToken, "user:one", "user:two"} {
			assert.LessOrEqual(t, srv.maxInWindow(who, 5*time.Second), 100, who)
		}
	})
}
