package redisinbox_test

import (
	"flag"
	"testing"

	"github.com/amity-go/amity/internal/redisserver"
	"github.com/amity-go/amity/webhook/inboxtest"
)

var crashFull = flag.Bool("inbox.crash.full", false, "run the inbox crash test at full size: 10,000 deliveries, 25 kills")

// crashRedisEnv is the Redis address of a crash receiver.
const crashRedisEnv = "AMITY_INBOX_CRASH_REDIS"

// Two receivers share a Redis inbox; one is killed with SIGKILL at random moments, and
// Redis itself (AOF on, fsync always) is killed and restarted once, while deliveries come
// in: none of those answered 200 is lost (inboxtest.Crash). CI runs 300 deliveries and 4
// kills; -inbox.crash.full 10,000 and 25.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("starts receiver processes")
	}
	cfg := inboxtest.CrashConfig{Deliveries: 300, Kills: 4, Receivers: 2}
	if *crashFull {
		cfg.Deliveries, cfg.Kills = 10000, 25
	}
	s := redisserver.Start(t, "--appendonly", "yes", "--appendfsync", "always")
	cfg.Env = []string{crashRedisEnv + "=" + s.Addr}
	restartAt := cfg.Kills / 2
	cfg.AfterKill = func(k int) {
		if k == restartAt {
			// SIGKILL, then the same port and settings: the AOF is read back. This runs on the
			// crash test's killer goroutine, so a failure is reported with Errorf, not Fatal.
			if err := s.TryRestart(); err != nil {
				t.Errorf("restarting redis-server after kill %d: %v", k, err)
				return
			}
			t.Logf("redis-server killed and restarted after kill %d", k)
		}
	}
	inboxtest.Crash(t, cfg)
}
