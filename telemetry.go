package amity

// This file is the SDK's OpenTelemetry instrumentation: a span per call and per HTTP
// attempt, the limiter's waits and the retries' pauses, and the call metrics. With neither
// WithTracerProvider nor WithMeterProvider the transport holds no telemetry and the request
// path only tests a nil pointer.

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// instrumentationName names the SDK's tracer and meter.
const instrumentationName = "github.com/amity-go/amity"

// WithTracerProvider sets the OpenTelemetry tracer provider of the client's spans: one span
// per call, named after the method ("Posts.Create", kind client), with a child span per HTTP
// attempt (the HTTP client semantic conventions, the W3C traceparent sent in the request's
// headers), per limiter wait of a millisecond or more ("amity.limiter.wait") and per pause
// before a retry ("amity.retry.pause"). No span holds a credential, a query, a body or a user
// ID: the identity is a keyed hash and the path is its template ("/api/v3/users/{userID}").
// Default: no spans.
func WithTracerProvider(tp trace.TracerProvider) Option {
	return func(c *config) { c.tracerProvider = tp }
}

// WithMeterProvider sets the OpenTelemetry meter provider of the client's metrics:
// amity.client.call.duration (s, by operation and outcome), amity.client.attempts (per
// call), amity.client.limiter.wait.duration (s), amity.client.rate_limited (429 and 400311
// answers) and amity.client.retries. Default: no metrics.
func WithMeterProvider(mp metric.MeterProvider) Option {
	return func(c *config) { c.meterProvider = mp }
}

// Attribute keys of the SDK's spans and metrics, beside the semantic conventions'.
const (
	attrOperation  = attribute.Key("amity.operation")
	attrIdentity   = attribute.Key("amity.identity")
	attrErrorCode  = attribute.Key("amity.error.code")
	attrOutcome    = attribute.Key("amity.outcome")
	attrRetryAfter = attribute.Key("amity.retry_after")
	attrMethod     = attribute.Key("http.request.method")
	attrStatus     = attribute.Key("http.response.status_code")
	attrResend     = attribute.Key("http.request.resend_count")
	attrServer     = attribute.Key("server.address")
	attrPort       = attribute.Key("server.port")
	attrTemplate   = attribute.Key("url.template")
	attrScheme     = attribute.Key("url.scheme")
	attrErrorType  = attribute.Key("error.type")
)

// telemetry is a client's tracer and instruments; nil when neither provider is set. Its
// tracer is nil without a tracer provider, its instruments nil without a meter provider.
type telemetry struct {
	tracer trace.Tracer
	host   attribute.KeyValue
	port   attribute.KeyValue
	scheme attribute.KeyValue

	callDuration metric.Float64Histogram
	attempts     metric.Int64Histogram
	limiterWait  metric.Float64Histogram
	rateLimited  metric.Int64Counter
	retries      metric.Int64Counter

	setsMu sync.RWMutex
	sets   map[string]*opSets // by operation
}

// opSets are the attribute sets of an operation's metrics, made once: {amity.operation} and
// {amity.operation, amity.outcome=ok}.
type opSets struct{ op, ok metric.MeasurementOption }

// setsOf returns the attribute sets of op's metrics.
func (t *telemetry) setsOf(op string) *opSets {
	t.setsMu.RLock()
	s := t.sets[op]
	t.setsMu.RUnlock()
	if s != nil {
		return s
	}
	s = &opSets{
		op: metric.WithAttributeSet(attribute.NewSet(attrOperation.String(op))),
		ok: metric.WithAttributeSet(attribute.NewSet(attrOperation.String(op), attrOutcome.String("ok"))),
	}
	t.setsMu.Lock()
	if t.sets == nil {
		t.sets = make(map[string]*opSets)
	}
	t.sets[op] = s
	t.setsMu.Unlock()
	return s
}

