package amitytest

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// history returns the records of a content's edit history.
func history(t testing.TB, srv *Server, typ, id string) []map[string]any {
	t.Helper()
	return list(t, ok(t, call(t, srv, srv.AdminToken(), "GET", "/api/v1/content-histories?contentType="+typ+"&contentId="+id, nil)), "histories")
}

// snapshotText reads the text of the post or comment a history record holds.
func snapshotText(t testing.TB, rec map[string]any, key string) string {
	t.Helper()
	b, err := json.Marshal(rec["data"])
	require.NoError(t, err)
	var bundle map[string][]map[string]any
	require.NoError(t, json.Unmarshal(b, &bundle))
	require.NotEmpty(t, bundle[key], "record data: %s", b)
	return bundle[key][0]["data"].(map[string]any)["text"].(string)
}

// Each edit of a post or comment (PUT, and the kv patch of a post) records the version it
// replaced; the history lists them from version 0, the content as created, to the current one.
func TestContentHistoryRecordsEdits(t *testing.T) {
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	alice := srv.UserToken("alice")
	admin := srv.AdminToken()
	id := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "Helo world"}}))
	assert.Empty(t, history(t, srv, "post", id), "never edited")

	clock.Advance(time.Minute)
	ok(t, call(t, srv, admin, "PUT", "/api/v4/posts/"+id, map[string]any{"data": map[string]any{"text": "Hello world"}, "reason": "Fixed spelling error"}))
	clock.Advance(time.Minute)
	ok(t, call(t, srv, alice, "PATCH", "/api/v4/posts/"+id+"/kv", map[string]any{"metadata": map[string]any{"set": map[string]any{"pinned": true}}}))
	h := history(t, srv, "post", id)
	require.Len(t, h, 3)
	for i, rec := range h {
		assert.EqualValues(t, i, rec["version"])
		assert.Equal(t, id, rec["contentId"])
		assert.Equal(t, "post", rec["contentType"])
	}
	assert.Equal(t, "Helo world", snapshotText(t, h[0], "posts"))
	assert.Equal(t, "alice", h[0]["editedBy"], "version 0 is the author's")
	assert.Nil(t, h[0]["editReason"])
	assert.Equal(t, "Hello world", snapshotText(t, h[1], "posts"))
	assert.Equal(t, "admin", h[1]["editedBy"])
	assert.Equal(t, "Fixed spelling error", h[1]["editReason"])
	assert.Equal(t, "2024-05-01T12:01:00.000Z", h[1]["editedAt"])
	assert.Equal(t, "alice", h[2]["editedBy"], "the kv patch")
	assert.Equal(t, "2024-05-01T12:02:00.000Z", h[2]["editedAt"])

	m := ok(t, call(t, srv, alice, "POST", "/api/v3/comments", map[string]any{"referenceId": id, "referenceType": "post", "data": map[string]any{"text": "Frist!"}}))
	cid := commentID(t, m)
	ok(t, call(t, srv, alice, "PUT", "/api/v3/comments/"+cid, map[string]any{"data": map[string]any{"text": "First!"}, "editReason": "typo"}))
	h = history(t, srv, "comment", cid)
	require.Len(t, h, 2)
	assert.Equal(t, "Frist!", snapshotText(t, h[0], "comments"))
	assert.Equal(t, "First!", snapshotText(t, h[1], "comments"))
	assert.Equal(t, "typo", h[1]["editReason"])

	call(t, srv, alice, "GET", "/api/v1/content-histories?contentType=post&contentId="+id, nil).isError(t, http.StatusForbidden, codePermission)
	call(t, srv, admin, "GET", "/api/v1/content-histories?contentType=story&contentId="+id, nil).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, admin, "GET", "/api/v1/content-histories?contentType=post", nil).isError(t, http.StatusBadRequest, codeBadRequest)
	call(t, srv, admin, "GET", "/api/v1/content-histories?contentType=comment&contentId=nope", nil).isError(t, http.StatusNotFound, codeNotFound)
}
