package amitytest

import (
	"time"
)

// post is a social post; attachments and polls are child posts.
type post struct {
	id           string
	parentID     string
	postedUserID string
	targetType   string // user, community or content
	targetID     string
	dataType     string
	data         map[string]any
	metadata     map[string]any
	tags         []string
	hashtags     []string
	links        []map[string]any
	hidden       bool   // left out of search and hashtag feeds (isDiscoverable false; spec 4.116.1)
	eventID      string // the event of a room post
	mentionees   []mentionee
	children     []string
	feedType     string // published, reviewing or declined
	flags        flagSet
	flagNotes    map[string]flagNote // the reason and detail of each flag, by flagger
	reactions    reactionSet
	deleted      bool
	editedAt     time.Time
	createdAt    time.Time
	updatedAt    time.Time
	seq          int64
}

// mentionee is a mention in a post or comment request.
type mentionee struct {
	Type    string   `json:"type"`
	UserIDs []string `json:"userIds"`
}

type mentioneeJSON struct {
	Type            string   `json:"type"`
	UserIDs         []string `json:"userIds"`
	UserPublicIDs   []string `json:"userPublicIds"`
	UserInternalIDs []string `json:"userInternalIds"`
}

func (st *state) mentioneesJSON(ms []mentionee) []mentioneeJSON {
	out := []mentioneeJSON{}
	for _, m := range ms {
		j := mentioneeJSON{Type: m.Type, UserIDs: nonNil(m.UserIDs), UserPublicIDs: nonNil(m.UserIDs), UserInternalIDs: []string{}}
		for _, id := range m.UserIDs {
			if u := st.users[id]; u != nil {
				j.UserInternalIDs = append(j.UserInternalIDs, u.internalID)
			}
		}
		out = append(out, j)
	}
	return out
}

// validateMentionees checks a mention list.
func validateMentionees(ms []mentionee) error {
	for _, m := range ms {
		if err := enum("mentionees.type", m.Type, "user"); err != nil {
			return err
		}
	}
	return nil
}

type postJSON struct {
	ID                   string          `json:"_id"`
	Path                 string          `json:"path"`
	PostID               string          `json:"postId"`
	ParentPostID         string          `json:"parentPostId,omitempty"`
	PostedUserID         string          `json:"postedUserId"`
	PostedUserPublicID   string          `json:"postedUserPublicId"`
	PostedUserInternalID string          `json:"postedUserInternalId"`
	SharedCount          int             `json:"sharedCount"`
	TargetID             string          `json:"targetId"`
	TargetPublicID       string          `json:"targetPublicId"`
	TargetInternalID     string          `json:"targetInternalId"`
	TargetType           string          `json:"targetType"`
	DataType             string          `json:"dataType"`
	Data                 map[string]any  `json:"data"`
	Metadata             map[string]any  `json:"metadata"`
	FlagCount            int             `json:"flagCount"`
	EditedAt             string          `json:"editedAt"`
	CreatedAt            string          `json:"createdAt"`
	UpdatedAt            string          `json:"updatedAt"`
	Reactions            map[string]any  `json:"reactions"`
	ReactionsCount       int             `json:"reactionsCount"`
	MyReactions          []string        `json:"myReactions"`
	CommentsCount        int             `json:"commentsCount"`
	Comments             []string        `json:"comments"`
	Children             []string        `json:"children"`
	IsDeleted            bool            `json:"isDeleted"`
	HasFlaggedComment    bool            `json:"hasFlaggedComment"`
	HasFlaggedChildren   bool            `json:"hasFlaggedChildren"`
	FeedID               string          `json:"feedId"`
	Tags                 []string        `json:"tags"`
	Mentionees           []mentioneeJSON `json:"mentionees"`
	Impression           int             `json:"impression"`
	Reach                int             `json:"reach"`
	Hashtags             []string        `json:"hashtags"`
	StructureType        string          `json:"structureType"`
	ChildrenNumber       int             `json:"childrenNumber"`
	// Links and EventID are not in the spec's answer; the vendor clients read them
	// (InternalPost.links, eventId), so the fake sends them when the post has them.
	Links   []map[string]any `json:"links,omitempty"`
	EventID string           `json:"eventId,omitempty"`
}

// structureType is the media composition of a post (spec 4.116.1's StructureType): its data
// type, that of its children when they are all of one kind (mixed when not), text when it
// has none.
func (st *state) structureType(p *post) string {
	kind := ""
	for _, id := range p.children {
		ch := st.posts[id]
		if ch == nil {
			continue
		}
		switch {
		case kind == "":
			kind = ch.dataType
		case kind != ch.dataType:
			return "mixed"
		}
	}
	switch {
	case kind != "":
		return kind
	case containsString([]string{"liveStream", "poll", "room", "clip", "audio"}, p.dataType):
		return p.dataType
	}
	return "text"
}

