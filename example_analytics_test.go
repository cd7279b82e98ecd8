package amity_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/amity-go/amity"
)

// Read who viewed a post: views are recorded by the clients (Analytics.Record), the reach is
// read with the admin token.
func ExampleAnalyticsService_ListPostViewers() {
	srv, c := exampleServer()
	defer srv.Close()
	ctx := context.Background()

	alice := exampleAsUser(c, "alice")
	posted, err := alice.Posts.Create(ctx, &amity.CreatePostParams{TargetType: amity.PostTargetUser, TargetID: "alice",
		Data: &amity.CreatePostData{Text: "Trip report"}})
	if err != nil {
		log.Fatal(err)
	}
	postID := posted.Posts[0].PostID
	for i, viewer := range []string{"bob", "carol", "bob"} {
		view := amity.AnalyticsActivity{ContentID: postID, ContentType: amity.AnalyticsPost, ActivityType: amity.AnalyticsView,
			Timestamp: time.Date(2026, 1, 2, 10, i, 0, 0, time.UTC)}
		if err := exampleAsUser(c, viewer).Analytics.Record(ctx, &amity.RecordActivitiesParams{Activities: []amity.AnalyticsActivity{view}}); err != nil {
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
