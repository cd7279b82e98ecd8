package amitytest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"testing"

	"github.com/amity-go/amity"
)

// benchCommunity is the community the store benchmarks fill.
const benchCommunity = "65f0000000000000000bc001"

// fillPosts returns a server without rate limit holding n text posts in one community,
// loaded with a seed file, and an SDK client of its admin.
func fillPosts(b *testing.B, n int) (*Server, *amity.Client) { return fillPostsComments(b, n, 0) }

// fillPostsComments is fillPosts with comments on each post.
func fillPostsComments(b *testing.B, n, comments int) (*Server, *amity.Client) {
	b.Helper()
	verifyPostIndex = false // the tests' check of every index use (index_verify_test.go) is a scan
	b.Cleanup(func() { verifyPostIndex = true })
	srv := NewServer(WithoutRateLimit())
	b.Cleanup(srv.Close)
	f := &SeedFile{
		Users:       []SeedUser{{UserID: "author", DisplayName: "Author"}},
		Communities: []SeedCommunity{{ID: benchCommunity, DisplayName: "Bench", Creator: "author"}},
	}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("65f1%020x", i)
		f.Posts = append(f.Posts, SeedPost{ID: id, Author: "author", Community: benchCommunity, Text: fmt.Sprintf("post %d", i), Tags: []string{"bench"}})
		for k := 0; k < comments; k++ {
			f.Comments = append(f.Comments, SeedComment{Post: id, Author: "author", Text: "a comment"})
		}
	}
	if err := srv.LoadSeedFile(f); err != nil {
		b.Fatal(err)
	}
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken(srv.AdminToken()), amity.WithAPIKey(srv.APIKey()), amity.WithoutRateLimit())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = c.Close() })
	return srv, c
}

var benchSizes = []int{1, 10_000, 100_000}

// BenchmarkPostsListPage is a page of a community feed (the SDK's default page size) read
// through the SDK on loopback, with 1, 10,000 and 100,000 posts stored.
func BenchmarkPostsListPage(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("posts=%d", n), func(b *testing.B) {
			_, c := fillPosts(b, n)
			ctx := context.Background()
			params := &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: benchCommunity}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				p, err := c.Posts.ListPage(ctx, params)
				if err != nil || len(p.Posts) == 0 {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkPostsCreate is a text post created in the community through the SDK on loopback,
// with 1, 10,000 and 100,000 posts stored.
func BenchmarkPostsCreate(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("posts=%d", n), func(b *testing.B) {
			_, c := fillPosts(b, n)
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				_, err := c.Posts.Create(ctx, &amity.CreatePostParams{TargetType: amity.PostTargetCommunity, TargetID: benchCommunity,
					Data: &amity.CreatePostData{Text: "benchmark"}})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "creates/s")
		})
	}
}

// BenchmarkPostMemory reports the heap a stored post takes (a seed file's text post in a
// community, with its indexes), from 100,000 posts.
func BenchmarkPostMemory(b *testing.B) {
	const n = 100_000
	for i := 0; i < b.N; i++ {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		srv, _ := fillPosts(b, n)
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "B/post")
		runtime.KeepAlive(srv)
	}
}

// BenchmarkPostsListPageHTTP is BenchmarkPostsListPage without the SDK: the same page asked
// with net/http and its body read but not decoded, which is the fake's own cost.
func BenchmarkPostsListPageHTTP(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("posts=%d", n), func(b *testing.B) {
			srv, _ := fillPosts(b, n)
			req, err := http.NewRequest(http.MethodGet, srv.URL()+"/api/v5/posts?targetType=community&targetId="+benchCommunity, nil)
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+srv.AdminToken())
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, res.Body)
				_ = res.Body.Close()
				if res.StatusCode != http.StatusOK {
					b.Fatal(res.Status)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkPostsListPageComments is BenchmarkPostsListPage with 10,000 posts of 5 comments
// each: a post's answer reads its comments (count, latest, flagged) and its community's.
func BenchmarkPostsListPageComments(b *testing.B) {
	_, c := fillPostsComments(b, 10_000, 5)
	ctx := context.Background()
	params := &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: benchCommunity}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Posts.ListPage(ctx, params); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
