package amitytest

import (
	"sort"
	"strings"
	"time"
)

// channel is a chat channel.
type channel struct {
	id               string
	internalID       string
	creatorID        string
	kind             string // community, live, broadcast or conversation
	displayName      string
	avatarFileID     string
	isDistinct       bool
	isPublic         bool
	metadata         map[string]any
	tags             []string
	muted            bool
	muteTimeout      time.Time // zero: muted until unmuted
	autoDelete       bool
	autoDeleteLimit  int
	notificationMode string
	members          memberSet
	closed           bool
	deleted          bool
	lastActivity     time.Time
	createdAt        time.Time
	updatedAt        time.Time
	seq              int64
}

type channelJSON struct {
	ID                           string         `json:"_id"`
	Path                         string         `json:"path"`
	ChannelID                    string         `json:"channelId"`
	ChannelInternalID            string         `json:"channelInternalId"`
	ChannelPublicID              string         `json:"channelPublicId"`
	IsDistinct                   bool           `json:"isDistinct"`
	Metadata                     map[string]any `json:"metadata"`
	Type                         string         `json:"type"`
	Tags                         []string       `json:"tags"`
	IsMuted                      bool           `json:"isMuted"`
	IsRateLimited                bool           `json:"isRateLimited"`
	MuteTimeout                  *string        `json:"muteTimeout,omitempty"`
	DisplayName                  string         `json:"displayName"`
	MessageAutoDeleteEnabled     bool           `json:"messageAutoDeleteEnabled"`
	AutoDeleteMessageByFlagLimit int            `json:"autoDeleteMessageByFlagLimit,omitempty"`
	MemberCount                  int            `json:"memberCount"`
	MessageCount                 int            `json:"messageCount"`
	LastActivity                 string         `json:"lastActivity"`
	CreatedAt                    string         `json:"createdAt"`
	UpdatedAt                    string         `json:"updatedAt"`
	AvatarFileID                 string         `json:"avatarFileId,omitempty"`
	IsDeleted                    bool           `json:"isDeleted"`
	MessagePreviewID             string         `json:"messagePreviewId,omitempty"`
	IsPublic                     bool           `json:"isPublic"`
	NotificationMode             string         `json:"notificationMode"`
}

// messagePreviewJSON is a channel's message preview: like a message, channelId and creatorId
// are internal IDs, channelPublicId and creatorPublicId the public ones.
type messagePreviewJSON struct {
	MessageID       string         `json:"messageId"`
	ChannelID       string         `json:"channelId"`
	ChannelPublicID string         `json:"channelPublicId"`
	MessageFeedID   string         `json:"messageFeedId"`
	Segment         int            `json:"segment"`
	DataType        string         `json:"dataType"`
	Data            map[string]any `json:"data"`
	CreatorID       string         `json:"creatorId"`
	CreatorPublicID string         `json:"creatorPublicId"`
	ParentID        string         `json:"parentId,omitempty"`
	IsDeleted       bool           `json:"isDeleted"`
	CreatedAt       string         `json:"createdAt"`
	UpdatedAt       string         `json:"updatedAt"`
}

type messageFeedInfoJSON struct {
	MessageFeedID    string `json:"messageFeedId"`
	Name             string `json:"name"`
	CreatedAt        string `json:"createdAt"`
	UpdatedAt        string `json:"updatedAt"`
	MessagePreviewID string `json:"messagePreviewId,omitempty"`
}

type channelsResponse struct {
	Channels         []channelJSON         `json:"channels"`
	ChannelUsers     []channelUserJSON     `json:"channelUsers"`
	MessagePreviews  []messagePreviewJSON  `json:"messagePreviews"`
	MessageFeedsInfo []messageFeedInfoJSON `json:"messageFeedsInfo"`
	Users            []userJSON            `json:"users"`
	Files            []fileJSON            `json:"files"`
	Paging           *pagingNextPrev       `json:"paging,omitempty"`
}

// mutedAt reports whether a mute (flag plus timeout) is in force at now.
func mutedAt(muted bool, timeout, now time.Time) bool {
	return muted && (timeout.IsZero() || now.Before(timeout))
}

