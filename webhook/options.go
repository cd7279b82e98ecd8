package webhook

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// HandlerOption configures NewHandler. WithSynchronous, WithBudget, WithWorkers,
// WithQueueSize, WithErrorHandler, WithInbox, WithMaxAttempts, WithRetryBackoff and
// WithLease return one, and so do the options of both handlers
// (Option: WithMaxBodyBytes, WithMaxRunning, WithLogger). An option of NewPreHookHandler only
// is not a HandlerOption: passing it to NewHandler does not compile.
type HandlerOption interface {
	applyHandler(*handlerConfig)
}

// PreHookOption configures NewPreHookHandler. WithPreHookDeadline, WithDefaultReply and
// WithPreHookErrorHandler return one, and so do the options of both handlers (Option:
// WithMaxBodyBytes, WithMaxRunning, WithLogger). An option of NewHandler only is not a
// PreHookOption: passing it to NewPreHookHandler does not compile.
type PreHookOption interface {
	applyPreHook(*preHookConfig)
}

// Option configures both handlers: it is a HandlerOption and a PreHookOption.
// WithMaxBodyBytes, WithMaxRunning and WithLogger return one. The zero Option does nothing.
type Option struct {
	apply func(*sharedConfig)
}

func (o Option) applyHandler(c *handlerConfig) {
	if o.apply != nil {
		o.apply(&c.sharedConfig)
	}
}

func (o Option) applyPreHook(c *preHookConfig) {
	if o.apply != nil {
		o.apply(&c.sharedConfig)
	}
}

// handlerOption is a HandlerOption of NewHandler only.
type handlerOption func(*handlerConfig)

func (f handlerOption) applyHandler(c *handlerConfig) { f(c) }

// preHookOption is a PreHookOption of NewPreHookHandler only.
type preHookOption func(*preHookConfig)

func (f preHookOption) applyPreHook(c *preHookConfig) { f(c) }

// sharedConfig is the configuration both handlers have.
type sharedConfig struct {
	maxBody    int64
	maxRunning int
	logger     *slog.Logger // nil: log nothing
}

func defaultSharedConfig() sharedConfig {
	return sharedConfig{maxBody: DefaultMaxBodyBytes, maxRunning: DefaultMaxRunning}
}

func (c *sharedConfig) check() error {
	if c.maxBody < 1 {
		return fmt.Errorf("webhook: WithMaxBodyBytes(%d): the limit must be at least 1 byte", c.maxBody)
	}
	if c.maxRunning < 1 {
		return fmt.Errorf("webhook: WithMaxRunning(%d): the bound must be at least 1", c.maxRunning)
	}
	return nil
}

// log writes the record of an error the default error handler was told about, at Error
// level with the attributes event and error; nothing without a logger.
func (c *sharedConfig) log(ctx context.Context, msg, event string, err error) {
	if c.logger == nil {
		return
	}
	c.logger.LogAttrs(ctx, slog.LevelError, msg, slog.String("event", event), slog.Any("error", err))
}

// handlerConfig is the configuration of a Handler.
type handlerConfig struct {
	sharedConfig
	budget  time.Duration
	sync    bool
	workers int
	queue   int
	onError func(ctx context.Context, ev *Event, err error)
	inbox   inboxConfig
	telemetryConfig
}

