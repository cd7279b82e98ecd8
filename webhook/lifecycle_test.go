package webhook_test

import (
	"context"
	"errors"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity/webhook"
)

// goroutineNoise is how many goroutines a measurement may be off by: the runtime, the race
// detector and the tests' own helpers start and end some.
const goroutineNoise = 10

// settle polls runtime.NumGoroutine until it is at most limit or a few seconds passed, and
// returns the last count.
func settle(limit int) int {
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(5 * time.Second); n > limit && time.Now().Before(deadline); n = runtime.NumGoroutine() {
		time.Sleep(20 * time.Millisecond)
	}
	return n
}

// receive returns the next value of ch, or fails the test after a few seconds.
func receive[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(5 * time.Second):
		t.Fatalf("no %s after 5s", what)
		panic("unreachable")
	}
}

// preHookBody is a signed-able pre-hook call about post id.
func preHookBody(id string) []byte {
	return []byte(`{"eventName":"post.shouldCreate","data":{"postId":"` + id + `"},"actor":{"userId":"u"}}`)
}

// After Close no user code runs: a Handler answers 503 in both modes, a PreHookHandler its
// default reply.
func TestClosedHandlersRunNoUserCode(t *testing.T) {
	body := []byte(postBody)
	for _, mode := range []struct {
		name string
		opts []webhook.HandlerOption
	}{{"async", nil}, {"sync", []webhook.HandlerOption{webhook.WithSynchronous()}}} {
		t.Run(mode.name, func(t *testing.T) {
			var calls atomic.Int32
			h := newHandler(t, mode.opts...)
			h.OnAny(func(context.Context, *webhook.Event) error { calls.Add(1); return nil })
			if err := h.Close(context.Background()); err != nil {
				t.Fatal(err)
			}
			rec := post(t, h, body, signed(body))
			if rec.Code != http.StatusServiceUnavailable {
				t.Errorf("after Close: %d, want 503", rec.Code)
			}
			if rec := post(t, h, body, nil); rec.Code != http.StatusUnauthorized {
				t.Errorf("unsigned after Close: %d, want 401", rec.Code)
			}
			time.Sleep(20 * time.Millisecond) // an asynchronous run would have started
			if n := calls.Load(); n != 0 {
				t.Errorf("the handler ran %d times after Close", n)
			}
		})
	}
	t.Run("pre-hook", func(t *testing.T) {
		var calls atomic.Int32
		reported := make(chan error, 1)
		h := newPreHook(t, func(context.Context, *webhook.PreHookRequest) webhook.PreHookReply {
			calls.Add(1)
			return webhook.Allow()
		}, webhook.WithDefaultReply(webhook.Deny("closed")),
			webhook.WithPreHookErrorHandler(func(ctx context.Context, req *webhook.PreHookRequest, err error) { reported <- err }))
		if err := h.Close(context.Background()); err != nil {
			t.Fatal(err)
		}
		b := preHookBody("p")
		rec := post(t, h, b, signed(b))
		if rec.Code != http.StatusOK || rec.Body.String() != `{"action":"deny","message":"closed"}` {
			t.Errorf("after Close: %d %s, want the default reply", rec.Code, rec.Body)
		}
		if n := calls.Load(); n != 0 {
			t.Errorf("decide ran %d times after Close", n)
		}
		if err := receive(t, reported, "report of the default reply"); !errors.Is(err, webhook.ErrClosed) {
			t.Errorf("reported %v, want ErrClosed", err)
		}
	})
}

