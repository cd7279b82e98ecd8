package amitytest

import (
	"encoding/json"
	"time"
)

// maxMessageData caps the encoded size of a message's data.
const maxMessageData = 10 * 1024

// maxReferenceID caps a v5 message's referenceId. The spec says 30 characters, but the vendor
// clients send "LOCAL_" and a UUID, 42 characters, when the caller gives none (ts-sdk
// messageRepository/api/createMessage.ts:11 getLocalId, :127), so the service takes longer
// ones; the fake takes up to 100.
const maxReferenceID = 100

// message is a v5 chat message.
type message struct {
	id              string
	referenceID     string
	channelID       string // the channel's public ID (the state's key)
	feedID          string
	segment         int
	dataType        string
	data            map[string]any
	fileID          string
	thumbnailFileID string
	metadata        map[string]any
	tags            []string
	creatorID       string // the creator's public ID (the state's key)
	mentioned       []mentionedUsers
	reactions       reactionSet
	parentID        string
	flags           flagSet
	deleted         bool
	editedAt        time.Time
	createdAt       time.Time
	updatedAt       time.Time
	seq             int64
}

type mentionedUsers struct {
	Type    string   `json:"type"`
	UserIDs []string `json:"userIds"`
}

// messageJSON is the v5 message shape. As on the service (and as the vendor clients read
// it), channelId and creatorId are internal IDs and channelPublicId and creatorPublicId the
// public ones.
type messageJSON struct {
	MessageID       string           `json:"messageId"`
	ReferenceID     string           `json:"referenceId,omitempty"`
	NetworkID       string           `json:"networkId"`
	ChannelID       string           `json:"channelId"`
	ChannelPublicID string           `json:"channelPublicId"`
	ChannelType     string           `json:"channelType"`
	MessageFeedID   string           `json:"messageFeedId"`
	Segment         int              `json:"segment"`
	DataType        string           `json:"dataType"`
	Data            map[string]any   `json:"data"`
	FileID          string           `json:"fileId,omitempty"`
	ThumbnailFileID string           `json:"thumbnailFileId,omitempty"`
	Metadata        map[string]any   `json:"metadata"`
	Tags            []string         `json:"tags"`
	CreatorID       string           `json:"creatorId"`
	CreatorPublicID string           `json:"creatorPublicId"`
	MentionedUsers  []mentionedUsers `json:"mentionedUsers"`
	Reactions       map[string]any   `json:"reactions"`
	ReactionCount   int              `json:"reactionCount"`
	ParentID        string           `json:"parentId,omitempty"`
	Path            string           `json:"path"`
	FlagCount       int              `json:"flagCount"`
	ChildCount      int              `json:"childCount"`
	IsDeleted       bool             `json:"isDeleted"`
	EditedAt        string           `json:"editedAt"`
	CreatedAt       string           `json:"createdAt"`
	UpdatedAt       string           `json:"updatedAt"`
	MyReactions     []string         `json:"myReactions"`
}

type messagesResponse struct {
	Messages     []messageJSON     `json:"messages"`
	MessageFeeds []messageFeedJSON `json:"messageFeeds"`
	Files        []fileJSON        `json:"files"`
	Users        []userJSON        `json:"users"`
	Paging       *pagingTotal      `json:"paging,omitempty"`
}

func (st *state) channelType(channelID string) string {
	if ch := st.channels[channelID]; ch != nil {
		return ch.kind
	}
	return "community"
}

func (c *request) messageJSON(m *message) messageJSON {
	children := 0
	for _, other := range c.st.messages {
		if other.parentID == m.id && !other.deleted {
			children++
		}
	}
	mentioned := []mentionedUsers{}
	for _, mu := range m.mentioned {
		mentioned = append(mentioned, mentionedUsers{Type: mu.Type, UserIDs: nonNil(mu.UserIDs)})
	}
	channel := c.st.channelInternalID(m.channelID)
	return messageJSON{
		MessageID: m.id, ReferenceID: m.referenceID, NetworkID: networkID, ChannelID: channel,
		ChannelPublicID: m.channelID, ChannelType: c.st.channelType(m.channelID), MessageFeedID: m.feedID,
		Segment: m.segment, DataType: m.dataType, Data: obj(m.data), FileID: m.fileID,
		ThumbnailFileID: m.thumbnailFileID, Metadata: obj(m.metadata), Tags: nonNil(append([]string(nil), m.tags...)),
		CreatorID: c.st.userInternalID(m.creatorID), CreatorPublicID: m.creatorID,
		MentionedUsers: mentioned, Reactions: m.reactions.counts(), ReactionCount: len(m.reactions),
		ParentID: m.parentID, Path: networkID + "/chat/" + channel + "/" + m.feedID + "/" + m.id,
		FlagCount: m.flags.count(), ChildCount: children, IsDeleted: m.deleted, EditedAt: ts(m.editedAt),
		CreatedAt: ts(m.createdAt), UpdatedAt: ts(m.updatedAt), MyReactions: m.reactions.mine(c.identity),
	}
}

