// Package inboxtest is the acceptance suite of a webhook.Inbox: every store (the file
// inbox of package webhook, the Redis one of webhook/redisinbox, one of your own) runs the
// same cases, on the store alone and behind a webhook.Handler: store, dedup, lease expiry,
// retry and dead letter, inspect and replay, shutdown with work in flight, and two
// receivers sharing the store.
package inboxtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/amity-go/amity/webhook"
)

// secret signs the suite's deliveries.
var secret = []byte("inboxtest-secret")

// Open returns a new, empty store for one case; the suite does not close it (register its
// Close with t.Cleanup).
type Open func(t *testing.T) webhook.Inbox

// Run runs the acceptance suite against the stores open returns, each case as a subtest.
func Run(t *testing.T, open Open) {
	cases := []struct {
		name string
		fn   func(*testing.T, Open)
	}{
		{"Store", testStore},
		{"Dedup", testDedup},
		{"LeaseExpiry", testLeaseExpiry},
		{"RetryAndDeadLetter", testRetryAndDeadLetter},
		{"Replay", testReplay},
		{"Drop", testDrop},
		{"ShutdownWithWorkInFlight", testShutdown},
		{"TwoReceivers", testTwoReceivers},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.fn(t, open) })
	}
}

// Body returns the signed body of a unique post.didCreate event with id.
func Body(id string) []byte {
	return []byte(`{"event":"v3.post.didCreate","data":{"posts":[{"postId":"` + id + `"}]}}`)
}

// post delivers body to h, signed, and returns the status.
func post(h http.Handler, body []byte) int {
	req := httptest.NewRequest(http.MethodPost, "/hook", bytes.NewReader(body))
	req.Header.Set(webhook.SignatureHeader, webhook.Sign(body, secret))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code
}

// newHandler is a Handler on store with fast retries; Close is the caller's.
func newHandler(t *testing.T, store webhook.Inbox, opts ...webhook.HandlerOption) *webhook.Handler {
	t.Helper()
	base := []webhook.HandlerOption{webhook.WithInbox(store), webhook.WithRetryBackoff(5*time.Millisecond, 20*time.Millisecond)}
	h, err := webhook.NewHandler(secret, append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func closeHandler(t *testing.T, h *webhook.Handler) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := h.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
}

// list is store.List, failing the test on an error.
func list(t *testing.T, store webhook.Inbox, st webhook.InboxState) []webhook.InboxEvent {
	t.Helper()
	l, err := store.List(context.Background(), st)
	if err != nil {
		t.Fatalf("List(%s): %v", st, err)
	}
	return l
}

// eventually waits up to 10 s for cond.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// counter counts the runs of each post ID.
type counter struct {
	mu   sync.Mutex
	runs map[string]int
}

func (c *counter) add(id string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.runs == nil {
		c.runs = map[string]int{}
	}
	c.runs[id]++
	return c.runs[id]
}

func (c *counter) get(id string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.runs[id]
}

func (c *counter) total() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, v := range c.runs {
		n += v
	}
	return n
}

func postID(d *webhook.PostEvent) string {
	if len(d.Posts) == 0 {
		return ""
	}
	return d.Posts[0].PostID
}

