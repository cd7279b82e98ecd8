package amity

// FilesService uploads, reads, downloads and deletes files, images and videos. Reach it as
// Client.Files.
type FilesService struct{ c *Client }

// File is an uploaded file, image or video.
type File struct {
	// FileID is the file's root key on the cloud storage.
	FileID string `json:"fileId"`
	// FileURL is the HTTP link to download the file.
	FileURL string `json:"fileUrl,omitempty"`
	// Type is image, file or video.
	Type FileType `json:"type,omitempty"`
	// Attributes describe the content.
	Attributes FileAttributes `json:"attributes"`
	// CreatedAt and UpdatedAt are RFC 3339 times.
	CreatedAt Time `json:"createdAt"`
	UpdatedAt Time `json:"updatedAt"`
}

// FileType is the kind of an uploaded file.
type FileType string

// File types.
const (
	FileTypeImage FileType = "image"
	FileTypeFile  FileType = "file"
	FileTypeVideo FileType = "video"
)

// FileAttributes describe an uploaded file.
type FileAttributes struct {
	Name      string  `json:"name,omitempty"`
	Extension string  `json:"extension,omitempty"`
	Size      float64 `json:"size,omitempty"`
	MimeType  string  `json:"mimeType,omitempty"`
	// Metadata holds image metadata: exif, gps, height, width, isFull.
	Metadata map[string]any `json:"metadata,omitempty"`
}
