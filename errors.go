package amity

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Sentinel errors for errors.Is. An *Error matches the ones its status code, API code or
// message stand for; see Error.Is.
var (
	// ErrNotFound: HTTP 404 or API code 400400 (ITEM_NOT_FOUND).
	ErrNotFound = errors.New("amity: not found")
	// ErrUnauthorized: HTTP 401 (bad or expired token, or a user banned from the system).
	ErrUnauthorized = errors.New("amity: unauthorized")
	// ErrForbidden: HTTP 403 (no permission, feature disabled, banned).
	ErrForbidden = errors.New("amity: forbidden")
	// ErrRateLimited: HTTP 429 or API code 400311 (RPCRateLimitError, past 100 calls per user
	// in 5 seconds), or a call whose turn under the client's rate limit would come after its
	// ctx deadline (refused at once, Error.StatusCode 0). Error.RetryAfter says how long to
	// wait.
	ErrRateLimited = errors.New("amity: rate limited")
	// ErrLinkNotAllowed: API code 400309, a link whose domain is not on the network allowlist.
	ErrLinkNotAllowed = errors.New("amity: link not on the allowlist")
	// ErrImageRejected: API code 400314, an image refused by image moderation.
	ErrImageRejected = errors.New("amity: image rejected by moderation")
	// ErrInvalidPageToken: the server's "Query Token is invalid", a stale or foreign page
	// token. Start the listing again without a token.
	ErrInvalidPageToken = errors.New("amity: invalid page token")
	// ErrBanned: API code 400304 (banned from a channel or community) or 400312 (globally
	// banned).
	ErrBanned = errors.New("amity: user is banned")
	// ErrInvalidArgument: a call refused before any request was sent; see *ValidationError.
	ErrInvalidArgument = errors.New("amity: invalid argument")
	// ErrUnsuccessful: a 2xx answer whose body (or its "data") says "success": false. The
	// operation was not applied.
	ErrUnsuccessful = errors.New("amity: the API answered success: false")
	// ErrMalformedResponse: a 2xx answer that is empty, is not JSON, is cut short, is larger
	// than WithMaxResponseSize, or lacks the entity the operation returns. After a write,
	// the write may have been applied.
	ErrMalformedResponse = errors.New("amity: malformed answer")
)

// API error codes named by the product's documents. Error.Code holds one of these, or
// another code the API returns.
const (
	CodeBadRequest      = 400000
	CodeUnauthorized    = 400100
	CodeForbidden       = 400300
	CodePermission      = 400301
	CodeUserMuted       = 400302
	CodeChannelMuted    = 400303
	CodeUserBanned      = 400304
	CodeBanWordFound    = 400308
	CodeLinkNotAllowed  = 400309
	CodeRateLimited     = 400311
	CodeGlobalBanned    = 400312
	CodeImageRejected   = 400314
	CodeDuplicateEntry  = 400315
	CodeItemNotFound    = 400400
	CodeBusinessError   = 500000
	invalidTokenMessage = "query token is invalid"
)

// Error is an error answered by the API (or by a proxy in front of it), or a 2xx answer that
// broke the success rule (see ErrUnsuccessful and ErrMalformedResponse). It names the SDK
// method and the request's method and path ("amity: Posts.Create: POST /api/v4/posts: 403
// Forbidden ..."): no query, header or credential is ever part of it, and a credential the
// body echoes is redacted.
type Error struct {
	// StatusCode is the HTTP status; 0 for a call the client's own rate limit refused to send
	// (it would have waited past its deadline: see ErrRateLimited).
	StatusCode int
	// Code is the API's numeric error code (e.g. 400400), or 0 when the body had none.
	Code int
	// Message is the API's message, or a short text made from a non-JSON body.
	Message string
	// Data is the raw "data" member of the error body (validation details), if any.
	Data json.RawMessage
	// Op is the SDK method that made the call, e.g. "Posts.Create" ("Posts.List" for an
	// error of the iterator).
	Op string
	// Method and Path name the request, e.g. "GET" and "/api/v3/users/u1".
	Method, Path string
	// RetryAfter is the wait the server asked for in a Retry-After header (0 when it sent
	// none). A rate-limited call whose Retry-After passes the ctx deadline or the longest
	// retry wait fails at once with it; so does a call whose next turn under the rate limit
	// comes after its deadline, with RetryAfter at least the wait for that turn.
	RetryAfter time.Duration
	// RequestID is the request ID the server or its gateway sent (X-Request-Id,
	// X-Amzn-RequestId or X-Amz-Cf-Id), for support tickets; empty when none was sent.
	RequestID string

	unsuccessful, malformed, limited bool
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("amity: ")
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "%s %s: ", e.Method, e.Path)
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, "%d %s", e.StatusCode, http.StatusText(e.StatusCode))
	} else {
		b.WriteString("not sent")
	}
	if e.Code != 0 {
		fmt.Fprintf(&b, " (code %d)", e.Code)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %v)", e.RetryAfter)
	}
	return b.String()
}

