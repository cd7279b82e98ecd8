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
		iteratorCase("Moderation.ListBlocklistPages", "GET /api/v3/blocklists", false, nil),
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
		iteratorCase("Moderation.ListAllowlistPages", "GET /api/v3/allowlists", false, nil),
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
				return errOf(c.Moderation.UpdateSettings(ctx, &amity.UpdateModerationSettingsParams{IsWhitelistEnabled: amity.Ptr(true),
					IsReportEnabled: amity.Ptr(true)}))
			}},
	)
}
