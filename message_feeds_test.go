package amity_test

// Message feeds: the v5 threads of a channel (create, get, rename, delete, list).

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMessagesFeeds(t *testing.T) {
	ctx := context.Background()
	p1, p2 := fixture(t, "messages_feeds_page1.json"), fixture(t, "messages_feeds_page2.json")

	t.Run("list pages", func(t *testing.T) {
		c, mt := mockClient(t)
		listing := recordPages(t, mt, "/api/v5/message-feeds/channel/64f0", "options[token]", "ftok-2", p1, p2)
		var names []string
		for f, err := range c.Messages.ListFeeds(ctx, "64f0", &amity.ListMessageFeedsParams{PageParams: amity.PageParams{Limit: 2},
			IsDeleted: amity.Ptr(false), After: "mf-0", SortBy: amity.MessageFeedSortLastMessageAsc}) {
			require.NoError(t, err)
			names = append(names, f.Name)
		}
		assert.Equal(t, []string{"default", "billing", "sales"}, names)
		require.Len(t, listing.all(), 2)
		assert.Equal(t, url.Values{"isDeleted": {"false"}, "options[after]": {"mf-0"}, "options[sortBy]": {"lastMessageTimestampAsc"},
			"options[limit]": {"2"}}, listing.all()[0].Values())
		assert.Equal(t, url.Values{"isDeleted": {"false"}, "options[limit]": {"2"}, "options[token]": {"ftok-2"}}, listing.all()[1].Values())

		page, err := c.Messages.ListFeedsPage(ctx, "64f0", nil)
		require.NoError(t, err)
		require.NotNil(t, page.Paging.Total)
		assert.Equal(t, 3, *page.Paging.Total)
		f := &page.MessageFeeds[0]
		assert.Equal(t, "support", f.ChannelPublicID)
		assert.Equal(t, 201, f.ChildCount)
		assert.Equal(t, 2024, f.LastMessageTimestamp.Year())
		assert.Contains(t, string(page.Raw), "futureField")
		assert.Equal(t, "Alice", page.Creator(f).DisplayName)
		last := page.LastMessage(f)
		require.NotNil(t, last)
		assert.Equal(t, map[string]any{"text": "hello"}, last.Data.Map())
		assert.Equal(t, "hello", last.Data.Text())
		assert.Nil(t, page.LastMessage(&page.MessageFeeds[1]))
		assert.Same(t, &page.MessageFeeds[1], page.MessageFeedByID("mf-billing"))
		assert.Same(t, &page.MessageFeeds[0], page.MessageFeed())
		assert.Equal(t, "Bob", page.UserByID("bob").DisplayName)
	})

	t.Run("by creator stops without paging", func(t *testing.T) {
		c, mt := mockClient(t)
		rec := record(t, mt, "GET", "/api/v5/message-feeds/user/alice", `{"messageFeeds":[{"messageFeedId":"a"},{"messageFeedId":"b"}]}`)
		var ids []string
		for f, err := range c.Messages.ListFeedsByCreator(ctx, "alice", nil) {
			require.NoError(t, err)
			ids = append(ids, f.MessageFeedID)
		}
		assert.Equal(t, []string{"a", "b"}, ids)
		assert.Len(t, rec.all(), 1)
	})

	one := `{"messageFeeds":[{"messageFeedId":"mf-billing","name":"billing"}],"messages":[],"users":[]}`
	runShapeCases(t, []shapeCase{
		{name: "CreateFeed", method: "POST", path: "/api/v5/message-feeds", body: `{"channelId":"64f0","name":"billing"}`, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.CreateFeed(ctx, &amity.CreateMessageFeedParams{ChannelID: "64f0", Name: "billing"})
			},
			check: func(t *testing.T, out any) {
				assert.Equal(t, "mf-billing", out.(*amity.MessageFeedPayload).MessageFeeds[0].MessageFeedID)
			}},
		{name: "GetFeed", method: "GET", path: "/api/v5/message-feeds/mf-billing", answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.GetFeed(ctx, "mf-billing") }},
		{name: "GetFeeds", method: "GET", path: "/api/v5/message-feeds/list", values: url.Values{"messageFeedIds[]": {"a", "b"}}, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.GetManyFeeds(ctx, &amity.GetManyFeedsParams{MessageFeedIDs: []string{"a", "b"}})
			}},
		{name: "UpdateFeed", method: "PUT", path: "/api/v5/message-feeds/mf-billing", body: `{"name":"invoices"}`, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.UpdateFeed(ctx, "mf-billing", &amity.UpdateMessageFeedParams{Name: "invoices"})
			}},
		{name: "DeleteFeed", method: "DELETE", path: "/api/v5/message-feeds/mf-billing", values: url.Values{"permanent": {"true"}},
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Messages.DeleteFeed(ctx, "mf-billing", &amity.DeleteMessageFeedParams{Permanent: amity.Ptr(true)}))
			}},
	})

	t.Run("errors and retries", func(t *testing.T) {
		c, mt := mockClient(t, amity.WithMaxRetries(2))
		create := record(t, mt, "POST", "/api/v5/message-feeds", `{"status":"error","code":500000,"message":"boom"}`, 500)
		update := record(t, mt, "PUT", "/api/v5/message-feeds/mf", `{"status":"error","code":500000,"message":"boom"}`, 500)
		record(t, mt, "GET", "/api/v5/message-feeds/gone", `{"status":"error","code":400400,"message":"Message feed not found"}`, 404)
		_, err := c.Messages.CreateFeed(ctx, &amity.CreateMessageFeedParams{ChannelID: "c", Name: "n"})
		assert.Error(t, err)
		assert.Len(t, create.all(), 1, "a create is not repeated")
		_, err = c.Messages.UpdateFeed(ctx, "mf", &amity.UpdateMessageFeedParams{Name: "n"})
		assert.Error(t, err)
		assert.Len(t, update.all(), 3, "a rename is retried")
		_, err = c.Messages.GetFeed(ctx, "gone")
		assert.ErrorIs(t, err, amity.ErrNotFound)
	})

	t.Run("bad input", func(t *testing.T) {
		c, mt := mockClient(t)
		long := strings.Repeat("x", 31)
		cases := map[string]invalidCase{
			"Create nil":     {"params", func() error { return errOf(c.Messages.CreateFeed(ctx, nil)) }},
			"Create channel": {"ChannelID", func() error { return errOf(c.Messages.CreateFeed(ctx, &amity.CreateMessageFeedParams{Name: "n"})) }},
			"Create name":    {"Name", func() error { return errOf(c.Messages.CreateFeed(ctx, &amity.CreateMessageFeedParams{ChannelID: "c"})) }},
			"Create long": {"Name", func() error {
				return errOf(c.Messages.CreateFeed(ctx, &amity.CreateMessageFeedParams{ChannelID: "c", Name: strings.Repeat("n", 101)}))
			}},
			"Get blank": {"messageFeedID", func() error { return errOf(c.Messages.GetFeed(ctx, "")) }},
			"Get long":  {"messageFeedID", func() error { return errOf(c.Messages.GetFeed(ctx, long)) }},
			"GetFeeds 11": {"MessageFeedIDs", func() error {
				return errOf(c.Messages.GetManyFeeds(ctx, &amity.GetManyFeedsParams{MessageFeedIDs: make([]string, 11)}))
			}},
			"GetFeeds nil":   {"params", func() error { return errOf(c.Messages.GetManyFeeds(ctx, nil)) }},
			"Update nil":     {"params", func() error { return errOf(c.Messages.UpdateFeed(ctx, "mf", nil)) }},
			"Update name":    {"Name", func() error { return errOf(c.Messages.UpdateFeed(ctx, "mf", &amity.UpdateMessageFeedParams{})) }},
			"Delete blank":   {"messageFeedID", func() error { return c.Messages.DeleteFeed(ctx, " ", nil) }},
			"List channel":   {"channelID", func() error { return errOf(c.Messages.ListFeedsPage(ctx, long, nil)) }},
			"ByCreator user": {"creatorID", func() error { return errOf(c.Messages.ListFeedsByCreatorPage(ctx, "", nil)) }},
		}
		assertInvalidCases(t, cases)
		assert.Zero(t, mt.GetTotalCallCount())
	})
}

func TestMessagesFeedFixturesMatchSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"messages_feeds_page1.json": {"GET", "/api/v5/message-feeds/channel/64f0"},
		"messages_feeds_page2.json": {"GET", "/api/v5/message-feeds/channel/64f0"},
	})
}
