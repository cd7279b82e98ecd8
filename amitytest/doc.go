// Package amitytest provides an in-process, stateful fake of the Amity
// (social.plus) REST API for tests, the way net/http/httptest serves
// net/http.
//
// NewServer starts the fake on a loopback address; point the SDK (or any
// HTTP client) at Server.URL. It serves all 380 REST operations of the
// official OpenAPI spec (4.116.1), statefully: what one call creates, changes
// or deletes, the next call sees. Paths, parameters and JSON shapes follow
// the spec, including its sideloaded response bundles and its several paging
// shapes, and the package's spec test checks that every operation gives at
// least one successful answer that validates against the spec. The spec's
// webhook and realtime pseudo-operations, and any other unknown route, are
// answered 404 with code 400400. The sections below say what each area does.
//
//	srv := amitytest.NewServer()
//	defer srv.Close()
//	res := srv.Seed(amitytest.SeedOptions{})
//	token := srv.UserToken(res.UserIDs[0]) // or POST /api/v4/sessions
//
// StartMock runs the same server on an address of one's choice, with admin endpoints under
// MockPrefix (reset, seed files, webhook deliveries and redelivery), fault rates and latency:
// what the `amity mock` command (cmd/amity) serves to programs that are not Go tests. A
// SeedFile (testdata/mock_seed.json documents the format) loads fixed fixtures; Seed makes
// generated ones.
//
// # Sessions and authentication
//
// Requests carry "Authorization: Bearer <token>", where the token is the
// admin token (Server.AdminToken; identity "admin", full rights) or a user
// access token from POST /api/v4/sessions or the deprecated POST
// /api/v3/sessions (header x-api-key must be Server.APIKey; an unknown
// userId creates the user, a displayName renames it). Server.UserToken
// registers a session without HTTP. A new session on the same userId and
// deviceId invalidates the older token. DELETE /api/v4/sessions revokes the
// caller's token; the admin revokes all of a user's sessions with
// DELETE /api/v4/sessions?userId= or DELETE /api/v4/sessions/users/{userId}. With WithServerKey the server is in secure mode and registration
// requires an authToken from POST /api/v4/authentication/token (or GET
// /api/v3/authentication/token) for the same userId. A missing or bad token
// is answered 401 with code 400100. Content the admin token creates is
// attributed to the user "admin", created on first use.
//
// # Errors and paging
//
// Errors have the spec's body {"status":"error","code":...,"message":...}
// with the service's codes (400000 validation, 400100 unauthorized,
// 400300/400301 forbidden, 400304 banned from a community or channel,
// 400308 blocklisted word, 400309 link not on the allowlist, 400311 rate
// limit with HTTP 429, 400312 global ban, 400400 not found).
//
// Lists take options[limit] (default 20, at most 100) and options[token]
// (flat limit and token on the operations that declare them), and
// options[skip] for offset paging. Page tokens are opaque and bound to the
// query that produced them: send them with the same query parameters. The
// options that shape a list (sortBy, before, after, ...) travel inside the
// token, so the options may be left out when a token is sent. A foreign or
// garbage token is answered 400000 "Query Token is invalid". Responses carry
// paging in the shape each operation declares (paging{next, previous},
// paging{next, prev}, paging{next} or paging{next, previous, total}).
//
// Array query parameters are read in every form clients send them:
// name[]=a&name[]=b (what the vendor clients send, and the product docs
// show), name[0]=a&name[1]=b (the vendor's migration tool), repeated
// name=a&name=b (OpenAPI's default) and name=a,b, mixed or not; the values
// keep the order they were sent in (name[i] by index), which the by-ids
// lists (/list) keep in their answers.
//
// The parameters of a DELETE may also come in a JSON object body, where the
// vendor clients send them (removing channel and community members and
// roles, reactions and push devices); the query wins when it names a
// parameter.
//
// Soft-deleted items can still be read by id (with isDeleted true). In lists,
// isDeleted=true lists deleted items only and isDeleted=false live items
// only; a list that is sent without isDeleted follows the default the spec
// declares for it:
//
//   - live and deleted items (the spec's "null(default) - Show both"):
//     GET /api/v3/channels, /api/v3/communities, /api/v3/messages and
//     /api/v3/video-streaming; the member lists GET
//     /api/v3/channels/{channelId}/users, /api/v4/channels/{channelId}/users
//     and /api/v3/communities/{communityId}/users, where isDeleted is about
//     the members' users ("will return both deleted and non-deleted
//     members");
//   - live and deleted items too where the spec declares default null without
//     a word: GET /api/v3/comments, /api/v3/community-categories,
//     /api/v3/posts, /api/v4/posts, /api/v3/content-feeds,
//     /api/v3/community-feeds/{communityId}, /api/v3/user-feeds/{userId} and
//     its count. The vendor clients always send isDeleted=false unless the
//     caller asks to include deleted items, and then leave it out
//     (inferIsDeleted), which means both on the service;
//   - live items only (the spec's default false): GET /api/v5/messages,
//     /api/v5/message-feeds/channel/{channelId},
//     /api/v5/message-feeds/user/{creatorId} and /api/v3/users.
//
// The lists that declare no isDeleted (the v4 and v5 global feeds, stories,
// /api/v5/messages/user/{creatorId}, ...) list live items only.
//
// # Rate limit
//
// Each identity (the admin, or each user) may make 100 calls in any sliding
// 5 s window; further calls are answered 429 with code 400311 and are not
// counted. WithRateLimit changes the limit, WithoutRateLimit turns it off and
// WithClock drives the window with a test clock.
//
// # Users
//
// Users are listed (GET /api/v3/users with keyword, filter flagged, sortBy
// and isDeleted; GET /api/v3/users/list by ids) and read by id (public, or internal with
// isPublic=false). A user updates its own display name, description,
// avatar and metadata with PUT /api/v3/users; only the admin (or a role
// with EDIT_USER / ASSIGN_USER_ROLE) updates others or sets roles. An update
// of an unknown userId is answered 404 (400400) unless its body has
// createNewUserWhenNotFound true, which creates the user with the update
// (a deleted user is not brought back). The field is not in spec 4.92.0;
// every vendor client sends it false, so the fake reads its absence as
// false; the real service's default is undocumented, which is why a client
// should send false explicitly, as the vendor clients do. Users
// flag one another once (POST|DELETE /api/v4/me/flags/{userId}, isFlagByMe;
// the admin clears all flags with DELETE /api/v2/users/{userId}/flags).
// The admin bans users network-wide (POST /api/v2/users/ban, unban): a
// banned user gets 400312 on new sessions and on every write. A user blocks
// others (/api/v4/me/user-blocks, not itself; blocked users cannot follow
// each other) and lists its blocks. DELETE /api/v4/users/{userId} (admin)
// deletes the user and revokes its sessions; with deleteAll, hardDeletePost,
// hardDeleteComment or markMessageDeleted it also removes its content.
// AddUser creates a user without a session.
//
// # Posts
//
// Posts (v3 and v4 create, update and delete; GET by id, list by ids, query
// by target with dataTypes, sortBy, feedType, tags and isDeleted) have text,
// metadata, tags, mentionees and attachments (uploaded images, videos and
// files, or a poll), stored as child posts. Beyond spec 4.92.0, the fake
// takes what the vendor clients send: audio and clip attachments (a clip is
// an uploaded video, with displayMode fill|fit and isMuted; an audio any
// uploaded file), a data.title, and room posts (dataType room, data
// {text, title, roomId} kept as given; the fake has no rooms). Its answers
// then carry those data types, which the 4.92.0 schema does not list. A post goes to a user's feed,
// a community (members only; banned users get 400304; onlyAdminCanPost
// communities need a moderator) or a content target. In a community that
// needs approval, posts of plain members wait in the reviewing feed until a
// moderator approves or declines them (declined posts leave every feed).
// Only the author, the community's moderators and the admin edit or delete;
// deletion is soft (still readable with isDeleted true) unless
// permanent=true. Users flag a post once (flag, unflag, isflagbyme);
// moderators clear flags. The v3 user and community feeds list a target's
// readable posts; a private community's posts are hidden from non-members.
//
// # Comments
//
// Comments go on posts, stories or content references, with text,
// metadata, mentionees and attachments (uploaded images or videos, or links
// {type: link, url}, which the vendor clients send and spec 4.92.0 lacks;
// dataTypes lists the kinds a comment holds), and may reply to another
// comment (replies are sideloaded with their parent). They are listed newest first
// (or by segment windows and offset), counted and listed by their post, read
// by id and by ids, updated and deleted (soft, or permanent with v4) by their
// author, the community's moderators or the admin, and flagged once per user
// (moderators clear flags).
//
// A comment list (GET /api/v3/comments) without parentId lists top-level
// comments only, as the vendor clients' comment collections expect; with
// parentId it lists that comment's replies, and filterByParentId=false (the
// spec's parameter, default true) lists top-level comments and replies
// together. So hasFlag=true alone finds flagged top-level comments; flagged
// replies are found per parent with parentId=<comment>&hasFlag=true, the way
// the vendor clients ask (they never send filterByParentId: their source
// says the backend does not support it), or all at once with
// filterByParentId=false&hasFlag=true. A post whose comment or reply is
// flagged has hasFlaggedComment true and is listed by hasFlag=true.
//
// # Reactions
//
// POST|DELETE /api/v2/reactions add and remove a named reaction of the
// caller to a post, comment, story or message (once per name and user;
// referenceVersion, which the vendor clients send as 5 for messages, is
// accepted and changes nothing; DELETE takes its parameters in the query, as
// the spec says, or in a JSON body, as the vendor clients send them);
// the entity's reactions and reactionsCount follow, GET /api/v2/reactions
// and /api/v3/reactions page through the reactors newest first, and
// GET /api/v2/reactions/messages/most ranks the caller's readable messages
// by their reactions (of one name, or all).
//
// # Communities
//
// Communities are created by any user (unless social is switched off) with
// a unique display name, public or private, in categories, with post
// settings (needApprovalOnPostCreation, onlyAdminCanPost). They are queried
// (keyword, categoryId, filter member/notMember, sortBy, isDeleted), listed
// by ids, read by id, and updated or deleted by moderators and the admin.
// Users join public communities (private ones only when added, or when the
// social setting allows) and leave; moderators add, remove, ban and unban
// members and give or take roles (v3 and v4), and GET .../permissions/me
// reports the caller's. The recommended list holds the public communities
// the caller has not joined and top-trending all public ones, most members
// first.
//
// # Categories
//
// Community categories (POST/GET/PUT/DELETE /api/v3/community-categories,
// query and list by ids) are managed by the admin or a role with the
// category permissions; a category has a name, an avatar and metadata, and
// deletion is soft.
//
// # Channels
//
// Channels are community, live or broadcast channels, or conversations
// (POST /api/v3/channels/conversation; a distinct conversation between the
// same users is reused, and outsiders neither see nor join it). Each has a
// default message feed, whose ID is the channel's internal ID (see Messages). They are queried (types, keyword, tags and
// excludeTags, userId, filter member/notMember, isDeleted), listed by ids, read, updated and deleted by
// moderators and the admin, joined and left; moderators add, remove, ban,
// unban and give roles to members, mute the channel or single users for a
// period (v2 mute; the member lists filter them with memberships muted (v4)
// or filter=muted (v3)) and close it (v2 close). POST .../seen moves the
// caller's read marker. autoDeleteMessageByFlagLimit deletes a message that
// reaches that many flags.
//
// # Messages
//
// Messages are written by members (not banned or muted ones) into a
// channel's message feeds, through the v5 API or the v3 API (the channel's
// default feed, the v3 types, segment windows). Both versions see the same
// messages. A v5 referenceId is a correlation key, not an idempotency key
// (see amity.CreateMessageParams.ReferenceID): sending one again makes a
// second message, as the service may. It may have up to 100 characters,
// beyond the spec's 30, since the vendor clients send "LOCAL_" and a UUID (42).
//
// IDs follow the service. A channel has a public ID (channelId, the one the
// channel operations, moderation and the v3 API take) and an internal one
// (channelInternalId, 24 hex digits). Its default message feed's ID is the
// internal ID, which messageFeedsInfo names; a v5 message and a message feed
// carry channelId = the internal channel ID and channelPublicId = the public
// one, creatorId = the creator's internal user ID and creatorPublicId = its
// public ID (so do the channels' messagePreviews); the v3 message shape keeps
// the public channelId and userId. Every operation that takes a messageFeedId
// (POST and GET /api/v5/messages, /api/v5/message-feeds/{messageFeedId} and
// .../list, the message-feed markers) takes a feed ID only: a public channel
// ID there is answered 404 (400400), as the service knows no feed by that ID
// (the vendor clients always pass the internal one). The channel-level feed
// operations (POST /api/v5/message-feeds channelId, GET
// /api/v5/message-feeds/channel/{channelId}, the channelId filter of
// /api/v5/messages/user/{creatorId}) take the public channel ID, which the
// vendor clients send, or the internal one; the creator of
// /api/v5/messages/user/{creatorId} and /api/v5/message-feeds/user/{creatorId}
// is a public or an internal user ID. SeedResult.MessageFeedIDs names the
// seeded channels' default feeds. They are listed newest first (or
// ascending, with before/after/around cursors and total), read by id, by
// ids, by creator and by parentId (threads), edited and deleted (soft, or permanent)
// by their creator or the channel's moderators, and flagged once per user
// (moderators clear all flags). Message feeds (sub-channels) are created,
// updated, deleted and listed by channel, by creator and by ids, ordered by
// last message.
//
// # Polls
//
// Polls (POST /api/v3/polls, with answers, answerType single or multiple and
// an optional closedIn) are attached to posts. Users vote (voting again
// replaces the vote; several answers only with answerType multiple), GET .../answers
// lists an answer's voters, and the creator closes (PUT status closed) or
// deletes a poll; a closed poll, also one past closedIn, refuses votes.
// Creating, voting and closing send poll.didCreate, poll.didVote and
// poll.didUpdate webhooks.
//
// # Files
//
// Uploads are multipart (POST /api/v4/files, /api/v4/images,
// /api/v4/videos, or v3 /api/v3/files), several files at once, kept in
// memory up to the upload limit (WithUploadLimit; larger bodies get 413);
// images must be images and videos videos. GET /api/v3/files/{fileId}
// reads a file's info, GET .../download streams its bytes (token from the
// Authorization header, the upstra-access-token cookie or the t parameter;
// size small, medium or large resizes an image), and only the uploader or
// the admin deletes it.
//
// # Moderation
//
// Post, comment, message and poll texts are checked against the blocklist
// (POST /api/v3/blocklists; 400308) and, when the allowlist is not empty and
// isWhitelistEnabled is on (the default), links (http://, https:// and
// www. addresses) must be on the allowlist (POST /api/v3/allowlists;
// 400309). Both lists have verify operations that test a text without
// storing it, and GET|PUT /api/v3/network-settings/moderation keep the
// moderation settings. Flags, bans and mutes are described with their
// areas.
//
// # Webhooks and pre-hooks
//
// SetWebhook makes the server POST the events its operations cause (posts,
// comments, community members, channels, messages, user flags, global
// bans, follows, polls and video streams; Server.SetWebhook lists each
// event and its operation) to a URL, signed like Amity signs them
// (x-amity-signature) and shaped like the spec's webhook pseudo-operations;
// deliveries run in order on their own goroutine and never block the API
// (FlushWebhooks, WebhookDeliveries). RedeliverWebhooks sends deliveries
// again as they were, and DeliverWebhookBurst sends many distinct events at
// once, to test a receiver against duplicates and load. SetPreHook makes the server ask a URL
// before the operations of the 12 pre-hook events: creating, updating,
// deleting or flagging a post; creating, updating, flagging or unflagging
// a message; creating, joining, leaving or updating a channel. It obeys
// the reply: allow (with modified data on a create or an update) or deny
// (400000, nothing changes); a slow or bad reply applies the default action
// (PreHookCalls). Both are in step with the network's webhook and pre-hook
// settings (see Network settings).
//
// # Fault injection
//
// FailNext(n, status) fails the next n requests with that status and a
// spec-shaped error body (429 with 400311); SetDelay delays every following
// request (a request whose context ends meanwhile gets no answer); DropNext
// closes the connection of the next n requests without an answer;
// MalformedNext answers the next n with 200 and a truncated JSON body.
// Requests and RequestCount report what the server received.
//
// # Stories
//
// Members of a community create stories in it (text, or an uploaded image or video); a
// story is listed for 24 hours after its creation (storyLifetime) and then only with
// isExpired=true, although it is still counted (GET /api/v4/stories/count, admin only) and
// readable by id. Listings are newest first unless options[orderBy]=asc; stories-by-targets
// and stories/seen take targets[i][targetId] and targets[i][targetType]. A story view
// recorded by POST /api/v1/analytics/activities marks the target seen up to that story, which
// drives lastStorySeenExpiresAt and the seenState filter of
// GET /api/v5/me/global-story-targets (the targets with active stories in the caller's
// communities). Any user may flag a story once (again: 400315); the admin and the
// community's moderators clear flags; the creator, the moderators and the admin delete,
// softly unless permanent=true.
//
// # Follows and feeds
//
// POST /api/v4/me/following/{userId} follows a user at once, or leaves the follow pending
// until the followed user accepts it when SetFollowApproval(true); unfollowing, removing a
// follower and declining answer the relation with status none; each change sends its
// follow.* webhook (see SetWebhook). Blocked users cannot follow
// each other and v5 follow info reports the block. Follow counts leave out deleted users;
// other users' pending requests are not listed. The following feed
// (GET /api/v1/me/following-feeds) and the v4/v5 global feeds hold the caller's own posts,
// the posts of the users they follow (accepted follows only) and the posts of the
// communities they joined; customRanking (the default; v5) ranks by reactions and comments,
// lastCreated and v4 are newest first. The v3 global feed holds every readable post
// (showOnlyMyFeed keeps the caller's), the content feed the posts on content targets.
//
// # Pinned and featured posts
//
// The admin and a community's moderators pin its published posts at the default or the
// announcement placement; pinning again moves a post to the top. Pins are listed latest
// first (options[orderBy]=asc reverses), and a deleted post drops out. The admin features
// posts network-wide (/api/v1/pinned-posts/global, targetType network); the featured posts
// are listed latest first and lead the v4 and v5 global feeds.
//
// # Analytics
//
// Views recorded by POST /api/v1/analytics/activities (answered 202) count toward a post's
// or story's impression (every view) and reach (distinct viewers; Server.Views); link
// clicks count on stories (Server.LinkClicks). The viewer listings are latest view first and
// leave out global-banned, community-banned and deleted users; a soft-deleted post's viewers
// are only for its owner and the admin.
//
// # Video streaming
//
// A stream is created idle with streamer and watcher URLs (signed when isSecure), goes live
// with Server.StartStream (the broadcaster connecting), ended with
// DELETE /api/v3/video-streaming/{streamId}/streaming-url (which also needs the X-API-Key
// header and disposes the URLs) or its deletion, and recorded with Server.RecordStream. Only
// its broadcaster or the admin changes it. Going live, ending a live stream and being
// recorded send the video-streaming.didStart, didStop and didRecord webhooks. Watch events
// need a fresh nonceStr each time and add up per stream (Server.WatchSeconds).
//
// # Semantic search
//
// The fake stands in for semantic matching with word overlap: a post (its text and tags) or
// a community (name, description, tags) scores the share of the query's words it holds, and
// results come best first with that score, among what the caller may read.
//
// # Ads
//
// Ads are added by the test (Server.AddAd) and listed by GET /api/v1/ads/me while ads are
// enabled (Server.EnableAds), within their start and end, with their advertisers and the
// ad settings.
//
// # Network settings
//
// The network settings persist and are the admin's (a user token is
// refused): PUT /api/v3/network-settings switches social, chat and video
// streaming (and the allowlist), and the chat, social, users, feed-setting,
// video-streaming and semantic-search settings keep what is set. Switched
// off features are refused with 400300: with chatEnabled false no channel
// or conversation can be created, with socialEnabled false no community;
// with the users setting isAllowUpdateDisplayName false a user cannot
// change its own display name (the admin still can); with the social
// setting allowJoinPrivateCommunity a user may join a private community by
// itself (otherwise it must be added). The webhook switch
// and the pre-hook (enabled, callbackUrl, defaultAction) persist; the
// pre-hook's secretKey is answered only by the PUT that first enables it
// or that sets regenerateKey, never by GET. The settings drive the
// delivery of SetWebhook and SetPreHook: SetWebhook turns the webhook
// switch on and webhookEnabled false stops the deliveries; a pre-hook
// enabled with PUT .../prehook is called at its callbackUrl, signed with
// its secretKey, with its defaultAction, and SetPreHook shows in GET.
//
// # Roles
//
// Roles (POST/GET/PUT/DELETE /api/v3/roles, GET|PUT /api/v2/roles with the
// X-API-Key) hold permissions from the spec's list. A user holds the roles
// the admin gives it with PUT /api/v3/users roles, and their permissions
// work at once: CREATE_COMMUNITY_CATEGORY, EDIT_COMMUNITY_CATEGORY and
// DELETE_COMMUNITY_CATEGORY let it manage community categories,
// CREATE_ROLE, EDIT_ROLE and DELETE_ROLE roles, EDIT_USER update other
// users and ASSIGN_USER_ROLE give roles (PUT /api/v3/users); without them
// it is refused as a plain user is. A deleted role grants nothing.
// RoleUsers lists a role's users.
//
// # Push notifications
//
// The notification settings of the user, channel and community levels
// persist per user (Pushable reports the outcome); POST and DELETE
// /v1/notification (with the X-API-Key) register and unregister a user's
// devices (PushDevices lists them; an iOS token must be hexadecimal).
//
// # Presence
//
// Presence is on for the network (heartbeat interval 30 s) and off for each
// user until PUT /api/v1/presence/settings/user turns it on; a user with
// presence off is refused the presence calls (400300) and is never online.
// POST /api/v1/presence/heartbeat (answered 202) makes the caller online
// for two heartbeat intervals: the online users, their count and
// GET /api/v1/presence/users/list follow the heartbeats (OnlineUsers).
//
// # Markers
//
// Markers count reads. Each member has a read marker per message feed (the
// one of a channel's default feed is the membership's readToSegment that
// POST /api/v3/channels/{id}/seen moves): the unread count of a feed is the
// number of live messages by others after it, a channel's is the sum over
// its feeds and the user marker's the sum over the caller's channels;
// isMentioned tells an unread message mentions the caller. mark-read (feed
// or whole channel) and message-feeds/reading move the marker forward
// (never back), mark-delivering the delivered marker; between start-reading
// and stop-readings new messages count as read. GET /api/v1/markers/messages
// counts a message's readers and receivers, read-users and delivered-users
// name them, and sync returns the markers changed since deviceLastSyncAt.
// Marker IDs are internal IDs: channelInternalId and message feed IDs (a
// channel's default feed is its internal ID). Where a marker operation takes
// a channel ID, the public one is accepted too; a message feed ID is never a
// public channel ID.
//
// # Answers the vendor clients read differently
//
// A few answers are given in spec 4.92.0's shape although the vendor's
// shipping clients read another one, which may be what the service sends; a
// client of the fake should decode both. The flag checks GET
// /api/v3/posts/{postId}/isflagbyme, /api/v3/comments/{commentId}/isflagbyme
// and /api/v3/messages/{messageId}/isFlaggedByMe answer
// {status, data: {result}}, where the clients read a top-level result (or
// isFlagByMe); GET /api/v5/messages/{messageId}/flags answers {result} and GET
// /api/v3/users/{userId}/isFlagByMe {isFlagByMe}, as both the spec and the
// clients have them (the clients call the user check in lower case,
// .../isflagbyme, which the fake serves too, as the service's routes ignore
// case). GET /api/v3/files/{fileId} answers {status, data: File}, where the
// clients take the body for the File ("backend bad serializer issue"). GET
// /api/v3/roles and /api/v3/roles/{roleId} answer {status, data: [Role]}
// (with paging beside data on the query), where the clients read
// {roles, paging} and a bare [Role]. The roles query takes no keyword as well
// (the spec marks it required; the clients leave it out to list every role).
//
// # Legacy word lists
//
// The v1 and v2 blacklist are views of the v3 blocklist and the v2
// whitelist of the v3 allowlist (X-API-Key required): rules added, replaced
// (PUT) or deleted through them are in force in posts, comments and
// messages at once; PUT .../records/{ruleId} isEnabled false takes a rule
// out of force (and out of the v3 listing) until it is enabled again.
// GET|PUT /api/v2/moderation-settings keep the repetition, mute and image
// moderation settings.
package amitytest
