package webhook_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity/webhook"
)

var secret = []byte("test-secret")

const postBody = `{"event":"v3.post.didCreate","data":{"posts":[{"postId":"p1","postedUserId":"u1","data":{"text":"hi"},"brandNew":1}],"users":[{"userId":"u1","displayName":"U One"}],"future":{"x":1}}}`

func TestVerify(t *testing.T) {
	body := []byte(postBody)
	sig := webhook.Sign(body, secret)
	if err := webhook.Verify(body, sig, secret); err != nil {
		t.Fatalf("good signature: %v", err)
	}
	if err := webhook.Verify(body, strings.TrimRight(sig, "="), secret); err != nil {
		t.Fatalf("unpadded base64: %v", err)
	}
	cases := []struct {
		name string
		body []byte
		sig  string
		key  []byte
		want error
	}{
		{"missing", body, "", secret, webhook.ErrNoSignature},
		{"blank", body, "  ", secret, webhook.ErrNoSignature},
		{"other secret", body, webhook.Sign(body, []byte("other")), secret, webhook.ErrBadSignature},
		{"not base64", body, "!!!", secret, webhook.ErrBadSignature},
		{"short", body, base64.StdEncoding.EncodeToString([]byte("abc")), secret, webhook.ErrBadSignature},
		{"hex form", body, webhook.SignHex(body, secret), secret, webhook.ErrBadSignature},
		{"empty secret", body, sig, nil, webhook.ErrNoSecret},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := webhook.Verify(tc.body, tc.sig, tc.key); !errors.Is(err, tc.want) {
				t.Fatalf("Verify = %v, want %v", err, tc.want)
			}
		})
	}
	// Every single-byte change of the body fails.
	for i := range body {
		changed := append([]byte(nil), body...)
		changed[i] ^= 0x01
		if err := webhook.Verify(changed, sig, secret); !errors.Is(err, webhook.ErrBadSignature) {
			t.Fatalf("byte %d changed: Verify = %v", i, err)
		}
	}
	if err := webhook.Verify(append(body, ' '), sig, secret); !errors.Is(err, webhook.ErrBadSignature) {
		t.Fatalf("appended byte: %v", err)
	}
}

func TestVerifyHex(t *testing.T) {
	body := []byte(`{"eventName":"post.shouldCreate"}`)
	if err := webhook.VerifyHex(body, webhook.SignHex(body, secret), secret); err != nil {
		t.Fatal(err)
	}
	if err := webhook.VerifyHex(body, strings.ToUpper(webhook.SignHex(body, secret)), secret); err != nil {
		t.Fatalf("upper-case hex: %v", err)
	}
	if err := webhook.VerifyHex(body, webhook.Sign(body, secret), secret); !errors.Is(err, webhook.ErrBadSignature) {
		t.Fatalf("base64 as hex: %v", err)
	}
}

func TestConstructEvent(t *testing.T) {
	body := []byte(postBody)
	ev, err := webhook.ConstructEvent(body, webhook.Sign(body, secret), secret)
	if err != nil {
		t.Fatal(err)
	}
	d, ok := ev.Data.(*webhook.PostEvent)
	if !ok || ev.Name != webhook.EventPostDidCreate {
		t.Fatalf("got %s %T", ev.Name, ev.Data)
	}
	if p := d.Posts[0]; p.PostID != "p1" || p.Data.Text != "hi" || d.Users[0].DisplayName != "U One" {
		t.Fatalf("data: %+v", d)
	}
	if !bytes.Contains(ev.Raw, []byte(`"brandNew":1`)) || !bytes.Contains(ev.Raw, []byte(`"future"`)) {
		t.Fatal("unknown fields are not in Raw")
	}
	if _, err := webhook.ConstructEvent([]byte(`not json`), webhook.Sign(body, secret), secret); !errors.Is(err, webhook.ErrBadSignature) {
		t.Fatalf("a bad signature must fail before parsing: %v", err)
	}
}

