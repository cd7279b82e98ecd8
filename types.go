package amity

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Ptr returns a pointer to v, for the optional fields of params:
// &amity.UpdateUserParams{UserID: "u1", DisplayName: amity.Ptr("Alice")}.
func Ptr[T any](v T) *T { return &v }

// Time is a timestamp from the API. It decodes RFC 3339 with or without fractional seconds;
// a value in another form decodes to the zero time instead of failing the whole answer.
type Time struct{ time.Time }

// UnmarshalJSON implements json.Unmarshaler.
func (t *Time) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) != nil || s == "" {
		t.Time = time.Time{}
		return nil
	}
	parsed, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		parsed = time.Time{}
	}
	t.Time = parsed
	return nil
}

// MarshalJSON implements json.Marshaler; the zero time encodes as null.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.Time.UTC().Format(time.RFC3339Nano))
}

// decodeRaw decodes b into v and keeps a copy of b in raw.
func decodeRaw(b []byte, v any, raw *json.RawMessage) error {
	if err := json.Unmarshal(b, v); err != nil {
		return err
	}
	*raw = bytes.Clone(b)
	return nil
}

// Validation helpers: each returns nil or a *ValidationError naming op and field.

func required(op, field, v string) error {
	if strings.TrimSpace(v) == "" {
		return &ValidationError{Op: op, Field: field, Reason: "is required"}
	}
	return nil
}

func maxLen(op, field, v string, n int) error {
	if len([]rune(v)) > n {
		return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf("must be at most %d characters", n)}
	}
	return nil
}

func maxLenPtr(op, field string, v *string, n int) error {
	if v == nil {
		return nil
	}
	return maxLen(op, field, *v, n)
}

func maxItems(op, field string, n, limit int) error {
	if n > limit {
		return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf("must hold at most %d items", limit)}
	}
	return nil
}

func metadataSize(op, field string, m map[string]any, limit int) error {
	if m == nil {
		return nil
	}
	b, err := json.Marshal(m)
	if err != nil {
		return &ValidationError{Op: op, Field: field, Reason: "is not valid JSON: " + err.Error()}
	}
	if len(b) > limit {
		return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf("must be at most %d bytes as JSON", limit)}
	}
	return nil
}

// oneOf checks an enum field; the zero value (unset) passes.
func oneOf[E ~string](op, field string, v E, allowed ...E) error {
	if v == "" {
		return nil
	}
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf("must be one of %s, not %q", strings.Join(names, ", "), string(v))}
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
