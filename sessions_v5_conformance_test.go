package amity_test

import (
	"context"
	"strings"
	"time"

	"github.com/amity-go/amity"
)

func init() {
	device := &amity.DeviceInfo{Kind: "web", Model: "crawler", SDKVersion: amity.Version}
	registerConformance(
		conformanceCase{Method: "Sessions.RegisterBot", Op: "POST /api/v5/sessions/bot",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Sessions.RegisterBot(ctx, &amity.RegisterBotParams{DeviceID: "googlebot-1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Sessions.RegisterBot(ctx, &amity.RegisterBotParams{DeviceID: "googlebot-1", DeviceInfo: device}))
			}},
		conformanceCase{Method: "Sessions.RegisterVisitor", Op: "POST /api/v5/sessions/visitor",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Sessions.RegisterVisitor(ctx, &amity.RegisterVisitorParams{DeviceID: "browser-1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Sessions.RegisterVisitor(ctx, &amity.RegisterVisitorParams{DeviceID: "browser-1", DeviceInfo: device,
					AuthSignature: amity.Secret(strings.Repeat("ab", 32)), AuthSignatureExpiresAt: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}))
			}},
	)
}
