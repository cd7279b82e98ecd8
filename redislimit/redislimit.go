package redislimit

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/amity-go/amity"
	"github.com/redis/go-redis/v9"
)

// ErrUnavailable is wrapped by the error Wait returns, under WithFailClosed, while Redis
// cannot be reached or does not answer within the operation timeout.
var ErrUnavailable = errors.New("redislimit: Redis unavailable")

// Default settings of New.
const (
	// DefaultCalls and DefaultWindow are the API's limit: 100 calls per identity in any 5s.
	DefaultCalls  = 100
	DefaultWindow = 5 * time.Second
	// DefaultPrefix starts the name of every key the limiter writes.
	DefaultPrefix = "amity:rl:"
	// DefaultTimeout bounds each Redis operation; past it the limiter falls back.
	DefaultTimeout = 200 * time.Millisecond
	// DefaultConnectTimeout bounds, on top of DefaultTimeout, the opening of a connection
	// that an operation waits for.
	DefaultConnectTimeout = time.Second
	// probeEvery is how often a limiter that fell back asks Redis again.
	probeEvery = 500 * time.Millisecond
)

// acquireScript reserves one admission in the sliding window of KEYS[1], after putting back
// calls Redis lost, and answers {code, µs, now}: code 0, the reservation is µs from now; code
// 1, the window was lost (nothing reserved: call again with mode 1); code 2, the window is
// being rebuilt (nothing reserved: call again in µs); code 3, the calls were put back and
// nothing was asked for. now is the server's clock (µs).
//
// KEYS[1] is a sorted set of admission times (µs, the server's clock) whose members name the
// reservations; KEYS[2] holds the time before which nothing is admitted (Pause); KEYS[3]
// records a loss of the window. ARGV: the calls per span, the span in µs, the member naming
// this reservation ("" to reserve nothing), the member and time of the caller's latest
// reservation Redis should hold
// ("" for none), the mode, the rebuilding time in µs, then in modes 1 and 2 the number of
// the caller's calls made through Redis and the (µs, member) pairs of its calls, those first.
//
// A call is admitted at the earliest time at or after now, after the latest reservation
// (first come, first served) and after the hold, at which the n-th most recent reservation
// is at least one span old: any interval of length span then holds at most n reservations,
// whichever processes made them. Reservations that no longer constrain anything (older than
// now − span) are dropped, and the keys expire once every reservation in them has.
//
// The window is lost when the caller's latest reservation is missing from it (mode 0 or 2).
// The caller then puts back every call it sent in the last span (mode 1): the first to do so
// after a loss also adds n − (its calls in the span before the loss) placeholders at the time
// of the loss, standing for the calls of the other processes that Redis lost, whatever they
// were, and starts the rebuilding time; each other process that puts its calls back removes
// a placeholder for each of its calls from that span that Redis did not have. During the
// rebuilding time nothing is reserved, so that busy processes put their calls back before
// the window is used; the placeholders left after it are the calls of processes that did not.
// Mode 2 puts back calls the fallback admitted while Redis was unavailable.
var acquireScript = redis.NewScript(`
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local n = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
local mode = ARGV[6]
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - span)
if mode ~= '1' and ARGV[4] ~= '' and tonumber(ARGV[5]) > now - span and not redis.call('ZSCORE', KEYS[1], ARGV[4]) then
  return {1, 0, now}
end
local lost = redis.call('HMGET', KEYS[3], 't', 'p', 'g')
local td, left, rebuild = tonumber(lost[1]), tonumber(lost[2]), tonumber(lost[3])
if mode ~= '0' then
  local first = false
  if mode == '1' and not td then
    td, left, rebuild, first = now, 0, now + tonumber(ARGV[7]), true
  end
  local viaRedis = tonumber(ARGV[8])
  local mine, added = 0, 0
  for i = 0, (#ARGV - 8) / 2 - 1 do
    local s = tonumber(ARGV[9 + 2 * i])
    if s > now - span then
      local a = redis.call('ZADD', KEYS[1], 'NX', s, ARGV[10 + 2 * i])
      if i < viaRedis and td and s > td - span and s <= td then
        mine = mine + 1
        added = added + a
      end
    end
  end
  if first then
    left = math.max(n - mine, 0)
    for i = 1, left do
      redis.call('ZADD', KEYS[1], td, '#lost:' .. td .. ':' .. i)
    end
    redis.call('HSET', KEYS[3], 't', td, 'p', left, 'g', rebuild)
    redis.call('PEXPIRE', KEYS[3], math.ceil(span / 1000) + 1)
  elseif td and left > 0 and added > 0 then
    local r = math.min(left, added)
    for i = left - r + 1, left do
      redis.call('ZREM', KEYS[1], '#lost:' .. td .. ':' .. i)
    end
    redis.call('HSET', KEYS[3], 'p', left - r)
  end
  local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  if last[2] then
    redis.call('PEXPIRE', KEYS[1], math.ceil((tonumber(last[2]) - now + span) / 1000) + 1)
  end
end
if ARGV[3] == '' then
  return {3, 0, now}
end
if rebuild and rebuild > now then
  return {2, rebuild - now, now}
end
local at = now
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] then
  local l = tonumber(last[2])
  if l > at then at = l end
end
local hold = redis.call('GET', KEYS[2])
if hold then
  local h = tonumber(hold)
  if h and h > at then at = h end
end
if redis.call('ZCARD', KEYS[1]) >= n then
  local nth = redis.call('ZRANGE', KEYS[1], -n, -n, 'WITHSCORES')
  local free = tonumber(nth[2]) + span
  if free > at then at = free end
end
redis.call('ZADD', KEYS[1], at, ARGV[3])
redis.call('PEXPIRE', KEYS[1], math.ceil((at - now + span) / 1000) + 1)
return {0, at - now, now}
`)

