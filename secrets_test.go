package amity_test

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
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The secure-mode auth token travels in the body of the session registration: an error that
// echoes that body must not carry it.
func TestRegistrationErrorRedactsTheAuthToken(t *testing.T) {
	const authTok = "authtok-SECRET-Zx9Yw8Vu7T"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.URL.Path == "/api/v4/authentication/token" {
			w.Header().Set("Content-Type", "text/plain")
			_, _ = io.WriteString(w, authTok)
			return
		}
		writeJSON(w, http.StatusBadRequest, fmt.Sprintf(`{"status":"error","code":400000,"message":%q,"data":{"body":%s}}`, "bad request: "+string(body), body))
	}))
	defer srv.Close()
	c := serverClient(t, srv.URL, amity.WithServerKey(leakServerKey), amity.WithMaxRetries(0))
	alice, err := c.AsUser("alice")
	require.NoError(t, err)
	_, err = alice.Users.Get(context.Background(), "u1")
	require.Error(t, err)
	var e *amity.Error
	require.ErrorAs(t, err, &e)
	assert.NotContains(t, err.Error(), authTok)
	assert.NotContains(t, string(e.Data), authTok)
	assert.Contains(t, e.Message, "[redacted]", "the echo is there, redacted")

	// The same through Sessions.Register itself.
	_, err = c.Sessions.Register(context.Background(), &amity.RegisterSessionParams{UserID: "bob", DeviceID: "d1", AuthToken: authTok})
	require.ErrorAs(t, err, &e)
	assert.NotContains(t, err.Error(), authTok)
	assert.NotContains(t, string(e.Data), authTok)
}

// A credential JSON-escaped inside an error's data ("\u0068ard...") is redacted as the caller
// will read it, once Error.Data is decoded.
func TestErrorDataRedactsEscapedCredentials(t *testing.T) {
	escaped := jsonEscapeAll(leakAdminToken)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusBadRequest, `{"status":"error","code":400000,"message":"echo","data":{"auth":"Bearer `+escaped+`","list":["`+escaped+`"],"`+escaped+`":1}}`)
	}))
	defer srv.Close()
	_, err := serverClient(t, srv.URL, amity.WithMaxRetries(0)).Users.Get(context.Background(), "u1")
	var e *amity.Error
	require.ErrorAs(t, err, &e)
	var data any
	require.NoError(t, json.Unmarshal(e.Data, &data))
	decoded := fmt.Sprint(data)
	assert.NotContains(t, decoded, leakAdminToken, "decoded Error.Data")
	assert.Contains(t, decoded, "Bearer [redacted]")
	assert.NotContains(t, err.Error(), leakAdminToken)
}

// A view printed as a value (not a pointer), or inside a struct or slice as one, prints no
// credential with any verb.
func TestViewValuesFormatWithoutSecrets(t *testing.T) {
	srv := newEchoServer(t)
	c := serverClient(t, srv.URL, amity.WithServerKey(leakServerKey))
	alice, err := c.AsUser("alice")
	require.NoError(t, err)
	require.NoError(t, getUser(context.Background(), alice, "u1")) // the token is cached now
	type holder struct {
		Name string
		C    amity.Client
	}
	values := map[string]any{
		"user view value": *alice, "admin view value": *c, "value in a struct": holder{"h", *alice},
		"pointer to a struct of a value": &holder{"h", *alice}, "values in a slice": []amity.Client{*alice, *c},
		"value in a map": map[string]amity.Client{"a": *alice},
	}
	for name, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%t", "%d", "%x", "%X", "%p"} {
			out := fmt.Sprintf(verb, v)
			for _, sec := range []string{leakAdminToken, leakAPIKey, leakServerKey, "SECRET-Pq4Rs8Tu"} {
				if strings.Contains(out, sec) {
					t.Errorf("%s with %s prints a credential: %.300s", name, verb, out)
				}
			}
		}
	}
}

// echoServer registers sessions (token "usertok-<user>-SECRET-…") and echoes back what
// the test asks for in an error body.
type echoServer struct {
	*httptest.Server
	mu   sync.Mutex
	echo func(w http.ResponseWriter, r *http.Request) bool // answers instead, when it returns true
}

func newEchoServer(t *testing.T) *echoServer {
	s := &echoServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/api/v5/sessions" {
			var reg registration
			_ = json.NewDecoder(r.Body).Decode(&reg)
			writeSession(w, reg.UserID, "usertok-"+reg.UserID+"-SECRET-Pq4Rs8Tu", 30*24*time.Hour)
			return
		}
		s.mu.Lock()
		echo := s.echo
		s.mu.Unlock()
		if echo != nil && echo(w, r) {
			return
		}
		writeJSON(w, 200, userAnswer("u1"))
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *echoServer) setEcho(f func(w http.ResponseWriter, r *http.Request) bool) {
	s.mu.Lock()
	s.echo = f
	s.mu.Unlock()
}

