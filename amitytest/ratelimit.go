package amitytest

import (
	"sync"
	"time"
)

// limiter is a sliding-window log of accepted calls per identity.
type limiter struct {
	mu      sync.Mutex
	calls   int
	window  time.Duration
	enabled bool
	log     map[string][]time.Time
}

func newLimiter(calls int, window time.Duration, enabled bool) *limiter {
	return &limiter{calls: calls, window: window, enabled: enabled, log: map[string][]time.Time{}}
}

func (l *limiter) setEnabled(on bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.enabled = on
	if !on {
		l.log = map[string][]time.Time{}
	}
}

// allow reports whether identity may make a call at now, and counts it if so.
// Refused calls are not counted.
func (l *limiter) allow(identity string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.enabled || l.calls <= 0 || l.window <= 0 {
		return true
	}
	cutoff := now.Add(-l.window)
	ts := l.log[identity]
	i := 0
	for i < len(ts) && !ts[i].After(cutoff) {
		i++
	}
	ts = ts[i:]
	if len(ts) >= l.calls {
		l.log[identity] = ts
		return false
	}
	l.log[identity] = append(ts, now)
	return true
}
