package amity_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/internal/spectest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMessagesListFlaggedIteratesPages(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "messages_page1.json"), fixture(t, "messages_page2.json")
	listing := recordPages(t, mt, "/api/v5/messages", "options[token]", "vtok-2", p1, p2)
	params := &amity.ListMessagesParams{PageParams: amity.PageParams{Limit: 2}, MessageFeedID: "support", HasFlags: amity.Ptr(true),
		IsDeleted: amity.Ptr(false), IncludeTags: []string{"promo"}, ExcludeTags: []string{"ok"}, DataType: amity.MessageDataTypeText,
		ParentID: "m-1", After: "m-100", SortBy: amity.MessageSortSegmentAsc}
	var ids []string
	for m, err := range c.Messages.List(context.Background(), params) {
		require.NoError(t, err)
		ids = append(ids, m.MessageID)
	}
	assert.Equal(t, []string{"m-101", "m-102", "m-103"}, ids)
	require.Len(t, listing.all(), 2)
	assert.Equal(t, url.Values{"messageFeedId": {"support"}, "hasFlags": {"true"}, "isDeleted": {"false"}, "includeTags[]": {"promo"},
		"excludeTags[]": {"ok"}, "dataType": {"text"}, "parentId": {"m-1"}, "options[after]": {"m-100"},
		"options[sortBy]": {"segmentAsc"}, "options[limit]": {"2"}}, listing.all()[0].Values())
	// The token carries the position and order: after/sortBy are not repeated with it.
	assert.Equal(t, url.Values{"messageFeedId": {"support"}, "hasFlags": {"true"}, "isDeleted": {"false"}, "includeTags[]": {"promo"},
		"excludeTags[]": {"ok"}, "dataType": {"text"}, "parentId": {"m-1"}, "options[limit]": {"2"}, "options[token]": {"vtok-2"}}, listing.all()[1].Values())
}

// TestMessagesModerationJob is the flow a moderation job runs: page through flagged
// messages, delete the worst, clear the flags of the others.
func TestMessagesModerationJob(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "messages_page1.json"), fixture(t, "messages_page2.json")
	listing := recordPages(t, mt, "/api/v5/messages", "options[token]", "vtok-2", p1, p2)
	one := fixture(t, "messages_one.json")
	deletes := record(t, mt, "DELETE", `=~^https://api\.test/api/v5/messages/[^/]+$`, "")
	clears := record(t, mt, "DELETE", `=~^https://api\.test/api/v5/messages/[^/]+/flags/all$`, one)
	ctx := context.Background()
	for m, err := range c.Messages.List(ctx, &amity.ListMessagesParams{MessageFeedID: "support", HasFlags: amity.Ptr(true)}) {
		require.NoError(t, err)
		if m.FlagCount >= 3 {
			require.NoError(t, c.Messages.Delete(ctx, m.MessageID, &amity.DeleteMessageParams{Permanent: amity.Ptr(true)}))
			continue
		}
		_, err := c.Messages.ClearFlags(ctx, m.MessageID)
		require.NoError(t, err)
	}
	var deleted, cleared []string
	for _, r := range deletes.all() {
		deleted = append(deleted, strings.TrimPrefix(r.Path, "/api/v5/messages/")+"?"+r.Query)
	}
	for _, r := range clears.all() {
		cleared = append(cleared, strings.Split(r.Path, "/")[4])
	}
	assert.Equal(t, []string{"m-101?permanent=true"}, deleted)
	assert.Equal(t, []string{"m-102", "m-103"}, cleared)
	for _, r := range listing.all() {
		assert.Equal(t, "true", r.Values().Get("hasFlags"))
	}
}

