package amity

// This file is the transport every view of a Client shares: the HTTP client and its round tripper
// (limiter turns, bounded reads of whole answers, refused resends and redirects), the janitor,
// and the transport's own errors.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"go.opentelemetry.io/otel/trace"
)

// transport is what every view of a Client shares.
type transport struct {
	base         *url.URL
	basePath     string // the base URL's escaped path, without a trailing slash
	http         *retryablehttp.Client
	creds        *credentials
	userAgent    string
	logger       *slog.Logger
	limiter      Limiter // nil when off
	maxRetries   int
	retryWaitMax time.Duration
	maxResponse  int64
	tel          *telemetry // nil when neither WithTracerProvider nor WithMeterProvider is set
	deviceID     string     // the default device ID of this client's user sessions
	adminKey     string     // the limiter keys of the admin and of the API key alone
	apiKeyKey    string
	now          func() time.Time
	sessionsMu   sync.Mutex
	sessions     map[sessionKey]*userSession

	closed    atomic.Bool
	janitorOn atomic.Bool
	janitorMu sync.Mutex
	janitor   *time.Timer // runs sweep while idle windows or sessions may be left
}

// janitorEvery is how often the janitor drops idle limiter windows and sessions while the
// client holds any.
const janitorEvery = time.Minute

// wakeJanitor starts the janitor unless it runs: it is called when a call is made and when a
// session is created. Between its runs no goroutine waits.
func (t *transport) wakeJanitor() {
	if t.janitorOn.Load() || t.closed.Load() {
		return
	}
	t.janitorMu.Lock()
	defer t.janitorMu.Unlock()
	if t.janitor == nil && !t.closed.Load() {
		t.janitorOn.Store(true)
		t.janitor = time.AfterFunc(janitorEvery, t.sweep)
	}
}

// sweep drops the limiter windows that are idle (no reservation left in their span) and the
// sessions unused for sessionIdle; it runs again while any is left.
func (t *transport) sweep() {
	now := t.now()
	left := t.dropIdleSessions(now)
	if wl, ok := t.limiter.(*windowLimiter); ok {
		left += wl.l.Sweep(now)
	}
	t.janitorMu.Lock()
	defer t.janitorMu.Unlock()
	if t.janitor == nil {
		return // Close stopped it
	}
	if left > 0 {
		t.janitor.Reset(janitorEvery)
		return
	}
	t.janitor = nil
	t.janitorOn.Store(false)
}

// credentials are kept behind a pointer so that no formatting of a Client prints them.
type credentials struct {
	adminToken, apiKey, serverKey string
}

// httpClient copies hc (or a default), wrapping its transport with the limiter and refusing
// redirects to another origin: Go strips only Authorization, and only for another hostname,
// while X-API-Key and x-server-key would travel on.
func (t *transport) httpClient(hc *http.Client) *http.Client {
	var out http.Client
	if hc != nil {
		out = *hc
	} else {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.ResponseHeaderTimeout = 2 * time.Minute // a server that never answers is an error, not a hang
		// One API host under concurrency: keep as many idle connections as a bulk job runs
		// goroutines, so a warm pool never pays a new TLS handshake (Go's default keeps 2).
		tr.MaxIdleConns = 256
		tr.MaxIdleConnsPerHost = 256
		tr.ForceAttemptHTTP2 = true
		out.Transport = tr
	}
	base := out.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	if tr, ok := base.(*http.Transport); ok {
		tr = tr.Clone()
		refuseResends(tr)
		base = tr
	}
	out.Transport = &roundTripper{base: base, t: t}
	userCheck := out.CheckRedirect
	out.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if m := via[0].Method; m != http.MethodGet && m != http.MethodHead {
			return http.ErrUseLastResponse // a write is never turned into a read, nor sent again
		}
		if !sameOrigin(req.URL, via[0].URL) {
			return fmt.Errorf("%w: %s to %s", errRedirect, via[0].URL.Host, req.URL.Host)
		}
		if userCheck != nil {
			return userCheck(req, via)
		}
		if len(via) >= 10 {
			return errors.New("amity: stopped after 10 redirects")
		}
		return nil
	}
	return &out
}

// errRedirect refuses a redirect to another origin (its credentials would follow it).
var errRedirect = errors.New("amity: refused redirect to another host")

