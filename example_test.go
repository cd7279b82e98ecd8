package amity_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"log"
	"net/http"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/stretchr/testify/require"
)

// exampleServer starts an empty fake and returns it with an admin client. Real programs use
// amity.WithRegion and the admin token from the console instead.
func exampleServer() (*amitytest.Server, *amity.Client) {
	srv := amitytest.NewServer()
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(srv.AdminToken()), amity.WithAPIKey(srv.APIKey()))
	if err != nil {
		log.Fatal(err)
	}
	return srv, c
}

// exampleClient starts a seeded fake and returns an admin client for it, the seeded IDs and
// the fake's Close.
func exampleClient() (*amity.Client, amitytest.SeedResult, func()) {
	srv, c := exampleServer()
	return c, srv.Seed(amitytest.SeedOptions{}), srv.Close
}

// exampleAsUser returns a view of c acting as userID.
func exampleAsUser(c *amity.Client, userID string) *amity.Client {
	u, err := c.AsUser(userID, amity.WithDeviceID("example-"+userID))
	if err != nil {
		log.Fatal(err)
	}
	return u
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
	files, err := alice.Files.UploadImage(ctx, &amity.UploadParams{Name: "square.png", Body: &img})
	if err != nil {
		log.Fatal(err)
	}
	payload, err := alice.Posts.Create(ctx, &amity.CreatePostParams{
		TargetType:  amity.PostTargetCommunity,
		TargetID:    seeded.CommunityIDs[0],
		Data:        &amity.CreatePostData{Text: "A fresh square"},
		Attachments: []amity.PostAttachment{{FileID: files.File().FileID, Type: amity.PostAttachmentImage}},
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

// Ban a user three ways: everywhere (a global ban: no login, no API call until Unban), from
// one community, and from one channel.
func Example_banUser() {
	c, seeded, done := exampleClient()
	defer done()
	ctx := context.Background()
	userID := seeded.UserIDs[1]

	// Globally.
	if err := c.Users.Ban(ctx, userID); err != nil {
		log.Fatal(err)
	}
	u, err := c.Users.Get(ctx, userID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("global ban of", u.User().UserID+":", u.User().IsGlobalBan)

	// From a community: the member's standing becomes banned.
	communityID := seeded.CommunityIDs[0]
	if _, err := c.Communities.BanMembers(ctx, communityID, &amity.CommunityMembersParams{UserIDs: []string{userID}}); err != nil {
		log.Fatal(err)
	}
	banned, err := c.Communities.ListMembersPage(ctx, communityID, &amity.ListCommunityMembersParams{
		Memberships: []amity.CommunityMembership{amity.CommunityMembershipBanned}})
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range banned.CommunityUsers {
		fmt.Println("community", communityID+":", m.UserID, m.CommunityMembership)
	}

	// From a channel.
	channelID := seeded.ChannelIDs[0]
	if _, err := c.Channels.BanMembers(ctx, channelID, &amity.ChannelMembersParams{UserIDs: []string{userID}}); err != nil {
		log.Fatal(err)
	}
	chBanned, err := c.Channels.ListMembersPage(ctx, channelID, &amity.ListChannelMembersParams{
		Memberships: []amity.ChannelMembership{amity.ChannelMembershipBanned}})
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range chBanned.ChannelUsers {
		fmt.Println("channel", channelID+":", m.UserID, m.Membership)
	}
	// Output:
	// global ban of user-02: true
	// community 5de186dcba779207797efcf3: user-02 banned
	// channel 049f1a060b263a127a386832: user-02 banned
}

// Post as a user: AsUser registers a session for the user (with the API key) on its first
// call and acts as that user from then on. Posting in a community takes membership: a user
// who is not a member is refused with ErrForbidden until they join.
func Example_postAsUser() {
	c, seeded, done := exampleClient()
	defer done()
	ctx := context.Background()
	community := seeded.CommunityIDs[0]

	alice, err := c.AsUser("alice", amity.WithDisplayName("Alice")) // an unknown user is created
	if err != nil {
		log.Fatal(err)
	}
	post := &amity.CreatePostParams{
		TargetType: amity.PostTargetCommunity, TargetID: community,
		Data: &amity.CreatePostData{Text: "Hello from Go"},
	}
	_, err = alice.Posts.Create(ctx, post)
	fmt.Println("before joining, forbidden:", errors.Is(err, amity.ErrForbidden))
	if _, err := alice.Communities.Join(ctx, community); err != nil {
		log.Fatal(err)
	}
	payload, err := alice.Posts.Create(ctx, post)
	if err != nil {
		log.Fatal(err)
	}
	p := payload.Post()
	fmt.Println(p.Data.Text, "by", payload.Author(p).DisplayName, "in", p.TargetID == community)
	// Output:
	// before joining, forbidden: true
	// Hello from Go by Alice in true
}

// Upload an image: the body is streamed, and replayed on a retry only because a
// *bytes.Reader can seek.
func ExampleFilesService_UploadImage() {
	c, _, done := exampleClient()
	defer done()
	ctx := context.Background()

	var img bytes.Buffer
	if err := png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 16, 16))); err != nil {
		log.Fatal(err)
	}
	files, err := c.Files.UploadImage(ctx, &amity.UploadParams{Name: "square.png", Body: bytes.NewReader(img.Bytes())})
	if err != nil {
		log.Fatal(err)
	}
	f := files.File()
	fmt.Println(f.Type, f.Attributes.Name, f.Attributes.MimeType)
	// Output:
	// image square.png image/png
}

// Resume a job from a stored cursor: a job ranges over pages, stores each page's Next cursor
// when it is done with the page, and a later run starts from the stored cursor.
func Example_resumeFromCursor() {
	c, seeded, done := exampleClient()
	defer done()
	ctx := context.Background()
	params := &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: seeded.CommunityIDs[0],
		PageParams: amity.PageParams{Limit: 3}}

	stored := "" // in a real job: a file or a database row
	for page, err := range c.Posts.ListPages(ctx, params) {
		if err != nil {
			log.Fatal(err)
		}
		for _, p := range page.Posts {
			fmt.Println("run 1:", p.PostID, "by", page.Author(&p).UserID)
		}
		stored = page.Paging.Next
		break // the job is interrupted after its first page
	}

	params.PageToken = stored // the next run starts where the first stopped
	for post, err := range c.Posts.List(ctx, params) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("run 2:", post.PostID)
	}
	// Output:
	// run 1: ca23f2d88d65a6026c41bbef by user-04
	// run 1: 9d189ecfff7b2147c34e481f by user-10
	// run 1: 7bb3c45c597cdb85c5a10042 by user-03
	// run 2: 369eae0b0ca19112bf30c905
	// run 2: 4d5cb825dfaab05b81775227
	// run 2: aac8c00000a81e44df26503a
	// run 2: 1120b3d00955f032130af3af
}

