package amitytest

import (
	"strings"
	"time"
)

type channelUserJSON struct {
	UserID               string   `json:"userId"`
	UserInternalID       string   `json:"userInternalId"`
	UserPublicID         string   `json:"userPublicId"`
	ChannelID            string   `json:"channelId"`
	ChannelInternalID    string   `json:"channelInternalId"`
	ChannelPublicID      string   `json:"channelPublicId"`
	Membership           string   `json:"membership"`
	IsBanned             bool     `json:"isBanned"`
	LastActivity         string   `json:"lastActivity"`
	Roles                []string `json:"roles"`
	ReadToSegment        int      `json:"readToSegment"`
	LastMentionedSegment int      `json:"lastMentionedSegment"`
	IsMuted              bool     `json:"isMuted"`
	MuteTimeout          *string  `json:"muteTimeout,omitempty"`
	CreatedAt            string   `json:"createdAt"`
	UpdatedAt            string   `json:"updatedAt"`
}

type channelUsersV4Response struct {
	Channels     []channelJSON     `json:"channels"`
	ChannelUsers []channelUserJSON `json:"channelUsers"`
	Users        []userJSON        `json:"users"`
	Files        []fileJSON        `json:"files"`
	Paging       *pagingNextPrev   `json:"paging"`
}

// isMember reports whether userID is a member.
func (ch *channel) isMember(userID string) bool { return ch.members.status(userID) == "member" }

// isBanned reports whether userID is banned.
func (ch *channel) isBanned(userID string) bool { return ch.members.status(userID) == "banned" }

// isModerator reports whether userID is a member with a moderator role.
func (ch *channel) isModerator(userID string) bool {
	return ch.members.isModerator(userID, roleChannelModerator)
}

func (c *request) channelUserJSON(ch *channel, m *membership) channelUserJSON {
	internal := ""
	if u := c.st.users[m.userID]; u != nil {
		internal = u.internalID
	}
	muted := m.status == "member" && mutedAt(m.muted, m.muteTimeout, c.now())
	var timeout *string
	if muted {
		timeout = tsPtr(m.muteTimeout)
	}
	return channelUserJSON{
		UserID: m.userID, UserInternalID: internal, UserPublicID: m.userID,
		ChannelID: ch.id, ChannelInternalID: ch.internalID, ChannelPublicID: ch.id,
		Membership: m.status, IsBanned: m.status == "banned", LastActivity: ts(m.lastActivity),
		Roles: nonNil(append([]string(nil), m.roles...)), ReadToSegment: m.readToSegment,
		IsMuted: muted, MuteTimeout: timeout, CreatedAt: ts(m.createdAt), UpdatedAt: ts(m.updatedAt),
	}
}