// No credential leaves through fmt, slog, errors or error data.
func TestSecretsNeverLeak(t *testing.T) {
	ctx := context.Background()
	srv := newEchoServer(t)
	c := serverClient(t, srv.URL, amity.WithMaxRetries(0))
	alice, err := c.AsUser("alice")
	require.NoError(t, err)
	require.NoError(t, getUser(ctx, alice, "u1")) // registers: the token is cached now
	userTok := "usertok-alice-SECRET-Pq4Rs8Tu"
	secrets := []string{leakAdminToken, leakAPIKey, userTok, "SECRET-Pq4Rs8Tu"}
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
		echoed := fmt.Sprintf("admin %s key %s user %s", leakAdminToken, leakAPIKey, userTok)
		bodies := map[string]struct {
			status int
			ctype  string
			body   string
		}{
			"JSON message and data": {400, "application/json", fmt.Sprintf(`{"status":"error","code":400000,"message":%q,"data":{"echo":%q,"headers":{"authorization":"Bearer %s","x-api-key":%q}}}`, echoed, echoed, leakAdminToken, leakAPIKey)},
			"JSON with escapes":     {400, "application/json", `{"code":400000,"message":"` + jsonEscapeAll(echoed) + `"}`},
			"HTML page":             {502, "text/html", "<html><body><h1>Bad gateway</h1><p>" + echoed + "</p></body></html>"},
			"plain text":            {500, "text/plain", echoed},
			"bare JSON string":      {400, "application/json", strconv.Quote(echoed)},
			"200 status error":      {200, "application/json", fmt.Sprintf(`{"status":"error","code":400000,"message":%q,"data":{"echo":%q}}`, echoed, echoed)},
			// A credential right at the point where the message is cut must not leave a prefix.
			"long JSON message": {400, "application/json", fmt.Sprintf(`{"code":400000,"message":%q}`, strings.Repeat("m", 980)+" "+userTok)},
			"long HTML page":    {502, "text/html", "<p>" + strings.Repeat("h", 185) + " " + leakAdminToken + "</p>"},
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
					err := getUser(ctx, cl, "u1")
					var e *amity.Error
					require.ErrorAs(t, err, &e, view)
					noSecret(t, view+" err.Error()", err.Error())
					noSecret(t, view+" Error.Data", string(e.Data))
					noSecret(t, view+" Error.Message", e.Message)
					for _, sec := range []string{leakAdminToken, userTok} {
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

func TestNoSecretInErrorsLogsOrFormatting(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v4/authentication/token":
			fmt.Fprint(w, "auth-SECRET-tok")
		case "/api/v5/sessions":
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"accessToken":"access-SECRET-tok","refreshToken":"refresh-SECRET-tok","expiresAt":"2999-01-01T00:00:00Z"}`)
		default:
			w.WriteHeader(500)
			fmt.Fprint(w, `{"status":"error","code":500000,"message":"boom"}`)
		}
	}))
	defer srv.Close()
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL), amity.WithAdminToken(adminToken), amity.WithAPIKey(apiKey),
		amity.WithServerKey(serverKey), amity.WithLogger(logger), amity.WithRetryWait(time.Millisecond, time.Millisecond), amity.WithMaxRetries(1))
	require.NoError(t, err)
	ctx := context.Background()
	var texts []string
	_, err = c.Users.Get(ctx, "u1")
	require.Error(t, err)
	texts = append(texts, err.Error(), fmt.Sprintf("%v %+v %#v", err, err, err))
	u, err := c.AsUser("alice")
	require.NoError(t, err)
	_, err = u.Users.Get(ctx, "u1")
	require.Error(t, err)
	texts = append(texts, err.Error())
	sess, err := c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: "bob", DeviceID: "d"})
	require.NoError(t, err)
	assert.Equal(t, "access-SECRET-tok", string(sess.AccessToken))
	logger.Info("session", "s", sess, "v", *sess, "tok", sess.AccessToken, "p", amity.RegisterSessionParams{AuthToken: "x-SECRET"})
	for _, v := range []any{c, u, sess, *sess, sess.AccessToken} {
		texts = append(texts, fmt.Sprintf("%v|%+v|%#v|%s|%q|%x|%d", v, v, v, v, v, v, v))
	}
	// A failed dial, whose error text would name the URL.
	dead, err := amity.NewClient(amity.WithBaseURL("http://127.0.0.1:1"), amity.WithAdminToken(adminToken), amity.WithMaxRetries(0))
	require.NoError(t, err)
	_, err = dead.Users.Get(ctx, "u1")
	require.Error(t, err)
	texts = append(texts, err.Error())
	texts = append(texts, logs.String())
	require.NotEmpty(t, logs.String())
	all := strings.Join(texts, "\n")
	for _, secret := range []string{adminToken, apiKey, serverKey, "SECRET"} {
		assert.NotContains(t, all, secret)
	}
}
