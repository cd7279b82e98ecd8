package amitytest

import (
	"strings"
	"time"
)

// attachment is a post attachment: image, file or video (spec 4.116.1), or audio and clip,
// which the vendor clients send (ts-sdk-react-native 7.20.0 createAudioPost, createClipPost,
// createMixedMediaPost); a clip has the displayMode and isMuted of spec 4.116.1.
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
	// Spec 4.116.1: hashtags (at most 30 of at most 100 characters), links with their
	// previews (at most 100, each with a url), whether the post shows in search and hashtag
	// feeds (default true), the event of a room post (at most 24 characters).
	Hashtags       []string         `json:"hashtags"`
	Links          []map[string]any `json:"links"`
	IsDiscoverable *bool            `json:"isDiscoverable"`
	EventID        string           `json:"eventId"`
}

// checkHashtagsAndLinks validates the hashtags and links of a post.
func checkHashtagsAndLinks(hashtags []string, links []map[string]any) error {
	if len(hashtags) > 30 {
		return errBadRequest("Parameters validation error: at most 30 hashtags")
	}
	for _, h := range hashtags {
		if err := maxLen("hashtags", h, 100); err != nil {
			return err
		}
	}
	if len(links) > 100 {
		return errBadRequest("Parameters validation error: at most 100 links")
	}
	for _, l := range links {
		if u, _ := l["url"].(string); u == "" {
			return errBadRequest("Parameters validation error: links need a url")
		}
	}
	return nil
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
	if err := checkHashtagsAndLinks(req.Hashtags, req.Links); err != nil {
		return err
	}
	if err := maxLen("eventId", req.EventID, 24); err != nil {
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
		hashtags: uniq(req.Hashtags), links: req.Links, hidden: req.IsDiscoverable != nil && !*req.IsDiscoverable,
		eventID: req.EventID, children: []string{}, feedType: feedType, flags: flagSet{}, editedAt: now, createdAt: now,
		updatedAt: now, seq: c.st.nextSeq(),
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
	c.st.addPost(parent)
	newChild := func(dataType string, data map[string]any) {
		ch := &post{
			id: c.st.newID(), parentID: parent.id, postedUserID: me.id, targetType: parent.targetType,
			targetID: parent.targetID, dataType: dataType, data: data, metadata: map[string]any{},
			children: []string{}, feedType: feedType, flags: flagSet{}, editedAt: now, createdAt: now,
			updatedAt: now, seq: c.st.nextSeq(),
		}
		c.st.addPost(ch)
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
	// Spec 4.116.1 (v4): hashtags and links replace the post's; reason (at most 300
	// characters) is an admin's edit reason, which reaches the v3.post.didUpdate webhook.
	Hashtags *[]string         `json:"hashtags"`
	Links    *[]map[string]any `json:"links"`
	Reason   *string           `json:"reason"`
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
		if err := c.st.checkEditedText(*text); err != nil {
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
	var hashtags []string
	var links []map[string]any
	setOpt(&hashtags, req.Hashtags)
	setOpt(&links, req.Links)
	if err := checkHashtagsAndLinks(hashtags, links); err != nil {
		return err
	}
	if req.Reason != nil {
		if err := maxLen("reason", *req.Reason, 300); err != nil {
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
	setOptWith(&preview.metadata, req.Metadata, obj)
	setOptWith(&preview.tags, req.Tags, uniq)
	modified, err := c.applyPostPreHook("post.shouldUpdate", &preview)
	if err != nil {
		return err
	}
	c.recordPostEdit(p) // the edit history (content_history.go)
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
	setOptWith(&p.metadata, req.Metadata, obj)
	setOptWith(&p.tags, req.Tags, uniq)
	setOpt(&p.mentionees, req.Mentionees)
	setOptWith(&p.hashtags, req.Hashtags, uniq)
	setOpt(&p.links, req.Links)
	if req.Attachments != nil {
		kept := []string{}
		for _, id := range p.children {
			if ch := c.st.posts[id]; ch != nil && ch.dataType == "poll" {
				kept = append(kept, id)
			} else if ch != nil {
				c.st.removePost(id)
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
			c.st.addPost(ch)
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
	var extra map[string]any
	if req.Reason != nil && c.isAdmin { // an admin's edit reason reaches the webhook
		extra = map[string]any{"reason": *req.Reason}
	}
	c.emitPost("v3.post.didUpdate", p, extra)
	return c.ok(c.postsBody([]*post{p}, true))
}

// purgePost removes a post, its children and its comments for good.
func (st *state) purgePost(p *post) {
	for _, id := range p.children {
		st.removePost(id)
	}
	for _, cm := range append([]*comment(nil), st.commentsOn("post", p.id)...) {
		st.removeComment(cm)
	}
	st.removePost(p.id)
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
	c.st.touchPost(p)
	for _, id := range p.children {
		if ch := c.st.posts[id]; ch != nil {
			ch.deleted, ch.updatedAt = true, now
			c.st.touchPost(ch)
		}
	}
	c.emitPost("v3.post.didDelete", p, nil)
	return c.ok(successData())
}
