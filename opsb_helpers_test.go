package amity_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/amity-go/amity"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// assertInvalidB asserts a *ValidationError naming field.
func assertInvalidB(t *testing.T, err error, field string) {
	t.Helper()
	var ve *amity.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	assert.Equal(t, field, ve.Field, "error: %v", err)
}

// assertNotFoundB asserts an API error with code 400400 decoded as ErrNotFound.
func assertNotFoundB(t *testing.T, err error) {
	t.Helper()
	var ae *amity.Error
	require.ErrorAs(t, err, &ae)
	assert.ErrorIs(t, err, amity.ErrNotFound)
	assert.Equal(t, amity.CodeItemNotFound, ae.Code)
	assert.Equal(t, "Story not found.", ae.Message)
}

const notFoundBodyB = `{"status":"error","code":400400,"message":"Story not found."}`

// drainB ranges over seq and returns its items and first error.
func drainB[T any](seq func(func(T, error) bool)) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// ctxB is the context of the B-area unit tests.
var ctxB = context.Background()

// countB ranges over seq, failing t on an error, and returns the number of items.
func countB[T any](t *testing.T, seq func(func(T, error) bool)) int {
	t.Helper()
	items, err := drainB(seq)
	require.NoError(t, err)
	return len(items)
}

// emptyResponse is an answer without a body.
func emptyResponse(status int) *http.Response {
	return httpmock.NewStringResponse(status, "")
}
