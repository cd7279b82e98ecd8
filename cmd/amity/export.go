package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"os"
	"sync"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/bulk"
)

const exportUsage = `Usage: amity export users|communities|members|posts --out FILE.jsonl [--community ID] [--journal FILE] [flags]

Write every user, community, member of a community or post of a community (--community) as
one JSON object a line, appended to --out. With --journal the export is resumable: each
item written is recorded, and an export run again with the same --out and --journal appends
only the items not yet written. (An item being written when the process was killed may
appear twice: keep the last line of an ID.)
`

// runExport runs amity export.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	fs := newFlagSet("export", exportUsage, stderr)
	af := addAPIFlags(fs)
	outPath := fs.String("out", "", "append the items to `file` (JSON lines)")
	community := fs.String("community", "", "members, posts: the community's `ID`")
	journal := fs.String("journal", "", "record each item written in `file`, to resume an interrupted export")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return badUsage("export takes one kind: users, communities, members or posts")
	}
	kind := pos[0]
	switch {
	case *outPath == "":
		return badUsage("export needs --out FILE")
	case (kind == "members" || kind == "posts") && *community == "":
		return badUsage("export " + kind + " needs --community ID")
	case kind != "users" && kind != "communities" && kind != "members" && kind != "posts":
		return badUsage(fmt.Sprintf("unknown kind %q: users, communities, members or posts", kind))
	}
	c, ctx, done, err := af.connect(ctx)
	if err != nil {
		return err
	}
	defer done()
	out, err := os.OpenFile(*outPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}()
	opts := []bulk.Option{progress(stderr, kind)}
	if *journal != "" {
		j, err := bulk.OpenJournal(*journal)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := j.Close(); err == nil {
				err = cerr // the last lines reach the disk
			}
		}()
		opts = append(opts, bulk.WithJournal(j), bulk.WithRetryFailed(), bulk.WithRetryUnknown())
	}
	page := amity.PageParams{Limit: 100}
	var stats bulk.Stats
	switch kind {
	case "users":
		stats, err = export(ctx, out, stderr, c.Users.List(ctx, &amity.ListUsersParams{PageParams: page}), func(u amity.User) string { return u.UserID }, opts)
	case "communities":
		stats, err = export(ctx, out, stderr, c.Communities.List(ctx, &amity.ListCommunitiesParams{PageParams: page}), func(cm amity.Community) string { return cm.CommunityID }, opts)
	case "members":
		stats, err = export(ctx, out, stderr, c.Communities.ListMembers(ctx, *community, &amity.ListCommunityMembersParams{PageParams: page}), func(m amity.CommunityUser) string { return m.UserID }, opts)
	case "posts":
		stats, err = export(ctx, out, stderr, c.Posts.List(ctx, &amity.ListPostsParams{PageParams: page, TargetType: amity.PostTargetCommunity, TargetID: *community}), func(p amity.Post) string { return p.PostID }, opts)
	}
	if err != nil {
		return err
	}
	if af.jsonOut {
		return newPrinter(stdout, true).value(stats)
	}
	_, err = fmt.Fprintf(stdout, "exported %d %s to %s (%d already exported)\n", stats.Succeeded, kind, *outPath, stats.Resumed)
	return err
}

// export appends each item of list to out as a JSON line, on the bulk runner: one write per
// item, so that a line is whole or absent.
func export[T any](ctx context.Context, out, progressOut io.Writer, list iter.Seq2[T, error], key func(T) string, opts []bulk.Option) (bulk.Stats, error) {
	var mu sync.Mutex
	job := bulk.Job[T]{Key: key, Do: func(_ context.Context, item T) error {
		b, err := json.Marshal(item)
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		_, err = out.Write(append(b, '\n'))
		return err
	}}
	stats, err := bulk.Run(ctx, list, job, opts...)
	if isTerminal(progressOut) {
		fmt.Fprintln(progressOut) // end the progress line
	}
	if err == nil && stats.Failed+stats.Unknown > 0 {
		err = fmt.Errorf("%d items not exported (run again with the same --journal to resume)", stats.Failed+stats.Unknown)
	}
	return stats, err
}
