package amity

import (
	"context"
	"fmt"
	"net/http"
)

// NetworkSettingsService reads and changes the network's settings: which features are on
// (social, chat, video streaming), the chat, social, user, feed, video-streaming and
// semantic-search settings, and the webhook and pre-hook switches. Reach it as
// Client.NetworkSettings. The moderation settings (the allowlist switch) are
// Client.Moderation.GetSettings.
//
// Every Update method sends only the fields set (nil pointers are left out, so the server
// keeps their values) and returns the settings as they are after the change. Setting the same
// values twice leaves the same settings, so the updates are retried like reads, except
// UpdatePrehook when it regenerates the key or enables the pre-hook (the answer that
// carries the secret key must not be lost to a repeat).
type NetworkSettingsService struct{ c *Client }

// FeatureToggle is the on/off state of a feature.
type FeatureToggle struct {
	Enabled bool `json:"enabled"`
}

// NetworkSettings are the settings of every feature, as PUT /api/v3/network-settings returns
// them.
type NetworkSettings struct {
	rawJSON
	VideoStreaming *FeatureToggle      `json:"videoStreaming,omitempty"`
	Chat           *ChatSettings       `json:"chat,omitempty"`
	Social         *SocialSettings     `json:"social,omitempty"`
	Webhook        *WebhookSettings    `json:"webhook,omitempty"`
	Moderation     *ModerationSettings `json:"moderation,omitempty"`
	TierHandler    string              `json:"tierHandler,omitempty"`
}

// UpdateNetworkSettingsParams turns features on or off. Nil fields are left as they are.
type UpdateNetworkSettingsParams struct {
	// NetworkID is the network's ID; the server takes the network from the token, so it can
	// be left empty.
	NetworkID string `json:"networkId,omitempty"`
	// TierHandler is the network's tier handler (at most 200 characters).
	TierHandler string `json:"tierHandler,omitempty"`
	// SocialEnabled, VideoStreamingEnabled and ChatEnabled turn the features on or off.
	SocialEnabled         *bool `json:"socialEnabled,omitempty"`
	VideoStreamingEnabled *bool `json:"videoStreamingEnabled,omitempty"`
	ChatEnabled           *bool `json:"chatEnabled,omitempty"`
	// IsWhitelistEnabled turns link moderation (the allowlist) on or off.
	IsWhitelistEnabled *bool `json:"isWhitelistEnabled,omitempty"`
}

