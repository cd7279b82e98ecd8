package amity_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCommentsListIteratesFlaggedComments(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "comments_page1.json"), fixture(t, "comments_page2.json")
	listing := recordPages(t, mt, "/api/v3/comments", "options[token]", "ctok-2", p1, p2)
	var ids []string
	for cm, err := range c.Comments.List(context.Background(), &amity.ListCommentsParams{ReferenceID: "flag-2",
		ReferenceType: amity.CommentOnPost, HasFlag: amity.Ptr(true), PageParams: amity.PageParams{Limit: 2}}) {
		require.NoError(t, err)
		ids = append(ids, cm.CommentID)
	}
	assert.Equal(t, []string{"cm-a", "cm-b", "cm-c"}, ids)
	require.Len(t, listing.all(), 2)
	assert.Equal(t, "hasFlag=true&options%5Blimit%5D=2&referenceId=flag-2&referenceType=post", listing.queries()[0])
	assert.Equal(t, "hasFlag=true&options%5Blimit%5D=2&options%5Btoken%5D=ctok-2&referenceId=flag-2&referenceType=post", listing.queries()[1])
	// The spec's security for this operation is ApiKeyAuth: the key goes with the token.
	assert.Equal(t, apiKey, listing.all()[0].Header.Get("X-API-Key"))
	assert.Equal(t, "Bearer "+adminToken, listing.all()[0].Header.Get("Authorization"))
}

func TestCommentsListPageEncodesEveryFilter(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v3/comments", fixture(t, "comments_payload.json"))
	page, err := c.Comments.ListPage(context.Background(), &amity.ListCommentsParams{
		PageParams:  amity.PageParams{Limit: 10, PageToken: "tok"},
		ReferenceID: "post-img", ReferenceType: amity.CommentOnContent,
		FilterByParentID: amity.Ptr(false), ParentID: "cm-0", HasFlag: amity.Ptr(true), IsDeleted: amity.Ptr(false),
		SortBy: amity.PostSortFirstCreated, Type: amity.CommentListPagination, Skip: 20, First: 5, Last: 6, After: 7, Before: 8,
		DataTypes: &amity.CommentDataTypesFilter{Values: []amity.CommentDataType{amity.CommentDataTypeText, amity.CommentDataTypeImage},
			MatchType: amity.CommentMatchExact},
	})
	require.NoError(t, err)
	assert.Empty(t, page.Paging.Next)
	q := rec.only(t).Query
	for _, want := range []string{"referenceId=post-img", "referenceType=content", "filterByParentId=false", "parentId=cm-0",
		"hasFlag=true", "isDeleted=false", "sortBy=firstCreated", "options%5Btype%5D=pagination", "options%5Blimit%5D=10",
		"options%5Btoken%5D=tok", "options%5Bskip%5D=20", "options%5Bfirst%5D=5", "options%5Blast%5D=6", "options%5Bafter%5D=7",
		"options%5Bbefore%5D=8", "dataTypes%5Bvalues%5D%5B%5D=text&dataTypes%5Bvalues%5D%5B%5D=image",
		"dataTypes%5BmatchType%5D=exact"} {
		assert.Contains(t, q, want)
	}

	// Spec 4.116.1 makes referenceId optional: no params list across references.
	_, err = c.Comments.ListPage(context.Background(), nil)
	require.NoError(t, err)
	assert.NotContains(t, rec.last(t).Query, "referenceId")

	bad := []*amity.ListCommentsParams{
		{ReferenceID: strings.Repeat("r", 901)},
		{ReferenceID: "p", Skip: 101}, {ReferenceID: "p", Skip: -1},
		{ReferenceID: "p", First: 101}, {ReferenceID: "p", Last: -2}, {ReferenceID: "p", After: -1},
		{ReferenceID: "p", DataTypes: &amity.CommentDataTypesFilter{Values: []amity.CommentDataType{""}}},
	}
	for _, p := range bad {
		_, err := c.Comments.ListPage(context.Background(), p)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument, "%+v", p)
	}
	assert.Equal(t, 2, mt.GetTotalCallCount())
}

