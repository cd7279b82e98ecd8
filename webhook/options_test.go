package webhook_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity/internal/testkit"
	"github.com/amity-go/amity/webhook"
)

// Each option applies to the constructors it configures, and only to those: an option of
// the other constructor does not compile (it does not implement its option interface).
func TestOptionsApplyToTheirConstructors(t *testing.T) {
	handlerOption := reflect.TypeFor[webhook.HandlerOption]()
	preHookOption := reflect.TypeFor[webhook.PreHookOption]()
	for _, tc := range []struct {
		name             string
		opt              any
		handler, preHook bool
	}{
		{"WithMaxBodyBytes", webhook.WithMaxBodyBytes(1), true, true},
		{"WithMaxRunning", webhook.WithMaxRunning(1), true, true},
		{"WithLogger", webhook.WithLogger(nil), true, true},
		{"WithSynchronous", webhook.WithSynchronous(), true, false},
		{"WithBudget", webhook.WithBudget(time.Second), true, false},
		{"WithWorkers", webhook.WithWorkers(1), true, false},
		{"WithQueueSize", webhook.WithQueueSize(1), true, false},
		{"WithErrorHandler", webhook.WithErrorHandler(nil), true, false},
		{"WithInbox", webhook.WithInbox(nil), true, false},
		{"WithMaxAttempts", webhook.WithMaxAttempts(1), true, false},
		{"WithRetryBackoff", webhook.WithRetryBackoff(time.Second, time.Second), true, false},
		{"WithLease", webhook.WithLease(time.Second), true, false},
		{"WithPreHookDeadline", webhook.WithPreHookDeadline(time.Second), false, true},
		{"WithDefaultReply", webhook.WithDefaultReply(webhook.Allow()), false, true},
		{"WithPreHookErrorHandler", webhook.WithPreHookErrorHandler(nil), false, true},
	} {
		typ := reflect.TypeOf(tc.opt)
		if got := typ.Implements(handlerOption); got != tc.handler {
			t.Errorf("%s (%v) is a HandlerOption: %v, want %v", tc.name, typ, got, tc.handler)
		}
		if got := typ.Implements(preHookOption); got != tc.preHook {
			t.Errorf("%s (%v) is a PreHookOption: %v, want %v", tc.name, typ, got, tc.preHook)
		}
	}
	// The zero Option and nil options do nothing.
	if _, err := webhook.NewHandler(secret, webhook.Option{}, nil); err != nil {
		t.Errorf("NewHandler with a zero Option and a nil option: %v", err)
	}
	allow := func(context.Context, *webhook.PreHookRequest) webhook.PreHookReply { return webhook.Allow() }
	if _, err := webhook.NewPreHookHandler(secret, allow, webhook.Option{}, nil); err != nil {
		t.Errorf("NewPreHookHandler with a zero Option and a nil option: %v", err)
	}
}

