package amity_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewClientErrors(t *testing.T) {
	cases := map[string][]amity.Option{
		"unknown region":    {amity.WithRegion("mars"), amity.WithAdminToken("t")},
		"no endpoint":       {amity.WithAdminToken("t")},
		"malformed base":    {amity.WithBaseURL("://nope"), amity.WithAdminToken("t")},
		"relative base":     {amity.WithBaseURL("/api"), amity.WithAdminToken("t")},
		"ftp base":          {amity.WithBaseURL("ftp://host"), amity.WithAdminToken("t")},
		"base with query":   {amity.WithBaseURL("https://host/?a=b"), amity.WithAdminToken("t")},
		"no credential":     {amity.WithRegion(amity.RegionEU)},
		"negative retries":  {amity.WithRegion(amity.RegionEU), amity.WithAdminToken("t"), amity.WithMaxRetries(-1)},
		"bad rate limit":    {amity.WithRegion(amity.RegionEU), amity.WithAdminToken("t"), amity.WithRateLimit(0, time.Second)},
		"inverted backoffs": {amity.WithRegion(amity.RegionEU), amity.WithAdminToken("t"), amity.WithRetryWait(time.Second, time.Millisecond)},
	}
	for name, opts := range cases {
		t.Run(name, func(t *testing.T) {
			c, err := amity.NewClient(opts...)
			assert.Error(t, err)
			assert.Nil(t, c)
		})
	}
}

func TestRegionURLs(t *testing.T) {
	cases := map[amity.Region]string{
		amity.RegionUS: "https://apix.us.amity.co", "us-east-1": "https://apix.us.amity.co",
		amity.RegionEU: "https://apix.eu.amity.co", "eu-central-1": "https://apix.eu.amity.co",
		amity.RegionSG: "https://apix.sg.amity.co", "ap-southeast-1": "https://apix.sg.amity.co", "EU": "https://apix.eu.amity.co",
	}
	for region, want := range cases {
		mt := httpmock.NewMockTransport()
		mt.RegisterResponder("GET", want+"/api/v3/users/u1", jsonResponder(200, `{"users":[{"userId":"u1"}]}`))
		c, err := amity.NewClient(amity.WithRegion(region), amity.WithAdminToken("t"), amity.WithHTTPClient(&http.Client{Transport: mt}))
		require.NoError(t, err, region)
		u, err := c.Users.Get(context.Background(), "u1")
		require.NoError(t, err, region)
		assert.Equal(t, "u1", u.User().UserID)
		assert.Equal(t, 1, mt.GetTotalCallCount(), region)
		got, err := region.BaseURL()
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
}

func TestAuthHeaders(t *testing.T) {
	c, mt := mockClient(t, amity.WithServerKey(serverKey), amity.WithUserAgent("moderation-bot/2"))
	var mu sync.Mutex
	headers := map[string]http.Header{}
	record := func(status int, body, ctype string) httpmock.Responder {
		return func(r *http.Request) (*http.Response, error) {
			mu.Lock()
			headers[r.Method+" "+r.URL.Path] = r.Header.Clone()
			mu.Unlock()
			resp := httpmock.NewStringResponse(status, body)
			resp.Header.Set("Content-Type", ctype)
			return resp, nil
		}
	}
	mt.RegisterResponder("GET", "https://api.test/api/v3/users/u1", record(200, `{"users":[{"userId":"u1"}]}`, "application/json"))
	mt.RegisterResponder("POST", "https://api.test/api/v4/authentication/token", record(200, "auth-tok-1", "text/plain"))
	mt.RegisterResponder("POST", "https://api.test/api/v4/sessions", record(200, `{"accessToken":"user-access-1","expiresAt":"2999-01-01T00:00:00Z","users":[{"userId":"u2"}]}`, "application/json"))
	mt.RegisterResponder("GET", "https://api.test/api/v3/users/u3", record(200, `{"users":[{"userId":"u3"}]}`, "application/json"))
	ctx := context.Background()

	_, err := c.Users.Get(ctx, "u1")
	require.NoError(t, err)
	h := headers["GET /api/v3/users/u1"]
	assert.Equal(t, "Bearer "+adminToken, h.Get("Authorization"))
	assert.Empty(t, h.Get("X-API-Key"))
	assert.Empty(t, h.Get("X-Server-Key"))
	assert.Equal(t, "moderation-bot/2 amity-go/"+amity.Version, h.Get("User-Agent"))

	u2, err := c.AsUser("u2", amity.WithDeviceID("dev-1"))
	require.NoError(t, err)
	_, err = u2.Users.Get(ctx, "u3")
	require.NoError(t, err)

	h = headers["POST /api/v4/authentication/token"]
	assert.Equal(t, serverKey, h.Get("X-Server-Key"))
	assert.Empty(t, h.Get("Authorization"), "auth token call must not carry the admin token")
	assert.Empty(t, h.Get("X-API-Key"))

	h = headers["POST /api/v4/sessions"]
	assert.Equal(t, apiKey, h.Get("X-API-Key"))
	assert.Empty(t, h.Get("Authorization"))
	assert.Empty(t, h.Get("X-Server-Key"))

	h = headers["GET /api/v3/users/u3"]
	assert.Equal(t, "Bearer user-access-1", h.Get("Authorization"))
	assert.Empty(t, h.Get("X-API-Key"))
}

func TestRegisterSessionBody(t *testing.T) {
	c, mt := mockClient(t, amity.WithServerKey(serverKey))
	var body map[string]any
	mt.RegisterResponder("POST", "https://api.test/api/v4/authentication/token", jsonResponder(200, `"auth-tok-9"`))
	mt.RegisterResponder("POST", "https://api.test/api/v4/sessions", func(r *http.Request) (*http.Response, error) {
		require.NoError(t, json.NewDecoder(r.Body).Decode(&body))
		return httpmock.NewStringResponse(200, `{"accessToken":"acc","expiresAt":"2999-01-01T00:00:00Z"}`), nil
	})
	mt.RegisterResponder("GET", "https://api.test/api/v3/sessions", jsonResponder(200, `{"lastCachePurge":"2024-01-01"}`))
	u, err := c.AsUser("alice", amity.WithDeviceID("worker-7"), amity.WithDisplayName("Alice"))
	require.NoError(t, err)
	st, err := u.Sessions.GetStatus(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "2024-01-01", st.LastCachePurge)
	assert.Equal(t, map[string]any{"userId": "alice", "deviceId": "worker-7", "displayName": "Alice", "authToken": "auth-tok-9"}, body)
}

// sessionServer counts registrations and hands out numbered tokens; tokens before
// validFrom are answered 401.
type sessionServer struct {
	regs      atomic.Int32
	calls     atomic.Int32
	firstExp  string
	validFrom atomic.Int32
}

func (s *sessionServer) handler(t *testing.T) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v4/sessions":
			n := s.regs.Add(1)
			exp := "2999-01-01T00:00:00Z"
			if n == 1 && s.firstExp != "" {
				exp = s.firstExp
			}
			time.Sleep(20 * time.Millisecond) // let the waiters pile up
			fmt.Fprintf(w, `{"accessToken":"tok-%d","expiresAt":%q}`, n, exp)
		default:
			s.calls.Add(1)
			var n int32
			fmt.Sscanf(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer tok-"), "%d", &n)
			if n < s.validFrom.Load() {
				w.WriteHeader(401)
				fmt.Fprint(w, `{"status":"error","code":400100,"message":"Unauthorized"}`)
				return
			}
			fmt.Fprint(w, `{"users":[{"userId":"x"}]}`)
		}
	})
}

