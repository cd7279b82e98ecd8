package amity_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"log"
	"os"

	"github.com/amity-go/amity"
)

// Export a user's followers as CSV, page by page.
func ExampleFollowsService_ListFollowers() {
	srv, c := exampleServer()
	defer srv.Close()
	ctx := context.Background()

	srv.AddUser("alice", "Alice")
	for _, id := range []string{"bob", "carol", "dan"} {
		if _, err := exampleAsUser(c, id).Follows.Follow(ctx, "alice"); err != nil {
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
