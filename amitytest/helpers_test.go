package amitytest

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/amity-go/amity/internal/webhookspec"
	"github.com/amity-go/amity/webhook"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// resp is a decoded HTTP response.
type resp struct {
	status int
	header http.Header
	body   []byte
}

// obj decodes the body into a generic map.
func (r resp) obj(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(r.body, &m), "body: %s", r.body)
	return m
}

// code returns the error code of an error body.
func (r resp) code(t testing.TB) int {
	t.Helper()
	m := r.obj(t)
	require.Equal(t, "error", m["status"], "body: %s", r.body)
	return int(m["code"].(float64))
}

// isError asserts an error answer of status with the error code.
func (r resp) isError(t testing.TB, status, code int) {
	t.Helper()
	assert.Equal(t, status, r.status, "body: %s", r.body)
	assert.Equal(t, code, r.code(t))
}

// hook is called with every response the helpers receive (the spec test
// validates them).
var hook func(t testing.TB, method, path string, r resp)

// call sends a request; body may be nil, a string (sent as is) or a value
// encoded as JSON.
func call(t testing.TB, srv *Server, token, method, path string, body any, headers ...string) resp {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		require.NoError(t, err)
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, srv.URL()+path, rd)
	require.NoError(t, err)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	r := resp{status: res.StatusCode, header: res.Header, body: raw}
	if hook != nil {
		p := path
		if i := strings.IndexByte(p, '?'); i >= 0 {
			p = p[:i]
		}
		hook(t, method, p, r)
	}
	return r
}

// ok asserts a 200 answer and decodes it.
func ok(t testing.TB, r resp) map[string]any {
	t.Helper()
	require.Equal(t, http.StatusOK, r.status, "body: %s", r.body)
	return r.obj(t)
}

// list returns m[key] as a slice of objects.
func list(t testing.TB, m map[string]any, key string) []map[string]any {
	t.Helper()
	raw, okk := m[key].([]any)
	require.True(t, okk, "%s is not an array in %v", key, m)
	out := make([]map[string]any, len(raw))
	for i, v := range raw {
		out[i] = v.(map[string]any)
	}
	return out
}

// ids collects field from each object.
func ids(items []map[string]any, field string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i], _ = it[field].(string)
	}
	return out
}

// register registers userID on deviceID and returns the access token.
func register(t testing.TB, srv *Server, userID, deviceID string) string {
	t.Helper()
	r := call(t, srv, "", "POST", "/api/v4/sessions", map[string]any{"userId": userID, "deviceId": deviceID}, "x-api-key", srv.APIKey())
	m := ok(t, r)
	return m["accessToken"].(string)
}

// newServer starts a server closed at the end of the test.
func newServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	srv := NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

// newFakeClock is the tests' Clock, at a fixed start.
func newFakeClock() *Clock { return NewClock(time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)) }

// q escapes a query value.
func q(s string) string { return url.QueryEscape(s) }

// jsonUnmarshal is json.Unmarshal.
func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

// createStory creates a text story in a community and returns its id.
func createStory(t testing.TB, srv *Server, token, communityID, text string) string {
	t.Helper()
	m := ok(t, call(t, srv, token, "POST", "/api/v4/stories", map[string]any{
		"targetType": "community", "targetId": communityID, "dataType": "text", "data": map[string]any{"text": text}, "referenceId": "ref-" + text,
	}))
	s := list(t, m, "stories")[0]
	assert.Equal(t, "ref-"+text, s["referenceId"])
	return s["storyId"].(string)
}

func createChannel(t testing.TB, srv *Server, token string, body map[string]any) string {
	t.Helper()
	m := ok(t, call(t, srv, token, "POST", "/api/v3/channels", body))
	return list(t, m, "channels")[0]["channelId"].(string)
}

// defaultFeed returns the messageFeedId of a channel's default message feed, as the channel
// answer names it (messageFeedsInfo): the channel's internal ID.
// checkFlagClearing has flagger flag an entity (POST flagPath) and checks that refused may
// not clear its flags (DELETE clearPath) and that moderator may, which leaves flagCount 0 on
// the item of the answer's list key.
func checkFlagClearing(t testing.TB, srv *Server, flagPath, clearPath, key, flagger, refused, moderator string) {
	t.Helper()
	ok(t, call(t, srv, flagger, "POST", flagPath, nil))
	assert.Equal(t, http.StatusForbidden, call(t, srv, refused, "DELETE", clearPath, nil).status)
	m := ok(t, call(t, srv, moderator, "DELETE", clearPath, nil))
	assert.EqualValues(t, 0, list(t, m, key)[0]["flagCount"])
}

