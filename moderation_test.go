package amity_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestModerationListBlocklistIterates(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "moderation_blocklist_page1.json"), fixture(t, "moderation_blocklist_page2.json")
	listing := recordPages(t, mt, "/api/v3/blocklists", "options[token]", "block-2", p1, p2)
	var rules []amity.BlocklistRule
	for rule, err := range c.Moderation.ListBlocklist(context.Background(), &amity.ListModerationRulesParams{
		PageParams: amity.PageParams{Limit: 2}, Regex: "s", SortBy: amity.ModerationSortLastCreated}) {
		require.NoError(t, err)
		rules = append(rules, rule)
	}
	require.Len(t, rules, 3)
	assert.Equal(t, []string{"badword", "sp[a4]m+", "scam"}, []string{rules[0].Regex, rules[1].Regex, rules[2].Regex})
	assert.True(t, rules[0].IsMatchExactWord)
	assert.True(t, rules[0].IsEnabled)
	assert.False(t, rules[2].IsEnabled)
	assert.Equal(t, atTime(t, "2024-03-05T10:00:00.000Z"), rules[1].UpdatedAt)
	assert.Equal(t, []string{
		"options%5Blimit%5D=2&regex=s&sortBy=lastCreated",
		"options%5Blimit%5D=2&options%5Btoken%5D=block-2&regex=s&sortBy=lastCreated",
	}, listing.queries())
}

func TestModerationListPagesEncodeCursors(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	rec.route("GET", "/api/v3/blocklists", fixture(t, "moderation_blocklist_page1.json"))
	rec.route("GET", "/api/v3/allowlists", fixture(t, "moderation_allowlist.json"))
	ctx := context.Background()
	params := &amity.ListModerationRulesParams{PageParams: amity.PageParams{Limit: 5, PageToken: "tk"}, After: amity.Ptr(int64(10)), Before: amity.Ptr(int64(0))}

	page, err := c.Moderation.ListBlocklistPage(ctx, params)
	require.NoError(t, err)
	assert.Equal(t, "block-2", page.Paging.Next)
	assert.Equal(t, "options%5Bafter%5D=10&options%5Bbefore%5D=0&options%5Blimit%5D=5&options%5Btoken%5D=tk", rec.last(t).Query)
	assert.Equal(t, "Bearer "+adminToken, rec.last(t).Header.Get("Authorization"))
	assert.Empty(t, rec.last(t).Header.Get("X-API-Key"))

	allow, err := c.Moderation.ListAllowlistPage(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, rec.last(t).Query)
	require.Len(t, allow.Results, 1)
	assert.Equal(t, amity.AllowlistRule{RuleID: "allow-1", Regex: "example.com", IsEnabled: true,
		CreatedAt: atTime(t, "2024-02-01T08:00:00.000Z"), UpdatedAt: atTime(t, "2024-02-01T08:00:00.000Z")}, allow.Results[0])
	assert.Empty(t, allow.Paging.Next)

	var domains []string
	for r, err := range c.Moderation.ListAllowlist(ctx, &amity.ListModerationRulesParams{SortBy: amity.ModerationSortFirstCreated}) {
		require.NoError(t, err)
		domains = append(domains, r.Regex)
	}
	assert.Equal(t, []string{"example.com"}, domains)
	assert.Equal(t, "sortBy=firstCreated", rec.last(t).Query)
}

func TestModerationAddToBlocklistInBulk(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v3/blocklists", `{"success":true}`)
	ctx := context.Background()
	words := make([]string, amity.MaxRulesPerRequest)
	for i := range words {
		words[i] = "word" + strings.Repeat("x", i%7)
	}
	require.NoError(t, c.Moderation.AddToBlocklist(ctx, &amity.AddBlocklistParams{Regexs: words, IsMatchExactWord: amity.Ptr(false)}))
	call := rec.last(t)
	assert.Equal(t, "POST", call.Method)
	assert.Equal(t, "application/json", call.Header.Get("Content-Type"))
	assert.Contains(t, call.Body, `"isMatchExactWord":false`, "an explicit false is sent")
	assert.Contains(t, call.Body, `"regexs":["word","wordx",`)

	require.NoError(t, c.Moderation.AddToBlocklist(ctx, &amity.AddBlocklistParams{Regexs: []string{"badword"}}))
	assert.JSONEq(t, `{"regexs":["badword"]}`, rec.last(t).Body)
}

