package spectest

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// synthResult is a synthesized success response of one operation.
type synthResult struct {
	status int
	header http.Header // Content-Type and any declared response headers
	body   []byte
	err    error // the synthesized body does not validate (a harness bug)
}

// maxSynthDepth bounds recursion through (possibly cyclic) schemas.
const maxSynthDepth = 24

// successResponse returns the cached synthesized success response of info's
// operation, building and validating it on first use.
func (s *Spec) successResponse(info *opInfo) synthResult {
	key := info.op.Key()
	s.synthMu.Lock()
	r, ok := s.synth[key]
	s.synthMu.Unlock()
	if ok {
		return r
	}
	r = s.buildSuccess(info)
	s.synthMu.Lock()
	s.synth[key] = r
	s.synthMu.Unlock()
	return r
}

// SynthesizeResponse builds the success response the test server answers for
// the operation with the given key ("GET /api/v3/users/{userId}"): the lowest
// 2xx status, its headers and a body generated from the response schema. err
// reports a body that does not validate against the spec, which would be a
// bug of the generator.
func (s *Spec) SynthesizeResponse(opKey string) (status int, header http.Header, body []byte, err error) {
	info := s.byKey(opKey)
	if info == nil {
		return 0, nil, nil, fmt.Errorf("%w: %s", ErrNoOperation, opKey)
	}
	r := s.successResponse(info)
	return r.status, r.header.Clone(), append([]byte(nil), r.body...), r.err
}

func (s *Spec) byKey(opKey string) *opInfo { return s.byOpKey[opKey] }

// successStatus returns the lowest declared 2xx status and its response.
func successStatus(op *openapi3.Operation) (int, *openapi3.Response) {
	best := 0
	var resp *openapi3.Response
	if op.Responses == nil {
		return http.StatusOK, nil
	}
	for code, rr := range op.Responses.Map() {
		n, err := strconv.Atoi(code)
		if err != nil || n < 200 || n > 299 {
			continue
		}
		if best == 0 || n < best {
			best = n
			resp = rr.Value
		}
	}
	if best == 0 {
		return http.StatusOK, nil
	}
	return best, resp
}

// pickMediaType chooses the media type to answer with: JSON first, then
// text/plain, then binary, then whatever comes first by name.
func pickMediaType(content openapi3.Content) (string, *openapi3.MediaType) {
	if len(content) == 0 {
		return "", nil
	}
	names := make([]string, 0, len(content))
	for name := range content {
		names = append(names, name)
	}
	sort.Strings(names)
	rank := func(name string) int {
		switch {
		case name == "application/json":
			return 0
		case strings.HasSuffix(name, "+json") || strings.HasSuffix(name, "/json"):
			return 1
		case name == "text/plain":
			return 2
		case name == "application/octet-stream":
			return 3
		case strings.Contains(name, "*"):
			return 5
		}
		return 4
	}
	sort.SliceStable(names, func(i, j int) bool { return rank(names[i]) < rank(names[j]) })
	return names[0], content[names[0]]
}

// binaryPayload is what the test server sends for binary responses.
var binaryPayload = []byte("spectest binary payload\x00\x01\x02\x03")

func (s *Spec) buildSuccess(info *opInfo) synthResult {
	status, resp := successStatus(info.operation)
	r := synthResult{status: status, header: http.Header{}}
	if resp == nil {
		return r
	}
	g := newGenerator()
	for name, h := range resp.Headers {
		if h.Value == nil || h.Value.Schema == nil || strings.EqualFold(name, "Content-Type") {
			continue
		}
		if strings.EqualFold(name, "Content-Disposition") {
			r.header.Set(name, `attachment; filename="file-1.bin"`)
			continue
		}
		r.header.Set(name, fmt.Sprint(g.value(h.Value.Schema.Value, name, 0)))
	}
	ct, mt := pickMediaType(resp.Content)
	if mt == nil {
		return r
	}
	var schema *openapi3.Schema
	if mt.Schema != nil {
		schema = mt.Schema.Value
	}
	switch {
	case isBinarySchema(schema) || (!isJSONMedia(ct) && ct != "text/plain"):
		if strings.Contains(ct, "*") {
			ct = "application/octet-stream"
		}
		r.body = append([]byte(nil), binaryPayload...)
	case ct == "text/plain":
		v := g.value(schema, "token", 0)
		if str, ok := v.(string); ok {
			r.body = []byte(str)
		} else {
			r.body = []byte(fmt.Sprint(v))
		}
	default:
		body, err := json.Marshal(g.value(schema, "body", 0))
		if err != nil {
			r.err = fmt.Errorf("spectest: encoding synthesized response of %s: %w", info.op.Key(), err)
			return r
		}
		r.body = body
	}
	r.header.Set("Content-Type", ct)
	if err := s.validateResponse(info, status, r.header, r.body); err != nil {
		r.err = fmt.Errorf("spectest: synthesized %d response of %s does not validate: %w", status, info.op.Key(), err)
	}
	return r
}

