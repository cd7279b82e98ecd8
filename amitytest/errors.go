package amitytest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// Error codes of the Amity API used by the fake.
const (
	codeBadRequest       = 400000
	codeUnauthorized     = 400100
	codeForbidden        = 400300
	codePermission       = 400301
	codeUserMuted        = 400302
	codeChannelMuted     = 400303
	codeBanned           = 400304
	codeBanWord          = 400308
	codeLinkNotAllowed   = 400309
	codeRateLimit        = 400311
	codeGlobalBan        = 400312
	codeDuplicate        = 400315
	codeNotFound         = 400400
	codeBusiness         = 500000
	rateLimitMessage     = "RateLimit Exceed."
	queryTokenInvalidMsg = "Query Token is invalid"
)

// apiError is an error answered with the spec's error body.
type apiError struct {
	status  int
	code    int
	message string
}

// Error formats the status, code and message.
func (e *apiError) Error() string { return fmt.Sprintf("%d %d %s", e.status, e.code, e.message) }

// errorBody is the spec's Error schema.
type errorBody struct {
	Status  string `json:"status"`
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func errBadRequest(format string, args ...any) error {
	return &apiError{http.StatusBadRequest, codeBadRequest, fmt.Sprintf(format, args...)}
}

func errUnauthorized(msg string) error {
	return &apiError{http.StatusUnauthorized, codeUnauthorized, msg}
}

func errForbidden(msg string) error { return &apiError{http.StatusForbidden, codeForbidden, msg} }

func errPermission(msg string) error { return &apiError{http.StatusForbidden, codePermission, msg} }

func errNotFound(format string, args ...any) error {
	return &apiError{http.StatusNotFound, codeNotFound, fmt.Sprintf(format, args...)}
}

func errBanned() error {
	return &apiError{http.StatusForbidden, codeBanned, "User is banned from a channel / community."}
}

func errGlobalBan() error {
	return &apiError{http.StatusForbidden, codeGlobalBan, "User is global banned."}
}

func errDuplicate() error {
	return &apiError{http.StatusForbidden, codeDuplicate, "Data already exists"}
}

func errRateLimit() error {
	return &apiError{http.StatusTooManyRequests, codeRateLimit, rateLimitMessage}
}

func errInvalidToken() error { return errBadRequest(queryTokenInvalidMsg) }

func errTooLarge() error {
	return &apiError{http.StatusRequestEntityTooLarge, codeBusiness, "Payload too large."}
}

// codeForStatus maps an HTTP status to the body code the service pairs it with.
func codeForStatus(status int) (int, string) {
	switch status {
	case http.StatusBadRequest:
		return codeBadRequest, "Bad Request."
	case http.StatusUnauthorized:
		return codeUnauthorized, "Unauthorized"
	case http.StatusForbidden:
		return codeForbidden, "Forbidden error."
	case http.StatusNotFound:
		return codeNotFound, "Resource Not Found."
	case http.StatusConflict:
		return 400900, "Conflict"
	case http.StatusTooManyRequests:
		return codeRateLimit, rateLimitMessage
	default:
		return codeBusiness, "Unexpected error"
	}
}

// writeError answers err with the spec's error body.
func writeError(w http.ResponseWriter, err error) {
	var ae *apiError
	if !errors.As(err, &ae) {
		ae = &apiError{http.StatusInternalServerError, codeBusiness, "Unexpected error"}
	}
	writeJSON(w, ae.status, errorBody{Status: "error", Code: ae.code, Message: ae.message})
}

// writeJSON answers v as JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"status":"error","code":500000,"message":"Unexpected error"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// ok answers v with 200.
func (c *request) ok(v any) error {
	writeJSON(c.w, http.StatusOK, v)
	return nil
}

// noContent answers 200 with an empty body, as the spec declares for some
// operations.
func (c *request) noContent() error {
	c.w.WriteHeader(http.StatusOK)
	return nil
}

// statusData is the {status, data} envelope.
type statusData struct {
	Status string `json:"status"`
	Data   any    `json:"data"`
}

// successData is {status:"success", data:{success:true}}.
func successData() statusData {
	return statusData{Status: "success", Data: map[string]bool{"success": true}}
}

// successBody is {success:true}.
var successBody = map[string]bool{"success": true}
