// Command export pages through every community and its members and writes them as JSON
// lines: {"type":"community",...} followed by one {"type":"member",...} line per member. It
// runs on the bulk runner (package bulk): communities are exported in parallel, as many as
// the admin's rate-limit window serves, each written in one piece, and with -journal the
// export is resumable: a rerun appends to the file the communities not yet exported. (A
// community being written when the process was killed may appear twice: keep the last lines
// of a communityId.) Progress goes to stderr. With no AMITY_REGION and credentials set it
// runs on the built-in fake (amitytest).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/amity-go/amity/bulk"
	"github.com/amity-go/amity/examples/internal/exampleenv"
)

type line struct {
	Type        string               `json:"type"`
	CommunityID string               `json:"communityId"`
	Community   *amity.Community     `json:"community,omitempty"`
	Member      *amity.CommunityUser `json:"member,omitempty"`
}

func main() {
	outPath := flag.String("o", "-", "output file (- for stdout)")
	journal := flag.String("journal", "", "journal file recording the communities exported, to resume an interrupted export (needs -o FILE)")
	pageSize := flag.Int("limit", 100, "page size, 1 to 100")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout, os.Stderr, *outPath, *journal, *pageSize); err != nil {
		fmt.Fprintln(os.Stderr, "export:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, stdout, errw io.Writer, outPath, journal string, pageSize int) (err error) {
	if journal != "" && outPath == "-" {
		return fmt.Errorf("-journal needs -o FILE: a resumed export appends to the file")
	}
	env, err := exampleenv.Connect(errw, amitytest.SeedOptions{Communities: 5}, exampleenv.ReadOnly)
	if err != nil {
		return err
	}
	defer env.Close()
	c := env.Client
	out := stdout
	opts := []bulk.Option{bulk.WithProgress(func(s bulk.Stats) { fmt.Fprintln(errw, "communities:", s) }, 5*time.Second)}
	if outPath != "-" {
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if journal != "" {
			flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
			j, err := bulk.OpenJournal(journal)
			if err != nil {
				return err
			}
			defer func() {
				if cerr := j.Close(); err == nil {
					err = cerr // the last lines reach the disk
				}
			}()
			// A community's export only reads: one of unknown outcome is exported again.
			opts = append(opts, bulk.WithJournal(j), bulk.WithRetryFailed(), bulk.WithRetryUnknown())
		}
		f, err := os.OpenFile(outPath, flags, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		out = f
	}
	var mu sync.Mutex // guards out and members
	members := 0
	job := bulk.Job[amity.Community]{
		Key: func(com amity.Community) string { return com.CommunityID },
		// Do writes a community and its members in one write, so that a failed listing
		// leaves nothing of it in the file.
		Do: func(ctx context.Context, com amity.Community) error {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			if err := enc.Encode(line{Type: "community", CommunityID: com.CommunityID, Community: &com}); err != nil {
				return err
			}
			n := 0
			for m, err := range c.Communities.ListMembers(ctx, com.CommunityID, &amity.ListCommunityMembersParams{PageParams: amity.PageParams{Limit: pageSize}}) {
				if err != nil {
					return fmt.Errorf("listing members of %s: %w", com.CommunityID, err)
				}
				if err := enc.Encode(line{Type: "member", CommunityID: com.CommunityID, Member: &m}); err != nil {
					return err
				}
				n++
			}
			mu.Lock()
			defer mu.Unlock()
			if _, err := out.Write(buf.Bytes()); err != nil {
				return fmt.Errorf("writing %s: %w", com.CommunityID, err)
			}
			members += n
			return nil
		},
	}
	stats, err := bulk.Run(ctx, c.Communities.List(ctx, &amity.ListCommunitiesParams{PageParams: amity.PageParams{Limit: pageSize}}), job, opts...)
	mu.Lock()
	defer mu.Unlock()
	fmt.Fprintf(errw, "exported %d communities and %d memberships (%d already exported, %d failed)\n", stats.Succeeded, members, stats.Resumed, stats.Failed)
	if err != nil {
		return err
	}
	if stats.Failed > 0 {
		return fmt.Errorf("%d communities failed (run again with the same -journal to retry them)", stats.Failed)
	}
	return nil
}
