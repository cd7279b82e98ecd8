package bulk_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/amity-go/amity/bulk"
)

// A resumable import: users from a CSV file, each registered with a session (which creates
// the user or updates its display name), the outcome of each row in a journal. Run it again
// with the same journal and it passes over what is done; a row whose answer was lost is
// checked with a read before it is written again.
func ExampleRun() {
	fake := amitytest.NewServer()
	defer fake.Close()
	c, err := amity.NewClient(amity.WithBaseURL(fake.URL()), amity.WithAdminToken(fake.AdminToken()), amity.WithAPIKey(fake.APIKey()))
	if err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "import")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	csv := "user_id,display_name\nalice,Alice\nbob,Bob\n,Nobody\ncarol,Carol\n"
	job := bulk.Job[bulk.Row]{
		Key: func(r bulk.Row) string {
			if id := r.Get("user_id"); id != "" {
				return id
			}
			return fmt.Sprintf("line %d", r.Line) // a malformed row is journaled by its line
		},
		Do: func(ctx context.Context, r bulk.Row) error {
			if r.Err != nil || r.Get("user_id") == "" {
				return fmt.Errorf("%w: line %d has no user_id", bulk.ErrSkip, r.Line)
			}
			_, err := c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: r.Get("user_id"), DeviceID: "import",
				DisplayName: r.Get("display_name")})
			return err
		},
		Check: func(ctx context.Context, r bulk.Row) (bool, error) {
			u, err := c.Users.Get(ctx, r.Get("user_id"))
			if errors.Is(err, amity.ErrNotFound) {
				return false, nil
			}
			return err == nil && u.User().DisplayName == r.Get("display_name"), err
		},
	}
	importOnce := func() {
		j, err := bulk.OpenJournal(filepath.Join(dir, "import.jsonl"))
		if err != nil {
			log.Fatal(err)
		}
		defer j.Close()
		stats, err := bulk.Run(context.Background(), bulk.CSV(strings.NewReader(csv)), job, bulk.WithJournal(j))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("succeeded %d, skipped %d, failed %d, unknown %d, resumed %d\n",
			stats.Succeeded, stats.Skipped, stats.Failed, stats.Unknown, stats.Resumed)
	}
	importOnce()
	importOnce() // resumed: nothing left to do
	// Output:
	// succeeded 3, skipped 1, failed 0, unknown 0, resumed 0
	// succeeded 0, skipped 0, failed 0, unknown 0, resumed 4
}

// A moderation job over a listing it changes: the flagged posts of community feeds, the
// ones flagged twice or more deleted and the others' flags cleared. Each action takes the
// post out of the hasFlag listing, whose page tokens are offsets: Swept hands Run the items
// of amity.Sweep (a snapshot, then new items until none turn up), and the journal makes the
// job resumable.
func ExampleSwept() {
	fake := amitytest.NewServer()
	defer fake.Close()
	fake.Seed(amitytest.SeedOptions{Communities: 2, PostsPerCommunity: 40})
	c, err := amity.NewClient(amity.WithBaseURL(fake.URL()), amity.WithAdminToken(fake.AdminToken()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	flagged := &amity.V3ListPostsParams{PageParams: amity.PageParams{Limit: 10}, TargetType: amity.PostTargetCommunity,
		HasFlag: amity.Ptr(true), IsDeleted: amity.Ptr(false)}
	postID := func(p amity.Post) string { return p.PostID }
	job := bulk.Job[amity.Post]{
		Key: postID,
		Do: func(ctx context.Context, p amity.Post) error {
			switch {
			case p.FlagCount == 0:
				return fmt.Errorf("%w: listed for its flagged comments", bulk.ErrSkip)
			case p.FlagCount >= 2:
				return c.Posts.Delete(ctx, p.PostID, nil)
			}
			_, err := c.Posts.ClearFlags(ctx, p.PostID)
			return err
		},
	}
	stats, err := bulk.Run(ctx, bulk.Swept(ctx, c.Posts.V3.List(ctx, flagged), postID), job)
	if err != nil {
		log.Fatal(err)
	}
	left := 0
	for p, err := range c.Posts.V3.List(ctx, flagged) {
		if err != nil {
			log.Fatal(err)
		}
		if p.FlagCount > 0 {
			left++
		}
	}
	fmt.Printf("handled %d flagged posts, %d skipped, %d failed, %d left flagged\n", stats.Succeeded, stats.Skipped, stats.Failed, left)
	// Output:
	// handled 20 flagged posts, 25 skipped, 0 failed, 0 left flagged
}
