package amitytest

import (
	"strings"
	"time"
)

// networkSettings are the network's settings, as the network-settings endpoints show them.
type networkSettings struct {
	socialEnabled, chatEnabled, videoStreamingEnabled bool
	tierHandler                                       string

	chat chatSettingsJSON

	social socialSettingsJSON

	allowUpdateDisplayName bool

	feed map[string]*contentSettingJSON // video check per feed type: post, message, story

	semanticPost, semanticCommunity semanticScopeJSON

	videoModeration videoModerationJSON

	webhook webhookSetting
	prehook prehookSetting
}

// webhookSetting is the webhook switch (GET|PUT /api/v3/network-settings/webhook).
type webhookSetting struct {
	enabled bool
}

// prehookSetting is the pre-hook configuration (GET|PUT /api/v3/network-settings/prehook).
type prehookSetting struct {
	enabled       bool
	callbackURL   string
	defaultAction string // allow or deny
	secretKey     string // issued on the first enable or on regenerateKey
}

// syncWebhookSetting turns the network's webhook switch on when a webhook is set with
// Server.SetWebhook (a network with a registered webhook has webhooks enabled); PUT
// /api/v3/network-settings/webhook {webhookEnabled: false} then stops the deliveries until it
// is turned on again. Clearing the webhook leaves the switch as it is.
func (s *Server) syncWebhookSetting(url string) {
	if url == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.settings.webhook.enabled = true
}

// syncPrehookSetting makes GET /api/v3/network-settings/prehook show a pre-hook set with
// Server.SetPreHook (an empty url disables it).
func (s *Server) syncPrehookSetting(url string, secret []byte, defaultAction string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ph := &s.st.settings.prehook
	ph.enabled, ph.defaultAction = url != "", defaultAction
	if url != "" {
		ph.callbackURL, ph.secretKey = url, string(secret)
	}
}

// applyPrehookSetting makes the pre-hook calls follow the network's pre-hook settings after
// PUT /api/v3/network-settings/prehook: while enabled, the post, message and channel
// operations of the pre-hook events ask callbackUrl, signed with secretKey, and apply defaultAction without an answer (see
// Server.SetPreHook); disabled, they ask nobody. s.mu is held.
func (c *request) applyPrehookSetting() {
	ph := c.st.settings.prehook
	w := &c.s.webhooks
	w.mu.Lock()
	defer w.mu.Unlock()
	if !ph.enabled {
		w.pre.url = ""
		return
	}
	timeout := w.pre.timeout
	if timeout <= 0 {
		timeout = 2 * time.Second
	}
	w.pre = preHookConfig{url: ph.callbackURL, secret: []byte(ph.secretKey), timeout: timeout, defaultAction: ph.defaultAction}
}

// webhookSettings returns the webhook switch: webhook delivery should happen only while it
// is enabled. The caller holds the state lock.
func (st *state) webhookSettings() webhookSetting { return st.settings.webhook }

// prehookSettings returns the pre-hook configuration: while enabled, a pre-hook client
// should ask callbackURL, sign with secretKey and apply defaultAction when it gets no
// answer. The caller holds the state lock.
func (st *state) prehookSettings() prehookSetting { return st.settings.prehook }

type chatSettingsJSON struct {
	Enabled bool `json:"enabled"`
	Mention struct {
		IsAllowMentionedChannelEnabled bool `json:"isAllowMentionedChannelEnabled"`
	} `json:"mention"`
	MessagePreview struct {
		Enabled          bool `json:"enabled"`
		IsIncludeDeleted bool `json:"isIncludeDeleted"`
	} `json:"messagePreview"`
	IsAllowAdminViewConversationMessage    bool `json:"isAllowAdminViewConversationMessage"`
	IsAllowAdminManageConversationMessage  bool `json:"isAllowAdminManageConversationMessage"`
	AllowMemberToUpdateConversationChannel bool `json:"allowMemberToUpdateConversationChannel"`
}

type globalFeedJSON struct {
	ShowOnlyMyFeed      bool `json:"showOnlyMyFeed"`
	ShowMyPost          bool `json:"showMyPost"`
	ShowEveryonePost    bool `json:"showEveryonePost"`
	ShowCommunityPost   bool `json:"showCommunityPost"`
	ShowFollowingPost   bool `json:"showFollowingPost"`
	MaxGlobalPinnedPost int  `json:"maxGlobalPinnedPost"`
}

