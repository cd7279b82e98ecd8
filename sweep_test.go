package amity_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sweepFake is a fake seeded with 150 flagged posts (3 communities of 200), comments with
// flagged replies, and channels with flagged messages, and an admin client without rate
// limits on either side.
func sweepFake(t *testing.T) (*amity.Client, amitytest.SeedResult) {
	t.Helper()
	srv := amitytest.NewServer()
	t.Cleanup(srv.Close)
	srv.SetRateLimitEnabled(false)
	seeded := srv.Seed(amitytest.SeedOptions{Communities: 3, PostsPerCommunity: 200, CommentsPerPost: 1, RepliesPerComment: 1,
		Channels: 2, MessagesPerChannel: 40})
	require.Len(t, seeded.FlaggedPostIDs, 150)
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(srv.AdminToken()), amity.WithoutRateLimit())
	require.NoError(t, err)
	return c, seeded
}

// TestSweepFlaggedContentFindsEverything runs the README's moderation recipe (the function of
// Example_sweepFlaggedContent) at several page sizes: every flagged post, comment, reply and
// message is handled exactly once, and none is left flagged.
func TestSweepFlaggedContentFindsEverything(t *testing.T) {
	ctx := context.Background()
	for _, size := range []int{1, 7, 20, 100} {
		t.Run(fmt.Sprintf("page size %d", size), func(t *testing.T) {
			t.Parallel()
			c, seeded := sweepFake(t)
			tally, err := sweepFlagged(ctx, c, size)
			require.NoError(t, err)
			assert.Equal(t, len(seeded.FlaggedPostIDs), tally["post deleted"]+tally["post cleared"], "posts")
			assert.Equal(t, len(seeded.FlaggedCommentIDs)+len(seeded.FlaggedReplyIDs), tally["comment deleted"]+tally["comment cleared"], "comments and replies")
			assert.Equal(t, len(seeded.FlaggedMessageIDs), tally["message deleted"]+tally["message cleared"], "messages")
			for _, id := range seeded.FlaggedPostIDs {
				p, err := c.Posts.Get(ctx, id, nil)
				require.NoError(t, err)
				assert.True(t, p.Post().IsDeleted || p.Post().FlagCount == 0, "post %s is still flagged", id)
			}
			for _, id := range append(append([]string{}, seeded.FlaggedCommentIDs...), seeded.FlaggedReplyIDs...) {
				cm, err := c.Comments.Get(ctx, id)
				require.NoError(t, err)
				assert.True(t, cm.Comment().IsDeleted || cm.Comment().FlagCount == 0, "comment %s is still flagged", id)
			}
			t.Logf("page size %d: %v (%d flagged posts, %d comments, %d replies, %d messages)", size, tally,
				len(seeded.FlaggedPostIDs), len(seeded.FlaggedCommentIDs), len(seeded.FlaggedReplyIDs), len(seeded.FlaggedMessageIDs))
		})
	}
}

// TestRangingWhileActingSkipsItems is the control: clearing flags while ranging over a
// hasFlag=true List skips items on the fake, as on the API (page tokens are offsets). Were it
// not so, TestSweepFlaggedContentFindsEverything could not fail.
func TestRangingWhileActingSkipsItems(t *testing.T) {
	ctx := context.Background()
	c, seeded := sweepFake(t)
	cleared := 0
	for com, err := range c.Communities.List(ctx, nil) {
		require.NoError(t, err)
		flagged := &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: com.CommunityID, HasFlag: amity.Ptr(true)}
		for post, err := range c.Posts.List(ctx, flagged) {
			require.NoError(t, err)
			if post.FlagCount > 0 {
				_, err := c.Posts.ClearFlags(ctx, post.PostID)
				require.NoError(t, err)
				cleared++
			}
		}
	}
	t.Logf("ranging and clearing: %d of %d flagged posts handled", cleared, len(seeded.FlaggedPostIDs))
	assert.Less(t, cleared, len(seeded.FlaggedPostIDs))
}

// Sweep acts once per key, lists again for new items, and stops at the first error.
func TestSweepSemantics(t *testing.T) {
	ctx := context.Background()
	items := []string{"a", "b", "c"}
	listing := func(yield func(string, error) bool) {
		for _, it := range items {
			if !yield(it, nil) {
				return
			}
		}
	}
	var acted []string
	n, err := amity.Sweep(ctx, listing, func(s string) string { return s }, func(_ context.Context, s string) error {
		acted = append(acted, s)
		if s == "b" {
			items = append(items, "d") // flagged meanwhile: found by the next listing
		}
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 4, n)
	assert.Equal(t, []string{"a", "b", "c", "d"}, acted, "each once, the new one after a new listing")

	boom := fmt.Errorf("boom")
	n, err = amity.Sweep(ctx, listing, func(s string) string { return s }, func(_ context.Context, s string) error {
		if s == "b" {
			return boom
		}
		return nil
	})
	assert.ErrorIs(t, err, boom)
	assert.Equal(t, 2, n)

	failing := func(yield func(string, error) bool) { yield("", boom) }
	_, err = amity.Sweep(ctx, failing, func(s string) string { return s }, func(context.Context, string) error { return nil })
	assert.ErrorIs(t, err, boom)
}
