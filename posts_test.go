package amity_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const postsSuccessBody = `{"status":"success","data":{"success":true}}`

func TestPostsCreateSendsEveryField(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v4/posts", fixture(t, "posts_payload.json"))
	created := amity.Time{Time: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}
	out, err := c.Posts.Create(context.Background(), &amity.CreatePostParams{
		PostID: "post-img",
		Data:   &amity.CreatePostData{Text: "Launch photos #go", Title: "Launch"},
		Attachments: []amity.PostAttachment{
			{FileID: "file-1", Type: amity.PostAttachmentImage},
			{FileID: "file-2", Type: amity.PostAttachmentClip, DisplayMode: amity.Ptr("fill"), IsMuted: amity.Ptr(true)},
		},
		TargetType: amity.PostTargetCommunity, TargetID: "c-news",
		Metadata:       map[string]any{"source": "import"},
		Tags:           []string{"launch"},
		Mentionees:     []amity.Mentionee{{Type: amity.MentionTypeUser, UserIDs: []string{"bob"}}},
		CreatedAt:      &created,
		Hashtags:       []string{"go"},
		Links:          []amity.PostLink{{URL: "https://go.dev", Index: amity.Ptr(0), Length: amity.Ptr(14), RenderPreview: amity.Ptr(true)}},
		IsDiscoverable: amity.Ptr(false),
		EventID:        "ev-1",
	})
	require.NoError(t, err)
	call := rec.only(t)
	assert.Equal(t, "POST", call.Method)
	assert.Equal(t, "/api/v4/posts", call.Path)
	assert.Equal(t, "application/json", call.Header.Get("Content-Type"))
	assert.JSONEq(t, `{
		"postId": "post-img",
		"data": {"text": "Launch photos #go", "title": "Launch"},
		"attachments": [{"fileId": "file-1", "type": "image"}, {"fileId": "file-2", "type": "clip", "displayMode": "fill", "isMuted": true}],
		"targetType": "community", "targetId": "c-news",
		"metadata": {"source": "import"},
		"tags": ["launch"],
		"mentionees": [{"type": "user", "userIds": ["bob"]}],
		"createdAt": "2024-05-01T12:00:00Z",
		"hashtags": ["go"],
		"links": [{"url": "https://go.dev", "index": 0, "length": 14, "renderPreview": true}],
		"isDiscoverable": false,
		"eventId": "ev-1"
	}`, call.Body)
	require.NotNil(t, out.Post())
	assert.Equal(t, "post-img", out.Post().PostID)
}

func TestPostsCreateSendsOnlyWhatIsSet(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v4/posts", fixture(t, "posts_payload.json"))
	_, err := c.Posts.Create(context.Background(), &amity.CreatePostParams{Data: &amity.CreatePostData{Text: "hi"}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"data":{"text":"hi"}}`, rec.only(t).Body)
}

func TestPostsCreateCustomData(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "POST", "/api/v4/posts", fixture(t, "posts_payload.json"))
	_, err := c.Posts.Create(context.Background(), &amity.CreatePostParams{DataType: "com.example.birthday",
		CustomData: map[string]any{"name": "Bob", "age": 30}, TargetID: "bob"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"dataType":"com.example.birthday","data":{"name":"Bob","age":30},"targetId":"bob"}`, rec.only(t).Body)
}

// TestPostsUnknownEnumsAreSent: the post kinds the API's clients create (room, clip, audio)
// and any data type, target type, attachment or mention type, order or feed type the SDK
// does not know are sent as given.
func TestPostsUnknownEnumsAreSent(t *testing.T) {
	text := &amity.CreatePostData{Text: "hi"}
	assertUnknownEnumsSent(t, []enumCase{
		{"room post", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Posts.Create(ctx, &amity.CreatePostParams{DataType: amity.PostDataTypeRoom, TargetType: amity.PostTargetCommunity, TargetID: "c1",
				Data: &amity.CreatePostData{Title: "Live Q&A", RoomID: "room-1"}}))
		}, []string{`"dataType":"room"`, `"roomId":"room-1"`}},
		{"clip post", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Posts.Create(ctx, &amity.CreatePostParams{DataType: amity.PostDataTypeClip, TargetID: "u1",
				Data: &amity.CreatePostData{}, Attachments: []amity.PostAttachment{{FileID: "f", Type: amity.PostAttachmentClip}}}))
		}, []string{`"dataType":"clip"`, `{"fileId":"f","type":"clip"}`}},
		{"audio post", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Posts.Create(ctx, &amity.CreatePostParams{DataType: amity.PostDataTypeAudio, TargetID: "u1",
				Data: &amity.CreatePostData{Text: "Audio Post", Title: "Audio Post Title"}, Attachments: []amity.PostAttachment{{FileID: "f", Type: amity.PostAttachmentAudio}}}))
		}, []string{`"dataType":"audio"`, `{"fileId":"f","type":"audio"}`}},
		{"unknown data, target, attachment and mention types", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Posts.Create(ctx, &amity.CreatePostParams{Data: text, DataType: "gif", TargetType: "group",
				Attachments: []amity.PostAttachment{{FileID: "f", Type: "gif"}}, Mentionees: []amity.Mentionee{{Type: "channel"}}}))
		}, []string{`"dataType":"gif"`, `"targetType":"group"`, `{"fileId":"f","type":"gif"}`, `"mentionees":[{"type":"channel"`}},
		{"list", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Posts.ListPage(ctx, &amity.ListPostsParams{TargetID: "c", TargetType: "group", SortBy: "newest",
				FeedType: "drafts", DataTypes: []amity.PostDataType{"text", amity.PostDataTypeRoom}}))
		}, []string{"targetType=group", "sortBy=newest", "feedType=drafts", "dataTypes[]=text&dataTypes[]=room"}},
		{"v4 list", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Posts.V4.ListPage(ctx, &amity.V4ListPostsParams{TargetType: "group", FeedType: "drafts", DataTypes: []amity.PostDataType{"gif"}}))
		}, []string{"targetType=group", "feedType=drafts", "dataTypes[]=gif"}},
		{"v3 list", func(ctx context.Context, c *amity.Client) error {
			return errOf(c.Posts.V3.ListPage(ctx, &amity.V3ListPostsParams{TargetType: "group", FeedType: "drafts", DataTypes: []amity.PostDataType{"gif"}}))
		}, []string{"targetType=group", "feedType=drafts", "dataTypes[]=gif"}},
	})
}

