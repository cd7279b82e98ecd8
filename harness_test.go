package amity_test

// The harness of the package's unit tests: one way, for every area, to stand up a mock API,
// record what the SDK sends, and check what it gives back. Helpers used by the tests of other
// packages too (a buffer safe for concurrent writers, the capture of global logs, a slog
// handler that keeps its records, the sliding-window count) are in internal/testkit.
//
// A client and its mock API (https://api.test, on an httpmock transport):
//
//	c, mt := mockClient(t, opts...)          // the admin client (adminToken, apiKey)
//	u := asAlice(t, c, mt)                   // a view acting as alice (token user-tok)
//	body := fixture(t, "posts_payload.json") // testdata/posts_payload.json
//	mt.RegisterResponder("GET", url, jsonResponder(404, notFoundBody)) // a route that needs no record
//
// The recorder answers routes and records each request (a request: Method, escaped Path, raw
// Query, Body, Header, and Values(), the parsed query):
//
//	rec := record(t, mt, "POST", "/api/v4/posts", body)           // 200 with body
//	rec := record(t, mt, "POST", "/api/v4/posts", body, 503, 200) // statuses in turn, the last repeating
//	rec.route("DELETE", "/api/v4/posts/p1", `{"success":true}`)   // more routes, one record
//	rec := recordAny(t, mt, body)                                 // every request no route answers
//	rec := recordPages(t, mt, "/api/v3/users", "options[token]", "tok-2", page1, page2)
//	                                                              // a listing of two pages: page2 when the
//	                                                              // query's options[token] is tok-2, else page1
//	rec := newRecorder(t, mt).serve("GET", path, answer)          // any other answer, by request
//	req := rec.only(t)   // the one request (fails unless exactly one was made)
//	rec.last(t), rec.all(), rec.queries(), rec.reset()
//
// An error status with an empty body answers the API's generic error
// ({"status":"error","code":500000,...}).
//
// The checks:
//
//	assertInvalid(t, err, "Data.Text")               // a *ValidationError (ErrInvalidArgument) about a field
//	assertInvalid(t, err, "Posts.Create: Data.Text") // ... of a method, as the error prints them
//	assertInvalidCases(t, map[string]invalidCase{"nil": {"params", call}}) // a table of them
//	assertNotFound(t, err)                           // the *Error of an answer of notFoundBody
//	assertFixturesMatchSpec(t, fixtures)             // hand-written fixtures are valid answers
//	assertUnknownEnumsSent(t, cases)                 // enum values the SDK does not know are sent (wire_test.go)
//
// Iterators and calls:
//
//	item, err := first(c.Posts.List(ctx, nil))  // one element, so one request
//	items, err := drain(seq)                     // every element, up to the first error
//	n := countItems(t, seq)                      // how many, failing t on an error
//	return errOf(c.Users.Get(ctx, "u1"))          // the error alone, for a call that returns a value too
//
// The shape every method must have, as a table: each case checks the rules it sets (the
// request and its answer, an entity-less answer, {success: false}, retries of a 5xx, bad
// input sending nothing; see shapeCase):
//
//	runShapeCases(t, []shapeCase{{name: "Get", method: "GET", path: "/api/v3/posts/p1", answer: body,
//		call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Posts.Get(ctx, "p1", nil) }}})
//
// Against the conformance server (conformance_test.go), cases are registered with
// registerConformance (iteratorCase for an iterator). Against an httptest server (the end of
// this file): serverClient, getUser, createPost, createAuthToken, and the answers userAnswer,
// postAnswer, writeJSON and writeSession.

import (
	"context"
	"encoding/json"
	"io"
	"iter"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/internal/spectest"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The credentials of mockClient.
const (
	adminToken = "admin-SECRET-token-123"
	apiKey     = "apikey-SECRET-456"
	serverKey  = "serverkey-SECRET-789"
)

// apiBase is the base URL of mockClient.
const apiBase = "https://api.test"

// mockClient returns a client whose requests go to an httpmock transport.
func mockClient(t testing.TB, opts ...amity.Option) (*amity.Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	base := []amity.Option{
		amity.WithBaseURL(apiBase),
		amity.WithAdminToken(adminToken),
		amity.WithAPIKey(apiKey),
		amity.WithHTTPClient(&http.Client{Transport: mt}),
		amity.WithRetryWait(time.Millisecond, 5*time.Millisecond),
	}
	c, err := amity.NewClient(append(base, opts...)...)
	require.NoError(t, err)
	return c, mt
}

// fixture is the text of testdata/name.
func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	return string(b)
}

