package amity

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"net/url"
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

// File is an uploaded file, image or video.
type File struct {
	// FileID is the file's root key on the cloud storage.
	FileID string `json:"fileId"`
	// FileURL is the HTTP link to download the file.
	FileURL string `json:"fileUrl,omitempty"`
	// Type is image, file or video.
	Type FileType `json:"type,omitempty"`
	// AccessType is public (anyone with the URL may download it) or network (downloads need
	// a token of the network).
	AccessType FileAccessType `json:"accessType,omitempty"`
	// AltText is an image's alternative text (at most 180 characters).
	AltText string `json:"altText,omitempty"`
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

// FileAccessType says who may download a file: anyone with its URL (public) or the
// network's signed-in users (network).
type FileAccessType string

// File access types. A type the SDK does not know is sent as given.
const (
	// FileAccessPublic files download without a token (the server's default).
	FileAccessPublic FileAccessType = "public"
	// FileAccessNetwork files download with a token of the network only.
	FileAccessNetwork FileAccessType = "network"
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

// filesInt reads a number of a file's metadata (decoded as a float64) as an int: 0 when it is
// not a number within int32.
func filesInt(v any) int {
	if f, ok := v.(float64); ok && f >= math.MinInt32 && f <= math.MaxInt32 {
		return int(f)
	}
	return 0
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
