package amity

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/amity-go/amity/internal/ratelimit"
)

// Limiter paces the calls of each identity (the admin token, each user acting through
// AsUser, the API key alone) so that the API's limit, 100 calls per user in any 5 seconds,
// is not passed. The transport calls Wait before every attempt and Pause when the API
// answers a call as rate limited anyway (HTTP 429 or code 400311), which happens when
// something outside this Limiter spends the same budget.
//
// Keys name an identity of a network by a keyed hash (32 hex digits): the same identity of
// the same network has the same key in every process, and no key holds or reveals a token,
// key or user ID. Implementations must be safe for concurrent use.
type Limiter interface {
	// Wait blocks until one more call for key may be sent, or ctx ends. A wait that cannot
	// end before ctx's deadline should return at once with an error wrapping
	// context.DeadlineExceeded, best a *LimitWaitError saying how long the wait would be.
	Wait(ctx context.Context, key string) error
	// Pause marks key's window full for d (for a whole window when d is 0): the API refused
	// a call for key as rate limited.
	Pause(ctx context.Context, key string, d time.Duration)
}

// NewWindowLimiter returns the SDK's in-process limiter: a sliding window per key admitting
// at most calls in any window plus a margin of window/25 (the server counts arrivals, not
// sends). It is the default, as NewWindowLimiter(100, 5*time.Second). It panics if calls < 1
// or window <= 0.
func NewWindowLimiter(calls int, window time.Duration) Limiter {
	return newWindowLimiter(calls, window, time.Now)
}

// newWindowLimiter is the limiter of WithRateLimit: calls per window and key, the window
// taken 4% wider than asked.
func newWindowLimiter(calls int, window time.Duration, now func() time.Time) *windowLimiter {
	span := window + window/25
	return &windowLimiter{l: ratelimit.New(calls, span, now), span: span, now: now}
}

// windowLimiter is the Limiter of WithRateLimit, on internal/ratelimit.
type windowLimiter struct {
	l    *ratelimit.Limiter
	span time.Duration
	now  func() time.Time
}

func (w *windowLimiter) Wait(ctx context.Context, key string) error {
	err := w.l.Wait(ctx, key)
	if de, ok := err.(*ratelimit.DeadlineError); ok {
		return &LimitWaitError{Wait: de.Delay}
	}
	return err
}

// LimitWaitError is the error of a Limiter's Wait when the caller's turn comes only after
// ctx's deadline: the wait is refused at once instead of spent in vain. It matches
// context.DeadlineExceeded. A call refused so fails with an *Error matching ErrRateLimited
// whose RetryAfter is Wait, before its deadline, not with a deadline error.
type LimitWaitError struct {
	// Wait is how long the caller would have waited for its turn.
	Wait time.Duration
}

// Error implements error.
func (e *LimitWaitError) Error() string {
	return "amity: rate limit: waiting " + e.Wait.Round(time.Millisecond).String() + " would pass the context deadline"
}

// Unwrap returns context.DeadlineExceeded.
func (e *LimitWaitError) Unwrap() error { return context.DeadlineExceeded }

func (w *windowLimiter) Pause(_ context.Context, key string, d time.Duration) {
	if d <= 0 {
		d = w.span
	}
	w.l.Window(key).Hold(w.now().Add(d))
}

// limiterKey names an identity for the limiter: an HMAC-SHA256 keyed by the credential the
// identity's calls are billed to (the admin token for the admin, the API key for users), so
// every process of the same network agrees on it and none of it can be reversed.
func (t *transport) limiterKey(identity string) string {
	secret := t.creds.apiKey
	if identity == adminIdentity {
		secret = t.creds.adminToken
	}
	m := hmac.New(sha256.New, []byte("amity-go limiter|"+secret))
	m.Write([]byte(identity))
	return hex.EncodeToString(m.Sum(nil)[:16])
}
