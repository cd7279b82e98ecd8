package amity

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
)

// ModerationService manages blocklists, allowlists and moderation settings. Reach it as
// Client.Moderation.
//
// The current (v3) API has a blocklist of banned words (ListBlocklist, AddToBlocklist,
// VerifyBlocklist), an allowlist of link domains (ListAllowlist, AddToAllowlist,
// VerifyAllowlist) and the network's moderation settings (Settings, UpdateSettings). The
// methods named V2 and V1 call the older blacklist / whitelist / moderation-settings
// endpoints, which the spec still lists; they take the API key as well as the token.
type ModerationService struct{ c *Client }

// ModerationSortBy orders the v3 blocklist and allowlist listings.
type ModerationSortBy string

// Rule orders.
const (
	ModerationSortFirstCreated ModerationSortBy = "firstCreated"
	ModerationSortLastCreated  ModerationSortBy = "lastCreated"
)

// BlocklistRule is a rule of the v3 blocklist: a word or regular expression that content
// may not contain.
type BlocklistRule struct {
	RuleID string `json:"ruleId"`
	// Regex is the banned word or regular expression.
	Regex string `json:"regex"`
	// IsMatchExactWord makes the rule match whole words only.
	IsMatchExactWord bool `json:"isMatchExactWord,omitempty"`
	IsDeleted        bool `json:"isDeleted,omitempty"`
	IsEnabled        bool `json:"isEnabled,omitempty"`
	// CreatedAt and UpdatedAt are as the server sent them (RFC 3339).
	CreatedAt string `json:"createdAt,omitempty"`
	UpdatedAt string `json:"updatedAt,omitempty"`
}

// AllowlistRule is a rule of the v3 allowlist: a link domain (or regular expression) that
// links in content may point to.
type AllowlistRule struct {
	RuleID string `json:"ruleId"`
	// Regex is the allowed domain or regular expression.
	Regex     string `json:"regex"`
	IsDeleted bool   `json:"isDeleted,omitempty"`
	IsEnabled bool   `json:"isEnabled,omitempty"`
	// CreatedAt and UpdatedAt are as the server sent them (RFC 3339).
	CreatedAt string `json:"createdAt,omitempty"`
	UpdatedAt string `json:"updatedAt,omitempty"`
}

// BlocklistPage is one page of blocklist rules.
type BlocklistPage struct {
	Results []BlocklistRule `json:"results"`
	Paging  Paging          `json:"paging"`
}

func (p *BlocklistPage) pageItems() []BlocklistRule { return p.Results }
func (p *BlocklistPage) pageInfo() Paging           { return p.Paging }

// AllowlistPage is one page of allowlist rules.
type AllowlistPage struct {
	Results []AllowlistRule `json:"results"`
	Paging  Paging          `json:"paging"`
}

func (p *AllowlistPage) pageItems() []AllowlistRule { return p.Results }
func (p *AllowlistPage) pageInfo() Paging           { return p.Paging }

// ListModerationRulesParams filters and pages ListBlocklist and ListAllowlist. The zero
// value lists every rule.
type ListModerationRulesParams struct {
	PageParams
	// Regex keeps the rules that start with this text.
	Regex string
	// SortBy: firstCreated or lastCreated.
	SortBy ModerationSortBy
	// After and Before are numeric cursors (options[after], options[before]).
	After, Before *int64
}

func (p *ListModerationRulesParams) query(op string) (query, error) {
	if p == nil {
		p = &ListModerationRulesParams{}
	}
	if err := firstErr(
		p.PageParams.validate(op),
		oneOf(op, "SortBy", p.SortBy, ModerationSortFirstCreated, ModerationSortLastCreated),
	); err != nil {
		return nil, err
	}
	q := query{}
	q.str("regex", p.Regex)
	q.str("sortBy", string(p.SortBy))
	q.options(p.Limit, p.PageToken)
	if p.After != nil {
		url.Values(q).Set("options[after]", fmt.Sprint(*p.After))
	}
	if p.Before != nil {
		url.Values(q).Set("options[before]", fmt.Sprint(*p.Before))
	}
	return q, nil
}

