// The event names below are the spec's "Webhook event" pseudo-operations (spec 4.92.0, and
// the 12 events spec 4.116.1 added).

package webhook

// EventName names a webhook event. The constants are the names of the spec's pseudo-operations
// GET /webhook/<name> (4.116.1): 78 events with the envelope {event, data} and 20
// push-notification events (names starting with "push-notification/") with the envelope
// {eventType: "push-notification.created", ..., data{eventName, ...}}. Parse maps what arrives
// on the wire to these names (see Parse); an event it does not know keeps the name it was sent
// with and carries *Unknown data.
type EventName string

// The 86 webhook events of spec 4.92.0. Each comment names the type of Event.Data.
const (
	// EventChannelDidAddUsers is "channel.didAddUsers": data *ChannelEvent.
	EventChannelDidAddUsers EventName = "channel.didAddUsers"
	// EventChannelDidBan is "channel.didBan": data *ChannelEvent.
	EventChannelDidBan EventName = "channel.didBan"
	// EventChannelDidClose is "channel.didClose": data *ChannelEvent.
	EventChannelDidClose EventName = "channel.didClose"
	// EventChannelDidCreate is "channel.didCreate": data *ChannelEvent.
	EventChannelDidCreate EventName = "channel.didCreate"
	// EventChannelDidJoin is "channel.didJoin": data *ChannelEvent.
	EventChannelDidJoin EventName = "channel.didJoin"
	// EventChannelDidLeave is "channel.didLeave": data *ChannelEvent.
	EventChannelDidLeave EventName = "channel.didLeave"
	// EventChannelDidRemoveUsers is "channel.didRemoveUsers": data *ChannelEvent.
	EventChannelDidRemoveUsers EventName = "channel.didRemoveUsers"
	// EventChannelDidUpdate is "channel.didUpdate": data *ChannelEvent.
	EventChannelDidUpdate EventName = "channel.didUpdate"
	// EventChannelDidUpdateMeta is "channel.didUpdateMeta": data *ChannelEvent.
	EventChannelDidUpdateMeta EventName = "channel.didUpdateMeta"
	// EventFollowDidAcceptRequest is "follow.didAcceptRequest": data *FollowEvent.
	EventFollowDidAcceptRequest EventName = "follow.didAcceptRequest"
	// EventFollowDidCancelRequest is "follow.didCancelRequest": data *FollowEvent.
	EventFollowDidCancelRequest EventName = "follow.didCancelRequest"
	// EventFollowDidCreate is "follow.didCreate": data *FollowEvent.
	EventFollowDidCreate EventName = "follow.didCreate"
	// EventFollowDidDeclineRequest is "follow.didDeclineRequest": data *FollowEvent.
	EventFollowDidDeclineRequest EventName = "follow.didDeclineRequest"
	// EventFollowDidDeleteFollower is "follow.didDeleteFollower": data *FollowEvent.
	EventFollowDidDeleteFollower EventName = "follow.didDeleteFollower"
	// EventFollowDidRequest is "follow.didRequest": data *FollowEvent.
	EventFollowDidRequest EventName = "follow.didRequest"
	// EventFollowDidUnfollow is "follow.didUnfollow": data *FollowEvent.
	EventFollowDidUnfollow EventName = "follow.didUnfollow"
	// EventMessageDidAddReaction is "message.didAddReaction": data *V3MessageEvent.
	EventMessageDidAddReaction EventName = "message.didAddReaction"
	// EventMessageDidClearFlag is "message.didClearflag": data *V3MessageEvent.
	EventMessageDidClearFlag EventName = "message.didClearflag"
	// EventMessageDidCreate is "message.didCreate": data *V3MessageEvent. The v5 event of the same wire name is EventV5MessageDidCreate.
	EventMessageDidCreate EventName = "message.didCreate"
	// EventMessageDidDelete is "message.didDelete": data *V3MessageEvent. The v5 event of the same wire name is EventV5MessageDidDelete.
	EventMessageDidDelete EventName = "message.didDelete"
	// EventMessageDidFlag is "message.didFlag": data *V3MessageEvent.
	EventMessageDidFlag EventName = "message.didFlag"
	// EventMessageDidRemoveReaction is "message.didRemoveReaction": data *V3MessageEvent.
	EventMessageDidRemoveReaction EventName = "message.didRemoveReaction"
	// EventMessageDidUnflag is "message.didUnflag": data *V3MessageEvent.
	EventMessageDidUnflag EventName = "message.didUnflag"
	// EventMessageDidUpdate is "message.didUpdate": data *V3MessageEvent. The v5 event of the same wire name is EventV5MessageDidUpdate.
	EventMessageDidUpdate EventName = "message.didUpdate"
	// EventModerationDidBan is "moderation.didBan": data *ChannelEvent.
	EventModerationDidBan EventName = "moderation.didBan"
	// EventPollDidCreate is "poll.didCreate": data *PollEvent.
	EventPollDidCreate EventName = "poll.didCreate"
	// EventPollDidUpdate is "poll.didUpdate": data *PollEvent.
	EventPollDidUpdate EventName = "poll.didUpdate"
	// EventPollDidVote is "poll.didVote": data *PollEvent.
	EventPollDidVote EventName = "poll.didVote"
	// EventPushChannelCreated is "push-notification/channel.created": data *PushChannelEvent.
	EventPushChannelCreated EventName = "push-notification/channel.created"
	// EventPushChannelJoined is "push-notification/channel.joined": data *PushChannelEvent.
	EventPushChannelJoined EventName = "push-notification/channel.joined"
	// EventPushCommentCreated is "push-notification/comment.created": data *PushPostEvent.
	EventPushCommentCreated EventName = "push-notification/comment.created"
	// EventPushCommentReacted is "push-notification/comment.reacted": data *PushPostEvent.
	EventPushCommentReacted EventName = "push-notification/comment.reacted"
	// EventPushCommentReplied is "push-notification/comment.replied": data *PushPostEvent.
	EventPushCommentReplied EventName = "push-notification/comment.replied"
	// EventPushFollowAccepted is "push-notification/follow.accepted": data *PushFollowEvent.
	EventPushFollowAccepted EventName = "push-notification/follow.accepted"
	// EventPushFollowCreated is "push-notification/follow.created": data *PushFollowEvent.
	EventPushFollowCreated EventName = "push-notification/follow.created"
	// EventPushFollowRequested is "push-notification/follow.requested": data *PushFollowEvent.
	EventPushFollowRequested EventName = "push-notification/follow.requested"
	// EventPushMessageCreated is "push-notification/message.created": data *PushMessageEvent.
	EventPushMessageCreated EventName = "push-notification/message.created"
	// EventPushPostApproved is "push-notification/post.approved": data *PushPostEvent.
	EventPushPostApproved EventName = "push-notification/post.approved"
	// EventPushPostCreated is "push-notification/post.created": data *PushPostEvent.
	EventPushPostCreated EventName = "push-notification/post.created"
	// EventPushPostNeedReviewing is "push-notification/post.need-reviewing": data *PushPostEvent.
	EventPushPostNeedReviewing EventName = "push-notification/post.need-reviewing"
	// EventPushPostReacted is "push-notification/post.reacted": data *PushPostEvent.
	EventPushPostReacted EventName = "push-notification/post.reacted"
	// EventPushVideoStreamingStarted is "push-notification/video-streaming.started": data *PushVideoStreamingEvent.
	EventPushVideoStreamingStarted EventName = "push-notification/video-streaming.started"
	// EventPushMentionCommentCreated is "push-notification/mention-comment.created": data *PushPostEvent.
	EventPushMentionCommentCreated EventName = "push-notification/mention-comment.created"
	// EventPushMentionCommentReplied is "push-notification/mention-comment.replied": data *PushPostEvent.
	EventPushMentionCommentReplied EventName = "push-notification/mention-comment.replied"
	// EventPushMentionPostCreated is "push-notification/mention-post.created": data *PushPostEvent.
	EventPushMentionPostCreated EventName = "push-notification/mention-post.created"
	// EventPushMentionUserFeedCommentCreated is "push-notification/mention-user-feed-comment.created": data *PushPostEvent.
	EventPushMentionUserFeedCommentCreated EventName = "push-notification/mention-user-feed-comment.created"
	// EventPushMentionUserFeedCommentReplied is "push-notification/mention-user-feed-comment.replied": data *PushPostEvent.
	EventPushMentionUserFeedCommentReplied EventName = "push-notification/mention-user-feed-comment.replied"
	// EventPushMentionUserFeedPostCreated is "push-notification/mention-user-feed-post.created": data *PushPostEvent.
	EventPushMentionUserFeedPostCreated EventName = "push-notification/mention-user-feed-post.created"
	// EventUserDidClearFlag is "user.didClearFlag": data *UserEvent.
	EventUserDidClearFlag EventName = "user.didClearFlag"
	// EventUserDidCreate is "user.didCreate": data *UserEvent.
	EventUserDidCreate EventName = "user.didCreate"
	// EventUserDidFlag is "user.didFlag": data *UserEvent.
	EventUserDidFlag EventName = "user.didFlag"
	// EventUserDidUnflag is "user.didUnflag": data *UserEvent.
	EventUserDidUnflag EventName = "user.didUnflag"
	// EventUserDidUpdate is "user.didUpdate": data *UserEvent.
	EventUserDidUpdate EventName = "user.didUpdate"
	// EventCommentDidAddReaction is "v3.comment.didAddReaction": data *CommentEvent.
	EventCommentDidAddReaction EventName = "v3.comment.didAddReaction"
	// EventCommentDidCreate is "v3.comment.didCreate": data *CommentEvent.
	EventCommentDidCreate EventName = "v3.comment.didCreate"
	// EventCommentDidDelete is "v3.comment.didDelete": data *CommentEvent.
	EventCommentDidDelete EventName = "v3.comment.didDelete"
	// EventCommentDidFlag is "v3.comment.didFlag": data *CommentEvent.
	EventCommentDidFlag EventName = "v3.comment.didFlag"
	// EventCommentDidRemoveReaction is "v3.comment.didRemoveReaction": data *CommentEvent.
	EventCommentDidRemoveReaction EventName = "v3.comment.didRemoveReaction"
	// EventCommentDidReply is "v3.comment.didReply": data *CommentEvent.
	EventCommentDidReply EventName = "v3.comment.didReply"
	// EventCommentDidUnflag is "v3.comment.didUnflag": data *CommentEvent.
	EventCommentDidUnflag EventName = "v3.comment.didUnflag"
	// EventCommentDidUpdate is "v3.comment.didUpdate": data *CommentEvent.
	EventCommentDidUpdate EventName = "v3.comment.didUpdate"
	// EventCommunityDidAddUsers is "v3.community.didAddUsers": data *CommunityEvent.
	EventCommunityDidAddUsers EventName = "v3.community.didAddUsers"
	// EventCommunityDidBan is "v3.community.didBan": data *CommunityEvent.
	EventCommunityDidBan EventName = "v3.community.didBan"
	// EventCommunityDidCreate is "v3.community.didCreate": data *CommunityEvent.
	EventCommunityDidCreate EventName = "v3.community.didCreate"
	// EventCommunityDidDelete is "v3.community.didDelete": data *CommunityEvent.
	EventCommunityDidDelete EventName = "v3.community.didDelete"
	// EventCommunityDidJoin is "v3.community.didJoin": data *CommunityEvent.
	EventCommunityDidJoin EventName = "v3.community.didJoin"
	// EventCommunityDidLeave is "v3.community.didLeave": data *CommunityEvent.
	EventCommunityDidLeave EventName = "v3.community.didLeave"
	// EventCommunityDidRemoveUsers is "v3.community.didRemoveUsers": data *CommunityEvent.
	EventCommunityDidRemoveUsers EventName = "v3.community.didRemoveUsers"
	// EventCommunityDidRoleChange is "v3.community.didRoleChange": data *CommunityEvent.
	EventCommunityDidRoleChange EventName = "v3.community.didRoleChange"
	// EventCommunityDidUnban is "v3.community.didUnban": data *CommunityEvent.
	EventCommunityDidUnban EventName = "v3.community.didUnban"
	// EventCommunityDidUpdate is "v3.community.didUpdate": data *CommunityEvent.
	EventCommunityDidUpdate EventName = "v3.community.didUpdate"
	// EventPostDidAddReaction is "v3.post.didAddReaction": data *PostEvent.
	EventPostDidAddReaction EventName = "v3.post.didAddReaction"
	// EventPostDidApprove is "v3.post.didApprove": data *PostEvent.
	EventPostDidApprove EventName = "v3.post.didApprove"
	// EventPostDidCreate is "v3.post.didCreate": data *PostEvent.
	EventPostDidCreate EventName = "v3.post.didCreate"
	// EventPostDidDecline is "v3.post.didDecline": data *PostEvent.
	EventPostDidDecline EventName = "v3.post.didDecline"
	// EventPostDidDelete is "v3.post.didDelete": data *PostEvent.
	EventPostDidDelete EventName = "v3.post.didDelete"
	// EventPostDidFlag is "v3.post.didFlag": data *PostEvent.
	EventPostDidFlag EventName = "v3.post.didFlag"
	// EventPostDidRemoveReaction is "v3.post.didRemoveReaction": data *PostEvent.
	EventPostDidRemoveReaction EventName = "v3.post.didRemoveReaction"
	// EventPostDidUnflag is "v3.post.didUnflag": data *PostEvent.
	EventPostDidUnflag EventName = "v3.post.didUnflag"
	// EventPostDidUpdate is "v3.post.didUpdate": data *PostEvent.
	EventPostDidUpdate EventName = "v3.post.didUpdate"
	// EventVideoStreamingDidRecord is "video-streaming.didRecord": data *VideoStreamingEvent.
	EventVideoStreamingDidRecord EventName = "video-streaming.didRecord"
	// EventVideoStreamingDidStart is "video-streaming.didStart": data *VideoStreamingEvent.
	EventVideoStreamingDidStart EventName = "video-streaming.didStart"
	// EventVideoStreamingDidStop is "video-streaming.didStop": data *VideoStreamingEvent.
	EventVideoStreamingDidStop EventName = "video-streaming.didStop"
	// EventV5MessageDidCreate is "v5.message.didCreate": data *MessageEvent. Sent as "message.didCreate"; told apart from the v3 event by its shape (see Parse).
	EventV5MessageDidCreate EventName = "v5.message.didCreate"
	// EventV5MessageDidDelete is "v5.message.didDelete": data *MessageEvent. Sent as "message.didDelete"; told apart from the v3 event by its shape (see Parse).
	EventV5MessageDidDelete EventName = "v5.message.didDelete"
	// EventV5MessageDidUpdate is "v5.message.didUpdate": data *MessageEvent. Sent as "message.didUpdate"; told apart from the v3 event by its shape (see Parse).
	EventV5MessageDidUpdate EventName = "v5.message.didUpdate"
)

