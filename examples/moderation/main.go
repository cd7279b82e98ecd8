// Command moderation sweeps a network's flagged content: it pages through the flagged posts of
// community and user feeds with their flagged comments and replies, and the flagged messages
// of every channel, deletes what was flagged
// at least -delete-at times and clears the flags of the rest, globally bans users flagged at
// least -ban-at times, uploads a blocklist from a file (-blocklist, none by default), and
// prints a summary table.
// It is a dry run unless -apply is given: it reports what it would do and changes nothing. Its
// first line of output says which network it talks to and in which mode.
//
// Each listing is swept with the bulk runner over amity.Sweep (bulk.Swept): items are
// handled in parallel, as many as the admin's rate-limit window serves, and with -journal
// each item's outcome is recorded, so that an interrupted sweep resumes without acting twice
// on an item it already handled (a post whose flags it cleared stays in no listing, but one
// it chose to keep would be acted on again).
//
// With no AMITY_REGION and credentials set it runs on the built-in fake (amitytest).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/amity-go/amity/amitytest"
	"github.com/amity-go/amity/bulk"
	"github.com/amity-go/amity/examples/internal/exampleenv"
	"github.com/amity-go/amity/internal/moderation"
)

func main() {
	var cfg moderation.Config
	flag.IntVar(&cfg.DeleteAt, "delete-at", 2, "delete content flagged at least this many times; clear the flags of the rest")
	flag.IntVar(&cfg.BanAt, "ban-at", 2, "globally ban users flagged at least this many times")
	flag.StringVar(&cfg.Blocklist, "blocklist", "", "file of words or regular expressions to blocklist, e.g. examples/moderation/blocklist.txt (default: none)")
	flag.IntVar(&cfg.Page.Limit, "page-size", 100, "items per page of the flagged listings (1 to 100)")
	apply := flag.Bool("apply", false, "make the changes (default: a dry run that changes nothing)")
	journal := flag.String("journal", "", "with -apply: journal file recording each item handled, to resume an interrupted sweep")
	flag.Parse()
	cfg.DryRun = !*apply
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	mode := exampleenv.Apply
	if cfg.DryRun {
		mode = exampleenv.DryRun
	}
	env, err := exampleenv.Connect(os.Stdout, amitytest.SeedOptions{RepliesPerComment: 1}, mode)
	if err != nil {
		fmt.Fprintln(os.Stderr, "moderation:", err)
		os.Exit(1)
	}
	defer env.Close()
	if *journal != "" && !cfg.DryRun {
		if cfg.Journal, err = bulk.OpenJournal(*journal); err != nil {
			fmt.Fprintln(os.Stderr, "moderation:", err)
			os.Exit(1)
		}
	}
	err = moderation.Run(ctx, env.Client, os.Stdout, os.Stderr, cfg)
	if cfg.Journal != nil {
		if cerr := cfg.Journal.Close(); err == nil {
			err = cerr // the last lines reach the disk
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "moderation:", err)
		os.Exit(1)
	}
}
