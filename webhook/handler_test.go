package webhook_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/amity-go/amity/webhook"
)

// newHandler is webhook.NewHandler with the test secret; it fails the test on an error.
func newHandler(t testing.TB, opts ...webhook.Option) *webhook.Handler {
	t.Helper()
	h, err := webhook.NewHandler(secret, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// newPreHook is webhook.NewPreHookHandler with the test secret; it fails the test on an error.
func newPreHook(t testing.TB, decide func(context.Context, *webhook.PreHookRequest) webhook.PreHookReply, opts ...webhook.Option) http.Handler {
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