type storySettingsJSON struct {
	ExpiryTimeMinutes         int  `json:"expiryTimeMinutes"`
	AllowAllUserToCreateStory bool `json:"allowAllUserToCreateStory"`
}

type socialSettingsJSON struct {
	Enabled                              bool              `json:"enabled"`
	UserPrivacySetting                   string            `json:"userPrivacySetting"`
	IsFollowWithRequestEnabled           bool              `json:"isFollowWithRequestEnabled"`
	IsAllowEditPostWhenReviewingEnabled  bool              `json:"isAllowEditPostWhenReviewingEnabled"`
	DisallowNonMemberInteractInCommunity bool              `json:"disallowNonMemberInteractInCommunity"`
	AllowJoinPrivateCommunity            bool              `json:"allowJoinPrivateCommunity"`
	GlobalFeed                           globalFeedJSON    `json:"globalFeed"`
	Story                                storySettingsJSON `json:"story"`
}

type transcodeJSON struct {
	MaxResolution string `json:"maxResolution"`
	MinResolution string `json:"minResolution"`
}

type contentSettingJSON struct {
	ContentType        string        `json:"contentType"`
	Allowed            bool          `json:"allowed"`
	MaxDurationSeconds int           `json:"maxDurationSeconds"`
	TranscodeConfig    transcodeJSON `json:"transcodeConfig"`
}

type feedSettingJSON struct {
	FeedType        string               `json:"feedType"`
	ContentSettings []contentSettingJSON `json:"contentSettings"`
}

type semanticScopeJSON struct {
	Enabled  bool    `json:"enabled"`
	MinScore float64 `json:"minScore"`
}

type videoCategoryJSON struct {
	Category           string   `json:"category"`
	FlagThreshold      *float64 `json:"flagThreshold,omitempty"`
	TerminateThreshold *float64 `json:"terminateThreshold,omitempty"`
}

type videoModerationJSON struct {
	Enabled    bool                `json:"enabled"`
	Categories []videoCategoryJSON `json:"categories"`
}

// feedTypes are the feed types of the feed settings, with their longest video.
var feedTypes = []struct {
	name string
	max  int
}{{"post", 7200}, {"message", 600}, {"story", 90}}

func defaultNetworkSettings() networkSettings {
	ns := networkSettings{socialEnabled: true, chatEnabled: true, videoStreamingEnabled: true, allowUpdateDisplayName: true,
		feed: map[string]*contentSettingJSON{}, semanticPost: semanticScopeJSON{MinScore: 0.5}, semanticCommunity: semanticScopeJSON{MinScore: 0.5},
		prehook: prehookSetting{defaultAction: "allow"}}
	ns.chat.Mention.IsAllowMentionedChannelEnabled = true
	ns.chat.IsAllowAdminViewConversationMessage = true
	ns.chat.IsAllowAdminManageConversationMessage = true
	ns.social = socialSettingsJSON{UserPrivacySetting: "public",
		GlobalFeed: globalFeedJSON{ShowMyPost: true, ShowEveryonePost: true, ShowCommunityPost: true, ShowFollowingPost: true, MaxGlobalPinnedPost: 1},
		Story:      storySettingsJSON{ExpiryTimeMinutes: 1440}}
	for _, ft := range feedTypes {
		ns.feed[ft.name] = &contentSettingJSON{ContentType: "video", Allowed: true, MaxDurationSeconds: ft.max,
			TranscodeConfig: transcodeJSON{MaxResolution: "1080p", MinResolution: "360p"}}
	}
	ns.videoModeration.Categories = []videoCategoryJSON{}
	return ns
}

func (ns *networkSettings) chatJSON() chatSettingsJSON {
	out := ns.chat
	out.Enabled = ns.chatEnabled
	return out
}

func (ns *networkSettings) socialJSON() socialSettingsJSON {
	out := ns.social
	out.Enabled = ns.socialEnabled
	return out
}

func (ns *networkSettings) feedJSON() map[string]any {
	list := []feedSettingJSON{}
	for _, ft := range feedTypes {
		list = append(list, feedSettingJSON{FeedType: ft.name, ContentSettings: []contentSettingJSON{*ns.feed[ft.name]}})
	}
	return map[string]any{"feedSettings": list}
}

func (ns *networkSettings) semanticJSON() map[string]any {
	return map[string]any{"semanticSearch": map[string]any{"post": ns.semanticPost, "community": ns.semanticCommunity}}
}

