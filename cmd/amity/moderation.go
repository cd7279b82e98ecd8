package main

import (
	"context"
	"io"

	"github.com/amity-go/amity/bulk"
	"github.com/amity-go/amity/internal/moderation"
)

const moderationUsage = `Usage: amity moderation sweep [--apply] [--delete-at N] [--ban-at N] [--journal FILE] [flags]

Sweep the network's flagged content, the policy of the example examples/moderation: the
flagged posts of community and user feeds with their flagged comments and replies, and the
flagged messages of every channel; delete what was flagged at least --delete-at times and
clear the flags of the rest; ban, globally, users flagged at least --ban-at times and clear
the flags of the other flagged users; upload a --blocklist file. Each listing is swept
safely (amity.Sweep: acting on an item takes it out of the listing) on the bulk runner.

It is a dry run unless --apply is given: it reports what it would do and changes nothing.
With --apply and --journal, each item's outcome is recorded, and a sweep run again with the
same journal does not act twice on an item it handled.
`

// runModeration runs amity moderation.
func runModeration(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	fs := newFlagSet("moderation", moderationUsage, stderr)
	af := addAPIFlags(fs)
	cfg := moderation.Config{}
	apply := fs.Bool("apply", false, "make the changes (default: a dry run that changes nothing)")
	fs.IntVar(&cfg.DeleteAt, "delete-at", 2, "delete content flagged at least `n` times; clear the flags of the rest")
	fs.IntVar(&cfg.BanAt, "ban-at", 2, "ban users flagged at least `n` times, globally")
	fs.StringVar(&cfg.Blocklist, "blocklist", "", "upload the words or regular expressions of `file` to the blocklist (default: none)")
	fs.IntVar(&cfg.Page.Limit, "page-size", 100, "items per page of the flagged listings (1 to 100)")
	journal := fs.String("journal", "", "with --apply: record each item handled in `file`, to resume an interrupted sweep")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "sweep" {
		fs.Usage()
		return badUsage("the moderation command is: amity moderation sweep")
	}
	if cfg.DeleteAt < 1 || cfg.BanAt < 1 {
		return badUsage("--delete-at and --ban-at are 1 or more")
	}
	cfg.DryRun = !*apply
	c, ctx, done, err := af.connect(ctx)
	if err != nil {
		return err
	}
	defer done()
	if *journal != "" && *apply {
		if cfg.Journal, err = bulk.OpenJournal(*journal); err != nil {
			return err
		}
		defer func() {
			if cerr := cfg.Journal.Close(); err == nil {
				err = cerr // the last lines reach the disk
			}
		}()
	}
	sum, err := moderation.Sweep(ctx, c, stderr, cfg)
	if err != nil {
		return err
	}
	if af.jsonOut {
		return newPrinter(stdout, true).value(sum)
	}
	sum.Print(stdout)
	return nil
}
