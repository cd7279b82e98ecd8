package amity

// CommentsService manages comments on posts, content and stories, and their flags. Reach it as Client.Comments.
type CommentsService struct{ c *Client }
