package amitytest

import "strings"

// keysPatch is one part of a kv patch: keys to set and keys to delete.
type keysPatch struct {
	Set    map[string]any `json:"set"`
	Delete []string       `json:"delete"`
}

// check refuses a patch of more than 100 operations of a kind, or a value that is not a
// string, a number or a boolean.
func (kp *keysPatch) check(name string) error {
	if kp == nil {
		return nil
	}
	if len(kp.Set) > 100 || len(kp.Delete) > 100 {
		return errBadRequest("Parameters validation error: %s allows at most 100 operations of each kind", name)
	}
	for k, v := range kp.Set {
		switch v.(type) {
		case string, float64, bool:
		default:
			return errBadRequest("Parameters validation error: %s.set.%s must be a string, a number or a boolean", name, k)
		}
	}
	return nil
}

// apply sets and deletes the keys of m and returns it (made when nil).
func (kp *keysPatch) apply(m map[string]any) map[string]any {
	if m == nil {
		m = map[string]any{}
	}
	for k, v := range kp.Set {
		m[k] = v
	}
	for _, k := range kp.Delete {
		delete(m, k)
	}
	return m
}

// routesPostsKV registers PATCH /api/v4/posts/{postId}/kv: it sets and deletes keys of a
// post's data (custom posts only: a dot-separated data type) and metadata (any post).
func (s *Server) routesPostsKV() {
	s.route("PATCH /api/v4/posts/{postId}/kv", authUser, func(c *request) error {
		p, err := c.livePost(c.path("postId"))
		if err != nil {
			return err
		}
		var req struct {
			Data     *keysPatch `json:"data"`
			Metadata *keysPatch `json:"metadata"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.Data == nil && req.Metadata == nil {
			return errBadRequest("Parameters validation error: data or metadata is required")
		}
		if err := firstErr(req.Data.check("data"), req.Metadata.check("metadata")); err != nil {
			return err
		}
		if req.Data != nil && !strings.Contains(p.dataType, ".") {
			return errBadRequest("Data patching is only allowed for custom posts")
		}
		if !c.canEditPost(p) {
			return errPermission("You are not allowed to do this.")
		}
		if c.me().globalBan {
			return errGlobalBan()
		}
		c.recordPostEdit(p)
		if req.Data != nil {
			p.data = req.Data.apply(p.data)
		}
		if req.Metadata != nil {
			p.metadata = req.Metadata.apply(p.metadata)
		}
		p.updatedAt = c.now()
		c.emitPost("v3.post.didUpdate", p, nil)
		return c.ok(c.postsBody([]*post{p}, true))
	})
}
