package amity

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// NotificationsService manages push notifications: the notification settings of the
// network, a user, a channel or a community, and the devices registered to receive them.
// Reach it as Client.Notifications.
type NotificationsService struct{ c *Client }

// NotificationLevel is the level of a notification setting.
type NotificationLevel string

// Notification setting levels.
const (
	// NotificationLevelUser is the caller's own setting, per module (chat, social, video
	// streaming) via NotifiableEvents.
	NotificationLevelUser NotificationLevel = "user"
	// NotificationLevelChannel is the caller's setting of one channel (ChannelID).
	NotificationLevelChannel NotificationLevel = "channel"
	// NotificationLevelCommunity is the caller's setting of one community (CommunityID), per
	// community event via NotifiableEvents.
	NotificationLevelCommunity NotificationLevel = "community"
)

// NotificationModule is the module a notifiable event belongs to.
type NotificationModule string

// Notification modules.
const (
	NotificationModuleChat           NotificationModule = "chat"
	NotificationModuleVideoStreaming NotificationModule = "video-streaming"
	NotificationModuleSocial         NotificationModule = "social"
)

// NotificationEvent names an event that can send a push notification.
type NotificationEvent string

// Notifiable events.
const (
	NotificationChannelCreated                   NotificationEvent = "channel.created"
	NotificationChannelJoined                    NotificationEvent = "channel.joined"
	NotificationConversationChannelJoined        NotificationEvent = "conversation-channel.joined"
	NotificationTextMentionMessageCreated        NotificationEvent = "text-mention-message.created"
	NotificationMessageCreated                   NotificationEvent = "message.created"
	NotificationConversationMessageCreated       NotificationEvent = "conversation-message.created"
	NotificationConversationTextMessageCreated   NotificationEvent = "conversation-text-message.created"
	NotificationConversationImageMessageCreated  NotificationEvent = "conversation-image-message.created"
	NotificationConversationFileMessageCreated   NotificationEvent = "conversation-file-message.created"
	NotificationPostCreated                      NotificationEvent = "post.created"
	NotificationPostApproved                     NotificationEvent = "post.approved"
	NotificationPostNeedReviewing                NotificationEvent = "post.need-reviewing"
	NotificationTextMentionPostCreated           NotificationEvent = "text-mention-post.created"
	NotificationTextMentionUserFeedPostCreated   NotificationEvent = "text-mention-user-feed-post.created"
	NotificationVideoStreamingPostCreated        NotificationEvent = "video-streaming-post.created"
	NotificationPostReacted                      NotificationEvent = "post.reacted"
	NotificationCommentCreated                   NotificationEvent = "comment.created"
	NotificationTextMentionCommentCreated        NotificationEvent = "text-mention-comment.created"
	NotificationTextMentionUserFeedCommentCreate NotificationEvent = "text-mention-user-feed-comment.created"
	NotificationCommentReplied                   NotificationEvent = "comment.replied"
	NotificationTextMentionCommentReplied        NotificationEvent = "text-mention-comment.replied"
	NotificationTextMentionUserFeedCommentReply  NotificationEvent = "text-mention-user-feed-comment.replied"
	NotificationCommentReacted                   NotificationEvent = "comment.reacted"
	NotificationFollowCreated                    NotificationEvent = "follow.created"
	NotificationFollowRequested                  NotificationEvent = "follow.requested"
	NotificationFollowAccepted                   NotificationEvent = "follow.accepted"
	NotificationCommunityRoleAdded               NotificationEvent = "community.roleAdded"
	NotificationCommunityUpdated                 NotificationEvent = "community.updated"
	// NotificationStoryCreated and NotificationStoryCommentCreated are reported by Settings
	// but the spec does not list them among the events UpdateSettings accepts.
	NotificationStoryCreated        NotificationEvent = "story.created"
	NotificationStoryCommentCreated NotificationEvent = "story-comment.created"
	NotificationVideoStreamingStart NotificationEvent = "video-streaming.didStart"
)

