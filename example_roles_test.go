package amity_test

import (
	"context"
	"fmt"
	"log"
	"slices"

	"github.com/amity-go/amity"
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
