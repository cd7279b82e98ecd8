package amity_test

// One test per bug of the issue "Hardening: what adversarial tests found in the transport,
// auth and error paths", each against an httptest server through the public API only. The
// calls go through the few hard* helpers below so that a change of a service's signature is
// adapted in one place.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/internal/testkit"
	"github.com/amity-go/amity/internal/testlock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The credentials of the hardening and fault tests: distinctive, so that a leak is found by
// a plain substring search.
const (
	hardAdmin     = "hardADMIN-Qx7Wm2Lp9Zr4"
	hardKey       = "hardAPIKEY-Vb3Nc8Ty1Ue6"
	hardServerKey = "hardSRVKEY-Jk5Hg0Df2Sa7"
)

// hardClient is a client of base with the admin token, API key and quick retries.
func hardClient(t testing.TB, base string, opts ...amity.Option) *amity.Client {
	t.Helper()
	c, err := amity.NewClient(append([]amity.Option{amity.WithBaseURL(base), amity.WithAdminToken(hardAdmin),
		amity.WithAPIKey(hardKey), amity.WithRetryWait(time.Millisecond, 5*time.Millisecond)}, opts...)...)
	require.NoError(t, err)
	return c
}

// hardGetUser is the read of these tests (GET /api/v3/users/{id}).
func hardGetUser(ctx context.Context, c *amity.Client, userID string) error {
	return errOf(c.Users.Get(ctx, userID))
}

// hardGetUserOpts is the read with call options.
func hardGetUserOpts(ctx context.Context, c *amity.Client, userID string, opts ...amity.CallOption) error {
	return errOf(c.Users.Get(ctx, userID, opts...))
}

// hardCreatePost is the write of these tests (POST /api/v4/posts), never retried once it may
// have reached the server. postID makes each write recognisable at the server.
func hardCreatePost(ctx context.Context, c *amity.Client, postID string) error {
	return errOf(c.Posts.Create(ctx, &amity.CreatePostParams{PostID: postID, Data: &amity.CreatePostData{Text: "hello"}}))
}

// hardAuthToken is a call that takes call options today (POST /api/v4/authentication/token).
func hardAuthToken(ctx context.Context, c *amity.Client, userID string, opts ...amity.CallOption) (amity.Secret, error) {
	return c.Sessions.CreateAuthToken(ctx, userID, opts...)
}

// hardUserBody and hardPostBody are minimal valid answers.
func hardUserBody(userID string) string {
	b, _ := json.Marshal(map[string]any{"users": []map[string]string{{"userId": userID}}})
	return string(b)
}

func hardPostBody(postID string) string {
	b, _ := json.Marshal(map[string]any{"posts": []map[string]string{{"postId": postID}}})
	return string(b)
}

func hardJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// hardSessionAnswer is the answer of POST /api/v4/sessions.
func hardSessionAnswer(w http.ResponseWriter, userID, token string, life time.Duration) {
	now := time.Now().UTC()
	b, _ := json.Marshal(map[string]any{
		"accessToken": token, "refreshToken": "refresh-" + token,
		"issuedAt": now.Format(time.RFC3339), "expiresAt": now.Add(life).Format(time.RFC3339),
		"users": []map[string]string{{"userId": userID}},
	})
	hardJSON(w, http.StatusOK, string(b))
}

// hardRegistration decodes a session registration body.
type hardRegistration struct {
	UserID    string `json:"userId"`
	DeviceID  string `json:"deviceId"`
	AuthToken string `json:"authToken"`
}

// 1. The base URL's escapes are kept, and an ID stays one escaped segment under any base.
func TestHardeningBaseURLEscapesKept(t *testing.T) {
	for _, prefix := range []string{"/my%20api", "/caf%C3%A9", "/tenant%2Fa", "/my%20api/"} {
		t.Run(prefix, func(t *testing.T) {
			var got atomic.Value
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				got.Store(r.RequestURI)
				hardJSON(w, 200, hardUserBody("x"))
			}))
			defer srv.Close()
			c := hardClient(t, srv.URL+prefix)
			require.NoError(t, hardGetUser(context.Background(), c, "a/../b?x#y"))
			want := strings.TrimSuffix(prefix, "/") + "/api/v3/users/a%2F..%2Fb%3Fx%23y"
			assert.Equal(t, want, got.Load())
		})
	}
}

// hardPathologicalHTML are proxy pages that made the old regexp-based snippet quadratic.
func hardPathologicalHTML() map[string]string {
	const n = 64 << 10
	nested := strings.Repeat("<div <span <a ", n/14)
	return map[string]string{
		"repeated script": strings.Repeat("<script>", n/8),
		"nested unclosed": nested,
		"all <":           strings.Repeat("<", n),
		"script unclosed": "<html><body>Bad gateway<script>" + strings.Repeat("x", n-40),
		"style soup":      strings.Repeat("<style>a</sty", n/13),
		// Larger than the 64 KiB read of an error body, with its Content-Length: still an
		// *Error with the status, not a body "cut short".
		"1 MiB page": strings.Repeat("<p>Bad gateway</p>", (1<<20)/18),
	}
}

