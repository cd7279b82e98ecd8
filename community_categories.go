package amity

// CommunityCategoriesService manages community categories. Reach it as Client.CommunityCategories.
type CommunityCategoriesService struct{ c *Client }
