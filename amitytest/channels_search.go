package amitytest

import (
	"sort"
	"strings"
)

// routesChannelSearch serves GET /api/v2/search/channels: the channels the caller can see
// whose display name (or ID) holds query (equals it with exactMatch), filtered by types, tags
// and, with isMemberOnly, the caller's memberships. sortBy relevance ranks an exact name
// first, then names starting with the query, then the rest, each by last activity;
// lastActivity sorts by last activity alone; orderBy asc reverses either order.
func (s *Server) routesChannelSearch() {
	s.route("GET /api/v2/search/channels", authUser, func(c *request) error {
		// The spec declares options without deepObject: options[...] and bare names both work.
		c.bareOpts = true
		query := strings.TrimSpace(c.q("query"))
		if query == "" {
			return errBadRequest("Parameters validation error: query is required")
		}
		var exact, memberOnly *bool
		if err := c.qBools([]string{"exactMatch", "isMemberOnly"}, &exact, &memberOnly); err != nil {
			return err
		}
		types, tags := c.qList("types"), c.qList("tags")
		for _, t := range types {
			if err := enum("types", t, "community", "conversation", "live", "broadcast"); err != nil {
				return err
			}
		}
		if len(tags) > 10 {
			return errBadRequest("Parameters validation error: at most 10 tags")
		}
		sortBy, orderBy := c.opt("sortBy"), c.opt("orderBy")
		if orderBy == "" {
			orderBy = c.q("options[orderBy]")
		}
		if err := enum("sortBy", sortBy, "lastActivity", "relevance"); err != nil {
			return err
		}
		if err := enum("orderBy", orderBy, "desc", "asc"); err != nil {
			return err
		}
		if sortBy == "" {
			sortBy = "relevance"
		}
		if orderBy == "" {
			orderBy = "desc"
		}
		p, err := c.pageParams(defaultPageSize)
		if err != nil {
			return err
		}
		needle := strings.ToLower(query)
		rank := func(ch *channel) int {
			name := strings.ToLower(ch.displayName)
			switch {
			case name == needle || strings.ToLower(ch.id) == needle:
				return 0
			case strings.HasPrefix(name, needle):
				return 1
			default:
				return 2
			}
		}
		var list []*channel
		for _, ch := range c.st.channels {
			if ch.deleted || !c.canSeeChannel(ch) {
				continue
			}
			name, id := strings.ToLower(ch.displayName), strings.ToLower(ch.id)
			if exact != nil && *exact {
				if name != needle && id != needle {
					continue
				}
			} else if !strings.Contains(name, needle) && !strings.Contains(id, needle) {
				continue
			}
			if len(types) > 0 && !containsString(types, ch.kind) {
				continue
			}
			if len(tags) > 0 && !anyShared(tags, ch.tags) {
				continue
			}
			if memberOnly != nil && *memberOnly && !ch.isMember(c.identity) {
				continue
			}
			list = append(list, ch)
		}
		sort.SliceStable(list, func(i, j int) bool {
			a, b := list[i], list[j]
			less := false
			switch {
			case sortBy == "relevance" && rank(a) != rank(b):
				less = rank(a) < rank(b)
				if orderBy == "asc" {
					less = !less
				}
				return less
			case !a.lastActivity.Equal(b.lastActivity):
				less = a.lastActivity.After(b.lastActivity)
			default:
				less = a.seq > b.seq
			}
			if orderBy == "asc" {
				return !less
			}
			return less
		})
		win, cur := paginate(list, p)
		body := c.channelsBody(win, nil)
		return c.ok(statusData{Status: "success", Data: map[string]any{
			"channels": body.Channels, "channelUsers": body.ChannelUsers, "messagePreviews": body.MessagePreviews,
			"messageFeedsInfo": body.MessageFeedsInfo, "users": body.Users, "files": body.Files,
			"totalCount": len(list), "paging": cur.nextPrev(),
			"search": map[string]any{"query": query, "limit": p.limit, "sortBy": sortBy, "orderBy": orderBy},
		}})
	})
}
