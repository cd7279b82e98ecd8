package amity

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// This file is the one home of answer decoding: every 2xx body goes through decodeAnswer,
// which applies the API's success rule, decodes JSON into the caller's type and keeps the
// body as the payload's Raw.
//
// The decoding policy: one odd member never fails an answer. The server sends some members
// in other JSON types than the spec's (a file's size as "166904", a bloom filter as a string
// or as numbers, a message's data as a string), so a member whose JSON type does not fit its
// Go field is left zero and the rest of the answer is decoded; its value stays in the
// payload's Raw. Numbers known to arrive as strings are of type Int, which reads both;
// free-form members (MessageData, PostData, CommentData, HashFlag.Hash) keep their raw JSON.
// Only a broken envelope fails an answer: a body that is not JSON, or a list of entities, a
// sideload list, the paging or a wrapped answer's data in another JSON type than a list or
// an object (a page read from it could silently hold nothing: see envelopeShape).
//
// The success rule: a 2xx answer whose body says {"status": "error", ...} is an *Error with
// the body's code and message; a body (or its "data") holding "success": false is an *Error
// matching ErrUnsuccessful; an empty or malformed body where an answer was expected is an
// *Error matching ErrMalformedResponse. None of these is ever reported as ErrNotFound.

// rawJSON is embedded in every payload type: the answer's body as received.
type rawJSON struct {
	// Raw is the whole answer as the API sent it, with every field this package does not
	// model. It is a slice of the one buffer the body was read into; nothing is copied.
	Raw json.RawMessage `json:"-"`
}

// setRaw keeps b as the payload's Raw.
func (r *rawJSON) setRaw(b []byte) { r.Raw = b }

// redactMembers returns the JSON object b with the named top-level members (secrets) replaced
// by "[redacted]", for the Raw of a payload that holds a Secret: b itself when it has none of
// them, nil when it holds one but is not an object that can be rewritten.
func redactMembers(b []byte, names ...string) json.RawMessage {
	if !slices.ContainsFunc(names, func(n string) bool { return bytes.Contains(b, []byte(`"`+n+`"`)) }) {
		return b
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil {
		return nil
	}
	for _, n := range names {
		if _, ok := m[n]; ok {
			m[n] = json.RawMessage(`"[redacted]"`)
		}
	}
	out, _ := json.Marshal(m)
	return out
}

// rawSetter is a payload whose Raw decodeAnswer sets.
type rawSetter interface{ setRaw([]byte) }

// maxTextAnswer bounds a text answer (a token).
const maxTextAnswer = 16 << 10

// decodeAnswer decodes the buffered 2xx body of resp into out (nil: the body is only
// checked). out may be a *string for text answers.
func (c *Client) decodeAnswer(r *request, resp *http.Response, out any) error {
	body := bodyBytes(resp)
	trimmed := bytes.TrimSpace(body)
	if s, ok := out.(*string); ok {
		if len(trimmed) > maxTextAnswer {
			return malformed(r, resp, "the text answer is larger than "+strconv.Itoa(maxTextAnswer)+" bytes")
		}
		if len(trimmed) > 0 && trimmed[0] == '"' {
			if err := json.Unmarshal(trimmed, s); err != nil {
				return malformed(r, resp, "the answer is not a JSON string")
			}
		} else {
			*s = string(trimmed)
		}
		if *s == "" {
			return malformed(r, resp, "the answer is empty")
		}
		return nil
	}
	if len(trimmed) == 0 {
		if out == nil || r.optionalAnswer {
			return nil
		}
		return malformed(r, resp, "the answer is empty")
	}
	if err := c.checkOutcome(r, resp, trimmed); err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	if err := decodeJSON(trimmed, out); err != nil {
		return malformed(r, resp, "decoding the answer: "+truncate(err.Error(), 300)) // it may quote a number of any length
	}
	if rs, ok := out.(rawSetter); ok {
		rs.setRaw(trimmed)
	}
	return nil
}

// decodeJSON decodes b into out under the decoding policy: it fails only on a broken
// envelope. A member whose JSON type does not fit its Go field is left zero (encoding/json
// skips it and decodes the rest). A type that decodes itself (json.Unmarshaler) applies the
// policy in its UnmarshalJSON, by decodeJSON on its wire form, and its error is final.
func decodeJSON(b []byte, out any) error {
	err := json.Unmarshal(b, out)
	if err == nil {
		return nil
	}
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err
	}
	if _, self := out.(json.Unmarshaler); self {
		return err
	}
	if why := shapeOf(reflect.TypeOf(out)).broken(b); why != "" {
		return errors.New(why)
	}
	return nil
}

