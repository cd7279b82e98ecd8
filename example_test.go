package amity_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"log"
	"net/http"
	"testing"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/stretchr/testify/require"
)

// exampleClient starts a seeded fake and returns an admin client for it. Real programs use
// amity.WithRegion and the admin token from the console instead.
func exampleClient() (*amity.Client, amitytest.SeedResult, func()) {
	srv := amitytest.NewServer()
	seeded := srv.Seed(amitytest.SeedOptions{})
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(srv.AdminToken()), amity.WithAPIKey(srv.APIKey()))
	if err != nil {
		log.Fatal(err)
	}
	return c, seeded, srv.Close
}

// A user uploads an image and posts it in a community.
func Example_createPostWithImage() {
	c, seeded, done := exampleClient()
	defer done()
	ctx := context.Background()

	// Act as a member of the community.
	members, err := c.Communities.ListMembersPage(ctx, seeded.CommunityIDs[0], &amity.ListCommunityMembersParams{
		PageParams: amity.PageParams{Limit: 1}, Memberships: []amity.CommunityMembership{amity.CommunityMembershipMember}})
	if err != nil {
		log.Fatal(err)
	}
	member := members.CommunityUsers[0].UserID
	alice, err := c.AsUser(member, amity.WithDeviceID("example-device"))
	if err != nil {
		log.Fatal(err)
	}
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 8, 8))); err != nil {
		log.Fatal(err)
	}
	files, err := alice.Files.UploadImage(ctx, &amity.Upload{Name: "square.png", Body: &img})
	if err != nil {
		log.Fatal(err)
	}
	payload, err := alice.Posts.Create(ctx, &amity.CreatePostParams{
		TargetType:  amity.PostTargetCommunity,
		TargetID:    seeded.CommunityIDs[0],
		Data:        &amity.CreatePostData{Text: "A fresh square"},
		Attachments: []amity.PostAttachment{{FileID: files[0].FileID, Type: amity.PostAttachmentImage}},
	})
	if err != nil {
		log.Fatal(err)
	}
	post := payload.Post()
	fmt.Println(post.Data.Text)
	fmt.Println("author:", payload.Author(post).UserID == member)
	fmt.Println("image children:", len(payload.Children(post)))
	// Output:
	// A fresh square
	// author: true
	// image children: 1
}

// List a community's members, page by page, with the iterator.
func ExampleCommunitiesService_ListMembers() {
	c, seeded, done := exampleClient()
	defer done()
	ctx := context.Background()

	members := 0
	params := &amity.ListCommunityMembersParams{PageParams: amity.PageParams{Limit: 2}}
	for m, err := range c.Communities.ListMembers(ctx, seeded.CommunityIDs[0], params) {
		if err != nil {
			log.Fatal(err)
		}
		if m.CommunityMembership == amity.CommunityMembershipMember {
			members++
		}
	}
	fmt.Println("members:", members > 2)
	// Output:
	// members: true
}

// Ban a user everywhere: the ban holds across the network until Unban.
func ExampleUsersService_Ban() {
	c, seeded, done := exampleClient()
	defer done()
	ctx := context.Background()

	userID := seeded.UserIDs[1]
	if err := c.Users.Ban(ctx, userID); err != nil {
		log.Fatal(err)
	}
	u, err := c.Users.Get(ctx, userID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("globally banned:", u.User().IsGlobalBan)
	// Output:
	// globally banned: true
}

// Sweep flagged posts: page through each community's flagged posts and clear their flags.
func Example_sweepFlaggedPosts() {
	c, _, done := exampleClient()
	defer done()
	ctx := context.Background()

	cleared := 0
	for com, err := range c.Communities.List(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		flagged := &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: com.CommunityID, HasFlag: amity.Ptr(true)}
		for post, err := range c.Posts.List(ctx, flagged) {
			if err != nil {
				log.Fatal(err)
			}
			if post.FlagCount == 0 {
				continue // listed for a flagged comment or child
			}
			if _, err := c.Posts.ClearFlags(ctx, post.PostID); err != nil {
				log.Fatal(err)
			}
			cleared++
		}
	}
	fmt.Println("flagged posts cleared:", cleared > 0)
	// Output:
	// flagged posts cleared: true
}

// Page through a community feed one page at a time, keeping the cursor (e.g. to resume a job
// later from a stored token).
func ExamplePostsService_ListPage() {
	c, seeded, done := exampleClient()
	defer done()
	ctx := context.Background()

	params := &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: seeded.CommunityIDs[0],
		PageParams: amity.PageParams{Limit: 2}}
	pages, posts := 0, 0
	for {
		page, err := c.Posts.ListPage(ctx, params)
		if err != nil {
			log.Fatal(err)
		}
		pages++
		posts += len(page.Posts)
		if page.Paging.Next == "" {
			break
		}
		params.PageToken = page.Paging.Next // store it to resume later
	}
	fmt.Println("pages:", pages, "posts:", posts)
	// Output:
	// pages: 4 posts: 7
}

// TestREADMEAmitytestSnippet is the README's "Testing your code with amitytest" snippet, kept
// compiling and passing here.
func TestREADMEAmitytestSnippet(t *testing.T) {
	srv := amitytest.NewServer()
	defer srv.Close()
	seeded := srv.Seed(amitytest.SeedOptions{})
	c, _ := amity.NewClient(amity.WithBaseURL(srv.URL()),
		amity.WithAdminToken(srv.AdminToken()), amity.WithAPIKey(srv.APIKey()))
	srv.FailNext(1, http.StatusServiceUnavailable) // the SDK retries reads
	u, err := c.Users.Get(context.Background(), seeded.UserIDs[0])
	require.NoError(t, err)
	require.Equal(t, seeded.UserIDs[0], u.User().UserID)
}
