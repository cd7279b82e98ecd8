package amity_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/amity-go/amity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The secure-mode auth token travels in the body of the session registration: an error that
// echoes that body must not carry it.
func TestRegistrationErrorRedactsTheAuthToken(t *testing.T) {
	const authTok = "authtok-SECRET-Zx9Yw8Vu7T"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.URL.Path == "/api/v4/authentication/token" {
			w.Header().Set("Content-Type", "text/plain")
			_, _ = io.WriteString(w, authTok)
			return
		}
		hardJSON(w, http.StatusBadRequest, fmt.Sprintf(`{"status":"error","code":400000,"message":%q,"data":{"body":%s}}`, "bad request: "+string(body), body))
	}))
	defer srv.Close()
	c := hardClient(t, srv.URL, amity.WithServerKey(hardServerKey), amity.WithMaxRetries(0))
	alice, err := c.AsUser("alice")
	require.NoError(t, err)
	_, err = alice.Users.Get(context.Background(), "u1")
	require.Error(t, err)
	var e *amity.Error
	require.ErrorAs(t, err, &e)
	assert.NotContains(t, err.Error(), authTok)
	assert.NotContains(t, string(e.Data), authTok)
	assert.Contains(t, e.Message, "[redacted]", "the echo is there, redacted")

	// The same through Sessions.Register itself.
	_, err = c.Sessions.Register(context.Background(), &amity.RegisterSessionParams{UserID: "bob", DeviceID: "d1", AuthToken: authTok})
	require.ErrorAs(t, err, &e)
	assert.NotContains(t, err.Error(), authTok)
	assert.NotContains(t, string(e.Data), authTok)
}

// A credential JSON-escaped inside an error's data ("\u0068ard...") is redacted as the caller
// will read it, once Error.Data is decoded.
func TestErrorDataRedactsEscapedCredentials(t *testing.T) {
	escaped := jsonEscapeAll(hardAdmin)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hardJSON(w, http.StatusBadRequest, `{"status":"error","code":400000,"message":"echo","data":{"auth":"Bearer `+escaped+`","list":["`+escaped+`"],"`+escaped+`":1}}`)
	}))
	defer srv.Close()
	_, err := hardClient(t, srv.URL, amity.WithMaxRetries(0)).Users.Get(context.Background(), "u1")
	var e *amity.Error
	require.ErrorAs(t, err, &e)
	var data any
	require.NoError(t, json.Unmarshal(e.Data, &data))
	decoded := fmt.Sprint(data)
	assert.NotContains(t, decoded, hardAdmin, "decoded Error.Data")
	assert.Contains(t, decoded, "Bearer [redacted]")
	assert.NotContains(t, err.Error(), hardAdmin)
}

// A view printed as a value (not a pointer), or inside a struct or slice as one, prints no
// credential with any verb.
func TestViewValuesFormatWithoutSecrets(t *testing.T) {
	srv := newHardSecretServer(t)
	c := hardClient(t, srv.URL, amity.WithServerKey(hardServerKey))
	alice, err := c.AsUser("alice")
	require.NoError(t, err)
	require.NoError(t, hardGetUser(context.Background(), alice, "u1")) // the token is cached now
	type holder struct {
		Name string
		C    amity.Client
	}
	values := map[string]any{
		"user view value": *alice, "admin view value": *c, "value in a struct": holder{"h", *alice},
		"pointer to a struct of a value": &holder{"h", *alice}, "values in a slice": []amity.Client{*alice, *c},
		"value in a map": map[string]amity.Client{"a": *alice},
	}
	for name, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%t", "%d", "%x", "%X", "%p"} {
			out := fmt.Sprintf(verb, v)
			for _, sec := range []string{hardAdmin, hardKey, hardServerKey, "SECRET-Pq4Rs8Tu"} {
				if strings.Contains(out, sec) {
					t.Errorf("%s with %s prints a credential: %.300s", name, verb, out)
				}
			}
		}
	}
}
