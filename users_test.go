package amity_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUsersBanAndUnban(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("POST", "/api/v2/users/ban", "", 503, 200)
	rec.route("POST", "/api/v2/users/unban", "")

	require.NoError(t, c.Users.Ban(ctx, "mallory"))
	calls := rec.all()
	require.Len(t, calls, 2, "a global ban sets state: retried after a 503")
	assert.JSONEq(t, `{"userId":"mallory"}`, calls[1].Body)
	assert.Equal(t, apiKey, calls[1].Header.Get("X-API-Key"), "ban is ApiKeyAuth in the spec")
	assert.Equal(t, "Bearer "+adminToken, calls[1].Header.Get("Authorization"))

	require.NoError(t, c.Users.Unban(ctx, "mallory"))
	last := rec.last(t)
	assert.Equal(t, "/api/v2/users/unban", last.Path)
	assert.JSONEq(t, `{"userId":"mallory"}`, last.Body)
	assert.Empty(t, last.Header.Get("X-API-Key"), "unban is BearerAuth in the spec")
}

func TestUsersBanError(t *testing.T) {
	c, mt := mockClient(t, amity.WithMaxRetries(0))
	mt.RegisterResponder("POST", "https://api.test/api/v2/users/ban",
		jsonResponder(404, `{"status":"error","code":400400,"message":"Resource Not Found."}`))
	err := c.Users.Ban(context.Background(), "ghost")
	assert.ErrorIs(t, err, amity.ErrNotFound)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "POST", ae.Method)
	assert.Equal(t, "/api/v2/users/ban", ae.Path)
}

func TestUsersClearFlags(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "DELETE", "/api/v2/users/mallory/flags", fixture(t, "users_clearflags.json"))
	p, err := c.Users.ClearFlags(context.Background(), "mallory")
	require.NoError(t, err)
	assert.Equal(t, "DELETE", rec.last(t).Method)
	assert.Empty(t, rec.last(t).Body)
	u := p.User()
	require.NotNil(t, u)
	assert.Equal(t, "mallory", u.UserID)
	assert.Zero(t, u.FlagCount)
	assert.Equal(t, 2024, u.UpdatedAt.Year())
	assert.Contains(t, string(p.Raw), `"futureField"`)
	assert.Same(t, u, p.UserByID("mallory"))

	mt.RegisterResponder("DELETE", "https://api.test/api/v2/users/ghost/flags", jsonResponder(200, `{"displayName":"x"}`))
	_, err = c.Users.ClearFlags(context.Background(), "ghost")
	assert.ErrorIs(t, err, amity.ErrMalformedResponse, "an answer without the user")
}

func TestUsersFlagUnflagAsUser(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("POST", "/api/v4/me/flags/mallory", fixture(t, "users_flag.json"))
	rec.route("DELETE", "/api/v4/me/flags/mallory", fixture(t, "users_flag.json"))
	rec.route("GET", "/api/v3/users/mallory/isFlagByMe", `{"isFlagByMe":true}`)

	fp, err := u.Users.Flag(ctx, "mallory", nil)
	require.NoError(t, err)
	assert.Equal(t, "POST", rec.last(t).Method)
	assert.Equal(t, "Bearer user-tok", rec.last(t).Header.Get("Authorization"), "flags are the user's")
	flagged := fp.UserByID("mallory")
	require.NotNil(t, flagged)
	assert.Equal(t, 5, flagged.FlagCount)
	require.NotNil(t, flagged.HashFlag)
	assert.JSONEq(t, `["a1", "b2"]`, flagged.HashFlag.Hash.String(), "kept as sent")
	assert.Contains(t, string(fp.Raw), "reportReasons")

	mine, err := u.Users.IsFlaggedByMe(ctx, "mallory")
	require.NoError(t, err)
	assert.True(t, mine)
	assert.Equal(t, "Bearer user-tok", rec.last(t).Header.Get("Authorization"))

	unflagged, err := u.Users.Unflag(ctx, "mallory")
	require.NoError(t, err)
	assert.Equal(t, "DELETE", rec.last(t).Method)
	assert.Equal(t, "mallory", unflagged.User().UserID)
}

