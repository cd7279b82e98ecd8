package webhook_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/amity-go/amity/webhook"
)

func ExampleConstructEvent() {
	secret := []byte("the network's webhook secret")
	body := []byte(`{"event":"v3.post.didCreate","data":{"posts":[{"postId":"p1","postedUserId":"alice","data":{"text":"hello"}}],"users":[{"userId":"alice","displayName":"Alice"}]}}`)
	signature := webhook.Sign(body, secret) // what Amity sends in x-amity-signature

	ev, err := webhook.ConstructEvent(body, signature, secret)
	if err != nil {
		fmt.Println("rejected:", err)
		return
	}
	switch d := ev.Data.(type) {
	case *webhook.PostEvent:
		p := d.Posts[0] // or d.Post(), and d.Author(p) for the sideloaded author
		fmt.Println(ev.Name, p.PostID, p.Data.Text, d.Users[0].DisplayName)
	case *webhook.Unknown:
		fmt.Println("unknown event", ev.Name)
	}

	_, err = webhook.ConstructEvent(append(body, ' '), signature, secret)
	fmt.Println(err)
	// Output:
	// v3.post.didCreate p1 hello Alice
	// webhook: signature does not match the body
}

func ExampleNewHandler() {
	secret := []byte("the network's webhook secret")
	h, err := webhook.NewHandler(secret, webhook.WithSynchronous())
	if err != nil { // an empty secret, say
		fmt.Println(err)
		return
	}
	webhook.On(h, webhook.EventPostDidFlag, func(ctx context.Context, ev *webhook.Event, d *webhook.PostEvent) error {
		fmt.Println("flagged:", d.Posts[0].PostID, "by", d.FlaggedUserID)
		return nil
	})
	h.OnAny(func(ctx context.Context, ev *webhook.Event) error {
		fmt.Println("event:", ev.Name)
		return nil
	})
	// http.Handle("/amity/webhook", h) in a real server; here a recorded request.
	body := []byte(`{"event":"v3.post.didFlag","data":{"posts":[{"postId":"p1"}],"flaggedUserId":"bob"}}`)
	req := httptest.NewRequest(http.MethodPost, "/amity/webhook", bytes.NewReader(body))
	req.Header.Set("x-amity-signature", webhook.Sign(body, secret))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code)

	unsigned := httptest.NewRequest(http.MethodPost, "/amity/webhook", bytes.NewReader(body))
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, unsigned)
	fmt.Println(rec.Code)
	// Output:
	// flagged: p1 by bob
	// event: v3.post.didFlag
	// 200
	// 401
}

// Without WithLogger nothing is logged. With it, the default error handler logs each event
// not handled as one record at Error level, with the event's name and the error.
func ExampleWithLogger() {
	noTime := func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime}))
	secret := []byte("the network's webhook secret")
	h, err := webhook.NewHandler(secret, webhook.WithSynchronous(), webhook.WithLogger(logger))
	if err != nil {
		fmt.Println(err)
		return
	}
	h.OnAny(func(ctx context.Context, ev *webhook.Event) error { return errors.New("database unavailable") })

	body := []byte(`{"event":"v3.post.didCreate","data":{"posts":[{"postId":"p1"}]}}`)
	req := httptest.NewRequest(http.MethodPost, "/amity/webhook", bytes.NewReader(body))
	req.Header.Set("x-amity-signature", webhook.Sign(body, secret))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code)
	// Output:
	// level=ERROR msg="webhook event not handled" event=v3.post.didCreate error="database unavailable"
	// 500
}