// decodeLenient is decodeJSON for a member that decodes itself (PostData, Reactor, ...):
// nothing about it is the envelope, so no type mismatch in it fails the answer. It reports
// false for a value that is not JSON of out's kind at all.
func decodeLenient(b []byte, out any) bool {
	err := json.Unmarshal(b, out)
	var te *json.UnmarshalTypeError
	return err == nil || (errors.As(err, &te) && te.Field != "")
}

// envelopeShape is what must hold of an answer for a page read from it to be what the
// server meant: its top-level kind (an object, or a list of objects), and the kind of each
// member the answer type decodes into a list (entities, sideloads; each item an object) or an
// object (paging, settings). The data of a wrapped answer ({status, data}) is checked the same
// way, one level down. Other members may be of any type.
type envelopeShape struct {
	kind    byte // '{' or '['
	items   bool // a list whose items must be objects
	members map[string]*envelopeShape
}

var envelopeShapes sync.Map // reflect.Type → *envelopeShape

// shapeOf returns the envelope shape of an answer type (a pointer to a struct or a slice).
func shapeOf(t reflect.Type) *envelopeShape {
	if v, ok := envelopeShapes.Load(t); ok {
		return v.(*envelopeShape)
	}
	sh := buildShape(t, true)
	envelopeShapes.Store(t, sh)
	return sh
}

// unmarshalerType is json.Unmarshaler, for buildShape.
var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// buildShape builds the envelope shape of t (top: the answer type itself, or a wrapped
// answer's data).
func buildShape(t reflect.Type, top bool) *envelopeShape {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
		e := t.Elem()
		for e.Kind() == reflect.Pointer {
			e = e.Elem()
		}
		return &envelopeShape{kind: '[', items: e.Kind() == reflect.Struct}
	case t.Kind() != reflect.Struct || reflect.PointerTo(t).Implements(unmarshalerType) && !top:
		return nil // decodes itself, or a scalar or map: any JSON type is tolerated
	}
	sh := &envelopeShape{kind: '{', members: map[string]*envelopeShape{}}
	if !top {
		return sh
	}
	var add func(t reflect.Type)
	add = func(t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			switch {
			case name == "-" || !f.IsExported() && !f.Anonymous:
				continue
			case f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct:
				add(f.Type) // promoted fields
				continue
			case name == "":
				name = f.Name
			}
			m := buildShape(f.Type, false)
			if name == "data" && m != nil && m.kind == '{' {
				m = buildShape(f.Type, true)
			}
			if m != nil {
				sh.members[name] = m
			}
		}
	}
	add(t)
	return sh
}

// broken says why b does not have the shape sh, or "" when it has it (or is null).
func (sh *envelopeShape) broken(b []byte) string {
	i := skipSpace(b, 0)
	switch {
	case sh == nil || i >= len(b) || b[i] == 'n':
		return ""
	case b[i] != sh.kind:
		return "the answer is not a JSON " + kindName(sh.kind)
	}
	why := ""
	if sh.kind == '[' {
		if sh.items {
			arrayItems(b[i:], func(item []byte) {
				if why == "" && item[0] != '{' && item[0] != 'n' {
					why = "an item of a list is not a JSON object"
				}
			})
		}
		return why
	}
	objectMembers(b[i:], func(key, val []byte) {
		if m := sh.members[string(key)]; m != nil && why == "" {
			if w := m.broken(val); w != "" {
				why = "member " + strconv.Quote(string(key)) + ": " + w
			}
		}
	})
	return why
}

// kindName names a JSON kind in errors.
func kindName(k byte) string {
	if k == '[' {
		return "list"
	}
	return "object"
}

// arrayItems calls fn with the raw value of each item of the JSON array b (values are not
// validated; json.Unmarshal has done that).
func arrayItems(b []byte, fn func(item []byte)) {
	i := skipSpace(b, 1)
	for i < len(b) && b[i] != ']' {
		end := skipValue(b, i)
		if end < 0 {
			return
		}
		fn(b[i:end])
		i = skipSpace(b, end)
		if i < len(b) && b[i] == ',' {
			i = skipSpace(b, i+1)
		}
	}
}

// hasMember reports whether the JSON object b has a member named key, of any type.
func hasMember(b []byte, key string) bool {
	found := false
	objectMembers(b, func(k, _ []byte) { found = found || string(k) == key })
	return found
}

