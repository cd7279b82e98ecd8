package amity

// This file is the uploads of the Files service: UploadParams, the upload endpoints and the
// streaming of their multipart bodies.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"path"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// FilesV3Service holds the older v3 upload. Reach it as Client.Files.V3.
type FilesV3Service struct{ c *Client }

// Upload limits, from the spec.
const (
	// MaxUploadSize is the largest body UploadFile, UploadImage and V3.Upload accept:
	// 1,073,741,824 bytes (1 GiB).
	MaxUploadSize int64 = 1 << 30
	// MaxVideoUploadSize is the largest body UploadVideo accepts: 2,147,483,648 bytes (2 GiB).
	MaxVideoUploadSize int64 = 2 << 30
)

// VideoFeedType is the feedType form field of Files.UploadVideo: the kind of content the video
// is uploaded for, which the server may apply its own limits to (a story's maximum duration
// is shorter than a post's). The spec types it as a free string; the constants are the values
// the vendor's own SDKs agree on, and any other value is sent as is.
type VideoFeedType string

// Video feed types.
const (
	VideoFeedPost  VideoFeedType = "post"
	VideoFeedStory VideoFeedType = "story"
	VideoFeedClip  VideoFeedType = "clip"
)

// ErrNotReplayable is returned (wrapped) when an upload had to be sent again (after a 429 or
// rate-limit answer, or a session renewal after a 401) but its Body, not an io.Seeker, was
// already read. Pass an io.ReadSeeker (an *os.File, a *bytes.Reader) to let the SDK retry,
// or call again with a fresh reader.
var ErrNotReplayable = errors.New("amity: upload Body cannot be sent again: it is not an io.Seeker")

// UploadParams is one file to upload: its content and the optional form fields of the upload
// operations. The content is streamed as a multipart/form-data part; it is never read into
// memory as a whole.
//
// Each attempt reads Body from its start. When Body is an io.Seeker (a regular *os.File,
// *bytes.Reader, *strings.Reader, ...), an attempt that must be repeated seeks it back to the
// position it had when the call began and streams it again. Any other reader is read once:
// a call that would need a second attempt fails with an error matching ErrNotReplayable.
// Body is not closed by the SDK, and it is no longer read once the upload method returns (a
// Read in progress is waited for).
type UploadParams struct {
	// Name (required) is the file name sent with the content, e.g. "photo.jpg". The API takes
	// the stored name and extension from it (see PreferredFilename).
	Name string
	// ContentType is the content's media type, e.g. "image/png". Empty: the type registered
	// for Name's extension, else application/octet-stream. UploadImage needs an image/* type
	// and UploadVideo a video/* type.
	ContentType string
	// Body (required) is the content.
	Body io.Reader
	// Size is Body's length in bytes, or 0 when unknown. It is worked out from Body when Body
	// has a Len method (*bytes.Buffer, *bytes.Reader, *strings.Reader) or is a regular file or
	// other io.Seeker. With a known size the call is refused before sending when it is
	// above the operation's limit (MaxUploadSize, MaxVideoUploadSize), and the request
	// carries a Content-Length; a Body that then yields another number of bytes fails the
	// call. With an unknown size the body is sent chunked and the server enforces the limit.
	Size int64

	// PreferredFilename (preferredFilename, at most 1,024 characters) is the name to store
	// the file under instead of Name.
	PreferredFilename *string
	// FullImage (fullImage; Files.V3.Upload only) asks the API to keep the full-resolution
	// image (reported as isFull in the file's metadata).
	FullImage *bool
	// FeedType (feedType; Files.UploadVideo only) is what the video is for. Spec 4.116.1 no
	// longer lists the field; the API's clients still send it (docs/wire-notes.md).
	FeedType VideoFeedType
	// AccessType (accessType) is public (the server's default: downloads need no token) or
	// network (downloads need a token of the network). The API's clients always send the
	// access type their client is configured with.
	AccessType FileAccessType
	// AltText (altText; Files.UploadImage only) is the image's alternative text, at most 125
	// characters.
	AltText *string
}

