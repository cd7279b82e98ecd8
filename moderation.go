package amity

// ModerationService manages blocklists, allowlists and moderation settings. Reach it as Client.Moderation.
type ModerationService struct{ c *Client }