// ListBlocklist returns an iterator over the blocklist's rules, fetching pages as it goes.
// GET /api/v3/blocklists.
func (s *ModerationService) ListBlocklist(ctx context.Context, params *ListModerationRulesParams) iter.Seq2[BlocklistRule, error] {
	return listAllLegacy(ctx, params, s.ListBlocklistPage)
}

// ListBlocklistPage returns one page of the blocklist's rules. GET /api/v3/blocklists.
func (s *ModerationService) ListBlocklistPage(ctx context.Context, params *ListModerationRulesParams) (*BlocklistPage, error) {
	const op = "Moderation.ListBlocklistPage"
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	var page BlocklistPage
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v3/blocklists", query: url.Values(q)}, &page); err != nil {
		return nil, err
	}
	return &page, nil
}

// ListAllowlist returns an iterator over the allowlist's rules (allowed link domains),
// fetching pages as it goes. GET /api/v3/allowlists.
func (s *ModerationService) ListAllowlist(ctx context.Context, params *ListModerationRulesParams) iter.Seq2[AllowlistRule, error] {
	return listAllLegacy(ctx, params, s.ListAllowlistPage)
}

// ListAllowlistPage returns one page of the allowlist's rules. GET /api/v3/allowlists.
func (s *ModerationService) ListAllowlistPage(ctx context.Context, params *ListModerationRulesParams) (*AllowlistPage, error) {
	const op = "Moderation.ListAllowlistPage"
	q, err := params.query(op)
	if err != nil {
		return nil, err
	}
	var page AllowlistPage
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v3/allowlists", query: url.Values(q)}, &page); err != nil {
		return nil, err
	}
	return &page, nil
}

// MaxRulesPerRequest is the most rules AddToBlocklist and AddToAllowlist accept in one
// call; split a longer list into chunks of this size.
const MaxRulesPerRequest = 100

// AddBlocklistParams is the body of AddToBlocklist.
type AddBlocklistParams struct {
	// Regexs (required) are the words or regular expressions to ban: 1 to 100 of them, each
	// 1 to 500 characters.
	Regexs []string `json:"regexs"`
	// IsMatchExactWord makes the new rules match whole words only (server default false).
	IsMatchExactWord *bool `json:"isMatchExactWord,omitempty"`
}

