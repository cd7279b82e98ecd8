// Command webhooks is a webhook receiver and a pre-hook: it logs every verified event Amity
// sends and denies posts that contain a blocked word (-block, default "forbidden").
//
// With no AMITY_REGION and credentials set it runs on the built-in fake (amitytest), which
// delivers real signed webhooks and calls the pre-hook: the example points the fake at its
// own receiver, creates posts as a user through the SDK, flags one, and shows the events
// received and the denied post. Its first line of output says which network it talks to and
// in which mode.
//
// On the fake it then shows a durable receiver: a file inbox (webhook.OpenFileInbox) that
// stores each delivery before the 200 and runs the handlers from it, at least once; the
// fake delivers one event three times (it runs once) and a burst of 100 events, one of
// whose handlers fails once and is retried.
//
// On a real network (AMITY_REGION or AMITY_BASE_URL and credentials set) it only listens, on
// -addr, at /webhook (secret AMITY_WEBHOOK_SECRET) and /prehook (secret
// AMITY_PREHOOK_SECRET), until interrupted; register those URLs with Amity (webhooks are
// enabled through support; the pre-hook with PUT /api/v3/network-settings/prehook). With
// -inbox FILE the webhook receiver keeps its deliveries in that file inbox.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
	"github.com/amity-go/amity/examples/internal/exampleenv"
	"github.com/amity-go/amity/webhook"
)

type config struct {
	addr  string
	block string
	inbox string // the file inbox of the real-network receiver; "": none
	// logger gets the errors the receiver's default error handlers log: a handler that
	// failed, a pre-hook answered with its default reply. Nil: not logged.
	logger *slog.Logger
}

func main() {
	var cfg config
	flag.StringVar(&cfg.addr, "addr", ":8080", "address to listen on (real network only)")
	flag.StringVar(&cfg.block, "block", "forbidden", "the pre-hook denies posts containing this word (case-insensitive)")
	flag.StringVar(&cfg.inbox, "inbox", "", "keep the webhook deliveries in this file inbox (real network only)")
	flag.Parse()
	cfg.logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "webhooks:", err)
		os.Exit(1)
	}
}

// logger writes lines from the handlers' goroutines.
type logger struct {
	mu  sync.Mutex
	out io.Writer
}

func (l *logger) printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.out, format+"\n", args...)
}

// receiver returns the webhook handler of the example; an error for an unusable secret.
func receiver(log *logger, webhookSecret []byte, opts ...webhook.HandlerOption) (*webhook.Handler, error) {
	h, err := webhook.NewHandler(webhookSecret, opts...)
	if err != nil {
		return nil, err
	}
	webhook.On(h, webhook.EventPostDidCreate, func(ctx context.Context, ev *webhook.Event, d *webhook.PostEvent) error {
		for _, p := range d.Posts {
			author := p.PostedUserID
			for _, u := range d.Users { // the sideloaded author (d.Author(&p) with the accessors)
				if u.UserID == p.PostedUserID && u.DisplayName != "" {
					author = u.DisplayName
				}
			}
			log.printf("  webhook %s: post %s by %s: %q", ev.Name, p.PostID, author, p.Data.Text)
		}
		return nil
	})
	webhook.On(h, webhook.EventPostDidFlag, func(ctx context.Context, ev *webhook.Event, d *webhook.PostEvent) error {
		log.printf("  webhook %s: post %s flagged by %s", ev.Name, d.Posts[0].PostID, d.FlaggedUserID)
		return nil
	})
	h.OnAny(func(ctx context.Context, ev *webhook.Event) error {
		if ev.Name != webhook.EventPostDidCreate && ev.Name != webhook.EventPostDidFlag {
			log.printf("  webhook %s (%T, %d bytes)", ev.Name, ev.Data, len(ev.Raw))
		}
		return nil
	})
	return h, nil
}

// preHook returns the pre-hook handler of the example, which denies posts containing block.
func preHook(log *logger, preHookSecret []byte, block string, opts ...webhook.PreHookOption) (*webhook.PreHookHandler, error) {
	block = strings.ToLower(block)
	opts = append([]webhook.PreHookOption{webhook.WithDefaultReply(webhook.Allow())}, opts...)
	return webhook.NewPreHookHandler(preHookSecret, func(ctx context.Context, req *webhook.PreHookRequest) webhook.PreHookReply {
		if req.Post != nil && block != "" && strings.Contains(strings.ToLower(req.Post.Data.Text), block) {
			log.printf("  pre-hook %s by %s: deny (contains %q)", req.EventName, req.Actor.UserID, block)
			return webhook.Deny("posts may not contain " + block)
		}
		log.printf("  pre-hook %s by %s: allow", req.EventName, req.Actor.UserID)
		return webhook.Allow()
	}, opts...)
}

