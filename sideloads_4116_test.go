package amity_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sideloadsOf reads the named lists of a fixture (testdata/name) as raw JSON.
func sideloadsOf(t *testing.T, name string, keys ...string) map[string]json.RawMessage {
	t.Helper()
	var all map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(fixture(t, name)), &all))
	out := map[string]json.RawMessage{}
	for _, k := range keys {
		require.Contains(t, all, k, name)
		out[k] = all[k]
	}
	return out
}

// answerWith is a JSON answer of the given members.
func answerWith(t *testing.T, members map[string]any) string {
	t.Helper()
	b, err := json.Marshal(members)
	require.NoError(t, err)
	return string(b)
}

// The sideloads spec 4.116.1 added to existing answers (rooms, room children and products in
// post answers, rooms in event answers, join requests in community answers) decode into the
// new areas' types, with their lookups.
func TestSideloadsOf4116AreTyped(t *testing.T) {
	ctx := context.Background()
	rooms := sideloadsOf(t, "rooms_room.json", "rooms", "roomChildrens")
	products := sideloadsOf(t, "products_clients.json", "products")
	joins := sideloadsOf(t, "community_join_requests.json", "joinRequests")

	t.Run("posts", func(t *testing.T) {
		c, mt := mockClient(t)
		post := map[string]any{"postId": "p-room", "dataType": "room", "data": map[string]any{"roomId": "room-launch"},
			"productTags": []string{"sku-mug"}}
		record(t, mt, "GET", "/api/v3/posts/p-room", answerWith(t, map[string]any{"posts": []any{post},
			"rooms": rooms["rooms"], "roomChildrens": rooms["roomChildrens"], "products": products["products"]}))
		p, err := c.Posts.Get(ctx, "p-room", nil)
		require.NoError(t, err)
		require.NotNil(t, p.Room(p.Post()))
		assert.Equal(t, "Launch day", p.Room(p.Post()).Title)
		assert.Equal(t, amity.RoomType("coHosts"), p.Room(p.Post()).Type)
		require.NotNil(t, p.RoomByID("room-launch-b"), "a child room")
		assert.Equal(t, "65a0c0ffee65a0c0ffee0001", p.RoomByID("65a0c0ffee65a0c0ffee0001").ID, "by internal ID")
		require.NotNil(t, p.ProductByID("sku-mug"))
		assert.Equal(t, "Mug", p.ProductByID("sku-mug").ProductName)
		assert.Nil(t, p.ProductByID("sku-none"))
	})
	t.Run("events", func(t *testing.T) {
		c, mt := mockClient(t)
		record(t, mt, "GET", "/api/v1/events/ev1", answerWith(t, map[string]any{
			"events": []any{map[string]any{"eventId": "ev1", "title": "Launch"}}, "rooms": rooms["rooms"]}))
		p, err := c.Events.Get(ctx, "ev1")
		require.NoError(t, err)
		require.NotNil(t, p.RoomByID("room-launch"))
		assert.Equal(t, "Launch day", p.RoomByID("room-launch").Title)
	})
	t.Run("communities", func(t *testing.T) {
		c, mt := mockClient(t)
		record(t, mt, "POST", "/api/v4/communities/c-gophers/users/roles", answerWith(t, map[string]any{
			"communities": []any{map[string]any{"communityId": "c-gophers"}}, "joinRequests": joins["joinRequests"]}))
		p, err := c.Communities.AddRoles(ctx, "c-gophers", &amity.CommunityRolesParams{UserIDs: []string{"bob"}, Roles: []string{"moderator"}})
		require.NoError(t, err)
		jr := p.JoinRequestByID("65f0a1b2c3d4e5f60000b001")
		require.NotNil(t, jr)
		assert.Equal(t, "bob", jr.UserID)
		assert.Equal(t, amity.CommunityJoinRequestStatus("approved"), jr.Status)
	})
}
