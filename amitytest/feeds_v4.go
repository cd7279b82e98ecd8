package amitytest

// routesUserFeedV4 registers GET /api/v4/user-feeds/{userId}: the posts of a user's own feed
// (includePostedFeed user, the default) and of the communities the user posted in
// (community), live ones unless isDeleted says otherwise.
func (s *Server) routesUserFeedV4() {
	s.route("GET /api/v4/user-feeds/{userId}", authUser, func(c *request) error {
		userID := c.path("userId")
		if c.st.users[userID] == nil {
			return errNotFound("User Not Found.")
		}
		sources := c.qList("includePostedFeed")
		if len(sources) == 0 {
			sources = []string{"user"}
		}
		for _, src := range sources {
			if err := enum("includePostedFeed", src, "user", "community"); err != nil {
				return err
			}
		}
		q := postQuery{}
		if err := c.readPostQuery(&q); err != nil {
			return err
		}
		if q.isDeleted == nil {
			q.isDeleted = new(bool) // live posts by default on this feed
		}
		q.before, q.after = c.opt("before"), c.opt("after")
		p, err := c.pageParams(defaultPageSize)
		if err != nil {
			return err
		}
		var found []*post
		for _, post := range c.findPosts(q) {
			own := post.targetType == "user" && post.targetID == userID
			community := post.targetType == "community" && post.postedUserID == userID
			if own && containsString(sources, "user") || community && containsString(sources, "community") {
				found = append(found, post)
			}
		}
		win, cur := paginate(found, p)
		body := c.postsBody(win, false)
		body.Paging = cur.nextPrevious()
		return c.ok(body)
	})
}
