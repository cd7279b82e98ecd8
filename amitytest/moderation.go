package amitytest

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// rule is a blocklist or allowlist entry.
type rule struct {
	id        string
	regex     string
	re        *regexp.Regexp // as entered, case-insensitive
	exact     bool           // blocklist: match whole words only
	createdAt time.Time
	updatedAt time.Time
	seq       int64
}

type ruleJSON struct {
	RuleID           string `json:"ruleId"`
	Regex            string `json:"regex"`
	IsMatchExactWord *bool  `json:"isMatchExactWord,omitempty"`
	IsDeleted        bool   `json:"isDeleted"`
	IsEnabled        bool   `json:"isEnabled"`
	CreatedAt        string `json:"createdAt"`
	UpdatedAt        string `json:"updatedAt"`
}

func (r *rule) json(withExact bool) ruleJSON {
	out := ruleJSON{RuleID: r.id, Regex: r.regex, IsEnabled: true, CreatedAt: ts(r.createdAt), UpdatedAt: ts(r.updatedAt)}
	if withExact {
		exact := r.exact
		out.IsMatchExactWord = &exact
	}
	return out
}

// compileRule compiles a blocklist/allowlist expression.
func compileRule(expr string, exactWord bool) (*regexp.Regexp, error) {
	if exactWord {
		return regexp.Compile(`(?i)(?:^|[^\pL\pN_])(?:` + expr + `)(?:$|[^\pL\pN_])`)
	}
	return regexp.Compile(`(?i)(?:` + expr + `)`)
}

// linkPattern finds links in text: URLs with a scheme and www. addresses.
var linkPattern = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"']+`)

// checkEditedText checks the new text of an edited post or comment: at most 50,000
// characters, and allowed by the word lists.
func (st *state) checkEditedText(text string) error {
	if err := maxLen("data.text", text, 50000); err != nil {
		return err
	}
	return st.checkText(text)
}

// checkText enforces the blocklist and, when the allowlist is in force, the
// link allowlist on user-written text.
func (st *state) checkText(texts ...string) error {
	for _, t := range texts {
		if t == "" {
			continue
		}
		for _, r := range st.blocklist {
			if r.re.MatchString(t) {
				return &apiError{http.StatusForbidden, codeBanWord, "Data contain blacklist word"}
			}
		}
		if st.linksRestricted() {
			for _, link := range linkPattern.FindAllString(t, -1) {
				if !st.linkAllowed(link) {
					return &apiError{http.StatusForbidden, codeLinkNotAllowed, "Link is not allowed"}
				}
			}
		}
	}
	return nil
}

func (st *state) linksRestricted() bool { return st.whitelistEnabled && len(st.allowlist) > 0 }

