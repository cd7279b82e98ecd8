package amity_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReactionsAddAndRemove(t *testing.T) {
	c, mt := mockClient(t)
	add := record(t, mt, "POST", "/api/v2/reactions", `{"addedId":"r-9"}`)
	remove := record(t, mt, "DELETE", "/api/v2/reactions", `{"removedId":"r-9"}`)
	ctx := context.Background()

	added, err := c.Reactions.Add(ctx, &amity.ReactionParams{ReferenceID: "post-img", ReferenceType: amity.ReactionOnPost, ReactionName: "like"})
	require.NoError(t, err)
	assert.Equal(t, "r-9", added.AddedID)
	assert.JSONEq(t, `{"addedId":"r-9"}`, string(added.Raw))
	assert.JSONEq(t, `{"referenceId":"post-img","referenceType":"post","reactionName":"like"}`, add.only(t).Body)

	removed, err := c.Reactions.Remove(ctx, &amity.ReactionParams{ReferenceID: "m 1", ReferenceType: amity.ReactionOnMessage,
		ReactionName: "love", ReferenceVersion: amity.Ptr(3)})
	require.NoError(t, err)
	assert.Equal(t, "r-9", removed.RemovedID)
	call := remove.only(t)
	assert.Equal(t, "reactionName=love&referenceId=m+1&referenceType=message&referenceVersion=3", call.Query)
	assert.JSONEq(t, `{"referenceId":"m 1","referenceType":"message","reactionName":"love","referenceVersion":3}`, call.Body,
		"the clients' body beside the spec's query")

	bad := []*amity.ReactionParams{
		nil, {}, {ReferenceID: "p", ReactionName: "like"},
		{ReferenceID: strings.Repeat("p", 901), ReferenceType: amity.ReactionOnPost, ReactionName: "like"},
		{ReferenceID: "p", ReferenceType: amity.ReactionOnPost, ReactionName: strings.Repeat("l", 101)},
	}
	for _, p := range bad {
		_, err := c.Reactions.Add(ctx, p)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument, "%+v", p)
		_, err = c.Reactions.Remove(ctx, p)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument, "%+v", p)
	}
	// Add needs the reaction's name; Remove does not since spec 4.116.1 (it is not sent).
	noName := &amity.ReactionParams{ReferenceID: "p", ReferenceType: amity.ReactionOnPost}
	_, err = c.Reactions.Add(ctx, noName)
	assertInvalid(t, err, "Reactions.Add: ReactionName")
	remove.reset()
	_, err = c.Reactions.Remove(ctx, noName)
	require.NoError(t, err)
	assert.Equal(t, "referenceId=p&referenceType=post", remove.only(t).Query)
	assert.JSONEq(t, `{"referenceId":"p","referenceType":"post"}`, remove.only(t).Body)
	assert.Equal(t, 3, mt.GetTotalCallCount())
}

