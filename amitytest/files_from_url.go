package amitytest

import (
	"mime"
	"net/url"
	"path"
	"strings"
	"time"
)

// fromURLKinds maps each upload-from-URL endpoint to the kind of file it stores and the
// media type of a URL whose name says nothing.
var fromURLKinds = map[string][2]string{
	"/api/v4/files/from-url":  {"file", "application/octet-stream"},
	"/api/v4/images/from-url": {"image", "image/jpeg"},
	"/api/v4/videos/from-url": {"video", "video/mp4"},
}

// latest returns the later of two times.
func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func (s *Server) routesFilesFromURL() {
	for p := range fromURLKinds {
		s.route("POST "+p, authUser, s.uploadFromURL)
	}
	s.routeUnlocked("POST /api/v4/clips", authUser, func(c *request) error {
		ups, values, err := c.readUploads("file", "files") // the spec's field, and the clients'
		if err != nil {
			return err
		}
		for _, up := range ups {
			if !isVideo(up) {
				return errBadRequest("Clip must be a video")
			}
		}
		if err := enum("accessType", values["accessType"], "public", "network"); err != nil {
			return err
		}
		out := c.storeUploads(ups, values, "video") // a clip is a video
		c.lock()
		for i := range out {
			if f := c.st.files[out[i].FileID]; f != nil && values["accessType"] != "" {
				f.accessType, out[i].AccessType = values["accessType"], values["accessType"]
			}
		}
		c.unlock()
		return c.ok(out)
	})
	s.route("PUT /api/v3/files/{fileId}", authUser, func(c *request) error {
		f := c.st.files[c.path("fileId")]
		if f == nil {
			return errNotFound("Resource Not Found.")
		}
		if !c.isAdmin && f.uploader != c.identity {
			return errPermission("You are not allowed to do this.")
		}
		var req struct {
			AltText *string `json:"altText"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.AltText == nil {
			return errBadRequest("Parameters validation error: altText is required")
		}
		if err := maxLen("altText", *req.AltText, 180); err != nil {
			return err
		}
		f.altText, f.updatedAt = *req.AltText, c.now()
		return c.ok(statusData{Status: "success", Data: []fileJSON{f.json(c.st.baseURL)}})
	})
}

// uploadFromURL stores a file record for the URL of the request, named after the URL (or
// preferredFilename), without fetching it: the fake keeps no content for it.
func (s *Server) uploadFromURL(c *request) error {
	var req struct {
		FileURL           string  `json:"fileUrl"`
		PreferredFilename string  `json:"preferredFilename"`
		AccessType        string  `json:"accessType"`
		AltText           *string `json:"altText"`
	}
	if err := c.decode(&req, true); err != nil {
		return err
	}
	u, err := url.Parse(req.FileURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errBadRequest("Parameters validation error: fileUrl must be an http or https URL")
	}
	if err := firstErr(maxLen("preferredFilename", req.PreferredFilename, 1024), enum("accessType", req.AccessType, "public", "network")); err != nil {
		return err
	}
	kind := fromURLKinds[c.r.URL.Path]
	if req.AltText != nil {
		if kind[0] != "image" {
			return errBadRequest("Parameters validation error: altText is for images only")
		}
		if err := maxLen("altText", *req.AltText, 125); err != nil {
			return err
		}
	}
	name := path.Base(u.Path)
	if name == "." || name == "/" {
		name = u.Host
	}
	mt := mime.TypeByExtension(path.Ext(name))
	switch {
	case mt == "":
		mt = kind[1]
	case kind[0] == "image" && !strings.HasPrefix(mt, "image/"), kind[0] == "video" && !strings.HasPrefix(mt, "video/"):
		return errBadRequest("The file at fileUrl is not of type %s", kind[0])
	}
	f := c.st.storeFile(upload{name: name, mimeType: mt}, kind[0], req.PreferredFilename, c.identity, c.now())
	f.accessType = req.AccessType
	if req.AltText != nil {
		f.altText = *req.AltText
	}
	return c.ok([]fileJSON{f.json(c.st.baseURL)})
}
