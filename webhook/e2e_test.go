package webhook_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/amity-go/amity/webhook"
)

// e2e is a fake network with a webhook receiver and a pre-hook wired to it.
type e2e struct {
	srv    *amitytest.Server
	events chan *webhook.Event
	admin  *amity.Client
	alice  *amity.Client
}

func newE2E(t *testing.T, decide func(ctx context.Context, req *webhook.PreHookRequest) webhook.PreHookReply) *e2e {
	t.Helper()
	srv := amitytest.NewServer()
	t.Cleanup(srv.Close)
	events := make(chan *webhook.Event, 64)
	h := newHandler(t)
	h.OnAny(func(ctx context.Context, ev *webhook.Event) error { events <- ev; return nil })
	t.Cleanup(func() { _ = h.Close(context.Background()) })
	recv := httptest.NewServer(h)
	t.Cleanup(recv.Close)
	srv.SetWebhook(recv.URL, secret)
	if decide != nil {
		preSecret := []byte("pre-hook-secret")
		ph, err := webhook.NewPreHookHandler(preSecret, decide)
		if err != nil {
			t.Fatal(err)
		}
		pre := httptest.NewServer(ph)
		t.Cleanup(pre.Close)
		srv.SetPreHook(pre.URL, preSecret, 2*time.Second, "allow")
	}
	admin, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(srv.AdminToken()), amity.WithAPIKey(srv.APIKey()))
	if err != nil {
		t.Fatal(err)
	}
	alice, err := admin.AsUser("alice", amity.WithDisplayName("Alice"))
	if err != nil {
		t.Fatal(err)
	}
	return &e2e{srv: srv, events: events, admin: admin, alice: alice}
}

// next waits for the next event named name, skipping others.
func (e *e2e) next(t *testing.T, name webhook.EventName) *webhook.Event {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case ev := <-e.events:
			if ev.Name == name {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %s event", name)
		}
	}
}

func (e *e2e) create(text string) (*amity.PostPayload, error) {
	return e.alice.Posts.Create(context.Background(), &amity.CreatePostParams{Data: &amity.CreatePostData{Text: text}})
}

func TestE2EPostCreatedIsVerifiedWithAuthor(t *testing.T) {
	e := newE2E(t, nil)
	p, err := e.create("hello webhooks")
	if err != nil {
		t.Fatal(err)
	}
	ev := e.next(t, webhook.EventPostDidCreate)
	d := ev.Data.(*webhook.PostEvent)
	if len(d.Posts) != 1 || d.Posts[0].PostID != p.Posts[0].PostID || d.Posts[0].Data.Text != "hello webhooks" {
		t.Fatalf("event posts: %+v", d.Posts)
	}
	// The author is sideloaded (accessor form: d.Author(d.Post())).
	var author *amity.User
	for i := range d.Users {
		if d.Users[i].UserID == d.Posts[0].PostedUserID {
			author = &d.Users[i]
		}
	}
	if author == nil || author.UserID != "alice" || author.DisplayName != "Alice" {
		t.Fatalf("author not sideloaded: %+v", d.Users)
	}
	// The delivery carried a valid signature over the exact body.
	if err := e.srv.FlushWebhooks(context.Background()); err != nil {
		t.Fatal(err)
	}
	deliveries := e.srv.WebhookDeliveries()
	found := false
	for _, del := range deliveries {
		if del.Event == "v3.post.didCreate" {
			found = true
			if err := webhook.Verify(del.Body, del.Signature, secret); err != nil || del.Status != http.StatusOK {
				t.Fatalf("delivery: status %d, verify %v", del.Status, err)
			}
		}
	}
	if !found {
		t.Fatal("no delivery recorded")
	}
	// Flag, update and delete cause their events, in order.
	postID := p.Posts[0].PostID
	if _, err := e.admin.Posts.Flag(context.Background(), postID, nil); err != nil {
		t.Fatal(err)
	}
	flag := e.next(t, webhook.EventPostDidFlag).Data.(*webhook.PostEvent)
	if flag.FlaggedUserID == "" || flag.Posts[0].PostID != postID {
		t.Fatalf("flag event: %+v", flag)
	}
	if err := e.alice.Posts.Delete(context.Background(), postID, nil); err != nil {
		t.Fatal(err)
	}
	e.next(t, webhook.EventPostDidDelete)
}

