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
	"go.opentelemetry.io/otel/metric"
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
	meters     metric.MeterProvider
	tel        *telemetry // nil without WithMeterProvider

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
	if l.meters != nil {
		l.tel = newTelemetry(l.meters)
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
	if l.tel == nil {
		_, err := l.wait(ctx, key)
		return err
	}
	start := time.Now()
	local, err := l.wait(ctx, key)
	l.tel.waited(ctx, time.Since(start), local, err)
	return err
}

// wait is Wait; local reports that Redis was unavailable and the in-process limiter decided
// (or, under WithFailClosed, that the call was refused for it).
func (l *Limiter) wait(ctx context.Context, key string) (local bool, err error) {
	if err := ctx.Err(); err != nil {
		return false, err
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
				return false, cerr
			}
			l.fail(err)
			break
		}
		l.up()
		lost = false
		if r.rebuilding > 0 {
			// Redis lost the window; the processes are putting their calls back.
			if err := sleep(ctx, r.rebuilding); err != nil {
				return false, err
			}
			continue
		}
		again, err := l.admit(ctx, key, b, r)
		if !again {
			return false, err
		}
		lost = err == nil // err: the reservation was revoked (another caller put the calls back)
	}
	if l.failClosed {
		return true, l.unavailable()
	}
	if err := l.local.Wait(ctx, key); err != nil {
		return true, err
	}
	b.fallbackCall(l.nextMember(true), l.serverNow())
	return true, nil
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

var _ amity.Limiter = (*Limiter)(nil)

// discardHandler is a slog.Handler that drops every record (slog.DiscardHandler needs Go
// 1.24).
type discardHandler struct{}

func (discardHandler) Enabled(context.Context, slog.Level) bool  { return false }
func (discardHandler) Handle(context.Context, slog.Record) error { return nil }
func (d discardHandler) WithAttrs([]slog.Attr) slog.Handler      { return d }
func (d discardHandler) WithGroup(string) slog.Handler           { return d }