// newChat starts a server (closed when the test ends) where alice has created the channel
// "Chat" with bob; it returns the server, alice's and bob's tokens, the channel's ID and its
// default message feed.
func newChat(t testing.TB) (srv *Server, alice, bob, channelID, feed string) {
	t.Helper()
	srv = newServer(t)
	alice, bob = srv.UserToken("alice"), srv.UserToken("bob")
	channelID = createChannel(t, srv, alice, map[string]any{"displayName": "Chat", "userIds": []string{"bob"}})
	return srv, alice, bob, channelID, defaultFeed(t, srv, alice, channelID)
}

func defaultFeed(t testing.TB, srv *Server, token, channelID string) string {
	t.Helper()
	m := ok(t, call(t, srv, token, "GET", "/api/v3/channels/"+channelID, nil))
	info := list(t, m, "messageFeedsInfo")
	require.NotEmpty(t, info, "channel %s has a default message feed", channelID)
	return info[0]["messageFeedId"].(string)
}

func sendMessage(t testing.TB, srv *Server, token, feedID, text string) string {
	t.Helper()
	m := ok(t, call(t, srv, token, "POST", "/api/v5/messages", map[string]any{
		"messageFeedId": feedID, "referenceId": "ref-" + text, "dataType": "text", "data": map[string]any{"text": text},
	}))
	return list(t, m, "messages")[0]["messageId"].(string)
}

// channelInternalID returns a channel's internal ID (the ID markers use).
func channelInternalID(t testing.TB, srv *Server, token, channelID string) string {
	t.Helper()
	m := ok(t, call(t, srv, token, "GET", "/api/v3/channels/"+channelID, nil))
	return list(t, m, "channels")[0]["channelInternalId"].(string)
}

func commentID(t testing.TB, m map[string]any) string {
	t.Helper()
	return list(t, m, "comments")[0]["commentId"].(string)
}

// createCommunity creates a community as token and returns its id.
func createCommunity(t testing.TB, srv *Server, token string, body map[string]any) string {
	t.Helper()
	m := ok(t, call(t, srv, token, "POST", "/api/v3/communities", body))
	return list(t, m, "communities")[0]["communityId"].(string)
}

// createPost creates a post and returns the response.
func createPost(t testing.TB, srv *Server, token string, body map[string]any) map[string]any {
	t.Helper()
	return ok(t, call(t, srv, token, "POST", "/api/v4/posts", body))
}

func postID(t testing.TB, m map[string]any) string {
	t.Helper()
	return list(t, m, "posts")[0]["postId"].(string)
}

func createPostResp(t testing.TB, srv *Server, token, communityID string) resp {
	t.Helper()
	return call(t, srv, token, "POST", "/api/v4/posts", map[string]any{
		"data": map[string]any{"text": "in the community"}, "targetType": "community", "targetId": communityID,
	})
}

// testPNG returns a w×h PNG.
func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 100, 255})
		}
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	return buf.Bytes()
}

// part is one file of a multipart upload.
type part struct {
	field, name, contentType string
	data                     []byte
}