func (c *request) messagesBody(msgs []*message) messagesResponse {
	b := c.sideload()
	out := messagesResponse{Messages: []messageJSON{}, MessageFeeds: []messageFeedJSON{}}
	var feeds orderedSet
	for _, m := range msgs {
		out.Messages = append(out.Messages, c.messageJSON(m))
		b.addUser(m.creatorID)
		b.addFile(m.fileID)
		b.addFile(m.thumbnailFileID)
		feeds.add(m.feedID)
	}
	for _, id := range feeds.list {
		if f := c.st.feeds[id]; f != nil {
			out.MessageFeeds = append(out.MessageFeeds, c.messageFeedJSON(f))
		}
	}
	out.Users = b.users()
	out.Files = b.files()
	return out
}

// canReadChannel reports whether the caller may read a channel's messages.
func (c *request) canReadChannel(ch *channel) bool {
	return c.isAdmin || ch.isMember(c.identity) || (ch.kind != "conversation" && ch.isPublic && !ch.isBanned(c.identity))
}

// checkCanMessage enforces who may write into a channel.
func (c *request) checkCanMessage(ch *channel) error {
	me := c.me()
	if me.globalBan {
		return errGlobalBan()
	}
	if ch.deleted {
		return errNotFound("Channel %s not found", ch.id)
	}
	if c.isAdmin {
		return nil
	}
	now := c.now()
	m := ch.members[me.id]
	switch {
	case ch.isBanned(me.id):
		return errBanned()
	case m == nil || m.status != "member":
		return errPermission("User is not a member of a channel")
	case ch.closed:
		return errForbidden("Channel is closed.")
	case ch.isModerator(me.id):
		return nil
	case ch.kind == "broadcast":
		return errPermission("Only administrator can do this")
	case mutedAt(ch.muted, ch.muteTimeout, now):
		return &apiError{403, codeChannelMuted, "Channel is muted."}
	case mutedAt(m.muted, m.muteTimeout, now):
		return &apiError{403, codeUserMuted, "User is muted from the channel."}
	}
	return nil
}

// message finds a message (deleted ones too).
func (c *request) message(id string) (*message, error) {
	return lookupIn(c.st.messages, id, "Message %s not found")
}

// readableMessageByID is the message id when it exists and the caller may read its channel,
// else nil (see readableMessage for the errors).
func (c *request) readableMessageByID(id string) *message {
	if m := c.st.messages[id]; m != nil {
		if ch := c.st.channels[m.channelID]; ch != nil && c.canReadChannel(ch) {
			return m
		}
	}
	return nil
}

// canModerateMessage reports whether the caller moderates a message's channel.
func (c *request) canModerateMessage(m *message) bool {
	if c.isAdmin {
		return true
	}
	ch := c.st.channels[m.channelID]
	return ch != nil && ch.isModerator(c.identity)
}

type messageRequest struct {
	MessageFeedID  string           `json:"messageFeedId"`
	ParentID       string           `json:"parentId"`
	ReferenceID    string           `json:"referenceId"`
	DataType       string           `json:"dataType"`
	Data           map[string]any   `json:"data"`
	FileID         string           `json:"fileId"`
	Metadata       map[string]any   `json:"metadata"`
	Tags           []string         `json:"tags"`
	MentionedUsers []mentionedUsers `json:"mentionedUsers"`
	CreatedAt      string           `json:"createdAt"`
}

// validateMessageFields checks data, tags and mentions.
func validateMessageFields(data map[string]any, tags []string, mentioned []mentionedUsers) error {
	if data != nil {
		b, _ := json.Marshal(data)
		if len(b) > maxMessageData {
			return errBadRequest("Parameters validation error: data must be smaller than 10 KB")
		}
		if v, ok := data["text"]; ok {
			if _, isString := v.(string); !isString {
				return errBadRequest("Parameters validation error: data.text must be a string")
			}
		}
	}
	if len(tags) > 10 {
		return errBadRequest("Parameters validation error: at most 10 tags")
	}
	for _, t := range tags {
		if err := maxLen("tags", t, 30); err != nil {
			return err
		}
	}
	for _, mu := range mentioned {
		if err := enum("mentionedUsers.type", mu.Type, "channel", "user"); err != nil {
			return err
		}
		if len(mu.UserIDs) > 50 {
			return errBadRequest("Parameters validation error: at most 50 mentioned users")
		}
	}
	return nil
}

