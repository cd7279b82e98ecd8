package webhook

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"time"
)

// Defaults of a Handler with an inbox (WithInbox).
const (
	// DefaultMaxAttempts is how many times an event's handlers run before it is dead.
	DefaultMaxAttempts = 8
	// DefaultRetryMin and DefaultRetryMax bound the wait before an event whose handlers
	// failed runs again: DefaultRetryMin after the first failure, doubling up to
	// DefaultRetryMax.
	DefaultRetryMin = time.Second
	DefaultRetryMax = 5 * time.Minute
	// DefaultLease is how long a taken event is the taker's: its handlers' deadline, after
	// which any worker of any process takes the event again.
	DefaultLease = time.Minute
)

// Errors of an Inbox. Match them with errors.Is.
var (
	// ErrLeaseLost: Retry or DeadLetter was called for a run whose lease another run has
	// since taken over (the lease expired), or for an event dropped meanwhile; nothing was
	// changed.
	ErrLeaseLost = errors.New("webhook: inbox lease lost")
	// ErrNoSuchEvent: Replay or Drop found no event of that key (Replay: no dead one).
	ErrNoSuchEvent = errors.New("webhook: no such event in the inbox")
	// ErrDeadLetter is reported to the error handler, wrapping the last error, when an
	// event's handlers failed WithMaxAttempts times and it moved to the dead-letter set.
	ErrDeadLetter = errors.New("webhook: event moved to the dead-letter set")
	// ErrInbox wraps an inbox's error reported to the error handler: a delivery refused
	// with 503 because the inbox could not store it, or an outcome it could not record.
	ErrInbox = errors.New("webhook: inbox")
)

// InboxState is the state of a stored event.
type InboxState string

// The states of a stored event.
const (
	// InboxPending: stored, waiting for a worker (first run or a retry after NotBefore).
	InboxPending InboxState = "pending"
	// InboxRunning: taken by a worker until NotBefore, the end of its lease; after it, the
	// event is taken again.
	InboxRunning InboxState = "running"
	// InboxDead: its handlers failed the last allowed attempt (LastError); it stays until
	// replayed or dropped.
	InboxDead InboxState = "dead"
)

// InboxEvent is one event an Inbox holds.
type InboxEvent struct {
	// Key identifies the delivery: InboxKey of the body.
	Key string
	// Body is the delivery's body as signed.
	Body []byte
	// State is pending, running or dead.
	State InboxState
	// Attempts is how many times the event was taken (the current run included).
	Attempts int
	// Received is when the inbox stored it.
	Received time.Time
	// NotBefore is when a pending event may run (a retry's backoff), or when a running
	// event's lease ends. Zero for a dead event.
	NotBefore time.Time
	// LastError is the error of the last failed attempt ("" before any).
	LastError string
}

// Inbox is a durable store of verified deliveries, shared by the Handlers of one or several
// processes (WithInbox). A Handler stores each delivery with Put before it answers 200,
// and its workers Take the events, run the handlers and record the outcome with Done,
// Retry or DeadLetter. List, Replay, ReplayDead and Drop inspect and repair it.
//
// FileInbox (this package) keeps it in a local file; package webhook/redisinbox in a
// Redis stream shared by several receivers. Package webhook/inboxtest is the acceptance
// suite an implementation must pass. The methods are safe for concurrent use.
type Inbox interface {
	// Put stores body under key, durably before it returns nil, unless the inbox holds
	// the key already (stored, running, dead, or handled within the dedup window): then it
	// stores nothing and returns false.
	Put(ctx context.Context, key string, body []byte) (stored bool, err error)
	// Take leases the next due event for lease: a pending event whose NotBefore has
	// passed, or a running one whose lease ended (its process died). It counts the
	// attempt. It returns nil and no error when no event is due. The receivers sharing an
	// inbox use one lease: a store may measure another's run against the taker's lease
	// (the Redis store reclaims the runs idle that long).
	Take(ctx context.Context, lease time.Duration) (*InboxEvent, error)
	// Done removes the event ev (from Take) as handled; its key is remembered for the
	// dedup window.
	Done(ctx context.Context, ev *InboxEvent) error
	// Retry makes the event ev (from Take) pending again from at, with cause as LastError.
	// ErrLeaseLost when the event was taken again or dropped since.
	Retry(ctx context.Context, ev *InboxEvent, at time.Time, cause string) error
	// DeadLetter moves the event ev (from Take) to the dead-letter set with cause as
	// LastError. ErrLeaseLost when the event was taken again or dropped since.
	DeadLetter(ctx context.Context, ev *InboxEvent, cause string) error
	// List returns the events in state, oldest first.
	List(ctx context.Context, state InboxState) ([]InboxEvent, error)
	// Replay makes the dead event key pending again, its attempts back to 0. ErrNoSuchEvent
	// when no dead event has that key.
	Replay(ctx context.Context, key string) error
	// ReplayDead replays every dead event and returns how many.
	ReplayDead(ctx context.Context) (int, error)
	// Drop forgets the event key in any state as if handled (a redelivery of it within
	// the dedup window is not stored). ErrNoSuchEvent when there is none.
	Drop(ctx context.Context, key string) error
}

