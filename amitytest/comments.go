package amitytest

import (
	"strconv"
	"time"
)

// comment is a comment on a post (or a content reference), possibly a reply.
type comment struct {
	id            string
	userID        string
	parentID      string
	rootID        string
	referenceID   string
	referenceType string // post, content or story
	targetType    string
	targetID      string
	data          map[string]any
	metadata      map[string]any
	children      []string
	flags         flagSet
	flagNotes     map[string]flagNote // the reason and detail of each flag, by flagger
	reactions     reactionSet
	mentionees    []mentionee
	attachments   []commentAttachment
	segment       int
	deleted       bool
	editedAt      time.Time
	createdAt     time.Time
	updatedAt     time.Time
	seq           int64
}

// commentAttachment is a comment attachment: an image or a video (spec 4.116.1), or a link
// with its url (the vendor clients' Amity.Attachment: type 'image' | 'link', url).
type commentAttachment struct {
	Type   string `json:"type"`
	FileID string `json:"fileId,omitempty"`
	URL    string `json:"url,omitempty"`
}

type commentJSON struct {
	ID             string              `json:"_id"`
	Path           string              `json:"path"`
	CommentID      string              `json:"commentId"`
	UserID         string              `json:"userId"`
	UserPublicID   string              `json:"userPublicId"`
	UserInternalID string              `json:"userInternalId"`
	ParentID       string              `json:"parentId,omitempty"`
	RootID         string              `json:"rootId,omitempty"`
	ReferenceID    string              `json:"referenceId"`
	ReferenceType  string              `json:"referenceType"`
	DataType       string              `json:"dataType"`
	DataTypes      []string            `json:"dataTypes"`
	Data           map[string]any      `json:"data"`
	Metadata       map[string]any      `json:"metadata"`
	ChildrenNumber int                 `json:"childrenNumber"`
	FlagCount      int                 `json:"flagCount"`
	Reactions      map[string]any      `json:"reactions"`
	ReactionsCount int                 `json:"reactionsCount"`
	MyReactions    []string            `json:"myReactions"`
	IsDeleted      bool                `json:"isDeleted"`
	EditedAt       string              `json:"editedAt"`
	CreatedAt      string              `json:"createdAt"`
	UpdatedAt      string              `json:"updatedAt"`
	Children       []string            `json:"children"`
	SegmentNumber  int                 `json:"segmentNumber"`
	Mentionees     []mentioneeJSON     `json:"mentionees"`
	Attachments    []commentAttachment `json:"attachments"`
	TargetID       string              `json:"targetId,omitempty"`
	TargetType     string              `json:"targetType,omitempty"`
}

// dataTypes are the kinds of content a comment holds.
func (cm *comment) dataTypes() []string {
	out := []string{}
	if t, _ := cm.data["text"].(string); t != "" {
		out = append(out, "text")
	}
	for _, a := range cm.attachments {
		out = addUnique(out, a.Type)
	}
	return out
}

// liveChildren returns the ids of the live replies to a comment.
func (st *state) liveChildren(cm *comment) []string {
	out := []string{}
	for _, id := range cm.children {
		if ch := st.comments[id]; ch != nil && !ch.deleted {
			out = append(out, id)
		}
	}
	return out
}

func (c *request) commentJSON(cm *comment) commentJSON {
	internal := ""
	if u := c.st.users[cm.userID]; u != nil {
		internal = u.internalID
	}
	children := c.st.liveChildren(cm)
	return commentJSON{
		ID: cm.id, Path: networkID + "/social/comment/" + cm.id, CommentID: cm.id,
		UserID: cm.userID, UserPublicID: cm.userID, UserInternalID: internal,
		ParentID: cm.parentID, RootID: cm.rootID, ReferenceID: cm.referenceID, ReferenceType: cm.referenceType,
		DataType: "text", DataTypes: cm.dataTypes(), Data: obj(cm.data), Metadata: obj(cm.metadata),
		ChildrenNumber: len(children), FlagCount: cm.flags.count(),
		Reactions: cm.reactions.counts(), ReactionsCount: len(cm.reactions), MyReactions: cm.reactions.mine(c.identity),
		IsDeleted: cm.deleted, EditedAt: ts(cm.editedAt), CreatedAt: ts(cm.createdAt), UpdatedAt: ts(cm.updatedAt),
		Children: children, SegmentNumber: cm.segment, Mentionees: c.st.mentioneesJSON(cm.mentionees),
		Attachments: nonNil(cm.attachments), TargetID: cm.targetID, TargetType: cm.targetType,
	}
}