// The 12 webhook events spec 4.116.1 added. Each comment names the type of Event.Data.
const (
	// EventFileDidDelete is "file.didDelete": data *FileEvent, the deleted file.
	EventFileDidDelete EventName = "file.didDelete"
	// EventUserDidBlock is "user.didBlock": data *BlockEvent.
	EventUserDidBlock EventName = "user.didBlock"
	// EventUserDidUnblock is "user.didUnblock": data *BlockEvent.
	EventUserDidUnblock EventName = "user.didUnblock"
	// EventUserProfileReset is "user.profileReset", an administrator's reset of a user's
	// profile: data *UserEvent.
	EventUserProfileReset EventName = "user.profileReset"
	// EventPostDidModerate is "v3.post.didModerate": data *PostEvent.
	EventPostDidModerate EventName = "v3.post.didModerate"
	// EventCommentDidModerate is "v3.comment.didModerate": data *CommentEvent.
	EventCommentDidModerate EventName = "v3.comment.didModerate"
	// EventCommunityJoinRequestDidCreate is "v3.communityJoinRequest.didCreate": data
	// *CommunityJoinRequestEvent.
	EventCommunityJoinRequestDidCreate EventName = "v3.communityJoinRequest.didCreate"
	// EventCommunityJoinRequestDidAccept is "v3.communityJoinRequest.didAccept": data
	// *CommunityJoinRequestEvent.
	EventCommunityJoinRequestDidAccept EventName = "v3.communityJoinRequest.didAccept"
	// EventCommunityJoinRequestDidReject is "v3.communityJoinRequest.didReject": data
	// *CommunityJoinRequestEvent.
	EventCommunityJoinRequestDidReject EventName = "v3.communityJoinRequest.didReject"
	// EventCommunityMemberInvitationDidCreate is "v3.communityMemberInvitation.didCreate": data
	// *CommunityInvitationEvent.
	EventCommunityMemberInvitationDidCreate EventName = "v3.communityMemberInvitation.didCreate"
	// EventCommunityMemberInvitationDidAccept is "v3.communityMemberInvitation.didAccept": data
	// *CommunityInvitationEvent.
	EventCommunityMemberInvitationDidAccept EventName = "v3.communityMemberInvitation.didAccept"
	// EventCommunityMemberInvitationDidReject is "v3.communityMemberInvitation.didReject": data
	// *CommunityInvitationEvent.
	EventCommunityMemberInvitationDidReject EventName = "v3.communityMemberInvitation.didReject"
)

