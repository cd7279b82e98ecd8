package webhook

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Errors of a closed or saturated handler. Match them with errors.Is.
var (
	// ErrClosed: the handler was closed. A closed Handler answers 503 and a closed
	// PreHookHandler replies its default reply, neither running user code. It is also the
	// cause (context.Cause) of the handlers' and decisions' contexts Close cancels, and is
	// reported for each event Close drops from an asynchronous Handler's queue.
	ErrClosed = errors.New("webhook: handler closed")
	// ErrBusy: as many handler runs or decisions as WithMaxRunning allows were running
	// until the delivery's deadline (most likely functions that ignore their context and
	// outlive it), so the delivery got no goroutine: a synchronous Handler answers 503, a
	// PreHookHandler replies its default reply.
	ErrBusy = errors.New("webhook: too many handler runs still running")
)

// runner runs user code on goroutines of its own, at most cap(slots) at once, and tracks
// them for Close: it refuses new ones once closed, tells when the last one returned, and
// cancels their contexts.
type runner struct {
	slots   chan struct{}           // a token per running function; nil: no bound
	base    context.Context         // cancelled by shutdown; every function's context follows it
	cancel  context.CancelCauseFunc // cancels base
	closing chan struct{}           // closed by close
	idle    chan struct{}           // closed once closing and nothing runs

	mu      sync.Mutex
	closed  bool
	running int
}

// newRunner returns a runner of at most max functions at once; max <= 0: no bound.
func newRunner(max int) *runner {
	base, cancel := context.WithCancelCause(context.Background())
	r := &runner{base: base, cancel: cancel, closing: make(chan struct{}), idle: make(chan struct{})}
	if max > 0 {
		r.slots = make(chan struct{}, max)
	}
	return r
}

// start runs fn on a goroutine of its own once a slot is free. It returns ErrClosed once r
// is closed, and ErrBusy when ctx ends before a slot frees.
func (r *runner) start(ctx context.Context, fn func()) error {
	if r.slots != nil {
		select {
		case <-r.closing:
			return ErrClosed
		default:
		}
		select {
		case r.slots <- struct{}{}:
		case <-r.closing:
			return ErrClosed
		case <-ctx.Done():
			select {
			case <-r.closing: // Close cancelled ctx
				return ErrClosed
			default:
				return ErrBusy
			}
		}
	}
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		if r.slots != nil {
			<-r.slots
		}
		return ErrClosed
	}
	r.running++
	r.mu.Unlock()
	go func() {
		defer r.done()
		fn()
	}()
	return nil
}

// done frees the slot of a function that returned.
func (r *runner) done() {
	if r.slots != nil {
		<-r.slots
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.running--
	if r.closed && r.running == 0 {
		close(r.idle)
	}
}

// close refuses new functions; idle is closed once the running ones have returned.
func (r *runner) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return
	}
	r.closed = true
	close(r.closing)
	if r.running == 0 {
		close(r.idle)
	}
}

// shutdown closes r and waits until its functions have returned or ctx ends, then cancels
// their contexts with ErrClosed. It starts no goroutine, so a shutdown that gives up leaves
// nothing behind, however often it is called.
func (r *runner) shutdown(ctx context.Context) error {
	r.close()
	defer r.cancel(ErrClosed)
	select {
	case <-r.idle:
		return nil
	case <-ctx.Done():
		select {
		case <-r.idle:
			return nil
		default:
			return ctx.Err()
		}
	}
}

// context returns the context of one function run: the values of parent (not its
// cancellation: the answer may be sent before the run ends), done at deadline (none when it
// is zero) or when shutdown cancels the runs. release frees it once the run is over or
// abandoned.
func (r *runner) context(parent context.Context, deadline time.Time) (ctx context.Context, release func()) {
	ctx, cancel := context.WithCancelCause(context.WithoutCancel(parent))
	stop := context.AfterFunc(r.base, func() { cancel(context.Cause(r.base)) })
	cancelDeadline := context.CancelFunc(func() {})
	if !deadline.IsZero() {
		ctx, cancelDeadline = context.WithDeadline(ctx, deadline)
	}
	return ctx, func() {
		stop()
		cancelDeadline()
		cancel(context.Canceled)
	}
}
