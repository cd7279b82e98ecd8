package spectest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// MaxRecordedBody is the largest request body a [Call] keeps; larger bodies
// are only counted.
const MaxRecordedBody = 1 << 20

// Call is one request the test server received.
type Call struct {
	// Op is the operation the request was routed to (zero for an unknown
	// path or method).
	Op Operation
	// Method, Path and RawQuery are as received (Path is the decoded path).
	Method, Path, RawQuery string
	// Header is a copy of the request headers.
	Header http.Header
	// Body is the request body when it is at most MaxRecordedBody bytes,
	// else nil.
	Body []byte
	// BodySize is the number of body bytes received.
	BodySize int64
	// Status is the status the server answered with.
	Status int
}

// Violation is a request that does not conform to the spec, or a response
// of the server (synthesized or overridden) that does not.
type Violation struct {
	// Op is the operation concerned (zero for an unknown path or method).
	Op Operation
	// Request is "METHOD /path?query" as received.
	Request string
	// Err is the reason, in kin-openapi's words. Problems of the harness's
	// own responses start with "response: ".
	Err string
}

// String formats the violation for test failure messages.
func (v Violation) String() string {
	if v.Op.Method == "" {
		return v.Request + ": " + v.Err
	}
	return v.Request + " (" + v.Op.Key() + "): " + v.Err
}

// ServerOption configures [Spec.NewServer].
type ServerOption func(*serverConfig)

type serverConfig struct {
	overrides    map[string]response
	unknownQuery bool
	extraFields  map[string]map[string]bool
	aliases      map[string]map[string]string // op key → query key as sent → declared parameter
	bodyParams   map[string]map[string]bool   // op key → parameters allowed in the body
	formAliases  map[string]map[string]string // op key → multipart field as sent → declared field
	repeated     map[string]map[string]bool   // op key → scalar query parameters that may repeat
}

type response struct {
	status int
	body   []byte
}

// WithResponse makes the server answer the operation with key opKey
// ("GET /api/v3/users/{userId}") with status and body instead of the
// synthesized success response, e.g. an error body or a fixture from
// testdata/. The Content-Type is the one the spec declares for that status
// (application/json when it declares none and the body is JSON, else
// text/plain). A 2xx body is still validated against the spec and any
// mismatch recorded as a [Violation].
func WithResponse(opKey string, status int, body []byte) ServerOption {
	return func(c *serverConfig) {
		c.overrides[opKey] = response{status: status, body: append([]byte(nil), body...)}
	}
}

// AllowUnknownQueryParams turns off the check that every query parameter is
// declared by the operation (on by default: kin-openapi itself ignores
// unknown parameters, so "limit=10" sent instead of "options[limit]=10" would
// otherwise go unnoticed).
func AllowUnknownQueryParams() ServerOption {
	return func(c *serverConfig) { c.unknownQuery = true }
}

// Server is an [httptest.Server] that validates requests against the spec
// and answers them with spec-conformant responses. It is safe for
// concurrent requests.
type Server struct {
	spec        *Spec
	ts          *httptest.Server
	strictQuery bool
	extraFields map[string]map[string]bool
	aliases     map[string]map[string]string
	bodyParams  map[string]map[string]bool
	formAliases map[string]map[string]string
	repeated    map[string]map[string]bool

	mu         sync.Mutex
	overrides  map[string]response
	calls      []Call
	violations []Violation
}

// NewServer starts a test server for the spec; tb.Cleanup closes it. For
// each request it
//
//   - routes it to an operation (unknown path or method: a violation
//     "no such operation in spec: METHOD /path" and a 404);
//   - validates path, query (options[...] included; arrays as the API reads
//     them, userIds[]=a, and not bare; undeclared query parameters are
//     rejected unless [AllowUnknownQueryParams]; see wire.go), header parameters,
//     security (BearerAuth needs "Authorization: Bearer <token>", ApiKeyAuth
//     a non-empty X-API-Key, the auth-token operations a non-empty
//     x-server-key) and the JSON or multipart body (a body sent to an
//     operation that declares none is refused unless [AllowParamsInBody]); a
//     failure is recorded as
//     a violation and answered 400 with
//     {"status":"error","code":400000,"message":"<reason>"};
//   - records the [Call];
//   - answers with the [WithResponse] override or a success response
//     synthesized from the operation's lowest 2xx response schema, with
//     every property present.
func (s *Spec) NewServer(tb testing.TB, opts ...ServerOption) *Server {
	tb.Helper()
	cfg := &serverConfig{overrides: map[string]response{}}
	for _, o := range opts {
		o(cfg)
	}
	for key := range cfg.overrides {
		if s.byKey(key) == nil {
			tb.Fatalf("spectest: WithResponse: no operation %q in the spec (want e.g. \"GET /api/v3/users/{userId}\")", key)
		}
	}
	if err := s.checkWireOptions(cfg); err != nil {
		tb.Fatalf("spectest: %v", err)
	}
	srv := &Server{spec: s, overrides: cfg.overrides, strictQuery: !cfg.unknownQuery, extraFields: cfg.extraFields,
		aliases: cfg.aliases, bodyParams: cfg.bodyParams, formAliases: cfg.formAliases, repeated: cfg.repeated}
	srv.ts = httptest.NewServer(http.HandlerFunc(srv.serve))
	tb.Cleanup(srv.ts.Close)
	return srv
}

// URL is the server's base URL, e.g. "http://127.0.0.1:41234".
func (srv *Server) URL() string { return srv.ts.URL }

// Client returns an HTTP client for the server.
func (srv *Server) Client() *http.Client { return srv.ts.Client() }

