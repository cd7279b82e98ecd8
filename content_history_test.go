package amity_test

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestContentHistoryFixturesMatchSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"content_history_post.json":    {"GET", "/api/v1/content-histories?contentId=p-edit&contentType=post"},
		"content_history_comment.json": {"GET", "/api/v1/content-histories?contentId=cm-edit&contentType=comment"},
	})
}

func TestContentHistory(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "post", method: "GET", path: "/api/v1/content-histories", query: "contentId=p%2Fedit&contentType=post",
			answer: fixture(t, "content_history_post.json"),
			call:   func(ctx context.Context, c *amity.Client) (any, error) { return c.Posts.GetEditHistory(ctx, "p/edit") },
			check: func(t *testing.T, out any) {
				p := out.(*amity.EditHistoryPayload)
				require.Len(t, p.Histories, 2)
				h := p.Histories[1]
				assert.Equal(t, amity.EditHistoryPost, h.ContentType)
				assert.Equal(t, 1, h.Version)
				assert.Equal(t, "admin", h.EditedBy)
				assert.Equal(t, "Fixed spelling error", h.EditReason)
				assert.Equal(t, atTime(t, "2024-05-01T13:00:00.000Z"), h.EditedAt)
				var snap amity.PostPayload
				require.NoError(t, h.Data.Decode(&snap))
				assert.Equal(t, "Hello world", snap.Post().Data.Text)
				orig := p.Original()
				require.NotNil(t, orig)
				assert.Empty(t, orig.EditReason, "a null reason")
				require.NoError(t, orig.Data.Decode(&snap))
				assert.Equal(t, "Helo world", snap.Post().Data.Text)
				assert.Equal(t, "Alice", snap.UserByID("alice").DisplayName)
				assert.Contains(t, string(p.Raw), "historyFutureField")
			}},
		{name: "comment", method: "GET", path: "/api/v1/content-histories", query: "contentId=cm-edit&contentType=comment",
			answer: fixture(t, "content_history_comment.json"),
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Comments.GetEditHistory(ctx, "cm-edit")
			},
			check: func(t *testing.T, out any) {
				h := out.(*amity.EditHistoryPayload).Original()
				require.NotNil(t, h)
				assert.Equal(t, amity.EditHistoryComment, h.ContentType)
				var snap amity.CommentPayload
				require.NoError(t, h.Data.Decode(&snap))
				assert.Equal(t, "Frist!", snap.Comment().Data.Text)
			}},
		{name: "no history", method: "GET", path: "/api/v1/content-histories", query: "contentId=p1&contentType=post", answer: `{"histories":[]}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Posts.GetEditHistory(ctx, "p1") },
			check: func(t *testing.T, out any) {
				assert.Nil(t, out.(*amity.EditHistoryPayload).Original())
			}},
		{name: "rules", attempts: 3, call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Posts.GetEditHistory(ctx, "p1") },
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.GetEditHistory(ctx, " ")) },
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Comments.GetEditHistory(ctx, "")) },
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Comments.GetEditHistory(ctx, longString(901)))
				},
			}},
	})
	c, _ := mockClient(t)
	_, err := c.Comments.GetEditHistory(context.Background(), "")
	assertInvalid(t, err, "Comments.GetEditHistory: commentID")
}