func (s *Server) createMessage(c *request) error {
	var req messageRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.MessageFeedID == "" || req.ReferenceID == "" || req.DataType == "" {
		return errBadRequest("Parameters validation error: messageFeedId, referenceId and dataType are required")
	}
	if err := maxLen("referenceId", req.ReferenceID, maxReferenceID); err != nil {
		return err
	}
	if err := maxLen("dataType", req.DataType, 20); err != nil {
		return err
	}
	f := c.st.feeds[req.MessageFeedID]
	if f == nil || f.deleted {
		return errNotFound("Message feed %s not found", req.MessageFeedID)
	}
	m, err := c.postMessage(f, newMessage{
		referenceID: req.ReferenceID, dataType: req.DataType, data: req.Data, fileID: req.FileID,
		parentID: req.ParentID, metadata: req.Metadata, tags: req.Tags, mentioned: req.MentionedUsers,
		createdAt: req.CreatedAt,
	})
	if err != nil {
		return err
	}
	return c.ok(c.messagesBody([]*message{m}))
}

// newMessage is a message to post, from either API version.
type newMessage struct {
	id          string // requested id (v3); "" for a fresh one
	referenceID string // client reference (v5): a correlation key; a repeat is a new message
	dataType    string
	data        map[string]any
	fileID      string
	parentID    string
	metadata    map[string]any
	tags        []string
	mentioned   []mentionedUsers
	createdAt   string
}

// postMessage validates and stores a message in feed f.
func (c *request) postMessage(f *messageFeed, in newMessage) (*message, error) {
	if err := validateMessageFields(in.data, in.tags, in.mentioned); err != nil {
		return nil, err
	}
	text, _ := in.data["text"].(string)
	switch in.dataType {
	case "text":
		if text == "" {
			return nil, errBadRequest("Text is required in data object.")
		}
	case "image", "file", "video", "audio":
		if in.fileID == "" {
			return nil, errBadRequest("File is required in data object.")
		}
	}
	if in.fileID != "" && c.st.files[in.fileID] == nil {
		return nil, errNotFound("File %s not found", in.fileID)
	}
	ch := c.st.channels[f.channelID]
	if ch == nil {
		return nil, errNotFound("Channel %s not found", f.channelID)
	}
	if err := c.checkCanMessage(ch); err != nil {
		return nil, err
	}
	me := c.me()
	if in.id != "" && c.st.messages[in.id] != nil {
		return nil, errDuplicate()
	}
	if in.parentID != "" {
		parent := c.st.messages[in.parentID]
		if parent == nil || parent.deleted || parent.feedID != f.id {
			return nil, errNotFound("Message %s not found", in.parentID)
		}
	}
	if err := c.st.checkText(text); err != nil {
		return nil, err
	}
	now := c.now()
	if in.createdAt != "" {
		t, err := time.Parse(time.RFC3339Nano, in.createdAt)
		if err != nil {
			return nil, errBadRequest("Parameters validation error: createdAt must be a date-time")
		}
		now = t.UTC()
	}
	if in.id == "" {
		in.id = c.st.newID()
	}
	m := &message{
		id: in.id, referenceID: in.referenceID, channelID: ch.id, feedID: f.id, segment: f.nextSegment + 1,
		dataType: in.dataType, data: obj(in.data), fileID: in.fileID, metadata: obj(in.metadata),
		tags: uniq(in.tags), creatorID: me.id, mentioned: in.mentioned, parentID: in.parentID,
		flags: flagSet{}, editedAt: now, createdAt: now, updatedAt: now, seq: c.st.nextSeq(),
	}
	if _, err := c.applyMessagePreHook("message.shouldCreate", m); err != nil {
		return nil, err
	}
	if c.st.messages[m.id] != nil { // the lock was released during the pre-hook
		return nil, errDuplicate()
	}
	f.nextSegment++
	m.segment = f.nextSegment
	c.st.messages[m.id] = m
	f.updatedAt = now
	ch.lastActivity = now
	if mem := ch.members[me.id]; mem != nil {
		mem.lastActivity = now
		if m.segment > mem.readToSegment {
			mem.readToSegment = m.segment
		}
	}
	c.emitMessage("message.didCreate", m)
	return m, nil
}