// TestCommentsUnknownEnumsAreSent: values the SDK does not know (a reference type, order,
// paging mode, match type, attachment or mention type) are sent as given, and a link
// attachment, as the API's clients send it, carries its URL.
func TestCommentsUnknownEnumsAreSent(t *testing.T) {
	assertUnknownEnumsSent(t, []enumCase{
		{"List", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Comments.ListPage(ctx, &amity.ListCommentsParams{ReferenceID: "p", ReferenceType: "message", SortBy: "newest",
				Type: "infinite", DataTypes: &amity.CommentDataTypesFilter{Values: []amity.CommentDataType{"video"}, MatchType: "some"}}))
		}, []string{"referenceType=message", "sortBy=newest", "options[type]=infinite", "dataTypes[values][]=video", "dataTypes[matchType]=some"}},
		{"Create", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Comments.Create(ctx, &amity.CreateCommentParams{ReferenceID: "p", ReferenceType: "message",
				Attachments: []amity.CommentAttachment{{Type: "video", FileID: "f"}}, Mentionees: []amity.Mentionee{{Type: "channel"}}}))
		}, []string{`"referenceType":"message"`, `{"type":"video","fileId":"f"}`, `"mentionees":[{"type":"channel"`}},
		{"Create with a link attachment", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Comments.Create(ctx, &amity.CreateCommentParams{ReferenceID: "p",
				Attachments: []amity.CommentAttachment{{Type: amity.CommentAttachmentLink, URL: "https://example.com/a"}}}))
		}, []string{`"attachments":[{"type":"link","url":"https://example.com/a"}]`}},
	})
}

func TestCommentsGetDecodesBundle(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v3/comments/cm%201", fixture(t, "comments_payload.json"))
	out, err := c.Comments.Get(context.Background(), "cm 1")
	require.NoError(t, err)
	assert.Equal(t, "/api/v3/comments/cm%201", rec.only(t).Path)
	cm := out.Comment()
	require.NotNil(t, cm)
	assert.Equal(t, "cm-1", cm.CommentID)
	assert.Equal(t, "77a1", cm.ID)
	assert.Equal(t, amity.CommentOnPost, cm.ReferenceType)
	assert.Equal(t, amity.CommentDataTypeText, cm.DataType)
	assert.Equal(t, []amity.CommentDataType{amity.CommentDataTypeText, amity.CommentDataTypeImage}, cm.DataTypes)
	assert.Equal(t, "Nice shots!", cm.Data.Text)
	assert.Contains(t, string(cm.Data.Raw), "futureDataField")
	assert.Equal(t, 1, cm.ChildrenNumber)
	assert.Equal(t, 2, cm.FlagCount)
	assert.Equal(t, map[string]int{"like": 2}, cm.Reactions)
	assert.Equal(t, 4, cm.SegmentNumber)
	assert.Equal(t, amity.PostTargetCommunity, cm.TargetType)
	assert.Equal(t, time.Date(2024, 5, 1, 13, 0, 0, 0, time.UTC), cm.CreatedAt.Time)
	assert.Equal(t, []amity.CommentAttachment{{Type: amity.CommentAttachmentImage, FileID: "file-9"}}, cm.Attachments)
	assert.Contains(t, string(out.Raw), `"futureField"`, "unknown fields stay reachable in the payload's Raw")
	assert.Equal(t, strings.TrimSpace(fixture(t, "comments_payload.json")), string(out.Raw))

	assert.Equal(t, "Bob", out.Author(cm).DisplayName)
	kids := out.Children(cm)
	require.Len(t, kids, 1)
	assert.Equal(t, "Thanks!", kids[0].Data.Text)
	assert.Equal(t, "Alice", out.Author(&kids[0]).DisplayName)
	files := out.CommentFiles(cm)
	require.Len(t, files, 1)
	assert.Equal(t, "image/png", files[0].Attributes.MimeType)
	m := out.Membership(cm)
	require.NotNil(t, m)
	assert.Equal(t, []string{"member"}, m.Roles)
	assert.Nil(t, out.Membership(&kids[0]), "no target on the reply")
	assert.Nil(t, out.Author(nil))
	assert.Nil(t, out.Children(nil))
	assert.Nil(t, out.CommentFiles(nil))
	assert.Nil(t, out.Membership(nil))
	assert.Equal(t, "Bob", out.UserByID(cm.UserID).DisplayName)
	assert.Equal(t, "file-9", out.FileByID("file-9").FileID)
	assert.Nil(t, out.FileByID("nope"))
	require.NotNil(t, out.CommentByID(kids[0].CommentID), "a reply")
	assert.Equal(t, "cm-1", out.CommentByID("cm-1").CommentID)
	assert.Nil(t, out.CommentByID("nope"))

	mt.RegisterResponder("GET", "https://api.test/api/v3/comments/gone", jsonResponder(404, `{"status":"error","code":400400,"message":"Comment not found"}`))
	_, err = c.Comments.Get(context.Background(), "gone")
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.ErrorIs(t, err, amity.ErrNotFound)
	_, err = c.Comments.Get(context.Background(), "")
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	assert.Equal(t, 2, mt.GetTotalCallCount())
}

