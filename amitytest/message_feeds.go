package amitytest

import "time"

// messageFeed is a v5 message feed (sub-channel). Every channel has a
// default feed whose id is the channel's internal ID (channelInternalId).
type messageFeed struct {
	id          string
	channelID   string // the channel's public ID (the state's key)
	isDefault   bool   // the channel's default feed
	name        string
	creatorID   string
	nextSegment int
	deleted     bool
	editedAt    time.Time
	createdAt   time.Time
	updatedAt   time.Time
	seq         int64
}

// messageFeedJSON is the v5 message feed shape: channelId and creatorId are internal IDs,
// channelPublicId and creatorPublicId the public ones.
type messageFeedJSON struct {
	MessageFeedID        string  `json:"messageFeedId"`
	ChannelID            string  `json:"channelId"`
	ChannelPublicID      string  `json:"channelPublicId"`
	ChannelType          string  `json:"channelType"`
	Name                 string  `json:"name"`
	LastMessageID        string  `json:"lastMessageId,omitempty"`
	LastMessageTimestamp *string `json:"lastMessageTimestamp,omitempty"`
	CreatorID            string  `json:"creatorId"`
	CreatorPublicID      string  `json:"creatorPublicId"`
	Path                 string  `json:"path"`
	ChildCount           int     `json:"childCount"`
	IsDeleted            bool    `json:"isDeleted"`
	EditedAt             string  `json:"editedAt"`
	CreatedAt            string  `json:"createdAt"`
	UpdatedAt            string  `json:"updatedAt"`
	MessagePreviewID     string  `json:"messagePreviewId,omitempty"`
}

type messageFeedsResponse struct {
	MessageFeeds []messageFeedJSON `json:"messageFeeds"`
	Messages     []messageJSON     `json:"messages"`
	Users        []userJSON        `json:"users"`
	Paging       *pagingTotal      `json:"paging,omitempty"`
}

func (c *request) messageFeedJSON(f *messageFeed) messageFeedJSON {
	count := 0
	for _, m := range c.st.messages {
		if m.feedID == f.id && !m.deleted {
			count++
		}
	}
	channel := c.st.channelInternalID(f.channelID)
	out := messageFeedJSON{
		MessageFeedID: f.id, ChannelID: channel, ChannelPublicID: f.channelID,
		ChannelType: c.st.channelType(f.channelID), Name: f.name, CreatorID: c.st.userInternalID(f.creatorID),
		CreatorPublicID: f.creatorID, Path: networkID + "/chat/" + channel + "/" + f.id, ChildCount: count, IsDeleted: f.deleted,
		EditedAt: ts(f.editedAt), CreatedAt: ts(f.createdAt), UpdatedAt: ts(f.updatedAt),
	}
	if f.editedAt.IsZero() {
		out.EditedAt = ts(f.createdAt)
	}
	if last := c.st.lastMessage(f.id); last != nil {
		out.LastMessageID, out.LastMessageTimestamp, out.MessagePreviewID = last.id, tsPtr(last.createdAt), last.id
	}
	return out
}

func (c *request) messageFeedsBody(feeds []*messageFeed) messageFeedsResponse {
	b := c.sideload()
	out := messageFeedsResponse{MessageFeeds: []messageFeedJSON{}, Messages: []messageJSON{}}
	for _, f := range feeds {
		out.MessageFeeds = append(out.MessageFeeds, c.messageFeedJSON(f))
		b.addUser(f.creatorID)
		if last := c.st.lastMessage(f.id); last != nil {
			out.Messages = append(out.Messages, c.messageJSON(last))
			b.addUser(last.creatorID)
		}
	}
	out.Users = b.users()
	return out
}

// feedFor finds a message feed and checks read access to its channel.
func (c *request) feedFor(id string) (*messageFeed, *channel, error) {
	f := c.st.feeds[id]
	if f == nil {
		return nil, nil, errNotFound("Message feed %s not found", id)
	}
	ch := c.st.channels[f.channelID]
	if ch == nil {
		return nil, nil, errNotFound("Channel %s not found", f.channelID)
	}
	if !c.canReadChannel(ch) {
		return nil, nil, errPermission("User is not a member of a channel")
	}
	return f, ch, nil
}