func TestPostsCreateRejectsBadInput(t *testing.T) {
	text := &amity.CreatePostData{Text: "hi"}
	att := func(n int) []amity.PostAttachment {
		out := make([]amity.PostAttachment, n)
		for i := range out {
			out[i] = amity.PostAttachment{FileID: "f", Type: amity.PostAttachmentImage}
		}
		return out
	}
	cases := []struct {
		name   string
		params *amity.CreatePostParams
		field  string
	}{
		{"nil params", nil, "params"},
		{"no data", &amity.CreatePostParams{}, "Data"},
		{"empty text without attachments", &amity.CreatePostParams{Data: &amity.CreatePostData{}}, "Data.Text"},
		{"data and custom data", &amity.CreatePostParams{Data: text, DataType: "a.b", CustomData: map[string]any{}}, "CustomData"},
		{"custom data on a system type", &amity.CreatePostParams{DataType: amity.PostDataTypeText, CustomData: map[string]any{"a": 1}}, "CustomData"},
		{"custom data too big", &amity.CreatePostParams{DataType: "a.b", CustomData: map[string]any{"blob": strings.Repeat("x", 100_001)}}, "CustomData"},
		{"community without id", &amity.CreatePostParams{Data: text, TargetType: amity.PostTargetCommunity}, "TargetID"},
		{"live stream without stream", &amity.CreatePostParams{Data: text, DataType: amity.PostDataTypeLiveStream}, "Data.StreamID"},
		{"poll without poll", &amity.CreatePostParams{Data: text, DataType: amity.PostDataTypePoll}, "Data.PollID"},
		{"room without room", &amity.CreatePostParams{Data: text, DataType: amity.PostDataTypeRoom}, "Data.RoomID"},
		{"text too long", &amity.CreatePostParams{Data: &amity.CreatePostData{Text: strings.Repeat("é", 50_001)}}, "Data.Text"},
		{"11 attachments", &amity.CreatePostParams{Data: text, Attachments: att(11)}, "Attachments"},
		{"attachment without file", &amity.CreatePostParams{Data: text, Attachments: []amity.PostAttachment{{Type: amity.PostAttachmentImage}}}, "Attachments[].FileID"},
		{"attachment without type", &amity.CreatePostParams{Data: text, Attachments: []amity.PostAttachment{{FileID: "f"}}}, "Attachments[].Type"},
		{"6 tags", &amity.CreatePostParams{Data: text, Tags: []string{"a", "b", "c", "d", "e", "f"}}, "Tags"},
		{"tag too long", &amity.CreatePostParams{Data: text, Tags: []string{strings.Repeat("t", 25)}}, "Tags[]"},
		{"31 hashtags", &amity.CreatePostParams{Data: text, Hashtags: make([]string, 31)}, "Hashtags"},
		{"mention with answer-only ids", &amity.CreatePostParams{Data: text, Mentionees: []amity.Mentionee{{Type: amity.MentionTypeUser, UserPublicIDs: []string{"bob"}}}}, "Mentionees[].UserPublicIDs"},
		{"link without url", &amity.CreatePostParams{Data: text, Links: []amity.PostLink{{Title: amity.Ptr("x")}}}, "Links[].URL"},
		{"post id too long", &amity.CreatePostParams{Data: text, PostID: strings.Repeat("p", 901)}, "PostID"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := mockClient(t)
			_, err := c.Posts.Create(context.Background(), tc.params)
			assertInvalid(t, err, "Posts.Create: "+tc.field)
			assert.Zero(t, mt.GetTotalCallCount())
		})
	}
	// The limits themselves pass: 10 attachments, 5 tags of 24 characters, 30 hashtags.
	c, mt := mockClient(t)
	record(t, mt, "POST", "/api/v4/posts", fixture(t, "posts_payload.json"))
	tags := []string{strings.Repeat("t", 24), "b", "c", "d", "e"}
	_, err := c.Posts.Create(context.Background(), &amity.CreatePostParams{Attachments: att(10), Tags: tags,
		Hashtags: make([]string, 30), Data: &amity.CreatePostData{}})
	require.NoError(t, err)
}

func TestPostsCreateIsNotRetriedButUpdateIs(t *testing.T) {
	c, mt := mockClient(t)
	create := record(t, mt, "POST", "/api/v4/posts", `{"status":"error","code":500000,"message":"Bad gateway"}`, 502)
	_, err := c.Posts.Create(context.Background(), &amity.CreatePostParams{Data: &amity.CreatePostData{Text: "hi"}})
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 502, ae.StatusCode)
	assert.Len(t, create.all(), 1, "a create that may have been applied is not repeated")

	update := record(t, mt, "PUT", "/api/v4/posts/p1", `{"status":"error","code":500000,"message":"Bad gateway"}`, 502)
	_, err = c.Posts.Update(context.Background(), "p1", &amity.UpdatePostParams{Data: &amity.UpdatePostData{Text: amity.Ptr("x")}})
	require.Error(t, err)
	assert.Greater(t, len(update.all()), 1, "an idempotent update is retried")
}

