package redisserver_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/amity-go/amity/internal/redisserver"
)

// fakeTB stands in for a test's testing.TB when a helper's failure is the subject: it
// records Fatal and Skip (ending the calling goroutine, as the testing package does) and
// keeps the cleanups for the test to run.
type fakeTB struct {
	testing.TB // the real test: TempDir, Logf

	mu       sync.Mutex
	fatal    string
	skipped  bool
	cleanups []func()
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Cleanup(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cleanups = append(f.cleanups, fn)
}

func (f *fakeTB) Fatal(args ...any) { f.fail(fmt.Sprint(args...)) }

func (f *fakeTB) Fatalf(format string, args ...any) { f.fail(fmt.Sprintf(format, args...)) }

func (f *fakeTB) Skip(args ...any) {
	f.mu.Lock()
	f.skipped = true
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeTB) fail(msg string) {
	f.mu.Lock()
	f.fatal = msg
	f.mu.Unlock()
	runtime.Goexit()
}

// run calls fn with f in a goroutine of its own (Fatal ends it), then runs the cleanups
// fn registered, last first.
func (f *fakeTB) run(fn func(testing.TB)) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(f)
	}()
	<-done
	f.mu.Lock()
	cs := f.cleanups
	f.cleanups = nil
	f.mu.Unlock()
	for i := len(cs) - 1; i >= 0; i-- {
		cs[i]()
	}
}

// redisChildren lists the redis-server processes whose parent is this test process, zombies
// included (a child that exited and was not waited for), as "pid state".
func redisChildren(t *testing.T) []string {
	t.Helper()
	stats, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		t.Fatal(err)
	}
	me := os.Getpid()
	var out []string
	for _, p := range stats {
		b, err := os.ReadFile(p)
		if err != nil {
			continue // it ended meanwhile
		}
		// pid (comm) state ppid ...: comm may hold spaces, so split after its last ')'.
		s := string(b)
		open, closing := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || closing < open {
			continue
		}
		f := strings.Fields(s[closing+1:])
		if len(f) < 2 || !strings.HasPrefix(s[open+1:closing], "redis-server") {
			continue
		}
		if ppid, _ := strconv.Atoi(f[1]); ppid == me {
			out = append(out, strings.TrimSpace(s[:open])+" "+f[0])
		}
	}
	return out
}

// TestStartFailureLeavesNoProcess: when the server Start starts exits at once (a bad
// option, a port in use) or never answers, the helper fails the test and leaves no
// redis-server process behind, running or unreaped.
func TestStartFailureLeavesNoProcess(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc: cannot list child processes")
	}
	busy := redisserver.Start(t)           // a port in use
	sockDir, err := os.MkdirTemp("", "rl") // short: a socket's path has at most 107 bytes
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(sockDir)
	defer func(d time.Duration) { redisserver.StartTimeout = d }(redisserver.StartTimeout)
	redisserver.StartTimeout = time.Second
	for name, extra := range map[string][]string{
		"bad option":  {"--no-such-option", "x"},
		"port in use": {"--port", strconv.Itoa(busy.Port)},
		// No TCP listener, only a Unix socket: the server runs but never answers on its port.
		"never answers": {"--port", "0", "--unixsocket", filepath.Join(sockDir, "redis.sock")},
	} {
		before := redisChildren(t)
		f := &fakeTB{TB: t}
		start := time.Now()
		f.run(func(tb testing.TB) { redisserver.Start(tb, extra...) })
		if f.fatal == "" || f.skipped {
			t.Errorf("%s: Start did not fail the test (skipped %v)", name, f.skipped)
		}
		t.Logf("%s: failed after %v: %s", name, time.Since(start).Round(time.Millisecond), firstLine(f.fatal))
		if after := redisChildren(t); len(after) != len(before) {
			t.Errorf("%s: redis-server children before %q, after the failed start %q: the helper leaked the process", name, before, after)
		}
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
