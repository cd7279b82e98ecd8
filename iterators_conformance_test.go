package amity_test

// The conformance cases of the iterators (List, ListPages and the like), derived from the
// cases of their ...Page methods: an iterator calls the same operation, once for its first
// page or item.

import (
	"context"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		conformanceCase{Method: "Analytics.ListPostViewers", Op: "GET /api/v1/analytics/views/posts/{postId}/users", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Analytics.ListPostViewers(ctx, confStoryID, nil)))
			}},
		conformanceCase{Method: "Analytics.ListPostViewersPages", Op: "GET /api/v1/analytics/views/posts/{postId}/users", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Analytics.ListPostViewersPages(ctx, confStoryID, nil)))
			}},
		conformanceCase{Method: "Analytics.ListStoryViewers", Op: "GET /api/v1/analytics/views/stories/{storyId}/users", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Analytics.ListStoryViewers(ctx, confStoryID, nil)))
			}},
		conformanceCase{Method: "Analytics.ListStoryViewersPages", Op: "GET /api/v1/analytics/views/stories/{storyId}/users", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Analytics.ListStoryViewersPages(ctx, confStoryID, nil)))
			}},
		conformanceCase{Method: "Channels.List", Op: "GET /api/v3/channels", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Channels.List(ctx, nil))) }},
		conformanceCase{Method: "Channels.ListMembers", Op: "GET /api/v4/channels/{channelId}/users", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Channels.ListMembers(ctx, "ch1", nil)))
			}},
		conformanceCase{Method: "Channels.ListMembersPages", Op: "GET /api/v4/channels/{channelId}/users", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Channels.ListMembersPages(ctx, "ch1", nil)))
			}},
		conformanceCase{Method: "Channels.ListPages", Op: "GET /api/v3/channels", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Channels.ListPages(ctx, nil))) }},
		conformanceCase{Method: "Channels.Search", Op: "GET /api/v2/search/channels", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Channels.Search(ctx, &amity.SearchChannelsParams{Query: "sup"})))
			}},
		conformanceCase{Method: "Channels.SearchPages", Op: "GET /api/v2/search/channels", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Channels.SearchPages(ctx, &amity.SearchChannelsParams{Query: "sup"})))
			}},
		conformanceCase{Method: "Channels.V3.ListMembers", Op: "GET /api/v3/channels/{channelId}/users", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Channels.V3.ListMembers(ctx, "ch1", nil)))
			}},
		conformanceCase{Method: "Channels.V3.ListMembersPages", Op: "GET /api/v3/channels/{channelId}/users", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Channels.V3.ListMembersPages(ctx, "ch1", nil)))
			}},
		conformanceCase{Method: "Feeds.ListCommunity", Op: "GET /api/v3/community-feeds/{communityId}", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Feeds.ListCommunity(ctx, "c1", nil)))
			}},
		conformanceCase{Method: "Feeds.ListCommunityPages", Op: "GET /api/v3/community-feeds/{communityId}", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Feeds.ListCommunityPages(ctx, "c1", nil)))
			}},
		conformanceCase{Method: "Feeds.ListContent", Op: "GET /api/v3/content-feeds", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Feeds.ListContent(ctx, nil))) }},
		conformanceCase{Method: "Feeds.ListContentPages", Op: "GET /api/v3/content-feeds", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Feeds.ListContentPages(ctx, nil)))
			}},
		conformanceCase{Method: "Feeds.ListFollowing", Op: "GET /api/v1/me/following-feeds", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Feeds.ListFollowing(ctx, nil))) }},
		conformanceCase{Method: "Feeds.ListFollowingPages", Op: "GET /api/v1/me/following-feeds", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Feeds.ListFollowingPages(ctx, nil)))
			}},
		conformanceCase{Method: "Feeds.ListGlobal", Op: "GET /api/v5/me/global-feeds", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Feeds.ListGlobal(ctx, nil))) }},
		conformanceCase{Method: "Feeds.ListGlobalPages", Op: "GET /api/v5/me/global-feeds", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Feeds.ListGlobalPages(ctx, nil)))
			}},
		conformanceCase{Method: "Feeds.ListUser", Op: "GET /api/v3/user-feeds/{userId}", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Feeds.ListUser(ctx, "u1", nil)))
			}},
		conformanceCase{Method: "Feeds.ListUserPages", Op: "GET /api/v3/user-feeds/{userId}", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Feeds.ListUserPages(ctx, "u1", nil)))
			}},
		conformanceCase{Method: "Feeds.V3.ListGlobal", Op: "GET /api/v3/global-feeds", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Feeds.V3.ListGlobal(ctx, nil))) }},
		conformanceCase{Method: "Feeds.V3.ListGlobalPages", Op: "GET /api/v3/global-feeds", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Feeds.V3.ListGlobalPages(ctx, nil)))
			}},
		conformanceCase{Method: "Feeds.V4.ListGlobal", Op: "GET /api/v4/me/global-feeds", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Feeds.V4.ListGlobal(ctx, nil))) }},
		conformanceCase{Method: "Feeds.V4.ListGlobalPages", Op: "GET /api/v4/me/global-feeds", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Feeds.V4.ListGlobalPages(ctx, nil)))
			}},
		conformanceCase{Method: "Follows.ListFollowers", Op: "GET /api/v4/users/{userId}/followers", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Follows.ListFollowers(ctx, "u2", nil)))
			}},
		conformanceCase{Method: "Follows.ListFollowersPages", Op: "GET /api/v4/users/{userId}/followers", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Follows.ListFollowersPages(ctx, "u2", nil)))
			}},
		conformanceCase{Method: "Follows.ListFollowing", Op: "GET /api/v4/users/{userId}/following", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Follows.ListFollowing(ctx, "u2", nil)))
			}},
		conformanceCase{Method: "Follows.ListFollowingPages", Op: "GET /api/v4/users/{userId}/following", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Follows.ListFollowingPages(ctx, "u2", nil)))
			}},
		conformanceCase{Method: "Follows.ListMyFollowers", Op: "GET /api/v4/me/followers", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Follows.ListMyFollowers(ctx, nil)))
			}},
		conformanceCase{Method: "Follows.ListMyFollowersPages", Op: "GET /api/v4/me/followers", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Follows.ListMyFollowersPages(ctx, nil)))
			}},
		conformanceCase{Method: "Follows.ListMyFollowing", Op: "GET /api/v4/me/following", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Follows.ListMyFollowing(ctx, nil)))
			}},
		conformanceCase{Method: "Follows.ListMyFollowingPages", Op: "GET /api/v4/me/following", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Follows.ListMyFollowingPages(ctx, nil)))
			}},
		conformanceCase{Method: "Messages.List", Op: "GET /api/v5/messages", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Messages.List(ctx, &amity.ListMessagesParams{MessageFeedID: "ch1"})))
			}},
		conformanceCase{Method: "Messages.ListByCreator", Op: "GET /api/v5/messages/user/{creatorId}", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Messages.ListByCreator(ctx, "u1", nil)))
			}},
		conformanceCase{Method: "Messages.ListByCreatorPages", Op: "GET /api/v5/messages/user/{creatorId}", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Messages.ListByCreatorPages(ctx, "u1", nil)))
			}},
		conformanceCase{Method: "Messages.ListFeeds", Op: "GET /api/v5/message-feeds/channel/{channelId}", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Messages.ListFeeds(ctx, "64f0a1b2c3d4e5f6a7b8c9d0", nil)))
			}},
		conformanceCase{Method: "Messages.ListFeedsByCreator", Op: "GET /api/v5/message-feeds/user/{creatorId}", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Messages.ListFeedsByCreator(ctx, "u1", nil)))
			}},
		conformanceCase{Method: "Messages.ListFeedsByCreatorPages", Op: "GET /api/v5/message-feeds/user/{creatorId}", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Messages.ListFeedsByCreatorPages(ctx, "u1", nil)))
			}},
		conformanceCase{Method: "Messages.ListFeedsPages", Op: "GET /api/v5/message-feeds/channel/{channelId}", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Messages.ListFeedsPages(ctx, "64f0a1b2c3d4e5f6a7b8c9d0", nil)))
			}},
		conformanceCase{Method: "Messages.ListPages", Op: "GET /api/v5/messages", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Messages.ListPages(ctx, &amity.ListMessagesParams{MessageFeedID: "ch1"})))
			}},
		conformanceCase{Method: "Messages.V3.List", Op: "GET /api/v3/messages", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Messages.V3.List(ctx, &amity.V3ListMessagesParams{ChannelID: "ch1"})))
			}},
		conformanceCase{Method: "Messages.V3.ListPages", Op: "GET /api/v3/messages", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Messages.V3.ListPages(ctx, &amity.V3ListMessagesParams{ChannelID: "ch1"})))
			}},
		conformanceCase{Method: "Moderation.ListAllowlist", Op: "GET /api/v3/allowlists", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Moderation.ListAllowlist(ctx, nil)))
			}},
		conformanceCase{Method: "Moderation.ListBlocklist", Op: "GET /api/v3/blocklists", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Moderation.ListBlocklist(ctx, nil)))
			}},
		conformanceCase{Method: "Search.SearchCommunities", Op: "GET /api/v1/semantic-search/communities", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Search.SearchCommunities(ctx, &amity.SearchCommunitiesParams{Query: "hiking"})))
			}},
		conformanceCase{Method: "Search.SearchCommunitiesPages", Op: "GET /api/v1/semantic-search/communities", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Search.SearchCommunitiesPages(ctx, &amity.SearchCommunitiesParams{Query: "hiking"})))
			}},
		conformanceCase{Method: "Search.SearchPosts", Op: "GET /api/v1/semantic-search/posts", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Search.SearchPosts(ctx, &amity.SearchPostsParams{Query: "hiking trips"})))
			}},
		conformanceCase{Method: "Search.SearchPostsPages", Op: "GET /api/v1/semantic-search/posts", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Search.SearchPostsPages(ctx, &amity.SearchPostsParams{Query: "hiking trips"})))
			}},
		conformanceCase{Method: "Stories.List", Op: "GET /api/v4/stories", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Stories.List(ctx, &amity.ListStoriesParams{TargetType: amity.StoryTargetCommunity, TargetID: "c1"})))
			}},
		conformanceCase{Method: "Stories.ListByTargets", Op: "GET /api/v4/stories-by-targets", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Stories.ListByTargets(ctx, &amity.ListStoriesByTargetsParams{Targets: []amity.StoryRef{{TargetType: amity.StoryTargetCommunity, TargetID: "c1"}}})))
			}},
		conformanceCase{Method: "Stories.ListByTargetsPages", Op: "GET /api/v4/stories-by-targets", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Stories.ListByTargetsPages(ctx, &amity.ListStoriesByTargetsParams{Targets: []amity.StoryRef{{TargetType: amity.StoryTargetCommunity, TargetID: "c1"}}})))
			}},
		conformanceCase{Method: "Stories.ListGlobalTargets", Op: "GET /api/v5/me/global-story-targets", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Stories.ListGlobalTargets(ctx, nil)))
			}},
		conformanceCase{Method: "Stories.ListGlobalTargetsPages", Op: "GET /api/v5/me/global-story-targets", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Stories.ListGlobalTargetsPages(ctx, nil)))
			}},
		conformanceCase{Method: "Stories.ListPages", Op: "GET /api/v4/stories", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Stories.ListPages(ctx, &amity.ListStoriesParams{TargetType: amity.StoryTargetCommunity, TargetID: "c1"})))
			}},
		conformanceCase{Method: "Streams.List", Op: "GET /api/v3/video-streaming", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Streams.List(ctx, nil))) }},
		conformanceCase{Method: "Streams.ListPages", Op: "GET /api/v3/video-streaming", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Streams.ListPages(ctx, nil))) }},
		conformanceCase{Method: "Users.List", Op: "GET /api/v3/users", AsUser: false,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Users.List(ctx, nil))) }},
		conformanceCase{Method: "Users.ListBlocked", Op: "GET /api/v4/me/user-blocks", AsUser: true,
			Required: func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Users.ListBlocked(ctx, nil))) }},
	)
}