// TestReactionsOnMessagesCarryReferenceVersion5: like the API's clients, every reaction call
// on a message says which message version it means (5, the messages of Client.Messages),
// unless the caller gives one; other references carry none.
func TestReactionsOnMessagesCarryReferenceVersion5(t *testing.T) {
	c, mt := mockClient(t)
	add := record(t, mt, "POST", "/api/v2/reactions", `{"addedId":"r-9"}`)
	remove := record(t, mt, "DELETE", "/api/v2/reactions", `{"removedId":"r-9"}`)
	list := record(t, mt, "GET", "/api/v3/reactions", `{"reactions":[],"users":[],"files":[],"paging":{}}`)
	ctx := context.Background()
	onMessage := &amity.ReactionParams{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage, ReactionName: "like"}

	_, err := c.Reactions.Add(ctx, onMessage)
	require.NoError(t, err)
	assert.JSONEq(t, `{"referenceId":"m1","referenceType":"message","reactionName":"like","referenceVersion":5}`, add.last(t).Body)
	_, err = c.Reactions.Remove(ctx, onMessage)
	require.NoError(t, err)
	assert.Contains(t, remove.last(t).Query, "referenceVersion=5")
	_, err = c.Reactions.ListPage(ctx, &amity.ListReactionsParams{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage})
	require.NoError(t, err)
	assert.Contains(t, list.last(t).Query, "referenceVersion=5")
	assert.Nil(t, onMessage.ReferenceVersion, "the caller's params are not changed")

	_, err = c.Reactions.Add(ctx, &amity.ReactionParams{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage, ReactionName: "like",
		ReferenceVersion: amity.Ptr(3)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"referenceId":"m1","referenceType":"message","reactionName":"like","referenceVersion":3}`, add.last(t).Body)
	_, err = c.Reactions.ListPage(ctx, &amity.ListReactionsParams{ReferenceID: "c1", ReferenceType: amity.ReactionOnComment})
	require.NoError(t, err)
	assert.NotContains(t, list.last(t).Query, "referenceVersion")
}

// TestReactionsUnknownEnumsAreSent: a reference type the SDK does not know is sent as given.
func TestReactionsUnknownEnumsAreSent(t *testing.T) {
	user := &amity.ReactionParams{ReferenceID: "p", ReferenceType: "user", ReactionName: "like"}
	assertUnknownEnumsSent(t, []enumCase{
		{"Add", func(ctx context.Context, c *amity.Client) error { return errOf(c.Reactions.Add(ctx, user)) },
			[]string{`"referenceType":"user"`}},
		{"Remove", func(ctx context.Context, c *amity.Client) error { return errOf(c.Reactions.Remove(ctx, user)) },
			[]string{"referenceType=user", `"referenceType":"user"`}},
		{"List", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Reactions.ListPage(ctx, &amity.ListReactionsParams{ReferenceID: "p", ReferenceType: "user"}))
		}, []string{"referenceType=user"}},
	})
}

func TestReactionsAddIsNotRetriedButRemoveIs(t *testing.T) {
	c, mt := mockClient(t)
	add := record(t, mt, "POST", "/api/v2/reactions", `{"status":"error","code":500000,"message":"Unexpected error"}`, 500)
	remove := record(t, mt, "DELETE", "/api/v2/reactions", `{"status":"error","code":500000,"message":"Unexpected error"}`, 500)
	p := &amity.ReactionParams{ReferenceID: "p", ReferenceType: amity.ReactionOnPost, ReactionName: "like"}
	_, err := c.Reactions.Add(context.Background(), p)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 500000, ae.Code)
	assert.Len(t, add.all(), 1)
	_, err = c.Reactions.Remove(context.Background(), p)
	require.Error(t, err)
	assert.Greater(t, len(remove.all()), 1)

	mt.RegisterResponder("POST", "https://api.test/api/v2/reactions", jsonResponder(404, `{"status":"error","code":400400,"message":"Post not found"}`))
	_, err = c.Reactions.Add(context.Background(), p)
	assert.ErrorIs(t, err, amity.ErrNotFound)
}

func TestReactionsListIteratesWhoReacted(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "reactions_page1.json"), fixture(t, "reactions_page2.json")
	listing := recordPages(t, mt, "/api/v3/reactions", "options[token]", "rtok-2", p1, p2)
	params := &amity.ListReactionsParams{ReferenceID: "post-img", ReferenceType: amity.ReactionOnPost, ReactionName: "like",
		ReferenceVersion: amity.Ptr(2), PageParams: amity.PageParams{Limit: 2}}
	var who []string
	for r, err := range c.Reactions.List(context.Background(), params) {
		require.NoError(t, err)
		who = append(who, r.UserID+":"+r.ReactionName)
	}
	assert.Equal(t, []string{"alice:like", "bob:love", "carol:like"}, who)
	require.Len(t, listing.all(), 2)
	assert.Equal(t, "options%5Blimit%5D=2&reactionName=like&referenceId=post-img&referenceType=post&referenceVersion=2", listing.queries()[0])
	assert.Contains(t, listing.queries()[1], "options%5Btoken%5D=rtok-2")

	page, err := c.Reactions.ListPage(context.Background(), params)
	require.NoError(t, err)
	assert.Equal(t, "rtok-2", page.Paging.Next)
	require.Len(t, page.Reactions, 1)
	assert.Equal(t, amity.ReactionOnPost, page.Reactions[0].ReferenceType)
	assert.Contains(t, string(page.Raw), "futureField")
	assert.Equal(t, "post-img", page.Reaction().ReferenceID)
	rs := page.Reactors()
	require.Len(t, rs, 2)
	assert.Equal(t, "alice", rs[0].UserPublicID, "the spec's userPublicIdId is read")
	assert.Equal(t, "bob", rs[1].UserPublicID)
	assert.Equal(t, "r1", rs[0].ReactionID)
	assert.Equal(t, time.Date(2024, 5, 1, 12, 30, 0, 0, time.UTC), rs[0].CreatedAt.Time)
	u := page.User(&rs[0])
	require.NotNil(t, u)
	assert.Equal(t, "Alice", u.DisplayName)
	assert.Equal(t, "image/png", page.FileByID(u.AvatarFileID).Attributes.MimeType)
	assert.Equal(t, "Alice", page.UserByID("alice").DisplayName)
	assert.Equal(t, "Alice", page.User(&amity.Reactor{UserInternalID: "6f1"}).DisplayName, "found by internal ID")
	assert.Nil(t, page.User(nil))

	for _, p := range []*amity.ListReactionsParams{nil, {}, {ReferenceID: "p"}, {ReferenceType: "user"},
		{ReferenceID: "p", ReferenceType: amity.ReactionOnPost, PageParams: amity.PageParams{PageToken: strings.Repeat("t", 201)}}} {
		_, err := c.Reactions.ListPage(context.Background(), p)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	}
	assert.Len(t, listing.all(), 3)
}

func TestReactionsListV2PagesBySkip(t *testing.T) {
	c, mt := mockClient(t)
	body := fixture(t, "reactions_v2.json")
	listing := recordPages(t, mt, "/api/v2/reactions", "options[skip]", "4", body, `{"status":"success","data":{"reactions":[],"users":[],"files":[]}}`)
	params := &amity.V2ListReactionsParams{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage, ReactionName: "like"}
	n := 0
	for r, err := range c.Reactions.V2.List(context.Background(), params) {
		require.NoError(t, err)
		assert.Equal(t, "like", r.ReactionName)
		n++
	}
	assert.Equal(t, 4, n, "two full pages, then an empty one")
	require.Len(t, listing.all(), 3)
	assert.Equal(t, "reactionName=like&referenceId=m1&referenceType=message", listing.queries()[0])
	assert.Equal(t, "options%5Bskip%5D=2&reactionName=like&referenceId=m1&referenceType=message", listing.queries()[1])
	assert.Equal(t, "options%5Bskip%5D=4&reactionName=like&referenceId=m1&referenceType=message", listing.queries()[2])

	// With a Limit, a short page is the last one.
	listing.reset()
	params.Limit = 5
	params.Skip = 10
	n = 0
	for _, err := range c.Reactions.V2.List(context.Background(), params) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 2, n)
	assert.Equal(t, []string{"options%5Blimit%5D=5&options%5Bskip%5D=10&reactionName=like&referenceId=m1&referenceType=message"}, listing.queries())

	page, err := c.Reactions.V2.ListPage(context.Background(), &amity.V2ListReactionsParams{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage, Skip: 6})
	require.NoError(t, err)
	assert.Equal(t, 8, page.NextSkip)
	assert.Len(t, page.Reactors(), 2)
	assert.Equal(t, "m1", page.Reaction().ReferenceID)
	u := page.User(&page.Reactions[0].Reactors[0])
	require.NotNil(t, u)
	assert.Equal(t, "Alice", u.DisplayName)
	assert.Equal(t, "Alice", page.UserByID("alice").DisplayName)
	assert.Equal(t, strings.TrimSpace(body), string(page.Raw), "Raw is the whole answer, envelope included")
	assert.Nil(t, page.User(&page.Reactions[0].Reactors[1]), "bob is not sideloaded")
	assert.Nil(t, page.FileByID("none"))

	_, err = c.Reactions.V2.ListPage(context.Background(), &amity.V2ListReactionsParams{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage, Skip: -1})
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	_, err = c.Reactions.V2.ListPage(context.Background(), nil)
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
}

func TestReactionsMostReactedMessages(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v2/reactions/messages/most", `[{"messageId":"m1","reactionsCount":12,"extra":true},{"messageId":"m2","reactionsCount":3}]`)
	out, err := c.Reactions.GetMostReactedMessages(context.Background(), &amity.GetMostReactedMessagesParams{Limit: 2, ReactionName: "like"})
	require.NoError(t, err)
	assert.Equal(t, []amity.MessageReactionCount{{MessageID: "m1", ReactionsCount: 12}, {MessageID: "m2", ReactionsCount: 3}}, out.Messages)
	assert.Contains(t, string(out.Raw), `"extra":true`)
	assert.Equal(t, "limit=2&reactionName=like", rec.only(t).Query)

	_, err = c.Reactions.GetMostReactedMessages(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, "", rec.all()[1].Query)

	_, err = c.Reactions.GetMostReactedMessages(context.Background(), &amity.GetMostReactedMessagesParams{Limit: -1})
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	assert.Equal(t, 2, mt.GetTotalCallCount())
}

func TestReactionsShape(t *testing.T) {
	page := fixture(t, "reactions_page1.json")
	v2 := fixture(t, "reactions_v2.json")
	like := &amity.ReactionParams{ReferenceID: "p1", ReferenceType: amity.ReactionOnPost, ReactionName: "like"}
	type fn = func(context.Context, *amity.Client) error
	listed := func(t *testing.T, out any) {
		switch v := out.(type) {
		case amity.Reactor:
			assert.Equal(t, "alice", v.UserID)
		case *amity.ReactionPayload:
			assert.Equal(t, "rtok-2", v.Paging.Next)
			assert.Equal(t, "Alice", v.User(&v.Reactors()[0]).DisplayName)
		case *amity.V2ReactionPayload:
			assert.Equal(t, 2, v.NextSkip)
			assert.Equal(t, "Alice", v.User(&v.Reactors()[0]).DisplayName)
		default:
			t.Fatalf("unexpected %T", out)
		}
	}
	badList := func(f func(ctx context.Context, c *amity.Client, p *amity.ListReactionsParams) error) []fn {
		var out []fn
		for _, p := range []*amity.ListReactionsParams{nil, {ReferenceID: "p1"}, {ReferenceType: amity.ReactionOnPost}} {
			out = append(out, func(ctx context.Context, c *amity.Client) error { return f(ctx, c, p) })
		}
		return out
	}
	badV2 := func(f func(ctx context.Context, c *amity.Client, p *amity.V2ListReactionsParams) error) []fn {
		var out []fn
		for _, p := range []*amity.V2ListReactionsParams{nil, {ReferenceID: "p1"}, {ReferenceID: "p1", ReferenceType: amity.ReactionOnPost, Skip: -1}} {
			out = append(out, func(ctx context.Context, c *amity.Client) error { return f(ctx, c, p) })
		}
		return out
	}
	// badReaction: params both calls refuse, and without a reaction name for Add (spec
	// 4.116.1 makes the name optional for Remove).
	badReaction := func(add bool, f func(ctx context.Context, c *amity.Client, p *amity.ReactionParams) error) []fn {
		var out []fn
		bad := []*amity.ReactionParams{nil, {ReferenceID: "p1", ReactionName: "like"},
			{ReferenceID: "p1", ReferenceType: amity.ReactionOnPost, ReactionName: strings.Repeat("l", 101)}}
		if add {
			bad = append(bad, &amity.ReactionParams{ReferenceID: "p1", ReferenceType: amity.ReactionOnPost})
		}
		for _, p := range bad {
			out = append(out, func(ctx context.Context, c *amity.Client) error { return f(ctx, c, p) })
		}
		return out
	}
	runShapeCases(t, []shapeCase{
		{name: "Add", method: "POST", path: "/api/v2/reactions", body: `{"referenceId":"p1","referenceType":"post","reactionName":"like"}`,
			answer: `{"addedId":"r-9"}`,
			call:   func(ctx context.Context, c *amity.Client) (any, error) { return c.Reactions.Add(ctx, like) },
			check:  func(t *testing.T, out any) { assert.Equal(t, "r-9", out.(*amity.AddReactionPayload).AddedID) },
			invalid: badReaction(true, func(ctx context.Context, c *amity.Client, p *amity.ReactionParams) error {
				return errOf(c.Reactions.Add(ctx, p))
			})},
		{name: "Remove", method: "DELETE", path: "/api/v2/reactions", query: "reactionName=like&referenceId=p1&referenceType=post",
			body:   `{"referenceId":"p1","referenceType":"post","reactionName":"like"}`,
			answer: `{"removedId":"r-9"}`,
			call:   func(ctx context.Context, c *amity.Client) (any, error) { return c.Reactions.Remove(ctx, like) },
			check:  func(t *testing.T, out any) { assert.Equal(t, "r-9", out.(*amity.RemoveReactionPayload).RemovedID) },
			invalid: badReaction(false, func(ctx context.Context, c *amity.Client, p *amity.ReactionParams) error {
				return errOf(c.Reactions.Remove(ctx, p))
			})},
		{name: "List", method: "GET", path: "/api/v3/reactions", query: "referenceId=p1&referenceType=post", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Reactions.List(ctx, &amity.ListReactionsParams{ReferenceID: "p1", ReferenceType: amity.ReactionOnPost}))
			},
			invalid: badList(func(ctx context.Context, c *amity.Client, p *amity.ListReactionsParams) error {
				return errOf(first(c.Reactions.List(ctx, p)))
			})},
		{name: "ListPages", method: "GET", path: "/api/v3/reactions", query: "referenceId=p1&referenceType=post", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Reactions.ListPages(ctx, &amity.ListReactionsParams{ReferenceID: "p1", ReferenceType: amity.ReactionOnPost}))
			},
			invalid: badList(func(ctx context.Context, c *amity.Client, p *amity.ListReactionsParams) error {
				return errOf(first(c.Reactions.ListPages(ctx, p)))
			})},
		{name: "ListPage", method: "GET", path: "/api/v3/reactions", query: "options%5Blimit%5D=2&reactionName=like&referenceId=p1&referenceType=post",
			answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Reactions.ListPage(ctx, &amity.ListReactionsParams{ReferenceID: "p1", ReferenceType: amity.ReactionOnPost,
					ReactionName: "like", PageParams: amity.PageParams{Limit: 2}})
			},
			invalid: badList(func(ctx context.Context, c *amity.Client, p *amity.ListReactionsParams) error {
				return errOf(c.Reactions.ListPage(ctx, p))
			})},
		{name: "MostReactedMessages", method: "GET", path: "/api/v2/reactions/messages/most", query: "limit=5",
			answer: `[{"messageId":"m1","reactionsCount":12}]`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Reactions.GetMostReactedMessages(ctx, &amity.GetMostReactedMessagesParams{Limit: 5})
			},
			check: func(t *testing.T, out any) {
				assert.Equal(t, []amity.MessageReactionCount{{MessageID: "m1", ReactionsCount: 12}}, out.(*amity.MostReactedMessagesPayload).Messages)
			},
			invalid: []fn{func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Reactions.GetMostReactedMessages(ctx, &amity.GetMostReactedMessagesParams{Limit: -1}))
			}}},
		{name: "V2.List", method: "GET", path: "/api/v2/reactions", query: "referenceId=m1&referenceType=message", answer: v2, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Reactions.V2.List(ctx, &amity.V2ListReactionsParams{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage}))
			},
			invalid: badV2(func(ctx context.Context, c *amity.Client, p *amity.V2ListReactionsParams) error {
				return errOf(first(c.Reactions.V2.List(ctx, p)))
			})},
		{name: "V2.ListPages", method: "GET", path: "/api/v2/reactions", query: "referenceId=m1&referenceType=message", answer: v2, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Reactions.V2.ListPages(ctx, &amity.V2ListReactionsParams{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage}))
			},
			invalid: badV2(func(ctx context.Context, c *amity.Client, p *amity.V2ListReactionsParams) error {
				return errOf(first(c.Reactions.V2.ListPages(ctx, p)))
			})},
		{name: "V2.ListPage", method: "GET", path: "/api/v2/reactions", query: "reactionName=like&referenceId=m1&referenceType=message",
			answer: v2, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Reactions.V2.ListPage(ctx, &amity.V2ListReactionsParams{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage, ReactionName: "like"})
			},
			invalid: badV2(func(ctx context.Context, c *amity.Client, p *amity.V2ListReactionsParams) error {
				return errOf(c.Reactions.V2.ListPage(ctx, p))
			})},
	})
}

// TestReactionsListPages walks the pages of who reacted, with their users, and resumes: by
// cursor on v3, by Skip on v2.
func TestReactionsListPages(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "reactions_page1.json"), fixture(t, "reactions_page2.json")
	listing := recordPages(t, mt, "/api/v3/reactions", "options[token]", "rtok-2", p1, p2)
	ctx := context.Background()
	var who []string
	var next string
	for page, err := range c.Reactions.ListPages(ctx, &amity.ListReactionsParams{ReferenceID: "post-img", ReferenceType: amity.ReactionOnPost}) {
		require.NoError(t, err)
		for _, r := range page.Reactors() {
			u := page.User(&r)
			require.NotNil(t, u, "the page's users resolve its reactors")
			who = append(who, u.DisplayName)
		}
		if next == "" {
			next = page.Paging.Next
		}
	}
	assert.Len(t, who, 3)
	assert.Len(t, listing.all(), 2)

	listing.reset()
	n := 0
	for page, err := range c.Reactions.ListPages(ctx, &amity.ListReactionsParams{ReferenceID: "post-img", ReferenceType: amity.ReactionOnPost,
		PageParams: amity.PageParams{PageToken: next}}) {
		require.NoError(t, err)
		n += len(page.Reactors())
	}
	assert.Equal(t, 1, n)
	require.Len(t, listing.all(), 1)
	assert.Contains(t, listing.queries()[0], "options%5Btoken%5D=rtok-2")

	// v2 pages by skip: a walk resumes at a page's NextSkip.
	body := fixture(t, "reactions_v2.json")
	skipped := recordPages(t, mt, "/api/v2/reactions", "options[skip]", "4", body, `{"status":"success","data":{"reactions":[],"users":[],"files":[]}}`)
	var nextSkip int
	for page, err := range c.Reactions.V2.ListPages(ctx, &amity.V2ListReactionsParams{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage}) {
		require.NoError(t, err)
		if nextSkip == 0 {
			nextSkip = page.NextSkip
		}
	}
	skips := func() (out []string) {
		for _, r := range skipped.all() {
			out = append(out, r.Values().Get("options[skip]"))
		}
		return out
	}
	assert.Equal(t, []string{"", "2", "4"}, skips())
	skipped.reset()
	for _, err := range c.Reactions.V2.ListPages(ctx, &amity.V2ListReactionsParams{ReferenceID: "m1", ReferenceType: amity.ReactionOnMessage, Skip: nextSkip}) {
		require.NoError(t, err)
	}
	assert.Equal(t, []string{"2", "4"}, skips())
}
