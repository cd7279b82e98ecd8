package amity_test

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const storyID = "65a0c0ffee65a0c0ffee0001"

func TestStoriesCreate(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v4/stories", fixture(t, "stories_page.json"), 503, 200)
	params := &amity.CreateStoryParams{TargetID: "hikers", DataType: amity.StoryDataImage,
		Data:        amity.StoryDataParams{FileID: "file-summit", ImageDisplayMode: amity.StoryImageFill},
		Items:       []amity.StoryItem{{Data: amity.StoryHyperlink{URL: "https://example.com/trail", CustomText: "Trail map"}}},
		ReferenceID: "ref-1", Metadata: map[string]any{"mood": "sunny"}}
	_, err := c.Stories.Create(ctx, params)
	require.Error(t, err, "a create is not retried after a 503")
	assert.Len(t, rec.all(), 1)

	out, err := c.Stories.Create(ctx, params)
	require.NoError(t, err)
	assert.JSONEq(t, `{"targetType":"community","targetId":"hikers","dataType":"image","data":{"fileId":"file-summit","imageDisplayMode":"fill"},
		"items":[{"type":"hyperlink","data":{"url":"https://example.com/trail","customText":"Trail map"}}],"metadata":{"mood":"sunny"},"referenceId":"ref-1"}`,
		rec.last(t).Body, "empty target and item types are sent as community and hyperlink")
	assert.Empty(t, params.Items[0].Type, "the caller's params are not changed")

	st := out.Story()
	require.NotNil(t, st)
	assert.Equal(t, storyID, st.StoryID)
	assert.Equal(t, amity.StoryTargetCommunity, st.TargetType)
	assert.Equal(t, amity.StoryDataImage, st.DataType)
	assert.Equal(t, amity.StoryImageFill, st.Data.ImageDisplayMode)
	require.Len(t, st.Items, 1)
	assert.Equal(t, 15.0, st.Items[0].Placement.Transform.Rotate)
	assert.Equal(t, "Trail map", st.Items[0].Data.CustomText)
	assert.Equal(t, 2, st.FlagCount)
	assert.Equal(t, 4, st.Reach)
	assert.Equal(t, 10, st.Impression)
	assert.Equal(t, 3, st.Reactions["like"])
	assert.Equal(t, []string{"bob"}, st.MentionedUsers[0].UserIDs)
	assert.Equal(t, amity.StoryMentionUser, st.MentionedUsers[0].Type)
	assert.Equal(t, 2026, st.ExpiresAt.Year())
	assert.Contains(t, string(out.Raw), "storyFutureField", "unknown fields stay reachable in Raw")
	assert.Equal(t, "Alice", out.Creator(st).DisplayName)
	assert.Equal(t, "https://files.test/summit.jpg", out.StoryFile(st).FileURL)
	assert.Equal(t, "Hikers", out.CommunityByID("hikers").DisplayName)
	assert.Same(t, st, out.StoryByID(storyID))
	assert.Nil(t, out.StoryByID("nope"))
	assert.Nil(t, out.Creator(nil))
	assert.Nil(t, out.UserByID("nobody"))
	assert.NotNil(t, out.FileByID("file-summit"))
	require.Len(t, out.StoryTargets, 1)
	assert.True(t, out.StoryTargets[0].HasUnseen())
}

func TestStoriesCreateValidation(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	cases := map[string]struct {
		p     *amity.CreateStoryParams
		field string
	}{
		"nil":          {nil, "params"},
		"no data type": {&amity.CreateStoryParams{TargetID: "c", ReferenceID: "r"}, "DataType"},
		"no target":    {&amity.CreateStoryParams{DataType: amity.StoryDataText, Data: amity.StoryDataParams{Text: "t"}, ReferenceID: "r"}, "TargetID"},
		"no text":      {&amity.CreateStoryParams{TargetID: "c", DataType: amity.StoryDataText, ReferenceID: "r"}, "Data.Text"},
		"no file":      {&amity.CreateStoryParams{TargetID: "c", DataType: amity.StoryDataVideo, ReferenceID: "r"}, "Data.FileID"},
		"no reference": {&amity.CreateStoryParams{TargetID: "c", DataType: amity.StoryDataText, Data: amity.StoryDataParams{Text: "t"}}, "ReferenceID"},
		"long text": {&amity.CreateStoryParams{TargetID: "c", DataType: amity.StoryDataText, Data: amity.StoryDataParams{Text: "t"}, ReferenceID: "r",
			Items: []amity.StoryItem{{Data: amity.StoryHyperlink{URL: "https://x", CustomText: "this label is far longer than thirty characters"}}}}, "Items[0].Data.CustomText"},
		"no url": {&amity.CreateStoryParams{TargetID: "c", DataType: amity.StoryDataText, Data: amity.StoryDataParams{Text: "t"}, ReferenceID: "r",
			Items: []amity.StoryItem{{}}}, "Items[0].Data.URL"},
		"many items": {&amity.CreateStoryParams{TargetID: "c", DataType: amity.StoryDataText, Data: amity.StoryDataParams{Text: "t"}, ReferenceID: "r",
			Items: make([]amity.StoryItem, 11)}, "Items"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := c.Stories.Create(ctx, tc.p)
			assertInvalid(t, err, tc.field)
		})
	}
	assert.Zero(t, mt.GetTotalCallCount())
}