// Update turns features on or off and returns every feature's settings.
// PUT /api/v3/network-settings. Retried: it sets the given values, so a repeat is harmless.
//
// Deprecated: spec 4.116.1 no longer has PUT /api/v3/network-settings. Turn features on or
// off with the settings of each area instead: UpdateChat, UpdateSocial, UpdateVideoStreaming
// and Moderation.UpdateSettings (IsWhitelistEnabled). Update stays until v1.
func (s *NetworkSettingsService) Update(ctx context.Context, params *UpdateNetworkSettingsParams, opts ...CallOption) (*NetworkSettings, error) {
	const op = "NetworkSettings.Update"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := maxLen(op, "TierHandler", params.TierHandler, 200); err != nil {
		return nil, err
	}
	return call[NetworkSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings", body: params, idempotent: true, opts: opts})
}

// ChatSettings are the network's chat settings.
type ChatSettings struct {
	rawJSON
	// Enabled reports whether chat is on (change it with Update's ChatEnabled).
	Enabled bool `json:"enabled"`
	Mention struct {
		// IsAllowMentionedChannelEnabled allows @channel mentions in messages.
		IsAllowMentionedChannelEnabled bool `json:"isAllowMentionedChannelEnabled"`
	} `json:"mention"`
	// MessagePreview is the channel list's message preview.
	MessagePreview MessagePreviewSetting `json:"messagePreview"`
	// IsAllowAdminViewConversationMessage and IsAllowAdminManageConversationMessage let
	// admins read and moderate conversation (direct) messages.
	IsAllowAdminViewConversationMessage   bool `json:"isAllowAdminViewConversationMessage"`
	IsAllowAdminManageConversationMessage bool `json:"isAllowAdminManageConversationMessage"`
	// AllowMemberToUpdateConversationChannel lets every member of a conversation with more
	// than two members edit it; when false only members with the permission may.
	AllowMemberToUpdateConversationChannel bool `json:"allowMemberToUpdateConversationChannel"`
}

// MessagePreviewSetting is the message preview of the channel list.
type MessagePreviewSetting struct {
	// Enabled turns the preview on (required in an update).
	Enabled bool `json:"enabled"`
	// IsIncludeDeleted lets a deleted message be the preview; when false the preview is the
	// latest message that is not deleted.
	IsIncludeDeleted *bool `json:"isIncludeDeleted,omitempty"`
}

// UpdateChatSettingsParams changes the chat settings. Nil fields are left as they are.
type UpdateChatSettingsParams struct {
	IsAllowMentionedChannelEnabled *bool `json:"isAllowMentionedChannelEnabled,omitempty"`
	// MessagePreviewSetting replaces the message preview setting.
	MessagePreviewSetting                  *MessagePreviewSetting `json:"messagePreviewSetting,omitempty"`
	IsAllowAdminViewConversationMessage    *bool                  `json:"isAllowAdminViewConversationMessage,omitempty"`
	IsAllowAdminManageConversationMessage  *bool                  `json:"isAllowAdminManageConversationMessage,omitempty"`
	AllowMemberToUpdateConversationChannel *bool                  `json:"allowMemberToUpdateConversationChannel,omitempty"`
}

// GetChat returns the chat settings. GET /api/v3/network-settings/chat.
func (s *NetworkSettingsService) GetChat(ctx context.Context, opts ...CallOption) (*ChatSettings, error) {
	return call[ChatSettings](ctx, s.c, &request{op: "NetworkSettings.GetChat", method: http.MethodGet, path: "/api/v3/network-settings/chat", opts: opts})
}

// UpdateChat changes the chat settings and returns them. PUT /api/v3/network-settings/chat.
// Retried: it sets the given values, so a repeat is harmless.
func (s *NetworkSettingsService) UpdateChat(ctx context.Context, params *UpdateChatSettingsParams, opts ...CallOption) (*ChatSettings, error) {
	const op = "NetworkSettings.UpdateChat"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	return call[ChatSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/chat", body: params, idempotent: true, opts: opts})
}

// TranscodeResolution is a video resolution of the transcoding settings.
type TranscodeResolution string

// Video resolutions.
const (
	TranscodeResolution1080p TranscodeResolution = "1080p"
	TranscodeResolution720p  TranscodeResolution = "720p"
	TranscodeResolution480p  TranscodeResolution = "480p"
	TranscodeResolution360p  TranscodeResolution = "360p"
)

// TranscodeConfig bounds the resolutions an uploaded video is transcoded to.
type TranscodeConfig struct {
	MaxResolution TranscodeResolution `json:"maxResolution,omitempty"`
	MinResolution TranscodeResolution `json:"minResolution,omitempty"`
}

// FeedSettings are the content checks of each kind of feed (post, message, story).
type FeedSettings struct {
	rawJSON
	FeedSettings []FeedSetting `json:"feedSettings"`
}

// FeedByType returns the content settings of a feed type ("post", "message" or "story"), or
// nil.
func (p *FeedSettings) FeedByType(feedType string) *FeedSetting {
	return byID(p.FeedSettings, feedType, func(f *FeedSetting) string { return f.FeedType })
}

// FeedSetting are the content checks of one feed type.
type FeedSetting struct {
	// FeedType is post, message or story.
	FeedType        string           `json:"feedType"`
	ContentSettings []ContentSetting `json:"contentSettings"`
}

// ContentSetting is the check of one content type (such as video) in a feed.
type ContentSetting struct {
	ContentType string `json:"contentType"`
	Allowed     bool   `json:"allowed"`
	// MaxDurationSeconds is the longest video allowed.
	MaxDurationSeconds float64          `json:"maxDurationSeconds,omitempty"`
	TranscodeConfig    *TranscodeConfig `json:"transcodeConfig,omitempty"`
}

// VideoCheck is the video check of a feed type in UpdateFeedSettings.
type VideoCheck struct {
	// Allowed lets videos into the feed.
	Allowed         *bool            `json:"allowed,omitempty"`
	TranscodeConfig *TranscodeConfig `json:"transcodeConfig,omitempty"`
	// MaxDurationSeconds is the longest video allowed: 1 to 7200 for posts, 600 for messages,
	// 90 for stories.
	MaxDurationSeconds *int `json:"maxDurationSeconds,omitempty"`
}

// FeedTypeCheck holds the content checks of one feed type in UpdateFeedSettings.
type FeedTypeCheck struct {
	Video *VideoCheck `json:"video,omitempty"`
}

// UpdateFeedParams changes the content checks of the feed types. Nil fields are left
// as they are.
type UpdateFeedParams struct {
	Post    *FeedTypeCheck `json:"post,omitempty"`
	Message *FeedTypeCheck `json:"message,omitempty"`
	Story   *FeedTypeCheck `json:"story,omitempty"`
}

func (p *UpdateFeedParams) validate(op string) error {
	for _, f := range []struct {
		name  string
		check *FeedTypeCheck
		max   int
	}{{"Post", p.Post, 7200}, {"Message", p.Message, 600}, {"Story", p.Story, 90}} {
		if f.check == nil || f.check.Video == nil {
			continue
		}
		v := f.check.Video
		if d := v.MaxDurationSeconds; d != nil && (*d < 1 || *d > f.max) {
			return &ValidationError{Op: op, Field: f.name + ".Video.MaxDurationSeconds", Reason: fmt.Sprintf("must be between 1 and %d", f.max)}
		}
	}
	return nil
}

// GetFeed returns the content checks of the feed types.
// GET /api/v3/network-settings/feed-setting.
func (s *NetworkSettingsService) GetFeed(ctx context.Context, opts ...CallOption) (*FeedSettings, error) {
	return call[FeedSettings](ctx, s.c, &request{op: "NetworkSettings.GetFeed", method: http.MethodGet, path: "/api/v3/network-settings/feed-setting", opts: opts})
}

// UpdateFeed changes the content checks of the feed types and returns them.
// PUT /api/v3/network-settings/feed-setting. Retried: it sets the given values.
func (s *NetworkSettingsService) UpdateFeed(ctx context.Context, params *UpdateFeedParams, opts ...CallOption) (*FeedSettings, error) {
	const op = "NetworkSettings.UpdateFeed"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return call[FeedSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/feed-setting", body: params, idempotent: true, opts: opts})
}

// PrehookAction is what the API does with an event when the pre-hook does not answer.
type PrehookAction string

// Pre-hook default actions.
const (
	PrehookAllow PrehookAction = "allow"
	PrehookDeny  PrehookAction = "deny"
)

// PrehookSettings are the pre-hook settings: the URL the API asks before it applies an
// event (post.shouldCreate, message.shouldCreate, ...) and what it does without an answer.
type PrehookSettings struct {
	rawJSON
	Enabled     bool   `json:"enabled"`
	CallbackURL string `json:"callbackUrl,omitempty"`
	// DefaultAction is allow or deny.
	DefaultAction PrehookAction `json:"defaultAction,omitempty"`
	// SecretKey is the key pre-hook requests are signed with. The API sends it only in the
	// answer of the update that first enables the pre-hook or regenerates the key
	// (RegenerateKey); every other answer leaves it empty, so keep it when you get it. It
	// prints as [redacted]; use string(SecretKey) to read it. Raw holds it redacted too.
	SecretKey Secret `json:"secretKey,omitempty"`
}

// setRaw keeps the answer with the secret key redacted, so that logging Raw leaks nothing.
func (p *PrehookSettings) setRaw(b []byte) { p.Raw = redactMembers(b, "secretKey") }

// UpdatePrehookParams changes the pre-hook settings. Nil fields are left as they are.
type UpdatePrehookParams struct {
	Enabled *bool `json:"enabled,omitempty"`
	// CallbackURL is the URL the API calls (at most 900 characters).
	CallbackURL *string `json:"callbackUrl,omitempty"`
	// DefaultAction: allow or deny.
	DefaultAction PrehookAction `json:"defaultAction,omitempty"`
	// RegenerateKey issues a new secret key, returned in the answer's SecretKey.
	RegenerateKey bool `json:"regenerateKey,omitempty"`
}

// GetPrehook returns the pre-hook settings (without the secret key).
// GET /api/v3/network-settings/prehook.
func (s *NetworkSettingsService) GetPrehook(ctx context.Context, opts ...CallOption) (*PrehookSettings, error) {
	return call[PrehookSettings](ctx, s.c, &request{op: "NetworkSettings.GetPrehook", method: http.MethodGet, path: "/api/v3/network-settings/prehook", opts: opts})
}

// UpdatePrehook changes the pre-hook settings and returns them; the answer holds the secret
// key when this update first enables the pre-hook or regenerates the key.
// PUT /api/v3/network-settings/prehook. Retried like a read, except when it regenerates the
// key or enables the pre-hook: those answers may be the only ones carrying the key, and a
// repeat would issue another key or find it already issued.
func (s *NetworkSettingsService) UpdatePrehook(ctx context.Context, params *UpdatePrehookParams, opts ...CallOption) (*PrehookSettings, error) {
	const op = "NetworkSettings.UpdatePrehook"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := maxLenPtr(op, "CallbackURL", params.CallbackURL, 900); err != nil {
		return nil, err
	}
	retry := !params.RegenerateKey && (params.Enabled == nil || !*params.Enabled)
	return call[PrehookSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/prehook", body: params, idempotent: retry, opts: opts})
}

// SemanticSearchSettings are the semantic search settings of posts and communities.
type SemanticSearchSettings struct {
	rawJSON
	SemanticSearch struct {
		Post      SemanticSearchSetting `json:"post"`
		Community SemanticSearchSetting `json:"community"`
	} `json:"semanticSearch"`
}

// SemanticSearchSetting is the semantic search setting of one kind of content.
type SemanticSearchSetting struct {
	Enabled bool `json:"enabled"`
	// MinScore is the lowest relevance (0 to 1) a result must have.
	MinScore float64 `json:"minScore,omitempty"`
}

// UpdateSemanticSearchSettingsParams changes the minimum scores of semantic search (each 0 to 1).
// Nil fields are left as they are.
type UpdateSemanticSearchSettingsParams struct {
	PostMinScore      *float64 `json:"postMinScore,omitempty"`
	CommunityMinScore *float64 `json:"communityMinScore,omitempty"`
}

// GetSemanticSearch returns the semantic search settings.
// GET /api/v3/network-settings/semantic-search.
func (s *NetworkSettingsService) GetSemanticSearch(ctx context.Context, opts ...CallOption) (*SemanticSearchSettings, error) {
	return call[SemanticSearchSettings](ctx, s.c, &request{op: "NetworkSettings.GetSemanticSearch", method: http.MethodGet, path: "/api/v3/network-settings/semantic-search", opts: opts})
}

// UpdateSemanticSearch changes the semantic search settings and returns them.
// PUT /api/v3/network-settings/semantic-search. Retried: it sets the given values.
func (s *NetworkSettingsService) UpdateSemanticSearch(ctx context.Context, params *UpdateSemanticSearchSettingsParams, opts ...CallOption) (*SemanticSearchSettings, error) {
	const op = "NetworkSettings.UpdateSemanticSearch"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(unitRange(op, "PostMinScore", params.PostMinScore), unitRange(op, "CommunityMinScore", params.CommunityMinScore)); err != nil {
		return nil, err
	}
	return call[SemanticSearchSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/semantic-search", body: params, idempotent: true, opts: opts})
}

// UserPrivacy is who may see a user's content by default.
type UserPrivacy string

// User privacy settings.
const (
	UserPrivacyPublic  UserPrivacy = "public"
	UserPrivacyPrivate UserPrivacy = "private"
)

// SocialSettings are the network's social settings.
type SocialSettings struct {
	rawJSON
	// Enabled reports whether social features are on (change it with Update's
	// SocialEnabled).
	Enabled bool `json:"enabled"`
	// UserPrivacySetting is public or private.
	UserPrivacySetting UserPrivacy `json:"userPrivacySetting,omitempty"`
	// IsFollowWithRequestEnabled makes follows wait for the followed user's approval.
	IsFollowWithRequestEnabled          bool `json:"isFollowWithRequestEnabled"`
	IsAllowEditPostWhenReviewingEnabled bool `json:"isAllowEditPostWhenReviewingEnabled"`
	// DisallowNonMemberInteractInCommunity keeps non-members from reacting and commenting.
	DisallowNonMemberInteractInCommunity bool `json:"disallowNonMemberInteractInCommunity"`
	// AllowJoinPrivateCommunity lets users join private communities by themselves.
	AllowJoinPrivateCommunity bool                     `json:"allowJoinPrivateCommunity"`
	GlobalFeed                SocialGlobalFeedSettings `json:"globalFeed"`
	Story                     SocialStorySettings      `json:"story"`
	// MembershipAcceptance is how users join the network: automatic (the default) or by
	// invitation (spec 4.116.1; read only).
	MembershipAcceptance MembershipAcceptance `json:"membershipAcceptance,omitempty"`
}

// MembershipAcceptance is how users join a network.
type MembershipAcceptance string

// Membership acceptance modes.
const (
	MembershipAcceptanceAutomatic  MembershipAcceptance = "automatic"
	MembershipAcceptanceInvitation MembershipAcceptance = "invitation"
)

// SocialGlobalFeedSettings say which posts the global feed shows.
type SocialGlobalFeedSettings struct {
	ShowOnlyMyFeed    bool `json:"showOnlyMyFeed"`
	ShowMyPost        bool `json:"showMyPost"`
	ShowEveryonePost  bool `json:"showEveryonePost"`
	ShowCommunityPost bool `json:"showCommunityPost"`
	ShowFollowingPost bool `json:"showFollowingPost"`
	// MaxGlobalPinnedPost is how many posts may be pinned globally.
	MaxGlobalPinnedPost int `json:"maxGlobalPinnedPost,omitempty"`
}

// SocialStorySettings are the story settings.
type SocialStorySettings struct {
	// ExpiryTimeMinutes is how long a story lasts.
	ExpiryTimeMinutes int `json:"expiryTimeMinutes,omitempty"`
	// AllowAllUserToCreateStory lets every user create stories (otherwise only users with
	// the permission).
	AllowAllUserToCreateStory bool `json:"allowAllUserToCreateStory"`
}

// UpdateSocialSettingsParams changes the social settings. Nil fields are left as they are.
type UpdateSocialSettingsParams struct {
	// UserPrivacySetting: public or private.
	UserPrivacySetting                  UserPrivacy `json:"userPrivacySetting,omitempty"`
	IsFollowWithRequestEnabled          *bool       `json:"isFollowWithRequestEnabled,omitempty"`
	IsAllowEditPostWhenReviewingEnabled *bool       `json:"isAllowEditPostWhenReviewingEnabled,omitempty"`
	ShowOnlyMyFeed                      *bool       `json:"showOnlyMyFeed,omitempty"`
	ShowMyPost                          *bool       `json:"showMyPost,omitempty"`
	ShowEveryonePost                    *bool       `json:"showEveryonePost,omitempty"`
	ShowCommunityPost                   *bool       `json:"showCommunityPost,omitempty"`
	ShowFollowingPost                   *bool       `json:"showFollowingPost,omitempty"`
	// IsAllowMentionedChannelEnabled is the chat setting of @channel mentions (ChatSettings.Mention);
	// the spec lets the social update set it too.
	IsAllowMentionedChannelEnabled       *bool `json:"isAllowMentionedChannelEnabled,omitempty"`
	DisallowNonMemberInteractInCommunity *bool `json:"disallowNonMemberInteractInCommunity,omitempty"`
	// StoryExpiryTimeMinutes is how long a story lasts, 60 to 1440 minutes.
	StoryExpiryTimeMinutes    *int  `json:"storyExpiryTimeMinutes,omitempty"`
	AllowAllUserToCreateStory *bool `json:"allowAllUserToCreateStory,omitempty"`
	AllowJoinPrivateCommunity *bool `json:"allowJoinPrivateCommunity,omitempty"`
	// MaxGlobalPinnedPost is how many posts may be pinned globally, 1 to 20 (super admin
	// only).
	MaxGlobalPinnedPost *int `json:"maxGlobalPinnedPost,omitempty"`
}

// GetSocial returns the social settings. GET /api/v3/network-settings/social.
func (s *NetworkSettingsService) GetSocial(ctx context.Context, opts ...CallOption) (*SocialSettings, error) {
	return call[SocialSettings](ctx, s.c, &request{op: "NetworkSettings.GetSocial", method: http.MethodGet, path: "/api/v3/network-settings/social", opts: opts})
}

// UpdateSocial changes the social settings and returns them.
// PUT /api/v3/network-settings/social. Retried: it sets the given values.
func (s *NetworkSettingsService) UpdateSocial(ctx context.Context, params *UpdateSocialSettingsParams, opts ...CallOption) (*SocialSettings, error) {
	const op = "NetworkSettings.UpdateSocial"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := firstErr(
		intRangePtr(op, "StoryExpiryTimeMinutes", params.StoryExpiryTimeMinutes, 60, 1440),
		intRangePtr(op, "MaxGlobalPinnedPost", params.MaxGlobalPinnedPost, 1, 20),
	); err != nil {
		return nil, err
	}
	return call[SocialSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/social", body: params, idempotent: true, opts: opts})
}

// UserSettings are the network's user settings.
type UserSettings struct {
	rawJSON
	// IsAllowUpdateDisplayName lets users change their own display names.
	IsAllowUpdateDisplayName bool `json:"isAllowUpdateDisplayName"`
	// FallbackRole is the role given to users who hold none (spec 4.116.1).
	FallbackRole FallbackRoleSetting `json:"fallbackRole"`
}

// FallbackRoleSetting says whether users without a role get the fallback roles, and which.
type FallbackRoleSetting struct {
	Enabled bool     `json:"enabled"`
	RoleIDs []string `json:"roleIds,omitempty"`
}

// UpdateUserSettingsParams changes the user settings. Nil fields are left as they are.
type UpdateUserSettingsParams struct {
	IsAllowUpdateDisplayName *bool `json:"isAllowUpdateDisplayName,omitempty"`
	// FallbackRoleIDs replaces the roles given to users who hold none, when the fallback role
	// is enabled. (Spec 4.116.1 caps each item at 10 characters, which would refuse most role
	// IDs; the SDK does not apply that bound.)
	FallbackRoleIDs []string `json:"fallbackRoleIds,omitempty"`
}

// GetUsers returns the user settings. GET /api/v3/network-settings/users.
func (s *NetworkSettingsService) GetUsers(ctx context.Context, opts ...CallOption) (*UserSettings, error) {
	return call[UserSettings](ctx, s.c, &request{op: "NetworkSettings.GetUsers", method: http.MethodGet, path: "/api/v3/network-settings/users", opts: opts})
}

// UpdateUsers changes the user settings and returns them. PUT /api/v3/network-settings/users.
// Retried: it sets the given values.
func (s *NetworkSettingsService) UpdateUsers(ctx context.Context, params *UpdateUserSettingsParams, opts ...CallOption) (*UserSettings, error) {
	const op = "NetworkSettings.UpdateUsers"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	for _, id := range params.FallbackRoleIDs {
		if err := required(op, "FallbackRoleIDs[]", id); err != nil {
			return nil, err
		}
	}
	return call[UserSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/users", body: params, idempotent: true, opts: opts})
}

// LiveModerationCategory is a category of live-stream moderation.
type LiveModerationCategory string

// Live-stream moderation categories.
const (
	LiveModerationPornography   LiveModerationCategory = "pornography"
	LiveModerationViolence      LiveModerationCategory = "violence"
	LiveModerationProhibited    LiveModerationCategory = "prohibited"
	LiveModerationInappropriate LiveModerationCategory = "inappropriate"
	LiveModerationProfanity     LiveModerationCategory = "profanity"
)

// LiveModerationThreshold holds the thresholds of one moderation category: a stream is
// flagged at FlagThreshold and stopped at TerminateThreshold (confidences, 0 to 1).
type LiveModerationThreshold struct {
	Category           LiveModerationCategory `json:"category"`
	FlagThreshold      *float64               `json:"flagThreshold,omitempty"`
	TerminateThreshold *float64               `json:"terminateThreshold,omitempty"`
}

// LiveModerationSettings is the moderation of live streams.
type LiveModerationSettings struct {
	Enabled    bool                      `json:"enabled"`
	Categories []LiveModerationThreshold `json:"categories,omitempty"`
}

// VideoStreamingSettings are the video streaming settings.
type VideoStreamingSettings struct {
	rawJSON
	Enabled    bool                   `json:"enabled"`
	Moderation LiveModerationSettings `json:"moderation"`
}

// UpdateLiveModerationParams changes the moderation of live streams.
type UpdateLiveModerationParams struct {
	Enabled *bool `json:"enabled,omitempty"`
	// Categories replaces the moderation categories.
	Categories []LiveModerationThreshold `json:"categories,omitempty"`
}

// UpdateVideoStreamingSettingsParams changes the video streaming settings. Nil fields are
// left as they are.
type UpdateVideoStreamingSettingsParams struct {
	Enabled    *bool                       `json:"enabled,omitempty"`
	Moderation *UpdateLiveModerationParams `json:"moderation,omitempty"`
}

// GetVideoStreaming returns the video streaming settings.
// GET /api/v3/network-settings/video-streaming.
func (s *NetworkSettingsService) GetVideoStreaming(ctx context.Context, opts ...CallOption) (*VideoStreamingSettings, error) {
	return call[VideoStreamingSettings](ctx, s.c, &request{op: "NetworkSettings.GetVideoStreaming", method: http.MethodGet, path: "/api/v3/network-settings/video-streaming", opts: opts})
}

// UpdateVideoStreaming changes the video streaming settings and returns them.
// PUT /api/v3/network-settings/video-streaming. Retried: it sets the given values.
func (s *NetworkSettingsService) UpdateVideoStreaming(ctx context.Context, params *UpdateVideoStreamingSettingsParams, opts ...CallOption) (*VideoStreamingSettings, error) {
	const op = "NetworkSettings.UpdateVideoStreaming"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if m := params.Moderation; m != nil {
		for _, cat := range m.Categories {
			if err := firstErr(
				required(op, "Moderation.Categories[].Category", string(cat.Category)),
				unitRange(op, "Moderation.Categories[].FlagThreshold", cat.FlagThreshold),
				unitRange(op, "Moderation.Categories[].TerminateThreshold", cat.TerminateThreshold),
			); err != nil {
				return nil, err
			}
		}
	}
	return call[VideoStreamingSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/video-streaming", body: params, idempotent: true, opts: opts})
}

// WebhookSettings are the webhook settings: whether the network may register webhooks and
// receives their events. The webhooks themselves (URLs, at most 10) are registered in the
// console; the API's events are signed (x-amity-signature) with the network's webhook key.
type WebhookSettings struct {
	rawJSON
	Enabled bool `json:"enabled"`
}

// UpdateWebhookParams turns webhooks on or off.
type UpdateWebhookParams struct {
	// WebhookEnabled turns webhooks on or off (the answer calls it Enabled).
	WebhookEnabled *bool `json:"webhookEnabled,omitempty"`
}

// GetWebhook returns the webhook settings. GET /api/v3/network-settings/webhook.
func (s *NetworkSettingsService) GetWebhook(ctx context.Context, opts ...CallOption) (*WebhookSettings, error) {
	return call[WebhookSettings](ctx, s.c, &request{op: "NetworkSettings.GetWebhook", method: http.MethodGet, path: "/api/v3/network-settings/webhook", opts: opts})
}

// UpdateWebhook turns webhooks on or off and returns the settings.
// PUT /api/v3/network-settings/webhook. Retried: it sets the given value. The answer holds
// only Enabled: the webhook secret (package webhook) is not returned by the API; it is shown
// in the console where the webhook URL is configured.
func (s *NetworkSettingsService) UpdateWebhook(ctx context.Context, params *UpdateWebhookParams, opts ...CallOption) (*WebhookSettings, error) {
	const op = "NetworkSettings.UpdateWebhook"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	return call[WebhookSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/webhook", body: params, idempotent: true, opts: opts})
}
