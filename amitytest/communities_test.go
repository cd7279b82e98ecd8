package amitytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCommunityCRUD(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin := srv.AdminToken()
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	srv.AddUser("carol", "Carol")

	m := ok(t, call(t, srv, admin, "POST", "/api/v3/community-categories", map[string]any{"name": "Outdoors"}))
	catID := list(t, m["data"].(map[string]any), "categories")[0]["categoryId"].(string)

	m = ok(t, call(t, srv, alice, "POST", "/api/v3/communities", map[string]any{
		"displayName": "Hikers", "description": "We walk", "tags": []string{"nature"},
		"categoryIds": []string{catID}, "userIds": []string{"carol"}, "metadata": map[string]any{"level": 2},
	}))
	cm := list(t, m, "communities")[0]
	cid := cm["communityId"].(string)
	assert.Equal(t, "Hikers", cm["displayName"])
	assert.Equal(t, true, cm["isJoined"])
	assert.Equal(t, 2.0, cm["membersCount"])
	assert.Equal(t, 1.0, cm["moderatorMemberCount"])
	assert.Equal(t, []any{catID}, cm["categoryIds"])
	assert.Len(t, list(t, m, "categories"), 1)
	assert.Equal(t, []any{"community-moderator"}, list(t, m, "communityUsers")[0]["roles"])

	// Read back.
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/communities/"+cid, nil))
	assert.Equal(t, false, list(t, m, "communities")[0]["isJoined"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/communities/list?communityIds="+cid, nil))
	assert.Len(t, list(t, m, "communities"), 1)
	assert.Equal(t, http.StatusNotFound, call(t, srv, bob, "GET", "/api/v3/communities/nope", nil).status)

	// Query filters.
	createCommunity(t, srv, bob, map[string]any{"displayName": "Bakers", "tags": []string{"food"}})
	query := func(tok, qs string) []string {
		m := ok(t, call(t, srv, tok, "GET", "/api/v3/communities?"+qs, nil))
		return ids(list(t, m, "communities"), "displayName")
	}
	assert.Equal(t, []string{"Bakers", "Hikers"}, query(bob, "sortBy=displayName"))
	assert.Equal(t, []string{"Hikers"}, query(bob, "keyword=hik"))
	assert.Equal(t, []string{"Bakers"}, query(bob, "tags=food"))
	assert.Equal(t, []string{"Hikers"}, query(bob, "categoryId="+catID))
	assert.Equal(t, []string{"Bakers"}, query(bob, "filter=member"))
	assert.Equal(t, []string{"Hikers"}, query(bob, "filter=notMember"))

	// Update: moderators and the admin only.
	r := call(t, srv, bob, "PUT", "/api/v3/communities/"+cid, map[string]any{"communityId": cid, "displayName": "x"})
	assert.Equal(t, http.StatusForbidden, r.status)
	m = ok(t, call(t, srv, alice, "PUT", "/api/v3/communities/"+cid, map[string]any{"communityId": cid, "description": "We hike", "isPublic": false}))
	assert.Equal(t, "We hike", list(t, m, "communities")[0]["description"])
	assert.Equal(t, false, list(t, m, "communities")[0]["isPublic"])

	// Private: bob cannot join or read the feed.
	r = call(t, srv, bob, "POST", "/api/v3/communities/"+cid+"/join", nil)
	assert.Equal(t, http.StatusForbidden, r.status)
	assert.Equal(t, http.StatusForbidden, call(t, srv, bob, "GET", "/api/v3/community-feeds/"+cid, nil).status)

	// A private community is listed to its members (and admins) only; a discoverable one to
	// anyone who asks for them (spec 4.116.1's includeDiscoverablePrivateCommunity).
	assert.Equal(t, []string{"Bakers"}, query(bob, "sortBy=displayName"))
	assert.Equal(t, []string{"Bakers", "Hikers"}, query(alice, "sortBy=displayName"))
	m = ok(t, call(t, srv, alice, "PUT", "/api/v3/communities/"+cid, map[string]any{"communityId": cid, "isDiscoverable": true, "requiresJoinApproval": true}))
	assert.Equal(t, true, list(t, m, "communities")[0]["isDiscoverable"])
	assert.Equal(t, true, list(t, m, "communities")[0]["requiresJoinApproval"])
	assert.Equal(t, []string{"Bakers"}, query(bob, "sortBy=displayName"))
	assert.Equal(t, []string{"Bakers", "Hikers"}, query(bob, "sortBy=displayName&includeDiscoverablePrivateCommunity=true"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/communities/top-trending?includeDiscoverablePrivateCommunity=true", nil))
	assert.Contains(t, ids(list(t, m, "communities"), "displayName"), "Hikers")
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/communities/top-trending", nil))
	assert.NotContains(t, ids(list(t, m, "communities"), "displayName"), "Hikers")

	// Unique display names.
	r = call(t, srv, bob, "POST", "/api/v3/communities", map[string]any{"displayName": "hikers", "isUniqueDisplayName": true})
	r.isError(t, http.StatusForbidden, 400315)

	// Delete.
	assert.Equal(t, http.StatusForbidden, call(t, srv, bob, "DELETE", "/api/v3/communities/"+cid, nil).status)
	m = ok(t, call(t, srv, alice, "DELETE", "/api/v3/communities/"+cid, nil))
	assert.Equal(t, true, m["success"])
	// The admin sees every community, private ones included.
	assert.Equal(t, []string{"Bakers"}, query(admin, "isDeleted=false"))
	assert.Equal(t, []string{"Hikers"}, query(admin, "isDeleted=true"))
	assert.ElementsMatch(t, []string{"Bakers", "Hikers"}, query(admin, ""), "isDeleted null (the default) lists both")
	r = createPostResp(t, srv, alice, cid)
	assert.Equal(t, http.StatusNotFound, r.status)
}

func TestCommunityMembership(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	owner, joiner := srv.UserToken("owner"), srv.UserToken("joiner")
	for _, id := range []string{"m1", "m2", "m3"} {
		srv.AddUser(id, "Member "+id)
	}
	cid := createCommunity(t, srv, owner, map[string]any{"displayName": "Club"})

	m := ok(t, call(t, srv, joiner, "POST", "/api/v3/communities/"+cid+"/join", nil))
	assert.Equal(t, true, list(t, m, "communities")[0]["isJoined"])
	m = ok(t, call(t, srv, joiner, "DELETE", "/api/v3/communities/"+cid+"/leave", nil))
	assert.Equal(t, false, list(t, m, "communities")[0]["isJoined"])
	assert.Equal(t, http.StatusForbidden, call(t, srv, joiner, "DELETE", "/api/v3/communities/"+cid+"/leave", nil).status)

	// Add members (moderator only), then page through them.
	assert.Equal(t, http.StatusForbidden, call(t, srv, joiner, "POST", "/api/v3/communities/"+cid+"/users", map[string]any{"userIds": []string{"m1"}}).status)
	ok(t, call(t, srv, owner, "POST", "/api/v3/communities/"+cid+"/users", map[string]any{"userIds": []string{"m1", "m2", "m3"}}))
	m = ok(t, call(t, srv, owner, "GET", "/api/v3/communities/"+cid+"/users?options[limit]=3&sortBy=firstCreated", nil))
	got := ids(list(t, m, "communityUsers"), "userId")
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, owner, "GET", "/api/v3/communities/"+cid+"/users?sortBy=firstCreated&options[token]="+q(next), nil))
	got = append(got, ids(list(t, m, "communityUsers"), "userId")...)
	assert.ElementsMatch(t, []string{"owner", "m1", "m2", "m3"}, got)
	assert.Equal(t, "owner", got[0])

	// Remove, ban, unban.
	ok(t, call(t, srv, owner, "DELETE", "/api/v3/communities/"+cid+"/users?userIds=m3", nil))
	ok(t, call(t, srv, owner, "PUT", "/api/v3/communities/"+cid+"/users/ban", map[string]any{"userIds": []string{"m2"}}))
	m = ok(t, call(t, srv, owner, "GET", "/api/v3/communities/"+cid+"/users?memberships=banned", nil))
	banned := list(t, m, "communityUsers")
	require.Len(t, banned, 1)
	assert.Equal(t, "m2", banned[0]["userId"])
	assert.Equal(t, "banned", banned[0]["communityMembership"])
	assert.Equal(t, true, banned[0]["isBanned"])
	m = ok(t, call(t, srv, owner, "GET", "/api/v3/communities/"+cid+"/users?search=member", nil))
	assert.Equal(t, []string{"m1"}, ids(list(t, m, "communityUsers"), "userId"))
	ok(t, call(t, srv, owner, "PUT", "/api/v3/communities/"+cid+"/users/unban", map[string]any{"userIds": []string{"m2"}}))
	m = ok(t, call(t, srv, owner, "GET", "/api/v3/communities/"+cid+"/users?memberships=banned&memberships=member", nil))
	assert.ElementsMatch(t, []string{"owner", "m1"}, ids(list(t, m, "communityUsers"), "userId"))

	// Roles (v3 and v4) and permissions.
	ok(t, call(t, srv, owner, "POST", "/api/v3/communities/"+cid+"/users/roles", map[string]any{"role": "community-moderator", "userIds": []string{"m1"}}))
	m1 := srv.UserToken("m1")
	m = ok(t, call(t, srv, m1, "GET", "/api/v3/communities/"+cid+"/permissions/me", nil))
	assert.Equal(t, false, m["isCreator"])
	assert.Contains(t, m["permissions"], "EDIT_COMMUNITY")
	m = ok(t, call(t, srv, owner, "GET", "/api/v3/communities/"+cid+"/users?roles=community-moderator", nil))
	assert.ElementsMatch(t, []string{"owner", "m1"}, ids(list(t, m, "communityUsers"), "userId"))
	ok(t, call(t, srv, owner, "DELETE", "/api/v3/communities/"+cid+"/users/roles?userIds=m1&role=community-moderator", nil))
	m = ok(t, call(t, srv, m1, "GET", "/api/v3/communities/"+cid+"/permissions/me", nil))
	assert.Empty(t, m["permissions"])
	ok(t, call(t, srv, owner, "POST", "/api/v4/communities/"+cid+"/users/roles", map[string]any{"roles": []string{"a", "b"}, "userIds": []string{"m1"}}))
	m = ok(t, call(t, srv, owner, "DELETE", "/api/v4/communities/"+cid+"/users/roles?roles=a&userIds=m1", nil))
	assert.Equal(t, []any{"b"}, list(t, m, "communityUsers")[1]["roles"])
	r := call(t, srv, owner, "POST", "/api/v4/communities/"+cid+"/users/roles", map[string]any{"roles": []string{"a"}, "userIds": []string{"m3"}})
	assert.Equal(t, http.StatusForbidden, r.status)
	m = ok(t, call(t, srv, owner, "GET", "/api/v3/communities/"+cid+"/permissions/me", nil))
	assert.Equal(t, true, m["isCreator"])
}

func TestRecommendedAndTrendingCommunities(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	res := srv.Seed(SeedOptions{Communities: 4})
	tok := srv.UserToken("newcomer")
	m := ok(t, call(t, srv, tok, "GET", "/api/v3/communities/top-trending?options[limit]=2", nil))
	top := list(t, m, "communities")
	require.Len(t, top, 2)
	assert.GreaterOrEqual(t, top[0]["membersCount"].(float64), top[1]["membersCount"].(float64))
	m = ok(t, call(t, srv, tok, "GET", "/api/v3/communities/recommended", nil))
	assert.Len(t, list(t, m, "communities"), 4)
	ok(t, call(t, srv, tok, "POST", "/api/v3/communities/"+res.CommunityIDs[0]+"/join", nil))
	m = ok(t, call(t, srv, tok, "GET", "/api/v3/communities/recommended", nil))
	assert.NotContains(t, ids(list(t, m, "communities"), "communityId"), res.CommunityIDs[0])
}

func TestCommunityCategories(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin := srv.AdminToken()
	user := srv.UserToken("u")
	assert.Equal(t, http.StatusForbidden, call(t, srv, user, "POST", "/api/v3/community-categories", map[string]any{"name": "x"}).status)

	var created []string
	for _, name := range []string{"Music", "Art", "Sport"} {
		m := ok(t, call(t, srv, admin, "POST", "/api/v3/community-categories", map[string]any{"name": name, "metadata": map[string]any{"n": name}}))
		assert.Equal(t, "success", m["status"])
		created = append(created, list(t, m["data"].(map[string]any), "categories")[0]["categoryId"].(string))
	}
	names := func(qs string) []string {
		m := ok(t, call(t, srv, user, "GET", "/api/v3/community-categories?"+qs, nil))
		return ids(list(t, m["data"].(map[string]any), "categories"), "name")
	}
	assert.Equal(t, []string{"Art", "Music", "Sport"}, names(""))
	assert.Equal(t, []string{"Sport", "Art", "Music"}, names("sortBy=lastCreated"))
	m := ok(t, call(t, srv, user, "GET", "/api/v3/community-categories?options[limit]=2", nil))
	next := m["data"].(map[string]any)["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, user, "GET", "/api/v3/community-categories?options[token]="+q(next), nil))
	assert.Equal(t, []string{"Sport"}, ids(list(t, m["data"].(map[string]any), "categories"), "name"))

	m = ok(t, call(t, srv, user, "GET", "/api/v3/community-categories/"+created[0], nil))
	assert.Equal(t, "Music", list(t, m["data"].(map[string]any), "categories")[0]["name"])
	m = ok(t, call(t, srv, user, "GET", "/api/v3/community-categories/list?categoryIds="+created[0]+"&categoryIds="+created[1], nil))
	assert.Len(t, list(t, m["data"].(map[string]any), "categories"), 2)
	m = ok(t, call(t, srv, admin, "PUT", "/api/v3/community-categories/"+created[0], map[string]any{"categoryId": created[0], "name": "Jazz"}))
	assert.Equal(t, "Jazz", list(t, m["data"].(map[string]any), "categories")[0]["name"])
	m = ok(t, call(t, srv, admin, "DELETE", "/api/v3/community-categories/"+created[0]+"?categoryId="+created[0], nil))
	assert.Equal(t, true, m["data"].(map[string]any)["success"])
	assert.Equal(t, []string{"Art", "Sport"}, names("isDeleted=false"))
	assert.Equal(t, []string{"Jazz"}, names("isDeleted=true"))
	assert.ElementsMatch(t, []string{"Art", "Jazz", "Sport"}, names(""), "without isDeleted, deleted categories are listed too")
	assert.Equal(t, http.StatusNotFound, call(t, srv, user, "GET", "/api/v3/community-categories/none", nil).status)
}
