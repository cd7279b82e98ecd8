package amity_test

// What the real service sends: answers shaped as the vendor's shipping clients read them
// decode, and one member of an unexpected JSON type never fails a page (the decoding policy,
// decode.go). Only a broken envelope does.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// answering is a client of a server that answers every call with body.
func answering(t *testing.T, body string) *amity.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/v5/sessions" {
			writeJSON(w, 200, `{"accessToken":"tok","expiresAt":"2999-01-01T00:00:00Z"}`)
			return
		}
		writeJSON(w, 200, body)
	}))
	t.Cleanup(srv.Close)
	return serverClient(t, srv.URL, amity.WithMaxRetries(0))
}

func TestAnswersAsTheServerSendsThem(t *testing.T) {
	ctx := context.Background()

	t.Run("a file size as a string", func(t *testing.T) {
		c := answering(t, `{"users":[{"userId":"alice","avatarFileId":"f1"},{"userId":"bob"}],
			"files":[{"fileId":"f1","attributes":{"name":"a.png","size":"166904","mimeType":"image/png"}}],"paging":{}}`)
		page, err := c.Users.ListPage(ctx, nil)
		require.NoError(t, err)
		require.Len(t, page.Users, 2)
		assert.EqualValues(t, 166904, page.FileByID("f1").Attributes.Size)
	})
	t.Run("a file size as a number", func(t *testing.T) {
		c := answering(t, `{"users":[{"userId":"alice"}],"files":[{"fileId":"f1","attributes":{"size":166904}}]}`)
		u, err := c.Users.Get(ctx, "alice")
		require.NoError(t, err)
		assert.EqualValues(t, 166904, u.FileByID("f1").Attributes.Size)
	})
	for name, hash := range map[string]string{
		"a string": `"0010100"`, "a list of numbers": `[0, 1, 4294967295]`, "a list of strings": `["a1","b2"]`,
	} {
		t.Run("a bloom filter as "+name, func(t *testing.T) {
			c := answering(t, `{"posts":[{"postId":"p1","flagCount":2,"hashFlag":{"bits":64,"hashes":3,"hash":`+hash+`}},{"postId":"p2"}],"paging":{}}`)
			page, err := c.Posts.ListPage(ctx, &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: "c1"})
			require.NoError(t, err)
			require.Len(t, page.Posts, 2)
			assert.JSONEq(t, hash, page.Posts[0].HashFlag.Hash.String(), "kept as sent")
			assert.Equal(t, 64, page.Posts[0].HashFlag.Bits)
		})
	}
	t.Run("a v5 message's data as a JSON string", func(t *testing.T) {
		c := answering(t, `{"messages":[{"messageId":"m1","dataType":"custom","data":"{\"kind\":\"poll\"}"},
			{"messageId":"m2","dataType":"text","data":{"text":"hi"}}],"messageFeeds":[],"users":[],"files":[],"paging":{}}`)
		page, err := c.Messages.ListPage(ctx, &amity.ListMessagesParams{MessageFeedID: "f1"})
		require.NoError(t, err)
		require.Len(t, page.Messages, 2)
		assert.Equal(t, `{"kind":"poll"}`, page.Messages[0].Data.Text(), "a string is its own text")
		assert.Equal(t, "hi", page.Messages[1].Data.Text())
	})
	t.Run("IsFlaggedByMe answered {result}", func(t *testing.T) {
		c := answering(t, `{"result": true}`)
		for name, call := range map[string]func() (bool, error){
			"post":       func() (bool, error) { return c.Posts.IsFlaggedByMe(ctx, "p1") },
			"comment":    func() (bool, error) { return c.Comments.IsFlaggedByMe(ctx, "c1") },
			"message":    func() (bool, error) { return c.Messages.IsFlaggedByMe(ctx, "m1") },
			"v3 message": func() (bool, error) { return c.Messages.V3.IsFlaggedByMe(ctx, "m1") },
			"user":       func() (bool, error) { return c.Users.IsFlaggedByMe(ctx, "u1") },
		} {
			flagged, err := call()
			require.NoError(t, err, name)
			assert.True(t, flagged, name)
		}
	})
	t.Run("IsFlaggedByMe in every shape, and none", func(t *testing.T) {
		for body, want := range map[string]bool{
			`{"status":"success","data":{"result":true}}`: true, `{"isFlagByMe":true}`: true,
			`{"result":false}`: false, `{"result":"true"}`: true,
		} {
			flagged, err := answering(t, body).Posts.IsFlaggedByMe(ctx, "p1")
			require.NoError(t, err, body)
			assert.Equal(t, want, flagged, body)
		}
		_, err := answering(t, `{"status":"success"}`).Posts.IsFlaggedByMe(ctx, "p1")
		assert.ErrorIs(t, err, amity.ErrMalformedResponse, "no result is not a silent false")
	})
	t.Run("Files.Get answered with a bare file", func(t *testing.T) {
		f, err := answering(t, `{"fileId":"f1","fileUrl":"https://files.example/f1","attributes":{"size":"12"}}`).Files.Get(ctx, "f1")
		require.NoError(t, err)
		assert.Equal(t, "f1", f.File().FileID)
		assert.EqualValues(t, 12, f.File().Attributes.Size)
	})
	t.Run("roles listed as {roles, paging}", func(t *testing.T) {
		page, err := answering(t, `{"roles":[{"roleId":"moderator"},{"roleId":"editor"}],"paging":{"next":"n2"}}`).Roles.ListPage(ctx, nil)
		require.NoError(t, err)
		require.Len(t, page.Roles, 2)
		assert.Equal(t, "n2", page.Paging.Next)
	})
	t.Run("a role got as a bare list", func(t *testing.T) {
		r, err := answering(t, `[{"roleId":"moderator","permissions":["BAN_USER"]}]`).Roles.Get(ctx, "moderator")
		require.NoError(t, err)
		assert.Equal(t, "moderator", r.Role().RoleID)
	})
}

