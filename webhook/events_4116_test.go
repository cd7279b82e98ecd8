package webhook_test

import (
	"context"
	"testing"

	"github.com/amity-go/amity/webhook"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The events of spec 4.116.1 decode from the bodies the API sends (and the fake emits), into
// their typed data.
func TestEventsOf4116Decode(t *testing.T) {
	parse := func(body string) *webhook.Event {
		t.Helper()
		ev, err := webhook.Parse([]byte(body))
		require.NoError(t, err)
		return ev
	}

	ev := parse(`{"networkId":"n1","event":"file.didDelete","data":{"fileId":"f1","type":"image","accessType":"network","altText":"A bike",
		"attributes":{"name":"bike.png","size":"2048"},"createdAt":"2024-05-01T12:00:00Z","updatedAt":"2024-05-02T12:00:00Z"}}`)
	assert.Equal(t, webhook.EventFileDidDelete, ev.Name)
	f, ok := ev.Data.(*webhook.FileEvent)
	require.True(t, ok, "%T", ev.Data)
	assert.Equal(t, "f1", f.FileID)
	assert.EqualValues(t, 2048, f.Attributes.Size)
	assert.Equal(t, 2, f.UpdatedAt.Day())

	for _, name := range []webhook.EventName{webhook.EventUserDidBlock, webhook.EventUserDidUnblock} {
		ev = parse(`{"event":"` + string(name) + `","data":{"from":"alice","to":"mallory","status":"none","createdAt":"2024-05-01T12:00:00Z"}}`)
		b, ok := ev.Data.(*webhook.BlockEvent)
		require.True(t, ok, "%s: %T", name, ev.Data)
		assert.Equal(t, "alice", b.From)
		assert.Equal(t, "mallory", b.To)
	}

	ev = parse(`{"event":"user.profileReset","data":{"users":[{"userId":"u1","displayName":""}],"files":[]}}`)
	u, ok := ev.Data.(*webhook.UserEvent)
	require.True(t, ok, "%T", ev.Data)
	assert.Equal(t, "u1", u.User().UserID)

	ev = parse(`{"event":"v3.post.didModerate","data":{"posts":[{"postId":"p1","data":{"text":"hi"}}],"users":[]}}`)
	p, ok := ev.Data.(*webhook.PostEvent)
	require.True(t, ok, "%T", ev.Data)
	assert.Equal(t, "p1", p.Post().PostID)

	ev = parse(`{"event":"v3.comment.didModerate","data":{"comments":[{"commentId":"c1"}]}}`)
	c, ok := ev.Data.(*webhook.CommentEvent)
	require.True(t, ok, "%T", ev.Data)
	assert.Equal(t, "c1", c.Comment().CommentID)

	ev = parse(`{"event":"v3.communityJoinRequest.didAccept","data":{"joinRequests":[{"_id":"j-private","joinRequestId":"j1",
		"targetType":"community","targetId":"c1","type":"communityJoinRequest","status":"approved","requestorId":"bob",
		"responderId":"alice","respondedAt":"2024-05-02T10:00:00Z","createdAt":"2024-05-01T10:00:00Z"}],
		"users":[{"userId":"bob"},{"userId":"alice"}],"files":[],"roles":[{"roleId":"moderator"}]}}`)
	assert.Equal(t, webhook.EventCommunityJoinRequestDidAccept, ev.Name)
	jr, ok := ev.Data.(*webhook.CommunityJoinRequestEvent)
	require.True(t, ok, "%T", ev.Data)
	require.Len(t, jr.JoinRequests, 1)
	assert.Equal(t, "approved", jr.JoinRequests[0].Status)
	assert.Equal(t, "alice", jr.JoinRequests[0].ResponderID)
	assert.Equal(t, 2, jr.JoinRequests[0].RespondedAt.Day())
	assert.Len(t, jr.Users, 2)
	assert.Equal(t, "moderator", jr.Roles[0].RoleID)

	ev = parse(`{"event":"v3.communityMemberInvitation.didCreate","data":{"invitations":[{"_id":"i-private","invitationId":"i1",
		"type":"communityMemberInvite","targetType":"community","targetId":"c1","communityId":"c1","userId":"carol","status":"pending",
		"createdBy":"alice","invitedUserId":"carol","inviterUserId":"alice","respondedAt":null}],"users":[{"userId":"carol"}]}}`)
	inv, ok := ev.Data.(*webhook.CommunityInvitationEvent)
	require.True(t, ok, "%T", ev.Data)
	require.Len(t, inv.Invitations, 1)
	assert.Equal(t, "pending", inv.Invitations[0].Status)
	assert.Equal(t, "carol", inv.Invitations[0].InvitedUserID)
	assert.True(t, inv.Invitations[0].RespondedAt.IsZero())
}

// On checks the data type of the new events as of the others.
func TestOnTypesTheEventsOf4116(t *testing.T) {
	h, err := webhook.NewHandler([]byte("s"))
	require.NoError(t, err)
	webhook.On(h, webhook.EventUserDidBlock, func(_ context.Context, _ *webhook.Event, _ *webhook.BlockEvent) error { return nil })
	webhook.On(h, webhook.EventCommunityMemberInvitationDidReject,
		func(_ context.Context, _ *webhook.Event, _ *webhook.CommunityInvitationEvent) error { return nil })
	assert.Panics(t, func() {
		webhook.On(h, webhook.EventFileDidDelete, func(_ context.Context, _ *webhook.Event, _ *webhook.UserEvent) error { return nil })
	})
}
