package amity_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/amity-go/amity"
)

// Run a meetup: the backend creates an event in a community, members answer it from their
// apps (here through AsUser views), and the backend reads the answers back, say to send the
// venue a head count. An answer is created once (CreateRSVP) and changed after
// (UpdateRSVP); the event's RSVPCount counts who is going, InterestedCount who is interested.
func Example_eventRSVPs() {
	srv, c := exampleServer()
	defer srv.Close()
	ctx := context.Background()

	community, err := c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "Gophers Berlin"})
	if err != nil {
		log.Fatal(err)
	}
	start := time.Now().Add(7 * 24 * time.Hour) // the start must be in the future
	created, err := c.Events.Create(ctx, &amity.CreateEventParams{
		Title: "Go meetup", Type: amity.EventTypeInPerson, Location: "Alexanderplatz 1, Berlin",
		StartTime: start, EndTime: start.Add(2 * time.Hour), OriginID: community.Community().CommunityID,
	})
	if err != nil {
		log.Fatal(err)
	}
	eventID := created.Event().EventID
	fmt.Println(created.Event().Title, created.Event().Status)

	// Alice is going; Bob is interested, then makes up his mind.
	alice, bob := exampleAsUser(c, "alice"), exampleAsUser(c, "bob")
	if _, err := alice.Events.CreateRSVP(ctx, eventID, &amity.CreateEventRSVPParams{Status: amity.EventRSVPGoing}); err != nil {
		log.Fatal(err)
	}
	answer, err := bob.Events.CreateRSVP(ctx, eventID, &amity.CreateEventRSVPParams{Status: amity.EventRSVPInterested})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("going %d, interested %d\n", answer.Event().RSVPCount, answer.Event().InterestedCount)
	if _, err := bob.Events.UpdateRSVP(ctx, eventID, &amity.UpdateEventRSVPParams{Status: amity.EventRSVPGoing}); err != nil {
		log.Fatal(err)
	}

	// The attendee list, the latest answer first.
	for rsvp, err := range c.Events.ListRSVPs(ctx, eventID, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(rsvp.UserID, rsvp.Status)
	}
	got, err := c.Events.Get(ctx, eventID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("going %d, interested %d\n", got.Event().RSVPCount, got.Event().InterestedCount)
	// Output:
	// Go meetup scheduled
	// going 1, interested 1
	// bob going
	// alice going
	// going 2, interested 0
}
