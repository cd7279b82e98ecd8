package amitytest

import (
	"sort"
	"time"
)

// Archives are per user: a member archives a channel for itself (POST
// /api/v1/archives/channels/{channelId}, by the channel's public or internal ID), lists its
// archived channels (GET /api/v1/archives/channels, newest first) and unarchives one
// (DELETE). GET /api/v3/channels leaves the caller's archived channels out when asked with
// excludeArchives=true (channels.go, isArchived); without it they are listed as any other.

type archiveJSON struct {
	ChannelID  string `json:"channelId"`
	ArchivedAt string `json:"archivedAt"`
}

// isArchived reports whether userID archived the channel. s.mu is held.
func (st *state) isArchived(userID string, ch *channel) bool {
	if st.nsx == nil {
		return false
	}
	_, ok := st.nsx.archives[userID][ch.id]
	return ok
}

// archivedChannel finds the live channel of a path ID (public or internal) that the caller
// belongs to.
func (c *request) archivedChannel() (*channel, error) {
	id := c.path("channelId")
	ch := c.st.channelByAnyID(id)
	if ch == nil || ch.deleted {
		return nil, errNotFound("Channel %s not found", id)
	}
	if !ch.isMember(c.identity) {
		return nil, errPermission("User is not a member of a channel")
	}
	return ch, nil
}

func (s *Server) routesArchives() {
	s.route("GET /api/v1/archives/channels", authUser, func(c *request) error {
		type entry struct {
			id string
			at time.Time
		}
		var list []entry
		for id, at := range c.st.ns4116().archives[c.identity] {
			if ch := c.st.channels[id]; ch != nil && !ch.deleted {
				list = append(list, entry{id, at})
			}
		}
		sort.Slice(list, func(i, j int) bool {
			if !list[i].at.Equal(list[j].at) {
				return list[i].at.After(list[j].at)
			}
			return list[i].id < list[j].id
		})
		out := []archiveJSON{}
		for _, e := range list {
			out = append(out, archiveJSON{ChannelID: e.id, ArchivedAt: ts(e.at)})
		}
		return c.ok(map[string]any{"archives": out})
	})
	s.route("POST /api/v1/archives/channels/{channelId}", authUser, func(c *request) error {
		ch, err := c.archivedChannel()
		if err != nil {
			return err
		}
		ns := c.st.ns4116()
		mine := ns.archives[c.identity]
		if mine == nil {
			mine = map[string]time.Time{}
			ns.archives[c.identity] = mine
		}
		at, ok := mine[ch.id]
		if !ok { // archiving again keeps the first time
			at = c.now()
			mine[ch.id] = at
		}
		return c.ok(archiveJSON{ChannelID: ch.id, ArchivedAt: ts(at)})
	})
	s.route("DELETE /api/v1/archives/channels/{channelId}", authUser, func(c *request) error {
		ch, err := c.archivedChannel()
		if err != nil {
			return err
		}
		delete(c.st.ns4116().archives[c.identity], ch.id)
		return c.ok(successBody)
	})
}
