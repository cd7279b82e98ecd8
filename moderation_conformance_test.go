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
				_, err := c.Moderation.ListBlocklistPage(ctx, nil)
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Moderation.ListBlocklistPage(ctx, fullRules)
				return err
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
				_, err := c.Moderation.VerifyBlocklist(ctx, []string{"hello there"})
				return err
			}},
		conformanceCase{Method: "Moderation.ListAllowlistPage", Op: "GET /api/v3/allowlists",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Moderation.ListAllowlistPage(ctx, nil)
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Moderation.ListAllowlistPage(ctx, fullRules)
				return err
			}},
		conformanceCase{Method: "Moderation.AddToAllowlist", Op: "POST /api/v3/allowlists",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.AddToAllowlist(ctx, []string{"example.com"})
			}},
		conformanceCase{Method: "Moderation.VerifyAllowlist", Op: "POST /api/v3/allowlists/verify",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Moderation.VerifyAllowlist(ctx, []string{"https://example.com/a"})
				return err
			}},
		conformanceCase{Method: "Moderation.Settings", Op: "GET /api/v3/network-settings/moderation",
			Required: func(ctx context.Context, c *amity.Client) error { _, err := c.Moderation.Settings(ctx); return err }},
		conformanceCase{Method: "Moderation.UpdateSettings", Op: "PUT /api/v3/network-settings/moderation",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Moderation.UpdateSettings(ctx, &amity.UpdateModerationSettingsParams{})
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Moderation.UpdateSettings(ctx, &amity.UpdateModerationSettingsParams{IsWhitelistEnabled: amity.Ptr(true)})
				return err
			}},

		// v2 blacklist.
		conformanceCase{Method: "Moderation.BlacklistRecordsV2", Op: "GET /api/v2/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Moderation.BlacklistRecordsV2(ctx, nil)
				return err
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Moderation.BlacklistRecordsV2(ctx, []string{"bad", "worse"})
				return err
			}},
		conformanceCase{Method: "Moderation.AddBlacklistRecordsV2", Op: "POST /api/v2/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.AddBlacklistRecordsV2(ctx, &amity.AddBlacklistRecordsV2Params{Regexs: []string{"bad"}})
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.AddBlacklistRecordsV2(ctx, &amity.AddBlacklistRecordsV2Params{Regexs: []string{"bad"}, IsMatchExactWord: amity.Ptr(true)})
			}},
		conformanceCase{Method: "Moderation.RefreshBlacklistV2", Op: "PUT /api/v2/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.RefreshBlacklistV2(ctx, []string{"bad", "worse"})
			}},
		conformanceCase{Method: "Moderation.UpdateBlacklistRecordV2", Op: "PUT /api/v2/blacklist/records/:ruleId",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Moderation.UpdateBlacklistRecordV2(ctx, "r1", false)
				return err
			}},
		conformanceCase{Method: "Moderation.DeleteBlacklistRecordsV2", Op: "DELETE /api/v2/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.DeleteBlacklistRecordsV2(ctx, []string{"r1", "r2"})
			}},

		// v2 whitelist.
		conformanceCase{Method: "Moderation.WhitelistRecordsV2", Op: "GET /api/v2/whitelist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Moderation.WhitelistRecordsV2(ctx, []string{"example"})
				return err
			}},
		conformanceCase{Method: "Moderation.AddWhitelistRecordsV2", Op: "POST /api/v2/whitelist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.AddWhitelistRecordsV2(ctx, []string{"example.com"})
			}},
		conformanceCase{Method: "Moderation.RefreshWhitelistV2", Op: "PUT /api/v2/whitelist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.RefreshWhitelistV2(ctx, []string{"example.com"})
			}},
		conformanceCase{Method: "Moderation.UpdateWhitelistRecordV2", Op: "PUT /api/v2/whitelist/records/:ruleId",
			Required: func(ctx context.Context, c *amity.Client) error {
				_, err := c.Moderation.UpdateWhitelistRecordV2(ctx, "r1", true)
				return err
			}},
		conformanceCase{Method: "Moderation.DeleteWhitelistRecordsV2", Op: "DELETE /api/v2/whitelist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.DeleteWhitelistRecordsV2(ctx, []string{"r1"})
			}},

		// v2 moderation settings.
		conformanceCase{Method: "Moderation.SettingsV2", Op: "GET /api/v2/moderation-settings",
			Required: func(ctx context.Context, c *amity.Client) error { _, err := c.Moderation.SettingsV2(ctx); return err }},
		conformanceCase{Method: "Moderation.UpdateSettingsV2", Op: "PUT /api/v2/moderation-settings",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.UpdateSettingsV2(ctx, &amity.UpdateModerationSettingsV2Params{})
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.UpdateSettingsV2(ctx, &amity.UpdateModerationSettingsV2Params{
					MaxRepetition: amity.Ptr(3), MaxRepetitionTimeout: amity.Ptr(60), BlacklistMuteTimeout: amity.Ptr(300),
					WhitelistMuteTimeout: amity.Ptr(300), MaxRepetitionMuteTimeout: amity.Ptr(120), EnableImageModeration: amity.Ptr(true),
					ImageModeration: &amity.ImageModerationThresholds{Nudity: amity.Ptr(0.8), Suggestive: amity.Ptr(0.9),
						Violence: amity.Ptr(0.7), Disturbing: amity.Ptr(0.75)}})
			}},

		// v1 blacklist.
		conformanceCase{Method: "Moderation.AddBlacklistRecordsV1", Op: "POST /v1/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.AddBlacklistRecordsV1(ctx, []string{"bad"})
			}},
		conformanceCase{Method: "Moderation.RefreshBlacklistV1", Op: "PUT /v1/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.RefreshBlacklistV1(ctx, []string{"bad"})
			}},
		conformanceCase{Method: "Moderation.DeleteBlacklistRecordsV1", Op: "DELETE /v1/blacklist/records",
			Required: func(ctx context.Context, c *amity.Client) error {
				return c.Moderation.DeleteBlacklistRecordsV1(ctx, []string{"r1"})
			}},
	)
}