func isJSONMedia(ct string) bool {
	return ct == "application/json" || strings.HasSuffix(ct, "+json") || strings.HasSuffix(ct, "/json")
}

func isBinarySchema(s *openapi3.Schema) bool {
	return s != nil && s.Type.Is(openapi3.TypeString) && (s.Format == "binary")
}

// generator synthesizes JSON values from schemas. Strings are deterministic
// and distinct per property name: the n-th string generated for property
// "userId" is "userId-n".
type generator struct {
	counts map[string]int
}

func newGenerator() *generator { return &generator{counts: map[string]int{}} }

func (g *generator) next(name string) int {
	g.counts[name]++
	return g.counts[name]
}

// value returns a value for schema s, generated for a property named name.
func (g *generator) value(s *openapi3.Schema, name string, depth int) any {
	if s == nil {
		return map[string]any{}
	}
	if depth > maxSynthDepth {
		return minimalValue(s)
	}
	if len(s.AllOf) > 0 {
		return g.allOf(s, name, depth)
	}
	if branches := append(append(openapi3.SchemaRefs(nil), s.OneOf...), s.AnyOf...); len(branches) > 0 {
		return g.xOf(s, branches, name, depth)
	}
	if len(s.Enum) > 0 {
		for _, e := range s.Enum {
			if e != nil {
				return e
			}
		}
		return nil
	}
	switch {
	case s.Type.Is(openapi3.TypeString):
		return g.str(s, name)
	case s.Type.Is(openapi3.TypeInteger):
		return number(s, true)
	case s.Type.Is(openapi3.TypeNumber):
		return number(s, s.Format == "int32" || s.Format == "int64")
	case s.Type.Is(openapi3.TypeBoolean):
		return true
	case s.Type.Is(openapi3.TypeArray):
		return g.array(s, name, depth)
	case s.Type.Is(openapi3.TypeObject) || len(s.Properties) > 0 || s.AdditionalProperties.Schema != nil:
		return g.object(s, name, depth)
	case s.Type.Is(openapi3.TypeNull):
		return nil
	}
	if s.Items != nil {
		return g.array(s, name, depth)
	}
	// No type: anything validates; an empty object is the least surprising.
	return map[string]any{}
}

// minimalValue is used past the recursion limit.
func minimalValue(s *openapi3.Schema) any {
	switch {
	case s.Type.Is(openapi3.TypeString):
		return strings.Repeat("x", int(s.MinLength))
	case s.Type.Is(openapi3.TypeArray):
		return []any{}
	case s.Type.Is(openapi3.TypeInteger), s.Type.Is(openapi3.TypeNumber):
		return number(s, true)
	case s.Type.Is(openapi3.TypeBoolean):
		return true
	}
	return map[string]any{}
}

func (g *generator) object(s *openapi3.Schema, name string, depth int) map[string]any {
	out := make(map[string]any, len(s.Properties)+1)
	names := make([]string, 0, len(s.Properties))
	for p := range s.Properties {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		ref := s.Properties[p]
		if ref == nil || ref.Value == nil {
			continue
		}
		if ref.Value.WriteOnly { // must not appear in responses
			continue
		}
		out[p] = g.value(ref.Value, p, depth+1)
	}
	if ap := s.AdditionalProperties.Schema; ap != nil && ap.Value != nil {
		key := fmt.Sprintf("%sKey-%d", name, g.next(name+"Key"))
		out[key] = g.value(ap.Value, name, depth+1)
	}
	for len(out) < int(s.MinProps) {
		out[fmt.Sprintf("%sKey-%d", name, g.next(name+"Key"))] = "x"
	}
	return out
}

func (g *generator) array(s *openapi3.Schema, name string, depth int) []any {
	n := uint64(1)
	if s.MinItems > n {
		n = s.MinItems
	}
	if s.MaxItems != nil && *s.MaxItems < n {
		n = *s.MaxItems
	}
	var items *openapi3.Schema
	if s.Items != nil {
		items = s.Items.Value
	}
	out := make([]any, 0, n)
	for i := uint64(0); i < n; i++ {
		if items != nil && len(items.Enum) > 0 && s.UniqueItems {
			out = append(out, items.Enum[int(i)%len(items.Enum)])
			continue
		}
		out = append(out, g.value(items, name, depth+1))
	}
	return out
}

