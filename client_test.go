package amity_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/amity-go/amity"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewClientErrors(t *testing.T) {
	cases := map[string][]amity.Option{
		"unknown region":    {amity.WithRegion("mars"), amity.WithAdminToken("t")},
		"no endpoint":       {amity.WithAdminToken("t")},
		"malformed base":    {amity.WithBaseURL("://nope"), amity.WithAdminToken("t")},
		"relative base":     {amity.WithBaseURL("/api"), amity.WithAdminToken("t")},
		"ftp base":          {amity.WithBaseURL("ftp://host"), amity.WithAdminToken("t")},
		"base with query":   {amity.WithBaseURL("https://host/?a=b"), amity.WithAdminToken("t")},
		"no credential":     {amity.WithRegion(amity.RegionEU)},
		"negative retries":  {amity.WithRegion(amity.RegionEU), amity.WithAdminToken("t"), amity.WithMaxRetries(-1)},
		"bad rate limit":    {amity.WithRegion(amity.RegionEU), amity.WithAdminToken("t"), amity.WithRateLimit(0, time.Second)},
		"inverted backoffs": {amity.WithRegion(amity.RegionEU), amity.WithAdminToken("t"), amity.WithRetryWait(time.Second, time.Millisecond)},
	}
	for name, opts := range cases {
		t.Run(name, func(t *testing.T) {
			c, err := amity.NewClient(opts...)
			assert.Error(t, err)
			assert.Nil(t, c)
		})
	}
}

