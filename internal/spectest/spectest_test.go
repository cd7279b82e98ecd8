package spectest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFindUsesEnv(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.json")
	t.Setenv(EnvSpecPath, missing)
	p, ok := Find()
	assert.Equal(t, missing, p)
	assert.False(t, ok)
}

func TestFindRelativeEnvFromRepoRoot(t *testing.T) {
	t.Setenv(EnvSpecPath, filepath.Join("..", "shared", "amity-openapi-4.116", "amity.bundled.json"))
	rel, relOK := Find()
	t.Setenv(EnvSpecPath, "")
	def, defOK := Find()
	assert.Equal(t, def, rel)
	assert.Equal(t, defOK, relOK)
}

func TestFindDefaultLocation(t *testing.T) {
	t.Setenv(EnvSpecPath, "")
	p, ok := Find()
	if !ok {
		t.Skip(skipMessage)
	}
	assert.True(t, strings.HasSuffix(p, filepath.Join("shared", "amity-openapi-4.116", "amity.bundled.json")), p)
}

func TestLoad(t *testing.T) {
	s := Load(t)
	assert.Same(t, s, Load(t), "loaded once per process")
	assert.Equal(t, "4.116.1", s.Version(), "the spec the SDK targets")
	t.Logf("spec %s loaded from %s in %v", s.Version(), s.Path(), s.LoadTime())
	for _, f := range s.Fixes() {
		t.Logf("fix: %s", f)
	}
}

func TestOperationsCount(t *testing.T) {
	s := Load(t)
	ops := s.Operations()
	// The REST operations of each spec version, as its OPERATIONS.md counts them.
	if want, ok := map[string]int{"4.92.0": 266, "4.116.1": 380}[s.Version()]; ok {
		require.Len(t, ops, want)
	}
	assert.Equal(t, len(ops), s.RESTOperationCount())
	seen := map[string]bool{}
	for _, op := range ops {
		assert.False(t, seen[op.Key()], "duplicate %s", op.Key())
		seen[op.Key()] = true
		assert.NotContains(t, op.Path, "/webhook/")
		assert.NotContains(t, op.Path, "/realtime/")
		assert.Contains(t, []string{"BearerAuth", "ApiKeyAuth", "none"}, op.Security, op.Key())
		assert.NotEmpty(t, op.Area, op.Key())
	}
	assert.Equal(t, "GET /api/v3/users/{userId}", Operation{Method: "GET", Path: "/api/v3/users/{userId}"}.Key())
}

// TestOperationsMatchOperationsMD compares the list with the table of
// OPERATIONS.md, which sits beside the bundled spec.
func TestOperationsMatchOperationsMD(t *testing.T) {
	s := Load(t)
	f, err := os.Open(filepath.Join(filepath.Dir(s.Path()), "OPERATIONS.md"))
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("OPERATIONS.md not found beside the spec")
	}
	require.NoError(t, err)
	defer f.Close()

	var want []Operation
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| area ") {
			continue
		}
		// 4.116.1's table has a seventh column, "new".
		cells := strings.Split(strings.Trim(line, "|"), "|")
		require.Contains(t, []int{6, 7}, len(cells), line)
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		want = append(want, Operation{
			Area:       cells[0],
			Method:     cells[1],
			Path:       strings.Trim(cells[2], "`"),
			Summary:    cells[3],
			Security:   cells[4],
			Deprecated: cells[5] == "yes",
		})
	}
	require.NoError(t, sc.Err())
	got := s.Operations()
	require.Len(t, want, len(got))
	for i := range want {
		assert.Equal(t, want[i], got[i], "row %d", i+1)
	}
}

func TestEverySynthesizedResponseValidates(t *testing.T) {
	s := Load(t)
	for _, op := range s.Operations() {
		status, header, body, err := s.SynthesizeResponse(op.Key())
		if !assert.NoError(t, err, op.Key()) {
			continue
		}
		assert.True(t, status >= 200 && status < 300, "%s: status %d", op.Key(), status)
		if ct := header.Get("Content-Type"); strings.HasPrefix(ct, "application/json") {
			assert.True(t, json.Valid(body), "%s: %s", op.Key(), body)
		}
		// The same check through the public entry point, on a request path.
		path := strings.NewReplacer("{", "", "}", "").Replace(op.Path)
		path = strings.ReplaceAll(path, "/:ruleId", "/rule1")
		assert.NoError(t, s.ValidateResponse(op.Method, path, status, header, body), op.Key())
	}
}