// filesEndpoint describes one upload operation.
type filesEndpoint struct {
	op, path  string
	field     string // the multipart field of the file part
	maxSize   int64
	media     string // required media type prefix ("image/", "video/") or ""
	fullImage bool   // takes the fullImage field
	feedType  bool   // takes the feedType field
	altText   bool   // takes the altText field
}

// The upload endpoints. The multipart field of the content is the one the API's clients send
// (docs/wire-notes.md, row 54): "file" for images (the React Native client 7.20 and spec
// 4.116.1), "files" for files and videos (every client; spec 4.116.1 names it "file" and
// keeps "files" as deprecated), "file" for the v3 upload.
var (
	filesUploadFile  = filesEndpoint{op: "Files.UploadFile", path: "/api/v4/files", field: "files", maxSize: MaxUploadSize}
	filesUploadImage = filesEndpoint{op: "Files.UploadImage", path: "/api/v4/images", field: "file", maxSize: MaxUploadSize, media: "image/", altText: true}
	filesUploadVideo = filesEndpoint{op: "Files.UploadVideo", path: "/api/v4/videos", field: "files", maxSize: MaxVideoUploadSize, media: "video/", feedType: true}
	filesUploadV3    = filesEndpoint{op: "Files.V3.Upload", path: "/api/v3/files", field: "file", maxSize: MaxUploadSize, fullImage: true}
)

// UploadFile uploads a file of any type (at most 1 GiB) and returns it as stored (the
// payload's File()), with its download URL. POST /api/v4/files (multipart field "files", as
// the API's clients send it). Not idempotent: each call stores a new file, so it is retried
// only when the server provably did not process it (see Upload for the body's replay).
func (s *FilesService) UploadFile(ctx context.Context, u *UploadParams, opts ...CallOption) (*FilePayload, error) {
	return upload(ctx, s.c, filesUploadFile, u, opts)
}

// UploadImage uploads an image (an image/* ContentType, at most 1 GiB) and returns it as
// stored (the payload's File()), with its AltText. POST /api/v4/images (multipart field
// "file"). Not idempotent, like UploadFile.
func (s *FilesService) UploadImage(ctx context.Context, u *UploadParams, opts ...CallOption) (*FilePayload, error) {
	return upload(ctx, s.c, filesUploadImage, u, opts)
}

// UploadVideo uploads a video (a video/* ContentType, at most 2 GiB) and returns it as
// stored (the payload's File()); Upload.FeedType says what it is for. POST /api/v4/videos
// (multipart field "files", as the API's clients send it). Not idempotent, like UploadFile.
func (s *FilesService) UploadVideo(ctx context.Context, u *UploadParams, opts ...CallOption) (*FilePayload, error) {
	return upload(ctx, s.c, filesUploadVideo, u, opts)
}

// Upload uploads a file or image with the v3 operation and returns it as stored (the
// payload's File()). It differs from UploadFile in its multipart field ("file"), its
// fullImage option (Upload.FullImage), its answer (wrapped in {status, data}, without
// fileUrl) and the types it reports (image or file, never video). The SDK applies the 1 GiB
// limit of the v4 operations. POST /api/v3/files. Not idempotent, like UploadFile.
func (s *FilesV3Service) Upload(ctx context.Context, u *UploadParams, opts ...CallOption) (*FilePayload, error) {
	return upload(ctx, s.c, filesUploadV3, u, opts)
}

// upload is the body of the upload methods: it checks u for ep and sends its stream.
func upload(ctx context.Context, c *Client, ep filesEndpoint, u *UploadParams, opts []CallOption) (*FilePayload, error) {
	st, err := ep.prepare(u)
	if err != nil {
		return nil, err
	}
	defer st.finish()
	return callOne(ctx, c, &request{op: ep.op, method: http.MethodPost, path: ep.path,
		stream: &payload{contentType: st.formType, open: st.open}, opts: opts}, "file", filesOf)
}

