package amity_test

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
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// filesPart is a multipart part as the server received it.
type filesPart struct {
	Field, Filename, ContentType string
	Data                         []byte
}

// filesRequest is an upload as the server received it.
type filesRequest struct {
	Method, Path     string
	Header           http.Header
	ContentLength    int64
	TransferEncoding []string
	BodySize         int64
	Parts            []filesPart
}

// files returns the file parts.
func (r filesRequest) files() []filesPart {
	var out []filesPart
	for _, p := range r.Parts {
		if p.Filename != "" {
			out = append(out, p)
		}
	}
	return out
}

// filesCount counts what passes through it.
type filesCount struct {
	r io.Reader
	n int64
}

func (c *filesCount) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// filesParse reads a multipart upload the way a server would, part by part, keeping the raw
// filename parameter (multipart.Part.FileName strips directories).
func filesParse(r *http.Request) (filesRequest, error) {
	out := filesRequest{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone(),
		ContentLength: r.ContentLength, TransferEncoding: r.TransferEncoding}
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return out, fmt.Errorf("not multipart/form-data: %q", r.Header.Get("Content-Type"))
	}
	counted := &filesCount{r: r.Body}
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
		out.Parts = append(out.Parts, filesPart{Field: cd["name"], Filename: cd["filename"], ContentType: part.Header.Get("Content-Type"), Data: data})
	}
	_, err = io.Copy(io.Discard, counted)
	out.BodySize = counted.n
	return out, err
}

// filesRecorder is a test API that records each upload and answers with a fixture.
type filesRecorder struct {
	mu   sync.Mutex
	reqs []filesRequest
	errs []error
	body string
}

func (s *filesRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, err := filesParse(r)
	s.mu.Lock()
	s.reqs = append(s.reqs, req)
	s.errs = append(s.errs, err)
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprint(w, s.body)
}

func (s *filesRecorder) requests(t *testing.T) []filesRequest {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, err := range s.errs {
		require.NoError(t, err, "the server could not parse the upload")
	}
	return append([]filesRequest(nil), s.reqs...)
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

// TestFilesUnknownEnumsAreSent: an image size the SDK does not know is sent as given.
func TestFilesUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"download size", func(ctx context.Context, c *amity.Client) error {
			d, err := c.Files.Download(ctx, "f1", &amity.DownloadParams{Size: "huge"})
			if err == nil {
				d.Close()
			}
			return err
		}, []string{"size=huge"}},
	})
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
			name: "UploadImage derives the type from the name and escapes it",
			call: func(c *amity.Client, u *amity.UploadParams) (*amity.FilePayload, error) {
				return c.Files.UploadImage(context.Background(), u)
			},
			fixture: "files_upload_v4.json",
			upload:  &amity.UploadParams{Name: `my "best" \ фото.png`, Body: strings.NewReader(string(content))},
			path:    "/api/v4/images", field: "files", filename: `my "best" \ фото.png`, mediaType: "image/png",
			fields: map[string]string{},
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
			rec := &filesRecorder{body: fixture(t, tc.fixture)}
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
	rec := &filesRecorder{body: fixture(t, "files_upload_v4.json")}
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
	filesRecorder
	hits     atomic.Int32
	failN    int32
	readBody bool
}

