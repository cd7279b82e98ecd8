package redislimit_test

import (
	"context"
	"log"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/amity-go/amity/redislimit"
)

// captureGlobalLogs sends what the standard log package and slog.Default write to the
// returned buffer until the test ends.
func captureGlobalLogs(t *testing.T) *logBuffer {
	out := new(logBuffer)
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

// recorder is a slog.Handler that keeps the records.
type recorder struct {
	mu      sync.Mutex
	records []slog.Record
}

func (r *recorder) Enabled(context.Context, slog.Level) bool { return true }

func (r *recorder) Handle(_ context.Context, rec slog.Record) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.records = append(r.records, rec.Clone())
	return nil
}

func (r *recorder) WithAttrs([]slog.Attr) slog.Handler { panic("not used") }
func (r *recorder) WithGroup(string) slog.Handler      { panic("not used") }

func (r *recorder) take() []slog.Record {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.records
	r.records = nil
	return out
}

// Through an outage and its end, a limiter without WithLogger, or with a nil logger, logs
// nothing, neither to slog.Default nor to the standard logger; one with a logger logs one
// Warn with the error and the fallback's limit, and one Info.
func TestLogging(t *testing.T) {
	out := captureGlobalLogs(t)
	s := startRedis(t)
	rec := new(recorder)
	const calls, window = 5, 500 * time.Millisecond
	limiters := map[string]*redislimit.Limiter{
		"default":    redislimit.New(s.Client(t), redislimit.WithLimit(calls, window), patient),
		"nil logger": redislimit.New(s.Client(t), redislimit.WithLimit(calls, window), patient, redislimit.WithLogger(nil)),
		"logger":     redislimit.New(s.Client(t), redislimit.WithLimit(calls, window), patient, redislimit.WithLogger(slog.New(rec))),
	}
	ctx := context.Background()
	wait := func() { // at once: with Redis down each Wait may take the operation timeout
		var wg sync.WaitGroup
		for name, l := range limiters {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := l.Wait(ctx, testKey); err != nil {
					t.Errorf("%s: %v", name, err)
				}
			}()
		}
		wg.Wait()
	}
	wait()
	s.Kill()
	wait() // falls back
	for name, l := range limiters {
		if !l.Degraded() {
			t.Fatalf("%s: not degraded with Redis down", name)
		}
	}
	s.Restart()
	if d, ok := eventually(10*time.Second, func() bool {
		for _, l := range limiters {
			if l.Degraded() {
				return false
			}
		}
		return true
	}); !ok {
		t.Fatalf("still degraded %v after Redis came back", d)
	}
	for _, l := range limiters {
		l.Close()
	}

	if s := out.String(); s != "" {
		t.Errorf("the limiters wrote to the global loggers:\n%s", s)
	}
	records := rec.take()
	if len(records) != 2 {
		t.Fatalf("%d records, want a Warn and an Info: %v", len(records), records)
	}
	warn, info := records[0], records[1]
	attrs := map[string]slog.Value{}
	warn.Attrs(func(a slog.Attr) bool {
		attrs[a.Key] = a.Value
		return true
	})
	if warn.Level != slog.LevelWarn || len(attrs) != 3 {
		t.Errorf("first record: %v %q %v, want a Warn with error, calls and window", warn.Level, warn.Message, attrs)
	}
	if err, ok := attrs["error"].Any().(error); !ok || err == nil {
		t.Errorf("error attribute %v (%T), want the error value", attrs["error"], attrs["error"].Any())
	}
	if c := attrs["calls"]; c.Kind() != slog.KindInt64 || c.Int64() != calls {
		t.Errorf("calls attribute %v, want %d", c, calls)
	}
	if w := attrs["window"]; w.Kind() != slog.KindDuration || w.Duration() != window {
		t.Errorf("window attribute %v, want %v", w, window)
	}
	if info.Level != slog.LevelInfo || info.NumAttrs() != 0 {
		t.Errorf("second record: %v %q with %d attributes, want an Info", info.Level, info.Message, info.NumAttrs())
	}
}
