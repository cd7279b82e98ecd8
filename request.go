package amity

// This file is the one request path: a request is described (request), sent by Client.do and
// Client.send (call options, auth, limiter, retries, error decoding) and built by newRequest;
// paths are built by pathf and the idPaths of the areas.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strconv"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

// authKind says which credentials a request carries.
type authKind int

const (
	authBearer    authKind = iota // the view's token: admin token or the user's access token
	authAPIKey                    // X-API-Key, plus the view's token when it has one
	authKeyOnly                   // X-API-Key alone (session registration)
	authServerKey                 // x-server-key alone (secure-mode auth tokens)
)

// request is one API call, described before it is sent.
type request struct {
	op     string // SDK method, for logs
	method string
	path   string // escaped, from pathf
	query  url.Values
	body   any      // encoded as JSON when non-nil
	stream *payload // a streamed body (uploads) instead of body
	auth   authKind
	// accept overrides the Accept header (default application/json), e.g. for downloads.
	accept string
	// header holds the operation's own header parameters (never credentials).
	header http.Header
	// idempotent marks a write that is safe to repeat after it may have been applied. GET
	// and HEAD are always idempotent.
	idempotent bool
	// streamAnswer leaves a 2xx body unread for the caller (downloads); every other answer
	// is read whole, bounded, inside the retry loop.
	streamAnswer bool
	// optionalAnswer marks an operation whose spec declares no answer body: an empty one is
	// not an error.
	optionalAnswer bool
	// opts are the caller's per-call options.
	opts []CallOption
	// carried are the secrets the call sent (its bearer tokens, a secure-mode auth token in
	// its body): an error body that echoes one is redacted.
	carried []Secret
	// tel is the call's telemetry, nil when the client has none.
	tel *callTel
}

// isRead reports whether r is a read (GET or HEAD), retried whatever idempotent says.
func (r *request) isRead() bool { return r.method == http.MethodGet || r.method == http.MethodHead }

// preserveEditedAt is the preserve-edited-at header of the post and comment update calls,
// when set.
func preserveEditedAt(v *bool) http.Header {
	if v == nil {
		return nil
	}
	return http.Header{"Preserve-Edited-At": {strconv.FormatBool(*v)}}
}

// payload is a streamed request body. open returns a fresh reader for each attempt; when the
// source cannot be rewound, open fails on the second call and the call is not retried.
type payload struct {
	contentType string
	open        func() (io.Reader, error)
}

// do sends r and decodes the answer into out (nil: the answer is only checked; a *string:
// a text answer). It is the path of every call but downloads.
func (c *Client) do(ctx context.Context, r *request, out any) error {
	resp, cancel, err := c.send(ctx, r)
	if err != nil {
		return err
	}
	defer cancel()
	defer resp.Body.Close()
	err = c.decodeAnswer(r, resp, out)
	r.tel.end(err)
	return err
}

// send is the one request path: call options, auth, limiter, retries, error decoding. It
// returns a 2xx response whose body the caller must close and then call cancel (which ends
// a per-call timeout), or an error (an *Error for API answers). The body is already read
// into memory unless r.streamAnswer is set.
func (c *Client) send(ctx context.Context, r *request) (*http.Response, context.CancelFunc, error) {
	if ctx == nil {
		return nil, nil, &ValidationError{Op: r.op, Field: "ctx", Reason: "must not be nil"}
	}
	var co callConfig
	for _, o := range r.opts {
		if o != nil {
			o(&co)
		}
	}
	if co.err != nil {
		return nil, nil, &ValidationError{Op: r.op, Field: "CallOption", Reason: co.err.Error()}
	}
	if c.t.closed.Load() {
		return nil, nil, fmt.Errorf("amity: %s: %w", r.op, ErrClientClosed)
	}
	c.t.wakeJanitor()
	if c.t.tel != nil {
		ctx, r.tel = c.t.tel.startCall(ctx, r, c.auth.limitKey(c.t))
	}
	resp, cancel, err := c.sendOn(ctx, r, &co)
	if err != nil || r.streamAnswer {
		r.tel.end(err) // do ends the others once their answer is decoded
	}
	return resp, cancel, err
}

