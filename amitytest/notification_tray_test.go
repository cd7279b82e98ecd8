package amitytest

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What others do to a user's content fills the user's tray: reactions and comments on its
// posts, replies to and reactions on its comments, and mentions, grouped, newest first.
func TestNotificationTrayItemsFromActions(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	alice, bob, carol := srv.UserToken("alice"), srv.UserToken("bob"), srv.UserToken("carol")
	cm := createCommunity(t, srv, alice, map[string]any{"displayName": "Gardeners", "isPublic": true})
	ok(t, call(t, srv, bob, "POST", "/api/v3/communities/"+cm+"/join", nil))
	ok(t, call(t, srv, carol, "POST", "/api/v3/communities/"+cm+"/join", nil))
	pid := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "tomatoes"}, "targetType": "community", "targetId": cm}))

	tray := func(token, query string) map[string]any {
		return ok(t, call(t, srv, token, "GET", "/api/v1/notification-tray"+query, nil))
	}
	m := tray(alice, "")
	assert.Empty(t, list(t, m, "notificationTrayItems"), "nothing happened to alice yet; her own post is not news")
	assert.Equal(t, map[string]any{"currentPage": 1.0, "totalPages": 0.0, "totalItems": 0.0, "pageSize": 20.0}, m["paging"])

	step := func() { clock.Advance(time.Minute) }
	step()
	react := func(token, refType, refID, name string) {
		ok(t, call(t, srv, token, "POST", "/api/v2/reactions", map[string]any{"referenceId": refID, "referenceType": refType, "reactionName": name}))
	}
	react(bob, "post", pid, "like")
	step()
	react(carol, "post", pid, "love")
	react(alice, "post", pid, "like") // her own: not in her tray
	step()
	c1 := commentID(t, ok(t, call(t, srv, bob, "POST", "/api/v3/comments", map[string]any{"referenceId": pid, "referenceType": "post",
		"data": map[string]any{"text": "nice"}})))
	step()
	mine := commentID(t, ok(t, call(t, srv, alice, "POST", "/api/v3/comments", map[string]any{"referenceId": pid, "referenceType": "post",
		"parentId": c1, "data": map[string]any{"text": "thanks"}})))
	step()
	reply := commentID(t, ok(t, call(t, srv, carol, "POST", "/api/v3/comments", map[string]any{"referenceId": pid, "referenceType": "post",
		"parentId": mine, "data": map[string]any{"text": "@alice agreed"}, "mentionees": []map[string]any{{"type": "user", "userIds": []string{"alice"}}}})))
	step()
	react(bob, "comment", mine, "like")

	m = tray(alice, "")
	items := list(t, m, "notificationTrayItems")
	require.Len(t, items, 5)
	kinds := func(items []map[string]any) []string {
		var out []string
		for _, it := range items {
			k := it["action"].(string)
			if cat, _ := it["trayItemCategory"].(string); cat != "" {
				k += ":" + cat
			}
			out = append(out, k)
		}
		return out
	}
	assert.Equal(t, []string{"reaction:react_to_comment", "mention:mention_in_comment", "reply", "comment", "reaction:react_to_post"}, kinds(items))

	onPost := items[4]
	assert.Equal(t, "post", onPost["targetType"])
	assert.Equal(t, pid, onPost["targetId"])
	assert.Equal(t, 2.0, onPost["actorsCount"])
	assert.Equal(t, map[string]any{"reactionName": []any{"like", "love"}}, onPost["data"])
	assert.Equal(t, "carol and 1 other reacted to your post", onPost["text"])
	assert.Equal(t, "{{user:carol}} and 1 other reacted to your post", onPost["templatedText"])
	assert.Equal(t, "2024-05-01T12:02:00.000Z", onPost["lastOccuredAt"])
	assert.Equal(t, onPost["lastOccuredAt"], onPost["lastOccurredAt"], "both spellings")
	assert.Equal(t, onPost["action"], onPost["actionType"])
	assert.Equal(t, "2024-05-01T00:00:00.000Z", onPost["daySegment"])
	assert.Equal(t, []string{"carol", "bob"}, ids(list(t, onPost, "actors"), "publicId"), "newest first")
	assert.Len(t, onPost["actorIds"], 2)
	assert.NotContains(t, onPost, "lastSeenAt", "never seen")

	mention := items[1]
	assert.Equal(t, reply, mention["referenceId"])
	assert.Equal(t, map[string]any{"communityName": "Gardeners"}, mention["data"])
	assert.Equal(t, c1, items[3]["referenceId"], "the comment item points at the latest comment")
	assert.Equal(t, mine, items[2]["targetId"], "the reply item is about alice's comment")
	assert.ElementsMatch(t, []string{"bob", "carol"}, ids(list(t, m, "users"), "userId"), "the actors are sideloaded")

	// Others' trays: bob's comment got alice's reply.
	assert.Equal(t, []string{"reply"}, kinds(list(t, tray(bob, ""), "notificationTrayItems")))

	// Paging by number, or by the clients' options[limit].
	m = tray(alice, "?pageSize=2&page=3")
	assert.Equal(t, []string{"reaction:react_to_post"}, kinds(list(t, m, "notificationTrayItems")))
	assert.Equal(t, map[string]any{"currentPage": 3.0, "totalPages": 3.0, "totalItems": 5.0, "pageSize": 2.0}, m["paging"])
	assert.Len(t, list(t, tray(alice, "?options%5Blimit%5D=1"), "notificationTrayItems"), 1)
	assert.Equal(t, http.StatusBadRequest, call(t, srv, alice, "GET", "/api/v1/notification-tray?pageSize=101", nil).status)
	assert.Equal(t, http.StatusBadRequest, call(t, srv, alice, "GET", "/api/v1/notification-tray?page=0", nil).status)

	// A deleted comment leaves the tray.
	ok(t, call(t, srv, carol, "DELETE", "/api/v3/comments/"+reply, nil))
	assert.Equal(t, []string{"reaction:react_to_comment", "comment", "reaction:react_to_post"}, kinds(list(t, tray(alice, ""), "notificationTrayItems")))
}