// Handle ErrRateLimited: the SDK paces calls to the API's limit and retries a refused call by
// itself; a call that still fails (retries spent, or a Retry-After past the deadline) matches
// ErrRateLimited, and its *Error says how long to wait when the server said so.
func Example_handleRateLimited() {
	srv := amitytest.NewServer(amitytest.WithRateLimit(3, time.Minute)) // a tiny limit, to see it
	defer srv.Close()
	seeded := srv.Seed(amitytest.SeedOptions{})
	// The client's own limiter is off and retries are off, so that the server's refusal shows.
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(srv.AdminToken()),
		amity.WithoutRateLimit(), amity.WithMaxRetries(0))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	for i := 1; i <= 4; i++ {
		_, err := c.Users.Get(ctx, seeded.UserIDs[0])
		var ae *amity.Error
		switch {
		case errors.Is(err, amity.ErrRateLimited) && errors.As(err, &ae):
			wait := ae.RetryAfter
			if wait == 0 {
				wait = 5 * time.Second // no Retry-After: wait a whole window
			}
			fmt.Printf("call %d: rate limited (HTTP %d, code %d): wait %v, then retry\n", i, ae.StatusCode, ae.Code, wait)
		case err != nil:
			log.Fatal(err)
		default:
			fmt.Printf("call %d: ok\n", i)
		}
	}
	// Output:
	// call 1: ok
	// call 2: ok
	// call 3: ok
	// call 4: rate limited (HTTP 429, code 400311): wait 5s, then retry
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

