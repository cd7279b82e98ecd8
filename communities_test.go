package amity_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCommunitiesListPageDecodesBundle(t *testing.T) {
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "communities_page1.json"))
	page, err := c.Communities.ListPage(context.Background(), &amity.ListCommunitiesParams{
		PageParams: amity.PageParams{Limit: 2, PageToken: "tok-1"},
		Keyword:    "hik", Tags: []string{"outdoors", "hiking"}, Filter: amity.CommunityFilterMember,
		CategoryID: "cat-sports", SortBy: amity.CommunitySortDisplayName, IsDeleted: amity.Ptr(false), HasFlag: amity.Ptr(true),
	})
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "GET", req.Method)
	assert.Equal(t, "/api/v3/communities", req.Path)
	assert.Equal(t, "categoryId=cat-sports&filter=member&hasFlag=true&isDeleted=false&keyword=hik&options%5Blimit%5D=2&options%5Btoken%5D=tok-1&sortBy=displayName&tags%5B%5D=outdoors&tags%5B%5D=hiking", req.Query)

	assert.Equal(t, "tok-2", page.Paging.Next)
	require.Len(t, page.Communities, 2)
	hikers := &page.Communities[0]
	assert.Equal(t, "c-hikers", hikers.CommunityID)
	assert.Equal(t, "6650f0c1e4b0a1b2c3d4e5f6", hikers.ID)
	assert.Equal(t, "ch-hikers", hikers.ChannelID)
	assert.Equal(t, "Weekend Hikers", hikers.DisplayName)
	assert.True(t, hikers.IsOfficial)
	assert.True(t, hikers.IsJoined)
	assert.True(t, hikers.HasFlaggedPost)
	assert.True(t, hikers.NeedApprovalOnPostCreation)
	assert.Equal(t, []string{"outdoors", "hiking"}, hikers.Tags)
	assert.Equal(t, map[string]any{"region": "alps"}, hikers.Metadata)
	assert.Equal(t, 42, hikers.PostsCount)
	assert.Equal(t, 3, hikers.MembersCount)
	assert.Equal(t, 1, hikers.ModeratorMemberCount)
	require.NotNil(t, hikers.AllowCommentInStory)
	assert.False(t, *hikers.AllowCommentInStory)
	assert.Nil(t, page.Communities[1].AllowCommentInStory, "absent stays nil (the server's default is true)")
	assert.Equal(t, amity.CommunityNotificationSubscribe, hikers.NotificationMode)
	assert.Equal(t, 2024, hikers.CreatedAt.Year())
	assert.Equal(t, 5, int(hikers.UpdatedAt.Month()))
	assert.Contains(t, string(page.Raw), `"futureField"`, "unknown fields stay reachable in Raw")

	// Lookups resolve the sideloads.
	assert.Same(t, hikers, page.Community(), "the first community")
	assert.Same(t, hikers, page.CommunityByID("c-hikers"))
	assert.Same(t, hikers, page.CommunityByID("6650f0c1e4b0a1b2c3d4e5f6"))
	assert.Nil(t, page.CommunityByID("nope"))
	assert.Nil(t, page.CommunityByID(""))
	assert.Nil(t, (&amity.CommunityPayload{}).Community())
	members := page.Members(hikers)
	require.Len(t, members, 2)
	assert.Equal(t, "alice", members[0].UserID)
	assert.Equal(t, amity.CommunityMembershipBanned, members[1].CommunityMembership)
	assert.True(t, members[1].IsBanned)
	alice := page.Member(hikers, "alice")
	require.NotNil(t, alice)
	assert.Equal(t, []string{"community-moderator"}, alice.Roles)
	assert.Equal(t, []amity.Permission{amity.PermissionBanCommunityUser, amity.PermissionEditCommunity}, alice.Permissions)
	assert.Equal(t, 2024, alice.LastActivity.Year())
	assert.Nil(t, page.Member(&amity.Community{CommunityID: "c-chess"}, "alice"))
	assert.Nil(t, page.Member(hikers, ""))
	assert.Equal(t, "Alice", page.UserByID("alice").DisplayName)
	assert.Equal(t, "Alice", page.MemberUser(alice).DisplayName)
	assert.Nil(t, page.MemberUser(nil))
	assert.Equal(t, "Alice", page.Creator(hikers).DisplayName)
	assert.Equal(t, "Bob", page.Creator(&page.Communities[1]).DisplayName)
	assert.Nil(t, page.UserByID("nobody"))
	avatar := page.Avatar(hikers)
	require.NotNil(t, avatar)
	assert.Equal(t, "image/png", avatar.Attributes.MimeType)
	assert.Nil(t, page.Avatar(&page.Communities[1]))
	cats := page.CategoriesOf(hikers)
	require.Len(t, cats, 1, "a category the payload lacks is skipped")
	assert.Equal(t, "Sports", cats[0].Name)
	assert.Empty(t, page.CategoriesOf(&page.Communities[1]))
	feeds := page.FeedsOf(hikers)
	require.Len(t, feeds, 2, "only the community's feeds, not a user feed with the same target ID")
	assert.Equal(t, amity.FeedTypePublished, feeds[0].FeedType)
	assert.Equal(t, 40, feeds[0].PostCount)
	assert.Equal(t, amity.FeedTargetCommunity, feeds[1].TargetType)

	// nil arguments are safe.
	assert.Nil(t, page.Members(nil))
	assert.Nil(t, page.Avatar(nil))
	assert.Nil(t, page.CategoriesOf(nil))
	assert.Nil(t, page.FeedsOf(nil))
	assert.Nil(t, page.Creator(nil))
}

