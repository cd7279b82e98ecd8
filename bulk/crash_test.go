package bulk_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/amity-go/amity/bulk"
)

var crashFull = flag.Bool("bulk.crash.full", false, "run TestCrashResume at full size: 10,000 rows, 10 kills, the API's window of 100 calls per 5 s")

// The child process of TestCrashResume: the test binary run again with these variables set.
const (
	envChild   = "BULK_CRASH_CHILD"
	envURL     = "BULK_CRASH_URL"
	envCSV     = "BULK_CRASH_CSV"
	envJournal = "BULK_CRASH_JOURNAL"
	envWindow  = "BULK_CRASH_WINDOW"
)

// TestCrashResume imports users from a CSV file in a child process that is killed with
// SIGKILL at random moments and started again on the same journal, against a fake that
// lives in this process (its state survives the kills). Every row must end in exactly one
// outcome (a malformed row skipped, every other user registered), and no user may be
// registered more than once beyond one per kill. It logs the sustained rate against the
// identity's ceiling. By default 1,000 rows, 3 kills and a window of 100 calls per second;
// with -bulk.crash.full 10,000 rows, 10 kills and the API's 100 calls per 5 s (about 9
// minutes).
func TestCrashResume(t *testing.T) {
	if os.Getenv(envChild) != "" {
		t.Skip("the child process runs TestCrashResumeChild")
	}
	rows, kills, window := 1000, 3, time.Second
	if *crashFull {
		rows, kills, window = 10000, 10, 5*time.Second
	}
	f := crashResume(t, rows, kills, window)
	t.Logf("%d rows, %d kills in %v: %d registrations (%d beyond one per user), %d checks; rows %.1f/s (%.1f%% of the ceiling of %.1f calls/s); "+
		"calls accepted %.1f/s (%.1f%%; each restarted process's limiter starts with a full window); steady rate of the last run in whole windows after its first %.1f/s (%.1f%%)",
		rows, f.kills, f.elapsed.Round(time.Millisecond), f.registrations, f.duplicates, f.checks,
		float64(rows)/f.elapsed.Seconds(), 100*float64(rows)/f.elapsed.Seconds()/f.ceiling, f.ceiling,
		f.rate, 100*f.rate/f.ceiling, f.steady, 100*f.steady/f.ceiling)
}

// figures are what crashResume measured.
type figures struct {
	kills, registrations, duplicates, checks int
	elapsed                                  time.Duration
	rate, steady, ceiling                    float64 // calls per second
}

