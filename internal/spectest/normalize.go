package spectest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// normalize repairs, in memory only, the faults of the upstream spec that
// would make a correct request (or a response built from the spec) fail
// validation, and strips what is not a REST operation. Nothing is written to
// disk. It returns one line per kind of repair with how often it applied.
//
// The repairs, and why each is needed:
//
//  0. Before parsing (slimDocument), the example, examples and description
//     annotations are dropped: validation never reads them and parsing them
//     more than doubles the load time.
//  1. Webhook and realtime pseudo-operations are removed (paths under
//     /webhook/ and /realtime/, dropped by slimDocument before parsing; tags
//     "Webhook event" and "Realtime event"): they are payload descriptions,
//     not endpoints (API-FACTS inventory), and the fake server must answer
//     404 for them.
//  2. servers is emptied so the router matches requests on any host (the
//     test server listens on 127.0.0.1, not apix.<region>.amity.co).
//  3. Express-style path segments (PUT /api/v2/{blacklist,whitelist}/records/:ruleId)
//     become templates ({ruleId}) with a declared string path parameter;
//     otherwise the router would only match the literal text ":ruleId".
//     [Operation.Path] keeps the spec's spelling.
//  4. A path parameter declared under a name that the path template does not
//     use (the marker read-users/delivered-users paths declare channelId for
//     {messageId}) is renamed to the template's name; otherwise every request
//     fails with "path parameter channelId is required".
//  5. Header parameters named Authorization, Content-Type or Accept are
//     dropped: OpenAPI 3.0 says such definitions SHALL be ignored, yet the
//     spec marks Content-Type required on 28 operations (GETs too) and
//     Authorization on 24 (23 of them required). Auth is checked through the
//     security schemes and the body's media type through the request body
//     instead.
//  6. Object-typed `options` query parameters without style: deepObject (9
//     operations, API-FACTS §2) get style deepObject, explode true: the SDK
//     always encodes options[limit]=10&options[token]=x, and with the default
//     form style that would not validate.
//  7. `type: enum` (not a JSON Schema type) becomes the type of the enum's
//     values (string): kin-openapi would reject every value of it.
//  8. `required` entries that name properties the object does not define
//     (poll create/update/vote `data`, post update `postId` which is a path
//     parameter, story placement `data`, video-streaming event `resolution`)
//     are dropped: a request with only the documented fields is correct.
//  9. The 200 response of GET /api/v3/files/{fileId}/download is declared as
//     a JSON "delete" body, but the endpoint streams the file (API-FACTS §5;
//     the unused FilePayloadResponse of the multi-file spec); it is replaced
//     by a binary body of any media type with a Content-Disposition header.
//  10. Query parameters that are arrays of objects (targets on GET
//     /api/v4/stories-by-targets and /api/v4/stories/seen) have no style, and
//     neither form nor deepObject style of such an array is defined by
//     OpenAPI 3.0 or decoded by kin-openapi. The API's own JavaScript SDK
//     sends them the way its HTTP client (axios) serializes nested params,
//     targets[0][targetId]=c1&targets[0][targetType]=community, which the
//     API's qs-style query parser reads back as the array. The parameter
//     becomes a deepObject object with one property per index ("0" up to
//     maxItems-1, "0" required) of the item schema, so that encoding
//     validates, item fields and enums included.
//  11. (4.116.1) A property written as {"schema": {...}} (the items of targets
//     on the two story operations above) is unwrapped before parsing: a
//     property is a schema itself, and the wrapped form is a schema with no
//     type, which made repair 10's object undecodable ("value is required but
//     missing" for a correct targets[0][targetId]=c1).
//  12. Repair 6 covers every object-typed query parameter, not only options:
//     4.116.1 dropped style: deepObject from dataTypes on GET /api/v3/comments
//     while its own example still reads dataTypes[values][]=text (a slip, not
//     an API change).
//  13. A oneOf whose branches are all open objects (no required property, no
//     closed additionalProperties) becomes an anyOf: every object matches
//     each such branch, so "exactly one" can never hold and every answer
//     would fail. 4.116.1 (and 4.92.0's bundle) describe a post's data this
//     way ("normal post", "custom post"); the SDK decodes data by dataType. An allOf
//     of open objects is an open object (4.116.1's content history data: a post
//     bundle, itself an allOf, or a comment bundle).
//  14. (4.116.1) A path parameter named by no variable of its path's template, where
//     repair 4 found nothing to rename it to, is read from the query instead: GET
//     /api/v1/content-histories declares contentId "in: path" on a path without
//     {contentId}, so no request could ever carry it (docs/wire-notes.md).
func normalize(doc *openapi3.T) []string {
	counts := map[string]int{}
	note := func(fix string, n int) {
		if n > 0 {
			counts[fix] += n
		}
	}

	// 1. Pseudo-operations.
	for path, item := range doc.Paths.Map() {
		if isPseudoPath(path) {
			doc.Paths.Delete(path)
			note("removed webhook/realtime pseudo-operation paths", 1)
			continue
		}
		for method, op := range item.Operations() {
			if isPseudoOp(op) {
				item.SetOperation(method, nil)
				note("removed webhook/realtime pseudo-operations", 1)
			}
		}
		if len(item.Operations()) == 0 {
			doc.Paths.Delete(path)
		}
	}

	// 2. Servers.
	if len(doc.Servers) > 0 {
		doc.Servers = nil
		note("emptied servers so the router matches any host", 1)
	}

	// 3. Express-style paths.
	for path, item := range doc.Paths.Map() {
		if !expressParam.MatchString(path) {
			continue
		}
		newPath := expressParam.ReplaceAllString(path, "/{$1}")
		names := expressParam.FindAllStringSubmatch(path, -1)
		for _, op := range item.Operations() {
			op.Extensions = withExtension(op.Extensions, extOrigPath, path)
			for _, m := range names {
				op.Parameters = append(op.Parameters, &openapi3.ParameterRef{Value: &openapi3.Parameter{
					Name:     m[1],
					In:       openapi3.ParameterInPath,
					Required: true,
					Schema:   openapi3.NewStringSchema().NewRef(),
				}})
			}
		}
		doc.Paths.Delete(path)
		doc.Paths.Set(newPath, item)
		note("Express-style :param paths turned into {param} templates", 1)
	}

	visited := map[*openapi3.Schema]bool{}
	for path, item := range doc.Paths.Map() {
		templ := templateVars(path)
		for _, op := range item.Operations() {
			// 4. Misnamed path parameters.
			note("misnamed path parameters renamed to the template's name", renamePathParams(op, templ))
			// 14. Path parameters of a path without their variable.
			note("path parameters missing from their path's template read from the query", queryPathParams(op, templ))

			// 5. Header parameters OpenAPI says to ignore.
			kept := op.Parameters[:0]
			for _, p := range op.Parameters {
				if p.Value != nil && p.Value.In == openapi3.ParameterInHeader && ignoredHeader(p.Value.Name) {
					note("dropped Authorization/Content-Type/Accept header parameters (OpenAPI: SHALL be ignored)", 1)
					continue
				}
				kept = append(kept, p)
			}
			op.Parameters = kept

			// 6 and 12. Object query parameters without deepObject.
			for _, p := range op.Parameters {
				pv := p.Value
				if pv == nil || pv.In != openapi3.ParameterInQuery || pv.Schema == nil || pv.Schema.Value == nil {
					continue
				}
				if pv.Schema.Value.Type.Is(openapi3.TypeObject) && pv.Style != openapi3.SerializationDeepObject {
					pv.Style = openapi3.SerializationDeepObject
					explode := true
					pv.Explode = &explode
					note("object query parameters ("+pv.Name+") made style: deepObject, explode: true", 1)
				}
			}

			// 10. Arrays of objects in the query.
			for _, p := range op.Parameters {
				if indexArrayParam(p) {
					note("array-of-object query parameters made indexed deepObject objects (targets[0][targetId])", 1)
				}
			}

			// 7 and 8. Schemas.
			for _, p := range op.Parameters {
				if p.Value != nil {
					fixSchema(p.Value.Schema, visited, note)
					for _, mt := range p.Value.Content {
						fixSchema(mt.Schema, visited, note)
					}
				}
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				for _, mt := range op.RequestBody.Value.Content {
					fixSchema(mt.Schema, visited, note)
				}
			}
			if op.Responses != nil {
				for _, rr := range op.Responses.Map() {
					if rr.Value == nil {
						continue
					}
					for _, mt := range rr.Value.Content {
						fixSchema(mt.Schema, visited, note)
					}
					for _, h := range rr.Value.Headers {
						if h.Value != nil {
							fixSchema(h.Value.Schema, visited, note)
						}
					}
				}
			}
		}
	}

	// 9. Binary download.
	if item := doc.Paths.Value("/api/v3/files/{fileId}/download"); item != nil && item.Get != nil && item.Get.Responses != nil {
		binary := &openapi3.SchemaRef{Value: &openapi3.Schema{
			Type:        &openapi3.Types{openapi3.TypeString},
			Format:      "binary",
			Description: "file data",
		}}
		desc := "File data"
		resp := &openapi3.Response{
			Description: &desc,
			Headers: openapi3.Headers{
				"Content-Disposition": &openapi3.HeaderRef{Value: &openapi3.Header{Parameter: openapi3.Parameter{
					Schema: openapi3.NewStringSchema().NewRef(),
				}}},
			},
			Content: openapi3.Content{
				"application/octet-stream": &openapi3.MediaType{Schema: binary},
				"*/*":                      &openapi3.MediaType{Schema: binary},
			},
		}
		item.Get.Responses.Set("200", &openapi3.ResponseRef{Value: resp})
		note("file download 200 response declared as binary (any media type)", 1)
	}

	fixes := make([]string, 0, len(counts))
	for fix, n := range counts {
		fixes = append(fixes, fmt.Sprintf("%s (%d)", fix, n))
	}
	sort.Strings(fixes)
	return fixes
}

