package amitytest

import (
	"sort"
	"strings"
	"time"
)

// userNotifications are one user's push notification settings.
type userNotifications struct {
	disabled    bool                      // user level isPushNotifiable: false
	modules     map[string]bool           // user level, per module: false when off
	channels    map[string]bool           // channel level: false when off
	communities map[string]*communityPush // community level
}

type communityPush struct {
	disabled bool
	events   map[string]*eventPush
}

// eventPush is the setting of one event (community level) or module (user level).
type eventPush struct {
	off                  bool
	title, body          string
	listenFrom, ignoreOf []string
}

// pushDevice is a device registered with POST /v1/notification.
type pushDevice struct {
	deviceID, platform, token, userID, provider string
	registeredAt                                time.Time
}

// PushDevice is a device registered for push notifications (POST /v1/notification).
type PushDevice struct {
	DeviceID, Platform, Token, UserID, Provider string
}

// PushDevices returns the devices registered for userID's push notifications, by device ID.
func (s *Server) PushDevices(userID string) []PushDevice {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []PushDevice
	for _, d := range s.st.devices {
		if d.userID == userID {
			out = append(out, PushDevice{DeviceID: d.deviceID, Platform: d.platform, Token: d.token, UserID: d.userID, Provider: d.provider})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].DeviceID < out[j].DeviceID })
	return out
}

// Pushable reports whether userID gets push notifications of a module ("chat", "social",
// "video-streaming") under its user-level notification settings, and, when channelID or
// communityID is not empty, under its setting of that channel or community.
func (s *Server) Pushable(userID, module, channelID, communityID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.st.notifications[userID]
	if n == nil {
		return true
	}
	if v, set := n.modules[module]; n.disabled || set && !v {
		return false
	}
	if channelID != "" && hasKey(n.channels, channelID) && !n.channels[channelID] {
		return false
	}
	if cp := n.communities[communityID]; communityID != "" && cp != nil && cp.disabled {
		return false
	}
	return true
}

func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}

func (st *state) notificationsOf(userID string) *userNotifications {
	n := st.notifications[userID]
	if n == nil {
		n = &userNotifications{modules: map[string]bool{}, channels: map[string]bool{}, communities: map[string]*communityPush{}}
		st.notifications[userID] = n
	}
	return n
}

// notificationModules are the modules of the user level.
var notificationModules = []string{"chat", "social", "video-streaming"}

// communityEvents are the events of the community level.
var communityEvents = []string{"post.created", "post.reacted", "comment.created", "comment.replied", "comment.reacted", "story.created", "story-comment.created"}

// notificationEvents are the event names the spec lets a setting name.
var notificationEvents = []string{"channel.created", "channel.joined", "conversation-channel.joined", "text-mention-message.created",
	"message.created", "conversation-message.created", "conversation-text-message.created", "conversation-image-message.created",
	"conversation-file-message.created", "post.created", "post.approved", "post.need-reviewing", "text-mention-post.created",
	"text-mention-user-feed-post.created", "video-streaming-post.created", "post.reacted", "comment.created",
	"text-mention-comment.created", "text-mention-user-feed-comment.created", "comment.replied", "text-mention-comment.replied",
	"text-mention-user-feed-comment.replied", "comment.reacted", "follow.created", "follow.requested", "follow.accepted",
	"community.roleAdded", "community.updated", "video-streaming.didStart"}

type notifiableEventJSON struct {
	Name              string   `json:"name,omitempty"`
	ModuleName        string   `json:"moduleName,omitempty"`
	IsPushNotifiable  bool     `json:"isPushNotifiable"`
	TitleTemplate     string   `json:"titleTemplate,omitempty"`
	BodyTemplate      string   `json:"bodyTemplate,omitempty"`
	ListenFromRoleIDs []string `json:"listenFromRoleIds"`
	IgnoreFromRoleIDs []string `json:"ignoreFromRoleIds"`
	IsNetworkEnabled  *bool    `json:"isNetworkEnabled,omitempty"`
}

