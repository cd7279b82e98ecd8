package redislimit_test

import (
	"log"
	"os"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/redislimit"
	"github.com/redis/go-redis/v9"
)

// Every process of the fleet builds its client like this: they share one limit per identity
// through Redis, and each falls back to its own in-process limit while Redis is down.
func ExampleNew() {
	rdb := redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	defer rdb.Close()
	client, err := amity.NewClient(
		amity.WithRegion(amity.RegionEU),
		amity.WithAdminToken(os.Getenv("AMITY_ADMIN_TOKEN")),
		amity.WithLimiter(redislimit.New(rdb,
			redislimit.WithLimit(100, 5*time.Second), // the API's limit (the default)
			redislimit.WithPrefix("myapp:amity:"),
		)),
	)
	if err != nil {
		log.Fatal(err)
	}
	_ = client
}
