package amity_test

import (
	"context"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The spec pages the tray by number (page, pageSize, and paging.currentPage/totalPages): the
// pager turns the page numbers into tokens and sends the next page as page=N.
func TestNotificationTrayListPagesByNumber(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	listing := recordPages(t, mt, "/api/v1/notification-tray", "page", "2",
		fixture(t, "notification_tray_page1.json"), fixture(t, "notification_tray_page2.json"))
	ctx := context.Background()
	var ids []string
	for it, err := range u.NotificationTray.List(ctx, &amity.ListNotificationTrayParams{PageParams: amity.PageParams{Limit: 2}}) {
		require.NoError(t, err)
		ids = append(ids, it.ID)
	}
	assert.Equal(t, []string{"65a0c0ffee65a0c0ffee0001", "65a0c0ffee65a0c0ffee0002", "65a0c0ffee65a0c0ffee0003"}, ids)
	assert.Equal(t, []string{
		"options%5Blimit%5D=2&pageSize=2",
		"options%5Blimit%5D=2&page=2&pageSize=2",
	}, listing.queries(), "the page size both ways; the next page by number")
	assert.Equal(t, "Bearer user-tok", listing.last(t).Header.Get("Authorization"), "the tray is the user's")

	page, err := u.NotificationTray.ListPage(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, listing.last(t).Query)
	assert.Equal(t, amity.NotificationTrayPaging{CurrentPage: 1, TotalPages: 2, TotalItems: 3, PageSize: 2}, page.Paging)
	assert.Contains(t, string(page.Raw), "trayFutureField")

	react := &page.NotificationTrayItems[0]
	assert.Equal(t, amity.TrayActionReaction, react.Kind())
	assert.Equal(t, amity.TrayReactToPost, react.TrayItemCategory)
	assert.Equal(t, atTime(t, "2024-05-01T12:10:00.000Z"), react.OccurredAt())
	assert.Equal(t, 4, react.ActorsCount)
	assert.Equal(t, []string{"bob", "carol"}, react.ActorUserIDs())
	assert.Equal(t, []string{"like", "love"}, react.Data.ReactionName)
	assert.Equal(t, atTime(t, "2024-05-01T00:00:00.000Z"), react.DaySegment)
	actors := page.Actors(react)
	require.Len(t, actors, 2)
	assert.Equal(t, "Carol", actors[1].DisplayName)
	assert.True(t, page.SeenAt(react).IsZero(), "never seen")

	mention := &page.NotificationTrayItems[1]
	assert.Equal(t, amity.TrayActionMention, mention.Kind())
	assert.Equal(t, atTime(t, "2024-05-01T11:00:00.000Z"), mention.OccurredAt(), "the spec's spelling, lastOccuredAt")
	assert.Equal(t, "Gardeners", mention.Data.CommunityName)
	assert.Equal(t, "comment-8", mention.ParentID)
	assert.Equal(t, atTime(t, "2024-05-01T11:30:00.000Z"), page.SeenAt(mention), "from notificationTrayItemSeens")
	assert.Equal(t, "Dave", page.UserByID("dave").DisplayName)
	assert.Nil(t, page.Actors(nil))
	assert.True(t, page.SeenAt(nil).IsZero())
}

// The API's clients page the tray by cursor (options[token], paging.next) and read the
// items' own fields (actors, actionType, lastOccurredAt, lastSeenAt).
func TestNotificationTrayListPagesByCursor(t *testing.T) {
	c, mt := mockClient(t)
	u := asAlice(t, c, mt)
	listing := recordPages(t, mt, "/api/v1/notification-tray", "options[token]", "tray-cursor-2",
		fixture(t, "notification_tray_clients.json"), `{"notificationTrayItems":[],"users":[],"paging":{}}`)
	ctx := context.Background()
	var items []amity.NotificationTrayItem
	for pg, err := range u.NotificationTray.ListPages(ctx, nil) {
		require.NoError(t, err)
		items = append(items, pg.NotificationTrayItems...)
		if len(pg.NotificationTrayItems) > 0 {
			it := &pg.NotificationTrayItems[0]
			assert.Equal(t, atTime(t, "2024-05-01T10:00:00.000Z"), pg.SeenAt(it), "the item's own lastSeenAt")
			assert.Equal(t, "Bob", pg.Actors(it)[0].DisplayName, "an actor by its publicId")
		}
	}
	require.Len(t, items, 1)
	it := items[0]
	assert.Equal(t, amity.TrayActionReaction, it.Kind(), "actionType")
	assert.Equal(t, amity.TrayReactionOnReply, it.TrayItemCategory)
	assert.Equal(t, atTime(t, "2024-05-01T12:10:00.000Z"), it.OccurredAt(), "lastOccurredAt")
	assert.Equal(t, []string{"bob"}, it.ActorUserIDs())
	assert.Equal(t, "reaction-1", it.ActionReferenceID)
	assert.Equal(t, "comment-1", it.RootID)
	assert.Equal(t, "comment-3", it.LatestCommentID)
	assert.Equal(t, []string{"", "options%5Btoken%5D=tray-cursor-2"}, listing.queries())
}

func TestNotificationTrayShapes(t *testing.T) {
	seen := time.Date(2024, 5, 1, 14, 20, 0, 0, time.FixedZone("CEST", 2*3600)) // 12:20 UTC
	runShapeCases(t, []shapeCase{
		{name: "ListPage", method: "GET", path: "/api/v1/notification-tray", attempts: 3,
			query:  "options%5Blimit%5D=5&options%5Btoken%5D=cur&pageSize=5",
			answer: fixture(t, "notification_tray_page1.json"),
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NotificationTray.ListPage(ctx, &amity.ListNotificationTrayParams{PageParams: amity.PageParams{Limit: 5, PageToken: "cur"}})
			},
			invalid: []func(ctx context.Context, c *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.NotificationTray.ListPage(ctx, &amity.ListNotificationTrayParams{PageParams: amity.PageParams{Limit: -1}}))
				},
			}},
		{name: "MarkItemsSeen", method: "POST", path: "/api/v1/notification-tray/items/seen", attempts: 3,
			body:   `{"trayItems":[{"id":"65a0c0ffee65a0c0ffee0001","lastSeenAt":"2024-05-01T12:20:00Z"}]}`,
			answer: fixture(t, "notification_tray_items_seen.json"),
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NotificationTray.MarkItemsSeen(ctx, &amity.MarkNotificationTrayItemsSeenParams{
					Items: []amity.NotificationTrayItemSeenParams{{ItemID: "65a0c0ffee65a0c0ffee0001", LastSeenAt: seen}}})
			},
			check: func(t *testing.T, out any) {
				p := out.(*amity.NotificationTrayItemsSeenPayload)
				assert.Equal(t, atTime(t, "2024-05-01T12:20:00.000Z"), p.LastTraySeenAt)
				assert.Equal(t, atTime(t, "2024-05-01T12:20:00.000Z"), p.ItemByID("65a0c0ffee65a0c0ffee0001").LastSeenAt, "trayItems[].id")
				assert.Nil(t, p.ItemByID("nope"))
			},
			invalid: []func(ctx context.Context, c *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.NotificationTray.MarkItemsSeen(ctx, nil))
				},
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.NotificationTray.MarkItemsSeen(ctx, &amity.MarkNotificationTrayItemsSeenParams{}))
				},
			}},
		{name: "GetSeen", method: "GET", path: "/api/v1/notification-tray/tray/seen", attempts: 3,
			answer: fixture(t, "notification_tray_seen.json"),
			call:   func(ctx context.Context, c *amity.Client) (any, error) { return c.NotificationTray.GetSeen(ctx) },
			check: func(t *testing.T, out any) {
				p := out.(*amity.NotificationTraySeenPayload)
				assert.Equal(t, atTime(t, "2024-05-01T12:00:00.000Z"), p.SeenAt())
				assert.Equal(t, atTime(t, "2024-05-01T12:10:00.000Z"), p.OccurredAt(), "the spec's lastTrayOccuredAt")
				assert.False(t, p.IsSeen(), "an item came after the last look")
			}},
		{name: "MarkSeen", method: "POST", path: "/api/v1/notification-tray/tray/seen", attempts: 3,
			body:   `{"lastSeenAt":"2024-05-01T12:20:00Z"}`,
			answer: `{"lastSeenAt":"2024-05-01T12:20:00.000Z"}`,
			call: func(ctx context.Context, c *amity.Client) (any, error) {
				return c.NotificationTray.MarkSeen(ctx, &amity.MarkNotificationTraySeenParams{LastSeenAt: seen})
			},
			check: func(t *testing.T, out any) {
				assert.Equal(t, atTime(t, "2024-05-01T12:20:00.000Z"), out.(*amity.NotificationTraySeenPayload).SeenAt(), "the clients read lastSeenAt")
			},
			invalid: []func(ctx context.Context, c *amity.Client) error{
				func(ctx context.Context, c *amity.Client) error { return errOf(c.NotificationTray.MarkSeen(ctx, nil)) },
				func(ctx context.Context, c *amity.Client) error {
					return errOf(c.NotificationTray.MarkSeen(ctx, &amity.MarkNotificationTraySeenParams{}))
				},
			}},
	})
}

