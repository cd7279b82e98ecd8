package spectest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// This file is the wire form of requests where it is not the spec's: how the API's query
// parser reads arrays, and the few documented places where the API's shipping clients (and
// so the SDK) send a parameter in another place or under another name than the spec says.
// Each such place is allowed one by one, by an explicit option; nothing here turns a check
// off. The project's list of these places, with the evidence, is docs/wire-notes.md.

// AllowQueryAlias lets the query of operation opKey ("GET /api/v4/channels/{channelId}/users")
// carry the key sent, spelt as the request spells it ("roles[]", "options[token]",
// "categoryIds[]", or a declared array's own name for its bare form, "feedType"), for the
// declared query parameter declared. The values under sent are validated against declared's
// schema: as one list when it is an array, one by one when it is a scalar. sent is then not an
// undeclared parameter, and an array sent bare is not refused. declared must be a query
// parameter of the operation that is not required; [Spec.NewServer] fails the test otherwise.
// Use it only for a place docs/wire-notes.md records.
func AllowQueryAlias(opKey, sent, declared string) ServerOption {
	return func(c *serverConfig) {
		if c.aliases == nil {
			c.aliases = map[string]map[string]string{}
		}
		if c.aliases[opKey] == nil {
			c.aliases[opKey] = map[string]string{}
		}
		c.aliases[opKey][sent] = declared
	}
}

// AllowParamsInBody lets operation opKey, whose spec declares no request body (a DELETE),
// carry a JSON object body whose members are among names, each a path or query parameter the
// operation declares, validated against that parameter's schema; a path parameter must equal
// the path's value. Any other body on an operation that declares none is a violation. Use it
// only for a place docs/wire-notes.md records.
func AllowParamsInBody(opKey string, names ...string) ServerOption {
	return func(c *serverConfig) {
		if c.bodyParams == nil {
			c.bodyParams = map[string]map[string]bool{}
		}
		if c.bodyParams[opKey] == nil {
			c.bodyParams[opKey] = map[string]bool{}
		}
		for _, n := range names {
			c.bodyParams[opKey][n] = true
		}
	}
}

// AllowFormFieldAlias lets the multipart/form-data body of operation opKey
// ("POST /api/v4/files") carry the parts of its declared field under the name sent instead:
// they are validated as that field (a required declared field is present when sent is). A
// field the spec declares and marks deprecated may be the one sent (4.116.1 declares files,
// deprecated, beside the required file). declared must be a property of the operation's
// multipart body; [Spec.NewServer] fails the test otherwise. Use it only for a place
// docs/wire-notes.md records.
func AllowFormFieldAlias(opKey, sent, declared string) ServerOption {
	return func(c *serverConfig) {
		if c.formAliases == nil {
			c.formAliases = map[string]map[string]string{}
		}
		if c.formAliases[opKey] == nil {
			c.formAliases[opKey] = map[string]string{}
		}
		c.formAliases[opKey][sent] = declared
	}
}

// AllowRepeatedQuery lets the scalar query parameter name of operation opKey be sent more
// than once (name=a&name=b, which the API's qs-style parser reads as a list); each value is
// validated against the parameter's schema. Without it a scalar sent twice is a violation
// (kin-openapi would validate the first value only). name must be a query parameter of the
// operation; [Spec.NewServer] fails the test otherwise. Use it only for a place
// docs/wire-notes.md records.
func AllowRepeatedQuery(opKey, name string) ServerOption {
	return func(c *serverConfig) {
		if c.repeated == nil {
			c.repeated = map[string]map[string]bool{}
		}
		if c.repeated[opKey] == nil {
			c.repeated[opKey] = map[string]bool{}
		}
		c.repeated[opKey][name] = true
	}
}