func TestRegionURLs(t *testing.T) {
	cases := map[amity.Region]string{
		amity.RegionUS: "https://apix.us.amity.co", "us-east-1": "https://apix.us.amity.co",
		amity.RegionEU: "https://apix.eu.amity.co", "eu-central-1": "https://apix.eu.amity.co",
		amity.RegionSG: "https://apix.sg.amity.co", "ap-southeast-1": "https://apix.sg.amity.co", "EU": "https://apix.eu.amity.co",
	}
	for region, want := range cases {
		mt := httpmock.NewMockTransport()
		mt.RegisterResponder("GET", want+"/api/v3/users/u1", jsonResponder(200, `{"users":[{"userId":"u1"}]}`))
		c, err := amity.NewClient(amity.WithRegion(region), amity.WithAdminToken("t"), amity.WithHTTPClient(&http.Client{Transport: mt}))
		require.NoError(t, err, region)
		u, err := c.Users.Get(context.Background(), "u1")
		require.NoError(t, err, region)
		assert.Equal(t, "u1", u.User().UserID)
		assert.Equal(t, 1, mt.GetTotalCallCount(), region)
		got, err := region.BaseURL()
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
}

func TestAuthHeaders(t *testing.T) {
	c, mt := mockClient(t, amity.WithServerKey(serverKey), amity.WithUserAgent("moderation-bot/2"))
	rec := newRecorder(t, mt).
		route("GET", "/api/v3/users/u1", `{"users":[{"userId":"u1"}]}`).
		route("POST", "/api/v4/authentication/token", "auth-tok-1").
		route("POST", "/api/v5/sessions", `{"accessToken":"user-access-1","expiresAt":"2999-01-01T00:00:00Z","users":[{"userId":"u2"}]}`).
		route("GET", "/api/v3/users/u3", `{"users":[{"userId":"u3"}]}`)
	headers := func(route string) http.Header {
		for _, r := range rec.all() {
			if r.Method+" "+r.Path == route {
				return r.Header
			}
		}
		return nil
	}
	ctx := context.Background()

	_, err := c.Users.Get(ctx, "u1")
	require.NoError(t, err)
	h := headers("GET /api/v3/users/u1")
	assert.Equal(t, "Bearer "+adminToken, h.Get("Authorization"))
	assert.Empty(t, h.Get("X-API-Key"))
	assert.Empty(t, h.Get("X-Server-Key"))
	assert.Equal(t, "moderation-bot/2 amity-go/"+amity.Version, h.Get("User-Agent"))

	u2, err := c.AsUser("u2", amity.WithDeviceID("dev-1"))
	require.NoError(t, err)
	_, err = u2.Users.Get(ctx, "u3")
	require.NoError(t, err)

	h = headers("POST /api/v4/authentication/token")
	assert.Equal(t, serverKey, h.Get("X-Server-Key"))
	assert.Empty(t, h.Get("Authorization"), "auth token call must not carry the admin token")
	assert.Empty(t, h.Get("X-API-Key"))

	h = headers("POST /api/v5/sessions")
	assert.Equal(t, apiKey, h.Get("X-API-Key"))
	assert.Empty(t, h.Get("Authorization"))
	assert.Empty(t, h.Get("X-Server-Key"))

	h = headers("GET /api/v3/users/u3")
	assert.Equal(t, "Bearer user-access-1", h.Get("Authorization"))
	assert.Empty(t, h.Get("X-API-Key"))
}

func TestBadIDsSendNothing(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	for _, bad := range []string{"", " ", "\t", ".", ".."} {
		_, err := c.Users.Get(ctx, bad)
		assertInvalid(t, err, "userID", "%q", bad)
	}
	_, err := c.Users.GetMany(ctx, nil)
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	_, err = c.Users.GetMany(ctx, &amity.GetManyUsersParams{UserIDs: []string{"a", ""}})
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	_, err = c.Users.Update(ctx, &amity.UpdateUserParams{})
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	_, err = c.Users.Update(ctx, &amity.UpdateUserParams{UserID: "u", DisplayName: amity.Ptr(strings.Repeat("n", 101))})
	assert.ErrorContains(t, err, "DisplayName")
	_, err = c.Users.Update(ctx, nil)
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	_, err = c.Users.ListPage(ctx, &amity.ListUsersParams{PageParams: amity.PageParams{Limit: 101}})
	assert.ErrorContains(t, err, "Limit")
	for range c.Users.List(ctx, &amity.ListUsersParams{PageParams: amity.PageParams{PageToken: "a\nb"}}) {
	}
	_, err = c.Sessions.Register(ctx, &amity.RegisterSessionParams{UserID: "u"})
	assert.ErrorContains(t, err, "DeviceID")
	//nolint:staticcheck // a nil context is refused, not sent
	_, err = c.Users.Get(nil, "u") //lint:ignore SA1012 testing the nil-context guard
	assert.ErrorIs(t, err, amity.ErrInvalidArgument)
	assert.Zero(t, mt.GetTotalCallCount(), "no request may be sent for bad input")
}

func TestIDsArePathEscaped(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "/api/v3/users/a%2F..%2Fb%3Fx%23y", r.URL.RawPath)
		assert.Equal(t, "/api/v3/users/a/../b?x#y", r.URL.Path)
		assert.Empty(t, r.URL.RawQuery)
		fmt.Fprint(w, `{"users":[{"userId":"a/../b?x#y"}]}`)
	}))
	defer srv.Close()
	c, err := amity.NewClient(amity.WithBaseURL(srv.URL+"/"), amity.WithAdminToken("t"))
	require.NoError(t, err)
	u, err := c.Users.Get(context.Background(), "a/../b?x#y")
	require.NoError(t, err)
	assert.Equal(t, "a/../b?x#y", u.User().UserID)
}

func TestWithHTTPClientNotMutated(t *testing.T) {
	hc := &http.Client{Timeout: time.Second}
	_, err := amity.NewClient(amity.WithRegion(amity.RegionUS), amity.WithAdminToken("t"), amity.WithHTTPClient(hc))
	require.NoError(t, err)
	assert.Nil(t, hc.Transport)
	assert.Nil(t, hc.CheckRedirect)
}

// listenAndClose returns the address of a port nobody listens on.
func deadAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	l.Close()
	return addr
}

var _ = errors.Is

// The base URL's escapes are kept, and an ID stays one escaped segment under any base.
func TestBaseURLEscapesKept(t *testing.T) {
	for _, prefix := range []string{"/my%20api", "/caf%C3%A9", "/tenant%2Fa", "/my%20api/"} {
		t.Run(prefix, func(t *testing.T) {
			var got atomic.Value
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				got.Store(r.RequestURI)
				writeJSON(w, 200, userAnswer("x"))
			}))
			defer srv.Close()
			c := serverClient(t, srv.URL+prefix)
			require.NoError(t, getUser(context.Background(), c, "a/../b?x#y"))
			want := strings.TrimSuffix(prefix, "/") + "/api/v3/users/a%2F..%2Fb%3Fx%23y"
			assert.Equal(t, want, got.Load())
		})
	}
}