func TestMessagesPayloadDecodesAndResolves(t *testing.T) {
	c, mt := mockClient(t)
	record(t, mt, "GET", "/api/v5/messages", fixture(t, "messages_page1.json"))
	p, err := c.Messages.ListPage(context.Background(), &amity.ListMessagesParams{MessageFeedID: "support"})
	require.NoError(t, err)
	require.Len(t, p.Messages, 2)
	require.NotNil(t, p.Paging.Total)
	assert.Equal(t, 3, *p.Paging.Total)
	assert.Equal(t, "vtok-2", p.Paging.Next)

	m := &p.Messages[0]
	assert.Equal(t, "net-1", m.NetworkID)
	assert.Equal(t, amity.ChannelTypeCommunity, m.ChannelType)
	assert.Equal(t, 101, m.Segment)
	assert.Equal(t, amity.MessageDataTypeImage, m.DataType)
	assert.Equal(t, map[string]any{"caption": "buy cheap stuff"}, m.Data.Map())
	assert.Equal(t, amity.MessageReactionCounts{"like": 2, "angry": 5}, m.Reactions)
	assert.Equal(t, 7, m.ReactionCount)
	assert.Equal(t, []string{"angry"}, m.MyReactions)
	assert.Equal(t, 3, m.FlagCount)
	assert.Equal(t, 250*time.Millisecond, time.Duration(m.CreatedAt.Nanosecond()))
	assert.Equal(t, []amity.MessageMention{{Type: amity.MessageMentionUser, UserIDs: []string{"alice"}}}, m.MentionedUsers)
	assert.Contains(t, string(p.Raw), `"futureField"`, "unknown fields stay reachable in the payload's Raw")
	assert.Equal(t, amity.MessageReactionCounts{"like": 2, "sad": 1}, p.Messages[1].Reactions)

	author := p.Author(m)
	require.NotNil(t, author)
	assert.Equal(t, "Spam Bot", author.DisplayName)
	assert.False(t, author.IsDeleted)
	files := p.MessageFiles(m)
	require.Len(t, files, 2)
	assert.Equal(t, "file-img-1", files[0].FileID)
	assert.Equal(t, "file-thumb-1", files[1].FileID)
	assert.Empty(t, p.MessageFiles(&p.Messages[1]))
	feed := p.MessageFeed(m)
	require.NotNil(t, feed)
	assert.Equal(t, "support", feed.ChannelPublicID)
	assert.Equal(t, 102, feed.ChildCount)
	mentioned := p.MentionedUsers(m)
	require.Len(t, mentioned, 1)
	assert.Equal(t, "Alice", mentioned[0].DisplayName)
	assert.Same(t, m, p.MessageByID("m-101"))
	assert.Same(t, m, p.Message(), "the primary message is the first")
	assert.Nil(t, p.MessageByID("nope"))
	assert.Equal(t, "alice", p.UserByID("u-priv-alice").UserID)
	assert.NotNil(t, p.FileByID("file-thumb-1"))
	assert.Same(t, feed, p.MessageFeedByID(m.MessageFeedID))
	assert.Nil(t, (&amity.MessagePayload{}).Message())
	assert.Nil(t, p.Author(nil))
	assert.Nil(t, p.MessageFeed(nil))
}

func TestMessageReactionCountsTolerant(t *testing.T) {
	for in, want := range map[string]amity.MessageReactionCounts{
		`{"like":1,"love":2}`:     {"like": 1, "love": 2},
		`[{"like":1},{"like":2}]`: {"like": 3},
		`{}`:                      {},
		`null`:                    {},
		`"weird"`:                 {},
		`{"like":"many"}`:         {},
	} {
		var m struct {
			Reactions amity.MessageReactionCounts `json:"reactions"`
		}
		require.NoError(t, json.Unmarshal([]byte(`{"reactions":`+in+`}`), &m), in)
		assert.Equal(t, want, m.Reactions, in)
	}
}