func run(ctx context.Context, out io.Writer, cfg config) error {
	env, err := exampleenv.Connect(out, amitytest.SeedOptions{Users: 2, Communities: 1, PostsPerCommunity: 1, CommentsPerPost: 1, Channels: 1}, exampleenv.Listen)
	if err != nil {
		return err
	}
	defer env.Close()
	log := &logger{out: out}
	if env.Fake == nil {
		return listen(ctx, log, cfg)
	}

	// The fake plays the network: it signs and sends its events to our receiver.
	webhookSecret, preHookSecret := []byte("example-webhook-secret"), []byte("example-prehook-secret")
	// Synchronous, so that each event is logged before the fake's delivery finishes and the
	// output reads in order; a production receiver keeps the default (handlers after the 200).
	h, err := receiver(log, webhookSecret, webhook.WithSynchronous(), webhook.WithLogger(cfg.logger))
	if err != nil {
		return err
	}
	pre, err := preHook(log, preHookSecret, cfg.block, webhook.WithLogger(cfg.logger))
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/webhook", h)
	mux.Handle("/prehook", pre)
	ts := httptest.NewServer(mux)
	defer ts.Close()
	env.Fake.SetWebhook(ts.URL+"/webhook", webhookSecret)
	env.Fake.SetPreHook(ts.URL+"/prehook", preHookSecret, 2*time.Second, "allow")
	fmt.Fprintf(out, "receiver at %s/webhook, pre-hook at %s/prehook\n", ts.URL, ts.URL)

	alice, err := env.Client.AsUser("webhooks-demo", amity.WithDisplayName("Demo User"))
	if err != nil {
		return err
	}
	flush := func() error {
		fctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		return env.Fake.FlushWebhooks(fctx)
	}

	fmt.Fprintln(out, "1. create a post as webhooks-demo:")
	created, err := alice.Posts.Create(ctx, &amity.CreatePostParams{Data: &amity.CreatePostData{Text: "Hello from the webhooks example"}})
	if err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "   created post %s\n", created.Posts[0].PostID)

	fmt.Fprintf(out, "2. create a post with the blocked word %q:\n", cfg.block)
	_, err = alice.Posts.Create(ctx, &amity.CreatePostParams{Data: &amity.CreatePostData{Text: "this post is " + cfg.block}})
	var apiErr *amity.Error
	switch {
	case errors.As(err, &apiErr):
		fmt.Fprintf(out, "   denied: %d %d %s\n", apiErr.StatusCode, apiErr.Code, apiErr.Message)
	case err != nil:
		return err
	default:
		fmt.Fprintln(out, "   not denied (is -block empty?)")
	}
	if err := flush(); err != nil {
		return err
	}

	fmt.Fprintln(out, "3. flag the first post as the admin:")
	if _, err := env.Client.Posts.Flag(ctx, created.Posts[0].PostID, &amity.FlagPostParams{Reason: amity.FlagReasonSpamOrScams}); err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}

	var ok, failed int
	for _, d := range env.Fake.WebhookDeliveries() {
		if d.Err == nil && d.Status == http.StatusOK {
			ok++
		} else {
			failed++
		}
	}
	fmt.Fprintf(out, "deliveries: %d answered 200, %d failed; pre-hook calls: %d\n", ok, failed, len(env.Fake.PreHookCalls()))
	if err := errors.Join(h.Close(ctx), pre.Close(ctx)); err != nil {
		return err
	}
	return durable(ctx, out, env.Fake, created.Posts[0].PostID)
}

