package redislimit_test

import (
	"context"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// slowLink is a TCP proxy to a Redis server that delays every chunk by half a round trip each
// way, as a distant Redis would; pipelined chunks overlap as on a real link. It counts the
// chunks the clients send (one per round trip the client waits for). Client dials through it
// and pays one more round trip for the TCP handshake.
type slowLink struct {
	ln       net.Listener
	upstream string
	rtt      time.Duration
	sent     atomic.Int64

	mu    sync.Mutex
	conns []net.Conn
}

func newSlowLink(t testing.TB, upstream string, rtt time.Duration) *slowLink {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &slowLink{ln: ln, upstream: upstream, rtt: rtt}
	go p.serve()
	t.Cleanup(p.close)
	return p
}

func (p *slowLink) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		u, err := net.Dial("tcp", p.upstream)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, c, u)
		p.mu.Unlock()
		go p.pipe(u, c, true)
		go p.pipe(c, u, false)
	}
}

// pipe copies src to dst, each chunk half a round trip after it was read.
func (p *slowLink) pipe(dst, src net.Conn, up bool) {
	type chunk struct {
		at time.Time
		b  []byte
	}
	q := make(chan chunk, 4096)
	go func() {
		defer dst.Close()
		for c := range q {
			time.Sleep(time.Until(c.at))
			if _, err := dst.Write(c.b); err != nil {
				return
			}
		}
	}()
	defer close(q)
	buf := make([]byte, 64<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			if up {
				p.sent.Add(1)
			}
			q <- chunk{time.Now().Add(p.rtt / 2), append([]byte(nil), buf[:n]...)}
		}
		if err != nil {
			return
		}
	}
}

func (p *slowLink) close() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
}

// Client returns a new client of the server through the link, closed at the end of the test.
// Its dial takes one round trip, like a TCP handshake.
func (p *slowLink) Client(t testing.TB) *redis.Client {
	rdb := redis.NewClient(&redis.Options{
		Addr: p.ln.Addr().String(),
		Dialer: func(ctx context.Context, network, addr string) (net.Conn, error) {
			time.Sleep(p.rtt)
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		},
	})
	t.Cleanup(func() { rdb.Close() })
	return rdb
}