func TestCommentsGetMany(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v3/comments/list", fixture(t, "comments_payload.json"))
	out, err := c.Comments.GetMany(context.Background(), &amity.GetManyCommentsParams{CommentIDs: []string{"cm-1", "cm-2"}})
	require.NoError(t, err)
	assert.Equal(t, "commentIds%5B%5D=cm-1&commentIds%5B%5D=cm-2", rec.only(t).Query)
	assert.Len(t, out.Comments, 1)
	_, err = c.Comments.GetMany(context.Background(), nil)
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	for _, ids := range [][]string{nil, make([]string, 11), {strings.Repeat("c", 51)}} {
		_, err := c.Comments.GetMany(context.Background(), &amity.GetManyCommentsParams{CommentIDs: ids})
		assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	}
	assert.Equal(t, 1, mt.GetTotalCallCount())
}

func TestCommentsCreate(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v3/comments", fixture(t, "comments_payload.json"))
	created := amity.Time{Time: time.Date(2024, 5, 1, 13, 0, 0, 0, time.UTC)}
	out, err := c.Comments.Create(context.Background(), &amity.CreateCommentParams{
		ReferenceID: "post-img", ReferenceType: amity.CommentOnPost,
		Data:     &amity.CommentDataParams{Text: "Nice shots!"},
		Metadata: map[string]any{"lang": "en"}, CommentID: "cm-1", ParentID: "cm-0",
		Mentionees:  []amity.Mentionee{{Type: amity.MentionTypeUser, UserIDs: []string{"alice"}}},
		CreatedAt:   &created,
		Attachments: []amity.CommentAttachment{{Type: amity.CommentAttachmentImage, FileID: "file-9"}},
	})
	require.NoError(t, err)
	assert.Equal(t, "cm-1", out.Comment().CommentID)
	assert.JSONEq(t, `{"referenceId":"post-img","referenceType":"post","data":{"text":"Nice shots!"},"metadata":{"lang":"en"},
		"commentId":"cm-1","parentId":"cm-0","mentionees":[{"type":"user","userIds":["alice"]}],
		"createdAt":"2024-05-01T13:00:00Z","attachments":[{"type":"image","fileId":"file-9"}]}`, rec.only(t).Body)

	_, err = c.Comments.Create(context.Background(), &amity.CreateCommentParams{ReferenceID: "p"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"referenceId":"p"}`, rec.all()[1].Body, "unset fields are not sent")

	bad := []*amity.CreateCommentParams{
		nil, {},
		{ReferenceID: "p", Data: &amity.CommentDataParams{Text: strings.Repeat("x", 50_001)}},
		{ReferenceID: "p", ParentID: strings.Repeat("x", 901)},
		{ReferenceID: "p", Attachments: []amity.CommentAttachment{{Type: amity.CommentAttachmentImage}}},
		{ReferenceID: "p", Attachments: []amity.CommentAttachment{{FileID: "f"}}},
		{ReferenceID: "p", Mentionees: []amity.Mentionee{{Type: amity.MentionTypeUser, UserPublicIDs: []string{"a"}}}},
	}
	for _, p := range bad {
		_, err := c.Comments.Create(context.Background(), p)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument, "%+v", p)
	}
	assert.Equal(t, 2, mt.GetTotalCallCount())

	// A create is not repeated after a 502: it may have been applied.
	mt.RegisterResponder("POST", "https://api.test/api/v3/comments", jsonResponder(502, `{"status":"error","code":500000,"message":"Bad gateway"}`))
	_, err = c.Comments.Create(context.Background(), &amity.CreateCommentParams{ReferenceID: "p"})
	require.Error(t, err)
	assert.Equal(t, 3, mt.GetTotalCallCount())
}

func TestCommentsUpdate(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "PUT", "/api/v3/comments/cm-1", fixture(t, "comments_payload.json"))
	_, err := c.Comments.Update(context.Background(), "cm-1", &amity.UpdateCommentParams{Data: &amity.UpdateCommentData{Text: amity.Ptr("edited")},
		Metadata: map[string]any{"k": "v"}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"data":{"text":"edited"},"metadata":{"k":"v"}}`, rec.only(t).Body)

	_, err = c.Comments.Update(context.Background(), "cm-1", nil)
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	_, err = c.Comments.Update(context.Background(), "cm-1", &amity.UpdateCommentParams{Data: &amity.UpdateCommentData{Text: amity.Ptr(strings.Repeat("x", 50_001))}})
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	_, err = c.Comments.Update(context.Background(), "", &amity.UpdateCommentParams{})
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	assert.Equal(t, 1, mt.GetTotalCallCount())

	// An update sets absolute state: it is retried on a 5xx.
	retried := record(t, mt, "PUT", "/api/v3/comments/cm-2", `{"status":"error","code":500000,"message":"busy"}`, 503)
	_, err = c.Comments.Update(context.Background(), "cm-2", &amity.UpdateCommentParams{})
	require.Error(t, err)
	assert.Greater(t, len(retried.all()), 1)
}