// jsonResponder answers status with body as JSON.
func jsonResponder(status int, body string) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(status, body)
		r.Header.Set("Content-Type", "application/json")
		return r, nil
	}
}

// asAlice returns a view of c acting as alice; mt answers its session registration with
// the token user-tok.
func asAlice(t testing.TB, c *amity.Client, mt *httpmock.MockTransport) *amity.Client {
	t.Helper()
	mt.RegisterResponder("POST", apiBase+"/api/v5/sessions",
		jsonResponder(200, `{"accessToken":"user-tok","expiresAt":"2999-01-01T00:00:00Z","users":[{"userId":"alice"}]}`))
	u, err := c.AsUser("alice", amity.WithDeviceID("alice-device"))
	require.NoError(t, err)
	return u
}

// notFoundBody is the API's answer for an item that does not exist; assertNotFound checks
// the error it gives.
const notFoundBody = `{"status":"error","code":400400,"message":"Item not found"}`

// unexpectedErrorBody is the answer of a recorded route given an error status and no body.
const unexpectedErrorBody = `{"status":"error","code":500000,"message":"Unexpected error"}`

// request is one request the mock API received.
type request struct {
	Method string
	Path   string // escaped
	Query  string // raw
	Body   string
	Header http.Header
}

// Values is the request's query, parsed.
func (r request) Values() url.Values {
	v, _ := url.ParseQuery(r.Query)
	return v
}

// recorder answers the routes it is given on a mock transport and records every request
// they receive, in order.
type recorder struct {
	t    testing.TB
	mt   *httpmock.MockTransport
	mu   sync.Mutex
	reqs []request
}

// newRecorder returns a recorder of mt without routes.
func newRecorder(t testing.TB, mt *httpmock.MockTransport) *recorder {
	return &recorder{t: t, mt: mt}
}

// record answers method on apiBase+path (a "=~" regexp is taken as it is) with body and
// statuses in turn (200 when none; the last repeats), and records each request.
func record(t testing.TB, mt *httpmock.MockTransport, method, path, body string, statuses ...int) *recorder {
	return newRecorder(t, mt).route(method, path, body, statuses...)
}

// recordAny answers every request no route of mt answers with body and statuses in turn,
// and records it.
func recordAny(t testing.TB, mt *httpmock.MockTransport, body string, statuses ...int) *recorder {
	rec := newRecorder(t, mt)
	rec.mt.RegisterNoResponder(rec.responder(inTurn(body, statuses)))
	return rec
}

// recordPages answers GET path with page2 when the query parameter param is next (the
// cursor page1 gives), else with page1, and records each request.
func recordPages(t testing.TB, mt *httpmock.MockTransport, path, param, next, page1, page2 string) *recorder {
	return newRecorder(t, mt).serve("GET", path, func(r request) (int, string) {
		if r.Values().Get(param) == next {
			return http.StatusOK, page2
		}
		return http.StatusOK, page1
	})
}

// route adds a route to rec, answered as record answers it.
func (rec *recorder) route(method, path, body string, statuses ...int) *recorder {
	return rec.serve(method, path, inTurn(body, statuses))
}

// serve adds a route to rec that answers each request with what answer returns.
func (rec *recorder) serve(method, path string, answer func(request) (status int, body string)) *recorder {
	if !strings.HasPrefix(path, "=~") {
		path = apiBase + path
	}
	rec.mt.RegisterResponder(method, path, rec.responder(answer))
	return rec
}

// inTurn answers body with statuses in turn (200 when none), the last repeating; an error
// status without a body answers unexpectedErrorBody.
func inTurn(body string, statuses []int) func(request) (int, string) {
	if len(statuses) == 0 {
		statuses = []int{http.StatusOK}
	}
	var mu sync.Mutex
	n := 0
	return func(request) (int, string) {
		mu.Lock()
		st := statuses[min(n, len(statuses)-1)]
		n++
		mu.Unlock()
		if st >= 300 && body == "" {
			return st, unexpectedErrorBody
		}
		return st, body
	}
}

func (rec *recorder) responder(answer func(request) (int, string)) httpmock.Responder {
	return func(r *http.Request) (*http.Response, error) {
		req := request{Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.RawQuery, Header: r.Header.Clone()}
		if r.Body != nil {
			b, err := io.ReadAll(r.Body)
			if err != nil {
				rec.t.Errorf("reading the body of %s %s: %v", r.Method, req.Path, err)
			}
			req.Body = string(b)
		}
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, req)
		rec.mu.Unlock()
		status, body := answer(req)
		return jsonResponder(status, body)(r)
	}
}

