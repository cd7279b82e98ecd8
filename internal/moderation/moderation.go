// Package moderation is the moderation policy of the example program examples/moderation and
// of the command "amity moderation sweep": it sweeps a network's flagged content, with the
// bulk runner over amity.Sweep (bulk.Swept), deleting what was flagged at least
// Config.DeleteAt times and clearing the flags of the rest, banning users flagged at least
// Config.BanAt times, and uploading a blocklist. It is a dry run unless Config.DryRun is
// false.
package moderation

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/bulk"
)

// Config is the policy of a sweep.
type Config struct {
	// DeleteAt: delete content flagged at least this many times, clear the flags of the rest.
	DeleteAt int
	// BanAt: ban users flagged at least this many times, globally.
	BanAt int
	// Blocklist is a file of words or regular expressions to blocklist ("" for none).
	Blocklist string
	// DryRun reports what the sweep would do and changes nothing.
	DryRun bool
	// Page is the page size of the flagged listings.
	Page amity.PageParams
	// Journal records the outcome of each item handled, nil for none.
	Journal *bulk.Journal
}

// tally counts what the sweep did, per kind of content. It is safe for concurrent use.
type tally struct {
	mu sync.Mutex
	n  map[string]*[3]int // kind -> seen, deleted, cleared
}

func (t *tally) add(kind string, col int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.n == nil {
		t.n = map[string]*[3]int{}
	}
	if t.n[kind] == nil {
		t.n[kind] = new([3]int)
	}
	t.n[kind][col]++
}

func (t *tally) get(kind string) [3]int {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.n[kind] == nil {
		return [3]int{}
	}
	return *t.n[kind]
}

const (
	seen = iota
	deleted
	cleared
)

// Run sweeps the network of c and prints the summary to out (progress to errw).
func Run(ctx context.Context, c *amity.Client, out, errw io.Writer, cfg Config) error {
	sum, err := Sweep(ctx, c, errw, cfg)
	if err != nil {
		return err
	}
	sum.Print(out)
	return nil
}

// Summary is what a sweep did (or, in a dry run, would have done).
type Summary struct {
	// Kinds counts the flagged items of each kind: posts, comments, messages, users.
	Kinds []KindSummary `json:"kinds"`
	// Banned is the number of users banned globally; Blocklisted the blocklist rules uploaded.
	Banned      int  `json:"banned"`
	Blocklisted int  `json:"blocklisted"`
	DryRun      bool `json:"dryRun"`
}

// KindSummary counts the flagged items of one kind a sweep saw, deleted and cleared.
type KindSummary struct {
	Kind    string `json:"kind"`
	Flagged int    `json:"flagged"`
	Deleted int    `json:"deleted"`
	Cleared int    `json:"cleared"`
}

// Print writes the summary as a table.
func (s Summary) Print(out io.Writer) {
	fmt.Fprintln(out, "\nmoderation summary")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "kind\tflagged\tdeleted\tflags cleared")
	for _, k := range s.Kinds {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\n", k.Kind, k.Flagged, k.Deleted, k.Cleared)
	}
	tw.Flush()
	fmt.Fprintf(out, "users globally banned: %d\nblocklist rules uploaded: %d\n", s.Banned, s.Blocklisted)
	if s.DryRun {
		fmt.Fprintln(out, "dry run: nothing was changed")
	}
}

// Sweep sweeps the network of c (progress lines to errw) and returns what it did.
func Sweep(ctx context.Context, c *amity.Client, errw io.Writer, cfg Config) (Summary, error) {
	t := &tally{}
	sum := Summary{DryRun: cfg.DryRun}
	var err error
	if cfg.Blocklist != "" {
		if sum.Blocklisted, err = uploadBlocklist(ctx, c, cfg); err != nil {
			return sum, err
		}
	}
	if err := sweepPosts(ctx, c, errw, cfg, t); err != nil {
		return sum, err
	}
	if err := sweepChannels(ctx, c, errw, cfg, t); err != nil {
		return sum, err
	}
	if sum.Banned, err = banUsers(ctx, c, errw, cfg, t); err != nil {
		return sum, err
	}
	for _, kind := range []string{"posts", "comments", "messages", "users"} {
		n := t.get(kind)
		sum.Kinds = append(sum.Kinds, KindSummary{Kind: kind, Flagged: n[seen], Deleted: n[deleted], Cleared: n[cleared]})
	}
	return sum, nil
}