func TestMessagesWrites(t *testing.T) {
	one := fixture(t, "messages_one.json")

	at := amity.Time{Time: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)}
	runShapeCases(t, []shapeCase{
		{name: "Create", method: "POST", path: "/api/v5/messages", body: `{"messageFeedId":"support","referenceId":"ref-1","dataType":"text","data":{"text":"hello"},"tags":["t1"],
			"mentionedUsers":[{"type":"user","userIds":["bob"]}],"createdAt":"2024-01-02T03:04:05Z"}`, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.Create(ctx, &amity.CreateMessageParams{MessageFeedID: "support", ReferenceID: "ref-1",
					DataType: amity.MessageDataTypeText, Data: map[string]any{"text": "hello"}, Tags: []string{"t1"},
					MentionedUsers: []amity.MessageMention{{Type: amity.MessageMentionUser, UserIDs: []string{"bob"}}}, CreatedAt: &at})
			},
			check: func(t *testing.T, out any) {
				p := out.(*amity.MessagePayload)
				assert.Equal(t, "ref-1", p.Messages[0].ReferenceID)
				assert.Equal(t, "Bob", p.MentionedUsers(&p.Messages[0])[0].DisplayName)
			}},
		{name: "Get", method: "GET", path: "/api/v5/messages/m-201", answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.Get(ctx, "m-201") },
			check: func(t *testing.T, out any) {
				p := out.(*amity.MessagePayload)
				assert.Contains(t, string(p.Raw), "futureField")
				assert.Equal(t, "m-201", p.Message().MessageID)
			}},
		{name: "GetMany", method: "GET", path: "/api/v5/messages/list", values: url.Values{"messageIds[]": {"m-1", "m-2"}}, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.GetMany(ctx, &amity.GetManyMessagesParams{MessageIDs: []string{"m-1", "m-2"}})
			}},
		{name: "ListByCreatorPage", method: "GET", path: "/api/v5/messages/user/spammer1", values: url.Values{"channelId": {"support"}, "hasFlags": {"true"}, "options[before]": {"m-900"}, "options[limit]": {"50"}}, answer: fixture(t, "messages_page2.json"),
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.ListByCreatorPage(ctx, "spammer1", &amity.ListByCreatorParams{PageParams: amity.PageParams{Limit: 50},
					ChannelID: "support", HasFlags: amity.Ptr(true), Before: "m-900"})
			},
			check: func(t *testing.T, out any) { assert.Equal(t, "vtok-1", out.(*amity.MessagePayload).Paging.Previous) }},
		{name: "Update", method: "PUT", path: "/api/v5/messages/m-201", body: `{"data":{"text":"edited"}}`, answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.Update(ctx, "m-201", &amity.UpdateMessageParams{Data: map[string]any{"text": "edited"}})
			}},
		{name: "Delete", method: "DELETE", path: "/api/v5/messages/m-201",
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Messages.Delete(ctx, "m-201", nil))
			}},
		{name: "Flag", method: "POST", path: "/api/v5/messages/m-201/flags", answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.Flag(ctx, "m-201") }},
		{name: "Unflag", method: "DELETE", path: "/api/v5/messages/m-201/flags", answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.Unflag(ctx, "m-201") }},
		{name: "IsFlaggedByMe", method: "GET", path: "/api/v5/messages/m-201/flags", answer: `{"result":true}`,
			call:  func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.IsFlaggedByMe(ctx, "m-201") },
			check: func(t *testing.T, out any) { assert.Equal(t, true, out) }},
		{name: "ClearFlags", method: "DELETE", path: "/api/v5/messages/m-201/flags/all", answer: one,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.ClearFlags(ctx, "m-201") }},
	})
}

func TestMessagesRetryPolicy(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "Create", method: "POST", path: "/api/v5/messages", attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.Create(ctx, &amity.CreateMessageParams{MessageFeedID: "f", ReferenceID: "r", DataType: "text"})
			}},
		{name: "Flag", method: "POST", path: "/api/v5/messages/m/flags", attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.Flag(ctx, "m") }},
		{name: "Delete", method: "DELETE", path: "/api/v5/messages/m", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Messages.Delete(ctx, "m", nil))
			}},
		{name: "ClearFlags", method: "DELETE", path: "/api/v5/messages/m/flags/all", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.ClearFlags(ctx, "m") }},
		{name: "Unflag", method: "DELETE", path: "/api/v5/messages/m/flags", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.Unflag(ctx, "m") }},
		{name: "Update", method: "PUT", path: "/api/v5/messages/m", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.Update(ctx, "m", &amity.UpdateMessageParams{})
			}},
	})
}

func TestMessagesAPIErrors(t *testing.T) {
	c, mt := mockClient(t, amity.WithMaxRetries(0))
	ctx := context.Background()
	mt.RegisterResponder("GET", "https://api.test/api/v5/messages/gone",
		jsonResponder(404, `{"status":"error","code":400400,"message":"Message not found"}`))
	mt.RegisterResponder("POST", "https://api.test/api/v5/messages",
		jsonResponder(400, `{"status":"error","code":400302,"message":"User is muted"}`))
	mt.RegisterResponder("POST", "https://api.test/api/v3/messages",
		jsonResponder(400, `{"status":"error","code":400309,"message":"Link is not allowed"}`))
	mt.RegisterResponder("GET", "https://api.test/api/v5/messages/empty", jsonResponder(200, `{"messages":[]}`))

	_, err := c.Messages.Get(ctx, "gone")
	assert.ErrorIs(t, err, amity.ErrNotFound)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "GET", ae.Method)

	_, err = c.Messages.Create(ctx, &amity.CreateMessageParams{MessageFeedID: "f", ReferenceID: "r", DataType: "text"})
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, amity.CodeUserMuted, ae.Code)

	_, err = c.Messages.V3.Create(ctx, &amity.V3CreateMessageParams{ChannelID: "ch", Data: map[string]any{"text": "http://x"}})
	assert.ErrorIs(t, err, amity.ErrLinkNotAllowed)

	_, err = c.Messages.Get(ctx, "empty")
	assert.ErrorIs(t, err, amity.ErrMalformedResponse)
}

