package amity_test

import (
	"context"
	"fmt"
	"log"

	"github.com/amity-go/amity"
)

// Approve requests to join a community: in a community that requires join approval, a user's
// join is a pending request until a moderator answers it. Here the backend is the moderator,
// say one that lets in paying customers, and approves every pending request.
//
// Approving a request takes it out of the pending listing, and the API's page tokens are
// offsets, so the approvals go through amity.Sweep rather than inside the List loop.
func Example_approveJoinRequests() {
	srv, c := exampleServer()
	defer srv.Close()
	ctx := context.Background()

	community, err := c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "Beta testers",
		RequiresJoinApproval: amity.Ptr(true)})
	if err != nil {
		log.Fatal(err)
	}
	communityID := community.Community().CommunityID

	users := []string{"alice", "bob"}
	for _, id := range users {
		asked, err := exampleAsUser(c, id).Communities.CreateJoinRequest(ctx, communityID)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(id, "asked:", asked.JoinRequest().Status)
	}

	pending := &amity.ListJoinRequestsParams{Statuses: []amity.CommunityJoinRequestStatus{amity.CommunityJoinRequestPending}}
	approved, err := amity.Sweep(ctx, c.Communities.ListJoinRequests(ctx, communityID, pending),
		func(jr amity.CommunityJoinRequest) string { return jr.JoinRequestID },
		func(ctx context.Context, jr amity.CommunityJoinRequest) error {
			return c.Communities.ApproveJoinRequest(ctx, communityID, &amity.CommunityJoinRequestParams{UserID: jr.RequestorInternalID})
		})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("approved:", approved)

	for _, id := range users {
		got, err := exampleAsUser(c, id).Communities.Get(ctx, communityID)
		if err != nil {
			log.Fatal(err)
		}
		// MembersCount counts the creator (the admin) too.
		fmt.Println(id, "is a member:", got.Community().IsJoined, "of", got.Community().MembersCount)
	}
	// Output:
	// alice asked: pending
	// bob asked: pending
	// approved: 2
	// alice is a member: true of 3
	// bob is a member: true of 3
}