// allOf merges the values of the branches (and of the schema's own
// properties) into one object; a non-object branch wins as is.
func (g *generator) allOf(s *openapi3.Schema, name string, depth int) any {
	merged := map[string]any{}
	base := *s
	base.AllOf = nil
	parts := append(openapi3.SchemaRefs{{Value: &base}}, s.AllOf...)
	for _, part := range parts {
		if part == nil || part.Value == nil {
			continue
		}
		if part.Value == &base && base.IsEmpty() {
			continue
		}
		v := g.value(part.Value, name, depth+1)
		m, ok := v.(map[string]any)
		if !ok {
			return v
		}
		for k, val := range m {
			if old, ok := merged[k].(map[string]any); ok {
				if nv, ok := val.(map[string]any); ok {
					for kk, vv := range nv {
						old[kk] = vv
					}
					continue
				}
			}
			merged[k] = val
		}
	}
	return merged
}

// xOf picks the first oneOf/anyOf branch whose value validates against the
// whole schema (for oneOf, a value must match exactly one branch).
func (g *generator) xOf(s *openapi3.Schema, branches openapi3.SchemaRefs, name string, depth int) any {
	base := *s
	base.OneOf, base.AnyOf = nil, nil
	var first any
	for i, br := range branches {
		if br == nil || br.Value == nil {
			continue
		}
		var v any
		if base.IsEmpty() {
			v = g.value(br.Value, name, depth+1)
		} else {
			v = g.value(&openapi3.Schema{AllOf: openapi3.SchemaRefs{{Value: &base}, br}}, name, depth+1)
		}
		if i == 0 {
			first = v
		}
		if s.VisitJSON(v, openapi3.VisitAsResponse()) == nil {
			return v
		}
	}
	return first
}

func (g *generator) str(s *openapi3.Schema, name string) any {
	n := g.next(name)
	var v string
	switch s.Format {
	case "date-time":
		v = fmt.Sprintf("2024-01-02T03:04:%02d.000Z", n%60)
	case "date":
		v = fmt.Sprintf("2024-01-%02d", 1+n%28)
	case "email":
		v = fmt.Sprintf("%s-%d@example.com", safeName(name), n)
	case "uri", "url", "uri-reference":
		v = fmt.Sprintf("https://example.com/%s-%d", safeName(name), n)
	case "uuid":
		h := sha1.Sum([]byte(fmt.Sprintf("%s-%d", name, n)))
		x := hex.EncodeToString(h[:16])
		v = x[0:8] + "-" + x[8:12] + "-4" + x[13:16] + "-8" + x[17:20] + "-" + x[20:32]
	case "byte":
		v = "c3BlY3Rlc3Q=" // base64("spectest")
	case "ipv4":
		v = fmt.Sprintf("192.0.2.%d", n%255)
	case "hostname":
		v = fmt.Sprintf("host-%d.example.com", n)
	default:
		v = fmt.Sprintf("%s-%d", name, n)
	}
	if s.Pattern != "" {
		// Candidates for the patterns seen in the spec (a 24-hex-digit
		// object id) and simple numeric ones.
		if re, err := regexp.Compile(s.Pattern); err == nil && !re.MatchString(v) {
			h := sha1.Sum([]byte(v))
			for _, c := range []string{hex.EncodeToString(h[:])[:24], strconv.Itoa(n), "a"} {
				if re.MatchString(c) {
					v = c
					break
				}
			}
		}
	}
	for uint64(len(v)) < s.MinLength {
		v += "x"
	}
	if s.MaxLength != nil && uint64(len(v)) > *s.MaxLength {
		v = v[:*s.MaxLength]
	}
	return v
}

func safeName(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// number returns 1, moved into [minimum, maximum] and onto multipleOf.
func number(s *openapi3.Schema, integer bool) float64 {
	v := 1.0
	if s.Min != nil {
		lo := *s.Min
		if s.ExclusiveMin {
			lo += 1
		}
		if v < lo {
			v = lo
		}
	}
	if s.Max != nil {
		hi := *s.Max
		if s.ExclusiveMax {
			hi -= 1
		}
		if v > hi {
			v = hi
		}
	}
	if s.MultipleOf != nil && *s.MultipleOf > 0 {
		m := *s.MultipleOf
		v = math.Ceil(v/m) * m
	}
	if integer {
		v = math.Ceil(v)
	}
	return v
}
