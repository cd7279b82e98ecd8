package amity

// PostsService manages posts, their review (approve / decline), flags and feeds. Reach it as Client.Posts.
type PostsService struct{ c *Client }