// 2. A pathological HTML error page costs linear time and gives a short message.
func TestHardeningPathologicalHTMLIsFast(t *testing.T) {
	for name, page := range hardPathologicalHTML() {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(http.StatusBadGateway)
				_, _ = io.WriteString(w, page)
			}))
			defer srv.Close()
			for _, retries := range []int{0, 4} {
				c := hardClient(t, srv.URL, amity.WithMaxRetries(retries))
				ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
				start := time.Now()
				err := hardGetUser(ctx, c, "u1")
				elapsed := time.Since(start)
				cancel()
				require.Error(t, err)
				assert.Less(t, elapsed, 3*time.Second, "retries=%d", retries)
				assert.Less(t, len(err.Error()), 400, "retries=%d: %q", retries, err)
				if retries == 0 {
					var e *amity.Error
					require.ErrorAs(t, err, &e)
					assert.Equal(t, http.StatusBadGateway, e.StatusCode)
					assert.LessOrEqual(t, utf8.RuneCountInString(e.Message), 201)
				}
			}
		})
	}
}

// hardSecretServer registers sessions (token "usertok-<user>-SECRET-…") and echoes back what
// the test asks for in an error body.
type hardSecretServer struct {
	*httptest.Server
	mu   sync.Mutex
	echo func(w http.ResponseWriter, r *http.Request) bool // answers instead, when it returns true
}

func newHardSecretServer(t *testing.T) *hardSecretServer {
	s := &hardSecretServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/api/v4/sessions" {
			var reg hardRegistration
			_ = json.NewDecoder(r.Body).Decode(&reg)
			hardSessionAnswer(w, reg.UserID, "usertok-"+reg.UserID+"-SECRET-Pq4Rs8Tu", 30*24*time.Hour)
			return
		}
		s.mu.Lock()
		echo := s.echo
		s.mu.Unlock()
		if echo != nil && echo(w, r) {
			return
		}
		hardJSON(w, 200, hardUserBody("u1"))
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *hardSecretServer) setEcho(f func(w http.ResponseWriter, r *http.Request) bool) {
	s.mu.Lock()
	s.echo = f
	s.mu.Unlock()
}