func TestModerationAddIsNotRetried(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v3/blocklists", "", 503, 200)
	err := c.Moderation.AddToBlocklist(context.Background(), &amity.AddBlocklistParams{Regexs: []string{"badword"}})
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 503, ae.StatusCode)
	assert.Len(t, rec.all(), 1, "adding rules is not idempotent: no retry after a 503")
}

func TestModerationVerifyBlocklist(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()

	rec.route("POST", "/api/v3/blocklists/verify", `{"success":true}`)
	v, err := c.Moderation.VerifyBlocklist(ctx, &amity.VerifyBlocklistParams{Texts: []string{"hello there", "nice day"}})
	require.NoError(t, err)
	assert.True(t, v.Passed)
	assert.Nil(t, v.Rejection)
	assert.JSONEq(t, `{"data":["hello there","nice day"]}`, rec.last(t).Body)

	rec.route("POST", "/api/v3/blocklists/verify", `{"status":"error","code":400308,"message":"Some texts contain blocked words","data":{"detail":["badword"]}}`, 403)
	v, err = c.Moderation.VerifyBlocklist(ctx, &amity.VerifyBlocklistParams{Texts: []string{"you badword"}})
	require.NoError(t, err, "a blocked word is a verdict, not an error")
	assert.False(t, v.Passed)
	require.NotNil(t, v.Rejection)
	assert.Equal(t, amity.CodeBanWordFound, v.Rejection.Code)
	assert.JSONEq(t, `{"detail":["badword"]}`, string(v.Rejection.Data))

	// Verification changes nothing, so it is retried after a 5xx.
	rec2 := record(t, mt, "POST", "/api/v3/blocklists/verify", `{"success":true}`, 502, 200)
	v, err = c.Moderation.VerifyBlocklist(ctx, &amity.VerifyBlocklistParams{Texts: []string{"ok"}})
	require.NoError(t, err)
	assert.True(t, v.Passed)
	assert.Len(t, rec2.all(), 2)
}

func TestModerationAllowlist(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("POST", "/api/v3/allowlists", `{"success":true}`)
	require.NoError(t, c.Moderation.AddToAllowlist(ctx, &amity.AddAllowlistParams{Domains: []string{"example.com", "docs.example.org"}}))
	assert.JSONEq(t, `{"regexs":["example.com","docs.example.org"]}`, rec.last(t).Body)

	rec.route("POST", "/api/v3/allowlists/verify", `{"status":"error","code":400309,"message":"Some URLs are not in the allow list"}`, 403)
	v, err := c.Moderation.VerifyAllowlist(ctx, &amity.VerifyAllowlistParams{URLs: []string{"https://evil.example.net/x"}})
	require.NoError(t, err)
	assert.False(t, v.Passed)
	assert.True(t, errors.Is(v.Rejection, amity.ErrLinkNotAllowed))
	assert.JSONEq(t, `{"data":["https://evil.example.net/x"]}`, rec.last(t).Body)

	rec.route("POST", "/api/v3/allowlists/verify", `{"status":"error","code":400000,"message":"Some URLs are not valid"}`, 400)
	_, err = c.Moderation.VerifyAllowlist(ctx, &amity.VerifyAllowlistParams{URLs: []string{"not a url"}})
	var ae *amity.Error
	require.ErrorAs(t, err, &ae, "an invalid URL is an error, not a verdict")
	assert.Equal(t, "Some URLs are not valid", ae.Message)
	assert.Equal(t, "/api/v3/allowlists/verify", ae.Path)
}

func TestModerationSettings(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("GET", "/api/v3/network-settings/moderation", `{"isWhitelistEnabled":true,"futureField":1}`)
	rec.route("PUT", "/api/v3/network-settings/moderation", `{"isWhitelistEnabled":false}`)
	s, err := c.Moderation.GetSettings(ctx)
	require.NoError(t, err)
	assert.True(t, s.IsWhitelistEnabled)

	s, err = c.Moderation.UpdateSettings(ctx, &amity.UpdateModerationSettingsParams{IsWhitelistEnabled: amity.Ptr(false)})
	require.NoError(t, err)
	assert.False(t, s.IsWhitelistEnabled)
	assert.JSONEq(t, `{"isWhitelistEnabled":false}`, rec.last(t).Body)

	_, err = c.Moderation.UpdateSettings(ctx, &amity.UpdateModerationSettingsParams{})
	require.NoError(t, err)
	assert.JSONEq(t, `{}`, rec.last(t).Body, "unset fields are not sent")
}