// uploadFiles posts a multipart body.
func uploadFiles(t testing.TB, srv *Server, token, path string, parts []part, fields map[string]string) resp {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, p := range parts {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="`+p.field+`"; filename="`+p.name+`"`)
		if p.contentType != "" {
			h.Set("Content-Type", p.contentType)
		}
		w, err := mw.CreatePart(h)
		require.NoError(t, err)
		_, err = w.Write(p.data)
		require.NoError(t, err)
	}
	for k, v := range fields {
		require.NoError(t, mw.WriteField(k, v))
	}
	require.NoError(t, mw.Close())
	return call(t, srv, token, "POST", path, buf.Bytes(), "Content-Type", mw.FormDataContentType())
}

// uploadImage uploads a PNG through /api/v4/images and returns its fileId.
func uploadImage(t testing.TB, srv *Server, token string) string {
	t.Helper()
	r := uploadFiles(t, srv, token, "/api/v4/images", []part{{"files", "pic.png", "image/png", testPNG(t, 40, 30)}}, nil)
	require.Equal(t, http.StatusOK, r.status, "body: %s", r.body)
	var files []map[string]any
	require.NoError(t, json.Unmarshal(r.body, &files))
	return files[0]["fileId"].(string)
}

// uploadOne uploads one file through path (/api/v4/files, /images or /videos) and returns its
// fileId.
func uploadOne(t testing.TB, srv *Server, token, path, name, contentType string, data []byte) string {
	t.Helper()
	r := uploadFiles(t, srv, token, path, []part{{"files", name, contentType, data}}, nil)
	require.Equal(t, http.StatusOK, r.status, "body: %s", r.body)
	var files []map[string]any
	require.NoError(t, json.Unmarshal(r.body, &files))
	return files[0]["fileId"].(string)
}

// deleted checks that a DELETE succeeded (200, with or without a body, or 204).
func deleted(t testing.TB, r resp) {
	t.Helper()
	require.Contains(t, []int{http.StatusOK, http.StatusNoContent}, r.status, "body: %s", r.body)
}

// captured is one request a test receiver got.
type captured struct {
	header http.Header
	body   []byte
}

// receiver is an HTTP server recording what it gets and answering reply.
func receiver(t *testing.T, reply func(body []byte) (int, string)) (*httptest.Server, func() []captured) {
	t.Helper()
	var mu sync.Mutex
	var got []captured
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, captured{r.Header.Clone(), b})
		mu.Unlock()
		status, body := http.StatusOK, "{}"
		if reply != nil {
			status, body = reply(b)
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(ts.Close)
	return ts, func() []captured {
		mu.Lock()
		defer mu.Unlock()
		return append([]captured(nil), got...)
	}
}

func sig(body, secret []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

func hexString(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

// stuckReceiver points srv's webhook at a receiver that answers no delivery until the test
// ends.
func stuckReceiver(t testing.TB, srv *Server) {
	release := make(chan struct{})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-release }))
	t.Cleanup(ts.Close)
	t.Cleanup(func() { close(release) }) // (cleanups run last first: before ts.Close)
	srv.SetWebhook(ts.URL, []byte("k"))
}

// webhookReceiver starts a receiver and points srv's webhook at it, signed with the secret
// checkDeliveries verifies.
func webhookReceiver(t *testing.T, srv *Server) func() []captured {
	t.Helper()
	ts, got := receiver(t, nil)
	srv.SetWebhook(ts.URL, webhookSecret)
	return got
}

var webhookSecret = []byte("s3cret")

// checkDeliveries waits for srv's webhooks and checks what the receiver got: the event names,
// in order, are want (the v5 message events under their "v5." names), and each delivery is
// answered 200, signed with webhookSecret, shaped like the spec's schema of its event and
// decoded by webhook.ConstructEvent into its typed data. It returns the decoded events.
func checkDeliveries(t *testing.T, srv *Server, got func() []captured, want []string) []*webhook.Event {
	t.Helper()
	spec := webhookspec.ForTest(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	require.NoError(t, srv.FlushWebhooks(ctx))
	reqs := got()
	names := make([]string, len(reqs))
	events := make([]*webhook.Event, len(reqs))
	for i, r := range reqs {
		assert.Equal(t, sig(r.body, webhookSecret), r.header.Get("X-Amity-Signature"), "signature of #%d", i)
		ev, err := webhook.ConstructEvent(r.body, r.header.Get("X-Amity-Signature"), webhookSecret)
		require.NoError(t, err, "delivery #%d: %s", i, r.body)
		_, unknown := ev.Data.(*webhook.Unknown)
		require.False(t, unknown, "delivery #%d is of an event webhook does not know: %s", i, r.body)
		names[i], events[i] = string(ev.Name), ev
		assert.NoError(t, spec.Check(string(ev.Name), r.body), "%s body: %s", ev.Name, r.body)
	}
	require.Equal(t, want, names, "deliveries: %v", srv.WebhookDeliveries())
	for _, d := range srv.WebhookDeliveries() {
		assert.Equal(t, http.StatusOK, d.Status, d.Event)
		assert.NoError(t, d.Err, d.Event)
	}
	return events
}
