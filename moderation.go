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

// verify is VerifyBlocklist and VerifyAllowlist: a verdict on data, rejected with rejectCode.
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
	// IsReportEnabled turns the moderation activity report on (spec 4.116.1).
	IsReportEnabled bool `json:"isReportEnabled"`
}

// UpdateModerationSettingsParams changes the network's moderation settings. Nil fields are
// left as they are.
type UpdateModerationSettingsParams struct {
	// IsWhitelistEnabled turns link moderation (the allowlist) on or off.
	IsWhitelistEnabled *bool `json:"isWhitelistEnabled,omitempty"`
	// IsReportEnabled turns the moderation activity report on or off.
	IsReportEnabled *bool `json:"isReportEnabled,omitempty"`
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