func (s *filesFlaky) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.hits.Add(1) <= s.failN {
		if s.readBody {
			req, err := filesParse(r)
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
	s.filesRecorder.ServeHTTP(w, r)
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
				srv := &filesFlaky{filesRecorder: filesRecorder{body: `[{"fileId":"f1"}]`}, failN: 1, readBody: readFirst}
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
	got      filesRequest
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
		lt.got, lt.parseErr = filesParse(&http.Request{Method: r.Method, URL: r.URL, Header: r.Header, Body: io.NopCloser(live), ContentLength: r.ContentLength})
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
			srv := &filesFlaky{filesRecorder: filesRecorder{body: `[{"fileId":"f1"}]`}, failN: 100, readBody: true}
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
			_, err := filesParse(r)
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

func TestFilesBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	body := func() io.Reader { return strings.NewReader("content") }
	never := &filesHuge{size: 10}
	cases := []struct {
		name  string
		call  func() error
		field string
	}{
		{"nil upload", func() error { return errOf(c.Files.UploadFile(ctx, nil)) }, "upload"},
		{"nil body", func() error { return errOf(c.Files.UploadFile(ctx, &amity.UploadParams{Name: "a.bin"})) }, "Body"},
		{"typed nil body", func() error {
			return errOf(c.Files.UploadFile(ctx, &amity.UploadParams{Name: "a.bin", Body: (*bytes.Reader)(nil)}))
		}, "Body"},
		{"empty name", func() error { return errOf(c.Files.UploadFile(ctx, &amity.UploadParams{Name: " ", Body: body()})) }, "Name"},
		{"header injection in name", func() error {
			return errOf(c.Files.UploadFile(ctx, &amity.UploadParams{Name: "a.bin\r\nX-Evil: 1", Body: body()}))
		}, "Name"},
		{"empty body", func() error {
			return errOf(c.Files.UploadFile(ctx, &amity.UploadParams{Name: "a.bin", Body: strings.NewReader("")}))
		}, "Body"},
		{"negative size", func() error {
			return errOf(c.Files.UploadFile(ctx, &amity.UploadParams{Name: "a.bin", Body: body(), Size: -1}))
		}, "Size"},
		{"size contradicts the body", func() error {
			return errOf(c.Files.UploadFile(ctx, &amity.UploadParams{Name: "a.bin", Body: body(), Size: 99}))
		}, "Size"},
		{"declared size over 1 GiB", func() error {
			return errOf(c.Files.UploadFile(ctx, &amity.UploadParams{Name: "a.bin", Body: &filesOneShot{never}, Size: amity.MaxUploadSize + 1}))
		}, "Size"},
		{"seekable body over 1 GiB", func() error {
			return errOf(c.Files.UploadImage(ctx, &amity.UploadParams{Name: "a.png", Body: &filesHuge{size: amity.MaxUploadSize + 1}}))
		}, "Size"},
		{"v3 body over 1 GiB", func() error {
			return errOf(c.Files.V3.Upload(ctx, &amity.UploadParams{Name: "a.png", Body: &filesHuge{size: amity.MaxUploadSize + 1}}))
		}, "Size"},
		{"video over 2 GiB", func() error {
			return errOf(c.Files.UploadVideo(ctx, &amity.UploadParams{Name: "a.mp4", ContentType: "video/mp4", Body: &filesHuge{size: amity.MaxVideoUploadSize + 1}}))
		}, "Size"},
		{"image with a text type", func() error {
			return errOf(c.Files.UploadImage(ctx, &amity.UploadParams{Name: "a.png", ContentType: "text/plain", Body: body()}))
		}, "ContentType"},
		{"image with no known type", func() error { return errOf(c.Files.UploadImage(ctx, &amity.UploadParams{Name: "a.zz9", Body: body()})) }, "ContentType"},
		{"video with an image type", func() error { return errOf(c.Files.UploadVideo(ctx, &amity.UploadParams{Name: "a.png", Body: body()})) }, "ContentType"},
		{"malformed content type", func() error {
			return errOf(c.Files.UploadFile(ctx, &amity.UploadParams{Name: "a.bin", ContentType: "text/plain\r\nX-Evil: 1", Body: body()}))
		}, "ContentType"},
		{"preferred filename too long", func() error {
			return errOf(c.Files.UploadFile(ctx, &amity.UploadParams{Name: "a.bin", Body: body(), PreferredFilename: amity.Ptr(strings.Repeat("n", 1025))}))
		}, "PreferredFilename"},
		{"blank preferred filename", func() error {
			return errOf(c.Files.UploadFile(ctx, &amity.UploadParams{Name: "a.bin", Body: body(), PreferredFilename: amity.Ptr("")}))
		}, "PreferredFilename"},
		{"fullImage outside v3", func() error {
			return errOf(c.Files.UploadImage(ctx, &amity.UploadParams{Name: "a.png", Body: body(), FullImage: amity.Ptr(true)}))
		}, "FullImage"},
		{"feedType outside videos", func() error {
			return errOf(c.Files.UploadFile(ctx, &amity.UploadParams{Name: "a.bin", Body: body(), FeedType: amity.VideoFeedStory}))
		}, "FeedType"},
		{"empty file ID (Get)", func() error { return errOf(c.Files.Get(ctx, "")) }, "fileID"},
		{"dot file ID (Delete)", func() error { return c.Files.Delete(ctx, "..") }, "fileID"},
		{"file ID over 50 characters", func() error { return errOf(c.Files.Get(ctx, strings.Repeat("f", 51))) }, "fileID"},
		{"empty file ID (Download)", func() error { return errOf(c.Files.Download(ctx, " ", nil)) }, "fileID"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			assert.Contains(t, assertInvalid(t, err, tc.field).Op, "Files.")
		})
	}
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestFilesGet(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", "https://api.test/api/v3/files/f0c1a2b3c4d5e6f708192a3b", jsonResponder(200, fixture(t, "files_get.json")))
	p, err := c.Files.Get(context.Background(), "f0c1a2b3c4d5e6f708192a3b")
	require.NoError(t, err)
	require.Len(t, p.Files, 1)
	f := p.File()
	assert.Same(t, f, p.FileByID("f0c1a2b3c4d5e6f708192a3b"))
	assert.Nil(t, p.FileByID("other"))
	assert.Equal(t, "f0c1a2b3c4d5e6f708192a3b", f.FileID)
	assert.Equal(t, amity.FileTypeImage, f.Type)
	assert.Equal(t, "sunset.jpg", f.Attributes.Name)
	assert.Equal(t, "image/jpeg", f.Attributes.MimeType)
	assert.EqualValues(t, 482113, f.Attributes.Size)
	assert.Equal(t, time.Date(2024, 5, 2, 9, 14, 27, 512e6, time.UTC), f.CreatedAt.UTC())
	assert.Equal(t, time.Date(2024, 5, 2, 9, 14, 29, 0, time.UTC), f.UpdatedAt.UTC())
	img := f.Attributes.Image()
	assert.Equal(t, 1920, img.Width)
	assert.Equal(t, 1080, img.Height)
	assert.True(t, img.IsFull)
	assert.Equal(t, "Canon", img.Exif["Make"])
	assert.Equal(t, 13.7563, img.GPS["latitude"])
	assert.Contains(t, string(p.Raw), `"accessType"`, "unknown fields are kept in the payload's Raw")
	info := mt.GetCallCountInfo()
	assert.Equal(t, 1, info["GET https://api.test/api/v3/files/f0c1a2b3c4d5e6f708192a3b"])

	// The spec answers a missing file with 400 and code 400400.
	mt.RegisterResponder("GET", "https://api.test/api/v3/files/gone", jsonResponder(400, `{"status":"error","code":400400,"message":"Resource Not Found."}`))
	_, err = c.Files.Get(context.Background(), "gone")
	require.ErrorIs(t, err, amity.ErrNotFound)
	var apiErr *amity.Error
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, amity.CodeItemNotFound, apiErr.Code)

	mt.RegisterResponder("GET", "https://api.test/api/v3/files/empty", jsonResponder(200, `{"status":"success"}`))
	_, err = c.Files.Get(context.Background(), "empty")
	assert.ErrorIs(t, err, amity.ErrMalformedResponse, "an answer without the file is malformed")
	assert.False(t, errors.Is(err, amity.ErrNotFound))

	_, err = c.Files.Get(context.Background(), "..")
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	_, err = c.Files.Get(context.Background(), strings.Repeat("x", 51))
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	assert.Equal(t, 3, mt.GetTotalCallCount(), "bad IDs send nothing")
}

