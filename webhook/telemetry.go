package webhook

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/metric/noop"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// instrumentationName names the package's tracer and meter.
const instrumentationName = "github.com/amity-go/amity/webhook"

// WithTracerProvider sets the OpenTelemetry tracer provider of a Handler's spans: one span
// per delivery ("amity.webhook.delivery", kind server, continuing the trace of a traceparent
// header when the delivery carries one) and one per handler run ("amity.webhook.handle",
// its child), with the event's name and the answer's status. No span holds the body, the
// signature or the secret. Default: no spans.
func WithTracerProvider(tp trace.TracerProvider) HandlerOption {
	return handlerOption(func(c *handlerConfig) { c.tracerProvider = tp })
}

// WithMeterProvider sets the OpenTelemetry meter provider of a Handler's metrics:
// amity.webhook.deliveries (by amity.webhook.outcome: accepted, unauthorized, too_large,
// unavailable, ..., and http.response.status_code), amity.webhook.handler.duration (s, by
// event and error.type), amity.webhook.handler.failures (by event) and, with an inbox,
// amity.webhook.inbox.events (a gauge of its pending, running and dead events, by
// amity.webhook.inbox.state; each collection lists the inbox). Default: no metrics.
func WithMeterProvider(mp metric.MeterProvider) HandlerOption {
	return handlerOption(func(c *handlerConfig) { c.meterProvider = mp })
}

// Attribute keys of the package's spans and metrics, beside the semantic conventions'.
const (
	attrEvent     = attribute.Key("amity.webhook.event")
	attrOutcome   = attribute.Key("amity.webhook.outcome")
	attrMethod    = attribute.Key("http.request.method")
	attrStatus    = attribute.Key("http.response.status_code")
	attrErrorType = attribute.Key("error.type")
	// attrInboxState is the state of amity.webhook.inbox.events (an InboxState).
	attrInboxState = attribute.Key("amity.webhook.inbox.state")
)

// telemetryConfig is what WithTracerProvider and WithMeterProvider set, and the telemetry
// newHandlerConfig makes of it.
type telemetryConfig struct {
	tracerProvider trace.TracerProvider
	meterProvider  metric.MeterProvider
	tel            *telemetry // nil when neither is set
}

// telemetry is a Handler's tracer and instruments; nil when neither provider is set. Its
// tracer is nil without a tracer provider, its instruments nil without a meter provider.
type telemetry struct {
	tracer          trace.Tracer
	deliveries      metric.Int64Counter
	handlerDuration metric.Float64Histogram
	handlerFailures metric.Int64Counter
	inboxReg        metric.Registration // the inbox gauge's callback, nil without an inbox
}

// newTelemetry returns the telemetry of the providers, or nil when both are nil. An
// instrument mp cannot make is reported to the OpenTelemetry error handler and left out.
func newTelemetry(tp trace.TracerProvider, mp metric.MeterProvider, inbox Inbox) *telemetry {
	if tp == nil && mp == nil {
		return nil
	}
	t := &telemetry{}
	if tp != nil {
		t.tracer = tp.Tracer(instrumentationName)
	}
	if mp == nil {
		return t
	}
	m := mp.Meter(instrumentationName)
	var err error
	if t.deliveries, err = m.Int64Counter("amity.webhook.deliveries", metric.WithUnit("{delivery}"),
		metric.WithDescription("Webhook deliveries received, by the answer sent.")); err != nil {
		otel.Handle(err)
		t.deliveries, _ = noop.Meter{}.Int64Counter("")
	}
	if t.handlerDuration, err = m.Float64Histogram("amity.webhook.handler.duration", metric.WithUnit("s"),
		metric.WithDescription("Duration of the handler runs of one event.")); err != nil {
		otel.Handle(err)
		t.handlerDuration, _ = noop.Meter{}.Float64Histogram("")
	}
	if t.handlerFailures, err = m.Int64Counter("amity.webhook.handler.failures", metric.WithUnit("{run}"),
		metric.WithDescription("Handler runs that returned an error or panicked.")); err != nil {
		otel.Handle(err)
		t.handlerFailures, _ = noop.Meter{}.Int64Counter("")
	}
	if inbox != nil {
		t.observeInbox(m, inbox)
	}
	return t
}

// observeInbox registers amity.webhook.inbox.events, the events of the inbox by
// amity.webhook.inbox.state (pending, running, dead), observed at each collection by listing
// the inbox (Inbox.List), so each collection reads the store once per state. close
// unregisters it.
func (t *telemetry) observeInbox(m metric.Meter, inbox Inbox) {
	g, err := m.Int64ObservableGauge("amity.webhook.inbox.events", metric.WithUnit("{event}"),
		metric.WithDescription("Events in the webhook inbox, by state."))
	if err != nil {
		otel.Handle(err)
		return
	}
	t.inboxReg, err = m.RegisterCallback(func(ctx context.Context, o metric.Observer) error {
		for _, st := range []InboxState{InboxPending, InboxRunning, InboxDead} {
			evs, err := inbox.List(ctx, st)
			if err != nil {
				return err
			}
			o.ObserveInt64(g, int64(len(evs)), metric.WithAttributes(attrInboxState.String(string(st))))
		}
		return nil
	}, g)
	if err != nil {
		otel.Handle(err)
	}
}

// close ends what the telemetry observes (the inbox gauge's callback); t may be nil.
func (t *telemetry) close() {
	if t != nil && t.inboxReg != nil {
		if err := t.inboxReg.Unregister(); err != nil {
			otel.Handle(err)
		}
	}
}

