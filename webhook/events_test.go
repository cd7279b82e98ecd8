package webhook_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/amity-go/amity/internal/webhookspec"
	"github.com/amity-go/amity/webhook"
)

// loadSpec returns the webhook part of the spec (see webhookspec.ForTest).
func loadSpec(t testing.TB) *webhookspec.Spec { return webhookspec.ForTest(t) }

// specBody synthesizes the spec-shaped body of the event's pseudo-operation.
func specBody(t testing.TB, spec *webhookspec.Spec, name webhook.EventName) []byte {
	t.Helper()
	body, err := spec.Body(string(name))
	if err != nil {
		t.Fatal(err)
	}
	return body
}

// TestEventsDecodeFromSpec decodes a body synthesized from the spec of each of its events:
// the 86 of spec 4.92.0, or all 98 with spec 4.116.1 (AMITY_OPENAPI_SPEC).
func TestEventsDecodeFromSpec(t *testing.T) {
	spec := loadSpec(t)
	names := webhook.AllEvents()
	if len(names) != 98 {
		t.Fatalf("AllEvents has %d names, want 98", len(names))
	}
	if got := len(spec.Names()); got != 86 && got != 98 {
		t.Fatalf("spec has %d webhook events, want 86 (4.92.0) or 98 (4.116.1)", got)
	}
	known := map[webhook.EventName]bool{}
	for _, n := range names {
		known[n] = true
	}
	for _, n := range spec.Names() {
		if !known[webhook.EventName(n)] {
			t.Errorf("spec event %s has no constant", n)
		}
	}
	for _, n := range spec.Names() {
		name := webhook.EventName(n)
		t.Run(string(name), func(t *testing.T) {
			body := specBody(t, spec, name)
			ev, err := webhook.Parse(body)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			want := name
			if ev.Name != want {
				t.Fatalf("Name = %q, want %q (sent %q)", ev.Name, want, ev.SentName)
			}
			if _, unknown := ev.Data.(*webhook.Unknown); unknown {
				t.Fatalf("Data is *Unknown")
			}
			if string(ev.Raw) != string(body) {
				t.Fatalf("Raw is not the body")
			}
			checkFilled(t, ev, body)
		})
	}
}

// checkFilled checks that the typed data holds the spec body's primary entity.
func checkFilled(t *testing.T, ev *webhook.Event, body []byte) {
	t.Helper()
	var env struct {
		Data map[string]json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		t.Fatal(err)
	}
	has := func(key string) bool {
		v, ok := env.Data[key]
		return ok && string(v) != "[]" && string(v) != "null"
	}
	// decoded reports an entity the body has and the data lacks.
	decoded := func(key string, ok bool, what string) {
		t.Helper()
		if has(key) && !ok {
			t.Errorf("%s not decoded", what)
		}
	}
	switch d := ev.Data.(type) {
	case *webhook.PostEvent:
		decoded("posts", len(d.Posts) > 0 && d.Posts[0].PostID != "", fmt.Sprintf("posts (%+v)", d.Posts))
		decoded("users", len(d.Users) > 0, "users")
	case *webhook.CommentEvent:
		decoded("comments", len(d.Comments) > 0 && d.Comments[0].CommentID != "", "comments")
	case *webhook.CommunityEvent:
		decoded("communities", len(d.Communities) > 0 && d.Communities[0].CommunityID != "", "communities")
	case *webhook.ChannelEvent:
		decoded("channel", len(d.Channels) > 0 && len(d.Channel) == len(d.Channels),
			fmt.Sprintf("channel (into Channels: %d %d)", len(d.Channel), len(d.Channels)))
		decoded("userIds", len(d.UserIDs) > 0, "userIds")
	case *webhook.FollowEvent:
		if d.From == "" || d.To == "" {
			t.Errorf("follow not decoded: %+v", d.UserFollow)
		}
	case *webhook.V3MessageEvent:
		decoded("messages", len(d.Messages) > 0 && d.Messages[0].MessageID != "", "v3 messages")
	case *webhook.MessageEvent:
		decoded("messages", len(d.Messages) > 0 && d.Messages[0].MessageFeedID != "", "v5 messages")
		if !strings.HasPrefix(string(ev.Name), "v5.") {
			t.Errorf("v5 data under %s", ev.Name)
		}
	case *webhook.PollEvent:
		decoded("polls", len(d.Polls) > 0 && d.Polls[0].PollID != "", "polls")
	case *webhook.UserEvent:
		decoded("users", len(d.Users) > 0 && d.Users[0].UserID != "", "users")
	case *webhook.VideoStreamingEvent:
		decoded("videoStreamings", len(d.VideoStreamings) > 0 && d.VideoStreamings[0].StreamID != "", "streams")
	case *webhook.PushPostEvent:
		checkPush(t, ev, d.PushNotification)
		decoded("posts", len(d.Posts) > 0, "posts")
	case *webhook.PushChannelEvent:
		checkPush(t, ev, d.PushNotification)
		decoded("channels", len(d.Channels) > 0, "channels")
	case *webhook.PushFollowEvent:
		checkPush(t, ev, d.PushNotification)
		decoded("follows", len(d.Follows) > 0, "follows")
	case *webhook.PushMessageEvent:
		checkPush(t, ev, d.PushNotification)
		decoded("messages", len(d.Messages) > 0, "messages")
	case *webhook.PushVideoStreamingEvent:
		checkPush(t, ev, d.PushNotification)
		decoded("videoStreamings", len(d.VideoStreamings) > 0, "streams")
	case *webhook.FileEvent:
		decoded("fileId", d.FileID != "" && d.Attributes.Name != "", fmt.Sprintf("file (%+v)", d.File))
	case *webhook.BlockEvent:
		if d.From == "" || d.To == "" {
			t.Errorf("block not decoded: %+v", d.UserFollow)
		}
	case *webhook.CommunityJoinRequestEvent:
		decoded("joinRequests", len(d.JoinRequests) > 0 && d.JoinRequests[0].JoinRequestID != "" && !d.JoinRequests[0].CreatedAt.IsZero(),
			fmt.Sprintf("join requests (%+v)", d.JoinRequests))
		decoded("users", len(d.Users) > 0 && d.Users[0].UserID != "", "users")
		decoded("roles", len(d.Roles) > 0 && d.Roles[0].RoleID != "", "roles")
	case *webhook.CommunityInvitationEvent:
		decoded("invitations", len(d.Invitations) > 0 && d.Invitations[0].InvitationID != "" && d.Invitations[0].InviterUserID != "",
			fmt.Sprintf("invitations (%+v)", d.Invitations))
		decoded("users", len(d.Users) > 0, "users")
	default:
		t.Errorf("unexpected data %T", d)
	}
}

func checkPush(t *testing.T, ev *webhook.Event, p webhook.PushNotification) {
	t.Helper()
	if ev.Push == nil || ev.Push.EventType != webhook.PushEventType {
		t.Errorf("push envelope missing: %+v", ev.Push)
	}
	if !strings.HasSuffix(string(ev.Name), p.EventName) {
		t.Errorf("eventName %q does not match %s", p.EventName, ev.Name)
	}
}
