package webhook_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity/webhook"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// attrs renders a span's attributes as "k=v" strings.
func attrs(s sdktrace.ReadOnlySpan) map[string]string {
	out := map[string]string{}
	for _, kv := range s.Attributes() {
		out[string(kv.Key)] = kv.Value.String()
	}
	return out
}

// noSecretInSpans fails t when a span's name, status or attribute holds one of secrets.
func noSecretInSpans(t *testing.T, spans []sdktrace.ReadOnlySpan, secrets ...string) {
	t.Helper()
	for _, s := range spans {
		texts := []string{s.Name(), s.Status().Description}
		for k, v := range attrs(s) {
			texts = append(texts, k, v)
		}
		for _, text := range texts {
			for _, secret := range secrets {
				if strings.Contains(text, secret) {
					t.Errorf("span %q holds %q: %q", s.Name(), secret, text)
				}
			}
		}
	}
}

func TestDeliverySpans(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	h := newHandler(t, webhook.WithSynchronous(), webhook.WithTracerProvider(tp))
	h.OnAny(func(context.Context, *webhook.Event) error { return nil })
	body := []byte(postBody)
	sig := webhook.Sign(body, secret)

	// Amity sent a traceparent: the delivery continues its trace.
	const parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
	if rec := post(t, h, body, map[string]string{"x-amity-signature": sig, "traceparent": parent}); rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	spans := rec.Ended()
	if len(spans) != 2 {
		t.Fatalf("%d spans, want a delivery and a handler run", len(spans))
	}
	run, delivery := spans[0], spans[1]
	if delivery.Name() != "amity.webhook.delivery" || run.Name() != "amity.webhook.handle" {
		t.Fatalf("spans %q and %q", delivery.Name(), run.Name())
	}
	if got := delivery.SpanContext().TraceID().String(); got != "4bf92f3577b34da6a3ce929d0e0e4736" {
		t.Errorf("the delivery's trace %s is not the traceparent's", got)
	}
	if got := delivery.Parent().SpanID().String(); got != "00f067aa0ba902b7" || !delivery.Parent().IsRemote() {
		t.Errorf("the delivery's parent %s (remote %v) is not the traceparent's span", got, delivery.Parent().IsRemote())
	}
	if delivery.SpanKind() != trace.SpanKindServer {
		t.Errorf("delivery kind %v", delivery.SpanKind())
	}
	if run.Parent().SpanID() != delivery.SpanContext().SpanID() {
		t.Error("the handler run is not a child of its delivery")
	}
	want := map[string]string{"http.request.method": "POST", "amity.webhook.event": "v3.post.didCreate", "http.response.status_code": "200"}
	if got := attrs(delivery); len(got) != len(want) || got["amity.webhook.event"] != want["amity.webhook.event"] || got["http.response.status_code"] != "200" {
		t.Errorf("delivery attributes %v, want %v", got, want)
	}
	if got := attrs(run)["amity.webhook.event"]; got != "v3.post.didCreate" {
		t.Errorf("run event %q", got)
	}

	// Without a traceparent the delivery starts a trace; a failing handler marks its run.
	h2 := newHandler(t, webhook.WithSynchronous(), webhook.WithTracerProvider(tp))
	h2.OnAny(func(context.Context, *webhook.Event) error { return errors.New("store down: u1 " + string(secret)) })
	if rec := post(t, h2, body, signed(body)); rec.Code != http.StatusInternalServerError {
		t.Fatalf("status %d", rec.Code)
	}
	spans = rec.Ended()[2:]
	if len(spans) != 2 {
		t.Fatalf("%d spans", len(spans))
	}
	run, delivery = spans[0], spans[1]
	if delivery.Parent().IsValid() {
		t.Error("a delivery without traceparent has a parent")
	}
	if run.Status().Code != codes.Error || attrs(run)["error.type"] != "handler_error" {
		t.Errorf("failed run: status %v, attributes %v", run.Status(), attrs(run))
	}
	if delivery.Status().Code != codes.Error || attrs(delivery)["http.response.status_code"] != "500" {
		t.Errorf("failed delivery: status %v, attributes %v", delivery.Status(), attrs(delivery))
	}

	// A bad signature: a delivery span, no run, a 401 that is not the receiver's error.
	if rec := post(t, h, body, map[string]string{"x-amity-signature": "AAAA" + sig[4:]}); rec.Code != http.StatusUnauthorized {
		t.Fatalf("status %d", rec.Code)
	}
	spans = rec.Ended()[4:]
	if len(spans) != 1 || attrs(spans[0])["http.response.status_code"] != "401" || spans[0].Status().Code == codes.Error {
		t.Errorf("401 delivery: %d spans, %v", len(spans), attrs(spans[0]))
	}
	noSecretInSpans(t, rec.Ended(), string(secret), sig, "U One", "u1", "p1", `"hi"`)
}