func ExampleNewPreHookHandler() {
	secret := []byte("the pre-hook secret key")
	h, err := webhook.NewPreHookHandler(secret, func(ctx context.Context, req *webhook.PreHookRequest) webhook.PreHookReply {
		if req.Post != nil && strings.Contains(strings.ToLower(req.Post.Data.Text), "spoiler") {
			return webhook.Deny("no spoilers, please")
		}
		return webhook.Allow()
	}, webhook.WithDefaultReply(webhook.Allow()))
	if err != nil {
		fmt.Println(err)
		return
	}

	body := []byte(`{"eventName":"post.shouldCreate","data":{"postId":"p1","data":{"text":"Spoiler: it was a dream"}},"actor":{"_id":"6501","userId":"alice"}}`)
	req := httptest.NewRequest(http.MethodPost, "/amity/prehook", bytes.NewReader(body))
	req.Header.Set("x-signature", webhook.SignHex(body, secret)) // the docs' hex form
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Print(rec.Code, " ", rec.Body.String())
	// Output:
	// 200 {"action":"deny","message":"no spoilers, please"}
}

func ExampleParse() {
	// The v3 and v5 message events share their names on the wire; Parse tells them apart by
	// the data's shape.
	for _, body := range []string{
		`{"event":"message.didCreate","data":{"messages":[{"messageId":"m1","channelId":"c1","channelSegment":4}]}}`,
		`{"event":"message.didCreate","data":{"messages":[{"messageId":"m2","messageFeedId":"f1","segment":4}],"messageFeeds":[]}}`,
		`{"event":"story.didCreate","data":{}}`,
	} {
		ev, err := webhook.Parse([]byte(body))
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s %T\n", ev.Name, ev.Data)
	}
	// Output:
	// message.didCreate *webhook.V3MessageEvent
	// v5.message.didCreate *webhook.MessageEvent
	// story.didCreate *webhook.Unknown
}

// A Handler with a file inbox: the delivery is on disk before the 200, the handlers run
// from the inbox at least once, and the same delivery sent again is not run twice. A
// handler that fails is retried; after WithMaxAttempts runs the event is dead, listed with
// its last error until it is replayed or dropped.
func ExampleWithInbox() {
	dir, err := os.MkdirTemp("", "inbox")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	inbox, err := webhook.OpenFileInbox(filepath.Join(dir, "amity-inbox.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer inbox.Close() // after the Handler

	secret := []byte("the network's webhook secret")
	h, err := webhook.NewHandler(secret, webhook.WithInbox(inbox),
		webhook.WithMaxAttempts(2), webhook.WithRetryBackoff(time.Millisecond, time.Millisecond))
	if err != nil {
		fmt.Println(err)
		return
	}
	ran := make(chan string, 4)
	webhook.On(h, webhook.EventPostDidCreate, func(ctx context.Context, ev *webhook.Event, d *webhook.PostEvent) error {
		if d.Posts[0].PostID == "broken" {
			return errors.New("cannot handle it")
		}
		ran <- fmt.Sprintf("post %s, attempt %d", d.Posts[0].PostID, ev.Attempt)
		return nil
	})
	deliver := func(body string) int {
		req := httptest.NewRequest(http.MethodPost, "/amity/webhook", strings.NewReader(body))
		req.Header.Set("x-amity-signature", webhook.Sign([]byte(body), secret))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	ok := `{"event":"v3.post.didCreate","data":{"posts":[{"postId":"p1"}]}}`
	fmt.Println(deliver(ok), deliver(ok)) // Amity sending it again: stored once
	fmt.Println(<-ran)
	fmt.Println(deliver(`{"event":"v3.post.didCreate","data":{"posts":[{"postId":"broken"}]}}`))

	ctx := context.Background()
	for {
		dead, err := inbox.List(ctx, webhook.InboxDead)
		if err != nil {
			fmt.Println(err)
			return
		}
		if len(dead) == 1 {
			fmt.Printf("dead after %d attempts: %s\n", dead[0].Attempts, dead[0].LastError)
			fmt.Println(inbox.Drop(ctx, dead[0].Key)) // or inbox.Replay(ctx, dead[0].Key) once fixed
			break
		}
		time.Sleep(time.Millisecond)
	}
	fmt.Println(h.Close(ctx))
	// Output:
	// 200 200
	// post p1, attempt 1
	// 200
	// dead after 2 attempts: cannot handle it
	// <nil>
	// <nil>
}
