package amitytest

import (
	"sort"
	"time"
)

// readablePost reports whether the caller may see a live, published parent post.
func (c *request) readablePost(p *post) bool {
	if p.deleted || p.parentID != "" || p.feedType != "published" {
		return false
	}
	switch p.targetType {
	case "community":
		cm := c.st.communities[p.targetID]
		if cm == nil || cm.deleted {
			return false
		}
		return cm.isPublic || c.isAdmin || cm.isMember(c.identity)
	case "user":
		return c.st.liveUser(p.targetID) != nil
	}
	return true
}

// inFollowingFeed reports whether p belongs to the caller's following feed: posts on their
// own feed, posts of the users they follow, posts in the communities they joined.
func (c *request) inFollowingFeed(p *post, me string) bool {
	if !c.readablePost(p) {
		return false
	}
	switch {
	case p.targetType == "user" && p.targetID == me:
		return true
	case p.postedUserID == me:
		return true
	case c.st.following(me, p.postedUserID) && (p.targetType == "user" || p.targetType == "community"):
		return true
	case p.targetType == "community":
		cm := c.st.communities[p.targetID]
		return cm != nil && cm.isMember(me)
	}
	return false
}

// hasChildOf reports whether p has a child post of one of dataTypes.
func (st *state) hasChildOf(p *post, dataTypes []string) bool {
	for _, id := range p.children {
		if ch := st.posts[id]; ch != nil && containsString(dataTypes, ch.dataType) {
			return true
		}
	}
	return false
}

// rankScore is the fake's custom ranking: engagement (reactions and comments) first, then
// recency.
func (st *state) rankScore(p *post) int { return len(p.reactions) + 2*len(st.postComments(p.id)) }

// followingPosts lists the caller's following feed, ranked or newest first.
func (c *request) followingPosts(ranked bool, dataTypes []string) []*post {
	me := c.me().id
	var list []*post
	for _, p := range c.st.posts {
		if !c.inFollowingFeed(p, me) {
			continue
		}
		if len(dataTypes) > 0 && !c.st.hasChildOf(p, dataTypes) {
			continue
		}
		list = append(list, p)
	}
	sortByCreated(list, func(p *post) (time.Time, int64) { return p.createdAt, p.seq }, true)
	if ranked {
		sort.SliceStable(list, func(i, j int) bool { return c.st.rankScore(list[i]) > c.st.rankScore(list[j]) })
	}
	return list
}

// withGlobalPins puts the globally featured posts first (in pin order), once.
func (c *request) withGlobalPins(list []*post) []*post {
	var out []*post
	seen := map[string]bool{}
	for _, pn := range c.globalPinsOrdered(false) {
		if p := c.st.posts[pn.postID]; p != nil && c.readablePost(p) && !seen[p.id] {
			seen[p.id] = true
			out = append(out, p)
		}
	}
	for _, p := range list {
		if !seen[p.id] {
			out = append(out, p)
		}
	}
	return out
}

// feedDataTypes reads the dataTypes filter of the global feeds.
func (c *request) feedDataTypes() ([]string, error) {
	types := c.qList("dataTypes")
	for _, t := range types {
		if err := enum("dataTypes", t, "video", "image", "file", "liveStream"); err != nil {
			return nil, err
		}
	}
	if len(types) > 4 {
		return nil, errBadRequest("Parameters validation error: at most 4 dataTypes")
	}
	return types, nil
}

// feedAnswer answers {status, data: post bundle with paging}.
func (c *request) feedAnswer(list []*post, p page) error {
	win, cur := paginate(list, p)
	body := c.postsBody(win, false)
	data := feedData{
		Posts: body.Posts, PostChildren: body.PostChildren, Comments: body.Comments, Users: body.Users, Files: body.Files,
		Communities: body.Communities, CommunityUsers: body.CommunityUsers, Categories: body.Categories, Paging: cur.nextPrevious(),
	}
	return c.ok(statusData{Status: "success", Data: data})
}

