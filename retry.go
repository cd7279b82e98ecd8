package amity

// This file is the retry policy of a call: which failures are retried (checkRetry, isFinal) and
// how long to wait (backoff, Retry-After).

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/http/httptrace"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// ctxKey is the type of the context keys of the request path.
type ctxKey int

// policyKey is the context key of a call's policy.
const policyKey ctxKey = iota

// policy travels in the request context to the round tripper and retry check. It carries
// the httptrace hooks that tell whether an attempt's request was written (reset by each
// attempt: attempts of a call never overlap).
type policy struct {
	identity     string // the limiter key
	idempotent   bool
	attempt      atomic.Int32
	maxRetries   int
	retryWaitMax time.Duration
	op           string
	streamAnswer bool
	limited      *http.Response // the last rate-limited answer (its body buffered)
	tel          *callTel       // the call's telemetry; nil when off

	asked, wrote atomic.Bool
	sends        atomic.Int32 // the transport's sends of this attempt (refuseResends)
	trace        httptrace.ClientTrace
}

// gotConn and wroteHeaders are the attempt's httptrace hooks; resetTrace starts an attempt;
// notSent reports an attempt that got a connection but wrote nothing.
func (p *policy) gotConn(string) { p.asked.Store(true) }
func (p *policy) wroteHeaders()  { p.wrote.Store(true) }
func (p *policy) resetTrace()    { p.asked.Store(false); p.wrote.Store(false); p.sends.Store(0) }
func (p *policy) notSent() bool  { return p.asked.Load() && !p.wrote.Load() }

// isRateLimited reports whether an answer refuses a call as rate limited.
func isRateLimited(resp *http.Response) bool {
	return resp.StatusCode == http.StatusTooManyRequests || (resp.StatusCode >= 400 && rateLimitCode(bodyBytes(resp)))
}

// isFinal reports transport errors that no retry can cure: a refused redirect, a
// certificate the client does not trust, an answer too large to read.
func isFinal(err error) bool {
	var (
		unknownAuthority x509.UnknownAuthorityError
		hostname         x509.HostnameError
		invalid          x509.CertificateInvalidError
		verify           *tls.CertificateVerificationError
		tooLarge         *errTooLarge
		noTurn           *errNoTurn
	)
	return errors.Is(err, errRedirect) || errors.As(err, &unknownAuthority) || errors.As(err, &hostname) ||
		errors.As(err, &invalid) || errors.As(err, &verify) || errors.As(err, &tooLarge) || errors.As(err, &noTurn)
}

// checkRetry decides whether to try again. Reads (GET/HEAD) are retried on connection
// failures, a body cut short, 429, 400311 and 5xx but 501. Writes are retried only when the
// server provably did not process them: the connection failed before the request was
// written, or the answer was 429 / 400311 (rejected unprocessed); a write marked idempotent
// is retried like a read. A certificate error is final. No call is retried past its retry
// limit, and a rate-limited call whose Retry-After passes the deadline or the longest retry
// wait is not retried at all (its error carries the Retry-After).
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	pol, _ := ctx.Value(policyKey).(*policy)
	if pol == nil {
		pol = &policy{}
	}
	if int(pol.attempt.Load()) > pol.maxRetries {
		return false, nil
	}
	if err != nil {
		if isFinal(err) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return false, nil
		}
		var notSent *errNotSent
		if errors.As(err, &notSent) {
			return true, nil
		}
		return pol.idempotent, nil
	}
	switch {
	case isRateLimited(resp):
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			if d > pol.retryWaitMax {
				return false, nil
			}
			if dl, ok := ctx.Deadline(); ok && time.Now().Add(d).After(dl) {
				return false, nil
			}
		}
		return true, nil
	case resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented:
		return pol.idempotent, nil
	}
	return false, nil
}

// backoff honours Retry-After (seconds or an HTTP date; checkRetry has already refused one
// longer than max) and otherwise waits min·2^attempt, capped at max, with "equal jitter"
// (between half and all of it) so that goroutines that failed together do not retry
// together.
func backoff(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return d
		}
	}
	d := max
	if attempt < 30 && min<<attempt > 0 && min<<attempt < max {
		d = min << attempt
	}
	half := d / 2
	if half <= 0 {
		return d
	}
	return half + rand.N(half+1)
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	var d time.Duration
	if secs, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
		if secs > 1<<31 {
			secs = 1 << 31
		}
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	} else {
		return 0, false
	}
	return max(d, 0), true
}
