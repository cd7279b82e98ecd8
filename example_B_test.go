package amity_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
)

// exampleServerB starts an empty fake and returns it with an admin client. Real programs use
// amity.WithRegion and the admin token from the console instead.
func exampleServerB() (*amitytest.Server, *amity.Client) {
	srv := amitytest.NewServer()
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(srv.AdminToken()), amity.WithAPIKey(srv.APIKey()))
	if err != nil {
		log.Fatal(err)
	}
	return srv, c
}

// asUserB returns a view of c acting as userID.
func asUserB(c *amity.Client, userID string) *amity.Client {
	u, err := c.AsUser(userID, amity.WithDeviceID("example-"+userID))
	if err != nil {
		log.Fatal(err)
	}
	return u
}

// A moderator finds the flagged stories of a community and deletes them.
func ExampleStoriesService_Delete() {
	srv, c := exampleServerB()
	defer srv.Close()
	ctx := context.Background()

	alice, bob := asUserB(c, "alice"), asUserB(c, "bob")
	community, err := alice.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "Hikers"})
	if err != nil {
		log.Fatal(err)
	}
	communityID := community.Communities[0].CommunityID
	for _, text := range []string{"Sunrise at the summit", "Buy cheap watches!!!"} {
		if _, err := alice.Stories.Create(ctx, &amity.CreateStoryParams{TargetID: communityID, DataType: amity.StoryDataText,
			Data: amity.StoryDataParams{Text: text}, ReferenceID: text}); err != nil {
			log.Fatal(err)
		}
	}
	// Bob reports the spam story.
	for story, err := range bob.Stories.List(ctx, &amity.ListStoriesParams{TargetType: amity.StoryTargetCommunity, TargetID: communityID}) {
		if err != nil {
			log.Fatal(err)
		}
		if story.Data.Text == "Buy cheap watches!!!" {
			if _, err := bob.Stories.Flag(ctx, story.StoryID); err != nil {
				log.Fatal(err)
			}
		}
	}

	// The moderator's pass: delete every flagged story of the community.
	list := &amity.ListStoriesParams{TargetType: amity.StoryTargetCommunity, TargetID: communityID}
	for story, err := range c.Stories.List(ctx, list) {
		if err != nil {
			log.Fatal(err)
		}
		if story.FlagCount > 0 {
			if err := c.Stories.Delete(ctx, story.StoryID, &amity.DeleteStoryParams{Permanent: amity.Ptr(true)}); err != nil {
				log.Fatal(err)
			}
			fmt.Printf("deleted %q (%d flag)\n", story.Data.Text, story.FlagCount)
		}
	}
	for story, err := range c.Stories.List(ctx, list) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("left:", story.Data.Text)
	}
	// Output:
	// deleted "Buy cheap watches!!!" (1 flag)
	// left: Sunrise at the summit
}

// Export a user's followers as CSV, page by page.
func ExampleFollowsService_ListFollowers() {
	srv, c := exampleServerB()
	defer srv.Close()
	ctx := context.Background()

	srv.AddUser("alice", "Alice")
	for _, id := range []string{"bob", "carol", "dan"} {
		if _, err := asUserB(c, id).Follows.Follow(ctx, "alice"); err != nil {
			log.Fatal(err)
		}
	}

	w := csv.NewWriter(os.Stdout)
	_ = w.Write([]string{"follower", "status"})
	// Limit 2 makes the iterator fetch two pages.
	params := &amity.ListFollowsParams{PageParams: amity.PageParams{Limit: 2}, Status: amity.FollowFilterAccepted}
	for follow, err := range c.Follows.ListFollowers(ctx, "alice", params) {
		if err != nil {
			log.Fatal(err)
		}
		_ = w.Write([]string{follow.From, string(follow.Status)})
	}
	w.Flush()
	info, err := c.Follows.GetInfo(ctx, "alice")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("followers:", info.Count().FollowerCount)
	// Output:
	// follower,status
	// dan,accepted
	// carol,accepted
	// bob,accepted
	// followers: 3
}

// Read who viewed a post: views are recorded by the clients (Analytics.Record), the reach is
// read with the admin token.
func ExampleAnalyticsService_ListPostViewers() {
	srv, c := exampleServerB()
	defer srv.Close()
	ctx := context.Background()

	alice := asUserB(c, "alice")
	posted, err := alice.Posts.Create(ctx, &amity.CreatePostParams{TargetType: amity.PostTargetUser, TargetID: "alice",
		Data: &amity.CreatePostData{Text: "Trip report"}})
	if err != nil {
		log.Fatal(err)
	}
	postID := posted.Posts[0].PostID
	for i, viewer := range []string{"bob", "carol", "bob"} {
		view := amity.AnalyticsActivity{ContentID: postID, ContentType: amity.AnalyticsPost, ActivityType: amity.AnalyticsView,
			Timestamp: time.Date(2026, 1, 2, 10, i, 0, 0, time.UTC)}
		if err := asUserB(c, viewer).Analytics.Record(ctx, &amity.RecordActivitiesParams{Activities: []amity.AnalyticsActivity{view}}); err != nil {
			log.Fatal(err)
		}
	}

	for viewer, err := range c.Analytics.ListPostViewers(ctx, postID, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("viewed by", viewer.UserID)
	}
	impressions, reach := srv.Views("post", postID)
	fmt.Println("impressions:", impressions, "reach:", reach)
	// Output:
	// viewed by bob
	// viewed by carol
	// impressions: 3 reach: 2
}