// routesChannelMembers registers the operations on a channel's members: joining,
// leaving, reading, listing, adding, removing, banning, roles and muting.
func (s *Server) routesChannelMembers() {
	s.route("POST /api/v3/channels/{channelId}/join", authUser, s.joinChannel)
	s.route("DELETE /api/v3/channels/{channelId}/leave", authUser, func(c *request) error {
		ch, _, err := preHookFor(c, "channel.shouldLeave", func() (*channel, error) {
			ch, err := c.liveChannel(c.path("channelId"))
			switch {
			case err != nil:
				return nil, err
			case ch.isBanned(c.identity):
				return nil, errBanned()
			case !ch.isMember(c.identity):
				return nil, errPermission("User is not a member of a channel")
			}
			return ch, nil
		}, c.channelJSON)
		if err != nil {
			return err
		}
		c.st.setMember(ch.members, c.identity, "none", c.now())
		c.emitChannel("channel.didLeave", ch, []string{c.identity})
		return c.ok(c.channelsBody([]*channel{ch}, nil))
	})
	s.route("POST /api/v3/channels/{channelId}/seen", authUser, func(c *request) error {
		ch, err := c.liveChannel(c.path("channelId"))
		if err != nil {
			return err
		}
		var req struct {
			ReadToSegment *int `json:"readToSegment"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.ReadToSegment == nil || *req.ReadToSegment < 0 {
			return errBadRequest("Parameters validation error: readToSegment is required")
		}
		m := ch.members[c.identity]
		if m == nil || m.status != "member" {
			return errPermission("User is not a member of a channel")
		}
		if *req.ReadToSegment > m.readToSegment {
			m.readToSegment = *req.ReadToSegment
		}
		m.updatedAt, m.lastActivity = c.now(), c.now()
		return c.noContent()
	})
	s.route("GET /api/v3/channels/{channelId}/users", authUser, func(c *request) error { return s.queryChannelUsers(c, false) })
	s.route("GET /api/v4/channels/{channelId}/users", authUser, func(c *request) error { return s.queryChannelUsers(c, true) })
	s.route("POST /api/v3/channels/{channelId}/users", authUser, func(c *request) error { return s.changeChannelMembers(c, "member") })
	s.route("DELETE /api/v3/channels/{channelId}/users", authUser, func(c *request) error { return s.changeChannelMembers(c, "none") })
	s.route("PUT /api/v3/channels/{channelId}/users/ban", authUser, func(c *request) error { return s.changeChannelMembers(c, "banned") })
	s.route("PUT /api/v3/channels/{channelId}/users/unban", authUser, func(c *request) error { return s.changeChannelMembers(c, "unban") })
	s.route("POST /api/v3/channels/{channelId}/users/roles", authUser, func(c *request) error {
		var req struct {
			Role    string   `json:"role"`
			UserIDs []string `json:"userIds"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		return s.changeChannelRoles(c, req.UserIDs, req.Role, true)
	})
	s.route("DELETE /api/v3/channels/{channelId}/users/roles", authUser, func(c *request) error {
		return s.changeChannelRoles(c, c.qList("userIds"), c.q("role"), false)
	})
	s.route("PUT /api/v2/channel/{channelId}/users/mute", authUser, func(c *request) error {
		ch, err := c.liveChannel(c.path("channelId"))
		if err != nil {
			return err
		}
		var req struct {
			UserIDs    []string `json:"userIds"`
			MutePeriod *float64 `json:"mutePeriod"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		ids := uniq(req.UserIDs)
		if req.MutePeriod == nil || len(ids) == 0 || len(ids) > 100 {
			return errBadRequest("Parameters validation error: userIds and mutePeriod are required")
		}
		if !c.canModerateChannel(ch) {
			return errPermission("You are not allowed to do this.")
		}
		for _, id := range ids {
			if !ch.isMember(id) {
				return errNotFound("User %s is not a member of the channel", id)
			}
		}
		for _, id := range ids {
			m := ch.members[id]
			m.muted, m.muteTimeout = muteFor(*req.MutePeriod, c.now())
			m.updatedAt = c.now()
		}
		return c.ok(successBody)
	})
}

func (s *Server) joinChannel(c *request) error {
	me := c.me()
	find := func() (*channel, error) {
		ch, err := c.liveChannel(c.path("channelId"))
		switch {
		case err != nil:
			return nil, err
		case ch.isBanned(me.id):
			return nil, errBanned()
		case ch.isMember(me.id):
			return ch, nil
		case ch.closed:
			return nil, errForbidden("Channel is closed.")
		case !c.isAdmin && (ch.kind == "conversation" || !ch.isPublic):
			return nil, errPermission("Permission denied")
		}
		return ch, nil
	}
	ch, err := find()
	if err == nil && !ch.isMember(me.id) { // a member's join changes nothing: nothing to ask
		ch, _, err = preHookFor(c, "channel.shouldJoin", find, c.channelJSON)
	}
	if err != nil {
		return err
	}
	if !ch.isMember(me.id) { // (the caller may have joined while the pre-hook ran)
		c.st.setMember(ch.members, me.id, "member", c.now())
		ch.lastActivity = c.now()
		c.emitChannel("channel.didJoin", ch, []string{me.id})
	}
	return c.ok(c.channelsBody([]*channel{ch}, nil))
}

func (s *Server) queryChannelUsers(c *request, v4 bool) error {
	ch, err := c.channel(c.path("channelId"))
	if err != nil {
		return err
	}
	if !c.canSeeChannel(ch) {
		return errPermission("User is not a member of a channel")
	}
	sortBy := c.q("sortBy")
	sorts := []string{"lastCreated", "firstCreated"}
	if !v4 {
		sorts = append(sorts, "displayName") // spec 4.116.1
	}
	if err := enum("sortBy", sortBy, sorts...); err != nil {
		return err
	}
	var roles, memberships, searchBy []string
	var isBrand *bool
	search := ""
	if v4 {
		roles, memberships, search = c.qList("role"), c.qList("memberships"), strings.ToLower(c.q("search"))
		if searchBy, err = c.searchBy(); err != nil { // users.go
			return err
		}
		if isBrand, err = c.qBool("isBrand"); err != nil {
			return err
		}
		for _, m := range memberships {
			if err := enum("memberships", m, "muted", "banned", "member"); err != nil {
				return err
			}
		}
		if len(memberships) == 0 {
			memberships = []string{"member"}
		}
	} else {
		roles = c.qList("roles")
		filter := c.q("filter")
		if err := enum("filter", filter, "all", "muted", "banned", "member&banned"); err != nil {
			return err
		}
		switch filter {
		case "muted":
			memberships = []string{"muted"}
		case "banned":
			memberships = []string{"banned"}
		case "member&banned":
			memberships = []string{"member", "banned"}
		default:
			memberships = []string{"member"}
		}
	}
	// isDeleted is about the members' users: null (the default) lists deleted and live ones.
	isDeleted, p, err := c.deletedAndPage()
	if err != nil {
		return err
	}
	list := c.filterMembers(ch.members, memberships, roles, isDeleted, search, searchBy, isBrand)
	if sortBy == "displayName" {
		sortByName(list, func(x *membership) string { return c.st.users[x.userID].displayName }, func(x, y *membership) bool { return x.userID < y.userID })
	} else {
		sortByCreated(list, func(m *membership) (time.Time, int64) { return m.createdAt, m.seq }, sortBy != "firstCreated")
	}
	win, cur := paginate(list, p)
	body := c.channelsBodyOpt([]*channel{ch}, win, true)
	if v4 {
		return c.ok(channelUsersV4Response{
			Channels: body.Channels, ChannelUsers: body.ChannelUsers, Users: body.Users, Files: body.Files,
			Paging: cur.nextPrev(),
		})
	}
	body.Paging = cur.nextPrev()
	return c.ok(body)
}

// changeChannelMembers adds ("member"), removes ("none"), bans ("banned") or
// unbans ("unban") channel users.
func (s *Server) changeChannelMembers(c *request, op string) error {
	ch, err := c.liveChannel(c.path("channelId"))
	if err != nil {
		return err
	}
	ids, err := c.memberChangeIDs(op)
	if err != nil {
		return err
	}
	allowed := c.canModerateChannel(ch) || (op == "member" && ch.kind == "conversation" && ch.isMember(c.identity))
	if !allowed {
		return errPermission("You are not allowed to do this.")
	}
	changed, err := c.changeMembers(ch.members, ids, op)
	if err != nil {
		return err
	}
	now := c.now()
	ch.updatedAt, ch.lastActivity = now, now
	return c.ok(c.channelsBody([]*channel{ch}, changed))
}

func (s *Server) changeChannelRoles(c *request, userIDs []string, role string, add bool) error {
	ch, err := c.liveChannel(c.path("channelId"))
	if err != nil {
		return err
	}
	userIDs = uniq(userIDs)
	if len(userIDs) == 0 || len(userIDs) > 100 || role == "" {
		return errBadRequest("Parameters validation error: userIds and role are required")
	}
	if !c.canModerateChannel(ch) {
		return errPermission("You are not allowed to do this.")
	}
	for _, id := range userIDs {
		if !ch.isMember(id) {
			return errPermission("User is not a member of a channel")
		}
	}
	changed := c.changeRoles(ch.members, userIDs, []string{role}, add)
	return c.ok(c.channelsBody([]*channel{ch}, changed))
}