func TestDeliveryMetrics(t *testing.T) {
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	failing := newHandler(t, webhook.WithSynchronous(), webhook.WithMaxBodyBytes(1024), webhook.WithMeterProvider(mp))
	failing.OnAny(func(context.Context, *webhook.Event) error { return errors.New("no") })
	ok := newHandler(t, webhook.WithSynchronous(), webhook.WithMeterProvider(mp))
	ok.OnAny(func(context.Context, *webhook.Event) error { return nil })
	body := []byte(postBody)
	post(t, ok, body, signed(body))                                                       // 200
	post(t, ok, body, signed(body))                                                       // 200
	post(t, ok, body, map[string]string{"x-amity-signature": "AAAA"})                     // 401
	post(t, failing, []byte(`{"event":"x","data":"`+strings.Repeat("a", 2000)+`"}`), nil) // 413
	post(t, failing, body, signed(body))                                                  // 500
	if err := ok.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	post(t, ok, body, signed(body)) // 503

	var rm metricdata.ResourceMetrics
	if err := reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	key := func(set attribute.Set) string {
		var parts []string
		for _, kv := range set.ToSlice() {
			parts = append(parts, string(kv.Key)+"="+kv.Value.String())
		}
		return strings.Join(parts, ",")
	}
	got := map[string]map[string]int64{}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			got[m.Name] = map[string]int64{}
			switch d := m.Data.(type) {
			case metricdata.Sum[int64]:
				for _, dp := range d.DataPoints {
					got[m.Name][key(dp.Attributes)] = dp.Value
				}
			case metricdata.Histogram[float64]:
				for _, dp := range d.DataPoints {
					got[m.Name][key(dp.Attributes)] = int64(dp.Count)
				}
			}
		}
	}
	want := map[string]map[string]int64{
		"amity.webhook.deliveries": {
			"amity.webhook.outcome=accepted,http.response.status_code=200":     2,
			"amity.webhook.outcome=unauthorized,http.response.status_code=401": 1,
			"amity.webhook.outcome=too_large,http.response.status_code=413":    1,
			"amity.webhook.outcome=failed,http.response.status_code=500":       1,
			"amity.webhook.outcome=unavailable,http.response.status_code=503":  1,
		},
		"amity.webhook.handler.duration": {
			"amity.webhook.event=v3.post.didCreate":                          2,
			"amity.webhook.event=v3.post.didCreate,error.type=handler_error": 1,
		},
		"amity.webhook.handler.failures": {"amity.webhook.event=v3.post.didCreate": 1},
	}
	for name, w := range want {
		if g := got[name]; len(g) != len(w) {
			t.Errorf("%s: %v, want %v", name, g, w)
		} else {
			for k, v := range w {
				if g[k] != v {
					t.Errorf("%s{%s} = %d, want %d", name, k, g[k], v)
				}
			}
		}
	}
}

// In asynchronous mode the handler run starts after the 200, in a worker, and is still a
// child of its delivery.
func TestDeliverySpansAsynchronous(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	h := newHandler(t, webhook.WithTracerProvider(tp))
	h.OnAny(func(context.Context, *webhook.Event) error { return nil })
	body := []byte(postBody)
	if rec := post(t, h, body, signed(body)); rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if err := h.Close(context.Background()); err != nil { // waits for the worker
		t.Fatal(err)
	}
	spans := rec.Ended()
	var delivery, run sdktrace.ReadOnlySpan
	for _, s := range spans {
		switch s.Name() {
		case "amity.webhook.delivery":
			delivery = s
		case "amity.webhook.handle":
			run = s
		}
	}
	if delivery == nil || run == nil {
		t.Fatalf("spans %d: want a delivery and a run", len(spans))
	}
	if run.Parent().SpanID() != delivery.SpanContext().SpanID() || run.SpanContext().TraceID() != delivery.SpanContext().TraceID() {
		t.Error("the asynchronous run is not a child of its delivery")
	}
}

// With an inbox, amity.webhook.inbox.events observes its events by state, until Close.
func TestInboxMetrics(t *testing.T) {
	ctx := context.Background()
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	in := openFileInbox(t)
	body := []byte("not json") // dead at its first run
	if _, err := in.Put(ctx, webhook.InboxKey(body), body); err != nil {
		t.Fatal(err)
	}
	reported := make(chan error, 4)
	h := newHandler(t, webhook.WithInbox(in), webhook.WithMeterProvider(mp),
		webhook.WithErrorHandler(func(_ context.Context, _ *webhook.Event, err error) { reported <- err }))
	if err := receive(t, reported, "the dead letter"); !errors.Is(err, webhook.ErrDeadLetter) {
		t.Fatalf("reported %v, want ErrDeadLetter", err)
	}
	events := func() map[string]int64 {
		var rm metricdata.ResourceMetrics
		if err := reader.Collect(ctx, &rm); err != nil {
			t.Fatal(err)
		}
		var got map[string]int64
		for _, sm := range rm.ScopeMetrics {
			for _, m := range sm.Metrics {
				if g, ok := m.Data.(metricdata.Gauge[int64]); ok && m.Name == "amity.webhook.inbox.events" {
					got = map[string]int64{}
					for _, dp := range g.DataPoints {
						st, _ := dp.Attributes.Value("amity.webhook.inbox.state")
						got[st.AsString()] = dp.Value
					}
				}
			}
		}
		return got
	}
	for start := time.Now(); ; time.Sleep(5 * time.Millisecond) { // the report comes before the store's write
		if dead, err := in.List(ctx, webhook.InboxDead); err == nil && len(dead) == 1 {
			break
		}
		if time.Since(start) > 10*time.Second {
			t.Fatal("the event is not dead in the inbox")
		}
	}
	want := map[string]int64{"pending": 0, "running": 0, "dead": 1}
	if got := events(); !equalCounts(got, want) {
		t.Fatalf("amity.webhook.inbox.events %v, want %v", got, want)
	}
	if err := h.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if got := events(); got != nil {
		t.Fatalf("observed after Close: %v", got)
	}
}

// equalCounts reports whether two counts by name are the same.
func equalCounts(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