// checkWireOptions fails on an alias or body parameter that names no parameter of its
// operation, so that an allow-list entry cannot outlive the spec it was written for.
func (s *Spec) checkWireOptions(cfg *serverConfig) error {
	for opKey, aliases := range cfg.aliases {
		info := s.byKey(opKey)
		if info == nil {
			return fmt.Errorf("AllowQueryAlias: no operation %q in the spec", opKey)
		}
		for sent, declared := range aliases {
			p := queryParams(info)[declared]
			switch {
			case p == nil:
				return fmt.Errorf("AllowQueryAlias(%q, %q): %q is not a query parameter of the operation", opKey, sent, declared)
			case p.Required:
				return fmt.Errorf("AllowQueryAlias(%q, %q): %q is required; an alias cannot stand for it", opKey, sent, declared)
			}
		}
	}
	for opKey, names := range cfg.repeated {
		info := s.byKey(opKey)
		if info == nil {
			return fmt.Errorf("AllowRepeatedQuery: no operation %q in the spec", opKey)
		}
		for name := range names {
			if queryParams(info)[name] == nil {
				return fmt.Errorf("AllowRepeatedQuery(%q, %q): %q is not a query parameter of the operation", opKey, name, name)
			}
		}
	}
	for opKey, aliases := range cfg.formAliases {
		info := s.byKey(opKey)
		if info == nil {
			return fmt.Errorf("AllowFormFieldAlias: no operation %q in the spec", opKey)
		}
		var schema *openapi3.Schema
		if rb := info.operation.RequestBody; rb != nil && rb.Value != nil {
			if mt := rb.Value.Content.Get("multipart/form-data"); mt != nil && mt.Schema != nil {
				schema = mt.Schema.Value
			}
		}
		for sent, declared := range aliases {
			if schema == nil || schema.Properties[declared] == nil {
				return fmt.Errorf("AllowFormFieldAlias(%q, %q): %q is not a field of the operation's multipart body", opKey, sent, declared)
			}
		}
	}
	for opKey, names := range cfg.bodyParams {
		info := s.byKey(opKey)
		if info == nil {
			return fmt.Errorf("AllowParamsInBody: no operation %q in the spec", opKey)
		}
		if info.operation.RequestBody != nil {
			return fmt.Errorf("AllowParamsInBody(%q): the operation declares a request body", opKey)
		}
		for n := range names {
			if paramOf(info, n) == nil {
				return fmt.Errorf("AllowParamsInBody(%q): %q is not a path or query parameter of the operation", opKey, n)
			}
		}
	}
	return nil
}

// queryParams returns the operation's query parameters by name.
func queryParams(info *opInfo) map[string]*openapi3.Parameter {
	out := map[string]*openapi3.Parameter{}
	for _, list := range []openapi3.Parameters{info.pathItem.Parameters, info.operation.Parameters} {
		for _, p := range list {
			if p.Value != nil && p.Value.In == openapi3.ParameterInQuery {
				out[p.Value.Name] = p.Value
			}
		}
	}
	return out
}

// paramOf returns the path or query parameter name of the operation, or nil.
func paramOf(info *opInfo, name string) *openapi3.Parameter {
	for _, list := range []openapi3.Parameters{info.pathItem.Parameters, info.operation.Parameters} {
		for _, p := range list {
			if p.Value != nil && p.Value.Name == name && (p.Value.In == openapi3.ParameterInQuery || p.Value.In == openapi3.ParameterInPath) {
				return p.Value
			}
		}
	}
	return nil
}

// isFormArray reports a query parameter whose schema is an array sent in form style (the
// spec's default): userIds=a&userIds=b in the spec's spelling.
func isFormArray(p *openapi3.Parameter) bool {
	return p != nil && p.Style != openapi3.SerializationDeepObject && p.Schema != nil && p.Schema.Value != nil &&
		p.Schema.Value.Type.Is(openapi3.TypeArray)
}

// wireQuery turns the query as the API reads it into the spelling kin-openapi validates, and
// checks what kin-openapi cannot.
//
// The API parses query strings with nested keys (qs-style, as Express does: it reads
// options[limit] as a member of options), and every one of its shipping clients sends an array
// as userIds[]=a&userIds[]=b (axios's encoding; the product docs' examples read
// memberships[]=member&roles[]=moderator). A lone userIds=a reaches such a parser as a
// string, not a one-item list, so the bracket form is the one that works. kin-openapi
// validates arrays in the spec's form style (userIds=a&userIds=b), so:
//
//   - name[] of a declared form-style array parameter is validated as that parameter;
//   - a deepObject member array, dataTypes[values][]=a, is validated in the indexed spelling
//     kin-openapi decodes, dataTypes[values][0]=a;
//   - with strict, a declared array sent bare (userIds=a) is refused, unless an alias allows
//     that bare form for the operation;
//   - a key given by [AllowQueryAlias] is taken out and validated against its declared
//     parameter;
//   - with strict, a declared scalar parameter sent more than once is refused (kin-openapi
//     would validate its first value only), unless [AllowRepeatedQuery] allows it: then each
//     value is validated and the first is left for kin-openapi.
//
// Any other key is left as it is, so that the undeclared-parameter check still reports a
// misspelt one (userIdz[]=a) and kin-openapi the rest.
func wireQuery(info *opInfo, q url.Values, rules wireRules, strict bool) (url.Values, error) {
	aliases := rules.queryAliases
	declared := queryParams(info)
	out := url.Values{}
	var errs []string
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		vs := q[k]
		if name, ok := aliases[k]; ok {
			if err := checkParamValues(declared[name], vs); err != nil {
				errs = append(errs, fmt.Sprintf("query parameter %q (sent for %q): %v", k, name, err))
			}
			continue
		}
		if base, ok := strings.CutSuffix(k, "[]"); ok {
			if p := declared[base]; !strings.Contains(base, "[") && isFormArray(p) {
				out[base] = append(out[base], vs...)
				continue
			}
			if top, _, ok := deepObjectKey(base); ok {
				if p := declared[top]; p != nil && p.Style == openapi3.SerializationDeepObject {
					for _, v := range vs {
						out.Add(base+"["+strconv.Itoa(indexOf(out, base))+"]", v)
					}
					continue
				}
			}
		}
		if strict && isFormArray(declared[k]) {
			errs = append(errs, fmt.Sprintf("array query parameter %q sent as %s=...: the API reads a lone %s=v as a string; send %s[]=v (docs/wire-notes.md)", k, k, k, k))
			continue
		}
		if p := declared[k]; strict && len(vs) > 1 && p != nil && !isFormArray(p) && p.Style != openapi3.SerializationDeepObject {
			if !rules.repeated[k] {
				errs = append(errs, fmt.Sprintf("query parameter %q sent %d times: the spec declares one value", k, len(vs)))
				continue
			}
			if err := checkParamValues(p, vs); err != nil {
				errs = append(errs, fmt.Sprintf("query parameter %q (sent %d times): %v", k, len(vs), err))
				continue
			}
			vs = vs[:1]
		}
		out[k] = append(out[k], vs...)
	}
	if len(errs) > 0 {
		return out, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return out, nil
}

