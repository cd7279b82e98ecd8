package amitytest

import (
	"sort"
	"strings"
	"time"
	"unicode"
)

// searchTerms splits a query into lower-case words.
func searchTerms(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// searchScore is the fake's stand-in for semantic similarity: the share of the query's
// distinct words found in text (as words or word prefixes), between 0 and 1.
func searchScore(terms []string, text string) float64 {
	words := searchTerms(text)
	if len(terms) == 0 || len(words) == 0 {
		return 0
	}
	seen := map[string]bool{}
	hits, total := 0, 0
	for _, t := range terms {
		if seen[t] {
			continue
		}
		seen[t] = true
		total++
		for _, w := range words {
			if w == t || (len(t) >= 4 && strings.HasPrefix(w, t)) || (len(w) >= 4 && strings.HasPrefix(t, w)) {
				hits++
				break
			}
		}
	}
	return float64(hits) / float64(total)
}

func postText(p *post) string {
	text, _ := p.data["text"].(string)
	return text + " " + strings.Join(p.tags, " ")
}

type scored[T any] struct {
	item  T
	score float64
}

func sortScored[T any](list []scored[T], created func(T) (time.Time, int64)) {
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		ti, si := created(list[i].item)
		tj, sj := created(list[j].item)
		if !ti.Equal(tj) {
			return ti.After(tj)
		}
		return si > sj
	})
}

func (c *request) searchQuery() ([]string, error) {
	q := c.q("query")
	if strings.TrimSpace(q) == "" {
		return nil, errBadRequest("Parameters validation error: query is required")
	}
	if err := maxLen("query", q, 1024); err != nil {
		return nil, err
	}
	tags := c.qList("tags")
	if len(tags) > 5 {
		return nil, errBadRequest("Parameters validation error: at most 5 tags")
	}
	return searchTerms(q), nil
}

func (s *Server) routesSearch() {
	s.route("GET /api/v1/semantic-search/posts", authUser, func(c *request) error {
		terms, err := c.searchQuery()
		if err != nil {
			return err
		}
		targetType, targetID := c.q("targetType"), c.q("targetId")
		if err := enum("targetType", targetType, "community", "user", "content"); err != nil {
			return err
		}
		dataTypes := c.qList("dataTypes")
		for _, t := range dataTypes {
			if err := enum("dataTypes", t, "text", "image"); err != nil {
				return err
			}
		}
		parentsOnly, err := c.qBool("matchingOnlyParentPost")
		if err != nil {
			return err
		}
		tags := c.qList("tags")
		var list []scored[*post]
		for _, p := range c.st.posts {
			parent := p
			if p.parentID != "" {
				if parentsOnly == nil || *parentsOnly || !containsString(dataTypes, p.dataType) {
					continue
				}
				if parent = c.st.posts[p.parentID]; parent == nil {
					continue
				}
			}
			if parent.hidden || !c.readablePost(parent) || (targetType != "" && parent.targetType != targetType) || (targetID != "" && parent.targetID != targetID) {
				continue
			}
			if len(tags) > 0 && !anyShared(tags, parent.tags) {
				continue
			}
			if score := searchScore(terms, postText(parent)); score > 0 {
				list = append(list, scored[*post]{p, score})
			}
		}
		sortScored(list, func(p *post) (time.Time, int64) { return p.createdAt, p.seq })
		pg, err := c.pageParams(10)
		if err != nil {
			return err
		}
		win, cur := paginate(list, pg)
		posts := make([]*post, len(win))
		results := make([]map[string]any, len(win))
		for i, it := range win {
			posts[i] = it.item
			results[i] = map[string]any{"postId": it.item.id, "score": it.score}
		}
		body := c.postsBody(posts, false)
		body.Paging = cur.nextPrevious()
		return c.ok(struct {
			SearchResults []map[string]any `json:"searchResults"`
			postsResponse
		}{nonNil(results), body})
	})
	s.route("GET /api/v1/semantic-search/communities", authUser, func(c *request) error {
		terms, err := c.searchQuery()
		if err != nil {
			return err
		}
		filter := c.q("filter")
		if err := enum("filter", filter, "all", "member", "notMember"); err != nil {
			return err
		}
		categories := c.q("categoryIds")
		if err := maxLen("categoryIds", categories, 128); err != nil {
			return err
		}
		var cats []string
		if categories != "" {
			cats = strings.Split(categories, ",")
		}
		tags := c.qList("tags")
		var list []scored[*community]
		for _, cm := range c.st.communities {
			if cm.deleted || (!cm.isPublic && !c.isAdmin && !cm.isMember(c.identity)) {
				continue
			}
			member := cm.isMember(c.identity)
			if (filter == "member" && !member) || (filter == "notMember" && member) {
				continue
			}
			if (len(tags) > 0 && !anyShared(tags, cm.tags)) || (len(cats) > 0 && !anyShared(cats, cm.categoryIDs)) {
				continue
			}
			if score := searchScore(terms, cm.displayName+" "+cm.description+" "+strings.Join(cm.tags, " ")); score > 0 {
				list = append(list, scored[*community]{cm, score})
			}
		}
		sortScored(list, func(cm *community) (time.Time, int64) { return cm.createdAt, cm.seq })
		pg, err := c.pageParams(10)
		if err != nil {
			return err
		}
		win, cur := paginate(list, pg)
		comms := make([]*community, len(win))
		results := make([]map[string]any, len(win))
		for i, it := range win {
			comms[i] = it.item
			results[i] = map[string]any{"communityId": it.item.id, "score": it.score}
		}
		return c.ok(struct {
			SearchResults []map[string]any `json:"searchResults"`
			communitiesResponse
			Paging *pagingNextPrevious `json:"paging"`
		}{nonNil(results), c.communitiesBody(comms, nil), cur.nextPrevious()})
	})
}