const extOrigPath = "x-spectest-original-path"

var (
	expressParam = regexp.MustCompile(`/:([A-Za-z_][A-Za-z0-9_]*)`)
	templateVar  = regexp.MustCompile(`\{([^}]+)\}`)
)

func isPseudoPath(path string) bool {
	return strings.HasPrefix(path, "/webhook/") || strings.HasPrefix(path, "/realtime/")
}

func isPseudoOp(op *openapi3.Operation) bool {
	return slices.Contains(op.Tags, "Webhook event") || slices.Contains(op.Tags, "Realtime event")
}

func templateVars(path string) []string {
	var out []string
	for _, m := range templateVar.FindAllStringSubmatch(path, -1) {
		out = append(out, m[1])
	}
	return out
}

func ignoredHeader(name string) bool {
	switch strings.ToLower(name) {
	case "authorization", "content-type", "accept":
		return true
	}
	return false
}

func withExtension(ext map[string]any, key string, value any) map[string]any {
	if ext == nil {
		ext = map[string]any{}
	}
	ext[key] = value
	return ext
}

// renamePathParams renames a declared path parameter that the template does
// not use when exactly one template variable is undeclared. The parameter is
// copied, not mutated, in case it is shared.
func renamePathParams(op *openapi3.Operation, templ []string) int {
	declared := map[string]int{}
	for i, p := range op.Parameters {
		if p.Value != nil && p.Value.In == openapi3.ParameterInPath {
			declared[p.Value.Name] = i
		}
	}
	var missing, extra []string
	for _, v := range templ {
		if _, ok := declared[v]; !ok {
			missing = append(missing, v)
		}
	}
	for name := range declared {
		if !slices.Contains(templ, name) {
			extra = append(extra, name)
		}
	}
	if len(missing) != 1 || len(extra) != 1 {
		return 0
	}
	i := declared[extra[0]]
	p := *op.Parameters[i].Value
	p.Name = missing[0]
	op.Parameters[i] = &openapi3.ParameterRef{Value: &p}
	return 1
}