func TestModerationErrors(t *testing.T) {
	c, mt := mockClient(t, amity.WithMaxRetries(0))
	ctx := context.Background()
	mt.RegisterResponder("GET", "https://api.test/api/v3/blocklists",
		jsonResponder(403, `{"status":"error","code":400301,"message":"Only administrator can do this"}`))
	mt.RegisterResponder("GET", "https://api.test/api/v2/moderation-settings",
		jsonResponder(404, `{"status":"error","code":400400,"message":"Resource Not Found."}`))
	var errs []error
	for _, err := range c.Moderation.ListBlocklist(ctx, nil) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], amity.ErrForbidden)
	var ae *amity.Error
	require.ErrorAs(t, errs[0], &ae)
	assert.Equal(t, amity.CodePermission, ae.Code)

	_, err := c.Moderation.V2.GetSettings(ctx)
	assert.ErrorIs(t, err, amity.ErrNotFound)
}

func TestModerationBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	tooMany := make([]string, amity.MaxRulesPerRequest+1)
	for i := range tooMany {
		tooMany[i] = "w"
	}
	cases := map[string]invalidCase{
		"list limit": {"Limit", func() error {
			return errOf(c.Moderation.ListBlocklistPage(ctx, &amity.ListModerationRulesParams{PageParams: amity.PageParams{Limit: 101}}))
		}},
		"add nil":      {"params", func() error { return c.Moderation.AddToBlocklist(ctx, nil) }},
		"add none":     {"Regexs", func() error { return c.Moderation.AddToBlocklist(ctx, &amity.AddBlocklistParams{}) }},
		"add too many": {"Regexs", func() error { return c.Moderation.AddToBlocklist(ctx, &amity.AddBlocklistParams{Regexs: tooMany}) }},
		"add blank": {"Regexs[1]", func() error {
			return c.Moderation.AddToBlocklist(ctx, &amity.AddBlocklistParams{Regexs: []string{"a", " "}})
		}},
		"add too long": {"Regexs[0]", func() error {
			return c.Moderation.AddToBlocklist(ctx, &amity.AddBlocklistParams{Regexs: []string{strings.Repeat("x", 501)}})
		}},
		"allow nil":      {"params", func() error { return c.Moderation.AddToAllowlist(ctx, nil) }},
		"allow none":     {"Domains", func() error { return c.Moderation.AddToAllowlist(ctx, &amity.AddAllowlistParams{}) }},
		"allow too many": {"Domains", func() error { return c.Moderation.AddToAllowlist(ctx, &amity.AddAllowlistParams{Domains: tooMany}) }},
		"verify nil":     {"params", func() error { return errOf(c.Moderation.VerifyBlocklist(ctx, nil)) }},
		"verify none":    {"Texts", func() error { return errOf(c.Moderation.VerifyBlocklist(ctx, &amity.VerifyBlocklistParams{})) }},
		"verify 11": {"Texts", func() error {
			return errOf(c.Moderation.VerifyBlocklist(ctx, &amity.VerifyBlocklistParams{Texts: tooMany[:11]}))
		}},
		"verify long": {"Texts[0]", func() error {
			return errOf(c.Moderation.VerifyBlocklist(ctx, &amity.VerifyBlocklistParams{Texts: []string{strings.Repeat("x", 501)}}))
		}},
		"verify urls nil": {"params", func() error { return errOf(c.Moderation.VerifyAllowlist(ctx, nil)) }},
		"verify urls none": {"URLs", func() error {
			return errOf(c.Moderation.VerifyAllowlist(ctx, &amity.VerifyAllowlistParams{URLs: []string{}}))
		}},
		"settings nil": {"params", func() error { return errOf(c.Moderation.UpdateSettings(ctx, nil)) }},
		"v2 get blank": {"Regexs[0]", func() error {
			return errOf(c.Moderation.V2.GetBlacklistRecords(ctx, &amity.V2GetRecordsParams{Regexs: []string{""}}))
		}},
		"v2 add nil": {"params", func() error { return c.Moderation.V2.AddBlacklistRecords(ctx, nil) }},
		"v2 add none": {"Regexs", func() error {
			return c.Moderation.V2.AddBlacklistRecords(ctx, &amity.V2AddBlacklistRecordsParams{})
		}},
		"v2 refresh none": {"Regexs", func() error { return c.Moderation.V2.RefreshBlacklist(ctx, nil) }},
		"v2 update no id": {"ruleID", func() error {
			return errOf(c.Moderation.V2.UpdateBlacklistRecord(ctx, " ", &amity.V2UpdateRecordParams{IsEnabled: true}))
		}},
		"v2 update dot": {"ruleID", func() error {
			return errOf(c.Moderation.V2.UpdateWhitelistRecord(ctx, "..", &amity.V2UpdateRecordParams{IsEnabled: true}))
		}},
		"v2 update nil":  {"params", func() error { return errOf(c.Moderation.V2.UpdateBlacklistRecord(ctx, "r1", nil)) }},
		"v2 delete none": {"RuleIDs", func() error { return c.Moderation.V2.DeleteBlacklistRecords(ctx, nil) }},
		"v2 delete blank": {"RuleIDs", func() error {
			return c.Moderation.V2.DeleteWhitelistRecords(ctx, &amity.V2DeleteRecordsParams{RuleIDs: []string{"r1", ""}})
		}},
		// Spec 4.116.1 lists the whole whitelist without a filter; category and sortBy are the
		// blacklist's.
		"v2 whitelist get category": {"Category", func() error {
			return errOf(c.Moderation.V2.GetWhitelistRecords(ctx, &amity.V2GetRecordsParams{SortBy: "lastCreated"}))
		}},
		"v2 whitelist get blank": {"Regexs[0]", func() error {
			return errOf(c.Moderation.V2.GetWhitelistRecords(ctx, &amity.V2GetRecordsParams{Regexs: []string{""}}))
		}},
		"v2 whitelist add nil":  {"params", func() error { return c.Moderation.V2.AddWhitelistRecords(ctx, nil) }},
		"v2 whitelist add none": {"Regexs", func() error { return c.Moderation.V2.AddWhitelistRecords(ctx, &amity.V2RecordsParams{}) }},
		"v2 refresh exact": {"IsMatchExactWord", func() error {
			return c.Moderation.V2.RefreshBlacklist(ctx, &amity.V2RecordsParams{Regexs: []string{"x"}, IsMatchExactWord: amity.Ptr(true)})
		}},
		"v2 whitelist fresh": {"Regexs[0]", func() error {
			return c.Moderation.V2.RefreshWhitelist(ctx, &amity.V2RecordsParams{Regexs: []string{""}})
		}},
		"v2 settings nil": {"params", func() error { return c.Moderation.V2.UpdateSettings(ctx, nil) }},
		"v2 settings neg": {"BlacklistMuteTimeout", func() error {
			return c.Moderation.V2.UpdateSettings(ctx, &amity.V2UpdateModerationSettingsParams{BlacklistMuteTimeout: amity.Ptr(-1)})
		}},
		"v2 settings image": {"ImageModeration.Violence", func() error {
			return c.Moderation.V2.UpdateSettings(ctx, &amity.V2UpdateModerationSettingsParams{ImageModeration: &amity.ImageModerationThresholds{Violence: amity.Ptr(-0.1)}})
		}},
		"v1 add none":     {"Regexs", func() error { return c.Moderation.V1.AddBlacklistRecords(ctx, nil) }},
		"v1 refresh none": {"Regexs", func() error { return c.Moderation.V1.RefreshBlacklist(ctx, &amity.V1RecordsParams{}) }},
		"v1 delete none":  {"RuleIDs", func() error { return c.Moderation.V1.DeleteBlacklistRecords(ctx, nil) }},
	}
	assertInvalidCases(t, cases)
	for range c.Moderation.ListBlocklist(ctx, &amity.ListModerationRulesParams{SortBy: "sideways"}) {
	}
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestModerationListPages(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v3/blocklists", "options[token]", "block-2", fixture(t, "moderation_blocklist_page1.json"), fixture(t, "moderation_blocklist_page2.json"))
	rec := record(t, mt, "GET", "/api/v3/allowlists", fixture(t, "moderation_allowlist.json"))
	ctx := context.Background()
	var rules int
	for p, err := range c.Moderation.ListBlocklistPages(ctx, nil) {
		require.NoError(t, err)
		rules += len(p.Results)
		assert.NotEmpty(t, p.Raw)
	}
	assert.Equal(t, 3, rules)
	assert.Equal(t, []string{"", "options%5Btoken%5D=block-2"}, listing.queries())

	var allow []*amity.AllowlistPayload
	for p, err := range c.Moderation.ListAllowlistPages(ctx, &amity.ListModerationRulesParams{Regex: "ex"}, amity.WithCallHeader("X-Trace", "t")) {
		require.NoError(t, err)
		allow = append(allow, p)
	}
	require.Len(t, allow, 1)
	assert.Equal(t, "regex=ex", rec.last(t).Query)
	assert.Equal(t, "t", rec.last(t).Header.Get("X-Trace"), "call options reach every page")

	for _, err := range c.Moderation.ListAllowlistPages(ctx, &amity.ListModerationRulesParams{PageParams: amity.PageParams{Limit: 101}}) {
		assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	}
	assert.Len(t, rec.all(), 1)
}