// prepare validates u for the endpoint and returns its body stream. Nothing is read from
// u.Body; a seekable Body may be sought to learn its length and is put back where it was.
func (ep filesEndpoint) prepare(u *UploadParams) (*filesStream, error) {
	op := ep.op
	invalid := func(field, reason string, args ...any) error {
		return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf(reason, args...)}
	}
	if err := notNil(op, "upload", u); err != nil {
		return nil, err
	}
	if filesIsNil(u.Body) {
		return nil, invalid("Body", "must not be nil")
	}
	if err := required(op, "Name", u.Name); err != nil {
		return nil, err
	}
	if strings.ContainsFunc(u.Name, unicode.IsControl) {
		return nil, invalid("Name", "must not contain control characters")
	}
	mediaType, err := ep.mediaType(u)
	if err != nil {
		return nil, err
	}
	if u.PreferredFilename != nil {
		if strings.TrimSpace(*u.PreferredFilename) == "" {
			return nil, invalid("PreferredFilename", "must not be empty when set")
		}
		if err := maxLenPtr(op, "PreferredFilename", u.PreferredFilename, 1024); err != nil {
			return nil, err
		}
	}
	if u.FullImage != nil && !ep.fullImage {
		return nil, invalid("FullImage", "is only sent by Files.V3.Upload")
	}
	if u.FeedType != "" && !ep.feedType {
		return nil, invalid("FeedType", "is only sent by Files.UploadVideo")
	}
	if u.AltText != nil && !ep.altText {
		return nil, invalid("AltText", "is only sent by Files.UploadImage")
	}
	if err := maxLenPtr(op, "AltText", u.AltText, 125); err != nil {
		return nil, err
	}
	if u.Size < 0 {
		return nil, invalid("Size", "must not be negative (0 means unknown)")
	}

	st := &filesStream{op: op, src: u.Body, size: -1, length: -1, field: ep.field, name: u.Name, mediaType: mediaType}
	measured, err := st.measure()
	if err != nil {
		return nil, invalid("Body", "%v", err)
	}
	switch {
	case u.Size > 0 && measured >= 0 && u.Size != measured:
		return nil, invalid("Size", "is %d but Body holds %d bytes", u.Size, measured)
	case u.Size > 0:
		st.size = u.Size
	default:
		st.size = measured
	}
	if st.size == 0 {
		return nil, invalid("Body", "is empty")
	}
	if st.size > ep.maxSize {
		return nil, invalid("Size", "is %d bytes, above the %d-byte limit of %s", st.size, ep.maxSize, ep.path)
	}

	if u.PreferredFilename != nil {
		st.fields = append(st.fields, [2]string{"preferredFilename", *u.PreferredFilename})
	}
	if u.FullImage != nil {
		st.fields = append(st.fields, [2]string{"fullImage", fmt.Sprint(*u.FullImage)})
	}
	if u.FeedType != "" {
		st.fields = append(st.fields, [2]string{"feedType", string(u.FeedType)})
	}
	if u.AccessType != "" {
		st.fields = append(st.fields, [2]string{"accessType", string(u.AccessType)})
	}
	if u.AltText != nil {
		st.fields = append(st.fields, [2]string{"altText", *u.AltText})
	}
	random := multipart.NewWriter(io.Discard) // for its random boundary
	st.boundary, st.formType = random.Boundary(), random.FormDataContentType()
	if st.size > 0 {
		// The framing (fields and part header before the content, the closing boundary after
		// it) is fixed: write it once, so that each attempt sends it around a section of Body
		// without a pipe, and the request carries a Content-Length.
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		if err := mw.SetBoundary(st.boundary); err != nil {
			return nil, err
		}
		if _, err := st.writeHead(mw); err != nil {
			return nil, err
		}
		headLen := buf.Len()
		if err := mw.Close(); err != nil {
			return nil, err
		}
		framing := buf.Bytes()
		st.head, st.tail = framing[:headLen:headLen], framing[headLen:]
		st.length = int64(len(framing)) + st.size
	}
	return st, nil
}