func TestBrokenEnvelopesFail(t *testing.T) {
	ctx := context.Background()
	for name, body := range map[string]string{
		"the list is a string":          `{"users":"alice"}`,
		"a sideload list is an object":  `{"users":[{"userId":"alice"}],"files":{"fileId":"f1"}}`,
		"an item is not an object":      `{"users":["alice"]}`,
		"the next cursor is a number":   `{"users":[{"userId":"alice"}],"paging":{"next":20}}`,
		"the paging is a string":        `{"users":[{"userId":"alice"}],"paging":"n2"}`,
		"the answer is a list":          `[{"userId":"alice"}]`,
		"the answer is not JSON at all": `{"users":[`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := answering(t, body).Users.ListPage(ctx, nil)
			assert.ErrorIs(t, err, amity.ErrMalformedResponse)
		})
	}
}

// atTime is the amity.Time of an RFC 3339 text.
func atTime(t *testing.T, s string) amity.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339Nano, s)
	require.NoError(t, err)
	return amity.Time{Time: tm}
}

// writeHijacked answers with raw bytes and closes the connection: a status line and headers
// that promise more body than is sent.
func writeHijacked(w http.ResponseWriter, raw string) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	_, _ = buf.WriteString(raw)
	_ = buf.Flush()
	_ = conn.Close()
}

// truncatedAnswer is a 200 whose Content-Length promises 100 bytes more than it sends.
func truncatedAnswer(body string) string {
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", len(body)+100, body)
}

