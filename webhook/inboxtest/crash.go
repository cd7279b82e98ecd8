package inboxtest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/amity-go/amity/webhook"
)

// The crash test: receiver processes with an inbox are sent signed deliveries, each event
// unique, while one of them is killed with SIGKILL at random moments and started again.
// Each run of a handler appends the event's ID to a log. Every delivery answered 200 must
// be in the log in the end (0 lost), and, with one worker per receiver, an event runs
// twice only when a kill lands between its handler's end and the record of it: at most one
// extra run per kill.
//
// A receiver is the test binary run again with ReceiverEnv set: its TestMain calls
// Receive, which serves a Handler on the inbox its open function returns.

// ReceiverEnv, set to the log's path, makes a test binary a crash receiver (see Receive).
const ReceiverEnv = "AMITY_INBOX_CRASH_LOG"

// receiverLease is the receivers' lease: the wait before a killed receiver's run is taken
// again.
const receiverLease = 500 * time.Millisecond

// Receiving reports whether this process is a crash receiver (ReceiverEnv is set).
func Receiving() bool { return os.Getenv(ReceiverEnv) != "" }

// Receive runs a crash receiver and returns its exit code; call it from TestMain when
// Receiving. open returns the inbox (from this process's environment, set by
// CrashConfig.Env) and its close function. The receiver listens on a free loopback port,
// writes "ADDR host:port" to stdout, runs a Handler with one worker on the inbox whose
// handler appends each event's post ID to the log, and on SIGTERM closes everything and
// exits 0.
func Receive(open func() (webhook.Inbox, func() error, error)) int {
	fail := func(err error) int {
		fmt.Fprintln(os.Stderr, "receiver:", err)
		return 2
	}
	logf, err := os.OpenFile(os.Getenv(ReceiverEnv), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fail(err)
	}
	defer logf.Close()
	store, closeStore, err := open()
	if err != nil {
		return fail(err)
	}
	defer func() { _ = closeStore() }()
	h, err := webhook.NewHandler(secret, webhook.WithInbox(store), webhook.WithWorkers(1),
		webhook.WithLease(receiverLease), webhook.WithRetryBackoff(10*time.Millisecond, 100*time.Millisecond))
	if err != nil {
		return fail(err)
	}
	webhook.On(h, webhook.EventPostDidCreate, func(_ context.Context, _ *webhook.Event, d *webhook.PostEvent) error {
		_, err := logf.WriteString(postID(d) + "\n") // one write: whole lines, whatever kills it
		return err
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fail(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(l) }()
	fmt.Printf("ADDR %s\n", l.Addr())
	term := make(chan os.Signal, 1)
	signal.Notify(term, syscall.SIGTERM)
	<-term
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
	if err := h.Close(ctx); err != nil {
		return fail(err)
	}
	return 0
}

// CrashConfig is the size and the receivers of a crash test.
type CrashConfig struct {
	// Deliveries is how many unique events are sent; Kills how many times the first
	// receiver is killed while they are sent.
	Deliveries, Kills int
	// Receivers is how many receiver processes share the inbox (default 1); only the first
	// is killed.
	Receivers int
	// Env is the environment a receiver needs to open the inbox (its file, the Redis
	// address), besides ReceiverEnv.
	Env []string
	// AfterKill, when set, runs after the kill number k (from 1), before the receiver is
	// started again: the Redis variant restarts its server there once.
	AfterKill func(k int)
}

// CrashResult is what a crash test measured.
type CrashResult struct {
	Deliveries, Acked, Kills, Lost, ExtraRuns int
	Took                                      time.Duration
}

// String is the figures in one line, as the test logs them.
func (r CrashResult) String() string {
	return fmt.Sprintf("%d deliveries, %d answered 200, %d kills, %d lost, %d extra runs, in %v",
		r.Deliveries, r.Acked, r.Kills, r.Lost, r.ExtraRuns, r.Took.Round(time.Millisecond))
}

// receiver is one receiver process.
type receiver struct {
	cmd    *exec.Cmd
	addr   string
	exited chan struct{}
	stderr *lockedWriter
}

// startReceiver starts the test binary as a receiver and waits for its address.
func startReceiver(logPath string, env []string) (*receiver, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), ReceiverEnv+"="+logPath), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	stderr := &lockedWriter{w: new(bytes.Buffer)}
	r := &receiver{cmd: cmd, exited: make(chan struct{}), stderr: stderr}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		_ = cmd.Wait()
		close(r.exited)
	}()
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), "ADDR "); ok {
				addr <- a
			}
		}
	}()
	select {
	case r.addr = <-addr:
		return r, nil
	case <-r.exited:
		return nil, fmt.Errorf("the receiver exited at start: %s", r.stderr)
	case <-time.After(30 * time.Second):
		r.kill()
		return nil, errors.New("the receiver did not start within 30 s")
	}
}

// lockedWriter serialises the writes of a process's stderr with the reads of the test.
type lockedWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (l *lockedWriter) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.String()
}

func (r *receiver) kill() {
	_ = r.cmd.Process.Kill()
	<-r.exited
}

// stop ends the receiver with SIGTERM and waits for it (SIGKILL after 20 s).
func (r *receiver) stop(t *testing.T) {
	_ = r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-r.exited:
		if code := r.cmd.ProcessState.ExitCode(); code != 0 {
			t.Errorf("the receiver exited %d: %s", code, r.stderr)
		}
	case <-time.After(20 * time.Second):
		r.kill()
		t.Error("the receiver did not stop within 20 s of SIGTERM")
	}
}

