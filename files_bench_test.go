package amity_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
)

// filesZeroes yields n bytes generated on the fly from one small block, so that a 1 GiB
// upload needs no 1 GiB buffer. It is neither seekable nor sized: the SDK cannot learn its
// length from it.
type filesZeroes struct{ left int64 }

var filesBlock = func() []byte {
	b := make([]byte, 64<<10)
	for i := range b {
		b[i] = byte(i * 7)
	}
	return b
}()

func (z *filesZeroes) Read(p []byte) (int, error) {
	if z.left <= 0 {
		return 0, io.EOF
	}
	n := copy(p, filesBlock)
	if int64(n) > z.left {
		n = int(z.left)
	}
	z.left -= int64(n)
	return n, nil
}

// filesDiscard reads r to its end in 1 MiB reads (io.Discard's own ReadFrom reads 8 KiB at a
// time), so that the server's reading costs little beside the client's sending.
func filesDiscard(r io.Reader) (int64, error) {
	return io.CopyBuffer(struct{ io.Writer }{io.Discard}, r, make([]byte, 1<<20))
}

// filesPeak samples the heap and the memory obtained from the OS every few milliseconds.
type filesPeak struct {
	heapInuse, sys atomic.Uint64
	stop           chan struct{}
	done           sync.WaitGroup
}

func filesWatchMemory(every time.Duration) *filesPeak {
	p := &filesPeak{stop: make(chan struct{})}
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if m.HeapInuse > p.heapInuse.Load() {
			p.heapInuse.Store(m.HeapInuse)
		}
		if m.Sys > p.sys.Load() {
			p.sys.Store(m.Sys)
		}
	}
	p.done.Add(1)
	go func() {
		defer p.done.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			sample()
			select {
			case <-p.stop:
				sample()
				return
			case <-t.C:
			}
		}
	}()
	return p
}

func (p *filesPeak) end() (heapMiB, sysMiB float64) {
	close(p.stop)
	p.done.Wait()
	return float64(p.heapInuse.Load()) / (1 << 20), float64(p.sys.Load()) / (1 << 20)
}

// BenchmarkUpload1GiB streams 1 GiB through UploadFile to a local server that discards it,
// and reports the peak heap in use and the peak memory obtained from the OS during the upload
// (both include the in-process server). Run it once:
//
//	go test -run '^$' -bench Upload1GiB -benchtime 1x .
func BenchmarkUpload1GiB(b *testing.B) {
	for _, sized := range []bool{false, true} {
		name := "chunked"
		if sized {
			name = "content-length"
		}
		b.Run(name, func(b *testing.B) {
			const size = int64(1 << 30)
			srv, received := bigUploadServer(b)
			c, err := amity.NewClient(amity.WithBaseURL(srv.URL), amity.WithAdminToken("bench"),
				amity.WithoutRateLimit(), amity.WithMaxRetries(0))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(size)
			b.ReportAllocs()
			runtime.GC()
			peak := filesWatchMemory(2 * time.Millisecond)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				u := &amity.UploadParams{Name: "big.bin", ContentType: "application/octet-stream", Body: &filesZeroes{left: size}}
				if sized {
					u.Size = size
				}
				if _, err := c.Files.UploadFile(context.Background(), u); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			heapMiB, sysMiB := peak.end()
			if received.Load() < size {
				b.Fatalf("the server received %d bytes, want more than %d", received.Load(), size)
			}
			b.ReportMetric(heapMiB, "peak-heap-MiB")
			b.ReportMetric(sysMiB, "peak-sys-MiB")
		})
	}
}

// bigUploadServer reads each upload to its end, counting its bytes in received, and answers
// with the file of the 1 GiB benchmarks; it closes at the end of b.
func bigUploadServer(b *testing.B) (srv *httptest.Server, received *atomic.Int64) {
	received = new(atomic.Int64)
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := filesDiscard(r.Body)
		received.Store(n)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `[{"fileId":"big","type":"file","attributes":{"name":"big.bin","size":1073741824}}]`)
	}))
	b.Cleanup(srv.Close)
	return srv, received
}

// BenchmarkUploadDirectBody is the floor BenchmarkUpload1GiB is measured against: the same
// 1 GiB, from the same generator, posted with net/http directly (a Content-Length, no SDK, no
// multipart framing) to the same kind of server, under the same memory sampling. Run them
// together:
//
//	go test -run '^$' -bench Upload -benchtime 1x -benchmem .
func BenchmarkUploadDirectBody(b *testing.B) {
	const size = int64(1 << 30)
	srv, received := bigUploadServer(b)
	client := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	b.SetBytes(size)
	b.ReportAllocs()
	runtime.GC()
	peak := filesWatchMemory(2 * time.Millisecond) // the same sampling as BenchmarkUpload1GiB
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/api/v4/files", &filesZeroes{left: size})
		if err != nil {
			b.Fatal(err)
		}
		req.ContentLength = size
		req.Header.Set("Content-Type", "application/octet-stream")
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
	b.StopTimer()
	heapMiB, sysMiB := peak.end()
	if received.Load() != size {
		b.Fatalf("the server received %d bytes, want %d", received.Load(), size)
	}
	b.ReportMetric(heapMiB, "peak-heap-MiB")
	b.ReportMetric(sysMiB, "peak-sys-MiB")
}
