package redislimit

import (
	"strconv"
	"sync"
	"time"
)

// A book is what this process knows of one key's window: the calls it sent in the last span
// and the reservations it holds, on the Redis server's clock (µs). Redis may lose the window
// (a restart without persistence, a failover, FLUSHALL); the processes that sent in it then
// put their own calls back, and this is where they find them.
type book struct {
	keys []string // the key's window, hold and lost keys in Redis

	mu        sync.Mutex
	entries   []entry
	lastWatch time.Time // when a waiting caller last checked the window
}

// entry is one call of this process: a reservation in Redis (pending until its time came and
// Redis still had it, then admitted), or a call the fallback admitted while Redis was not used.
type entry struct {
	member   string
	at       int64 // µs on the server's clock (estimated for a fallback call)
	state    entryState
	fallback bool // admitted by the fallback limiter, not yet known to Redis
}

type entryState uint8

const (
	pendingEntry  entryState = iota // reserved; its caller waits for its time
	admittedEntry                   // sent, or about to be: a fact
	revokedEntry                    // reserved in a window Redis lost: its caller reserves again
)

// prune drops the calls older than cutoff, which no window after it holds. Calls under way
// (pending, revoked) stay until their callers are done with them.
func (b *book) prune(cutoff int64) {
	kept := b.entries[:0]
	for _, e := range b.entries {
		if e.state != admittedEntry || e.at > cutoff {
			kept = append(kept, e)
		}
	}
	clear(b.entries[len(kept):])
	b.entries = kept
}

// check returns the latest reservation Redis should still hold (later than cutoff): Redis lost
// the window if it does not. ok is false when there is none.
func (b *book) check(cutoff int64) (member string, at int64, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.prune(cutoff)
	for _, e := range b.entries {
		if !e.fallback && e.state != revokedEntry && e.at > cutoff && (!ok || e.at >= at) {
			member, at, ok = e.member, e.at, true
		}
	}
	return member, at, ok
}

// watch reports whether the caller should check the window now: no other caller did in the
// last interval.
func (b *book) watch(now time.Time, every time.Duration) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if now.Sub(b.lastWatch) < every {
		return false
	}
	b.lastWatch = now
	return true
}

// holds reports whether member is still this process's reservation (not given back).
func (b *book) holds(member string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.find(member) >= 0
}

func (b *book) find(member string) int {
	for i := range b.entries {
		if b.entries[i].member == member {
			return i
		}
	}
	return -1
}

// seed returns the arguments that put this process's calls later than cutoff back into a
// window: the number of calls that went through Redis, then (µs, member) pairs, those calls
// first and then those of the fallback. lost (Redis lost the window) includes the calls Redis
// had, and revokes the reservations under way, which were in the window lost: their callers
// reserve again. Otherwise only the fallback's calls Redis has not seen are given (none: nil).
func (b *book) seed(cutoff int64, lost bool) []any {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.prune(cutoff)
	var viaRedis, fallback []any
	for i := range b.entries {
		e := &b.entries[i]
		switch {
		case e.state == pendingEntry && lost:
			// Under the same lock as the calls are listed: every reservation is either
			// put back as a call or revoked.
			e.state = revokedEntry
		case e.state != admittedEntry || e.at <= cutoff:
		case e.fallback:
			fallback = append(fallback, e.at, e.member)
		case lost:
			viaRedis = append(viaRedis, e.at, e.member)
		}
	}
	if len(viaRedis)+len(fallback) == 0 && !lost {
		return nil
	}
	return append(append([]any{len(viaRedis) / 2}, viaRedis...), fallback...)
}

// seeded records that Redis has the fallback's calls given by seed.
func (b *book) seeded(payload []any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	sent := make(map[string]bool, len(payload)/2)
	for i := 2; i < len(payload); i += 2 {
		sent[payload[i].(string)] = true
	}
	for i := range b.entries {
		if sent[b.entries[i].member] {
			b.entries[i].fallback = false
		}
	}
}

// reserved records a reservation Redis made for at.
func (b *book) reserved(member string, at int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.entries = append(b.entries, entry{member: member, at: at, state: pendingEntry})
}

// admitted records that the reservation's call goes out, and reports whether it still may:
// false when it was revoked meanwhile.
func (b *book) admitted(member string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	i := b.find(member)
	if i < 0 || b.entries[i].state == revokedEntry {
		return false
	}
	b.entries[i].state = admittedEntry
	return true
}

// revoked reports whether the reservation was revoked (Redis lost it).
func (b *book) revoked(member string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	i := b.find(member)
	return i >= 0 && b.entries[i].state == revokedEntry
}

// drop forgets a reservation its caller gives back or reserves again.
func (b *book) drop(member string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if i := b.find(member); i >= 0 {
		b.entries = append(b.entries[:i], b.entries[i+1:]...)
	}
}

// fallbackCall records a call the fallback admitted, at (estimated) server time at.
func (b *book) fallbackCall(member string, at int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.entries = append(b.entries, entry{member: member, at: at, state: admittedEntry, fallback: true})
}

// idle reports whether the book holds nothing later than cutoff and nothing under way.
func (b *book) idle(cutoff int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.prune(cutoff)
	return len(b.entries) == 0
}

// sweepAbove is the number of keys past which the books of idle keys are dropped (at most
// once a span), so a job acting as many users one after another does not keep them all.
const sweepAbove = 256

// bookOf returns key's book, creating it on first use.
func (l *Limiter) bookOf(key string) *book {
	l.booksMu.Lock()
	defer l.booksMu.Unlock()
	b, ok := l.books[key]
	if ok {
		return b
	}
	now := l.serverNow()
	if len(l.books) >= sweepAbove && now-l.lastSweep >= l.span.Microseconds() {
		for k, old := range l.books {
			if old.idle(now - l.span.Microseconds()) {
				delete(l.books, k)
			}
		}
		l.lastSweep = now
	}
	b = &book{keys: []string{l.windowKey(key), l.holdKey(key), l.lostKey(key)}}
	l.books[key] = b
	return b
}

// nextMember names a new reservation of this limiter (fallback: a call of the fallback).
func (l *Limiter) nextMember(fallback bool) string {
	seq := strconv.FormatUint(l.seq.Add(1), 10)
	if fallback {
		return l.id + "f" + seq
	}
	return l.id + seq
}