// 3. No credential leaves through fmt, slog, errors or error data.
func TestHardeningSecretsNeverLeak(t *testing.T) {
	ctx := context.Background()
	srv := newHardSecretServer(t)
	c := hardClient(t, srv.URL, amity.WithMaxRetries(0))
	alice, err := c.AsUser("alice")
	require.NoError(t, err)
	require.NoError(t, hardGetUser(ctx, alice, "u1")) // registers: the token is cached now
	userTok := "usertok-alice-SECRET-Pq4Rs8Tu"
	secrets := []string{hardAdmin, hardKey, userTok, "SECRET-Pq4Rs8Tu"}
	noSecret := func(t *testing.T, what, s string) {
		t.Helper()
		for _, sec := range secrets {
			assert.NotContains(t, s, sec, "%s leaks a credential", what)
		}
	}

	t.Run("fmt of views", func(t *testing.T) {
		verbs := []string{"%v", "%+v", "%#v", "%s", "%q", "%t", "%d", "%x", "%X"}
		values := map[string]any{"user view": alice, "pointer to user view": &alice, "admin view": c,
			"view in a struct": struct{ C *amity.Client }{alice}, "views in a slice": []*amity.Client{alice, c}}
		for name, v := range values {
			for _, verb := range verbs {
				noSecret(t, name+" "+verb, fmt.Sprintf(verb, v))
			}
		}
	})

	t.Run("fmt and slog of sessions", func(t *testing.T) {
		sess, err := c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: "alice", DeviceID: "d1"})
		require.NoError(t, err)
		require.Equal(t, userTok, string(sess.AccessToken))
		type holder struct {
			Name string
			S    amity.SessionPayload
			P    *amity.SessionPayload
		}
		values := map[string]any{
			"session": *sess, "*session": sess, "[]session": []amity.SessionPayload{*sess},
			"[]*session": []*amity.SessionPayload{sess}, "holder": holder{"h", *sess, sess}, "*holder": &holder{"h", *sess, sess},
			"map": map[string]amity.SessionPayload{"a": *sess},
		}
		for name, v := range values {
			for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%t", "%d", "%x", "%X"} {
				noSecret(t, name+" "+verb, fmt.Sprintf(verb, v))
			}
			var out testkit.SyncBuffer
			for _, h := range []slog.Handler{slog.NewJSONHandler(&out, nil), slog.NewTextHandler(&out, nil)} {
				slog.New(h).Info("session", "v", v)
				slog.New(h).Info("session", slog.Any("v", v), slog.Group("g", slog.Any("v", v)))
			}
			noSecret(t, name+" through slog", out.String())
			j, err := json.Marshal(v)
			require.NoError(t, err)
			noSecret(t, name+" through encoding/json", string(j))
		}
	})

	t.Run("malformed base URL with user info", func(t *testing.T) {
		for _, base := range []string{"http://user:pw@host", "https://bob:hunter2pw@api.test/x", "http://user:pw@host/?q=1"} {
			_, err := amity.NewClient(amity.WithBaseURL(base), amity.WithAdminToken("t0k3n"))
			require.Error(t, err)
			assert.NotContains(t, err.Error(), "pw", base)
			assert.NotContains(t, err.Error(), "hunter2", base)
		}
	})

	t.Run("error bodies echoing credentials", func(t *testing.T) {
		echoed := fmt.Sprintf("admin %s key %s user %s", hardAdmin, hardKey, userTok)
		bodies := map[string]struct {
			status int
			ctype  string
			body   string
		}{
			"JSON message and data": {400, "application/json", fmt.Sprintf(`{"status":"error","code":400000,"message":%q,"data":{"echo":%q,"headers":{"authorization":"Bearer %s","x-api-key":%q}}}`, echoed, echoed, hardAdmin, hardKey)},
			"JSON with escapes":     {400, "application/json", `{"code":400000,"message":"` + jsonEscapeAll(echoed) + `"}`},
			"HTML page":             {502, "text/html", "<html><body><h1>Bad gateway</h1><p>" + echoed + "</p></body></html>"},
			"plain text":            {500, "text/plain", echoed},
			"bare JSON string":      {400, "application/json", strconv.Quote(echoed)},
			"200 status error":      {200, "application/json", fmt.Sprintf(`{"status":"error","code":400000,"message":%q,"data":{"echo":%q}}`, echoed, echoed)},
			// A credential right at the point where the message is cut must not leave a prefix.
			"long JSON message": {400, "application/json", fmt.Sprintf(`{"code":400000,"message":%q}`, strings.Repeat("m", 980)+" "+userTok)},
			"long HTML page":    {502, "text/html", "<p>" + strings.Repeat("h", 185) + " " + hardAdmin + "</p>"},
		}
		for name, b := range bodies {
			t.Run(name, func(t *testing.T) {
				srv.setEcho(func(w http.ResponseWriter, r *http.Request) bool {
					w.Header().Set("Content-Type", b.ctype)
					w.WriteHeader(b.status)
					_, _ = io.WriteString(w, b.body)
					return true
				})
				defer srv.setEcho(nil)
				for view, cl := range map[string]*amity.Client{"admin": c, "alice": alice} {
					err := hardGetUser(ctx, cl, "u1")
					var e *amity.Error
					require.ErrorAs(t, err, &e, view)
					noSecret(t, view+" err.Error()", err.Error())
					noSecret(t, view+" Error.Data", string(e.Data))
					noSecret(t, view+" Error.Message", e.Message)
					for _, sec := range []string{hardAdmin, userTok} {
						for i := 0; i+8 <= len(sec); i++ { // nor any 8-character piece of one
							assert.False(t, strings.Contains(err.Error(), sec[i:i+8]), "%s: a piece of a credential (%q) in the error", view, sec[i:i+8])
						}
					}
					if strings.Contains(b.body, `"data"`) {
						assert.Contains(t, string(e.Data), "[redacted]", view)
					}
				}
			})
		}
	})
}

