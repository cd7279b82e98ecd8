// Package redislimit is an amity.Limiter that keeps its windows in Redis, so that many
// processes calling the Amity API as the same identity share one rate limit.
//
// # When you need it
//
// The API admits 100 calls per user (the admin token is one user) in any 5 seconds and
// answers the 101st with 400311. The SDK's default limiter keeps that count in the process:
// two processes, pods or cron jobs using the same admin token each send 100 calls in a
// window, and the API refuses about half of them. With this package every process asks Redis
// for its turn instead, and all of them together stay under the limit while keeping about
// 96% of it (the window carries the same arrival margin, window/25, as the default limiter).
// A single process does not need it.
//
// # Configuration
//
//	rdb := redis.NewClient(&redis.Options{Addr: "redis:6379"}) // or NewClusterClient, NewUniversalClient...
//	client, err := amity.NewClient(
//		amity.WithRegion(amity.RegionEU),
//		amity.WithAdminToken(os.Getenv("AMITY_ADMIN_TOKEN")),
//		amity.WithLimiter(redislimit.New(rdb)),
//	)
//
// Options: WithLimit(calls, window) (default 100 per 5s; every process sharing a Redis must
// use the same one), WithPrefix (default "amity:rl:"), WithTimeout for each Redis operation
// (default 200ms) and WithConnectTimeout for opening a connection on top of it (default 1s),
// WithFailClosed, WithLogger (default: no logging) and WithFallback (the in-process limiter,
// default amity.NewWindowLimiter with the same limit). New panics on a value out of range
// (WithLimit(0, ...), WithTimeout(0), ...), a programming error; a nil logger or fallback
// means the default. Close stops the goroutine a limiter runs while Redis is unavailable; it
// does not close the Redis client.
//
// Each identity has a sorted set of admission times, prefix+"{"+key+"}", a hold key beside
// it, and after a loss of data (below) a third; the key is a keyed hash of the identity (32
// hex digits) that holds no token, key or user ID, and is the same in every process of the
// same network. The braces put the keys in one Redis Cluster slot, so Cluster works; a key of
// your own Limiter that is empty or holds a brace is replaced there by "{" and a hash of it.
// Keys expire by themselves once their window has passed. Redis 5 or later is needed (any
// Redis whose scripts may call TIME and then write).
//
// # How it works
//
// Each Wait runs one Lua script (EVALSHA; EVAL until Redis has it, so the first call is one
// round trip too) that, atomically and on the Redis server's clock, drops admissions older than
// one window, and reserves the earliest time at which the window has room: now if fewer than
// the limit were admitted in the last window and nothing is queued, otherwise one window after
// the limit-th most recent admission. Reservations are recorded, so concurrent processes queue
// in order and no window ever holds more than the limit. Wait then sleeps until its time (no
// polling) and, if it slept, checks that Redis still holds the reservation (one more round
// trip, for at most the limit's calls per window); a time past ctx's deadline is given back at
// once with an *amity.LimitWaitError (it matches context.DeadlineExceeded; the client reports
// the call as rate limited), and the reservation of a caller whose ctx ends while it waits is
// given back too. When the API answers 429 or 400311 anyway, the client's Pause
// holds the window in Redis for the Retry-After time (a whole window without one), so every
// process slows down, not only the one that was refused.
//
// Clocks of the processes do not matter; only the Redis server's does. With replicas that may
// be promoted, keep the servers' clocks synchronised.
//
// # When Redis is unavailable
//
// An operation that fails or takes longer than the timeout (the limiter does not wait for the
// client's own, longer, read timeout) makes the limiter fall back to the in-process limiter,
// with the same limit: each process then keeps its own 100 per 5s, never no limit, so N
// processes may send up to N times the limit and the API refuses the excess with 400311,
// which the client retries. One Warn is logged when this happens and one Info when Redis
// answers again, to the logger of WithLogger (nothing is logged without one, neither to
// slog.Default nor to the standard log package). While it is down, a goroutine asks Redis
// again every half second (SCRIPT LOAD, which also has the scripts ready), whether or not
// anyone calls Wait, so the limiter goes back to it within about half a second of its return
// (measured: 0.07 to 0.3s); the goroutine exists only during an outage, and ends with it or
// on Close. Degraded reports the state.
// Back on Redis, each process adds the calls its fallback admitted to the window with its
// next reservation, so the fleet is under the shared limit again within one window.
//
// Opening a connection is not counted in the timeout: the dial and the client's handshake
// (HELLO, CLIENT SETINFO, AUTH, SELECT as configured) cost several round trips, so an
// operation during which the client's pool opened a connection may take the connect timeout
// more (a Redis refusing connections is not waited for). A fresh process 50 or 80ms away from
// Redis thus uses it from its first call (measured: 8 first calls at once, each on a new
// connection, in 0.27s and 0.42s).
//
// With WithFailClosed, Wait fails instead with an error wrapping ErrUnavailable while Redis is
// unavailable: no call is sent that the shared limit did not admit.
//
// # When Redis loses its data
//
// A restart without persistence, a failover that loses recent writes or a FLUSHALL empties the
// windows while Redis answers. The fleet still holds the limit: each process keeps its own
// calls of the last window (on the server's clock, with those its fallback admitted during an
// outage), and the first process that reaches Redis after the loss with calls of its own in
// the last window finds it, because its latest reservation is missing: when it reserves
// again, when a reservation it slept on comes due, or, while its callers sleep on
// reservations, within a fifth of a window (one of them checks the window that often, once
// per key and process). It puts its calls back, plus placeholders at the time it found the
// loss for the rest of the limit: they stand for the calls of the processes it cannot see,
// whatever they were, alive or not. For a fifth of a window (1.04s by default) Redis then
// reserves nothing while the other processes put their calls back, each removing a
// placeholder for each of its calls Redis had lost. Reservations made before the loss are not
// honoured: their callers reserve again. So no window holds more than the limit (measured: 4
// processes of 8 goroutines at the API's limit, fail-closed, a FLUSHALL and then a restart
// mid-run: at most 100 calls in any 5s, against 132 before, and no fewer calls in all than
// without a loss, 400 in 16s). The placeholders left after the rebuilding time, those of the
// processes that did not put their calls back in time, hold the window until a window after
// the loss was found.
//
// What it cannot do: calls made between the loss and its discovery by processes with no call in
// the last window are counted against the window Redis has, so the window of the loss can hold
// up to twice the limit if such a process calls first; if no process that called in the last
// window calls again, nobody finds the loss, and the window starts empty. A Pause held in
// Redis is lost with the data (the API will refuse again and the client pause again).
// Independently of all this, every admission is recorded in the in-process limiter too, so one
// process never sends more than the limit.
package redislimit
