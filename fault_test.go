package amity_test

// The fault matrix: a raw TCP server answers (or fails to) by hand, each row a fault; every
// row is run as a read (Users.Get, retried) and a write (Posts.Create, never sent twice once
// the server may have applied it), asserting the error kind, the arrivals and that no write
// was applied twice.

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawServer is a TCP listener speaking just enough HTTP/1.1 for the fault tests: it
// reads each request whole, counts it, and lets the test answer (or reset) by hand. Every
// answer has Connection: close, so each attempt is a new connection.
type rawServer struct {
	ln       net.Listener
	heads    atomic.Int32 // requests whose head was read
	arrivals atomic.Int32 // requests read whole, body included
	// beforeBody, when set, sees each request (n counts heads) before its body is read; it
	// returns true when it has dealt with the connection.
	beforeBody func(n int, conn net.Conn) bool
	mu         sync.Mutex
	paths      map[string]int
	handle     func(s *rawServer, n int, conn net.Conn, req *http.Request, body []byte)
	done       chan struct{}
	wg         sync.WaitGroup
}

func newRawServer(t *testing.T, handle func(s *rawServer, n int, conn net.Conn, req *http.Request, body []byte),
	beforeBody func(n int, conn net.Conn) bool) *rawServer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s := &rawServer{ln: ln, paths: map[string]int{}, handle: handle, beforeBody: beforeBody, done: make(chan struct{})}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				defer conn.Close()
				req, err := http.ReadRequest(bufio.NewReader(conn))
				if err != nil {
					return
				}
				if h := int(s.heads.Add(1)); s.beforeBody != nil && s.beforeBody(h, conn) {
					return
				}
				body, err := io.ReadAll(req.Body)
				if err != nil {
					return
				}
				n := int(s.arrivals.Add(1))
				s.mu.Lock()
				s.paths[req.Method+" "+req.URL.Path]++
				s.mu.Unlock()
				s.handle(s, n, conn, req, body)
			}()
		}
	}()
	t.Cleanup(func() {
		close(s.done)
		ln.Close()
		s.wg.Wait()
	})
	return s
}

func (s *rawServer) URL() string { return "http://" + s.ln.Addr().String() }

func (s *rawServer) hits(methodPath string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.paths[methodPath]
}

// resetConn closes conn with a TCP RST.
func resetConn(conn net.Conn) {
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = conn.Close()
}

// writeRaw writes a whole answer with Connection: close; header holds name, value pairs.
func writeRaw(conn net.Conn, status int, ctype, body string, header ...string) {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n", status, http.StatusText(status), ctype, len(body))
	for i := 0; i+1 < len(header); i += 2 {
		fmt.Fprintf(&b, "%s: %s\r\n", header[i], header[i+1])
	}
	b.WriteString("\r\n")
	b.WriteString(body)
	_, _ = io.WriteString(conn, b.String())
}

// writeOK is the right answer to the read or the write.
func writeOK(conn net.Conn, req *http.Request) {
	if req.Method == http.MethodPost {
		writeRaw(conn, 200, "application/json", postAnswer("p1"))
		return
	}
	writeRaw(conn, 200, "application/json", userAnswer("u1"))
}

// faultWaitGone blocks until the client closes conn, the server stops, or max passes.
func faultWaitGone(s *rawServer, conn net.Conn, max time.Duration) {
	gone := make(chan struct{})
	go func() {
		_ = conn.SetReadDeadline(time.Now().Add(max))
		_, _ = conn.Read(make([]byte, 1))
		close(gone)
	}()
	select {
	case <-gone:
	case <-s.done:
	}
}

// errFaultAny stands for "some error" in a row's expectation.
var errFaultAny = errors.New("any error")

