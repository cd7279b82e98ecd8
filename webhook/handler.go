package webhook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"reflect"
	"runtime/debug"
	"sync"
	"time"
)

// Defaults of the handlers.
const (
	// DefaultMaxBodyBytes is the largest body read (1 MiB); a larger one is answered 413.
	DefaultMaxBodyBytes = 1 << 20
	// DefaultBudget is the time Amity gives a webhook receiver to answer 200.
	DefaultBudget = 1500 * time.Millisecond
	// DefaultPreHookDeadline is when a pre-hook handler stops waiting for its decision and
	// replies with the default: below the network's pre-hook timeout (2 to 3 s).
	DefaultPreHookDeadline = 1800 * time.Millisecond
	// DefaultWorkers and DefaultQueueSize size the worker pool of an asynchronous Handler.
	DefaultWorkers   = 4
	DefaultQueueSize = 256
	// DefaultMaxRunning bounds the handler runs of a synchronous Handler, and the decisions
	// of a PreHookHandler, running at once (WithMaxRunning).
	DefaultMaxRunning = 64
)

// HandlerFunc handles one verified event. Data is typed; see On for a handler of one type.
type HandlerFunc func(ctx context.Context, ev *Event) error

// Handler is an http.Handler that receives Amity webhooks: it reads the raw body under a
// size limit (413 beyond it) and within the budget (408 after it), verifies the
// x-amity-signature header (401 when it is missing or wrong, and no user code runs), parses
// the event (400 when the body is not an event) and dispatches it to the handlers
// registered for its name with On or OnEvent, then to those registered with OnAny. Events
// nobody handles are acknowledged with 200.
//
// The body's time limit holds whatever the server's timeouts: the Handler sets the
// connection's read deadline to the end of the budget (less the time to answer) through
// http.ResponseController, over the server's ReadTimeout for that request, and answers
// 408 and closes the connection when the body is not in by then. Behind a ResponseWriter
// wrapper without an Unwrap method the deadline cannot be set; a read that ends past it
// then fails instead, which cuts a body trickling in but not one that stalls. The headers
// are the server's to bound: set the http.Server's ReadHeaderTimeout, ReadTimeout,
// WriteTimeout and IdleTimeout (see the README).
//
// By default a verified event is queued for a bounded pool of workers and answered 200 at
// once: the answer never waits for the handlers, so it always meets Amity's 1.5 s budget
// (a full queue is answered 503). The cost: an event whose handler fails or panics (the
// error goes to WithErrorHandler), or that is still queued or running when the process
// stops, is lost, because Amity does not deliver an event again once it got a 200. Use
// WithInbox, which stores each delivery durably before the 200 and runs the handlers from
// the store at least once, with retries and a dead-letter set (FileInbox for one process,
// package webhook/redisinbox for several); or WithSynchronous, which answers only after the
// handlers return (200 on success, 500 on error) within the budget.
//
// A legacy duplicate, signed with x-eko-signature and not x-amity-signature (see
// LegacySignatureHeader), is answered 200 and dropped: never 401 (Amity would count a
// failed delivery), never run.
//
// Statuses: 200 accepted (or a legacy duplicate dropped); 400 signed but not a JSON event;
// 401 signature missing or wrong; 405 not a POST; 408 body not in within the budget; 413
// body over the limit; 500 a synchronous handler failed or ran past the budget; 503 queue
// full, Handler closed, (synchronous) WithMaxRunning runs busy, or the inbox failed to
// store the delivery.
//
// Handlers get a context with the request's values, not its cancellation (the answer may
// be sent before they end); Close cancels it. There is no timestamp or event ID in the
// signature, so a replayed request verifies; see Verify. Register handlers before serving;
// Close stops the Handler.
type Handler struct {
	secret []byte
	cfg    handlerConfig

	mu     sync.RWMutex // guards byName and any; held for reading while a job is queued
	byName map[EventName][]HandlerFunc
	any    []HandlerFunc

	jobs      chan job // nil in synchronous mode and with an inbox
	runs      *runner  // the workers (asynchronous) or the handler runs (synchronous)
	closeOnce sync.Once

	// With an inbox: wake tells idle workers of a stored event; taking ends at Close, to
	// stop the workers' Take.
	wake       chan struct{}
	taking     context.Context
	stopTaking context.CancelFunc
}

