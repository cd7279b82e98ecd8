package webhook

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"sort"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
)

// DefaultDedupWindow is how long an inbox remembers the key of a handled delivery, so that
// the same body delivered again is not stored and run twice.
const DefaultDedupWindow = 24 * time.Hour

// FileInbox is an Inbox in one file on local disk, for the Handlers of one process: a
// bbolt database (pure Go, no cgo), every write a transaction fsync'd before it returns.
// Open it with OpenFileInbox and Close it after the Handler. The file is locked while
// open: a second process that opens it waits, then fails; receivers that share an inbox
// use package webhook/redisinbox.
type FileInbox struct {
	db     *bolt.DB
	window time.Duration
	puts   atomic.Uint64
}

// FileInboxOption configures OpenFileInbox.
type FileInboxOption func(*fileInboxConfig)

type fileInboxConfig struct {
	window  time.Duration
	timeout time.Duration
}

// WithDedupWindow sets how long a FileInbox remembers the key of a handled or dropped
// delivery (default DefaultDedupWindow, 24 h); OpenFileInbox returns an error for d < 0
// (0: not at all once handled).
func WithDedupWindow(d time.Duration) FileInboxOption {
	return func(c *fileInboxConfig) { c.window = d }
}

// WithLockTimeout sets how long OpenFileInbox waits for the file's lock, held by another
// process (default 5 s; the lock of a process that died is released at once).
// OpenFileInbox returns an error for d <= 0.
func WithLockTimeout(d time.Duration) FileInboxOption {
	return func(c *fileInboxConfig) { c.timeout = d }
}

// The buckets of a FileInbox.
var (
	bucketMeta   = []byte("meta")   // key → fileMeta (JSON)
	bucketBody   = []byte("body")   // key → body
	bucketDue    = []byte("due")    // due time (8 bytes, big endian nanoseconds) + key → nothing
	bucketSeen   = []byte("seen")   // key → handled time (8 bytes)
	bucketSeenAt = []byte("seenAt") // handled time + key → nothing, to forget old keys
)

// fileMeta is the record of a stored event, its body aside.
type fileMeta struct {
	State     InboxState `json:"s"`
	Attempts  int        `json:"a"`
	Received  int64      `json:"r"`
	NotBefore int64      `json:"n"`
	LastError string     `json:"e,omitempty"`
}

// OpenFileInbox opens the inbox file at path, creating it (mode 0600) when it does not
// exist; its directory must exist. Events left running by a process that died are taken
// again once their lease ends.
func OpenFileInbox(path string, opts ...FileInboxOption) (*FileInbox, error) {
	c := fileInboxConfig{window: DefaultDedupWindow, timeout: 5 * time.Second}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	switch {
	case c.window < 0:
		return nil, fmt.Errorf("webhook: WithDedupWindow(%v): want 0 or more", c.window)
	case c.timeout <= 0:
		return nil, fmt.Errorf("webhook: WithLockTimeout(%v): want more than 0", c.timeout)
	}
	// The free-page list is not written with each commit (bbolt rebuilds it when it opens
	// the file, as etcd runs it): the data pages still are, fsync'd, and each commit writes
	// less, which halves the p99 of the time to answer with 8 senders.
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: c.timeout, NoFreelistSync: true, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return nil, fmt.Errorf("webhook: open the inbox file: %w", err)
	}
	// Puts running at once share a transaction (one fsync); a lone one waits this long
	// for company (bbolt's default, 10 ms, would be most of the time to answer).
	db.MaxBatchDelay = time.Millisecond
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketMeta, bucketBody, bucketDue, bucketSeen, bucketSeenAt} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("webhook: prepare the inbox file: %w", err)
	}
	return &FileInbox{db: db, window: c.window}, nil
}

// Close closes the file. Close the Handlers that use the inbox first.
func (f *FileInbox) Close() error { return f.db.Close() }

// timeKey is t as 8 big-endian bytes followed by key: sorted by time.
func timeKey(t int64, key string) []byte {
	b := make([]byte, 8, 8+len(key))
	binary.BigEndian.PutUint64(b, uint64(max(t, 0)))
	return append(b, key...)
}

// pruneEvery is how many Puts pass between two prunes of the dedup keys.
const pruneEvery = 256

