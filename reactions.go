package amity

// ReactionsService manages reactions on posts, comments, messages and stories. Reach it as Client.Reactions.
type ReactionsService struct{ c *Client }
