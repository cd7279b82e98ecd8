package spectest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// ValidateResponse validates a response to method and path (a request path
// such as "/api/v3/users/abc") against the spec: the status's declared
// headers, the Content-Type and the body's schema. A status the operation
// does not declare is accepted, as kin-openapi does by default.
func (s *Spec) ValidateResponse(method, path string, status int, header http.Header, body []byte) error {
	info, _, err := s.route(method, path)
	if err != nil {
		return err
	}
	return s.validateResponse(info, status, header, body)
}

func (s *Spec) validateResponse(info *opInfo, status int, header http.Header, body []byte) error {
	req, _ := http.NewRequest(info.op.Method, "http://localhost"+info.routePath, nil)
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: req,
			Route:   s.routeFor(info),
		},
		Status:  status,
		Header:  header,
		Options: s.filterOptions(),
	}
	in.SetBodyBytes(body)
	return openapi3filter.ValidateResponse(context.Background(), in)
}

func (s *Spec) routeFor(info *opInfo) *routers.Route {
	return &routers.Route{
		Spec:      s.doc,
		Path:      info.routePath,
		PathItem:  info.pathItem,
		Method:    info.op.Method,
		Operation: info.operation,
	}
}

// filterOptions are the kin-openapi options used for every validation.
func (s *Spec) filterOptions() *openapi3filter.Options {
	o := &openapi3filter.Options{
		AuthenticationFunc: authenticate,
		// Never rewrite the request (defaults into the query or body): the
		// test records what the client sent.
		SkipSettingDefaults: true,
	}
	o.WithCustomSchemaErrorFunc(schemaErrorMessage)
	return o
}

// schemaErrorMessage keeps schema errors to one line: where and why, without
// kin-openapi's dump of the schema and the value.
func schemaErrorMessage(err *openapi3.SchemaError) string {
	reason := err.Reason
	if reason == "" {
		reason = fmt.Sprintf("doesn't match schema %q", err.SchemaField)
	}
	switch v := err.Value.(type) {
	case string:
		if len(v) > 64 {
			v = v[:64] + "..."
		}
		reason += fmt.Sprintf(" (got %q)", v)
	case float64, bool, json.Number:
		reason += fmt.Sprintf(" (got %v)", v)
	}
	// An allOf (or another composition) says only that a branch failed: name the branch's
	// own error, which kin-openapi keeps as the origin.
	var inner *openapi3.SchemaError
	if err.Origin != nil && errors.As(err.Origin, &inner) && inner != err {
		reason += ": " + schemaErrorMessage(inner)
	}
	if p := err.JSONPointer(); len(p) > 0 {
		return fmt.Sprintf("at /%s: %s", strings.Join(p, "/"), reason)
	}
	return reason
}

// authenticate accepts BearerAuth only with "Authorization: Bearer <token>"
// and an apiKey scheme only with its header (X-API-Key) non-empty.
func authenticate(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	h := in.RequestValidationInput.Request.Header
	sch := in.SecurityScheme
	switch {
	case sch.Type == "http" && strings.EqualFold(sch.Scheme, "bearer"):
		v := h.Get("Authorization")
		if len(v) < len("Bearer ") || !strings.EqualFold(v[:len("Bearer ")], "Bearer ") || strings.TrimSpace(v[len("Bearer "):]) == "" {
			return fmt.Errorf("%s: missing header Authorization: Bearer <token>", in.SecuritySchemeName)
		}
		return nil
	case sch.Type == "apiKey" && sch.In == "header":
		if strings.TrimSpace(h.Get(sch.Name)) == "" {
			return fmt.Errorf("%s: missing header %s", in.SecuritySchemeName, sch.Name)
		}
		return nil
	}
	return fmt.Errorf("%s: unsupported security scheme %s/%s", in.SecuritySchemeName, sch.Type, sch.In)
}

// serverKeyOps need an x-server-key header (the spec declares it; this also
// rejects an empty one).
var serverKeyOps = map[string]bool{
	"GET /api/v3/authentication/token":  true,
	"POST /api/v4/authentication/token": true,
}

// maxFieldSize bounds a non-file multipart field read into memory.
const maxFieldSize = 1 << 20

