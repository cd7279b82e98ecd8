package amity

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"iter"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Paging holds the cursors of one page. Pass Next (or Previous) back as the PageToken of the
// list params to get the next (or previous) page; an empty Next means the last page. The API
// names the previous cursor "previous" or "prev" depending on the endpoint; both decode here.
type Paging struct {
	Next     string `json:"next,omitempty"`
	Previous string `json:"previous,omitempty"`
	// Total is the number of items, on the endpoints that report it (v5 messages).
	Total *int `json:"total,omitempty"`
}

// UnmarshalJSON accepts both "previous" and "prev".
// It reads the members without a second pass of encoding/json (a page is decoded once).
// Paging is the envelope of a page: a cursor that is not a string (or null) fails the answer,
// because reading it as "no next page" would end a listing early without a word. A total of
// another type is left nil.
func (p *Paging) UnmarshalJSON(b []byte) error {
	*p = Paging{}
	if string(b) == "null" {
		return nil
	}
	var prev string
	bad := ""
	cursor := func(name string, val []byte) string {
		if len(val) > 0 && val[0] != '"' && string(val) != "null" {
			bad = name
		}
		return jsonString(val)
	}
	ok := objectMembers(b, func(key, val []byte) {
		switch string(key) {
		case "next":
			p.Next = cursor("next", val)
		case "previous":
			p.Previous = cursor("previous", val)
		case "prev":
			prev = cursor("prev", val)
		case "total":
			if n, err := strconv.Atoi(string(val)); err == nil {
				p.Total = &n
			}
		}
	})
	if !ok {
		return errors.New("amity: paging is not a JSON object")
	}
	if bad != "" {
		return errors.New("amity: paging." + bad + " is not a string")
	}
	if p.Previous == "" {
		p.Previous = prev
	}
	return nil
}

// jsonString decodes a JSON string value ("" for any other value).
func jsonString(val []byte) string {
	if len(val) < 2 || val[0] != '"' {
		return ""
	}
	if bytes.IndexByte(val, '\\') < 0 {
		return string(val[1 : len(val)-1])
	}
	var s string
	if json.Unmarshal(val, &s) != nil {
		return ""
	}
	return s
}

// pageOf is a decoded page: its items and cursors. Every list payload implements it.
type pageOf[T any] interface {
	pageItems() []T
	pageInfo() Paging
}

// iterate is the one pager of the SDK. It yields the pages at token and after it, fetching
// each only when the caller gets to it. A fetch error (or ctx's end) is yielded once, with a
// nil page, and ends the iteration; breaking out of the loop makes no further request. It
// stops at a page without a next cursor, an empty page, or a cursor it has seen among the
// last few (a server repeating itself); it keeps only those few, however long the walk.
func iterate[P interface {
	*Q
	pageOf[T]
}, Q, T any](ctx context.Context, first string, fetch func(ctx context.Context, token string) (P, error)) iter.Seq2[P, error] {
	return func(yield func(P, error) bool) {
		token := first // each range starts over at first
		var recent [8]string
		n := 0
		for {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			page, err := fetch(ctx, token)
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(page, nil) {
				return
			}
			recent[n%len(recent)] = token
			n++
			next := page.pageInfo().Next
			if next == "" || len(page.pageItems()) == 0 || slices.Contains(recent[:min(n, len(recent))], next) {
				return // last page (or a server repeating a cursor: stop rather than loop)
			}
			token = next
		}
	}
}

// pages is the iterator of every ListPages method: it starts at params' PageToken and
// fetches each page with page, on a copy of params (nil stands for the zero value) made for
// each page, so the caller's params are never changed and the iterator can be ranged over
// again, even from several goroutines.
func pages[P interface {
	*R
	pageOf[T]
}, R, T, Q any, PQ interface {
	*Q
	token() *string
}](ctx context.Context, params PQ, opts []CallOption, page func(context.Context, PQ, ...CallOption) (P, error)) iter.Seq2[P, error] {
	return pagesAs[P, R, T](ctx, params, opts, page, func(op string) string { return op + "s" })
}

// pagesAs is pages whose errors name the iterator: rename maps the ...Page method's name
// ("Posts.ListPage") to the iterator's ("Posts.ListPages", "Posts.List").
func pagesAs[P interface {
	*R
	pageOf[T]
}, R, T, Q any, PQ interface {
	*Q
	token() *string
}](ctx context.Context, params PQ, opts []CallOption, page func(context.Context, PQ, ...CallOption) (P, error), rename func(string) string) iter.Seq2[P, error] {
	var p Q
	if params != nil {
		p = *params
	}
	return iterate[P](ctx, *PQ(&p).token(), func(ctx context.Context, token string) (P, error) {
		q := p
		*PQ(&q).token() = token
		pg, err := page(ctx, &q, opts...)
		if err != nil {
			renameOp(err, rename)
		}
		return pg, err
	})
}

// listPage is the one body of the ...Page methods whose request is their params' query: it
// checks and builds the query with params.query (nil params are the zero value, or refused
// where a field is required) and sends r with it.
func listPage[P any, Q interface {
	query(op string) (query, error)
}](ctx context.Context, c *Client, r *request, params Q) (*P, error) {
	q, err := params.query(r.op)
	if err != nil {
		return nil, err
	}
	r.query = url.Values(q)
	return call[P](ctx, c, r)
}