// delivery is the telemetry of one delivery: its span and the status answered.
type delivery struct {
	t      *telemetry
	ctx    context.Context
	span   trace.Span // nil without a tracer
	w      http.ResponseWriter
	status int
}

// startDelivery starts the span of a delivery, continuing the trace of its traceparent
// header if it has one; it returns the ResponseWriter and request to serve it with.
func (t *telemetry) startDelivery(w http.ResponseWriter, r *http.Request) (http.ResponseWriter, *http.Request, *delivery) {
	d := &delivery{t: t, w: w, ctx: r.Context()}
	if t.tracer != nil {
		ctx := propagation.TraceContext{}.Extract(r.Context(), propagation.HeaderCarrier(r.Header))
		ctx, d.span = t.tracer.Start(ctx, "amity.webhook.delivery", trace.WithSpanKind(trace.SpanKindServer),
			trace.WithAttributes(attrMethod.String(methodAttr(r.Method))))
		d.ctx = ctx
		r = r.WithContext(ctx)
	}
	return d, r, d
}

// methodAttr is http.request.method: the method, or _OTHER for one outside RFC 9110's.
func methodAttr(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete,
		http.MethodConnect, http.MethodOptions, http.MethodTrace:
		return m
	}
	return "_OTHER"
}

// Header, Write and WriteHeader make a delivery the ResponseWriter of its answer, to see its
// status; Unwrap lets http.ResponseController reach the connection.
func (d *delivery) Header() http.Header { return d.w.Header() }

func (d *delivery) Write(b []byte) (int, error) {
	if d.status == 0 {
		d.status = http.StatusOK
	}
	return d.w.Write(b)
}

func (d *delivery) WriteHeader(status int) {
	if d.status == 0 {
		d.status = status
	}
	d.w.WriteHeader(status)
}

func (d *delivery) Unwrap() http.ResponseWriter { return d.w }

// parsed names the delivery's event on its span; a nil tel does nothing.
func (t *telemetry) parsed(ctx context.Context, ev *Event) {
	if t == nil || t.tracer == nil {
		return
	}
	trace.SpanFromContext(ctx).SetAttributes(attrEvent.String(string(ev.Name)))
}

// end ends the delivery's span with the status answered and counts the delivery.
func (d *delivery) end() {
	outcome := outcomeOf(d.status)
	if d.span != nil {
		d.span.SetAttributes(attrStatus.Int(d.status))
		if d.status >= 400 {
			d.span.SetAttributes(attrErrorType.String(strconv.Itoa(d.status)))
		}
		if d.status >= 500 {
			d.span.SetStatus(codes.Error, outcome) // a server span's 4xx is the sender's error
		}
		d.span.End()
	}
	if d.t.deliveries != nil {
		d.t.deliveries.Add(context.WithoutCancel(d.ctx), 1, metric.WithAttributes(attrOutcome.String(outcome), attrStatus.Int(d.status)))
	}
}

// outcomeOf names the answer to a delivery.
func outcomeOf(status int) string {
	switch status {
	case http.StatusOK:
		return "accepted"
	case http.StatusBadRequest:
		return "bad_request"
	case http.StatusUnauthorized:
		return "unauthorized"
	case http.StatusMethodNotAllowed:
		return "method_not_allowed"
	case http.StatusRequestTimeout:
		return "timeout"
	case http.StatusRequestEntityTooLarge:
		return "too_large"
	case http.StatusInternalServerError:
		return "failed"
	case http.StatusServiceUnavailable:
		return "unavailable"
	}
	return "other"
}

// run is the telemetry of one handler run: the handlers of one event.
type run struct {
	t     *telemetry
	ctx   context.Context
	span  trace.Span
	event string
	start time.Time
}

// startRun starts the span of the handler run of ev, a child of its delivery's span.
func (t *telemetry) startRun(ctx context.Context, ev *Event) (context.Context, *run) {
	r := &run{t: t, ctx: ctx, event: string(ev.Name), start: time.Now()}
	if t.tracer != nil {
		ctx, r.span = t.tracer.Start(ctx, "amity.webhook.handle", trace.WithAttributes(attrEvent.String(r.event)))
		r.ctx = ctx
	}
	return ctx, r
}

// end ends the handler run with err, the handlers' error (nil: success).
func (r *run) end(err error) {
	etype := ""
	if err != nil {
		etype = "handler_error"
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			etype = "timeout"
		case errors.Is(err, context.Canceled):
			etype = "canceled"
		}
	}
	if r.span != nil {
		if etype != "" {
			r.span.SetAttributes(attrErrorType.String(etype))
			r.span.SetStatus(codes.Error, etype) // not err's text: a handler's error may hold anything
		}
		r.span.End()
	}
	if r.t.handlerDuration == nil {
		return
	}
	ctx := context.WithoutCancel(r.ctx)
	if etype == "" {
		r.t.handlerDuration.Record(ctx, time.Since(r.start).Seconds(), metric.WithAttributes(attrEvent.String(r.event)))
		return
	}
	r.t.handlerDuration.Record(ctx, time.Since(r.start).Seconds(), metric.WithAttributes(attrEvent.String(r.event), attrErrorType.String(etype)))
	r.t.handlerFailures.Add(ctx, 1, metric.WithAttributes(attrEvent.String(r.event)))
}
