package webhookspec

import (
	"encoding/json"
	"testing"
)

// specEvents is the number of webhook events of each spec version the package reads.
var specEvents = map[int]string{86: "4.92.0", 98: "4.116.1"}

func TestBodyAndCheck(t *testing.T) {
	s := ForTest(t)
	n := len(s.Names())
	if specEvents[n] == "" {
		t.Fatalf("%d events, want 86 (spec 4.92.0) or 98 (4.116.1)", n)
	}
	for _, name := range s.Names() {
		b, err := s.Body(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Check(name, b); err != nil {
			t.Errorf("%s: synthesized body does not check: %v", name, err)
		}
	}
	bad := map[string]string{
		"v3.post.didCreate":    `{"event":"v3.post.didCreate","data":{"posts":{"postId":"p"}}}`,
		"channel.didCreate":    `{"event":"channel.didCreate","data":{"channel":[{"channelId":7}]}}`,
		"follow.didCreate":     `{"event":"follow.didCreate","data":"x"}`,
		"v5.message.didCreate": `{"event":"message.didCreate","data":{"users":[{"userId":true}]}}`,
	}
	for name, body := range bad {
		if err := s.Check(name, []byte(body)); err == nil {
			t.Errorf("%s: %s passed the check", name, body)
		}
	}
}

// The six community join request and invitation events of 4.116.1 have their data alone as
// their schema: Body wraps it in the envelope, and Check wants the envelope.
func TestBareEventsGetTheEnvelope(t *testing.T) {
	s := ForTest(t)
	const name = "v3.communityJoinRequest.didCreate"
	if _, ok := s.events[name]; !ok {
		t.Skip("spec " + specEvents[len(s.Names())] + " has no " + name)
	}
	b, err := s.Body(name)
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		Event string `json:"event"`
		Data  struct {
			JoinRequests []map[string]any `json:"joinRequests"`
		} `json:"data"`
	}
	if err := json.Unmarshal(b, &env); err != nil || env.Event != name || len(env.Data.JoinRequests) != 1 {
		t.Fatalf("body %s is not the envelope of the join requests (%v)", b, err)
	}
	for _, body := range []string{
		`{"joinRequests":[{"status":"pending"}]}`,                                              // bare, as the spec shows it
		`{"event":"v3.communityJoinRequest.didAccept","data":{"joinRequests":[]}}`,             // another event's name
		`{"event":"v3.communityJoinRequest.didCreate","data":{"joinRequests":[{"status":7}]}}`, // a mistyped member
	} {
		if err := s.Check(name, []byte(body)); err == nil {
			t.Errorf("%s passed the check", body)
		}
	}
	if err := s.Check(name, []byte(`{"event":"`+name+`","data":{"joinRequests":[{"status":"pending"}]}}`)); err != nil {
		t.Errorf("the envelope of a join request: %v", err)
	}
}