// newTelemetry returns the telemetry of the providers, or nil when both are nil.
func newTelemetry(tp trace.TracerProvider, mp metric.MeterProvider, base string, host string, port int) (*telemetry, error) {
	if tp == nil && mp == nil {
		return nil, nil
	}
	t := &telemetry{host: attrServer.String(host), port: attrPort.Int(port), scheme: attrScheme.String(base)}
	if tp != nil {
		t.tracer = tp.Tracer(instrumentationName, trace.WithInstrumentationVersion(Version))
		recordTemplates.Store(true)
	}
	if mp == nil {
		return t, nil
	}
	m := mp.Meter(instrumentationName, metric.WithInstrumentationVersion(Version))
	var errs []error
	var err error
	t.callDuration, err = m.Float64Histogram("amity.client.call.duration", metric.WithUnit("s"),
		metric.WithDescription("Duration of SDK calls, limiter waits and retries included."),
		metric.WithExplicitBucketBoundaries(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60))
	errs = append(errs, err)
	t.attempts, err = m.Int64Histogram("amity.client.attempts", metric.WithUnit("{attempt}"),
		metric.WithDescription("HTTP attempts per SDK call."), metric.WithExplicitBucketBoundaries(1, 2, 3, 4, 5, 8))
	errs = append(errs, err)
	t.limiterWait, err = m.Float64Histogram("amity.client.limiter.wait.duration", metric.WithUnit("s"),
		metric.WithDescription("Time an attempt waited for its turn under the rate limiter."),
		metric.WithExplicitBucketBoundaries(0.0001, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
	errs = append(errs, err)
	t.rateLimited, err = m.Int64Counter("amity.client.rate_limited", metric.WithUnit("{response}"),
		metric.WithDescription("Answers refusing a call as rate limited (HTTP 429 or code 400311)."))
	errs = append(errs, err)
	t.retries, err = m.Int64Counter("amity.client.retries", metric.WithUnit("{retry}"),
		metric.WithDescription("Attempts that resent a call."))
	errs = append(errs, err)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return t, nil
}

// callTel is the telemetry of one call: its span (nil without a tracer) and what its
// attempts saw. Attempts of a call never overlap; the round tripper writes these fields on
// the call's goroutine before the HTTP client returns.
type callTel struct {
	t        *telemetry
	ctx      context.Context // the call's context, its span in it
	span     trace.Span
	op       string
	start    time.Time
	attempts int
	status   int           // the last attempt's HTTP status
	lastEnd  time.Time     // when the last attempt ended
	lastWait time.Duration // the Retry-After of the last answer, -1 when it had none
	template template
	done     bool
}

// startCall starts the telemetry of r, made by the identity whose limiter key is identity;
// the returned context holds the call's span.
func (t *telemetry) startCall(ctx context.Context, r *request, identity string) (context.Context, *callTel) {
	ct := &callTel{t: t, op: r.op, start: time.Now(), lastWait: -1}
	if t.tracer != nil {
		ctx, ct.span = t.tracer.Start(ctx, r.op, trace.WithSpanKind(trace.SpanKindClient),
			trace.WithAttributes(attrOperation.String(r.op), attrIdentity.String(identity)))
		ct.template = templateOf(r)
	}
	ct.ctx = ctx
	return ctx, ct
}

// end ends the call with err (nil: success).
func (ct *callTel) end(err error) {
	if ct == nil || ct.done {
		return
	}
	ct.done = true
	status, code, etype := ct.status, 0, ""
	if err != nil {
		var ae *Error
		if errors.As(err, &ae) {
			status, code = ae.StatusCode, ae.Code
		}
		etype = errorType(err)
	}
	if ct.span != nil {
		if status > 0 {
			ct.span.SetAttributes(attrStatus.Int(status))
		}
		if code != 0 {
			ct.span.SetAttributes(attrErrorCode.Int(code))
		}
		if etype != "" {
			ct.span.SetAttributes(attrErrorType.String(etype))
			ct.span.SetStatus(codes.Error, etype)
		}
		ct.span.End()
	}
	if ct.t.callDuration != nil {
		sets := ct.t.setsOf(ct.op)
		if etype != "" {
			ct.t.callDuration.Record(ct.ctx, time.Since(ct.start).Seconds(), metric.WithAttributes(attrOperation.String(ct.op),
				attrOutcome.String("error"), attrErrorType.String(etype)))
		} else {
			ct.t.callDuration.Record(ct.ctx, time.Since(ct.start).Seconds(), sets.ok)
		}
		ct.t.attempts.Record(ct.ctx, int64(ct.attempts), sets.op)
	}
}

// errorType is the error.type of a failed call: the HTTP status of an API answer, else a
// short name of the failure. It never holds the error's text (which names the path).
func errorType(err error) string {
	var ae *Error
	var ve *ValidationError
	switch {
	case errors.As(err, &ae) && ae.StatusCode == 0:
		return "rate_limited" // the client's own limit refused to send it
	case errors.As(err, &ae) && ae.malformed:
		return "malformed_response"
	case errors.As(err, &ae) && ae.unsuccessful:
		return "unsuccessful"
	case errors.As(err, &ae):
		return strconv.Itoa(ae.StatusCode)
	case errors.As(err, &ve):
		return "invalid_argument"
	case errors.Is(err, ErrClientClosed):
		return "client_closed"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	return transportErrorType(err)
}

// transportErrorType is the error.type of an attempt that got no answer.
func transportErrorType(err error) string {
	var tooLarge *errTooLarge
	var cut *errCutShort
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, errRedirect):
		return "redirect_refused"
	case errors.Is(err, errResend), errors.Is(err, errors.ErrUnsupported):
		return "connection_closed"
	case errors.As(err, &tooLarge):
		return "response_too_large"
	case errors.As(err, &cut):
		return "response_cut_short"
	case isDialError(err):
		return "dial"
	}
	return "_OTHER"
}

// waitLimiter waits for key's turn as rt.t.limiter.Wait does, recording the wait in
// amity.client.limiter.wait.duration and, when it lasted limiterSpanMin or more or failed, as
// a span (a turn that comes at once is not worth a span: the call's own span shows it).
func (ct *callTel) waitLimiter(ctx context.Context, l Limiter, key string) error {
	start := time.Now()
	err := l.Wait(ctx, key)
	end := time.Now()
	if ct.t.tracer != nil && (err != nil || end.Sub(start) >= limiterSpanMin) {
		_, span := ct.t.tracer.Start(ctx, "amity.limiter.wait", trace.WithTimestamp(start))
		if err != nil {
			etype := transportErrorType(err)
			var lw *LimitWaitError
			if errors.As(err, &lw) {
				etype = "rate_limited"
				span.SetAttributes(attrRetryAfter.Float64(lw.Wait.Seconds()))
			}
			span.SetAttributes(attrErrorType.String(etype))
			span.SetStatus(codes.Error, etype)
		}
		span.End(trace.WithTimestamp(end))
	}
	if ct.t.limiterWait != nil {
		ct.t.limiterWait.Record(ctx, end.Sub(start).Seconds(), ct.t.setsOf(ct.op).op)
	}
	return err
}

// limiterSpanMin is the shortest limiter wait recorded as a span.
const limiterSpanMin = time.Millisecond

// beginAttempt counts an attempt of the call and, for a retry, records the pause before it:
// a span from the end of the last attempt to now.
func (ct *callTel) beginAttempt(ctx context.Context, retried bool) {
	ct.attempts++
	if ct.attempts > 1 && ct.t.retries != nil {
		ct.t.retries.Add(ctx, 1, ct.t.setsOf(ct.op).op)
	}
	if ct.t.tracer == nil || !retried || ct.lastEnd.IsZero() {
		return
	}
	_, pause := ct.t.tracer.Start(ctx, "amity.retry.pause", trace.WithTimestamp(ct.lastEnd))
	if ct.lastWait >= 0 {
		pause.SetAttributes(attrRetryAfter.Float64(ct.lastWait.Seconds()))
	}
	pause.End()
}

// startAttempt starts the span of an HTTP attempt (nil without a tracer) and injects the W3C
// trace context into the request's headers. The request keeps its context (the call's span):
// a copy of it per attempt would cost an allocation for the benefit of HTTP instrumentation
// inside WithHTTPClient's transport only.
func (ct *callTel) startAttempt(req *http.Request) trace.Span {
	if ct.t.tracer == nil {
		return nil
	}
	attrs := make([]attribute.KeyValue, 0, 6)
	attrs = append(attrs, attrMethod.String(req.Method), ct.t.host, ct.t.port, ct.t.scheme)
	if ct.template.path != "" {
		attrs = append(attrs, attrTemplate.String(ct.template.path))
	}
	if ct.attempts > 1 {
		attrs = append(attrs, attrResend.Int(ct.attempts-1))
	}
	name := ct.template.name
	if name == "" {
		name = req.Method
	}
	ctx, span := ct.t.tracer.Start(req.Context(), name, trace.WithSpanKind(trace.SpanKindClient), trace.WithAttributes(attrs...))
	propagation.TraceContext{}.Inject(ctx, propagation.HeaderCarrier(req.Header))
	return span
}

// endAttempt ends an attempt's span with its answer or error, and counts a rate-limited
// answer.
func (ct *callTel) endAttempt(ctx context.Context, span trace.Span, resp *http.Response, err error) {
	ct.lastEnd, ct.lastWait = time.Now(), -1
	limited := false
	if err == nil {
		ct.status = resp.StatusCode
		limited = isRateLimited(resp)
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), ct.lastEnd); ok {
			ct.lastWait = d
		}
		if limited && ct.t.rateLimited != nil {
			ct.t.rateLimited.Add(ctx, 1, metric.WithAttributes(attrOperation.String(ct.op), attrStatus.Int(resp.StatusCode)))
		}
	}
	if span == nil {
		return
	}
	switch {
	case err != nil:
		etype := transportErrorType(err)
		span.SetAttributes(attrErrorType.String(etype))
		span.SetStatus(codes.Error, etype)
	case resp.StatusCode >= 400:
		etype := strconv.Itoa(resp.StatusCode)
		if limited && ct.lastWait >= 0 {
			span.SetAttributes(attrStatus.Int(resp.StatusCode), attrErrorType.String(etype), attrRetryAfter.Float64(ct.lastWait.Seconds()))
		} else {
			span.SetAttributes(attrStatus.Int(resp.StatusCode), attrErrorType.String(etype))
		}
		span.SetStatus(codes.Error, etype)
	default:
		span.SetAttributes(attrStatus.Int(resp.StatusCode))
	}
	span.End(trace.WithTimestamp(ct.lastEnd))
}