// faultOutcome is what one variant (read or write) of a row must give.
type faultOutcome struct {
	want     error // nil: success; errFaultAny: some error; else errors.Is must hold
	status   int   // when non-zero, the *Error's status
	arrivals int
	heads    int     // when non-zero, the requests whose head reached the server
	notIs    []error // errors.Is must not hold
	contains string  // the error text must contain it
}

// faultRow is one fault. respond answers arrival n (1-based) and reports whether a write
// that arrived then may have been applied by the server.
type faultRow struct {
	name        string
	respond     func(s *rawServer, n int, conn net.Conn, req *http.Request) (applied bool)
	deadline    time.Duration
	opts        []amity.Option
	read, write faultOutcome
	elsewhere   int // arrivals of the read expected at /elsewhere (redirect targets)
	// beforeBody fails the n-th request before its body is read (see rawServer).
	beforeBody func(n int, conn net.Conn) bool
}

// faultBurst fails the first k arrivals with fail, then answers right.
func faultBurst(k int, fail func(conn net.Conn)) func(*rawServer, int, net.Conn, *http.Request) bool {
	return func(_ *rawServer, n int, conn net.Conn, req *http.Request) bool {
		if n <= k {
			fail(conn)
			return false
		}
		writeOK(conn, req)
		return true
	}
}

// faultFirst is faultBurst for faults after which the server may have applied a write.
func faultFirst(k int, fail func(conn net.Conn)) func(*rawServer, int, net.Conn, *http.Request) bool {
	return func(_ *rawServer, n int, conn net.Conn, req *http.Request) bool {
		if n <= k {
			fail(conn)
			return true
		}
		writeOK(conn, req)
		return true
	}
}

func faultStatus(status int, body string, header ...string) func(conn net.Conn) {
	return func(conn net.Conn) { writeRaw(conn, status, "application/json", body, header...) }
}

func faultHTML(status int, page string) func(conn net.Conn) {
	return func(conn net.Conn) { writeRaw(conn, status, "text/html", page) }
}