func (ns *networkSettings) videoJSON() map[string]any {
	return map[string]any{"enabled": ns.videoStreamingEnabled, "moderation": ns.videoModeration}
}

func (ns *networkSettings) prehookJSON(secret string) map[string]any {
	out := map[string]any{"enabled": ns.prehook.enabled, "defaultAction": ns.prehook.defaultAction, "callbackUrl": ns.prehook.callbackURL}
	if secret != "" {
		out["secretKey"] = secret
	}
	return out
}

// Behaviour hooks: the handlers of other areas consult these.

// chatDisabled refuses chat writes while chat is turned off (PUT /api/v3/network-settings
// chatEnabled: false).
func (c *request) chatDisabled() error {
	if !c.st.settings.chatEnabled {
		return errForbidden("Chat feature is disabled for this network.")
	}
	return nil
}

// socialDisabled refuses social writes while social features are turned off.
func (c *request) socialDisabled() error {
	if !c.st.settings.socialEnabled {
		return errForbidden("Social feature is disabled for this network.")
	}
	return nil
}

// displayNameLocked refuses a user changing its own display name while the users setting
// isAllowUpdateDisplayName is false; the admin may still change it.
func (c *request) displayNameLocked() error {
	if !c.isAdmin && !c.st.settings.allowUpdateDisplayName {
		return errForbidden("Updating display name is not allowed.")
	}
	return nil
}

// privateJoinAllowed reports whether users may join private communities by themselves (the
// social setting allowJoinPrivateCommunity; off by default).
func (c *request) privateJoinAllowed() bool {
	return c.st.settings.social.AllowJoinPrivateCommunity
}