// queryPathParams moves to the query each declared path parameter that no variable of the
// template names (repair 14; run after renamePathParams). The parameter is copied, not
// mutated, in case it is shared.
func queryPathParams(op *openapi3.Operation, templ []string) int {
	n := 0
	for i, p := range op.Parameters {
		if p.Value == nil || p.Value.In != openapi3.ParameterInPath || slices.Contains(templ, p.Value.Name) {
			continue
		}
		q := *p.Value
		q.In = openapi3.ParameterInQuery
		op.Parameters[i] = &openapi3.ParameterRef{Value: &q}
		n++
	}
	return n
}

// fixSchema applies repairs 7 and 8 to every schema reachable from ref.
func fixSchema(ref *openapi3.SchemaRef, visited map[*openapi3.Schema]bool, note func(string, int)) {
	if ref == nil || ref.Value == nil || visited[ref.Value] {
		return
	}
	s := ref.Value
	visited[s] = true

	if s.Type.Is("enum") {
		t := openapi3.TypeString
		for _, e := range s.Enum {
			switch e.(type) {
			case float64:
				t = openapi3.TypeNumber
			case bool:
				t = openapi3.TypeBoolean
			}
		}
		s.Type = &openapi3.Types{t}
		note("`type: enum` schemas given the type of their values", 1)
	}

	if len(s.Required) > 0 && len(s.Properties) > 0 && len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) == 0 && s.AdditionalProperties.Schema == nil {
		kept := make([]string, 0, len(s.Required))
		for _, name := range s.Required {
			if _, ok := s.Properties[name]; ok {
				kept = append(kept, name)
			}
		}
		if n := len(s.Required) - len(kept); n > 0 {
			s.Required = kept
			note("`required` entries naming undefined properties dropped", n)
		}
	}

	if len(s.OneOf) > 1 && !slices.ContainsFunc(s.OneOf, func(r *openapi3.SchemaRef) bool { return !openObject(r) }) {
		s.AnyOf, s.OneOf = s.OneOf, nil
		note("oneOf of open objects (every object matches each) made anyOf", 1)
	}

	for _, p := range s.Properties {
		fixSchema(p, visited, note)
	}
	fixSchema(s.Items, visited, note)
	fixSchema(s.AdditionalProperties.Schema, visited, note)
	fixSchema(s.Not, visited, note)
	for _, l := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
		for _, r := range l {
			fixSchema(r, visited, note)
		}
	}
}

