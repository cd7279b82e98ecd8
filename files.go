package amity

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"path"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// FilesService uploads, reads, downloads and deletes files, images and videos. Reach it as
// Client.Files.
//
// Uploads are streamed: the multipart body is produced while it is sent, so a file of any
// size is never held in memory. A body of known length (see Upload.Size) is read by the
// transport straight from Upload.Body, between the multipart framing written once; one of
// unknown length is sent chunked, through a pipe fed by a goroutine. Every upload answers a
// *FilePayload whose File() is the stored file. See Upload for how a body is replayed when a
// call must be sent again.
type FilesService struct {
	c *Client
	// V3 holds the older v3 upload (Client.Files.V3.Upload).
	V3 *FilesV3Service
}

// FilesV3Service holds the older v3 upload. Reach it as Client.Files.V3.
type FilesV3Service struct{ c *Client }

// File is an uploaded file, image or video.
type File struct {
	// FileID is the file's root key on the cloud storage.
	FileID string `json:"fileId"`
	// FileURL is the HTTP link to download the file.
	FileURL string `json:"fileUrl,omitempty"`
	// Type is image, file or video.
	Type FileType `json:"type,omitempty"`
	// Attributes describe the content.
	Attributes FileAttributes `json:"attributes"`
	// CreatedAt and UpdatedAt are RFC 3339 times.
	CreatedAt Time `json:"createdAt"`
	UpdatedAt Time `json:"updatedAt"`
}

// FilePayload is the answer of the upload operations and of Files.Get: the files as stored.
// The v4 uploads answer a JSON list of files, the v3 upload {status, data: [files]} and
// Files.Get {status, data: file} by the spec, or the bare file by the vendor's clients
// (docs/wire-notes.md); all of them decode to Files. Raw is the whole answer.
type FilePayload struct {
	rawJSON
	Files []File
}

// File returns the payload's first file (the one uploaded or asked for), or nil.
func (p *FilePayload) File() *File { return firstOf(p.Files) }

// FileByID returns the file with the given ID, or nil.
func (p *FilePayload) FileByID(fileID string) *File { return findFile(p.Files, fileID) }

