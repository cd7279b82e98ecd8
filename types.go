package amity

import (
	"bytes"
	"encoding/json"
	"time"
)

// Ptr returns a pointer to v, for the optional fields of params:
// &amity.UpdateUserParams{UserID: "u1", DisplayName: amity.Ptr("Alice")}.
func Ptr[T any](v T) *T { return &v }

// Time is a timestamp from the API. It decodes RFC 3339 with or without fractional seconds;
// a value in another form decodes to the zero time instead of failing the whole answer.
type Time struct{ time.Time }

// decodeRaw decodes b into v and keeps a copy of b in raw.
func decodeRaw(b []byte, v any, raw *json.RawMessage) error {
	if err := json.Unmarshal(b, v); err != nil {
		return err
	}
	*raw = bytes.Clone(b)
	return nil
}