// jsonEscapeAll writes every letter of s as a \u escape.
func jsonEscapeAll(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			fmt.Fprintf(&b, `\u%04x`, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hardCounting counts arrivals per identity (the bearer token, or "none") with their times.
type hardCounting struct {
	*httptest.Server
	mu       sync.Mutex
	arrivals map[string][]time.Time
	regs     atomic.Int32
}

func newHardCounting(t *testing.T) *hardCounting {
	s := &hardCounting{arrivals: map[string][]time.Time{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		who := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if r.Method == http.MethodPost && r.URL.Path == "/api/v4/sessions" {
			var reg hardRegistration
			_ = json.NewDecoder(r.Body).Decode(&reg)
			who = "user:" + reg.UserID
			s.regs.Add(1)
			s.note(who)
			hardSessionAnswer(w, reg.UserID, "user:"+reg.UserID, 30*24*time.Hour)
			return
		}
		s.note(who)
		hardJSON(w, 200, hardUserBody("u1"))
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *hardCounting) note(who string) {
	s.mu.Lock()
	s.arrivals[who] = append(s.arrivals[who], time.Now())
	s.mu.Unlock()
}

func (s *hardCounting) count(who string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.arrivals[who])
}

// maxInWindow is the largest number of arrivals of who in any window.
func (s *hardCounting) maxInWindow(who string, window time.Duration) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return testkit.MaxInWindow(s.arrivals[who], window)
}

// 4. Each identity has its own window: a user's first call (its registration included) does
// not queue behind the admin's, and three identities at full speed take one window, not three.
func TestHardeningIdentityIndependence(t *testing.T) {
	testlock.RealTime(t)
	t.Run("new user under 300 queued admin calls", func(t *testing.T) {
		srv := newHardCounting(t)
		c := hardClient(t, srv.URL) // default limiter: 100 per 5 s per identity
		adminCtx, stopAdmin := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		for range 300 {
			wg.Add(1)
			go func() { defer wg.Done(); _ = hardGetUser(adminCtx, c, "u1") }()
		}
		require.Eventually(t, func() bool { return srv.count(hardAdmin) >= 100 }, 5*time.Second, 5*time.Millisecond)
		newbie, err := c.AsUser("newbie")
		require.NoError(t, err)
		start := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = hardGetUser(ctx, newbie, "u1")
		elapsed := time.Since(start)
		cancel()
		require.NoError(t, err)
		t.Logf("new user's first call (registration + call) under 300 queued admin calls: %v", elapsed)
		assert.Less(t, elapsed, 2500*time.Millisecond, "well under one 5.2 s window")
		assert.Equal(t, 100, srv.count(hardAdmin), "the admin's calls are still queued")
		stopAdmin()
		wg.Wait()
	})

	t.Run("3 identities x 120 calls", func(t *testing.T) {
		srv := newHardCounting(t)
		c := hardClient(t, srv.URL)
		u1, err := c.AsUser("one")
		require.NoError(t, err)
		u2, err := c.AsUser("two")
		require.NoError(t, err)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		start := time.Now()
		var wg sync.WaitGroup
		var failed atomic.Int32
		for _, view := range []*amity.Client{c, u1, u2} {
			calls := make(chan struct{}, 120)
			for range 120 {
				calls <- struct{}{}
			}
			close(calls)
			for range 10 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range calls {
						if hardGetUser(ctx, view, "u1") != nil {
							failed.Add(1)
						}
					}
				}()
			}
		}
		wg.Wait()
		elapsed := time.Since(start)
		t.Logf("3 identities x 120 calls: %v (one window is 5.2 s)", elapsed)
		assert.Zero(t, failed.Load())
		assert.Less(t, elapsed, 9*time.Second, "about one window, not three")
		assert.GreaterOrEqual(t, elapsed, 5*time.Second, "the limiter did hold each identity to 100 per window")
		assert.Equal(t, 120, srv.count(hardAdmin))
		for _, u := range []string{"user:one", "user:two"} {
			assert.Equal(t, 121, srv.count(u), "120 calls and the registration, billed to the user")
		}
		for _, who := range []string{hardAdmin, "user:one", "user:two"} {
			assert.LessOrEqual(t, srv.maxInWindow(who, 5*time.Second), 100, who)
		}
	})
}

// 5. A token of 10 minutes is renewed a minute before it expires, not on every call.
func TestHardeningShortLivedTokenRegistersOnce(t *testing.T) {
	var regs, calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/v4/sessions" {
			regs.Add(1)
			hardSessionAnswer(w, "alice", "tok-alice", 10*time.Minute)
			return
		}
		calls.Add(1)
		hardJSON(w, 200, hardUserBody("u1"))
	}))
	defer srv.Close()
	alice, err := hardClient(t, srv.URL).AsUser("alice")
	require.NoError(t, err)
	for range 10 {
		require.NoError(t, hardGetUser(context.Background(), alice, "u1"))
	}
	assert.Equal(t, int32(1), regs.Load())
	assert.Equal(t, int32(10), calls.Load())
}

// 6. Two Clients (two processes) acting as the same user get different device IDs, so neither
// invalidates the other's token: two registrations, no loop.
func TestHardeningTwoProcessesSameUser(t *testing.T) {
	var mu sync.Mutex
	current := map[string]string{} // device → its one valid token, as the API does
	devices := map[string]bool{}
	var regs, unauthorized atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.URL.Path == "/api/v4/sessions" {
			var reg hardRegistration
			_ = json.NewDecoder(r.Body).Decode(&reg)
			n := regs.Add(1)
			devices[reg.DeviceID] = true
			tok := fmt.Sprintf("tok-%s-%d", reg.UserID, n)
			current[reg.DeviceID] = tok // a new session on the device replaces the old token
			hardSessionAnswer(w, reg.UserID, tok, 30*24*time.Hour)
			return
		}
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		for _, valid := range current {
			if tok == valid {
				hardJSON(w, 200, hardUserBody("u1"))
				return
			}
		}
		unauthorized.Add(1)
		hardJSON(w, 401, `{"status":"error","code":400100,"message":"Unauthorized"}`)
	}))
	defer srv.Close()
	var views []*amity.Client
	for range 2 {
		v, err := hardClient(t, srv.URL).AsUser("alice")
		require.NoError(t, err)
		views = append(views, v)
	}
	for i := range 10 {
		require.NoError(t, hardGetUser(context.Background(), views[i%2], "u1"), "call %d", i)
	}
	assert.Equal(t, int32(2), regs.Load(), "one registration per process")
	assert.Len(t, devices, 2, "two distinct default device IDs")
	assert.Zero(t, unauthorized.Load())
	for d := range devices {
		assert.True(t, strings.HasPrefix(d, "amity-go-"), d)
	}
}

