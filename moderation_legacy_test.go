package amity_test

// The legacy word lists and settings (c.Moderation.V1 and V2): the v1 and v2 blacklist and
// whitelist records and the v2 moderation settings.

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestModerationBlacklistV2(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("GET", "/api/v2/blacklist/records", fixture(t, "moderation_rules_v2.json"))
	rec.route("POST", "/api/v2/blacklist/records", "")
	rec.route("PUT", "/api/v2/blacklist/records", "")
	rec.route("PUT", "/api/v2/blacklist/records/v2-rule%2F1", fixture(t, "moderation_rule_v2.json"))
	rec.route("DELETE", "/api/v2/blacklist/records", "")

	rp, err := c.Moderation.V2.GetBlacklistRecords(ctx, &amity.V2GetRecordsParams{Regexs: []string{"bad", "worse"}})
	require.NoError(t, err)
	rules := rp.Rules()
	require.Len(t, rules, 2)
	assert.Equal(t, "success", rp.Status)
	assert.NotEmpty(t, rp.Raw)
	assert.Equal(t, "v2-rule-1", rules[0].RuleID)
	assert.True(t, rules[0].IsMatchExactWord)
	assert.Equal(t, 2023, rules[0].CreatedAt.Year())
	assert.Equal(t, 2, rules[0].UpdatedAt.Day())
	assert.Equal(t, "regexs%5B%5D=bad&regexs%5B%5D=worse", rec.last(t).Query)
	assert.Equal(t, apiKey, rec.last(t).Header.Get("X-API-Key"), "the v2 calls carry the API key")
	assert.Equal(t, "Bearer "+adminToken, rec.last(t).Header.Get("Authorization"))

	_, err = c.Moderation.V2.GetBlacklistRecords(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, rec.last(t).Query)

	require.NoError(t, c.Moderation.V2.AddBlacklistRecords(ctx, &amity.V2AddBlacklistRecordsParams{Regexs: []string{"bad"}, IsMatchExactWord: amity.Ptr(true)}))
	assert.JSONEq(t, `{"regexs":["bad"],"isMatchExactWord":true}`, rec.last(t).Body)
	assert.Equal(t, apiKey, rec.last(t).Header.Get("X-API-Key"))

	require.NoError(t, c.Moderation.V2.RefreshBlacklist(ctx, &amity.V2RecordsParams{Regexs: []string{"a", "b"}}))
	assert.Equal(t, "PUT", rec.last(t).Method)
	assert.JSONEq(t, `{"regexs":["a","b"]}`, rec.last(t).Body)

	rulep, err := c.Moderation.V2.UpdateBlacklistRecord(ctx, "v2-rule/1", &amity.V2UpdateRecordParams{IsEnabled: false})
	require.NoError(t, err)
	rule := rulep.Rule()
	assert.Equal(t, "/api/v2/blacklist/records/v2-rule%2F1", rec.last(t).Path, "the rule ID is one escaped segment")
	assert.JSONEq(t, `{"ruleId":"v2-rule/1","isEnabled":false}`, rec.last(t).Body)
	assert.False(t, rule.IsEnabled)
	assert.Equal(t, 2024, rule.UpdatedAt.Year())

	require.NoError(t, c.Moderation.V2.DeleteBlacklistRecords(ctx, &amity.V2DeleteRecordsParams{RuleIDs: []string{"r1", "r2"}}))
	assert.Equal(t, "DELETE", rec.last(t).Method)
	assert.Equal(t, "ruleIds%5B%5D=r1&ruleIds%5B%5D=r2", rec.last(t).Query)
}

