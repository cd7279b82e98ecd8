// Package bulk runs long jobs against the rate-limited Amity API: a function over a stream of
// items (an iter.Seq2 from any List, a CSV file, a slice), each item's outcome recorded in a
// journal on disk, so that a job killed, redeployed or stopped by a network fault resumes
// where it stopped, with every item in exactly one known state and no write blindly repeated.
//
// Run calls Job.Do on every item, with as many calls in flight per identity (the admin, or a
// user acting through Client.AsUser) as that identity's rate-limit window serves: 100 calls
// per 5 s by default, the API's limit (WithWindow). Items of several identities run in
// parallel. Each outcome is a line of the Journal: succeeded, failed (with the error),
// skipped (Do returned ErrSkip), or unknown: a write whose answer was lost (the SDK's
// ErrMalformedResponse, a timeout or a dropped connection after sending, a process killed
// during the call). A resumed run skips what succeeded or was skipped, retries what failed
// only with WithRetryFailed, and calls Job.Check, a read, on each unknown item before writing
// it again; without a Check an unknown item is left alone unless WithRetryUnknown says the
// write is safe to repeat.
//
// Progress (items done, failed, the rate, and an ETA from the rate limit) goes to the
// callback of WithProgress. For a listing whose membership the job changes (deleting flagged
// posts, banning the members of a filtered list), give Run the items amity.Sweep hands its
// action, or run the job inside Sweep's act: see the package's examples.
package bulk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net"
	"net/http/httptrace"
	"sync"
	"sync/atomic"
	"time"

	"github.com/amity-go/amity"
)

// ErrSkip is returned (or wrapped) by a Job's Do to record its item as skipped, with the
// error's text as the reason: a malformed row, an item a dry run leaves alone.
var ErrSkip = errors.New("bulk: skipped")

// Job is the work Run does on each item of type T.
type Job[T any] struct {
	// Key names an item in the journal: a user ID, a post ID, a CSV line. Keys must be
	// unique in the stream and stable across runs. Required.
	Key func(T) string
	// Do does the work on one item. It returns nil on success, an error matching ErrSkip to
	// skip the item, or the error of the call. Required. Its calls must use the ctx it is
	// given: the runner journals the item as started when Do's first request asks for a
	// connection (a net/http httptrace hook on ctx, after the rate limiter's wait and before
	// anything is sent), so that an item in flight when the process dies reads back as
	// Unknown, while one still waiting for its turn is simply run again.
	Do func(ctx context.Context, item T) error
	// Check reports whether the work of an item whose outcome is unknown was applied (a
	// read: does the user exist with this display name?). Called on a resumed run before Do
	// is called again on such an item; optional.
	Check func(ctx context.Context, item T) (done bool, err error)
	// Identity names the identity Do's calls are made as ("" for the admin, a user ID for
	// an AsUser view), so that each identity gets its own window of concurrent calls.
	// Optional: without it every item is the admin's. Keep the number of identities small
	// (the users a job acts as, not one per item): each has its own workers.
	Identity func(T) string
}

// Stats counts what a run did. It is what WithProgress's callback receives and Run returns.
type Stats struct {
	// Succeeded, Failed, Skipped and Unknown count the items this run recorded in each
	// state; Checked counts the unknown items whose Check found the work done (also in
	// Succeeded).
	Succeeded, Failed, Skipped, Unknown, Checked int
	// Resumed counts the items passed over for the state the journal already held.
	Resumed int
	// Total is the number of items given by WithTotal (0 if not given).
	Total int
	// Elapsed is the time since Run started.
	Elapsed time.Duration
	// Rate is the items recorded per second since Run started.
	Rate float64
	// ETA is the time the items left would take at the identities' rate-limit ceiling
	// (WithWindow, WithCallsPerItem), or 0 when Total is not known.
	ETA time.Duration
}

// Done is the number of items this run recorded, in any state.
func (s Stats) Done() int { return s.Succeeded + s.Failed + s.Skipped + s.Unknown }

