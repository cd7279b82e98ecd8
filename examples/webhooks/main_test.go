package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
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
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	if !strings.HasPrefix(s, "network: ") {
		t.Errorf("first line: %s", strings.SplitN(s, "\n", 2)[0])
	}
}
