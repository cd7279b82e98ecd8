package amity

// This file holds the network settings spec 4.116.1 added: enhanced moderation, the product
// catalogue, public users, push notifications, rooms, security, shareable deep links and the
// UIKit configuration. The older settings are in network_settings.go.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// CommentDeletionBehavior is what enhanced moderation removes when a comment trips it.
type CommentDeletionBehavior string

// Comment deletion behaviours.
const (
	CommentDeletionWholeComment   CommentDeletionBehavior = "delete_whole_comment"
	CommentDeletionAttachmentOnly CommentDeletionBehavior = "delete_attachment_only"
)

// EnhanceModerationType is the kind of content a confidence row of enhanced moderation
// applies to.
type EnhanceModerationType string

// Enhanced moderation content kinds.
const (
	EnhanceModerationText  EnhanceModerationType = "text"
	EnhanceModerationImage EnhanceModerationType = "image"
	EnhanceModerationMedia EnhanceModerationType = "media"
	EnhanceModerationVideo EnhanceModerationType = "video"
)

// EnhanceModerationConfidence is one row of enhanced moderation: the thresholds of one
// category for one kind of content.
type EnhanceModerationConfidence struct {
	// Category (required) is the moderation category key, such as "hate".
	Category string `json:"category"`
	// FlagConfidence is the threshold (0 or more) at or above which content is flagged.
	FlagConfidence float64 `json:"flagConfidence"`
	// BlockConfidence is the threshold (0 or more) at or above which content is blocked.
	BlockConfidence float64 `json:"blockConfidence"`
	// ModerationType (required) is text, image, media or video.
	ModerationType EnhanceModerationType `json:"moderationType"`
}

// EnhanceModerationSettings are the network's enhanced moderation settings. A network that
// never set them answers the defaults: disabled, delete_whole_comment, no confidences and no
// exclusion patterns.
type EnhanceModerationSettings struct {
	rawJSON
	Enabled bool `json:"enabled"`
	// CommentDeletionBehavior is what is removed when a comment trips moderation.
	CommentDeletionBehavior CommentDeletionBehavior `json:"commentDeletionBehavior,omitempty"`
	// Confidences are the thresholds per category and content kind.
	Confidences []EnhanceModerationConfidence `json:"confidences"`
	// UserModerationExclusionPatterns are regular expressions of the user IDs moderation
	// leaves alone.
	UserModerationExclusionPatterns []string `json:"userModerationExclusionPatterns"`
}

// ConfidenceByCategory returns the confidence row of category for the content kind kind, or
// nil.
func (p *EnhanceModerationSettings) ConfidenceByCategory(category, kind string) *EnhanceModerationConfidence {
	for i := range p.Confidences {
		if c := &p.Confidences[i]; c.Category == category && string(c.ModerationType) == kind {
			return c
		}
	}
	return nil
}

// UpdateEnhanceModerationParams changes the enhanced moderation settings: only the fields
// set are written.
type UpdateEnhanceModerationParams struct {
	// Enabled turns enhanced moderation on or off.
	Enabled *bool
	// CommentDeletionBehavior: delete_whole_comment or delete_attachment_only.
	CommentDeletionBehavior CommentDeletionBehavior
	// Confidences, when set, replace the confidence rows: 1 to 100 rows.
	Confidences []EnhanceModerationConfidence
	// UserModerationExclusionPatterns, when not nil, replace the exclusion patterns (an empty,
	// non-nil list clears them). Each is a non-empty regular expression.
	UserModerationExclusionPatterns []string
}

// MarshalJSON encodes the fields set; UserModerationExclusionPatterns is sent when it is not
// nil, so that an empty list clears the patterns.
func (p UpdateEnhanceModerationParams) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Enabled                         *bool                         `json:"enabled,omitempty"`
		CommentDeletionBehavior         CommentDeletionBehavior       `json:"commentDeletionBehavior,omitempty"`
		Confidences                     []EnhanceModerationConfidence `json:"confidences,omitempty"`
		UserModerationExclusionPatterns *[]string                     `json:"userModerationExclusionPatterns,omitempty"`
	}{p.Enabled, p.CommentDeletionBehavior, p.Confidences, nonNilList(p.UserModerationExclusionPatterns)})
}

// nonNilList is a pointer to vs when it is not nil: a list sent even when empty.
func nonNilList(vs []string) *[]string {
	if vs == nil {
		return nil
	}
	return &vs
}

func (p *UpdateEnhanceModerationParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	if p.Confidences != nil && len(p.Confidences) == 0 {
		return &ValidationError{Op: op, Field: "Confidences", Reason: "must hold at least 1 row when set"}
	}
	if err := maxItems(op, "Confidences", len(p.Confidences), 100); err != nil {
		return err
	}
	for i, c := range p.Confidences {
		field := fmt.Sprintf("Confidences[%d]", i)
		if err := firstErr(
			required(op, field+".Category", c.Category),
			required(op, field+".ModerationType", string(c.ModerationType)),
		); err != nil {
			return err
		}
		if c.FlagConfidence < 0 || c.BlockConfidence < 0 {
			return &ValidationError{Op: op, Field: field, Reason: "confidences must not be negative"}
		}
	}
	for _, pat := range p.UserModerationExclusionPatterns {
		if pat == "" {
			return &ValidationError{Op: op, Field: "UserModerationExclusionPatterns", Reason: "must not hold empty patterns"}
		}
	}
	return nil
}

// GetEnhanceModeration returns the enhanced moderation settings.
// GET /api/v3/network-settings/enhance-moderation.
func (s *NetworkSettingsService) GetEnhanceModeration(ctx context.Context, opts ...CallOption) (*EnhanceModerationSettings, error) {
	return call[EnhanceModerationSettings](ctx, s.c, &request{op: "NetworkSettings.GetEnhanceModeration", method: http.MethodGet,
		path: "/api/v3/network-settings/enhance-moderation", opts: opts})
}

// UpdateEnhanceModeration changes the enhanced moderation settings and returns them. PUT
// /api/v3/network-settings/enhance-moderation; an update without fields returns the settings
// unchanged. Retried: it writes the given values, so a repeat leaves the same settings.
func (s *NetworkSettingsService) UpdateEnhanceModeration(ctx context.Context, params *UpdateEnhanceModerationParams, opts ...CallOption) (*EnhanceModerationSettings, error) {
	const op = "NetworkSettings.UpdateEnhanceModeration"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return call[EnhanceModerationSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/enhance-moderation",
		body: params, idempotent: true, opts: opts})
}

// ProductCatalogueSettings are the product catalogue settings: whether products can be
// created and tagged.
type ProductCatalogueSettings struct {
	rawJSON
	Product FeatureToggle `json:"product"`
}

// UpdateProductCatalogueParams turns the product catalogue on or off.
type UpdateProductCatalogueParams struct {
	// Enabled (always sent) turns the catalogue on or off.
	Enabled bool `json:"enabled"`
}

// GetProductCatalogue returns the product catalogue settings. Every authenticated caller
// may read them. GET /api/v3/network-settings/product.
func (s *NetworkSettingsService) GetProductCatalogue(ctx context.Context, opts ...CallOption) (*ProductCatalogueSettings, error) {
	return call[ProductCatalogueSettings](ctx, s.c, &request{op: "NetworkSettings.GetProductCatalogue", method: http.MethodGet,
		path: "/api/v3/network-settings/product", opts: opts})
}

// UpdateProductCatalogue turns the product catalogue on or off (admin) and returns the
// settings. PUT /api/v3/network-settings/product. Retried: it sets the given value.
func (s *NetworkSettingsService) UpdateProductCatalogue(ctx context.Context, params *UpdateProductCatalogueParams, opts ...CallOption) (*ProductCatalogueSettings, error) {
	const op = "NetworkSettings.UpdateProductCatalogue"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	return call[ProductCatalogueSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/product",
		body: params, idempotent: true, opts: opts})
}

// PublicUsersSettings are the settings of public users: visitors (users without
// authentication) and bots.
type PublicUsersSettings struct {
	rawJSON
	// VisitorEnabled allows visitor users.
	VisitorEnabled bool `json:"visitorEnabled"`
	// BotEnabled allows bot users.
	BotEnabled bool `json:"botEnabled"`
	// Secure turns secure mode on for public users.
	Secure bool `json:"secure"`
}

// UpdatePublicUsersParams changes the public users settings. Nil fields are left as they
// are.
type UpdatePublicUsersParams struct {
	VisitorEnabled *bool `json:"publicUserVisitorEnabled,omitempty"`
	BotEnabled     *bool `json:"publicUserBotEnabled,omitempty"`
	Secure         *bool `json:"publicUserSecure,omitempty"`
}

