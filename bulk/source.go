package bulk

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"

	"github.com/amity-go/amity"
)

// Slice returns the items of s as a stream for Run.
func Slice[T any](s []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, item := range s {
			if !yield(item, nil) {
				return
			}
		}
	}
}

// Row is one record of a CSV file read by CSV.
type Row struct {
	// Line is the record's line number in the file (from 1).
	Line int
	// Fields are the record's fields.
	Fields []string
	// Err is the error of a record that could not be parsed (a bare quote, a wrong number of
	// fields): its Fields may be partial. The stream goes on after it, so that the Job can
	// record the row (as skipped, say) under a key of its own.
	Err error
	// header maps the header's column names to their indexes.
	header map[string]int
}

// Get returns the field of the named column (by the header line), or "" when the column or
// the field is missing.
func (r Row) Get(column string) string {
	if i, ok := r.header[column]; ok && i < len(r.Fields) {
		return r.Fields[i]
	}
	return ""
}

// CSV returns the records of a CSV file as a stream of Rows, read one at a time: the file is
// never held in memory. The first record is the header: it names the columns of Row.Get and
// is not yielded. A record the csv package cannot parse is yielded with its Err set; an
// error reading r ends the stream with that error.
func CSV(r io.Reader) iter.Seq2[Row, error] {
	return func(yield func(Row, error) bool) {
		cr := csv.NewReader(r)
		cr.FieldsPerRecord = -1
		cr.ReuseRecord = false
		var header map[string]int
		for {
			rec, err := cr.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			var line int
			var pe *csv.ParseError
			switch {
			case err == nil:
				line, _ = cr.FieldPos(0)
			case errors.As(err, &pe):
				line = pe.StartLine
			default:
				yield(Row{}, fmt.Errorf("bulk: reading the CSV: %w", err))
				return
			}
			if header == nil && err == nil {
				header = make(map[string]int, len(rec))
				for i, name := range rec {
					header[name] = i
				}
				continue
			}
			if !yield(Row{Line: line, Fields: rec, Err: err, header: header}, nil) {
				return
			}
		}
	}
}

// Swept returns the items of list as amity.Sweep hands them to its action, as a stream for
// Run: the safe way to run a job over a listing whose membership the job changes (deleting
// flagged posts, clearing their flags, banning the members of a filtered list). Sweep takes
// a snapshot of the listing, hands over its items, lists again and hands over the items it
// has not seen, until a listing brings no new one; key names the items, as Job.Key does.
// The stream ends with Sweep's error, if any.
func Swept[T any](ctx context.Context, list iter.Seq2[T, error], key func(T) string) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		stopped := errors.New("stopped")
		_, err := amity.Sweep(ctx, list, key, func(_ context.Context, item T) error {
			if !yield(item, nil) {
				return stopped
			}
			return nil
		})
		if err != nil && !errors.Is(err, stopped) {
			var zero T
			yield(zero, err)
		}
	}
}