// 7. CreateAuthToken asks for text/plain, so a strict server (406 otherwise) works, and so
// does AsUser in secure mode.
func TestHardeningAuthTokenAcceptsTextPlain(t *testing.T) {
	var accepts []string
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v4/authentication/token":
			mu.Lock()
			accepts = append(accepts, r.Header.Get("Accept"))
			mu.Unlock()
			if r.Header.Get("Accept") != "text/plain" {
				http.Error(w, "Not Acceptable", http.StatusNotAcceptable)
				return
			}
			if r.Header.Get("X-Server-Key") != hardServerKey {
				hardJSON(w, 403, `{"status":"error","code":400300,"message":"Forbidden"}`)
				return
			}
			w.Header().Set("Content-Type", "text/plain")
			_, _ = io.WriteString(w, "authtok-for-alice-7f3")
		case "/api/v4/sessions":
			var reg hardRegistration
			_ = json.NewDecoder(r.Body).Decode(&reg)
			if reg.AuthToken != "authtok-for-alice-7f3" {
				hardJSON(w, 403, `{"status":"error","code":400300,"message":"secure mode: bad auth token"}`)
				return
			}
			hardSessionAnswer(w, reg.UserID, "tok-alice", 30*24*time.Hour)
		default:
			if r.Header.Get("Authorization") != "Bearer tok-alice" {
				hardJSON(w, 401, `{"status":"error","code":400100,"message":"Unauthorized"}`)
				return
			}
			hardJSON(w, 200, hardUserBody("u1"))
		}
	}))
	defer srv.Close()
	c := hardClient(t, srv.URL, amity.WithServerKey(hardServerKey))
	tok, err := hardAuthToken(context.Background(), c, "alice")
	require.NoError(t, err)
	assert.Equal(t, "authtok-for-alice-7f3", string(tok))
	alice, err := c.AsUser("alice")
	require.NoError(t, err)
	require.NoError(t, hardGetUser(context.Background(), alice, "u1"))
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, []string{"text/plain", "text/plain"}, accepts)
}

// 8. A Retry-After longer than the time left, or than the longest retry wait, fails at once
// with the wait in the error; a shorter one is waited for.
func TestHardeningRetryAfter(t *testing.T) {
	serve := func(retryAfter string) (*httptest.Server, *atomic.Int32) {
		var hits atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if hits.Add(1) == 1 {
				w.Header().Set("Retry-After", retryAfter)
				hardJSON(w, 429, `{"status":"error","code":400311,"message":"Too many requests"}`)
				return
			}
			hardJSON(w, 200, hardUserBody("u1"))
		}))
		t.Cleanup(srv.Close)
		return srv, &hits
	}
	check := func(t *testing.T, err error, hits *atomic.Int32, wait time.Duration) {
		t.Helper()
		require.ErrorIs(t, err, amity.ErrRateLimited)
		assert.NotErrorIs(t, err, context.DeadlineExceeded)
		var e *amity.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, wait, e.RetryAfter)
		assert.Contains(t, err.Error(), "retry after")
		assert.Equal(t, int32(1), hits.Load())
	}

	t.Run("past the ctx deadline", func(t *testing.T) {
		srv, hits := serve("30")
		c := hardClient(t, srv.URL, amity.WithRetryWait(time.Millisecond, time.Minute))
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		start := time.Now()
		err := hardGetUser(ctx, c, "u1")
		assert.Less(t, time.Since(start), 900*time.Millisecond, "fails at once, not at the deadline")
		check(t, err, hits, 30*time.Second)
	})
	t.Run("past the longest retry wait", func(t *testing.T) {
		srv, hits := serve("5")
		c := hardClient(t, srv.URL, amity.WithRetryWait(time.Millisecond, 2*time.Second))
		start := time.Now()
		err := hardGetUser(context.Background(), c, "u1")
		assert.Less(t, time.Since(start), 2*time.Second)
		check(t, err, hits, 5*time.Second)
	})
	t.Run("past the deadline on a write", func(t *testing.T) {
		srv, hits := serve("30")
		c := hardClient(t, srv.URL, amity.WithRetryWait(time.Millisecond, time.Minute))
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		check(t, hardCreatePost(ctx, c, "p1"), hits, 30*time.Second)
	})
	t.Run("within bounds is waited for", func(t *testing.T) {
		srv, hits := serve("1")
		c := hardClient(t, srv.URL, amity.WithRetryWait(time.Millisecond, 5*time.Second), amity.WithoutRateLimit())
		start := time.Now()
		require.NoError(t, hardGetUser(context.Background(), c, "u1"))
		assert.GreaterOrEqual(t, time.Since(start), 900*time.Millisecond)
		assert.Equal(t, int32(2), hits.Load())
	})
}

