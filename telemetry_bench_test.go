package amity_test

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/require"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

// BenchmarkGetTelemetry is BenchmarkGet's loopback Users.Get (no rate limit) with no
// provider (the cost of the instrumentation when off: compare with BenchmarkGet/sdk of a build
// without it), with the OTel SDK tracing every call (a batch processor in front of an exporter
// that drops the spans), metering it (a manual reader: the aggregation happens at each
// record), and both. Run it with
//
//	go test -run '^$' -bench 'BenchmarkGet$|GetTelemetry' -benchmem -count 5 .
func BenchmarkGetTelemetry(b *testing.B) {
	srv := benchServer(b, userPageBody(1))
	ctx := context.Background()
	tracing := func(b *testing.B) amity.Option {
		tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(tracetest.NewNoopExporter()))
		b.Cleanup(func() { _ = tp.Shutdown(context.Background()) })
		return amity.WithTracerProvider(tp)
	}
	metering := func(b *testing.B) amity.Option {
		mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewManualReader()))
		b.Cleanup(func() { _ = mp.Shutdown(context.Background()) })
		return amity.WithMeterProvider(mp)
	}
	for _, bc := range []struct {
		name string
		opts func(b *testing.B) []amity.Option
	}{
		{"off", func(*testing.B) []amity.Option { return nil }},
		{"traces", func(b *testing.B) []amity.Option { return []amity.Option{tracing(b)} }},
		{"metrics", func(b *testing.B) []amity.Option { return []amity.Option{metering(b)} }},
		{"both", func(b *testing.B) []amity.Option { return []amity.Option{tracing(b), metering(b)} }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c, err := amity.NewClient(append([]amity.Option{amity.WithBaseURL(srv.URL), amity.WithAdminToken(adminToken), amity.WithoutRateLimit()}, bc.opts(b)...)...)
			require.NoError(b, err)
			b.ReportAllocs()
			for range b.N {
				if _, err := c.Users.Get(ctx, "user-0"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