// checkOutcome applies the success rule to a 2xx JSON body.
func (c *Client) checkOutcome(r *request, resp *http.Response, body []byte) error {
	var status, success, data []byte
	if !objectMembers(body, func(key, val []byte) {
		switch string(key) {
		case "status":
			status = val
		case "success":
			success = val
		case "data":
			data = val
		}
	}) {
		return nil // not an object it can read: decoding into out reports it
	}
	if st := string(bytes.Trim(status, `"`)); st == "error" || st == "fail" {
		e := c.apiError(resp, r, body)
		if e.Message == "" {
			e.Message = "the API answered status " + strconv.Quote(st)
		}
		return e
	}
	if success == nil && len(data) > 0 && data[0] == '{' {
		objectMembers(data, func(key, val []byte) {
			if string(key) == "success" {
				success = val
			}
		})
	}
	if string(success) == "false" {
		e := newError(resp, r)
		e.Message = "the API answered success: false"
		e.unsuccessful = true
		return e
	}
	return nil
}

// objectMembers calls fn with the raw key (without its quotes) and the raw value of each
// member of the JSON object b, without decoding the values: the success rule needs three
// top-level members of answers that are mostly large arrays. It reports false when b is not
// a well-formed object (fn may have been called for its first members).
func objectMembers(b []byte, fn func(key, val []byte)) bool {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return false
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return true
	}
	for i < len(b) {
		if b[i] != '"' {
			return false
		}
		keyEnd := skipString(b, i)
		if keyEnd < 0 {
			return false
		}
		key := b[i+1 : keyEnd-1]
		i = skipSpace(b, keyEnd)
		if i >= len(b) || b[i] != ':' {
			return false
		}
		i = skipSpace(b, i+1)
		valEnd := skipValue(b, i)
		if valEnd < 0 {
			return false
		}
		fn(key, b[i:valEnd])
		i = skipSpace(b, valEnd)
		switch {
		case i < len(b) && b[i] == '}':
			return true
		case i < len(b) && b[i] == ',':
			i = skipSpace(b, i+1)
		default:
			return false
		}
	}
	return false
}

// skipSpace returns the index of the first non-space byte of b at or after i.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index after the JSON string starting at b[i], or -1.
func skipString(b []byte, i int) int {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// skipValue returns the index after the JSON value starting at b[i], or -1. Objects and arrays
// are skipped by counting brackets outside strings; the values are not validated.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				end := skipString(b, j)
				if end < 0 {
					return -1
				}
				j = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	}
	j := i
	for j < len(b) && b[j] != ',' && b[j] != '}' && b[j] != ']' && b[j] != ' ' && b[j] != '\t' && b[j] != '\n' && b[j] != '\r' {
		j++
	}
	if j == i {
		return -1
	}
	return j
}

// malformed is the error of a 2xx answer that cannot be read as the operation's answer. For a
// write, it says that the write may have been applied.
func malformed(r *request, resp *http.Response, why string) *Error {
	e := newError(resp, r)
	e.Message = why
	if !r.isRead() {
		e.Message += " (the write may have been applied: check before sending it again)"
	}
	e.malformed = true
	return e
}

