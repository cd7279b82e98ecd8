package amity

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// instantTransport answers every request at once: sessions with a token per user, other
// calls with a user.
type instantTransport struct{}

func (instantTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	body := `{"users":[{"userId":"u1"}]}`
	if r.URL.Path == "/api/v5/sessions" {
		b, _ := io.ReadAll(r.Body)
		body = `{"accessToken":"tok-` + fmt.Sprint(len(b)) + strings.Repeat("x", 200) + `","expiresAt":"2999-01-01T00:00:00Z"}`
	}
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)), Request: r}, nil
}

// fakeClock is a settable clock for the transport.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// identitiesClient is a client on instantTransport and clock, with n user views that made one
// call each.
func identitiesClient(tb testing.TB, clock *fakeClock, n int) *Client {
	tb.Helper()
	c, err := NewClient(WithBaseURL("https://api.test"), WithAdminToken("admin-token"), WithAPIKey("api-key"),
		WithHTTPClient(&http.Client{Transport: instantTransport{}}), func(cfg *config) { cfg.now = clock.Now })
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; i < n; i++ {
		v, err := c.AsUser(fmt.Sprintf("user-%05d", i))
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := v.Users.Get(context.Background(), "u1"); err != nil {
			tb.Fatal(err)
		}
	}
	return c
}

// Identities that went idle cost nothing once the janitor ran: their limiter windows (idle
// after one window) and their sessions (unused for sessionIdle) are dropped, and a view of a
// dropped session registers again on its next call.
func TestJanitorDropsIdleIdentities(t *testing.T) {
	clock := &fakeClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	c := identitiesClient(t, clock, 300)
	wl := c.t.limiter.(*windowLimiter)
	if got := len(c.t.sessions); got != 300 {
		t.Fatalf("%d sessions, want 300", got)
	}
	if !c.t.janitorOn.Load() {
		t.Fatal("the janitor must run while there are windows and sessions")
	}
	clock.advance(10 * time.Second) // idle windows, fresh sessions
	c.t.sweep()
	if n := wl.l.Len(); n != 0 {
		t.Errorf("%d windows kept after they went idle", n)
	}
	if got := len(c.t.sessions); got != 300 {
		t.Errorf("sessions dropped too early: %d left", got)
	}
	keep, _ := c.AsUser("user-00007")
	clock.advance(sessionIdle - time.Minute)
	if _, err := keep.Users.Get(context.Background(), "u1"); err != nil { // used: stays
		t.Fatal(err)
	}
	clock.advance(2 * time.Minute)
	c.t.sweep()
	if got := len(c.t.sessions); got != 1 {
		t.Errorf("%d sessions left, want only the one in use", got)
	}
	clock.advance(sessionIdle)
	c.t.sweep()
	if got := len(c.t.sessions); got != 0 || c.t.janitorOn.Load() {
		t.Errorf("%d sessions left, janitor on %v: want none and the janitor stopped", got, c.t.janitorOn.Load())
	}
	// A view whose session was dropped registers again.
	if _, err := keep.Users.Get(context.Background(), "u1"); err != nil {
		t.Fatal(err)
	}
	if s := c.t.sessions[sessionKey{userID: "user-00007", deviceID: c.t.deviceID}]; s == nil || s.regs != 1 {
		t.Errorf("the view's session was not registered again: %+v", s)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if len(c.t.sessions) != 0 || c.t.janitor != nil {
		t.Error("Close must drop the sessions and stop the janitor")
	}
}

// BenchmarkIdleIdentities reports the heap 10,000 identities that made one call each hold
// while active, and once idle and swept.
func BenchmarkIdleIdentities(b *testing.B) {
	const n = 10000
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	for i := 0; i < b.N; i++ {
		clock := &fakeClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
		base := heap()
		c := identitiesClient(b, clock, n)
		active := heap()
		clock.advance(sessionIdle + time.Minute)
		c.t.sweep()
		idle := heap()
		b.ReportMetric(float64(active-base)/n, "B/active-identity")
		b.ReportMetric(float64(int64(idle)-int64(base))/n, "B/idle-identity")
		runtime.KeepAlive(c)
	}
}
