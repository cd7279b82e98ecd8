package amity_test

import (
	"bytes"
	"context"
	"io"
	"strings"

	"github.com/amity-go/amity"
)

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
				u.AccessType = amity.FileAccessNetwork
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
				u.AccessType = amity.FileAccessPublic
				u.AltText = amity.Ptr("A mountain at dawn")
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
					PreferredFilename: amity.Ptr("teaser.mp4"), FeedType: amity.VideoFeedStory, AccessType: amity.FileAccessNetwork}
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
				u.AccessType = amity.FileAccessNetwork
				_, err := c.Files.V3.Upload(ctx, u)
				return err
			}},
	)
}
