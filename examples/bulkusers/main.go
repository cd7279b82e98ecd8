// Command bulkusers creates or updates users from a CSV file through session registration
// (the bulk path the product's FAQ recommends: registering a session creates the user or
// updates its display name), sets their metadata and joins them to communities named in the
// file. It runs on the bulk runner (package bulk): calls are paced by the SDK's rate limit,
// with as many in flight as the admin's window serves, and with -journal the run is
// resumable: each row's outcome is a line of the journal, a rerun passes over what is done,
// and a registration whose answer was lost is checked (does the user exist with its display
// name?) before it is made again.
//
// CSV columns: user_id, display_name, metadata (a JSON object, optional), communities
// (display names separated by ";", optional). A malformed row is reported with its file and
// line, journaled as skipped, and the rest of the file goes on.
//
// With no AMITY_REGION and credentials set it runs on the built-in fake (amitytest).
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/amity-go/amity/bulk"
	"github.com/amity-go/amity/examples/internal/exampleenv"
)

// user is a valid row of the CSV.
type user struct {
	userID, displayName string
	metadata            map[string]any
	communities         []string
}

// parse checks a row: a user, or the reason the row is skipped.
func parse(r bulk.Row) (user, error) {
	if r.Err != nil {
		return user{}, fmt.Errorf("malformed CSV: %v", r.Err)
	}
	if len(r.Fields) != 4 {
		return user{}, fmt.Errorf("want 4 columns (user_id, display_name, metadata, communities), got %d", len(r.Fields))
	}
	u := user{userID: strings.TrimSpace(r.Get("user_id")), displayName: strings.TrimSpace(r.Get("display_name"))}
	switch {
	case u.userID == "":
		return u, errors.New("user_id is empty")
	case len(u.userID) > 50:
		return u, errors.New("user_id is longer than 50 characters")
	}
	if m := strings.TrimSpace(r.Get("metadata")); m != "" {
		if err := json.Unmarshal([]byte(m), &u.metadata); err != nil {
			return u, fmt.Errorf("metadata is not a JSON object: %v", err)
		}
	}
	for _, name := range strings.Split(r.Get("communities"), ";") {
		if name = strings.TrimSpace(name); name != "" {
			u.communities = append(u.communities, name)
		}
	}
	return u, nil
}

// key names a row in the journal: its user, or its line when it has none.
func key(r bulk.Row) string {
	if id := strings.TrimSpace(r.Get("user_id")); id != "" && r.Err == nil {
		return "user " + id
	}
	return fmt.Sprintf("line %d", r.Line)
}

func main() {
	csvPath := flag.String("csv", "", "CSV file of users (default: the sample users.csv built into the program)")
	apply := flag.Bool("apply", false, "register the users and make the joins (default: a dry run that changes nothing)")
	journal := flag.String("journal", "", "journal file (JSON lines) recording each row's outcome, for resuming an interrupted run")
	retryFailed := flag.Bool("retry-failed", false, "with -journal: run again the rows the journal holds as failed")
	device := flag.String("device", "amity-go-bulkusers", "device ID of the sessions registered")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cfg := config{csvPath: *csvPath, journal: *journal, device: *device, retryFailed: *retryFailed, dryRun: !*apply}
	if err := run(ctx, os.Stdout, os.Stderr, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "bulkusers:", err)
		os.Exit(1)
	}
}

type config struct {
	csvPath, journal, device string
	retryFailed, dryRun      bool
}

// sampleCSV is the sample user list, used when -csv is not given.
//
//go:embed users.csv
var sampleCSV string

