// Package webhook receives Amity (social.plus) webhooks and answers pre-hooks, safely and
// typed.
//
// # Webhooks
//
// Amity POSTs an event to each configured webhook URL with the header x-amity-signature =
// base64(HMAC-SHA256(secret, raw body)). Verify checks it in constant time, Parse decodes the
// event into an Event with typed Data (one of the types listed at Data, built from the SDK's
// payload types, so the accessors of amity.PostPayload and the others work on them), and
// ConstructEvent does both. Every one of the spec's 86 events has an EventName constant;
// unknown events and unknown fields pass through (Data *Unknown, Event.Raw), never as an
// error.
//
// NewHandler is an http.Handler that does it all for a request: it reads the raw body under
// a size limit and within the budget (408 for a body still coming, whatever the server's
// timeouts), answers 401 to unsigned or badly signed requests without calling any user
// code, answers 200 within Amity's 1.5 s budget and dispatches the event to the handlers
// registered with On (typed), OnEvent or OnAny. By default handlers run after the 200 on a
// bounded worker pool: a handler that fails, or a process that stops, loses the event,
// because Amity does not deliver an event again once it got a 200. WithSynchronous runs
// them before answering instead (200 on success, 500 on error, within the budget); a run
// that outlives the budget keeps its goroutine, at most WithMaxRunning of them (503
// beyond). Close answers later deliveries 503, waits for the running handlers until its
// ctx ends, then cancels their context (cause ErrClosed).
//
// A legacy duplicate, signed with x-eko-signature instead of x-amity-signature
// (LegacySignatureHeader), is answered 200 and dropped: the product docs say these can be
// ignored, and a 401 would count as a failed delivery.
//
// # Inbox: nothing lost
//
// WithInbox makes a Handler write each verified delivery to a durable Inbox before the 200
// (503 when it cannot, so that Amity sends it again) and run the handlers from it, at least
// once: a bounded pool of workers takes the stored events; a handler that fails or panics
// is retried with backoff (WithRetryBackoff), and after WithMaxAttempts runs the event
// moves to a dead-letter set with its last error. An event that was running when its
// process died is taken again once its lease (WithLease) ends. The same body delivered
// again is acknowledged and not stored twice. OpenFileInbox keeps the inbox in a local
// file (bbolt: pure Go, fsync'd transactions), for one process; package
// webhook/redisinbox keeps it in a Redis stream shared by several receivers. List,
// Replay, ReplayDead and Drop inspect and repair an inbox; package webhook/inboxtest is
// the acceptance suite every store passes.
//
// A secret that cannot verify anything (empty, white space, a file's trailing newline) is
// an error of NewHandler and NewPreHookHandler (ErrNoSecret, ErrSecretSpace), not a 401
// for every delivery later.
//
// The signature covers only the body: there is no timestamp and no event ID in it, so no
// replay window can be checked and a captured request verifies again. Handle events
// idempotently.
//
// # Pre-hooks
//
// On the Max plan a network can ask a pre-hook before a post, message or channel action
// (the 12 PreHookEvent constants). NewPreHookHandler verifies the call (the base64
// x-amity-signature, or the hex x-signature the product docs show), decodes it into a
// PreHookRequest (with Post, Message or Channel typed) and replies the decision of your
// function: Allow(), Deny(reason) or Modify(data). A decision that misses the deadline
// (default 1.8 s, below the network's 2 to 3 s timeout), panics or cannot be encoded is
// replaced by a default reply, which NewPreHookHandler checks (ErrInvalidReply); so is one
// not asked because WithMaxRunning decisions are running or the PreHookHandler was closed.
// Pre-hooks stay synchronous (the reply is the decision): when the process is down, the
// network applies the pre-hook's own defaultAction, set in the network settings, not
// WithDefaultReply (see PreHookHandler).
//
// # Options
//
// Each constructor has its own option type, so that an option that does not apply to it is
// a compile error rather than ignored: NewHandler takes HandlerOptions (WithSynchronous,
// WithBudget, WithWorkers, WithQueueSize, WithErrorHandler, WithInbox, WithMaxAttempts,
// WithRetryBackoff, WithLease) and NewPreHookHandler
// PreHookOptions (WithPreHookDeadline, WithDefaultReply, WithPreHookErrorHandler); the
// options of both (WithMaxBodyBytes, WithMaxRunning, WithLogger) return an Option, which is
// either. An option value out of range (WithMaxBodyBytes(0), WithWorkers(-1), ...) is an
// error of the constructor, never replaced by a default. A synchronous Handler does not use
// WithWorkers and WithQueueSize, an asynchronous one does not use WithMaxRunning; each of
// these options says so.
//
// # Logging
//
// Nothing is logged by default: neither the standard log package nor slog.Default is
// written to. Errors that reach no caller (an event a handler failed or a delivery refused,
// a pre-hook answered with the default reply) go to the error handler (WithErrorHandler,
// WithPreHookErrorHandler); the default one logs each as one record at Error level to the
// logger of WithLogger, with the attributes event (the event's name) and error. No body,
// header or secret is logged.
//
// # Testing
//
// amitytest.Server delivers real signed webhooks for the operations it serves
// (Server.SetWebhook) and calls a pre-hook before creating or updating posts and messages
// (Server.SetPreHook), so a receiver can be tested end to end without a network.
package webhook
