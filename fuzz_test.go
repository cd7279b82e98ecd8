package amity_test

// Fuzz targets for the answer paths: error decoding, payload decoding and paging, each through
// an in-memory RoundTripper (no network, no limiter, no retries). Run one for a while with
//
//	go test -run '^$' -fuzz '^FuzzErrorDecoder$' -fuzztime 20s .

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/amity-go/amity"
)

// The credentials planted in the fuzzed clients.
const (
	fuzzAdmin = "fzADMIN-Tq81Lw0Pz3"
	fuzzKey   = "fzAPIKEY-Ha72Ks5Mn9"
)

type fuzzRoundTrip func(*http.Request) (*http.Response, error)

func (f fuzzRoundTrip) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	return f(r)
}

// fuzzAnswer is an in-memory answer.
func fuzzAnswer(r *http.Request, status int, header http.Header, body []byte) *http.Response {
	if header == nil {
		header = http.Header{}
	}
	return &http.Response{StatusCode: status, Status: strconv.Itoa(status) + " " + http.StatusText(status), Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: header, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)), Request: r}
}

func fuzzClient(t *testing.T, rt fuzzRoundTrip) *amity.Client {
	c, err := amity.NewClient(amity.WithBaseURL("https://fuzz.test"), amity.WithAdminToken(fuzzAdmin), amity.WithAPIKey(fuzzKey),
		amity.WithHTTPClient(&http.Client{Transport: rt}), amity.WithoutRateLimit(), amity.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// fuzzStatus maps any int onto a status a server could send.
func fuzzStatus(n int) int {
	if n >= 200 && n <= 599 {
		return n
	}
	if n < 0 {
		n = -n
	}
	return 200 + n%400
}

// FuzzErrorDecoder: whatever the status, headers and body, a call returns (never panics), and
// its error is bounded, holds no credential of the client, and carries what errors.Is needs.
func FuzzErrorDecoder(f *testing.F) {
	seeds := []struct {
		status     int
		retryAfter string
		body       string
	}{
		{404, "", `{"status":"error","code":400400,"message":"Item not found"}`},
		{400, "", `{"status":"error","code":"500000,","message":"x","data":{"detail":["a"]}}`},
		{429, "30", `{"code":400311,"message":"RPCRateLimitError"}`},
		{429, "Wed, 21 Oct 2065 07:28:00 GMT", ``},
		{502, "", `<html><script>` + strings.Repeat("<script>", 100) + `</html>`},
		{503, "-5", strings.Repeat("<", 1000)},
		{500, "", `"a bare string"`},
		{200, "", `{"status":"error","code":400000,"message":"` + fuzzAdmin + `"}`},
		{200, "", `{"success":false}`},
		{200, "", `{"data":{"success":false}}`},
		{200, "", ``},
		{200, "", `{"users":[{"userId":"u","flagCount":1.` + strings.Repeat("5", 3000) + `}]}`},
		{401, "", `{"message":{"nested":[1,2,3]},"code":null}`},
		{403, "", "\xff\xfe\x00 binary"},
		{400, "", `{"code":400000,"message":"` + strings.Repeat("m", 995) + fuzzAdmin + `"}`},
		{502, "", `<p>` + strings.Repeat("h", 190) + " " + fuzzKey + `</p>`},
		{301, "", ``},
	}
	for _, s := range seeds {
		f.Add(s.status, s.retryAfter, "req-1", []byte(s.body))
	}
	f.Fuzz(func(t *testing.T, status int, retryAfter, requestID string, body []byte) {
		st := fuzzStatus(status)
		c := fuzzClient(t, func(r *http.Request) (*http.Response, error) {
			h := http.Header{}
			if retryAfter != "" {
				h["Retry-After"] = []string{retryAfter}
			}
			if requestID != "" {
				h["X-Request-Id"] = []string{requestID}
			}
			return fuzzAnswer(r, st, h, body), nil
		})
		err := getUser(context.Background(), c, "u1")
		if err == nil {
			return
		}
		msg := err.Error()
		if n := utf8.RuneCountInString(msg); n > 1300 {
			t.Fatalf("an error of %d runes: %.200q…", n, msg)
		}
		var e *amity.Error
		if errors.As(err, &e) {
			for _, sec := range []string{fuzzAdmin, fuzzKey} {
				for _, part := range []string{msg, e.Message, string(e.Data)} {
					if strings.Contains(part, sec) {
						t.Fatalf("a credential in the error: %q", part)
					}
					if !bytes.Contains(body, []byte(sec[:8])) && strings.Contains(part, sec[:8]) {
						t.Fatalf("a credential the body does not hold in the error: %q", part)
					}
				}
				if !strings.Contains(requestID, sec[:8]) && strings.Contains(e.RequestID, sec[:8]) {
					t.Fatalf("a credential in the request ID: %q", e.RequestID)
				}
			}
			if utf8.RuneCountInString(e.RequestID) > 201 {
				t.Fatalf("a request ID of %d runes", utf8.RuneCountInString(e.RequestID))
			}
			if st >= 300 && e.StatusCode != st {
				t.Fatalf("status %d reported as %d", st, e.StatusCode)
			}
			if st == http.StatusTooManyRequests && !errors.Is(err, amity.ErrRateLimited) {
				t.Fatalf("a 429 that is not ErrRateLimited: %v", err)
			}
			if st == http.StatusNotFound && !errors.Is(err, amity.ErrNotFound) {
				t.Fatalf("a 404 that is not ErrNotFound: %v", err)
			}
			if e.RetryAfter < 0 {
				t.Fatalf("negative RetryAfter %v", e.RetryAfter)
			}
		} else if st >= 300 && st != 301 && st != 302 && st != 303 && st != 307 && st != 308 {
			t.Fatalf("status %d not an *Error: %v", st, err)
		}
		if strings.Contains(msg, fuzzAdmin) || strings.Contains(msg, fuzzKey) {
			t.Fatalf("a credential in the error: %q", msg)
		}
	})
}

// FuzzPayloadDecode: any 200 body for a Get gives a result or an error, never both or neither,
// and never a panic.
func FuzzPayloadDecode(f *testing.F) {
	seeds := []string{
		`{"users":[{"userId":"u1","displayName":"A","metadata":{"a":[1,{"b":null}]},"createdAt":"2024-01-01T00:00:00Z"}]}`,
		`{"posts":[{"postId":"p1","postedUserId":"u1","data":{"text":"hi"},"children":["c1"]}],"postChildren":[{"postId":"c1"}],"users":[{"userId":"u1"}],"files":[{"fileId":"f"}]}`,
		`{"channels":[{"channelId":"c1","type":"community"}],"channelUsers":[{"userId":"u1","channelId":"c1"}],"messagePreviews":[]}`,
		`{"comments":[{"commentId":"k1","referenceId":"p1","children":["k2"]}],"commentChildren":[{"commentId":"k2"}]}`,
		`{"communities":[{"communityId":"m1","tags":["a"]}],"communityUsers":[],"files":[],"users":[]}`,
		`{"users":[{"createdAt":12,"updatedAt":"not a time","flagCount":"3"}]}`,
		`{"posts":[{"postId":"p1","createdAt":"\u0032024"}]}`,
		`[]`, `null`, `"str"`, `0`, `{}`, `{"users":null}`, `{"users":[null]}`, `{"posts":[{}]}`,
		`{"success":true}`, `{"status":"ok","data":{"success":false}}`,
	}
	for i, s := range seeds {
		f.Add(uint8(i), []byte(s))
	}
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		c := fuzzClient(t, func(r *http.Request) (*http.Response, error) {
			return fuzzAnswer(r, 200, http.Header{"Content-Type": {"application/json"}}, body), nil
		})
		ctx := context.Background()
		var got bool
		var err error
		switch which % 5 {
		case 0:
			got, err = nonNil(c.Users.Get(ctx, "u1"))
		case 1:
			got, err = nonNil(c.Posts.Get(ctx, "p1", nil))
		case 2:
			got, err = nonNil(c.Channels.Get(ctx, "c1"))
		case 3:
			got, err = nonNil(c.Comments.Get(ctx, "k1"))
		case 4:
			got, err = nonNil(c.Communities.Get(ctx, "m1"))
		}
		if (err == nil) != got {
			t.Fatalf("result %v with error %v", got, err)
		}
		if err != nil && utf8.RuneCountInString(err.Error()) > 1300 {
			t.Fatalf("an error of %d runes", utf8.RuneCountInString(err.Error()))
		}
	})
}

