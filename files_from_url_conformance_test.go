package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	fromURL := func(name string) *amity.UploadFromURLParams {
		return &amity.UploadFromURLParams{FileURL: "https://cdn.example.com/" + name}
	}
	fullFromURL := func(name string) *amity.UploadFromURLParams {
		p := fromURL(name)
		p.PreferredFilename, p.AccessType = amity.Ptr("stored-"+name), amity.FileAccessNetwork
		return p
	}
	registerConformance(
		conformanceCase{Method: "Files.UploadFileFromURL", Op: "POST /api/v4/files/from-url",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Files.UploadFileFromURL(ctx, fromURL("report.pdf")))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Files.UploadFileFromURL(ctx, fullFromURL("report.pdf")))
			}},
		conformanceCase{Method: "Files.UploadImageFromURL", Op: "POST /api/v4/images/from-url",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Files.UploadImageFromURL(ctx, fromURL("photo.png")))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				p := fullFromURL("photo.png")
				p.AltText = amity.Ptr("A sunset over the sea")
				return errOf(c.Files.UploadImageFromURL(ctx, p))
			}},
		conformanceCase{Method: "Files.UploadVideoFromURL", Op: "POST /api/v4/videos/from-url",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Files.UploadVideoFromURL(ctx, fromURL("clip.mp4")))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Files.UploadVideoFromURL(ctx, fullFromURL("clip.mp4")))
			}},
		conformanceCase{Method: "Files.UploadClip", Op: "POST /api/v4/clips",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Files.UploadClip(ctx, filesConformanceUpload("clip.mp4", "video/mp4")))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				u := filesConformanceUpload("clip.mp4", "video/mp4")
				u.PreferredFilename = amity.Ptr("dance.mp4")
				return errOf(c.Files.UploadClip(ctx, u))
			}},
		conformanceCase{Method: "Files.Update", Op: "PUT /api/v3/files/{fileId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Files.Update(ctx, "f1", &amity.UpdateFileParams{AltText: amity.Ptr("A red bicycle")}))
			}},
	)
}
