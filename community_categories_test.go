package amity_test

import (
	"context"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCommunityCategoriesListPage(t *testing.T) {
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "community_categories_page1.json"))
	page, err := c.CommunityCategories.ListPage(context.Background(), &amity.ListCommunityCategoriesParams{
		PageParams: amity.PageParams{Limit: 2, PageToken: "ctok-0"}, SortBy: amity.CommunityCategorySortLastCreated, IsDeleted: amity.Ptr(true),
	})
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "GET", req.Method)
	assert.Equal(t, "/api/v3/community-categories", req.Path)
	assert.Equal(t, "isDeleted=true&options%5Blimit%5D=2&options%5Btoken%5D=ctok-0&sortBy=lastCreated", req.Query)

	assert.Equal(t, "ctok-2", page.Paging.Next, "cursors are read from data.paging")
	require.Len(t, page.Categories, 2)
	books := &page.Categories[0]
	assert.Equal(t, "cat-books", books.CategoryID)
	assert.Equal(t, "Books", books.Name)
	assert.Equal(t, map[string]any{"icon": "book"}, books.Metadata)
	assert.False(t, books.IsDeleted)
	assert.Equal(t, 2023, books.CreatedAt.Year())
	assert.Equal(t, 123000000, books.UpdatedAt.Nanosecond())
	assert.Contains(t, string(page.Raw), `"sortOrder"`, "unknown fields stay reachable in Raw")
	assert.Contains(t, string(page.Raw), `"status"`, "Raw is the whole answer, wrapper included")
	assert.Same(t, books, page.Category(), "the first category")
	assert.Same(t, books, page.CategoryByID("cat-books"))
	assert.Nil(t, page.CategoryByID("cat-none"))
	assert.Same(t, page.FileByID(books.AvatarFileID), page.Avatar(books))
	assert.Nil(t, (&amity.CommunityCategoryPayload{}).Category())
	avatar := page.Avatar(books)
	require.NotNil(t, avatar)
	assert.Equal(t, "https://files.example/books.png", avatar.FileURL)
	assert.Nil(t, page.Avatar(&page.Categories[1]))
	assert.Nil(t, page.Avatar(nil))
}

func TestCommunityCategoriesListIterates(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "community_categories_page1.json"), fixture(t, "community_categories_page2.json")
	listing := recordPages(t, mt, "/api/v3/community-categories", "options[token]", "ctok-2", p1, p2)
	var names []string
	for cat, err := range c.CommunityCategories.List(context.Background(), &amity.ListCommunityCategoriesParams{SortBy: amity.CommunityCategorySortName}) {
		require.NoError(t, err)
		names = append(names, cat.Name)
	}
	assert.Equal(t, []string{"Books", "Sports", "Travel"}, names)
	assert.Equal(t, []string{"sortBy=name", "options%5Btoken%5D=ctok-2&sortBy=name"}, listing.queries())

	// Page 2 carries its cursors at the top level; they are read from there too.
	page, err := c.CommunityCategories.ListPage(context.Background(), &amity.ListCommunityCategoriesParams{PageParams: amity.PageParams{PageToken: "ctok-2"}})
	require.NoError(t, err)
	assert.Equal(t, "ctok-1", page.Paging.Previous)
	assert.True(t, page.Categories[0].IsDeleted)
}

func TestCommunityCategoriesListWithoutPaging(t *testing.T) {
	c, mt := mockClient(t)
	recordAny(t, mt, `{"status":"success","data":{"categories":[{"categoryId":"a","name":"A"}],"files":[]}}`)
	n := 0
	for _, err := range c.CommunityCategories.List(context.Background(), nil) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 1, n)
	assert.Equal(t, 1, mt.GetTotalCallCount(), "no cursor: the listing ends after the first page")
}

func TestCommunityCategoriesGetAndGetMany(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "community_categories_page1.json"))
	p, err := c.CommunityCategories.Get(ctx, "cat books")
	require.NoError(t, err)
	req := rec.only(t)
	assert.Equal(t, "GET", req.Method)
	assert.Equal(t, "/api/v3/community-categories/cat%20books", req.Path)
	assert.Equal(t, "Books", p.Categories[0].Name)

	rec.reset()
	p, err = c.CommunityCategories.GetMany(ctx, &amity.GetManyCommunityCategoriesParams{CategoryIDs: []string{"cat-books", "cat-sports"}})
	require.NoError(t, err)
	req = rec.only(t)
	assert.Equal(t, "/api/v3/community-categories/list", req.Path)
	// Spec 4.116.1's required categoryId, repeated for several IDs (docs/wire-notes.md, row 55).
	assert.Equal(t, "categoryId=cat-books&categoryId=cat-sports", req.Query)
	assert.Len(t, p.Categories, 2)

	rec.reset()
	_, err = c.CommunityCategories.GetMany(ctx, &amity.GetManyCommunityCategoriesParams{CategoryIDs: []string{"cat books"}})
	require.NoError(t, err)
	assert.Equal(t, "categoryId=cat+books", rec.only(t).Query, "one ID is the spec's one string")
}