func TestCommunitiesListIteratesPages(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "communities_page1.json"), fixture(t, "communities_page2.json")
	listing := recordPages(t, mt, "/api/v3/communities", "options[token]", "tok-2", p1, p2)
	var ids []string
	for cm, err := range c.Communities.List(context.Background(), &amity.ListCommunitiesParams{Filter: amity.CommunityFilterNotMember, PageParams: amity.PageParams{Limit: 2}}) {
		require.NoError(t, err)
		ids = append(ids, cm.CommunityID)
	}
	assert.Equal(t, []string{"c-hikers", "c-chess", "c-books"}, ids)
	assert.Equal(t, []string{
		"filter=notMember&options%5Blimit%5D=2",
		"filter=notMember&options%5Blimit%5D=2&options%5Btoken%5D=tok-2",
	}, listing.queries())
}

func TestCommunitiesListStopsOnError(t *testing.T) {
	c, mt := mockClient(t, amity.WithMaxRetries(0))
	recordAny(t, mt, `{"status":"error","code":400301,"message":"Only administrator can do this"}`, 403)
	n := 0
	for _, err := range c.Communities.List(context.Background(), nil) {
		require.Error(t, err)
		assert.ErrorIs(t, err, amity.ErrForbidden)
		n++
	}
	assert.Equal(t, 1, n)
}

func TestCommunitiesGet(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "communities_one.json"))

	p, err := c.Communities.Get(ctx, "c/hikers")
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "GET", req.Method)
	assert.Equal(t, "/api/v3/communities/c%2Fhikers", req.Path, "IDs are path-escaped")
	assert.Empty(t, req.Query)
	cm := &p.Communities[0]
	assert.Equal(t, "c-hikers", cm.CommunityID)
	assert.Contains(t, string(p.Raw), `"isDiscoverable"`)
	assert.Equal(t, "https://files.example/hikers.png", p.Avatar(cm).FileURL)
	assert.Equal(t, "Sports", p.CategoriesOf(cm)[0].Name)
	assert.Len(t, p.FeedsOf(cm), 1)

	rec.reset()
	_, err = c.Communities.GetByInternalID(ctx, "6650f0c1e4b0a1b2c3d4e5f6")
	require.NoError(t, err)
	req = rec.only(t)
	assert.Equal(t, "/api/v3/communities/6650f0c1e4b0a1b2c3d4e5f6", req.Path)
	assert.Equal(t, "type=internal", req.Query)
}

func TestCommunitiesEmptyAnswerIsMalformed(t *testing.T) {
	c, mt := mockClient(t)
	recordAny(t, mt, `{"communities":[],"users":[]}`)
	ctx := context.Background()
	_, err := c.Communities.Get(ctx, "c1")
	assert.ErrorIs(t, err, amity.ErrMalformedResponse)
	assert.NotErrorIs(t, err, amity.ErrNotFound, "an empty answer is not a missing community")
	_, err = c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "x"})
	assert.ErrorIs(t, err, amity.ErrMalformedResponse)
	_, err = c.Communities.Update(ctx, "c1", &amity.UpdateCommunityParams{})
	assert.ErrorIs(t, err, amity.ErrMalformedResponse)
}