func TestParseNames(t *testing.T) {
	cases := []struct {
		body string
		name webhook.EventName
		typ  string
	}{
		// The docs' names without "v3.".
		{`{"event":"post.didCreate","data":{"posts":[]}}`, webhook.EventPostDidCreate, "*webhook.PostEvent"},
		{`{"event":"community.didJoin","data":{}}`, webhook.EventCommunityDidJoin, "*webhook.CommunityEvent"},
		// v3 and v5 message events share their wire names.
		{`{"event":"message.didCreate","data":{"messages":[{"messageId":"m1","channelId":"c1","channelSegment":3,"type":"text","userId":"u"}],"users":[]}}`, webhook.EventMessageDidCreate, "*webhook.V3MessageEvent"},
		{`{"event":"message.didCreate","data":{"messages":[{"messageId":"m1","messageFeedId":"f1","segment":3,"dataType":"text","creatorId":"u"}]}}`, webhook.EventV5MessageDidCreate, "*webhook.MessageEvent"},
		{`{"event":"message.didUpdate","data":{"messages":[],"messageFeeds":[]}}`, webhook.EventV5MessageDidUpdate, "*webhook.MessageEvent"},
		{`{"event":"message.didDelete","data":{"messages":[],"reactions":[]}}`, webhook.EventV5MessageDidDelete, "*webhook.MessageEvent"},
		{`{"event":"message.didDelete","data":{"messages":[],"users":[]}}`, webhook.EventMessageDidDelete, "*webhook.V3MessageEvent"},
		// Unknown events pass through.
		{`{"event":"story.didCreate","data":{"stories":[1,2]}}`, "story.didCreate", "*webhook.Unknown"},
		{`{"event":"x"}`, "x", "*webhook.Unknown"},
		{`{}`, "", "*webhook.Unknown"},
		{`{"eventType":"push-notification.created","id":"n1","data":{"eventName":"story.created"}}`, "push-notification/story.created", "*webhook.Unknown"},
		{`{"eventType":"push-notification.created","id":"n1","data":{}}`, "push-notification.created", "*webhook.Unknown"},
		{`{"eventType":"push-notification.created","id":"n1","sentTime":"2024-01-02T03:04:05Z","data":{"eventName":"post.created","title":"t","posts":[{"postId":"p"}]}}`, webhook.EventPushPostCreated, "*webhook.PushPostEvent"},
		// Data of a known event that is null or missing decodes to the zero value.
		{`{"event":"poll.didVote","data":null}`, webhook.EventPollDidVote, "*webhook.PollEvent"},
	}
	for _, tc := range cases {
		ev, err := webhook.Parse([]byte(tc.body))
		if err != nil {
			t.Fatalf("%s: %v", tc.body, err)
		}
		if ev.Name != tc.name || typeName(ev.Data) != tc.typ {
			t.Errorf("%s: got %q %s, want %q %s", tc.body, ev.Name, typeName(ev.Data), tc.name, tc.typ)
		}
	}
	ev, _ := webhook.Parse([]byte(`{"event":"story.didCreate","data":{"stories":[1,2]}}`))
	if u := ev.Data.(*webhook.Unknown); string(u.Data) != `{"stories":[1,2]}` {
		t.Errorf("unknown data = %s", u.Data)
	}
	ev, _ = webhook.Parse([]byte(`{"eventType":"push-notification.created","id":"n1","networkId":"net","sentTime":"2024-01-02T03:04:05Z","data":{"eventName":"post.created","title":"t"}}`))
	if ev.Push == nil || ev.Push.ID != "n1" || ev.Push.NetworkID != "net" || ev.Push.SentTime.IsZero() || ev.SentName != "post.created" {
		t.Errorf("push envelope: %+v", ev.Push)
	}
	if d := ev.Data.(*webhook.PushPostEvent); d.Title != "t" || d.EventName != "post.created" {
		t.Errorf("push data: %+v", d.PushNotification)
	}
}