// call sends r and decodes the answer into a new P.
func call[P any](ctx context.Context, c *Client, r *request) (*P, error) {
	var out P
	if err := c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// callOne is call for an answer that must hold at least one entity, listed by items (for a
// list payload its pageItems method: (*PostPayload).pageItems); an answer without one is an
// *Error matching ErrMalformedResponse.
func callOne[P, T any](ctx context.Context, c *Client, r *request, what string, items func(*P) []T) (*P, error) {
	out, err := call[P](ctx, c, r)
	if err != nil {
		return nil, err
	}
	if len(items(out)) == 0 {
		return nil, malformedAnswer(r, "the answer holds no "+what)
	}
	return out, nil
}

// callOneOn is callOne for a call on one entity, described by r whose path is still a format
// with one %s: pathOf (postPath, storyPath, ...) checks entityID and puts it in the path.
func callOneOn[P, T any](ctx context.Context, c *Client, r *request, pathOf idPath, entityID, what string, items func(*P) []T) (*P, error) {
	if err := r.setPath(pathOf, entityID); err != nil {
		return nil, err
	}
	return callOne(ctx, c, r, what, items)
}

// idsQuery describes the list of IDs a getMany sends: the params field holding it (for
// validation errors), the query parameter it goes in (as name[]) and its bounds (idList).
type idsQuery struct {
	field, name    string
	maxIDs, maxLen int
}

// getMany is the one body of the GetMany calls: params must be given and its IDs pass
// idList; r is sent with them added to its query as list's name[], and the answer holds the
// entities found (those that do not exist are left out).
func getMany[P, Q any, PQ interface {
	*Q
	ids() []string
}](ctx context.Context, c *Client, r *request, params PQ, list idsQuery) (*P, error) {
	if err := notNil(r.op, "params", (*Q)(params)); err != nil {
		return nil, err
	}
	ids := params.ids()
	if err := idList(r.op, list.field, ids, list.maxIDs, list.maxLen); err != nil {
		return nil, err
	}
	q := query(r.query)
	if q == nil {
		q = query{}
	}
	q.list(list.name, ids)
	r.query = url.Values(q)
	return call[P](ctx, c, r)
}

// malformedAnswer is malformed for an answer already decoded.
func malformedAnswer(r *request, why string) *Error {
	return malformed(r, &http.Response{StatusCode: http.StatusOK}, why)
}

// envelope is the {status, data} wrapper of some answers.
type envelope[T any] struct {
	rawJSON
	Status string `json:"status"`
	Data   T      `json:"data"`
}

// callData is call for an answer wrapped in {status, data}: it returns the data, whose Raw
// is the whole answer, wrapper included.
func callData[P any, PP interface {
	*P
	rawSetter
}](ctx context.Context, c *Client, r *request) (*P, error) {
	out, err := call[envelope[P]](ctx, c, r)
	if err != nil {
		return nil, err
	}
	PP(&out.Data).setRaw(out.Raw)
	return &out.Data, nil
}

// isFlaggedByMe sends r, the GET of whether the caller flagged one entity (r's path a format
// holding entityID, checked by pathOf), and reads the answer. It comes in the shapes {result},
// {status, data: {result}} and {isFlagByMe} (with a boolean or its text), by endpoint and by
// server version: the spec and the vendor's clients disagree, see docs/wire-notes.md. Each is
// read; an answer with none of them is ErrMalformedResponse, never a silent false.
func isFlaggedByMe(ctx context.Context, c *Client, r *request, pathOf idPath, entityID string) (bool, error) {
	if err := r.setPath(pathOf, entityID); err != nil {
		return false, err
	}
	type flag struct {
		Result     json.RawMessage `json:"result"`
		IsFlagByMe json.RawMessage `json:"isFlagByMe"`
	}
	out, err := call[struct {
		flag
		Data flag `json:"data"`
	}](ctx, c, r)
	if err != nil {
		return false, err
	}
	for _, v := range []json.RawMessage{out.Result, out.IsFlagByMe, out.Data.Result, out.Data.IsFlagByMe} {
		switch string(bytes.Trim(v, `"`)) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
	}
	return false, malformedAnswer(r, "the answer holds no result")
}

// softDeleteParams is the one shape of the params of a soft delete (DeletePostParams,
// DeleteCommentParams, DeleteStoryParams, DeleteMessageParams, DeleteMessageFeedParams); each
// converts to it: (*softDeleteParams)(params).
type softDeleteParams struct{ Permanent *bool }

// softDelete sends r, the DELETE of one entity the API keeps as deleted unless
// params.Permanent (r's path a format holding entityID, checked by pathOf; params may be nil).
// It is idempotent by construction (a deleted entity stays deleted), so it is retried like a
// read; a {"success": false} answer is an error matching ErrUnsuccessful.
func softDelete(ctx context.Context, c *Client, r *request, pathOf idPath, entityID string, params *softDeleteParams) error {
	if err := r.setPath(pathOf, entityID); err != nil {
		return err
	}
	q := query{}
	if params != nil {
		q.boolean("permanent", params.Permanent)
	}
	r.method, r.query, r.idempotent = http.MethodDelete, url.Values(q), true
	return c.do(ctx, r, nil)
}

// UnmarshalJSON implements json.Unmarshaler: RFC 3339 with or without fractional seconds,
// parsed straight from the bytes; a value in another form (or null) decodes to the zero time
// instead of failing the answer.
func (t *Time) UnmarshalJSON(b []byte) error {
	if len(b) < 2 || b[0] != '"' || t.Time.UnmarshalJSON(b) != nil {
		t.Time = time.Time{}
	}
	return nil
}

// MarshalJSON implements json.Marshaler; the zero time encodes as null.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + t.Time.UTC().Format(time.RFC3339Nano) + `"`), nil
}
