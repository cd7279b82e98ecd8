package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/amity-go/amity/amitytest"
)

const mockUsage = `Usage: amity mock [flags]

Serve the stateful fake of the Amity (social.plus) API (package amitytest) on --addr until
SIGINT or SIGTERM, then stop gracefully (requests in flight finish; exit status 0).

The first lines printed are the base URL, the admin token, the API key and the server key
(one JSON object with --json). Admin endpoints, which take the admin token as a bearer token:

  GET  /_mock/health                       200 once serving (no token needed)
  POST /_mock/reset[?to=seed]              empty the data, or reset it to the seed
  POST /_mock/seed[?builtin=true]          add a seed file (the body) or the built-in seed
  GET  /_mock/webhooks                     the webhook deliveries, in order
  POST /_mock/webhooks/{index}/redeliver   deliver one again
  POST /_mock/follow-approval?required=B    make follows wait for acceptance (true) or not
  POST /_mock/streams/{streamId}/start     make an idle stream live (video-streaming.didStart)
  POST /_mock/streams/{streamId}/record    record an ended stream (video-streaming.didRecord)

The seed file format is documented by testdata/mock_seed.json in the amity-go repository.

Flags:
`

// mockFlags are the flags of amity mock.
type mockFlags struct {
	addr, adminToken, apiKey, serverKey string
	publicURL                           string
	jsonOut, seedDefault, noRateLimit   bool
	seed                                string
	webhookURL, webhookSecret           string
	prehookURL, prehookSecret           string
	latency                             time.Duration
	failRate                            float64
	rateCalls                           int
	rateWindow                          time.Duration
	verbose                             bool
}

func mockFlagSet(stderr io.Writer) (*flag.FlagSet, *mockFlags) {
	f := &mockFlags{}
	fs := flag.NewFlagSet("amity mock", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), mockUsage)
		fs.PrintDefaults()
	}
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "listen on `host:port` (port 0 picks a free port)")
	fs.StringVar(&f.publicURL, "public-url", "", "the base `URL` to print and to use in links (file URLs) when others reach the mock by another name (default http://<addr>)")
	fs.BoolVar(&f.jsonOut, "json", false, "print the base URL and credentials as one JSON object")
	fs.StringVar(&f.adminToken, "admin-token", "amitytest-admin-token", "the admin `token` the mock accepts")
	fs.StringVar(&f.apiKey, "api-key", "amitytest-api-key", "the API `key` session registration requires")
	fs.StringVar(&f.serverKey, "server-key", "", "turn on secure mode with this server `key`")
	fs.StringVar(&f.seed, "seed", "", "load the seed `file` (JSON) at start and on reset to the seed")
	fs.BoolVar(&f.seedDefault, "seed-default", false, "load the built-in seed at start and on reset to the seed")
	fs.StringVar(&f.webhookURL, "webhook-url", "", "deliver signed webhooks to `url`")
	fs.StringVar(&f.webhookSecret, "webhook-secret", "", "sign webhooks with `secret` (required with --webhook-url)")
	fs.StringVar(&f.prehookURL, "prehook-url", "", "ask the pre-hook at `url` before the operations of the pre-hook events")
	fs.StringVar(&f.prehookSecret, "prehook-secret", "", "sign pre-hook calls with `secret` (required with --prehook-url)")
	fs.DurationVar(&f.latency, "latency", 0, "delay every API request by `duration` (e.g. 50ms)")
	fs.Float64Var(&f.failRate, "fail-rate", 0, "fail this `fraction` of API requests with 500 (e.g. 0.01)")
	fs.BoolVar(&f.noRateLimit, "no-rate-limit", false, "turn the fake's per-identity rate limit off")
	fs.IntVar(&f.rateCalls, "rate-limit", 100, "allow `calls` requests per identity per --rate-window")
	fs.DurationVar(&f.rateWindow, "rate-window", 5*time.Second, "the rate limit's sliding `window`")
	fs.BoolVar(&f.verbose, "v", false, "log admin actions (resets, seeds, redeliveries) to stderr")
	return fs, f
}

