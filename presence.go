package amity

import (
	"context"
	"net/http"
	"net/url"
)

// PresenceService reports which users are online. A user is online while its client sends
// heartbeats (Heartbeat, every Settings().Network.HeartbeatInterval seconds) and its
// presence setting is on (UpdateUserSetting). Reach it as Client.Presence; Heartbeat and
// UpdateUserSetting act as the caller, so call them on a user view (Client.AsUser).
type PresenceService struct{ c *Client }

// Presence is a user's presence: when its client last sent a heartbeat.
type Presence struct {
	UserID        string `json:"userId"`
	LastHeartbeat Time   `json:"lastHeartbeat"`
}

// PresencePayload is a list of presences.
type PresencePayload struct {
	rawJSON
	Presences []Presence `json:"presences"`
}

// PresenceByID returns the presence of a user, or nil.
func (p *PresencePayload) PresenceByID(userID string) *Presence {
	return byID(p.Presences, userID, func(x *Presence) string { return x.UserID })
}

// SendHeartbeat tells the API the caller is online. POST /api/v1/presence/heartbeat (answered
// 202 {success}). Retried: a heartbeat only refreshes the caller's last-seen time.
func (s *PresenceService) SendHeartbeat(ctx context.Context, opts ...CallOption) error {
	return s.c.do(ctx, &request{op: "Presence.SendHeartbeat", method: http.MethodPost, path: "/api/v1/presence/heartbeat", idempotent: true, opts: opts}, nil)
}

// PresenceOrder is an ascending or descending order.
type PresenceOrder string

// Orders.
const (
	PresenceOrderAsc  PresenceOrder = "asc"
	PresenceOrderDesc PresenceOrder = "desc"
)

// GetOnlineUsersParams orders OnlineUsers.
type GetOnlineUsersParams struct {
	// OrderBy orders by last heartbeat: asc or desc.
	OrderBy PresenceOrder
}

// GetOnlineUsers returns the users online in the network. GET /api/v1/presence/network/users.
func (s *PresenceService) GetOnlineUsers(ctx context.Context, params *GetOnlineUsersParams, opts ...CallOption) (*PresencePayload, error) {
	const op = "Presence.GetOnlineUsers"
	params = orZero(params)
	q := query{}
	q.str("orderBy", string(params.OrderBy))
	return call[PresencePayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v1/presence/network/users", query: url.Values(q), opts: opts})
}

// OnlineUsersCountPayload is the number of users online.
type OnlineUsersCountPayload struct {
	rawJSON
	Count int `json:"count"`
	// ReferenceTimestamp is the moment the count was taken, as the server sent it.
	ReferenceTimestamp string `json:"referenceTimeStamp"`
}

// CountOnlineUsers returns the number of users online in the network.
// GET /api/v1/presence/network/users/count.
func (s *PresenceService) CountOnlineUsers(ctx context.Context, opts ...CallOption) (*OnlineUsersCountPayload, error) {
	return call[OnlineUsersCountPayload](ctx, s.c, &request{op: "Presence.CountOnlineUsers", method: http.MethodGet, path: "/api/v1/presence/network/users/count", opts: opts})
}

// PresenceUserSettings is a user's presence setting.
type PresenceUserSettings struct {
	rawJSON
	// Enabled reports whether the user's presence is shared.
	Enabled   bool `json:"enabled"`
	EnabledAt Time `json:"enabledAt"`
}

// PresenceSettings are the presence settings of the caller and of the network.
type PresenceSettings struct {
	rawJSON
	User    PresenceUserSettings `json:"user"`
	Network struct {
		// HeartbeatInterval is how often (seconds, 20 to 50) a client sends heartbeats.
		HeartbeatInterval int `json:"heartbeatInterval"`
		// PresenceSyncInterval is how often (seconds, 20 to 50) a client refreshes the
		// presences it shows.
		PresenceSyncInterval int  `json:"presenceSyncInterval"`
		UpdatedAt            Time `json:"updatedAt"`
	} `json:"network"`
	// Room is the network's room presence setting: whether the presence of room viewers is on
	// (spec 4.116.1).
	Room FeatureToggle `json:"room"`
}

// GetSettings returns the presence settings of the caller and of the network.
// GET /api/v1/presence/settings.
func (s *PresenceService) GetSettings(ctx context.Context, opts ...CallOption) (*PresenceSettings, error) {
	return call[PresenceSettings](ctx, s.c, &request{op: "Presence.GetSettings", method: http.MethodGet, path: "/api/v1/presence/settings", opts: opts})
}

// UpdatePresenceUserSettingParams is the body of UpdateUserSetting.
type UpdatePresenceUserSettingParams struct {
	// Enabled shares the caller's presence (true) or hides it (false); always sent.
	Enabled bool `json:"enabled"`
}

// UpdateUserSetting turns the caller's presence on or off and returns the setting.
// PUT /api/v1/presence/settings/user. Retried: it sets the given value.
func (s *PresenceService) UpdateUserSetting(ctx context.Context, params *UpdatePresenceUserSettingParams, opts ...CallOption) (*PresenceUserSettings, error) {
	const op = "Presence.UpdateUserSetting"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	return call[PresenceUserSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v1/presence/settings/user", body: params, idempotent: true, opts: opts})
}

// GetManyPresencesParams lists the users GetMany reports.
type GetManyPresencesParams struct {
	// UserIDs (required) are 1 to 220 user IDs of at most 300 characters.
	UserIDs []string
}

// ids is the list getMany sends.
func (p *GetManyPresencesParams) ids() []string { return p.UserIDs }

// GetMany returns the presences of the given users (those never seen are left out).
// GET /api/v1/presence/users/list. The spec declares no security for it; the caller's token
// is sent as everywhere else.
func (s *PresenceService) GetMany(ctx context.Context, params *GetManyPresencesParams, opts ...CallOption) (*PresencePayload, error) {
	return getMany[PresencePayload](ctx, s.c, &request{op: "Presence.GetMany", method: http.MethodGet, path: "/api/v1/presence/users/list", opts: opts},
		params, idsQuery{field: "UserIDs", name: "userIds", maxIDs: 220, maxLen: 300})
}
