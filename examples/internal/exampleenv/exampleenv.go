// Package exampleenv connects the example programs to the Amity API when AMITY_REGION (or
// AMITY_BASE_URL) and credentials are set, and otherwise to a seeded amitytest fake, and
// reports progress on long runs.
package exampleenv

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

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

// Progress writes "label: done/total (rate/s, ETA)" lines to w, at most once a second and
// once at the end. It is safe for concurrent use.
type Progress struct {
	w     io.Writer
	label string
	total int
	start time.Time

	mu   sync.Mutex
	done int
	last time.Time
}

// NewProgress starts a progress report of total steps (0 if unknown).
func NewProgress(w io.Writer, label string, total int) *Progress {
	now := time.Now()
	return &Progress{w: w, label: label, total: total, start: now, last: now}
}

// Add records n more steps done.
func (p *Progress) Add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	if now := time.Now(); now.Sub(p.last) >= time.Second {
		p.last = now
		p.print(now)
	}
}

// Finish prints the final line.
func (p *Progress) Finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.print(time.Now())
}

func (p *Progress) print(now time.Time) {
	elapsed := now.Sub(p.start)
	rate := 0.0
	if elapsed > 0 {
		rate = float64(p.done) / elapsed.Seconds()
	}
	switch {
	case p.total > 0 && rate > 0:
		eta := time.Duration(float64(p.total-p.done) / rate * float64(time.Second))
		fmt.Fprintf(p.w, "%s: %d/%d (%.1f/s, ETA %s)\n", p.label, p.done, p.total, rate, eta.Round(time.Second))
	case p.total > 0:
		fmt.Fprintf(p.w, "%s: %d/%d\n", p.label, p.done, p.total)
	default:
		fmt.Fprintf(p.w, "%s: %d (%.1f/s)\n", p.label, p.done, rate)
	}
}