// newHandlerConfig applies opts (nil ones are skipped) to the defaults, and checks the
// result.
func newHandlerConfig(opts []HandlerOption) (handlerConfig, error) {
	c := handlerConfig{
		sharedConfig: defaultSharedConfig(),
		budget:       DefaultBudget, workers: DefaultWorkers, queue: DefaultQueueSize,
		inbox: inboxConfig{
			maxAttempts: DefaultMaxAttempts, retryMin: DefaultRetryMin, retryMax: DefaultRetryMax,
			lease: DefaultLease,
		},
	}
	for _, o := range opts {
		if o != nil {
			o.applyHandler(&c)
		}
	}
	if err := c.check(); err != nil {
		return c, err
	}
	switch {
	case c.budget <= 0:
		return c, fmt.Errorf("webhook: WithBudget(%v): the budget must be positive", c.budget)
	case c.workers < 1:
		return c, fmt.Errorf("webhook: WithWorkers(%d): want at least 1 worker", c.workers)
	case c.queue < 0:
		return c, fmt.Errorf("webhook: WithQueueSize(%d): the size must be 0 or more", c.queue)
	case c.sync && c.inbox.store != nil:
		return c, errors.New("webhook: WithSynchronous and WithInbox: a synchronous Handler runs the handlers before it answers and stores nothing; choose one")
	}
	if c.inbox.store != nil {
		if err := c.inbox.check(); err != nil {
			return c, err
		}
	}
	c.tel = newTelemetry(c.tracerProvider, c.meterProvider, c.inbox.store)
	return c, nil
}

// preHookConfig is the configuration of a PreHookHandler.
type preHookConfig struct {
	sharedConfig
	deadline     time.Duration
	defaultReply PreHookReply
	onFail       func(ctx context.Context, req *PreHookRequest, err error)
}

// newPreHookConfig applies opts (nil ones are skipped) to the defaults, and checks the
// result but for the default reply, which NewPreHookHandler encodes.
func newPreHookConfig(opts []PreHookOption) (preHookConfig, error) {
	c := preHookConfig{sharedConfig: defaultSharedConfig(), deadline: DefaultPreHookDeadline, defaultReply: Allow()}
	for _, o := range opts {
		if o != nil {
			o.applyPreHook(&c)
		}
	}
	if err := c.check(); err != nil {
		return c, err
	}
	if c.deadline <= 0 {
		return c, fmt.Errorf("webhook: WithPreHookDeadline(%v): the deadline must be positive", c.deadline)
	}
	return c, nil
}

// Options of both handlers.

// WithMaxBodyBytes sets the largest body read (default DefaultMaxBodyBytes, 1 MiB). A
// larger body is answered 413 and never verified or parsed. NewHandler and
// NewPreHookHandler return an error for n < 1.
func WithMaxBodyBytes(n int64) Option {
	return Option{apply: func(c *sharedConfig) { c.maxBody = n }}
}

// WithMaxRunning bounds the handler runs of a synchronous Handler, and the decisions of a
// PreHookHandler, running at once (default DefaultMaxRunning, 64), those still running past
// their deadline included: each runs on a goroutine of its own so that the answer can be
// sent at the deadline, and a function that ignores its context cannot be stopped. A
// delivery that finds no free slot before its deadline gets no goroutine: a Handler answers
// 503, a PreHookHandler replies its default reply, and the error handler is told ErrBusy.
// An asynchronous Handler is bounded by its workers (WithWorkers) instead and does not use
// this bound. NewHandler and NewPreHookHandler return an error for n < 1.
func WithMaxRunning(n int) Option {
	return Option{apply: func(c *sharedConfig) { c.maxRunning = n }}
}

// WithLogger sets the logger of the default error handlers. A Handler without
// WithErrorHandler logs each event its handlers did not handle (an error, a panic, the
// budget missed, a delivery refused with ErrBusy, an event dropped with ErrClosed); a
// PreHookHandler without WithPreHookErrorHandler logs each call answered with the default
// reply instead of a decision. Each is one record at Error level with the attributes event
// (the event's name) and error; no body, header or secret is logged.
//
// Without WithLogger, or with a nil logger, nothing is logged: neither the standard log
// package nor slog.Default is written to. An error handler set with WithErrorHandler or
// WithPreHookErrorHandler replaces the logging of its handler.
func WithLogger(l *slog.Logger) Option {
	return Option{apply: func(c *sharedConfig) { c.logger = l }}
}

// Options of NewHandler.