func TestModerationWhitelistV2(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("GET", "/api/v2/whitelist/records", fixture(t, "moderation_rules_v2.json"))
	rec.route("POST", "/api/v2/whitelist/records", "")
	rec.route("PUT", "/api/v2/whitelist/records", "")
	rec.route("PUT", "/api/v2/whitelist/records/w1", fixture(t, "moderation_rule_v2.json"))
	rec.route("DELETE", "/api/v2/whitelist/records", "", 502, 200)

	rules, err := c.Moderation.V2.GetWhitelistRecords(ctx, &amity.V2GetRecordsParams{Regexs: []string{"example"}})
	require.NoError(t, err)
	assert.Len(t, rules.Rules(), 2)
	var _ []amity.V2WordRule = rules.Data.Results // one rule type for both lists
	assert.Equal(t, "regexs%5B%5D=example", rec.last(t).Query)

	require.NoError(t, c.Moderation.V2.AddWhitelistRecords(ctx, &amity.V2RecordsParams{Regexs: []string{"example.com"}}))
	assert.JSONEq(t, `{"regexs":["example.com"]}`, rec.last(t).Body)
	require.NoError(t, c.Moderation.V2.RefreshWhitelist(ctx, &amity.V2RecordsParams{Regexs: []string{"example.com"}}))
	assert.Equal(t, "PUT", rec.last(t).Method)
	_, err = c.Moderation.V2.UpdateWhitelistRecord(ctx, "w1", &amity.V2UpdateRecordParams{IsEnabled: true})
	require.NoError(t, err)
	assert.JSONEq(t, `{"ruleId":"w1","isEnabled":true}`, rec.last(t).Body)

	n := len(rec.all())
	require.NoError(t, c.Moderation.V2.DeleteWhitelistRecords(ctx, &amity.V2DeleteRecordsParams{RuleIDs: []string{"w1"}}))
	assert.Len(t, rec.all(), n+2, "deleting rules is idempotent: retried after a 502")
	for _, call := range rec.all() {
		assert.Equal(t, apiKey, call.Header.Get("X-API-Key"), "%s %s", call.Method, call.Path)
	}
}

func TestModerationSettingsV2(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("GET", "/api/v2/moderation-settings", fixture(t, "moderation_settings_v2.json"))
	rec.route("PUT", "/api/v2/moderation-settings", `{"status":"success","code":200}`)

	sp, err := c.Moderation.V2.GetSettings(ctx)
	require.NoError(t, err)
	s := sp.Settings()
	assert.NotEmpty(t, sp.Raw)
	assert.Equal(t, 3, s.MaxRepetition)
	assert.Equal(t, 600, s.WhitelistMuteTimeout)
	assert.True(t, s.EnableImageModeration)
	require.NotNil(t, s.ImageModeration)
	require.NotNil(t, s.ImageModeration.Violence)
	assert.InDelta(t, 0.7, *s.ImageModeration.Violence, 1e-9)
	assert.Equal(t, 2024, s.UpdatedAt.Year())
	assert.Equal(t, apiKey, rec.last(t).Header.Get("X-API-Key"))

	require.NoError(t, c.Moderation.V2.UpdateSettings(ctx, &amity.V2UpdateModerationSettingsParams{
		MaxRepetition: amity.Ptr(0), EnableImageModeration: amity.Ptr(true),
		ImageModeration: &amity.ImageModerationThresholds{Nudity: amity.Ptr(0.5)}}))
	assert.JSONEq(t, `{"maxRepetition":0,"enableImageModeration":true,"imageModeration":{"nudity":0.5}}`, rec.last(t).Body)
}

func TestModerationBlacklistV1(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	for _, m := range []string{"POST", "PUT", "DELETE"} {
		rec.route(m, "/v1/blacklist/records", "")
	}
	require.NoError(t, c.Moderation.V1.AddBlacklistRecords(ctx, &amity.V1RecordsParams{Regexs: []string{"bad"}}))
	assert.Equal(t, "/v1/blacklist/records", rec.last(t).Path, "v1 has no /api prefix")
	assert.JSONEq(t, `{"regexs":["bad"]}`, rec.last(t).Body)
	require.NoError(t, c.Moderation.V1.RefreshBlacklist(ctx, &amity.V1RecordsParams{Regexs: []string{"bad", "worse"}}))
	assert.Equal(t, "PUT", rec.last(t).Method)
	assert.JSONEq(t, `{"regexs":["bad","worse"]}`, rec.last(t).Body)
	require.NoError(t, c.Moderation.V1.DeleteBlacklistRecords(ctx, &amity.V1DeleteRecordsParams{RuleIDs: []string{"r9"}}))
	assert.Equal(t, "ruleIds%5B%5D=r9", rec.last(t).Query)
	for _, call := range rec.all() {
		assert.Equal(t, apiKey, call.Header.Get("X-API-Key"))
	}
}
