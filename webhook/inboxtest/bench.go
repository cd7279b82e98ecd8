package inboxtest

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity/webhook"
)

// BenchmarkAnswer measures the time a Handler on store takes to answer 200 to a signed
// delivery (read, verify, parse, store durably), each delivery a new event, while its
// workers run the stored events: sequentially, and from 8 senders at once. It reports
// the p50 and p99 of the answers as p50-ms and p99-ms.
func BenchmarkAnswer(b *testing.B, store webhook.Inbox) {
	var seq atomic.Int64
	for _, senders := range []int{1, 8} {
		b.Run(fmt.Sprintf("senders=%d", senders), func(b *testing.B) {
			h, err := webhook.NewHandler(secret, webhook.WithInbox(store))
			if err != nil {
				b.Fatal(err)
			}
			h.OnAny(func(context.Context, *webhook.Event) error { return nil })
			bodies := make([][]byte, b.N)
			for i := range bodies {
				bodies[i] = Body(fmt.Sprint("bench-", seq.Add(1)))
			}
			lat := make([]time.Duration, b.N)
			var next atomic.Int64
			var failed atomic.Int64
			var wg sync.WaitGroup
			b.ResetTimer()
			for range senders {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						i := int(next.Add(1)) - 1
						if i >= b.N {
							return
						}
						req := httptest.NewRequest(http.MethodPost, "/hook", bytes.NewReader(bodies[i]))
						req.Header.Set(webhook.SignatureHeader, webhook.Sign(bodies[i], secret))
						rec := httptest.NewRecorder()
						start := time.Now()
						h.ServeHTTP(rec, req)
						lat[i] = time.Since(start)
						if rec.Code != http.StatusOK {
							failed.Add(1)
						}
					}
				}()
			}
			wg.Wait()
			b.StopTimer()
			if n := failed.Load(); n > 0 {
				b.Fatalf("%d deliveries not answered 200", n)
			}
			slices.Sort(lat)
			b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
			b.ReportMetric(ms(lat[len(lat)*99/100]), "p99-ms")
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if err := h.Close(ctx); err != nil {
				b.Fatal(err)
			}
		})
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
