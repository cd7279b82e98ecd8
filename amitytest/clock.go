package amitytest

import (
	"sync"
	"time"
)

// Clock is a clock a test moves by hand, for WithClock: with it, tokens expire, rate windows
// pass, events start and scheduled posts publish when the test says so, not when the wall
// clock does. It is safe for concurrent use.
//
//	clock := amitytest.NewClock(time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC))
//	srv := amitytest.NewServer(amitytest.WithClock(clock.Now))
//	...
//	clock.Advance(25 * time.Hour) // a day later: yesterday's scheduled posts are published
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a Clock that reads start until it is moved.
func NewClock(start time.Time) *Clock { return &Clock{now: start} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d (back, for a negative d).
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}
