package amity

// This file is the Files calls of spec 4.116.1: uploads from a URL, clip uploads and the
// update of a file's information.

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// UploadFromURLParams is a file for the API to fetch from a URL and store: the body of
// Files.UploadFileFromURL, UploadImageFromURL and UploadVideoFromURL.
type UploadFromURLParams struct {
	// FileURL (required) is the http(s) URL the API downloads the file from (at most 1 GiB).
	FileURL string `json:"fileUrl"`
	// PreferredFilename (at most 1,024 characters) is the name to store the file under;
	// nil lets the API take it from the URL.
	PreferredFilename *string `json:"preferredFilename,omitempty"`
	// AccessType is public (the server's default) or network.
	AccessType FileAccessType `json:"accessType,omitempty"`
	// AltText (UploadImageFromURL only, at most 125 characters) describes the image.
	AltText *string `json:"altText,omitempty"`
}

// uploadFromURL is the body of the upload-from-URL methods: it checks params (altText only
// where allowed) and POSTs them to path.
func (s *FilesService) uploadFromURL(ctx context.Context, op, path string, params *UploadFromURLParams, altText bool, opts []CallOption) (*FilePayload, error) {
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := required(op, "FileURL", params.FileURL); err != nil {
		return nil, err
	}
	if u, err := url.Parse(params.FileURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &ValidationError{Op: op, Field: "FileURL", Reason: "must be an absolute http or https URL"}
	}
	if p := params.PreferredFilename; p != nil && strings.TrimSpace(*p) == "" {
		return nil, &ValidationError{Op: op, Field: "PreferredFilename", Reason: "must not be empty when set"}
	}
	if err := maxLenPtr(op, "PreferredFilename", params.PreferredFilename, 1024); err != nil {
		return nil, err
	}
	if params.AltText != nil && !altText {
		return nil, &ValidationError{Op: op, Field: "AltText", Reason: "is only sent by Files.UploadImageFromURL"}
	}
	if err := maxLenPtr(op, "AltText", params.AltText, 125); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPost, path: path, body: params, opts: opts}, "file", filesOf)
}

// UploadFileFromURL has the API download a file of any type from a URL and store it, and
// returns it as stored (the payload's File()). POST /api/v4/files/from-url. Not idempotent:
// each call stores a new file, so it is not retried after it may have reached the server.
func (s *FilesService) UploadFileFromURL(ctx context.Context, params *UploadFromURLParams, opts ...CallOption) (*FilePayload, error) {
	return s.uploadFromURL(ctx, "Files.UploadFileFromURL", "/api/v4/files/from-url", params, false, opts)
}

// UploadImageFromURL has the API download an image from a URL and store it, with its alt
// text, and returns it as stored (the payload's File()). POST /api/v4/images/from-url. Not
// idempotent, like UploadFileFromURL.
func (s *FilesService) UploadImageFromURL(ctx context.Context, params *UploadFromURLParams, opts ...CallOption) (*FilePayload, error) {
	return s.uploadFromURL(ctx, "Files.UploadImageFromURL", "/api/v4/images/from-url", params, true, opts)
}

// UploadVideoFromURL has the API download a video from a URL and store it, and returns it as
// stored (the payload's File()). POST /api/v4/videos/from-url. Not idempotent, like
// UploadFileFromURL.
func (s *FilesService) UploadVideoFromURL(ctx context.Context, params *UploadFromURLParams, opts ...CallOption) (*FilePayload, error) {
	return s.uploadFromURL(ctx, "Files.UploadVideoFromURL", "/api/v4/videos/from-url", params, false, opts)
}

// filesUploadClip is the clip upload: a video (at most 2 GiB and 15 minutes) in the
// multipart field "file", the one the spec requires (the clients' clip upload sends the
// deprecated "files"; docs/wire-notes.md).
var filesUploadClip = filesEndpoint{op: "Files.UploadClip", path: "/api/v4/clips", field: "file", maxSize: MaxVideoUploadSize, media: "video/"}

// UploadClip uploads a clip, a short video for clip posts (a video/* ContentType, at most
// 2 GiB and 15 minutes), and returns it as stored (the payload's File(), of type clip).
// POST /api/v4/clips (multipart field "file"). Not idempotent, like UploadFile (see Upload
// for the body's replay).
func (s *FilesService) UploadClip(ctx context.Context, u *UploadParams, opts ...CallOption) (*FilePayload, error) {
	return upload(ctx, s.c, filesUploadClip, u, opts)
}

// FileTypeClip is the type of a file uploaded with Files.UploadClip.
const FileTypeClip FileType = "clip"

// UpdateFileParams changes a file's information.
type UpdateFileParams struct {
	// AltText (required, at most 180 characters; empty clears it) describes an image for
	// screen readers.
	AltText *string `json:"altText"`
}

// Update changes a file's information (its alt text) and returns the file. PUT
// /api/v3/files/{fileId}. Only the uploader or an admin may. Idempotent by construction (it
// sets the alt text; a repeat leaves the same state), so it is retried like a read.
func (s *FilesService) Update(ctx context.Context, fileID string, params *UpdateFileParams, opts ...CallOption) (*FilePayload, error) {
	const op = "Files.Update"
	p, err := filesPath(op, "/api/v3/files/%s", fileID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if params.AltText == nil {
		return nil, &ValidationError{Op: op, Field: "AltText", Reason: "is required"}
	}
	if err := maxLenPtr(op, "AltText", params.AltText, 180); err != nil {
		return nil, err
	}
	return callOne(ctx, s.c, &request{op: op, method: http.MethodPut, path: p, body: params, idempotent: true, opts: opts}, "file", filesOf)
}
