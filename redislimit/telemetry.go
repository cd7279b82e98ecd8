package redislimit

import (
	"context"
	"errors"
	"time"

	"github.com/amity-go/amity"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/metric/noop"
)

// WithMeterProvider sets the OpenTelemetry meter provider of the limiter's metrics:
// amity.redislimit.wait.duration (s, a histogram of Wait's duration by
// amity.redislimit.source, "redis" or "local", and error.type when Wait failed) and
// amity.redislimit.fallbacks (the Waits the in-process limiter decided because Redis was
// unavailable). No key is recorded. Default: no metrics.
func WithMeterProvider(mp metric.MeterProvider) Option { return func(l *Limiter) { l.meters = mp } }

// attrSource names who decided a Wait: Redis or the in-process fallback.
const attrSource = attribute.Key("amity.redislimit.source")

// The attribute sets of a Wait that did not fail, made once.
var (
	fromRedis = metric.WithAttributeSet(attribute.NewSet(attrSource.String("redis")))
	fromLocal = metric.WithAttributeSet(attribute.NewSet(attrSource.String("local")))
)

// telemetry holds the limiter's instruments.
type telemetry struct {
	wait      metric.Float64Histogram
	fallbacks metric.Int64Counter
}

// newTelemetry makes the instruments of mp. An instrument mp cannot make is reported to the
// OpenTelemetry error handler and left out.
func newTelemetry(mp metric.MeterProvider) *telemetry {
	m := mp.Meter("github.com/amity-go/amity/redislimit", metric.WithInstrumentationVersion(amity.Version))
	wait, err := m.Float64Histogram("amity.redislimit.wait.duration", metric.WithUnit("s"),
		metric.WithDescription("Time a Wait took, from the call to its turn (or its failure)."),
		metric.WithExplicitBucketBoundaries(0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
	if err != nil {
		otel.Handle(err)
		wait, _ = noop.Meter{}.Float64Histogram("")
	}
	fallbacks, err := m.Int64Counter("amity.redislimit.fallbacks", metric.WithUnit("{call}"),
		metric.WithDescription("Waits decided by the in-process limiter because Redis was unavailable."))
	if err != nil {
		otel.Handle(err)
		fallbacks, _ = noop.Meter{}.Int64Counter("")
	}
	return &telemetry{wait: wait, fallbacks: fallbacks}
}

// waited records one Wait of d, decided locally or by Redis, that ended with err.
func (t *telemetry) waited(ctx context.Context, d time.Duration, local bool, err error) {
	ctx = context.WithoutCancel(ctx) // a Wait ended by its ctx is recorded too
	src := attrSource.String("redis")
	opt := fromRedis
	if local {
		src, opt = attrSource.String("local"), fromLocal
		t.fallbacks.Add(ctx, 1)
	}
	if err != nil {
		opt = metric.WithAttributes(src, attribute.String("error.type", errorType(err)))
	}
	t.wait.Record(ctx, d.Seconds(), opt)
}

// errorType is the error.type of a failed Wait.
func errorType(err error) string {
	var lw *amity.LimitWaitError
	switch {
	case errors.As(err, &lw):
		return "rate_limited"
	case errors.Is(err, ErrUnavailable):
		return "unavailable"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	return "_OTHER"
}
