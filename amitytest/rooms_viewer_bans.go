package amitytest

// This file holds the viewer bans of rooms; rooms.go the rooms.

import "sort"

// routesRoomViewerBans registers the viewer-ban operations of rooms.
func (s *Server) routesRoomViewerBans() {
	s.route("POST /api/v1/rooms/{roomId}/viewer-bans", authUser, func(c *request) error {
		r, err := c.ownRoom()
		if err != nil {
			return err
		}
		ids, err := c.banIDs(100)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if r.isParticipant(id) {
				return errBadRequest("%s broadcasts in the room and cannot be banned from it.", id)
			}
		}
		for _, id := range ids {
			if r.bans[id] == nil {
				r.bans[id] = &viewerBan{userID: id, bannedBy: c.me().id, createdAt: c.now(), seq: c.st.nextSeq()}
			}
			delete(r.viewers, id) // a banned viewer stops watching
		}
		return c.ok(successBody)
	})
	s.route("DELETE /api/v1/rooms/{roomId}/viewer-bans", authUser, func(c *request) error {
		r, err := c.ownRoom()
		if err != nil {
			return err
		}
		ids, err := c.banIDs(100)
		if err != nil {
			return err
		}
		for _, id := range ids {
			delete(r.bans, id)
		}
		return c.ok(successBody)
	})
	s.route("GET /api/v1/rooms/{roomId}/viewer-bans", authUser, func(c *request) error {
		r, err := c.ownRoom()
		if err != nil {
			return err
		}
		c.bareOpts = true // flat limit and token
		p, err := c.pageParams(defaultPageSize)
		if err != nil {
			return err
		}
		win, cur := paginate(sortedBans(r.bans), p)
		bans, users := []viewerBanJSON{}, []string{}
		for _, ban := range win {
			bans = append(bans, c.viewerBanJSON(ban))
			users = append(users, ban.userID, ban.bannedBy)
		}
		body := c.roomsBody([]*room{r}, users...)
		body.Paging = &pagingNext{Next: cur.next}
		return c.ok(struct {
			RoomBannedUsers []viewerBanJSON `json:"roomBannedUsers"`
			roomsResponse
		}{bans, body})
	})
}

// banIDs reads the userIds of a ban or unban body (at most max when max > 0): each a user.
func (c *request) banIDs(max int) ([]string, error) {
	var req struct {
		UserIDs []string `json:"userIds"`
	}
	if err := c.decode(&req, true); err != nil {
		return nil, err
	}
	ids := uniq(req.UserIDs)
	if len(ids) == 0 {
		return nil, errBadRequest("Parameters validation error: userIds is required")
	}
	if max > 0 && len(ids) > max {
		return nil, errBadRequest("Parameters validation error: at most %d userIds", max)
	}
	for _, id := range ids {
		if c.st.liveUser(id) == nil {
			return nil, errNotFound("User %s not found", id)
		}
	}
	return ids, nil
}

// viewerBanJSON is the spec's banned viewer.
type viewerBanJSON struct {
	UserID        string `json:"userId"`
	BanBy         string `json:"banBy"`
	UserPublicID  string `json:"userPublicId"`
	BanByPublicID string `json:"banByPublicId"`
	CreatedAt     string `json:"createdAt"`
}

func (c *request) viewerBanJSON(b *viewerBan) viewerBanJSON {
	return viewerBanJSON{UserID: c.st.internalIDOf(b.userID), BanBy: c.st.internalIDOf(b.bannedBy), UserPublicID: b.userID,
		BanByPublicID: b.bannedBy, CreatedAt: ts(b.createdAt)}
}

// sortedBans lists bans newest first.
func sortedBans(bans map[string]*viewerBan) []*viewerBan {
	list := make([]*viewerBan, 0, len(bans))
	for _, b := range bans {
		list = append(list, b)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].seq > list[j].seq })
	return list
}
