package amitytest

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWebhooksDeliveredSignedAndSpecShaped drives the operations that cause events and checks
// every delivery (see checkDeliveries): its signature, its order, its body against the spec's
// schema and its typed data. The follow, poll and video-streaming events have their own tests.
func TestWebhooksDeliveredSignedAndSpecShaped(t *testing.T) {
	srv := newServer(t)
	got := webhookReceiver(t, srv)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	admin := srv.AdminToken()

	m := ok(t, call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "hi"}}))
	pid := list(t, m, "posts")[0]["postId"].(string)
	ok(t, call(t, srv, alice, "PUT", "/api/v4/posts/"+pid, map[string]any{"data": map[string]any{"text": "hi again"}}))
	ok(t, call(t, srv, bob, "POST", "/api/v3/posts/"+pid+"/flag", nil))
	ok(t, call(t, srv, bob, "DELETE", "/api/v3/posts/"+pid+"/unflag", nil))
	cm := ok(t, call(t, srv, bob, "POST", "/api/v3/comments", map[string]any{"referenceId": pid, "referenceType": "post", "data": map[string]any{"text": "c"}}))
	cid := list(t, cm, "comments")[0]["commentId"].(string)
	ok(t, call(t, srv, alice, "POST", "/api/v3/comments", map[string]any{"referenceId": pid, "parentId": cid, "data": map[string]any{"text": "r"}}))
	com := ok(t, call(t, srv, alice, "POST", "/api/v3/communities", map[string]any{"displayName": "hikers", "isPublic": true}))
	comID := list(t, com, "communities")[0]["communityId"].(string)
	ok(t, call(t, srv, bob, "POST", "/api/v3/communities/"+comID+"/join", nil))
	srv.AddUser("carol", "Carol")
	ok(t, call(t, srv, admin, "POST", "/api/v3/communities/"+comID+"/users", map[string]any{"userIds": []string{"carol"}}))
	ok(t, call(t, srv, admin, "PUT", "/api/v3/communities/"+comID+"/users/ban", map[string]any{"userIds": []string{"carol"}}))
	ok(t, call(t, srv, alice, "POST", "/api/v3/channels", map[string]any{"channelId": "general", "type": "community", "userIds": []string{"bob"}}))
	msg := ok(t, call(t, srv, bob, "POST", "/api/v5/messages", map[string]any{"messageFeedId": defaultFeed(t, srv, alice, "general"), "referenceId": "r1", "dataType": "text", "data": map[string]any{"text": "yo"}}))
	mid := list(t, msg, "messages")[0]["messageId"].(string)
	ok(t, call(t, srv, bob, "PUT", "/api/v5/messages/"+mid, map[string]any{"data": map[string]any{"text": "yo!"}}))
	ok(t, call(t, srv, alice, "POST", "/api/v5/messages/"+mid+"/flags", nil))
	ok(t, call(t, srv, alice, "POST", "/api/v3/messages", map[string]any{"channelId": "general", "data": map[string]any{"text": "v3"}}))
	ok(t, call(t, srv, alice, "POST", "/api/v4/me/flags/bob", nil))
	ok(t, call(t, srv, admin, "POST", "/api/v2/users/ban", map[string]any{"userId": "carol"}))
	ok(t, call(t, srv, alice, "DELETE", "/api/v4/posts/"+pid, nil))
	ok(t, call(t, srv, bob, "DELETE", "/api/v3/communities/"+comID+"/leave", nil))
	ok(t, call(t, srv, bob, "DELETE", "/api/v3/channels/general/leave", nil))
	register(t, srv, "dave", "d1")

	checkDeliveries(t, srv, got, []string{
		"v3.post.didCreate", "v3.post.didUpdate", "v3.post.didFlag", "v3.post.didUnflag",
		"v3.comment.didCreate", "v3.comment.didReply",
		"v3.community.didJoin", "v3.community.didAddUsers", "v3.community.didBan",
		"channel.didCreate", "v5.message.didCreate", "v5.message.didUpdate", "message.didFlag",
		"message.didCreate", "user.didFlag", "moderation.didBan", "v3.post.didDelete",
		"v3.community.didLeave", "channel.didLeave", "user.didCreate",
	})
}

func TestWebhookOffSendsNothing(t *testing.T) {
	srv := newServer(t)
	ts, got := receiver(t, nil)
	srv.SetWebhook(ts.URL, []byte("k"))
	srv.SetWebhook("", nil)
	ok(t, call(t, srv, srv.UserToken("alice"), "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "hi"}}))
	require.NoError(t, srv.FlushWebhooks(context.Background()))
	assert.Empty(t, got())
}

func TestWebhookSlowReceiverDoesNotBlockTheAPI(t *testing.T) {
	srv := NewServer()
	stuckReceiver(t, srv)
	alice := srv.UserToken("alice")
	start := time.Now()
	for range 5 {
		ok(t, call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "hi"}}))
	}
	assert.Less(t, time.Since(start), time.Second)
	done := make(chan struct{})
	go func() { srv.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close hung on a stuck receiver")
	}
}

