package amitytest

import "time"

// postQuery are the filters of the post listing operations.
type postQuery struct {
	targetType  string
	targetID    string
	sortBy      string
	hasFlag     *bool
	isDeleted   *bool
	feedTypes   []string
	dataTypes   []string
	dataType    string
	tags        []string
	parentsOnly bool
	before      string
	after       string
	upTo        int // with a created sort and no before/after: stop after this many posts (0: all)
}

// readPostQuery reads the common query parameters.
func (c *request) readPostQuery(q *postQuery) error {
	q.sortBy = c.q("sortBy")
	if err := enum("sortBy", q.sortBy, "firstCreated", "lastCreated", "lastUpdated", "firstUpdated"); err != nil {
		return err
	}
	var err error
	if q.hasFlag, err = c.qBool("hasFlag"); err != nil {
		return err
	}
	if q.isDeleted, err = c.qBool("isDeleted"); err != nil {
		return err
	}
	q.dataTypes = c.qList("dataTypes")
	q.tags = c.qList("tags")
	q.parentsOnly = true
	if v, err := c.qBool("matchingOnlyParentPost"); err != nil {
		return err
	} else if v != nil {
		q.parentsOnly = *v
	}
	return nil
}

// flaggedComments are the posts that have a live flagged comment or reply, from one pass
// over the comments (a listing asks it of every post).
func (st *state) flaggedComments() map[string]bool {
	out := map[string]bool{}
	for _, cm := range st.comments {
		if cm.referenceType == "post" && !cm.deleted && cm.flags.count() > 0 {
			out[cm.referenceID] = true
		}
	}
	return out
}

// postFlagged reports whether p, one of its children or (per flaggedComments) one of its
// comments is flagged.
func (st *state) postFlagged(p *post, flaggedComments map[string]bool) bool {
	if p.flags.count() > 0 || flaggedComments[p.id] {
		return true
	}
	for _, id := range p.children {
		if ch := st.posts[id]; ch != nil && ch.flags.count() > 0 {
			return true
		}
	}
	return false
}

// findPosts lists the posts matching q, sorted. Its callers (the v3 and v4 post queries and
// the v3 feeds) declare isDeleted with default null: without it, deleted posts are listed
// too.
func (c *request) findPosts(q postQuery) []*post {
	st := c.st
	feedTypes := q.feedTypes
	if len(feedTypes) == 0 {
		feedTypes = []string{"published"}
	}
	var list []*post
	var flaggedComments map[string]bool
	if q.hasFlag != nil {
		flaggedComments = st.flaggedComments()
	}
	// The index is in ascending (createdAt, seq) order: the order of the created sorts, read
	// backwards for the newest first; a page stops at q.upTo matches (pagePosts).
	src := st.indexedPosts(q.targetType, q.targetID)
	byUpdate := q.sortBy == "lastUpdated" || q.sortBy == "firstUpdated"
	desc := q.sortBy != "firstCreated" && q.sortBy != "firstUpdated"
	upTo := 0
	if !byUpdate && q.before == "" && q.after == "" {
		upTo = q.upTo
	}
	for i := range src {
		p := src[i]
		if desc && !byUpdate {
			p = src[len(src)-1-i]
		}
		if q.targetType != "" && p.targetType != q.targetType {
			continue
		}
		if q.targetID != "" && p.targetID != q.targetID {
			continue
		}
		if !deletedFilter(q.isDeleted, p.deleted, bothByDefault) || !containsString(feedTypes, p.feedType) {
			continue
		}
		if p.feedType == "reviewing" && p.postedUserID != c.identity && !c.canModeratePost(p) {
			continue
		}
		if p.targetType == "community" && !c.isAdmin {
			if cm := st.communities[p.targetID]; cm != nil && !cm.isPublic && !cm.isMember(c.identity) {
				continue
			}
		}
		if q.hasFlag != nil && *q.hasFlag != st.postFlagged(p, flaggedComments) {
			continue
		}
		if len(q.tags) > 0 && !anyShared(q.tags, p.tags) {
			continue
		}
		if p.parentID != "" {
			if q.parentsOnly || len(q.dataTypes) == 0 || !containsString(q.dataTypes, p.dataType) {
				continue
			}
		} else {
			if q.dataType != "" && p.dataType != q.dataType {
				continue
			}
			if len(q.dataTypes) > 0 {
				if !q.parentsOnly {
					continue
				}
				match := false
				for _, id := range p.children {
					if ch := st.posts[id]; ch != nil && containsString(q.dataTypes, ch.dataType) {
						match = true
					}
				}
				if !match {
					continue
				}
			}
		}
		list = append(list, p)
		if upTo > 0 && len(list) >= upTo {
			break
		}
	}
	if byUpdate {
		sortByCreated(list, func(p *post) (time.Time, int64) { return p.updatedAt, p.seq }, desc)
	}
	created := func(p *post) (time.Time, int64) { return p.createdAt, p.seq }
	return cutAround(list, func(p *post) string { return p.id }, created, q.before, q.after)
}

