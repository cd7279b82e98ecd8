package webhook

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/amity-go/amity"
)

// PreHookEvent names a pre-hook event (product docs, Max plan): the network asks before it
// creates, changes, deletes or flags a post or a message, or creates, joins, leaves or
// changes a channel.
type PreHookEvent string

// The 12 pre-hook events.
const (
	// PreHookPostShouldCreate asks before a post is created; Request.Post is the post.
	PreHookPostShouldCreate PreHookEvent = "post.shouldCreate"
	// PreHookPostShouldUpdate asks before a post is changed; Request.Post is the post.
	PreHookPostShouldUpdate PreHookEvent = "post.shouldUpdate"
	// PreHookPostShouldDelete asks before a post is deleted; Request.Post is the post.
	PreHookPostShouldDelete PreHookEvent = "post.shouldDelete"
	// PreHookPostShouldFlag asks before a post is flagged; Request.Post is the post.
	PreHookPostShouldFlag PreHookEvent = "post.shouldFlag"
	// PreHookMessageShouldCreate asks before a message is sent; Request.Message is it.
	PreHookMessageShouldCreate PreHookEvent = "message.shouldCreate"
	// PreHookMessageShouldUpdate asks before a message is changed; Request.Message is it.
	PreHookMessageShouldUpdate PreHookEvent = "message.shouldUpdate"
	// PreHookMessageShouldFlag asks before a message is flagged; Request.Message is it.
	PreHookMessageShouldFlag PreHookEvent = "message.shouldFlag"
	// PreHookMessageShouldUnflag asks before a message is unflagged; Request.Message is it.
	PreHookMessageShouldUnflag PreHookEvent = "message.shouldUnflag"
	// PreHookChannelShouldCreate asks before a channel is created; Request.Channel is it.
	PreHookChannelShouldCreate PreHookEvent = "channel.shouldCreate"
	// PreHookChannelShouldJoin asks before a user joins a channel; Request.Channel is it.
	PreHookChannelShouldJoin PreHookEvent = "channel.shouldJoin"
	// PreHookChannelShouldLeave asks before a user leaves a channel; Request.Channel is it.
	PreHookChannelShouldLeave PreHookEvent = "channel.shouldLeave"
	// PreHookChannelShouldUpdate asks before a channel is changed; Request.Channel is it.
	PreHookChannelShouldUpdate PreHookEvent = "channel.shouldUpdate"
)

// PreHookEvents returns the 12 pre-hook events.
func PreHookEvents() []PreHookEvent {
	return []PreHookEvent{
		PreHookPostShouldCreate, PreHookPostShouldUpdate, PreHookPostShouldDelete, PreHookPostShouldFlag,
		PreHookMessageShouldCreate, PreHookMessageShouldUpdate, PreHookMessageShouldFlag, PreHookMessageShouldUnflag,
		PreHookChannelShouldCreate, PreHookChannelShouldJoin, PreHookChannelShouldLeave, PreHookChannelShouldUpdate,
	}
}

// Actor is the user whose action a pre-hook is asked about.
type Actor struct {
	// ID is the user's internal ID; UserID its public ID.
	ID     string `json:"_id"`
	UserID string `json:"userId"`
}

// PreHookRequest is one pre-hook call: {eventName, data, actor}. The data is decoded into
// Post, Message or Channel by the event's prefix (post., message., channel.); the other two
// stay nil, and all three stay nil for an event this package does not know.
type PreHookRequest struct {
	// EventName is the event, one of the PreHook constants.
	EventName PreHookEvent `json:"eventName"`
	// Data is the content the action is about, as sent.
	Data json.RawMessage `json:"data"`
	// Actor is who acts.
	Actor Actor `json:"actor"`
	// Post is Data for the post.should* events.
	Post *amity.Post `json:"-"`
	// Message is Data for the message.should* events (a v5 message).
	Message *amity.Message `json:"-"`
	// Channel is Data for the channel.should* events.
	Channel *amity.Channel `json:"-"`
	// Raw is the whole body as received.
	Raw json.RawMessage `json:"-"`
}

