package webhook_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/amity-go/amity/webhook"
	"github.com/amity-go/amity/webhook/inboxtest"
)

var crashFull = flag.Bool("inbox.crash.full", false, "run the inbox crash test at full size: 10,000 deliveries, 25 kills")

// crashInboxEnv names the file inbox of a crash receiver.
const crashInboxEnv = "AMITY_INBOX_CRASH_FILE"

func TestMain(m *testing.M) {
	if inboxtest.Receiving() {
		os.Exit(inboxtest.Receive(func() (webhook.Inbox, func() error, error) {
			in, err := webhook.OpenFileInbox(os.Getenv(crashInboxEnv))
			if err != nil {
				return nil, nil, err
			}
			return in, in.Close, nil
		}))
	}
	os.Exit(m.Run())
}

// A receiver with a file inbox, killed with SIGKILL at random moments while deliveries come
// in, loses none of those it answered 200, and runs an event twice at most once per kill
// (inboxtest.Crash). CI runs 500 deliveries and 5 kills; -inbox.crash.full 10,000 and 25.
func TestFileInboxCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("starts receiver processes")
	}
	cfg := inboxtest.CrashConfig{Deliveries: 500, Kills: 5}
	if *crashFull {
		cfg = inboxtest.CrashConfig{Deliveries: 10000, Kills: 25}
	}
	path := filepath.Join(t.TempDir(), "inbox.db")
	cfg.Env = []string{crashInboxEnv + "=" + path}
	inboxtest.Crash(t, cfg)

	// Every event ran and was recorded: the inbox is empty.
	in, err := webhook.OpenFileInbox(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	for _, st := range []webhook.InboxState{webhook.InboxPending, webhook.InboxRunning, webhook.InboxDead} {
		if l, err := in.List(context.Background(), st); err != nil || len(l) != 0 {
			t.Errorf("%s after the crash test: %d events, %v", st, len(l), err)
		}
	}
}
