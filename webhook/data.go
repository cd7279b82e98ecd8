package webhook

import (
	"encoding/json"

	"github.com/amity-go/amity"
)

// Data is the typed data of an event: one of *PostEvent, *CommentEvent, *CommunityEvent,
// *ChannelEvent, *FollowEvent, *V3MessageEvent, *MessageEvent, *PollEvent, *UserEvent,
// *VideoStreamingEvent, *PushPostEvent, *PushChannelEvent, *PushFollowEvent,
// *PushMessageEvent, *PushVideoStreamingEvent, *FileEvent, *BlockEvent,
// *CommunityJoinRequestEvent, *CommunityInvitationEvent or, for an event this package does
// not know, *Unknown. The set is closed (the interface has an unexported method); use a type switch
// or On. Fields the types do not model are kept in Event.Raw.
type Data interface{ isData() }

// PostEvent is the data of the v3.post.* events: the post bundle the REST API answers
// (posts, postChildren, comments, users, files, communities, communityUsers, categories,
// feeds, videoStreamings), so its lookups work unchanged (p.Post(), p.Author(post), ...).
type PostEvent struct {
	amity.PostPayload
	// Reactor is the reaction of didAddReaction and didRemoveReaction.
	Reactor *amity.Reactor `json:"reactor,omitempty"`
	// FlaggedUserID is the user who flagged or unflagged (didFlag, didUnflag).
	FlaggedUserID string `json:"flaggedUserId,omitempty"`
}

// CommentEvent is the data of the v3.comment.* events: the comment bundle (comments,
// commentChildren, communityUsers, users, files).
type CommentEvent struct {
	amity.CommentPayload
	// Reactor is the reaction of didAddReaction and didRemoveReaction.
	Reactor *amity.Reactor `json:"reactor,omitempty"`
	// FlaggedUserID is the user who flagged or unflagged (didFlag, didUnflag).
	FlaggedUserID string `json:"flaggedUserId,omitempty"`
}

// CommunityEvent is the data of the v3.community.* events: the community bundle
// (communities, communityUsers, files, users, categories, feeds).
type CommunityEvent struct {
	amity.CommunityPayload
}

// ChannelEvent is the data of the channel.* events and of moderation.didBan. The API sends
// the channels under the key "channel" (an array); Parse copies them into Channels as well,
// so the ChannelPayload lookups work.
type ChannelEvent struct {
	amity.ChannelPayload
	// Channel is the "channel" array as sent (the same channels as Channels).
	Channel []amity.Channel `json:"channel"`
	// UserIDs are the users added, removed, banned, joining or leaving.
	UserIDs []string `json:"userIds,omitempty"`
	// AdderID is who added the users (didAddUsers); RemoverID who removed them
	// (didRemoveUsers); ActorID who banned them (channel.didBan).
	AdderID   string `json:"adderId,omitempty"`
	RemoverID string `json:"removerId,omitempty"`
	ActorID   string `json:"actorId,omitempty"`
	// UserID is the user of didUpdate, didUpdateMeta and moderation.didBan.
	UserID string `json:"userId,omitempty"`
}

// FollowEvent is the data of the follow.* events: one relation (from, to, status).
type FollowEvent struct {
	amity.UserFollow
}

// V3MessageEvent is the data of the message.* events (the v3 chat API): the v3 message
// bundle (messages, users, files).
type V3MessageEvent struct {
	amity.V3MessagePayload
	// Reactor is the reaction of didAddReaction and didRemoveReaction.
	Reactor *amity.Reactor `json:"reactor,omitempty"`
}

// MessageEvent is the data of the v5.message.* events: the v5 message bundle (messages,
// messageFeeds, files, users) and the reactions.
type MessageEvent struct {
	amity.MessagePayload
	// Reactions are the reactions on the messages.
	Reactions []amity.Reaction `json:"reactions,omitempty"`
}

// PollEvent is the data of the poll.* events: the polls and their creators.
type PollEvent struct {
	amity.PollPayload
}

// UserEvent is the data of the user.* events: the users and their avatars.
type UserEvent struct {
	amity.UserPayload
}

