package amitytest

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"time"
)

// nsState is the state of the operations spec 4.116.1 added to the network settings, the
// admin token, the reports, the archives and the notification tray (this file,
// admin_token.go, reports.go, archives.go, notification_tray.go). It hangs off state.nsx and
// is made on first use (ns4116); s.mu guards it like the rest of the state.
type nsState struct {
	enhance   enhanceModerationJSON
	product   bool // the product catalogue switch
	public    publicUsersJSON
	push      pushNotificationJSON
	security  securityConfigsJSON
	deepLinks *deepLinksJSON  // nil until set
	uikit     json.RawMessage // the configuration as set (an object); nil until set
	room      roomSettingsJSON

	admin adminTokenState // admin token rotation (admin_token.go)

	archives map[string]map[string]time.Time // user ID -> channel public ID -> when archived (archives.go)

	itemSeen map[string]map[string]time.Time // user ID -> tray item ID -> last seen (notification_tray.go)
	traySeen map[string]time.Time            // user ID -> when the whole tray was last seen

	lastCall  map[string]time.Time       // identity -> its last authenticated call (reports.go)
	downloads map[string]*issuedDownload // the signed download URLs issued, by ID (reports.go)
}

// ns4116 returns the 4.116.1 state, making it on first use. s.mu is held.
func (st *state) ns4116() *nsState {
	if st.nsx == nil {
		st.nsx = &nsState{
			enhance: enhanceModerationJSON{CommentDeletionBehavior: "delete_whole_comment",
				Confidences: []enhanceConfidenceJSON{}, UserModerationExclusionPatterns: []string{}},
			push:      pushNotificationJSON{NotifyWhenLiveStart: true},
			room:      roomSettingsJSON{MaxCoHostParticipants: 2, MaxStreamingDurationHours: 6},
			archives:  map[string]map[string]time.Time{},
			itemSeen:  map[string]map[string]time.Time{},
			traySeen:  map[string]time.Time{},
			lastCall:  map[string]time.Time{},
			downloads: map[string]*issuedDownload{},
		}
	}
	return st.nsx
}

type enhanceConfidenceJSON struct {
	Category        string  `json:"category"`
	FlagConfidence  float64 `json:"flagConfidence"`
	BlockConfidence float64 `json:"blockConfidence"`
	ModerationType  string  `json:"moderationType"`
}

type enhanceModerationJSON struct {
	Enabled                         bool                    `json:"enabled"`
	CommentDeletionBehavior         string                  `json:"commentDeletionBehavior"`
	Confidences                     []enhanceConfidenceJSON `json:"confidences"`
	UserModerationExclusionPatterns []string                `json:"userModerationExclusionPatterns"`
}

type publicUsersJSON struct {
	VisitorEnabled bool `json:"visitorEnabled"`
	BotEnabled     bool `json:"botEnabled"`
	Secure         bool `json:"secure"`
}

type pushNotificationJSON struct {
	IOSMutableContent   bool `json:"iOSMutableContent"`
	NotifyWhenLiveStart bool `json:"notifyWhenLiveStart"`
}

type serverKeyConfigJSON struct {
	ExpiresInHours  *float64 `json:"expiresInHours,omitempty"`
	APIScopeEnabled *bool    `json:"apiScopeEnabled,omitempty"`
}

type adminTokenConfigJSON struct {
	ExpiresInHours *float64 `json:"expiresInHours,omitempty"`
}

// securityConfigsJSON holds what was set; a part never set is left out of the answer.
type securityConfigsJSON struct {
	ServerKey  *serverKeyConfigJSON  `json:"serverKey,omitempty"`
	AdminToken *adminTokenConfigJSON `json:"adminToken,omitempty"`
}

type deepLinkPatternsJSON struct {
	Posts       string `json:"posts,omitempty"`
	Communities string `json:"communities,omitempty"`
	Users       string `json:"users,omitempty"`
	Livestreams string `json:"livestreams,omitempty"`
}

type deepLinksJSON struct {
	Domain   string               `json:"domain"`
	Patterns deepLinkPatternsJSON `json:"patterns"`
}

type roomSettingsJSON struct {
	MaxCoHostParticipants     int     `json:"maxCoHostParticipants"`
	MaxStreamingDurationHours float64 `json:"maxStreamingDurationHours"`
}

// adminTokenLifetime is how long an admin token issued now lives (zero: no limit), by the
// network's security settings.
func (ns *nsState) adminTokenLifetime() time.Duration {
	if a := ns.security.AdminToken; a != nil && a.ExpiresInHours != nil {
		return time.Duration(*a.ExpiresInHours * float64(time.Hour))
	}
	return 0
}

