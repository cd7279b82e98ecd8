package amity

// MessagesService manages chat messages (v5 message feeds and v3) and their flags. Reach it as Client.Messages.
type MessagesService struct{ c *Client }
