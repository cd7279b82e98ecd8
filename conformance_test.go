package amity_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/internal/spectest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The conformance suite runs every SDK method against a server that validates each request
// against the official OpenAPI spec (internal/spectest) and answers with a body synthesized
// from the operation's response schema, so decoding is exercised on spec-shaped data.
//
// Each area registers its cases from an init function in <area>_conformance_test.go.

// conformanceCase exercises one SDK method.
type conformanceCase struct {
	// Method is the SDK method, e.g. "Users.Get".
	Method string
	// Op is the spec operation it must call, e.g. "GET /api/v3/users/{userId}".
	Op string
	// AsUser runs the call on a view acting as a user; the session registration it makes is
	// validated too but is not the operation under test.
	AsUser bool
	// Required calls the method with its required arguments only.
	Required func(ctx context.Context, c *amity.Client) error
	// Full calls it with every optional field set; nil when the method has none.
	Full func(ctx context.Context, c *amity.Client) error
}

var conformanceCases []conformanceCase

func registerConformance(cases ...conformanceCase) {
	conformanceCases = append(conformanceCases, cases...)
}

var updateCoverage = flag.Bool("update", false, "rewrite docs/coverage.md")

// conformanceTally is what TestMain reports on the suite's last lines.
var conformanceTally struct {
	sync.Mutex
	ran        bool
	version    string // of the spec loaded
	operations int    // its REST operations
	covered    map[string]bool
	violations int
	removed    []string // "Method (METHOD /path)" of the cases whose operation the spec no longer has
}

func TestMain(m *testing.M) {
	code := m.Run()
	conformanceTally.Lock()
	if conformanceTally.ran {
		fmt.Printf("conformance: %d of %d operations covered, %d violations\n",
			len(conformanceTally.covered), conformanceTally.operations, conformanceTally.violations)
		if removed := conformanceTally.removed; len(removed) > 0 {
			sort.Strings(removed)
			fmt.Printf("conformance (not counted): %d methods call operations removed from spec %s: %s\n",
				len(removed), conformanceTally.version, strings.Join(removed, ", "))
		}
	}
	conformanceTally.Unlock()
	os.Exit(code)
}

// setupOps are the calls a user view makes to get its token; they are validated like any
// other call but are not the operation under test.
var setupOps = map[string]bool{
	"POST /api/v5/sessions":             true,
	"POST /api/v4/authentication/token": true,
}

// removedFromSpec are the operations the SDK still calls (deprecated methods, kept until v1)
// that a spec version removed, with that version. When the loaded spec lacks such an
// operation, its cases are reported as removed from this spec: neither a violation nor
// covered. Any other operation a case names must be in the spec.
var removedFromSpec = map[string]string{
	"PUT /api/v3/network-settings": "4.116.1", // NetworkSettings.Update; the per-area settings replace it
}