// mediaType checks (or works out) the content type of the file part.
func (ep filesEndpoint) mediaType(u *UploadParams) (string, error) {
	op := ep.op
	ct := strings.TrimSpace(u.ContentType)
	if ct == "" {
		ct = mime.TypeByExtension(path.Ext(u.Name))
		if ct == "" && ep.media != "" {
			return "", &ValidationError{Op: op, Field: "ContentType", Reason: fmt.Sprintf("is required: no %s* type is known for the extension of Name %q", ep.media, u.Name)}
		}
		if ct == "" {
			ct = "application/octet-stream"
		}
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || !strings.Contains(mt, "/") {
		return "", &ValidationError{Op: op, Field: "ContentType", Reason: fmt.Sprintf("is not a media type: %q", ct)}
	}
	if ep.media != "" && !strings.HasPrefix(mt, ep.media) {
		return "", &ValidationError{Op: op, Field: "ContentType", Reason: fmt.Sprintf("must be an %s* type for %s, not %q", ep.media, ep.path, mt)}
	}
	if formatted := mime.FormatMediaType(mt, params); formatted != "" {
		return formatted, nil
	}
	return mt, nil
}

// filesIsNil reports a nil reader, typed nil pointers included.
func filesIsNil(r io.Reader) bool {
	if r == nil {
		return true
	}
	v := reflect.ValueOf(r)
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.Interface:
		return v.IsNil()
	}
	return false
}

// filesStream is the multipart body of one upload call. Each attempt gets a reader from open.
//
// When the body's length is known (Body's size is), the reader is a filesDirect: the framing
// written once by prepare, then Body itself, read by the transport's own goroutine, then the
// closing boundary. When it is not, the first Read of a reader (a filesBody) starts a
// goroutine that writes the multipart body into an io.Pipe, streaming Body through it; only
// one such producer runs at a time, and none is left running once finish returns.
//
// Either way, only the reader of the latest attempt that began reading may read Body: an
// older one fails, and once finish returns Body is not read again.
type filesStream struct {
	op        string
	src       io.Reader
	seeker    io.Seeker // nil when src cannot be rewound
	start     int64     // src's position when the call began
	size      int64     // src's length, -1 when unknown
	length    int64     // the whole body's length, -1 when unknown
	field     string
	name      string
	mediaType string
	fields    [][2]string // form fields, sent before the file part
	boundary  string
	formType  string // multipart/form-data; boundary=...
	// head and tail are the framing around the content, when length is known.
	head, tail []byte

	mu      sync.Mutex
	started bool // src has been (or is being) read
	over    bool // finish was called
	opened  int  // readers handed out by open
	run     *filesRun
	cur     int // the generation of the filesDirect reading src, 0 for none
}

// filesRun is one running producer.
type filesRun struct {
	gen  int // the generation of the reader it serves
	pr   *io.PipeReader
	exit chan struct{}
}

// errFilesAborted ends a body stream whose call gave up on it.
var errFilesAborted = errors.New("amity: upload aborted")

// measure learns src's position and length where it can, without reading it. It returns the
// length, or -1.
func (st *filesStream) measure() (int64, error) {
	size := int64(-1)
	if l, ok := st.src.(interface{ Len() int }); ok {
		size = int64(l.Len())
	}
	sk, ok := st.src.(io.Seeker)
	if !ok {
		return size, nil
	}
	if f, isFile := st.src.(*os.File); isFile {
		// A pipe, terminal or device "seeks" oddly or not at all: only regular files replay.
		fi, err := f.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return size, nil
		}
	}
	cur, err := sk.Seek(0, io.SeekCurrent)
	if err != nil {
		return size, nil // not really seekable
	}
	st.seeker, st.start = sk, cur
	if size >= 0 {
		return size, nil
	}
	end, err := sk.Seek(0, io.SeekEnd)
	if err != nil {
		return -1, nil
	}
	if _, err := sk.Seek(cur, io.SeekStart); err != nil {
		return -1, fmt.Errorf("could not be sought back to its position: %w", err)
	}
	if end < cur {
		return -1, nil
	}
	return end - cur, nil
}

// open is the payload's open func: a fresh reader for an attempt. It fails when src was
// already read and cannot be rewound.
func (st *filesStream) open() (io.Reader, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := st.replayableLocked(); err != nil {
		return nil, err
	}
	st.opened++
	if st.length >= 0 {
		return &filesDirect{st: st, gen: st.opened}, nil
	}
	return &filesBody{st: st, gen: st.opened}, nil
}

