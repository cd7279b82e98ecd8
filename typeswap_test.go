package amity_test

// The decoding policy under test: in an answer whose envelope is intact, any member may arrive
// in any JSON type (string, number, bool, object, array, null) and the page still decodes.
// FuzzAnswerMemberTypes mutates real answer shapes (testdata/) at random;
// TestEveryAnswerMemberTypeSwapped swaps every member of every answer the conformance suite
// synthesizes from the spec, once.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/internal/spectest"
	"github.com/stretchr/testify/require"
)

// jsonPath locates a member: object keys (string) and list indices (int).
type jsonPath []any

func (p jsonPath) String() string {
	var b strings.Builder
	for _, step := range p {
		if i, ok := step.(int); ok {
			fmt.Fprintf(&b, "[%d]", i)
		} else {
			fmt.Fprintf(&b, ".%s", step)
		}
	}
	return b.String()
}

// decodeTree decodes a JSON answer into a tree of maps, slices and json.Number.
func decodeTree(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

// envelopeMember reports whether the member at p (a key of an object) is part of an
// answer's envelope, which the policy requires intact: a top-level list or object (entities,
// sideloads, paging), "data" of a wrapped answer and its lists and objects, and whatever is
// inside paging.
func envelopeMember(p jsonPath, v any) bool {
	isContainer := func(v any) bool {
		switch v.(type) {
		case []any, map[string]any:
			return true
		}
		return false
	}
	switch {
	case slices.Contains(p, any("paging")):
		return true
	case (len(p) == 1 || len(p) == 2 && p[0] == "data") && (p[len(p)-1] == "result" || p[len(p)-1] == "isFlagByMe"):
		return true // the whole of a yes-or-no answer (IsFlaggedByMe): without it there is no answer
	case len(p) == 1 && slices.Contains([]any{"adminToken", "id", "directStreamUrl", "coHostToken"}, p[0]),
		len(p) == 2 && p[0] == "data" && p[1] == "id":
		// The whole of an answer, without which there is none: the token of
		// Sessions.CreateAdminToken, the job ID of Users.CreateBulkDeleteJob, the stream URL or
		// co-host token of Rooms.GetIngestData, the ID of ScheduledPosts.Create.
		return true
	case len(p) == 1:
		return isContainer(v)
	case len(p) == 2 && p[0] == "data":
		return isContainer(v)
	}
	return false
}

// mutableMembers lists the paths of the object members of tree outside its envelope, in a
// stable order; a list's items are not members (their own members are).
func mutableMembers(tree any) []jsonPath {
	var out []jsonPath
	var walk func(v any, p jsonPath)
	walk = func(v any, p jsonPath) {
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				cp := append(append(jsonPath{}, p...), k)
				if !envelopeMember(cp, x[k]) {
					out = append(out, cp)
				}
				walk(x[k], cp)
			}
		case []any:
			for i, item := range x {
				walk(item, append(append(jsonPath{}, p...), i))
			}
		}
	}
	walk(tree, nil)
	return out
}

// jsonKinds are the JSON types a member is swapped to.
var jsonKinds = []string{"string", "number", "bool", "object", "array", "null"}

func kindOf(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "bool"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	}
	return "null"
}

// valueOfKind is a value of the JSON type kind, made from old where that reads naturally (a
// number as its text, a text as a list holding it).
func valueOfKind(kind string, old any) any {
	switch kind {
	case "string":
		if n, ok := old.(json.Number); ok {
			return n.String()
		}
		return "swapped"
	case "number":
		return json.Number("7")
	case "bool":
		return true
	case "object":
		return map[string]any{"swapped": old}
	case "array":
		return []any{old}
	}
	return nil
}

// otherKind picks, by n, a JSON type other than old's.
func otherKind(old any, n int) string {
	kinds := slices.DeleteFunc(slices.Clone(jsonKinds), func(k string) bool { return k == kindOf(old) })
	return kinds[n%len(kinds)]
}

