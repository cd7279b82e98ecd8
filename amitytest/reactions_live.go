package amitytest

import (
	"fmt"
	"net/http"
	"time"
)

// Live reactions (POST /api/v1/reactions/live) go to a room or a live stream while it
// broadcasts: the fake checks them, counts them per room or stream and reaction name
// (Server.LiveReactionCounts) and answers them as processed (202). They are not kept on the
// post like the reactions of /api/v2/reactions.

// LiveReactionCounts returns the number of live reactions a room or stream received, by
// reaction name.
func (s *Server) LiveReactionCounts(roomOrStreamID string) map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for name, n := range s.st.liveData().reactions[roomOrStreamID] {
		out[name] = n
	}
	return out
}

// liveReactionJSON is the spec's processed live reaction.
type liveReactionJSON struct {
	UserID            string `json:"userId"`
	LiveStreamID      string `json:"liveStreamId,omitempty"`
	TargetID          string `json:"targetId,omitempty"`
	TargetType        string `json:"targetType,omitempty"`
	ReferencePublicID string `json:"referencePublicId"`
	ReferenceID       string `json:"referenceId"`
	ReferenceType     string `json:"referenceType"`
	ReactionName      string `json:"reactionName"`
	OccurredAt        string `json:"occurredAt"`
}

func (s *Server) routesReactionsLive() {
	s.route("POST /api/v1/reactions/live", authUser, func(c *request) error {
		var req struct {
			RoomID       string `json:"roomId"`
			LiveStreamID string `json:"liveStreamId"`
			Reactions    []struct {
				UserID            string `json:"userId"`
				ReferenceID       string `json:"referenceId"`
				ReferencePublicID string `json:"referencePublicId"`
				ReferenceType     string `json:"referenceType"`
				ReactionName      string `json:"reactionName"`
				OccurredAt        string `json:"occurredAt"`
			} `json:"reactions"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		if (req.RoomID == "") == (req.LiveStreamID == "") {
			return errBadRequest("Parameters validation error: one of roomId and liveStreamId is required")
		}
		if len(req.Reactions) == 0 {
			return errBadRequest("Parameters validation error: reactions is required")
		}
		target, err := c.reactionTarget(req.RoomID, req.LiveStreamID)
		if err != nil {
			return err
		}
		me := c.me()
		if me.globalBan {
			return errGlobalBan()
		}
		out := []liveReactionJSON{}
		for i, r := range req.Reactions {
			if r.ReactionName == "" || maxLen("reactionName", r.ReactionName, 100) != nil {
				return errBadRequest("Parameters validation error: reactions[%d].reactionName must be 1 to 100 characters", i)
			}
			if r.ReferenceType == "" {
				r.ReferenceType = "post"
			}
			if err := enum(fmt.Sprintf("reactions[%d].referenceType", i), r.ReferenceType, "post"); err != nil {
				return err
			}
			ref := r.ReferencePublicID
			if ref == "" {
				ref = r.ReferenceID
			}
			p := c.st.posts[ref]
			if p == nil || p.deleted {
				return errNotFound("Post %s not found", ref)
			}
			userID := me.id
			if r.UserID != "" && r.UserID != me.id {
				if !c.isAdmin || c.st.liveUser(r.UserID) == nil {
					return errPermission("A live reaction is the caller's.")
				}
				userID = r.UserID
			}
			at := c.now()
			if r.OccurredAt != "" {
				t, err := time.Parse(time.RFC3339, r.OccurredAt)
				if err != nil {
					return errBadRequest("Parameters validation error: reactions[%d].occurredAt is not a date-time", i)
				}
				at = t
			}
			item := liveReactionJSON{UserID: userID, LiveStreamID: req.LiveStreamID, ReferencePublicID: p.id, ReferenceID: p.id,
				ReferenceType: r.ReferenceType, ReactionName: r.ReactionName, OccurredAt: ts(at)}
			if p.targetType == "user" || p.targetType == "community" {
				item.TargetID, item.TargetType = p.targetID, p.targetType
			}
			out = append(out, item)
		}
		counts := c.live().reactions[target]
		if counts == nil {
			counts = map[string]int{}
			c.live().reactions[target] = counts
		}
		for _, r := range out {
			counts[r.ReactionName]++
		}
		body := map[string]any{"reactions": out}
		if req.LiveStreamID != "" {
			body["liveStreamId"] = req.LiveStreamID
		}
		writeJSON(c.w, http.StatusAccepted, body)
		return nil
	})
}

// reactionTarget checks the room or stream live reactions go to: it broadcasts, and the
// caller is not banned from it. It returns its ID.
func (c *request) reactionTarget(roomID, streamID string) (string, error) {
	if roomID != "" {
		r := c.live().rooms[roomID]
		switch {
		case r == nil || r.deleted:
			return "", errNotFound("Room %s not found", roomID)
		case r.bans[c.identity] != nil:
			return "", errForbidden("You are banned from this room.")
		case r.status != "live" && r.status != "waitingReconnect":
			return "", errBadRequest("Room %s is not live.", roomID)
		}
		return roomID, nil
	}
	st := c.st.streams[streamID]
	switch {
	case st == nil || st.deleted:
		return "", errNotFound("Stream %s not found", streamID)
	case c.live().streamBans[streamID][c.identity] != nil:
		return "", errForbidden("You are banned from this live stream.")
	case st.status != "live":
		return "", errBadRequest("Stream %s is not live.", streamID)
	}
	return streamID, nil
}