// sendOn is send's part after the call's checks: the attempts, the renewal of a user's
// token after a 401, and the error of an answer that is not a 2xx.
func (c *Client) sendOn(ctx context.Context, r *request, co *callConfig) (*http.Response, context.CancelFunc, error) {
	cancel := context.CancelFunc(func() {})
	if co.timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, co.timeout)
	}
	resp, tok, err := c.attempt(ctx, r, co)
	if err == nil && resp.StatusCode == http.StatusUnauthorized && tok != "" && c.auth.renewable() {
		// The user's token was revoked or replaced (a new session on the same device): the
		// server refused the call unprocessed, so renewing once and resending is safe.
		resp.Body.Close()
		c.auth.invalidate(tok)
		resp, _, err = c.attempt(ctx, r, co)
	}
	if err != nil {
		cancel()
		return nil, nil, err
	}
	if co.response != nil {
		*co.response = resp
	}
	if resp.StatusCode >= 300 {
		cancel()
		return nil, nil, c.decodeError(resp, r)
	}
	return resp, cancel, nil
}

// attempt builds r's request and sends it through the retrying HTTP client; it returns the
// answer and the user token sent (send renews it once after a 401).
func (c *Client) attempt(ctx context.Context, r *request, co *callConfig) (*http.Response, Secret, error) {
	req, tok, err := c.newRequest(ctx, r, co)
	if err != nil {
		return nil, "", err
	}
	if tok != "" {
		r.carried = append(r.carried, tok)
	}
	resp, err := c.t.http.Do(req)
	if err != nil {
		var noTurn *errNoTurn
		if errors.As(err, &noTurn) {
			pol, _ := req.Context().Value(policyKey).(*policy)
			return nil, "", c.noTurnError(r, pol, noTurn)
		}
		return nil, "", c.transportError(r, err)
	}
	return resp, tok, nil
}

// noTurnError is the error of a call whose limiter turn would come after its deadline: the
// API's rate-limited answer that led to the wait when there was one, else an *Error of the
// client's own limit (StatusCode 0); either matches ErrRateLimited, with RetryAfter at least
// the wait.
func (c *Client) noTurnError(r *request, pol *policy, noTurn *errNoTurn) *Error {
	var e *Error
	if pol != nil && pol.limited != nil {
		e = c.decodeError(pol.limited, r)
	} else {
		e = &Error{Op: r.op, Method: r.method, Path: r.path, Message: "the client's rate limit gives this call no turn before its deadline"}
		e.limited = true
	}
	var lw *LimitWaitError
	if errors.As(noTurn.err, &lw) && lw.Wait > e.RetryAfter {
		e.RetryAfter = lw.Wait
	}
	return e
}

// transportError names the call without its URL: url.Error would print the query.
func (c *Client) transportError(r *request, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var tooLarge *errTooLarge
	if errors.As(err, &tooLarge) {
		e := malformed(r, &http.Response{StatusCode: tooLarge.status}, tooLarge.Error())
		return e
	}
	var cut *errCutShort
	if errors.As(err, &cut) && cut.status < 300 && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return malformed(r, &http.Response{StatusCode: cut.status}, "the answer was cut short: "+errorText(cut.err))
	}
	return fmt.Errorf("amity: %s: %s %s: %w", r.op, r.method, r.path, err)
}

