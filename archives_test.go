package amity_test

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestArchivesShapes(t *testing.T) {
	const ch = "60e4b1b4b3b2b5c4c4b3b2b5"
	badIDs := func(call func(ctx context.Context, c *amity.Client, channelID string) error) []func(ctx context.Context, c *amity.Client) error {
		var out []func(ctx context.Context, c *amity.Client) error
		for _, id := range []string{"", "general", "60e4b1b4b3b2b5c4c4b3b2b", "60e4b1b4b3b2b5c4c4b3b2bz", "../e4b1b4b3b2b5c4c4b3b2b5"} {
			out = append(out, func(ctx context.Context, c *amity.Client) error { return call(ctx, c, id) })
		}
		return out
	}
	runShapeCases(t, []shapeCase{
		{name: "GetChannels", method: "GET", path: "/api/v1/archives/channels", answer: fixture(t, "archives_channels.json"), attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Archives.GetChannels(ctx) },
			check: func(t *testing.T, out any) {
				p := out.(*amity.ArchivedChannelsPayload)
				require.Len(t, p.Archives, 2)
				assert.Equal(t, atTime(t, "2024-04-30T08:30:00.000Z"), p.ArchiveByChannelID("60e4b1b4b3b2b5c4c4b3b2b6").ArchivedAt)
				assert.Nil(t, p.ArchiveByChannelID("nope"))
				assert.Contains(t, string(p.Raw), "archiveFutureField")
			}},
		{name: "AddChannel", method: "POST", path: "/api/v1/archives/channels/" + ch, answer: fixture(t, "archives_channel.json"), attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Archives.AddChannel(ctx, ch) },
			check: func(t *testing.T, out any) {
				p := out.(*amity.ArchivedChannelPayload)
				assert.Equal(t, ch, p.ChannelID)
				assert.Equal(t, atTime(t, "2024-05-01T12:00:00.000Z"), p.ArchivedAt)
			},
			invalid: badIDs(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Archives.AddChannel(ctx, id))
			})},
		{name: "RemoveChannel", method: "DELETE", path: "/api/v1/archives/channels/" + ch, answer: `{"success":true}`, attempts: 3,
			unsuccessful: successFalse,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Archives.RemoveChannel(ctx, ch))
			},
			invalid: badIDs(func(ctx context.Context, c *amity.Client, id string) error { return c.Archives.RemoveChannel(ctx, id) })},
	})
}

// Archives are the token user's: a view from AsUser sends the user's token.
func TestArchivesAsUser(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	rec := record(t, mt, "POST", "/api/v1/archives/channels/60e4b1b4b3b2b5c4c4b3b2b5", fixture(t, "archives_channel.json"))
	_, err := u.Archives.AddChannel(context.Background(), "60e4b1b4b3b2b5c4c4b3b2b5")
	require.NoError(t, err)
	assert.Equal(t, "Bearer user-tok", rec.only(t).Header.Get("Authorization"))
	assert.Empty(t, rec.only(t).Body)
}

// The spec's schema of GET /api/v1/archives/channels is malformed (a response object nested
// where a schema belongs, so anything validates): only the archive answer is checked.
func TestArchivesFixturesMatchSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"archives_channel.json": {"POST", "/api/v1/archives/channels/60e4b1b4b3b2b5c4c4b3b2b5"},
	})
}

// Against the fake: a member archives a conversation by its internal ID.
func TestArchivesAgainstFake(t *testing.T) {
	ctx := context.Background()
	c, srv := fakeClient(t)
	alice, err := c.AsUser("alice")
	require.NoError(t, err)
	srv.UserToken("bob") // bob exists
	ch, err := alice.Channels.CreateConversation(ctx, &amity.CreateConversationParams{UserIDs: []string{"bob"}})
	require.NoError(t, err)
	conv := ch.Channel()
	a, err := alice.Archives.AddChannel(ctx, conv.ChannelInternalID)
	require.NoError(t, err)
	assert.Equal(t, conv.ChannelID, a.ChannelID)
	got, err := alice.Archives.GetChannels(ctx)
	require.NoError(t, err)
	require.NotNil(t, got.ArchiveByChannelID(conv.ChannelID))
	assert.Equal(t, a.ArchivedAt, got.ArchiveByChannelID(conv.ChannelID).ArchivedAt)
	require.NoError(t, alice.Archives.RemoveChannel(ctx, conv.ChannelInternalID))
	got, err = alice.Archives.GetChannels(ctx)
	require.NoError(t, err)
	assert.Empty(t, got.Archives)
}
