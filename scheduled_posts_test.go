package amity_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScheduledPostsFixturesMatchSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"scheduled_posts_page1.json": {"GET", "/api/v1/posts/schedule"},
		"scheduled_posts_page2.json": {"GET", "/api/v1/posts/schedule"},
	})
}

func TestScheduledPostsCreate(t *testing.T) {
	at := time.Date(2030, 1, 2, 10, 0, 0, 0, time.FixedZone("CET", 3600))
	create := func(p *amity.CreateScheduledPostParams) func(context.Context, *amity.Client) (any, error) {
		return func(ctx context.Context, c *amity.Client) (any, error) { return c.ScheduledPosts.Create(ctx, p) }
	}
	params := &amity.CreateScheduledPostParams{ScheduledAt: at, Post: &amity.CreatePostParams{
		Data: &amity.CreatePostData{Text: "We launch today"}, TargetType: amity.PostTargetCommunity, TargetID: "c-news",
		Tags: []string{"launch"}, Mentionees: []amity.Mentionee{{Type: amity.MentionTypeUser, UserIDs: []string{"bob"}}}}}
	runShapeCases(t, []shapeCase{
		{name: "create", method: "POST", path: "/api/v1/posts/schedule", answer: fixture(t, "scheduled_posts_created.json"), call: create(params),
			body: `{"scheduledAt":"2030-01-02T09:00:00Z","postData":{"data":{"text":"We launch today"},"targetType":"community","targetId":"c-news",
				"tags":["launch"],"mentionees":[{"type":"user","userIds":["bob"]}]}}`,
			check: func(t *testing.T, out any) {
				p := out.(*amity.ScheduledPostIDPayload)
				assert.Equal(t, "65b000000000000000000009", p.ID)
				assert.Contains(t, string(p.Raw), "createdFutureField", "Raw is the whole answer")
			}},
		{name: "custom post", method: "POST", path: "/api/v1/posts/schedule", answer: fixture(t, "scheduled_posts_created.json"),
			call: create(&amity.CreateScheduledPostParams{ScheduledAt: at, Post: &amity.CreatePostParams{DataType: "com.example.birthday",
				CustomData: map[string]any{"age": 30}}}),
			body: `{"scheduledAt":"2030-01-02T09:00:00Z","postData":{"dataType":"com.example.birthday","data":{"age":30}}}`},
		{name: "rules", method: "POST", path: "/api/v1/posts/schedule", call: create(params), attempts: 1,
			empty: `{"data":{}}`, unsuccessful: successFalse},
	})
}

func TestScheduledPostsCreateBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	at := time.Now().Add(time.Hour)
	create := func(p *amity.CreateScheduledPostParams) func() error {
		return func() error { return errOf(c.ScheduledPosts.Create(ctx, p)) }
	}
	text := &amity.CreatePostParams{Data: &amity.CreatePostData{Text: "hi"}}
	update := func(p *amity.UpdateScheduledPostParams) func() error {
		return func() error { return errOf(c.ScheduledPosts.Update(ctx, "sp1", p)) }
	}
	assertInvalidCases(t, map[string]invalidCase{
		"nil":          {"ScheduledPosts.Create: params", create(nil)},
		"no time":      {"ScheduledAt", create(&amity.CreateScheduledPostParams{Post: text})},
		"no post":      {"Post", create(&amity.CreateScheduledPostParams{ScheduledAt: at})},
		"no post data": {"Post.Data", create(&amity.CreateScheduledPostParams{ScheduledAt: at, Post: &amity.CreatePostParams{}})},
		"no text":      {"Post.Data.Text", create(&amity.CreateScheduledPostParams{ScheduledAt: at, Post: &amity.CreatePostParams{Data: &amity.CreatePostData{}}})},
		"3 mentionees": {"Post.Mentionees", create(&amity.CreateScheduledPostParams{ScheduledAt: at, Post: &amity.CreatePostParams{
			Data: &amity.CreatePostData{Text: "hi"}, Mentionees: []amity.Mentionee{{Type: "user"}, {Type: "user"}, {Type: "user"}}}})},
		"update nil":      {"ScheduledPosts.Update: params", update(nil)},
		"update nothing":  {"params", update(&amity.UpdateScheduledPostParams{})},
		"update bad post": {"Post.Data", update(&amity.UpdateScheduledPostParams{Post: &amity.CreatePostParams{}})},
		"update no ID": {"scheduledPostID", func() error {
			return errOf(c.ScheduledPosts.Update(ctx, "", &amity.UpdateScheduledPostParams{ScheduledAt: at}))
		}},
		"delete dot":  {"scheduledPostID", func() error { return c.ScheduledPosts.Delete(ctx, "..") }},
		"delete long": {"scheduledPostID", func() error { return c.ScheduledPosts.Delete(ctx, longString(901)) }},
		"list long before": {"Before", func() error {
			return errOf(c.ScheduledPosts.ListPage(ctx, &amity.ListScheduledPostsParams{Before: longString(25)}))
		}},
	})
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestScheduledPostsList(t *testing.T) {
	c, mt := mockClient(t)
	rec := recordPages(t, mt, "/api/v1/posts/schedule", "options[token]", "sched-2",
		fixture(t, "scheduled_posts_page1.json"), fixture(t, "scheduled_posts_page2.json"))
	ctx := context.Background()
	var codes []amity.ScheduledPostStatusCode
	for sp, err := range c.ScheduledPosts.List(ctx, &amity.ListScheduledPostsParams{SortBy: amity.PostSortFirstCreated}) {
		require.NoError(t, err)
		codes = append(codes, sp.Status.Code)
	}
	assert.Equal(t, []amity.ScheduledPostStatusCode{amity.ScheduledPostWaiting, amity.ScheduledPostFailed, amity.ScheduledPostDone}, codes)
	assert.Equal(t, []string{"sortBy=firstCreated", "options%5Btoken%5D=sched-2&sortBy=firstCreated"}, rec.queries())

	rec.reset()
	page, err := c.ScheduledPosts.ListPage(ctx, &amity.ListScheduledPostsParams{PageParams: amity.PageParams{Limit: 2}, NotPostedOnly: amity.Ptr(true),
		Before: "b1", After: "a1", UpdatedAt: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	assert.Equal(t, url.Values{"options[limit]": {"2"}, "notPostedOnly": {"true"}, "options[before]": {"b1"}, "options[after]": {"a1"},
		"options[updatedAt]": {"2024-05-01T12:00:00Z"}}, rec.only(t).Values())
	sp := page.ScheduledPost()
	require.NotNil(t, sp)
	assert.Equal(t, "65b000000000000000000001", sp.ID)
	assert.Equal(t, atTime(t, "2030-01-02T09:00:00.000Z"), sp.ScheduledAt)
	assert.Equal(t, "We launch today", sp.PostData.Data.Text)
	assert.Equal(t, amity.PostTargetCommunity, sp.PostData.TargetType)
	assert.Equal(t, "Alice", sp.UserDisplayName)
	assert.Equal(t, "Alice", page.Scheduler(sp).DisplayName)
	assert.Equal(t, "News", page.Community(sp).DisplayName)
	assert.EqualValues(t, 4096, page.FileByID("file-banner").Attributes.Size, "a file of a scheduled post")
	assert.Equal(t, "community not found", page.ScheduledPostByID("65b000000000000000000002").Status.Description)
	assert.Nil(t, page.Community(page.ScheduledPostByID("65b000000000000000000002")), "a post on a user's feed")
	assert.Nil(t, page.Scheduler(nil))
	assert.Nil(t, page.FileByID("none"))
	assert.Equal(t, "net-1", page.NetworkID)
	assert.Equal(t, "sched-0", page.Paging.Previous, "prev decodes as Previous")
	assert.Contains(t, string(page.Raw), "scheduleFutureField")
}

func TestScheduledPostsUpdateDelete(t *testing.T) {
	page := fixture(t, "scheduled_posts_page2.json")
	at := time.Date(2030, 2, 1, 9, 0, 0, 0, time.UTC)
	runShapeCases(t, []shapeCase{
		{name: "move", method: "PUT", path: "/api/v1/posts/schedule/sp%2F1", answer: page, body: `{"scheduledAt":"2030-02-01T09:00:00Z"}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.ScheduledPosts.Update(ctx, "sp/1", &amity.UpdateScheduledPostParams{ScheduledAt: at})
			},
			check: func(t *testing.T, out any) {
				assert.Equal(t, amity.ScheduledPostDone, out.(*amity.ScheduledPostPayload).ScheduledPost().Status.Code)
			}},
		{name: "replace post", method: "PUT", path: "/api/v1/posts/schedule/sp1", answer: page, body: `{"postData":{"data":{"text":"new"}}}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.ScheduledPosts.Update(ctx, "sp1", &amity.UpdateScheduledPostParams{Post: &amity.CreatePostParams{Data: &amity.CreatePostData{Text: "new"}}})
			}},
		{name: "update rules", method: "PUT", path: "/api/v1/posts/schedule/sp1", attempts: 3, empty: `{"data":[]}`, unsuccessful: successFalse,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.ScheduledPosts.Update(ctx, "sp1", &amity.UpdateScheduledPostParams{ScheduledAt: at})
			}},
		{name: "delete", method: "DELETE", path: "/api/v1/posts/schedule/sp1", answer: `{"message":"Scheduled post deleted successfully"}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.ScheduledPosts.Delete(ctx, "sp1"))
			}},
		{name: "delete rules", method: "DELETE", path: "/api/v1/posts/schedule/sp1", attempts: 3, unsuccessful: successFalse,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.ScheduledPosts.Delete(ctx, "sp1"))
			}},
	})
}

func TestScheduledPostsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"list sort", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.ScheduledPosts.ListPage(ctx, &amity.ListScheduledPostsParams{SortBy: "soonest"}))
		}, []string{"sortBy=soonest"}},
	})
}
