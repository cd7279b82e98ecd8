package amitytest

import (
	"sort"
	"time"
)

// feedMarker is one user's marker of one message feed. The read marker of a channel's
// default feed is also the membership's readToSegment (POST /api/v3/channels/{id}/seen moves
// both).
type feedMarker struct {
	readTo      int
	deliveredTo int
	reading     bool // between start-reading and stop-readings: new messages count as read
	createdAt   time.Time
	updatedAt   time.Time
}

type userMarkerJSON struct {
	UserID      string `json:"userId"`
	LastSyncAt  string `json:"lastSyncAt"`
	UnreadCount int    `json:"unreadCount"`
	IsMentioned bool   `json:"isMentioned"`
	CreatedAt   string `json:"createdAt"`
	UpdatedAt   string `json:"updatedAt"`
}

type userEntityMarkerJSON struct {
	UserID      string `json:"userId"`
	EntityID    string `json:"entityId"`
	UnreadCount int    `json:"unreadCount"`
	IsDeleted   bool   `json:"isDeleted"`
	IsMentioned bool   `json:"isMentioned"`
	Membership  string `json:"membership"`
	CreatedAt   string `json:"createdAt"`
	UpdatedAt   string `json:"updatedAt"`
}

type userFeedMarkerJSON struct {
	UserID             string `json:"userId"`
	EntityID           string `json:"entityId"`
	FeedID             string `json:"feedId"`
	ReadToSegment      int    `json:"readToSegment"`
	DeliveredToSegment int    `json:"deliveredToSegment"`
	UnreadCount        int    `json:"unreadCount"`
	LastMentionSegment int    `json:"lastMentionSegment"`
	IsMentioned        bool   `json:"isMentioned"`
	CreatedAt          string `json:"createdAt"`
	UpdatedAt          string `json:"updatedAt"`
}

type feedMarkerJSON struct {
	EntityID    string `json:"entityId"`
	FeedID      string `json:"feedId"`
	LastSegment int    `json:"lastSegment"`
	IsDeleted   bool   `json:"isDeleted"`
	CreatedAt   string `json:"createdAt"`
	UpdatedAt   string `json:"updatedAt"`
}

type contentMarkerJSON struct {
	ContentID      string `json:"contentId"`
	FeedID         string `json:"feedId"`
	Segment        int    `json:"segment"`
	CreatorID      string `json:"creatorId"`
	ReadCount      int    `json:"readCount"`
	DeliveredCount int    `json:"deliveredCount"`
	CreatedAt      string `json:"createdAt"`
	UpdatedAt      string `json:"updatedAt"`
}

// markersBody collects the markers of one answer.
type markersBody struct {
	c        *request
	feeds    orderedSet
	channels orderedSet
}

func (c *request) markers() *markersBody { return &markersBody{c: c} }

// addFeed adds a feed and its channel.
func (b *markersBody) addFeed(f *messageFeed) {
	b.feeds.add(f.id)
	b.channels.add(f.channelID)
}

// addChannel adds a channel and its feeds.
func (b *markersBody) addChannel(ch *channel) {
	b.channels.add(ch.id)
	for _, f := range b.c.st.channelFeeds(ch.id) {
		b.feeds.add(f.id)
	}
}

func (b *markersBody) userMarkers() []userMarkerJSON {
	return []userMarkerJSON{b.c.userMarker()}
}

func (b *markersBody) entityMarkers() []userEntityMarkerJSON {
	out := []userEntityMarkerJSON{}
	me := b.c.me()
	for _, id := range b.channels.list {
		if ch := b.c.st.channels[id]; ch != nil {
			out = append(out, b.c.st.entityMarker(me, ch, b.c.now()))
		}
	}
	return out
}

func (b *markersBody) userFeedMarkers() []userFeedMarkerJSON {
	out := []userFeedMarkerJSON{}
	me := b.c.me()
	for _, id := range b.feeds.list {
		if f := b.c.st.feeds[id]; f != nil {
			out = append(out, b.c.st.userFeedMarker(me, f))
		}
	}
	return out
}

func (b *markersBody) feedMarkers() []feedMarkerJSON {
	out := []feedMarkerJSON{}
	for _, id := range b.feeds.list {
		if f := b.c.st.feeds[id]; f != nil {
			out = append(out, b.c.st.feedMarker(f))
		}
	}
	return out
}

