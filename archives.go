package amity

import (
	"context"
	"net/http"
)

// ArchivesService archives and unarchives chat channels for the caller and lists the archived
// ones. Reach it as Client.Archives (on a view from Client.AsUser: archives are the token's
// user's). Channels.List leaves them out when asked to (GET /api/v3/channels excludeArchives).
type ArchivesService struct{ c *Client }

// ArchivedChannel is a channel the caller archived.
type ArchivedChannel struct {
	// ChannelID is the channel's ID.
	ChannelID string `json:"channelId"`
	// ArchivedAt is when it was archived.
	ArchivedAt Time `json:"archivedAt"`
}

// ArchivedChannelPayload is the answer of Archives.AddChannel: the channel archived.
type ArchivedChannelPayload struct {
	rawJSON
	ArchivedChannel
}

// ArchivedChannelsPayload is the answer of Archives.GetChannels: the caller's archived
// channels.
type ArchivedChannelsPayload struct {
	rawJSON
	Archives []ArchivedChannel `json:"archives"`
}

// ArchiveByChannelID returns the archive of the channel with the given ID, or nil.
func (p *ArchivedChannelsPayload) ArchiveByChannelID(channelID string) *ArchivedChannel {
	return byID(p.Archives, channelID, func(a *ArchivedChannel) string { return a.ChannelID })
}

// archivesPath is the idPath of an archived channel: a channel ID of 24 hexadecimal
// digits, as the spec requires.
var archivesPath = checkedPath("channelID", objectID)

// GetChannels returns the caller's archived channels. GET /api/v1/archives/channels.
func (s *ArchivesService) GetChannels(ctx context.Context, opts ...CallOption) (*ArchivedChannelsPayload, error) {
	return call[ArchivedChannelsPayload](ctx, s.c, &request{op: "Archives.GetChannels", method: http.MethodGet, path: "/api/v1/archives/channels", opts: opts})
}

// AddChannel archives a conversation channel for the caller and returns the archive.
// channelID is 24 hexadecimal digits (the spec's pattern). POST
// /api/v1/archives/channels/{channelId}. Not retried after it may have reached the server
// (an add).
func (s *ArchivesService) AddChannel(ctx context.Context, channelID string, opts ...CallOption) (*ArchivedChannelPayload, error) {
	r := &request{op: "Archives.AddChannel", method: http.MethodPost, path: "/api/v1/archives/channels/%s", opts: opts}
	if err := r.setPath(archivesPath, channelID); err != nil {
		return nil, err
	}
	return call[ArchivedChannelPayload](ctx, s.c, r)
}

// RemoveChannel unarchives a channel for the caller. DELETE
// /api/v1/archives/channels/{channelId}. Idempotent by construction (an unarchived channel
// stays unarchived), so it is retried like a read. An answer of success: false is an *Error
// matching ErrUnsuccessful.
func (s *ArchivesService) RemoveChannel(ctx context.Context, channelID string, opts ...CallOption) error {
	r := &request{op: "Archives.RemoveChannel", method: http.MethodDelete, path: "/api/v1/archives/channels/%s", idempotent: true, opts: opts}
	if err := r.setPath(archivesPath, channelID); err != nil {
		return err
	}
	return s.c.do(ctx, r, nil)
}
