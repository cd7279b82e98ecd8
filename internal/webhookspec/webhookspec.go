// Package webhookspec reads the webhook pseudo-operations (GET /webhook/<event>, tagged
// "Webhook event") of the bundled spec, which internal/spectest drops, to synthesize
// spec-shaped event bodies and to check bodies against their schemas in tests.
package webhookspec

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/amity-go/amity/internal/spectest"
)

// Spec is the webhook part of the bundled spec.
type Spec struct {
	doc    map[string]any
	events map[string]map[string]any // event name -> 200 response schema
	order  []string
}

var (
	once    sync.Once
	loaded  *Spec
	loadErr error
)

// ErrNoSpec is returned by Load when the bundled spec is not found.
var ErrNoSpec = errors.New("webhookspec: the bundled spec was not found")

// ForTest is Load for a test: like spectest.Load, it skips tb when the spec is missing and
// AMITY_SKIP_CONFORMANCE=1, and fails it loudly otherwise.
func ForTest(tb testing.TB) *Spec {
	tb.Helper()
	s, err := Load()
	if err != nil {
		if errors.Is(err, ErrNoSpec) && os.Getenv(spectest.EnvSkip) == "1" {
			tb.Skip("webhookspec: spec not found (skipped: " + spectest.EnvSkip + "=1)")
		}
		tb.Fatalf("%v (set %s, or %s=1 to skip knowingly)", err, spectest.EnvSpecPath, spectest.EnvSkip)
	}
	return s
}

// Load reads the bundled spec found by spectest.Find, once per process.
func Load() (*Spec, error) {
	once.Do(func() {
		path, ok := spectest.Find()
		if !ok {
			loadErr = ErrNoSpec
			return
		}
		b, err := os.ReadFile(path)
		if err != nil {
			loadErr = err
			return
		}
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			loadErr = err
			return
		}
		s := &Spec{doc: doc, events: map[string]map[string]any{}}
		paths, _ := doc["paths"].(map[string]any)
		for p, item := range paths {
			name, ok := strings.CutPrefix(p, "/webhook/")
			if !ok {
				continue
			}
			get, _ := item.(map[string]any)["get"].(map[string]any)
			schema := dig(get, "responses", "200", "content", "application/json", "schema")
			if m, ok := schema.(map[string]any); ok {
				s.events[name] = m
				s.order = append(s.order, name)
			}
		}
		sort.Strings(s.order)
		loaded = s
	})
	return loaded, loadErr
}

func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// Names returns the event names of the spec, sorted.
func (s *Spec) Names() []string { return append([]string(nil), s.order...) }

func (s *Spec) resolve(schema map[string]any) map[string]any {
	for i := 0; i < 32; i++ {
		ref, ok := schema["$ref"].(string)
		if !ok {
			return schema
		}
		var v any = s.doc
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			v = dig(v, part)
		}
		m, ok := v.(map[string]any)
		if !ok {
			return map[string]any{}
		}
		schema = m
	}
	return schema
}

// properties returns the merged properties of schema and its allOf parts.
func (s *Spec) properties(schema map[string]any) map[string]any {
	schema = s.resolve(schema)
	out := map[string]any{}
	if props, ok := schema["properties"].(map[string]any); ok {
		for k, v := range props {
			out[k] = v
		}
	}
	if all, ok := schema["allOf"].([]any); ok {
		for _, part := range all {
			if m, ok := part.(map[string]any); ok {
				for k, v := range s.properties(m) {
					out[k] = v
				}
			}
		}
	}
	return out
}

// Body synthesizes a body for the event: every property of the schema with a value of its
// type (the first enum value, a date-time for date-time strings, "<property>-1" for other
// strings, one item per array). The event member is the event's wire name: the enum value
// when the spec pins one, except for the v5 message events whose update enum is wrong
// (message.didCreate); there the name without "v5.". Push notifications get data.eventName
// set to the name after "push-notification/". An event whose schema is its data alone (see
// bare) is wrapped in the envelope {event, data}.
func (s *Spec) Body(name string) ([]byte, error) {
	schema, ok := s.events[name]
	if !ok {
		return nil, fmt.Errorf("webhookspec: no event %s", name)
	}
	v, _ := s.value(schema, "body", 0).(map[string]any)
	if s.bare(schema) {
		v = map[string]any{"event": name, "data": v}
	}
	if _, ok := v["event"]; ok {
		switch {
		case strings.HasPrefix(name, "v5."):
			v["event"] = strings.TrimPrefix(name, "v5.")
		case v["event"] == "event-1":
			v["event"] = name
		}
	}
	if push, ok := strings.CutPrefix(name, "push-notification/"); ok {
		if d, ok := v["data"].(map[string]any); ok {
			d["eventName"] = push
		}
	}
	return json.Marshal(v)
}

