package amity_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"sync"
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
		case "/api/v4/sessions":
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
