package webhook_test

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/amity-go/amity/webhook"
)

// The legacy duplicates Amity signs with x-eko-signature are acknowledged with 200 and
// dropped: never 401, never run, in either mode; the same body signed with
// x-amity-signature runs.
func TestLegacyDuplicatesAreAcknowledgedAndDropped(t *testing.T) {
	for _, mode := range []struct {
		name string
		opts []webhook.HandlerOption
	}{{"async", nil}, {"sync", []webhook.HandlerOption{webhook.WithSynchronous()}}} {
		t.Run(mode.name, func(t *testing.T) {
			var runs atomic.Int32
			h := newHandler(t, mode.opts...)
			h.OnAny(func(context.Context, *webhook.Event) error { runs.Add(1); return nil })
			body := []byte(postBody)
			for _, sig := range []string{webhook.Sign(body, secret), "not-even-base64", webhook.Sign(body, []byte("other"))} {
				rec := post(t, h, body, map[string]string{"x-eko-signature": sig})
				if rec.Code != http.StatusOK || rec.Body.String() != "{}" {
					t.Fatalf("legacy duplicate: %d %q, want 200 {}", rec.Code, rec.Body)
				}
			}
			// Both headers: the delivery is the signed one, and a wrong signature is a 401.
			both := map[string]string{"x-eko-signature": "x", "x-amity-signature": webhook.Sign(body, []byte("other"))}
			if rec := post(t, h, body, both); rec.Code != http.StatusUnauthorized {
				t.Fatalf("bad x-amity-signature next to x-eko-signature: %d, want 401", rec.Code)
			}
			if err := h.Close(context.Background()); err != nil {
				t.Fatal(err)
			}
			if n := runs.Load(); n != 0 {
				t.Fatalf("handlers ran %d times for legacy duplicates", n)
			}
		})
	}
	h := newHandler(t, webhook.WithSynchronous())
	var runs atomic.Int32
	h.OnAny(func(context.Context, *webhook.Event) error { runs.Add(1); return nil })
	body := []byte(postBody)
	if rec := post(t, h, body, signed(body)); rec.Code != http.StatusOK || runs.Load() != 1 {
		t.Fatalf("the signed delivery: %d, %d runs", rec.Code, runs.Load())
	}
}
