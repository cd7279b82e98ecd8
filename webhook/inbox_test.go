package webhook_test

import (
	"context"
	"errors"
	"net/http"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity/webhook"
)

// openFileInbox opens a FileInbox in the test's directory and closes it at the end.
func openFileInbox(t testing.TB) *webhook.FileInbox {
	t.Helper()
	in, err := webhook.OpenFileInbox(filepath.Join(t.TempDir(), "inbox.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = in.Close() })
	return in
}

// failingInbox is a FileInbox whose Put fails.
type failingInbox struct{ *webhook.FileInbox }

func (failingInbox) Put(context.Context, string, []byte) (bool, error) {
	return false, errors.New("disk full")
}

// A delivery the inbox cannot store is answered 503 (Amity sends it again) and runs
// nothing; the error handler is told ErrInbox.
func TestInboxStoreFailureIs503(t *testing.T) {
	var runs atomic.Int32
	reported := make(chan error, 1)
	h := newHandler(t, webhook.WithInbox(failingInbox{openFileInbox(t)}),
		webhook.WithErrorHandler(func(_ context.Context, _ *webhook.Event, err error) { reported <- err }))
	h.OnAny(func(context.Context, *webhook.Event) error { runs.Add(1); return nil })
	body := []byte(postBody)
	if rec := post(t, h, body, signed(body)); rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503", rec.Code)
	}
	if err := receive(t, reported, "the report"); !errors.Is(err, webhook.ErrInbox) {
		t.Fatalf("reported %v, want ErrInbox", err)
	}
	if err := h.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if runs.Load() != 0 {
		t.Fatal("a delivery not stored ran")
	}
}

// The handlers run from the inbox with the delivery's Key and Attempt; the event is gone
// once they return nil.
func TestInboxRunsHandlers(t *testing.T) {
	in := openFileInbox(t)
	h := newHandler(t, webhook.WithInbox(in))
	got := make(chan *webhook.Event, 1)
	webhook.On(h, webhook.EventPostDidCreate, func(_ context.Context, ev *webhook.Event, d *webhook.PostEvent) error {
		got <- ev
		return nil
	})
	body := []byte(postBody)
	if rec := post(t, h, body, signed(body)); rec.Code != http.StatusOK || rec.Body.String() != "{}" {
		t.Fatalf("status %d %q", rec.Code, rec.Body)
	}
	ev := receive(t, got, "the run")
	if ev.Key != webhook.InboxKey(body) || ev.Attempt != 1 {
		t.Fatalf("Key %q Attempt %d, want %q 1", ev.Key, ev.Attempt, webhook.InboxKey(body))
	}
	if err := h.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, st := range []webhook.InboxState{webhook.InboxPending, webhook.InboxRunning, webhook.InboxDead} {
		if l, err := in.List(context.Background(), st); err != nil || len(l) != 0 {
			t.Fatalf("%s after the run: %d events, %v", st, len(l), err)
		}
	}
}

// The inbox's option values are checked; a synchronous Handler cannot have one.
func TestInboxOptionErrors(t *testing.T) {
	in := openFileInbox(t)
	for name, opt := range map[string]webhook.HandlerOption{
		"sync":      webhook.WithSynchronous(),
		"attempts":  webhook.WithMaxAttempts(0),
		"backoff":   webhook.WithRetryBackoff(time.Second, time.Millisecond),
		"nobackoff": webhook.WithRetryBackoff(0, time.Second),
		"lease":     webhook.WithLease(0),
	} {
		if _, err := webhook.NewHandler(secret, webhook.WithInbox(in), opt); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	for name, opt := range map[string]webhook.FileInboxOption{
		"window": webhook.WithDedupWindow(-1), "lock": webhook.WithLockTimeout(0),
	} {
		if _, err := webhook.OpenFileInbox(filepath.Join(t.TempDir(), "x.db"), opt); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// A handled key is remembered for the dedup window, then forgotten (pruned as Puts come);
// with a window of 0 it is not remembered at all.
func TestFileInboxDedupWindow(t *testing.T) {
	ctx := context.Background()
	handle := func(in *webhook.FileInbox, body []byte) {
		t.Helper()
		if stored, err := in.Put(ctx, webhook.InboxKey(body), body); err != nil || !stored {
			t.Fatalf("Put: %t %v", stored, err)
		}
		ev, err := in.Take(ctx, time.Minute)
		if err != nil || ev == nil {
			t.Fatalf("Take: %v %v", ev, err)
		}
		if err := in.Done(ctx, ev); err != nil {
			t.Fatal(err)
		}
	}
	body := []byte(postBody)
	none, err := webhook.OpenFileInbox(filepath.Join(t.TempDir(), "none.db"), webhook.WithDedupWindow(0))
	if err != nil {
		t.Fatal(err)
	}
	defer none.Close()
	handle(none, body)
	if stored, err := none.Put(ctx, webhook.InboxKey(body), body); err != nil || !stored {
		t.Fatalf("window 0, the handled body again: stored %t, %v; want stored", stored, err)
	}

	short, err := webhook.OpenFileInbox(filepath.Join(t.TempDir(), "short.db"), webhook.WithDedupWindow(time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer short.Close()
	handle(short, body)
	if stored, err := short.Put(ctx, webhook.InboxKey(body), body); err != nil || stored {
		t.Fatalf("within the window: stored %t, %v; want not", stored, err)
	}
	time.Sleep(5 * time.Millisecond)
	for i := range 256 { // the prune comes with the Puts
		b := []byte(`{"event":"x","data":{"n":` + strconv.Itoa(i) + `}}`)
		if _, err := short.Put(ctx, webhook.InboxKey(b), b); err != nil {
			t.Fatal(err)
		}
	}
	if stored, err := short.Put(ctx, webhook.InboxKey(body), body); err != nil || !stored {
		t.Fatalf("after the window: stored %t, %v; want stored", stored, err)
	}
}

// A stored body that does not parse as an event (put there by another program, or a
// store's damage) is dead at once, with the parse error, and runs nothing.
func TestInboxUnparsableBodyIsDead(t *testing.T) {
	ctx := context.Background()
	in := openFileInbox(t)
	body := []byte("not json")
	if _, err := in.Put(ctx, webhook.InboxKey(body), body); err != nil {
		t.Fatal(err)
	}
	reported := make(chan error, 4)
	h := newHandler(t, webhook.WithInbox(in),
		webhook.WithErrorHandler(func(_ context.Context, _ *webhook.Event, err error) { reported <- err }))
	var runs atomic.Int32
	h.OnAny(func(context.Context, *webhook.Event) error { runs.Add(1); return nil })
	if err := receive(t, reported, "the report"); !errors.Is(err, webhook.ErrDeadLetter) || !errors.Is(err, webhook.ErrInvalidPayload) {
		t.Fatalf("reported %v, want ErrDeadLetter and ErrInvalidPayload", err)
	}
	if err := h.Close(ctx); err != nil {
		t.Fatal(err)
	}
	dead, err := in.List(ctx, webhook.InboxDead)
	if err != nil || len(dead) != 1 || dead[0].Attempts != 1 || dead[0].LastError == "" {
		t.Fatalf("dead %+v, %v", dead, err)
	}
	select {
	case err := <-reported:
		t.Fatalf("also reported %v", err)
	default:
	}
	if runs.Load() != 0 {
		t.Fatal("a body that does not parse ran")
	}
}