type commentsResponse struct {
	Comments        []commentJSON       `json:"comments"`
	CommentChildren []commentJSON       `json:"commentChildren"`
	CommunityUsers  []communityUserJSON `json:"communityUsers"`
	Users           []userJSON          `json:"users"`
	Files           []fileJSON          `json:"files"`
	Roles           []roleJSON          `json:"roles"`
	Paging          *pagingNextPrevious `json:"paging,omitempty"`
}

// commentChildrenShown is how many replies are sideloaded per comment.
const commentChildrenShown = 5

func (c *request) commentsBody(list []*comment) commentsResponse {
	b := c.sideload()
	cb := c.newCommunityBundle(b)
	out := commentsResponse{Comments: []commentJSON{}, CommentChildren: []commentJSON{}}
	addRefs := func(cm *comment) {
		b.addUser(cm.userID)
		for _, a := range cm.attachments {
			b.addFile(a.FileID)
		}
		for _, m := range cm.mentionees {
			for _, id := range m.UserIDs {
				b.addUser(id)
			}
		}
		if cm.targetType == "community" {
			if com := c.st.communities[cm.targetID]; com != nil {
				if m := com.members[cm.userID]; m != nil {
					cb.addMember(com, m)
				}
				if m := com.members[c.identity]; m != nil {
					cb.addMember(com, m)
				}
			}
		}
	}
	for _, cm := range list {
		out.Comments = append(out.Comments, c.commentJSON(cm))
		addRefs(cm)
		kids := c.st.liveChildren(cm)
		if len(kids) > commentChildrenShown {
			kids = kids[len(kids)-commentChildrenShown:]
		}
		for _, id := range kids {
			ch := c.st.comments[id]
			out.CommentChildren = append(out.CommentChildren, c.commentJSON(ch))
			addRefs(ch)
		}
	}
	out.CommunityUsers = nonNil(cb.members)
	out.Users = b.users()
	out.Files = b.files()
	out.Roles = b.roles()
	return out
}

// comment finds a comment (deleted ones too).
func (c *request) comment(id string) (*comment, error) {
	return lookupIn(c.st.comments, id, "Comment %s not found")
}

// liveComment finds a comment that is not deleted.
func (c *request) liveComment(id string) (*comment, error) {
	return liveIn(c.st.comments, id, "Comment %s not found")
}

// commentCommunity returns the community a comment lives in, if any.
func (st *state) commentCommunity(cm *comment) *community {
	if cm.targetType == "community" {
		return st.communities[cm.targetID]
	}
	return nil
}

// canModerateComment reports whether the caller may moderate a comment.
func (c *request) canModerateComment(cm *comment) bool {
	if c.isAdmin {
		return true
	}
	com := c.st.commentCommunity(cm)
	return com != nil && com.isModerator(c.identity)
}

type createCommentRequest struct {
	ReferenceID   string              `json:"referenceId"`
	ReferenceType string              `json:"referenceType"`
	Data          map[string]any      `json:"data"`
	Metadata      map[string]any      `json:"metadata"`
	CommentID     string              `json:"commentId"`
	ParentID      string              `json:"parentId"`
	Mentionees    []mentionee         `json:"mentionees"`
	CreatedAt     string              `json:"createdAt"`
	Attachments   []commentAttachment `json:"attachments"`
}

// checkCommentAttachments validates comment attachments: an uploaded image or video
// (fileId), or a link (url).
func (c *request) checkCommentAttachments(atts []commentAttachment) error {
	if len(atts) > 10 {
		return errBadRequest("Parameters validation error: at most 10 attachments")
	}
	for _, a := range atts {
		switch a.Type {
		case "link":
			if a.URL == "" {
				return errBadRequest("Parameters validation error: a link attachment needs a url")
			}
			if err := maxLen("attachments.url", a.URL, 2000); err != nil {
				return err
			}
			continue
		case "image", "video":
		default:
			return errBadRequest("Parameters validation error: attachments.type must be one of image, video, link")
		}
		if a.FileID == "" {
			return errBadRequest("Parameters validation error: attachments need fileId and type")
		}
		f := c.st.files[a.FileID]
		if f == nil {
			return errNotFound("File %s not found", a.FileID)
		}
		if f.kind != a.Type {
			return errBadRequest("File %s is not of type %s", a.FileID, a.Type)
		}
	}
	return nil
}