func (s *Server) routesMessageFeeds() {
	s.route("POST /api/v5/message-feeds", authUser, func(c *request) error {
		var req struct {
			Name      string `json:"name"`
			ChannelID string `json:"channelId"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.Name == "" || req.ChannelID == "" {
			return &apiError{422, codeBusiness, "Parameters validation error: name and channelId are required"}
		}
		if err := maxLen("name", req.Name, 100); err != nil {
			return err
		}
		ch := c.st.channelByAnyID(req.ChannelID)
		if ch == nil || ch.deleted {
			return errNotFound("Channel %s not found", req.ChannelID)
		}
		if err := c.checkCanMessage(ch); err != nil {
			return err
		}
		now := c.now()
		f := &messageFeed{id: c.st.newID(), channelID: ch.id, name: req.Name, creatorID: c.me().id,
			createdAt: now, updatedAt: now, seq: c.st.nextSeq()}
		c.st.feeds[f.id] = f
		return c.ok(c.messageFeedsBody([]*messageFeed{f}))
	})
	s.route("GET /api/v5/message-feeds/{messageFeedId}", authUser, func(c *request) error {
		f, _, err := c.feedFor(c.path("messageFeedId"))
		if err != nil {
			return err
		}
		return c.ok(c.messageFeedsBody([]*messageFeed{f}))
	})
	s.route("PUT /api/v5/message-feeds/{messageFeedId}", authUser, func(c *request) error {
		f, ch, err := c.feedFor(c.path("messageFeedId"))
		if err != nil {
			return err
		}
		var req struct {
			Name string `json:"name"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.Name == "" {
			return &apiError{422, codeBusiness, "Parameters validation error: name is required"}
		}
		if err := maxLen("name", req.Name, 100); err != nil {
			return err
		}
		if f.creatorID != c.identity && !c.canModerateChannel(ch) {
			return errPermission("You are not allowed to do this.")
		}
		now := c.now()
		f.name, f.editedAt, f.updatedAt = req.Name, now, now
		return c.ok(c.messageFeedsBody([]*messageFeed{f}))
	})
	s.route("DELETE /api/v5/message-feeds/{messageFeedId}", authUser, func(c *request) error {
		f, ch, err := c.feedFor(c.path("messageFeedId"))
		if err != nil {
			return err
		}
		if f.isDefault {
			return errForbidden("The default message feed of a channel cannot be deleted")
		}
		if f.creatorID != c.identity && !c.canModerateChannel(ch) {
			return errPermission("You are not allowed to do this.")
		}
		permanent, err := c.qBool("permanent")
		if err != nil {
			return err
		}
		if permanent != nil && *permanent {
			for _, m := range c.st.messages {
				if m.feedID == f.id {
					delete(c.st.messages, m.id)
				}
			}
			delete(c.st.feeds, f.id)
			return c.noContent()
		}
		f.deleted, f.updatedAt = true, c.now()
		return c.noContent()
	})
	s.route("GET /api/v5/message-feeds/channel/{channelId}", authUser, func(c *request) error {
		ch := c.st.channelByAnyID(c.path("channelId"))
		if ch == nil {
			return errNotFound("Channel %s not found", c.path("channelId"))
		}
		if !c.canReadChannel(ch) {
			return errPermission("User is not a member of a channel")
		}
		return s.listFeeds(c, func(f *messageFeed) bool { return f.channelID == ch.id }, true)
	})
	s.route("GET /api/v5/message-feeds/list", authUser, func(c *request) error {
		return listByIDs(c, "messageFeedIds", 100, func(id string) *messageFeed {
			f, _, _ := c.feedFor(id)
			return f
		}, func(feeds []*messageFeed) any { return c.messageFeedsBody(feeds) })
	})
	s.route("GET /api/v5/message-feeds/user/{creatorId}", authUser, func(c *request) error {
		creator := c.st.userPublicID(c.path("creatorId"))
		return s.listFeeds(c, func(f *messageFeed) bool {
			ch := c.st.channels[f.channelID]
			return f.creatorID == creator && ch != nil && c.canReadChannel(ch)
		}, false)
	})
}

// listFeeds pages through message feeds, ordered by last message time.
func (s *Server) listFeeds(c *request, match func(*messageFeed) bool, withPaging bool) error {
	c.bareOpts = true
	sortBy := c.opt("sortBy")
	if err := enum("options.sortBy", sortBy, "lastMessageTimestampAsc", "lastMessageTimestampDesc"); err != nil {
		return err
	}
	isDeleted, p, err := c.deletedAndPage()
	if err != nil {
		return err
	}
	var list []*messageFeed
	for _, f := range c.st.feeds {
		if match(f) && deletedFilter(isDeleted, f.deleted, liveByDefault) {
			list = append(list, f)
		}
	}
	sortByCreated(list, func(f *messageFeed) (time.Time, int64) {
		if last := c.st.lastMessage(f.id); last != nil {
			return last.createdAt, last.seq
		}
		return f.createdAt, f.seq
	}, sortBy != "lastMessageTimestampAsc")
	list = cutAround(list, func(f *messageFeed) string { return f.id }, func(f *messageFeed) (time.Time, int64) {
		return f.createdAt, f.seq
	}, c.opt("before"), c.opt("after"))
	win, cur := paginate(list, p)
	body := c.messageFeedsBody(win)
	if withPaging {
		body.Paging = cur.withTotal()
	}
	return c.ok(body)
}