// Crash runs the crash test and returns its figures; it fails t when a delivery answered
// 200 is lost, and, for one receiver, when there are more extra runs than kills.
func Crash(t *testing.T, cfg CrashConfig) CrashResult {
	start := time.Now()
	if cfg.Receivers < 1 {
		cfg.Receivers = 1
	}
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 19))
	t.Logf("seed %d", seed)
	logPath := t.TempDir() + "/runs.log"

	var mu sync.Mutex // guards recv
	recv := make([]*receiver, cfg.Receivers)
	for i := range recv {
		r, err := startReceiver(logPath, cfg.Env)
		if err != nil {
			t.Fatal(err)
		}
		recv[i] = r
	}
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		for _, r := range recv {
			if r != nil {
				r.kill()
			}
		}
	}()
	addrOf := func(i int) string { // "" while the receiver is down
		mu.Lock()
		defer mu.Unlock()
		if r := recv[i%len(recv)]; r != nil {
			return r.addr
		}
		return ""
	}
	var errMu sync.Mutex
	var firstErr error // the first error of the goroutines
	setErr := func(err error) {
		errMu.Lock()
		defer errMu.Unlock()
		if firstErr == nil {
			firstErr = err
		}
	}

	// Kill points: acked counts at which the first receiver is killed.
	points := make([]int, cfg.Kills)
	for i := range points {
		points[i] = 1 + rng.IntN(max(cfg.Deliveries-1, 1))
	}
	slices.Sort(points)
	var acked atomic.Int64
	killerDone := make(chan struct{})
	kills := 0
	go func() {
		defer close(killerDone)
		for _, p := range points {
			for acked.Load() < int64(p) {
				time.Sleep(time.Millisecond)
			}
			time.Sleep(time.Duration(rng.IntN(5000)) * time.Microsecond)
			mu.Lock()
			old := recv[0]
			recv[0] = nil
			mu.Unlock()
			old.kill()
			kills++
			if cfg.AfterKill != nil {
				cfg.AfterKill(kills)
			}
			r, err := startReceiver(logPath, cfg.Env)
			if err != nil {
				setErr(err)
				return
			}
			mu.Lock()
			recv[0] = r
			mu.Unlock()
		}
	}()

	// The senders: each delivery is sent until it is answered 200, as Amity sends a
	// delivery again that did not get one.
	client := &http.Client{Timeout: 5 * time.Second}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= cfg.Deliveries {
					return
				}
				body := Body(fmt.Sprint("crash-", i))
				for try := 0; ; try++ {
					if try == 6000 {
						setErr(fmt.Errorf("delivery %d not accepted after %d tries", i, try))
						return
					}
					addr := addrOf(i + try)
					if addr == "" {
						time.Sleep(5 * time.Millisecond)
						continue
					}
					if send(client, addr, body) == http.StatusOK {
						acked.Add(1)
						break
					}
					time.Sleep(5 * time.Millisecond)
				}
			}
		}()
	}
	wg.Wait()
	<-killerDone
	errMu.Lock()
	err := firstErr
	errMu.Unlock()
	if err != nil {
		t.Fatal(err)
	}

	// Every delivery was answered 200: wait until each ran, then stop the receivers.
	want := map[string]bool{}
	for i := range cfg.Deliveries {
		want[fmt.Sprint("crash-", i)] = true
	}
	var lines []string
	deadline := time.Now().Add(2 * time.Minute)
	for {
		b, err := os.ReadFile(logPath)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		lines = strings.Fields(string(b))
		if distinct(lines) >= len(want) || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	mu.Lock()
	rs := append([]*receiver(nil), recv...)
	for i := range recv {
		recv[i] = nil
	}
	mu.Unlock()
	for _, r := range rs {
		r.stop(t)
	}
	b, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	lines = strings.Fields(string(b))
	seen := map[string]int{}
	for _, l := range lines {
		if !want[l] {
			t.Errorf("the log holds %q, never sent", l)
		}
		seen[l]++
	}
	res := CrashResult{Deliveries: cfg.Deliveries, Acked: int(acked.Load()), Kills: kills, Took: time.Since(start)}
	for id := range want {
		if seen[id] == 0 {
			res.Lost++
		}
	}
	res.ExtraRuns = len(lines) - len(seen)
	t.Log(res)
	if res.Lost != 0 {
		t.Errorf("%d deliveries answered 200 never ran", res.Lost)
	}
	if cfg.Receivers == 1 && res.ExtraRuns > res.Kills {
		t.Errorf("%d extra runs for %d kills: want at most one per kill", res.ExtraRuns, res.Kills)
	}
	return res
}

// send posts body, signed, to addr and returns the status (0 when the request failed).
func send(c *http.Client, addr string, body []byte) int {
	req, err := http.NewRequest(http.MethodPost, "http://"+addr+"/", bytes.NewReader(body))
	if err != nil {
		return 0
	}
	req.Header.Set(webhook.SignatureHeader, webhook.Sign(body, secret))
	resp, err := c.Do(req)
	if err != nil {
		return 0
	}
	_ = resp.Body.Close()
	return resp.StatusCode
}

func distinct(lines []string) int {
	m := make(map[string]struct{}, len(lines))
	for _, l := range lines {
		m[l] = struct{}{}
	}
	return len(m)
}
