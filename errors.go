package amity

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
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
	// in 5 seconds).
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

// Error is an error answered by the API (or by a proxy in front of it). It names the call by
// method and path only: no query, header or credential is ever part of it.
type Error struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// Code is the API's numeric error code (e.g. 400400), or 0 when the body had none.
	Code int
	// Message is the API's message, or a short text made from a non-JSON body.
	Message string
	// Data is the raw "data" member of the error body (validation details), if any.
	Data json.RawMessage
	// Method and Path name the call, e.g. "GET" and "/api/v3/users/u1".
	Method, Path string
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "amity: %s %s: %d %s", e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Code != 0 {
		fmt.Fprintf(&b, " (code %d)", e.Code)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
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
		return e.StatusCode == http.StatusTooManyRequests || e.Code == CodeRateLimited
	case ErrLinkNotAllowed:
		return e.Code == CodeLinkNotAllowed
	case ErrImageRejected:
		return e.Code == CodeImageRejected
	case ErrInvalidPageToken:
		return strings.Contains(strings.ToLower(e.Message), invalidTokenMessage)
	case ErrBanned:
		return e.Code == CodeUserBanned || e.Code == CodeGlobalBanned
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

// decodeError turns a non-2xx response into an *Error. It reads (at most maxErrorBody of) and
// closes the body. The API's "code" is a number in some answers and a string in others, once
// even "500000,"; any of them decodes.
func decodeError(resp *http.Response, method, path string) *Error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	resp.Body.Close()
	e := &Error{StatusCode: resp.StatusCode, Method: method, Path: path}
	var wire struct {
		Status  string          `json:"status"`
		Code    json.RawMessage `json:"code"`
		Message json.RawMessage `json:"message"`
		Data    json.RawMessage `json:"data"`
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '{' && json.Unmarshal(trimmed, &wire) == nil {
		e.Code = leadingInt(wire.Code)
		e.Message = messageText(wire.Message)
		if len(wire.Data) > 0 && string(wire.Data) != "null" {
			e.Data = wire.Data
		}
		if e.Message == "" && e.Code == 0 {
			e.Message = snippet(trimmed)
		}
		return e
	}
	if len(trimmed) > 0 && trimmed[0] == '"' { // a bare JSON string
		var s string
		if json.Unmarshal(trimmed, &s) == nil {
			e.Message = s
			return e
		}
	}
	e.Message = snippet(trimmed)
	return e
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

var (
	htmlTag    = regexp.MustCompile(`(?s)<(script|style)[^>]*>.*?</(script|style)>|<[^>]*>`)
	whitespace = regexp.MustCompile(`\s+`)
)

// snippet makes a one-line text of at most 200 characters from a body that is not an API
// error (an HTML page from a proxy, plain text).
func snippet(body []byte) string {
	s := string(body)
	if strings.Contains(s, "<") {
		s = htmlTag.ReplaceAllString(s, " ")
	}
	s = strings.TrimSpace(whitespace.ReplaceAllString(s, " "))
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200]) + "…"
	}
	return s
}

// rateLimitCode reports whether a (peeked) error body carries code 400311.
func rateLimitCode(body []byte) bool {
	var wire struct {
		Code json.RawMessage `json:"code"`
	}
	return json.Unmarshal(body, &wire) == nil && leadingInt(wire.Code) == CodeRateLimited
}
