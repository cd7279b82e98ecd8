package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/amity-go/amity/amitytest"
)

func TestHelpAndUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		out  string // in stdout (help) or stderr (usage errors)
	}{
		{[]string{"--help"}, 0, "Commands:"},
		{nil, 2, "Usage: amity <command>"},
		{[]string{"nope"}, 2, `unknown command "nope"`},
		{[]string{"mock", "--help"}, 0, "-webhook-url url"},
		{[]string{"mock", "--bogus"}, 2, "flag provided but not defined: -bogus"},
		{[]string{"mock", "--fail-rate", "2"}, 2, "--fail-rate 2 is not within [0, 1]"},
		{[]string{"mock", "--webhook-url", "http://x"}, 2, "--webhook-url needs --webhook-secret"},
		{[]string{"trigger", "--help"}, 0, "amity trigger --list"},
		{[]string{"trigger"}, 2, "Usage: amity trigger"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), tc.args, &stdout, &stderr)
		if code != tc.code || !strings.Contains(stdout.String()+stderr.String(), tc.out) {
			t.Errorf("amity %q: status %d, want %d with %q in\n%s%s", tc.args, code, tc.code, tc.out, stdout.String(), stderr.String())
		}
	}
}

// TestTriggerEveryEvent runs each trigger against an in-process mock and checks that the
// mock delivered its event, signed, to the receiver.
func TestTriggerEveryEvent(t *testing.T) {
	secret := []byte("trigger-secret")
	rc := newReceiver(t, secret)
	m, err := amitytest.StartMock("127.0.0.1:0", amitytest.WithMockWebhook(rc.URL, secret),
		amitytest.WithServerOptions(amitytest.WithoutRateLimit()))
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	var list bytes.Buffer
	if code := run(context.Background(), []string{"trigger", "--list"}, &list, &list); code != 0 {
		t.Fatalf("--list: %d %s", code, list.String())
	}
	ts := triggers()
	if n := strings.Count(list.String(), "\n"); n != len(ts) {
		t.Fatalf("--list printed %d lines for %d triggers", n, len(ts))
	}
	for _, tr := range ts {
		var out bytes.Buffer
		if code := run(context.Background(), []string{"trigger", "--mock", m.URL(), tr.event}, &out, &out); code != 0 {
			t.Errorf("%s: status %d\n%s", tr.event, code, out.String())
			continue
		}
		if !rc.has(tr.event) || !strings.Contains(out.String(), "delivered "+tr.event) {
			t.Errorf("%s: not delivered\n%s", tr.event, out.String())
		}
	}
	var out bytes.Buffer
	if code := run(context.Background(), []string{"trigger", "--mock", m.URL(), "v9.nothing.didHappen"}, &out, &out); code != 1 {
		t.Errorf("unknown event: status %d", code)
	}
}
