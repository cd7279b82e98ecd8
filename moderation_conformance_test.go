package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	fullRules := &amity.ListModerationRulesParams{PageParams: amity.PageParams{Limit: 50, PageToken: "tok"}, Regex: "bad",
		SortBy: amity.ModerationSortLastCreated, After: amity.Ptr(int64(10)), Before: amity.Ptr(int64(20))}
	registerConformance(
		conformanceCase{Method: "Moderation.ListBlocklistPage", Op: "GET /api/v3/blocklists",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.ListBlocklistPage(ctx, nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.ListBlocklistPage(ctx, fullRules))
			}},
		conformanceCase{Method: "Moderation.ListBlocklistPages", Op: "GET /api/v3/blocklists",
			Required: func(ctx context.Context, c *amity.Client) error {
				for _, err := range c.Moderation.ListBlocklistPages(ctx, nil) {
					if err != nil {
						return err
					}
					break // one page: the synthesized answer repeats its cursor
				}
				return nil
			}},
		conformanceCase{Method: "Moderation.AddToBlocklist", Op: "POST /api/v3/blocklists",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.AddToBlocklist(ctx, &amity.AddBlocklistParams{Regexs: []string{"badword"}})
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.AddToBlocklist(ctx, &amity.AddBlocklistParams{Regexs: []string{"badword", "sp[a4]m"}, IsMatchExactWord: amity.Ptr(true)})
			}},
		conformanceCase{Method: "Moderation.VerifyBlocklist", Op: "POST /api/v3/blocklists/verify",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.VerifyBlocklist(ctx, &amity.VerifyBlocklistParams{Texts: []string{"hello there"}}))
			}},
		conformanceCase{Method: "Moderation.ListAllowlistPage", Op: "GET /api/v3/allowlists",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.ListAllowlistPage(ctx, nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.ListAllowlistPage(ctx, fullRules))
			}},
		conformanceCase{Method: "Moderation.ListAllowlistPages", Op: "GET /api/v3/allowlists",
			Required: func(ctx context.Context, c *amity.Client) error {
				for _, err := range c.Moderation.ListAllowlistPages(ctx, nil) {
					if err != nil {
						return err
					}
					break // one page: the synthesized answer repeats its cursor
				}
				return nil
			}},
		conformanceCase{Method: "Moderation.AddToAllowlist", Op: "POST /api/v3/allowlists",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.AddToAllowlist(ctx, &amity.AddAllowlistParams{Domains: []string{"example.com"}})
			}},
		conformanceCase{Method: "Moderation.VerifyAllowlist", Op: "POST /api/v3/allowlists/verify",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.VerifyAllowlist(ctx, &amity.VerifyAllowlistParams{URLs: []string{"https://example.com/a"}}))
			}},
		conformanceCase{Method: "Moderation.GetSettings", Op: "GET /api/v3/network-settings/moderation",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Moderation.GetSettings(ctx)) }},
		conformanceCase{Method: "Moderation.UpdateSettings", Op: "PUT /api/v3/network-settings/moderation",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.UpdateSettings(ctx, &amity.UpdateModerationSettingsParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.UpdateSettings(ctx, &amity.UpdateModerationSettingsParams{IsWhitelistEnabled: amity.Ptr(true)}))
			}},

		// v2 blacklist.
		conformanceCase{Method: "Moderation.V2.GetBlacklistRecords", Op: "GET /api/v2/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.V2.GetBlacklistRecords(ctx, nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Moderation.V2.GetBlacklistRecords(ctx, &amity.V2GetRecordsParams{Regexs: []string{"bad", "worse"}}))
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
		conformanceCase{Method: "Moderation.V2.UpdateBlacklistRecord", Op: "PUT /api/v2/blacklist/records/:ruleId",
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
				return errOf(c.Moderation.V2.GetWhitelistRecords(ctx, &amity.V2GetRecordsParams{Regexs: []string{"example"}}))
			}},
		conformanceCase{Method: "Moderation.V2.AddWhitelistRecords", Op: "POST /api/v2/whitelist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V2.AddWhitelistRecords(ctx, &amity.V2RecordsParams{Regexs: []string{"example.com"}})
			}},
		conformanceCase{Method: "Moderation.V2.RefreshWhitelist", Op: "PUT /api/v2/whitelist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.V2.RefreshWhitelist(ctx, &amity.V2RecordsParams{Regexs: []string{"example.com"}})
			}},
		conformanceCase{Method: "Moderation.V2.UpdateWhitelistRecord", Op: "PUT /api/v2/whitelist/records/:ruleId",
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