func TestUsersFlagEmptyAnswerAndNoRetry(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("POST", "/api/v4/me/flags/bob", `{"users":[],"files":[]}`)
	u, err := c.Users.Flag(ctx, "bob", nil)
	require.NoError(t, err, "an answer without the user is not an error after the flag was applied")
	assert.Nil(t, u.User())

	rec2 := record(t, mt, "POST", "/api/v4/me/flags/carol", "", 502, 200)
	_, err = c.Users.Flag(ctx, "carol", nil)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 502, ae.StatusCode)
	assert.Len(t, rec2.all(), 1, "a flag adds to the count: never repeated")

	rec3 := newRecorder(t, mt)
	rec3.route("DELETE", "/api/v4/me/flags/carol", fixture(t, "users_flag.json"), 502, 200)
	_, err = c.Users.Unflag(ctx, "carol")
	require.NoError(t, err)
	assert.Len(t, rec3.all(), 2, "unflag is idempotent: retried")
}

func TestUsersListBlockedIterates(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	p1, p2 := fixture(t, "users_blocked_page1.json"), fixture(t, "users_blocked_page2.json")
	listing := recordPages(t, mt, "/api/v4/me/user-blocks", "token", "blocks-2", p1, p2)
	var blocked []amity.User
	for user, err := range u.Users.ListBlocked(context.Background(), &amity.ListBlockedUsersParams{PageParams: amity.PageParams{Limit: 2}}) {
		require.NoError(t, err)
		blocked = append(blocked, user)
	}
	require.Len(t, blocked, 3)
	assert.Equal(t, "mallory", blocked[0].UserID)
	assert.Equal(t, "Mallory", blocked[0].DisplayName)
	assert.Equal(t, "trent", blocked[1].UserID)
	assert.Equal(t, "eve", blocked[2].UserID, "a relation without a sideloaded user still yields its ID")
	assert.Equal(t, "64be1f6cb9b4106b5a6bb003", blocked[2].UserInternalID)
	assert.Equal(t, []string{"limit=2", "limit=2&token=blocks-2"}, listing.queries(), "flat limit/token paging")
	for _, r := range listing.all() {
		assert.Equal(t, "Bearer user-tok", r.Header.Get("Authorization"))
	}
}

func TestUsersListBlockedPage(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v4/me/user-blocks", fixture(t, "users_blocked_page1.json"))
	page, err := c.Users.ListBlockedPage(context.Background(), &amity.ListBlockedUsersParams{PageParams: amity.PageParams{PageToken: "blocks-1"}})
	require.NoError(t, err)
	assert.Equal(t, "token=blocks-1", rec.last(t).Query)
	assert.Equal(t, "blocks-2", page.Paging.Next)
	require.NotNil(t, page.Paging.Total)
	assert.Equal(t, 3, *page.Paging.Total)
	require.Len(t, page.Follows, 2)
	assert.Equal(t, amity.UserFollowBlocked, page.Follows[0].Status)
	assert.Equal(t, "alice", page.Follows[0].FromUserPublicID)
	assert.Equal(t, "2024-04-01T10:00:00Z", page.Follows[0].CreatedAt.Format(time.RFC3339))
	assert.Equal(t, []string{"mallory", "trent"}, []string{page.Blocked()[0].UserID, page.Blocked()[1].UserID})
	m := page.UserByID("mallory")
	require.NotNil(t, m)
	assert.Contains(t, string(page.Raw), "futureField")
	f := page.FileByID(m.AvatarFileID)
	require.NotNil(t, f)
	assert.Equal(t, "image/png", f.Attributes.MimeType)
	assert.Nil(t, page.UserByID("nobody"))
	assert.Same(t, m, page.BlockedUser(&page.Follows[0]))
}

func TestUsersBlockUnblock(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("POST", "/api/v4/me/user-blocks/mallory", fixture(t, "users_block.json"))
	rec.route("DELETE", "/api/v4/me/user-blocks/mallory", `{"follows":[{"from":"a","to":"m","status":"none"}],"followCounts":[]}`)

	out, err := u.Users.Block(ctx, "mallory")
	require.NoError(t, err)
	assert.Equal(t, "POST", rec.last(t).Method)
	assert.Equal(t, "Bearer user-tok", rec.last(t).Header.Get("Authorization"))
	require.Len(t, out.Follows, 1)
	assert.Equal(t, amity.UserFollowBlocked, out.Follows[0].Status)
	assert.Equal(t, "mallory", out.Follows[0].ToUserPublicID)
	require.Len(t, out.FollowCounts, 2)
	assert.Equal(t, amity.UserFollowCount{UserID: "alice", FollowerCount: 10, FollowingCount: 4}, out.FollowCounts[0])

	out, err = u.Users.Unblock(ctx, "mallory")
	require.NoError(t, err)
	assert.Equal(t, "DELETE", rec.last(t).Method)
	assert.Equal(t, amity.UserFollowNone, out.Follows[0].Status)
}

