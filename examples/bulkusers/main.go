// Command bulkusers creates or updates users from a CSV file through session registration
// (the bulk path the product's FAQ recommends: registering a session creates the user or
// updates its display name), sets their metadata and joins them to communities named in the
// file. Calls are rate-limited by the SDK; with -state the run is resumable: users and joins
// already done are skipped.
//
// CSV columns: user_id, display_name, metadata (a JSON object, optional), communities
// (display names separated by ";", optional). A malformed row is reported with its file and
// line and skipped; the rest of the file goes on.
//
// With no AMITY_REGION and credentials set it runs on the built-in fake (amitytest).
package main

import (
	"bufio"
	"context"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/amity-go/amity/examples/internal/exampleenv"
)

// row is one valid line of the CSV.
type row struct {
	line        int
	userID      string
	displayName string
	metadata    map[string]any
	communities []string
}

type summary struct {
	mu                                                    sync.Mutex
	rows, malformed, registered, metadata, joins, skipped int
	failures                                              []string
}

func (s *summary) fail(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = append(s.failures, fmt.Sprintf(format, args...))
}

func main() {
	csvPath := flag.String("csv", "", "CSV file of users (default: the sample users.csv built into the program)")
	apply := flag.Bool("apply", false, "register the users and make the joins (default: a dry run that changes nothing)")
	statePath := flag.String("state", "", "file recording finished work, for resuming an interrupted run")
	workers := flag.Int("workers", 4, "concurrent workers")
	device := flag.String("device", "amity-go-bulkusers", "device ID of the sessions registered")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout, os.Stderr, *csvPath, *statePath, *device, *workers, !*apply); err != nil {
		fmt.Fprintln(os.Stderr, "bulkusers:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out, errw io.Writer, csvPath, statePath, device string, workers int, dryRun bool) error {
	mode := exampleenv.Apply
	if dryRun {
		mode = exampleenv.DryRun
	}
	var src io.Reader
	if csvPath == "" {
		csvPath, src = "users.csv", strings.NewReader(sampleCSV)
	} else {
		f, err := os.Open(csvPath)
		if err != nil {
			return fmt.Errorf("reading the user list: %w", err)
		}
		defer f.Close()
		src = f
	}
	rows, err := readCSV(src, csvPath, errw)
	if err != nil {
		return err
	}
	env, err := exampleenv.Connect(out, amitytest.SeedOptions{}, mode)
	if err != nil {
		return err
	}
	defer env.Close()
	state, err := openState(statePath)
	if err != nil {
		return err
	}
	defer state.close()
	c := env.Client
	sum := &summary{rows: len(rows.valid), malformed: rows.malformed}

	communityIDs, err := communitiesByName(ctx, c)
	if err != nil {
		return err
	}
	if dryRun {
		joins := 0
		for _, r := range rows.valid {
			for _, name := range r.communities {
				if _, ok := communityIDs[strings.ToLower(name)]; ok {
					joins++
				} else {
					fmt.Fprintf(errw, "%s:%d: no community named %q; join skipped\n", csvPath, r.line, name)
				}
			}
		}
		fmt.Fprintf(out, "dry run: would register or update %d users and make %d community joins (%d malformed rows skipped); nothing was changed\n",
			len(rows.valid), joins, rows.malformed)
		return nil
	}

	// 1. Register a session per user (creates or updates the user), then set metadata.
	progress := exampleenv.NewProgress(errw, "users", len(rows.valid))
	work := make(chan row)
	var wg sync.WaitGroup
	for i := 0; i < max(workers, 1); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range work {
				doUser(ctx, c, r, device, csvPath, state, sum)
				progress.Add(1)
			}
		}()
	}
	for _, r := range rows.valid {
		if ctx.Err() != nil {
			break
		}
		work <- r
	}
	close(work)
	wg.Wait()
	progress.Finish()

	// 2. Join users to communities, up to 100 users per call.
	joins := map[string][]string{}
	for _, r := range rows.valid {
		if !state.done("user " + r.userID) {
			continue // the user itself failed: do not join it
		}
		for _, name := range r.communities {
			id, ok := communityIDs[strings.ToLower(name)]
			switch {
			case !ok:
				fmt.Fprintf(errw, "%s:%d: no community named %q; join skipped\n", csvPath, r.line, name)
			case state.done("join " + id + " " + r.userID):
				sum.skipped++
			default:
				joins[id] = append(joins[id], r.userID)
			}
		}
	}
	ids := make([]string, 0, len(joins))
	for id := range joins {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		users := joins[id]
		for start := 0; start < len(users) && ctx.Err() == nil; start += 100 {
			batch := users[start:min(start+100, len(users))]
			if _, err := c.Communities.AddMembers(ctx, id, &amity.CommunityMembersParams{UserIDs: batch}); err != nil {
				sum.fail("join %d users to %s: %v", len(batch), id, err)
				continue
			}
			for _, u := range batch {
				state.mark("join " + id + " " + u)
			}
			sum.joins += len(batch)
		}
	}
	printSummary(out, sum)
	if ctx.Err() != nil {
		return fmt.Errorf("interrupted: %w (rerun with the same -state to resume)", ctx.Err())
	}
	return nil
}