// A synchronous handler that ignores its context keeps its goroutine past the deadline; at
// most WithMaxRunning of them live, and deliveries beyond are answered 503.
func TestSyncHandlerGoroutinesAreBounded(t *testing.T) {
	const bound, deliveries = 4, 200
	release := make(chan struct{})
	var busy atomic.Int32
	h := newHandler(t, webhook.WithSynchronous(), webhook.WithBudget(50*time.Millisecond), webhook.WithMaxRunning(bound),
		webhook.WithErrorHandler(func(ctx context.Context, ev *webhook.Event, err error) {
			if errors.Is(err, webhook.ErrBusy) {
				busy.Add(1)
			}
		}))
	h.OnAny(func(context.Context, *webhook.Event) error { <-release; return nil }) // ignores ctx
	defer func() {
		close(release)
		if err := h.Close(context.Background()); err != nil {
			t.Error(err)
		}
	}()
	before := runtime.NumGoroutine()
	codes := map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	body := []byte(postBody)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range deliveries / 20 {
				code := post(t, h, body, signed(body)).Code
				mu.Lock()
				codes[code]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	after := settle(before + bound + goroutineNoise)
	t.Logf("%d deliveries: goroutines %d -> %d; statuses %v", deliveries, before, after, codes)
	if after > before+bound+goroutineNoise {
		t.Errorf("%d deliveries to a handler that ignores its context left %d goroutines (bound %d)", deliveries, after-before, bound)
	}
	if codes[http.StatusInternalServerError] != bound || codes[http.StatusServiceUnavailable] != deliveries-bound {
		t.Errorf("statuses %v, want %d x 500 then 503", codes, bound)
	}
	if n := busy.Load(); n != deliveries-bound {
		t.Errorf("ErrBusy reported %d times, want %d", n, deliveries-bound)
	}
}

// A pre-hook decision that ignores its context: at most WithMaxRunning goroutines live, and
// the calls beyond get the default reply.
func TestPreHookGoroutinesAreBounded(t *testing.T) {
	const bound, calls = 4, 100
	release := make(chan struct{})
	var busy atomic.Int32
	h := newPreHook(t, func(context.Context, *webhook.PreHookRequest) webhook.PreHookReply {
		<-release // ignores ctx
		return webhook.Allow()
	}, webhook.WithPreHookDeadline(50*time.Millisecond), webhook.WithMaxRunning(bound),
		webhook.WithDefaultReply(webhook.Deny("default")),
		webhook.WithPreHookErrorHandler(func(ctx context.Context, req *webhook.PreHookRequest, err error) {
			if errors.Is(err, webhook.ErrBusy) {
				busy.Add(1)
			}
		}))
	defer func() {
		close(release)
		if err := h.Close(context.Background()); err != nil {
			t.Error(err)
		}
	}()
	before := runtime.NumGoroutine()
	var wg sync.WaitGroup
	var wrong atomic.Int32
	b := preHookBody("p")
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range calls / 10 {
				if rec := post(t, h, b, signed(b)); rec.Body.String() != `{"action":"deny","message":"default"}` {
					wrong.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	after := settle(before + bound + goroutineNoise)
	t.Logf("%d calls: goroutines %d -> %d", calls, before, after)
	if after > before+bound+goroutineNoise {
		t.Errorf("%d calls to a decision that ignores its context left %d goroutines (bound %d)", calls, after-before, bound)
	}
	if n := wrong.Load(); n != 0 {
		t.Errorf("%d calls did not get the default reply", n)
	}
	if n := busy.Load(); n != calls-bound {
		t.Errorf("ErrBusy reported %d times, want %d", n, calls-bound)
	}
}

// Close cancels the handlers' context once its own ctx ends, with cause ErrClosed.
func TestCloseCancelsTheHandlersContext(t *testing.T) {
	type closer interface {
		http.Handler
		Close(context.Context) error
	}
	stopped := make(chan error, 1)
	wait := func(ctx context.Context) {
		select {
		case <-ctx.Done():
			stopped <- context.Cause(ctx)
		case <-time.After(5 * time.Second):
			stopped <- errors.New("the context was not cancelled")
		}
	}
	started := make(chan struct{}, 1)
	handler := func(ctx context.Context, ev *webhook.Event) error { started <- struct{}{}; wait(ctx); return ctx.Err() }
	quiet := webhook.WithErrorHandler(func(context.Context, *webhook.Event, error) {})
	async := newHandler(t, quiet)
	async.OnAny(handler)
	// A synchronous run outlives its request by a long budget here.
	synchronous := newHandler(t, quiet, webhook.WithSynchronous(), webhook.WithBudget(time.Minute))
	synchronous.OnAny(handler)
	pre := newPreHook(t, func(ctx context.Context, req *webhook.PreHookRequest) webhook.PreHookReply {
		started <- struct{}{}
		wait(ctx)
		return webhook.Allow()
	}, webhook.WithPreHookDeadline(time.Minute), webhook.WithPreHookErrorHandler(func(context.Context, *webhook.PreHookRequest, error) {}))
	for name, tc := range map[string]struct {
		h    closer
		body []byte
	}{"async": {async, []byte(postBody)}, "sync": {synchronous, []byte(postBody)}, "pre-hook": {pre, preHookBody("p")}} {
		t.Run(name, func(t *testing.T) {
			answered := make(chan int, 1)
			go func() { answered <- post(t, tc.h, tc.body, signed(tc.body)).Code }()
			receive(t, started, "handler run")
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			if err := tc.h.Close(ctx); !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("Close = %v, want the deadline of its ctx", err)
			}
			if err := receive(t, stopped, "end of the handler"); !errors.Is(err, webhook.ErrClosed) {
				t.Errorf("the handler's context: %v, want cancelled by Close (ErrClosed)", err)
			}
			if err := tc.h.Close(context.Background()); err != nil {
				t.Errorf("Close once the handler returned: %v", err)
			}
			receive(t, answered, "answer")
		})
	}
}

// A Close that gives up leaves no goroutine behind, however often it is called; an
// asynchronous Handler drops the events still queued and reports them.
func TestCloseThatTimesOutLeavesNoGoroutine(t *testing.T) {
	release := make(chan struct{})
	var runs atomic.Int32
	dropped := make(chan error, 4)
	stuck := func(context.Context, *webhook.Event) error { runs.Add(1); <-release; return nil } // ignores ctx
	async := newHandler(t, webhook.WithWorkers(1), webhook.WithErrorHandler(func(ctx context.Context, ev *webhook.Event, err error) { dropped <- err }))
	async.OnAny(stuck)
	synchronous := newHandler(t, webhook.WithSynchronous(), webhook.WithBudget(20*time.Millisecond), webhook.WithErrorHandler(func(context.Context, *webhook.Event, error) {}))
	synchronous.OnAny(stuck)
	pre := newPreHook(t, func(context.Context, *webhook.PreHookRequest) webhook.PreHookReply { <-release; return webhook.Allow() },
		webhook.WithPreHookDeadline(20*time.Millisecond), webhook.WithPreHookErrorHandler(func(context.Context, *webhook.PreHookRequest, error) {}))
	body, b := []byte(postBody), preHookBody("p")
	for range 3 { // one runs, two wait in the queue
		if rec := post(t, async, body, signed(body)); rec.Code != http.StatusOK {
			t.Fatalf("async: %d", rec.Code)
		}
	}
	for deadline := time.Now().Add(5 * time.Second); runs.Load() == 0 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	if rec := post(t, synchronous, body, signed(body)); rec.Code != http.StatusInternalServerError {
		t.Fatalf("sync: %d", rec.Code)
	}
	post(t, pre, b, signed(b))

	const closes = 50
	before := runtime.NumGoroutine()
	for range closes {
		for _, h := range []interface{ Close(context.Context) error }{async, synchronous, pre} {
			ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
			if err := h.Close(ctx); !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("Close with a stuck handler = %v", err)
			}
			cancel()
		}
	}
	after := settle(before + goroutineNoise)
	t.Logf("%d Close calls that timed out on each of 3 handlers: goroutines %d -> %d", closes, before, after)
	if after > before+goroutineNoise {
		t.Errorf("%d Close calls that timed out left %d goroutines", 3*closes, after-before)
	}

	close(release)
	for _, h := range []interface{ Close(context.Context) error }{async, synchronous, pre} {
		if err := h.Close(context.Background()); err != nil {
			t.Errorf("Close once the handlers returned: %v", err)
		}
	}
	for range 2 {
		if err := receive(t, dropped, "report of a dropped event"); !errors.Is(err, webhook.ErrClosed) || !strings.Contains(err.Error(), "queue") {
			t.Errorf("reported %v, want a dropped event (ErrClosed)", err)
		}
	}
	if n := runs.Load(); n != 2 { // the async one and the sync one
		t.Errorf("handlers ran %d times, want 2: the queued events are dropped", n)
	}
}