// AddToBlocklist adds up to 100 rules to the blocklist in one call.
// POST /api/v3/blocklists. Not retried after it may have reached the server (it adds rules).
func (s *ModerationService) AddToBlocklist(ctx context.Context, params *AddBlocklistParams) error {
	const op = "Moderation.AddToBlocklist"
	if params == nil {
		return &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	if err := moderationRegexs(op, "Regexs", params.Regexs, MaxRulesPerRequest, 500); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v3/blocklists", body: params}, nil)
}

// AddToAllowlist adds up to 100 link domains (or regular expressions) to the allowlist in
// one call; with link moderation on, links to other domains are refused with
// ErrLinkNotAllowed. POST /api/v3/allowlists. Not retried after it may have reached the
// server (it adds rules).
func (s *ModerationService) AddToAllowlist(ctx context.Context, domains []string) error {
	const op = "Moderation.AddToAllowlist"
	if err := moderationRegexs(op, "domains", domains, MaxRulesPerRequest, 500); err != nil {
		return err
	}
	body := struct {
		Regexs []string `json:"regexs"`
	}{domains}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v3/allowlists", body: body}, nil)
}

// ModerationVerdict is the outcome of VerifyBlocklist or VerifyAllowlist.
type ModerationVerdict struct {
	// Passed reports whether every text (or URL) passed the rules.
	Passed bool
	// Rejection, when Passed is false because of the rules, is the API's answer: code
	// CodeBanWordFound (400308, a text holds a blocked word) or CodeLinkNotAllowed (400309,
	// a URL is not on the allowlist). Its Message and Data tell what failed.
	Rejection *Error
}

// VerifyBlocklist checks 1 to 10 texts (each at most 500 characters) against the blocklist.
// POST /api/v3/blocklists/verify. A text holding a blocked word is a verdict with Passed
// false, not an error; other failures are errors. Idempotent by construction (it only
// checks the texts and changes nothing), so it is retried like a read.
func (s *ModerationService) VerifyBlocklist(ctx context.Context, texts []string) (*ModerationVerdict, error) {
	return s.verify(ctx, "Moderation.VerifyBlocklist", "/api/v3/blocklists/verify", "texts", texts, CodeBanWordFound)
}

// VerifyAllowlist checks 1 to 10 URLs (each at most 500 characters) against the allowlist.
// POST /api/v3/allowlists/verify. A URL whose domain is not allowed is a verdict with Passed
// false, not an error; a malformed URL is an *Error (400, "Some URLs are not valid").
// Idempotent by construction (it only checks the URLs), so it is retried like a read.
func (s *ModerationService) VerifyAllowlist(ctx context.Context, urls []string) (*ModerationVerdict, error) {
	return s.verify(ctx, "Moderation.VerifyAllowlist", "/api/v3/allowlists/verify", "urls", urls, CodeLinkNotAllowed)
}

func (s *ModerationService) verify(ctx context.Context, op, path, field string, data []string, rejectCode int) (*ModerationVerdict, error) {
	if len(data) == 0 {
		return nil, &ValidationError{Op: op, Field: field, Reason: "must hold at least 1 item"}
	}
	if err := maxItems(op, field, len(data), 10); err != nil {
		return nil, err
	}
	for i, v := range data {
		if err := maxLen(op, fmt.Sprintf("%s[%d]", field, i), v, 500); err != nil {
			return nil, err
		}
	}
	body := struct {
		Data []string `json:"data"`
	}{data}
	var out struct {
		Success bool `json:"success"`
	}
	err := s.c.do(ctx, &request{op: op, method: http.MethodPost, path: path, body: body, idempotent: true}, &out)
	var ae *Error
	if errors.As(err, &ae) && ae.Code == rejectCode {
		return &ModerationVerdict{Passed: false, Rejection: ae}, nil
	}
	if err != nil {
		return nil, err
	}
	return &ModerationVerdict{Passed: out.Success}, nil
}

// ModerationSettings are the network's moderation settings (network settings, area
// moderation).
type ModerationSettings struct {
	// IsWhitelistEnabled turns link moderation on: links must point to a domain on the
	// allowlist.
	IsWhitelistEnabled bool `json:"isWhitelistEnabled"`
}

// UpdateModerationSettingsParams changes the network's moderation settings. Nil fields are
// left as they are.
type UpdateModerationSettingsParams struct {
	// IsWhitelistEnabled turns link moderation (the allowlist) on or off.
	IsWhitelistEnabled *bool `json:"isWhitelistEnabled,omitempty"`
}

// Settings returns the network's moderation settings. GET /api/v3/network-settings/moderation.
func (s *ModerationService) Settings(ctx context.Context) (*ModerationSettings, error) {
	var out ModerationSettings
	if err := s.c.do(ctx, &request{op: "Moderation.Settings", method: http.MethodGet, path: "/api/v3/network-settings/moderation"}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// UpdateSettings changes the network's moderation settings and returns them.
// PUT /api/v3/network-settings/moderation. Idempotent by construction (it sets the given
// values), so it is retried like a read.
func (s *ModerationService) UpdateSettings(ctx context.Context, params *UpdateModerationSettingsParams) (*ModerationSettings, error) {
	const op = "Moderation.UpdateSettings"
	if params == nil {
		return nil, &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	var out ModerationSettings
	if err := s.c.do(ctx, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/moderation", body: params, idempotent: true}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// BlacklistRule is a rule of the v2 blacklist or whitelist, the older word and link lists.
type BlacklistRule struct {
	RuleID string `json:"ruleId,omitempty"`
	// Regex is the rule's word or regular expression.
	Regex string `json:"regex"`
	// IsMatchExactWord makes the rule match whole words only (blacklist).
	IsMatchExactWord bool `json:"isMatchExactWord,omitempty"`
	IsEnabled        bool `json:"isEnabled,omitempty"`
	IsDeleted        bool `json:"isDeleted,omitempty"`
	CreatedAt        Time `json:"createdAt"`
	UpdatedAt        Time `json:"updatedAt"`
}

// moderationRulesV2 is the {status, data: {results}} answer of the v2 rule listings.
type moderationRulesV2 struct {
	Status string `json:"status"`
	Data   struct {
		Results []BlacklistRule `json:"results"`
	} `json:"data"`
}

// moderationRuleV2 is the {status, data: rule} answer of the v2 rule updates.
type moderationRuleV2 struct {
	Status string        `json:"status"`
	Data   BlacklistRule `json:"data"`
}

// BlacklistRecordsV2 returns the rules of the v2 blacklist, all of them or those matching
// regexs. GET /api/v2/blacklist/records, with the API key. Unlike ListBlocklist (v3) it has
// no paging and returns every rule at once.
func (s *ModerationService) BlacklistRecordsV2(ctx context.Context, regexs []string) ([]BlacklistRule, error) {
	const op = "Moderation.BlacklistRecordsV2"
	if err := moderationOptionalList(op, "regexs", regexs); err != nil {
		return nil, err
	}
	q := query{}
	q.list("regexs", regexs)
	var out moderationRulesV2
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v2/blacklist/records", query: url.Values(q), auth: authAPIKey}, &out); err != nil {
		return nil, err
	}
	return out.Data.Results, nil
}

// AddBlacklistRecordsV2Params is the body of AddBlacklistRecordsV2.
type AddBlacklistRecordsV2Params struct {
	// Regexs (required) are the words or regular expressions to add.
	Regexs []string `json:"regexs"`
	// IsMatchExactWord makes the new rules match whole words only.
	IsMatchExactWord *bool `json:"isMatchExactWord,omitempty"`
}

// AddBlacklistRecordsV2 adds rules to the v2 blacklist. POST /api/v2/blacklist/records, with
// the API key. Unlike AddToBlocklist (v3) the spec sets no bound on the count or length of
// the rules. Not retried after it may have reached the server (it adds rules).
func (s *ModerationService) AddBlacklistRecordsV2(ctx context.Context, params *AddBlacklistRecordsV2Params) error {
	const op = "Moderation.AddBlacklistRecordsV2"
	if params == nil {
		return &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	if err := moderationRegexs(op, "Regexs", params.Regexs, 0, 0); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v2/blacklist/records", body: params, auth: authAPIKey}, nil)
}

// RefreshBlacklistV2 replaces all rules of the v2 blacklist with regexs.
// PUT /api/v2/blacklist/records, with the API key. v3 has no equivalent. Idempotent by
// construction (it sets the whole list), so it is retried like a read.
func (s *ModerationService) RefreshBlacklistV2(ctx context.Context, regexs []string) error {
	return s.replaceRules(ctx, "Moderation.RefreshBlacklistV2", "/api/v2/blacklist/records", regexs)
}

// UpdateBlacklistRecordV2 enables or disables one rule of the v2 blacklist and returns it.
// PUT /api/v2/blacklist/records/:ruleId (an Express-style path in the spec), with the API
// key. v3 has no equivalent. Idempotent by construction (it sets the rule's state), so it is
// retried like a read.
func (s *ModerationService) UpdateBlacklistRecordV2(ctx context.Context, ruleID string, isEnabled bool) (*BlacklistRule, error) {
	return s.updateRule(ctx, "Moderation.UpdateBlacklistRecordV2", "/api/v2/blacklist/records/%s", ruleID, isEnabled)
}

// DeleteBlacklistRecordsV2 deletes rules from the v2 blacklist by ID.
// DELETE /api/v2/blacklist/records?ruleIds=, with the API key. v3 has no equivalent.
// Idempotent by construction (deleted rules stay deleted), so it is retried like a read.
func (s *ModerationService) DeleteBlacklistRecordsV2(ctx context.Context, ruleIDs []string) error {
	return s.deleteRules(ctx, "Moderation.DeleteBlacklistRecordsV2", "/api/v2/blacklist/records", ruleIDs)
}

// WhitelistRecordsV2 returns the rules of the v2 whitelist matching regexs (required by
// the spec, at least one). GET /api/v2/whitelist/records, with the API key. Unlike
// ListAllowlist (v3) it needs a filter and has no paging.
func (s *ModerationService) WhitelistRecordsV2(ctx context.Context, regexs []string) ([]BlacklistRule, error) {
	const op = "Moderation.WhitelistRecordsV2"
	if err := moderationRegexs(op, "regexs", regexs, 0, 0); err != nil {
		return nil, err
	}
	q := query{}
	q.list("regexs", regexs)
	var out moderationRulesV2
	if err := s.c.do(ctx, &request{op: op, method: http.MethodGet, path: "/api/v2/whitelist/records", query: url.Values(q), auth: authAPIKey}, &out); err != nil {
		return nil, err
	}
	return out.Data.Results, nil
}

// AddWhitelistRecordsV2 adds rules to the v2 whitelist. POST /api/v2/whitelist/records, with
// the API key. Unlike AddToAllowlist (v3) the spec sets no bound on the count or length of
// the rules. Not retried after it may have reached the server (it adds rules).
func (s *ModerationService) AddWhitelistRecordsV2(ctx context.Context, regexs []string) error {
	const op = "Moderation.AddWhitelistRecordsV2"
	if err := moderationRegexs(op, "regexs", regexs, 0, 0); err != nil {
		return err
	}
	body := struct {
		Regexs []string `json:"regexs"`
	}{regexs}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v2/whitelist/records", body: body, auth: authAPIKey}, nil)
}

// RefreshWhitelistV2 replaces all rules of the v2 whitelist with regexs.
// PUT /api/v2/whitelist/records, with the API key. v3 has no equivalent. Idempotent by
// construction (it sets the whole list), so it is retried like a read.
func (s *ModerationService) RefreshWhitelistV2(ctx context.Context, regexs []string) error {
	return s.replaceRules(ctx, "Moderation.RefreshWhitelistV2", "/api/v2/whitelist/records", regexs)
}

// UpdateWhitelistRecordV2 enables or disables one rule of the v2 whitelist and returns it.
// PUT /api/v2/whitelist/records/:ruleId (an Express-style path in the spec), with the API
// key. v3 has no equivalent. Idempotent by construction (it sets the rule's state), so it is
// retried like a read.
func (s *ModerationService) UpdateWhitelistRecordV2(ctx context.Context, ruleID string, isEnabled bool) (*BlacklistRule, error) {
	return s.updateRule(ctx, "Moderation.UpdateWhitelistRecordV2", "/api/v2/whitelist/records/%s", ruleID, isEnabled)
}

// DeleteWhitelistRecordsV2 deletes rules from the v2 whitelist by ID.
// DELETE /api/v2/whitelist/records?ruleIds=, with the API key. v3 has no equivalent.
// Idempotent by construction (deleted rules stay deleted), so it is retried like a read.
func (s *ModerationService) DeleteWhitelistRecordsV2(ctx context.Context, ruleIDs []string) error {
	return s.deleteRules(ctx, "Moderation.DeleteWhitelistRecordsV2", "/api/v2/whitelist/records", ruleIDs)
}

func (s *ModerationService) replaceRules(ctx context.Context, op, path string, regexs []string) error {
	if err := moderationRegexs(op, "regexs", regexs, 0, 0); err != nil {
		return err
	}
	body := struct {
		Regexs []string `json:"regexs"`
	}{regexs}
	return s.c.do(ctx, &request{op: op, method: http.MethodPut, path: path, body: body, auth: authAPIKey, idempotent: true}, nil)
}

func (s *ModerationService) updateRule(ctx context.Context, op, format, ruleID string, isEnabled bool) (*BlacklistRule, error) {
	path, err := pathf(op, format, id("ruleID", ruleID))
	if err != nil {
		return nil, err
	}
	body := struct {
		RuleID    string `json:"ruleId"`
		IsEnabled bool   `json:"isEnabled"`
	}{ruleID, isEnabled}
	var out moderationRuleV2
	if err := s.c.do(ctx, &request{op: op, method: http.MethodPut, path: path, body: body, auth: authAPIKey, idempotent: true}, &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

func (s *ModerationService) deleteRules(ctx context.Context, op, path string, ruleIDs []string) error {
	if err := idList(op, "ruleIDs", ruleIDs, 1000, 900); err != nil {
		return err
	}
	q := query{}
	q.list("ruleIds", ruleIDs)
	return s.c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, query: url.Values(q), auth: authAPIKey, idempotent: true}, nil)
}

// ModerationSettingsV2 are the v2 moderation settings: repetition limits, mute timeouts and
// image moderation.
type ModerationSettingsV2 struct {
	// MaxRepetition is how many times a user may repeat a message within
	// MaxRepetitionTimeout.
	MaxRepetition        int `json:"maxRepetition,omitempty"`
	MaxRepetitionTimeout int `json:"maxRepetitionTimeout,omitempty"`
	// BlacklistMuteTimeout, WhitelistMuteTimeout and MaxRepetitionMuteTimeout are how long a
	// user is muted for breaking the blacklist, the whitelist or the repetition limit.
	BlacklistMuteTimeout     int  `json:"blacklistMuteTimeout,omitempty"`
	WhitelistMuteTimeout     int  `json:"whitelistMuteTimeout,omitempty"`
	MaxRepetitionMuteTimeout int  `json:"maxRepetitionMuteTimeout,omitempty"`
	EnableImageModeration    bool `json:"enableImageModeration,omitempty"`
	// ImageModeration holds the confidence thresholds of image moderation.
	ImageModeration *ImageModerationThresholds `json:"imageModeration,omitempty"`
	CreatedAt       Time                       `json:"createdAt"`
	UpdatedAt       Time                       `json:"updatedAt"`
}

// ImageModerationThresholds are the confidence levels above which an image is refused
// (ErrImageRejected), per category.
type ImageModerationThresholds struct {
	Nudity     *float64 `json:"nudity,omitempty"`
	Suggestive *float64 `json:"suggestive,omitempty"`
	Violence   *float64 `json:"violence,omitempty"`
	Disturbing *float64 `json:"disturbing,omitempty"`
}

// SettingsV2 returns the v2 moderation settings. GET /api/v2/moderation-settings, with the
// API key. Unlike Settings (v3 network settings, the allowlist switch) it holds repetition
// limits, mute timeouts and image moderation.
func (s *ModerationService) SettingsV2(ctx context.Context) (*ModerationSettingsV2, error) {
	var out struct {
		Status string               `json:"status"`
		Data   ModerationSettingsV2 `json:"data"`
	}
	if err := s.c.do(ctx, &request{op: "Moderation.SettingsV2", method: http.MethodGet, path: "/api/v2/moderation-settings", auth: authAPIKey}, &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// UpdateModerationSettingsV2Params changes the v2 moderation settings. Nil fields are left
// as they are; every number must be 0 or more.
type UpdateModerationSettingsV2Params struct {
	MaxRepetition            *int                       `json:"maxRepetition,omitempty"`
	MaxRepetitionTimeout     *int                       `json:"maxRepetitionTimeout,omitempty"`
	BlacklistMuteTimeout     *int                       `json:"blacklistMuteTimeout,omitempty"`
	WhitelistMuteTimeout     *int                       `json:"whitelistMuteTimeout,omitempty"`
	MaxRepetitionMuteTimeout *int                       `json:"maxRepetitionMuteTimeout,omitempty"`
	EnableImageModeration    *bool                      `json:"enableImageModeration,omitempty"`
	ImageModeration          *ImageModerationThresholds `json:"imageModeration,omitempty"`
}

func (p *UpdateModerationSettingsV2Params) validate(op string) error {
	if p == nil {
		return &ValidationError{Op: op, Field: "params", Reason: "must not be nil"}
	}
	ints := []struct {
		name string
		v    *int
	}{
		{"MaxRepetition", p.MaxRepetition}, {"MaxRepetitionTimeout", p.MaxRepetitionTimeout},
		{"BlacklistMuteTimeout", p.BlacklistMuteTimeout}, {"WhitelistMuteTimeout", p.WhitelistMuteTimeout},
		{"MaxRepetitionMuteTimeout", p.MaxRepetitionMuteTimeout},
	}
	for _, f := range ints {
		if f.v != nil && *f.v < 0 {
			return &ValidationError{Op: op, Field: f.name, Reason: "must be 0 or more"}
		}
	}
	if im := p.ImageModeration; im != nil {
		floats := []struct {
			name string
			v    *float64
		}{{"Nudity", im.Nudity}, {"Suggestive", im.Suggestive}, {"Violence", im.Violence}, {"Disturbing", im.Disturbing}}
		for _, f := range floats {
			if f.v != nil && *f.v < 0 {
				return &ValidationError{Op: op, Field: "ImageModeration." + f.name, Reason: "must be 0 or more"}
			}
		}
	}
	return nil
}

// UpdateSettingsV2 changes the v2 moderation settings. PUT /api/v2/moderation-settings,
// with the API key. Unlike UpdateSettings (v3 network settings, the allowlist switch) it
// sets repetition limits, mute timeouts and image moderation. Idempotent by construction
// (it sets the given values), so it is retried like a read.
func (s *ModerationService) UpdateSettingsV2(ctx context.Context, params *UpdateModerationSettingsV2Params) error {
	const op = "Moderation.UpdateSettingsV2"
	if err := params.validate(op); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPut, path: "/api/v2/moderation-settings", body: params, auth: authAPIKey, idempotent: true}, nil)
}

// AddBlacklistRecordsV1 adds rules to the v1 blacklist. POST /v1/blacklist/records (no /api
// prefix), with the API key. Unlike AddToBlocklist (v3) it has no exact-word option and no
// stated bounds. Not retried after it may have reached the server (it adds rules).
func (s *ModerationService) AddBlacklistRecordsV1(ctx context.Context, regexs []string) error {
	const op = "Moderation.AddBlacklistRecordsV1"
	if err := moderationRegexs(op, "regexs", regexs, 0, 0); err != nil {
		return err
	}
	body := struct {
		Regexs []string `json:"regexs"`
	}{regexs}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/v1/blacklist/records", body: body, auth: authAPIKey}, nil)
}

// RefreshBlacklistV1 replaces all rules of the v1 blacklist with regexs.
// PUT /v1/blacklist/records (no /api prefix), with the API key; RefreshBlacklistV2 is the v2
// form. Idempotent by construction (it sets the whole list), so it is retried like a read.
func (s *ModerationService) RefreshBlacklistV1(ctx context.Context, regexs []string) error {
	return s.replaceRules(ctx, "Moderation.RefreshBlacklistV1", "/v1/blacklist/records", regexs)
}

// DeleteBlacklistRecordsV1 deletes rules from the v1 blacklist.
// DELETE /v1/blacklist/records?ruleIds= (no /api prefix), with the API key;
// DeleteBlacklistRecordsV2 is the v2 form. The spec names the parameter ruleIds but
// describes it as the regular expressions to delete. Idempotent by construction (deleted
// rules stay deleted), so it is retried like a read.
func (s *ModerationService) DeleteBlacklistRecordsV1(ctx context.Context, ruleIDs []string) error {
	return s.deleteRules(ctx, "Moderation.DeleteBlacklistRecordsV1", "/v1/blacklist/records", ruleIDs)
}

// moderationRegexs checks a required list of rules: not empty, at most maxN items (0: no
// bound), each non-blank and at most maxLength characters (0: no bound).
func moderationRegexs(op, field string, regexs []string, maxN, maxLength int) error {
	if len(regexs) == 0 {
		return &ValidationError{Op: op, Field: field, Reason: "must hold at least 1 rule"}
	}
	if maxN > 0 {
		if err := maxItems(op, field, len(regexs), maxN); err != nil {
			return err
		}
	}
	for i, r := range regexs {
		name := fmt.Sprintf("%s[%d]", field, i)
		if err := required(op, name, r); err != nil {
			return err
		}
		if maxLength > 0 {
			if err := maxLen(op, name, r, maxLength); err != nil {
				return err
			}
		}
	}
	return nil
}

// moderationOptionalList checks an optional filter list: no blank item.
func moderationOptionalList(op, field string, vs []string) error {
	for i, v := range vs {
		if err := required(op, fmt.Sprintf("%s[%d]", field, i), v); err != nil {
			return err
		}
	}
	return nil
}
