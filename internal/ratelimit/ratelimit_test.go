package ratelimit

import (
	"context"
	"math/rand/v2"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

const (
	apiCalls  = 100
	apiWindow = 5 * time.Second
	margin    = apiWindow / 25 // what amity.NewClient adds
)

// maxInWindow returns the largest number of times in any half-open interval [t, t+w).
func maxInWindow(times []time.Time, w time.Duration) int {
	s := append([]time.Time(nil), times...)
	sort.Slice(s, func(i, j int) bool { return s[i].Before(s[j]) })
	best, lo := 0, 0
	for hi := range s {
		for !s[hi].Before(s[lo].Add(w)) {
			lo++
		}
		best = max(best, hi-lo+1)
	}
	return best
}

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func TestWindowNeverExceedsCeiling(t *testing.T) {
	w := NewWindow(apiCalls, apiWindow+margin)
	rng := rand.New(rand.NewPCG(1, 2))
	now := t0
	var sent, arrived []time.Time
	for i := 0; i < 20000; i++ {
		// Callers arrive in bursts and lulls, as many goroutines of a bulk job would.
		if rng.IntN(50) == 0 {
			now = now.Add(time.Duration(rng.IntN(3000)) * time.Millisecond)
		}
		at := w.Reserve(now)
		require.False(t, at.Before(now))
		sent = append(sent, at)
		// The server counts arrivals: each call takes 0–200 ms to get there.
		arrived = append(arrived, at.Add(time.Duration(rng.IntN(200))*time.Millisecond))
	}
	assert.LessOrEqual(t, maxInWindow(sent, apiWindow+margin), apiCalls)
	assert.LessOrEqual(t, maxInWindow(arrived, apiWindow), apiCalls, "arrivals with up to 200ms latency jitter stay within the API limit")
}

func TestWindowSustainsAtLeast95Percent(t *testing.T) {
	w := NewWindow(apiCalls, apiWindow+margin)
	// A saturated caller: every call is requested as soon as the previous one was granted.
	now := t0
	const horizon = time.Hour
	n := 0
	for {
		at := w.Reserve(now)
		if at.Sub(t0) >= horizon {
			break
		}
		n++
		now = at
	}
	ceiling := float64(apiCalls) * horizon.Seconds() / apiWindow.Seconds()
	ratio := float64(n) / ceiling
	t.Logf("sustained %d calls in %v = %.2f%% of the API ceiling", n, horizon, 100*ratio)
	assert.GreaterOrEqual(t, ratio, 0.95)
	assert.LessOrEqual(t, ratio, 1.0)
}

func TestTokenBucketWouldAdmitTwiceTheLimit(t *testing.T) {
	// The rule a plain token bucket breaks: burst 100, refill 20/s.
	bucket := rate.NewLimiter(20, 100)
	w := NewWindow(apiCalls, apiWindow+margin)
	var viaBucket, viaWindow []time.Time
	for ms := 0; ms < 5000; ms++ {
		now := t0.Add(time.Duration(ms) * time.Millisecond)
		for bucket.AllowN(now, 1) {
			viaBucket = append(viaBucket, now)
		}
	}
	for i := 0; i < 300; i++ {
		if at := w.Reserve(t0); at.Sub(t0) < apiWindow {
			viaWindow = append(viaWindow, at)
		}
	}
	assert.GreaterOrEqual(t, maxInWindow(viaBucket, apiWindow), 199, "the bucket lets ~200 calls into one window")
	assert.Equal(t, apiCalls, maxInWindow(viaWindow, apiWindow), "the window admits a full burst, then no more")
}

func TestWindowCancelGivesTurnBack(t *testing.T) {
	w := NewWindow(2, time.Second)
	a, b := w.Reserve(t0), w.Reserve(t0)
	assert.Equal(t, t0, a)
	assert.Equal(t, t0, b)
	c := w.Reserve(t0)
	assert.Equal(t, t0.Add(time.Second), c)
	w.cancel(c)
	assert.Equal(t, t0.Add(time.Second), w.Reserve(t0), "the cancelled turn is handed out again")
	d := w.Reserve(t0)
	w.cancel(b) // not the latest: kept
	assert.Equal(t, t0.Add(time.Second), d)
}

func TestLimiterIdentitiesAreIndependent(t *testing.T) {
	now := t0
	l := New(2, time.Second, func() time.Time { return now })
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		require.NoError(t, l.Wait(ctx, "admin"))
		require.NoError(t, l.Wait(ctx, "user:a"))
	}
	// A third admin call must wait a second; with a deadline sooner than that it fails at once.
	short, cancel := context.WithDeadline(ctx, time.Now().Add(10*time.Millisecond))
	defer cancel()
	err := l.Wait(short, "admin")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	require.NoError(t, l.Wait(ctx, "user:b"))
	assert.Equal(t, 3, l.Len())
}

func TestLimiterDropsIdleWindows(t *testing.T) {
	now := t0
	l := New(1, time.Second, func() time.Time { return now })
	for i := 0; i < sweepAbove; i++ {
		require.NoError(t, l.Wait(context.Background(), string(rune('a'+i%26))+time.Duration(i).String()))
	}
	now = now.Add(2 * time.Second)
	l.Window("fresh")
	assert.Equal(t, 1, l.Len())
}

func TestWindowConcurrentReservations(t *testing.T) {
	w := NewWindow(10, 100*time.Millisecond)
	var mu sync.Mutex
	var reserved []time.Time
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				at := w.Reserve(time.Now())
				mu.Lock()
				reserved = append(reserved, at)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	require.Len(t, reserved, 400)
	assert.LessOrEqual(t, maxInWindow(reserved, 100*time.Millisecond), 10)
}
