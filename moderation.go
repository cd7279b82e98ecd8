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
// older blacklist / whitelist / moderation-settings endpoints, which the spec still lists,
// are on the V2 and V1 fields; they take the API key as well as the token.
type ModerationService struct {
	c *Client
	// V2 holds the v2 blacklist, whitelist and moderation-settings calls.
	V2 *ModerationV2Service
	// V1 holds the v1 blacklist calls (paths without the /api prefix).
	V1 *ModerationV1Service
}

// ModerationV2Service holds the v2 word-list (blacklist), link-list (whitelist) and
// moderation-settings calls. Reach it as Client.Moderation.V2.
type ModerationV2Service struct{ c *Client }

// ModerationV1Service holds the v1 blacklist calls. Reach it as Client.Moderation.V1.
type ModerationV1Service struct{ c *Client }

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
	// CreatedAt and UpdatedAt are when the rule was added and last changed.
	CreatedAt Time `json:"createdAt"`
	UpdatedAt Time `json:"updatedAt"`
}

// AllowlistRule is a rule of the v3 allowlist: a link domain (or regular expression) that
// links in content may point to.
type AllowlistRule struct {
	RuleID string `json:"ruleId"`
	// Regex is the allowed domain or regular expression.
	Regex     string `json:"regex"`
	IsDeleted bool   `json:"isDeleted,omitempty"`
	IsEnabled bool   `json:"isEnabled,omitempty"`
	// CreatedAt and UpdatedAt are when the rule was added and last changed.
	CreatedAt Time `json:"createdAt"`
	UpdatedAt Time `json:"updatedAt"`
}

// BlocklistPayload is one page of blocklist rules.
type BlocklistPayload struct {
	rawJSON
	Results []BlocklistRule `json:"results"`
	Paging  Paging          `json:"paging"`
}

func (p *BlocklistPayload) pageItems() []BlocklistRule { return p.Results }
func (p *BlocklistPayload) pageInfo() Paging           { return p.Paging }

// AllowlistPayload is one page of allowlist rules.
type AllowlistPayload struct {
	rawJSON
	Results []AllowlistRule `json:"results"`
	Paging  Paging          `json:"paging"`
}

func (p *AllowlistPayload) pageItems() []AllowlistRule { return p.Results }
func (p *AllowlistPayload) pageInfo() Paging           { return p.Paging }

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
	p = orZero(p)
	q, err := p.PageParams.optionsQuery(op, 0)
	if err != nil {
		return nil, err
	}
	q.str("regex", p.Regex)
	q.str("sortBy", string(p.SortBy))
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
func (s *ModerationService) ListBlocklist(ctx context.Context, params *ListModerationRulesParams, opts ...CallOption) iter.Seq2[BlocklistRule, error] {
	return listAll(ctx, params, opts, s.ListBlocklistPage)
}

// ListBlocklistPages returns an iterator over the pages of the blocklist's rules.
// GET /api/v3/blocklists.
func (s *ModerationService) ListBlocklistPages(ctx context.Context, params *ListModerationRulesParams, opts ...CallOption) iter.Seq2[*BlocklistPayload, error] {
	return pages(ctx, params, opts, s.ListBlocklistPage)
}

