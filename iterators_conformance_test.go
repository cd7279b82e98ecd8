package amity_test

// The conformance cases of the iterators (List, ListPages and the like), derived from the
// cases of their ...Page methods: an iterator calls the same operation, once for its first
// page or item. Each is called by name with the arguments after ctx (see iteratorCase).

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/amity-go/amity"
)

func init() {
	registerConformance(
		iteratorCase("Analytics.ListPostViewers", "GET /api/v1/analytics/views/posts/{postId}/users", false, confStoryID, nil),
		iteratorCase("Analytics.ListPostViewersPages", "GET /api/v1/analytics/views/posts/{postId}/users", false, confStoryID, nil),
		iteratorCase("Analytics.ListStoryViewers", "GET /api/v1/analytics/views/stories/{storyId}/users", false, confStoryID, nil),
		iteratorCase("Analytics.ListStoryViewersPages", "GET /api/v1/analytics/views/stories/{storyId}/users", false, confStoryID, nil),
		iteratorCase("Channels.List", "GET /api/v3/channels", false, nil),
		iteratorCase("Channels.ListMembers", "GET /api/v4/channels/{channelId}/users", false, "ch1", nil),
		iteratorCase("Channels.ListMembersPages", "GET /api/v4/channels/{channelId}/users", false, "ch1", nil),
		iteratorCase("Channels.ListPages", "GET /api/v3/channels", false, nil),
		iteratorCase("Channels.Search", "GET /api/v2/search/channels", false, &amity.SearchChannelsParams{Query: "sup"}),
		iteratorCase("Channels.SearchPages", "GET /api/v2/search/channels", false, &amity.SearchChannelsParams{Query: "sup"}),
		iteratorCase("Channels.V3.ListMembers", "GET /api/v3/channels/{channelId}/users", false, "ch1", nil),
		iteratorCase("Channels.V3.ListMembersPages", "GET /api/v3/channels/{channelId}/users", false, "ch1", nil),
		iteratorCase("Feeds.ListCommunity", "GET /api/v3/community-feeds/{communityId}", false, "c1", nil),
		iteratorCase("Feeds.ListCommunityPages", "GET /api/v3/community-feeds/{communityId}", false, "c1", nil),
		iteratorCase("Feeds.ListContent", "GET /api/v3/content-feeds", false, nil),
		iteratorCase("Feeds.ListContentPages", "GET /api/v3/content-feeds", false, nil),
		iteratorCase("Feeds.ListFollowing", "GET /api/v1/me/following-feeds", true, nil),
		iteratorCase("Feeds.ListFollowingPages", "GET /api/v1/me/following-feeds", true, nil),
		iteratorCase("Feeds.ListGlobal", "GET /api/v5/me/global-feeds", true, nil),
		iteratorCase("Feeds.ListGlobalPages", "GET /api/v5/me/global-feeds", true, nil),
		iteratorCase("Feeds.ListUser", "GET /api/v3/user-feeds/{userId}", false, "u1", nil),
		iteratorCase("Feeds.ListUserPages", "GET /api/v3/user-feeds/{userId}", false, "u1", nil),
		iteratorCase("Feeds.V3.ListGlobal", "GET /api/v3/global-feeds", true, nil),
		iteratorCase("Feeds.V3.ListGlobalPages", "GET /api/v3/global-feeds", true, nil),
		iteratorCase("Feeds.V4.ListGlobal", "GET /api/v4/me/global-feeds", true, nil),
		iteratorCase("Feeds.V4.ListGlobalPages", "GET /api/v4/me/global-feeds", true, nil),
		iteratorCase("Follows.ListFollowers", "GET /api/v4/users/{userId}/followers", false, "u2", nil),
		iteratorCase("Follows.ListFollowersPages", "GET /api/v4/users/{userId}/followers", false, "u2", nil),
		iteratorCase("Follows.ListFollowing", "GET /api/v4/users/{userId}/following", false, "u2", nil),
		iteratorCase("Follows.ListFollowingPages", "GET /api/v4/users/{userId}/following", false, "u2", nil),
		iteratorCase("Follows.ListMyFollowers", "GET /api/v4/me/followers", true, nil),
		iteratorCase("Follows.ListMyFollowersPages", "GET /api/v4/me/followers", true, nil),
		iteratorCase("Follows.ListMyFollowing", "GET /api/v4/me/following", true, nil),
		iteratorCase("Follows.ListMyFollowingPages", "GET /api/v4/me/following", true, nil),
		iteratorCase("Messages.List", "GET /api/v5/messages", false, &amity.ListMessagesParams{MessageFeedID: "ch1"}),
		iteratorCase("Messages.ListByCreator", "GET /api/v5/messages/user/{creatorId}", false, "u1", &amity.ListByCreatorParams{ChannelID: "ch1"}),
		iteratorCase("Messages.ListByCreatorPages", "GET /api/v5/messages/user/{creatorId}", false, "u1", &amity.ListByCreatorParams{ChannelID: "ch1"}),
		iteratorCase("Messages.ListFeeds", "GET /api/v5/message-feeds/channel/{channelId}", false, "64f0a1b2c3d4e5f6a7b8c9d0", nil),
		iteratorCase("Messages.ListFeedsByCreator", "GET /api/v5/message-feeds/user/{creatorId}", false, "u1", nil),
		iteratorCase("Messages.ListFeedsByCreatorPages", "GET /api/v5/message-feeds/user/{creatorId}", false, "u1", nil),
		iteratorCase("Messages.ListFeedsPages", "GET /api/v5/message-feeds/channel/{channelId}", false, "64f0a1b2c3d4e5f6a7b8c9d0", nil),
		iteratorCase("Messages.ListPages", "GET /api/v5/messages", false, &amity.ListMessagesParams{MessageFeedID: "ch1"}),
		iteratorCase("Messages.V3.List", "GET /api/v3/messages", false, &amity.V3ListMessagesParams{ChannelID: "ch1"}),
		iteratorCase("Messages.V3.ListPages", "GET /api/v3/messages", false, &amity.V3ListMessagesParams{ChannelID: "ch1"}),
		iteratorCase("Moderation.ListAllowlist", "GET /api/v3/allowlists", false, nil),
		iteratorCase("Moderation.ListBlocklist", "GET /api/v3/blocklists", false, nil),
		iteratorCase("Search.SearchCommunities", "GET /api/v1/semantic-search/communities", true, &amity.SearchCommunitiesParams{Query: "hiking"}),
		iteratorCase("Search.SearchCommunitiesPages", "GET /api/v1/semantic-search/communities", true, &amity.SearchCommunitiesParams{Query: "hiking"}),
		iteratorCase("Search.SearchPosts", "GET /api/v1/semantic-search/posts", true, &amity.SearchPostsParams{Query: "hiking trips"}),
		iteratorCase("Search.SearchPostsPages", "GET /api/v1/semantic-search/posts", true, &amity.SearchPostsParams{Query: "hiking trips"}),
		iteratorCase("Stories.List", "GET /api/v4/stories", false, &amity.ListStoriesParams{TargetType: amity.StoryTargetCommunity, TargetID: "c1"}),
		iteratorCase("Stories.ListByTargets", "GET /api/v4/stories-by-targets", false, &amity.ListStoriesByTargetsParams{Targets: []amity.StoryRef{{TargetType: amity.StoryTargetCommunity, TargetID: "c1"}}}),
		iteratorCase("Stories.ListByTargetsPages", "GET /api/v4/stories-by-targets", false, &amity.ListStoriesByTargetsParams{Targets: []amity.StoryRef{{TargetType: amity.StoryTargetCommunity, TargetID: "c1"}}}),
		iteratorCase("Stories.ListGlobalTargets", "GET /api/v5/me/global-story-targets", true, nil),
		iteratorCase("Stories.ListGlobalTargetsPages", "GET /api/v5/me/global-story-targets", true, nil),
		iteratorCase("Stories.ListPages", "GET /api/v4/stories", false, &amity.ListStoriesParams{TargetType: amity.StoryTargetCommunity, TargetID: "c1"}),
		iteratorCase("Streams.List", "GET /api/v3/video-streaming", false, nil),
		iteratorCase("Streams.ListPages", "GET /api/v3/video-streaming", false, nil),
		iteratorCase("Users.List", "GET /api/v3/users", false, nil),
		iteratorCase("Users.ListBlocked", "GET /api/v4/me/user-blocks", true, nil),
	)
}

