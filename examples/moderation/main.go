// Command moderation sweeps a network's flagged content: it pages through flagged posts and
// comments in every community and flagged messages in every channel, deletes what was flagged
// at least -delete-at times and clears the flags of the rest, globally bans users flagged at
// least -ban-at times, uploads a blocklist from a file (-blocklist, none by default), and
// prints a summary table.
// It is a dry run unless -apply is given: it reports what it would do and changes nothing. Its
// first line of output says which network it talks to and in which mode.
//
// With no AMITY_REGION and credentials set it runs on the built-in fake (amitytest).
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"text/tabwriter"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/amity-go/amity/examples/internal/exampleenv"
)

type config struct {
	deleteAt, banAt int
	blocklist       string
	dryRun          bool
}

// tally counts what the sweep did, per kind of content.
type tally map[string]*[3]int // kind -> seen, deleted, cleared

func (t tally) add(kind string, col int) {
	if t[kind] == nil {
		t[kind] = new([3]int)
	}
	t[kind][col]++
}

const (
	seen = iota
	deleted
	cleared
)

func main() {
	var cfg config
	flag.IntVar(&cfg.deleteAt, "delete-at", 2, "delete content flagged at least this many times; clear the flags of the rest")
	flag.IntVar(&cfg.banAt, "ban-at", 2, "globally ban users flagged at least this many times")
	flag.StringVar(&cfg.blocklist, "blocklist", "", "file of words or regular expressions to blocklist, e.g. examples/moderation/blocklist.txt (default: none)")
	apply := flag.Bool("apply", false, "make the changes (default: a dry run that changes nothing)")
	flag.Parse()
	cfg.dryRun = !*apply
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout, os.Stderr, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "moderation:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out, errw io.Writer, cfg config) error {
	mode := exampleenv.Apply
	if cfg.dryRun {
		mode = exampleenv.DryRun
	}
	env, err := exampleenv.Connect(out, amitytest.SeedOptions{}, mode)
	if err != nil {
		return err
	}
	defer env.Close()
	c := env.Client
	t := tally{}
	banned, blocklisted := 0, 0

	if cfg.blocklist != "" {
		if blocklisted, err = uploadBlocklist(ctx, c, cfg); err != nil {
			return err
		}
	}
	if err := sweepCommunities(ctx, c, errw, cfg, t); err != nil {
		return err
	}
	if err := sweepChannels(ctx, c, errw, cfg, t); err != nil {
		return err
	}
	if banned, err = banUsers(ctx, c, cfg, t); err != nil {
		return err
	}

	fmt.Fprintln(out, "\nmoderation summary")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "kind\tflagged\tdeleted\tflags cleared")
	for _, kind := range []string{"posts", "comments", "messages", "users"} {
		n := t[kind]
		if n == nil {
			n = new([3]int)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\n", kind, n[seen], n[deleted], n[cleared])
	}
	tw.Flush()
	fmt.Fprintf(out, "users globally banned: %d\nblocklist rules uploaded: %d\n", banned, blocklisted)
	if cfg.dryRun {
		fmt.Fprintln(out, "dry run: nothing was changed")
	}
	return nil
}

// uploadBlocklist reads the rules file and uploads it 100 rules per call.
func uploadBlocklist(ctx context.Context, c *amity.Client, cfg config) (int, error) {
	f, err := os.Open(cfg.blocklist)
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
		return 0, fmt.Errorf("blocklist %s: %w", cfg.blocklist, err)
	}
	if cfg.dryRun {
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
func act(cfg config, t tally, kind string, flags int, del, clear func() error) error {
	t.add(kind, seen)
	if flags >= cfg.deleteAt {
		t.add(kind, deleted)
		if cfg.dryRun {
			return nil
		}
		return del()
	}
	t.add(kind, cleared)
	if cfg.dryRun {
		return nil
	}
	return clear()
}

// sweepCommunities pages through the flagged posts of every community, and the flagged
// comments of the posts that have some.
func sweepCommunities(ctx context.Context, c *amity.Client, errw io.Writer, cfg config, t tally) error {
	progress := exampleenv.NewProgress(errw, "communities swept", 0)
	defer progress.Finish()
	for com, err := range c.Communities.List(ctx, &amity.ListCommunitiesParams{PageParams: amity.PageParams{Limit: 100}}) {
		if err != nil {
			return fmt.Errorf("listing communities: %w", err)
		}
		flagged := &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: com.CommunityID, HasFlag: amity.Ptr(true), PageParams: amity.PageParams{Limit: 100}}
		for post, err := range c.Posts.List(ctx, flagged) {
			if err != nil {
				return fmt.Errorf("listing flagged posts of %s: %w", com.CommunityID, err)
			}
			if post.HasFlaggedComment {
				if err := sweepComments(ctx, c, cfg, t, post.PostID); err != nil {
					return err
				}
			}
			if post.FlagCount == 0 {
				continue // listed for its flagged comments or children
			}
			err := act(cfg, t, "posts", post.FlagCount,
				func() error { return c.Posts.Delete(ctx, post.PostID, nil) },
				func() error { _, err := c.Posts.ClearFlags(ctx, post.PostID); return err })
			if err != nil {
				return fmt.Errorf("post %s: %w", post.PostID, err)
			}
		}
		progress.Add(1)
	}
	return nil
}