func (c *request) canModerateChannel(ch *channel) bool {
	return c.isAdmin || ch.isModerator(c.identity)
}

// channelMessages returns the live messages of a channel.
func (st *state) channelMessages(ch *channel) []*message {
	var out []*message
	for _, m := range st.messages {
		if m.channelID == ch.id && !m.deleted {
			out = append(out, m)
		}
	}
	return out
}

// defaultFeedID is the ID of the channel's default message feed: its internal ID, as on the
// service (the vendor clients take a channel's default sub-channel ID from
// channelInternalId).
func (ch *channel) defaultFeedID() string { return ch.internalID }

// channelByAnyID finds a channel by public or internal ID.
func (st *state) channelByAnyID(id string) *channel {
	if ch := st.channels[id]; ch != nil {
		return ch
	}
	for _, ch := range st.channels {
		if ch.internalID == id {
			return ch
		}
	}
	return nil
}

// channelInternalID returns the internal ID of the channel with public ID id (id itself for
// an unknown channel).
func (st *state) channelInternalID(id string) string {
	if ch := st.channels[id]; ch != nil {
		return ch.internalID
	}
	return id
}

// lastMessage returns the newest live message of a feed.
func (st *state) lastMessage(feedID string) *message {
	var last *message
	for _, m := range st.messages {
		if m.feedID == feedID && !m.deleted && (last == nil || m.segment > last.segment) {
			last = m
		}
	}
	return last
}

func (c *request) channelJSON(ch *channel) channelJSON {
	members := 0
	for _, m := range ch.members {
		if m.status == "member" {
			members++
		}
	}
	preview := ""
	if m := c.st.lastMessage(ch.defaultFeedID()); m != nil {
		preview = m.id
	}
	mode := ch.notificationMode
	if mode == "" {
		mode = "default"
	}
	var muteTimeout *string
	if mutedAt(ch.muted, ch.muteTimeout, c.now()) {
		muteTimeout = tsPtr(ch.muteTimeout)
	}
	return channelJSON{
		ID: ch.internalID, Path: networkID + "/chat/" + ch.internalID, ChannelID: ch.id,
		ChannelInternalID: ch.internalID, ChannelPublicID: ch.id, IsDistinct: ch.isDistinct,
		Metadata: obj(ch.metadata), Type: ch.kind, Tags: nonNil(append([]string(nil), ch.tags...)),
		IsMuted: mutedAt(ch.muted, ch.muteTimeout, c.now()), MuteTimeout: muteTimeout,
		DisplayName: ch.displayName, MessageAutoDeleteEnabled: ch.autoDelete,
		AutoDeleteMessageByFlagLimit: ch.autoDeleteLimit, MemberCount: members,
		MessageCount: len(c.st.channelMessages(ch)), LastActivity: ts(ch.lastActivity),
		CreatedAt: ts(ch.createdAt), UpdatedAt: ts(ch.updatedAt), AvatarFileID: ch.avatarFileID,
		IsDeleted: ch.deleted, MessagePreviewID: preview, IsPublic: ch.isPublic, NotificationMode: mode,
	}
}

// channelsBody renders channels with their sideloads; members are extra
// membership records of the single channel.
func (c *request) channelsBody(chans []*channel, members []*membership) channelsResponse {
	return c.channelsBodyOpt(chans, members, false)
}

