package redislimit_test

import (
	"context"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/redislimit"
)

// The benchmarks measure what a call pays for its turn when nothing has to wait: a limit of
// 2^20 calls per 10ms is never reached.
const benchCalls, benchWindow = 1 << 20, 10 * time.Millisecond

// BenchmarkWaitRedis is one Wait through Redis on loopback: one EVALSHA round trip, plus the
// in-process window it updates alongside.
func BenchmarkWaitRedis(b *testing.B) {
	s := startRedis(b)
	l := redislimit.New(s.Client(b), redislimit.WithLimit(benchCalls, benchWindow), redislimit.WithLogger(quiet), patient)
	benchWait(b, l)
	if l.Degraded() {
		b.Fatal("the limiter fell back from Redis during the benchmark")
	}
}

// BenchmarkWaitLocal is one Wait of the SDK's in-process limiter, for comparison.
func BenchmarkWaitLocal(b *testing.B) {
	benchWait(b, amity.NewWindowLimiter(benchCalls, benchWindow))
}

func benchWait(b *testing.B, l amity.Limiter) {
	ctx := context.Background()
	if err := l.Wait(ctx, testKey); err != nil { // warm up: load the script, open a connection
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := l.Wait(ctx, testKey); err != nil {
			b.Fatal(err)
		}
	}
}