// A stored event is listed pending with its body, taken once with its attempt counted,
// listed running with its lease, and gone when done.
func testStore(t *testing.T, open Open) {
	ctx := context.Background()
	store := open(t)
	body := Body("store")
	key := webhook.InboxKey(body)
	stored, err := store.Put(ctx, key, body)
	if err != nil || !stored {
		t.Fatalf("Put: %t %v", stored, err)
	}
	p := list(t, store, webhook.InboxPending)
	if len(p) != 1 || p[0].Key != key || !bytes.Equal(p[0].Body, body) || p[0].Attempts != 0 || p[0].Received.IsZero() {
		t.Fatalf("pending %+v", p)
	}
	ev, err := store.Take(ctx, time.Minute)
	if err != nil || ev == nil {
		t.Fatalf("Take: %v %v", ev, err)
	}
	if ev.Key != key || !bytes.Equal(ev.Body, body) || ev.Attempts != 1 || ev.State != webhook.InboxRunning {
		t.Fatalf("taken %+v", ev)
	}
	if again, err := store.Take(ctx, time.Minute); err != nil || again != nil {
		t.Fatalf("second Take of one event: %+v %v", again, err)
	}
	r := list(t, store, webhook.InboxRunning)
	if len(r) != 1 || r[0].Key != key || time.Until(r[0].NotBefore) < 30*time.Second {
		t.Fatalf("running %+v", r)
	}
	if err := store.Done(ctx, ev); err != nil {
		t.Fatal(err)
	}
	for _, st := range []webhook.InboxState{webhook.InboxPending, webhook.InboxRunning, webhook.InboxDead} {
		if l := list(t, store, st); len(l) != 0 {
			t.Fatalf("%s after Done: %+v", st, l)
		}
	}
	if ev, err := store.Take(ctx, time.Minute); err != nil || ev != nil {
		t.Fatalf("Take after Done: %+v %v", ev, err)
	}

	// Behind a Handler: every delivery answered 200 runs once.
	h := newHandler(t, store)
	var c counter
	webhook.On(h, webhook.EventPostDidCreate, func(_ context.Context, _ *webhook.Event, d *webhook.PostEvent) error {
		c.add(postID(d))
		return nil
	})
	const n = 50
	for i := range n {
		if code := post(h, Body(fmt.Sprint("h", i))); code != http.StatusOK {
			t.Fatalf("delivery %d: %d", i, code)
		}
	}
	eventually(t, "the runs", func() bool { return c.total() == n })
	closeHandler(t, h)
	for i := range n {
		if c.get(fmt.Sprint("h", i)) != 1 {
			t.Fatalf("h%d ran %d times", i, c.get(fmt.Sprint("h", i)))
		}
	}
}

// The same body delivered again, while stored, running or handled, is acknowledged and
// not stored or run twice.
func testDedup(t *testing.T, open Open) {
	ctx := context.Background()
	store := open(t)
	body := Body("dup")
	key := webhook.InboxKey(body)
	if stored, err := store.Put(ctx, key, body); err != nil || !stored {
		t.Fatalf("Put: %t %v", stored, err)
	}
	if stored, err := store.Put(ctx, key, body); err != nil || stored {
		t.Fatalf("Put of a stored key: %t %v", stored, err)
	}
	ev, err := store.Take(ctx, time.Minute)
	if err != nil || ev == nil {
		t.Fatalf("Take: %v %v", ev, err)
	}
	if stored, err := store.Put(ctx, key, body); err != nil || stored {
		t.Fatalf("Put of a running key: %t %v", stored, err)
	}
	if err := store.Done(ctx, ev); err != nil {
		t.Fatal(err)
	}
	if stored, err := store.Put(ctx, key, body); err != nil || stored {
		t.Fatalf("Put of a handled key: %t %v", stored, err)
	}
	if l := list(t, store, webhook.InboxPending); len(l) != 0 {
		t.Fatalf("pending after a duplicate of a handled event: %+v", l)
	}

	h := newHandler(t, store)
	var c counter
	webhook.On(h, webhook.EventPostDidCreate, func(_ context.Context, _ *webhook.Event, d *webhook.PostEvent) error {
		c.add(postID(d))
		return nil
	})
	twice := Body("twice")
	for range 2 {
		if code := post(h, twice); code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
	}
	eventually(t, "the run", func() bool { return c.get("twice") == 1 })
	if code := post(h, twice); code != http.StatusOK {
		t.Fatalf("after the run: status %d", code)
	}
	closeHandler(t, h)
	if n := c.get("twice"); n != 1 {
		t.Fatalf("a body delivered 3 times ran %d times", n)
	}
}

