package amitytest

import (
	"bytes"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"mime"
	"net/http"
	"time"
)

// file is an uploaded file, kept in memory.
type file struct {
	id        string
	kind      string // image, file or video
	name      string
	ext       string
	mimeType  string
	data      []byte
	width     int
	height    int
	uploader  string
	createdAt time.Time
	seq       int64
	// altText, accessType and updatedAt are set by the operations of files_from_url.go.
	altText, accessType string
	updatedAt           time.Time
}

// fileJSON is the spec's File shape.
type fileJSON struct {
	FileID     string    `json:"fileId"`
	FileURL    string    `json:"fileUrl"`
	Type       string    `json:"type"`
	AccessType string    `json:"accessType,omitempty"`
	AltText    string    `json:"altText,omitempty"`
	CreatedAt  string    `json:"createdAt"`
	UpdatedAt  string    `json:"updatedAt"`
	Attributes fileAttrs `json:"attributes"`
}

type fileAttrs struct {
	Name      string   `json:"name"`
	Extension string   `json:"extension"`
	Size      int      `json:"size"`
	MimeType  string   `json:"mimeType"`
	Metadata  fileMeta `json:"metadata"`
}

type fileMeta struct {
	Height int  `json:"height,omitempty"`
	Width  int  `json:"width,omitempty"`
	IsFull bool `json:"isFull"`
}

func (f *file) json(baseURL string) fileJSON {
	return fileJSON{
		FileID:     f.id,
		FileURL:    baseURL + "/api/v3/files/" + f.id + "/download",
		Type:       f.kind,
		AccessType: f.accessType,
		AltText:    f.altText,
		CreatedAt:  ts(f.createdAt),
		UpdatedAt:  ts(latest(f.createdAt, f.updatedAt)),
		Attributes: fileAttrs{
			Name:      f.name,
			Extension: f.ext,
			Size:      len(f.data),
			MimeType:  f.mimeType,
			Metadata:  fileMeta{Height: f.height, Width: f.width, IsFull: true},
		},
	}
}

func (s *Server) routesFiles() {
	s.routeUnlocked("POST /api/v4/files", authUser, func(c *request) error { return s.uploadV4(c, "file") })
	s.routeUnlocked("POST /api/v4/images", authUser, func(c *request) error { return s.uploadV4(c, "image") })
	s.routeUnlocked("POST /api/v4/videos", authUser, func(c *request) error { return s.uploadV4(c, "video") })
	s.routeUnlocked("POST /api/v3/files", authUser, s.uploadV3)
	s.route("GET /api/v3/files/{fileId}", authUser, func(c *request) error {
		f := c.st.files[c.path("fileId")]
		if f == nil {
			return errNotFound("Resource Not Found.")
		}
		return c.ok(statusData{Status: "success", Data: f.json(c.st.baseURL)})
	})
	s.route("DELETE /api/v3/files/{fileId}", authUser, func(c *request) error {
		f := c.st.files[c.path("fileId")]
		if f == nil {
			return errNotFound("Resource Not Found.")
		}
		if !c.isAdmin && f.uploader != c.identity {
			return errPermission("You are not allowed to do this.")
		}
		delete(c.st.files, f.id)
		c.emitFile("file.didDelete", f) // webhooks.go
		return c.ok(statusData{Status: "success", Data: map[string]string{"fileId": f.id}})
	})
	s.route("GET /api/v3/files/{fileId}/download", authNone, s.download)
}

// checkAvatar checks the avatarFileId of a community or user update: when given and not
// empty, an image file.
func (st *state) checkAvatar(fileID *string) error {
	if fileID == nil || *fileID == "" {
		return nil
	}
	f := st.files[*fileID]
	if f == nil {
		return errNotFound("File not found.")
	}
	if f.kind != "image" {
		return errForbidden("Avatar must be an image.")
	}
	return nil
}

// download answers the file's bytes. The token may come from the
// Authorization header, the upstra-access-token cookie or the t parameter.
func (s *Server) download(c *request) error {
	tok := bearerToken(c.r)
	if tok == "" {
		if ck, err := c.r.Cookie("upstra-access-token"); err == nil {
			tok = ck.Value
		}
	}
	if tok == "" {
		tok = c.q("t")
	}
	if _, _, ok := c.st.resolveToken(tok, s.cfg.adminToken, c.now()); !ok {
		return errUnauthorized("Unauthorized")
	}
	size := c.q("size")
	if err := enum("size", size, "full", "large", "medium", "small"); err != nil {
		return err
	}
	f := c.st.files[c.path("fileId")]
	if f == nil {
		return errNotFound("Resource Not Found.")
	}
	data, mt := f.data, f.mimeType
	if f.kind == "image" {
		data, mt = resized(f, size)
	}
	c.w.Header().Set("Content-Type", mt)
	c.w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.name}))
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write(data)
	return nil
}

// resized scales an image down so its longer side fits the requested size
// (small 160, medium 600, large 1500 pixels; full or absent keeps it).
func resized(f *file, size string) ([]byte, string) {
	limits := map[string]int{"small": 160, "medium": 600, "large": 1500}
	max := limits[size]
	if max == 0 || (f.width <= max && f.height <= max) {
		return f.data, f.mimeType
	}
	src, format, err := image.Decode(bytes.NewReader(f.data))
	if err != nil {
		return f.data, f.mimeType
	}
	w, h := f.width, f.height
	if w >= h {
		w, h = max, h*max/w
	} else {
		w, h = w*max/h, max
	}
	if w < 1 {
		w = 1
	}
	if h < 1 {
		h = 1
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	b := src.Bounds()
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dst.Set(x, y, src.At(b.Min.X+x*b.Dx()/w, b.Min.Y+y*b.Dy()/h))
		}
	}
	var buf bytes.Buffer
	switch format {
	case "jpeg":
		if jpeg.Encode(&buf, dst, nil) == nil {
			return buf.Bytes(), "image/jpeg"
		}
	case "gif":
		if gif.Encode(&buf, dst, nil) == nil {
			return buf.Bytes(), "image/gif"
		}
	}
	buf.Reset()
	if png.Encode(&buf, dst) == nil {
		return buf.Bytes(), "image/png"
	}
	return f.data, f.mimeType
}