func (s *Server) createComment(c *request) error {
	var req createCommentRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.ReferenceType == "" {
		req.ReferenceType = "post"
	}
	if req.ReferenceID == "" {
		return errBadRequest("Parameters validation error: referenceId is required")
	}
	if err := enum("referenceType", req.ReferenceType, "post", "content", "story"); err != nil {
		return err
	}
	text, err := textOf(req.Data)
	if err != nil {
		return err
	}
	if err := maxLen("data.text", text, 50000); err != nil {
		return err
	}
	if text == "" && len(req.Attachments) == 0 {
		return errBadRequest("Text is required in data object.")
	}
	if err := c.checkCommentAttachments(req.Attachments); err != nil {
		return err
	}
	if err := validateMentionees(req.Mentionees); err != nil {
		return err
	}
	me := c.me()
	if me.globalBan {
		return errGlobalBan()
	}
	cm := &comment{
		referenceID: req.ReferenceID, referenceType: req.ReferenceType, userID: me.id,
		data: map[string]any{"text": text}, metadata: obj(req.Metadata), children: []string{},
		flags: flagSet{}, mentionees: req.Mentionees, attachments: req.Attachments,
	}
	switch req.ReferenceType {
	case "post":
		p, err := c.livePost(req.ReferenceID)
		if err != nil {
			return err
		}
		cm.targetType, cm.targetID = p.targetType, p.targetID
		if p.targetType == "community" && !c.isAdmin {
			com := c.st.communities[p.targetID]
			if com != nil && com.isBanned(me.id) {
				return errBanned()
			}
			if com != nil && !com.isPublic && !com.isMember(me.id) {
				return errForbidden("You are not a member of this community")
			}
		}
	case "content":
		cm.targetType, cm.targetID = "content", req.ReferenceID
	default:
		return errNotFound("Story not found")
	}
	var parent *comment
	if req.ParentID != "" {
		parent, err = c.liveComment(req.ParentID)
		if err != nil {
			return err
		}
		if parent.referenceID != req.ReferenceID || parent.referenceType != req.ReferenceType {
			return errBadRequest("Parent comment belongs to another reference")
		}
		cm.parentID = parent.id
		cm.rootID = parent.rootID
		if cm.rootID == "" {
			cm.rootID = parent.id
		}
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
	cm.id = req.CommentID
	if cm.id == "" {
		cm.id = c.st.newID()
	} else if c.st.comments[cm.id] != nil {
		return errDuplicate()
	}
	for _, other := range c.st.commentsOn(cm.referenceType, cm.referenceID) {
		if other.segment > cm.segment {
			cm.segment = other.segment
		}
	}
	cm.segment++
	cm.editedAt, cm.createdAt, cm.updatedAt, cm.seq = now, now, now, c.st.nextSeq()
	c.st.addComment(cm)
	if parent != nil {
		parent.children = append(parent.children, cm.id)
	}
	if cm.parentID != "" {
		c.emitComment("v3.comment.didReply", cm, nil)
	} else {
		c.emitComment("v3.comment.didCreate", cm, nil)
	}
	return c.ok(c.commentsBody([]*comment{cm}))
}

// queryComments is GET /api/v3/comments. Without referenceId (optional since spec 4.116.1)
// it lists the comments of every reference (of referenceType, when given).
func (s *Server) queryComments(c *request) error {
	refID, refType := c.q("referenceId"), c.q("referenceType")
	if err := enum("referenceType", refType, "post", "content", "story"); err != nil {
		return err
	}
	sortBy := c.q("sortBy")
	if err := enum("sortBy", sortBy, "firstCreated", "lastCreated", "lastUpdated", "firstUpdated"); err != nil {
		return err
	}
	if err := enum("options[type]", c.opt("type"), "scrollable", "pagination"); err != nil {
		return err
	}
	byParent := true
	if v, err := c.qBool("filterByParentId"); err != nil {
		return err
	} else if v != nil {
		byParent = *v
	}
	var hasFlag, isDeleted *bool
	if err := c.qBools([]string{"hasFlag", "isDeleted"}, &hasFlag, &isDeleted); err != nil {
		return err
	}
	seg, err := c.segmentOptions()
	if err != nil {
		return err
	}
	typeValues := c.qList("dataTypes[values]")
	matchType := c.q("dataTypes[matchType]")
	if err := enum("dataTypes[matchType]", matchType, "any", "exact"); err != nil {
		return err
	}
	parentID := c.q("parentId")
	var list []*comment
	for _, cm := range c.st.comments {
		if (refID != "" && cm.referenceID != refID) || (refType != "" && cm.referenceType != refType) {
			continue
		}
		if byParent && cm.parentID != parentID {
			continue
		}
		if !deletedFilter(isDeleted, cm.deleted, bothByDefault) || (hasFlag != nil && *hasFlag && cm.flags.count() == 0) {
			continue
		}
		if !seg.admits(cm.segment) {
			continue
		}
		if len(typeValues) > 0 {
			have := cm.dataTypes()
			if matchType == "exact" {
				if len(have) != len(uniq(typeValues)) || !allIn(have, typeValues) {
					continue
				}
			} else if !anyShared(typeValues, have) {
				continue
			}
		}
		list = append(list, cm)
	}
	byUpdate := sortBy == "lastUpdated" || sortBy == "firstUpdated"
	desc := sortBy != "firstCreated" && sortBy != "firstUpdated"
	if _, ok := seg["first"]; ok {
		desc, byUpdate = false, false
	}
	if _, ok := seg["last"]; ok {
		desc, byUpdate = true, false
	}
	sortByCreated(list, func(cm *comment) (time.Time, int64) {
		if byUpdate {
			return cm.updatedAt, cm.seq
		}
		return cm.createdAt, cm.seq
	}, desc)
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	for _, name := range []string{"first", "last"} {
		if n, ok := seg[name]; ok && c.opt("limit") == "" {
			if n > maxPageSize {
				return errBadRequest("Parameters validation error: options.%s must be at most %s", name, strconv.Itoa(maxPageSize))
			}
			p.limit = n
		}
	}
	win, cur := paginate(list, p)
	body := c.commentsBody(win)
	body.Paging = cur.nextPrevious()
	return c.ok(body)
}

// allIn reports whether every element of a is in b.
func allIn(a, b []string) bool {
	for _, x := range a {
		if !containsString(b, x) {
			return false
		}
	}
	return true
}

type updateCommentRequest struct {
	Data        map[string]any       `json:"data"`
	Metadata    *map[string]any      `json:"metadata"`
	Mentionees  *[]mentionee         `json:"mentionees"`
	Attachments *[]commentAttachment `json:"attachments"`
	// EditReason (spec 4.116.1, at most 300 characters) is checked; the fake keeps no edit
	// history to record it in.
	EditReason *string `json:"editReason"`
}

func (s *Server) updateComment(c *request) error {
	cm, err := c.liveComment(c.path("commentId"))
	if err != nil {
		return err
	}
	var req updateCommentRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if cm.userID != c.identity && !c.canModerateComment(cm) {
		return errPermission("You are not allowed to do this.")
	}
	if c.me().globalBan {
		return errGlobalBan()
	}
	var text *string
	if req.Data != nil {
		t, err := textOf(req.Data)
		if err != nil {
			return err
		}
		if err := c.st.checkEditedText(t); err != nil {
			return err
		}
		text = &t
	}
	if req.Mentionees != nil {
		if err := validateMentionees(*req.Mentionees); err != nil {
			return err
		}
	}
	if req.Attachments != nil {
		if err := c.checkCommentAttachments(*req.Attachments); err != nil {
			return err
		}
	}
	if req.EditReason != nil {
		if err := maxLen("editReason", *req.EditReason, 300); err != nil {
			return err
		}
	}
	c.recordCommentEdit(cm) // the edit history (content_history.go)
	if text != nil {
		cm.data = map[string]any{"text": *text}
	}
	setOptWith(&cm.metadata, req.Metadata, obj)
	setOpt(&cm.mentionees, req.Mentionees)
	setOpt(&cm.attachments, req.Attachments)
	now := c.now()
	if preserve, _ := c.headerBool("preserve-edited-at"); !preserve {
		cm.editedAt = now
	}
	cm.updatedAt = now
	return c.ok(c.commentsBody([]*comment{cm}))
}

// purgeComment removes a comment and its replies for good.
func (st *state) purgeComment(cm *comment) {
	for _, id := range cm.children {
		if ch := st.comments[id]; ch != nil {
			st.purgeComment(ch)
		}
	}
	if p := st.comments[cm.parentID]; p != nil {
		p.children = removeString(p.children, cm.id)
	}
	st.removeComment(cm)
}

func (s *Server) deleteComment(c *request, permanentAllowed bool) error {
	cm, err := c.comment(c.path("commentId"))
	if err != nil {
		return err
	}
	if cm.userID != c.identity && !c.canModerateComment(cm) {
		return errPermission("You are not allowed to do this.")
	}
	permanent := false
	if permanentAllowed {
		v, err := c.qBool("permanent")
		if err != nil {
			return err
		}
		permanent = v != nil && *v
	}
	// v4 answers {success} (spec 4.116.1), v3 {status, data: {success}}.
	done := any(successData())
	if permanentAllowed {
		done = successBody
	}
	if permanent {
		c.st.purgeComment(cm)
		return c.ok(done)
	}
	if cm.deleted {
		return errNotFound("Comment %s not found", cm.id)
	}
	cm.deleted, cm.updatedAt = true, c.now()
	c.st.touchComment(cm)
	return c.ok(done)
}

func (s *Server) routesComments() {
	s.route("GET /api/v3/comments", authUser, s.queryComments)
	s.route("POST /api/v3/comments", authUser, s.createComment)
	s.route("GET /api/v3/comments/list", authUser, func(c *request) error {
		return listByIDs(c, "commentIds", 100, lookup(c.st.comments), func(cms []*comment) any { return c.commentsBody(cms) })
	})
	s.route("GET /api/v3/comments/{commentId}", authUser, func(c *request) error {
		cm, err := c.comment(c.path("commentId"))
		if err != nil {
			return err
		}
		return c.ok(c.commentsBody([]*comment{cm}))
	})
	s.route("PUT /api/v3/comments/{commentId}", authUser, s.updateComment)
	s.route("DELETE /api/v3/comments/{commentId}", authUser, func(c *request) error { return s.deleteComment(c, false) })
	s.route("DELETE /api/v4/comments/{commentId}", authUser, func(c *request) error { return s.deleteComment(c, true) })
	s.route("POST /api/v3/comments/{commentId}/flag", authUser, func(c *request) error {
		cm, err := c.liveComment(c.path("commentId"))
		if err != nil {
			return err
		}
		var req struct {
			CommentID string `json:"commentId"`
		}
		if err := c.decode(&req, false); err != nil {
			return err
		}
		if req.CommentID != "" && req.CommentID != cm.id {
			return errBadRequest("Parameters validation error: commentId does not match the path")
		}
		note, err := c.readFlagNote() // flags.go: reason and detail (spec 4.116.1)
		if err != nil {
			return err
		}
		cm.flags[c.identity] = c.now()
		c.st.touchComment(cm)
		setFlagNote(&cm.flagNotes, c.identity, note)
		return c.ok(c.commentsBody([]*comment{cm}))
	})
	s.route("DELETE /api/v3/comments/{commentId}/unflag", authUser, func(c *request) error {
		cm, err := c.liveComment(c.path("commentId"))
		if err != nil {
			return err
		}
		delete(cm.flags, c.identity)
		c.st.touchComment(cm)
		delete(cm.flagNotes, c.identity)
		return c.ok(c.commentsBody([]*comment{cm}))
	})
	s.route("DELETE /api/v3/comments/{commentId}/flags", authUser, clearFlags((*request).pathComment, (*request).canModerateComment, (*request).commentBody))
	s.route("GET /api/v3/comments/{commentId}/isflagbyme", authUser, isFlaggedByMe((*request).pathComment))
}