// indexOf counts the indexed members base[0], base[1], ... already in out, so that the next
// one takes the next index.
func indexOf(out url.Values, base string) int {
	n := 0
	for out.Has(base + "[" + strconv.Itoa(n) + "]") {
		n++
	}
	return n
}

// checkParamValues validates the raw query values of one parameter against its schema: the
// list as the array when the schema is an array, else each value.
func checkParamValues(p *openapi3.Parameter, vs []string) error {
	if p == nil || p.Schema == nil || p.Schema.Value == nil {
		return nil
	}
	s := p.Schema.Value
	if s.Type.Is(openapi3.TypeArray) {
		var item *openapi3.Schema
		if s.Items != nil {
			item = s.Items.Value
		}
		list := make([]any, len(vs))
		for i, v := range vs {
			list[i] = convertField(v, item)
		}
		return visit(s, list)
	}
	for _, v := range vs {
		if err := visit(s, convertField(v, s)); err != nil {
			return err
		}
	}
	return nil
}

func visit(s *openapi3.Schema, v any) error {
	return s.VisitJSON(v, openapi3.VisitAsRequest(), openapi3.SetSchemaErrorMessageCustomizer(schemaErrorMessage))
}

// undeclaredBody checks a body sent to an operation that declares no request body: it is a
// violation, unless [AllowParamsInBody] allows the operation a JSON object of some of its
// parameters, in which case each member is validated against its parameter.
func undeclaredBody(r *http.Request, info *opInfo, pathParams map[string]string, allowed map[string]bool) error {
	if info.operation.RequestBody != nil || r.GetBody == nil {
		return nil
	}
	rc, err := r.GetBody()
	if err != nil {
		return nil
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil || len(data) == 0 {
		return nil
	}
	if len(allowed) == 0 {
		return fmt.Errorf("request body of %d bytes sent to an operation whose spec declares none", len(data))
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return fmt.Errorf("request body: not a JSON object: %v", err)
	}
	names := make([]string, 0, len(obj))
	for k := range obj {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		if !allowed[k] {
			return fmt.Errorf("request body member %q is not one of the parameters allowed in the body (%s)", k, strings.Join(sortedKeys(allowed), ", "))
		}
		p := paramOf(info, k)
		var v any
		if err := json.Unmarshal(obj[k], &v); err != nil {
			return fmt.Errorf("request body member %q: %v", k, err)
		}
		if p.In == openapi3.ParameterInPath {
			if s, ok := v.(string); !ok || s != pathValue(pathParams[k]) {
				return fmt.Errorf("request body member %q is %s; it repeats the path parameter, %q", k, obj[k], pathValue(pathParams[k]))
			}
		}
		if p.Schema != nil && p.Schema.Value != nil {
			if err := visit(p.Schema.Value, v); err != nil {
				return fmt.Errorf("request body member %q (the %s parameter): %v", k, p.In, err)
			}
		}
	}
	return nil
}

func pathValue(raw string) string {
	if v, err := url.PathUnescape(raw); err == nil {
		return v
	}
	return raw
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
