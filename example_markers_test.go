package amity_test

import (
	"context"
	"fmt"
	"log"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
)

// Read markers count a member's unread messages: marking a feed read up to a segment, or a
// whole channel read, changes the counts the markers report.
func Example_unreadCounts() {
	srv := amitytest.NewServer()
	defer srv.Close()
	srv.AddUser("bob", "Bob")
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(srv.AdminToken()), amity.WithAPIKey(srv.APIKey()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	alice, err := c.AsUser("alice", amity.WithDeviceID("example-device"))
	if err != nil {
		log.Fatal(err)
	}
	bob, err := c.AsUser("bob", amity.WithDeviceID("example-device"))
	if err != nil {
		log.Fatal(err)
	}

	ch, err := alice.Channels.Create(ctx, &amity.CreateChannelParams{ChannelID: "team", DisplayName: "Team", UserIDs: []string{"bob"}})
	if err != nil {
		log.Fatal(err)
	}
	// The channel's default message feed, and its markers, go by the channel's internal ID.
	internalID := ch.Channel().DefaultMessageFeedID()
	for _, text := range []string{"one", "two", "three"} {
		if _, err := alice.Messages.Create(ctx, &amity.CreateMessageParams{MessageFeedID: internalID, ReferenceID: text,
			DataType: "text", Data: map[string]any{"text": text}}); err != nil {
			log.Fatal(err)
		}
	}

	m, err := bob.Markers.GetChannels(ctx, &amity.MarkerIDsParams{IDs: []string{internalID}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("unread:", m.UserEntityMarkerByID(internalID).UnreadCount)

	// Bob reads the first message (segment 1) of the channel's default feed.
	m, err = bob.Markers.MarkRead(ctx, internalID, &amity.MarkReadParams{ReadToSegment: 1})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("after reading one:", m.UserFeedMarkerByID(internalID).UnreadCount)

	if _, err := bob.Markers.MarkChannelRead(ctx, internalID); err != nil {
		log.Fatal(err)
	}
	m, err = bob.Markers.GetUserMarker(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("total after marking the channel read:", m.UserMarker().UnreadCount)
	// Output:
	// unread: 3
	// after reading one: 2
	// total after marking the channel read: 0
}