// TestMessagesUnknownEnumsAreSent: a mention type, message type or order the SDK does not
// know is sent as given.
func TestMessagesUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"Create mention type", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Messages.Create(ctx, &amity.CreateMessageParams{MessageFeedID: "f", ReferenceID: "r", DataType: "sticker",
				MentionedUsers: []amity.MessageMention{{Type: "group"}}}))
		}, []string{`"dataType":"sticker"`, `"mentionedUsers":[{"type":"group"`}},
		{"List sort", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Messages.ListPage(ctx, &amity.ListMessagesParams{MessageFeedID: "f", SortBy: "newest"}))
		}, []string{"options[sortBy]=newest"}},
		{"V3 create type and mention", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Messages.V3.Create(ctx, &amity.V3CreateMessageParams{ChannelID: "c", Type: "sticker",
				Mentionees: []amity.V3MessageMentionee{{Type: "group"}}}))
		}, []string{`"type":"sticker"`, `"mentionees":[{"type":"group"`}},
		{"V3 list type", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Messages.V3.ListPage(ctx, &amity.V3ListMessagesParams{ChannelID: "c", Type: "sticker"}))
		}, []string{"type=sticker"}},
		{"feeds sort", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Messages.ListFeedsPage(ctx, "c", &amity.ListMessageFeedsParams{SortBy: "name"}))
		}, []string{"options[sortBy]=name"}},
	})
}

func TestMessagesBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	many := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "id"
		}
		return out
	}
	valid := func() *amity.CreateMessageParams {
		return &amity.CreateMessageParams{MessageFeedID: "f", ReferenceID: "r", DataType: amity.MessageDataTypeText}
	}
	with := func(f func(p *amity.CreateMessageParams)) *amity.CreateMessageParams { p := valid(); f(p); return p }
	cases := map[string]invalidCase{
		"Create nil": {"params", func() error { return errOf(c.Messages.Create(ctx, nil)) }},
		"Create feed": {"MessageFeedID", func() error {
			return errOf(c.Messages.Create(ctx, with(func(p *amity.CreateMessageParams) { p.MessageFeedID = "" })))
		}},
		"Create feed length": {"MessageFeedID", func() error {
			return errOf(c.Messages.Create(ctx, with(func(p *amity.CreateMessageParams) { p.MessageFeedID = longString(31) })))
		}},
		"Create reference": {"ReferenceID", func() error {
			return errOf(c.Messages.Create(ctx, with(func(p *amity.CreateMessageParams) { p.ReferenceID = " " })))
		}},
		"Create data type": {"DataType", func() error {
			return errOf(c.Messages.Create(ctx, with(func(p *amity.CreateMessageParams) { p.DataType = "" })))
		}},
		"Create data type 21": {"DataType", func() error {
			return errOf(c.Messages.Create(ctx, with(func(p *amity.CreateMessageParams) { p.DataType = amity.MessageDataType(longString(21)) })))
		}},
		"Create data size": {"Data", func() error {
			return errOf(c.Messages.Create(ctx, with(func(p *amity.CreateMessageParams) { p.Data = map[string]any{"text": longString(11000)} })))
		}},
		"Create metadata": {"Metadata", func() error {
			return errOf(c.Messages.Create(ctx, with(func(p *amity.CreateMessageParams) { p.Metadata = map[string]any{"x": longString(21000)} })))
		}},
		"Create tags": {"Tags", func() error {
			return errOf(c.Messages.Create(ctx, with(func(p *amity.CreateMessageParams) { p.Tags = many(11) })))
		}},
		"Create tag length": {"Tags[]", func() error {
			return errOf(c.Messages.Create(ctx, with(func(p *amity.CreateMessageParams) { p.Tags = []string{longString(31)} })))
		}},
		"Create mention IDs": {"MentionedUsers[0].UserIDs", func() error {
			return errOf(c.Messages.Create(ctx, with(func(p *amity.CreateMessageParams) { p.MentionedUsers = []amity.MessageMention{{UserIDs: many(51)}} })))
		}},
		"Get blank": {"messageID", func() error { return errOf(c.Messages.Get(ctx, "")) }},
		"Get long":  {"messageID", func() error { return errOf(c.Messages.Get(ctx, longString(31))) }},
		"GetMany 11": {"MessageIDs", func() error {
			return errOf(c.Messages.GetMany(ctx, &amity.GetManyMessagesParams{MessageIDs: many(11)}))
		}},
		"GetMany none": {"MessageIDs", func() error { return errOf(c.Messages.GetMany(ctx, &amity.GetManyMessagesParams{})) }},
		"GetMany nil":  {"params", func() error { return errOf(c.Messages.GetMany(ctx, nil)) }},
		"List nil":     {"params", func() error { return errOf(c.Messages.ListPage(ctx, nil)) }},
		"List feed":    {"MessageFeedID", func() error { return errOf(c.Messages.ListPage(ctx, &amity.ListMessagesParams{})) }},
		"List odd around": {"Limit", func() error {
			return errOf(c.Messages.ListPage(ctx, &amity.ListMessagesParams{MessageFeedID: "f", Around: "m", PageParams: amity.PageParams{Limit: 5}}))
		}},
		"List tags": {"IncludeTags", func() error {
			return errOf(c.Messages.ListPage(ctx, &amity.ListMessagesParams{MessageFeedID: "f", IncludeTags: many(11)}))
		}},
		"List token": {"PageToken", func() error {
			return errOf(c.Messages.ListPage(ctx, &amity.ListMessagesParams{MessageFeedID: "f", PageParams: amity.PageParams{PageToken: longString(101)}}))
		}},
		"ByCreator blank": {"creatorID", func() error { return errOf(c.Messages.ListByCreatorPage(ctx, "", nil)) }},
		"ByCreator long":  {"creatorID", func() error { return errOf(c.Messages.ListByCreatorPage(ctx, longString(25), nil)) }},
		// Spec 4.116.1 requires channelId (at most 30 characters).
		"ByCreator no channel": {"ChannelID", func() error { return errOf(c.Messages.ListByCreatorPage(ctx, "u", nil)) }},
		"ByCreator channel": {"ChannelID", func() error {
			return errOf(c.Messages.ListByCreatorPage(ctx, "u", &amity.ListByCreatorParams{ChannelID: longString(31)}))
		}},
		"Update nil":       {"params", func() error { return errOf(c.Messages.Update(ctx, "m", nil)) }},
		"Update tags":      {"Tags", func() error { return errOf(c.Messages.Update(ctx, "m", &amity.UpdateMessageParams{Tags: many(11)})) }},
		"Delete blank":     {"messageID", func() error { return c.Messages.Delete(ctx, " ", nil) }},
		"Flag blank":       {"messageID", func() error { return errOf(c.Messages.Flag(ctx, "")) }},
		"Unflag dot":       {"messageID", func() error { return errOf(c.Messages.Unflag(ctx, ".")) }},
		"ClearFlags blank": {"messageID", func() error { return errOf(c.Messages.ClearFlags(ctx, "")) }},
		"IsFlagged blank":  {"messageID", func() error { return errOf(c.Messages.IsFlaggedByMe(ctx, "")) }},
		"CreateV3 nil":     {"params", func() error { return errOf(c.Messages.V3.Create(ctx, nil)) }},
		"CreateV3 channel": {"ChannelID", func() error { return errOf(c.Messages.V3.Create(ctx, &amity.V3CreateMessageParams{})) }},
		"CreateV3 text": {"Data.text", func() error {
			return errOf(c.Messages.V3.Create(ctx, &amity.V3CreateMessageParams{ChannelID: "c", Data: map[string]any{"text": longString(20001)}}))
		}},
		"CreateV3 text type": {"Data.text", func() error {
			return errOf(c.Messages.V3.Create(ctx, &amity.V3CreateMessageParams{ChannelID: "c", Data: map[string]any{"text": 5}}))
		}},
		"CreateV3 mentionees": {"Mentionees", func() error {
			return errOf(c.Messages.V3.Create(ctx, &amity.V3CreateMessageParams{ChannelID: "c", Mentionees: make([]amity.V3MessageMentionee, 3)}))
		}},
		"CreateV3 mention": {"Mentionees[0].Type", func() error {
			return errOf(c.Messages.V3.Create(ctx, &amity.V3CreateMessageParams{ChannelID: "c", Mentionees: []amity.V3MessageMentionee{{}}}))
		}},
		"GetV3 long":     {"messageID", func() error { return errOf(c.Messages.V3.Get(ctx, longString(151))) }},
		"GetManyV3 none": {"MessageIDs", func() error { return errOf(c.Messages.V3.GetMany(ctx, &amity.V3GetManyMessagesParams{})) }},
		"GetManyV3 nil":  {"params", func() error { return errOf(c.Messages.V3.GetMany(ctx, nil)) }},
		"ListV3 nil":     {"params", func() error { return errOf(c.Messages.V3.ListPage(ctx, nil)) }},
		"ListV3 channel": {"ChannelID", func() error { return errOf(c.Messages.V3.ListPage(ctx, &amity.V3ListMessagesParams{})) }},
		"ListV3 first": {"First", func() error {
			return errOf(c.Messages.V3.ListPage(ctx, &amity.V3ListMessagesParams{ChannelID: "c", First: 101}))
		}},
		"ListV3 after": {"After", func() error {
			return errOf(c.Messages.V3.ListPage(ctx, &amity.V3ListMessagesParams{ChannelID: "c", After: -1}))
		}},
		"ListV3 token": {"PageToken", func() error {
			return errOf(c.Messages.V3.ListPage(ctx, &amity.V3ListMessagesParams{ChannelID: "c", PageToken: longString(1001)}))
		}},
		"UpdateV3 nil":       {"params", func() error { return errOf(c.Messages.V3.Update(ctx, "m", nil)) }},
		"DeleteV3 blank":     {"messageID", func() error { return c.Messages.V3.Delete(ctx, "") }},
		"FlagV3 blank":       {"messageID", func() error { return errOf(c.Messages.V3.Flag(ctx, "")) }},
		"UnflagV3 blank":     {"messageID", func() error { return errOf(c.Messages.V3.Unflag(ctx, "")) }},
		"ClearFlagsV3 blank": {"messageID", func() error { return errOf(c.Messages.V3.ClearFlags(ctx, "")) }},
		"IsFlaggedV3 blank":  {"messageID", func() error { return errOf(c.Messages.V3.IsFlaggedByMe(ctx, "")) }},
	}
	assertInvalidCases(t, cases)
	for _, seq := range []func(yield func(string, error) bool){
		func(yield func(string, error) bool) {
			for m, err := range c.Messages.List(ctx, nil) {
				yield(m.MessageID, err)
			}
		},
		func(yield func(string, error) bool) {
			for m, err := range c.Messages.V3.List(ctx, &amity.V3ListMessagesParams{}) {
				yield(m.MessageID, err)
			}
		},
		func(yield func(string, error) bool) {
			for m, err := range c.Messages.ListByCreator(ctx, "", nil) {
				yield(m.MessageID, err)
			}
		},
	} {
		n := 0
		seq(func(_ string, err error) bool {
			assert.ErrorIs(t, err, amity.ErrInvalidArgument)
			n++
			return true
		})
		assert.Equal(t, 1, n)
	}
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

