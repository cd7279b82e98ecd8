package amity

import (
	"encoding/json"
	"fmt"
	"strings"
)

// This file is the one home of argument checks: each returns nil or a *ValidationError
// naming op and field, before any request is sent.

// notNil is the one nil check of a pointer argument a method cannot do without (its params):
// a nil p is a *ValidationError naming op and field ("params").
func notNil[T any](op, field string, p *T) error {
	if p == nil {
		return &ValidationError{Op: op, Field: field, Reason: "must not be nil"}
	}
	return nil
}

// orZero is the one reading of optional params: nil stands for the zero value.
func orZero[T any](p *T) *T {
	if p == nil {
		return new(T)
	}
	return p
}

// required checks that v is not blank.
func required(op, field, v string) error {
	if strings.TrimSpace(v) == "" {
		return &ValidationError{Op: op, Field: field, Reason: "is required"}
	}
	return nil
}

// maxLen checks that v is at most n characters.
func maxLen(op, field, v string, n int) error {
	if len([]rune(v)) > n {
		return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf("must be at most %d characters", n)}
	}
	return nil
}

// maxLenPtr is maxLen for an optional value.
func maxLenPtr(op, field string, v *string, n int) error {
	if v == nil {
		return nil
	}
	return maxLen(op, field, *v, n)
}

// maxItems checks that a list of n items holds at most limit.
func maxItems(op, field string, n, limit int) error {
	if n > limit {
		return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf("must hold at most %d items", limit)}
	}
	return nil
}

// metadataSize checks that m encodes as JSON in at most limit bytes.
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

// firstErr returns the first non-nil error of errs.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// idList checks a list of IDs sent in a query.
func idList(op, field string, ids []string, maxN, maxLength int) error {
	if len(ids) == 0 {
		return &ValidationError{Op: op, Field: field, Reason: "must not be empty"}
	}
	if len(ids) > maxN {
		return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf("must hold at most %d IDs", maxN)}
	}
	for _, v := range ids {
		if strings.TrimSpace(v) == "" || len(v) > maxLength {
			return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf("must hold IDs of 1 to %d characters", maxLength)}
		}
	}
	return nil
}

// stringList checks an optional list: at most maxN items, each minLen to maxLen characters
// (a blank item is refused whatever minLen). A nil or empty list passes (it is not sent).
func stringList(op, field string, vs []string, maxN, minLen, maxLength int) error {
	if err := maxItems(op, field, len(vs), maxN); err != nil {
		return err
	}
	for _, v := range vs {
		if strings.TrimSpace(v) == "" {
			return &ValidationError{Op: op, Field: field, Reason: "must not hold empty values"}
		}
		if n := len([]rune(v)); n < minLen {
			return &ValidationError{Op: op, Field: field + "[]", Reason: fmt.Sprintf("must be at least %d characters", minLen)}
		}
		if err := maxLen(op, field+"[]", v, maxLength); err != nil {
			return err
		}
	}
	return nil
}

// intRange checks min <= v <= max (max < 0: no upper bound); 0 means unset.
func intRange(op, field string, v, min, max int) error {
	if v == 0 {
		return nil
	}
	if v < min || (max >= 0 && v > max) {
		reason := fmt.Sprintf("must be at least %d", min)
		if max >= 0 {
			reason = fmt.Sprintf("must be between %d and %d", min, max)
		}
		return &ValidationError{Op: op, Field: field, Reason: reason}
	}
	return nil
}

// intRangePtr checks an optional integer between lo and hi (set to 0 it fails, unlike
// intRange, where 0 means unset).
func intRangePtr(op, field string, v *int, lo, hi int) error {
	if v != nil && (*v < lo || *v > hi) {
		return &ValidationError{Op: op, Field: field, Reason: fmt.Sprintf("must be between %d and %d", lo, hi)}
	}
	return nil
}

// unitRange checks an optional value between 0 and 1.
func unitRange(op, field string, v *float64) error {
	if v != nil && (*v < 0 || *v > 1) {
		return &ValidationError{Op: op, Field: field, Reason: "must be between 0 and 1"}
	}
	return nil
}

// objectID checks an ID the spec declares as 24 hex digits (a storyId, a postId of the
// analytics calls).
func objectID(op, field, v string) error {
	if len(v) != 24 {
		return &ValidationError{Op: op, Field: field, Reason: "must be 24 hexadecimal digits"}
	}
	for _, r := range v {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return &ValidationError{Op: op, Field: field, Reason: "must be 24 hexadecimal digits"}
		}
	}
	return nil
}

// checkMentionees checks the mentions of a post or comment: no answer-only IDs. (Their type,
// user or another the SDK does not know, is sent as given.)
func checkMentionees(op string, ms []Mentionee) error {
	for _, m := range ms {
		if len(m.UserPublicIDs)+len(m.UserInternalIDs) > 0 {
			return &ValidationError{Op: op, Field: "Mentionees[].UserPublicIDs", Reason: "is filled by the API; set UserIDs"}
		}
	}
	return nil
}
