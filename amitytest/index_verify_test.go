package amitytest

import (
	"os"
	"testing"
)

// TestMain runs the package's tests with the post index checked against the posts map at
// every use (posts_index.go): a list or a count that the index answers differently from a
// scan of every post panics, so the whole suite checks that indexing changed no answer.
func TestMain(m *testing.M) {
	verifyPostIndex = true
	os.Exit(m.Run())
}
