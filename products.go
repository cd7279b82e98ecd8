package amity

// ProductsService manages the network's product catalogue (products tagged in posts and
// pinned to rooms) and its bulk imports. Reach it as Client.Products.
type ProductsService struct{ c *Client }
