package amitytest

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// maxJSONBody caps JSON request bodies.
const maxJSONBody = 1 << 20

// Page sizes of list operations.
const (
	defaultPageSize = 20
	maxPageSize     = 100
)

// readBody reads the request body once (at most maxJSONBody+1 bytes); later
// calls return the same bytes.
func (c *request) readBody() ([]byte, error) {
	if !c.bodyRead {
		c.bodyRead = true
		c.body, c.bodyErr = io.ReadAll(io.LimitReader(c.r.Body, maxJSONBody+1))
	}
	return c.body, c.bodyErr
}

// decode reads the JSON request body into v. An empty body leaves v as is
// unless required.
func (c *request) decode(v any, required bool) error {
	body, err := c.readBody()
	if err != nil {
		return errBadRequest("Unable to read request body")
	}
	if len(body) > maxJSONBody {
		return errTooLarge()
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		if required {
			return errBadRequest("Request body is required")
		}
		return nil
	}
	if err := json.Unmarshal(body, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return errBadRequest("Parameters validation error: %s has the wrong type", te.Field)
		}
		return errBadRequest("Invalid JSON body")
	}
	return nil
}

// q returns a query parameter. A DELETE may carry its parameters in a JSON
// body instead (see bodyParam).
func (c *request) q(name string) string {
	if v := c.r.URL.Query().Get(name); v != "" || c.r.Method != http.MethodDelete {
		return v
	}
	vs := c.bodyParam(name)
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

// bodyParam reads the parameter name from the JSON object body of a DELETE
// request, where the vendor clients send a DELETE's parameters (axios
// delete(url, {data}): removing members, roles, reactions and push devices)
// although the spec declares them in the query. Strings, numbers and booleans
// are read as their text, arrays as their elements; the query, when it names
// the parameter, wins (q and qList look there first).
func (c *request) bodyParam(name string) []string {
	if c.r.Method != http.MethodDelete {
		return nil
	}
	if !c.bodyParsed {
		c.bodyParsed = true
		if body, err := c.readBody(); err == nil && len(body) <= maxJSONBody {
			_ = json.Unmarshal(body, &c.bodyParams) // not an object: no parameters
		}
	}
	text := func(v any) (string, bool) {
		switch v := v.(type) {
		case string:
			return v, true
		case float64:
			return strconv.FormatFloat(v, 'f', -1, 64), true
		case bool:
			return strconv.FormatBool(v), true
		}
		return "", false
	}
	switch v := c.bodyParams[name].(type) {
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := text(e); ok && s != "" {
				out = append(out, s)
			}
		}
		return out
	default:
		if s, ok := text(v); ok && s != "" {
			return []string{s}
		}
	}
	return nil
}

// path returns a path parameter.
func (c *request) path(name string) string { return c.r.PathValue(name) }

// qBools reads the boolean query parameters names in order, each into the variable that
// the pointer of dst at its index names (nil for a parameter left out).
func (c *request) qBools(names []string, dst ...**bool) error {
	for i, name := range names {
		v, err := c.qBool(name)
		if err != nil {
			return err
		}
		*dst[i] = v
	}
	return nil
}

// qBool parses an optional boolean query parameter.
func (c *request) qBool(name string) (*bool, error) {
	v := c.q(name)
	if v == "" {
		return nil, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return nil, errBadRequest("Parameters validation error: %s must be a boolean", name)
	}
	return &b, nil
}

