package amity_test

import (
	"context"
	"fmt"
	"log"
	"sort"
	"strings"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

// A client traced and measured with OpenTelemetry. Real programs pass the providers they set
// up with their exporters (OTLP, Prometheus, ...); here the spans go to an in-memory
// recorder and the metrics to a manual reader.
func ExampleWithTracerProvider() {
	spans := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(spans))
	metrics := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(metrics))

	srv := amitytest.NewServer()
	defer srv.Close()
	seeded := srv.Seed(amitytest.SeedOptions{})
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(srv.AdminToken()),
		amity.WithTracerProvider(tp), amity.WithMeterProvider(mp))
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Users.Get(context.Background(), seeded.UserIDs[0]); err != nil {
		log.Fatal(err)
	}

	fmt.Println(spanTree(spans.Ended()))
	var rm metricdata.ResourceMetrics
	if err := metrics.Collect(context.Background(), &rm); err != nil {
		log.Fatal(err)
	}
	var names []string
	for _, m := range rm.ScopeMetrics[0].Metrics {
		names = append(names, m.Name+" "+m.Unit)
	}
	sort.Strings(names)
	fmt.Println(strings.Join(names, "\n"))
	// Output:
	// Users.Get (client) amity.operation=Users.Get http.response.status_code=200
	//   GET /api/v3/users/{userID} (client) http.request.method=GET server.address=127.0.0.1 url.scheme=http url.template=/api/v3/users/{userID} http.response.status_code=200
	//
	// amity.client.attempts {attempt}
	// amity.client.call.duration s
	// amity.client.limiter.wait.duration s
}