// Items are marked seen one by one or all at once; GET .../tray/seen compares the last look
// with the newest item.
func TestNotificationTraySeen(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	seen := func() map[string]any {
		return ok(t, call(t, srv, alice, "GET", "/api/v1/notification-tray/tray/seen", nil))
	}

	m := seen()
	assert.Equal(t, "2024-05-01T12:00:00.000Z", m["lastTraySeenAt"], "never looked: since the user was created")
	assert.Equal(t, "1970-01-01T00:00:00.000Z", m["lastTrayOccuredAt"], "an empty tray")

	p1 := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "one"}}))
	p2 := postID(t, createPost(t, srv, alice, map[string]any{"data": map[string]any{"text": "two"}}))
	clock.Advance(time.Minute)
	ok(t, call(t, srv, bob, "POST", "/api/v2/reactions", map[string]any{"referenceId": p1, "referenceType": "post", "reactionName": "like"}))
	clock.Advance(time.Minute)
	ok(t, call(t, srv, bob, "POST", "/api/v2/reactions", map[string]any{"referenceId": p2, "referenceType": "post", "reactionName": "like"}))
	m = seen()
	assert.Equal(t, "2024-05-01T12:02:00.000Z", m["lastTrayOccuredAt"])
	assert.Equal(t, m["lastTrayOccuredAt"], m["lastTrayOccurredAt"])

	items := list(t, ok(t, call(t, srv, alice, "GET", "/api/v1/notification-tray", nil)), "notificationTrayItems")
	require.Len(t, items, 2)
	newest, older := items[0]["_id"].(string), items[1]["_id"].(string)
	m = ok(t, call(t, srv, alice, "POST", "/api/v1/notification-tray/items/seen", map[string]any{
		"trayItems": []map[string]any{{"id": older, "lastSeenAt": "2024-05-01T12:05:00Z"}}}))
	assert.Equal(t, []any{map[string]any{"id": older, "lastSeenAt": "2024-05-01T12:05:00.000Z"}}, m["trayItems"])
	assert.Equal(t, "2024-05-01T12:05:00.000Z", m["lastSeenAt"])
	page := ok(t, call(t, srv, alice, "GET", "/api/v1/notification-tray", nil))
	assert.Equal(t, []any{map[string]any{"_id": older, "lastSeenAt": "2024-05-01T12:05:00.000Z"}}, page["notificationTrayItemSeens"])
	assert.Equal(t, "2024-05-01T12:05:00.000Z", list(t, page, "notificationTrayItems")[1]["lastSeenAt"])
	assert.NotContains(t, list(t, page, "notificationTrayItems")[0], "lastSeenAt")

	m = ok(t, call(t, srv, alice, "POST", "/api/v1/notification-tray/tray/seen", map[string]any{"lastSeenAt": "2024-05-01T12:10:00+02:00"}))
	assert.Equal(t, map[string]any{"lastTraySeenAt": "2024-05-01T10:10:00.000Z", "lastSeenAt": "2024-05-01T10:10:00.000Z"}, m)
	ok(t, call(t, srv, alice, "POST", "/api/v1/notification-tray/tray/seen", map[string]any{"lastSeenAt": "2024-05-01T12:30:00Z"}))
	assert.Equal(t, "2024-05-01T12:30:00.000Z", seen()["lastTraySeenAt"])
	page = ok(t, call(t, srv, alice, "GET", "/api/v1/notification-tray", nil))
	assert.Equal(t, "2024-05-01T12:30:00.000Z", list(t, page, "notificationTrayItems")[0]["lastSeenAt"], "seeing the tray sees every item")

	for name, body := range map[string]any{
		"no items":     map[string]any{"trayItems": []any{}},
		"no time":      map[string]any{"trayItems": []map[string]any{{"id": newest}}},
		"bad time":     map[string]any{"trayItems": []map[string]any{{"id": newest, "lastSeenAt": "yesterday"}}},
		"no id":        map[string]any{"trayItems": []map[string]any{{"lastSeenAt": "2024-05-01T12:05:00Z"}}},
		"no body":      nil,
		"wrong shapes": map[string]any{"trayItems": "all"},
	} {
		assert.Equal(t, http.StatusBadRequest, call(t, srv, alice, "POST", "/api/v1/notification-tray/items/seen", body).status, name)
	}
	assert.Equal(t, http.StatusNotFound, call(t, srv, bob, "POST", "/api/v1/notification-tray/items/seen", map[string]any{
		"trayItems": []map[string]any{{"id": newest, "lastSeenAt": "2024-05-01T12:05:00Z"}}}).status, "not bob's item")
	assert.Equal(t, http.StatusBadRequest, call(t, srv, alice, "POST", "/api/v1/notification-tray/tray/seen", map[string]any{}).status)
	assert.Equal(t, http.StatusUnauthorized, call(t, srv, "", "GET", "/api/v1/notification-tray", nil).status)
}
