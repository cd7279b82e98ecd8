package amitytest

import (
	"strings"
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
	mentionees   []mentionee
	children     []string
	feedType     string // published, reviewing or declined
	flags        flagSet
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
}

// latestCommentIDs is how many recent comment ids a post carries.
const latestCommentIDs = 5

// postComments returns the live comments on a post, oldest first.
func (st *state) postComments(postID string) []*comment {
	var out []*comment
	for _, cm := range st.comments {
		if cm.referenceType == "post" && cm.referenceID == postID && !cm.deleted {
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
	Polls           []pollJSON          `json:"polls,omitempty"`
	Paging          *pagingNextPrevious `json:"paging,omitempty"`
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

// postsBody renders posts with everything they refer to.
func (c *request) postsBody(posts []*post, withPolls bool) postsResponse {
	st := c.st
	b := c.sideload()
	cb := c.newCommunityBundle(b)
	out := postsResponse{
		Posts: []postJSON{}, PostChildren: []postJSON{}, Comments: []commentJSON{},
		Feeds: []feedJSON{}, VideoStreamings: []any{},
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
	return out
}

// post finds a post (deleted ones too).
func (c *request) post(id string) (*post, error) {
	p := c.st.posts[id]
	if p == nil {
		return nil, errNotFound("PostId %s not found", id)
	}
	return p, nil
}

// livePost finds a post that is not deleted.
func (c *request) livePost(id string) (*post, error) {
	p, err := c.post(id)
	if err == nil && p.deleted {
		return nil, errNotFound("PostId %s not found", id)
	}
	return p, err
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

// attachment is a post attachment: image, file or video (spec 4.92.0), or audio and clip,
// which the vendor clients send (ts-sdk-react-native 7.20.0 createAudioPost, createClipPost,
// createMixedMediaPost); a clip has the displayMode and isMuted of spec 4.116.
type attachment struct {
	FileID      string `json:"fileId"`
	Type        string `json:"type"`
	DisplayMode string `json:"displayMode,omitempty"`
	IsMuted     *bool  `json:"isMuted,omitempty"`
}

type createPostRequest struct {
	Data        map[string]any `json:"data"`
	Text        *string        `json:"text"`
	Attachments []attachment   `json:"attachments"`
	DataType    string         `json:"dataType"`
	TargetType  string         `json:"targetType"`
	TargetID    string         `json:"targetId"`
	Metadata    map[string]any `json:"metadata"`
	PostID      string         `json:"postId"`
	Tags        []string       `json:"tags"`
	Mentionees  []mentionee    `json:"mentionees"`
	CreatedAt   string         `json:"createdAt"`
}

// textOf reads data.text.
func textOf(data map[string]any) (string, error) {
	v, ok := data["text"]
	if !ok || v == nil {
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", errBadRequest("Parameters validation error: data.text must be a string")
	}
	return s, nil
}

// checkAttachments validates post attachments.
func (c *request) checkAttachments(atts []attachment) error {
	if len(atts) > 10 {
		return errBadRequest("Parameters validation error: at most 10 attachments")
	}
	for _, a := range atts {
		if err := enum("attachments.type", a.Type, "image", "file", "video", "audio", "clip"); err != nil {
			return err
		}
		if err := enum("attachments.displayMode", a.DisplayMode, "fill", "fit"); err != nil {
			return err
		}
		if a.Type == "" || a.FileID == "" {
			return errBadRequest("Parameters validation error: attachments need fileId and type")
		}
		f := c.st.files[a.FileID]
		if f == nil {
			return errNotFound("File %s not found", a.FileID)
		}
		// A clip is a video (uploaded through /api/v4/videos); an audio file may be any file
		// (the vendor clients upload it through /api/v4/audios, which spec 4.92.0 lacks).
		want := a.Type
		if want == "clip" {
			want = "video"
		}
		if want != "file" && want != "audio" && f.kind != want {
			return errBadRequest("File %s is not of type %s", a.FileID, a.Type)
		}
	}
	return nil
}

// childData is the data of an attachment's child post.
func childData(a attachment) map[string]any {
	switch a.Type {
	case "video":
		return map[string]any{"videoFileId": map[string]any{"original": a.FileID}}
	case "clip":
		d := map[string]any{"fileId": a.FileID, "displayMode": "fit", "isMuted": false}
		if a.DisplayMode != "" {
			d["displayMode"] = a.DisplayMode
		}
		if a.IsMuted != nil {
			d["isMuted"] = *a.IsMuted
		}
		return d
	}
	return map[string]any{"fileId": a.FileID}
}

// checkPostTarget checks that the caller may post to a target and says
// whether the post needs review.
func (c *request) checkPostTarget(targetType, targetID string) (review bool, err error) {
	switch targetType {
	case "user":
		if c.st.liveUser(targetID) == nil {
			return false, errNotFound("User Not Found.")
		}
	case "community":
		cm, err := c.liveCommunity(targetID)
		if err != nil {
			return false, err
		}
		if c.isAdmin {
			return false, nil
		}
		switch {
		case cm.isBanned(c.identity):
			return false, errBanned()
		case !cm.isMember(c.identity):
			return false, errForbidden("You are not a member of this community")
		case cm.onlyAdminCanPost && !cm.isModerator(c.identity):
			return false, errPermission("Only administrator can do this")
		}
		return cm.needApproval && !cm.isModerator(c.identity), nil
	case "content":
		if targetID == "" {
			return false, errBadRequest("Parameters validation error: targetId is required")
		}
	default:
		return false, errBadRequest("Parameters validation error: targetType must be one of user, community, content")
	}
	return false, nil
}

func (s *Server) createPost(c *request, req createPostRequest) error {
	if req.Data == nil {
		return errBadRequest("Parameters validation error: data is required")
	}
	text, err := textOf(req.Data)
	if err != nil {
		return err
	}
	if text == "" && req.Text != nil {
		text = *req.Text
	}
	if req.TargetType == "" {
		req.TargetType = "user"
	}
	if req.TargetType == "user" && req.TargetID == "" {
		req.TargetID = c.me().id
	}
	if len(req.Tags) > 5 {
		return errBadRequest("Parameters validation error: at most 5 tags")
	}
	if err := validateMentionees(req.Mentionees); err != nil {
		return err
	}
	if err := c.checkAttachments(req.Attachments); err != nil {
		return err
	}
	pollID, _ := req.Data["pollId"].(string)
	custom := strings.Contains(req.DataType, ".")
	switch {
	case req.DataType == "poll" || pollID != "":
		if pollID == "" {
			return errBadRequest("Parameters validation error: data.pollId is required for a poll post")
		}
		if pl := c.st.polls[pollID]; pl == nil || pl.deleted {
			return errNotFound("Poll not found.")
		}
	case req.DataType == "liveStream" || req.Data["streamId"] != nil:
		if err := c.checkStreamPost(req.DataType, req.Data); err != nil { // streams.go
			return err
		}
	case custom, req.DataType == "room":
		// A room post (ts-sdk-react-native 7.20.0 createRoomPost: data {text, title, roomId};
		// spec 4.116 accepts "room") is kept as given, like a custom one: the fake has no rooms.
	case containsString([]string{"", "text", "image", "file", "video", "audio", "clip"}, req.DataType):
		if text == "" && len(req.Attachments) == 0 {
			return errBadRequest("Text is required in data object.")
		}
	default:
		return errBadRequest("Parameters validation error: dataType %q is not supported", req.DataType)
	}
	if err := maxLen("data.text", text, 50000); err != nil {
		return err
	}
	me := c.me()
	if me.globalBan {
		return errGlobalBan()
	}
	review, err := c.checkPostTarget(req.TargetType, req.TargetID)
	if err != nil {
		return err
	}
	if err := c.st.checkText(text); err != nil {
		return err
	}
	now := c.now()
	if req.CreatedAt != "" {
		t, err := time.Parse(time.RFC3339Nano, req.CreatedAt)
		if err != nil {
			return errBadRequest("Parameters validation error: createdAt must be a date-time")
		}
		now = t.UTC()
	}
	if req.PostID != "" && c.st.posts[req.PostID] != nil {
		return errDuplicate()
	}
	id := req.PostID
	if id == "" {
		id = c.st.newID()
	}
	feedType := "published"
	if review {
		feedType = "reviewing"
	}
	parent := &post{
		id: id, postedUserID: me.id, targetType: req.TargetType, targetID: req.TargetID,
		dataType: "text", metadata: obj(req.Metadata), tags: uniq(req.Tags), mentionees: req.Mentionees,
		children: []string{}, feedType: feedType, flags: flagSet{}, editedAt: now, createdAt: now, updatedAt: now,
		seq: c.st.nextSeq(),
	}
	if custom || req.DataType == "room" {
		parent.dataType = req.DataType
		parent.data = req.Data
	} else {
		parent.data = map[string]any{"text": text}
		if title, isString := req.Data["title"].(string); isString { // ContentDataText's title
			parent.data["title"] = title
		}
		if req.DataType == "liveStream" { // a live stream post (streams.go)
			parent.dataType, parent.data["streamId"] = "liveStream", req.Data["streamId"]
		}
	}
	if _, err := c.applyPostPreHook("post.shouldCreate", parent); err != nil {
		return err
	}
	if req.PostID != "" && c.st.posts[req.PostID] != nil { // again: the lock was released
		return errDuplicate()
	}
	c.st.posts[parent.id] = parent
	newChild := func(dataType string, data map[string]any) {
		ch := &post{
			id: c.st.newID(), parentID: parent.id, postedUserID: me.id, targetType: parent.targetType,
			targetID: parent.targetID, dataType: dataType, data: data, metadata: map[string]any{},
			children: []string{}, feedType: feedType, flags: flagSet{}, editedAt: now, createdAt: now,
			updatedAt: now, seq: c.st.nextSeq(),
		}
		c.st.posts[ch.id] = ch
		parent.children = append(parent.children, ch.id)
	}
	for _, a := range req.Attachments {
		newChild(a.Type, childData(a))
	}
	if pollID != "" {
		newChild("poll", map[string]any{"pollId": pollID})
	}
	c.emitPost("v3.post.didCreate", parent, nil)
	return c.ok(c.postsBody([]*post{parent}, true))
}

type updatePostRequest struct {
	Text        *string         `json:"text"`
	Data        map[string]any  `json:"data"`
	Metadata    *map[string]any `json:"metadata"`
	Tags        *[]string       `json:"tags"`
	Mentionees  *[]mentionee    `json:"mentionees"`
	Attachments *[]attachment   `json:"attachments"`
}

func (s *Server) updatePost(c *request) error {
	p, err := c.livePost(c.path("postId"))
	if err != nil {
		return err
	}
	var req updatePostRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if !c.canEditPost(p) {
		return errPermission("You are not allowed to do this.")
	}
	if c.me().globalBan {
		return errGlobalBan()
	}
	var text *string
	if req.Data != nil {
		if _, has := req.Data["text"]; has {
			t, err := textOf(req.Data)
			if err != nil {
				return err
			}
			text = &t
		}
	}
	if text == nil && req.Text != nil {
		text = req.Text
	}
	if text != nil {
		if err := maxLen("data.text", *text, 50000); err != nil {
			return err
		}
		if err := c.st.checkText(*text); err != nil {
			return err
		}
	}
	if req.Tags != nil && len(*req.Tags) > 5 {
		return errBadRequest("Parameters validation error: at most 5 tags")
	}
	if req.Mentionees != nil {
		if err := validateMentionees(*req.Mentionees); err != nil {
			return err
		}
	}
	if req.Attachments != nil {
		if err := c.checkAttachments(*req.Attachments); err != nil {
			return err
		}
	}
	preview := *p
	if text != nil {
		preview.data = map[string]any{}
		for k, v := range p.data {
			preview.data[k] = v
		}
		preview.data["text"] = *text
	}
	if req.Metadata != nil {
		preview.metadata = obj(*req.Metadata)
	}
	if req.Tags != nil {
		preview.tags = uniq(*req.Tags)
	}
	modified, err := c.applyPostPreHook("post.shouldUpdate", &preview)
	if err != nil {
		return err
	}
	now := c.now()
	if text != nil {
		if strings.Contains(p.dataType, ".") || p.dataType == "room" {
			p.data["text"] = *text
		} else {
			p.data = map[string]any{"text": *text}
		}
	}
	if title, isString := req.Data["title"].(string); isString {
		p.data["title"] = title
	}
	if req.Metadata != nil {
		p.metadata = obj(*req.Metadata)
	}
	if req.Tags != nil {
		p.tags = uniq(*req.Tags)
	}
	if req.Mentionees != nil {
		p.mentionees = *req.Mentionees
	}
	if req.Attachments != nil {
		kept := []string{}
		for _, id := range p.children {
			if ch := c.st.posts[id]; ch != nil && ch.dataType == "poll" {
				kept = append(kept, id)
			} else if ch != nil {
				delete(c.st.posts, id)
			}
		}
		p.children = kept
		for _, a := range *req.Attachments {
			ch := &post{
				id: c.st.newID(), parentID: p.id, postedUserID: p.postedUserID, targetType: p.targetType,
				targetID: p.targetID, dataType: a.Type, data: childData(a), metadata: map[string]any{},
				children: []string{}, feedType: p.feedType, flags: flagSet{}, editedAt: now, createdAt: now,
				updatedAt: now, seq: c.st.nextSeq(),
			}
			c.st.posts[ch.id] = ch
			p.children = append(p.children, ch.id)
		}
	}
	if preserve, _ := c.headerBool("preserve-edited-at"); !preserve {
		p.editedAt = now
	}
	p.updatedAt = now
	if modified { // the pre-hook's content replaces the update's
		p.data, p.metadata, p.tags = preview.data, preview.metadata, preview.tags
	}
	c.emitPost("v3.post.didUpdate", p, nil)
	return c.ok(c.postsBody([]*post{p}, true))
}

// headerBool parses a boolean request header.
func (c *request) headerBool(name string) (bool, bool) {
	v := strings.ToLower(strings.TrimSpace(c.r.Header.Get(name)))
	return v == "true" || v == "1", v != ""
}

// purgePost removes a post, its children and its comments for good.
func (st *state) purgePost(p *post) {
	for _, id := range p.children {
		delete(st.posts, id)
	}
	for _, cm := range st.comments {
		if cm.referenceType == "post" && cm.referenceID == p.id {
			delete(st.comments, cm.id)
		}
	}
	delete(st.posts, p.id)
}

func (s *Server) deletePost(c *request, permanentAllowed bool) error {
	permanent := false
	p, _, err := preHookFor(c, "post.shouldDelete", func() (*post, error) {
		p, err := c.post(c.path("postId"))
		if err != nil {
			return nil, err
		}
		if !c.canEditPost(p) {
			return nil, errPermission("You are not allowed to do this.")
		}
		if permanentAllowed {
			v, err := c.qBool("permanent")
			if err != nil {
				return nil, err
			}
			permanent = v != nil && *v
		}
		if !permanent && p.deleted {
			return nil, errNotFound("PostId %s not found", p.id)
		}
		return p, nil
	}, c.postJSON)
	if err != nil {
		return err
	}
	if permanent {
		c.emitPost("v3.post.didDelete", p, nil)
		c.st.purgePost(p)
		return c.ok(successData())
	}
	now := c.now()
	p.deleted, p.updatedAt = true, now
	for _, id := range p.children {
		if ch := c.st.posts[id]; ch != nil {
			ch.deleted, ch.updatedAt = true, now
		}
	}
	c.emitPost("v3.post.didDelete", p, nil)
	return c.ok(successData())
}

// postQuery are the filters of the post listing operations.
type postQuery struct {
	targetType  string
	targetID    string
	sortBy      string
	hasFlag     *bool
	isDeleted   *bool
	feedTypes   []string
	dataTypes   []string
	dataType    string
	tags        []string
	parentsOnly bool
	before      string
	after       string
}

// readPostQuery reads the common query parameters.
func (c *request) readPostQuery(q *postQuery) error {
	q.sortBy = c.q("sortBy")
	if err := enum("sortBy", q.sortBy, "firstCreated", "lastCreated", "lastUpdated", "firstUpdated"); err != nil {
		return err
	}
	var err error
	if q.hasFlag, err = c.qBool("hasFlag"); err != nil {
		return err
	}
	if q.isDeleted, err = c.qBool("isDeleted"); err != nil {
		return err
	}
	q.dataTypes = c.qList("dataTypes")
	q.tags = c.qList("tags")
	q.parentsOnly = true
	if v, err := c.qBool("matchingOnlyParentPost"); err != nil {
		return err
	} else if v != nil {
		q.parentsOnly = *v
	}
	return nil
}

// postFlagged reports whether a post, a child of it or a comment on it is flagged.
// flaggedComments are the posts that have a live flagged comment or reply, from one pass
// over the comments (a listing asks it of every post).
func (st *state) flaggedComments() map[string]bool {
	out := map[string]bool{}
	for _, cm := range st.comments {
		if cm.referenceType == "post" && !cm.deleted && cm.flags.count() > 0 {
			out[cm.referenceID] = true
		}
	}
	return out
}

// postFlagged reports whether p, one of its children or (per flaggedComments) one of its
// comments is flagged.
func (st *state) postFlagged(p *post, flaggedComments map[string]bool) bool {
	if p.flags.count() > 0 || flaggedComments[p.id] {
		return true
	}
	for _, id := range p.children {
		if ch := st.posts[id]; ch != nil && ch.flags.count() > 0 {
			return true
		}
	}
	return false
}

// findPosts lists the posts matching q, sorted. Its callers (the v3 and v4 post queries and
// the v3 feeds) declare isDeleted with default null: without it, deleted posts are listed
// too.
func (c *request) findPosts(q postQuery) []*post {
	st := c.st
	feedTypes := q.feedTypes
	if len(feedTypes) == 0 {
		feedTypes = []string{"published"}
	}
	var list []*post
	var flaggedComments map[string]bool
	if q.hasFlag != nil {
		flaggedComments = st.flaggedComments()
	}
	for _, p := range st.posts {
		if q.targetType != "" && p.targetType != q.targetType {
			continue
		}
		if q.targetID != "" && p.targetID != q.targetID {
			continue
		}
		if !deletedFilter(q.isDeleted, p.deleted, bothByDefault) || !containsString(feedTypes, p.feedType) {
			continue
		}
		if p.feedType == "reviewing" && p.postedUserID != c.identity && !c.canModeratePost(p) {
			continue
		}
		if p.targetType == "community" && !c.isAdmin {
			if cm := st.communities[p.targetID]; cm != nil && !cm.isPublic && !cm.isMember(c.identity) {
				continue
			}
		}
		if q.hasFlag != nil && *q.hasFlag != st.postFlagged(p, flaggedComments) {
			continue
		}
		if len(q.tags) > 0 && !anyShared(q.tags, p.tags) {
			continue
		}
		if p.parentID != "" {
			if q.parentsOnly || len(q.dataTypes) == 0 || !containsString(q.dataTypes, p.dataType) {
				continue
			}
		} else {
			if q.dataType != "" && p.dataType != q.dataType {
				continue
			}
			if len(q.dataTypes) > 0 {
				if !q.parentsOnly {
					continue
				}
				match := false
				for _, id := range p.children {
					if ch := st.posts[id]; ch != nil && containsString(q.dataTypes, ch.dataType) {
						match = true
					}
				}
				if !match {
					continue
				}
			}
		}
		list = append(list, p)
	}
	byUpdate := q.sortBy == "lastUpdated" || q.sortBy == "firstUpdated"
	desc := q.sortBy != "firstCreated" && q.sortBy != "firstUpdated"
	sortByCreated(list, func(p *post) (time.Time, int64) {
		if byUpdate {
			return p.updatedAt, p.seq
		}
		return p.createdAt, p.seq
	}, desc)
	created := func(p *post) (time.Time, int64) { return p.createdAt, p.seq }
	return cutAround(list, func(p *post) string { return p.id }, created, q.before, q.after)
}

// cutAround is an id cursor (A2 paging): with after it keeps the items
// created after the item with that id, with before those created before it,
// in list order. An unknown id leaves nothing.
func cutAround[T any](list []T, id func(T) string, key func(T) (time.Time, int64), before, after string) []T {
	anchor := after
	if anchor == "" {
		anchor = before
	}
	if anchor == "" {
		return list
	}
	var at time.Time
	var seq int64
	found := false
	for _, it := range list {
		if id(it) == anchor {
			at, seq = key(it)
			found = true
		}
	}
	if !found {
		return nil
	}
	var out []T
	for _, it := range list {
		t, s := key(it)
		later := t.After(at) || (t.Equal(at) && s > seq)
		earlier := t.Before(at) || (t.Equal(at) && s < seq)
		if (after != "" && later) || (after == "" && earlier) {
			out = append(out, it)
		}
	}
	return out
}

// checkCommunityReadable refuses reading a private community's posts to
// non-members.
func (c *request) checkCommunityReadable(targetType, targetID string) error {
	if targetType != "community" || targetID == "" {
		return nil
	}
	cm, err := c.community(targetID)
	if err != nil {
		return err
	}
	if !cm.isPublic && !c.isAdmin && !cm.isMember(c.identity) {
		return errForbidden("You are not a member of this community")
	}
	return nil
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
	s.route("GET /api/v4/posts", authUser, func(c *request) error {
		q := postQuery{targetType: c.q("targetType"), targetID: c.q("targetId")}
		if q.targetID == "" {
			return errBadRequest("Parameters validation error: targetId is required")
		}
		return s.listPosts(c, q, true)
	})
	s.route("GET /api/v3/posts", authUser, func(c *request) error {
		q := postQuery{targetType: c.q("targetType"), targetID: c.q("targetId"), dataType: c.q("dataType")}
		if q.targetType == "" {
			return errBadRequest("Parameters validation error: targetType is required")
		}
		return s.listPosts(c, q, false)
	})
	s.route("GET /api/v3/posts/list", authUser, func(c *request) error {
		ids, err := c.idsParam("postIds", 100)
		if err != nil {
			return err
		}
		var out []*post
		for _, id := range ids {
			if p := c.st.posts[id]; p != nil {
				out = append(out, p)
			}
		}
		return c.ok(c.postsBody(out, true))
	})
	s.route("GET /api/v3/posts/{postId}", authUser, func(c *request) error {
		p, err := c.post(c.path("postId"))
		if err != nil {
			return err
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
		p, _, err := preHookFor(c, "post.shouldFlag", func() (*post, error) { return c.livePost(c.path("postId")) }, c.postJSON)
		if err != nil {
			return err
		}
		p.flags[c.identity] = c.now()
		c.emitPost("v3.post.didFlag", p, map[string]any{"flaggedUserId": c.identity})
		return c.ok(c.postsBody([]*post{p}, true))
	})
	s.route("DELETE /api/v3/posts/{postId}/unflag", authUser, func(c *request) error {
		p, err := c.livePost(c.path("postId"))
		if err != nil {
			return err
		}
		delete(p.flags, c.identity)
		c.emitPost("v3.post.didUnflag", p, map[string]any{"flaggedUserId": c.identity})
		return c.ok(c.postsBody([]*post{p}, true))
	})
	s.route("DELETE /api/v3/posts/{postId}/flags", authUser, func(c *request) error {
		p, err := c.post(c.path("postId"))
		if err != nil {
			return err
		}
		if !c.canModeratePost(p) {
			return errPermission("You are not allowed to do this.")
		}
		p.flags = flagSet{}
		return c.ok(c.postsBody([]*post{p}, true))
	})
	s.route("GET /api/v3/posts/{postId}/isflagbyme", authUser, func(c *request) error {
		p, err := c.post(c.path("postId"))
		if err != nil {
			return err
		}
		_, flagged := p.flags[c.identity]
		return c.ok(statusData{Status: "success", Data: map[string]bool{"result": flagged}})
	})
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

func (s *Server) listPosts(c *request, q postQuery, v4 bool) error {
	if err := enum("targetType", q.targetType, "community", "user", "content"); err != nil {
		return err
	}
	if err := c.readPostQuery(&q); err != nil {
		return err
	}
	if v4 {
		q.feedTypes = c.qList("feedType")
		for _, ft := range q.feedTypes {
			if err := enum("feedType", ft, "reviewing", "published"); err != nil {
				return err
			}
		}
		q.before, q.after = c.opt("before"), c.opt("after")
	}
	if err := c.checkCommunityReadable(q.targetType, q.targetID); err != nil {
		return err
	}
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	win, cur := paginate(c.findPosts(q), p)
	body := c.postsBody(win, false)
	body.Paging = cur.nextPrevious()
	return c.ok(body)
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
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	win, cur := paginate(c.findPosts(q), p)
	body := c.postsBody(win, false)
	data := feedData{
		Posts: body.Posts, PostChildren: body.PostChildren, Comments: body.Comments,
		Users: body.Users, Files: body.Files, Paging: cur.nextPrevious(),
	}
	if targetType == "community" {
		data.Communities, data.CommunityUsers, data.Categories = body.Communities, body.CommunityUsers, body.Categories
	}
	return c.ok(statusData{Status: "success", Data: data})
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
	for _, id := range p.children {
		if ch := c.st.posts[id]; ch != nil {
			ch.feedType, ch.updatedAt = feedType, now
		}
	}
	if feedType == "published" {
		c.emitPost("v3.post.didApprove", p, nil)
	} else {
		c.emitPost("v3.post.didDecline", p, nil)
	}
	return c.ok(c.postsBody([]*post{p}, true))
}
