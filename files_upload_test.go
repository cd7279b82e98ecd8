package amity_test

// Uploads: the multipart body, streamed, replayed on a retry only when it can be, and the
// goroutines and memory an upload leaves behind.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
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

// receivedPart is a multipart part as the server received it.
type receivedPart struct {
	Field, Filename, ContentType string
	Data                         []byte
}

// receivedUpload is an upload as the server received it.
type receivedUpload struct {
	Method, Path     string
	Header           http.Header
	ContentLength    int64
	TransferEncoding []string
	BodySize         int64
	Parts            []receivedPart
}

// files returns the file parts.
func (r receivedUpload) files() []receivedPart {
	var out []receivedPart
	for _, p := range r.Parts {
		if p.Filename != "" {
			out = append(out, p)
		}
	}
	return out
}

// countingReader counts what passes through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// parseUpload reads a multipart upload the way a server would, part by part, keeping the raw
// filename parameter (multipart.Part.FileName strips directories).
func parseUpload(r *http.Request) (receivedUpload, error) {
	out := receivedUpload{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone(),
		ContentLength: r.ContentLength, TransferEncoding: r.TransferEncoding}
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return out, fmt.Errorf("not multipart/form-data: %q", r.Header.Get("Content-Type"))
	}
	counted := &countingReader{r: r.Body}
	mr, err := (&http.Request{Header: r.Header, Body: io.NopCloser(counted)}).MultipartReader()
	if err != nil {
		return out, err
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, err
		}
		_, cd, err := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
		if err != nil {
			return out, err
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return out, err
		}
		out.Parts = append(out.Parts, receivedPart{Field: cd["name"], Filename: cd["filename"], ContentType: part.Header.Get("Content-Type"), Data: data})
	}
	_, err = io.Copy(io.Discard, counted)
	out.BodySize = counted.n
	return out, err
}

// uploadServer is a test API that records each upload and answers with a fixture.
type uploadServer struct {
	mu   sync.Mutex
	reqs []receivedUpload
	errs []error
	body string
}

func (s *uploadServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, err := parseUpload(r)
	s.mu.Lock()
	s.reqs = append(s.reqs, req)
	s.errs = append(s.errs, err)
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprint(w, s.body)
}

func (s *uploadServer) requests(t *testing.T) []receivedUpload {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, err := range s.errs {
		require.NoError(t, err, "the server could not parse the upload")
	}
	return append([]receivedUpload(nil), s.reqs...)
}

// filesOneShot hides every method of a reader but Read: not seekable, size unknown.
type filesOneShot struct{ r io.Reader }

func (o *filesOneShot) Read(p []byte) (int, error) { return o.r.Read(p) }

// filesPattern is a deterministic reader of n bytes that never holds them all.
type filesPattern struct {
	n, off int64
}

func (p *filesPattern) Read(b []byte) (int, error) {
	if p.off >= p.n {
		return 0, io.EOF
	}
	if rem := p.n - p.off; int64(len(b)) > rem {
		b = b[:rem]
	}
	for i := range b {
		b[i] = byte((p.off + int64(i)) * 31 % 251)
	}
	p.off += int64(len(b))
	return len(b), nil
}

func filesPatternBytes(n int64) []byte {
	b, _ := io.ReadAll(&filesPattern{n: n})
	return b
}