// latestCommentIDs is how many recent comment ids a post carries.
const latestCommentIDs = 5

// postComments returns the live comments on a post, oldest first.
func (st *state) postComments(postID string) []*comment {
	var out []*comment
	for _, cm := range st.commentsOn("post", postID) {
		if !cm.deleted {
			out = append(out, cm)
		}
	}
	sortByCreated(out, func(c *comment) (time.Time, int64) { return c.createdAt, c.seq }, false)
	return out
}

// latestComments returns the ids of the newest top-level comments of a post.
func (st *state) latestComments(postID string) []string {
	ids := []string{}
	all := st.postComments(postID)
	for i := len(all) - 1; i >= 0 && len(ids) < latestCommentIDs; i-- {
		if all[i].parentID == "" {
			ids = append(ids, all[i].id)
		}
	}
	return ids
}

func (st *state) targetInternalID(targetType, targetID string) string {
	if targetType == "user" {
		if u := st.users[targetID]; u != nil {
			return u.internalID
		}
	}
	return targetID
}

func (c *request) postJSON(p *post) postJSON {
	st := c.st
	poster := st.users[p.postedUserID]
	posterInternal := ""
	if poster != nil {
		posterInternal = poster.internalID
	}
	comments := st.postComments(p.id)
	flaggedComment := false
	for _, cm := range comments {
		if cm.flags.count() > 0 {
			flaggedComment = true
		}
	}
	flaggedChildren := false
	for _, id := range p.children {
		if ch := st.posts[id]; ch != nil && ch.flags.count() > 0 {
			flaggedChildren = true
		}
	}
	impression, reach := st.reach("post", p.id) // views recorded by the analytics activities
	return postJSON{
		Impression: impression, Reach: reach,
		ID: p.id, Path: networkID + "/social/post/" + p.id, PostID: p.id, ParentPostID: p.parentID,
		PostedUserID: p.postedUserID, PostedUserPublicID: p.postedUserID, PostedUserInternalID: posterInternal,
		TargetID: p.targetID, TargetPublicID: p.targetID, TargetInternalID: st.targetInternalID(p.targetType, p.targetID),
		TargetType: p.targetType, DataType: p.dataType, Data: obj(p.data), Metadata: obj(p.metadata),
		FlagCount: p.flags.count(), EditedAt: ts(p.editedAt), CreatedAt: ts(p.createdAt), UpdatedAt: ts(p.updatedAt),
		Reactions: p.reactions.counts(), ReactionsCount: len(p.reactions), MyReactions: p.reactions.mine(c.identity),
		CommentsCount: len(comments), Comments: st.latestComments(p.id), Children: nonNil(append([]string(nil), p.children...)),
		IsDeleted: p.deleted, HasFlaggedComment: flaggedComment, HasFlaggedChildren: flaggedChildren,
		FeedID: stableID("feed:" + p.targetType + ":" + p.targetID + ":" + p.feedType),
		Tags:   nonNil(append([]string(nil), p.tags...)), Mentionees: st.mentioneesJSON(p.mentionees),
		Hashtags: nonNil(append([]string(nil), p.hashtags...)), StructureType: st.structureType(p), ChildrenNumber: len(p.children),
		Links: p.links, EventID: p.eventID,
	}
}

// postsResponse is the spec's post bundle.
type postsResponse struct {
	Posts           []postJSON          `json:"posts"`
	PostChildren    []postJSON          `json:"postChildren"`
	Comments        []commentJSON       `json:"comments"`
	Users           []userJSON          `json:"users"`
	Files           []fileJSON          `json:"files"`
	Communities     []communityJSON     `json:"communities"`
	CommunityUsers  []communityUserJSON `json:"communityUsers"`
	Categories      []categoryJSON      `json:"categories"`
	Feeds           []feedJSON          `json:"feeds"`
	VideoStreamings []any               `json:"videoStreamings"`
	// VideoStreamingChildren are the child streams of the live streams (streams.go); the
	// fake's streams have none. Rooms, RoomChildrens and Products (spec 4.116.1) are empty:
	// the fake has no rooms or products.
	VideoStreamingChildren []any               `json:"videoStreamingChildren"`
	Rooms                  []any               `json:"rooms"`
	RoomChildrens          []any               `json:"roomChildrens"`
	Products               []any               `json:"products"`
	Polls                  []pollJSON          `json:"polls,omitempty"`
	Roles                  []roleJSON          `json:"roles"`
	Paging                 *pagingNextPrevious `json:"paging,omitempty"`
}