// linkHost returns the lower-case host of a link, or "" if it is not a URL.
func linkHost(link string) string {
	link = strings.TrimRight(link, ".,;:!?)]}")
	if !strings.Contains(link, "://") {
		link = "http://" + link
	}
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// linkAllowed reports whether a link's domain is on the allowlist: a rule
// allows its domain and subdomains, or any URL or host it matches in full.
func (st *state) linkAllowed(link string) bool {
	host := linkHost(link)
	if host == "" {
		return false
	}
	for _, r := range st.allowlist {
		dom := strings.ToLower(strings.TrimPrefix(r.regex, "www."))
		h := strings.TrimPrefix(host, "www.")
		if h == dom || strings.HasSuffix(h, "."+dom) {
			return true
		}
		if full, err := regexp.Compile(`(?i)^(?:` + r.regex + `)$`); err == nil && (full.MatchString(host) || full.MatchString(link)) {
			return true
		}
	}
	return false
}

type rulesRequest struct {
	Regexs           []string `json:"regexs"`
	IsMatchExactWord bool     `json:"isMatchExactWord"`
}

type verifyRequest struct {
	Data []string `json:"data"`
}

func (s *Server) routesModeration() {
	s.route("GET /api/v3/blocklists", authAdmin, func(c *request) error { return s.listRules(c, true) })
	s.route("GET /api/v3/allowlists", authAdmin, func(c *request) error { return s.listRules(c, false) })
	s.route("POST /api/v3/blocklists", authAdmin, func(c *request) error { return s.addRules(c, true) })
	s.route("POST /api/v3/allowlists", authAdmin, func(c *request) error { return s.addRules(c, false) })
	s.route("POST /api/v3/blocklists/verify", authUser, func(c *request) error {
		var req verifyRequest
		if err := c.decode(&req, false); err != nil {
			return err
		}
		if len(req.Data) > 10 {
			return errBadRequest("Parameters validation error: at most 10 texts")
		}
		for _, t := range req.Data {
			for _, r := range c.st.blocklist {
				if r.re.MatchString(t) {
					return &apiError{http.StatusForbidden, codeBanWord, "Some texts contain blocked words"}
				}
			}
		}
		return c.ok(successBody)
	})
	s.route("POST /api/v3/allowlists/verify", authUser, func(c *request) error {
		var req verifyRequest
		if err := c.decode(&req, false); err != nil {
			return err
		}
		if len(req.Data) > 10 {
			return errBadRequest("Parameters validation error: at most 10 URLs")
		}
		for _, link := range req.Data {
			if linkHost(link) == "" {
				return errBadRequest("Some URLs are not valid")
			}
		}
		if c.st.linksRestricted() {
			for _, link := range req.Data {
				if !c.st.linkAllowed(link) {
					return &apiError{http.StatusForbidden, codeLinkNotAllowed, "Some URLs are not in the allow list"}
				}
			}
		}
		return c.ok(successBody)
	})
	s.route("GET /api/v3/network-settings/moderation", authAdmin, func(c *request) error {
		return c.ok(map[string]bool{"isWhitelistEnabled": c.st.whitelistEnabled})
	})
	s.route("PUT /api/v3/network-settings/moderation", authAdmin, func(c *request) error {
		var req struct {
			IsWhitelistEnabled *bool `json:"isWhitelistEnabled"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		setOpt(&c.st.whitelistEnabled, req.IsWhitelistEnabled)
		return c.ok(map[string]bool{"isWhitelistEnabled": c.st.whitelistEnabled})
	})
}

func (s *Server) listRules(c *request, block bool) error {
	sortBy := c.q("sortBy")
	if err := enum("sortBy", sortBy, "firstCreated", "lastCreated"); err != nil {
		return err
	}
	p, err := c.pageParams(defaultPageSize)
	if err != nil {
		return err
	}
	src := c.st.allowlist
	if block {
		src = c.st.blocklist
	}
	filter := strings.ToLower(c.q("regex"))
	var list []*rule
	for _, r := range src {
		if filter == "" || strings.Contains(strings.ToLower(r.regex), filter) {
			list = append(list, r)
		}
	}
	sortByCreated(list, func(r *rule) (time.Time, int64) { return r.createdAt, r.seq }, sortBy != "firstCreated")
	win, cur := paginate(list, p)
	results := []ruleJSON{}
	for _, r := range win {
		results = append(results, r.json(block))
	}
	return c.ok(map[string]any{"results": results, "paging": cur.nextPrevious()})
}

func (s *Server) addRules(c *request, block bool) error {
	var req rulesRequest
	if err := c.decode(&req, true); err != nil {
		return err
	}
	if len(req.Regexs) == 0 || len(req.Regexs) > 100 {
		return errBadRequest("Parameters validation error: regexs must have 1 to 100 items")
	}
	type compiled struct {
		expr string
		re   *regexp.Regexp
	}
	var rules []compiled
	for _, expr := range req.Regexs {
		expr = strings.TrimSpace(expr)
		if expr == "" || len(expr) > 500 {
			return errBadRequest("Parameters validation error: each regex must have 1 to 500 characters")
		}
		re, err := compileRule(expr, block && req.IsMatchExactWord)
		if err != nil {
			return errBadRequest("Invalid regular expression: %s", expr)
		}
		rules = append(rules, compiled{expr, re})
	}
	now := c.now()
	list := &c.st.allowlist
	if block {
		list = &c.st.blocklist
	}
	for _, cr := range rules {
		found := false
		for _, r := range *list {
			if r.regex == cr.expr {
				r.re, r.exact, r.updatedAt, found = cr.re, block && req.IsMatchExactWord, now, true
			}
		}
		if !found {
			*list = append(*list, &rule{
				id: c.st.newID(), regex: cr.expr, re: cr.re, exact: block && req.IsMatchExactWord,
				createdAt: now, updatedAt: now, seq: c.st.nextSeq(),
			})
		}
	}
	return c.ok(successBody)
}