func TestFilesUploadMultipartShape(t *testing.T) {
	content := []byte("%PDF-1.7\n" + strings.Repeat("quarterly numbers\n", 500))
	type upload func(c *amity.Client, u *amity.UploadParams) (*amity.FilePayload, error)
	cases := []struct {
		name      string
		call      upload
		fixture   string
		upload    *amity.UploadParams
		path      string
		field     string
		filename  string
		mediaType string
		fields    map[string]string
		chunked   bool
	}{
		{
			name: "UploadFile with a known size",
			call: func(c *amity.Client, u *amity.UploadParams) (*amity.FilePayload, error) {
				return c.Files.UploadFile(context.Background(), u)
			},
			fixture: "files_upload_v4.json",
			upload: &amity.UploadParams{Name: "report.pdf", ContentType: "application/pdf", Body: bytes.NewReader(content),
				PreferredFilename: amity.Ptr("Q3 report.pdf")},
			path: "/api/v4/files", field: "files", filename: "report.pdf", mediaType: "application/pdf",
			fields: map[string]string{"preferredFilename": "Q3 report.pdf"},
		},
		{
			name: "UploadFile of an unknown type",
			call: func(c *amity.Client, u *amity.UploadParams) (*amity.FilePayload, error) {
				return c.Files.UploadFile(context.Background(), u)
			},
			fixture: "files_upload_v4.json",
			upload:  &amity.UploadParams{Name: "dump.zz9", Body: bytes.NewReader(content)},
			path:    "/api/v4/files", field: "files", filename: "dump.zz9", mediaType: "application/octet-stream",
			fields: map[string]string{},
		},
		{
			name: "UploadImage derives the type from the name, escapes it and sends the alt text",
			call: func(c *amity.Client, u *amity.UploadParams) (*amity.FilePayload, error) {
				return c.Files.UploadImage(context.Background(), u)
			},
			fixture: "files_upload_v4.json",
			upload: &amity.UploadParams{Name: `my "best" \ фото.png`, Body: strings.NewReader(string(content)),
				AltText: amity.Ptr("a photo"), AccessType: amity.FileAccessNetwork},
			// Spec 4.116.1's field "file", as the React Native client 7.20 sends it (docs/wire-notes.md, row 54).
			path: "/api/v4/images", field: "file", filename: `my "best" \ фото.png`, mediaType: "image/png",
			fields: map[string]string{"accessType": "network", "altText": "a photo"},
		},
		{
			name: "UploadVideo streams an unknown size chunked",
			call: func(c *amity.Client, u *amity.UploadParams) (*amity.FilePayload, error) {
				return c.Files.UploadVideo(context.Background(), u)
			},
			fixture: "files_upload_v4.json",
			upload: &amity.UploadParams{Name: "teaser.mp4", ContentType: "video/mp4", Body: &filesOneShot{bytes.NewReader(content)},
				FeedType: amity.VideoFeedClip, PreferredFilename: amity.Ptr("launch-teaser.mp4")},
			path: "/api/v4/videos", field: "files", filename: "teaser.mp4", mediaType: "video/mp4",
			fields:  map[string]string{"feedType": "clip", "preferredFilename": "launch-teaser.mp4"},
			chunked: true,
		},
		{
			name: "V3.Upload uses the field file and sends fullImage",
			call: func(c *amity.Client, u *amity.UploadParams) (*amity.FilePayload, error) {
				return c.Files.V3.Upload(context.Background(), u)
			},
			fixture: "files_upload_v3.json",
			upload: &amity.UploadParams{Name: "scan.jpg", ContentType: "image/jpeg", Body: bytes.NewReader(content), Size: int64(len(content)),
				FullImage: amity.Ptr(false)},
			path: "/api/v3/files", field: "file", filename: "scan.jpg", mediaType: "image/jpeg",
			fields: map[string]string{"fullImage": "false"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := &uploadServer{body: fixture(t, tc.fixture)}
			srv := httptest.NewServer(rec)
			defer srv.Close()
			files, err := tc.call(retryClient(t, srv.URL), tc.upload)
			require.NoError(t, err)
			require.Len(t, files.Files, 1)
			assert.NotEmpty(t, files.File().FileID)

			reqs := rec.requests(t)
			require.Len(t, reqs, 1)
			got := reqs[0]
			assert.Equal(t, http.MethodPost, got.Method)
			assert.Equal(t, tc.path, got.Path)
			assert.Equal(t, "Bearer "+adminToken, got.Header.Get("Authorization"))
			assert.Equal(t, "application/json", got.Header.Get("Accept"))

			fields := map[string]string{}
			var order []string
			for _, p := range got.Parts {
				order = append(order, p.Field)
				if p.Filename == "" {
					fields[p.Field] = string(p.Data)
				}
			}
			assert.Equal(t, tc.fields, fields)
			assert.Equal(t, tc.field, order[len(order)-1], "the form fields come before the file part")
			parts := got.files()
			require.Len(t, parts, 1)
			assert.Equal(t, tc.field, parts[0].Field)
			assert.Equal(t, tc.filename, parts[0].Filename)
			assert.Equal(t, tc.mediaType, parts[0].ContentType)
			assert.Equal(t, content, parts[0].Data)

			if tc.chunked {
				assert.EqualValues(t, -1, got.ContentLength)
				assert.Equal(t, []string{"chunked"}, got.TransferEncoding)
			} else {
				assert.Equal(t, got.BodySize, got.ContentLength, "a known size gives an exact Content-Length")
				assert.Empty(t, got.TransferEncoding)
			}
		})
	}
}

