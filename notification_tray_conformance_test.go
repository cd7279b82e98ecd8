package amity_test

import (
	"context"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	seenAt := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	full := &amity.ListNotificationTrayParams{PageParams: amity.PageParams{Limit: 10, PageToken: "2"}}
	registerConformance(
		conformanceCase{Method: "NotificationTray.ListPage", Op: "GET /api/v1/notification-tray", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.NotificationTray.ListPage(ctx, nil)) },
			Full:     func(ctx context.Context, c *amity.Client) error { return errOf(c.NotificationTray.ListPage(ctx, full)) }},
		conformanceCase{Method: "NotificationTray.List", Op: "GET /api/v1/notification-tray", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.NotificationTray.List(ctx, nil)))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.NotificationTray.List(ctx, full)))
			}},
		conformanceCase{Method: "NotificationTray.ListPages", Op: "GET /api/v1/notification-tray", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.NotificationTray.ListPages(ctx, nil)))
			}},
		conformanceCase{Method: "NotificationTray.MarkItemsSeen", Op: "POST /api/v1/notification-tray/items/seen", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NotificationTray.MarkItemsSeen(ctx, &amity.MarkNotificationTrayItemsSeenParams{
					Items: []amity.NotificationTrayItemSeenParams{{ItemID: "65a0c0ffee65a0c0ffee0001", LastSeenAt: seenAt}}}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NotificationTray.MarkItemsSeen(ctx, &amity.MarkNotificationTrayItemsSeenParams{
					Items: []amity.NotificationTrayItemSeenParams{{ItemID: "65a0c0ffee65a0c0ffee0001", LastSeenAt: seenAt},
						{ItemID: "65a0c0ffee65a0c0ffee0002", LastSeenAt: seenAt.Add(time.Minute)}}}))
			}},
		conformanceCase{Method: "NotificationTray.GetSeen", Op: "GET /api/v1/notification-tray/tray/seen", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.NotificationTray.GetSeen(ctx)) }},
		conformanceCase{Method: "NotificationTray.MarkSeen", Op: "POST /api/v1/notification-tray/tray/seen", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.NotificationTray.MarkSeen(ctx, &amity.MarkNotificationTraySeenParams{LastSeenAt: seenAt}))
			}},
	)
}