// routesFeeds registers the following, global and content feeds (and see routesTargetFeeds).
func (s *Server) routesFeeds() {
	s.route("GET /api/v1/me/following-feeds", authUser, func(c *request) error {
		c.bareOpts = true
		sortBy := c.q("sortBy")
		if err := enum("sortBy", sortBy, "lastCreated", "customRanking"); err != nil {
			return err
		}
		p, err := c.pageParams(10)
		if err != nil {
			return err
		}
		win, cur := paginate(c.followingPosts(sortBy != "lastCreated", nil), p)
		body := c.postsBody(win, false)
		body.Paging = cur.nextPrevious()
		return c.ok(body)
	})
	s.route("GET /api/v5/me/global-feeds", authUser, func(c *request) error {
		c.bareOpts = true
		p, err := c.pageParams(10)
		if err != nil {
			return err
		}
		return c.feedAnswer(c.withGlobalPins(c.followingPosts(true, nil)), p)
	})
	s.route("GET /api/v4/me/global-feeds", authUser, func(c *request) error {
		c.bareOpts = true
		types, err := c.feedDataTypes()
		if err != nil {
			return err
		}
		p, err := c.pageParams(10)
		if err != nil {
			return err
		}
		return c.feedAnswer(c.withGlobalPins(c.followingPosts(false, types)), p)
	})
	s.route("GET /api/v3/global-feeds", authUser, func(c *request) error {
		types, err := c.feedDataTypes()
		if err != nil {
			return err
		}
		mine, err := c.qBool("showOnlyMyFeed")
		if err != nil {
			return err
		}
		me := c.me().id
		var list []*post
		for _, p := range c.st.posts {
			if !c.readablePost(p) || p.targetType == "content" {
				continue
			}
			if mine != nil && *mine && p.postedUserID != me {
				continue
			}
			if len(types) > 0 && !c.st.hasChildOf(p, types) {
				continue
			}
			list = append(list, p)
		}
		sortByCreated(list, func(p *post) (time.Time, int64) { return p.createdAt, p.seq }, true)
		pg, err := c.pageParams(defaultPageSize)
		if err != nil {
			return err
		}
		return c.feedAnswer(list, pg)
	})
	s.route("GET /api/v3/content-feeds", authUser, func(c *request) error {
		q := postQuery{targetType: "content"}
		if err := c.readPostQuery(&q); err != nil {
			return err
		}
		body, cur, err := c.pagePosts(q)
		if err != nil {
			return err
		}
		data := feedData{Posts: body.Posts, Comments: body.Comments, Users: body.Users, Files: body.Files, Paging: cur.nextPrevious()}
		return c.ok(statusData{Status: "success", Data: data})
	})
}

// feedData is the v3 feed bundle inside {status, data}.
type feedData struct {
	Posts          []postJSON          `json:"posts"`
	PostChildren   []postJSON          `json:"postChildren"`
	Comments       []commentJSON       `json:"comments"`
	Users          []userJSON          `json:"users"`
	Files          []fileJSON          `json:"files"`
	Communities    []communityJSON     `json:"communities,omitempty"`
	CommunityUsers []communityUserJSON `json:"communityUsers,omitempty"`
	Categories     []categoryJSON      `json:"categories,omitempty"`
	Paging         *pagingNextPrevious `json:"paging,omitempty"`
}

// routesTargetFeeds registers the v3 user and community feeds.
func (s *Server) routesTargetFeeds() {
	s.route("GET /api/v3/user-feeds/{userId}", authUser, func(c *request) error {
		if c.st.users[c.path("userId")] == nil {
			return errNotFound("User Not Found.")
		}
		return s.feed(c, "user", c.path("userId"))
	})
	s.route("GET /api/v3/user-feeds/{userId}/count", authUser, func(c *request) error {
		if c.st.users[c.path("userId")] == nil {
			return errNotFound("User Not Found.")
		}
		isDeleted, err := c.qBool("isDeleted")
		if err != nil {
			return err
		}
		posts := c.findPosts(postQuery{targetType: "user", targetID: c.path("userId"), isDeleted: isDeleted, parentsOnly: true})
		return c.ok(map[string]int{"postsCount": len(posts)})
	})
	s.route("GET /api/v3/community-feeds/{communityId}", authUser, func(c *request) error {
		return s.feed(c, "community", c.path("communityId"))
	})
}

// feed answers the v3 user and community feeds.
func (s *Server) feed(c *request, targetType, targetID string) error {
	if targetType == "community" {
		if _, err := c.liveCommunity(targetID); err != nil {
			return err
		}
		if err := c.checkCommunityReadable(targetType, targetID); err != nil {
			return err
		}
	}
	q := postQuery{targetType: targetType, targetID: targetID}
	if err := c.readPostQuery(&q); err != nil {
		return err
	}
	body, cur, err := c.pagePosts(q)
	if err != nil {
		return err
	}
	data := feedData{
		Posts: body.Posts, PostChildren: body.PostChildren, Comments: body.Comments,
		Users: body.Users, Files: body.Files, Paging: cur.nextPrevious(),
	}
	if targetType == "community" {
		data.Communities, data.CommunityUsers, data.Categories = body.Communities, body.CommunityUsers, body.Categories
	}
	return c.ok(statusData{Status: "success", Data: data})
}