func TestPreHookObeyed(t *testing.T) {
	srv := newServer(t)
	secret := []byte("pre")
	var action string
	ts, got := receiver(t, func(body []byte) (int, string) {
		return http.StatusOK, action
	})
	srv.SetPreHook(ts.URL, secret, time.Second, "allow")
	alice := srv.UserToken("alice")
	srv.AddUser("bob", "Bob")
	ok(t, call(t, srv, alice, "POST", "/api/v3/channels", map[string]any{"channelId": "general", "type": "community"}))
	general := defaultFeed(t, srv, alice, "general")

	action = `{"action":"deny","message":"no links"}`
	r := call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "http://x"}})
	r.isError(t, http.StatusBadRequest, 400000)
	assert.Equal(t, "no links", r.obj(t)["message"])
	feed := ok(t, call(t, srv, alice, "GET", "/api/v4/posts?targetType=user&targetId=alice", nil))
	assert.Empty(t, list(t, feed, "posts"))
	r = call(t, srv, alice, "POST", "/api/v5/messages", map[string]any{"messageFeedId": general, "referenceId": "r1", "dataType": "text", "data": map[string]any{"text": "x"}})
	assert.Equal(t, 400000, r.code(t))

	action = `{"action":"allow","data":{"data":{"text":"clean"},"tags":["checked"]}}`
	m := ok(t, call(t, srv, alice, "POST", "/api/v5/messages", map[string]any{"messageFeedId": general, "referenceId": "r2", "dataType": "text", "data": map[string]any{"text": "dirty"}}))
	msg := list(t, m, "messages")[0]
	assert.Equal(t, "clean", msg["data"].(map[string]any)["text"])
	assert.Equal(t, []any{"checked"}, msg["tags"])
	assert.Equal(t, 1.0, msg["segment"])
	action = `{"action":"allow","data":{"data":{"text":"edited clean"}}}`
	m = ok(t, call(t, srv, alice, "PUT", "/api/v5/messages/"+msg["messageId"].(string), map[string]any{"data": map[string]any{"text": "edited dirty"}}))
	assert.Equal(t, "edited clean", list(t, m, "messages")[0]["data"].(map[string]any)["text"])

	action = `{"action":"allow"}`
	m = ok(t, call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "fine"}}))
	assert.Equal(t, "fine", list(t, m, "posts")[0]["data"].(map[string]any)["text"])

	reqs := got()
	wantEvents := []string{"channel.shouldCreate", "post.shouldCreate", "message.shouldCreate", "message.shouldCreate", "message.shouldUpdate", "post.shouldCreate"}
	require.Len(t, reqs, len(wantEvents))
	for i, r := range reqs {
		assert.Equal(t, sig(r.body, secret), r.header.Get("X-Amity-Signature"))
		mac := hmac.New(sha256.New, secret)
		mac.Write(r.body)
		assert.Equal(t, strings.ToLower(hexString(mac.Sum(nil))), r.header.Get("X-Signature"))
		var req struct {
			EventName string         `json:"eventName"`
			Data      map[string]any `json:"data"`
			Actor     struct {
				ID     string `json:"_id"`
				UserID string `json:"userId"`
			} `json:"actor"`
		}
		require.NoError(t, json.Unmarshal(r.body, &req))
		assert.Equal(t, "alice", req.Actor.UserID)
		assert.NotEmpty(t, req.Actor.ID)
		assert.Equal(t, wantEvents[i], req.EventName, "pre-hook call #%d", i)
	}
	// A bad answer applies the default action.
	action = `not json`
	srv.SetPreHook(ts.URL, secret, time.Second, "deny")
	r = call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "x"}})
	assert.Equal(t, 400000, r.code(t))
	calls := srv.PreHookCalls()
	assert.Equal(t, "deny", calls[len(calls)-1].Action)
}

// TestCloseWhileStreamEventWaitsForAFullQueue closes the server while StartStream (a Server
// method, not a handler, so Close does not wait for it) waits to queue its event into a full
// webhook queue. The emit must give up (the event recorded as dropped) instead of sending on
// the queue Close shuts: it used to panic with "send on closed channel".
func TestCloseWhileStreamEventWaitsForAFullQueue(t *testing.T) {
	srv := NewServer(WithoutRateLimit())
	stuckReceiver(t, srv)
	alice := srv.UserToken("alice")
	var streams []string
	for i := range 4 {
		m := ok(t, call(t, srv, alice, "POST", "/api/v3/video-streaming", map[string]any{"title": fmt.Sprint("s", i)}))
		streams = append(streams, list(t, m, "videoStreamings")[0]["streamId"].(string))
	}

	// The stuck receiver holds the first event; the next webhookQueueSize fill the queue.
	srv.mu.Lock()
	fill := srv.asUser("alice")
	for i := range webhookQueueSize + 2 {
		fill.emit("test.fill", i)
	}
	srv.mu.Unlock()

	errs := make(chan error, len(streams))
	waiting := make(chan struct{})
	go func() {
		close(waiting)
		for _, id := range streams { // each waits up to the 100 ms hand-off, or until Close
			errs <- srv.StartStream(id)
		}
		close(errs)
	}()
	<-waiting
	time.Sleep(30 * time.Millisecond) // the first StartStream is waiting for room in the queue
	closed := make(chan struct{})
	go func() { srv.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("Close hung")
	}
	for err := range errs {
		require.NoError(t, err)
	}
	var dropped int
	for _, d := range srv.WebhookDeliveries() {
		if d.Event == "video-streaming.didStart" {
			require.Error(t, d.Err, "an event that waited for the queue while it closed is dropped")
			dropped++
		}
	}
	assert.Positive(t, dropped, "the event waiting when Close came is recorded as dropped")
	require.NoError(t, srv.FlushWebhooks(context.Background()), "nothing stays pending after Close")
}