// postsBody renders posts with everything they refer to.
func (c *request) postsBody(posts []*post, withPolls bool) postsResponse {
	st := c.st
	b := c.sideload()
	cb := c.newCommunityBundle(b)
	out := postsResponse{
		Posts: []postJSON{}, PostChildren: []postJSON{}, Comments: []commentJSON{},
		Feeds: []feedJSON{}, VideoStreamings: []any{}, VideoStreamingChildren: []any{},
		Rooms: []any{}, RoomChildrens: []any{}, Products: []any{},
	}
	var pollIDs orderedSet
	feeds := map[string]bool{}
	addPost := func(p *post) {
		b.addUser(p.postedUserID)
		for _, m := range p.mentionees {
			for _, id := range m.UserIDs {
				b.addUser(id)
			}
		}
		if fid, ok := p.data["fileId"].(string); ok {
			b.addFile(fid)
		}
		if v, ok := p.data["videoFileId"].(map[string]any); ok {
			if fid, ok := v["original"].(string); ok {
				b.addFile(fid)
			}
		}
		if pid, ok := p.data["pollId"].(string); ok {
			pollIDs.add(pid)
		}
		if p.targetType == "community" {
			if cm := st.communities[p.targetID]; cm != nil {
				cb.add(cm)
				if m := cm.members[p.postedUserID]; m != nil {
					cb.addMember(cm, m)
				}
			}
		}
		key := p.targetType + ":" + p.targetID + ":" + p.feedType
		if !feeds[key] && p.targetType != "content" {
			feeds[key] = true
			out.Feeds = append(out.Feeds, st.feedOf(p.targetType, p.targetID, p.feedType, p.createdAt))
		}
	}
	seenComment := map[string]bool{}
	for _, p := range posts {
		out.Posts = append(out.Posts, c.postJSON(p))
		addPost(p)
		for _, id := range p.children {
			if ch := st.posts[id]; ch != nil {
				out.PostChildren = append(out.PostChildren, c.postJSON(ch))
				addPost(ch)
			}
		}
		for _, id := range st.latestComments(p.id) {
			if cm := st.comments[id]; cm != nil && !seenComment[id] {
				seenComment[id] = true
				out.Comments = append(out.Comments, c.commentJSON(cm))
				b.addUser(cm.userID)
				for _, a := range cm.attachments {
					b.addFile(a.FileID)
				}
			}
		}
	}
	if withPolls {
		out.Polls = []pollJSON{}
		for _, id := range pollIDs.list {
			if pl := st.polls[id]; pl != nil {
				out.Polls = append(out.Polls, c.pollJSON(pl))
				b.addUser(pl.userID)
			}
		}
	}
	out.Communities = cb.communities()
	out.CommunityUsers = nonNil(cb.members)
	out.Categories = cb.categories()
	out.VideoStreamings = c.postStreams(out.Posts, out.PostChildren, b) // streams.go
	out.Users = b.users()
	out.Files = b.files()
	out.Roles = b.roles()
	return out
}

// post finds a post (deleted ones too).
func (c *request) post(id string) (*post, error) {
	return lookupIn(c.st.posts, id, "PostId %s not found")
}

// livePost finds a post that is not deleted.
func (c *request) livePost(id string) (*post, error) {
	return liveIn(c.st.posts, id, "PostId %s not found")
}

// canModeratePost reports whether the caller may moderate a post.
func (c *request) canModeratePost(p *post) bool {
	if c.isAdmin {
		return true
	}
	if p.targetType == "community" {
		if cm := c.st.communities[p.targetID]; cm != nil {
			return cm.isModerator(c.identity)
		}
	}
	return false
}

// canEditPost reports whether the caller may edit or delete a post.
func (c *request) canEditPost(p *post) bool {
	return p.postedUserID == c.identity || c.canModeratePost(p)
}