// Is reports whether e stands for target, one of the package's sentinel errors.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound || e.Code == CodeItemNotFound
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests || e.Code == CodeRateLimited || e.limited
	case ErrLinkNotAllowed:
		return e.Code == CodeLinkNotAllowed
	case ErrImageRejected:
		return e.Code == CodeImageRejected
	case ErrInvalidPageToken:
		return strings.Contains(strings.ToLower(e.Message), invalidTokenMessage)
	case ErrBanned:
		return e.Code == CodeUserBanned || e.Code == CodeGlobalBanned
	case ErrUnsuccessful:
		return e.unsuccessful
	case ErrMalformedResponse:
		return e.malformed
	}
	return false
}

// ValidationError reports a call refused before sending: an empty ID, a missing required
// field, a value out of the spec's bounds. It matches ErrInvalidArgument.
type ValidationError struct {
	// Op is the SDK method, e.g. "Users.Get".
	Op string
	// Field names the argument or field, e.g. "userID" or "Data.Text".
	Field string
	// Reason says what is wrong.
	Reason string
}

// Error implements error.
func (e *ValidationError) Error() string {
	return fmt.Sprintf("amity: %s: %s %s", e.Op, e.Field, e.Reason)
}

// Is reports whether target is ErrInvalidArgument.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidArgument }

// maxErrorBody bounds how much of an error body is read.
const maxErrorBody = 64 << 10

// requestIDHeaders are the headers a request ID may come in, most specific first.
var requestIDHeaders = []string{"X-Request-Id", "X-Amzn-Requestid", "X-Amz-Cf-Id", "X-Correlation-Id"}

// newError starts the *Error of an answer: status, call, Retry-After and request ID.
func newError(resp *http.Response, r *request) *Error {
	e := &Error{StatusCode: resp.StatusCode, Op: r.op, Method: r.method, Path: r.path}
	if resp.Header != nil {
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			e.RetryAfter = d
		}
		for _, h := range requestIDHeaders {
			if v := resp.Header.Get(h); v != "" {
				e.RequestID = truncate(v, 200)
				break
			}
		}
	}
	return e
}

// decodeError turns a non-2xx response into an *Error. It reads the body (buffered by the
// transport, at most maxErrorBody of it) and closes it.
func (c *Client) decodeError(resp *http.Response, r *request) *Error {
	body := bodyBytes(resp)
	resp.Body.Close()
	return c.apiError(resp, r, body)
}

// apiError reads an error body. The API's "code" is a number in some answers and a string
// in others, once even "500000,"; any of them decodes. Credentials the body echoes (gateways
// do) are redacted.
func (c *Client) apiError(resp *http.Response, r *request, body []byte) *Error {
	e := newError(resp, r)
	var wire struct {
		Status  string          `json:"status"`
		Code    json.RawMessage `json:"code"`
		Message json.RawMessage `json:"message"`
		Data    json.RawMessage `json:"data"`
	}
	// Redact before anything is cut: a credential across a cut would leave a prefix behind.
	trimmed := []byte(c.t.redact(string(bytes.TrimSpace(body)), r.carried))
	switch {
	case len(trimmed) > 0 && trimmed[0] == '{' && json.Unmarshal(trimmed, &wire) == nil:
		e.Code = leadingInt(wire.Code)
		e.Message = messageText(c.redactJSON(wire.Message, r.carried))
		if len(wire.Data) > 0 && string(wire.Data) != "null" {
			e.Data = c.redactJSON(wire.Data, r.carried)
		}
		if e.Message == "" && e.Code == 0 {
			e.Message = snippet(trimmed)
		}
	case len(trimmed) > 0 && trimmed[0] == '"' && json.Unmarshal(trimmed, &e.Message) == nil: // a bare JSON string
	default:
		e.Message = snippet(trimmed)
	}
	e.Message = truncate(c.t.redact(e.Message, r.carried), 1000) // again: decoding may have unescaped one
	return e
}

