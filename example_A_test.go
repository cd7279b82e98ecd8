package amity_test

import (
	"context"
	"fmt"
	"log"
	"slices"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
)

// Grant a role to users and list the role's users. The role grants a permission, which the
// users can use at once: here, creating community categories.
func Example_grantRole() {
	c, seeded, done := exampleClient()
	defer done()
	ctx := context.Background()

	// Create a role that lets its holders curate community categories.
	role, err := c.Roles.Create(ctx, &amity.CreateRoleParams{RoleID: "curator", DisplayName: "Curator",
		Permissions: []amity.Permission{amity.PermissionCreateCommunityCategory, amity.PermissionEditCommunityCategory}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created", role.Role().RoleID, role.Role().Permissions)

	// Grant it to two users (Roles replaces a user's network roles).
	for _, id := range seeded.UserIDs[:2] {
		if _, err := c.Users.Update(ctx, &amity.UpdateUserParams{UserID: id, Roles: []string{"curator"}}); err != nil {
			log.Fatal(err)
		}
	}

	// List the role's users.
	var curators []string
	for u, err := range c.Users.List(ctx, &amity.ListUsersParams{SortBy: amity.UserSortFirstCreated}) {
		if err != nil {
			log.Fatal(err)
		}
		if slices.Contains(u.Roles, "curator") {
			curators = append(curators, u.UserID)
		}
	}
	fmt.Println("curators:", curators)

	// A curator may now create a category; another user may not.
	curator, err := c.AsUser(curators[0], amity.WithDeviceID("example-device"))
	if err != nil {
		log.Fatal(err)
	}
	if _, err := curator.CommunityCategories.Create(ctx, &amity.CreateCommunityCategoryParams{Name: "Gardening"}); err != nil {
		log.Fatal(err)
	}
	fmt.Println("curator created a category")
	other, err := c.AsUser(seeded.UserIDs[2], amity.WithDeviceID("example-device"))
	if err != nil {
		log.Fatal(err)
	}
	_, err = other.CommunityCategories.Create(ctx, &amity.CreateCommunityCategoryParams{Name: "Knitting"})
	fmt.Println("other user refused:", err != nil)
	// Output:
	// created curator [CREATE_COMMUNITY_CATEGORY EDIT_COMMUNITY_CATEGORY]
	// curators: [user-01 user-02]
	// curator created a category
	// other user refused: true
}

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