func TestParseChannelKey(t *testing.T) {
	ev, err := webhook.Parse([]byte(`{"event":"channel.didAddUsers","data":{"channel":[{"channelId":"c1"}],"users":[{"userId":"u1"}],"userIds":["u1"],"adderId":"a"}}`))
	if err != nil {
		t.Fatal(err)
	}
	d := ev.Data.(*webhook.ChannelEvent)
	if len(d.Channels) != 1 || d.Channels[0].ChannelID != "c1" || d.AdderID != "a" || d.UserIDs[0] != "u1" {
		t.Fatalf("channel event: %+v", d)
	}
}

func TestParseInvalid(t *testing.T) {
	for _, body := range []string{``, `  `, `[]`, `"x"`, `{`, `{"event":1}`, `null`,
		`{"event":"v3.post.didCreate","data":{"posts":"nope"}}`,
		`{"event":"v3.post.didCreate","data":[1]}`,
	} {
		if _, err := webhook.Parse([]byte(body)); !errors.Is(err, webhook.ErrInvalidPayload) {
			t.Errorf("Parse(%q) = %v, want ErrInvalidPayload", body, err)
		}
	}
}

func typeName(v any) string { return fmt.Sprintf("%T", v) }

func post(t *testing.T, h http.Handler, body []byte, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/hook", bytes.NewReader(body))
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func signed(body []byte) map[string]string {
	return map[string]string{"x-amity-signature": webhook.Sign(body, secret)}
}

func TestHandlerRejects(t *testing.T) {
	var called atomic.Int32
	h := newHandler(t, webhook.WithMaxBodyBytes(1024), webhook.WithSynchronous())
	h.OnAny(func(context.Context, *webhook.Event) error { called.Add(1); return nil })
	body := []byte(postBody)
	changed := append([]byte(nil), body...)
	changed[10] ^= 1
	big := []byte(`{"event":"x","data":"` + strings.Repeat("a", 2000) + `"}`)
	cases := []struct {
		name   string
		body   []byte
		header map[string]string
		want   int
	}{
		{"missing signature", body, nil, http.StatusUnauthorized},
		{"bad signature", body, map[string]string{"x-amity-signature": webhook.Sign(body, []byte("nope"))}, http.StatusUnauthorized},
		{"garbage signature", body, map[string]string{"x-amity-signature": "zzz"}, http.StatusUnauthorized},
		{"one byte changed", changed, signed(body), http.StatusUnauthorized},
		{"hex x-signature is for pre-hooks", body, map[string]string{"x-signature": webhook.SignHex(body, secret)}, http.StatusUnauthorized},
		{"over the limit", big, signed(big), http.StatusRequestEntityTooLarge},
		{"signed but not an event", []byte(`[1]`), signed([]byte(`[1]`)), http.StatusBadRequest},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if rec := post(t, h, tc.body, tc.header); rec.Code != tc.want {
				t.Fatalf("status %d, want %d", rec.Code, tc.want)
			}
		})
	}
	// Over the limit without a Content-Length (chunked).
	req := httptest.NewRequest(http.MethodPost, "/hook", io.MultiReader(bytes.NewReader(big)))
	req.ContentLength = -1
	req.Header.Set("x-amity-signature", webhook.Sign(big, secret))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("chunked over the limit: %d", rec.Code)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/hook", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("GET: %d", rec.Code)
	}
	if n := called.Load(); n != 0 {
		t.Fatalf("user code ran %d times for rejected requests", n)
	}
	if rec := post(t, h, body, signed(body)); rec.Code != http.StatusOK || rec.Body.String() != "{}" {
		t.Fatalf("good request: %d %q", rec.Code, rec.Body)
	}
	if called.Load() != 1 {
		t.Fatal("handler not called for the good request")
	}
}

