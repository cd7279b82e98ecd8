package amity_test

import (
	"context"
	"fmt"
	"log"

	"github.com/amity-go/amity"
)

// A moderator finds the flagged stories of a community and deletes them.
func ExampleStoriesService_Delete() {
	srv, c := exampleServer()
	defer srv.Close()
	ctx := context.Background()

	alice, bob := exampleAsUser(c, "alice"), exampleAsUser(c, "bob")
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
