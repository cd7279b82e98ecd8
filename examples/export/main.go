// Command export pages through every community and its members and writes them as JSON
// lines: {"type":"community",...} followed by one {"type":"member",...} line per member.
// Progress goes to stderr. With no AMITY_REGION and credentials set it runs on the built-in
// fake (amitytest).
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
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
	pageSize := flag.Int("limit", 100, "page size, 1 to 100")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout, os.Stderr, *outPath, *pageSize); err != nil {
		fmt.Fprintln(os.Stderr, "export:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, stdout, errw io.Writer, outPath string, pageSize int) error {
	env, err := exampleenv.Connect(errw, amitytest.SeedOptions{Communities: 5}, exampleenv.ReadOnly)
	if err != nil {
		return err
	}
	defer env.Close()
	out := stdout
	if outPath != "-" {
		f, err := os.Create(outPath)
		if err != nil {
			return err
		}
		defer f.Close()
		out = f
	}
	w := bufio.NewWriter(out)
	defer w.Flush()
	enc := json.NewEncoder(w)
	progress := exampleenv.NewProgress(errw, "communities", 0)
	communities, members := 0, 0
	for com, err := range env.Client.Communities.List(ctx, &amity.ListCommunitiesParams{PageParams: amity.PageParams{Limit: pageSize}}) {
		if err != nil {
			return fmt.Errorf("listing communities: %w", err)
		}
		if err := enc.Encode(line{Type: "community", CommunityID: com.CommunityID, Community: &com}); err != nil {
			return err
		}
		for m, err := range env.Client.Communities.ListMembers(ctx, com.CommunityID, &amity.ListCommunityMembersParams{PageParams: amity.PageParams{Limit: pageSize}}) {
			if err != nil {
				return fmt.Errorf("listing members of %s: %w", com.CommunityID, err)
			}
			if err := enc.Encode(line{Type: "member", CommunityID: com.CommunityID, Member: &m}); err != nil {
				return err
			}
			members++
		}
		communities++
		progress.Add(1)
	}
	progress.Finish()
	fmt.Fprintf(errw, "exported %d communities and %d memberships\n", communities, members)
	return nil
}