// validateRequest validates r (already routed to info) against the spec.
// body is the request's counted body; r.Body must not be used by the caller
// afterwards. Multipart bodies are streamed: only their non-file parts are
// validated, file parts are read to io.Discard, so an upload of any size
// goes through without being held in memory. Other bodies are read whole
// (they are JSON documents of a few KiB).
//
// A multipart part the body schema does not declare is an error, unless rules
// let it through: rules.formAliases maps a field as sent to the declared field
// it stands for ([AllowFormFieldAlias]), rules.extra names undeclared fields
// allowed as they are ([AllowExtraBodyFields]). rules.queryAliases and
// rules.repeated are the query's deviations (see wireQuery).
//
// With strictQuery, a query parameter the operation does not declare (or an
// options[x] key its deepObject schema does not define) is an error too:
// kin-openapi ignores unknown parameters, so "limit=10" sent where the spec
// wants "options[limit]=10" would otherwise pass; so is an array parameter
// sent bare (userIds=a), which the API reads as a string (see wireQuery).
func (s *Spec) validateRequest(r *http.Request, info *opInfo, pathParams map[string]string, body io.Reader, strictQuery bool, rules wireRules) error {
	// The query as the API reads it (userIds[]=a) in the spelling kin-openapi validates
	// (userIds=a); see wireQuery. r.URL is the server's copy: the recorded call keeps the
	// query as sent.
	q, wireErr := wireQuery(info, r.URL.Query(), rules, strictQuery)
	r.URL.RawQuery = q.Encode()
	if wireErr != nil {
		return wireErr // the body is drained by the caller
	}
	opts := s.filterOptions()
	in := &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: pathParams,
		Route:      s.routeFor(info),
		Options:    opts,
	}
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var rb *openapi3.RequestBody
	if info.operation.RequestBody != nil {
		rb = info.operation.RequestBody.Value
	}
	multipartBody := rb != nil && mt == "multipart/form-data" && rb.Content.Get(mt) != nil

	if multipartBody {
		// Security and parameters first, with no body in sight (kin-openapi's
		// security check would otherwise read the whole upload into memory).
		r.Body = http.NoBody
		opts.ExcludeRequestBody = true
		if err := openapi3filter.ValidateRequest(r.Context(), in); err != nil {
			return err
		}
		if err := checkExtras(info, r, strictQuery); err != nil {
			return err
		}
		return validateMultipart(in, rb, params["boundary"], body, rules)
	}

	data, err := io.ReadAll(body)
	if err != nil {
		return fmt.Errorf("reading request body: %w", err)
	}
	r.Body = io.NopCloser(bytes.NewReader(data))
	r.ContentLength = int64(len(data))
	r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
	if err := openapi3filter.ValidateRequest(r.Context(), in); err != nil {
		return err
	}
	return checkExtras(info, r, strictQuery)
}

// checkExtras runs the checks kin-openapi does not: a non-empty x-server-key
// on the auth-token operations and, with strictQuery, undeclared query
// parameters.
func checkExtras(info *opInfo, r *http.Request, strictQuery bool) error {
	if serverKeyOps[info.op.Key()] && strings.TrimSpace(r.Header.Get("X-Server-Key")) == "" {
		return errors.New(`parameter "x-server-key" in header has an error: value is required but missing`)
	}
	if strictQuery {
		return undeclaredQuery(info, r.URL.Query())
	}
	return nil
}