// swapMember replaces the member at p with a value of kind; it reports false when p is not
// in tree (an ancestor was swapped first).
func swapMember(tree any, p jsonPath, kind string) bool {
	parent, _ := lookupMember(tree, p[:len(p)-1])
	obj, ok := parent.(map[string]any)
	if !ok {
		return false
	}
	key, _ := p[len(p)-1].(string)
	old, ok := obj[key]
	if !ok {
		return false
	}
	obj[key] = valueOfKind(kind, old)
	return true
}

func encodeTree(t testing.TB, tree any) []byte {
	b, err := json.Marshal(tree)
	require.NoError(t, err)
	return b
}

// typeSwapCalls are the calls FuzzAnswerMemberTypes decodes answers with, each with a real
// answer shape from testdata/.
var typeSwapCalls = []struct {
	fixture string
	call    func(ctx context.Context, c *amity.Client) error
}{
	{"users_page1.json", func(ctx context.Context, c *amity.Client) error { return errOf(c.Users.ListPage(ctx, nil)) }},
	{"posts_page1.json", func(ctx context.Context, c *amity.Client) error {
		return errOf(c.Posts.ListPage(ctx, &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: "c1"}))
	}},
	{"posts_payload.json", func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.Get(ctx, "p1", nil)) }},
	{"comments_page1.json", func(ctx context.Context, c *amity.Client) error {
		return errOf(c.Comments.ListPage(ctx, &amity.ListCommentsParams{ReferenceType: amity.CommentOnPost, ReferenceID: "p1"}))
	}},
	{"messages_page1.json", func(ctx context.Context, c *amity.Client) error {
		return errOf(c.Messages.ListPage(ctx, &amity.ListMessagesParams{MessageFeedID: "f1"}))
	}},
	{"channels_page1.json", func(ctx context.Context, c *amity.Client) error { return errOf(c.Channels.ListPage(ctx, nil)) }},
	{"communities_page1.json", func(ctx context.Context, c *amity.Client) error { return errOf(c.Communities.ListPage(ctx, nil)) }},
	{"files_get.json", func(ctx context.Context, c *amity.Client) error { return errOf(c.Files.Get(ctx, "f1")) }},
	{"reactions_page1.json", func(ctx context.Context, c *amity.Client) error {
		return errOf(c.Reactions.ListPage(ctx, &amity.ListReactionsParams{ReferenceType: amity.ReactionOnPost, ReferenceID: "p1"}))
	}},
	{"stories_page.json", func(ctx context.Context, c *amity.Client) error {
		return errOf(c.Stories.ListPage(ctx, &amity.ListStoriesParams{TargetType: amity.StoryTargetCommunity, TargetID: "c1"}))
	}},
	{"roles_page.json", func(ctx context.Context, c *amity.Client) error { return errOf(c.Roles.ListPage(ctx, nil)) }},
	{"users_session.json", func(ctx context.Context, c *amity.Client) error {
		return errOf(c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: "u1", DeviceID: "d1"}))
	}},
}

// FuzzAnswerMemberTypes swaps the JSON type of up to two members of a real answer shape and
// requires the page to decode: a member of an unexpected type never fails an answer whose
// envelope is intact.
func FuzzAnswerMemberTypes(f *testing.F) {
	trees := make([]any, len(typeSwapCalls))
	for i, tc := range typeSwapCalls {
		b, err := os.ReadFile(filepath.Join("testdata", tc.fixture))
		if err != nil {
			f.Fatal(err)
		}
		if trees[i], err = decodeTree(b); err != nil {
			f.Fatalf("%s: %v", tc.fixture, err)
		}
		for k := 0; k < 6; k++ {
			f.Add(uint8(i), uint16(k*7), uint8(k), uint16(k*13+1), uint8(k+1))
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, m1 uint16, k1 uint8, m2 uint16, k2 uint8) {
		i := int(which) % len(typeSwapCalls)
		b0 := encodeTree(t, trees[i])
		tree, err := decodeTree(b0) // a fresh copy
		require.NoError(t, err)
		members := mutableMembers(tree)
		var swapped []string
		for _, m := range []struct {
			at   uint16
			kind uint8
		}{{m1, k1}, {m2, k2}} {
			p := members[int(m.at)%len(members)]
			kind := jsonKinds[int(m.kind)%len(jsonKinds)]
			if swapMember(tree, p, kind) {
				swapped = append(swapped, p.String()+"→"+kind)
			}
		}
		body := encodeTree(t, tree)
		c := fuzzClient(t, func(r *http.Request) (*http.Response, error) {
			return fuzzAnswer(r, 200, http.Header{"Content-Type": {"application/json"}}, body), nil
		})
		if err := typeSwapCalls[i].call(context.Background(), c); err != nil {
			t.Fatalf("%s with %v: %v\n%s", typeSwapCalls[i].fixture, swapped, err, body)
		}
	})
}

