package amity_test

// Views of a client acting as a user (AsUser): the session each registers, shared by the
// goroutines and views of one user, renewed before it expires, and in secure mode.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRegisterSessionBody(t *testing.T) {
	c, mt := mockClient(t, amity.WithServerKey(serverKey))
	mt.RegisterResponder("POST", "https://api.test/api/v4/authentication/token", jsonResponder(200, `"auth-tok-9"`))
	rec := record(t, mt, "POST", "/api/v5/sessions", `{"accessToken":"acc","expiresAt":"2999-01-01T00:00:00Z"}`)
	mt.RegisterResponder("GET", "https://api.test/api/v3/sessions", jsonResponder(200, `{"lastCachePurge":"2024-01-01"}`))
	u, err := c.AsUser("alice", amity.WithDeviceID("worker-7"), amity.WithDisplayName("Alice"))
	require.NoError(t, err)
	st, err := u.Sessions.GetStatus(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "2024-01-01", st.LastCachePurge)
	var body map[string]any
	require.NoError(t, json.Unmarshal([]byte(rec.only(t).Body), &body))
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
		case "/api/v5/sessions":
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

// aliceOn serves ss and returns a client with the API key and its view acting as alice.
func aliceOn(t *testing.T, ss *sessionServer) (c, alice *amity.Client) {
	srv := httptest.NewServer(ss.handler(t))
	t.Cleanup(srv.Close)
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL), amity.WithAPIKey(apiKey))
	require.NoError(t, err)
	alice, err = c.AsUser("alice")
	require.NoError(t, err)
	return c, alice
}

func TestAsUserOneRegistrationForManyGoroutines(t *testing.T) {
	t.Run("expiring token", func(t *testing.T) {
		// A token that lives about 2 s is renewed a tenth of its lifetime before it expires.
		exp := time.Now().Add(3 * time.Second).Truncate(time.Second)
		ss := &sessionServer{firstExp: exp.UTC().Format(time.RFC3339)}
		c, u := aliceOn(t, ss)
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
		_, u := aliceOn(t, ss)
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

// A token of 10 minutes is renewed a minute before it expires, not on every call.
func TestAsUserShortLivedTokenRegistersOnce(t *testing.T) {
	var regs, calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/v5/sessions" {
			regs.Add(1)
			writeSession(w, "alice", "tok-alice", 10*time.Minute)
			return
		}
		calls.Add(1)
		writeJSON(w, 200, userAnswer("u1"))
	}))
	defer srv.Close()
	alice, err := serverClient(t, srv.URL).AsUser("alice")
	require.NoError(t, err)
	for range 10 {
		require.NoError(t, getUser(context.Background(), alice, "u1"))
	}
	assert.Equal(t, int32(1), regs.Load())
	assert.Equal(t, int32(10), calls.Load())
}

// Two Clients (two processes) acting as the same user get different device IDs, so neither
// invalidates the other's token: two registrations, no loop.
func TestAsUserTwoProcessesSameUser(t *testing.T) {
	var mu sync.Mutex
	current := map[string]string{} // device → its one valid token, as the API does
	devices := map[string]bool{}
	var regs, unauthorized atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.URL.Path == "/api/v5/sessions" {
			var reg registration
			_ = json.NewDecoder(r.Body).Decode(&reg)
			n := regs.Add(1)
			devices[reg.DeviceID] = true
			tok := fmt.Sprintf("tok-%s-%d", reg.UserID, n)
			current[reg.DeviceID] = tok // a new session on the device replaces the old token
			writeSession(w, reg.UserID, tok, 30*24*time.Hour)
			return
		}
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		for _, valid := range current {
			if tok == valid {
				writeJSON(w, 200, userAnswer("u1"))
				return
			}
		}
		unauthorized.Add(1)
		writeJSON(w, 401, `{"status":"error","code":400100,"message":"Unauthorized"}`)
	}))
	defer srv.Close()
	var views []*amity.Client
	for range 2 {
		v, err := serverClient(t, srv.URL).AsUser("alice")
		require.NoError(t, err)
		views = append(views, v)
	}
	for i := range 10 {
		require.NoError(t, getUser(context.Background(), views[i%2], "u1"), "call %d", i)
	}
	assert.Equal(t, int32(2), regs.Load(), "one registration per process")
	assert.Len(t, devices, 2, "two distinct default device IDs")
	assert.Zero(t, unauthorized.Load())
	for d := range devices {
		assert.True(t, strings.HasPrefix(d, "amity-go-"), d)
	}
}

// CreateAuthToken asks for text/plain, so a strict server (406 otherwise) works, and so
// does AsUser in secure mode.
func TestAuthTokenAcceptsTextPlain(t *testing.T) {
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
			if r.Header.Get("X-Server-Key") != leakServerKey {
				writeJSON(w, 403, `{"status":"error","code":400300,"message":"Forbidden"}`)
				return
			}
			w.Header().Set("Content-Type", "text/plain")
			_, _ = io.WriteString(w, "authtok-for-alice-7f3")
		case "/api/v5/sessions":
			var reg registration
			_ = json.NewDecoder(r.Body).Decode(&reg)
			if reg.AuthToken != "authtok-for-alice-7f3" {
				writeJSON(w, 403, `{"status":"error","code":400300,"message":"secure mode: bad auth token"}`)
				return
			}
			writeSession(w, reg.UserID, "tok-alice", 30*24*time.Hour)
		default:
			if r.Header.Get("Authorization") != "Bearer tok-alice" {
				writeJSON(w, 401, `{"status":"error","code":400100,"message":"Unauthorized"}`)
				return
			}
			writeJSON(w, 200, userAnswer("u1"))
		}
	}))
	defer srv.Close()
	c := serverClient(t, srv.URL, amity.WithServerKey(leakServerKey))
	tok, err := createAuthToken(context.Background(), c, "alice")
	require.NoError(t, err)
	assert.Equal(t, "authtok-for-alice-7f3", string(tok))
	alice, err := c.AsUser("alice")
	require.NoError(t, err)
	require.NoError(t, getUser(context.Background(), alice, "u1"))
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, []string{"text/plain", "text/plain"}, accepts)
}
