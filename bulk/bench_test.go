package bulk_test

import (
	"context"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/amity-go/amity/bulk"
)

// BenchmarkRunStreamed runs a job over 1,000,000 items of a streamed source (made one at a
// time, never held) with a journal, and reports the live heap after 100,000 items and at
// the end, and their difference: the runner's memory does not grow with the items.
//
//	go test -run '^$' -bench RunStreamed -benchtime 1x ./bulk
func BenchmarkRunStreamed(b *testing.B) {
	const items, sampleAt = 1_000_000, 100_000
	liveHeap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	for range b.N {
		j, err := bulk.OpenJournal(filepath.Join(b.TempDir(), "journal.jsonl"))
		if err != nil {
			b.Fatal(err)
		}
		var atSample uint64
		stream := func(yield func(int, error) bool) {
			for i := 0; i < items; i++ {
				if i == sampleAt {
					atSample = liveHeap()
				}
				if !yield(i, nil) {
					return
				}
			}
		}
		job := bulk.Job[int]{Key: strconv.Itoa, Do: func(context.Context, int) error { return nil }}
		stats, err := bulk.Run(context.Background(), stream, job, bulk.WithJournal(j), bulk.WithTotal(items))
		if err != nil {
			b.Fatal(err)
		}
		if stats.Succeeded != items {
			b.Fatalf("%d items succeeded, want %d", stats.Succeeded, items)
		}
		atEnd := liveHeap()
		j.Close()
		b.ReportMetric(float64(atSample)/1e6, "heap-MB@100k")
		b.ReportMetric(float64(atEnd)/1e6, "heap-MB@1M")
		b.ReportMetric((float64(atEnd)-float64(atSample))/1e6, "heap-growth-MB")
	}
}