type job struct {
	ctx context.Context
	ev  *Event
}

// NewHandler returns a Handler that verifies deliveries with secret (the network's webhook
// secret key).
//
// It returns an error, and no Handler, for a secret with which every delivery would be
// answered 401 without a word on why: empty or white space only (ErrNoSecret, e.g. an unset
// environment variable) or with white space around it (ErrSecretSpace, e.g. a file's
// trailing newline); and for an option value out of range (WithMaxBodyBytes(0),
// WithWorkers(-1), ...; each option says which values it takes), rather than replace it. A
// secret is configuration, read at start-up from the environment or a file, so a bad one is
// an error for the caller to report (log.Fatal, a failed health check) rather than a panic:
// this package panics only on programming errors, like a nil handler function or a type
// that does not match its event.
//
// opts are the HandlerOptions; those of NewPreHookHandler only do not compile here. Nil
// options are skipped.
func NewHandler(secret []byte, opts ...HandlerOption) (*Handler, error) {
	if err := checkSecret(secret); err != nil {
		return nil, err
	}
	cfg, err := newHandlerConfig(opts)
	if err != nil {
		return nil, err
	}
	h := &Handler{
		secret: append([]byte(nil), secret...),
		cfg:    cfg,
		byName: map[EventName][]HandlerFunc{},
	}
	if h.cfg.sync {
		h.runs = newRunner(h.cfg.maxRunning)
		return h, nil
	}
	h.runs = newRunner(0) // the fixed pool is the bound
	if h.cfg.inbox.store != nil {
		h.wake = make(chan struct{}, h.cfg.workers)
		h.taking, h.stopTaking = context.WithCancel(context.Background())
		for range h.cfg.workers {
			_ = h.runs.start(context.Background(), h.inboxWork) // cannot fail: not closed, no bound
		}
		return h, nil
	}
	h.jobs = make(chan job, h.cfg.queue)
	for range h.cfg.workers {
		_ = h.runs.start(context.Background(), h.work) // cannot fail: not closed, no bound
	}
	return h, nil
}

// OnEvent registers fn for the event name; several functions run in registration order.
func (h *Handler) OnEvent(name EventName, fn HandlerFunc) {
	if fn == nil {
		panic("webhook: nil handler for " + string(name))
	}
	h.mu.Lock()
	h.byName[name] = append(h.byName[name], fn)
	h.mu.Unlock()
}

// OnAny registers fn for every event, known or not, after the handlers for its name.
func (h *Handler) OnAny(fn HandlerFunc) {
	if fn == nil {
		panic("webhook: nil catch-all handler")
	}
	h.mu.Lock()
	h.any = append(h.any, fn)
	h.mu.Unlock()
}

// On registers a typed handler for the event name: fn gets the event's data as T, e.g.
//
//	webhook.On(h, webhook.EventPostDidCreate, func(ctx context.Context, ev *webhook.Event, d *webhook.PostEvent) error { ... })
//
// It panics at registration when name is a known event whose data is not a T (a
// programming error, caught at start-up rather than per delivery). For an unknown name, T
// must be *Unknown.
func On[T Data](h *Handler, name EventName, fn func(ctx context.Context, ev *Event, data T) error) {
	var want Data = &Unknown{}
	if newData, ok := eventKinds[name]; ok {
		want = newData()
	}
	if _, ok := want.(T); !ok {
		var zero T
		panic(fmt.Sprintf("webhook: %s carries %T, not %s", name, want, reflect.TypeOf(&zero).Elem()))
	}
	h.OnEvent(name, func(ctx context.Context, ev *Event) error {
		d, ok := ev.Data.(T)
		if !ok {
			return fmt.Errorf("webhook: %s carries %T", ev.Name, ev.Data)
		}
		return fn(ctx, ev, d)
	})
}

