package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/amity-go/amity/bulk"
)

// progress reports a bulk run's progress (items done, failed, rate, ETA) on w: when w is a
// terminal, one line redrawn every second; otherwise a plain line every 5 s (a log, a pipe).
func progress(w io.Writer, what string) bulk.Option {
	if isTerminal(w) {
		return bulk.WithProgress(func(s bulk.Stats) { fmt.Fprintf(w, "\r\033[K%s: %s", what, s) }, time.Second)
	}
	return bulk.WithProgress(func(s bulk.Stats) { fmt.Fprintf(w, "%s: %s\n", what, s) }, 5*time.Second)
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