func TestUsersDelete(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("DELETE", "/api/v4/users/mallory", `{"success":true}`)
	require.NoError(t, c.Users.Delete(ctx, "mallory", nil))
	assert.Empty(t, rec.last(t).Query, "no option is sent unset")
	require.NoError(t, c.Users.Delete(ctx, "mallory", &amity.DeleteUserParams{DeleteAll: amity.Ptr(true), HardDeletePost: amity.Ptr(false)}))
	assert.Equal(t, "deleteAll=true&hardDeletePost=false", rec.last(t).Query)
	require.NoError(t, c.Users.Delete(ctx, "mallory", &amity.DeleteUserParams{MarkMessageDeleted: amity.Ptr(true), HardDeleteComment: amity.Ptr(true)}))
	assert.Equal(t, "hardDeleteComment=true&markMessageDeleted=true", rec.last(t).Query)

	mt.RegisterResponder("DELETE", "https://api.test/api/v4/users/root",
		jsonResponder(403, `{"status":"error","code":400301,"message":"Only administrator can do this"}`))
	err := c.Users.Delete(ctx, "root", nil)
	assert.ErrorIs(t, err, amity.ErrForbidden)
}

func TestUsersModerationBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	long := strings.Repeat("u", 51)
	cases := map[string]func() error{
		"ban empty":    func() error { return c.Users.Ban(ctx, "") },
		"ban long":     func() error { return c.Users.Ban(ctx, long) },
		"unban blank":  func() error { return c.Users.Unban(ctx, "  ") },
		"clear empty":  func() error { return errOf(c.Users.ClearFlags(ctx, "")) },
		"clear dot":    func() error { return errOf(c.Users.ClearFlags(ctx, "..")) },
		"isflag empty": func() error { return errOf(c.Users.IsFlaggedByMe(ctx, "")) },
		"isflag long":  func() error { return errOf(c.Users.IsFlaggedByMe(ctx, strings.Repeat("u", 901))) },
		"flag empty":   func() error { return errOf(c.Users.Flag(ctx, "", nil)) },
		"flag long":    func() error { return errOf(c.Users.Flag(ctx, long, nil)) },
		"unflag blank": func() error { return errOf(c.Users.Unflag(ctx, "\t")) },
		"block empty":  func() error { return errOf(c.Users.Block(ctx, "")) },
		"unblock dot":  func() error { return errOf(c.Users.Unblock(ctx, ".")) },
		"delete empty": func() error { return c.Users.Delete(ctx, "", nil) },
		"delete long":  func() error { return c.Users.Delete(ctx, long, &amity.DeleteUserParams{DeleteAll: amity.Ptr(true)}) },
		"blocked limit": func() error {
			return errOf(c.Users.ListBlockedPage(ctx, &amity.ListBlockedUsersParams{PageParams: amity.PageParams{Limit: -1}}))
		},
		"blocked limit up": func() error {
			return errOf(c.Users.ListBlockedPage(ctx, &amity.ListBlockedUsersParams{PageParams: amity.PageParams{Limit: 101}}))
		},
	}
	for name, call := range cases {
		err := call()
		if ve := assertInvalid(t, err, "", name); !strings.HasPrefix(name, "blocked") {
			assert.Equal(t, "userID", ve.Field, name)
		}
	}
	for range c.Users.ListBlocked(ctx, &amity.ListBlockedUsersParams{PageParams: amity.PageParams{Limit: 500}}) {
	}
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestUsersGetPayload(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("GET", "/api/v3/users/alice", fixture(t, "users_page1.json"))
	var resp *http.Response
	p, err := c.Users.Get(ctx, "alice", amity.WithCallHeader("X-Trace", "t1"), amity.WithCallResponse(&resp))
	require.NoError(t, err)
	last := rec.last(t)
	assert.Equal(t, "GET", last.Method)
	assert.Empty(t, last.Query)
	assert.Empty(t, last.Body)
	assert.Equal(t, "t1", last.Header.Get("X-Trace"), "call options reach the request")
	require.NotNil(t, resp)
	assert.Equal(t, 200, resp.StatusCode)
	u := p.User()
	require.NotNil(t, u)
	assert.Equal(t, "alice", u.UserID)
	assert.False(t, u.IsDeleted)
	assert.Equal(t, "image/png", p.Avatar(u).Attributes.MimeType)
	assert.Same(t, p.Avatar(u), p.FileByID("f-alice"))
	assert.Nil(t, p.Avatar(p.UserByID("bob")), "bob has no avatar")
	assert.Nil(t, p.Avatar(nil))
	assert.Same(t, u, p.UserByID("6f1"), "by internal ID too")
	assert.Contains(t, string(p.Raw), "futureField")

	rec.route("GET", "/api/v3/users/6f1", `{"users":[{"userId":"alice","isDeleted":true,"createdAt":"2024-05-01T10:00:00Z","updatedAt":"2024-05-01T10:00:00Z"}],"files":[]}`)
	p, err = c.Users.GetByInternalID(ctx, "6f1")
	require.NoError(t, err)
	assert.Equal(t, "type=internal", rec.last(t).Query)
	assert.True(t, p.User().IsDeleted, "isDeleted decodes")

	mt.RegisterResponder("GET", "https://api.test/api/v3/users/none", jsonResponder(200, `{"users":[],"files":[]}`))
	_, err = c.Users.Get(ctx, "none")
	assert.ErrorIs(t, err, amity.ErrMalformedResponse, "an answer without the user")
	assert.NotErrorIs(t, err, amity.ErrNotFound)

	mt.RegisterResponder("GET", "https://api.test/api/v3/users/gone",
		jsonResponder(404, `{"status":"error","code":400400,"message":"Resource Not Found."}`))
	_, err = c.Users.Get(ctx, "gone")
	assert.ErrorIs(t, err, amity.ErrNotFound)
	assert.Nil(t, (&amity.UserPayload{}).User())
}