// ListBlocklistPage returns one page of the blocklist's rules. GET /api/v3/blocklists.
func (s *ModerationService) ListBlocklistPage(ctx context.Context, params *ListModerationRulesParams, opts ...CallOption) (*BlocklistPayload, error) {
	const op = "Moderation.ListBlocklistPage"
	return listPage[BlocklistPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/blocklists", opts: opts}, params)
}

// ListAllowlist returns an iterator over the allowlist's rules (allowed link domains),
// fetching pages as it goes. GET /api/v3/allowlists.
func (s *ModerationService) ListAllowlist(ctx context.Context, params *ListModerationRulesParams, opts ...CallOption) iter.Seq2[AllowlistRule, error] {
	return listAll(ctx, params, opts, s.ListAllowlistPage)
}

// ListAllowlistPages returns an iterator over the pages of the allowlist's rules.
// GET /api/v3/allowlists.
func (s *ModerationService) ListAllowlistPages(ctx context.Context, params *ListModerationRulesParams, opts ...CallOption) iter.Seq2[*AllowlistPayload, error] {
	return pages(ctx, params, opts, s.ListAllowlistPage)
}

// ListAllowlistPage returns one page of the allowlist's rules. GET /api/v3/allowlists.
func (s *ModerationService) ListAllowlistPage(ctx context.Context, params *ListModerationRulesParams, opts ...CallOption) (*AllowlistPayload, error) {
	const op = "Moderation.ListAllowlistPage"
	return listPage[AllowlistPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v3/allowlists", opts: opts}, params)
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

// AddToBlocklist adds up to 100 rules to the blocklist in one call. POST /api/v3/blocklists.
// An answer of success false is an *Error matching ErrUnsuccessful. Not retried after it may
// have reached the server (it adds rules).
func (s *ModerationService) AddToBlocklist(ctx context.Context, params *AddBlocklistParams, opts ...CallOption) error {
	const op = "Moderation.AddToBlocklist"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	if err := moderationRegexs(op, "Regexs", params.Regexs, MaxRulesPerRequest, 500); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v3/blocklists", body: params, opts: opts}, nil)
}

// AddAllowlistParams is the body of AddToAllowlist.
type AddAllowlistParams struct {
	// Domains (required) are the link domains (or regular expressions) to allow: 1 to 100 of
	// them, each 1 to 500 characters. The API calls them regexs.
	Domains []string `json:"regexs"`
}

// AddToAllowlist adds up to 100 link domains (or regular expressions) to the allowlist in
// one call; with link moderation on, links to other domains are refused with
// ErrLinkNotAllowed. POST /api/v3/allowlists. An answer of success false is an *Error
// matching ErrUnsuccessful. Not retried after it may have reached the server (it adds
// rules).
func (s *ModerationService) AddToAllowlist(ctx context.Context, params *AddAllowlistParams, opts ...CallOption) error {
	const op = "Moderation.AddToAllowlist"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	if err := moderationRegexs(op, "Domains", params.Domains, MaxRulesPerRequest, 500); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v3/allowlists", body: params, opts: opts}, nil)
}

// ModerationVerdictPayload is the outcome of VerifyBlocklist or VerifyAllowlist.
type ModerationVerdictPayload struct {
	// Passed reports whether every text (or URL) passed the rules.
	Passed bool
	// Rejection, when Passed is false, is the API's answer: code CodeBanWordFound (400308, a
	// text holds a blocked word) or CodeLinkNotAllowed (400309, a URL is not on the
	// allowlist). Its Message and Data tell what failed.
	Rejection *Error
}

// VerifyBlocklistParams holds the texts of VerifyBlocklist.
type VerifyBlocklistParams struct {
	// Texts (required, 1 to 10, each at most 500 characters) are checked.
	Texts []string
}

// VerifyAllowlistParams holds the URLs of VerifyAllowlist.
type VerifyAllowlistParams struct {
	// URLs (required, 1 to 10, each at most 500 characters) are checked.
	URLs []string
}

// VerifyBlocklist checks texts against the blocklist. POST /api/v3/blocklists/verify. A text
// holding a blocked word is a verdict with Passed false, not an error; an answer of success
// false is an *Error matching ErrUnsuccessful, and other failures are errors. Idempotent by
// construction (it only checks the texts and changes nothing), so it is retried like a read.
func (s *ModerationService) VerifyBlocklist(ctx context.Context, params *VerifyBlocklistParams, opts ...CallOption) (*ModerationVerdictPayload, error) {
	const op = "Moderation.VerifyBlocklist"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	return s.verify(ctx, op, "/api/v3/blocklists/verify", "Texts", params.Texts, CodeBanWordFound, opts)
}

// VerifyAllowlist checks URLs against the allowlist. POST /api/v3/allowlists/verify. A URL
// whose domain is not allowed is a verdict with Passed false, not an error; a malformed URL
// is an *Error (400, "Some URLs are not valid"), and an answer of success false an *Error
// matching ErrUnsuccessful. Idempotent by construction (it only checks the URLs), so it is
// retried like a read.
func (s *ModerationService) VerifyAllowlist(ctx context.Context, params *VerifyAllowlistParams, opts ...CallOption) (*ModerationVerdictPayload, error) {
	const op = "Moderation.VerifyAllowlist"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	return s.verify(ctx, op, "/api/v3/allowlists/verify", "URLs", params.URLs, CodeLinkNotAllowed, opts)
}

func (s *ModerationService) verify(ctx context.Context, op, path, field string, data []string, rejectCode int, opts []CallOption) (*ModerationVerdictPayload, error) {
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
	err := s.c.do(ctx, &request{op: op, method: http.MethodPost, path: path, body: body, idempotent: true, opts: opts}, nil)
	var ae *Error
	if errors.As(err, &ae) && ae.Code == rejectCode {
		return &ModerationVerdictPayload{Passed: false, Rejection: ae}, nil
	}
	if err != nil {
		return nil, err
	}
	return &ModerationVerdictPayload{Passed: true}, nil
}

// ModerationSettings are the network's moderation settings (network settings, area
// moderation), the answer of Settings and UpdateSettings.
type ModerationSettings struct {
	rawJSON
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

// GetSettings returns the network's moderation settings. GET /api/v3/network-settings/moderation.
func (s *ModerationService) GetSettings(ctx context.Context, opts ...CallOption) (*ModerationSettings, error) {
	return call[ModerationSettings](ctx, s.c, &request{op: "Moderation.GetSettings", method: http.MethodGet, path: "/api/v3/network-settings/moderation", opts: opts})
}

// UpdateSettings changes the network's moderation settings and returns them.
// PUT /api/v3/network-settings/moderation. Idempotent by construction (it sets the given
// values), so it is retried like a read.
func (s *ModerationService) UpdateSettings(ctx context.Context, params *UpdateModerationSettingsParams, opts ...CallOption) (*ModerationSettings, error) {
	const op = "Moderation.UpdateSettings"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	return call[ModerationSettings](ctx, s.c, &request{op: op, method: http.MethodPut, path: "/api/v3/network-settings/moderation", body: params, idempotent: true, opts: opts})
}

// V2WordRule is a rule of the v2 blacklist (a banned word) or whitelist (an allowed link
// domain): a word or regular expression.
type V2WordRule struct {
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

// V2WordRulesPayload is the {status, data: {results}} answer of the v2 rule listings.
type V2WordRulesPayload struct {
	rawJSON
	Status string `json:"status"`
	Data   struct {
		// Results are the rules.
		Results []V2WordRule `json:"results"`
	} `json:"data"`
}

// Rules returns the rules of the answer.
func (p *V2WordRulesPayload) Rules() []V2WordRule { return p.Data.Results }

// V2WordRulePayload is the {status, data: rule} answer of the v2 rule updates.
type V2WordRulePayload struct {
	rawJSON
	Status string `json:"status"`
	// Data is the rule as it now is.
	Data V2WordRule `json:"data"`
}

// Rule returns the rule of the answer.
func (p *V2WordRulePayload) Rule() *V2WordRule { return &p.Data }

// V2GetRecordsParams filters V2.GetBlacklistRecords and V2.GetWhitelistRecords.
type V2GetRecordsParams struct {
	// Regexs selects the rules with these words or expressions: optional for the blacklist
	// (nil lists every rule), required (at least one) for the whitelist.
	Regexs []string
}

// V2AddBlacklistRecordsParams is the body of V2.AddBlacklistRecords.
type V2AddBlacklistRecordsParams struct {
	// Regexs (required) are the words or regular expressions to add.
	Regexs []string `json:"regexs"`
	// IsMatchExactWord makes the new rules match whole words only.
	IsMatchExactWord *bool `json:"isMatchExactWord,omitempty"`
}

// V2RecordsParams holds the rules of V2.AddWhitelistRecords, V2.RefreshBlacklist and
// V2.RefreshWhitelist.
type V2RecordsParams struct {
	// Regexs (required, at least one) are the words, domains or regular expressions.
	Regexs []string `json:"regexs"`
}

// V2UpdateRecordParams is the body of V2.UpdateBlacklistRecord and V2.UpdateWhitelistRecord.
type V2UpdateRecordParams struct {
	// IsEnabled turns the rule on or off.
	IsEnabled bool
}

// V2DeleteRecordsParams names the rules of V2.DeleteBlacklistRecords and
// V2.DeleteWhitelistRecords.
type V2DeleteRecordsParams struct {
	// RuleIDs (required, 1 to 1,000, each 1 to 900 characters) are the rules to delete.
	RuleIDs []string
}

// GetBlacklistRecords returns the rules of the v2 blacklist, all of them or those matching
// params.Regexs (params may be nil). GET /api/v2/blacklist/records, with the API key. Unlike
// Moderation.ListBlocklist (v3) it has no paging and returns every rule at once.
func (s *ModerationV2Service) GetBlacklistRecords(ctx context.Context, params *V2GetRecordsParams, opts ...CallOption) (*V2WordRulesPayload, error) {
	const op = "Moderation.V2.GetBlacklistRecords"
	var regexs []string
	if params != nil {
		regexs = params.Regexs
	}
	if err := moderationOptionalList(op, "Regexs", regexs); err != nil {
		return nil, err
	}
	q := query{}
	q.list("regexs", regexs)
	return call[V2WordRulesPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v2/blacklist/records", query: url.Values(q), auth: authAPIKey, opts: opts})
}

// AddBlacklistRecords adds rules to the v2 blacklist. POST /api/v2/blacklist/records, with
// the API key. Unlike Moderation.AddToBlocklist (v3) the spec sets no bound on the count or
// length of the rules. Not retried after it may have reached the server (it adds rules).
func (s *ModerationV2Service) AddBlacklistRecords(ctx context.Context, params *V2AddBlacklistRecordsParams, opts ...CallOption) error {
	const op = "Moderation.V2.AddBlacklistRecords"
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	if err := moderationRegexs(op, "Regexs", params.Regexs, 0, 0); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v2/blacklist/records", body: params, auth: authAPIKey, opts: opts}, nil)
}

// RefreshBlacklist replaces all rules of the v2 blacklist with params.Regexs.
// PUT /api/v2/blacklist/records, with the API key. v3 has no equivalent. Idempotent by
// construction (it sets the whole list), so it is retried like a read.
func (s *ModerationV2Service) RefreshBlacklist(ctx context.Context, params *V2RecordsParams, opts ...CallOption) error {
	return replaceRules(ctx, s.c, "Moderation.V2.RefreshBlacklist", "/api/v2/blacklist/records", regexsOf(params), opts)
}

// UpdateBlacklistRecord enables or disables one rule of the v2 blacklist and returns it.
// PUT /api/v2/blacklist/records/:ruleId (an Express-style path in the spec), with the API
// key. v3 has no equivalent. Idempotent by construction (it sets the rule's state), so it is
// retried like a read.
func (s *ModerationV2Service) UpdateBlacklistRecord(ctx context.Context, ruleID string, params *V2UpdateRecordParams, opts ...CallOption) (*V2WordRulePayload, error) {
	return s.updateRule(ctx, "Moderation.V2.UpdateBlacklistRecord", "/api/v2/blacklist/records/%s", ruleID, params, opts)
}

// DeleteBlacklistRecords deletes rules from the v2 blacklist by ID.
// DELETE /api/v2/blacklist/records?ruleIds=, with the API key. v3 has no equivalent.
// Idempotent by construction (deleted rules stay deleted), so it is retried like a read.
func (s *ModerationV2Service) DeleteBlacklistRecords(ctx context.Context, params *V2DeleteRecordsParams, opts ...CallOption) error {
	return deleteRules(ctx, s.c, "Moderation.V2.DeleteBlacklistRecords", "/api/v2/blacklist/records", ruleIDsOf(params), opts)
}

// GetWhitelistRecords returns the rules of the v2 whitelist matching params.Regexs
// (required by the spec, at least one). GET /api/v2/whitelist/records, with the API key.
// Unlike Moderation.ListAllowlist (v3) it needs a filter and has no paging.
func (s *ModerationV2Service) GetWhitelistRecords(ctx context.Context, params *V2GetRecordsParams, opts ...CallOption) (*V2WordRulesPayload, error) {
	const op = "Moderation.V2.GetWhitelistRecords"
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	if err := moderationRegexs(op, "Regexs", params.Regexs, 0, 0); err != nil {
		return nil, err
	}
	q := query{}
	q.list("regexs", params.Regexs)
	return call[V2WordRulesPayload](ctx, s.c, &request{op: op, method: http.MethodGet, path: "/api/v2/whitelist/records", query: url.Values(q), auth: authAPIKey, opts: opts})
}

// AddWhitelistRecords adds rules to the v2 whitelist. POST /api/v2/whitelist/records, with
// the API key. Unlike Moderation.AddToAllowlist (v3) the spec sets no bound on the count or
// length of the rules. Not retried after it may have reached the server (it adds rules).
func (s *ModerationV2Service) AddWhitelistRecords(ctx context.Context, params *V2RecordsParams, opts ...CallOption) error {
	const op = "Moderation.V2.AddWhitelistRecords"
	regexs := regexsOf(params)
	if err := moderationRegexs(op, "Regexs", regexs, 0, 0); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v2/whitelist/records", body: V2RecordsParams{Regexs: regexs}, auth: authAPIKey, opts: opts}, nil)
}

// RefreshWhitelist replaces all rules of the v2 whitelist with params.Regexs.
// PUT /api/v2/whitelist/records, with the API key. v3 has no equivalent. Idempotent by
// construction (it sets the whole list), so it is retried like a read.
func (s *ModerationV2Service) RefreshWhitelist(ctx context.Context, params *V2RecordsParams, opts ...CallOption) error {
	return replaceRules(ctx, s.c, "Moderation.V2.RefreshWhitelist", "/api/v2/whitelist/records", regexsOf(params), opts)
}

// UpdateWhitelistRecord enables or disables one rule of the v2 whitelist and returns it.
// PUT /api/v2/whitelist/records/:ruleId (an Express-style path in the spec), with the API
// key. v3 has no equivalent. Idempotent by construction (it sets the rule's state), so it is
// retried like a read.
func (s *ModerationV2Service) UpdateWhitelistRecord(ctx context.Context, ruleID string, params *V2UpdateRecordParams, opts ...CallOption) (*V2WordRulePayload, error) {
	return s.updateRule(ctx, "Moderation.V2.UpdateWhitelistRecord", "/api/v2/whitelist/records/%s", ruleID, params, opts)
}

// DeleteWhitelistRecords deletes rules from the v2 whitelist by ID.
// DELETE /api/v2/whitelist/records?ruleIds=, with the API key. v3 has no equivalent.
// Idempotent by construction (deleted rules stay deleted), so it is retried like a read.
func (s *ModerationV2Service) DeleteWhitelistRecords(ctx context.Context, params *V2DeleteRecordsParams, opts ...CallOption) error {
	return deleteRules(ctx, s.c, "Moderation.V2.DeleteWhitelistRecords", "/api/v2/whitelist/records", ruleIDsOf(params), opts)
}

func (s *ModerationV2Service) updateRule(ctx context.Context, op, format, ruleID string, params *V2UpdateRecordParams, opts []CallOption) (*V2WordRulePayload, error) {
	path, err := pathf(op, format, id("ruleID", ruleID))
	if err != nil {
		return nil, err
	}
	if err := notNil(op, "params", params); err != nil {
		return nil, err
	}
	body := struct {
		RuleID    string `json:"ruleId"`
		IsEnabled bool   `json:"isEnabled"`
	}{ruleID, params.IsEnabled}
	return call[V2WordRulePayload](ctx, s.c, &request{op: op, method: http.MethodPut, path: path, body: body, auth: authAPIKey, idempotent: true, opts: opts})
}

func regexsOf(p *V2RecordsParams) []string {
	if p == nil {
		return nil
	}
	return p.Regexs
}

func ruleIDsOf(p *V2DeleteRecordsParams) []string {
	if p == nil {
		return nil
	}
	return p.RuleIDs
}

func replaceRules(ctx context.Context, c *Client, op, path string, regexs []string, opts []CallOption) error {
	if err := moderationRegexs(op, "Regexs", regexs, 0, 0); err != nil {
		return err
	}
	return c.do(ctx, &request{op: op, method: http.MethodPut, path: path, body: V2RecordsParams{Regexs: regexs}, auth: authAPIKey, idempotent: true, opts: opts}, nil)
}

func deleteRules(ctx context.Context, c *Client, op, path string, ruleIDs []string, opts []CallOption) error {
	if err := idList(op, "RuleIDs", ruleIDs, 1000, 900); err != nil {
		return err
	}
	q := query{}
	q.list("ruleIds", ruleIDs)
	return c.do(ctx, &request{op: op, method: http.MethodDelete, path: path, query: url.Values(q), auth: authAPIKey, idempotent: true, opts: opts}, nil)
}

// V2ModerationSettings are the v2 moderation settings: repetition limits, mute timeouts and
// image moderation.
type V2ModerationSettings struct {
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

// V2ModerationSettingsPayload is the {status, data} answer of V2.Settings.
type V2ModerationSettingsPayload struct {
	rawJSON
	Status string `json:"status"`
	// Data are the settings.
	Data V2ModerationSettings `json:"data"`
}

// Settings returns the settings of the answer.
func (p *V2ModerationSettingsPayload) Settings() *V2ModerationSettings { return &p.Data }

// ImageModerationThresholds are the confidence levels above which an image is refused
// (ErrImageRejected), per category.
type ImageModerationThresholds struct {
	Nudity     *float64 `json:"nudity,omitempty"`
	Suggestive *float64 `json:"suggestive,omitempty"`
	Violence   *float64 `json:"violence,omitempty"`
	Disturbing *float64 `json:"disturbing,omitempty"`
}

// GetSettings returns the v2 moderation settings. GET /api/v2/moderation-settings, with the
// API key. Unlike Moderation.GetSettings (v3 network settings, the allowlist switch) it holds
// repetition limits, mute timeouts and image moderation.
func (s *ModerationV2Service) GetSettings(ctx context.Context, opts ...CallOption) (*V2ModerationSettingsPayload, error) {
	return call[V2ModerationSettingsPayload](ctx, s.c, &request{op: "Moderation.V2.GetSettings", method: http.MethodGet, path: "/api/v2/moderation-settings", auth: authAPIKey, opts: opts})
}

// V2UpdateModerationSettingsParams changes the v2 moderation settings. Nil fields are left
// as they are; every number must be 0 or more.
type V2UpdateModerationSettingsParams struct {
	MaxRepetition            *int                       `json:"maxRepetition,omitempty"`
	MaxRepetitionTimeout     *int                       `json:"maxRepetitionTimeout,omitempty"`
	BlacklistMuteTimeout     *int                       `json:"blacklistMuteTimeout,omitempty"`
	WhitelistMuteTimeout     *int                       `json:"whitelistMuteTimeout,omitempty"`
	MaxRepetitionMuteTimeout *int                       `json:"maxRepetitionMuteTimeout,omitempty"`
	EnableImageModeration    *bool                      `json:"enableImageModeration,omitempty"`
	ImageModeration          *ImageModerationThresholds `json:"imageModeration,omitempty"`
}

func (p *V2UpdateModerationSettingsParams) validate(op string) error {
	if err := notNil(op, "params", p); err != nil {
		return err
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

// UpdateSettings changes the v2 moderation settings. PUT /api/v2/moderation-settings, with
// the API key. Unlike Moderation.UpdateSettings (v3 network settings, the allowlist switch)
// it sets repetition limits, mute timeouts and image moderation. Idempotent by construction
// (it sets the given values), so it is retried like a read.
func (s *ModerationV2Service) UpdateSettings(ctx context.Context, params *V2UpdateModerationSettingsParams, opts ...CallOption) error {
	const op = "Moderation.V2.UpdateSettings"
	if err := params.validate(op); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPut, path: "/api/v2/moderation-settings", body: params, auth: authAPIKey, idempotent: true, opts: opts}, nil)
}

// V1RecordsParams holds the rules of V1.AddBlacklistRecords and V1.RefreshBlacklist.
type V1RecordsParams struct {
	// Regexs (required, at least one) are the words or regular expressions.
	Regexs []string `json:"regexs"`
}

// V1DeleteRecordsParams names the rules of V1.DeleteBlacklistRecords.
type V1DeleteRecordsParams struct {
	// RuleIDs (required, 1 to 1,000, each 1 to 900 characters). The spec names the parameter
	// ruleIds but describes it as the regular expressions to delete.
	RuleIDs []string
}

func v1Regexs(p *V1RecordsParams) []string {
	if p == nil {
		return nil
	}
	return p.Regexs
}

// AddBlacklistRecords adds rules to the v1 blacklist. POST /v1/blacklist/records (no /api
// prefix), with the API key. Unlike Moderation.AddToBlocklist (v3) it has no exact-word
// option and no stated bounds. Not retried after it may have reached the server (it adds
// rules).
func (s *ModerationV1Service) AddBlacklistRecords(ctx context.Context, params *V1RecordsParams, opts ...CallOption) error {
	const op = "Moderation.V1.AddBlacklistRecords"
	regexs := v1Regexs(params)
	if err := moderationRegexs(op, "Regexs", regexs, 0, 0); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/v1/blacklist/records", body: V1RecordsParams{Regexs: regexs}, auth: authAPIKey, opts: opts}, nil)
}

// RefreshBlacklist replaces all rules of the v1 blacklist with params.Regexs.
// PUT /v1/blacklist/records (no /api prefix), with the API key; V2.RefreshBlacklist is the
// v2 form. Idempotent by construction (it sets the whole list), so it is retried like a read.
func (s *ModerationV1Service) RefreshBlacklist(ctx context.Context, params *V1RecordsParams, opts ...CallOption) error {
	return replaceRules(ctx, s.c, "Moderation.V1.RefreshBlacklist", "/v1/blacklist/records", v1Regexs(params), opts)
}

// DeleteBlacklistRecords deletes rules from the v1 blacklist.
// DELETE /v1/blacklist/records?ruleIds= (no /api prefix), with the API key;
// V2.DeleteBlacklistRecords is the v2 form. Idempotent by construction (deleted rules stay
// deleted), so it is retried like a read.
func (s *ModerationV1Service) DeleteBlacklistRecords(ctx context.Context, params *V1DeleteRecordsParams, opts ...CallOption) error {
	var ids []string
	if params != nil {
		ids = params.RuleIDs
	}
	return deleteRules(ctx, s.c, "Moderation.V1.DeleteBlacklistRecords", "/v1/blacklist/records", ids, opts)
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
