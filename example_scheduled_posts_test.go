package amity_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
)

// Publish a post later: a campaign backend schedules an announcement for launch day. Until its
// time the post is listed by ScheduledPosts.List (status WAIT) and is in no feed; at its time
// the API publishes it into its target feed (DONE).
func Example_scheduledPost() {
	// The fake runs on a clock the example moves forward, a day in one step.
	clock := amitytest.NewClock(time.Now())
	srv := amitytest.NewServer(amitytest.WithClock(clock.Now))
	defer srv.Close()
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(srv.AdminToken()), amity.WithAPIKey(srv.APIKey()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	community, err := c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "Announcements"})
	if err != nil {
		log.Fatal(err)
	}
	feed := &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: community.Community().CommunityID}
	if _, err := c.ScheduledPosts.Create(ctx, &amity.CreateScheduledPostParams{
		ScheduledAt: clock.Now().Add(24 * time.Hour),
		Post: &amity.CreatePostParams{TargetType: feed.TargetType, TargetID: feed.TargetID,
			Data: &amity.CreatePostData{Text: "v2 is out!"}},
	}); err != nil {
		log.Fatal(err)
	}

	// show prints the scheduled posts and the community's feed.
	show := func() {
		for sp, err := range c.ScheduledPosts.List(ctx, nil) {
			if err != nil {
				log.Fatal(err)
			}
			fmt.Printf("scheduled %q: %s\n", sp.PostData.Data.Text, sp.Status.Code)
		}
		var posts []string
		for p, err := range c.Posts.List(ctx, feed) {
			if err != nil {
				log.Fatal(err)
			}
			posts = append(posts, p.Data.Text)
		}
		fmt.Printf("feed: %q\n", posts)
	}
	show()
	clock.Advance(25 * time.Hour) // a day later
	show()
	// Output:
	// scheduled "v2 is out!": WAIT
	// feed: []
	// scheduled "v2 is out!": DONE
	// feed: ["v2 is out!"]
}