// GetPublicUsers returns the public users settings. GET /api/v3/network-settings/public-users.
func (s *NetworkSettingsService) GetPublicUsers(ctx context.Context, opts ...CallOption) (*PublicUsersSettings, error) {
	return call[PublicUsersSettings](ctx, s.c, &request{op: "NetworkSettings.GetPublicUsers", method: http.MethodGet,
		path: "/api/v3/network-settings/public-users", opts: opts})
}

// UpdatePublicUsers changes the public users settings and returns them.
// PUT /api/v3/network-settings/public-users (the body names the fields publicUserVisitorEnabled,
// publicUserBotEnabled and publicUserSecure). Retried: it sets the given values.
func (s *NetworkSettingsService) UpdatePublicUsers(ctx context.Context, params *UpdatePublicUsersParams, opts ...CallOption) (*PublicUsersSettings, error) {
	const op = "NetworkSettings.UpdatePublicUsers"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	return call[PublicUsersSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/public-users",
		body: params, idempotent: true, opts: opts})
}

// PushNotificationSettings are the network's push notification settings.
type PushNotificationSettings struct {
	rawJSON
	// IOSMutableContent sets mutable-content on iOS pushes (for rich notifications).
	IOSMutableContent bool `json:"iOSMutableContent"`
	// NotifyWhenLiveStart pushes a live stream's notification when the stream starts (true),
	// or when it is attached to a post (false).
	NotifyWhenLiveStart bool `json:"notifyWhenLiveStart"`
}

// UpdatePushNotificationParams changes the push notification settings. Nil fields are left
// as they are.
type UpdatePushNotificationParams struct {
	IOSMutableContent   *bool `json:"iOSMutableContent,omitempty"`
	NotifyWhenLiveStart *bool `json:"notifyWhenLiveStart,omitempty"`
}

// GetPushNotification returns the push notification settings.
// GET /api/v3/network-settings/push-notification.
func (s *NetworkSettingsService) GetPushNotification(ctx context.Context, opts ...CallOption) (*PushNotificationSettings, error) {
	return call[PushNotificationSettings](ctx, s.c, &request{op: "NetworkSettings.GetPushNotification", method: http.MethodGet,
		path: "/api/v3/network-settings/push-notification", opts: opts})
}

// UpdatePushNotification changes the push notification settings and returns them.
// PUT /api/v3/network-settings/push-notification. Retried: it sets the given values.
func (s *NetworkSettingsService) UpdatePushNotification(ctx context.Context, params *UpdatePushNotificationParams, opts ...CallOption) (*PushNotificationSettings, error) {
	const op = "NetworkSettings.UpdatePushNotification"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	return call[PushNotificationSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/push-notification",
		body: params, idempotent: true, opts: opts})
}

// RoomLimits are the limits of live rooms.
type RoomLimits struct {
	// MaxCoHostParticipants is the most co-hosts a room may have (the API's default is 2).
	MaxCoHostParticipants int `json:"maxCoHostParticipants"`
	// MaxStreamingDurationHours is the longest a room may stream, in hours (default 6).
	MaxStreamingDurationHours float64 `json:"maxStreamingDurationHours"`
}

// RoomNetworkSettings are the network's live room settings (read-only through the API).
type RoomNetworkSettings struct {
	rawJSON
	RoomSettings RoomLimits `json:"roomSettings"`
}

// GetRoom returns the live room settings. GET /api/v3/network-settings/room.
func (s *NetworkSettingsService) GetRoom(ctx context.Context, opts ...CallOption) (*RoomNetworkSettings, error) {
	return call[RoomNetworkSettings](ctx, s.c, &request{op: "NetworkSettings.GetRoom", method: http.MethodGet,
		path: "/api/v3/network-settings/room", opts: opts})
}

// ServerKeySecurity is the security configuration of the server key.
type ServerKeySecurity struct {
	// ExpiresInHours is the server key's lifetime in hours (0: not set).
	ExpiresInHours float64 `json:"expiresInHours,omitempty"`
	// APIScopeEnabled restricts the server key to its API scope.
	APIScopeEnabled bool `json:"apiScopeEnabled"`
}

// AdminTokenSecurity is the security configuration of admin tokens.
type AdminTokenSecurity struct {
	// ExpiresInHours is the lifetime in hours of the admin tokens Sessions.CreateAdminToken
	// issues (0: not set).
	ExpiresInHours float64 `json:"expiresInHours,omitempty"`
}

