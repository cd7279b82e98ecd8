package amitytest

// The webhook package imports the root package only, never amitytest, so this internal test
// may import it without a cycle.

import (
	"net/http"
	"testing"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/webhook"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFollowWebhooks(t *testing.T) {
	srv := newServer(t)
	got := webhookReceiver(t, srv)
	alice, bob, carol := srv.UserToken("alice"), srv.UserToken("bob"), srv.UserToken("carol")
	type rel struct{ from, to string }
	var wantRels []rel
	do := func(token, method, path string, from, to string) {
		t.Helper()
		ok(t, call(t, srv, token, method, path, nil))
		if from != "" {
			wantRels = append(wantRels, rel{from, to})
		}
	}
	do(alice, "POST", "/api/v4/me/following/bob", "alice", "bob")   // didCreate
	do(alice, "POST", "/api/v4/me/following/bob", "", "")           // already following: nothing
	do(alice, "DELETE", "/api/v4/me/following/bob", "alice", "bob") // didUnfollow
	do(alice, "DELETE", "/api/v4/me/following/bob", "", "")         // no relation: nothing
	do(carol, "POST", "/api/v4/me/following/alice", "carol", "alice")
	do(alice, "DELETE", "/api/v4/me/followers/carol", "carol", "alice") // didDeleteFollower
	srv.SetFollowApproval(true)
	do(alice, "POST", "/api/v4/me/following/bob", "alice", "bob") // didRequest
	do(bob, "POST", "/api/v4/me/followers/alice", "alice", "bob") // didAcceptRequest
	do(bob, "POST", "/api/v4/me/followers/alice", "", "")         // already accepted: nothing
	do(carol, "POST", "/api/v4/me/following/bob", "carol", "bob")
	do(carol, "DELETE", "/api/v4/me/following/bob", "carol", "bob") // didCancelRequest
	do(carol, "POST", "/api/v4/me/following/bob", "carol", "bob")
	do(bob, "DELETE", "/api/v4/me/followers/carol", "carol", "bob") // didDeclineRequest

	events := checkDeliveries(t, srv, got, []string{
		"follow.didCreate", "follow.didUnfollow", "follow.didCreate", "follow.didDeleteFollower",
		"follow.didRequest", "follow.didAcceptRequest", "follow.didRequest", "follow.didCancelRequest",
		"follow.didRequest", "follow.didDeclineRequest",
	})
	require.Len(t, events, len(wantRels))
	for i, ev := range events {
		d, isFollow := ev.Data.(*webhook.FollowEvent)
		require.True(t, isFollow, "%s data is %T", ev.Name, ev.Data)
		assert.Equal(t, wantRels[i].from, d.From, "%s from", ev.Name)
		assert.Equal(t, wantRels[i].to, d.To, "%s to", ev.Name)
		assert.Equal(t, amity.UserFollowNone, d.Status, "%s status: the spec allows none only", ev.Name)
		assert.False(t, d.CreatedAt.IsZero(), "%s createdAt", ev.Name)
		assert.False(t, d.UpdatedAt.IsZero(), "%s updatedAt", ev.Name)
	}
}

