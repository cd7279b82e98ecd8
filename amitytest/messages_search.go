package amitytest

import (
	"sort"
	"strings"
	"time"
)

// messageSearchTypes are the message types GET /api/v2/search/messages filters by.
var messageSearchTypes = []string{"text", "image", "video", "audio", "file"}

// messageMatches scores m against the words of a search: how often they occur in its text,
// 0 when one of them is missing. With exact, the query must occur as written (letter case
// aside).
func messageMatches(m *message, query string, exact bool) int {
	text, _ := m.data["text"].(string)
	text, query = strings.ToLower(text), strings.ToLower(query)
	if exact {
		return strings.Count(text, query)
	}
	score := 0
	for _, w := range strings.Fields(query) {
		n := strings.Count(text, w)
		if n == 0 {
			return 0
		}
		score += n
	}
	return score
}

// routesMessagesSearch registers GET /api/v2/search/messages: the live messages of the
// channels the caller may read whose text holds every word of the query (or, with
// exactMatch, the query itself), newest first or by relevance (how often the words occur).
func (s *Server) routesMessagesSearch() {
	s.route("GET /api/v2/search/messages", authUser, func(c *request) error {
		query := strings.TrimSpace(c.q("query"))
		if query == "" || len(query) > 1024 {
			return errBadRequest("Parameters validation error: query must be 1 to 1024 characters")
		}
		exact, err := c.qBool("exactMatch")
		if err != nil {
			return err
		}
		types := c.qList("types")
		if len(types) == 0 {
			types = []string{"text"}
		}
		for _, t := range types {
			if err := enum("types", t, messageSearchTypes...); err != nil {
				return err
			}
		}
		userIDs, tags := c.qList("userIds"), c.qList("tags")
		if len(userIDs) > 10 || len(types) > 10 || len(tags) > 10 {
			return errBadRequest("Parameters validation error: at most 10 userIds, types and tags")
		}
		sortBy, orderBy := c.opt("sortBy"), c.opt("orderBy")
		if err := enum("options.sortBy", sortBy, "createdAt", "relevance"); err != nil {
			return err
		}
		if err := enum("options.orderBy", orderBy, "desc", "asc"); err != nil {
			return err
		}
		p, err := c.pageParams(20)
		if err != nil {
			return err
		}
		channelID, feedID := c.q("channelId"), c.q("messageFeedId")
		if channelID != "" {
			if ch := c.st.channelByAnyID(channelID); ch != nil {
				channelID = ch.id
			}
		}
		type match struct {
			m     *message
			score int
		}
		var found []match
		for _, m := range c.st.messages {
			if m.deleted || (channelID != "" && m.channelID != channelID) || (feedID != "" && m.feedID != feedID) ||
				(len(userIDs) > 0 && !containsString(userIDs, m.creatorID)) || !containsString(types, messageV3Type(m)) ||
				(len(tags) > 0 && !anyShared(tags, m.tags)) {
				continue
			}
			if ch := c.st.channels[m.channelID]; ch == nil || !c.canReadChannel(ch) {
				continue
			}
			if score := messageMatches(m, query, exact != nil && *exact); score > 0 {
				found = append(found, match{m, score})
			}
		}
		asc := orderBy == "asc"
		sortByCreated(found, func(x match) (time.Time, int64) { return x.m.createdAt, x.m.seq }, !asc)
		if sortBy == "relevance" {
			sort.SliceStable(found, func(i, j int) bool {
				if asc {
					return found[i].score < found[j].score
				}
				return found[i].score > found[j].score
			})
		}
		win, cur := paginate(found, p)
		msgs := make([]*message, len(win))
		for i, x := range win {
			msgs[i] = x.m
		}
		bundle := c.messagesV3Body(msgs)
		var chanIDs, feedIDs orderedSet
		for _, m := range msgs {
			chanIDs.add(m.channelID)
			feedIDs.add(m.feedID)
		}
		channels, feeds := []channelJSON{}, []messageFeedJSON{}
		for _, id := range chanIDs.list {
			if ch := c.st.channels[id]; ch != nil {
				channels = append(channels, c.channelJSON(ch))
			}
		}
		for _, id := range feedIDs.list {
			if f := c.st.feeds[id]; f != nil {
				feeds = append(feeds, c.messageFeedJSON(f))
			}
		}
		if sortBy == "" {
			sortBy = "createdAt"
		}
		if orderBy == "" {
			orderBy = "desc"
		}
		return c.ok(statusData{Status: "success", Data: map[string]any{
			"messages": bundle.Messages, "messageFeeds": feeds, "channels": channels, "users": bundle.Users,
			"files": bundle.Files, "roles": []any{}, "totalCount": len(found),
			"paging": pagingNextPrev{Next: cur.next, Prev: cur.prev},
			"search": map[string]any{"query": query, "limit": p.limit, "sortBy": sortBy, "orderBy": orderBy},
		}})
	})
}
