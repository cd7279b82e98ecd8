package amitytest

import (
	"sort"
	"strconv"
	"time"
)

// storyTargetJSON is the spec's StoryTarget shape.
type storyTargetJSON struct {
	TargetID               string  `json:"targetId"`
	TargetPublicID         string  `json:"targetPublicId"`
	TargetType             string  `json:"targetType"`
	LastStoryExpiresAt     *string `json:"lastStoryExpiresAt,omitempty"`
	LastStorySeenExpiresAt *string `json:"lastStorySeenExpiresAt,omitempty"`
	TargetUpdatedAt        string  `json:"targetUpdatedAt"`
}

// storyTargetsResponse is the story-target bundle.
type storyTargetsResponse struct {
	StoryTargets   []storyTargetJSON   `json:"storyTargets"`
	Files          []fileJSON          `json:"files"`
	Users          []userJSON          `json:"users"`
	Communities    []communityJSON     `json:"communities"`
	CommunityUsers []communityUserJSON `json:"communityUsers"`
	Categories     []categoryJSON      `json:"categories"`
	Paging         *pagingNextPrevious `json:"paging,omitempty"`
}

// storyTarget renders the story state of one target for the caller.
func (c *request) storyTarget(targetType, targetID string) storyTargetJSON {
	out := storyTargetJSON{TargetID: stableID("target:" + targetType + ":" + targetID), TargetPublicID: targetID, TargetType: targetType, TargetUpdatedAt: ts(c.st.started)}
	var latest time.Time
	now := c.now()
	for _, s := range c.st.stories {
		if s.targetType == targetType && s.targetID == targetID && !s.deleted && !s.expired(now) && s.expiresAt.After(latest) {
			latest = s.expiresAt
		}
	}
	if targetType == "community" {
		if cm := c.st.communities[targetID]; cm != nil {
			out.TargetUpdatedAt = ts(cm.updatedAt)
		}
	} else if u := c.st.users[targetID]; u != nil {
		out.TargetUpdatedAt = ts(u.updatedAt)
	}
	out.LastStoryExpiresAt = tsPtr(latest)
	if seen := c.st.storySeen[c.identity][targetType+":"+targetID]; !seen.IsZero() {
		out.LastStorySeenExpiresAt = tsPtr(seen)
	}
	return out
}

// storyTargetsBody renders story targets with their communities and users.
func (c *request) storyTargetsBody(targets []storyTargetJSON) storyTargetsResponse {
	b := c.sideload()
	cb := c.newCommunityBundle(b)
	for _, t := range targets {
		if t.TargetType == "community" {
			if cm := c.st.communities[t.TargetPublicID]; cm != nil {
				cb.add(cm)
			}
		} else {
			b.addUser(t.TargetPublicID)
		}
	}
	return storyTargetsResponse{StoryTargets: nonNil(targets), Users: b.users(), Files: b.files(),
		Communities: cb.communities(), CommunityUsers: nonNil(cb.members), Categories: cb.categories()}
}

// storyTargetsParam reads targets[i][targetId] and targets[i][targetType] (1 to 10).
func (c *request) storyTargetsParam() ([][2]string, error) {
	var out [][2]string
	q := c.r.URL.Query()
	for i := 0; ; i++ {
		key := "targets[" + strconv.Itoa(i) + "]"
		id, typ := q.Get(key+"[targetId]"), q.Get(key+"[targetType]")
		if id == "" && typ == "" {
			break
		}
		if id == "" || maxLen("targets.targetId", id, 900) != nil {
			return nil, errBadRequest("Parameters validation error: targets[%d].targetId is invalid", i)
		}
		if err := enum("targets.targetType", typ, "community", "user"); err != nil || typ == "" {
			return nil, errBadRequest("Parameters validation error: targets[%d].targetType must be one of community, user", i)
		}
		out = append(out, [2]string{typ, id})
	}
	if len(out) == 0 {
		return nil, errBadRequest("Parameters validation error: targets is required")
	}
	if len(out) > 10 {
		return nil, errBadRequest("Parameters validation error: at most 10 targets")
	}
	return out, nil
}

// routesStoryTargets registers the operations on story targets: the stories of several
// targets, what the caller has seen of them, and the targets with stories for the caller.
func (s *Server) routesStoryTargets() {
	s.route("GET /api/v4/stories-by-targets", authUser, func(c *request) error {
		c.bareOpts = true
		targets, err := c.storyTargetsParam()
		if err != nil {
			return err
		}
		asc, err := c.createdAtOrder()
		if err != nil {
			return err
		}
		var all []*story
		var infos []storyTargetJSON
		for _, t := range targets {
			if err := c.canReadTarget(t[0], t[1]); err != nil {
				return err
			}
			all = append(all, c.targetStories(t[0], t[1], "", false, asc)...)
			infos = append(infos, c.storyTarget(t[0], t[1]))
		}
		p, err := c.pageParams(10)
		if err != nil {
			return err
		}
		win, cur := paginate(all, p)
		body := c.storiesBody(win)
		body.StoryTargets = infos
		body.Paging = cur.nextPrevious()
		return c.ok(body)
	})
	s.route("GET /api/v4/stories/seen", authUser, func(c *request) error {
		targets, err := c.storyTargetsParam()
		if err != nil {
			return err
		}
		var infos []storyTargetJSON
		for _, t := range targets {
			infos = append(infos, c.storyTarget(t[0], t[1]))
		}
		return c.ok(c.storyTargetsBody(infos))
	})
	s.route("GET /api/v5/me/global-story-targets", authUser, func(c *request) error {
		c.bareOpts = true
		seenState := c.q("seenState")
		if err := enum("seenState", seenState, "all", "seen", "unseen"); err != nil {
			return err
		}
		if seenState == "" {
			seenState = "unseen"
		}
		type entry struct {
			info   storyTargetJSON
			latest time.Time
			seq    int64
		}
		byTarget := map[string]*entry{}
		now := c.now()
		for _, st := range c.st.stories {
			if st.deleted || st.expired(now) || st.targetType != "community" {
				continue
			}
			cm := c.st.communities[st.targetID]
			if cm == nil || cm.deleted || (!c.isAdmin && !cm.isMember(c.identity)) {
				continue
			}
			e := byTarget[st.targetID]
			if e == nil {
				e = &entry{info: c.storyTarget("community", st.targetID)}
				byTarget[st.targetID] = e
			}
			if st.createdAt.After(e.latest) || (st.createdAt.Equal(e.latest) && st.seq > e.seq) {
				e.latest, e.seq = st.createdAt, st.seq
			}
		}
		var list []*entry
		for _, e := range byTarget {
			unseen := e.info.LastStorySeenExpiresAt == nil || *e.info.LastStorySeenExpiresAt < *e.info.LastStoryExpiresAt
			if seenState == "all" || (seenState == "unseen") == unseen {
				list = append(list, e)
			}
		}
		sort.Slice(list, func(i, j int) bool {
			if !list[i].latest.Equal(list[j].latest) {
				return list[i].latest.After(list[j].latest)
			}
			return list[i].seq > list[j].seq
		})
		p, err := c.pageParams(10)
		if err != nil {
			return err
		}
		win, cur := paginate(list, p)
		infos := make([]storyTargetJSON, len(win))
		for i, e := range win {
			infos[i] = e.info
		}
		body := c.storyTargetsBody(infos)
		body.Paging = cur.nextPrevious()
		return c.ok(body)
	})
}
