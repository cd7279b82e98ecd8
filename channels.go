package amity

// ChannelsService manages chat channels, their members, roles, bans and mutes. Reach it as Client.Channels.
type ChannelsService struct{ c *Client }