func hammer(t *testing.T, c *amity.Client, n int) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Users.Get(context.Background(), "x")
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
}

func TestAsUserOneRegistrationForManyGoroutines(t *testing.T) {
	t.Run("expiring token", func(t *testing.T) {
		// A token that lives about 2 s is renewed a tenth of its lifetime before it expires.
		exp := time.Now().Add(3 * time.Second).Truncate(time.Second)
		ss := &sessionServer{firstExp: exp.UTC().Format(time.RFC3339)}
		srv := httptest.NewServer(ss.handler(t))
		defer srv.Close()
		c, err := amity.NewClient(amity.WithBaseURL(srv.URL), amity.WithAPIKey(apiKey))
		require.NoError(t, err)
		u, err := c.AsUser("alice")
		require.NoError(t, err)
		hammer(t, u, 1) // registers tok-1
		require.EqualValues(t, 1, ss.regs.Load())
		hammer(t, u, 8)
		require.EqualValues(t, 1, ss.regs.Load(), "a token far from its expiry is reused")
		time.Sleep(time.Until(exp)) // tok-1 is now within its renewal margin
		hammer(t, u, 64)
		assert.EqualValues(t, 2, ss.regs.Load(), "64 goroutines on an expiring token must cause exactly one registration")
		// A second view of the same user shares the session.
		u2, err := c.AsUser("alice")
		require.NoError(t, err)
		hammer(t, u2, 8)
		assert.EqualValues(t, 2, ss.regs.Load())
	})
	t.Run("token invalidated server-side", func(t *testing.T) {
		ss := &sessionServer{}
		srv := httptest.NewServer(ss.handler(t))
		defer srv.Close()
		c, err := amity.NewClient(amity.WithBaseURL(srv.URL), amity.WithAPIKey(apiKey))
		require.NoError(t, err)
		u, err := c.AsUser("alice")
		require.NoError(t, err)
		hammer(t, u, 1)
		ss.validFrom.Store(2) // tok-1 is now refused with 401
		hammer(t, u, 64)
		assert.EqualValues(t, 2, ss.regs.Load(), "64 goroutines getting 401 must cause exactly one re-registration")
	})
}

