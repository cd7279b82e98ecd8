package amity

// RoomsService manages live rooms: creating and ending them, their participants and co-hosts,
// viewer bans, ingest tokens and recordings. Reach it as Client.Rooms.
type RoomsService struct{ c *Client }
