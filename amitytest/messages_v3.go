package amitytest

import "time"

// v3Types are the message types of the v3 API; other v5 data types are
// shown as "custom".
var v3Types = []string{"text", "image", "file", "custom", "video", "audio", "imagemap"}

// messageV3JSON is the v3 message shape (channel level; the channel's
// default message feed). The v3 API names channels and users by their public
// IDs: channelId and userId are public.
type messageV3JSON struct {
	ID             string          `json:"_id"`
	Path           string          `json:"path"`
	MessageID      string          `json:"messageId"`
	ChannelID      string          `json:"channelId"`
	UserID         string          `json:"userId"`
	Type           string          `json:"type"`
	Data           map[string]any  `json:"data"`
	ChannelSegment int             `json:"channelSegment"`
	ParentID       string          `json:"parentId,omitempty"`
	FileID         string          `json:"fileId,omitempty"`
	Tags           []string        `json:"tags"`
	Metadata       map[string]any  `json:"metadata"`
	FlagCount      int             `json:"flagCount"`
	ChildrenNumber int             `json:"childrenNumber"`
	ReactionsCount int             `json:"reactionsCount"`
	Reactions      map[string]any  `json:"reactions"`
	MyReactions    []string        `json:"myReactions"`
	IsDeleted      bool            `json:"isDeleted"`
	CreatedAt      string          `json:"createdAt"`
	UpdatedAt      string          `json:"updatedAt"`
	EditedAt       string          `json:"editedAt"`
	Mentionees     []mentioneeJSON `json:"mentionees"`
}

type messagesV3Response struct {
	Messages []messageV3JSON `json:"messages"`
	Users    []userJSON      `json:"users"`
	Files    []fileJSON      `json:"files"`
	Paging   *pagingNextPrev `json:"paging,omitempty"`
}

func (c *request) messageV3JSON(m *message) messageV3JSON {
	v5 := c.messageJSON(m)
	kind := messageV3Type(m)
	var ms []mentionee
	for _, mu := range m.mentioned {
		ms = append(ms, mentionee(mu))
	}
	return messageV3JSON{
		ID: m.id, Path: v5.Path, MessageID: m.id, ChannelID: m.channelID, UserID: m.creatorID, Type: kind,
		Data: v5.Data, ChannelSegment: m.segment, ParentID: m.parentID, FileID: m.fileID, Tags: v5.Tags,
		Metadata: v5.Metadata, FlagCount: v5.FlagCount, ChildrenNumber: v5.ChildCount,
		ReactionsCount: v5.ReactionCount, Reactions: v5.Reactions, MyReactions: v5.MyReactions,
		IsDeleted: m.deleted, CreatedAt: v5.CreatedAt, UpdatedAt: v5.UpdatedAt, EditedAt: v5.EditedAt,
		Mentionees: c.st.mentioneesJSON(ms),
	}
}

func (c *request) messagesV3Body(msgs []*message) messagesV3Response {
	b := c.sideload()
	out := messagesV3Response{Messages: []messageV3JSON{}}
	for _, m := range msgs {
		out.Messages = append(out.Messages, c.messageV3JSON(m))
		b.addUser(m.creatorID)
		b.addFile(m.fileID)
	}
	out.Users = b.users()
	out.Files = b.files()
	return out
}

// readableMessage finds a live message the caller may read.
func (c *request) readableMessage(id string) (*message, error) {
	m := c.st.messages[id]
	if m == nil || m.deleted {
		return nil, errNotFound("Message %s not found", id)
	}
	if ch := c.st.channels[m.channelID]; ch == nil || !c.canReadChannel(ch) {
		return nil, errPermission("User is not a member of a channel")
	}
	return m, nil
}

type messageV3Request struct {
	ChannelID  string           `json:"channelId"`
	MessageID  string           `json:"messageId"`
	Type       string           `json:"type"`
	Data       map[string]any   `json:"data"`
	FileID     string           `json:"fileId"`
	ParentID   string           `json:"parentId"`
	Metadata   map[string]any   `json:"metadata"`
	Tags       []string         `json:"tags"`
	Mentionees []mentionedUsers `json:"mentionees"`
}

