package amitytest

import (
	"net/http"
	"sort"
	"strconv"
	"time"
)

// Room presence: a user watches a room while its heartbeats (POST
// /api/v1/presence/rooms/{roomId}/heartbeat) are recent, within the online window of the
// network presence (two heartbeat intervals). The viewer joined at the first heartbeat after
// it last stopped watching.

// watching reports whether the viewer's last heartbeat is recent at now.
func (v *roomViewer) watching(now time.Time) bool {
	return v != nil && now.Sub(v.lastHeartbeat) < onlineWindow
}

// roomViewerJSON is the spec's room viewer.
type roomViewerJSON struct {
	UserID   string `json:"userId"`
	JoinedAt string `json:"joinedAt"`
}

// watchers lists the room's viewers watching at now, latest heartbeat first (asc: first
// last), ties by user ID.
func (r *room) watchers(now time.Time, asc bool) []string {
	var ids []string
	for id, v := range r.viewers {
		if v.watching(now) {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := r.viewers[ids[i]].lastHeartbeat, r.viewers[ids[j]].lastHeartbeat
		if !a.Equal(b) {
			return a.After(b) != asc
		}
		return ids[i] < ids[j]
	})
	return ids
}

func (s *Server) routesPresenceRooms() {
	s.route("POST /api/v1/presence/rooms/{roomId}/heartbeat", authUser, func(c *request) error {
		if c.isAdmin {
			return errForbidden("Only users send presence heartbeats.")
		}
		r, err := c.liveRoom()
		if err != nil {
			return err
		}
		if r.bans[c.identity] != nil {
			return errForbidden("You are banned from this room.")
		}
		if r.ended() {
			return errBadRequest("Room %s has ended.", r.id)
		}
		now := c.now()
		v := r.viewers[c.identity]
		if !v.watching(now) {
			v = &roomViewer{joinedAt: now}
			r.viewers[c.identity] = v
		}
		v.lastHeartbeat = now
		writeJSON(c.w, http.StatusAccepted, successBody)
		return nil
	})
	s.route("GET /api/v1/presence/rooms/{roomId}/users", authUser, func(c *request) error {
		r, err := c.liveRoom()
		if err != nil {
			return err
		}
		order := c.q("orderBy")
		if err := enum("orderBy", order, "asc", "desc"); err != nil {
			return err
		}
		limit := 200
		if v := c.q("limit"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 200 {
				return errBadRequest("Parameters validation error: limit must be between 1 and 200")
			}
			limit = n
		}
		ids := r.watchers(c.now(), order == "asc")
		if len(ids) > limit {
			ids = ids[:limit]
		}
		viewers := []roomViewerJSON{}
		for _, id := range ids {
			viewers = append(viewers, roomViewerJSON{UserID: id, JoinedAt: ts(r.viewers[id].joinedAt)})
		}
		return c.ok(map[string]any{"viewers": viewers, "total": len(viewers), "limit": limit})
	})
	s.route("GET /api/v1/presence/rooms/{roomId}/users/count", authUser, func(c *request) error {
		r, err := c.liveRoom()
		if err != nil {
			return err
		}
		now := c.now()
		return c.ok(map[string]any{"count": len(r.watchers(now, false)), "referenceTimestamp": ts(now)})
	})
}