// SecurityConfigs are the security configurations of the server key and admin tokens; an
// unset one is nil.
type SecurityConfigs struct {
	ServerKey  *ServerKeySecurity  `json:"serverKey,omitempty"`
	AdminToken *AdminTokenSecurity `json:"adminToken,omitempty"`
}

// SecuritySettings are the network's security settings.
type SecuritySettings struct {
	rawJSON
	SecurityConfigs SecurityConfigs `json:"securityConfigs"`
}

// ServerKeySecurityParams configure the server key.
type ServerKeySecurityParams struct {
	// ExpiresInHours, when set, is the key's lifetime: 1 to 1,000 hours.
	ExpiresInHours *float64 `json:"expiresInHours,omitempty"`
	// APIScopeEnabled (always sent) restricts the key to its API scope.
	APIScopeEnabled bool `json:"apiScopeEnabled"`
}

// AdminTokenSecurityParams configure admin tokens.
type AdminTokenSecurityParams struct {
	// ExpiresInHours, when set, is the lifetime of the admin tokens issued from now on: 1 to
	// 1,000 hours.
	ExpiresInHours *float64 `json:"expiresInHours,omitempty"`
}

// UpdateSecurityConfigsParams changes the security settings: at least one of ServerKey and
// AdminToken is required.
type UpdateSecurityConfigsParams struct {
	ServerKey  *ServerKeySecurityParams  `json:"serverKey,omitempty"`
	AdminToken *AdminTokenSecurityParams `json:"adminToken,omitempty"`
}

func (p *UpdateSecurityConfigsParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	if p.ServerKey == nil && p.AdminToken == nil {
		return &ValidationError{Op: op, Field: "ServerKey", Reason: "or AdminToken is required"}
	}
	hours := func(field string, v *float64) error {
		if v != nil && (*v < 1 || *v > 1000) {
			return &ValidationError{Op: op, Field: field, Reason: "must be between 1 and 1000 hours"}
		}
		return nil
	}
	if p.ServerKey != nil {
		if err := hours("ServerKey.ExpiresInHours", p.ServerKey.ExpiresInHours); err != nil {
			return err
		}
	}
	if p.AdminToken != nil {
		return hours("AdminToken.ExpiresInHours", p.AdminToken.ExpiresInHours)
	}
	return nil
}

// GetSecurityConfigs returns the security settings of the server key and admin tokens.
// GET /api/v3/network-settings/security-configs.
func (s *NetworkSettingsService) GetSecurityConfigs(ctx context.Context, opts ...CallOption) (*SecuritySettings, error) {
	return call[SecuritySettings](ctx, s.c, &request{op: "NetworkSettings.GetSecurityConfigs", method: http.MethodGet,
		path: "/api/v3/network-settings/security-configs", opts: opts})
}

// UpdateSecurityConfigs creates or changes the security settings and returns them.
// PUT /api/v3/network-settings/security-configs. Retried: it sets the given values, so a
// repeat leaves the same settings.
func (s *NetworkSettingsService) UpdateSecurityConfigs(ctx context.Context, params *UpdateSecurityConfigsParams, opts ...CallOption) (*SecuritySettings, error) {
	const op = "NetworkSettings.UpdateSecurityConfigs"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return call[SecuritySettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/security-configs",
		body: params, idempotent: true, opts: opts})
}

// DeepLinkPatterns are the URL paths of shareable links, each at most 100 characters and
// holding its placeholder: /posts/{postId}, /communities/{communityId}, /users/{userId},
// /livestreams/{livestreamId}. An empty one is not set.
type DeepLinkPatterns struct {
	Posts       string `json:"posts,omitempty"`
	Communities string `json:"communities,omitempty"`
	Users       string `json:"users,omitempty"`
	Livestreams string `json:"livestreams,omitempty"`
}

// ShareableDeepLinkSettings are the settings of shareable deep links: the domain and the
// path of each kind of content.
type ShareableDeepLinkSettings struct {
	rawJSON
	// Domain is the links' domain, such as myapp.com.
	Domain   string           `json:"domain"`
	Patterns DeepLinkPatterns `json:"patterns"`
}

// UpdateShareableDeepLinksParams sets the shareable deep links.
type UpdateShareableDeepLinksParams struct {
	// Domain (required, at most 100 characters) is the links' domain.
	Domain string `json:"domain"`
	// Patterns are the paths (always sent; the empty ones left out).
	Patterns DeepLinkPatterns `json:"patterns"`
}

func (p *UpdateShareableDeepLinksParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
	}
	if err := firstErr(required(op, "Domain", p.Domain), maxLen(op, "Domain", p.Domain, 100)); err != nil {
		return err
	}
	for _, f := range []struct{ field, v, placeholder string }{
		{"Patterns.Posts", p.Patterns.Posts, "{postId}"},
		{"Patterns.Communities", p.Patterns.Communities, "{communityId}"},
		{"Patterns.Users", p.Patterns.Users, "{userId}"},
		{"Patterns.Livestreams", p.Patterns.Livestreams, "{livestreamId}"},
	} {
		if f.v == "" {
			continue
		}
		if err := maxLen(op, f.field, f.v, 100); err != nil {
			return err
		}
		if !strings.Contains(f.v, f.placeholder) {
			return &ValidationError{Op: op, Field: f.field, Reason: "must hold " + f.placeholder}
		}
	}
	return nil
}

// GetShareableDeepLinks returns the shareable deep links settings.
// GET /api/v3/network-settings/shareable-deep-links.
func (s *NetworkSettingsService) GetShareableDeepLinks(ctx context.Context, opts ...CallOption) (*ShareableDeepLinkSettings, error) {
	return call[ShareableDeepLinkSettings](ctx, s.c, &request{op: "NetworkSettings.GetShareableDeepLinks", method: http.MethodGet,
		path: "/api/v3/network-settings/shareable-deep-links", opts: opts})
}

// UpdateShareableDeepLinks creates or replaces the shareable deep links settings and
// returns them. PUT /api/v3/network-settings/shareable-deep-links. Retried: it sets the given
// values, so a repeat leaves the same settings.
func (s *NetworkSettingsService) UpdateShareableDeepLinks(ctx context.Context, params *UpdateShareableDeepLinksParams, opts ...CallOption) (*ShareableDeepLinkSettings, error) {
	const op = "NetworkSettings.UpdateShareableDeepLinks"
	if err := params.validate(op); err != nil {
		return nil, err
	}
	return call[ShareableDeepLinkSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/shareable-deep-links",
		body: params, idempotent: true, opts: opts})
}

// UIKitSettings are the network's UIKit configuration: the JSON the UIKits read (themes,
// excluded components, customizations). A network that never set it answers {}.
type UIKitSettings struct {
	rawJSON
	// Config is the answer's config member: the configuration as UpdateUIKit set it (nil
	// when none is set; Raw holds the whole answer).
	Config RawJSON `json:"config,omitempty"`
}

// UpdateUIKitParams sets the UIKit configuration.
type UpdateUIKitParams struct {
	// Config (required) is the configuration: any value that encodes as a JSON object (a
	// map, a struct of yours, a json.RawMessage or RawJSON), sent as {"config": Config}.
	Config any
}

// GetUIKit returns the UIKit configuration. GET /api/v3/network-settings/uikit.
func (s *NetworkSettingsService) GetUIKit(ctx context.Context, opts ...CallOption) (*UIKitSettings, error) {
	return call[UIKitSettings](ctx, s.c, &request{op: "NetworkSettings.GetUIKit", method: http.MethodGet,
		path: "/api/v3/network-settings/uikit", opts: opts})
}

// UpdateUIKit creates or replaces the UIKit configuration (admin) and returns it.
// PUT /api/v3/network-settings/uikit. Retried: it sets the given configuration, so a repeat
// leaves the same one.
func (s *NetworkSettingsService) UpdateUIKit(ctx context.Context, params *UpdateUIKitParams, opts ...CallOption) (*UIKitSettings, error) {
	const op = "NetworkSettings.UpdateUIKit"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	cfg, err := json.Marshal(params.Config)
	if err != nil {
		return nil, &ValidationError{Op: op, Field: "Config", Reason: "does not encode as JSON: " + err.Error()}
	}
	if cfg = bytes.TrimSpace(cfg); len(cfg) == 0 || cfg[0] != '{' {
		return nil, &ValidationError{Op: op, Field: "Config", Reason: "must encode as a JSON object"}
	}
	body := struct {
		Config json.RawMessage `json:"config"`
	}{cfg}
	return call[UIKitSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/uikit",
		body: body, idempotent: true, opts: opts})
}