// all is the answer with the four marker lists.
func (b *markersBody) all() map[string]any {
	return map[string]any{"userMarkers": b.userMarkers(), "userFeedMarkers": b.userFeedMarkers(),
		"userEntityMarkers": b.entityMarkers(), "feedMarkers": b.feedMarkers()}
}

// channelFeeds returns the live feeds of a channel, oldest first.
func (st *state) channelFeeds(channelID string) []*messageFeed {
	var out []*messageFeed
	for _, f := range st.feeds {
		if f.channelID == channelID && !f.deleted {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

func (st *state) marker(userID, feedID string) *feedMarker {
	return st.feedMarkers[userID+"\x00"+feedID]
}

// readTo is how far userID has read feed f.
func (st *state) readTo(userID string, f *messageFeed) int {
	n := 0
	if fm := st.marker(userID, f.id); fm != nil {
		if fm.reading {
			return f.nextSegment
		}
		n = fm.readTo
	}
	if f.isDefault {
		if ch := st.channels[f.channelID]; ch != nil {
			if m := ch.members[userID]; m != nil && m.readToSegment > n {
				n = m.readToSegment
			}
		}
	}
	return n
}

// deliveredTo is how far userID's devices have received feed f (reading implies receiving).
func (st *state) deliveredTo(userID string, f *messageFeed) int {
	n := st.readTo(userID, f)
	if fm := st.marker(userID, f.id); fm != nil && fm.deliveredTo > n {
		n = fm.deliveredTo
	}
	return n
}

// markerOf returns userID's marker of f, creating it.
func (st *state) markerOf(userID string, f *messageFeed, now time.Time) *feedMarker {
	fm := st.marker(userID, f.id)
	if fm == nil {
		fm = &feedMarker{createdAt: now}
		st.feedMarkers[userID+"\x00"+f.id] = fm
	}
	fm.updatedAt = now
	return fm
}

// markRead moves userID's read marker of f forward to seg (at most the feed's last segment).
func (st *state) markRead(userID string, f *messageFeed, seg int, now time.Time) {
	seg = min(seg, f.nextSegment)
	fm := st.markerOf(userID, f, now)
	if seg > fm.readTo {
		fm.readTo = seg
	}
	if f.isDefault {
		if ch := st.channels[f.channelID]; ch != nil {
			if m := ch.members[userID]; m != nil && seg > m.readToSegment {
				m.readToSegment = seg
			}
		}
	}
}

// mentions reports whether m mentions userID (by name or @channel).
func mentions(m *message, userID string) bool {
	for _, mu := range m.mentioned {
		if mu.Type == "channel" || containsString(mu.UserIDs, userID) {
			return true
		}
	}
	return false
}

// unread counts the live messages of f by others after userID's read marker, and finds the
// last one mentioning userID.
func (st *state) unread(userID string, f *messageFeed) (count, lastMention int, mentioned bool) {
	readTo := st.readTo(userID, f)
	for _, m := range st.messages {
		if m.feedID != f.id || m.deleted || m.creatorID == userID {
			continue
		}
		if mentions(m, userID) && m.segment > lastMention {
			lastMention = m.segment
		}
		if m.segment > readTo {
			count++
			if mentions(m, userID) {
				mentioned = true
			}
		}
	}
	return count, lastMention, mentioned
}

func (st *state) userFeedMarker(u *user, f *messageFeed) userFeedMarkerJSON {
	count, lastMention, mentioned := st.unread(u.id, f)
	created, updated := f.createdAt, f.updatedAt
	if fm := st.marker(u.id, f.id); fm != nil {
		created, updated = fm.createdAt, fm.updatedAt
	}
	entity := ""
	if ch := st.channels[f.channelID]; ch != nil {
		entity = ch.internalID
	}
	return userFeedMarkerJSON{UserID: u.internalID, EntityID: entity, FeedID: f.id, ReadToSegment: st.readTo(u.id, f),
		DeliveredToSegment: st.deliveredTo(u.id, f), UnreadCount: count, LastMentionSegment: lastMention, IsMentioned: mentioned,
		CreatedAt: ts(created), UpdatedAt: ts(updated)}
}

func (st *state) entityMarker(u *user, ch *channel, now time.Time) userEntityMarkerJSON {
	total, mentioned := 0, false
	updated := ch.createdAt
	for _, f := range st.channelFeeds(ch.id) {
		n, _, m := st.unread(u.id, f)
		total += n
		mentioned = mentioned || m
		if fm := st.marker(u.id, f.id); fm != nil && fm.updatedAt.After(updated) {
			updated = fm.updatedAt
		}
	}
	membership := "non-member"
	if m := ch.members[u.id]; m != nil {
		switch {
		case m.status == "banned":
			membership = "banned"
		case m.status == "member" && mutedAt(m.muted, m.muteTimeout, now):
			membership = "muted"
		case m.status == "member":
			membership = "member"
		}
	}
	if ch.deleted {
		membership = "deleted"
	}
	return userEntityMarkerJSON{UserID: u.internalID, EntityID: ch.internalID, UnreadCount: total, IsDeleted: ch.deleted,
		IsMentioned: mentioned, Membership: membership, CreatedAt: ts(ch.createdAt), UpdatedAt: ts(updated)}
}

func (st *state) feedMarker(f *messageFeed) feedMarkerJSON {
	entity := ""
	if ch := st.channels[f.channelID]; ch != nil {
		entity = ch.internalID
	}
	return feedMarkerJSON{EntityID: entity, FeedID: f.id, LastSegment: f.nextSegment, IsDeleted: f.deleted,
		CreatedAt: ts(f.createdAt), UpdatedAt: ts(f.updatedAt)}
}

// userMarker totals the caller's unread messages over the channels it is a member of.
func (c *request) userMarker() userMarkerJSON {
	me := c.me()
	total, mentioned := 0, false
	for _, ch := range c.st.channels {
		if ch.deleted || !ch.isMember(me.id) {
			continue
		}
		for _, f := range c.st.channelFeeds(ch.id) {
			n, _, m := c.st.unread(me.id, f)
			total += n
			mentioned = mentioned || m
		}
	}
	synced := c.st.lastSync[me.id]
	if synced.IsZero() {
		synced = me.createdAt
	}
	return userMarkerJSON{UserID: me.internalID, LastSyncAt: ts(synced), UnreadCount: total, IsMentioned: mentioned,
		CreatedAt: ts(me.createdAt), UpdatedAt: ts(c.now())}
}

// readers returns the users other than m's creator who have read (or received) m.
func (st *state) readers(m *message, delivered bool) []*user {
	f := st.feeds[m.feedID]
	if f == nil {
		return nil
	}
	candidates := map[string]bool{}
	if ch := st.channels[f.channelID]; ch != nil {
		for id, mem := range ch.members {
			if mem.status == "member" {
				candidates[id] = true
			}
		}
	}
	for key := range st.feedMarkers {
		for i := 0; i < len(key); i++ {
			if key[i] == 0 && key[i+1:] == f.id {
				candidates[key[:i]] = true
			}
		}
	}
	var out []*user
	for id := range candidates {
		u := st.users[id]
		if u == nil || id == m.creatorID {
			continue
		}
		to := st.readTo(id, f)
		if delivered {
			to = st.deliveredTo(id, f)
		}
		if to >= m.segment {
			out = append(out, u)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

func (st *state) contentMarker(m *message) contentMarkerJSON {
	creator := m.creatorID
	if u := st.users[m.creatorID]; u != nil {
		creator = u.internalID
	}
	return contentMarkerJSON{ContentID: m.id, FeedID: m.feedID, Segment: m.segment, CreatorID: creator,
		ReadCount: len(st.readers(m, false)), DeliveredCount: len(st.readers(m, true)),
		CreatedAt: ts(m.createdAt), UpdatedAt: ts(m.updatedAt)}
}

// markerFeed finds a live message feed the caller may mark.
func (c *request) markerFeed(id string) (*messageFeed, error) {
	f := c.st.feeds[id]
	if f == nil || f.deleted {
		return nil, errNotFound("Message feed not found.")
	}
	if ch := c.st.channels[f.channelID]; ch != nil && !c.isAdmin && !ch.isMember(c.identity) {
		return nil, errPermission("User is not a member of a channel")
	}
	return f, nil
}

// queryChannelsByAnyID finds the channels of the required channelIds query parameter, by
// public or internal ID, in order; IDs of no channel are left out.
func (c *request) queryChannelsByAnyID() ([]*channel, error) {
	ids := c.qList("channelIds")
	if len(ids) == 0 {
		return nil, errBadRequest("Parameters validation error: channelIds is required")
	}
	var out []*channel
	for _, id := range ids {
		if ch := c.st.channelByAnyID(id); ch != nil {
			out = append(out, ch)
		}
	}
	return out, nil
}

// onFeedMarker is the handler of an operation on the caller's marker of the message feed
// of the path: change changes it, and the answer is the feed's markers.
func onFeedMarker(change func(c *request, f *messageFeed) error) handler {
	return func(c *request) error {
		f, err := c.markerFeed(c.path("messageFeedId"))
		if err != nil {
			return err
		}
		if err := change(c, f); err != nil {
			return err
		}
		b := c.markers()
		b.addFeed(f)
		return c.ok(b.all())
	}
}

func (s *Server) routesMarkers() {
	s.route("GET /api/v1/markers/channels", authUser, func(c *request) error {
		chans, err := c.queryChannelsByAnyID()
		if err != nil {
			return err
		}
		b := c.markers()
		for _, ch := range chans {
			b.channels.add(ch.id)
		}
		return c.ok(map[string]any{"userMarkers": b.userMarkers(), "userEntityMarkers": b.entityMarkers()})
	})
	s.route("PUT /api/v1/markers/channels/{channelId}/mark-read", authUser, func(c *request) error {
		ch := c.st.channelByAnyID(c.path("channelId"))
		if ch == nil || ch.deleted {
			return errNotFound("Channel not found.")
		}
		if !c.isAdmin && !ch.isMember(c.identity) {
			return errPermission("User is not a member of a channel")
		}
		b := c.markers()
		now := c.now()
		for _, f := range c.st.channelFeeds(ch.id) {
			c.st.markRead(c.me().id, f, f.nextSegment, now)
		}
		b.addChannel(ch)
		return c.ok(b.all())
	})
	s.route("GET /api/v1/markers/message-feeds", authUser, func(c *request) error {
		ids := c.qList("messageFeedIds")
		if len(ids) == 0 {
			return errBadRequest("Parameters validation error: messageFeedIds is required")
		}
		b := c.markers()
		for _, id := range ids {
			if f := c.st.feeds[id]; f != nil {
				b.addFeed(f)
			}
		}
		return c.ok(b.all())
	})
	s.route("POST /api/v1/markers/message-feeds/reading", authUser, func(c *request) error {
		var req struct {
			MessageFeedIDs []string `json:"messageFeedIds"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if len(req.MessageFeedIDs) == 0 {
			return errBadRequest("Parameters validation error: messageFeedIds is required")
		}
		var feeds []*messageFeed
		for _, id := range uniq(req.MessageFeedIDs) {
			f, err := c.markerFeed(id)
			if err != nil {
				return err
			}
			feeds = append(feeds, f)
		}
		b := c.markers()
		now := c.now()
		for _, f := range feeds {
			c.st.markRead(c.me().id, f, f.nextSegment, now)
			b.addFeed(f)
		}
		return c.ok(b.all())
	})
	s.route("PUT /api/v1/markers/message-feeds/{messageFeedId}/mark-delivering", authUser, onFeedMarker(func(c *request, f *messageFeed) error {
		var req struct {
			MessageID string `json:"messageId"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.MessageID == "" {
			return errBadRequest("Parameters validation error: messageId is required")
		}
		m := c.st.messages[req.MessageID]
		if m == nil || m.feedID != f.id {
			return errNotFound("Message not found.")
		}
		fm := c.st.markerOf(c.me().id, f, c.now())
		if m.segment > fm.deliveredTo {
			fm.deliveredTo = m.segment
		}
		return nil
	}))
	s.route("PUT /api/v1/markers/message-feeds/{messageFeedId}/mark-read", authUser, onFeedMarker(func(c *request, f *messageFeed) error {
		var req struct {
			ReadToSegment *float64 `json:"readToSegment"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.ReadToSegment == nil || *req.ReadToSegment < 0 || *req.ReadToSegment != float64(int(*req.ReadToSegment)) {
			return errBadRequest("Parameters validation error: readToSegment must be a segment number")
		}
		c.st.markRead(c.me().id, f, int(*req.ReadToSegment), c.now())
		return nil
	}))
	reading := func(start bool) handler {
		return onFeedMarker(func(c *request, f *messageFeed) error {
			now := c.now()
			c.st.markRead(c.me().id, f, f.nextSegment, now)
			c.st.markerOf(c.me().id, f, now).reading = start
			return nil
		})
	}
	s.route("POST /api/v1/markers/message-feeds/{messageFeedId}/start-reading", authUser, reading(true))
	s.route("POST /api/v1/markers/message-feeds/{messageFeedId}/stop-readings", authUser, reading(false))
	s.route("GET /api/v1/markers/messages", authUser, func(c *request) error {
		ids := c.qList("messageIds")
		if len(ids) == 0 {
			return errBadRequest("Parameters validation error: messageIds is required")
		}
		b := c.markers()
		contents := []contentMarkerJSON{}
		for _, id := range uniq(ids) {
			if m := c.st.messages[id]; m != nil {
				contents = append(contents, c.st.contentMarker(m))
				if f := c.st.feeds[m.feedID]; f != nil {
					b.addFeed(f)
				}
			}
		}
		body := b.all()
		body["contentMarkers"] = contents
		return c.ok(body)
	})
	messageUsers := func(delivered bool) handler {
		return func(c *request) error {
			m := c.st.messages[c.path("messageId")]
			if m == nil {
				return errNotFound("Message not found.")
			}
			b := c.markers()
			if f := c.st.feeds[m.feedID]; f != nil {
				b.addFeed(f)
			}
			ids := []string{}
			for _, u := range c.st.readers(m, delivered) {
				ids = append(ids, u.id)
			}
			body := b.all()
			body["publicUserIds"] = ids
			return c.ok(body)
		}
	}
	s.route("GET /api/v1/markers/messages/{messageId}/read-users", authUser, messageUsers(false))
	s.route("GET /api/v1/markers/messages/{messageId}/delivered-users", authUser, messageUsers(true))
	s.route("POST /api/v1/markers/sync", authUser, func(c *request) error {
		var req struct {
			DeviceLastSyncAt string `json:"deviceLastSyncAt"`
		}
		if err := c.decode(&req, false); err != nil {
			return err
		}
		var since time.Time
		if req.DeviceLastSyncAt != "" {
			t, err := time.Parse(time.RFC3339Nano, req.DeviceLastSyncAt)
			if err != nil {
				return errBadRequest("Parameters validation error: deviceLastSyncAt must be a date-time")
			}
			since = t
		}
		me := c.me()
		b := c.markers()
		var channels []*channel
		for _, ch := range c.st.channels {
			if ch.isMember(me.id) {
				channels = append(channels, ch)
			}
		}
		sort.Slice(channels, func(i, j int) bool { return channels[i].seq < channels[j].seq })
		for _, ch := range channels {
			for _, f := range c.st.channelFeeds(ch.id) {
				changed := f.updatedAt.After(since) || c.st.lastMessageAfter(f.id, since)
				if fm := c.st.marker(me.id, f.id); fm != nil && fm.updatedAt.After(since) {
					changed = true
				}
				if since.IsZero() || changed {
					b.addFeed(f)
				}
			}
		}
		body := b.all()
		c.st.lastSync[me.id] = c.now()
		return c.ok(body)
	})
	s.route("GET /api/v1/markers/user-message-feed", authUser, func(c *request) error {
		chans, err := c.queryChannelsByAnyID()
		if err != nil {
			return err
		}
		b := c.markers()
		for _, ch := range chans {
			for _, f := range c.st.channelFeeds(ch.id) {
				if len(b.feeds.list) < 100 {
					b.addFeed(f)
				}
			}
		}
		return c.ok(map[string]any{"userFeedMarkers": b.userFeedMarkers(), "feedMarkers": b.feedMarkers()})
	})
	s.route("GET /api/v1/markers/userMarker", authUser, func(c *request) error {
		return c.ok(map[string]any{"userMarkers": []userMarkerJSON{c.userMarker()}})
	})
}

// lastMessageAfter reports whether feed feedID got a message after t.
func (st *state) lastMessageAfter(feedID string, t time.Time) bool {
	for _, m := range st.messages {
		if m.feedID == feedID && m.updatedAt.After(t) {
			return true
		}
	}
	return false
}
