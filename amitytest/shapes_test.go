package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestShapesOfTheLookupsTheVendorClientsRead pins the answers of the flag checks, the file
// lookup and the roles, which the fake gives in spec 4.92.0's shape although the vendor
// clients read other shapes (see the package doc, "Answers the vendor clients read
// differently"), and the requests the clients send to them: the lowercase
// /api/v3/users/{userId}/isflagbyme and a roles query without keyword.
func TestShapesOfTheLookupsTheVendorClientsRead(t *testing.T) {
	t.Parallel()
	srv, alice, bob, _, feed := newChat(t)
	admin := srv.AdminToken()
	pid := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "p"}}))
	cid := commentID(t, ok(t, call(t, srv, alice, "POST", "/api/v3/comments", map[string]any{"referenceId": pid,
		"referenceType": "post", "data": map[string]any{"text": "c"}})))
	mid := sendMessage(t, srv, alice, feed, "m")
	ok(t, call(t, srv, bob, "POST", "/api/v3/posts/"+pid+"/flag", nil))
	ok(t, call(t, srv, bob, "POST", "/api/v3/comments/"+cid+"/flag", nil))
	ok(t, call(t, srv, bob, "POST", "/api/v5/messages/"+mid+"/flags", nil))
	ok(t, call(t, srv, bob, "POST", "/api/v4/me/flags/alice", nil))

	// The flag checks: {status, data: {result}} for posts, comments and v3 messages, {result}
	// for v5 messages, {isFlagByMe} for users, as the spec declares them.
	wrapped := map[string]any{"status": "success", "data": map[string]any{"result": true}}
	assert.Equal(t, wrapped, ok(t, call(t, srv, bob, "GET", "/api/v3/posts/"+pid+"/isflagbyme", nil)))
	assert.Equal(t, wrapped, ok(t, call(t, srv, bob, "GET", "/api/v3/comments/"+cid+"/isflagbyme", nil)))
	assert.Equal(t, wrapped, ok(t, call(t, srv, bob, "GET", "/api/v3/messages/"+mid+"/isFlaggedByMe", nil)))
	assert.Equal(t, map[string]any{"result": true}, ok(t, call(t, srv, bob, "GET", "/api/v5/messages/"+mid+"/flags", nil)))
	for _, path := range []string{"/api/v3/users/alice/isFlagByMe", "/api/v3/users/alice/isflagbyme"} {
		assert.Equal(t, map[string]any{"isFlagByMe": true}, ok(t, call(t, srv, bob, "GET", path, nil)), path)
		assert.Equal(t, map[string]any{"isFlagByMe": false}, ok(t, call(t, srv, alice, "GET", path, nil)), path)
	}

	// A file: {status, data: File}.
	img := uploadImage(t, srv, alice)
	m := ok(t, call(t, srv, alice, "GET", "/api/v3/files/"+img, nil))
	assert.Equal(t, "success", m["status"])
	assert.Equal(t, img, m["data"].(map[string]any)["fileId"])

	// Roles: {status, data: [Role]}; the query takes no keyword as well (the vendor clients
	// leave it out when they list every role).
	ok(t, call(t, srv, admin, "POST", "/api/v3/roles", map[string]any{"roleId": "editor", "displayName": "Editor",
		"permissions": []string{"EDIT_USER"}}))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/roles/editor", nil))
	assert.Equal(t, "success", m["status"])
	require.Len(t, m["data"], 1)
	assert.Equal(t, "editor", m["data"].([]any)[0].(map[string]any)["roleId"])
	for _, path := range []string{"/api/v3/roles", "/api/v3/roles?keyword=", "/api/v3/roles?sortBy=displayName&options[limit]=10"} {
		r := call(t, srv, alice, "GET", path, nil)
		require.Equal(t, http.StatusOK, r.status, "%s: %s", path, r.body)
		assert.Equal(t, []string{"editor"}, ids(list(t, r.obj(t), "data"), "roleId"), path)
	}
}