// VideoStreamingEvent is the data of the video-streaming.* events.
type VideoStreamingEvent struct {
	// VideoStreamings are the streams the event is about.
	VideoStreamings []amity.VideoStreaming `json:"videoStreamings"`
	// Users are their streamers; Files their thumbnails.
	Users []amity.User `json:"users"`
	Files []amity.File `json:"files"`
}

// PushNotification is the common part of the data of every push-notification event.
type PushNotification struct {
	// EventName is the push notification's own name, e.g. "post.created".
	EventName string `json:"eventName"`
	// IsBroadcast is true when the notification goes to everyone; else TargetIDs are the
	// users it goes to.
	IsBroadcast bool     `json:"isBroadcast"`
	TargetIDs   []string `json:"targetIds,omitempty"`
	// Notify says whether TargetIDs should be notified.
	Notify bool `json:"notify"`
	// Title and Body are the notification's text.
	Title string `json:"title,omitempty"`
	Body  string `json:"body,omitempty"`
}

// PushPostEvent is the data of the post, comment and mention push notifications: the post
// bundle (posts, comments, users, files, communities, communityUsers).
type PushPostEvent struct {
	PushNotification
	amity.PostPayload
}

// PushChannelEvent is the data of the channel.created and channel.joined push
// notifications: channels, users and files.
type PushChannelEvent struct {
	PushNotification
	amity.ChannelPayload
}

// PushFollowEvent is the data of the follow push notifications.
type PushFollowEvent struct {
	PushNotification
	// Follows are the relations; Users the two users; Files their avatars.
	Follows []amity.UserFollow `json:"follows"`
	Users   []amity.User       `json:"users"`
	Files   []amity.File       `json:"files"`
}

// PushMessageEvent is the data of the message.created push notification: v3-shaped
// messages, users and files.
type PushMessageEvent struct {
	PushNotification
	amity.V3MessagePayload
}

// PushVideoStreamingEvent is the data of the video-streaming.started push notification.
type PushVideoStreamingEvent struct {
	PushNotification
	// VideoStreamings are the streams; Users their streamers; Files their thumbnails.
	VideoStreamings []amity.VideoStreaming `json:"videoStreamings"`
	Users           []amity.User           `json:"users"`
	Files           []amity.File           `json:"files"`
}

// FileEvent is the data of file.didDelete: the file itself (its data is the file, not a
// bundle).
type FileEvent struct {
	amity.File
}

// BlockEvent is the data of user.didBlock and user.didUnblock: the relation from the user
// who blocked (From) to the user blocked (To). Spec 4.116.1 pins its status to "none", as it
// does for the follow events; the event's name says whether the block began or ended.
type BlockEvent struct {
	amity.UserFollow
}

// CommunityJoinRequestEvent is the data of the v3.communityJoinRequest.* events: the join
// requests (one, created, accepted or rejected) with their users, files and roles, the answer
// of the join request calls. (Spec 4.116.1 shows this data without the envelope {event,
// data} every event has; the API sends the envelope.)
type CommunityJoinRequestEvent struct {
	// JoinRequests are the requests the event is about.
	JoinRequests []JoinRequest `json:"joinRequests"`
	// Users are the requestors and responders; Files their avatars; Roles their roles.
	Users []amity.User `json:"users"`
	Files []amity.File `json:"files"`
	Roles []amity.Role `json:"roles"`
}

// JoinRequest is a user's request to join a community, as the v3.communityJoinRequest.*
// events carry it.
type JoinRequest struct {
	// ID is the request's private ID; JoinRequestID its public ID.
	ID            string `json:"_id,omitempty"`
	JoinRequestID string `json:"joinRequestId,omitempty"`
	NetworkID     string `json:"networkId,omitempty"`
	// TargetType and TargetID are the community asked to join; Type is
	// communityJoinRequest.
	TargetType string `json:"targetType,omitempty"`
	TargetID   string `json:"targetId,omitempty"`
	Type       string `json:"type,omitempty"`
	// UserID is the user who asked.
	UserID string `json:"userId,omitempty"`
	// Status is pending, approved, rejected or cancelled.
	Status string `json:"status,omitempty"`
	// RequestorID is the requestor's public ID; RequestorPublicID and RequestorInternalID
	// its two forms.
	RequestorID         string `json:"requestorId,omitempty"`
	RequestorPublicID   string `json:"requestorPublicId,omitempty"`
	RequestorInternalID string `json:"requestorInternalId,omitempty"`
	// ResponderID is the moderator who accepted or rejected the request (empty until then);
	// ResponderPublicID and ResponderInternalID its two forms.
	ResponderID         string `json:"responderId,omitempty"`
	ResponderPublicID   string `json:"responderPublicId,omitempty"`
	ResponderInternalID string `json:"responderInternalId,omitempty"`
	// RespondedAt is when it was accepted or rejected (zero until then).
	RespondedAt amity.Time `json:"respondedAt"`
	CreatedAt   amity.Time `json:"createdAt"`
	UpdatedAt   amity.Time `json:"updatedAt"`
}

