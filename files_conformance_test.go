package amity_test

import (
	"bytes"
	"context"
	"errors"
	"io"

	"github.com/amity-go/amity"
)

// filesConformanceBody is a small PNG-like payload; its bytes do not matter to the harness,
// which reads file parts to io.Discard and validates the other fields.
var filesConformanceBody = bytes.Repeat([]byte("\x89PNG\r\n\x1a\n-conformance-"), 64)

func filesConformanceUpload(name, contentType string) *amity.UploadParams {
	return &amity.UploadParams{Name: name, ContentType: contentType, Body: bytes.NewReader(filesConformanceBody)}
}

// filesDrain reads a download to its end, so that the whole answer is exercised.
func filesDrain(rc io.ReadCloser, err error) error {
	if err != nil {
		return err
	}
	defer rc.Close()
	n, err := io.Copy(io.Discard, rc)
	if err == nil && n == 0 {
		err = errors.New("empty download")
	}
	return err
}

func init() {
	registerConformance(
		conformanceCase{Method: "Files.Get", Op: "GET /api/v3/files/{fileId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Files.Get(ctx, "f1")) }},
		conformanceCase{Method: "Files.Delete", Op: "DELETE /api/v3/files/{fileId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Files.Delete(ctx, "f1") }},
		conformanceCase{Method: "Files.Download", Op: "GET /api/v3/files/{fileId}/download",
			Required: func(ctx context.Context, c *amity.Client) error {
				return filesDrain(c.Files.Download(ctx, "f1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return filesDrain(c.Files.Download(ctx, "f1", &amity.DownloadParams{Size: amity.ImageSizeMedium}))
			}},
	)
}
