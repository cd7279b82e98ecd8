package amitytest

import (
	"net/http"
	"regexp"
	"time"
)

// viewLog records the views of one post or story: every view (impression) and the viewers,
// latest view last.
type viewLog struct {
	impressions int
	viewers     map[string]time.Time
	seqs        map[string]int64
}

// reach returns the impression and reach of a post or story.
func (st *state) reach(contentType, id string) (impression, reach int) {
	if v := st.views[contentType+":"+id]; v != nil {
		return v.impressions, len(v.viewers)
	}
	return 0, 0
}

// Views returns the number of views (impressions) and distinct viewers (reach) the fake
// recorded for a post or story (contentType "post" or "story").
func (s *Server) Views(contentType, contentID string) (impression, reach int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.reach(contentType, contentID)
}

// LinkClicks returns the number of link clicks recorded on a story.
func (s *Server) LinkClicks(storyID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.linkClicks[storyID]
}

var objectIDPattern = regexp.MustCompile(`^[a-f\d]{24}$`)

type activityRequest struct {
	Activities []struct {
		ContentID    string `json:"contentId"`
		ContentType  string `json:"contentType"`
		ActivityType string `json:"activityType"`
		Timestamp    string `json:"timestamp"`
	} `json:"activities"`
}

func (s *Server) recordActivities(c *request) error {
	var req activityRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if len(req.Activities) == 0 || len(req.Activities) > 1000 {
		return errBadRequest("Parameters validation error: activities must hold 1 to 1000 items")
	}
	for _, a := range req.Activities {
		if !objectIDPattern.MatchString(a.ContentID) {
			return errBadRequest("Parameters validation error: contentId is invalid")
		}
		if err := enum("contentType", a.ContentType, "post", "story"); err != nil || a.ContentType == "" {
			return errBadRequest("Parameters validation error: contentType must be one of post, story")
		}
		if err := enum("activityType", a.ActivityType, "view", "linkClicked"); err != nil || a.ActivityType == "" {
			return errBadRequest("Parameters validation error: activityType must be one of view, linkClicked")
		}
		if a.Timestamp != "" {
			if _, err := time.Parse(time.RFC3339Nano, a.Timestamp); err != nil {
				return errBadRequest("Parameters validation error: timestamp is invalid")
			}
		}
	}
	me := c.me().id
	for _, a := range req.Activities {
		at := c.now()
		if a.Timestamp != "" {
			at, _ = time.Parse(time.RFC3339Nano, a.Timestamp)
		}
		switch a.ContentType {
		case "post":
			if p := c.st.posts[a.ContentID]; p == nil || a.ActivityType != "view" {
				continue // unknown content and unsupported activities are dropped, as the batch is
			}
		case "story":
			st := c.st.stories[a.ContentID]
			if st == nil {
				continue
			}
			if a.ActivityType == "linkClicked" {
				c.st.linkClicks[st.id]++
				continue
			}
			seen := c.st.storySeen[me]
			if seen == nil {
				seen = map[string]time.Time{}
				c.st.storySeen[me] = seen
			}
			key := st.targetType + ":" + st.targetID
			if st.expiresAt.After(seen[key]) {
				seen[key] = st.expiresAt
			}
		}
		key := a.ContentType + ":" + a.ContentID
		v := c.st.views[key]
		if v == nil {
			v = &viewLog{viewers: map[string]time.Time{}, seqs: map[string]int64{}}
			c.st.views[key] = v
		}
		v.impressions++
		if at.After(v.viewers[me]) || v.viewers[me].IsZero() {
			v.viewers[me] = at
			v.seqs[me] = c.st.nextSeq()
		}
	}
	c.w.WriteHeader(http.StatusAccepted)
	return nil
}

// viewers answers the users who viewed a post or story, latest view first, without the
// global-banned, community-banned and deleted ones.
func (c *request) viewers(contentType, id string, community *community) error {
	c.bareOpts = true
	v := c.st.views[contentType+":"+id]
	var list []*user
	if v != nil {
		for uid := range v.viewers {
			u := c.st.liveUser(uid)
			if u == nil || u.globalBan || (community != nil && community.isBanned(uid)) {
				continue
			}
			list = append(list, u)
		}
		sortByCreated(list, func(u *user) (time.Time, int64) { return v.viewers[u.id], v.seqs[u.id] }, true)
	}
	p, err := c.pageParams(10)
	if err != nil {
		return err
	}
	win, cur := paginate(list, p)
	b := c.sideload()
	for _, u := range win {
		b.addUser(u.id)
	}
	return c.ok(struct {
		Users  []userJSON          `json:"users"`
		Files  []fileJSON          `json:"files"`
		Paging *pagingNextPrevious `json:"paging"`
	}{b.users(), b.files(), cur.nextPrevious()})
}

func (s *Server) routesAnalytics() {
	s.route("POST /api/v1/analytics/activities", authUser, s.recordActivities)
	s.route("GET /api/v1/analytics/views/posts/{postId}/users", authUser, func(c *request) error {
		p, err := c.post(c.path("postId"))
		if err != nil {
			return err
		}
		if p.deleted && p.postedUserID != c.identity && !c.isAdmin {
			return errNotFound("PostId %s not found", p.id)
		}
		var cm *community
		if p.targetType == "community" {
			cm = c.st.communities[p.targetID]
		}
		return c.viewers("post", p.id, cm)
	})
	s.route("GET /api/v1/analytics/views/stories/{storyId}/users", authUser, func(c *request) error {
		st, err := c.story(c.path("storyId"))
		if err != nil {
			return err
		}
		if st.deleted && st.creatorID != c.identity && !c.isAdmin {
			return errNotFound("Story %s not found", st.id)
		}
		return c.viewers("story", st.id, c.st.communities[st.targetID])
	})
}
