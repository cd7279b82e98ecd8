package amity_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The operations spec 4.116.1 added to posts, files, users, feeds, chat and sessions, against
// the fake: every answer decodes, and each does what it says.
func TestMisc4116AgainstFake(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv := amitytest.NewServer(amitytest.WithClock(clock))
	t.Cleanup(srv.Close)
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(srv.AdminToken()), amity.WithAPIKey(srv.APIKey()),
		amity.WithoutRateLimit())
	require.NoError(t, err)
	alice, err := c.AsUser("alice")
	require.NoError(t, err)
	bob, err := c.AsUser("bob")
	require.NoError(t, err)

	// Posts: search by hashtag, kv patch, edit history, the v4 user feed.
	p, err := alice.Posts.Create(ctx, &amity.CreatePostParams{Data: &amity.CreatePostData{Text: "Shipping #golang"}})
	require.NoError(t, err)
	id := p.Post().PostID
	found, err := drain(bob.Posts.Search(ctx, &amity.SearchPostsByTagsParams{TargetType: amity.PostTargetUser, Hashtags: []string{"GoLang"}}))
	require.NoError(t, err)
	require.Len(t, found, 1)
	assert.Equal(t, id, found[0].PostID)
	kv, err := alice.Posts.UpdateKeys(ctx, id, &amity.UpdatePostKeysParams{Metadata: &amity.PostKeysPatch{Set: map[string]any{"pinned": true}}})
	require.NoError(t, err)
	assert.Equal(t, true, kv.Post().Metadata["pinned"])
	_, err = c.Posts.Update(ctx, id, &amity.UpdatePostParams{Data: &amity.UpdatePostData{Text: amity.Ptr("Shipping #golang today")}})
	require.NoError(t, err)
	h, err := c.Posts.GetEditHistory(ctx, id)
	require.NoError(t, err)
	require.Len(t, h.Histories, 3)
	var snap amity.PostPayload
	require.NoError(t, h.Original().Data.Decode(&snap))
	assert.Equal(t, "Shipping #golang", snap.Post().Data.Text)
	assert.Equal(t, "admin", h.Histories[2].EditedBy)
	feed, err := bob.Feeds.ListUserPostsPage(ctx, "alice", &amity.ListUserPostsParams{FeedSources: []amity.UserFeedSource{amity.UserFeedSourceUser}})
	require.NoError(t, err)
	assert.Equal(t, id, feed.Post().PostID)

	// Scheduled posts publish at their time.
	sp, err := alice.ScheduledPosts.Create(ctx, &amity.CreateScheduledPostParams{ScheduledAt: now.Add(time.Hour),
		Post: &amity.CreatePostParams{Data: &amity.CreatePostData{Text: "later"}}})
	require.NoError(t, err)
	moved, err := alice.ScheduledPosts.Update(ctx, sp.ID, &amity.UpdateScheduledPostParams{ScheduledAt: now.Add(2 * time.Hour)})
	require.NoError(t, err)
	assert.Equal(t, amity.ScheduledPostWaiting, moved.ScheduledPost().Status.Code)
	mu.Lock()
	now = now.Add(3 * time.Hour)
	mu.Unlock()
	list, err := drain(alice.ScheduledPosts.List(ctx, nil))
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, amity.ScheduledPostDone, list[0].Status.Code)
	assert.Equal(t, "later", list[0].PostData.Data.Text)
	published, err := bob.Posts.Get(ctx, list[0].PostData.PostID, nil)
	require.NoError(t, err)
	assert.Equal(t, "alice", published.Post().PostedUserID)
	other, err := alice.ScheduledPosts.Create(ctx, &amity.CreateScheduledPostParams{ScheduledAt: now.Add(time.Hour),
		Post: &amity.CreatePostParams{Data: &amity.CreatePostData{Text: "never"}}})
	require.NoError(t, err)
	require.NoError(t, alice.ScheduledPosts.Delete(ctx, other.ID))

	// Files.
	img, err := alice.Files.UploadImageFromURL(ctx, &amity.UploadFromURLParams{FileURL: "https://cdn.example.com/a.png", AltText: amity.Ptr("A")})
	require.NoError(t, err)
	assert.Equal(t, amity.FileTypeImage, img.File().Type)
	_, err = alice.Files.UploadFileFromURL(ctx, &amity.UploadFromURLParams{FileURL: "https://cdn.example.com/a.pdf", AccessType: amity.FileAccessNetwork})
	require.NoError(t, err)
	_, err = alice.Files.UploadVideoFromURL(ctx, &amity.UploadFromURLParams{FileURL: "https://cdn.example.com/a.mp4"})
	require.NoError(t, err)
	upd, err := alice.Files.Update(ctx, img.File().FileID, &amity.UpdateFileParams{AltText: amity.Ptr("B")})
	require.NoError(t, err)
	assert.Contains(t, string(upd.Raw), `"altText":"B"`)
	clip, err := alice.Files.UploadClip(ctx, &amity.UploadParams{Name: "dance.mp4", Body: strings.NewReader("\x00\x00\x00\x18ftypmp42 a clip")})
	require.NoError(t, err)
	assert.NotEmpty(t, clip.File().FileID)

	// Chat: bulk seen and search.
	ch, err := alice.Channels.Create(ctx, &amity.CreateChannelParams{DisplayName: "Lunch", UserIDs: []string{"bob"}})
	require.NoError(t, err)
	for _, text := range []string{"lunch at noon?", "sure"} {
		_, err = alice.Messages.Create(ctx, &amity.CreateMessageParams{MessageFeedID: ch.Channel().DefaultMessageFeedID(), ReferenceID: text,
			DataType: amity.MessageDataTypeText, Data: map[string]any{"text": text}})
		require.NoError(t, err)
	}
	require.NoError(t, bob.Channels.MarkManySeen(ctx, &amity.MarkManySeenParams{Channels: []amity.ChannelSeen{{ChannelID: ch.Channel().ChannelID, ReadToSegment: 2}}}))
	hits, err := bob.Messages.SearchPage(ctx, &amity.SearchMessagesParams{Query: "lunch"})
	require.NoError(t, err)
	require.Len(t, hits.Messages, 1)
	assert.Equal(t, 1, hits.TotalCount)
	assert.Equal(t, "Lunch", hits.Channel(&hits.Messages[0]).DisplayName)

	// Users: blockers, bulk delete.
	_, err = bob.Users.Block(ctx, "alice")
	require.NoError(t, err)
	blockers, err := drain(alice.Users.ListBlockers(ctx, nil))
	require.NoError(t, err)
	require.Len(t, blockers, 1)
	assert.Equal(t, "bob", blockers[0].UserID)
	srv.AddUser("spammer", "Spammer")
	job, err := c.Users.CreateBulkDeleteJob(ctx, &amity.CreateBulkDeleteJobParams{UserIDs: []string{"spammer"},
		Options: &amity.DeleteUserParams{DeleteAll: amity.Ptr(true)}})
	require.NoError(t, err)
	var jobs *amity.BulkDeleteJobsPayload
	for range 3 {
		if jobs, err = c.Users.GetBulkDeleteJobs(ctx); err != nil || jobs.IsDone() {
			break
		}
	}
	require.NoError(t, err)
	assert.Equal(t, amity.BulkDeleteJobDone, jobs.StatusByID(job.ID).Status)
	gone, err := c.Users.Get(ctx, "spammer")
	require.NoError(t, err)
	assert.True(t, gone.User().IsDeleted)

	// Sessions: read-only tokens.
	for _, register := range []func() (*amity.SessionPayload, error){
		func() (*amity.SessionPayload, error) {
			return c.Sessions.RegisterBot(ctx, &amity.RegisterBotParams{DeviceID: "crawler"})
		},
		func() (*amity.SessionPayload, error) {
			return c.Sessions.RegisterVisitor(ctx, &amity.RegisterVisitorParams{DeviceID: "browser"})
		},
	} {
		sess, err := register()
		require.NoError(t, err)
		guest, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(string(sess.AccessToken)), amity.WithoutRateLimit())
		require.NoError(t, err)
		_, err = guest.Posts.Get(ctx, id, nil)
		require.NoError(t, err, "a guest reads")
		_, err = guest.Posts.Create(ctx, &amity.CreatePostParams{Data: &amity.CreatePostData{Text: "spam"}})
		assert.ErrorIs(t, err, amity.ErrForbidden, "and writes nothing")
	}
}