func (s *Server) routesMessagesV3() {
	s.route("POST /api/v3/messages", authUser, func(c *request) error {
		var req messageV3Request
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.ChannelID == "" {
			return errBadRequest("Parameters validation error: channelId is required")
		}
		if req.Type == "" {
			req.Type = "text"
		}
		if err := enum("type", req.Type, v3Types...); err != nil {
			return err
		}
		if err := maxLen("messageId", req.MessageID, 150); err != nil {
			return err
		}
		if len(req.Mentionees) > 2 {
			return errBadRequest("Parameters validation error: at most 2 mentionees")
		}
		if t, _ := req.Data["text"].(string); len([]rune(t)) > 20000 {
			return errBadRequest("Parameters validation error: data.text must be at most 20000 characters")
		}
		ch, err := c.liveChannel(req.ChannelID)
		if err != nil {
			return err
		}
		f := c.st.feeds[ch.defaultFeedID()]
		if f == nil {
			return errNotFound("Channel %s not found", ch.id)
		}
		m, err := c.postMessage(f, newMessage{
			id: req.MessageID, dataType: req.Type, data: req.Data, fileID: req.FileID, parentID: req.ParentID,
			metadata: req.Metadata, tags: req.Tags, mentioned: req.Mentionees,
		})
		if err != nil {
			return err
		}
		return c.ok(c.messagesV3Body([]*message{m}))
	})
	s.route("GET /api/v3/messages", authUser, s.queryMessagesV3)
	s.route("GET /api/v3/messages/list", authUser, func(c *request) error {
		return listByIDs(c, "messageIds", 100, c.readableMessageByID, func(msgs []*message) any { return c.messagesV3Body(msgs) })
	})
	s.route("GET /api/v3/messages/{messageId}", authUser, func(c *request) error {
		m, err := c.message(c.path("messageId"))
		if err != nil {
			return err
		}
		if ch := c.st.channels[m.channelID]; ch == nil || !c.canReadChannel(ch) {
			return errPermission("User is not a member of a channel")
		}
		return c.ok(c.messagesV3Body([]*message{m}))
	})
	s.route("PUT /api/v3/messages/{messageId}", authUser, func(c *request) error {
		m, err := c.readableMessage(c.path("messageId"))
		if err != nil {
			return err
		}
		var req messageEdit
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.Mentionees != nil && len(*req.Mentionees) > 2 {
			return errBadRequest("Parameters validation error: at most 2 mentionees")
		}
		if err := c.editMessage(m, req); err != nil {
			return err
		}
		return c.ok(c.messagesV3Body([]*message{m}))
	})
	s.route("DELETE /api/v3/messages/{messageId}", authUser, func(c *request) error {
		m, err := c.readableMessage(c.path("messageId"))
		if err != nil {
			return err
		}
		if m.creatorID != c.identity && !c.canModerateMessage(m) {
			return errPermission("You are not allowed to do this.")
		}
		m.deleted, m.updatedAt = true, c.now()
		return c.ok(successData())
	})
	s.route("POST /api/v3/messages/{messageId}/flag", authUser, flagMessage(true, false, (*request).pathReadableMessage, (*request).messageV3Body))
	s.route("DELETE /api/v3/messages/{messageId}/unflag", authUser, flagMessage(false, false, (*request).pathReadableMessage, (*request).messageV3Body))
	s.route("DELETE /api/v3/messages/{messageId}/clearFlags", authUser, clearFlags((*request).pathMessage, (*request).canModerateMessage, (*request).messageV3Body))
	s.route("GET /api/v3/messages/{messageId}/isFlaggedByMe", authUser, isFlaggedByMe((*request).pathMessage))
}

// queryMessagesV3 lists a channel's messages in segment order. Without
// options the newest page is returned (oldest first within the page);
// options[first]/[after] and options[last]/[before] select windows by
// channel segment, and the prev/next tokens move to older/newer pages.
func (s *Server) queryMessagesV3(c *request) error {
	channelID := c.q("channelId")
	if channelID == "" {
		return errBadRequest("Parameters validation error: channelId is required")
	}
	ch, err := c.channel(channelID)
	if err != nil {
		return err
	}
	if !c.canReadChannel(ch) {
		return errPermission("User is not a member of a channel")
	}
	kind := c.q("type")
	if err := enum("type", kind, v3Types...); err != nil {
		return err
	}
	var byParent, hasFlag, isDeleted *bool
	if err := c.qBools([]string{"filterByParentId", "hasFlag", "isDeleted"}, &byParent, &hasFlag, &isDeleted); err != nil {
		return err
	}
	seg, err := c.segmentOptions()
	if err != nil {
		return err
	}
	for _, name := range []string{"first", "last"} {
		if seg[name] > maxPageSize {
			return errBadRequest("Parameters validation error: options.%s must be at most 100", name)
		}
	}
	tags, exclude := c.qList("tags"), c.qList("excludeTags")
	parentID := c.q("parentId")
	var list []*message
	for _, m := range c.st.messages {
		if m.feedID != ch.defaultFeedID() || !deletedFilter(isDeleted, m.deleted, bothByDefault) {
			continue
		}
		if kind != "" && messageV3Type(m) != kind {
			continue
		}
		if byParent != nil && *byParent && m.parentID != parentID {
			continue
		}
		if hasFlag != nil && *hasFlag != (m.flags.count() > 0) {
			continue
		}
		if (len(tags) > 0 && !anyShared(tags, m.tags)) || anyShared(exclude, m.tags) {
			continue
		}
		if !seg.admits(m.segment) {
			continue
		}
		list = append(list, m)
	}
	sortByCreated(list, func(m *message) (time.Time, int64) { return time.Time{}, int64(m.segment) }, false)
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	if c.rawOpt("token") == "" {
		if n, ok := seg["first"]; ok {
			p.limit, p.offset = n, 0
		} else {
			if n, ok := seg["last"]; ok {
				p.limit = n
			}
			if p.offset = len(list) - p.limit; p.offset < 0 {
				p.offset = 0
			}
		}
	}
	win, cur := paginate(list, p)
	body := c.messagesV3Body(win)
	body.Paging = cur.nextPrev()
	return c.ok(body)
}

// messageV3Type is the v3 type of a message.
func messageV3Type(m *message) string {
	if containsString(v3Types, m.dataType) {
		return m.dataType
	}
	return "custom"
}
