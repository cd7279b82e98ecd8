package amitytest

import (
	"sort"
	"strconv"
	"time"
)

type reactorJSON struct {
	ReactionName   string `json:"reactionName"`
	UserID         string `json:"userId"`
	UserPublicID   string `json:"userPublicIdId"`
	UserInternalID string `json:"userInternalId"`
	ReactionID     string `json:"reactionId"`
	CreatedAt      string `json:"createdAt"`
	UpdatedAt      string `json:"updatedAt"`
}

type reactionsJSON struct {
	ReferenceID   string        `json:"referenceId"`
	ReferenceType string        `json:"referenceType"`
	Reactors      []reactorJSON `json:"reactors"`
}

// reactionsOf finds the reactions of a post, comment or message.
func (c *request) reactionsOf(refType, refID string) (*reactionSet, error) {
	switch refType {
	case "post":
		p, err := c.livePost(refID)
		if err != nil {
			return nil, err
		}
		return &p.reactions, nil
	case "comment":
		cm, err := c.liveComment(refID)
		if err != nil {
			return nil, err
		}
		return &cm.reactions, nil
	case "message":
		m := c.st.messages[refID]
		if m == nil || m.deleted {
			return nil, errNotFound("Message %s not found", refID)
		}
		return &m.reactions, nil
	case "story":
		return nil, errNotFound("Story not found")
	}
	return nil, errBadRequest("Parameters validation error: referenceType must be one of message, post, comment, story")
}

// removeReactionsBy deletes every reaction of a user.
func (st *state) removeReactionsBy(userID string) {
	strip := func(rs reactionSet) reactionSet {
		out := rs[:0:0]
		for _, r := range rs {
			if r.userID != userID {
				out = append(out, r)
			}
		}
		return out
	}
	for _, p := range st.posts {
		p.reactions = strip(p.reactions)
	}
	for _, cm := range st.comments {
		cm.reactions = strip(cm.reactions)
	}
	for _, m := range st.messages {
		m.reactions = strip(m.reactions)
	}
}

// reactionRequest names a reaction. ReferenceVersion is the API version of the entity (5 for
// a v5 message, which the vendor clients always send for messages); any integer is accepted
// and nothing depends on it, since the fake's v3 and v5 messages are the same messages.
type reactionRequest struct {
	ReferenceID      string `json:"referenceId"`
	ReferenceType    string `json:"referenceType"`
	ReactionName     string `json:"reactionName"`
	ReferenceVersion *int   `json:"referenceVersion"`
}

// deleteReactionRequest reads the parameters of DELETE /api/v2/reactions: from the query, as
// the spec declares them, or from a JSON body, where the vendor clients send them
// (removeReaction.ts: axios delete(url, {data}); see bodyParam).
func (c *request) deleteReactionRequest() (reactionRequest, error) {
	req := reactionRequest{ReferenceID: c.q("referenceId"), ReferenceType: c.q("referenceType"), ReactionName: c.q("reactionName")}
	if v := c.q("referenceVersion"); v != "" {
		if _, err := strconv.Atoi(v); err != nil {
			return req, errBadRequest("Parameters validation error: referenceVersion must be an integer")
		}
	}
	return req, nil
}

