package amitytest

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// webhookQueueSize bounds the events waiting for delivery.
const webhookQueueSize = 1024

// webhookHandOff is the longest an API call waits to queue an event.
const webhookHandOff = 100 * time.Millisecond

// webhookTimeout bounds one delivery.
const webhookTimeout = 5 * time.Second

// WebhookDelivery is one webhook POST the server made (or failed to make).
type WebhookDelivery struct {
	// Event is the event name; Body the signed body; Signature the x-amity-signature.
	Event     string
	Body      []byte
	Signature string
	// Status is the receiver's HTTP status (0 when the request failed); Err the failure.
	Status int
	Err    error
}

// PreHookCall is one pre-hook call the server made.
type PreHookCall struct {
	// Event is the pre-hook event, e.g. "post.shouldCreate"; Body the signed request body.
	Event string
	Body  []byte
	// Action is the action applied: "allow" or "deny" (the receiver's, or the default on a
	// timeout or a bad answer); TimedOut says the default was used.
	Action   string
	TimedOut bool
}

// webhooks is the webhook and pre-hook machinery of a server.
//
// The delivery queue's lifecycle: jobs is created by the first emit and closed only by
// closeWebhooks, and no send may race that close. An emit checks closed and registers in
// senders under mu, then sends without mu (it may wait for room); closeWebhooks sets closed
// and closes quit under mu, which wakes the waiting sends, then waits for senders before it
// closes jobs. Emits do not all run inside handlers (Server.StartStream and
// Server.RecordStream emit from the test's goroutine), so Close cannot rely on the listener
// having finished them.
type webhooks struct {
	mu        sync.Mutex
	url       string
	secret    []byte
	jobs      chan webhookJob
	quit      chan struct{}  // closed by closeWebhooks: emits waiting for room give up
	senders   sync.WaitGroup // emits between their closed check and the end of their send
	pending   int
	delivered []WebhookDelivery
	closed    bool
	stop      context.CancelFunc
	stopCtx   context.Context
	done      chan struct{}

	pre      preHookConfig
	preCalls []PreHookCall

	client *http.Client
}

// webhookJob is a queued delivery and the url it goes to.
type webhookJob struct {
	d   WebhookDelivery
	url string
}

type preHookConfig struct {
	url           string
	secret        []byte
	timeout       time.Duration
	defaultAction string
}

