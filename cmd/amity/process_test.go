package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/webhook"
)

// receiver is a local webhook endpoint that accepts only deliveries webhook.ConstructEvent
// verifies, and records their event names.
type receiver struct {
	*httptest.Server
	mu       sync.Mutex
	events   []string
	rejected int
}

func newReceiver(t *testing.T, secret []byte) *receiver {
	rc := &receiver{}
	rc.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		_, err := webhook.ConstructEvent(body, r.Header.Get("x-amity-signature"), secret)
		var wire struct {
			Event string `json:"event"`
		}
		_ = json.Unmarshal(body, &wire)
		rc.mu.Lock()
		defer rc.mu.Unlock()
		if err != nil {
			rc.rejected++
			http.Error(w, "bad signature", http.StatusBadRequest)
			return
		}
		// The wire name: ConstructEvent names the v5 message events apart (EventV5MessageDidCreate).
		rc.events = append(rc.events, wire.Event)
	}))
	t.Cleanup(rc.Close)
	return rc
}

// has reports whether event was received, verified.
func (rc *receiver) has(event string) bool {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	for _, e := range rc.events {
		if e == event {
			return true
		}
	}
	return false
}

// built is the command, built once for the test package by buildAmity.
var built struct {
	once     sync.Once
	dir, bin string
	err      error
}

// buildAmity builds the command once for the test package (TestMain removes it).
func buildAmity(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "amity-cmd-test"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "amity")
		if runtime.GOOS == "windows" {
			built.bin += ".exe"
		}
		out, err := exec.Command("go", "build", "-o", built.bin, ".").CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		_ = os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// TestMockProcess is the "done when": amity mock as a real process, the SDK pointed
// at it across areas, amity trigger delivering verified signed events to a local receiver,
// a reset, and SIGTERM ending it with status 0 and nothing left listening.
func TestMockProcess(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGTERM")
	}
	bin := buildAmity(t)
	secret := []byte("process-test-secret")
	rc := newReceiver(t, secret)

	cmd := exec.Command(bin, "mock", "--addr", "127.0.0.1:0", "--json", "--seed", "../../testdata/mock_seed.json",
		"--webhook-url", rc.URL, "--webhook-secret", string(secret))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	started := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := false
	t.Cleanup(func() {
		if !exited {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	var info mockInfo
	if err := json.NewDecoder(bufio.NewReader(stdout)).Decode(&info); err != nil {
		t.Fatalf("the first line is not the JSON of the credentials: %v", err)
	}
	if info.BaseURL == "" || info.AdminToken != "amitytest-admin-token" || info.APIKey != "amitytest-api-key" {
		t.Fatalf("credentials %+v", info)
	}
	resp, err := http.Get(info.BaseURL + "/_mock/health")
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	t.Logf("amity mock: start to first answer %v", time.Since(started))

	ctx := context.Background()
	c, err := amity.NewClient(amity.WithBaseURL(info.BaseURL), amity.WithAdminToken(info.AdminToken), amity.WithAPIKey(info.APIKey))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	// Users, communities, posts, comments, channels and messages: the seed, then writes.
	if u, err := c.Users.Get(ctx, "alice"); err != nil || u.User().DisplayName != "Alice Smith" {
		t.Fatalf("seeded user: %v %v", u, err)
	}
	cm, err := c.Communities.Get(ctx, "65f000000000000000000c01")
	if err != nil || cm.Community().DisplayName != "Trail Runners" {
		t.Fatalf("seeded community: %v", err)
	}
	bob, err := c.AsUser("bob")
	if err != nil {
		t.Fatal(err)
	}
	p, err := bob.Posts.Create(ctx, &amity.CreatePostParams{TargetType: amity.PostTargetCommunity, TargetID: "65f000000000000000000c01", Data: &amity.CreatePostData{Text: "from the process test"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bob.Comments.Create(ctx, &amity.CreateCommentParams{ReferenceID: p.Post().PostID, Data: &amity.CommentDataParams{Text: "and a comment"}}); err != nil {
		t.Fatal(err)
	}
	page, err := c.Posts.ListPage(ctx, &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: "65f000000000000000000c01"})
	if err != nil || len(page.Posts) != 2 {
		t.Fatalf("community feed: %v posts, %v", page, err)
	}
	ch, err := c.Channels.Get(ctx, "trail-chat")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bob.Messages.Create(ctx, &amity.CreateMessageParams{MessageFeedID: ch.Channel().ChannelInternalID, ReferenceID: "r1", DataType: amity.MessageDataTypeText, Data: map[string]any{"text": "hello"}}); err != nil {
		t.Fatal(err)
	}

	for _, event := range []string{"v3.post.didCreate", "v3.post.didFlag"} {
		out, err := exec.Command(bin, "trigger", event, "--mock", info.BaseURL).CombinedOutput()
		if err != nil {
			t.Fatalf("amity trigger %s: %v\n%s", event, err, out)
		}
		if !rc.has(event) {
			t.Fatalf("the receiver did not verify %s; amity trigger said:\n%s", event, out)
		}
	}
	rc.mu.Lock()
	rejected := rc.rejected
	rc.mu.Unlock()
	if rejected != 0 {
		t.Fatalf("%d deliveries failed verification", rejected)
	}

	mockPost(t, info, "/_mock/reset")
	if _, err := c.Users.Get(ctx, "alice"); !errors.Is(err, amity.ErrNotFound) {
		t.Fatalf("after a reset to empty, alice: %v", err)
	}
	mockPost(t, info, "/_mock/reset?to=seed")
	if _, err := c.Users.Get(ctx, "alice"); err != nil {
		t.Fatalf("after a reset to the seed, alice: %v", err)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	exited = true
	if err != nil {
		t.Fatalf("after SIGTERM: %v (want exit status 0)", err)
	}
	if conn, err := net.DialTimeout("tcp", info.BaseURL[len("http://"):], time.Second); err == nil {
		_ = conn.Close()
		t.Fatal("something still listens on the mock's address after it exited")
	}
}

// mockPost calls an admin endpoint of the mock with the admin token and wants 200.
func mockPost(t *testing.T, info mockInfo, path string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, info.BaseURL+path, nil)
	req.Header.Set("Authorization", "Bearer "+info.AdminToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST %s: %d %s", path, resp.StatusCode, body)
	}
}