func TestE2EPreHookDenyStoresNothing(t *testing.T) {
	e := newE2E(t, func(ctx context.Context, req *webhook.PreHookRequest) webhook.PreHookReply {
		if req.Post != nil && strings.Contains(req.Post.Data.Text, "forbidden") {
			return webhook.Deny("posts may not say forbidden")
		}
		return webhook.Allow()
	})
	_, err := e.create("a forbidden word")
	var apiErr *amity.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest || apiErr.Code != 400000 || apiErr.Message != "posts may not say forbidden" {
		t.Fatalf("create: %v", err)
	}
	if _, err := e.create("fine"); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.FlushWebhooks(context.Background()); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for p, err := range e.alice.Posts.List(context.Background(), &amity.ListPostsParams{TargetType: amity.PostTargetUser, TargetID: "alice"}) {
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, p.Data.Text)
	}
	if len(texts) != 1 || texts[0] != "fine" {
		t.Fatalf("stored posts %q, want only \"fine\"", texts)
	}
	for _, d := range e.srv.WebhookDeliveries() {
		if strings.Contains(string(d.Body), "forbidden") {
			t.Fatalf("a webhook was sent for the denied post: %s", d.Event)
		}
	}
	calls := e.srv.PreHookCalls()
	if len(calls) != 2 || calls[0].Event != "post.shouldCreate" || calls[0].Action != "deny" || calls[1].Action != "allow" {
		t.Fatalf("pre-hook calls %+v", calls)
	}
}

func TestE2EPreHookModify(t *testing.T) {
	e := newE2E(t, func(ctx context.Context, req *webhook.PreHookRequest) webhook.PreHookReply {
		if req.Post != nil && req.Actor.UserID == "alice" {
			return webhook.Modify(map[string]any{"data": map[string]any{"text": strings.ReplaceAll(req.Post.Data.Text, "darn", "****")}})
		}
		return webhook.Allow()
	})
	p, err := e.create("darn it")
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Posts[0].Data.Text; got != "**** it" {
		t.Fatalf("answer text %q", got)
	}
	stored, err := e.alice.Posts.Get(context.Background(), p.Posts[0].PostID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := stored.Posts[0].Data.Text; got != "**** it" {
		t.Fatalf("stored text %q, want the modified one", got)
	}
	ev := e.next(t, webhook.EventPostDidCreate)
	if got := ev.Data.(*webhook.PostEvent).Posts[0].Data.Text; got != "**** it" {
		t.Fatalf("event text %q", got)
	}
	// An update goes through post.shouldUpdate too.
	upd, err := e.alice.Posts.Update(context.Background(), p.Posts[0].PostID, &amity.UpdatePostParams{Data: &amity.UpdatePostData{Text: ptr("darn again")}})
	if err != nil {
		t.Fatal(err)
	}
	if got := upd.Posts[0].Data.Text; got != "**** again" {
		t.Fatalf("updated text %q", got)
	}
}

func TestE2EPreHookTimeoutAppliesDefault(t *testing.T) {
	e := newE2E(t, nil)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(300 * time.Millisecond):
		}
	}))
	defer slow.Close()
	e.srv.SetPreHook(slow.URL, []byte("s"), 100*time.Millisecond, "deny")
	start := time.Now()
	_, err := e.create("hello")
	var apiErr *amity.Error
	if !errors.As(err, &apiErr) || apiErr.Code != 400000 {
		t.Fatalf("create with a slow deny-by-default pre-hook: %v", err)
	}
	if time.Since(start) > time.Second {
		t.Fatalf("took %v", time.Since(start))
	}
	if calls := e.srv.PreHookCalls(); len(calls) != 1 || !calls[0].TimedOut {
		t.Fatalf("calls %+v", calls)
	}
	e.srv.SetPreHook(slow.URL, []byte("s"), 100*time.Millisecond, "allow")
	if _, err := e.create("hello"); err != nil {
		t.Fatalf("allow by default: %v", err)
	}
}
