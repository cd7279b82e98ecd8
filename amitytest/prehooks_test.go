package amitytest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/amity-go/amity/webhook"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// preHookReplies are the replies of a test pre-hook receiver, by event; an event without one
// is allowed.
type preHookReplies struct {
	mu sync.Mutex
	m  map[string]string
}

func (p *preHookReplies) set(event, reply string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.m == nil {
		p.m = map[string]string{}
	}
	p.m[event] = reply
}

func (p *preHookReplies) clear(event string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.m, event)
}

func (p *preHookReplies) reply(body []byte) (int, string) {
	var req struct {
		EventName string `json:"eventName"`
	}
	_ = json.Unmarshal(body, &req)
	p.mu.Lock()
	defer p.mu.Unlock()
	if r, ok := p.m[req.EventName]; ok {
		return http.StatusOK, r
	}
	return http.StatusOK, `{"action":"allow"}`
}

// TestPreHookDeleteFlagAndChannelEvents drives the 8 pre-hook events beyond post and message
// create and update: each one denied leaves the state as it was (the same GET answer, no
// webhook) and allowed goes on; channel.shouldCreate and channel.shouldUpdate apply a
// modification; a timeout applies the default action. Every call is recorded with its event
// and a body that webhook.ParsePreHook decodes.
func TestPreHookDeleteFlagAndChannelEvents(t *testing.T) {
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	ok(t, call(t, srv, alice, "POST", "/api/v3/channels", map[string]any{"channelId": "general", "type": "community", "userIds": []string{"bob"}}))
	pid := list(t, ok(t, call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "hi"}})), "posts")[0]["postId"].(string)
	mid := list(t, ok(t, call(t, srv, bob, "POST", "/api/v5/messages", map[string]any{"messageFeedId": defaultFeed(t, srv, alice, "general"), "referenceId": "r1", "dataType": "text", "data": map[string]any{"text": "yo"}})), "messages")[0]["messageId"].(string)

	got := webhookReceiver(t, srv)
	var replies preHookReplies
	pre, _ := receiver(t, replies.reply)
	srv.SetPreHook(pre.URL, []byte("pre"), time.Second, "allow")

	type want struct{ event, action, actor string }
	var calls []want
	// state answers GET path as alice: status and body, compared before and after a denial.
	state := func(path string) string {
		t.Helper()
		r := call(t, srv, alice, "GET", path, nil)
		return http.StatusText(r.status) + " " + string(r.body)
	}
	// denied checks that event, denied, fails the call with 400000 and changes nothing.
	denied := func(event, token, actor, method, path string, body any, statePath string) {
		t.Helper()
		before := state(statePath)
		replies.set(event, `{"action":"deny","message":"no `+event+`"}`)
		r := call(t, srv, token, method, path, body)
		replies.clear(event)
		assert.Equal(t, http.StatusBadRequest, r.status, "%s %s: %s", method, path, r.body)
		assert.Equal(t, 400000, r.code(t), "%s %s", method, path)
		assert.Equal(t, "no "+event, r.obj(t)["message"])
		assert.Equal(t, before, state(statePath), "%s denied changes nothing", event)
		calls = append(calls, want{event, "deny", actor})
	}
	// allowed makes the call with the pre-hook answering reply (default allow) and returns the
	// answer.
	allowed := func(event, reply, token, actor, method, path string, body any) map[string]any {
		t.Helper()
		if reply != "" {
			replies.set(event, reply)
			defer replies.clear(event)
		}
		calls = append(calls, want{event, "allow", actor})
		return ok(t, call(t, srv, token, method, path, body))
	}
	getObj := func(path, key string) map[string]any {
		t.Helper()
		return list(t, ok(t, call(t, srv, alice, "GET", path, nil)), key)[0]
	}

	// post.shouldFlag, post.shouldDelete
	postPath := "/api/v3/posts/" + pid
	denied("post.shouldFlag", bob, "bob", "POST", postPath+"/flag", nil, postPath)
	allowed("post.shouldFlag", `{"action":"allow","data":{"data":{"text":"ignored"}}}`, bob, "bob", "POST", postPath+"/flag", nil)
	p := getObj(postPath, "posts")
	assert.Equal(t, 1.0, p["flagCount"])
	assert.Equal(t, "hi", p["data"].(map[string]any)["text"], "a flag's modify reply is an allow")
	denied("post.shouldDelete", alice, "alice", "DELETE", "/api/v4/posts/"+pid, nil, postPath)
	denied("post.shouldDelete", alice, "alice", "DELETE", "/api/v4/posts/"+pid+"?permanent=true", nil, postPath)
	allowed("post.shouldDelete", "", alice, "alice", "DELETE", "/api/v3/posts/"+pid, nil)
	assert.Equal(t, true, getObj(postPath, "posts")["isDeleted"])

	// message.shouldFlag, message.shouldUnflag, through both APIs
	msgPath := "/api/v5/messages/" + mid
	for _, api := range []struct{ flag, unflagMethod, unflag string }{
		{"/api/v5/messages/" + mid + "/flags", "DELETE", "/api/v5/messages/" + mid + "/flags"},
		{"/api/v3/messages/" + mid + "/flag", "DELETE", "/api/v3/messages/" + mid + "/unflag"},
	} {
		denied("message.shouldFlag", alice, "alice", "POST", api.flag, nil, msgPath)
		allowed("message.shouldFlag", "", alice, "alice", "POST", api.flag, nil)
		assert.Equal(t, 1.0, getObj(msgPath, "messages")["flagCount"], api.flag)
		denied("message.shouldUnflag", alice, "alice", api.unflagMethod, api.unflag, nil, msgPath)
		allowed("message.shouldUnflag", "", alice, "alice", api.unflagMethod, api.unflag, nil)
		assert.Equal(t, 0.0, getObj(msgPath, "messages")["flagCount"], api.unflag)
	}

	// channel.shouldCreate, with a modification
	room := "/api/v3/channels/room"
	newRoom := map[string]any{"channelId": "room", "type": "community", "displayName": "Room", "tags": []string{"x"}}
	denied("channel.shouldCreate", alice, "alice", "POST", "/api/v3/channels", newRoom, room)
	denied("channel.shouldCreate", alice, "alice", "POST", "/api/v3/channels/conversation", map[string]any{"userIds": []string{"bob"}}, "/api/v3/channels?types=conversation")
	ch := list(t, allowed("channel.shouldCreate", `{"action":"allow","data":{"displayName":"Lobby","metadata":{"k":"v"},"tags":["vetted"]}}`,
		alice, "alice", "POST", "/api/v3/channels", newRoom), "channels")[0]
	for _, c := range []map[string]any{ch, getObj(room, "channels")} {
		assert.Equal(t, "Lobby", c["displayName"])
		assert.Equal(t, map[string]any{"k": "v"}, c["metadata"])
		assert.Equal(t, []any{"vetted"}, c["tags"])
		assert.Equal(t, 1.0, c["memberCount"])
	}

	// channel.shouldJoin, channel.shouldLeave
	denied("channel.shouldJoin", bob, "bob", "POST", room+"/join", nil, room)
	allowed("channel.shouldJoin", "", bob, "bob", "POST", room+"/join", nil)
	assert.Equal(t, 2.0, getObj(room, "channels")["memberCount"])
	ok(t, call(t, srv, bob, "POST", room+"/join", nil)) // a member's join asks nobody
	denied("channel.shouldLeave", bob, "bob", "DELETE", room+"/leave", nil, room)
	allowed("channel.shouldLeave", "", bob, "bob", "DELETE", room+"/leave", nil)
	assert.Equal(t, 1.0, getObj(room, "channels")["memberCount"])

	// channel.shouldUpdate, with a modification
	denied("channel.shouldUpdate", alice, "alice", "PUT", room, map[string]any{"displayName": "Hall"}, room)
	allowed("channel.shouldUpdate", `{"action":"allow","data":{"tags":["checked"]}}`, alice, "alice", "PUT", room, map[string]any{"displayName": "Hall"})
	c := getObj(room, "channels")
	assert.Equal(t, "Hall", c["displayName"])
	assert.Equal(t, []any{"checked"}, c["tags"])
	assert.Equal(t, map[string]any{"k": "v"}, c["metadata"])

	// A pre-hook that does not answer in time gets the default action.
	release := make(chan struct{})
	stuck := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-release }))
	t.Cleanup(stuck.Close)
	t.Cleanup(func() { close(release) })
	srv.SetPreHook(stuck.URL, []byte("pre"), 20*time.Millisecond, "deny")
	before := state(room)
	r := call(t, srv, bob, "POST", room+"/join", nil)
	assert.Equal(t, 400000, r.code(t))
	assert.Equal(t, before, state(room), "denied by default: nothing changes")
	calls = append(calls, want{"channel.shouldJoin", "deny", "bob"})
	srv.SetPreHook(stuck.URL, []byte("pre"), 20*time.Millisecond, "allow")
	ok(t, call(t, srv, bob, "POST", room+"/join", nil))
	assert.Equal(t, 2.0, getObj(room, "channels")["memberCount"], "allowed by default")
	calls = append(calls, want{"channel.shouldJoin", "allow", "bob"})

	recorded := srv.PreHookCalls()
	require.Len(t, recorded, len(calls))
	for i, rc := range recorded {
		w := calls[i]
		assert.Equal(t, w.event, rc.Event, "call #%d", i)
		assert.Equal(t, w.action, rc.Action, "call #%d (%s)", i, rc.Event)
		assert.Equal(t, i >= len(calls)-2, rc.TimedOut, "call #%d (%s) timed out", i, rc.Event)
		req, err := webhook.ParsePreHook(rc.Body)
		require.NoError(t, err, "call #%d: %s", i, rc.Body)
		assert.Equal(t, w.event, string(req.EventName), "call #%d body", i)
		assert.Equal(t, w.actor, req.Actor.UserID, "call #%d actor", i)
		assert.NotEmpty(t, req.Actor.ID, "call #%d actor _id", i)
		switch {
		case req.Post != nil:
			assert.Equal(t, pid, req.Post.PostID, "call #%d", i)
		case req.Message != nil:
			assert.Equal(t, mid, req.Message.MessageID, "call #%d", i)
		case req.Channel != nil:
			assert.NotEmpty(t, req.Channel.ChannelID, "call #%d", i)
		default:
			t.Errorf("call #%d (%s) has no data: %s", i, rc.Event, rc.Body)
		}
	}
	var upd *webhook.PreHookRequest
	for _, rc := range recorded {
		if rc.Event == "channel.shouldUpdate" {
			upd, _ = webhook.ParsePreHook(rc.Body)
		}
	}
	require.NotNil(t, upd)
	assert.Equal(t, "Hall", upd.Channel.DisplayName, "an update asks about the channel as it would be")

	// Denied calls sent no webhook.
	checkDeliveries(t, srv, got, []string{
		"v3.post.didFlag", "v3.post.didDelete",
		"message.didFlag", "message.didUnflag", "message.didFlag", "message.didUnflag",
		"channel.didCreate", "channel.didJoin", "channel.didLeave", "channel.didJoin",
	})
}
