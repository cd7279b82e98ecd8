package amity_test

import (
	"context"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPinnedPostsCommunity(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	body := fixture(t, "pinned_posts_community.json")
	rec.route("POST", "/api/v1/pinned-posts/communities/c-news/default/post-img", body, 503, 200)
	rec.route("POST", "/api/v1/pinned-posts/communities/c-news/announcement/post-poll", body)
	rec.route("DELETE", "/api/v1/pinned-posts/communities/c-news/announcement/post-poll", body, 502, 200)
	rec.route("GET", "/api/v1/pinned-posts/communities/c-news", body)
	rec.route("GET", "/api/v1/pinned-posts/communities/c-news/announcement", body)
	rec.route("DELETE", "/api/v1/pinned-posts/communities/c-news", `{"success":true}`, 502, 200)
	rec.route("DELETE", "/api/v1/pinned-posts/communities/c-news/default", `{"success":false}`)

	_, err := c.PinnedPosts.Pin(ctx, "c-news", "post-img", nil)
	require.Error(t, err, "a pin is not retried after a 503")
	assert.Len(t, rec.all(), 1)
	_, err = c.PinnedPosts.Pin(ctx, "c-news", "post-img", nil)
	require.NoError(t, err, "an empty placement is default")
	out, err := c.PinnedPosts.Pin(ctx, "c-news", "post-poll", &amity.PinParams{Placement: amity.PinAnnouncement})
	require.NoError(t, err)
	assert.Empty(t, rec.last(t).Body)

	require.Len(t, out.Pins, 3)
	assert.Equal(t, amity.PinAnnouncement, out.Pins[0].Placement)
	assert.Equal(t, "admin", out.Pins[0].PinnedBy)
	assert.Equal(t, 2026, out.Pins[0].PinnedAt.Year())
	pinned := out.PinnedPosts()
	require.Len(t, pinned, 2, "a pin whose post the answer lacks is left out")
	assert.Equal(t, "post-poll", pinned[0].PostID, "in the pins' order")
	assert.Equal(t, "post-img", pinned[1].PostID)
	assert.Equal(t, "post-img", out.PinnedPost(out.PinByPostID("post-img")).PostID)
	assert.Nil(t, out.PinnedPost(nil))
	assert.Nil(t, out.PinByPostID("nope"))
	assert.Equal(t, amity.PinTargetCommunity, out.PinTargets[0].TargetType)
	assert.Equal(t, amity.PinReferencePost, out.Pins[0].ReferenceType)
	assert.NotEmpty(t, out.Users, "the post bundle's sideloads")
	assert.Contains(t, string(out.Raw), "pinFutureField")

	n := len(rec.all())
	_, err = c.PinnedPosts.Unpin(ctx, "c-news", "post-poll", &amity.PinParams{Placement: amity.PinAnnouncement})
	require.NoError(t, err)
	assert.Len(t, rec.all(), n+2, "an unpin is retried")

	_, err = c.PinnedPosts.GetCommunity(ctx, "c-news", &amity.GetCommunityPinsParams{Order: amity.PinOrderAsc})
	require.NoError(t, err)
	assert.Equal(t, "/api/v1/pinned-posts/communities/c-news", rec.last(t).Path)
	assert.Equal(t, "asc", rec.last(t).Values().Get("options[orderBy]"))
	assert.Equal(t, "createdAt", rec.last(t).Values().Get("options[sortBy]"))
	_, err = c.PinnedPosts.GetCommunity(ctx, "c-news", &amity.GetCommunityPinsParams{Placement: amity.PinAnnouncement})
	require.NoError(t, err)
	assert.Equal(t, "/api/v1/pinned-posts/communities/c-news/announcement", rec.last(t).Path)
	assert.Empty(t, rec.last(t).Values())

	n = len(rec.all())
	require.NoError(t, c.PinnedPosts.ClearCommunity(ctx, "c-news", nil))
	assert.Len(t, rec.all(), n+2)
	err = c.PinnedPosts.ClearCommunity(ctx, "c-news", &amity.ClearCommunityParams{Placement: amity.PinDefault})
	assert.ErrorIs(t, err, amity.ErrUnsuccessful)
}

func TestPinnedPostsGlobal(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	body := fixture(t, "pinned_posts_community.json")
	rec.route("POST", "/api/v1/pinned-posts/global/post-img", body, 503, 200)
	rec.route("DELETE", "/api/v1/pinned-posts/global/post-img", body, 502, 200)
	rec.route("GET", "/api/v1/pinned-posts/global", body)
	rec.route("DELETE", "/api/v1/pinned-posts/global", `{"pins":[],"pinTargets":[],"posts":[]}`, 502, 200)

	_, err := c.PinnedPosts.PinGlobal(ctx, "post-img")
	require.Error(t, err)
	assert.Len(t, rec.all(), 1)
	_, err = c.PinnedPosts.PinGlobal(ctx, "post-img")
	require.NoError(t, err)
	n := len(rec.all())
	_, err = c.PinnedPosts.UnpinGlobal(ctx, "post-img")
	require.NoError(t, err)
	assert.Len(t, rec.all(), n+2)
	g, err := c.PinnedPosts.GetGlobal(ctx)
	require.NoError(t, err)
	assert.Len(t, g.Pins, 3)
	n = len(rec.all())
	cleared, err := c.PinnedPosts.ClearGlobal(ctx)
	require.NoError(t, err)
	assert.Len(t, rec.all(), n+2)
	assert.Empty(t, cleared.Pins)
}

func TestPinnedPostsErrorsAndValidation(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	mt.RegisterResponder("POST", "https://api.test/api/v1/pinned-posts/global/ghost", jsonResponder(404, notFoundBody))
	_, err := c.PinnedPosts.PinGlobal(ctx, "ghost")
	assertNotFound(t, err)

	before := mt.GetTotalCallCount()
	long := strings.Repeat("x", 901)
	for _, bad := range []string{"", "..", long} {
		_, err := c.PinnedPosts.Pin(ctx, bad, "p", nil)
		assertInvalid(t, err, "communityID")
		_, err = c.PinnedPosts.Pin(ctx, "c", bad, nil)
		assertInvalid(t, err, "postID")
		_, err = c.PinnedPosts.Unpin(ctx, "c", bad, nil)
		assertInvalid(t, err, "postID")
		_, err = c.PinnedPosts.GetCommunity(ctx, bad, nil)
		assertInvalid(t, err, "communityID")
		assertInvalid(t, c.PinnedPosts.ClearCommunity(ctx, bad, nil), "communityID")
		_, err = c.PinnedPosts.PinGlobal(ctx, bad)
		assertInvalid(t, err, "postID")
		_, err = c.PinnedPosts.UnpinGlobal(ctx, bad)
		assertInvalid(t, err, "postID")
	}
	_, err = c.PinnedPosts.Pin(ctx, "c", "p", &amity.PinParams{Placement: amity.PinGlobal})
	assertInvalid(t, err, "Placement")
	_, err = c.PinnedPosts.GetCommunity(ctx, "c", &amity.GetCommunityPinsParams{Placement: amity.PinGlobal})
	assertInvalid(t, err, "Placement")
	assertInvalid(t, c.PinnedPosts.ClearCommunity(ctx, "c", &amity.ClearCommunityParams{Placement: amity.PinGlobal}), "Placement")
	assert.Equal(t, before, mt.GetTotalCallCount())
}

// TestPinnedPostsUnknownEnumsAreSent: a placement (a path segment here) or order the SDK does
// not know is sent as given.
func TestPinnedPostsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"placement and order", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.PinnedPosts.GetCommunity(ctx, "c", &amity.GetCommunityPinsParams{Placement: "top", Order: "random"}))
		}, []string{"/api/v1/pinned-posts/communities/c/top?", "options[orderBy]=random"}},
		{"pin placement", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.PinnedPosts.Pin(ctx, "c", "p", &amity.PinParams{Placement: "top"}))
		}, []string{"/api/v1/pinned-posts/communities/c/top/p"}},
	})
}
