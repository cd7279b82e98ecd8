// Package redisinbox is a webhook.Inbox in Redis, for several receivers behind one load
// balancer: the deliveries are entries of a Redis stream read by one consumer group, so a
// delivery that reaches two receivers is stored once and run once, and the events a dead
// receiver was running are reclaimed (XAUTOCLAIM) by the others once their lease has been
// idle that long.
//
//	rdb := redis.NewClient(&redis.Options{Addr: "redis:6379"})
//	in, err := redisinbox.New(ctx, rdb)
//	h, err := webhook.NewHandler(secret, webhook.WithInbox(in))
//
// It is a package of its own so that the users of the file inbox do not import go-redis.
//
// Durability is Redis's: a Put returns once Redis has the event, which is on disk when
// the server runs with appendonly yes and appendfsync always (everysec: up to a second
// can be lost with the server), or on replicas with WithWaitReplicas. All keys share one
// hash tag (the prefix), so the inbox lives on one node of a cluster. Needs Redis 6.2 or
// later (XAUTOCLAIM).
package redisinbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/amity-go/amity/webhook"
	"github.com/redis/go-redis/v9"
)

// DefaultPrefix starts the names of the inbox's keys; its braces make it the keys' hash tag.
const DefaultPrefix = "{amity-inbox}"

// group is the consumer group every receiver reads with.
const group = "receivers"

// Inbox is a webhook.Inbox in Redis; see the package documentation. Its methods are safe
// for concurrent use; several processes may share one.
type Inbox struct {
	rdb      redis.UniversalClient
	prefix   string
	consumer string
	window   time.Duration
	replicas int
	waitFor  time.Duration
	expiry   time.Duration
}

// Option configures New.
type Option func(*Inbox)

// WithPrefix sets the start of the inbox's key names (default DefaultPrefix); receivers
// that share an inbox use the same. Put it in braces to keep the keys on one cluster node.
func WithPrefix(p string) Option { return func(in *Inbox) { in.prefix = p } }

// WithDedupWindow sets how long the key of a handled or dropped delivery is remembered
// (default webhook.DefaultDedupWindow, 24 h), so that the body delivered again is not
// stored and run twice. New returns an error for d < 0.
func WithDedupWindow(d time.Duration) Option { return func(in *Inbox) { in.window = d } }

// WithConsumer sets the receiver's consumer name in the group (default: host name,
// process ID and a random suffix). Two live receivers must not share one.
func WithConsumer(name string) Option { return func(in *Inbox) { in.consumer = name } }

// WithWaitReplicas makes Put wait until n replicas have the event (Redis WAIT, at most
// timeout) and fail, so that the delivery is answered 503, when fewer do. New returns an
// error for n < 0 or, with n > 0, timeout <= 0.
func WithWaitReplicas(n int, timeout time.Duration) Option {
	return func(in *Inbox) { in.replicas, in.waitFor = n, timeout }
}

// DefaultConsumerExpiry is how long a consumer of the group (a receiver process) that has
// nothing pending may stay idle before New removes it.
const DefaultConsumerExpiry = 24 * time.Hour

// WithConsumerExpiry sets how long a consumer with nothing pending may stay idle before New
// removes it from the group (default DefaultConsumerExpiry): each process is a consumer of
// its own, so restarts would pile them up. New returns an error for d <= 0.
func WithConsumerExpiry(d time.Duration) Option { return func(in *Inbox) { in.expiry = d } }

// New returns the inbox in rdb, creating its stream and consumer group when they do not
// exist, and removing the consumers of processes long gone (WithConsumerExpiry). The
// caller closes rdb after the Handlers that use the inbox.
func New(ctx context.Context, rdb redis.UniversalClient, opts ...Option) (*Inbox, error) {
	in := &Inbox{rdb: rdb, prefix: DefaultPrefix, window: webhook.DefaultDedupWindow, expiry: DefaultConsumerExpiry}
	for _, o := range opts {
		if o != nil {
			o(in)
		}
	}
	switch {
	case rdb == nil:
		return nil, errors.New("redisinbox: nil client")
	case in.window < 0:
		return nil, fmt.Errorf("redisinbox: WithDedupWindow(%v): want 0 or more", in.window)
	case in.replicas < 0 || in.replicas > 0 && in.waitFor <= 0:
		return nil, fmt.Errorf("redisinbox: WithWaitReplicas(%d, %v): want n >= 0 and a positive timeout", in.replicas, in.waitFor)
	case in.prefix == "":
		return nil, errors.New("redisinbox: WithPrefix(\"\"): want a prefix")
	case in.expiry <= 0:
		return nil, fmt.Errorf("redisinbox: WithConsumerExpiry(%v): want more than 0", in.expiry)
	}
	if in.consumer == "" {
		host, _ := os.Hostname()
		var b [4]byte
		_, _ = rand.Read(b[:])
		in.consumer = fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b[:]))
	}
	err := rdb.XGroupCreateMkStream(ctx, in.stream(), group, "0").Err()
	if err != nil && !strings.HasPrefix(err.Error(), "BUSYGROUP") {
		return nil, fmt.Errorf("redisinbox: create the consumer group: %w", err)
	}
	consumers, err := rdb.XInfoConsumers(ctx, in.stream(), group).Result()
	if err != nil {
		return nil, fmt.Errorf("redisinbox: list the consumers: %w", err)
	}
	for _, c := range consumers {
		// A consumer with entries pending keeps them until another reclaims them.
		if c.Pending == 0 && c.Idle >= in.expiry && c.Name != in.consumer {
			if err := rdb.XGroupDelConsumer(ctx, in.stream(), group, c.Name).Err(); err != nil {
				return nil, fmt.Errorf("redisinbox: remove an expired consumer: %w", err)
			}
		}
	}
	return in, nil
}