func TestFilesUnsuccessful(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("DELETE", "https://api.test/api/v3/files/f1", jsonResponder(200, `{"status":"success","data":{"success":false}}`))
	err := c.Files.Delete(context.Background(), "f1")
	require.ErrorIs(t, err, amity.ErrUnsuccessful)
	assert.ErrorIs(t, c.Files.Delete(context.Background(), ""), amity.ErrInvalidArgument)
	assert.Equal(t, 1, mt.GetTotalCallCount())
}

func TestFilesPayloadDecodesEachAnswerForm(t *testing.T) {
	c, mt := mockClient(t)
	for path, answer := range map[string]string{
		"/api/v4/files":  `[{"fileId":"a"},{"fileId":"b"}]`,
		"/api/v3/files":  `{"status":"success","data":[{"fileId":"a"},{"fileId":"b"}]}`,
		"/api/v4/images": `[]`,
	} {
		mt.RegisterResponder("POST", "https://api.test"+path, jsonResponder(200, answer))
	}
	up := func() *amity.UploadParams { return &amity.UploadParams{Name: "a.png", Body: strings.NewReader("x")} }
	p, err := c.Files.UploadFile(context.Background(), up(), amity.WithCallRetries(0))
	require.NoError(t, err)
	assert.Equal(t, "a", p.File().FileID)
	assert.Equal(t, "b", p.FileByID("b").FileID)
	p, err = c.Files.V3.Upload(context.Background(), up())
	require.NoError(t, err)
	assert.Len(t, p.Files, 2)
	_, err = c.Files.UploadImage(context.Background(), up())
	assert.ErrorIs(t, err, amity.ErrMalformedResponse, "an upload answer without its file is malformed")
	assert.Nil(t, (&amity.FilePayload{}).File())
}

