package webhookspec

import (
	"testing"
)

func TestBodyAndCheck(t *testing.T) {
	s := ForTest(t)
	if n := len(s.Names()); n != 86 {
		t.Fatalf("%d events, want 86", n)
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