func TestPostsGetDecodesBundle(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v3/posts/post%2Fimg", fixture(t, "posts_payload.json"))
	out, err := c.Posts.Get(context.Background(), "post/img", nil)
	require.NoError(t, err)
	call := rec.only(t)
	assert.Equal(t, "/api/v3/posts/post%2Fimg", call.Path, "the ID stays one path segment")
	assert.Equal(t, "Bearer "+adminToken, call.Header.Get("Authorization"))

	require.Len(t, out.Posts, 4)
	p := out.Post()
	assert.Equal(t, "post-img", p.PostID)
	assert.Equal(t, "6650a1", p.ID)
	assert.Equal(t, amity.PostTargetCommunity, p.TargetType)
	assert.Equal(t, amity.PostDataTypeText, p.DataType)
	assert.Equal(t, "Launch photos #go", p.Data.Text)
	assert.Contains(t, string(p.Data.Raw), "futureDataField")
	assert.Equal(t, map[string]int{"like": 3, "love": 1}, p.Reactions)
	assert.Equal(t, []string{"like"}, p.MyReactions)
	assert.Equal(t, 2, p.FlagCount)
	require.NotNil(t, p.HashFlag)
	assert.Equal(t, 64, p.HashFlag.Bits)
	assert.True(t, p.HasFlaggedComment)
	assert.Equal(t, []string{"launch"}, p.Tags)
	assert.Equal(t, []amity.Mentionee{{Type: amity.MentionTypeUser, UserIDs: []string{"bob"}, UserPublicIDs: []string{"bob"}, UserInternalIDs: []string{"6f2"}}}, p.Mentionees)
	assert.Equal(t, 40, p.Impression)
	assert.Equal(t, []string{"go"}, p.Hashtags)
	assert.Equal(t, amity.PostStructureMixed, p.StructureType)
	assert.Equal(t, time.Date(2024, 5, 1, 12, 5, 0, 0, time.UTC), p.EditedAt.Time)
	assert.Contains(t, string(out.Raw), `"futureField"`, "unknown fields stay reachable in the payload's Raw")
	assert.Equal(t, strings.TrimSpace(fixture(t, "posts_payload.json")), string(out.Raw), "Raw is the whole answer")

	// Lookups.
	require.NotNil(t, out.Author(p))
	assert.Equal(t, "Alice", out.Author(p).DisplayName)
	kids := out.Children(p)
	require.Len(t, kids, 2)
	assert.Equal(t, "file-1", kids[0].Data.FileID)
	require.NotNil(t, kids[1].Data.VideoFileID)
	assert.Equal(t, "file-2", kids[1].Data.VideoFileID.Original)
	assert.True(t, kids[1].Data.IsMuted)
	assert.Equal(t, "fill", kids[1].Data.DisplayMode)
	var fileIDs []string
	for _, f := range out.PostFiles(p) {
		fileIDs = append(fileIDs, f.FileID)
	}
	assert.Equal(t, []string{"file-1", "file-2", "file-3"}, fileIDs, "children's files, renditions without a sideloaded file skipped")
	require.NotNil(t, out.Community(p))
	assert.Equal(t, "News", out.Community(p).DisplayName)
	require.NotNil(t, out.Feed(p))
	assert.Equal(t, 7, out.Feed(p).PostCount)
	var commentIDs []string
	for _, cm := range out.LatestComments(p) {
		commentIDs = append(commentIDs, cm.CommentID)
	}
	assert.Equal(t, []string{"cm-2", "cm-1"}, commentIDs)
	assert.Nil(t, out.Poll(p))
	assert.Nil(t, out.VideoStreaming(p))
	require.Len(t, out.CommunityUsers, 1)
	assert.Equal(t, amity.CommunityMembershipMember, out.CommunityUsers[0].CommunityMembership)
	require.Len(t, out.Categories, 1)
	assert.Equal(t, "Tech", out.Categories[0].Name)

	poll := out.Poll(&out.Posts[1])
	require.NotNil(t, poll)
	assert.Equal(t, "Lunch?", poll.Question)
	assert.Equal(t, 2, poll.Answer("a1").VoteCount)
	assert.Equal(t, "Bob", out.Author(&out.Posts[1]).DisplayName)
	assert.Nil(t, out.Community(&out.Posts[1]), "a user post has no community")

	custom := out.Posts[2]
	assert.True(t, custom.DataType.IsCustom())
	assert.Empty(t, custom.Data.Text, "custom data of another shape does not fail decoding")
	var birthday struct {
		Age int `json:"age"`
	}
	require.NoError(t, json.Unmarshal(custom.Data.Raw, &birthday))
	assert.Equal(t, 30, birthday.Age)

	live := out.VideoStreaming(&out.Posts[3])
	require.NotNil(t, live)
	assert.Equal(t, amity.VideoStreamingLive, live.Status)
	assert.Equal(t, "https://live.example/s1.m3u8", live.WatcherURL.HLS.URL)
	assert.Equal(t, "app", live.StreamerURL.Components.AppName)
	require.Len(t, live.Recordings, 1)
	assert.InDelta(t, 61.5, live.Recordings[0].MP4.Duration, 0.001)
	assert.Contains(t, string(out.Raw), "newStreamField")
	assert.Nil(t, out.Author(nil))
	assert.Nil(t, out.Children(nil))
	assert.Nil(t, out.Poll(nil))
	assert.Nil(t, out.VideoStreaming(nil))
	assert.Nil(t, out.PostFiles(nil))
	assert.Nil(t, out.Community(nil))
	assert.Nil(t, out.LatestComments(nil))
	assert.Nil(t, out.Feed(nil))

	// By-ID lookups.
	assert.Equal(t, "Alice", out.UserByID("alice").DisplayName)
	assert.Nil(t, out.UserByID(""))
	assert.Equal(t, "file-1", out.FileByID("file-1").FileID)
	assert.Nil(t, out.FileByID("nope"))
	require.NotNil(t, out.PostByID(kids[0].PostID), "a child post")
	assert.Equal(t, kids[0].PostID, out.PostByID(kids[0].PostID).PostID)
	assert.Equal(t, "post-img", out.PostByID("post-img").PostID)
	assert.Nil(t, out.PostByID("nope"))
	assert.Equal(t, "cm-1", out.CommentByID("cm-1").CommentID)
	assert.Nil(t, out.CommentByID(""))
}

func TestPostsGetErrors(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", "https://api.test/api/v3/posts/gone", jsonResponder(404, `{"status":"error","code":400400,"message":"Post not found"}`))
	_, err := c.Posts.Get(context.Background(), "gone", nil)
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, 400400, ae.Code)
	assert.True(t, errors.Is(err, amity.ErrNotFound))

	mt.RegisterResponder("GET", "https://api.test/api/v3/posts/empty", jsonResponder(200, `{"posts":[]}`))
	_, err = c.Posts.Get(context.Background(), "empty", nil)
	assert.ErrorIs(t, err, amity.ErrMalformedResponse, "an answer without the post")

	before := mt.GetTotalCallCount()
	for _, id := range []string{"", "  ", "..", strings.Repeat("p", 901)} {
		_, err = c.Posts.Get(context.Background(), id, nil)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument, "%q", id)
	}
	assert.Equal(t, before, mt.GetTotalCallCount())
}

