package webhook_test

import (
	"encoding/json"
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

func TestEventsAll86DecodeFromSpec(t *testing.T) {
	spec := loadSpec(t)
	names := webhook.AllEvents()
	if len(names) != 86 {
		t.Fatalf("AllEvents has %d names, want 86", len(names))
	}
	if got := spec.Names(); len(got) != 86 {
		t.Fatalf("spec has %d webhook events, want 86", len(got))
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
	for _, name := range names {
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
	switch d := ev.Data.(type) {
	case *webhook.PostEvent:
		if has("posts") && (len(d.Posts) == 0 || d.Posts[0].PostID == "") {
			t.Errorf("posts not decoded: %+v", d.Posts)
		}
		if has("users") && len(d.Users) == 0 {
			t.Errorf("users not decoded")
		}
	case *webhook.CommentEvent:
		if has("comments") && (len(d.Comments) == 0 || d.Comments[0].CommentID == "") {
			t.Errorf("comments not decoded")
		}
	case *webhook.CommunityEvent:
		if has("communities") && (len(d.Communities) == 0 || d.Communities[0].CommunityID == "") {
			t.Errorf("communities not decoded")
		}
	case *webhook.ChannelEvent:
		if has("channel") && (len(d.Channels) == 0 || len(d.Channel) != len(d.Channels)) {
			t.Errorf("channel not decoded into Channels: %d %d", len(d.Channel), len(d.Channels))
		}
		if has("userIds") && len(d.UserIDs) == 0 {
			t.Errorf("userIds not decoded")
		}
	case *webhook.FollowEvent:
		if d.From == "" || d.To == "" {
			t.Errorf("follow not decoded: %+v", d.UserFollow)
		}
	case *webhook.V3MessageEvent:
		if has("messages") && (len(d.Messages) == 0 || d.Messages[0].MessageID == "") {
			t.Errorf("v3 messages not decoded")
		}
	case *webhook.MessageEvent:
		if has("messages") && (len(d.Messages) == 0 || d.Messages[0].MessageFeedID == "") {
			t.Errorf("v5 messages not decoded")
		}
		if !strings.HasPrefix(string(ev.Name), "v5.") {
			t.Errorf("v5 data under %s", ev.Name)
		}
	case *webhook.PollEvent:
		if has("polls") && (len(d.Polls) == 0 || d.Polls[0].PollID == "") {
			t.Errorf("polls not decoded")
		}
	case *webhook.UserEvent:
		if has("users") && (len(d.Users) == 0 || d.Users[0].UserID == "") {
			t.Errorf("users not decoded")
		}
	case *webhook.VideoStreamingEvent:
		if has("videoStreamings") && (len(d.VideoStreamings) == 0 || d.VideoStreamings[0].StreamID == "") {
			t.Errorf("streams not decoded")
		}
	case *webhook.PushPostEvent:
		checkPush(t, ev, d.PushNotification)
		if has("posts") && len(d.Posts) == 0 {
			t.Errorf("posts not decoded")
		}
	case *webhook.PushChannelEvent:
		checkPush(t, ev, d.PushNotification)
		if has("channels") && len(d.Channels) == 0 {
			t.Errorf("channels not decoded")
		}
	case *webhook.PushFollowEvent:
		checkPush(t, ev, d.PushNotification)
		if has("follows") && len(d.Follows) == 0 {
			t.Errorf("follows not decoded")
		}
	case *webhook.PushMessageEvent:
		checkPush(t, ev, d.PushNotification)
		if has("messages") && len(d.Messages) == 0 {
			t.Errorf("messages not decoded")
		}
	case *webhook.PushVideoStreamingEvent:
		checkPush(t, ev, d.PushNotification)
		if has("videoStreamings") && len(d.VideoStreamings) == 0 {
			t.Errorf("streams not decoded")
		}
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