// channelsBodyOpt is channelsBody; with onlyMembers the channelUsers are
// exactly members.
func (c *request) channelsBodyOpt(chans []*channel, members []*membership, onlyMembers bool) channelsResponse {
	b := c.sideload()
	out := channelsResponse{
		Channels: []channelJSON{}, ChannelUsers: []channelUserJSON{}, MessagePreviews: []messagePreviewJSON{},
		MessageFeedsInfo: []messageFeedInfoJSON{},
	}
	seen := map[string]bool{}
	addMember := func(ch *channel, m *membership) {
		if key := ch.id + "\x00" + m.userID; !seen[key] {
			seen[key] = true
			out.ChannelUsers = append(out.ChannelUsers, c.channelUserJSON(ch, m))
			b.addUser(m.userID)
		}
	}
	for _, ch := range chans {
		out.Channels = append(out.Channels, c.channelJSON(ch))
		b.addUser(ch.creatorID)
		b.addFile(ch.avatarFileID)
		if m := ch.members[c.identity]; m != nil && !onlyMembers {
			addMember(ch, m)
		}
		if f := c.st.feeds[ch.defaultFeedID()]; f != nil {
			info := messageFeedInfoJSON{MessageFeedID: f.id, Name: f.name, CreatedAt: ts(f.createdAt), UpdatedAt: ts(f.updatedAt)}
			if m := c.st.lastMessage(f.id); m != nil {
				info.MessagePreviewID = m.id
				out.MessagePreviews = append(out.MessagePreviews, messagePreviewJSON{
					MessageID: m.id, ChannelID: ch.internalID, ChannelPublicID: ch.id, MessageFeedID: m.feedID,
					Segment: m.segment, DataType: m.dataType, Data: obj(m.data),
					CreatorID: c.st.userInternalID(m.creatorID), CreatorPublicID: m.creatorID, ParentID: m.parentID,
					IsDeleted: m.deleted, CreatedAt: ts(m.createdAt), UpdatedAt: ts(m.updatedAt),
				})
				b.addUser(m.creatorID)
			}
			out.MessageFeedsInfo = append(out.MessageFeedsInfo, info)
		}
	}
	if len(chans) == 1 {
		for _, m := range members {
			addMember(chans[0], m)
		}
	}
	out.Users = b.users()
	out.Files = b.files()
	return out
}

// channel finds a channel (deleted ones too).
func (c *request) channel(id string) (*channel, error) {
	return lookupIn(c.st.channels, id, "Channel %s not found")
}

// liveChannel finds a channel that is not deleted.
func (c *request) liveChannel(id string) (*channel, error) {
	return liveIn(c.st.channels, id, "Channel %s not found")
}

// visibleChannel is the channel id when it exists and the caller may see it, else nil.
func (c *request) visibleChannel(id string) *channel {
	if ch := c.st.channels[id]; ch != nil && c.canSeeChannel(ch) {
		return ch
	}
	return nil
}

// canSeeChannel hides conversations from non-members.
func (c *request) canSeeChannel(ch *channel) bool {
	return c.isAdmin || ch.kind != "conversation" || ch.members[c.identity] != nil
}

// newChannel creates a channel with its default message feed.
func (st *state) newChannel(id, kind, creatorID string, now time.Time) *channel {
	ch := st.draftChannel(id, kind, creatorID, now)
	st.storeChannel(ch)
	return ch
}

// draftChannel makes a channel that is not stored yet (see storeChannel).
func (st *state) draftChannel(id, kind, creatorID string, now time.Time) *channel {
	if id == "" {
		id = st.newID()
	}
	return &channel{
		id: id, internalID: st.newID(), creatorID: creatorID, kind: kind, isPublic: kind != "conversation",
		metadata: map[string]any{}, tags: []string{}, notificationMode: "default", members: map[string]*membership{},
		lastActivity: now, createdAt: now, updatedAt: now, seq: st.nextSeq(),
	}
}

// storeChannel stores a drafted channel and gives it its default message feed, whose ID is
// the channel's internal ID.
func (st *state) storeChannel(ch *channel) {
	st.channels[ch.id] = ch
	st.feeds[ch.defaultFeedID()] = &messageFeed{
		id: ch.defaultFeedID(), channelID: ch.id, isDefault: true, name: "default", creatorID: ch.creatorID,
		createdAt: ch.createdAt, updatedAt: ch.createdAt, seq: st.nextSeq(),
	}
}

// addChannel asks the pre-hook (channel.shouldCreate) about the drafted channel ch, applies
// the reply's modification (displayName, metadata, tags) and stores ch. A channel of ch's ID
// created while the pre-hook ran makes it a duplicate; a denial stores nothing.
func (c *request) addChannel(ch *channel) error {
	mod, err := c.preHook("channel.shouldCreate", c.channelJSON(ch))
	if err != nil {
		return err
	}
	applyChannelEdit(ch, mod)
	if c.st.channels[ch.id] != nil { // the lock was released during the pre-hook
		return errDuplicate()
	}
	c.st.storeChannel(ch)
	return nil
}