// Put implements Inbox: one fsync'd transaction, batched with the Puts running at once.
func (f *FileInbox) Put(ctx context.Context, key string, body []byte) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	prune := f.puts.Add(1)%pruneEvery == 0
	var stored bool
	err := f.db.Batch(func(tx *bolt.Tx) error {
		stored = false // Batch may run the function again
		k := []byte(key)
		if tx.Bucket(bucketMeta).Get(k) != nil || tx.Bucket(bucketSeen).Get(k) != nil {
			return nil
		}
		now := time.Now().UnixNano()
		if err := putMeta(tx, key, &fileMeta{State: InboxPending, Received: now, NotBefore: now}); err != nil {
			return err
		}
		if err := tx.Bucket(bucketBody).Put(k, body); err != nil {
			return err
		}
		if err := tx.Bucket(bucketDue).Put(timeKey(now, key), nil); err != nil {
			return err
		}
		stored = true
		if prune {
			return f.prune(tx, now)
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("webhook: store the delivery: %w", err)
	}
	return stored, nil
}

// prune forgets, at most 1,000 at a time, the dedup keys older than the window.
func (f *FileInbox) prune(tx *bolt.Tx, now int64) error {
	limit := timeKey(now-int64(f.window), "")
	c := tx.Bucket(bucketSeenAt).Cursor()
	seen := tx.Bucket(bucketSeen)
	n := 0
	for k, _ := c.First(); k != nil && bytes.Compare(k, limit) < 0 && n < 1000; k, _ = c.First() {
		if err := seen.Delete(k[8:]); err != nil {
			return err
		}
		if err := c.Delete(); err != nil {
			return err
		}
		n++
	}
	return nil
}

func putMeta(tx *bolt.Tx, key string, m *fileMeta) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketMeta).Put([]byte(key), b)
}

func getMeta(tx *bolt.Tx, key string) (*fileMeta, error) {
	b := tx.Bucket(bucketMeta).Get([]byte(key))
	if b == nil {
		return nil, nil
	}
	m := new(fileMeta)
	if err := json.Unmarshal(b, m); err != nil {
		return nil, fmt.Errorf("webhook: inbox record %s: %w", key, err)
	}
	return m, nil
}

// event builds the InboxEvent of key, its body copied out of the transaction.
func event(tx *bolt.Tx, key string, m *fileMeta) InboxEvent {
	ev := InboxEvent{
		Key: key, Body: bytes.Clone(tx.Bucket(bucketBody).Get([]byte(key))),
		State: m.State, Attempts: m.Attempts, Received: time.Unix(0, m.Received),
		LastError: m.LastError,
	}
	if m.State != InboxDead {
		ev.NotBefore = time.Unix(0, m.NotBefore)
	}
	return ev
}

// Take implements Inbox: one fsync'd transaction, batched with the other writes running
// at once.
func (f *FileInbox) Take(ctx context.Context, lease time.Duration) (*InboxEvent, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var taken *InboxEvent
	err := f.db.Batch(func(tx *bolt.Tx) error {
		taken = nil // Batch may run the function again
		now := time.Now().UnixNano()
		c := tx.Bucket(bucketDue).Cursor()
		k, _ := c.First()
		if k == nil || int64(binary.BigEndian.Uint64(k[:8])) > now {
			return nil
		}
		key := string(k[8:])
		if err := c.Delete(); err != nil {
			return err
		}
		m, err := getMeta(tx, key)
		if err != nil || m == nil {
			return err // nil: an index entry without its event; it is gone now
		}
		m.Attempts++
		m.State = InboxRunning
		m.NotBefore = now + int64(lease)
		if err := putMeta(tx, key, m); err != nil {
			return err
		}
		if err := tx.Bucket(bucketDue).Put(timeKey(m.NotBefore, key), nil); err != nil {
			return err
		}
		ev := event(tx, key, m)
		taken = &ev
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("webhook: take from the inbox: %w", err)
	}
	return taken, nil
}

// remove deletes key's event and its due entry; with remember, its key is kept for the
// dedup window.
func (f *FileInbox) remove(tx *bolt.Tx, key string, m *fileMeta, remember bool) error {
	k := []byte(key)
	if m.State != InboxDead {
		if err := tx.Bucket(bucketDue).Delete(timeKey(m.NotBefore, key)); err != nil {
			return err
		}
	}
	if err := tx.Bucket(bucketMeta).Delete(k); err != nil {
		return err
	}
	if err := tx.Bucket(bucketBody).Delete(k); err != nil {
		return err
	}
	if !remember || f.window == 0 {
		return nil
	}
	now := time.Now().UnixNano()
	var t [8]byte
	binary.BigEndian.PutUint64(t[:], uint64(now))
	if err := tx.Bucket(bucketSeen).Put(k, t[:]); err != nil {
		return err
	}
	return tx.Bucket(bucketSeenAt).Put(timeKey(now, key), nil)
}

// Done implements Inbox. An event already gone (dropped, or done by another run) is no
// error.
func (f *FileInbox) Done(ctx context.Context, ev *InboxEvent) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := f.db.Batch(func(tx *bolt.Tx) error {
		m, err := getMeta(tx, ev.Key)
		if err != nil || m == nil {
			return err
		}
		return f.remove(tx, ev.Key, m, true)
	})
	if err != nil {
		return fmt.Errorf("webhook: mark the event done: %w", err)
	}
	return nil
}

