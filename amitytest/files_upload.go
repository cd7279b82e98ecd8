package amitytest

import (
	"bytes"
	"errors"
	"image"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// upload is one file part of a multipart request.
type upload struct {
	name     string
	mimeType string
	data     []byte
}

// readUploads streams a multipart body into memory, up to the upload limit. The files are
// the parts of any of fields (the first names the field in errors).
func (c *request) readUploads(fields ...string) ([]upload, map[string]string, error) {
	field := fields[0]
	c.r.Body = http.MaxBytesReader(c.w, c.r.Body, c.s.cfg.uploadLimit)
	mr, err := c.r.MultipartReader()
	if err != nil {
		return nil, nil, errBadRequest("Request must be multipart/form-data")
	}
	var ups []upload
	values := map[string]string{}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, uploadErr(err)
		}
		name := part.FormName()
		if containsString(fields, name) || containsString(fields, strings.TrimSuffix(name, "[]")) {
			data, err := io.ReadAll(part)
			if err != nil {
				return nil, nil, uploadErr(err)
			}
			ups = append(ups, upload{name: part.FileName(), mimeType: part.Header.Get("Content-Type"), data: data})
			continue
		}
		v, err := io.ReadAll(io.LimitReader(part, 4096))
		if err != nil {
			return nil, nil, uploadErr(err)
		}
		values[name] = string(v)
	}
	if len(ups) == 0 {
		return nil, nil, errBadRequest("Parameters validation error: %s is required", field)
	}
	return ups, values, nil
}

func uploadErr(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errTooLarge()
	}
	return errBadRequest("Malformed multipart body")
}

// storeFile keeps an upload. kind "" picks image or file by content.
func (st *state) storeFile(up upload, kind, preferredName, uploader string, now time.Time) *file {
	name := up.name
	if preferredName != "" {
		name = preferredName
	}
	if name == "" {
		name = "file"
	}
	mt := up.mimeType
	if mt == "" || mt == "application/octet-stream" {
		if byExt := mime.TypeByExtension(path.Ext(name)); byExt != "" {
			mt = byExt
		} else {
			mt = http.DetectContentType(up.data)
		}
	}
	if i := strings.IndexByte(mt, ';'); i >= 0 {
		mt = strings.TrimSpace(mt[:i])
	}
	if kind == "" {
		kind = "file"
		if strings.HasPrefix(mt, "image/") {
			kind = "image"
		}
	}
	f := &file{
		id:        st.newID(),
		kind:      kind,
		name:      name,
		ext:       strings.TrimPrefix(path.Ext(name), "."),
		mimeType:  mt,
		data:      up.data,
		uploader:  uploader,
		createdAt: now,
		seq:       st.nextSeq(),
	}
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(up.data)); err == nil {
		f.width, f.height = cfg.Width, cfg.Height
	}
	st.files[f.id] = f
	return f
}

func isImage(up upload) bool {
	mt := up.mimeType
	if mt == "" || mt == "application/octet-stream" {
		mt = http.DetectContentType(up.data)
	}
	return strings.HasPrefix(mt, "image/")
}

func isVideo(up upload) bool {
	if strings.HasPrefix(up.mimeType, "video/") || strings.HasPrefix(http.DetectContentType(up.data), "video/") {
		return true
	}
	return strings.HasPrefix(mime.TypeByExtension(path.Ext(up.name)), "video/")
}

// storeUploads stores the uploaded files as files of kind ("" for the kind their content
// shows), taking the state lock; a single file is named by the preferredFilename field when
// given.
func (c *request) storeUploads(ups []upload, values map[string]string, kind string) []fileJSON {
	c.lock()
	defer c.unlock()
	preferred := ""
	if len(ups) == 1 {
		preferred = values["preferredFilename"]
	}
	out := []fileJSON{}
	for _, up := range ups {
		out = append(out, c.st.storeFile(up, kind, preferred, c.identity, c.now()).json(c.st.baseURL))
	}
	return out
}

func (s *Server) uploadV4(c *request, kind string) error {
	ups, values, err := c.readUploads("file", "files") // spec 4.116.1's field, and the deprecated one the clients still send (docs/wire-notes.md, row 54)
	if err != nil {
		return err
	}
	for _, up := range ups {
		if kind == "image" && !isImage(up) {
			return errBadRequest("File must be an image")
		}
		if kind == "video" && !isVideo(up) {
			return &apiError{http.StatusBadRequest, 400002, "Video format is invalid"}
		}
	}
	return c.ok(c.storeUploads(ups, values, kind))
}

func (s *Server) uploadV3(c *request) error {
	ups, values, err := c.readUploads("file")
	if err != nil {
		return err
	}
	return c.ok(statusData{Status: "success", Data: c.storeUploads(ups, values, "")})
}
