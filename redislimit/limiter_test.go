package redislimit_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/internal/testkit"
	"github.com/amity-go/amity/internal/testlock"
	"github.com/amity-go/amity/redislimit"
	"github.com/redis/go-redis/v9"
)

const testKey = "0123456789abcdef0123456789abcdef" // the shape of the client's keys

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// patient is the operation timeout of the tests that are not about timeouts: a loaded CI
// machine (go test -race ./... runs packages side by side) can take longer than the 200ms
// default to schedule a round trip, and a fallback would then change what they measure.
var patient = redislimit.WithTimeout(2 * time.Second)

// waitRecovered calls Wait once a probe interval until l uses Redis again (at most 5 times).
func waitRecovered(t *testing.T, l *redislimit.Limiter) {
	t.Helper()
	for range 5 {
		time.Sleep(1100 * time.Millisecond)
		if err := l.Wait(context.Background(), testKey); err != nil {
			t.Fatalf("Wait after Redis came back: %v", err)
		}
		if !l.Degraded() {
			return
		}
	}
	t.Fatal("still Degraded 5s after Redis came back")
}

// admissions runs workers goroutines calling Wait on the limiters (round robin) until d has
// passed and returns the sorted times at which Wait returned nil; any other error fails t.
func admissions(t *testing.T, d time.Duration, workers int, ls ...amity.Limiter) []time.Time {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var (
		mu    sync.Mutex
		times []time.Time
		wg    sync.WaitGroup
	)
	for i := range workers {
		wg.Add(1)
		go func(l amity.Limiter) {
			defer wg.Done()
			for ctx.Err() == nil {
				err := l.Wait(ctx, testKey)
				if err != nil {
					if !errors.Is(err, context.DeadlineExceeded) {
						t.Errorf("Wait: %v", err)
					}
					return
				}
				mu.Lock()
				times = append(times, time.Now())
				mu.Unlock()
			}
		}(ls[i%len(ls)])
	}
	wg.Wait()
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	return times
}

func TestWindowSharedByTwoLimiters(t *testing.T) {
	s := startRedis(t)
	opts := []redislimit.Option{redislimit.WithLimit(10, 500*time.Millisecond), redislimit.WithLogger(quiet), patient}
	a := redislimit.New(s.Client(t), opts...)
	b := redislimit.New(s.Client(t), opts...)

	start := time.Now()
	times := admissions(t, 1800*time.Millisecond, 12, a, b)
	// The window is 520ms (500ms + 500ms/25): bursts of 10 at 0, 520, 1040 and 1560ms. The
	// times are taken when Wait returns, late by however long a loaded machine takes to run
	// the goroutine: 400ms windows leave 120ms for that.
	if got := testkit.MaxInWindow(times, 400*time.Millisecond); got > 10 {
		t.Errorf("%d admissions in one 400ms window, want at most 10", got)
	}
	if len(times) > 40 || len(times) < 30 {
		t.Errorf("%d admissions in 1.8s, want 40 (10 per 520ms; at most 40 in any case)", len(times))
	}
	// The 11th comes one span after the first, not earlier.
	if len(times) > 10 {
		if d := times[10].Sub(start); d < 515*time.Millisecond {
			t.Errorf("11th admission after %v, want >= 520ms", d)
		}
	}
	if a.Degraded() || b.Degraded() {
		t.Error("limiter degraded with Redis up")
	}

	// The keys vanish by themselves.
	rdb := s.Client(t)
	ctx := context.Background()
	ttl, err := rdb.PTTL(ctx, "amity:rl:{"+testKey+"}").Result()
	if err != nil || ttl <= 0 || ttl > 2*time.Second {
		t.Errorf("PTTL of the window = %v, %v; want a TTL of about one window", ttl, err)
	}
	time.Sleep(ttl + 50*time.Millisecond)
	if n, err := rdb.Exists(ctx, "amity:rl:{"+testKey+"}").Result(); err != nil || n != 0 {
		t.Errorf("window key still there after its TTL: %d, %v", n, err)
	}
}

func TestImmediateBurstThenWait(t *testing.T) {
	s := startRedis(t)
	l := redislimit.New(s.Client(t), redislimit.WithLimit(5, 300*time.Millisecond), redislimit.WithLogger(quiet), patient)
	ctx := context.Background()
	start := time.Now()
	for i := range 5 {
		if err := l.Wait(ctx, testKey); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 250*time.Millisecond {
			t.Fatalf("call %d waited %v; the first 5 are free", i+1, d)
		}
	}
	if err := l.Wait(ctx, testKey); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 310*time.Millisecond || d > 1200*time.Millisecond {
		t.Errorf("6th call after %v, want about 312ms", d)
	}
	// Another key has a window of its own.
	other := "fedcba9876543210fedcba9876543210"
	t0 := time.Now()
	if err := l.Wait(ctx, other); err != nil || time.Since(t0) > 250*time.Millisecond {
		t.Errorf("another key waited %v (%v)", time.Since(t0), err)
	}
}

