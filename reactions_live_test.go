package amity_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReactionsSendLive(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	ctx := context.Background()
	rec := record(t, mt, "POST", "/api/v1/reactions/live", fixture(t, "reactions_live.json"), 503, 202)
	at := time.Date(2024, 5, 1, 8, 15, 0, 0, time.FixedZone("CEST", 2*3600))
	params := &amity.SendLiveReactionsParams{StreamID: "stream-1", Reactions: []amity.LiveReactionParams{
		{ReferencePublicID: "post-show", ReactionName: "like", OccurredAt: at},
		{ReferenceID: "65a0c0ffee65a0c0ffee00aa", ReferenceType: amity.ReactionOnPost, ReactionName: "love", UserID: "alice", OccurredAt: at},
	}}
	_, err := u.Reactions.SendLive(ctx, params)
	require.Error(t, err)
	assert.Len(t, rec.all(), 1, "live reactions are never sent twice")

	out, err := u.Reactions.SendLive(ctx, params)
	require.NoError(t, err)
	req := rec.last(t)
	assert.Equal(t, "Bearer user-tok", req.Header.Get("Authorization"))
	assert.JSONEq(t, `{"liveStreamId":"stream-1","reactions":[
		{"referencePublicId":"post-show","referenceType":"post","reactionName":"like","occurredAt":"2024-05-01T06:15:00.000Z"},
		{"userId":"alice","referenceId":"65a0c0ffee65a0c0ffee00aa","referenceType":"post","reactionName":"love","occurredAt":"2024-05-01T06:15:00.000Z"}]}`,
		req.Body, "an empty reference type is sent as post; times in UTC")
	assert.Equal(t, "stream-1", out.LiveStreamID)
	require.Len(t, out.Reactions, 1)
	assert.Equal(t, amity.LiveReaction{UserID: "alice", LiveStreamID: "stream-1", TargetID: "c-makers", TargetType: amity.StreamTargetCommunity,
		ReferencePublicID: "post-show", ReferenceID: "65a0c0ffee65a0c0ffee00aa", ReferenceType: amity.ReactionOnPost, ReactionName: "like",
		OccurredAt: atTime(t, "2024-05-01T08:15:00.000Z")}, out.Reactions[0])
	assert.Contains(t, string(out.Raw), "reactionsFutureField")

	// A room, with the reaction's time left to the SDK: the time of the call.
	rec = record(t, mt, "POST", "/api/v1/reactions/live", `{"addedIds":["lr-1"]}`)
	before := time.Now().Add(-time.Second)
	out, err = u.Reactions.SendLive(ctx, &amity.SendLiveReactionsParams{RoomID: "room-launch",
		Reactions: []amity.LiveReactionParams{{ReferencePublicID: "post-room", ReactionName: "wow"}}})
	require.NoError(t, err)
	assert.Equal(t, []string{"lr-1"}, out.AddedIDs, "the clients' answer")
	var body struct {
		RoomID       string `json:"roomId"`
		LiveStreamID *string
		Reactions    []struct {
			OccurredAt time.Time `json:"occurredAt"`
		} `json:"reactions"`
	}
	require.NoError(t, json.Unmarshal([]byte(rec.last(t).Body), &body))
	assert.Equal(t, "room-launch", body.RoomID)
	assert.Nil(t, body.LiveStreamID)
	require.Len(t, body.Reactions, 1)
	assert.WithinRange(t, body.Reactions[0].OccurredAt, before, time.Now().Add(time.Second))
}

func TestReactionsSendLiveBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	one := []amity.LiveReactionParams{{ReferencePublicID: "p", ReactionName: "like"}}
	send := func(p *amity.SendLiveReactionsParams) func() error {
		return func() error { return errOf(c.Reactions.SendLive(ctx, p)) }
	}
	assertInvalidCases(t, map[string]invalidCase{
		"nil":          {"Reactions.SendLive: params", send(nil)},
		"no target":    {"RoomID", send(&amity.SendLiveReactionsParams{Reactions: one})},
		"both targets": {"StreamID", send(&amity.SendLiveReactionsParams{RoomID: "r", StreamID: "s", Reactions: one})},
		"long room":    {"RoomID", send(&amity.SendLiveReactionsParams{RoomID: longString(51), Reactions: one})},
		"long stream":  {"StreamID", send(&amity.SendLiveReactionsParams{StreamID: longString(51), Reactions: one})},
		"no reactions": {"Reactions", send(&amity.SendLiveReactionsParams{RoomID: "r"})},
		"no reference": {"Reactions[0].ReferencePublicID", send(&amity.SendLiveReactionsParams{RoomID: "r",
			Reactions: []amity.LiveReactionParams{{ReactionName: "like"}}})},
		"no name": {"Reactions[1].ReactionName", send(&amity.SendLiveReactionsParams{RoomID: "r",
			Reactions: append(one, amity.LiveReactionParams{ReferenceID: "p"})})},
		"long name": {"Reactions[0].ReactionName", send(&amity.SendLiveReactionsParams{RoomID: "r",
			Reactions: []amity.LiveReactionParams{{ReferenceID: "p", ReactionName: longString(101)}}})},
	})
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

// TestReactionsSendLiveUnknownEnumsAreSent: a reference type the SDK does not know is sent as
// given.
func TestReactionsSendLiveUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"reference type", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Reactions.SendLive(ctx, &amity.SendLiveReactionsParams{RoomID: "r",
				Reactions: []amity.LiveReactionParams{{ReferenceID: "p", ReferenceType: "clip", ReactionName: "like"}}}))
		}, []string{`"referenceType":"clip"`}},
	})
}

func TestReactionsSendLiveShape(t *testing.T) {
	at := time.Date(2024, 5, 1, 8, 15, 0, 0, time.UTC)
	runShapeCases(t, []shapeCase{
		{name: "SendLive", method: "POST", path: "/api/v1/reactions/live", answer: fixture(t, "reactions_live.json"), attempts: 1,
			body: `{"roomId":"r1","reactions":[{"referencePublicId":"p1","referenceType":"post","reactionName":"like","occurredAt":"2024-05-01T08:15:00.000Z"}]}`,
			check: func(t *testing.T, out any) {
				assert.Equal(t, "like", out.(*amity.LiveReactionsPayload).Reactions[0].ReactionName)
			},
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Reactions.SendLive(ctx, &amity.SendLiveReactionsParams{RoomID: "r1",
					Reactions: []amity.LiveReactionParams{{ReferencePublicID: "p1", ReactionName: "like", OccurredAt: at}}})
			},
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Reactions.SendLive(ctx, nil)) },
			}},
	})
}
