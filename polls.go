package amity

// PollsService manages polls and votes. Reach it as Client.Polls.
type PollsService struct{ c *Client }
