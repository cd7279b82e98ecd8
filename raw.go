package amity

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
)

// Raw sends one request through the client as every method of this package sends its own:
// with the client's credentials (the admin token, or the user's on a view from
// Client.AsUser), limiter, retries, timeouts and error decoding, and returns the answer as
// sent (nil for an empty answer). It is for an operation this package does not type yet and
// for tools such as the amity command's `amity api`.
//
// method is the HTTP method; path the API path with its query, as in
// "/api/v3/users?keyword=al" (it must start with a single "/": it never names another host);
// body, when not nil, is sent as JSON. A GET or HEAD is retried as every read is; any other
// method only when the server provably did not process it, as every write that does not say
// it is safe to repeat.
func (c *Client) Raw(ctx context.Context, method, path string, body any, opts ...CallOption) (json.RawMessage, error) {
	r, err := rawRequest(rawOp, method, path)
	if err != nil {
		return nil, err
	}
	r.body, r.opts, r.optionalAnswer = body, opts, true
	var out json.RawMessage
	if err := c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// rawOp is the operation name of Client.Raw.
const rawOp = "Client.Raw"

// rawRequest checks and splits the method and path of Client.Raw.
func rawRequest(op, method, path string) (*request, error) {
	switch {
	case method == "" || strings.ContainsFunc(method, func(r rune) bool { return r <= ' ' || r >= 0x7f || strings.ContainsRune("()<>@,;:\\\"/[]?={}", r) }):
		return nil, &ValidationError{Op: op, Field: "method", Reason: "must be an HTTP method"}
	case !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "//"):
		return nil, &ValidationError{Op: op, Field: "path", Reason: `must be an API path starting with a single "/"`}
	case strings.ContainsAny(path, "#\r\n"):
		return nil, &ValidationError{Op: op, Field: "path", Reason: "must not hold a fragment or a line break"}
	}
	p, rawQuery, _ := strings.Cut(path, "?")
	query, err := url.ParseQuery(rawQuery)
	if err != nil {
		return nil, &ValidationError{Op: op, Field: "path", Reason: "the query does not parse: " + err.Error()}
	}
	return &request{op: op, method: strings.ToUpper(method), path: p, query: query}, nil
}