func TestFilesUploadDecodesAnswers(t *testing.T) {
	rec := &uploadServer{body: fixture(t, "files_upload_v4.json")}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	c := retryClient(t, srv.URL)
	files, err := c.Files.UploadVideo(context.Background(), &amity.UploadParams{Name: "launch-teaser.mp4", ContentType: "video/mp4", Body: strings.NewReader("ftyp")})
	require.NoError(t, err)
	require.Len(t, files.Files, 1)
	f := files.File()
	assert.Equal(t, "a91e4c0f2b7d4e5c9f3a8b10", f.FileID)
	assert.Equal(t, "https://apix.eu.amity.co/api/v3/files/a91e4c0f2b7d4e5c9f3a8b10/download", f.FileURL)
	assert.Equal(t, amity.FileTypeVideo, f.Type)
	assert.Equal(t, "launch-teaser.mp4", f.Attributes.Name)
	assert.Equal(t, "mp4", f.Attributes.Extension)
	assert.EqualValues(t, 2107842, f.Attributes.Size)
	assert.Equal(t, "video/mp4", f.Attributes.MimeType)
	assert.Equal(t, 12.48, f.Attributes.Metadata["duration"])
	assert.Equal(t, 1280, f.Attributes.Image().Width)
	assert.Equal(t, time.Date(2024, 6, 11, 16, 3, 55, 81e6, time.UTC), f.CreatedAt.UTC())
	assert.Contains(t, string(files.Raw), `"videoUrl"`, "unknown fields are kept in the payload's Raw")

	rec.body = fixture(t, "files_upload_v3.json")
	files, err = c.Files.V3.Upload(context.Background(), &amity.UploadParams{Name: "q3-report.pdf", Body: strings.NewReader("%PDF")})
	require.NoError(t, err)
	require.Len(t, files.Files, 1)
	assert.Equal(t, "5d7e2f9a1c3b4a6e8f0d2c4b", files.File().FileID)
	assert.Equal(t, amity.FileTypeFile, files.File().Type)
	assert.Empty(t, files.File().FileURL)
	assert.EqualValues(t, 93214, files.File().Attributes.Size)
	assert.Contains(t, string(files.Raw), `"isDeleted"`)
	assert.Contains(t, string(files.Raw), `"status"`, "Raw is the whole answer, envelope included")
}

// filesGated yields n pattern bytes but stops after gateAt bytes until gate is closed: a
// client that buffered the whole body before sending would never get past it.
type filesGated struct {
	filesPattern
	gateAt int64
	gate   <-chan struct{}
	waited bool
}