type channelRequest struct {
	ChannelID                    string          `json:"channelId"`
	Type                         string          `json:"type"`
	DisplayName                  *string         `json:"displayName"`
	AvatarFileID                 *string         `json:"avatarFileId"`
	Metadata                     *map[string]any `json:"metadata"`
	Tags                         *[]string       `json:"tags"`
	UserIDs                      []string        `json:"userIds"`
	IsMuted                      *bool           `json:"isMuted"`
	MessageAutoDeleteEnabled     *bool           `json:"messageAutoDeleteEnabled"`
	AutoDeleteMessageByFlagLimit *int            `json:"autoDeleteMessageByFlagLimit"`
	IsPublic                     *bool           `json:"isPublic"`
	NotificationMode             *string         `json:"notificationMode"`
	IsDistinct                   *bool           `json:"isDistinct"`
}

func (req *channelRequest) validate(c *request) error {
	if req.DisplayName != nil {
		if err := maxLen("displayName", *req.DisplayName, 100); err != nil {
			return err
		}
	}
	if req.Tags != nil && len(*req.Tags) > 10 {
		return errBadRequest("Parameters validation error: at most 10 tags")
	}
	if req.AutoDeleteMessageByFlagLimit != nil && (*req.AutoDeleteMessageByFlagLimit < 1 || *req.AutoDeleteMessageByFlagLimit > 1000) {
		return errBadRequest("Parameters validation error: autoDeleteMessageByFlagLimit must be within 1 and 1000")
	}
	if req.AvatarFileID != nil && *req.AvatarFileID != "" && c.st.files[*req.AvatarFileID] == nil {
		return errNotFound("File not found.")
	}
	if req.NotificationMode != nil {
		if err := enum("notificationMode", *req.NotificationMode, "default", "silent", "subscribe"); err != nil {
			return err
		}
	}
	for _, id := range req.UserIDs {
		if c.st.liveUser(id) == nil {
			return errNotFound("User Not Found.")
		}
	}
	return nil
}

func (req *channelRequest) apply(ch *channel) {
	setOpt(&ch.displayName, req.DisplayName)
	setOpt(&ch.avatarFileID, req.AvatarFileID)
	setOptWith(&ch.metadata, req.Metadata, obj)
	setOptWith(&ch.tags, req.Tags, uniq)
	if req.IsMuted != nil {
		ch.muted, ch.muteTimeout = *req.IsMuted, time.Time{}
	}
	setOpt(&ch.autoDelete, req.MessageAutoDeleteEnabled)
	setOpt(&ch.autoDeleteLimit, req.AutoDeleteMessageByFlagLimit)
	setOpt(&ch.isPublic, req.IsPublic)
	setOpt(&ch.notificationMode, req.NotificationMode)
}

