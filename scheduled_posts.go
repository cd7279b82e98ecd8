package amity

// ScheduledPostsService manages posts that publish at a set time. Reach it as
// Client.ScheduledPosts.
type ScheduledPostsService struct{ c *Client }
