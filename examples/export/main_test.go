package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestResumedExportAppendsNothingDone: with -journal, a second run appends no community the
// first exported.
func TestResumedExportAppendsNothingDone(t *testing.T) {
	t.Setenv("AMITY_REGION", "")
	t.Setenv("AMITY_BASE_URL", "")
	dir := t.TempDir()
	out, journal := filepath.Join(dir, "export.jsonl"), filepath.Join(dir, "export.journal")
	count := func() int {
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return bytes.Count(b, []byte(`"type":"community"`))
	}
	if err := run(context.Background(), io.Discard, io.Discard, out, journal, 2); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 5 {
		t.Fatalf("%d communities exported, want 5", n)
	}
	if err := run(context.Background(), io.Discard, io.Discard, out, journal, 2); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 5 {
		t.Fatalf("%d communities in the file after the resumed run, want 5", n)
	}
	if err := run(context.Background(), io.Discard, io.Discard, "-", journal, 2); err == nil {
		t.Fatal("-journal without -o FILE accepted")
	}
}
