package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Posts.UpdateKeys", Op: "PATCH /api/v4/posts/{postId}/kv",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.UpdateKeys(ctx, "p1", &amity.UpdatePostKeysParams{Metadata: &amity.PostKeysPatch{Set: map[string]any{"pinned": true}}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Posts.UpdateKeys(ctx, "p1", &amity.UpdatePostKeysParams{
					Data:     &amity.PostKeysPatch{Set: map[string]any{"title": "Birthday", "age": 30, "public": true}, Delete: []string{"draft"}},
					Metadata: &amity.PostKeysPatch{Set: map[string]any{"category": "updated"}, Delete: []string{"tempField"}}}))
			}},
	)
}