// UnmarshalJSON decodes the answer forms (see FilePayload), each file once, under the
// decoding policy (see decodeJSON).
func (p *FilePayload) UnmarshalJSON(b []byte) error {
	p.Files = nil
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		return decodeJSON(b, &p.Files)
	}
	var w struct {
		Data   json.RawMessage `json:"data"`
		FileID json.RawMessage `json:"fileId"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err // not an object
	}
	data := bytes.TrimSpace(w.Data)
	switch {
	case len(data) == 0 || bytes.Equal(data, []byte("null")):
		if w.FileID == nil {
			return nil
		}
		data = b // a bare file: what Files.Get answers by the vendor clients' account
	case data[0] == '[':
		return decodeJSON(data, &p.Files)
	case data[0] != '{':
		return errors.New("amity: the answer's data is neither a file nor a list of files")
	}
	var f File
	decodeLenient(data, &f)
	p.Files = []File{f}
	return nil
}

// filesOf lists the files of an answer, for callOne.
func filesOf(p *FilePayload) []File { return p.Files }

// FileType is the kind of an uploaded file.
type FileType string

// File types.
const (
	FileTypeImage FileType = "image"
	FileTypeFile  FileType = "file"
	FileTypeVideo FileType = "video"
)

// FileAttributes describe an uploaded file.
type FileAttributes struct {
	Name      string `json:"name,omitempty"`
	Extension string `json:"extension,omitempty"`
	// Size is in bytes; the server sends it as a number or as a string of digits.
	Size     Int    `json:"size,omitempty"`
	MimeType string `json:"mimeType,omitempty"`
	// Metadata holds image metadata: exif, gps, height, width, isFull (see Image), or the
	// video's metadata. It keeps any key the API adds.
	Metadata map[string]any `json:"metadata,omitempty"`
}

// ImageMetadata is the typed form of an image's FileAttributes.Metadata.
type ImageMetadata struct {
	// Width and Height are in pixels (0 when not reported).
	Width, Height int
	// IsFull reports that the full-resolution image is stored.
	IsFull bool
	// Exif and GPS are the image's EXIF and GPS data, when the API reports them.
	Exif map[string]any
	GPS  map[string]any
}

// Image returns the image fields of Metadata (zero values for those not reported).
func (a FileAttributes) Image() ImageMetadata {
	m := ImageMetadata{
		Width:  filesInt(a.Metadata["width"]),
		Height: filesInt(a.Metadata["height"]),
	}
	m.IsFull, _ = a.Metadata["isFull"].(bool)
	m.Exif, _ = a.Metadata["exif"].(map[string]any)
	m.GPS, _ = a.Metadata["gps"].(map[string]any)
	return m
}

func filesInt(v any) int {
	if f, ok := v.(float64); ok && f >= math.MinInt32 && f <= math.MaxInt32 {
		return int(f)
	}
	return 0
}

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
	// FeedType (feedType; Files.UploadVideo only) is what the video is for.
	FeedType VideoFeedType
}

// filesEndpoint describes one upload operation.
type filesEndpoint struct {
	op, path  string
	field     string // the multipart field of the file part
	maxSize   int64
	media     string // required media type prefix ("image/", "video/") or ""
	fullImage bool   // takes the fullImage field
	feedType  bool   // takes the feedType field
}

var (
	filesUploadFile  = filesEndpoint{op: "Files.UploadFile", path: "/api/v4/files", field: "files", maxSize: MaxUploadSize}
	filesUploadImage = filesEndpoint{op: "Files.UploadImage", path: "/api/v4/images", field: "files", maxSize: MaxUploadSize, media: "image/"}
	filesUploadVideo = filesEndpoint{op: "Files.UploadVideo", path: "/api/v4/videos", field: "files", maxSize: MaxVideoUploadSize, media: "video/", feedType: true}
	filesUploadV3    = filesEndpoint{op: "Files.V3.Upload", path: "/api/v3/files", field: "file", maxSize: MaxUploadSize, fullImage: true}
)

// UploadFile uploads a file of any type (at most 1 GiB) and returns it as stored (the
// payload's File()), with its download URL. POST /api/v4/files (multipart field "files").
// Not idempotent: each call stores a new file, so it is retried only when the server
// provably did not process it (see Upload for the body's replay).
func (s *FilesService) UploadFile(ctx context.Context, u *UploadParams, opts ...CallOption) (*FilePayload, error) {
	return upload(ctx, s.c, filesUploadFile, u, opts)
}

// UploadImage uploads an image (an image/* ContentType, at most 1 GiB) and returns it as
// stored (the payload's File()). POST /api/v4/images (multipart field "files"). Not
// idempotent, like UploadFile.
func (s *FilesService) UploadImage(ctx context.Context, u *UploadParams, opts ...CallOption) (*FilePayload, error) {
	return upload(ctx, s.c, filesUploadImage, u, opts)
}

// UploadVideo uploads a video (a video/* ContentType, at most 2 GiB) and returns it as
// stored (the payload's File()); Upload.FeedType says what it is for. POST /api/v4/videos
// (multipart field "files"). Not idempotent, like UploadFile.
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

func upload(ctx context.Context, c *Client, ep filesEndpoint, u *UploadParams, opts []CallOption) (*FilePayload, error) {
	st, err := ep.prepare(u)
	if err != nil {
		return nil, err
	}
	defer st.finish()
	return callOne(ctx, c, &request{op: ep.op, method: http.MethodPost, path: ep.path,
		stream: &payload{contentType: st.formType, open: st.open}, opts: opts}, "file", filesOf)
}

// Get returns a file's information (the payload's File()). GET /api/v3/files/{fileId}.
func (s *FilesService) Get(ctx context.Context, fileID string, opts ...CallOption) (*FilePayload, error) {
	const op = "Files.Get"
	p, err := filesPath(op, "/api/v3/files/%s", fileID)
	if err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodGet, path: p, opts: opts}, "file", filesOf)
}

// Delete deletes a file, from the cloud storage too; only its uploader or an admin may.
// DELETE /api/v3/files/{fileId}. Not marked idempotent: a repeat after a lost answer would
// report the already deleted file as not found, so a failure is returned to the caller.
// An answer of success: false is an error matching ErrUnsuccessful.
func (s *FilesService) Delete(ctx context.Context, fileID string, opts ...CallOption) error {
	const op = "Files.Delete"
	p, err := filesPath(op, "/api/v3/files/%s", fileID)
	if err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: p, opts: opts}, nil)
}

// ImageSize is the rendition of an image to download. It has no effect on other files.
type ImageSize string

// Image sizes.
const (
	ImageSizeSmall  ImageSize = "small"
	ImageSizeMedium ImageSize = "medium"
	ImageSizeLarge  ImageSize = "large"
	ImageSizeFull   ImageSize = "full"
)

// DownloadParams select what Files.Download fetches. The zero value (or nil) fetches the
// file as the API serves it by default.
type DownloadParams struct {
	// Size is the image rendition: small, medium, large or full (query parameter size).
	Size ImageSize
}

// Download returns the content of a file as a stream, which the caller must close. ctx
// bounds the whole download, reading the stream included. GET
// /api/v3/files/{fileId}/download, sent with the view's token and Accept: */*.
func (s *FilesService) Download(ctx context.Context, fileID string, params *DownloadParams, opts ...CallOption) (io.ReadCloser, error) {
	const op = "Files.Download"
	p, err := filesPath(op, "/api/v3/files/%s/download", fileID)
	if err != nil {
		return nil, err
	}
	params = orZero(params)
	q := query{}
	q.str("size", string(params.Size))
	//nolint:bodyclose // the body is the download: the caller reads and closes it
	resp, cancel, err := s.c.send(ctx, &request{op: op, method: http.MethodGet, path: p, query: url.Values(q), accept: "*/*", streamAnswer: true, opts: opts})
	if err != nil {
		return nil, err
	}
	return &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}, nil
}

// filesPath is the idPath of a file: an ID of at most 50 characters.
var filesPath = maxLenPath("fileID", 50)

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