// TestEveryAnswerMemberTypeSwapped runs every conformance case (its required call) against
// its spec-synthesized answer with the JSON type of each member outside the envelope swapped
// once (to another type, chosen in turn), a few members per answer: no call may fail.
func TestEveryAnswerMemberTypeSwapped(t *testing.T) {
	spec := spectest.Load(t)
	const perAnswer = 10 // members swapped in one answer (none inside another swapped one)
	calls, swaps := 0, 0
	for _, tc := range conformanceCases {
		status, header, body, err := spec.SynthesizeResponse(tc.Op)
		if err != nil || status >= 300 || !strings.Contains(header.Get("Content-Type"), "json") {
			continue // a download, a text token, no answer body
		}
		tree, err := decodeTree(body)
		if err != nil {
			continue
		}
		var answer atomic.Pointer[[]byte]
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch r.URL.Path { // a view's setup calls; everything else is the call under test
			case "/api/v5/sessions":
				writeJSON(w, 200, `{"accessToken":"tok","expiresAt":"2999-01-01T00:00:00Z"}`)
			case "/api/v4/authentication/token":
				w.Header().Set("Content-Type", "text/plain")
				_, _ = w.Write([]byte("auth-token"))
			default:
				w.Header().Set("Content-Type", header.Get("Content-Type"))
				w.WriteHeader(status)
				_, _ = w.Write(*answer.Load())
			}
		}))
		c, err := amity.NewClient(amity.WithBaseURL(srv.URL), amity.WithAdminToken("admin-token"), amity.WithAPIKey("api-key"),
			amity.WithServerKey("server-key"), amity.WithoutRateLimit(), amity.WithMaxRetries(0))
		require.NoError(t, err)
		if tc.AsUser {
			c, err = c.AsUser("conformance-user", amity.WithDeviceID("conformance-device"))
			require.NoError(t, err)
		}
		pending := mutableMembers(tree)
		for turn := 0; len(pending) > 0; turn++ {
			// Up to perAnswer members, none inside another of this answer's swaps; the others
			// wait for a later answer, so each member is swapped once, in its own context.
			var batch, later []jsonPath
			for _, p := range pending {
				inside := slices.ContainsFunc(batch, func(q jsonPath) bool { return len(q) < len(p) && slices.Equal(q, p[:len(q)]) })
				if len(batch) < perAnswer && !inside {
					batch = append(batch, p)
				} else {
					later = append(later, p)
				}
			}
			pending = later
			mutated, err := decodeTree(body)
			require.NoError(t, err)
			var swapped []string
			for n, p := range batch {
				old, _ := lookupMember(mutated, p)
				kind := otherKind(old, turn+n)
				require.True(t, swapMember(mutated, p, kind), "%s", p)
				swapped = append(swapped, p.String()+"→"+kind)
				swaps++
			}
			b := encodeTree(t, mutated)
			answer.Store(&b)
			calls++
			if err := tc.Required(context.Background(), c); err != nil {
				t.Errorf("%s (%s) with %v: %v", tc.Method, tc.Op, swapped, err)
			}
		}
		srv.Close()
	}
	t.Logf("%d calls, %d members swapped", calls, swaps)
	require.Positive(t, swaps)
}

// lookupMember returns the value at p in tree.
func lookupMember(tree any, p jsonPath) (any, bool) {
	v := tree
	for _, step := range p {
		switch x := v.(type) {
		case map[string]any:
			k, ok := step.(string)
			if !ok {
				return nil, false
			}
			if v, ok = x[k]; !ok {
				return nil, false
			}
		case []any:
			i, ok := step.(int)
			if !ok || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}