func TestCommunitiesGetMany(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "communities_page2.json"))
	p, err := c.Communities.GetMany(ctx, &amity.GetManyCommunitiesParams{CommunityIDs: []string{"c-books", "c-chess"}})
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "GET", req.Method)
	assert.Equal(t, "/api/v3/communities/list", req.Path)
	assert.Equal(t, "communityIds%5B%5D=c-books&communityIds%5B%5D=c-chess", req.Query)
	assert.Equal(t, "c-books", p.Communities[0].CommunityID)

	rec.reset()
	_, err = c.Communities.GetManyByInternalID(ctx, &amity.GetManyCommunitiesParams{CommunityIDs: []string{"i1"}})
	require.NoError(t, err)
	assert.Equal(t, "communityIds%5B%5D=i1&type=internal", rec.only(t).Query)
}

func TestCommunitiesRecommendedAndTopTrending(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "communities_page2.json"))
	p, err := c.Communities.GetRecommended(ctx, &amity.TopCommunitiesParams{Limit: 5})
	require.NoError(t, err)
	assert.Len(t, p.Communities, 1)
	_, err = c.Communities.GetTopTrending(ctx, nil)
	require.NoError(t, err)
	require.Len(t, rec.all(), 2)
	assert.Equal(t, "/api/v3/communities/recommended", rec.all()[0].Path)
	assert.Equal(t, "options%5Blimit%5D=5", rec.all()[0].Query)
	assert.Equal(t, "/api/v3/communities/top-trending", rec.all()[1].Path)
	assert.Empty(t, rec.all()[1].Query, "0 leaves the limit to the server")
}

func TestCommunitiesCreate(t *testing.T) {
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "communities_one.json"))
	p, err := c.Communities.Create(context.Background(), &amity.CreateCommunityParams{
		DisplayName: "Weekend Hikers", IsPublic: amity.Ptr(false), IsOfficial: amity.Ptr(true), OnlyAdminCanPost: amity.Ptr(false),
		Description: "Trails", Tags: []string{"outdoors"}, Metadata: map[string]any{"region": "alps"}, AvatarFileID: "file-hikers",
		UserIDs: []string{"alice", "bob"}, CategoryIDs: []string{"cat-sports"}, IsUniqueDisplayName: amity.Ptr(true),
		NeedApprovalOnPostCreation: amity.Ptr(true), AllowCommentInStory: amity.Ptr(false), NotificationMode: amity.CommunityNotificationSilent,
	})
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "POST", req.Method)
	assert.Equal(t, "/api/v3/communities", req.Path)
	assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
	assert.JSONEq(t, `{"displayName":"Weekend Hikers","isPublic":false,"isOfficial":true,"onlyAdminCanPost":false,
		"description":"Trails","tags":["outdoors"],"metadata":{"region":"alps"},"avatarFileId":"file-hikers",
		"userIds":["alice","bob"],"categoryIds":["cat-sports"],"isUniqueDisplayName":true,"needApprovalOnPostCreation":true,
		"allowCommentInStory":false,"notificationMode":"silent"}`, req.Body)
	assert.Equal(t, "c-hikers", p.Communities[0].CommunityID)

	rec.reset()
	_, err = c.Communities.Create(context.Background(), &amity.CreateCommunityParams{DisplayName: "Minimal"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"displayName":"Minimal"}`, rec.only(t).Body, "unset optional fields are not sent")
}

func TestCommunitiesUpdate(t *testing.T) {
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "communities_one.json"))
	_, err := c.Communities.Update(context.Background(), "c-hikers", &amity.UpdateCommunityParams{
		DisplayName: amity.Ptr("Hikers"), Description: amity.Ptr(""), Tags: []string{"alps"}, IsPublic: amity.Ptr(true),
		NotificationMode: amity.CommunityNotificationDefault,
	})
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "PUT", req.Method)
	assert.Equal(t, "/api/v3/communities/c-hikers", req.Path)
	assert.JSONEq(t, `{"communityId":"c-hikers","displayName":"Hikers","description":"","tags":["alps"],"isPublic":true,"notificationMode":"default"}`, req.Body)

	rec.reset()
	_, err = c.Communities.Update(context.Background(), "c-hikers", &amity.UpdateCommunityParams{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"communityId":"c-hikers"}`, rec.only(t).Body)
}

func TestCommunitiesDelete(t *testing.T) {
	c, mt := mockClient(t)
	rec := recordAny(t, mt, `{"success":true}`)
	require.NoError(t, c.Communities.Delete(context.Background(), "c-hikers"))
	req := rec.only(t)
	assert.Equal(t, "DELETE", req.Method)
	assert.Equal(t, "/api/v3/communities/c-hikers", req.Path)
}

