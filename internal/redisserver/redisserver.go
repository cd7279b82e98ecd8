// Package redisserver starts redis-server processes for tests: each on a free loopback
// port, without persistence unless asked, killed and reaped when the test ends. The tests
// of redislimit and webhook/redisinbox use it.
package redisserver

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/amity-go/amity/internal/testkit"
	"github.com/redis/go-redis/v9"
)

// Server is a redis-server process of the test's own, on a free loopback port, without
// persistence: a restart loses every key, as a real crash without AOF would.
type Server struct {
	t     testing.TB
	bin   string
	dir   string
	extra []string
	// Port and Addr are where it listens (127.0.0.1).
	Port int
	Addr string

	mu     sync.Mutex
	cmd    *exec.Cmd
	exited chan struct{} // closed once cmd is reaped
}

// Start starts a redis-server for the test, or skips it when there is no redis-server
// binary. extra are more command-line settings. The server is killed and reaped when the test
// ends, and at once when it fails to start. A port taken by another process between its choice
// and the server's start (the machine is shared) is replaced by another.
func Start(t testing.TB, extra ...string) *Server {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Skip("redis-server is not installed (apt-get install redis-server): skipping the tests that need a real Redis")
	}
	s := &Server{t: t, bin: bin, dir: t.TempDir(), extra: extra}
	t.Cleanup(s.Kill) // before start, which may fail the test
	for attempt := 1; ; attempt++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		s.Port = l.Addr().(*net.TCPAddr).Port
		s.Addr = "127.0.0.1:" + strconv.Itoa(s.Port)
		_ = l.Close()
		err = s.tryStart()
		if err == nil {
			return s
		}
		if !errors.Is(err, errPortTaken) || attempt == 3 {
			t.Fatal(err)
		}
	}
}

// StartTimeout bounds the wait for a started server to answer PING.
var StartTimeout = 10 * time.Second

// errPortTaken is tryStart's error when another process has the server's port.
var errPortTaken = errors.New("port taken")

// StartAgain starts the server again on its port (after Kill), with the same settings, or
// fails the test.
func (s *Server) StartAgain() {
	s.t.Helper()
	if err := s.tryStart(); err != nil {
		s.t.Fatal(err)
	}
}

// tryStart starts the server and waits until it answers PING. When it exits first or does not
// answer within StartTimeout, tryStart kills and reaps it, and says why.
func (s *Server) tryStart() error {
	args := append([]string{"--port", strconv.Itoa(s.Port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
		"--dir", s.dir, "--daemonize", "no", "--protected-mode", "no", "--loglevel", "warning"}, s.extra...)
	cmd := exec.Command(s.bin, args...)
	log := new(testkit.SyncBuffer)
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		return err
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait() // reaps the process whenever it ends
		close(exited)
	}()
	s.mu.Lock()
	s.cmd, s.exited = cmd, exited
	s.mu.Unlock()
	rdb := redis.NewClient(&redis.Options{Addr: s.Addr, MaxRetries: -1})
	defer func() { _ = rdb.Close() }()
	deadline := time.Now().Add(StartTimeout)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		info, err := rdb.Info(ctx, "server").Result()
		cancel()
		if err == nil {
			// The server that answers must be this one, not another on the same port.
			if strings.Contains(info, "\nprocess_id:"+strconv.Itoa(cmd.Process.Pid)+"\r") {
				return nil
			}
			s.Kill()
			return fmt.Errorf("%w: another server answers on %s\n%s", errPortTaken, s.Addr, log)
		}
		select {
		case <-exited:
			s.Kill()
			if strings.Contains(log.String(), "Address already in use") {
				return fmt.Errorf("%w: redis-server on %s exited at start (%v)\n%s", errPortTaken, s.Addr, cmd.ProcessState, log)
			}
			return fmt.Errorf("redis-server on %s exited at start (%v)\n%s", s.Addr, cmd.ProcessState, log)
		default:
		}
		if time.Now().After(deadline) {
			s.Kill()
			return fmt.Errorf("redis-server on %s did not answer within %v: %v\n%s", s.Addr, StartTimeout, err, log)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Kill ends the server at once (SIGKILL), losing its data, and waits until it is reaped; a
// second Kill does nothing.
func (s *Server) Kill() {
	s.mu.Lock()
	cmd, exited := s.cmd, s.exited
	s.cmd = nil
	s.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Signal(syscall.SIGCONT)
	_ = cmd.Process.Kill()
	<-exited
}

// Restart kills the server and starts it again on the same port, with the same settings:
// empty, unless Start's extra settings turned persistence on ("--appendonly", "yes").
func (s *Server) Restart() {
	s.t.Helper()
	if err := s.TryRestart(); err != nil {
		s.t.Fatal(err)
	}
}

// TryRestart is Restart returning its error instead of failing the test, for a goroutine
// other than the test's (where t.Fatal is not allowed).
func (s *Server) TryRestart() error {
	s.Kill()
	return s.tryStart()
}

// Freeze stops the process (SIGSTOP): connections are accepted by the kernel but nothing
// answers, as with a Redis that is overloaded or stuck. Thaw continues it.
func (s *Server) Freeze() { s.signal(syscall.SIGSTOP) }

// Thaw continues a frozen server.
func (s *Server) Thaw() { s.signal(syscall.SIGCONT) }

func (s *Server) signal(sig syscall.Signal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd != nil {
		_ = s.cmd.Process.Signal(sig)
	}
}

// Client returns a new client of the server, closed at the end of the test.
func (s *Server) Client(t testing.TB) *redis.Client {
	rdb := redis.NewClient(&redis.Options{Addr: s.Addr})
	t.Cleanup(func() { _ = rdb.Close() })
	return rdb
}
