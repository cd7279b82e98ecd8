package amity

// ReportsService reads the network's reports: moderation activity, users' last activity, the
// first-party data export and community metrics. Reach it as Client.Reports.
type ReportsService struct{ c *Client }
