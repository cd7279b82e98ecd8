package amity_test

// The v3 messages (c.Messages.V3): the older message API, addressed by channel.

import (
	"context"
	"net/url"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMessagesListV3(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "messages_v3_page1.json"), fixture(t, "messages_v3_page2.json")
	listing := recordPages(t, mt, "/api/v3/messages", "options[token]", "v3tok-2", p1, p2)
	ctx := context.Background()
	params := &amity.V3ListMessagesParams{ChannelID: "support", HasFlags: amity.Ptr(true), Type: amity.MessageDataTypeText,
		FilterByParentID: amity.Ptr(true), Tags: []string{"promo"}, Last: 2, Before: 60}
	var ids []string
	for m, err := range c.Messages.V3.List(ctx, params) {
		require.NoError(t, err)
		ids = append(ids, m.MessageID)
	}
	assert.Equal(t, []string{"v3m-1", "v3m-2", "v3m-3"}, ids)
	require.Len(t, listing.all(), 2)
	assert.Equal(t, url.Values{"channelId": {"support"}, "hasFlag": {"true"}, "type": {"text"}, "filterByParentId": {"true"},
		"tags[]": {"promo"}, "options[last]": {"2"}, "options[before]": {"60"}}, listing.all()[0].Values())
	assert.Equal(t, url.Values{"channelId": {"support"}, "hasFlag": {"true"}, "type": {"text"}, "filterByParentId": {"true"},
		"tags[]": {"promo"}, "options[token]": {"v3tok-2"}}, listing.all()[1].Values())

	p, err := c.Messages.V3.ListPage(ctx, &amity.V3ListMessagesParams{ChannelID: "support"})
	require.NoError(t, err)
	assert.Equal(t, "v3tok-0", p.Paging.Previous, `"prev" decodes into Previous`)
	m := &p.Messages[0]
	assert.Equal(t, "v3-priv-1", m.ID)
	assert.Equal(t, 55, m.ChannelSegment)
	assert.Equal(t, amity.MessageReactionCounts{"angry": 1}, m.Reactions)
	assert.Equal(t, 1, m.ReactionsCount)
	require.NotNil(t, m.HashFlag)
	assert.Equal(t, 64, m.HashFlag.Bits)
	require.Len(t, m.Mentionees, 1)
	assert.Equal(t, []string{"u-int-alice"}, m.Mentionees[0].UserInternalIDs)
	assert.Contains(t, string(p.Raw), "futureField")
	assert.Same(t, m, p.Message())
	assert.Equal(t, "Spam Bot", p.Author(m).DisplayName)
	assert.Empty(t, p.MessageFiles(m))
	doc := p.MessageByID("v3m-2")
	require.NotNil(t, doc)
	files := p.MessageFiles(doc)
	require.Len(t, files, 1)
	assert.Equal(t, "application/pdf", files[0].Attributes.MimeType)
	assert.NotNil(t, p.FileByID("file-doc-1"))
	assert.NotNil(t, p.UserByID("spammer1"))
}

func TestMessagesV3Writes(t *testing.T) {
	v3 := fixture(t, "messages_v3_page1.json")
	runShapeCases(t, []shapeCase{
		{name: "CreateV3", method: "POST", path: "/api/v3/messages", body: `{"channelId":"support","type":"text","data":{"text":"hi"},"mentionees":[{"type":"channel"}]}`, answer: v3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.V3.Create(ctx, &amity.V3CreateMessageParams{ChannelID: "support", Type: amity.MessageDataTypeText,
					Data: map[string]any{"text": "hi"}, Mentionees: []amity.V3MessageMentionee{{Type: amity.MessageMentionChannel}}})
			},
			check: func(t *testing.T, out any) {
				p := out.(*amity.V3MessagePayload)
				assert.Equal(t, "Spam Bot", p.Author(&p.Messages[0]).DisplayName)
			}},
		{name: "GetV3", method: "GET", path: "/api/v3/messages/v3m-1", answer: v3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.V3.Get(ctx, "v3m-1") }},
		{name: "GetManyV3", method: "GET", path: "/api/v3/messages/list", values: url.Values{"messageIds[]": {"v3m-1", "v3m-2"}}, answer: v3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.V3.GetMany(ctx, &amity.V3GetManyMessagesParams{MessageIDs: []string{"v3m-1", "v3m-2"}})
			}},
		{name: "UpdateV3", method: "PUT", path: "/api/v3/messages/v3m-1", body: `{"tags":["x"],"metadata":{"a":true}}`, answer: v3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.V3.Update(ctx, "v3m-1", &amity.V3UpdateMessageParams{Tags: []string{"x"}, Metadata: map[string]any{"a": true}})
			}},
		{name: "DeleteV3", method: "DELETE", path: "/api/v3/messages/v3m-1", answer: `{"status":"success","data":{"success":true}}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Messages.V3.Delete(ctx, "v3m-1"))
			}},
		{name: "FlagV3", method: "POST", path: "/api/v3/messages/v3m-1/flag", answer: v3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.V3.Flag(ctx, "v3m-1") }},
		{name: "UnflagV3", method: "DELETE", path: "/api/v3/messages/v3m-1/unflag", answer: v3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.V3.Unflag(ctx, "v3m-1") }},
		{name: "ClearFlagsV3", method: "DELETE", path: "/api/v3/messages/v3m-1/clearFlags", answer: v3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.V3.ClearFlags(ctx, "v3m-1") }},
		{name: "IsFlaggedByMeV3", method: "GET", path: "/api/v3/messages/v3m-1/isFlaggedByMe", answer: `{"status":"success","data":{"result":true}}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.V3.IsFlaggedByMe(ctx, "v3m-1")
			},
			check: func(t *testing.T, out any) { assert.Equal(t, true, out) }},
	})
}

func TestMessagesV3RetryPolicy(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "CreateV3", method: "POST", path: "/api/v3/messages", attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Messages.V3.Create(ctx, &amity.V3CreateMessageParams{ChannelID: "ch"})
			}},
		{name: "FlagV3", method: "POST", path: "/api/v3/messages/m/flag", attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Messages.V3.Flag(ctx, "m") }},
	})
}