// durable shows a receiver with a file inbox on the fake: a delivery sent three times runs
// once, a burst of 100 runs each event once, and a handler that fails is retried.
func durable(ctx context.Context, out io.Writer, fake *amitytest.Server, postID string) error {
	dir, err := os.MkdirTemp("", "amity-inbox")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(dir) }()
	in, err := webhook.OpenFileInbox(filepath.Join(dir, "inbox.db"))
	if err != nil {
		return err
	}
	defer func() { _ = in.Close() }() // after the Handler's Close below
	secret := []byte("example-webhook-secret")
	h, err := webhook.NewHandler(secret, webhook.WithInbox(in), webhook.WithRetryBackoff(10*time.Millisecond, 100*time.Millisecond))
	if err != nil {
		return err
	}
	var mu sync.Mutex
	runs, retried := map[string]int{}, 0
	webhook.On(h, webhook.EventPostDidCreate, func(ctx context.Context, ev *webhook.Event, d *webhook.PostEvent) error {
		mu.Lock()
		defer mu.Unlock()
		id := d.Posts[0].PostID
		if id == "burst-7" && ev.Attempt == 1 {
			return errors.New("the database is busy") // retried after a backoff
		}
		if ev.Attempt > 1 {
			retried++
		}
		runs[id]++
		return nil
	})
	ts := httptest.NewServer(h)
	defer ts.Close()
	fake.SetWebhook(ts.URL, secret)
	fmt.Fprintln(out, "4. a durable receiver (file inbox):")

	var first []amitytest.WebhookDelivery
	for _, d := range fake.WebhookDeliveries() {
		if d.Event == string(webhook.EventPostDidCreate) && strings.Contains(string(d.Body), postID) {
			first = append(first, d)
		}
	}
	again, err := fake.RedeliverWebhooks(ctx, append(first, first...)...)
	if err != nil {
		return err
	}
	burst, err := fake.DeliverWebhookBurst(ctx, amitytest.WebhookBurst{Count: 100})
	if err != nil {
		return err
	}
	answered := 0
	for _, d := range append(again, burst...) {
		if d.Status == http.StatusOK {
			answered++
		}
	}
	// Wait until the inbox has run everything.
	deadline := time.Now().Add(10 * time.Second)
	for {
		pending, err := in.List(ctx, webhook.InboxPending)
		if err != nil {
			return err
		}
		running, err := in.List(ctx, webhook.InboxRunning)
		if err != nil {
			return err
		}
		if len(pending)+len(running) == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := h.Close(ctx); err != nil {
		return err
	}
	dead, err := in.List(ctx, webhook.InboxDead)
	if err != nil {
		return err
	}
	mu.Lock()
	defer mu.Unlock()
	total := 0
	for _, n := range runs {
		total += n
	}
	fmt.Fprintf(out, "   %d deliveries answered 200 (post %s twice more, a burst of %d)\n", answered, postID, len(burst))
	fmt.Fprintf(out, "   %d events run, post %s %d time(s), %d after a retry, %d dead\n", total, postID, runs[postID], retried, len(dead))
	return nil
}

// newServer returns the server of the receiver, with every timeout set: without them a
// client that sends its headers or body slowly, or never reads the answer, holds a
// connection and a goroutine as long as it likes. The handlers bound the body themselves
// (to their budget, with a 408), not the headers.
func newServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 2 * time.Second,
		ReadTimeout:       5 * time.Second,
		WriteTimeout:      10 * time.Second, // above the 1.5 s budget and the 1.8 s pre-hook deadline
		IdleTimeout:       time.Minute,
	}
}

// listen serves the receiver on a real network until ctx ends.
func listen(ctx context.Context, log *logger, cfg config) error {
	webhookSecret, preHookSecret := os.Getenv("AMITY_WEBHOOK_SECRET"), os.Getenv("AMITY_PREHOOK_SECRET")
	opts := []webhook.HandlerOption{webhook.WithLogger(cfg.logger)}
	if cfg.inbox != "" {
		// Each delivery is on disk before the 200; the handlers run from the file, at
		// least once, and what a crash interrupted runs when the process is back.
		in, err := webhook.OpenFileInbox(cfg.inbox)
		if err != nil {
			return err
		}
		defer func() { _ = in.Close() }() // after the Handler's Close below
		opts = append(opts, webhook.WithInbox(in))
	}
	h, err := receiver(log, []byte(webhookSecret), opts...)
	if err != nil {
		return fmt.Errorf("AMITY_WEBHOOK_SECRET: %w", err)
	}
	closers := []interface{ Close(context.Context) error }{h}
	closeAll := func(ctx context.Context) error {
		var errs []error
		for _, c := range closers {
			errs = append(errs, c.Close(ctx))
		}
		return errors.Join(errs...)
	}
	mux := http.NewServeMux()
	mux.Handle("/webhook", h)
	if preHookSecret != "" { // the pre-hook is optional (Max plan)
		pre, err := preHook(log, []byte(preHookSecret), cfg.block, webhook.WithLogger(cfg.logger))
		if err != nil {
			return errors.Join(fmt.Errorf("AMITY_PREHOOK_SECRET: %w", err), closeAll(ctx))
		}
		closers = append(closers, pre)
		mux.Handle("/prehook", pre)
	}
	srv := newServer(cfg.addr, mux)
	served := make(chan error, 1)
	go func() { served <- srv.ListenAndServe() }()
	log.printf("listening on %s: /webhook, /prehook; Ctrl-C to stop", cfg.addr)
	select {
	case err := <-served: // could not listen
		return errors.Join(err, closeAll(ctx))
	case <-ctx.Done():
	}
	// Shutdown waits for the requests in flight; then Close waits for the handlers (the
	// events queued after a 200) and cancels those still running at the timeout.
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return errors.Join(srv.Shutdown(sctx), closeAll(sctx))
}
