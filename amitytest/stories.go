package amitytest

import (
	"time"
)

// storyLifetime is how long a story is listed after its creation (the product's 24 hours).
const storyLifetime = 24 * time.Hour

// story is a community story.
type story struct {
	id          string
	creatorID   string
	targetType  string
	targetID    string
	dataType    string
	data        map[string]any
	items       []map[string]any
	metadata    map[string]any
	referenceID string
	flags       flagSet
	deleted     bool
	createdAt   time.Time
	updatedAt   time.Time
	expiresAt   time.Time
	seq         int64
}

func (s *story) expired(now time.Time) bool { return !now.Before(s.expiresAt) }

// storyJSON is the spec's Story shape.
type storyJSON struct {
	StoryID           string           `json:"storyId"`
	Path              string           `json:"path"`
	CreatorID         string           `json:"creatorId"`
	CreatorPublicID   string           `json:"creatorPublicId"`
	TargetID          string           `json:"targetId"`
	TargetPublicID    string           `json:"targetPublicId"`
	TargetType        string           `json:"targetType"`
	DataType          string           `json:"dataType"`
	Items             []map[string]any `json:"items"`
	Data              map[string]any   `json:"data"`
	Metadata          map[string]any   `json:"metadata"`
	FlagCount         int              `json:"flagCount"`
	CreatedAt         string           `json:"createdAt"`
	UpdatedAt         string           `json:"updatedAt"`
	ExpiresAt         string           `json:"expiresAt"`
	Reactions         map[string]any   `json:"reactions"`
	ReactionsCount    int              `json:"reactionsCount"`
	MyReactions       []string         `json:"myReactions"`
	CommentsCount     int              `json:"commentsCount"`
	IsDeleted         bool             `json:"isDeleted"`
	HasFlaggedComment bool             `json:"hasFlaggedComment"`
	MentionedUsers    []any            `json:"mentionedUsers"`
	Impression        int              `json:"impression"`
	Reach             int              `json:"reach"`
	ReferenceID       string           `json:"referenceId,omitempty"`
}

// storiesResponse is the story bundle.
type storiesResponse struct {
	Stories        []storyJSON         `json:"stories"`
	Comments       []commentJSON       `json:"comments"`
	Files          []fileJSON          `json:"files"`
	Users          []userJSON          `json:"users"`
	Communities    []communityJSON     `json:"communities"`
	CommunityUsers []communityUserJSON `json:"communityUsers"`
	Categories     []categoryJSON      `json:"categories"`
	StoryTargets   []storyTargetJSON   `json:"storyTargets,omitempty"`
	Paging         *pagingNextPrevious `json:"paging,omitempty"`
}

func (c *request) storyJSON(s *story) storyJSON {
	st := c.st
	creatorInternal := ""
	if u := st.users[s.creatorID]; u != nil {
		creatorInternal = u.internalID
	}
	comments, flagged := 0, false
	for _, cm := range st.comments {
		if cm.referenceType == "story" && cm.referenceID == s.id && !cm.deleted {
			comments++
			if cm.flags.count() > 0 {
				flagged = true
			}
		}
	}
	impression, reach := st.reach("story", s.id)
	return storyJSON{
		StoryID: s.id, Path: networkID + "/social/story/" + s.id, CreatorID: creatorInternal, CreatorPublicID: s.creatorID,
		TargetID: stableID("target:" + s.targetType + ":" + s.targetID), TargetPublicID: s.targetID, TargetType: s.targetType,
		DataType: s.dataType, Items: nonNil(s.items), Data: obj(s.data), Metadata: obj(s.metadata), FlagCount: s.flags.count(),
		CreatedAt: ts(s.createdAt), UpdatedAt: ts(s.updatedAt), ExpiresAt: ts(s.expiresAt),
		Reactions: map[string]any{}, MyReactions: []string{}, CommentsCount: comments, IsDeleted: s.deleted,
		HasFlaggedComment: flagged, MentionedUsers: []any{}, Impression: impression, Reach: reach,
	}
}

// storiesBody renders stories with what they refer to.
func (c *request) storiesBody(stories []*story) storiesResponse {
	b := c.sideload()
	cb := c.newCommunityBundle(b)
	out := storiesResponse{Stories: []storyJSON{}, Comments: []commentJSON{}}
	for _, s := range stories {
		out.Stories = append(out.Stories, c.storyJSON(s))
		b.addUser(s.creatorID)
		if fid, ok := s.data["fileId"].(string); ok {
			b.addFile(fid)
		}
		if s.targetType == "community" {
			if cm := c.st.communities[s.targetID]; cm != nil {
				cb.add(cm)
			}
		}
	}
	out.Users, out.Files = b.users(), b.files()
	out.Communities, out.CommunityUsers, out.Categories = cb.communities(), nonNil(cb.members), cb.categories()
	return out
}

