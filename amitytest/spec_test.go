package amitytest

import (
	"strings"
	"testing"

	"github.com/amity-go/amity/internal/spectest"
)

// TestSpecConformance replays the package's scenario tests with every
// response validated against the official OpenAPI spec (skipped when the
// spec file is absent).
func TestSpecConformance(t *testing.T) {
	spec := spectest.Load(t)
	rec := validateResponses(t, spec)
	t.Cleanup(func() {
		t.Logf("validated responses of %d operations (spec loaded in %s)", rec.operations(), spec.LoadTime())
	})
	runScenarios(t, specScenarios)
}

// specScenarios are the scenarios of the users, sessions, files, posts,
// comments, reactions, communities, categories, channels, messages, polls,
// moderation lists, seed, rate limit and fault areas.
var specScenarios = map[string]func(*testing.T){
	"Sessions":     TestSessionRegistration,
	"Revoke":       TestRevokeSessions,
	"SecureMode":   TestSecureMode,
	"Users":        TestUsersQueryFilters,
	"UserUpdate":   TestUserUpdate,
	"UserFlags":    TestUserFlags,
	"GlobalBan":    TestGlobalBan,
	"UserBlocks":   TestUserBlocks,
	"DeleteUser":   TestDeleteUser,
	"Files":        TestFilesV4,
	"FilesV3":      TestFilesV3AndUploadLimit,
	"Posts":        TestPostCRUD,
	"PostImages":   TestImageAndPollPosts,
	"PostBans":     TestBannedUserCannotPost,
	"Feeds":        TestDeletedPostDisappearsFromFeeds,
	"Review":       TestPostReview,
	"PostFlags":    TestPostFlags,
	"PostPaging":   TestPostPagingAndCursors,
	"PrivatePosts": TestPrivateCommunityPostsHidden,
	"Moderation":   TestModerationOnPosts,
	"Comments":     TestCommentCRUD,
	"CommentPages": TestCommentPagingAndFlags,
	"Reactions":    TestReactions,
	"Communities":  TestCommunityCRUD,
	"Members":      TestCommunityMembership,
	"Trending":     TestRecommendedAndTrendingCommunities,
	"Categories":   TestCommunityCategories,
	"Channels":     TestChannelCRUD,
	"ChannelUsers": TestChannelMembership,
	"Conversation": TestConversationChannels,
	"Mute":         TestChannelMuteAndClose,
	"Messages":     TestMessageCRUD,
	"MsgPaging":    TestMessagePaging,
	"MsgFlags":     TestMessageFlags,
	"MsgFeeds":     TestMessageFeeds,
	"MsgModerate":  TestMessageModeration,
	"MessagesV3":   TestMessagesV3,
	"Polls":        TestPolls,
	"Lists":        TestModerationLists,
	"Seed":         TestSeed,
	"RateLimit":    TestRateLimit,
	"Faults":       TestFailNext,
	"FeedIDs":      TestDefaultFeedIsTheChannelInternalID,
	"IsDeleted":    TestIsDeletedDefaultsFollowTheSpec,
	"ArrayQuery":   TestArrayQueryParametersInEveryForm,
	"UserCreate":   TestUserUpdateCreateNewUserWhenNotFound,
	"ClientReacts": TestReactionsAsTheVendorClientsSendThem,
	"ClientValues": TestValuesTheVendorClientsSendBeyondTheSpec,
	"FlagReplies":  TestFlaggedRepliesAsTheVendorClientsFindThem,
	"ClientShapes": TestShapesOfTheLookupsTheVendorClientsRead,
	"DeleteBodies": TestDeleteParametersInAJSONBody,
}

// knownSpecGap reports the places where the fake follows the service (the
// vendor clients) rather than spec 4.92.0's schema:
//   - post data types: the post schema's dataType enum lacks "poll", although
//     GET /api/v4/posts filters child posts by dataTypes=poll, and "room",
//     "clip" and "audio", which the vendor clients create (spec 4.116 accepts
//     "room");
//   - link comment attachments ({type: link, url}), which the vendor clients
//     send and spec 4.92.0's attachment (type image, with a fileId) lacks;
//   - the verify operations declare the error code a string while their own
//     examples (and every other operation) send a number.
func knownSpecGap(err error) bool {
	msg := err.Error()
	for _, dataType := range []string{"poll", "room", "clip", "audio"} {
		if strings.Contains(msg, `dataType: value is not one of the allowed values`) && strings.Contains(msg, `(got "`+dataType+`")`) {
			return true
		}
	}
	return strings.Contains(msg, `/attachments/`) && strings.Contains(msg, `/type: value is not one of the allowed values ["image"] (got "link")`) ||
		strings.Contains(msg, `at /code: value must be a string`)
}
