package amity_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
	rec := record(t, mt, "DELETE", `=~^https://api\.test/api/v3/files/f0c1`, fixture(t, "files_delete.json"))
	require.NoError(t, c.Files.Delete(context.Background(), "f0c1/a2"))
	assert.Equal(t, http.MethodDelete, rec.only(t).Method)
	assert.Equal(t, "/api/v3/files/f0c1%2Fa2", rec.only(t).Path, "the ID is one path segment")

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
