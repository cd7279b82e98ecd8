// Package amity is a typed Go client for the Amity / social.plus REST API, all 380 operations
// of spec 4.116.1: users, sessions, communities and their categories, join requests and
// invitations, posts and scheduled posts, comments, reactions, polls, channels and their
// archives, messages, markers, presence, files, moderation, stories, feeds, follows, roles,
// network settings, notifications and the notification tray, video streams and rooms,
// events and RSVPs, products, reports and community metrics, analytics, pinned and featured
// posts, search and ads. Sessions.Register and Posts.List use the current v5 endpoints; the
// older versions hang off their service (Sessions.V4, Posts.V4, ...). Package webhook
// receives its webhooks and pre-hooks, package redislimit shares its rate limit among
// processes, and package amitytest is an in-process fake of the API.
//
// # Clients and identities
//
// A Client holds one transport shared by all its services (c.Users, c.Posts, c.Channels, ...):
// the region endpoint, credentials, the limiter, retries and paging.
//
//	c, err := amity.NewClient(amity.WithRegion(amity.RegionEU),
//		amity.WithAdminToken(os.Getenv("AMITY_ADMIN_TOKEN")), amity.WithAPIKey(os.Getenv("AMITY_API_KEY")))
//
// There are three identities:
//   - the admin token (console → Settings → Admin Users), sent as "Authorization: Bearer",
//     for server-side administration;
//   - a user: Client.AsUser("alice") returns a view of c acting as alice. It registers a
//     session with the API key (POST /api/v5/sessions; first getting a 10-minute auth token
//     with the server key when WithServerKey is set, as secure mode requires), caches the
//     30-day access token, renews it a tenth of its lifetime before expiry and once on 401.
//     Each Client has its own random device ID, so processes never invalidate each other's
//     tokens (a new session on a device invalidates the older one there; see WithDeviceID);
//   - the API key alone, for the few operations the spec secures with it.
//
// No credential ever appears in an error, a log line or a formatted value: tokens are of type
// Secret, which prints and encodes as "[redacted]", and error bodies that echo a credential are
// redacted.
//
// # Calls
//
// Every method takes a context.Context first, path IDs next, at most one params struct, and
// ...CallOption last: WithCallHeader, WithCallResponse (the raw *http.Response),
// WithCallRetries and WithCallTimeout change a single call (a client's options are the
// Option values of NewClient; no name is both). Bad input (an empty ID, a missing required field, a value
// out of the spec's bounds) fails with a *ValidationError before anything is sent. IDs are
// path-escaped, so "a/../b" stays one path segment.
//
// Answers are payloads (PostPayload, CommunityPayload, ...): the entities and the sideloaded
// users, files and others the API sends with them. Accessors follow one convention: the
// primary entity with no argument (p.Post()), a sideload by ID (p.UserByID(id)), a relation of
// an entity (p.Author(post)). p.Raw is the answer as received.
//
// # Paging
//
// List endpoints page 20 items by default (PageParams.Limit up to 100) and answer with
// paging.next / paging.previous cursors, passed back as PageParams.PageToken. Each list has
// three methods: List ranges over items, ListPages over whole pages (for the sideloads, and
// to store Paging.Next and resume a job later), ListPage fetches one page:
//
//	for post, err := range c.Posts.List(ctx, &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: id}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(post.PostID)
//	}
//
// A stale or foreign cursor fails with ErrInvalidPageToken.
//
// # Errors
//
// API errors are *Error (status, the API's numeric Code, Message, RetryAfter, RequestID) and
// match the sentinels with errors.Is: ErrNotFound, ErrUnauthorized, ErrForbidden,
// ErrRateLimited (400311 or 429), ErrLinkNotAllowed (400309), ErrImageRejected (400314),
// ErrBanned, ErrInvalidPageToken. A 2xx answer that says "success": false matches
// ErrUnsuccessful; one that is empty, cut short, too large or lacks its entity matches
// ErrMalformedResponse (after a write, the write may have been applied). Refused arguments
// match ErrInvalidArgument.
//
// # Retries
//
// Reads are retried on connection failures, bodies cut short, 429 / 400311 and 5xx (not 501),
// with exponential backoff and jitter (WithRetryWait) up to WithMaxRetries times (default 4).
// A write is retried only when the server provably did not process it: the connection failed
// before the request was written, or the answer was 429 / 400311. Writes that are harmless
// to repeat (setting a state) say so in their doc and are retried like reads. A write is never
// redirected. A Retry-After longer than the ctx deadline or the longest retry wait fails at
// once with ErrRateLimited and the wait in Error.RetryAfter. Certificate errors are final.
//
// # Rate limits
//
// The API allows 100 calls per user in any 5 seconds. The client paces every identity with
// its own sliding window (100 per 5.2 s: the margin covers arrival jitter), so the admin's
// queue never delays a user's calls. WithRateLimit changes the window, WithoutRateLimit turns
// it off, and WithLimiter plugs in another Limiter, such as the Redis one in package
// redislimit that shares the window among processes. When the API refuses a call as rate
// limited anyway, the identity's window is held full for the Retry-After (or a window).
//
// # Legacy versions
//
// Older versions of an operation live on a V1/V2/V3/V4 field of their service
// (c.Moderation.V2, c.Messages.V3, c.Posts.V3, c.Feeds.V3), so each service reads as the
// current API.
//
// # Testing
//
// Package amitytest is an in-process fake of the API serving all 380 operations, with seeded
// data, real error codes, rate limits, signed webhooks and fault injection, for your own tests
// and for the examples.
package amity
