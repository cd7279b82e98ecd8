package webhook_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/amity-go/amity/webhook"
)

// slowPost sends a POST of body to addr with its headers at once and its body one byte per
// interval, and returns the answer's status, or the error once wait passed without one.
func slowPost(addr string, body []byte, header map[string]string, interval, wait time.Duration) (int, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	var head strings.Builder
	fmt.Fprintf(&head, "POST /hook HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: %d\r\n", len(body))
	for k, v := range header {
		fmt.Fprintf(&head, "%s: %s\r\n", k, v)
	}
	head.WriteString("\r\n")
	if _, err := conn.Write([]byte(head.String())); err != nil {
		return 0, err
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for i := range body {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			if _, err := conn.Write(body[i : i+1]); err != nil {
				return // answered and closed
			}
		}
	}()
	_ = conn.SetReadDeadline(time.Now().Add(wait))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// slowPosts runs n slowPost at once and fails the test unless each is answered 408.
func slowPosts(t *testing.T, addr string, n int, body []byte, header map[string]string) {
	t.Helper()
	var wg sync.WaitGroup
	results := make([]string, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A byte per 100 ms: the body would take tens of seconds; the wait is generous.
			code, err := slowPost(addr, body, header, 100*time.Millisecond, 5*time.Second)
			if code != http.StatusRequestTimeout {
				results[i] = fmt.Sprintf("sender %d: %d %v", i, code, err)
			}
		}()
	}
	wg.Wait()
	failed := 0
	for _, r := range results {
		if r != "" {
			failed++
			t.Log(r)
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d slow senders were not answered 408", failed, n)
	}
}

// A body that trickles in is cut at the budget, on a server with no timeouts at all (like
// http.ListenAndServe): the handler sets the connection's read deadline itself.
func TestSlowBodyIsCutWithoutServerTimeouts(t *testing.T) {
	const budget = 300 * time.Millisecond
	body := []byte(postBody)
	t.Run("webhook", func(t *testing.T) {
		for _, mode := range [][]webhook.HandlerOption{nil, {webhook.WithSynchronous()}} {
			h := newHandler(t, append(mode, webhook.WithBudget(budget))...)
			srv := httptest.NewServer(h)
			slowPosts(t, srv.Listener.Addr().String(), 20, body, signed(body))
			// The connections of fast deliveries are kept alive past the deadline.
			client := srv.Client()
			for i := range 2 {
				if i > 0 {
					time.Sleep(budget + 100*time.Millisecond)
				}
				req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
				req.Header.Set(webhook.SignatureHeader, webhook.Sign(body, secret))
				resp, err := client.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("a fast delivery: %d", resp.StatusCode)
				}
			}
			srv.Close()
			if err := h.Close(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
	})
	t.Run("pre-hook", func(t *testing.T) {
		h := newPreHook(t, func(context.Context, *webhook.PreHookRequest) webhook.PreHookReply { return webhook.Allow() },
			webhook.WithPreHookDeadline(budget))
		srv := httptest.NewServer(h)
		defer srv.Close()
		b := preHookBody("p")
		slowPosts(t, srv.Listener.Addr().String(), 5, b, signed(b))
	})
}

// noUnwrap hides the connection from http.ResponseController, like an old middleware.
type noUnwrap struct{ http.ResponseWriter }

// Where the read deadline cannot be set, a body trickling in is cut all the same.
func TestSlowBodyIsCutBehindAWrapper(t *testing.T) {
	h := newHandler(t, webhook.WithBudget(300*time.Millisecond))
	defer h.Close(context.Background())
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(noUnwrap{w}, r)
	}))
	defer srv.Close()
	body := []byte(postBody)
	slowPosts(t, srv.Listener.Addr().String(), 5, body, signed(body))
}