// SetWebhook makes the server POST the events its operations cause to url, signed with
// secret, like a network with a webhook configured. An empty url stops delivery. Events
// already queued are still delivered to the url they were queued for.
//
// Each event is signed like Amity signs it (header x-amity-signature =
// base64(HMAC-SHA256(secret, body))), and its body is shaped like the spec's GET
// /webhook/<event> pseudo-operation: {"event": name, "data": {...}} with the bundle the REST
// answer of the operation carries. Events sent (name: cause):
//
//	v3.post.didCreate, didUpdate, didDelete, didFlag, didUnflag, didApprove, didDecline: posts
//	v3.comment.didCreate (didReply for a reply): comments
//	v3.community.didJoin, didLeave, didAddUsers, didRemoveUsers, didBan, didUnban: members
//	channel.didCreate, didJoin, didLeave: channels (data key "channel", an array)
//	message.didCreate, didUpdate: messages; the v5 API's in the v5 shape (messages,
//	    messageFeeds, ...), the v3 API's in the v3 shape, under the same names, as Amity does
//	message.didFlag, didUnflag: message flags, v3 or v5 API (in the v3 shape, the only one
//	    the spec has for them)
//	user.didCreate: a session registration that creates its user
//	user.didFlag, user.didUnflag: user flags
//	moderation.didBan: a global ban (POST /api/v2/users/ban), {channel: [], users, userId}
//	follow.didCreate: a new follow accepted at once (POST /api/v4/me/following/{userId});
//	    follow.didRequest: the same when SetFollowApproval(true) leaves it pending
//	follow.didAcceptRequest: accepting a pending request (POST /api/v4/me/followers/{userId})
//	follow.didUnfollow, follow.didCancelRequest: ending an accepted or a pending follow of
//	    one's own (DELETE /api/v4/me/following/{userId})
//	follow.didDeleteFollower, follow.didDeclineRequest: removing an accepted follower or
//	    declining a pending request (DELETE /api/v4/me/followers/{userId})
//	poll.didCreate, poll.didVote, poll.didUpdate: creating a poll (POST /api/v3/polls), voting
//	    (POST /api/v3/polls/{pollId}/votes), closing it (PUT /api/v3/polls/{pollId})
//	video-streaming.didStart: Server.StartStream (idle → live)
//	video-streaming.didStop: ending a live stream (DELETE
//	    /api/v3/video-streaming/{streamId}/streaming-url, or deleting the stream)
//	video-streaming.didRecord: Server.RecordStream (ended → recorded)
//	file.didDelete: deleting a file (DELETE /api/v3/files/{fileId})
//	user.didBlock, user.didUnblock: blocking and unblocking a user
//	v3.communityJoinRequest.didCreate, didAccept, didReject: a join request to a community
//	    that requires approval, and its approval or rejection
//	v3.communityMemberInvitation.didCreate, didAccept, didReject: community invitations
//	    (POST /api/v1/invitations, and their acceptance or rejection)
//
// The fake sends no user.profileReset, v3.post.didModerate or v3.comment.didModerate: no
// operation of the API it serves does what they report.
//
// A follow event's data is the relation {from, to, status, createdAt, updatedAt, ...} with
// status "none", the one value the spec allows (the REST answer has the relation's status);
// poll events carry {polls, users}, stream events {videoStreamings, users, files}. An
// operation that changes nothing sends nothing: following again, accepting an accepted
// follow, ending a follow that does not exist, ending an idle stream (it never started).
// Deleting a poll sends nothing either (the spec has no event for it), nor does a poll that
// closes by itself at closedIn (no operation closes it).
//
// Deliveries run on one goroutine per server, in the order the operations happened; an API
// call never waits for them beyond a short hand-off (an event that cannot be queued within
// 100 ms is dropped and recorded as failed). Use FlushWebhooks to wait for them and
// WebhookDeliveries to see them. A delivery gets 5 s; Close gives the queue a second.
//
// To test a receiver against duplicates and load, RedeliverWebhooks sends deliveries
// again as they were (Amity's redelivery of an event that got no 200 in time), and
// DeliverWebhookBurst sends many distinct events at once (1,000 by default).
func (s *Server) SetWebhook(url string, secret []byte) {
	s.syncWebhookSetting(url) // the network's webhook switch (network_settings.go)
	w := &s.webhooks
	w.mu.Lock()
	defer w.mu.Unlock()
	w.url, w.secret = url, append([]byte(nil), secret...)
}

// SetPreHook makes the server call url before the operations that cause the 12 pre-hook
// events (event: operation):
//
//	post.shouldCreate, post.shouldUpdate: creating (v3, v4) or updating a post
//	post.shouldDelete: deleting a post (v3, v4; soft or permanent)
//	post.shouldFlag: flagging a post (POST /api/v3/posts/{postId}/flag)
//	message.shouldCreate, message.shouldUpdate: creating or updating a message (v5 or v3 API)
//	message.shouldFlag, message.shouldUnflag: flagging or unflagging a message (v5 or v3 API)
//	channel.shouldCreate: creating a channel or a new conversation (a distinct conversation
//	    that is reused is not created)
//	channel.shouldJoin, channel.shouldLeave: joining (not by a member, whose join changes
//	    nothing) or leaving a channel
//	channel.shouldUpdate: updating a channel (PUT /api/v3/channels/{channelId})
//
// The call comes after the operation's own checks (a call that fails anyway asks nobody),
// with the body {eventName, data, actor{_id, userId}}, data being the post, the v5 message or
// the channel: as a create or an update would store it, as it is for the other events. It is
// signed with secret in both forms (x-amity-signature, base64; x-signature, hex). The reply
// {action, data?, message?} is obeyed:
//
//   - "allow" goes on. On a create or an update, data is the modification: a post's or
//     message's "data" (e.g. {"text": ...}), "metadata" and "tags" members replace the ones
//     sent (a data object without a "data" member but with "text" is taken as the content);
//     a channel's "displayName", "metadata" and "tags". On the other events data is ignored.
//   - "deny" fails the call with 400 and code 400000, the message being the reply's message
//     (or "Denied by pre-hook"); nothing changes.
//
// A reply that does not come within timeout (default 2 s), or is not a 200 with a valid
// action, applies defaultAction ("allow" or "deny"; default "allow"), like a network's
// defaultAction. The state lock is released while the pre-hook runs, so the receiver may call
// the server; after it a delete, flag, unflag, join, leave or channel update finds again what
// it acts on (a post deleted meanwhile is not found), and a create checks again that its ID
// is free. An empty url turns pre-hooks off.
func (s *Server) SetPreHook(url string, secret []byte, timeout time.Duration, defaultAction string) {
	if timeout <= 0 {
		timeout = 2 * time.Second
	}
	if defaultAction != "deny" {
		defaultAction = "allow"
	}
	s.syncPrehookSetting(url, secret, defaultAction) // the network's pre-hook settings (network_settings.go)
	w := &s.webhooks
	w.mu.Lock()
	defer w.mu.Unlock()
	w.pre = preHookConfig{url: url, secret: append([]byte(nil), secret...), timeout: timeout, defaultAction: defaultAction}
}

