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
package amitytest
