package amity

// This file is the older moderation APIs: Moderation.V2 (word blacklists and whitelists, the v2
// settings) and Moderation.V1, and their V2 and V1 types.

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// ModerationV2Service holds the v2 word-list (blacklist), link-list (whitelist) and
// moderation-settings calls. Reach it as Client.Moderation.V2.
type ModerationV2Service struct{ c *Client }

// ModerationV1Service holds the v1 blacklist calls. Reach it as Client.Moderation.V1.
type ModerationV1Service struct{ c *Client }

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

// V2RuleCategory is what a v2 blacklist rule applies to.
type V2RuleCategory string

// V2 blacklist rule categories.
const (
	// V2RuleCategoryContent rules apply to content (the server's default).
	V2RuleCategoryContent V2RuleCategory = "content"
	// V2RuleCategoryUser rules apply to user profiles.
	V2RuleCategoryUser V2RuleCategory = "user"
)

// V2RuleSortBy orders the v2 blacklist.
type V2RuleSortBy string

// V2 blacklist orders.
const (
	V2RuleSortFirstCreated V2RuleSortBy = "firstCreated"
	V2RuleSortLastCreated  V2RuleSortBy = "lastCreated"
	V2RuleSortLastUpdated  V2RuleSortBy = "lastUpdated"
)

// V2GetRecordsParams filters V2.GetBlacklistRecords and V2.GetWhitelistRecords.
type V2GetRecordsParams struct {
	// Regexs selects the rules with these words or expressions; nil lists every rule (spec
	// 4.116.1 makes it optional for the whitelist too).
	Regexs []string
	// Category (blacklist only) selects the content (the server's default) or user rules.
	Category V2RuleCategory
	// SortBy (blacklist only) is firstCreated (the server's default), lastCreated or
	// lastUpdated.
	SortBy V2RuleSortBy
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
	// IsMatchExactWord (V2.AddWhitelistRecords only) makes the new rules match whole words
	// only; the Refresh calls refuse it before sending.
	IsMatchExactWord *bool `json:"isMatchExactWord,omitempty"`
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
// params (params may be nil). GET /api/v2/blacklist/records, with the API key. Unlike
// Moderation.ListBlocklist (v3) it has no paging and returns every rule at once.
func (s *ModerationV2Service) GetBlacklistRecords(ctx context.Context, params *V2GetRecordsParams, opts ...CallOption) (*V2WordRulesPayload, error) {
	const op = "Moderation.V2.GetBlacklistRecords"
	params = orZero(params)
	if err := moderationOptionalList(op, "Regexs", params.Regexs); err != nil {
		return nil, err
	}
	q := query{}
	q.list("regexs", params.Regexs)
	q.str("category", string(params.Category))
	q.str("sortBy", string(params.SortBy))
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
	return replaceRules(ctx, s.c, "Moderation.V2.RefreshBlacklist", "/api/v2/blacklist/records", params, opts)
}

// UpdateBlacklistRecord enables or disables one rule of the v2 blacklist and returns it.
// PUT /api/v2/blacklist/records/{ruleId} (an Express-style :ruleId in spec 4.92.0), with the
// API key. v3 has no equivalent. Idempotent by construction (it sets the rule's state), so it is
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

// GetWhitelistRecords returns the rules of the v2 whitelist, all of them or those matching
// params.Regexs (params may be nil; spec 4.92.0 required a filter, 4.116.1 does not).
// GET /api/v2/whitelist/records, with the API key. Unlike Moderation.ListAllowlist (v3) it
// has no paging.
func (s *ModerationV2Service) GetWhitelistRecords(ctx context.Context, params *V2GetRecordsParams, opts ...CallOption) (*V2WordRulesPayload, error) {
	const op = "Moderation.V2.GetWhitelistRecords"
	params = orZero(params)
	if err := moderationOptionalList(op, "Regexs", params.Regexs); err != nil {
		return nil, err
	}
	if params.Category != "" || params.SortBy != "" {
		return nil, &ValidationError{Op: op, Field: "Category", Reason: "and SortBy filter the blacklist only"}
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
	if err := notNil(op, "params", params); err != nil {
		return err
	}
	if err := moderationRegexs(op, "Regexs", params.Regexs, 0, 0); err != nil {
		return err
	}
	return s.c.do(ctx, &request{op: op, method: http.MethodPost, path: "/api/v2/whitelist/records", body: params, auth: authAPIKey, opts: opts}, nil)
}

// RefreshWhitelist replaces all rules of the v2 whitelist with params.Regexs.
// PUT /api/v2/whitelist/records, with the API key. v3 has no equivalent. Idempotent by
// construction (it sets the whole list), so it is retried like a read.
func (s *ModerationV2Service) RefreshWhitelist(ctx context.Context, params *V2RecordsParams, opts ...CallOption) error {
	return replaceRules(ctx, s.c, "Moderation.V2.RefreshWhitelist", "/api/v2/whitelist/records", params, opts)
}

// UpdateWhitelistRecord enables or disables one rule of the v2 whitelist and returns it.
// PUT /api/v2/whitelist/records/{ruleId} (an Express-style :ruleId in spec 4.92.0), with the
// API key. v3 has no equivalent. Idempotent by construction (it sets the rule's state), so it is
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

// updateRule is UpdateBlacklistRecord and UpdateWhitelistRecord.
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

// ruleIDsOf is params' RuleIDs (nil for nil params).
func ruleIDsOf(p *V2DeleteRecordsParams) []string {
	if p == nil {
		return nil
	}
	return p.RuleIDs
}

// replaceRules sends the regexs that replace a word list (the Refresh calls).
func replaceRules(ctx context.Context, c *Client, op, path string, params *V2RecordsParams, opts []CallOption) error {
	params = orZero(params)
	if err := moderationRegexs(op, "Regexs", params.Regexs, 0, 0); err != nil {
		return err
	}
	if params.IsMatchExactWord != nil {
		return &ValidationError{Op: op, Field: "IsMatchExactWord", Reason: "is only sent by V2.AddWhitelistRecords"}
	}
	return c.do(ctx, &request{op: op, method: http.MethodPut, path: path, body: V2RecordsParams{Regexs: params.Regexs}, auth: authAPIKey, idempotent: true, opts: opts}, nil)
}

// deleteRules sends the deletion of word rules by ID.
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

// v1Regexs is params' Regexs (nil for nil params).
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
	return replaceRules(ctx, s.c, "Moderation.V1.RefreshBlacklist", "/v1/blacklist/records", &V2RecordsParams{Regexs: v1Regexs(params)}, opts)
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

// moderationOptionalList checks an optional filter list: no blank item.
func moderationOptionalList(op, field string, vs []string) error {
	for i, v := range vs {
		if err := required(op, fmt.Sprintf("%s[%d]", field, i), v); err != nil {
			return err
		}
	}
	return nil
}