func TestCommunitiesJoinLeave(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "communities_one.json"))
	p, err := c.Communities.Join(ctx, "c-hikers")
	require.NoError(t, err)
	assert.Equal(t, "c-hikers", p.Communities[0].CommunityID)
	_, err = c.Communities.Leave(ctx, "c-hikers")
	require.NoError(t, err)
	require.Len(t, rec.all(), 2)
	assert.Equal(t, "POST", rec.all()[0].Method)
	assert.Equal(t, "/api/v3/communities/c-hikers/join", rec.all()[0].Path)
	assert.Empty(t, rec.all()[0].Body)
	assert.Equal(t, "DELETE", rec.all()[1].Method)
	assert.Equal(t, "/api/v3/communities/c-hikers/leave", rec.all()[1].Path)
}

func TestCommunitiesJoinBanned(t *testing.T) {
	c, mt := mockClient(t)
	recordAny(t, mt, `{"status":"error","code":400304,"message":"User is banned from a channel / community."}`, 403)
	_, err := c.Communities.Join(context.Background(), "c-hikers")
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, amity.CodeUserBanned, ae.Code)
	assert.ErrorIs(t, err, amity.ErrBanned)
	assert.ErrorIs(t, err, amity.ErrForbidden)
	assert.Equal(t, "/api/v3/communities/c-hikers/join", ae.Path)
}

func TestCommunitiesMyPermissions(t *testing.T) {
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "communities_permissions.json"))
	perms, err := c.Communities.GetMyPermissions(context.Background(), "c-hikers")
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "GET", req.Method)
	assert.Equal(t, "/api/v3/communities/c-hikers/permissions/me", req.Path)
	assert.False(t, perms.IsCreator)
	assert.True(t, perms.Has(amity.PermissionBanCommunityUser))
	assert.True(t, perms.Has(amity.PermissionAssignCommunityUserRole))
	assert.False(t, perms.Has(amity.PermissionDeleteCommunity))
}

// TestCommunitiesWriteRetries checks which writes are retried after a 5xx (the request
// reached the server): only those idempotent by construction.
func TestCommunitiesWriteRetries(t *testing.T) {
	runShapeCases(t, []shapeCase{
		{name: "Create", attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "x"})
			}},
		{name: "Update", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Communities.Update(ctx, "c1", &amity.UpdateCommunityParams{DisplayName: amity.Ptr("x")})
			}},
		{name: "Delete", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Communities.Delete(ctx, "c1"))
			}},
		{name: "Join", attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Communities.Join(ctx, "c1") }},
		{name: "Leave", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Communities.Leave(ctx, "c1") }},
		{name: "Categories.Create", attempts: 1,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.CommunityCategories.Create(ctx, &amity.CreateCommunityCategoryParams{Name: "x"})
			}},
		{name: "Categories.Update", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.CommunityCategories.Update(ctx, "cat1", &amity.UpdateCommunityCategoryParams{Name: amity.Ptr("x")})
			}},
		{name: "Categories.Delete", attempts: 3,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.CommunityCategories.Delete(ctx, "cat1"))
			}},
	})
}

func TestCommunitiesErrors(t *testing.T) {
	c, mt := mockClient(t, amity.WithMaxRetries(0))
	recordAny(t, mt, `{"status":"error","code":400400,"message":"Resource Not Found."}`, 404)
	_, err := c.Communities.Get(context.Background(), "gone")
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 404, ae.StatusCode)
	assert.Equal(t, amity.CodeItemNotFound, ae.Code)
	assert.True(t, errors.Is(err, amity.ErrNotFound))
	assert.Equal(t, "GET", ae.Method)
	assert.Equal(t, "/api/v3/communities/gone", ae.Path)

	c2, mt2 := mockClient(t, amity.WithMaxRetries(0))
	recordAny(t, mt2, `{"status":"error","code":400306,"message":"Some users cannot be banned"}`, 403)
	_, err = c2.Communities.BanMembers(context.Background(), "c1", &amity.CommunityMembersParams{UserIDs: []string{"admin"}})
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 400306, ae.Code)
	assert.ErrorIs(t, err, amity.ErrForbidden)
	assert.NotErrorIs(t, err, amity.ErrBanned)
}