// eventKinds maps every known event to the constructor of its data.
var eventKinds = map[EventName]func() Data{
	EventChannelDidAddUsers:                func() Data { return new(ChannelEvent) },
	EventChannelDidBan:                     func() Data { return new(ChannelEvent) },
	EventChannelDidClose:                   func() Data { return new(ChannelEvent) },
	EventChannelDidCreate:                  func() Data { return new(ChannelEvent) },
	EventChannelDidJoin:                    func() Data { return new(ChannelEvent) },
	EventChannelDidLeave:                   func() Data { return new(ChannelEvent) },
	EventChannelDidRemoveUsers:             func() Data { return new(ChannelEvent) },
	EventChannelDidUpdate:                  func() Data { return new(ChannelEvent) },
	EventChannelDidUpdateMeta:              func() Data { return new(ChannelEvent) },
	EventFollowDidAcceptRequest:            func() Data { return new(FollowEvent) },
	EventFollowDidCancelRequest:            func() Data { return new(FollowEvent) },
	EventFollowDidCreate:                   func() Data { return new(FollowEvent) },
	EventFollowDidDeclineRequest:           func() Data { return new(FollowEvent) },
	EventFollowDidDeleteFollower:           func() Data { return new(FollowEvent) },
	EventFollowDidRequest:                  func() Data { return new(FollowEvent) },
	EventFollowDidUnfollow:                 func() Data { return new(FollowEvent) },
	EventMessageDidAddReaction:             func() Data { return new(V3MessageEvent) },
	EventMessageDidClearFlag:               func() Data { return new(V3MessageEvent) },
	EventMessageDidCreate:                  func() Data { return new(V3MessageEvent) },
	EventMessageDidDelete:                  func() Data { return new(V3MessageEvent) },
	EventMessageDidFlag:                    func() Data { return new(V3MessageEvent) },
	EventMessageDidRemoveReaction:          func() Data { return new(V3MessageEvent) },
	EventMessageDidUnflag:                  func() Data { return new(V3MessageEvent) },
	EventMessageDidUpdate:                  func() Data { return new(V3MessageEvent) },
	EventModerationDidBan:                  func() Data { return new(ChannelEvent) },
	EventPollDidCreate:                     func() Data { return new(PollEvent) },
	EventPollDidUpdate:                     func() Data { return new(PollEvent) },
	EventPollDidVote:                       func() Data { return new(PollEvent) },
	EventPushChannelCreated:                func() Data { return new(PushChannelEvent) },
	EventPushChannelJoined:                 func() Data { return new(PushChannelEvent) },
	EventPushCommentCreated:                func() Data { return new(PushPostEvent) },
	EventPushCommentReacted:                func() Data { return new(PushPostEvent) },
	EventPushCommentReplied:                func() Data { return new(PushPostEvent) },
	EventPushFollowAccepted:                func() Data { return new(PushFollowEvent) },
	EventPushFollowCreated:                 func() Data { return new(PushFollowEvent) },
	EventPushFollowRequested:               func() Data { return new(PushFollowEvent) },
	EventPushMessageCreated:                func() Data { return new(PushMessageEvent) },
	EventPushPostApproved:                  func() Data { return new(PushPostEvent) },
	EventPushPostCreated:                   func() Data { return new(PushPostEvent) },
	EventPushPostNeedReviewing:             func() Data { return new(PushPostEvent) },
	EventPushPostReacted:                   func() Data { return new(PushPostEvent) },
	EventPushVideoStreamingStarted:         func() Data { return new(PushVideoStreamingEvent) },
	EventPushMentionCommentCreated:         func() Data { return new(PushPostEvent) },
	EventPushMentionCommentReplied:         func() Data { return new(PushPostEvent) },
	EventPushMentionPostCreated:            func() Data { return new(PushPostEvent) },
	EventPushMentionUserFeedCommentCreated: func() Data { return new(PushPostEvent) },
	EventPushMentionUserFeedCommentReplied: func() Data { return new(PushPostEvent) },
	EventPushMentionUserFeedPostCreated:    func() Data { return new(PushPostEvent) },
	EventUserDidClearFlag:                  func() Data { return new(UserEvent) },
	EventUserDidCreate:                     func() Data { return new(UserEvent) },
	EventUserDidFlag:                       func() Data { return new(UserEvent) },
	EventUserDidUnflag:                     func() Data { return new(UserEvent) },
	EventUserDidUpdate:                     func() Data { return new(UserEvent) },
	EventCommentDidAddReaction:             func() Data { return new(CommentEvent) },
	EventCommentDidCreate:                  func() Data { return new(CommentEvent) },
	EventCommentDidDelete:                  func() Data { return new(CommentEvent) },
	EventCommentDidFlag:                    func() Data { return new(CommentEvent) },
	EventCommentDidRemoveReaction:          func() Data { return new(CommentEvent) },
	EventCommentDidReply:                   func() Data { return new(CommentEvent) },
	EventCommentDidUnflag:                  func() Data { return new(CommentEvent) },
	EventCommentDidUpdate:                  func() Data { return new(CommentEvent) },
	EventCommunityDidAddUsers:              func() Data { return new(CommunityEvent) },
	EventCommunityDidBan:                   func() Data { return new(CommunityEvent) },
	EventCommunityDidCreate:                func() Data { return new(CommunityEvent) },
	EventCommunityDidDelete:                func() Data { return new(CommunityEvent) },
	EventCommunityDidJoin:                  func() Data { return new(CommunityEvent) },
	EventCommunityDidLeave:                 func() Data { return new(CommunityEvent) },
	EventCommunityDidRemoveUsers:           func() Data { return new(CommunityEvent) },
	EventCommunityDidRoleChange:            func() Data { return new(CommunityEvent) },
	EventCommunityDidUnban:                 func() Data { return new(CommunityEvent) },
	EventCommunityDidUpdate:                func() Data { return new(CommunityEvent) },
	EventPostDidAddReaction:                func() Data { return new(PostEvent) },
	EventPostDidApprove:                    func() Data { return new(PostEvent) },
	EventPostDidCreate:                     func() Data { return new(PostEvent) },
	EventPostDidDecline:                    func() Data { return new(PostEvent) },
	EventPostDidDelete:                     func() Data { return new(PostEvent) },
	EventPostDidFlag:                       func() Data { return new(PostEvent) },
	EventPostDidRemoveReaction:             func() Data { return new(PostEvent) },
	EventPostDidUnflag:                     func() Data { return new(PostEvent) },
	EventPostDidUpdate:                     func() Data { return new(PostEvent) },
	EventVideoStreamingDidRecord:           func() Data { return new(VideoStreamingEvent) },
	EventVideoStreamingDidStart:            func() Data { return new(VideoStreamingEvent) },
	EventVideoStreamingDidStop:             func() Data { return new(VideoStreamingEvent) },
	EventV5MessageDidCreate:                func() Data { return new(MessageEvent) },
	EventV5MessageDidDelete:                func() Data { return new(MessageEvent) },
	EventV5MessageDidUpdate:                func() Data { return new(MessageEvent) },
	// The events of spec 4.116.1.
	EventFileDidDelete:                      func() Data { return new(FileEvent) },
	EventUserDidBlock:                       func() Data { return new(BlockEvent) },
	EventUserDidUnblock:                     func() Data { return new(BlockEvent) },
	EventUserProfileReset:                   func() Data { return new(UserEvent) },
	EventPostDidModerate:                    func() Data { return new(PostEvent) },
	EventCommentDidModerate:                 func() Data { return new(CommentEvent) },
	EventCommunityJoinRequestDidCreate:      func() Data { return new(CommunityJoinRequestEvent) },
	EventCommunityJoinRequestDidAccept:      func() Data { return new(CommunityJoinRequestEvent) },
	EventCommunityJoinRequestDidReject:      func() Data { return new(CommunityJoinRequestEvent) },
	EventCommunityMemberInvitationDidCreate: func() Data { return new(CommunityInvitationEvent) },
	EventCommunityMemberInvitationDidAccept: func() Data { return new(CommunityInvitationEvent) },
	EventCommunityMemberInvitationDidReject: func() Data { return new(CommunityInvitationEvent) },
}