func (in *Inbox) stream() string         { return in.prefix + ":stream" }
func (in *Inbox) retry() string          { return in.prefix + ":retry" }
func (in *Inbox) dead() string           { return in.prefix + ":dead" }
func (in *Inbox) all() string            { return in.prefix + ":all" }
func (in *Inbox) ev(key string) string   { return in.prefix + ":ev:" + key }
func (in *Inbox) seen(key string) string { return in.prefix + ":seen:" + key }
func ms(t time.Time) int64               { return t.UnixMilli() }
func fromMS(s string) time.Time          { n, _ := strconv.ParseInt(s, 10, 64); return time.UnixMilli(n) }
func (in *Inbox) windowMS() int64        { return in.window.Milliseconds() }
func leaseLost(err error) bool           { return err != nil && strings.Contains(err.Error(), "LEASE_LOST") }
func noSuchEvent(err error) bool         { return err != nil && strings.Contains(err.Error(), "NO_SUCH_EVENT") }
func wrap(op string, err error) error    { return fmt.Errorf("redisinbox: %s: %w", op, err) }
func evKeys(in *Inbox, key string) []string {
	return []string{in.ev(key), in.seen(key), in.stream(), in.all(), in.retry(), in.dead()}
}

// The scripts take KEYS ev, seen, stream, all, retry, dead (evKeys).

// putScript: ARGV key, body, now (ms). 1 stored, 0 held already.
var putScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
local id = redis.call('XADD', KEYS[3], '*', 'k', ARGV[1])
redis.call('HSET', KEYS[1], 'body', ARGV[2], 'state', 'pending', 'attempts', 0, 'received', ARGV[3], 'nb', ARGV[3], 'sid', id, 'err', '')
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1])
return 1`)

// startScript: ARGV entry ID, group, lease end (ms). Starts the run of the entry's event:
// {body, attempts, received, err}, or nil (and the entry is removed) when the entry is
// stale (its event done, dropped or moved on).
var startScript = redis.NewScript(`
local sid = redis.call('HGET', KEYS[1], 'sid')
if not sid or sid ~= ARGV[1] then
  redis.call('XACK', KEYS[3], ARGV[2], ARGV[1])
  redis.call('XDEL', KEYS[3], ARGV[1])
  return false
end
local n = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
redis.call('HSET', KEYS[1], 'state', 'running', 'nb', ARGV[3])
local v = redis.call('HMGET', KEYS[1], 'body', 'received', 'err')
return {v[1], n, v[2], v[3]}`)

// forget removes the event of KEYS[1] (ARGV[1] key, ARGV[2] group, ARGV[3] window ms).
const forget = `
local sid = redis.call('HGET', KEYS[1], 'sid')
if sid and sid ~= '' then
  redis.call('XACK', KEYS[3], ARGV[2], sid)
  redis.call('XDEL', KEYS[3], sid)
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('ZREM', KEYS[5], ARGV[1])
redis.call('ZREM', KEYS[6], ARGV[1])
if tonumber(ARGV[3]) > 0 then redis.call('SET', KEYS[2], '1', 'PX', ARGV[3]) end`

// doneScript: ARGV key, group, window (ms).
var doneScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end` + forget + `
return 1`)

// dropScript: ARGV key, group, window (ms).
var dropScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('NO_SUCH_EVENT') end` + forget + `
return 1`)

// settleScript: ARGV key, group, attempts, state (pending or dead), at (ms), cause. Ends a
// run that still holds its lease: pending again from at (in the retry set), or dead.
var settleScript = redis.NewScript(`
local v = redis.call('HMGET', KEYS[1], 'state', 'attempts', 'sid')
if v[1] ~= 'running' or v[2] ~= ARGV[3] then return redis.error_reply('LEASE_LOST') end
if v[3] and v[3] ~= '' then
  redis.call('XACK', KEYS[3], ARGV[2], v[3])
  redis.call('XDEL', KEYS[3], v[3])