// SetResponse changes or adds an override like [WithResponse] while the
// server runs. It panics on an unknown operation key.
func (srv *Server) SetResponse(opKey string, status int, body []byte) {
	if srv.spec.byKey(opKey) == nil {
		panic(fmt.Sprintf("spectest: SetResponse: no operation %q in the spec", opKey))
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	srv.overrides[opKey] = response{status: status, body: append([]byte(nil), body...)}
}

// Calls returns a copy of the calls received so far, in arrival order.
func (srv *Server) Calls() []Call {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	return append([]Call(nil), srv.calls...)
}

// Violations returns a copy of the violations recorded so far.
func (srv *Server) Violations() []Violation {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	return append([]Violation(nil), srv.violations...)
}

// Reset forgets the recorded calls and violations (overrides stay).
func (srv *Server) Reset() {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	srv.calls = nil
	srv.violations = nil
}

func (srv *Server) violation(op Operation, target, err string) {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	srv.violations = append(srv.violations, Violation{Op: op, Request: target, Err: err})
}

func (srv *Server) serve(w http.ResponseWriter, r *http.Request) {
	call := Call{
		Method:   r.Method,
		Path:     r.URL.Path,
		RawQuery: r.URL.RawQuery,
		Header:   r.Header.Clone(),
	}
	body := &countingBody{r: r.Body}
	status, header, respBody := srv.handle(r, body, &call)

	// Read what is left of the body before answering (an HTTP/1.x handler
	// may not read the request after writing the response), then record.
	_, _ = io.Copy(io.Discard, body)
	call.Body, call.BodySize, call.Status = body.recorded(), body.n, status
	srv.mu.Lock()
	srv.calls = append(srv.calls, call)
	srv.mu.Unlock()

	for k, v := range header {
		w.Header()[k] = v
	}
	w.WriteHeader(status)
	if len(respBody) > 0 && status != http.StatusNoContent && status != http.StatusNotModified {
		_, _ = w.Write(respBody)
	}
}

// handle routes and validates the request and picks the response.
func (srv *Server) handle(r *http.Request, body io.Reader, call *Call) (int, http.Header, []byte) {
	target := requestTarget(r.Method, r.URL)
	info, pathParams, err := srv.spec.routeRequest(r)
	if err != nil {
		msg := fmt.Sprintf("no such operation in spec: %s %s", r.Method, r.URL.Path)
		srv.violation(Operation{}, target, msg)
		return errorResponse(http.StatusNotFound, 400400, msg)
	}
	call.Op = info.op
	key := info.op.Key()
	err = srv.spec.validateRequest(r, info, pathParams, body, srv.strictQuery, wireRules{queryAliases: srv.aliases[key],
		repeated: srv.repeated[key], formAliases: srv.formAliases[key], extra: srv.extraFields[key]})
	if err == nil {
		err = unknownBodyFields(r, info.operation, srv.extraFields[key])
	}
	if err == nil {
		err = undeclaredBody(r, info, pathParams, srv.bodyParams[key])
	}
	if err != nil {
		srv.violation(info.op, target, err.Error())
		return errorResponse(http.StatusBadRequest, 400000, err.Error())
	}
	return srv.answer(info, target)
}

// answer picks the override or the synthesized response.
func (srv *Server) answer(info *opInfo, target string) (int, http.Header, []byte) {
	srv.mu.Lock()
	ov, ok := srv.overrides[info.op.Key()]
	srv.mu.Unlock()
	if !ok {
		r := srv.spec.successResponse(info)
		if r.err != nil {
			srv.violation(info.op, target, "response: "+r.err.Error())
		}
		return r.status, r.header.Clone(), r.body
	}
	header := http.Header{}
	if ct := overrideContentType(info, ov); ct != "" {
		header.Set("Content-Type", ct)
	}
	if ov.status >= 200 && ov.status < 300 {
		if err := srv.spec.validateResponse(info, ov.status, header, ov.body); err != nil {
			srv.violation(info.op, target, "response: overridden "+fmt.Sprint(ov.status)+" response does not validate: "+err.Error())
		}
	}
	return ov.status, header, ov.body
}

func overrideContentType(info *opInfo, ov response) string {
	if len(ov.body) == 0 {
		return ""
	}
	if info.operation.Responses != nil {
		if rr := info.operation.Responses.Status(ov.status); rr != nil && rr.Value != nil {
			if ct, mt := pickMediaType(rr.Value.Content); mt != nil {
				if strings.Contains(ct, "*") {
					return "application/octet-stream"
				}
				return ct
			}
		}
	}
	if json.Valid(ov.body) {
		return "application/json"
	}
	return "text/plain; charset=utf-8"
}

// errorResponse is the API's error body.
func errorResponse(status, code int, msg string) (int, http.Header, []byte) {
	body, _ := json.Marshal(map[string]any{"status": "error", "code": code, "message": msg})
	return status, http.Header{"Content-Type": {"application/json"}}, body
}

// countingBody counts the bytes read through it and keeps a copy of the
// first MaxRecordedBody+1 bytes; once the body is larger the copy is
// dropped, so uploads of any size cost no memory.
type countingBody struct {
	r        io.Reader
	n        int64
	buf      []byte
	overflow bool
}

func (b *countingBody) Read(p []byte) (int, error) {
	if b.r == nil {
		return 0, io.EOF
	}
	n, err := b.r.Read(p)
	b.n += int64(n)
	if !b.overflow && n > 0 {
		if len(b.buf)+n > MaxRecordedBody {
			b.overflow, b.buf = true, nil
		} else {
			b.buf = append(b.buf, p[:n]...)
		}
	}
	return n, err
}

func (b *countingBody) recorded() []byte {
	if b.overflow || b.n == 0 {
		return nil
	}
	return b.buf
}