// The acquisition script's modes and answers.
const (
	modeReserve = "0" // reserve, checking the window was not lost
	modeLost    = "1" // put every call of the last span back, then reserve
	modeSync    = "2" // put the fallback's calls back, then reserve, checking as mode 0

	codeReserved   = 0
	codeLost       = 1
	codeRebuilding = 2
	codePutBack    = 3 // mode 1 without a reservation
)

// pauseScript holds KEYS[1] (the window's hold key) until ARGV[1] µs from now, the server's
// clock, unless it is held longer already.
var pauseScript = redis.NewScript(`
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local d = tonumber(ARGV[1])
local cur = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
if cur < now + d then
  redis.call('SET', KEYS[1], string.format('%d', now + d), 'PX', math.ceil(d / 1000) + 1)
end
return 0
`)

// script runs a Lua script in one round trip: by EVAL until Redis has answered one (which
// caches the script there), then by EVALSHA, which falls back to EVAL on NOSCRIPT (a Redis
// restarted, another Cluster node). A fresh limiter does not pay EVALSHA, NOSCRIPT, EVAL.
type script struct {
	s      *redis.Script
	loaded atomic.Bool // Redis is known to hold the script
}

func (s *script) run(ctx context.Context, c redis.Scripter, keys []string, args ...any) *redis.Cmd {
	if s.loaded.Load() {
		return s.s.Run(ctx, c, keys, args...)
	}
	cmd := s.s.Eval(ctx, c, keys, args...)
	if cmd.Err() == nil {
		s.loaded.Store(true)
	}
	return cmd
}

// Limiter is an amity.Limiter whose windows live in Redis, so that every process using the
// same Redis and the same identity shares one limit. Create it with New; it is safe for
// concurrent use.
type Limiter struct {
	rdb        redis.UniversalClient
	calls      int
	window     time.Duration
	span       time.Duration
	prefix     string
	timeout    time.Duration
	connect    time.Duration // connect timeout
	failClosed bool
	logger     *slog.Logger
	local      amity.Limiter

	id  string // names this limiter's reservations, with seq
	seq atomic.Uint64

	offset    atomic.Int64 // the Redis server's clock minus this process's, µs
	booksMu   sync.Mutex
	books     map[string]*book
	lastSweep int64 // µs, server clock
	rebuild   time.Duration
	args      [3]any // the script's constant arguments: calls, span, rebuilding time

	acquire, pause script

	cluster   bool        // rdb is a *redis.ClusterClient
	warm      atomic.Bool // Redis answered since New or since the last failure
	down      atomic.Bool // Redis failed; the local limiter rules until a probe succeeds
	mu        sync.Mutex
	probing   bool          // the probe goroutine runs
	closed    bool          // Close was called: no more probe goroutines
	stop      chan struct{} // closed by Close
	probes    sync.WaitGroup
	nextProbe time.Time // after Close, when a Wait may ask Redis again
	lastErr   error
}