func TestPostsGetMany(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v3/posts/list", fixture(t, "posts_payload.json"))
	out, err := c.Posts.GetMany(context.Background(), &amity.GetManyPostsParams{PostIDs: []string{"post-img", "post-poll"}})
	require.NoError(t, err)
	assert.Equal(t, "postIds%5B%5D=post-img&postIds%5B%5D=post-poll", rec.only(t).Query)
	assert.Len(t, out.Posts, 4)

	_, err = c.Posts.GetMany(context.Background(), nil)
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	// Spec 4.116.1 allows IDs of up to 128 characters (4.92.0: 50).
	for _, ids := range [][]string{nil, {""}, make([]string, 101), {strings.Repeat("p", 129)}} {
		_, err := c.Posts.GetMany(context.Background(), &amity.GetManyPostsParams{PostIDs: ids})
		assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	}
	assert.Equal(t, 1, mt.GetTotalCallCount())

	// Unknown IDs are left out: an answer without posts is not an error.
	mt.RegisterResponder("GET", "https://api.test/api/v3/posts/list", jsonResponder(200, `{"posts":[]}`))
	out, err = c.Posts.GetMany(context.Background(), &amity.GetManyPostsParams{PostIDs: []string{"gone"}})
	require.NoError(t, err)
	assert.Nil(t, out.Post())
}

func TestPostsListIteratesFlaggedPosts(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v5/posts", "options[token]", "tok-2", fixture(t, "posts_page1.json"), fixture(t, "posts_page2.json"))
	var ids []string
	for p, err := range c.Posts.List(context.Background(), &amity.ListPostsParams{TargetID: "c-news", TargetType: amity.PostTargetCommunity,
		HasFlag: amity.Ptr(true), PageParams: amity.PageParams{Limit: 2}}) {
		require.NoError(t, err)
		ids = append(ids, p.PostID)
	}
	assert.Equal(t, []string{"flag-1", "flag-2", "flag-3"}, ids)
	require.Len(t, listing.all(), 2)
	assert.Equal(t, "hasFlag=true&options%5Blimit%5D=2&targetId=c-news&targetType=community", listing.queries()[0])
	assert.Equal(t, "hasFlag=true&options%5Blimit%5D=2&options%5Btoken%5D=tok-2&targetId=c-news&targetType=community", listing.queries()[1])
}

func TestPostsListPageEncodesEveryFilter(t *testing.T) {
	c, mt := mockClient(t)
	v5 := record(t, mt, "GET", "/api/v5/posts", fixture(t, "posts_page1.json"))
	v4 := record(t, mt, "GET", "/api/v4/posts", fixture(t, "posts_page1.json"))
	params := amity.ListPostsParams{
		PageParams: amity.PageParams{Limit: 20, PageToken: "tok"},
		TargetID:   "alice", TargetType: amity.PostTargetUser, SortBy: amity.PostSortFirstUpdated,
		HasFlag: amity.Ptr(false), IsDeleted: amity.Ptr(true), Before: "b1", After: "a1", UpdatedAt: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC),
		FeedType:               amity.FeedTypeReviewing,
		DataTypes:              []amity.PostDataType{amity.PostDataTypeImage, amity.PostDataTypeVideo},
		Tags:                   []string{"x", "y"},
		MatchingOnlyParentPost: amity.Ptr(false),
	}
	page, err := c.Posts.ListPage(context.Background(), &params)
	require.NoError(t, err)
	assert.Equal(t, "tok-2", page.Paging.Next)
	v4params := amity.V4ListPostsParams(params)
	_, err = c.Posts.V4.ListPage(context.Background(), &v4params)
	require.NoError(t, err)
	for _, q := range []string{v5.only(t).Query, v4.only(t).Query} {
		for _, want := range []string{"targetId=alice", "targetType=user", "sortBy=firstUpdated", "hasFlag=false", "isDeleted=true",
			"options%5Blimit%5D=20", "options%5Btoken%5D=tok", "options%5Bbefore%5D=b1", "options%5Bafter%5D=a1",
			"options%5BupdatedAt%5D=2024-05-01T00%3A00%3A00Z", "feedType=reviewing", "dataTypes%5B%5D=image&dataTypes%5B%5D=video",
			"tags%5B%5D=x&tags%5B%5D=y", "matchingOnlyParentPost=false"} {
			assert.Contains(t, q, want)
		}
		assert.Equal(t, []string{"reviewing"}, v5.only(t).Values()["feedType"], "one feed type, a scalar")
	}

	community := amity.PostTargetCommunity
	six := []amity.PostDataType{"image", "video", "file", "poll", "liveStream", "clip"}
	bad := []*amity.ListPostsParams{
		nil, {}, {TargetID: "c"},
		{TargetType: community, DataTypes: append(six, "room")},
		{TargetType: community, DataTypes: []amity.PostDataType{""}},
		{TargetType: community, TargetID: strings.Repeat("c", 901)},
		{TargetType: community, Before: strings.Repeat("b", 25)},
		{TargetType: community, Tags: []string{strings.Repeat("t", 25)}},
		{TargetType: community, PageParams: amity.PageParams{Limit: 101}},
	}
	for _, p := range bad {
		_, err := c.Posts.ListPage(context.Background(), p)
		assert.ErrorIs(t, err, amity.ErrInvalidArgument, "%+v", p)
	}
	_, err = c.Posts.ListPage(context.Background(), &amity.ListPostsParams{})
	assertInvalid(t, err, "Posts.ListPage: TargetType")
	_, err = c.Posts.V4.ListPage(context.Background(), &amity.V4ListPostsParams{TargetType: community, DataTypes: six})
	assertInvalid(t, err, "Posts.V4.ListPage: DataTypes", "the v4 listing takes at most 5 data types")
	_, err = c.Posts.V4.ListPage(context.Background(), nil)
	assertInvalid(t, err, "Posts.V4.ListPage: TargetType")
	assert.Equal(t, 2, mt.GetTotalCallCount())
}