func (g *filesGated) Read(b []byte) (int, error) {
	if !g.waited && g.off >= g.gateAt {
		select {
		case <-g.gate:
			g.waited = true
		case <-time.After(10 * time.Second):
			return 0, errors.New("the server saw no file bytes before the client had produced them all: the body was buffered")
		}
	}
	if !g.waited && g.off+int64(len(b)) > g.gateAt {
		b = b[:g.gateAt-g.off]
	}
	return g.filesPattern.Read(b)
}

func TestFilesUploadStreams(t *testing.T) {
	const total, gateAt, serverNeeds = 8 << 20, 2 << 20, 1 << 20
	want := sha256.Sum256(filesPatternBytes(total))
	for _, size := range []int64{0, total} { // unknown size (chunked), then a Content-Length
		t.Run(fmt.Sprintf("size %d", size), func(t *testing.T) {
			seen := make(chan struct{})
			var got [sha256.Size]byte
			var gotN int64
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mr, err := r.MultipartReader()
				if !assert.NoError(t, err) {
					return
				}
				part, err := mr.NextPart()
				if !assert.NoError(t, err) {
					return
				}
				h := sha256.New()
				n, err := io.CopyN(h, part, serverNeeds)
				assert.NoError(t, err)
				close(seen) // the server has the first MiB while the client is held at 2 MiB
				m, err := io.Copy(h, part)
				assert.NoError(t, err)
				copy(got[:], h.Sum(nil))
				gotN = n + m
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprint(w, `[{"fileId":"big"}]`)
			}))
			defer srv.Close()
			body := &filesGated{filesPattern: filesPattern{n: total}, gateAt: gateAt, gate: seen}
			files, err := retryClient(t, srv.URL).Files.UploadFile(context.Background(),
				&amity.UploadParams{Name: "big.bin", Body: body, Size: size})
			require.NoError(t, err)
			assert.Equal(t, "big", files.File().FileID)
			assert.True(t, body.waited)
			assert.EqualValues(t, total, gotN)
			assert.Equal(t, want, got, "the server got the bytes in order")
		})
	}
}

// filesFlaky answers its first request 429 (optionally without reading the body), then
// records the uploads.
type filesFlaky struct {
	uploadServer
	hits     atomic.Int32
	failN    int32
	readBody bool
}