// faultCut sends the head of an answer promising more body than it sends, then closes (or
// resets) the connection.
func faultCut(reset bool) func(conn net.Conn) {
	return func(conn net.Conn) {
		body := `{"users":[{"userId":"u1"`
		_, _ = fmt.Fprintf(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", len(body)+500, body)
		if reset {
			time.Sleep(10 * time.Millisecond) // let the head and the start of the body go first
			resetConn(conn)
		}
	}
}

func faultRows() []faultRow {
	const apiErr = `{"status":"error","code":500000,"message":"boom"}`
	proxyPage := "<html><head><style>body{}</style><script>var x=1;</script></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"
	return []faultRow{
		{name: "5xx burst of 1", respond: faultBurst(1, faultStatus(503, apiErr)),
			read: faultOutcome{arrivals: 2}, write: faultOutcome{want: errFaultAny, status: 503, arrivals: 1}},
		{name: "5xx burst of 3", respond: faultBurst(3, faultStatus(500, apiErr)),
			read: faultOutcome{arrivals: 4}, write: faultOutcome{want: errFaultAny, status: 500, arrivals: 1}},
		{name: "5xx burst past the retry limit", respond: faultBurst(10, faultStatus(502, apiErr)),
			read: faultOutcome{want: errFaultAny, status: 502, arrivals: 5}, write: faultOutcome{want: errFaultAny, status: 502, arrivals: 1}},
		{name: "501 is not retried", respond: faultBurst(1, faultStatus(501, apiErr)),
			read: faultOutcome{want: errFaultAny, status: 501, arrivals: 1}, write: faultOutcome{want: errFaultAny, status: 501, arrivals: 1}},
		{name: "429 burst (rejected unprocessed: a write is retried too)", respond: faultBurst(2, faultStatus(429, `{"code":400311,"message":"Rate limit"}`)),
			opts: []amity.Option{amity.WithoutRateLimit()},
			read: faultOutcome{arrivals: 3}, write: faultOutcome{arrivals: 3}},
		{name: "400311 in a 400 body", respond: faultBurst(1, faultStatus(400, `{"status":"error","code":400311,"message":"RPCRateLimitError"}`)),
			opts: []amity.Option{amity.WithoutRateLimit()},
			read: faultOutcome{arrivals: 2}, write: faultOutcome{arrivals: 2}},
		{name: "reset before the answer", respond: faultFirst(1, resetConn),
			read: faultOutcome{arrivals: 2}, write: faultOutcome{want: errFaultAny, arrivals: 1, notIs: []error{context.DeadlineExceeded}}},
		{name: "reset twice before the answer", respond: faultFirst(2, resetConn),
			read: faultOutcome{arrivals: 3}, write: faultOutcome{want: errFaultAny, arrivals: 1}},
		{name: "reset after the request head, before its body", respond: faultFirst(0, nil),
			beforeBody: func(n int, conn net.Conn) bool {
				if n == 1 {
					resetConn(conn)
					return true
				}
				return false
			},
			read: faultOutcome{arrivals: 1, heads: 2}, write: faultOutcome{want: errFaultAny, heads: 1}},
		{name: "close before the answer", respond: faultFirst(1, func(conn net.Conn) { conn.Close() }),
			read: faultOutcome{arrivals: 2}, write: faultOutcome{want: errFaultAny, arrivals: 1}},
		{name: "reset in the middle of the body", respond: faultFirst(1, faultCut(true)),
			read:  faultOutcome{arrivals: 2},
			write: faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1, contains: "may have been applied"}},
		{name: "body cut short (Content-Length)", respond: faultFirst(1, faultCut(false)),
			read:  faultOutcome{arrivals: 2},
			write: faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1, contains: "may have been applied"}},
		{name: "body always cut short", respond: faultFirst(10, faultCut(false)),
			read:  faultOutcome{want: amity.ErrMalformedResponse, arrivals: 5},
			write: faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1}},
		{name: "chunked body cut short", respond: faultFirst(1, func(conn net.Conn) {
			_, _ = io.WriteString(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n10\r\n{\"users\":[{\"use\r\n")
		}),
			read:  faultOutcome{arrivals: 2},
			write: faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1, contains: "may have been applied"}},
		{name: "corrupt gzip body", respond: faultFirst(1, func(conn net.Conn) {
			writeRaw(conn, 200, "application/json", "\x1f\x8b\x08\x00garbage-not-gzip", "Content-Encoding", "gzip")
		}),
			read:  faultOutcome{arrivals: 2},
			write: faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1, contains: "may have been applied"}},
		{name: "garbage instead of HTTP", respond: faultFirst(1, func(conn net.Conn) { _, _ = io.WriteString(conn, "SSH-2.0-OpenSSH\r\n\r\n") }),
			read: faultOutcome{arrivals: 2}, write: faultOutcome{want: errFaultAny, arrivals: 1}},
		{name: "malformed JSON", respond: faultFirst(10, faultStatus(200, `{"users":[{"userId":`)),
			read:  faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1, notIs: []error{amity.ErrNotFound}},
			write: faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1, contains: "may have been applied"}},
		{name: "not JSON at all", respond: faultFirst(10, func(conn net.Conn) { writeRaw(conn, 200, "text/plain", "OK") }),
			read:  faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1},
			write: faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1}},
		{name: "empty 200", respond: faultFirst(10, faultStatus(200, "")),
			read:  faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1, notIs: []error{amity.ErrNotFound}},
			write: faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1, notIs: []error{amity.ErrNotFound}}},
		{name: "204 where an entity is due", respond: faultFirst(10, func(conn net.Conn) {
			_, _ = io.WriteString(conn, "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
		}),
			read:  faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1},
			write: faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1}},
		{name: "200 without the entity", respond: faultFirst(10, faultStatus(200, `{"users":[],"posts":[]}`)),
			read:  faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1, notIs: []error{amity.ErrNotFound}},
			write: faultOutcome{want: amity.ErrMalformedResponse, arrivals: 1}},
		{name: "error body with 200", respond: faultBurst(10, faultStatus(200, apiErr)),
			read:  faultOutcome{want: errFaultAny, status: 200, arrivals: 1, notIs: []error{amity.ErrMalformedResponse}},
			write: faultOutcome{want: errFaultAny, status: 200, arrivals: 1, notIs: []error{amity.ErrMalformedResponse}}},
		{name: "success false with 200", respond: faultBurst(10, faultStatus(200, `{"success":false}`)),
			read:  faultOutcome{want: amity.ErrUnsuccessful, arrivals: 1},
			write: faultOutcome{want: amity.ErrUnsuccessful, arrivals: 1}},
		{name: "HTML from a proxy, once", respond: faultBurst(1, faultHTML(502, proxyPage)),
			read: faultOutcome{arrivals: 2}, write: faultOutcome{want: errFaultAny, status: 502, arrivals: 1, contains: "502 Bad Gateway nginx"}},
		{name: "pathological HTML under a deadline", respond: faultBurst(100, faultHTML(502, strings.Repeat("<script>", 8<<10))),
			deadline: 300 * time.Millisecond, opts: []amity.Option{amity.WithRetryWait(20*time.Millisecond, 50*time.Millisecond)},
			read: faultOutcome{want: errFaultAny}, write: faultOutcome{want: errFaultAny, status: 502, arrivals: 1}},
		{name: "slow server under a deadline", deadline: 300 * time.Millisecond,
			respond: func(s *rawServer, n int, conn net.Conn, req *http.Request) bool {
				faultWaitGone(s, conn, 5*time.Second)
				return true
			},
			read:  faultOutcome{want: context.DeadlineExceeded, arrivals: 1},
			write: faultOutcome{want: context.DeadlineExceeded, arrivals: 1}},
		{name: "trickling server under a deadline", deadline: 300 * time.Millisecond,
			respond: func(s *rawServer, n int, conn net.Conn, req *http.Request) bool {
				_, _ = io.WriteString(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n")
				for range 250 { // a byte each 20 ms: 5 s at most
					if _, err := io.WriteString(conn, " "); err != nil {
						return true
					}
					select {
					case <-s.done:
						return true
					case <-time.After(20 * time.Millisecond):
					}
				}
				return true
			},
			read:  faultOutcome{want: context.DeadlineExceeded, arrivals: 1},
			write: faultOutcome{want: context.DeadlineExceeded, arrivals: 1}},
		{name: "Retry-After beyond the deadline", deadline: time.Second,
			respond: faultBurst(10, faultStatus(429, `{"code":400311,"message":"slow down"}`, "Retry-After", "30")),
			opts:    []amity.Option{amity.WithRetryWait(time.Millisecond, time.Minute)},
			read:    faultOutcome{want: amity.ErrRateLimited, arrivals: 1, notIs: []error{context.DeadlineExceeded}, contains: "retry after 30s"},
			write:   faultOutcome{want: amity.ErrRateLimited, arrivals: 1, notIs: []error{context.DeadlineExceeded}}},
		{name: "Retry-After as an HTTP date beyond the deadline", deadline: time.Second,
			respond: faultBurst(10, faultStatus(429, `{}`, "Retry-After", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))),
			opts:    []amity.Option{amity.WithRetryWait(time.Millisecond, 2*time.Hour)},
			read:    faultOutcome{want: amity.ErrRateLimited, arrivals: 1}, write: faultOutcome{want: amity.ErrRateLimited, arrivals: 1}},
		{name: "same-origin redirect", respond: func(_ *rawServer, n int, conn net.Conn, req *http.Request) bool {
			if req.URL.Path == "/elsewhere" {
				writeOK(conn, req)
				return true
			}
			writeRaw(conn, 307, "text/plain", "", "Location", "/elsewhere")
			return false
		},
			read: faultOutcome{arrivals: 1}, write: faultOutcome{want: errFaultAny, status: 307, arrivals: 1}, elsewhere: 1},
		{name: "redirect to another host", respond: func(s *rawServer, n int, conn net.Conn, req *http.Request) bool {
			if req.URL.Path == "/elsewhere" {
				writeOK(conn, req)
				return true
			}
			writeRaw(conn, 302, "text/plain", "", "Location", "http://localhost:"+strings.Split(s.ln.Addr().String(), ":")[1]+"/elsewhere")
			return false
		},
			read: faultOutcome{want: errFaultAny, arrivals: 1}, write: faultOutcome{want: errFaultAny, status: 302, arrivals: 1}},
	}
}