// msgQuery are the filters of the message listing operations.
type msgQuery struct {
	feedID    string
	creatorID string
	channelID string
	parentID  string
	isDeleted *bool
	hasFlags  *bool
	dataType  string
	include   []string
	exclude   []string
}

func (s *Server) listMessages(c *request, q msgQuery) error {
	c.bareOpts = true
	sortBy := c.opt("sortBy")
	if err := enum("options.sortBy", sortBy, "segmentAsc", "segmentDesc"); err != nil {
		return err
	}
	var err error
	if q.hasFlags, err = c.qBool("hasFlags"); err != nil {
		return err
	}
	if q.isDeleted, err = c.qBool("isDeleted"); err != nil {
		return err
	}
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	var list []*message
	for _, m := range c.st.messages {
		switch {
		case q.feedID != "" && m.feedID != q.feedID,
			q.creatorID != "" && m.creatorID != q.creatorID,
			q.channelID != "" && m.channelID != q.channelID,
			q.parentID != "" && m.parentID != q.parentID,
			!deletedFilter(q.isDeleted, m.deleted, liveByDefault),
			q.hasFlags != nil && *q.hasFlags != (m.flags.count() > 0),
			q.dataType != "" && m.dataType != q.dataType,
			len(q.include) > 0 && !anyShared(q.include, m.tags),
			anyShared(q.exclude, m.tags):
			continue
		}
		if q.creatorID != "" {
			if ch := c.st.channels[m.channelID]; ch == nil || !c.canReadChannel(ch) {
				continue
			}
		}
		list = append(list, m)
	}
	asc := sortBy == "segmentAsc"
	bySegment := func(m *message) (time.Time, int64) { return time.Time{}, int64(m.segment) }
	if q.feedID == "" {
		bySegment = func(m *message) (time.Time, int64) { return m.createdAt, m.seq }
	}
	sortByCreated(list, bySegment, !asc)
	if q.feedID != "" {
		list = cutAround(list, func(m *message) string { return m.id }, bySegment, c.opt("before"), c.opt("after"))
	}
	if around := c.opt("around"); around != "" && q.feedID != "" && c.rawOpt("token") == "" {
		if p.limit%2 != 0 {
			return errBadRequest("Parameters validation error: options.limit must be even with options.around")
		}
		idx := -1
		for i, m := range list {
			if m.id == around {
				idx = i
			}
		}
		if idx < 0 {
			return errNotFound("Message %s not found", around)
		}
		p.offset = idx - p.limit/2
		if p.offset < 0 {
			p.offset = 0
		}
	}
	win, cur := paginate(list, p)
	body := c.messagesBody(win)
	body.Paging = cur.withTotal()
	return c.ok(body)
}

// purgeMessage removes a message for good.
func (st *state) purgeMessage(m *message) { delete(st.messages, m.id) }