func TestDeadlineGivesTheReservationBack(t *testing.T) {
	s := startRedis(t)
	rdb := s.Client(t)
	l := redislimit.New(rdb, redislimit.WithLimit(3, time.Second), redislimit.WithLogger(quiet), patient)
	bg := context.Background()
	for range 3 {
		if err := l.Wait(bg, testKey); err != nil {
			t.Fatal(err)
		}
	}
	card := func() int64 {
		n, err := rdb.ZCard(bg, "amity:rl:{"+testKey+"}").Result()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	// A deadline before the reserved time: an error at once, the reservation given back.
	ctx, cancel := context.WithTimeout(bg, 200*time.Millisecond)
	t0 := time.Now()
	err := l.Wait(ctx, testKey)
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Wait past the deadline = %v, want DeadlineExceeded", err)
	}
	if d := time.Since(t0); d > 180*time.Millisecond {
		t.Errorf("Wait past the deadline took %v, want at once", d)
	}
	if n := card(); n != 3 {
		t.Errorf("%d reservations after the refused one, want 3", n)
	}

	// Cancelled while waiting: Canceled, the reservation given back.
	ctx, cancel = context.WithCancel(bg)
	time.AfterFunc(100*time.Millisecond, cancel)
	err = l.Wait(ctx, testKey)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Wait cancelled = %v, want Canceled", err)
	}
	time.Sleep(50 * time.Millisecond)
	if n := card(); n != 3 {
		t.Errorf("%d reservations after the cancelled one, want 3", n)
	}

	// A context already done: no reservation at all.
	done, cancel := context.WithCancel(bg)
	cancel()
	if err := l.Wait(done, testKey); !errors.Is(err, context.Canceled) {
		t.Errorf("Wait on a done context = %v", err)
	}
	// The window goes on: the next call is admitted once the first 3 are a window old.
	if err := l.Wait(bg, testKey); err != nil {
		t.Fatal(err)
	}
	if n := card(); n != 4 {
		t.Errorf("%d reservations after the next call, want 4", n)
	}
}

func TestPauseSeenByAnotherLimiter(t *testing.T) {
	s := startRedis(t)
	opts := []redislimit.Option{redislimit.WithLimit(100, 500*time.Millisecond), redislimit.WithLogger(quiet), patient}
	a := redislimit.New(s.Client(t), opts...)
	b := redislimit.New(s.Client(t), opts...)
	ctx := context.Background()

	a.Pause(ctx, testKey, 400*time.Millisecond)
	t0 := time.Now()
	if err := b.Wait(ctx, testKey); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(t0); d < 390*time.Millisecond || d > 1100*time.Millisecond {
		t.Errorf("Wait after another process's Pause(400ms) took %v", d)
	}

	// Pause(0) holds for a whole window (520ms).
	a.Pause(ctx, testKey, 0)
	t0 = time.Now()
	if err := b.Wait(ctx, testKey); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(t0); d < 500*time.Millisecond || d > 1200*time.Millisecond {
		t.Errorf("Wait after Pause(0) took %v, want about 520ms", d)
	}

	// A shorter Pause does not shorten a longer one.
	a.Pause(ctx, testKey, 400*time.Millisecond)
	a.Pause(ctx, testKey, 10*time.Millisecond)
	t0 = time.Now()
	if err := b.Wait(ctx, testKey); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(t0); d < 390*time.Millisecond {
		t.Errorf("a shorter Pause cut a longer one: waited %v", d)
	}

	// A Pause past the deadline: the waiter fails at once.
	a.Pause(ctx, testKey, time.Second)
	dctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	if err := b.Wait(dctx, testKey); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Wait during a 1s pause with a 100ms deadline = %v", err)
	}
}