// hardHijack answers with raw bytes and closes the connection: a status line and headers
// that promise more body than is sent.
func hardHijack(w http.ResponseWriter, raw string) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	_, _ = buf.WriteString(raw)
	_ = buf.Flush()
	_ = conn.Close()
}

// hardTruncated is a 200 whose Content-Length promises 100 bytes more than it sends.
func hardTruncated(body string) string {
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", len(body)+100, body)
}

// 9. The success rule: an empty 200 is malformed (not "not found"); a 200 carrying an API
// error is that error; a body cut short is retried on a read and not on a write.
func TestHardeningSuccessRule(t *testing.T) {
	ctx := context.Background()
	t.Run("empty 200", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) }))
		defer srv.Close()
		c := hardClient(t, srv.URL)
		for name, err := range map[string]error{"read": hardGetUser(ctx, c, "u1"), "write": hardCreatePost(ctx, c, "p1")} {
			require.ErrorIs(t, err, amity.ErrMalformedResponse, name)
			assert.NotErrorIs(t, err, amity.ErrNotFound, name)
		}
	})
	t.Run("200 with status error", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hardJSON(w, 200, `{"status":"error","code":400400,"message":"x"}`)
		}))
		defer srv.Close()
		err := hardGetUser(ctx, hardClient(t, srv.URL), "u1")
		var e *amity.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, 400400, e.Code)
		assert.Equal(t, "x", e.Message)
		assert.NotErrorIs(t, err, amity.ErrMalformedResponse)
	})
	t.Run("decode error of any length is bounded", func(t *testing.T) {
		// A broken envelope (the users list is a huge number) fails with a short error. The
		// same number in a member of a user only leaves that member zero (the decoding policy).
		long := `1.` + strings.Repeat("5", 100000)
		body := `{"users":` + long + `}`
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hardJSON(w, 200, body) }))
		defer srv.Close()
		err := hardGetUser(ctx, hardClient(t, srv.URL), "u1")
		require.ErrorIs(t, err, amity.ErrMalformedResponse)
		assert.Less(t, len(err.Error()), 600)
		body = `{"users":[{"userId":"u1","flagCount":` + long + `}]}`
		u, err := hardClient(t, srv.URL).Users.Get(ctx, "u1")
		require.NoError(t, err)
		assert.Equal(t, "u1", u.User().UserID)
		assert.Zero(t, u.User().FlagCount)
	})
	t.Run("truncated body", func(t *testing.T) {
		var gets, posts atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPost {
				_, _ = io.Copy(io.Discard, r.Body)
				posts.Add(1)
				hardHijack(w, hardTruncated(hardPostBody("p1")))
				return
			}
			if gets.Add(1) == 1 {
				hardHijack(w, hardTruncated(hardUserBody("u1")))
				return
			}
			hardJSON(w, 200, hardUserBody("u1"))
		}))
		defer srv.Close()
		c := hardClient(t, srv.URL)
		require.NoError(t, hardGetUser(ctx, c, "u1"))
		assert.Equal(t, int32(2), gets.Load(), "a read is retried")
		err := hardCreatePost(ctx, c, "p1")
		require.Error(t, err)
		assert.Equal(t, int32(1), posts.Load(), "a write is not")
		assert.ErrorIs(t, err, amity.ErrMalformedResponse)
		assert.Contains(t, err.Error(), "may have been applied")
	})
}

// 10. A redirect of a write is never followed, even to the same origin.
func TestHardeningRedirectOfWriteNotFollowed(t *testing.T) {
	for _, status := range []int{301, 302, 303, 307, 308} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			var origin, target atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/elsewhere" {
					target.Add(1)
					hardJSON(w, 200, hardPostBody("p1"))
					return
				}
				origin.Add(1)
				w.Header().Set("Location", "/elsewhere")
				w.WriteHeader(status)
			}))
			defer srv.Close()
			err := hardCreatePost(context.Background(), hardClient(t, srv.URL), "p1")
			var e *amity.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, status, e.StatusCode)
			assert.Equal(t, int32(1), origin.Load())
			assert.Zero(t, target.Load())
		})
	}
}