func TestCommentsDelete(t *testing.T) {
	c, mt := mockClient(t)
	v4 := record(t, mt, "DELETE", "/api/v4/comments/cm-1", postsSuccessBody)
	v3 := record(t, mt, "DELETE", "/api/v3/comments/cm-1", postsSuccessBody)
	ctx := context.Background()
	require.NoError(t, c.Comments.Delete(ctx, "cm-1", &amity.DeleteCommentParams{Permanent: amity.Ptr(true)}))
	assert.Equal(t, "permanent=true", v4.only(t).Query)
	require.NoError(t, c.Comments.V3.Delete(ctx, "cm-1"))
	assert.Equal(t, "DELETE", v3.only(t).Method)
	assert.ErrorIs(t, c.Comments.Delete(ctx, "", nil), amity.ErrInvalidArgument)
	assert.ErrorIs(t, c.Comments.V3.Delete(ctx, ".."), amity.ErrInvalidArgument)

	mt.RegisterResponder("DELETE", "https://api.test/api/v4/comments/cm-2", jsonResponder(403, `{"status":"error","code":400301,"message":"Permission denied"}`))
	err := c.Comments.Delete(ctx, "cm-2", nil)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.ErrorIs(t, err, amity.ErrForbidden)
	assert.Equal(t, 3, mt.GetTotalCallCount())
}

func TestCommentsFlags(t *testing.T) {
	c, mt := mockClient(t)
	body := fixture(t, "comments_payload.json")
	ctx := context.Background()
	flag := record(t, mt, "POST", "/api/v3/comments/cm-1/flag", body)
	unflag := record(t, mt, "DELETE", "/api/v3/comments/cm-1/unflag", body)
	clearRec := record(t, mt, "DELETE", "/api/v3/comments/cm-1/flags", body)
	mt.RegisterResponder("GET", "https://api.test/api/v3/comments/cm-1/isflagbyme", jsonResponder(200, `{"status":"success","data":{"result":false}}`))

	out, err := c.Comments.Flag(ctx, "cm-1", nil)
	require.NoError(t, err)
	assert.Equal(t, "cm-1", out.Comment().CommentID)
	assert.JSONEq(t, `{"commentId":"cm-1"}`, flag.only(t).Body, "the spec wants the ID in the body too")
	_, err = c.Comments.Unflag(ctx, "cm-1")
	require.NoError(t, err)
	assert.Empty(t, unflag.only(t).Body)
	_, err = c.Comments.ClearFlags(ctx, "cm-1")
	require.NoError(t, err)
	assert.Equal(t, "DELETE", clearRec.only(t).Method)
	flagged, err := c.Comments.IsFlaggedByMe(ctx, "cm-1")
	require.NoError(t, err)
	assert.False(t, flagged)

	for _, f := range []func() error{
		func() error { return errOf(c.Comments.Flag(ctx, "", nil)) },
		func() error { return errOf(c.Comments.Flag(ctx, strings.Repeat("c", 901), nil)) },
		func() error { return errOf(c.Comments.Unflag(ctx, " ")) },
		func() error { return errOf(c.Comments.ClearFlags(ctx, "")) },
		func() error { return errOf(c.Comments.IsFlaggedByMe(ctx, "")) },
	} {
		assert.ErrorIs(t, f(), amity.ErrInvalidArgument)
	}
	assert.Equal(t, 4, mt.GetTotalCallCount())
}