func doUser(ctx context.Context, c *amity.Client, r row, device, csvPath string, state *stateFile, sum *summary) {
	key := "user " + r.userID
	if state.done(key) {
		sum.mu.Lock()
		sum.skipped++
		sum.mu.Unlock()
		return
	}
	_, err := c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: r.userID, DeviceID: device, DisplayName: r.displayName})
	if err != nil {
		sum.fail("%s:%d: register %s: %v", csvPath, r.line, r.userID, err)
		return
	}
	sum.mu.Lock()
	sum.registered++
	sum.mu.Unlock()
	if r.metadata != nil {
		if _, err := c.Users.Update(ctx, &amity.UpdateUserParams{UserID: r.userID, Metadata: r.metadata}); err != nil {
			sum.fail("%s:%d: metadata of %s: %v", csvPath, r.line, r.userID, err)
			return
		}
		sum.mu.Lock()
		sum.metadata++
		sum.mu.Unlock()
	}
	state.mark(key)
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

type parsed struct {
	valid     []row
	malformed int
}

// sampleCSV is the sample user list, used when -csv is not given.
//
//go:embed users.csv
var sampleCSV string

func readCSV(src io.Reader, path string, errw io.Writer) (parsed, error) {
	r := csv.NewReader(src)
	r.FieldsPerRecord = -1
	var out parsed
	seen := map[string]int{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			fmt.Fprintf(errw, "%s:%d: malformed CSV: %v; row skipped\n", path, line, err)
			out.malformed++
			continue
		}
		if line == 1 && len(rec) > 0 && rec[0] == "user_id" {
			continue // header
		}
		bad := func(format string, args ...any) {
			fmt.Fprintf(errw, "%s:%d: %s; row skipped\n", path, line, fmt.Sprintf(format, args...))
			out.malformed++
		}
		if len(rec) != 4 {
			bad("want 4 columns (user_id, display_name, metadata, communities), got %d", len(rec))
			continue
		}
		ro := row{line: line, userID: strings.TrimSpace(rec[0]), displayName: strings.TrimSpace(rec[1])}
		switch {
		case ro.userID == "":
			bad("user_id is empty")
			continue
		case len(ro.userID) > 50:
			bad("user_id is longer than 50 characters")
			continue
		case seen[ro.userID] != 0:
			bad("user %q already on line %d", ro.userID, seen[ro.userID])
			continue
		}
		if m := strings.TrimSpace(rec[2]); m != "" {
			if err := json.Unmarshal([]byte(m), &ro.metadata); err != nil {
				bad("metadata is not a JSON object: %v", err)
				continue
			}
		}
		for _, name := range strings.Split(rec[3], ";") {
			if name = strings.TrimSpace(name); name != "" {
				ro.communities = append(ro.communities, name)
			}
		}
		seen[ro.userID] = line
		out.valid = append(out.valid, ro)
	}
	return out, nil
}

func printSummary(out io.Writer, s *summary) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Fprintln(out, "\nsummary")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, r := range []struct {
		what string
		n    int
	}{{"valid rows", s.rows}, {"malformed rows", s.malformed}, {"users registered", s.registered},
		{"metadata set", s.metadata}, {"community joins", s.joins}, {"already done (resumed)", s.skipped}, {"failures", len(s.failures)}} {
		fmt.Fprintf(tw, "%d\t  %s\n", r.n, r.what)
	}
	tw.Flush()
	for _, f := range s.failures {
		fmt.Fprintln(out, "failed:", f)
	}
}

// stateFile records finished work, one key per line, so a rerun skips it.
type stateFile struct {
	mu   sync.Mutex
	keys map[string]bool
	f    *os.File
	w    *bufio.Writer
}

func openState(path string) (*stateFile, error) {
	s := &stateFile{keys: map[string]bool{}}
	if path == "" {
		return s, nil
	}
	if b, err := os.ReadFile(path); err == nil {
		for _, k := range strings.Split(string(b), "\n") {
			if k != "" {
				s.keys[k] = true
			}
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("reading state: %w", err)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, fmt.Errorf("opening state: %w", err)
	}
	s.f, s.w = f, bufio.NewWriter(f)
	return s, nil
}

func (s *stateFile) done(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.keys[key]
}

func (s *stateFile) mark(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.keys[key] = true
	if s.w != nil {
		fmt.Fprintln(s.w, key)
		s.w.Flush() // one line per finished step: an interrupted run loses nothing done
	}
}

func (s *stateFile) close() {
	if s.f != nil {
		s.w.Flush()
		s.f.Close()
	}
}
