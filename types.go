package amity

import "time"

// Ptr returns a pointer to v, for the optional fields of params:
// &amity.UpdateUserParams{UserID: "u1", DisplayName: amity.Ptr("Alice")}.
func Ptr[T any](v T) *T { return &v }

// Time is a timestamp from the API. It decodes RFC 3339 with or without fractional seconds;
// a value in another form decodes to the zero time instead of failing the whole answer.
type Time struct{ time.Time }