// redactJSON redacts the credentials in a JSON value as its reader will see them: a string
// may hold one JSON-escaped ("\u0061bc", "a\/b"), which only decoding reveals. The value is
// decoded, each string (and member name) redacted, and encoded again when one changed;
// anything that is not JSON is redacted as text.
func (c *Client) redactJSON(raw json.RawMessage, carried []Secret) json.RawMessage {
	if len(raw) == 0 {
		return raw
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return json.RawMessage(c.t.redact(string(raw), carried))
	}
	changed := false
	var walk func(v any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case string:
			if red := c.t.redact(x, carried); red != x {
				changed = true
				return red
			}
		case []any:
			for i := range x {
				x[i] = walk(x[i])
			}
		case map[string]any:
			for k, val := range x {
				val = walk(val)
				if red := c.t.redact(k, carried); red != k {
					changed = true
					delete(x, k)
					k = red
				}
				x[k] = val
			}
		}
		return v
	}
	v = walk(v)
	if !changed {
		return json.RawMessage(c.t.redact(string(raw), carried))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return json.RawMessage(`"[redacted]"`)
	}
	return bytes.TrimSpace(b.Bytes())
}

// leadingInt reads a code given as 400400, "400400" or "500000,".
func leadingInt(raw json.RawMessage) int {
	s := strings.Trim(strings.TrimSpace(string(raw)), `"`)
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	n, _ := strconv.Atoi(s[:end])
	return n
}

// messageText reads a message that is a string, or anything else as compact JSON.
func messageText(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// snippetInput bounds how much of a non-API body snippet looks at.
const snippetInput = 16 << 10

// snippet makes a one-line text of at most 200 characters from a body that is not an API
// error (an HTML page from a proxy, plain text): tags and the contents of script and style
// elements are dropped, runs of white space become one space. It runs in time linear in its
// (bounded) input, whatever the markup.
func snippet(body []byte) string {
	if len(body) > snippetInput {
		body = body[:snippetInput]
	}
	var b strings.Builder
	space := false
	emit := func(r rune) {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			return
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	s := string(body)
	for i := 0; i < len(s) && b.Len() < 800; {
		if s[i] != '<' {
			r, n := utf8.DecodeRuneInString(s[i:])
			emit(r)
			i += n
			continue
		}
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			break // an unclosed tag: drop the rest
		}
		tag := strings.ToLower(s[i+1 : i+end])
		i += end + 1
		space = b.Len() > 0
		for _, elem := range [...]string{"script", "style"} {
			if strings.HasPrefix(tag, elem) && (len(tag) == len(elem) || !isNameByte(tag[len(elem)])) {
				closeAt := indexFold(s[i:], "</"+elem)
				if closeAt < 0 {
					i = len(s)
				} else {
					i += closeAt
				}
			}
		}
	}
	return truncate(b.String(), 200)
}

// isNameByte reports whether c continues an HTML tag name.
func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
}

// indexFold is strings.Index ignoring ASCII case, for a lower-case needle.
func indexFold(s, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

// truncate cuts s to at most n runes, marking the cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// rateLimitCode reports whether a (peeked) error body carries code 400311.
func rateLimitCode(body []byte) bool {
	var wire struct {
		Code json.RawMessage `json:"code"`
	}
	return json.Unmarshal(body, &wire) == nil && leadingInt(wire.Code) == CodeRateLimited
}