func TestCommunityCategoriesEmptyAnswerIsMalformed(t *testing.T) {
	c, mt := mockClient(t)
	recordAny(t, mt, `{"status":"success","data":{"categories":[]}}`)
	ctx := context.Background()
	_, err := c.CommunityCategories.Get(ctx, "cat-x")
	assert.ErrorIs(t, err, amity.ErrMalformedResponse)
	assert.NotErrorIs(t, err, amity.ErrNotFound)
	_, err = c.CommunityCategories.Create(ctx, &amity.CreateCommunityCategoryParams{Name: "x"})
	assert.ErrorIs(t, err, amity.ErrMalformedResponse)
	_, err = c.CommunityCategories.Update(ctx, "cat-x", &amity.UpdateCommunityCategoryParams{})
	assert.ErrorIs(t, err, amity.ErrMalformedResponse)
}

func TestCommunityCategoriesCreateUpdateDelete(t *testing.T) {
	ctx := context.Background()
	c, mt := mockClient(t)
	rec := recordAny(t, mt, fixture(t, "community_categories_page1.json"))

	p, err := c.CommunityCategories.Create(ctx, &amity.CreateCommunityCategoryParams{Name: "Books", Metadata: map[string]any{"icon": "book"}, AvatarFileID: "file-books"})
	require.NoError(t, err)
	assert.Equal(t, "cat-books", p.Categories[0].CategoryID)
	_, err = c.CommunityCategories.Create(ctx, &amity.CreateCommunityCategoryParams{Name: "Plain"})
	require.NoError(t, err)
	_, err = c.CommunityCategories.Update(ctx, "cat-books", &amity.UpdateCommunityCategoryParams{Name: amity.Ptr("Novels"), AvatarFileID: amity.Ptr("")})
	require.NoError(t, err)

	require.Len(t, rec.all(), 3)
	assert.Equal(t, "POST", rec.all()[0].Method)
	assert.Equal(t, "/api/v3/community-categories", rec.all()[0].Path)
	assert.JSONEq(t, `{"name":"Books","metadata":{"icon":"book"},"avatarFileId":"file-books"}`, rec.all()[0].Body)
	assert.JSONEq(t, `{"name":"Plain"}`, rec.all()[1].Body)
	assert.Equal(t, "PUT", rec.all()[2].Method)
	assert.Equal(t, "/api/v3/community-categories/cat-books", rec.all()[2].Path)
	assert.JSONEq(t, `{"categoryId":"cat-books","name":"Novels","avatarFileId":""}`, rec.all()[2].Body)

	c2, mt2 := mockClient(t)
	rec = recordAny(t, mt2, `{"status":"success","data":{"success":true}}`)
	require.NoError(t, c2.CommunityCategories.Delete(ctx, "cat-books"))
	req := rec.only(t)
	assert.Equal(t, "DELETE", req.Method)
	assert.Equal(t, "/api/v3/community-categories/cat-books", req.Path)
	assert.Equal(t, "categoryId=cat-books", req.Query, "the spec wants the ID in the query too")
}

func TestCommunityCategoriesErrors(t *testing.T) {
	c, mt := mockClient(t, amity.WithMaxRetries(0))
	recordAny(t, mt, `{"status":"error","code":400400,"message":"Category not found."}`, 404)
	_, err := c.CommunityCategories.Get(context.Background(), "cat-gone")
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.ErrorIs(t, err, amity.ErrNotFound)
	assert.Equal(t, "Category not found.", ae.Message)
	assert.Equal(t, "/api/v3/community-categories/cat-gone", ae.Path)

	c2, mt2 := mockClient(t, amity.WithMaxRetries(0))
	recordAny(t, mt2, `{"status":"error","code":400301,"message":"Only administrator can do this"}`, 403)
	err = c2.CommunityCategories.Delete(context.Background(), "cat-1")
	assert.ErrorIs(t, err, amity.ErrForbidden)
}

// TestCommunityCategoriesUnknownEnumsAreSent: an order the SDK does not know is sent as given.
func TestCommunityCategoriesUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"List sort", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.CommunityCategories.ListPage(ctx, &amity.ListCommunityCategoriesParams{SortBy: "displayName"}))
		}, []string{"sortBy=displayName"}},
	})
}