func TestCommentsShape(t *testing.T) {
	payload := fixture(t, "comments_payload.json")
	page := fixture(t, "comments_page1.json")
	const empty = `{"comments":[],"users":[]}`
	success := `{"status":"success","data":{"success":true}}`
	comment := func(t *testing.T, out any) {
		p := out.(*amity.CommentPayload)
		require.NotNil(t, p.Comment())
		assert.Equal(t, "cm-1", p.Comment().CommentID)
		assert.Equal(t, "Bob", p.Author(p.Comment()).DisplayName, "sideloads kept")
	}
	listed := func(t *testing.T, out any) {
		switch v := out.(type) {
		case amity.Comment:
			assert.Equal(t, "cm-a", v.CommentID)
		case *amity.CommentPayload:
			assert.Equal(t, "ctok-2", v.Paging.Next)
			assert.Len(t, v.Comments, 2)
		default:
			t.Fatalf("unexpected %T", out)
		}
	}
	type fn = func(context.Context, *amity.Client) error
	badID := func(f func(ctx context.Context, c *amity.Client, id string) error) []fn {
		var out []fn
		for _, id := range []string{"", " ", "..", strings.Repeat("c", 901)} {
			out = append(out, func(ctx context.Context, c *amity.Client) error { return f(ctx, c, id) })
		}
		return out
	}
	runShapeCases(t, []shapeCase{
		{name: "List", method: "GET", path: "/api/v3/comments", query: "referenceId=p1", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Comments.List(ctx, &amity.ListCommentsParams{ReferenceID: "p1"}))
			},
			invalid: []fn{func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Comments.List(ctx, &amity.ListCommentsParams{ReferenceID: strings.Repeat("r", 901)})))
			}}},
		{name: "ListPages", method: "GET", path: "/api/v3/comments", query: "referenceId=p1&referenceType=post", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Comments.ListPages(ctx, &amity.ListCommentsParams{ReferenceID: "p1", ReferenceType: amity.CommentOnPost}))
			},
			invalid: []fn{func(ctx context.Context, c *amity.Client) error {
				return errOf(first(c.Comments.ListPages(ctx, &amity.ListCommentsParams{ReferenceID: "p1", Skip: -1})))
			}}},
		{name: "ListPage", method: "GET", path: "/api/v3/comments", query: "options%5Blimit%5D=2&referenceId=p1", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Comments.ListPage(ctx, &amity.ListCommentsParams{ReferenceID: "p1", PageParams: amity.PageParams{Limit: 2}})
			},
			invalid: []fn{func(ctx context.Context, c *amity.Client) error {
				return errOf(c.Comments.ListPage(ctx, &amity.ListCommentsParams{ParentID: strings.Repeat("c", 901)}))
			}}},
		{name: "Create", method: "POST", path: "/api/v3/comments", body: `{"referenceId":"p1","data":{"text":"hi"}}`,
			answer: payload, empty: empty, check: comment,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Comments.Create(ctx, &amity.CreateCommentParams{ReferenceID: "p1", Data: &amity.CommentDataParams{Text: "hi"}})
			},
			invalid: []fn{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Comments.Create(ctx, nil)) },
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Comments.Create(ctx, &amity.CreateCommentParams{}))
				},
			}},
		{name: "Get", method: "GET", path: "/api/v3/comments/cm-1", answer: payload, empty: empty, check: comment,
			call:    func(ctx context.Context, c *amity.Client) (any, error) { return c.Comments.Get(ctx, "cm-1") },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return errOf(c.Comments.Get(ctx, id)) })},
		{name: "GetMany", method: "GET", path: "/api/v3/comments/list", query: "commentIds%5B%5D=cm-1", answer: payload, check: comment,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Comments.GetMany(ctx, &amity.GetManyCommentsParams{CommentIDs: []string{"cm-1"}})
			},
			invalid: []fn{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Comments.GetMany(ctx, nil)) },
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Comments.GetMany(ctx, &amity.GetManyCommentsParams{}))
				},
			}},
		{name: "Update", method: "PUT", path: "/api/v3/comments/cm-1", body: `{"data":{"text":"edited"}}`, answer: payload, empty: empty, check: comment,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Comments.Update(ctx, "cm-1", &amity.UpdateCommentParams{Data: &amity.UpdateCommentData{Text: amity.Ptr("edited")}})
			},
			invalid: append(badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Comments.Update(ctx, id, &amity.UpdateCommentParams{}))
			}), func(ctx context.Context, c *amity.Client) error { return errOf(c.Comments.Update(ctx, "cm-1", nil)) })},
		{name: "Delete", method: "DELETE", path: "/api/v4/comments/cm-1", query: "permanent=false", answer: success, unsuccessful: successFalse,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Comments.Delete(ctx, "cm-1", &amity.DeleteCommentParams{Permanent: amity.Ptr(false)}))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return c.Comments.Delete(ctx, id, nil) })},
		{name: "V3.Delete", method: "DELETE", path: "/api/v3/comments/cm-1", answer: success, unsuccessful: successFalse,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Comments.V3.Delete(ctx, "cm-1"))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return c.Comments.V3.Delete(ctx, id)
			})},
		{name: "Flag", method: "POST", path: "/api/v3/comments/cm-1/flag", body: `{"commentId":"cm-1"}`, answer: payload, empty: empty, check: comment,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Comments.Flag(ctx, "cm-1", nil) },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Comments.Flag(ctx, id, nil))
			})},
		{name: "Unflag", method: "DELETE", path: "/api/v3/comments/cm-1/unflag", answer: payload, empty: empty, check: comment,
			call:    func(ctx context.Context, c *amity.Client) (any, error) { return c.Comments.Unflag(ctx, "cm-1") },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return errOf(c.Comments.Unflag(ctx, id)) })},
		{name: "ClearFlags", method: "DELETE", path: "/api/v3/comments/cm-1/flags", answer: payload, empty: empty, check: comment,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Comments.ClearFlags(ctx, "cm-1") },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Comments.ClearFlags(ctx, id))
			})},
		{name: "IsFlaggedByMe", method: "GET", path: "/api/v3/comments/cm-1/isflagbyme", answer: `{"status":"success","data":{"result":true}}`,
			call:  func(ctx context.Context, c *amity.Client) (any, error) { return c.Comments.IsFlaggedByMe(ctx, "cm-1") },
			check: func(t *testing.T, out any) { assert.Equal(t, true, out) },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Comments.IsFlaggedByMe(ctx, id))
			})},
	})
}