// routesChannels registers the operations on channels themselves (see routesChannelMembers).
func (s *Server) routesChannels() {
	s.route("POST /api/v3/channels", authUser, s.createChannel)
	s.route("POST /api/v3/channels/conversation", authUser, s.createConversation)
	s.route("GET /api/v3/channels", authUser, s.queryChannels)
	s.route("GET /api/v3/channels/list", authUser, func(c *request) error {
		return listByIDs(c, "channelIds", 100, c.visibleChannel, func(chans []*channel) any { return c.channelsBody(chans, nil) })
	})
	s.route("GET /api/v3/channels/{channelId}", authUser, func(c *request) error {
		ch, err := c.channel(c.path("channelId"))
		if err != nil {
			return err
		}
		if !c.canSeeChannel(ch) {
			return errPermission("User is not a member of a channel")
		}
		return c.ok(c.channelsBody([]*channel{ch}, nil))
	})
	s.route("PUT /api/v3/channels/{channelId}", authUser, func(c *request) error {
		if _, err := c.liveChannel(c.path("channelId")); err != nil {
			return err
		}
		var req channelRequest
		if err := c.decode(&req, true); err != nil {
			return err
		}
		req.UserIDs, req.IsMuted, req.IsPublic = nil, nil, nil
		ch, mod, err := preHookFor(c, "channel.shouldUpdate", func() (*channel, error) {
			ch, err := c.liveChannel(c.path("channelId"))
			if err != nil {
				return nil, err
			}
			if !c.canModerateChannel(ch) {
				return nil, errPermission("You are not allowed to do this.")
			}
			return ch, req.validate(c)
		}, func(ch *channel) channelJSON { // the channel as the update leaves it
			preview := *ch
			req.apply(&preview)
			return c.channelJSON(&preview)
		})
		if err != nil {
			return err
		}
		req.apply(ch)
		applyChannelEdit(ch, mod)
		ch.updatedAt = c.now()
		return c.ok(c.channelsBody([]*channel{ch}, nil))
	})
	s.route("DELETE /api/v3/channels/{channelId}", authUser, func(c *request) error {
		ch, err := c.liveChannel(c.path("channelId"))
		if err != nil {
			return err
		}
		if !c.canModerateChannel(ch) {
			return errPermission("You are not allowed to do this.")
		}
		ch.deleted, ch.updatedAt = true, c.now()
		return c.ok(successData())
	})
	s.route("PUT /api/v2/channel/{channelId}/mute", authUser, func(c *request) error {
		ch, err := c.liveChannel(c.path("channelId"))
		if err != nil {
			return err
		}
		var req struct {
			MutePeriod *float64 `json:"mutePeriod"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.MutePeriod == nil {
			return errBadRequest("Parameters validation error: mutePeriod is required")
		}
		if !c.canModerateChannel(ch) {
			return errPermission("You are not allowed to do this.")
		}
		ch.muted, ch.muteTimeout = muteFor(*req.MutePeriod, c.now())
		ch.updatedAt = c.now()
		return c.ok(successBody)
	})
	s.route("POST /api/v2/channels/{channelId}/close", authUser, func(c *request) error {
		ch, err := c.liveChannel(c.path("channelId"))
		if err != nil {
			return err
		}
		if !c.canModerateChannel(ch) {
			return errPermission("You are not allowed to do this.")
		}
		ch.closed, ch.updatedAt = true, c.now()
		return c.noContent()
	})
}

// muteFor turns a mute period in milliseconds into a mute state: 0 unmutes,
// a negative period mutes until unmuted.
func muteFor(periodMS float64, now time.Time) (bool, time.Time) {
	switch {
	case periodMS == 0:
		return false, time.Time{}
	case periodMS < 0:
		return true, time.Time{}
	}
	return true, now.Add(time.Duration(periodMS * float64(time.Millisecond)))
}

func (s *Server) createChannel(c *request) error {
	if err := c.chatDisabled(); err != nil { // network_settings.go
		return err
	}
	var req channelRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.Type == "" {
		req.Type = "community"
	}
	if err := enum("type", req.Type, "community", "live", "broadcast"); err != nil {
		return err
	}
	if err := maxLen("channelId", req.ChannelID, 100); err != nil {
		return err
	}
	if len(req.UserIDs) > 1000 {
		return errBadRequest("Parameters validation error: at most 1000 userIds")
	}
	if err := req.validate(c); err != nil {
		return err
	}
	if req.ChannelID != "" && c.st.channels[req.ChannelID] != nil {
		return errDuplicate()
	}
	me := c.me()
	if me.globalBan {
		return errGlobalBan()
	}
	now := c.now()
	ch := c.st.draftChannel(req.ChannelID, req.Type, me.id, now)
	req.apply(ch)
	m := c.st.setMember(ch.members, me.id, "member", now)
	m.roles = []string{roleChannelModerator}
	for _, id := range uniq(req.UserIDs) {
		c.st.setMember(ch.members, id, "member", now)
	}
	if err := c.addChannel(ch); err != nil {
		return err
	}
	c.emitChannel("channel.didCreate", ch, append([]string{me.id}, uniq(req.UserIDs)...))
	return c.ok(c.channelsBody([]*channel{ch}, nil))
}

func (s *Server) createConversation(c *request) error {
	if err := c.chatDisabled(); err != nil { // network_settings.go
		return err
	}
	var req channelRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	ids := uniq(req.UserIDs)
	if len(ids) == 0 || len(ids) > 10 {
		return errBadRequest("Parameters validation error: userIds must have 1 to 10 items")
	}
	if err := req.validate(c); err != nil {
		return err
	}
	me := c.me()
	if me.globalBan {
		return errGlobalBan()
	}
	ids = addUnique(ids, me.id)
	distinct := req.IsDistinct == nil || *req.IsDistinct
	if distinct {
		want := append([]string(nil), ids...)
		sort.Strings(want)
		for _, ch := range c.st.channels {
			if ch.kind != "conversation" || !ch.isDistinct || ch.deleted {
				continue
			}
			var have []string
			for id, m := range ch.members {
				if m.status == "member" {
					have = append(have, id)
				}
			}
			sort.Strings(have)
			if strings.Join(have, "\x00") == strings.Join(want, "\x00") {
				return c.ok(c.channelsBody([]*channel{ch}, nil))
			}
		}
	}
	now := c.now()
	ch := c.st.draftChannel("", "conversation", me.id, now)
	ch.isDistinct = distinct
	req.IsMuted, req.IsPublic = nil, nil
	req.apply(ch)
	for _, id := range ids {
		c.st.setMember(ch.members, id, "member", now)
	}
	if err := c.addChannel(ch); err != nil {
		return err
	}
	return c.ok(c.channelsBody([]*channel{ch}, nil))
}

func (s *Server) queryChannels(c *request) error {
	filter, sortBy := c.q("filter"), c.q("sortBy")
	if err := enum("filter", filter, "all", "member", "notMember", "flagged"); err != nil {
		return err
	}
	if err := enum("sortBy", sortBy, "lastActivity", "lastCreated", "firstCreated", "displayName"); err != nil {
		return err
	}
	types := c.qList("types")
	for _, t := range types {
		if err := enum("types", t, "standard", "private", "conversation", "broadcast", "live", "community"); err != nil {
			return err
		}
	}
	isDeleted, p, err := c.deletedAndPage()
	if err != nil {
		return err
	}
	keyword := strings.ToLower(c.q("keyword"))
	tags, excludeTags := c.qList("tags"), c.qList("excludeTags")
	memberOf := c.q("userId")
	excludeArchives, err := c.qBool("excludeArchives") // spec 4.116.1: leave the caller's archived channels out
	if err != nil {
		return err
	}
	var list []*channel
	for _, ch := range c.st.channels {
		if !deletedFilter(isDeleted, ch.deleted, bothByDefault) || !c.canSeeChannel(ch) {
			continue
		}
		if excludeArchives != nil && *excludeArchives && c.st.isArchived(c.identity, ch) {
			continue
		}
		if len(types) > 0 && !containsString(types, ch.kind) {
			continue
		}
		if keyword != "" && !strings.Contains(strings.ToLower(ch.displayName), keyword) {
			continue
		}
		if (len(tags) > 0 && !anyShared(tags, ch.tags)) || anyShared(excludeTags, ch.tags) {
			continue
		}
		if memberOf != "" && !ch.isMember(memberOf) {
			continue
		}
		joined := ch.isMember(c.identity)
		switch filter {
		case "member":
			if !joined {
				continue
			}
		case "notMember":
			if joined {
				continue
			}
		case "flagged":
			flagged := false
			for _, m := range c.st.channelMessages(ch) {
				if m.flags.count() > 0 {
					flagged = true
				}
			}
			if !flagged {
				continue
			}
		}
		list = append(list, ch)
	}
	switch sortBy {
	case "displayName":
		sortByName(list, func(x *channel) string { return x.displayName }, func(x, y *channel) bool { return x.seq < y.seq })
	case "lastCreated", "firstCreated":
		sortByCreated(list, func(ch *channel) (time.Time, int64) { return ch.createdAt, ch.seq }, sortBy == "lastCreated")
	default:
		sortByCreated(list, func(ch *channel) (time.Time, int64) { return ch.lastActivity, ch.seq }, true)
	}
	win, cur := paginate(list, p)
	body := c.channelsBody(win, nil)
	body.Paging = cur.nextPrev()
	return c.ok(body)
}
