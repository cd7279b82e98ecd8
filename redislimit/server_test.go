package redislimit_test

import (
	"context"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/amity-go/amity/internal/redisserver"
	"github.com/amity-go/amity/internal/testkit"
	"github.com/redis/go-redis/v9"
)

// redisServer is a redis-server process of the test's own (internal/redisserver).
type redisServer = redisserver.Server

// startRedis starts a redis-server for the test, or skips it (redisserver.Start).
func startRedis(t testing.TB, extra ...string) *redisServer {
	t.Helper()
	return redisserver.Start(t, extra...)
}

func TestMain(m *testing.M) {
	redis.SetLogger(silent{}) // go-redis logs every failed dial of the outages the tests make
	if mode := os.Getenv(workerEnv); mode != "" {
		os.Exit(worker(mode))
	}
	os.Exit(m.Run())
}

type silent struct{}

func (silent) Printf(context.Context, string, ...any) {}

// levelCount reports how many records of level (e.g. "WARN") logs holds, as newLog writes them.
func levelCount(logs *testkit.SyncBuffer, level string) int {
	return strings.Count(logs.String(), "level="+level+" ")
}

// newLog returns a text logger at Debug level and what it writes.
func newLog() (*testkit.SyncBuffer, *slog.Logger) {
	b := new(testkit.SyncBuffer)
	return b, slog.New(slog.NewTextHandler(b, &slog.HandlerOptions{Level: slog.LevelDebug}))
}
