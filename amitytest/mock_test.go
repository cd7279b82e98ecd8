package amitytest

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// admin calls an admin endpoint of m with token and returns the status and body.
func admin(t *testing.T, m *Mock, token, method, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, m.URL()+path, strings.NewReader(body))
	require.NoError(t, err)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, string(b)
}

func startMock(t *testing.T, opts ...MockOption) *Mock {
	t.Helper()
	m, err := StartMock("127.0.0.1:0", opts...)
	require.NoError(t, err)
	t.Cleanup(m.Close)
	return m
}

func TestMockSeedFileAndReset(t *testing.T) {
	f, err := OpenSeedFile("../testdata/mock_seed.json")
	require.NoError(t, err)
	m := startMock(t, WithSeedFile(f))
	tok := m.AdminToken()

	u := ok(t, call(t, m.Server, tok, "GET", "/api/v3/users/alice", nil))
	assert.Equal(t, "Alice Smith", list(t, u, "users")[0]["displayName"])
	ok(t, call(t, m.Server, tok, "GET", "/api/v3/communities/65f000000000000000000c01", nil))
	post := ok(t, call(t, m.Server, tok, "GET", "/api/v3/posts/65f000000000000000000a02", nil))
	assert.EqualValues(t, 1, list(t, post, "posts")[0]["flagCount"])
	cms := ok(t, call(t, m.Server, tok, "GET", "/api/v3/comments?referenceId=65f000000000000000000a01&referenceType=post", nil))
	assert.NotEmpty(t, list(t, cms, "comments"))

	status, body := admin(t, m, "", "POST", "/_mock/reset", "")
	assert.Equal(t, http.StatusUnauthorized, status, body)
	status, body = admin(t, m, "wrong", "POST", "/_mock/reset", "")
	assert.Equal(t, http.StatusUnauthorized, status, body)
	status, body = admin(t, m, tok, "POST", "/_mock/reset?to=nowhere", "")
	assert.Equal(t, http.StatusBadRequest, status, body)

	status, body = admin(t, m, tok, "POST", "/_mock/reset", "")
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, http.StatusNotFound, call(t, m.Server, tok, "GET", "/api/v3/users/alice", nil).status)
	status, body = admin(t, m, tok, "POST", "/_mock/reset?to=seed", "")
	require.Equal(t, http.StatusOK, status, body)
	ok(t, call(t, m.Server, tok, "GET", "/api/v3/users/alice", nil))

	// A seed file that refers to what does not exist changes nothing.
	status, body = admin(t, m, tok, "POST", "/_mock/seed", `{"users":[{"userId":"dora","displayName":"Dora"}],"posts":[{"author":"nobody","text":"x"}]}`)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, body, `unknown user \"nobody\"`)
	assert.Equal(t, http.StatusNotFound, call(t, m.Server, tok, "GET", "/api/v3/users/dora", nil).status)
	status, body = admin(t, m, tok, "POST", "/_mock/seed", `{"users":[{"userId":"dora","displayName":"Dora"}],"bogus":1}`)
	assert.Equal(t, http.StatusBadRequest, status, body)
	status, body = admin(t, m, tok, "POST", "/_mock/seed", `{"users":[{"userId":"dora","displayName":"Dora"}]}`)
	require.Equal(t, http.StatusOK, status, body)
	ok(t, call(t, m.Server, tok, "GET", "/api/v3/users/dora", nil))
	status, body = admin(t, m, tok, "POST", "/_mock/seed?builtin=true", "")
	require.Equal(t, http.StatusOK, status, body)
	ok(t, call(t, m.Server, tok, "GET", "/api/v3/users/user-01", nil))
}