// story finds a story (deleted ones too).
func (c *request) story(id string) (*story, error) {
	return lookupIn(c.st.stories, id, "Story %s not found")
}

// canModerateStory reports whether the caller may moderate a story: the admin or a
// moderator of its community.
func (c *request) canModerateStory(s *story) bool {
	if c.isAdmin {
		return true
	}
	if s.targetType == "community" {
		if cm := c.st.communities[s.targetID]; cm != nil {
			return cm.isModerator(c.identity)
		}
	}
	return false
}

// canReadTarget reports whether the caller may read a target's stories.
func (c *request) canReadTarget(targetType, targetID string) error {
	if targetType != "community" {
		if c.st.liveUser(targetID) == nil {
			return errNotFound("User Not Found.")
		}
		return nil
	}
	cm, err := c.liveCommunity(targetID)
	if err != nil {
		return err
	}
	if !cm.isPublic && !c.isAdmin && !cm.isMember(c.identity) {
		return errForbidden("You are not a member of this community")
	}
	return nil
}

// targetStories lists a target's stories, newest first unless asc.
func (c *request) targetStories(targetType, targetID, dataType string, expired, asc bool) []*story {
	var list []*story
	now := c.now()
	for _, s := range c.st.stories {
		if s.targetType != targetType || s.targetID != targetID || s.deleted || s.expired(now) != expired {
			continue
		}
		if dataType != "" && s.dataType != dataType {
			continue
		}
		list = append(list, s)
	}
	sortByCreated(list, func(s *story) (time.Time, int64) { return s.createdAt, s.seq }, !asc)
	return list
}

type createStoryRequest struct {
	Data        map[string]any   `json:"data"`
	DataType    string           `json:"dataType"`
	Items       []map[string]any `json:"items"`
	TargetType  string           `json:"targetType"`
	TargetID    string           `json:"targetId"`
	Metadata    map[string]any   `json:"metadata"`
	ReferenceID string           `json:"referenceId"`
}

func (s *Server) createStory(c *request) error {
	var req createStoryRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.TargetType != "community" {
		return errBadRequest("Parameters validation error: targetType must be community")
	}
	if err := enum("dataType", req.DataType, "text", "image", "video"); err != nil || req.DataType == "" {
		return errBadRequest("Parameters validation error: dataType must be one of text, image, video")
	}
	if req.ReferenceID == "" || req.TargetID == "" {
		return errBadRequest("Parameters validation error: targetId and referenceId are required")
	}
	if len(req.Items) > 10 {
		return errBadRequest("Parameters validation error: at most 10 items")
	}
	for _, it := range req.Items {
		d, _ := it["data"].(map[string]any)
		if u, _ := d["url"].(string); u == "" {
			return errBadRequest("Parameters validation error: items.data.url is required")
		}
		if it["type"] == nil {
			it["type"] = "hyperlink"
		}
	}
	cm, err := c.liveCommunity(req.TargetID)
	if err != nil {
		return err
	}
	if !c.isAdmin {
		if cm.isBanned(c.identity) {
			return errBanned()
		}
		if !cm.isMember(c.identity) {
			return errPermission("User is not a member of a community")
		}
	}
	data := map[string]any{}
	switch req.DataType {
	case "text":
		text, _ := req.Data["text"].(string)
		if text == "" {
			return errBadRequest("Parameters validation error: data.text is required")
		}
		data["text"] = text
	default:
		fid, _ := req.Data["fileId"].(string)
		f := c.st.files[fid]
		if f == nil {
			return errBadRequest("Parameters validation error: data.fileId is not a file")
		}
		if f.kind != req.DataType {
			return errBadRequest("Parameters validation error: data.fileId is not a %s", req.DataType)
		}
		data["fileId"] = fid
		if req.DataType == "image" {
			mode, _ := req.Data["imageDisplayMode"].(string)
			if err := enum("data.imageDisplayMode", mode, "fit", "fill"); err != nil {
				return err
			}
			if mode == "" {
				mode = "fit"
			}
			data["imageDisplayMode"] = mode
		} else {
			data["videoFileId"] = map[string]any{"original": fid}
		}
	}
	now := c.now()
	me := c.me()
	st := &story{
		id: c.st.newID(), creatorID: me.id, targetType: "community", targetID: cm.id, dataType: req.DataType,
		data: data, items: req.Items, metadata: req.Metadata, referenceID: req.ReferenceID, flags: flagSet{},
		createdAt: now, updatedAt: now, expiresAt: now.Add(storyLifetime), seq: c.st.nextSeq(),
	}
	c.st.stories[st.id] = st
	body := c.storiesBody([]*story{st})
	body.Stories[0].ReferenceID = st.referenceID
	return c.ok(body)
}