func TestHandlerAsyncDispatch(t *testing.T) {
	h := newHandler(t)
	var mu sync.Mutex
	var got []string
	done := make(chan struct{}, 4)
	webhook.On(h, webhook.EventPostDidCreate, func(ctx context.Context, ev *webhook.Event, d *webhook.PostEvent) error {
		mu.Lock()
		got = append(got, "typed:"+d.Posts[0].PostID)
		mu.Unlock()
		done <- struct{}{}
		return nil
	})
	h.OnAny(func(ctx context.Context, ev *webhook.Event) error {
		mu.Lock()
		got = append(got, "any:"+string(ev.Name))
		mu.Unlock()
		done <- struct{}{}
		return nil
	})
	body := []byte(postBody)
	start := time.Now()
	if rec := post(t, h, body, signed(body)); rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if d := time.Since(start); d > webhook.DefaultBudget {
		t.Fatalf("answered after %v", d)
	}
	unknown := []byte(`{"event":"story.didCreate","data":{}}`)
	if rec := post(t, h, unknown, signed(unknown)); rec.Code != http.StatusOK {
		t.Fatalf("unknown event: status %d", rec.Code)
	}
	for range 3 {
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("handlers did not run")
		}
	}
	if err := h.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	want := map[string]bool{"typed:p1": true, "any:v3.post.didCreate": true, "any:story.didCreate": true}
	for _, g := range got {
		delete(want, g)
	}
	if len(want) != 0 {
		t.Fatalf("got %v, missing %v", got, want)
	}
	if rec := post(t, h, body, signed(body)); rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("after Close: %d", rec.Code)
	}
}

