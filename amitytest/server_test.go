package amitytest

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaults(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	assert.True(t, strings.HasPrefix(srv.URL(), "http://127.0.0.1:"))
	assert.Equal(t, "amitytest-admin-token", srv.AdminToken())
	assert.Equal(t, "amitytest-api-key", srv.APIKey())
	assert.Equal(t, "", srv.ServerKey())

	custom := newServer(t, WithAdminToken("adm"), WithAPIKey("key"), WithServerKey("srv"))
	assert.Equal(t, "adm", custom.AdminToken())
	assert.Equal(t, "key", custom.APIKey())
	assert.Equal(t, "srv", custom.ServerKey())
	ok(t, call(t, custom, "adm", "GET", "/api/v3/sessions", nil))
}

func TestAuthAdminAndMissingToken(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	m := ok(t, call(t, srv, srv.AdminToken(), "GET", "/api/v3/sessions", nil))
	assert.NotEmpty(t, m["lastCachePurge"])

	for _, tok := range []string{"", "nope"} {
		r := call(t, srv, tok, "GET", "/api/v3/users", nil)
		r.isError(t, http.StatusUnauthorized, 400100)
	}
	// x-admin-token is accepted as well.
	r := call(t, srv, "", "GET", "/api/v3/users", nil, "x-admin-token", srv.AdminToken())
	assert.Equal(t, http.StatusOK, r.status)
	// Unknown routes get the spec's error body.
	r = call(t, srv, srv.AdminToken(), "GET", "/api/v9/nothing", nil)
	r.isError(t, http.StatusNotFound, 400400)
}

func TestRateLimit(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithRateLimit(3, 5*time.Second), WithClock(clock.Now))
	alice := srv.UserToken("alice")
	for i := 0; i < 3; i++ {
		ok(t, call(t, srv, alice, "GET", "/api/v3/users/alice", nil))
	}
	r := call(t, srv, alice, "GET", "/api/v3/users/alice", nil)
	require.Equal(t, http.StatusTooManyRequests, r.status)
	m := r.obj(t)
	assert.Equal(t, float64(400311), m["code"])
	assert.Equal(t, "RateLimit Exceed.", m["message"])

	// Other identities have their own budget.
	ok(t, call(t, srv, srv.AdminToken(), "GET", "/api/v3/users/alice", nil))

	// The window slides.
	clock.Advance(5*time.Second + time.Millisecond)
	ok(t, call(t, srv, alice, "GET", "/api/v3/users/alice", nil))

	// It can be switched off.
	srv.SetRateLimitEnabled(false)
	for i := 0; i < 10; i++ {
		ok(t, call(t, srv, alice, "GET", "/api/v3/users/alice", nil))
	}
	srv.SetRateLimitEnabled(true)

	unlimited := newServer(t, WithoutRateLimit())
	tok := unlimited.UserToken("u")
	for i := 0; i < 120; i++ {
		require.Equal(t, http.StatusOK, call(t, unlimited, tok, "GET", "/api/v3/sessions", nil).status)
	}
}

func TestDefaultRateLimitIs100Per5s(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	tok := srv.UserToken("busy")
	for i := 0; i < 100; i++ {
		require.Equal(t, http.StatusOK, call(t, srv, tok, "GET", "/api/v3/sessions", nil).status)
	}
	assert.Equal(t, http.StatusTooManyRequests, call(t, srv, tok, "GET", "/api/v3/sessions", nil).status)
}

func TestFailNext(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.FailNext(2, http.StatusTooManyRequests)
	for i := 0; i < 2; i++ {
		r := call(t, srv, srv.AdminToken(), "GET", "/api/v3/users", nil)
		r.isError(t, http.StatusTooManyRequests, 400311)
	}
	ok(t, call(t, srv, srv.AdminToken(), "GET", "/api/v3/users", nil))

	for status, code := range map[int]int{500: 500000, 503: 500000, 404: 400400, 403: 400300, 401: 400100, 400: 400000} {
		srv.FailNext(1, status)
		r := call(t, srv, srv.AdminToken(), "GET", "/api/v3/users", nil)
		r.isError(t, status, code)
	}
}