// checkTarget checks the level of a notification setting and finds its channel or
// community.
func (c *request) notificationTarget(level, channelID, communityID string) error {
	if level == "" {
		return errBadRequest("Parameters validation error: level is required")
	}
	if err := enum("level", level, "user", "channel", "community"); err != nil {
		return err
	}
	for _, v := range []struct{ name, v string }{{"channelId", channelID}, {"communityId", communityID}} {
		if err := maxLen(v.name, v.v, 900); err != nil {
			return err
		}
	}
	switch level {
	case "channel":
		if channelID == "" {
			return errBadRequest("Parameters validation error: channelId is required at the channel level")
		}
		if ch := c.st.channels[channelID]; ch == nil || ch.deleted {
			return errNotFound("Channel not found.")
		}
	case "community":
		if communityID == "" {
			return errBadRequest("Parameters validation error: communityId is required at the community level")
		}
		if cm := c.st.communities[communityID]; cm == nil || cm.deleted {
			return errNotFound("Community not found.")
		}
	}
	return nil
}

func (s *Server) routesNotifications() {
	s.route("GET /api/v3/notification/setting", authUser, func(c *request) error {
		level, channelID, communityID := c.q("level"), c.q("channelId"), c.q("communityId")
		if err := c.notificationTarget(level, channelID, communityID); err != nil {
			return err
		}
		n := c.st.notificationsOf(c.me().id)
		events := []notifiableEventJSON{}
		on := true
		userOn := !n.disabled
		switch level {
		case "user":
			on = !n.disabled
			for _, m := range notificationModules {
				v, set := n.modules[m]
				events = append(events, notifiableEventJSON{ModuleName: m, IsPushNotifiable: !set || v, ListenFromRoleIDs: []string{}, IgnoreFromRoleIDs: []string{}})
			}
		case "channel":
			v, set := n.channels[channelID]
			on = !set || v
		case "community":
			cp := n.communities[communityID]
			on = cp == nil || !cp.disabled
			yes := true
			for _, name := range communityEvents {
				e := notifiableEventJSON{Name: name, ModuleName: "social", IsPushNotifiable: true, IsNetworkEnabled: &yes,
					ListenFromRoleIDs: []string{}, IgnoreFromRoleIDs: []string{}}
				if cp != nil && cp.events[name] != nil {
					ep := cp.events[name]
					e.IsPushNotifiable, e.TitleTemplate, e.BodyTemplate = !ep.off, ep.title, ep.body
					e.ListenFromRoleIDs, e.IgnoreFromRoleIDs = nonNil(ep.listenFrom), nonNil(ep.ignoreOf)
				}
				events = append(events, e)
			}
		}
		body := map[string]any{"isPushNotifiable": on, "notifiableEvents": events}
		if level == "community" {
			body["isUserEnabled"] = userOn
		}
		return c.ok(body)
	})
	s.route("POST /api/v3/notification/setting", authUser, func(c *request) error {
		var req struct {
			Level            string `json:"level"`
			IsPushNotifiable *bool  `json:"isPushNotifiable"`
			ChannelID        string `json:"channelId"`
			CommunityID      string `json:"communityId"`
			NotifiableEvents *[]struct {
				Name              string   `json:"name"`
				ModuleName        string   `json:"moduleName"`
				IsPushNotifiable  *bool    `json:"isPushNotifiable"`
				TitleTemplate     string   `json:"titleTemplate"`
				BodyTemplate      string   `json:"bodyTemplate"`
				ListenFromRoleIDs []string `json:"listenFromRoleIds"`
				IgnoreFromRoleIDs []string `json:"ignoreFromRoleIds"`
			} `json:"notifiableEvents"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if err := c.notificationTarget(req.Level, req.ChannelID, req.CommunityID); err != nil {
			return err
		}
		if ev := req.NotifiableEvents; ev != nil {
			if len(*ev) < 1 || len(*ev) > 7 {
				return errBadRequest("Parameters validation error: notifiableEvents must have 1 to 7 items")
			}
			for _, e := range *ev {
				if e.Name != "" && !containsString(notificationEvents, e.Name) {
					return errBadRequest("Parameters validation error: unknown event %q", e.Name)
				}
				if err := enum("moduleName", e.ModuleName, notificationModules...); err != nil {
					return err
				}
				if len(e.TitleTemplate) > 1000 || len(e.BodyTemplate) > 5000 || len(e.ListenFromRoleIDs) > 10 || len(e.IgnoreFromRoleIDs) > 10 {
					return errBadRequest("Parameters validation error: templates or role lists too long")
				}
				if req.Level == "user" && e.ModuleName == "" {
					return errBadRequest("Parameters validation error: moduleName is required at the user level")
				}
				if req.Level == "community" && e.Name == "" {
					return errBadRequest("Parameters validation error: name is required at the community level")
				}
			}
		}
		n := c.st.notificationsOf(c.me().id)
		switch req.Level {
		case "user":
			if req.IsPushNotifiable != nil {
				n.disabled = !*req.IsPushNotifiable
			}
			if req.NotifiableEvents != nil {
				for _, e := range *req.NotifiableEvents {
					if e.IsPushNotifiable != nil {
						n.modules[e.ModuleName] = *e.IsPushNotifiable
					}
				}
			}
		case "channel":
			if req.IsPushNotifiable != nil {
				n.channels[req.ChannelID] = *req.IsPushNotifiable
			}
		case "community":
			cp := n.communities[req.CommunityID]
			if cp == nil {
				cp = &communityPush{events: map[string]*eventPush{}}
				n.communities[req.CommunityID] = cp
			}
			if req.IsPushNotifiable != nil {
				cp.disabled = !*req.IsPushNotifiable
			}
			if req.NotifiableEvents != nil {
				for _, e := range *req.NotifiableEvents {
					ep := cp.events[e.Name]
					if ep == nil {
						ep = &eventPush{}
						cp.events[e.Name] = ep
					}
					if e.IsPushNotifiable != nil {
						ep.off = !*e.IsPushNotifiable
					}
					if e.TitleTemplate != "" {
						ep.title = e.TitleTemplate
					}
					if e.BodyTemplate != "" {
						ep.body = e.BodyTemplate
					}
					if e.ListenFromRoleIDs != nil {
						ep.listenFrom = e.ListenFromRoleIDs
					}
					if e.IgnoreFromRoleIDs != nil {
						ep.ignoreOf = e.IgnoreFromRoleIDs
					}
				}
			}
		}
		return c.ok(map[string]string{"status": "success"})
	})
	s.route("POST /v1/notification", authUser, withAPIKey(func(c *request) error {
		var req struct {
			DeviceID string `json:"deviceId"`
			Platform string `json:"platform"`
			Token    string `json:"token"`
			UserID   string `json:"userId"`
			Provider string `json:"provider"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		switch {
		case req.DeviceID == "" || len(req.DeviceID) > 150:
			return errBadRequest("Parameters validation error: deviceId must have 1 to 150 characters")
		case req.Platform != "android" && req.Platform != "ios":
			return errBadRequest("Parameters validation error: platform must be android or ios")
		case req.Token == "" || len(req.Token) > 1000:
			return errBadRequest("Parameters validation error: token must have 1 to 1000 characters")
		case req.Platform == "ios" && (len(req.Token) > 400 || strings.Trim(req.Token, "0123456789abcdefABCDEF") != ""):
			return errBadRequest("Parameters validation error: an iOS token must be at most 400 hexadecimal digits")
		case req.UserID == "":
			return errBadRequest("Parameters validation error: userId is required")
		}
		if c.st.liveUser(req.UserID) == nil {
			return errNotFound("User Not Found.")
		}
		if !c.isAdmin && req.UserID != c.identity {
			return errPermission("A user may register devices for itself only")
		}
		c.st.devices[req.DeviceID] = &pushDevice{deviceID: req.DeviceID, platform: req.Platform, token: req.Token,
			userID: req.UserID, provider: req.Provider, registeredAt: c.now()}
		return c.ok(statusData{Status: "success", Data: map[string]any{}})
	}))
	s.route("DELETE /v1/notification", authUser, withAPIKey(func(c *request) error {
		deviceID, userID := c.q("deviceId"), c.q("userId")
		if deviceID == "" {
			return errBadRequest("Parameters validation error: deviceId is required")
		}
		devices := c.st.devices
		if d := devices[deviceID]; d != nil {
			if (userID != "" && d.userID != userID) || (!c.isAdmin && d.userID != c.identity) {
				return errPermission("The device belongs to another user")
			}
			delete(devices, deviceID)
		}
		return c.ok(statusData{Status: "success", Data: map[string]any{}})
	}))
}