// String is a progress line: "1200/10000 done (3 failed, 1 skipped, 0 unknown, 400
// resumed), 19.2/s, ETA 7m38s".
func (s Stats) String() string {
	line := fmt.Sprintf("%d", s.Done()+s.Resumed)
	if s.Total > 0 {
		line += fmt.Sprintf("/%d", s.Total)
	}
	line += fmt.Sprintf(" done (%d failed, %d skipped, %d unknown, %d resumed), %.1f/s", s.Failed, s.Skipped, s.Unknown, s.Resumed, s.Rate)
	if s.ETA > 0 {
		line += ", ETA " + s.ETA.Round(time.Second).String()
	}
	return line
}

// Option configures Run.
type Option func(*config)

type config struct {
	journal       *Journal
	retryFailed   bool
	retryUnknown  bool
	calls         int
	window        time.Duration
	callsPerItem  float64
	total         int
	progress      func(Stats)
	progressEvery time.Duration
	unknown       func(error) bool
	logger        *slog.Logger
}

// WithJournal records each item's outcome in j and passes over the items j already holds as
// succeeded or skipped (and failed, unless WithRetryFailed). Without a journal nothing is
// recorded and every item is run.
func WithJournal(j *Journal) Option { return func(c *config) { c.journal = j } }

// WithRetryFailed runs again the items the journal holds as failed.
func WithRetryFailed() Option { return func(c *config) { c.retryFailed = true } }

// WithRetryUnknown runs again the items the journal holds as unknown when the Job has no
// Check: for work that is safe to repeat (setting a value, an idempotent write).
func WithRetryUnknown() Option { return func(c *config) { c.retryUnknown = true } }

// WithWindow sets the rate-limit window of each identity: calls per window (default 100 per
// 5 s, the API's limit, as amity.WithRateLimit's default). Each identity has at most calls
// items in flight, and the ETA assumes this ceiling. It should match the client's limiter.
func WithWindow(calls int, window time.Duration) Option {
	return func(c *config) { c.calls, c.window = calls, window }
}

// WithCallsPerItem sets how many API calls Do makes per item (default 1), for the ETA.
func WithCallsPerItem(n float64) Option { return func(c *config) { c.callsPerItem = n } }

// WithTotal gives the number of items in the stream, for the progress line and the ETA.
func WithTotal(n int) Option { return func(c *config) { c.total = n } }

// WithProgress calls f with the run's Stats every interval (1 s if not positive) and once at
// the end.
// f is called from one goroutine at a time.
func WithProgress(f func(Stats), interval time.Duration) Option {
	if interval <= 0 {
		interval = time.Second
	}
	return func(c *config) { c.progress, c.progressEvery = f, interval }
}

// WithUnknown replaces the rule that tells an error of Do whose outcome is unknown (the work
// may have been applied) from one that failed. The default is IsUnknown.
func WithUnknown(f func(error) bool) Option { return func(c *config) { c.unknown = f } }

// WithLogger logs each failed and unknown item (key and error) at level Warn to l. The
// default discards.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// IsUnknown reports whether err, returned by Do, leaves the work's outcome unknown. Known
// failures, where nothing was applied, are an answer of the API (an *amity.Error, except one
// matching amity.ErrMalformedResponse: a 2xx answer that could not be read), a call refused
// before sending (*amity.ValidationError, the client's own rate limit, amity.ErrClientClosed)
// and a connection that could not be made. Any other error, a timeout, a cancellation, a
// connection lost after sending or an error of Do's own, is unknown: the work may have been
// applied. A Do that refuses an item itself should return ErrSkip, or the job give
// WithUnknown its own rule.
func IsUnknown(err error) bool {
	if errors.Is(err, amity.ErrMalformedResponse) {
		return true
	}
	var ae *amity.Error
	var ve *amity.ValidationError
	var oe *net.OpError
	switch {
	case errors.As(err, &ae), errors.As(err, &ve), errors.Is(err, amity.ErrClientClosed):
		return false
	case errors.As(err, &oe) && oe.Op == "dial":
		return false // nothing was sent
	}
	return err != nil
}

