package amity_test

import (
	"context"
	"fmt"
	"log"

	"github.com/amity-go/amity"
)

// A moderation sweep: every flagged post, comment, reply and message is deleted when users
// flagged it twice or more, and its flags are cleared otherwise.
//
// Acting on an item takes it out of a filtered listing (hasFlag=true), and the API's page
// tokens are offsets, so ranging over a List while acting on its items would skip some of
// them. amity.Sweep lists first, then acts, then lists again until nothing new turns up.
func Example_sweepFlaggedContent() {
	c, _, done := exampleClient()
	defer done()
	tally, err := sweepFlagged(context.Background(), c, 0)
	if err != nil {
		log.Fatal(err)
	}
	for _, kind := range []string{"post", "comment", "message"} {
		fmt.Printf("%ss: %d deleted, %d cleared\n", kind, tally[kind+" deleted"], tally[kind+" cleared"])
	}
	// Output:
	// posts: 2 deleted, 1 cleared
	// comments: 4 deleted, 4 cleared
	// messages: 2 deleted, 2 cleared
}

// sweepFlagged deletes the content users flagged twice or more and clears the flags of the
// rest: the flagged posts of community and user feeds with the flagged comments and replies
// under them, and the flagged messages of every channel. It returns what it did by kind ("post
// deleted", "comment cleared", ...); pageSize 0 leaves the page size to the API (20).
func sweepFlagged(ctx context.Context, c *amity.Client, pageSize int) (map[string]int, error) {
	tally := map[string]int{}
	page := amity.PageParams{Limit: pageSize}
	// moderate deletes an item flagged twice or more and clears the flags of one flagged once.
	moderate := func(kind string, flags int, del, clear func() error) error {
		switch {
		case flags >= 2:
			tally[kind+" deleted"]++
			return del()
		case flags == 1:
			tally[kind+" cleared"]++
			return clear()
		}
		return nil
	}
	comment := func(ctx context.Context, cm amity.Comment) error {
		return moderate("comment", cm.FlagCount,
			func() error { return c.Comments.Delete(ctx, cm.CommentID, nil) },
			func() error { _, err := c.Comments.ClearFlags(ctx, cm.CommentID); return err })
	}
	commentID := func(cm amity.Comment) string { return cm.CommentID }

	// Every flagged post of the network, by kind of feed, and every post with a flagged
	// comment or reply (GET /api/v3/posts lists across feeds; deleted posts need nothing).
	for _, target := range []amity.PostTargetType{amity.PostTargetCommunity, amity.PostTargetUser} {
		flagged := &amity.V3ListPostsParams{PageParams: page, TargetType: target, HasFlag: amity.Ptr(true), IsDeleted: amity.Ptr(false)}
		_, err := amity.Sweep(ctx, c.Posts.V3.List(ctx, flagged), func(p amity.Post) string { return p.PostID },
			func(ctx context.Context, post amity.Post) error {
				if post.HasFlaggedComment {
					// Comment lists hold top-level comments; a reply, flagged or not, is listed
					// under its parent, which need not be flagged itself.
					top := &amity.ListCommentsParams{PageParams: page, ReferenceType: amity.CommentOnPost, ReferenceID: post.PostID,
						IsDeleted: amity.Ptr(false)}
					_, err := amity.Sweep(ctx, c.Comments.List(ctx, top), commentID, func(ctx context.Context, cm amity.Comment) error {
						if cm.ChildrenNumber > 0 {
							replies := &amity.ListCommentsParams{PageParams: page, ReferenceType: amity.CommentOnPost, ReferenceID: post.PostID,
								ParentID: cm.CommentID, HasFlag: amity.Ptr(true), IsDeleted: amity.Ptr(false)}
							if _, err := amity.Sweep(ctx, c.Comments.List(ctx, replies), commentID, comment); err != nil {
								return err
							}
						}
						return comment(ctx, cm)
					})
					if err != nil {
						return err
					}
				}
				return moderate("post", post.FlagCount,
					func() error { return c.Posts.Delete(ctx, post.PostID, nil) },
					func() error { _, err := c.Posts.ClearFlags(ctx, post.PostID); return err })
			})
		if err != nil {
			return tally, err
		}
	}
	for ch, err := range c.Channels.List(ctx, nil) {
		if err != nil {
			return tally, err
		}
		// v5 messages live in the channel's default message feed, named by its internal ID.
		flagged := &amity.ListMessagesParams{PageParams: page, MessageFeedID: ch.DefaultMessageFeedID(), HasFlags: amity.Ptr(true)}
		_, err := amity.Sweep(ctx, c.Messages.List(ctx, flagged), func(m amity.Message) string { return m.MessageID },
			func(ctx context.Context, m amity.Message) error {
				return moderate("message", m.FlagCount,
					func() error { return c.Messages.Delete(ctx, m.MessageID, nil) },
					func() error { _, err := c.Messages.ClearFlags(ctx, m.MessageID); return err })
			})
		if err != nil {
			return tally, err
		}
	}
	return tally, nil
}
