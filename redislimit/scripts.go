package redislimit

import (
	"context"
	"sync/atomic"

	"github.com/redis/go-redis/v9"
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
