package amity_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Client.Raw sends any operation through the client's one request path: credentials, query,
// JSON body, retries of reads only, error decoding; a path never names another host.
func TestClientRaw(t *testing.T) {
	ctx := context.Background()
	t.Run("read", func(t *testing.T) {
		c, mt := mockClient(t)
		rec := record(t, mt, "GET", "/api/v3/users", `{"users":[{"userId":"al"}],"rawFuture":1}`, 503, 200)
		out, err := c.Raw(ctx, "get", "/api/v3/users?keyword=al&options%5Blimit%5D=5", nil)
		require.NoError(t, err)
		assert.JSONEq(t, `{"users":[{"userId":"al"}],"rawFuture":1}`, string(out))
		reqs := rec.all()
		require.Len(t, reqs, 2, "a read is retried after a 503")
		assert.Equal(t, "al", reqs[1].Values().Get("keyword"))
		assert.Equal(t, "5", reqs[1].Values().Get("options[limit]"))
		assert.Equal(t, "Bearer "+adminToken, reqs[1].Header.Get("Authorization"))
	})
	t.Run("write", func(t *testing.T) {
		c, mt := mockClient(t)
		rec := record(t, mt, "POST", "/api/v4/posts", `{"posts":[]}`, 503, 200)
		_, err := c.Raw(ctx, http.MethodPost, "/api/v4/posts", map[string]any{"data": map[string]string{"text": "hi"}})
		var apiErr *amity.Error
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 503, apiErr.StatusCode)
		req := rec.only(t)
		assert.JSONEq(t, `{"data":{"text":"hi"}}`, req.Body, "the body as JSON")
	})
	t.Run("empty and not found", func(t *testing.T) {
		c, mt := mockClient(t)
		record(t, mt, "DELETE", "/api/v4/posts/p1", "", 200)
		out, err := c.Raw(ctx, "DELETE", "/api/v4/posts/p1", nil)
		require.NoError(t, err)
		assert.Nil(t, out)
		mt.RegisterResponder("GET", apiBase+"/api/v3/users/nobody", jsonResponder(404, notFoundBody))
		_, err = c.Raw(ctx, "GET", "/api/v3/users/nobody", nil)
		assertNotFound(t, err)
	})
	t.Run("bad input sends nothing", func(t *testing.T) {
		c, mt := mockClient(t)
		rec := recordAny(t, mt, `{}`)
		for _, tc := range []struct{ method, path, field string }{
			{"GET", "https://evil.example/api/v3/users", "path"},
			{"GET", "//evil.example/api/v3/users", "path"},
			{"GET", "api/v3/users", "path"},
			{"GET", "/api/v3/users#x", "path"},
			{"GET", "/api/v3/users?a=%zz", "path"},
			{"", "/api/v3/users", "method"},
			{"GE T", "/api/v3/users", "method"},
		} {
			_, err := c.Raw(ctx, tc.method, tc.path, nil)
			assertInvalid(t, err, "Client.Raw: "+tc.field, "%s %s", tc.method, tc.path)
		}
		assert.Empty(t, rec.all())
	})
}