// replayableLocked returns why the stream cannot be sent again, or nil (st.mu held).
func (st *filesStream) replayableLocked() error {
	if st.over {
		return fmt.Errorf("amity: %s: %w", st.op, errFilesAborted)
	}
	if st.started && st.seeker == nil {
		return fmt.Errorf("amity: %s: %w", st.op, ErrNotReplayable)
	}
	return nil
}

// begin starts a producer for the first Read of the reader of generation gen, after stopping
// the previous one and rewinding src when it was read before. A reader older than the one
// already streaming is refused: an abandoned attempt whose transport reads late must not take
// src from the current attempt.
func (st *filesStream) begin(gen int) (*io.PipeReader, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := st.replayableLocked(); err != nil {
		return nil, err
	}
	if st.run != nil && st.run.gen > gen {
		return nil, fmt.Errorf("amity: %s: %w", st.op, errFilesAborted)
	}
	st.stopLocked()
	if st.started {
		if _, err := st.seeker.Seek(st.start, io.SeekStart); err != nil {
			return nil, fmt.Errorf("amity: %s: rewinding Body: %w", st.op, err)
		}
	}
	st.started = true
	pr, pw := io.Pipe()
	run := &filesRun{gen: gen, pr: pr, exit: make(chan struct{})}
	st.run = run
	go func() {
		defer close(run.exit)
		pw.CloseWithError(st.produce(pw))
	}()
	return pr, nil
}

// stopLocked ends the running producer, if any, and waits for it: after it, src is not read.
// st.run stays set (to a finished run), so that begin can still tell the generations apart.
func (st *filesStream) stopLocked() {
	if st.run == nil {
		return
	}
	st.run.pr.CloseWithError(errFilesAborted)
	<-st.run.exit
}

// finish ends the upload: no producer runs after it and no reader can start one.
func (st *filesStream) finish() {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.over = true
	st.stopLocked()
}

// produce writes the whole multipart body to w.
func (st *filesStream) produce(w io.Writer) error {
	mw := multipart.NewWriter(w)
	if err := mw.SetBoundary(st.boundary); err != nil {
		return err
	}
	part, err := st.writeHead(mw)
	if err != nil {
		return err
	}
	if err := st.copyBody(part); err != nil {
		return err
	}
	return mw.Close()
}

// filesQuoter escapes a form field's name or file name in a part header.
var filesQuoter = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// writeHead writes the form fields and the file part's header.
func (st *filesStream) writeHead(mw *multipart.Writer) (io.Writer, error) {
	for _, f := range st.fields {
		if err := mw.WriteField(f[0], f[1]); err != nil {
			return nil, err
		}
	}
	h := make(textproto.MIMEHeader)
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, st.field, filesQuoter.Replace(st.name)))
	h.Set("Content-Type", st.mediaType)
	return mw.CreatePart(h)
}

// copyBody streams src into the file part and checks its length.
func (st *filesStream) copyBody(w io.Writer) error {
	src := st.src
	if st.size >= 0 {
		src = io.LimitReader(src, st.size+1) // one byte more tells a Body longer than Size
	}
	buf := make([]byte, 64<<10)
	var n int64
	for {
		nr, rerr := src.Read(buf)
		if nr > 0 {
			if _, err := w.Write(buf[:nr]); err != nil {
				return err
			}
			n += int64(nr)
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return fmt.Errorf("amity: %s: reading Body: %w", st.op, rerr)
		}
	}
	switch {
	case st.size >= 0 && n > st.size:
		return fmt.Errorf("amity: %s: Body holds more than the %d bytes of Size", st.op, st.size)
	case st.size >= 0 && n < st.size:
		return fmt.Errorf("amity: %s: Body holds %d bytes, not the %d of Size", st.op, n, st.size)
	case n == 0:
		return fmt.Errorf("amity: %s: Body is empty", st.op)
	}
	return nil
}

// filesBody is the reader of one attempt. Its producer starts on the first Read, so that a
// reader opened and closed unread (retryablehttp opens one to probe the length) costs nothing.
type filesBody struct {
	st     *filesStream
	gen    int
	mu     sync.Mutex
	pr     *io.PipeReader
	closed bool
}

