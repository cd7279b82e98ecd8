package spectest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIndexedArrayQuery checks repair 10: an array of objects in the query validates in the
// targets[i][field] encoding, item fields and enums included.
func TestIndexedArrayQuery(t *testing.T) {
	s := Load(t)
	for target, valid := range map[string]bool{
		"/api/v4/stories-by-targets?targets[0][targetId]=c1&targets[0][targetType]=community&targets[1][targetId]=u1&targets[1][targetType]=user": true,
		"/api/v4/stories/seen?targets[0][targetId]=c1&targets[0][targetType]=community":                                                           true,
		"/api/v4/stories-by-targets?targets[0][targetId]=c1&targets[0][targetType]=channel":                                                       false,
		"/api/v4/stories-by-targets?targets[10][targetId]=c1&targets[10][targetType]=user":                                                        false,
		"/api/v4/stories/seen": false,
	} {
		srv := s.NewServer(t)
		req, err := http.NewRequest("GET", srv.URL()+target, nil)
		require.NoError(t, err)
		req.Header.Set("Authorization", "Bearer t")
		resp, err := srv.Client().Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, valid, len(srv.Violations()) == 0, "%s: %v", target, srv.Violations())
	}
}