// FuzzPaging: a server of at most 8 arbitrary pages, chosen by the cursor asked for (so it may
// repeat itself, loop, fail or answer garbage): the iterator ends on its own within a bounded
// number of requests, yields an error at most once and last, and never panics.
func FuzzPaging(f *testing.F) {
	f.Add([]byte("\x00" + `{"users":[{"userId":"a"}],"paging":{"next":"1"}}` + "\xff\x00" +
		`{"users":[{"userId":"b"}],"paging":{"next":"2"}}` + "\xff\x00" + `{"users":[{"userId":"c"}],"paging":{}}`))
	f.Add([]byte("\x00" + `{"users":[{"userId":"a"}],"paging":{"next":"1"}}` + "\xff\x00" + `{"users":[{"userId":"b"}],"paging":{"next":"0"}}`))
	f.Add([]byte("\x00" + `{"users":[{"userId":"a"}],"paging":{"next":"x"}}`))
	f.Add([]byte("\x00" + `{"users":[{"userId":"a"}],"paging":{"next":"1"}}` + "\xff\x07" + `{"code":500000}`))
	f.Add([]byte("\x00" + `{"users":[],"paging":{"next":"1"}}`))
	f.Add([]byte("\x00" + `{"users":[{"userId":"a"}],"paging":{"next":"1","prev":"0"}}` + "\xff\x00" + `not json`))
	var loop bytes.Buffer
	for i := range 8 {
		fmt.Fprintf(&loop, "\x00"+`{"users":[{"userId":"u%d"}],"paging":{"next":"%d"}}`+"\xff", i, (i+1)%8)
	}
	f.Add(loop.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		pages := bytes.SplitN(data, []byte{0xff}, 8)
		var requests atomic.Int32
		c := fuzzClient(t, func(r *http.Request) (*http.Response, error) {
			if requests.Add(1) > 1000 {
				return nil, errors.New("the iterator does not stop")
			}
			tok := r.URL.Query().Get("options[token]")
			i := len(tok)
			if n, err := strconv.Atoi(tok); err == nil && n >= 0 {
				i = n
			}
			seg := pages[i%len(pages)]
			status := 200
			if len(seg) > 0 {
				if seg[0]%8 == 7 {
					status = 500 + int(seg[0]%4)
				}
				seg = seg[1:]
			}
			return fuzzAnswer(r, status, http.Header{"Content-Type": {"application/json"}}, seg), nil
		})
		errs, items := 0, 0
		for _, err := range c.Users.List(context.Background(), &amity.ListUsersParams{}) {
			if errs > 0 {
				t.Fatalf("something yielded after the error")
			}
			if err != nil {
				errs++
				continue
			}
			items++
		}
		// The server's cursors walk at most len(pages) distinct answers, so a walk that does
		// not end within that many pages repeats one within the iterator's memory of 8.
		if n := int(requests.Load()); n > len(pages)+2 {
			t.Fatalf("%d requests (%d items) for %d distinct pages", n, items, len(pages))
		}
	})
}

// nonNil reports whether a call returned a payload, with its error.
func nonNil[T any](p *T, err error) (bool, error) { return p != nil, err }
