package amity

import (
	"context"
	"net/http"
	"testing"

	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

// BenchmarkTelemetryOfACall is the instrumentation's own work for one call of one attempt
// with the OTel SDK (the spans of the call and its attempt, their attributes, the
// traceparent, the call metrics), without the network: the overhead BenchmarkGetTelemetry
// measures in a loopback call, where the noise of a shared machine hides it.
func BenchmarkTelemetryOfACall(b *testing.B) {
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(tracetest.NewNoopExporter()))
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewManualReader()))
	b.Cleanup(func() { _ = tp.Shutdown(context.Background()); _ = mp.Shutdown(context.Background()) })
	for _, bc := range []struct {
		name string
		tel  func() (*telemetry, error)
	}{
		{"traces", func() (*telemetry, error) { return newTelemetry(tp, nil, "http", "127.0.0.1", 8080) }},
		{"metrics", func() (*telemetry, error) { return newTelemetry(nil, mp, "http", "127.0.0.1", 8080) }},
		{"both", func() (*telemetry, error) { return newTelemetry(tp, mp, "http", "127.0.0.1", 8080) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			tel, err := bc.tel()
			if err != nil {
				b.Fatal(err)
			}
			r := &request{op: "Users.Get", method: http.MethodGet, path: "/api/v3/users/u1"}
			if _, err := pathf(r.op, "/api/v3/users/%s", id("userID", "u1")); err != nil {
				b.Fatal(err)
			}
			resp := &http.Response{StatusCode: http.StatusOK, Header: http.Header{}}
			ctx := context.Background()
			b.ReportAllocs()
			for range b.N {
				cctx, ct := tel.startCall(ctx, r, "0123456789abcdef0123456789abcdef")
				req, _ := http.NewRequestWithContext(cctx, http.MethodGet, "http://127.0.0.1:8080/api/v3/users/u1", nil)
				ct.beginAttempt(cctx, false)
				span := ct.startAttempt(req)
				ct.endAttempt(cctx, span, resp, nil)
				ct.end(nil)
			}
		})
	}
}
