package amitytest

import (
	"bytes"
	"encoding/json"
	"image"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFilesV4(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	tok := srv.UserToken("uploader")

	img := testPNG(t, 800, 400)
	r := uploadFiles(t, srv, tok, "/api/v4/images", []part{{"files", "wide.png", "image/png", img}}, map[string]string{"preferredFilename": "banner.png"})
	require.Equal(t, http.StatusOK, r.status, "body: %s", r.body)
	var files []map[string]any
	require.NoError(t, json.Unmarshal(r.body, &files))
	require.Len(t, files, 1)
	f := files[0]
	assert.Equal(t, "image", f["type"])
	attrs := f["attributes"].(map[string]any)
	assert.Equal(t, "banner.png", attrs["name"])
	assert.Equal(t, "png", attrs["extension"])
	assert.Equal(t, "image/png", attrs["mimeType"])
	assert.Equal(t, float64(len(img)), attrs["size"])
	meta := attrs["metadata"].(map[string]any)
	assert.Equal(t, 800.0, meta["width"])
	assert.Equal(t, 400.0, meta["height"])
	fileID := f["fileId"].(string)
	assert.Equal(t, srv.URL()+"/api/v3/files/"+fileID+"/download", f["fileUrl"])

	// Several files at once, non-images through /api/v4/files.
	r = uploadFiles(t, srv, tok, "/api/v4/files", []part{
		{"files", "a.txt", "text/plain", []byte("hello")},
		{"files", "b.pdf", "application/pdf", []byte("%PDF-1.4")},
	}, nil)
	require.Equal(t, http.StatusOK, r.status)
	require.NoError(t, json.Unmarshal(r.body, &files))
	require.Len(t, files, 2)
	assert.Equal(t, "file", files[0]["type"])
	docID := files[0]["fileId"].(string)

	// Images must be images, videos videos.
	r = uploadFiles(t, srv, tok, "/api/v4/images", []part{{"files", "a.txt", "text/plain", []byte("hello")}}, nil)
	assert.Equal(t, http.StatusBadRequest, r.status)
	r = uploadFiles(t, srv, tok, "/api/v4/videos", []part{{"files", "clip.mp4", "video/mp4", []byte("....ftypmp42")}}, map[string]string{"feedType": "post"})
	require.Equal(t, http.StatusOK, r.status, "body: %s", r.body)
	require.NoError(t, json.Unmarshal(r.body, &files))
	assert.Equal(t, "video", files[0]["type"])
	r = uploadFiles(t, srv, tok, "/api/v4/videos", []part{{"files", "a.txt", "text/plain", []byte("hello")}}, nil)
	assert.Equal(t, http.StatusBadRequest, r.status)
	// The multipart field is required: spec 4.116.1's file, or the files the clients still send.
	r = uploadFiles(t, srv, tok, "/api/v4/files", []part{{"upload", "a.txt", "text/plain", []byte("x")}}, nil)
	assert.Equal(t, http.StatusBadRequest, r.status)
	r = uploadFiles(t, srv, tok, "/api/v4/images", []part{{"file", "a.png", "image/png", img}}, nil)
	require.Equal(t, http.StatusOK, r.status, "body: %s", r.body)

	// Info, download and resize.
	m := ok(t, call(t, srv, tok, "GET", "/api/v3/files/"+fileID, nil))
	assert.Equal(t, "success", m["status"])
	assert.Equal(t, fileID, m["data"].(map[string]any)["fileId"])

	r = call(t, srv, tok, "GET", "/api/v3/files/"+docID+"/download", nil)
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, "hello", string(r.body))
	assert.Contains(t, r.header.Get("Content-Disposition"), "a.txt")

	r = call(t, srv, "", "GET", "/api/v3/files/"+fileID+"/download?size=small&t="+q(tok), nil)
	require.Equal(t, http.StatusOK, r.status)
	cfg, _, err := image.DecodeConfig(bytes.NewReader(r.body))
	require.NoError(t, err)
	assert.Equal(t, 160, cfg.Width)
	assert.Equal(t, 80, cfg.Height)
	r = call(t, srv, tok, "GET", "/api/v3/files/"+fileID+"/download?size=full", nil)
	assert.Equal(t, img, r.body)
	assert.Equal(t, http.StatusUnauthorized, call(t, srv, "", "GET", "/api/v3/files/"+fileID+"/download", nil).status)

	// Only the uploader or the admin deletes.
	other := srv.UserToken("other")
	assert.Equal(t, http.StatusForbidden, call(t, srv, other, "DELETE", "/api/v3/files/"+fileID, nil).status)
	m = ok(t, call(t, srv, tok, "DELETE", "/api/v3/files/"+fileID, nil))
	assert.Equal(t, fileID, m["data"].(map[string]any)["fileId"])
	assert.Equal(t, http.StatusNotFound, call(t, srv, tok, "GET", "/api/v3/files/"+fileID, nil).status)
}

func TestFilesV3AndUploadLimit(t *testing.T) {
	t.Parallel()
	srv := newServer(t, WithUploadLimit(64<<10))
	tok := srv.UserToken("uploader")

	r := uploadFiles(t, srv, tok, "/api/v3/files", []part{{"file", "pic.png", "", testPNG(t, 10, 10)}}, nil)
	m := ok(t, r)
	assert.Equal(t, "success", m["status"])
	data := m["data"].([]any)
	require.Len(t, data, 1)
	assert.Equal(t, "image", data[0].(map[string]any)["type"])

	big := bytes.Repeat([]byte("x"), 100<<10)
	r = uploadFiles(t, srv, tok, "/api/v4/files", []part{{"files", "big.bin", "application/octet-stream", big}}, nil)
	r.isError(t, http.StatusRequestEntityTooLarge, 500000)
}