// InboxKey is the key of a delivery in an inbox: the hex SHA-256 of its body, so that a
// delivery Amity sends again is recognised.
func InboxKey(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// maxLastError bounds the LastError kept (a panic's stack can be long).
const maxLastError = 4 << 10

// inboxConfig is the configuration of a Handler's inbox.
type inboxConfig struct {
	store              Inbox
	maxAttempts        int
	retryMin, retryMax time.Duration
	lease              time.Duration
}

func (c *inboxConfig) check() error {
	switch {
	case c.maxAttempts < 1:
		return fmt.Errorf("webhook: WithMaxAttempts(%d): want at least 1 attempt", c.maxAttempts)
	case c.retryMin <= 0 || c.retryMax < c.retryMin:
		return fmt.Errorf("webhook: WithRetryBackoff(%v, %v): want 0 < min <= max", c.retryMin, c.retryMax)
	case c.lease <= 0:
		return fmt.Errorf("webhook: WithLease(%v): the lease must be positive", c.lease)
	}
	return nil
}

// backoff is the wait before the run after attempt (1 for the first failure): retryMin
// doubling up to retryMax, the upper half of it random so that retries do not bunch.
func (c *inboxConfig) backoff(attempt int) time.Duration {
	d := c.retryMin
	for i := 1; i < attempt && d < c.retryMax; i++ {
		d *= 2
	}
	d = min(d, c.retryMax)
	return d/2 + rand.N(d/2+1)
}

// poll is how often an idle worker looks for due events it was not told about: those of
// other processes, retries and expired leases.
func (c *inboxConfig) poll() time.Duration {
	return max(10*time.Millisecond, min(time.Second, c.lease/4, c.retryMin))
}

// WithInbox makes a Handler write each verified delivery to store before it answers 200
// (503 when the store fails, so that Amity counts a failed delivery and sends it again),
// and run the handlers from the store, at least once: its workers (WithWorkers) take the
// stored events, run the handlers and remove the event when they all return nil. A
// handler that fails or panics is run again after a backoff (WithRetryBackoff); after
// WithMaxAttempts runs the event moves to the dead-letter set with its last error
// (ErrDeadLetter is reported). An event that was running when its process died is taken
// again once its lease (WithLease) ends. A delivery the store already holds (same body) is
// answered 200 and not stored twice.
//
// Handlers therefore run at least once, and more than once when a process dies between a
// handler's end and the record of it, or a run outlives its lease: make them idempotent
// (Event.Key identifies the delivery). Close stops taking events and waits, until its ctx
// ends, for those running; an event left unfinished is pending again (or taken again when
// its lease ends). The caller owns store: close it after the Handler.
//
// A synchronous Handler (WithSynchronous) cannot have an inbox: NewHandler returns an
// error. WithQueueSize is not used: the inbox is the queue. A nil store is no inbox.
func WithInbox(store Inbox) HandlerOption {
	return handlerOption(func(c *handlerConfig) { c.inbox.store = store })
}

// WithMaxAttempts sets how many times a Handler with an inbox runs an event's handlers
// before it moves the event to the dead-letter set (default DefaultMaxAttempts, 8).
// NewHandler returns an error for n < 1.
func WithMaxAttempts(n int) HandlerOption {
	return handlerOption(func(c *handlerConfig) { c.inbox.maxAttempts = n })
}

// WithRetryBackoff sets the wait before a Handler with an inbox runs a failed event again:
// about lo after the first failure, doubling up to hi (defaults DefaultRetryMin, 1 s, and
// DefaultRetryMax, 5 min); each wait is between half and all of that. NewHandler returns
// an error unless 0 < lo <= hi.
func WithRetryBackoff(lo, hi time.Duration) HandlerOption {
	return handlerOption(func(c *handlerConfig) { c.inbox.retryMin, c.inbox.retryMax = lo, hi })
}

// WithLease sets how long a run of a Handler with an inbox holds its event (default
// DefaultLease, 1 min): the handlers' context ends with it, and once it has ended any
// worker, of any process sharing the inbox, takes the event again. Make it longer than
// the handlers need, and short enough that an event of a dead process is not kept
// waiting. NewHandler returns an error for d <= 0.
func WithLease(d time.Duration) HandlerOption {
	return handlerOption(func(c *handlerConfig) { c.inbox.lease = d })
}

// store writes a verified delivery to the inbox and returns the status to answer: 200
// stored or already held, 503 closed or the store failed.
func (h *Handler) store(reqCtx context.Context, start time.Time, body []byte, ev *Event) int {
	select {
	case <-h.runs.closing:
		return http.StatusServiceUnavailable
	default:
	}
	ctx, cancel := context.WithDeadline(reqCtx, start.Add(h.cfg.budget-answerMargin(h.cfg.budget)))
	defer cancel()
	stored, err := h.cfg.inbox.store.Put(ctx, InboxKey(body), body)
	if err != nil {
		h.reportError(ctx, ev, fmt.Errorf("%w: delivery not stored, answered 503: %w", ErrInbox, err))
		return http.StatusServiceUnavailable
	}
	if stored {
		select {
		case h.wake <- struct{}{}:
		default: // the workers are awake already
		}
	}
	return http.StatusOK
}

// inboxWork is a worker of a Handler with an inbox: it takes due events and runs them
// until Close.
func (h *Handler) inboxWork() {
	idle := time.NewTimer(0)
	defer idle.Stop()
	for {
		select {
		case <-h.runs.closing:
			return
		default:
		}
		stored, err := h.cfg.inbox.store.Take(h.taking, h.cfg.inbox.lease)
		if err != nil && h.taking.Err() == nil {
			h.reportError(h.taking, &Event{Name: "inbox"}, fmt.Errorf("%w: take: %w", ErrInbox, err))
		}
		if stored != nil {
			h.runStored(stored)
			continue
		}
		idle.Reset(h.cfg.inbox.poll())
		select {
		case <-h.runs.closing:
			return
		case <-h.wake:
		case <-idle.C:
		}
	}
}

// runStored runs the handlers of a taken event and records the outcome.
func (h *Handler) runStored(stored *InboxEvent) {
	ic := &h.cfg.inbox
	ev, err := Parse(stored.Body)
	lastAttempt := stored.Attempts >= ic.maxAttempts
	if err == nil {
		ev.Key, ev.Attempt = stored.Key, stored.Attempts
		ctx, release := h.runs.context(context.Background(), time.Now().Add(ic.lease))
		err = h.dispatch(ctx, ev)
		release()
	} else {
		ev = &Event{Name: "unparsable", Key: stored.Key, Attempt: stored.Attempts, Raw: stored.Body}
		lastAttempt = true // a body that does not parse never will
	}
	// The outcome is recorded even when Close gave up waiting: it is what makes the run
	// count. It gets a bounded time of its own.
	ctx, cancel := context.WithTimeout(context.Background(), outcomeTimeout)
	defer cancel()
	var rerr error
	switch {
	case err == nil:
		rerr = ic.store.Done(ctx, stored)
	case h.runs.base.Err() != nil:
		// Close cancelled the run: pending again at once, for the next process.
		rerr = ic.store.Retry(ctx, stored, time.Now(), errText(err))
	case lastAttempt:
		h.reportError(ctx, ev, fmt.Errorf("%w after %d attempts: %w", ErrDeadLetter, stored.Attempts, err))
		rerr = ic.store.DeadLetter(ctx, stored, errText(err))
	default:
		h.reportError(ctx, ev, fmt.Errorf("webhook: attempt %d of %d failed, retried: %w", stored.Attempts, ic.maxAttempts, err))
		rerr = ic.store.Retry(ctx, stored, time.Now().Add(ic.backoff(stored.Attempts)), errText(err))
	}
	if rerr != nil {
		h.reportError(ctx, ev, fmt.Errorf("%w: outcome not recorded (the event runs again when its lease ends): %w", ErrInbox, rerr))
	}
}

// outcomeTimeout bounds the record of a run's outcome.
const outcomeTimeout = 10 * time.Second

// errText is err's message, cut to maxLastError bytes.
func errText(err error) string {
	s := err.Error()
	if len(s) > maxLastError {
		s = s[:maxLastError]
	}
	return s
}