// routesMessages registers the v5 message operations (see routesMessageFeeds).
func (s *Server) routesMessages() {
	s.route("POST /api/v5/messages", authUser, s.createMessage)
	s.route("GET /api/v5/messages", authUser, func(c *request) error {
		q := msgQuery{feedID: c.q("messageFeedId"), parentID: c.q("parentId"), dataType: c.q("dataType"),
			include: c.qList("includeTags"), exclude: c.qList("excludeTags")}
		if q.feedID == "" {
			return errBadRequest("Parameters validation error: messageFeedId is required")
		}
		if _, _, err := c.feedFor(q.feedID); err != nil {
			return err
		}
		return s.listMessages(c, q)
	})
	s.route("GET /api/v5/messages/list", authUser, func(c *request) error {
		return listByIDs(c, "messageIds", 10, c.readableMessageByID, func(msgs []*message) any { return c.messagesBody(msgs) })
	})
	// GET /api/v5/messages/{messageId}/flags and /api/v5/messages/user/{creatorId}
	// share a shape, so one pattern serves both.
	s.route("GET /api/v5/messages/{first}/{second}", authUser, func(c *request) error {
		first, second := c.path("first"), c.path("second")
		if second == "flags" && c.st.messages[first] != nil {
			m := c.st.messages[first]
			_, flagged := m.flags[c.identity]
			return c.ok(map[string]bool{"result": flagged})
		}
		if first == "user" {
			q := msgQuery{creatorID: c.st.userPublicID(second), channelID: c.q("channelId")}
			if ch := c.st.channelByAnyID(q.channelID); ch != nil {
				q.channelID = ch.id
			}
			return s.listMessages(c, q)
		}
		return errNotFound("Message %s not found", first)
	})
	s.route("GET /api/v5/messages/{messageId}", authUser, func(c *request) error {
		m, err := c.message(c.path("messageId"))
		if err != nil {
			return err
		}
		if ch := c.st.channels[m.channelID]; ch == nil || !c.canReadChannel(ch) {
			return errPermission("User is not a member of a channel")
		}
		return c.ok(c.messagesBody([]*message{m}))
	})
	s.route("PUT /api/v5/messages/{messageId}", authUser, s.updateMessage)
	s.route("DELETE /api/v5/messages/{messageId}", authUser, func(c *request) error {
		m, err := c.message(c.path("messageId"))
		if err != nil {
			return err
		}
		if m.creatorID != c.identity && !c.canModerateMessage(m) {
			return errPermission("You are not allowed to do this.")
		}
		permanent, err := c.qBool("permanent")
		if err != nil {
			return err
		}
		if permanent != nil && *permanent {
			c.st.purgeMessage(m)
			return c.noContent()
		}
		if m.deleted {
			return errNotFound("Message %s not found", m.id)
		}
		m.deleted, m.updatedAt = true, c.now()
		return c.noContent()
	})
	s.route("POST /api/v5/messages/{messageId}/flags", authUser, flagMessage(true, true, (*request).pathLiveMessage, (*request).messageBody))
	s.route("DELETE /api/v5/messages/{messageId}/flags", authUser, flagMessage(false, false, (*request).pathMessage, (*request).messageBody))
	s.route("DELETE /api/v5/messages/{messageId}/flags/all", authUser, clearFlags((*request).pathMessage, (*request).canModerateMessage, (*request).messageBody))
}

func (s *Server) updateMessage(c *request) error {
	m, err := c.message(c.path("messageId"))
	if err != nil || m.deleted {
		return errNotFound("Message %s not found", c.path("messageId"))
	}
	var req messageEdit
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if err := c.editMessage(m, req); err != nil {
		return err
	}
	return c.ok(c.messagesBody([]*message{m}))
}

// messageEdit is the body of a message update (v5 mentionedUsers, v3
// mentionees).
type messageEdit struct {
	Data           map[string]any    `json:"data"`
	Metadata       *map[string]any   `json:"metadata"`
	Tags           *[]string         `json:"tags"`
	MentionedUsers *[]mentionedUsers `json:"mentionedUsers"`
	Mentionees     *[]mentionedUsers `json:"mentionees"`
}

// editMessage applies an update after checking rights and content.
func (c *request) editMessage(m *message, req messageEdit) error {
	if m.creatorID != c.identity && !c.canModerateMessage(m) {
		return errPermission("You are not allowed to do this.")
	}
	if c.me().globalBan {
		return errGlobalBan()
	}
	var tags []string
	setOpt(&tags, req.Tags)
	if req.MentionedUsers == nil {
		req.MentionedUsers = req.Mentionees
	}
	var mentioned []mentionedUsers
	setOpt(&mentioned, req.MentionedUsers)
	if err := validateMessageFields(req.Data, tags, mentioned); err != nil {
		return err
	}
	preview := *m
	if req.Data != nil {
		preview.data = req.Data
	}
	setOptWith(&preview.metadata, req.Metadata, obj)
	if req.Tags != nil {
		preview.tags = uniq(tags)
	}
	modified, err := c.applyMessagePreHook("message.shouldUpdate", &preview)
	if err != nil {
		return err
	}
	if modified { // the pre-hook's content replaces the update's
		req.Data, req.Metadata, tags = preview.data, &preview.metadata, preview.tags
		req.Tags = &tags
	}
	if req.Data != nil {
		text, _ := req.Data["text"].(string)
		if err := c.st.checkText(text); err != nil {
			return err
		}
		m.data = req.Data
	}
	setOptWith(&m.metadata, req.Metadata, obj)
	if req.Tags != nil {
		m.tags = uniq(tags)
	}
	if req.MentionedUsers != nil {
		m.mentioned = mentioned
	}
	now := c.now()
	m.editedAt, m.updatedAt = now, now
	c.emitMessage("message.didUpdate", m)
	return nil
}
