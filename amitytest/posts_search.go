package amitytest

import (
	"regexp"
	"strings"
)

// postHashtag finds the hashtags of a text: # and letters, digits or underscores.
var postHashtag = regexp.MustCompile(`#([\p{L}\p{N}_]+)`)

// postHashtags returns the hashtags of a post, lower-cased: those of its text (the fake keeps
// no separate hashtag list, so "#golang" in the text is the hashtag golang).
func postHashtags(p *post) []string {
	text, _ := p.data["text"].(string)
	var out []string
	for _, m := range postHashtag.FindAllStringSubmatch(text, -1) {
		out = append(out, strings.ToLower(m[1]))
	}
	return out
}

// hashtagForm is the form of a hashtag filter: letters, digits and underscores.
var hashtagForm = regexp.MustCompile(`^[\p{L}\p{N}_]+$`)

// postCheckStatuses are the review states of the checkStatus filter. The fake reviews no
// content: every post is to-check.
var postCheckStatuses = []string{"to-check", "follow-up-needed", "checked"}

func (s *Server) routesPostsSearch() {
	s.route("GET /api/v1/search/posts", authUser, func(c *request) error {
		q := postQuery{targetType: c.q("targetType"), targetID: c.q("targetId")}
		if q.targetType == "" {
			return errBadRequest("Parameters validation error: targetType is required")
		}
		if err := enum("targetType", q.targetType, "community", "user", "content"); err != nil {
			return err
		}
		if err := c.readPostQuery(&q); err != nil {
			return err
		}
		if ft := c.q("feedType"); ft != "" {
			if err := enum("feedType", ft, "reviewing", "published", "declined"); err != nil {
				return err
			}
			q.feedTypes = []string{ft}
		}
		check := c.q("checkStatus")
		if err := enum("checkStatus", check, postCheckStatuses...); err != nil {
			return err
		}
		if _, err := c.qBool("includeModerationDetails"); err != nil {
			return err
		}
		hashtags := c.qList("hashtags")
		if len(hashtags) > 30 {
			return errBadRequest("Parameters validation error: at most 30 hashtags")
		}
		for i, h := range hashtags {
			if !hashtagForm.MatchString(h) || len(h) > 100 {
				return errBadRequest("Parameters validation error: hashtags may hold letters, digits and underscores only")
			}
			hashtags[i] = strings.ToLower(h)
		}
		q.before, q.after = c.opt("before"), c.opt("after")
		if err := c.checkCommunityReadable(q.targetType, q.targetID); err != nil {
			return err
		}
		p, err := c.pageParams(defaultPageSize)
		if err != nil {
			return err
		}
		var found []*post
		for _, post := range c.findPosts(q) {
			if (check == "" || check == "to-check") && (len(hashtags) == 0 || anyShared(hashtags, postHashtags(post))) {
				found = append(found, post)
			}
		}
		win, cur := paginate(found, p)
		body := c.postsBody(win, false)
		body.Paging = cur.nextPrevious()
		return c.ok(body)
	})
}
