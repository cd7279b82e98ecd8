package amity_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"

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
		conformanceCase{Method: "Files.UploadFile", Op: "POST /api/v4/files",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Files.UploadFile(ctx, filesConformanceUpload("notes.bin", "")))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				u := filesConformanceUpload("report.pdf", "application/pdf")
				u.Size = int64(len(filesConformanceBody))
				u.PreferredFilename = amity.Ptr("Q3 report.pdf")
				_, err := c.Files.UploadFile(ctx, u)
				return err
			}},
		conformanceCase{Method: "Files.UploadImage", Op: "POST /api/v4/images",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Files.UploadImage(ctx, filesConformanceUpload("photo.png", "image/png")))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				u := filesConformanceUpload("photo.png", "image/png")
				u.PreferredFilename = amity.Ptr("avatar.png")
				_, err := c.Files.UploadImage(ctx, u)
				return err
			}},
		conformanceCase{Method: "Files.UploadVideo", Op: "POST /api/v4/videos",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Files.UploadVideo(ctx, filesConformanceUpload("clip.mp4", "video/mp4")))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				// A non-seekable body of unknown size: sent chunked.
				u := &amity.UploadParams{Name: "clip.mp4", ContentType: "video/mp4",
					Body:              io.MultiReader(strings.NewReader("ftypisom"), bytes.NewReader(filesConformanceBody)),
					PreferredFilename: amity.Ptr("teaser.mp4"), FeedType: amity.VideoFeedStory}
				_, err := c.Files.UploadVideo(ctx, u)
				return err
			}},
		conformanceCase{Method: "Files.V3.Upload", Op: "POST /api/v3/files",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Files.V3.Upload(ctx, filesConformanceUpload("notes.txt", "text/plain")))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				u := filesConformanceUpload("photo.png", "image/png")
				u.FullImage = amity.Ptr(true)
				u.PreferredFilename = amity.Ptr("holiday.png")
				_, err := c.Files.V3.Upload(ctx, u)
				return err
			}},
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