// CommunityInvitationEvent is the data of the v3.communityMemberInvitation.* events: the
// invitations (created, accepted or rejected) with the invitees and inviters, the answer of
// the invitation calls. (Spec 4.116.1 shows this data without its envelope, as for the join
// request events.)
type CommunityInvitationEvent struct {
	// Invitations are the invitations the event is about.
	Invitations []Invitation `json:"invitations"`
	// Users are the invitees and inviters.
	Users []amity.User `json:"users"`
}

// Invitation is an invitation of a user to a community, as the
// v3.communityMemberInvitation.* events carry it.
type Invitation struct {
	// ID is the invitation's private ID; InvitationID its public ID.
	ID           string `json:"_id"`
	InvitationID string `json:"invitationId"`
	NetworkID    string `json:"networkId,omitempty"`
	// Type is communityMemberInvite; TargetType (community) and TargetID what the
	// invitation is to; CommunityID the community.
	Type        string `json:"type,omitempty"`
	TargetType  string `json:"targetType,omitempty"`
	TargetID    string `json:"targetId,omitempty"`
	CommunityID string `json:"communityId,omitempty"`
	// UserID is the invitee.
	UserID string `json:"userId,omitempty"`
	// Status is pending, approved, rejected or cancelled.
	Status string `json:"status,omitempty"`
	// CreatedBy is the inviter.
	CreatedBy string `json:"createdBy,omitempty"`
	// InvitedUserID is the invitee's ID, InviterUserID the inviter's; each also in its
	// public and internal forms.
	InvitedUserID         string `json:"invitedUserId,omitempty"`
	InvitedUserPublicID   string `json:"invitedUserPublicId,omitempty"`
	InvitedUserInternalID string `json:"invitedUserInternalId,omitempty"`
	InviterUserID         string `json:"inviterUserId,omitempty"`
	InviterUserPublicID   string `json:"inviterUserPublicId,omitempty"`
	InviterUserInternalID string `json:"inviterUserInternalId,omitempty"`
	// RespondedAt is when the invitee accepted or rejected it (zero until then).
	RespondedAt amity.Time `json:"respondedAt"`
	CreatedAt   amity.Time `json:"createdAt"`
	UpdatedAt   amity.Time `json:"updatedAt"`
}

// Unknown is the data of an event this package does not know: its data as sent.
type Unknown struct {
	// Data is the event's "data" member, or nil when it had none.
	Data json.RawMessage
}

func (*PostEvent) isData()                 {}
func (*CommentEvent) isData()              {}
func (*CommunityEvent) isData()            {}
func (*ChannelEvent) isData()              {}
func (*FollowEvent) isData()               {}
func (*V3MessageEvent) isData()            {}
func (*MessageEvent) isData()              {}
func (*PollEvent) isData()                 {}
func (*UserEvent) isData()                 {}
func (*VideoStreamingEvent) isData()       {}
func (*PushPostEvent) isData()             {}
func (*PushChannelEvent) isData()          {}
func (*PushFollowEvent) isData()           {}
func (*PushMessageEvent) isData()          {}
func (*PushVideoStreamingEvent) isData()   {}
func (*Unknown) isData()                   {}
func (*FileEvent) isData()                 {}
func (*BlockEvent) isData()                {}
func (*CommunityJoinRequestEvent) isData() {}
func (*CommunityInvitationEvent) isData()  {}

// normalizer is implemented by data that fixes itself up after decoding.
type normalizer interface{ normalize() }

func (e *ChannelEvent) normalize() {
	if len(e.Channels) == 0 {
		e.Channels = e.Channel
	}
}