func (b *filesBody) Read(p []byte) (int, error) {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return 0, io.ErrClosedPipe
	}
	if b.pr == nil {
		pr, err := b.st.begin(b.gen)
		if err != nil {
			b.mu.Unlock()
			return 0, err
		}
		b.pr = pr
	}
	pr := b.pr
	b.mu.Unlock()
	return pr.Read(p)
}

// Close stops the attempt's producer (it exits at its next write).
func (b *filesBody) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	if b.pr != nil {
		b.pr.CloseWithError(errFilesAborted)
	}
	return nil
}

// Len is the whole body's length, or 0 when unknown; the transport sends it as the
// Content-Length (0: chunked).
func (b *filesBody) Len() int {
	if b.st.length < 0 || b.st.length > math.MaxInt {
		return 0
	}
	return int(b.st.length)
}

// filesDirect is the reader of one attempt of a body of known length: head, a section of src
// of exactly size bytes, tail, with no goroutine and no copy between. The section is taken on
// the first Read (seeking src back to its start for a repeat attempt) and each of its reads
// is made under the stream's lock, after checking that this reader is still the current one:
// a stale attempt's reader fails instead of reading src, and finish waits for a Read in
// progress.
type filesDirect struct {
	st     *filesStream
	gen    int
	r      io.Reader // head, section, tail; nil until the first Read
	closed atomic.Bool
}

func (d *filesDirect) Read(p []byte) (int, error) {
	if d.closed.Load() {
		return 0, io.ErrClosedPipe
	}
	if d.r == nil {
		if err := d.st.claim(d.gen); err != nil {
			return 0, err
		}
		d.r = io.MultiReader(bytes.NewReader(d.st.head), &filesSection{d: d, left: d.st.size}, bytes.NewReader(d.st.tail))
	}
	return d.r.Read(p)
}

// Close ends the attempt: its reader reads src no more.
func (d *filesDirect) Close() error {
	d.closed.Store(true)
	return nil
}

// Len is the whole body's length; the transport sends it as the Content-Length.
func (d *filesDirect) Len() int {
	if d.st.length > math.MaxInt {
		return 0
	}
	return int(d.st.length)
}

// claim makes the reader of generation gen the one reading src, rewinding src when an
// earlier attempt read it. A reader older than the current one is refused.
func (st *filesStream) claim(gen int) error {
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := st.replayableLocked(); err != nil {
		return err
	}
	if st.cur > gen {
		return fmt.Errorf("amity: %s: %w", st.op, errFilesAborted)
	}
	if st.started {
		if _, err := st.seeker.Seek(st.start, io.SeekStart); err != nil {
			return fmt.Errorf("amity: %s: rewinding Body: %w", st.op, err)
		}
	}
	st.started, st.cur = true, gen
	return nil
}

// filesSection reads exactly size bytes of src for one filesDirect, and fails when src holds
// fewer or more.
type filesSection struct {
	d    *filesDirect
	left int64 // bytes of size still to read
	done bool
}

func (s *filesSection) Read(p []byte) (int, error) {
	if s.done {
		return 0, io.EOF
	}
	st := s.d.st
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.over || st.cur != s.d.gen || s.d.closed.Load() {
		return 0, fmt.Errorf("amity: %s: %w", st.op, errFilesAborted)
	}
	if s.left == 0 {
		// One byte more tells a Body longer than Size.
		var one [1]byte
		n, err := io.ReadFull(st.src, one[:])
		if n > 0 {
			return 0, fmt.Errorf("amity: %s: Body holds more than the %d bytes of Size", st.op, st.size)
		}
		if err != nil && err != io.EOF {
			return 0, fmt.Errorf("amity: %s: reading Body: %w", st.op, err)
		}
		s.done = true
		return 0, io.EOF
	}
	if int64(len(p)) > s.left {
		p = p[:s.left]
	}
	n, err := st.src.Read(p)
	s.left -= int64(n)
	switch {
	case err == io.EOF && s.left > 0:
		return n, fmt.Errorf("amity: %s: Body holds %d bytes, not the %d of Size", st.op, st.size-s.left, st.size)
	case err == io.EOF:
		return n, nil // checked for more at the next Read
	case err != nil:
		return n, fmt.Errorf("amity: %s: reading Body: %w", st.op, err)
	}
	return n, nil
}