// uploadBlocklist reads the rules file and uploads it 100 rules per call.
func uploadBlocklist(ctx context.Context, c *amity.Client, cfg Config) (int, error) {
	f, err := os.Open(cfg.Blocklist)
	if err != nil {
		return 0, fmt.Errorf("blocklist: %w", err)
	}
	defer f.Close()
	var rules []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			rules = append(rules, line)
		}
	}
	if err := sc.Err(); err != nil {
		return 0, fmt.Errorf("blocklist %s: %w", cfg.Blocklist, err)
	}
	if cfg.DryRun {
		return len(rules), nil
	}
	for start := 0; start < len(rules); start += amity.MaxRulesPerRequest {
		batch := rules[start:min(start+amity.MaxRulesPerRequest, len(rules))]
		if err := c.Moderation.AddToBlocklist(ctx, &amity.AddBlocklistParams{Regexs: batch, IsMatchExactWord: amity.Ptr(true)}); err != nil {
			return start, fmt.Errorf("uploading blocklist: %w", err)
		}
	}
	return len(rules), nil
}

// act deletes or clears one flagged item according to the rule.
func act(cfg Config, t *tally, kind string, flags int, del, clear func() error) error {
	t.add(kind, seen)
	if flags >= cfg.DeleteAt {
		t.add(kind, deleted)
		if cfg.DryRun {
			return nil
		}
		return del()
	}
	t.add(kind, cleared)
	if cfg.DryRun {
		return nil
	}
	return clear()
}

// Acting on an item takes it out of a filtered listing (hasFlag=true), and the API's page
// tokens are offsets: ranging over a listing while acting on its items would skip some of
// them. Every listing below is swept with amity.Sweep, which lists, acts, and lists again;
// the top-level listings through the bulk runner (bulk.Swept), which acts on their items in
// parallel and records each outcome in the journal.

// sweep runs do on every item of list with the bulk runner: key names an item for Sweep and,
// prefixed with kind, in the journal. It fails when an item failed or its outcome is unknown.
func sweep[T any](ctx context.Context, errw io.Writer, cfg Config, kind string, list iter.Seq2[T, error], key func(T) string,
	do func(context.Context, T) error) error {
	opts := []bulk.Option{bulk.WithProgress(func(s bulk.Stats) { fmt.Fprintf(errw, "%s: %s\n", kind, s) }, 5*time.Second)}
	if cfg.Journal != nil {
		opts = append(opts, bulk.WithJournal(cfg.Journal), bulk.WithRetryFailed())
	}
	job := bulk.Job[T]{Key: func(item T) string { return kind + " " + key(item) }, Do: do}
	stats, err := bulk.Run(ctx, bulk.Swept(ctx, list, key), job, opts...)
	if err != nil {
		return fmt.Errorf("sweeping %s: %w", kind, err)
	}
	if stats.Failed+stats.Unknown > 0 {
		return fmt.Errorf("sweeping %s: %d failed and %d of unknown outcome (run again with the same journal to resume)", kind, stats.Failed, stats.Unknown)
	}
	return nil
}

// sweepPosts sweeps the flagged posts of community and user feeds (GET /api/v3/posts lists
// across feeds), and the flagged comments and replies of the posts that have some.
func sweepPosts(ctx context.Context, c *amity.Client, errw io.Writer, cfg Config, t *tally) error {
	for _, target := range []amity.PostTargetType{amity.PostTargetCommunity, amity.PostTargetUser} {
		flagged := &amity.V3ListPostsParams{PageParams: cfg.Page, TargetType: target, HasFlag: amity.Ptr(true), IsDeleted: amity.Ptr(false)}
		err := sweep(ctx, errw, cfg, "flagged "+string(target)+" posts", c.Posts.V3.List(ctx, flagged), func(p amity.Post) string { return p.PostID },
			func(ctx context.Context, post amity.Post) error {
				if post.HasFlaggedComment {
					if err := sweepComments(ctx, c, cfg, t, post.PostID); err != nil {
						return err
					}
				}
				if post.FlagCount == 0 {
					return nil // listed for its flagged comments or children
				}
				return act(cfg, t, "posts", post.FlagCount,
					func() error { return c.Posts.Delete(ctx, post.PostID, nil) },
					func() error { _, err := c.Posts.ClearFlags(ctx, post.PostID); return err })
			})
		if err != nil {
			return err
		}
	}
	return nil
}