// wireDeviations let through exactly the places where the SDK sends what the API's shipping
// clients send instead of what spec 4.116.1 says, each recorded with its evidence in
// docs/wire-notes.md (the row given in each comment). Everything else the suite checks as
// before: values are still validated against the schema of the parameter they stand for, a
// misspelt parameter is still undeclared, and a body on any other operation without one is a
// violation. (Arrays go as name[]=v everywhere: internal/spectest reads that form as the
// spec's parameter and refuses the bare form; wire-notes.md, row 1 and "Arrays in the query".)
var wireDeviations = []spectest.ServerOption{
	// Row 6, PUT /api/v3/users createNewUserWhenNotFound: every client sends false, so that an
	// update never creates a user; the spec does not list the field.
	spectest.AllowExtraBodyFields("PUT /api/v3/users", "createNewUserWhenNotFound"),
	// Rows 8-13, DELETE bodies: the spec puts these DELETEs' parameters in the query; the clients send
	// them as a JSON body (axios's DELETE data). The SDK sends both: the query the spec
	// declares (validated as ever) and the clients' body, each member validated against the
	// parameter it repeats (a path ID must equal the path's).
	spectest.AllowParamsInBody("DELETE /api/v3/channels/{channelId}/users", "channelId", "userIds"),
	spectest.AllowParamsInBody("DELETE /api/v3/channels/{channelId}/users/roles", "channelId", "role", "userIds"),
	spectest.AllowParamsInBody("DELETE /api/v3/communities/{communityId}/users", "communityId", "userIds"),
	spectest.AllowParamsInBody("DELETE /api/v4/communities/{communityId}/users/roles", "communityId", "roles", "userIds"),
	spectest.AllowParamsInBody("DELETE /api/v2/reactions", "referenceId", "referenceType", "reactionName", "referenceVersion"),
	spectest.AllowParamsInBody("DELETE /v1/notification", "deviceId"),
	// Row 14, GET /api/v4/channels/{channelId}/users roles: the clients filter by roles[], the spec
	// names the filter role; the SDK sends both, roles[] validated as role.
	spectest.AllowQueryAlias("GET /api/v4/channels/{channelId}/users", "roles[]", "role"),
	// Row 16, global feeds paging: the spec pages these flat (limit, token); the clients send the
	// cursor as options[token] (and the size as options[limit]). The SDK sends both
	// spellings, options[...] validated as the flat parameter.
	spectest.AllowQueryAlias("GET /api/v4/me/global-feeds", "options[limit]", "limit"),
	spectest.AllowQueryAlias("GET /api/v4/me/global-feeds", "options[token]", "token"),
	spectest.AllowQueryAlias("GET /api/v5/me/global-feeds", "options[limit]", "limit"),
	spectest.AllowQueryAlias("GET /api/v5/me/global-feeds", "options[token]", "token"),
	// Row 47, PUT /api/v1/rooms/{roomId}: the clients send description and liveChatEnabled (the
	// spec lists neither; its channelEnabled goes too, with liveChatEnabled's value).
	spectest.AllowExtraBodyFields("PUT /api/v1/rooms/{roomId}", "description", "liveChatEnabled"),
	// Row 48, POST /api/v1/reactions/live: the clients name the room or stream reacted to
	// beside the reactions; the spec's body has only the reactions.
	spectest.AllowExtraBodyFields("POST /api/v1/reactions/live", "roomId", "liveStreamId"),
	// Row 52, GET /api/v1/notification-tray paging: the spec pages by number (page, pageSize); the
	// clients send options[limit] and a cursor as options[token]. The SDK sends the page size both
	// ways, options[limit] validated as pageSize.
	spectest.AllowQueryAlias("GET /api/v1/notification-tray", "options[limit]", "pageSize"),
	// Row 54, v4 uploads: the clients send the content of POST /api/v4/files and
	// /api/v4/videos as the multipart field files, which 4.116.1 keeps as deprecated beside the
	// required file (images go as file, as the spec and the React Native client agree); and
	// they send feedType with a video, which 4.116.1 dropped. files is validated as file.
	spectest.AllowFormFieldAlias("POST /api/v4/files", "files", "file"),
	spectest.AllowFormFieldAlias("POST /api/v4/videos", "files", "file"),
	spectest.AllowExtraBodyFields("POST /api/v4/videos", "feedType"),
	// Row 55, GET /api/v3/community-categories/list: 4.116.1 names one required categoryId
	// (4.92.0 a list, categoryIds); several IDs repeat it, each validated as the spec's string.
	spectest.AllowRepeatedQuery("GET /api/v3/community-categories/list", "categoryId"),
}

// conformanceOptions are the server options of every conformance server.
var conformanceOptions = wireDeviations

func conformanceClient(t *testing.T, srv *spectest.Server) *amity.Client {
	t.Helper()
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL()), amity.WithAdminToken("conformance-admin-token"),
		amity.WithAPIKey("conformance-api-key"), amity.WithServerKey("conformance-server-key"),
		amity.WithoutRateLimit(), amity.WithMaxRetries(0))
	require.NoError(t, err)
	return c
}

func TestConformance(t *testing.T) {
	spec := spectest.Load(t)
	ops := map[string]spectest.Operation{}
	for _, op := range spec.Operations() {
		ops[op.Key()] = op
	}
	conformanceTally.Lock()
	conformanceTally.ran = true
	conformanceTally.version, conformanceTally.operations = spec.Version(), spec.RESTOperationCount()
	if conformanceTally.covered == nil {
		conformanceTally.covered = map[string]bool{}
	}
	conformanceTally.Unlock()

	for _, tc := range conformanceCases {
		t.Run(tc.Method, func(t *testing.T) {
			_, known := ops[tc.Op]
			if !known && removedFromSpec[tc.Op] != "" {
				conformanceTally.Lock()
				conformanceTally.removed = append(conformanceTally.removed, tc.Method+" ("+tc.Op+")")
				conformanceTally.Unlock()
				t.Skipf("%s calls %s, removed from the spec in %s (loaded: %s): not checked, not counted as covered",
					tc.Method, tc.Op, removedFromSpec[tc.Op], spec.Version())
			}
			require.True(t, known, "%s claims %q, which is not an operation of the spec", tc.Method, tc.Op)
			variants := map[string]func(context.Context, *amity.Client) error{"required": tc.Required}
			if tc.Full != nil {
				variants["full"] = tc.Full
			}
			ok := true
			for _, name := range []string{"required", "full"} {
				call := variants[name]
				if call == nil {
					continue
				}
				ok = t.Run(name, func(t *testing.T) {
					srv := spec.NewServer(t, conformanceOptions...)
					c := conformanceClient(t, srv)
					if tc.AsUser {
						var err error
						c, err = c.AsUser("conformance-user", amity.WithDeviceID("conformance-device"))
						require.NoError(t, err)
					}
					err := call(context.Background(), c)
					violations := srv.Violations()
					conformanceTally.Lock()
					conformanceTally.violations += len(violations)
					conformanceTally.Unlock()
					for _, v := range violations {
						t.Errorf("spec violation: %s", v)
					}
					require.NoError(t, err)
					var hit []string
					for _, call := range srv.Calls() {
						if !(tc.AsUser && setupOps[call.Op.Key()]) {
							hit = append(hit, call.Op.Key())
						}
					}
					assert.Equal(t, []string{tc.Op}, hit, "%s must make exactly one call, to %s", tc.Method, tc.Op)
				}) && ok
			}
			if ok {
				conformanceTally.Lock()
				conformanceTally.covered[tc.Op] = true
				conformanceTally.Unlock()
			}
		})
	}
}