// The success rule: an empty 200 is malformed (not "not found"); a 200 carrying an API
// error is that error; a body cut short is retried on a read and not on a write.
func TestSuccessRule(t *testing.T) {
	ctx := context.Background()
	t.Run("empty 200", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) }))
		defer srv.Close()
		c := serverClient(t, srv.URL)
		for name, err := range map[string]error{"read": getUser(ctx, c, "u1"), "write": createPost(ctx, c, "p1")} {
			require.ErrorIs(t, err, amity.ErrMalformedResponse, name)
			assert.NotErrorIs(t, err, amity.ErrNotFound, name)
		}
	})
	t.Run("200 with status error", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 200, `{"status":"error","code":400400,"message":"x"}`)
		}))
		defer srv.Close()
		err := getUser(ctx, serverClient(t, srv.URL), "u1")
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
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, body) }))
		defer srv.Close()
		err := getUser(ctx, serverClient(t, srv.URL), "u1")
		require.ErrorIs(t, err, amity.ErrMalformedResponse)
		assert.Less(t, len(err.Error()), 600)
		body = `{"users":[{"userId":"u1","flagCount":` + long + `}]}`
		u, err := serverClient(t, srv.URL).Users.Get(ctx, "u1")
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
				writeHijacked(w, truncatedAnswer(postAnswer("p1")))
				return
			}
			if gets.Add(1) == 1 {
				writeHijacked(w, truncatedAnswer(userAnswer("u1")))
				return
			}
			writeJSON(w, 200, userAnswer("u1"))
		}))
		defer srv.Close()
		c := serverClient(t, srv.URL)
		require.NoError(t, getUser(ctx, c, "u1"))
		assert.Equal(t, int32(2), gets.Load(), "a read is retried")
		err := createPost(ctx, c, "p1")
		require.Error(t, err)
		assert.Equal(t, int32(1), posts.Load(), "a write is not")
		assert.ErrorIs(t, err, amity.ErrMalformedResponse)
		assert.Contains(t, err.Error(), "may have been applied")
	})
}

// writeHuge writes n bytes of a JSON-looking body without holding them.
func writeHuge(w http.ResponseWriter, ctype string, n int) {
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

// Bad credentials are refused at NewClient, answers are bounded, retries are logged.
func TestBoundsAndRetryLogging(t *testing.T) {
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
			writeHuge(w, ctype, 50<<20)
		}))
		defer srv.Close()
		c := serverClient(t, srv.URL, amity.WithServerKey(leakServerKey))
		err := getUser(ctx, c, "u1")
		require.ErrorIs(t, err, amity.ErrMalformedResponse)
		assert.Contains(t, err.Error(), "WithMaxResponseSize")
		assert.Equal(t, int32(1), hits.Load(), "too large is final, not retried")
		_, err = createAuthToken(ctx, c, "alice")
		require.ErrorIs(t, err, amity.ErrMalformedResponse)

		small := serverClient(t, srv.URL, amity.WithMaxResponseSize(1024))
		require.ErrorIs(t, getUser(ctx, small, "u1"), amity.ErrMalformedResponse)
	})
	t.Run("small custom limit", func(t *testing.T) {
		body := userAnswer(strings.Repeat("u", 2000))
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, body) }))
		defer srv.Close()
		require.ErrorIs(t, getUser(ctx, serverClient(t, srv.URL, amity.WithMaxResponseSize(1024)), "u1"), amity.ErrMalformedResponse)
		require.NoError(t, getUser(ctx, serverClient(t, srv.URL, amity.WithMaxResponseSize(int64(len(body)))), "u1"))
		_, err := amity.NewClient(amity.WithBaseURL(srv.URL), amity.WithAdminToken("t"), amity.WithMaxResponseSize(0))
		require.Error(t, err)
	})
	t.Run("retries logged at Info without secrets", func(t *testing.T) {
		var hits atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/api/v5/sessions" {
				writeSession(w, "alice", "usertok-alice-LOGSECRET", 30*24*time.Hour)
				return
			}
			if hits.Add(1)%3 != 0 {
				writeJSON(w, 503, `{"code":500000,"message":"busy"}`)
				return
			}
			writeJSON(w, 200, userAnswer("u1"))
		}))
		defer srv.Close()
		var out testkit.SyncBuffer
		for _, h := range []slog.Handler{
			slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelInfo}),
			slog.NewJSONHandler(&out, &slog.HandlerOptions{Level: slog.LevelDebug}),
		} {
			c := serverClient(t, srv.URL, amity.WithLogger(slog.New(h)))
			require.NoError(t, getUser(ctx, c, "u1"))
			alice, err := c.AsUser("alice")
			require.NoError(t, err)
			require.NoError(t, getUser(ctx, alice, "u1"))
		}
		log := out.String()
		assert.Contains(t, log, "amity retry")
		for _, sec := range []string{leakAdminToken, leakAPIKey, "LOGSECRET"} {
			assert.NotContains(t, log, sec)
		}
	})
}