// hardHuge writes n bytes of a JSON-looking body without holding them.
func hardHuge(w http.ResponseWriter, ctype string, n int) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(n))
	chunk := bytes.Repeat([]byte("a"), 64<<10)
	for n > 0 {
		k := min(n, len(chunk))
		if _, err := w.Write(chunk[:k]); err != nil {
			return
		}
		n -= k
	}
}

// 11. Bad credentials are refused at NewClient, answers are bounded, retries are logged.
func TestHardeningBoundsAndLogging(t *testing.T) {
	ctx := context.Background()
	t.Run("credential with a newline", func(t *testing.T) {
		for _, opts := range [][]amity.Option{
			{amity.WithAdminToken("tok\n")},
			{amity.WithAdminToken("to k")},
			{amity.WithAPIKey("key\r\n")},
			{amity.WithAdminToken("tok"), amity.WithServerKey("\tsk")},
		} {
			c, err := amity.NewClient(append(opts, amity.WithBaseURL("https://api.test"))...)
			require.Error(t, err)
			assert.Nil(t, c)
		}
	})
	t.Run("50 MiB answers", func(t *testing.T) {
		var hits atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			ctype := "application/json"
			if r.URL.Path == "/api/v4/authentication/token" {
				ctype = "text/plain"
			}
			hardHuge(w, ctype, 50<<20)
		}))
		defer srv.Close()
		c := hardClient(t, srv.URL, amity.WithServerKey(hardServerKey))
		err := hardGetUser(ctx, c, "u1")
		require.ErrorIs(t, err, amity.ErrMalformedResponse)
		assert.Contains(t, err.Error(), "WithMaxResponseSize")
		assert.Equal(t, int32(1), hits.Load(), "too large is final, not retried")
		_, err = hardAuthToken(ctx, c, "alice")
		require.ErrorIs(t, err, amity.ErrMalformedResponse)

		small := hardClient(t, srv.URL, amity.WithMaxResponseSize(1024))
		require.ErrorIs(t, hardGetUser(ctx, small, "u1"), amity.ErrMalformedResponse)
	})
	t.Run("small custom limit", func(t *testing.T) {
		body := hardUserBody(strings.Repeat("u", 2000))
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hardJSON(w, 200, body) }))
		defer srv.Close()
		require.ErrorIs(t, hardGetUser(ctx, hardClient(t, srv.URL, amity.WithMaxResponseSize(1024)), "u1"), amity.ErrMalformedResponse)
		require.NoError(t, hardGetUser(ctx, hardClient(t, srv.URL, amity.WithMaxResponseSize(int64(len(body)))), "u1"))
		_, err := amity.NewClient(amity.WithBaseURL(srv.URL), amity.WithAdminToken("t"), amity.WithMaxResponseSize(0))
		require.Error(t, err)
	})
	t.Run("retries logged at Info without secrets", func(t *testing.T) {
		var hits atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/api/v4/sessions" {
				hardSessionAnswer(w, "alice", "usertok-alice-LOGSECRET", 30*24*time.Hour)
				return
			}
			if hits.Add(1)%3 != 0 {
				hardJSON(w, 503, `{"code":500000,"message":"busy"}`)
				return
			}
			hardJSON(w, 200, hardUserBody("u1"))
		}))
		defer srv.Close()
		var out testkit.SyncBuffer
		for _, h := range []slog.Handler{
			slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelInfo}),
			slog.NewJSONHandler(&out, &slog.HandlerOptions{Level: slog.LevelDebug}),
		} {
			c := hardClient(t, srv.URL, amity.WithLogger(slog.New(h)))
			require.NoError(t, hardGetUser(ctx, c, "u1"))
			alice, err := c.AsUser("alice")
			require.NoError(t, err)
			require.NoError(t, hardGetUser(ctx, alice, "u1"))
		}
		log := out.String()
		assert.Contains(t, log, "amity retry")
		for _, sec := range []string{hardAdmin, hardKey, "LOGSECRET"} {
			assert.NotContains(t, log, sec)
		}
	})
}

