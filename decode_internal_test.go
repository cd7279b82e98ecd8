package amity

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzObjectMembers checks the success rule's member scanner against encoding/json: on any
// object encoding/json reads, it finds the same members with the same raw values.
func FuzzObjectMembers(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":1}`, `{"status":"error","code":400400}`, `{"data":{"success":false},"x":[1,{"y":"}"}]}`,
		`{"s\"k":"v\\"}`, ` { "a" : [ ] , "b" : null } `, `{"a":"\u00e9"}`, `[1]`, `{"a":}`, `{"a":1,}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var want map[string]json.RawMessage
		if json.Unmarshal(b, &want) != nil || bytes.ContainsRune(b, '\\') || !utf8.Valid(b) {
			objectMembers(b, func(key, val []byte) {}) // must not panic on anything
			return
		}
		got := map[string]json.RawMessage{}
		if !objectMembers(b, func(key, val []byte) { got[string(key)] = val }) {
			t.Fatalf("objectMembers refused %q, which encoding/json reads", b)
		}
		for k, v := range want {
			if !bytes.Equal(bytes.TrimSpace(got[k]), bytes.TrimSpace(v)) {
				t.Fatalf("member %q: got %q, want %q (in %q)", k, got[k], v, b)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("got %d members, want %d (in %q)", len(got), len(want), b)
		}
	})
}

func TestPagingDecodesOnce(t *testing.T) {
	for body, want := range map[string]Paging{
		`{"next":"n1","previous":"p1","total":3}`: {Next: "n1", Previous: "p1", Total: ptrTo(3)},
		`{"next":"n\u00e9","prev":"p2"}`:          {Next: "né", Previous: "p2"},
		`null`:                                    {},
		`{}`:                                      {},
	} {
		var p Paging
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if p.Next != want.Next || p.Previous != want.Previous || (p.Total == nil) != (want.Total == nil) || (p.Total != nil && *p.Total != *want.Total) {
			t.Errorf("%s: got %+v, want %+v", body, p, want)
		}
	}
	var p Paging
	if err := json.Unmarshal([]byte(`"tok"`), &p); err == nil {
		t.Error("a paging that is not an object must fail")
	}
}

func ptrTo[T any](v T) *T { return &v }
