package bulk_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/amity-go/amity/bulk"
)

// states reads a journal back: the last state of each key, and the number of lines per key.
func states(t *testing.T, path string) (map[string]bulk.State, map[string]int) {
	t.Helper()
	last, lines := map[string]bulk.State{}, map[string]int{}
	for e, err := range bulk.ReadJournal(path) {
		if err != nil {
			t.Fatal(err)
		}
		last[e.Key] = e.State
		lines[e.Key]++
	}
	return last, lines
}

func open(t *testing.T, path string) *bulk.Journal {
	t.Helper()
	j, err := bulk.OpenJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	return j
}

var errRefused = &amity.Error{StatusCode: http.StatusForbidden, Message: "refused"}

// TestRunRecordsEachOutcome: every item ends in one state; a resumed run passes over what
// succeeded or was skipped, and what failed unless WithRetryFailed.
func TestRunRecordsEachOutcome(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	items := []string{"ok1", "ok2", "skip", "fail", "ok3"}
	var calls sync.Map
	job := bulk.Job[string]{
		Key: func(s string) string { return s },
		Do: func(_ context.Context, s string) error {
			n, _ := calls.LoadOrStore(s, new(atomic.Int32))
			n.(*atomic.Int32).Add(1)
			switch s {
			case "skip":
				return fmt.Errorf("%w: a dry run", bulk.ErrSkip)
			case "fail":
				return errRefused
			}
			return nil
		},
	}
	j := open(t, path)
	stats, err := bulk.Run(context.Background(), bulk.Slice(items), job, bulk.WithJournal(j))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Succeeded != 3 || stats.Skipped != 1 || stats.Failed != 1 || stats.Unknown != 0 {
		t.Fatalf("stats %+v", stats)
	}
	j.Close()
	last, _ := states(t, path)
	want := map[string]bulk.State{"ok1": bulk.Succeeded, "ok2": bulk.Succeeded, "ok3": bulk.Succeeded, "skip": bulk.Skipped, "fail": bulk.Failed}
	for k, s := range want {
		if last[k] != s {
			t.Errorf("%s: %q, want %q", k, last[k], s)
		}
	}

	// Resume: nothing runs again.
	stats, err = bulk.Run(context.Background(), bulk.Slice(items), job, bulk.WithJournal(open(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Resumed != 5 || stats.Done() != 0 {
		t.Fatalf("resumed run: %+v", stats)
	}
	// Resume with WithRetryFailed: only the failed item runs again.
	stats, err = bulk.Run(context.Background(), bulk.Slice(items), job, bulk.WithJournal(open(t, path)), bulk.WithRetryFailed())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Resumed != 4 || stats.Failed != 1 || stats.Done() != 1 {
		t.Fatalf("retry failed: %+v", stats)
	}
	for _, k := range items {
		n, _ := calls.Load(k)
		want := int32(1)
		if k == "fail" {
			want = 2
		}
		if got := n.(*atomic.Int32).Load(); got != want {
			t.Errorf("%s run %d times, want %d", k, got, want)
		}
	}
}

// lossy is a round tripper that sends every request and loses the answer of the first n
// POSTs: the write is applied, the client sees a transport error.
type lossy struct {
	n    atomic.Int32
	next http.RoundTripper
}

func (l *lossy) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := l.next.RoundTrip(r)
	if err == nil && r.Method == http.MethodPost && l.n.Add(-1) >= 0 {
		resp.Body.Close()
		return nil, errors.New("connection reset after the request was sent")
	}
	return resp, err
}

// importJob registers a session per user (which creates the user) and checks, for an item of
// unknown outcome, whether the user exists with its display name.
func importJob(c *amity.Client, registered *atomic.Int32) bulk.Job[[2]string] {
	return bulk.Job[[2]string]{
		Key: func(u [2]string) string { return u[0] },
		Do: func(ctx context.Context, u [2]string) error {
			registered.Add(1)
			_, err := c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: u[0], DeviceID: "import", DisplayName: u[1]})
			return err
		},
		Check: func(ctx context.Context, u [2]string) (bool, error) {
			p, err := c.Users.Get(ctx, u[0])
			if errors.Is(err, amity.ErrNotFound) {
				return false, nil
			}
			if err != nil {
				return false, err
			}
			return p.User().DisplayName == u[1], nil
		},
	}
}