func sweepComments(ctx context.Context, c *amity.Client, cfg config, t tally, postID string) error {
	params := &amity.ListCommentsParams{ReferenceType: amity.CommentOnPost, ReferenceID: postID, HasFlag: amity.Ptr(true),
		FilterByParentID: amity.Ptr(false), PageParams: amity.PageParams{Limit: 100}}
	for cm, err := range c.Comments.List(ctx, params) {
		if err != nil {
			return fmt.Errorf("listing flagged comments of post %s: %w", postID, err)
		}
		err := act(cfg, t, "comments", cm.FlagCount,
			func() error { return c.Comments.Delete(ctx, cm.CommentID, nil) },
			func() error { _, err := c.Comments.ClearFlags(ctx, cm.CommentID); return err })
		if err != nil {
			return fmt.Errorf("comment %s: %w", cm.CommentID, err)
		}
	}
	return nil
}

// sweepChannels pages through the flagged messages of every channel (a channel's default
// message feed has the channel's internal ID).
func sweepChannels(ctx context.Context, c *amity.Client, errw io.Writer, cfg config, t tally) error {
	progress := exampleenv.NewProgress(errw, "channels swept", 0)
	defer progress.Finish()
	for ch, err := range c.Channels.List(ctx, &amity.ListChannelsParams{PageParams: amity.PageParams{Limit: 100}}) {
		if err != nil {
			return fmt.Errorf("listing channels: %w", err)
		}
		params := &amity.ListMessagesParams{MessageFeedID: ch.DefaultMessageFeedID(), HasFlags: amity.Ptr(true), PageParams: amity.PageParams{Limit: 100}}
		for m, err := range c.Messages.List(ctx, params) {
			if err != nil {
				return fmt.Errorf("listing flagged messages of %s: %w", ch.ChannelID, err)
			}
			err := act(cfg, t, "messages", m.FlagCount,
				func() error { return c.Messages.Delete(ctx, m.MessageID, nil) },
				func() error { _, err := c.Messages.ClearFlags(ctx, m.MessageID); return err })
			if err != nil {
				return fmt.Errorf("message %s: %w", m.MessageID, err)
			}
		}
		progress.Add(1)
	}
	return nil
}

// banUsers bans, network-wide, the flagged users over the threshold and clears the flags of
// the others.
func banUsers(ctx context.Context, c *amity.Client, cfg config, t tally) (int, error) {
	banned := 0
	for u, err := range c.Users.List(ctx, &amity.ListUsersParams{Filter: amity.UserFilterFlagged, PageParams: amity.PageParams{Limit: 100}}) {
		if err != nil {
			return banned, fmt.Errorf("listing flagged users: %w", err)
		}
		t.add("users", seen)
		switch {
		case u.IsGlobalBan:
		case u.FlagCount >= cfg.banAt:
			banned++
			if !cfg.dryRun {
				if err := c.Users.Ban(ctx, u.UserID); err != nil {
					return banned, fmt.Errorf("banning %s: %w", u.UserID, err)
				}
			}
		default:
			t.add("users", cleared)
			if !cfg.dryRun {
				if _, err := c.Users.ClearFlags(ctx, u.UserID); err != nil {
					return banned, fmt.Errorf("clearing flags of %s: %w", u.UserID, err)
				}
			}
		}
	}
	return banned, nil
}