func TestNotificationTraySeenReadsEitherSpelling(t *testing.T) {
	at := func(s string) amity.Time { return atTime(t, s) }
	cases := []struct {
		name string
		p    amity.NotificationTraySeenPayload
		seen bool
	}{
		{"empty tray", amity.NotificationTraySeenPayload{}, true},
		{"never seen", amity.NotificationTraySeenPayload{LastTrayOccurredAt: at("2024-05-01T12:00:00Z")}, false},
		{"seen after (clients' spelling)", amity.NotificationTraySeenPayload{LastTraySeenAt: at("2024-05-01T12:01:00Z"), LastTrayOccurredAt: at("2024-05-01T12:00:00Z")}, true},
		{"seen after (lastSeenAt)", amity.NotificationTraySeenPayload{LastSeenAt: at("2024-05-01T12:01:00Z"), LastTrayOccuredAt: at("2024-05-01T12:00:00Z")}, true},
		{"seen at the same instant", amity.NotificationTraySeenPayload{LastTraySeenAt: at("2024-05-01T12:00:00Z"), LastTrayOccuredAt: at("2024-05-01T12:00:00Z")}, false},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.seen, tc.p.IsSeen(), tc.name)
	}
}

func TestNotificationTrayBadInputSendsNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	now := time.Now()
	items := func(its ...amity.NotificationTrayItemSeenParams) func() error {
		return func() error {
			return errOf(c.NotificationTray.MarkItemsSeen(ctx, &amity.MarkNotificationTrayItemsSeenParams{Items: its}))
		}
	}
	assertInvalidCases(t, map[string]invalidCase{
		"items nil":    {"NotificationTray.MarkItemsSeen: params", func() error { return errOf(c.NotificationTray.MarkItemsSeen(ctx, nil)) }},
		"items none":   {"Items", items()},
		"item no ID":   {"Items[1].ItemID", items(amity.NotificationTrayItemSeenParams{ItemID: "a", LastSeenAt: now}, amity.NotificationTrayItemSeenParams{LastSeenAt: now})},
		"item no time": {"Items[0].LastSeenAt", items(amity.NotificationTrayItemSeenParams{ItemID: "a"})},
		"seen nil":     {"NotificationTray.MarkSeen: params", func() error { return errOf(c.NotificationTray.MarkSeen(ctx, nil)) }},
		"seen no time": {"LastSeenAt", func() error { return errOf(c.NotificationTray.MarkSeen(ctx, &amity.MarkNotificationTraySeenParams{})) }},
		"list limit": {"NotificationTray.ListPage: Limit", func() error {
			return errOf(c.NotificationTray.ListPage(ctx, &amity.ListNotificationTrayParams{PageParams: amity.PageParams{Limit: 101}}))
		}},
		"list token": {"PageToken", func() error {
			return errOf(c.NotificationTray.ListPage(ctx, &amity.ListNotificationTrayParams{PageParams: amity.PageParams{PageToken: "a\nb"}}))
		}},
		"list iterator": {"NotificationTray.List: Limit", func() error {
			return errOf(first(c.NotificationTray.List(ctx, &amity.ListNotificationTrayParams{PageParams: amity.PageParams{Limit: 101}})))
		}},
	})
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestNotificationTrayFixturesMatchSpec(t *testing.T) {
	assertFixturesMatchSpec(t, map[string][2]string{
		"notification_tray_page1.json":      {"GET", "/api/v1/notification-tray"},
		"notification_tray_page2.json":      {"GET", "/api/v1/notification-tray"},
		"notification_tray_seen.json":       {"GET", "/api/v1/notification-tray/tray/seen"},
		"notification_tray_items_seen.json": {"POST", "/api/v1/notification-tray/items/seen"},
	})
}

