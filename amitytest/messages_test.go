package amitytest

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMessageCRUD(t *testing.T) {
	t.Parallel()
	srv, alice, bob, _, feed := newChat(t)

	m := ok(t, call(t, srv, alice, "POST", "/api/v5/messages", map[string]any{
		"messageFeedId": feed, "referenceId": "r1", "dataType": "text", "data": map[string]any{"text": "hello"},
		"tags": []string{"greet"}, "metadata": map[string]any{"x": 1},
		"mentionedUsers": []map[string]any{{"type": "user", "userIds": []string{"bob"}}},
	}))
	msg := list(t, m, "messages")[0]
	id := msg["messageId"].(string)
	assert.Equal(t, "r1", msg["referenceId"])
	assert.Equal(t, feed, msg["channelId"])
	assert.Equal(t, feed, msg["messageFeedId"])
	assert.Equal(t, 1.0, msg["segment"])
	assert.Equal(t, "alice", msg["creatorPublicId"])
	assert.Len(t, list(t, m, "messageFeeds"), 1)

	// A referenceId is a correlation key, not an idempotency key (amity.CreateMessageParams
	// says why): the same one again is a second message, as the server may make it.
	m = ok(t, call(t, srv, alice, "POST", "/api/v5/messages", map[string]any{
		"messageFeedId": feed, "referenceId": "r1", "dataType": "text", "data": map[string]any{"text": "hello"},
	}))
	again := list(t, m, "messages")[0]
	assert.NotEqual(t, id, again["messageId"])
	assert.Equal(t, "r1", again["referenceId"])
	// Remove it again, so the rest of the test sees one message of alice's.
	require.Equal(t, http.StatusOK, call(t, srv, alice, "DELETE", "/api/v5/messages/"+again["messageId"].(string)+"?permanent=true", nil).status)

	reply := ok(t, call(t, srv, bob, "POST", "/api/v5/messages", map[string]any{
		"messageFeedId": feed, "referenceId": "r2", "dataType": "text", "data": map[string]any{"text": "hi"}, "parentId": id,
	}))
	replyID := list(t, reply, "messages")[0]["messageId"].(string)
	m = ok(t, call(t, srv, bob, "GET", "/api/v5/messages/"+id, nil))
	assert.Equal(t, 1.0, list(t, m, "messages")[0]["childCount"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v5/messages?messageFeedId="+feed+"&parentId="+id, nil))
	assert.Equal(t, []string{replyID}, ids(list(t, m, "messages"), "messageId"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v5/messages?messageFeedId="+feed+"&includeTags=greet", nil))
	assert.Equal(t, []string{id}, ids(list(t, m, "messages"), "messageId"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v5/messages/list?messageIds="+id+","+replyID, nil))
	assert.Len(t, list(t, m, "messages"), 2)
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/messages/user/bob", nil))
	assert.Equal(t, []string{replyID}, ids(list(t, m, "messages"), "messageId"))

	// Update and delete: creator or moderator.
	assert.Equal(t, http.StatusForbidden, call(t, srv, bob, "PUT", "/api/v5/messages/"+id, map[string]any{"data": map[string]any{"text": "x"}}).status)
	m = ok(t, call(t, srv, alice, "PUT", "/api/v5/messages/"+id, map[string]any{"data": map[string]any{"text": "hello!"}}))
	assert.Equal(t, "hello!", list(t, m, "messages")[0]["data"].(map[string]any)["text"])
	assert.Equal(t, http.StatusOK, call(t, srv, bob, "DELETE", "/api/v5/messages/"+replyID, nil).status)
	m = ok(t, call(t, srv, bob, "GET", "/api/v5/messages?messageFeedId="+feed, nil))
	assert.Equal(t, []string{id}, ids(list(t, m, "messages"), "messageId"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v5/messages?messageFeedId="+feed+"&isDeleted=true", nil))
	assert.Equal(t, []string{replyID}, ids(list(t, m, "messages"), "messageId"))
	assert.Equal(t, http.StatusOK, call(t, srv, alice, "DELETE", "/api/v5/messages/"+replyID+"?permanent=true", nil).status)
	assert.Equal(t, http.StatusNotFound, call(t, srv, alice, "GET", "/api/v5/messages/"+replyID, nil).status)

	// Validation and access.
	r := call(t, srv, alice, "POST", "/api/v5/messages", map[string]any{"messageFeedId": feed, "dataType": "text"})
	assert.Equal(t, 400000, r.code(t))
	r = call(t, srv, alice, "POST", "/api/v5/messages", map[string]any{"messageFeedId": "nope", "referenceId": "x", "dataType": "text", "data": map[string]any{"text": "x"}})
	assert.Equal(t, 400400, r.code(t))
	stranger := srv.UserToken("stranger")
	r = call(t, srv, stranger, "POST", "/api/v5/messages", map[string]any{"messageFeedId": feed, "referenceId": "x", "dataType": "text", "data": map[string]any{"text": "x"}})
	r.isError(t, http.StatusForbidden, 400301)
}

func TestMessagePaging(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice := srv.UserToken("alice")
	feed := defaultFeed(t, srv, alice, createChannel(t, srv, alice, map[string]any{"displayName": "Chat"}))
	var sent []string
	for i := 0; i < 9; i++ {
		sent = append(sent, sendMessage(t, srv, alice, feed, fmt.Sprint("m", i)))
	}

	// Newest first, three pages of 4, 4 and 1, with total.
	var got []string
	path := "/api/v5/messages?messageFeedId=" + feed + "&options[limit]=4"
	for path != "" {
		m := ok(t, call(t, srv, alice, "GET", path, nil))
		got = append(got, ids(list(t, m, "messages"), "messageId")...)
		paging := m["paging"].(map[string]any)
		assert.Equal(t, 9.0, paging["total"])
		next, _ := paging["next"].(string)
		path = ""
		if next != "" {
			assert.LessOrEqual(t, len(next), 100)
			path = "/api/v5/messages?messageFeedId=" + feed + "&options[token]=" + q(next)
		}
	}
	want := make([]string, len(sent))
	for i := range sent {
		want[i] = sent[len(sent)-1-i]
	}
	assert.Equal(t, want, got)

	// Ascending order travels inside the token.
	m := ok(t, call(t, srv, alice, "GET", "/api/v5/messages?messageFeedId="+feed+"&options[limit]=5&options[sortBy]=segmentAsc", nil))
	assert.Equal(t, sent[:5], ids(list(t, m, "messages"), "messageId"))
	next := m["paging"].(map[string]any)["next"].(string)
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/messages?messageFeedId="+feed+"&options[token]="+q(next), nil))
	assert.Equal(t, sent[5:], ids(list(t, m, "messages"), "messageId"))
	// The bare (non-deepObject) form works too.
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/messages?messageFeedId="+feed+"&limit=2&sortBy=segmentAsc", nil))
	assert.Equal(t, sent[:2], ids(list(t, m, "messages"), "messageId"))

	// before/after/around cursors.
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/messages?messageFeedId="+feed+"&options[sortBy]=segmentAsc&options[after]="+sent[6], nil))
	assert.Equal(t, sent[7:], ids(list(t, m, "messages"), "messageId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/messages?messageFeedId="+feed+"&options[before]="+sent[2], nil))
	assert.Equal(t, []string{sent[1], sent[0]}, ids(list(t, m, "messages"), "messageId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/messages?messageFeedId="+feed+"&options[sortBy]=segmentAsc&options[around]="+sent[4]+"&options[limit]=4", nil))
	assert.Equal(t, sent[2:6], ids(list(t, m, "messages"), "messageId"))
	r := call(t, srv, alice, "GET", "/api/v5/messages?messageFeedId="+feed+"&options[around]="+sent[4]+"&options[limit]=3", nil)
	assert.Equal(t, http.StatusBadRequest, r.status)

	// Tokens are bound to their query.
	r = call(t, srv, alice, "GET", "/api/v5/messages?messageFeedId="+feed+"&options[token]=bm9wZQ", nil)
	assert.Equal(t, "Query Token is invalid", r.obj(t)["message"])
	r = call(t, srv, alice, "GET", "/api/v5/messages?messageFeedId="+feed+"&options[sortBy]=segmentDesc&options[token]="+q(next), nil)
	assert.Equal(t, 400000, r.code(t))
}

func TestMessageFlags(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	alice, bob := srv.UserToken("alice"), srv.UserToken("bob")
	cid := createChannel(t, srv, alice, map[string]any{
		"displayName": "Chat", "userIds": []string{"bob"}, "messageAutoDeleteEnabled": true, "autoDeleteMessageByFlagLimit": 2,
	})
	feed := defaultFeed(t, srv, alice, cid)
	id := sendMessage(t, srv, alice, feed, "one")
	other := sendMessage(t, srv, alice, feed, "two")

	m := ok(t, call(t, srv, bob, "POST", "/api/v5/messages/"+id+"/flags", nil))
	assert.Equal(t, 1.0, list(t, m, "messages")[0]["flagCount"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v5/messages/"+id+"/flags", nil))
	assert.Equal(t, true, m["result"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/messages/"+id+"/flags", nil))
	assert.Equal(t, false, m["result"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/messages?messageFeedId="+feed+"&hasFlags=true", nil))
	assert.Equal(t, []string{id}, ids(list(t, m, "messages"), "messageId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/messages/user/alice?hasFlags=true", nil))
	assert.Equal(t, []string{id}, ids(list(t, m, "messages"), "messageId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v3/channels?filter=flagged", nil))
	assert.Equal(t, []string{cid}, ids(list(t, m, "channels"), "channelId"))

	m = ok(t, call(t, srv, bob, "DELETE", "/api/v5/messages/"+id+"/flags", nil))
	assert.Equal(t, 0.0, list(t, m, "messages")[0]["flagCount"])
	checkFlagClearing(t, srv, "/api/v5/messages/"+id+"/flags", "/api/v5/messages/"+id+"/flags/all", "messages", bob, bob, alice)

	// Reaching the channel's flag limit deletes the message.
	ok(t, call(t, srv, bob, "POST", "/api/v5/messages/"+other+"/flags", nil))
	m = ok(t, call(t, srv, alice, "POST", "/api/v5/messages/"+other+"/flags", nil))
	assert.Equal(t, true, list(t, m, "messages")[0]["isDeleted"])

	// Reactions on messages.
	ok(t, call(t, srv, bob, "POST", "/api/v2/reactions", map[string]any{"referenceId": id, "referenceType": "message", "reactionName": "wow"}))
	m = ok(t, call(t, srv, bob, "GET", "/api/v5/messages/"+id, nil))
	assert.Equal(t, 1.0, list(t, m, "messages")[0]["reactionCount"])
	assert.Equal(t, []any{"wow"}, list(t, m, "messages")[0]["myReactions"])
	r := call(t, srv, alice, "GET", "/api/v2/reactions/messages/most?limit=5", nil)
	require.Equal(t, http.StatusOK, r.status)
	var most []map[string]any
	require.NoError(t, jsonUnmarshal(r.body, &most))
	require.Len(t, most, 1)
	assert.Equal(t, id, most[0]["messageId"])
	assert.Equal(t, 1.0, most[0]["reactionsCount"])
}

func TestMessageFeeds(t *testing.T) {
	t.Parallel()
	srv, alice, bob, cid, main := newChat(t) // main: the default feed, the channel's internal ID

	m := ok(t, call(t, srv, bob, "POST", "/api/v5/message-feeds", map[string]any{"channelId": cid, "name": "thread"}))
	feed := list(t, m, "messageFeeds")[0]
	fid := feed["messageFeedId"].(string)
	assert.Equal(t, "thread", feed["name"])
	assert.Equal(t, main, feed["channelId"], "a feed's channelId is the internal channel ID")
	assert.Equal(t, cid, feed["channelPublicId"])
	sendMessage(t, srv, bob, fid, "in thread")

	m = ok(t, call(t, srv, alice, "GET", "/api/v5/message-feeds/"+fid, nil))
	assert.Equal(t, 1.0, list(t, m, "messageFeeds")[0]["childCount"])
	assert.Len(t, list(t, m, "messages"), 1)
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/message-feeds/channel/"+cid, nil))
	assert.ElementsMatch(t, []string{main, fid}, ids(list(t, m, "messageFeeds"), "messageFeedId"))
	assert.Equal(t, 2.0, m["paging"].(map[string]any)["total"])
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/message-feeds/channel/"+cid+"?options[limit]=1", nil))
	assert.Equal(t, []string{fid}, ids(list(t, m, "messageFeeds"), "messageFeedId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/message-feeds/list?messageFeedIds="+fid, nil))
	assert.Len(t, list(t, m, "messageFeeds"), 1)
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/message-feeds/user/bob", nil))
	assert.Equal(t, []string{fid}, ids(list(t, m, "messageFeeds"), "messageFeedId"))

	m = ok(t, call(t, srv, bob, "PUT", "/api/v5/message-feeds/"+fid, map[string]any{"name": "renamed"}))
	assert.Equal(t, "renamed", list(t, m, "messageFeeds")[0]["name"])
	assert.Equal(t, http.StatusForbidden, call(t, srv, bob, "DELETE", "/api/v5/message-feeds/"+main, nil).status)
	require.Equal(t, http.StatusOK, call(t, srv, bob, "DELETE", "/api/v5/message-feeds/"+fid, nil).status)
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/message-feeds/channel/"+cid, nil))
	assert.Equal(t, []string{main}, ids(list(t, m, "messageFeeds"), "messageFeedId"))
	m = ok(t, call(t, srv, alice, "GET", "/api/v5/message-feeds/channel/"+cid+"?isDeleted=true", nil))
	assert.Equal(t, []string{fid}, ids(list(t, m, "messageFeeds"), "messageFeedId"))
}

func TestMessageModeration(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	admin := srv.AdminToken()
	alice := srv.UserToken("alice")
	feed := defaultFeed(t, srv, alice, createChannel(t, srv, alice, map[string]any{"displayName": "Chat"}))
	ok(t, call(t, srv, admin, "POST", "/api/v3/blocklists", map[string]any{"regexs": []string{"bad(word)?"}}))
	ok(t, call(t, srv, admin, "POST", "/api/v3/allowlists", map[string]any{"regexs": []string{"amity.co"}}))
	send := func(text string) resp {
		return call(t, srv, alice, "POST", "/api/v5/messages", map[string]any{"messageFeedId": feed, "referenceId": text[:3], "dataType": "text", "data": map[string]any{"text": text}})
	}
	assert.Equal(t, 400308, send("a badword here").code(t))
	assert.Equal(t, 400309, send("go to http://phish.example").code(t))
	ok(t, send("docs: https://api.amity.co/x"))

	ok(t, call(t, srv, admin, "POST", "/api/v2/users/ban", map[string]any{"userId": "alice"}))
	assert.Equal(t, 400312, send("fine text").code(t))
}

func TestMessagesV3(t *testing.T) {
	t.Parallel()
	srv, alice, bob, cid, feed := newChat(t)

	m := ok(t, call(t, srv, alice, "POST", "/api/v3/messages", map[string]any{
		"channelId": cid, "messageId": "custom-1", "data": map[string]any{"text": "v3 hello"}, "tags": []string{"t"},
		"mentionees": []map[string]any{{"type": "user", "userIds": []string{"bob"}}},
	}))
	msg := list(t, m, "messages")[0]
	assert.Equal(t, "custom-1", msg["messageId"])
	assert.Equal(t, "text", msg["type"])
	assert.Equal(t, 1.0, msg["channelSegment"])
	assert.Equal(t, "alice", msg["userId"])
	r := call(t, srv, alice, "POST", "/api/v3/messages", map[string]any{"channelId": cid, "messageId": "custom-1", "data": map[string]any{"text": "again"}})
	assert.Equal(t, 400315, r.code(t))

	// v3 and v5 share the channel's default feed.
	var v5 []string
	for i := 0; i < 5; i++ {
		v5 = append(v5, sendMessage(t, srv, bob, feed, fmt.Sprint("n", i)))
	}
	all := append([]string{"custom-1"}, v5...)
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/messages?channelId="+cid, nil))
	assert.Equal(t, all, ids(list(t, m, "messages"), "messageId"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/messages?channelId="+cid+"&options[last]=2", nil))
	assert.Equal(t, all[4:], ids(list(t, m, "messages"), "messageId"))
	prev := m["paging"].(map[string]any)["prev"].(string)
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/messages?channelId="+cid+"&options[token]="+q(prev), nil))
	assert.Equal(t, all[2:4], ids(list(t, m, "messages"), "messageId"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/messages?channelId="+cid+"&options[first]=2&options[after]=1", nil))
	assert.Equal(t, all[1:3], ids(list(t, m, "messages"), "messageId"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/messages?channelId="+cid+"&tags=t", nil))
	assert.Equal(t, []string{"custom-1"}, ids(list(t, m, "messages"), "messageId"))

	m = ok(t, call(t, srv, bob, "GET", "/api/v3/messages/custom-1", nil))
	assert.Equal(t, "v3 hello", list(t, m, "messages")[0]["data"].(map[string]any)["text"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/messages/list?messageIds=custom-1&messageIds="+v5[0], nil))
	assert.Len(t, list(t, m, "messages"), 2)
	m = ok(t, call(t, srv, alice, "PUT", "/api/v3/messages/custom-1", map[string]any{"data": map[string]any{"text": "edited"}}))
	assert.Equal(t, "edited", list(t, m, "messages")[0]["data"].(map[string]any)["text"])

	m = ok(t, call(t, srv, bob, "POST", "/api/v3/messages/custom-1/flag", nil))
	assert.Equal(t, 1.0, list(t, m, "messages")[0]["flagCount"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/messages/custom-1/isFlaggedByMe", nil))
	assert.Equal(t, true, m["data"].(map[string]any)["result"])
	m = ok(t, call(t, srv, bob, "DELETE", "/api/v3/messages/custom-1/unflag", nil))
	assert.Equal(t, 0.0, list(t, m, "messages")[0]["flagCount"])
	ok(t, call(t, srv, bob, "POST", "/api/v3/messages/custom-1/flag", nil))
	assert.Equal(t, http.StatusForbidden, call(t, srv, bob, "DELETE", "/api/v3/messages/custom-1/clearFlags", nil).status)
	m = ok(t, call(t, srv, alice, "DELETE", "/api/v3/messages/custom-1/clearFlags", nil))
	assert.Equal(t, 0.0, list(t, m, "messages")[0]["flagCount"])

	assert.Equal(t, http.StatusForbidden, call(t, srv, bob, "DELETE", "/api/v3/messages/custom-1", nil).status)
	m = ok(t, call(t, srv, alice, "DELETE", "/api/v3/messages/custom-1", nil))
	assert.Equal(t, true, m["data"].(map[string]any)["success"])
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/messages?channelId="+cid+"&isDeleted=false", nil))
	assert.Equal(t, v5, ids(list(t, m, "messages"), "messageId"))
	m = ok(t, call(t, srv, bob, "GET", "/api/v3/messages?channelId="+cid, nil))
	assert.Equal(t, append([]string{"custom-1"}, v5...), ids(list(t, m, "messages"), "messageId"), "isDeleted null (the default) lists both")
}

// TestMessageReferenceIDAsTheVendorClientsSendIt sends messages the way the vendor clients do:
// without a caller's referenceId they send "LOCAL_" and a UUID v4, 42 characters
// (ts-sdk messageRepository/api/createMessage.ts: getLocalId), over the spec's maxLength of
// 30, which the service therefore accepts. A referenceId sent again by the same creator in the
// same feed answers the first message (the fake's idempotency); another creator's is another
// message. (Not replayed by the spec test: the 4.92.0 schema caps referenceId at 30 in the
// answer too.)
func TestMessageReferenceIDAsTheVendorClientsSendIt(t *testing.T) {
	t.Parallel()
	srv, alice, bob, _, feed := newChat(t)
	ref := "LOCAL_0b7e1a4c-3f5d-4e8a-9c21-6d2f8e7a9b10"
	require.Len(t, ref, 42)
	send := func(token, ref, text string) resp {
		return call(t, srv, token, "POST", "/api/v5/messages", map[string]any{"messageFeedId": feed, "referenceId": ref,
			"dataType": "text", "data": map[string]any{"text": text}})
	}
	first := list(t, ok(t, send(alice, ref, "hello")), "messages")[0]
	assert.Equal(t, ref, first["referenceId"])
	again := list(t, ok(t, send(alice, ref, "hello again")), "messages")[0]
	assert.NotEqual(t, first["messageId"], again["messageId"], "a correlation key, not an idempotency key: a second message")
	assert.Equal(t, "hello again", again["data"].(map[string]any)["text"])
	other := list(t, ok(t, send(bob, ref, "mine")), "messages")[0]
	assert.NotEqual(t, first["messageId"], other["messageId"])
	m := ok(t, call(t, srv, alice, "GET", "/api/v5/messages?messageFeedId="+feed, nil))
	assert.Len(t, list(t, m, "messages"), 3)
	assert.Equal(t, 400000, send(alice, strings.Repeat("r", 101), "too long").code(t))
}