func (s *filesFlaky) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.hits.Add(1) <= s.failN {
		if s.readBody {
			req, err := parseUpload(r)
			s.mu.Lock()
			s.reqs, s.errs = append(s.reqs, req), append(s.errs, err)
			s.mu.Unlock()
		}
		w.Header().Set("Retry-After", "0")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"status":"error","code":400311,"message":"Rate limit exceeded"}`)
		return
	}
	s.uploadServer.ServeHTTP(w, r)
}

func TestFilesUploadReplaysSeekableBody(t *testing.T) {
	data := filesPatternBytes(4 << 20)
	tmp, err := os.CreateTemp(t.TempDir(), "upload-*.bin")
	require.NoError(t, err)
	defer tmp.Close()
	_, err = tmp.Write(data)
	require.NoError(t, err)

	for _, readFirst := range []bool{true, false} {
		sources := map[string]func() io.Reader{
			"bytes.Reader": func() io.Reader {
				r := bytes.NewReader(data)
				_, _ = r.Seek(7, io.SeekStart) // the upload starts where the reader is, not at 0
				return r
			},
			"os.File": func() io.Reader {
				_, _ = tmp.Seek(7, io.SeekStart)
				return tmp
			},
		}
		for name, source := range sources {
			t.Run(fmt.Sprintf("%s, server reads the refused body: %v", name, readFirst), func(t *testing.T) {
				srv := &filesFlaky{uploadServer: uploadServer{body: `[{"fileId":"f1"}]`}, failN: 1, readBody: readFirst}
				ts := httptest.NewServer(srv)
				defer ts.Close()
				files, err := retryClient(t, ts.URL).Files.UploadFile(context.Background(),
					&amity.UploadParams{Name: "data.bin", Body: source()})
				require.NoError(t, err)
				assert.Equal(t, "f1", files.File().FileID)
				assert.EqualValues(t, 2, srv.hits.Load(), "the 429 is retried")
				reqs := srv.requests(t)
				if readFirst {
					require.Len(t, reqs, 2)
					assert.Equal(t, reqs[0].files()[0].Data, reqs[1].files()[0].Data, "both attempts sent the same bytes")
					assert.Equal(t, reqs[0].ContentLength, reqs[1].ContentLength)
				} else {
					require.Len(t, reqs, 1)
				}
				last := reqs[len(reqs)-1]
				assert.Equal(t, data[7:], last.files()[0].Data, "the replay starts at the body's start position")
				assert.Equal(t, last.BodySize, last.ContentLength)
			})
		}
	}
}

// filesLateTransport answers the first attempt 429 without reading its body and keeps that
// body; during the second attempt it reads the stale body, as a transport still busy with an
// abandoned attempt may. The stale read must fail instead of taking Body from the live one.
type filesLateTransport struct {
	hits     int
	stale    io.ReadCloser
	staleErr error
	got      receivedUpload
	parseErr error
}

func (lt *filesLateTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	lt.hits++
	if lt.hits == 1 {
		lt.stale = r.Body
		return &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {"0"}},
			Body: io.NopCloser(strings.NewReader(`{"status":"error","code":400311}`)), Request: r}, nil
	}
	head := make([]byte, 1024)
	_, err := io.ReadFull(r.Body, head)
	if err == nil {
		_, lt.staleErr = lt.stale.Read(make([]byte, 1024))
		lt.stale.Close()
		live := io.MultiReader(bytes.NewReader(head), r.Body)
		lt.got, lt.parseErr = parseUpload(&http.Request{Method: r.Method, URL: r.URL, Header: r.Header, Body: io.NopCloser(live), ContentLength: r.ContentLength})
	}
	r.Body.Close()
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(`[{"fileId":"f1"}]`)), Request: r}, err
}

func TestFilesUploadStaleAttemptCannotTakeBody(t *testing.T) {
	data := filesPatternBytes(1 << 20)
	lt := &filesLateTransport{}
	c := retryClient(t, "https://api.test", amity.WithHTTPClient(&http.Client{Transport: lt}))
	files, err := c.Files.UploadFile(context.Background(), &amity.UploadParams{Name: "a.bin", Body: bytes.NewReader(data)})
	require.NoError(t, err)
	assert.Equal(t, "f1", files.File().FileID)
	assert.Equal(t, 2, lt.hits)
	require.Error(t, lt.staleErr, "the abandoned attempt's reader must not start streaming again")
	require.NoError(t, lt.parseErr)
	require.Len(t, lt.got.files(), 1)
	assert.Equal(t, data, lt.got.files()[0].Data, "the live attempt got the whole body")
	assert.Empty(t, filesStacks())
}

func TestFilesUploadNonSeekableBodyIsNotReplayed(t *testing.T) {
	pr, pw, err := os.Pipe() // an *os.File that cannot seek
	require.NoError(t, err)
	defer pr.Close()
	go func() {
		_, _ = pw.Write([]byte("piped content"))
		pw.Close()
	}()
	bodies := map[string]io.Reader{
		"plain reader": &filesOneShot{strings.NewReader("one-shot content")},
		"pipe":         pr,
		"bytes.Buffer": bytes.NewBufferString("buffered content"), // has a length, cannot rewind
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			srv := &filesFlaky{uploadServer: uploadServer{body: `[{"fileId":"f1"}]`}, failN: 100, readBody: true}
			ts := httptest.NewServer(srv)
			defer ts.Close()
			_, err := retryClient(t, ts.URL).Files.UploadFile(context.Background(), &amity.UploadParams{Name: "x.bin", Body: body})
			require.ErrorIs(t, err, amity.ErrNotReplayable)
			assert.Contains(t, err.Error(), "POST /api/v4/files")
			assert.EqualValues(t, 1, srv.hits.Load(), "a body that cannot be replayed is sent once")
			reqs := srv.requests(t)
			require.Len(t, reqs, 1)
			assert.Contains(t, string(reqs[0].files()[0].Data), "content")
		})
	}
}

func TestFilesUploadErrors(t *testing.T) {
	var mode atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch mode.Load() {
		case "too large":
			_, _ = io.CopyN(io.Discard, r.Body, 64<<10) // the API refuses before reading it all
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			fmt.Fprint(w, `{"status":"error","code":500000,"message":"Payload too large."}`)
		case "image rejected":
			_, _ = io.Copy(io.Discard, r.Body)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"status":"error","code":400314,"message":"Image contains inappropriate content"}`)
		default:
			_, err := parseUpload(r)
			assert.Error(t, err, "an aborted body must not parse as a complete upload")
			w.WriteHeader(http.StatusBadRequest)
		}
	}))
	defer srv.Close()
	c := retryClient(t, srv.URL)
	ctx := context.Background()

	mode.Store("too large")
	_, err := c.Files.UploadFile(ctx, &amity.UploadParams{Name: "big.bin", Body: &filesPattern{n: 8 << 20}})
	var apiErr *amity.Error
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusRequestEntityTooLarge, apiErr.StatusCode)
	assert.Equal(t, amity.CodeBusinessError, apiErr.Code)
	assert.Equal(t, "/api/v4/files", apiErr.Path)

	mode.Store("image rejected")
	_, err = c.Files.UploadImage(ctx, &amity.UploadParams{Name: "x.png", Body: strings.NewReader("\x89PNG")})
	assert.ErrorIs(t, err, amity.ErrImageRejected)

	mode.Store("aborted")
	_, err = c.Files.UploadFile(ctx, &amity.UploadParams{Name: "short.bin", Body: &filesOneShot{strings.NewReader("abc")}, Size: 10})
	assert.ErrorContains(t, err, "Body holds 3 bytes, not the 10 of Size")
	_, err = c.Files.UploadFile(ctx, &amity.UploadParams{Name: "long.bin", Body: &filesOneShot{strings.NewReader("abcdef")}, Size: 4})
	assert.ErrorContains(t, err, "Body holds more than the 4 bytes of Size")
	_, err = c.Files.UploadFile(ctx, &amity.UploadParams{Name: "empty.bin", Body: &filesOneShot{strings.NewReader("")}})
	assert.ErrorContains(t, err, "Body is empty")
	_, err = c.Files.UploadFile(ctx, &amity.UploadParams{Name: "broken.bin", Body: io.MultiReader(strings.NewReader("abc"), iotestErrReader("disk on fire"))})
	assert.ErrorContains(t, err, "reading Body: disk on fire")
}