// TestMessagesPagingVariantsConform sends the paging variants the conformance cases do not
// (a token alone, segment options) through the validating server.
func TestMessagesPagingVariantsConform(t *testing.T) {
	spec := spectest.Load(t)
	srv := spec.NewServer(t)
	c := conformanceClient(t, srv)
	ctx := context.Background()
	_, err := c.Messages.ListPage(ctx, &amity.ListMessagesParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
		MessageFeedID: "ch1", HasFlags: amity.Ptr(true), After: "ignored-with-token"})
	require.NoError(t, err)
	_, err = c.Messages.ListPage(ctx, &amity.ListMessagesParams{PageParams: amity.PageParams{Limit: 10}, MessageFeedID: "ch1", Around: "m5"})
	require.NoError(t, err)
	_, err = c.Messages.ListByCreatorPage(ctx, "u1", &amity.ListByCreatorParams{ChannelID: "ch1", PageParams: amity.PageParams{PageToken: "tok"}})
	require.NoError(t, err)
	_, err = c.Messages.V3.ListPage(ctx, &amity.V3ListMessagesParams{ChannelID: "ch1", First: 20, After: 3})
	require.NoError(t, err)
	_, err = c.Messages.V3.ListPage(ctx, &amity.V3ListMessagesParams{ChannelID: "ch1", PageToken: "tok", Last: 5})
	require.NoError(t, err)
	assert.Empty(t, srv.Violations())
	assert.Len(t, srv.Calls(), 5)
}

func TestMessagesFixturesMatchSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"messages_page1.json":    {"GET", "/api/v5/messages"},
		"messages_page2.json":    {"GET", "/api/v5/messages"},
		"messages_one.json":      {"POST", "/api/v5/messages"},
		"messages_v3_page1.json": {"GET", "/api/v3/messages"},
		"messages_v3_page2.json": {"GET", "/api/v3/messages"},
	})
}

// TestMessagesUnsuccessful checks that {success: false} answers are errors matching
// ErrUnsuccessful, for each method whose answer is only {success}.
func TestMessagesUnsuccessful(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "Delete", method: "DELETE", path: "/api/v5/messages/m1", unsuccessful: []string{`{"success":false}`},
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Messages.Delete(ctx, "m1", nil))
			}},
		{name: "DeleteFeed", method: "DELETE", path: "/api/v5/message-feeds/mf1", unsuccessful: []string{`{"success":false}`},
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Messages.DeleteFeed(ctx, "mf1", nil))
			}},
		{name: "V3.Delete", method: "DELETE", path: "/api/v3/messages/m1", unsuccessful: []string{`{"status":"success","data":{"success":false}}`},
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Messages.V3.Delete(ctx, "m1"))
			}},
	})
}

// TestMessagesEntityAnswersMustHoldTheEntity checks that the answers about one message or
// feed are malformed without it.
func TestMessagesEntityAnswersMustHoldTheEntity(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "Create", method: "POST", path: "/api/v5/messages", empty: `{"messages":[],"messageFeeds":[],"users":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.Create(ctx, &amity.CreateMessageParams{MessageFeedID: "f", ReferenceID: "r", DataType: amity.MessageDataTypeText})
			}},
		{name: "Get", method: "GET", path: "/api/v5/messages/m1", empty: `{"messages":[],"messageFeeds":[],"users":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.Get(ctx, "m1") }},
		{name: "Update", method: "PUT", path: "/api/v5/messages/m1", empty: `{"messages":[],"messageFeeds":[],"users":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.Update(ctx, "m1", &amity.UpdateMessageParams{})
			}},
		{name: "Flag", method: "POST", path: "/api/v5/messages/m1/flags", empty: `{"messages":[],"messageFeeds":[],"users":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.Flag(ctx, "m1") }},
		{name: "V3.Create", method: "POST", path: "/api/v3/messages", empty: `{"messages":[],"messageFeeds":[],"users":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.V3.Create(ctx, &amity.V3CreateMessageParams{ChannelID: "ch"})
			}},
		{name: "V3.Get", method: "GET", path: "/api/v3/messages/m1", empty: `{"messages":[],"messageFeeds":[],"users":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.V3.Get(ctx, "m1") }},
		{name: "V3.ClearFlags", method: "DELETE", path: "/api/v3/messages/m1/clearFlags", empty: `{"messages":[],"messageFeeds":[],"users":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.V3.ClearFlags(ctx, "m1") }},
		{name: "CreateFeed", method: "POST", path: "/api/v5/message-feeds", empty: `{"messages":[],"messageFeeds":[],"users":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.CreateFeed(ctx, &amity.CreateMessageFeedParams{ChannelID: "ch", Name: "n"})
			}},
		{name: "GetFeed", method: "GET", path: "/api/v5/message-feeds/mf1", empty: `{"messages":[],"messageFeeds":[],"users":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.GetFeed(ctx, "mf1") }},
		{name: "UpdateFeed", method: "PUT", path: "/api/v5/message-feeds/mf1", empty: `{"messages":[],"messageFeeds":[],"users":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.UpdateFeed(ctx, "mf1", &amity.UpdateMessageFeedParams{Name: "n"})
			}},
	})
}

