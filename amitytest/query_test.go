package amitytest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// arrayForms encodes the array query parameter name with values in the forms clients send:
// repeated name=v (OpenAPI's default), name[]=v (the vendor clients: axios; the product
// docs), name[i]=v (the vendor's migration tool), and percent-encoded brackets.
func arrayForms(name string, values ...string) map[string]string {
	forms := map[string][]string{}
	for i, v := range values {
		forms["repeated"] = append(forms["repeated"], name+"="+q(v))
		forms["brackets"] = append(forms["brackets"], name+"[]="+q(v))
		forms["indexed"] = append(forms["indexed"], fmt.Sprintf("%s[%d]=%s", name, i, q(v)))
		forms["escaped"] = append(forms["escaped"], q(name+"[]")+"="+q(v))
	}
	out := map[string]string{}
	for form, parts := range forms {
		out[form] = strings.Join(parts, "&")
	}
	return out
}

// TestArrayQueryParametersInEveryForm sends array query parameters of several operations in
// every form clients use and expects the same answer, in the order the values were sent (by
// index for name[i]).
func TestArrayQueryParametersInEveryForm(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	srv.AddUser("carol", "Carol")
	ok(t, call(t, srv, alice, "POST", "/api/v3/channels", map[string]any{"channelId": "one", "type": "community",
		"userIds": []string{"bob", "carol"}}))
	ok(t, call(t, srv, alice, "POST", "/api/v3/channels", map[string]any{"channelId": "two", "type": "community",
		"tags": []string{"news"}}))
	ok(t, call(t, srv, alice, "PUT", "/api/v3/channels/one/users/ban", map[string]any{"userIds": []string{"carol"}}))
	ok(t, call(t, srv, alice, "POST", "/api/v3/communities", map[string]any{"displayName": "News", "isPublic": true,
		"tags": []string{"news"}}))
	ok(t, call(t, srv, alice, "POST", "/api/v3/communities", map[string]any{"displayName": "Other", "isPublic": true,
		"tags": []string{"misc"}}))
	feed := defaultFeed(t, srv, alice, "one")
	m1, m2 := sendMessage(t, srv, alice, feed, "first"), sendMessage(t, srv, alice, feed, "second")

	cases := []struct {
		path, name string
		values     []string
		key, field string
		want       []string
		ordered    bool // the answer follows the order of the values
	}{
		{"/api/v3/users/list?", "userIds", []string{"bob", "alice"}, "users", "userId", []string{"bob", "alice"}, true},
		{"/api/v3/channels/list?", "channelIds", []string{"two", "one"}, "channels", "channelId", []string{"two", "one"}, true},
		{"/api/v5/messages/list?", "messageIds", []string{m2, m1}, "messages", "messageId", []string{m2, m1}, true},
		{"/api/v5/message-feeds/list?", "messageFeedIds", []string{feed}, "messageFeeds", "messageFeedId", []string{feed}, true},
		{"/api/v3/channels?", "tags", []string{"news", "nothing"}, "channels", "channelId", []string{"two"}, false},
		{"/api/v3/channels?", "types", []string{"community", "live"}, "channels", "channelId", []string{"one", "two"}, false},
		{"/api/v4/channels/one/users?", "memberships", []string{"member", "banned"}, "channelUsers", "userId",
			[]string{"alice", "bob", "carol"}, false},
		{"/api/v3/communities?", "tags", []string{"news"}, "communities", "displayName", []string{"News"}, false},
	}
	for _, tc := range cases {
		for form, query := range arrayForms(tc.name, tc.values...) {
			m := ok(t, call(t, srv, bob, "GET", tc.path+query, nil))
			got := ids(list(t, m, tc.key), tc.field)
			if tc.ordered {
				assert.Equal(t, tc.want, got, "%s%s (%s)", tc.path, query, form)
			} else {
				assert.ElementsMatch(t, tc.want, got, "%s%s (%s)", tc.path, query, form)
			}
		}
	}

	// Indices order the values whatever the order of the keys; forms may be mixed.
	m := ok(t, call(t, srv, bob, "GET", "/api/v3/users/list?userIds[1]=alice&userIds[0]=bob&userIds[2]=carol", nil))
	assert.Equal(t, []string{"bob", "alice", "carol"}, ids(list(t, m, "users"), "userId"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/users/list?userIds[10]=carol&userIds[9]=alice&userIds[2]=bob", nil))
	assert.Equal(t, []string{"bob", "alice", "carol"}, ids(list(t, m, "users"), "userId"), "indices compare as numbers")
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/users/list?userIds=carol&userIds[]=alice&userIds=bob", nil))
	assert.Equal(t, []string{"carol", "alice", "bob"}, ids(list(t, m, "users"), "userId"))

	// The deepObject array of the comment query: dataTypes[values][]=image.
	pid := list(t, ok(t, call(t, srv, alice, "POST", "/api/v4/posts", map[string]any{"data": map[string]any{"text": "p"}})),
		"posts")[0]["postId"].(string)
	ok(t, call(t, srv, bob, "POST", "/api/v3/comments", map[string]any{"referenceId": pid, "referenceType": "post",
		"data": map[string]any{"text": "plain"}}))
	for form, query := range arrayForms("dataTypes[values]", "image") {
		m = ok(t, call(t, srv, bob, "GET", "/api/v3/comments?referenceId="+pid+"&referenceType=post&"+query, nil))
		assert.Empty(t, list(t, m, "comments"), "%s: a text comment is no image comment", form)
	}
}
