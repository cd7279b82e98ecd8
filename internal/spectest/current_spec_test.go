package spectest

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadCurrent returns spec 4.116.1: the process-wide spec when it is that version (the
// default), else the one in ../shared/amity-openapi-4.116, or skips.
func loadCurrent(t *testing.T) *Spec {
	t.Helper()
	if s := Load(t); s.Version() == "4.116.1" {
		return s
	}
	root, err := repoRoot()
	require.NoError(t, err)
	path := filepath.Join(root, "..", "shared", "amity-openapi-4.116", "amity.bundled.json")
	if _, err := os.Stat(path); err != nil {
		t.Skip("spec 4.116.1 is not at " + path)
	}
	s, err := LoadFile(path)
	require.NoError(t, err)
	return s
}

// Repairs 11 to 14 make correct requests and answers of spec 4.116.1 validate, and a
// wrong one still fail.
func TestRepairsOfTheCurrentSpec(t *testing.T) {
	s := loadCurrent(t)
	for target, valid := range map[string]bool{
		// 11: targets' item properties are unwrapped.
		"/api/v4/stories/seen?targets[0][targetId]=c1&targets[0][targetType]=community": true,
		"/api/v4/stories/seen?targets[0][targetId]=c1&targets[0][targetType]=channel":   false,
		// 12: dataTypes on comments is a deepObject again.
		"/api/v3/comments?referenceId=p1&referenceType=post&dataTypes[values][0]=text&dataTypes[matchType]=any": true,
		"/api/v3/comments?referenceId=p1&referenceType=post&dataTypes[matchType]=sometimes":                     false,
		// 14: contentId, declared in a path that has no {contentId}, is read from the query.
		"/api/v1/content-histories?contentId=p1&contentType=post": true,
		"/api/v1/content-histories?contentType=post":              false,
	} {
		srv := s.NewServer(t)
		req, err := http.NewRequest("GET", srv.URL()+target, nil)
		require.NoError(t, err)
		req.Header.Set("Authorization", "Bearer t")
		req.Header.Set("X-API-Key", "k")
		resp, err := srv.Client().Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, valid, len(srv.Violations()) == 0, "%s: %v", target, srv.Violations())
	}
	// 13: a post's data is an anyOf of open objects, so a synthesized post validates; so is a
	// content history's, an allOf (a post bundle) or an object (a comment bundle).
	for _, op := range []string{"POST /api/v4/posts", "PUT /api/v4/posts/{postId}", "GET /api/v4/me/global-feeds", "GET /api/v1/content-histories"} {
		status, header, body, err := s.SynthesizeResponse(op)
		require.NoError(t, err, op)
		method, path, _ := strings.Cut(op, " ")
		require.NoError(t, s.ValidateResponse(method, pathFor(path), status, header, body), op)
	}
}

// pathFor fills a path template with sample IDs.
func pathFor(template string) string {
	return templateVar.ReplaceAllString(template, "x1")
}
