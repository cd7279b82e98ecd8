package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

const confStoryID = "65a0c0ffee65a0c0ffee0001"

func init() {
	registerConformance(
		conformanceCase{Method: "Stories.Create", Op: "POST /api/v4/stories",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Stories.Create(ctx, &amity.CreateStoryParams{TargetID: "c1", DataType: amity.StoryDataText,
					Data: amity.StoryDataParams{Text: "hello"}, ReferenceID: "ref-1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Stories.Create(ctx, &amity.CreateStoryParams{TargetType: amity.StoryTargetCommunity, TargetID: "c1",
					DataType: amity.StoryDataImage, Data: amity.StoryDataParams{FileID: "f1", ImageDisplayMode: amity.StoryImageFill, Text: "caption"},
					Items: []amity.StoryItem{{Type: amity.StoryItemHyperlink, Data: amity.StoryHyperlink{URL: "https://example.com", CustomText: "Shop"},
						Placement: &amity.StoryItemPlacement{Width: 100, Height: 40, Transform: &amity.StoryItemTransform{TranslateX: 1, TranslateY: 2, ScaleX: 1, ScaleY: 1, Rotate: 90}}}},
					Metadata: map[string]any{"k": "v"}, ReferenceID: "ref-1"}))
			}},
		conformanceCase{Method: "Stories.Get", Op: "GET /api/v4/stories/{storyId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Stories.Get(ctx, confStoryID)) }},
		conformanceCase{Method: "Stories.Delete", Op: "DELETE /api/v4/stories/{storyId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Stories.Delete(ctx, confStoryID, nil) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return c.Stories.Delete(ctx, confStoryID, &amity.DeleteStoryParams{Permanent: amity.Ptr(true)})
			}},
		conformanceCase{Method: "Stories.Flag", Op: "POST /api/v4/stories/{storyId}/flags", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Stories.Flag(ctx, confStoryID)) }},
		conformanceCase{Method: "Stories.Unflag", Op: "DELETE /api/v4/stories/{storyId}/flags", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Stories.Unflag(ctx, confStoryID)) }},
		conformanceCase{Method: "Stories.ClearFlags", Op: "DELETE /api/v4/stories/{storyId}/flags/all",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Stories.ClearFlags(ctx, confStoryID)) }},
		conformanceCase{Method: "Stories.ListPage", Op: "GET /api/v4/stories",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Stories.ListPage(ctx, &amity.ListStoriesParams{TargetType: amity.StoryTargetCommunity, TargetID: "c1"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Stories.ListPage(ctx, &amity.ListStoriesParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
					TargetType: amity.StoryTargetUser, TargetID: "u1", DataType: amity.StoryDataVideo, IsExpired: amity.Ptr(true), Order: amity.StoryOrderAsc}))
			}},
		conformanceCase{Method: "Stories.Count", Op: "GET /api/v4/stories/count",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Stories.Count(ctx, &amity.CountStoriesParams{TargetType: amity.StoryTargetCommunity, TargetID: "c1"}))
			}},
	)
}
