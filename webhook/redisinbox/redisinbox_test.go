package redisinbox_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/amity-go/amity/internal/redisserver"
	"github.com/amity-go/amity/webhook"
	"github.com/amity-go/amity/webhook/inboxtest"
	"github.com/amity-go/amity/webhook/redisinbox"
	"github.com/redis/go-redis/v9"
)

type silent struct{}

func (silent) Printf(context.Context, string, ...any) {}

func TestMain(m *testing.M) {
	redis.SetLogger(silent{}) // go-redis logs every failed dial of a restart
	if inboxtest.Receiving() {
		os.Exit(inboxtest.Receive(func() (webhook.Inbox, func() error, error) {
			rdb := redis.NewClient(&redis.Options{Addr: os.Getenv(crashRedisEnv)})
			in, err := redisinbox.New(context.Background(), rdb)
			if err != nil {
				_ = rdb.Close()
				return nil, nil, err
			}
			return in, rdb.Close, nil
		}))
	}
	os.Exit(m.Run())
}

// The Redis inbox passes the acceptance suite, each case on an empty server of its own.
func TestAcceptance(t *testing.T) {
	inboxtest.Run(t, func(t *testing.T) webhook.Inbox {
		s := redisserver.Start(t)
		in, err := redisinbox.New(context.Background(), s.Client(t))
		if err != nil {
			t.Fatal(err)
		}
		return in
	})
}

// newInbox is an inbox of its own consumer on s.
func newInbox(t *testing.T, s *redisserver.Server, opts ...redisinbox.Option) *redisinbox.Inbox {
	t.Helper()
	in, err := redisinbox.New(context.Background(), s.Client(t), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// A receiver's run whose lease ended is reclaimed by another receiver (another consumer of
// the group, another client); a delivery stored by one is not stored again by the other.
func TestAnotherReceiverReclaims(t *testing.T) {
	ctx := context.Background()
	s := redisserver.Start(t)
	a, b := newInbox(t, s, redisinbox.WithConsumer("a")), newInbox(t, s, redisinbox.WithConsumer("b"))
	body := inboxtest.Body("r")
	key := webhook.InboxKey(body)
	if stored, err := a.Put(ctx, key, body); err != nil || !stored {
		t.Fatalf("Put: %t %v", stored, err)
	}
	if stored, err := b.Put(ctx, key, body); err != nil || stored {
		t.Fatalf("Put of the same delivery on the other receiver: %t %v", stored, err)
	}
	lease := 100 * time.Millisecond
	first, err := a.Take(ctx, lease)
	if err != nil || first == nil {
		t.Fatalf("Take: %v %v", first, err)
	}
	if ev, err := b.Take(ctx, lease); err != nil || ev != nil {
		t.Fatalf("the other receiver took a run within its lease: %+v %v", ev, err)
	}
	time.Sleep(lease + 20*time.Millisecond)
	second, err := b.Take(ctx, lease)
	if err != nil || second == nil || second.Key != key || second.Attempts != 2 {
		t.Fatalf("reclaim: %+v %v", second, err)
	}
	if err := a.Retry(ctx, first, time.Now(), "late"); !errors.Is(err, webhook.ErrLeaseLost) {
		t.Fatalf("Retry by the receiver that lost the lease: %v", err)
	}
	if err := b.Done(ctx, second); err != nil {
		t.Fatal(err)
	}
	if ev, err := a.Take(ctx, lease); err != nil || ev != nil {
		t.Fatalf("after Done: %+v %v", ev, err)
	}
}

// Options out of range are errors of New.
func TestOptionErrors(t *testing.T) {
	s := redisserver.Start(t)
	for name, o := range map[string]redisinbox.Option{
		"window": redisinbox.WithDedupWindow(-1), "replicas": redisinbox.WithWaitReplicas(1, 0),
		"prefix": redisinbox.WithPrefix(""), "expiry": redisinbox.WithConsumerExpiry(0),
	} {
		if _, err := redisinbox.New(context.Background(), s.Client(t), o); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := redisinbox.New(context.Background(), nil); err == nil {
		t.Error("nil client: no error")
	}
}

// With WithWaitReplicas and no replica, a delivery is refused (the Handler answers 503).
func TestWaitReplicas(t *testing.T) {
	s := redisserver.Start(t)
	in := newInbox(t, s, redisinbox.WithWaitReplicas(1, 50*time.Millisecond))
	body := inboxtest.Body("w")
	if _, err := in.Put(context.Background(), webhook.InboxKey(body), body); err == nil {
		t.Fatal("Put without the replica: no error")
	}
}

// The time to answer 200 with the Redis inbox (p50-ms, p99-ms), Redis on loopback with
// AOF and fsync always.
func BenchmarkAnswer(b *testing.B) {
	s := redisserver.Start(b, "--appendonly", "yes", "--appendfsync", "always")
	in, err := redisinbox.New(context.Background(), s.Client(b))
	if err != nil {
		b.Fatal(err)
	}
	inboxtest.BenchmarkAnswer(b, in)
}

// New removes the consumers idle past the expiry with nothing pending, and keeps those with
// pending entries (a dead receiver's runs, for another to reclaim).
func TestExpiredConsumersAreRemoved(t *testing.T) {
	ctx := context.Background()
	s := redisserver.Start(t)
	busy := newInbox(t, s, redisinbox.WithConsumer("busy"))
	body := inboxtest.Body("c")
	if _, err := busy.Put(ctx, webhook.InboxKey(body), body); err != nil {
		t.Fatal(err)
	}
	if ev, err := busy.Take(ctx, time.Minute); err != nil || ev == nil {
		t.Fatalf("Take: %v %v", ev, err)
	}
	if err := s.Client(t).XGroupCreateConsumer(ctx, redisinbox.DefaultPrefix+":stream", "receivers", "idle").Err(); err != nil {
		t.Fatal(err)
	}
	names := func() []string {
		cs, err := s.Client(t).XInfoConsumers(ctx, redisinbox.DefaultPrefix+":stream", "receivers").Result()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range cs {
			out = append(out, c.Name)
		}
		return out
	}
	if got := names(); len(got) != 2 {
		t.Fatalf("consumers %v, want idle and busy", got)
	}
	time.Sleep(20 * time.Millisecond)
	newInbox(t, s, redisinbox.WithConsumer("new"), redisinbox.WithConsumerExpiry(10*time.Millisecond))
	if got := names(); len(got) != 1 || got[0] != "busy" {
		t.Fatalf("consumers after New %v, want busy only", got)
	}
}
