package amitytest

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fileList decodes an answer that is a JSON list of files.
func fileList(t testing.TB, r resp) []map[string]any {
	t.Helper()
	require.Equal(t, http.StatusOK, r.status, "body: %s", r.body)
	var files []map[string]any
	require.NoError(t, json.Unmarshal(r.body, &files))
	require.Len(t, files, 1)
	return files
}

// Uploads from a URL store a file named after the URL (the fake fetches nothing); clips are
// videos; PUT /api/v3/files/{fileId} sets the alt text the file answers carry; deleting a file
// sends file.didDelete.
func TestFilesFromURLClipsAndAltText(t *testing.T) {
	srv := newServer(t)
	got := webhookReceiver(t, srv)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")

	f := fileList(t, call(t, srv, alice, "POST", "/api/v4/images/from-url", map[string]any{
		"fileUrl": "https://cdn.example.com/pics/sunset.png?size=large", "accessType": "network", "altText": "A sunset"}))[0]
	img := f["fileId"].(string)
	assert.Equal(t, "image", f["type"])
	assert.Equal(t, "network", f["accessType"])
	assert.Equal(t, "A sunset", f["altText"])
	attrs := f["attributes"].(map[string]any)
	assert.Equal(t, "sunset.png", attrs["name"])
	assert.Equal(t, "image/png", attrs["mimeType"])
	f = fileList(t, call(t, srv, alice, "POST", "/api/v4/files/from-url", map[string]any{"fileUrl": "http://example.com/docs/report.pdf",
		"preferredFilename": "Q3.pdf"}))[0]
	assert.Equal(t, "file", f["type"])
	assert.Equal(t, "Q3.pdf", f["attributes"].(map[string]any)["name"])
	f = fileList(t, call(t, srv, alice, "POST", "/api/v4/videos/from-url", map[string]any{"fileUrl": "https://example.com/v"}))[0]
	assert.Equal(t, "video", f["type"])
	assert.Equal(t, "video/mp4", f["attributes"].(map[string]any)["mimeType"], "a name without extension")
	call(t, srv, alice, "POST", "/api/v4/videos/from-url", map[string]any{"fileUrl": "https://example.com/a.png"}).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, alice, "POST", "/api/v4/files/from-url", map[string]any{"fileUrl": "ftp://example.com/a"}).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, alice, "POST", "/api/v4/files/from-url", map[string]any{"fileUrl": "https://example.com/a", "altText": "x"}).
		isError(t, http.StatusBadRequest, codeBadRequest)

	// A clip is a video, uploaded in the spec's field file or the clients' files, and can be a
	// post's clip attachment.
	video := []byte("\x00\x00\x00\x18ftypmp42" + string(make([]byte, 64)))
	clip := fileList(t, uploadFiles(t, srv, alice, "/api/v4/clips", []part{{"file", "dance.mp4", "video/mp4", video}}, map[string]string{"accessType": "public"}))[0]
	assert.Equal(t, "video", clip["type"])
	assert.Equal(t, "public", clip["accessType"])
	fileList(t, uploadFiles(t, srv, alice, "/api/v4/clips", []part{{"files", "dance2.mp4", "video/mp4", video}}, nil))
	uploadFiles(t, srv, alice, "/api/v4/clips", []part{{"file", "a.png", "image/png", testPNG(t, 2, 2)}}, nil).isError(t, http.StatusBadRequest, codeBadRequest)

	// Alt text.
	m := ok(t, call(t, srv, alice, "PUT", "/api/v3/files/"+img, map[string]any{"altText": "A red sunset"}))
	assert.Equal(t, "A red sunset", list(t, m, "data")[0]["altText"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/files/"+img, nil))
	assert.Equal(t, "A red sunset", m["data"].(map[string]any)["altText"])
	call(t, srv, bob, "PUT", "/api/v3/files/"+img, map[string]any{"altText": "mine"}).isError(t, http.StatusForbidden, codePermission)
	call(t, srv, alice, "PUT", "/api/v3/files/"+img, map[string]any{}).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, alice, "PUT", "/api/v3/files/nope", map[string]any{"altText": "x"}).isError(t, http.StatusNotFound, codeNotFound)

	ok(t, call(t, srv, alice, "DELETE", "/api/v3/files/"+img, nil))
	events := checkDeliveries(t, srv, got, []string{"file.didDelete"})
	assert.Contains(t, string(events[0].Raw), img)
}

// A clip is a video: it can be a post's clip attachment. (Not a spec scenario: spec 4.116.1's
// post schema leaves clip child posts out of its data type enum.)
func TestClipIsAVideo(t *testing.T) {
	srv := newServer(t)
	alice := srv.UserToken("alice")
	video := []byte("\x00\x00\x00\x18ftypmp42" + string(make([]byte, 64)))
	clip := fileList(t, uploadFiles(t, srv, alice, "/api/v4/clips", []part{{"files", "dance.mp4", "video/mp4", video}}, nil))[0]
	m := createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "moves"}, "dataType": "clip",
		"attachments": []map[string]any{{"fileId": clip["fileId"], "type": "clip"}}})
	child := list(t, m, "postChildren")[0]
	assert.Equal(t, "clip", child["dataType"])
	assert.Equal(t, clip["fileId"], child["data"].(map[string]any)["fileId"])
}