// TestFaultMatrix runs every fault as a read and as a write.
func TestFaultMatrix(t *testing.T) {
	for _, row := range faultRows() {
		for _, write := range []bool{false, true} {
			kind, want := "read", row.read
			if write {
				kind, want = "write", row.write
			}
			t.Run(row.name+"/"+kind, func(t *testing.T) {
				t.Parallel()
				var applied atomic.Int32
				srv := newRawServer(t, func(s *rawServer, n int, conn net.Conn, req *http.Request, _ []byte) {
					if row.respond(s, n, conn, req) && req.Method == http.MethodPost && req.URL.Path == "/api/v4/posts" {
						applied.Add(1)
					}
				}, row.beforeBody)
				c := serverClient(t, srv.URL(), row.opts...)
				ctx := context.Background()
				if row.deadline > 0 {
					var cancel context.CancelFunc
					ctx, cancel = context.WithTimeout(ctx, row.deadline)
					defer cancel()
				}
				start := time.Now()
				var err error
				if write {
					err = createPost(ctx, c, "p1")
				} else {
					err = getUser(ctx, c, "u1")
				}
				elapsed := time.Since(start)
				assert.Less(t, elapsed, 4*time.Second)
				switch {
				case want.want == nil:
					require.NoError(t, err)
				case want.want == errFaultAny:
					require.Error(t, err)
				default:
					require.ErrorIs(t, err, want.want)
				}
				if err != nil {
					assert.Less(t, len(err.Error()), 600, "a short error: %q", err)
					for _, sec := range []string{leakAdminToken, leakAPIKey} {
						assert.NotContains(t, err.Error(), sec)
					}
				}
				for _, not := range want.notIs {
					assert.NotErrorIs(t, err, not)
				}
				if want.status != 0 {
					var e *amity.Error
					require.ErrorAs(t, err, &e)
					assert.Equal(t, want.status, e.StatusCode)
				}
				if want.contains != "" {
					require.Error(t, err)
					assert.Contains(t, err.Error(), want.contains)
				}
				method, path := "GET", "/api/v3/users/u1"
				if write {
					method, path = "POST", "/api/v4/posts"
				}
				if want.arrivals > 0 || want.heads > 0 {
					assert.Equal(t, want.arrivals, srv.hits(method+" "+path), "arrivals")
				}
				if want.heads > 0 {
					assert.Equal(t, int32(want.heads), srv.heads.Load(), "request heads")
				}
				if write {
					assert.Zero(t, srv.hits(method+" /elsewhere"), "a redirect of a write is never followed")
				} else {
					assert.Equal(t, row.elsewhere, srv.hits(method+" /elsewhere"), "arrivals at the redirect target")
				}
				assert.LessOrEqual(t, applied.Load(), int32(1), "a write applied twice")
			})
		}
	}
}