type iotestErrReader string

func (e iotestErrReader) Read([]byte) (int, error) { return 0, errors.New(string(e)) }

// filesHuge is a seekable body of any size that holds nothing.
type filesHuge struct{ size, off int64 }

func (h *filesHuge) Read(p []byte) (int, error) {
	panic("a refused upload must not read its body")
}

func (h *filesHuge) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
		h.off = offset
	case io.SeekCurrent:
		h.off += offset
	case io.SeekEnd:
		h.off = h.size + offset
	}
	return h.off, nil
}

// filesStacks returns the stacks of the goroutines that run upload code. A producer is waited
// for before its call returns, but the goroutine takes a moment to vanish after signalling
// its end (its last deferred statement), so a short settle is allowed; a stuck one stays.
func filesStacks() string {
	var stacks string
	for deadline := time.Now().Add(2 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		var out []string
		for _, g := range strings.Split(string(buf), "\n\n") {
			if strings.Contains(g, "amity.(*filesStream)") || strings.Contains(g, "amity.(*filesSection)") || strings.Contains(g, "amity.(*filesDirect)") {
				out = append(out, g)
			}
		}
		stacks = strings.Join(out, "\n\n")
		if stacks == "" || time.Now().After(deadline) {
			return stacks
		}
	}
}

func TestFilesUploadLeavesNoGoroutine(t *testing.T) {
	var mode atomic.Value
	mode.Store("ok")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch mode.Load() {
		case "ok":
			_, _ = io.Copy(io.Discard, r.Body)
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `[{"fileId":"f1"}]`)
		case "500 midway":
			_, _ = io.CopyN(io.Discard, r.Body, 256<<10)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusInternalServerError)
			fmt.Fprint(w, `{"status":"error","code":500000,"message":"Unexpected error"}`)
		case "429":
			_, _ = io.CopyN(io.Discard, r.Body, 64<<10)
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
		case "hang up midway":
			_, _ = io.CopyN(io.Discard, r.Body, 256<<10)
			conn, _, err := w.(http.Hijacker).Hijack()
			if assert.NoError(t, err) {
				conn.Close()
			}
		case "slow":
			_, _ = io.Copy(io.Discard, r.Body) // until the client gives up
		case "stall":
			_, _ = io.CopyN(io.Discard, r.Body, 64<<10)
			time.Sleep(400 * time.Millisecond) // reads no more for a while: the client is held in its writes
			_, _ = io.Copy(io.Discard, r.Body) // until the client, given up, closes the connection
		}
	}))
	defer srv.Close()
	tr := http.DefaultTransport.(*http.Transport).Clone()
	c := retryClient(t, srv.URL, amity.WithHTTPClient(&http.Client{Transport: tr}))

	before := runtime.NumGoroutine()
	big := func() io.Reader { return &filesPattern{n: 16 << 20} }
	scenarios := []struct {
		mode string
		run  func() error
	}{
		{"ok", func() error {
			return errOf(c.Files.UploadFile(context.Background(), &amity.UploadParams{Name: "a.bin", Body: bytes.NewReader(filesPatternBytes(1 << 20))}))
		}},
		{"ok", func() error {
			return errOf(c.Files.UploadFile(context.Background(), &amity.UploadParams{Name: "a.bin", Body: big()}))
		}},
		{"500 midway", func() error {
			return errOf(c.Files.UploadFile(context.Background(), &amity.UploadParams{Name: "a.bin", Body: big()}))
		}},
		{"429", func() error { // retried with a seekable body, until the retries run out
			_, err := c.Files.UploadFile(context.Background(), &amity.UploadParams{Name: "a.bin", Body: bytes.NewReader(filesPatternBytes(4 << 20))})
			return err
		}},
		{"429", func() error { // not retried with a one-shot body
			_, err := c.Files.UploadFile(context.Background(), &amity.UploadParams{Name: "a.bin", Body: big()})
			return err
		}},
		{"hang up midway", func() error {
			return errOf(c.Files.UploadVideo(context.Background(), &amity.UploadParams{Name: "a.mp4", ContentType: "video/mp4", Body: big()}))
		}},
		{"slow", func() error { // cancelled while an endless body is being sent
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			_, err := c.Files.UploadFile(ctx, &amity.UploadParams{Name: "a.bin", Body: &filesPattern{n: 1 << 62}})
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			return err
		}},
		{"ok", func() error { // the Size check fails the body
			_, err := c.Files.UploadFile(context.Background(), &amity.UploadParams{Name: "a.bin", Body: &filesOneShot{big()}, Size: 32 << 20})
			return err
		}},
		{"stall", func() error { // cancelled while a body of known length is held
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			_, err := c.Files.UploadFile(ctx, &amity.UploadParams{Name: "a.bin", Body: &filesOneShot{big()}, Size: 16 << 20})
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			return err
		}},
		{"stall", func() error { // the same with an unknown length (the pipe)
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			_, err := c.Files.UploadFile(ctx, &amity.UploadParams{Name: "a.bin", Body: big()})
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			return err
		}},
	}
	for i, sc := range scenarios {
		mode.Store(sc.mode)
		err := sc.run()
		if sc.mode == "ok" && i < 2 {
			require.NoError(t, err, "scenario %d", i)
		} else {
			require.Error(t, err, "scenario %d (%s)", i, sc.mode)
		}
		assert.Empty(t, filesStacks(), "scenario %d (%s): an upload goroutine outlived its call", i, sc.mode)
	}

	tr.CloseIdleConnections()
	srv.CloseClientConnections()
	after := runtime.NumGoroutine()
	for deadline := time.Now().Add(5 * time.Second); after > before && time.Now().Before(deadline); after = runtime.NumGoroutine() {
		time.Sleep(20 * time.Millisecond)
	}
	assert.LessOrEqual(t, after, before, "goroutines before and after the uploads")
}