func TestSynthesizedResponseContents(t *testing.T) {
	s := Load(t)

	_, header, body, err := s.SynthesizeResponse("GET /api/v3/users/{userId}")
	require.NoError(t, err)
	assert.Equal(t, "application/json", header.Get("Content-Type"))
	var users struct {
		Users []map[string]any `json:"users"`
		Files []map[string]any `json:"files"`
	}
	require.NoError(t, json.Unmarshal(body, &users))
	require.Len(t, users.Users, 1)
	assert.Equal(t, "userId-1", users.Users[0]["userId"])
	assert.Contains(t, users.Users[0], "displayName", "optional properties are present too")
	assert.Regexp(t, `^\d{4}-\d\d-\d\dT`, users.Users[0]["createdAt"])

	status, header, body, err := s.SynthesizeResponse("POST /api/v4/authentication/token")
	require.NoError(t, err)
	assert.Equal(t, 200, status)
	assert.Equal(t, "text/plain", header.Get("Content-Type"))
	assert.NotEmpty(t, body)

	_, header, body, err = s.SynthesizeResponse("GET /api/v3/files/{fileId}/download")
	require.NoError(t, err)
	assert.Equal(t, "application/octet-stream", header.Get("Content-Type"))
	assert.NotEmpty(t, header.Get("Content-Disposition"))
	assert.NotEmpty(t, body)

	status, _, body, err = s.SynthesizeResponse("POST /api/v1/analytics/activities")
	require.NoError(t, err)
	assert.Equal(t, 202, status)
	assert.Empty(t, body)
}

func TestFindOperation(t *testing.T) {
	s := Load(t)
	op, params, err := s.FindOperation("GET", "/api/v3/users/u%201?x=1")
	require.NoError(t, err)
	assert.Equal(t, "GET /api/v3/users/{userId}", op.Key())
	assert.Equal(t, map[string]string{"userId": "u 1"}, params)

	op, _, err = s.FindOperation("GET", "/api/v3/channels/list")
	require.NoError(t, err)
	assert.Equal(t, "GET /api/v3/channels/list", op.Key(), "literal segments win over {channelId}")

	op, params, err = s.FindOperation("PUT", "/api/v2/blacklist/records/r1")
	require.NoError(t, err)
	assert.Equal(t, "PUT /api/v2/blacklist/records/{ruleId}", op.Key(), "4.116.1 spells it {ruleId} (4.92.0 :ruleId)")
	assert.Equal(t, "r1", params["ruleId"])

	_, _, err = s.FindOperation("GET", "/webhook/channel.didCreate")
	assert.ErrorIs(t, err, ErrNoOperation)
	_, _, err = s.FindOperation("PATCH", "/api/v3/users/abc")
	assert.ErrorIs(t, err, ErrNoOperation)
}

func TestValidateResponse(t *testing.T) {
	s := Load(t)
	_, h, good, err := s.SynthesizeResponse("GET /api/v3/users/{userId}")
	require.NoError(t, err)
	assert.NoError(t, s.ValidateResponse("GET", "/api/v3/users/abc", 200, h, good))
	err = s.ValidateResponse("GET", "/api/v3/users/abc", 200, h, patchJSON(t, good, "users", "userId", 5))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "at /users/0/userId: value must be a string (got 5)")
	assert.NotContains(t, err.Error(), "\n", "one-line reasons")
	err = s.ValidateResponse("GET", "/api/v3/users/abc", 200, http.Header{"Content-Type": {"text/html"}}, good)
	assert.ErrorContains(t, err, "Content-Type")
	assert.ErrorIs(t, s.ValidateResponse("GET", "/nope", 200, h, good), ErrNoOperation)

	bin := http.Header{"Content-Type": {"image/jpeg"}, "Content-Disposition": {`attachment; filename="a.jpg"`}}
	assert.NoError(t, s.ValidateResponse("GET", "/api/v3/files/f1/download", 200, bin, []byte{0xff, 0xd8}))
}

// patchJSON sets the property prop of the first element of the array
// under key in a JSON object.
func patchJSON(t *testing.T, body []byte, key, prop string, value any) []byte {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(body, &m))
	m[key].([]any)[0].(map[string]any)[prop] = value
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return out
}

// --- server ---

type req struct {
	method, path string
	header       http.Header
	body         []byte
}

func bearer() http.Header {
	return http.Header{"Authorization": {"Bearer tok"}}
}

func jsonHeader(h http.Header) http.Header {
	h = h.Clone()
	if h == nil {
		h = http.Header{}
	}
	h.Set("Content-Type", "application/json")
	return h
}

func do(t *testing.T, srv *Server, r req) (*http.Response, []byte) {
	t.Helper()
	hr, err := http.NewRequest(r.method, srv.URL()+r.path, bytes.NewReader(r.body))
	require.NoError(t, err)
	for k, v := range r.header {
		hr.Header[k] = v
	}
	resp, err := srv.Client().Do(hr)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, b
}

