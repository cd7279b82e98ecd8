// Package exampleenv connects the example programs to the Amity API when AMITY_REGION (or
// AMITY_BASE_URL) and credentials are set, and otherwise to a seeded amitytest fake. (Long
// runs report progress, keep their place and resume with package bulk, which users import.)
package exampleenv

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/amity-go/amity"
	"github.com/amity-go/amity/amitytest"
)

// Env is where an example runs.
type Env struct {
	// Client is configured for the real API or for the fake.
	Client *amity.Client
	// Fake is the fake server, nil on the real API.
	Fake *amitytest.Server
	// Seeded lists the fake's seeded data (zero on the real API).
	Seeded amitytest.SeedResult
}

// Close stops the fake, if any.
func (e *Env) Close() {
	if e.Fake != nil {
		e.Fake.Close()
	}
}

// Mode says whether an example may change the network it runs on.
type Mode int

// The modes of an example. Examples that write default to DryRun: they change a network only
// when run with -apply.
const (
	ReadOnly Mode = iota // the example never writes
	DryRun               // it reports what it would change, and changes nothing
	Apply                // it makes the changes (-apply)
	Listen               // it only listens on a real network; on the fake it writes demo content
)

func (m Mode) String() string {
	switch m {
	case DryRun:
		return "dry run: nothing will be changed (pass -apply to make the changes)"
	case Apply:
		return "apply: changes will be made"
	case Listen:
		return "listen: nothing is written to a real network (on the fake, demo posts are created to cause events)"
	}
	return "read-only"
}

// Connect returns the environment of an example and writes its first line of output to out:
// which network it talks to, and in which mode.
func Connect(out io.Writer, seed amitytest.SeedOptions, mode Mode) (*Env, error) {
	region, base := os.Getenv("AMITY_REGION"), os.Getenv("AMITY_BASE_URL")
	admin, key, server := os.Getenv("AMITY_ADMIN_TOKEN"), os.Getenv("AMITY_API_KEY"), os.Getenv("AMITY_SERVER_KEY")
	if (region != "" || base != "") && (admin != "" || key != "") {
		opts := []amity.Option{amity.WithAdminToken(admin), amity.WithAPIKey(key), amity.WithServerKey(server), amity.WithUserAgent("amity-go-example")}
		if base != "" {
			opts = append(opts, amity.WithBaseURL(base))
		} else {
			opts = append(opts, amity.WithRegion(amity.Region(region)))
		}
		c, err := amity.NewClient(opts...)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(out, "network: the REAL Amity API %s; mode: %s\n", strings.TrimPrefix(c.String(), "amity.Client"), mode)
		return &Env{Client: c}, nil
	}
	fake := amitytest.NewServer()
	seeded := fake.Seed(seed)
	c, err := amity.NewClient(amity.WithBaseURL(fake.URL()), amity.WithAdminToken(fake.AdminToken()), amity.WithAPIKey(fake.APIKey()))
	if err != nil {
		fake.Close()
		return nil, err
	}
	fmt.Fprintf(out, "network: no AMITY_REGION and credentials set: running on the built-in fake (amitytest) at %s with seeded data; mode: %s\n", fake.URL(), mode)
	return &Env{Client: c, Fake: fake, Seeded: seeded}, nil
}