func TestCommunityCategoriesValidation(t *testing.T) {
	ctx := context.Background()
	ids := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "cat"
		}
		return out
	}
	cases := []struct {
		name, field string
		call        func(c *amity.Client) error
	}{
		{"Get empty", "categoryID", func(c *amity.Client) error { return errOf(c.CommunityCategories.Get(ctx, "")) }},
		{"Get long", "categoryID", func(c *amity.Client) error { return errOf(c.CommunityCategories.Get(ctx, longString(51))) }},
		{"GetMany nil", "params", func(c *amity.Client) error { return errOf(c.CommunityCategories.GetMany(ctx, nil)) }},
		{"GetMany none", "CategoryIDs", func(c *amity.Client) error {
			return errOf(c.CommunityCategories.GetMany(ctx, &amity.GetManyCommunityCategoriesParams{}))
		}},
		{"GetMany too many", "CategoryIDs", func(c *amity.Client) error {
			return errOf(c.CommunityCategories.GetMany(ctx, &amity.GetManyCommunityCategoriesParams{CategoryIDs: ids(101)}))
		}},
		{"GetMany long", "CategoryIDs", func(c *amity.Client) error {
			return errOf(c.CommunityCategories.GetMany(ctx, &amity.GetManyCommunityCategoriesParams{CategoryIDs: []string{longString(51)}}))
		}},
		{"ListPage limit", "Limit", func(c *amity.Client) error {
			return errOf(c.CommunityCategories.ListPage(ctx, &amity.ListCommunityCategoriesParams{PageParams: amity.PageParams{Limit: 1000}}))
		}},
		{"List token", "PageToken", func(c *amity.Client) error {
			for _, err := range c.CommunityCategories.List(ctx, &amity.ListCommunityCategoriesParams{PageParams: amity.PageParams{PageToken: longString(1001)}}) {
				return err
			}
			return nil
		}},
		{"Create nil", "params", func(c *amity.Client) error { return errOf(c.CommunityCategories.Create(ctx, nil)) }},
		{"Create no name", "Name", func(c *amity.Client) error {
			return errOf(c.CommunityCategories.Create(ctx, &amity.CreateCommunityCategoryParams{}))
		}},
		{"Create long name", "Name", func(c *amity.Client) error {
			return errOf(c.CommunityCategories.Create(ctx, &amity.CreateCommunityCategoryParams{Name: longString(1001)}))
		}},
		{"Create long avatar", "AvatarFileID", func(c *amity.Client) error {
			return errOf(c.CommunityCategories.Create(ctx, &amity.CreateCommunityCategoryParams{Name: "x", AvatarFileID: longString(51)}))
		}},
		{"Update empty ID", "categoryID", func(c *amity.Client) error {
			return errOf(c.CommunityCategories.Update(ctx, " ", &amity.UpdateCommunityCategoryParams{}))
		}},
		{"Update nil", "params", func(c *amity.Client) error { return errOf(c.CommunityCategories.Update(ctx, "cat", nil)) }},
		{"Update empty name", "Name", func(c *amity.Client) error {
			return errOf(c.CommunityCategories.Update(ctx, "cat", &amity.UpdateCommunityCategoryParams{Name: amity.Ptr("")}))
		}},
		{"Update long name", "Name", func(c *amity.Client) error {
			return errOf(c.CommunityCategories.Update(ctx, "cat", &amity.UpdateCommunityCategoryParams{Name: amity.Ptr(longString(1001))}))
		}},
		{"Update long avatar", "AvatarFileID", func(c *amity.Client) error {
			return errOf(c.CommunityCategories.Update(ctx, "cat", &amity.UpdateCommunityCategoryParams{AvatarFileID: amity.Ptr(longString(51))}))
		}},
		{"Delete empty", "categoryID", func(c *amity.Client) error { return c.CommunityCategories.Delete(ctx, "") }},
		{"Delete long", "categoryID", func(c *amity.Client) error { return c.CommunityCategories.Delete(ctx, longString(51)) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := mockClient(t)
			recordAny(t, mt, `{}`)
			err := tc.call(c)
			ve := assertInvalid(t, err, tc.field)
			assert.True(t, strings.HasPrefix(ve.Op, "CommunityCategories."), ve.Op)
			assert.Equal(t, 0, mt.GetTotalCallCount(), "nothing is sent")
		})
	}
}

func TestCommunityCategoriesListPages(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v3/community-categories", "options[token]", "ctok-2", fixture(t, "community_categories_page1.json"), fixture(t, "community_categories_page2.json"))
	var n int
	for p, err := range c.CommunityCategories.ListPages(context.Background(), nil) {
		require.NoError(t, err)
		n += len(p.Categories)
		assert.NotNil(t, p.Category())
	}
	assert.Equal(t, 3, n)
	assert.Equal(t, []string{"", "options%5Btoken%5D=ctok-2"}, listing.queries())
}

func TestCommunityCategoriesDeleteUnsuccessful(t *testing.T) {
	c, mt := mockClient(t, amity.WithMaxRetries(0))
	recordAny(t, mt, `{"status":"success","data":{"success":false}}`)
	err := c.CommunityCategories.Delete(context.Background(), "cat-x")
	assert.ErrorIs(t, err, amity.ErrUnsuccessful, "data.success false is a failure")
}
