package amity_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/amity-go/amity"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pagedUsers answers GET /api/v3/users with testdata/users_page1.json for no token and
// users_page2.json for tok-2 (a 400 when failSecond), recording each request.
func pagedUsers(t *testing.T, mt *httpmock.MockTransport, failSecond bool) *recorder {
	p1, p2 := fixture(t, "users_page1.json"), fixture(t, "users_page2.json")
	return newRecorder(t, mt).serve("GET", "/api/v3/users", func(r request) (int, string) {
		switch r.Values().Get("options[token]") {
		case "":
			return 200, p1
		case "tok-2":
			if failSecond {
				return 400, `{"status":"error","code":400000,"message":"Query Token is invalid"}`
			}
			return 200, p2
		}
		t.Errorf("unexpected token in %q", r.Query)
		return 500, `{}`
	})
}

func TestListIteratesPages(t *testing.T) {
	c, mt := mockClient(t)
	listing := pagedUsers(t, mt, false)
	var ids []string
	for u, err := range c.Users.List(context.Background(), &amity.ListUsersParams{Filter: amity.UserFilterFlagged, PageParams: amity.PageParams{Limit: 2}}) {
		require.NoError(t, err)
		ids = append(ids, u.UserID)
	}
	assert.Equal(t, []string{"alice", "bob", "carol"}, ids)
	require.Len(t, listing.all(), 2)
	assert.Equal(t, "filter=flagged&options%5Blimit%5D=2", listing.queries()[0])
	assert.Equal(t, "filter=flagged&options%5Blimit%5D=2&options%5Btoken%5D=tok-2", listing.queries()[1])
}

func TestListEarlyBreakMakesNoExtraRequest(t *testing.T) {
	c, mt := mockClient(t)
	listing := pagedUsers(t, mt, false)
	n := 0
	for _, err := range c.Users.List(context.Background(), nil) {
		require.NoError(t, err)
		n++
		if n == 2 { // the last item of page 1
			break
		}
	}
	assert.Equal(t, 2, n)
	assert.Len(t, listing.all(), 1)
}

func TestListErrorMidway(t *testing.T) {
	c, mt := mockClient(t)
	listing := pagedUsers(t, mt, true)
	var ids []string
	var errs []error
	for u, err := range c.Users.List(context.Background(), nil) {
		if err != nil {
			errs = append(errs, err)
			continue // the iterator must stop by itself after an error
		}
		ids = append(ids, u.UserID)
	}
	assert.Equal(t, []string{"alice", "bob"}, ids)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], amity.ErrInvalidPageToken)
	assert.Len(t, listing.all(), 2)
}

func TestListHonoursContext(t *testing.T) {
	c, mt := mockClient(t)
	listing := pagedUsers(t, mt, false)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errs []error
	n := 0
	for _, err := range c.Users.List(ctx, nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		n++
		cancel() // cancelled while page 1 is being consumed
	}
	assert.Equal(t, 2, n, "items already fetched are yielded")
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], context.Canceled)
	assert.Len(t, listing.all(), 1, "no request after cancel")
}

func TestListPageGivesTokensAndSideloads(t *testing.T) {
	c, mt := mockClient(t)
	pagedUsers(t, mt, false)
	ctx := context.Background()
	page, err := c.Users.ListPage(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, "tok-2", page.Paging.Next)
	require.Len(t, page.Users, 2)
	alice := page.Users[0]
	assert.Equal(t, "Alice", alice.DisplayName)
	assert.Equal(t, []string{"moderator"}, alice.Roles)
	assert.Equal(t, map[string]any{"team": "blue"}, alice.Metadata)
	assert.Equal(t, 2, alice.FlagCount)
	assert.Equal(t, 2024, alice.CreatedAt.Year())
	assert.Contains(t, string(page.Raw), `"futureField"`, "unknown fields stay reachable in Raw")
	f := page.FileByID(alice.AvatarFileID)
	require.NotNil(t, f)
	assert.Equal(t, "image/png", f.Attributes.MimeType)

	page2, err := c.Users.ListPage(ctx, &amity.ListUsersParams{PageParams: amity.PageParams{PageToken: page.Paging.Next}})
	require.NoError(t, err)
	assert.Equal(t, "tok-1", page2.Paging.Previous)
	assert.Empty(t, page2.Paging.Next)

	// Resuming an iterator from a persisted token.
	var ids []string
	for u, err := range c.Users.List(ctx, &amity.ListUsersParams{PageParams: amity.PageParams{PageToken: "tok-2"}}) {
		require.NoError(t, err)
		ids = append(ids, u.UserID)
	}
	assert.Equal(t, []string{"carol"}, ids)
}

func TestPagingPrevAlias(t *testing.T) {
	var p amity.Paging
	require.NoError(t, json.Unmarshal([]byte(`{"next":"n","prev":"p","total":7}`), &p))
	assert.Equal(t, "n", p.Next)
	assert.Equal(t, "p", p.Previous)
	require.NotNil(t, p.Total)
	assert.Equal(t, 7, *p.Total)
}

func TestListStopsOnRepeatedCursor(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v3/users", `{"users":[{"userId":"a"}],"paging":{"next":"same"}}`)
	n := 0
	for _, err := range c.Users.List(context.Background(), nil) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 2, n)
	assert.Len(t, rec.all(), 2)
}

func TestListRangesTwiceAndLeavesParamsAlone(t *testing.T) {
	c, mt := mockClient(t)
	listing := pagedUsers(t, mt, false)
	params := &amity.ListUsersParams{PageParams: amity.PageParams{Limit: 2}}
	seq := c.Users.List(context.Background(), params)
	for round := 0; round < 2; round++ {
		n := 0
		for _, err := range seq {
			require.NoError(t, err)
			n++
		}
		assert.Equal(t, 3, n, "round %d", round)
	}
	assert.Empty(t, params.PageToken, "the caller's params are not changed")
	assert.Len(t, listing.all(), 4)
}
