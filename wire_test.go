package amity_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// enumCase is a call that gives an enum field a value the SDK does not know, and what of it
// must reach the wire: substrings of the request's decoded query ("sortBy=newest") or of its
// JSON body (`"type":"sticker"`).
type enumCase struct {
	name string
	call func(ctx context.Context, c *amity.Client) error
	want []string
}

// assertUnknownEnumsSent runs each case on a client whose every request is answered 200 with
// an empty JSON object, and requires that the call was not refused before sending and that
// its one request carries the unknown values as given. (The answer may not decode into the
// method's payload; only the request is under test.)
func assertUnknownEnumsSent(t *testing.T, cases []enumCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := mockClient(t, amity.WithMaxRetries(0))
			rec := recordAny(t, mt, `{}`)
			err := tc.call(context.Background(), c)
			var ve *amity.ValidationError
			require.False(t, errors.As(err, &ve), "an unknown enum value must not be refused before sending: %v", err)
			req := rec.only(t) // the call sends one request
			path, _ := url.PathUnescape(req.Path)
			q, _ := url.QueryUnescape(req.Query)
			sent := req.Method + " " + path + "?" + q + " " + req.Body
			for _, w := range tc.want {
				assert.True(t, strings.Contains(sent, w), "%s must carry %s", sent, w)
			}
		})
	}
}
