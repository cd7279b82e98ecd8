package amity_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/internal/spectest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// The IDs and secrets of the telemetry tests: distinctive, so that a leak into a span is
// found by a plain substring search.
const (
	telUserID    = "aliceUSERID-7731"
	telOtherID   = "bobUSERID-8842"
	telChannelID = "5f1e2d3c4b5a69788796a5b4"
	telQuery     = "communityQUERY-4410"
	telBody      = "postBODY-text-9123"
	telUserToken = "userSESSION-tok-3307"
	telAuthToken = "authTOKEN-secure-6612"
)

// telSecrets are the strings no span, attribute or event may hold.
var telSecrets = []string{leakAdminToken, leakAPIKey, leakServerKey, telUserID, telOtherID, telChannelID, telQuery, telBody,
	telUserToken, "refresh-" + telUserToken, telAuthToken}

// telServer is the API of the telemetry tests: it records each request's traceparent and
// answers by path; answer, when set, may answer first.
type telServer struct {
	*httptest.Server
	mu           sync.Mutex
	traceparents []string
	answer       func(w http.ResponseWriter, r *http.Request) bool
}

func newTelServer(t *testing.T) *telServer {
	s := &telServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.traceparents = append(s.traceparents, r.Header.Get("Traceparent"))
		answer := s.answer
		s.mu.Unlock()
		if answer != nil && answer(w, r) {
			return
		}
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/api/v5/sessions":
			writeSession(w, telUserID, telUserToken, time.Hour)
		case r.URL.Path == "/api/v4/authentication/token":
			w.Header().Set("Content-Type", "text/plain")
			_, _ = w.Write([]byte(telAuthToken))
		case strings.HasPrefix(r.URL.Path, "/api/v3/users/"):
			writeJSON(w, http.StatusOK, userAnswer(telOtherID))
		case r.URL.Path == "/api/v4/posts" && r.Method == http.MethodGet:
			writeJSON(w, http.StatusOK, `{"posts":[],"paging":{}}`)
		default:
			writeJSON(w, http.StatusOK, `{"success":true}`)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// tracedClient is a client of srv whose spans go to the returned recorder.
func tracedClient(t *testing.T, srv *telServer, opts ...amity.Option) (*amity.Client, *tracetest.SpanRecorder) {
	t.Helper()
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	t.Cleanup(func() { _ = tp.Shutdown(context.Background()) })
	c := serverClient(t, srv.URL, append([]amity.Option{amity.WithTracerProvider(tp), amity.WithServerKey(leakServerKey)}, opts...)...)
	return c, rec
}

// spanTree renders the ended spans as an indented tree, children in start order, each
// span with its kind, status and attributes (durations left out).
func spanTree(spans []sdktrace.ReadOnlySpan) string {
	children := map[trace.SpanID][]sdktrace.ReadOnlySpan{}
	ids := map[trace.SpanID]bool{}
	for _, s := range spans {
		ids[s.SpanContext().SpanID()] = true
	}
	var roots []sdktrace.ReadOnlySpan
	for _, s := range spans {
		if p := s.Parent(); p.IsValid() && ids[p.SpanID()] {
			children[p.SpanID()] = append(children[p.SpanID()], s)
		} else {
			roots = append(roots, s)
		}
	}
	var b strings.Builder
	var walk func(list []sdktrace.ReadOnlySpan, depth int)
	walk = func(list []sdktrace.ReadOnlySpan, depth int) {
		sort.SliceStable(list, func(i, j int) bool { return list[i].StartTime().Before(list[j].StartTime()) })
		for _, s := range list {
			fmt.Fprintf(&b, "%s%s (%s", strings.Repeat("  ", depth), s.Name(), s.SpanKind())
			if s.Status().Code == codes.Error {
				fmt.Fprintf(&b, ", error")
			}
			b.WriteString(")")
			for _, kv := range s.Attributes() {
				if kv.Key == "amity.identity" || kv.Key == "server.port" || kv.Key == "amity.retry_after" {
					continue // vary per run
				}
				fmt.Fprintf(&b, " %s=%s", kv.Key, kv.Value.String())
			}
			b.WriteString("\n")
			walk(children[s.SpanContext().SpanID()], depth+1)
		}
	}
	walk(roots, 0)
	return b.String()
}

// assertNoSecretInSpans scans every name, attribute, event and status of every span.
func assertNoSecretInSpans(t *testing.T, spans []sdktrace.ReadOnlySpan) {
	t.Helper()
	require.NotEmpty(t, spans)
	for _, s := range spans {
		texts := []string{s.Name(), s.Status().Description}
		for _, kv := range s.Attributes() {
			texts = append(texts, string(kv.Key), kv.Value.String())
		}
		for _, ev := range s.Events() {
			texts = append(texts, ev.Name)
			for _, kv := range ev.Attributes {
				texts = append(texts, string(kv.Key), kv.Value.String())
			}
		}
		for _, text := range texts {
			for _, secret := range telSecrets {
				assert.NotContains(t, text, secret, "span %q", s.Name())
			}
		}
	}
}

// attrOf returns the attribute key of s.
func attrOf(s sdktrace.ReadOnlySpan, key string) (attribute.Value, bool) {
	for _, kv := range s.Attributes() {
		if string(kv.Key) == key {
			return kv.Value, true
		}
	}
	return attribute.Value{}, false
}

// spansNamed returns the spans called name, in start order.
func spansNamed(spans []sdktrace.ReadOnlySpan, name string) []sdktrace.ReadOnlySpan {
	var out []sdktrace.ReadOnlySpan
	for _, s := range spans {
		if s.Name() == name {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].StartTime().Before(out[j].StartTime()) })
	return out
}

