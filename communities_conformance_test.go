package amity_test

import (
	"context"
	"strings"

	"github.com/amity-go/amity"
)

func init() {
	// The spec gives category IDs as exactly 50 characters in the community query.
	categoryID := strings.Repeat("c", 50)
	users := []string{"u1", "u2"}
	registerConformance(
		conformanceCase{Method: "Communities.Create", Op: "POST /api/v3/communities",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "Hikers"}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "Hikers", IsPublic: amity.Ptr(false),
					IsOfficial: amity.Ptr(true), OnlyAdminCanPost: amity.Ptr(true), Description: "Trails", Tags: []string{"outdoors"},
					Metadata: map[string]any{"region": "alps"}, AvatarFileID: "f1", UserIDs: users, CategoryIDs: []string{categoryID},
					IsUniqueDisplayName: amity.Ptr(true), NeedApprovalOnPostCreation: amity.Ptr(true), AllowCommentInStory: amity.Ptr(false),
					NotificationMode: amity.CommunityNotificationSubscribe, IsDiscoverable: amity.Ptr(true), RequiresJoinApproval: amity.Ptr(true)}))
			}},
		conformanceCase{Method: "Communities.Get", Op: "GET /api/v3/communities/{communityId}",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Communities.Get(ctx, "c1")) }},
		conformanceCase{Method: "Communities.GetByInternalID", Op: "GET /api/v3/communities/{communityId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.GetByInternalID(ctx, "6650f0c1e4b0a1b2c3d4e5f6"))
			}},
		conformanceCase{Method: "Communities.GetMany", Op: "GET /api/v3/communities/list",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.GetMany(ctx, &amity.GetManyCommunitiesParams{CommunityIDs: []string{"c1", "c2"}}))
			}},
		conformanceCase{Method: "Communities.GetManyByInternalID", Op: "GET /api/v3/communities/list",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.GetManyByInternalID(ctx, &amity.GetManyCommunitiesParams{CommunityIDs: []string{"6650f0c1e4b0a1b2c3d4e5f6"}}))
			}},
		conformanceCase{Method: "Communities.ListPage", Op: "GET /api/v3/communities",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Communities.ListPage(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.ListPage(ctx, &amity.ListCommunitiesParams{PageParams: amity.PageParams{Limit: 50, PageToken: "tok"},
					Keyword: "hik", Tags: []string{"outdoors", "alps"}, Filter: amity.CommunityFilterNotMember, CategoryID: categoryID,
					SortBy: amity.CommunitySortDisplayName, IsDeleted: amity.Ptr(false), HasFlag: amity.Ptr(true),
					IncludeDiscoverablePrivateCommunity: amity.Ptr(true)}))
			}},
		iteratorCase("Communities.List", "GET /api/v3/communities", false, nil),
		iteratorCase("Communities.ListPages", "GET /api/v3/communities", false, nil),
		conformanceCase{Method: "Communities.GetRecommended", Op: "GET /api/v3/communities/recommended",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Communities.GetRecommended(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.GetRecommended(ctx, &amity.TopCommunitiesParams{Limit: 10, IncludeDiscoverablePrivateCommunity: amity.Ptr(true)}))
			}},
		conformanceCase{Method: "Communities.GetTopTrending", Op: "GET /api/v3/communities/top-trending",
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Communities.GetTopTrending(ctx, nil)) },
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.GetTopTrending(ctx, &amity.TopCommunitiesParams{Limit: 10, IncludeDiscoverablePrivateCommunity: amity.Ptr(false)}))
			}},
		conformanceCase{Method: "Communities.Update", Op: "PUT /api/v3/communities/{communityId}",
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.Update(ctx, "c1", &amity.UpdateCommunityParams{}))
			},
			Full: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.Update(ctx, "c1", &amity.UpdateCommunityParams{DisplayName: amity.Ptr("Hikers"), IsPublic: amity.Ptr(true),
					IsOfficial: amity.Ptr(false), OnlyAdminCanPost: amity.Ptr(false), Description: amity.Ptr(""), Tags: []string{"alps"},
					Metadata: map[string]any{"k": 1}, AvatarFileID: amity.Ptr("f1"), CategoryIDs: []string{"cat1"},
					IsUniqueDisplayName: amity.Ptr(false), NeedApprovalOnPostCreation: amity.Ptr(false), AllowCommentInStory: amity.Ptr(true),
					NotificationMode: amity.CommunityNotificationDefault, IsDiscoverable: amity.Ptr(false), RequiresJoinApproval: amity.Ptr(false)}))
			}},
		conformanceCase{Method: "Communities.Delete", Op: "DELETE /api/v3/communities/{communityId}",
			Required: func(ctx context.Context, c *amity.Client) error { return c.Communities.Delete(ctx, "c1") }},
		conformanceCase{Method: "Communities.Join", Op: "POST /api/v3/communities/{communityId}/join", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Communities.Join(ctx, "c1")) }},
		conformanceCase{Method: "Communities.Leave", Op: "DELETE /api/v3/communities/{communityId}/leave", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(c.Communities.Leave(ctx, "c1")) }},
		conformanceCase{Method: "Communities.GetMyPermissions", Op: "GET /api/v3/communities/{communityId}/permissions/me", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Communities.GetMyPermissions(ctx, "c1"))
			}},
	)
}
