package webhook_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/amity-go/amity/webhook"
)

// FuzzVerify checks that Verify never panics, accepts the signature Sign makes, and rejects
// it for any other body.
func FuzzVerify(f *testing.F) {
	f.Add([]byte(postBody), "", []byte("k"))
	f.Add([]byte(`{}`), "AAAA", []byte("secret"))
	f.Add([]byte{}, "====", []byte{0})
	f.Fuzz(func(t *testing.T, body []byte, signature string, key []byte) {
		err := webhook.Verify(body, signature, key)
		if err == nil && signature != webhook.Sign(body, key) {
			// Only the unpadded form of the same digest may also verify.
			if webhook.Verify(body, webhook.Sign(body, key), key) != nil {
				t.Fatalf("verified a signature that is not the body's")
			}
		}
		if len(key) == 0 {
			if !errors.Is(err, webhook.ErrNoSecret) {
				t.Fatalf("empty key: %v", err)
			}
			return
		}
		good := webhook.Sign(body, key)
		if err := webhook.Verify(body, good, key); err != nil {
			t.Fatalf("own signature rejected: %v", err)
		}
		other := append(append([]byte(nil), body...), 'x')
		if err := webhook.Verify(other, good, key); !errors.Is(err, webhook.ErrBadSignature) {
			t.Fatalf("changed body accepted: %v", err)
		}
	})
}

// FuzzParseEvent checks that Parse never panics, always names the data of the events it
// accepts, and keeps the body in Raw.
func FuzzParseEvent(f *testing.F) {
	for _, s := range []string{
		postBody,
		`{"event":"channel.didCreate","data":{"channel":[{"channelId":"c"}],"userIds":["u"]}}`,
		`{"event":"message.didCreate","data":{"messages":[{"messageFeedId":"f"}]}}`,
		`{"event":"message.didCreate","data":{"messages":[{"channelSegment":1}]}}`,
		`{"eventType":"push-notification.created","data":{"eventName":"post.created","posts":[]}}`,
		`{"event":"follow.didCreate","data":{"from":"a","to":"b","status":"accepted"}}`,
		`{"event":"nope","data":[1,2]}`,
		`{"event":"user.didFlag","data":{"users":[{"userId":"u"}],"files":null}}`,
		`[]`, `{`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		ev, err := webhook.Parse(body)
		if err != nil {
			if !errors.Is(err, webhook.ErrInvalidPayload) {
				t.Fatalf("error %v does not match ErrInvalidPayload", err)
			}
			if ev != nil {
				t.Fatal("an event with an error")
			}
			return
		}
		if ev.Data == nil {
			t.Fatal("nil Data")
		}
		if string(ev.Raw) != string(body) {
			t.Fatal("Raw is not the body")
		}
		if !json.Valid(body) {
			t.Fatal("accepted invalid JSON")
		}
	})
}
