package redislimit_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/internal/testkit"
	"github.com/amity-go/amity/internal/testlock"
	"github.com/amity-go/amity/redislimit"
	"github.com/redis/go-redis/v9"
)

// The shared-limit test runs its callers in separate OS processes: the test binary started
// again with workerEnv set ("redis" or "local"), which TestMain hands to worker.
const (
	workerEnv   = "AMITY_REDISLIMIT_WORKER"
	processes   = 4
	perProcess  = 8 // goroutines calling in each process
	apiCalls    = 100
	apiWindow   = 5 * time.Second
	startupTime = 3 * time.Second // for the processes to start before the common start time
)

// workerReport is what a worker prints on its standard output.
type workerReport struct {
	OK        int    `json:"ok"`
	Errors    int    `json:"errors"`
	FirstErr  string `json:"firstErr,omitempty"`
	Fallbacks int    `json:"fallbacks"` // times the Redis limiter fell back
	Refused   int    `json:"refused"`   // calls refused with ErrUnavailable (fail-closed)
}

// worker is the body of one process of the shared-limit test: perProcess goroutines call
// Users.Get through an amity.Client from the common start time until the end time, paced by
// the Redis limiter ("redis") or the in-process one ("local").
func worker(mode string) int {
	env := func(k string) string { return os.Getenv("AMITY_REDISLIMIT_" + k) }
	start, _ := strconv.ParseInt(env("START"), 10, 64)
	until, _ := strconv.ParseInt(env("UNTIL"), 10, 64)
	opts := []amity.Option{amity.WithBaseURL(env("URL")), amity.WithAdminToken(env("TOKEN")), amity.WithMaxRetries(0)}
	var (
		rl   *redislimit.Limiter
		logs *testkit.SyncBuffer
		lg   *slog.Logger
	)
	if mode == "redis" {
		rdb := redis.NewClient(&redis.Options{Addr: env("REDIS"), PoolSize: perProcess, MinIdleConns: perProcess})
		defer rdb.Close()
		if err := rdb.Ping(context.Background()).Err(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		// A patient timeout: this test is about the shared window, and a loaded CI machine
		// must not turn it into a test of the fallback.
		logs, lg = newLog()
		ropts := []redislimit.Option{redislimit.WithTimeout(2 * time.Second), redislimit.WithLogger(lg)}
		if calls, _ := strconv.Atoi(env("CALLS")); calls > 0 {
			ms, _ := strconv.Atoi(env("WINDOW_MS"))
			ropts = append(ropts, redislimit.WithLimit(calls, time.Duration(ms)*time.Millisecond))
		}
		if env("FAIL_CLOSED") != "" {
			ropts = append(ropts, redislimit.WithFailClosed())
		}
		rl = redislimit.New(rdb, ropts...)
		defer rl.Close()
		opts = append(opts, amity.WithLimiter(rl))
	}
	c, err := amity.NewClient(opts...)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	time.Sleep(time.Until(time.Unix(0, start)))
	ctx, cancel := context.WithDeadline(context.Background(), time.Unix(0, until))
	defer cancel()
	var (
		rep workerReport
		mu  sync.Mutex
		wg  sync.WaitGroup
	)
	for range perProcess {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				_, err := c.Users.Get(ctx, "u1")
				mu.Lock()
				switch {
				case err == nil:
					rep.OK++
				case errors.Is(err, context.DeadlineExceeded):
				case errors.Is(err, redislimit.ErrUnavailable):
					rep.Refused++
					mu.Unlock()
					time.Sleep(10 * time.Millisecond)
					continue
				case errors.Is(err, amity.ErrRateLimited) && !isAnswer(err):
					// No turn before the deadline: the run is over for this goroutine.
					mu.Unlock()
					return
				default:
					rep.Errors++
					if rep.FirstErr == "" {
						rep.FirstErr = err.Error()
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if rl != nil {
		rep.Fallbacks = levelCount(logs, "WARN")
	}
	_ = json.NewEncoder(os.Stdout).Encode(rep)
	return 0
}

// fleetResult is what the API server saw from a fleet of worker processes.
type fleetResult struct {
	arrivals  []time.Time
	maxWindow int           // most arrivals in any 5s window
	minGap    time.Duration // shortest time from an arrival to the 100th after it
	sustained float64       // steady rate as a fraction of 100 per 5s
	reports   []workerReport
}

// fleet is a run of worker processes.
type fleet struct {
	mode       string // "redis" or "local"
	redis      string // address
	d          time.Duration
	calls      int           // the limit, when not the API's
	window     time.Duration // likewise
	failClosed bool
	// during, when set, runs once the workers started calling, at start.
	during func(start time.Time)
}

// runFleet starts the worker processes against a counting API server and returns what it
// saw once they are done.
func runFleet(t *testing.T, mode, redisAddr string, d time.Duration) fleetResult {
	t.Helper()
	return runFleetOf(t, fleet{mode: mode, redis: redisAddr, d: d})
}

func runFleetOf(t *testing.T, f fleet) fleetResult {
	t.Helper()
	mode, redisAddr, d := f.mode, f.redis, f.d
	calls, window := apiCalls, apiWindow
	if f.calls > 0 {
		calls, window = f.calls, f.window
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	token := "tok-" + hex.EncodeToString(b[:])
	var (
		mu       sync.Mutex
		arrivals []time.Time
		foreign  atomic.Int64
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		now := time.Now()
		if r.Header.Get("Authorization") != "Bearer "+token {
			foreign.Add(1)
			http.Error(w, `{"status":"error","code":400100,"message":"unauthorized"}`, http.StatusUnauthorized)
			return
		}
		mu.Lock()
		arrivals = append(arrivals, now)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"users":[{"userId":"u1","displayName":"U"}],"files":[],"paging":{}}`))
	}))
	defer srv.Close()

	start := time.Now().Add(startupTime)
	until := start.Add(d)
	cmds := make([]*exec.Cmd, processes)
	outs := make([]*bytes.Buffer, processes)
	for i := range cmds {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(),
			workerEnv+"="+mode,
			"AMITY_REDISLIMIT_REDIS="+redisAddr,
			"AMITY_REDISLIMIT_URL="+srv.URL,
			"AMITY_REDISLIMIT_TOKEN="+token,
			"AMITY_REDISLIMIT_START="+strconv.FormatInt(start.UnixNano(), 10),
			"AMITY_REDISLIMIT_UNTIL="+strconv.FormatInt(until.UnixNano(), 10),
		)
		if f.calls > 0 {
			cmd.Env = append(cmd.Env, "AMITY_REDISLIMIT_CALLS="+strconv.Itoa(f.calls),
				"AMITY_REDISLIMIT_WINDOW_MS="+strconv.FormatInt(f.window.Milliseconds(), 10))
		}
		if f.failClosed {
			cmd.Env = append(cmd.Env, "AMITY_REDISLIMIT_FAIL_CLOSED=1")
		}
		outs[i] = new(bytes.Buffer)
		cmd.Stdout = outs[i]
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds[i] = cmd
	}
	if f.during != nil {
		go func() {
			time.Sleep(time.Until(start))
			f.during(start)
		}()
	}
	var res fleetResult
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("worker %d: %v", i, err)
		}
		var rep workerReport
		if err := json.Unmarshal(outs[i].Bytes(), &rep); err != nil {
			t.Fatalf("worker %d printed %q: %v", i, outs[i], err)
		}
		if rep.Errors > 0 {
			t.Errorf("worker %d: %d failed calls, the first: %s", i, rep.Errors, rep.FirstErr)
		}
		res.reports = append(res.reports, rep)
	}
	if n := foreign.Load(); n > 0 {
		t.Errorf("%d requests without the token", n)
	}
	mu.Lock()
	res.arrivals = slices.Clone(arrivals)
	mu.Unlock()
	slices.SortFunc(res.arrivals, func(a, b time.Time) int { return a.Compare(b) })
	res.maxWindow = testkit.MaxInWindow(res.arrivals, window)
	for i := calls; i < len(res.arrivals); i++ {
		if g := res.arrivals[i].Sub(res.arrivals[i-calls]); res.minGap == 0 || g < res.minGap {
			res.minGap = g
		}
	}
	// Steady rate: k·100 arrivals from the first to the (k·100+1)-th, for the largest k, as a
	// fraction of 100 per 5s. The window admits arrival i+100 one window (5.2s) after arrival
	// i at the earliest, so the ideal is 5/5.2 = 96%.
	if k := (len(res.arrivals) - 1) / calls; k >= 1 {
		span := res.arrivals[k*calls].Sub(res.arrivals[0])
		res.sustained = float64(k*calls) / span.Seconds() / (float64(calls) / window.Seconds())
	}
	return res
}

// TestSharedLimitAcrossProcesses is the reason for the package: 4 processes sharing one admin
// token through Redis never put more than 100 calls in any 5s window on the API, and together
// keep it busy.
func TestSharedLimitAcrossProcesses(t *testing.T) {
	testlock.RealTime(t)
	s := startRedis(t)
	res := runFleet(t, "redis", s.Addr, 15*time.Second)
	t.Logf("redis limiter, %d processes for 15s: %d calls, at most %d in any 5s window, arrivals 100 apart at least %v apart, sustained %.1f%% of 100 per 5s",
		processes, len(res.arrivals), res.maxWindow, res.minGap.Round(time.Millisecond), 100*res.sustained)
	if res.maxWindow > apiCalls {
		t.Errorf("the API saw %d calls in one 5s window, want at most %d", res.maxWindow, apiCalls)
	}
	if res.sustained < 0.95 {
		t.Errorf("sustained %.1f%% of the limit, want >= 95%%", 100*res.sustained)
	}
	for i, r := range res.reports {
		if r.Fallbacks > 0 {
			t.Errorf("worker %d fell back from Redis %d times", i, r.Fallbacks)
		}
	}
}

// TestSharedLimitInProcessOverruns is the control: the same fleet with the SDK's in-process
// limiter passes the API's limit, so the test above can fail.
func TestSharedLimitInProcessOverruns(t *testing.T) {
	testlock.RealTime(t)
	res := runFleet(t, "local", "", 2*time.Second)
	t.Logf("in-process limiter, %d processes for 2s: %d calls, at most %d in any 5s window (limit %d)",
		processes, len(res.arrivals), res.maxWindow, apiCalls)
	if res.maxWindow <= apiCalls {
		t.Errorf("the in-process limiters stayed within %d per 5s (%d): the fleet does not exercise the shared limit", apiCalls, res.maxWindow)
	}
}

// TestSharedLimitThroughDataLoss: the fleet holds the shared limit when Redis loses its data
// mid-window, by FLUSHALL and by a restart without persistence (fail-closed, so the outage of
// the restart refuses calls instead of falling back). The limit is 20 per second here, to
// see several windows in a short run; arrivals are counted in any 900ms (100ms for a loaded
// machine's scheduling).
func TestSharedLimitThroughDataLoss(t *testing.T) {
	testlock.RealTime(t)
	s := startRedis(t)
	const calls, window = 20, time.Second
	var lost []time.Duration
	res := runFleetOf(t, fleet{mode: "redis", redis: s.Addr, d: 6 * time.Second, calls: calls, window: window, failClosed: true,
		during: func(start time.Time) {
			time.Sleep(time.Until(start.Add(2300 * time.Millisecond)))
			lost = append(lost, time.Since(start))
			rdb := redis.NewClient(&redis.Options{Addr: s.Addr})
			defer rdb.Close()
			if err := rdb.FlushAll(context.Background()).Err(); err != nil {
				t.Error(err)
			}
			time.Sleep(time.Until(start.Add(4300 * time.Millisecond)))
			lost = append(lost, time.Since(start))
			s.Restart()
		}})
	worst := testkit.MaxInWindow(res.arrivals, window-100*time.Millisecond)
	refused := 0
	for _, r := range res.reports {
		refused += r.Refused
	}
	// Without a loss the fleet sends a burst of the limit every span (window + window/25).
	span := window + window/25
	ideal := calls * int((6*time.Second+span-1)/span)
	t.Logf("%d processes, %d per %v, data lost at %v: %d calls (%d without a loss), at most %d in any %v (%d in any %v), %d refused",
		processes, calls, window, lost, len(res.arrivals), ideal, worst, window-100*time.Millisecond, res.maxWindow, window, refused)
	if worst > calls {
		t.Errorf("the API saw %d calls in 900ms across the data losses, want at most %d", worst, calls)
	}
	if len(res.arrivals) < 3*calls {
		t.Errorf("%d calls in 6s at %d per %v: the fleet stalled", len(res.arrivals), calls, window)
	}
}

// isAnswer reports whether err is an answer of the server (not the client's own refusal).
func isAnswer(err error) bool {
	var ae *amity.Error
	return errors.As(err, &ae) && ae.StatusCode != 0
}