// ParsePreHook decodes a pre-hook body without verifying it. The error matches
// ErrInvalidPayload.
func ParsePreHook(body []byte) (*PreHookRequest, error) {
	trimmed := trimJSONSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, fmt.Errorf("%w: the body is not a JSON object", ErrInvalidPayload)
	}
	req := &PreHookRequest{Raw: json.RawMessage(body)}
	if err := json.Unmarshal(trimmed, req); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidPayload, err)
	}
	if !isObject(req.Data) {
		return req, nil
	}
	var target any
	switch family, _, _ := strings.Cut(string(req.EventName), "."); family {
	case "post":
		req.Post = new(amity.Post)
		target = req.Post
	case "message":
		req.Message = new(amity.Message)
		target = req.Message
	case "channel":
		req.Channel = new(amity.Channel)
		target = req.Channel
	default:
		return req, nil
	}
	if err := json.Unmarshal(req.Data, target); err != nil {
		return nil, fmt.Errorf("%w: %s data: %v", ErrInvalidPayload, req.EventName, err)
	}
	return req, nil
}

// PreHookAction is the decision of a pre-hook.
type PreHookAction string

// Pre-hook decisions.
const (
	// ActionAllow lets the action happen (with Data, as modified).
	ActionAllow PreHookAction = "allow"
	// ActionDeny stops it; Message is the reason the caller gets.
	ActionDeny PreHookAction = "deny"
)

// PreHookReply is the answer to a pre-hook: {action, data?, message?}. Build it with Allow,
// Deny or Modify.
type PreHookReply struct {
	// Action is allow or deny.
	Action PreHookAction `json:"action"`
	// Data, with allow, is the content to store instead of the one sent (Modify).
	Data any `json:"data,omitempty"`
	// Message, with deny, is the reason.
	Message string `json:"message,omitempty"`
}

// ErrInvalidReply: a pre-hook reply that cannot be sent, because its action is neither allow
// nor deny (the zero PreHookReply, say) or its Data does not encode as JSON.
// NewPreHookHandler returns it for such a default reply; a decision that returns one is
// reported with it to WithPreHookErrorHandler and replaced by the default reply.
var ErrInvalidReply = errors.New("webhook: invalid pre-hook reply")

// encodeReply returns the JSON of reply, or why it cannot be sent.
func encodeReply(reply PreHookReply) ([]byte, error) {
	if reply.Action != ActionAllow && reply.Action != ActionDeny {
		return nil, fmt.Errorf("%w: action %q, want %q or %q (build replies with Allow, Deny or Modify)", ErrInvalidReply, reply.Action, ActionAllow, ActionDeny)
	}
	out, err := json.Marshal(reply)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidReply, err)
	}
	return out, nil
}

// Allow lets the action happen unchanged.
func Allow() PreHookReply { return PreHookReply{Action: ActionAllow} }

// Deny stops the action; reason is passed to the caller.
func Deny(reason string) PreHookReply { return PreHookReply{Action: ActionDeny, Message: reason} }

// Modify lets the action happen with data in place of the content sent (for a post, the
// post object with the changed fields, e.g. map[string]any{"data": map[string]any{"text":
// "..."}}).
func Modify(data any) PreHookReply { return PreHookReply{Action: ActionAllow, Data: data} }

// NewPreHookHandler returns a PreHookHandler, which answers the network's pre-hook calls.
// It reads the body under the size limit (413) and before the deadline (408; see Handler
// for how), verifies the signature with secret (the prehook secretKey) in either form, the
// base64 x-amity-signature or the hex x-signature of the product docs (401 when neither
// verifies; decide is not called), parses the request (400) and replies decide's
// PreHookReply as JSON with 200. decide gets a context with the deadline
// (WithPreHookDeadline); when it has not returned by then, panics, or returns a reply that
// cannot be sent (an action other than allow or deny, Data that does not encode), the
// default reply (WithDefaultReply) is sent instead. Like webhooks, the signature holds no
// timestamp, so a replayed call verifies.
//
// It returns an error, and no handler, for a secret with which every call would be answered
// 401 (see NewHandler), a default reply that cannot be sent (ErrInvalidReply), or an option
// value out of range (WithPreHookDeadline(0), WithMaxRunning(0), ...): all are
// configuration, checked once at start-up. A nil decide is a programming error and panics.
//
// opts are the PreHookOptions; those of NewHandler only do not compile here. Nil options are
// skipped.
func NewPreHookHandler(secret []byte, decide func(ctx context.Context, req *PreHookRequest) PreHookReply, opts ...PreHookOption) (*PreHookHandler, error) {
	if decide == nil {
		panic("webhook: nil pre-hook decision function")
	}
	if err := checkSecret(secret); err != nil {
		return nil, err
	}
	cfg, err := newPreHookConfig(opts)
	if err != nil {
		return nil, err
	}
	fallback, err := encodeReply(cfg.defaultReply)
	if err != nil {
		return nil, fmt.Errorf("the default reply (WithDefaultReply): %w", err)
	}
	return &PreHookHandler{
		secret: append([]byte(nil), secret...), decide: decide, cfg: cfg, fallback: fallback,
		runs: newRunner(cfg.maxRunning),
	}, nil
}