// WebhookDeliveries returns the webhook deliveries finished so far, in order.
func (s *Server) WebhookDeliveries() []WebhookDelivery {
	w := &s.webhooks
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]WebhookDelivery(nil), w.delivered...)
}

// PreHookCalls returns the pre-hook calls made so far, in order.
func (s *Server) PreHookCalls() []PreHookCall {
	w := &s.webhooks
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]PreHookCall(nil), w.preCalls...)
}

// FlushWebhooks waits until every queued webhook has been delivered, or ctx ends.
func (s *Server) FlushWebhooks(ctx context.Context) error {
	w := &s.webhooks
	t := time.NewTicker(2 * time.Millisecond)
	defer t.Stop()
	for {
		w.mu.Lock()
		n := w.pending
		w.mu.Unlock()
		if n == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// closeWebhooks stops delivery: queued events get a second to go out, then the rest are
// abandoned. Called by Close.
func (s *Server) closeWebhooks() {
	w := &s.webhooks
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return
	}
	w.closed = true
	done, stop, jobs := w.done, w.stop, w.jobs
	if w.quit != nil {
		close(w.quit)
	}
	w.mu.Unlock()
	if jobs == nil {
		return
	}
	// No emit registers once closed is set; those registered give up on quit or finish their
	// send, and only then is the queue closed.
	w.senders.Wait()
	close(jobs)
	select {
	case <-done:
	case <-time.After(time.Second):
		stop()
		<-done
	}
}

func signBase64(body, secret []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

func signHex(body, secret []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return fmt.Sprintf("%x", m.Sum(nil))
}

// emit queues the event {event, data} for delivery when a webhook is set. s.mu is held; the
// body is encoded now, so it is a snapshot of the state at the operation. An emit may run
// while Close runs (Server.StartStream and RecordStream are not handlers): an event emitted
// after Close is not sent, and one waiting for room in the queue when Close comes is dropped
// and recorded as failed (see webhooks for why no send races the queue's close).
func (c *request) emit(event string, data any) {
	w := &c.s.webhooks
	w.mu.Lock()
	if w.url == "" || w.closed || !c.st.webhookSettings().enabled { // the network setting webhookEnabled
		w.mu.Unlock()
		return
	}
	body, err := json.Marshal(map[string]any{"event": event, "data": data})
	if err != nil {
		w.delivered = append(w.delivered, WebhookDelivery{Event: event, Err: err})
		w.mu.Unlock()
		return
	}
	d := WebhookDelivery{Event: event, Body: body, Signature: signBase64(body, w.secret)}
	if w.jobs == nil {
		w.jobs = make(chan webhookJob, webhookQueueSize)
		w.quit = make(chan struct{})
		w.done = make(chan struct{})
		w.stopCtx, w.stop = context.WithCancel(context.Background())
		if w.client == nil { // DeliverWebhookBurst or RedeliverWebhooks may have made it
			w.client = &http.Client{Timeout: webhookTimeout}
		}
		go c.s.deliverWebhooks(w.stopCtx, w.jobs, w.done)
	}
	jobs, quit, job := w.jobs, w.quit, webhookJob{d: d, url: w.url}
	w.pending++
	w.senders.Add(1)
	w.mu.Unlock()
	defer w.senders.Done()
	t := time.NewTimer(webhookHandOff)
	defer t.Stop()
	select {
	case jobs <- job:
		return
	case <-t.C:
		d.Err = fmt.Errorf("amitytest: webhook queue full, %s dropped", event)
	case <-quit:
		d.Err = fmt.Errorf("amitytest: server closed, %s dropped", event)
	}
	w.mu.Lock()
	w.pending--
	w.delivered = append(w.delivered, d)
	w.mu.Unlock()
}

// deliverWebhooks POSTs the queued events one after the other until jobs is closed.
func (s *Server) deliverWebhooks(ctx context.Context, jobs <-chan webhookJob, done chan<- struct{}) {
	defer close(done)
	w := &s.webhooks
	for j := range jobs {
		d := w.post(ctx, w.client, j.url, j.d)
		w.mu.Lock()
		w.pending--
		w.delivered = append(w.delivered, d)
		w.mu.Unlock()
	}
}

// post POSTs the delivery d to url with its signature and returns it with the receiver's
// status or the failure.
func (w *webhooks) post(ctx context.Context, client *http.Client, url string, d WebhookDelivery) WebhookDelivery {
	d.Status, d.Err = 0, nil
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(d.Body))
	if err == nil {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("x-amity-signature", d.Signature)
		var resp *http.Response
		resp, err = client.Do(req)
		if err == nil {
			d.Status = resp.StatusCode
			_ = resp.Body.Close()
		}
	}
	d.Err = err
	return d
}

// errPreHookDenied is the API error of a call a pre-hook denied.
func errPreHookDenied(msg string) error {
	if msg == "" {
		msg = "Denied by pre-hook"
	}
	return errBadRequest("%s", msg)
}

// preHook asks the configured pre-hook about event with data (the entity as it would be
// stored). It returns the reply's modified data (nil: unchanged) or the denial error. s.mu
// is held on entry and on return, and released during the call.
func (c *request) preHook(event string, data any) (map[string]any, error) {
	w := &c.s.webhooks
	w.mu.Lock()
	cfg := w.pre
	w.mu.Unlock()
	if cfg.url == "" {
		return nil, nil
	}
	me := c.me()
	body, err := json.Marshal(map[string]any{
		"eventName": event,
		"data":      data,
		"actor":     map[string]string{"_id": me.internalID, "userId": me.id},
	})
	if err != nil {
		return nil, err
	}
	c.unlock()
	action, modified, msg, timedOut := callPreHook(cfg, body)
	c.lock()
	w.mu.Lock()
	w.preCalls = append(w.preCalls, PreHookCall{Event: event, Body: body, Action: action, TimedOut: timedOut})
	w.mu.Unlock()
	if action == "deny" {
		return nil, errPreHookDenied(msg)
	}
	return modified, nil
}

// callPreHook POSTs body to the pre-hook and reads its decision; the default action on a
// timeout or a bad answer.
func callPreHook(cfg preHookConfig, body []byte) (action string, data map[string]any, msg string, timedOut bool) {
	ctx, cancel := context.WithTimeout(context.Background(), cfg.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.url, bytes.NewReader(body))
	if err != nil {
		return cfg.defaultAction, nil, "", false
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("x-amity-signature", signBase64(body, cfg.secret))
	req.Header.Set("x-signature", signHex(body, cfg.secret))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return cfg.defaultAction, nil, "", ctx.Err() != nil
	}
	defer resp.Body.Close()
	var reply struct {
		Action  string         `json:"action"`
		Data    map[string]any `json:"data"`
		Message string         `json:"message"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(nil, resp.Body, 1<<20))
	if resp.StatusCode != http.StatusOK || dec.Decode(&reply) != nil {
		return cfg.defaultAction, nil, "", ctx.Err() != nil
	}
	switch reply.Action {
	case "allow":
		return "allow", reply.Data, "", false
	case "deny":
		return "deny", nil, reply.Message, false
	}
	return cfg.defaultAction, nil, "", false
}

// preHookEdit is what the modified data of a pre-hook's allow reply changes; a member the
// reply does not carry is unset.
type preHookEdit struct {
	content     map[string]any // a post's or a message's data
	displayName *string        // a channel's display name
	metadata    map[string]any
	tags        []string
	hasTags     bool
}

// parsePreHookEdit reads a pre-hook's modified data: its "data" member is the content (a data
// object without one but with "text" is taken as the content); "displayName", "metadata" and
// "tags" are the members of the same names.
func parsePreHookEdit(m map[string]any) preHookEdit {
	var e preHookEdit
	if m == nil {
		return e
	}
	if d, ok := m["data"].(map[string]any); ok {
		e.content = d
	} else if _, ok := m["text"]; ok {
		e.content = m
	}
	if name, ok := m["displayName"].(string); ok {
		e.displayName = &name
	}
	e.metadata, _ = m["metadata"].(map[string]any)
	if raw, ok := m["tags"].([]any); ok {
		e.hasTags = true
		for _, t := range raw {
			if s, ok := t.(string); ok {
				e.tags = append(e.tags, s)
			}
		}
	}
	return e
}

// applyMeta replaces *metadata and *tags with the edit's, when it carries them.
func (e preHookEdit) applyMeta(metadata *map[string]any, tags *[]string) {
	if e.metadata != nil {
		*metadata = e.metadata
	}
	if e.hasTags {
		*tags = uniq(e.tags)
	}
}

// applyPostPreHook asks the pre-hook about p (post.shouldCreate / post.shouldUpdate) and
// applies a modification to it; modified reports one.
func (c *request) applyPostPreHook(event string, p *post) (modified bool, err error) {
	mod, err := c.preHook(event, c.postJSON(p))
	if err != nil || mod == nil {
		return false, err
	}
	e := parsePreHookEdit(mod)
	if e.content != nil {
		if t, ok := e.content["text"]; ok && !strings.Contains(p.dataType, ".") {
			p.data = map[string]any{"text": t}
		} else {
			p.data = e.content
		}
	}
	e.applyMeta(&p.metadata, &p.tags)
	return true, nil
}

// applyMessagePreHook asks the pre-hook about m (message.shouldCreate /
// message.shouldUpdate) and applies a modification to it; modified reports one.
func (c *request) applyMessagePreHook(event string, m *message) (modified bool, err error) {
	mod, err := c.preHook(event, c.messageJSON(m))
	if err != nil || mod == nil {
		return false, err
	}
	e := parsePreHookEdit(mod)
	if e.content != nil {
		m.data = e.content
	}
	e.applyMeta(&m.metadata, &m.tags)
	return true, nil
}

// applyChannelEdit applies the modified data of a channel.shouldCreate or
// channel.shouldUpdate reply (nil: none) to ch: its displayName, metadata and tags.
func applyChannelEdit(ch *channel, mod map[string]any) {
	e := parsePreHookEdit(mod)
	setOpt(&ch.displayName, e.displayName)
	e.applyMeta(&ch.metadata, &ch.tags)
}

// preHookFor asks the pre-hook about event for an operation on what find finds (data renders
// it) and returns it, with the reply's modified data (nil: none). find runs before the call
// and, as the state lock is released during the call, again after it, so the operation acts
// on the state as it is then: an entity deleted or a right lost meanwhile fails it. The deny
// error, or find's, is returned before anything changed.
func preHookFor[T, D any](c *request, event string, find func() (T, error), data func(T) D) (T, map[string]any, error) {
	v, err := find()
	if err != nil {
		return v, nil, err
	}
	mod, err := c.preHook(event, data(v))
	if err != nil {
		var zero T
		return zero, nil, err
	}
	v, err = find()
	return v, mod, err
}

// emitPost sends a v3.post.* event with the post bundle; extra members are added to data.
func (c *request) emitPost(event string, p *post, extra map[string]any) {
	if !c.s.webhookOn() {
		return
	}
	c.emit(event, withExtra(c.postsBody([]*post{p}, false), extra))
}

// emitComment sends a v3.comment.* event with the comment bundle.
func (c *request) emitComment(event string, cm *comment, extra map[string]any) {
	if !c.s.webhookOn() {
		return
	}
	c.emit(event, withExtra(c.commentsBody([]*comment{cm}), extra))
}

// emitCommunity sends a v3.community.* event with the community bundle and the changed
// memberships.
func (c *request) emitCommunity(event string, cm *community, members []*membership) {
	if !c.s.webhookOn() {
		return
	}
	c.emit(event, c.communitiesBody([]*community{cm}, members))
}

// emitChannel sends a channel.* event: {channel: [...], users, userIds}.
func (c *request) emitChannel(event string, ch *channel, userIDs []string) {
	if !c.s.webhookOn() {
		return
	}
	b := c.channelsBody([]*channel{ch}, nil)
	c.emit(event, map[string]any{"channel": b.Channels, "users": b.Users, "userIds": nonNil(userIDs)})
}

// emitMessage sends a message.* event, in the v5 shape for a v5 call and the v3 shape for a
// v3 one (Amity uses the same names for both).
func (c *request) emitMessage(event string, m *message) {
	if !c.s.webhookOn() {
		return
	}
	if strings.HasPrefix(c.r.URL.Path, "/api/v5/") {
		c.emit(event, c.messagesBody([]*message{m}))
		return
	}
	c.emit(event, c.messagesV3Body([]*message{m}))
}

// emitMessageV3 sends a message.* event in the v3 shape, whichever API was called: the
// spec's flag events exist for the v3 shape only.
func (c *request) emitMessageV3(event string, m *message) {
	if !c.s.webhookOn() {
		return
	}
	c.emit(event, c.messagesV3Body([]*message{m}))
}

// emitUser sends a user.* event with the users bundle.
func (c *request) emitUser(event string, u *user) {
	if !c.s.webhookOn() {
		return
	}
	c.emit(event, c.usersBody([]*user{u}))
}

// emitGlobalBan sends moderation.didBan for a global ban.
func (c *request) emitGlobalBan(u *user) {
	if !c.s.webhookOn() {
		return
	}
	b := c.usersBody([]*user{u})
	c.emit("moderation.didBan", map[string]any{"channel": []any{}, "users": b.Users, "userId": u.id})
}

// emitFollow sends a follow.* event with the relation f. The spec pins the status of every
// follow event's data to "none" (enum ["none"]), also for didCreate, didRequest and
// didAcceptRequest, after which the relation is accepted or pending; the body follows the
// spec, and the REST answer of the operation has the relation's status.
func (c *request) emitFollow(event string, f *followRel) {
	if !c.s.webhookOn() {
		return
	}
	c.emit(event, c.st.followJSON(f, "none"))
}

// emitPoll sends a poll.* event with the poll bundle (polls, users).
func (c *request) emitPoll(event string, pl *poll) {
	if !c.s.webhookOn() {
		return
	}
	c.emit(event, c.pollsBody(pl))
}

// emitStream sends a video-streaming.* event with the stream bundle (videoStreamings, users,
// files).
func (c *request) emitStream(event string, st *stream) {
	if !c.s.webhookOn() {
		return
	}
	c.emit(event, c.streamsBody([]*stream{st}))
}

// webhookOn reports whether a webhook is set (so bodies are built only then).
func (s *Server) webhookOn() bool {
	w := &s.webhooks
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.url != "" && !w.closed
}

// withExtra adds extra members to a bundle's JSON object.
func withExtra(v any, extra map[string]any) any {
	if len(extra) == 0 {
		return v
	}
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var m map[string]any
	if json.Unmarshal(b, &m) != nil {
		return v
	}
	for k, x := range extra {
		m[k] = x
	}
	return m
}

// emitFile sends a file.* event: the file itself as the data (file.didDelete).
func (c *request) emitFile(event string, f *file) {
	if !c.s.webhookOn() {
		return
	}
	c.emit(event, f.json(c.st.baseURL))
}

// emitBlock sends user.didBlock or user.didUnblock with the relation from the blocker to the
// blocked user, its status "none" as the spec pins it (as for the follow events).
func (c *request) emitBlock(event string, from, to *user, at time.Time) {
	if !c.s.webhookOn() {
		return
	}
	c.emit(event, follow(from, to, "none", at))
}