func TestHandlerAsyncErrorsAndFullQueue(t *testing.T) {
	release, started := make(chan struct{}), make(chan struct{}, 2)
	errs := make(chan error, 4)
	h := newHandler(t, webhook.WithWorkers(1), webhook.WithQueueSize(1),
		webhook.WithErrorHandler(func(ctx context.Context, ev *webhook.Event, err error) { errs <- err }))
	h.OnEvent(webhook.EventPostDidCreate, func(ctx context.Context, ev *webhook.Event) error {
		started <- struct{}{}
		<-release
		panic("boom")
	})
	body := []byte(postBody)
	// One running, one queued, then the queue is full.
	codes := []int{post(t, h, body, signed(body)).Code}
	<-started // the worker holds the first event
	codes = append(codes, post(t, h, body, signed(body)).Code, post(t, h, body, signed(body)).Code)
	if codes[0] != 200 || codes[1] != 200 || codes[2] != http.StatusServiceUnavailable {
		t.Fatalf("codes %v, want [200 200 503]", codes)
	}
	close(release)
	for range 2 {
		select {
		case err := <-errs:
			if !strings.Contains(err.Error(), "panicked: boom") {
				t.Fatalf("error %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("panic not reported")
		}
	}
	if err := h.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestHandlerSynchronous(t *testing.T) {
	var deadline time.Time
	h := newHandler(t, webhook.WithSynchronous(), webhook.WithBudget(200*time.Millisecond),
		webhook.WithErrorHandler(func(context.Context, *webhook.Event, error) {}))
	h.OnEvent(webhook.EventPostDidCreate, func(ctx context.Context, ev *webhook.Event) error {
		deadline, _ = ctx.Deadline()
		return nil
	})
	h.OnEvent(webhook.EventPostDidUpdate, func(ctx context.Context, ev *webhook.Event) error {
		return errors.New("database down")
	})
	h.OnEvent(webhook.EventPostDidDelete, func(ctx context.Context, ev *webhook.Event) error {
		time.Sleep(time.Second)
		return nil
	})
	body := []byte(postBody)
	start := time.Now()
	if rec := post(t, h, body, signed(body)); rec.Code != http.StatusOK {
		t.Fatalf("nil error: %d", rec.Code)
	}
	if deadline.IsZero() || deadline.Sub(start) > 250*time.Millisecond {
		t.Fatalf("handler deadline %v after start", deadline.Sub(start))
	}
	upd := []byte(strings.Replace(postBody, "didCreate", "didUpdate", 1))
	if rec := post(t, h, upd, signed(upd)); rec.Code != http.StatusInternalServerError {
		t.Fatalf("error: %d", rec.Code)
	}
	del := []byte(strings.Replace(postBody, "didCreate", "didDelete", 1))
	start = time.Now()
	if rec := post(t, h, del, signed(del)); rec.Code != http.StatusInternalServerError {
		t.Fatalf("slow handler: %d", rec.Code)
	}
	if d := time.Since(start); d > 600*time.Millisecond {
		t.Fatalf("slow handler answered after %v, budget 200ms", d)
	}
}

func TestOnPanicsOnTypeMismatch(t *testing.T) {
	h := newHandler(t, webhook.WithSynchronous())
	defer func() {
		if recover() == nil {
			t.Fatal("On accepted *CommentEvent for a post event")
		}
	}()
	webhook.On(h, webhook.EventPostDidCreate, func(context.Context, *webhook.Event, *webhook.CommentEvent) error { return nil })
}

func TestOnEveryEventType(t *testing.T) {
	// Registering the documented type for every event must not panic.
	h := newHandler(t, webhook.WithSynchronous())
	for _, name := range webhook.AllEvents() {
		ev, err := webhook.Parse([]byte(`{"event":"` + string(name) + `","data":{}}`))
		if strings.HasPrefix(string(name), "push-notification/") {
			ev, err = webhook.Parse([]byte(`{"eventType":"push-notification.created","data":{"eventName":"` + strings.TrimPrefix(string(name), "push-notification/") + `"}}`))
		}
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(string(name), "v5.") {
			continue // told apart by shape; covered by TestParseNames
		}
		if ev.Name != name {
			t.Fatalf("%s parsed as %s", name, ev.Name)
		}
		webhook.On(h, name, func(context.Context, *webhook.Event, webhook.Data) error { return nil })
	}
	webhook.On(h, "story.didCreate", func(context.Context, *webhook.Event, *webhook.Unknown) error { return nil })
}

func TestPreHookHandler(t *testing.T) {
	var calls atomic.Int32
	h := newPreHook(t, func(ctx context.Context, req *webhook.PreHookRequest) webhook.PreHookReply {
		calls.Add(1)
		if _, ok := ctx.Deadline(); !ok {
			t.Error("no deadline")
		}
		switch {
		case req.Post != nil && strings.Contains(req.Post.Data.Text, "bad"):
			return webhook.Deny("blocked word")
		case req.Post != nil && strings.Contains(req.Post.Data.Text, "fix"):
			return webhook.Modify(map[string]any{"data": map[string]any{"text": "fixed"}})
		case req.Message != nil && req.Message.MessageID != "m1":
			return webhook.Deny("")
		case req.Channel != nil && req.Actor.UserID != "u1":
			return webhook.Deny("not you")
		}
		return webhook.Allow()
	})
	reqBody := func(event, data string) []byte {
		return []byte(`{"eventName":"` + event + `","data":` + data + `,"actor":{"_id":"i1","userId":"u1"}}`)
	}
	cases := []struct {
		body []byte
		want string
	}{
		{reqBody("post.shouldCreate", `{"postId":"p","data":{"text":"hello"}}`), `{"action":"allow"}`},
		{reqBody("post.shouldCreate", `{"postId":"p","data":{"text":"so bad"}}`), `{"action":"deny","message":"blocked word"}`},
		{reqBody("post.shouldUpdate", `{"postId":"p","data":{"text":"fix me"}}`), `{"action":"allow","data":{"data":{"text":"fixed"}}}`},
		{reqBody("message.shouldCreate", `{"messageId":"m2","data":{"text":"x"}}`), `{"action":"deny"}`},
		{reqBody("channel.shouldJoin", `{"channelId":"c"}`), `{"action":"allow"}`},
		{reqBody("story.shouldCreate", `{"storyId":"s"}`), `{"action":"allow"}`},
	}
	for _, tc := range cases {
		// Both signature forms are accepted.
		for _, hdr := range []map[string]string{
			{"x-amity-signature": webhook.Sign(tc.body, secret)},
			{"x-signature": webhook.SignHex(tc.body, secret)},
		} {
			rec := post(t, h, tc.body, hdr)
			if rec.Code != http.StatusOK || strings.TrimSpace(rec.Body.String()) != tc.want {
				t.Errorf("%s: %d %s, want %s", tc.body, rec.Code, rec.Body, tc.want)
			}
		}
	}
	n := calls.Load()
	body := reqBody("post.shouldCreate", `{"postId":"p","data":{"text":"hello"}}`)
	for _, hdr := range []map[string]string{nil, {"x-signature": webhook.SignHex(body, []byte("x"))}, {"x-amity-signature": "nope"}} {
		if rec := post(t, h, body, hdr); rec.Code != http.StatusUnauthorized {
			t.Errorf("unsigned %v: %d", hdr, rec.Code)
		}
	}
	if calls.Load() != n {
		t.Fatal("decide ran for an unsigned request")
	}
	bad := []byte(`{"eventName":"post.shouldCreate","data":{"postId":7}}`)
	if rec := post(t, h, bad, signed(bad)); rec.Code != http.StatusBadRequest {
		t.Errorf("bad data: %d", rec.Code)
	}
}

func TestPreHookDeadline(t *testing.T) {
	failed := make(chan error, 2)
	h := newPreHook(t, func(ctx context.Context, req *webhook.PreHookRequest) webhook.PreHookReply {
		if req.Post.PostID == "panic" {
			panic("boom")
		}
		<-ctx.Done() // a decision that takes too long
		time.Sleep(50 * time.Millisecond)
		return webhook.Allow()
	}, webhook.WithPreHookDeadline(100*time.Millisecond), webhook.WithDefaultReply(webhook.Deny("timed out")),
		webhook.WithPreHookErrorHandler(func(ctx context.Context, req *webhook.PreHookRequest, err error) { failed <- err }))
	body := []byte(`{"eventName":"post.shouldCreate","data":{"postId":"p"},"actor":{"userId":"u"}}`)
	start := time.Now()
	rec := post(t, h, body, signed(body))
	elapsed := time.Since(start)
	if rec.Code != 200 || strings.TrimSpace(rec.Body.String()) != `{"action":"deny","message":"timed out"}` {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if elapsed < 100*time.Millisecond || elapsed > 400*time.Millisecond {
		t.Fatalf("replied after %v, deadline 100ms", elapsed)
	}
	if err := <-failed; !strings.Contains(err.Error(), "deadline") {
		t.Fatalf("reported %v", err)
	}
	body = []byte(`{"eventName":"post.shouldCreate","data":{"postId":"panic"},"actor":{"userId":"u"}}`)
	if rec := post(t, h, body, signed(body)); strings.TrimSpace(rec.Body.String()) != `{"action":"deny","message":"timed out"}` {
		t.Fatalf("panic: %s", rec.Body)
	}
	if err := <-failed; !strings.Contains(err.Error(), "panicked") {
		t.Fatalf("reported %v", err)
	}
	// The default deadline is below the network's 2 s timeout.
	if webhook.DefaultPreHookDeadline >= 2*time.Second {
		t.Fatal("default deadline not below 2 s")
	}
}

func TestReplyJSON(t *testing.T) {
	for reply, want := range map[*webhook.PreHookReply]string{
		ptr(webhook.Allow()):                        `{"action":"allow"}`,
		ptr(webhook.Deny("no")):                     `{"action":"deny","message":"no"}`,
		ptr(webhook.Modify(map[string]any{"a": 1})): `{"action":"allow","data":{"a":1}}`,
	} {
		b, _ := json.Marshal(reply)
		if string(b) != want {
			t.Errorf("%s, want %s", b, want)
		}
	}
}

func ptr[T any](v T) *T { return &v }
