package webhook_test

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

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
		{"WithSynchronous", webhook.WithSynchronous(), true, false},
		{"WithBudget", webhook.WithBudget(time.Second), true, false},
		{"WithWorkers", webhook.WithWorkers(1), true, false},
		{"WithQueueSize", webhook.WithQueueSize(1), true, false},
		{"WithErrorHandler", webhook.WithErrorHandler(nil), true, false},
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
