package amity_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/amity-go/amity"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrorDecoding(t *testing.T) {
	cases := []struct {
		name     string
		status   int
		body     string
		ctype    string
		code     int
		message  string
		matches  []error
		notMatch []error
	}{
		{"not found", 404, `{"status":"error","code":400400,"message":"User not found."}`, "application/json", 400400, "User not found.",
			[]error{amity.ErrNotFound}, []error{amity.ErrRateLimited, amity.ErrUnauthorized}},
		{"code as string", 400, `{"status":"error","code":"400400","message":"Item not found"}`, "application/json", 400400, "Item not found",
			[]error{amity.ErrNotFound}, nil},
		{"code with trailing comma", 500, `{"status":"error","code":"500000,","message":"Unexpected error"}`, "application/json", 500000, "Unexpected error",
			nil, []error{amity.ErrNotFound}},
		{"unauthorized", 401, `{"status":"error","code":400100,"message":"Unauthorized"}`, "application/json", 400100, "Unauthorized",
			[]error{amity.ErrUnauthorized}, []error{amity.ErrForbidden}},
		{"forbidden", 403, `{"status":"error","code":400301,"message":"Only administrator can do this"}`, "application/json", 400301, "Only administrator can do this",
			[]error{amity.ErrForbidden}, nil},
		{"rate limited 429", 429, `{"status":"error","code":400311,"message":"RateLimit Exceed."}`, "application/json", 400311, "RateLimit Exceed.",
			[]error{amity.ErrRateLimited}, nil},
		{"rate limited by code only", 400, `{"status":"error","code":400311,"message":"RateLimit Exceed."}`, "application/json", 400311, "RateLimit Exceed.",
			[]error{amity.ErrRateLimited}, nil},
		{"link not allowed", 400, `{"status":"error","code":400309,"message":"Link is not allowed","data":{"detail":["example.com"]}}`, "application/json", 400309, "Link is not allowed",
			[]error{amity.ErrLinkNotAllowed}, []error{amity.ErrImageRejected}},
		{"image rejected", 400, `{"status":"error","code":400314,"message":"Image is not allowed"}`, "application/json", 400314, "Image is not allowed",
			[]error{amity.ErrImageRejected}, []error{amity.ErrLinkNotAllowed}},
		{"invalid page token", 400, `{"status":"error","code":400000,"message":"Query Token is invalid"}`, "application/json", 400000, "Query Token is invalid",
			[]error{amity.ErrInvalidPageToken}, []error{amity.ErrNotFound}},
		{"banned", 403, `{"status":"error","code":400312,"message":"User is global banned"}`, "application/json", 400312, "User is global banned",
			[]error{amity.ErrBanned, amity.ErrForbidden}, nil},
		{"html from a proxy", 502, "<html><head><title>502 Bad Gateway</title><style>b{}</style></head><body><h1>502 Bad Gateway</h1>\n<hr>nginx</body></html>", "text/html", 0,
			"502 Bad Gateway 502 Bad Gateway nginx", nil, []error{amity.ErrNotFound}},
		{"plain text 404", 404, "Not Found", "text/plain", 0, "Not Found", []error{amity.ErrNotFound}, nil},
		{"empty body", 403, "", "text/plain", 0, "", []error{amity.ErrForbidden}, nil},
		{"message not a string", 400, `{"status":"error","code":400000,"message":["a","b"]}`, "application/json", 400000, `["a","b"]`, nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := mockClient(t, amity.WithMaxRetries(0))
			mt.RegisterResponder("GET", "https://api.test/api/v3/users/u1", func(*http.Request) (*http.Response, error) {
				resp := httpmock.NewStringResponse(tc.status, tc.body)
				resp.Header.Set("Content-Type", tc.ctype)
				return resp, nil
			})
			_, err := c.Users.Get(context.Background(), "u1")
			require.Error(t, err)
			var ae *amity.Error
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, tc.status, ae.StatusCode)
			assert.Equal(t, tc.code, ae.Code)
			assert.Equal(t, tc.message, ae.Message)
			assert.Equal(t, "GET", ae.Method)
			assert.Equal(t, "/api/v3/users/u1", ae.Path)
			for _, s := range tc.matches {
				assert.True(t, errors.Is(err, s), "want errors.Is(%v)", s)
			}
			for _, s := range tc.notMatch {
				assert.False(t, errors.Is(err, s), "want !errors.Is(%v)", s)
			}
			assert.NotContains(t, err.Error(), adminToken)
		})
	}
}

func TestErrorData(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", "https://api.test/api/v3/users/u1",
		jsonResponder(400, `{"status":"error","code":400000,"message":"Parameters validation error!","data":{"detail":["userId is required"]}}`))
	_, err := c.Users.Get(context.Background(), "u1")
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.JSONEq(t, `{"detail":["userId is required"]}`, string(ae.Data))
	assert.Equal(t, `amity: Users.Get: GET /api/v3/users/u1: 400 Bad Request (code 400000): Parameters validation error!`, ae.Error())
}

// Errors name the SDK method: an answered call, a transport failure, and an iterator (the
// iterator's own name, not the ListPage it calls).
func TestErrorsNameTheirOperation(t *testing.T) {
	ctx := context.Background()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusForbidden, `{"status":"error","code":400300,"message":"Forbidden"}`)
	}))
	defer srv.Close()
	c := serverClient(t, srv.URL, amity.WithMaxRetries(0))
	_, err := c.Posts.Create(ctx, &amity.CreatePostParams{TargetType: amity.PostTargetCommunity, TargetID: "c1", Data: &amity.CreatePostData{Text: "hi"}})
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "Posts.Create", ae.Op)
	assert.True(t, strings.HasPrefix(err.Error(), "amity: Posts.Create: POST /api/v4/posts: 403 Forbidden"), err.Error())

	params := &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: "c1"}
	for _, err := range c.Posts.List(ctx, params) {
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, "Posts.List", ae.Op)
	}
	for _, err := range c.Posts.ListPages(ctx, params) {
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, "Posts.ListPages", ae.Op)
	}
	_, err = c.Posts.ListPage(ctx, params)
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "Posts.ListPage", ae.Op)
	for _, err := range c.Posts.List(ctx, &amity.ListPostsParams{}) { // refused before sending
		assert.Equal(t, "Posts.List", assertInvalid(t, err, "").Op)
	}

	_, err = serverClient(t, "http://"+deadAddr(t), amity.WithMaxRetries(0)).Users.Get(ctx, "u1")
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "amity: Users.Get: GET /api/v3/users/u1: "), err.Error())
}

// pathologicalHTML are proxy pages that made the old regexp-based snippet quadratic.
func pathologicalHTML() map[string]string {
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

// A pathological HTML error page costs linear time and gives a short message.
func TestPathologicalHTMLErrorIsFast(t *testing.T) {
	for name, page := range pathologicalHTML() {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(http.StatusBadGateway)
				_, _ = io.WriteString(w, page)
			}))
			defer srv.Close()
			for _, retries := range []int{0, 4} {
				c := serverClient(t, srv.URL, amity.WithMaxRetries(retries))
				ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
				start := time.Now()
				err := getUser(ctx, c, "u1")
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