func TestServerAcceptsCorrectRequests(t *testing.T) {
	s := Load(t)
	srv := s.NewServer(t)
	cases := []req{
		{method: "GET", path: "/api/v3/users/abc", header: bearer()},
		{method: "GET", path: "/api/v3/communities?options[limit]=10&options[token]=x", header: bearer()},
		{method: "GET", path: "/api/v3/communities?options%5Blimit%5D=10&sortBy=lastCreated&tags%5B%5D=a&tags%5B%5D=b", header: bearer()},
		{method: "GET", path: "/api/v3/communities?tags[]=a", header: bearer()},
		{method: "GET", path: "/api/v5/messages?messageFeedId=f1&options[limit]=20&options[sortBy]=segmentDesc", header: bearer()},
		{method: "GET", path: "/api/v4/stories?targetId=c1&targetType=community&options[limit]=5&options[orderBy]=desc", header: bearer()},
		{method: "GET", path: "/api/v3/channels/list?channelIds[]=a&channelIds[]=b", header: bearer()},
		{method: "GET", path: "/api/v3/comments?referenceId=p1&dataTypes[values][]=text&dataTypes[values][]=image&dataTypes[matchType]=any",
			header: http.Header{"Authorization": {"Bearer t"}, "X-Api-Key": {"k"}}},
		{method: "POST", path: "/api/v4/sessions", header: jsonHeader(http.Header{"X-Api-Key": {"k"}}),
			body: []byte(`{"userId":"u1","deviceId":"d1","deviceInfo":{"kind":"node"}}`)},
		{method: "POST", path: "/api/v4/authentication/token", header: jsonHeader(http.Header{"X-Server-Key": {"sk"}}),
			body: []byte(`{"userId":"u1"}`)},
		{method: "GET", path: "/api/v3/authentication/token?userId=u1", header: http.Header{"X-Server-Key": {"sk"}}},
		{method: "PUT", path: "/api/v2/blacklist/records/r1", header: jsonHeader(http.Header{"X-Api-Key": {"k"}, "Authorization": {"Bearer t"}}),
			body: []byte(`{"ruleId":"r1","isEnabled":true}`)},
		{method: "GET", path: "/api/v1/markers/messages/m1/read-users", header: bearer()},
		{method: "GET", path: "/api/v3/files/f1/download?size=small"},
		{method: "PUT", path: "/api/v3/posts/p1", header: jsonHeader(bearer()), body: []byte(`{"data":{"text":"hi"}}`)},
		{method: "POST", path: "/api/v1/analytics/activities", header: jsonHeader(bearer()),
			body: []byte(`{"activities":[{"contentId":"60e4b1b4b3b2b5c4c4b3b2b5","contentType":"post","activityType":"view","timestamp":"2024-01-02T03:04:05Z"}]}`)},
	}
	for _, c := range cases {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			srv.Reset()
			resp, body := do(t, srv, c)
			assert.Empty(t, srv.Violations())
			require.True(t, resp.StatusCode >= 200 && resp.StatusCode < 300, "status %d: %s", resp.StatusCode, body)
			assert.NoError(t, s.ValidateResponse(c.method, c.path, resp.StatusCode, resp.Header, body))
			calls := srv.Calls()
			require.Len(t, calls, 1)
			assert.Equal(t, c.method, calls[0].Method)
			assert.Equal(t, c.body, nilIfEmpty(calls[0].Body))
			assert.Equal(t, int64(len(c.body)), calls[0].BodySize)
			assert.Equal(t, resp.StatusCode, calls[0].Status)
		})
	}
}

func nilIfEmpty(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	return b
}

