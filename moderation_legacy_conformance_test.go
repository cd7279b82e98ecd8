package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		// v2 blacklist.
		conformanceCase{Method: "Moderation.V2.GetBlacklistRecords", Op: "GET /api/v2/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.V2.GetBlacklistRecords(ctx, nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.V2.GetBlacklistRecords(ctx, &amity.V2GetRecordsParams{Regexs: []string{"bad", "worse"},
					Category: amity.V2RuleCategoryUser, SortBy: amity.V2RuleSortLastUpdated}))
			}},
		conformanceCase{Method: "Moderation.V2.AddBlacklistRecords", Op: "POST /api/v2/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V2.AddBlacklistRecords(ctx, &amity.V2AddBlacklistRecordsParams{Regexs: []string{"bad"}})
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V2.AddBlacklistRecords(ctx, &amity.V2AddBlacklistRecordsParams{Regexs: []string{"bad"}, IsMatchExactWord: amity.Ptr(true)})
			}},
		conformanceCase{Method: "Moderation.V2.RefreshBlacklist", Op: "PUT /api/v2/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V2.RefreshBlacklist(ctx, &amity.V2RecordsParams{Regexs: []string{"bad", "worse"}})
			}},
		conformanceCase{Method: "Moderation.V2.UpdateBlacklistRecord", Op: "PUT /api/v2/blacklist/records/{ruleId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.V2.UpdateBlacklistRecord(ctx, "r1", &amity.V2UpdateRecordParams{IsEnabled: false}))
			}},
		conformanceCase{Method: "Moderation.V2.DeleteBlacklistRecords", Op: "DELETE /api/v2/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V2.DeleteBlacklistRecords(ctx, &amity.V2DeleteRecordsParams{RuleIDs: []string{"r1", "r2"}})
			}},
		// v2 whitelist.
		conformanceCase{Method: "Moderation.V2.GetWhitelistRecords", Op: "GET /api/v2/whitelist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.V2.GetWhitelistRecords(ctx, nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.V2.GetWhitelistRecords(ctx, &amity.V2GetRecordsParams{Regexs: []string{"example", "example.org"}}))
			}},
		conformanceCase{Method: "Moderation.V2.AddWhitelistRecords", Op: "POST /api/v2/whitelist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V2.AddWhitelistRecords(ctx, &amity.V2RecordsParams{Regexs: []string{"example.com"}})
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V2.AddWhitelistRecords(ctx, &amity.V2RecordsParams{Regexs: []string{"example.com"}, IsMatchExactWord: amity.Ptr(true)})
			}},
		conformanceCase{Method: "Moderation.V2.RefreshWhitelist", Op: "PUT /api/v2/whitelist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V2.RefreshWhitelist(ctx, &amity.V2RecordsParams{Regexs: []string{"example.com"}})
			}},
		conformanceCase{Method: "Moderation.V2.UpdateWhitelistRecord", Op: "PUT /api/v2/whitelist/records/{ruleId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.V2.UpdateWhitelistRecord(ctx, "r1", &amity.V2UpdateRecordParams{IsEnabled: true}))
			}},
		conformanceCase{Method: "Moderation.V2.DeleteWhitelistRecords", Op: "DELETE /api/v2/whitelist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V2.DeleteWhitelistRecords(ctx, &amity.V2DeleteRecordsParams{RuleIDs: []string{"r1"}})
			}},
		// v2 moderation settings.
		conformanceCase{Method: "Moderation.V2.GetSettings", Op: "GET /api/v2/moderation-settings",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Moderation.V2.GetSettings(ctx)) }},
		conformanceCase{Method: "Moderation.V2.UpdateSettings", Op: "PUT /api/v2/moderation-settings",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V2.UpdateSettings(ctx, &amity.V2UpdateModerationSettingsParams{})
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V2.UpdateSettings(ctx, &amity.V2UpdateModerationSettingsParams{
					MaxRepetition: amity.Ptr(3), MaxRepetitionTimeout: amity.Ptr(60), BlacklistMuteTimeout: amity.Ptr(300),
					WhitelistMuteTimeout: amity.Ptr(300), MaxRepetitionMuteTimeout: amity.Ptr(120), EnableImageModeration: amity.Ptr(true),
					ImageModeration: &amity.ImageModerationThresholds{Nudity: amity.Ptr(0.8), Suggestive: amity.Ptr(0.9),
						Violence: amity.Ptr(0.7), Disturbing: amity.Ptr(0.75)}})
			}},
		// v1 blacklist.
		conformanceCase{Method: "Moderation.V1.AddBlacklistRecords", Op: "POST /v1/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V1.AddBlacklistRecords(ctx, &amity.V1RecordsParams{Regexs: []string{"bad"}})
			}},
		conformanceCase{Method: "Moderation.V1.RefreshBlacklist", Op: "PUT /v1/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V1.RefreshBlacklist(ctx, &amity.V1RecordsParams{Regexs: []string{"bad"}})
			}},
		conformanceCase{Method: "Moderation.V1.DeleteBlacklistRecords", Op: "DELETE /v1/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V1.DeleteBlacklistRecords(ctx, &amity.V1DeleteRecordsParams{RuleIDs: []string{"r1"}})
			}},
	)
}
