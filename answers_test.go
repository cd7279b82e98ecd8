package amity_test

// What the real service sends: answers shaped as the vendor's shipping clients read them
// decode, and one member of an unexpected JSON type never fails a page (the decoding policy,
// decode.go). Only a broken envelope does.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// answering is a client of a server that answers every call with body.
func answering(t *testing.T, body string) *amity.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/v4/sessions" {
			hardJSON(w, 200, `{"accessToken":"tok","expiresAt":"2999-01-01T00:00:00Z"}`)
			return
		}
		hardJSON(w, 200, body)
	}))
	t.Cleanup(srv.Close)
	return hardClient(t, srv.URL, amity.WithMaxRetries(0))
}

func TestAnswersAsTheServerSendsThem(t *testing.T) {
	ctx := context.Background()

	t.Run("a file size as a string", func(t *testing.T) {
		c := answering(t, `{"users":[{"userId":"alice","avatarFileId":"f1"},{"userId":"bob"}],
			"files":[{"fileId":"f1","attributes":{"name":"a.png","size":"166904","mimeType":"image/png"}}],"paging":{}}`)
		page, err := c.Users.ListPage(ctx, nil)
		require.NoError(t, err)
		require.Len(t, page.Users, 2)
		assert.EqualValues(t, 166904, page.FileByID("f1").Attributes.Size)
	})
	t.Run("a file size as a number", func(t *testing.T) {
		c := answering(t, `{"users":[{"userId":"alice"}],"files":[{"fileId":"f1","attributes":{"size":166904}}]}`)
		u, err := c.Users.Get(ctx, "alice")
		require.NoError(t, err)
		assert.EqualValues(t, 166904, u.FileByID("f1").Attributes.Size)
	})
	for name, hash := range map[string]string{
		"a string": `"0010100"`, "a list of numbers": `[0, 1, 4294967295]`, "a list of strings": `["a1","b2"]`,
	} {
		t.Run("a bloom filter as "+name, func(t *testing.T) {
			c := answering(t, `{"posts":[{"postId":"p1","flagCount":2,"hashFlag":{"bits":64,"hashes":3,"hash":`+hash+`}},{"postId":"p2"}],"paging":{}}`)
			page, err := c.Posts.ListPage(ctx, &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: "c1"})
			require.NoError(t, err)
			require.Len(t, page.Posts, 2)
			assert.JSONEq(t, hash, page.Posts[0].HashFlag.Hash.String(), "kept as sent")
			assert.Equal(t, 64, page.Posts[0].HashFlag.Bits)
		})
	}
	t.Run("a v5 message's data as a JSON string", func(t *testing.T) {
		c := answering(t, `{"messages":[{"messageId":"m1","dataType":"custom","data":"{\"kind\":\"poll\"}"},
			{"messageId":"m2","dataType":"text","data":{"text":"hi"}}],"messageFeeds":[],"users":[],"files":[],"paging":{}}`)
		page, err := c.Messages.ListPage(ctx, &amity.ListMessagesParams{MessageFeedID: "f1"})
		require.NoError(t, err)
		require.Len(t, page.Messages, 2)
		assert.Equal(t, `{"kind":"poll"}`, page.Messages[0].Data.Text(), "a string is its own text")
		assert.Equal(t, "hi", page.Messages[1].Data.Text())
	})
	t.Run("IsFlaggedByMe answered {result}", func(t *testing.T) {
		c := answering(t, `{"result": true}`)
		for name, call := range map[string]func() (bool, error){
			"post":       func() (bool, error) { return c.Posts.IsFlaggedByMe(ctx, "p1") },
			"comment":    func() (bool, error) { return c.Comments.IsFlaggedByMe(ctx, "c1") },
			"message":    func() (bool, error) { return c.Messages.IsFlaggedByMe(ctx, "m1") },
			"v3 message": func() (bool, error) { return c.Messages.V3.IsFlaggedByMe(ctx, "m1") },
			"user":       func() (bool, error) { return c.Users.IsFlaggedByMe(ctx, "u1") },
		} {
			flagged, err := call()
			require.NoError(t, err, name)
			assert.True(t, flagged, name)
		}
	})
	t.Run("IsFlaggedByMe in every shape, and none", func(t *testing.T) {
		for body, want := range map[string]bool{
			`{"status":"success","data":{"result":true}}`: true, `{"isFlagByMe":true}`: true,
			`{"result":false}`: false, `{"result":"true"}`: true,
		} {
			flagged, err := answering(t, body).Posts.IsFlaggedByMe(ctx, "p1")
			require.NoError(t, err, body)
			assert.Equal(t, want, flagged, body)
		}
		_, err := answering(t, `{"status":"success"}`).Posts.IsFlaggedByMe(ctx, "p1")
		assert.ErrorIs(t, err, amity.ErrMalformedResponse, "no result is not a silent false")
	})
	t.Run("Files.Get answered with a bare file", func(t *testing.T) {
		f, err := answering(t, `{"fileId":"f1","fileUrl":"https://files.example/f1","attributes":{"size":"12"}}`).Files.Get(ctx, "f1")
		require.NoError(t, err)
		assert.Equal(t, "f1", f.File().FileID)
		assert.EqualValues(t, 12, f.File().Attributes.Size)
	})
	t.Run("roles listed as {roles, paging}", func(t *testing.T) {
		page, err := answering(t, `{"roles":[{"roleId":"moderator"},{"roleId":"editor"}],"paging":{"next":"n2"}}`).Roles.ListPage(ctx, nil)
		require.NoError(t, err)
		require.Len(t, page.Roles, 2)
		assert.Equal(t, "n2", page.Paging.Next)
	})
	t.Run("a role got as a bare list", func(t *testing.T) {
		r, err := answering(t, `[{"roleId":"moderator","permissions":["BAN_USER"]}]`).Roles.Get(ctx, "moderator")
		require.NoError(t, err)
		assert.Equal(t, "moderator", r.Role().RoleID)
	})
}

func TestBrokenEnvelopesFail(t *testing.T) {
	ctx := context.Background()
	for name, body := range map[string]string{
		"the list is a string":          `{"users":"alice"}`,
		"a sideload list is an object":  `{"users":[{"userId":"alice"}],"files":{"fileId":"f1"}}`,
		"an item is not an object":      `{"users":["alice"]}`,
		"the next cursor is a number":   `{"users":[{"userId":"alice"}],"paging":{"next":20}}`,
		"the paging is a string":        `{"users":[{"userId":"alice"}],"paging":"n2"}`,
		"the answer is a list":          `[{"userId":"alice"}]`,
		"the answer is not JSON at all": `{"users":[`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := answering(t, body).Users.ListPage(ctx, nil)
			assert.ErrorIs(t, err, amity.ErrMalformedResponse)
		})
	}
}

// atTime is the amity.Time of an RFC 3339 text.
func atTime(t *testing.T, s string) amity.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339Nano, s)
	require.NoError(t, err)
	return amity.Time{Time: tm}
}