// openObject reports whether r is an object schema any object matches: no required
// property and no closed additional properties; or an allOf of such schemas only (4.116.1's
// content-history data: the post bundle as an allOf of two open objects).
func openObject(r *openapi3.SchemaRef) bool {
	if r == nil || r.Value == nil {
		return false
	}
	v := r.Value
	closed := v.AdditionalProperties.Has != nil && !*v.AdditionalProperties.Has
	if len(v.AllOf) > 0 && (v.Type == nil || v.Type.Is(openapi3.TypeObject)) && len(v.Required) == 0 && !closed &&
		len(v.AnyOf)+len(v.OneOf) == 0 && v.Not == nil {
		return !slices.ContainsFunc(v.AllOf, func(r *openapi3.SchemaRef) bool { return !openObject(r) }) // an allOf of open objects
	}
	return v.Type.Is(openapi3.TypeObject) && len(v.Required) == 0 && !closed && len(v.AllOf)+len(v.AnyOf)+len(v.OneOf) == 0 && v.Not == nil
}

// slimDocument drops, before kin-openapi parses the document, what spectest
// never uses: the webhook and realtime pseudo-operations (repair 1, done
// early) and the example, examples and description annotations. They are
// about two thirds of the document's bytes, and kin-openapi's parsing time
// grows with them.
// It returns the slimmed document and the number of paths removed.
func slimDocument(data []byte) ([]byte, int, error) {
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, 0, err
	}
	removed := 0
	if paths, ok := doc["paths"].(map[string]any); ok {
		for p := range paths {
			if isPseudoPath(p) {
				delete(paths, p)
				removed++
			}
		}
	}
	slim(doc, false)
	unwrapSchemaProperties(doc)
	out, err := json.Marshal(doc)
	return out, removed, err
}

// unwrapSchemaProperties is repair 11: a property written as {"schema": S} becomes S.
func unwrapSchemaProperties(v any) {
	switch v := v.(type) {
	case map[string]any:
		if props, ok := v["properties"].(map[string]any); ok {
			for name, p := range props {
				if m, ok := p.(map[string]any); ok && len(m) == 1 {
					if inner, ok := m["schema"].(map[string]any); ok {
						props[name] = inner
					}
				}
			}
		}
		for _, child := range v {
			unwrapSchemaProperties(child)
		}
	case []any:
		for _, child := range v {
			unwrapSchemaProperties(child)
		}
	}
}

// nameMaps are the keywords whose value maps names (properties, media
// types, status codes, component names...) to objects, so that a property
// called "description" is not taken for the keyword.
var nameMaps = map[string]bool{
	"properties": true, "paths": true, "content": true, "responses": true, "headers": true,
	"encoding": true, "schemas": true, "parameters": true, "requestBodies": true,
	"securitySchemes": true, "links": true, "callbacks": true, "variables": true,
	"mapping": true, "scopes": true,
}

// slim removes the annotations from v in place. names says that v's keys are
// names, not keywords.
func slim(v any, names bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, child := range v {
			if !names {
				_, isString := child.(string)
				switch {
				case k == "example" || k == "examples" || (k == "description" && isString):
					delete(v, k)
					continue
				case k == "default" || k == "enum" || strings.HasPrefix(k, "x-"):
					continue // values, not schema
				}
			}
			slim(child, !names && nameMaps[k])
		}
	case []any:
		for _, child := range v {
			slim(child, false)
		}
	}
}

// indexArrayParam rewrites a query parameter whose schema is an array of
// objects as a deepObject object keyed by index (repair 10).
func indexArrayParam(p *openapi3.ParameterRef) bool {
	pv := p.Value
	if pv == nil || pv.In != openapi3.ParameterInQuery || pv.Schema == nil || pv.Schema.Value == nil {
		return false
	}
	arr := pv.Schema.Value
	if !arr.Type.Is(openapi3.TypeArray) || arr.Items == nil || arr.Items.Value == nil || !arr.Items.Value.Type.Is(openapi3.TypeObject) {
		return false
	}
	n := 10
	if arr.MaxItems != nil && *arr.MaxItems > 0 {
		n = int(*arr.MaxItems)
	}
	obj := openapi3.NewObjectSchema()
	for i := 0; i < n; i++ {
		obj.Properties[fmt.Sprint(i)] = arr.Items
	}
	obj.Required = []string{"0"}
	no := false
	obj.AdditionalProperties = openapi3.AdditionalProperties{Has: &no}
	pv.Schema = openapi3.NewSchemaRef("", obj)
	pv.Style = openapi3.SerializationDeepObject
	explode := true
	pv.Explode = &explode
	return true
}
