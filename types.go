package amity

import (
	"bytes"
	"encoding/json"
	"strconv"
	"time"
)

// Ptr returns a pointer to v, for the optional fields of params:
// &amity.UpdateUserParams{UserID: "u1", DisplayName: amity.Ptr("Alice")}.
func Ptr[T any](v T) *T { return &v }

// Time is a timestamp from the API. It decodes RFC 3339 with or without fractional seconds;
// a value in another form decodes to the zero time instead of failing the whole answer.
type Time struct{ time.Time }

// Int is a number the API sends as a JSON number or as a string holding one (a file's size:
// "166904" in the vendor's own clients and older answers, 166904 in the spec): both decode.
// A value of another form (or a fraction) decodes to 0 without failing the answer, whose Raw
// keeps it. It encodes as a JSON number.
type Int int64

// UnmarshalJSON implements json.Unmarshaler.
func (n *Int) UnmarshalJSON(b []byte) error {
	*n = 0
	s := string(bytes.Trim(b, `"`))
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		*n = Int(v)
	} else if f, err := strconv.ParseFloat(s, 64); err == nil && f == float64(int64(f)) {
		*n = Int(f) // 1.66904e5
	}
	return nil
}

// RawJSON is a free-form member of an answer kept as the API sent it: an object usually,
// but whatever JSON the server chose (a message's data may be a JSON string). Its methods
// read the common forms; Decode reads it into a type of the caller's.
type RawJSON json.RawMessage

// UnmarshalJSON keeps a copy of b (the body's buffer is not kept by the value).
func (r *RawJSON) UnmarshalJSON(b []byte) error {
	*r = append((*r)[:0], b...)
	return nil
}

// MarshalJSON returns r as it is (null when empty).
func (r RawJSON) MarshalJSON() ([]byte, error) {
	if len(r) == 0 {
		return []byte("null"), nil
	}
	return r, nil
}

// Decode unmarshals r into v, as json.Unmarshal does.
func (r RawJSON) Decode(v any) error { return json.Unmarshal(r, v) }

// Map returns the members of an object (nil when r is not a JSON object).
func (r RawJSON) Map() map[string]any {
	var m map[string]any
	if json.Unmarshal(r, &m) != nil {
		return nil
	}
	return m
}

// Text returns the text of content data: the "text" member of an object, or the string
// itself when the data is a JSON string; "" otherwise.
func (r RawJSON) Text() string {
	b := bytes.TrimSpace(r)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if json.Unmarshal(b, &s) == nil {
			return s
		}
		return ""
	}
	var v struct {
		Text any `json:"text"`
	}
	if json.Unmarshal(b, &v) == nil {
		if s, ok := v.Text.(string); ok {
			return s
		}
	}
	return ""
}

// String returns r's JSON text.
func (r RawJSON) String() string { return string(r) }
