package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/amity-go/amity/bulk"
)

// TestJournalResumes: an applied run records every row of the sample in the journal (the
// malformed ones as skipped), and a second run on the same journal does nothing again.
func TestJournalResumes(t *testing.T) {
	t.Setenv("AMITY_REGION", "")
	t.Setenv("AMITY_BASE_URL", "")
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	cfg := config{journal: path, device: "test"}
	var out strings.Builder
	if err := run(context.Background(), &out, io.Discard, cfg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "6  users registered") || !strings.Contains(out.String(), "2  rows skipped") {
		t.Fatalf("first run:\n%s", out.String())
	}
	states := map[string]bulk.State{}
	for e, err := range bulk.ReadJournal(path) {
		if err != nil {
			t.Fatal(err)
		}
		states[e.Key] = e.State
	}
	if states["user ops-alice"] != bulk.Succeeded || states["user ops-erin"] != bulk.Skipped || states["line 7"] != bulk.Skipped || len(states) != 8 {
		t.Fatalf("journal: %v", states)
	}
	out.Reset()
	if err := run(context.Background(), &out, io.Discard, cfg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "8  rows already done (resumed)") || !strings.Contains(out.String(), "0  users registered") {
		t.Fatalf("resumed run:\n%s", out.String())
	}
}