// PreHookHandler is the http.Handler NewPreHookHandler returns. Each decision runs on a
// goroutine of its own, so that the reply can be sent at the deadline; at most
// WithMaxRunning of them run at once, those that outlived their deadline included. Close
// stops it.
//
// Pre-hooks stay synchronous, with no inbox: the reply is the decision, so there is
// nothing to store for later. WithDefaultReply covers a process that is up: a decision
// late, panicking or not asked (closed, busy). When the process is down or unreachable, or
// answers nothing within the network's 2 to 3 s, the network applies the pre-hook's own
// defaultAction (amity.UpdatePrehookParams.DefaultAction, "allow" or "deny"), not this
// package's default: set it to the reply you want during an outage ("deny" fails closed:
// every post and message is refused while the receiver is down).
type PreHookHandler struct {
	secret   []byte
	decide   func(context.Context, *PreHookRequest) PreHookReply
	cfg      preHookConfig
	fallback []byte // the default reply, encoded and checked by NewPreHookHandler
	runs     *runner
}

// Close stops the handler: later calls are verified as before but get the default reply
// without decide being called (rather than a 503, which would leave the decision to the
// network's own default action, perhaps not the one you chose). It waits for the decisions
// still running and returns nil when they have returned, or ctx's error when ctx ends
// first; either way it then cancels their context, with cause ErrClosed (context.Cause).
// Close starts no goroutine, and may be called again.
func (h *PreHookHandler) Close(ctx context.Context) error { return h.runs.shutdown(ctx) }

// ServeHTTP answers one pre-hook call.
func (h *PreHookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	body, status := readSigned(w, r, h.secret, h.cfg.maxBody, start.Add(h.cfg.deadline), true)
	if status != 0 {
		answer(w, status)
		return
	}
	req, err := ParsePreHook(body)
	if err != nil {
		answer(w, http.StatusBadRequest)
		return
	}
	ctx, release := h.runs.context(r.Context(), start.Add(h.cfg.deadline))
	defer release()
	type result struct {
		reply PreHookReply
		err   error
	}
	done := make(chan result, 1)
	err = h.runs.start(ctx, func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: fmt.Errorf("webhook: pre-hook decision panicked: %v\n%s", p, debug.Stack())}
			}
		}()
		done <- result{reply: h.decide(ctx, req)}
	})
	switch {
	case errors.Is(err, ErrBusy):
		err = fmt.Errorf("%w: %d decisions (WithMaxRunning) until the deadline; the default reply is sent", err, h.cfg.maxRunning)
	case err != nil:
		err = fmt.Errorf("%w: the default reply is sent", err)
	}
	var out []byte
	if err == nil {
		select {
		case res := <-done:
			err = res.err
			if err == nil {
				out, err = encodeReply(res.reply)
			}
		case <-ctx.Done():
			err = fmt.Errorf("webhook: pre-hook decision missed the %v deadline: %w", h.cfg.deadline, context.Cause(ctx))
		}
	}
	if err != nil {
		h.fail(ctx, req, err)
		out = h.fallback
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(out)
}

func (h *PreHookHandler) fail(ctx context.Context, req *PreHookRequest, err error) {
	if h.cfg.onFail != nil {
		h.cfg.onFail(ctx, req, err)
		return
	}
	h.cfg.log(ctx, "pre-hook answered with the default reply", string(req.EventName), err)
}
