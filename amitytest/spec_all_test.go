package amitytest

import (
	"errors"
	"net/http"
	"sort"
	"sync"
	"testing"

	"github.com/amity-go/amity/internal/spectest"
	"github.com/stretchr/testify/require"
)

// specRecorder counts, per operation ("GET /api/v3/users/{userId}"), the
// responses that validated against the spec: all of them and the successful
// (2xx) ones.
type specRecorder struct {
	mu      sync.Mutex
	checked map[string]int
	ok      map[string]int
}

// count reports how many responses of op validated (okOnly: only 2xx ones).
func (r *specRecorder) count(op string, okOnly bool) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if okOnly {
		return r.ok[op]
	}
	return r.checked[op]
}

// operations reports how many operations had a validated response.
func (r *specRecorder) operations() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.checked)
}

// missing returns, sorted, the operations of ops without a validated
// (okOnly: successful) response.
func (r *specRecorder) missing(ops []string, okOnly bool) []string {
	var out []string
	for _, op := range ops {
		if r.count(op, okOnly) == 0 {
			out = append(out, op)
		}
	}
	sort.Strings(out)
	return out
}

// validateResponses installs the hook through which the test helpers (call,
// uploadFiles) pass every response: each one must match the spec (requests
// to routes the spec lacks are deliberately unknown and skipped), and each
// that does is counted. The hook is removed when t ends. It is the one
// validation setup of the spec tests.
func validateResponses(t *testing.T, spec *spectest.Spec) *specRecorder {
	t.Helper()
	rec := &specRecorder{checked: map[string]int{}, ok: map[string]int{}}
	hook = func(tb testing.TB, method, path string, r resp) {
		tb.Helper()
		op, _, err := spec.FindOperation(method, path)
		if errors.Is(err, spectest.ErrNoOperation) {
			return // deliberately unknown routes
		}
		if err != nil {
			tb.Errorf("%s %s: %v", method, path, err)
			return
		}
		if err := spec.ValidateResponse(method, path, r.status, r.header, r.body); err != nil && !knownSpecGap(err) {
			tb.Errorf("%s %s -> %d does not match the spec: %v\nbody: %.600s", method, path, r.status, err, r.body)
			return
		}
		rec.mu.Lock()
		rec.checked[op.Key()]++
		if r.status >= 200 && r.status < 300 {
			rec.ok[op.Key()]++
		}
		rec.mu.Unlock()
	}
	t.Cleanup(func() { hook = nil })
	return rec
}

// runScenarios runs each group's scenarios as subtests of t.
func runScenarios(t *testing.T, groups ...map[string]func(*testing.T)) {
	t.Helper()
	for _, g := range groups {
		names := make([]string, 0, len(g))
		for name := range g {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			t.Run(name, g[name])
		}
	}
}

// TestSpecEveryOperation replays every scenario of the spec tests with each
// response validated against the spec, and checks that each of the spec's
// REST operations got at least one successful (2xx), validated answer.
func TestSpecEveryOperation(t *testing.T) {
	spec := spectest.Load(t)
	ops := spec.Operations()
	if len(ops) != spectest.RESTOperationCount {
		t.Fatalf("spec has %d REST operations, want %d", len(ops), spectest.RESTOperationCount)
	}
	rec := validateResponses(t, spec)
	t.Run("scenarios", func(t *testing.T) {
		runScenarios(t, specScenarios, specScenariosA, specScenariosB, specScenariosAll)
	})
	keys := make([]string, len(ops))
	for i, op := range ops {
		keys[i] = op.Key()
	}
	missing := rec.missing(keys, true)
	if len(missing) > 0 {
		t.Errorf("no successful, validated answer for %d operations:\n%s", len(missing), joinLines(missing))
	}
	t.Logf("%d of %d operations answered and validated", len(ops)-len(missing), len(ops))
}

func joinLines(s []string) string {
	out := ""
	for _, l := range s {
		out += "  " + l + "\n"
	}
	return out
}

// specScenariosAll are the scenarios written for TestSpecEveryOperation:
// they reach the operations the area scenarios leave out.
var specScenariosAll = map[string]func(*testing.T){
	"SessionsV3": TestSessionRegistrationV3,
}

// TestSessionRegistrationV3 registers through the deprecated POST
// /api/v3/sessions, which answers as POST /api/v4/sessions does: the token
// works, a display name updates the user, and a wrong API key or a bad
// device kind is refused.
func TestSessionRegistrationV3(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	body := map[string]any{
		"userId": "v3user", "deviceId": "d1", "displayName": "V3 User",
		"deviceInfo": map[string]any{"kind": "web", "model": "browser", "sdkVersion": "1.0"},
	}
	m := ok(t, call(t, srv, "", "POST", "/api/v3/sessions", body, "x-api-key", srv.APIKey()))
	token, _ := m["accessToken"].(string)
	require.NotEmpty(t, token)
	require.Equal(t, []string{"v3user"}, ids(list(t, m, "users"), "userId"))
	require.Equal(t, "V3 User", list(t, m, "users")[0]["displayName"])
	ok(t, call(t, srv, token, "GET", "/api/v3/sessions", nil))

	body["displayName"] = "Renamed"
	m = ok(t, call(t, srv, "", "POST", "/api/v3/sessions", body, "x-api-key", srv.APIKey()))
	require.Equal(t, "Renamed", list(t, m, "users")[0]["displayName"])

	r := call(t, srv, "", "POST", "/api/v3/sessions", body, "x-api-key", "wrong")
	require.Equal(t, http.StatusUnauthorized, r.status, "body: %s", r.body)
	body["deviceInfo"] = map[string]any{"kind": "toaster"}
	r = call(t, srv, "", "POST", "/api/v3/sessions", body, "x-api-key", srv.APIKey())
	require.Equal(t, http.StatusBadRequest, r.status, "body: %s", r.body)
}