// Option configures a Limiter in New.
type Option func(*Limiter)

// WithLimit sets the limit per identity: at most calls in any window, plus the margin of
// window/25 that amity.NewWindowLimiter adds (the server counts arrivals, not sends). The
// default is 100 per 5s, the API's limit. Every process sharing a Redis must use the same
// limit. New panics if calls < 1 or window <= 0.
func WithLimit(calls int, window time.Duration) Option {
	return func(l *Limiter) { l.calls, l.window = calls, window }
}

// WithPrefix sets the prefix of the keys the limiter writes (default "amity:rl:"). Each
// identity has the keys prefix+"{"+key+"}", prefix+"{"+key+"}:hold" and, after Redis lost
// its data, prefix+"{"+key+"}:lost"; the braces keep them in one Redis Cluster slot. A key
// that is empty or holds a brace (never one of the SDK's) is replaced there by "{" and 32 hex
// digits of its SHA-256, so that any key works on Cluster. New panics if prefix holds a
// brace, which could break that.
func WithPrefix(prefix string) Option { return func(l *Limiter) { l.prefix = prefix } }

// WithTimeout bounds each Redis operation (default 200ms). An operation that takes longer
// counts as Redis being unavailable. The time an operation waits for a new connection to be
// opened is bounded by WithConnectTimeout instead. New panics if d <= 0.
func WithTimeout(d time.Duration) Option { return func(l *Limiter) { l.timeout = d } }

// WithConnectTimeout sets how much longer than the operation timeout an operation may take
// when a connection is opened for it (default 1s): after the dial, the client's handshake
// (HELLO, then AUTH, SELECT, CLIENT SETINFO as configured) costs several round trips, which a
// distant Redis cannot fit in the operation timeout. It applies when the client's pool
// opened a connection during the operation (on Cluster, also to every operation until Redis
// first answers). A Redis that refuses connections is not waited for. New panics if d < 0.
func WithConnectTimeout(d time.Duration) Option { return func(l *Limiter) { l.connect = d } }

// WithFailClosed makes Wait fail with an error wrapping ErrUnavailable while Redis is
// unavailable, instead of falling back to the in-process limiter: no call is sent that the
// shared limit did not admit.
func WithFailClosed() Option { return func(l *Limiter) { l.failClosed = true } }

// WithLogger sets the logger of the limiter's state changes: one Warn when it falls back
// (or, under WithFailClosed, starts refusing calls), with the attributes error (the error
// value), and calls and window (the fallback's limit; not under WithFailClosed); and one Info
// when Redis answers again. No key or token is logged; the error is the Redis client's (it
// may name the server's address).
//
// Without WithLogger, or with a nil logger, nothing is logged: neither slog.Default nor the
// standard log package is written to. Degraded reports the state at any time.
func WithLogger(lg *slog.Logger) Option { return func(l *Limiter) { l.logger = lg } }

// WithFallback sets the in-process limiter that records every admission alongside Redis and
// rules alone while Redis is unavailable. The default, also for a nil fb, is
// amity.NewWindowLimiter with the limit of WithLimit.
func WithFallback(fb amity.Limiter) Option { return func(l *Limiter) { l.local = fb } }