// Per-call options: headers, the answer, retries and timeouts of one call.
func TestHardeningCallOptions(t *testing.T) {
	ctx := context.Background()
	type seen struct {
		header http.Header
		path   string
	}
	var mu sync.Mutex
	var arrivals []seen
	status := atomic.Int32{}
	status.Store(200)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body) // so that the server notices a client that gave up
		mu.Lock()
		arrivals = append(arrivals, seen{r.Header.Clone(), r.URL.Path})
		mu.Unlock()
		w.Header().Set("X-Request-Id", "req-42")
		w.Header().Set("X-Custom", "yes")
		switch st := int(status.Load()); st {
		case 200:
			if r.URL.Path == "/api/v4/authentication/token" {
				w.Header().Set("Content-Type", "text/plain")
				_, _ = io.WriteString(w, "authtok")
				return
			}
			hardJSON(w, 200, hardUserBody("u1"))
		case 299: // slow
			select {
			case <-r.Context().Done():
			case <-time.After(3 * time.Second):
			}
			hardJSON(w, 200, hardUserBody("u1"))
		default:
			hardJSON(w, st, `{"status":"error","code":400300,"message":"nope"}`)
		}
	}))
	defer srv.Close()
	reset := func(st int) {
		mu.Lock()
		arrivals = nil
		mu.Unlock()
		status.Store(int32(st))
	}
	count := func() int { mu.Lock(); defer mu.Unlock(); return len(arrivals) }
	c := hardClient(t, srv.URL, amity.WithServerKey(hardServerKey), amity.WithoutRateLimit())

	t.Run("WithCallHeader reaches the server", func(t *testing.T) {
		reset(200)
		_, err := hardAuthToken(ctx, c, "alice", amity.WithCallHeader("X-Trace-Id", "trace-1"), amity.WithCallHeader("x-tenant", "t9"))
		require.NoError(t, err)
		mu.Lock()
		defer mu.Unlock()
		require.Len(t, arrivals, 1)
		assert.Equal(t, "trace-1", arrivals[0].header.Get("X-Trace-Id"))
		assert.Equal(t, "t9", arrivals[0].header.Get("X-Tenant"))
		assert.Equal(t, hardServerKey, arrivals[0].header.Get("X-Server-Key"))
	})
	t.Run("reserved and malformed headers refused before sending", func(t *testing.T) {
		reset(200)
		for _, h := range []string{"Authorization", "authorization", "X-API-Key", "x-server-key", "Cookie", "Content-Type",
			"Content-Length", "Host", "Transfer-Encoding", "", "X-A B", "X-A:B", "X-Ok\r\nX-Evil"} {
			_, err := hardAuthToken(ctx, c, "alice", amity.WithCallHeader(h, "v"))
			assert.ErrorIs(t, err, amity.ErrInvalidArgument, "%q", h)
		}
		_, err := hardAuthToken(ctx, c, "alice", amity.WithCallHeader("X-Ok", "a\r\nX-Evil: 1"))
		assert.ErrorIs(t, err, amity.ErrInvalidArgument)
		for _, o := range []amity.CallOption{amity.WithCallRetries(-1), amity.WithCallTimeout(0), amity.WithCallResponse(nil)} {
			_, err := hardAuthToken(ctx, c, "alice", o)
			assert.ErrorIs(t, err, amity.ErrInvalidArgument)
		}
		assert.Zero(t, count(), "nothing sent")
	})
	t.Run("WithCallResponse on success and on an API error", func(t *testing.T) {
		reset(200)
		var resp *http.Response
		_, err := hardAuthToken(ctx, c, "alice", amity.WithCallResponse(&resp))
		require.NoError(t, err)
		require.NotNil(t, resp)
		assert.Equal(t, 200, resp.StatusCode)
		assert.Equal(t, "yes", resp.Header.Get("X-Custom"))
		reset(403)
		resp = nil
		_, err = hardAuthToken(ctx, c, "alice", amity.WithCallResponse(&resp))
		require.ErrorIs(t, err, amity.ErrForbidden)
		require.NotNil(t, resp)
		assert.Equal(t, 403, resp.StatusCode)
		assert.Equal(t, "req-42", resp.Header.Get("X-Request-Id"))
		var e *amity.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, "req-42", e.RequestID)
	})
	t.Run("WithCallRetries on a 429 write (rejected unprocessed, so retried)", func(t *testing.T) {
		for retries, want := range map[int]int{0: 1, 2: 3} {
			reset(429)
			_, err := hardAuthToken(ctx, c, "alice", amity.WithCallRetries(retries))
			require.ErrorIs(t, err, amity.ErrRateLimited)
			assert.Equal(t, want, count(), "WithCallRetries(%d)", retries)
		}
	})
	t.Run("WithCallRetries on a 503 read", func(t *testing.T) {
		for retries, want := range map[int]int{0: 1, 2: 3} {
			reset(503)
			err := hardGetUserOpts(ctx, c, "u1", amity.WithCallRetries(retries))
			require.Error(t, err)
			assert.Equal(t, want, count(), "WithCallRetries(%d)", retries)
		}
	})
	t.Run("WithCallTimeout bounds a slow call", func(t *testing.T) {
		reset(299)
		start := time.Now()
		_, err := hardAuthToken(ctx, c, "alice", amity.WithCallTimeout(200*time.Millisecond))
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Less(t, time.Since(start), 2*time.Second)
	})
	t.Run("RequestID from X-Request-Id", func(t *testing.T) {
		reset(500)
		err := hardGetUser(ctx, hardClient(t, srv.URL, amity.WithMaxRetries(0)), "u1")
		var e *amity.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, "req-42", e.RequestID)
	})
}