end
redis.call('HSET', KEYS[1], 'state', ARGV[4], 'nb', ARGV[5], 'err', ARGV[6], 'sid', '')
if ARGV[4] == 'dead' then
  redis.call('ZADD', KEYS[6], ARGV[5], ARGV[1])
else
  redis.call('ZADD', KEYS[5], ARGV[5], ARGV[1])
end
return 1`)

// replayScript: ARGV key, now (ms). Makes a dead event pending in the stream.
var replayScript = redis.NewScript(`
if redis.call('HGET', KEYS[1], 'state') ~= 'dead' then return redis.error_reply('NO_SUCH_EVENT') end
redis.call('ZREM', KEYS[6], ARGV[1])
local id = redis.call('XADD', KEYS[3], '*', 'k', ARGV[1])
redis.call('HSET', KEYS[1], 'state', 'pending', 'attempts', 0, 'nb', ARGV[2], 'sid', id)
return 1`)

// promoteScript: KEYS retry, stream; ARGV now (ms), prefix. Moves the retries that are due
// into the stream, at most 100.
var promoteScript = redis.NewScript(`
local keys = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 100)
for _, k in ipairs(keys) do
  redis.call('ZREM', KEYS[1], k)
  local ev = ARGV[2] .. ':ev:' .. k
  if redis.call('HGET', ev, 'state') == 'pending' then
    local id = redis.call('XADD', KEYS[2], '*', 'k', k)
    redis.call('HSET', ev, 'sid', id)
  end
end
return #keys`)

// Put implements webhook.Inbox.
func (in *Inbox) Put(ctx context.Context, key string, body []byte) (bool, error) {
	n, err := putScript.Run(ctx, in.rdb, evKeys(in, key), key, body, ms(time.Now())).Int()
	if err != nil {
		return false, wrap("store the delivery", err)
	}
	if n == 1 && in.replicas > 0 {
		got, err := in.rdb.Do(ctx, "WAIT", in.replicas, in.waitFor.Milliseconds()).Int64()
		if err != nil {
			return false, wrap("wait for the replicas", err)
		}
		if got < int64(in.replicas) {
			return false, fmt.Errorf("redisinbox: %d of %d replicas have the delivery", got, in.replicas)
		}
	}
	return n == 1, nil
}

// Take implements webhook.Inbox: due retries move into the stream, then an entry idle for
// the lease in another consumer's pending list is claimed (its receiver died or overran
// its lease), else a new entry is read.
func (in *Inbox) Take(ctx context.Context, lease time.Duration) (*webhook.InboxEvent, error) {
	now := time.Now()
	if err := promoteScript.Run(ctx, in.rdb, []string{in.retry(), in.stream()}, ms(now), in.prefix).Err(); err != nil {
		return nil, wrap("move the due retries", err)
	}
	for range 16 { // stale entries are skipped; a few at most
		id, key, err := in.next(ctx, lease)
		if err != nil || id == "" {
			return nil, err
		}
		ev, err := in.start(ctx, id, key, time.Now().Add(lease))
		if err != nil || ev != nil {
			return ev, err
		}
	}
	return nil, nil
}

// next returns the ID and key of the entry to run: a reclaimed one or a new one; "" when
// there is none.
func (in *Inbox) next(ctx context.Context, lease time.Duration) (id, key string, err error) {
	claimed, _, err := in.rdb.XAutoClaim(ctx, &redis.XAutoClaimArgs{
		Stream: in.stream(), Group: group, Consumer: in.consumer, MinIdle: lease, Start: "0-0", Count: 1,
	}).Result()
	if err != nil {
		return "", "", wrap("reclaim", err)
	}
	if len(claimed) > 0 {
		return claimed[0].ID, fmt.Sprint(claimed[0].Values["k"]), nil
	}
	streams, err := in.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{
		Group: group, Consumer: in.consumer, Streams: []string{in.stream(), ">"}, Count: 1, Block: -1,
	}).Result()
	if errors.Is(err, redis.Nil) {
		return "", "", nil
	}
	if err != nil {
		return "", "", wrap("read", err)
	}
	for _, s := range streams {
		for _, m := range s.Messages {
			return m.ID, fmt.Sprint(m.Values["k"]), nil
		}
	}
	return "", "", nil
}

