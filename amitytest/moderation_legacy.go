package amitytest

import (
	"regexp"
	"strings"
	"time"
)

// The v1 and v2 word lists are the older views of the v3 lists: the v1/v2 blacklist is the
// v3 blocklist and the v2 whitelist the v3 allowlist, so a word added through one is in force
// through the other. A rule disabled through PUT /api/v2/{blacklist,whitelist}/records/{id}
// stops applying and leaves the v3 listing until it is enabled again.

// moderationSettingsV2 are the v2 moderation settings.
type moderationSettingsV2 struct {
	maxRepetition, maxRepetitionTimeout                                  int
	blacklistMuteTimeout, whitelistMuteTimeout, maxRepetitionMuteTimeout int
	enableImageModeration                                                bool
	nudity, suggestive, violence, disturbing                             float64
	createdAt, updatedAt                                                 time.Time
}

func defaultModerationSettingsV2(now time.Time) moderationSettingsV2 {
	return moderationSettingsV2{maxRepetition: 5, maxRepetitionTimeout: 60, blacklistMuteTimeout: 0, whitelistMuteTimeout: 0,
		maxRepetitionMuteTimeout: 0, nudity: 0.8, suggestive: 0.8, violence: 0.8, disturbing: 0.8, createdAt: now, updatedAt: now}
}

func (m moderationSettingsV2) json() map[string]any {
	return map[string]any{
		"maxRepetition": m.maxRepetition, "maxRepetitionTimeout": m.maxRepetitionTimeout,
		"blacklistMuteTimeout": m.blacklistMuteTimeout, "whitelistMuteTimeout": m.whitelistMuteTimeout,
		"maxRepetitionMuteTimeout": m.maxRepetitionMuteTimeout, "enableImageModeration": m.enableImageModeration,
		"imageModeration": map[string]float64{"nudity": m.nudity, "suggestive": m.suggestive, "violence": m.violence, "disturbing": m.disturbing},
		"createdAt":       ts(m.createdAt), "updatedAt": ts(m.updatedAt),
	}
}

// legacyRule is a rule as the v2 lists show it, with its switch.
func legacyRuleJSON(r *rule, block, enabled bool) map[string]any {
	out := map[string]any{"ruleId": r.id, "regex": r.regex, "isEnabled": enabled, "isDeleted": false,
		"createdAt": ts(r.createdAt), "updatedAt": ts(r.updatedAt)}
	if block {
		out["isMatchExactWord"] = r.exact
	}
	return out
}

// disabledRule is a rule disabled through the v2 calls, out of force until enabled.
type disabledRule struct {
	r     *rule
	block bool // of the blacklist (else the whitelist)
}

// legacyList is one of the two lists: its rules in force and those disabled.
type legacyList struct {
	block    bool
	active   *[]*rule
	disabled map[string]*disabledRule // shared by both lists, keyed by rule ID
}

func (c *request) legacyList(block bool) legacyList {
	if c.st.disabledRules == nil {
		c.st.disabledRules = map[string]*disabledRule{}
	}
	if block {
		return legacyList{block: true, active: &c.st.blocklist, disabled: c.st.disabledRules}
	}
	return legacyList{active: &c.st.allowlist, disabled: c.st.disabledRules}
}

// off returns the disabled rules of this list in creation order.
func (l legacyList) off() []*rule {
	var out []*rule
	for _, d := range l.disabled {
		if d.block == l.block {
			out = append(out, d.r)
		}
	}
	sortByCreated(out, func(r *rule) (time.Time, int64) { return r.createdAt, r.seq }, false)
	return out
}

// all returns the rules of the list, in force first, then disabled.
func (l legacyList) all() []map[string]any {
	out := []map[string]any{}
	for _, r := range *l.active {
		out = append(out, legacyRuleJSON(r, l.block, true))
	}
	for _, r := range l.off() {
		out = append(out, legacyRuleJSON(r, l.block, false))
	}
	return out
}

// drop removes disabled rules of this list for which match is true.
func (l legacyList) drop(match func(*rule) bool) {
	for id, d := range l.disabled {
		if d.block == l.block && match(d.r) {
			delete(l.disabled, id)
		}
	}
}