// newRequest builds the HTTP request of r: URL, body, headers and credentials, and the policy
// in its context.
func (c *Client) newRequest(ctx context.Context, r *request, co *callConfig) (*retryablehttp.Request, Secret, error) {
	u := *c.t.base
	// The base path is kept as written (escapes included) and the operation path is already
	// escaped: joining the escaped forms keeps "a%2F..%2Fb" one segment under any base.
	u.RawPath = c.t.basePath + r.path
	p, err := url.PathUnescape(u.RawPath)
	if err != nil {
		return nil, "", &ValidationError{Op: r.op, Field: "path", Reason: "is malformed"}
	}
	u.Path = p
	if len(r.query) > 0 {
		u.RawQuery = r.query.Encode()
	}

	var body retryablehttp.ReaderFunc
	contentType := ""
	switch {
	case r.stream != nil:
		body, contentType = r.stream.open, r.stream.contentType
	case r.body != nil:
		b, err := json.Marshal(r.body)
		if err != nil {
			return nil, "", fmt.Errorf("amity: %s: encoding request: %w", r.op, err)
		}
		body = func() (io.Reader, error) { return bytes.NewReader(b), nil }
		contentType = "application/json"
	}
	pol := &policy{
		identity:     c.auth.limitKey(c.t),
		idempotent:   r.idempotent || r.isRead(),
		maxRetries:   c.t.maxRetries,
		retryWaitMax: c.t.retryWaitMax,
		op:           r.op,
		streamAnswer: r.streamAnswer,
		tel:          r.tel,
	}
	if co.retries != nil {
		pol.maxRetries = *co.retries
	}
	pol.trace = httptrace.ClientTrace{GetConn: pol.gotConn, WroteHeaders: pol.wroteHeaders}
	ctx = httptrace.WithClientTrace(context.WithValue(ctx, policyKey, pol), &pol.trace)
	hreq := &http.Request{Method: r.method, URL: &u, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: make(http.Header, 8), Host: u.Host}
	req := &retryablehttp.Request{Request: hreq.WithContext(ctx)}
	if body != nil {
		if err := req.SetBody(body); err != nil {
			return nil, "", c.transportError(r, err) // ErrNotReplayable: a second send of a one-shot upload
		}
	}
	h := req.Header
	h.Set("User-Agent", c.t.userAgent)
	h.Set("Accept", "application/json")
	if r.accept != "" {
		h.Set("Accept", r.accept)
	}
	for k, vs := range r.header {
		h[http.CanonicalHeaderKey(k)] = vs
	}
	for k, vs := range co.header {
		h[k] = vs
	}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	var tok Secret
	switch r.auth {
	case authBearer, authAPIKey:
		if tok, err = c.auth.token(ctx, c); err != nil {
			return nil, "", err
		}
		if tok != "" {
			h.Set("Authorization", "Bearer "+string(tok))
		}
		if r.auth == authAPIKey && c.t.creds.apiKey != "" {
			h.Set("X-API-Key", c.t.creds.apiKey)
		}
	case authKeyOnly:
		if c.t.creds.apiKey == "" {
			return nil, "", &ValidationError{Op: r.op, Field: "API key", Reason: "is not set (use WithAPIKey)"}
		}
		h.Set("X-API-Key", c.t.creds.apiKey)
	case authServerKey:
		if c.t.creds.serverKey == "" {
			return nil, "", &ValidationError{Op: r.op, Field: "server key", Reason: "is not set (use WithServerKey)"}
		}
		h.Set("X-Server-Key", c.t.creds.serverKey)
	}
	return req, tok, nil
}

// pathf builds an escaped request path: each %s in format takes one ID, which must not be
// blank, "." or "..", and is escaped with url.PathEscape so that it stays one segment
// ("a/../b?x#y" becomes "a%2F..%2Fb%3Fx%23y").
func pathf(op, format string, ids ...idArg) (string, error) {
	var b strings.Builder
	b.Grow(len(format) + 32)
	start := format
	for _, id := range ids {
		v := strings.TrimSpace(id.value)
		switch {
		case v == "":
			return "", &ValidationError{Op: op, Field: id.name, Reason: "must not be empty"}
		case id.value == "." || id.value == "..":
			return "", &ValidationError{Op: op, Field: id.name, Reason: "must not be a dot segment"}
		}
		at := strings.Index(format, "%s")
		if at < 0 {
			panic("amity: pathf: more IDs than %s in " + format)
		}
		b.WriteString(format[:at])
		b.WriteString(url.PathEscape(id.value))
		format = format[at+2:]
	}
	b.WriteString(format)
	if recordTemplates.Load() {
		rememberTemplate(op, start, ids)
	}
	return b.String(), nil
}

// idPath checks the ID of one entity and builds a path holding it from a format with one %s:
// the path builders of the areas (postPath, storyPath, messagesID, ...).
type idPath func(op, format, id string) (string, error)

// setPath puts entityID, checked and escaped by pathOf, in r.path, a format with one %s: the
// one step from a request description to its path for the calls on one entity.
func (r *request) setPath(pathOf idPath, entityID string) error {
	path, err := pathOf(r.op, r.path, entityID)
	if err != nil {
		return err
	}
	r.path = path
	return nil
}

// checkedPath returns the idPath of an entity whose ID, named name in errors, passes check
// (maxLen, objectID, ...) and then pathf's checks.
func checkedPath(name string, check func(op, field, v string) error) idPath {
	return func(op, format, v string) (string, error) {
		if err := check(op, name, v); err != nil {
			return "", err
		}
		return pathf(op, format, id(name, v))
	}
}

// maxLenPath is the checkedPath of an ID of at most maxLength characters.
func maxLenPath(name string, maxLength int) idPath {
	return checkedPath(name, func(op, field, v string) error { return maxLen(op, field, v, maxLength) })
}

// idArg is a named ID for pathf; the name appears in validation errors.
type idArg struct{ name, value string }

// id names an ID for pathf.
func id(name, value string) idArg { return idArg{name, value} }