// start starts the run of entry id; nil when the entry was stale.
func (in *Inbox) start(ctx context.Context, id, key string, leaseEnd time.Time) (*webhook.InboxEvent, error) {
	v, err := startScript.Run(ctx, in.rdb, evKeys(in, key), id, group, ms(leaseEnd)).Slice()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, wrap("start the run", err)
	}
	if len(v) != 4 {
		return nil, fmt.Errorf("redisinbox: start the run: %d values", len(v))
	}
	attempts, _ := v[1].(int64)
	return &webhook.InboxEvent{
		Key: key, Body: []byte(fmt.Sprint(v[0])), State: webhook.InboxRunning, Attempts: int(attempts),
		Received: fromMS(fmt.Sprint(v[2])), NotBefore: time.UnixMilli(ms(leaseEnd)), LastError: str(v[3]),
	}, nil
}

func str(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}

// Done implements webhook.Inbox.
func (in *Inbox) Done(ctx context.Context, ev *webhook.InboxEvent) error {
	if err := doneScript.Run(ctx, in.rdb, evKeys(in, ev.Key), ev.Key, group, in.windowMS()).Err(); err != nil {
		return wrap("mark the event done", err)
	}
	return nil
}

func (in *Inbox) settle(ctx context.Context, ev *webhook.InboxEvent, state webhook.InboxState, at time.Time, cause string) error {
	err := settleScript.Run(ctx, in.rdb, evKeys(in, ev.Key), ev.Key, group, ev.Attempts, string(state), ms(at), cause).Err()
	switch {
	case leaseLost(err):
		return fmt.Errorf("redisinbox: %w: %s", webhook.ErrLeaseLost, ev.Key)
	case err != nil:
		return wrap("record the outcome", err)
	}
	return nil
}

// Retry implements webhook.Inbox.
func (in *Inbox) Retry(ctx context.Context, ev *webhook.InboxEvent, at time.Time, cause string) error {
	return in.settle(ctx, ev, webhook.InboxPending, at, cause)
}

// DeadLetter implements webhook.Inbox.
func (in *Inbox) DeadLetter(ctx context.Context, ev *webhook.InboxEvent, cause string) error {
	return in.settle(ctx, ev, webhook.InboxDead, time.Now(), cause)
}

// List implements webhook.Inbox.
func (in *Inbox) List(ctx context.Context, state webhook.InboxState) ([]webhook.InboxEvent, error) {
	keys, err := in.rdb.ZRange(ctx, in.all(), 0, -1).Result()
	if err != nil {
		return nil, wrap("list", err)
	}
	var out []webhook.InboxEvent
	for len(keys) > 0 {
		batch := keys[:min(len(keys), 256)]
		keys = keys[len(batch):]
		cmds := make([]*redis.SliceCmd, len(batch))
		_, err := in.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
			for i, k := range batch {
				cmds[i] = p.HMGet(ctx, in.ev(k), "state", "body", "attempts", "received", "nb", "err")
			}
			return nil
		})
		if err != nil {
			return nil, wrap("list", err)
		}
		for i, c := range cmds {
			v := c.Val()
			if len(v) != 6 || str(v[0]) != string(state) {
				continue
			}
			attempts, _ := strconv.Atoi(str(v[2]))
			ev := webhook.InboxEvent{
				Key: batch[i], Body: []byte(str(v[1])), State: state, Attempts: attempts,
				Received: fromMS(str(v[3])), LastError: str(v[5]),
			}
			if state != webhook.InboxDead {
				ev.NotBefore = fromMS(str(v[4]))
			}
			out = append(out, ev)
		}
	}
	return out, nil
}

// Replay implements webhook.Inbox.
func (in *Inbox) Replay(ctx context.Context, key string) error {
	err := replayScript.Run(ctx, in.rdb, evKeys(in, key), key, ms(time.Now())).Err()
	switch {
	case noSuchEvent(err):
		return fmt.Errorf("redisinbox: %w: no dead event %s", webhook.ErrNoSuchEvent, key)
	case err != nil:
		return wrap("replay", err)
	}
	return nil
}

// ReplayDead implements webhook.Inbox.
func (in *Inbox) ReplayDead(ctx context.Context) (int, error) {
	keys, err := in.rdb.ZRange(ctx, in.dead(), 0, -1).Result()
	if err != nil {
		return 0, wrap("replay", err)
	}
	n := 0
	for _, k := range keys {
		err := in.Replay(ctx, k)
		switch {
		case errors.Is(err, webhook.ErrNoSuchEvent): // replayed or dropped meanwhile
		case err != nil:
			return n, err
		default:
			n++
		}
	}
	return n, nil
}

// Drop implements webhook.Inbox.
func (in *Inbox) Drop(ctx context.Context, key string) error {
	err := dropScript.Run(ctx, in.rdb, evKeys(in, key), key, group, in.windowMS()).Err()
	switch {
	case noSuchEvent(err):
		return fmt.Errorf("redisinbox: %w: %s", webhook.ErrNoSuchEvent, key)
	case err != nil:
		return wrap("drop", err)
	}
	return nil
}

var _ webhook.Inbox = (*Inbox)(nil)