// TestMessagesListPages checks the page iterators of every message list: the pages in
// order, the cursor followed, per-call options on every request, an error yielded once.
func TestMessagesListPages(t *testing.T) {
	ctx := context.Background()
	serve := func(t *testing.T, path, tokenValue, p1, p2 string) (*amity.Client, *recorder) {
		c, mt := mockClient(t)
		return c, recordPages(t, mt, path, "options[token]", tokenValue, p1, p2)
	}
	trace := amity.WithCallHeader("X-Trace", "t1")
	check := func(t *testing.T, sizes []int, seen *recorder) {
		t.Helper()
		require.Len(t, sizes, 2)
		assert.Positive(t, sizes[0])
		require.Len(t, seen.all(), 2)
		for _, r := range seen.all() {
			assert.Equal(t, "t1", r.Header.Get("X-Trace"), "per-call options reach every page")
		}
	}
	msgs1, msgs2 := fixture(t, "messages_page1.json"), fixture(t, "messages_page2.json")
	t.Run("ListPages", func(t *testing.T) {
		c, seen := serve(t, "/api/v5/messages", "vtok-2", msgs1, msgs2)
		var sizes []int
		for p, err := range c.Messages.ListPages(ctx, &amity.ListMessagesParams{MessageFeedID: "support"}, trace) {
			require.NoError(t, err)
			sizes = append(sizes, len(p.Messages))
			assert.NotEmpty(t, p.Raw)
		}
		check(t, sizes, seen)
	})
	t.Run("ListByCreatorPages", func(t *testing.T) {
		c, seen := serve(t, "/api/v5/messages/user/spammer1", "vtok-2", msgs1, msgs2)
		var sizes []int
		for p, err := range c.Messages.ListByCreatorPages(ctx, "spammer1", &amity.ListByCreatorParams{ChannelID: "support"}, trace) {
			require.NoError(t, err)
			sizes = append(sizes, len(p.Messages))
		}
		check(t, sizes, seen)
		var ids []string
		for m, err := range c.Messages.ListByCreator(ctx, "spammer1", &amity.ListByCreatorParams{ChannelID: "support"}) {
			require.NoError(t, err)
			ids = append(ids, m.MessageID)
		}
		assert.Equal(t, []string{"m-101", "m-102", "m-103"}, ids)
	})
	feeds1, feeds2 := fixture(t, "messages_feeds_page1.json"), fixture(t, "messages_feeds_page2.json")
	t.Run("ListFeedsPages", func(t *testing.T) {
		c, seen := serve(t, "/api/v5/message-feeds/channel/64f0", "ftok-2", feeds1, feeds2)
		var sizes []int
		for p, err := range c.Messages.ListFeedsPages(ctx, "64f0", nil, trace) {
			require.NoError(t, err)
			sizes = append(sizes, len(p.MessageFeeds))
		}
		check(t, sizes, seen)
	})
	t.Run("ListFeedsByCreatorPages", func(t *testing.T) {
		c, seen := serve(t, "/api/v5/message-feeds/user/alice", "ftok-2", feeds1, feeds2)
		var sizes []int
		for p, err := range c.Messages.ListFeedsByCreatorPages(ctx, "alice", nil, trace) {
			require.NoError(t, err)
			sizes = append(sizes, len(p.MessageFeeds))
		}
		check(t, sizes, seen)
	})
	t.Run("V3.ListPages", func(t *testing.T) {
		c, seen := serve(t, "/api/v3/messages", "v3tok-2", fixture(t, "messages_v3_page1.json"), fixture(t, "messages_v3_page2.json"))
		var sizes []int
		for p, err := range c.Messages.V3.ListPages(ctx, &amity.V3ListMessagesParams{ChannelID: "support"}, trace) {
			require.NoError(t, err)
			sizes = append(sizes, len(p.Messages))
		}
		check(t, sizes, seen)
	})
	t.Run("errors", func(t *testing.T) {
		c, mt := mockClient(t)
		n := 0
		for p, err := range c.Messages.ListPages(ctx, nil) {
			assert.Nil(t, p)
			assert.ErrorIs(t, err, amity.ErrInvalidArgument)
			n++
		}
		for p, err := range c.Messages.V3.ListPages(ctx, nil) {
			assert.Nil(t, p)
			assert.ErrorIs(t, err, amity.ErrInvalidArgument)
			n++
		}
		for p, err := range c.Messages.ListFeedsPages(ctx, "", nil) {
			assert.Nil(t, p)
			assert.ErrorIs(t, err, amity.ErrInvalidArgument)
			n++
		}
		for p, err := range c.Messages.ListByCreatorPages(ctx, " ", nil) {
			assert.Nil(t, p)
			assert.ErrorIs(t, err, amity.ErrInvalidArgument)
			n++
		}
		for p, err := range c.Messages.ListFeedsByCreatorPages(ctx, "..", nil) {
			assert.Nil(t, p)
			assert.ErrorIs(t, err, amity.ErrInvalidArgument)
			n++
		}
		assert.Equal(t, 5, n)
		assert.Zero(t, mt.GetTotalCallCount())
	})
}