func TestAsUserValidation(t *testing.T) {
	c, mt := mockClient(t)
	for _, bad := range []string{"", "  ", strings.Repeat("x", 51)} {
		_, err := c.AsUser(bad)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	}
	_, err := c.AsUser("ok", amity.WithDeviceID(""))
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	noKey, err := amity.NewClient(amity.WithRegion(amity.RegionUS), amity.WithAdminToken("t"))
	require.NoError(t, err)
	_, err = noKey.AsUser("ok")
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	assert.Zero(t, mt.GetTotalCallCount())
}

func TestBadIDsSendNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	for _, bad := range []string{"", " ", "\t", ".", ".."} {
		_, err := c.Users.Get(ctx, bad)
		assertInvalid(t, err, "userID", "%q", bad)
	}
	_, err := c.Users.GetMany(ctx, nil)
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	_, err = c.Users.GetMany(ctx, &amity.GetManyUsersParams{UserIDs: []string{"a", ""}})
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	_, err = c.Users.Update(ctx, &amity.UpdateUserParams{})
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	_, err = c.Users.Update(ctx, &amity.UpdateUserParams{UserID: "u", DisplayName: amity.Ptr(strings.Repeat("n", 101))})
	assert.ErrorContains(t, err, "DisplayName")
	_, err = c.Users.Update(ctx, nil)
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	_, err = c.Users.ListPage(ctx, &amity.ListUsersParams{PageParams: amity.PageParams{Limit: 101}})
	assert.ErrorContains(t, err, "Limit")
	for range c.Users.List(ctx, &amity.ListUsersParams{PageParams: amity.PageParams{PageToken: "a\nb"}}) {
	}
	_, err = c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: "u"})
	assert.ErrorContains(t, err, "DeviceID")
	//nolint:staticcheck // a nil context is refused, not sent
	_, err = c.Users.Get(nil, "u") //lint:ignore SA1012 testing the nil-context guard
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestIDsArePathEscaped(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "/api/v3/users/a%2F..%2Fb%3Fx%23y", r.URL.RawPath)
		assert.Equal(t, "/api/v3/users/a/../b?x#y", r.URL.Path)
		assert.Empty(t, r.URL.RawQuery)
		fmt.Fprint(w, `{"users":[{"userId":"a/../b?x#y"}]}`)
	}))
	defer srv.Close()
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL+"/"), amity.WithAdminToken("t"))
	require.NoError(t, err)
	u, err := c.Users.Get(context.Background(), "a/../b?x#y")
	require.NoError(t, err)
	assert.Equal(t, "a/../b?x#y", u.User().UserID)
}

func TestCrossHostRedirectRefused(t *testing.T) {
	var leaked atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked.Add(1)
		fmt.Fprint(w, `{"users":[{"userId":"evil"}]}`)
	}))
	defer other.Close()
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v3/users/same":
			http.Redirect(w, r, "/api/v3/users/moved", http.StatusFound)
		case "/api/v3/users/moved":
			assert.Equal(t, "Bearer "+adminToken, r.Header.Get("Authorization"))
			fmt.Fprint(w, `{"users":[{"userId":"moved"}]}`)
		default: // another port on the same host is another origin
			http.Redirect(w, r, other.URL+"/steal", http.StatusTemporaryRedirect)
		}
	}))
	defer api.Close()
	c, err := amity.NewClient(amity.WithBaseURL(api.URL), amity.WithAdminToken(adminToken), amity.WithAPIKey(apiKey))
	require.NoError(t, err)
	ctx := context.Background()
	u, err := c.Users.Get(ctx, "same")
	require.NoError(t, err, "a redirect within the API's origin is followed")
	assert.Equal(t, "moved", u.User().UserID)
	_, err = c.Users.Get(ctx, "elsewhere")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "refused redirect")
	_, err = c.Users.ListPage(ctx, nil) // also for calls carrying X-API-Key
	require.Error(t, err)
	assert.Zero(t, leaked.Load(), "no request may reach another host")
}

func TestNoSecretInErrorsLogsOrFormatting(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v4/authentication/token":
			fmt.Fprint(w, "auth-SECRET-tok")
		case "/api/v4/sessions":
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

func TestWithHTTPClientNotMutated(t *testing.T) {
	hc := &http.Client{Timeout: time.Second}
	_, err := amity.NewClient(amity.WithRegion(amity.RegionUS), amity.WithAdminToken("t"), amity.WithHTTPClient(hc))
	require.NoError(t, err)
	assert.Nil(t, hc.Transport)
	assert.Nil(t, hc.CheckRedirect)
}

// listenAndClose returns the address of a port nobody listens on.
func deadAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	l.Close()
	return addr
}

var _ = errors.Is