// TestFaultManyIdentitiesMixedFaults runs the admin and five users at once against a server
// failing a third of the calls in every way it can. No write arrives twice; every write
// reported done arrived once; every read arrives at most 1 + retries times.
func TestFaultManyIdentitiesMixedFaults(t *testing.T) {
	var mu sync.Mutex
	postArrivals := map[string]int{}
	readArrivals := map[string]int{}
	var regs atomic.Int32
	srv := newRawServer(t, func(_ *rawServer, n int, conn net.Conn, req *http.Request, body []byte) {
		if req.URL.Path == "/api/v5/sessions" {
			var reg registration
			_ = json.Unmarshal(body, &reg)
			regs.Add(1)
			now := time.Now().UTC()
			b, _ := json.Marshal(map[string]any{"accessToken": "tok-" + reg.UserID, "expiresAt": now.Add(time.Hour).Format(time.RFC3339),
				"users": []map[string]string{{"userId": reg.UserID}}})
			writeRaw(conn, 200, "application/json", string(b))
			return
		}
		mu.Lock()
		if req.Method == http.MethodPost {
			var p struct {
				PostID string `json:"postId"`
			}
			_ = json.Unmarshal(body, &p)
			postArrivals[p.PostID]++
		} else {
			readArrivals[req.URL.Path]++
		}
		mu.Unlock()
		switch n % 9 {
		case 1:
			writeRaw(conn, 503, "application/json", `{"code":500000,"message":"busy"}`)
		case 3:
			resetConn(conn)
		case 5:
			faultCut(n%2 == 0)(conn)
		case 7:
			writeRaw(conn, 502, "text/html", "<html><body>Bad gateway</body></html>")
		default:
			if req.Method == http.MethodPost {
				writeRaw(conn, 200, "application/json", postAnswer("p"))
			} else {
				writeRaw(conn, 200, "application/json", userAnswer("u"))
			}
		}
	}, nil)
	c := serverClient(t, srv.URL())
	views := map[string]*amity.Client{"admin": c}
	for i := range 5 {
		v, err := c.AsUser(fmt.Sprintf("user%d", i))
		require.NoError(t, err)
		views[fmt.Sprintf("user%d", i)] = v
	}
	type result struct {
		id    string
		write bool
		err   error
	}
	results := make(chan result, 1000)
	var wg sync.WaitGroup
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for name, v := range views {
		for w := range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 10 {
					id := fmt.Sprintf("%s-%d-%d", name, w, i)
					if i%2 == 0 {
						results <- result{id, true, createPost(ctx, v, id)}
					} else {
						results <- result{id, false, getUser(ctx, v, id)}
					}
				}
			}()
		}
	}
	wg.Wait()
	close(results)
	var okWrites, failedWrites, okReads, failedReads int
	mu.Lock()
	defer mu.Unlock()
	for r := range results {
		if r.write {
			n := postArrivals[r.id]
			assert.LessOrEqual(t, n, 1, "write %s sent twice", r.id)
			if r.err == nil {
				okWrites++
				assert.Equal(t, 1, n, "write %s reported done", r.id)
			} else {
				failedWrites++
				var e *amity.Error
				if errors.As(r.err, &e) && !errors.Is(r.err, amity.ErrMalformedResponse) {
					assert.GreaterOrEqual(t, e.StatusCode, 500, "%s: %v", r.id, r.err)
				}
			}
			continue
		}
		n := readArrivals["/api/v3/users/"+r.id]
		assert.LessOrEqual(t, n, 5, "read %s", r.id)
		if r.err == nil {
			okReads++
		} else {
			failedReads++
			assert.Equal(t, 5, n, "a read fails only after its retries: %s: %v", r.id, r.err)
		}
	}
	t.Logf("writes: %d done, %d failed; reads: %d done, %d failed; %d registrations", okWrites, failedWrites, okReads, failedReads, regs.Load())
	assert.Equal(t, 90, okWrites+failedWrites)
	assert.Equal(t, 90, okReads+failedReads)
	assert.Positive(t, failedWrites, "the schedule does fail writes")
	assert.Equal(t, int32(5), regs.Load(), "one registration per user")
}
