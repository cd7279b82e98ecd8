// Package testlock serializes the real-time tests of the module across test processes.
//
// `go test ./...` runs the packages' test binaries in parallel. A few tests measure time
// itself — the rate limiter's arrival windows in the root package and in redislimit, which
// the limiter's 4% arrival margin must cover — and a neighbouring binary hammering the same
// two cores can delay one goroutine by more than that margin. Those tests call RealTime,
// which holds an exclusive file lock for the test's duration, so no two of them run at once,
// whichever packages they are in.
package testlock

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// RealTime blocks until no other real-time test of the module runs, and holds that until tb
// ends.
func RealTime(tb testing.TB) {
	tb.Helper()
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "amity-go-realtime-tests.lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		tb.Fatalf("testlock: %v", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		tb.Fatalf("testlock: %v", err)
	}
	tb.Cleanup(func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	})
}