// NotifiableEvent is the setting of one event, as Settings reports it.
type NotifiableEvent struct {
	// Name is the event (set at the community level).
	Name NotificationEvent `json:"name,omitempty"`
	// ModuleName is the module (set at the user level).
	ModuleName NotificationModule `json:"moduleName,omitempty"`
	EventName  string             `json:"eventName,omitempty"`
	// IsPushNotifiable turns the event's notifications on or off.
	IsPushNotifiable bool `json:"isPushNotifiable"`
	// Parameters are the placeholders the templates may use.
	Parameters    []string `json:"parameters,omitempty"`
	TitleTemplate string   `json:"titleTemplate,omitempty"`
	BodyTemplate  string   `json:"bodyTemplate,omitempty"`
	// ListenFromRoleIDs limits notifications to events by users with these roles;
	// IgnoreFromRoleIDs drops those by users with these roles.
	ListenFromRoleIDs []string `json:"listenFromRoleIds,omitempty"`
	IgnoreFromRoleIDs []string `json:"ignoreFromRoleIds,omitempty"`
	// IsNetworkEnabled reports whether the network has the event on (community level).
	IsNetworkEnabled bool `json:"isNetworkEnabled"`
}

// NotificationSettings is a notification setting at one level.
type NotificationSettings struct {
	rawJSON
	// IsPushNotifiable turns the notifications of the level on or off.
	IsPushNotifiable bool `json:"isPushNotifiable"`
	// IsUserEnabled reports, at the community level, whether the user's own setting is on.
	IsUserEnabled    bool              `json:"isUserEnabled"`
	NotifiableEvents []NotifiableEvent `json:"notifiableEvents,omitempty"`
}

// GetNotificationSettingsParams selects the setting Settings returns.
type GetNotificationSettingsParams struct {
	// Level (required): user, channel or community.
	Level NotificationLevel
	// ChannelID (channel level) and CommunityID (community level), 1 to 900 characters.
	ChannelID   string
	CommunityID string
}

// checkNotificationTarget checks a level and the ID it needs.
func checkNotificationTarget(op string, level NotificationLevel, channelID, communityID string) error {
	if err := firstErr(
		required(op, "Level", string(level)),
		maxLen(op, "ChannelID", channelID, 900),
		maxLen(op, "CommunityID", communityID, 900),
	); err != nil {
		return err
	}
	switch {
	case level == NotificationLevelChannel && strings.TrimSpace(channelID) == "":
		return &ValidationError{Op: op, Field: "ChannelID", Reason: "is required at the channel level"}
	case level == NotificationLevelCommunity && strings.TrimSpace(communityID) == "":
		return &ValidationError{Op: op, Field: "CommunityID", Reason: "is required at the community level"}
	}
	return nil
}

