package amitytest

import (
	"sort"
	"time"
)

// presenceState is one user's presence.
type presenceState struct {
	enabled       bool
	enabledAt     time.Time
	lastHeartbeat time.Time
}

// Presence settings of the fake network: the feature is on at the network level (as if the
// team had enabled it) and off for each user until the user turns it on.
const (
	heartbeatInterval    = 30 // seconds
	presenceSyncInterval = 30
	// onlineWindow is how long after its last heartbeat a user counts as online: two
	// heartbeat intervals.
	onlineWindow = 2 * heartbeatInterval * time.Second
)

type presenceJSON struct {
	UserID        string `json:"userId"`
	LastHeartbeat string `json:"lastHeartbeat"`
}

// online reports whether the user's presence is on and its last heartbeat recent.
func (p *presenceState) online(now time.Time) bool {
	return p != nil && p.enabled && !p.lastHeartbeat.IsZero() && now.Sub(p.lastHeartbeat) < onlineWindow
}

func (st *state) presenceOf(userID string) *presenceState {
	p := st.presence[userID]
	if p == nil {
		p = &presenceState{}
		st.presence[userID] = p
	}
	return p
}

// OnlineUsers returns the IDs of the users the fake counts as online, sorted.
func (s *Server) OnlineUsers() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	var out []string
	for id, p := range s.st.presence {
		if p.online(now) {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// presenceAllowed refuses a user whose presence is off: such a user is offline and may use
// none of the presence calls but the settings.
func (c *request) presenceAllowed() error {
	if c.isAdmin {
		return nil
	}
	if p := c.st.presence[c.identity]; p == nil || !p.enabled {
		return errForbidden("Presence is disabled for this user.")
	}
	return nil
}

func (s *Server) routesPresence() {
	s.route("POST /api/v1/presence/heartbeat", authUser, func(c *request) error {
		if c.isAdmin {
			return errForbidden("Only users send presence heartbeats.")
		}
		if err := c.presenceAllowed(); err != nil {
			return err
		}
		c.st.presenceOf(c.identity).lastHeartbeat = c.now()
		writeJSON(c.w, 202, successBody)
		return nil
	})
	s.route("GET /api/v1/presence/network/users", authUser, func(c *request) error {
		if err := c.presenceAllowed(); err != nil {
			return err
		}
		order := c.q("orderBy")
		if err := enum("orderBy", order, "asc", "desc"); err != nil {
			return err
		}
		now := c.now()
		type entry struct {
			id string
			at time.Time
		}
		var list []entry
		for id, p := range c.st.presence {
			if p.online(now) {
				list = append(list, entry{id, p.lastHeartbeat})
			}
		}
		sort.Slice(list, func(i, j int) bool {
			if !list[i].at.Equal(list[j].at) {
				if order == "asc" {
					return list[i].at.Before(list[j].at)
				}
				return list[i].at.After(list[j].at)
			}
			return list[i].id < list[j].id
		})
		out := []presenceJSON{}
		for _, e := range list {
			out = append(out, presenceJSON{UserID: e.id, LastHeartbeat: ts(e.at)})
		}
		return c.ok(map[string]any{"presences": out})
	})
	s.route("GET /api/v1/presence/network/users/count", authUser, func(c *request) error {
		if err := c.presenceAllowed(); err != nil {
			return err
		}
		now := c.now()
		n := 0
		for _, p := range c.st.presence {
			if p.online(now) {
				n++
			}
		}
		return c.ok(map[string]any{"count": n, "referenceTimeStamp": ts(now)})
	})
	s.route("GET /api/v1/presence/settings", authUser, func(c *request) error {
		user := map[string]any{"enabled": c.isAdmin}
		if p := c.st.presence[c.identity]; p != nil && !c.isAdmin {
			user["enabled"] = p.enabled
			if p.enabled {
				user["enabledAt"] = ts(p.enabledAt)
			}
		}
		return c.ok(map[string]any{"user": user, "network": map[string]any{
			"heartbeatInterval": heartbeatInterval, "presenceSyncInterval": presenceSyncInterval, "updatedAt": ts(c.st.presenceAt)}})
	})
	s.route("PUT /api/v1/presence/settings/user", authUser, func(c *request) error {
		if c.isAdmin {
			return errForbidden("The presence setting is a user's own.")
		}
		var req struct {
			Enabled *bool `json:"enabled"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.Enabled == nil {
			return errBadRequest("Parameters validation error: enabled is required")
		}
		p := c.st.presenceOf(c.identity)
		if *req.Enabled && !p.enabled {
			p.enabledAt = c.now()
		}
		p.enabled = *req.Enabled
		if !p.enabled {
			p.lastHeartbeat = time.Time{} // a disabled user is offline
		}
		out := map[string]any{"enabled": p.enabled}
		if p.enabled {
			out["enabledAt"] = ts(p.enabledAt)
		}
		return c.ok(out)
	})
	s.route("GET /api/v1/presence/users/list", authUser, func(c *request) error {
		ids := c.qList("userIds")
		if len(ids) == 0 || len(ids) > 220 {
			return errBadRequest("Parameters validation error: userIds must have 1 to 220 items")
		}
		if err := c.presenceAllowed(); err != nil {
			return err
		}
		out := []presenceJSON{}
		for _, id := range uniq(ids) {
			if len(id) > 300 {
				return errBadRequest("Parameters validation error: user IDs have at most 300 characters")
			}
			// A user whose presence is off is reported as never seen.
			if p := c.st.presence[id]; p != nil && p.enabled && !p.lastHeartbeat.IsZero() {
				out = append(out, presenceJSON{UserID: id, LastHeartbeat: ts(p.lastHeartbeat)})
			}
		}
		return c.ok(map[string]any{"presences": out})
	})
}
