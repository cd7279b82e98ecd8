package amitytest

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/amity-go/amity/webhook"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inboxReceiver serves a webhook.Handler with a file inbox on webhookSecret and points
// srv's webhook at it; runs counts the handler's runs per post ID.
func inboxReceiver(t *testing.T, srv *Server) (runs func() map[string]int, h *webhook.Handler) {
	t.Helper()
	in, err := webhook.OpenFileInbox(filepath.Join(t.TempDir(), "inbox.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = in.Close() })
	h, err = webhook.NewHandler(webhookSecret, webhook.WithInbox(in))
	require.NoError(t, err)
	t.Cleanup(func() { _ = h.Close(context.Background()) }) // before in.Close
	var mu sync.Mutex
	counts := map[string]int{}
	webhook.On(h, webhook.EventPostDidCreate, func(_ context.Context, _ *webhook.Event, d *webhook.PostEvent) error {
		mu.Lock()
		defer mu.Unlock()
		counts[d.Posts[0].PostID]++
		return nil
	})
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	srv.SetWebhook(ts.URL, webhookSecret)
	return func() map[string]int {
		mu.Lock()
		defer mu.Unlock()
		out := map[string]int{}
		for k, v := range counts {
			out[k] = v
		}
		return out
	}, h
}

// waitFor polls cond for up to a minute (a loaded machine runs a burst slowly).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// A delivery sent again is the same request (body and signature); a receiver with an
// inbox acknowledges both and runs the event once.
func TestRedeliverWebhooks(t *testing.T) {
	srv := newServer(t)
	ts, got := receiver(t, nil)
	srv.SetWebhook(ts.URL, webhookSecret)
	ok(t, call(t, srv, srv.UserToken("alice"), "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "hi"}}))
	require.NoError(t, srv.FlushWebhooks(context.Background()))
	first := srv.WebhookDeliveries()
	require.Len(t, first, 1)
	again, err := srv.RedeliverWebhooks(context.Background(), first...)
	require.NoError(t, err)
	require.Len(t, again, 1)
	assert.Equal(t, 200, again[0].Status)
	reqs := got()
	require.Len(t, reqs, 2)
	assert.Equal(t, reqs[0].body, reqs[1].body)
	assert.Equal(t, reqs[0].header.Get("X-Amity-Signature"), reqs[1].header.Get("X-Amity-Signature"))
	assert.Len(t, srv.WebhookDeliveries(), 2)

	srv2 := newServer(t)
	runs, _ := inboxReceiver(t, srv2)
	ok(t, call(t, srv2, srv2.UserToken("alice"), "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "hi"}}))
	require.NoError(t, srv2.FlushWebhooks(context.Background()))
	d := srv2.WebhookDeliveries()
	for range 2 {
		again, err := srv2.RedeliverWebhooks(context.Background(), d...)
		require.NoError(t, err)
		assert.Equal(t, 200, again[0].Status)
	}
	waitFor(t, "the run", func() bool { return len(runs()) == 1 })
	time.Sleep(50 * time.Millisecond) // a second run would come now
	for id, n := range runs() {
		assert.Equal(t, 1, n, "post %s delivered 3 times ran %d times", id, n)
	}

	_, err = newServer(t).RedeliverWebhooks(context.Background(), d...)
	assert.True(t, errors.Is(err, errNoWebhook), "without a webhook: %v", err)
}

// A burst of 1,000 distinct signed events reaches the receiver, each answered 200; a
// receiver with an inbox runs each event of a burst once.
func TestDeliverWebhookBurst(t *testing.T) {
	srv := newServer(t)
	ts, got := receiver(t, nil)
	srv.SetWebhook(ts.URL, webhookSecret)
	ds, err := srv.DeliverWebhookBurst(context.Background(), WebhookBurst{})
	require.NoError(t, err)
	require.Len(t, ds, 1000)
	bodies := map[string]bool{}
	for i, d := range ds {
		require.Equal(t, 200, d.Status, "delivery %d: %v", i, d.Err)
		ev, err := webhook.ConstructEvent(d.Body, d.Signature, webhookSecret)
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprint("burst-", i), ev.Data.(*webhook.PostEvent).Posts[0].PostID)
		bodies[string(d.Body)] = true
	}
	assert.Len(t, bodies, 1000, "distinct bodies")
	assert.Len(t, got(), 1000, "requests received")
	assert.Len(t, srv.WebhookDeliveries(), 1000)

	durable := newServer(t)
	runs, _ := inboxReceiver(t, durable)
	ds, err = durable.DeliverWebhookBurst(context.Background(), WebhookBurst{Count: 200})
	require.NoError(t, err)
	for i, d := range ds {
		require.Equal(t, 200, d.Status, "delivery %d: %v", i, d.Err)
	}
	waitFor(t, "200 runs", func() bool { return len(runs()) == 200 })
	for id, n := range runs() {
		require.Equal(t, 1, n, "%s ran %d times", id, n)
	}

	custom, err := srv.DeliverWebhookBurst(context.Background(), WebhookBurst{
		Count: 3, Concurrency: 1, Event: "user.didFlag",
		Data: func(i int) any { return map[string]any{"users": []any{map[string]any{"userId": fmt.Sprint("u", i)}}} },
	})
	require.NoError(t, err)
	require.Len(t, custom, 3)
	for _, d := range custom {
		assert.Equal(t, "user.didFlag", d.Event)
		assert.Equal(t, 200, d.Status)
	}
	_, err = newServer(t).DeliverWebhookBurst(context.Background(), WebhookBurst{Count: 1})
	assert.True(t, errors.Is(err, errNoWebhook), "without a webhook: %v", err)
}