// WithSynchronous makes a Handler run the event's handlers before it answers: 200 when they
// all return nil, 500 when one returns an error or panics (Amity then sees a failed
// delivery). The handlers get a context whose deadline is the answer budget (WithBudget);
// one still running at the deadline is left to finish in the background and the request
// is answered 500. The deadline keeps a tenth of the budget, at most 100 ms, to write the
// answer. Handler runs left in the background count against WithMaxRunning. A synchronous
// Handler has no workers and no queue: it does not use WithWorkers and WithQueueSize.
func WithSynchronous() HandlerOption {
	return handlerOption(func(c *handlerConfig) { c.sync = true })
}

// WithBudget sets the time within which a Handler answers (default DefaultBudget, 1.5 s,
// Amity's limit). The body must arrive within it (408 otherwise); in synchronous mode it is
// also the handlers' deadline. NewHandler returns an error for d <= 0.
func WithBudget(d time.Duration) HandlerOption {
	return handlerOption(func(c *handlerConfig) { c.budget = d })
}

// WithWorkers sets the number of goroutines that run the handlers of an asynchronous
// Handler (default DefaultWorkers, 4). A synchronous Handler (WithSynchronous) has no
// workers and does not use it. NewHandler returns an error for n < 1.
func WithWorkers(n int) HandlerOption {
	return handlerOption(func(c *handlerConfig) { c.workers = n })
}

// WithQueueSize sets how many verified events an asynchronous Handler holds for its
// workers (default DefaultQueueSize, 256). When the queue is full a delivery is answered
// 503 rather than accepted and dropped; with 0 there is no queue, and a delivery is
// accepted only when a worker is free to take it. A synchronous Handler (WithSynchronous)
// has no queue and does not use it. NewHandler returns an error for n < 0.
func WithQueueSize(n int) HandlerOption {
	return handlerOption(func(c *handlerConfig) { c.queue = n })
}

// WithErrorHandler sets the function told about a handler that returned an error or
// panicked after the 200 was sent (asynchronous mode), or in synchronous mode before the
// 500; about a delivery refused with 503 because WithMaxRunning runs were busy (ErrBusy);
// and about each event Close dropped from the queue (ErrClosed). With an inbox: about each
// failed attempt (retried), each event moved to the dead-letter set (ErrDeadLetter), and
// each error of the inbox (ErrInbox: a delivery it could not store, answered 503, or an
// outcome it could not record). The default, also for a nil fn, logs each of them to the
// logger of WithLogger, and nothing without one.
func WithErrorHandler(fn func(ctx context.Context, ev *Event, err error)) HandlerOption {
	return handlerOption(func(c *handlerConfig) { c.onError = fn })
}

// Options of NewPreHookHandler.

// WithPreHookDeadline sets how long a pre-hook handler waits for its decision before it
// replies with the default (default DefaultPreHookDeadline, 1.8 s, below the network's 2 to
// 3 s timeout, after which the network applies its own defaultAction). The body must arrive
// within it too (408). NewPreHookHandler returns an error for d <= 0.
func WithPreHookDeadline(d time.Duration) PreHookOption {
	return preHookOption(func(c *preHookConfig) { c.deadline = d })
}

// WithDefaultReply sets what a pre-hook handler replies when the decision misses the
// deadline, panics or returns a reply that cannot be sent (default Allow()). Deny("...")
// fails closed. NewPreHookHandler encodes it once and returns an error matching
// ErrInvalidReply when it cannot be sent (the zero PreHookReply has no action), so the
// fallback itself never fails.
func WithDefaultReply(reply PreHookReply) PreHookOption {
	return preHookOption(func(c *preHookConfig) { c.defaultReply = reply })
}

// WithPreHookErrorHandler sets the function told whenever the default reply is sent
// instead of a decision: the decision missed the deadline, panicked or returned a reply
// that cannot be sent (ErrInvalidReply), or was not asked because the handler was closed
// (ErrClosed) or WithMaxRunning decisions were running (ErrBusy). The default, also for a
// nil fn, logs each of them to the logger of WithLogger, and nothing without one.
func WithPreHookErrorHandler(fn func(ctx context.Context, req *PreHookRequest, err error)) PreHookOption {
	return preHookOption(func(c *preHookConfig) { c.onFail = fn })
}
