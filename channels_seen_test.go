package amity_test

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
)

func TestChannelsMarkManySeen(t *testing.T) {
	mark := func(p *amity.MarkManySeenParams) func(context.Context, *amity.Client) (any, error) {
		return func(ctx context.Context, c *amity.Client) (any, error) {
			return shapeErr(c.Channels.MarkManySeen(ctx, p))
		}
	}
	two := &amity.MarkManySeenParams{Channels: []amity.ChannelSeen{{ChannelID: "ch1", ReadToSegment: 12}, {ChannelID: "ch/2", ReadToSegment: 1}}}
	runShapeCases(t, []shapeCase{
		{name: "no answer body", method: "POST", path: "/api/v3/channels/seen", answer: "", call: mark(two),
			body: `{"channels":[{"channelId":"ch1","readToSegment":12},{"channelId":"ch/2","readToSegment":1}]}`},
		{name: "an answer body", method: "POST", path: "/api/v3/channels/seen", answer: `{"success":true}`, call: mark(two),
			body: `{"channels":[{"channelId":"ch1","readToSegment":12},{"channelId":"ch/2","readToSegment":1}]}`},
		{name: "rules", method: "POST", path: "/api/v3/channels/seen", attempts: 3, unsuccessful: successFalse, call: mark(two),
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error { return c.Channels.MarkManySeen(ctx, nil) },
				func(ctx context.Context, c *amity.Client) error {
					return c.Channels.MarkManySeen(ctx, &amity.MarkManySeenParams{})
				},
			}},
	})
	c, mt := mockClient(t)
	ctx := context.Background()
	mark1 := func(ch amity.ChannelSeen) func() error {
		return func() error {
			return c.Channels.MarkManySeen(ctx, &amity.MarkManySeenParams{Channels: []amity.ChannelSeen{{ChannelID: "ok", ReadToSegment: 1}, ch}})
		}
	}
	assertInvalidCases(t, map[string]invalidCase{
		"nil":          {"Channels.MarkManySeen: params", func() error { return c.Channels.MarkManySeen(ctx, nil) }},
		"none":         {"Channels", func() error { return c.Channels.MarkManySeen(ctx, &amity.MarkManySeenParams{}) }},
		"no channel":   {"Channels[1].ChannelID", mark1(amity.ChannelSeen{ReadToSegment: 1})},
		"long channel": {"Channels[1].ChannelID", mark1(amity.ChannelSeen{ChannelID: longString(129), ReadToSegment: 1})},
		"segment 0":    {"Channels[1].ReadToSegment", mark1(amity.ChannelSeen{ChannelID: "c"})},
	})
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}