// errResend is an attempt that net/http would have sent again by itself: the server closed a
// kept-alive connection before answering (or before the request was written). The SDK's retry
// loop decides instead, after a limiter turn, within the call's retries.
var errResend = errors.New("the server closed a kept-alive connection before answering")

// refuseResends stops tr from sending a request a second time by itself. net/http resends a
// read (and a request it had not yet written) when the server closes a reused connection
// without answering; that resend bypassed the limiter and WithCallRetries(0), so the server saw
// more calls than the limiter admitted. Transport.Proxy is asked before every send of the
// transport's own loop, and an error from it ends the loop: the second ask of one attempt
// refuses. The attempt then fails with errResend and checkRetry treats it as any other
// connection failure (a read, or a request provably not written, is retried through the limiter).
func refuseResends(tr *http.Transport) {
	proxy := tr.Proxy
	tr.Proxy = func(req *http.Request) (*url.URL, error) {
		if pol, _ := req.Context().Value(policyKey).(*policy); pol != nil && pol.sends.Add(1) > 1 {
			return nil, errResend
		}
		if proxy == nil {
			return nil, nil
		}
		return proxy(req)
	}
}

// sameOrigin reports whether a and b have the same scheme, host and port.
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && portOf(a) == portOf(b)
}

// portOf is u's port, or the default port of its scheme.
func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "https") {
		return "443"
	}
	return "80"
}

// roundTripper waits for the limiter before every attempt, marks failures that provably
// happened before the request reached the server, reads answers whole (bounded) so that a
// body cut short is a failed attempt, feeds rate-limited answers back to the limiter, and
// logs each attempt.
type roundTripper struct {
	base http.RoundTripper
	t    *transport
}

// errNotSent wraps a transport failure that happened before any byte of the request was
// written: the server cannot have seen it, so even a write may be sent again.
type errNotSent struct{ err error }

func (e *errNotSent) Error() string { return e.err.Error() }
func (e *errNotSent) Unwrap() error { return e.err }

// errNoTurn is a limiter's refusal to wait past the call's deadline (a *LimitWaitError from
// the default limiter). It is final; the call fails with an *Error matching ErrRateLimited.
type errNoTurn struct{ err error }

func (e *errNoTurn) Error() string { return e.err.Error() }
func (e *errNoTurn) Unwrap() error { return e.err }

// errTooLarge is an answer larger than the transport reads; it is never retried.
type errTooLarge struct {
	status int
	limit  int64
}

func (e *errTooLarge) Error() string {
	return fmt.Sprintf("the answer is larger than %d bytes (see WithMaxResponseSize)", e.limit)
}

// errCutShort is an answer whose body could not be read whole. A read may retry it; a
// 2xx one that ends a call is ErrMalformedResponse (after a write, the write may be applied).
type errCutShort struct {
	status int
	err    error
}

func (e *errCutShort) Error() string { return "reading the answer: " + e.err.Error() }
func (e *errCutShort) Unwrap() error { return e.err }

// cancelOnClose ends a call's per-call timeout when its streamed body is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

// bufferedBody is an answer read whole; decodeAnswer takes its bytes without a copy.
type bufferedBody struct {
	bytes.Reader
	b []byte
}

func (*bufferedBody) Close() error { return nil }

