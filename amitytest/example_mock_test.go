package amitytest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
)

// A fake on an address of one's choice, as `amity mock` runs it: a seed file, the SDK pointed
// at it, and a reset to the seed through the admin endpoints.
func ExampleStartMock() {
	seed, err := amitytest.OpenSeedFile("../testdata/mock_seed.json")
	if err != nil {
		log.Fatal(err)
	}
	m, err := amitytest.StartMock("127.0.0.1:0", amitytest.WithSeedFile(seed))
	if err != nil {
		log.Fatal(err)
	}
	defer m.Close()
	c, err := amity.NewClient(amity.WithBaseURL(m.URL()), amity.WithAdminToken(m.AdminToken()), amity.WithAPIKey(m.APIKey()))
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	dora, err := c.AsUser("dora") // registers a new user on its first call
	if err != nil {
		log.Fatal(err)
	}
	if _, err := dora.Users.Get(ctx, "bob"); err != nil {
		log.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, m.URL()+amitytest.MockPrefix+"reset?to=seed", nil)
	req.Header.Set("Authorization", "Bearer "+m.AdminToken())
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	res.Body.Close()
	u, err := c.Users.Get(ctx, "bob")
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.Users.Get(ctx, "dora")
	fmt.Println(res.StatusCode, u.User().DisplayName, "/ dora gone:", errors.Is(err, amity.ErrNotFound))
	// Output: 200 Bob Tanaka / dora gone: true
}
