package redislimit_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/amity-go/amity/redislimit"
	"github.com/redis/go-redis/v9"
	"go.opentelemetry.io/otel/attribute"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
)

// readMetrics collects reader's metrics: the count and sum of each histogram data point and
// the value of each counter's, by metric name and then attributes ("k=v,k=v").
func readMetrics(t *testing.T, reader sdkmetric.Reader) (counts map[string]map[string]uint64, sums map[string]map[string]float64, counters map[string]map[string]int64) {
	t.Helper()
	var rm metricdata.ResourceMetrics
	if err := reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	counts, sums, counters = map[string]map[string]uint64{}, map[string]map[string]float64{}, map[string]map[string]int64{}
	key := func(set attribute.Set) string {
		s := ""
		for _, kv := range set.ToSlice() {
			if s != "" {
				s += ","
			}
			s += string(kv.Key) + "=" + kv.Value.String()
		}
		return s
	}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			switch d := m.Data.(type) {
			case metricdata.Histogram[float64]:
				counts[m.Name], sums[m.Name] = map[string]uint64{}, map[string]float64{}
				for _, dp := range d.DataPoints {
					counts[m.Name][key(dp.Attributes)] = dp.Count
					sums[m.Name][key(dp.Attributes)] = dp.Sum
				}
			case metricdata.Sum[int64]:
				counters[m.Name] = map[string]int64{}
				for _, dp := range d.DataPoints {
					counters[m.Name][key(dp.Attributes)] = dp.Value
				}
			}
		}
	}
	return counts, sums, counters
}

func TestMetricsOfWaitsAndFallbacks(t *testing.T) {
	s := startRedis(t)
	rdb := redis.NewClient(&redis.Options{Addr: s.Addr})
	defer rdb.Close()
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	l := redislimit.New(rdb, redislimit.WithLimit(2, 200*time.Millisecond), redislimit.WithLogger(quiet), patient,
		redislimit.WithMeterProvider(mp))
	defer l.Close()
	ctx := context.Background()
	for range 2 {
		if err := l.Wait(ctx, testKey); err != nil {
			t.Fatal(err)
		}
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := l.Wait(short, testKey); err == nil {
		t.Fatal("a third call within the window was admitted before its turn")
	}
	if err := l.Wait(ctx, testKey); err != nil { // waits for the window
		t.Fatal(err)
	}
	s.Kill()
	if err := l.Wait(ctx, testKey); err != nil { // the in-process window decides
		t.Fatal(err)
	}
	counts, sums, counters := readMetrics(t, reader)
	want := map[string]uint64{
		"amity.redislimit.source=redis":                         3,
		"amity.redislimit.source=redis,error.type=rate_limited": 1,
		"amity.redislimit.source=local":                         1,
	}
	if got := counts["amity.redislimit.wait.duration"]; !equalMaps(got, want) {
		t.Errorf("wait.duration counts: %v, want %v", got, want)
	}
	if got := sums["amity.redislimit.wait.duration"]["amity.redislimit.source=redis"]; got < 0.150 {
		t.Errorf("the Redis waits took %.3fs: the last should have waited for the window", got)
	}
	if got := counters["amity.redislimit.fallbacks"]; !equalMaps(got, map[string]int64{"": 1}) {
		t.Errorf("fallbacks: %v, want one", got)
	}
}

func TestMetricsOfFailClosed(t *testing.T) {
	s := startRedis(t)
	addr := s.Addr
	s.Kill()
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	defer rdb.Close()
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	l := redislimit.New(rdb, redislimit.WithFailClosed(), redislimit.WithLogger(quiet), redislimit.WithMeterProvider(mp))
	defer l.Close()
	if err := l.Wait(context.Background(), testKey); !errors.Is(err, redislimit.ErrUnavailable) {
		t.Fatalf("Wait: %v, want ErrUnavailable", err)
	}
	counts, _, counters := readMetrics(t, reader)
	if got, want := counts["amity.redislimit.wait.duration"], map[string]uint64{"amity.redislimit.source=local,error.type=unavailable": 1}; !equalMaps(got, want) {
		t.Errorf("wait.duration counts: %v, want %v", got, want)
	}
	if got := counters["amity.redislimit.fallbacks"]; !equalMaps(got, map[string]int64{"": 1}) {
		t.Errorf("fallbacks: %v, want one", got)
	}
}

func equalMaps[V comparable](a, b map[string]V) bool {
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
