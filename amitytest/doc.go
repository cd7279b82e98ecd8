// Package amitytest provides an in-process, stateful fake of the Amity
// (social.plus) REST API for tests, the way net/http/httptest serves
// net/http.
//
// NewServer starts the fake on a loopback address; point the SDK (or any
// HTTP client) at Server.URL. Paths, parameters and JSON shapes follow the
// official OpenAPI spec (4.92.0), including its sideloaded response bundles
// and its several paging shapes.
//
//	srv := amitytest.NewServer()
//	defer srv.Close()
//	res := srv.Seed(amitytest.SeedOptions{})
//	token := srv.UserToken(res.UserIDs[0]) // or POST /api/v4/sessions
//
// # Authentication
//
// Requests carry "Authorization: Bearer <token>", where the token is the
// admin token (Server.AdminToken; identity "admin", full rights) or a user
// access token from POST /api/v4/sessions (header x-api-key must be
// Server.APIKey). A new session on the same userId and deviceId invalidates
// the older token. With WithServerKey the server is in secure mode and
// registration requires an authToken from POST /api/v4/authentication/token.
// A missing or bad token is answered 401 with code 400100. Content the admin
// token creates is attributed to the user "admin", created on first use.
//
// # Errors, limits and paging
//
// Errors have the spec's body {"status":"error","code":...,"message":...}
// with the service's codes (400000 validation, 400100 unauthorized,
// 400300/400301 forbidden, 400304 banned from a community or channel,
// 400308 blocklisted word, 400309 link not on the allowlist, 400311 rate
// limit with HTTP 429, 400312 global ban, 400400 not found). Each identity
// may make 100 calls in any 5 s window (see WithRateLimit).
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
// Deleted items are left out of lists unless isDeleted=true is asked for,
// which lists deleted items only; a soft-deleted item can still be read by
// id (with isDeleted true).
//
// # Moderation
//
// Post, comment, message and poll texts are checked against the blocklist
// (POST /api/v3/blocklists) and, when the allowlist is not empty and
// isWhitelistEnabled is on (the default), links (http://, https:// and
// www. addresses) must be on the allowlist (POST /api/v3/allowlists).
//
// Operations the fake does not implement (follows, stories, global feeds,
// markers, video streaming, roles, presence, the v1/v2 word lists and most
// network settings) are answered 404 with code 400400.
//
// # Fault injection
//
// FailNext, DropNext, MalformedNext and SetDelay inject failures; Requests
// and RequestCount report what the server received.
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
// follower and declining answer the relation with status none. Blocked users cannot follow
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
// its broadcaster or the admin changes it. Watch events need a fresh nonceStr each time and
// add up per stream (Server.WatchSeconds).
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
// Marker IDs are internal IDs (channelInternalId); public channel IDs are
// accepted too.
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