// mockInfo is what amity mock prints first.
type mockInfo struct {
	BaseURL    string `json:"baseUrl"`
	AdminToken string `json:"adminToken"`
	APIKey     string `json:"apiKey"`
	ServerKey  string `json:"serverKey"`
}

func runMock(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, f := mockFlagSet(stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "amity mock: unexpected argument %q\n", fs.Arg(0))
		return usageError{fmt.Errorf("unexpected argument %q", fs.Arg(0))}
	}
	opts, err := f.options(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "amity mock: %v\n", err)
		return usageError{err}
	}
	m, err := amitytest.StartMock(f.addr, opts...)
	if err != nil {
		return err
	}
	info := mockInfo{BaseURL: m.URL(), AdminToken: m.AdminToken(), APIKey: m.APIKey(), ServerKey: m.ServerKey()}
	if f.jsonOut {
		b, _ := json.Marshal(info)
		fmt.Fprintf(stdout, "%s\n", b)
	} else {
		serverKey := info.ServerKey
		if serverKey == "" {
			serverKey = "(none: secure mode is off)"
		}
		fmt.Fprintf(stdout, "base URL:    %s\nadmin token: %s\nAPI key:     %s\nserver key:  %s\n", info.BaseURL, info.AdminToken, info.APIKey, serverKey)
		fmt.Fprintf(stdout, "amity mock: serving the Amity API fake; admin endpoints under %s; SIGINT or SIGTERM stops it\n", info.BaseURL+amitytest.MockPrefix)
	}
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := m.Shutdown(shutdown); err != nil {
		return fmt.Errorf("stopping: %w", err)
	}
	if !f.jsonOut {
		fmt.Fprintln(stdout, "amity mock: stopped")
	}
	return nil
}

// options turns the flags into the Mock's options.
func (f *mockFlags) options(stderr io.Writer) ([]amitytest.MockOption, error) {
	server := []amitytest.Option{amitytest.WithAdminToken(f.adminToken), amitytest.WithAPIKey(f.apiKey)}
	if f.serverKey != "" {
		server = append(server, amitytest.WithServerKey(f.serverKey))
	}
	if f.noRateLimit {
		server = append(server, amitytest.WithoutRateLimit())
	} else {
		server = append(server, amitytest.WithRateLimit(f.rateCalls, f.rateWindow))
	}
	opts := []amitytest.MockOption{amitytest.WithServerOptions(server...)}
	if f.publicURL != "" {
		opts = append(opts, amitytest.WithPublicURL(f.publicURL))
	}
	if f.seed != "" {
		sf, err := amitytest.OpenSeedFile(f.seed)
		if err != nil {
			return nil, err
		}
		opts = append(opts, amitytest.WithSeedFile(sf))
	}
	if f.seedDefault {
		opts = append(opts, amitytest.WithDefaultSeed())
	}
	if f.webhookURL != "" {
		if f.webhookSecret == "" {
			return nil, fmt.Errorf("--webhook-url needs --webhook-secret")
		}
		opts = append(opts, amitytest.WithMockWebhook(f.webhookURL, []byte(f.webhookSecret)))
	}
	if f.prehookURL != "" {
		if f.prehookSecret == "" {
			return nil, fmt.Errorf("--prehook-url needs --prehook-secret")
		}
		opts = append(opts, amitytest.WithMockPreHook(f.prehookURL, []byte(f.prehookSecret)))
	}
	if f.latency < 0 {
		return nil, fmt.Errorf("--latency %v is negative", f.latency)
	}
	if f.failRate < 0 || f.failRate > 1 {
		return nil, fmt.Errorf("--fail-rate %v is not within [0, 1]", f.failRate)
	}
	opts = append(opts, amitytest.WithLatency(f.latency), amitytest.WithFailRate(f.failRate))
	if f.verbose {
		opts = append(opts, amitytest.WithMockLogger(slog.New(slog.NewTextHandler(stderr, nil))))
	}
	return opts, nil
}
