package amity

// EventsService manages events (a community's or a user's, online or in person) and their
// RSVPs. Reach it as Client.Events.
type EventsService struct{ c *Client }