func TestPostsUpdate(t *testing.T) {
	c, mt := mockClient(t)
	v4 := record(t, mt, "PUT", "/api/v4/posts/post-img", fixture(t, "posts_payload.json"))
	v3 := record(t, mt, "PUT", "/api/v3/posts/post-img", fixture(t, "posts_payload.json"))
	ctx := context.Background()
	out, err := c.Posts.Update(ctx, "post-img", &amity.UpdatePostParams{
		Data:        &amity.UpdatePostData{Text: amity.Ptr("edited"), ThumbnailFileID: amity.Ptr("file-3")},
		Tags:        []string{"t"},
		Mentionees:  []amity.Mentionee{{Type: amity.MentionTypeUser, UserIDs: []string{"bob"}}},
		Attachments: []amity.PostAttachment{{FileID: "file-1", Type: amity.PostAttachmentImage}},
	})
	require.NoError(t, err)
	assert.Equal(t, "post-img", out.Post().PostID)
	assert.JSONEq(t, `{"data":{"text":"edited","thumbnailFileId":"file-3"},"tags":["t"],
		"mentionees":[{"type":"user","userIds":["bob"]}],"attachments":[{"fileId":"file-1","type":"image"}]}`, v4.only(t).Body)

	_, err = c.Posts.V3.Update(ctx, "post-img", &amity.V3UpdatePostParams{Metadata: map[string]any{"k": "v"}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"metadata":{"k":"v"}}`, v3.only(t).Body)

	bad := []func() error{
		func() error { return errOf(c.Posts.Update(ctx, "", &amity.UpdatePostParams{})) },
		func() error { return errOf(c.Posts.Update(ctx, "p", nil)) },
		func() error {
			return errOf(c.Posts.Update(ctx, "p", &amity.UpdatePostParams{Data: &amity.UpdatePostData{FileID: amity.Ptr(strings.Repeat("f", 101))}}))
		},
		func() error {
			return errOf(c.Posts.Update(ctx, "p", &amity.UpdatePostParams{Data: &amity.UpdatePostData{Text: amity.Ptr(strings.Repeat("x", 50_001))}}))
		},
		func() error {
			return errOf(c.Posts.V3.Update(ctx, "p", &amity.V3UpdatePostParams{Tags: make([]string, 6)}))
		},
		func() error { return errOf(c.Posts.V3.Update(ctx, "p", nil)) },
	}
	for i, f := range bad {
		assert.ErrorIs(t, f(), amity.ErrInvalidArgument, "case %d", i)
	}
	assert.Equal(t, 2, mt.GetTotalCallCount())
}

func TestPostsDelete(t *testing.T) {
	c, mt := mockClient(t)
	v4 := record(t, mt, "DELETE", "/api/v4/posts/p1", postsSuccessBody)
	v3 := record(t, mt, "DELETE", "/api/v3/posts/p1", postsSuccessBody)
	ctx := context.Background()
	require.NoError(t, c.Posts.Delete(ctx, "p1", nil))
	require.NoError(t, c.Posts.Delete(ctx, "p1", &amity.DeletePostParams{Permanent: amity.Ptr(true)}))
	require.Len(t, v4.all(), 2)
	assert.Equal(t, "", v4.all()[0].Query)
	assert.Equal(t, "permanent=true", v4.all()[1].Query)
	require.NoError(t, c.Posts.V3.Delete(ctx, "p1"))
	assert.Equal(t, "DELETE", v3.only(t).Method)

	mt.RegisterResponder("DELETE", "https://api.test/api/v4/posts/p2", jsonResponder(200, `{"status":"success","data":{"success":false}}`))
	assert.ErrorIs(t, c.Posts.Delete(ctx, "p2", nil), amity.ErrUnsuccessful)

	assert.ErrorIs(t, c.Posts.Delete(ctx, " ", nil), amity.ErrInvalidArgument)
	assert.ErrorIs(t, c.Posts.V3.Delete(ctx, ""), amity.ErrInvalidArgument)
	assert.Equal(t, 4, mt.GetTotalCallCount())
}

func TestPostsReviewAndFlags(t *testing.T) {
	c, mt := mockClient(t)
	body := fixture(t, "posts_payload.json")
	ctx := context.Background()
	cases := []struct {
		method, path string
		call         func(string) (*amity.PostPayload, error)
		body         string
	}{
		{"POST", "/api/v3/posts/p1/approve", func(id string) (*amity.PostPayload, error) { return c.Posts.Approve(ctx, id) }, ""},
		{"POST", "/api/v3/posts/p1/decline", func(id string) (*amity.PostPayload, error) { return c.Posts.Decline(ctx, id) }, ""},
		// Spec 4.116.1 requires the flag's body: an empty object without params.
		{"POST", "/api/v3/posts/p1/flag", func(id string) (*amity.PostPayload, error) { return c.Posts.Flag(ctx, id, nil) }, "{}"},
		{"DELETE", "/api/v3/posts/p1/unflag", func(id string) (*amity.PostPayload, error) { return c.Posts.Unflag(ctx, id) }, ""},
		{"DELETE", "/api/v3/posts/p1/flags", func(id string) (*amity.PostPayload, error) { return c.Posts.ClearFlags(ctx, id) }, ""},
	}
	for _, tc := range cases {
		rec := record(t, mt, tc.method, tc.path, body)
		out, err := tc.call("p1")
		require.NoError(t, err, tc.path)
		assert.Equal(t, "post-img", out.Post().PostID)
		call := rec.only(t)
		assert.Equal(t, tc.method, call.Method)
		assert.Equal(t, tc.body, call.Body, "the body")
		_, err = tc.call("")
		assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	}
	assert.Equal(t, len(cases), mt.GetTotalCallCount())

	mt.RegisterResponder("GET", "https://api.test/api/v3/posts/p1/isflagbyme", jsonResponder(200, `{"status":"success","data":{"result":true}}`))
	flagged, err := c.Posts.IsFlaggedByMe(ctx, "p1")
	require.NoError(t, err)
	assert.True(t, flagged)

	mt.RegisterResponder("POST", "https://api.test/api/v3/posts/p9/approve", jsonResponder(403, `{"status":"error","code":400301,"message":"Only moderators can review posts"}`))
	_, err = c.Posts.Approve(ctx, "p9")
	assert.ErrorIs(t, err, amity.ErrForbidden)
}

// TestPostsModerationJob pages through flagged posts, reads who reacted and the flagged
// comments of each, deletes them and clears their flags.
func TestPostsModerationJob(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v3/posts", "options[token]", "tok-2", fixture(t, "posts_page1.json"), fixture(t, "posts_page2.json"))
	mt.RegisterResponder("GET", "https://api.test/api/v3/comments", jsonResponder(200, fixture(t, "comments_page2.json")))
	mt.RegisterResponder("GET", "https://api.test/api/v3/reactions", jsonResponder(200, fixture(t, "reactions_page2.json")))
	delPosts := record(t, mt, "DELETE", `=~^https://api\.test/api/v4/posts/`, postsSuccessBody)
	clearPosts := record(t, mt, "DELETE", `=~^https://api\.test/api/v3/posts/[^/]+/flags$`, fixture(t, "posts_page1.json"))
	delComments := record(t, mt, "DELETE", `=~^https://api\.test/api/v4/comments/`, postsSuccessBody)
	clearComments := record(t, mt, "DELETE", `=~^https://api\.test/api/v3/comments/[^/]+/flags$`, fixture(t, "comments_payload.json"))
	ctx := context.Background()

	reactors := 0
	for post, err := range c.Posts.V3.List(ctx, &amity.V3ListPostsParams{TargetType: amity.PostTargetCommunity, HasFlag: amity.Ptr(true)}) {
		require.NoError(t, err)
		for r, err := range c.Reactions.List(ctx, &amity.ListReactionsParams{ReferenceID: post.PostID, ReferenceType: amity.ReactionOnPost}) {
			require.NoError(t, err)
			assert.NotEmpty(t, r.UserID)
			reactors++
		}
		if post.HasFlaggedComment {
			for cm, err := range c.Comments.List(ctx, &amity.ListCommentsParams{ReferenceID: post.PostID, HasFlag: amity.Ptr(true)}) {
				require.NoError(t, err)
				require.NoError(t, c.Comments.Delete(ctx, cm.CommentID, nil))
				_, err = c.Comments.ClearFlags(ctx, cm.CommentID)
				require.NoError(t, err)
			}
		}
		require.NoError(t, c.Posts.Delete(ctx, post.PostID, nil))
		_, err = c.Posts.ClearFlags(ctx, post.PostID)
		require.NoError(t, err)
	}
	assert.Len(t, listing.all(), 2)
	assert.Len(t, delPosts.all(), 3)
	assert.Len(t, clearPosts.all(), 3)
	assert.Len(t, delComments.all(), 1)
	assert.Len(t, clearComments.all(), 1)
	assert.Equal(t, 3, reactors)
}

func TestPostsUpdateKeepEditTimeHeader(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "PUT", "/api/v4/posts/p1", `{"posts":[{"postId":"p1"}]}`)
	ctx := context.Background()
	_, err := c.Posts.Update(ctx, "p1", &amity.UpdatePostParams{Data: &amity.UpdatePostData{Text: amity.Ptr("x")}})
	require.NoError(t, err)
	_, err = c.Posts.Update(ctx, "p1", &amity.UpdatePostParams{Data: &amity.UpdatePostData{Text: amity.Ptr("x")}, KeepEditTime: amity.Ptr(true)})
	require.NoError(t, err)
	var got []string
	for _, r := range rec.all() {
		got = append(got, r.Header.Get("Preserve-Edited-At"))
	}
	assert.Equal(t, []string{"", "true"}, got, "the header is sent only when set")
}