// bodyBytes returns a buffered answer's bytes (reading an unbuffered one, bounded).
func bodyBytes(resp *http.Response) []byte {
	if bb, ok := resp.Body.(*bufferedBody); ok {
		return bb.b
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	return b
}

func (rt *roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	pol, _ := ctx.Value(policyKey).(*policy)
	if pol == nil {
		pol = &policy{identity: "anonymous"}
	}
	attempt := pol.attempt.Add(1)
	lg := rt.t.logger
	if attempt > 1 {
		lg.LogAttrs(ctx, slog.LevelInfo, "amity retry", slog.String("op", pol.op), slog.String("method", req.Method),
			slog.String("path", req.URL.EscapedPath()), slog.Int("attempt", int(attempt)))
	}
	ct := pol.tel
	if ct != nil {
		ct.beginAttempt(ctx, attempt > 1)
	}
	if rt.t.limiter != nil {
		var err error
		if ct != nil {
			err = ct.waitLimiter(ctx, rt.t.limiter, pol.identity)
		} else {
			err = rt.t.limiter.Wait(ctx, pol.identity)
		}
		if err != nil {
			if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
				return nil, &errNoTurn{err} // the turn comes after the deadline: ErrRateLimited now
			}
			return nil, err
		}
	}
	var span trace.Span
	if ct != nil {
		span = ct.startAttempt(req)
	}
	pol.resetTrace()
	start := time.Now()
	resp, err := rt.base.RoundTrip(req)
	if err == nil && !(pol.streamAnswer && resp.StatusCode < 300) {
		err = rt.readBody(resp)
	}
	if err != nil {
		if pol.notSent() || isDialError(err) {
			err = &errNotSent{err}
		}
		lg.LogAttrs(ctx, slog.LevelDebug, "amity request failed", slog.String("op", pol.op), slog.String("method", req.Method),
			slog.String("path", req.URL.EscapedPath()), slog.Int("attempt", int(attempt)), slog.Duration("duration", time.Since(start)),
			slog.String("error", errorText(err)))
		if ct != nil {
			ct.endAttempt(ctx, span, nil, err)
		}
		return nil, err
	}
	if ct != nil {
		ct.endAttempt(ctx, span, resp, nil)
	}
	if rt.t.limiter != nil && isRateLimited(resp) {
		pol.limited = resp // its error, should the limiter give the retry no turn in time
		switch d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); {
		case !ok:
			rt.t.limiter.Pause(ctx, pol.identity, 0) // no Retry-After: a whole window
		case d > 0:
			rt.t.limiter.Pause(ctx, pol.identity, d)
		} // an explicit Retry-After: 0 means again now
	}
	lg.LogAttrs(ctx, slog.LevelDebug, "amity request", slog.String("op", pol.op), slog.String("method", req.Method),
		slog.String("path", req.URL.EscapedPath()), slog.Int("attempt", int(attempt)), slog.Int("status", resp.StatusCode),
		slog.Duration("duration", time.Since(start)))
	if rt.t.closed.Load() && !pol.streamAnswer {
		rt.CloseIdleConnections() // a call in flight at Close: its connection is not kept
	}
	return resp, nil
}

// CloseIdleConnections closes the idle connections of the wrapped transport, for
// http.Client.CloseIdleConnections.
func (rt *roundTripper) CloseIdleConnections() {
	if ci, ok := rt.base.(interface{ CloseIdleConnections() }); ok {
		ci.CloseIdleConnections()
	}
}

// readBody replaces resp.Body with its content, read whole: at most maxResponse bytes of a
// 2xx answer, maxErrorBody of any other. A read that fails (a body cut short) is the
// attempt's error.
func (rt *roundTripper) readBody(resp *http.Response) error {
	limit := rt.t.maxResponse
	if resp.StatusCode >= 300 {
		limit = maxErrorBody
	}
	size := int64(512)
	if n := resp.ContentLength; n > 0 {
		size = min(n, limit) + 1 // one more byte, so that reading to EOF does not grow it
	}
	b, err := readAll(resp.Body, make([]byte, 0, size), limit+1)
	if err == nil && resp.ContentLength > 0 && int64(len(b)) < resp.ContentLength && int64(len(b)) <= limit {
		err = io.ErrUnexpectedEOF // the connection ended before Content-Length bytes
	}
	if err == nil && int64(len(b)) > limit {
		if resp.StatusCode < 300 {
			resp.Body.Close()
			return &errTooLarge{status: resp.StatusCode, limit: limit}
		}
		b = b[:limit] // an error body: its start is enough
	}
	resp.Body.Close()
	if err != nil {
		return &errCutShort{status: resp.StatusCode, err: err}
	}
	bb := &bufferedBody{b: b}
	bb.Reset(b)
	resp.Body = bb
	return nil
}

// readAll is io.ReadAll into buf, reading at most limit bytes.
func readAll(r io.Reader, buf []byte, limit int64) ([]byte, error) {
	for int64(len(buf)) < limit {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		room := buf[len(buf):min(int64(cap(buf)), limit)]
		n, err := r.Read(room)
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
	return buf, nil
}

// errorText strips the URL (and so the query) from a transport error for logging.
func errorText(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}

// isDialError reports whether err happened while dialing (nothing was sent).
func isDialError(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}
