package amitytest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
)

// errNoWebhook is the error of a delivery asked for while no webhook URL is set.
var errNoWebhook = errors.New("amitytest: no webhook URL (SetWebhook)")

// RedeliverWebhooks POSTs each delivery again to the webhook URL, as is (the same body and
// signature), as Amity does with a delivery that got no 200 in time: a receiver's dedup
// and idempotency can be tested with it. Pass deliveries from WebhookDeliveries (or a
// burst). The new deliveries are returned, in order, and recorded in WebhookDeliveries. It
// returns an error when no webhook URL is set or ctx ends; a delivery that fails is
// recorded with its Err, like any other.
func (s *Server) RedeliverWebhooks(ctx context.Context, deliveries ...WebhookDelivery) ([]WebhookDelivery, error) {
	url, _, client, err := s.webhookTarget()
	if err != nil {
		return nil, err
	}
	out := make([]WebhookDelivery, 0, len(deliveries))
	for _, d := range deliveries {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		out = append(out, s.recordDelivery(s.webhooks.post(ctx, client, url, d)))
	}
	return out, nil
}

// WebhookBurst describes the events of DeliverWebhookBurst.
type WebhookBurst struct {
	// Count is how many events are sent (default 1,000); Concurrency how many at once
	// (default 32).
	Count, Concurrency int
	// Event is the events' name (default "v3.post.didCreate"); Data returns the data of
	// event i (default: a post "burst-<i>" by user "burst"). Each event must be unique for
	// a receiver that deduplicates to run each.
	Event string
	Data  func(i int) any
}

// DeliverWebhookBurst POSTs b.Count signed events to the webhook URL, b.Concurrency at a
// time, directly (not through the queue of the operations' events): a receiver's
// behaviour under load can be tested with it. The deliveries are returned in event order
// and recorded in WebhookDeliveries. It returns an error when no webhook URL is set, when
// an event's data cannot be encoded, or when ctx ends.
func (s *Server) DeliverWebhookBurst(ctx context.Context, b WebhookBurst) ([]WebhookDelivery, error) {
	url, secret, client, err := s.webhookTarget()
	if err != nil {
		return nil, err
	}
	if b.Count <= 0 {
		b.Count = 1000
	}
	if b.Concurrency <= 0 {
		b.Concurrency = 32
	}
	if b.Event == "" {
		b.Event = "v3.post.didCreate"
	}
	if b.Data == nil {
		b.Data = burstPost
	}
	out := make([]WebhookDelivery, b.Count)
	for i := range out {
		body, err := json.Marshal(map[string]any{"event": b.Event, "data": b.Data(i)})
		if err != nil {
			return nil, fmt.Errorf("amitytest: the data of burst event %d: %w", i, err)
		}
		out[i] = WebhookDelivery{Event: b.Event, Body: body, Signature: signBase64(body, secret)}
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(b.Concurrency, b.Count) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = s.webhooks.post(ctx, client, url, out[i])
			}
		}()
	}
feed:
	for i := range out {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	for _, d := range out {
		s.recordDelivery(d)
	}
	return out, ctx.Err()
}

// burstPost is the default data of burst event i: a post of its own.
func burstPost(i int) any {
	id := fmt.Sprintf("burst-%d", i)
	return map[string]any{
		"posts": []any{map[string]any{
			"postId": id, "postedUserId": "burst", "dataType": "text",
			"data": map[string]any{"text": id},
		}},
		"users": []any{map[string]any{"userId": "burst", "displayName": "Burst"}},
	}
}

// webhookTarget returns the webhook URL, its secret and the delivery client.
func (s *Server) webhookTarget() (url string, secret []byte, client *http.Client, err error) {
	w := &s.webhooks
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.url == "" || w.closed {
		return "", nil, nil, errNoWebhook
	}
	if w.client == nil {
		w.client = &http.Client{Timeout: webhookTimeout}
	}
	return w.url, w.secret, w.client, nil
}

// recordDelivery appends d to the deliveries WebhookDeliveries returns.
func (s *Server) recordDelivery(d WebhookDelivery) WebhookDelivery {
	w := &s.webhooks
	w.mu.Lock()
	defer w.mu.Unlock()
	w.delivered = append(w.delivered, d)
	return d
}
