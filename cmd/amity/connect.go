package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/amity-go/amity"
)

// exitRateLimited is the exit status of a command stopped by a rate limit it could not wait
// out (an error matching amity.ErrRateLimited): run it again later, or with a longer
// --timeout.
const exitRateLimited = 3

// apiHelp is the part of a command's help that says how it reaches the API.
const apiHelp = `The API and the credentials come from the environment, as for the example programs:
  AMITY_REGION (us, eu, sg) or AMITY_BASE_URL (e.g. an amity mock's URL),
  AMITY_ADMIN_TOKEN, AMITY_API_KEY and AMITY_SERVER_KEY (secure mode).
--region and --base-url override the first two. Credentials are read only from the
environment (never flags, which other users of the machine can see), and never printed.

Exit status: 0 success, 1 failure, 2 usage, 3 stopped by a rate limit it could not wait out.
`

// apiFlags are the flags of the commands that call the API.
type apiFlags struct {
	region, baseURL    string
	jsonOut            bool
	timeout            time.Duration
	rateCalls          int
	rateWindow         time.Duration
	adminToken, apiKey string // from the environment only
	serverKey          string
}

// addAPIFlags adds the flags of the API commands to fs.
func addAPIFlags(fs *flag.FlagSet) *apiFlags {
	f := &apiFlags{
		adminToken: os.Getenv("AMITY_ADMIN_TOKEN"),
		apiKey:     os.Getenv("AMITY_API_KEY"),
		serverKey:  os.Getenv("AMITY_SERVER_KEY"),
	}
	fs.StringVar(&f.region, "region", os.Getenv("AMITY_REGION"), "the API's `region`: us, eu or sg ($AMITY_REGION)")
	fs.StringVar(&f.baseURL, "base-url", os.Getenv("AMITY_BASE_URL"), "the API's base `URL`, instead of a region ($AMITY_BASE_URL)")
	fs.BoolVar(&f.jsonOut, "json", false, "print the data as JSON (one object per line for lists)")
	fs.DurationVar(&f.timeout, "timeout", 0, "stop after this `duration` (0: no limit); a call whose turn under the rate limit comes later fails at once (exit status 3)")
	fs.IntVar(&f.rateCalls, "rate-limit", 100, "send at most `calls` requests per identity per --rate-window (the API's limit)")
	fs.DurationVar(&f.rateWindow, "rate-window", 5*time.Second, "the rate limit's `window`")
	return f
}

// connect returns a client configured by f, and ctx bounded by --timeout (call cancel).
func (f *apiFlags) connect(ctx context.Context) (*amity.Client, context.Context, context.CancelFunc, error) {
	if f.region == "" && f.baseURL == "" {
		return nil, nil, nil, badUsage("no API: set AMITY_REGION or AMITY_BASE_URL (or --region, --base-url)")
	}
	if f.adminToken == "" && f.apiKey == "" {
		return nil, nil, nil, badUsage("no credentials: set AMITY_ADMIN_TOKEN (and AMITY_API_KEY)")
	}
	opts := []amity.Option{amity.WithAdminToken(f.adminToken), amity.WithAPIKey(f.apiKey), amity.WithServerKey(f.serverKey),
		amity.WithUserAgent("amity-go-cli"), amity.WithRateLimit(f.rateCalls, f.rateWindow)}
	if f.baseURL != "" {
		opts = append(opts, amity.WithBaseURL(f.baseURL))
	} else {
		opts = append(opts, amity.WithRegion(amity.Region(f.region)))
	}
	c, err := amity.NewClient(opts...)
	if err != nil {
		return nil, nil, nil, badUsage(err.Error())
	}
	cancel := context.CancelFunc(func() {})
	if f.timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, f.timeout)
	}
	return c, ctx, func() { cancel(); _ = c.Close() }, nil
}

// parseArgs parses args with fs, flags before, between or after the positional arguments,
// and returns the positional arguments.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos, args = append(pos, fs.Arg(0)), fs.Args()[1:]
	}
}

// newFlagSet is a flag set for "amity name" whose help is help and its flags.
func newFlagSet(name, help string, stderr interface{ Write([]byte) (int, error) }) *flag.FlagSet {
	fs := flag.NewFlagSet("amity "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), help)
		fmt.Fprint(fs.Output(), "\n"+apiHelp+"\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs
}

// badUsage is a usage error run prints (exit status 2).
type badUsage string

func (e badUsage) Error() string { return string(e) }

// isRateLimited reports whether err is a rate limit the command could not wait out.
func isRateLimited(err error) bool { return errors.Is(err, amity.ErrRateLimited) }