// TestModerationUnknownEnumsAreSent: an order the SDK does not know is sent as given.
func TestModerationUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"allowlist sort", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Moderation.ListAllowlistPage(ctx, &amity.ListModerationRulesParams{SortBy: "newest"}))
		}, []string{"newest"}},
	})
}

func TestModerationUnsuccessful(t *testing.T) {
	c, mt := mockClient(t, amity.WithMaxRetries(0))
	ctx := context.Background()
	for _, route := range []struct{ method, path string }{
		{"POST", "/api/v3/blocklists"}, {"POST", "/api/v3/allowlists"},
		{"POST", "/api/v3/blocklists/verify"}, {"POST", "/api/v3/allowlists/verify"},
		{"POST", "/api/v2/blacklist/records"}, {"PUT", "/api/v2/blacklist/records"}, {"DELETE", "/api/v2/blacklist/records"},
		{"POST", "/api/v2/whitelist/records"}, {"PUT", "/api/v2/whitelist/records"}, {"DELETE", "/api/v2/whitelist/records"},
		{"PUT", "/api/v2/moderation-settings"},
		{"POST", "/v1/blacklist/records"}, {"PUT", "/v1/blacklist/records"}, {"DELETE", "/v1/blacklist/records"},
	} {
		mt.RegisterResponder(route.method, "https://api.test"+route.path, jsonResponder(200, `{"success":false}`))
	}
	rx := []string{"bad"}
	calls := map[string]func() error{
		"AddToBlocklist":  func() error { return c.Moderation.AddToBlocklist(ctx, &amity.AddBlocklistParams{Regexs: rx}) },
		"AddToAllowlist":  func() error { return c.Moderation.AddToAllowlist(ctx, &amity.AddAllowlistParams{Domains: rx}) },
		"VerifyBlocklist": func() error { return errOf(c.Moderation.VerifyBlocklist(ctx, &amity.VerifyBlocklistParams{Texts: rx})) },
		"VerifyAllowlist": func() error {
			return errOf(c.Moderation.VerifyAllowlist(ctx, &amity.VerifyAllowlistParams{URLs: []string{"https://x.example"}}))
		},
		"V2.AddBlacklistRecords": func() error {
			return c.Moderation.V2.AddBlacklistRecords(ctx, &amity.V2AddBlacklistRecordsParams{Regexs: rx})
		},
		"V2.RefreshBlacklist": func() error { return c.Moderation.V2.RefreshBlacklist(ctx, &amity.V2RecordsParams{Regexs: rx}) },
		"V2.DeleteBlacklistRecords": func() error {
			return c.Moderation.V2.DeleteBlacklistRecords(ctx, &amity.V2DeleteRecordsParams{RuleIDs: rx})
		},
		"V2.AddWhitelistRecords": func() error { return c.Moderation.V2.AddWhitelistRecords(ctx, &amity.V2RecordsParams{Regexs: rx}) },
		"V2.RefreshWhitelist":    func() error { return c.Moderation.V2.RefreshWhitelist(ctx, &amity.V2RecordsParams{Regexs: rx}) },
		"V2.DeleteWhitelistRecords": func() error {
			return c.Moderation.V2.DeleteWhitelistRecords(ctx, &amity.V2DeleteRecordsParams{RuleIDs: rx})
		},
		"V2.UpdateSettings":      func() error { return c.Moderation.V2.UpdateSettings(ctx, &amity.V2UpdateModerationSettingsParams{}) },
		"V1.AddBlacklistRecords": func() error { return c.Moderation.V1.AddBlacklistRecords(ctx, &amity.V1RecordsParams{Regexs: rx}) },
		"V1.RefreshBlacklist":    func() error { return c.Moderation.V1.RefreshBlacklist(ctx, &amity.V1RecordsParams{Regexs: rx}) },
		"V1.DeleteBlacklistRecords": func() error {
			return c.Moderation.V1.DeleteBlacklistRecords(ctx, &amity.V1DeleteRecordsParams{RuleIDs: rx})
		},
	}
	for name, call := range calls {
		assert.ErrorIs(t, call(), amity.ErrUnsuccessful, name)
	}
}