// task is one item on its way to a lane's worker.
type task[T any] struct {
	item  T
	key   string
	check bool
}

// lane runs the items of one identity, at most the window's calls at a time.
type lane[T any] struct {
	ch chan task[T]
}

type runner[T any] struct {
	job   Job[T]
	cfg   config
	start time.Time

	mu         sync.Mutex
	stats      Stats
	identities int   // lanes started
	err        error // the first journal error
	stop       context.CancelFunc
}

// Run calls job.Do on every item of items and returns what it did. Items are read one at a
// time as workers free up, so a streamed source is never held in memory. Run returns when
// every item has been run or passed over, or at the first error of items or of the journal
// (items in flight finish first), or when ctx ends (items in flight get ctx's cancellation:
// one whose request was sent is recorded as unknown, one still waiting for its turn is not
// recorded, and the next run does it); the error says which, and the Stats count what was
// done.
func Run[T any](ctx context.Context, items iter.Seq2[T, error], job Job[T], opts ...Option) (Stats, error) {
	cfg := config{calls: 100, window: 5 * time.Second, callsPerItem: 1, progressEvery: time.Second, unknown: IsUnknown,
		logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	for _, o := range opts {
		o(&cfg)
	}
	switch {
	case job.Key == nil || job.Do == nil:
		return Stats{}, errors.New("bulk: Job.Key and Job.Do are required")
	case cfg.calls < 1 || cfg.window <= 0 || cfg.callsPerItem <= 0:
		return Stats{}, errors.New("bulk: the window needs calls >= 1, window > 0 and calls per item > 0")
	}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	r := &runner[T]{job: job, cfg: cfg, start: time.Now(), stop: stop}
	r.stats.Total = cfg.total

	progressDone := make(chan struct{})
	var progressWG sync.WaitGroup
	if cfg.progress != nil {
		progressWG.Add(1)
		go func() {
			defer progressWG.Done()
			t := time.NewTicker(cfg.progressEvery)
			defer t.Stop()
			for {
				select {
				case <-t.C:
					cfg.progress(r.snapshot())
				case <-progressDone:
					return
				}
			}
		}()
	}

	lanes := map[string]*lane[T]{}
	var wg sync.WaitGroup
	var srcErr error
feed:
	for item, err := range items {
		if err != nil {
			srcErr = fmt.Errorf("bulk: reading the items: %w", err)
			break
		}
		if runCtx.Err() != nil {
			break
		}
		key := job.Key(item)
		check, run := r.decide(key)
		if !run {
			r.mu.Lock()
			r.stats.Resumed++
			r.mu.Unlock()
			continue
		}
		id := ""
		if job.Identity != nil {
			id = job.Identity(item)
		}
		l := lanes[id]
		if l == nil {
			l = &lane[T]{ch: make(chan task[T])}
			lanes[id] = l
			r.mu.Lock()
			r.identities++
			r.mu.Unlock()
			for range cfg.calls {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for t := range l.ch {
						r.do(runCtx, t)
					}
				}()
			}
		}
		select {
		case l.ch <- task[T]{item: item, key: key, check: check}:
		case <-runCtx.Done():
			break feed
		}
	}
	for _, l := range lanes {
		close(l.ch)
	}
	wg.Wait()
	if cfg.journal != nil {
		if err := cfg.journal.Sync(); err != nil {
			r.fail(err)
		}
	}
	close(progressDone)
	progressWG.Wait()
	final := r.snapshot()
	if cfg.progress != nil {
		cfg.progress(final)
	}
	r.mu.Lock()
	jerr := r.err
	r.mu.Unlock()
	switch {
	case jerr != nil:
		return final, jerr
	case srcErr != nil:
		return final, srcErr
	case ctx.Err() != nil:
		return final, fmt.Errorf("bulk: stopped: %w", ctx.Err())
	}
	return final, nil
}