func TestDropNext(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.DropNext(1)
	req, err := http.NewRequest("GET", srv.URL()+"/api/v3/sessions", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+srv.AdminToken())
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	_, err = client.Do(req)
	require.Error(t, err)
	ok(t, call(t, srv, srv.AdminToken(), "GET", "/api/v3/sessions", nil))

	// At the connection level nothing comes back.
	srv.DropNext(1)
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL(), "http://"))
	require.NoError(t, err)
	defer conn.Close()
	_, err = io.WriteString(conn, "GET /api/v3/sessions HTTP/1.1\r\nHost: x\r\n\r\n")
	require.NoError(t, err)
	_, err = bufio.NewReader(conn).ReadByte()
	assert.Error(t, err)
}

func TestMalformedNext(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.MalformedNext(1)
	r := call(t, srv, srv.AdminToken(), "GET", "/api/v3/users", nil)
	assert.Equal(t, http.StatusOK, r.status)
	var v any
	assert.Error(t, jsonUnmarshal(r.body, &v))
	ok(t, call(t, srv, srv.AdminToken(), "GET", "/api/v3/users", nil))
}

func TestSetDelay(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	srv.SetDelay(time.Second)
	start := time.Now()
	ok(t, call(t, srv, srv.AdminToken(), "GET", "/api/v3/sessions", nil))
	assert.GreaterOrEqual(t, time.Since(start), time.Second)

	// A client timeout shorter than the delay fails.
	client := &http.Client{Timeout: 30 * time.Millisecond}
	req, _ := http.NewRequest("GET", srv.URL()+"/api/v3/sessions", nil)
	req.Header.Set("Authorization", "Bearer "+srv.AdminToken())
	_, err := client.Do(req)
	assert.Error(t, err)

	srv.SetDelay(0)
	start = time.Now()
	ok(t, call(t, srv, srv.AdminToken(), "GET", "/api/v3/sessions", nil))
	assert.Less(t, time.Since(start), time.Second, "the delay is gone")
}

func TestRequestsRecorded(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	tok := srv.UserToken("rec")
	call(t, srv, srv.AdminToken(), "GET", "/api/v3/users?keyword=re&options[limit]=5", nil)
	call(t, srv, tok, "GET", "/api/v3/users/rec", nil)
	call(t, srv, "", "GET", "/api/v3/users", nil)
	reqs := srv.Requests()
	require.Len(t, reqs, 3)
	assert.Equal(t, 3, srv.RequestCount())
	assert.Equal(t, RecordedRequest{Method: "GET", Path: "/api/v3/users", RawQuery: "keyword=re&options[limit]=5", Identity: "admin"}, reqs[0])
	assert.Equal(t, "rec", reqs[1].Identity)
	assert.Equal(t, "/api/v3/users/rec", reqs[1].Path)
	assert.Equal(t, "", reqs[2].Identity)
}

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	srv := newServer(t, WithoutRateLimit())
	srv.Seed(SeedOptions{Users: 5, Communities: 1, PostsPerCommunity: 2, Channels: 1, MessagesPerChannel: 3})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			id := fmt.Sprintf("worker-%d", i)
			tok := srv.UserToken(id)
			for j := 0; j < 10; j++ {
				assert.Equal(t, http.StatusOK, call(t, srv, tok, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "hi"}}).status)
				assert.Equal(t, http.StatusOK, call(t, srv, tok, "GET", "/api/v3/user-feeds/"+id, nil).status)
			}
			srv.FailNext(0, 500)
			_ = srv.Requests()
		}(i)
	}
	wg.Wait()
	assert.GreaterOrEqual(t, srv.RequestCount(), 160)
}