// GetSettings returns the caller's notification setting at a level.
// GET /api/v3/notification/setting.
func (s *NotificationsService) GetSettings(ctx context.Context, params *GetNotificationSettingsParams, opts ...CallOption) (*NotificationSettings, error) {
	const op = "Notifications.GetSettings"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := checkNotificationTarget(op, params.Level, params.ChannelID, params.CommunityID); err != nil {
		return nil, err
	}
	q := query{}
	q.str("level", string(params.Level))
	q.str("channelId", params.ChannelID)
	q.str("communityId", params.CommunityID)
	return call[NotificationSettings](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/notification/setting", query: url.Values(q), opts: opts})
}

// NotifiableEventSetting changes the setting of one event (community level: Name) or module
// (user level: ModuleName).
type NotifiableEventSetting struct {
	Name             NotificationEvent  `json:"name,omitempty"`
	ModuleName       NotificationModule `json:"moduleName,omitempty"`
	IsPushNotifiable *bool              `json:"isPushNotifiable,omitempty"`
	// TitleTemplate (at most 1000 characters) and BodyTemplate (at most 5000).
	TitleTemplate string `json:"titleTemplate,omitempty"`
	BodyTemplate  string `json:"bodyTemplate,omitempty"`
	// ListenFromRoleIDs and IgnoreFromRoleIDs: at most 10 role IDs each.
	ListenFromRoleIDs []string `json:"listenFromRoleIds,omitempty"`
	IgnoreFromRoleIDs []string `json:"ignoreFromRoleIds,omitempty"`
}

// UpdateNotificationSettingsParams is the body of UpdateSettings.
type UpdateNotificationSettingsParams struct {
	// Level (required): user, channel (with ChannelID) or community (with CommunityID).
	Level            NotificationLevel `json:"level"`
	IsPushNotifiable *bool             `json:"isPushNotifiable,omitempty"`
	ChannelID        string            `json:"channelId,omitempty"`
	CommunityID      string            `json:"communityId,omitempty"`
	// NotifiableEvents are 1 to 7 event or module settings (user and community levels).
	NotifiableEvents []NotifiableEventSetting `json:"notifiableEvents,omitempty"`
}

// UpdateSettings saves the caller's notification setting at a level.
// POST /api/v3/notification/setting; the answer is {status}. Retried: it sets the given
// values, so a repeat is harmless.
func (s *NotificationsService) UpdateSettings(ctx context.Context, params *UpdateNotificationSettingsParams, opts ...CallOption) error {
	const op = "Notifications.UpdateSettings"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	if err := firstErr(
		checkNotificationTarget(op, params.Level, params.ChannelID, params.CommunityID),
		maxItems(op, "NotifiableEvents", len(params.NotifiableEvents), 7),
	); err != nil {
		return err
	}
	for _, e := range params.NotifiableEvents {
		if err := firstErr(
			maxLen(op, "NotifiableEvents[].TitleTemplate", e.TitleTemplate, 1000),
			maxLen(op, "NotifiableEvents[].BodyTemplate", e.BodyTemplate, 5000),
			roleIDList(op, "NotifiableEvents[].ListenFromRoleIDs", e.ListenFromRoleIDs),
			roleIDList(op, "NotifiableEvents[].IgnoreFromRoleIDs", e.IgnoreFromRoleIDs),
		); err != nil {
			return err
		}
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v3/notification/setting", body: params, idempotent: true, opts: opts}, nil)
}

// roleIDList checks an optional list of at most 10 role IDs.
func roleIDList(op, field string, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	return idList(op, field, ids, 10, 900)
}

// DevicePlatform is the platform of a device registered for push notifications.
type DevicePlatform string

// Device platforms.
const (
	DevicePlatformAndroid DevicePlatform = "android"
	DevicePlatformIOS     DevicePlatform = "ios"
)

// RegisterDeviceParams is the body of RegisterDevice.
type RegisterDeviceParams struct {
	// DeviceID (required, at most 150 characters) identifies the device.
	DeviceID string `json:"deviceId"`
	// Platform (required): android or ios.
	Platform DevicePlatform `json:"platform"`
	// Token (required) is the device's push token: at most 1000 characters; on iOS at most
	// 400 hexadecimal digits.
	Token string `json:"token"`
	// UserID (required) is the user the device belongs to.
	UserID string `json:"userId"`
	// Provider is the push provider, when not the platform's own.
	Provider string `json:"provider,omitempty"`
}

// RegisterDevice registers a device to receive a user's push notifications.
// POST /v1/notification (no /api prefix), with the API key. Retried: the registration is
// keyed by the device ID, so a repeat registers the same device again.
func (s *NotificationsService) RegisterDevice(ctx context.Context, params *RegisterDeviceParams, opts ...CallOption) error {
	const op = "Notifications.RegisterDevice"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	if err := firstErr(
		required(op, "DeviceID", params.DeviceID),
		maxLen(op, "DeviceID", params.DeviceID, 150),
		required(op, "Platform", string(params.Platform)),
		required(op, "Token", params.Token),
		maxLen(op, "Token", params.Token, 1000),
		required(op, "UserID", params.UserID),
	); err != nil {
		return err
	}
	if params.Platform == DevicePlatformIOS && (len(params.Token) > 400 || strings.Trim(params.Token, "0123456789abcdefABCDEF") != "") {
		return &ValidationError{Op: op, Field: "Token", Reason: "must be at most 400 hexadecimal digits on iOS"}
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/v1/notification", body: params, auth: authAPIKey, idempotent: true, opts: opts}, nil)
}

// UnregisterDeviceParams selects the device UnregisterDevice removes.
type UnregisterDeviceParams struct {
	// DeviceID (required) is the device to unregister.
	DeviceID string
	// UserID is the device's user.
	//
	// Deprecated: the spec marks the parameter deprecated; the device ID is enough.
	UserID string
}

// UnregisterDevice stops push notifications to a device. DELETE /v1/notification (no /api
// prefix), with the API key; the device ID goes in the query (as the spec says) and in a JSON
// body (as the API's client sends it). Retried: removing a removed registration changes nothing.
func (s *NotificationsService) UnregisterDevice(ctx context.Context, params *UnregisterDeviceParams, opts ...CallOption) error {
	const op = "Notifications.UnregisterDevice"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	if err := required(op, "DeviceID", params.DeviceID); err != nil {
		return err
	}
	q := query{}
	q.str("userId", params.UserID)
	q.str("deviceId", params.DeviceID)
	// The spec puts the parameters in the query; the API's client sends {deviceId} as a JSON
	// body (axios's DELETE data). Both are sent (docs/wire-notes.md).
	body := struct {
		DeviceID string `json:"deviceId"`
	}{params.DeviceID}
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: "/v1/notification", query: url.Values(q), body: body, auth: authAPIKey, idempotent: true, opts: opts}, nil)
}