// all returns the requests recorded so far.
func (rec *recorder) all() []request {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]request(nil), rec.reqs...)
}

// only returns the one request recorded, failing t unless there is exactly one.
func (rec *recorder) only(t testing.TB) request {
	t.Helper()
	reqs := rec.all()
	require.Len(t, reqs, 1)
	return reqs[0]
}

// last returns the last request recorded, failing t when there is none.
func (rec *recorder) last(t testing.TB) request {
	t.Helper()
	reqs := rec.all()
	require.NotEmpty(t, reqs, "no request was sent")
	return reqs[len(reqs)-1]
}

// queries returns the raw queries of the requests recorded so far.
func (rec *recorder) queries() []string {
	var out []string
	for _, r := range rec.all() {
		out = append(out, r.Query)
	}
	return out
}

// reset forgets the requests recorded so far.
func (rec *recorder) reset() {
	rec.mu.Lock()
	rec.reqs = nil
	rec.mu.Unlock()
}

// assertInvalid asserts that err is a *amity.ValidationError, and so
// amity.ErrInvalidArgument, about want: a field ("Data.Text"), or a method and its field as
// the error prints them ("Posts.Create: Data.Text"); "" is any field. It returns the error.
func assertInvalid(t testing.TB, err error, want string, msgAndArgs ...any) *amity.ValidationError {
	t.Helper()
	var ve *amity.ValidationError
	require.ErrorAs(t, err, &ve, msgAndArgs...)
	assert.ErrorIs(t, err, amity.ErrInvalidArgument, msgAndArgs...)
	field := want
	if op, f, ok := strings.Cut(want, ": "); ok {
		assert.Equal(t, op, ve.Op, msgAndArgs...)
		field = f
	}
	if len(msgAndArgs) == 0 {
		msgAndArgs = []any{"error: %v", err}
	}
	if field != "" {
		assert.Equal(t, field, ve.Field, msgAndArgs...)
	}
	return ve
}

// invalidCase is a call that must fail with a *ValidationError about want (as assertInvalid
// reads it).
type invalidCase struct {
	want string
	call func() error
}

// assertInvalidCases checks each call with assertInvalid, naming the case on failure.
func assertInvalidCases(t testing.TB, cases map[string]invalidCase) {
	t.Helper()
	for name, tc := range cases {
		assertInvalid(t, tc.call(), tc.want, name)
	}
}

// assertNotFound asserts that err is the *amity.Error of an answer of notFoundBody.
func assertNotFound(t testing.TB, err error) {
	t.Helper()
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.ErrorIs(t, err, amity.ErrNotFound)
	assert.Equal(t, amity.CodeItemNotFound, ae.Code)
	assert.Equal(t, "Item not found", ae.Message)
}

// assertFixturesMatchSpec checks that each fixture (testdata/<name>) is a valid 200 answer of
// its operation (method and path) in the OpenAPI spec, so that hand-written fixtures stay
// honest.
func assertFixturesMatchSpec(t *testing.T, fixtures map[string][2]string) {
	t.Helper()
	spec := spectest.Load(t)
	h := http.Header{"Content-Type": {"application/json"}}
	for name, op := range fixtures {
		assert.NoError(t, spec.ValidateResponse(op[0], op[1], 200, h, []byte(fixture(t, name))), name)
	}
}

// longString is n x's: an argument over a length limit.
func longString(n int) string { return strings.Repeat("x", n) }

// first ranges over seq up to its first element, so that an iterator makes one request, and
// returns that element and its error (the zero value and nil when seq is empty).
func first[T any](seq iter.Seq2[T, error]) (T, error) {
	for v, err := range seq {
		return v, err
	}
	var zero T
	return zero, nil
}