func TestServerRejectsWrongRequests(t *testing.T) {
	s := Load(t)
	srv := s.NewServer(t)
	cases := []struct {
		name   string
		req    req
		status int
		reason []string // substrings of the violation and of the error message
	}{
		{"bad enum in query", req{method: "GET", path: "/api/v3/communities?sortBy=newest", header: bearer()},
			400, []string{`parameter "sortBy" in query`, `(got "newest")`, "allowed values"}},
		{"bad pattern in body", req{method: "POST", path: "/api/v1/analytics/activities", header: jsonHeader(bearer()),
			body: []byte(`{"activities":[{"contentId":"p1","contentType":"post","activityType":"view"}]}`)},
			400, []string{"at /activities/0/contentId", "regular expression", `(got "p1")`}},
		{"options limit out of range", req{method: "GET", path: "/api/v3/community-categories?options[limit]=1000", header: bearer()},
			400, []string{`parameter "options" in query`, "at /limit: number must be at most 100 (got 1000)"}},
		{"options[limit] out of range", req{method: "GET", path: "/api/v3/communities?options[limit]=1000", header: bearer()},
			400, []string{`parameter "options[limit]" in query`, "number must be at most 100 (got 1000)"}},
		{"flat limit where the spec wants options[limit]", req{method: "GET", path: "/api/v3/community-categories?limit=10", header: bearer()},
			400, []string{`query parameter "limit" not declared by the spec`, "options[...]"}},
		{"flat limit where the spec wants options[limit] (declared flat)", req{method: "GET", path: "/api/v3/communities?limit=10", header: bearer()},
			400, []string{`query parameter "limit" not declared by the spec`, "options[limit]"}},
		{"unknown options key", req{method: "GET", path: "/api/v3/communities?options[limt]=10", header: bearer()},
			400, []string{`"options[limt]" not declared`}},
		{"missing required body field", req{method: "POST", path: "/api/v4/sessions", header: jsonHeader(http.Header{"X-Api-Key": {"k"}}),
			body: []byte(`{"userId":"u1"}`)}, 400, []string{"request body", `property "deviceId" is missing`}},
		{"missing Bearer", req{method: "GET", path: "/api/v3/users/abc"},
			400, []string{"security requirements failed", "Authorization: Bearer"}},
		{"empty Bearer", req{method: "GET", path: "/api/v3/users/abc", header: http.Header{"Authorization": {"Bearer "}}},
			400, []string{"Authorization: Bearer"}},
		{"missing X-API-Key", req{method: "PUT", path: "/api/v2/blacklist/records/r1", header: jsonHeader(bearer()),
			body: []byte(`{"ruleId":"r1","isEnabled":true}`)}, 400, []string{"X-API-Key"}},
		{"missing x-server-key", req{method: "POST", path: "/api/v4/authentication/token", header: jsonHeader(nil),
			body: []byte(`{"userId":"u1"}`)}, 400, []string{"x-server-key"}},
		{"empty x-server-key", req{method: "GET", path: "/api/v3/authentication/token", header: http.Header{"X-Server-Key": {" "}}},
			400, []string{"x-server-key"}},
		{"wrong path", req{method: "GET", path: "/api/v3/userz/abc", header: bearer()},
			404, []string{"no such operation in spec: GET /api/v3/userz/abc"}},
		{"wrong method", req{method: "PATCH", path: "/api/v3/users/abc", header: bearer()},
			404, []string{"no such operation in spec: PATCH /api/v3/users/abc"}},
		{"webhook pseudo-operation", req{method: "GET", path: "/webhook/channel.didCreate", header: bearer()},
			404, []string{"no such operation in spec"}},
		{"wrong body media type", req{method: "POST", path: "/api/v4/sessions", header: http.Header{"X-Api-Key": {"k"}, "Content-Type": {"text/plain"}},
			body: []byte(`userId=u1`)}, 400, []string{"Content-Type"}},
		{"array sent bare", req{method: "GET", path: "/api/v3/users/list?userIds=alice", header: bearer()},
			400, []string{`array query parameter "userIds" sent as userIds=...`, "userIds[]=v"}},
		{"misspelt array", req{method: "GET", path: "/api/v3/users/list?userIds[]=alice&userIdz[]=bob", header: bearer()},
			400, []string{`query parameter "userIdz[]" not declared by the spec`}},
		{"brackets on a scalar", req{method: "GET", path: "/api/v3/communities?keyword[]=x", header: bearer()},
			400, []string{`query parameter "keyword[]" not declared by the spec`}},
		{"bracketed array out of bounds", req{method: "GET", path: "/api/v3/users/list?userIds[]=" + strings.Repeat("a", 901), header: bearer()},
			400, []string{`parameter "userIds" in query`}},
		{"body on a DELETE without one", req{method: "DELETE", path: "/api/v3/channels/ch1/users?userIds[]=a", header: jsonHeader(bearer()),
			body: []byte(`{"channelId":"ch1","userIds":["a"]}`)}, 400, []string{"request body of 35 bytes sent to an operation whose spec declares none"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv.Reset()
			resp, body := do(t, srv, c.req)
			assert.Equal(t, c.status, resp.StatusCode, "%s", body)
			var e struct {
				Status  string `json:"status"`
				Code    int    `json:"code"`
				Message string `json:"message"`
			}
			require.NoError(t, json.Unmarshal(body, &e), "%s", body)
			assert.Equal(t, "error", e.Status)
			if c.status == 400 {
				assert.Equal(t, 400000, e.Code)
			}
			v := srv.Violations()
			require.Len(t, v, 1)
			for _, r := range c.reason {
				assert.Contains(t, v[0].Err, r)
				assert.Contains(t, e.Message, r)
			}
			assert.Len(t, srv.Calls(), 1)
			t.Logf("%s", v[0])
		})
	}
}