// checkPostPayload checks the decoding of testdata/posts_payload.json.
func checkPostPayload(t *testing.T, out any) {
	p := out.(*amity.PostPayload)
	require.NotNil(t, p.Post())
	assert.Equal(t, "post-img", p.Post().PostID)
	assert.Equal(t, "Alice", p.Author(p.Post()).DisplayName, "sideloads kept")
}

// checkListedPost checks the first post, or the page, of testdata/posts_page1.json.
func checkListedPost(t *testing.T, out any) {
	switch v := out.(type) {
	case amity.Post:
		assert.Equal(t, "flag-1", v.PostID)
	case *amity.PostPayload:
		assert.Equal(t, "tok-2", v.Paging.Next)
		assert.Equal(t, "Alice", v.Author(v.Post()).DisplayName)
	default:
		t.Fatalf("unexpected %T", out)
	}
}

// badPostIDs are the calls of f with each kind of bad post ID.
func badPostIDs(f func(ctx context.Context, c *amity.Client, id string) error) []func(context.Context, *amity.Client) error {
	var out []func(context.Context, *amity.Client) error
	for _, id := range []string{"", " ", "..", strings.Repeat("p", 901)} {
		out = append(out, func(ctx context.Context, c *amity.Client) error { return f(ctx, c, id) })
	}
	return out
}

