package amity

// InvitationsService manages invitations to join a community: sending, listing, accepting,
// rejecting and cancelling them. Reach it as Client.Invitations.
type InvitationsService struct{ c *Client }