// An option value out of range is an error of the constructor, naming the option, rather
// than replaced by the default.
func TestInvalidOptionValuesAreErrors(t *testing.T) {
	allow := func(context.Context, *webhook.PreHookRequest) webhook.PreHookReply { return webhook.Allow() }
	for _, tc := range []struct {
		opt  webhook.HandlerOption
		sync bool
		want string
	}{
		{webhook.WithMaxBodyBytes(0), false, "WithMaxBodyBytes(0)"},
		{webhook.WithMaxBodyBytes(-1), true, "WithMaxBodyBytes(-1)"},
		{webhook.WithMaxRunning(0), true, "WithMaxRunning(0)"},
		{webhook.WithMaxRunning(-5), false, "WithMaxRunning(-5)"}, // unused when asynchronous, checked all the same
		{webhook.WithBudget(0), false, "WithBudget(0s)"},
		{webhook.WithBudget(-time.Second), true, "WithBudget(-1s)"},
		{webhook.WithWorkers(0), false, "WithWorkers(0)"},
		{webhook.WithWorkers(-1), true, "WithWorkers(-1)"}, // unused when synchronous, checked all the same
		{webhook.WithQueueSize(-1), false, "WithQueueSize(-1)"},
	} {
		opts := []webhook.HandlerOption{tc.opt}
		if tc.sync {
			opts = append(opts, webhook.WithSynchronous())
		}
		h, err := webhook.NewHandler(secret, opts...)
		if err == nil || h != nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("NewHandler(%s, synchronous %v): a Handler %v, error %v; want no Handler and an error naming %s", tc.want, tc.sync, h != nil, err, tc.want)
		}
	}
	for _, tc := range []struct {
		opt  webhook.PreHookOption
		want string
	}{
		{webhook.WithMaxBodyBytes(0), "WithMaxBodyBytes(0)"},
		{webhook.WithMaxRunning(0), "WithMaxRunning(0)"},
		{webhook.WithPreHookDeadline(0), "WithPreHookDeadline(0s)"},
		{webhook.WithPreHookDeadline(-time.Millisecond), "WithPreHookDeadline(-1ms)"},
	} {
		h, err := webhook.NewPreHookHandler(secret, allow, tc.opt)
		if err == nil || h != nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("NewPreHookHandler(%s): a handler %v, error %v; want no handler and an error naming %s", tc.want, h != nil, err, tc.want)
		}
	}
	// The smallest values are valid.
	h := newHandler(t, webhook.WithMaxBodyBytes(1), webhook.WithMaxRunning(1), webhook.WithBudget(time.Nanosecond),
		webhook.WithWorkers(1), webhook.WithQueueSize(0))
	if err := h.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	pre := newPreHook(t, allow, webhook.WithMaxBodyBytes(1), webhook.WithMaxRunning(1), webhook.WithPreHookDeadline(time.Nanosecond))
	if err := pre.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// With WithQueueSize(0) an asynchronous Handler has no queue: a delivery is accepted only
// when a worker is free to take it.
func TestQueueSizeZero(t *testing.T) {
	h := newHandler(t, webhook.WithWorkers(1), webhook.WithQueueSize(0))
	release := make(chan struct{})
	h.OnEvent(webhook.EventPostDidCreate, func(context.Context, *webhook.Event) error {
		<-release
		return nil
	})
	body := []byte(postBody)
	deadline := time.Now().Add(5 * time.Second)
	for post(t, h, body, signed(body)).Code != http.StatusOK { // until the worker waits for events
		if time.Now().After(deadline) {
			t.Fatal("no delivery accepted with an idle worker")
		}
		time.Sleep(time.Millisecond)
	}
	if code := post(t, h, body, signed(body)).Code; code != http.StatusServiceUnavailable {
		t.Errorf("a delivery while the only worker is busy: %d, want 503", code)
	}
	close(release)
	if err := h.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
}

var errHandler = errors.New("handler error")

