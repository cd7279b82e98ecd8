package bulk

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"sync"
	"time"
)

// State is the state of an item in a journal.
type State string

// The states a journal records. Succeeded, Failed, Skipped and Unknown are outcomes; Started
// is written when an item's first request is about to be sent (see Job.Do), so that an item
// whose process died during the call reads back as Unknown.
const (
	Succeeded State = "succeeded" // Do returned nil, or Check found the work done
	Failed    State = "failed"    // Do returned an error known not to have applied the work
	Skipped   State = "skipped"   // Do returned an error matching ErrSkip
	Unknown   State = "unknown"   // the work may or may not have been applied
	Started   State = "started"   // Do's first request was about to be sent; Unknown when nothing follows
)

// Entry is one line of a journal.
type Entry struct {
	// Key names the item (Job.Key).
	Key string `json:"key"`
	// State is what happened to it.
	State State `json:"state"`
	// Error is the error of a failed, skipped or unknown item.
	Error string `json:"error,omitempty"`
	// At is when the line was written (UTC).
	At time.Time `json:"at"`
}

// Journal is an append-only file of JSON lines recording each item's state, one Entry a
// line; the last line of a key is its state. Every line reaches the operating system as it is
// recorded (a killed process loses none), and the file is fsync'd in batches: every 256
// lines, at least once a second while lines are recorded, and on Sync and Close. Open the
// same file again to resume: the states it holds are read into memory (a few dozen bytes a
// key) and the run skips what succeeded. A Journal is safe for concurrent use.
type Journal struct {
	path  string
	prior map[string]State

	mu       sync.Mutex
	f        *os.File
	buf      []byte
	unsynced int
	lastSync time.Time
	now      func() time.Time
}

const syncEvery = 256

// OpenJournal opens the journal at path, creating it if needed, and reads the states it
// holds. A last line cut short by a killed process is ignored; any other line that is not an
// Entry is an error.
func OpenJournal(path string) (*Journal, error) {
	prior := map[string]State{}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("bulk: opening the journal: %w", err)
	}
	end, err := readEntries(f, path, func(e Entry) {
		if e.State == Started {
			e.State = Unknown
		}
		prior[e.Key] = e.State
	})
	if err == nil && end >= 0 {
		// The last line was cut short by a killed process: drop it.
		err = f.Truncate(end)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return &Journal{path: path, prior: prior, f: f, lastSync: time.Now(), now: time.Now}, nil
}

// readEntries calls each for every entry of r. It returns the offset where a last line cut
// short (and ignored) starts, or -1 when the last line is whole.
func readEntries(r io.Reader, path string, each func(Entry)) (cut int64, err error) {
	br := bufio.NewReader(r)
	var off int64
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		start := off
		off += int64(len(line))
		if errors.Is(err, io.EOF) {
			if len(line) == 0 {
				return -1, nil
			}
			return start, nil // no newline: the write was cut short
		}
		if err != nil {
			return -1, fmt.Errorf("bulk: reading the journal: %w", err)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var e Entry
		if err := json.Unmarshal(line, &e); err != nil || e.Key == "" {
			return -1, fmt.Errorf("bulk: journal %s:%d: not a journal entry", path, n)
		}
		each(e)
	}
}

// ReadJournal returns the entries of the journal file at path, in the order they were
// written, without opening it for writing; a last line cut short is left out.
func ReadJournal(path string) iter.Seq2[Entry, error] {
	return func(yield func(Entry, error) bool) {
		f, err := os.Open(path)
		if err != nil {
			yield(Entry{}, fmt.Errorf("bulk: opening the journal: %w", err))
			return
		}
		defer f.Close()
		stop := false
		_, err = readEntries(f, path, func(e Entry) {
			if !stop && !yield(e, nil) {
				stop = true
			}
		})
		if err != nil && !stop {
			yield(Entry{}, err)
		}
	}
}

// State returns the state key had when the journal was opened (Unknown for an item started
// and never finished), and false for a key it did not hold.
func (j *Journal) State(key string) (State, bool) {
	s, ok := j.prior[key]
	return s, ok
}

// Counts returns how many keys were in each state when the journal was opened.
func (j *Journal) Counts() map[State]int {
	n := map[State]int{}
	for _, s := range j.prior {
		n[s]++
	}
	return n
}

// Record appends an entry for key (its At is set to the current time).
func (j *Journal) Record(key string, state State, cause error) error {
	e := Entry{Key: key, State: state, At: j.now().UTC()}
	if cause != nil {
		e.Error = cause.Error()
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return errors.New("bulk: journal closed")
	}
	line, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("bulk: journal entry: %w", err)
	}
	j.buf = append(append(j.buf[:0], line...), '\n')
	if _, err := j.f.Write(j.buf); err != nil {
		return fmt.Errorf("bulk: writing the journal: %w", err)
	}
	j.unsynced++
	if j.unsynced >= syncEvery || time.Since(j.lastSync) >= time.Second {
		return j.syncLocked()
	}
	return nil
}

// Sync flushes the journal to stable storage.
func (j *Journal) Sync() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return nil
	}
	return j.syncLocked()
}

func (j *Journal) syncLocked() error {
	j.unsynced, j.lastSync = 0, time.Now()
	if err := j.f.Sync(); err != nil {
		return fmt.Errorf("bulk: syncing the journal: %w", err)
	}
	return nil
}

// Close syncs and closes the journal.
func (j *Journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return nil
	}
	err := j.syncLocked()
	if cerr := j.f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("bulk: closing the journal: %w", cerr)
	}
	j.f = nil
	return err
}

// Path returns the journal's file path.
func (j *Journal) Path() string { return j.path }
