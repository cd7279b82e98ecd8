package amitytest

// routesChannelsSeen registers POST /api/v3/channels/seen: the caller's read position in each
// channel listed (by public or internal ID) moves up to its readToSegment, as POST
// /api/v3/channels/{channelId}/seen moves it in one. Every channel must exist and have the
// caller as a member, else nothing changes.
func (s *Server) routesChannelsSeen() {
	s.route("POST /api/v3/channels/seen", authUser, func(c *request) error {
		var req struct {
			Channels []struct {
				ChannelID     string `json:"channelId"`
				ReadToSegment *int   `json:"readToSegment"`
			} `json:"channels"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if len(req.Channels) == 0 {
			return errBadRequest("Parameters validation error: channels is required")
		}
		members := make([]*membership, len(req.Channels))
		for i, r := range req.Channels {
			if r.ChannelID == "" || len(r.ChannelID) > 128 || r.ReadToSegment == nil || *r.ReadToSegment < 1 {
				return errBadRequest("Parameters validation error: each channel needs a channelId and a readToSegment of at least 1")
			}
			ch := c.st.channelByAnyID(r.ChannelID)
			if ch == nil || ch.deleted {
				return errNotFound("Channel %s not found", r.ChannelID)
			}
			m := ch.members[c.identity]
			if m == nil || m.status != "member" {
				return errPermission("User is not a member of a channel")
			}
			members[i] = m
		}
		now := c.now()
		for i, m := range members {
			if seg := *req.Channels[i].ReadToSegment; seg > m.readToSegment {
				m.readToSegment = seg
			}
			m.updatedAt, m.lastActivity = now, now
		}
		return c.noContent()
	})
}
