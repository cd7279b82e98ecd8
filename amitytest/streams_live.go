package amitytest

import (
	"time"
)

// The live-stream operations of spec 4.116.1: the streams live now (posted where their
// liveStream post is), and the viewer bans of a stream, which its broadcaster (or the admin)
// manages and which keep a viewer from reacting to it.

// streamPost is the live liveStream post that shows st in a feed, or nil.
func (st *state) streamPost(s *stream) *post {
	var found *post
	for _, p := range st.posts {
		if id, _ := p.data["streamId"].(string); id == s.id && p.dataType == "liveStream" && !p.deleted && (found == nil || p.seq < found.seq) {
			found = p
		}
	}
	return found
}

// liveStreamsResponse is the answer of GET /api/v3/video-streaming/live.
type liveStreamsResponse struct {
	streamsResponse
	VideoStreamingChildren []streamJSON        `json:"videoStreamingChildren"`
	Communities            []communityJSON     `json:"communities"`
	CommunityUsers         []communityUserJSON `json:"communityUsers"`
	Categories             []categoryJSON      `json:"categories"`
	Feeds                  []feedJSON          `json:"feeds"`
	Paging                 *pagingNextPrevious `json:"paging"`
}

func (s *Server) routesStreamsLive() {
	s.route("GET /api/v3/video-streaming/live", authUser, func(c *request) error {
		types := c.qList("targetType")
		for _, t := range types {
			if err := enum("targetType", t, "community", "user", "all"); err != nil {
				return err
			}
		}
		if len(types) == 0 || containsString(types, "all") {
			types = nil
		}
		targets := c.qList("targetIds")
		p, err := c.pageParams(defaultPageSize)
		if err != nil {
			return err
		}
		var list []*stream
		for _, st := range c.st.streams {
			if st.deleted || st.status != "live" {
				continue
			}
			if len(types) > 0 || len(targets) > 0 {
				post := c.st.streamPost(st)
				if post == nil || (len(types) > 0 && !containsString(types, post.targetType)) ||
					(len(targets) > 0 && !containsString(targets, post.targetID)) {
					continue
				}
			}
			list = append(list, st)
		}
		sortByCreated(list, func(s *stream) (time.Time, int64) { return s.startedAt, s.seq }, true)
		win, cur := paginate(list, p)
		body := c.streamsBody(win)
		b := c.sideload()
		cb := c.newCommunityBundle(b)
		for _, st := range win {
			if post := c.st.streamPost(st); post != nil && post.targetType == "community" {
				if cm := c.st.communities[post.targetID]; cm != nil {
					cb.add(cm)
				}
			}
		}
		for _, u := range body.Users {
			b.addUser(u.UserID)
		}
		body.Users = b.users()
		return c.ok(liveStreamsResponse{
			streamsResponse: body, VideoStreamingChildren: []streamJSON{}, Communities: cb.communities(),
			CommunityUsers: nonNil(cb.members), Categories: cb.categories(), Feeds: cb.feeds(), Paging: cur.nextPrevious(),
		})
	})
	s.route("POST /api/v3/video-streaming/{streamId}/viewer-bans", authUser, func(c *request) error {
		st, err := c.ownStream()
		if err != nil {
			return err
		}
		ids, err := c.banIDs(0)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if id == st.userID {
				return errBadRequest("The broadcaster cannot be banned from the stream.")
			}
		}
		bans := c.streamBans(st.id)
		for _, id := range ids {
			if bans[id] == nil {
				bans[id] = &viewerBan{userID: id, bannedBy: c.me().id, createdAt: c.now(), seq: c.st.nextSeq()}
			}
		}
		return c.ok(successBody)
	})
	s.route("DELETE /api/v3/video-streaming/{streamId}/viewer-bans", authUser, func(c *request) error {
		st, err := c.ownStream()
		if err != nil {
			return err
		}
		ids, err := c.banIDs(0)
		if err != nil {
			return err
		}
		bans := c.streamBans(st.id)
		for _, id := range ids {
			delete(bans, id)
		}
		return c.ok(successBody)
	})
	// Spec 4.116.1 declares this answer's sideloads single objects (users, posts, ...), where
	// every other answer has lists: the fake answers the bans and the paging only, which is
	// valid either way.
	s.route("GET /api/v3/video-streaming/{streamId}/viewer-bans", authUser, func(c *request) error {
		st, err := c.ownStream()
		if err != nil {
			return err
		}
		bans := []viewerBanJSON{}
		for _, b := range sortedBans(c.streamBans(st.id)) {
			bans = append(bans, c.viewerBanJSON(b))
		}
		return c.ok(map[string]any{"videoStreamingBannedUsers": bans, "paging": pagingNext{}})
	})
}

// streamBans are the viewer bans of a stream, made on first use.
func (c *request) streamBans(streamID string) map[string]*viewerBan {
	ls := c.live()
	if ls.streamBans[streamID] == nil {
		ls.streamBans[streamID] = map[string]*viewerBan{}
	}
	return ls.streamBans[streamID]
}