// TestUnknownIsCheckedNotRepeated: a write whose answer was lost is recorded as unknown;
// the resumed run checks it with a read and does not write it again; without a Check it is
// left alone unless WithRetryUnknown.
func TestUnknownIsCheckedNotRepeated(t *testing.T) {
	fake := amitytest.NewServer()
	defer fake.Close()
	rt := &lossy{next: http.DefaultTransport}
	rt.n.Store(2)
	c, err := amity.NewClient(amity.WithBaseURL(fake.URL()), amity.WithAdminToken(fake.AdminToken()), amity.WithAPIKey(fake.APIKey()),
		amity.WithHTTPClient(&http.Client{Transport: rt}), amity.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	users := [][2]string{{"u1", "One"}, {"u2", "Two"}}
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	var registered atomic.Int32
	job := importJob(c, &registered)
	stats, err := bulk.Run(context.Background(), bulk.Slice(users), job, bulk.WithJournal(open(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Unknown != 2 {
		t.Fatalf("first run: %+v, want 2 unknown", stats)
	}
	// Without a Check, unknown items are not run again.
	noCheck := job
	noCheck.Check = nil
	stats, err = bulk.Run(context.Background(), bulk.Slice(users), noCheck, bulk.WithJournal(open(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Resumed != 2 || registered.Load() != 2 {
		t.Fatalf("no check: %+v, %d registrations", stats, registered.Load())
	}
	// With the Check: both users exist, no registration is made again.
	stats, err = bulk.Run(context.Background(), bulk.Slice(users), job, bulk.WithJournal(open(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Checked != 2 || stats.Succeeded != 2 || registered.Load() != 2 {
		t.Fatalf("check: %+v, %d registrations", stats, registered.Load())
	}
	last, _ := states(t, path)
	if last["u1"] != bulk.Succeeded || last["u2"] != bulk.Succeeded {
		t.Fatalf("journal: %v", last)
	}
}

// TestCheckFalseWritesAgain: an unknown item whose check finds the work not done is written.
func TestCheckFalseWritesAgain(t *testing.T) {
	fake := amitytest.NewServer()
	defer fake.Close()
	c, err := amity.NewClient(amity.WithBaseURL(fake.URL()), amity.WithAdminToken(fake.AdminToken()), amity.WithAPIKey(fake.APIKey()))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := open(t, path)
	if err := j.Record("u9", bulk.Started, nil); err != nil { // a process killed during the call
		t.Fatal(err)
	}
	j.Close()
	var registered atomic.Int32
	stats, err := bulk.Run(context.Background(), bulk.Slice([][2]string{{"u9", "Nine"}}), importJob(c, &registered), bulk.WithJournal(open(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Checked != 0 || stats.Succeeded != 1 || registered.Load() != 1 {
		t.Fatalf("%+v, %d registrations", stats, registered.Load())
	}
}

// TestConcurrencyPerIdentity: one identity never has more calls in flight than its window
// serves; several identities run in parallel.
func TestConcurrencyPerIdentity(t *testing.T) {
	const window = 4
	var mu sync.Mutex
	inFlight, most := map[string]int{}, map[string]int{}
	total, mostTotal := 0, 0
	items := make([]int, 60)
	for i := range items {
		items[i] = i
	}
	job := bulk.Job[int]{
		Key:      func(i int) string { return fmt.Sprint(i) },
		Identity: func(i int) string { return fmt.Sprint("user", i%3) },
		Do: func(_ context.Context, i int) error {
			id := fmt.Sprint("user", i%3)
			mu.Lock()
			inFlight[id]++
			total++
			most[id] = max(most[id], inFlight[id])
			mostTotal = max(mostTotal, total)
			mu.Unlock()
			time.Sleep(20 * time.Millisecond)
			mu.Lock()
			inFlight[id]--
			total--
			mu.Unlock()
			return nil
		},
	}
	if _, err := bulk.Run(context.Background(), bulk.Slice(items), job, bulk.WithWindow(window, time.Second)); err != nil {
		t.Fatal(err)
	}
	for id, n := range most {
		if n > window {
			t.Errorf("%s had %d calls in flight, its window serves %d", id, n, window)
		}
	}
	if mostTotal <= window {
		t.Errorf("at most %d calls in flight over 3 identities: they did not run in parallel", mostTotal)
	}
}

// TestProgressAndETA: the callback gets the counts, and the ETA is the items left at the
// identities' ceiling.
func TestProgressAndETA(t *testing.T) {
	var got []bulk.Stats
	items := make([]int, 10)
	job := bulk.Job[int]{Key: func(i int) string { return fmt.Sprint(i) }, Do: func(context.Context, int) error { return nil }}
	_, err := bulk.Run(context.Background(), bulk.Slice(items[:1]), job, bulk.WithTotal(1001),
		bulk.WithProgress(func(s bulk.Stats) { got = append(got, s) }, time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d progress calls, want the final one", len(got))
	}
	s := got[0]
	// 1000 items left at 100 calls per 5.2 s (the SDK limiter's margin): 52 s.
	if s.Succeeded != 1 || s.Total != 1001 || s.ETA != 52*time.Second {
		t.Fatalf("final progress %+v", s)
	}
	if !strings.Contains(s.String(), "1/1001 done") || !strings.Contains(s.String(), "ETA 52s") {
		t.Errorf("progress line %q", s.String())
	}
}

// TestJournalCutLine: a last line cut short by a kill is ignored, and the next entry starts
// on a line of its own.
func TestJournalCutLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	if err := os.WriteFile(path, []byte(`{"key":"a","state":"succeeded"}`+"\n"+`{"key":"b","sta`), 0o644); err != nil {
		t.Fatal(err)
	}
	j := open(t, path)
	if s, _ := j.State("a"); s != bulk.Succeeded {
		t.Fatalf("a: %q", s)
	}
	if _, ok := j.State("b"); ok {
		t.Fatal("b read from a cut line")
	}
	if err := j.Record("b", bulk.Failed, errors.New("boom")); err != nil {
		t.Fatal(err)
	}
	j.Close()
	last, _ := states(t, path)
	if last["b"] != bulk.Failed || last["a"] != bulk.Succeeded {
		t.Fatalf("journal: %v", last)
	}
	if err := os.WriteFile(path, []byte("garbage\n"+`{"key":"a","state":"succeeded"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := bulk.OpenJournal(path); err == nil {
		t.Fatal("a journal with a bad line in the middle opened")
	}
}

// TestIsUnknown: the SDK's malformed answers and transport errors are unknown; API answers
// and refusals before sending are not.
func TestIsUnknown(t *testing.T) {
	fake := amitytest.NewServer()
	defer fake.Close()
	c, err := amity.NewClient(amity.WithBaseURL(fake.URL()), amity.WithAdminToken(fake.AdminToken()), amity.WithAPIKey(fake.APIKey()), amity.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	create := func() error {
		_, err := c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "x"})
		return err
	}
	fake.MalformedNext(1)
	if err := create(); !bulk.IsUnknown(err) {
		t.Errorf("malformed answer %v: not unknown", err)
	}
	fake.FailNext(1, http.StatusForbidden)
	if err := create(); err == nil || bulk.IsUnknown(err) {
		t.Errorf("403 %v: unknown", err)
	}
	if _, err := c.Communities.Create(ctx, nil); err == nil || bulk.IsUnknown(err) {
		t.Errorf("validation error %v: unknown", err)
	}
	fake.DropNext(1)
	if err := create(); !bulk.IsUnknown(err) {
		t.Errorf("dropped connection %v: not unknown", err)
	}
	if !bulk.IsUnknown(errors.New("an error of Do's own")) {
		t.Error("an unclassified error is known")
	}
	closed, _ := amity.NewClient(amity.WithBaseURL("http://127.0.0.1:1"), amity.WithAdminToken("t"), amity.WithMaxRetries(0))
	_, err = closed.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "x"})
	if err == nil || bulk.IsUnknown(err) {
		t.Errorf("connection refused %v: unknown", err)
	}
	closed.Close()
	if _, err := closed.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "x"}); err == nil || bulk.IsUnknown(err) {
		t.Errorf("closed client %v: unknown", err)
	}
}

// TestStopsAtSourceError: an error of the stream ends the run with that error, after the
// items already handed over are done; the next items are not run.
func TestStopsAtSourceError(t *testing.T) {
	broken := errors.New("the disk went away")
	items := func(yield func(int, error) bool) {
		for i := range 3 {
			if !yield(i, nil) {
				return
			}
		}
		if !yield(0, broken) {
			return
		}
		yield(99, nil)
	}
	var ran sync.Map
	job := bulk.Job[int]{Key: func(i int) string { return fmt.Sprint(i) }, Do: func(_ context.Context, i int) error {
		ran.Store(i, true)
		return nil
	}}
	var final bulk.Stats
	stats, err := bulk.Run(context.Background(), items, job, bulk.WithProgress(func(s bulk.Stats) { final = s }, 0))
	if !errors.Is(err, broken) {
		t.Fatalf("error %v, want the stream's", err)
	}
	if _, ok := ran.Load(99); ok || stats.Succeeded != 3 || final != stats {
		t.Fatalf("stats %+v, progress %+v", stats, final)
	}
}

// TestCancelRecordsInFlightAsUnknown: when ctx ends, an item whose request was sent is
// recorded as unknown (started, then unknown); one still waiting for its turn (here: for the
// first to finish, as behind the rate limiter) is not recorded, and the next run does it.
func TestCancelRecordsInFlightAsUnknown(t *testing.T) {
	fake := amitytest.NewServer()
	defer fake.Close()
	fake.SetDelay(time.Second) // the run is cancelled 100 ms into the call
	c, err := amity.NewClient(amity.WithBaseURL(fake.URL()), amity.WithAdminToken(fake.AdminToken()), amity.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	sending := make(chan struct{})
	var turn sync.Mutex // one call at a time, as one identity's limiter would pace them
	job := bulk.Job[string]{Key: func(s string) string { return s }, Do: func(ctx context.Context, s string) error {
		if s == "sent" {
			turn.Lock()
			defer turn.Unlock()
			close(sending)
		} else {
			<-sending
			if !turn.TryLock() {
				<-ctx.Done() // waiting for its turn
				return ctx.Err()
			}
		}
		_, err := c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: s})
		return err
	}}
	go func() { <-sending; time.Sleep(100 * time.Millisecond); cancel() }()
	stats, err := bulk.Run(ctx, bulk.Slice([]string{"sent", "waiting"}), job, bulk.WithJournal(open(t, path)))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	last, lines := states(t, path)
	if stats.Unknown != 1 || last["sent"] != bulk.Unknown || lines["sent"] != 2 || len(last) != 1 {
		t.Fatalf("stats %+v, journal %v", stats, last)
	}
}

// TestStartedOnlyWhenSent: the journal's started line is written when a request is sent,
// not for an item whose Do sends nothing.
func TestStartedOnlyWhenSent(t *testing.T) {
	fake := amitytest.NewServer()
	defer fake.Close()
	c, err := amity.NewClient(amity.WithBaseURL(fake.URL()), amity.WithAdminToken(fake.AdminToken()))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	job := bulk.Job[string]{Key: func(s string) string { return s }, Do: func(ctx context.Context, s string) error {
		if s == "local" {
			return nil
		}
		_, err := c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: s})
		return err
	}}
	if _, err := bulk.Run(context.Background(), bulk.Slice([]string{"remote", "local"}), job, bulk.WithJournal(open(t, path))); err != nil {
		t.Fatal(err)
	}
	var seq []string
	for e, err := range bulk.ReadJournal(path) {
		if err != nil {
			t.Fatal(err)
		}
		if e.Key == "remote" {
			seq = append(seq, string(e.State))
		}
	}
	_, lines := states(t, path)
	if fmt.Sprint(seq) != "[started succeeded]" || lines["local"] != 1 {
		t.Fatalf("remote %v, local %d lines", seq, lines["local"])
	}
}