// filesWhoReads is a Body that notes, at its first Read, which code reads it: the pipe's
// producer goroutine or the transport itself through the direct body.
type filesWhoReads struct {
	r              io.Reader
	once           sync.Once
	viaPipe, viaTr bool
}

func (w *filesWhoReads) Read(p []byte) (int, error) {
	w.once.Do(func() {
		buf := make([]byte, 64<<10)
		stack := string(buf[:runtime.Stack(buf, false)])
		w.viaPipe = strings.Contains(stack, "amity.(*filesStream).produce")
		w.viaTr = strings.Contains(stack, "amity.(*filesSection).Read") && strings.Contains(stack, "net/http.")
	})
	return w.r.Read(p)
}

// filesWhoReadsSeeker is a seekable filesWhoReads.
type filesWhoReadsSeeker struct {
	*filesWhoReads
	io.Seeker
}

// TestFilesUploadKnownLengthSkipsThePipe checks that a body of known length is read by the
// transport itself, with no producer goroutine, and that an unknown length still goes
// through the producer; both send the same multipart body.
func TestFilesUploadKnownLengthSkipsThePipe(t *testing.T) {
	data := filesPatternBytes(2 << 20)
	rec := &uploadServer{body: `[{"fileId":"f1"}]`}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	c := retryClient(t, srv.URL)
	seekable := bytes.NewReader(data)
	for _, tc := range []struct {
		name string
		who  *filesWhoReads
		body func(*filesWhoReads) io.Reader
		size int64
		pipe bool
	}{
		{"seekable", &filesWhoReads{r: seekable}, func(w *filesWhoReads) io.Reader { return filesWhoReadsSeeker{w, seekable} }, 0, false},
		{"one-shot with Size", &filesWhoReads{r: bytes.NewReader(data)}, func(w *filesWhoReads) io.Reader { return w }, int64(len(data)), false},
		{"one-shot, unknown length", &filesWhoReads{r: bytes.NewReader(data)}, func(w *filesWhoReads) io.Reader { return w }, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := c.Files.UploadFile(context.Background(), &amity.UploadParams{Name: "a.bin", Body: tc.body(tc.who), Size: tc.size})
			require.NoError(t, err)
			assert.Equal(t, "f1", p.File().FileID)
			assert.Equal(t, tc.pipe, tc.who.viaPipe, "a producer goroutine reads Body only for an unknown length")
			assert.Equal(t, !tc.pipe, tc.who.viaTr, "the transport reads Body itself for a known length")
			reqs := rec.requests(t)
			last := reqs[len(reqs)-1]
			require.Len(t, last.files(), 1)
			assert.Equal(t, data, last.files()[0].Data)
			if tc.pipe {
				assert.EqualValues(t, -1, last.ContentLength)
			} else {
				assert.Equal(t, last.BodySize, last.ContentLength, "the Content-Length is the body's length")
			}
			assert.Empty(t, filesStacks())
		})
	}
}
