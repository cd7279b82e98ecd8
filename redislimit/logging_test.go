package redislimit_test

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/amity-go/amity/internal/testkit"
	"github.com/amity-go/amity/redislimit"
)

// Through an outage and its end, a limiter without WithLogger, or with a nil logger, logs
// nothing, neither to slog.Default nor to the standard logger; one with a logger logs one
// Warn with the error and the fallback's limit, and one Info.
func TestLogging(t *testing.T) {
	out := testkit.CaptureGlobalLogs(t)
	s := startRedis(t)
	rec := new(testkit.LogRecorder)
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
	records := rec.Take()
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