// TestCommunitiesUnknownEnumsAreSent: a filter, order, notification mode, membership or ID
// type the SDK does not know is sent as given; muted, a standing the API's clients know, is
// a membership filter like the others.
func TestCommunitiesUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"List filter and sort", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Communities.ListPage(ctx, &amity.ListCommunitiesParams{Filter: "joined", SortBy: "name"}))
		}, []string{"filter=joined", "sortBy=name"}},
		{"Create notification mode", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "x", NotificationMode: "loud"}))
		}, []string{`"notificationMode":"loud"`}},
		{"Update notification mode", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Communities.Update(ctx, "c1", &amity.UpdateCommunityParams{NotificationMode: "loud"}))
		}, []string{`"notificationMode":"loud"`}},
		{"ListMembers memberships, sort, ID type", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Communities.ListMembersPage(ctx, "c1", &amity.ListCommunityMembersParams{
				Memberships: []amity.CommunityMembership{amity.CommunityMembershipMuted, amity.CommunityMembershipNone}, SortBy: "role", IDType: "private"}))
		}, []string{"memberships[]=muted&memberships[]=none", "sortBy=role", "type=private"}},
	})
}

func TestCommunitiesValidation(t *testing.T) {
	ctx := context.Background()
	many := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "u" + strings.Repeat("1", i%5+1)
		}
		return out
	}
	okRoles := &amity.CommunityRolesParams{UserIDs: []string{"u1"}, Roles: []string{"r"}}
	cases := []struct {
		name, field string
		call        func(c *amity.Client) error
	}{
		{"Get empty ID", "communityID", func(c *amity.Client) error { return errOf(c.Communities.Get(ctx, " ")) }},
		{"Get dot segment", "communityID", func(c *amity.Client) error { return errOf(c.Communities.Get(ctx, "..")) }},
		{"Get long ID", "communityID", func(c *amity.Client) error { return errOf(c.Communities.Get(ctx, longString(901))) }},
		{"GetByInternalID empty", "communityID", func(c *amity.Client) error { return errOf(c.Communities.GetByInternalID(ctx, "")) }},
		{"GetMany none", "CommunityIDs", func(c *amity.Client) error {
			return errOf(c.Communities.GetMany(ctx, &amity.GetManyCommunitiesParams{}))
		}},
		{"GetMany too many", "CommunityIDs", func(c *amity.Client) error {
			return errOf(c.Communities.GetMany(ctx, &amity.GetManyCommunitiesParams{CommunityIDs: many(101)}))
		}},
		{"GetMany long ID", "CommunityIDs", func(c *amity.Client) error {
			return errOf(c.Communities.GetMany(ctx, &amity.GetManyCommunitiesParams{CommunityIDs: []string{longString(51)}}))
		}},
		{"GetManyByInternalID blank", "CommunityIDs", func(c *amity.Client) error {
			return errOf(c.Communities.GetManyByInternalID(ctx, &amity.GetManyCommunitiesParams{CommunityIDs: []string{""}}))
		}},
		{"ListPage limit", "Limit", func(c *amity.Client) error {
			return errOf(c.Communities.ListPage(ctx, &amity.ListCommunitiesParams{PageParams: amity.PageParams{Limit: 101}}))
		}},
		{"ListPage token", "PageToken", func(c *amity.Client) error {
			return errOf(c.Communities.ListPage(ctx, &amity.ListCommunitiesParams{PageParams: amity.PageParams{PageToken: longString(1001)}}))
		}},
		{"ListPage keyword", "Keyword", func(c *amity.Client) error {
			return errOf(c.Communities.ListPage(ctx, &amity.ListCommunitiesParams{Keyword: longString(101)}))
		}},
		{"ListPage tags", "Tags", func(c *amity.Client) error {
			return errOf(c.Communities.ListPage(ctx, &amity.ListCommunitiesParams{Tags: many(11)}))
		}},
		{"ListPage empty tag", "Tags", func(c *amity.Client) error {
			return errOf(c.Communities.ListPage(ctx, &amity.ListCommunitiesParams{Tags: []string{"a", ""}}))
		}},
		{"ListPage category", "CategoryID", func(c *amity.Client) error {
			return errOf(c.Communities.ListPage(ctx, &amity.ListCommunitiesParams{CategoryID: longString(51)}))
		}},
		{"Recommended limit", "Limit", func(c *amity.Client) error {
			return errOf(c.Communities.GetRecommended(ctx, &amity.TopCommunitiesParams{Limit: 101}))
		}},
		{"TopTrending limit", "Limit", func(c *amity.Client) error {
			return errOf(c.Communities.GetTopTrending(ctx, &amity.TopCommunitiesParams{Limit: -1}))
		}},
		{"Create nil", "params", func(c *amity.Client) error { return errOf(c.Communities.Create(ctx, nil)) }},
		{"Create no name", "DisplayName", func(c *amity.Client) error {
			return errOf(c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "  "}))
		}},
		{"Create long name", "DisplayName", func(c *amity.Client) error {
			return errOf(c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: longString(1001)}))
		}},
		{"Create description", "Description", func(c *amity.Client) error {
			return errOf(c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "x", Description: longString(5001)}))
		}},
		{"Create long tag", "Tags[]", func(c *amity.Client) error {
			return errOf(c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "x", Tags: []string{longString(101)}}))
		}},
		{"Create avatar", "AvatarFileID", func(c *amity.Client) error {
			return errOf(c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "x", AvatarFileID: longString(51)}))
		}},
		{"Create users", "UserIDs", func(c *amity.Client) error {
			return errOf(c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "x", UserIDs: many(1001)}))
		}},
		{"Create categories", "CategoryIDs", func(c *amity.Client) error {
			return errOf(c.Communities.Create(ctx, &amity.CreateCommunityParams{DisplayName: "x", CategoryIDs: many(11)}))
		}},
		{"Update empty ID", "communityID", func(c *amity.Client) error {
			return errOf(c.Communities.Update(ctx, "", &amity.UpdateCommunityParams{}))
		}},
		{"Update nil", "params", func(c *amity.Client) error { return errOf(c.Communities.Update(ctx, "c1", nil)) }},
		{"Update empty name", "DisplayName", func(c *amity.Client) error {
			return errOf(c.Communities.Update(ctx, "c1", &amity.UpdateCommunityParams{DisplayName: amity.Ptr("")}))
		}},
		{"Update empty avatar", "AvatarFileID", func(c *amity.Client) error {
			return errOf(c.Communities.Update(ctx, "c1", &amity.UpdateCommunityParams{AvatarFileID: amity.Ptr("")}))
		}},
		{"Update tags", "Tags", func(c *amity.Client) error {
			return errOf(c.Communities.Update(ctx, "c1", &amity.UpdateCommunityParams{Tags: many(11)}))
		}},
		{"Delete empty", "communityID", func(c *amity.Client) error { return c.Communities.Delete(ctx, "") }},
		{"Join empty", "communityID", func(c *amity.Client) error { return errOf(c.Communities.Join(ctx, "")) }},
		{"Leave empty", "communityID", func(c *amity.Client) error { return errOf(c.Communities.Leave(ctx, "")) }},
		{"MyPermissions empty", "communityID", func(c *amity.Client) error { return errOf(c.Communities.GetMyPermissions(ctx, "")) }},
		{"ListMembersPage empty ID", "communityID", func(c *amity.Client) error { return errOf(c.Communities.ListMembersPage(ctx, "", nil)) }},
		{"ListMembersPage empty membership", "Memberships[]", func(c *amity.Client) error {
			return errOf(c.Communities.ListMembersPage(ctx, "c1", &amity.ListCommunityMembersParams{Memberships: []amity.CommunityMembership{""}}))
		}},
		{"ListMembersPage memberships", "Memberships", func(c *amity.Client) error {
			return errOf(c.Communities.ListMembersPage(ctx, "c1", &amity.ListCommunityMembersParams{Memberships: []amity.CommunityMembership{"member", "banned", "member"}}))
		}},
		{"ListMembersPage roles", "Roles", func(c *amity.Client) error {
			return errOf(c.Communities.ListMembersPage(ctx, "c1", &amity.ListCommunityMembersParams{Roles: many(21)}))
		}},
		{"ListMembersPage search", "Search", func(c *amity.Client) error {
			return errOf(c.Communities.ListMembersPage(ctx, "c1", &amity.ListCommunityMembersParams{Search: longString(10001)}))
		}},
		{"ListMembers limit", "Limit", func(c *amity.Client) error {
			for _, err := range c.Communities.ListMembers(ctx, "c1", &amity.ListCommunityMembersParams{PageParams: amity.PageParams{Limit: -1}}) {
				return err
			}
			return nil
		}},
		{"AddMembers none", "UserIDs", func(c *amity.Client) error {
			return errOf(c.Communities.AddMembers(ctx, "c1", &amity.CommunityMembersParams{}))
		}},
		{"AddMembers too many", "UserIDs", func(c *amity.Client) error {
			return errOf(c.Communities.AddMembers(ctx, "c1", &amity.CommunityMembersParams{UserIDs: many(101)}))
		}},
		{"AddMembers long", "UserIDs", func(c *amity.Client) error {
			return errOf(c.Communities.AddMembers(ctx, "c1", &amity.CommunityMembersParams{UserIDs: []string{longString(51)}}))
		}},
		{"AddMembers empty community", "communityID", func(c *amity.Client) error {
			return errOf(c.Communities.AddMembers(ctx, "", &amity.CommunityMembersParams{UserIDs: []string{"u1"}}))
		}},
		{"RemoveMembers none", "UserIDs", func(c *amity.Client) error {
			return errOf(c.Communities.RemoveMembers(ctx, "c1", &amity.CommunityMembersParams{UserIDs: []string{}}))
		}},
		{"BanMembers too many", "UserIDs", func(c *amity.Client) error {
			return errOf(c.Communities.BanMembers(ctx, "c1", &amity.CommunityMembersParams{UserIDs: many(101)}))
		}},
		{"BanMembers long", "UserIDs", func(c *amity.Client) error {
			return errOf(c.Communities.BanMembers(ctx, "c1", &amity.CommunityMembersParams{UserIDs: []string{longString(901)}}))
		}},
		{"UnbanMembers none", "UserIDs", func(c *amity.Client) error {
			return errOf(c.Communities.UnbanMembers(ctx, "c1", &amity.CommunityMembersParams{}))
		}},
		{"UnbanMembers empty community", "communityID", func(c *amity.Client) error {
			return errOf(c.Communities.UnbanMembers(ctx, "", &amity.CommunityMembersParams{UserIDs: []string{"u1"}}))
		}},
		{"AddMembers nil", "params", func(c *amity.Client) error { return errOf(c.Communities.AddMembers(ctx, "c1", nil)) }},
		{"BanMembers nil", "params", func(c *amity.Client) error { return errOf(c.Communities.BanMembers(ctx, "c1", nil)) }},
		{"GetMany nil", "params", func(c *amity.Client) error { return errOf(c.Communities.GetMany(ctx, nil)) }},
		{"AddRoles nil", "params", func(c *amity.Client) error { return errOf(c.Communities.AddRoles(ctx, "c1", nil)) }},
		{"AddRoles no roles", "Roles", func(c *amity.Client) error {
			return errOf(c.Communities.AddRoles(ctx, "c1", &amity.CommunityRolesParams{UserIDs: []string{"u1"}}))
		}},
		{"AddRoles too many roles", "Roles", func(c *amity.Client) error {
			return errOf(c.Communities.AddRoles(ctx, "c1", &amity.CommunityRolesParams{UserIDs: []string{"u1"}, Roles: many(21)}))
		}},
		{"AddRoles no users", "UserIDs", func(c *amity.Client) error {
			return errOf(c.Communities.AddRoles(ctx, "c1", &amity.CommunityRolesParams{Roles: []string{"r"}}))
		}},
		{"AddRoles empty community", "communityID", func(c *amity.Client) error { return errOf(c.Communities.AddRoles(ctx, "", okRoles)) }},
		{"RemoveRoles too many roles", "Roles", func(c *amity.Client) error {
			return errOf(c.Communities.RemoveRoles(ctx, "c1", &amity.CommunityRolesParams{UserIDs: []string{"u1"}, Roles: many(101)}))
		}},
		{"RemoveRoles long role", "Roles", func(c *amity.Client) error {
			return errOf(c.Communities.RemoveRoles(ctx, "c1", &amity.CommunityRolesParams{UserIDs: []string{"u1"}, Roles: []string{longString(101)}}))
		}},
		{"V3.AddRole no role", "Role", func(c *amity.Client) error {
			return errOf(c.Communities.V3.AddRole(ctx, "c1", &amity.V3CommunityRoleParams{UserIDs: []string{"u1"}}))
		}},
		{"V3.AddRole long role", "Role", func(c *amity.Client) error {
			return errOf(c.Communities.V3.AddRole(ctx, "c1", &amity.V3CommunityRoleParams{UserIDs: []string{"u1"}, Role: longString(101)}))
		}},
		{"V3.RemoveRole long role", "Role", func(c *amity.Client) error {
			return errOf(c.Communities.V3.RemoveRole(ctx, "c1", &amity.V3CommunityRoleParams{UserIDs: []string{"u1"}, Role: longString(901)}))
		}},
		{"V3.RemoveRole no users", "UserIDs", func(c *amity.Client) error {
			return errOf(c.Communities.V3.RemoveRole(ctx, "c1", &amity.V3CommunityRoleParams{Role: "r"}))
		}},
		{"V3.RemoveRole nil", "params", func(c *amity.Client) error { return errOf(c.Communities.V3.RemoveRole(ctx, "c1", nil)) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := mockClient(t)
			recordAny(t, mt, `{}`)
			err := tc.call(c)
			ve := assertInvalid(t, err, tc.field)
			assert.True(t, strings.HasPrefix(ve.Op, "Communities."), ve.Op)
			assert.Equal(t, 0, mt.GetTotalCallCount(), "nothing is sent")
		})
	}
	// The long-role checks above are per call: a v3 removal accepts a 900-character role.
	c, mt := mockClient(t)
	recordAny(t, mt, fixture(t, "communities_one.json"))
	_, err := c.Communities.V3.RemoveRole(ctx, "c1", &amity.V3CommunityRoleParams{UserIDs: []string{"u1"}, Role: longString(900)})
	require.NoError(t, err)
}