// renameOp renames the SDK method an *Error or *ValidationError names (errors are made per
// call, so changing one in place is safe).
func renameOp(err error, rename func(string) string) {
	var ae *Error
	if errors.As(err, &ae) {
		ae.Op = rename(ae.Op)
	}
	var ve *ValidationError
	if errors.As(err, &ve) {
		ve.Op = rename(ve.Op)
	}
}

// listAll is the iterator of every List method: the items of pages, in order.
func listAll[P interface {
	*R
	pageOf[T]
}, R, T, Q any, PQ interface {
	*Q
	token() *string
}](ctx context.Context, params PQ, opts []CallOption, page func(context.Context, PQ, ...CallOption) (P, error)) iter.Seq2[T, error] {
	return items[P](pagesAs[P, R, T](ctx, params, opts, page, func(op string) string { return strings.TrimSuffix(op, "Page") }))
}

// pageOn binds the path ID of a ...Page method on one entity (ListMembersPage(ctx, channelID,
// params, opts...)) for listAll and pages.
func pageOn[PQ, P any](entityID string, page func(context.Context, string, PQ, ...CallOption) (P, error)) func(context.Context, PQ, ...CallOption) (P, error) {
	return func(ctx context.Context, params PQ, opts ...CallOption) (P, error) {
		return page(ctx, entityID, params, opts...)
	}
}

// items flattens an iterator of pages into their items. An error is yielded once, with the
// zero T, and ends the iteration.
func items[P pageOf[T], T any](seq iter.Seq2[P, error]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		for pg, err := range seq {
			if err != nil {
				yield(zero, err)
				return
			}
			for _, item := range pg.pageItems() {
				if !yield(item, nil) {
					return
				}
			}
		}
	}
}

// query builds a request's query string. Empty and nil values are left out, so unset
// optional fields are never sent.
type query url.Values

// str sets name to v when v is not empty.
func (q query) str(name, v string) {
	if v != "" {
		url.Values(q).Set(name, v)
	}
}

// boolean sets name to v when v is set.
func (q query) boolean(name string, v *bool) {
	if v != nil {
		url.Values(q).Set(name, strconv.FormatBool(*v))
	}
}

// integer sets name to v when v is not 0.
func (q query) integer(name string, v int) {
	if v != 0 {
		url.Values(q).Set(name, strconv.Itoa(v))
	}
}

// list sends an array as name[]=a&name[]=b, the way every client of the API sends one (the
// spec's form style would be name=a&name=b). The API parses nested query keys (it reads
// options[limit]), so a lone name=a reaches it as a string, not a one-item list; name[]=a is a
// list however many items there are. See docs/wire-notes.md.
func (q query) list(name string, vs []string) {
	for _, v := range vs {
		url.Values(q).Add(name+"[]", v)
	}
}

// enums sends a list of typed strings (an enum filter) like list.
func enums[E ~string](q query, name string, vs []E) {
	for _, v := range vs {
		url.Values(q).Add(name+"[]", string(v))
	}
}

// options sets options[limit] and options[token], the cursor paging of most list endpoints.
func (q query) options(limit int, token string) {
	q.integer("options[limit]", limit)
	q.str("options[token]", token)
}

// flatAndOptions sends the page size and cursor both flat (limit, token), as the spec of the
// global feeds declares them, and as options[limit] / options[token], as the API's clients
// send them there; the server reads one spelling or the other (docs/wire-notes.md).
func (q query) flatAndOptions(limit int, token string) {
	q.flat(limit, token)
	q.options(limit, token)
}

// optionsQuery checks p (validate) and starts a query with its paging in options (limit,
// token).
func (p PageParams) optionsQuery(op string, maxToken int) (query, error) {
	if err := p.validate(op, maxToken); err != nil {
		return nil, err
	}
	q := query{}
	q.options(p.Limit, p.PageToken)
	return q, nil
}

// flatQuery checks p (validate) and starts a query with its flat paging (limit, token).
func (p PageParams) flatQuery(op string, maxToken int) (query, error) {
	if err := p.validate(op, maxToken); err != nil {
		return nil, err
	}
	q := query{}
	q.flat(p.Limit, p.PageToken)
	return q, nil
}

// flat sets limit and token, the flat cursor paging of the endpoints that do not nest it in
// options.
func (q query) flat(limit int, token string) {
	q.integer("limit", limit)
	q.str("token", token)
}

// PageParams are the paging fields shared by list params.
type PageParams struct {
	// Limit is the page size, 1 to 100; 0 leaves it to the server (20 items).
	Limit int
	// PageToken starts the listing at a page: a Paging.Next or Paging.Previous from an earlier
	// page. Empty starts at the first page.
	PageToken string
}

func (p *PageParams) token() *string { return &p.PageToken }

// validate is the one check of the paging fields of every list: Limit 0 to 100, a PageToken
// that can be a token (at most 2,000 bytes, one line) and, when maxToken > 0, at most
// maxToken characters, the endpoint's own bound in the spec.
func (p PageParams) validate(op string, maxToken int) error {
	if p.Limit < 0 || p.Limit > 100 {
		return &ValidationError{Op: op, Field: "Limit", Reason: "must be between 1 and 100 (0 for the default)"}
	}
	if len(p.PageToken) > 2000 || strings.ContainsAny(p.PageToken, "\r\n") {
		return &ValidationError{Op: op, Field: "PageToken", Reason: "is not a page token"}
	}
	if maxToken > 0 {
		return maxLen(op, "PageToken", p.PageToken, maxToken)
	}
	return nil
}
