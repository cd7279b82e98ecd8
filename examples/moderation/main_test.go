package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/amity-go/amity/internal/moderation"
)

// TestApplyHandlesEveryFlaggedItem runs the program with -apply on a fake seeded with 150
// flagged posts, flagged comments, replies and messages, at several page sizes: every flagged
// item is handled, and none is left flagged.
func TestApplyHandlesEveryFlaggedItem(t *testing.T) {
	for _, size := range []int{1, 7, 20, 100} {
		t.Run(fmt.Sprintf("page size %d", size), func(t *testing.T) {
			t.Parallel()
			fake := amitytest.NewServer()
			defer fake.Close()
			fake.SetRateLimitEnabled(false)
			seeded := fake.Seed(amitytest.SeedOptions{Communities: 3, PostsPerCommunity: 200, CommentsPerPost: 1, RepliesPerComment: 1})
			if len(seeded.FlaggedPostIDs) != 150 {
				t.Fatalf("%d flagged posts seeded, want 150", len(seeded.FlaggedPostIDs))
			}
			c, err := amity.NewClient(amity.WithBaseURL(fake.URL()), amity.WithAdminToken(fake.AdminToken()), amity.WithoutRateLimit())
			if err != nil {
				t.Fatal(err)
			}
			var out strings.Builder
			cfg := moderation.Config{DeleteAt: 2, BanAt: 2, Page: amity.PageParams{Limit: size}}
			if err := moderation.Run(context.Background(), c, &out, io.Discard, cfg); err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			left := 0
			for _, id := range seeded.FlaggedPostIDs {
				p, err := c.Posts.Get(ctx, id, nil)
				if err != nil {
					t.Fatal(err)
				}
				if !p.Post().IsDeleted && p.Post().FlagCount > 0 {
					left++
				}
			}
			for _, id := range append(append([]string{}, seeded.FlaggedCommentIDs...), seeded.FlaggedReplyIDs...) {
				cm, err := c.Comments.Get(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if !cm.Comment().IsDeleted && cm.Comment().FlagCount > 0 {
					left++
				}
			}
			for _, id := range seeded.FlaggedMessageIDs {
				m, err := c.Messages.Get(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if !m.Message().IsDeleted && m.Message().FlagCount > 0 {
					left++
				}
			}
			if left > 0 {
				t.Errorf("%d flagged items left:\n%s", left, out.String())
			}
			want := fmt.Sprintf("posts     %d", len(seeded.FlaggedPostIDs))
			if !strings.Contains(out.String(), want) {
				t.Errorf("the summary does not say %q:\n%s", want, out.String())
			}
		})
	}
}
