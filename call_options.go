package amity

// This file holds the per-call options (WithCall...).

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// CallOption changes one call: pass any number of them last to any method.
type CallOption func(*callConfig)

// callConfig is what a call's options set; err is the first malformed option.
type callConfig struct {
	header   http.Header
	response **http.Response
	retries  *int
	timeout  time.Duration
	err      error
}

// reservedHeaders are set by the SDK and cannot be set with WithCallHeader.
var reservedHeaders = map[string]bool{
	"Authorization": true, "X-Api-Key": true, "X-Server-Key": true, "Cookie": true,
	"Content-Type": true, "Content-Length": true, "Host": true, "Transfer-Encoding": true,
}

// WithCallHeader adds a header to the request of one call, e.g. a tracing header. Credential
// and framing headers (Authorization, X-API-Key, X-Server-Key, Cookie, Content-Type,
// Content-Length, Host, Transfer-Encoding) are the SDK's: setting one fails the call before
// anything is sent.
func WithCallHeader(key, value string) CallOption {
	return func(c *callConfig) {
		k := http.CanonicalHeaderKey(strings.TrimSpace(key))
		switch {
		case k == "" || strings.ContainsAny(k, " :\r\n") || strings.ContainsAny(value, "\r\n"):
			c.err = fmt.Errorf("header %q is malformed", key)
		case reservedHeaders[k]:
			c.err = fmt.Errorf("header %s is set by the SDK", k)
		default:
			if c.header == nil {
				c.header = http.Header{}
			}
			c.header.Add(k, value)
		}
	}
}

// WithCallResponse stores the call's final *http.Response in *dst (status, headers; its
// body has been read and closed), also when the call fails with an API error. It is left
// unset when no answer came (a transport error, a call refused before sending).
func WithCallResponse(dst **http.Response) CallOption {
	return func(c *callConfig) {
		if dst == nil {
			c.err = errors.New("WithCallResponse needs a non-nil pointer")
			return
		}
		c.response = dst
	}
}

// WithCallRetries sets how many times this call may be retried (0 turns retries off), in place
// of the client's WithMaxRetries. What is retried does not change: a write the server may
// have applied is never sent again.
func WithCallRetries(n int) CallOption {
	return func(c *callConfig) {
		if n < 0 {
			c.err = errors.New("WithCallRetries needs n >= 0")
			return
		}
		c.retries = &n
	}
}

// WithCallTimeout bounds the whole call (every attempt, backoff and limiter wait, and reading
// the answer) by d, on top of ctx's own deadline.
func WithCallTimeout(d time.Duration) CallOption {
	return func(c *callConfig) {
		if d <= 0 {
			c.err = errors.New("WithCallTimeout needs d > 0")
			return
		}
		c.timeout = d
	}
}