// A run whose lease ended (its process died) is taken again, its attempt counted; the
// first run can then no longer settle the event. The takers use one lease, as the
// receivers sharing an inbox do.
func testLeaseExpiry(t *testing.T, open Open) {
	ctx := context.Background()
	store := open(t)
	body := Body("lease")
	if _, err := store.Put(ctx, webhook.InboxKey(body), body); err != nil {
		t.Fatal(err)
	}
	first, err := store.Take(ctx, 100*time.Millisecond)
	if err != nil || first == nil {
		t.Fatalf("Take: %v %v", first, err)
	}
	if ev, err := store.Take(ctx, 100*time.Millisecond); err != nil || ev != nil {
		t.Fatalf("Take within the lease: %+v %v", ev, err)
	}
	var second *webhook.InboxEvent
	eventually(t, "the lease to end", func() bool {
		second, err = store.Take(ctx, 100*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		return second != nil
	})
	if second.Key != first.Key || second.Attempts != 2 {
		t.Fatalf("taken again: %+v", second)
	}
	if err := store.Retry(ctx, first, time.Now(), "late"); !errors.Is(err, webhook.ErrLeaseLost) {
		t.Fatalf("Retry by the run that lost its lease: %v, want ErrLeaseLost", err)
	}
	if err := store.DeadLetter(ctx, first, "late"); !errors.Is(err, webhook.ErrLeaseLost) {
		t.Fatalf("DeadLetter by the run that lost its lease: %v, want ErrLeaseLost", err)
	}
	if err := store.Done(ctx, second); err != nil {
		t.Fatal(err)
	}

	// Behind a Handler: a run "of a dead process" (taken and never settled) runs again.
	body = Body("orphan")
	if _, err := store.Put(ctx, webhook.InboxKey(body), body); err != nil {
		t.Fatal(err)
	}
	if ev, err := store.Take(ctx, 100*time.Millisecond); err != nil || ev == nil {
		t.Fatalf("Take: %v %v", ev, err)
	}
	h := newHandler(t, store, webhook.WithLease(200*time.Millisecond))
	runs := make(chan int, 2)
	webhook.On(h, webhook.EventPostDidCreate, func(_ context.Context, ev *webhook.Event, _ *webhook.PostEvent) error {
		runs <- ev.Attempt
		return nil
	})
	select {
	case a := <-runs:
		if a != 2 {
			t.Fatalf("the orphan's run is attempt %d, want 2", a)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the orphan was not taken again")
	}
	closeHandler(t, h)
}

// A failing handler is retried with backoff, then its event is dead with the last error;
// a handler that fails once runs twice and its event is done.
func testRetryAndDeadLetter(t *testing.T, open Open) {
	store := open(t)
	var mu sync.Mutex
	var reported []error
	h := newHandler(t, store, webhook.WithMaxAttempts(3),
		webhook.WithErrorHandler(func(_ context.Context, _ *webhook.Event, err error) {
			mu.Lock()
			reported = append(reported, err)
			mu.Unlock()
		}))
	var c counter
	var times sync.Map
	webhook.On(h, webhook.EventPostDidCreate, func(_ context.Context, ev *webhook.Event, d *webhook.PostEvent) error {
		id := postID(d)
		n := c.add(id)
		times.Store(fmt.Sprint(id, n), time.Now())
		if ev.Attempt != n {
			return fmt.Errorf("attempt %d, run %d", ev.Attempt, n)
		}
		switch {
		case id == "always":
			return fmt.Errorf("failure %d", n)
		case id == "panics":
			panic("boom")
		case id == "once" && n == 1:
			return errors.New("first failure")
		}
		return nil
	})
	for _, id := range []string{"always", "panics", "once"} {
		if code := post(h, Body(id)); code != http.StatusOK {
			t.Fatalf("%s: %d", id, code)
		}
	}
	eventually(t, "two dead events", func() bool { return len(list(t, store, webhook.InboxDead)) == 2 })
	eventually(t, "the retry", func() bool { return c.get("once") == 2 })
	closeHandler(t, h)
	if c.get("always") != 3 || c.get("panics") != 3 || c.get("once") != 2 {
		t.Fatalf("runs: %v, want always 3, panics 3, once 2", c.runs)
	}
	t1, _ := times.Load("always1")
	t2, _ := times.Load("always2")
	if gap := t2.(time.Time).Sub(t1.(time.Time)); gap < 2*time.Millisecond {
		t.Fatalf("retried after %v, want a backoff of at least half of 5 ms", gap)
	}
	dead := list(t, store, webhook.InboxDead)
	byKey := map[string]webhook.InboxEvent{}
	for _, d := range dead {
		byKey[d.Key] = d
	}
	always, panics := byKey[webhook.InboxKey(Body("always"))], byKey[webhook.InboxKey(Body("panics"))]
	if always.Attempts != 3 || always.LastError != "failure 3" || !bytes.Equal(always.Body, Body("always")) {
		t.Fatalf("dead %+v", always)
	}
	if panics.Attempts != 3 || !strings.Contains(panics.LastError, "boom") {
		t.Fatalf("dead %+v", panics)
	}
	for _, st := range []webhook.InboxState{webhook.InboxPending, webhook.InboxRunning} {
		if l := list(t, store, st); len(l) != 0 {
			t.Fatalf("%s: %+v", st, l)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	deadReports := 0
	for _, err := range reported {
		if errors.Is(err, webhook.ErrDeadLetter) {
			deadReports++
		}
	}
	if deadReports != 2 || len(reported) != 2*3+1 {
		t.Fatalf("reported %d errors, %d ErrDeadLetter: %v", len(reported), deadReports, reported)
	}
}

// deadEvents makes the events of ids dead through a Handler whose handlers fail.
func deadEvents(t *testing.T, store webhook.Inbox, ids ...string) {
	t.Helper()
	h := newHandler(t, store, webhook.WithMaxAttempts(1))
	h.OnAny(func(context.Context, *webhook.Event) error { return errors.New("down") })
	for _, id := range ids {
		if code := post(h, Body(id)); code != http.StatusOK {
			t.Fatalf("%s: %d", id, code)
		}
	}
	eventually(t, "dead events", func() bool { return len(list(t, store, webhook.InboxDead)) == len(ids) })
	closeHandler(t, h)
}

// A dead event replayed (one, or all) runs again from attempt 1.
func testReplay(t *testing.T, open Open) {
	ctx := context.Background()
	store := open(t)
	deadEvents(t, store, "r1", "r2", "r3")
	if err := store.Replay(ctx, webhook.InboxKey(Body("nope"))); !errors.Is(err, webhook.ErrNoSuchEvent) {
		t.Fatalf("Replay of an unknown key: %v, want ErrNoSuchEvent", err)
	}
	if err := store.Replay(ctx, webhook.InboxKey(Body("r1"))); err != nil {
		t.Fatal(err)
	}
	p := list(t, store, webhook.InboxPending)
	if len(p) != 1 || p[0].Key != webhook.InboxKey(Body("r1")) || p[0].Attempts != 0 || p[0].LastError != "down" {
		t.Fatalf("pending after Replay: %+v", p)
	}
	if err := store.Replay(ctx, webhook.InboxKey(Body("r1"))); !errors.Is(err, webhook.ErrNoSuchEvent) {
		t.Fatalf("Replay of a pending event: %v, want ErrNoSuchEvent", err)
	}
	h := newHandler(t, store)
	var c counter
	webhook.On(h, webhook.EventPostDidCreate, func(_ context.Context, ev *webhook.Event, d *webhook.PostEvent) error {
		if ev.Attempt != 1 {
			return fmt.Errorf("attempt %d after a replay", ev.Attempt)
		}
		c.add(postID(d))
		return nil
	})
	eventually(t, "the replayed run", func() bool { return c.get("r1") == 1 })
	if n, err := store.ReplayDead(ctx); err != nil || n != 2 {
		t.Fatalf("ReplayDead: %d %v, want 2", n, err)
	}
	eventually(t, "the replayed runs", func() bool { return c.get("r2") == 1 && c.get("r3") == 1 })
	closeHandler(t, h)
	if n, err := store.ReplayDead(ctx); err != nil || n != 0 {
		t.Fatalf("ReplayDead with none dead: %d %v", n, err)
	}
	for _, st := range []webhook.InboxState{webhook.InboxPending, webhook.InboxRunning, webhook.InboxDead} {
		if l := list(t, store, st); len(l) != 0 {
			t.Fatalf("%s: %+v", st, l)
		}
	}
}

// A dropped event, dead or pending, is gone and a redelivery of it is not stored.
func testDrop(t *testing.T, open Open) {
	ctx := context.Background()
	store := open(t)
	deadEvents(t, store, "d1")
	key := webhook.InboxKey(Body("d1"))
	if err := store.Drop(ctx, key); err != nil {
		t.Fatal(err)
	}
	if l := list(t, store, webhook.InboxDead); len(l) != 0 {
		t.Fatalf("dead after Drop: %+v", l)
	}
	if err := store.Drop(ctx, key); !errors.Is(err, webhook.ErrNoSuchEvent) {
		t.Fatalf("second Drop: %v, want ErrNoSuchEvent", err)
	}
	if stored, err := store.Put(ctx, key, Body("d1")); err != nil || stored {
		t.Fatalf("Put of a dropped key: %t %v", stored, err)
	}
	body := Body("d2")
	if _, err := store.Put(ctx, webhook.InboxKey(body), body); err != nil {
		t.Fatal(err)
	}
	if err := store.Drop(ctx, webhook.InboxKey(body)); err != nil {
		t.Fatal(err)
	}
	if ev, err := store.Take(ctx, time.Minute); err != nil || ev != nil {
		t.Fatalf("Take after Drop: %+v %v", ev, err)
	}
}

// Close stops taking events and waits for the running ones until its ctx ends; an event
// whose run Close cancelled is pending again (not dead, even on its last attempt) and runs
// in the next Handler; events not taken stay pending.
func testShutdown(t *testing.T, open Open) {
	store := open(t)
	// One attempt: a run Close cancels is not a failed attempt, so it is pending, not dead.
	h := newHandler(t, store, webhook.WithWorkers(2), webhook.WithMaxAttempts(1))
	started := make(chan string, 10)
	release := make(chan struct{})
	webhook.On(h, webhook.EventPostDidCreate, func(ctx context.Context, _ *webhook.Event, d *webhook.PostEvent) error {
		started <- postID(d)
		if postID(d) == "stuck" {
			<-ctx.Done()
			return context.Cause(ctx)
		}
		<-release
		return nil
	})
	for _, id := range []string{"stuck", "finishes"} {
		if code := post(h, Body(id)); code != http.StatusOK {
			t.Fatal(code)
		}
	}
	for range 2 {
		select {
		case <-started:
		case <-time.After(10 * time.Second):
			t.Fatal("the runs did not start")
		}
	}
	for _, id := range []string{"w1", "w2"} { // no free worker: they wait
		if code := post(h, Body(id)); code != http.StatusOK {
			t.Fatal(code)
		}
	}
	go func() {
		time.Sleep(50 * time.Millisecond)
		close(release)
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if err := h.Close(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Close with a run that ignores it: %v, want DeadlineExceeded", err)
	}
	if code := post(h, Body("late")); code != http.StatusServiceUnavailable {
		t.Fatalf("after Close: %d, want 503", code)
	}
	var left []string
	eventually(t, "the cancelled run to be recorded", func() bool {
		left = left[:0]
		for _, ev := range list(t, store, webhook.InboxPending) {
			left = append(left, ev.Key)
		}
		return len(left) == 3
	})
	want := map[string]bool{webhook.InboxKey(Body("stuck")): true, webhook.InboxKey(Body("w1")): true, webhook.InboxKey(Body("w2")): true}
	for _, k := range left {
		if !want[k] {
			t.Fatalf("pending after Close: %v; want stuck, w1, w2 (finishes done)", left)
		}
	}

	next := newHandler(t, store)
	var c counter
	webhook.On(next, webhook.EventPostDidCreate, func(_ context.Context, _ *webhook.Event, d *webhook.PostEvent) error {
		c.add(postID(d))
		return nil
	})
	eventually(t, "the next process's runs", func() bool { return c.total() == 3 })
	closeHandler(t, next)
	if c.get("stuck") != 1 || c.get("w1") != 1 || c.get("w2") != 1 || c.get("finishes") != 0 {
		t.Fatalf("runs in the next handler: %v", c.runs)
	}
}

// Two receivers on one store, each sent every delivery: each event runs once.
func testTwoReceivers(t *testing.T, open Open) {
	store := open(t)
	var c counter
	var hs []*webhook.Handler
	for range 2 {
		h := newHandler(t, store)
		webhook.On(h, webhook.EventPostDidCreate, func(_ context.Context, _ *webhook.Event, d *webhook.PostEvent) error {
			c.add(postID(d))
			return nil
		})
		hs = append(hs, h)
	}
	const n = 40
	for i := range n {
		for _, h := range hs {
			if code := post(h, Body(fmt.Sprint("both", i))); code != http.StatusOK {
				t.Fatal(code)
			}
		}
	}
	eventually(t, "the runs", func() bool { return c.total() >= n })
	for _, h := range hs {
		closeHandler(t, h)
	}
	for i := range n {
		if got := c.get(fmt.Sprint("both", i)); got != 1 {
			t.Fatalf("both%d ran %d times", i, got)
		}
	}
}