// undeclaredQuery reports the query keys that match no query parameter of
// the operation. options[x] matches a deepObject parameter "options" whose
// schema defines x (or defines no properties).
func undeclaredQuery(info *opInfo, q url.Values) error {
	declared := queryParams(info)
	var unknown []string
	for key := range q {
		if declared[key] != nil {
			continue
		}
		if name, sub, ok := deepObjectKey(key); ok {
			if p := declared[name]; p != nil && p.Style == openapi3.SerializationDeepObject {
				if p.Schema == nil || p.Schema.Value == nil || len(p.Schema.Value.Properties) == 0 || p.Schema.Value.Properties[sub] != nil {
					continue
				}
			}
		}
		unknown = append(unknown, strconv.Quote(key))
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	names := make([]string, 0, len(declared))
	for name, p := range declared {
		if p.Style == openapi3.SerializationDeepObject {
			name += "[...]"
		}
		names = append(names, name)
	}
	slices.Sort(names)
	return fmt.Errorf("query parameter %s not declared by the spec (declared: %s)",
		strings.Join(unknown, ", "), strings.Join(names, ", "))
}

// deepObjectKey splits "options[limit]" (or "options[a][b]") into "options"
// and "limit" (or "a").
func deepObjectKey(key string) (name, sub string, ok bool) {
	i := strings.IndexByte(key, '[')
	if i <= 0 || !strings.HasSuffix(key, "]") {
		return "", "", false
	}
	sub = key[i+1 : len(key)-1]
	if j := strings.Index(sub, "]["); j >= 0 {
		sub = sub[:j]
	}
	return key[:i], sub, true
}

// wireRules are the documented deviations of one operation's request (wire.go): query keys
// sent for declared parameters, scalar parameters sent more than once, multipart fields sent
// under another name than the spec's, and body fields the spec does not declare.
type wireRules struct {
	queryAliases map[string]string // query key as sent → declared parameter
	repeated     map[string]bool   // scalar query parameters that may be sent more than once
	formAliases  map[string]string // multipart field as sent → declared field
	extra        map[string]bool   // undeclared body fields allowed as they are
}

// validateMultipart streams a multipart/form-data body: non-file fields are
// decoded by their property's type, file parts (a filename, or a binary
// property) are read to io.Discard and stand in as a placeholder string, then
// the collected object is validated against the body schema. A part under a
// name rules.formAliases maps is collected under the declared name; a part under a
// name the schema does not declare (nor rules.extra allows) is an error, as an
// undeclared JSON body field is.
func validateMultipart(in *openapi3filter.RequestValidationInput, rb *openapi3.RequestBody, boundary string, body io.Reader, rules wireRules) error {
	bodyErr := func(reason string, err error) error {
		return &openapi3filter.RequestError{Input: in, RequestBody: rb, Reason: reason, Err: err}
	}
	if boundary == "" {
		return bodyErr("failed to decode request body", errors.New("multipart/form-data without a boundary"))
	}
	var schema *openapi3.Schema
	if mt := rb.Content.Get("multipart/form-data"); mt != nil && mt.Schema != nil {
		schema = mt.Schema.Value
	}
	obj := map[string]any{}
	parts := 0
	mr := multipart.NewReader(body, boundary)
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return bodyErr("failed to decode request body", err)
		}
		parts++
		name := part.FormName()
		if declared, ok := rules.formAliases[name]; ok {
			name = declared
		}
		var prop *openapi3.Schema
		if schema != nil {
			if ref := schema.Properties[name]; ref != nil {
				prop = ref.Value
			}
		}
		item := prop
		isArray := prop != nil && prop.Type.Is(openapi3.TypeArray)
		if isArray {
			item = nil
			if prop.Items != nil {
				item = prop.Items.Value
			}
		}
		var v any
		if part.FileName() != "" || isBinarySchema(item) {
			if _, err := io.Copy(io.Discard, part); err != nil {
				return bodyErr("failed to read file part "+strconv.Quote(name), err)
			}
			v = "(file " + part.FileName() + ")"
		} else {
			raw, err := io.ReadAll(io.LimitReader(part, maxFieldSize))
			if err != nil {
				return bodyErr("failed to read part "+strconv.Quote(name), err)
			}
			if _, err := io.Copy(io.Discard, part); err != nil {
				return bodyErr("failed to read part "+strconv.Quote(name), err)
			}
			v = convertField(string(raw), item)
		}
		if isArray {
			list, _ := obj[name].([]any)
			obj[name] = append(list, v)
		} else {
			obj[name] = v
		}
	}
	if parts == 0 {
		if rb.Required {
			return bodyErr("", openapi3filter.ErrInvalidRequired)
		}
		return nil
	}
	if schema == nil {
		return nil
	}
	if len(schema.Properties) > 0 {
		var unknown []string
		for name := range obj {
			if schema.Properties[name] == nil && !rules.extra[name] {
				unknown = append(unknown, name)
			}
		}
		if len(unknown) > 0 {
			slices.Sort(unknown)
			return fmt.Errorf("request body has fields the spec does not declare: %s", strings.Join(unknown, ", "))
		}
	}
	if err := schema.VisitJSON(obj, openapi3.VisitAsRequest(), openapi3.SetSchemaErrorMessageCustomizer(schemaErrorMessage)); err != nil {
		return bodyErr("doesn't match schema", err)
	}
	return nil
}

// convertField turns a multipart text field into the JSON value its schema
// expects; a value that does not convert stays a string, so the schema check
// reports it.
func convertField(raw string, s *openapi3.Schema) any {
	if s == nil {
		return raw
	}
	switch {
	case s.Type.Is(openapi3.TypeBoolean):
		if b, err := strconv.ParseBool(raw); err == nil {
			return b
		}
	case s.Type.Is(openapi3.TypeNumber), s.Type.Is(openapi3.TypeInteger):
		if f, err := strconv.ParseFloat(raw, 64); err == nil {
			return f
		}
	case s.Type.Is(openapi3.TypeObject), s.Type.Is(openapi3.TypeArray):
		var v any
		if err := json.Unmarshal([]byte(raw), &v); err == nil {
			return v
		}
	}
	return raw
}

// requestTarget is "METHOD /path?query" for messages.
func requestTarget(method string, u *url.URL) string {
	t := method + " " + u.EscapedPath()
	if u.RawQuery != "" {
		t += "?" + u.RawQuery
	}
	return t
}
