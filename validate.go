package amity

import (
	"encoding/json"
	"fmt"
	"strings"
)

// This file is the one home of argument checks: each returns nil or a *ValidationError
// naming op and field, before any request is sent.

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