func TestStoriesGetDeleteFlags(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	rec.route("GET", "/api/v4/stories/"+storyID, fixture(t, "stories_page.json"))
	rec.route("DELETE", "/api/v4/stories/"+storyID, `{"success":true}`, 502, 200)
	rec.route("POST", "/api/v4/stories/"+storyID+"/flags", fixture(t, "stories_page.json"), 503, 200)
	rec.route("DELETE", "/api/v4/stories/"+storyID+"/flags", fixture(t, "stories_page.json"), 502, 200)
	rec.route("DELETE", "/api/v4/stories/"+storyID+"/flags/all", fixture(t, "stories_page.json"), 502, 200)

	got, err := c.Stories.Get(ctx, storyID)
	require.NoError(t, err)
	assert.Equal(t, "GET", rec.last(t).Method)
	assert.Equal(t, "hikers", got.Story().TargetPublicID)

	n := len(rec.all())
	require.NoError(t, c.Stories.Delete(ctx, storyID, &amity.DeleteStoryParams{Permanent: amity.Ptr(true)}))
	assert.Len(t, rec.all(), n+2, "a delete is retried after a 502")
	assert.Equal(t, "true", rec.last(t).Values().Get("permanent"))
	require.NoError(t, c.Stories.Delete(ctx, storyID, nil))
	assert.Empty(t, rec.last(t).Values())

	n = len(rec.all())
	_, err = c.Stories.Flag(ctx, storyID)
	require.Error(t, err, "a flag is not retried after a 503")
	assert.Len(t, rec.all(), n+1)
	_, err = c.Stories.Flag(ctx, storyID)
	require.NoError(t, err)

	n = len(rec.all())
	_, err = c.Stories.Unflag(ctx, storyID)
	require.NoError(t, err)
	assert.Len(t, rec.all(), n+2, "unflag is retried")
	n = len(rec.all())
	cleared, err := c.Stories.ClearFlags(ctx, storyID)
	require.NoError(t, err)
	assert.Len(t, rec.all(), n+2, "clearing flags is retried")
	assert.Equal(t, "/api/v4/stories/"+storyID+"/flags/all", rec.last(t).Path)
	assert.NotNil(t, cleared.Story())
}

func TestStoriesErrors(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	mt.RegisterResponder("GET", "https://api.test/api/v4/stories/"+storyID, jsonResponder(404, notFoundBody))
	rec.route("DELETE", "/api/v4/stories/"+storyID, `{"success":false}`)
	rec.route("POST", "/api/v4/stories/"+storyID+"/flags", `{"stories":[]}`)

	_, err := c.Stories.Get(ctx, storyID)
	assertNotFound(t, err)
	err = c.Stories.Delete(ctx, storyID, nil)
	assert.ErrorIs(t, err, amity.ErrUnsuccessful)
	_, err = c.Stories.Flag(ctx, storyID)
	assert.ErrorIs(t, err, amity.ErrMalformedResponse, "an answer without the story")

	before := mt.GetTotalCallCount()
	for _, bad := range []string{"", "..", "p1", "65a0c0ffee65a0c0ffee000g", "65a0c0ffee65a0c0ffee00011"} {
		_, err := c.Stories.Get(ctx, bad)
		assertInvalid(t, err, "storyID")
		assertInvalid(t, c.Stories.Delete(ctx, bad, nil), "storyID")
		_, err = c.Stories.Flag(ctx, bad)
		assertInvalid(t, err, "storyID")
		_, err = c.Stories.Unflag(ctx, bad)
		assertInvalid(t, err, "storyID")
		_, err = c.Stories.ClearFlags(ctx, bad)
		assertInvalid(t, err, "storyID")
	}
	assert.Equal(t, before, mt.GetTotalCallCount(), "bad IDs send nothing")
}