func TestSeedFileChecks(t *testing.T) {
	for name, f := range map[string]string{
		"empty userId":      `{"users":[{"displayName":"x"}]}`,
		"taken community":   `{"users":[{"userId":"a"}],"communities":[{"communityId":"c","creator":"a"},{"communityId":"c","creator":"a"}]}`,
		"unknown channel":   `{"users":[{"userId":"a"}],"messages":[{"channelId":"nope","author":"a","text":"x"}]}`,
		"member of nothing": `{"users":[{"userId":"a"}],"members":[{"userId":"a"}]}`,
		"two flag targets":  `{"users":[{"userId":"a"},{"userId":"b"}],"flags":[{"by":"a","userId":"b","postId":"p"}]}`,
		"unknown parent":    `{"users":[{"userId":"a"}],"posts":[{"postId":"p","author":"a","text":"x"}],"comments":[{"postId":"p","parentId":"q","author":"a","text":"y"}]}`,
	} {
		sf, err := ReadSeedFile(strings.NewReader(f))
		require.NoError(t, err, name)
		srv := newServer(t)
		assert.Error(t, srv.LoadSeedFile(sf), name)
	}
}

func TestMockDefaultSeedAndFaults(t *testing.T) {
	m := startMock(t, WithDefaultSeed(), WithFailRate(1), WithLatency(30*time.Millisecond))
	tok := m.AdminToken()
	r := call(t, m.Server, tok, "GET", "/api/v3/users/user-01", nil)
	r.isError(t, http.StatusInternalServerError, 500000)
	assert.Equal(t, 1, m.RequestCount(), "a failed request is recorded")
	status, _ := admin(t, m, "", "GET", "/_mock/health", "")
	assert.Equal(t, http.StatusOK, status, "the admin endpoints never fail")
	m2 := startMock(t, WithDefaultSeed(), WithLatency(30*time.Millisecond))
	start := time.Now()
	ok(t, call(t, m2.Server, tok, "GET", "/api/v3/users/user-01", nil))
	assert.GreaterOrEqual(t, time.Since(start), 30*time.Millisecond, "the latency")

	_, err := StartMock("127.0.0.1:0", WithFailRate(1.5))
	assert.Error(t, err)
}

func TestMockWebhooksAndRedeliver(t *testing.T) {
	rcv, got := receiver(t, nil)
	secret := []byte("mock-secret")
	m := startMock(t, WithMockWebhook(rcv.URL, secret))
	tok := m.AdminToken()
	status, body := admin(t, m, tok, "POST", "/_mock/webhooks/0/redeliver", "")
	assert.Equal(t, http.StatusBadRequest, status, body)

	alice := register(t, m.Server, "alice", "d1")
	createPost(t, m.Server, alice, map[string]any{"data": map[string]any{"text": "hi"}})
	require.NoError(t, m.FlushWebhooks(context.Background()))
	status, body = admin(t, m, tok, "GET", "/_mock/webhooks", "")
	require.Equal(t, http.StatusOK, status)
	assert.Contains(t, body, `"event":"v3.post.didCreate"`)
	assert.Contains(t, body, `"status":200`)

	// A reset keeps the webhook: the next event is still delivered.
	status, _ = admin(t, m, tok, "POST", "/_mock/reset", "")
	require.Equal(t, http.StatusOK, status)
	n := len(m.WebhookDeliveries())
	status, body = admin(t, m, tok, "POST", "/_mock/webhooks/"+strconv.Itoa(n-1)+"/redeliver", "")
	require.Equal(t, http.StatusOK, status, body)
	require.NoError(t, m.FlushWebhooks(context.Background()))
	ds := m.WebhookDeliveries()
	require.Len(t, ds, n+1)
	assert.Equal(t, ds[n-1].Body, ds[n].Body, "the same event and data")
	assert.Equal(t, ds[n-1].Signature, ds[n].Signature)
	caps := got()
	last := caps[len(caps)-1]
	assert.Equal(t, sig(last.body, secret), last.header.Get("x-amity-signature"))

	status, body = admin(t, m, tok, "POST", "/_mock/webhooks/x/redeliver", "")
	assert.Equal(t, http.StatusBadRequest, status, body)
}

func TestMockPublicURL(t *testing.T) {
	m := startMock(t, WithPublicURL("http://amity:8080/"))
	assert.Equal(t, "http://amity:8080", m.URL())
	m.mu.Lock()
	defer m.mu.Unlock()
	assert.Equal(t, "http://amity:8080", m.st.baseURL, "the links of answers")
}