func (c *request) addLegacyRules(l legacyList, regexs []string, exact bool) error {
	if len(regexs) == 0 {
		return errBadRequest("Parameters validation error: regexs is required")
	}
	now := c.now()
	for _, expr := range regexs {
		expr = strings.TrimSpace(expr)
		if expr == "" || len(expr) > 500 {
			return errBadRequest("Parameters validation error: each regex must have 1 to 500 characters")
		}
		re, err := compileRule(expr, l.block && exact)
		if err != nil {
			return errBadRequest("Invalid regular expression: %s", expr)
		}
		found := false
		for _, r := range *l.active {
			if r.regex == expr {
				r.re, r.exact, r.updatedAt, found = re, l.block && exact, now, true
			}
		}
		if !found {
			*l.active = append(*l.active, &rule{id: c.st.newID(), regex: expr, re: re, exact: l.block && exact,
				createdAt: now, updatedAt: now, seq: c.st.nextSeq()})
		}
	}
	return nil
}

func (s *Server) routesModerationLegacy() {
	type regexsRequest struct {
		Regexs           []string `json:"regexs"`
		IsMatchExactWord bool     `json:"isMatchExactWord"`
	}
	list := func(block bool) handler {
		return func(c *request) error {
			filter := c.qList("regexs")
			if !block && len(filter) == 0 {
				return errBadRequest("Parameters validation error: regexs is required")
			}
			var out []map[string]any
			for _, r := range c.legacyList(block).all() {
				if len(filter) == 0 || containsString(filter, r["regex"].(string)) {
					out = append(out, r)
				}
			}
			return c.ok(statusData{Status: "success", Data: map[string]any{"results": nonNil(out)}})
		}
	}
	add := func(block bool) handler {
		return func(c *request) error {
			var req regexsRequest
			if err := c.decode(&req, true); err != nil {
				return err
			}
			if err := c.addLegacyRules(c.legacyList(block), req.Regexs, req.IsMatchExactWord); err != nil {
				return err
			}
			return c.noContent()
		}
	}
	refresh := func(block bool) handler {
		return func(c *request) error {
			var req regexsRequest
			if err := c.decode(&req, true); err != nil {
				return err
			}
			if req.Regexs == nil {
				return errBadRequest("Parameters validation error: regexs is required")
			}
			for _, expr := range req.Regexs {
				if _, err := regexp.Compile(expr); err != nil || strings.TrimSpace(expr) == "" {
					return errBadRequest("Invalid regular expression: %s", expr)
				}
			}
			l := c.legacyList(block)
			*l.active = nil
			l.drop(func(*rule) bool { return true })
			if len(req.Regexs) == 0 {
				return c.noContent()
			}
			if err := c.addLegacyRules(l, req.Regexs, false); err != nil {
				return err
			}
			return c.noContent()
		}
	}
	remove := func(block bool) handler {
		return func(c *request) error {
			ids := c.qList("ruleIds")
			if len(ids) == 0 {
				return errBadRequest("Parameters validation error: ruleIds is required")
			}
			l := c.legacyList(block)
			kept := (*l.active)[:0:0]
			for _, r := range *l.active {
				// v1 describes the parameter as the expressions to delete: both are accepted.
				if !containsString(ids, r.id) && !containsString(ids, r.regex) {
					kept = append(kept, r)
				}
			}
			*l.active = kept
			l.drop(func(r *rule) bool { return containsString(ids, r.id) || containsString(ids, r.regex) })
			return c.noContent()
		}
	}
	toggle := func(block bool) handler {
		return func(c *request) error {
			var req struct {
				RuleID    string `json:"ruleId"`
				IsEnabled *bool  `json:"isEnabled"`
			}
			if err := c.decode(&req, true); err != nil {
				return err
			}
			id := c.path("ruleId")
			if req.IsEnabled == nil || (req.RuleID != "" && req.RuleID != id) {
				return errBadRequest("Parameters validation error: ruleId (matching the path) and isEnabled are required")
			}
			l := c.legacyList(block)
			now := c.now()
			for i, r := range *l.active {
				if r.id == id {
					if !*req.IsEnabled {
						*l.active = append((*l.active)[:i:i], (*l.active)[i+1:]...)
						l.disabled[id] = &disabledRule{r: r, block: block}
					}
					r.updatedAt = now
					return c.ok(statusData{Status: "success", Data: legacyRuleJSON(r, block, *req.IsEnabled)})
				}
			}
			if d := l.disabled[id]; d != nil && d.block == block {
				r := d.r
				if *req.IsEnabled {
					delete(l.disabled, id)
					*l.active = append(*l.active, r)
				}
				r.updatedAt = now
				return c.ok(statusData{Status: "success", Data: legacyRuleJSON(r, block, *req.IsEnabled)})
			}
			return errNotFound("Rule not found.")
		}
	}
	s.route("GET /api/v2/blacklist/records", authAdmin, withAPIKey(list(true)))
	s.route("POST /api/v2/blacklist/records", authAdmin, withAPIKey(add(true)))
	s.route("PUT /api/v2/blacklist/records", authAdmin, withAPIKey(refresh(true)))
	s.route("DELETE /api/v2/blacklist/records", authAdmin, withAPIKey(remove(true)))
	s.route("PUT /api/v2/blacklist/records/{ruleId}", authAdmin, withAPIKey(toggle(true)))
	s.route("GET /api/v2/whitelist/records", authAdmin, withAPIKey(list(false)))
	s.route("POST /api/v2/whitelist/records", authAdmin, withAPIKey(add(false)))
	s.route("PUT /api/v2/whitelist/records", authAdmin, withAPIKey(refresh(false)))
	s.route("DELETE /api/v2/whitelist/records", authAdmin, withAPIKey(remove(false)))
	s.route("PUT /api/v2/whitelist/records/{ruleId}", authAdmin, withAPIKey(toggle(false)))
	s.route("POST /v1/blacklist/records", authAdmin, withAPIKey(add(true)))
	s.route("PUT /v1/blacklist/records", authAdmin, withAPIKey(refresh(true)))
	s.route("DELETE /v1/blacklist/records", authAdmin, withAPIKey(remove(true)))
	s.route("GET /api/v2/moderation-settings", authAdmin, withAPIKey(func(c *request) error {
		return c.ok(statusData{Status: "success", Data: c.st.modV2.json()})
	}))
	s.route("PUT /api/v2/moderation-settings", authAdmin, withAPIKey(func(c *request) error {
		var req struct {
			MaxRepetition            *int  `json:"maxRepetition"`
			MaxRepetitionTimeout     *int  `json:"maxRepetitionTimeout"`
			BlacklistMuteTimeout     *int  `json:"blacklistMuteTimeout"`
			WhitelistMuteTimeout     *int  `json:"whitelistMuteTimeout"`
			MaxRepetitionMuteTimeout *int  `json:"maxRepetitionMuteTimeout"`
			EnableImageModeration    *bool `json:"enableImageModeration"`
			ImageModeration          *struct {
				Nudity     *float64 `json:"nudity"`
				Suggestive *float64 `json:"suggestive"`
				Violence   *float64 `json:"violence"`
				Disturbing *float64 `json:"disturbing"`
			} `json:"imageModeration"`
		}
		if err := c.decode(&req, true); err != nil {
			return err
		}
		m := &c.st.modV2
		ints := []struct {
			v   *int
			dst *int
		}{{req.MaxRepetition, &m.maxRepetition}, {req.MaxRepetitionTimeout, &m.maxRepetitionTimeout},
			{req.BlacklistMuteTimeout, &m.blacklistMuteTimeout}, {req.WhitelistMuteTimeout, &m.whitelistMuteTimeout},
			{req.MaxRepetitionMuteTimeout, &m.maxRepetitionMuteTimeout}}
		for _, f := range ints {
			if f.v != nil && *f.v < 0 {
				return errBadRequest("Parameters validation error: values must not be negative")
			}
		}
		var floats []struct {
			v   *float64
			dst *float64
		}
		if im := req.ImageModeration; im != nil {
			floats = []struct {
				v   *float64
				dst *float64
			}{{im.Nudity, &m.nudity}, {im.Suggestive, &m.suggestive}, {im.Violence, &m.violence}, {im.Disturbing, &m.disturbing}}
			for _, f := range floats {
				if f.v != nil && *f.v < 0 {
					return errBadRequest("Parameters validation error: values must not be negative")
				}
			}
		}
		for _, f := range ints {
			if f.v != nil {
				*f.dst = *f.v
			}
		}
		for _, f := range floats {
			if f.v != nil {
				*f.dst = *f.v
			}
		}
		setOpt(&m.enableImageModeration, req.EnableImageModeration)
		m.updatedAt = c.now()
		return c.ok(map[string]string{"status": "success"})
	}))
}
