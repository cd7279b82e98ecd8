package spectest

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// AllowExtraBodyFields lets the named fields through the unknown-field check of the JSON
// or multipart request body of one operation (opKey as in "POST /api/v4/posts"). A field is
// a dotted path from the body's root; "[]" steps into array items: "hashtags", "data.title",
// "attachments[].displayMode" (a multipart field is a name: "feedType"). Use it only for
// fields the live API or its shipping clients use and the spec lacks, each with a comment
// saying where that is recorded.
func AllowExtraBodyFields(opKey string, fields ...string) ServerOption {
	return func(c *serverConfig) {
		if c.extraFields == nil {
			c.extraFields = map[string]map[string]bool{}
		}
		if c.extraFields[opKey] == nil {
			c.extraFields[opKey] = map[string]bool{}
		}
		for _, f := range fields {
			c.extraFields[opKey][f] = true
		}
	}
}

// unknownBodyFields reports the fields of a JSON request body that its schema does not
// declare. kin-openapi accepts undeclared properties (the spec never says
// additionalProperties: false), so a misspelt field would otherwise pass unnoticed. An object
// schema with no declared properties (metadata), or with additionalProperties or a
// composition (allOf/anyOf/oneOf), accepts anything.
func unknownBodyFields(r *http.Request, op *openapi3.Operation, allowed map[string]bool) error {
	if op.RequestBody == nil || op.RequestBody.Value == nil || r.GetBody == nil {
		return nil
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	media := op.RequestBody.Value.Content.Get(mt)
	if mt != "application/json" || media == nil || media.Schema == nil {
		return nil
	}
	rc, err := r.GetBody()
	if err != nil {
		return nil
	}
	data, err := io.ReadAll(rc)
	if err != nil || len(data) == 0 {
		return nil
	}
	var v any
	if json.Unmarshal(data, &v) != nil {
		return nil // kin-openapi has reported it already
	}
	var unknown []string
	walkUnknown(v, media.Schema.Value, "", allowed, &unknown)
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	return fmt.Errorf("request body has fields the spec does not declare: %s", strings.Join(unknown, ", "))
}

func walkUnknown(v any, s *openapi3.Schema, path string, allowed map[string]bool, out *[]string) {
	if s == nil || len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) > 0 {
		return
	}
	switch val := v.(type) {
	case map[string]any:
		if len(s.Properties) == 0 || s.AdditionalProperties.Schema != nil || (s.AdditionalProperties.Has != nil && *s.AdditionalProperties.Has) {
			return
		}
		for key, child := range val {
			p := key
			if path != "" {
				p = path + "." + key
			}
			prop, ok := s.Properties[key]
			if !ok {
				if !allowed[p] {
					*out = append(*out, p)
				}
				continue
			}
			if prop != nil {
				walkUnknown(child, prop.Value, p, allowed, out)
			}
		}
	case []any:
		if s.Items == nil {
			return
		}
		for _, item := range val {
			walkUnknown(item, s.Items.Value, path+"[]", allowed, out)
		}
	}
}
