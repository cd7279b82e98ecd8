package amity_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReactionsAddAndRemove(t *testing.T) {
	c, mt := mockClient(t)
	add := postsRecord(mt, "POST", "https://api.test/api/v2/reactions", 200, `{"addedId":"r-9"}`)
	remove := postsRecord(mt, "DELETE", "https://api.test/api/v2/reactions", 200, `{"removedId":"r-9"}`)
	ctx := context.Background()

	id, err := c.Reactions.Add(ctx, &amity.ReactionParams{ReferenceID: "post-img", ReferenceType: amity.ReactionOnPost, ReactionName: "like"})
	require.NoError(t, err)
	assert.Equal(t, "r-9", id)
	assert.JSONEq(t, `{"referenceId":"post-img","referenceType":"post","reactionName":"like"}`, add.only(t).Body)

	id, err = c.Reactions.Remove(ctx, &amity.ReactionParams{ReferenceID: "m 1", ReferenceType: amity.ReactionOnMessage,
		ReactionName: "love", ReferenceVersion: amity.Ptr(3)})
	require.NoError(t, err)
	assert.Equal(t, "r-9", id)
	call := remove.only(t)
	assert.Equal(t, "reactionName=love&referenceId=m+1&referenceType=message&referenceVersion=3", call.Query)
	assert.Empty(t, call.Body)

	bad := []*amity.ReactionParams{
		nil, {}, {ReferenceID: "p", ReferenceType: amity.ReactionOnPost},
		{ReferenceID: "p", ReactionName: "like"},
		{ReferenceID: "p", ReferenceType: "user", ReactionName: "like"},
		{ReferenceID: strings.Repeat("p", 901), ReferenceType: amity.ReactionOnPost, ReactionName: "like"},
		{ReferenceID: "p", ReferenceType: amity.ReactionOnPost, ReactionName: strings.Repeat("l", 101)},
	}
	for _, p := range bad {
		_, err := c.Reactions.Add(ctx, p)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument, "%+v", p)
		_, err = c.Reactions.Remove(ctx, p)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument, "%+v", p)
	}
	assert.Equal(t, 2, mt.GetTotalCallCount())
}

func TestReactionsAddIsNotRetriedButRemoveIs(t *testing.T) {
	c, mt := mockClient(t)
	add := postsRecord(mt, "POST", "https://api.test/api/v2/reactions", 500, `{"status":"error","code":500000,"message":"Unexpected error"}`)
	remove := postsRecord(mt, "DELETE", "https://api.test/api/v2/reactions", 500, `{"status":"error","code":500000,"message":"Unexpected error"}`)
	p := &amity.ReactionParams{ReferenceID: "p", ReferenceType: amity.ReactionOnPost, ReactionName: "like"}
	_, err := c.Reactions.Add(context.Background(), p)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 500000, ae.Code)
	assert.Len(t, add.calls, 1)
	_, err = c.Reactions.Remove(context.Background(), p)
	require.Error(t, err)
	assert.Greater(t, len(remove.calls), 1)

	mt.RegisterResponder("POST", "https://api.test/api/v2/reactions", jsonResponder(404, `{"status":"error","code":400400,"message":"Post not found"}`))
	_, err = c.Reactions.Add(context.Background(), p)
	assert.ErrorIs(t, err, amity.ErrNotFound)
}

func TestReactionsListIteratesWhoReacted(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "reactions_page1.json"), fixture(t, "reactions_page2.json")
	var queries []string
	mt.RegisterResponder("GET", "https://api.test/api/v3/reactions", func(r *http.Request) (*http.Response, error) {
		queries = append(queries, r.URL.RawQuery)
		if r.URL.Query().Get("options[token]") == "rtok-2" {
			return jsonResponder(200, p2)(r)
		}
		return jsonResponder(200, p1)(r)
	})
	params := &amity.ListReactionsParams{ReferenceID: "post-img", ReferenceType: amity.ReactionOnPost, ReactionName: "like",
		ReferenceVersion: amity.Ptr(2), PageParams: amity.PageParams{Limit: 2}}
	var who []string
	for r, err := range c.Reactions.List(context.Background(), params) {
		require.NoError(t, err)
		who = append(who, r.UserID+":"+r.ReactionName)
	}
	assert.Equal(t, []string{"alice:like", "bob:love", "carol:like"}, who)
	require.Len(t, queries, 2)
	assert.Equal(t, "options%5Blimit%5D=2&reactionName=like&referenceId=post-img&referenceType=post&referenceVersion=2", queries[0])
	assert.Contains(t, queries[1], "options%5Btoken%5D=rtok-2")

	page, err := c.Reactions.ListPage(context.Background(), params)
	require.NoError(t, err)
	assert.Equal(t, "rtok-2", page.Paging.Next)
	require.Len(t, page.Reactions, 1)
	assert.Equal(t, amity.ReactionOnPost, page.Reactions[0].ReferenceType)
	assert.Contains(t, string(page.Reactions[0].Raw), "futureField")
	rs := page.Reactors()
	require.Len(t, rs, 2)
	assert.Equal(t, "alice", rs[0].UserPublicID, "the spec's userPublicIdId is read")
	assert.Equal(t, "bob", rs[1].UserPublicID)
	assert.Equal(t, "r1", rs[0].ReactionID)
	assert.Equal(t, time.Date(2024, 5, 1, 12, 30, 0, 0, time.UTC), rs[0].CreatedAt.Time)
	u := page.User(&rs[0])
	require.NotNil(t, u)
	assert.Equal(t, "Alice", u.DisplayName)
	assert.Equal(t, "image/png", page.File(u.AvatarFileID).Attributes.MimeType)
	assert.Nil(t, page.User(nil))

	for _, p := range []*amity.ListReactionsParams{nil, {}, {ReferenceID: "p"}, {ReferenceID: "p", ReferenceType: "user"},
		{ReferenceID: "p", ReferenceType: amity.ReactionOnPost, PageParams: amity.PageParams{PageToken: strings.Repeat("t", 201)}}} {
		_, err := c.Reactions.ListPage(context.Background(), p)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	}
	assert.Len(t, queries, 3)
}