// qList reads the array query parameter name in every form clients send it
// (or, for a DELETE without it in the query, from its JSON body: bodyParam),
// the one place where the fake reads array parameters: name[]=a&name[]=b (the
// vendor clients, axios; the product docs), name[0]=a&name[1]=b (the vendor's
// migration tool), name=a&name=b (OpenAPI's default form) and name=a,b. The
// values come in the order they were sent, those of name[i] ordered by their
// index; the forms may be mixed. name may be a deepObject member, e.g.
// "dataTypes[values]".
func (c *request) qList(name string) []string {
	type entry struct {
		index int // the i of name[i]; -1 for the other forms
		value string
	}
	var entries []entry
	var indexed []int // positions in entries of the name[i] values
	for _, pair := range strings.Split(c.r.URL.RawQuery, "&") {
		rawKey, rawValue, _ := strings.Cut(pair, "=")
		key, err1 := url.QueryUnescape(rawKey)
		value, err2 := url.QueryUnescape(rawValue)
		if err1 != nil || err2 != nil {
			continue
		}
		index := -1
		switch {
		case key == name || key == name+"[]":
		case strings.HasPrefix(key, name+"[") && strings.HasSuffix(key, "]") && isDigits(key[len(name)+1:len(key)-1]):
			var err error
			if index, err = strconv.Atoi(key[len(name)+1 : len(key)-1]); err != nil {
				continue
			}
		default:
			continue
		}
		for _, v := range strings.Split(value, ",") {
			if v = strings.TrimSpace(v); v != "" {
				if index >= 0 {
					indexed = append(indexed, len(entries))
				}
				entries = append(entries, entry{index, v})
			}
		}
	}
	// The name[i] values take the places of the name[i] keys, in index order.
	byIndex := make([]entry, len(indexed))
	for i, pos := range indexed {
		byIndex[i] = entries[pos]
	}
	sort.SliceStable(byIndex, func(i, j int) bool { return byIndex[i].index < byIndex[j].index })
	for i, pos := range indexed {
		entries[pos] = byIndex[i]
	}
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		out = append(out, e.value)
	}
	if len(out) == 0 {
		return c.bodyParam(name)
	}
	return out
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// pagingOptions are options that only page and never shape a list.
var pagingOptions = map[string]bool{"token": true, "limit": true, "skip": true}

// bareOptionNames are the option names read without the options[...]
// wrapper on operations that declare options without deepObject style.
var bareOptionNames = []string{"token", "limit", "skip", "sortBy", "before", "after", "around"}

// rawOpt reads options[name] or, on operations with bare options, name.
func (c *request) rawOpt(name string) string {
	qv := c.r.URL.Query()
	if v := qv.Get("options[" + name + "]"); v != "" {
		return v
	}
	if c.bareOpts && containsString(bareOptionNames, name) {
		return qv.Get(name)
	}
	return ""
}

// opt reads an option from the query or, for options that shape the list,
// from the page token the request carries.
func (c *request) opt(name string) string {
	if v := c.rawOpt(name); v != "" {
		return v
	}
	if tok, ok := c.pageToken(); ok && tok != nil && !pagingOptions[name] {
		return tok.opts.Get(name)
	}
	return ""
}

// queryOptions returns the list-shaping options present in the query.
func (c *request) queryOptions() url.Values {
	out := url.Values{}
	for k, vs := range c.r.URL.Query() {
		if len(vs) == 0 || vs[0] == "" {
			continue
		}
		if strings.HasPrefix(k, "options[") && strings.HasSuffix(k, "]") {
			if name := k[len("options[") : len(k)-1]; !pagingOptions[name] {
				out.Set(name, vs[0])
			}
		} else if c.bareOpts && containsString(bareOptionNames, k) && !pagingOptions[k] {
			out.Set(k, vs[0])
		}
	}
	return out
}

// pageToken decodes the request's page token once; ok is false when the
// token is malformed.
func (c *request) pageToken() (*pageTok, bool) {
	if !c.tokLoaded {
		c.tokLoaded = true
		if raw := c.rawOpt("token"); raw != "" {
			c.tok, c.tokOK = decodePageToken(raw)
		} else {
			c.tokOK = true
		}
	}
	return c.tok, c.tokOK
}

