package amity_test

// The v3 posts (c.Posts.V3): the older post API.

import (
	"context"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPostsListV3(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v3/posts", "options[token]", "tok-2", fixture(t, "posts_page1.json"), fixture(t, "posts_page2.json"))
	var ids []string
	for p, err := range c.Posts.V3.List(context.Background(), &amity.V3ListPostsParams{TargetType: amity.PostTargetCommunity,
		HasFlag: amity.Ptr(true), DataType: "com.example.birthday", DataTypes: []amity.PostDataType{amity.PostDataTypeVideo, "com.example.clip"},
		Tags: []string{"a"}, SortBy: amity.PostSortLastCreated, MatchingOnlyParentPost: amity.Ptr(true)}) {
		require.NoError(t, err)
		ids = append(ids, p.PostID)
	}
	assert.Equal(t, []string{"flag-1", "flag-2", "flag-3"}, ids)
	require.Len(t, listing.all(), 2)
	assert.Equal(t, "dataType=com.example.birthday&dataTypes%5B%5D=video&dataTypes%5B%5D=com.example.clip&hasFlag=true&matchingOnlyParentPost=true&sortBy=lastCreated&tags%5B%5D=a&targetType=community", listing.queries()[0])
	assert.Contains(t, listing.queries()[1], "options%5Btoken%5D=tok-2")

	for _, p := range []*amity.V3ListPostsParams{nil, {},
		{TargetType: amity.PostTargetUser, DataTypes: []amity.PostDataType{""}},
		{TargetType: amity.PostTargetUser, DataTypes: make([]amity.PostDataType, 11)}} {
		_, err := c.Posts.V3.ListPage(context.Background(), p)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	}
	assert.Len(t, listing.all(), 2)
}

func TestPostsCreateV3(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v3/posts", fixture(t, "posts_payload.json"))
	_, err := c.Posts.V3.Create(context.Background(), &amity.V3CreatePostParams{
		Data:       amity.V3CreatePostData{Text: "hi", Images: []string{"file-1"}},
		TargetType: amity.PostTargetCommunity, TargetID: "c-news", Tags: []string{"a"},
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{"data":{"text":"hi","images":["file-1"]},"targetType":"community","targetId":"c-news","tags":["a"]}`, rec.only(t).Body)

	for _, p := range []*amity.V3CreatePostParams{nil, {}, {Data: amity.V3CreatePostData{Text: "x", Images: make([]string, 11)}},
		{Data: amity.V3CreatePostData{Text: "x"}, TargetType: amity.PostTargetCommunity}} {
		_, err := c.Posts.V3.Create(context.Background(), p)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	}
	assert.Equal(t, 1, mt.GetTotalCallCount())
}

func TestPostsV3Shape(t *testing.T) {
	payload := fixture(t, "posts_payload.json")
	page := fixture(t, "posts_page1.json")
	const empty = `{"posts":[],"users":[]}`
	success := `{"status":"success","data":{"success":true}}`
	post, listed, badID := checkPostPayload, checkListedPost, badPostIDs
	runShapeCases(t, []shapeCase{
		{name: "V3.Create", method: "POST", path: "/api/v3/posts", body: `{"data":{"text":"hi","files":["f1"]}}`,
			answer: payload, empty: empty, check: post,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Posts.V3.Create(ctx, &amity.V3CreatePostParams{Data: amity.V3CreatePostData{Text: "hi", Files: []string{"f1"}}})
			},
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.V3.Create(ctx, nil)) },
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Posts.V3.Create(ctx, &amity.V3CreatePostParams{}))
				},
			}},
		{name: "V3.List", method: "GET", path: "/api/v3/posts", query: "targetType=community", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Posts.V3.List(ctx, &amity.V3ListPostsParams{TargetType: amity.PostTargetCommunity}))
			},
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Posts.V3.List(ctx, nil))) },
			}},
		{name: "V3.ListPages", method: "GET", path: "/api/v3/posts", query: "targetType=community", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Posts.V3.ListPages(ctx, &amity.V3ListPostsParams{TargetType: amity.PostTargetCommunity}))
			},
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Posts.V3.ListPages(ctx, nil))) },
			}},
		{name: "V3.ListPage", method: "GET", path: "/api/v3/posts", query: "targetId=c-news&targetType=community", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Posts.V3.ListPage(ctx, &amity.V3ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: "c-news"})
			},
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Posts.V3.ListPage(ctx, &amity.V3ListPostsParams{}))
				},
			}},
		{name: "V3.Update", method: "PUT", path: "/api/v3/posts/p1", body: `{"tags":["a"]}`, answer: payload, empty: empty, check: post,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Posts.V3.Update(ctx, "p1", &amity.V3UpdatePostParams{Tags: []string{"a"}})
			},
			invalid: append(badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Posts.V3.Update(ctx, id, &amity.V3UpdatePostParams{}))
			}), func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.V3.Update(ctx, "p1", nil)) })},
		{name: "V3.Delete", method: "DELETE", path: "/api/v3/posts/p1", answer: success, unsuccessful: successFalse,
			call:    func(ctx context.Context, c *amity.Client) (any, error) { return shapeErr(c.Posts.V3.Delete(ctx, "p1")) },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return c.Posts.V3.Delete(ctx, id) })},
	})
}
