// Package testkit holds the test helpers that the tests of more than one package use: a
// buffer safe for concurrent writers, the capture of the process's global loggers, a
// slog.Handler that keeps its records, and the sliding-window count of arrivals that the
// rate-limit tests assert on.
package testkit

import (
	"bytes"
	"context"
	"log"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"
)

// SyncBuffer is a bytes.Buffer safe for concurrent writers and a reader at once.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p.
func (b *SyncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

// String returns what was written so far.
func (b *SyncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// CaptureGlobalLogs sends what the standard log package and slog.Default write to the
// returned buffer until the test ends.
func CaptureGlobalLogs(t testing.TB) *SyncBuffer {
	out := new(SyncBuffer)
	prevSlog, prevOut, prevFlags := slog.Default(), log.Writer(), log.Flags()
	slog.SetDefault(slog.New(slog.NewTextHandler(out, &slog.HandlerOptions{Level: slog.LevelDebug})))
	log.SetOutput(out) // after SetDefault, which points the log package at the slog handler
	t.Cleanup(func() {
		slog.SetDefault(prevSlog)
		log.SetOutput(prevOut)
		log.SetFlags(prevFlags)
	})
	return out
}

// LogRecorder is a slog.Handler that keeps the records it handles.
type LogRecorder struct {
	mu      sync.Mutex
	records []slog.Record
}

// Enabled reports true for every level.
func (r *LogRecorder) Enabled(context.Context, slog.Level) bool { return true }

// Handle keeps a copy of rec.
func (r *LogRecorder) Handle(_ context.Context, rec slog.Record) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.records = append(r.records, rec.Clone())
	return nil
}

// WithAttrs is not used by the code under test.
func (r *LogRecorder) WithAttrs([]slog.Attr) slog.Handler { panic("not used") }

// WithGroup is not used by the code under test.
func (r *LogRecorder) WithGroup(string) slog.Handler { panic("not used") }

// Take returns the records kept so far and forgets them.
func (r *LogRecorder) Take() []slog.Record {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.records
	r.records = nil
	return out
}

// MaxInWindow returns the largest number of times that fall in any half-open interval
// [t, t+w): the most arrivals a sliding window of length w ever saw. times need not be
// sorted and is not changed.
func MaxInWindow(times []time.Time, w time.Duration) int {
	s := slices.Clone(times)
	slices.SortFunc(s, func(a, b time.Time) int { return a.Compare(b) })
	best, lo := 0, 0
	for hi := range s {
		for s[hi].Sub(s[lo]) >= w {
			lo++
		}
		best = max(best, hi-lo+1)
	}
	return best
}