// recordTemplates is set once a client traces: pathf then remembers the path template of
// each operation for the url.template of its attempts.
var recordTemplates atomic.Bool

// template is the url.template of an operation's path, "/api/v3/users/{userID}", and the
// name of its attempts' spans, "GET /api/v3/users/{userID}"; empty when unknown.
type template struct{ path, name string }

// pathTemplates maps an operation and the number of its path's segments to its template (an
// operation may have several shapes, with or without a trailing ID). The names of the
// attempts' spans are filled in by templateOf, on first use.
var pathTemplates struct {
	sync.RWMutex
	m map[templateKey]template
}

// templateKey is a key of pathTemplates.
type templateKey struct {
	op       string
	segments int
}

// rememberTemplate records op's path template, built from pathf's format and IDs, the first
// time op is seen with a path of its number of segments.
func rememberTemplate(op, format string, ids []idArg) {
	key := templateKey{op, strings.Count(format, "/")}
	pathTemplates.RLock()
	_, ok := pathTemplates.m[key]
	pathTemplates.RUnlock()
	if ok {
		return
	}
	var b strings.Builder
	for _, id := range ids {
		at := strings.Index(format, "%s")
		if at < 0 {
			break
		}
		b.WriteString(format[:at])
		b.WriteString("{" + id.name + "}")
		format = format[at+2:]
	}
	b.WriteString(format)
	pathTemplates.Lock()
	if pathTemplates.m == nil {
		pathTemplates.m = make(map[templateKey]template)
	}
	if _, ok := pathTemplates.m[key]; !ok {
		pathTemplates.m[key] = template{path: b.String()}
	}
	pathTemplates.Unlock()
}

// templateOf returns the template of r: the one pathf recorded for r.op and a path of
// r.path's number of segments, or r.path itself when r.op never went through pathf (a path
// without IDs); no template for an escaped path pathf did not see. TestURLTemplateOfEveryOperation
// checks it for every operation.
func templateOf(r *request) template {
	if r.op == rawOp {
		return template{} // a caller's path may hold IDs anywhere: no template, the span is named by its method
	}
	key := templateKey{r.op, strings.Count(r.path, "/")}
	pathTemplates.RLock()
	tmpl, ok := pathTemplates.m[key]
	pathTemplates.RUnlock()
	if ok && tmpl.name != "" {
		return tmpl
	}
	if !ok && strings.Contains(r.path, "%") {
		return template{} // an escaped ID pathf did not see: better no template than an ID
	}
	if !ok {
		tmpl.path = r.path
	}
	tmpl.name = r.method + " " + tmpl.path
	pathTemplates.Lock()
	if pathTemplates.m == nil {
		pathTemplates.m = make(map[templateKey]template)
	}
	pathTemplates.m[key] = tmpl
	pathTemplates.Unlock()
	return tmpl
}
