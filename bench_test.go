package amity_test

// The benchmark suite: the SDK against hand-written net/http + encoding/json on the same
// loopback servers, and decoding into the SDK's types against decoding into a plain mirror of
// them (the same fields, no methods). Run it with
//
//	go test -run '^$' -bench . -benchmem -count 5 .
//
// and compare each sdk/raw (or sdk/plain) pair; README.md's performance section has the
// ratios.

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// benchServer answers every request with body as JSON.
func benchServer(tb testing.TB, body []byte) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		_, _ = w.Write(body)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

func benchClient(tb testing.TB, url string) *amity.Client {
	tb.Helper()
	c, err := amity.NewClient(amity.WithBaseURL(url), amity.WithAdminToken(adminToken), amity.WithoutRateLimit())
	require.NoError(tb, err)
	return c
}

// rawGet is the hand-written call the SDK is measured against: a request with the same
// headers, the body read whole and decoded into out.
func rawGet(hc *http.Client, url string, out any) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+adminToken)
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return json.Unmarshal(b, out)
}

func rawHTTPClient() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 256
	return &http.Client{Transport: tr}
}

// plainMirror returns a type with the fields of t and none of its methods: named structs
// become unnamed ones, amity.Time becomes time.Time, fields json ignores are dropped.
func plainMirror(t reflect.Type) reflect.Type {
	switch {
	case t == reflect.TypeOf(amity.Time{}):
		return reflect.TypeOf(time.Time{})
	case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
		return reflect.SliceOf(plainMirror(t.Elem()))
	case t.Kind() == reflect.Pointer:
		return reflect.PointerTo(plainMirror(t.Elem()))
	case t.Kind() == reflect.Map:
		return reflect.MapOf(t.Key(), plainMirror(t.Elem()))
	case t.Kind() == reflect.String:
		return reflect.TypeOf("")
	case t.Kind() == reflect.Struct:
		var fields []reflect.StructField
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Tag.Get("json") == "-" {
				continue
			}
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				for j := range f.Type.NumField() { // promote an embedded struct's fields
					ef := f.Type.Field(j)
					if ef.IsExported() && ef.Tag.Get("json") != "-" {
						fields = append(fields, reflect.StructField{Name: ef.Name, Type: plainMirror(ef.Type), Tag: ef.Tag})
					}
				}
				continue
			}
			fields = append(fields, reflect.StructField{Name: f.Name, Type: plainMirror(f.Type), Tag: f.Tag})
		}
		return reflect.StructOf(fields)
	}
	return t
}