func TestFilesDelete(t *testing.T) {
	c, mt := mockClient(t)
	var method, escaped string
	mt.RegisterResponder("DELETE", `=~^https://api\.test/api/v3/files/f0c1`, func(r *http.Request) (*http.Response, error) {
		method, escaped = r.Method, r.URL.EscapedPath()
		resp := httpmock.NewStringResponse(200, fixture(t, "files_delete.json"))
		resp.Header.Set("Content-Type", "application/json")
		return resp, nil
	})
	require.NoError(t, c.Files.Delete(context.Background(), "f0c1/a2"))
	assert.Equal(t, http.MethodDelete, method)
	assert.Equal(t, "/api/v3/files/f0c1%2Fa2", escaped, "the ID is one path segment")

	mt.RegisterResponder("DELETE", "https://api.test/api/v3/files/theirs", jsonResponder(403, `{"status":"error","code":400301,"message":"Permission denied"}`))
	err := c.Files.Delete(context.Background(), "theirs")
	require.ErrorIs(t, err, amity.ErrForbidden)
	var apiErr *amity.Error
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, amity.CodePermission, apiErr.Code)
	assert.Equal(t, 1, mt.GetCallCountInfo()["DELETE https://api.test/api/v3/files/theirs"], "a failed delete is not repeated")
}

func TestFilesDownloadStreamsEachSize(t *testing.T) {
	const total, first = 1 << 20, 64 << 10
	data := filesPatternBytes(total)
	var release, query atomic.Value // chan struct{}, string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v3/files/f1/download" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"status":"error","code":400400,"message":"Resource Not Found."}`)
			return
		}
		query.Store(r.URL.RawQuery)
		assert.Equal(t, "*/*", r.Header.Get("Accept"))
		assert.Equal(t, "Bearer "+adminToken, r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "image/png")
		w.Header().Set("Content-Disposition", `attachment; filename="sunset.png"`)
		_, _ = w.Write(data[:first])
		w.(http.Flusher).Flush()
		select { // the rest only once the client has read the start: Download must not buffer
		case <-release.Load().(chan struct{}):
		case <-time.After(10 * time.Second):
			return
		}
		_, _ = w.Write(data[first:])
	}))
	defer srv.Close()
	c := retryClient(t, srv.URL)

	sizes := []struct {
		params *amity.DownloadParams
		query  string
	}{
		{nil, ""},
		{&amity.DownloadParams{}, ""},
		{&amity.DownloadParams{Size: amity.ImageSizeSmall}, "size=small"},
		{&amity.DownloadParams{Size: amity.ImageSizeMedium}, "size=medium"},
		{&amity.DownloadParams{Size: amity.ImageSizeLarge}, "size=large"},
		{&amity.DownloadParams{Size: amity.ImageSizeFull}, "size=full"},
	}
	for _, tc := range sizes {
		t.Run("query "+tc.query, func(t *testing.T) {
			gate := make(chan struct{})
			release.Store(gate)
			rc, err := c.Files.Download(context.Background(), "f1", tc.params)
			require.NoError(t, err)
			defer rc.Close()
			assert.Equal(t, tc.query, query.Load())
			head := make([]byte, first)
			_, err = io.ReadFull(rc, head)
			require.NoError(t, err)
			close(gate)
			rest, err := io.ReadAll(rc)
			require.NoError(t, err)
			assert.Equal(t, data, append(head, rest...))
			require.NoError(t, rc.Close())
		})
	}

	_, err := c.Files.Download(context.Background(), "missing", nil)
	require.ErrorIs(t, err, amity.ErrNotFound)
	var apiErr *amity.Error
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "/api/v3/files/missing/download", apiErr.Path)
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
	rec := &filesRecorder{body: `[{"fileId":"f1"}]`}
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