func (s *Spec) value(schema map[string]any, prop string, depth int) any {
	schema = s.resolve(schema)
	if enum, ok := schema["enum"].([]any); ok && len(enum) > 0 {
		for _, e := range enum {
			if e != nil {
				return e
			}
		}
	}
	typ, _ := schema["type"].(string)
	if typ == "" && (schema["properties"] != nil || schema["allOf"] != nil) {
		typ = "object"
	}
	switch typ {
	case "object":
		out := map[string]any{}
		if depth > 12 {
			return out
		}
		for k, v := range s.properties(schema) {
			if m, ok := v.(map[string]any); ok {
				out[k] = s.value(m, k, depth+1)
			}
		}
		return out
	case "array":
		items, _ := schema["items"].(map[string]any)
		if items == nil || depth > 12 {
			return []any{}
		}
		return []any{s.value(items, prop, depth+1)}
	case "integer":
		return 1
	case "number":
		return 1 // counts and sizes are whole numbers on the wire; the SDK types them int
	case "boolean":
		return true
	case "string":
		if schema["format"] == "date-time" {
			return "2024-01-02T03:04:05.000Z"
		}
		return prop + "-1"
	}
	return prop + "-1"
}

// Check reports the first place where body does not match the event's schema: a member
// the schema types differently (object, array, string, number, boolean). Members the
// schema does not declare are allowed, as the spec allows them. The body of an event whose
// schema is its data alone (see bare) must be the envelope {event, data}, and its data is
// checked.
func (s *Spec) Check(name string, body []byte) error {
	schema, ok := s.events[name]
	if !ok {
		return fmt.Errorf("webhookspec: no event %s", name)
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return err
	}
	if s.bare(schema) {
		env, ok := v.(map[string]any)
		if !ok || env["event"] != name {
			return fmt.Errorf("$: want the envelope {event: %q, data}", name)
		}
		return s.check(schema, env["data"], "$.data")
	}
	return s.check(schema, v, "$")
}

// bare reports a schema that describes an event's data without its envelope: one with
// neither an event nor an eventType member. Spec 4.116.1 gives the six community join request
// and invitation events so, with the REST answer of their operation as the schema, while
// every other event (and the events the API sends) has the envelope {event, data}.
func (s *Spec) bare(schema map[string]any) bool {
	props := s.properties(schema)
	_, event := props["event"]
	_, eventType := props["eventType"]
	return !event && !eventType
}

func (s *Spec) check(schema map[string]any, v any, at string) error {
	schema = s.resolve(schema)
	if v == nil {
		return nil
	}
	typ, _ := schema["type"].(string)
	if typ == "" && (schema["properties"] != nil || schema["allOf"] != nil) {
		typ = "object"
	}
	switch typ {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want an object, got %T", at, v)
		}
		props := s.properties(schema)
		for k, val := range m {
			if ps, ok := props[k].(map[string]any); ok {
				if err := s.check(ps, val, at+"."+k); err != nil {
					return err
				}
			}
		}
	case "array":
		a, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: want an array, got %T", at, v)
		}
		items, _ := schema["items"].(map[string]any)
		for i, it := range a {
			if items != nil {
				if err := s.check(items, it, fmt.Sprintf("%s[%d]", at, i)); err != nil {
					return err
				}
			}
		}
	case "string":
		if _, ok := v.(string); !ok {
			return fmt.Errorf("%s: want a string, got %T", at, v)
		}
	case "integer", "number":
		if _, ok := v.(float64); !ok {
			return fmt.Errorf("%s: want a number, got %T", at, v)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s: want a boolean, got %T", at, v)
		}
	}
	return nil
}
