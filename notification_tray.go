package amity

// NotificationTrayService reads a user's in-app notification tray and marks it seen. Reach it
// as Client.NotificationTray (on a view from Client.AsUser).
type NotificationTrayService struct{ c *Client }