func TestPostsShape(t *testing.T) {
	payload := fixture(t, "posts_payload.json")
	page := fixture(t, "posts_page1.json")
	const empty = `{"posts":[],"users":[]}`
	success := `{"status":"success","data":{"success":true}}`
	post, listed := checkPostPayload, checkListedPost
	text := &amity.CreatePostData{Text: "hi"}
	badID := badPostIDs
	action := func(name, method, verb string, call func(*amity.PostsService) func(context.Context, string, ...amity.CallOption) (*amity.PostPayload, error)) shapeCase {
		return shapeCase{name: name, method: method, path: "/api/v3/posts/p1/" + verb, answer: payload, empty: empty, check: post,
			call:    func(ctx context.Context, c *amity.Client) (any, error) { return call(c.Posts)(ctx, "p1") },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return errOf(call(c.Posts)(ctx, id)) })}
	}
	runShapeCases(t, []shapeCase{
		{name: "Create", method: "POST", path: "/api/v4/posts", body: `{"data":{"text":"hi"},"targetType":"community","targetId":"c1"}`,
			answer: payload, empty: empty, check: post,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Posts.Create(ctx, &amity.CreatePostParams{Data: text, TargetType: amity.PostTargetCommunity, TargetID: "c1"})
			},
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.Create(ctx, nil)) },
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Posts.Create(ctx, &amity.CreatePostParams{Data: text, TargetType: amity.PostTargetCommunity}))
				},
			}},
		{name: "Get", method: "GET", path: "/api/v3/posts/p1", answer: payload, empty: empty, check: post,
			call:    func(ctx context.Context, c *amity.Client) (any, error) { return c.Posts.Get(ctx, "p1", nil) },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return errOf(c.Posts.Get(ctx, id, nil)) })},
		{name: "GetMany", method: "GET", path: "/api/v3/posts/list", query: "postIds%5B%5D=p1&postIds%5B%5D=p2", answer: payload, check: post,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Posts.GetMany(ctx, &amity.GetManyPostsParams{PostIDs: []string{"p1", "p2"}})
			},
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.GetMany(ctx, nil)) },
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Posts.GetMany(ctx, &amity.GetManyPostsParams{}))
				},
			}},
		{name: "List", method: "GET", path: "/api/v5/posts", query: "targetId=c-news&targetType=community", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Posts.List(ctx, &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: "c-news"}))
			},
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Posts.List(ctx, nil))) },
			}},
		{name: "ListPages", method: "GET", path: "/api/v5/posts", query: "targetId=c-news&targetType=community", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Posts.ListPages(ctx, &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: "c-news"}))
			},
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error {
					return errOf(first(c.Posts.ListPages(ctx, &amity.ListPostsParams{TargetID: "c-news"})))
				},
			}},
		{name: "ListPage", method: "GET", path: "/api/v5/posts", query: "options%5Blimit%5D=2&targetType=user", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Posts.ListPage(ctx, &amity.ListPostsParams{TargetType: amity.PostTargetUser, PageParams: amity.PageParams{Limit: 2}})
			},
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.ListPage(ctx, nil)) },
			}},
		{name: "V4.List", method: "GET", path: "/api/v4/posts", query: "targetId=c-news&targetType=community", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Posts.V4.List(ctx, &amity.V4ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: "c-news"}))
			},
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error { return errOf(first(c.Posts.V4.List(ctx, nil))) },
			}},
		{name: "V4.ListPages", method: "GET", path: "/api/v4/posts", query: "targetId=c-news&targetType=community", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return first(c.Posts.V4.ListPages(ctx, &amity.V4ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: "c-news"}))
			},
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error {
					return errOf(first(c.Posts.V4.ListPages(ctx, &amity.V4ListPostsParams{TargetID: "c-news"})))
				},
			}},
		{name: "V4.ListPage", method: "GET", path: "/api/v4/posts", query: "options%5Blimit%5D=2&targetType=user", answer: page, check: listed,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Posts.V4.ListPage(ctx, &amity.V4ListPostsParams{TargetType: amity.PostTargetUser, PageParams: amity.PageParams{Limit: 2}})
			},
			invalid: []func(context.Context, *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.V4.ListPage(ctx, nil)) },
			}},
		{name: "Update", method: "PUT", path: "/api/v4/posts/p1", body: `{"data":{"text":"edited"}}`, answer: payload, empty: empty, check: post,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Posts.Update(ctx, "p1", &amity.UpdatePostParams{Data: &amity.UpdatePostData{Text: amity.Ptr("edited")}})
			},
			invalid: append(badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Posts.Update(ctx, id, &amity.UpdatePostParams{}))
			}), func(ctx context.Context, c *amity.Client) error { return errOf(c.Posts.Update(ctx, "p1", nil)) })},
		{name: "Delete", method: "DELETE", path: "/api/v4/posts/p1", query: "permanent=true", answer: success, unsuccessful: successFalse,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return shapeErr(c.Posts.Delete(ctx, "p1", &amity.DeletePostParams{Permanent: amity.Ptr(true)}))
			},
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error { return c.Posts.Delete(ctx, id, nil) })},
		action("Approve", "POST", "approve", func(s *amity.PostsService) func(context.Context, string, ...amity.CallOption) (*amity.PostPayload, error) {
			return s.Approve
		}),
		action("Decline", "POST", "decline", func(s *amity.PostsService) func(context.Context, string, ...amity.CallOption) (*amity.PostPayload, error) {
			return s.Decline
		}),
		{name: "Flag", method: "POST", path: "/api/v3/posts/p1/flag", body: `{"reason":"Spam or scams","detail":"a link farm"}`, answer: payload, empty: empty, check: post,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.Posts.Flag(ctx, "p1", &amity.FlagPostParams{Reason: amity.FlagReasonSpamOrScams, Detail: "a link farm"})
			},
			invalid: append(badID(func(ctx context.Context, c *amity.Client, id string) error { return errOf(c.Posts.Flag(ctx, id, nil)) }),
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Posts.Flag(ctx, "p1", &amity.FlagPostParams{Detail: longString(301)}))
				},
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.Posts.Flag(ctx, "p1", &amity.FlagPostParams{Reason: amity.FlagReason(longString(301))}))
				})},
		{name: "Flag without params", method: "POST", path: "/api/v3/posts/p1/flag", body: `{}`, answer: payload, check: post,
			call: func(ctx context.Context, c *amity.Client) (any, error) { return c.Posts.Flag(ctx, "p1", nil) }},
		action("Unflag", "DELETE", "unflag", func(s *amity.PostsService) func(context.Context, string, ...amity.CallOption) (*amity.PostPayload, error) {
			return s.Unflag
		}),
		action("ClearFlags", "DELETE", "flags", func(s *amity.PostsService) func(context.Context, string, ...amity.CallOption) (*amity.PostPayload, error) {
			return s.ClearFlags
		}),
		{name: "IsFlaggedByMe", method: "GET", path: "/api/v3/posts/p1/isflagbyme", answer: `{"status":"success","data":{"result":true}}`,
			call:  func(ctx context.Context, c *amity.Client) (any, error) { return c.Posts.IsFlaggedByMe(ctx, "p1") },
			check: func(t *testing.T, out any) { assert.Equal(t, true, out) },
			invalid: badID(func(ctx context.Context, c *amity.Client, id string) error {
				return errOf(c.Posts.IsFlaggedByMe(ctx, id))
			})},
	})
}