// sweepComments sweeps the flagged comments of a post and the flagged replies under every
// comment (a reply is listed under its parent, which need not be flagged itself), one at a
// time: the post's sweep is the unit of work of the runner.
func sweepComments(ctx context.Context, c *amity.Client, cfg Config, t *tally, postID string) error {
	commentID := func(cm amity.Comment) string { return cm.CommentID }
	moderate := func(ctx context.Context, cm amity.Comment) error {
		if cm.FlagCount == 0 {
			return nil
		}
		err := act(cfg, t, "comments", cm.FlagCount,
			func() error { return c.Comments.Delete(ctx, cm.CommentID, nil) },
			func() error { _, err := c.Comments.ClearFlags(ctx, cm.CommentID); return err })
		if err != nil {
			return fmt.Errorf("comment %s: %w", cm.CommentID, err)
		}
		return nil
	}
	top := &amity.ListCommentsParams{PageParams: cfg.Page, ReferenceType: amity.CommentOnPost, ReferenceID: postID, IsDeleted: amity.Ptr(false)}
	_, err := amity.Sweep(ctx, c.Comments.List(ctx, top), commentID, func(ctx context.Context, cm amity.Comment) error {
		if cm.ChildrenNumber > 0 {
			replies := &amity.ListCommentsParams{PageParams: cfg.Page, ReferenceType: amity.CommentOnPost, ReferenceID: postID,
				ParentID: cm.CommentID, HasFlag: amity.Ptr(true), IsDeleted: amity.Ptr(false)}
			if _, err := amity.Sweep(ctx, c.Comments.List(ctx, replies), commentID, moderate); err != nil {
				return fmt.Errorf("replies of comment %s: %w", cm.CommentID, err)
			}
		}
		return moderate(ctx, cm)
	})
	if err != nil {
		return fmt.Errorf("comments of post %s: %w", postID, err)
	}
	return nil
}

// sweepChannels sweeps the flagged messages of every channel (a channel's default message
// feed has the channel's internal ID).
func sweepChannels(ctx context.Context, c *amity.Client, errw io.Writer, cfg Config, t *tally) error {
	for ch, err := range c.Channels.List(ctx, &amity.ListChannelsParams{PageParams: amity.PageParams{Limit: 100}}) {
		if err != nil {
			return fmt.Errorf("listing channels: %w", err)
		}
		flagged := &amity.ListMessagesParams{PageParams: cfg.Page, MessageFeedID: ch.DefaultMessageFeedID(), HasFlags: amity.Ptr(true)}
		err := sweep(ctx, io.Discard, cfg, "flagged messages", c.Messages.List(ctx, flagged), func(m amity.Message) string { return m.MessageID },
			func(ctx context.Context, m amity.Message) error {
				return act(cfg, t, "messages", m.FlagCount,
					func() error { return c.Messages.Delete(ctx, m.MessageID, nil) },
					func() error { _, err := c.Messages.ClearFlags(ctx, m.MessageID); return err })
			})
		if err != nil {
			return fmt.Errorf("channel %s: %w", ch.ChannelID, err)
		}
	}
	return nil
}

// banUsers bans, network-wide, the flagged users over the threshold and clears the flags of
// the others (which takes them out of the flagged listing: it is swept too).
func banUsers(ctx context.Context, c *amity.Client, errw io.Writer, cfg Config, t *tally) (int, error) {
	var mu sync.Mutex
	banned := 0
	flagged := &amity.ListUsersParams{PageParams: cfg.Page, Filter: amity.UserFilterFlagged}
	err := sweep(ctx, errw, cfg, "flagged users", c.Users.List(ctx, flagged), func(u amity.User) string { return u.UserID },
		func(ctx context.Context, u amity.User) error {
			t.add("users", seen)
			switch {
			case u.IsGlobalBan:
			case u.FlagCount >= cfg.BanAt:
				mu.Lock()
				banned++
				mu.Unlock()
				if !cfg.DryRun {
					return c.Users.Ban(ctx, u.UserID)
				}
			default:
				t.add("users", cleared)
				if !cfg.DryRun {
					_, err := c.Users.ClearFlags(ctx, u.UserID)
					return err
				}
			}
			return nil
		})
	mu.Lock()
	defer mu.Unlock()
	return banned, err
}