func TestTraceOfARead(t *testing.T) {
	srv := newTelServer(t)
	c, rec := tracedClient(t, srv)
	_, err := c.Users.Get(context.Background(), telOtherID)
	require.NoError(t, err)
	spans := rec.Ended()
	assert.Equal(t, `Users.Get (client) amity.operation=Users.Get http.response.status_code=200
  GET /api/v3/users/{userID} (client) http.request.method=GET server.address=127.0.0.1 url.scheme=http url.template=/api/v3/users/{userID} http.response.status_code=200
`, spanTree(spans))
	call := spansNamed(spans, "Users.Get")[0]
	id, ok := attrOf(call, "amity.identity")
	require.True(t, ok)
	assert.Len(t, id.AsString(), 32, "a keyed hash")
	attempt := spansNamed(spans, "GET /api/v3/users/{userID}")[0]
	assert.Equal(t, call.SpanContext().SpanID(), attempt.Parent().SpanID())
	assert.Equal(t, call.SpanContext().TraceID(), attempt.SpanContext().TraceID())
	_, resent := attrOf(attempt, "http.request.resend_count")
	assert.False(t, resent, "a first attempt has no resend count")

	// The attempt's span context travelled in the request's traceparent.
	require.Len(t, srv.traceparents, 1)
	got := propagation.TraceContext{}.Extract(context.Background(), propagation.HeaderCarrier{"Traceparent": {srv.traceparents[0]}})
	assert.Equal(t, attempt.SpanContext().SpanID(), trace.SpanContextFromContext(got).SpanID())
	assert.Equal(t, attempt.SpanContext().TraceID(), trace.SpanContextFromContext(got).TraceID())

	// A list: the query (targetId) is nowhere in the spans.
	rec2 := len(rec.Ended())
	_, err = c.Posts.ListPage(context.Background(), &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: telQuery})
	require.NoError(t, err)
	require.Greater(t, len(rec.Ended()), rec2)
	assertNoSecretInSpans(t, rec.Ended())
}

func TestTraceOfAWriteRetriedAfter503(t *testing.T) {
	srv := newTelServer(t)
	var hits atomic.Int32
	srv.answer = func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method == http.MethodDelete && hits.Add(1) == 1 {
			writeJSON(w, http.StatusServiceUnavailable, `{"status":"error","code":500000,"message":"down"}`)
			return true
		}
		return false
	}
	c, rec := tracedClient(t, srv)
	require.NoError(t, c.Archives.RemoveChannel(context.Background(), telChannelID))
	spans := rec.Ended()
	assert.Equal(t, `Archives.RemoveChannel (client) amity.operation=Archives.RemoveChannel http.response.status_code=200
  DELETE /api/v1/archives/channels/{channelID} (client, error) http.request.method=DELETE server.address=127.0.0.1 url.scheme=http url.template=/api/v1/archives/channels/{channelID} http.response.status_code=503 error.type=503
  amity.retry.pause (internal)
  DELETE /api/v1/archives/channels/{channelID} (client) http.request.method=DELETE server.address=127.0.0.1 url.scheme=http url.template=/api/v1/archives/channels/{channelID} http.request.resend_count=1 http.response.status_code=200
`, spanTree(spans))
	attempts := spansNamed(spans, "DELETE /api/v1/archives/channels/{channelID}")
	require.Len(t, attempts, 2)
	n, ok := attrOf(attempts[1], "http.request.resend_count")
	require.True(t, ok)
	assert.Equal(t, int64(1), n.AsInt64())
	pause := spansNamed(spans, "amity.retry.pause")[0]
	assert.False(t, pause.StartTime().Before(attempts[0].EndTime()), "the pause starts when the first attempt ends")
	assert.False(t, pause.EndTime().After(attempts[1].StartTime()), "and ends before the second starts")
	assertNoSecretInSpans(t, spans)
}

