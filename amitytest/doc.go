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
package amitytest
