package amitytest_test

import (
	"context"
	"fmt"
	"log"
	"net/http"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
)

// Test code that uses the SDK against the fake: seeded data, the SDK's own retries against an
// injected fault, and the fake's record of what it received.
func ExampleNewServer() {
	srv := amitytest.NewServer()
	defer srv.Close()
	seeded := srv.Seed(amitytest.SeedOptions{})
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()),
		amity.WithAdminToken(srv.AdminToken()), amity.WithAPIKey(srv.APIKey()))
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	srv.FailNext(1, http.StatusServiceUnavailable) // the SDK retries a read
	u, err := c.Users.Get(context.Background(), seeded.UserIDs[0])
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(u.User().UserID, "after", srv.RequestCount(), "requests")
	// Output:
	// user-01 after 2 requests
}