// Create users in bulk: registering a session creates a user that does not exist yet (and
// sets the display name of one that does). It takes the API key; a network in secure mode
// also needs an auth token per user, from the server key. At 100 calls per 5 seconds an
// identity runs about 19 calls a second: 100,000 users take about 1.5 hours (two calls each
// in secure mode: twice that).
func Example_createUsers() {
	c, _, done := exampleClient()
	defer done()
	ctx := context.Background()
	secureMode := false // true when the network requires auth tokens (WithServerKey is set)

	for _, u := range []struct{ id, name string }{{"u-1001", "Ada Lovelace"}, {"u-1002", "Grace Hopper"}} {
		reg := &amity.RegisterSessionParams{UserID: u.id, DeviceID: "bulk-import", DisplayName: u.name}
		if secureMode {
			tok, err := c.Sessions.CreateAuthToken(ctx, u.id)
			if err != nil {
				log.Fatal(err)
			}
			reg.AuthToken = tok
		}
		if _, err := c.Sessions.Register(ctx, reg); err != nil {
			log.Fatal(err) // not retried once sent: check with Users.GetMany before sending again
		}
	}
	users, err := c.Users.GetMany(ctx, &amity.GetManyUsersParams{UserIDs: []string{"u-1001", "u-1002"}})
	if err != nil {
		log.Fatal(err)
	}
	for _, u := range users.Users {
		fmt.Println(u.UserID, u.DisplayName)
	}
	// Unordered output:
	// u-1001 Ada Lovelace
	// u-1002 Grace Hopper
}

// Handle a missing item: errors.Is(err, amity.ErrNotFound) matches HTTP 404 and the API's
// code 400400, whatever the endpoint answers.
func Example_notFound() {
	c, _, done := exampleClient()
	defer done()
	_, err := c.Posts.Get(context.Background(), "no-such-post", nil)
	var ae *amity.Error
	if errors.Is(err, amity.ErrNotFound) && errors.As(err, &ae) {
		fmt.Println("not found:", ae.StatusCode, ae.Code)
	}
	// Output:
	// not found: 404 400400
}

// Chat: a user opens a channel with another and sends a message. v5 messages live in message
// feeds; a channel's default feed is named by the channel's internal ID.
func Example_sendMessage() {
	c, _, done := exampleClient()
	defer done()
	ctx := context.Background()
	alice, err := c.AsUser("alice")
	if err != nil {
		log.Fatal(err)
	}
	ch, err := alice.Channels.Create(ctx, &amity.CreateChannelParams{ChannelID: "support-42", DisplayName: "Support", UserIDs: []string{"user-01"}})
	if err != nil {
		log.Fatal(err)
	}
	feed := ch.Channel().DefaultMessageFeedID()
	if _, err := alice.Messages.Create(ctx, &amity.CreateMessageParams{MessageFeedID: feed, ReferenceID: "order-42-hello",
		DataType: amity.MessageDataTypeText, Data: map[string]any{"text": "Hello, how can we help?"}}); err != nil {
		log.Fatal(err)
	}
	for m, err := range c.Messages.List(ctx, &amity.ListMessagesParams{MessageFeedID: feed}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(m.CreatorPublicID+":", m.Data.Text(), "in", m.ChannelPublicID)
	}
	// Output:
	// alice: Hello, how can we help? in support-42
}
