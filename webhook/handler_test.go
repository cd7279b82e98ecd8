package webhook_test

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/amity-go/amity/webhook"
)

// newHandler is webhook.NewHandler with the test secret; it fails the test on an error.
func newHandler(t testing.TB, opts ...webhook.HandlerOption) *webhook.Handler {
	t.Helper()
	h, err := webhook.NewHandler(secret, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// newPreHook is webhook.NewPreHookHandler with the test secret; it fails the test on an error.
func newPreHook(t testing.TB, decide func(context.Context, *webhook.PreHookRequest) webhook.PreHookReply, opts ...webhook.PreHookOption) *webhook.PreHookHandler {
	t.Helper()
	h, err := webhook.NewPreHookHandler(secret, decide, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// An unusable secret (an unset variable, a file's newline) is an error when the handler is
// built, not a 401 for every delivery later.
func TestNewHandlersRejectUnusableSecrets(t *testing.T) {
	allow := func(context.Context, *webhook.PreHookRequest) webhook.PreHookReply { return webhook.Allow() }
	cases := []struct {
		name   string
		secret []byte
		want   error
	}{
		{"nil", nil, webhook.ErrNoSecret},
		{"empty", []byte(""), webhook.ErrNoSecret},
		{"white space only", []byte(" \t\r\n"), webhook.ErrNoSecret},
		{"trailing newline", []byte("s3cret\n"), webhook.ErrSecretSpace},
		{"leading space", []byte(" s3cret"), webhook.ErrSecretSpace},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h, err := webhook.NewHandler(tc.secret)
			if !errors.Is(err, tc.want) || h != nil {
				t.Errorf("NewHandler(%q): a handler %t, error %v; want no handler and %v", tc.secret, h != nil, err, tc.want)
			}
			ph, err := webhook.NewPreHookHandler(tc.secret, allow)
			if !errors.Is(err, tc.want) || ph != nil {
				t.Errorf("NewPreHookHandler(%q): a handler %t, error %v; want no handler and %v", tc.secret, ph != nil, err, tc.want)
			}
		})
	}
	// A secret with white space inside is a secret like any other.
	if _, err := webhook.NewHandler([]byte("two words")); err != nil {
		t.Errorf("inner space: %v", err)
	}
	if _, err := webhook.NewPreHookHandler([]byte("two words"), allow); err != nil {
		t.Errorf("inner space: %v", err)
	}
}

// flakyJSON encodes once, then fails: a value whose encoding changes after it was checked.
type flakyJSON struct{ calls *atomic.Int32 }

func (f flakyJSON) MarshalJSON() ([]byte, error) {
	if f.calls.Add(1) > 1 {
		return nil, errors.New("flaky encoder")
	}
	return []byte(`"checked"`), nil
}

// A default reply that cannot be sent is an error when the handler is built; a decision that
// cannot be sent gets the default reply, never an empty 200.
func TestPreHookDefaultReplyIsValidated(t *testing.T) {
	allow := func(context.Context, *webhook.PreHookRequest) webhook.PreHookReply { return webhook.Allow() }
	for name, reply := range map[string]webhook.PreHookReply{
		"zero":           {},
		"unknown action": {Action: "maybe"},
		"unencodable":    webhook.Modify(make(chan int)),
	} {
		h, err := webhook.NewPreHookHandler(secret, allow, webhook.WithDefaultReply(reply))
		if !errors.Is(err, webhook.ErrInvalidReply) || h != nil {
			t.Errorf("default reply %s: a handler %t, error %v; want no handler and ErrInvalidReply", name, h != nil, err)
		}
	}

	failures := make(chan error, 10)
	var calls atomic.Int32
	decisions := map[string]webhook.PreHookReply{
		"chan": webhook.Modify(make(chan int)),
		"zero": {},
		"func": webhook.Modify(map[string]any{"f": func() {}}),
	}
	h := newPreHook(t, func(ctx context.Context, req *webhook.PreHookRequest) webhook.PreHookReply {
		return decisions[req.Post.PostID]
	},
		// The default encodes when checked and fails afterwards: the handler must send the
		// bytes it checked.
		webhook.WithDefaultReply(webhook.PreHookReply{Action: webhook.ActionDeny, Message: "fallback", Data: flakyJSON{&calls}}),
		webhook.WithPreHookErrorHandler(func(ctx context.Context, req *webhook.PreHookRequest, err error) { failures <- err }))
	const want = `{"action":"deny","data":"checked","message":"fallback"}`
	for id := range decisions {
		body := []byte(`{"eventName":"post.shouldCreate","data":{"postId":"` + id + `"},"actor":{"userId":"u"}}`)
		rec := post(t, h, body, signed(body))
		if rec.Code != http.StatusOK || rec.Body.String() != want {
			t.Errorf("decision %s: %d %q, want 200 %s", id, rec.Code, rec.Body, want)
		}
		select {
		case err := <-failures:
			if !errors.Is(err, webhook.ErrInvalidReply) {
				t.Errorf("decision %s: reported %v, want ErrInvalidReply", id, err)
			}
		default:
			t.Errorf("decision %s: not reported", id)
		}
	}
}
