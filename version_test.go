package amity_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/require"
)

// TestVersionMatchesChangelog keeps Version and the top entry of CHANGELOG.md in step: an
// "Unreleased (vX.Y.Z)" entry means Version "X.Y.Z-dev", a released "vX.Y.Z" entry "X.Y.Z".
func TestVersionMatchesChangelog(t *testing.T) {
	log, err := os.ReadFile("CHANGELOG.md")
	require.NoError(t, err)
	top := regexp.MustCompile(`(?m)^## (Unreleased \(v(\d+\.\d+\.\d+)\)|v(\d+\.\d+\.\d+))`).FindSubmatch(log)
	require.NotNil(t, top, "CHANGELOG.md has no version heading")
	want := string(top[3])
	if len(top[2]) > 0 {
		want = string(top[2]) + "-dev"
	}
	require.Equal(t, want, amity.Version, "amity.Version against CHANGELOG.md's top entry %q", top[1])
}