func (s *Server) routesNetworkSettings4116() {
	const base = "/api/v3/network-settings/"
	s.route("GET "+base+"enhance-moderation", authAdmin, func(c *request) error {
		return c.ok(c.st.ns4116().enhance)
	})
	s.route("PUT "+base+"enhance-moderation", authAdmin, updateEnhanceModeration)
	s.route("GET "+base+"product", authUser, func(c *request) error {
		return c.ok(map[string]any{"product": map[string]bool{"enabled": c.st.ns4116().product}})
	})
	s.route("PUT "+base+"product", authAdmin, func(c *request) error {
		var req struct {
			Enabled *bool `json:"enabled"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.Enabled == nil {
			return errBadRequest("Parameters validation error: enabled is required")
		}
		ns := c.st.ns4116()
		ns.product = *req.Enabled
		return c.ok(map[string]any{"product": map[string]bool{"enabled": ns.product}})
	})
	s.route("GET "+base+"public-users", authAdmin, func(c *request) error { return c.ok(c.st.ns4116().public) })
	s.route("PUT "+base+"public-users", authAdmin, func(c *request) error {
		var req struct {
			Visitor *bool `json:"publicUserVisitorEnabled"`
			Bot     *bool `json:"publicUserBotEnabled"`
			Secure  *bool `json:"publicUserSecure"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		p := &c.st.ns4116().public
		setOpt(&p.VisitorEnabled, req.Visitor)
		setOpt(&p.BotEnabled, req.Bot)
		setOpt(&p.Secure, req.Secure)
		return c.ok(*p)
	})
	s.route("GET "+base+"push-notification", authAdmin, func(c *request) error { return c.ok(c.st.ns4116().push) })
	s.route("PUT "+base+"push-notification", authAdmin, func(c *request) error {
		var req struct {
			IOSMutableContent   *bool `json:"iOSMutableContent"`
			NotifyWhenLiveStart *bool `json:"notifyWhenLiveStart"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		p := &c.st.ns4116().push
		setOpt(&p.IOSMutableContent, req.IOSMutableContent)
		setOpt(&p.NotifyWhenLiveStart, req.NotifyWhenLiveStart)
		return c.ok(*p)
	})
	s.route("GET "+base+"room", authUser, func(c *request) error {
		return c.ok(map[string]any{"roomSettings": c.st.ns4116().room})
	})
	s.route("GET "+base+"security-configs", authAdmin, func(c *request) error {
		return c.ok(map[string]any{"securityConfigs": c.st.ns4116().security})
	})
	s.route("PUT "+base+"security-configs", authAdmin, updateSecurityConfigs)
	s.route("GET "+base+"shareable-deep-links", authUser, func(c *request) error {
		if dl := c.st.ns4116().deepLinks; dl != nil {
			return c.ok(dl)
		}
		return c.ok(deepLinksJSON{})
	})
	s.route("PUT "+base+"shareable-deep-links", authAdmin, updateDeepLinks)
	s.route("GET "+base+"uikit", authUser, func(c *request) error {
		if cfg := c.st.ns4116().uikit; cfg != nil {
			return c.ok(cfg)
		}
		return c.ok(map[string]any{})
	})
	s.route("PUT "+base+"uikit", authAdmin, func(c *request) error {
		body, err := c.readBody()
		if err != nil {
			return errBadRequest("Unable to read request body")
		}
		if len(body) > maxJSONBody {
			return errTooLarge()
		}
		var cfg map[string]json.RawMessage
		if err := json.Unmarshal(body, &cfg); err != nil || cfg == nil {
			return errBadRequest("Parameters validation error: the UIKit config must be a JSON object")
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, body); err != nil {
			return errBadRequest("Invalid JSON body")
		}
		ns := c.st.ns4116()
		ns.uikit = compact.Bytes()
		return c.ok(ns.uikit)
	})
}

// updateEnhanceModeration is PUT /api/v3/network-settings/enhance-moderation: a partial update
// of a body that allows no other member (the spec's additionalProperties: false); an empty
// body changes nothing.
func updateEnhanceModeration(c *request) error {
	var raw map[string]json.RawMessage
	if err := c.decode(&raw, true); err != nil {
		return err
	}
	for k := range raw {
		if !containsString([]string{"enabled", "commentDeletionBehavior", "confidences", "userModerationExclusionPatterns"}, k) {
			return errBadRequest("Parameters validation error: %s is not allowed", k)
		}
	}
	var req struct {
		Enabled                 *bool                    `json:"enabled"`
		CommentDeletionBehavior *string                  `json:"commentDeletionBehavior"`
		Confidences             *[]enhanceConfidenceJSON `json:"confidences"`
		Patterns                *[]string                `json:"userModerationExclusionPatterns"`
	}
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.CommentDeletionBehavior != nil {
		if err := enum("commentDeletionBehavior", *req.CommentDeletionBehavior, "delete_whole_comment", "delete_attachment_only"); err != nil || *req.CommentDeletionBehavior == "" {
			return errBadRequest("Parameters validation error: commentDeletionBehavior must be delete_whole_comment or delete_attachment_only")
		}
	}
	if req.Confidences != nil {
		if n := len(*req.Confidences); n < 1 || n > 100 {
			return errBadRequest("Parameters validation error: confidences must have 1 to 100 items")
		}
		for _, cf := range *req.Confidences {
			switch {
			case cf.Category == "":
				return errBadRequest("Parameters validation error: confidences[].category is required")
			case cf.FlagConfidence < 0 || cf.BlockConfidence < 0:
				return errBadRequest("Parameters validation error: confidences must not be negative")
			case !containsString([]string{"text", "image", "media", "video"}, cf.ModerationType):
				return errBadRequest("Parameters validation error: confidences[].moderationType must be text, image, media or video")
			}
		}
	}
	if req.Patterns != nil {
		for _, p := range *req.Patterns {
			if _, err := regexp.Compile(p); p == "" || err != nil {
				return errBadRequest("Parameters validation error: userModerationExclusionPatterns must hold regular expressions")
			}
		}
	}
	e := &c.st.ns4116().enhance
	setOpt(&e.Enabled, req.Enabled)
	setOpt(&e.CommentDeletionBehavior, req.CommentDeletionBehavior)
	setOptWith(&e.Confidences, req.Confidences, func(v []enhanceConfidenceJSON) []enhanceConfidenceJSON { return nonNil(v) })
	setOptWith(&e.UserModerationExclusionPatterns, req.Patterns, func(v []string) []string { return nonNil(v) })
	return c.ok(*e)
}

// updateSecurityConfigs is PUT /api/v3/network-settings/security-configs: serverKey or
// adminToken (at least one); serverKey needs apiScopeEnabled; a lifetime is 1 to 1000
// hours. A lifetime left out keeps the one set before.
func updateSecurityConfigs(c *request) error {
	var req struct {
		ServerKey  *serverKeyConfigJSON  `json:"serverKey"`
		AdminToken *adminTokenConfigJSON `json:"adminToken"`
	}
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.ServerKey == nil && req.AdminToken == nil {
		return errBadRequest("Parameters validation error: serverKey or adminToken is required")
	}
	hours := func(v *float64) error {
		if v != nil && (*v < 1 || *v > 1000) {
			return errBadRequest("Parameters validation error: expiresInHours must be between 1 and 1000")
		}
		return nil
	}
	sec := &c.st.ns4116().security
	if k := req.ServerKey; k != nil {
		if k.APIScopeEnabled == nil {
			return errBadRequest("Parameters validation error: serverKey.apiScopeEnabled is required")
		}
		if err := hours(k.ExpiresInHours); err != nil {
			return err
		}
	}
	if a := req.AdminToken; a != nil {
		if err := hours(a.ExpiresInHours); err != nil {
			return err
		}
	}
	if k := req.ServerKey; k != nil {
		if sec.ServerKey == nil {
			sec.ServerKey = &serverKeyConfigJSON{}
		}
		sec.ServerKey.APIScopeEnabled = k.APIScopeEnabled
		if k.ExpiresInHours != nil {
			sec.ServerKey.ExpiresInHours = k.ExpiresInHours
		}
	}
	if a := req.AdminToken; a != nil {
		if sec.AdminToken == nil {
			sec.AdminToken = &adminTokenConfigJSON{}
		}
		if a.ExpiresInHours != nil {
			sec.AdminToken.ExpiresInHours = a.ExpiresInHours
		}
	}
	return c.ok(map[string]any{"securityConfigs": sec})
}

// updateDeepLinks is PUT /api/v3/network-settings/shareable-deep-links: it replaces the
// domain and patterns; each pattern must hold its placeholder.
func updateDeepLinks(c *request) error {
	var req struct {
		Domain   *string               `json:"domain"`
		Patterns *deepLinkPatternsJSON `json:"patterns"`
	}
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.Domain == nil || strings.TrimSpace(*req.Domain) == "" || req.Patterns == nil {
		return errBadRequest("Parameters validation error: domain and patterns are required")
	}
	if err := maxLen("domain", *req.Domain, 100); err != nil {
		return err
	}
	p := req.Patterns
	for _, f := range []struct{ name, v, placeholder string }{
		{"posts", p.Posts, "{postId}"}, {"communities", p.Communities, "{communityId}"},
		{"users", p.Users, "{userId}"}, {"livestreams", p.Livestreams, "{livestreamId}"},
	} {
		if f.v == "" {
			continue
		}
		if err := maxLen("patterns."+f.name, f.v, 100); err != nil {
			return err
		}
		if !strings.Contains(f.v, f.placeholder) {
			return errBadRequest("Parameters validation error: patterns.%s must hold %s", f.name, f.placeholder)
		}
	}
	ns := c.st.ns4116()
	ns.deepLinks = &deepLinksJSON{Domain: *req.Domain, Patterns: *p}
	return c.ok(ns.deepLinks)
}