// TestCommentsListPages walks the pages of a comment listing and resumes from a cursor.
func TestCommentsListPages(t *testing.T) {
	c, mt := mockClient(t)
	p1, p2 := fixture(t, "comments_page1.json"), fixture(t, "comments_page2.json")
	listing := recordPages(t, mt, "/api/v3/comments", "options[token]", "ctok-2", p1, p2)
	ctx := context.Background()
	var ids []string
	var next string
	for page, err := range c.Comments.ListPages(ctx, &amity.ListCommentsParams{ReferenceID: "flag-2"}) {
		require.NoError(t, err)
		for _, cm := range page.Comments {
			ids = append(ids, cm.CommentID)
		}
		if next == "" {
			next = page.Paging.Next
		}
	}
	assert.Equal(t, []string{"cm-a", "cm-b", "cm-c"}, ids)
	assert.Len(t, listing.all(), 2)

	listing.reset()
	ids = nil
	for page, err := range c.Comments.ListPages(ctx, &amity.ListCommentsParams{ReferenceID: "flag-2", PageParams: amity.PageParams{PageToken: next}}) {
		require.NoError(t, err)
		for _, cm := range page.Comments {
			ids = append(ids, cm.CommentID)
		}
	}
	assert.Equal(t, []string{"cm-c"}, ids, "a walk resumes at a page's cursor")
	assert.Len(t, listing.all(), 1)
}