func (s *Server) routesNetworkSettings() {
	s.route("PUT /api/v3/network-settings", authAdmin, func(c *request) error {
		var req struct {
			NetworkID             *string `json:"networkId"`
			TierHandler           *string `json:"tierHandler"`
			SocialEnabled         *bool   `json:"socialEnabled"`
			VideoStreamingEnabled *bool   `json:"videoStreamingEnabled"`
			ChatEnabled           *bool   `json:"chatEnabled"`
			IsWhitelistEnabled    *bool   `json:"isWhitelistEnabled"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.NetworkID != nil && *req.NetworkID != "" && *req.NetworkID != networkID {
			return errPermission("The network ID does not match the token's network")
		}
		if req.TierHandler != nil {
			if err := maxLen("tierHandler", *req.TierHandler, 200); err != nil {
				return err
			}
		}
		ns := &c.st.settings
		setOpt(&ns.socialEnabled, req.SocialEnabled)
		setOpt(&ns.videoStreamingEnabled, req.VideoStreamingEnabled)
		setOpt(&ns.chatEnabled, req.ChatEnabled)
		setOpt(&c.st.whitelistEnabled, req.IsWhitelistEnabled)
		setOpt(&ns.tierHandler, req.TierHandler)
		return c.ok(map[string]any{
			"videoStreaming": map[string]bool{"enabled": ns.videoStreamingEnabled},
			"chat":           ns.chatJSON(),
			"social":         ns.socialJSON(),
			"webhook":        map[string]bool{"enabled": ns.webhook.enabled},
			"moderation":     map[string]bool{"isWhitelistEnabled": c.st.whitelistEnabled},
			"tierHandler":    ns.tierHandler,
		})
	})
	s.route("GET /api/v3/network-settings/chat", authAdmin, func(c *request) error {
		ns := &c.st.settings
		return c.ok(ns.chatJSON())
	})
	s.route("PUT /api/v3/network-settings/chat", authAdmin, func(c *request) error {
		var req struct {
			IsAllowMentionedChannelEnabled *bool `json:"isAllowMentionedChannelEnabled"`
			MessagePreviewSetting          *struct {
				Enabled          *bool `json:"enabled"`
				IsIncludeDeleted *bool `json:"isIncludeDeleted"`
			} `json:"messagePreviewSetting"`
			IsAllowAdminViewConversationMessage    *bool `json:"isAllowAdminViewConversationMessage"`
			IsAllowAdminManageConversationMessage  *bool `json:"isAllowAdminManageConversationMessage"`
			AllowMemberToUpdateConversationChannel *bool `json:"allowMemberToUpdateConversationChannel"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if p := req.MessagePreviewSetting; p != nil && p.Enabled == nil {
			return errBadRequest("Parameters validation error: messagePreviewSetting.enabled is required")
		}
		ns := &c.st.settings
		setOpt(&ns.chat.Mention.IsAllowMentionedChannelEnabled, req.IsAllowMentionedChannelEnabled)
		if p := req.MessagePreviewSetting; p != nil {
			ns.chat.MessagePreview.Enabled = *p.Enabled
			setOpt(&ns.chat.MessagePreview.IsIncludeDeleted, p.IsIncludeDeleted)
		}
		setOpt(&ns.chat.IsAllowAdminViewConversationMessage, req.IsAllowAdminViewConversationMessage)
		setOpt(&ns.chat.IsAllowAdminManageConversationMessage, req.IsAllowAdminManageConversationMessage)
		setOpt(&ns.chat.AllowMemberToUpdateConversationChannel, req.AllowMemberToUpdateConversationChannel)
		return c.ok(ns.chatJSON())
	})
	s.route("GET /api/v3/network-settings/feed-setting", authAdmin, func(c *request) error {
		return c.ok(c.st.settings.feedJSON())
	})
	s.route("PUT /api/v3/network-settings/feed-setting", authAdmin, s.updateFeedSettings)
	s.route("GET /api/v3/network-settings/prehook", authAdmin, func(c *request) error {
		return c.ok(c.st.settings.prehookJSON(""))
	})
	s.route("PUT /api/v3/network-settings/prehook", authAdmin, func(c *request) error {
		var req struct {
			Enabled       *bool   `json:"enabled"`
			CallbackURL   *string `json:"callbackUrl"`
			DefaultAction *string `json:"defaultAction"`
			RegenerateKey *bool   `json:"regenerateKey"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		ns := &c.st.settings
		if req.CallbackURL != nil {
			if err := maxLen("callbackUrl", *req.CallbackURL, 900); err != nil {
				return err
			}
			if u := *req.CallbackURL; u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
				return errBadRequest("Parameters validation error: callbackUrl must be a URL")
			}
		}
		if req.DefaultAction != nil {
			if err := enum("defaultAction", *req.DefaultAction, "allow", "deny"); err != nil {
				return err
			}
		}
		enabling := req.Enabled != nil && *req.Enabled
		url := ns.prehook.callbackURL
		setOpt(&url, req.CallbackURL)
		if enabling && url == "" {
			return errBadRequest("Parameters validation error: callbackUrl is required to enable the pre-hook")
		}
		setOpt(&ns.prehook.enabled, req.Enabled)
		ns.prehook.callbackURL = url
		if req.DefaultAction != nil && *req.DefaultAction != "" {
			ns.prehook.defaultAction = *req.DefaultAction
		}
		// The secret key is shown once: when the pre-hook is first enabled, or regenerated.
		issued := ""
		if (enabling && ns.prehook.secretKey == "") || (req.RegenerateKey != nil && *req.RegenerateKey) {
			ns.prehook.secretKey = "phk_" + c.st.newID() + c.st.newID()
			issued = ns.prehook.secretKey
		}
		c.applyPrehookSetting()
		return c.ok(ns.prehookJSON(issued))
	})
	s.route("GET /api/v3/network-settings/semantic-search", authAdmin, func(c *request) error {
		return c.ok(c.st.settings.semanticJSON())
	})
	s.route("PUT /api/v3/network-settings/semantic-search", authAdmin, func(c *request) error {
		var req struct {
			PostMinScore      *float64 `json:"postMinScore"`
			CommunityMinScore *float64 `json:"communityMinScore"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		for _, v := range []*float64{req.PostMinScore, req.CommunityMinScore} {
			if v != nil && (*v < 0 || *v > 1) {
				return errBadRequest("Parameters validation error: min scores must be between 0 and 1")
			}
		}
		ns := &c.st.settings
		setOpt(&ns.semanticPost.MinScore, req.PostMinScore)
		setOpt(&ns.semanticCommunity.MinScore, req.CommunityMinScore)
		return c.ok(ns.semanticJSON())
	})
	s.route("GET /api/v3/network-settings/social", authAdmin, func(c *request) error {
		return c.ok(c.st.settings.socialJSON())
	})
	s.route("PUT /api/v3/network-settings/social", authAdmin, s.updateSocialSettings)
	s.route("GET /api/v3/network-settings/users", authAdmin, func(c *request) error {
		return c.ok(map[string]bool{"isAllowUpdateDisplayName": c.st.settings.allowUpdateDisplayName})
	})
	s.route("PUT /api/v3/network-settings/users", authAdmin, func(c *request) error {
		var req struct {
			IsAllowUpdateDisplayName *bool `json:"isAllowUpdateDisplayName"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		ns := &c.st.settings
		setOpt(&ns.allowUpdateDisplayName, req.IsAllowUpdateDisplayName)
		return c.ok(map[string]bool{"isAllowUpdateDisplayName": ns.allowUpdateDisplayName})
	})
	s.route("GET /api/v3/network-settings/video-streaming", authAdmin, func(c *request) error {
		return c.ok(c.st.settings.videoJSON())
	})
	s.route("PUT /api/v3/network-settings/video-streaming", authAdmin, func(c *request) error {
		var req struct {
			Enabled    *bool `json:"enabled"`
			Moderation *struct {
				Enabled    *bool                `json:"enabled"`
				Categories *[]videoCategoryJSON `json:"categories"`
			} `json:"moderation"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if m := req.Moderation; m != nil && m.Categories != nil {
			for _, cat := range *m.Categories {
				if err := enum("category", cat.Category, "pornography", "violence", "prohibited", "inappropriate", "profanity"); err != nil || cat.Category == "" {
					return errBadRequest("Parameters validation error: unknown moderation category %q", cat.Category)
				}
				for _, v := range []*float64{cat.FlagThreshold, cat.TerminateThreshold} {
					if v != nil && (*v < 0 || *v > 1) {
						return errBadRequest("Parameters validation error: thresholds must be between 0 and 1")
					}
				}
			}
		}
		ns := &c.st.settings
		setOpt(&ns.videoStreamingEnabled, req.Enabled)
		if m := req.Moderation; m != nil {
			setOpt(&ns.videoModeration.Enabled, m.Enabled)
			if m.Categories != nil {
				ns.videoModeration.Categories = append([]videoCategoryJSON{}, *m.Categories...)
			}
		}
		return c.ok(ns.videoJSON())
	})
	s.route("GET /api/v3/network-settings/webhook", authAdmin, func(c *request) error {
		return c.ok(map[string]bool{"enabled": c.st.settings.webhook.enabled})
	})
	s.route("PUT /api/v3/network-settings/webhook", authAdmin, func(c *request) error {
		var req struct {
			WebhookEnabled *bool `json:"webhookEnabled"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		ns := &c.st.settings
		setOpt(&ns.webhook.enabled, req.WebhookEnabled)
		return c.ok(map[string]bool{"enabled": ns.webhook.enabled})
	})
}

func (s *Server) updateFeedSettings(c *request) error {
	type videoReq struct {
		Allowed         *bool `json:"allowed"`
		TranscodeConfig *struct {
			MaxResolution *string `json:"maxResolution"`
			MinResolution *string `json:"minResolution"`
		} `json:"transcodeConfig"`
		MaxDurationSeconds *float64 `json:"maxDurationSeconds"`
	}
	type feedReq struct {
		Video *videoReq `json:"video"`
	}
	var req map[string]*feedReq
	if err := c.decode(&req, true); err != nil {
		return err
	}
	resolutions := []string{"1080p", "720p", "480p", "360p"}
	for name, f := range req {
		max := 0
		for _, ft := range feedTypes {
			if ft.name == name {
				max = ft.max
			}
		}
		if max == 0 {
			return errBadRequest("Parameters validation error: unknown feed type %q", name)
		}
		if f == nil || f.Video == nil {
			continue
		}
		if d := f.Video.MaxDurationSeconds; d != nil && (*d < 1 || *d > float64(max) || *d != float64(int(*d))) {
			return errBadRequest("Parameters validation error: %s.video.maxDurationSeconds must be an integer between 1 and %d", name, max)
		}
		if tc := f.Video.TranscodeConfig; tc != nil {
			for _, r := range []*string{tc.MaxResolution, tc.MinResolution} {
				if r != nil {
					if err := enum("resolution", *r, resolutions...); err != nil {
						return err
					}
				}
			}
		}
	}
	ns := &c.st.settings
	for name, f := range req {
		if f == nil || f.Video == nil {
			continue
		}
		cs := ns.feed[name]
		setOpt(&cs.Allowed, f.Video.Allowed)
		if d := f.Video.MaxDurationSeconds; d != nil {
			cs.MaxDurationSeconds = int(*d)
		}
		if tc := f.Video.TranscodeConfig; tc != nil {
			if tc.MaxResolution != nil && *tc.MaxResolution != "" {
				cs.TranscodeConfig.MaxResolution = *tc.MaxResolution
			}
			if tc.MinResolution != nil && *tc.MinResolution != "" {
				cs.TranscodeConfig.MinResolution = *tc.MinResolution
			}
		}
	}
	return c.ok(ns.feedJSON())
}

func (s *Server) updateSocialSettings(c *request) error {
	var req struct {
		UserPrivacySetting                   *string `json:"userPrivacySetting"`
		IsFollowWithRequestEnabled           *bool   `json:"isFollowWithRequestEnabled"`
		IsAllowEditPostWhenReviewingEnabled  *bool   `json:"isAllowEditPostWhenReviewingEnabled"`
		ShowOnlyMyFeed                       *bool   `json:"showOnlyMyFeed"`
		ShowMyPost                           *bool   `json:"showMyPost"`
		ShowEveryonePost                     *bool   `json:"showEveryonePost"`
		ShowCommunityPost                    *bool   `json:"showCommunityPost"`
		ShowFollowingPost                    *bool   `json:"showFollowingPost"`
		IsAllowMentionedChannelEnabled       *bool   `json:"isAllowMentionedChannelEnabled"`
		DisallowNonMemberInteractInCommunity *bool   `json:"disallowNonMemberInteractInCommunity"`
		StoryExpiryTimeMinutes               *int    `json:"storyExpiryTimeMinutes"`
		AllowAllUserToCreateStory            *bool   `json:"allowAllUserToCreateStory"`
		AllowJoinPrivateCommunity            *bool   `json:"allowJoinPrivateCommunity"`
		MaxGlobalPinnedPost                  *int    `json:"maxGlobalPinnedPost"`
	}
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if req.UserPrivacySetting != nil {
		if err := enum("userPrivacySetting", *req.UserPrivacySetting, "public", "private"); err != nil {
			return err
		}
	}
	if v := req.StoryExpiryTimeMinutes; v != nil && (*v < 60 || *v > 1440) {
		return errBadRequest("Parameters validation error: storyExpiryTimeMinutes must be between 60 and 1440")
	}
	if v := req.MaxGlobalPinnedPost; v != nil && (*v < 1 || *v > 20) {
		return errBadRequest("Parameters validation error: maxGlobalPinnedPost must be between 1 and 20")
	}
	ns := &c.st.settings
	so := &ns.social
	if req.UserPrivacySetting != nil && *req.UserPrivacySetting != "" {
		so.UserPrivacySetting = *req.UserPrivacySetting
	}
	setOpt(&so.IsFollowWithRequestEnabled, req.IsFollowWithRequestEnabled)
	setOpt(&so.IsAllowEditPostWhenReviewingEnabled, req.IsAllowEditPostWhenReviewingEnabled)
	setOpt(&so.GlobalFeed.ShowOnlyMyFeed, req.ShowOnlyMyFeed)
	setOpt(&so.GlobalFeed.ShowMyPost, req.ShowMyPost)
	setOpt(&so.GlobalFeed.ShowEveryonePost, req.ShowEveryonePost)
	setOpt(&so.GlobalFeed.ShowCommunityPost, req.ShowCommunityPost)
	setOpt(&so.GlobalFeed.ShowFollowingPost, req.ShowFollowingPost)
	setOpt(&ns.chat.Mention.IsAllowMentionedChannelEnabled, req.IsAllowMentionedChannelEnabled)
	setOpt(&so.DisallowNonMemberInteractInCommunity, req.DisallowNonMemberInteractInCommunity)
	setOpt(&so.Story.AllowAllUserToCreateStory, req.AllowAllUserToCreateStory)
	setOpt(&so.AllowJoinPrivateCommunity, req.AllowJoinPrivateCommunity)
	setOpt(&so.Story.ExpiryTimeMinutes, req.StoryExpiryTimeMinutes)
	setOpt(&so.GlobalFeed.MaxGlobalPinnedPost, req.MaxGlobalPinnedPost)
	return c.ok(ns.socialJSON())
}

// requireAPIKey checks the X-API-Key of the operations the spec secures with ApiKeyAuth.
func (c *request) requireAPIKey() error {
	if !secureEqual(c.r.Header.Get("x-api-key"), c.s.cfg.apiKey) {
		return errUnauthorized("Invalid API key")
	}
	return nil
}

// withAPIKey is h behind requireAPIKey.
func withAPIKey(h handler) handler {
	return func(c *request) error {
		if err := c.requireAPIKey(); err != nil {
			return err
		}
		return h(c)
	}
}