func multipartBody(t *testing.T, field string, fileSize int64, extra map[string]string) (string, io.Reader) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		err := func() error {
			for k, v := range extra {
				if err := mw.WriteField(k, v); err != nil {
					return err
				}
			}
			fw, err := mw.CreateFormFile(field, "photo.jpg")
			if err != nil {
				return err
			}
			if _, err := io.Copy(fw, io.LimitReader(zeros{}, fileSize)); err != nil {
				return err
			}
			return mw.Close()
		}()
		pw.CloseWithError(err)
	}()
	return mw.FormDataContentType(), pr
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func upload(t *testing.T, srv *Server, path, field string, size int64, extra map[string]string) (*http.Response, []byte) {
	t.Helper()
	ct, body := multipartBody(t, field, size, extra)
	hr, err := http.NewRequest("POST", srv.URL()+path, body)
	require.NoError(t, err)
	hr.Header.Set("Content-Type", ct)
	hr.Header.Set("Authorization", "Bearer tok")
	resp, err := srv.Client().Do(hr)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, b
}

func TestServerMultipartUpload(t *testing.T) {
	s := Load(t)
	srv := s.NewServer(t)

	resp, body := upload(t, srv, "/api/v4/images", "file", 1024, map[string]string{"preferredFilename": "photo.jpg", "altText": "A photo"})
	require.Equal(t, 200, resp.StatusCode, "%s", body)
	assert.Empty(t, srv.Violations())
	assert.NoError(t, s.ValidateResponse("POST", "/api/v4/images", 200, resp.Header, body))
	calls := srv.Calls()
	require.Len(t, calls, 1)
	assert.Equal(t, "POST /api/v4/images", calls[0].Op.Key())
	assert.NotNil(t, calls[0].Body, "small bodies are kept")
	assert.Contains(t, string(calls[0].Body), `name="file"; filename="photo.jpg"`)

	srv.Reset()
	resp, body = upload(t, srv, "/api/v3/files", "file", 1024, nil)
	require.Equal(t, 200, resp.StatusCode, "%s", body)
	assert.Empty(t, srv.Violations())

	// A v4 upload under the deprecated field name alone misses the required "file" (4.116.1).
	srv.Reset()
	resp, body = upload(t, srv, "/api/v4/videos", "files", 10, nil)
	assert.Equal(t, 400, resp.StatusCode)
	require.Len(t, srv.Violations(), 1)
	assert.Contains(t, srv.Violations()[0].Err, `property "file" is missing`)
	assert.Contains(t, string(body), `property \"file\" is missing`)

	// A bad non-file field is caught.
	srv.Reset()
	resp, _ = upload(t, srv, "/api/v4/images", "file", 10, map[string]string{"preferredFilename": strings.Repeat("x", 1025)})
	assert.Equal(t, 400, resp.StatusCode)
	require.Len(t, srv.Violations(), 1)
	assert.Contains(t, srv.Violations()[0].Err, "preferredFilename")

	// So is a field the body does not declare (4.116.1 dropped feedType from video uploads).
	srv.Reset()
	resp, _ = upload(t, srv, "/api/v4/videos", "file", 10, map[string]string{"feedType": "post"})
	assert.Equal(t, 400, resp.StatusCode)
	require.Len(t, srv.Violations(), 1)
	assert.Contains(t, srv.Violations()[0].Err, "request body has fields the spec does not declare: feedType")
}

// TestServerFormFieldAlias checks AllowFormFieldAlias and AllowExtraBodyFields on a multipart
// body: the aliased field stands for the declared one, an allowed extra field passes, and
// without the options the same uploads are violations.
func TestServerFormFieldAlias(t *testing.T) {
	s := Load(t)
	const videos = "POST /api/v4/videos"
	srv := s.NewServer(t, AllowFormFieldAlias(videos, "files", "file"), AllowExtraBodyFields(videos, "feedType"))
	resp, body := upload(t, srv, "/api/v4/videos", "files", 10, map[string]string{"feedType": "post", "accessType": "network"})
	assert.Equal(t, 200, resp.StatusCode, "%s", body)
	assert.Empty(t, srv.Violations())

	srv.Reset()
	resp, _ = upload(t, srv, "/api/v4/videos", "files", 10, map[string]string{"accessType": "everyone"})
	assert.Equal(t, 400, resp.StatusCode, "the other fields are still validated")
	require.Len(t, srv.Violations(), 1)
	assert.Contains(t, srv.Violations()[0].Err, "accessType")

	plain := s.NewServer(t)
	upload(t, plain, "/api/v4/videos", "files", 10, nil)
	upload(t, plain, "/api/v4/videos", "file", 10, map[string]string{"feedType": "post"})
	assert.Len(t, plain.Violations(), 2)
}

