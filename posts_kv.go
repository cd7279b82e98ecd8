package amity

// This file is the key-value patch of a post's data and metadata: PATCH
// /api/v4/posts/{postId}/kv.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// PostKeysPatch sets and deletes top-level keys of a post's data or metadata, leaving the
// other keys as they are.
type PostKeysPatch struct {
	// Set maps keys to their new values: strings, numbers or booleans (at most 100 keys).
	Set map[string]any `json:"set,omitempty"`
	// Delete are the keys to remove (at most 100).
	Delete []string `json:"delete,omitempty"`
}

// postsMaxKeyOps is the spec's bound on each of Set and Delete.
const postsMaxKeyOps = 100

func (p *PostKeysPatch) validate(op, field string) error {
	if p == nil {
		return nil
	}
	if len(p.Set) == 0 && len(p.Delete) == 0 {
		return &ValidationError{Op: op, Field: field, Reason: "must set or delete at least one key"}
	}
	if err := firstErr(
		maxItems(op, field+".Set", len(p.Set), postsMaxKeyOps),
		maxItems(op, field+".Delete", len(p.Delete), postsMaxKeyOps),
	); err != nil {
		return err
	}
	for k, v := range p.Set {
		if k == "" {
			return &ValidationError{Op: op, Field: field + ".Set", Reason: "must not hold an empty key"}
		}
		switch v.(type) {
		case string, bool, json.Number, float64, float32, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		default:
			return &ValidationError{Op: op, Field: fmt.Sprintf("%s.Set[%q]", field, k), Reason: "must be a string, a number or a boolean"}
		}
	}
	for _, k := range p.Delete {
		if k == "" {
			return &ValidationError{Op: op, Field: field + ".Delete", Reason: "must not hold an empty key"}
		}
		if _, set := p.Set[k]; set {
			return &ValidationError{Op: op, Field: field + ".Delete", Reason: fmt.Sprintf("deletes %q, which Set sets", k)}
		}
	}
	return nil
}

// UpdatePostKeysParams is the patch of Posts.UpdateKeys: Data, Metadata or both.
type UpdatePostKeysParams struct {
	// Data patches the post's data; the API allows it on custom posts only (a custom
	// DataType such as "com.example.birthday"), not on text, image, video and the other
	// system types.
	Data *PostKeysPatch `json:"data,omitempty"`
	// Metadata patches the post's metadata, on any post.
	Metadata *PostKeysPatch `json:"metadata,omitempty"`
}

// UpdateKeys sets and deletes single keys of a post's data (custom posts) and metadata
// without sending the rest, and returns the post. PATCH /api/v4/posts/{postId}/kv.
// Idempotent by construction (it sets keys to the given values and removes the given keys;
// a repeat leaves the same state), so it is retried like a read.
func (s *PostsService) UpdateKeys(ctx context.Context, postID string, params *UpdatePostKeysParams, opts ...CallOption) (*PostPayload, error) {
	const op = "Posts.UpdateKeys"
	path, err := postPath(op, "/api/v4/posts/%s/kv", postID)
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if params.Data == nil && params.Metadata == nil {
		return nil, &ValidationError{Op: op, Field: "params", Reason: "must patch Data or Metadata"}
	}
	if err := firstErr(params.Data.validate(op, "Data"), params.Metadata.validate(op, "Metadata")); err != nil {
		return nil, err
	}
	return postsCall(ctx, s.c, &request{op: op, method: http.MethodPatch, path: path, body: params, idempotent: true, opts: opts})
}
