package amity_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFilesFromURLFixturesMatchSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"files_from_url.json": {"POST", "/api/v4/images/from-url"},
		"files_update.json":   {"PUT", "/api/v3/files/file-img"},
	})
}

func TestFilesUploadFromURL(t *testing.T) {
	answer := fixture(t, "files_from_url.json")
	fromURL := func(call func(*amity.Client) func(context.Context, *amity.UploadFromURLParams, ...amity.CallOption) (*amity.FilePayload, error), p *amity.UploadFromURLParams) func(context.Context, *amity.Client) (any, error) {
		return func(ctx context.Context, c *amity.Client) (any, error) { return call(c)(ctx, p) }
	}
	files := func(c *amity.Client) func(context.Context, *amity.UploadFromURLParams, ...amity.CallOption) (*amity.FilePayload, error) {
		return c.Files.UploadFileFromURL
	}
	images := func(c *amity.Client) func(context.Context, *amity.UploadFromURLParams, ...amity.CallOption) (*amity.FilePayload, error) {
		return c.Files.UploadImageFromURL
	}
	videos := func(c *amity.Client) func(context.Context, *amity.UploadFromURLParams, ...amity.CallOption) (*amity.FilePayload, error) {
		return c.Files.UploadVideoFromURL
	}
	image := &amity.UploadFromURLParams{FileURL: "https://cdn.example.com/sunset.png", PreferredFilename: amity.Ptr("sunset.png"),
		AccessType: amity.FileAccessNetwork, AltText: amity.Ptr("A sunset over the sea")}
	runShapeCases(t, []shapeCase{
		{name: "image", method: "POST", path: "/api/v4/images/from-url", answer: answer, call: fromURL(images, image),
			body: `{"fileUrl":"https://cdn.example.com/sunset.png","preferredFilename":"sunset.png","accessType":"network","altText":"A sunset over the sea"}`,
			check: func(t *testing.T, out any) {
				f := out.(*amity.FilePayload).File()
				require.NotNil(t, f)
				assert.Equal(t, "file-url-1", f.FileID)
				assert.Equal(t, amity.FileTypeImage, f.Type)
				assert.Equal(t, 800, f.Attributes.Image().Width)
				assert.EqualValues(t, 166904, f.Attributes.Size)
				assert.Contains(t, string(out.(*amity.FilePayload).Raw), `"fromUrlFutureField"`, "unknown fields stay in Raw")
			}},
		{name: "file", method: "POST", path: "/api/v4/files/from-url", answer: answer, body: `{"fileUrl":"http://cdn.example.com/report.pdf"}`,
			call: fromURL(files, &amity.UploadFromURLParams{FileURL: "http://cdn.example.com/report.pdf"})},
		{name: "video", method: "POST", path: "/api/v4/videos/from-url", answer: answer, body: `{"fileUrl":"https://cdn.example.com/v.mp4","accessType":"public"}`,
			call: fromURL(videos, &amity.UploadFromURLParams{FileURL: "https://cdn.example.com/v.mp4", AccessType: amity.FileAccessPublic})},
		{name: "never repeated, answer without a file", method: "POST", path: "/api/v4/files/from-url", attempts: 1, empty: `[]`,
			unsuccessful: successFalse, call: fromURL(files, &amity.UploadFromURLParams{FileURL: "https://cdn.example.com/a"})},
		{name: "bad input", call: fromURL(files, &amity.UploadFromURLParams{FileURL: "https://cdn.example.com/a"}),
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Files.UploadFileFromURL(ctx, nil)) },
			}},
	})
}

func TestFilesFromURLBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	file := func(p *amity.UploadFromURLParams) func() error {
		return func() error { return errOf(c.Files.UploadFileFromURL(ctx, p)) }
	}
	image := func(p *amity.UploadFromURLParams) func() error {
		return func() error { return errOf(c.Files.UploadImageFromURL(ctx, p)) }
	}
	u := "https://cdn.example.com/a.png"
	assertInvalidCases(t, map[string]invalidCase{
		"nil":           {"Files.UploadFileFromURL: params", file(nil)},
		"no URL":        {"FileURL", file(&amity.UploadFromURLParams{})},
		"relative URL":  {"FileURL", file(&amity.UploadFromURLParams{FileURL: "/a.png"})},
		"ftp URL":       {"FileURL", file(&amity.UploadFromURLParams{FileURL: "ftp://cdn.example.com/a.png"})},
		"empty name":    {"PreferredFilename", file(&amity.UploadFromURLParams{FileURL: u, PreferredFilename: amity.Ptr(" ")})},
		"long name":     {"PreferredFilename", file(&amity.UploadFromURLParams{FileURL: u, PreferredFilename: amity.Ptr(longString(1025))})},
		"alt on a file": {"AltText", file(&amity.UploadFromURLParams{FileURL: u, AltText: amity.Ptr("x")})},
		"alt on a video": {"Files.UploadVideoFromURL: AltText", func() error {
			return errOf(c.Files.UploadVideoFromURL(ctx, &amity.UploadFromURLParams{FileURL: u, AltText: amity.Ptr("x")}))
		}},
		"long alt":      {"AltText", image(&amity.UploadFromURLParams{FileURL: u, AltText: amity.Ptr(longString(126))})},
		"update nil":    {"Files.Update: params", func() error { return errOf(c.Files.Update(ctx, "f1", nil)) }},
		"update no alt": {"AltText", func() error { return errOf(c.Files.Update(ctx, "f1", &amity.UpdateFileParams{})) }},
		"update long alt": {"AltText", func() error {
			return errOf(c.Files.Update(ctx, "f1", &amity.UpdateFileParams{AltText: amity.Ptr(longString(181))}))
		}},
		"update no file": {"fileID", func() error { return errOf(c.Files.Update(ctx, "", &amity.UpdateFileParams{AltText: amity.Ptr("x")})) }},
		"update long file": {"fileID", func() error {
			return errOf(c.Files.Update(ctx, longString(51), &amity.UpdateFileParams{AltText: amity.Ptr("x")}))
		}},
		"clip nil": {"Files.UploadClip: upload", func() error { return errOf(c.Files.UploadClip(ctx, nil)) }},
		"clip not a video": {"ContentType", func() error {
			return errOf(c.Files.UploadClip(ctx, &amity.UploadParams{Name: "a.png", Body: bytes.NewReader([]byte("png"))}))
		}},
		"clip too large": {"Size", func() error {
			return errOf(c.Files.UploadClip(ctx, &amity.UploadParams{Name: "a.mp4", Body: &filesHuge{size: amity.MaxVideoUploadSize + 1}}))
		}},
	})
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestFilesUpdate(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "alt text", method: "PUT", path: "/api/v3/files/file-img", answer: fixture(t, "files_update.json"), body: `{"altText":"A red bicycle"}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Files.Update(ctx, "file-img", &amity.UpdateFileParams{AltText: amity.Ptr("A red bicycle")})
			},
			check: func(t *testing.T, out any) {
				f := out.(*amity.FilePayload).File()
				require.NotNil(t, f)
				assert.Equal(t, "file-img", f.FileID)
				assert.Equal(t, atTime(t, "2024-05-02T12:00:00.000Z"), f.UpdatedAt)
			}},
		{name: "cleared", method: "PUT", path: "/api/v3/files/f%2F1", answer: fixture(t, "files_update.json"), body: `{"altText":""}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Files.Update(ctx, "f/1", &amity.UpdateFileParams{AltText: amity.Ptr("")})
			}},
		{name: "retried, answer without a file", method: "PUT", path: "/api/v3/files/f1", attempts: 3, empty: `{"status":"success","data":[]}`,
			unsuccessful: successFalse, call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Files.Update(ctx, "f1", &amity.UpdateFileParams{AltText: amity.Ptr("x")})
			}},
	})
}

func TestFilesUploadClip(t *testing.T) {
	srv := &uploadServer{body: fixture(t, "files_clip.json")}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	c := serverClient(t, ts.URL)
	content := bytes.Repeat([]byte("ftypisom"), 1000)
	out, err := c.Files.UploadClip(context.Background(), &amity.UploadParams{Name: "dance.mp4", Body: bytes.NewReader(content),
		PreferredFilename: amity.Ptr("my dance.mp4")})
	require.NoError(t, err)
	f := out.File()
	require.NotNil(t, f)
	assert.Equal(t, amity.FileTypeClip, f.Type)
	assert.Equal(t, "file-clip-1", f.FileID)
	reqs := srv.requests(t)
	require.Len(t, reqs, 1)
	r := reqs[0]
	assert.Equal(t, "POST", r.Method)
	assert.Equal(t, "/api/v4/clips", r.Path)
	assert.EqualValues(t, r.BodySize, r.ContentLength, "a known size is sent with its length")
	require.Len(t, r.files(), 1)
	part := r.files()[0]
	assert.Equal(t, "file", part.Field, "the spec's field (the clients' clip upload sends the deprecated files)")
	assert.Equal(t, "dance.mp4", part.Filename)
	assert.Equal(t, "video/mp4", part.ContentType)
	assert.Equal(t, content, part.Data)
	fields := map[string]string{}
	for _, p := range r.Parts {
		if p.Filename == "" {
			fields[p.Field] = string(p.Data)
		}
	}
	assert.Equal(t, map[string]string{"preferredFilename": "my dance.mp4"}, fields)
}

func TestFilesUnknownAccessTypeIsSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"from URL", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Files.UploadFileFromURL(ctx, &amity.UploadFromURLParams{FileURL: "https://cdn.example.com/a", AccessType: "private"}))
		}, []string{`"accessType":"private"`}},
	})
}