// decide says whether the item of key is run, and whether its work is checked first.
func (r *runner[T]) decide(key string) (check, run bool) {
	if r.cfg.journal == nil {
		return false, true
	}
	s, ok := r.cfg.journal.State(key)
	switch {
	case !ok:
		return false, true
	case s == Failed:
		return false, r.cfg.retryFailed
	case s == Unknown && r.job.Check != nil:
		return true, true
	case s == Unknown:
		return false, r.cfg.retryUnknown
	}
	return false, false // succeeded or skipped
}

// do runs one item and records its outcome.
func (r *runner[T]) do(ctx context.Context, t task[T]) {
	if ctx.Err() != nil {
		return // stopping: the item was not started, the next run does it
	}
	if t.check {
		done, err := r.job.Check(ctx, t.item)
		switch {
		case err != nil:
			r.record(t.key, Unknown, fmt.Errorf("check: %w", err))
			return
		case done:
			r.mu.Lock()
			r.stats.Checked++
			r.mu.Unlock()
			r.record(t.key, Succeeded, nil)
			return
		}
	}
	// The item is started when its first request asks for a connection: after the rate
	// limiter's wait, before a byte is sent. (httptrace hooks compose: the SDK's own trace is
	// added to this one.) An item still waiting for its turn when the process dies or the run
	// stops is not started, and the next run simply does it.
	var once sync.Once
	var sent atomic.Bool
	doCtx := httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{GetConn: func(string) {
		once.Do(func() {
			sent.Store(true)
			if r.cfg.journal != nil {
				if err := r.cfg.journal.Record(t.key, Started, nil); err != nil {
					r.fail(err)
				}
			}
		})
	}})
	err := r.job.Do(doCtx, t.item)
	switch {
	case err == nil:
		r.record(t.key, Succeeded, nil)
	case errors.Is(err, ErrSkip):
		r.record(t.key, Skipped, err)
	case !sent.Load() && ctx.Err() != nil:
		// Stopped before its first request was sent: nothing to record.
	case r.cfg.unknown(err):
		r.record(t.key, Unknown, err)
	default:
		r.record(t.key, Failed, err)
	}
}

func (r *runner[T]) record(key string, s State, cause error) {
	if r.cfg.journal != nil {
		if err := r.cfg.journal.Record(key, s, cause); err != nil {
			r.fail(err)
			return
		}
	}
	if s == Failed || s == Unknown {
		r.cfg.logger.Warn("bulk: item "+string(s), "key", key, "error", cause)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	switch s {
	case Succeeded:
		r.stats.Succeeded++
	case Failed:
		r.stats.Failed++
	case Skipped:
		r.stats.Skipped++
	case Unknown:
		r.stats.Unknown++
	}
}

// fail keeps the first journal error and stops the run: an outcome that cannot be recorded
// must not be followed by more work.
func (r *runner[T]) fail(err error) {
	r.mu.Lock()
	if r.err == nil {
		r.err = err
	}
	r.mu.Unlock()
	r.stop()
}

func (r *runner[T]) snapshot() Stats {
	r.mu.Lock()
	s, identities := r.stats, max(r.identities, 1)
	r.mu.Unlock()
	s.Elapsed = time.Since(r.start)
	if secs := s.Elapsed.Seconds(); secs > 0 {
		s.Rate = float64(s.Done()) / secs
	}
	if left := s.Total - s.Done() - s.Resumed; s.Total > 0 && left > 0 {
		// The ceiling: every identity in use serves calls per window (plus the SDK limiter's
		// margin of window/25); one identity when none has started yet.
		perSecond := float64(identities*r.cfg.calls) / (r.cfg.window + r.cfg.window/25).Seconds() / r.cfg.callsPerItem
		s.ETA = time.Duration(float64(left) / perSecond * float64(time.Second))
	}
	return s
}
