package amity

// ArchivesService archives and unarchives chat channels for the caller and lists the archived
// ones. Reach it as Client.Archives.
type ArchivesService struct{ c *Client }