// slowLimiter admits every call after wait.
type slowLimiter struct{ wait time.Duration }

func (l slowLimiter) Wait(ctx context.Context, _ string) error {
	select {
	case <-time.After(l.wait):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (slowLimiter) Pause(context.Context, string, time.Duration) {}

func TestTraceOfALimiterWait(t *testing.T) {
	srv := newTelServer(t)
	c, rec := tracedClient(t, srv, amity.WithLimiter(slowLimiter{wait: 30 * time.Millisecond}))
	_, err := c.Users.Get(context.Background(), telOtherID)
	require.NoError(t, err)
	spans := rec.Ended()
	wait := spansNamed(spans, "amity.limiter.wait")
	require.Len(t, wait, 1)
	assert.GreaterOrEqual(t, wait[0].EndTime().Sub(wait[0].StartTime()), 30*time.Millisecond, "the wait's span lasts the wait")
	call := spansNamed(spans, "Users.Get")[0]
	attempt := spansNamed(spans, "GET /api/v3/users/{userID}")[0]
	assert.Equal(t, call.SpanContext().SpanID(), wait[0].Parent().SpanID())
	assert.False(t, attempt.StartTime().Before(wait[0].EndTime()), "the attempt starts after the wait")
	assertNoSecretInSpans(t, spans)
}

func TestTraceOfA429WithRetryAfter(t *testing.T) {
	srv := newTelServer(t)
	var hits atomic.Int32
	srv.answer = func(w http.ResponseWriter, r *http.Request) bool {
		if hits.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			writeJSON(w, http.StatusTooManyRequests, `{"status":"error","code":400311,"message":"Rate limit exceeded"}`)
			return true
		}
		return false
	}
	c, rec := tracedClient(t, srv, amity.WithRetryWait(time.Millisecond, 2*time.Second))
	_, err := c.Users.Get(context.Background(), telOtherID)
	require.NoError(t, err)
	spans := rec.Ended()
	assert.Equal(t, `Users.Get (client) amity.operation=Users.Get http.response.status_code=200
  GET /api/v3/users/{userID} (client, error) http.request.method=GET server.address=127.0.0.1 url.scheme=http url.template=/api/v3/users/{userID} http.response.status_code=429 error.type=429
  amity.retry.pause (internal)
  GET /api/v3/users/{userID} (client) http.request.method=GET server.address=127.0.0.1 url.scheme=http url.template=/api/v3/users/{userID} http.request.resend_count=1 http.response.status_code=200
`, spanTree(spans))
	pause := spansNamed(spans, "amity.retry.pause")[0]
	ra, ok := attrOf(pause, "amity.retry_after")
	require.True(t, ok)
	assert.Equal(t, 1.0, ra.AsFloat64())
	assert.GreaterOrEqual(t, pause.EndTime().Sub(pause.StartTime()), time.Second, "the pause lasts the Retry-After")
	assertNoSecretInSpans(t, spans)
}

func TestTraceOfAFailedCall(t *testing.T) {
	srv := newTelServer(t)
	srv.answer = func(w http.ResponseWriter, r *http.Request) bool {
		writeJSON(w, http.StatusNotFound, `{"status":"error","code":400400,"message":"user `+telOtherID+` not found"}`)
		return true
	}
	c, rec := tracedClient(t, srv)
	_, err := c.Users.Get(context.Background(), telOtherID)
	require.ErrorIs(t, err, amity.ErrNotFound)
	spans := rec.Ended()
	call := spansNamed(spans, "Users.Get")[0]
	assert.Equal(t, codes.Error, call.Status().Code)
	code, ok := attrOf(call, "amity.error.code")
	require.True(t, ok)
	assert.Equal(t, int64(400400), code.AsInt64())
	et, _ := attrOf(call, "error.type")
	assert.Equal(t, "404", et.AsString())
	assertNoSecretInSpans(t, spans)
}

func TestTraceOfAnAsUserCallThatRegistersASession(t *testing.T) {
	srv := newTelServer(t)
	c, rec := tracedClient(t, srv)
	alice, err := c.AsUser(telUserID)
	require.NoError(t, err)
	_, err = alice.Users.Get(context.Background(), telOtherID)
	require.NoError(t, err)
	spans := rec.Ended()
	assert.Equal(t, `Users.Get (client) amity.operation=Users.Get http.response.status_code=200
  Sessions.CreateAuthToken (client) amity.operation=Sessions.CreateAuthToken http.response.status_code=200
    POST /api/v4/authentication/token (client) http.request.method=POST server.address=127.0.0.1 url.scheme=http url.template=/api/v4/authentication/token http.response.status_code=200
  Sessions.Register (client) amity.operation=Sessions.Register http.response.status_code=200
    POST /api/v5/sessions (client) http.request.method=POST server.address=127.0.0.1 url.scheme=http url.template=/api/v5/sessions http.response.status_code=200
  GET /api/v3/users/{userID} (client) http.request.method=GET server.address=127.0.0.1 url.scheme=http url.template=/api/v3/users/{userID} http.response.status_code=200
`, spanTree(spans))
	get, reg := spansNamed(spans, "Users.Get")[0], spansNamed(spans, "Sessions.Register")[0]
	gid, _ := attrOf(get, "amity.identity")
	rid, _ := attrOf(reg, "amity.identity")
	assert.Equal(t, gid, rid, "the registration is billed to the user")
	adminCall := len(spans)
	_, err = c.Users.Get(context.Background(), telOtherID)
	require.NoError(t, err)
	aid, _ := attrOf(spansNamed(rec.Ended()[adminCall:], "Users.Get")[0], "amity.identity")
	assert.NotEqual(t, gid, aid, "the admin is another identity")
	assertNoSecretInSpans(t, rec.Ended())
}

func TestNoTelemetryWithoutProviders(t *testing.T) {
	srv := newTelServer(t)
	c := serverClient(t, srv.URL)
	_, err := c.Users.Get(context.Background(), telOtherID)
	require.NoError(t, err)
	assert.Equal(t, []string{""}, srv.traceparents, "no traceparent is sent without a tracer provider")
}

// TestURLTemplateOfEveryOperation runs every conformance case with a tracer and checks that
// each attempt's url.template is the spec's path template of the operation it called (path
// parameters' names aside): a template is never the path with its IDs, and never a wrong
// operation's.
func TestURLTemplateOfEveryOperation(t *testing.T) {
	spec := spectest.Load(t)
	param := regexp.MustCompile(`\{[^}]*\}`)
	norm := func(p string) string { return param.ReplaceAllString(p, "{}") }
	for _, tc := range conformanceCases {
		t.Run(tc.Method, func(t *testing.T) {
			srv := spec.NewServer(t, conformanceOptions...)
			rec := tracetest.NewSpanRecorder()
			tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
			c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken("conformance-admin-token"),
				amity.WithAPIKey("conformance-api-key"), amity.WithServerKey("conformance-server-key"),
				amity.WithoutRateLimit(), amity.WithMaxRetries(0), amity.WithTracerProvider(tp))
			require.NoError(t, err)
			if tc.AsUser {
				c, err = c.AsUser("conformance-user", amity.WithDeviceID("conformance-device"))
				require.NoError(t, err)
			}
			if err := tc.Required(context.Background(), c); err != nil {
				t.Skipf("the call fails here (TestConformance reports it): %v", err)
			}
			var want []string
			for _, call := range srv.Calls() {
				want = append(want, call.Op.Method+" "+norm(call.Op.Path))
			}
			var got []string
			for _, s := range rec.Ended() {
				method, ok := attrOf(s, "http.request.method")
				if !ok {
					continue
				}
				tmpl, ok := attrOf(s, "url.template")
				require.True(t, ok, "%s: an attempt without url.template", s.Name())
				got = append(got, method.AsString()+" "+norm(tmpl.AsString()))
			}
			sort.Strings(want)
			sort.Strings(got)
			assert.Equal(t, want, got)
		})
	}
}

// A Client.Raw call is traced like any other, but its attempt has no url.template and is
// named by its method: a caller's path may hold IDs anywhere.
func TestTraceOfARawCall(t *testing.T) {
	srv := newTelServer(t)
	c, rec := tracedClient(t, srv)
	_, err := c.Raw(context.Background(), "GET", "/api/v3/users/"+telOtherID, nil)
	require.NoError(t, err)
	spans := rec.Ended()
	require.Len(t, spansNamed(spans, "Client.Raw"), 1)
	attempts := spansNamed(spans, "GET")
	require.Len(t, attempts, 1)
	for _, kv := range attempts[0].Attributes() {
		assert.NotEqual(t, "url.template", string(kv.Key), "no template for a raw path")
	}
	assertNoSecretInSpans(t, spans)
}