// decodeBench decodes body into a new T (the SDK's type) and into its plain mirror.
func decodeBench[T any](b *testing.B, body []byte) {
	plain := plainMirror(reflect.TypeOf(new(T)).Elem())
	b.Run("sdk", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for range b.N {
			var v T
			if err := json.Unmarshal(body, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("plain", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for range b.N {
			v := reflect.New(plain).Interface()
			if err := json.Unmarshal(body, v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// userPageBody is a page of 20 users with their avatar files, as the API sends it.
func userPageBody(n int) []byte {
	var users, files []string
	for i := range n {
		users = append(users, fmt.Sprintf(`{"_id":"6f%d","userId":"user-%d","userInternalId":"6f%d","displayName":"User %d","roles":["member"],`+
			`"metadata":{"team":"blue"},"flagCount":%d,"isGlobalBan":false,"avatarFileId":"f-%d",`+
			`"createdAt":"2024-05-01T10:00:00.000Z","updatedAt":"2024-05-02T10:00:00Z"}`, i, i, i, i, i%3, i))
		files = append(files, fmt.Sprintf(`{"fileId":"f-%d","fileUrl":"https://files.example/f-%d","type":"image",`+
			`"attributes":{"name":"a.png","extension":"png","size":1234,"mimeType":"image/png"},"createdAt":"2024-05-01T10:00:00Z"}`, i, i))
	}
	return []byte(`{"users":[` + strings.Join(users, ",") + `],"files":[` + strings.Join(files, ",") + `],"paging":{"next":"tok-2"}}`)
}

func BenchmarkDecodeUserPage(b *testing.B) {
	decodeBench[amity.UserPayload](b, userPageBody(20))
}

func BenchmarkDecodePostPayload(b *testing.B) {
	decodeBench[amity.PostPayload](b, postPayloadBody(b))
}

// postPayloadBody is testdata/posts_payload.json without its custom post, whose free-form
// data a plain struct cannot decode (the SDK's PostData tolerates it).
func postPayloadBody(tb testing.TB) []byte {
	tb.Helper()
	raw, err := readTestdata("posts_payload.json")
	require.NoError(tb, err)
	var doc map[string]any
	require.NoError(tb, json.Unmarshal(raw, &doc))
	var posts []any
	for _, p := range doc["posts"].([]any) {
		if !strings.HasPrefix(p.(map[string]any)["dataType"].(string), "com.") {
			posts = append(posts, p)
		}
	}
	doc["posts"] = posts
	body, err := json.Marshal(doc)
	require.NoError(tb, err)
	return body
}

func readTestdata(name string) ([]byte, error) {
	f, err := http.Dir("testdata").Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// BenchmarkGet compares Users.Get with the same GET written by hand.
func BenchmarkGet(b *testing.B) {
	body := userPageBody(1)
	srv := benchServer(b, body)
	ctx := context.Background()
	b.Run("sdk", func(b *testing.B) {
		c := benchClient(b, srv.URL)
		b.ReportAllocs()
		for range b.N {
			if _, err := c.Users.Get(ctx, "user-0"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		hc := rawHTTPClient()
		plain := plainMirror(reflect.TypeOf(amity.UserPayload{}))
		b.ReportAllocs()
		for range b.N {
			if err := rawGet(hc, srv.URL+"/api/v3/users/user-0", reflect.New(plain).Interface()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkListPage compares Posts.ListPage with the same GET written by hand.
func BenchmarkListPage(b *testing.B) {
	srv := benchServer(b, postPayloadBody(b))
	ctx := context.Background()
	params := &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: "c1"}
	b.Run("sdk", func(b *testing.B) {
		c := benchClient(b, srv.URL)
		b.ReportAllocs()
		for range b.N {
			if _, err := c.Posts.ListPage(ctx, params); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		hc := rawHTTPClient()
		plain := plainMirror(reflect.TypeOf(amity.PostPayload{}))
		b.ReportAllocs()
		for range b.N {
			if err := rawGet(hc, srv.URL+"/api/v4/posts?targetType=community&targetId=c1", reflect.New(plain).Interface()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkParallel16 runs Users.Get from 16 goroutines per core... no: from 16 goroutines in
// all (SetParallelism over the cores), against the same calls by hand.
func BenchmarkParallel16(b *testing.B) {
	srv := benchServer(b, userPageBody(1))
	ctx := context.Background()
	par := max(1, 16/runtime.GOMAXPROCS(0))
	b.Run("sdk", func(b *testing.B) {
		c := benchClient(b, srv.URL)
		b.ReportAllocs()
		b.SetParallelism(par)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if _, err := c.Users.Get(ctx, "user-0"); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
	b.Run("raw", func(b *testing.B) {
		hc := rawHTTPClient()
		plain := plainMirror(reflect.TypeOf(amity.UserPayload{}))
		b.ReportAllocs()
		b.SetParallelism(par)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if err := rawGet(hc, srv.URL+"/api/v3/users/user-0", reflect.New(plain).Interface()); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
}

// pagingServer serves total users, 100 a page, with cursors "p<n>".
func pagingServer(tb testing.TB, total int) *httptest.Server {
	tb.Helper()
	page := userPageBody(100)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := 0
		if tok := r.URL.Query().Get("options[token]"); tok != "" {
			fmt.Sscanf(tok, "p%d", &n)
		}
		next := ""
		if (n+1)*100 < total {
			next = fmt.Sprintf("p%d", n+1)
		}
		w.Header().Set("Content-Type", "application/json")
		body := strings.Replace(string(page), `"next":"tok-2"`, fmt.Sprintf(`"next":%q`, next), 1)
		_, _ = io.WriteString(w, body)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// BenchmarkPaging100k walks 100,000 users (1,000 pages) with Users.List and reports the
// peak heap seen during the walk.
func BenchmarkPaging100k(b *testing.B) {
	srv := pagingServer(b, 100_000)
	c := benchClient(b, srv.URL)
	ctx := context.Background()
	b.ReportAllocs()
	var peak uint64
	for range b.N {
		n := 0
		for _, err := range c.Users.List(ctx, &amity.ListUsersParams{PageParams: amity.PageParams{Limit: 100}}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
			if n%10_000 == 0 {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
		if n != 100_000 {
			b.Fatalf("walked %d users", n)
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

// TestWarmPoolOpensNoConnections: after a warm-up, 16 goroutines calling at once reuse the
// client's idle connections and open none (Go's default transport keeps only 2 per host).
func TestWarmPoolOpensNoConnections(t *testing.T) {
	var opened atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(2 * time.Millisecond) // keep the calls overlapping
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(userPageBody(1))
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			opened.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	c := benchClient(t, srv.URL)
	ctx := context.Background()
	burst := func() {
		var wg sync.WaitGroup
		for range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 20 {
					_, err := c.Users.Get(ctx, "user-0")
					assert.NoError(t, err)
				}
			}()
		}
		wg.Wait()
	}
	// Warm-up. It may open a few more than 16 connections: a request that waits for a dial
	// takes whichever connection comes free first, and net/http keeps the dialed one idle.
	burst()
	warm := opened.Load()
	t.Logf("%d connections opened while warming", warm)
	burst()
	burst()
	assert.Equal(t, warm, opened.Load(), "no connection opened after warm-up (%d opened while warming)", warm)
}

// TestCertificateErrorFailsAfterOneHandshake: a server whose certificate the client does not
// trust is tried once; the error is final.
func TestCertificateErrorFailsAfterOneHandshake(t *testing.T) {
	var handshakes atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	srv.TLS = &tls.Config{GetConfigForClient: func(*tls.ClientHelloInfo) (*tls.Config, error) {
		handshakes.Add(1)
		return nil, nil
	}}
	srv.StartTLS()
	defer srv.Close()
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL), amity.WithAdminToken(adminToken), amity.WithRetryWait(time.Millisecond, 2*time.Millisecond))
	require.NoError(t, err)
	_, err = c.Users.Get(context.Background(), "u1")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "certificate")
	assert.EqualValues(t, 1, handshakes.Load(), "a certificate error is not retried")
}