// New returns a limiter keeping its windows in rdb (a *redis.Client, *redis.ClusterClient,
// *redis.Ring or failover client). The limiter does not own rdb: closing it is the caller's
// business. New panics if rdb is nil or an option is invalid.
func New(rdb redis.UniversalClient, opts ...Option) *Limiter {
	if rdb == nil {
		panic("redislimit: nil Redis client")
	}
	l := &Limiter{
		rdb:     rdb,
		calls:   DefaultCalls,
		window:  DefaultWindow,
		prefix:  DefaultPrefix,
		timeout: DefaultTimeout,
		connect: DefaultConnectTimeout,
		acquire: script{s: acquireScript},
		pause:   script{s: pauseScript},
		stop:    make(chan struct{}),
		books:   make(map[string]*book),
	}
	for _, o := range opts {
		o(l)
	}
	if l.calls < 1 || l.window <= 0 {
		panic(fmt.Sprintf("redislimit: invalid limit %d per %v", l.calls, l.window))
	}
	if strings.ContainsAny(l.prefix, "{}") {
		panic(fmt.Sprintf("redislimit: prefix %q holds a brace", l.prefix))
	}
	if l.timeout <= 0 {
		panic(fmt.Sprintf("redislimit: invalid timeout %v", l.timeout))
	}
	if l.connect < 0 {
		panic(fmt.Sprintf("redislimit: invalid connect timeout %v", l.connect))
	}
	l.span = l.window + l.window/25
	l.rebuild = l.span / 5
	l.args = [3]any{l.calls, l.span.Microseconds(), l.rebuild.Microseconds()}
	_, l.cluster = rdb.(*redis.ClusterClient)
	if l.local == nil {
		l.local = amity.NewWindowLimiter(l.calls, l.window)
	}
	if l.logger == nil {
		l.logger = slog.New(discardHandler{})
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	l.id = hex.EncodeToString(b[:]) + ":"
	return l
}

// Wait blocks until one more call for key may be sent, or ctx ends: it reserves a time in the
// shared window in Redis, sleeps until then, checks that Redis still holds the reservation,
// and records the admission in the in-process limiter too. When Redis lost the window, Wait
// puts this process's calls of the last window back first and reserves again (see the
// package documentation). A reserved time past ctx's deadline is given back and Wait returns
// at once with an *amity.LimitWaitError (it matches context.DeadlineExceeded), which the
// client reports as rate limited, with the wait as Error.RetryAfter. While Redis is unavailable the
// in-process limiter rules alone (or, under WithFailClosed, Wait fails with ErrUnavailable),
// and a goroutine asks Redis again every half second.
func (l *Limiter) Wait(ctx context.Context, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	b := l.bookOf(key)
	lost := false // Redis lost the window: put this process's calls back first
	for {
		if !l.useRedis() {
			break
		}
		r, err := l.reserve(ctx, key, b, lost)
		if err != nil {
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			l.fail(err)
			break
		}
		l.up()
		lost = false
		if r.rebuilding > 0 {
			// Redis lost the window; the processes are putting their calls back.
			if err := sleep(ctx, r.rebuilding); err != nil {
				return err
			}
			continue
		}
		again, err := l.admit(ctx, key, b, r)
		if !again {
			return err
		}
		lost = err == nil // err: the reservation was revoked (another caller put the calls back)
	}
	if l.failClosed {
		return l.unavailable()
	}
	if err := l.local.Wait(ctx, key); err != nil {
		return err
	}
	b.fallbackCall(l.nextMember(true), l.serverNow())
	return nil
}

// errRevoked is admit's answer for a reservation revoked by a caller who found the window lost.
var errRevoked = errors.New("reservation revoked")

// sleep waits for d, or fails at once when ctx's deadline comes first.
func sleep(ctx context.Context, d time.Duration) error {
	if dl, ok := ctx.Deadline(); ok && dl.Before(time.Now().Add(d)) {
		return &amity.LimitWaitError{Wait: d}
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// admit sleeps until the reserved time, checks that Redis still holds the reservation, then
// lets the in-process limiter record the call (it waits too only if it holds more of this
// process's calls than Redis does). A reservation not used is given back. again reports that
// the caller must reserve again: Redis lost the reservation (err nil: the window must be
// rebuilt first) or another caller of this process found that and revoked it.
func (l *Limiter) admit(ctx context.Context, key string, b *book, r reservation) (again bool, err error) {
	if r.wait > 0 {
		at := time.Now().Add(r.wait)
		if dl, ok := ctx.Deadline(); ok && dl.Before(at) {
			l.giveBack(ctx, key, b, r.member)
			return false, &amity.LimitWaitError{Wait: r.wait}
		}
		// A long wait is slept in steps of the rebuilding time. After each, a caller whose
		// reservation was revoked reserves again at once, and one caller of this process per
		// key and step checks that Redis still has the window: a loss is then found about
		// when it happens, not when the reservations come due, which makes the placeholders
		// stand for calls near their real times.
		for left := r.wait; left > 0; left = time.Until(at) {
			if err := sleep(ctx, min(left, l.rebuild)); err != nil {
				l.giveBack(ctx, key, b, r.member)
				return false, err
			}
			if b.revoked(r.member) {
				l.giveBack(ctx, key, b, r.member)
				return true, errRevoked
			}
			if time.Until(at) > 0 && b.watch(time.Now(), l.rebuild) {
				l.watch(ctx, key, b)
			}
		}
		// Redis may have lost the window while this caller waited: the call goes out only if
		// the reservation is still there, and otherwise this process's calls are put back.
		if b.revoked(r.member) {
			l.giveBack(ctx, key, b, r.member)
			return true, errRevoked
		}
		var held bool
		err := l.op(ctx, func(ctx context.Context) error {
			err := l.rdb.ZScore(ctx, l.windowKey(key), r.member).Err()
			held = err == nil
			if errors.Is(err, redis.Nil) {
				return nil
			}
			return err
		})
		if err == nil && !held && b.holds(r.member) {
			b.drop(r.member)
			return true, nil
		}
		if err != nil {
			// Redis made the reservation, and is unavailable now: the call goes out.
			l.fail(err)
		}
	}
	if !b.admitted(r.member) {
		l.giveBack(ctx, key, b, r.member)
		return true, errRevoked
	}
	if err := l.local.Wait(ctx, key); err != nil {
		l.giveBack(ctx, key, b, r.member)
		return false, err
	}
	return false, nil
}

// watch checks that Redis still holds this process's latest reservation for key and, when it
// does not, puts the process's calls back (which revokes the reservations under way). Errors
// are left to the callers' own operations.
func (l *Limiter) watch(ctx context.Context, key string, b *book) {
	span := l.span.Microseconds()
	check, _, ok := b.check(l.serverNow() - span)
	if !ok {
		return
	}
	var held bool
	err := l.op(ctx, func(ctx context.Context) error {
		err := l.rdb.ZScore(ctx, b.keys[0], check).Err()
		held = err == nil
		if errors.Is(err, redis.Nil) {
			return nil
		}
		return err
	})
	if err != nil || held || !b.holds(check) {
		return
	}
	payload := b.seed(l.serverNow()-span, true)
	args := append([]any{l.args[0], l.args[1], "", "", 0, modeLost, l.args[2]}, payload...)
	sent := time.Now()
	var res []int64
	err = l.op(ctx, func(ctx context.Context) error {
		var err error
		res, err = l.acquire.run(ctx, l.rdb, b.keys, args...).Int64Slice()
		if err == nil && len(res) != 3 {
			err = fmt.Errorf("redislimit: unexpected answer %v", res)
		}
		return err
	})
	if err == nil {
		l.clock(sent, time.Now(), res[2])
		b.seeded(payload)
	}
}

// giveBack forgets a reservation and gives it back to Redis.
func (l *Limiter) giveBack(ctx context.Context, key string, b *book, member string) {
	b.drop(member) // first: a caller checking the window must not take its absence for a loss
	l.release(ctx, key, member)
}

// Pause holds key's window for d (a whole window when d <= 0), in Redis so that every
// process sharing it slows down, and in the in-process limiter.
func (l *Limiter) Pause(ctx context.Context, key string, d time.Duration) {
	l.local.Pause(ctx, key, d)
	if d <= 0 {
		d = l.span
	}
	if !l.useRedis() {
		return
	}
	// Recorded even if the caller gives up (op ignores ctx's end): the others need to know.
	err := l.op(ctx, func(ctx context.Context) error {
		return l.pause.run(ctx, l.rdb, []string{l.holdKey(key)}, d.Microseconds()).Err()
	})
	if err == nil {
		l.up()
	} else {
		l.fail(err)
	}
}

func (l *Limiter) windowKey(key string) string { return l.prefix + "{" + hashTag(key) + "}" }
func (l *Limiter) holdKey(key string) string   { return l.prefix + "{" + hashTag(key) + "}:hold" }
func (l *Limiter) lostKey(key string) string   { return l.prefix + "{" + hashTag(key) + "}:lost" }

// hashTag returns what goes between the braces of key's Redis keys, so that Redis Cluster
// hashes only it and puts them in one slot: the key itself when that is safe (not empty, no
// brace: the SDK's keys are 32 hex digits), otherwise "{" and 32 hex digits of the key's
// SHA-256. The tag of "prefix{{…}" is "{…", which no safe key can be, so keys stay apart.
func hashTag(key string) string {
	if key != "" && !strings.ContainsAny(key, "{}") {
		return key
	}
	sum := sha256.Sum256([]byte(key))
	return "{" + hex.EncodeToString(sum[:16])
}

// reservation is what reserve obtained: a reservation wait from now, or the time to wait
// before trying again while a lost window is rebuilt.
type reservation struct {
	member     string
	wait       time.Duration
	rebuilding time.Duration
}

// reserve runs the acquisition script, with this process's calls to put back when Redis lost
// the window (lost), or when the fallback admitted calls Redis has not seen. Like op, it gives
// up after the operation timeout; when ctx ends first, a reservation the script made anyway is
// given back once its answer comes.
func (l *Limiter) reserve(ctx context.Context, key string, b *book, lost bool) (reservation, error) {
	span := l.span.Microseconds()
	for range 3 {
		cutoff := l.serverNow() - span
		mode, check, checkAt := modeLost, "", int64(0)
		payload := b.seed(cutoff, lost)
		if !lost {
			mode = modeReserve
			if payload != nil {
				mode = modeSync
			}
			if m, at, ok := b.check(cutoff); ok {
				check, checkAt = m, at
			}
		}
		r := reservation{member: l.nextMember(false)}
		args := append([]any{l.args[0], l.args[1], r.member, check, checkAt, mode, l.args[2]}, payload...)
		var res []int64
		sent := time.Now()
		o := l.start(ctx, func(ctx context.Context) error {
			var err error
			res, err = l.acquire.run(ctx, l.rdb, b.keys, args...).Int64Slice()
			if err == nil && len(res) != 3 {
				err = fmt.Errorf("redislimit: unexpected answer %v", res)
			}
			return err
		})
		err := l.await(ctx, o)
		switch {
		case errors.Is(err, errGaveUp):
			go func() {
				if err := <-o.done; err == nil && res[0] == codeReserved {
					l.release(context.Background(), key, r.member)
				}
			}()
			return reservation{}, ctx.Err()
		case err != nil:
			// On errNoAnswer the call goes out under the in-process limit; a reservation the
			// script makes after all stays and counts it.
			return reservation{}, err
		}
		l.clock(sent, time.Now(), res[2])
		switch res[0] {
		case codeLost:
			if b.holds(check) { // not a reservation given back meanwhile
				lost = true
			}
			continue
		case codeRebuilding:
			if payload != nil {
				b.seeded(payload)
			}
			r.rebuilding = time.Duration(res[1]) * time.Microsecond
			return r, nil
		}
		if payload != nil {
			b.seeded(payload)
		}
		r.wait = time.Duration(res[1]) * time.Microsecond
		b.reserved(r.member, res[2]+res[1])
		return r, nil
	}
	return reservation{}, errors.New("redislimit: the window kept changing")
}

// clock updates the estimate of the server's clock from an answer sent and received at those
// times that gave the server's time (µs).
func (l *Limiter) clock(sent, received time.Time, server int64) {
	mid := sent.Add(received.Sub(sent) / 2)
	l.offset.Store(server - mid.UnixMicro())
}

// serverNow estimates the Redis server's clock (µs), within a round trip.
func (l *Limiter) serverNow() int64 { return time.Now().UnixMicro() + l.offset.Load() }

// release gives back an unused reservation (best effort: one left behind only makes the
// window more conservative until it expires).
func (l *Limiter) release(ctx context.Context, key, member string) {
	_ = l.op(ctx, func(ctx context.Context) error {
		return l.rdb.ZRem(ctx, l.windowKey(key), member).Err()
	})
}

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

var _ amity.Limiter = (*Limiter)(nil)

// discardHandler is a slog.Handler that drops every record (slog.DiscardHandler needs Go
// 1.24).
type discardHandler struct{}

func (discardHandler) Enabled(context.Context, slog.Level) bool  { return false }
func (discardHandler) Handle(context.Context, slog.Record) error { return nil }
func (d discardHandler) WithAttrs([]slog.Attr) slog.Handler      { return d }
func (d discardHandler) WithGroup(string) slog.Handler           { return d }