func TestCommunitiesPayloadJSONRoundTrip(t *testing.T) {
	var p amity.CommunityPayload
	require.NoError(t, json.Unmarshal([]byte(fixture(t, "communities_page1.json")), &p))
	b, err := json.Marshal(p.Communities[0])
	require.NoError(t, err)
	var again amity.Community
	require.NoError(t, json.Unmarshal(b, &again))
	assert.Equal(t, p.Communities[0].DisplayName, again.DisplayName)
	assert.Equal(t, p.Communities[0].CreatedAt.Time, again.CreatedAt.Time)
}

func TestCommunitiesListPages(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v3/communities", "options[token]", "tok-2", fixture(t, "communities_page1.json"), fixture(t, "communities_page2.json"))
	var pages []*amity.CommunityPayload
	for p, err := range c.Communities.ListPages(context.Background(), &amity.ListCommunitiesParams{Keyword: "k"}) {
		require.NoError(t, err)
		pages = append(pages, p)
	}
	require.Len(t, pages, 2)
	assert.NotNil(t, pages[0].Avatar(pages[0].Community()), "a page keeps its sideloads")
	assert.Equal(t, "c-books", pages[1].Community().CommunityID)
	assert.Equal(t, []string{"keyword=k", "keyword=k&options%5Btoken%5D=tok-2"}, listing.queries())

	for _, err := range c.Communities.ListPages(context.Background(), &amity.ListCommunitiesParams{PageParams: amity.PageParams{PageToken: strings.Repeat("t", 1001)}}) {
		assertInvalid(t, err, "PageToken", "community tokens are at most 1,000 characters")
	}
	assert.Len(t, listing.all(), 2)
}