// iteratorCase is the conformance case of the iterator method (e.g. "Channels.V3.ListMembers"),
// called on the client by name with ctx and args (a nil stands for its parameter's zero value)
// and ranged over up to its first element.
func iteratorCase(method, op string, asUser bool, args ...any) conformanceCase {
	return conformanceCase{Method: method, Op: op, AsUser: asUser, Required: func(ctx context.Context, c *amity.Client) error {
		path := strings.Split(method, ".")
		v := reflect.ValueOf(c)
		for _, field := range path[:len(path)-1] {
			v = v.Elem().FieldByName(field)
		}
		m := v.MethodByName(path[len(path)-1])
		if !m.IsValid() {
			return fmt.Errorf("no method %s", method)
		}
		in := []reflect.Value{reflect.ValueOf(ctx)}
		for i, a := range args {
			if a == nil {
				in = append(in, reflect.Zero(m.Type().In(i+1)))
			} else {
				in = append(in, reflect.ValueOf(a))
			}
		}
		seq := m.Call(in)[0] // an iter.Seq2[T, error]
		var err error
		seq.Call([]reflect.Value{reflect.MakeFunc(seq.Type().In(0), func(yielded []reflect.Value) []reflect.Value {
			err, _ = yielded[1].Interface().(error)
			return []reflect.Value{reflect.ValueOf(false)} // the first element only
		})})
		return err
	}}
}