// TestServerStreamsLargeUploads sends 64 MiB through the server: it is
// counted, not kept.
func TestServerStreamsLargeUploads(t *testing.T) {
	if testing.Short() {
		t.Skip("large upload")
	}
	srv := Load(t).NewServer(t)
	const size = 64 << 20
	resp, body := upload(t, srv, "/api/v4/files", "file", size, nil)
	require.Equal(t, 200, resp.StatusCode, "%s", body)
	assert.Empty(t, srv.Violations())
	calls := srv.Calls()
	require.Len(t, calls, 1)
	assert.Nil(t, calls[0].Body)
	assert.Greater(t, calls[0].BodySize, int64(size))
}

func TestServerWithResponse(t *testing.T) {
	s := Load(t)
	notFound := []byte(`{"status":"error","code":400400,"message":"Resource Not Found."}`)
	_, _, community, err := s.SynthesizeResponse("GET /api/v3/communities/{communityId}")
	require.NoError(t, err)
	community = patchJSON(t, community, "communities", "communityId", "c1")
	_, _, channel, err := s.SynthesizeResponse("GET /api/v3/channels/{channelId}")
	require.NoError(t, err)
	srv := s.NewServer(t,
		WithResponse("GET /api/v3/users/{userId}", 404, notFound),
		WithResponse("GET /api/v3/communities/{communityId}", 200, community),
		WithResponse("GET /api/v3/channels/{channelId}", 200, patchJSON(t, channel, "channels", "channelId", 7)),
	)

	resp, body := do(t, srv, req{method: "GET", path: "/api/v3/users/abc", header: bearer()})
	assert.Equal(t, 404, resp.StatusCode)
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	assert.JSONEq(t, string(notFound), string(body))

	resp, body = do(t, srv, req{method: "GET", path: "/api/v3/communities/c1", header: bearer()})
	assert.Equal(t, 200, resp.StatusCode)
	assert.JSONEq(t, string(community), string(body))
	assert.Empty(t, srv.Violations())

	resp, _ = do(t, srv, req{method: "GET", path: "/api/v3/channels/ch1", header: bearer()})
	assert.Equal(t, 200, resp.StatusCode)
	v := srv.Violations()
	require.Len(t, v, 1, "an overridden 2xx body is validated")
	assert.Equal(t, "GET /api/v3/channels/{channelId}", v[0].Op.Key())
	assert.Contains(t, v[0].Err, "/channels/0/channelId")

	srv.SetResponse("GET /api/v3/users/{userId}", 200, nil)
	srv.Reset()
	resp, body = do(t, srv, req{method: "GET", path: "/api/v3/users/abc", header: bearer()})
	assert.Equal(t, 200, resp.StatusCode)
	assert.Empty(t, body)
	assert.Len(t, srv.Violations(), 1, "an empty body where JSON is declared")
}

func TestServerAllowUnknownQueryParams(t *testing.T) {
	srv := Load(t).NewServer(t, AllowUnknownQueryParams())
	resp, body := do(t, srv, req{method: "GET", path: "/api/v3/communities?limit=10&tags[]=a", header: bearer()})
	assert.Equal(t, 200, resp.StatusCode, "%s", body)
	assert.Empty(t, srv.Violations())
}

func TestServerConcurrentRequests(t *testing.T) {
	s := Load(t)
	srv := s.NewServer(t)
	const n = 24
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			var r req
			switch {
			case i%4 == 0:
				r = req{method: "GET", path: "/api/v3/users/u1"} // no token: a violation
			case i%3 == 0:
				r = req{method: "GET", path: "/api/v3/communities?options[limit]=10", header: bearer()}
			case i%5 == 1:
				r = req{method: "POST", path: "/api/v1/analytics/activities", header: jsonHeader(bearer()),
					body: []byte(`{"activities":[{"contentId":"60e4b1b4b3b2b5c4c4b3b2b5","contentType":"post","activityType":"view"}]}`)}
			default:
				r = req{method: "GET", path: fmt.Sprintf("/api/v3/users/u%d", i), header: bearer()}
			}
			hr, err := http.NewRequest(r.method, srv.URL()+r.path, bytes.NewReader(r.body))
			if !assert.NoError(t, err) {
				return
			}
			for k, v := range r.header {
				hr.Header[k] = v
			}
			resp, err := srv.Client().Do(hr)
			if assert.NoError(t, err) {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}(i)
	}
	wg.Wait()
	assert.Len(t, srv.Calls(), n)
	assert.Len(t, srv.Violations(), n/4)
}