func crashResume(t *testing.T, rows, kills int, window time.Duration) figures {
	dir := t.TempDir()
	csvPath, journal := filepath.Join(dir, "users.csv"), filepath.Join(dir, "import.jsonl")
	var csv bytes.Buffer
	csv.WriteString("user_id,display_name\n")
	malformed := map[int]bool{} // line numbers
	for i := 0; i < rows; i++ {
		if i%100 == 50 {
			fmt.Fprintf(&csv, "bad\"%d,row\n", i) // a bare quote: unparsable
			malformed[i+2] = true
			continue
		}
		fmt.Fprintf(&csv, "user%05d,User %d\n", i, i)
	}
	if err := os.WriteFile(csvPath, csv.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	fake := amitytest.NewServer(amitytest.WithRateLimit(100, window))
	defer fake.Close()
	// A proxy in front of the fake times every call the fake accepted.
	target, _ := url.Parse(fake.URL())
	rp := httputil.NewSingleHostReverseProxy(target)
	var mu sync.Mutex
	var first, last time.Time
	var times []time.Time // of every call
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		now := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		rp.ServeHTTP(sw, r)
		if sw.status == http.StatusTooManyRequests {
			return // refused: not a call of the rate
		}
		mu.Lock()
		if first.IsZero() {
			first = now
		}
		last = now
		times = append(times, now)
		mu.Unlock()
	}))
	defer proxy.Close()

	expected := time.Duration(float64(rows) / (100 / (window + window/25).Seconds()) * float64(time.Second))
	killed := 0
	start := time.Now()
	var lastRun time.Time
	for run := 0; ; run++ {
		lastRun = time.Now()
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashResumeChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), envChild+"=1", envURL+"="+proxy.URL, envCSV+"="+csvPath, envJournal+"="+journal,
			envWindow+"="+window.String())
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stderr, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		var err error
		if killed < kills {
			// A random moment in the part of the job left to do.
			left := expected - time.Since(start)
			at := 200*time.Millisecond + time.Duration(rand.Int64N(int64(max(left/time.Duration(kills-killed+1), time.Millisecond))))
			select {
			case err = <-exited:
			case <-time.After(at):
				_ = cmd.Process.Kill() // SIGKILL
				<-exited
				killed++
				continue
			}
		} else {
			err = <-exited
		}
		if err != nil {
			t.Fatalf("run %d: %v\n%s", run, err, stderr.String())
		}
		break
	}
	elapsed := time.Since(start)

	// Every row ends in exactly one outcome.
	last2 := map[string]bulk.State{}
	for e, err := range bulk.ReadJournal(journal) {
		if err != nil {
			t.Fatal(err)
		}
		last2[e.Key] = e.State
	}
	for line := 2; line < rows+2; line++ {
		key, want := fmt.Sprintf("user%05d", line-2), bulk.Succeeded
		if malformed[line] {
			key, want = fmt.Sprintf("line %d", line), bulk.Skipped
		}
		if got := last2[key]; got != want {
			t.Errorf("row %d (%s): %q, want %q", line, key, got, want)
		}
	}
	if len(last2) != rows {
		t.Errorf("the journal holds %d keys for %d rows", len(last2), rows)
	}
	// The registrations the fake received (a request it received is handled to the end, even
	// when the client that sent it was killed), and the users it holds.
	f := figures{kills: killed, elapsed: elapsed, ceiling: 100 / window.Seconds()}
	for _, r := range fake.Requests() {
		switch {
		case r.Method == http.MethodPost && r.Path == "/api/v5/sessions":
			f.registrations++
		case r.Method == http.MethodGet:
			f.checks++
		}
	}
	fake.SetRateLimitEnabled(false)
	c, err := amity.NewClient(amity.WithBaseURL(fake.URL()), amity.WithAdminToken(fake.AdminToken()), amity.WithoutRateLimit())
	if err != nil {
		t.Fatal(err)
	}
	users := 0
	for from := 0; from < rows; from += 100 {
		var ids []string
		for i := from; i < min(from+100, rows); i++ {
			if !malformed[i+2] {
				ids = append(ids, fmt.Sprintf("user%05d", i))
			}
		}
		p, err := c.Users.GetMany(context.Background(), &amity.GetManyUsersParams{UserIDs: ids})
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range p.Users {
			if n, err := strconv.Atoi(strings.TrimPrefix(u.UserID, "user")); err == nil && u.DisplayName == fmt.Sprint("User ", n) {
				users++
			}
		}
	}
	if want := rows - len(malformed); users != want {
		t.Errorf("%d users registered with their names, want %d", users, want)
	}
	f.duplicates = f.registrations - users
	if f.duplicates > killed {
		t.Errorf("%d registrations beyond one per user, after %d kills", f.duplicates, killed)
	}
	if killed != kills {
		t.Errorf("killed %d times, want %d (the job finished first)", killed, kills)
	}
	mu.Lock()
	defer mu.Unlock()
	if secs := last.Sub(first).Seconds(); secs > 0 {
		f.rate = float64(len(times)) / secs
	}
	// The steady rate: the calls of the last run (never killed) in whole windows after its
	// first (a fresh process's limiter starts with a full window, and admits calls in bursts
	// a window apart), or 0 when the run had under 3 such windows.
	span := window + window/25
	var from time.Time
	for _, at := range times {
		if at.After(lastRun) {
			from = at.Add(span)
			break
		}
	}
	if k := int(last.Sub(from) / span); !from.IsZero() && k >= 3 {
		to, n := from.Add(time.Duration(k)*span), 0
		for _, at := range times {
			if !at.Before(from) && at.Before(to) {
				n++
			}
		}
		f.steady = float64(n) / to.Sub(from).Seconds()
	}
	return f
}

// statusWriter keeps the status of the answer it writes.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// TestCrashResumeChild is the child process of TestCrashResume: the import itself.
func TestCrashResumeChild(t *testing.T) {
	if os.Getenv(envChild) == "" {
		t.Skip("run by TestCrashResume")
	}
	window, err := time.ParseDuration(os.Getenv(envWindow))
	if err != nil {
		t.Fatal(err)
	}
	c, err := amity.NewClient(amity.WithBaseURL(os.Getenv(envURL)), amity.WithAdminToken("amitytest-admin-token"),
		amity.WithAPIKey("amitytest-api-key"), amity.WithRateLimit(100, window))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(os.Getenv(envCSV))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	j, err := bulk.OpenJournal(os.Getenv(envJournal))
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	job := bulk.Job[bulk.Row]{
		Key: func(r bulk.Row) string {
			if r.Err != nil {
				return "line " + strconv.Itoa(r.Line)
			}
			return r.Get("user_id")
		},
		Do: func(ctx context.Context, r bulk.Row) error {
			if r.Err != nil {
				return fmt.Errorf("%w: %v", bulk.ErrSkip, r.Err)
			}
			_, err := c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: r.Get("user_id"), DeviceID: "import",
				DisplayName: r.Get("display_name")})
			return err
		},
		Check: func(ctx context.Context, r bulk.Row) (bool, error) {
			u, err := c.Users.Get(ctx, r.Get("user_id"))
			if errors.Is(err, amity.ErrNotFound) {
				return false, nil
			}
			return err == nil && u.User().DisplayName == r.Get("display_name"), err
		},
	}
	if _, err := bulk.Run(context.Background(), bulk.CSV(f), job, bulk.WithJournal(j), bulk.WithWindow(100, window)); err != nil {
		t.Fatal(err)
	}
}