func TestCommunitiesUnsuccessful(t *testing.T) {
	c, mt := mockClient(t, amity.WithMaxRetries(0))
	recordAny(t, mt, `{"success":false}`)
	err := c.Communities.Delete(context.Background(), "c1")
	assert.ErrorIs(t, err, amity.ErrUnsuccessful)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "DELETE", ae.Method)
}

func TestCommunitiesCallOptions(t *testing.T) {
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "communities_one.json"))
	ctx := context.Background()
	_, err := c.Communities.Get(ctx, "c1", amity.WithCallHeader("X-Trace", "t1"))
	require.NoError(t, err)
	_, err = c.Communities.V3.AddRole(ctx, "c1", &amity.V3CommunityRoleParams{UserIDs: []string{"u"}, Role: "r"}, amity.WithCallHeader("X-Trace", "t2"))
	require.NoError(t, err)
	_, err = c.Communities.AddMembers(ctx, "c1", &amity.CommunityMembersParams{UserIDs: []string{"u"}}, amity.WithCallHeader("X-Trace", "t3"))
	require.NoError(t, err)
	require.Len(t, rec.all(), 3)
	for i, want := range []string{"t1", "t2", "t3"} {
		assert.Equal(t, want, rec.all()[i].Header.Get("X-Trace"))
	}
}

func TestCommunitiesStringListBounds(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	for name, params := range map[string]*amity.ListCommunitiesParams{
		"blank tag":   {Tags: []string{"a", " "}},
		"long tag":    {Tags: []string{strings.Repeat("t", 1001)}},
		"eleven tags": {Tags: make([]string, 11)},
	} {
		_, err := c.Communities.ListPage(ctx, params)
		assert.True(t, strings.HasPrefix(assertInvalid(t, err, "", name).Field, "Tags"), name)
	}
	assert.Zero(t, mt.GetTotalCallCount())
}
