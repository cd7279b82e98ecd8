package amitytest

import (
	"net/http"
	"testing"

	"github.com/amity-go/amity/webhook"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A bulk delete job is WAITING, then RUNNING at the next request, then deletes its users and
// is DONE at the one after, with its options applied as DELETE /api/v4/users/{userId} applies
// them.
func TestBulkDeleteJobsProgress(t *testing.T) {
	srv := newServer(t)
	admin := srv.AdminToken()
	spam1, spam2, alice := srv.UserToken("spam1"), srv.UserToken("spam2"), srv.UserToken("alice")
	kept := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "stays"}}))
	gone := postID(t, createPost(t, srv, spam1, map[string]any{"data": map[string]any{"text": "buy now"}}))
	soft := postID(t, createPost(t, srv, spam2, map[string]any{"data": map[string]any{"text": "cheap pills"}}))
	job := func(csv string, options string) resp {
		fields := map[string]string{}
		if options != "" {
			fields["deleteOptions"] = options
		}
		return uploadFiles(t, srv, admin, "/api/v1/users/bulk-delete/jobs", []part{{"file", "users.csv", "text/csv", []byte(csv)}}, fields)
	}
	statuses := func(latest string) map[string]string {
		m := ok(t, call(t, srv, admin, "GET", "/api/v1/users/bulk-delete/jobs", nil))
		assert.Equal(t, latest, m["id"], "the latest job")
		assert.NotEmpty(t, m["lastCreatedAt"])
		out := map[string]string{}
		for _, s := range list(t, m, "statuses") {
			out[s["_id"].(string)] = s["status"].(string)
		}
		return out
	}
	created := func(r resp) string {
		require.Equal(t, http.StatusAccepted, r.status, "body: %s", r.body)
		return r.obj(t)["id"].(string)
	}
	assert.Equal(t, []any{}, ok(t, call(t, srv, admin, "GET", "/api/v1/users/bulk-delete/jobs", nil))["statuses"], "no job yet")
	// Each request moves the jobs one step: the next one starts a job, the one after ends it.
	first := created(job("userId\nspam1\n", `{"deleteAll":true}`))
	assert.Equal(t, map[string]string{first: "RUNNING"}, statuses(first))
	ok(t, call(t, srv, admin, "GET", "/api/v3/users/spam1", nil))
	second := created(job("spam2,extra column\nnobody\n", ""))
	assert.Equal(t, map[string]string{first: "DONE", second: "RUNNING"}, statuses(second))
	third := created(job("ghost\n", ""))
	assert.Equal(t, map[string]string{first: "DONE", second: "DONE", third: "RUNNING"}, statuses(third))
	assert.Equal(t, map[string]string{first: "DONE", second: "DONE", third: "FAIL"}, statuses(third), "the third names nobody")

	m := ok(t, call(t, srv, admin, "GET", "/api/v3/users/list?userIds[]=spam1&userIds[]=spam2&userIds[]=alice", nil))
	deleted := map[string]bool{}
	for _, u := range list(t, m, "users") {
		deleted[u["userId"].(string)] = u["isDeleted"].(bool)
	}
	assert.Equal(t, map[string]bool{"spam1": true, "spam2": true, "alice": false}, deleted)
	call(t, srv, admin, "GET", "/api/v3/posts/"+gone, nil).isError(t, http.StatusNotFound, codeNotFound) // deleteAll: hard-deleted
	ok(t, call(t, srv, admin, "GET", "/api/v3/posts/"+soft, nil))                                        // no option: kept
	ok(t, call(t, srv, admin, "GET", "/api/v3/posts/"+kept, nil))
	assert.Equal(t, http.StatusUnauthorized, call(t, srv, spam1, "GET", "/api/v3/users/alice", nil).status, "a deleted user's token is revoked")

	// Admin only; bad files and options.
	uploadFiles(t, srv, alice, "/api/v1/users/bulk-delete/jobs", []part{{"file", "u.csv", "text/csv", []byte("x\n")}}, nil).
		isError(t, http.StatusForbidden, codePermission)
	call(t, srv, alice, "GET", "/api/v1/users/bulk-delete/jobs", nil).isError(t, http.StatusForbidden, codePermission)
	job("userId\n", "").isError(t, http.StatusBadRequest, codeBadRequest)
	job("u1\n", `{"deleteEverything":true}`).isError(t, http.StatusBadRequest, codeBadRequest)
	job("u1\n", `not json`).isError(t, http.StatusBadRequest, codeBadRequest)
	uploadFiles(t, srv, admin, "/api/v1/users/bulk-delete/jobs", nil, map[string]string{"deleteOptions": "{}"}).
		isError(t, http.StatusBadRequest, codeBadRequest)
}

// GET /api/v4/me/blockers lists who blocked the caller; blocking and unblocking send
// user.didBlock and user.didUnblock (once each: a repeat changes nothing).
func TestBlockersAndBlockEvents(t *testing.T) {
	srv := newServer(t)
	got := webhookReceiver(t, srv)
	alice, mallory, trent := srv.UserToken("alice"), srv.UserToken("mallory"), srv.UserToken("trent")
	ok(t, call(t, srv, mallory, "POST", "/api/v4/me/user-blocks/alice", nil))
	ok(t, call(t, srv, mallory, "POST", "/api/v4/me/user-blocks/alice", nil))
	ok(t, call(t, srv, trent, "POST", "/api/v4/me/user-blocks/alice", nil))
	ok(t, call(t, srv, alice, "POST", "/api/v4/me/user-blocks/trent", nil))

	m := ok(t, call(t, srv, alice, "GET", "/api/v4/me/blockers", nil))
	follows := list(t, m, "follows")
	assert.ElementsMatch(t, []string{"mallory", "trent"}, ids(follows, "from"))
	assert.Equal(t, []string{"alice", "alice"}, ids(follows, "to"))
	assert.Equal(t, "blocked", follows[0]["status"])
	assert.ElementsMatch(t, []string{"mallory", "trent"}, ids(list(t, m, "users"), "userId"))
	assert.EqualValues(t, 2, m["paging"].(map[string]any)["total"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/me/blockers?limit=1", nil))
	require.Len(t, list(t, m, "follows"), 1)
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, alice, "GET", "/api/v4/me/blockers?limit=1&token="+q(next), nil))
	require.Len(t, list(t, m, "follows"), 1)
	assert.Empty(t, list(t, ok(t, call(t, srv, mallory, "GET", "/api/v4/me/blockers", nil)), "follows"), "nobody blocked mallory")

	ok(t, call(t, srv, mallory, "DELETE", "/api/v4/me/user-blocks/alice", nil))
	ok(t, call(t, srv, mallory, "DELETE", "/api/v4/me/user-blocks/alice", nil))
	assert.Equal(t, []string{"trent"}, ids(list(t, ok(t, call(t, srv, alice, "GET", "/api/v4/me/blockers", nil)), "follows"), "from"))

	events := checkDeliveries(t, srv, got, []string{"user.didBlock", "user.didBlock", "user.didBlock", "user.didUnblock"})
	pairs := make([]string, len(events))
	for i, ev := range events {
		b, isBlock := ev.Data.(*webhook.BlockEvent)
		require.True(t, isBlock, "%T", ev.Data)
		pairs[i] = b.From + ">" + b.To
	}
	assert.Equal(t, []string{"mallory>alice", "trent>alice", "alice>trent", "mallory>alice"}, pairs)
}