// failAll delivers one event that fails to a synchronous and an asynchronous Handler, and
// a pre-hook call whose decision panics, all built with opts; it checks the answers and
// returns once every failure was reported.
func failAll(t *testing.T, opts ...webhook.Option) {
	t.Helper()
	body := []byte(postBody)
	fail := func(context.Context, *webhook.Event) error { return errHandler }
	for _, mode := range []webhook.HandlerOption{webhook.WithSynchronous(), nil} {
		hopts := []webhook.HandlerOption{mode}
		for _, o := range opts {
			hopts = append(hopts, o)
		}
		h := newHandler(t, hopts...)
		h.OnEvent(webhook.EventPostDidCreate, fail)
		want := http.StatusOK
		if mode != nil {
			want = http.StatusInternalServerError
		}
		if code := post(t, h, body, signed(body)).Code; code != want {
			t.Errorf("synchronous %v: %d, want %d", mode != nil, code, want)
		}
		if err := h.Close(context.Background()); err != nil { // the worker has reported the error
			t.Fatal(err)
		}
	}
	popts := []webhook.PreHookOption{webhook.WithDefaultReply(webhook.Deny("fallback"))}
	for _, o := range opts {
		popts = append(popts, o)
	}
	pre := newPreHook(t, func(context.Context, *webhook.PreHookRequest) webhook.PreHookReply { panic("decision") }, popts...)
	pbody := preHookBody("p1")
	if rec := post(t, pre, pbody, map[string]string{"x-amity-signature": webhook.Sign(pbody, secret)}); !strings.Contains(rec.Body.String(), "fallback") {
		t.Errorf("pre-hook reply %d %s, want the default reply", rec.Code, rec.Body)
	}
	if err := pre.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// Without WithLogger, or with a nil logger, the default error handlers write nothing: not to
// the standard logger, not to slog.Default.
func TestNoLoggingByDefault(t *testing.T) {
	out := testkit.CaptureGlobalLogs(t)
	failAll(t)
	failAll(t, webhook.WithLogger(nil))
	if s := out.String(); s != "" {
		t.Errorf("the handlers wrote to the global loggers:\n%s", s)
	}
}

// The default error handlers log each failure to the logger of WithLogger: one record at
// Error level with the attributes event and error, and neither the body nor the secret.
func TestLoggerGetsTheErrors(t *testing.T) {
	out := testkit.CaptureGlobalLogs(t)
	rec := new(testkit.LogRecorder)
	failAll(t, webhook.WithLogger(slog.New(rec)))
	records := rec.Take()
	if len(records) != 3 {
		t.Fatalf("%d records, want 3 (synchronous, asynchronous, pre-hook): %v", len(records), records)
	}
	for i, want := range []struct{ msg, event, err string }{
		{"webhook event not handled", "v3.post.didCreate", errHandler.Error()},
		{"webhook event not handled", "v3.post.didCreate", errHandler.Error()},
		{"pre-hook answered with the default reply", "post.shouldCreate", "panicked: decision"},
	} {
		r := records[i]
		attrs := map[string]slog.Value{}
		var text strings.Builder
		r.Attrs(func(a slog.Attr) bool {
			attrs[a.Key] = a.Value
			fmt.Fprintf(&text, "%s=%v ", a.Key, a.Value)
			return true
		})
		if r.Level != slog.LevelError || r.Message != want.msg || len(attrs) != 2 {
			t.Errorf("record %d: %v %q %s, want ERROR %q with event and error", i, r.Level, r.Message, text.String(), want.msg)
		}
		if ev := attrs["event"]; ev.Kind() != slog.KindString || ev.String() != want.event {
			t.Errorf("record %d: event %v, want %q", i, ev, want.event)
		}
		if err, ok := attrs["error"].Any().(error); !ok || !strings.Contains(err.Error(), want.err) {
			t.Errorf("record %d: error %v, want an error holding %q", i, attrs["error"], want.err)
		}
		if i < 2 {
			if err, _ := attrs["error"].Any().(error); !errors.Is(err, errHandler) {
				t.Errorf("record %d: error %v is not the handler's", i, err)
			}
		}
		for _, leak := range []string{string(secret), `"text":"hi"`, `"postId"`} {
			if strings.Contains(r.Message+" "+text.String(), leak) {
				t.Errorf("record %d logs %q: %s %s", i, leak, r.Message, text.String())
			}
		}
	}
	// An error handler replaces the logging.
	told := 0
	h := newHandler(t, webhook.WithSynchronous(), webhook.WithLogger(slog.New(rec)),
		webhook.WithErrorHandler(func(context.Context, *webhook.Event, error) { told++ }))
	h.OnEvent(webhook.EventPostDidCreate, func(context.Context, *webhook.Event) error { return errHandler })
	body := []byte(postBody)
	post(t, h, body, signed(body))
	pre := newPreHook(t, func(context.Context, *webhook.PreHookRequest) webhook.PreHookReply { panic("decision") },
		webhook.WithLogger(slog.New(rec)), webhook.WithPreHookErrorHandler(func(context.Context, *webhook.PreHookRequest, error) { told++ }))
	pbody := preHookBody("p1")
	post(t, pre, pbody, map[string]string{"x-amity-signature": webhook.Sign(pbody, secret)})
	if records := rec.Take(); told != 2 || len(records) != 0 {
		t.Errorf("with error handlers: told %d times (want 2), %d records (want 0)", told, len(records))
	}
	if s := out.String(); s != "" {
		t.Errorf("the handlers wrote to the global loggers:\n%s", s)
	}
}
