package amitytest

import "time"

// followRel is one follow relation: from follows (or asked to followRel) to.
type followRel struct {
	from, to  string
	status    string // pending or accepted
	createdAt time.Time
	updatedAt time.Time
	seq       int64
}

type followsResponse struct {
	Follows []followJSON    `json:"follows"`
	Users   []userJSON      `json:"users,omitempty"`
	Files   []fileJSON      `json:"files,omitempty"`
	Paging  *pagingNextPrev `json:"paging,omitempty"`
}

type followInfoResponse struct {
	Follows      []followJSON      `json:"follows"`
	FollowCounts []followCountJSON `json:"followCounts"`
}

// SetFollowApproval makes new follows wait for the followed user's approval (pending until
// accepted with POST /api/v4/me/followers/{userId}) when on; off (the default) accepts them
// at once.
func (s *Server) SetFollowApproval(required bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.followApproval = required
}

func followKey(from, to string) string { return from + "\x00" + to }

func (st *state) followJSON(f *followRel, status string) followJSON {
	internal := func(id string) string {
		if u := st.users[id]; u != nil {
			return u.internalID
		}
		return ""
	}
	return followJSON{From: f.from, FromUserPublicID: f.from, FromUserInternalID: internal(f.from),
		To: f.to, ToUserPublicID: f.to, ToUserInternalID: internal(f.to), Status: status,
		CreatedAt: ts(f.createdAt), UpdatedAt: ts(f.updatedAt)}
}

// following reports whether from follows to (accepted).
func (st *state) following(from, to string) bool {
	f := st.follows[followKey(from, to)]
	return f != nil && f.status == "accepted"
}

// followCounts counts a user's live followers, follows and pending requests.
func (st *state) followCounts(userID string) followCountJSON {
	out := followCountJSON{UserID: userID}
	for _, f := range st.follows {
		if st.liveUser(f.from) == nil || st.liveUser(f.to) == nil {
			continue
		}
		switch {
		case f.to == userID && f.status == "accepted":
			out.FollowerCount++
		case f.to == userID && f.status == "pending":
			out.PendingCount++
		case f.from == userID && f.status == "accepted":
			out.FollowingCount++
		}
	}
	return out
}

// blocked reports whether either user blocked the other.
func (st *state) blocked(a, b string) bool {
	_, ab := st.blocks[a][b]
	_, ba := st.blocks[b][a]
	return ab || ba
}

// otherUser reads the {userId} path parameter: a live user other than the caller.
func (c *request) otherUser() (*user, error) {
	id := c.path("userId")
	if err := maxLen("userId", id, 900); err != nil {
		return nil, err
	}
	u := c.st.liveUser(id)
	if u == nil {
		return nil, errNotFound("User Not Found.")
	}
	return u, nil
}

func (c *request) followAnswer(f *followRel, status string) error {
	return c.ok(followsResponse{Follows: []followJSON{c.st.followJSON(f, status)}})
}

// listFollows lists the follows of userID (its followers when followers, else its follows).
func (c *request) listFollows(userID string, followers bool) error {
	c.bareOpts = true
	status := c.q("status")
	if err := enum("status", status, "all", "pending", "accepted"); err != nil {
		return err
	}
	if userID != c.identity && !c.isAdmin {
		status = "accepted" // another user's pending requests are theirs to see
	}
	var list []*followRel
	for _, f := range c.st.follows {
		if (followers && f.to != userID) || (!followers && f.from != userID) {
			continue
		}
		if status != "" && status != "all" && f.status != status {
			continue
		}
		if c.st.liveUser(f.from) == nil || c.st.liveUser(f.to) == nil {
			continue
		}
		list = append(list, f)
	}
	sortByCreated(list, func(f *followRel) (time.Time, int64) { return f.createdAt, f.seq }, true)
	p, err := c.pageParams(10)
	if err != nil {
		return err
	}
	win, cur := paginate(list, p)
	b := c.sideload()
	out := followsResponse{Follows: []followJSON{}, Paging: cur.nextPrev()}
	for _, f := range win {
		out.Follows = append(out.Follows, c.st.followJSON(f, f.status))
		b.addUser(f.from)
		b.addUser(f.to)
	}
	out.Users, out.Files = b.users(), b.files()
	return c.ok(out)
}

