package amity_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMessagesSearchFixturesMatchSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"messages_search_page1.json": {"GET", "/api/v2/search/messages?query=lunch"},
		"messages_search_page2.json": {"GET", "/api/v2/search/messages?query=lunch"},
	})
}

func TestMessagesSearch(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	rec := recordPages(t, mt, "/api/v2/search/messages", "options[token]", "msearch-2",
		fixture(t, "messages_search_page1.json"), fixture(t, "messages_search_page2.json"))
	ctx := context.Background()
	var texts []string
	for m, err := range u.Messages.Search(ctx, &amity.SearchMessagesParams{Query: "lunch", SortBy: amity.MessageSearchByRelevance}) {
		require.NoError(t, err)
		texts = append(texts, m.Data.Text())
	}
	assert.Equal(t, []string{"Lunch at noon?", "lunch!", "after lunch"}, texts)
	assert.Equal(t, []string{"options%5BsortBy%5D=relevance&query=lunch",
		"options%5BsortBy%5D=relevance&options%5Btoken%5D=msearch-2&query=lunch"}, rec.queries())
	assert.Equal(t, "Bearer user-tok", rec.last(t).Header.Get("Authorization"))

	page, err := u.Messages.SearchPage(ctx, &amity.SearchMessagesParams{Query: "lunch"})
	require.NoError(t, err)
	assert.Equal(t, 3, page.TotalCount)
	assert.Equal(t, "msearch-2", page.Paging.Next)
	assert.Equal(t, amity.MessageSearchQuery{Query: "lunch", Limit: 1, SortBy: amity.MessageSearchByRelevance, OrderBy: amity.MessageSearchDesc}, page.Search)
	m := page.MessageByID("m1")
	require.NotNil(t, m)
	assert.Equal(t, amity.MessageDataTypeText, m.Type)
	assert.Equal(t, 12, m.ChannelSegment)
	assert.Equal(t, 1, m.Reactions["like"])
	assert.Equal(t, atTime(t, "2024-05-01T11:55:00.000Z"), m.CreatedAt)
	assert.Equal(t, "Alice", page.Author(m).DisplayName)
	assert.Equal(t, "Team", page.Channel(m).DisplayName)
	assert.Equal(t, "Team", page.ChannelByID("ch1-internal").DisplayName, "by any of its IDs")
	assert.Nil(t, page.ChannelByID(""))
	assert.Nil(t, page.Author(nil))
	assert.Nil(t, page.Channel(nil))
	assert.Equal(t, "main", page.MessageFeeds[0].Name)
	assert.Equal(t, "Moderator", page.Roles[0].DisplayName)
	assert.Equal(t, "Alice", page.UserByID("alice").DisplayName)
	assert.Nil(t, page.FileByID("none"))
	assert.Contains(t, string(page.Raw), `"status": "success"`, "Raw is the whole answer, wrapper included")
	assert.Contains(t, string(page.Raw), "matchFutureField")
	n := 0
	for pg, err := range u.Messages.SearchPages(ctx, &amity.SearchMessagesParams{Query: "lunch"}) {
		require.NoError(t, err)
		n += len(pg.Messages)
	}
	assert.Equal(t, 3, n)
}

func TestMessagesSearchQuery(t *testing.T) {
	answer := fixture(t, "messages_search_page1.json")
	search := func(p *amity.SearchMessagesParams) func(context.Context, *amity.Client) (any, error) {
		return func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.SearchPage(ctx, p) }
	}
	runShapeCases(t, []shapeCase{
		{name: "full", method: "GET", path: "/api/v2/search/messages", answer: answer,
			call: search(&amity.SearchMessagesParams{PageParams: amity.PageParams{Limit: 5, PageToken: "t1"}, Query: "lunch plans",
				ExactMatch: amity.Ptr(true), ChannelID: "ch1", MessageFeedID: "mf1", UserIDs: []string{"u1", "u2"},
				Types: []amity.MessageDataType{amity.MessageDataTypeText, amity.MessageDataTypeImage}, Tags: []string{"team"},
				SortBy: amity.MessageSearchByCreatedAt, OrderBy: amity.MessageSearchAsc}),
			values: url.Values{"options[limit]": {"5"}, "options[token]": {"t1"}, "query": {"lunch plans"}, "exactMatch": {"true"},
				"channelId": {"ch1"}, "messageFeedId": {"mf1"}, "userIds[]": {"u1", "u2"}, "types[]": {"text", "image"}, "tags[]": {"team"},
				"options[sortBy]": {"createdAt"}, "options[orderBy]": {"asc"}}},
		{name: "rules", method: "GET", path: "/api/v2/search/messages", attempts: 3, unsuccessful: successFalse,
			call: search(&amity.SearchMessagesParams{Query: "x"})},
	})
}

func TestMessagesSearchBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	search := func(p *amity.SearchMessagesParams) func() error {
		return func() error { return errOf(c.Messages.SearchPage(ctx, p)) }
	}
	eleven := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"}
	assertInvalidCases(t, map[string]invalidCase{
		"nil":          {"Messages.SearchPage: params", search(nil)},
		"no query":     {"Query", search(&amity.SearchMessagesParams{Query: " "})},
		"long query":   {"Query", search(&amity.SearchMessagesParams{Query: longString(1025)})},
		"11 users":     {"UserIDs", search(&amity.SearchMessagesParams{Query: "q", UserIDs: eleven})},
		"blank user":   {"UserIDs", search(&amity.SearchMessagesParams{Query: "q", UserIDs: []string{""}})},
		"type twice":   {"Types", search(&amity.SearchMessagesParams{Query: "q", Types: []amity.MessageDataType{"text", "text"}})},
		"empty type":   {"Types[]", search(&amity.SearchMessagesParams{Query: "q", Types: []amity.MessageDataType{""}})},
		"11 tags":      {"Tags", search(&amity.SearchMessagesParams{Query: "q", Tags: eleven})},
		"long tag":     {"Tags[]", search(&amity.SearchMessagesParams{Query: "q", Tags: []string{longString(31)}})},
		"tag twice":    {"Tags", search(&amity.SearchMessagesParams{Query: "q", Tags: []string{"a", "a"}})},
		"long token":   {"PageToken", search(&amity.SearchMessagesParams{Query: "q", PageParams: amity.PageParams{PageToken: longString(101)}})},
		"iterator nil": {"Messages.Search: Query", func() error { return errOf(first(c.Messages.Search(ctx, nil))) }},
	})
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestMessagesSearchUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"search", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Messages.SearchPage(ctx, &amity.SearchMessagesParams{Query: "q", Types: []amity.MessageDataType{"sticker"},
				SortBy: "popularity", OrderBy: "random"}))
		}, []string{"types[]=sticker", "options[sortBy]=popularity", "options[orderBy]=random"}},
	})
}