func TestPollWebhooks(t *testing.T) {
	srv := newServer(t)
	got := webhookReceiver(t, srv)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	m := ok(t, call(t, srv, alice, "POST", "/api/v3/polls", map[string]any{"question": "Tea?",
		"answers": []map[string]any{{"dataType": "text", "data": "yes"}, {"dataType": "text", "data": "no"}}}))
	pl := list(t, m, "polls")[0]
	id := pl["pollId"].(string)
	yes := pl["answers"].([]any)[0].(map[string]any)["id"].(string)
	ok(t, call(t, srv, bob, "POST", "/api/v3/polls/"+id+"/votes", map[string]any{"answerIds": []string{yes}}))
	ok(t, call(t, srv, alice, "PUT", "/api/v3/polls/"+id, map[string]any{"status": "closed"}))
	r := call(t, srv, bob, "POST", "/api/v3/polls/"+id+"/votes", map[string]any{"answerIds": []string{yes}})
	assert.Equal(t, http.StatusBadRequest, r.status, "a closed poll refuses votes, and sends nothing")
	ok(t, call(t, srv, alice, "DELETE", "/api/v3/polls/"+id, nil)) // the spec has no poll.didDelete

	events := checkDeliveries(t, srv, got, []string{"poll.didCreate", "poll.didVote", "poll.didUpdate"})
	wantStatus := []amity.PollStatus{"open", "open", "closed"}
	wantVotes := []int{0, 1, 1}
	for i, ev := range events {
		d, isPoll := ev.Data.(*webhook.PollEvent)
		require.True(t, isPoll, "%s data is %T", ev.Name, ev.Data)
		p := d.Poll()
		require.NotNil(t, p, ev.Name)
		assert.Equal(t, id, p.PollID, ev.Name)
		assert.Equal(t, "Tea?", p.Question, ev.Name)
		assert.Equal(t, wantStatus[i], p.Status, ev.Name)
		require.NotNil(t, p.Answer(yes), ev.Name)
		assert.Equal(t, wantVotes[i], p.Answer(yes).VoteCount, ev.Name)
		require.NotNil(t, d.Creator(p), "%s sideloads the creator", ev.Name)
		assert.Equal(t, "alice", d.Creator(p).UserID, ev.Name)
	}
}

func TestVideoStreamingWebhooks(t *testing.T) {
	srv := newServer(t)
	got := webhookReceiver(t, srv)
	alice := srv.UserToken("alice")
	newStream := func(title string) string {
		t.Helper()
		m := ok(t, call(t, srv, alice, "POST", "/api/v3/video-streaming", map[string]any{"title": title}))
		return list(t, m, "videoStreamings")[0]["streamId"].(string)
	}
	endURL := func(id string) {
		t.Helper()
		ok(t, call(t, srv, alice, "DELETE", "/api/v3/video-streaming/"+id+"/streaming-url", nil, "X-API-Key", srv.APIKey()))
	}
	live := newStream("live") // creating sends nothing
	require.NoError(t, srv.StartStream(live))
	endURL(live)
	endURL(live) // already ended: nothing
	require.NoError(t, srv.RecordStream(live))
	idle := newStream("idle")
	endURL(idle) // an idle stream never started: it does not stop
	deleted := newStream("deleted")
	require.NoError(t, srv.StartStream(deleted))
	ok(t, call(t, srv, alice, "DELETE", "/api/v3/video-streaming/"+deleted, nil))

	events := checkDeliveries(t, srv, got, []string{
		"video-streaming.didStart", "video-streaming.didStop", "video-streaming.didRecord",
		"video-streaming.didStart", "video-streaming.didStop",
	})
	want := []struct {
		id      string
		status  amity.VideoStreamingStatus
		deleted bool
	}{
		{live, amity.VideoStreamingLive, false}, {live, amity.VideoStreamingEnded, false},
		{live, amity.VideoStreamingRecorded, false}, {deleted, amity.VideoStreamingLive, false},
		{deleted, amity.VideoStreamingEnded, true},
	}
	for i, ev := range events {
		d, isStream := ev.Data.(*webhook.VideoStreamingEvent)
		require.True(t, isStream, "%s data is %T", ev.Name, ev.Data)
		require.Len(t, d.VideoStreamings, 1, ev.Name)
		s := d.VideoStreamings[0]
		assert.Equal(t, want[i].id, s.StreamID, ev.Name)
		assert.Equal(t, want[i].status, s.Status, ev.Name)
		assert.Equal(t, want[i].deleted, s.IsDeleted, ev.Name)
		assert.Equal(t, "alice", s.UserID, ev.Name)
		assert.False(t, s.StartedAt.IsZero(), "%s startedAt", ev.Name)
		assert.Equal(t, s.Status == amity.VideoStreamingRecorded, len(s.Recordings) > 0, "%s recordings", ev.Name)
		require.Len(t, d.Users, 1, ev.Name)
		assert.Equal(t, "alice", d.Users[0].UserID, ev.Name)
	}
}