// Against the fake: others' reactions and comments fill alice's tray; the pager walks its
// numbered pages; marks of items and of the tray read back.
func TestNotificationTrayAgainstFake(t *testing.T) {
	ctx := context.Background()
	c, _ := fakeClient(t)
	views := map[string]*amity.Client{}
	for _, name := range []string{"alice", "bob", "carol"} {
		v, err := c.AsUser(name)
		require.NoError(t, err)
		views[name] = v
	}
	alice, bob, carol := views["alice"], views["bob"], views["carol"]
	seen, err := alice.NotificationTray.GetSeen(ctx)
	require.NoError(t, err)
	assert.True(t, seen.IsSeen(), "an empty tray is seen")

	post, err := alice.Posts.Create(ctx, &amity.CreatePostParams{Data: &amity.CreatePostData{Text: "tomatoes"}})
	require.NoError(t, err)
	pid := post.Post().PostID
	for _, v := range []*amity.Client{bob, carol} {
		_, err = v.Reactions.Add(ctx, &amity.ReactionParams{ReferenceID: pid, ReferenceType: amity.ReactionOnPost, ReactionName: "like"})
		require.NoError(t, err)
	}
	_, err = bob.Comments.Create(ctx, &amity.CreateCommentParams{ReferenceID: pid, Data: &amity.CommentDataParams{Text: "nice"}})
	require.NoError(t, err)

	var items []amity.NotificationTrayItem
	for it, err := range alice.NotificationTray.List(ctx, &amity.ListNotificationTrayParams{PageParams: amity.PageParams{Limit: 1}}) {
		require.NoError(t, err)
		items = append(items, it)
	}
	require.Len(t, items, 2, "two pages of one item")
	assert.Equal(t, amity.TrayActionComment, items[0].Kind())
	assert.Equal(t, amity.TrayActionReaction, items[1].Kind())
	assert.Equal(t, 2, items[1].ActorsCount)
	assert.Equal(t, []string{"like"}, items[1].Data.ReactionName)

	seen, err = alice.NotificationTray.GetSeen(ctx)
	require.NoError(t, err)
	assert.False(t, seen.IsSeen())
	assert.Equal(t, items[0].OccurredAt(), seen.OccurredAt())

	marked, err := alice.NotificationTray.MarkItemsSeen(ctx, &amity.MarkNotificationTrayItemsSeenParams{
		Items: []amity.NotificationTrayItemSeenParams{{ItemID: items[1].ID, LastSeenAt: time.Now()}}})
	require.NoError(t, err)
	require.NotNil(t, marked.ItemByID(items[1].ID))
	page, err := alice.NotificationTray.ListPage(ctx, nil)
	require.NoError(t, err)
	assert.False(t, page.SeenAt(&page.NotificationTrayItems[1]).IsZero())
	assert.True(t, page.SeenAt(&page.NotificationTrayItems[0]).IsZero())
	assert.Equal(t, "carol", page.Actors(&page.NotificationTrayItems[1])[0].UserID, "carol reacted last")

	at := time.Now().Add(time.Second)
	ms, err := alice.NotificationTray.MarkSeen(ctx, &amity.MarkNotificationTraySeenParams{LastSeenAt: at})
	require.NoError(t, err)
	assert.True(t, ms.SeenAt().Equal(at.Truncate(time.Millisecond)))
	seen, err = alice.NotificationTray.GetSeen(ctx)
	require.NoError(t, err)
	assert.True(t, seen.IsSeen())
}