func TestMockStreamsEndpoints(t *testing.T) {
	m := startMock(t)
	tok := m.AdminToken()
	status, body := admin(t, m, tok, "POST", "/_mock/streams/nope/start", "")
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, body, "no stream")
}

// TestRequestLogRing checks that the request log keeps the last requestLogSize requests in
// order and counts them all.
func TestRequestLogRing(t *testing.T) {
	var f faults
	for i := 0; i < requestLogSize+5; i++ {
		f.record(RecordedRequest{Path: strconv.Itoa(i)})
	}
	srv := &Server{}
	srv.faults.requests, srv.faults.total = f.requests, f.total
	got := srv.Requests()
	require.Len(t, got, requestLogSize)
	assert.Equal(t, "5", got[0].Path)
	assert.Equal(t, strconv.Itoa(requestLogSize+4), got[len(got)-1].Path)
	assert.Equal(t, requestLogSize+5, srv.RequestCount())
	for i := 1; i < len(got); i++ {
		a, _ := strconv.Atoi(got[i-1].Path)
		b, _ := strconv.Atoi(got[i].Path)
		require.Equal(t, a+1, b)
	}
}

// TestIndexedCountsFollowChanges checks the counts the post and comment indexes keep (a
// community's postsCount, hasFlaggedPost and hasFlaggedComment) through creates, flags,
// unflags, clearing, deletion and a permanent delete.
func TestIndexedCountsFollowChanges(t *testing.T) {
	srv := newServer(t)
	admin := srv.AdminToken()
	alice := register(t, srv, "alice", "d1")
	bob := register(t, srv, "bob", "d2")
	cid := createCommunity(t, srv, admin, map[string]any{"displayName": "Counts", "isPublic": true})
	ok(t, call(t, srv, bob, "POST", "/api/v3/communities/"+cid+"/join", nil))
	ok(t, call(t, srv, alice, "POST", "/api/v3/communities/"+cid+"/join", nil))
	community := func() map[string]any {
		return list(t, ok(t, call(t, srv, admin, "GET", "/api/v3/communities/"+cid, nil)), "communities")[0]
	}
	pid := postID(t, createPost(t, srv, alice, map[string]any{"targetType": "community", "targetId": cid, "data": map[string]any{"text": "hi"}}))
	cm := ok(t, call(t, srv, alice, "POST", "/api/v3/comments", map[string]any{"referenceId": pid, "referenceType": "post", "data": map[string]any{"text": "c"}}))
	commentID := commentID(t, cm)
	got := community()
	assert.EqualValues(t, 1, got["postsCount"])
	assert.Equal(t, false, got["hasFlaggedComment"])

	ok(t, call(t, srv, bob, "POST", "/api/v3/comments/"+commentID+"/flag", nil))
	assert.Equal(t, true, community()["hasFlaggedComment"])
	ok(t, call(t, srv, bob, "DELETE", "/api/v3/comments/"+commentID+"/unflag", nil))
	assert.Equal(t, false, community()["hasFlaggedComment"])
	ok(t, call(t, srv, bob, "POST", "/api/v3/comments/"+commentID+"/flag", nil))
	ok(t, call(t, srv, admin, "DELETE", "/api/v3/comments/"+commentID+"/flags", nil))
	assert.Equal(t, false, community()["hasFlaggedComment"])
	ok(t, call(t, srv, bob, "POST", "/api/v3/comments/"+commentID+"/flag", nil))
	call(t, srv, admin, "DELETE", "/api/v3/comments/"+commentID, nil)
	assert.Equal(t, false, community()["hasFlaggedComment"], "a deleted comment")

	ok(t, call(t, srv, bob, "POST", "/api/v3/posts/"+pid+"/flag", nil))
	assert.Equal(t, true, community()["hasFlaggedPost"])
	ok(t, call(t, srv, bob, "DELETE", "/api/v3/posts/"+pid+"/unflag", nil))
	assert.Equal(t, false, community()["hasFlaggedPost"])
	call(t, srv, admin, "DELETE", "/api/v4/posts/"+pid, nil)
	assert.EqualValues(t, 0, community()["postsCount"], "a deleted post")
}