// A fresh process far from Redis (50 and 80ms round trips) uses Redis from its first calls,
// although each opens a connection (dial, HELLO, CLIENT SETINFO) within the 200ms default
// operation timeout: 8 goroutines call at once, so 8 connections are opened. Then 16 call at
// once, and the pool opens 8 more.
func TestFirstCallsOverASlowLink(t *testing.T) {
	testlock.RealTime(t)
	s := startRedis(t)
	admin := s.Client(t)
	ctx := context.Background()
	for _, rtt := range []time.Duration{50 * time.Millisecond, 80 * time.Millisecond} {
		if err := admin.FlushAll(ctx).Err(); err != nil {
			t.Fatal(err)
		}
		if err := admin.ScriptFlush(ctx).Err(); err != nil { // as a Redis that never saw the script
			t.Fatal(err)
		}
		link := newSlowLink(t, s.Addr, rtt)
		logs, lg := newLog()
		l := redislimit.New(link.Client(t), redislimit.WithLogger(lg)) // the default timeout
		reserved := int64(0)
		for _, callers := range []int{8, 16} {
			var (
				wg      sync.WaitGroup
				mu      sync.Mutex
				slowest time.Duration
			)
			start, sent := time.Now(), link.sent.Load()
			for range callers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if err := l.Wait(ctx, testKey); err != nil {
						t.Error(err)
					}
					mu.Lock()
					slowest = max(slowest, time.Since(start))
					mu.Unlock()
				}()
			}
			wg.Wait()
			reserved += int64(callers)
			n, err := admin.ZCard(ctx, "amity:rl:{"+testKey+"}").Result()
			t.Logf("%v round trip: %d calls at once in %v, %d chunks sent, %d reserved in Redis in all, degraded %v",
				rtt, callers, slowest.Round(time.Millisecond), link.sent.Load()-sent, n, l.Degraded())
			if err != nil || n != reserved {
				t.Errorf("%v round trip, %d calls at once: %d reserved in Redis, want %d (%v): the others fell back\n%s", rtt, callers, n, reserved, err, logs)
			}
			if l.Degraded() || levelCount(logs, "WARN") > 0 {
				t.Fatalf("%v round trip, %d calls at once: the limiter fell back:\n%s", rtt, callers, logs)
			}
		}
	}
}

func TestFallbackAndRecovery(t *testing.T) {
	s := startRedis(t)
	logs, lg := newLog()
	l := redislimit.New(s.Client(t), redislimit.WithLimit(5, 500*time.Millisecond), redislimit.WithLogger(lg))
	ctx := context.Background()
	start := time.Now()
	for range 5 {
		if err := l.Wait(ctx, testKey); err != nil {
			t.Fatal(err)
		}
	}
	s.Kill()

	// Redis is gone: the in-process limiter rules, and it saw the 5 admissions already.
	if err := l.Wait(ctx, testKey); err != nil {
		t.Fatalf("Wait with Redis down: %v", err)
	}
	if d := time.Since(start); d < 510*time.Millisecond {
		t.Errorf("6th call with Redis down after %v: the fallback forgot the 5 calls before (want >= 520ms)", d)
	}
	if !l.Degraded() {
		t.Error("not Degraded with Redis down")
	}
	for range 5 {
		if err := l.Wait(ctx, testKey); err != nil {
			t.Fatal(err)
		}
	}
	if n := levelCount(logs, "WARN"); n != 1 {
		t.Errorf("%d warnings for one outage, want 1:\n%s", n, logs)
	}

	s.Restart()
	waitRecovered(t, l)
	for range 2 {
		if err := l.Wait(ctx, testKey); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.Client(t).ZCard(ctx, "amity:rl:{"+testKey+"}").Result()
	if err != nil || n == 0 {
		t.Errorf("no admission recorded in Redis after recovery: %d, %v", n, err)
	}
	if n := levelCount(logs, "INFO"); n != 1 {
		t.Errorf("%d recovery records, want 1:\n%s", n, logs)
	}
}

// goroutines counts the goroutines whose stack holds s.
func goroutines(s string) int {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	count := 0
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, s) {
			count++
		}
	}
	return count
}

// limiterGoroutines counts the goroutines running the code of any limiter (a probe, an
// operation under way).
func limiterGoroutines() int { return goroutines("amity/redislimit.(*Limiter)") }

// probes counts l's probe goroutines (a stack shows the method's receiver).
func probes(l *redislimit.Limiter) int {
	return goroutines(fmt.Sprintf("amity/redislimit.(*Limiter).probe(%p", l))
}

