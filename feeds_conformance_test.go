package amity_test

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	full := &amity.ListFeedParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}, SortBy: amity.FeedSortFirstUpdated,
		HasFlag: amity.Ptr(true), IsDeleted: amity.Ptr(false), DataTypes: []amity.FeedDataType{amity.FeedDataImage, amity.FeedDataVideo}}
	registerConformance(
		conformanceCase{Method: "Feeds.ListUserPage", Op: "GET /api/v3/user-feeds/{userId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Feeds.ListUserPage(ctx, "u1", nil)) },
			Full:     func(ctx context.Context, c *amity.Client) error { return errOf(c.Feeds.ListUserPage(ctx, "u1", full)) }},
		conformanceCase{Method: "Feeds.CountUserPosts", Op: "GET /api/v3/user-feeds/{userId}/count",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Feeds.CountUserPosts(ctx, "u1", nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.CountUserPosts(ctx, "u1", &amity.CountUserPostsParams{IsDeleted: amity.Ptr(false)}))
			}},
		conformanceCase{Method: "Feeds.ListCommunityPage", Op: "GET /api/v3/community-feeds/{communityId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.ListCommunityPage(ctx, "c1", nil))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.ListCommunityPage(ctx, "c1", full))
			}},
		conformanceCase{Method: "Feeds.ListContentPage", Op: "GET /api/v3/content-feeds",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Feeds.ListContentPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.ListContentPage(ctx, &amity.ListFeedParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
					SortBy: amity.FeedSortLastUpdated, HasFlag: amity.Ptr(false), IsDeleted: amity.Ptr(true)}))
			}},
		conformanceCase{Method: "Feeds.ListFollowingPage", Op: "GET /api/v1/me/following-feeds", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Feeds.ListFollowingPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.ListFollowingPage(ctx, &amity.ListFollowingParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}, SortBy: amity.FollowingFeedLastCreated}))
			}},
		conformanceCase{Method: "Feeds.ListGlobalPage", Op: "GET /api/v5/me/global-feeds", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Feeds.ListGlobalPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.ListGlobalPage(ctx, &amity.ListGlobalParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"}}))
			}},
		conformanceCase{Method: "Feeds.V4.ListGlobalPage", Op: "GET /api/v4/me/global-feeds", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Feeds.V4.ListGlobalPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.V4.ListGlobalPage(ctx, &amity.V4ListGlobalParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
					DataTypes: []amity.FeedDataType{amity.FeedDataFile, amity.FeedDataLiveStream, amity.FeedDataClip}, ResolveParent: amity.Ptr(true)}))
			}},
		conformanceCase{Method: "Feeds.V3.ListGlobalPage", Op: "GET /api/v3/global-feeds", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Feeds.V3.ListGlobalPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Feeds.V3.ListGlobalPage(ctx, &amity.V3ListGlobalParams{PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
					ShowOnlyMyFeed: amity.Ptr(true), DataTypes: []amity.FeedDataType{amity.FeedDataImage}}))
			}},
	)
}
