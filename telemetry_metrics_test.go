package amity_test

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/attribute"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
)

// collect reads every metric of reader by name.
func collect(t *testing.T, reader sdkmetric.Reader) map[string]metricdata.Metrics {
	t.Helper()
	var rm metricdata.ResourceMetrics
	require.NoError(t, reader.Collect(context.Background(), &rm))
	out := map[string]metricdata.Metrics{}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			out[m.Name] = m
		}
	}
	return out
}

// pointKey renders a data point's attributes as "k=v,k=v".
func pointKey(set attribute.Set) string {
	var s string
	for _, kv := range set.ToSlice() {
		if s != "" {
			s += ","
		}
		s += string(kv.Key) + "=" + kv.Value.String()
	}
	return s
}

// histCounts returns the count of each data point of a histogram, by attributes.
func histCounts[N int64 | float64](t *testing.T, m metricdata.Metrics) map[string]uint64 {
	t.Helper()
	h, ok := m.Data.(metricdata.Histogram[N])
	require.True(t, ok, "%s is a histogram", m.Name)
	out := map[string]uint64{}
	for _, dp := range h.DataPoints {
		out[pointKey(dp.Attributes)] = dp.Count
	}
	return out
}

// histSums returns the sum of each data point of a histogram, by attributes.
func histSums[N int64 | float64](t *testing.T, m metricdata.Metrics) map[string]N {
	t.Helper()
	h, ok := m.Data.(metricdata.Histogram[N])
	require.True(t, ok, "%s is a histogram", m.Name)
	out := map[string]N{}
	for _, dp := range h.DataPoints {
		out[pointKey(dp.Attributes)] = dp.Sum
	}
	return out
}

// sums returns each data point of a counter, by attributes.
func sums(t *testing.T, m metricdata.Metrics) map[string]int64 {
	t.Helper()
	s, ok := m.Data.(metricdata.Sum[int64])
	require.True(t, ok, "%s is a counter", m.Name)
	require.True(t, s.IsMonotonic)
	out := map[string]int64{}
	for _, dp := range s.DataPoints {
		out[pointKey(dp.Attributes)] = dp.Value
	}
	return out
}

func TestClientMetrics(t *testing.T) {
	srv := newTelServer(t)
	var deletes, gets atomic.Int32
	srv.answer = func(w http.ResponseWriter, r *http.Request) bool {
		switch {
		case r.Method == http.MethodDelete && deletes.Add(1) == 1:
			writeJSON(w, http.StatusServiceUnavailable, `{"status":"error","code":500000,"message":"down"}`)
			return true
		case r.Method == http.MethodGet && r.URL.Path == "/api/v3/users/"+telOtherID && gets.Add(1) == 1:
			w.Header().Set("Retry-After", "0")
			writeJSON(w, http.StatusTooManyRequests, `{"status":"error","code":400311,"message":"Rate limit exceeded"}`)
			return true
		case r.URL.Path == "/api/v3/users/missing":
			writeJSON(w, http.StatusNotFound, `{"status":"error","code":400400,"message":"not found"}`)
			return true
		}
		return false
	}
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	t.Cleanup(func() { _ = mp.Shutdown(context.Background()) })
	c := serverClient(t, srv.URL, amity.WithMeterProvider(mp), amity.WithLimiter(slowLimiter{wait: 20 * time.Millisecond}))
	ctx := context.Background()

	_, err := c.Users.Get(ctx, telOtherID) // a 429, then a 200
	require.NoError(t, err)
	require.NoError(t, c.Archives.RemoveChannel(ctx, telChannelID)) // a 503, then a 200
	_, err = c.Users.Get(ctx, "missing")
	require.ErrorIs(t, err, amity.ErrNotFound)

	m := collect(t, reader)
	assert.Equal(t, map[string]uint64{
		"amity.operation=Users.Get,amity.outcome=ok":                   1,
		"amity.operation=Users.Get,amity.outcome=error,error.type=404": 1,
		"amity.operation=Archives.RemoveChannel,amity.outcome=ok":      1,
	}, histCounts[float64](t, m["amity.client.call.duration"]))
	assert.Equal(t, "s", m["amity.client.call.duration"].Unit)
	assert.Equal(t, map[string]int64{"amity.operation=Users.Get": 3, "amity.operation=Archives.RemoveChannel": 2},
		histSums[int64](t, m["amity.client.attempts"]), "attempts per call, summed")
	assert.Equal(t, map[string]int64{"amity.operation=Users.Get": 1, "amity.operation=Archives.RemoveChannel": 1},
		sums(t, m["amity.client.retries"]))
	assert.Equal(t, map[string]int64{"amity.operation=Users.Get,http.response.status_code=429": 1},
		sums(t, m["amity.client.rate_limited"]))
	waits := histSums[float64](t, m["amity.client.limiter.wait.duration"])
	assert.GreaterOrEqual(t, waits["amity.operation=Users.Get"], 0.060, "three waits of 20ms")
	assert.GreaterOrEqual(t, waits["amity.operation=Archives.RemoveChannel"], 0.040, "two waits of 20ms")
	assert.Equal(t, map[string]uint64{"amity.operation=Users.Get": 3, "amity.operation=Archives.RemoveChannel": 2},
		histCounts[float64](t, m["amity.client.limiter.wait.duration"]))
}

func TestClientMetricsCount400311(t *testing.T) {
	srv := newTelServer(t)
	var gets atomic.Int32
	srv.answer = func(w http.ResponseWriter, r *http.Request) bool {
		if gets.Add(1) == 1 {
			writeJSON(w, http.StatusBadRequest, `{"status":"error","code":400311,"message":"Rate limit exceeded"}`)
			return true
		}
		return false
	}
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	c := serverClient(t, srv.URL, amity.WithMeterProvider(mp), amity.WithoutRateLimit())
	_, err := c.Users.Get(context.Background(), telOtherID)
	require.NoError(t, err)
	m := collect(t, reader)
	assert.Equal(t, map[string]int64{"amity.operation=Users.Get,http.response.status_code=400": 1}, sums(t, m["amity.client.rate_limited"]))
	_, waited := m["amity.client.limiter.wait.duration"]
	assert.False(t, waited, "no limiter, no wait recorded")
}