func (s *Server) routesPosts() {
	s.route("POST /api/v4/posts", authUser, func(c *request) error {
		var req createPostRequest
		if err := c.decode(&req, true); err != nil {
			return err
		}
		return s.createPost(c, req)
	})
	s.route("POST /api/v3/posts", authUser, func(c *request) error {
		var req struct {
			createPostRequest
			Data *struct {
				Text   string   `json:"text"`
				Images []string `json:"images"`
				Files  []string `json:"files"`
			} `json:"data"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.Data == nil {
			return errBadRequest("Parameters validation error: data is required")
		}
		v4 := req.createPostRequest
		v4.Data = map[string]any{"text": req.Data.Text}
		for _, id := range req.Data.Images {
			v4.Attachments = append(v4.Attachments, attachment{FileID: id, Type: "image"})
		}
		for _, id := range req.Data.Files {
			v4.Attachments = append(v4.Attachments, attachment{FileID: id, Type: "file"})
		}
		if v4.DataType == "image" || v4.DataType == "file" {
			v4.DataType = ""
		}
		return s.createPost(c, v4)
	})
	// The v5 listing is the v4 one with clip among its data types (spec 4.116.1); both need
	// targetType and take targetId as an option (without it, every target of the type).
	s.route("GET /api/v5/posts", authUser, func(c *request) error { return s.listPosts(c, c.postQueryOf(), 5) })
	s.route("GET /api/v4/posts", authUser, func(c *request) error { return s.listPosts(c, c.postQueryOf(), 4) })
	s.route("GET /api/v3/posts", authUser, func(c *request) error {
		q := c.postQueryOf()
		q.dataType = c.q("dataType")
		return s.listPosts(c, q, 3)
	})
	s.route("GET /api/v3/posts/list", authUser, func(c *request) error {
		ignore, err := c.postReadOptions()
		if err != nil {
			return err
		}
		find := func(id string) *post {
			if p := c.st.posts[id]; p != nil && (ignore || !c.blockedAuthor(p)) {
				return p
			}
			return nil
		}
		return listByIDs(c, "postIds", 100, find, func(posts []*post) any { return c.postsBody(posts, true) })
	})
	s.route("GET /api/v3/posts/{postId}", authUser, func(c *request) error {
		ignore, err := c.postReadOptions()
		if err != nil {
			return err
		}
		if err := enum("postType", c.q("postType"), "post", "story"); err != nil {
			return err
		}
		if c.q("postType") == "story" { // the fake keeps stories apart from posts
			return errNotFound("PostId %s not found", c.path("postId"))
		}
		p, err := c.post(c.path("postId"))
		if err != nil {
			return err
		}
		if !ignore && c.blockedAuthor(p) {
			return errNotFound("PostId %s not found", p.id)
		}
		return c.ok(c.postsBody([]*post{p}, true))
	})
	s.route("PUT /api/v4/posts/{postId}", authUser, s.updatePost)
	s.route("PUT /api/v3/posts/{postId}", authUser, s.updatePost)
	s.route("DELETE /api/v4/posts/{postId}", authUser, func(c *request) error { return s.deletePost(c, true) })
	s.route("DELETE /api/v3/posts/{postId}", authUser, func(c *request) error { return s.deletePost(c, false) })
	s.route("POST /api/v3/posts/{postId}/approve", authUser, func(c *request) error { return s.reviewPost(c, "published") })
	s.route("POST /api/v3/posts/{postId}/decline", authUser, func(c *request) error { return s.reviewPost(c, "declined") })
	s.route("POST /api/v3/posts/{postId}/flag", authUser, func(c *request) error {
		note, err := c.readFlagNote() // flags.go
		if err != nil {
			return err
		}
		p, _, err := preHookFor(c, "post.shouldFlag", func() (*post, error) { return c.livePost(c.path("postId")) }, c.postJSON)
		if err != nil {
			return err
		}
		p.flags[c.identity] = c.now()
		c.st.touchPost(p)
		setFlagNote(&p.flagNotes, c.identity, note)
		c.emitPost("v3.post.didFlag", p, map[string]any{"flaggedUserId": c.identity, "reason": note.Reason, "detail": note.Detail})
		return c.ok(c.postsBody([]*post{p}, true))
	})
	s.route("DELETE /api/v3/posts/{postId}/unflag", authUser, func(c *request) error {
		p, err := c.livePost(c.path("postId"))
		if err != nil {
			return err
		}
		delete(p.flags, c.identity)
		c.st.touchPost(p)
		delete(p.flagNotes, c.identity)
		c.emitPost("v3.post.didUnflag", p, map[string]any{"flaggedUserId": c.identity})
		return c.ok(c.postsBody([]*post{p}, true))
	})
	s.route("DELETE /api/v3/posts/{postId}/flags", authUser, clearFlags((*request).pathPost, (*request).canModeratePost, (*request).postBody))
	s.route("GET /api/v3/posts/{postId}/isflagbyme", authUser, isFlaggedByMe((*request).pathPost))
}

func (s *Server) reviewPost(c *request, feedType string) error {
	p, err := c.livePost(c.path("postId"))
	if err != nil {
		return err
	}
	if !c.canModeratePost(p) {
		return errPermission("You are not allowed to do this.")
	}
	if p.feedType != "reviewing" {
		return errBadRequest("Post %s is not under review", p.id)
	}
	now := c.now()
	p.feedType, p.updatedAt = feedType, now
	c.st.touchPost(p)
	for _, id := range p.children {
		if ch := c.st.posts[id]; ch != nil {
			ch.feedType, ch.updatedAt = feedType, now
			c.st.touchPost(ch)
		}
	}
	if feedType == "published" {
		c.emitPost("v3.post.didApprove", p, nil)
	} else {
		c.emitPost("v3.post.didDecline", p, nil)
	}
	return c.ok(c.postsBody([]*post{p}, true))
}