// eventually polls cond every 10ms until it holds or d has passed, and reports how long it
// took and whether it held.
func eventually(d time.Duration, cond func() bool) (time.Duration, bool) {
	start := time.Now()
	for !cond() {
		if time.Since(start) > d {
			return time.Since(start), false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return time.Since(start), true
}

// The limiter goes back to Redis within about a second of its return, without a caller: a
// goroutine probes while it is down, and ends when Redis answers, or on Close.
func TestRecoveryWithoutCallers(t *testing.T) {
	testlock.RealTime(t)
	s := startRedis(t)
	logs, lg := newLog()
	base := limiterGoroutines()
	l := redislimit.New(s.Client(t), redislimit.WithLimit(100, time.Second), redislimit.WithLogger(lg))
	ctx := context.Background()
	for round := range 2 {
		if err := l.Wait(ctx, testKey); err != nil {
			t.Fatal(err)
		}
		s.Kill()
		if err := l.Wait(ctx, testKey); err != nil {
			t.Fatal(err)
		}
		if !l.Degraded() {
			t.Fatal("not degraded with Redis down")
		}
		if _, ok := eventually(time.Second, func() bool { return probes(l) == 1 }); !ok {
			t.Errorf("round %d: %d probes running with Redis down, want 1", round, probes(l))
		}
		time.Sleep(time.Second) // probes fail meanwhile
		s.StartAgain()
		took, ok := eventually(3*time.Second, func() bool { return !l.Degraded() })
		t.Logf("round %d: back to Redis %v after it answered", round, took.Round(time.Millisecond))
		if !ok {
			t.Fatalf("round %d: still degraded %v after Redis came back, with no caller:\n%s", round, took.Round(time.Millisecond), logs)
		}
		// The probe ended with the outage, and nothing of the limiter's runs on.
		if n := probes(l); n != 0 {
			t.Errorf("round %d: %d probes still running after the limiter recovered", round, n)
		}
		if took, ok := eventually(2*time.Second, func() bool { return limiterGoroutines() <= base }); !ok {
			t.Errorf("round %d: %d goroutines of limiters still running %v after it recovered, want %d", round, limiterGoroutines(), took, base)
		}
	}
	if w, i := levelCount(logs, "WARN"), levelCount(logs, "INFO"); w != 2 || i != 2 {
		t.Errorf("%d warnings and %d recoveries logged for 2 outages:\n%s", w, i, logs)
	}
}

// Close ends the probe of a Redis that is down, and the limiter still works after it.
func TestCloseEndsTheProbe(t *testing.T) {
	s := startRedis(t)
	base := limiterGoroutines()
	l := redislimit.New(s.Client(t), redislimit.WithLimit(100, time.Second), redislimit.WithLogger(quiet))
	ctx := context.Background()
	if err := l.Wait(ctx, testKey); err != nil {
		t.Fatal(err)
	}
	s.Kill()
	if err := l.Wait(ctx, testKey); err != nil {
		t.Fatal(err)
	}
	if _, ok := eventually(time.Second, func() bool { return probes(l) == 1 }); !ok {
		t.Errorf("%d probes running with Redis down, want 1", probes(l))
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if n := probes(l); n != 0 { // Close waits for it
		t.Errorf("%d probes running after Close", n)
	}
	if took, ok := eventually(2*time.Second, func() bool { return limiterGoroutines() <= base }); !ok {
		t.Errorf("%d goroutines of limiters still running %v after Close, want %d", limiterGoroutines(), took, base)
	}
	if err := l.Close(); err != nil { // a second Close does nothing
		t.Fatal(err)
	}
	// After Close the limiter still admits, and a Wait still finds Redis again.
	s.StartAgain()
	waitRecovered(t, l)
	if n := probes(l); n != 0 {
		t.Errorf("%d probes running after Close and recovery", n)
	}
}

func TestSlowRedisFallsBackWithinTheTimeout(t *testing.T) {
	s := startRedis(t)
	logs, lg := newLog()
	l := redislimit.New(s.Client(t), redislimit.WithLimit(50, time.Second), redislimit.WithLogger(lg),
		redislimit.WithTimeout(150*time.Millisecond))
	ctx := context.Background()
	if err := l.Wait(ctx, testKey); err != nil {
		t.Fatal(err)
	}
	s.Freeze()
	defer s.Thaw()
	t0 := time.Now()
	if err := l.Wait(ctx, testKey); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(t0); d < 140*time.Millisecond || d > 1000*time.Millisecond {
		t.Errorf("Wait on a stuck Redis took %v, want the 150ms timeout (not the client's 3s read timeout)", d)
	}
	// Then no more Redis round trips until the probe.
	t0 = time.Now()
	for range 10 {
		if err := l.Wait(ctx, testKey); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(t0); d > 300*time.Millisecond {
		t.Errorf("10 calls in fallback took %v", d)
	}
	l.Pause(ctx, testKey, 10*time.Millisecond) // skips Redis while degraded
	if n := levelCount(logs, "WARN"); n != 1 {
		t.Errorf("%d warnings, want 1:\n%s", n, logs)
	}
	s.Thaw()
	waitRecovered(t, l)
}

func TestFailClosed(t *testing.T) {
	s := startRedis(t)
	l := redislimit.New(s.Client(t), redislimit.WithLimit(5, 500*time.Millisecond), redislimit.WithFailClosed(),
		redislimit.WithLogger(quiet))
	ctx := context.Background()
	if err := l.Wait(ctx, testKey); err != nil {
		t.Fatal(err)
	}
	s.Kill()
	for i := range 3 {
		t0 := time.Now()
		err := l.Wait(ctx, testKey)
		if !errors.Is(err, redislimit.ErrUnavailable) {
			t.Fatalf("Wait %d with Redis down, fail closed = %v, want ErrUnavailable", i, err)
		}
		if d := time.Since(t0); d > time.Second {
			t.Errorf("refusal took %v (the client's read timeout is 3s)", d)
		}
	}
	s.Restart()
	waitRecovered(t, l)
}

func TestUnreachableFromTheStart(t *testing.T) {
	s := startRedis(t)
	addr := s.Addr
	s.Kill()
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	defer rdb.Close()
	logs, lg := newLog()
	l := redislimit.New(rdb, redislimit.WithLimit(3, 300*time.Millisecond), redislimit.WithLogger(lg))
	defer l.Close() // Redis stays down: end the probe
	ctx := context.Background()
	start := time.Now()
	for range 4 {
		if err := l.Wait(ctx, testKey); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 300*time.Millisecond {
		t.Errorf("4 calls at 3 per 300ms in %v with Redis down: no limit", d)
	}
	if levelCount(logs, "WARN") != 1 {
		t.Errorf("want one warning:\n%s", logs)
	}
}

func TestRedisRestartMidRun(t *testing.T) {
	testlock.RealTime(t)
	s := startRedis(t)
	logs, lg := newLog()
	const n, window = 20, time.Second
	l := redislimit.New(s.Client(t), redislimit.WithLimit(n, window), redislimit.WithLogger(lg))
	time.AfterFunc(1500*time.Millisecond, s.Kill)
	restarted := make(chan struct{})
	time.AfterFunc(2500*time.Millisecond, func() { s.StartAgain(); close(restarted) })
	times := admissions(t, 5*time.Second, 8, l)
	<-restarted
	// One process is bounded by its in-process window throughout, also in the window after
	// Redis came back empty: bursts of 20 at 0, 1.04, 2.08, 3.12 and 4.16s, so at most 100 in
	// all, and at most 20 in any 900ms (the times are taken when Wait returns, late by
	// however long a loaded machine takes to run the goroutine).
	got := testkit.MaxInWindow(times, window-100*time.Millisecond)
	t.Logf("restart mid-run: %d admissions in 5s, at most %d in any 900ms (limit %d per 1.04s); log:\n%s", len(times), got, n, logs)
	if got > n {
		t.Errorf("%d admissions in one window across the restart, want at most %d", got, n)
	}
	if len(times) < 4*n || len(times) > 5*n {
		t.Errorf("%d admissions in 5s at %d per 1.04s, want 80 to 100", len(times), n)
	}
	if levelCount(logs, "WARN") < 1 {
		t.Error("no warning for the outage")
	}
	// And it uses Redis again.
	waitRecovered(t, l)
}

// A Redis that loses its data (a restart without persistence, a failover) while Redis keeps
// answering: this process's in-process window still holds what it sent.
func TestDataLossDoesNotDoubleTheLimit(t *testing.T) {
	testlock.RealTime(t)
	s := startRedis(t)
	rdb := s.Client(t)
	l := redislimit.New(rdb, redislimit.WithLimit(10, 500*time.Millisecond), redislimit.WithLogger(quiet), patient)
	ctx := context.Background()
	start := time.Now()
	for range 10 {
		if err := l.Wait(ctx, testKey); err != nil {
			t.Fatal(err)
		}
	}
	if err := rdb.FlushAll(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	if err := l.Wait(ctx, testKey); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 510*time.Millisecond {
		t.Errorf("11th call %v after the first, with Redis emptied: the process sent twice its limit (want >= 520ms)", d)
	}
	if l.Degraded() {
		t.Error("degraded although Redis answered")
	}
}

// startCluster starts a one-node Redis Cluster holding every slot and returns a cluster
// client of it and a plain client of the node.
func startCluster(t *testing.T) (*redis.ClusterClient, *redis.Client) {
	t.Helper()
	s := startRedis(t, "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf")
	ctx := context.Background()
	admin := s.Client(t)
	if err := admin.Do(ctx, "CLUSTER", "ADDSLOTSRANGE", 0, 16383).Err(); err != nil {
		t.Fatal(err)
	}
	cc := redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{s.Addr}})
	t.Cleanup(func() { cc.Close() })
	deadline := time.Now().Add(10 * time.Second)
	for cc.Ping(ctx).Err() != nil || admin.ClusterInfo(ctx).Val() == "" || !clusterOK(admin) {
		if time.Now().After(deadline) {
			t.Fatal("cluster did not come up")
		}
		time.Sleep(50 * time.Millisecond)
	}
	return cc, admin
}

// twoProcessesAfterTenCalls starts Redis and two limiters with clients of their own (two
// processes, under a limit of 10 per 2s) that have sent 5 calls each, and returns them with
// an admin client and the time of the first call.
func twoProcessesAfterTenCalls(t *testing.T) (admin *redis.Client, a, b *redislimit.Limiter, start time.Time) {
	s := startRedis(t)
	opts := []redislimit.Option{redislimit.WithLimit(10, 2*time.Second), redislimit.WithLogger(quiet), patient}
	a, b = redislimit.New(s.Client(t), opts...), redislimit.New(s.Client(t), opts...)
	start = time.Now()
	for range 5 {
		for _, l := range []*redislimit.Limiter{a, b} {
			if err := l.Wait(context.Background(), testKey); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s.Client(t), a, b, start
}

// waitEach calls Wait on each limiter at once; the function it returns waits for them all
// and gives how long after start each call went out.
func waitEach(t *testing.T, start time.Time, limiters ...*redislimit.Limiter) func() []time.Duration {
	var wg sync.WaitGroup
	after := make([]time.Duration, len(limiters))
	for i, l := range limiters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := l.Wait(context.Background(), testKey); err != nil {
				t.Error(err)
			}
			after[i] = time.Since(start)
		}()
	}
	return func() []time.Duration {
		wg.Wait()
		return after
	}
}

// Two processes (limiters with clients of their own) that sent 5 calls each under a limit of
// 10 find, after FLUSHALL, that Redis lost the window: each puts its 5 calls back before
// anything more is admitted, so the 11th call waits a whole window after the first instead of
// going out at once (as it did when each process only knew its own 5).
func TestDataLossTwoProcessesPutTheirCallsBack(t *testing.T) {
	testlock.RealTime(t)
	admin, a, b, start := twoProcessesAfterTenCalls(t)
	ctx := context.Background()
	if err := admin.FlushAll(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	wait := waitEach(t, start, a, b)
	time.Sleep(200 * time.Millisecond) // within the rebuilding time (416ms): both put theirs back
	members, err := admin.ZRange(ctx, "amity:rl:{"+testKey+"}", 0, -1).Result()
	if err != nil {
		t.Fatal(err)
	}
	placeholders := 0
	for _, m := range members {
		if strings.HasPrefix(m, "#lost:") {
			placeholders++
		}
	}
	after := wait()
	t.Logf("after FLUSHALL: the window holds %d entries, %d of them placeholders; the next calls went out %v and %v after the first",
		len(members), placeholders, after[0].Round(time.Millisecond), after[1].Round(time.Millisecond))
	// Within 2.08s of the first call, no more than 10: the 11th and 12th come a window later.
	for i, d := range after {
		if d < 2070*time.Millisecond {
			t.Errorf("call %d after the loss went out %v after the first call, want >= 2.08s (a window): the two processes sent more than the limit", 11+i, d)
		}
	}
	if len(members) != 10 || placeholders != 0 {
		t.Errorf("window after both put their calls back: %d entries, %d placeholders; want their 10 calls and none", len(members), placeholders)
	}
}

// A loss while every caller sleeps on a reservation (the fleet's burst used the window, the
// next burst is reserved a window later) is found while they wait, not when the next burst
// comes due: the calls put back are then within a window of the loss, so the next burst goes
// out on time instead of a whole window late behind placeholders.
func TestDataLossFoundWhileWaiting(t *testing.T) {
	testlock.RealTime(t)
	admin, a, b, start := twoProcessesAfterTenCalls(t)
	ctx := context.Background()
	wait := waitEach(t, start, a, b, a, b) // the next burst: reserved at 2.08s
	time.Sleep(500 * time.Millisecond)
	if err := admin.FlushAll(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	after := wait()
	slices.Sort(after)
	t.Logf("FLUSHALL at 0.5s while 4 callers waited for 2.08s: they went out at %v", after)
	for _, d := range after {
		if d < 2070*time.Millisecond {
			t.Errorf("a call went out %v after the first 10, want >= 2.08s: more than the limit in a window", d)
		}
		// Found when the reservations came due, the loss would hold the window for the
		// rebuilding time (416ms) more at least: 2.5s.
		if d > 2300*time.Millisecond {
			t.Errorf("a call went out %v after the first 10, want about 2.08s: the loss was found late and held the window", d)
		}
	}
}

func TestClusterSlots(t *testing.T) {
	cc, _ := startCluster(t)
	ctx := context.Background()
	l := redislimit.New(cc, redislimit.WithLimit(2, 300*time.Millisecond), redislimit.WithLogger(quiet), redislimit.WithFailClosed(), patient)
	for range 3 {
		if err := l.Wait(ctx, testKey); err != nil {
			t.Fatalf("Wait on a cluster: %v", err)
		}
	}
	l.Pause(ctx, testKey, 50*time.Millisecond)
	if l.Degraded() {
		t.Fatal("degraded on a cluster (CROSSSLOT?)")
	}
}

// Keys the SDK never makes but a caller's own Limiter key may be: each must keep its window and
// hold key in one slot (no CROSSSLOT) and have a window of its own.
func TestClusterAnyKey(t *testing.T) {
	cc, admin := startCluster(t)
	ctx := context.Background()
	opts := []redislimit.Option{redislimit.WithLimit(1, time.Minute), redislimit.WithLogger(quiet), redislimit.WithFailClosed(), patient}
	keys := []string{"", "}", "}abc", "{", "{}", "{}x", "a}b", "a{b}c", "{a}", "}{", testKey}
	one := redislimit.New(cc, opts...)
	for _, key := range keys {
		l := redislimit.New(cc, opts...) // a limiter of its own, so one failure does not hide another
		l.Pause(ctx, key, time.Millisecond)
		if err := l.Wait(ctx, key); err != nil {
			t.Errorf("Wait(%q) on a cluster: %v", key, err)
		}
		if l.Degraded() {
			t.Errorf("key %q: degraded on a cluster", key)
		}
		// Another limiter's first call for key waits a minute: the window is the key's.
		wctx, cancel := context.WithTimeout(ctx, time.Second)
		if err := one.Wait(wctx, key); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("key %q: a second call within the minute = %v, want DeadlineExceeded", key, err)
		}
		cancel()
	}
	// Every key written is one of a pair in one slot.
	written, err := admin.Keys(ctx, "amity:rl:*").Result()
	if err != nil {
		t.Fatal(err)
	}
	slots := map[string]int64{}
	for _, k := range written {
		slot, err := admin.ClusterKeySlot(ctx, k).Result()
		if err != nil {
			t.Fatal(err)
		}
		slots[k] = slot
	}
	for k, slot := range slots {
		if w, ok := strings.CutSuffix(k, ":hold"); ok {
			if ws, ok := slots[w]; !ok || ws != slot {
				t.Errorf("hold key %q in slot %d, its window %q in slot %d (present %v)", k, slot, w, ws, ok)
			}
		}
	}
	windows := 0
	for _, k := range written {
		if !strings.HasSuffix(k, ":hold") {
			windows++
		}
	}
	if windows != len(keys) {
		t.Errorf("%d windows for %d caller keys: %q", windows, len(keys), written)
	}
}

func clusterOK(rdb *redis.Client) bool {
	info, err := rdb.ClusterInfo(context.Background()).Result()
	return err == nil && strings.Contains(info, "cluster_state:ok")
}

// countingLimiter counts the calls that reach the limiter it wraps.
type countingLimiter struct {
	amity.Limiter
	mu            sync.Mutex
	waits, pauses int
}

func (c *countingLimiter) Wait(ctx context.Context, key string) error {
	c.mu.Lock()
	c.waits++
	c.mu.Unlock()
	return c.Limiter.Wait(ctx, key)
}

func (c *countingLimiter) Pause(ctx context.Context, key string, d time.Duration) {
	c.mu.Lock()
	c.pauses++
	c.mu.Unlock()
	c.Limiter.Pause(ctx, key, d)
}

func TestWithFallback(t *testing.T) {
	s := startRedis(t)
	fb := &countingLimiter{Limiter: amity.NewWindowLimiter(2, 300*time.Millisecond)}
	l := redislimit.New(s.Client(t), redislimit.WithLimit(100, time.Second), redislimit.WithFallback(fb), redislimit.WithLogger(quiet), patient)
	defer l.Close() // Redis stays down: end the probe
	ctx := context.Background()
	for range 2 {
		if err := l.Wait(ctx, testKey); err != nil {
			t.Fatal(err)
		}
	}
	l.Pause(ctx, testKey, time.Millisecond)
	if fb.waits != 2 || fb.pauses != 1 {
		t.Errorf("the fallback saw %d waits and %d pauses with Redis up, want every one (2, 1)", fb.waits, fb.pauses)
	}
	s.Kill()
	t0 := time.Now()
	for range 3 {
		if err := l.Wait(ctx, testKey); err != nil {
			t.Fatal(err)
		}
	}
	// The fallback's own limit (2 per 312ms) rules with Redis down.
	if d := time.Since(t0); d < 300*time.Millisecond {
		t.Errorf("3 calls through a fallback of 2 per 300ms took %v", d)
	}
	if fb.waits != 5 {
		t.Errorf("fallback waits = %d, want 5", fb.waits)
	}
}

func TestNewPanicsOnBadSettings(t *testing.T) {
	for name, f := range map[string]func(){
		"nil client": func() { redislimit.New(nil) },
		"calls 0": func() {
			redislimit.New(redis.NewClient(&redis.Options{}), redislimit.WithLimit(0, time.Second))
		},
		"window 0": func() {
			redislimit.New(redis.NewClient(&redis.Options{}), redislimit.WithLimit(1, 0))
		},
		"brace in prefix": func() {
			redislimit.New(redis.NewClient(&redis.Options{}), redislimit.WithPrefix("a{}b:"))
		},
		"timeout 0": func() {
			redislimit.New(redis.NewClient(&redis.Options{}), redislimit.WithTimeout(0))
		},
		"connect timeout < 0": func() {
			redislimit.New(redis.NewClient(&redis.Options{}), redislimit.WithConnectTimeout(-time.Second))
		},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

func TestWithPrefix(t *testing.T) {
	s := startRedis(t)
	rdb := s.Client(t)
	a := redislimit.New(rdb, redislimit.WithLimit(1, time.Second), redislimit.WithPrefix("app1:"), redislimit.WithLogger(quiet), patient)
	b := redislimit.New(rdb, redislimit.WithLimit(1, time.Second), redislimit.WithPrefix("app2:"), redislimit.WithLogger(quiet), patient)
	ctx := context.Background()
	t0 := time.Now()
	if err := a.Wait(ctx, testKey); err != nil {
		t.Fatal(err)
	}
	if err := b.Wait(ctx, testKey); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(t0); d > 200*time.Millisecond {
		t.Errorf("limiters of two prefixes shared a window: %v", d)
	}
	keys, err := rdb.Keys(ctx, "*").Result()
	slices.Sort(keys)
	if err != nil || !slices.Equal(keys, []string{"app1:{" + testKey + "}", "app2:{" + testKey + "}"}) {
		t.Errorf("keys = %q, %v", keys, err)
	}
}

// The client's Pause on a 429 reaches Redis: another process's limiter waits out the
// Retry-After.
func TestClientPauseOn429(t *testing.T) {
	s := startRedis(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "1")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte(`{"status":"error","code":400311,"message":"Rate limit exceeded"}`))
	}))
	defer srv.Close()
	a := redislimit.New(s.Client(t), redislimit.WithLogger(quiet), patient)
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL), amity.WithAdminToken("tok"), amity.WithLimiter(a), amity.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.Users.Get(ctx, "u1"); !errors.Is(err, amity.ErrRateLimited) {
		t.Fatalf("Get = %v, want ErrRateLimited", err)
	}
	keys, err := s.Client(t).Keys(ctx, "amity:rl:{*}:hold").Result()
	if err != nil || len(keys) != 1 {
		t.Fatalf("hold keys = %q, %v", keys, err)
	}
	key := strings.TrimSuffix(strings.TrimPrefix(keys[0], "amity:rl:{"), "}:hold")
	b := redislimit.New(s.Client(t), redislimit.WithLogger(quiet), patient)
	t0 := time.Now()
	if err := b.Wait(ctx, key); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(t0); d < 900*time.Millisecond || d > 2000*time.Millisecond {
		t.Errorf("another limiter waited %v after a 429 with Retry-After: 1", d)
	}
}