func (c *request) followInfo(withBlocked bool) error {
	u, err := c.otherUser()
	if err != nil {
		return err
	}
	out := followInfoResponse{Follows: []followJSON{}, FollowCounts: []followCountJSON{c.st.followCounts(u.id)}}
	me := c.me()
	f := c.st.follows[followKey(me.id, u.id)]
	switch {
	case withBlocked && c.st.blocked(me.id, u.id):
		if f == nil {
			f = &followRel{from: me.id, to: u.id, createdAt: c.now(), updatedAt: c.now()}
		}
		out.Follows = append(out.Follows, c.st.followJSON(f, "blocked"))
	case f != nil:
		out.Follows = append(out.Follows, c.st.followJSON(f, f.status))
	}
	return c.ok(out)
}

func (s *Server) routesFollows() {
	s.route("POST /api/v4/me/following/{userId}", authUser, func(c *request) error {
		u, err := c.otherUser()
		if err != nil {
			return err
		}
		me := c.me()
		if u.id == me.id {
			return errBadRequest("You cannot follow yourself")
		}
		if c.st.blocked(me.id, u.id) {
			return errForbidden("You cannot follow this user")
		}
		key := followKey(me.id, u.id)
		if f := c.st.follows[key]; f != nil {
			return c.followAnswer(f, f.status)
		}
		now := c.now()
		f := &followRel{from: me.id, to: u.id, status: "accepted", createdAt: now, updatedAt: now, seq: c.st.nextSeq()}
		event := "follow.didCreate"
		if c.st.followApproval {
			f.status, event = "pending", "follow.didRequest"
		}
		c.st.follows[key] = f
		c.emitFollow(event, f)
		return c.followAnswer(f, f.status)
	})
	s.route("DELETE /api/v4/me/following/{userId}", authUser, func(c *request) error {
		u, err := c.otherUser()
		if err != nil {
			return err
		}
		return c.endFollow(c.me().id, u.id, "follow.didUnfollow", "follow.didCancelRequest")
	})
	s.route("POST /api/v4/me/followers/{userId}", authUser, func(c *request) error {
		u, err := c.otherUser()
		if err != nil {
			return err
		}
		me := c.me()
		f := c.st.follows[followKey(u.id, me.id)]
		if f == nil {
			return errNotFound("Follow request not found")
		}
		if f.status != "accepted" {
			f.status, f.updatedAt = "accepted", c.now()
			c.emitFollow("follow.didAcceptRequest", f)
		}
		return c.followAnswer(f, f.status)
	})
	s.route("DELETE /api/v4/me/followers/{userId}", authUser, func(c *request) error {
		u, err := c.otherUser()
		if err != nil {
			return err
		}
		return c.endFollow(u.id, c.me().id, "follow.didDeleteFollower", "follow.didDeclineRequest")
	})
	s.route("GET /api/v4/me/followInfo", authUser, func(c *request) error {
		return c.ok(map[string]any{"followCounts": []followCountJSON{c.st.followCounts(c.me().id)}})
	})
	s.route("GET /api/v4/me/followers", authUser, func(c *request) error { return c.listFollows(c.me().id, true) })
	s.route("GET /api/v4/me/following", authUser, func(c *request) error { return c.listFollows(c.me().id, false) })
	s.route("GET /api/v4/users/{userId}/followInfo", authUser, func(c *request) error { return c.followInfo(false) })
	s.route("GET /api/v5/users/{userId}/followInfo", authUser, func(c *request) error { return c.followInfo(true) })
	s.route("GET /api/v4/users/{userId}/followers", authUser, func(c *request) error {
		u, err := c.otherUser()
		if err != nil {
			return err
		}
		return c.listFollows(u.id, true)
	})
	s.route("GET /api/v4/users/{userId}/following", authUser, func(c *request) error {
		u, err := c.otherUser()
		if err != nil {
			return err
		}
		return c.listFollows(u.id, false)
	})
}

// endFollow removes the relation from → to (unfollow, or removing a follower) and answers it
// with status none; a relation that did not exist answers the same. Ending an accepted
// relation sends the event accepted (follow.didUnfollow, follow.didDeleteFollower), ending a
// pending one the event pending (follow.didCancelRequest, follow.didDeclineRequest); ending
// none sends nothing.
func (c *request) endFollow(from, to, accepted, pending string) error {
	key := followKey(from, to)
	f := c.st.follows[key]
	event := ""
	switch {
	case f == nil:
		f = &followRel{from: from, to: to, createdAt: c.now()}
	case f.status == "pending":
		event = pending
	default:
		event = accepted
	}
	delete(c.st.follows, key)
	f.updatedAt = c.now()
	if event != "" {
		c.emitFollow(event, f)
	}
	return c.followAnswer(f, "none")
}