func TestUsersGetMany(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("GET", "/api/v3/users/list", fixture(t, "users_page1.json"))
	p, err := c.Users.GetMany(ctx, &amity.GetManyUsersParams{UserIDs: []string{"alice", "bob"}})
	require.NoError(t, err)
	assert.Equal(t, "userIds%5B%5D=alice&userIds%5B%5D=bob", rec.last(t).Query)
	assert.Len(t, p.Users, 2)
	assert.NotNil(t, p.FileByID("f-alice"))

	for name, params := range map[string]*amity.GetManyUsersParams{
		"nil": nil, "empty": {}, "blank": {UserIDs: []string{"a", " "}},
		"too many": {UserIDs: make([]string, 101)}, "too long": {UserIDs: []string{strings.Repeat("u", 901)}},
	} {
		_, err := c.Users.GetMany(ctx, params)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument, name)
	}
	assert.Len(t, rec.all(), 1, "bad input sends nothing")
}

// TestUsersUpdateNeverCreatesByAccident: like the API's own clients, Update sends
// createNewUserWhenNotFound: false unless the caller asks for an upsert.
func TestUsersUpdateNeverCreatesByAccident(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("PUT", "/api/v3/users", fixture(t, "users_page1.json"), 200)
	_, err := c.Users.Update(ctx, &amity.UpdateUserParams{UserID: "alice"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"userId":"alice","createNewUserWhenNotFound":false}`, rec.last(t).Body)

	_, err = c.Users.Update(ctx, &amity.UpdateUserParams{UserID: "alice", DisplayName: amity.Ptr("Alice"), CreateIfNotFound: true})
	require.NoError(t, err)
	assert.JSONEq(t, `{"userId":"alice","displayName":"Alice","createNewUserWhenNotFound":true}`, rec.last(t).Body)
}

func TestUsersUpdate(t *testing.T) {
	c, mt := mockClient(t)
	rec := newRecorder(t, mt)
	ctx := context.Background()
	rec.route("PUT", "/api/v3/users", fixture(t, "users_page1.json"), 503, 200)
	p, err := c.Users.Update(ctx, &amity.UpdateUserParams{UserID: "alice", DisplayName: amity.Ptr("Alice"), Roles: []string{"moderator"},
		Metadata: map[string]any{"team": "blue"}, Description: amity.Ptr("")})
	require.NoError(t, err)
	calls := rec.all()
	require.Len(t, calls, 2, "an update sets fields: retried")
	assert.JSONEq(t, `{"userId":"alice","displayName":"Alice","roles":["moderator"],"metadata":{"team":"blue"},"description":"",
		"createNewUserWhenNotFound":false}`, calls[1].Body)
	assert.Equal(t, "alice", p.User().UserID)
	assert.NotNil(t, p.Avatar(p.User()))

	mt.RegisterResponder("PUT", "https://api.test/api/v3/users", jsonResponder(200, `{"users":[],"files":[]}`))
	_, err = c.Users.Update(ctx, &amity.UpdateUserParams{UserID: "alice"})
	assert.ErrorIs(t, err, amity.ErrMalformedResponse)

	before := mt.GetTotalCallCount()
	for name, params := range map[string]*amity.UpdateUserParams{
		"nil": nil, "no user": {}, "long user": {UserID: strings.Repeat("u", 51)},
		"roles": {UserID: "u", Roles: make([]string, 11)}, "role long": {UserID: "u", Roles: []string{strings.Repeat("r", 101)}},
		"metadata": {UserID: "u", Metadata: map[string]any{"x": strings.Repeat("m", 5001)}},
		"avatar":   {UserID: "u", AvatarFileID: amity.Ptr(strings.Repeat("f", 51))},
		"url":      {UserID: "u", AvatarCustomURL: amity.Ptr(strings.Repeat("h", 1001))},
		"desc":     {UserID: "u", Description: amity.Ptr(strings.Repeat("d", 501))},
	} {
		_, err := c.Users.Update(ctx, params)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument, name)
	}
	assert.Equal(t, before, mt.GetTotalCallCount(), "bad input sends nothing")
}

func TestUsersListPages(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v3/users", "options[token]", "tok-2", fixture(t, "users_page1.json"), fixture(t, "users_page2.json"))
	var n int
	for p, err := range c.Users.ListPages(context.Background(), &amity.ListUsersParams{Keyword: "a", PageParams: amity.PageParams{Limit: 2}}) {
		require.NoError(t, err)
		n++
		assert.NotEmpty(t, p.Raw)
		if n == 1 {
			assert.NotNil(t, p.FileByID("f-alice"), "each page keeps its sideloads")
		}
	}
	assert.Equal(t, 2, n)
	assert.Equal(t, []string{"keyword=a&options%5Blimit%5D=2", "keyword=a&options%5Blimit%5D=2&options%5Btoken%5D=tok-2"}, listing.queries())

	for _, err := range c.Users.ListPages(context.Background(), &amity.ListUsersParams{PageParams: amity.PageParams{Limit: -1}}) {
		assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	}
	assert.Len(t, listing.all(), 2, "bad params send nothing")
}

// TestUsersUnknownEnumsAreSent: a filter or order the SDK does not know is sent as given.
func TestUsersUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"List filter and sort", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Users.ListPage(ctx, &amity.ListUsersParams{Filter: "bogus", SortBy: "sideways"}))
		}, []string{"filter=bogus", "sortBy=sideways"}},
	})
}

func TestUsersListBlockedPages(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	recordPages(t, mt, "/api/v4/me/user-blocks", "token", "blocks-2", fixture(t, "users_blocked_page1.json"), fixture(t, "users_blocked_page2.json"))
	var follows int
	for p, err := range u.Users.ListBlockedPages(context.Background(), nil) {
		require.NoError(t, err)
		follows += len(p.Follows)
	}
	assert.Equal(t, 3, follows)
}

func TestUsersUnsuccessful(t *testing.T) {
	c, mt := mockClient(t, amity.WithMaxRetries(0))
	ctx := context.Background()
	mt.RegisterResponder("DELETE", "https://api.test/api/v4/users/mallory", jsonResponder(200, `{"success":false}`))
	mt.RegisterResponder("POST", "https://api.test/api/v2/users/ban", jsonResponder(200, `{"success":false}`))
	mt.RegisterResponder("POST", "https://api.test/api/v2/users/unban", jsonResponder(200, `{"data":{"success":false}}`))
	assert.ErrorIs(t, c.Users.Delete(ctx, "mallory", nil), amity.ErrUnsuccessful)
	assert.ErrorIs(t, c.Users.Ban(ctx, "mallory"), amity.ErrUnsuccessful)
	assert.ErrorIs(t, c.Users.Unban(ctx, "mallory"), amity.ErrUnsuccessful)
}
