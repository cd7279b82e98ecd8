// Package ratelimit holds the client-side limiter of the SDK: a sliding window per identity.
//
// The Amity API counts calls per user in any 5-second window and rejects the 101st with
// 400311. A token bucket (golang.org/x/time/rate) cannot express that rule: with burst B and
// refill r it admits B + r·W calls in a window W, so "burst 100, 20/s" lets 200 calls into one
// window, and a bucket that never exceeds 100 per window must give up either the burst or 5%
// of the rate. The window here admits a call at time t only when the call n places before it
// was admitted at or before t − span; any interval of length span then holds at most n calls,
// while a steady caller gets exactly n calls per span and a fresh caller may burst n at once.
package ratelimit

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Window admits at most n events in any interval of length span. Reservations are handed
// out in order (first come, first served); it is safe for concurrent use.
type Window struct {
	n    int
	span time.Duration

	mu   sync.Mutex
	ring []time.Time // the last n reserved times; once full, the oldest is at head
	head int
	last time.Time // latest reserved time

	// One step of undo for the latest reservation, so a waiter that gives up costs nothing.
	undo    time.Time
	canUndo bool
}

// NewWindow returns a window admitting n events per span. It panics if n < 1 or span <= 0.
func NewWindow(n int, span time.Duration) *Window {
	if n < 1 || span <= 0 {
		panic(fmt.Sprintf("ratelimit: invalid window %d per %v", n, span))
	}
	return &Window{n: n, span: span} // the ring grows with use: an identity that made one call holds one time
}

// Reserve records one event and returns the earliest time at or after now at which it may
// happen without putting more than n events in any interval of length span.
func (w *Window) Reserve(now time.Time) time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	at := now
	if at.Before(w.last) {
		at = w.last // keep the ring sorted: never admit ahead of an earlier reservation
	}
	if len(w.ring) < w.n {
		w.ring = append(w.ring, at)
		w.canUndo = false
	} else {
		if free := w.ring[w.head].Add(w.span); at.Before(free) {
			at = free
		}
		w.undo, w.canUndo = w.ring[w.head], true
		w.ring[w.head] = at
		w.head = (w.head + 1) % w.n
	}
	w.last = at
	return at
}

// cancel gives back the reservation at if it is still the latest one; otherwise the
// reservation stays, which only makes the window more conservative.
func (w *Window) cancel(at time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.last.Equal(at) {
		return
	}
	switch {
	case len(w.ring) < w.n:
		w.ring = w.ring[:len(w.ring)-1]
		w.last = time.Time{}
		if len(w.ring) > 0 {
			w.last = w.ring[len(w.ring)-1]
		}
	case w.canUndo:
		w.head = (w.head - 1 + w.n) % w.n
		w.ring[w.head] = w.undo
		w.last = w.ring[(w.head-1+w.n)%w.n]
		w.canUndo = false
	}
}

// Hold admits no event before until, as if the window were full until then (the server
// refused a call as rate limited). Later reservations stay in order behind it.
func (w *Window) Hold(until time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if until.After(w.last) {
		w.last = until
		w.canUndo = false
	}
}

// idleSince reports whether every reservation is older than now − span, i.e. the window is
// indistinguishable from a new one.
func (w *Window) idleSince(now time.Time) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return !w.last.Add(w.span).After(now)
}

// Limiter keeps one Window per identity (the admin token, or a user) and makes callers wait
// for their turn. The zero value is not usable; use New.
type Limiter struct {
	n    int
	span time.Duration
	now  func() time.Time

	mu        sync.Mutex
	windows   map[string]*Window
	lastSweep time.Time
}

// sweepAbove is the number of identities past which idle windows are dropped, so a bulk job
// acting as many users one after another does not keep a window for each of them forever.
const sweepAbove = 256

// New returns a limiter admitting n calls per span for each identity. now may be nil
// (time.Now).
func New(n int, span time.Duration, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	_ = NewWindow(n, span) // validate
	return &Limiter{n: n, span: span, now: now, windows: make(map[string]*Window)}
}

// Window returns the window of one identity, creating it on first use.
func (l *Limiter) Window(identity string) *Window {
	l.mu.Lock()
	defer l.mu.Unlock()
	w, ok := l.windows[identity]
	if !ok {
		now := l.now()
		if len(l.windows) >= sweepAbove && now.Sub(l.lastSweep) >= l.span {
			l.sweepLocked(now)
		}
		w = NewWindow(l.n, l.span)
		l.windows[identity] = w
	}
	return w
}

// Sweep drops the windows idle at now (indistinguishable from new ones) and reports how many
// are left.
func (l *Limiter) Sweep(now time.Time) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweepLocked(now)
	return len(l.windows)
}

// sweepLocked drops the windows idle at now. A map never gives memory back, so one that lost
// most of its windows is copied into a new one.
func (l *Limiter) sweepLocked(now time.Time) {
	dropped := 0
	for id, w := range l.windows {
		if w.idleSince(now) {
			delete(l.windows, id)
			dropped++
		}
	}
	if dropped > len(l.windows) {
		l.windows = Shrink(l.windows)
	}
	l.lastSweep = now
}

// Reset drops every window.
func (l *Limiter) Reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.windows = make(map[string]*Window)
}

// Len reports how many identities currently have a window.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.windows)
}

// DeadlineError is Wait's error when the caller's turn comes after ctx's deadline. It
// matches context.DeadlineExceeded.
type DeadlineError struct {
	// Delay is how long the caller would have waited.
	Delay time.Duration
}

func (e *DeadlineError) Error() string {
	return fmt.Sprintf("rate limit: waiting %v would pass the context deadline", e.Delay.Round(time.Millisecond))
}

func (e *DeadlineError) Unwrap() error { return context.DeadlineExceeded }

// Wait blocks until identity may make one more call, or ctx ends. A wait that cannot end
// before ctx's deadline returns a *DeadlineError at once, without using a turn.
func (l *Limiter) Wait(ctx context.Context, identity string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	w := l.Window(identity)
	now := l.now()
	at := w.Reserve(now)
	delay := at.Sub(now)
	if delay <= 0 {
		return nil
	}
	if dl, ok := ctx.Deadline(); ok && dl.Before(at) {
		w.cancel(at)
		return &DeadlineError{Delay: delay}
	}
	t := time.NewTimer(delay)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		w.cancel(at)
		return ctx.Err()
	}
}

// Shrink returns a new map holding m's entries: a map keeps the memory of its largest size
// (maps.Clone keeps it too), so one that lost most of its entries is copied.
func Shrink[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