func TestWriteCoverage(t *testing.T) {
	ops := Load(t).Operations()
	covered := map[string][]string{
		"GET /api/v3/users/{userId}":   {"Users.Get"},
		"POST /api/v3/sessions":        {"Sessions.RegisterV3"},
		"GET /api/v3/users":            {"Users.List", "Users.All", "Users.List"},
		"GET /not/an/operation/at/all": {"Nope.Nope"},
	}
	var a, b bytes.Buffer
	require.NoError(t, WriteCoverage(&a, "4.116.1", ops, covered))
	require.NoError(t, WriteCoverage(&b, "4.116.1", ops, covered))
	assert.Equal(t, a.String(), b.String(), "deterministic")

	out := a.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	assert.Equal(t, "# Spec coverage", lines[0])
	assert.Equal(t, fmt.Sprintf("3 of %d operations covered (spec 4.116.1)", len(ops)), lines[2], "counts the operations given")
	assert.Equal(t, "| area | method | path | SDK method |", lines[4])
	assert.Len(t, lines, 6+len(ops))
	assert.Contains(t, out, "| User | GET | `/api/v3/users/{userId}` | Users.Get |\n")
	assert.Contains(t, out, "| User | GET | `/api/v3/users` | Users.All, Users.List |\n")
	assert.Contains(t, out, "| Session | POST | `/api/v3/sessions` (deprecated) | Sessions.RegisterV3 |\n")
	assert.Contains(t, out, "| User | PUT | `/api/v3/users` | not yet |\n")
}