func (s *Server) routesReactions() {
	s.route("POST /api/v2/reactions", authUser, func(c *request) error {
		var req reactionRequest
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if req.ReferenceID == "" || req.ReferenceType == "" || req.ReactionName == "" {
			return errBadRequest("Parameters validation error: referenceId, referenceType and reactionName are required")
		}
		if err := maxLen("reactionName", req.ReactionName, 100); err != nil {
			return err
		}
		rs, err := c.reactionsOf(req.ReferenceType, req.ReferenceID)
		if err != nil {
			return err
		}
		me := c.me()
		if me.globalBan {
			return errGlobalBan()
		}
		for _, r := range *rs {
			if r.userID == me.id && r.name == req.ReactionName {
				return c.ok(map[string]string{"addedId": r.id})
			}
		}
		r := &reaction{id: c.st.newID(), name: req.ReactionName, userID: me.id, createdAt: c.now()}
		*rs = append(*rs, r)
		return c.ok(map[string]string{"addedId": r.id})
	})
	s.route("DELETE /api/v2/reactions", authUser, func(c *request) error {
		req, err := c.deleteReactionRequest()
		if err != nil {
			return err
		}
		refID, refType, name := req.ReferenceID, req.ReferenceType, req.ReactionName
		if refID == "" || refType == "" || name == "" {
			return errBadRequest("Parameters validation error: referenceId, referenceType and reactionName are required")
		}
		rs, err := c.reactionsOf(refType, refID)
		if err != nil {
			return err
		}
		for i, r := range *rs {
			if r.userID == c.me().id && r.name == name {
				*rs = append((*rs)[:i:i], (*rs)[i+1:]...)
				return c.ok(map[string]string{"removedId": r.id})
			}
		}
		return errNotFound("Reaction not found.")
	})
	s.route("GET /api/v2/reactions", authUser, func(c *request) error {
		rj, b, cur, err := s.listReactions(c)
		if err != nil {
			return err
		}
		return c.ok(statusData{Status: "success", Data: map[string]any{
			"reactions": []reactionsJSON{rj}, "users": b.users(), "files": b.files(), "paging": cur.nextPrevious(),
		}})
	})
	s.route("GET /api/v2/reactions/messages/most", authUser, func(c *request) error {
		limit := 10
		if v := c.q("limit"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				return errBadRequest("Parameters validation error: limit must be a positive integer")
			}
			limit = n
		}
		name := c.q("reactionName")
		type counted struct {
			MessageID      string `json:"messageId"`
			ReactionsCount int    `json:"reactionsCount"`
			seq            int64
		}
		var out []counted
		for _, m := range c.st.messages {
			ch := c.st.channels[m.channelID]
			if m.deleted || ch == nil || !c.canReadChannel(ch) {
				continue
			}
			n := 0
			for _, r := range m.reactions {
				if name == "" || r.name == name {
					n++
				}
			}
			if n > 0 {
				out = append(out, counted{MessageID: m.id, ReactionsCount: n, seq: m.seq})
			}
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].ReactionsCount != out[j].ReactionsCount {
				return out[i].ReactionsCount > out[j].ReactionsCount
			}
			return out[i].seq > out[j].seq
		})
		if len(out) > limit {
			out = out[:limit]
		}
		return c.ok(nonNil(out))
	})
	s.route("GET /api/v3/reactions", authUser, func(c *request) error {
		rj, b, cur, err := s.listReactions(c)
		if err != nil {
			return err
		}
		return c.ok(map[string]any{
			"reactions": []reactionsJSON{rj}, "users": b.users(), "files": b.files(), "paging": cur.nextPrevious(),
		})
	})
}

// listReactions pages through the reactors of one entity, newest first.
func (s *Server) listReactions(c *request) (reactionsJSON, *sideload, cursors, error) {
	refID, refType, name := c.q("referenceId"), c.q("referenceType"), c.q("reactionName")
	if refID == "" || refType == "" {
		return reactionsJSON{}, nil, cursors{}, errBadRequest("Parameters validation error: referenceId and referenceType are required")
	}
	rs, err := c.reactionsOf(refType, refID)
	if err != nil {
		return reactionsJSON{}, nil, cursors{}, err
	}
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return reactionsJSON{}, nil, cursors{}, err
	}
	type indexed struct {
		r *reaction
		i int64
	}
	var sorted []indexed
	for i, r := range *rs {
		if name == "" || r.name == name {
			sorted = append(sorted, indexed{r, int64(i)})
		}
	}
	sortByCreated(sorted, func(x indexed) (time.Time, int64) { return x.r.createdAt, x.i }, true)
	list := make([]*reaction, len(sorted))
	for i, x := range sorted {
		list[i] = x.r
	}
	win, cur := paginate(list, p)
	b := c.sideload()
	out := reactionsJSON{ReferenceID: refID, ReferenceType: refType, Reactors: []reactorJSON{}}
	for _, r := range win {
		internal := ""
		if u := c.st.users[r.userID]; u != nil {
			internal = u.internalID
		}
		out.Reactors = append(out.Reactors, reactorJSON{
			ReactionName: r.name, UserID: r.userID, UserPublicID: r.userID, UserInternalID: internal,
			ReactionID: r.id, CreatedAt: ts(r.createdAt), UpdatedAt: ts(r.createdAt),
		})
		b.addUser(r.userID)
	}
	return out, b, cur, nil
}
