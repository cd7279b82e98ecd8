package amitytest

import (
	"encoding/json"
	"time"
)

// editHistory is the edit history of one post or comment: a snapshot of each version an edit
// replaced (version 0 is the content as created), and who made the current version, when and
// why. The update operations record it (recordPostEdit, recordCommentEdit) before they change
// the content.
type editHistory struct {
	contentType string // post or comment
	contentID   string
	versions    []*editVersion
	// current is the edit that made the current version.
	current editVersion
}

// editVersion is one version of a content: the API's bundle of it as it was, and its edit.
type editVersion struct {
	id       string
	data     json.RawMessage
	editedBy string
	editedAt time.Time
	reason   *string
	at       time.Time // when the record was made
}

// editHistoryJSON is one record of the content history answer.
type editHistoryJSON struct {
	ID          string          `json:"_id"`
	NetworkID   string          `json:"networkId"`
	ContentID   string          `json:"contentId"`
	ContentType string          `json:"contentType"`
	Version     int             `json:"version"`
	Data        json.RawMessage `json:"data"`
	EditedBy    string          `json:"editedBy"`
	EditedAt    string          `json:"editedAt"`
	EditReason  *string         `json:"editReason"`
	CreatedAt   string          `json:"createdAt"`
	UpdatedAt   string          `json:"updatedAt"`
}

func (s *Server) routesContentHistory() {
	s.route("GET /api/v1/content-histories", authUser, func(c *request) error {
		if !c.can("EDIT_POST_AND_COMMENT") { // the admin's: no role can hold it in the fake
			return errPermission("Permission denied: EDIT_POST_AND_COMMENT is required")
		}
		typ, id := c.q("contentType"), c.q("contentId")
		if err := enum("contentType", typ, "post", "comment"); err != nil {
			return err
		}
		if typ == "" || id == "" {
			return errBadRequest("Parameters validation error: contentId and contentType are required")
		}
		var snapshot json.RawMessage
		switch typ {
		case "post":
			p := c.st.posts[id]
			if p == nil {
				return errNotFound("Post not found.")
			}
			snapshot = c.postSnapshot(p)
		case "comment":
			cm := c.st.comments[id]
			if cm == nil {
				return errNotFound("Comment not found.")
			}
			snapshot = c.commentSnapshot(cm)
		}
		out := []editHistoryJSON{}
		h := c.st.misc.histories[typ+"\x00"+id]
		if h == nil {
			return c.ok(map[string]any{"histories": out})
		}
		record := func(i int, v *editVersion, data json.RawMessage) {
			out = append(out, editHistoryJSON{
				ID: v.id, NetworkID: networkID, ContentID: id, ContentType: typ, Version: i, Data: data,
				EditedBy: v.editedBy, EditedAt: ts(v.editedAt), EditReason: v.reason, CreatedAt: ts(v.at), UpdatedAt: ts(v.at),
			})
		}
		for i, v := range h.versions {
			record(i, v, v.data)
		}
		record(len(h.versions), &h.current, snapshot) // the current version, as it is now
		return c.ok(map[string]any{"histories": out})
	})
}

// postSnapshot is the post bundle of p, as a version of its history holds it.
func (c *request) postSnapshot(p *post) json.RawMessage {
	b, _ := json.Marshal(c.postsBody([]*post{p}, false))
	return b
}

// commentSnapshot is the comment bundle of cm, as a version of its history holds it.
func (c *request) commentSnapshot(cm *comment) json.RawMessage {
	b, _ := json.Marshal(c.commentsBody([]*comment{cm}))
	return b
}

// recordEdit keeps the version of a content an edit is about to replace (snapshot) and makes
// the caller, now and reason the edit of the next one.
func (c *request) recordEdit(typ, id, creator string, created time.Time, snapshot json.RawMessage, reason *string) {
	if c.st.misc.histories == nil {
		c.st.misc.histories = map[string]*editHistory{}
	}
	key := typ + "\x00" + id
	h := c.st.misc.histories[key]
	if h == nil {
		h = &editHistory{contentType: typ, contentID: id, current: editVersion{id: c.st.newID(), editedBy: creator, editedAt: created}}
		c.st.misc.histories[key] = h
	}
	now := c.now()
	prev := h.current
	prev.data, prev.at = snapshot, now
	h.versions = append(h.versions, &prev)
	h.current = editVersion{id: c.st.newID(), editedBy: c.me().id, editedAt: now, reason: reason}
}

// editReason reads the reason an update's body gives under name (the post update's reason,
// the comment update's editReason), or nil.
func (c *request) editReason(name string) *string {
	body, err := c.readBody()
	if err != nil {
		return nil
	}
	var m map[string]any
	if json.Unmarshal(body, &m) != nil {
		return nil
	}
	if r, ok := m[name].(string); ok && r != "" {
		return &r
	}
	return nil
}

// recordPostEdit records the version of p an update is about to change (posts_write.go,
// posts_kv.go).
func (c *request) recordPostEdit(p *post) {
	c.recordEdit("post", p.id, p.postedUserID, p.createdAt, c.postSnapshot(p), c.editReason("reason"))
}

// recordCommentEdit records the version of cm an update is about to change (comments.go).
func (c *request) recordCommentEdit(cm *comment) {
	c.recordEdit("comment", cm.id, cm.userID, cm.createdAt, c.commentSnapshot(cm), c.editReason("editReason"))
}