func run(ctx context.Context, out, errw io.Writer, cfg config) (err error) {
	mode := exampleenv.Apply
	if cfg.dryRun {
		mode = exampleenv.DryRun
	}
	name, open := "users.csv", func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(sampleCSV)), nil }
	if cfg.csvPath != "" {
		name, open = cfg.csvPath, func() (io.ReadCloser, error) { return os.Open(cfg.csvPath) }
	}
	env, err := exampleenv.Connect(out, amitytest.SeedOptions{}, mode)
	if err != nil {
		return err
	}
	defer env.Close()
	c := env.Client
	communityIDs, err := communitiesByName(ctx, c)
	if err != nil {
		return err
	}
	var mu sync.Mutex
	report := func(format string, args ...any) { // one line at a time from the workers
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(errw, format, args...)
	}
	if cfg.dryRun {
		valid, malformed, joins := 0, 0, 0
		for r, err := range csvRows(open) {
			if err != nil {
				return err
			}
			u, err := parse(r)
			if err != nil {
				report("%s:%d: %v; row skipped\n", name, r.Line, err)
				malformed++
				continue
			}
			valid++
			for _, cn := range u.communities {
				if _, ok := communityIDs[strings.ToLower(cn)]; ok {
					joins++
				} else {
					report("%s:%d: no community named %q; join skipped\n", name, r.Line, cn)
				}
			}
		}
		fmt.Fprintf(out, "dry run: would register or update %d users and make %d community joins (%d malformed rows skipped); nothing was changed\n",
			valid, joins, malformed)
		return nil
	}

	opts := []bulk.Option{bulk.WithProgress(func(s bulk.Stats) { report("users: %s\n", s) }, 5*time.Second)}
	if cfg.journal != "" {
		j, err := bulk.OpenJournal(cfg.journal)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := j.Close(); err == nil {
				err = cerr // the last lines reach the disk
			}
		}()
		opts = append(opts, bulk.WithJournal(j))
		if cfg.retryFailed {
			opts = append(opts, bulk.WithRetryFailed())
		}
	}
	var sum summary
	job := bulk.Job[bulk.Row]{
		Key: key,
		// Do registers the user (which creates it or updates its display name), sets its
		// metadata and makes its joins. The last two are safe to repeat.
		Do: func(ctx context.Context, r bulk.Row) error {
			u, err := parse(r)
			if err != nil {
				report("%s:%d: %v; row skipped\n", name, r.Line, err)
				return fmt.Errorf("%w: %v", bulk.ErrSkip, err)
			}
			warn := func(format string, args ...any) {
				report("%s:%d: "+format+"\n", append([]any{name, r.Line}, args...)...)
			}
			_, err = c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: u.userID, DeviceID: cfg.device, DisplayName: u.displayName})
			if err == nil {
				sum.add(&sum.registered)
				err = finish(ctx, c, u, communityIDs, &sum, warn)
			}
			if err != nil {
				warn("%v", err)
			}
			return err
		},
		// Check, for a row whose outcome is unknown: is the user there with its display name?
		// If so, the rest (metadata and joins, safe to repeat) is made again.
		Check: func(ctx context.Context, r bulk.Row) (bool, error) {
			u, err := parse(r)
			if err != nil {
				return false, nil
			}
			p, err := c.Users.Get(ctx, u.userID)
			switch {
			case errors.Is(err, amity.ErrNotFound):
				return false, nil
			case err != nil:
				return false, err
			case p.User().DisplayName != u.displayName:
				return false, nil
			}
			return true, finish(ctx, c, u, communityIDs, &sum, func(string, ...any) {})
		},
	}
	stats, err := bulk.Run(ctx, csvRows(open), job, opts...)
	printSummary(out, stats, &sum)
	if err != nil {
		if ctx.Err() != nil && cfg.journal != "" {
			return fmt.Errorf("%w (run again with the same -journal to resume)", err)
		}
		return err
	}
	return nil
}

// csvRows streams the rows of the CSV that open opens.
func csvRows(open func() (io.ReadCloser, error)) func(yield func(bulk.Row, error) bool) {
	return func(yield func(bulk.Row, error) bool) {
		f, err := open()
		if err != nil {
			yield(bulk.Row{}, fmt.Errorf("reading the user list: %w", err))
			return
		}
		defer f.Close()
		for r, err := range bulk.CSV(f) {
			if !yield(r, err) {
				return
			}
		}
	}
}

// finish sets a registered user's metadata and joins it to its communities.
func finish(ctx context.Context, c *amity.Client, u user, communityIDs map[string]string, sum *summary, warn func(string, ...any)) error {
	if u.metadata != nil {
		if _, err := c.Users.Update(ctx, &amity.UpdateUserParams{UserID: u.userID, Metadata: u.metadata}); err != nil {
			return fmt.Errorf("metadata of %s: %w", u.userID, err)
		}
		sum.add(&sum.metadata)
	}
	for _, cn := range u.communities {
		id, ok := communityIDs[strings.ToLower(cn)]
		if !ok {
			warn("no community named %q; join skipped", cn)
			continue
		}
		if _, err := c.Communities.AddMembers(ctx, id, &amity.CommunityMembersParams{UserIDs: []string{u.userID}}); err != nil {
			return fmt.Errorf("joining %s to %s: %w", u.userID, cn, err)
		}
		sum.add(&sum.joins)
	}
	return nil
}

// communitiesByName pages through all communities once.
func communitiesByName(ctx context.Context, c *amity.Client) (map[string]string, error) {
	byName := map[string]string{}
	for com, err := range c.Communities.List(ctx, &amity.ListCommunitiesParams{PageParams: amity.PageParams{Limit: 100}}) {
		if err != nil {
			return nil, fmt.Errorf("listing communities: %w", err)
		}
		byName[strings.ToLower(com.DisplayName)] = com.CommunityID
	}
	return byName, nil
}

// summary counts the calls made, beside the runner's outcomes.
type summary struct {
	mu                          sync.Mutex
	registered, metadata, joins int
}

func (s *summary) add(n *int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	*n++
}

func printSummary(out io.Writer, st bulk.Stats, s *summary) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Fprintln(out, "\nsummary")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, r := range []struct {
		what string
		n    int
	}{{"rows done", st.Succeeded}, {"rows skipped (malformed)", st.Skipped}, {"rows failed", st.Failed},
		{"rows of unknown outcome", st.Unknown}, {"rows already done (resumed)", st.Resumed},
		{"users registered", s.registered}, {"metadata set", s.metadata}, {"community joins", s.joins}} {
		fmt.Fprintf(tw, "%d\t  %s\n", r.n, r.what)
	}
	tw.Flush()
}