// TestConformanceValidatorIsLive sends deliberately wrong requests through the same
// validating server and expects each to be reported, so a passing suite means something.
func TestConformanceValidatorIsLive(t *testing.T) {
	spec := spectest.Load(t)
	cases := []struct{ name, method, target, body string }{
		{"bad enum", "GET", "/api/v3/users?filter=everyone", ""},
		{"missing required body field", "POST", "/api/v4/sessions", `{"userId":"u1"}`},
		{"unknown path", "GET", "/api/v3/nothing-here", ""},
		{"misspelt body field", "PUT", "/api/v3/users", `{"userId":"u1","displayname":"Alice"}`},
		{"undocumented extra on create post", "POST", "/api/v4/posts", `{"data":{"text":"hi"},"targetType":"community","targetId":"c1","mood":"happy"}`},
		{"array sent bare (a lone userIds=v is a string to the API)", "GET", "/api/v3/users/list?userIds=alice", ""},
		{"misspelt array", "GET", "/api/v3/users/list?userIds[]=alice&userId[]=bob", ""},
		{"body on a DELETE that has none", "DELETE", "/api/v4/posts/p1", `{"permanent":true}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := spec.NewServer(t, conformanceOptions...)
			req, err := http.NewRequest(tc.method, srv.URL()+tc.target, strings.NewReader(tc.body))
			require.NoError(t, err)
			req.Header.Set("Authorization", "Bearer t")
			req.Header.Set("X-API-Key", "k")
			if tc.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			resp, err := srv.Client().Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			assert.GreaterOrEqual(t, resp.StatusCode, 400)
			require.NotEmpty(t, srv.Violations(), "the validator must reject %s", tc.name)
			t.Logf("rejected as expected: %s", srv.Violations()[0])
		})
	}
}

// TestCoverageDoc keeps docs/coverage.md in step with the registered cases. Regenerate it
// with: go test . -run TestCoverageDoc -update
func TestCoverageDoc(t *testing.T) {
	spec := spectest.Load(t)
	covered := map[string][]string{}
	for _, tc := range conformanceCases {
		covered[tc.Op] = append(covered[tc.Op], tc.Method)
	}
	for _, names := range covered {
		sort.Strings(names)
	}
	var buf bytes.Buffer
	require.NoError(t, spectest.WriteCoverage(&buf, spec.Version(), spec.Operations(), covered))
	const path = "docs/coverage.md"
	if *updateCoverage {
		require.NoError(t, os.MkdirAll("docs", 0o755))
		require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
		return
	}
	current, err := os.ReadFile(path)
	require.NoError(t, err, "docs/coverage.md is missing: go test . -run TestCoverageDoc -update")
	assert.Equal(t, buf.String(), string(current), "docs/coverage.md is stale: go test . -run TestCoverageDoc -update")
}

// TestEveryMethodHasAConformanceCase walks the services of a Client (and their V1/V2/V3/V4
// sub-services) by reflection and requires a conformance case for every exported method, so
// that no method, iterator included, escapes the spec check or docs/coverage.md.
func TestEveryMethodHasAConformanceCase(t *testing.T) {
	registered := map[string]bool{}
	for _, tc := range conformanceCases {
		registered[tc.Method] = true
	}
	var missing []string
	services := map[string]bool{}
	for _, sm := range serviceMethods(t) { // conventions_test.go
		services[strings.Split(sm.path, ".")[0]] = true
		if !registered[sm.path] {
			missing = append(missing, sm.path)
		}
	}
	sort.Strings(missing)
	assert.Empty(t, missing, "methods without a conformance case (%d services walked)", len(services))
}