func TestReactionsListV2PagesBySkip(t *testing.T) {
	c, mt := mockClient(t)
	body := fixture(t, "reactions_v2.json")
	var queries []string
	mt.RegisterResponder("GET", "https://api.test/api/v2/reactions", func(r *http.Request) (*http.Response, error) {
		queries = append(queries, r.URL.RawQuery)
		if r.URL.Query().Get("options[skip]") == "4" {
			return jsonResponder(200, `{"status":"success","data":{"reactions":[],"users":[],"files":[]}}`)(r)
		}
		return jsonResponder(200, body)(r)
	})
	params := &amity.ListReactionsV2Params{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage, ReactionName: "like"}
	n := 0
	for r, err := range c.Reactions.ListV2(context.Background(), params) {
		require.NoError(t, err)
		assert.Equal(t, "like", r.ReactionName)
		n++
	}
	assert.Equal(t, 4, n, "two full pages, then an empty one")
	require.Len(t, queries, 3)
	assert.Equal(t, "reactionName=like&referenceId=m1&referenceType=message", queries[0])
	assert.Equal(t, "options%5Bskip%5D=2&reactionName=like&referenceId=m1&referenceType=message", queries[1])
	assert.Equal(t, "options%5Bskip%5D=4&reactionName=like&referenceId=m1&referenceType=message", queries[2])

	// With a Limit, a short page is the last one.
	queries = nil
	params.Limit = 5
	params.Skip = 10
	n = 0
	for _, err := range c.Reactions.ListV2(context.Background(), params) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 2, n)
	assert.Equal(t, []string{"options%5Blimit%5D=5&options%5Bskip%5D=10&reactionName=like&referenceId=m1&referenceType=message"}, queries)

	page, err := c.Reactions.ListV2Page(context.Background(), &amity.ListReactionsV2Params{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage, Skip: 6})
	require.NoError(t, err)
	assert.Equal(t, 8, page.NextSkip)
	assert.Len(t, page.Reactors(), 2)
	u := page.User(&page.Reactions[0].Reactors[0])
	require.NotNil(t, u)
	assert.Nil(t, page.User(&page.Reactions[0].Reactors[1]), "bob is not sideloaded")
	assert.Nil(t, page.File("none"))

	_, err = c.Reactions.ListV2Page(context.Background(), &amity.ListReactionsV2Params{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage, Skip: -1})
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	_, err = c.Reactions.ListV2Page(context.Background(), nil)
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
}

func TestReactionsMostReactedMessages(t *testing.T) {
	c, mt := mockClient(t)
	rec := postsRecord(mt, "GET", "https://api.test/api/v2/reactions/messages/most", 200,
		`[{"messageId":"m1","reactionsCount":12,"extra":true},{"messageId":"m2","reactionsCount":3}]`)
	out, err := c.Reactions.MostReactedMessages(context.Background(), &amity.MostReactedMessagesParams{Limit: 2, ReactionName: "like"})
	require.NoError(t, err)
	assert.Equal(t, []amity.MessageReactionCount{{MessageID: "m1", ReactionsCount: 12}, {MessageID: "m2", ReactionsCount: 3}}, out)
	assert.Equal(t, "limit=2&reactionName=like", rec.only(t).Query)

	_, err = c.Reactions.MostReactedMessages(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, "", rec.calls[1].Query)

	_, err = c.Reactions.MostReactedMessages(context.Background(), &amity.MostReactedMessagesParams{Limit: -1})
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	assert.Equal(t, 2, mt.GetTotalCallCount())
}