// Close stops the Handler: later deliveries are answered 503 and run no user code. It
// waits for the handlers already running, and in asynchronous mode for the workers to
// handle the queued events, and returns nil when they are done, or ctx's error when ctx
// ends first. Either way it then cancels the context given to the handlers, with cause
// ErrClosed (context.Cause): the handlers get until ctx ends to finish, and are then told
// to stop; the events still queued then are dropped, each reported to the error handler
// with ErrClosed. Pass a ctx with a timeout, or an ended one to cancel at once.
//
// With an inbox (WithInbox) the workers take no more events and nothing is dropped: Close
// waits for the runs in progress; one it cancels is made pending again (its outcome is
// recorded even after Close returns), and the events not taken stay in the inbox for the
// next process. Close the inbox after the Handler.
//
// Close starts no goroutine: one that returns ctx's error leaves nothing behind, and it may
// be called again, to wait again for the handlers that ignore their context.
func (h *Handler) Close(ctx context.Context) error {
	h.closeOnce.Do(func() {
		h.mu.Lock() // no enqueue in progress
		h.runs.close()
		if h.jobs != nil {
			close(h.jobs)
		}
		if h.stopTaking != nil {
			h.stopTaking()
		}
		h.mu.Unlock()
		h.cfg.tel.close()
	})
	return h.runs.shutdown(ctx)
}

// work is a worker of an asynchronous Handler: it handles the queued events until Close.
func (h *Handler) work() {
	for j := range h.jobs {
		if h.runs.base.Err() != nil { // Close gave up waiting
			h.reportError(j.ctx, j.ev, fmt.Errorf("%w: the event was dropped from the queue", ErrClosed))
			continue
		}
		ctx, release := h.runs.context(j.ctx, time.Time{})
		if err := h.dispatch(ctx, j.ev); err != nil {
			h.reportError(ctx, j.ev, err)
		}
		release()
	}
}

func (h *Handler) reportError(ctx context.Context, ev *Event, err error) {
	if h.cfg.onError != nil {
		h.cfg.onError(ctx, ev, err)
		return
	}
	h.cfg.log(ctx, "webhook event not handled", string(ev.Name), err)
}

// dispatch runs the handlers of ev in order and returns the first error (or panic).
func (h *Handler) dispatch(ctx context.Context, ev *Event) (err error) {
	if t := h.cfg.tel; t != nil {
		var run *run
		ctx, run = t.startRun(ctx, ev)
		defer func() { run.end(err) }()
	}
	h.mu.RLock()
	fns := append(append([]HandlerFunc(nil), h.byName[ev.Name]...), h.any...)
	h.mu.RUnlock()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("webhook: handler panicked: %v\n%s", p, debug.Stack())
		}
	}()
	for _, fn := range fns {
		if err := fn(ctx, ev); err != nil {
			return err
		}
	}
	return nil
}

// ServeHTTP receives one delivery; see Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if t := h.cfg.tel; t != nil {
		var d *delivery
		w, r, d = t.startDelivery(w, r)
		defer d.end()
	}
	start := time.Now()
	if isLegacyDuplicate(r) {
		answer(w, http.StatusOK) // acknowledged so that Amity does not send it again; dropped
		return
	}
	body, status := readSigned(w, r, h.secret, h.cfg.maxBody, start.Add(h.cfg.budget-answerMargin(h.cfg.budget)), false)
	if status != 0 {
		answer(w, status)
		return
	}
	ev, err := Parse(body)
	if err != nil {
		answer(w, http.StatusBadRequest)
		return
	}
	h.cfg.tel.parsed(r.Context(), ev)
	if h.cfg.sync {
		answer(w, h.runSync(r.Context(), start, ev))
		return
	}
	if h.cfg.inbox.store != nil {
		answer(w, h.store(r.Context(), start, body, ev))
		return
	}
	if !h.enqueue(context.WithoutCancel(r.Context()), ev) {
		answer(w, http.StatusServiceUnavailable)
		return
	}
	answer(w, http.StatusOK)
}

// runSync runs the handlers of ev within the budget that started at start, on a goroutine
// of the runner (the bound on runs left behind), and returns the status to answer.
func (h *Handler) runSync(reqCtx context.Context, start time.Time, ev *Event) int {
	ctx, release := h.runs.context(reqCtx, start.Add(h.cfg.budget-answerMargin(h.cfg.budget)))
	defer release()
	done := make(chan error, 1)
	err := h.runs.start(ctx, func() { done <- h.dispatch(ctx, ev) })
	switch {
	case errors.Is(err, ErrClosed):
		return http.StatusServiceUnavailable
	case err != nil:
		h.reportError(ctx, ev, fmt.Errorf("%w: %d handler runs (WithMaxRunning) until the deadline; delivery refused", err, h.cfg.maxRunning))
		return http.StatusServiceUnavailable
	}
	select {
	case err = <-done:
	case <-ctx.Done():
		err = fmt.Errorf("webhook: handlers still running at the %v budget: %w", h.cfg.budget, context.Cause(ctx))
	}
	if err != nil {
		h.reportError(ctx, ev, err)
		return http.StatusInternalServerError
	}
	return http.StatusOK
}

