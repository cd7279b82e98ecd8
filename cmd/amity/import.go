package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/bulk"
)

const importUsage = `Usage: amity import users FILE.csv --journal FILE [--apply] [flags]

Create or update users from a CSV file with the columns user_id and display_name (by its
header line), through session registration, which creates a user or updates its display
name. It runs on the bulk runner: each row's outcome (succeeded, failed, skipped: a
malformed row, or unknown: a registration whose answer was lost) is a line of the journal.
Run it again with the same journal to resume: rows done are passed over, and a row of
unknown outcome is checked (does the user exist with its display name?) before it is
registered again. It is a dry run that checks the file unless --apply is given.
`

// runImport runs amity import.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	fs := newFlagSet("import", importUsage, stderr)
	af := addAPIFlags(fs)
	apply := fs.Bool("apply", false, "register the users (default: a dry run that checks the file)")
	journalPath := fs.String("journal", "", "record each row's outcome in `file` (required with --apply), to resume")
	retryFailed := fs.Bool("retry-failed", false, "run again the rows the journal holds as failed")
	device := fs.String("device", "amity-go-cli-import", "the device `ID` of the sessions registered")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "users" {
		fs.Usage()
		return badUsage("the import command is: amity import users FILE.csv --journal FILE")
	}
	if *apply && *journalPath == "" {
		return badUsage("import --apply needs --journal FILE")
	}
	path := pos[1]
	rows := func(yield func(bulk.Row, error) bool) {
		f, err := os.Open(path)
		if err != nil {
			yield(bulk.Row{}, err)
			return
		}
		defer f.Close()
		for r, err := range bulk.CSV(f) {
			if !yield(r, err) {
				return
			}
		}
	}
	if !*apply {
		valid, malformed := 0, 0
		for r, err := range rows {
			if err != nil {
				return err
			}
			if _, _, err := importRow(r); err != nil {
				fmt.Fprintf(stderr, "%s:%d: %v; row skipped\n", path, r.Line, err)
				malformed++
				continue
			}
			valid++
		}
		_, err := fmt.Fprintf(stdout, "dry run: would register or update %d users (%d malformed rows skipped); nothing was changed\n", valid, malformed)
		return err
	}
	c, ctx, done, err := af.connect(ctx)
	if err != nil {
		return err
	}
	defer done()
	j, err := bulk.OpenJournal(*journalPath)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := j.Close(); err == nil {
			err = cerr // the last lines reach the disk
		}
	}()
	opts := []bulk.Option{bulk.WithJournal(j), bulk.WithWindow(af.rateCalls, af.rateWindow),
		progress(stderr, "users")}
	if *retryFailed {
		opts = append(opts, bulk.WithRetryFailed())
	}
	total := 0 // for the progress line's ETA: a first pass, streamed
	for _, err := range rows {
		if err != nil {
			return err
		}
		total++
	}
	opts = append(opts, bulk.WithTotal(total))
	job := bulk.Job[bulk.Row]{
		Key: func(r bulk.Row) string {
			if id, _, err := importRow(r); err == nil {
				return "user " + id
			}
			return fmt.Sprintf("line %d", r.Line)
		},
		Do: func(ctx context.Context, r bulk.Row) error {
			id, name, err := importRow(r)
			if err != nil {
				return fmt.Errorf("%w: %s:%d: %v", bulk.ErrSkip, path, r.Line, err)
			}
			_, err = c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: id, DeviceID: *device, DisplayName: name})
			return err
		},
		Check: func(ctx context.Context, r bulk.Row) (bool, error) {
			id, name, err := importRow(r)
			if err != nil {
				return false, nil
			}
			u, err := c.Users.Get(ctx, id)
			switch {
			case errors.Is(err, amity.ErrNotFound):
				return false, nil
			case err != nil:
				return false, err
			}
			return u.User().DisplayName == name, nil
		},
	}
	stats, err := bulk.Run(ctx, rows, job, opts...)
	if isTerminal(stderr) {
		fmt.Fprintln(stderr) // end the progress line
	}
	if af.jsonOut {
		if perr := newPrinter(stdout, true).value(stats); perr != nil && err == nil {
			err = perr
		}
	} else {
		fmt.Fprintf(stdout, "users: %d registered, %d failed, %d skipped, %d unknown, %d already done (resumed)\n",
			stats.Succeeded, stats.Failed, stats.Skipped, stats.Unknown, stats.Resumed)
	}
	if err != nil {
		return fmt.Errorf("%w (run again with the same --journal to resume)", err)
	}
	if stats.Failed+stats.Unknown > 0 {
		return fmt.Errorf("%d rows failed and %d of unknown outcome (see the journal %s; --retry-failed runs the failed again)", stats.Failed, stats.Unknown, *journalPath)
	}
	return nil
}

// importRow checks a row: its user ID and display name, or why it is skipped.
func importRow(r bulk.Row) (id, name string, err error) {
	if r.Err != nil {
		return "", "", fmt.Errorf("malformed CSV: %v", r.Err)
	}
	id, name = strings.TrimSpace(r.Get("user_id")), strings.TrimSpace(r.Get("display_name"))
	switch {
	case id == "":
		return "", "", errors.New("user_id is empty")
	case len(id) > 50:
		return "", "", errors.New("user_id is longer than 50 characters")
	}
	return id, name, nil
}