// checkCommunityReadable refuses reading a private community's posts to
// non-members.
func (c *request) checkCommunityReadable(targetType, targetID string) error {
	if targetType != "community" || targetID == "" {
		return nil
	}
	cm, err := c.community(targetID)
	if err != nil {
		return err
	}
	if !cm.isPublic && !c.isAdmin && !cm.isMember(c.identity) {
		return errForbidden("You are not a member of this community")
	}
	return nil
}

// pagePosts finds the posts of q and answers the page of them the request asks for (without
// their polls) and its cursors.
func (c *request) pagePosts(q postQuery) (postsResponse, cursors, error) {
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return postsResponse{}, cursors{}, err
	}
	q.upTo = p.offset + p.limit + 1 // the page and whether another follows
	win, cur := paginate(c.findPosts(q), p)
	return c.postsBody(win, false), cur, nil
}

// postQueryOf starts the query of a post listing from its target parameters.
func (c *request) postQueryOf() postQuery {
	return postQuery{targetType: c.q("targetType"), targetID: c.q("targetId")}
}

// listPosts answers a post listing of API version 3, 4 or 5. Every version needs targetType
// (v3 also takes all: every target type) and takes one feedType (reviewing, published or
// declined; spec 4.116.1 declares a string; several values, 4.92.0's array, are still read).
// v4 and v5 page around a post with options[before] and options[after].
func (s *Server) listPosts(c *request, q postQuery, version int) error {
	if q.targetType == "" {
		return errBadRequest("Parameters validation error: targetType is required")
	}
	targets := []string{"community", "user", "content"}
	if version == 3 {
		targets = append(targets, "all")
	}
	if err := enum("targetType", q.targetType, targets...); err != nil {
		return err
	}
	if q.targetType == "all" {
		q.targetType = ""
	}
	if err := c.readPostQuery(&q); err != nil {
		return err
	}
	// dataTypes: spec 4.116.1 lists video, image, file, liveStream, poll (and clip on v5); the
	// API's clients send any post data type (audio, clip, room, text: rn's FeedDataTypeEnum),
	// and the fake follows the clients.
	if len(q.dataTypes) > 10 {
		return errBadRequest("Parameters validation error: dataTypes takes at most 10 values")
	}
	q.feedTypes = c.qList("feedType")
	for _, ft := range q.feedTypes {
		if err := enum("feedType", ft, "reviewing", "published", "declined"); err != nil {
			return err
		}
	}
	if version >= 4 {
		q.before, q.after = c.opt("before"), c.opt("after")
	}
	if err := c.checkCommunityReadable(q.targetType, q.targetID); err != nil {
		return err
	}
	body, cur, err := c.pagePosts(q)
	if err != nil {
		return err
	}
	body.Paging = cur.nextPrevious()
	return c.ok(body)
}

// postReadOptions reads the options of the reads of posts by ID (spec 4.116.1): whether to
// answer the posts of users the caller blocked (ignoreBlockList; by default they are left out)
// and includeModerationDetails, which the fake accepts (it keeps no moderation details).
func (c *request) postReadOptions() (ignoreBlockList bool, err error) {
	ignore, err := c.qBool("ignoreBlockList")
	if err != nil {
		return false, err
	}
	if _, err := c.qBool("includeModerationDetails"); err != nil {
		return false, err
	}
	return ignore != nil && *ignore, nil
}

// blockedAuthor reports whether the caller blocked the author of p.
func (c *request) blockedAuthor(p *post) bool {
	_, blocked := c.st.blocks[c.identity][p.postedUserID]
	return blocked
}