// optInt parses an optional integer option within [lo, hi] (hi 0: no bound).
func (c *request) optInt(name string, lo, hi int) (int, bool, error) {
	v := c.opt(name)
	if v == "" {
		return 0, false, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || (hi > 0 && n > hi) {
		return 0, false, errBadRequest("Parameters validation error: options.%s is invalid", name)
	}
	return n, true, nil
}

// enum checks that v is empty or one of allowed.
func enum(name, v string, allowed ...string) error {
	if v == "" || containsString(allowed, v) {
		return nil
	}
	return errBadRequest("Parameters validation error: %s must be one of %s", name, strings.Join(allowed, ", "))
}

// maxLen checks a string's length.
func maxLen(name, v string, n int) error {
	if len([]rune(v)) > n {
		return errBadRequest("Parameters validation error: %s must be at most %d characters", name, n)
	}
	return nil
}

// page is a resolved window of a list.
type page struct {
	offset int
	limit  int
	fp     string
	opts   url.Values
}

// pageTok is a decoded page token.
type pageTok struct {
	offset int
	limit  int
	fp     string
	opts   url.Values
}

// deletedAndPage reads a list operation's isDeleted filter and then its page.
func (c *request) deletedAndPage() (isDeleted *bool, p page, err error) {
	if isDeleted, err = c.qBool("isDeleted"); err != nil {
		return nil, page{}, err
	}
	p, err = c.pageParams(defaultPageSize)
	return isDeleted, p, err
}

// pageParams reads options[limit], options[skip] and options[token] (or the
// bare limit and token of flat-paged operations). A token is bound to the
// query that produced it: it also carries the list-shaping options, so it
// can be sent alone, and a token from another query, or garbage, is refused
// with "Query Token is invalid".
func (c *request) pageParams(defLimit int) (page, error) {
	p := page{limit: defLimit, fp: c.fingerprint(), opts: c.queryOptions()}
	lim, hasLim, err := c.optInt("limit", 1, maxPageSize)
	if err != nil {
		return p, err
	}
	tok, ok := c.pageToken()
	if !ok {
		return p, errInvalidToken()
	}
	if tok != nil {
		if tok.fp != p.fp {
			return p, errInvalidToken()
		}
		for k := range p.opts {
			if tok.opts.Get(k) != p.opts.Get(k) {
				return p, errInvalidToken()
			}
		}
		p.offset, p.limit, p.opts = tok.offset, tok.limit, tok.opts
	}
	if skip, has, err := c.optInt("skip", 0, 0); err != nil {
		return p, err
	} else if has {
		p.offset = skip
	}
	if hasLim {
		p.limit = lim
	}
	return p, nil
}

// fingerprint hashes the route and the query parameters that select items
// (options aside), so a page token only fits the query that produced it.
func (c *request) fingerprint() string {
	qv := c.r.URL.Query()
	keys := make([]string, 0, len(qv))
	for k := range qv {
		if strings.HasPrefix(k, "options[") || (c.bareOpts && containsString(bareOptionNames, k)) {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	h := fnv.New32a()
	_, _ = io.WriteString(h, c.r.URL.Path)
	for _, k := range keys {
		vs := append([]string(nil), qv[k]...)
		sort.Strings(vs)
		_, _ = fmt.Fprintf(h, "|%s=%s", k, strings.Join(vs, ","))
	}
	return fmt.Sprintf("%08x", h.Sum32())
}

func encodePageToken(offset, limit int, fp string, opts url.Values) string {
	raw := fmt.Sprintf("%d|%d|%s|%s", offset, limit, fp, opts.Encode())
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func decodePageToken(tok string) (*pageTok, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil {
		return nil, false
	}
	parts := strings.SplitN(string(raw), "|", 4)
	if len(parts) != 4 || len(parts[2]) != 8 {
		return nil, false
	}
	offset, err1 := strconv.Atoi(parts[0])
	limit, err2 := strconv.Atoi(parts[1])
	opts, err3 := url.ParseQuery(parts[3])
	if err1 != nil || err2 != nil || err3 != nil || offset < 0 || limit < 1 || limit > maxPageSize {
		return nil, false
	}
	return &pageTok{offset: offset, limit: limit, fp: parts[2], opts: opts}, true
}

// cursors are the next and previous page tokens of a window.
type cursors struct {
	next, prev string
	total      int
}

// paginate cuts the window p out of items.
func paginate[T any](items []T, p page) ([]T, cursors) {
	cur := cursors{total: len(items)}
	start := p.offset
	if start > len(items) {
		start = len(items)
	}
	end := start + p.limit
	if end > len(items) {
		end = len(items)
	}
	if end < len(items) {
		cur.next = encodePageToken(end, p.limit, p.fp, p.opts)
	}
	if start > 0 {
		prev := start - p.limit
		if prev < 0 {
			prev = 0
		}
		cur.prev = encodePageToken(prev, p.limit, p.fp, p.opts)
	}
	return items[start:end], cur
}

// pagingNextPrevious is paging{next, previous}.
type pagingNextPrevious struct {
	Next     string `json:"next,omitempty"`
	Previous string `json:"previous,omitempty"`
}

// pagingNextPrev is paging{next, prev}.
type pagingNextPrev struct {
	Next string `json:"next,omitempty"`
	Prev string `json:"prev,omitempty"`
}

// pagingNext is paging{next}.
type pagingNext struct {
	Next string `json:"next,omitempty"`
}

// pagingTotal is paging{next, previous, total}.
type pagingTotal struct {
	Next     string `json:"next,omitempty"`
	Previous string `json:"previous,omitempty"`
	Total    int    `json:"total"`
}

func (cu cursors) nextPrevious() *pagingNextPrevious {
	return &pagingNextPrevious{Next: cu.next, Previous: cu.prev}
}

func (cu cursors) nextPrev() *pagingNextPrev { return &pagingNextPrev{Next: cu.next, Prev: cu.prev} }

func (cu cursors) withTotal() *pagingTotal {
	return &pagingTotal{Next: cu.next, Previous: cu.prev, Total: cu.total}
}

// idsParam reads a required id-list query parameter.
func (c *request) idsParam(name string, max int) ([]string, error) {
	ids := uniq(c.qList(name))
	if len(ids) == 0 {
		return nil, errBadRequest("Parameters validation error: %s is required", name)
	}
	if max > 0 && len(ids) > max {
		return nil, errBadRequest("Parameters validation error: at most %d %s", max, name)
	}
	return ids, nil
}

// segments are the options after, before, first and last of a list by segment number, by
// name; an option left out has no entry.
type segments map[string]int

// segmentOptions reads the segment options (each a positive number).
func (c *request) segmentOptions() (segments, error) {
	seg := segments{}
	for _, name := range []string{"after", "before", "first", "last"} {
		n, has, err := c.optInt(name, 1, 0)
		if err != nil {
			return nil, err
		}
		if has {
			seg[name] = n
		}
	}
	return seg, nil
}

// admits reports whether segment n is after "after" and before "before" (where given).
func (seg segments) admits(n int) bool {
	if a, ok := seg["after"]; ok && n <= a {
		return false
	}
	if b, ok := seg["before"]; ok && n >= b {
		return false
	}
	return true
}

// createdAtOrder reads options[sortBy] (only createdAt) and options[orderBy]; asc reports
// ascending order.
func (c *request) createdAtOrder() (asc bool, err error) {
	if err := enum("options.sortBy", c.opt("sortBy"), "createdAt"); err != nil {
		return false, err
	}
	order := c.opt("orderBy")
	if err := enum("options.orderBy", order, "asc", "desc"); err != nil {
		return false, err
	}
	return order == "asc", nil
}

// listByIDs answers, with body, the entities find gives for the IDs of the query parameter
// name (at most max), in the order asked; find gives nil for an ID it leaves out.
func listByIDs[T comparable](c *request, name string, max int, find func(id string) T, body func([]T) any) error {
	ids, err := c.idsParam(name, max)
	if err != nil {
		return err
	}
	var none T
	var out []T
	for _, id := range ids {
		if e := find(id); e != none {
			out = append(out, e)
		}
	}
	return c.ok(body(out))
}

// lookup is the find of listByIDs for a map of entities by ID.
func lookup[T any](m map[string]*T) func(string) *T { return func(id string) *T { return m[id] } }

// deletedDefault is what a list operation shows when its isDeleted parameter
// is left out, as the spec documents it per operation (see the package doc).
type deletedDefault bool

const (
	// liveByDefault is the spec's default false (v5 messages and message
	// feeds, users): live items only.
	liveByDefault deletedDefault = false
	// bothByDefault is the spec's default null ("null(default) - Show both"):
	// live and deleted items.
	bothByDefault deletedDefault = true
)

// deletedFilter reports whether an item, deleted or not, is listed for the
// isDeleted parameter want: true lists deleted items only, false live items
// only, and a missing parameter what def says.
func deletedFilter(want *bool, deleted bool, def deletedDefault) bool {
	if want == nil {
		return bool(def) || !deleted
	}
	return *want == deleted
}

// cutAround is an id cursor (A2 paging): with after it keeps the items
// created after the item with that id, with before those created before it,
// in list order. An unknown id leaves nothing.
func cutAround[T any](list []T, id func(T) string, key func(T) (time.Time, int64), before, after string) []T {
	anchor := after
	if anchor == "" {
		anchor = before
	}
	if anchor == "" {
		return list
	}
	var at time.Time
	var seq int64
	found := false
	for _, it := range list {
		if id(it) == anchor {
			at, seq = key(it)
			found = true
		}
	}
	if !found {
		return nil
	}
	var out []T
	for _, it := range list {
		t, s := key(it)
		later := t.After(at) || (t.Equal(at) && s > seq)
		earlier := t.Before(at) || (t.Equal(at) && s < seq)
		if (after != "" && later) || (after == "" && earlier) {
			out = append(out, it)
		}
	}
	return out
}

// headerBool parses a boolean request header.
func (c *request) headerBool(name string) (bool, bool) {
	v := strings.ToLower(strings.TrimSpace(c.r.Header.Get(name)))
	return v == "true" || v == "1", v != ""
}