// TestPostsListPages walks the pages of a flagged-posts listing with their sideloads, and
// resumes a walk from a page's cursor.
func TestPostsListPages(t *testing.T) {
	c, mt := mockClient(t)
	listing := recordPages(t, mt, "/api/v5/posts", "options[token]", "tok-2", fixture(t, "posts_page1.json"), fixture(t, "posts_page2.json"))
	ctx := context.Background()
	params := &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: "c-news", HasFlag: amity.Ptr(true)}
	var ids, authors []string
	var next string
	for page, err := range c.Posts.ListPages(ctx, params) {
		require.NoError(t, err)
		for i := range page.Posts {
			p := &page.Posts[i]
			ids = append(ids, p.PostID)
			if a := page.Author(p); a != nil {
				authors = append(authors, a.DisplayName)
			}
		}
		if next == "" {
			next = page.Paging.Next
		}
	}
	assert.Equal(t, []string{"flag-1", "flag-2", "flag-3"}, ids)
	assert.Equal(t, []string{"Alice", "Bob", "Carol"}, authors, "each page's sideloads resolve its posts")
	assert.Len(t, listing.all(), 2)
	assert.Empty(t, params.PageToken, "the caller's params are not changed")

	// Resuming at the cursor of the first page fetches only the second.
	listing.reset()
	ids = nil
	for page, err := range c.Posts.ListPages(ctx, &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: "c-news", PageParams: amity.PageParams{PageToken: next}}) {
		require.NoError(t, err)
		for _, p := range page.Posts {
			ids = append(ids, p.PostID)
		}
	}
	assert.Equal(t, []string{"flag-3"}, ids)
	require.Len(t, listing.all(), 1)
	assert.Contains(t, listing.queries()[0], "options%5Btoken%5D=tok-2")

	// Breaking out makes no further request.
	listing.reset()
	for range c.Posts.ListPages(ctx, params) {
		break
	}
	assert.Len(t, listing.all(), 1)
}

// TestPostsCallOptions passes per-call options through: a header reaches the server, a
// reserved one fails before sending, WithCallResponse sees the answer.
func TestPostsCallOptions(t *testing.T) {
	c, mt := mockClient(t)
	rec := record(t, mt, "GET", "/api/v3/posts/p1", fixture(t, "posts_payload.json"))
	var resp *http.Response
	_, err := c.Posts.Get(context.Background(), "p1", nil, amity.WithCallHeader("X-Trace-Id", "trace-1"), amity.WithCallResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, "trace-1", rec.only(t).Header.Get("X-Trace-Id"))
	require.NotNil(t, resp)
	assert.Equal(t, 200, resp.StatusCode)

	_, err = c.Posts.Get(context.Background(), "p1", nil, amity.WithCallHeader("Authorization", "Bearer other"))
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	assert.Len(t, rec.all(), 1, "a refused option sends nothing")

	// The options reach every page of an iterator.
	listing := recordPages(t, mt, "/api/v5/posts", "options[token]", "tok-2", fixture(t, "posts_page1.json"), fixture(t, "posts_page2.json"))
	for _, err := range c.Posts.List(context.Background(), &amity.ListPostsParams{TargetType: amity.PostTargetCommunity, TargetID: "c-news"}, amity.WithCallHeader("X-Trace-Id", "walk")) {
		require.NoError(t, err)
	}
	var traces []string
	for _, r := range listing.all() {
		traces = append(traces, r.Header.Get("X-Trace-Id"))
	}
	assert.Equal(t, []string{"walk", "walk"}, traces)
}

// TestPostDataDecodesEveryDataType decodes the data of each post data type spec 4.116.1
// describes (its standard, body-of-a-post and clip post data), the clients' audio, and a
// custom post's free-form data, each with a field the SDK does not know.
func TestPostDataDecodesEveryDataType(t *testing.T) {
	cases := map[amity.PostDataType]struct {
		data string
		want amity.PostData
	}{
		amity.PostDataTypeText:  {`{"text":"hi","title":"T","x":1}`, amity.PostData{Text: "hi", Title: "T"}},
		amity.PostDataTypeImage: {`{"fileId":"f1","x":1}`, amity.PostData{FileID: "f1"}},
		amity.PostDataTypeFile:  {`{"fileId":"f2","x":1}`, amity.PostData{FileID: "f2"}},
		amity.PostDataTypeAudio: {`{"fileId":"f3","x":1}`, amity.PostData{FileID: "f3"}},
		amity.PostDataTypeVideo: {`{"videoFileId":{"original":"v","high":"vh"},"thumbnailFileId":"th","x":1}`,
			amity.PostData{VideoFileID: &amity.PostVideoFileIDs{Original: "v", High: "vh"}, ThumbnailFileID: "th"}},
		amity.PostDataTypeClip: {`{"fileId":"c1","thumbnailId":"th2","isMuted":true,"displayMode":"fit","x":1}`,
			amity.PostData{FileID: "c1", ThumbnailID: "th2", IsMuted: true, DisplayMode: "fit"}},
		amity.PostDataTypeLiveStream: {`{"streamId":"s1","text":"live","x":1}`, amity.PostData{StreamID: "s1", Text: "live"}},
		amity.PostDataTypePoll:       {`{"pollId":"p1","text":"vote","x":1}`, amity.PostData{PollID: "p1", Text: "vote"}},
		amity.PostDataTypeRoom:       {`{"roomId":"r1","text":"join","x":1}`, amity.PostData{RoomID: "r1", Text: "join"}},
		"com.example.birthday":       {`{"age":30,"text":7}`, amity.PostData{}},
	}
	for dt, tc := range cases {
		var p amity.Post
		require.NoError(t, json.Unmarshal([]byte(`{"postId":"p","dataType":"`+string(dt)+`","data":`+tc.data+`}`), &p), dt)
		assert.Equal(t, dt, p.DataType)
		raw := p.Data.Raw
		p.Data.Raw = nil
		assert.Equal(t, tc.want, p.Data, dt)
		assert.JSONEq(t, tc.data, string(raw), "%s: Raw holds the data as received", dt)
	}
}
