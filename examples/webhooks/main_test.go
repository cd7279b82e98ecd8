package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity/webhook"
)

func TestRunOnTheFake(t *testing.T) {
	t.Setenv("AMITY_REGION", "")
	t.Setenv("AMITY_BASE_URL", "")
	var out bytes.Buffer
	if err := run(context.Background(), &out, config{block: "forbidden"}); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	s := out.String()
	for _, want := range []string{
		"built-in fake", "mode: listen",
		"webhook v3.post.didCreate: post", "by Demo User",
		"pre-hook post.shouldCreate by webhooks-demo: deny",
		"denied: 400 400000 posts may not contain forbidden",
		"webhook v3.post.didFlag",
		"pre-hook post.shouldFlag by admin: allow",
		"failed; pre-hook calls: 3",
		"4. a durable receiver (file inbox):",
		"102 deliveries answered 200 (post ",
		" 1 time(s), 1 after a retry, 0 dead",
		"   101 events run, post ",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	if !strings.HasPrefix(s, "network: ") {
		t.Errorf("first line: %s", strings.SplitN(s, "\n", 2)[0])
	}
}

// On a real network an unset secret stops the example at start-up with the variable's name,
// instead of a receiver that answers 401 to every delivery.
func TestListenRefusesAnUnsetSecret(t *testing.T) {
	// Were a secret accepted, listen would serve until ctx ends.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	t.Setenv("AMITY_WEBHOOK_SECRET", "")
	err := listen(ctx, &logger{out: io.Discard}, config{addr: "127.0.0.1:0"})
	if err == nil || !strings.Contains(err.Error(), "AMITY_WEBHOOK_SECRET") || !errors.Is(err, webhook.ErrNoSecret) {
		t.Fatalf("listen with no secret: %v", err)
	}
	t.Setenv("AMITY_WEBHOOK_SECRET", "s3cret")
	t.Setenv("AMITY_PREHOOK_SECRET", "s3cret\n")
	err = listen(ctx, &logger{out: io.Discard}, config{addr: "127.0.0.1:0"})
	if err == nil || !strings.Contains(err.Error(), "AMITY_PREHOOK_SECRET") || !errors.Is(err, webhook.ErrSecretSpace) {
		t.Fatalf("listen with a pre-hook secret read from a file: %v", err)
	}
}

// The real-network server sets every timeout, so slow clients cannot hold its connections.
func TestServerTimeouts(t *testing.T) {
	srv := newServer(":8080", http.NotFoundHandler())
	for name, d := range map[string]time.Duration{
		"ReadHeaderTimeout": srv.ReadHeaderTimeout, "ReadTimeout": srv.ReadTimeout,
		"WriteTimeout": srv.WriteTimeout, "IdleTimeout": srv.IdleTimeout,
	} {
		if d <= 0 {
			t.Errorf("%s is not set", name)
		}
	}
	// The answer is written after the handlers' budget or the pre-hook's deadline.
	if srv.WriteTimeout <= webhook.DefaultBudget || srv.WriteTimeout <= webhook.DefaultPreHookDeadline {
		t.Errorf("WriteTimeout %v cuts the answers", srv.WriteTimeout)
	}
}