// routesStories registers the operations on stories (see routesStoryTargets).
func (s *Server) routesStories() {
	s.route("POST /api/v4/stories", authUser, s.createStory)
	s.route("GET /api/v4/stories", authUser, func(c *request) error {
		c.bareOpts = true
		targetType, targetID := c.q("targetType"), c.q("targetId")
		if err := enum("targetType", targetType, "community", "user"); err != nil || targetType == "" || targetID == "" {
			return errBadRequest("Parameters validation error: targetType and targetId are required")
		}
		dataType := c.q("dataType")
		if err := enum("dataType", dataType, "image", "video"); err != nil {
			return err
		}
		expired, err := c.qBool("isExpired")
		if err != nil {
			return err
		}
		asc, err := c.createdAtOrder()
		if err != nil {
			return err
		}
		if err := c.canReadTarget(targetType, targetID); err != nil {
			return err
		}
		p, err := c.pageParams(10)
		if err != nil {
			return err
		}
		win, cur := paginate(c.targetStories(targetType, targetID, dataType, expired != nil && *expired, asc), p)
		body := c.storiesBody(win)
		body.StoryTargets = []storyTargetJSON{c.storyTarget(targetType, targetID)}
		body.Paging = cur.nextPrevious()
		return c.ok(body)
	})
	s.route("GET /api/v4/stories/count", authAdmin, func(c *request) error {
		targetType, targetID := c.q("targetType"), c.q("targetId")
		if err := enum("targetType", targetType, "community", "user"); err != nil || targetType == "" || targetID == "" {
			return errBadRequest("Parameters validation error: targetType and targetId are required")
		}
		n := 0
		for _, st := range c.st.stories {
			if st.targetType == targetType && st.targetID == targetID && !st.deleted {
				n++
			}
		}
		return c.ok(map[string]int{"count": n})
	})
	s.route("GET /api/v4/stories/{storyId}", authUser, func(c *request) error {
		st, err := c.story(c.path("storyId"))
		if err != nil {
			return err
		}
		if err := c.canReadTarget(st.targetType, st.targetID); err != nil {
			return err
		}
		return c.ok(c.storiesBody([]*story{st}))
	})
	s.route("DELETE /api/v4/stories/{storyId}", authUser, func(c *request) error {
		st, err := c.story(c.path("storyId"))
		if err != nil {
			return err
		}
		if st.creatorID != c.identity && !c.canModerateStory(st) {
			return errPermission("You are not allowed to do this.")
		}
		permanent, err := c.qBool("permanent")
		if err != nil {
			return err
		}
		if permanent != nil && *permanent {
			delete(c.st.stories, st.id)
		} else {
			st.deleted, st.updatedAt = true, c.now()
		}
		return c.ok(map[string]bool{"success": true})
	})
	s.route("POST /api/v4/stories/{storyId}/flags", authUser, func(c *request) error {
		st, err := c.story(c.path("storyId"))
		if err != nil || st.deleted {
			return errNotFound("Story %s not found", c.path("storyId"))
		}
		if _, dup := st.flags[c.identity]; dup {
			return errDuplicate()
		}
		st.flags[c.identity] = c.now()
		return c.ok(c.storiesBody([]*story{st}))
	})
	s.route("DELETE /api/v4/stories/{storyId}/flags", authUser, func(c *request) error {
		st, err := c.story(c.path("storyId"))
		if err != nil {
			return err
		}
		delete(st.flags, c.identity)
		return c.ok(c.storiesBody([]*story{st}))
	})
	s.route("DELETE /api/v4/stories/{storyId}/flags/all", authUser, func(c *request) error {
		st, err := c.story(c.path("storyId"))
		if err != nil {
			return err
		}
		if !c.canModerateStory(st) {
			return errPermission("Only administrator can do this")
		}
		st.flags = flagSet{}
		return c.ok(c.storiesBody([]*story{st}))
	})
}