func TestStoriesList(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v4/stories", fixture(t, "stories_page.json"))
	page, err := c.Stories.ListPage(ctx, &amity.ListStoriesParams{PageParams: amity.PageParams{Limit: 5, PageToken: "tok"},
		TargetType: amity.StoryTargetCommunity, TargetID: "hikers", DataType: amity.StoryDataImage, IsExpired: amity.Ptr(false), Order: amity.StoryOrderAsc})
	require.NoError(t, err)
	q := rec.last(t).Values()
	assert.Equal(t, "community", q.Get("targetType"))
	assert.Equal(t, "hikers", q.Get("targetId"))
	assert.Equal(t, "image", q.Get("dataType"))
	assert.Equal(t, "false", q.Get("isExpired"))
	assert.Equal(t, "createdAt", q.Get("options[sortBy]"))
	assert.Equal(t, "asc", q.Get("options[orderBy]"))
	assert.Equal(t, "5", q.Get("options[limit]"))
	assert.Equal(t, "tok", q.Get("options[token]"))
	assert.Equal(t, "story-page-2", page.Paging.Next)

	// The iterator follows the cursor; the second page (same fixture with no next) ends it.
	last := `{"stories":[],"paging":{}}`
	mt.RegisterResponderWithQuery("GET", "https://api.test/api/v4/stories", "targetType=community&targetId=hikers&options[token]=story-page-2", jsonResponder(200, last))
	stories, err := drain(c.Stories.List(ctx, &amity.ListStoriesParams{TargetType: amity.StoryTargetCommunity, TargetID: "hikers"}))
	require.NoError(t, err)
	assert.Len(t, stories, 1)
	n := 0
	for pg, err := range c.Stories.ListPages(ctx, &amity.ListStoriesParams{TargetType: amity.StoryTargetCommunity, TargetID: "hikers"}) {
		require.NoError(t, err)
		n++
		_ = pg
	}
	assert.Equal(t, 2, n)

	before := mt.GetTotalCallCount()
	_, err = c.Stories.ListPage(ctx, nil)
	assertInvalid(t, err, "params")
	_, err = c.Stories.ListPage(ctx, &amity.ListStoriesParams{TargetID: "x"})
	assertInvalid(t, err, "TargetType")
	_, err = c.Stories.ListPage(ctx, &amity.ListStoriesParams{TargetType: amity.StoryTargetUser})
	assertInvalid(t, err, "TargetID")
	_, err = drain(c.Stories.List(ctx, &amity.ListStoriesParams{TargetType: "channel"}))
	assertInvalid(t, err, "TargetID")
	assert.Equal(t, before, mt.GetTotalCallCount())
}

// TestStoriesUnknownEnumsAreSent: a target type, data type, display mode, item type, order
// or seen state the SDK does not know is sent as given (a story on a user's own target, as
// the API's clients post, included).
func TestStoriesUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"create on a user", func(ctx context.Context, c *amity.Client) error {
			_, err := c.Stories.Create(ctx, &amity.CreateStoryParams{TargetType: amity.StoryTargetUser, TargetID: "u", DataType: "gif",
				Data: amity.StoryDataParams{FileID: "f", ImageDisplayMode: "stretch"}, ReferenceID: "r",
				Items: []amity.StoryItem{{Type: "poll", Data: amity.StoryHyperlink{URL: "https://x"}}}})
			return err
		}, []string{`"targetType":"user"`, `"dataType":"gif"`, `"imageDisplayMode":"stretch"`, `"type":"poll"`}},
		{"list", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Stories.ListPage(ctx, &amity.ListStoriesParams{TargetType: "channel", TargetID: "u", DataType: amity.StoryDataText, Order: "sideways"}))
		}, []string{"targetType=channel", "dataType=text", "options[orderBy]=sideways"}},
		{"targets", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Stories.GetTargets(ctx, &amity.GetTargetsParams{Targets: []amity.StoryRef{{TargetID: "x", TargetType: "channel"}}}))
		}, []string{"targets[0][targetType]=channel"}},
		{"global targets seen state", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Stories.ListGlobalTargetsPage(ctx, &amity.ListGlobalTargetsParams{SeenState: "smart"}))
		}, []string{"seenState=smart"}},
	})
}