// AllEvents returns the names of the 98 events of the spec: the 86 of 4.92.0 in the spec's
// order, then the 12 spec 4.116.1 added.
func AllEvents() []EventName {
	return []EventName{
		EventChannelDidAddUsers,
		EventChannelDidBan,
		EventChannelDidClose,
		EventChannelDidCreate,
		EventChannelDidJoin,
		EventChannelDidLeave,
		EventChannelDidRemoveUsers,
		EventChannelDidUpdate,
		EventChannelDidUpdateMeta,
		EventFollowDidAcceptRequest,
		EventFollowDidCancelRequest,
		EventFollowDidCreate,
		EventFollowDidDeclineRequest,
		EventFollowDidDeleteFollower,
		EventFollowDidRequest,
		EventFollowDidUnfollow,
		EventMessageDidAddReaction,
		EventMessageDidClearFlag,
		EventMessageDidCreate,
		EventMessageDidDelete,
		EventMessageDidFlag,
		EventMessageDidRemoveReaction,
		EventMessageDidUnflag,
		EventMessageDidUpdate,
		EventModerationDidBan,
		EventPollDidCreate,
		EventPollDidUpdate,
		EventPollDidVote,
		EventPushChannelCreated,
		EventPushChannelJoined,
		EventPushCommentCreated,
		EventPushCommentReacted,
		EventPushCommentReplied,
		EventPushFollowAccepted,
		EventPushFollowCreated,
		EventPushFollowRequested,
		EventPushMessageCreated,
		EventPushPostApproved,
		EventPushPostCreated,
		EventPushPostNeedReviewing,
		EventPushPostReacted,
		EventPushVideoStreamingStarted,
		EventPushMentionCommentCreated,
		EventPushMentionCommentReplied,
		EventPushMentionPostCreated,
		EventPushMentionUserFeedCommentCreated,
		EventPushMentionUserFeedCommentReplied,
		EventPushMentionUserFeedPostCreated,
		EventUserDidClearFlag,
		EventUserDidCreate,
		EventUserDidFlag,
		EventUserDidUnflag,
		EventUserDidUpdate,
		EventCommentDidAddReaction,
		EventCommentDidCreate,
		EventCommentDidDelete,
		EventCommentDidFlag,
		EventCommentDidRemoveReaction,
		EventCommentDidReply,
		EventCommentDidUnflag,
		EventCommentDidUpdate,
		EventCommunityDidAddUsers,
		EventCommunityDidBan,
		EventCommunityDidCreate,
		EventCommunityDidDelete,
		EventCommunityDidJoin,
		EventCommunityDidLeave,
		EventCommunityDidRemoveUsers,
		EventCommunityDidRoleChange,
		EventCommunityDidUnban,
		EventCommunityDidUpdate,
		EventPostDidAddReaction,
		EventPostDidApprove,
		EventPostDidCreate,
		EventPostDidDecline,
		EventPostDidDelete,
		EventPostDidFlag,
		EventPostDidRemoveReaction,
		EventPostDidUnflag,
		EventPostDidUpdate,
		EventVideoStreamingDidRecord,
		EventVideoStreamingDidStart,
		EventVideoStreamingDidStop,
		EventV5MessageDidCreate,
		EventV5MessageDidDelete,
		EventV5MessageDidUpdate,
		EventFileDidDelete,
		EventUserDidBlock,
		EventUserDidUnblock,
		EventUserProfileReset,
		EventPostDidModerate,
		EventCommentDidModerate,
		EventCommunityJoinRequestDidCreate,
		EventCommunityJoinRequestDidAccept,
		EventCommunityJoinRequestDidReject,
		EventCommunityMemberInvitationDidCreate,
		EventCommunityMemberInvitationDidAccept,
		EventCommunityMemberInvitationDidReject,
	}
}
