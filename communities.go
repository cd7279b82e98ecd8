package amity

// CommunitiesService manages communities, their members, roles and bans. Reach it as Client.Communities.
type CommunitiesService struct{ c *Client }