// settle changes the event of a run that still holds its lease.
func (f *FileInbox) settle(ctx context.Context, ev *InboxEvent, change func(tx *bolt.Tx, m *fileMeta) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return f.db.Batch(func(tx *bolt.Tx) error {
		m, err := getMeta(tx, ev.Key)
		if err != nil {
			return err
		}
		if m == nil || m.State != InboxRunning || m.Attempts != ev.Attempts {
			return ErrLeaseLost
		}
		if err := tx.Bucket(bucketDue).Delete(timeKey(m.NotBefore, ev.Key)); err != nil {
			return err
		}
		if err := change(tx, m); err != nil {
			return err
		}
		return putMeta(tx, ev.Key, m)
	})
}

// Retry implements Inbox.
func (f *FileInbox) Retry(ctx context.Context, ev *InboxEvent, at time.Time, cause string) error {
	return f.settle(ctx, ev, func(tx *bolt.Tx, m *fileMeta) error {
		m.State, m.NotBefore, m.LastError = InboxPending, at.UnixNano(), cause
		return tx.Bucket(bucketDue).Put(timeKey(m.NotBefore, ev.Key), nil)
	})
}

// DeadLetter implements Inbox.
func (f *FileInbox) DeadLetter(ctx context.Context, ev *InboxEvent, cause string) error {
	return f.settle(ctx, ev, func(_ *bolt.Tx, m *fileMeta) error {
		m.State, m.NotBefore, m.LastError = InboxDead, 0, cause
		return nil
	})
}

// List implements Inbox.
func (f *FileInbox) List(ctx context.Context, state InboxState) ([]InboxEvent, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []InboxEvent
	err := f.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).ForEach(func(k, v []byte) error {
			var m fileMeta
			if err := json.Unmarshal(v, &m); err != nil {
				return fmt.Errorf("webhook: inbox record %s: %w", k, err)
			}
			if m.State == state {
				out = append(out, event(tx, string(k), &m))
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Received.Before(out[j].Received) })
	return out, nil
}

// Replay implements Inbox.
func (f *FileInbox) Replay(ctx context.Context, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return f.db.Update(func(tx *bolt.Tx) error {
		m, err := getMeta(tx, key)
		if err != nil {
			return err
		}
		if m == nil || m.State != InboxDead {
			return fmt.Errorf("%w: no dead event %s", ErrNoSuchEvent, key)
		}
		return f.revive(tx, key, m)
	})
}

// revive makes a dead event pending now.
func (f *FileInbox) revive(tx *bolt.Tx, key string, m *fileMeta) error {
	m.State, m.Attempts, m.NotBefore = InboxPending, 0, time.Now().UnixNano()
	if err := putMeta(tx, key, m); err != nil {
		return err
	}
	return tx.Bucket(bucketDue).Put(timeKey(m.NotBefore, key), nil)
}

// ReplayDead implements Inbox.
func (f *FileInbox) ReplayDead(ctx context.Context) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	n := 0
	err := f.db.Update(func(tx *bolt.Tx) error {
		n = 0
		type dead struct {
			key string
			m   fileMeta
		}
		var all []dead
		err := tx.Bucket(bucketMeta).ForEach(func(k, v []byte) error {
			var m fileMeta
			if err := json.Unmarshal(v, &m); err != nil {
				return fmt.Errorf("webhook: inbox record %s: %w", k, err)
			}
			if m.State == InboxDead {
				all = append(all, dead{string(k), m})
			}
			return nil
		})
		if err != nil {
			return err
		}
		for i := range all {
			if err := f.revive(tx, all[i].key, &all[i].m); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// Drop implements Inbox.
func (f *FileInbox) Drop(ctx context.Context, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return f.db.Update(func(tx *bolt.Tx) error {
		m, err := getMeta(tx, key)
		if err != nil {
			return err
		}
		if m == nil {
			return fmt.Errorf("%w: %s", ErrNoSuchEvent, key)
		}
		return f.remove(tx, key, m, true)
	})
}