// enqueue hands ev to the workers without blocking; false when closed or full.
func (h *Handler) enqueue(ctx context.Context, ev *Event) bool {
	h.mu.RLock()
	defer h.mu.RUnlock()
	select {
	case <-h.runs.closing:
		return false
	default:
	}
	select {
	case h.jobs <- job{ctx: ctx, ev: ev}:
		return true
	default:
		return false
	}
}

// isLegacyDuplicate reports whether r is the legacy duplicate of a delivery: a POST signed
// with x-eko-signature only (see LegacySignatureHeader). Its body is not read: whatever it
// holds, nothing runs and nothing is stored, so an unsigned request gains nothing by it.
func isLegacyDuplicate(r *http.Request) bool {
	return r.Method == http.MethodPost && r.Header.Get(LegacySignatureHeader) != "" && r.Header.Get(SignatureHeader) == ""
}

// answerMargin is the part of a budget kept to write the answer: a tenth, at most 100 ms.
func answerMargin(budget time.Duration) time.Duration {
	return min(budget/10, 100*time.Millisecond)
}

// errTooLarge marks a body over the limit.
var errTooLarge = errors.New("webhook: body too large")

// readSigned reads r's body under limit, by deadline, and verifies its signature. It returns
// the body, or the status to answer: 405, 413, 408, 400 or 401. preHook also accepts the hex
// x-signature.
//
// The deadline holds whatever the server's timeouts (a server without ReadTimeout waits for
// a body forever): it is set as the connection's read deadline (http.ResponseController;
// it replaces the server's ReadTimeout for this body), and when the ResponseWriter cannot
// (a wrapper without Unwrap) a read that ends past it fails, which cuts a body trickling in
// but not one that stalls. A body not in by then is answered 408 and its connection closed.
func readSigned(w http.ResponseWriter, r *http.Request, secret []byte, limit int64, deadline time.Time, preHook bool) ([]byte, int) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		return nil, http.StatusMethodNotAllowed
	}
	if r.ContentLength > limit {
		return nil, http.StatusRequestEntityTooLarge
	}
	var in io.Reader = r.Body
	if err := http.NewResponseController(w).SetReadDeadline(deadline); err != nil {
		in = &deadlineReader{r: r.Body, deadline: deadline}
	}
	body, err := readLimited(in, limit)
	switch {
	case errors.Is(err, errTooLarge):
		return nil, http.StatusRequestEntityTooLarge
	case err != nil && (errors.Is(err, os.ErrDeadlineExceeded) || !time.Now().Before(deadline)):
		w.Header().Set("Connection", "close") // the rest of the body may still be coming
		return nil, http.StatusRequestTimeout
	case err != nil:
		return nil, http.StatusBadRequest
	}
	sig := r.Header.Get(SignatureHeader)
	err = Verify(body, sig, secret)
	if preHook && err != nil {
		if hexSig := r.Header.Get(PreHookSignatureHeader); hexSig != "" {
			err = VerifyHex(body, hexSig, secret)
		}
	}
	if err != nil {
		return nil, http.StatusUnauthorized
	}
	return body, 0
}

// readLimited reads at most limit bytes; errTooLarge when there are more.
func readLimited(rc io.Reader, limit int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > limit {
		return nil, errTooLarge
	}
	return body, nil
}

// deadlineReader fails the reads that end past deadline with os.ErrDeadlineExceeded.
type deadlineReader struct {
	r        io.Reader
	deadline time.Time
}

func (d *deadlineReader) Read(p []byte) (int, error) {
	if !time.Now().Before(d.deadline) {
		return 0, os.ErrDeadlineExceeded
	}
	n, err := d.r.Read(p)
	if err == nil && !time.Now().Before(d.deadline) {
		err = os.ErrDeadlineExceeded
	}
	return n, err
}

// answer writes status with an empty JSON object body (Amity expects "{}" with the 200).
func answer(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, "{}")
}
