package redislimit

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// op runs f within the limiter's time budget, whatever the client's own timeouts (see start).
// ctx gives values only: an operation started is carried out even if the caller gives up.
func (l *Limiter) op(ctx context.Context, f func(context.Context) error) error {
	return l.await(context.Background(), l.start(ctx, f))
}

var (
	// errGaveUp is await's answer when the caller's ctx ended first.
	errGaveUp = errors.New("the caller gave up")
	// errNoAnswer is await's answer when Redis did not answer within the budget.
	errNoAnswer = errors.New("no answer")
)

// pending is a Redis operation under way in a goroutine of its own.
type pending struct {
	done  chan error // receives f's answer
	cold  bool       // the limiter had no answer from Redis yet when it started
	conns uint32     // the connections in the client's pool when it started
	known bool       // conns is known
}

// start runs f in a goroutine of its own, with ctx's values but not its end. f's context ends
// after the operation timeout plus the connect timeout; await decides how long of that the
// caller waits.
func (l *Limiter) start(ctx context.Context, f func(context.Context) error) *pending {
	p := &pending{done: make(chan error, 1), cold: !l.warm.Load()}
	if !p.cold || !l.cluster {
		// A Cluster client's PoolStats loads the cluster's state first, over the network,
		// until it has it (once Redis answered).
		p.conns, p.known = l.rdb.PoolStats().TotalConns, true
	}
	octx, cancel := context.WithTimeout(context.WithoutCancel(ctx), l.timeout+l.connect)
	go func() {
		defer cancel()
		p.done <- f(octx)
	}()
	return p
}

// await waits for p's answer, or until ctx ends (errGaveUp), or for the operation timeout
// (errNoAnswer; f is abandoned and ends at the client's read timeout). The operation may take
// the connect timeout more when it may be opening a connection: the client's pool holds more
// connections than when it started (a dial succeeded: this operation's, or another's, the
// limiter cannot tell), or, on Cluster, the limiter had no answer from Redis yet. A Redis that
// refuses connections is not waited for.
func (l *Limiter) await(ctx context.Context, p *pending) error {
	t := time.NewTimer(l.timeout)
	defer t.Stop()
	budget, extended := l.timeout, false
	for {
		select {
		case err := <-p.done:
			return err
		case <-ctx.Done():
			return errGaveUp
		case <-t.C:
			if !extended && l.connect > 0 && l.opening(p) {
				extended = true
				budget += l.connect
				t.Reset(l.connect)
				continue
			}
			select {
			case err := <-p.done:
				return err
			default:
			}
			return fmt.Errorf("%w within %v", errNoAnswer, budget)
		}
	}
}

// opening reports whether the operation p may be waiting for a connection being opened.
func (l *Limiter) opening(p *pending) bool {
	if !p.known {
		return p.cold
	}
	return l.rdb.PoolStats().TotalConns > p.conns
}

// useRedis reports whether this call should go to Redis: while it answers. While it does
// not, the probe goroutine asks it; after Close, one call every probeEvery does.
func (l *Limiter) useRedis() bool {
	if !l.down.Load() {
		return true
	}
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.closed || now.Before(l.nextProbe) {
		return false
	}
	l.nextProbe = now.Add(probeEvery)
	return true
}

// fail records that Redis did not answer; the first failure of an outage is logged and starts
// the probe goroutine.
func (l *Limiter) fail(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lastErr = err
	l.nextProbe = time.Now().Add(probeEvery)
	l.warm.Store(false)
	// Redis may come back without the scripts (a restart): EVAL them first.
	l.acquire.loaded.Store(false)
	l.pause.loaded.Store(false)
	if !l.probing && !l.closed {
		l.probing = true
		l.probes.Add(1)
		go l.probe()
	}
	if l.down.Swap(true) {
		return
	}
	if l.failClosed {
		l.logger.Warn("redislimit: Redis unavailable: refusing calls until it answers", slog.Any("error", err))
	} else {
		l.logger.Warn("redislimit: Redis unavailable: falling back to the in-process limit of this process until it answers",
			slog.Any("error", err), slog.Int("calls", l.calls), slog.Duration("window", l.window))
	}
}

// probe asks Redis every probeEvery whether it answers, loading the scripts (SCRIPT LOAD),
// until it does, the limiter is back on Redis anyway, or Close. It is the one goroutine the
// limiter keeps, and only while Redis is unavailable.
func (l *Limiter) probe() {
	defer l.probes.Done()
	t := time.NewTimer(probeEvery)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			l.mu.Lock()
			l.probing = false
			l.mu.Unlock()
			return
		case <-t.C:
		}
		err := l.op(context.Background(), func(ctx context.Context) error {
			for _, s := range []*script{&l.acquire, &l.pause} {
				if err := s.s.Load(ctx, l.rdb).Err(); err != nil {
					return err
				}
				s.loaded.Store(true)
			}
			return nil
		})
		l.mu.Lock()
		if err == nil || !l.down.Load() {
			// Under mu with probing, so that a failure after this starts a new probe.
			l.probing = false
			l.upLocked()
			l.mu.Unlock()
			return
		}
		l.lastErr = err
		l.mu.Unlock()
		t.Reset(probeEvery)
	}
}

// up records that Redis answered; the end of an outage is logged.
func (l *Limiter) up() {
	if !l.down.Load() {
		l.warm.Store(true)
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.upLocked()
}

func (l *Limiter) upLocked() {
	l.warm.Store(true)
	if l.down.Swap(false) {
		l.lastErr = nil
		l.logger.Info("redislimit: Redis answers again: back to the shared limit")
	}
}

// Close stops the goroutine that probes Redis while it is unavailable, if one runs, and waits
// until it has ended; it does not close the Redis client. The limiter may still be used after
// Close, without that goroutine: while Redis is unavailable, one Wait every half second asks
// it again. Close always returns nil; a second Close does nothing.
func (l *Limiter) Close() error {
	l.mu.Lock()
	if !l.closed {
		l.closed = true
		close(l.stop)
	}
	l.mu.Unlock()
	l.probes.Wait()
	return nil
}

func (l *Limiter) unavailable() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.lastErr == nil {
		return ErrUnavailable
	}
	return fmt.Errorf("%w: %w", ErrUnavailable, l.lastErr)
}

// Degraded reports whether the limiter currently finds Redis unavailable, so that the
// in-process limiter rules alone (or, under WithFailClosed, calls are refused).
func (l *Limiter) Degraded() bool { return l.down.Load() }