// drain ranges over seq and returns its elements and its first error.
func drain[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// countItems ranges over seq, failing t on an error, and returns the number of elements.
func countItems[T any](t testing.TB, seq iter.Seq2[T, error]) int {
	t.Helper()
	items, err := drain(seq)
	require.NoError(t, err)
	return len(items)
}

// errOf is the error of a call that also returns a value: errOf(c.Users.Get(ctx, "u1")).
func errOf[T any](_ T, err error) error { return err }

// shapeCase is one method checked against the shape every method must have. Each check
// runs when its fields are set:
//
//   - the request and its answer: the call, answered 200 with answer, must succeed after
//     one request of method, path, query (or values) and body, carrying header (by default
//     the admin token of mockClient as its Authorization); check sees
//     what it returned (a payload's Raw must be the whole answer); answered 404, it must fail
//     with ErrNotFound. This runs unless the case sets none of answer, query, values, body,
//     header and check but one of the rules below: a case may check a rule alone.
//   - empty: answered with an entity-less 200, the call fails with ErrMalformedResponse.
//   - unsuccessful: answered with each {success: false}, it fails with ErrUnsuccessful after
//     one request.
//   - attempts: answered 502, then 503, a client of two retries sends it attempts times (1:
//     a write that may have been applied is not repeated; 3: it is retried).
//   - invalid: each bad call fails with a *ValidationError without sending anything.
//
// A case without method and path is answered on any route.
type shapeCase struct {
	name         string
	method, path string // the escaped path
	query        string // the exact raw query
	// values is the parsed query, for a case whose parameter order is not under test.
	values url.Values
	body   string            // the JSON body; empty for none
	header map[string]string // headers the request carries; a value of "" is a header it lacks
	answer string            // a 200 answer
	call   func(ctx context.Context, c *amity.Client) (any, error)
	check  func(t *testing.T, out any) // checks of the decoded answer; may be nil
	// empty is a 200 answer without the entity.
	empty string
	// unsuccessful are answers of {success: false} (successFalse: both of its forms).
	unsuccessful []string
	// attempts is the number of requests a 5xx answer causes with two retries.
	attempts int
	// invalid calls must each fail with a *ValidationError before sending anything.
	invalid []func(ctx context.Context, c *amity.Client) error
}

// successFalse are the two forms of an unsuccessful answer.
var successFalse = []string{`{"status":"success","data":{"success":false}}`, `{"success":false}`}

// checksRequest reports whether the case checks the request and its answer.
func (tc shapeCase) checksRequest() bool {
	rulesOnly := tc.empty != "" || len(tc.unsuccessful) > 0 || tc.attempts > 0 || len(tc.invalid) > 0
	return tc.answer != "" || tc.query != "" || tc.values != nil || tc.body != "" || tc.header != nil || tc.check != nil || !rulesOnly
}

// answering returns a client whose requests of the case's route are answered with body and
// statuses in turn, and their record.
func (tc shapeCase) answering(t *testing.T, body string, statuses []int, opts ...amity.Option) (*amity.Client, *recorder) {
	c, mt := mockClient(t, opts...)
	if tc.method == "" && tc.path == "" {
		return c, recordAny(t, mt, body, statuses...)
	}
	return c, record(t, mt, tc.method, tc.path, body, statuses...)
}

// runShapeCases runs each case as a subtest.
func runShapeCases(t *testing.T, cases []shapeCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			if tc.checksRequest() {
				c, rec := tc.answering(t, tc.answer, nil)
				out, err := tc.call(ctx, c)
				require.NoError(t, err)
				got := rec.only(t)
				assert.Equal(t, tc.method, got.Method)
				assert.Equal(t, tc.path, got.Path)
				if tc.values != nil {
					assert.Equal(t, tc.values, got.Values())
				} else {
					assert.Equal(t, tc.query, got.Query)
				}
				if tc.body == "" {
					assert.Empty(t, got.Body, "no body")
				} else {
					assert.JSONEq(t, tc.body, got.Body)
					assert.Equal(t, "application/json", got.Header.Get("Content-Type"))
				}
				header := map[string]string{"Authorization": "Bearer " + adminToken}
				for name, want := range tc.header {
					header[name] = want
				}
				for name, want := range header {
					assert.Equal(t, want, got.Header.Get(name), name)
				}
				if rv := reflect.ValueOf(out); rv.Kind() == reflect.Pointer {
					raw := rv.Elem().FieldByName("Raw")
					require.True(t, raw.IsValid(), "%T has a Raw", out)
					assert.Equal(t, strings.TrimSpace(tc.answer), string(raw.Bytes()), "Raw is the whole answer")
				}
				if tc.check != nil {
					tc.check(t, out)
				}

				c, _ = tc.answering(t, notFoundBody, []int{http.StatusNotFound})
				_, err = tc.call(ctx, c)
				assertNotFound(t, err)
			}
			if tc.empty != "" {
				c, _ := tc.answering(t, tc.empty, nil)
				_, err := tc.call(ctx, c)
				assert.ErrorIs(t, err, amity.ErrMalformedResponse, "an answer without its entity")
				assert.NotErrorIs(t, err, amity.ErrNotFound)
			}
			for _, answer := range tc.unsuccessful {
				c, rec := tc.answering(t, answer, nil)
				_, err := tc.call(ctx, c)
				assert.ErrorIs(t, err, amity.ErrUnsuccessful, answer)
				assert.NotErrorIs(t, err, amity.ErrNotFound, answer)
				assert.Len(t, rec.all(), 1, answer)
			}
			if tc.attempts > 0 {
				for _, status := range []int{http.StatusBadGateway, http.StatusServiceUnavailable} {
					c, rec := tc.answering(t, "", []int{status}, amity.WithMaxRetries(2))
					_, err := tc.call(ctx, c)
					var ae *amity.Error
					require.ErrorAs(t, err, &ae)
					assert.Equal(t, status, ae.StatusCode)
					assert.Len(t, rec.all(), tc.attempts, "attempts after a %d", status)
				}
			}

			c, mt := mockClient(t)
			for i, bad := range tc.invalid {
				assert.NotEmpty(t, assertInvalid(t, bad(ctx, c), "", "invalid[%d]", i).Field)
			}
			assert.Zero(t, mt.GetTotalCallCount(), "bad input sends nothing")
		})
	}
}