func TestUnknownBodyFields(t *testing.T) {
	spec := Load(t)
	send := func(srv *Server, body string) {
		req, err := http.NewRequest("PUT", srv.URL()+"/api/v3/users", strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Authorization", "Bearer t")
		req.Header.Set("Content-Type", "application/json")
		resp, err := srv.Client().Do(req)
		require.NoError(t, err)
		resp.Body.Close()
	}
	srv := spec.NewServer(t)
	send(srv, `{"userId":"u1","displayName":"A","metadata":{"anything":{"goes":1}}}`)
	assert.Empty(t, srv.Violations(), "declared fields and free-form metadata pass")
	send(srv, `{"userId":"u1","displayname":"A"}`)
	require.Len(t, srv.Violations(), 1)
	assert.Contains(t, srv.Violations()[0].Err, "displayname")

	allowed := spec.NewServer(t, AllowExtraBodyFields("PUT /api/v3/users", "displayname"))
	send(allowed, `{"userId":"u1","displayname":"A"}`)
	assert.Empty(t, allowed.Violations())
	send(allowed, `{"userId":"u1","nickname":"A"}`)
	assert.Len(t, allowed.Violations(), 1, "only the listed field is let through")
}

func TestServerQueryAlias(t *testing.T) {
	s := Load(t)
	const members = "GET /api/v4/channels/{channelId}/users"
	srv := s.NewServer(t, AllowQueryAlias(members, "roles[]", "role"),
		AllowQueryAlias("GET /api/v4/posts", "feedType", "feedType"),
		AllowQueryAlias("GET /api/v1/semantic-search/communities", "categoryIds[]", "categoryIds"))
	for _, path := range []string{
		"/api/v4/channels/ch1/users?role[]=mod&roles[]=mod",
		"/api/v4/channels/ch1/users?roles[]=a&roles[]=b",
		"/api/v4/posts?targetType=community&targetId=c1&feedType=reviewing",
		"/api/v1/semantic-search/communities?query=x&categoryIds[]=c1&categoryIds[]=c2",
	} {
		srv.Reset()
		resp, body := do(t, srv, req{method: "GET", path: path, header: bearer()})
		assert.Equal(t, 200, resp.StatusCode, "%s: %s", path, body)
		assert.Empty(t, srv.Violations(), path)
	}
	for path, reason := range map[string]string{
		"/api/v4/channels/ch1/users?roles[]=" + strings.Repeat("r", 901):                        `query parameter "roles[]" (sent for "role")`,
		"/api/v4/channels/ch1/users?rolez[]=a":                                                  `"rolez[]" not declared`,
		"/api/v4/posts?targetType=community&feedType=drafts":                                    `query parameter "feedType" (sent for "feedType")`,
		"/api/v1/semantic-search/communities?query=x&categoryIds[]=" + strings.Repeat("c", 129): `"categoryIds[]" (sent for "categoryIds")`,
	} {
		srv.Reset()
		resp, body := do(t, srv, req{method: "GET", path: path, header: bearer()})
		assert.Equal(t, 400, resp.StatusCode, "%s: %s", path, body)
		require.Len(t, srv.Violations(), 1, path)
		assert.Contains(t, srv.Violations()[0].Err, reason)
	}
	// Without the alias, the same requests are violations.
	plain := s.NewServer(t)
	for _, path := range []string{"/api/v4/channels/ch1/users?roles[]=a", "/api/v1/semantic-search/communities?query=x&categoryIds=c1"} {
		do(t, plain, req{method: "GET", path: path, header: bearer()})
	}
	assert.Len(t, plain.Violations(), 2)
}

func TestServerParamsInBody(t *testing.T) {
	s := Load(t)
	const op = "DELETE /api/v3/channels/{channelId}/users"
	srv := s.NewServer(t, AllowParamsInBody(op, "channelId", "userIds"))
	resp, body := do(t, srv, req{method: "DELETE", path: "/api/v3/channels/ch1/users?userIds[]=a", header: jsonHeader(bearer()),
		body: []byte(`{"channelId":"ch1","userIds":["a"]}`)})
	assert.Equal(t, 200, resp.StatusCode, "%s", body)
	assert.Empty(t, srv.Violations())
	for b, reason := range map[string]string{
		`{"channelId":"ch2","userIds":["a"]}`: `"channelId" is "ch2"; it repeats the path parameter, "ch1"`,
		`{"userIds":[]}`:                      `"userIds" (the query parameter)`,
		`{"userIds":["a"],"role":"x"}`:        `member "role" is not one of the parameters allowed`,
		`["a"]`:                               "not a JSON object",
		`{"userIds":["` + strings.Repeat("u", 51) + `"]}`:        `"userIds" (the query parameter)`,
		`{"channelId":"ch1","userIds":"a","extra":{"nested":1}}`: `member "extra" is not one of the parameters allowed`,
	} {
		srv.Reset()
		resp, _ := do(t, srv, req{method: "DELETE", path: "/api/v3/channels/ch1/users?userIds[]=a", header: jsonHeader(bearer()), body: []byte(b)})
		assert.Equal(t, 400, resp.StatusCode, b)
		require.Len(t, srv.Violations(), 1, b)
		assert.Contains(t, srv.Violations()[0].Err, reason, b)
	}
}

func TestServerWireOptionsMustNameTheSpec(t *testing.T) {
	s := Load(t)
	cfg := &serverConfig{}
	for _, o := range []ServerOption{AllowQueryAlias("GET /api/v4/channels/{channelId}/users", "roles[]", "rolez")} {
		o(cfg)
	}
	assert.ErrorContains(t, s.checkWireOptions(cfg), `"rolez" is not a query parameter`)
	cfg = &serverConfig{}
	AllowQueryAlias("GET /api/v4/posts", "type", "targetType")(cfg)
	assert.ErrorContains(t, s.checkWireOptions(cfg), "is required")
	cfg = &serverConfig{}
	AllowFormFieldAlias("POST /api/v4/videos", "files", "fil")(cfg)
	assert.ErrorContains(t, s.checkWireOptions(cfg), `"fil" is not a field of the operation's multipart body`)
	cfg = &serverConfig{}
	AllowFormFieldAlias("POST /api/v4/vidz", "files", "file")(cfg)
	assert.ErrorContains(t, s.checkWireOptions(cfg), "no operation")
	cfg = &serverConfig{}
	AllowParamsInBody("POST /api/v4/posts", "targetId")(cfg)
	assert.ErrorContains(t, s.checkWireOptions(cfg), "declares a request body")
	cfg = &serverConfig{}
	AllowParamsInBody("DELETE /api/v3/channels/{channelId}/users", "userIdz")(cfg)
	assert.ErrorContains(t, s.checkWireOptions(cfg), `"userIdz" is not a path or query parameter`)
}

// TestServerRepeatedScalar checks that a scalar query parameter sent twice is a violation
// (kin-openapi alone would validate the first value), and that AllowRepeatedQuery lets it
// through with every value validated.
func TestServerRepeatedScalar(t *testing.T) {
	s := Load(t)
	const list = "GET /api/v3/community-categories/list"
	plain := s.NewServer(t)
	resp, _ := do(t, plain, req{method: "GET", path: "/api/v3/community-categories/list?categoryId=a&categoryId=b", header: bearer()})
	assert.Equal(t, 400, resp.StatusCode)
	require.Len(t, plain.Violations(), 1)
	assert.Contains(t, plain.Violations()[0].Err, `query parameter "categoryId" sent 2 times`)

	srv := s.NewServer(t, AllowRepeatedQuery(list, "categoryId"))
	resp, body := do(t, srv, req{method: "GET", path: "/api/v3/community-categories/list?categoryId=a&categoryId=b", header: bearer()})
	assert.Equal(t, 200, resp.StatusCode, "%s", body)
	assert.Empty(t, srv.Violations())
	srv.Reset()
	resp, _ = do(t, srv, req{method: "GET", path: "/api/v3/community-categories/list?categoryId=a&categoryId=" + strings.Repeat("c", 51), header: bearer()})
	assert.Equal(t, 400, resp.StatusCode, "every value is validated")
	require.Len(t, srv.Violations(), 1)
	assert.Contains(t, srv.Violations()[0].Err, `query parameter "categoryId" (sent 2 times)`)

	cfg := &serverConfig{}
	AllowRepeatedQuery(list, "categoryIdz")(cfg)
	assert.ErrorContains(t, s.checkWireOptions(cfg), `"categoryIdz" is not a query parameter`)
}