// shapeErr adapts a method returning only an error to shapeCase.call.
func shapeErr(err error) (any, error) { return nil, err }

// Against an httptest server: the tests of the transport, of errors and of secrets run the
// SDK against a real HTTP server, through the calls below, so that a change of a service's
// signature is adapted in one place.

// The credentials of serverClient: distinctive, so that a leak is found by a plain substring
// search.
const (
	leakAdminToken = "leakADMIN-Qx7Wm2Lp9Zr4"
	leakAPIKey     = "leakAPIKEY-Vb3Nc8Ty1Ue6"
	leakServerKey  = "leakSRVKEY-Jk5Hg0Df2Sa7"
)

// serverClient is a client of base with the admin token, API key and quick retries.
func serverClient(t testing.TB, base string, opts ...amity.Option) *amity.Client {
	t.Helper()
	c, err := amity.NewClient(append([]amity.Option{amity.WithBaseURL(base), amity.WithAdminToken(leakAdminToken),
		amity.WithAPIKey(leakAPIKey), amity.WithRetryWait(time.Millisecond, 5*time.Millisecond)}, opts...)...)
	require.NoError(t, err)
	return c
}

// getUser is the read of the server tests (GET /api/v3/users/{id}), retried on a 5xx.
func getUser(ctx context.Context, c *amity.Client, userID string, opts ...amity.CallOption) error {
	return errOf(c.Users.Get(ctx, userID, opts...))
}

// createPost is the write of the server tests (POST /api/v4/posts), never retried once it
// may have reached the server. postID makes each write recognisable at the server.
func createPost(ctx context.Context, c *amity.Client, postID string) error {
	return errOf(c.Posts.Create(ctx, &amity.CreatePostParams{PostID: postID, Data: &amity.CreatePostData{Text: "hello"}}))
}

// createAuthToken is the call of the server tests that answers text/plain (POST
// /api/v4/authentication/token).
func createAuthToken(ctx context.Context, c *amity.Client, userID string, opts ...amity.CallOption) (amity.Secret, error) {
	return c.Sessions.CreateAuthToken(ctx, userID, opts...)
}

// userAnswer and postAnswer are minimal valid answers.
func userAnswer(userID string) string {
	b, _ := json.Marshal(map[string]any{"users": []map[string]string{{"userId": userID}}})
	return string(b)
}

func postAnswer(postID string) string {
	b, _ := json.Marshal(map[string]any{"posts": []map[string]string{{"postId": postID}}})
	return string(b)
}

// writeJSON answers status with body as JSON.
func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// writeSession is the answer of POST /api/v5/sessions.
func writeSession(w http.ResponseWriter, userID, token string, life time.Duration) {
	now := time.Now().UTC()
	b, _ := json.Marshal(map[string]any{
		"accessToken": token, "refreshToken": "refresh-" + token,
		"issuedAt": now.Format(time.RFC3339), "expiresAt": now.Add(life).Format(time.RFC3339),
		"users": []map[string]string{{"userId": userID}},
	})
	writeJSON(w, http.StatusOK, string(b))
}

// registration decodes a session registration body.
type registration struct {
	UserID    string `json:"userId"`
	DeviceID  string `json:"deviceId"`
	AuthToken string `json:"authToken"`
}
